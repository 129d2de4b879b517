/*
 * test_memory.c - physical memory, the system address space and its PTEs as a
 * specification, seen through MmGetPhysicalAddress, MmIsAddressValid, pool
 * blocks, simulated page faults and the Sim* query API.
 *
 * Rules: docs/ddi-contract.md 1.14 (MmGetPhysicalAddress / MmIsAddressValid), 1.15
 * (pool), 3.7 (0x50, 0xD1 access faults); docs/architecture.md 2 (PTEs mirror the host
 * mapping, PFN layout with holes and RAM above 4 GiB, paged pool trimming) and
 * 6 (invariant checker).
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* setenv/unsetenv */
#endif
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TAG_TEST 'tseT'

static BOOLEAN PfnIsRam(const SIM_CONFIG *Config, PFN_NUMBER Pfn)
{
    for (ULONG r = 0; r < Config->RangeCount; r++) {
        if (Pfn >= Config->Ranges[r].BasePage &&
            Pfn < Config->Ranges[r].BasePage + Config->Ranges[r].PageCount) {
            return TRUE;
        }
    }
    return FALSE;
}

/* For one valid pool VA: the PTE, MmGetPhysicalAddress and the PFN database
 * agree (1.14). Returns the PFN. */
static PFN_NUMBER CheckPoolVa(const SIM_CONFIG *Config, PVOID Va, SIM_PAGE_STATE State)
{
    ULONG64 Pte;
    SIM_SPACE_REGION Region;
    assert_true(SimQueryPte(Va, &Pte, &Region));
    assert_true((Pte & SIM_PTE_VALID) != 0);
    assert_int_equal(Region, State == SimPagePagedPool ? SimRegionPagedPool
                                                       : SimRegionNonPagedPool);
    PFN_NUMBER Pfn = (PFN_NUMBER)SIM_PTE_PFN(Pte);
    PHYSICAL_ADDRESS Pa = MmGetPhysicalAddress(Va);
    assert_int_equal((ULONG64)Pa.QuadPart >> PAGE_SHIFT, Pfn);
    assert_int_equal((ULONG64)Pa.QuadPart & (PAGE_SIZE - 1), BYTE_OFFSET(Va));
    if (!PfnIsRam(Config, Pfn)) {
        print_error("VA %p maps PFN 0x%llx, outside the configured RAM\n", Va,
                    (unsigned long long)Pfn);
        fail();
    }
    SIM_PFN_INFO Info;
    assert_true(SimQueryPfn(Pfn, &Info));
    assert_int_equal(Info.State, State);
    assert_true(Info.MapCount >= 1);
    assert_int_equal(Info.LockCount, 0);
    return Pfn;
}

/* ======================================================================== */
/* 1.14: MmGetPhysicalAddress of pool = the PTE's page + the byte offset;    */
/* the PFN database says who owns the page (pool, mapped once); the page is  */
/* RAM of the configured layout.                                            */
/* ======================================================================== */
SIM_TEST(PhysicalAddressOfPool)
{
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    assert_true(Config.RangeCount > 0);
    static const struct {
        POOL_FLAGS Kind;
        SIZE_T Bytes;
        SIM_PAGE_STATE State;
    } Rows[] = {
        {POOL_FLAG_NON_PAGED, 16, SimPageNonPagedPool},
        {POOL_FLAG_NON_PAGED, 100, SimPageNonPagedPool},
        {POOL_FLAG_NON_PAGED, 4080, SimPageNonPagedPool},
        {POOL_FLAG_NON_PAGED, 4096, SimPageNonPagedPool},
        {POOL_FLAG_NON_PAGED, 5 * PAGE_SIZE + 7, SimPageNonPagedPool},
        {POOL_FLAG_NON_PAGED_EXECUTE, 200, SimPageNonPagedPool},
        {POOL_FLAG_PAGED, 48, SimPagePagedPool},
        {POOL_FLAG_PAGED, 3 * PAGE_SIZE, SimPagePagedPool},
    };
    enum { Blocks = 3 };
    BOOLEAN SawOffset = FALSE;
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        char *Va[Blocks];
        for (int b = 0; b < Blocks; b++) {
            Va[b] = (char *)ExAllocatePool2(Rows[r].Kind, Rows[r].Bytes, TAG_TEST);
            assert_non_null(Va[b]);
            /* Every page of the block, at the block's own offset and at its
             * last byte. */
            for (SIZE_T Off = 0; Off < Rows[r].Bytes; Off += PAGE_SIZE) {
                CheckPoolVa(&Config, Va[b] + Off, Rows[r].State);
            }
            CheckPoolVa(&Config, Va[b] + Rows[r].Bytes - 1, Rows[r].State);
            SawOffset |= BYTE_OFFSET(Va[b]) != 0;
            if (Rows[r].Bytes >= PAGE_SIZE) {
                /* Whole-page blocks: the page is owned by the block's tag and
                 * mapped exactly once. */
                ULONG64 Pte;
                SimQueryPte(Va[b], &Pte, NULL);
                SIM_PFN_INFO Info;
                assert_true(SimQueryPfn((PFN_NUMBER)SIM_PTE_PFN(Pte), &Info));
                assert_int_equal(Info.Owner, TAG_TEST);
                assert_int_equal(Info.MapCount, 1);
            }
        }
        /* Two sub-page blocks in one page share its PFN and differ in the
         * physical address exactly as in the virtual one. */
        if (Rows[r].Bytes < PAGE_SIZE && PAGE_ALIGN(Va[0]) == PAGE_ALIGN(Va[1])) {
            PHYSICAL_ADDRESS A = MmGetPhysicalAddress(Va[0]);
            PHYSICAL_ADDRESS B = MmGetPhysicalAddress(Va[1]);
            assert_int_equal(B.QuadPart - A.QuadPart, Va[1] - Va[0]);
        }
        for (int b = 0; b < Blocks; b++) {
            ExFreePoolWithTag(Va[b], TAG_TEST);
        }
    }
    assert_true(SawOffset);
    /* Valid at any IRQL (1.14): at HIGH_LEVEL too. */
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    assert_non_null(Va);
    PHYSICAL_ADDRESS Passive = MmGetPhysicalAddress(Va);
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    PHYSICAL_ADDRESS High = MmGetPhysicalAddress(Va);
    KeLowerIrql(Old);
    assert_int_equal(High.QuadPart, Passive.QuadPart);
    ExFreePoolWithTag(Va, TAG_TEST);
    SimAssertInvariants();
}

/* docs/architecture.md 2: a configured physical layout with a hole and RAM above 4 GiB.
 * Pool pages come from both ranges and every PFN is inside one of them. */
SIM_TEST_F(CustomPhysicalLayout, SimTestSetup, SimTestTeardownDefault)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.RangeCount = 2;
    Config.Ranges[0] = (SIM_PHYSICAL_RANGE){0x100, 512};
    Config.Ranges[1] = (SIM_PHYSICAL_RANGE){0x140000, 3584}; /* from 5 GiB */
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);

    SIM_CONFIG Got;
    SimGetConfig(&Got);
    assert_int_equal(Got.RangeCount, 2);
    assert_int_equal(Got.PhysicalPages, 512 + 3584);
    assert_int_equal(Got.Ranges[0].BasePage, 0x100);
    assert_int_equal(Got.Ranges[1].BasePage, 0x140000);
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.PhysicalPages, 4096);
    assert_int_equal(Stats.LowestPfn, 0x100);
    assert_int_equal(Stats.HighestPfn, 0x140000 + 3584 - 1);

    /* Holes are not RAM. */
    static const PFN_NUMBER Holes[] = {0, 0xFF, 0x100 + 512, 0x100000, 0x13FFFF,
                                       0x140000 + 3584};
    for (size_t i = 0; i < ARRAY_COUNT(Holes); i++) {
        SIM_PFN_INFO Info;
        assert_false(SimQueryPfn(Holes[i], &Info));
    }
    SIM_PFN_INFO Edge;
    assert_true(SimQueryPfn(0x100, &Edge));
    assert_true(SimQueryPfn(0x140000 + 3583, &Edge));

    /* 48 blocks of 16 pages = 768 pages: more than the low range holds. */
    enum { Blocks = 48, PagesPer = 16 };
    char *Va[Blocks];
    ULONG Low = 0, High = 0;
    for (int b = 0; b < Blocks; b++) {
        Va[b] = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PagesPer * PAGE_SIZE, TAG_TEST);
        assert_non_null(Va[b]);
        for (int k = 0; k < PagesPer; k++) {
            PFN_NUMBER Pfn = CheckPoolVa(&Got, Va[b] + k * PAGE_SIZE + 8, SimPageNonPagedPool);
            if (Pfn >= 0x100000) {
                High++;
                /* The physical address is above 4 GiB: all 64 bits kept. */
                assert_true(MmGetPhysicalAddress(Va[b] + k * PAGE_SIZE).QuadPart >=
                            0x140000000ll);
            } else {
                Low++;
            }
        }
    }
    assert_true(Low > 0);
    assert_true(High > 0);
    assert_int_equal(Low + High, Blocks * PagesPer);
    /* The memory is usable: write every page, read it back. */
    for (int b = 0; b < Blocks; b++) {
        for (int k = 0; k < PagesPer; k++) {
            Va[b][k * PAGE_SIZE] = (char)(b * PagesPer + k);
        }
    }
    for (int b = 0; b < Blocks; b++) {
        for (int k = 0; k < PagesPer; k++) {
            assert_int_equal((unsigned char)Va[b][k * PAGE_SIZE],
                             (unsigned char)(b * PagesPer + k));
        }
    }
    SimAssertInvariants();
    for (int b = 0; b < Blocks; b++) {
        ExFreePoolWithTag(Va[b], TAG_TEST);
    }
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.FreePages, 4096);
    SimAssertInvariants();
}

/* A layout that is not ascending, overlaps or includes page 0 is refused. */
SIM_TEST_F(BadPhysicalLayoutsRefused, SimTestSetup, SimTestTeardownDefault)
{
    static const struct {
        const char *Name;
        ULONG Count;
        SIM_PHYSICAL_RANGE Ranges[2];
    } Rows[] = {
        {"page 0", 1, {{0, 100}}},
        {"empty range", 2, {{0x100, 100}, {0x1000, 0}}},
        {"descending", 2, {{0x1000, 100}, {0x100, 100}}},
        {"overlapping", 2, {{0x100, 100}, {0x150, 100}}},
        {"too small", 1, {{0x100, 8}}},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        Config.RangeCount = Rows[r].Count;
        memcpy(Config.Ranges, Rows[r].Ranges, sizeof(Rows[r].Ranges));
        NTSTATUS Status = SimInitialize(&Config);
        if (Status != STATUS_INVALID_PARAMETER) {
            print_error("%s: status 0x%08X\n", Rows[r].Name, (unsigned)Status);
            fail();
        }
    }
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
}

/* ======================================================================== */
/* docs/architecture.md 2: PTEs are x64 hardware PTEs. Pool is valid, writable, NX. */
/* Host memory is not in system space, so it has no emulated PTE.           */
/* ======================================================================== */
SIM_TEST(PoolPteBits)
{
    static const struct {
        POOL_FLAGS Kind;
        SIZE_T Bytes;
        SIM_SPACE_REGION Region;
    } Rows[] = {
        {POOL_FLAG_NON_PAGED, 64, SimRegionNonPagedPool},
        {POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, SimRegionNonPagedPool},
        {POOL_FLAG_PAGED, 64, SimRegionPagedPool},
        {POOL_FLAG_PAGED, 2 * PAGE_SIZE, SimRegionPagedPool},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        char *Va = (char *)ExAllocatePool2(Rows[r].Kind, Rows[r].Bytes, TAG_TEST);
        assert_non_null(Va);
        for (SIZE_T Off = 0; Off < Rows[r].Bytes; Off += PAGE_SIZE) {
            ULONG64 Pte = 0;
            SIM_SPACE_REGION Region = SimRegionNone;
            assert_true(SimQueryPte(Va + Off, &Pte, &Region));
            assert_int_equal(Region, Rows[r].Region);
            assert_true((Pte & SIM_PTE_VALID) != 0);
            assert_true((Pte & SIM_PTE_WRITE) != 0);
            assert_true((Pte & SIM_PTE_NO_EXECUTE) != 0);
            assert_true((Pte & SIM_PTE_TRANSITION) == 0);
            assert_true((Pte & SIM_PTE_LARGE_PAGE) == 0);
            /* Cached memory: neither PCD nor PWT. */
            assert_true((Pte & (SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH)) == 0);
            assert_true(SIM_PTE_PFN(Pte) != 0);
        }
        ExFreePoolWithTag(Va, TAG_TEST);
    }
    /* A freed whole-page block leaves empty PTEs behind. */
    char *Gone = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Gone);
    ExFreePoolWithTag(Gone, TAG_TEST);
    for (int k = 0; k < 3; k++) {
        ULONG64 Pte = 1;
        assert_true(SimQueryPte(Gone + k * PAGE_SIZE, &Pte, NULL));
        assert_int_equal(Pte, 0);
    }
    /* Host memory: no emulated PTE, region None, Pte zeroed. */
    int Local = 0;
    void *Heap = malloc(16);
    assert_non_null(Heap);
    PVOID Host[] = {&Local, Heap};
    for (size_t i = 0; i < ARRAY_COUNT(Host); i++) {
        ULONG64 Pte = 0xFFFF;
        SIM_SPACE_REGION Region = SimRegionPagedPool;
        assert_false(SimQueryPte(Host[i], &Pte, &Region));
        assert_int_equal(Pte, 0);
        assert_int_equal(Region, SimRegionNone);
    }
    free(Heap);
    SimAssertInvariants();
}

/* ======================================================================== */
/* 1.14: MmIsAddressValid is TRUE iff a touch would not fault.               */
/* ======================================================================== */
SIM_TEST(IsAddressValidTable)
{
    char *Small = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    char *Pages = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG_TEST);
    char *Freed = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    char *Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Small);
    assert_non_null(Pages);
    assert_non_null(Freed);
    assert_non_null(Paged);
    ExFreePoolWithTag(Freed, TAG_TEST);
    int Local = 0;
    char *Base = (char *)SimSystemSpaceBase(NULL);
    const struct {
        const char *Name;
        PVOID Va;
        BOOLEAN Valid;
    } Rows[] = {
        {"live 64-byte block", Small, TRUE},
        {"live 64-byte block, last byte", Small + 63, TRUE},
        {"live 3-page block, page 0", Pages, TRUE},
        {"live 3-page block, page 2 last byte", Pages + 3 * PAGE_SIZE - 1, TRUE},
        {"live paged block", Paged, TRUE},
        {"freed 2-page block, page 0", Freed, FALSE},
        {"freed 2-page block, page 1", Freed + PAGE_SIZE + 100, FALSE},
        {"first page past the 3-page block", Pages + 3 * PAGE_SIZE, FALSE},
        {"guard page at the system space base", Base, FALSE},
        {"host stack", &Local, TRUE},
        {"NULL", NULL, FALSE},
    };
    static const KIRQL Irqls[] = {PASSIVE_LEVEL, DISPATCH_LEVEL}; /* <= DISPATCH_LEVEL */
    for (size_t l = 0; l < ARRAY_COUNT(Irqls); l++) {
        KIRQL Old;
        KeRaiseIrql(Irqls[l], &Old);
        for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
            BOOLEAN Got = MmIsAddressValid(Rows[r].Va);
            if (Got != Rows[r].Valid) {
                print_error("%s (%p) at IRQL %u: MmIsAddressValid %u, expected %u\n",
                            Rows[r].Name, Rows[r].Va, (unsigned)Irqls[l], Got, Rows[r].Valid);
                fail();
            }
        }
        KeLowerIrql(Old);
    }
    ExFreePoolWithTag(Small, TAG_TEST);
    ExFreePoolWithTag(Pages, TAG_TEST);
    ExFreePoolWithTag(Paged, TAG_TEST);
    assert_false(MmIsAddressValid(Pages));
    SimAssertInvariants();
}

/* ======================================================================== */
/* 3.7: touching invalid system memory is 0x50 PAGE_FAULT_IN_NONPAGED_AREA: */
/* P1 address, P2 0 read / 2 write, P3 code address, P4 0 = freed PTE,      */
/* 2 = nothing maps the address (guard).                                    */
/* ======================================================================== */
static char *FreedBlock(SIZE_T Bytes)
{
    char *Va = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, TAG_TEST);
    assert_non_null(Va);
    ExFreePoolWithTag(Va, TAG_TEST);
    return Va;
}

SIM_TEST(TouchFreedPageRead)
{
    char *Va = FreedBlock(PAGE_SIZE) + 123;
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, (void)*(volatile char *)Va);
    SimCmockaCheckBugCheck(&Got, 0x50, (ULONG_PTR)Va, 0, SIM_ANY, 0, "read of a freed page",
                           __FILE__, __LINE__);
    assert_true(Got.Parameters[2] != 0); /* the faulting instruction */
}

SIM_TEST(TouchFreedPageWrite)
{
    char *Va = FreedBlock(PAGE_SIZE) + 4000;
    SIM_EXPECT_BUGCHECK4(0x50, (ULONG_PTR)Va, 2, SIM_ANY, 0, *(volatile char *)Va = 1);
}

SIM_TEST(TouchFreedSecondPageWrite)
{
    char *Va = FreedBlock(4 * PAGE_SIZE) + 2 * PAGE_SIZE + 8;
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, *(volatile ULONG64 *)Va = 0x1234);
    SimCmockaCheckBugCheck(&Got, 0x50, (ULONG_PTR)Va, 2, SIM_ANY, 0, "write to a freed page",
                           __FILE__, __LINE__);
    assert_true(Got.Parameters[2] != 0);
}

/* Guards surround the regions of system space (docs/architecture.md 2): the page at
 * SimSystemSpaceBase (below the system PTE region), the last page, and the
 * page just below the first non-paged pool page. */
SIM_TEST(TouchGuardPages)
{
    static const struct {
        const char *Name;
        int Which;     /* 0 base, 1 last page, 2 below non-paged pool */
        BOOLEAN Write;
    } Rows[] = {
        {"read of the guard at the system space base", 0, FALSE},
        {"write to the guard at the system space base", 0, TRUE},
        {"read of the last page of system space", 1, FALSE},
        {"write below the first non-paged pool page", 2, TRUE},
        {"read below the first non-paged pool page", 2, FALSE},
    };
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimReset();
        SIZE_T Bytes;
        char *Base = (char *)SimSystemSpaceBase(&Bytes);
        assert_non_null(Base);
        assert_true(Bytes > 3 * PAGE_SIZE);
        char *volatile Va;
        if (Rows[r].Which == 0) {
            Va = Base + 0x10;
        } else if (Rows[r].Which == 1) {
            Va = Base + Bytes - PAGE_SIZE + 0x20;
        } else {
            char *First = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
            assert_non_null(First);
            Va = First - PAGE_SIZE + 0x30;
        }
        ULONG64 Pte = 1;
        SIM_SPACE_REGION Region = SimRegionNone;
        assert_true(SimQueryPte(Va, &Pte, &Region));
        assert_int_equal(Region, SimRegionGuard); /* precondition */
        assert_int_equal(Pte, 0);
        assert_false(MmIsAddressValid(Va));
        SIM_BUGCHECK Got;
        if (Rows[r].Write) {
            SIM_CATCH_BUGCHECK(&Got, *(volatile char *)Va = 1);
        } else {
            SIM_CATCH_BUGCHECK(&Got, (void)*(volatile char *)Va);
        }
        SimCmockaCheckBugCheck(&Got, 0x50, (ULONG_PTR)Va, Rows[r].Write ? 2 : 0, SIM_ANY, 2,
                               Rows[r].Name, __FILE__, __LINE__);
    }
    SimReset();
}

/* ======================================================================== */
/* docs/architecture.md 2 / 3.7: paged pool may be trimmed (transition PTE, page kept); */
/* a touch at <= APC_LEVEL faults it back in with its contents, a touch at  */
/* DISPATCH_LEVEL is 0xD1 (address, IRQL, 0 read / 1 write, code address).  */
/* ======================================================================== */
SIM_TEST(PagedPoolTrimAndFault)
{
    enum { Pages = 2 };
    char *Va = (char *)ExAllocatePool2(POOL_FLAG_PAGED, Pages * PAGE_SIZE, TAG_TEST);
    assert_non_null(Va);
    for (int i = 0; i < Pages * PAGE_SIZE; i++) {
        Va[i] = (char)(i * 7 + 3);
    }
    ULONG64 Before[Pages];
    for (int k = 0; k < Pages; k++) {
        assert_true(SimQueryPte(Va + k * PAGE_SIZE, &Before[k], NULL));
    }
    /* A non-paged block is never trimmed. */
    char *NonPaged = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(NonPaged);

    assert_int_equal(SimTrimPagedPool(), Pages);
    for (int k = 0; k < Pages; k++) {
        ULONG64 Pte;
        assert_true(SimQueryPte(Va + k * PAGE_SIZE, &Pte, NULL));
        assert_true((Pte & SIM_PTE_TRANSITION) != 0);
        assert_true((Pte & SIM_PTE_VALID) == 0);
        /* The page stays in memory: same PFN, still paged pool, still named
         * by one (transition) PTE. */
        assert_int_equal(SIM_PTE_PFN(Pte), SIM_PTE_PFN(Before[k]));
        SIM_PFN_INFO Info;
        assert_true(SimQueryPfn((PFN_NUMBER)SIM_PTE_PFN(Pte), &Info));
        assert_int_equal(Info.State, SimPagePagedPool);
        assert_int_equal(Info.MapCount, 1);
        assert_false(MmIsAddressValid(Va + k * PAGE_SIZE));
    }
    assert_true(MmIsAddressValid(NonPaged));
    SimAssertInvariants();
    /* Nothing valid left to trim. */
    assert_int_equal(SimTrimPagedPool(), 0);

    /* PASSIVE_LEVEL read: a soft fault brings the page back with its data. */
    assert_int_equal(*(volatile char *)(Va + 5), (char)(5 * 7 + 3));
    ULONG64 Pte;
    SimQueryPte(Va, &Pte, NULL);
    assert_true((Pte & SIM_PTE_VALID) != 0);
    assert_true((Pte & SIM_PTE_TRANSITION) == 0);
    assert_int_equal(SIM_PTE_PFN(Pte), SIM_PTE_PFN(Before[0]));
    assert_true(MmIsAddressValid(Va));
    assert_false(MmIsAddressValid(Va + PAGE_SIZE)); /* only the touched page */
    /* APC_LEVEL write to the other page also faults it in. */
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    Va[PAGE_SIZE + 1] = 0x42;
    KeLowerIrql(Old);
    assert_true(MmIsAddressValid(Va + PAGE_SIZE));
    for (int i = 0; i < Pages * PAGE_SIZE; i++) {
        char Want = i == PAGE_SIZE + 1 ? 0x42 : (char)(i * 7 + 3);
        assert_int_equal(Va[i], Want);
    }
    SimAssertInvariants();

    /* Trim again, then read at DISPATCH_LEVEL: 0xD1. */
    assert_int_equal(SimTrimPagedPool(), Pages);
    ExFreePoolWithTag(NonPaged, TAG_TEST);
    SIM_EXPECT_BUGCHECK4(0xD1, (ULONG_PTR)(Va + 5), DISPATCH_LEVEL, 0, SIM_ANY, {
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        (void)*(volatile char *)(Va + 5);
    });
}

SIM_TEST(PagedPoolTrimWriteAtDispatch)
{
    char *Va = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_TEST);
    assert_non_null(Va);
    assert_true(SimTrimPagedPool() >= 1);
    SIM_EXPECT_BUGCHECK4(0xD1, (ULONG_PTR)(Va + 9), DISPATCH_LEVEL, 1, SIM_ANY, {
        KIRQL Old;
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        *(volatile char *)(Va + 9) = 1;
    });
}

/* Freeing a block whose pages are trimmed releases them like resident ones;
 * allocating a zeroed block in a trimmed page works (and leaves it zero). */
SIM_TEST(TrimmedPagedPoolFreeAndReuse)
{
    SIM_MEMORY_STATS Start, Stats;
    SimQueryMemory(&Start);
    char *Whole = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    char *Small = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_TEST);
    assert_non_null(Whole);
    assert_non_null(Small);
    memset(Small, 0x77, 64);
    ExFreePoolWithTag(Small, TAG_TEST);
    assert_int_equal(SimTrimPagedPool(), 3);
    ExFreePoolWithTag(Whole, TAG_TEST);
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.PagedPoolPages, Start.PagedPoolPages + 1); /* the small page */
    SimAssertInvariants();
    char *Again = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_TEST);
    assert_non_null(Again);
    for (int i = 0; i < 64; i++) {
        assert_int_equal(Again[i], 0); /* faults the page in at PASSIVE_LEVEL */
    }
    ExFreePoolWithTag(Again, TAG_TEST);
    SimAssertInvariants();
}

/* ======================================================================== */
/* docs/architecture.md 6: the invariant checker passes on consistent state and */
/* catches each kind of deliberate corruption, with a report.                */
/* ======================================================================== */
SIM_TEST(InvariantsHoldThroughWork)
{
    SimAssertInvariants(); /* fresh machine */
    enum { Count = 64 };
    PVOID Va[Count];
    for (int i = 0; i < Count; i++) {
        SIZE_T Bytes = (SIZE_T)(i % 5 == 0 ? (i + 1) * 1000 : 16 * (i + 1));
        Va[i] = ExAllocatePool2(i % 2 ? POOL_FLAG_PAGED : POOL_FLAG_NON_PAGED, Bytes, TAG_TEST);
        assert_non_null(Va[i]);
    }
    SimAssertInvariants();
    for (int i = 0; i < Count; i += 2) {
        ExFreePoolWithTag(Va[i], TAG_TEST);
    }
    SimAssertInvariants();
    (void)SimTrimPagedPool();
    SimAssertInvariants();
    for (int i = 1; i < Count; i += 2) {
        ExFreePoolWithTag(Va[i], TAG_TEST);
    }
    SimAssertInvariants();
}

static void ExpectCorruptionCaught(SIM_CORRUPTION Kind, PVOID Va)
{
    SimAssertInvariants();
    assert_true(SimCorruptForTest(Kind, Va));
    char Report[4096];
    Report[0] = '\0';
    assert_false(SimCheckInvariants(Report, sizeof(Report)));
    assert_true(strlen(Report) > 0);
    /* Without a buffer the verdict is the same. */
    assert_false(SimCheckInvariants(NULL, 0));
    /* The state is deliberately broken: start over before the teardown. */
    SimReset();
    SimAssertInvariants();
}

SIM_TEST(InvariantCatchesMapCount)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    assert_non_null(Va);
    ExpectCorruptionCaught(SimCorruptPfnMapCount, Va);
}

SIM_TEST(InvariantCatchesPteWithoutHost)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Va);
    ExpectCorruptionCaught(SimCorruptPteWithoutHost, Va);
}

SIM_TEST(InvariantCatchesFreeCount)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Va);
    ExpectCorruptionCaught(SimCorruptFreeCount, NULL);
}

/* A corruption that needs a valid page is refused for addresses without one
 * (and changes nothing). */
SIM_TEST(CorruptionNeedsAValidPage)
{
    int Local = 0;
    char *Freed = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Freed);
    ExFreePoolWithTag(Freed, TAG_TEST);
    PVOID Targets[] = {&Local, Freed, NULL};
    for (size_t i = 0; i < ARRAY_COUNT(Targets); i++) {
        assert_false(SimCorruptForTest(SimCorruptPfnMapCount, Targets[i]));
        assert_false(SimCorruptForTest(SimCorruptPteWithoutHost, Targets[i]));
    }
    SimAssertInvariants();
}

/* ======================================================================== */
/* docs/architecture.md 2: page accounting. Every RAM page is free, MDL or pool; every */
/* pool page is mapped once; host mappings are coalesced runs of valid PTEs. */
/* ======================================================================== */
static void CheckAccounting(const SIM_MEMORY_STATS *S, ULONG64 TrimmedPages)
{
    assert_int_equal(S->FreePages + S->MdlPages + S->NonPagedPoolPages + S->PagedPoolPages,
                     S->PhysicalPages);
    assert_true(S->ZeroedPages <= S->FreePages);
    assert_int_equal(S->ValidPtes + TrimmedPages, S->NonPagedPoolPages + S->PagedPoolPages);
    assert_true(S->HostMappings <= S->ValidPtes);
    assert_true(S->ValidPtes == 0 || S->HostMappings >= 1);
}

SIM_TEST(MemoryAccounting)
{
    SIM_MEMORY_STATS Start, S;
    SimQueryMemory(&Start);
    CheckAccounting(&Start, 0);
    assert_int_equal(Start.FreePages, Start.PhysicalPages);
    assert_int_equal(Start.PoolBlocks, 0);
    assert_int_equal(Start.ValidPtes, 0);

    PVOID Np = ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG_TEST);
    PVOID Pp = ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Np);
    assert_non_null(Pp);
    PVOID Small[10];
    for (int i = 0; i < 10; i++) {
        Small[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 100, TAG_TEST);
        assert_non_null(Small[i]);
    }
    SimQueryMemory(&S);
    CheckAccounting(&S, 0);
    /* 3 pages + one page of 112-byte slots; 2 paged pages. */
    assert_int_equal(S.NonPagedPoolPages, 4);
    assert_int_equal(S.PagedPoolPages, 2);
    assert_int_equal(S.FreePages, Start.PhysicalPages - 6);
    assert_int_equal(S.PoolBlocks, 12);
    assert_int_equal(S.ValidPtes, 6);

    /* Trimmed pages stay allocated but are no longer valid. */
    assert_int_equal(SimTrimPagedPool(), 2);
    SimQueryMemory(&S);
    CheckAccounting(&S, 2);
    assert_int_equal(S.PagedPoolPages, 2);
    assert_int_equal(S.ValidPtes, 4);

    ExFreePoolWithTag(Np, TAG_TEST);
    ExFreePoolWithTag(Pp, TAG_TEST);
    for (int i = 0; i < 10; i++) {
        ExFreePoolWithTag(Small[i], TAG_TEST);
    }
    SimQueryMemory(&S);
    CheckAccounting(&S, 0);
    assert_int_equal(S.PoolBlocks, 0);
    assert_int_equal(S.PagedPoolPages, 0);
    /* Sub-page slots may keep their page for reuse; whole pages go back. */
    assert_true(S.NonPagedPoolPages <= 1);
    SimAssertInvariants();
}

/* ======================================================================== */
/* docs/architecture.md 3: the modern profile is the default; MMSIM_PROFILE selects. */
/* Strict (Verifier) mode is the default too (docs/architecture.md 5).      */
/* ======================================================================== */
SIM_TEST_F(DefaultProfileIsModern, SimTestSetup, SimTestTeardownDefault)
{
    char SavedProfile[32] = "", SavedStrict[32] = "";
    const char *P = getenv("MMSIM_PROFILE");
    const char *St = getenv("MMSIM_STRICT");
    BOOLEAN HadProfile = P != NULL, HadStrict = St != NULL;
    if (P != NULL) {
        snprintf(SavedProfile, sizeof(SavedProfile), "%s", P);
    }
    if (St != NULL) {
        snprintf(SavedStrict, sizeof(SavedStrict), "%s", St);
    }
    unsetenv("MMSIM_PROFILE");
    unsetenv("MMSIM_STRICT");

    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    assert_int_equal(Config.Profile, SimProfileModern);
    assert_true(Config.Strict);
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    assert_int_equal(SimGetProfile(), SimProfileModern);
    assert_string_equal(SimProfileName(SimGetProfile()), "modern");

    setenv("MMSIM_PROFILE", "nt5", 1);
    SimDefaultConfig(&Config);
    assert_int_equal(Config.Profile, SimProfileNt5);
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    assert_int_equal(SimGetProfile(), SimProfileNt5);
    assert_string_equal(SimProfileName(SimGetProfile()), "nt5");

    if (HadProfile) {
        setenv("MMSIM_PROFILE", SavedProfile, 1);
    } else {
        unsetenv("MMSIM_PROFILE");
    }
    if (HadStrict) {
        setenv("MMSIM_STRICT", SavedStrict, 1);
    }
}

/* A NULL pointer (the never-mapped first 64 KiB) dereferenced by kernel code:
 *   IRQL         inside SIM_TRY_STATUS (__try)   no handler
 *   < DISPATCH   STATUS_ACCESS_VIOLATION         0x1E (C0000005, code, 0/1, address)
 *   >= DISPATCH  0xD1 (address, IRQL, 0/1, code) 0xD1
 * - a stop, as on Windows, never a host crash. */
static volatile ULONG *volatile NullPage = NULL;

SIM_TEST(NullPointerIsAccessViolationOrStop)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, (void)NullPage[2]);
    assert_int_equal(Status, STATUS_ACCESS_VIOLATION);
    assert_false(SimIsStopped(NULL));

    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, NullPage[4] = 1);
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, KMODE_EXCEPTION_NOT_HANDLED);
    assert_int_equal(Stop.Parameters[0], (ULONG_PTR)(ULONG)STATUS_ACCESS_VIOLATION);
    assert_true(Stop.Parameters[1] != 0);   /* the faulting instruction */
    assert_int_equal(Stop.Parameters[2], 1); /* a write */
    assert_int_equal(Stop.Parameters[3], 4 * sizeof(ULONG));
    SimReset();

    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_CATCH_BUGCHECK(&Stop, (void)NullPage[1]);
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, DRIVER_IRQL_NOT_LESS_OR_EQUAL);
    assert_int_equal(Stop.Parameters[0], sizeof(ULONG));
    assert_int_equal(Stop.Parameters[1], DISPATCH_LEVEL);
    assert_int_equal(Stop.Parameters[2], 0);
    SimReset();

    /* A DDI given a NULL MDL stops the machine too (IoFreeMdl reads it). */
    SIM_CATCH_BUGCHECK(&Stop, MmBuildMdlForNonPagedPool(NULL));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, KMODE_EXCEPTION_NOT_HANDLED);
}

int main(void)
{
    return SimRunTests("memory", NULL, NULL);
}
