/*
 * dispatch.c - the dispatcher objects beyond events (semaphores, kernel
 * mutexes, guarded mutexes, gates), waits on one or several objects,
 * pulsed events, KeDelayExecutionThread, critical and guarded regions,
 * and the simulated thread object (priority, affinity, APC disable counts).
 *
 * Every object keeps its state in its DISPATCHER_HEADER.SignalState, changed
 * with atomics as locks.c does for events; waiters park on the object's
 * address (locks.c's parking lot) and re-check. A multi-object waiter parks
 * on one shared key that every state change also wakes. A wait-all takes
 * the objects one by one and gives back what it took when one is not
 * signalled, so it never holds part of its objects while it sleeps.
 * docs/ke-sync.md.
 */
#include <pthread.h>
#include <time.h>

#include "mi_ke.h"

/* ---------------------------------------------------------------------- */
/* Threads.                                                               */
/* ---------------------------------------------------------------------- */
#define MI_DEFAULT_PRIORITY 8 /* a system thread's (PsCreateSystemThread) */

static _Thread_local struct _KTHREAD MiThread;
static _Thread_local uint64_t MiThreadMachine; /* the machine MiThread belongs to */
/* ps32: a system thread's own object (sim/ps), in place of MiThread. */
static _Thread_local struct _KTHREAD *MiThreadObject;

static uint64_t MiNowNs(void)
{
    struct timespec Now;
    clock_gettime(CLOCK_MONOTONIC, &Now);
    return (uint64_t)Now.tv_sec * 1000000000ull + (uint64_t)Now.tv_nsec;
}

void MiKeInitThread(struct _KTHREAD *Thread)
{
    memset(Thread, 0, sizeof(*Thread));
    Thread->Header.Type = MI_OBJ_THREAD;
    Thread->Priority = MI_DEFAULT_PRIORITY;
    Thread->CreatedNs = MiNowNs();
}

void MiKeSetCurrentThread(struct _KTHREAD *Thread)
{
    MiThreadObject = Thread;
}

static struct _KTHREAD *MiCurrentThread(void)
{
    if (MiThreadObject != NULL) {
        return MiThreadObject;
    }
    /* A thread's state (regions, owned mutexes, priority, affinity) is the
     * machine's: a new machine (reset, or a stop caught in the middle of a
     * region) starts the thread afresh. */
    uint64_t Machine = MiCurrentWaitEpoch();
    if (MiThreadMachine != Machine) {
        MiThreadMachine = Machine;
        MiKeInitThread(&MiThread); /* no DDI here: callable on a stopped machine */
    }
    return &MiThread;
}

PKTHREAD NTAPI KeGetCurrentThread(VOID)
{
    return MiCurrentThread();
}

KPRIORITY NTAPI KeQueryPriorityThread(PRKTHREAD Thread)
{
    MiCheckDriverPointer(Thread, 0, false, MI_CALLER_ADDRESS());
    return __atomic_load_n(&Thread->Priority, __ATOMIC_RELAXED);
}

KPRIORITY NTAPI KeSetPriorityThread(PKTHREAD Thread, KPRIORITY Priority)
{
    MiDdiEnter(MiDdi_KeSetPriorityThread, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Thread, 0, true, MI_CALLER_ADDRESS());
    /* The kernel asserts LOW_PRIORITY < Priority <= HIGH_PRIORITY (the
     * idle priority 0 belongs to the idle thread). */
    if (Priority <= LOW_PRIORITY || Priority > HIGH_PRIORITY) {
        MmsimAssertFailed("(Priority <= HIGH_PRIORITY) && (Priority > LOW_PRIORITY)", __FILE__,
                          __LINE__);
    }
    return __atomic_exchange_n(&Thread->Priority, Priority, __ATOMIC_RELAXED);
}

LONG NTAPI KeSetBasePriorityThread(PRKTHREAD Thread, LONG Increment)
{
    MiDdiEnter(MiDdi_KeSetBasePriorityThread, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Thread, 0, true, MI_CALLER_ADDRESS());
    LONG Old = __atomic_exchange_n(&Thread->BaseIncrement, Increment, __ATOMIC_RELAXED);
    LONG Priority = MI_DEFAULT_PRIORITY + Increment;
    Priority = Priority < 1 ? 1 : Priority > 15 ? 15 : Priority; /* stays variable-class */
    __atomic_store_n(&Thread->Priority, Priority, __ATOMIC_RELAXED);
    return Old;
}

ULONG NTAPI KeQueryRuntimeThread(PKTHREAD Thread, PULONG UserTime)
{
    MiCheckDriverPointer(Thread, 0, false, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(UserTime, 0, true, MI_CALLER_ADDRESS());
    *UserTime = 0; /* a driver's thread runs in kernel mode only */
    /* Kernel time in clock ticks (KeQueryTimeIncrement units) since first use. */
    uint64_t Ns = MiNowNs() - Thread->CreatedNs;
    return (ULONG)(Ns / 100 / KeQueryTimeIncrement());
}

ULONG64 NTAPI KeQueryTotalCycleTimeThread(PKTHREAD Thread, PULONG64 CycleTimeStamp)
{
    MiCheckDriverPointer(Thread, 0, false, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(CycleTimeStamp, 0, true, MI_CALLER_ADDRESS());
    uint64_t Now = MiNowNs();
    *CycleTimeStamp = Now; /* mmsim counts one cycle per host nanosecond */
    return Now - Thread->CreatedNs;
}

KAFFINITY NTAPI KeQueryActiveProcessors(VOID)
{
    KAFFINITY Mask;
    (void)KeQueryActiveProcessorCount(&Mask);
    return Mask;
}

KAFFINITY NTAPI KeQueryGroupAffinity(USHORT GroupNumber)
{
    ULONG Count = KeQueryActiveProcessorCountEx(GroupNumber);
    if (Count >= sizeof(KAFFINITY) * 8) {
        return ~(KAFFINITY)0;
    }
    return ((KAFFINITY)1 << Count) - 1;
}

KAFFINITY NTAPI KeSetSystemAffinityThreadEx(KAFFINITY Affinity)
{
    MiDdiEnter(MiDdi_KeSetSystemAffinityThreadEx, 0, MI_CALLER_ADDRESS());
    struct _KTHREAD *Thread = MiCurrentThread();
    /* An affinity naming no active processor: the kernel stops with
     * INVALID_AFFINITY_SET. */
    if ((Affinity & KeQueryActiveProcessors()) == 0) {
        KeBugCheckEx(INVALID_AFFINITY_SET, Affinity, KeQueryActiveProcessors(), 0, 0);
    }
    KAFFINITY Previous = Thread->SystemAffinity;
    Thread->SystemAffinity = Affinity & KeQueryActiveProcessors();
    Thread->SystemGroup = 0;
    return Previous;
}

VOID NTAPI KeSetSystemAffinityThread(KAFFINITY Affinity)
{
    (void)KeSetSystemAffinityThreadEx(Affinity);
}

VOID NTAPI KeRevertToUserAffinityThreadEx(KAFFINITY Affinity)
{
    MiDdiEnter(MiDdi_KeRevertToUserAffinityThreadEx, 0, MI_CALLER_ADDRESS());
    /* Affinity is what KeSetSystemAffinityThreadEx returned: 0 restores the
     * user affinity, anything else the earlier system affinity. Documented:
     * no effect unless KeSetSystemAffinityThreadEx came first. */
    struct _KTHREAD *Thread = MiCurrentThread();
    if (Thread->SystemAffinity == 0) {
        return;
    }
    Thread->SystemAffinity = Affinity & KeQueryActiveProcessors();
    Thread->SystemGroup = 0;
}

VOID NTAPI KeRevertToUserAffinityThread(VOID)
{
    KeRevertToUserAffinityThreadEx(0);
}

/* The group forms (survey31). The group and mask are taken only when the
 * group exists, the mask names only processors of that group and at least
 * one of them is active; otherwise the call changes nothing (documented:
 * no bug check, no status). */
static bool MiGroupAffinityValid(const GROUP_AFFINITY *Affinity)
{
    if (Affinity->Mask == 0 || Affinity->Group >= KeQueryActiveGroupCount()) {
        return false;
    }
    return (Affinity->Mask & ~KeQueryGroupAffinity(Affinity->Group)) == 0;
}

VOID NTAPI KeSetSystemGroupAffinityThread(PGROUP_AFFINITY Affinity, PGROUP_AFFINITY PreviousAffinity)
{
    MiDdiEnter(MiDdi_KeSetSystemGroupAffinityThread, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Affinity, sizeof(*Affinity) - 1, false, MI_CALLER_ADDRESS());
    struct _KTHREAD *Thread = MiCurrentThread();
    GROUP_AFFINITY Asked = *Affinity; /* Affinity and PreviousAffinity may be one */
    if (PreviousAffinity != NULL) {
        MiCheckDriverPointer(PreviousAffinity, sizeof(*PreviousAffinity) - 1, true,
                             MI_CALLER_ADDRESS());
        /* Mask 0: "the thread's own (user) affinity", which
         * KeRevertToUserGroupAffinityThread restores. */
        RtlZeroMemory(PreviousAffinity, sizeof(*PreviousAffinity));
        PreviousAffinity->Mask = Thread->SystemAffinity;
        PreviousAffinity->Group = Thread->SystemAffinity != 0 ? Thread->SystemGroup : 0;
    }
    if (MiGroupAffinityValid(&Asked)) {
        Thread->SystemAffinity = Asked.Mask;
        Thread->SystemGroup = Asked.Group;
    }
}

VOID NTAPI KeRevertToUserGroupAffinityThread(PGROUP_AFFINITY PreviousAffinity)
{
    MiDdiEnter(MiDdi_KeRevertToUserGroupAffinityThread, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(PreviousAffinity, sizeof(*PreviousAffinity) - 1, false,
                         MI_CALLER_ADDRESS());
    struct _KTHREAD *Thread = MiCurrentThread();
    /* Documented: no effect unless a system affinity is in effect (none set
     * since the thread began or since the revert to its own). */
    if (Thread->SystemAffinity == 0) {
        return;
    }
    if (PreviousAffinity->Mask == 0) {
        Thread->SystemAffinity = 0;
        Thread->SystemGroup = 0;
    } else if (MiGroupAffinityValid(PreviousAffinity)) {
        Thread->SystemAffinity = PreviousAffinity->Mask;
        Thread->SystemGroup = PreviousAffinity->Group;
    }
}

/* ---------------------------------------------------------------------- */
/* Critical and guarded regions.                                          */
/* ---------------------------------------------------------------------- */
VOID NTAPI KeEnterCriticalRegion(VOID)
{
    MiDdiEnter(MiDdi_KeEnterCriticalRegion, 0, MI_CALLER_ADDRESS());
    MiCurrentThread()->KernelApcDisable--;
}

VOID NTAPI KeLeaveCriticalRegion(VOID)
{
    MiDdiEnter(MiDdi_KeLeaveCriticalRegion, 0, MI_CALLER_ADDRESS());
    struct _KTHREAD *Thread = MiCurrentThread();
    /* Leaving a region never entered: the kernel's own assertion. */
    if (Thread->KernelApcDisable >= 0) {
        MmsimAssertFailed("Thread->KernelApcDisable < 0 (KeLeaveCriticalRegion without "
                          "KeEnterCriticalRegion)",
                          __FILE__, __LINE__);
    }
    Thread->KernelApcDisable++;
}

VOID NTAPI KeEnterGuardedRegion(VOID)
{
    MiDdiEnter(MiDdi_KeEnterGuardedRegion, 0, MI_CALLER_ADDRESS());
    MiCurrentThread()->SpecialApcDisable--;
}

VOID NTAPI KeLeaveGuardedRegion(VOID)
{
    MiDdiEnter(MiDdi_KeLeaveGuardedRegion, 0, MI_CALLER_ADDRESS());
    struct _KTHREAD *Thread = MiCurrentThread();
    if (Thread->SpecialApcDisable >= 0) {
        MmsimAssertFailed("Thread->SpecialApcDisable < 0 (KeLeaveGuardedRegion without "
                          "KeEnterGuardedRegion)",
                          __FILE__, __LINE__);
    }
    Thread->SpecialApcDisable++;
}

BOOLEAN NTAPI KeAreApcsDisabled(VOID)
{
    const struct _KTHREAD *Thread = MiCurrentThread();
    return (Thread->KernelApcDisable != 0 || Thread->SpecialApcDisable != 0) ? TRUE : FALSE;
}

BOOLEAN NTAPI KeAreAllApcsDisabled(VOID)
{
    const struct _KTHREAD *Thread = MiCurrentThread();
    return (Thread->SpecialApcDisable != 0 || MiCurrentIrql() >= APC_LEVEL) ? TRUE : FALSE;
}

/* ---------------------------------------------------------------------- */
/* Object states.                                                         */
/* ---------------------------------------------------------------------- */
/* Multi-object waiters park here; every state change wakes it too. */
static char MiAnyObjectKey;

void MiKeWake(const volatile void *Object)
{
    MiUnparkAll(Object);
    MiUnparkAll(&MiAnyObjectKey);
}

void MiKeBeginWait(MI_WAIT_OBJECT *Wait, PVOID Object)
{
    PDISPATCHER_HEADER Header = (PDISPATCHER_HEADER)Object;
    Wait->Object = Object;
    Wait->PulseGeneration = __atomic_load_n(&Header->Reserved1, __ATOMIC_ACQUIRE);
}

static bool MiTakeOne(volatile LONG *State)
{
    LONG Old = __atomic_load_n(State, __ATOMIC_RELAXED);
    while (Old > 0) {
        if (__atomic_compare_exchange_n(State, &Old, Old - 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
            return true;
        }
    }
    return false;
}

static bool MiTakeMutant(PKMUTANT Mutant)
{
    struct _KTHREAD *Self = MiCurrentThread();
    if (__atomic_load_n(&Mutant->OwnerThread, __ATOMIC_ACQUIRE) == Self) {
        /* Recursive acquisition: only the owner changes an owned mutex. */
        if (__atomic_load_n(&Mutant->Header.SignalState, __ATOMIC_RELAXED) == (LONG)MINLONG + 1) {
            ExRaiseStatus(STATUS_MUTANT_LIMIT_EXCEEDED);
        }
        __atomic_sub_fetch(&Mutant->Header.SignalState, 1, __ATOMIC_RELAXED);
        return true;
    }
    LONG Free = 1;
    if (!__atomic_compare_exchange_n(&Mutant->Header.SignalState, &Free, 0, false,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        return false;
    }
    __atomic_store_n(&Mutant->OwnerThread, Self, __ATOMIC_RELEASE);
    /* Owning a kernel mutex disables normal kernel APCs, as a critical
     * region does (KeAreApcsDisabled is TRUE). */
    Self->KernelApcDisable--;
    Self->MutexesOwned++;
    return true;
}

bool MiKeTryAcquire(MI_WAIT_OBJECT *Wait)
{
    PDISPATCHER_HEADER Header = (PDISPATCHER_HEADER)Wait->Object;
    LONG Signalled = 1;
    switch (__atomic_load_n(&Header->Type, __ATOMIC_RELAXED)) {
    case MI_OBJ_MUTANT:
        return MiTakeMutant((PKMUTANT)Wait->Object);
    case MI_OBJ_SEMAPHORE:
        return MiTakeOne(&Header->SignalState);
    case MI_OBJ_TIMER_NOTIFICATION:
        return __atomic_load_n(&Header->SignalState, __ATOMIC_ACQUIRE) != 0;
    case MI_OBJ_TIMER_SYNCHRONIZATION:
    case MI_OBJ_GATE:
        return __atomic_compare_exchange_n(&Header->SignalState, &Signalled, 0, false,
                                           __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
    case MI_OBJ_EVENT_SYNCHRONIZATION:
        if (__atomic_compare_exchange_n(&Header->SignalState, &Signalled, 0, false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return true;
        }
        /* A KePulseEvent since the wait began releases one waiter: the one
         * that takes the pulse (Header.Signalling). */
        if (__atomic_load_n(&Header->Reserved1, __ATOMIC_ACQUIRE) != Wait->PulseGeneration) {
            UCHAR Pulse = 1;
            return __atomic_compare_exchange_n(&Header->Signalling, &Pulse, 0, false,
                                               __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
        }
        return false;
    default: /* a notification event (and, as before, anything else) */
        return __atomic_load_n(&Header->SignalState, __ATOMIC_ACQUIRE) != 0 ||
               __atomic_load_n(&Header->Reserved1, __ATOMIC_ACQUIRE) != Wait->PulseGeneration;
    }
}

static void MiReleaseMutantOnce(PKMUTANT Mutant, struct _KTHREAD *Self)
{
    LONG State = __atomic_load_n(&Mutant->Header.SignalState, __ATOMIC_RELAXED);
    if (State + 1 == 1) {
        __atomic_store_n(&Mutant->OwnerThread, (struct _KTHREAD *)NULL, __ATOMIC_RELAXED);
        Self->KernelApcDisable++;
        Self->MutexesOwned--;
    }
    __atomic_store_n(&Mutant->Header.SignalState, State + 1, __ATOMIC_RELEASE);
}

void MiKeUndoAcquire(PVOID Object)
{
    PDISPATCHER_HEADER Header = (PDISPATCHER_HEADER)Object;
    switch (Header->Type) {
    case MI_OBJ_MUTANT:
        MiReleaseMutantOnce((PKMUTANT)Object, MiCurrentThread());
        break;
    case MI_OBJ_SEMAPHORE:
        __atomic_add_fetch(&Header->SignalState, 1, __ATOMIC_RELEASE);
        break;
    case MI_OBJ_TIMER_SYNCHRONIZATION:
    case MI_OBJ_GATE:
    case MI_OBJ_EVENT_SYNCHRONIZATION:
        __atomic_store_n(&Header->SignalState, 1, __ATOMIC_RELEASE);
        break;
    default:
        return; /* a notification object was not changed */
    }
    MiKeWake(Object);
}

int64_t MiKeTimeoutNs(const LARGE_INTEGER *Timeout)
{
    if (Timeout == NULL) {
        return -1;
    }
    if (Timeout->QuadPart <= 0) {
        /* Relative: 100 ns units; beyond INT64_MAX ns is "for ever". */
        if (Timeout->QuadPart < -(INT64_MAX / 100)) {
            return -1;
        }
        return -Timeout->QuadPart * 100;
    }
    /* Absolute: a system time (100 ns units since 1601). */
    LARGE_INTEGER Now;
    KeQuerySystemTimePrecise(&Now);
    if (Timeout->QuadPart <= Now.QuadPart) {
        return 0;
    }
    LONGLONG Delta = Timeout->QuadPart - Now.QuadPart;
    return Delta > INT64_MAX / 100 ? -1 : Delta * 100;
}

/* ---------------------------------------------------------------------- */
/* Waits.                                                                 */
/* ---------------------------------------------------------------------- */
static void MiCheckWaitIrql(PVOID Object, int64_t TimeoutNs, ULONG_PTR Caller)
{
    KIRQL Irql = KeGetCurrentIrql();
    if (Irql >= DISPATCH_LEVEL && TimeoutNs != 0) {
        /* Waiting at DISPATCH_LEVEL is only legal with a zero timeout. */
        KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Object, Irql, 0, Caller);
    }
}

static bool MiSingleSatisfied(void *Context)
{
    return MiKeTryAcquire((MI_WAIT_OBJECT *)Context);
}

NTSTATUS MiKeWaitSingle(const char *Ddi, PVOID Object, PLARGE_INTEGER Timeout,
                        ULONG_PTR Caller);
NTSTATUS MiKeWaitSingle(const char *Ddi, PVOID Object, PLARGE_INTEGER Timeout, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Object, 0, false, Caller);
    int64_t TimeoutNs = MiKeTimeoutNs(Timeout);
    MiCheckWaitIrql(Object, TimeoutNs, Caller);
    MI_WAIT_OBJECT Wait;
    MiKeBeginWait(&Wait, Object);
    if (MiKeTryAcquire(&Wait)) {
        return STATUS_SUCCESS;
    }
    if (TimeoutNs == 0) {
        return STATUS_TIMEOUT;
    }
    return MiParkUntilFor(Ddi, Object, MiSingleSatisfied, &Wait, TimeoutNs) ? STATUS_SUCCESS
                                                                             : STATUS_TIMEOUT;
}

typedef struct _MI_MULTI_WAIT {
    ULONG Count;
    WAIT_TYPE WaitType;
    MI_WAIT_OBJECT Objects[MAXIMUM_WAIT_OBJECTS];
    ULONG Satisfier; /* WaitAny: the index of the object that satisfied it */
} MI_MULTI_WAIT;

static bool MiMultiSatisfied(void *Context)
{
    MI_MULTI_WAIT *Wait = (MI_MULTI_WAIT *)Context;
    if (Wait->WaitType == WaitAny) {
        for (ULONG i = 0; i < Wait->Count; i++) {
            if (MiKeTryAcquire(&Wait->Objects[i])) {
                Wait->Satisfier = i;
                return true;
            }
        }
        return false;
    }
    for (ULONG i = 0; i < Wait->Count; i++) {
        if (!MiKeTryAcquire(&Wait->Objects[i])) {
            while (i-- > 0) {
                MiKeUndoAcquire(Wait->Objects[i].Object);
            }
            return false;
        }
    }
    return true;
}

NTSTATUS NTAPI KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
                                        KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                        BOOLEAN Alertable, PLARGE_INTEGER Timeout,
                                        PKWAIT_BLOCK WaitBlockArray)
{
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable); /* no APC is ever delivered */
    MiDdiEnter(MiDdi_KeWaitForMultipleObjects, 0, MI_CALLER_ADDRESS());
    /* Without a wait-block array the thread's own THREAD_WAIT_OBJECTS
     * blocks are used; with one, at most MAXIMUM_WAIT_OBJECTS. */
    if (Count > (WaitBlockArray == NULL ? THREAD_WAIT_OBJECTS : MAXIMUM_WAIT_OBJECTS)) {
        KeBugCheckEx(MAXIMUM_WAIT_OBJECTS_EXCEEDED, 0, 0, 0, 0);
    }
    if (WaitType != WaitAll && WaitType != WaitAny) {
        ExRaiseStatus(STATUS_INVALID_PARAMETER);
    }
    MiCheckDriverPointer(Object, 0, false, MI_CALLER_ADDRESS());
    int64_t TimeoutNs = MiKeTimeoutNs(Timeout);
    MiCheckWaitIrql(Count > 0 ? Object[0] : NULL, TimeoutNs, MI_CALLER_ADDRESS());
    static _Thread_local MI_MULTI_WAIT Wait;
    Wait.Count = Count;
    Wait.WaitType = WaitType;
    Wait.Satisfier = 0;
    for (ULONG i = 0; i < Count; i++) {
        MiCheckDriverPointer(Object[i], 0, false, MI_CALLER_ADDRESS());
        MiKeBeginWait(&Wait.Objects[i], Object[i]);
        if (WaitBlockArray != NULL) {
            /* The caller's blocks describe the wait while it lasts. */
            PKWAIT_BLOCK Block = &WaitBlockArray[i];
            MiCheckDriverPointer(Block, 0, true, MI_CALLER_ADDRESS());
            InitializeListHead(&Block->WaitListEntry);
            Block->Thread = MiCurrentThread();
            Block->Object = Object[i];
            Block->NextWaitBlock = &WaitBlockArray[(i + 1) % Count];
            Block->WaitKey = (USHORT)i;
            Block->WaitType = (UCHAR)WaitType;
            Block->BlockState = 0;
        }
    }
    bool Satisfied = MiMultiSatisfied(&Wait);
    if (!Satisfied && TimeoutNs != 0) {
        Satisfied = MiParkUntilFor("KeWaitForMultipleObjects", &MiAnyObjectKey, MiMultiSatisfied,
                                   &Wait, TimeoutNs);
    }
    if (!Satisfied) {
        return STATUS_TIMEOUT;
    }
    return WaitType == WaitAny ? (NTSTATUS)(STATUS_WAIT_0 + Wait.Satisfier) : STATUS_SUCCESS;
}

static bool MiNever(void *Context)
{
    (void)Context;
    return false;
}

NTSTATUS NTAPI KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                      PLARGE_INTEGER Interval)
{
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    MiDdiEnter(MiDdi_KeDelayExecutionThread, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Interval, 0, false, MI_CALLER_ADDRESS());
    int64_t Ns = MiKeTimeoutNs(Interval);
    if (Ns == 0) {
        MmsimYieldProcessor(); /* gives up the rest of the quantum */
        return STATUS_SUCCESS;
    }
    /* Parked on the thread's own object: woken only by a stop or a reset. */
    (void)MiParkUntilFor("KeDelayExecutionThread", MiCurrentThread(), MiNever, NULL, Ns);
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Pulsed events.                                                         */
/* ---------------------------------------------------------------------- */
LONG NTAPI KePulseEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    UNREFERENCED_PARAMETER(Increment);
    UNREFERENCED_PARAMETER(Wait);
    MiDdiEnter(MiDdi_KePulseEvent, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Event, offsetof(KEVENT, Header.SignalState), true, MI_CALLER_ADDRESS());
    /* Satisfies the waits in progress (all of them for a notification
     * event, one for a synchronization event) and leaves the event not
     * signalled: each waiter compares the pulse generation it saw when it
     * began (Header.Reserved1) with the current one. */
    LONG Previous = __atomic_exchange_n(&Event->Header.SignalState, 0, __ATOMIC_ACQ_REL);
    if (Event->Header.Type == SynchronizationEvent) {
        __atomic_store_n(&Event->Header.Signalling, 1, __ATOMIC_RELEASE);
    }
    __atomic_add_fetch(&Event->Header.Reserved1, 1, __ATOMIC_RELEASE);
    MiKeWake(Event);
    return Previous;
}

/* ---------------------------------------------------------------------- */
/* Semaphores.                                                            */
/* ---------------------------------------------------------------------- */
VOID NTAPI KeInitializeSemaphore(PRKSEMAPHORE Semaphore, LONG Count, LONG Limit)
{
    MiDdiEnter(MiDdi_KeInitializeSemaphore, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Semaphore, 0, true, MI_CALLER_ADDRESS());
    memset(Semaphore, 0, sizeof(*Semaphore));
    Semaphore->Header.Type = MI_OBJ_SEMAPHORE;
    Semaphore->Header.Size = (UCHAR)(sizeof(KSEMAPHORE) / sizeof(LONG));
    Semaphore->Header.SignalState = Count;
    InitializeListHead(&Semaphore->Header.WaitListHead);
    Semaphore->Limit = Limit;
}

LONG NTAPI KeReadStateSemaphore(PRKSEMAPHORE Semaphore)
{
    MiCheckDriverPointer(Semaphore, 0, false, MI_CALLER_ADDRESS());
    return __atomic_load_n(&Semaphore->Header.SignalState, __ATOMIC_ACQUIRE);
}

LONG NTAPI KeReleaseSemaphore(PRKSEMAPHORE Semaphore, KPRIORITY Increment, LONG Adjustment,
                              BOOLEAN Wait)
{
    UNREFERENCED_PARAMETER(Increment);
    UNREFERENCED_PARAMETER(Wait);
    MiDdiEnter(MiDdi_KeReleaseSemaphore, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Semaphore, 0, true, MI_CALLER_ADDRESS());
    LONG Old = __atomic_load_n(&Semaphore->Header.SignalState, __ATOMIC_RELAXED);
    for (;;) {
        /* Above the limit (or wrapping): the count is left alone and
         * STATUS_SEMAPHORE_LIMIT_EXCEEDED is raised. */
        if (Adjustment <= 0 || Old > Semaphore->Limit - Adjustment) {
            ExRaiseStatus(STATUS_SEMAPHORE_LIMIT_EXCEEDED);
        }
        if (__atomic_compare_exchange_n(&Semaphore->Header.SignalState, &Old, Old + Adjustment,
                                        false, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
            break;
        }
    }
    MiKeWake(Semaphore);
    return Old;
}

/* ---------------------------------------------------------------------- */
/* Kernel mutexes.                                                        */
/* ---------------------------------------------------------------------- */
VOID NTAPI KeInitializeMutex(PRKMUTEX Mutex, ULONG Level)
{
    UNREFERENCED_PARAMETER(Level);
    MiDdiEnter(MiDdi_KeInitializeMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Mutex, 0, true, MI_CALLER_ADDRESS());
    memset(Mutex, 0, sizeof(*Mutex));
    Mutex->Header.Type = MI_OBJ_MUTANT;
    Mutex->Header.Size = (UCHAR)(sizeof(KMUTEX) / sizeof(LONG));
    Mutex->Header.SignalState = 1; /* not owned */
    InitializeListHead(&Mutex->Header.WaitListHead);
    Mutex->ApcDisable = 1;
}

LONG NTAPI KeReadStateMutex(PRKMUTEX Mutex)
{
    MiCheckDriverPointer(Mutex, 0, false, MI_CALLER_ADDRESS());
    return __atomic_load_n(&Mutex->Header.SignalState, __ATOMIC_ACQUIRE);
}

LONG NTAPI KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait)
{
    UNREFERENCED_PARAMETER(Wait);
    MiDdiEnter(MiDdi_KeReleaseMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Mutex, 0, true, MI_CALLER_ADDRESS());
    struct _KTHREAD *Self = MiCurrentThread();
    /* Only the owner may release: the kernel raises
     * STATUS_MUTANT_NOT_OWNED (unhandled in a driver: bug check 0x1E). */
    if (__atomic_load_n(&Mutex->OwnerThread, __ATOMIC_ACQUIRE) != Self) {
        ExRaiseStatus(STATUS_MUTANT_NOT_OWNED);
    }
    LONG Previous = __atomic_load_n(&Mutex->Header.SignalState, __ATOMIC_RELAXED);
    MiReleaseMutantOnce(Mutex, Self);
    if (Previous == 0) {
        MiKeWake(Mutex);
    }
    return Previous;
}

ULONG MiKeMutexesOwned(void)
{
    return MiThreadMachine == MiCurrentWaitEpoch() ? MiThread.MutexesOwned : 0;
}

/* ---------------------------------------------------------------------- */
/* Guarded mutexes. Count bit 0 set = free (GM_LOCK_BIT), as FAST_MUTEX.  */
/* ---------------------------------------------------------------------- */
VOID FASTCALL KeInitializeGuardedMutex(PKGUARDED_MUTEX GuardedMutex)
{
    MiDdiEnter(MiDdi_KeInitializeGuardedMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(GuardedMutex, 0, true, MI_CALLER_ADDRESS());
    memset(GuardedMutex, 0, sizeof(*GuardedMutex));
    GuardedMutex->Count = GM_LOCK_BIT;
    GuardedMutex->Gate.Header.Type = MI_OBJ_GATE;
    GuardedMutex->Gate.Header.Size = (UCHAR)(sizeof(KGATE) / sizeof(LONG));
    InitializeListHead(&GuardedMutex->Gate.Header.WaitListHead);
}

static bool MiTryTakeGuarded(void *Context)
{
    PKGUARDED_MUTEX Mutex = (PKGUARDED_MUTEX)Context;
    LONG Old = __atomic_load_n(&Mutex->Count, __ATOMIC_RELAXED);
    while (Old & GM_LOCK_BIT) {
        if (__atomic_compare_exchange_n(&Mutex->Count, &Old, Old & ~GM_LOCK_BIT, false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return true;
        }
    }
    return false;
}

static void MiAcquireGuarded(PKGUARDED_MUTEX Mutex, const char *Ddi)
{
    struct _KTHREAD *Self = MiCurrentThread();
    if (__atomic_load_n(&Mutex->Owner, __ATOMIC_RELAXED) == Self) {
        /* Windows would deadlock: MUTEX_ALREADY_OWNED (mutex, thread, 0). */
        KeBugCheckEx(MUTEX_ALREADY_OWNED, (ULONG_PTR)Mutex, (ULONG_PTR)Self, 0, 0);
    }
    if (!MiTryTakeGuarded(Mutex)) {
        __atomic_add_fetch(&Mutex->Contention, 1, __ATOMIC_RELAXED);
        MiParkUntilFor(Ddi, Mutex, MiTryTakeGuarded, Mutex, -1);
    }
    __atomic_store_n(&Mutex->Owner, Self, __ATOMIC_RELAXED);
}

static void MiReleaseGuarded(PKGUARDED_MUTEX Mutex)
{
    struct _KTHREAD *Self = MiCurrentThread();
    if (__atomic_load_n(&Mutex->Owner, __ATOMIC_RELAXED) != Self) {
        /* Releasing what this thread does not hold: the kernel's assertion. */
        MmsimAssertFailed("GuardedMutex->Owner == KeGetCurrentThread()", __FILE__, __LINE__);
    }
    __atomic_store_n(&Mutex->Owner, (PKTHREAD)NULL, __ATOMIC_RELAXED);
    __atomic_or_fetch(&Mutex->Count, GM_LOCK_BIT, __ATOMIC_RELEASE);
    MiUnparkAll(Mutex);
}

VOID FASTCALL KeAcquireGuardedMutex(PKGUARDED_MUTEX GuardedMutex)
{
    MiDdiEnter(MiDdi_KeAcquireGuardedMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(GuardedMutex, 0, true, MI_CALLER_ADDRESS());
    MiCurrentThread()->SpecialApcDisable--; /* enters a guarded region */
    MiAcquireGuarded(GuardedMutex, "KeAcquireGuardedMutex");
}

BOOLEAN FASTCALL KeTryToAcquireGuardedMutex(PKGUARDED_MUTEX GuardedMutex)
{
    MiDdiEnter(MiDdi_KeTryToAcquireGuardedMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(GuardedMutex, 0, true, MI_CALLER_ADDRESS());
    struct _KTHREAD *Self = MiCurrentThread();
    Self->SpecialApcDisable--;
    if (!MiTryTakeGuarded(GuardedMutex)) {
        Self->SpecialApcDisable++;
        return FALSE;
    }
    __atomic_store_n(&GuardedMutex->Owner, Self, __ATOMIC_RELAXED);
    return TRUE;
}

VOID FASTCALL KeReleaseGuardedMutex(PKGUARDED_MUTEX GuardedMutex)
{
    MiDdiEnter(MiDdi_KeReleaseGuardedMutex, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(GuardedMutex, 0, true, MI_CALLER_ADDRESS());
    MiReleaseGuarded(GuardedMutex);
    MiCurrentThread()->SpecialApcDisable++; /* leaves the guarded region */
}

/* The Unsafe forms leave the APC state alone: the caller must already be
 * in a guarded region or at APC_LEVEL (else Windows' checked assertion). */
static void MiCheckApcsOff(const char *What)
{
    if (MiCurrentIrql() < APC_LEVEL && MiCurrentThread()->SpecialApcDisable == 0 &&
        MiCurrentThread()->KernelApcDisable == 0) {
        MmsimAssertFailed(What, __FILE__, __LINE__);
    }
}

VOID FASTCALL KeAcquireGuardedMutexUnsafe(PKGUARDED_MUTEX GuardedMutex)
{
    MiDdiEnter(MiDdi_KeAcquireGuardedMutexUnsafe, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(GuardedMutex, 0, true, MI_CALLER_ADDRESS());
    MiCheckApcsOff("KeAcquireGuardedMutexUnsafe: APCs enabled (enter a guarded region first)");
    MiAcquireGuarded(GuardedMutex, "KeAcquireGuardedMutexUnsafe");
}

VOID FASTCALL KeReleaseGuardedMutexUnsafe(PKGUARDED_MUTEX GuardedMutex)
{
    MiDdiEnter(MiDdi_KeReleaseGuardedMutexUnsafe, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(GuardedMutex, 0, true, MI_CALLER_ADDRESS());
    MiReleaseGuarded(GuardedMutex);
}

/* ---------------------------------------------------------------------- */
/* Fast mutexes without the raise to APC_LEVEL.                           */
/* ---------------------------------------------------------------------- */
VOID FASTCALL ExAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExAcquireFastMutexUnsafe, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(FastMutex, 0, true, MI_CALLER_ADDRESS());
    MiCheckApcsOff("ExAcquireFastMutexUnsafe: APCs enabled (KeEnterCriticalRegion first)");
    if (__atomic_load_n(&FastMutex->Owner, __ATOMIC_RELAXED) == (PVOID)MiCurrentThread()) {
        KeBugCheckEx(MUTEX_ALREADY_OWNED, (ULONG_PTR)FastMutex, (ULONG_PTR)MiCurrentThread(), 0,
                     0);
    }
    if (!MiTryTakeFastMutex(FastMutex)) {
        __atomic_add_fetch(&FastMutex->Contention, 1, __ATOMIC_RELAXED);
        MiParkUntilFor("ExAcquireFastMutexUnsafe", FastMutex, MiTryTakeFastMutex, FastMutex, -1);
    }
    __atomic_store_n(&FastMutex->Owner, (PVOID)MiCurrentThread(), __ATOMIC_RELAXED);
}

VOID FASTCALL ExReleaseFastMutexUnsafe(PFAST_MUTEX FastMutex)
{
    MiDdiEnter(MiDdi_ExReleaseFastMutexUnsafe, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(FastMutex, 0, true, MI_CALLER_ADDRESS());
    if (__atomic_load_n(&FastMutex->Owner, __ATOMIC_RELAXED) != (PVOID)MiCurrentThread()) {
        MmsimAssertFailed("FastMutex->Owner == KeGetCurrentThread()", __FILE__, __LINE__);
    }
    __atomic_store_n(&FastMutex->Owner, (PVOID)NULL, __ATOMIC_RELAXED);
    __atomic_or_fetch(&FastMutex->Count, FM_LOCK_BIT, __ATOMIC_RELEASE);
    MiUnparkAll(FastMutex);
}
