/*
 * test_resource.c - executive resources (ERESOURCE) as a specification
 * (docs/ex-sync.md).
 *
 *   A holds      waiting        B asks (Wait FALSE)    granted?
 *   -            -              exclusive              yes
 *   shared       -              shared                 yes
 *   shared       -              exclusive              no
 *   exclusive    -              shared / starve        no
 *   shared       C exclusive    shared                 no   (writers first)
 *   shared       C exclusive    starve exclusive       yes
 *   shared       C exclusive    wait for exclusive     no
 *
 * Every acquisition is made with normal kernel APCs disabled (IRQL
 * APC_LEVEL here, or the ExEnterCriticalRegionAndAcquire* forms).
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#endif
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include <mmsim_cmocka.h>

static ERESOURCE Resource;

static void Pause(void)
{
    struct timespec Ms = {0, 1000000};
    nanosleep(&Ms, NULL);
}

typedef enum { None, Exclusive, Shared, Starve, WaitForExclusive } ASK_MODE;

/* Acquires at APC_LEVEL (APCs disabled), then drops back. */
static BOOLEAN Acquire(ASK_MODE Mode, BOOLEAN Wait)
{
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    BOOLEAN Got = FALSE;
    switch (Mode) {
    case Exclusive: Got = ExAcquireResourceExclusiveLite(&Resource, Wait); break;
    case Shared: Got = ExAcquireResourceSharedLite(&Resource, Wait); break;
    case Starve: Got = ExAcquireSharedStarveExclusive(&Resource, Wait); break;
    case WaitForExclusive: Got = ExAcquireSharedWaitForExclusive(&Resource, Wait); break;
    case None: break;
    }
    KeLowerIrql(Old);
    return Got;
}

/* ---- Another thread's request ---- */
typedef struct {
    ASK_MODE Mode;
    BOOLEAN Wait;
    BOOLEAN Got;
    BOOLEAN ReleaseAfter;
} REQUEST;

static void *Requester(void *Argument)
{
    REQUEST *Request = (REQUEST *)Argument;
    Request->Got = Acquire(Request->Mode, Request->Wait);
    if (Request->Got && Request->ReleaseAfter) {
        ExReleaseResourceLite(&Resource);
    }
    return NULL;
}

static BOOLEAN AskFromAnotherThread(ASK_MODE Mode)
{
    REQUEST Request = {Mode, FALSE, FALSE, TRUE};
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, Requester, &Request), 0);
    pthread_join(Thread, NULL);
    return Request.Got;
}

/* A thread blocked in an exclusive acquisition until the holders let go. */
static pthread_t StartExclusiveWaiter(REQUEST *Request)
{
    Request->Mode = Exclusive;
    Request->Wait = TRUE;
    Request->ReleaseAfter = TRUE;
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, Requester, Request), 0);
    while (ExGetExclusiveWaiterCount(&Resource) != 1) {
        Pause();
    }
    return Thread;
}

typedef struct {
    ASK_MODE Held;           /* by this thread */
    bool ExclusiveWaiter;
    ASK_MODE Asked;          /* by another thread, Wait FALSE */
    BOOLEAN Granted;
} GRANT_ROW;

SIM_TEST(GrantRules)
{
    static const GRANT_ROW Rows[] = {
        {None, false, Exclusive, TRUE},
        {Shared, false, Shared, TRUE},
        {Shared, false, Exclusive, FALSE},
        {Exclusive, false, Shared, FALSE},
        {Exclusive, false, Starve, FALSE},
        {Shared, true, Shared, FALSE},
        {Shared, true, Starve, TRUE},
        {Shared, true, WaitForExclusive, FALSE},
    };
    for (size_t r = 0; r < sizeof(Rows) / sizeof(Rows[0]); r++) {
        assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
        if (Rows[r].Held != None) {
            assert_true(Acquire(Rows[r].Held, TRUE));
        }
        REQUEST Waiter;
        pthread_t WaiterThread = 0;
        if (Rows[r].ExclusiveWaiter) {
            WaiterThread = StartExclusiveWaiter(&Waiter);
        }
        if (AskFromAnotherThread(Rows[r].Asked) != Rows[r].Granted) {
            fail_msg("row %zu: held %d, waiter %d, asked %d: expected granted=%d", r,
                     Rows[r].Held, Rows[r].ExclusiveWaiter, Rows[r].Asked, Rows[r].Granted);
        }
        if (Rows[r].Held != None) {
            ExReleaseResourceLite(&Resource);
        }
        if (Rows[r].ExclusiveWaiter) {
            pthread_join(WaiterThread, NULL); /* granted once we let go */
            assert_true(Waiter.Got);
        }
        assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
    }
}

/* A shared owner may acquire again despite an exclusive waiter - except
 * with ExAcquireSharedWaitForExclusive. */
SIM_TEST(SharedOwnerRecursionAndWaitForExclusive)
{
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    assert_true(Acquire(Shared, TRUE));
    REQUEST Waiter;
    pthread_t Thread = StartExclusiveWaiter(&Waiter);
    assert_true(Acquire(Shared, FALSE));
    assert_false(Acquire(WaitForExclusive, FALSE));
    assert_int_equal(ExIsResourceAcquiredSharedLite(&Resource), 2);
    ExReleaseResourceLite(&Resource);
    ExReleaseResourceLite(&Resource);
    pthread_join(Thread, NULL);
    assert_true(Waiter.Got);
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
}

/* The exclusive owner's every acquisition is recursive. */
SIM_TEST(ExclusiveOwnerRecursion)
{
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    assert_true(Acquire(Exclusive, TRUE));
    assert_true(Acquire(Shared, FALSE));
    assert_true(Acquire(Exclusive, FALSE));
    assert_true(ExIsResourceAcquiredExclusiveLite(&Resource));
    assert_int_equal(ExIsResourceAcquiredSharedLite(&Resource), 3);
    assert_true((Resource.Flag & ResourceOwnedExclusive) != 0);
    for (int i = 0; i < 3; i++) {
        ExReleaseResourceLite(&Resource);
    }
    assert_false(ExIsResourceAcquiredExclusiveLite(&Resource));
    assert_int_equal(ExIsResourceAcquiredSharedLite(&Resource), 0);
    assert_true(AskFromAnotherThread(Exclusive));
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
}

SIM_TEST(ConvertExclusiveToShared)
{
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    assert_true(Acquire(Exclusive, TRUE));
    assert_false(AskFromAnotherThread(Shared));
    ExConvertExclusiveToSharedLite(&Resource);
    assert_false(ExIsResourceAcquiredExclusiveLite(&Resource));
    assert_int_equal(ExIsResourceAcquiredSharedLite(&Resource), 1);
    assert_true(AskFromAnotherThread(Shared));
    assert_false(AskFromAnotherThread(Exclusive));
    ExReleaseResourceLite(&Resource);
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
}

/* Waiters are counted while they wait and woken when the owner lets go. */
SIM_TEST(WaitersAreCountedAndWoken)
{
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    assert_true(Acquire(Exclusive, TRUE));
    REQUEST Readers[2] = {{Shared, TRUE, FALSE, TRUE}, {Shared, TRUE, FALSE, TRUE}};
    pthread_t Threads[2];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_create(&Threads[i], NULL, Requester, &Readers[i]), 0);
    }
    while (ExGetSharedWaiterCount(&Resource) != 2) {
        Pause();
    }
    assert_int_equal(ExGetExclusiveWaiterCount(&Resource), 0);
    ExReleaseResourceLite(&Resource);
    for (int i = 0; i < 2; i++) {
        pthread_join(Threads[i], NULL);
        assert_true(Readers[i].Got);
    }
    assert_int_equal(ExGetSharedWaiterCount(&Resource), 0);
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
}

/* Ownership handed to an owner pointer is released by another thread. */
static void *ReleaseForOwner(void *Argument)
{
    ExReleaseResourceForThreadLite(&Resource, (ERESOURCE_THREAD)Argument);
    return NULL;
}

SIM_TEST(OwnerPointerIsReleasedByAnotherThread)
{
    static UCHAR Owner[4];
    PVOID OwnerPointer = (PVOID)((ULONG_PTR)Owner | 3);
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    assert_true(Acquire(Exclusive, TRUE));
    ExSetResourceOwnerPointer(&Resource, OwnerPointer);
    assert_false(ExIsResourceAcquiredExclusiveLite(&Resource)); /* not ours any more */
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, ReleaseForOwner, OwnerPointer), 0);
    pthread_join(Thread, NULL);
    assert_true(AskFromAnotherThread(Exclusive));
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
}

/* The critical-region forms disable APCs around the ownership. */
SIM_TEST(CriticalRegionForms)
{
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    (void)ExEnterCriticalRegionAndAcquireResourceExclusive(&Resource); /* at PASSIVE_LEVEL */
    assert_true(ExIsResourceAcquiredExclusiveLite(&Resource));
    ExReleaseResourceAndLeaveCriticalRegion(&Resource);
    (void)ExEnterCriticalRegionAndAcquireResourceShared(&Resource);
    (void)ExEnterCriticalRegionAndAcquireSharedWaitForExclusive(&Resource);
    assert_int_equal(ExIsResourceAcquiredSharedLite(&Resource), 2);
    ExReleaseResourceAndLeaveCriticalRegion(&Resource);
    ExReleaseResourceAndLeaveCriticalRegion(&Resource);
    /* out of the region again: a plain acquisition at PASSIVE_LEVEL is refused */
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x37,
                        (void)ExAcquireResourceSharedLite(&Resource, TRUE));
}

/* Readers and writers on one counter: every write is seen, none is lost. */
#define THREADS 4
#define ROUNDS 2000
static LONG Counter;

static void *Mixed(void *Argument)
{
    ULONG Id = (ULONG)(ULONG_PTR)Argument;
    for (int r = 0; r < ROUNDS; r++) {
        if ((r + (int)Id) % 4 == 0) {
            (void)ExEnterCriticalRegionAndAcquireResourceExclusive(&Resource);
            Counter++; /* exclusive: a plain update is safe */
            ExReleaseResourceAndLeaveCriticalRegion(&Resource);
        } else {
            (void)ExEnterCriticalRegionAndAcquireResourceShared(&Resource);
            LONG Seen = Counter;
            (void)Seen;
            ExReleaseResourceAndLeaveCriticalRegion(&Resource);
        }
    }
    return NULL;
}

SIM_TEST(ReadersAndWritersLoseNoUpdate)
{
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    Counter = 0;
    pthread_t Threads[THREADS];
    for (ULONG t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_create(&Threads[t], NULL, Mixed, (void *)(ULONG_PTR)t), 0);
    }
    for (ULONG t = 0; t < THREADS; t++) {
        pthread_join(Threads[t], NULL);
    }
    assert_int_equal(Counter, THREADS * ROUNDS / 4);
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);
}

/* ---- Rules ---- */

static void AcquireWithApcsEnabled(SIM_CASE_RUN *Run)
{
    Run->Want[3] = (ULONG_PTR)&Resource;
    (void)ExInitializeResourceLite(&Resource);
    (void)ExAcquireResourceExclusiveLite(&Resource, TRUE);
}
static void AcquireAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    (void)ExInitializeResourceLite(&Resource);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)ExAcquireResourceSharedLite(&Resource, FALSE);
}
static void ReleaseNotOwned(SIM_CASE_RUN *Run)
{
    Run->Want[0] = (ULONG_PTR)&Resource;
    (void)ExInitializeResourceLite(&Resource);
    ExReleaseResourceLite(&Resource);
}
static void ReleaseAnotherThreadsShare(SIM_CASE_RUN *Run)
{
    Run->Want[0] = (ULONG_PTR)&Resource;
    (void)ExInitializeResourceLite(&Resource);
    REQUEST Holder = {Shared, TRUE, FALSE, FALSE}; /* keeps its share */
    pthread_t Thread;
    pthread_create(&Thread, NULL, Requester, &Holder);
    pthread_join(Thread, NULL);
    ExReleaseResourceLite(&Resource);
}
static void ConvertNotOwned(SIM_CASE_RUN *Run)
{
    Run->Want[0] = (ULONG_PTR)&Resource;
    (void)ExInitializeResourceLite(&Resource);
    (void)Acquire(Shared, TRUE);
    ExConvertExclusiveToSharedLite(&Resource);
}
static void DeleteAcquired(SIM_CASE_RUN *Run)
{
    Run->Want[1] = Run->Want[3] = (ULONG_PTR)&Resource;
    (void)ExInitializeResourceLite(&Resource);
    (void)Acquire(Exclusive, TRUE);
    (void)ExDeleteResourceLite(&Resource);
}
static void DeleteTwice(SIM_CASE_RUN *Run)
{
    (void)Run;
    (void)ExInitializeResourceLite(&Resource);
    (void)ExDeleteResourceLite(&Resource);
    (void)ExDeleteResourceLite(&Resource);
}

/* A driver's context block holding a resource past its start. */
typedef struct _RESOURCE_HOLDER {
    ULONG64 Header;
    ERESOURCE Lock;
} RESOURCE_HOLDER;

static void FreeBlockHoldingAResource(SIM_CASE_RUN *Run, bool Delete)
{
    RESOURCE_HOLDER *Holder = (RESOURCE_HOLDER *)ExAllocatePool2(
        POOL_FLAG_NON_PAGED, sizeof(RESOURCE_HOLDER), 'seRH');
    assert_non_null(Holder);
    assert_int_equal(ExInitializeResourceLite(&Holder->Lock), STATUS_SUCCESS);
    Run->Want[1] = (ULONG_PTR)&Holder->Lock;
    Run->Want[3] = (ULONG_PTR)Holder;
    if (Delete) {
        assert_int_equal(ExDeleteResourceLite(&Holder->Lock), STATUS_SUCCESS);
    }
    ExFreePoolWithTag(Holder, 'seRH');
    Run->Status = STATUS_SUCCESS;
}
static void FreeHoldingAResource(SIM_CASE_RUN *Run)
{
    FreeBlockHoldingAResource(Run, false);
}
static void FreeHoldingADeletedResource(SIM_CASE_RUN *Run)
{
    FreeBlockHoldingAResource(Run, true);
}
static void InitializeTwiceDeleteOnceFree(SIM_CASE_RUN *Run)
{
    RESOURCE_HOLDER *Holder = (RESOURCE_HOLDER *)ExAllocatePool2(
        POOL_FLAG_NON_PAGED, sizeof(RESOURCE_HOLDER), 'seRH');
    assert_non_null(Holder);
    (void)ExInitializeResourceLite(&Holder->Lock);
    (void)ExInitializeResourceLite(&Holder->Lock);
    (void)ExDeleteResourceLite(&Holder->Lock);
    ExFreePoolWithTag(Holder, 'seRH');
    Run->Status = STATUS_SUCCESS;
}

SIM_TEST(ResourceRules)
{
    static const SIM_CASE Cases[] = {
        {"acquiring with normal kernel APCs enabled: 0xC4/0x37", AcquireWithApcsEnabled,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x37, PASSIVE_LEVEL, 0, SIM_ANY),
         NULL},
        {"acquiring above APC_LEVEL: 0xC4/0x20007 (rule IrqlExApcLte3, IRQL, 0)",
         AcquireAtDispatch,
         SIM_BUGCHECKS(0xC4, 0x20007, SIM_ANY, DISPATCH_LEVEL, 0), NULL},
        {"releasing a resource nobody owns: 0xE3", ReleaseNotOwned,
         SIM_BUGCHECKS(0xE3, SIM_ANY, SIM_ANY, 0, 0), NULL},
        {"releasing another thread's share: 0xE3", ReleaseAnotherThreadsShare,
         SIM_BUGCHECKS(0xE3, SIM_ANY, SIM_ANY, 0, 0), NULL},
        {"converting without exclusive ownership: 0xE3", ConvertNotOwned,
         SIM_BUGCHECKS(0xE3, SIM_ANY, SIM_ANY, 0, 0), NULL},
        {"deleting an owned resource: 0xC4/0x17", DeleteAcquired,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x17, SIM_ANY, 0, SIM_ANY), NULL},
        {"deleting a deleted resource: an access violation at 8 (0x1E)", DeleteTwice,
         SIM_BUGCHECKS(0x1E, (ULONG)STATUS_ACCESS_VIOLATION, SIM_ANY, 1, 8), NULL},
        {"freeing pool that holds a resource not deleted: 0xC4/0x17 (resource, pool type, "
         "block)", FreeHoldingAResource,
         SIM_BUGCHECKS(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x17, SIM_ANY, NonPagedPool, SIM_ANY),
         NULL},
        {"a resource deleted first: the block is freed", FreeHoldingADeletedResource,
         SIM_RETURNS(STATUS_SUCCESS), NULL},
        {"initialized twice, deleted once: the block is freed", InitializeTwiceDeleteOnceFree,
         SIM_RETURNS(STATUS_SUCCESS), NULL},
    };
    SIM_RUN_CASES(Cases);
}

SIM_TEST(ResourceRoutinesAreExported)
{
    static const struct {
        const WCHAR *Name;
        PVOID Routine;
    } Exports[] = {
        {L"ExInitializeResourceLite", (PVOID)(ULONG_PTR)ExInitializeResourceLite},
        {L"ExAcquireResourceExclusiveLite", (PVOID)(ULONG_PTR)ExAcquireResourceExclusiveLite},
        {L"ExReleaseResourceLite", (PVOID)(ULONG_PTR)ExReleaseResourceLite},
        {L"ExDeleteResourceLite", (PVOID)(ULONG_PTR)ExDeleteResourceLite},
    };
    for (size_t i = 0; i < sizeof(Exports) / sizeof(Exports[0]); i++) {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, Exports[i].Name);
        assert_ptr_equal(MmGetSystemRoutineAddress(&Name), Exports[i].Routine);
    }
}

int main(void)
{
    return SimRunTests("test_resource", NULL, NULL);
}
