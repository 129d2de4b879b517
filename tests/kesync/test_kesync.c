/*
 * test_kesync.c - the kernel dispatcher (docs/ke-sync.md): DPCs, kernel and
 * executive timers, semaphores, kernel and guarded mutexes, multi-object
 * waits, pulsed events, critical and guarded regions, thread objects.
 *
 *   driver thread (processor A)            clock thread (processor B)
 *   KeInsertQueueDpc at PASSIVE -> runs now      timers expire here:
 *   KeInsertQueueDpc at DISPATCH -> runs in      signal, wake waiters,
 *     the KeLowerIrql below DISPATCH             run the timer's DPC
 *   targeted at another processor -------------> runs here
 *
 * No assertion on time: a test waits for an outcome (a signalled timer, a
 * finished thread) and asserts on order and status only.
 */
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if !defined(_WIN32)
#include <unistd.h>
#endif

#include <ntddk.h>

#include "mmsim_cmocka.h"

#include "faulting_waiter.h"

#define TAG_KESY 'ySeK'

/* A wait that ends a test which would otherwise hang (a generous bound, not
 * a timing assertion). */
static LARGE_INTEGER Bound = {{(ULONG)(-300000000LL & 0xFFFFFFFF), -1}}; /* 30 s */

/* Relative due times and timeouts (100 ns units). */
static LARGE_INTEGER Relative(LONGLONG Milliseconds)
{
    LARGE_INTEGER Value;
    Value.QuadPart = -Milliseconds * 10000;
    return Value;
}

/* ---------------------------------------------------------------------- */
/* Helpers: a second driver thread.                                       */
/* ---------------------------------------------------------------------- */
typedef struct _WAITER {
    pthread_t Thread;
    PVOID Objects[3];
    ULONG Count;
    WAIT_TYPE Type;
    volatile LONG Done;
    NTSTATUS Status;
} WAITER;

static void *WaiterMain(void *Context)
{
    WAITER *Waiter = (WAITER *)Context;
    if (Waiter->Count == 1) {
        Waiter->Status = KeWaitForSingleObject(Waiter->Objects[0], Executive, KernelMode, FALSE,
                                               NULL);
    } else {
        Waiter->Status = KeWaitForMultipleObjects(Waiter->Count, Waiter->Objects, Waiter->Type,
                                                  Executive, KernelMode, FALSE, NULL, NULL);
    }
    __atomic_store_n(&Waiter->Done, 1, __ATOMIC_RELEASE);
    return NULL;
}

static void StartWaiter(WAITER *Waiter)
{
    assert_int_equal(pthread_create(&Waiter->Thread, NULL, WaiterMain, Waiter), 0);
}

static NTSTATUS JoinWaiter(WAITER *Waiter)
{
    pthread_join(Waiter->Thread, NULL);
    return Waiter->Status;
}

static BOOLEAN WaiterDone(WAITER *Waiter)
{
    return __atomic_load_n(&Waiter->Done, __ATOMIC_ACQUIRE) ? TRUE : FALSE;
}

/* ---------------------------------------------------------------------- */
/* DPCs.                                                                  */
/* ---------------------------------------------------------------------- */
typedef struct _DPC_LOG {
    ULONG Runs;
    KIRQL Irql;
    PVOID Context, Argument1, Argument2;
    char Order[8];
} DPC_LOG;

static VOID NTAPI LogDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    DPC_LOG *Log = (DPC_LOG *)Context;
    Log->Irql = KeGetCurrentIrql();
    Log->Context = Context;
    Log->Argument1 = Argument1;
    Log->Argument2 = Argument2;
    __atomic_add_fetch(&Log->Runs, 1, __ATOMIC_RELEASE);
}

SIM_TEST(DpcQueuedBelowDispatchRunsAtOnceAtDispatchLevel)
{
    DPC_LOG Log = {0};
    KDPC Dpc;
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    assert_true(KeInsertQueueDpc(&Dpc, (PVOID)1, (PVOID)2));
    assert_int_equal(Log.Runs, 1); /* before KeInsertQueueDpc returned */
    assert_int_equal(Log.Irql, DISPATCH_LEVEL);
    assert_ptr_equal(Log.Argument1, (PVOID)1);
    assert_ptr_equal(Log.Argument2, (PVOID)2);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

SIM_TEST(DpcQueuedAtDispatchRunsWhenTheIrqlDrops)
{
    DPC_LOG Log = {0};
    KDPC Dpc;
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL));
    assert_false(KeInsertQueueDpc(&Dpc, NULL, NULL)); /* queued already */
    assert_int_equal(Log.Runs, 0);
    KeLowerIrql(Old);
    assert_int_equal(Log.Runs, 1);
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL)); /* dequeued before it ran */
    assert_int_equal(Log.Runs, 2);
}

SIM_TEST(RemovedDpcNeverRuns)
{
    DPC_LOG Log = {0};
    KDPC Dpc;
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL));
    assert_true(KeRemoveQueueDpc(&Dpc));
    assert_false(KeRemoveQueueDpc(&Dpc));
    KeLowerIrql(Old);
    assert_int_equal(Log.Runs, 0);
}

static char RunOrder[8];
static int RunCount;

static VOID NTAPI OrderDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Argument1;
    (void)Argument2;
    RunOrder[RunCount++] = (char)(ULONG_PTR)Context;
}

SIM_TEST(HighImportanceDpcRunsFirst)
{
    KDPC Low, Medium, High;
    KeInitializeDpc(&Low, OrderDpc, (PVOID)'L');
    KeInitializeDpc(&Medium, OrderDpc, (PVOID)'M');
    KeInitializeDpc(&High, OrderDpc, (PVOID)'H');
    KeSetImportanceDpc(&Low, LowImportance);
    KeSetImportanceDpc(&High, HighImportance);
    RunCount = 0;
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    KeInsertQueueDpc(&Low, NULL, NULL);
    KeInsertQueueDpc(&Medium, NULL, NULL);
    KeInsertQueueDpc(&High, NULL, NULL);
    KeLowerIrql(Old);
    assert_int_equal(RunCount, 3);
    assert_memory_equal(RunOrder, "HLM", 3);
}

SIM_TEST(ThreadedDpcRunsAtPassiveLevel)
{
    DPC_LOG Log = {0};
    KDPC Dpc;
    KeInitializeThreadedDpc(&Dpc, LogDpc, &Log);
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL));
    assert_int_equal(Log.Runs, 1);
    assert_int_equal(Log.Irql, PASSIVE_LEVEL);
}

SIM_TEST(DpcTargetedAtAnotherProcessorRunsThereAndIsFlushed)
{
    DPC_LOG Log = {0};
    KDPC Dpc;
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    /* The simulated processors are the host's: on a one-processor host the
     * only other processor there is, is this one (the DPC runs here). */
    CCHAR Other = KeQueryActiveProcessorCount(NULL) < 2  ? 0
                  : KeGetCurrentProcessorNumber() == 0 ? 1
                                                       : 0;
    KeSetTargetProcessorDpc(&Dpc, Other);
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL));
    KeFlushQueuedDpcs();
    assert_int_equal(__atomic_load_n(&Log.Runs, __ATOMIC_ACQUIRE), 1);
    assert_int_equal(Log.Irql, DISPATCH_LEVEL);
}

SIM_TEST(SpinLockForDpcRaisesOnlyBelowDispatch)
{
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    KIRQL Old = KeAcquireSpinLockForDpc(&Lock);
    assert_int_equal(Old, PASSIVE_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeReleaseSpinLockForDpc(&Lock, Old);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    KLOCK_QUEUE_HANDLE Handle;
    Old = KeRaiseIrqlToDpcLevel();
    KeAcquireInStackQueuedSpinLockAtDpcLevel(&Lock, &Handle);
    assert_int_equal(Lock != 0, 1);
    KeReleaseInStackQueuedSpinLockFromDpcLevel(&Handle);
    KeLowerIrql(Old);
}

/* ---------------------------------------------------------------------- */
/* Bug checks and statuses, one row per rule.                             */
/* ---------------------------------------------------------------------- */
static VOID NTAPI PagedPoolDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Context;
    (void)Argument1;
    (void)Argument2;
    (void)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_KESY);
}
static void PagedPoolInDpc(SIM_CASE_RUN *Run)
{
    (void)Run;
    KDPC Dpc;
    KeInitializeDpc(&Dpc, PagedPoolDpc, NULL);
    KeInsertQueueDpc(&Dpc, NULL, NULL);
}

static VOID NTAPI LowerInDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Context;
    (void)Argument1;
    (void)Argument2;
    KeLowerIrql(PASSIVE_LEVEL);
}
static void LowerIrqlInDpc(SIM_CASE_RUN *Run)
{
    (void)Run;
    KDPC Dpc;
    KeInitializeDpc(&Dpc, LowerInDpc, NULL);
    KeInsertQueueDpc(&Dpc, NULL, NULL);
}

static KMUTEX DpcMutex;

static VOID NTAPI MutexKeepingDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Context;
    (void)Argument1;
    (void)Argument2;
    LARGE_INTEGER Zero = {{0, 0}};
    KIRQL Old = KeGetCurrentIrql();
    KeLowerIrql(Old); /* to the same IRQL: allowed */
    /* Owning a mutex disables normal kernel APCs; the DPC returns with it. */
    (void)KeWaitForSingleObject(&DpcMutex, Executive, KernelMode, FALSE, &Zero);
}
static void DpcLeavesRegionEntered(SIM_CASE_RUN *Run)
{
    KDPC Dpc;
    KeInitializeMutex(&DpcMutex, 0);
    KeInitializeDpc(&Dpc, MutexKeepingDpc, NULL);
    Run->Want[0] = 4;
    Run->Want[1] = (ULONG_PTR)(void *)MutexKeepingDpc;
    KeInsertQueueDpc(&Dpc, NULL, NULL);
}

static void BadTargetProcessor(SIM_CASE_RUN *Run)
{
    KDPC Dpc;
    KeInitializeDpc(&Dpc, LogDpc, NULL);
    Run->Want[1] = (ULONG_PTR)&Dpc;
    KeSetTargetProcessorDpc(&Dpc, (CCHAR)KeQueryActiveProcessorCount(NULL));
}

/* The row's number (Args) of signalled events, waited on together without a
 * wait-block array. */
static const ULONG Three = 3, Four = 4;

static void ObjectsNoWaitBlocks(SIM_CASE_RUN *Run)
{
    ULONG Count = *(const ULONG *)Run->Case->Args;
    KEVENT Events[4];
    PVOID Objects[4];
    for (ULONG i = 0; i < Count; i++) {
        KeInitializeEvent(&Events[i], NotificationEvent, TRUE);
        Objects[i] = &Events[i];
    }
    Run->Status = KeWaitForMultipleObjects(Count, Objects, WaitAll, Executive, KernelMode, FALSE,
                                           NULL, NULL);
}

static void SixtyFiveObjects(SIM_CASE_RUN *Run)
{
    static KEVENT Events[MAXIMUM_WAIT_OBJECTS + 1];
    static PVOID Objects[MAXIMUM_WAIT_OBJECTS + 1];
    static KWAIT_BLOCK Blocks[MAXIMUM_WAIT_OBJECTS + 1];
    for (int i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++) {
        KeInitializeEvent(&Events[i], NotificationEvent, TRUE);
        Objects[i] = &Events[i];
    }
    Run->Status = KeWaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, Objects, WaitAny, Executive,
                                           KernelMode, FALSE, NULL, Blocks);
}

static void MultiWaitAtDispatchWithTimeout(SIM_CASE_RUN *Run)
{
    KEVENT Event;
    PVOID Objects[1] = {&Event};
    LARGE_INTEGER Timeout = Relative(10);
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    Run->Want[0] = (ULONG_PTR)&Event;
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    Run->Status = KeWaitForMultipleObjects(1, Objects, WaitAny, Executive, KernelMode, FALSE,
                                           &Timeout, NULL);
    KeLowerIrql(Old);
}

static void MultiWaitAtDispatchZeroTimeout(SIM_CASE_RUN *Run)
{
    KEVENT Event;
    PVOID Objects[1] = {&Event};
    LARGE_INTEGER Zero = {{0, 0}};
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    Run->Status = KeWaitForMultipleObjects(1, Objects, WaitAny, Executive, KernelMode, FALSE,
                                           &Zero, NULL);
    KeLowerIrql(Old);
}

static void SemaphoreZeroTimeout(SIM_CASE_RUN *Run)
{
    KSEMAPHORE Semaphore;
    LARGE_INTEGER Zero = {{0, 0}};
    KeInitializeSemaphore(&Semaphore, 0, 1);
    Run->Status = KeWaitForSingleObject(&Semaphore, Executive, KernelMode, FALSE, &Zero);
}

static void EventRelativeTimeout(SIM_CASE_RUN *Run)
{
    KEVENT Event;
    LARGE_INTEGER Timeout = Relative(1);
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    Run->Status = KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Timeout);
}

static void ReleaseMutexNotOwned(SIM_CASE_RUN *Run)
{
    (void)Run;
    KMUTEX Mutex;
    KeInitializeMutex(&Mutex, 0);
    (void)KeReleaseMutex(&Mutex, FALSE);
}

static void SemaphoreAboveLimit(SIM_CASE_RUN *Run)
{
    (void)Run;
    KSEMAPHORE Semaphore;
    KeInitializeSemaphore(&Semaphore, 1, 1);
    (void)KeReleaseSemaphore(&Semaphore, SEMAPHORE_INCREMENT, 1, FALSE);
}

static void GuardedMutexTwice(SIM_CASE_RUN *Run)
{
    static KGUARDED_MUTEX Mutex;
    KeInitializeGuardedMutex(&Mutex);
    Run->Want[0] = (ULONG_PTR)&Mutex;
    Run->Want[1] = (ULONG_PTR)KeGetCurrentThread();
    KeAcquireGuardedMutex(&Mutex);
    KeAcquireGuardedMutex(&Mutex);
}

static void DelayAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    LARGE_INTEGER Interval = Relative(1);
    (void)KeRaiseIrqlToDpcLevel();
    (void)KeDelayExecutionThread(KernelMode, FALSE, &Interval);
}

static void FlushAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    (void)KeRaiseIrqlToDpcLevel();
    KeFlushQueuedDpcs();
}

static void AffinityOfNoProcessor(SIM_CASE_RUN *Run)
{
    (void)Run;
    (void)KeSetSystemAffinityThreadEx(0);
}

static void LeaveRegionNeverEntered(SIM_CASE_RUN *Run)
{
    (void)Run;
    KeLeaveCriticalRegion();
}

static void PriorityZero(SIM_CASE_RUN *Run)
{
    (void)Run;
    (void)KeSetPriorityThread(KeGetCurrentThread(), 0);
}

static void DeleteTimerWaitWithoutCancel(SIM_CASE_RUN *Run)
{
    (void)Run;
    PEX_TIMER Timer = ExAllocateTimer(NULL, NULL, 0);
    (void)ExDeleteTimer(Timer, FALSE, TRUE, NULL);
}

#define ANY SIM_ANY
#define STOPS_WITH_RAISE(Status) SIM_BUGCHECKS(0x1E, (ULONG)(Status), ANY, ANY, ANY)

SIM_TEST(DispatcherRules)
{
    static const SIM_CASE Rows[] = {
        /* DPC routines run at DISPATCH_LEVEL: the IRQL rules apply. */
        {"paged pool allocated in a DPC: 0xC4/0x01 (IRQL 2, PagedPool)", PagedPoolInDpc,
         SIM_BUGCHECKS(0xC4, 0x01, DISPATCH_LEVEL, PagedPool, 64), NULL},
        {"KeLowerIrql below DISPATCH_LEVEL in a DPC: 0xC4/0x31, P4 1", LowerIrqlInDpc,
         SIM_BUGCHECKS(0xC4, 0x31, DISPATCH_LEVEL, PASSIVE_LEVEL, 1), NULL},
        {"a DPC routine returns owning a mutex (APCs disabled): 0xC7/4 (routine, 0, -1)",
         DpcLeavesRegionEntered, SIM_BUGCHECKS(0xC7, 4, ANY, 0, (ULONG_PTR)-1), NULL},
        {"DPC targeted at a processor that does not exist: 0xC7/3", BadTargetProcessor,
         SIM_BUGCHECKS(0xC7, 3, ANY, ANY, ANY), NULL},
        {"KeFlushQueuedDpcs above PASSIVE_LEVEL: 0xA", FlushAtDispatch,
         SIM_BUGCHECKS(0x0A, 0, DISPATCH_LEVEL, 0, ANY), NULL},
        /* Waits. */
        {"3 objects without a wait-block array (THREAD_WAIT_OBJECTS) are fine",
         ObjectsNoWaitBlocks, SIM_RETURNS(STATUS_SUCCESS), &Three},
        {"4 objects without a wait-block array: 0xC", ObjectsNoWaitBlocks,
         SIM_BUGCHECKS(0x0C, 0, 0, 0, 0), &Four},
        {"65 objects with a wait-block array: 0xC", SixtyFiveObjects,
         SIM_BUGCHECKS(0x0C, 0, 0, 0, 0), NULL},
        {"multi-object wait at DISPATCH_LEVEL with a timeout: 0xA (object, IRQL)",
         MultiWaitAtDispatchWithTimeout, SIM_BUGCHECKS(0x0A, ANY, DISPATCH_LEVEL, 0, ANY), NULL},
        {"multi-object wait at DISPATCH_LEVEL, zero timeout: STATUS_TIMEOUT",
         MultiWaitAtDispatchZeroTimeout, SIM_RETURNS(STATUS_TIMEOUT), NULL},
        {"semaphore of count 0, zero timeout: STATUS_TIMEOUT", SemaphoreZeroTimeout,
         SIM_RETURNS(STATUS_TIMEOUT), NULL},
        {"unsignalled event, 1 ms timeout: STATUS_TIMEOUT", EventRelativeTimeout,
         SIM_RETURNS(STATUS_TIMEOUT), NULL},
        {"KeDelayExecutionThread at DISPATCH_LEVEL: 0xC4/0x2000F (rule IrqlKeApcLte1)",
         DelayAtDispatch, SIM_BUGCHECKS(0xC4, 0x2000F, ANY, DISPATCH_LEVEL, 0), NULL},
        /* Mutexes and semaphores. */
        {"KeReleaseMutex of a mutex not owned raises STATUS_MUTANT_NOT_OWNED",
         ReleaseMutexNotOwned, STOPS_WITH_RAISE(STATUS_MUTANT_NOT_OWNED), NULL},
        {"KeReleaseSemaphore above the limit raises STATUS_SEMAPHORE_LIMIT_EXCEEDED",
         SemaphoreAboveLimit, STOPS_WITH_RAISE(STATUS_SEMAPHORE_LIMIT_EXCEEDED), NULL},
        {"a guarded mutex acquired twice: 0xBF (mutex, thread, 0)", GuardedMutexTwice,
         SIM_BUGCHECKS(0xBF, ANY, ANY, 0, ANY), NULL},
        /* Threads and regions. */
        {"KeSetSystemAffinityThreadEx(0): 0x3 INVALID_AFFINITY_SET", AffinityOfNoProcessor,
         SIM_BUGCHECKS(0x03, 0, ANY, 0, 0), NULL},
        {"KeLeaveCriticalRegion never entered: the kernel's assertion (0x1E)",
         LeaveRegionNeverEntered, STOPS_WITH_RAISE(STATUS_ASSERTION_FAILURE), NULL},
        {"KeSetPriorityThread(0): the kernel's assertion (0x1E)", PriorityZero,
         STOPS_WITH_RAISE(STATUS_ASSERTION_FAILURE), NULL},
        /* Executive timers. */
        {"ExDeleteTimer with Wait and without Cancel: a stop (0x1E)",
         DeleteTimerWaitWithoutCancel, STOPS_WITH_RAISE(STATUS_INVALID_PARAMETER), NULL},
    };
    SIM_RUN_CASES(Rows);
}

/* ---------------------------------------------------------------------- */
/* Semaphores and mutexes.                                                */
/* ---------------------------------------------------------------------- */
SIM_TEST(SemaphoreCountsWaits)
{
    KSEMAPHORE Semaphore;
    LARGE_INTEGER Zero = {{0, 0}};
    KeInitializeSemaphore(&Semaphore, 2, 3);
    /*  count: 2 --wait--> 1 --wait--> 0 --wait--> timeout --release 3--> 3  */
    assert_int_equal(KeWaitForSingleObject(&Semaphore, Executive, KernelMode, FALSE, &Zero),
                     STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(&Semaphore, Executive, KernelMode, FALSE, &Zero),
                     STATUS_SUCCESS);
    assert_int_equal(KeReadStateSemaphore(&Semaphore), 0);
    assert_int_equal(KeWaitForSingleObject(&Semaphore, Executive, KernelMode, FALSE, &Zero),
                     STATUS_TIMEOUT);
    assert_int_equal(KeReleaseSemaphore(&Semaphore, SEMAPHORE_INCREMENT, 3, FALSE), 0);
    assert_int_equal(KeReadStateSemaphore(&Semaphore), 3);
}

SIM_TEST(SemaphoreReleaseWakesAWaiter)
{
    KSEMAPHORE Semaphore;
    KeInitializeSemaphore(&Semaphore, 0, 1);
    WAITER Waiter = {.Objects = {&Semaphore}, .Count = 1};
    StartWaiter(&Waiter);
    assert_int_equal(KeReleaseSemaphore(&Semaphore, SEMAPHORE_INCREMENT, 1, FALSE), 0);
    assert_int_equal(JoinWaiter(&Waiter), STATUS_SUCCESS);
    assert_int_equal(KeReadStateSemaphore(&Semaphore), 0); /* the waiter took it */
}

SIM_TEST(MutexIsRecursiveAndDisablesApcs)
{
    KMUTEX Mutex;
    KeInitializeMutex(&Mutex, 0);
    assert_int_equal(KeReadStateMutex(&Mutex), 1);
    assert_int_equal(KeWaitForSingleObject(&Mutex, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    assert_true(KeAreApcsDisabled()); /* owning a mutex: normal kernel APCs off */
    LARGE_INTEGER Zero = {{0, 0}};
    assert_int_equal(KeWaitForMutexObject(&Mutex, Executive, KernelMode, FALSE, &Zero),
                     STATUS_SUCCESS); /* owned by the waiter: recursive, never blocks */
    assert_int_equal(KeReadStateMutex(&Mutex), -1);
    assert_int_equal(KeReleaseMutex(&Mutex, FALSE), -1);
    assert_int_equal(KeReleaseMutex(&Mutex, FALSE), 0);
    assert_int_equal(KeReadStateMutex(&Mutex), 1);
    assert_false(KeAreApcsDisabled());
}

static void *TryMutexZeroTimeout(void *Context)
{
    LARGE_INTEGER Zero = {{0, 0}};
    return (void *)(intptr_t)KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, &Zero);
}

SIM_TEST(MutexOwnedByAnotherThreadIsNotSignalled)
{
    KMUTEX Mutex;
    KeInitializeMutex(&Mutex, 0);
    KeWaitForSingleObject(&Mutex, Executive, KernelMode, FALSE, NULL);
    pthread_t Other;
    void *Status;
    pthread_create(&Other, NULL, TryMutexZeroTimeout, &Mutex);
    pthread_join(Other, &Status);
    assert_int_equal((NTSTATUS)(intptr_t)Status, STATUS_TIMEOUT);
    KeReleaseMutex(&Mutex, FALSE);
    /* Released: the other thread gets it (and releasing it is its job). */
    WAITER Waiter = {.Objects = {&Mutex}, .Count = 1};
    StartWaiter(&Waiter);
    assert_int_equal(JoinWaiter(&Waiter), STATUS_SUCCESS);
    assert_int_equal(KeReadStateMutex(&Mutex), 0); /* owned by the (ended) waiter */
}

static void *TryGuarded(void *Context)
{
    BOOLEAN Got = KeTryToAcquireGuardedMutex((PKGUARDED_MUTEX)Context);
    if (Got) {
        KeReleaseGuardedMutex((PKGUARDED_MUTEX)Context);
    }
    return (void *)(intptr_t)Got;
}

SIM_TEST(GuardedMutexExcludesAndEntersAGuardedRegion)
{
    KGUARDED_MUTEX Mutex;
    KeInitializeGuardedMutex(&Mutex);
    KeAcquireGuardedMutex(&Mutex);
    assert_true(KeAreAllApcsDisabled());
    pthread_t Other;
    void *Got;
    pthread_create(&Other, NULL, TryGuarded, &Mutex);
    pthread_join(Other, &Got);
    assert_false((BOOLEAN)(intptr_t)Got);
    KeReleaseGuardedMutex(&Mutex);
    assert_false(KeAreAllApcsDisabled());
    pthread_create(&Other, NULL, TryGuarded, &Mutex);
    pthread_join(Other, &Got);
    assert_true((BOOLEAN)(intptr_t)Got);
    /* The Unsafe forms inside a guarded region. */
    KeEnterGuardedRegion();
    KeAcquireGuardedMutexUnsafe(&Mutex);
    KeReleaseGuardedMutexUnsafe(&Mutex);
    KeLeaveGuardedRegion();
}

SIM_TEST(FastMutexUnsafeInsideACriticalRegion)
{
    FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    KeEnterCriticalRegion();
    ExAcquireFastMutexUnsafe(&Mutex);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL); /* no raise */
    ExReleaseFastMutexUnsafe(&Mutex);
    KeLeaveCriticalRegion();
}

/* ---------------------------------------------------------------------- */
/* Multi-object waits and pulsed events.                                  */
/* ---------------------------------------------------------------------- */
SIM_TEST(WaitAllTakesAllOrNothing)
{
    KEVENT Event;
    KSEMAPHORE Semaphore;
    LARGE_INTEGER Zero = {{0, 0}};
    KeInitializeEvent(&Event, SynchronizationEvent, TRUE);
    KeInitializeSemaphore(&Semaphore, 0, 1);
    PVOID Objects[2] = {&Event, &Semaphore};
    /* The semaphore is not signalled: nothing is taken, the event stays set. */
    assert_int_equal(KeWaitForMultipleObjects(2, Objects, WaitAll, Executive, KernelMode, FALSE,
                                              &Zero, NULL),
                     STATUS_TIMEOUT);
    assert_int_equal(KeReadStateEvent(&Event), 1);
    KeReleaseSemaphore(&Semaphore, SEMAPHORE_INCREMENT, 1, FALSE);
    assert_int_equal(KeWaitForMultipleObjects(2, Objects, WaitAll, Executive, KernelMode, FALSE,
                                              &Zero, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(KeReadStateEvent(&Event), 0);
    assert_int_equal(KeReadStateSemaphore(&Semaphore), 0);
}

SIM_TEST(WaitAnyNamesTheObjectAndFillsTheWaitBlocks)
{
    KEVENT First, Second;
    KWAIT_BLOCK Blocks[2];
    KeInitializeEvent(&First, NotificationEvent, FALSE);
    KeInitializeEvent(&Second, NotificationEvent, TRUE);
    PVOID Objects[2] = {&First, &Second};
    assert_int_equal(KeWaitForMultipleObjects(2, Objects, WaitAny, Executive, KernelMode, FALSE,
                                              NULL, Blocks),
                     STATUS_WAIT_0 + 1);
    assert_ptr_equal(Blocks[1].Object, &Second);
    assert_int_equal(Blocks[1].WaitKey, 1);
    assert_ptr_equal(Blocks[0].Thread, KeGetCurrentThread());
}

SIM_TEST(MultiObjectWaiterIsWokenBySetEvent)
{
    KEVENT First, Second;
    KeInitializeEvent(&First, NotificationEvent, FALSE);
    KeInitializeEvent(&Second, SynchronizationEvent, FALSE);
    WAITER Waiter = {.Objects = {&First, &Second}, .Count = 2, .Type = WaitAny};
    StartWaiter(&Waiter);
    /* Most likely parked by now (the outcome does not depend on it). */
    LARGE_INTEGER Pause = Relative(20);
    KeDelayExecutionThread(KernelMode, FALSE, &Pause);
    KeSetEvent(&Second, IO_NO_INCREMENT, FALSE);
    Pause = Relative(1);
    for (int i = 0; i < 10000 && !WaiterDone(&Waiter); i++) {
        KeDelayExecutionThread(KernelMode, FALSE, &Pause);
    }
    assert_true(WaiterDone(&Waiter)); /* woken by the event's state change */
    assert_int_equal(JoinWaiter(&Waiter), STATUS_WAIT_0 + 1);
    assert_int_equal(KeReadStateEvent(&Second), 0); /* a synchronization event: taken */
}

SIM_TEST(PulseEventReleasesWaitersAndLeavesItReset)
{
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, TRUE);
    assert_int_equal(KePulseEvent(&Event, IO_NO_INCREMENT, FALSE), 1);
    assert_int_equal(KeReadStateEvent(&Event), 0);
    /* A waiter parked on the event is released by a pulse, though the event
     * is never left signalled. Pulses go on until the waiter has started
     * waiting and seen one. */
    WAITER Waiter = {.Objects = {&Event}, .Count = 1};
    StartWaiter(&Waiter);
    LARGE_INTEGER Pause = Relative(1);
    for (int i = 0; i < 10000 && !WaiterDone(&Waiter); i++) {
        KePulseEvent(&Event, IO_NO_INCREMENT, FALSE);
        KeDelayExecutionThread(KernelMode, FALSE, &Pause);
    }
    assert_true(WaiterDone(&Waiter));
    assert_int_equal(JoinWaiter(&Waiter), STATUS_SUCCESS);
    assert_int_equal(KeReadStateEvent(&Event), 0);
}

/* ---------------------------------------------------------------------- */
/* Timers.                                                                */
/* ---------------------------------------------------------------------- */
SIM_TEST(RelativeTimerSignalsAndRunsItsDpcAtDispatch)
{
    DPC_LOG Log = {0};
    KTIMER Timer;
    KDPC Dpc;
    KeInitializeTimer(&Timer);
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    assert_false(KeSetTimer(&Timer, Relative(5), &Dpc));
    assert_int_equal(KeWaitForSingleObject(&Timer, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
    assert_true(KeReadStateTimer(&Timer)); /* notification timer: stays signalled */
    KeFlushQueuedDpcs();
    assert_int_equal(__atomic_load_n(&Log.Runs, __ATOMIC_ACQUIRE), 1);
    assert_int_equal(Log.Irql, DISPATCH_LEVEL);
    assert_false(KeCancelTimer(&Timer)); /* expired: not in the queue */
}

/* A DPC that a timer's DPC routine queues (untargeted) is queued on the
 * clock thread's processor and runs there after it, as on Windows. */
static VOID NTAPI SetEventDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Argument1);
    UNREFERENCED_PARAMETER(Argument2);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
}

static VOID NTAPI QueueAnotherDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Argument1);
    UNREFERENCED_PARAMETER(Argument2);
    (void)KeInsertQueueDpc((PKDPC)Context, NULL, NULL);
}

SIM_TEST(ADpcQueuedByATimersDpcRuns)
{
    static KTIMER Timer;
    static KDPC Outer, Inner;
    static KEVENT Ran;
    KeInitializeEvent(&Ran, NotificationEvent, FALSE);
    KeInitializeDpc(&Inner, SetEventDpc, &Ran);
    KeInitializeDpc(&Outer, QueueAnotherDpc, &Inner);
    KeInitializeTimer(&Timer);
    KeSetTimer(&Timer, Relative(1), &Outer);
    assert_int_equal(KeWaitForSingleObject(&Ran, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
    KeFlushQueuedDpcs(); /* nothing left queued anywhere */
}

SIM_TEST(AbsoluteDueTimes)
{
    KTIMER Timer;
    LARGE_INTEGER Due;
    KeInitializeTimerEx(&Timer, SynchronizationTimer);
    KeQuerySystemTime(&Due);
    Due.QuadPart += 5 * 10000; /* 5 ms from now */
    KeSetTimer(&Timer, Due, NULL);
    assert_int_equal(KeWaitForSingleObject(&Timer, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
    assert_false(KeReadStateTimer(&Timer)); /* synchronization timer: the wait took it */
    Due.QuadPart -= 3600LL * 10000000; /* in the past: expires at once */
    KeSetTimer(&Timer, Due, NULL);
    assert_int_equal(KeWaitForSingleObject(&Timer, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
}

SIM_TEST(SettingAPendingTimerReplacesIt)
{
    KTIMER Timer;
    KeInitializeTimer(&Timer);
    assert_false(KeSetTimer(&Timer, Relative(3600 * 1000), NULL));
    assert_true(KeSetTimer(&Timer, Relative(3600 * 1000), NULL));
    assert_true(KeCancelTimer(&Timer));
    assert_false(KeCancelTimer(&Timer));
    assert_false(KeReadStateTimer(&Timer));
}

static volatile LONG PeriodicRuns;

static VOID NTAPI CountDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc;
    (void)Context;
    (void)Argument1;
    (void)Argument2;
    __atomic_add_fetch(&PeriodicRuns, 1, __ATOMIC_RELEASE);
}

SIM_TEST(PeriodicTimerFiresAgain)
{
    KTIMER Timer;
    KDPC Dpc;
    KeInitializeTimerEx(&Timer, SynchronizationTimer);
    KeInitializeDpc(&Dpc, CountDpc, NULL);
    PeriodicRuns = 0;
    KeSetTimerEx(&Timer, Relative(1), 1, &Dpc);
    for (int i = 0; i < 3; i++) { /* each period signals it again */
        assert_int_equal(KeWaitForSingleObject(&Timer, Executive, KernelMode, FALSE, &Bound),
                         STATUS_SUCCESS);
    }
    assert_true(KeCancelTimer(&Timer)); /* still in the queue: periodic */
    KeFlushQueuedDpcs();
    assert_true(__atomic_load_n(&PeriodicRuns, __ATOMIC_ACQUIRE) >= 3);
}

SIM_TEST(DelayExecutionReturnsSuccess)
{
    LARGE_INTEGER Interval = Relative(1);
    assert_int_equal(KeDelayExecutionThread(KernelMode, FALSE, &Interval), STATUS_SUCCESS);
    Interval.QuadPart = 0;
    assert_int_equal(KeDelayExecutionThread(KernelMode, FALSE, &Interval), STATUS_SUCCESS);
}

typedef struct _EX_LOG {
    volatile LONG Runs;
    KIRQL Irql;
    PEX_TIMER Timer;
    volatile LONG Deleted;
} EX_LOG;

static VOID NTAPI ExCallback(PEX_TIMER Timer, PVOID Context)
{
    EX_LOG *Log = (EX_LOG *)Context;
    Log->Irql = KeGetCurrentIrql();
    Log->Timer = Timer;
    __atomic_add_fetch(&Log->Runs, 1, __ATOMIC_RELEASE);
}

static VOID NTAPI ExDeleted(PVOID Context)
{
    __atomic_store_n(&((EX_LOG *)Context)->Deleted, 1, __ATOMIC_RELEASE);
}

SIM_TEST(ExTimerCallsBackAtDispatchAndIsWaitable)
{
    EX_LOG Log = {0};
    PEX_TIMER Timer = ExAllocateTimer(ExCallback, &Log, EX_TIMER_NOTIFICATION);
    assert_non_null(Timer);
    EXT_SET_PARAMETERS Set;
    ExInitializeSetTimerParameters(&Set);
    assert_false(ExSetTimer(Timer, Relative(2).QuadPart, 0, &Set));
    assert_int_equal(KeWaitForSingleObject(Timer, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
    KeFlushQueuedDpcs();
    assert_int_equal(__atomic_load_n(&Log.Runs, __ATOMIC_ACQUIRE), 1);
    assert_int_equal(Log.Irql, DISPATCH_LEVEL);
    assert_ptr_equal(Log.Timer, Timer);
    /* Set again far away, then deleted with Cancel: TRUE, and the delete
     * callback runs; the pool block is gone (the teardown checks it). */
    assert_false(ExSetTimer(Timer, Relative(3600 * 1000).QuadPart, 0, NULL));
    assert_true(ExSetTimer(Timer, Relative(3600 * 1000).QuadPart, 0, NULL));
    EXT_DELETE_PARAMETERS Delete = {0, 0, ExDeleted, &Log};
    assert_true(ExDeleteTimer(Timer, TRUE, TRUE, &Delete));
    assert_int_equal(Log.Deleted, 1);
}

SIM_TEST(ExTimerCancel)
{
    PEX_TIMER Timer = ExAllocateTimer(NULL, NULL, 0);
    assert_non_null(Timer);
    assert_false(ExCancelTimer(Timer, NULL));
    ExSetTimer(Timer, Relative(3600 * 1000).QuadPart, 0, NULL);
    assert_true(ExCancelTimer(Timer, NULL));
    assert_false(ExDeleteTimer(Timer, TRUE, FALSE, NULL));
    assert_null(ExAllocateTimer(NULL, NULL, 0x10)); /* undocumented attribute */
}

/* A machine reset drops its timers: the new machine never sees them. */
SIM_TEST(ResetDropsPendingTimers)
{
    static KTIMER Timer;
    static KDPC Dpc;
    static DPC_LOG Log;
    memset(&Log, 0, sizeof(Log));
    KeInitializeTimer(&Timer);
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    KeSetTimer(&Timer, Relative(100), &Dpc);
    ULONG RunsBefore = __atomic_load_n(&Log.Runs, __ATOMIC_ACQUIRE); /* 0 unless descheduled */
    SimReset();
    KeFlushQueuedDpcs(); /* nothing of the old machine is left to run */
    KTIMER Fresh;
    KeInitializeTimer(&Fresh);
    KeSetTimer(&Fresh, Relative(300), NULL); /* due after the old one was */
    assert_int_equal(KeWaitForSingleObject(&Fresh, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
    KeFlushQueuedDpcs();
    assert_int_equal(__atomic_load_n(&Log.Runs, __ATOMIC_ACQUIRE), RunsBefore);
}

/* A timer set on a machine since reset was dropped with it: cancelling it
 * finds it not set, and its stale links (they name the old machine's list
 * and neighbours the driver may have freed) are not followed. Setting it
 * again works. */
SIM_TEST(ATimerSetBeforeAResetIsNotSetAfterIt)
{
    static KTIMER Timer, Neighbour;
    KeInitializeTimer(&Timer);
    KeInitializeTimer(&Neighbour);
    KeSetTimer(&Timer, Relative(3600 * 1000), NULL);
    KeSetTimer(&Neighbour, Relative(7200 * 1000), NULL); /* linked after Timer */
    SimReset();
    memset(&Neighbour, 0xA5, sizeof(Neighbour)); /* the driver reused its memory */
    assert_false(KeCancelTimer(&Timer));
    assert_int_equal(((const unsigned char *)&Neighbour)[offsetof(KTIMER, TimerListEntry.Blink)],
                     0xA5); /* not written through Timer's stale Flink */
    assert_false(KeSetTimer(&Timer, Relative(3600 * 1000), NULL));
    assert_true(KeCancelTimer(&Timer));
}

/* The same for a DPC: one left queued on a machine that is gone keeps that
 * machine's DpcData, and is not queued on the next. KeInsertQueueDpc queues
 * it (TRUE) and it runs; on its own machine, queued, it returned FALSE. */
SIM_TEST(ADpcQueuedBeforeAResetIsNotQueuedAfterIt)
{
    static KDPC Dpc;
    static DPC_LOG Log;
    memset(&Log, 0, sizeof(Log));
    KeInitializeDpc(&Dpc, LogDpc, &Log);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old); /* it waits for the IRQL to drop */
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL));
    assert_false(KeInsertQueueDpc(&Dpc, NULL, NULL)); /* queued already */
    SimReset(); /* drops it unrun, and lowers this thread's IRQL */
    assert_non_null(Dpc.DpcData); /* the old machine's, untouched */
    assert_true(KeInsertQueueDpc(&Dpc, NULL, NULL)); /* at PASSIVE_LEVEL: runs at once */
    assert_int_equal(__atomic_load_n(&Log.Runs, __ATOMIC_ACQUIRE), 1);
    assert_false(KeRemoveQueueDpc(&Dpc));
}

#if SIM_HAVE_DEATH_TESTS
/* Timers expire at DISPATCH_LEVEL: the clock thread reads a KTIMER as
 * Windows' expiry does, and a timer in paged pool whose page was trimmed is
 * not brought back: 0xA IRQL_NOT_LESS_OR_EQUAL (an address in the timer,
 * DISPATCH_LEVEL, 0 read, the code address). The stop is on the clock
 * thread, uncaught: the process ends with 86, shown in a child. */
static void ExpireATimerInATrimmedPage(void *Context)
{
    (void)Context;
    PKTIMER Timer = (PKTIMER)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(KTIMER), TAG_KESY);
    if (Timer == NULL) {
        _exit(3);
    }
    KeInitializeTimer(Timer);
    printf("timer %p\n", (void *)Timer);
    fflush(stdout);
    KeSetTimer(Timer, Relative(1000), NULL);
    ULONG64 Pte;
    if (SimTrimPagedPool() == 0 || !SimQueryPte(Timer, &Pte, NULL) || (Pte & 1) != 0) {
        _exit(4); /* the page is not trimmed: the case is not made */
    }
    /* The host's sleep, not a DDI's wait: a stop refuses a waiting DDI, and
     * that refusal (exit 87) would race the clock thread's own end. */
    for (int i = 0; i < 30; i++) { /* a bound, not a timing assertion: the stop ends it */
        sleep(1);
    }
}

SIM_TEST(ATimerExpiringInATrimmedPageIsIrqlNotLessOrEqual)
{
    static SIM_CHILD Child;
    assert_true(SimRunChild(ExpireATimerInATrimmedPage, NULL, 120, &Child));
    SIM_EXPECT_CHILD_BUGCHECK(&Child, IRQL_NOT_LESS_OR_EQUAL, SIM_ANY, DISPATCH_LEVEL, 0, SIM_ANY);
    void *Timer = NULL;
    assert_int_equal(sscanf(Child.Out, "timer %p", &Timer), 1);
    const char *Stop = strstr(Child.Err, "*** STOP: 0x0000000A (0x");
    assert_non_null(Stop);
    unsigned long long Address = 0, Code = 0;
    assert_int_equal(sscanf(Stop, "*** STOP: 0x0000000A (0x%llx,0x%*x,0x%*x,0x%llx)", &Address,
                            &Code),
                     2);
    assert_true(Address >= (uintptr_t)Timer && Address < (uintptr_t)Timer + sizeof(KTIMER));
    assert_true(Code != 0);
}
#endif

/* Freeing pool that holds a set timer: Verifier (strict, the default) stops
 * at the free with 0xC4/0x15; without it, 0xC7/0 names the timer. */
SIM_TEST_F(FreeingASetTimerStops, SimTestSetup, SimTestTeardownDefault)
{
    typedef struct _DEVICE_STATE {
        ULONG Flags;
        KTIMER Timer;
    } DEVICE_STATE;
    DEVICE_STATE *Device =
        (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_KESY);
    assert_non_null(Device);
    KeInitializeTimer(&Device->Timer);
    KeSetTimer(&Device->Timer, Relative(3600 * 1000), NULL);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x15, &Device->Timer, NonPagedPool, Device,
                         ExFreePoolWithTag(Device, TAG_KESY));

    SimTestSetStrict(FALSE);
    Device = (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_KESY);
    KeInitializeTimer(&Device->Timer);
    KeSetTimer(&Device->Timer, Relative(3600 * 1000), NULL);
    SIM_EXPECT_BUGCHECK4(0xC7, 0, &Device->Timer, Device, (char *)Device + sizeof(DEVICE_STATE),
                         ExFreePoolWithTag(Device, TAG_KESY));
    SimReset();

    /* Cancelled first: freed quietly. */
    Device = (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_KESY);
    KeInitializeTimer(&Device->Timer);
    KeSetTimer(&Device->Timer, Relative(3600 * 1000), NULL);
    assert_true(KeCancelTimer(&Device->Timer));
    ExFreePoolWithTag(Device, TAG_KESY);
}

/* A DPC queued in the block (at DISPATCH_LEVEL it waits for the IRQL to
 * drop) would run from freed memory: 0xC7/1 (DPC, block start, block end). */
static VOID NTAPI NeverRuns(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc, (void)Argument1, (void)Argument2;
    *(volatile int *)Context = 1;
}

SIM_TEST(FreeingAQueuedDpcStops)
{
    typedef struct _DEVICE_STATE {
        ULONG Flags;
        KDPC Dpc;
    } DEVICE_STATE;
    static volatile int Ran;
    DEVICE_STATE *Device =
        (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_KESY);
    assert_non_null(Device);
    KeInitializeDpc(&Device->Dpc, NeverRuns, (PVOID)&Ran);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_true(KeInsertQueueDpc(&Device->Dpc, NULL, NULL));
    SIM_EXPECT_BUGCHECK4(TIMER_OR_DPC_INVALID, 1, &Device->Dpc, Device,
                         (char *)Device + sizeof(DEVICE_STATE),
                         ExFreePoolWithTag(Device, TAG_KESY));
    assert_int_equal(Ran, 0);

    /* Removed from the queue first: freed quietly. */
    SimReset();
    Device = (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_KESY);
    assert_non_null(Device);
    KeInitializeDpc(&Device->Dpc, NeverRuns, (PVOID)&Ran);
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_true(KeInsertQueueDpc(&Device->Dpc, NULL, NULL));
    assert_true(KeRemoveQueueDpc(&Device->Dpc));
    ExFreePoolWithTag(Device, TAG_KESY);
    KeLowerIrql(Old);
    assert_int_equal(Ran, 0);
}

/* The free's checks read mmsim's own record of the queued DPCs and set
 * timers, never the driver's objects: a DPC or timer whose memory the driver
 * took away another way (its mapping unmapped) does not stop an unrelated
 * free. It stops the machine where Windows touches it: when the DPC runs.
 *
 *   KDPC or KTIMER in a mapping of an MDL's page      queued / set
 *   MmUnmapLockedPages                                 its memory is gone
 *   ExFreePoolWithTag(an unrelated block)              freed, no stop
 *   KeLowerIrql below DISPATCH_LEVEL (the DPC runs)     0x50 inside the KDPC
 */
SIM_TEST(AnUnmappedQueuedDpcDoesNotStopAnUnrelatedFree)
{
    static volatile int Ran;
    PMDL Mdl;
    PKDPC Dpc = (PKDPC)SimTestMapPage(&Mdl);
    assert_non_null(Dpc);
    KeInitializeDpc(Dpc, NeverRuns, (PVOID)&Ran);
    PVOID Unrelated = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_KESY);
    assert_non_null(Unrelated);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_true(KeInsertQueueDpc(Dpc, NULL, NULL));
    MmUnmapLockedPages(Dpc, Mdl);
    ExFreePoolWithTag(Unrelated, TAG_KESY); /* no stop */
    assert_false(SimIsStopped(NULL));
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, KeLowerIrql(Old));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, PAGE_FAULT_IN_NONPAGED_AREA);
    assert_true(Stop.Parameters[0] >= (ULONG_PTR)Dpc &&
                Stop.Parameters[0] < (ULONG_PTR)Dpc + sizeof(KDPC));
    assert_int_equal(Ran, 0);
    SimReset(); /* the MDL's pages go with the machine */
}

/* With Verifier's checks (0xC4/0x15) and without (0xC7/0): both look the
 * timer up the same way. */
SIM_TEST_F(AnUnmappedSetTimerDoesNotStopAnUnrelatedFree, SimTestSetup, SimTestTeardownDefault)
{
    static const BOOLEAN Strict[] = {TRUE, FALSE};
    for (size_t i = 0; i < sizeof(Strict) / sizeof(Strict[0]); i++) {
        SimTestSetStrict(Strict[i]);
        /* A timer due first keeps the clock from looking at the unmapped one (it reads
         * the first timer's due time): expiring in unmapped memory is a stop of its own. */
        static KTIMER First;
        KeInitializeTimer(&First);
        KeSetTimer(&First, Relative(1800 * 1000), NULL);
        PMDL Mdl;
        PKTIMER Timer = (PKTIMER)SimTestMapPage(&Mdl);
        assert_non_null(Timer);
        KeInitializeTimer(Timer);
        KeSetTimer(Timer, Relative(3600 * 1000), NULL);
        MmUnmapLockedPages(Timer, Mdl);
        MmFreePagesFromMdl(Mdl);
        ExFreePool(Mdl); /* no stop: the timer is not in this block */
        assert_false(SimIsStopped(NULL));
        SimReset(); /* drops the timer, which would expire in an hour */
    }
}

/* The clock keeps each set timer's due time in a table of its own, as a
 * kernel keeps its timer table: a timer's KTIMER is touched when it is set,
 * fires or is cancelled, not while it waits, nor when another timer due
 * before it is set or expires.
 *
 *   Waiting   set, due in an hour, in a mapping of an MDL's page
 *   Last      set, due in two hours (the list's last: the next one's neighbour)
 *   MmUnmapLockedPages(Waiting)                   its memory is gone
 *   Soon      set, due in 1 ms, waited for         it fires: no stop
 *   SimReset                                       drops Waiting, unread
 */
SIM_TEST_F(AWaitingTimerIsNotReadWhenAnotherIsSetOrFires, SimTestSetup, SimTestTeardownDefault)
{
    static KTIMER Last, Soon;
    PMDL Mdl;
    PKTIMER Waiting = (PKTIMER)SimTestMapPage(&Mdl);
    assert_non_null(Waiting);
    KeInitializeTimer(Waiting);
    KeInitializeTimer(&Last);
    KeInitializeTimer(&Soon);
    KeSetTimer(Waiting, Relative(3600 * 1000), NULL);
    KeSetTimer(&Last, Relative(7200 * 1000), NULL);
    MmUnmapLockedPages(Waiting, Mdl);
    KeSetTimer(&Soon, Relative(1), NULL);
    assert_int_equal(KeWaitForSingleObject(&Soon, Executive, KernelMode, FALSE, &Bound),
                     STATUS_SUCCESS);
    assert_false(SimIsStopped(NULL));
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    SimReset(); /* drops Waiting and Last, which would expire in an hour or two */
}

/* The same under special pool: Verifier's pool type parameter is -1. */
SIM_TEST_F(FreeingSpecialPoolWithASetTimerStops, SimTestSetup, SimTestTeardownDefault)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.SpecialPool.Enabled = TRUE; /* every tag, every size */
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    PKTIMER Timer = (PKTIMER)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(KTIMER), TAG_KESY);
    assert_non_null(Timer);
    SIM_SPECIAL_BLOCK_INFO Info;
    assert_true(SimQuerySpecialPoolBlock(Timer, &Info));
    KeInitializeTimer(Timer);
    KeSetTimer(Timer, Relative(3600 * 1000), NULL);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x15, Timer, (ULONG_PTR)-1, Timer,
                         ExFreePoolWithTag(Timer, TAG_KESY));

    /* Special pool's own checks come first, as the normal pool's: a wrong
     * tag is 0xC2/0x0A even with the timer set. */
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    Timer = (PKTIMER)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(KTIMER), TAG_KESY);
    assert_non_null(Timer);
    KeInitializeTimer(Timer);
    KeSetTimer(Timer, Relative(3600 * 1000), NULL);
    SIM_EXPECT_BUGCHECK(BAD_POOL_CALLER, 0x0A, ExFreePoolWithTag(Timer, 'gnrW'));
}

/* ---------------------------------------------------------------------- */
/* Regions and threads.                                                   */
/* ---------------------------------------------------------------------- */
SIM_TEST(CriticalAndGuardedRegions)
{
    /*            critical   guarded   APC_LEVEL
     * ApcsDisabled   yes       yes        -
     * AllDisabled    -         yes       yes          */
    assert_false(KeAreApcsDisabled());
    KeEnterCriticalRegion();
    assert_true(KeAreApcsDisabled());
    assert_false(KeAreAllApcsDisabled());
    KeLeaveCriticalRegion();
    KeEnterGuardedRegion();
    assert_true(KeAreApcsDisabled());
    assert_true(KeAreAllApcsDisabled());
    KeLeaveGuardedRegion();
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    assert_true(KeAreAllApcsDisabled());
    KeLowerIrql(Old);
    assert_false(KeAreAllApcsDisabled());
}

SIM_TEST(ThreadPriorityAndAffinity)
{
    PKTHREAD Thread = KeGetCurrentThread();
    assert_non_null(Thread);
    assert_ptr_equal(Thread, KeGetCurrentThread());
    KPRIORITY Old = KeQueryPriorityThread(Thread);
    assert_int_equal(KeSetPriorityThread(Thread, LOW_REALTIME_PRIORITY), Old);
    assert_int_equal(KeQueryPriorityThread(Thread), LOW_REALTIME_PRIORITY);
    KeSetPriorityThread(Thread, Old);
    KAFFINITY Active = KeQueryActiveProcessors();
    assert_int_equal(Active, KeQueryGroupAffinity(0));
    assert_int_equal(KeSetSystemAffinityThreadEx(1), 0);
    assert_int_equal(KeSetSystemAffinityThreadEx(Active), 1);
    KeRevertToUserAffinityThreadEx(1);
    KeRevertToUserAffinityThread();
    ULONG User = 1;
    (void)KeQueryRuntimeThread(Thread, &User);
    assert_int_equal(User, 0);
}

/* survey31: KeSetSystemGroupAffinityThread takes a group affinity only when it
 * is valid (documented: the group exists, the mask names only processors of
 * it, at least one active); otherwise nothing changes. What it replaces comes
 * back in *PreviousAffinity, mask 0 meaning "the thread's own affinity".
 *
 *   asked (group, mask)         taken?
 *   (0, lowest processor)       yes
 *   (0, every active one)       yes
 *   (0, 0)                      no
 *   (0, a bit past the last)    no (when the group has fewer than 64)
 *   (groups, 1)                 no: no such group
 */
SIM_TEST(GroupAffinityIsTakenOnlyWhenValid)
{
    USHORT Groups = KeQueryActiveGroupCount();
    KAFFINITY Group0 = KeQueryGroupAffinity(0);
    ULONG InGroup0 = KeQueryActiveProcessorCountEx(0);
    const struct {
        USHORT Group;
        KAFFINITY Mask;
        BOOLEAN Taken;
    } Cases[] = {
        {0, 1, TRUE},
        {0, Group0, TRUE},
        {0, 0, FALSE},
        {0, InGroup0 < 64 ? (KAFFINITY)1 << InGroup0 : 0, FALSE},
        {Groups, 1, FALSE},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        GROUP_AFFINITY Asked = {0}, Previous, Back;
        Asked.Group = Cases[i].Group;
        Asked.Mask = Cases[i].Mask;
        KeSetSystemGroupAffinityThread(&Asked, &Previous);
        assert_int_equal(Previous.Mask, 0); /* the thread's own affinity before */
        KeSetSystemGroupAffinityThread(&Asked, &Back);
        assert_int_equal(Back.Mask, Cases[i].Taken ? Cases[i].Mask : 0);
        KeRevertToUserGroupAffinityThread(&Previous);
    }
}

/* The system affinity now in effect, as the next KeSetSystemGroupAffinityThread
 * reports it (Mask 0: the thread's own), left as it was. */
static KAFFINITY SystemAffinityNow(void)
{
    GROUP_AFFINITY Probe = {0}, Now;
    Probe.Mask = 1;
    KeSetSystemGroupAffinityThread(&Probe, &Now);
    if (Now.Mask == 0) {
        KeRevertToUserGroupAffinityThread(&Now);
    } else {
        KeSetSystemGroupAffinityThread(&Now, NULL);
    }
    return Now.Mask;
}

/* Reverting, as documented: no effect unless a system affinity is in effect.
 *
 *   calls (A = processor 0, B = all of group 0)          in effect after
 *   Revert(A)                       nothing set before   the thread's own
 *   Set(A, &P0) Set(B, &P1) Revert(&P1)                  A (P1 holds A)
 *     Revert(&P0)                                        the thread's own
 *     Revert(&P1) again                                  the thread's own
 *   Set(&X, &X): one structure for both                  X's mask taken, X = before
 *   KeRevertToUserAffinityThreadEx(A), nothing set       the thread's own */
SIM_TEST(RevertingActsOnlyOnASystemAffinity)
{
    GROUP_AFFINITY A = {0}, B = {0}, P0, P1;
    A.Mask = 1;
    B.Mask = KeQueryGroupAffinity(0);
    KeRevertToUserGroupAffinityThread(&A);
    assert_int_equal(SystemAffinityNow(), 0);

    KeSetSystemGroupAffinityThread(&A, &P0);
    KeSetSystemGroupAffinityThread(&B, &P1);
    assert_int_equal(P1.Mask, A.Mask);
    KeRevertToUserGroupAffinityThread(&P1);
    assert_int_equal(SystemAffinityNow(), A.Mask);
    KeRevertToUserGroupAffinityThread(&P0);
    assert_int_equal(SystemAffinityNow(), 0);
    KeRevertToUserGroupAffinityThread(&P1);
    assert_int_equal(SystemAffinityNow(), 0);

    GROUP_AFFINITY X = A;
    KeSetSystemGroupAffinityThread(&X, &X);
    assert_int_equal(X.Mask, 0); /* the previous: the thread's own */
    assert_int_equal(SystemAffinityNow(), A.Mask);
    KeRevertToUserGroupAffinityThread(&X);
    assert_int_equal(SystemAffinityNow(), 0);

    KeRevertToUserAffinityThreadEx(1);
    assert_int_equal(KeSetSystemAffinityThreadEx(1), 0);
    KeRevertToUserAffinityThreadEx(0);
}

/* At DISPATCH_LEVEL the thread is not rescheduled: binding it elsewhere
 * there changes its processor only once it drops below. */
SIM_TEST(ABindingAtDispatchLevelMovesTheThreadWhenItDrops)
{
    ULONG Count = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    if (Count < 2) {
        return; /* nowhere else to go (the Windows build's shim has no skip()) */
    }
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    ULONG Here = KeGetCurrentProcessorIndex();
    ULONG There = (Here + 1) % Count;
    PROCESSOR_NUMBER Number;
    assert_int_equal(KeGetProcessorNumberFromIndex(There, &Number), STATUS_SUCCESS);
    GROUP_AFFINITY Asked = {0}, Previous;
    Asked.Group = Number.Group;
    Asked.Mask = (KAFFINITY)1 << Number.Number;
    KeSetSystemGroupAffinityThread(&Asked, &Previous);
    ULONG StillAtDispatch = KeGetCurrentProcessorIndex();
    KeLowerIrql(Old);
    ULONG Dropped = KeGetCurrentProcessorIndex();
    KeRevertToUserGroupAffinityThread(&Previous);
    assert_int_equal(StillAtDispatch, Here);
    assert_int_equal(Dropped, There);
}

/* A thread bound to one processor runs there: KeGetCurrentProcessorNumberEx
 * names it, at PASSIVE_LEVEL and at DISPATCH_LEVEL; reverting unbinds it. */
SIM_TEST(ABoundThreadRunsOnItsProcessor)
{
    ULONG Count = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    if (Count < 2) {
        return; /* one processor: every thread runs on it, bound or not (the
                 * Windows build's shim has no skip()) */
    }
    for (ULONG Index = 0; Index < Count; Index++) {
        PROCESSOR_NUMBER Number, Now;
        assert_int_equal(KeGetProcessorNumberFromIndex(Index, &Number), STATUS_SUCCESS);
        GROUP_AFFINITY Asked = {0}, Previous;
        Asked.Group = Number.Group;
        Asked.Mask = (KAFFINITY)1 << Number.Number;
        KeSetSystemGroupAffinityThread(&Asked, &Previous);
        assert_int_equal(KeGetCurrentProcessorNumberEx(&Now), Index);
        assert_int_equal(Now.Group, Number.Group);
        assert_int_equal(Now.Number, Number.Number);
        KIRQL Old;
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        assert_int_equal(KeGetCurrentProcessorIndex(), Index);
        KeLowerIrql(Old);
        KeRevertToUserGroupAffinityThread(&Previous);
    }
    assert_true(KeGetCurrentProcessorNumberEx(NULL) < Count);
}

#if SIM_HAVE_DEATH_TESTS
/* The child's own thread waits for the other thread's stop outside any DDI
 * (a thread parked in a DDI would be refused by the stop, exit 87). */
static void WaitOutsideTheMachine(void)
{
    for (;;) {
        sleep(1);
    }
}

/* A timer's DPC runs at DISPATCH_LEVEL on the clock thread: paged pool
 * there stops the whole machine (uncaught, as on Windows). */
static void PagedPoolInTimerDpc(void *Context)
{
    (void)Context;
    static KTIMER Timer;
    static KDPC Dpc;
    KeInitializeTimer(&Timer);
    KeInitializeDpc(&Dpc, PagedPoolDpc, NULL);
    KeSetTimer(&Timer, Relative(1), &Dpc);
    WaitOutsideTheMachine();
}

SIM_TEST(TimerDpcRunsAtDispatchLevel)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(PagedPoolInTimerDpc, NULL, 20, &Child));
    SIM_EXPECT_CHILD_BUGCHECK(&Child, 0xC4, 0x01, DISPATCH_LEVEL, PagedPool, 64);
}
#endif

#if SIM_HAVE_DEATH_TESTS
/* A work item's routine that returns owning a kernel mutex: 0x39
 * SYSTEM_EXIT_OWNED_MUTEX (routine, parameter, item) on the worker thread. */
static KMUTEX WorkerMutex;
static WORK_QUEUE_ITEM WorkerItem;

static VOID NTAPI KeepsTheMutex(PVOID Parameter)
{
    (void)Parameter;
    KeWaitForSingleObject(&WorkerMutex, Executive, KernelMode, FALSE, NULL);
}

static void WorkItemKeepsAMutex(void *Context)
{
    (void)Context;
    KeInitializeMutex(&WorkerMutex, 0);
    ExInitializeWorkItem(&WorkerItem, KeepsTheMutex, (PVOID)0x1234);
    ExQueueWorkItem(&WorkerItem, DelayedWorkQueue);
    WaitOutsideTheMachine();
}

SIM_TEST(WorkItemReturningOwningAMutexStops)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(WorkItemKeepsAMutex, NULL, 20, &Child));
    SIM_EXPECT_CHILD_BUGCHECK(&Child, 0x39, (ULONG_PTR)(void *)KeepsTheMutex, 0x1234,
                              (ULONG_PTR)&WorkerItem, 0);
}
#endif

#if SIM_HAVE_DEATH_TESTS
/* A stop while the clock thread takes its turn after a timer's DPC:
 *
 *   test thread                      clock thread
 *                                    expires Timer, runs its DPC: holds
 *   releases the DPC                 the DPC waits Delay and returns; the
 *   KeBugCheckEx (caught)            clock thread looks at the machine,
 *                                    reads the clock, waits for Far
 *   SimReset (ends the clock thread)
 *
 * Delay grows each round, so that over the rounds the stop lands on every
 * step of that turn, the narrow one between the look and the read of the
 * clock included. A clock thread that reads the time through a DDI is
 * refused there, and the refusal of a thread no test runs on ends the
 * process (exit 87): the child must finish its rounds instead. */
#define STOP_RACE_ROUNDS 1000

static struct {
    int Held, Release;
    ULONG Delay;
} ClockTurn;

static VOID NTAPI HoldTheClockThread(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Argument1);
    UNREFERENCED_PARAMETER(Argument2);
    __atomic_store_n(&ClockTurn.Held, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&ClockTurn.Release, __ATOMIC_ACQUIRE)) {
    }
    for (volatile ULONG Spin = 0; Spin < ClockTurn.Delay; Spin++) {
    }
}

static void StopAsTheClockThreadTakesItsTurn(void *Context)
{
    (void)Context;
    static KTIMER Timer, Far;
    static KDPC Dpc;
    for (volatile ULONG Round = 0; Round < STOP_RACE_ROUNDS; Round++) { /* kept across the catch's longjmp */
        ClockTurn.Held = ClockTurn.Release = 0;
        ClockTurn.Delay = (Round % 250) * 4;
        KeInitializeTimer(&Far);
        KeSetTimer(&Far, Relative(3600 * 1000), NULL); /* the clock thread waits for it */
        KeInitializeTimer(&Timer);
        KeInitializeDpc(&Dpc, HoldTheClockThread, NULL);
        KeSetTimer(&Timer, Relative(0), &Dpc); /* due now */
        while (!__atomic_load_n(&ClockTurn.Held, __ATOMIC_ACQUIRE)) {
            sched_yield();
        }
        __atomic_store_n(&ClockTurn.Release, 1, __ATOMIC_RELEASE);
        SIM_BUGCHECK Stop;
        SIM_CATCH_BUGCHECK(&Stop, KeBugCheckEx(TIMER_OR_DPC_INVALID, 0, (ULONG_PTR)&Timer, 0, 0));
        SimReset();
    }
}

SIM_TEST(AStopDoesNotRefuseTheClockThread)
{
    if (KeQueryActiveProcessorCount(NULL) < 2) {
        skip(); /* the two threads must run at once for the stop to land there */
    }
    SIM_CHILD Child;
    assert_true(SimRunChild(StopAsTheClockThreadTakesItsTurn, NULL, 120, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
}
#endif

/* No DPC starts on a stopped machine: its processors are frozen.
 *
 *   test thread            clock thread (the other processor)
 *   queue First, Second
 *                          First starts, holds until released
 *   KeBugCheckEx (caught)
 *   release First
 *                          First returns; Second stays queued
 *   SimReset (ends the clock thread, drops Second)
 */
static struct {
    int FirstStarted, Release, SecondRan;
} Frozen;

static VOID NTAPI HoldUntilReleased(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Argument1);
    UNREFERENCED_PARAMETER(Argument2);
    __atomic_store_n(&Frozen.FirstStarted, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&Frozen.Release, __ATOMIC_ACQUIRE)) {
        sched_yield(); /* no DDI: the machine stops meanwhile */
    }
}

static VOID NTAPI NoteSecondRan(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Argument1);
    UNREFERENCED_PARAMETER(Argument2);
    __atomic_store_n(&Frozen.SecondRan, 1, __ATOMIC_RELEASE);
}

SIM_TEST(NoDpcStartsOnAStoppedMachine)
{
    ULONG Count = KeQueryActiveProcessorCount(NULL);
    if (Count < 2) {
        return; /* no other processor to queue them on (the shim of the
                 * Windows build has no skip()) */
    }
    memset(&Frozen, 0, sizeof(Frozen));
    static KDPC First, Second;
    KeInitializeDpc(&First, HoldUntilReleased, NULL);
    KeInitializeDpc(&Second, NoteSecondRan, NULL);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old); /* this processor stays the same */
    CCHAR Other = (CCHAR)((KeGetCurrentProcessorNumber() + 1) % Count);
    KeSetTargetProcessorDpc(&First, Other);
    KeSetTargetProcessorDpc(&Second, Other);
    assert_true(KeInsertQueueDpc(&First, NULL, NULL));
    assert_true(KeInsertQueueDpc(&Second, NULL, NULL));
    KeLowerIrql(Old);
    while (!__atomic_load_n(&Frozen.FirstStarted, __ATOMIC_ACQUIRE)) {
        sched_yield();
    }
    SIM_EXPECT_BUGCHECK(MANUALLY_INITIATED_CRASH, 0,
                        KeBugCheckEx(MANUALLY_INITIATED_CRASH, 0, 0, 0, 0));
    __atomic_store_n(&Frozen.Release, 1, __ATOMIC_RELEASE);
    SimReset(); /* returns once the clock thread has ended */
    assert_int_equal(__atomic_load_n(&Frozen.SecondRan, __ATOMIC_ACQUIRE), 0);
}

/* ---------------------------------------------------------------------- */
/* The count of waiting threads (SimQueryWaitingThreads).                 */
/*                                                                        */
/*   waiter parked in KeWaitFor*          Parked   1, then 0 once woken    */
/*   a bug check in the wait's own look   Parked   0 (it left the wait)    */
/*   (the object's page unmapped)                                          */
/*   a fork: the parent's waiter and      Parked 0, Spinning 0 in the     */
/*   spinner are not in the child         child, whose shutdown returns   */
/* ---------------------------------------------------------------------- */
static SIM_WAITING_THREADS Waiting(void)
{
    SIM_WAITING_THREADS Threads;
    SimQueryWaitingThreads(&Threads);
    return Threads;
}

/* Until the count says Parked/Spinning threads are there, at any IRQL
 * (bounded: a missing waiter fails the test instead of hanging it). */
static BOOLEAN WaitForWaiting(ULONG Parked, ULONG Spinning)
{
    ULONGLONG Start = KeQueryInterruptTime();
    while (KeQueryInterruptTime() - Start < (ULONGLONG)-Bound.QuadPart) {
        SIM_WAITING_THREADS Now = Waiting();
        if (Now.Parked == Parked && Now.Spinning == Spinning) {
            return TRUE;
        }
        sched_yield();
    }
    return FALSE;
}

SIM_TEST(AParkedWaiterIsCountedUntilItIsWoken)
{
    static KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    assert_int_equal(Waiting().Parked, 0);
    WAITER Waiter = {.Objects = {&Event}, .Count = 1};
    StartWaiter(&Waiter);
    assert_true(WaitForWaiting(1, 0));
    KeSetEvent(&Event, IO_NO_INCREMENT, FALSE);
    assert_int_equal(JoinWaiter(&Waiter), STATUS_SUCCESS);
    assert_int_equal(Waiting().Parked, 0);
}

/* Initializes two notification events - Faulting, whose page the test
 * takes away, and Other, in the driver's own memory - and parks a waiter on
 * both (Faulting first: the wait's look reads it). */
static void StartFaultingWaiter(FAULTING_WAITER *Waiter, PKEVENT Faulting, PKEVENT Other)
{
    KeInitializeEvent(Faulting, NotificationEvent, FALSE);
    KeInitializeEvent(Other, NotificationEvent, FALSE);
    StartFaultingWaiterThread(Waiter, Faulting, Other, &Bound);
    assert_true(WaitForWaiting(1, 0));
}

SIM_TEST(ABugCheckInAWaitsLookLeavesTheCount)
{
    /* An event in a page mapped from an MDL; a second event in the driver's
     * own memory. The waiter is parked on both. */
    PMDL Mdl;
    PKEVENT Mapped = (PKEVENT)SimTestMapPage(&Mdl);
    assert_non_null(Mapped);
    static KEVENT Other;
    static FAULTING_WAITER Waiter;
    StartFaultingWaiter(&Waiter, Mapped, &Other);

    /* The page goes; the wake makes the waiter look at the mapped event
     * first, which now faults inside the wait. */
    MmUnmapLockedPages(Mapped, Mdl);
    /* The waiter is counted just before its first look: if that look came
     * only now, it stopped the machine, and this call is refused. */
    SIM_BUGCHECK Set;
    SIM_CATCH_BUGCHECK(&Set, KeSetEvent(&Other, IO_NO_INCREMENT, FALSE));
    assert_true(!Set.Caught || Set.Refused);
    pthread_join(Waiter.Thread, NULL);
    assert_int_equal(Waiter.Stop.Code, PAGE_FAULT_IN_NONPAGED_AREA);
    assert_int_equal(Waiting().Parked, 0);
    SimReset(); /* the machine stopped; the MDL went with it */
}

/* The other way out of a fault inside the wait's look: a trimmed paged pool
 * page comes back (a soft fault) and the look goes on. The simulator lock
 * the fault takes is never taken while holding the wait's bucket (a lock
 * order ThreadSanitizer checks in the test above, with the clock thread's
 * and pool's orders seen earlier in this suite); the look is made again
 * under the bucket, and the wait ends by the other event. */
SIM_TEST(AWaitsLookFaultsATrimmedPageBackAndGoesOn)
{
    PKEVENT Paged = (PKEVENT)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(KEVENT), TAG_KESY);
    assert_non_null(Paged);
    static KEVENT Other;
    static FAULTING_WAITER Waiter;
    StartFaultingWaiter(&Waiter, Paged, &Other);
    assert_true(SimTrimPagedPool() >= 1);
    ULONG64 Pte;
    assert_true(SimQueryPte(Paged, &Pte, NULL));
    assert_int_equal(Pte & 1, 0); /* the event's page is trimmed: the look faults */
    KeSetEvent(&Other, IO_NO_INCREMENT, FALSE);
    pthread_join(Waiter.Thread, NULL);
    assert_int_equal(Waiter.Status, STATUS_WAIT_1);
    assert_false(Waiter.Stop.Caught);
    assert_int_equal(Waiting().Parked, 0);
    ExFreePoolWithTag(Paged, TAG_KESY);
}

#if SIM_HAVE_DEATH_TESTS
static KSPIN_LOCK HeldLock;

static void *SpinForHeldLock(void *Context)
{
    (void)Context;
    KIRQL Old;
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, KeAcquireSpinLock(&HeldLock, &Old);
                       KeReleaseSpinLock(&HeldLock, Old));
    return NULL;
}

/* Exit 0 if the child sees no waiter of its parent and can end its machine
 * (a spinner counted from the parent would make that wait for ever).
 * SimShutdown builds no next machine: no thread starts in the child, which
 * ThreadSanitizer refuses after a fork with threads. */
static void ChildSeesNoWaiters(void *Context)
{
    (void)Context;
    SIM_WAITING_THREADS Threads = Waiting();
    if (Threads.Parked != 0 || Threads.Spinning != 0) {
        _exit(1);
    }
    SimShutdown();
    _exit(0);
}

SIM_TEST(AForkedChildHasNoneOfItsParentsWaiters)
{
    static KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    WAITER Waiter = {.Objects = {&Event}, .Count = 1};
    StartWaiter(&Waiter);
    KeInitializeSpinLock(&HeldLock);
    KIRQL Old;
    KeAcquireSpinLock(&HeldLock, &Old);
    pthread_t Spinner;
    assert_int_equal(pthread_create(&Spinner, NULL, SpinForHeldLock, NULL), 0);
    BOOLEAN Both = WaitForWaiting(1, 1);
    SIM_CHILD Child;
    BOOLEAN Ran = Both && SimRunChild(ChildSeesNoWaiters, NULL, 20, &Child);
    KeReleaseSpinLock(&HeldLock, Old);
    pthread_join(Spinner, NULL);
    KeSetEvent(&Event, IO_NO_INCREMENT, FALSE);
    assert_int_equal(JoinWaiter(&Waiter), STATUS_SUCCESS);
    assert_true(Both);
    assert_true(Ran);
    SIM_EXPECT_CHILD_EXIT(&Child, 0);
}
#endif

int main(void)
{
    return SimRunTests("kesync", NULL, NULL);
}
