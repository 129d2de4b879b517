/*
 * test_mdl.c - MDLs as a specification: IoAllocateMdl, IoFreeMdl,
 * MmInitializeMdl, MmSizeOfMdl, MmBuildMdlForNonPagedPool, IoBuildPartialMdl,
 * MmPrepareMdlForReuse, MmAllocatePagesForMdl(Ex), MmFreePagesFromMdl(Ex),
 * MmProbeAndLockPages, MmUnlockPages, MmMapLockedPagesSpecifyCache,
 * MmUnmapLockedPages and MmGetSystemAddressForMdlSafe.
 *
 * Rules: docs/mdl.md (every table row below cites it as "mdl.md: <section>")
 * and docs/ddi-contract.md 1.6-1.13 (DDIs), 2 (layout and flags), 3.2-3.4 (0x1A,
 * 0x4E, 0xC4), 3.7 (0x50, 0xD1), 3.8 (0x3F, 0x12E, 0x40).
 *
 * Every test leaves the machine clean (the fixture fails a leak) or stopped
 * (a bug check was the expected outcome). The default machine of this suite
 * is strict (Verifier-like); tests of retail behaviour build their own.
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TAG_TEST   'tseT'
#define TAG_IO_MDL ' ldM' /* "Mdl "  (mdl.md: pool tags) */
#define TAG_MM_MDL 'ldmM' /* "Mmdl"  (mdl.md: pool tags) */
#define FIXED_PFNS 23     /* IoAllocateMdl's fixed-size MDLs hold 23 PFNs */
#define MAX_MDL_BYTES 0xFFFFF000ull
#define PFN_SENTINEL ((PFN_NUMBER)-1)

/* ------------------------------------------------------------------------ */
/* Helpers.                                                                 */
/* The suite's machine: the defaults, strict, whatever the environment says. */
static void UseMachine(BOOLEAN Strict, ULONG64 PhysicalPages, ULONG64 SystemPtes,
                       ULONG64 NonPagedPoolPages)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Strict = Strict;
    if (PhysicalPages != 0) {
        Config.PhysicalPages = PhysicalPages;
        Config.RangeCount = 0;
    }
    if (SystemPtes != 0) {
        Config.SystemPtes = SystemPtes;
    }
    if (NonPagedPoolPages != 0) {
        Config.NonPagedPoolPages = NonPagedPoolPages;
    }
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

/* A test that changed the machine gives later tests the suite's default back. */
static int TeardownDefaultMachine(void **State)
{
    int Result = SimTestTeardown(State);
    UseMachine(TRUE, 0, 0, 0);
    return Result;
}

/* MmAllocatePagesForMdlEx anywhere in RAM. */
static PMDL AllocPages(SIZE_T Bytes, ULONG Flags)
{
    return MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull), SimPhysical(0), Bytes,
                                   MmCached, Flags);
}

static ULONG MdlSpan(const MDL *Mdl)
{
    return ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
}

/* The pool block that starts at Va (FALSE if none). */
static BOOLEAN FindPoolBlock(PVOID Va, SIM_POOL_BLOCK_INFO *Out)
{
    enum { Max = 8192 };
    static SIM_POOL_BLOCK_INFO Blocks[Max];
    ULONG Count = SimEnumPoolBlocks(Blocks, Max);
    for (ULONG i = 0; i < Count && i < Max; i++) {
        if (Blocks[i].Va == Va) {
            *Out = Blocks[i];
            return TRUE;
        }
    }
    return FALSE;
}

static ULONG64 PoolBlocks(void)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    return Stats.PoolBlocks;
}

static SIM_PFN_INFO PfnInfo(PFN_NUMBER Pfn)
{
    SIM_PFN_INFO Info;
    assert_true(SimQueryPfn(Pfn, &Info));
    return Info;
}

/* The PFN behind a valid system VA, by its PTE. */
static PFN_NUMBER PfnOfVa(PVOID Va)
{
    ULONG64 Pte;
    assert_true(SimQueryPte(Va, &Pte, NULL));
    assert_true((Pte & SIM_PTE_VALID) != 0);
    return (PFN_NUMBER)SIM_PTE_PFN(Pte);
}

/* A non-paged pool buffer with an IoAllocateMdl MDL over [Buffer+Offset,
 * +Length), probed and locked for write. */
typedef struct _LOCKED_BUFFER {
    char *Buffer;
    PMDL Mdl;
} LOCKED_BUFFER;

static LOCKED_BUFFER LockNonPaged(SIZE_T BufferBytes, SIZE_T Offset, ULONG Length,
                                  LOCK_OPERATION Operation)
{
    LOCKED_BUFFER L;
    L.Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, BufferBytes, TAG_TEST);
    assert_non_null(L.Buffer);
    L.Mdl = IoAllocateMdl(L.Buffer + Offset, Length, FALSE, FALSE, NULL);
    assert_non_null(L.Mdl);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(L.Mdl, KernelMode, Operation));
    assert_int_equal(Status, STATUS_SUCCESS);
    return L;
}

static void UnlockAndFree(LOCKED_BUFFER *L)
{
    MmUnlockPages(L->Mdl);
    IoFreeMdl(L->Mdl);
    ExFreePoolWithTag(L->Buffer, TAG_TEST);
}

/* A copy of an MDL (header and PFN array), as a driver that "builds an MDL by
 * hand" keeps one; lets a test undo what a freed MDL left behind. */
typedef struct _MDL_COPY {
    MDL Header;
    PFN_NUMBER Pfns[64];
} MDL_COPY;

static void CopyMdl(MDL_COPY *Copy, const MDL *Mdl)
{
    ULONG Span = MdlSpan(Mdl);
    assert_true(Span <= ARRAY_COUNT(Copy->Pfns));
    Copy->Header = *Mdl;
    memcpy(Copy->Pfns, MmGetMdlPfnArray(Mdl), Span * sizeof(PFN_NUMBER));
}

/* For table rows that must all be reported: TRUE if Got is Code with the
 * parameters given (SIM_ANY skips), else prints what differs. */
static BOOLEAN BugCheckIs(const SIM_BUGCHECK *Got, ULONG Code, ULONG_PTR P1, ULONG_PTR P2,
                          ULONG_PTR P3, ULONG_PTR P4, const char *Row)
{
    const ULONG_PTR Want[4] = {P1, P2, P3, P4};
    BOOLEAN Ok = Got->Caught && !Got->Refused && Got->Code == Code;
    for (int i = 0; Ok && i < 4; i++) {
        Ok = Want[i] == SIM_ANY || Want[i] == Got->Parameters[i];
    }
    if (!Ok) {
        print_error("row '%s': expected 0x%X (0x%llX, 0x%llX, 0x%llX, 0x%llX), got %s0x%X "
                    "(0x%llX, 0x%llX, 0x%llX, 0x%llX)\n",
                    Row, (unsigned)Code, (unsigned long long)P1, (unsigned long long)P2,
                    (unsigned long long)P3, (unsigned long long)P4,
                    Got->Caught ? "" : "no bug check ", (unsigned)Got->Code,
                    (unsigned long long)Got->Parameters[0], (unsigned long long)Got->Parameters[1],
                    (unsigned long long)Got->Parameters[2], (unsigned long long)Got->Parameters[3]);
    }
    return Ok;
}

/* ======================================================================== */
/* IoAllocateMdl (mdl.md: IoAllocateMdl / IoFreeMdl; ddi-contract 1.9, 2.1). */
/*                                                                          */
/*   +--------- MDL header (0x30) ---------+-- PFN array --------------+    */
/*   | Next Size Flags Process MappedSysVa | 23 slots (fixed size) or  |    */
/*   | StartVa ByteCount ByteOffset        | exactly span slots        |    */
/*   +-------------------------------------+---------------------------+    */
/* ======================================================================== */

/* Rule: the MDL is initialised as MmInitializeMdl does (Size truncated to
 * CSHORT like the macro), Process = MappedSystemVa = NULL; span <= 23 pages
 * is a fixed-size block for 23 PFNs with MDL_ALLOCATED_FIXED_SIZE, larger is
 * exact; both tagged "Mdl " in non-paged pool; Length > 4 GB - PAGE_SIZE is
 * NULL. Source: mdl.md IoAllocateMdl table, pool tags table; ddi-contract 1.9. */
SIM_TEST(IoAllocateMdlTable)
{
    static const struct {
        const char *Name;
        ULONG_PTR Offset; /* byte offset of the VA in its page */
        ULONG64 Length;
        BOOLEAN Null;
    } Rows[] = {
        {"zero length", 0, 0, FALSE},
        {"one byte", 0x10, 1, FALSE},
        {"one page, aligned", 0, PAGE_SIZE, FALSE},
        {"one page at offset 8: spans two", 8, PAGE_SIZE, FALSE},
        {"23 pages aligned: the largest fixed size", 0, 23 * PAGE_SIZE, FALSE},
        {"23 pages at an offset: 24 pages, exact size", 0x200, 23 * PAGE_SIZE, FALSE},
        {"24 pages", 0, 24 * PAGE_SIZE, FALSE},
        {"100 pages + 1 byte", 0xFFF, 100 * PAGE_SIZE + 1, FALSE},
        {"4 GB - PAGE_SIZE: the limit (Size wraps as a CSHORT)", 0, MAX_MDL_BYTES, FALSE},
        {"4 GB - PAGE_SIZE + 1", 0, MAX_MDL_BYTES + 1, TRUE},
        {"0xFFFFFFFF", 0x123, 0xFFFFFFFFull, TRUE},
    };
    const ULONG_PTR Base = 0xFFFFB80000000000ull; /* never touched */
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        PVOID Va = (PVOID)(Base + r * 0x10000000ull + Rows[r].Offset);
        ULONG Length = (ULONG)Rows[r].Length;
        ULONG64 BlocksBefore = PoolBlocks();
        PMDL Mdl = IoAllocateMdl(Va, Length, FALSE, FALSE, NULL);
        if (Rows[r].Null) {
            if (Mdl != NULL) {
                print_error("row '%s': expected NULL\n", Rows[r].Name);
            }
            assert_null(Mdl);
            assert_int_equal(PoolBlocks(), BlocksBefore);
            continue;
        }
        if (Mdl == NULL) {
            print_error("row '%s': IoAllocateMdl returned NULL\n", Rows[r].Name);
        }
        assert_non_null(Mdl);
        ULONG64 Span = (Rows[r].Offset + Rows[r].Length + PAGE_SIZE - 1) >> PAGE_SHIFT;
        BOOLEAN Fixed = Span <= FIXED_PFNS;
        assert_null(Mdl->Next);
        assert_int_equal((USHORT)Mdl->Size, (USHORT)(CSHORT)(sizeof(MDL) + 8 * Span));
        assert_int_equal((USHORT)Mdl->MdlFlags, Fixed ? MDL_ALLOCATED_FIXED_SIZE : 0);
        assert_null(Mdl->Process);
        assert_null(Mdl->MappedSystemVa);
        assert_ptr_equal(Mdl->StartVa, PAGE_ALIGN(Va));
        assert_int_equal(Mdl->ByteOffset, Rows[r].Offset);
        assert_int_equal(Mdl->ByteCount, Length);
        assert_ptr_equal(MmGetMdlVirtualAddress(Mdl), Va);
        /* The block: non-paged, "Mdl ", 23 slots or exactly the span. */
        SIM_POOL_BLOCK_INFO Block;
        assert_true(FindPoolBlock(Mdl, &Block));
        assert_int_equal(Block.Tag, TAG_IO_MDL);
        assert_false(Block.Paged);
        assert_int_equal(Block.Size, sizeof(MDL) + 8 * (Fixed ? FIXED_PFNS : Span));
        IoFreeMdl(Mdl);
        assert_int_equal(PoolBlocks(), BlocksBefore);
    }
    SimAssertInvariants();
}

/* Rule: with an Irp, SecondaryBuffer FALSE sets Irp->MdlAddress; TRUE appends
 * at the end of the chain (or starts it); IoFreeMdl frees only the MDL given,
 * never the chain behind it. Source: mdl.md IoAllocateMdl table; 1.9.
 *
 *   Irp->MdlAddress -> A -> B -> C          (A primary; B, C secondary)
 */
SIM_TEST(IoAllocateMdlIrpChain)
{
    static char Data[3 * PAGE_SIZE];
    IRP Irp;
    memset(&Irp, 0, sizeof(Irp));
    /* Empty chain + SecondaryBuffer: becomes MdlAddress. */
    PMDL First = IoAllocateMdl(Data, 16, TRUE, FALSE, &Irp);
    assert_non_null(First);
    assert_ptr_equal(Irp.MdlAddress, First);
    assert_null(First->Next);
    /* Primary: replaces MdlAddress. */
    PMDL A = IoAllocateMdl(Data, PAGE_SIZE, FALSE, FALSE, &Irp);
    assert_non_null(A);
    assert_ptr_equal(Irp.MdlAddress, A);
    assert_null(A->Next);
    PMDL B = IoAllocateMdl(Data + 1, 100, TRUE, FALSE, &Irp);
    PMDL C = IoAllocateMdl(Data + 2, 200, TRUE, FALSE, &Irp);
    assert_non_null(B);
    assert_non_null(C);
    assert_ptr_equal(Irp.MdlAddress, A);
    assert_ptr_equal(A->Next, B);
    assert_ptr_equal(B->Next, C);
    assert_null(C->Next);
    /* No Irp: nothing chained. */
    PMDL Lone = IoAllocateMdl(Data, 8, TRUE, FALSE, NULL);
    assert_non_null(Lone);
    assert_null(Lone->Next);

    /* IoFreeMdl(A) frees A only: B and C stay live pool blocks. */
    ULONG64 Before = PoolBlocks();
    IoFreeMdl(A);
    assert_int_equal(PoolBlocks(), Before - 1);
    SIM_POOL_BLOCK_INFO Block;
    assert_true(FindPoolBlock(B, &Block));
    assert_true(FindPoolBlock(C, &Block));
    assert_int_equal(B->Next, C);
    IoFreeMdl(B);
    IoFreeMdl(C);
    IoFreeMdl(First);
    IoFreeMdl(Lone);
    assert_int_equal(PoolBlocks(), Before - 5);
    SimAssertInvariants();
}

/* Rule: the non-paged pool is exhausted -> NULL; SimFailNthCall
 * (SimFaultIoAllocateMdl) fails exactly the chosen call with NULL.
 * Source: mdl.md IoAllocateMdl table ("non-paged pool exhausted"); 1.9. */
SIM_TEST_F(IoAllocateMdlFailures, SimTestSetup, TeardownDefaultMachine)
{
    static char Data[PAGE_SIZE];
    SimFailNthCall(SimFaultIoAllocateMdl, 2);
    PMDL One = IoAllocateMdl(Data, 10, FALSE, FALSE, NULL);
    PMDL Two = IoAllocateMdl(Data, 10, FALSE, FALSE, NULL);
    PMDL Three = IoAllocateMdl(Data, 10, FALSE, FALSE, NULL);
    assert_non_null(One);
    assert_null(Two);
    assert_non_null(Three);
    assert_int_equal(SimFaultsInjected(SimFaultIoAllocateMdl), 1);
    IoFreeMdl(One);
    IoFreeMdl(Three);

    /* Real exhaustion: a 16-page non-paged pool, filled with whole pages. */
    UseMachine(TRUE, 0, 0, 16);
    enum { Max = 64 };
    PVOID Va[Max];
    ULONG Count = SimTestFillPool(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST, Va, Max);
    assert_true(Count > 0 && Count < Max);
    /* Small MDLs may still fit into a partly used page; fill those too. */
    enum { MaxMdl = 4096 };
    static PMDL Mdls[MaxMdl];
    ULONG Mdl = 0;
    while (Mdl < MaxMdl && (Mdls[Mdl] = IoAllocateMdl(Data, 10, FALSE, FALSE, NULL)) != NULL) {
        Mdl++;
    }
    assert_true(Mdl < MaxMdl);
    assert_null(IoAllocateMdl(Data, 10, FALSE, FALSE, NULL));
    assert_null(IoAllocateMdl(Data, 100 * PAGE_SIZE, FALSE, FALSE, NULL));
    assert_false(SimIsStopped(NULL));
    for (ULONG i = 0; i < Mdl; i++) {
        IoFreeMdl(Mdls[i]);
    }
    SimTestFreePool(Va, Count, TAG_TEST);
    SimAssertInvariants();
}

/* ======================================================================== */
/* MmSizeOfMdl / MmInitializeMdl (mdl.md; ddi-contract 1.10, 2.4).          */
/* ======================================================================== */

/* Rule: MmSizeOfMdl = sizeof(MDL) + 8 x ADDRESS_AND_SIZE_TO_SPAN_PAGES, in 64
 * bits (no wrap for huge lengths); any IRQL. Source: mdl.md MmSizeOfMdl row. */
SIM_TEST(MmSizeOfMdlTable)
{
    static const struct {
        ULONG_PTR Base;
        SIZE_T Length;
        ULONG64 Pages;
    } Rows[] = {
        {0x10000, 0, 0},
        {0x10001, 0, 1},       /* (1 + 0 + 0xFFF) >> 12 */
        {0x10000, 1, 1},
        {0x10FFF, 1, 1},
        {0x10FFF, 2, 2},
        {0x10000, PAGE_SIZE, 1},
        {0x10800, PAGE_SIZE, 2},
        {0x10000, 23 * PAGE_SIZE, 23},
        {0x10000, 0xFFFFF000ull, 0xFFFFF},
        {0x10010, 0xFFFFF000ull, 0x100000},
        {0x10000, 0x100000000ull, 0x100000},          /* 4 GB: beyond a ULONG */
        {0x10000, (SIZE_T)1 << 50, (ULONG64)1 << 38}, /* 64-bit arithmetic */
        {0x10001, ~(SIZE_T)0, (ULONG64)1 << 52}, /* (1 + 2^64 - 1 + 0xFFF) >> 12 */
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        SIZE_T Want = sizeof(MDL) + 8 * (SIZE_T)Rows[r].Pages;
        assert_int_equal(MmSizeOfMdl((PVOID)Rows[r].Base, Rows[r].Length), Want);
        /* Any IRQL: the same at HIGH_LEVEL. */
        KIRQL Old;
        KeRaiseIrql(HIGH_LEVEL, &Old);
        SIZE_T High = MmSizeOfMdl((PVOID)Rows[r].Base, Rows[r].Length);
        KeLowerIrql(Old);
        assert_int_equal(High, Want);
    }
}

/* Rule: MmInitializeMdl sets Next, Size, MdlFlags = 0, StartVa, ByteOffset,
 * ByteCount and leaves Process and MappedSystemVa untouched; a buffer of
 * MmSizeOfMdl bytes holds it. Source: ddi-contract 1.10 (HDR macro). */
SIM_TEST(MmInitializeMdlFields)
{
    static char Data[8 * PAGE_SIZE];
    char *Va = (char *)PAGE_ALIGN(Data + PAGE_SIZE) + 0x345;
    SIZE_T Bytes = MmSizeOfMdl(Va, 3 * PAGE_SIZE);
    assert_int_equal(Bytes, sizeof(MDL) + 4 * 8);
    union {
        MDL Mdl;
        char Raw[sizeof(MDL) + 4 * 8];
    } Buffer;
    memset(&Buffer, 0xCC, sizeof(Buffer));
    PMDL Mdl = &Buffer.Mdl;
    Mdl->Process = (PEPROCESS)(ULONG_PTR)0x1111;
    Mdl->MappedSystemVa = (PVOID)(ULONG_PTR)0x2222;
    MmInitializeMdl(Mdl, Va, 3 * PAGE_SIZE);
    assert_null(Mdl->Next);
    assert_int_equal(Mdl->Size, (CSHORT)Bytes);
    assert_int_equal(Mdl->MdlFlags, 0);
    assert_ptr_equal(Mdl->StartVa, PAGE_ALIGN(Va));
    assert_int_equal(Mdl->ByteOffset, 0x345);
    assert_int_equal(Mdl->ByteCount, 3 * PAGE_SIZE);
    assert_ptr_equal(Mdl->Process, (PEPROCESS)(ULONG_PTR)0x1111);
    assert_ptr_equal(Mdl->MappedSystemVa, (PVOID)(ULONG_PTR)0x2222);
    assert_int_equal(MdlSpan(Mdl), 4);
    /* Layout (2.1): the PFN array follows the 0x30-byte header. */
    assert_ptr_equal(MmGetMdlPfnArray(Mdl), (PPFN_NUMBER)(Buffer.Raw + 0x30));
}

/* ======================================================================== */
/* IoFreeMdl (mdl.md: IoAllocateMdl / IoFreeMdl; ddi-contract 1.9, 3.4, 3.5). */
/* ======================================================================== */

/* Rule: strict: IoFreeMdl of a non-partial MDL still mapped is 0xC4/0xB8
 * (MDL, flags, 0). Source: mdl.md IoFreeMdl rows; ddi-contract 1.9, 3.4. */
SIM_TEST(IoFreeMdlStillMappedStrict)
{
    LOCKED_BUFFER L = LockNonPaged(2 * PAGE_SIZE, 0x40, 100, IoWriteAccess);
    PVOID Va = MmMapLockedPagesSpecifyCache(L.Mdl, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    assert_non_null(Va);
    assert_int_equal((USHORT)L.Mdl->MdlFlags, MDL_ALLOCATED_FIXED_SIZE | MDL_PAGES_LOCKED |
                                                  MDL_WRITE_OPERATION | MDL_MAPPED_TO_SYSTEM_VA);
    SIM_EXPECT_BUGCHECK4(0xC4, 0xB8, (ULONG_PTR)L.Mdl, (USHORT)L.Mdl->MdlFlags, 0,
                         IoFreeMdl(L.Mdl));
}

/* Rule: retail: the same IoFreeMdl frees the MDL and leaks the mapping (the
 * clean-machine check would report it). Source: mdl.md IoFreeMdl rows. */
SIM_TEST_F(IoFreeMdlStillMappedRetail, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(FALSE, 0, 0, 0);
    LOCKED_BUFFER L = LockNonPaged(PAGE_SIZE, 0, PAGE_SIZE, IoReadAccess);
    PVOID Va = MmMapLockedPagesSpecifyCache(L.Mdl, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    assert_non_null(Va);
    MDL_COPY Copy;
    CopyMdl(&Copy, L.Mdl);
    ULONG64 Blocks = PoolBlocks();
    IoFreeMdl(L.Mdl);
    assert_false(SimIsStopped(NULL));
    assert_int_equal(PoolBlocks(), Blocks - 1);      /* the MDL is gone */
    assert_int_equal(SimQueryMdlMappings(NULL), 1);  /* its mapping is not */
    char Report[1024];
    assert_false(SimIsClean(Report, sizeof(Report)));
    SimAssertInvariants();
    /* Undo through the copy (the mapping record is keyed by VA). */
    MmUnmapLockedPages(Va, &Copy.Header);
    MmUnlockPages(&Copy.Header);
    ExFreePoolWithTag(L.Buffer, TAG_TEST);
}

/* Rule: IoFreeMdl of an MmAllocatePagesForMdl(Ex) MDL is the wrong free
 * routine: the tag check fires, 0xC2/0x0A (MDL, "Mmdl", "Mdl "), strict and
 * retail alike. Source: mdl.md IoFreeMdl rows; ddi-contract 3.5. */
SIM_TEST_F(IoFreeMdlOfPagesMdl, SimTestSetup, TeardownDefaultMachine)
{
    for (int Strict = 1; Strict >= 0; Strict--) {
        UseMachine((BOOLEAN)Strict, 0, 0, 0);
        PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        MmFreePagesFromMdl(Mdl); /* pages freed correctly; only the MDL goes wrong */
        SIM_EXPECT_BUGCHECK4(0xC2, 0x0A, (ULONG_PTR)Mdl, TAG_MM_MDL, TAG_IO_MDL, IoFreeMdl(Mdl));
    }
}

/* Rule: IoFreeMdl of memory that is not a pool block fails as ExFreePool:
 * an MDL on the stack -> 0xC2/0x42 (address, 0, 0); an MDL built inside a
 * pool block (not at its start) -> 0xC2/0x46 (address, 0, 0). Source: mdl.md
 * IoFreeMdl rows; ddi-contract 3.5. */
SIM_TEST(IoFreeMdlNotPoolBlock)
{
    static char Data[PAGE_SIZE];
    union {
        MDL Mdl;
        char Raw[sizeof(MDL) + 8];
    } Buffer;
    MmInitializeMdl(&Buffer.Mdl, Data, 16);
    SIM_EXPECT_BUGCHECK4(0xC2, 0x42, (ULONG_PTR)&Buffer.Mdl, 0, 0, IoFreeMdl(&Buffer.Mdl));

    SimReset();
    char *Pool = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, TAG_TEST);
    assert_non_null(Pool);
    PMDL Inside = (PMDL)(Pool + 0x40);
    MmInitializeMdl(Inside, Data, 16);
    SIM_EXPECT_BUGCHECK4(0xC2, 0x46, (ULONG_PTR)Inside, 0, 0, IoFreeMdl(Inside));
}

/* Rule: IoFreeMdl of an MDL whose pages are still locked frees the MDL; the
 * pages stay locked and SimIsClean reports them. Source: mdl.md IoFreeMdl. */
SIM_TEST(IoFreeMdlPagesStillLocked)
{
    LOCKED_BUFFER L = LockNonPaged(PAGE_SIZE, 0, 64, IoReadAccess);
    PFN_NUMBER Pfn = MmGetMdlPfnArray(L.Mdl)[0];
    assert_int_equal(PfnInfo(Pfn).LockCount, 1);
    MDL_COPY Copy;
    CopyMdl(&Copy, L.Mdl);
    ULONG64 Blocks = PoolBlocks();
    IoFreeMdl(L.Mdl);
    assert_int_equal(PoolBlocks(), Blocks - 1);
    assert_int_equal(PfnInfo(Pfn).LockCount, 1);
    char Report[1024];
    assert_false(SimIsClean(Report, sizeof(Report)));
    SimAssertInvariants();
    MmUnlockPages(&Copy.Header);
    assert_int_equal(PfnInfo(Pfn).LockCount, 0);
    ExFreePoolWithTag(L.Buffer, TAG_TEST);
}

/* ======================================================================== */
/* MmBuildMdlForNonPagedPool (mdl.md; ddi-contract 1.10, 3.2, 3.4).         */
/* ======================================================================== */

/* Rule: on non-paged pool the PFN array is filled (the pages' PFNs),
 * MappedSystemVa = StartVa + ByteOffset, MDL_SOURCE_IS_NONPAGED_POOL set,
 * Process = NULL; MmGetSystemAddressForMdlSafe then returns MappedSystemVa
 * without a new mapping. Source: mdl.md MmBuildMdlForNonPagedPool rows;
 * ddi-contract 1.10, 1.12. */
SIM_TEST(BuildMdlForNonPagedPoolTable)
{
    static const struct {
        SIZE_T Offset;
        ULONG Length;
    } Rows[] = {
        {0, 1},     {0x123, 16},           {0, PAGE_SIZE},
        {0xFF0, 0x20}, {0x123, 3 * PAGE_SIZE}, {0, 6 * PAGE_SIZE},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        char *Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 6 * PAGE_SIZE, TAG_TEST);
        assert_non_null(Buffer);
        char *Va = Buffer + Rows[r].Offset;
        PMDL Mdl = IoAllocateMdl(Va, Rows[r].Length, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        Mdl->Process = (PEPROCESS)(ULONG_PTR)0x1234;
        MmBuildMdlForNonPagedPool(Mdl);
        assert_ptr_equal(Mdl->MappedSystemVa, Va);
        assert_null(Mdl->Process);
        assert_int_equal((USHORT)Mdl->MdlFlags,
                         MDL_ALLOCATED_FIXED_SIZE | MDL_SOURCE_IS_NONPAGED_POOL);
        ULONG Span = MdlSpan(Mdl);
        for (ULONG i = 0; i < Span; i++) {
            PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[i];
            assert_int_equal(Pfn, PfnOfVa((char *)PAGE_ALIGN(Va) + i * PAGE_SIZE));
            /* Building locks nothing. */
            assert_int_equal(PfnInfo(Pfn).LockCount, 0);
        }
        ULONG Mappings = SimQueryMdlMappings(NULL);
        assert_ptr_equal(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority), Va);
        assert_int_equal(SimQueryMdlMappings(NULL), Mappings);
        IoFreeMdl(Mdl);
        ExFreePoolWithTag(Buffer, TAG_TEST);
    }
    SimAssertInvariants();
}

/* Rule: a valid system-PTE mapping (an MDL mapping) is acceptable too: the
 * new MDL gets the same PFNs. Source: mdl.md MmBuildMdlForNonPagedPool. */
SIM_TEST(BuildMdlForNonPagedPoolOverMapping)
{
    PMDL Pages = AllocPages(3 * PAGE_SIZE, 0);
    assert_non_null(Pages);
    char *Mapped = (char *)MmGetSystemAddressForMdlSafe(Pages, NormalPagePriority);
    assert_non_null(Mapped);
    SIM_SPACE_REGION Region;
    ULONG64 Pte;
    assert_true(SimQueryPte(Mapped, &Pte, &Region));
    assert_int_equal(Region, SimRegionSystemPtes);
    PMDL Mdl = IoAllocateMdl(Mapped + PAGE_SIZE + 8, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    MmBuildMdlForNonPagedPool(Mdl);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[0], MmGetMdlPfnArray(Pages)[1]);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[1], MmGetMdlPfnArray(Pages)[2]);
    assert_ptr_equal(Mdl->MappedSystemVa, Mapped + PAGE_SIZE + 8);
    IoFreeMdl(Mdl);
    MmUnmapLockedPages(Mapped, Pages);
    SimTestFreeMdlPages(Pages);
    SimAssertInvariants();
}

/* Rule: strict: paged pool -> 0xC4/0x7F (IRQL, MDL, flags). Source: mdl.md;
 * ddi-contract 1.10, 3.4. */
SIM_TEST(BuildMdlForPagedPoolStrict)
{
    char *Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Paged);
    PMDL Mdl = IoAllocateMdl(Paged, 64, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x7F, PASSIVE_LEVEL, (ULONG_PTR)Mdl, MDL_ALLOCATED_FIXED_SIZE,
                         MmBuildMdlForNonPagedPool(Mdl));
}

/* Rule: retail: resident paged pool is built; once trimmed its PTE is not
 * valid: 0x1A/0x1240 (MDL, address of the PTE). Source: mdl.md rows "on paged
 * pool" and "PTE not valid"; ddi-contract 3.2. */
SIM_TEST_F(BuildMdlForPagedPoolRetail, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(FALSE, 0, 0, 0);
    char *Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Paged);
    PMDL Mdl = IoAllocateMdl(Paged + 100, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    MmBuildMdlForNonPagedPool(Mdl);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[0], PfnOfVa(Paged));
    assert_int_equal(MmGetMdlPfnArray(Mdl)[1], PfnOfVa(Paged + PAGE_SIZE));
    assert_true((Mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL) != 0);
    IoFreeMdl(Mdl);

    Mdl = IoAllocateMdl(Paged + 100, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    assert_true(SimTrimPagedPool() >= 2);
    SIM_EXPECT_BUGCHECK4(0x1A, 0x1240, (ULONG_PTR)Mdl, (ULONG_PTR)SimQueryPteAddress(Paged), 0,
                         MmBuildMdlForNonPagedPool(Mdl));
}

/* Rule: a page whose PTE is not valid (freed pool, reserved but unmapped) ->
 * 0x1A/0x1240 (MDL, address of that PTE, 0); memory outside simulated system
 * space (host globals, stack) -> 0x1A/0x1240 (MDL, 0, 0). Source: mdl.md
 * MmBuildMdlForNonPagedPool rows; ddi-contract 3.2 (0x1240). */
SIM_TEST(BuildMdlForNonResident)
{
    static char HostGlobal[PAGE_SIZE];
    enum { FreedPool, FreedSecondPage, Reserved, Global, Stack };
    static const char *Names[] = {"freed pool", "second page freed", "reserved, unmapped",
                                  "host global", "host stack"};
    for (int Row = FreedPool; Row <= Stack; Row++) {
        SimReset();
        char StackBuffer[64];
        char *Va = NULL;
        char *volatile Bad = NULL; /* the page whose PTE is reported (NULL: P3 = 0) */
        ULONG Length = 32;
        /* The MDL first, so that it cannot land in the block freed below. */
        PMDL Mdl = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        if (Row == FreedPool || Row == FreedSecondPage) {
            char *Block = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Block);
            ExFreePoolWithTag(Block, TAG_TEST);
            Va = Block + 0x10;
            Bad = Block;
            if (Row == FreedSecondPage) {
                /* A live page followed by a freed one: the first bad page. */
                char *Live = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
                assert_non_null(Live);
                assert_false(MmIsAddressValid(Live + PAGE_SIZE)); /* precondition */
                Va = Live + 0x20;
                Length = PAGE_SIZE;
                Bad = Live + PAGE_SIZE;
            }
        } else if (Row == Reserved) {
            Va = (char *)MmAllocateMappingAddress(2 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Va);
            Bad = Va;
        } else {
            Va = Row == Global ? HostGlobal : StackBuffer;
        }
        MmInitializeMdl(Mdl, Va, Length);
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, MmBuildMdlForNonPagedPool(Mdl));
        SimCmockaCheckBugCheck(&Got, 0x1A, 0x1240, (ULONG_PTR)Mdl,
                               Bad != NULL ? (ULONG_PTR)SimQueryPteAddress(Bad) : 0, 0,
                               Names[Row], __FILE__, __LINE__);
        if (Bad != NULL) {
            assert_non_null(SimQueryPteAddress(Bad));
        }
    }
    SimReset();
}

/* ======================================================================== */
/* IoBuildPartialMdl (mdl.md; ddi-contract 1.9, 2.2, 3.8).                  */
/*                                                                          */
/*   source  |--off 0x100--[=========== 3 pages + 0x50 ===========]      |  */
/*   pages      P0           P1           P2           P3                   */
/*   partial                    [====== Va .. Va+Length ======]             */
/*            PFNs copied from the source page that holds Va onward         */
/* ======================================================================== */

/* Rule: the target gets Va's page-aligned StartVa, ByteOffset, Length (0 =
 * the rest of the source), the source's PFNs from the page holding Va, flags
 * = its own FIXED_SIZE/MUST_SUCCEED + MDL_PARTIAL + the source's
 * SOURCE_IS_NONPAGED_POOL/WRITE_OPERATION/IO_PAGE_READ/IO_SPACE; an unmapped
 * source leaves MappedSystemVa NULL. Source: mdl.md IoBuildPartialMdl rows. */
SIM_TEST(BuildPartialMdlTable)
{
    const SIZE_T SourceOffset = 0x100;
    const ULONG SourceLength = 3 * PAGE_SIZE + 0x50;
    LOCKED_BUFFER S = LockNonPaged(4 * PAGE_SIZE, SourceOffset, SourceLength, IoWriteAccess);
    char *SourceVa = (char *)MmGetMdlVirtualAddress(S.Mdl);
    static const struct {
        SIZE_T Offset; /* from the source's VA */
        ULONG Length;
        ULONG WantLength;
    } Rows[] = {
        {0, 0, 3 * PAGE_SIZE + 0x50},              /* whole source */
        {0, 1, 1},
        {0x10, PAGE_SIZE, PAGE_SIZE},
        {PAGE_SIZE - 0x100, 0x100, 0x100},         /* exactly page 1 */
        {PAGE_SIZE - 0x101, 2, 2},                 /* straddles pages 0 and 1 */
        {2 * PAGE_SIZE, 0, PAGE_SIZE + 0x50},      /* the rest from page 2 */
        {3 * PAGE_SIZE + 0x4F, 1, 1},              /* the last byte */
        {3 * PAGE_SIZE + 0x50, 0, 0},              /* at the end: nothing left */
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        char *Va = SourceVa + Rows[r].Offset;
        PMDL Target = IoAllocateMdl(Va, Rows[r].WantLength, FALSE, FALSE, NULL);
        assert_non_null(Target);
        Target->MdlFlags |= MDL_MAPPING_CAN_FAIL | MDL_ALLOCATED_MUST_SUCCEED; /* dropped / kept */
        S.Mdl->MdlFlags |= MDL_IO_PAGE_READ;
        IoBuildPartialMdl(S.Mdl, Target, Va, Rows[r].Length);
        S.Mdl->MdlFlags &= ~MDL_IO_PAGE_READ;
        assert_ptr_equal(Target->StartVa, PAGE_ALIGN(Va));
        assert_int_equal(Target->ByteOffset, BYTE_OFFSET(Va));
        assert_int_equal(Target->ByteCount, Rows[r].WantLength);
        assert_int_equal((USHORT)Target->MdlFlags,
                         MDL_ALLOCATED_FIXED_SIZE | MDL_ALLOCATED_MUST_SUCCEED | MDL_PARTIAL |
                             MDL_WRITE_OPERATION | MDL_IO_PAGE_READ);
        assert_null(Target->MappedSystemVa);
        ULONG FirstPage = (ULONG)((SourceOffset + Rows[r].Offset) >> PAGE_SHIFT);
        for (ULONG i = 0; i < MdlSpan(Target); i++) {
            assert_int_equal(MmGetMdlPfnArray(Target)[i], MmGetMdlPfnArray(S.Mdl)[FirstPage + i]);
        }
        /* A partial MDL claims no lock of its own. */
        assert_int_equal(PfnInfo(MmGetMdlPfnArray(S.Mdl)[0]).LockCount, 1);
        IoFreeMdl(Target);
    }
    UnlockAndFree(&S);
    SimAssertInvariants();
}

/* Rule: from a mapped source the target gets MDL_PARENT_MAPPED_SYSTEM_VA and
 * MappedSystemVa = source's + offset; from a source built for non-paged pool
 * it inherits MDL_SOURCE_IS_NONPAGED_POOL and MappedSystemVa likewise, without
 * PARENT_MAPPED; from either, MmGetSystemAddressForMdlSafe returns it as is
 * (mapped source) or maps the partial (only if not SOURCE_IS_NONPAGED_POOL).
 * Source: mdl.md IoBuildPartialMdl "success" row; ddi-contract 2.2. */
SIM_TEST(BuildPartialMdlFromMappedSource)
{
    /* Mapped source (pages from MmAllocatePagesForMdlEx, so its VA is not a
     * system VA at all: StartVa NULL). */
    PMDL Pages = AllocPages(4 * PAGE_SIZE, 0);
    assert_non_null(Pages);
    char *Mapped = (char *)MmGetSystemAddressForMdlSafe(Pages, NormalPagePriority);
    assert_non_null(Mapped);
    char *SourceVa = (char *)MmGetMdlVirtualAddress(Pages); /* NULL + 0 */
    assert_null(SourceVa);
    PMDL Target = IoAllocateMdl(SourceVa + PAGE_SIZE + 0x30, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Target);
    IoBuildPartialMdl(Pages, Target, SourceVa + PAGE_SIZE + 0x30, 2 * PAGE_SIZE);
    assert_int_equal((USHORT)Target->MdlFlags,
                     MDL_ALLOCATED_FIXED_SIZE | MDL_PARTIAL | MDL_PARENT_MAPPED_SYSTEM_VA);
    assert_ptr_equal(Target->MappedSystemVa, Mapped + PAGE_SIZE + 0x30);
    assert_int_equal(MmGetMdlPfnArray(Target)[0], MmGetMdlPfnArray(Pages)[1]);
    assert_int_equal(MmGetMdlPfnArray(Target)[2], MmGetMdlPfnArray(Pages)[3]);
    /* The parent's view holds the partial's bytes. */
    Mapped[PAGE_SIZE + 0x30] = 0x5C;
    assert_int_equal(*(char *)Target->MappedSystemVa, 0x5C);
    IoFreeMdl(Target);
    MmUnmapLockedPages(Mapped, Pages);
    SimTestFreeMdlPages(Pages);

    /* Source built for non-paged pool. */
    char *Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Buffer);
    PMDL Source = IoAllocateMdl(Buffer, 3 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Source);
    MmBuildMdlForNonPagedPool(Source);
    Target = IoAllocateMdl(Buffer + 0x1800, 0x100, FALSE, FALSE, NULL);
    assert_non_null(Target);
    IoBuildPartialMdl(Source, Target, Buffer + 0x1800, 0x100);
    assert_int_equal((USHORT)Target->MdlFlags,
                     MDL_ALLOCATED_FIXED_SIZE | MDL_PARTIAL | MDL_SOURCE_IS_NONPAGED_POOL);
    assert_ptr_equal(Target->MappedSystemVa, Buffer + 0x1800);
    assert_ptr_equal(MmGetSystemAddressForMdlSafe(Target, NormalPagePriority), Buffer + 0x1800);
    assert_int_equal(SimQueryMdlMappings(NULL), 0);
    IoFreeMdl(Target);
    IoFreeMdl(Source);
    ExFreePoolWithTag(Buffer, TAG_TEST);
    SimAssertInvariants();
}

/* Rule: a range not inside the source -> 0x12E INVALID_MDL_RANGE (Src, Tgt,
 * Va, Length); a target whose Size cannot hold the span -> 0x40
 * TARGET_MDL_TOO_SMALL (0, 0, 0, 0). Source: mdl.md IoBuildPartialMdl rows;
 * ddi-contract 3.8. */
SIM_TEST(BuildPartialMdlBadRanges)
{
    static const struct {
        const char *Name;
        LONG_PTR Offset; /* from the source VA */
        ULONG Length;
        BOOLEAN TooSmall; /* expect 0x40 rather than 0x12E */
    } Rows[] = {
        {"Va below the source", -1, 4, FALSE},
        {"Va a page below the source", -PAGE_SIZE, 4, FALSE},
        {"Va past the end", 2 * PAGE_SIZE + 1, 1, FALSE},
        {"Va + Length past the end", 0x10, 2 * PAGE_SIZE, FALSE},
        {"one byte too many", 0, 2 * PAGE_SIZE + 1, FALSE},
        {"target sized for one page, range spans two", 0xF00, 0x200, TRUE},
    };
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimReset();
        LOCKED_BUFFER S = LockNonPaged(3 * PAGE_SIZE, 0, 2 * PAGE_SIZE, IoReadAccess);
        char *Va = S.Buffer + Rows[r].Offset;
        /* Target sized for one page at Va's offset 0 (Size = 0x38). */
        PMDL Target = IoAllocateMdl(S.Buffer, 1, FALSE, FALSE, NULL);
        assert_non_null(Target);
        assert_int_equal(Target->Size, sizeof(MDL) + 8);
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, IoBuildPartialMdl(S.Mdl, Target, Va, Rows[r].Length));
        if (Rows[r].TooSmall) {
            SimCmockaCheckBugCheck(&Got, 0x40, 0, 0, 0, 0, Rows[r].Name, __FILE__, __LINE__);
        } else {
            SimCmockaCheckBugCheck(&Got, 0x12E, (ULONG_PTR)S.Mdl, (ULONG_PTR)Target, (ULONG_PTR)Va,
                                   Rows[r].Length, Rows[r].Name, __FILE__, __LINE__);
        }
    }
    SimReset();
}

/* ======================================================================== */
/* MmPrepareMdlForReuse (mdl.md; ddi-contract 1.13).                        */
/* ======================================================================== */

/* Rule: a mapped partial MDL (MDL_PARTIAL_HAS_BEEN_MAPPED) is unmapped, so the
 * MDL can be rebuilt and mapped again; an unmapped one is left alone; IoFreeMdl
 * of a mapped partial MDL releases the mapping first. Source: mdl.md IoFreeMdl
 * (partial row) and IoBuildPartialMdl; ddi-contract 1.9, 1.12, 1.13. */
SIM_TEST(PrepareMdlForReuseCycle)
{
    LOCKED_BUFFER S = LockNonPaged(4 * PAGE_SIZE, 0x80, 3 * PAGE_SIZE, IoWriteAccess);
    char *SourceVa = (char *)MmGetMdlVirtualAddress(S.Mdl);
    for (int i = 0; i < 3 * PAGE_SIZE; i++) {
        SourceVa[i] = (char)(i / PAGE_SIZE + 1);
    }
    PMDL Target = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Target);
    for (ULONG Round = 0; Round < 3; Round++) {
        char *Va = SourceVa + Round * PAGE_SIZE;
        IoBuildPartialMdl(S.Mdl, Target, Va, PAGE_SIZE / 2);
        char *Mapped = (char *)MmGetSystemAddressForMdlSafe(Target, NormalPagePriority);
        assert_non_null(Mapped);
        assert_int_equal((USHORT)Target->MdlFlags,
                         MDL_ALLOCATED_FIXED_SIZE | MDL_PARTIAL | MDL_WRITE_OPERATION |
                             MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED);
        assert_int_equal(BYTE_OFFSET(Mapped), BYTE_OFFSET(Va));
        assert_ptr_equal(Target->MappedSystemVa, Mapped);
        assert_int_equal(Mapped[0], (char)(Round + 1));
        assert_int_equal(SimQueryMdlMappings(NULL), 1);
        MmPrepareMdlForReuse(Target);
        assert_int_equal(SimQueryMdlMappings(NULL), 0);
        assert_int_equal(Target->MdlFlags &
                             (MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED),
                         0);
        /* Unmapped: a second MmPrepareMdlForReuse does nothing. */
        MmPrepareMdlForReuse(Target);
    }
    /* IoFreeMdl of a mapped partial MDL releases the mapping with it. */
    char *Rest = SourceVa + 2 * PAGE_SIZE - 0x80; /* page aligned: rest spans 2 pages */
    IoBuildPartialMdl(S.Mdl, Target, Rest, 0);
    assert_int_equal(Target->ByteCount, PAGE_SIZE + 0x80);
    assert_non_null(MmGetSystemAddressForMdlSafe(Target, NormalPagePriority));
    assert_int_equal(SimQueryMdlMappings(NULL), 1);
    IoFreeMdl(Target);
    assert_int_equal(SimQueryMdlMappings(NULL), 0);
    SimAssertInvariants();
    UnlockAndFree(&S);
}

/* Rule: MmPrepareMdlForReuse of a non-partial MDL that is mapped fails its
 * NT_ASSERT: STATUS_ASSERTION_FAILURE unhandled, 0x1E (0xC0000420, ...).
 * Source: the HDR macro (ddi-contract 1.13). */
SIM_TEST(PrepareMdlForReuseNonPartialMapped)
{
    LOCKED_BUFFER L = LockNonPaged(PAGE_SIZE, 0, 32, IoReadAccess);
    assert_non_null(MmGetSystemAddressForMdlSafe(L.Mdl, NormalPagePriority));
    SIM_EXPECT_BUGCHECK(0x1E, (ULONG_PTR)(ULONG)STATUS_ASSERTION_FAILURE,
                        MmPrepareMdlForReuse(L.Mdl));
}

/* ======================================================================== */
/* MmAllocatePagesForMdl(Ex) (mdl.md; ddi-contract 1.6, 1.7).               */
/*                                                                          */
/*   MDL: StartVa NULL, ByteOffset 0, ByteCount = pages x PAGE_SIZE,        */
/*        MdlFlags MDL_PAGES_LOCKED, PFN array [p0 p1 ... pn-1 | -1 -1]     */
/*                                               found      unused slots    */
/* ======================================================================== */

static BOOLEAN PfnIsFree(PFN_NUMBER Pfn)
{
    SIM_PFN_INFO Info;
    return SimQueryPfn(Pfn, &Info) && (Info.State == SimPageFree || Info.State == SimPageZeroed);
}

static ULONG64 FreeInWindow(PFN_NUMBER Low, PFN_NUMBER High)
{
    ULONG64 Count = 0;
    for (PFN_NUMBER Pfn = Low; Pfn <= High; Pfn++) {
        Count += PfnIsFree(Pfn) ? 1 : 0;
    }
    return Count;
}

static ULONG64 MdlPagesInUse(void)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    return Stats.MdlPages;
}

/* The result shape every MmAllocatePagesForMdl(Ex) MDL has (mdl.md "result"
 * row): StartVa NULL, ByteOffset 0, page-multiple ByteCount, MDL_PAGES_LOCKED
 * only, Process NULL; each page MdlAllocated with the CacheType recorded,
 * neither locked nor mapped; distinct PFNs; an "Mmdl" non-paged pool block. */
static void CheckPagesMdl(PMDL Mdl, ULONG64 Pages, LONG CacheType)
{
    assert_non_null(Mdl);
    assert_null(Mdl->Next);
    assert_null(Mdl->StartVa);
    assert_int_equal(Mdl->ByteOffset, 0);
    assert_int_equal(Mdl->ByteCount, Pages * PAGE_SIZE);
    assert_int_equal((USHORT)Mdl->MdlFlags, MDL_PAGES_LOCKED);
    assert_null(Mdl->Process);
    assert_null(Mdl->MappedSystemVa);
    SIM_POOL_BLOCK_INFO Block = {0}; /* FindPoolBlock may fail (gcc -Wmaybe-uninitialized) */
    assert_true(FindPoolBlock(Mdl, &Block));
    assert_int_equal(Block.Tag, TAG_MM_MDL);
    assert_false(Block.Paged);
    assert_true(Block.Size >= sizeof(MDL) + Pages * sizeof(PFN_NUMBER));
    assert_int_equal((USHORT)Mdl->Size, (USHORT)(CSHORT)Block.Size);
    const PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    for (ULONG64 i = 0; i < Pages; i++) {
        SIM_PFN_INFO Info = PfnInfo(Pfns[i]);
        assert_int_equal(Info.State, SimPageMdl);
        assert_int_equal(Info.CacheType, CacheType);
        assert_int_equal(Info.LockCount, 0);
        assert_int_equal(Info.MapCount, 0);
        for (ULONG64 j = 0; j < i && Pages <= 4096; j++) {
            assert_int_not_equal(Pfns[i], Pfns[j]);
        }
    }
    /* Unused slots of a short MDL hold (PFN_NUMBER)-1. */
    for (ULONG64 i = Pages; i < (Block.Size - sizeof(MDL)) / sizeof(PFN_NUMBER); i++) {
        assert_int_equal(Pfns[i], PFN_SENTINEL);
    }
}

static BOOLEAN MdlIsContiguous(PMDL Mdl, ULONG64 From, ULONG64 Count)
{
    const PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    for (ULONG64 i = From + 1; i < From + Count; i++) {
        if (Pfns[i] != Pfns[i - 1] + 1) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Rule: MmAllocatePagesForMdl(L, H, S, T) = ...Ex(L, H, S, T, MmCached, 0);
 * TotalBytes is rounded up to pages; the result has the documented shape and
 * pool tag. Source: mdl.md MmAllocatePagesForMdl table, "result" row, pool
 * tags table; ddi-contract 1.6, 1.7. */
SIM_TEST(AllocatePagesResultShape)
{
    static const SIZE_T Sizes[] = {1, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 5 * PAGE_SIZE + 1,
                                   64 * PAGE_SIZE};
    for (size_t r = 0; r < ARRAY_COUNT(Sizes); r++) {
        ULONG64 Pages = (Sizes[r] + PAGE_SIZE - 1) / PAGE_SIZE;
        ULONG64 Before = MdlPagesInUse();
        PMDL Mdl =
            MmAllocatePagesForMdl(SimPhysical(0), SimPhysical(~0ull), SimPhysical(0), Sizes[r]);
        CheckPagesMdl(Mdl, Pages, MmCached);
        assert_int_equal(MdlPagesInUse(), Before + Pages);
        PMDL Ex = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull), SimPhysical(0),
                                          Sizes[r], MmCached, 0);
        CheckPagesMdl(Ex, Pages, MmCached);
        SimAssertInvariants();
        SimTestFreeMdlPages(Mdl);
        SimTestFreeMdlPages(Ex);
        assert_int_equal(MdlPagesInUse(), Before);
    }
    SimAssertInvariants();
}

/* Rule: argument and flag combinations -> NULL / full / contiguous /
 * aligned chunks, never a bug check. Source: mdl.md MmAllocatePagesForMdlEx
 * flag table; ddi-contract 1.7 (modern argument validation). */
SIM_TEST(AllocatePagesFlagTable)
{
    enum { Null, Full, Contiguous, Chunks };
    static const struct {
        const char *Name;
        ULONG64 Skip;
        SIZE_T Total;
        ULONG Flags;
        int Expect;
        ULONG64 ChunkPages; /* Chunks: block size and alignment */
    } Rows[] = {
        {"TotalBytes 0", 0, 0, 0, Null, 0},
        {"TotalBytes 0 with FULLY_REQUIRED", 0, 0, MM_ALLOCATE_FULLY_REQUIRED, Null, 0},
        {"SkipBytes not a page multiple", 0x800, 4 * PAGE_SIZE, 0, Null, 0},
        {"SkipBytes 1", 1, 4 * PAGE_SIZE, 0, Null, 0},
        {"undefined flag 0x200", 0, PAGE_SIZE, 0x200, Null, 0},
        {"undefined flag 0x400", 0, PAGE_SIZE, 0x400, Null, 0},
        {"undefined flag 0x800", 0, PAGE_SIZE, 0x800, Null, 0},
        {"undefined flag 0x80000000", 0, PAGE_SIZE, 0x80000000u, Null, 0},
        {"no flags", 0, 8 * PAGE_SIZE, 0, Full, 0},
        {"MM_DONT_ZERO_ALLOCATION", 0, 8 * PAGE_SIZE, MM_DONT_ZERO_ALLOCATION, Full, 0},
        {"FROM_LOCAL_NODE_ONLY", 0, 8 * PAGE_SIZE, MM_ALLOCATE_FROM_LOCAL_NODE_ONLY, Full, 0},
        {"FULLY_REQUIRED, satisfiable", 0, 8 * PAGE_SIZE, MM_ALLOCATE_FULLY_REQUIRED, Full, 0},
        {"NO_WAIT", 0, 8 * PAGE_SIZE, MM_ALLOCATE_NO_WAIT, Full, 0},
        {"TRIM_IF_NECESSARY", 0, 8 * PAGE_SIZE, MM_ALLOCATE_TRIM_IF_NECESSARY, Full, 0},
        {"NO_WAIT | LOCAL_NODE | TRIM", 0, 8 * PAGE_SIZE,
         MM_ALLOCATE_NO_WAIT | MM_ALLOCATE_FROM_LOCAL_NODE_ONLY | MM_ALLOCATE_TRIM_IF_NECESSARY,
         Full, 0},
        {"PREFER_CONTIGUOUS (fresh machine: one block)", 0, 32 * PAGE_SIZE,
         MM_ALLOCATE_PREFER_CONTIGUOUS, Contiguous, 0},
        {"AND_HOT_REMOVE at PASSIVE", 0, 4 * PAGE_SIZE, MM_ALLOCATE_AND_HOT_REMOVE, Full, 0},
        {"AND_HOT_REMOVE | FULLY_REQUIRED", 0, 4 * PAGE_SIZE,
         MM_ALLOCATE_AND_HOT_REMOVE | MM_ALLOCATE_FULLY_REQUIRED, Null, 0},
        {"REQUIRE_CONTIGUOUS_CHUNKS, SkipBytes 0: one block", 0, 40 * PAGE_SIZE,
         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Contiguous, 0},
        {"REQUIRE_CONTIGUOUS_CHUNKS, 16 KB blocks", 0x4000, 0x10000,
         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Chunks, 4},
        {"REQUIRE_CONTIGUOUS_CHUNKS, 4 KB blocks", PAGE_SIZE, 3 * PAGE_SIZE,
         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Chunks, 1},
        {"REQUIRE_CONTIGUOUS_CHUNKS, 64 KB blocks", 0x10000, 0x30000,
         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Chunks, 16},
        {"REQUIRE_CONTIGUOUS_CHUNKS, SkipBytes not a power of two", 0x3000, 0x6000,
         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Null, 0},
        {"REQUIRE_CONTIGUOUS_CHUNKS, TotalBytes not a multiple", 0x4000, 0x6000,
         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Null, 0},
        {"FAST_LARGE_PAGES alone", 0x200000, 0x200000, MM_ALLOCATE_FAST_LARGE_PAGES, Null, 0},
        {"FAST_LARGE_PAGES, SkipBytes 0", 0, 0x200000,
         MM_ALLOCATE_FAST_LARGE_PAGES | MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Null, 0},
        {"FAST_LARGE_PAGES, SkipBytes 64 KB", 0x10000, 0x20000,
         MM_ALLOCATE_FAST_LARGE_PAGES | MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Null, 0},
        {"FAST_LARGE_PAGES, 2 MB blocks", 0x200000, 0x400000,
         MM_ALLOCATE_FAST_LARGE_PAGES | MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, Chunks, 512},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        ULONG64 Before = MdlPagesInUse();
        PMDL Mdl =
            MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull), SimPhysical(Rows[r].Skip),
                                    Rows[r].Total, MmCached, Rows[r].Flags);
        assert_false(SimIsStopped(NULL));
        if ((Mdl == NULL) != (Rows[r].Expect == Null)) {
            print_error("row '%s': expected %s, got %p\n", Rows[r].Name,
                        Rows[r].Expect == Null ? "NULL" : "an MDL", (void *)Mdl);
            fail();
        }
        if (Mdl == NULL) {
            assert_int_equal(MdlPagesInUse(), Before);
            continue;
        }
        ULONG64 Pages = Rows[r].Total / PAGE_SIZE;
        CheckPagesMdl(Mdl, Pages, MmCached);
        if (Rows[r].Expect == Contiguous && !MdlIsContiguous(Mdl, 0, Pages)) {
            print_error("row '%s': pages not physically contiguous\n", Rows[r].Name);
            fail();
        }
        if (Rows[r].Expect == Chunks) {
            ULONG64 Chunk = Rows[r].ChunkPages;
            for (ULONG64 b = 0; b < Pages; b += Chunk) {
                if (MmGetMdlPfnArray(Mdl)[b] % Chunk != 0 || !MdlIsContiguous(Mdl, b, Chunk)) {
                    print_error("row '%s': block at slot %llu not %llu aligned contiguous pages\n",
                                Rows[r].Name, (unsigned long long)b, (unsigned long long)Chunk);
                    fail();
                }
            }
        }
        SimTestFreeMdlPages(Mdl);
        assert_int_equal(MdlPagesInUse(), Before);
    }
    SimAssertInvariants();
}

/* Rule: pages lie in [LowAddress, HighAddress]; with SkipBytes != 0 the next
 * window is the previous one moved up by SkipBytes, until past the highest RAM
 * page; a range with no RAM gives NULL; a window that runs out gives a short
 * MDL whose unused slots hold (PFN_NUMBER)-1 (FULLY_REQUIRED: NULL).
 * Source: mdl.md MmAllocatePagesForMdlEx "range", "no page in range",
 * "result" rows; ddi-contract 1.7.
 *
 *   window 0 [L, H]   window 1 [L+S, H+S]   window 2 [L+2S, H+2S]
 *   |####|            |####|                |##..|        10 pages = 4+4+2
 */
SIM_TEST(AllocatePagesRangeAndSkip)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    const PFN_NUMBER Low = 0x1000; /* 16 MiB: RAM on the default layout */
    assert_true(Low + 0x400 < Stats.HighestPfn);

    /* One window. */
    assert_int_equal(FreeInWindow(Low, Low + 15), 16); /* precondition */
    PMDL Mdl = MmAllocatePagesForMdlEx(SimPhysical(Low << PAGE_SHIFT),
                                       SimPhysical(((Low + 16) << PAGE_SHIFT) - 1), SimPhysical(0),
                                       8 * PAGE_SIZE, MmCached, 0);
    CheckPagesMdl(Mdl, 8, MmCached);
    for (int i = 0; i < 8; i++) {
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[i];
        assert_true(Pfn >= Low && Pfn < Low + 16);
    }
    SimTestFreeMdlPages(Mdl);

    /* HighAddress inside a page: that page is in range (its physical
     * address is <= HighAddress). A one-page window. */
    Mdl = MmAllocatePagesForMdlEx(SimPhysical((Low + 40) << PAGE_SHIFT),
                                  SimPhysical(((Low + 40) << PAGE_SHIFT) + 1), SimPhysical(0),
                                  3 * PAGE_SIZE, MmCached, 0);
    CheckPagesMdl(Mdl, 1, MmCached);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[0], Low + 40);
    SimTestFreeMdlPages(Mdl);
    /* The same with FULLY_REQUIRED: NULL. */
    assert_null(MmAllocatePagesForMdlEx(SimPhysical((Low + 40) << PAGE_SHIFT),
                                        SimPhysical(((Low + 40) << PAGE_SHIFT) + 1), SimPhysical(0),
                                        3 * PAGE_SIZE, MmCached, MM_ALLOCATE_FULLY_REQUIRED));

    /* SkipBytes walk: 4-page windows, 1 MiB apart. */
    const ULONG64 SkipPages = 0x100;
    for (int w = 0; w < 3; w++) {
        assert_int_equal(FreeInWindow(Low + w * SkipPages, Low + w * SkipPages + 3), 4);
    }
    Mdl = MmAllocatePagesForMdlEx(
        SimPhysical(Low << PAGE_SHIFT), SimPhysical(((Low + 4) << PAGE_SHIFT) - 1),
        SimPhysical(SkipPages << PAGE_SHIFT), 10 * PAGE_SIZE, MmCached, 0);
    CheckPagesMdl(Mdl, 10, MmCached);
    ULONG PerWindow[3] = {0, 0, 0};
    for (int i = 0; i < 10; i++) {
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[i];
        assert_true(Pfn >= Low);
        ULONG64 W = (Pfn - Low) / SkipPages;
        assert_true(W < 3 && (Pfn - Low) % SkipPages < 4);
        PerWindow[W]++;
    }
    assert_int_equal(PerWindow[0], 4);
    assert_int_equal(PerWindow[1], 4);
    assert_int_equal(PerWindow[2], 2);
    SimTestFreeMdlPages(Mdl);

    /* Windows run past the highest RAM page: a short MDL (3 of 10). */
    PFN_NUMBER Top = Stats.HighestPfn;
    assert_int_equal(FreeInWindow(Top - 2, Top), 3);
    Mdl = MmAllocatePagesForMdlEx(SimPhysical((Top - 2) << PAGE_SHIFT),
                                  SimPhysical(((Top - 1) << PAGE_SHIFT) - 1),
                                  SimPhysical(PAGE_SIZE), 10 * PAGE_SIZE, MmCached, 0);
    CheckPagesMdl(Mdl, 3, MmCached);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[0], Top - 2);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[1], Top - 1);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[2], Top);
    SimTestFreeMdlPages(Mdl);
    assert_null(MmAllocatePagesForMdlEx(
        SimPhysical((Top - 2) << PAGE_SHIFT), SimPhysical(((Top - 1) << PAGE_SHIFT) - 1),
        SimPhysical(PAGE_SIZE), 10 * PAGE_SIZE, MmCached, MM_ALLOCATE_FULLY_REQUIRED));

    /* No RAM in range: the legacy hole 0xA0000-0xFFFFF, and above all RAM;
     * HighAddress below LowAddress. */
    assert_null(MmAllocatePagesForMdlEx(SimPhysical(0xA0000), SimPhysical(0xFFFFF), SimPhysical(0),
                                        PAGE_SIZE, MmCached, 0));
    assert_null(MmAllocatePagesForMdlEx(SimPhysical((Top + 1) << PAGE_SHIFT), SimPhysical(~0ull),
                                        SimPhysical(0), PAGE_SIZE, MmCached, 0));
    assert_null(MmAllocatePagesForMdlEx(SimPhysical(0x2000000), SimPhysical(0x1000000),
                                        SimPhysical(0), PAGE_SIZE, MmCached, 0));
    /* Window in the hole, SkipBytes moves it onto RAM at 1 MiB. */
    Mdl = MmAllocatePagesForMdlEx(SimPhysical(0xA0000), SimPhysical(0xFFFFF), SimPhysical(0x60000),
                                  2 * PAGE_SIZE, MmCached, 0);
    CheckPagesMdl(Mdl, 2, MmCached);
    for (int i = 0; i < 2; i++) {
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[i];
        assert_true(Pfn >= 0x100 && Pfn < 0x160);
    }
    SimTestFreeMdlPages(Mdl);
    SimAssertInvariants();
}

/* Rule: CacheType is recorded in each page's PFN entry (MmNotMapped or >
 * MmWriteCombined: none); a later map uses the map call's CacheType.
 * Source: mdl.md "CacheType" row; ddi-contract 1.7, 2.3. */
SIM_TEST(AllocatePagesCacheType)
{
    static const struct {
        MEMORY_CACHING_TYPE Asked;
        LONG Recorded;
    } Rows[] = {
        {MmNonCached, MmNonCached},
        {MmCached, MmCached},
        {MmWriteCombined, MmWriteCombined},
        {MmHardwareCoherentCached, MmNotMapped},
        {MmUSWCCached, MmNotMapped},
        {MmNotMapped, MmNotMapped},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        PMDL Mdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull), SimPhysical(0),
                                           2 * PAGE_SIZE, Rows[r].Asked, 0);
        CheckPagesMdl(Mdl, 2, Rows[r].Recorded);
        SimTestFreeMdlPages(Mdl);
    }
    /* Recorded MmCached, mapped MmNonCached: the PTE is UC (PCD|PWT). */
    PMDL Mdl = AllocPages(PAGE_SIZE, 0);
    assert_non_null(Mdl);
    char *Va = (char *)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmNonCached, NULL, FALSE,
                                                    NormalPagePriority);
    assert_non_null(Va);
    ULONG64 Pte;
    assert_true(SimQueryPte(Va, &Pte, NULL));
    assert_int_equal(Pte & (SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH),
                     SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH);
    MmUnmapLockedPages(Va, Mdl);
    Va = (char *)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                              NormalPagePriority);
    assert_non_null(Va);
    assert_true(SimQueryPte(Va, &Pte, NULL));
    assert_int_equal(Pte & (SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH), 0);
    MmUnmapLockedPages(Va, Mdl);
    SimTestFreeMdlPages(Mdl);
}

/* Reads a whole MDL's pages through a fresh mapping. */
typedef enum { FillZero, FillPattern, FillOther } FILL_KIND;

static FILL_KIND ClassifyPages(PMDL Mdl, unsigned char Pattern)
{
    unsigned char *Va = (unsigned char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(Va);
    BOOLEAN AllZero = TRUE, AllPattern = TRUE;
    for (ULONG i = 0; i < Mdl->ByteCount; i++) {
        AllZero &= Va[i] == 0;
        AllPattern &= Va[i] == Pattern;
    }
    MmUnmapLockedPages(Va, Mdl);
    return AllZero ? FillZero : AllPattern ? FillPattern : FillOther;
}

/* Rule: pages are zero-filled by default, even pages dirtied and freed just
 * before; MM_DONT_ZERO_ALLOCATION gives a seeded random fill in strict mode
 * (Verifier, Win 8.1+) and stale contents in retail; MM_FREE_MDL_PAGES_ZERO
 * zeroes at free. A fixed 8-page window makes the same pages come back.
 * Source: mdl.md "MM_DONT_ZERO_ALLOCATION", "default" rows and
 * MmFreePagesFromMdlEx "success" row; ddi-contract 1.7, 1.8. */
SIM_TEST_F(AllocatePagesZeroing, SimTestSetup, TeardownDefaultMachine)
{
    static const struct {
        BOOLEAN Strict;
        ULONG AllocFlags; /* of the second allocation */
        ULONG FreeFlags;  /* of the first free */
        FILL_KIND Expect;
    } Rows[] = {
        {TRUE, 0, 0, FillZero},
        {FALSE, 0, 0, FillZero},
        {TRUE, MM_DONT_ZERO_ALLOCATION, 0, FillOther},
        {TRUE, MM_DONT_ZERO_ALLOCATION, MM_FREE_MDL_PAGES_ZERO, FillOther},
        {FALSE, MM_DONT_ZERO_ALLOCATION, 0, FillPattern},
        {FALSE, MM_DONT_ZERO_ALLOCATION, MM_FREE_MDL_PAGES_ZERO, FillZero},
    };
    const PFN_NUMBER Low = 0x2000;
    const ULONG Pages = 8;
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        UseMachine(Rows[r].Strict, 0, 0, 0);
        assert_int_equal(FreeInWindow(Low, Low + Pages - 1), Pages);
        PHYSICAL_ADDRESS L = SimPhysical(Low << PAGE_SHIFT),
                         H = SimPhysical(((Low + Pages) << PAGE_SHIFT) - 1);
        PMDL Mdl = MmAllocatePagesForMdlEx(L, H, SimPhysical(0), Pages * PAGE_SIZE, MmCached, 0);
        CheckPagesMdl(Mdl, Pages, MmCached);
        assert_int_equal(ClassifyPages(Mdl, 0xA5), FillZero);
        unsigned char *Va = (unsigned char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(Va);
        memset(Va, 0xA5, Pages * PAGE_SIZE);
        MmUnmapLockedPages(Va, Mdl);
        MmFreePagesFromMdlEx(Mdl, Rows[r].FreeFlags);
        ExFreePool(Mdl);
        Mdl = MmAllocatePagesForMdlEx(L, H, SimPhysical(0), Pages * PAGE_SIZE, MmCached,
                                      Rows[r].AllocFlags);
        CheckPagesMdl(Mdl, Pages, MmCached);
        FILL_KIND Got = ClassifyPages(Mdl, 0xA5);
        if (Got != Rows[r].Expect) {
            print_error("row %zu (strict %d, alloc flags 0x%x, free flags 0x%x): fill %d, "
                        "expected %d (0 zero, 1 stale pattern, 2 other)\n",
                        r, Rows[r].Strict, Rows[r].AllocFlags, Rows[r].FreeFlags, Got,
                        Rows[r].Expect);
            fail();
        }
        SimTestFreeMdlPages(Mdl);
        SimAssertInvariants();
    }
}

/* Rule: strict MM_DONT_ZERO_ALLOCATION fill is random: not all zero, not a
 * repeated byte, and different page to page. Source: mdl.md
 * "MM_DONT_ZERO_ALLOCATION" row; ddi-contract 1.7 (Verifier 8.1+). */
SIM_TEST(AllocatePagesRandomFill)
{
    PMDL Mdl = AllocPages(4 * PAGE_SIZE, MM_DONT_ZERO_ALLOCATION);
    CheckPagesMdl(Mdl, 4, MmCached);
    ULONG64 *Va = (ULONG64 *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(Va);
    const ULONG Words = PAGE_SIZE / 8;
    ULONG Zero = 0, Same = 0;
    for (ULONG i = 0; i < 4 * Words; i++) {
        Zero += Va[i] == 0;
        Same += i > 0 && Va[i] == Va[i - 1];
    }
    assert_true(Zero < 4);
    assert_true(Same < 4);
    assert_memory_not_equal(Va, Va + Words, PAGE_SIZE);
    SimTestFreeMdlPages(Mdl);
}

/* Rule: REQUIRE_CONTIGUOUS_CHUNKS needs physically contiguous (aligned)
 * blocks: on fragmented memory it is NULL (SkipBytes 0 implies
 * FULLY_REQUIRED) while an ordinary or PREFER_CONTIGUOUS request succeeds.
 * Source: mdl.md REQUIRE_CONTIGUOUS_CHUNKS and PREFER_CONTIGUOUS rows.
 *
 *   physical: |M|.|M|.|M|.|M|.|   M = held by an MDL, . = free
 */
SIM_TEST_F(AllocatePagesFragmented, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(TRUE, 1024, 0, 0);
    enum { Max = 2048 };
    static PMDL Held[Max];
    ULONG Count = 0;
    PMDL Mdl;
    while (Count < Max && (Mdl = AllocPages(PAGE_SIZE, 0)) != NULL) {
        Held[Count++] = Mdl;
    }
    assert_true(Count > 512 && Count < Max);
    /* Free the pages of every MDL whose PFN is even; keep the MDL blocks so
     * the pool does not give pages back. */
    ULONG Freed = 0;
    for (ULONG i = 0; i < Count; i++) {
        if (MmGetMdlPfnArray(Held[i])[0] % 2 == 0) {
            MmFreePagesFromMdl(Held[i]);
            Freed++;
        }
    }
    assert_true(Freed > 64);
    /* Precondition: no two adjacent free pages. */
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    for (PFN_NUMBER Pfn = Stats.LowestPfn; Pfn < Stats.HighestPfn; Pfn++) {
        assert_false(PfnIsFree(Pfn) && PfnIsFree(Pfn + 1));
    }
    assert_null(AllocPages(2 * PAGE_SIZE, MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS));
    assert_null(MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull),
                                        SimPhysical(2 * PAGE_SIZE), 4 * PAGE_SIZE, MmCached,
                                        MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS));
    PMDL Single =
        MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull), SimPhysical(PAGE_SIZE),
                                2 * PAGE_SIZE, MmCached, MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS);
    CheckPagesMdl(Single, 2, MmCached); /* 4 KB blocks are always contiguous */
    PMDL Prefer = AllocPages(4 * PAGE_SIZE, MM_ALLOCATE_PREFER_CONTIGUOUS);
    CheckPagesMdl(Prefer, 4, MmCached);
    assert_false(MdlIsContiguous(Prefer, 0, 4));
    PMDL Plain = AllocPages(4 * PAGE_SIZE, 0);
    CheckPagesMdl(Plain, 4, MmCached);
    SimAssertInvariants();
    SimTestFreeMdlPages(Single);
    SimTestFreeMdlPages(Prefer);
    SimTestFreeMdlPages(Plain);
    for (ULONG i = 0; i < Count; i++) {
        if (Held[i]->MdlFlags & MDL_PAGES_LOCKED) {
            MmFreePagesFromMdl(Held[i]);
        }
        ExFreePool(Held[i]);
    }
    SimAssertInvariants();
}

/* Rule: when physical memory is short the MDL describes fewer pages (a
 * page-multiple ByteCount; check MmGetMdlByteCount); FULLY_REQUIRED gives
 * NULL instead; nothing is leaked. Source: mdl.md "FULLY_REQUIRED" row and
 * ddi-contract 1.6 ("may return fewer bytes"); issue 4 acceptance. */
SIM_TEST_F(AllocatePagesShortOnSmallMachine, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(TRUE, 512, 0, 0);
    SIM_MEMORY_STATS Before, After;
    SimQueryMemory(&Before);
    assert_true(Before.FreePages <= 512);
    const SIZE_T Ask = 1024 * PAGE_SIZE; /* twice the RAM */
    assert_null(AllocPages(Ask, MM_ALLOCATE_FULLY_REQUIRED));
    SimQueryMemory(&After);
    assert_int_equal(After.FreePages, Before.FreePages);

    PMDL Mdl = AllocPages(Ask, 0);
    assert_non_null(Mdl);
    ULONG Bytes = MmGetMdlByteCount(Mdl);
    assert_int_equal(Bytes % PAGE_SIZE, 0);
    assert_true(Bytes > 0 && Bytes < Ask);
    assert_true(Bytes / PAGE_SIZE <= Before.FreePages);
    /* A substantial part of RAM: at least half of what was free. */
    assert_true(Bytes / PAGE_SIZE >= Before.FreePages / 2);
    CheckPagesMdl(Mdl, Bytes / PAGE_SIZE, MmCached);
    SimQueryMemory(&After);
    assert_int_equal(After.MdlPages, Bytes / PAGE_SIZE);
    SimAssertInvariants();
    /* The short MDL works like any other: map, write, unmap, free. */
    char *Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(Va);
    Va[Bytes - 1] = 1;
    MmUnmapLockedPages(Va, Mdl);
    SimTestFreeMdlPages(Mdl);
    SimQueryMemory(&After);
    assert_int_equal(After.FreePages, Before.FreePages);
    assert_int_equal(After.MdlPages, 0);
    SimAssertInvariants();
}

/* Rule: SimShortenNthPageAllocation makes the Nth call short (FULLY_REQUIRED:
 * NULL); SimFailNthCall(SimFaultAllocatePagesForMdl) makes it NULL; other
 * calls are untouched. Source: mmsim.h fault injection; mdl.md
 * "FULLY_REQUIRED" row. */
SIM_TEST(AllocatePagesFaultInjection)
{
    static const struct {
        BOOLEAN Fail;   /* SimFailNthCall, else SimShortenNthPageAllocation */
        ULONG Nth;
        ULONG64 ShortPages;
        ULONG Flags;
        ULONG64 Expect[3]; /* pages of calls 1..3 (0: NULL), each asking 10 */
    } Rows[] = {
        {TRUE, 1, 0, 0, {0, 10, 10}},
        {TRUE, 2, 0, 0, {10, 0, 10}},
        {FALSE, 1, 3, 0, {3, 10, 10}},
        {FALSE, 3, 1, 0, {10, 10, 1}},
        {FALSE, 2, 9, MM_ALLOCATE_FULLY_REQUIRED, {10, 0, 10}},
        {FALSE, 1, 0, 0, {0, 10, 10}}, /* shortened to nothing: NULL */
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimClearFaults();
        if (Rows[r].Fail) {
            SimFailNthCall(SimFaultAllocatePagesForMdl, Rows[r].Nth);
        } else {
            SimShortenNthPageAllocation(Rows[r].Nth, Rows[r].ShortPages);
        }
        for (int Call = 0; Call < 3; Call++) {
            ULONG64 Before = MdlPagesInUse();
            PMDL Mdl = AllocPages(10 * PAGE_SIZE, Rows[r].Flags);
            if (Rows[r].Expect[Call] == 0) {
                if (Mdl != NULL) {
                    print_error("row %zu call %d: expected NULL\n", r, Call + 1);
                }
                assert_null(Mdl);
                assert_int_equal(MdlPagesInUse(), Before);
                continue;
            }
            CheckPagesMdl(Mdl, Rows[r].Expect[Call], MmCached);
            SimTestFreeMdlPages(Mdl);
        }
    }
    SimClearFaults();
    SimAssertInvariants();
}

/* Rule: no pool for the MDL -> NULL, and no page is kept. Source: mdl.md
 * "no page in range / MDL pool exhausted" row; ddi-contract 1.6. */
SIM_TEST_F(AllocatePagesNoPoolForMdl, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(TRUE, 0, 0, 16);
    enum { Max = 64 };
    PVOID Va[Max];
    ULONG Count = 0;
    while (Count < Max &&
           (Va[Count] = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST)) != NULL) {
        Count++;
    }
    assert_true(Count < Max);
    /* What is left in partly used pool pages: fill it with small blocks. */
    enum { MaxSmall = 4096 };
    static PVOID Small[MaxSmall];
    ULONG SmallCount = 0;
    while (SmallCount < MaxSmall &&
           (Small[SmallCount] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_TEST)) != NULL) {
        SmallCount++;
    }
    assert_true(SmallCount < MaxSmall);
    SIM_MEMORY_STATS Before, After;
    SimQueryMemory(&Before);
    assert_null(AllocPages(PAGE_SIZE, 0));
    assert_null(AllocPages(64 * PAGE_SIZE, 0));
    assert_false(SimIsStopped(NULL));
    SimQueryMemory(&After);
    assert_int_equal(After.FreePages, Before.FreePages);
    assert_int_equal(After.MdlPages, 0);
    SimTestFreePool(Small, SmallCount, TAG_TEST);
    SimTestFreePool(Va, Count, TAG_TEST);
    /* Pool is back: the same call succeeds. */
    PMDL Mdl = AllocPages(PAGE_SIZE, 0);
    CheckPagesMdl(Mdl, 1, MmCached);
    SimTestFreeMdlPages(Mdl);
    SimAssertInvariants();
}

/* Rule: allowed up to DISPATCH_LEVEL; above it 0xC4/0x7E (IRQL,
 * DISPATCH_LEVEL, 0); AND_HOT_REMOVE above PASSIVE_LEVEL -> NULL.
 * Source: mdl.md AND_HOT_REMOVE row; ddi-contract 1.6, 1.7, 3.4 (0x7E). */
SIM_TEST(AllocatePagesIrql)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
    PMDL Hot = AllocPages(2 * PAGE_SIZE, MM_ALLOCATE_AND_HOT_REMOVE);
    KeLowerIrql(Old);
    CheckPagesMdl(Mdl, 2, MmCached);
    assert_null(Hot);
    KeRaiseIrql(APC_LEVEL, &Old);
    Hot = AllocPages(2 * PAGE_SIZE, MM_ALLOCATE_AND_HOT_REMOVE);
    KeLowerIrql(Old);
    assert_null(Hot);
    /* Freeing at DISPATCH_LEVEL is allowed too. */
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    KeLowerIrql(Old);

    static const KIRQL Above[] = {DISPATCH_LEVEL + 1, CLOCK_LEVEL, HIGH_LEVEL};
    for (size_t r = 0; r < ARRAY_COUNT(Above); r++) {
        SimReset();
        SIM_EXPECT_BUGCHECK4(0xC4, 0x7E, Above[r], DISPATCH_LEVEL, 0, {
            KeRaiseIrql(Above[r], &Old);
            (void)MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(~0ull), SimPhysical(0),
                                          PAGE_SIZE, MmCached, 0);
        });
        SimReset();
        SIM_EXPECT_BUGCHECK4(0xC4, 0x7E, Above[r], DISPATCH_LEVEL, 0, {
            KeRaiseIrql(Above[r], &Old);
            (void)MmAllocatePagesForMdl(SimPhysical(0), SimPhysical(~0ull), SimPhysical(0),
                                        PAGE_SIZE);
        });
    }
    SimReset();
    Mdl = AllocPages(PAGE_SIZE, 0);
    assert_non_null(Mdl);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x7E, HIGH_LEVEL, DISPATCH_LEVEL, 0, {
        KeRaiseIrql(HIGH_LEVEL, &Old);
        MmFreePagesFromMdl(Mdl);
    });
}

/* ======================================================================== */
/* MmFreePagesFromMdl(Ex) (mdl.md; ddi-contract 1.8, 3.2, 3.3).             */
/* ======================================================================== */

/* Rule: Ex Flags other than MM_FREE_MDL_PAGES_ZERO, or a ByteCount that is not
 * a page multiple -> 0x1A/0x1302 (MDL, Flags, ByteCount). Source: mdl.md
 * MmFreePagesFromMdl table, first row; ddi-contract 1.8, 3.2. */
SIM_TEST(FreePagesBadArguments)
{
    static const struct {
        BOOLEAN Ex;
        ULONG Flags;
        ULONG ByteCountDelta; /* subtracted from ByteCount */
    } Rows[] = {
        {TRUE, 2, 0},
        {TRUE, MM_FREE_MDL_PAGES_ZERO | 2, 0},
        {TRUE, 0x80000000u, 0},
        {TRUE, 0, 1},
        {TRUE, MM_FREE_MDL_PAGES_ZERO, 0x800},
        {FALSE, 0, 1},
        {FALSE, 0, PAGE_SIZE - 1},
    };
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimReset();
        PMDL Mdl = AllocPages(3 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        Mdl->ByteCount -= Rows[r].ByteCountDelta;
        PFN_NUMBER First = MmGetMdlPfnArray(Mdl)[0];
        SIM_BUGCHECK Got;
        if (Rows[r].Ex) {
            SIM_CATCH_BUGCHECK(&Got, MmFreePagesFromMdlEx(Mdl, Rows[r].Flags));
        } else {
            SIM_CATCH_BUGCHECK(&Got, MmFreePagesFromMdl(Mdl));
        }
        SimCmockaCheckBugCheck(&Got, 0x1A, 0x1302, (ULONG_PTR)Mdl, Rows[r].Flags, Mdl->ByteCount,
                               "bad Flags / ByteCount", __FILE__, __LINE__);
        /* Nothing was freed. */
        assert_int_equal(PfnInfo(First).State, SimPageMdl);
    }
    SimReset();
}

/* Rule: success frees the pages (zeroing them first with
 * MM_FREE_MDL_PAGES_ZERO), clears MDL_PAGES_LOCKED and leaves the MDL to
 * ExFreePool; a system mapping of the MDL is released first (Windows 7+).
 * Source: mdl.md MmFreePagesFromMdl "success" and "MDL_MAPPED_TO_SYSTEM_VA"
 * rows; ddi-contract 1.8. */
SIM_TEST(FreePagesSuccessAndAutoUnmap)
{
    static const struct {
        BOOLEAN Ex;
        ULONG Flags;
        BOOLEAN Mapped;
    } Rows[] = {
        {FALSE, 0, FALSE}, {FALSE, 0, TRUE}, {TRUE, 0, FALSE}, {TRUE, MM_FREE_MDL_PAGES_ZERO, TRUE},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        /* (Content zeroing by MM_FREE_MDL_PAGES_ZERO: AllocatePagesZeroing.) */
        PMDL Mdl = AllocPages(4 * PAGE_SIZE, 0);
        CheckPagesMdl(Mdl, 4, MmCached);
        PFN_NUMBER Pfns[4];
        memcpy(Pfns, MmGetMdlPfnArray(Mdl), sizeof(Pfns));
        if (Rows[r].Mapped) {
            char *Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
            assert_non_null(Va);
            memset(Va, 0x77, 4 * PAGE_SIZE);
            assert_int_equal(PfnInfo(Pfns[0]).MapCount, 1);
            assert_int_equal(SimQueryMdlMappings(NULL), 1);
        }
        ULONG64 Blocks = PoolBlocks();
        if (Rows[r].Ex) {
            MmFreePagesFromMdlEx(Mdl, Rows[r].Flags);
        } else {
            MmFreePagesFromMdl(Mdl);
        }
        assert_int_equal(SimQueryMdlMappings(NULL), 0);
        assert_int_equal(Mdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA), 0);
        for (int i = 0; i < 4; i++) {
            SIM_PFN_INFO Info = PfnInfo(Pfns[i]);
            assert_true(Info.State == SimPageFree || Info.State == SimPageZeroed);
            assert_int_equal(Info.MapCount, 0);
        }
        /* The MDL is still a pool block: the caller frees it. */
        assert_int_equal(PoolBlocks(), Blocks);
        ExFreePool(Mdl);
        assert_int_equal(MdlPagesInUse(), 0);
        SimAssertInvariants();
    }
}

/* Rule: still MDL_MAPPED_TO_SYSTEM_VA after the automatic unmap (mapped
 * through a reserved mapping) or MDL_IO_SPACE -> 0x1A/0x1238 (MDL, MdlFlags,
 * 0), nothing freed or unmapped. Source: mdl.md MmFreePagesFromMdl rows;
 * ddi-contract 1.8, 3.2. */
SIM_TEST(FreePagesStillMapped)
{
    for (int volatile Row = 0; Row < 2; Row++) {
        SimReset();
        PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        PVOID volatile Reserved = NULL;
        if (Row == 0) {
            Reserved = MmAllocateMappingAddress(4 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Reserved);
            assert_non_null(MmMapLockedPagesWithReservedMapping(Reserved, TAG_TEST, Mdl, MmCached));
            assert_true((Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) != 0);
        } else {
            Mdl->MdlFlags |= MDL_IO_SPACE;
        }
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[0];
        SIM_EXPECT_BUGCHECK4(0x1A, 0x1238, (ULONG_PTR)Mdl, (USHORT)Mdl->MdlFlags, 0,
                             MmFreePagesFromMdl(Mdl));
        assert_int_equal(PfnInfo(Pfn).State, SimPageMdl);
        if (Row == 0) {
            ULONG64 Pte;
            assert_true(SimQueryPte(Reserved, &Pte, NULL));
            assert_true((Pte & SIM_PTE_VALID) != 0); /* not unmapped */
        }
    }
    SimReset();
}

/* Rule: a PFN not allocated for an MDL -> 0x1A/0x1236 (MDL, address of the
 * PFN array slot, PFN): a double free, a page listed twice, a pool page, a
 * PFN that is not RAM; every page is checked before any is freed.
 * Source: mdl.md MmFreePagesFromMdl rows; ddi-contract 1.8, 3.2. */
SIM_TEST(FreePagesNotMdlPages)
{
    enum { DoubleFree, Twice, PoolPage, NotRam, RowCount };
    static const char *Names[] = {"double free", "page listed twice", "non-paged pool page",
                                  "not RAM (legacy hole)"};
    for (int Row = 0; Row < RowCount; Row++) {
        SimReset();
        PMDL Mdl = AllocPages(3 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
        ULONG volatile Slot = 1;
        PFN_NUMBER volatile Bad = 0;
        PFN_NUMBER Saved = Pfns[1];
        if (Row == DoubleFree) {
            MmFreePagesFromMdl(Mdl);
            Slot = 0;
            Bad = Pfns[0];
        } else if (Row == Twice) {
            Bad = Pfns[1] = Pfns[0];
        } else if (Row == PoolPage) {
            PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
            assert_non_null(Pool);
            Bad = Pfns[1] = PfnOfVa(Pool);
        } else {
            Bad = Pfns[1] = 0xA0;
        }
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, MmFreePagesFromMdl(Mdl));
        SimCmockaCheckBugCheck(&Got, 0x1A, 0x1236, (ULONG_PTR)Mdl, (ULONG_PTR)&Pfns[Slot], Bad,
                               Names[Row], __FILE__, __LINE__);
        if (Row != DoubleFree) {
            /* Checked before freeing: slot 0 (and the real page of slot 1)
             * still belong to the MDL. */
            assert_int_equal(PfnInfo(Pfns[0]).State, SimPageMdl);
            assert_int_equal(PfnInfo(Saved).State, SimPageMdl);
        }
    }
    SimReset();
}

/* Rule: a page still locked (MmProbeAndLockPages through another MDL) or
 * still mapped by another mapping -> 0x4E/0x9A (PFN, page state, lock count +
 * map count), nothing freed. Source: mdl.md MmFreePagesFromMdl rows;
 * ddi-contract 3.3. */
SIM_TEST(FreePagesStillLockedOrMapped)
{
    static const struct {
        const char *Name;
        BOOLEAN Lock;
        BOOLEAN Map;
    } Rows[] = {
        {"locked through another MDL", TRUE, FALSE},
        {"mapped through another MDL", FALSE, TRUE},
        {"locked and mapped", TRUE, TRUE},
    };
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimReset();
        PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
        char *volatile Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(Va);
        PMDL Lock = NULL;
        if (Rows[r].Lock) {
            /* Lock the second page through its mapping. */
            Lock = IoAllocateMdl(Va + PAGE_SIZE + 8, 16, FALSE, FALSE, NULL);
            assert_non_null(Lock);
            NTSTATUS Status;
            SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Lock, KernelMode, IoReadAccess));
            assert_int_equal(Status, STATUS_SUCCESS);
        }
        MmUnmapLockedPages(Va, Mdl);
        PMDL Other = NULL;
        if (Rows[r].Map) {
            Other = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
            assert_non_null(Other);
            memcpy(MmGetMdlPfnArray(Other), Pfns, 2 * sizeof(PFN_NUMBER));
            Other->MdlFlags |= MDL_PAGES_LOCKED;
            assert_non_null(MmGetSystemAddressForMdlSafe(Other, NormalPagePriority));
        }
        ULONG volatile Refs = (Rows[r].Lock ? 1 : 0) + (Rows[r].Map ? 1 : 0);
        /* The first page: mapped only by Other, never locked. */
        ULONG volatile Slot = Rows[r].Map ? 0 : 1;
        ULONG volatile SlotRefs = Rows[r].Map ? 1 : Refs;
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, MmFreePagesFromMdl(Mdl));
        SimCmockaCheckBugCheck(&Got, 0x4E, 0x9A, Pfns[Slot], SimPageMdl, SlotRefs, Rows[r].Name,
                               __FILE__, __LINE__);
        assert_int_equal(PfnInfo(Pfns[0]).State, SimPageMdl);
        assert_int_equal(PfnInfo(Pfns[1]).State, SimPageMdl);
    }
    SimReset();
}

/* ======================================================================== */
/* MmProbeAndLockPages / MmUnlockPages (mdl.md; ddi-contract 1.11, 3.3, 3.4). */
/* ======================================================================== */

/* Rule: success: each page's lock count + 1 (pages may be locked by several
 * MDLs), PFN array filled, MDL_PAGES_LOCKED set, MDL_WRITE_OPERATION set for
 * write/modify and cleared for read, Process = NULL; MmUnlockPages: lock
 * count - 1, MDL_PAGES_LOCKED cleared. Source: mdl.md MmProbeAndLockPages
 * "success" and MmUnlockPages "success" rows; ddi-contract 1.11, 2.2. */
SIM_TEST(ProbeAndLockTable)
{
    static const struct {
        SIZE_T Offset;
        ULONG Length;
        LOCK_OPERATION Operation;
        BOOLEAN Paged;
    } Rows[] = {
        {0, 1, IoReadAccess, FALSE},
        {0x123, 2 * PAGE_SIZE, IoWriteAccess, FALSE},
        {0xFFF, 2, IoModifyAccess, FALSE},
        {0, 4 * PAGE_SIZE, IoReadAccess, FALSE},
        {0x10, 3 * PAGE_SIZE, IoWriteAccess, TRUE},
        {0, PAGE_SIZE, IoReadAccess, TRUE},
    };
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        POOL_FLAGS Kind = Rows[r].Paged ? POOL_FLAG_PAGED : POOL_FLAG_NON_PAGED;
        char *Buffer = (char *)ExAllocatePool2(Kind, 5 * PAGE_SIZE, TAG_TEST);
        assert_non_null(Buffer);
        char *Va = Buffer + Rows[r].Offset;
        PMDL Mdl = IoAllocateMdl(Va, Rows[r].Length, FALSE, FALSE, NULL);
        PMDL Second = IoAllocateMdl(Va, Rows[r].Length, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        assert_non_null(Second);
        Mdl->Process = (PEPROCESS)(ULONG_PTR)0x4321;
        Mdl->MdlFlags |= MDL_WRITE_OPERATION; /* cleared by a read lock */
        NTSTATUS Status;
        SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, Rows[r].Operation));
        assert_int_equal(Status, STATUS_SUCCESS);
        BOOLEAN Write = Rows[r].Operation != IoReadAccess;
        assert_int_equal((USHORT)Mdl->MdlFlags,
                         MDL_ALLOCATED_FIXED_SIZE | MDL_PAGES_LOCKED |
                             (Write ? MDL_WRITE_OPERATION : 0));
        assert_null(Mdl->Process);
        ULONG Span = MdlSpan(Mdl);
        for (ULONG i = 0; i < Span; i++) {
            PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[i];
            assert_int_equal(Pfn, PfnOfVa((char *)PAGE_ALIGN(Va) + i * PAGE_SIZE));
            assert_int_equal(PfnInfo(Pfn).LockCount, 1);
        }
        /* A second MDL locks the same pages: counts go to 2. */
        SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Second, KernelMode, IoReadAccess));
        assert_int_equal(Status, STATUS_SUCCESS);
        for (ULONG i = 0; i < Span; i++) {
            assert_int_equal(PfnInfo(MmGetMdlPfnArray(Mdl)[i]).LockCount, 2);
        }
        SimAssertInvariants();
        MmUnlockPages(Mdl);
        assert_int_equal(Mdl->MdlFlags & MDL_PAGES_LOCKED, 0);
        for (ULONG i = 0; i < Span; i++) {
            assert_int_equal(PfnInfo(MmGetMdlPfnArray(Mdl)[i]).LockCount, 1);
        }
        MmUnlockPages(Second);
        for (ULONG i = 0; i < Span; i++) {
            assert_int_equal(PfnInfo(MmGetMdlPfnArray(Mdl)[i]).LockCount, 0);
        }
        IoFreeMdl(Mdl);
        IoFreeMdl(Second);
        ExFreePoolWithTag(Buffer, TAG_TEST);
    }
    SimAssertInvariants();
}

/* Rule: locked paged pool is never trimmed; after MmUnlockPages it can be;
 * a trimmed page probed at <= APC_LEVEL is faulted back in (contents kept)
 * and locked. Source: mdl.md MmProbeAndLockPages "success" and "trimmed at
 * <= APC_LEVEL" rows; ddi-contract 1.11.
 *
 *   paged block  [ p0 | p1 | p2 ]      MDL locks p0, p1
 *   trim         [ L  | L  | T  ]      L = locked (valid), T = transition
 */
SIM_TEST(ProbeAndLockPagedPoolTrim)
{
    char *Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 3 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Paged);
    for (int i = 0; i < 3 * PAGE_SIZE; i++) {
        Paged[i] = (char)(i % 251);
    }
    PMDL Mdl = IoAllocateMdl(Paged, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal(SimTrimPagedPool(), 1); /* only p2 */
    assert_true(MmIsAddressValid(Paged));
    assert_true(MmIsAddressValid(Paged + PAGE_SIZE));
    assert_false(MmIsAddressValid(Paged + 2 * PAGE_SIZE));
    /* Locked pages stay valid at DISPATCH_LEVEL: reading them is fine. */
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_int_equal(Paged[PAGE_SIZE + 5], (char)((PAGE_SIZE + 5) % 251));
    KeLowerIrql(Old);
    SimAssertInvariants();
    MmUnlockPages(Mdl);
    assert_int_equal(SimTrimPagedPool(), 2);
    assert_false(MmIsAddressValid(Paged));

    /* Probe trimmed pages at PASSIVE and APC: faulted in, then locked. */
    for (KIRQL volatile Irql = PASSIVE_LEVEL; Irql <= APC_LEVEL; Irql++) {
        SimTrimPagedPool();
        KeRaiseIrql(Irql, &Old);
        SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoReadAccess));
        KeLowerIrql(Old);
        assert_int_equal(Status, STATUS_SUCCESS);
        assert_true(MmIsAddressValid(Paged));
        assert_true(MmIsAddressValid(Paged + PAGE_SIZE));
        assert_int_equal(MmGetMdlPfnArray(Mdl)[1], PfnOfVa(Paged + PAGE_SIZE));
        assert_int_equal(PfnInfo(MmGetMdlPfnArray(Mdl)[0]).LockCount, 1);
        assert_int_equal(Paged[PAGE_SIZE + 7], (char)((PAGE_SIZE + 7) % 251));
        SimAssertInvariants();
        MmUnlockPages(Mdl);
    }
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Paged, TAG_TEST);
    SimAssertInvariants();
}

/* Rule: a trimmed paged-pool page probed at DISPATCH_LEVEL is 0xD1 (address,
 * IRQL, 0 read / 1 write, caller), as the touch would be. Source: mdl.md
 * MmProbeAndLockPages "trimmed at DISPATCH_LEVEL" row; ddi-contract 3.7. */
SIM_TEST(ProbeAndLockTrimmedAtDispatch)
{
    static const LOCK_OPERATION Ops[] = {IoReadAccess, IoWriteAccess, IoModifyAccess};
    for (size_t volatile r = 0; r < ARRAY_COUNT(Ops); r++) {
        SimReset();
        char *Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST);
        assert_non_null(Paged);
        PMDL Mdl = IoAllocateMdl(Paged, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        assert_true(SimTrimPagedPool() >= 2);
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, {
            KIRQL Old;
            KeRaiseIrql(DISPATCH_LEVEL, &Old);
            MmProbeAndLockPages(Mdl, KernelMode, Ops[r]);
        });
        SimCmockaCheckBugCheck(&Got, 0xD1, (ULONG_PTR)Paged, DISPATCH_LEVEL,
                               Ops[r] == IoReadAccess ? 0 : 1, SIM_ANY, "probe of trimmed page",
                               __FILE__, __LINE__);
        assert_true(Got.Parameters[3] != 0);
    }
    SimReset();
}

/* Rule: a page outside system space, or whose PTE is neither valid nor a
 * trimmed paged-pool page, raises STATUS_ACCESS_VIOLATION and pages locked so
 * far are unlocked again; UserMode raises it too (no user space); a write
 * lock of a read-only mapping raises it; SimFailNthCall makes a probe raise.
 * Source: mdl.md MmProbeAndLockPages rows; ddi-contract 1.11. */
SIM_TEST(ProbeAndLockBadRanges)
{
    enum { FreedSecondPage, HostMemory, ReservedUnmapped, UserModeRow, ReadOnlyWrite,
           ReadOnlyRead, Injected, RowCount };
    static const char *Names[] = {"second page freed", "host memory", "reserved, unmapped",
                                  "UserMode", "write lock of a NoWrite mapping",
                                  "read lock of a NoWrite mapping", "injected failure"};
    static char HostBuffer[2 * PAGE_SIZE];
    for (int Row = 0; Row < RowCount; Row++) {
        char *volatile Va = NULL;
        ULONG Length = 2 * PAGE_SIZE;
        KPROCESSOR_MODE volatile Mode = KernelMode;
        LOCK_OPERATION volatile Op = IoWriteAccess;
        NTSTATUS volatile Want = STATUS_ACCESS_VIOLATION;
        char *volatile Live = NULL, *volatile Reserved = NULL;
        PMDL volatile Pages = NULL;
        PMDL Mdl = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL); /* before any free */
        assert_non_null(Mdl);
        if (Row == FreedSecondPage) {
            char *Block = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Block);
            ExFreePoolWithTag(Block, TAG_TEST);
            Live = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
            assert_non_null(Live);
            assert_false(MmIsAddressValid(Live + PAGE_SIZE)); /* precondition */
            Va = Live + 0x80;
            Length = PAGE_SIZE;
        } else if (Row == HostMemory) {
            Va = HostBuffer;
        } else if (Row == ReservedUnmapped) {
            Reserved = (char *)MmAllocateMappingAddress(2 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Reserved);
            Va = Reserved;
        } else if (Row == UserModeRow || Row == Injected) {
            Live = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Live);
            Va = Live;
            Mode = Row == UserModeRow ? UserMode : KernelMode;
            if (Row == Injected) {
                SimFailNthCall(SimFaultProbeAndLockPages, 1);
                Want = STATUS_SUCCESS; /* any failure status: checked below */
            }
        } else {
            Pages = AllocPages(2 * PAGE_SIZE, 0);
            assert_non_null(Pages);
            Va = (char *)MmMapLockedPagesSpecifyCache(Pages, KernelMode, MmCached, NULL, FALSE,
                                                      NormalPagePriority | MdlMappingNoWrite);
            assert_non_null(Va);
            Op = Row == ReadOnlyWrite ? IoWriteAccess : IoReadAccess;
            Want = Row == ReadOnlyWrite ? STATUS_ACCESS_VIOLATION : STATUS_SUCCESS;
        }
        MmInitializeMdl(Mdl, Va, Length);
        NTSTATUS Status;
        SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, Mode, Op));
        assert_false(SimIsStopped(NULL));
        if (Row == Injected ? NT_SUCCESS(Status) : Status != Want) {
            print_error("row '%s': status 0x%08X, expected 0x%08X\n", Names[Row], (unsigned)Status,
                        (unsigned)Want);
            fail();
        }
        if (NT_SUCCESS(Status)) {
            assert_int_equal(PfnInfo(MmGetMdlPfnArray(Mdl)[0]).LockCount, 1);
            MmUnlockPages(Mdl);
        } else {
            /* Nothing left locked. */
            assert_int_equal(Mdl->MdlFlags & MDL_PAGES_LOCKED, 0);
            if (Live != NULL) {
                assert_int_equal(PfnInfo(PfnOfVa(Live)).LockCount, 0);
            }
            if (Pages != NULL) {
                assert_int_equal(PfnInfo(MmGetMdlPfnArray(Pages)[0]).LockCount, 0);
            }
        }
        IoFreeMdl(Mdl);
        if (Live != NULL) {
            ExFreePoolWithTag(Live, TAG_TEST);
        }
        if (Reserved != NULL) {
            MmFreeMappingAddress(Reserved, TAG_TEST);
        }
        if (Pages != NULL) {
            MmUnmapLockedPages(Va, Pages);
            SimTestFreeMdlPages(Pages);
        }
        SimClearFaults();
        SimAssertInvariants();
    }
}

/* Rule: strict: MmProbeAndLockPages on an MDL that already has
 * MDL_PAGES_LOCKED, MDL_SOURCE_IS_NONPAGED_POOL, MDL_PARTIAL or
 * MDL_MAPPED_TO_SYSTEM_VA -> 0xC4/0xB0 (MDL, flags, the offending flags).
 * Source: mdl.md MmProbeAndLockPages first row; ddi-contract 1.10, 1.11, 3.4. */
SIM_TEST(ProbeAndLockWrongFlags)
{
    enum { Twice, Built, Partial, Mapped, RowCount };
    static const USHORT Offending[] = {MDL_PAGES_LOCKED, MDL_SOURCE_IS_NONPAGED_POOL, MDL_PARTIAL,
                                       MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA};
    for (int Row = 0; Row < RowCount; Row++) {
        SimReset();
        LOCKED_BUFFER L = LockNonPaged(2 * PAGE_SIZE, 0, PAGE_SIZE, IoReadAccess);
        PMDL volatile Mdl = L.Mdl;
        if (Row == Built) {
            Mdl = IoAllocateMdl(L.Buffer, 64, FALSE, FALSE, NULL);
            assert_non_null(Mdl);
            MmBuildMdlForNonPagedPool(Mdl);
        } else if (Row == Partial) {
            Mdl = IoAllocateMdl(L.Buffer, 64, FALSE, FALSE, NULL);
            assert_non_null(Mdl);
            IoBuildPartialMdl(L.Mdl, Mdl, L.Buffer, 64);
        } else if (Row == Mapped) {
            assert_non_null(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority));
        }
        SIM_EXPECT_BUGCHECK4(0xC4, 0xB0, (ULONG_PTR)Mdl, (USHORT)Mdl->MdlFlags, Offending[Row],
                             MmProbeAndLockPages(Mdl, KernelMode, IoReadAccess));
    }
    SimReset();
}

/* Rule: strict MmUnlockPages checks: no MDL_PAGES_LOCKED -> 0xC4/0x7C (MDL,
 * flags, 0); MDL_SOURCE_IS_NONPAGED_POOL -> 0xC4/0x7D (MDL, flags, 0);
 * MDL_PARTIAL -> 0xC4/0xB4 (MDL, flags, MDL_PARTIAL). Each row is the way a
 * driver gets there: an MDL never locked, one built by
 * MmBuildMdlForNonPagedPool, one built by IoBuildPartialMdl. Source: mdl.md
 * MmUnlockPages rows; ddi-contract 1.11, 3.4. */
SIM_TEST(UnlockPagesWrongMdl)
{
    enum { NeverLocked, Built, BuiltAndFlagged, Partial, RowCount };
    static const char *Names[] = {"never locked", "built for non-paged pool",
                                  "built for non-paged pool, MDL_PAGES_LOCKED set by hand",
                                  "partial MDL"};
    static const ULONG_PTR Sub[] = {0x7C, 0x7D, 0x7D, 0xB4};
    int volatile Failures = 0;
    for (int Row = 0; Row < RowCount; Row++) {
        SimReset();
        char *Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
        assert_non_null(Buffer);
        PMDL volatile Mdl = IoAllocateMdl(Buffer, 64, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        if (Row == Built || Row == BuiltAndFlagged) {
            MmBuildMdlForNonPagedPool(Mdl);
            if (Row == BuiltAndFlagged) {
                Mdl->MdlFlags |= MDL_PAGES_LOCKED;
            }
        } else if (Row == Partial) {
            NTSTATUS Status;
            SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoReadAccess));
            assert_int_equal(Status, STATUS_SUCCESS);
            PMDL Target = IoAllocateMdl(Buffer, 16, FALSE, FALSE, NULL);
            assert_non_null(Target);
            IoBuildPartialMdl(Mdl, Target, Buffer, 16);
            Mdl = Target;
        }
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, MmUnlockPages(Mdl));
        Failures += !BugCheckIs(&Got, 0xC4, Sub[Row], (ULONG_PTR)Mdl, (USHORT)Mdl->MdlFlags,
                                Sub[Row] == 0xB4 ? MDL_PARTIAL : 0, Names[Row]);
    }
    SimReset();
    assert_int_equal(Failures, 0);
}

/* Rule: MmUnlockPages of a page whose lock count is already 0 -> 0x4E/0x07
 * (PFN, map count, 0): two MDLs claiming one lock (a copied MDL), an MDL from
 * MmAllocatePagesForMdl; the check covers every page before anything changes.
 * Source: mdl.md MmUnlockPages rows; ddi-contract 1.11, 3.3. */
SIM_TEST(UnlockPagesUnderflow)
{
    /* A copied MDL: the copy's unlock is one too many. */
    LOCKED_BUFFER L = LockNonPaged(PAGE_SIZE, 0, 64, IoReadAccess);
    PFN_NUMBER Pfn = MmGetMdlPfnArray(L.Mdl)[0];
    MDL_COPY Copy;
    CopyMdl(&Copy, L.Mdl);
    MmUnlockPages(L.Mdl);
    SIM_EXPECT_BUGCHECK4(0x4E, 0x07, Pfn, PfnInfo(Pfn).MapCount, 0, MmUnlockPages(&Copy.Header));
    assert_int_equal(PfnInfo(Pfn).MapCount, 1); /* the pool mapping */

    /* An MDL from MmAllocatePagesForMdl: its pages were never locked. */
    SimReset();
    PMDL Pages = AllocPages(2 * PAGE_SIZE, 0);
    assert_non_null(Pages);
    SIM_EXPECT_BUGCHECK4(0x4E, 0x07, MmGetMdlPfnArray(Pages)[0], 0, 0, MmUnlockPages(Pages));

    /* Two pages, only the second over-unlocked: nothing changes.
     *   A locks [p0 p1], B locks [p0]; unlock A; unlock copy of A -> p1 */
    SimReset();
    char *Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Buffer);
    PMDL A = IoAllocateMdl(Buffer, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    PMDL B = IoAllocateMdl(Buffer, 8, FALSE, FALSE, NULL);
    assert_non_null(A);
    assert_non_null(B);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(A, KernelMode, IoReadAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(B, KernelMode, IoReadAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    CopyMdl(&Copy, A);
    MmUnlockPages(A);
    PFN_NUMBER P0 = MmGetMdlPfnArray(A)[0], P1 = MmGetMdlPfnArray(A)[1];
    SIM_EXPECT_BUGCHECK4(0x4E, 0x07, P1, PfnInfo(P1).MapCount, 0, MmUnlockPages(&Copy.Header));
    assert_int_equal(PfnInfo(P0).LockCount, 1);
    SimReset();
}

/* Rule: MmUnlockPages releases a system mapping of the MDL first.
 * Source: mdl.md MmUnlockPages "success" row; ddi-contract 1.11, 1.12. */
SIM_TEST(UnlockPagesReleasesMapping)
{
    LOCKED_BUFFER L = LockNonPaged(3 * PAGE_SIZE, 0x20, 2 * PAGE_SIZE, IoWriteAccess);
    char *Va = (char *)MmGetSystemAddressForMdlSafe(L.Mdl, NormalPagePriority);
    assert_non_null(Va);
    PFN_NUMBER Pfn = MmGetMdlPfnArray(L.Mdl)[0];
    assert_int_equal(PfnInfo(Pfn).MapCount, 2); /* pool + the MDL mapping */
    MmUnlockPages(L.Mdl);
    assert_int_equal(SimQueryMdlMappings(NULL), 0);
    assert_int_equal(L.Mdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_PAGES_LOCKED), 0);
    assert_int_equal(PfnInfo(Pfn).MapCount, 1);
    assert_int_equal(PfnInfo(Pfn).LockCount, 0);
    SimAssertInvariants();
    IoFreeMdl(L.Mdl);
    ExFreePoolWithTag(L.Buffer, TAG_TEST);
}

/* ======================================================================== */
/* MmMapLockedPagesSpecifyCache / MmUnmapLockedPages /                      */
/* MmGetSystemAddressForMdlSafe (mdl.md; ddi-contract 1.12, 3.1, 3.4, 3.7). */
/*                                                                          */
/*   system PTEs: ... | guard? | page 0 | page 1 | ... | guard? | ...       */
/*                              ^ VA                                        */
/*   returned / MappedSystemVa = VA + ByteOffset                            */
/* ======================================================================== */

/* Rule: success: MappedSystemVa = VA + ByteOffset, MDL_MAPPED_TO_SYSTEM_VA
 * set, the PTEs name the MDL's PFNs (map count + 1); the macro returns the
 * existing mapping again; MmUnmapLockedPages zeroes the PTEs and clears the
 * flags. Source: mdl.md map "success" and unmap "success" rows; ddi-contract
 * 1.12. */
SIM_TEST(MapLockedPagesTable)
{
    static const struct {
        SIZE_T Offset;
        ULONG Length;
        MEMORY_CACHING_TYPE Cache;
        ULONG Priority;
    } Rows[] = {
        {0, 1, MmCached, LowPagePriority},
        {0x123, 2 * PAGE_SIZE, MmCached, NormalPagePriority},
        {0xFFF, 2, MmNonCached, HighPagePriority},
        {0x800, 5 * PAGE_SIZE, MmWriteCombined, NormalPagePriority | MdlMappingNoExecute},
        {0, 6 * PAGE_SIZE, MmCached, NormalPagePriority | MdlMappingWithGuardPtes},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        LOCKED_BUFFER L =
            LockNonPaged(7 * PAGE_SIZE, Rows[r].Offset, Rows[r].Length, IoWriteAccess);
        USHORT FlagsBefore = (USHORT)L.Mdl->MdlFlags;
        char *Va = (char *)MmMapLockedPagesSpecifyCache(L.Mdl, KernelMode, Rows[r].Cache, NULL,
                                                        FALSE, Rows[r].Priority);
        assert_non_null(Va);
        assert_int_equal(BYTE_OFFSET(Va), Rows[r].Offset & (PAGE_SIZE - 1));
        assert_ptr_equal(L.Mdl->MappedSystemVa, Va);
        assert_int_equal((USHORT)L.Mdl->MdlFlags, FlagsBefore | MDL_MAPPED_TO_SYSTEM_VA);
        assert_ptr_not_equal(Va, L.Buffer + Rows[r].Offset); /* a new VA */
        ULONG Span = MdlSpan(L.Mdl);
        for (ULONG i = 0; i < Span; i++) {
            char *Page = (char *)PAGE_ALIGN(Va) + i * PAGE_SIZE;
            ULONG64 Pte;
            SIM_SPACE_REGION Region;
            assert_true(SimQueryPte(Page, &Pte, &Region));
            assert_int_equal(Region, SimRegionSystemPtes);
            assert_true((Pte & SIM_PTE_VALID) != 0);
            assert_true((Pte & SIM_PTE_WRITE) != 0);
            assert_true((Pte & SIM_PTE_NO_EXECUTE) != 0); /* every mapping is NX */
            assert_int_equal(SIM_PTE_PFN(Pte), MmGetMdlPfnArray(L.Mdl)[i]);
            assert_int_equal(PfnInfo(MmGetMdlPfnArray(L.Mdl)[i]).MapCount, 2);
        }
        /* Both views are the same memory. */
        Va[0] = 0x3C;
        assert_int_equal(L.Buffer[Rows[r].Offset], 0x3C);
        L.Buffer[Rows[r].Offset + Rows[r].Length - 1] = 0x4D;
        assert_int_equal(Va[Rows[r].Length - 1], 0x4D);
        /* Once mapped, the macro hands back the same VA. */
        assert_ptr_equal(MmGetSystemAddressForMdlSafe(L.Mdl, NormalPagePriority), Va);
        assert_int_equal(SimQueryMdlMappings(NULL), 1);
        SimAssertInvariants();
        MmUnmapLockedPages(Va, L.Mdl);
        assert_int_equal((USHORT)L.Mdl->MdlFlags, FlagsBefore);
        assert_int_equal(SimQueryMdlMappings(NULL), 0);
        for (ULONG i = 0; i < Span; i++) {
            ULONG64 Pte;
            assert_true(SimQueryPte((char *)PAGE_ALIGN(Va) + i * PAGE_SIZE, &Pte, NULL));
            assert_int_equal(Pte, 0);
            assert_int_equal(PfnInfo(MmGetMdlPfnArray(L.Mdl)[i]).MapCount, 1);
        }
        UnlockAndFree(&L);
    }
    SimAssertInvariants();
}

/* Rule: strict checks on the call itself: BugCheckOnFailure != 0 ->
 * 0xC4/0x82 (MDL, flags, 0); already MDL_MAPPED_TO_SYSTEM_VA,
 * MDL_PARTIAL_HAS_BEEN_MAPPED or MDL_SOURCE_IS_NONPAGED_POOL -> 0xC4/0xB2
 * (MDL, flags, offending flags); neither MDL_PAGES_LOCKED nor MDL_PARTIAL ->
 * 0xC4/0xB3 (MDL, flags, MDL_PAGES_LOCKED). Source: mdl.md map rows;
 * ddi-contract 1.12, 3.4. */
SIM_TEST(MapLockedPagesStrictChecks)
{
    enum { BugCheckOnFailure, Mapped, PartialMapped, Built, NotLocked, RowCount };
    static const char *Names[] = {"BugCheckOnFailure TRUE", "already mapped",
                                  "partial, already mapped", "built for non-paged pool",
                                  "never locked"};
    int volatile Failures = 0;
    for (int Row = 0; Row < RowCount; Row++) {
        SimReset();
        LOCKED_BUFFER L = LockNonPaged(2 * PAGE_SIZE, 0, PAGE_SIZE, IoReadAccess);
        PMDL volatile Mdl = L.Mdl;
        ULONG_PTR volatile Sub = 0xB2, P4 = 0;
        if (Row == BugCheckOnFailure) {
            Sub = 0x82;
        } else if (Row == Mapped) {
            assert_non_null(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority));
            P4 = MDL_MAPPED_TO_SYSTEM_VA;
        } else if (Row == PartialMapped) {
            Mdl = IoAllocateMdl(L.Buffer, 64, FALSE, FALSE, NULL);
            assert_non_null(Mdl);
            IoBuildPartialMdl(L.Mdl, Mdl, L.Buffer, 64);
            assert_non_null(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority));
            P4 = MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED;
        } else if (Row == Built) {
            Mdl = IoAllocateMdl(L.Buffer, 64, FALSE, FALSE, NULL);
            assert_non_null(Mdl);
            MmBuildMdlForNonPagedPool(Mdl);
            P4 = MDL_SOURCE_IS_NONPAGED_POOL;
        } else {
            Mdl = IoAllocateMdl(L.Buffer, 64, FALSE, FALSE, NULL);
            assert_non_null(Mdl);
            Sub = 0xB3;
            P4 = MDL_PAGES_LOCKED;
        }
        ULONG_PTR Flags = (USHORT)Mdl->MdlFlags;
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, (void)MmMapLockedPagesSpecifyCache(
                                     Mdl, KernelMode, MmCached, NULL, Row == BugCheckOnFailure,
                                     NormalPagePriority));
        Failures += !BugCheckIs(&Got, 0xC4, Sub, (ULONG_PTR)Mdl, Flags, P4, Names[Row]);
    }
    SimReset();
    assert_int_equal(Failures, 0);
}

/* Rule: retail: an already mapped MDL gets its existing MappedSystemVa back
 * (no second mapping); BugCheckOnFailure is accepted and only matters on
 * failure: with no system PTEs left it is 0x3F (0, pages, free PTEs, total
 * PTEs) unless the MDL has MDL_MAPPING_CAN_FAIL (then NULL). Source: mdl.md
 * map rows ("retail", "no system PTEs left", "MDL_MAPPING_CAN_FAIL");
 * ddi-contract 1.12, 3.8. */
SIM_TEST_F(MapLockedPagesRetail, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(FALSE, 0, 64, 0);
    PMDL Mdl = AllocPages(40 * PAGE_SIZE, 0);
    CheckPagesMdl(Mdl, 40, MmCached);
    char *Va = (char *)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, TRUE,
                                                    NormalPagePriority);
    assert_non_null(Va);
    assert_ptr_equal(MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                  NormalPagePriority),
                     Va);
    assert_int_equal(SimQueryMdlMappings(NULL), 1);

    /* Out of system PTEs, MDL_MAPPING_CAN_FAIL: NULL even with
     * BugCheckOnFailure. */
    PMDL Second = AllocPages(40 * PAGE_SIZE, 0);
    CheckPagesMdl(Second, 40, MmCached);
    Second->MdlFlags |= MDL_MAPPING_CAN_FAIL;
    assert_null(MmMapLockedPagesSpecifyCache(Second, KernelMode, MmCached, NULL, TRUE,
                                             NormalPagePriority));
    Second->MdlFlags &= ~MDL_MAPPING_CAN_FAIL;
    assert_null(MmMapLockedPagesSpecifyCache(Second, KernelMode, MmCached, NULL, FALSE,
                                             NormalPagePriority));
    assert_false(SimIsStopped(NULL));
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    SIM_EXPECT_BUGCHECK4(0x3F, 0, 40, Stats.SystemPtesFree, Stats.SystemPtes,
                         (void)MmMapLockedPagesSpecifyCache(Second, KernelMode, MmCached, NULL,
                                                            TRUE, NormalPagePriority));
}

/* Rule: a PFN that is not RAM, or not allocated/locked/pool (pages already
 * freed) -> 0x1A/0x1233 (0x1233, PFN, 0, 0). Source: mdl.md map rows;
 * ddi-contract 3.2. */
SIM_TEST(MapLockedPagesUnlockedPfn)
{
    /* Pages freed behind a copied MDL's back. */
    PMDL Pages = AllocPages(2 * PAGE_SIZE, 0);
    assert_non_null(Pages);
    MDL_COPY Copy;
    CopyMdl(&Copy, Pages);
    SimTestFreeMdlPages(Pages);
    SIM_EXPECT_BUGCHECK4(0x1A, 0x1233, Copy.Pfns[0], 0, 0,
                         (void)MmMapLockedPagesSpecifyCache(&Copy.Header, KernelMode, MmCached,
                                                            NULL, FALSE, NormalPagePriority));
    /* A PFN in the legacy hole: not RAM. */
    SimReset();
    PMDL Mdl = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Pool);
    Pfns[0] = PfnOfVa(Pool); /* fine: pool */
    Pfns[1] = 0xB0;          /* not RAM */
    Mdl->MdlFlags |= MDL_PAGES_LOCKED;
    SIM_EXPECT_BUGCHECK4(0x1A, 0x1233, 0xB0, 0, 0,
                         (void)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                            NormalPagePriority));
}

/* Rule: UserMode maps into the current process's user range, not system
 * space (docs/user-space.md: it was STATUS_ACCESS_VIOLATION before mmsim had
 * a user address space); CacheType >= MmMaximumCacheType or ByteCount 0 ->
 * NULL; the MDL is left unmapped. Source: mdl.md map rows. */
SIM_TEST(MapLockedPagesRefusals)
{
    PMDL Mdl = AllocPages(PAGE_SIZE, 0);
    assert_non_null(Mdl);
    NTSTATUS Status;
    PVOID Va = (PVOID)1;
    SIM_TRY_STATUS(&Status, Va = MmMapLockedPagesSpecifyCache(Mdl, UserMode, MmCached, NULL,
                                                              FALSE, NormalPagePriority));
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_true(Va != NULL && (ULONG_PTR)Va < MmUserProbeAddress);
    assert_int_equal((USHORT)Mdl->MdlFlags, MDL_PAGES_LOCKED);
    MmUnmapLockedPages(Va, Mdl);
    static const MEMORY_CACHING_TYPE Bad[] = {MmMaximumCacheType, (MEMORY_CACHING_TYPE)7,
                                              (MEMORY_CACHING_TYPE)0x7FFFFFFF};
    for (size_t r = 0; r < ARRAY_COUNT(Bad); r++) {
        assert_null(MmMapLockedPagesSpecifyCache(Mdl, KernelMode, Bad[r], NULL, FALSE,
                                                 NormalPagePriority));
    }
    assert_int_equal((USHORT)Mdl->MdlFlags, MDL_PAGES_LOCKED);
    /* ByteCount 0. */
    ULONG Saved = Mdl->ByteCount;
    Mdl->ByteCount = 0;
    assert_null(MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                             NormalPagePriority));
    Mdl->ByteCount = Saved;
    assert_int_equal(SimQueryMdlMappings(NULL), 0);
    assert_int_equal((USHORT)Mdl->MdlFlags, MDL_PAGES_LOCKED);
    SimTestFreeMdlPages(Mdl);
}

/* Rule: no system PTEs left -> NULL (strict: no bug check since
 * BugCheckOnFailure must be FALSE); an injected failure
 * (SimFaultMapLockedPages) -> NULL; MmGetSystemAddressForMdlSafe returns NULL
 * likewise; freed PTEs are reusable. Source: mdl.md "no system PTEs left"
 * row; ddi-contract 1.12. */
SIM_TEST_F(MapLockedPagesExhaustion, SimTestSetup, TeardownDefaultMachine)
{
    UseMachine(TRUE, 0, 64, 0);
    PMDL A = AllocPages(40 * PAGE_SIZE, 0);
    PMDL B = AllocPages(40 * PAGE_SIZE, 0);
    CheckPagesMdl(A, 40, MmCached);
    CheckPagesMdl(B, 40, MmCached);
    SIM_MEMORY_STATS Before, After;
    SimQueryMemory(&Before);
    assert_int_equal(Before.SystemPtes, 64);
    char *VaA = (char *)MmGetSystemAddressForMdlSafe(A, NormalPagePriority);
    assert_non_null(VaA);
    assert_null(MmGetSystemAddressForMdlSafe(B, NormalPagePriority));
    assert_null(MmMapLockedPagesSpecifyCache(B, KernelMode, MmCached, NULL, FALSE,
                                             HighPagePriority));
    assert_int_equal((USHORT)B->MdlFlags, MDL_PAGES_LOCKED);
    SimQueryMemory(&After);
    assert_true(After.SystemPteFailures >= Before.SystemPteFailures + 2);
    SimAssertInvariants();
    MmUnmapLockedPages(VaA, A);
    char *VaB = (char *)MmGetSystemAddressForMdlSafe(B, NormalPagePriority);
    assert_non_null(VaB);
    MmUnmapLockedPages(VaB, B);
    /* Injected: the second map call fails, the others work. */
    SimFailNthCall(SimFaultMapLockedPages, 2);
    VaA = (char *)MmGetSystemAddressForMdlSafe(A, NormalPagePriority);
    assert_non_null(VaA);
    MmUnmapLockedPages(VaA, A);
    assert_null(MmGetSystemAddressForMdlSafe(A, NormalPagePriority));
    assert_int_equal(SimFaultsInjected(SimFaultMapLockedPages), 1);
    VaA = (char *)MmGetSystemAddressForMdlSafe(A, NormalPagePriority);
    assert_non_null(VaA);
    SimTestFreeMdlPages(A); /* unmaps first */
    SimTestFreeMdlPages(B);
    SimAssertInvariants();
}

/* Rule: MdlMappingNoWrite gives read-only PTEs: reads work, a write is 0xBE
 * (address, PTE, 0, 0). Source: mdl.md "MdlMappingNoWrite" row;
 * ddi-contract 2.3. */
SIM_TEST(MapNoWrite)
{
    PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
    assert_non_null(Mdl);
    char *Rw = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(Rw);
    Rw[PAGE_SIZE + 10] = 0x61;
    PMDL View = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(View);
    memcpy(MmGetMdlPfnArray(View), MmGetMdlPfnArray(Mdl), 2 * sizeof(PFN_NUMBER));
    View->MdlFlags |= MDL_PAGES_LOCKED;
    char *Ro = (char *)MmMapLockedPagesSpecifyCache(View, KernelMode, MmCached, NULL, FALSE,
                                                    NormalPagePriority | MdlMappingNoWrite);
    assert_non_null(Ro);
    assert_int_equal(*(volatile char *)(Ro + PAGE_SIZE + 10), 0x61);
    ULONG64 Pte;
    assert_true(SimQueryPte(Ro + PAGE_SIZE, &Pte, NULL));
    assert_true((Pte & SIM_PTE_VALID) != 0);
    assert_int_equal(Pte & SIM_PTE_WRITE, 0);
    SimAssertInvariants();
    SIM_EXPECT_BUGCHECK4(0xBE, (ULONG_PTR)(Ro + PAGE_SIZE + 10), Pte, 0, 0,
                         *(volatile char *)(Ro + PAGE_SIZE + 10) = 1);
}

/* Rule: MdlMappingWithGuardPtes puts one invalid guard PTE before and after
 * the mapping: touching either is 0x50. Source: mdl.md
 * "MdlMappingWithGuardPtes" row; ddi-contract 3.7. */
SIM_TEST(MapWithGuardPtes)
{
    static const struct {
        int Side;     /* -1 before, +1 after */
        BOOLEAN Write;
    } Rows[] = {{+1, FALSE}, {+1, TRUE}, {-1, FALSE}, {-1, TRUE}};
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimReset();
        /* A neighbour mapping first, so that an unguarded mapping would have
         * a valid page next to it. */
        PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        char *Va = (char *)MmMapLockedPagesSpecifyCache(
            Mdl, KernelMode, MmCached, NULL, FALSE, NormalPagePriority | MdlMappingWithGuardPtes);
        assert_non_null(Va);
        Va[0] = 1;
        Va[2 * PAGE_SIZE - 1] = 2;
        char *volatile Touch = Rows[r].Side > 0 ? Va + 2 * PAGE_SIZE : Va - 1;
        ULONG64 Pte = 1;
        SIM_SPACE_REGION Region;
        assert_true(SimQueryPte(Touch, &Pte, &Region));
        assert_int_equal(Region, SimRegionSystemPtes);
        assert_int_equal(Pte, 0);
        SimAssertInvariants();
        SIM_BUGCHECK Got;
        if (Rows[r].Write) {
            SIM_CATCH_BUGCHECK(&Got, *(volatile char *)Touch = 1);
        } else {
            SIM_CATCH_BUGCHECK(&Got, (void)*(volatile char *)Touch);
        }
        SimCmockaCheckBugCheck(&Got, 0x50, (ULONG_PTR)Touch, Rows[r].Write ? 2 : 0, SIM_ANY,
                               SIM_ANY, "touch of a guard PTE", __FILE__, __LINE__);
    }
    SimReset();
}

/* Rule: after MmUnmapLockedPages the VA is gone: a read is 0x50 (address, 0,
 * ...), a write 0x50 (address, 2, ...). Source: mdl.md unmap "success" row
 * ("PTEs zeroed"); ddi-contract 3.7. */
SIM_TEST(TouchAfterUnmap)
{
    for (int volatile Write = 0; Write <= 1; Write++) {
        SimReset();
        PMDL Mdl = AllocPages(3 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        char *Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(Va);
        Va[PAGE_SIZE + 3] = 9;
        MmUnmapLockedPages(Va, Mdl);
        assert_false(MmIsAddressValid(Va + PAGE_SIZE));
        char *Touch = Va + PAGE_SIZE + 3;
        SIM_BUGCHECK Got;
        if (Write) {
            SIM_CATCH_BUGCHECK(&Got, *(volatile char *)Touch = 1);
        } else {
            SIM_CATCH_BUGCHECK(&Got, (void)*(volatile char *)Touch);
        }
        SimCmockaCheckBugCheck(&Got, 0x50, (ULONG_PTR)Touch, Write ? 2 : 0, SIM_ANY, SIM_ANY,
                               "touch after unmap", __FILE__, __LINE__);
    }
    SimReset();
}

/* Rule: MmUnmapLockedPages checks: strict, MDL not mapped -> 0xC4/0xB6 (MDL,
 * flags, MDL_MAPPED_TO_SYSTEM_VA); BaseAddress in a reserved range ->
 * 0xDA/0x301 (address, 0, 0); inside a mapping but not at its start ->
 * 0xDA/0x304 (address, pages, 0); in no mapping -> 0xDA/0x302 (address, 0,
 * 0); MDL span != mapping's pages -> 0xDA/0x305 (address, span, mapping's
 * pages). Source: mdl.md unmap rows (0xDA sub-codes are mmsim's choices);
 * ddi-contract 3.1, 3.4. */
SIM_TEST_F(UnmapLockedPagesMisuse, SimTestSetup, TeardownDefaultMachine)
{
    enum { NotMapped, Reserved, NotStart, NoMapping, SpanMismatch, RetailNotMapped, RowCount };
    static const char *Names[] = {"strict: MDL not mapped", "BaseAddress in a reserved range",
                                  "second page of a mapping", "pool address",
                                  "MDL shrunk after mapping",
                                  "retail: MDL not mapped, random address"};
    int volatile Failures = 0;
    for (int Row = 0; Row < RowCount; Row++) {
        UseMachine(Row != RetailNotMapped, 0, 0, 0);
        PMDL Mdl = AllocPages(3 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        char *Va = NULL;
        if (Row != NotMapped && Row != RetailNotMapped) {
            Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
            assert_non_null(Va);
        }
        char *volatile Base = Va;
        SIM_BUGCHECK Want = {TRUE, FALSE, 0xDA, {0, 0, 0, 0}, NULL};
        if (Row == NotMapped) {
            Base = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_TEST);
            Want = (SIM_BUGCHECK){TRUE, FALSE, 0xC4, {0xB6, (ULONG_PTR)Mdl, MDL_PAGES_LOCKED,
                                                      MDL_MAPPED_TO_SYSTEM_VA}, NULL};
        } else if (Row == Reserved) {
            Base = (char *)MmAllocateMappingAddress(3 * PAGE_SIZE, TAG_TEST);
            assert_non_null(Base);
            Want.Parameters[0] = 0x301;
            Want.Parameters[1] = (ULONG_PTR)Base;
        } else if (Row == NotStart) {
            Base = Va + PAGE_SIZE;
            Want.Parameters[0] = 0x304;
            Want.Parameters[1] = (ULONG_PTR)Base;
            Want.Parameters[2] = 3;
        } else if (Row == NoMapping) {
            Base = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_TEST);
            Want.Parameters[0] = 0x302;
            Want.Parameters[1] = (ULONG_PTR)Base;
        } else if (Row == SpanMismatch) {
            Mdl->ByteCount = PAGE_SIZE;
            Want.Parameters[0] = 0x305;
            Want.Parameters[1] = (ULONG_PTR)Base;
            Want.Parameters[2] = 1;
            Want.Parameters[3] = 3;
        } else {
            Base = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_TEST);
            Want.Parameters[0] = 0x302;
            Want.Parameters[1] = (ULONG_PTR)Base;
        }
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, MmUnmapLockedPages(Base, Mdl));
        Failures += !BugCheckIs(&Got, Want.Code, Want.Parameters[0], Want.Parameters[1],
                                Want.Parameters[2], Want.Parameters[3], Names[Row]);
    }
    UseMachine(TRUE, 0, 0, 0);
    assert_int_equal(Failures, 0);
}

/* Rule: MmMapLockedPagesSpecifyCache works up to DISPATCH_LEVEL; above it
 * 0xC4/0x76 (IRQL, MDL, AccessMode). MmUnmapLockedPages above DISPATCH:
 * 0xC4/0x79 (IRQL, VA, MDL); MmProbeAndLockPages: 0xC4/0x70 (IRQL, MDL,
 * AccessMode); MmUnlockPages: 0xC4/0x78 (IRQL, MDL, 0). Source: ddi-contract
 * 1.11, 1.12, 3.4; mmsim.h SimIrqlRule. */
SIM_TEST(MapAndLockIrql)
{
    LOCKED_BUFFER L = LockNonPaged(PAGE_SIZE, 0, 64, IoReadAccess);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PVOID Va = MmMapLockedPagesSpecifyCache(L.Mdl, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    assert_non_null(Va);
    MmUnmapLockedPages(Va, L.Mdl);
    MmUnlockPages(L.Mdl);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(L.Mdl, KernelMode, IoReadAccess));
    KeLowerIrql(Old);
    assert_int_equal(Status, STATUS_SUCCESS);

    const SIM_IRQL_RULE *Rule = SimIrqlRule("MmMapLockedPagesSpecifyCache");
    assert_non_null(Rule);
    assert_int_equal(Rule->MaxIrql, DISPATCH_LEVEL);
    static const KIRQL Above[] = {DISPATCH_LEVEL + 1, HIGH_LEVEL};
    for (size_t volatile r = 0; r < ARRAY_COUNT(Above); r++) {
        SIM_EXPECT_BUGCHECK4(0xC4, 0x76, Above[r], (ULONG_PTR)L.Mdl, KernelMode, {
            KeRaiseIrql(Above[r], &Old);
            (void)MmMapLockedPagesSpecifyCache(L.Mdl, KernelMode, MmCached, NULL, FALSE,
                                               NormalPagePriority);
        });
        SimReset();
        L = LockNonPaged(PAGE_SIZE, 0, 64, IoReadAccess);
    }
    Va = MmGetSystemAddressForMdlSafe(L.Mdl, NormalPagePriority);
    assert_non_null(Va);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x79, HIGH_LEVEL, (ULONG_PTR)Va, (ULONG_PTR)L.Mdl, {
        KeRaiseIrql(HIGH_LEVEL, &Old);
        MmUnmapLockedPages(Va, L.Mdl);
    });
    SimReset();
    L = LockNonPaged(PAGE_SIZE, 0, 64, IoReadAccess);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x78, HIGH_LEVEL, (ULONG_PTR)L.Mdl, 0, {
        KeRaiseIrql(HIGH_LEVEL, &Old);
        MmUnlockPages(L.Mdl);
    });
    SimReset();
    L = LockNonPaged(PAGE_SIZE, 0, 64, IoReadAccess);
    MmUnlockPages(L.Mdl);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x70, HIGH_LEVEL, (ULONG_PTR)L.Mdl, KernelMode, {
        KeRaiseIrql(HIGH_LEVEL, &Old);
        MmProbeAndLockPages(L.Mdl, KernelMode, IoReadAccess);
    });
}

/* ======================================================================== */
/* Whole-life scenarios.                                                    */
/* ======================================================================== */

/* Rule: the alias test (issue 4 acceptance). Pages from
 * MmAllocatePagesForMdlEx written through MmGetSystemAddressForMdlSafe's
 * mapping are read back through a second MDL built by hand over the same
 * PFNs (IoAllocateMdl(NULL, ...), PFN array copied, MDL_PAGES_LOCKED set) and
 * mapped elsewhere; a write through the second view is read through the
 * first; MmGetPhysicalAddress agrees for both VAs. Source: mdl.md "Nothing is
 * keyed off StartVa"; ddi-contract 1.12, 1.14.
 *
 *   view A (MDL 1) --\                   /-- view B (MDL 2, by hand)
 *                     > PFN p0 p1 p2 p3 <
 */
SIM_TEST(AliasThroughSecondMdl)
{
    enum { Pages = 4 };
    const SIZE_T Bytes = Pages * PAGE_SIZE;
    PMDL First = AllocPages(Bytes, 0);
    CheckPagesMdl(First, Pages, MmCached);
    unsigned char *A = (unsigned char *)MmGetSystemAddressForMdlSafe(First, NormalPagePriority);
    assert_non_null(A);
    for (SIZE_T i = 0; i < Bytes; i++) {
        A[i] = (unsigned char)(i * 13 + 7);
    }
    PMDL Second = IoAllocateMdl(NULL, (ULONG)Bytes, FALSE, FALSE, NULL);
    assert_non_null(Second);
    memcpy(MmGetMdlPfnArray(Second), MmGetMdlPfnArray(First), Pages * sizeof(PFN_NUMBER));
    Second->MdlFlags |= MDL_PAGES_LOCKED;
    unsigned char *B = (unsigned char *)MmMapLockedPagesSpecifyCache(
        Second, KernelMode, MmCached, NULL, FALSE, NormalPagePriority | MdlMappingNoExecute);
    assert_non_null(B);
    assert_true(B < A || B >= A + Bytes); /* elsewhere */
    for (SIZE_T i = 0; i < Bytes; i++) {
        if (B[i] != (unsigned char)(i * 13 + 7)) {
            print_error("byte %llu differs through the second view\n", (unsigned long long)i);
            fail();
        }
    }
    for (SIZE_T i = 0; i < Bytes; i += 97) {
        B[i] = (unsigned char)~B[i];
        assert_int_equal(A[i], (unsigned char)~(unsigned char)(i * 13 + 7));
    }
    for (ULONG k = 0; k < Pages; k++) {
        SIZE_T Off = k * PAGE_SIZE + 0x234;
        PHYSICAL_ADDRESS PaA = MmGetPhysicalAddress(A + Off);
        PHYSICAL_ADDRESS PaB = MmGetPhysicalAddress(B + Off);
        assert_int_equal(PaA.QuadPart, PaB.QuadPart);
        assert_int_equal((ULONG64)PaA.QuadPart,
                         ((ULONG64)MmGetMdlPfnArray(First)[k] << PAGE_SHIFT) + 0x234);
        assert_int_equal(PfnInfo(MmGetMdlPfnArray(First)[k]).MapCount, 2);
    }
    SimAssertInvariants();
    MmUnmapLockedPages(B, Second);
    Second->MdlFlags &= ~MDL_PAGES_LOCKED;
    IoFreeMdl(Second);
    /* The first view is untouched by the second's unmap. */
    assert_int_equal(A[1], (unsigned char)(1 * 13 + 7));
    SimTestFreeMdlPages(First); /* releases view A too */
    SimAssertInvariants();
}

/* Rule: a hand-built MDL with a byte offset maps to VA + ByteOffset:
 * MappedSystemVa keeps the offset, the first byte is at that offset of the
 * first page. Source: mdl.md map "success" row; ddi-contract 1.12. */
SIM_TEST(MappedSystemVaWithByteOffset)
{
    PMDL Pages = AllocPages(3 * PAGE_SIZE, 0);
    assert_non_null(Pages);
    char *Whole = (char *)MmGetSystemAddressForMdlSafe(Pages, NormalPagePriority);
    assert_non_null(Whole);
    static const ULONG Offsets[] = {0, 1, 0x123, 0xFFF};
    for (size_t r = 0; r < ARRAY_COUNT(Offsets); r++) {
        PMDL Mdl = IoAllocateMdl((PVOID)(ULONG_PTR)Offsets[r], 2 * PAGE_SIZE, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        assert_int_equal(Mdl->ByteOffset, Offsets[r]);
        ULONG Span = MdlSpan(Mdl);
        memcpy(MmGetMdlPfnArray(Mdl), MmGetMdlPfnArray(Pages), Span * sizeof(PFN_NUMBER));
        Mdl->MdlFlags |= MDL_PAGES_LOCKED;
        char *Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(Va);
        assert_int_equal(BYTE_OFFSET(Va), Offsets[r]);
        assert_ptr_equal(Mdl->MappedSystemVa, Va);
        Whole[Offsets[r]] = (char)(0x40 + r);
        assert_int_equal(Va[0], (char)(0x40 + r));
        MmUnmapLockedPages(Va, Mdl);
        Mdl->MdlFlags &= ~MDL_PAGES_LOCKED;
        IoFreeMdl(Mdl);
    }
    SimTestFreeMdlPages(Pages);
}

/* Rule: nothing is keyed off StartVa: after overwriting StartVa of an
 * MmAllocatePagesForMdlEx MDL, map / unmap / free still work and map the
 * MDL's PFNs. Source: mdl.md introduction; issue 4. */
SIM_TEST(StartVaIsNotTrusted)
{
    static const ULONG_PTR Garbage[] = {0xDEAD0000ull, 0xFFFF800000000000ull, PAGE_SIZE};
    for (size_t r = 0; r < ARRAY_COUNT(Garbage); r++) {
        PMDL Mdl = AllocPages(3 * PAGE_SIZE, 0);
        CheckPagesMdl(Mdl, 3, MmCached);
        Mdl->StartVa = (PVOID)Garbage[r];
        char *Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(Va);
        assert_int_equal(BYTE_OFFSET(Va), 0);
        for (int k = 0; k < 3; k++) {
            assert_int_equal(PfnOfVa(Va + k * PAGE_SIZE), MmGetMdlPfnArray(Mdl)[k]);
        }
        Va[3 * PAGE_SIZE - 1] = 5;
        MmUnmapLockedPages(Va, Mdl);
        /* Mapped again, then freed without an explicit unmap. */
        Mdl->StartVa = (PVOID)(Garbage[r] + 16 * PAGE_SIZE);
        Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(Va);
        assert_int_equal(Va[3 * PAGE_SIZE - 1], 5);
        SimTestFreeMdlPages(Mdl);
        assert_int_equal(SimQueryMdlMappings(NULL), 0);
        SimAssertInvariants();
    }
}

/* Rule: the MDL_* transitions of ddi-contract 2.2, step by step, for the three
 * MDL origins. Source: ddi-contract 2.2 ("who sets/clears what"); mdl.md success
 * rows.
 *
 *   IoAllocateMdl: FIXED -> probe(write) +LOCKED+WRITE -> map +MAPPED ->
 *                  unmap -MAPPED -> unlock -LOCKED -> probe(read) -WRITE
 *   pages MDL:     LOCKED -> map +MAPPED -> free -LOCKED -MAPPED
 *   partial:       PARTIAL -> map +MAPPED +PARTIAL_HAS_BEEN_MAPPED -> reuse
 */
SIM_TEST(FlagTransitions)
{
    const USHORT F = MDL_ALLOCATED_FIXED_SIZE, L = MDL_PAGES_LOCKED, W = MDL_WRITE_OPERATION,
                 M = MDL_MAPPED_TO_SYSTEM_VA;
    char *Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Buffer);
    PMDL Mdl = IoAllocateMdl(Buffer + 0x10, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    assert_int_equal((USHORT)Mdl->MdlFlags, F);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal((USHORT)Mdl->MdlFlags, F | L | W);
    PVOID Va = MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(Va);
    assert_int_equal((USHORT)Mdl->MdlFlags, F | L | W | M);
    /* Partial of a mapped, locked MDL. */
    PMDL Part = IoAllocateMdl(Buffer + 0x20, 0x40, FALSE, FALSE, NULL);
    assert_non_null(Part);
    IoBuildPartialMdl(Mdl, Part, Buffer + 0x20, 0x40);
    assert_int_equal((USHORT)Part->MdlFlags, F | MDL_PARTIAL | W | MDL_PARENT_MAPPED_SYSTEM_VA);
    assert_ptr_equal(Part->MappedSystemVa, (char *)Va + 0x10);
    /* The macro returns the parent's VA only if the partial MDL itself has
     * MDL_MAPPED_TO_SYSTEM_VA; it has not, so the partial is mapped anew. */
    PVOID PartVa = MmGetSystemAddressForMdlSafe(Part, NormalPagePriority);
    assert_non_null(PartVa);
    assert_int_equal((USHORT)Part->MdlFlags, F | MDL_PARTIAL | W | MDL_PARENT_MAPPED_SYSTEM_VA |
                                                 M | MDL_PARTIAL_HAS_BEEN_MAPPED);
    MmPrepareMdlForReuse(Part);
    assert_int_equal((USHORT)Part->MdlFlags, F | MDL_PARTIAL | W | MDL_PARENT_MAPPED_SYSTEM_VA);
    IoFreeMdl(Part);
    MmUnmapLockedPages(Va, Mdl);
    assert_int_equal((USHORT)Mdl->MdlFlags, F | L | W);
    MmUnlockPages(Mdl);
    assert_int_equal(Mdl->MdlFlags & (L | M), 0);
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoReadAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal((USHORT)Mdl->MdlFlags, F | L);
    MmUnlockPages(Mdl);
    assert_int_equal((USHORT)Mdl->MdlFlags, F);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Buffer, TAG_TEST);

    PMDL Pages = AllocPages(PAGE_SIZE, 0);
    assert_non_null(Pages);
    assert_int_equal((USHORT)Pages->MdlFlags, L);
    assert_non_null(MmGetSystemAddressForMdlSafe(Pages, NormalPagePriority));
    assert_int_equal((USHORT)Pages->MdlFlags, L | M);
    MmFreePagesFromMdl(Pages);
    assert_int_equal((USHORT)Pages->MdlFlags, 0);
    ExFreePool(Pages);
    SimAssertInvariants();
}

/* Rule: forgetting ExFreePool after MmFreePagesFromMdl leaks an "Mmdl" pool
 * block, and forgetting MmFreePagesFromMdl leaks MDL-allocated pages; the
 * clean-machine check (SimIsClean, the fixture) reports both. Source: mdl.md
 * paragraph after the IoFreeMdl table; ddi-contract 1.8. */
SIM_TEST(LeaksAreReported)
{
    char Report[2048];
    PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
    assert_non_null(Mdl);
    assert_false(SimIsClean(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "MDL"));   /* the pages */
    assert_non_null(strstr(Report, "Mmdl"));  /* and the MDL's pool block */
    MmFreePagesFromMdl(Mdl);
    assert_false(SimIsClean(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "Mmdl"));
    assert_null(strstr(Report, "physical page"));
    ExFreePool(Mdl);
    assert_true(SimIsClean(Report, sizeof(Report)));
}

int main(void)
{
    UseMachine(TRUE, 0, 0, 0);
    return SimRunTests("mdl", NULL, NULL);
}
