/*
 * test_core.c - the growable region (core/) as a specification, run under
 * both profiles: `modern` (Windows 10 2004+, Divisible strategy) and `nt5`
 * (no MmAllocateMappingAddressEx: Remap strategy).
 *
 *   GrCreate        reserve MaximumSize once         |..........................|
 *   GrEnsureCommitted(n)   map chunks below n        |== c0 ==|= c1 =|..........|
 *   readers         see [0, GrCommittedSize) only    ^Base    ^committed
 *   GrDestroy       unmap, free pages, free MDLs, free reservation
 *
 * Rules: issue "The growable region"; docs/architecture.md 7; docs/ddi-contract.md 4.2 (why the
 * region needs DIVISIBLE) and 3.7 (0x50 past the committed size).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include <mmsim_cmocka.h>

#include "region_test.h"

#define TAG_REGION 'nrGT' /* "TGrn" */

static UCHAR PatternByte(SIZE_T Offset)
{
    return (UCHAR)((Offset * 131u) ^ (Offset >> 12) ^ 0x5A);
}

static void WritePattern(PUCHAR Base, SIZE_T From, SIZE_T To)
{
    for (SIZE_T i = From; i < To; i++) {
        Base[i] = PatternByte(i);
    }
}

static void CheckPattern(PUCHAR Base, SIZE_T To)
{
    for (SIZE_T i = 0; i < To; i++) {
        if (Base[i] != PatternByte(i)) {
            fail_msg("byte %zu is 0x%02x, expected 0x%02x", (size_t)i, Base[i], PatternByte(i));
        }
    }
}

static GR_STRATEGY ExpectedStrategy(void)
{
    return SimGetProfile() == SimProfileModern ? GrStrategyDivisible : GrStrategyRemap;
}

/* ---------------------------------------------------------------------- */
/* Strategy choice (MmGetSystemRoutineAddress).                           */
/* ---------------------------------------------------------------------- */
/*  profile | Auto       | Divisible forced       | Remap forced
 *  modern  | Divisible  | Divisible              | Remap
 *  nt5     | Remap      | STATUS_NOT_SUPPORTED   | Remap          */
SIM_TEST(StrategyFollowsTheKernel)
{
    static const GR_STRATEGY Asked[] = {GrStrategyAuto, GrStrategyDivisible, GrStrategyRemap};
    for (size_t i = 0; i < sizeof(Asked) / sizeof(Asked[0]); i++) {
        GR_PARAMETERS Parameters = RegionParameters(MIB(1), TAG_REGION);
        Parameters.Strategy = Asked[i];
        PGROWABLE_REGION Region;
        NTSTATUS Status = GrCreate(&Parameters, &Region);
        if (Asked[i] == GrStrategyDivisible && SimGetProfile() == SimProfileNt5) {
            assert_int_equal(Status, STATUS_NOT_SUPPORTED);
            assert_null(Region);
            continue;
        }
        assert_int_equal(Status, STATUS_SUCCESS);
        GR_STATISTICS Statistics;
        GrQueryStatistics(Region, &Statistics);
        assert_int_equal(Statistics.Strategy,
                         Asked[i] == GrStrategyAuto ? ExpectedStrategy() : Asked[i]);
        GrDestroy(Region);
    }
}

/* Bad parameters are refused before anything is allocated. */
SIM_TEST(CreateRefusesBadParameters)
{
    static const struct {
        SIZE_T Maximum, Initial;
        ULONG Tag;
        GR_STRATEGY Strategy;
    } Rows[] = {
        {0, 0, TAG_REGION, GrStrategyAuto},                /* no size */
        {MIB(1), 0, 0, GrStrategyAuto},                    /* tag 0 */
        {MIB(1), MIB(2), TAG_REGION, GrStrategyAuto},      /* initial > maximum */
        {MIB(1), 0, TAG_REGION, (GR_STRATEGY)7},           /* no such strategy */
        {(SIZE_T)8 << 30, 0, TAG_REGION, GrStrategyRemap}, /* one MDL cannot describe 8 GiB */
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        GR_PARAMETERS Parameters = RegionParameters(Rows[i].Maximum, TAG_REGION);
        Parameters.InitialCommit = Rows[i].Initial;
        Parameters.PoolTag = Rows[i].Tag;
        Parameters.Strategy = Rows[i].Strategy;
        PGROWABLE_REGION Region = (PGROWABLE_REGION)(ULONG_PTR)1;
        assert_int_equal(GrCreate(&Parameters, &Region), STATUS_INVALID_PARAMETER);
        assert_null(Region);
        assert_true(SimIsClean(NULL, 0));
    }
}

/* ---------------------------------------------------------------------- */
/* Growth.                                                                */
/* ---------------------------------------------------------------------- */
/* Grow to the maximum in uneven steps; every byte written before a growth
 * reads back after it; the base never moves; the size only grows. */
SIM_TEST(GrowsToMaximumInUnevenStepsKeepingData)
{
    GR_PARAMETERS Parameters = RegionParameters(MIB(8) + KIB(12), TAG_REGION);
    Parameters.InitialCommit = 1;
    Parameters.GrowthGranularity = KIB(16);
    PGROWABLE_REGION Region;
    assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
    PUCHAR Base = (PUCHAR)GrBase(Region);
    assert_non_null(Base);
    assert_true(GrCommittedSize(Region) >= 1);

    static const SIZE_T Steps[] = {1,        KIB(5),   KIB(16) + 1, KIB(100), 3,
                                   KIB(700), MIB(3),   MIB(3) + 7,  MIB(5),   MIB(8) + KIB(12)};
    SIZE_T Written = 0;
    SIZE_T Previous = GrCommittedSize(Region);
    for (size_t i = 0; i < sizeof(Steps) / sizeof(Steps[0]); i++) {
        assert_int_equal(GrEnsureCommitted(Region, Steps[i]), STATUS_SUCCESS);
        SIZE_T Committed = GrCommittedSize(Region);
        assert_true(Committed >= Steps[i]);
        assert_true(Committed >= Previous);
        assert_true(Committed % PAGE_SIZE == 0);
        assert_ptr_equal(GrBase(Region), Base);
        CheckPattern(Base, Written); /* survived the growth */
        WritePattern(Base, Written, Committed);
        Written = Committed;
        Previous = Committed;
        SimAssertInvariants();
    }
    assert_int_equal(GrCommittedSize(Region), MIB(8) + KIB(12));
    /* Idempotent: asking again for less changes nothing. */
    GR_STATISTICS Before, After;
    GrQueryStatistics(Region, &Before);
    assert_int_equal(GrEnsureCommitted(Region, KIB(4)), STATUS_SUCCESS);
    GrQueryStatistics(Region, &After);
    assert_int_equal(After.Growths, Before.Growths);
    /* Beyond the maximum is a parameter error. */
    assert_int_equal(GrEnsureCommitted(Region, MIB(8) + KIB(16)), STATUS_INVALID_PARAMETER);

    /* Logarithmic bookkeeping: sizes double, so few MDLs. */
    print_message("[%s] %u chunk MDLs for %zu KiB; bookkeeping %zu bytes = %.2f bytes per page\n",
                  SimProfileName(SimGetProfile()), After.ChunkCount,
                  (size_t)(After.CommittedSize / 1024), (size_t)After.BookkeepingBytes,
                  (double)After.BookkeepingBytes / (double)(After.CommittedSize / PAGE_SIZE));
    assert_true(After.ChunkCount <= 16);
    GrDestroy(Region);
}

/* The byte after the committed part is reserved but not mapped: touching it
 * is 0x50 (address, 0 = read, code address, 0). */
SIM_TEST(ReadingPastCommittedIsPageFault)
{
    GR_PARAMETERS Parameters = RegionParameters(MIB(1), TAG_REGION);
    Parameters.InitialCommit = KIB(64);
    PGROWABLE_REGION Region;
    assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
    volatile UCHAR *Base = (volatile UCHAR *)GrBase(Region);
    SIZE_T Committed = GrCommittedSize(Region);
    assert_int_equal(Base[Committed - 1], 0); /* committed memory is zeroed */
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)Base[Committed]);
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, PAGE_FAULT_IN_NONPAGED_AREA);
    assert_int_equal(Stop.Parameters[0], (ULONG_PTR)(Base + Committed));
    assert_int_equal(Stop.Parameters[1], 0);
    assert_int_equal(Stop.Parameters[3], 0);
}

/* Short page allocations are mapped and used, not discarded. */
SIM_TEST(ShortAllocationsAreUsed)
{
    GR_PARAMETERS Parameters = RegionParameters(MIB(2), TAG_REGION);
    Parameters.GrowthGranularity = KIB(256);
    PGROWABLE_REGION Region;
    assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
    SimShortenNthPageAllocation(1, 3); /* the first allocation brings 3 pages */
    assert_int_equal(GrEnsureCommitted(Region, KIB(256)), STATUS_SUCCESS);
    assert_int_equal(GrCommittedSize(Region), KIB(256));
    GR_STATISTICS Statistics;
    GrQueryStatistics(Region, &Statistics);
    assert_int_equal(Statistics.ChunkCount, 2); /* 3 pages + the other 61 */
    assert_int_equal(SimFaultsInjected(SimFaultAllocatePagesForMdl), 1);
    WritePattern((PUCHAR)GrBase(Region), 0, KIB(256));
    CheckPattern((PUCHAR)GrBase(Region), KIB(256));
    GrDestroy(Region);
}

/* ---------------------------------------------------------------------- */
/* Failure leaves the region exactly as it was.                           */
/* ---------------------------------------------------------------------- */
typedef struct _SNAPSHOT {
    SIM_MEMORY_STATS Memory;
    ULONG64 PoolBlocks;
    SIZE_T Committed;
    ULONG Chunks;
    ULONG64 RegionValidPtes; /* valid PTEs inside the reservation */
} SNAPSHOT;

static ULONG64 ValidPtesIn(PUCHAR Base, SIZE_T Bytes)
{
    ULONG64 Valid = 0;
    for (SIZE_T Offset = 0; Offset < Bytes; Offset += PAGE_SIZE) {
        ULONG64 Pte;
        assert_true(SimQueryPte(Base + Offset, &Pte, NULL));
        Valid += (Pte & SIM_PTE_VALID) != 0;
    }
    return Valid;
}

static SNAPSHOT Snap(PGROWABLE_REGION Region)
{
    SNAPSHOT S;
    SimQueryMemory(&S.Memory);
    S.PoolBlocks = S.Memory.PoolBlocks;
    S.Committed = Region != NULL ? GrCommittedSize(Region) : 0;
    GR_STATISTICS Statistics;
    memset(&Statistics, 0, sizeof(Statistics));
    if (Region != NULL) {
        GrQueryStatistics(Region, &Statistics);
    }
    S.Chunks = Statistics.ChunkCount;
    S.RegionValidPtes =
        Region != NULL ? ValidPtesIn((PUCHAR)GrBase(Region), Statistics.MaximumSize) : 0;
    return S;
}

static void AssertSameAs(const SNAPSHOT *Before, PGROWABLE_REGION Region)
{
    SNAPSHOT Now = Snap(Region);
    assert_int_equal(Now.Committed, Before->Committed);
    assert_int_equal(Now.Chunks, Before->Chunks);
    assert_int_equal(Now.Memory.MdlPages, Before->Memory.MdlPages);
    /* (Pool pages, once carved, stay mapped: count the region's PTEs.) */
    assert_int_equal(Now.RegionValidPtes, Before->RegionValidPtes);
    assert_int_equal(Now.Memory.SystemPtesFree, Before->Memory.SystemPtesFree);
    assert_int_equal(Now.PoolBlocks, Before->PoolBlocks);
}

/* Every allocation GrEnsureCommitted makes is failed in turn (the Nth call
 * of each site, N = 1, 2, ... until a growth succeeds untouched): each
 * failure returns STATUS_INSUFFICIENT_RESOURCES and leaves committed size,
 * data, pages, PTEs and pool exactly as before. */
SIM_TEST(EveryGrowthFailureLeavesRegionUnchanged)
{
    static const SIM_FAULT_SITE Sites[] = {SimFaultPool, SimFaultAllocatePagesForMdl,
                                           SimFaultIoAllocateMdl};
    ULONG64 Failures = 0;
    for (size_t s = 0; s < sizeof(Sites) / sizeof(Sites[0]); s++) {
        for (ULONG Nth = 1;; Nth++) {
            GR_PARAMETERS Parameters = RegionParameters(MIB(4), TAG_REGION);
            Parameters.InitialCommit = KIB(64);
            Parameters.GrowthGranularity = KIB(64);
            PGROWABLE_REGION Region;
            assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
            PUCHAR Base = (PUCHAR)GrBase(Region);
            WritePattern(Base, 0, KIB(64));
            /* Two pages per allocation: 24 chunks, so the chunk table must
             * grow too. 192 KiB is a whole number of granules and more than
             * the committed 64 KiB, so the step is exactly what is asked:
             * every page is needed, and a failed allocation fails the growth
             * (with slack, what is had may cover the request: see
             * tests/hostile/hostile_core.c). */
            SimLimitPageAllocations(2);
            SNAPSHOT Before = Snap(Region);
            ULONG64 InjectedBefore = SimFaultsInjected(Sites[s]);
            SimFailNthCall(Sites[s], Nth);
            NTSTATUS Status = GrEnsureCommitted(Region, KIB(64) + KIB(192));
            bool Injected = SimFaultsInjected(Sites[s]) > InjectedBefore;
            SimClearFaults();
            if (Injected) {
                assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
                AssertSameAs(&Before, Region);
                CheckPattern(Base, KIB(64));
                SimAssertInvariants();
                Failures++;
            } else {
                assert_int_equal(Status, STATUS_SUCCESS);
            }
            GrDestroy(Region);
            assert_true(SimIsClean(NULL, 0));
            if (!Injected) {
                break; /* the site is called fewer than Nth times */
            }
        }
    }
    print_message("[%s] %llu injected growth failures, each left the region unchanged\n",
                  SimProfileName(SimGetProfile()), (unsigned long long)Failures);
    assert_true(Failures >= 3);
}

/* GrCreate: each allocation failed in turn leaves nothing allocated. */
SIM_TEST(EveryCreateFailureLeavesNothing)
{
    static const SIM_FAULT_SITE Sites[] = {SimFaultPool, SimFaultAllocatePagesForMdl,
                                           SimFaultAllocateMappingAddress,
                                           SimFaultIoAllocateWorkItem, SimFaultIoAllocateMdl};
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    ULONG64 Failures = 0;
    for (size_t s = 0; s < sizeof(Sites) / sizeof(Sites[0]); s++) {
        for (ULONG Nth = 1;; Nth++) {
            GR_PARAMETERS Parameters = RegionParameters(MIB(1), TAG_REGION);
            Parameters.InitialCommit = KIB(128);
            Parameters.DeviceObject = &Device;
            ULONG64 InjectedBefore = SimFaultsInjected(Sites[s]);
            SimFailNthCall(Sites[s], Nth);
            PGROWABLE_REGION Region;
            NTSTATUS Status = GrCreate(&Parameters, &Region);
            bool Injected = SimFaultsInjected(Sites[s]) > InjectedBefore;
            SimClearFaults();
            if (Injected) {
                assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
                assert_null(Region);
                char Report[1024];
                if (!SimIsClean(Report, sizeof(Report))) {
                    fail_msg("%s failure %u left: %s", SimFaultSiteName(Sites[s]), Nth, Report);
                }
                Failures++;
                continue;
            }
            assert_int_equal(Status, STATUS_SUCCESS);
            GrDestroy(Region);
            break;
        }
    }
    print_message("[%s] %llu injected create failures, none leaked\n",
                  SimProfileName(SimGetProfile()), (unsigned long long)Failures);
    assert_true(Failures >= 4);
}

/* ---------------------------------------------------------------------- */
/* Concurrency: readers at DISPATCH_LEVEL while a grower grows.           */
/* ---------------------------------------------------------------------- */
typedef struct _SHARED {
    PGROWABLE_REGION Region;
    atomic_size_t Written; /* bytes holding the pattern, published after writing */
    atomic_int Stop;
    atomic_ullong Scans;
} SHARED;

static void *Reader(void *Argument)
{
    SHARED *Shared = (SHARED *)Argument;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    while (!atomic_load(&Shared->Stop)) {
        SIZE_T Committed;
        PUCHAR Base = (PUCHAR)GrReadBegin(Shared->Region, &Committed);
        SIZE_T Written = atomic_load(&Shared->Written);
        SIZE_T Limit = Written < Committed ? Written : Committed;
        /* Scan the committed part: sample every page and its last byte. */
        for (SIZE_T i = 0; i < Limit; i += 509) {
            if (Base[i] != PatternByte(i)) {
                GrReadEnd(Shared->Region);
                KeLowerIrql(Old);
                return (void *)1;
            }
        }
        /* Published means mapped: the last committed byte is valid (asked of
         * the PTE, since the grower may be writing that byte right now). */
        if (Committed > 0 && !MmIsAddressValid(Base + Committed - 1)) {
            GrReadEnd(Shared->Region);
            KeLowerIrql(Old);
            return (void *)2;
        }
        GrReadEnd(Shared->Region);
        atomic_fetch_add(&Shared->Scans, 1);
    }
    KeLowerIrql(Old);
    return NULL;
}

SIM_TEST(ReadersAtDispatchWhileGrowing)
{
    SHARED Shared;
    memset(&Shared, 0, sizeof(Shared));
    GR_PARAMETERS Parameters = RegionParameters(MIB(6), TAG_REGION);
    Parameters.InitialCommit = KIB(4);
    Parameters.GrowthGranularity = KIB(8);
    assert_int_equal(GrCreate(&Parameters, &Shared.Region), STATUS_SUCCESS);
    PUCHAR Base = (PUCHAR)GrBase(Shared.Region);
    WritePattern(Base, 0, KIB(4));
    atomic_store(&Shared.Written, KIB(4));

    pthread_t Threads[2];
    for (int t = 0; t < 2; t++) {
        assert_int_equal(pthread_create(&Threads[t], NULL, Reader, &Shared), 0);
    }
    /* Many small growths: under Remap every one is an unmap + map. The
     * readers are stopped before any assertion: a failed one leaves this
     * frame, which they use (and `mmsim faults` does fail growths). */
    NTSTATUS Status = STATUS_SUCCESS;
    for (SIZE_T Target = KIB(8); Target <= MIB(6) && NT_SUCCESS(Status); Target += KIB(36)) {
        Status = GrEnsureCommitted(Shared.Region, Target);
        SIZE_T Committed = GrCommittedSize(Shared.Region);
        SIZE_T From = atomic_load(&Shared.Written);
        WritePattern(Base, From, Committed);
        atomic_store(&Shared.Written, Committed);
    }
    atomic_store(&Shared.Stop, 1);
    void *Results[2];
    for (int t = 0; t < 2; t++) {
        if (pthread_join(Threads[t], &Results[t]) != 0) {
            abort(); /* the readers would outlive this frame */
        }
    }
    if (!NT_SUCCESS(Status)) {
        GrDestroy(Shared.Region); /* the failure path must still tear down cleanly */
        fail_msg("GrEnsureCommitted: 0x%08X", (unsigned)Status);
    }
    assert_null(Results[0]);
    assert_null(Results[1]);
    print_message("[%s] readers completed %llu scans during growth\n",
                  SimProfileName(SimGetProfile()), (unsigned long long)atomic_load(&Shared.Scans));
    assert_false(SimIsStopped(NULL));
    CheckPattern(Base, GrCommittedSize(Shared.Region));
    GrDestroy(Shared.Region);
}

/* ---------------------------------------------------------------------- */
/* Deferred growth: asked for at DISPATCH_LEVEL, done by a work item.      */
/* ---------------------------------------------------------------------- */
SIM_TEST(GrowthRequestedAtDispatchRunsOnWorkItem)
{
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    for (int WithDevice = 0; WithDevice < 2; WithDevice++) {
        GR_PARAMETERS Parameters = RegionParameters(MIB(2), TAG_REGION);
        Parameters.DeviceObject = WithDevice ? &Device : NULL;
        PGROWABLE_REGION Region;
        assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
        KIRQL Old;
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        NTSTATUS Status = GrRequestGrowth(Region, KIB(300));
        assert_true(Status == STATUS_PENDING || Status == STATUS_SUCCESS);
        assert_int_equal(GrRequestGrowth(Region, MIB(2) + 1), STATUS_INVALID_PARAMETER);
        KeLowerIrql(Old);
        assert_true(SimWaitForWorkItems(30000));
        assert_true(GrCommittedSize(Region) >= KIB(300));
        GR_STATISTICS Statistics;
        GrQueryStatistics(Region, &Statistics);
        assert_int_equal(Statistics.LastDeferredStatus, STATUS_SUCCESS);
        assert_true(Statistics.DeferredGrowths >= 1);
        /* Already committed: nothing to queue. */
        assert_int_equal(GrRequestGrowth(Region, KIB(4)), STATUS_SUCCESS);
        GrDestroy(Region);
    }
}

/* GrowEnsureCommitted is pageable code for <= APC_LEVEL: at DISPATCH_LEVEL
 * the page it lives on may be out - 0xD1 with P3 = 8 (execute). */
SIM_TEST(GrowingAtDispatchIsCaught)
{
    GR_PARAMETERS Parameters = RegionParameters(MIB(1), TAG_REGION);
    PGROWABLE_REGION Region;
    assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)GrEnsureCommitted(Region, KIB(64)));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, DRIVER_IRQL_NOT_LESS_OR_EQUAL);
    assert_int_equal(Stop.Parameters[1], DISPATCH_LEVEL);
    assert_int_equal(Stop.Parameters[2], 8);
}

/* Low-water mark: usage close to the committed end asks for more ahead. */
SIM_TEST(LowWaterMarkKeepsSlackAhead)
{
    GR_PARAMETERS Parameters = RegionParameters(MIB(4), TAG_REGION);
    Parameters.InitialCommit = KIB(128);
    Parameters.LowWaterMark = KIB(256);
    PGROWABLE_REGION Region;
    assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    GrNoteUsage(Region, KIB(100));
    KeLowerIrql(Old);
    assert_true(SimWaitForWorkItems(30000));
    assert_true(GrCommittedSize(Region) >= KIB(100) + KIB(256));
    GrDestroy(Region);
}

/* Destroy while a growth is queued waits for it: nothing is left behind. */
SIM_TEST(DestroyWaitsForQueuedGrowth)
{
    for (int Round = 0; Round < 20; Round++) {
        GR_PARAMETERS Parameters = RegionParameters(MIB(2), TAG_REGION);
        PGROWABLE_REGION Region;
        assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
        (void)GrRequestGrowth(Region, MIB(1) + (SIZE_T)Round * PAGE_SIZE);
        GrDestroy(Region);
    }
    assert_true(SimWaitForWorkItems(30000));
}

/* ---------------------------------------------------------------------- */
/* Why the region needs DIVISIBLE (modern profile): the naive code maps the */
/* second chunk at Base + 64K of a plain reservation. Without DIVISIBLE the */
/* address snaps to the base, whose PTEs are valid: 0xDA/0x107.             */
/* ---------------------------------------------------------------------- */
SIM_TEST(NaiveOffsetMappingWithoutDivisibleBugChecks)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    PUCHAR Base = (PUCHAR)MmAllocateMappingAddress(KIB(256), TAG_REGION);
    assert_non_null(Base);
    PMDL First = MmAllocatePagesForMdlEx(Low, High, Skip, KIB(64), MmCached, 0);
    PMDL Second = MmAllocatePagesForMdlEx(Low, High, Skip, KIB(64), MmCached, 0);
    assert_non_null(First);
    assert_non_null(Second);
    assert_ptr_equal(MmMapLockedPagesWithReservedMapping(Base, TAG_REGION, First, MmCached), Base);
    if (SimGetProfile() == SimProfileModern) {
        SIM_BUGCHECK Stop;
        SIM_CATCH_BUGCHECK(&Stop, (void)MmMapLockedPagesWithReservedMapping(
                                      Base + KIB(64), TAG_REGION, Second, MmCached));
        assert_true(Stop.Caught);
        assert_int_equal(Stop.Code, SYSTEM_PTE_MISUSE);
        assert_int_equal(Stop.Parameters[0], 0x107);
        return; /* the machine is dead; the fixture resets it */
    }
    /* nt5: the header lives in the two PTEs below Base + 64K, which are data
     * PTEs of the first mapping: the tag check fails (0xDA/0x104). */
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)MmMapLockedPagesWithReservedMapping(Base + KIB(64), TAG_REGION,
                                                                         Second, MmCached));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, SYSTEM_PTE_MISUSE);
    assert_int_equal(Stop.Parameters[0], 0x104);
}

/* The classic question: "can I rebuild one MDL from the PTEs at teardown
 * and free that, instead of keeping each chunk's MDL?"
 *   - before the unmap: the pages are still mapped -> 0x4E/0x9A;
 *   - after the unmap: the pages free (the "allocated for an MDL" mark is
 *     per page), but the chunk MDLs themselves were pool allocations of
 *     MmAllocatePagesForMdlEx and leak unless freed - so the chunk MDLs must
 *     be kept anyway, and rebuilding saves nothing. */
SIM_TEST(RebuildingOneMdlFromThePtes)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    PUCHAR Base = NULL;
    if (SimGetProfile() == SimProfileModern) {
        Base =
            (PUCHAR)MmAllocateMappingAddressEx(KIB(128), TAG_REGION, MM_MAPPING_ADDRESS_DIVISIBLE);
    } else {
        Base = (PUCHAR)MmAllocateMappingAddress(KIB(128), TAG_REGION);
    }
    assert_non_null(Base);
    PMDL Chunks[2];
    for (int i = 0; i < 2; i++) {
        Chunks[i] = MmAllocatePagesForMdlEx(Low, High, Skip, KIB(64), MmCached, 0);
        assert_non_null(Chunks[i]);
    }
    /* One chunk mapped (both profiles map at the base). */
    assert_non_null(MmMapLockedPagesWithReservedMapping(Base, TAG_REGION, Chunks[0], MmCached));

    /* Rebuild an MDL for the mapped chunk from the PTEs. */
    PMDL Rebuilt = IoAllocateMdl(Base, (ULONG)KIB(64), FALSE, FALSE, NULL);
    assert_non_null(Rebuilt);
    for (ULONG p = 0; p < KIB(64) / PAGE_SIZE; p++) {
        MmGetMdlPfnArray(Rebuilt)[p] =
            (PFN_NUMBER)(MmGetPhysicalAddress(Base + p * PAGE_SIZE).QuadPart >> PAGE_SHIFT);
        assert_int_equal(MmGetMdlPfnArray(Rebuilt)[p], MmGetMdlPfnArray(Chunks[0])[p]);
    }
    Rebuilt->MdlFlags |= MDL_PAGES_LOCKED;

    /* Freeing through it while mapped: the page is still in use. */
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, MmFreePagesFromMdl(Rebuilt));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, PFN_LIST_CORRUPT);
    assert_int_equal(Stop.Parameters[0], 0x9A);
    assert_int_equal(Stop.Parameters[1], MmGetMdlPfnArray(Chunks[0])[0]);
}

SIM_TEST(RebuiltMdlFreesPagesAfterUnmapButChunkMdlsRemain)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    PUCHAR Base = (PUCHAR)MmAllocateMappingAddress(KIB(64), TAG_REGION);
    assert_non_null(Base);
    PMDL Chunk = MmAllocatePagesForMdlEx(Low, High, Skip, KIB(64), MmCached, 0);
    assert_non_null(Chunk);
    assert_non_null(MmMapLockedPagesWithReservedMapping(Base, TAG_REGION, Chunk, MmCached));
    PMDL Rebuilt = IoAllocateMdl(Base, (ULONG)KIB(64), FALSE, FALSE, NULL);
    assert_non_null(Rebuilt);
    for (ULONG p = 0; p < KIB(64) / PAGE_SIZE; p++) {
        MmGetMdlPfnArray(Rebuilt)[p] =
            (PFN_NUMBER)(MmGetPhysicalAddress(Base + p * PAGE_SIZE).QuadPart >> PAGE_SHIFT);
    }
    Rebuilt->MdlFlags |= MDL_PAGES_LOCKED;
    MmUnmapReservedMapping(Base, TAG_REGION, Chunk);
    MmFreePagesFromMdl(Rebuilt); /* works: each page carries the MDL-allocated mark */
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.MdlPages, 0);
    /* ...but the chunk's own MDL is still a live pool block: dropping it
     * would leak (the fixture would fail this test). */
    char Report[1024];
    assert_false(SimIsClean(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "Mmdl"));
    IoFreeMdl(Rebuilt);
    ExFreePool(Chunk); /* its pages are already free */
    MmFreeMappingAddress(Base, TAG_REGION);
}

/* ---------------------------------------------------------------------- */
static int SetupModern(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = SimProfileModern;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

static int SetupNt5(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = SimProfileNt5;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

int main(void)
{
    int Failed = SimRunTests("core (modern)", SetupModern, SimTestGroupTeardown);
    Failed += SimRunTests("core (nt5)", SetupNt5, SimTestGroupTeardown);
    return Failed;
}
