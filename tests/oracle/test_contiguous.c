/*
 * test_contiguous.c - the names the oracle found missing, as a specification
 * (docs/wdk-surface.md, "Contiguous, non-cached and physical memory" and the
 * sections after it).
 *
 *   physical:  0x100000          0x300000        0x10000000       0x10200000
 *              [ RAM range 0: 512 pages ]  hole  [ RAM range 1: 512 pages ]
 *   contiguous allocations lie in one range, inside [Lowest, Highest],
 *   crossing no multiple of the boundary; non-cached ones anywhere.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define RANGE0_PAGE 0x100ull
#define RANGE1_PAGE 0x10000ull
#define RANGE_PAGES 512ull

static int SetupTwoRanges(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.RangeCount = 2;
    Config.Ranges[0].BasePage = RANGE0_PAGE;
    Config.Ranges[0].PageCount = RANGE_PAGES;
    Config.Ranges[1].BasePage = RANGE1_PAGE;
    Config.Ranges[1].PageCount = RANGE_PAGES;
    Config.Strict = TRUE;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

static int SetupRetail(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Strict = FALSE;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

static PHYSICAL_ADDRESS Pa(ULONGLONG Value)
{
    PHYSICAL_ADDRESS P;
    P.QuadPart = (LONGLONG)Value;
    return P;
}

/* Every page of [Va, Va + Bytes) is valid, writable, and the physical
 * addresses follow on from the first. Returns the first physical address. */
static ULONGLONG CheckContiguous(PVOID Va, SIZE_T Bytes)
{
    ULONGLONG First = (ULONGLONG)MmGetPhysicalAddress(Va).QuadPart;
    for (SIZE_T Off = 0; Off < Bytes; Off += PAGE_SIZE) {
        PUCHAR Page = (PUCHAR)Va + Off;
        assert_true(MmIsAddressValid(Page));
        assert_int_equal((ULONGLONG)MmGetPhysicalAddress(Page).QuadPart, First + Off);
        Page[0] = 0xA5;
        assert_int_equal(Page[0], 0xA5);
    }
    return First;
}

/* Uninitialised memory carries a pattern (as under Verifier), never zeroes. */
static bool AllZero(const void *Va, SIZE_T Bytes)
{
    const UCHAR *p = (const UCHAR *)Va;
    for (SIZE_T i = 0; i < Bytes; i++) {
        if (p[i] != 0) {
            return false;
        }
    }
    return true;
}

/* Requests that succeed: the block obeys every constraint. */
SIM_TEST_F(ContiguousAllocationsObeyTheirConstraints, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    static const struct {
        SIZE_T Bytes;
        ULONGLONG Lowest, Highest, Boundary;
        MEMORY_CACHING_TYPE Cache;
    } Cases[] = {
        /* bytes           lowest       highest       boundary   cache */
        {1, 0, ~0ull >> 1, 0, MmCached},
        {PAGE_SIZE, 0, ~0ull >> 1, 0, MmNonCached},
        {5 * PAGE_SIZE + 1, 0, ~0ull >> 1, 0, MmWriteCombined},
        {16 * PAGE_SIZE, RANGE1_PAGE << 12, ~0ull >> 1, 0, MmCached},         /* high range only */
        {16 * PAGE_SIZE, 0, (RANGE0_PAGE + RANGE_PAGES) * PAGE_SIZE - 1, 0, MmCached}, /* low only */
        {3 * PAGE_SIZE, 0, ~0ull >> 1, 4 * PAGE_SIZE, MmCached},               /* power of two */
        {3 * PAGE_SIZE, 0, ~0ull >> 1, 6 * PAGE_SIZE, MmCached},               /* not one */
        {64 * PAGE_SIZE, 0, ~0ull >> 1, 64 * PAGE_SIZE, MmCached},             /* exactly fits */
    };
    for (size_t i = 0; i < sizeof(Cases) / sizeof(Cases[0]); i++) {
        PUCHAR Va = (PUCHAR)MmAllocateContiguousMemorySpecifyCache(
            Cases[i].Bytes, Pa(Cases[i].Lowest), Pa(Cases[i].Highest), Pa(Cases[i].Boundary),
            Cases[i].Cache);
        assert_non_null(Va);
        assert_int_equal((ULONG_PTR)Va & (PAGE_SIZE - 1), 0);
        SIZE_T Span = (Cases[i].Bytes + PAGE_SIZE - 1) & ~(SIZE_T)(PAGE_SIZE - 1);
        assert_false(AllZero(Va, Span));
        ULONGLONG First = CheckContiguous(Va, Span);
        ULONGLONG Last = First + Span - 1;
        assert_true(First >= Cases[i].Lowest && Last <= Cases[i].Highest);
        if (Cases[i].Boundary != 0) {
            assert_int_equal(First / Cases[i].Boundary, Last / Cases[i].Boundary);
        }
        SimAssertInvariants();
        MmFreeContiguousMemorySpecifyCache(Va, Cases[i].Bytes, Cases[i].Cache);
    }
    SimAssertInvariants();
}

/* Requests that cannot be met return NULL and change nothing. */
SIM_TEST_F(ImpossibleContiguousRequestsReturnNull, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    static const struct {
        SIZE_T Bytes;
        ULONGLONG Lowest, Highest, Boundary;
        MEMORY_CACHING_TYPE Cache;
    } Cases[] = {
        {0, 0, ~0ull >> 1, 0, MmCached},                                     /* nothing asked */
        {PAGE_SIZE, 0x400000, 0x800000, 0, MmCached},                         /* the hole */
        {PAGE_SIZE, 0x20000000, ~0ull >> 1, 0, MmCached},                     /* above RAM */
        {(RANGE_PAGES + 1) * PAGE_SIZE, 0, ~0ull >> 1, 0, MmCached},          /* bigger than a range */
        {5 * PAGE_SIZE, 0, ~0ull >> 1, 4 * PAGE_SIZE, MmCached},              /* over the boundary */
        {PAGE_SIZE, 0, ~0ull >> 1, 100, MmCached},                            /* boundary not page */
        {PAGE_SIZE, 0x200000, 0x100000, 0, MmCached},                         /* Highest < Lowest */
        {PAGE_SIZE, 0, ~0ull >> 1, 0, MmHardwareCoherentCached},              /* system use only */
    };
    for (size_t i = 0; i < sizeof(Cases) / sizeof(Cases[0]); i++) {
        assert_null(MmAllocateContiguousMemorySpecifyCache(Cases[i].Bytes, Pa(Cases[i].Lowest),
                                                           Pa(Cases[i].Highest),
                                                           Pa(Cases[i].Boundary), Cases[i].Cache));
    }
    assert_true(SimIsClean(NULL, 0));
}

/* The other allocators: MmAllocateContiguousMemory (cached, below Highest),
 * the Node forms (one node: 0 or MM_ANY_NODE_OK), MmAllocateContiguousNodeMemory
 * (Protect picks the cache type; anything but read/write fails). */
SIM_TEST_F(ContiguousAllocatorFamily, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    PVOID A = MmAllocateContiguousMemory(3 * PAGE_SIZE, Pa((RANGE0_PAGE + RANGE_PAGES) * PAGE_SIZE - 1));
    assert_non_null(A);
    assert_true((ULONGLONG)MmGetPhysicalAddress(A).QuadPart < (RANGE0_PAGE + RANGE_PAGES) * PAGE_SIZE);
    CheckContiguous(A, 3 * PAGE_SIZE);
    MmFreeContiguousMemory(A);

    PVOID B = MmAllocateContiguousMemorySpecifyCacheNode(PAGE_SIZE, Pa(0), Pa(~0ull >> 1), Pa(0),
                                                         MmCached, MM_ANY_NODE_OK);
    assert_non_null(B);
    MmFreeContiguousMemory(B);
    assert_null(MmAllocateContiguousMemorySpecifyCacheNode(PAGE_SIZE, Pa(0), Pa(~0ull >> 1), Pa(0),
                                                           MmCached, 1)); /* no node 1 */

    static const struct {
        ULONG Protect;
        bool Works;
    } Protects[] = {
        {PAGE_READWRITE, true},
        {PAGE_READWRITE | PAGE_NOCACHE, true},
        {PAGE_READWRITE | PAGE_WRITECOMBINE, true},
        {PAGE_EXECUTE_READWRITE, true},
        {PAGE_READONLY, false},
        {PAGE_NOACCESS, false},
        {PAGE_READWRITE | PAGE_NOCACHE | PAGE_WRITECOMBINE, false},
    };
    for (size_t i = 0; i < sizeof(Protects) / sizeof(Protects[0]); i++) {
        PVOID C = MmAllocateContiguousNodeMemory(2 * PAGE_SIZE, Pa(0), Pa(~0ull >> 1), Pa(0),
                                                 Protects[i].Protect, MM_ANY_NODE_OK);
        assert_int_equal(C != NULL, Protects[i].Works);
        if (C != NULL) {
            CheckContiguous(C, 2 * PAGE_SIZE);
            MmFreeContiguousMemory(C);
        }
    }
    SimAssertInvariants();
}

/* Freeing anything but the start of a live allocation of that kind is
 * 0xC4/0x60 with the address (Verifier's "bad pointer to
 * MmFreeContiguousMemory"); a size or cache type that does not match too. */
SIM_TEST_F(BadFreesBugCheck, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    PUCHAR Contig = (PUCHAR)MmAllocateContiguousMemory(2 * PAGE_SIZE, Pa(~0ull >> 1));
    PUCHAR NonCached = (PUCHAR)MmAllocateNonCachedMemory(2 * PAGE_SIZE);
    PVOID Pool = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'tseT');
    assert_non_null(Contig);
    assert_non_null(NonCached);
    assert_non_null(Pool);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, Pool, 0, 0, MmFreeContiguousMemory(Pool));
    SimReset();
    Contig = (PUCHAR)MmAllocateContiguousMemory(2 * PAGE_SIZE, Pa(~0ull >> 1));
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, Contig + PAGE_SIZE, 0, 0, MmFreeContiguousMemory(Contig + PAGE_SIZE));
    SimReset();
    NonCached = (PUCHAR)MmAllocateNonCachedMemory(2 * PAGE_SIZE);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, NonCached, 0, 0, MmFreeContiguousMemory(NonCached));
    SimReset();
    Contig = (PUCHAR)MmAllocateContiguousMemory(2 * PAGE_SIZE, Pa(~0ull >> 1));
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, Contig, PAGE_SIZE, MmCached,
                         MmFreeContiguousMemorySpecifyCache(Contig, PAGE_SIZE, MmCached));
    SimReset();
    Contig = (PUCHAR)MmAllocateContiguousMemorySpecifyCache(PAGE_SIZE, Pa(0), Pa(~0ull >> 1), Pa(0),
                                                            MmNonCached);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, Contig, PAGE_SIZE, MmCached,
                         MmFreeContiguousMemorySpecifyCache(Contig, PAGE_SIZE, MmCached));
    SimReset();
    NonCached = (PUCHAR)MmAllocateNonCachedMemory(2 * PAGE_SIZE);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, NonCached, 3 * PAGE_SIZE, 0,
                         MmFreeNonCachedMemory(NonCached, 3 * PAGE_SIZE));
    SimReset();
    Contig = (PUCHAR)MmAllocateContiguousMemory(PAGE_SIZE, Pa(~0ull >> 1));
    MmFreeContiguousMemory(Contig);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x60, Contig, 0, 0, MmFreeContiguousMemory(Contig)); /* twice */
    SimReset();
}

/* Non-cached memory: whole pages of non-paged system space, uninitialised,
 * freed with the size it was allocated with. */
SIM_TEST_F(NonCachedMemoryIsWholePages, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    static const SIZE_T Sizes[] = {1, PAGE_SIZE, PAGE_SIZE + 1, 40 * PAGE_SIZE};
    for (size_t i = 0; i < sizeof(Sizes) / sizeof(Sizes[0]); i++) {
        PUCHAR Va = (PUCHAR)MmAllocateNonCachedMemory(Sizes[i]);
        assert_non_null(Va);
        assert_int_equal((ULONG_PTR)Va & (PAGE_SIZE - 1), 0);
        SIZE_T Span = (Sizes[i] + PAGE_SIZE - 1) & ~(SIZE_T)(PAGE_SIZE - 1);
        assert_false(AllZero(Va, Span));
        memset(Va, 0x5A, Span); /* the whole last page is the driver's */
        SimAssertInvariants();
        MmFreeNonCachedMemory(Va, Sizes[i]);
    }
    assert_null(MmAllocateNonCachedMemory(0));
    assert_true(SimIsClean(NULL, 0));
}

/* A block not freed is held: SimIsClean says what and from where. */
SIM_TEST_F(UnfreedBlocksAreReported, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    PVOID Va = MmAllocateNonCachedMemory(PAGE_SIZE);
    assert_non_null(Va);
    char Report[1024];
    assert_false(SimIsClean(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "contiguous or non-cached allocation"));
    MmFreeNonCachedMemory(Va, PAGE_SIZE);
    assert_true(SimIsClean(NULL, 0));
}

/* IRQL: contiguous memory up to DISPATCH_LEVEL; non-cached memory up to
 * APC_LEVEL (IrqlMmApcLte, 0xC4/0x20019); the memory map at PASSIVE_LEVEL. */
SIM_TEST_F(IrqlRules, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PVOID A = MmAllocateContiguousMemory(PAGE_SIZE, Pa(~0ull >> 1));
    assert_non_null(A);
    MmFreeContiguousMemory(A);
    SIM_EXPECT_BUGCHECK(0xC4, 0x20019, MmAllocateNonCachedMemory(PAGE_SIZE));
    SimReset();
    KeRaiseIrql(APC_LEVEL, &Old);
    PVOID B = MmAllocateNonCachedMemory(PAGE_SIZE);
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(0xC4, 0x20019, MmFreeNonCachedMemory(B, PAGE_SIZE));
    SimReset();
    KeRaiseIrql(APC_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(0xA, 0, APC_LEVEL, 0, SIM_ANY, MmGetPhysicalMemoryRanges());
    SimReset();
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PVOID C = MmAllocateContiguousMemory(PAGE_SIZE, Pa(~0ull >> 1));
    KeRaiseIrql(HIGH_LEVEL, &Old);
    /* IrqlMmDispatch: 0xC4/0x2001A (rule, IRQL, 0). */
    SIM_EXPECT_BUGCHECK4(0xC4, 0x2001A, SIM_ANY, HIGH_LEVEL, 0, MmFreeContiguousMemory(C));
    SimReset();
}

/* MmGetPhysicalMemoryRanges: the configured RAM, then a zero entry, in
 * non-paged pool the caller frees. */
SIM_TEST_F(PhysicalMemoryRangesAreTheRam, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    PPHYSICAL_MEMORY_RANGE Ranges = MmGetPhysicalMemoryRanges();
    assert_non_null(Ranges);
    assert_int_equal(Ranges[0].BaseAddress.QuadPart, RANGE0_PAGE * PAGE_SIZE);
    assert_int_equal(Ranges[0].NumberOfBytes.QuadPart, RANGE_PAGES * PAGE_SIZE);
    assert_int_equal(Ranges[1].BaseAddress.QuadPart, RANGE1_PAGE * PAGE_SIZE);
    assert_int_equal(Ranges[1].NumberOfBytes.QuadPart, RANGE_PAGES * PAGE_SIZE);
    assert_int_equal(Ranges[2].BaseAddress.QuadPart, 0);
    assert_int_equal(Ranges[2].NumberOfBytes.QuadPart, 0);
    assert_false(SimIsClean(NULL, 0)); /* the array is the caller's pool */
    ExFreePool(Ranges);
    assert_true(SimIsClean(NULL, 0));
}

/* MmGetVirtualForPhysical: the system address that maps the frame (plus the
 * byte offset); NULL for a frame nothing maps or that is not RAM. */
SIM_TEST_F(VirtualForPhysicalFindsTheMapping, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    PUCHAR Pool = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, 256, 'tseT');
    PUCHAR Contig = (PUCHAR)MmAllocateContiguousMemory(2 * PAGE_SIZE, Pa(~0ull >> 1));
    assert_ptr_equal(MmGetVirtualForPhysical(MmGetPhysicalAddress(Pool + 17)), Pool + 17);
    assert_ptr_equal(MmGetVirtualForPhysical(MmGetPhysicalAddress(Contig + PAGE_SIZE + 5)),
                     Contig + PAGE_SIZE + 5);
    ULONGLONG Frame = (ULONGLONG)MmGetPhysicalAddress(Contig).QuadPart;
    MmFreeContiguousMemory(Contig);
    assert_null(MmGetVirtualForPhysical(Pa(Frame)));                      /* free page */
    assert_null(MmGetVirtualForPhysical(Pa(0x400000)));                   /* the hole */
    assert_null(MmGetVirtualForPhysical(Pa(0x20000000)));                 /* above RAM */
    ExFreePoolWithTag(Pool, 'tseT');
}

/* MmMapLockedPages: Verifier rejects it (0xC4/0x81: MDL, flags, 0); without
 * Verifier it maps as MmMapLockedPagesSpecifyCache(..., MmCached, NULL, TRUE,
 * HighPagePriority), and MmGetSystemAddressForMdl maps once. */
SIM_TEST_F(MapLockedPagesStrict, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    PMDL Mdl = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull >> 1), Pa(0), 2 * PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x81, Mdl, (USHORT)Mdl->MdlFlags, 0, MmMapLockedPages(Mdl, KernelMode));
    SimReset();
}

SIM_TEST_F(MapLockedPagesRetail, SetupRetail, SimTestTeardown)
{
    (void)State;
    PMDL Mdl = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull >> 1), Pa(0), 2 * PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    PUCHAR Va = (PUCHAR)MmGetSystemAddressForMdl(Mdl);
    assert_non_null(Va);
    assert_true(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA);
    assert_ptr_equal(MmGetSystemAddressForMdl(Mdl), Va); /* mapped once */
    Va[2 * PAGE_SIZE - 1] = 1;
    MmUnmapLockedPages(Va, Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    assert_true(SimIsClean(NULL, 0));
}

/* Pool priorities: the block is ExAllocatePoolWithTag's, tag and all;
 * ExAllocatePool tags with "None". */
SIM_TEST_F(PoolPriorityAndUntaggedPool, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    static const EX_POOL_PRIORITY Priorities[] = {LowPoolPriority, NormalPoolPriority,
                                                  HighPoolPrioritySpecialPoolOverrun};
    for (size_t i = 0; i < sizeof(Priorities) / sizeof(Priorities[0]); i++) {
        PVOID Va = ExAllocatePoolWithTagPriority(NonPagedPoolNx, 100, 'irPT', Priorities[i]);
        assert_non_null(Va);
        SIM_POOL_BLOCK_INFO Info[4];
        assert_int_equal(SimEnumPoolBlocks(Info, 4), 1);
        assert_ptr_equal(Info[0].Va, Va);
        assert_int_equal(Info[0].Tag, 'irPT');
        ExFreePoolWithTag(Va, 'irPT');
    }
    PVOID Va = ExAllocatePool(PagedPool, 10);
    SIM_POOL_BLOCK_INFO Info[4];
    assert_int_equal(SimEnumPoolBlocks(Info, 4), 1);
    assert_int_equal(Info[0].Tag, 'enoN');
    assert_true(Info[0].Paged);
    ExFreePool(Va);
    /* Bad input is ExAllocatePoolWithTag's: tag 0 is 0xC2/0x9B. */
    SIM_EXPECT_BUGCHECK(0xC2, 0x9B, ExAllocatePoolWithTagPriority(NonPagedPoolNx, 8, 0, HighPoolPriority));
    SimReset();
}

/* Kernel routines: KeResetEvent returns the previous state; KeTestSpinLock
 * says whether the lock is free; KeRaiseIrqlToSynchLevel raises to 12. */
SIM_TEST_F(KernelRoutines, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, TRUE);
    assert_int_equal(KeResetEvent(&Event), 1);
    assert_int_equal(KeResetEvent(&Event), 0);
    assert_int_equal(KeReadStateEvent(&Event), 0);

    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    assert_true(KeTestSpinLock(&Lock));
    KIRQL Old;
    KeAcquireSpinLock(&Lock, &Old);
    assert_false(KeTestSpinLock(&Lock));
    KeReleaseSpinLock(&Lock, Old);
    assert_true(KeTestSpinLock(&Lock));

    KIRQL Before = KeRaiseIrqlToSynchLevel();
    assert_int_equal(Before, PASSIVE_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), SYNCH_LEVEL);
    assert_int_equal(SYNCH_LEVEL, 12);
    KeLowerIrql(Before);

    assert_int_equal(KeGetRecommendedSharedDataAlignment(), 64);
    assert_int_equal(KeGetDcacheFillSize(), 1);
}

/* Raising "to" SYNCH_LEVEL from above it is lowering: 0xC4/0x30. */
SIM_TEST_F(RaiseToSynchFromAbove, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x30, HIGH_LEVEL, SYNCH_LEVEL, 0, KeRaiseIrqlToSynchLevel());
    SimReset();
}

/* Time: a stall waits at least its microseconds on the performance counter
 * (a lower bound, not a speed); unbiased interrupt time is interrupt time;
 * the tick count is interrupt time in clock ticks. */
SIM_TEST_F(KernelTime, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    LONGLONG Start = KeQueryPerformanceCounter(NULL).QuadPart;
    KeStallExecutionProcessor(2000);
    assert_true(KeQueryPerformanceCounter(NULL).QuadPart - Start >= 2000 * 10);

    ULONGLONG A = KeQueryInterruptTime();
    ULONGLONG U = KeQueryUnbiasedInterruptTime();
    ULONG64 Ticks;
    KeQueryTickCount(&Ticks);
    LARGE_INTEGER TicksLi;
    KeQueryTickCount(&TicksLi);
    ULONGLONG B = KeQueryInterruptTime();
    assert_true(A <= U && U <= B);
    assert_true(A / KeQueryTimeIncrement() <= Ticks && Ticks <= B / KeQueryTimeIncrement());
    assert_true(Ticks <= (ULONG64)TicksLi.QuadPart);
}

/* Rtl byte swaps and LARGE_INTEGER arithmetic. */
SIM_TEST_F(RtlArithmetic, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    assert_int_equal(RtlUshortByteSwap(0x1234), 0x3412);
    assert_int_equal(RtlUlongByteSwap(0x12345678u), 0x78563412u);
    assert_true(RtlUlonglongByteSwap(0x0102030405060708ull) == 0x0807060504030201ull);

    LARGE_INTEGER M1 = RtlConvertLongToLargeInteger(-1);
    LARGE_INTEGER U1 = RtlConvertUlongToLargeInteger(0xFFFFFFFFu);
    assert_true(M1.QuadPart == -1);
    assert_true(U1.QuadPart == 0xFFFFFFFFll);
    assert_true(RtlEnlargedIntegerMultiply(-70000, 70000).QuadPart == -4900000000ll);
    assert_true(RtlEnlargedUnsignedMultiply(0xFFFFFFFFu, 2).QuadPart == 0x1FFFFFFFEll);
    assert_true(RtlExtendedIntegerMultiply(U1, -2).QuadPart == -0x1FFFFFFFEll);
    assert_true(RtlLargeIntegerAdd(M1, U1).QuadPart == 0xFFFFFFFEll);
    assert_true(RtlLargeIntegerSubtract(M1, U1).QuadPart == -0x100000000ll);
    assert_true(RtlLargeIntegerNegate(U1).QuadPart == -0xFFFFFFFFll);
    assert_true(RtlLargeIntegerShiftLeft(U1, 4).QuadPart == 0xFFFFFFFF0ll);
    assert_true(RtlLargeIntegerShiftRight(M1, 60).QuadPart == 0xF);
    assert_true(RtlLargeIntegerArithmeticShift(M1, 60).QuadPart == -1);
    LARGE_INTEGER And;
    RtlLargeIntegerAnd(And, M1, U1);
    assert_true(And.QuadPart == 0xFFFFFFFFll);
    assert_true(RtlLargeIntegerLessThan(M1, U1) && RtlLargeIntegerGreaterThan(U1, M1));
    assert_true(RtlLargeIntegerLessThanZero(M1) && RtlLargeIntegerGreaterThanZero(U1));
    assert_true(RtlLargeIntegerNotEqualTo(M1, U1) && RtlLargeIntegerEqualTo(M1, M1));
}

/* MmGetSystemRoutineAddress finds the new exports (nt5 profile: not the
 * Vista+ node routines). */
SIM_TEST_F(NewRoutinesAreExported, SetupTwoRanges, SimTestTeardown)
{
    (void)State;
    static const struct {
        const WCHAR *Name;
        PVOID Routine;
    } Exports[] = {
        {L"MmAllocateContiguousMemory", (PVOID)(ULONG_PTR)MmAllocateContiguousMemory},
        {L"MmFreeNonCachedMemory", (PVOID)(ULONG_PTR)MmFreeNonCachedMemory},
        {L"MmGetPhysicalMemoryRanges", (PVOID)(ULONG_PTR)MmGetPhysicalMemoryRanges},
        {L"ExAllocatePoolWithTagPriority", (PVOID)(ULONG_PTR)ExAllocatePoolWithTagPriority},
        {L"KeStallExecutionProcessor", (PVOID)(ULONG_PTR)KeStallExecutionProcessor},
        {L"RtlUlongByteSwap", (PVOID)(ULONG_PTR)RtlUlongByteSwap},
    };
    for (size_t i = 0; i < sizeof(Exports) / sizeof(Exports[0]); i++) {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, Exports[i].Name);
        assert_ptr_equal(MmGetSystemRoutineAddress(&Name), Exports[i].Routine);
    }
}

int main(void)
{
    return SimRunTests("test_contiguous", NULL, NULL);
}
