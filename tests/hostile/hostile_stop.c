/*
 * hostile_stop.c - nothing hangs after a stop (issue 21, item 7).
 *
 * Windows freezes every processor at a bug check. mmsim stops the machine
 * in the thread that bug checked; every other thread that waits or spins on
 * the dead machine is released with a refusal (its catch frame gets
 * Refused = TRUE and the stop; without one the process exits 87):
 *
 *   thread A:  ExAcquireFastMutex(M) ........ KeBugCheckEx -> caught, SimReset
 *   thread B:      ExAcquireFastMutex(M) [parked] -> refused (0xC2, Ddi)
 *   worker:        KeWaitForSingleObject(E) [parked] -> refused, routine abandoned
 *
 * A reset (or shutdown) also refuses waits still parked on the machine it
 * discards. GrDestroy called twice is the double free it is (0xC2/0x07),
 * not a wait on an event no one will set.
 *
 * Each test runs under a watchdog: a hang ends the process with a message
 * after 60 s (the bound detects a hang; no assertion is about time). Where a
 * thread must be parked before the stop and no state shows it, the test
 * pauses briefly so that the park, not the DDI's entry check, is what the
 * stop meets; the assertions hold on any schedule.
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <growable_region.h>
#include <mmsim_cmocka.h>

#define TAG_TEST 'pots' /* "stop" */
#define WAITERS 2

/* ---------------------------------------------------------------------- */
/* Watchdog.                                                              */
/* ---------------------------------------------------------------------- */
static atomic_int WatchdogArmed;
static const char *WatchdogWhat;
static pthread_t WatchdogThread;

static void Pause(long Milliseconds)
{
    struct timespec Delay = {Milliseconds / 1000, (Milliseconds % 1000) * 1000000L};
    while (nanosleep(&Delay, &Delay) != 0) {
    }
}

static void *Watchdog(void *Unused)
{
    (void)Unused;
    for (int Tick = 0; Tick < 600; Tick++) {
        Pause(100);
        if (!atomic_load(&WatchdogArmed)) {
            return NULL;
        }
    }
    fprintf(stderr, "hostile_stop: HUNG: %s\n", WatchdogWhat);
    _exit(1);
}

static void Arm(const char *What)
{
    WatchdogWhat = What;
    atomic_store(&WatchdogArmed, 1);
    assert_int_equal(pthread_create(&WatchdogThread, NULL, Watchdog, NULL), 0);
}

static void Disarm(void)
{
    atomic_store(&WatchdogArmed, 0);
    pthread_join(WatchdogThread, NULL);
}

/* A stop caught in this thread: a double free, 0xC2/0x07. */
static void StopTheMachine(PVOID FreedBlock)
{
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, ExFreePoolWithTag(FreedBlock, TAG_TEST));
    assert_true(Stop.Caught);
    assert_false(Stop.Refused);
    assert_int_equal(Stop.Code, BAD_POOL_CALLER);
}

/* ---------------------------------------------------------------------- */
/* Threads waiting or spinning at a stop are released with a refusal.     */
/* ---------------------------------------------------------------------- */
typedef enum _WAIT_KIND {
    WaitEvent,        /* KeWaitForSingleObject, no timeout */
    WaitEventTimeout, /* KeWaitForSingleObject, one hour */
    WaitFastMutex,    /* ExAcquireFastMutex on a mutex the stopping thread owns */
    WaitSpinLock,     /* KeAcquireSpinLock on a lock the stopping thread holds */
    WaitYield         /* a driver's spin-wait: while (!flag) YieldProcessor(); */
} WAIT_KIND;

static struct {
    KEVENT Event;
    FAST_MUTEX Mutex;
    KSPIN_LOCK Lock;
    atomic_int Flag; /* never set */
} Objects;

typedef struct _WAITER {
    WAIT_KIND Kind;
    atomic_int *Entered;
    SIM_BUGCHECK Got;
    atomic_int Returned; /* the wait completed (it must not) */
} WAITER;

static void Wait(WAIT_KIND Kind)
{
    switch (Kind) {
    case WaitEvent:
        (void)KeWaitForSingleObject(&Objects.Event, Executive, KernelMode, FALSE, NULL);
        break;
    case WaitEventTimeout: {
        LARGE_INTEGER Hour;
        Hour.QuadPart = -36000000000LL;
        (void)KeWaitForSingleObject(&Objects.Event, Executive, KernelMode, FALSE, &Hour);
        break;
    }
    case WaitFastMutex:
        ExAcquireFastMutex(&Objects.Mutex);
        break;
    case WaitSpinLock: {
        KIRQL Old;
        KeAcquireSpinLock(&Objects.Lock, &Old);
        break;
    }
    case WaitYield:
        while (!atomic_load(&Objects.Flag)) {
            YieldProcessor();
        }
        break;
    }
}

static void *Waiter(void *Argument)
{
    WAITER *W = (WAITER *)Argument;
    /* Counted inside the frame: its setup happens before the reset. */
    SIM_CATCH_BUGCHECK(&W->Got, atomic_fetch_add(W->Entered, 1); Wait(W->Kind);
                       atomic_store(&W->Returned, 1));
    return NULL;
}

static void InitializeObjects(void)
{
    KeInitializeEvent(&Objects.Event, NotificationEvent, FALSE);
    ExInitializeFastMutex(&Objects.Mutex);
    KeInitializeSpinLock(&Objects.Lock);
    atomic_store(&Objects.Flag, 0);
}

static void StartWaiters(WAITER *Waiters, pthread_t *Threads, WAIT_KIND Kind, atomic_int *Entered)
{
    for (int i = 0; i < WAITERS; i++) {
        memset(&Waiters[i], 0, sizeof(Waiters[i]));
        Waiters[i].Kind = Kind;
        Waiters[i].Entered = Entered;
        assert_int_equal(pthread_create(&Threads[i], NULL, Waiter, &Waiters[i]), 0);
    }
    while (atomic_load(Entered) < WAITERS) {
        sched_yield();
    }
}

SIM_TEST(WaitersAreReleasedAtAStop)
{
    static const struct {
        WAIT_KIND Kind;
        const char *Ddi; /* the refused call each waiter reports */
    } Rows[] = {
        {WaitEvent, "KeWaitForSingleObject"},
        {WaitEventTimeout, "KeWaitForSingleObject"},
        {WaitFastMutex, "ExAcquireFastMutex"},
        {WaitSpinLock, "KeAcquireSpinLock"},
        {WaitYield, "YieldProcessor"},
    };
    for (size_t r = 0; r < sizeof(Rows) / sizeof(Rows[0]); r++) {
        InitializeObjects();
        PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
        assert_non_null(Block);
        ExFreePoolWithTag(Block, TAG_TEST);
        /* The stopping thread holds what the waiters want. */
        KIRQL Old = PASSIVE_LEVEL;
        if (Rows[r].Kind == WaitFastMutex) {
            ExAcquireFastMutex(&Objects.Mutex);
        } else if (Rows[r].Kind == WaitSpinLock) {
            KeAcquireSpinLock(&Objects.Lock, &Old);
        }
        atomic_int Entered = 0;
        WAITER Waiters[WAITERS];
        pthread_t Threads[WAITERS];
        Arm(Rows[r].Ddi);
        StartWaiters(Waiters, Threads, Rows[r].Kind, &Entered);
        if (Rows[r].Kind == WaitFastMutex) {
            while (__atomic_load_n(&Objects.Mutex.Contention, __ATOMIC_RELAXED) < WAITERS) {
                sched_yield(); /* both are past the free-mutex check */
            }
        }
        Pause(100); /* let them park (see the file comment) */
        StopTheMachine(Block);
        SimReset();
        for (int i = 0; i < WAITERS; i++) {
            pthread_join(Threads[i], NULL);
        }
        Disarm();
        for (int i = 0; i < WAITERS; i++) {
            const SIM_BUGCHECK *Got = &Waiters[i].Got;
            assert_false(atomic_load(&Waiters[i].Returned));
            assert_true(Got->Caught);
            assert_true(Got->Refused);
            assert_int_equal(Got->Code, BAD_POOL_CALLER); /* the stop that killed it */
            assert_int_equal(Got->Parameters[0], 0x07);
            assert_non_null(Got->Ddi);
            assert_string_equal(Got->Ddi, Rows[r].Ddi);
        }
    }
}

/* A reset with no stop discards the machine all the same: waits parked on
 * it are refused (no stop to report: Code 0). */
SIM_TEST(WaitersAreReleasedByAReset)
{
    static const WAIT_KIND Kinds[] = {WaitEvent, WaitEventTimeout};
    for (size_t k = 0; k < sizeof(Kinds) / sizeof(Kinds[0]); k++) {
        InitializeObjects();
        atomic_int Entered = 0;
        WAITER Waiters[WAITERS];
        pthread_t Threads[WAITERS];
        Arm("a wait across SimReset");
        StartWaiters(Waiters, Threads, Kinds[k], &Entered);
        Pause(100);
        SimReset();
        for (int i = 0; i < WAITERS; i++) {
            pthread_join(Threads[i], NULL);
        }
        Disarm();
        for (int i = 0; i < WAITERS; i++) {
            assert_false(atomic_load(&Waiters[i].Returned));
            assert_true(Waiters[i].Got.Caught);
            assert_true(Waiters[i].Got.Refused);
            assert_int_equal(Waiters[i].Got.Code, 0);
            assert_string_equal(Waiters[i].Got.Ddi, "KeWaitForSingleObject");
        }
    }
}

/* A work item routine parked at a stop is abandoned (a frozen processor
 * never finishes it); the worker thread lives on, SimReset returns and the
 * next machine's work items run. */
static atomic_int RoutineEntered, RoutineFinished, SecondRan;

static VOID NTAPI BlockedRoutine(PVOID Parameter)
{
    (void)Parameter;
    atomic_store(&RoutineEntered, 1);
    (void)KeWaitForSingleObject(&Objects.Event, Executive, KernelMode, FALSE, NULL);
    atomic_store(&RoutineFinished, 1);
}

static VOID NTAPI SecondRoutine(PVOID Parameter)
{
    (void)Parameter;
    atomic_store(&SecondRan, 1);
}

SIM_TEST(WorkItemParkedAtAStopIsAbandoned)
{
    InitializeObjects();
    atomic_store(&RoutineEntered, 0);
    atomic_store(&RoutineFinished, 0);
    atomic_store(&SecondRan, 0);
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_TEST);
    static WORK_QUEUE_ITEM Item, Second;
    ExInitializeWorkItem(&Item, BlockedRoutine, NULL);
    Arm("SimReset with a work item parked");
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    while (!atomic_load(&RoutineEntered)) {
        sched_yield();
    }
    Pause(100);
    StopTheMachine(Block);
    SimReset();
    /* The next machine's worker threads run items. */
    ExInitializeWorkItem(&Second, SecondRoutine, NULL);
    ExQueueWorkItem(&Second, DelayedWorkQueue);
    assert_true(SimWaitForWorkItems(30000));
    Disarm();
    assert_false(atomic_load(&RoutineFinished));
    assert_true(atomic_load(&SecondRan));
}

/* ---------------------------------------------------------------------- */
/* GrDestroy twice: a use-after-free of the region. If its page is still  */
/* pool, the block is freed twice, 0xC2/0x07 (P2 0, P3 the tag, P4 the    */
/* region), as Windows gives a double ExFreePool; if the pool gave the    */
/* page back, the first touch is 0x50. With special pool Windows would    */
/* stop at the first touch, 0xD5.                                         */
/* ---------------------------------------------------------------------- */
SIM_TEST(GrDestroyTwiceIsADoubleFree)
{
    static const struct {
        GR_STRATEGY Strategy;
        BOOLEAN WithDevice; /* IO_WORKITEM instead of ExQueueWorkItem */
        BOOLEAN Deferred;   /* a deferred growth ran before */
    } Rows[] = {
        {GrStrategyDivisible, FALSE, FALSE}, {GrStrategyDivisible, TRUE, FALSE},
        {GrStrategyDivisible, FALSE, TRUE},  {GrStrategyDivisible, TRUE, TRUE},
        {GrStrategyRemap, FALSE, FALSE},     {GrStrategyRemap, TRUE, TRUE},
    };
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    for (size_t r = 0; r < sizeof(Rows) / sizeof(Rows[0]); r++) {
        SimReset();
        GR_PARAMETERS P;
        memset(&P, 0, sizeof(P));
        P.MaximumSize = 1024 * 1024;
        P.InitialCommit = 64 * 1024;
        P.PoolTag = TAG_TEST;
        P.Strategy = Rows[r].Strategy;
        P.DeviceObject = Rows[r].WithDevice ? &Device : NULL;
        PGROWABLE_REGION Region;
        assert_int_equal(GrCreate(&P, &Region), STATUS_SUCCESS);
        if (Rows[r].Deferred) {
            assert_int_equal(GrRequestGrowth(Region, 512 * 1024), STATUS_PENDING);
            assert_true(SimWaitForWorkItems(30000));
        }
        GrDestroy(Region);
        /* Where the pool kept the freed block's page (docs/pool.md: a few
         * empty pages are cached), the second GrDestroy reads stale memory
         * and frees the block again; where the page went back to the free
         * list, its first touch of the region is already the stop. */
        ULONG64 Pte = 0;
        assert_true(SimQueryPte(Region, &Pte, NULL));
        Arm("GrDestroy twice");
        if (Pte & SIM_PTE_VALID) {
            SIM_EXPECT_BUGCHECK4(BAD_POOL_CALLER, 0x07, 0, TAG_TEST, (ULONG_PTR)Region,
                                 GrDestroy(Region));
        } else {
            SIM_BUGCHECK Got;
            SIM_CATCH_BUGCHECK(&Got, GrDestroy(Region));
            assert_int_equal(Got.Code, PAGE_FAULT_IN_NONPAGED_AREA);
            assert_true(Got.Parameters[0] >= (ULONG_PTR)Region &&
                        Got.Parameters[0] < (ULONG_PTR)Region + PAGE_SIZE);
            assert_int_equal(Got.Parameters[3], 0); /* an empty PTE: freed */
        }
        Disarm();
    }
}

int main(void)
{
    return SimRunTests("hostile: stop", NULL, NULL);
}
