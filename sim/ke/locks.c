/*
 * locks.c - spin locks, fast mutexes, events, and the simulator's own lock.
 *
 * Real mutual exclusion between host threads: spin locks spin on the
 * KSPIN_LOCK word with C11 atomics (so ThreadSanitizer sees the ordering);
 * blocking primitives park on a small hashed table of host condition
 * variables keyed by the object's address, so the WDK layouts of FAST_MUTEX
 * and KEVENT stay exactly the WDK's.
 *
 * Other threads at a stop: Windows freezes every processor; here a thread
 * that waits or spins when the machine stops, or whose machine is reset or
 * shut down under it, is released with a refusal (its catch frame gets
 * Refused = TRUE, or the process exits 87), never left blocked. A wait
 * belongs to the machine it began on: MiWaitEpoch counts machines, and a
 * waiter checks the stop and the epoch before it looks at the object again,
 * so it never touches memory of a machine that is gone.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>

#include "../mi.h"
#include "mi_ke.h"

/* ---------------------------------------------------------------------- */
/* The simulator lock.                                                    */
/* ---------------------------------------------------------------------- */
static pthread_mutex_t MiMmLock;
static pthread_once_t MiMmLockOnce = PTHREAD_ONCE_INIT;
static _Thread_local unsigned MiMmLockDepth;

static void MiInitMmLock(void)
{
    pthread_mutexattr_t Attr;
    pthread_mutexattr_init(&Attr);
    pthread_mutexattr_settype(&Attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&MiMmLock, &Attr);
    pthread_mutexattr_destroy(&Attr);
}

void MiLock(void)
{
    pthread_once(&MiMmLockOnce, MiInitMmLock);
    pthread_mutex_lock(&MiMmLock);
    MiMmLockDepth++;
}

unsigned MiMmLockDepthNow(void)
{
    return MiMmLockDepth;
}

void MiUnlock(void)
{
    MiMmLockDepth--;
    pthread_mutex_unlock(&MiMmLock);
}

/* Set while this thread holds a parking-lot bucket or is counted as
 * spinning: a bug check (a fault reading a waited-on object, say) releases
 * them on its way out. */
static _Thread_local pthread_mutex_t *MiHeldBucket;
static _Thread_local atomic_long *MiSpinSlot;

/* A bucket let go for a fault inside the wait's look (below), whether the
 * look must be made again before the waiter sleeps, and the wait's machine
 * and DDI (a reset may come while the bucket is let go). */
static _Thread_local pthread_mutex_t *MiLentBucket;
static _Thread_local bool MiLookInterrupted;
static _Thread_local uint64_t MiParkEpoch;
static _Thread_local const char *MiParkDdi;

/* setup20: threads inside MiParkUntilFor's locked section. A waiter counts
 * itself before it looks at the epoch under its bucket's lock, and the
 * epoch is moved before this count is read (both sequentially consistent):
 * a waiter the count misses sees the new epoch and leaves, so a machine
 * with no waiter ends its waits without locking every bucket. */
static atomic_long MiParked;

/* Spinners per machine parity (MiWaitEpoch, below). */
static atomic_long MiSpinners[2];

/* robust25: host locks this thread holds while the simulator reads or
 * writes driver memory (an ERESOURCE's members; the links of a queued DPC,
 * a set timer, a work item, a lookaside list; a callback object). That
 * memory may fault (freed, or made read-only): the bug check's longjmp
 * passes by the unlock, so MiDropLocksForBugCheck unlocks them, or every
 * later call that takes the lock - the machine's reset included - hangs.
 * The fault handler lets them go before it takes the simulator lock, under
 * which other threads take them (sim/mm/space.c, MiFaultHandler). */
#define MI_ACCESS_LOCKS 4
static _Thread_local pthread_mutex_t *MiAccessLocks[MI_ACCESS_LOCKS];
static _Thread_local unsigned MiAccessLockCount;

void MiLockForDriverAccess(pthread_mutex_t *Lock)
{
    pthread_mutex_lock(Lock);
    MI_ASSERT(MiAccessLockCount < MI_ACCESS_LOCKS);
    if (MiAccessLockCount < MI_ACCESS_LOCKS) {
        MiAccessLocks[MiAccessLockCount++] = Lock;
    }
}

void MiUnlockForDriverAccess(pthread_mutex_t *Lock)
{
    /* The innermost first, but any order is kept right. */
    for (unsigned i = MiAccessLockCount; i-- > 0;) {
        if (MiAccessLocks[i] == Lock) {
            MiAccessLocks[i] = MiAccessLocks[--MiAccessLockCount];
            break;
        }
    }
    pthread_mutex_unlock(Lock);
}

bool MiLetGoOfDriverAccessLocksForFault(void)
{
    if (MiAccessLockCount == 0) {
        return false;
    }
    while (MiAccessLockCount > 0) {
        pthread_mutex_unlock(MiAccessLocks[--MiAccessLockCount]);
    }
    return true;
}

void MiDropLocksForBugCheck(void)
{
    while (MiMmLockDepth > 0) {
        MiUnlock();
    }
    if (MiHeldBucket != NULL || MiLentBucket != NULL) {
        /* Only a waiter holds its bucket here (a bug check in its wait's
         * predicate): it leaves the count too, or every later stop and
         * reset would lock all the buckets for a waiter long gone. */
        pthread_mutex_t *Held = MiHeldBucket;
        MiHeldBucket = NULL;
        MiLentBucket = NULL; /* let go already, for the fault */
        if (Held != NULL) {
            pthread_mutex_unlock(Held);
        }
        atomic_fetch_sub(&MiParked, 1);
    }
    if (MiSpinSlot != NULL) {
        atomic_fetch_sub(MiSpinSlot, 1);
        MiSpinSlot = NULL;
    }
    (void)MiLetGoOfDriverAccessLocksForFault();
}

/* ---------------------------------------------------------------------- */
/* Parking lot.                                                           */
/* ---------------------------------------------------------------------- */
#define MI_PARK_BUCKETS 64

typedef struct _MI_PARK_BUCKET {
    pthread_mutex_t Mutex;
    pthread_cond_t Cond;
} MI_PARK_BUCKET;

static MI_PARK_BUCKET MiPark[MI_PARK_BUCKETS];
static pthread_once_t MiParkOnce = PTHREAD_ONCE_INIT;

/* Machines so far: bumped when one is torn down (reset, re-initialise,
 * shut down). Spinners count themselves in the slot of their machine's
 * parity, so a reset waits for exactly the old machine's spinners. */
atomic_uint_fast64_t MiWaitEpoch = 1;
_Thread_local uint64_t MiThreadEpoch;

/* The clock of timed parks. winpthreads (Windows) measures
 * pthread_cond_timedwait deadlines on CLOCK_REALTIME only and its
 * pthread_condattr_setclock refuses any other clock. */
#if defined(_WIN32)
#define MI_PARK_CLOCK CLOCK_REALTIME
#else
#define MI_PARK_CLOCK CLOCK_MONOTONIC
#endif

static void MiInitPark(void)
{
    for (int i = 0; i < MI_PARK_BUCKETS; i++) {
        pthread_mutex_init(&MiPark[i].Mutex, NULL);
        pthread_condattr_t Attr;
        pthread_condattr_init(&Attr);
        pthread_condattr_setclock(&Attr, MI_PARK_CLOCK);
        pthread_cond_init(&MiPark[i].Cond, &Attr);
        pthread_condattr_destroy(&Attr);
    }
}

static MI_PARK_BUCKET *MiBucket(const volatile void *Address)
{
    pthread_once(&MiParkOnce, MiInitPark);
    uintptr_t Key = (uintptr_t)Address;
    Key ^= Key >> 17;
    Key *= 0x9E3779B97F4A7C15ull;
    return &MiPark[(Key >> 58) % MI_PARK_BUCKETS];
}

uint64_t MiCurrentWaitEpoch(void)
{
    return atomic_load(&MiWaitEpoch);
}

/* Wakes every parked thread (each rechecks the stop and its epoch). Taking
 * each bucket's mutex also waits out a predicate being evaluated. */
static void MiBroadcastAll(void)
{
    pthread_once(&MiParkOnce, MiInitPark);
    for (int i = 0; i < MI_PARK_BUCKETS; i++) {
        pthread_mutex_lock(&MiPark[i].Mutex);
        pthread_cond_broadcast(&MiPark[i].Cond);
        pthread_mutex_unlock(&MiPark[i].Mutex);
    }
}

/* fuzz23: the same handshake for a stop (the caller set MiStopped before,
 * sequentially consistent): a waiter the count misses sees the stop, so a
 * stop with no waiter (every caught bug check of a fuzzer) locks no bucket. */
void MiWakeWaitersForStop(void)
{
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load(&MiParked) != 0) {
        MiBroadcastAll();
    }
}

void MiEndMachineWaits(void)
{
    uint64_t Old = atomic_fetch_add(&MiWaitEpoch, 1);
    if (atomic_load(&MiParked) != 0) {
        MiBroadcastAll();
    }
    MiStopTimerThread(); /* its timers and DPCs belong to the old machine */
    atomic_long *Slot = &MiSpinners[Old & 1];
    long Self = MiSpinSlot == Slot ? 1 : 0;
    while (atomic_load(Slot) > Self) {
        sched_yield(); /* each sees the new epoch within a few spins */
    }
    MiThreadEpoch = Old + 1; /* the caller goes on with the next machine */
}

/* A waiter leaves: the machine it waits on stopped or is gone. */
_Noreturn static void MiLeaveDeadWait(const char *Ddi, uint64_t Epoch)
{
    MiRefuseDeadWait(Ddi, Epoch);
}

bool MiParkUntilFor(const char *Ddi, const volatile void *Address, MI_WAIT_PREDICATE Predicate,
                    void *Context, int64_t TimeoutNs)
{
    uint64_t Epoch = atomic_load(&MiWaitEpoch);
    if (MiIsStopped()) {
        MiRefuse(Ddi); /* stopped between the DDI's entry check and here */
    }
    MI_PARK_BUCKET *Bucket = MiBucket(Address);
    struct timespec Deadline;
    if (TimeoutNs >= 0) {
        clock_gettime(MI_PARK_CLOCK, &Deadline);
        int64_t Ns = (int64_t)Deadline.tv_nsec + TimeoutNs % 1000000000;
        Deadline.tv_sec += (time_t)(TimeoutNs / 1000000000 + Ns / 1000000000);
        Deadline.tv_nsec = (long)(Ns % 1000000000);
    }
    bool Satisfied = true;
    bool TimedOut = false;
    atomic_fetch_add(&MiParked, 1);
    atomic_thread_fence(memory_order_seq_cst); /* counted before the stop is read */
    pthread_mutex_lock(&Bucket->Mutex);
    MiHeldBucket = &Bucket->Mutex;
    MiParkEpoch = Epoch;
    MiParkDdi = Ddi;
    for (;;) {
        /* The stop and the epoch first: the object may be gone with its
         * machine. */
        if (MiIsStopped() || atomic_load(&MiWaitEpoch) != Epoch) {
            MiHeldBucket = NULL;
            pthread_mutex_unlock(&Bucket->Mutex);
            atomic_fetch_sub(&MiParked, 1);
            MiLeaveDeadWait(Ddi, Epoch);
        }
        MiLookInterrupted = false;
        if (Predicate(Context)) {
            break;
        }
        if (MiLookInterrupted) {
            continue; /* a fault let the bucket go: look again, under it */
        }
        if (TimedOut) {
            Satisfied = false;
            break;
        }
        if (TimeoutNs < 0) {
            pthread_cond_wait(&Bucket->Cond, &Bucket->Mutex);
        } else if (pthread_cond_timedwait(&Bucket->Cond, &Bucket->Mutex, &Deadline) == ETIMEDOUT) {
            TimedOut = true; /* one last look, after the stop check */
        }
    }
    MiHeldBucket = NULL;
    pthread_mutex_unlock(&Bucket->Mutex);
    atomic_fetch_sub(&MiParked, 1);
    return Satisfied;
}

bool MiParkUntil(const volatile void *Address, MI_WAIT_PREDICATE Predicate, void *Context,
                 int64_t TimeoutNs)
{
    return MiParkUntilFor("a wait", Address, Predicate, Context, TimeoutNs);
}

MI_LENT_BUCKET_PROBE MiLentBucketProbe;

/* A fault inside a wait's look (its predicate reads an object whose page is
 * gone or trimmed) is handled under the simulator lock, which must not be
 * taken while holding a bucket: wakers take buckets while holding other
 * locks (the clock thread its DPC lock, taken under the simulator lock).
 * So the bucket is let go for the fault; if the access is retried, it is
 * taken back and the look is made again before the waiter sleeps (a wake
 * while it was let go is not lost). */
void *MiLetGoOfParkForFault(void)
{
    if (MiHeldBucket == NULL) {
        return NULL; /* not in a look, or a fault inside the fault handler */
    }
    MiLentBucket = MiHeldBucket;
    MiHeldBucket = NULL;
    pthread_mutex_unlock(MiLentBucket);
    MI_LENT_BUCKET_PROBE Probe = __atomic_load_n(&MiLentBucketProbe, __ATOMIC_ACQUIRE);
    if (Probe != NULL) {
        Probe(); /* a white-box test acts inside the window */
    }
    return MiLentBucket;
}

/* Holding the bucket kept resets out of the look (a reset moves the epoch,
 * then takes every bucket); let go, it does not, so the fault handler asks
 * before it reads the machine and again under the simulator lock: a wait
 * whose machine is gone is refused, and the fault is not the next
 * machine's. */
void MiRefuseIfLentWaitEnded(void)
{
    if (MiLentBucket != NULL && atomic_load(&MiWaitEpoch) != MiParkEpoch) {
        MiLeaveFaultTrap(); /* refused, not stopped: the trap ends here */
        MiLeaveDeadWait(MiParkDdi, MiParkEpoch); /* drops the lock and the count */
    }
}

void MiTakeBackParkAfterFault(void *Lent)
{
    if (Lent == NULL || MiLentBucket != Lent) {
        return; /* only the fault that let it go takes it back */
    }
    pthread_mutex_lock(MiLentBucket);
    MiHeldBucket = MiLentBucket;
    MiLentBucket = NULL;
    MiLookInterrupted = true;
    if (atomic_load(&MiWaitEpoch) != MiParkEpoch) {
        /* Reset meanwhile: the access must not be retried on its memory. */
        MiHeldBucket = NULL;
        pthread_mutex_unlock((pthread_mutex_t *)Lent);
        atomic_fetch_sub(&MiParked, 1);
        MiLeaveFaultTrap();
        MiLeaveDeadWait(MiParkDdi, MiParkEpoch);
    }
}

long MiParkedThreads(void)
{
    return atomic_load(&MiParked);
}

long MiSpinningThreads(void)
{
    return atomic_load(&MiSpinners[0]) + atomic_load(&MiSpinners[1]);
}

void MiUnparkAll(const volatile void *Address)
{
    MI_PARK_BUCKET *Bucket = MiBucket(Address);
    pthread_mutex_lock(&Bucket->Mutex);
    pthread_cond_broadcast(&Bucket->Cond);
    pthread_mutex_unlock(&Bucket->Mutex);
}

/* ---------------------------------------------------------------------- */
/* fork(): the child's only thread must find every host lock free and no  */
/* phantom waiter in a condition variable (machine.c registers these).    */
/* ---------------------------------------------------------------------- */
void MiLocksForkPrepare(void)
{
    MiLock();
    pthread_once(&MiParkOnce, MiInitPark);
}

void MiLocksForkParent(void)
{
    MiUnlock();
}

void MiLocksForkChild(void)
{
    /* The parking lot guards no state of its own (a waiter re-checks its
     * predicate), so its mutexes are not taken around the fork: the child
     * simply builds them afresh, dropping the parent's waiters. The held
     * simulator lock names the parent's thread id as owner, which the
     * child's thread no longer has: it is made new too, then taken again as
     * deep as the forking thread held it. */
    MiInitPark();
    /* The parent's other threads are not in the child: none of them waits
     * or spins here (a count left over would make every reset of the
     * child wait for a spinner that never leaves). */
    atomic_store(&MiParked, 0);
    for (int i = 0; i < 2; i++) {
        atomic_store(&MiSpinners[i], MiSpinSlot == &MiSpinners[i] ? 1 : 0);
    }
    unsigned Depth = MiMmLockDepth;
    for (unsigned i = 0; i < Depth; i++) {
        /* Fails (EPERM: not the owner) but tells ThreadSanitizer, which
         * would otherwise see the lock held for ever by this thread. */
        (void)pthread_mutex_unlock(&MiMmLock);
    }
    MiInitMmLock();
    MiMmLockDepth = 0;
    for (unsigned i = 0; i + 1 < Depth; i++) {
        MiLock();
    }
}

/* ---------------------------------------------------------------------- */
/* Spin locks.                                                            */
/* ---------------------------------------------------------------------- */
/* A per-thread address identifies the owner in the lock word, as checked
 * builds of Windows store the owning thread. */
static _Thread_local char MiThreadTag;

static ULONG_PTR MiOwnerValue(void)
{
    return (ULONG_PTR)(uintptr_t)&MiThreadTag | 1;
}

VOID NTAPI KeInitializeSpinLock(PKSPIN_LOCK SpinLock)
{
    MiRefuseIfStopped("KeInitializeSpinLock");
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    __atomic_store_n(SpinLock, 0, __ATOMIC_RELEASE);
}

/* Counts this thread as spinning on the current machine; returns its epoch
 * (mi.h: the executive's spin locks count their spinners here too). */
uint64_t MiEnterSpin(void)
{
    for (;;) {
        uint64_t Epoch = atomic_load(&MiWaitEpoch);
        MiSpinSlot = &MiSpinners[Epoch & 1];
        atomic_fetch_add(MiSpinSlot, 1);
        if (atomic_load(&MiWaitEpoch) == Epoch) {
            return Epoch;
        }
        atomic_fetch_sub(MiSpinSlot, 1); /* a reset went by: count again */
        MiSpinSlot = NULL;
    }
}

void MiLeaveSpin(void)
{
    atomic_fetch_sub(MiSpinSlot, 1);
    MiSpinSlot = NULL;
}

static void MiAcquireSpin(PKSPIN_LOCK SpinLock)
{
    MiRefuseIfStopped("KeAcquireSpinLock");
    ULONG_PTR Self = MiOwnerValue();
    unsigned Spins = 0;
    uint64_t Epoch = 0;
    for (;;) {
        ULONG_PTR Expected = 0;
        if (__atomic_compare_exchange_n(SpinLock, &Expected, Self, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
            if (MiSpinSlot != NULL) {
                MiLeaveSpin();
            }
            return;
        }
        if (Expected == Self) {
            /* A real processor would spin forever; checked Windows stops. */
            KeBugCheckEx(SPIN_LOCK_ALREADY_OWNED, (ULONG_PTR)SpinLock, Self, 0, 0);
        }
        if (MiSpinSlot == NULL) {
            Epoch = MiEnterSpin();
        }
        /* The owner may have stopped the machine (its frame caught the
         * stop, the lock stays held) or the machine may be gone. */
        if (MiIsStopped() || atomic_load(&MiWaitEpoch) != Epoch) {
            MiLeaveSpin();
            MiLeaveDeadWait("KeAcquireSpinLock", Epoch);
        }
        if (++Spins % 64 == 0) {
            sched_yield(); /* host threads may share one core */
        }
    }
}

static void MiReleaseSpin(PKSPIN_LOCK SpinLock)
{
    MiRefuseIfStopped("KeReleaseSpinLock");
    ULONG_PTR Self = MiOwnerValue();
    ULONG_PTR Expected = Self;
    if (!__atomic_compare_exchange_n(SpinLock, &Expected, 0, false, __ATOMIC_RELEASE,
                                     __ATOMIC_RELAXED)) {
        KeBugCheckEx(SPIN_LOCK_NOT_OWNED, (ULONG_PTR)SpinLock, Expected, Self, 0);
    }
}

KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
{
    KIRQL Old = KfRaiseIrql(DISPATCH_LEVEL);
    /* The lock is touched at DISPATCH_LEVEL: a NULL one is 0xD1, as on Windows. */
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    MiAcquireSpin(SpinLock);
    return Old;
}

VOID NTAPI KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    MiReleaseSpin(SpinLock);
    KeLowerIrql(NewIrql);
}

VOID NTAPI KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    MiRefuseIfStopped("KeAcquireSpinLock");
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    KIRQL Irql = KeGetCurrentIrql();
    if (Irql < DISPATCH_LEVEL) {
        KeBugCheckEx(IRQL_NOT_GREATER_OR_EQUAL, (ULONG_PTR)SpinLock, Irql, DISPATCH_LEVEL,
                     MI_CALLER_ADDRESS());
    }
    MiAcquireSpin(SpinLock);
}

VOID NTAPI KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    MiReleaseSpin(SpinLock);
}

BOOLEAN NTAPI KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    ULONG_PTR Expected = 0;
    return __atomic_compare_exchange_n(SpinLock, &Expected, MiOwnerValue(), false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)
               ? TRUE
               : FALSE;
}

VOID FASTCALL KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    MiCheckDriverPointer(LockHandle, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->LockQueue.Next = NULL;
    LockHandle->OldIrql = KeAcquireSpinLockRaiseToDpc(SpinLock);
}

VOID FASTCALL KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle)
{
    MiCheckDriverPointer(LockHandle, 0, false, MI_CALLER_ADDRESS());
    KeReleaseSpinLock(LockHandle->LockQueue.Lock, LockHandle->OldIrql);
}

/* ---------------------------------------------------------------------- */
/* Fast mutexes. Count bit 0 set = free (the WDK's FM_LOCK_BIT).          */
/* ---------------------------------------------------------------------- */
VOID NTAPI ExInitializeFastMutex(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExInitializeFastMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(FastMutex, offsetof(FAST_MUTEX, Count), true, MI_CALLER_ADDRESS());
    __atomic_store_n(&FastMutex->Count, FM_LOCK_BIT, __ATOMIC_RELEASE);
    FastMutex->Owner = NULL;
    FastMutex->Contention = 0;
    FastMutex->OldIrql = 0;
    memset(&FastMutex->Event, 0, sizeof(FastMutex->Event));
}

/* Takes a free fast mutex (clears FM_LOCK_BIT); false if it is owned. */
bool MiTryTakeFastMutex(void *Context)
{
    PFAST_MUTEX FastMutex = (PFAST_MUTEX)Context;
    LONG Old = __atomic_load_n(&FastMutex->Count, __ATOMIC_RELAXED);
    while (Old & FM_LOCK_BIT) {
        if (__atomic_compare_exchange_n(&FastMutex->Count, &Old, Old & ~FM_LOCK_BIT, false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return true;
        }
    }
    return false;
}

VOID FASTCALL ExAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExAcquireFastMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(FastMutex, offsetof(FAST_MUTEX, Owner), false, MI_CALLER_ADDRESS());
    KIRQL Old = KfRaiseIrql(APC_LEVEL);
    if (__atomic_load_n(&FastMutex->Owner, __ATOMIC_RELAXED) == (PVOID)&MiThreadTag) {
        /* Recursive acquisition deadlocks on Windows; stop instead of hanging. */
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20005, (ULONG_PTR)"IrqlExApcLte1",
                     Old, (ULONG_PTR)FastMutex);
    }
    if (!MiTryTakeFastMutex(FastMutex)) {
        __atomic_add_fetch(&FastMutex->Contention, 1, __ATOMIC_RELAXED);
        MiParkUntilFor("ExAcquireFastMutex", FastMutex, MiTryTakeFastMutex, FastMutex, -1);
    }
    __atomic_store_n(&FastMutex->Owner, (PVOID)&MiThreadTag, __ATOMIC_RELAXED);
    FastMutex->OldIrql = Old;
}

BOOLEAN FASTCALL ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExTryToAcquireFastMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(FastMutex, offsetof(FAST_MUTEX, Count), true, MI_CALLER_ADDRESS());
    KIRQL Old = KfRaiseIrql(APC_LEVEL);
    if (!MiTryTakeFastMutex(FastMutex)) {
        KeLowerIrql(Old);
        return FALSE;
    }
    __atomic_store_n(&FastMutex->Owner, (PVOID)&MiThreadTag, __ATOMIC_RELAXED);
    FastMutex->OldIrql = Old;
    return TRUE;
}

VOID FASTCALL ExReleaseFastMutex(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExReleaseFastMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(FastMutex, offsetof(FAST_MUTEX, OldIrql), false, MI_CALLER_ADDRESS());
    KIRQL Old = (KIRQL)FastMutex->OldIrql;
    __atomic_store_n(&FastMutex->Owner, NULL, __ATOMIC_RELAXED);
    __atomic_or_fetch(&FastMutex->Count, FM_LOCK_BIT, __ATOMIC_RELEASE);
    MiUnparkAll(FastMutex);
    KeLowerIrql(Old);
}

/* ---------------------------------------------------------------------- */
/* Events.                                                                */
/* ---------------------------------------------------------------------- */
VOID NTAPI KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
    MiDdiEnter(MiDdi_KeInitializeEvent, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Event, 0, true, MI_CALLER_ADDRESS());
    memset(Event, 0, sizeof(*Event));
    Event->Header.Type = (UCHAR)Type;
    Event->Header.Size = (UCHAR)(sizeof(KEVENT) / sizeof(LONG));
    __atomic_store_n(&Event->Header.SignalState, State ? 1 : 0, __ATOMIC_RELEASE);
    InitializeListHead(&Event->Header.WaitListHead);
}

LONG NTAPI KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    UNREFERENCED_PARAMETER(Increment);
    UNREFERENCED_PARAMETER(Wait);
    MiDdiEnter(MiDdi_KeSetEvent, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Event, offsetof(KEVENT, Header.SignalState), true, MI_CALLER_ADDRESS());
    LONG Previous = __atomic_exchange_n(&Event->Header.SignalState, 1, __ATOMIC_RELEASE);
    MiKeWake(Event); /* its waiters and multi-object waiters */
    return Previous;
}

VOID NTAPI KeClearEvent(PRKEVENT Event)
{
    MiDdiEnter(MiDdi_KeClearEvent, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Event, offsetof(KEVENT, Header.SignalState), true, MI_CALLER_ADDRESS());
    __atomic_store_n(&Event->Header.SignalState, 0, __ATOMIC_RELEASE);
}

LONG NTAPI KeReadStateEvent(PRKEVENT Event)
{
    MiCheckDriverPointer(Event, offsetof(KEVENT, Header.SignalState), false, MI_CALLER_ADDRESS());
    return __atomic_load_n(&Event->Header.SignalState, __ATOMIC_ACQUIRE);
}

/* Waits on any dispatcher object (sim/ke/dispatch.c). */
NTSTATUS MiKeWaitSingle(const char *Ddi, PVOID Object, PLARGE_INTEGER Timeout,
                        ULONG_PTR Caller);

NTSTATUS NTAPI KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason,
                                     KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                     PLARGE_INTEGER Timeout)
{
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    MiDdiEnter(MiDdi_KeWaitForSingleObject, 0, MI_CALLER_ADDRESS());
    return MiKeWaitSingle("KeWaitForSingleObject", Object, Timeout, MI_CALLER_ADDRESS());
}
