/*
 * test_lookaside.c - lookaside lists and SLISTs as a specification
 * (docs/ex-sync.md).
 *
 *   ExAllocateFrom...(L)                 ExFreeTo...(L, E)
 *     list not empty -> pop (LIFO)         list holds < Depth -> push
 *     empty -> Allocate(Type, Size, Tag)   else -> Free(E)
 *              (the pool by default; the "lookaside" fault site)
 *   Depth starts at 4 (MaximumDepth 256) and is adjusted every 256
 *   allocations from the misses among them.
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define TAG_LIST 'tsiL' /* "List" */
#define TAG_CUSTOM 'tsuC'
#define BLOCK 200

/* Live pool blocks of Tag (allocated and not freed). */
static ULONG64 LiveBlocks(ULONG Tag, BOOLEAN *Paged)
{
    SIM_POOL_TAG_USAGE Usage[64];
    ULONG Count = SimQueryPoolUsage(Usage, 64);
    ULONG64 Live = 0;
    for (ULONG i = 0; i < Count && i < 64; i++) {
        if (Usage[i].Tag == Tag) {
            Live += Usage[i].Allocs - Usage[i].Frees;
            if (Paged != NULL && Usage[i].Allocs != Usage[i].Frees) {
                *Paged = Usage[i].Paged;
            }
        }
    }
    return Live;
}

static int TeardownDefault(void **State)
{
    return SimTestTeardownDefault(State);
}

/* ---- Reuse and depth ---- */

SIM_TEST(FreedEntryIsTheNextAllocatedLifo)
{
    static NPAGED_LOOKASIDE_LIST List;
    ExInitializeNPagedLookasideList(&List, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    PVOID A = ExAllocateFromNPagedLookasideList(&List);
    PVOID B = ExAllocateFromNPagedLookasideList(&List);
    assert_non_null(A);
    assert_non_null(B);
    ExFreeToNPagedLookasideList(&List, A);
    ExFreeToNPagedLookasideList(&List, B);
    assert_int_equal(ExQueryDepthSList(&List.L.ListHead), 2);
    /* last freed, first allocated: no new pool block */
    assert_ptr_equal(ExAllocateFromNPagedLookasideList(&List), B);
    assert_ptr_equal(ExAllocateFromNPagedLookasideList(&List), A);
    assert_int_equal(List.L.TotalAllocates, 4);
    assert_int_equal(List.L.AllocateMisses, 2);
    assert_int_equal(LiveBlocks(TAG_LIST, NULL), 2);
    ExFreeToNPagedLookasideList(&List, A);
    ExFreeToNPagedLookasideList(&List, B);
    ExDeleteNPagedLookasideList(&List);
    assert_int_equal(LiveBlocks(TAG_LIST, NULL), 0);
}

/* A fresh list keeps at most Depth = 4 entries; the rest go to Free. */
SIM_TEST(AFreshListKeepsDepthEntries)
{
    static PAGED_LOOKASIDE_LIST List;
    ExInitializePagedLookasideList(&List, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    assert_int_equal(List.L.Depth, 4);
    assert_int_equal(List.L.MaximumDepth, EX_MAXIMUM_LOOKASIDE_DEPTH_BASE);
    PVOID Blocks[10];
    for (int i = 0; i < 10; i++) {
        Blocks[i] = ExAllocateFromPagedLookasideList(&List);
        assert_non_null(Blocks[i]);
    }
    for (int i = 0; i < 10; i++) {
        ExFreeToPagedLookasideList(&List, Blocks[i]);
    }
    assert_int_equal(ExQueryDepthSList(&List.L.ListHead), 4);
    assert_int_equal(List.L.FreeMisses, 6);
    BOOLEAN Paged = FALSE;
    assert_int_equal(LiveBlocks(TAG_LIST, &Paged), 4); /* the cached ones */
    assert_true(Paged);                                /* the list's pool type */
    ExDeletePagedLookasideList(&List);
    assert_int_equal(LiveBlocks(TAG_LIST, NULL), 0); /* Delete freed them */
}

/* Every 256 allocations Depth follows the misses among them:
 *   all missed:  4 -> 4 + 5 + 1000 * (256 - 4) / 2000 = 135
 *   none missed: 135 -> 134 */
SIM_TEST(DepthGrowsWithMissesAndShrinksWithout)
{
    static NPAGED_LOOKASIDE_LIST List;
    static PVOID Blocks[256];
    ExInitializeNPagedLookasideList(&List, NULL, NULL, 0, 16, TAG_LIST, 0);
    for (int i = 0; i < 256; i++) {
        Blocks[i] = ExAllocateFromNPagedLookasideList(&List);
    }
    assert_int_equal(List.L.Depth, 135);
    for (int i = 0; i < 256; i++) {
        ExFreeToNPagedLookasideList(&List, Blocks[i]);
    }
    assert_int_equal(ExQueryDepthSList(&List.L.ListHead), 135);
    for (int i = 0; i < 256; i++) {
        ExFreeToNPagedLookasideList(&List, ExAllocateFromNPagedLookasideList(&List));
    }
    assert_int_equal(List.L.Depth, 134);
    ExDeleteNPagedLookasideList(&List);
    assert_int_equal(LiveBlocks(TAG_LIST, NULL), 0);
}

/* ---- Custom routines and flags ---- */

static struct {
    ULONG Allocs, Frees;
    POOL_TYPE Type;
    SIZE_T Bytes;
    ULONG Tag;
    PLOOKASIDE_LIST_EX Lookaside;
} Seen;

static PVOID NTAPI CustomAllocate(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    Seen.Allocs++;
    Seen.Type = PoolType;
    Seen.Bytes = NumberOfBytes;
    Seen.Tag = Tag;
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, NumberOfBytes, TAG_CUSTOM);
}
static VOID NTAPI CustomFree(PVOID Buffer)
{
    Seen.Frees++;
    ExFreePoolWithTag(Buffer, TAG_CUSTOM);
}
static PVOID NTAPI CustomAllocateEx(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                    PLOOKASIDE_LIST_EX Lookaside)
{
    Seen.Lookaside = Lookaside;
    return CustomAllocate(PoolType, NumberOfBytes, Tag);
}
static VOID NTAPI CustomFreeEx(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside)
{
    Seen.Lookaside = Lookaside;
    CustomFree(Buffer);
}

SIM_TEST(CustomRoutinesGetTypeSizeTag)
{
    static NPAGED_LOOKASIDE_LIST List;
    memset(&Seen, 0, sizeof(Seen));
    ExInitializeNPagedLookasideList(&List, CustomAllocate, CustomFree,
                                    POOL_RAISE_IF_ALLOCATION_FAILURE, 48, TAG_LIST, 0);
    PVOID Blocks[6];
    for (int i = 0; i < 6; i++) {
        Blocks[i] = ExAllocateFromNPagedLookasideList(&List);
    }
    assert_int_equal(Seen.Allocs, 6);
    assert_int_equal(Seen.Type, NonPagedPool | POOL_RAISE_IF_ALLOCATION_FAILURE);
    assert_int_equal(Seen.Bytes, 48);
    assert_int_equal(Seen.Tag, TAG_LIST);
    for (int i = 0; i < 6; i++) {
        ExFreeToNPagedLookasideList(&List, Blocks[i]);
    }
    assert_int_equal(Seen.Frees, 2); /* 4 cached */
    ExDeleteNPagedLookasideList(&List);
    assert_int_equal(Seen.Frees, 6);
}

/* ExInitializeLookasideListEx: the flag's pool bit reaches the routine. */
typedef struct {
    ULONG Flags;
    POOL_TYPE PoolType;
    NTSTATUS Status;
    ULONG TypeSeen;
} EX_FLAGS_ROW;

SIM_TEST(ExFlagsReachTheAllocateRoutine)
{
    static const EX_FLAGS_ROW Rows[] = {
        {0, NonPagedPoolNx, STATUS_SUCCESS, NonPagedPoolNx},
        {EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL, NonPagedPoolNx, STATUS_SUCCESS,
         NonPagedPoolNx | POOL_RAISE_IF_ALLOCATION_FAILURE},
        {EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE, PagedPool, STATUS_SUCCESS,
         PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE},
        {EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL | EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE,
         NonPagedPoolNx, STATUS_INVALID_PARAMETER_5, 0}, /* mutually exclusive */
        {4, NonPagedPoolNx, STATUS_INVALID_PARAMETER_5, 0}, /* unknown flag */
    };
    for (size_t r = 0; r < sizeof(Rows) / sizeof(Rows[0]); r++) {
        static LOOKASIDE_LIST_EX List;
        memset(&Seen, 0, sizeof(Seen));
        assert_int_equal(ExInitializeLookasideListEx(&List, CustomAllocateEx, CustomFreeEx,
                                                     Rows[r].PoolType, Rows[r].Flags, 64,
                                                     TAG_LIST, 0),
                         Rows[r].Status);
        if (Rows[r].Status != STATUS_SUCCESS) {
            continue;
        }
        PVOID Entry = ExAllocateFromLookasideListEx(&List);
        assert_non_null(Entry);
        assert_int_equal(Seen.Type, Rows[r].TypeSeen);
        assert_ptr_equal(Seen.Lookaside, &List);
        ExFreeToLookasideListEx(&List, Entry);
        assert_int_equal(ExQueryDepthSList(&List.L.ListHead), 1);
        ExFlushLookasideListEx(&List); /* frees the cached entry, list stays */
        assert_int_equal(ExQueryDepthSList(&List.L.ListHead), 0);
        assert_int_equal(Seen.Frees, 1);
        ExDeleteLookasideListEx(&List);
    }
}

/* ---- Fault injection: only an empty list's allocation is a site ---- */

SIM_TEST(InjectedFailureHitsOnlyAnEmptyList)
{
    static NPAGED_LOOKASIDE_LIST List;
    ExInitializeNPagedLookasideList(&List, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    PVOID Cached = ExAllocateFromNPagedLookasideList(&List);
    ExFreeToNPagedLookasideList(&List, Cached);
    SimFailNthCall(SimFaultLookaside, 1);
    assert_ptr_equal(ExAllocateFromNPagedLookasideList(&List), Cached); /* not a site */
    assert_null(ExAllocateFromNPagedLookasideList(&List));             /* injected */
    assert_int_equal(SimFaultsInjected(SimFaultLookaside), 1);
    PVOID Next = ExAllocateFromNPagedLookasideList(&List);
    assert_non_null(Next);
    ExFreeToNPagedLookasideList(&List, Next);
    ExFreeToNPagedLookasideList(&List, Cached);
    ExDeleteNPagedLookasideList(&List);
}

SIM_TEST(InjectedFailureRaisesWhenTheListSaysSo)
{
    static NPAGED_LOOKASIDE_LIST List;
    static LOOKASIDE_LIST_EX ListEx;
    ExInitializeNPagedLookasideList(&List, NULL, NULL, POOL_RAISE_IF_ALLOCATION_FAILURE, BLOCK,
                                    TAG_LIST, 0);
    assert_int_equal(ExInitializeLookasideListEx(&ListEx, NULL, NULL, NonPagedPoolNx,
                                                 EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL, BLOCK,
                                                 TAG_LIST, 0),
                     STATUS_SUCCESS);
    NTSTATUS Status;
    SimFailNthCall(SimFaultLookaside, 1);
    SIM_TRY_STATUS(&Status, (void)ExAllocateFromNPagedLookasideList(&List));
    assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
    SimFailNthCall(SimFaultLookaside, 1);
    SIM_TRY_STATUS(&Status, (void)ExAllocateFromLookasideListEx(&ListEx));
    assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
    /* The default allocator is the pool: its own site raises the same way. */
    SimFailNthCall(SimFaultPool, 1);
    SIM_TRY_STATUS(&Status, (void)ExAllocateFromLookasideListEx(&ListEx));
    assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
    ExDeleteNPagedLookasideList(&List);
    ExDeleteLookasideListEx(&ListEx);
}

/* ---- Rules: IRQL and Verifier's lookaside checks ---- */

static NPAGED_LOOKASIDE_LIST RuleList;
static PAGED_LOOKASIDE_LIST RulePaged;
static LOOKASIDE_LIST_EX RuleEx;

static void PagedAllocateAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    ExInitializePagedLookasideList(&RulePaged, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)ExAllocateFromPagedLookasideList(&RulePaged);
}
static void PagedExAllocateAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    (void)ExInitializeLookasideListEx(&RuleEx, NULL, NULL, PagedPool, 0, BLOCK, TAG_LIST, 0);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)ExAllocateFromLookasideListEx(&RuleEx);
}
static void NPagedAllocateAtDispatch(SIM_CASE_RUN *Run)
{
    ExInitializeNPagedLookasideList(&RuleList, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PVOID Entry = ExAllocateFromNPagedLookasideList(&RuleList);
    ExFreeToNPagedLookasideList(&RuleList, Entry);
    ExDeleteNPagedLookasideList(&RuleList);
    KeLowerIrql(Old);
    Run->Status = Entry != NULL ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
static void NPagedAllocateAboveDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    ExInitializeNPagedLookasideList(&RuleList, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL + 1, &Old);
    (void)ExAllocateFromNPagedLookasideList(&RuleList);
}
static void InitializeTwice(SIM_CASE_RUN *Run)
{
    Run->Want[1] = (ULONG_PTR)&RuleList;
    ExInitializeNPagedLookasideList(&RuleList, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    ExInitializeNPagedLookasideList(&RuleList, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
}
static void DeleteNeverInitialized(SIM_CASE_RUN *Run)
{
    static NPAGED_LOOKASIDE_LIST Never;
    Run->Want[1] = (ULONG_PTR)&Never;
    ExDeleteNPagedLookasideList(&Never);
}
static void DeleteTwice(SIM_CASE_RUN *Run)
{
    Run->Want[1] = (ULONG_PTR)&RulePaged;
    ExInitializePagedLookasideList(&RulePaged, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    ExDeletePagedLookasideList(&RulePaged);
    ExDeletePagedLookasideList(&RulePaged);
}
static void AllocateAfterDelete(SIM_CASE_RUN *Run)
{
    Run->Want[1] = (ULONG_PTR)&RuleList;
    ExInitializeNPagedLookasideList(&RuleList, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    ExDeleteNPagedLookasideList(&RuleList);
    (void)ExAllocateFromNPagedLookasideList(&RuleList);
}
static void BlockTooSmall(SIM_CASE_RUN *Run)
{
    Run->Want[1] = (ULONG_PTR)&RuleEx;
    (void)ExInitializeLookasideListEx(&RuleEx, NULL, NULL, NonPagedPoolNx, 0, 4, TAG_LIST, 0);
}

/* A driver's context block with a list inside it, not at its start:
 *
 *   block  +0 ........ +16 ............................ +16+sizeof(list)
 *          | Header    | LOOKASIDE_LIST_EX (active?)    | ...
 */
typedef struct _HOLDER {
    ULONG64 Header[2];
    LOOKASIDE_LIST_EX List;
    ULONG64 Trailer;
} HOLDER;
static HOLDER *RuleHolder;

static void FreeBlockHolding(SIM_CASE_RUN *Run, POOL_TYPE Type, bool Delete)
{
    RuleHolder = (HOLDER *)ExAllocatePoolWithTag(Type, sizeof(HOLDER), TAG_CUSTOM);
    assert_non_null(RuleHolder);
    assert_int_equal(ExInitializeLookasideListEx(&RuleHolder->List, NULL, NULL, PagedPool, 0,
                                                 BLOCK, TAG_LIST, 0),
                     STATUS_SUCCESS);
    Run->Want[1] = (ULONG_PTR)&RuleHolder->List;
    Run->Want[2] = (ULONG_PTR)RuleHolder;
    Run->Want[3] = sizeof(HOLDER);
    if (Delete) {
        ExDeleteLookasideListEx(&RuleHolder->List);
    }
    ExFreePoolWithTag(RuleHolder, TAG_CUSTOM);
    Run->Status = STATUS_SUCCESS;
}
static void FreeNonPagedHoldingAList(SIM_CASE_RUN *Run)
{
    FreeBlockHolding(Run, NonPagedPoolNx, false);
}
static void FreePagedHoldingAList(SIM_CASE_RUN *Run)
{
    FreeBlockHolding(Run, PagedPool, false);
}
static void FreeHoldingADeletedList(SIM_CASE_RUN *Run)
{
    FreeBlockHolding(Run, NonPagedPoolNx, true);
}

SIM_TEST(LookasideRules)
{
    static const SIM_CASE Cases[] = {
        {"a paged list is used at APC_LEVEL at most: 0xC4/0x20006 (rule IrqlExApcLte2)",
         PagedAllocateAtDispatch, SIM_BUGCHECKS(0xC4, 0x20006, SIM_ANY, DISPATCH_LEVEL, 0), NULL},
        {"an Ex list of a paged type too: 0xA", PagedExAllocateAtDispatch,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, DISPATCH_LEVEL, 0, SIM_ANY), NULL},
        {"a nonpaged list works at DISPATCH_LEVEL", NPagedAllocateAtDispatch,
         SIM_RETURNS(STATUS_SUCCESS), NULL},
        {"a nonpaged list above DISPATCH_LEVEL: 0xA", NPagedAllocateAboveDispatch,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, DISPATCH_LEVEL + 1, 0, SIM_ANY), NULL},
        {"initializing an active list: 0xC4/0xCA", InitializeTwice,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCA, SIM_ANY, 0, 0), NULL},
        {"deleting a list never initialized: 0xC4/0xCB", DeleteNeverInitialized,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, SIM_ANY, 0, 0), NULL},
        {"deleting a list twice: 0xC4/0xCB", DeleteTwice,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, SIM_ANY, 0, 0), NULL},
        {"allocating from a deleted list: 0xC4/0xCB", AllocateAfterDelete,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, SIM_ANY, 0, 0), NULL},
        {"a block smaller than LOOKASIDE_MINIMUM_BLOCK_SIZE: 0xC4/0xCD", BlockTooSmall,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCD, SIM_ANY, 4,
                       LOOKASIDE_MINIMUM_BLOCK_SIZE), NULL},
        {"freeing nonpaged pool that holds an active list: 0xC4/0xCC (list, block, size)",
         FreeNonPagedHoldingAList,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCC, SIM_ANY, SIM_ANY, SIM_ANY), NULL},
        {"paged pool too", FreePagedHoldingAList,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCC, SIM_ANY, SIM_ANY, SIM_ANY), NULL},
        {"a list deleted first: the block is freed", FreeHoldingADeletedList,
         SIM_RETURNS(STATUS_SUCCESS), NULL},
    };
    SIM_RUN_CASES(Cases);
}

/* Under special pool the block is a special one; Verifier's check is the same. */
SIM_TEST_F(FreeingSpecialPoolHoldingAListStops, SimTestSetup, TeardownDefault)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.SpecialPool.Enabled = TRUE; /* every tag, every size */
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    HOLDER *Holder = (HOLDER *)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(HOLDER), TAG_CUSTOM);
    assert_non_null(Holder);
    SIM_SPECIAL_BLOCK_INFO Info;
    assert_true(SimQuerySpecialPoolBlock(Holder, &Info));
    assert_int_equal(Info.State, SimSpecialAllocated);
    assert_int_equal(ExInitializeLookasideListEx(&Holder->List, NULL, NULL, NonPagedPoolNx, 0,
                                                 BLOCK, TAG_LIST, 0),
                     STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCC, (ULONG_PTR)&Holder->List,
                         (ULONG_PTR)Holder, sizeof(HOLDER), ExFreePoolWithTag(Holder, TAG_CUSTOM));
}

/* ---- The unload check ---- */

SIM_TEST_F(UnloadReportsAListNotDeleted, SimTestSetup, TeardownDefault)
{
    SimTestSetStrict(FALSE);
    static NPAGED_LOOKASIDE_LIST List;
    ExInitializeNPagedLookasideList(&List, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    PVOID Entry = ExAllocateFromNPagedLookasideList(&List);
    SIM_UNLOAD_REPORT Report;
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.LookasideLists, 1);
    assert_int_equal(Report.PoolAllocations, 1); /* the outstanding entry */
    ExFreeToNPagedLookasideList(&List, Entry);
    ExDeleteNPagedLookasideList(&List);
    assert_true(SimDriverUnload(&Report));
    assert_int_equal(Report.LookasideLists, 0);
}

SIM_TEST(StrictUnloadStopsOnAListNotDeleted)
{
    static LOOKASIDE_LIST_EX List;
    assert_int_equal(ExInitializeLookasideListEx(&List, NULL, NULL, PagedPool, 0, BLOCK, TAG_LIST,
                                                 0),
                     STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCC, (ULONG_PTR)&List,
                         (ULONG_PTR)&List, sizeof(List), SimDriverUnload(NULL));
}

/* A list whose memory goes away undeleted - here a stack frame, as a test
 * that fails an assertion inside leaves it - is reported, and the check
 * reads only what mmsim keeps: the frame's bytes (overwritten below) are
 * not followed as list links. */
static __attribute__((noinline)) PVOID InitializeListInAFrameThatEnds(void)
{
    NPAGED_LOOKASIDE_LIST Local;
    ExInitializeNPagedLookasideList(&Local, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    PVOID Where = &Local;
    __asm__ __volatile__("" : : "g"(Where) : "memory");
    return Where;
}
static __attribute__((noinline)) void OverwriteTheStack(void)
{
    volatile UCHAR Bytes[4 * sizeof(NPAGED_LOOKASIDE_LIST)];
    for (size_t i = 0; i < sizeof(Bytes); i++) {
        Bytes[i] = 0xA5;
    }
}

SIM_TEST_F(AListInMemoryThatWentAwayIsReportedNotFollowed, SimTestSetup, TeardownDefault)
{
    SimTestSetStrict(FALSE);
    PVOID Gone = InitializeListInAFrameThatEnds();
    OverwriteTheStack();
    SIM_BUGCHECK Stop;
    SIM_UNLOAD_REPORT Report;
    volatile BOOLEAN Clean = TRUE;
    SIM_CATCH_BUGCHECK(&Stop, Clean = SimDriverUnload(&Report));
    assert_false(Stop.Caught); /* before: 0x1E, the host's SIGSEGV in the walk */
    assert_false(Clean);
    assert_int_equal(Report.LookasideLists, 1);
    (void)Gone;
    SimReset(); /* forget the list: its memory is gone */
}

/* The same for a list in system space unmapped since: nothing of it is read. */
SIM_TEST_F(AListInUnmappedMemoryIsReportedNotRead, SimTestSetup, TeardownDefault)
{
    SimTestSetStrict(FALSE);
    PMDL Mdl;
    PNPAGED_LOOKASIDE_LIST List = (PNPAGED_LOOKASIDE_LIST)SimTestMapPage(&Mdl);
    assert_non_null(List);
    ExInitializeNPagedLookasideList(List, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    MmUnmapLockedPages(List, Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    SIM_BUGCHECK Stop;
    SIM_UNLOAD_REPORT Report;
    volatile BOOLEAN Clean = TRUE;
    SIM_CATCH_BUGCHECK(&Stop, Clean = SimDriverUnload(&Report));
    assert_false(Stop.Caught); /* before: 0x50, the list's counters read through no PTE */
    assert_false(Clean);
    assert_int_equal(Report.LookasideLists, 1);
    SimReset();
}

/* Entries allocated from a deleted list and never freed are pool leaks. */
SIM_TEST_F(OutstandingEntriesAreReportedAsPool, SimTestSetup, TeardownDefault)
{
    SimTestSetStrict(FALSE);
    static PAGED_LOOKASIDE_LIST List;
    ExInitializePagedLookasideList(&List, NULL, NULL, 0, BLOCK, TAG_LIST, 0);
    PVOID Entry = ExAllocateFromPagedLookasideList(&List);
    ExDeletePagedLookasideList(&List);
    SIM_UNLOAD_REPORT Report;
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.LookasideLists, 0);
    assert_int_equal(Report.PoolAllocations, 1);
    assert_int_equal(Report.PoolBytes, BLOCK);
    ExFreePoolWithTag(Entry, TAG_LIST);
}

SIM_TEST(LookasideRoutinesAreExported)
{
    static const struct {
        const WCHAR *Name;
        PVOID Routine;
    } Exports[] = {
        {L"ExInitializeNPagedLookasideList", (PVOID)(ULONG_PTR)ExInitializeNPagedLookasideList},
        {L"ExDeletePagedLookasideList", (PVOID)(ULONG_PTR)ExDeletePagedLookasideList},
        {L"ExInitializeLookasideListEx", (PVOID)(ULONG_PTR)ExInitializeLookasideListEx},
        {L"ExpInterlockedPopEntrySList", (PVOID)(ULONG_PTR)ExpInterlockedPopEntrySList},
        {L"InitializeSListHead", (PVOID)(ULONG_PTR)InitializeSListHead},
    };
    for (size_t i = 0; i < sizeof(Exports) / sizeof(Exports[0]); i++) {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, Exports[i].Name);
        assert_ptr_equal(MmGetSystemRoutineAddress(&Name), Exports[i].Routine);
    }
}

/* ---- SLISTs ---- */

typedef struct DECLSPEC_ALIGN(16) _ITEM {
    SLIST_ENTRY Entry;
    ULONG Value;
} ITEM;

SIM_TEST(SListIsLifoAndCountsItsDepth)
{
    static SLIST_HEADER Head;
    static ITEM Items[3];
    InitializeSListHead(&Head);
    assert_int_equal(QueryDepthSList(&Head), 0);
    assert_null(InterlockedPushEntrySList(&Head, &Items[0].Entry));
    assert_ptr_equal(InterlockedPushEntrySList(&Head, &Items[1].Entry), &Items[0].Entry);
    assert_ptr_equal(ExInterlockedPushEntrySList(&Head, &Items[2].Entry, NULL), &Items[1].Entry);
    assert_int_equal(ExQueryDepthSList(&Head), 3);
    assert_ptr_equal(InterlockedPopEntrySList(&Head), &Items[2].Entry);
    assert_int_equal(ExQueryDepthSList(&Head), 2);
    PSLIST_ENTRY Chain = InterlockedFlushSList(&Head); /* the rest, newest first */
    assert_ptr_equal(Chain, &Items[1].Entry);
    assert_ptr_equal(Chain->Next, &Items[0].Entry);
    assert_null(Chain->Next->Next);
    assert_int_equal(ExQueryDepthSList(&Head), 0);
    assert_null(ExInterlockedPopEntrySList(&Head, NULL));
}

SIM_TEST(SListRaisesOnMisalignment)
{
    static DECLSPEC_ALIGN(16) UCHAR Raw[64];
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, InitializeSListHead((PSLIST_HEADER)(PVOID)(Raw + 8)));
    assert_int_equal(Status, STATUS_DATATYPE_MISALIGNMENT);
    PSLIST_HEADER Head = (PSLIST_HEADER)(PVOID)Raw;
    InitializeSListHead(Head);
    SIM_TRY_STATUS(&Status, (void)InterlockedPushEntrySList(Head, (PSLIST_ENTRY)(PVOID)(Raw + 40)));
    assert_int_equal(Status, STATUS_DATATYPE_MISALIGNMENT);
    assert_int_equal(ExQueryDepthSList(Head), 0);
}

/* Threads pop an item, write it, push it back: none is lost or doubled. */
#define THREADS 4
#define ROUNDS 20000
#define ITEMS 64
static SLIST_HEADER Shared;
static ITEM Pool[ITEMS];

static void *Churn(void *Argument)
{
    ULONG Id = (ULONG)(ULONG_PTR)Argument;
    for (int r = 0; r < ROUNDS; r++) {
        ITEM *Item = (ITEM *)(PVOID)InterlockedPopEntrySList(&Shared);
        if (Item != NULL) {
            Item->Value = Id; /* the item is ours alone now */
            InterlockedPushEntrySList(&Shared, &Item->Entry);
        }
    }
    return NULL;
}

SIM_TEST(SListSurvivesConcurrentPushAndPop)
{
    InitializeSListHead(&Shared);
    for (int i = 0; i < ITEMS; i++) {
        InterlockedPushEntrySList(&Shared, &Pool[i].Entry);
    }
    pthread_t Threads[THREADS];
    for (ULONG t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_create(&Threads[t], NULL, Churn, (void *)(ULONG_PTR)t), 0);
    }
    for (ULONG t = 0; t < THREADS; t++) {
        pthread_join(Threads[t], NULL);
    }
    assert_int_equal(ExQueryDepthSList(&Shared), ITEMS);
    bool Found[ITEMS] = {false};
    ULONG Count = 0;
    for (PSLIST_ENTRY e = InterlockedFlushSList(&Shared); e != NULL; e = e->Next, Count++) {
        ULONG Index = (ULONG)((ITEM *)(PVOID)e - Pool);
        assert_true(Index < ITEMS);
        assert_false(Found[Index]);
        Found[Index] = true;
    }
    assert_int_equal(Count, ITEMS);
}

int main(void)
{
    return SimRunTests("test_lookaside", NULL, NULL);
}
