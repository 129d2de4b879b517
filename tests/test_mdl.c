/*
 * test_mdl.c - MDLs as a specification: IoAllocateMdl, IoFreeMdl,
 * MmInitializeMdl, MmSizeOfMdl, MmBuildMdlForNonPagedPool, IoBuildPartialMdl,
 * MmPrepareMdlForReuse, MmAllocatePagesForMdl(Ex), MmFreePagesFromMdl(Ex),
 * MmProbeAndLockPages, MmUnlockPages, MmMapLockedPagesSpecifyCache,
 * MmUnmapLockedPages and MmGetSystemAddressForMdlSafe.
 *
 * Rules: docs/mdl.md (every table row below cites it as "mdl.md: <section>")
 * and ddi-facts.md 1.6-1.13 (DDIs), 2 (layout and flags), 3.2-3.4 (0x1A,
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
/* ------------------------------------------------------------------------ */
static void AssertInvariants(void)
{
    char Report[4096];
    BOOLEAN Ok = SimCheckInvariants(Report, sizeof(Report));
    if (!Ok) {
        print_error("SimCheckInvariants failed:\n%s", Report);
    }
    assert_true(Ok);
}

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

static PHYSICAL_ADDRESS Pa(ULONG64 Value)
{
    PHYSICAL_ADDRESS P;
    P.QuadPart = (LONGLONG)Value;
    return P;
}

/* MmAllocatePagesForMdlEx anywhere in RAM. */
static PMDL AllocPages(SIZE_T Bytes, ULONG Flags)
{
    return MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull), Pa(0), Bytes, MmCached, Flags);
}

/* The documented teardown of an MmAllocatePagesForMdl(Ex) MDL (1.8). */
static void FreePagesAndMdl(PMDL Mdl)
{
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
}

static ULONG MdlSpan(const MDL *Mdl)
{
    return ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
}

/* The pool block that starts at Va (FALSE if none). */
static BOOLEAN FindPoolBlock(PVOID Va, SIM_POOL_BLOCK_INFO *Out)
{
    enum { Max = 512 };
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

/* ======================================================================== */
/* IoAllocateMdl (mdl.md: IoAllocateMdl / IoFreeMdl; ddi-facts 1.9, 2.1).   */
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
 * NULL. Source: mdl.md IoAllocateMdl table, pool tags table; ddi-facts 1.9. */
static void IoAllocateMdlTable(void **State)
{
    (void)State;
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
    AssertInvariants();
}

/* Rule: with an Irp, SecondaryBuffer FALSE sets Irp->MdlAddress; TRUE appends
 * at the end of the chain (or starts it); IoFreeMdl frees only the MDL given,
 * never the chain behind it. Source: mdl.md IoAllocateMdl table; 1.9.
 *
 *   Irp->MdlAddress -> A -> B -> C          (A primary; B, C secondary)
 */
static void IoAllocateMdlIrpChain(void **State)
{
    (void)State;
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
    AssertInvariants();
}

/* Rule: the non-paged pool is exhausted -> NULL; SimFailNthCall
 * (SimFaultIoAllocateMdl) fails exactly the chosen call with NULL.
 * Source: mdl.md IoAllocateMdl table ("non-paged pool exhausted"); 1.9. */
static void IoAllocateMdlFailures(void **State)
{
    (void)State;
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
    ULONG Count = 0;
    while (Count < Max) {
        Va[Count] = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST);
        if (Va[Count] == NULL) {
            break;
        }
        Count++;
    }
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
    for (ULONG i = 0; i < Count; i++) {
        ExFreePoolWithTag(Va[i], TAG_TEST);
    }
    AssertInvariants();
}

/* ======================================================================== */
/* MmSizeOfMdl / MmInitializeMdl (mdl.md; ddi-facts 1.10, 2.4).             */
/* ======================================================================== */

/* Rule: MmSizeOfMdl = sizeof(MDL) + 8 x ADDRESS_AND_SIZE_TO_SPAN_PAGES, in 64
 * bits (no wrap for huge lengths); any IRQL. Source: mdl.md MmSizeOfMdl row. */
static void MmSizeOfMdlTable(void **State)
{
    (void)State;
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
 * MmSizeOfMdl bytes holds it. Source: ddi-facts 1.10 (HDR macro). */
static void MmInitializeMdlFields(void **State)
{
    (void)State;
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
/* IoFreeMdl (mdl.md: IoAllocateMdl / IoFreeMdl; ddi-facts 1.9, 3.4, 3.5).  */
/* ======================================================================== */

/* Rule: strict: IoFreeMdl of a non-partial MDL still mapped is 0xC4/0xB8
 * (MDL, flags, 0). Source: mdl.md IoFreeMdl rows; ddi-facts 1.9, 3.4. */
static void IoFreeMdlStillMappedStrict(void **State)
{
    (void)State;
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
static void IoFreeMdlStillMappedRetail(void **State)
{
    (void)State;
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
    AssertInvariants();
    /* Undo through the copy (the mapping record is keyed by VA). */
    MmUnmapLockedPages(Va, &Copy.Header);
    MmUnlockPages(&Copy.Header);
    ExFreePoolWithTag(L.Buffer, TAG_TEST);
}

/* Rule: IoFreeMdl of an MmAllocatePagesForMdl(Ex) MDL is the wrong free
 * routine: the tag check fires, 0xC2/0x0A (MDL, "Mmdl", "Mdl "), strict and
 * retail alike. Source: mdl.md IoFreeMdl rows; ddi-facts 3.5. */
static void IoFreeMdlOfPagesMdl(void **State)
{
    (void)State;
    for (int Strict = 1; Strict >= 0; Strict--) {
        UseMachine((BOOLEAN)Strict, 0, 0, 0);
        PMDL Mdl = AllocPages(2 * PAGE_SIZE, 0);
        assert_non_null(Mdl);
        MmFreePagesFromMdl(Mdl); /* pages freed correctly; only the MDL goes wrong */
        SIM_EXPECT_BUGCHECK4(0xC2, 0x0A, (ULONG_PTR)Mdl, TAG_MM_MDL, TAG_IO_MDL, IoFreeMdl(Mdl));
    }
}

/* Rule: IoFreeMdl of memory that is not a pool block (an MDL on the stack)
 * fails as ExFreePool: 0xC2/0x42 (address, 0, 0). Source: mdl.md IoFreeMdl. */
static void IoFreeMdlOnStack(void **State)
{
    (void)State;
    static char Data[PAGE_SIZE];
    union {
        MDL Mdl;
        char Raw[sizeof(MDL) + 8];
    } Buffer;
    MmInitializeMdl(&Buffer.Mdl, Data, 16);
    SIM_EXPECT_BUGCHECK4(0xC2, 0x42, (ULONG_PTR)&Buffer.Mdl, 0, 0, IoFreeMdl(&Buffer.Mdl));
}

/* Rule: IoFreeMdl of an MDL whose pages are still locked frees the MDL; the
 * pages stay locked and SimIsClean reports them. Source: mdl.md IoFreeMdl. */
static void IoFreeMdlPagesStillLocked(void **State)
{
    (void)State;
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
    AssertInvariants();
    MmUnlockPages(&Copy.Header);
    assert_int_equal(PfnInfo(Pfn).LockCount, 0);
    ExFreePoolWithTag(L.Buffer, TAG_TEST);
}

/* ======================================================================== */
/* MmBuildMdlForNonPagedPool (mdl.md; ddi-facts 1.10, 3.2, 3.4).            */
/* ======================================================================== */

/* Rule: on non-paged pool the PFN array is filled (the pages' PFNs),
 * MappedSystemVa = StartVa + ByteOffset, MDL_SOURCE_IS_NONPAGED_POOL set,
 * Process = NULL; MmGetSystemAddressForMdlSafe then returns MappedSystemVa
 * without a new mapping. Source: mdl.md MmBuildMdlForNonPagedPool rows;
 * ddi-facts 1.10, 1.12. */
static void BuildMdlForNonPagedPoolTable(void **State)
{
    (void)State;
    static const struct {
        SIZE_T Offset;
        ULONG Length;
    } Rows[] = {
        {0, 1}, {0x123, 16}, {0, PAGE_SIZE}, {0xFF0, 0x20}, {0x123, 3 * PAGE_SIZE}, {0, 6 * PAGE_SIZE},
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
        assert_int_equal((USHORT)Mdl->MdlFlags, MDL_ALLOCATED_FIXED_SIZE | MDL_SOURCE_IS_NONPAGED_POOL);
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
    AssertInvariants();
}

/* Rule: a valid system-PTE mapping (an MDL mapping) is acceptable too: the
 * new MDL gets the same PFNs. Source: mdl.md MmBuildMdlForNonPagedPool. */
static void BuildMdlForNonPagedPoolOverMapping(void **State)
{
    (void)State;
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
    FreePagesAndMdl(Pages);
    AssertInvariants();
}

/* Rule: strict: paged pool -> 0xC4/0x7F (IRQL, MDL, flags). Source: mdl.md;
 * ddi-facts 1.10, 3.4. */
static void BuildMdlForPagedPoolStrict(void **State)
{
    (void)State;
    char *Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Paged);
    PMDL Mdl = IoAllocateMdl(Paged, 64, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x7F, PASSIVE_LEVEL, (ULONG_PTR)Mdl, MDL_ALLOCATED_FIXED_SIZE,
                         MmBuildMdlForNonPagedPool(Mdl));
}

/* Rule: retail: resident paged pool is built; once trimmed its PTE is not
 * valid: 0x1A/0x1240 (MDL, address of the PTE). Source: mdl.md rows "on paged
 * pool" and "PTE not valid"; ddi-facts 3.2. */
static void BuildMdlForPagedPoolRetail(void **State)
{
    (void)State;
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
 * MmBuildMdlForNonPagedPool rows; ddi-facts 3.2 (0x1240). */
static void BuildMdlForNonResident(void **State)
{
    (void)State;
    static char HostGlobal[PAGE_SIZE];
    enum { FreedPool, FreedSecondPage, Reserved, Global, Stack };
    static const char *Names[] = {"freed pool", "second page freed", "reserved, unmapped",
                                  "host global", "host stack"};
    for (int Row = FreedPool; Row <= Stack; Row++) {
        SimReset();
        char StackBuffer[64];
        char *Va = NULL;
        char *Bad = NULL; /* the page whose PTE is reported (NULL: P3 = 0) */
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
                if (MmIsAddressValid(Live + PAGE_SIZE)) {
                    continue; /* the next page happens to be live: nothing to test */
                }
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
/* IoBuildPartialMdl (mdl.md; ddi-facts 1.9, 2.2, 3.8).                     */
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
static void BuildPartialMdlTable(void **State)
{
    (void)State;
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
    AssertInvariants();
}

/* Rule: from a mapped source the target gets MDL_PARENT_MAPPED_SYSTEM_VA and
 * MappedSystemVa = source's + offset; from a source built for non-paged pool
 * it inherits MDL_SOURCE_IS_NONPAGED_POOL and MappedSystemVa likewise, without
 * PARENT_MAPPED; from either, MmGetSystemAddressForMdlSafe returns it as is
 * (mapped source) or maps the partial (only if not SOURCE_IS_NONPAGED_POOL).
 * Source: mdl.md IoBuildPartialMdl "success" row; ddi-facts 2.2. */
static void BuildPartialMdlFromMappedSource(void **State)
{
    (void)State;
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
    FreePagesAndMdl(Pages);

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
    AssertInvariants();
}

/* Rule: a range not inside the source -> 0x12E INVALID_MDL_RANGE (Src, Tgt,
 * Va, Length); a target whose Size cannot hold the span -> 0x40
 * TARGET_MDL_TOO_SMALL (0, 0, 0, 0). Source: mdl.md IoBuildPartialMdl rows;
 * ddi-facts 3.8. */
static void BuildPartialMdlBadRanges(void **State)
{
    (void)State;
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
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
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
/* MmPrepareMdlForReuse (mdl.md; ddi-facts 1.13).                           */
/* ======================================================================== */

/* Rule: a mapped partial MDL (MDL_PARTIAL_HAS_BEEN_MAPPED) is unmapped, so the
 * MDL can be rebuilt and mapped again; an unmapped one is left alone; IoFreeMdl
 * of a mapped partial MDL releases the mapping first. Source: mdl.md IoFreeMdl
 * (partial row) and IoBuildPartialMdl; ddi-facts 1.9, 1.12, 1.13. */
static void PrepareMdlForReuseCycle(void **State)
{
    (void)State;
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
        assert_int_equal(Target->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED), 0);
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
    AssertInvariants();
    UnlockAndFree(&S);
}

/* Rule: MmPrepareMdlForReuse of a non-partial MDL that is mapped fails its
 * NT_ASSERT: STATUS_ASSERTION_FAILURE unhandled, 0x1E (0xC0000420, ...).
 * Source: the HDR macro (ddi-facts 1.13). */
static void PrepareMdlForReuseNonPartialMapped(void **State)
{
    (void)State;
    LOCKED_BUFFER L = LockNonPaged(PAGE_SIZE, 0, 32, IoReadAccess);
    assert_non_null(MmGetSystemAddressForMdlSafe(L.Mdl, NormalPagePriority));
    SIM_EXPECT_BUGCHECK(0x1E, (ULONG_PTR)(ULONG)STATUS_ASSERTION_FAILURE,
                        MmPrepareMdlForReuse(L.Mdl));
}

int main(void)
{
    UseMachine(TRUE, 0, 0, 0);
    const struct CMUnitTest Tests[] = {
        /* IoAllocateMdl / IoFreeMdl / MmSizeOfMdl / MmInitializeMdl */
        cmocka_unit_test_setup_teardown(IoAllocateMdlTable, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(IoAllocateMdlIrpChain, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(IoAllocateMdlFailures, SimTestSetup,
                                        TeardownDefaultMachine),
        cmocka_unit_test_setup_teardown(MmSizeOfMdlTable, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(MmInitializeMdlFields, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(IoFreeMdlStillMappedStrict, SimTestSetup,
                                        SimTestTeardown),
        cmocka_unit_test_setup_teardown(IoFreeMdlStillMappedRetail, SimTestSetup,
                                        TeardownDefaultMachine),
        cmocka_unit_test_setup_teardown(IoFreeMdlOfPagesMdl, SimTestSetup,
                                        TeardownDefaultMachine),
        cmocka_unit_test_setup_teardown(IoFreeMdlOnStack, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(IoFreeMdlPagesStillLocked, SimTestSetup,
                                        SimTestTeardown),
        /* MmBuildMdlForNonPagedPool / IoBuildPartialMdl / MmPrepareMdlForReuse */
        cmocka_unit_test_setup_teardown(BuildMdlForNonPagedPoolTable, SimTestSetup,
                                        SimTestTeardown),
        cmocka_unit_test_setup_teardown(BuildMdlForNonPagedPoolOverMapping, SimTestSetup,
                                        SimTestTeardown),
        cmocka_unit_test_setup_teardown(BuildMdlForPagedPoolStrict, SimTestSetup,
                                        SimTestTeardown),
        cmocka_unit_test_setup_teardown(BuildMdlForPagedPoolRetail, SimTestSetup,
                                        TeardownDefaultMachine),
        cmocka_unit_test_setup_teardown(BuildMdlForNonResident, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(BuildPartialMdlTable, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(BuildPartialMdlFromMappedSource, SimTestSetup,
                                        SimTestTeardown),
        cmocka_unit_test_setup_teardown(BuildPartialMdlBadRanges, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(PrepareMdlForReuseCycle, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(PrepareMdlForReuseNonPartialMapped, SimTestSetup,
                                        SimTestTeardown),
        /* @@NEXT_GROUP@@ */
    };
    return cmocka_run_group_tests_name("mdl", Tests, NULL, NULL);
}
