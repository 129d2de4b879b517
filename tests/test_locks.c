/*
 * test_locks.c - spin locks, fast mutexes and events give real mutual
 * exclusion and the WDK's IRQL and signalling contract between host threads
 * (docs/architecture.md 5; docs/ddi-contract.md 1.16).
 *
 * Threads are sequenced with events and joins only - never with sleeps - so
 * every assertion holds on any schedule.
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include <mmsim_cmocka.h>

#define THREADS    4
#define ITERATIONS 20000

/* ------------------------------------------------------------------------ */
/* Spin locks raise to DISPATCH_LEVEL and restore the caller's IRQL.         */
/* ------------------------------------------------------------------------ */
SIM_TEST(SpinLockRaisesAndRestores)
{
    static const KIRQL From[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    assert_true(Lock == 0); /* an initialised spin lock is free */
    for (size_t i = 0; i < sizeof(From) / sizeof(From[0]); i++) {
        KIRQL Base, Old;
        KeRaiseIrql(From[i], &Base);
        KeAcquireSpinLock(&Lock, &Old);
        assert_int_equal(Old, From[i]);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        assert_true(Lock != 0); /* held */
        KeReleaseSpinLock(&Lock, Old);
        assert_int_equal(KeGetCurrentIrql(), From[i]);
        assert_true(Lock == 0); /* free again */
        KeLowerIrql(Base);
    }
}

/* The AtDpcLevel variants leave the IRQL alone. */
SIM_TEST(SpinLockAtDpcLevelKeepsIrql)
{
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    KeAcquireSpinLockAtDpcLevel(&Lock);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    /* Held: a try from the same processor fails. */
    assert_false(KeTryToAcquireSpinLockAtDpcLevel(&Lock));
    KeReleaseSpinLockFromDpcLevel(&Lock);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_true(KeTryToAcquireSpinLockAtDpcLevel(&Lock));
    KeReleaseSpinLockFromDpcLevel(&Lock);
    KeLowerIrql(Old);
}

/* In-stack queued spin locks: same IRQL contract, old IRQL kept in the
 * handle. */
SIM_TEST(QueuedSpinLockRaisesAndRestores)
{
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    KIRQL Base;
    KeRaiseIrql(APC_LEVEL, &Base);
    KLOCK_QUEUE_HANDLE Handle;
    KeAcquireInStackQueuedSpinLock(&Lock, &Handle);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_int_equal(Handle.OldIrql, APC_LEVEL);
    KeReleaseInStackQueuedSpinLock(&Handle);
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(Base);
}

/* ------------------------------------------------------------------------ */
/* Mutual exclusion: THREADS host threads each add ITERATIONS to a plain,    */
/* non-atomic counter under the lock. Any lost update (or, under TSan, any   */
/* unordered access) fails the test.                                          */
/* ------------------------------------------------------------------------ */
typedef enum { KindSpin, KindQueued, KindFastMutex } LOCK_KIND;

typedef struct _SHARED {
    LOCK_KIND Kind;
    KSPIN_LOCK SpinLock;
    FAST_MUTEX Mutex;
    unsigned long Counter; /* deliberately not atomic */
    atomic_int IrqlErrors; /* wrong IRQL seen inside or after the lock */
} SHARED;

static void *CounterThread(void *Context)
{
    SHARED *Shared = (SHARED *)Context;
    for (int i = 0; i < ITERATIONS; i++) {
        switch (Shared->Kind) {
        case KindSpin: {
            KIRQL Old;
            KeAcquireSpinLock(&Shared->SpinLock, &Old);
            if (KeGetCurrentIrql() != DISPATCH_LEVEL || Old != PASSIVE_LEVEL) {
                atomic_fetch_add(&Shared->IrqlErrors, 1);
            }
            Shared->Counter++;
            KeReleaseSpinLock(&Shared->SpinLock, Old);
            break;
        }
        case KindQueued: {
            KLOCK_QUEUE_HANDLE Handle;
            KeAcquireInStackQueuedSpinLock(&Shared->SpinLock, &Handle);
            if (KeGetCurrentIrql() != DISPATCH_LEVEL) {
                atomic_fetch_add(&Shared->IrqlErrors, 1);
            }
            Shared->Counter++;
            KeReleaseInStackQueuedSpinLock(&Handle);
            break;
        }
        case KindFastMutex:
            ExAcquireFastMutex(&Shared->Mutex);
            if (KeGetCurrentIrql() != APC_LEVEL) {
                atomic_fetch_add(&Shared->IrqlErrors, 1);
            }
            Shared->Counter++;
            ExReleaseFastMutex(&Shared->Mutex);
            break;
        }
        if (KeGetCurrentIrql() != PASSIVE_LEVEL) {
            atomic_fetch_add(&Shared->IrqlErrors, 1);
        }
    }
    return NULL;
}

static void RunCounterThreads(LOCK_KIND Kind)
{
    static SHARED Shared;
    memset(&Shared, 0, sizeof(Shared));
    Shared.Kind = Kind;
    KeInitializeSpinLock(&Shared.SpinLock);
    ExInitializeFastMutex(&Shared.Mutex);
    atomic_init(&Shared.IrqlErrors, 0);

    pthread_t Threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_create(&Threads[i], NULL, CounterThread, &Shared), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(Threads[i], NULL), 0);
    }
    assert_int_equal(Shared.Counter, (unsigned long)THREADS * ITERATIONS);
    assert_int_equal(atomic_load(&Shared.IrqlErrors), 0);
    assert_false(SimIsStopped(NULL));
    assert_true(Shared.SpinLock == 0);
}

SIM_TEST(SpinLockExcludes)
{
    RunCounterThreads(KindSpin);
}

SIM_TEST(QueuedSpinLockExcludes)
{
    RunCounterThreads(KindQueued);
}

SIM_TEST(FastMutexExcludes)
{
    RunCounterThreads(KindFastMutex);
}

/* ------------------------------------------------------------------------ */
/* Fast mutexes raise to APC_LEVEL and restore the caller's IRQL.            */
/* ------------------------------------------------------------------------ */
SIM_TEST(FastMutexRaisesToApc)
{
    static const KIRQL From[] = {PASSIVE_LEVEL, APC_LEVEL};
    FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    for (size_t i = 0; i < sizeof(From) / sizeof(From[0]); i++) {
        KIRQL Base;
        KeRaiseIrql(From[i], &Base);
        ExAcquireFastMutex(&Mutex);
        assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
        ExReleaseFastMutex(&Mutex);
        assert_int_equal(KeGetCurrentIrql(), From[i]);

        assert_true(ExTryToAcquireFastMutex(&Mutex));
        assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
        ExReleaseFastMutex(&Mutex);
        assert_int_equal(KeGetCurrentIrql(), From[i]);
        KeLowerIrql(Base);
    }
}

/* ExTryToAcquireFastMutex fails - and leaves the IRQL alone - while another
 * thread holds the mutex, and succeeds once it is released. */
typedef struct _HOLDER {
    FAST_MUTEX Mutex;
    KEVENT Held;    /* set by the holder once it owns the mutex */
    KEVENT Release; /* set by the test to let the holder release */
} HOLDER;

static void *HolderThread(void *Context)
{
    HOLDER *Holder = (HOLDER *)Context;
    ExAcquireFastMutex(&Holder->Mutex);
    KeSetEvent(&Holder->Held, 0, FALSE);
    /* Waiting at APC_LEVEL with no timeout is legal. */
    KeWaitForSingleObject(&Holder->Release, Executive, KernelMode, FALSE, NULL);
    ExReleaseFastMutex(&Holder->Mutex);
    return NULL;
}

SIM_TEST(TryFastMutexFailsWhileHeld)
{
    static HOLDER Holder;
    ExInitializeFastMutex(&Holder.Mutex);
    KeInitializeEvent(&Holder.Held, NotificationEvent, FALSE);
    KeInitializeEvent(&Holder.Release, NotificationEvent, FALSE);

    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, HolderThread, &Holder), 0);
    assert_int_equal(KeWaitForSingleObject(&Holder.Held, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);

    assert_false(ExTryToAcquireFastMutex(&Holder.Mutex));
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_false(ExTryToAcquireFastMutex(&Holder.Mutex));

    KeSetEvent(&Holder.Release, 0, FALSE);
    assert_int_equal(pthread_join(Thread, NULL), 0);

    assert_true(ExTryToAcquireFastMutex(&Holder.Mutex));
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    ExReleaseFastMutex(&Holder.Mutex);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* ------------------------------------------------------------------------ */
/* Spin lock misuse.                                                         */
/* ------------------------------------------------------------------------ */

/* Acquiring a spin lock the thread already owns: 0x0F SPIN_LOCK_ALREADY_OWNED
 * with P1 = the lock (a real processor would spin forever). */
SIM_TEST(RecursiveSpinLockBugChecks)
{
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    KIRQL Old, Again;
    KeAcquireSpinLock(&Lock, &Old);
    SIM_EXPECT_BUGCHECK(0x0F, (ULONG_PTR)&Lock, KeAcquireSpinLock(&Lock, &Again));
    assert_string_equal(SimBugCheckName(0x0F), "SPIN_LOCK_ALREADY_OWNED");
}

SIM_TEST(RecursiveQueuedSpinLockBugChecks)
{
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    KLOCK_QUEUE_HANDLE First, Second;
    KeAcquireInStackQueuedSpinLock(&Lock, &First);
    SIM_EXPECT_BUGCHECK(0x0F, (ULONG_PTR)&Lock, KeAcquireInStackQueuedSpinLock(&Lock, &Second));
}

/* Releasing a spin lock nobody owns: 0x10 SPIN_LOCK_NOT_OWNED, P1 = the lock,
 * P2 = the lock word found (0: free). */
SIM_TEST(ReleaseUnownedSpinLockBugChecks)
{
    KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    SIM_EXPECT_BUGCHECK4(0x10, (ULONG_PTR)&Lock, 0, SIM_ANY, SIM_ANY,
                         KeReleaseSpinLock(&Lock, Old));
    assert_string_equal(SimBugCheckName(0x10), "SPIN_LOCK_NOT_OWNED");
}

/* Releasing a spin lock another thread owns is the same stop; the owner's
 * lock word is reported in P2. */
typedef struct _SPIN_HOLDER {
    KSPIN_LOCK Lock;
    KEVENT Held;
    KEVENT Release;
} SPIN_HOLDER;

static void *SpinHolderThread(void *Context)
{
    SPIN_HOLDER *Holder = (SPIN_HOLDER *)Context;
    KIRQL Old;
    KeAcquireSpinLock(&Holder->Lock, &Old);
    KeSetEvent(&Holder->Held, 0, FALSE);
    /* Spin at DISPATCH_LEVEL without calling a DDI: while the test's machine
     * is stopped, any DDI from this thread would be refused. */
    while (KeReadStateEvent(&Holder->Release) == 0) {
        sched_yield();
    }
    KeReleaseSpinLock(&Holder->Lock, Old);
    return NULL;
}

SIM_TEST(ReleaseOtherThreadsSpinLockBugChecks)
{
    static SPIN_HOLDER Holder;
    KeInitializeSpinLock(&Holder.Lock);
    KeInitializeEvent(&Holder.Held, NotificationEvent, FALSE);
    KeInitializeEvent(&Holder.Release, NotificationEvent, FALSE);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, SpinHolderThread, &Holder), 0);
    KeWaitForSingleObject(&Holder.Held, Executive, KernelMode, FALSE, NULL);

    KIRQL Old = KeRaiseIrqlToDpcLevel();
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, KeReleaseSpinLock(&Holder.Lock, Old));
    /* Let the owner finish before asserting, so a failure cannot strand it. */
    SimReset();
    KeSetEvent(&Holder.Release, 0, FALSE);
    assert_int_equal(pthread_join(Thread, NULL), 0);

    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, 0x10);
    assert_true(Stop.Parameters[0] == (ULONG_PTR)&Holder.Lock);
    assert_true(Stop.Parameters[1] != 0); /* owned by someone else */
    assert_true(Holder.Lock == 0);        /* the owner released it */
}

/* ------------------------------------------------------------------------ */
/* Events.                                                                   */
/* ------------------------------------------------------------------------ */

/* A zero timeout on an unsignalled event returns STATUS_TIMEOUT at once; on a
 * signalled one STATUS_SUCCESS. */
SIM_TEST(ZeroTimeoutPolls)
{
    static const struct {
        EVENT_TYPE Type;
        BOOLEAN Initial;
        NTSTATUS Expected;
        LONG StateAfter;
    } Rows[] = {
        {NotificationEvent, FALSE, STATUS_TIMEOUT, 0},
        {SynchronizationEvent, FALSE, STATUS_TIMEOUT, 0},
        {NotificationEvent, TRUE, STATUS_SUCCESS, 1},    /* stays signalled */
        {SynchronizationEvent, TRUE, STATUS_SUCCESS, 0}, /* auto-reset */
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        KEVENT Event;
        KeInitializeEvent(&Event, Rows[i].Type, Rows[i].Initial);
        assert_int_equal(KeReadStateEvent(&Event), Rows[i].Initial ? 1 : 0);
        LARGE_INTEGER Zero = {.QuadPart = 0};
        assert_int_equal(KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero),
                         Rows[i].Expected);
        assert_int_equal(KeReadStateEvent(&Event), Rows[i].StateAfter);
    }
}

/* A short relative timeout on an event nobody sets returns STATUS_TIMEOUT. */
SIM_TEST(RelativeTimeoutExpires)
{
    KEVENT Event;
    KeInitializeEvent(&Event, SynchronizationEvent, FALSE);
    LARGE_INTEGER OneMs = {.QuadPart = -10000};
    assert_int_equal(KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &OneMs),
                     STATUS_TIMEOUT);
}

/* A NotificationEvent stays signalled: every wait passes until KeClearEvent.
 * KeSetEvent returns the previous state. */
SIM_TEST(NotificationEventStaysSignalled)
{
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    assert_int_equal(KeSetEvent(&Event, 0, FALSE), 0);
    assert_int_equal(KeSetEvent(&Event, 0, FALSE), 1);
    LARGE_INTEGER Zero = {.QuadPart = 0};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero),
                         STATUS_SUCCESS);
        assert_int_equal(KeReadStateEvent(&Event), 1);
    }
    KeClearEvent(&Event);
    assert_int_equal(KeReadStateEvent(&Event), 0);
    assert_int_equal(KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero),
                     STATUS_TIMEOUT);
}

/* A NotificationEvent releases every waiter with one KeSetEvent. */
typedef struct _WAITERS {
    KEVENT Gate;
    KEVENT Woke;        /* SynchronizationEvent: "someone woke" */
    atomic_int Started;
    atomic_int Released;
} WAITERS;

static void *GateWaiter(void *Context)
{
    WAITERS *W = (WAITERS *)Context;
    atomic_fetch_add(&W->Started, 1);
    NTSTATUS Status = KeWaitForSingleObject(&W->Gate, Executive, KernelMode, FALSE, NULL);
    if (Status == STATUS_SUCCESS) {
        atomic_fetch_add(&W->Released, 1);
    }
    KeSetEvent(&W->Woke, 0, FALSE);
    return NULL;
}

static void WaitForReleased(WAITERS *W, int Count)
{
    while (atomic_load(&W->Released) < Count) {
        KeWaitForSingleObject(&W->Woke, Executive, KernelMode, FALSE, NULL);
    }
}

SIM_TEST(NotificationEventReleasesAll)
{
    static WAITERS W;
    KeInitializeEvent(&W.Gate, NotificationEvent, FALSE);
    KeInitializeEvent(&W.Woke, SynchronizationEvent, FALSE);
    atomic_init(&W.Started, 0);
    atomic_init(&W.Released, 0);
    pthread_t Threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_create(&Threads[i], NULL, GateWaiter, &W), 0);
    }
    KeSetEvent(&W.Gate, 0, FALSE); /* once */
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(Threads[i], NULL), 0);
    }
    assert_int_equal(atomic_load(&W.Released), THREADS);
    assert_int_equal(KeReadStateEvent(&W.Gate), 1);
}

/* A SynchronizationEvent releases exactly one waiter per KeSetEvent and is
 * reset by the release (auto-reset). With two waiters: after the first set
 * one waiter runs and the event reads 0; the second set releases the other.
 * If one set released both, the second set would find no waiter and the
 * event would stay signalled at the end. */
SIM_TEST(SynchronizationEventReleasesOne)
{
    static WAITERS W;
    KeInitializeEvent(&W.Gate, SynchronizationEvent, FALSE);
    KeInitializeEvent(&W.Woke, SynchronizationEvent, FALSE);
    atomic_init(&W.Started, 0);
    atomic_init(&W.Released, 0);
    pthread_t Threads[2];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_create(&Threads[i], NULL, GateWaiter, &W), 0);
    }

    KeSetEvent(&W.Gate, 0, FALSE);
    WaitForReleased(&W, 1);
    assert_int_equal(KeReadStateEvent(&W.Gate), 0); /* consumed by the waiter */
    LARGE_INTEGER Zero = {.QuadPart = 0};
    assert_int_equal(KeWaitForSingleObject(&W.Gate, Executive, KernelMode, FALSE, &Zero),
                     STATUS_TIMEOUT);

    KeSetEvent(&W.Gate, 0, FALSE);
    WaitForReleased(&W, 2);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_join(Threads[i], NULL), 0);
    }
    assert_int_equal(atomic_load(&W.Released), 2);
    assert_int_equal(KeReadStateEvent(&W.Gate), 0);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
