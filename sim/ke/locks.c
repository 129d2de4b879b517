/*
 * locks.c - spin locks, fast mutexes, events, and the simulator's own lock.
 *
 * Real mutual exclusion between host threads: spin locks spin on the
 * KSPIN_LOCK word with C11 atomics (so ThreadSanitizer sees the ordering);
 * blocking primitives park on a small hashed table of host condition
 * variables keyed by the object's address, so the WDK layouts of FAST_MUTEX
 * and KEVENT stay exactly the WDK's.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>

#include "../mi.h"

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

void MiUnlock(void)
{
    MiMmLockDepth--;
    pthread_mutex_unlock(&MiMmLock);
}

void MiDropLocksForBugCheck(void)
{
    while (MiMmLockDepth > 0) {
        MiUnlock();
    }
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

bool MiParkUntil(const volatile void *Address, MI_WAIT_PREDICATE Predicate, void *Context,
                 int64_t TimeoutNs)
{
    MI_PARK_BUCKET *Bucket = MiBucket(Address);
    struct timespec Deadline;
    if (TimeoutNs >= 0) {
        clock_gettime(MI_PARK_CLOCK, &Deadline);
        int64_t Ns = (int64_t)Deadline.tv_nsec + TimeoutNs % 1000000000;
        Deadline.tv_sec += (time_t)(TimeoutNs / 1000000000 + Ns / 1000000000);
        Deadline.tv_nsec = (long)(Ns % 1000000000);
    }
    bool Satisfied = true;
    pthread_mutex_lock(&Bucket->Mutex);
    while (!Predicate(Context)) {
        if (TimeoutNs < 0) {
            pthread_cond_wait(&Bucket->Cond, &Bucket->Mutex);
        } else if (pthread_cond_timedwait(&Bucket->Cond, &Bucket->Mutex, &Deadline) == ETIMEDOUT) {
            Satisfied = Predicate(Context);
            break;
        }
    }
    pthread_mutex_unlock(&Bucket->Mutex);
    return Satisfied;
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
    __atomic_store_n(SpinLock, 0, __ATOMIC_RELEASE);
}

static void MiAcquireSpin(PKSPIN_LOCK SpinLock)
{
    MiRefuseIfStopped("KeAcquireSpinLock");
    ULONG_PTR Self = MiOwnerValue();
    unsigned Spins = 0;
    for (;;) {
        ULONG_PTR Expected = 0;
        if (__atomic_compare_exchange_n(SpinLock, &Expected, Self, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
            return;
        }
        if (Expected == Self) {
            /* A real processor would spin forever; checked Windows stops. */
            KeBugCheckEx(SPIN_LOCK_ALREADY_OWNED, (ULONG_PTR)SpinLock, Self, 0, 0);
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
    MiAcquireSpin(SpinLock);
    return Old;
}

VOID NTAPI KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    MiReleaseSpin(SpinLock);
    KeLowerIrql(NewIrql);
}

VOID NTAPI KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    MiRefuseIfStopped("KeAcquireSpinLock");
    KIRQL Irql = KeGetCurrentIrql();
    if (Irql < DISPATCH_LEVEL) {
        KeBugCheckEx(IRQL_NOT_GREATER_OR_EQUAL, (ULONG_PTR)SpinLock, Irql, DISPATCH_LEVEL,
                     MI_CALLER_ADDRESS());
    }
    MiAcquireSpin(SpinLock);
}

VOID NTAPI KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    MiReleaseSpin(SpinLock);
}

BOOLEAN NTAPI KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    ULONG_PTR Expected = 0;
    return __atomic_compare_exchange_n(SpinLock, &Expected, MiOwnerValue(), false,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)
               ? TRUE
               : FALSE;
}

VOID FASTCALL KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->LockQueue.Next = NULL;
    LockHandle->OldIrql = KeAcquireSpinLockRaiseToDpc(SpinLock);
}

VOID FASTCALL KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle)
{
    KeReleaseSpinLock(LockHandle->LockQueue.Lock, LockHandle->OldIrql);
}

/* ---------------------------------------------------------------------- */
/* Fast mutexes. Count bit 0 set = free (the WDK's FM_LOCK_BIT).          */
/* ---------------------------------------------------------------------- */
VOID NTAPI ExInitializeFastMutex(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExInitializeFastMutex, 0, MI_CALLER_ADDRESS());
    __atomic_store_n(&FastMutex->Count, FM_LOCK_BIT, __ATOMIC_RELEASE);
    FastMutex->Owner = NULL;
    FastMutex->Contention = 0;
    FastMutex->OldIrql = 0;
    memset(&FastMutex->Event, 0, sizeof(FastMutex->Event));
}

static bool MiTryTakeFastMutex(void *Context)
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
    KIRQL Old = KfRaiseIrql(APC_LEVEL);
    if (__atomic_load_n(&FastMutex->Owner, __ATOMIC_RELAXED) == (PVOID)&MiThreadTag) {
        /* Recursive acquisition deadlocks on Windows; stop instead of hanging. */
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20005, (ULONG_PTR)"IrqlExApcLte1",
                     Old, (ULONG_PTR)FastMutex);
    }
    if (!MiTryTakeFastMutex(FastMutex)) {
        __atomic_add_fetch(&FastMutex->Contention, 1, __ATOMIC_RELAXED);
        MiParkUntil(FastMutex, MiTryTakeFastMutex, FastMutex, -1);
    }
    __atomic_store_n(&FastMutex->Owner, (PVOID)&MiThreadTag, __ATOMIC_RELAXED);
    FastMutex->OldIrql = Old;
}

BOOLEAN FASTCALL ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExTryToAcquireFastMutex, 0, MI_CALLER_ADDRESS());
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
    LONG Previous = __atomic_exchange_n(&Event->Header.SignalState, 1, __ATOMIC_RELEASE);
    MiUnparkAll(Event);
    return Previous;
}

VOID NTAPI KeClearEvent(PRKEVENT Event)
{
    MiDdiEnter(MiDdi_KeClearEvent, 0, MI_CALLER_ADDRESS());
    __atomic_store_n(&Event->Header.SignalState, 0, __ATOMIC_RELEASE);
}

LONG NTAPI KeReadStateEvent(PRKEVENT Event)
{
    return __atomic_load_n(&Event->Header.SignalState, __ATOMIC_ACQUIRE);
}

static bool MiEventSignalled(void *Context)
{
    PRKEVENT Event = (PRKEVENT)Context;
    if (Event->Header.Type == SynchronizationEvent) {
        LONG Expected = 1;
        return __atomic_compare_exchange_n(&Event->Header.SignalState, &Expected, 0, false,
                                           __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
    }
    return __atomic_load_n(&Event->Header.SignalState, __ATOMIC_ACQUIRE) != 0;
}

NTSTATUS NTAPI KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason,
                                     KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                     PLARGE_INTEGER Timeout)
{
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    MiDdiEnter(MiDdi_KeWaitForSingleObject, 0, MI_CALLER_ADDRESS());
    int64_t TimeoutNs = -1;
    if (Timeout != NULL) {
        if (Timeout->QuadPart < 0) {
            TimeoutNs = -Timeout->QuadPart * 100;
        } else if (Timeout->QuadPart == 0) {
            TimeoutNs = 0;
        } else {
            /* Absolute times are measured from an arbitrary epoch here: treat
             * them as "now or past", which is what a waiter can rely on. */
            TimeoutNs = 0;
        }
    }
    KIRQL Irql = KeGetCurrentIrql();
    if (Irql >= DISPATCH_LEVEL && TimeoutNs != 0) {
        /* Waiting at DISPATCH_LEVEL is only legal with a zero timeout. */
        KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Object, Irql, 0, MI_CALLER_ADDRESS());
    }
    if (MiEventSignalled(Object)) {
        return STATUS_SUCCESS;
    }
    if (TimeoutNs == 0) {
        return STATUS_TIMEOUT;
    }
    return MiParkUntil(Object, MiEventSignalled, Object, TimeoutNs) ? STATUS_SUCCESS
                                                                    : STATUS_TIMEOUT;
}
