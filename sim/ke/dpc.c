/*
 * dpc.c - DPC objects and queues, kernel timers and the clock thread.
 *
 * Processors: each host thread is the simulated processor it runs on (as
 * IRQL is per thread, irql.c), and one more host thread, the clock thread,
 * is the processor that takes the clock interrupt.
 *   - KeInsertQueueDpc queues the DPC on the caller's processor; it runs
 *     there when that processor's IRQL drops below DISPATCH_LEVEL: at once
 *     if the caller is below it, else in the KeLowerIrql (or spin lock
 *     release) that goes below it. A DPC targeted at another processor
 *     (KeSetTargetProcessorDpc(Ex)) is queued on the clock thread's.
 *   - The clock thread expires timers at their due time (host clock): it
 *     signals the timer, wakes its waiters, queues its DPC on its own queue
 *     and runs the DPCs queued there.
 * A DPC routine runs at DISPATCH_LEVEL (a threaded DPC's at PASSIVE_LEVEL,
 * Windows' default), so mmsim's IRQL rules apply inside it; lowering the
 * IRQL below DISPATCH_LEVEL inside a DPC is 0xC4/0x31 with P4 = 1.
 * One mutex guards every queue, the queued state of every DPC (DpcData:
 * the processor it is queued on) and the timer list. docs/ke-sync.md.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mi_ke.h"
#include "../host/host.h"

/* ---------------------------------------------------------------------- */
/* State.                                                                 */
/* ---------------------------------------------------------------------- */
static _Thread_local char MiProcessorTag;  /* identifies this thread's processor */
static char MiClockProcessorTag;          /* the clock thread's */
static char MiTimerProcessorTag;          /* the clock thread's, for timers' DPCs */

/* A set timer as the clock keeps it: its due time (interrupt time) and
 * period (100 ns units, 0: one-shot), in mmsim's memory. */
typedef struct _MI_TIMER_DUE {
    uint64_t Due;
    uint64_t Period;
    PKTIMER Timer;
} MI_TIMER_DUE;

static struct {
    pthread_mutex_t Lock;
    pthread_cond_t Wake;   /* the clock thread: a timer was set, DPCs queued, stop */
    pthread_cond_t Idle;   /* a DPC finished */
    LIST_ENTRY Queue;      /* KDPC.DpcListEntry of every queued DPC, all processors */
    LIST_ENTRY Timers;     /* KTIMER.TimerListEntry, in the order they were set */
    uint64_t Running;      /* DPC routines running now */
    PKDPC ClockCurrent;    /* the DPC whose routine the clock thread runs */
    uint64_t Epoch;        /* the machine whose routines Running counts */
    /* robust31: the addresses of the queued DPCs and the set timers, in
     * mmsim's memory: what a pool free and KeRemoveQueueDpc look up, so that
     * neither follows links in a driver's object that may be gone. */
    MI_ADDRESS_SET QueuedDpcs, SetTimers;
    /* The set timers by due time, in mmsim's memory: what the clock thread
     * waits for and expires, as a kernel keeps its own timer table, so a
     * timer's KTIMER is touched when it is set, fires or is cancelled, not
     * while it waits. Incomplete when the host refused it room: the clock
     * then reads the due times from the timers on the list, as before,
     * until no timer is set or the machine is gone. */
    struct {
        MI_TIMER_DUE *Items; /* by Due; equal ones in the order they were set */
        size_t Count, Capacity;
        bool Incomplete;
    } Clock;
    bool Started, Stop, ForkStopped;
    HOST_THREAD Thread;
} MiDpc = {.Lock = PTHREAD_MUTEX_INITIALIZER,
           .Queue = {&MiDpc.Queue, &MiDpc.Queue},
           .Timers = {&MiDpc.Timers, &MiDpc.Timers}};
/* Entries of MiDpc.Timers (mi_ke.h: MiAnyTimerSet). */
_Atomic uint64_t MiSetTimerCount;
_Atomic uint64_t MiQueuedDpcCount; /* DPCs in MiDpc.Queue, read by every pool free */

static pthread_once_t MiDpcOnce = PTHREAD_ONCE_INIT;

/* The clock thread waits on the monotonic clock (the realtime one on
 * Windows, as locks.c's timed parks). */
#if defined(_WIN32)
#define MI_DPC_CLOCK CLOCK_REALTIME
#else
#define MI_DPC_CLOCK CLOCK_MONOTONIC
#endif

static void MiInitConds(void)
{
    pthread_condattr_t Attr;
    pthread_condattr_init(&Attr);
    pthread_condattr_setclock(&Attr, MI_DPC_CLOCK);
    pthread_cond_init(&MiDpc.Wake, &Attr);
    pthread_condattr_destroy(&Attr);
    pthread_cond_init(&MiDpc.Idle, NULL);
}

static bool MiClockReserve(size_t Capacity);
static void MiForkPrepare(void);
static void MiForkParent(void);
static void MiForkChild(void);

static void MiDpcInitOnce(void)
{
    MiInitConds();
    /* Room for the usual number of objects from the start: queuing at
     * DISPATCH_LEVEL seldom allocates. */
    pthread_mutex_lock(&MiDpc.Lock);
    (void)MiAddressSetReserve(&MiDpc.QueuedDpcs, 64);
    (void)MiAddressSetReserve(&MiDpc.SetTimers, 256);
    (void)MiClockReserve(256);
    pthread_mutex_unlock(&MiDpc.Lock);
    HostOnFork(MiForkPrepare, MiForkParent, MiForkChild);
}

/* The lock of the queues and timers (a reset empties them:
 * MiStopTimerThread). Their links are in the drivers' KDPCs and KTIMERs,
 * which may fault (freed with the DPC still queued, say): a lock over
 * driver memory, which the bug check releases. */
static void MiDpcLock(void)
{
    pthread_once(&MiDpcOnce, MiDpcInitOnce);
    MiLockForDriverAccess(&MiDpc.Lock);
}

static void MiDpcUnlock(void)
{
    MiUnlockForDriverAccess(&MiDpc.Lock);
}

/* This thread is inside a DPC routine of the current machine. */
static _Thread_local uint64_t MiInDpcEpoch;
_Thread_local bool MiDpcsPending;

bool MiInDpc(void);
bool MiInDpc(void)
{
    return MiInDpcEpoch != 0 && MiInDpcEpoch == MiCurrentWaitEpoch();
}

/* ---------------------------------------------------------------------- */
/* DPC objects.                                                           */
/* ---------------------------------------------------------------------- */
static void MiInitDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE Routine, PVOID Context, UCHAR Type)
{
    MiCheckDriverPointer(Dpc, 0, true, MI_CALLER_ADDRESS());
    memset(Dpc, 0, sizeof(*Dpc));
    Dpc->Type = Type;
    Dpc->Importance = MediumImportance;
    Dpc->DeferredRoutine = Routine;
    Dpc->DeferredContext = Context;
}

VOID NTAPI KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine, PVOID DeferredContext)
{
    MiDdiEnter(MiDdi_KeInitializeDpc, 0, MI_CALLER_ADDRESS());
    MiInitDpc(Dpc, DeferredRoutine, DeferredContext, MI_OBJ_DPC);
}

VOID NTAPI KeInitializeThreadedDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
                                   PVOID DeferredContext)
{
    MiDdiEnter(MiDdi_KeInitializeThreadedDpc, 0, MI_CALLER_ADDRESS());
    MiInitDpc(Dpc, DeferredRoutine, DeferredContext, MI_OBJ_THREADED_DPC);
}

VOID NTAPI KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance)
{
    MiCheckDriverPointer(Dpc, 0, true, MI_CALLER_ADDRESS());
    Dpc->Importance = (UCHAR)Importance;
}

/* mmsim's encoding of the target in KDPC.Number: 0 none, else processor + 1. */
VOID NTAPI KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number)
{
    MiCheckDriverPointer(Dpc, 0, true, MI_CALLER_ADDRESS());
    if ((UCHAR)Number >= KeQueryActiveProcessorCount(NULL)) {
        /* The DPC would be queued on a processor that does not exist:
         * 0xC7 TIMER_OR_DPC_INVALID, 3 (wrong DPC processor number). */
        KeBugCheckEx(TIMER_OR_DPC_INVALID, 3, (ULONG_PTR)Dpc, (ULONG_PTR)(UCHAR)Number,
                     KeQueryActiveProcessorCount(NULL));
    }
    Dpc->Number = (USHORT)((UCHAR)Number + 1);
}

NTSTATUS NTAPI KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber)
{
    MiCheckDriverPointer(Dpc, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(ProcNumber, 0, false, MI_CALLER_ADDRESS());
    if (ProcNumber->Reserved != 0 ||
        ProcNumber->Number >= KeQueryActiveProcessorCountEx(ProcNumber->Group)) {
        return STATUS_INVALID_PARAMETER;
    }
    ULONG Index = 0;
    for (USHORT Group = 0; Group < ProcNumber->Group; Group++) {
        Index += KeQueryActiveProcessorCountEx(Group);
    }
    Dpc->Number = (USHORT)(Index + ProcNumber->Number + 1);
    return STATUS_SUCCESS;
}

/* Whether Dpc is queued on this machine (lock held). Windows' test is a
 * non-NULL DpcData; mmsim's record says whether it is this machine's: a DPC
 * queued on a machine since reset keeps that machine's DpcData and links
 * (the reset drops the queue without touching the DPCs' memory), and is not
 * queued here. Only if the record was refused host memory is the queue
 * walked (the lock then covers driver memory). */
static bool MiDpcQueuedHere(PRKDPC Dpc)
{
    if (Dpc->DpcData == NULL) {
        return false;
    }
    if (MiAddressSetContains(&MiDpc.QueuedDpcs, Dpc)) {
        return true;
    }
    if (MiDpc.QueuedDpcs.Incomplete) {
        for (PLIST_ENTRY Entry = MiDpc.Queue.Flink; Entry != &MiDpc.Queue; Entry = Entry->Flink) {
            if (Entry == &Dpc->DpcListEntry) {
                return true;
            }
        }
    }
    return false;
}

/* Queues Dpc on Processor (lock held); false if it is queued already. */
static bool MiQueueDpcLocked(PRKDPC Dpc, void *Processor, PVOID Argument1, PVOID Argument2)
{
    if (MiDpcQueuedHere(Dpc)) {
        return false;
    }
    Dpc->SystemArgument1 = Argument1;
    Dpc->SystemArgument2 = Argument2;
    Dpc->DpcData = Processor;
    MiAddressSetInsert(&MiDpc.QueuedDpcs, Dpc);
    atomic_fetch_add_explicit(&MiQueuedDpcCount, 1, memory_order_release);
    if (Dpc->Importance == HighImportance) {
        InsertHeadList(&MiDpc.Queue, &Dpc->DpcListEntry);
    } else {
        InsertTailList(&MiDpc.Queue, &Dpc->DpcListEntry);
    }
    return true;
}

static void MiStartClockLocked(void);

BOOLEAN NTAPI KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2)
{
    MiDdiEnter(MiDdi_KeInsertQueueDpc, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Dpc, 0, true, MI_CALLER_ADDRESS());
    void *Processor = &MiProcessorTag;
    if (Dpc->Number != 0 && (ULONG)(Dpc->Number - 1) != KeGetCurrentProcessorNumber()) {
        Processor = &MiClockProcessorTag; /* another processor */
    }
    MiDpcLock();
    bool Queued = MiQueueDpcLocked(Dpc, Processor, SystemArgument1, SystemArgument2);
    if (Queued && Processor == &MiClockProcessorTag) {
        MiStartClockLocked();
        pthread_cond_signal(&MiDpc.Wake);
    }
    MiDpcUnlock();
    if (!Queued) {
        return FALSE;
    }
    if (Processor == &MiProcessorTag) {
        MiDpcsPending = true;
        if (MiCurrentIrql() < DISPATCH_LEVEL) {
            MiDrainDpcs(); /* the DPC interrupt is taken at once */
        }
    }
    return TRUE;
}

BOOLEAN NTAPI KeRemoveQueueDpc(PRKDPC Dpc)
{
    MiDdiEnter(MiDdi_KeRemoveQueueDpc, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Dpc, 0, true, MI_CALLER_ADDRESS());
    MiDpcLock();
    /* Only a DPC in this machine's queue: one queued on a machine since
     * reset keeps a stale DpcData and links into a queue that is gone. */
    bool Removed = MiDpcQueuedHere(Dpc);
    if (!Removed && Dpc->DpcData != NULL) {
        Dpc->DpcData = NULL;
    }
    if (Removed) {
        RemoveEntryList(&Dpc->DpcListEntry);
        Dpc->DpcData = NULL;
        MiAddressSetRemove(&MiDpc.QueuedDpcs, Dpc);
        atomic_fetch_sub_explicit(&MiQueuedDpcCount, 1, memory_order_release);
    }
    MiDpcUnlock();
    return Removed ? TRUE : FALSE;
}

/* Runs one DPC routine on this processor: at DISPATCH_LEVEL (a threaded
 * DPC at the IRQL it finds, PASSIVE_LEVEL when queued from there). */
static void MiCallDpc(PKDEFERRED_ROUTINE Routine, PRKDPC Dpc, PVOID Context, PVOID Argument1,
                      PVOID Argument2, bool Threaded, bool FromTimer)
{
    KIRQL Old = MiCurrentIrql();
    KIRQL RunAt = Threaded ? Old : DISPATCH_LEVEL;
    MiSetIrql(RunAt);
    uint64_t OuterInDpc = MiInDpcEpoch;
    MiInDpcEpoch = Threaded ? 0 : MiCurrentWaitEpoch();
    struct _KTHREAD *Thread = KeGetCurrentThread();
    LONG ApcBefore = Thread->KernelApcDisable + Thread->SpecialApcDisable;
    Routine(Dpc, Context, Argument1, Argument2);
    MiInDpcEpoch = OuterInDpc;
    LONG ApcAfter = Thread->KernelApcDisable + Thread->SpecialApcDisable;
    if (ApcAfter != ApcBefore) {
        /* The routine entered a critical region or took a mutex and did not
         * leave it: 0xC7 TIMER_OR_DPC_INVALID, 4 (5 for a timer's DPC). */
        KeBugCheckEx(TIMER_OR_DPC_INVALID, FromTimer ? 5 : 4, (ULONG_PTR)(void *)Routine,
                     (ULONG_PTR)(LONG_PTR)ApcBefore, (ULONG_PTR)(LONG_PTR)ApcAfter);
    }
    KIRQL After = MiCurrentIrql();
    if (After != RunAt) {
        /* The routine returned at another IRQL than it was called at:
         * IRQL_UNEXPECTED_VALUE, P1 (current << 16) | (expected << 8)
         * (mmsim's parameters: P2 the routine, P3 the DPC). */
        KeBugCheckEx(IRQL_UNEXPECTED_VALUE, ((ULONG_PTR)After << 16) | ((ULONG_PTR)RunAt << 8),
                     (ULONG_PTR)(void *)Routine, (ULONG_PTR)Dpc, 0);
    }
    MiSetIrql(Old);
}

/* Pops and runs the DPCs queued on Processor until there are none, or
 * until the machine stops: a stopped machine's processors are frozen, so no
 * routine starts after the stop (one running then is abandoned at its next
 * DDI), nor on the clock thread once it is told to end (a reset). */
static void MiRunQueued(void *Processor)
{
    MiDpcLock();
    for (;;) {
        if (MiIsStopped() || (Processor == &MiClockProcessorTag && MiDpc.Stop)) {
            break;
        }
        PRKDPC Dpc = NULL;
        for (PLIST_ENTRY Entry = MiDpc.Queue.Flink; Entry != &MiDpc.Queue; Entry = Entry->Flink) {
            PRKDPC Candidate = CONTAINING_RECORD(Entry, KDPC, DpcListEntry);
            /* The clock thread's processor also runs the DPCs its routines
             * queued untargeted (on its own thread's tag). */
            if (Candidate->DpcData == Processor ||
                (Processor == &MiClockProcessorTag && (Candidate->DpcData == &MiTimerProcessorTag ||
                                                       Candidate->DpcData == &MiProcessorTag))) {
                Dpc = Candidate;
                break;
            }
        }
        if (Dpc == NULL) {
            break;
        }
        /* Windows dequeues before the call: the routine may queue it again. */
        bool FromTimer = Dpc->DpcData == &MiTimerProcessorTag;
        RemoveEntryList(&Dpc->DpcListEntry);
        Dpc->DpcData = NULL;
        MiAddressSetRemove(&MiDpc.QueuedDpcs, Dpc);
        atomic_fetch_sub_explicit(&MiQueuedDpcCount, 1, memory_order_release);
        PKDEFERRED_ROUTINE Routine = Dpc->DeferredRoutine;
        PVOID Context = Dpc->DeferredContext;
        PVOID Argument1 = Dpc->SystemArgument1, Argument2 = Dpc->SystemArgument2;
        bool Threaded = Dpc->Type == MI_OBJ_THREADED_DPC;
        MiDpc.Running++;
        if (Processor == &MiClockProcessorTag) {
            MiDpc.ClockCurrent = Dpc;
        }
        uint64_t Epoch = MiDpc.Epoch;
        MiDpcUnlock();
        MiCallDpc(Routine, Dpc, Context, Argument1, Argument2, Threaded, FromTimer);
        MiDpcLock();
        if (MiDpc.Epoch == Epoch) {
            MiDpc.Running--;
        }
        MiDpc.ClockCurrent = NULL;
        pthread_cond_broadcast(&MiDpc.Idle);
    }
    MiDpcUnlock();
}

void MiDrainDpcs(void)
{
    /* The machine this thread drains for; a bug check inside a routine
     * leaves through here, and the next machine starts afresh. */
    static _Thread_local uint64_t DrainingEpoch;
    uint64_t Epoch = MiCurrentWaitEpoch();
    if (DrainingEpoch == Epoch || !MiDpcsPending) {
        return;
    }
    DrainingEpoch = Epoch;
    MiDpcsPending = false;
    MiRunQueued(&MiProcessorTag);
    DrainingEpoch = 0;
}

/* Returns once the clock thread no longer runs Dpc's routine (the caller is
 * about to free it); at once on the clock thread itself (a routine that
 * frees its own object returns without touching it again). */
void MiWaitForDpcRoutine(PKDPC Dpc);
void MiWaitForDpcRoutine(PKDPC Dpc)
{
    MiDpcLock();
    if (MiDpc.Started && pthread_equal(pthread_self(), MiDpc.Thread.Thread)) {
        MiDpcUnlock();
        return;
    }
    while (MiDpc.ClockCurrent == Dpc && !MiIsStopped()) {
        MiDpcUnlock();
        MmsimYieldProcessor();
        MiDpcLock();
    }
    MiDpcUnlock();
}

VOID NTAPI KeFlushQueuedDpcs(VOID)
{
    MiDdiEnter(MiDdi_KeFlushQueuedDpcs, 0, MI_CALLER_ADDRESS());
    /* Every DPC queued anywhere has run when this returns: this processor's
     * (it is below DISPATCH_LEVEL: none is left), the clock thread's, and
     * those running now. A processor held at DISPATCH_LEVEL by another
     * thread is waited for as Windows waits for it. */
    MiDpcLock();
    while (MiDpc.Running != 0 || !IsListEmpty(&MiDpc.Queue)) {
        if (MiIsStopped()) {
            break;
        }
        struct timespec Deadline;
        clock_gettime(CLOCK_REALTIME, &Deadline);
        Deadline.tv_nsec += 10 * 1000 * 1000; /* re-checks the stop */
        if (Deadline.tv_nsec >= 1000000000L) {
            Deadline.tv_sec++;
            Deadline.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&MiDpc.Idle, &MiDpc.Lock, &Deadline);
    }
    MiDpcUnlock();
    MiRefuseIfStopped("KeFlushQueuedDpcs");
}

NTSTATUS NTAPI KeQueryDpcWatchdogInformation(PKDPC_WATCHDOG_INFORMATION WatchdogInformation)
{
    MiDdiEnter(MiDdi_KeQueryDpcWatchdogInformation, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(WatchdogInformation, 0, true, MI_CALLER_ADDRESS());
    /* mmsim has no DPC watchdog: no limits, nothing counted (a limit of 0
     * means "no watchdog", as on Windows when it is disabled). */
    memset(WatchdogInformation, 0, sizeof(*WatchdogInformation));
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Spin locks from DPCs.                                                  */
/* ---------------------------------------------------------------------- */
VOID FASTCALL KeAcquireInStackQueuedSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock,
                                                       PKLOCK_QUEUE_HANDLE LockHandle)
{
    MiCheckDriverPointer(LockHandle, 0, true, MI_CALLER_ADDRESS());
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->LockQueue.Next = NULL;
    LockHandle->OldIrql = DISPATCH_LEVEL;
    KeAcquireSpinLockAtDpcLevel(SpinLock);
}

VOID FASTCALL KeReleaseInStackQueuedSpinLockFromDpcLevel(PKLOCK_QUEUE_HANDLE LockHandle)
{
    MiCheckDriverPointer(LockHandle, 0, false, MI_CALLER_ADDRESS());
    KeReleaseSpinLockFromDpcLevel(LockHandle->LockQueue.Lock);
}

KIRQL NTAPI KeAcquireSpinLockForDpc(PKSPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_KeAcquireSpinLockForDpc, 0, MI_CALLER_ADDRESS());
    /* A threaded DPC may run at PASSIVE_LEVEL: raise only then. */
    if (MiCurrentIrql() < DISPATCH_LEVEL) {
        return KeAcquireSpinLockRaiseToDpc(SpinLock);
    }
    KeAcquireSpinLockAtDpcLevel(SpinLock);
    return DISPATCH_LEVEL;
}

VOID NTAPI KeReleaseSpinLockForDpc(PKSPIN_LOCK SpinLock, KIRQL OldIrql)
{
    if (OldIrql < DISPATCH_LEVEL) {
        KeReleaseSpinLock(SpinLock, OldIrql);
    } else {
        KeReleaseSpinLockFromDpcLevel(SpinLock);
    }
}

VOID FASTCALL KeAcquireInStackQueuedSpinLockForDpc(PKSPIN_LOCK SpinLock,
                                                   PKLOCK_QUEUE_HANDLE LockHandle)
{
    MiCheckDriverPointer(LockHandle, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(SpinLock, 0, true, MI_CALLER_ADDRESS());
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->LockQueue.Next = NULL;
    LockHandle->OldIrql = KeAcquireSpinLockForDpc(SpinLock);
}

VOID FASTCALL KeReleaseInStackQueuedSpinLockForDpc(PKLOCK_QUEUE_HANDLE LockHandle)
{
    MiCheckDriverPointer(LockHandle, 0, false, MI_CALLER_ADDRESS());
    KeReleaseSpinLockForDpc(LockHandle->LockQueue.Lock, LockHandle->OldIrql);
}

/* ---------------------------------------------------------------------- */
/* Timers.                                                                */
/* ---------------------------------------------------------------------- */
/* Interrupt time now, 100 ns units. Not through KeQueryInterruptTimePrecise:
 * the clock thread reads it too, and a stop on another processor between
 * its check and the read would have the DDI refused there, ending the
 * process (exit 87) for a call no driver made. */
static uint64_t MiClockNow(void)
{
    return MiInterruptTimeNow();
}

/* Set on this machine (lock held): from mmsim's record, so that a timer set
 * on a machine since reset (its links name a list that is gone, and
 * neighbours that may be freed) is not unlinked through them. */
static bool MiTimerInserted(PKTIMER Timer)
{
    if (MiAddressSetContains(&MiDpc.SetTimers, Timer)) {
        return true;
    }
    if (MiDpc.SetTimers.Incomplete) {
        /* The record may miss it: the list decides (not the timer's own
         * link, which a timer set on a machine since reset keeps). */
        for (PLIST_ENTRY Entry = MiDpc.Timers.Flink; Entry != &MiDpc.Timers;
             Entry = Entry->Flink) {
            if (Entry == &Timer->TimerListEntry) {
                return true;
            }
        }
    }
    return false;
}

/* Room for Capacity timers in the clock's table (lock held); the white-box
 * probe MiAddressSetGrowthRefused refuses it as it refuses the sets. */
static bool MiClockReserve(size_t Capacity)
{
    if (MiDpc.Clock.Capacity >= Capacity) {
        return true;
    }
    if (atomic_load_explicit(&MiAddressSetGrowthRefused, memory_order_relaxed) != 0) {
        return false;
    }
    MI_TIMER_DUE *Items =
        (MI_TIMER_DUE *)realloc(MiDpc.Clock.Items, Capacity * sizeof(MI_TIMER_DUE));
    if (Items == NULL) {
        return false;
    }
    MiDpc.Clock.Items = Items;
    MiDpc.Clock.Capacity = Capacity;
    return true;
}

static void MiClockInsert(PKTIMER Timer, uint64_t Due, uint64_t Period)
{
    if (MiDpc.Clock.Count == MiDpc.Clock.Capacity &&
        !MiClockReserve(MiDpc.Clock.Capacity != 0 ? MiDpc.Clock.Capacity * 2 : 64)) {
        MiDpc.Clock.Incomplete = true;
        return;
    }
    /* After the timers due at the same time: they expire in the order set. */
    size_t Low = 0, High = MiDpc.Clock.Count;
    while (Low < High) {
        size_t Middle = Low + (High - Low) / 2;
        if (MiDpc.Clock.Items[Middle].Due <= Due) {
            Low = Middle + 1;
        } else {
            High = Middle;
        }
    }
    memmove(&MiDpc.Clock.Items[Low + 1], &MiDpc.Clock.Items[Low],
            (MiDpc.Clock.Count - Low) * sizeof(MiDpc.Clock.Items[0]));
    MiDpc.Clock.Items[Low] = (MI_TIMER_DUE){Due, Period, Timer};
    MiDpc.Clock.Count++;
}

static void MiClockRemove(PKTIMER Timer)
{
    for (size_t i = 0; i < MiDpc.Clock.Count; i++) {
        if (MiDpc.Clock.Items[i].Timer == Timer) {
            memmove(&MiDpc.Clock.Items[i], &MiDpc.Clock.Items[i + 1],
                    (MiDpc.Clock.Count - i - 1) * sizeof(MiDpc.Clock.Items[0]));
            MiDpc.Clock.Count--;
            return;
        }
    }
}

static void MiClockClear(void)
{
    MiDpc.Clock.Count = 0;
    MiDpc.Clock.Incomplete = false;
}

/* The set timer due first (lock held), FALSE if none is set. From the
 * clock's table; only if the host refused it room, from the timers on the
 * list (the lock covers driver memory): the first with the lowest due time. */
static bool MiFirstTimerLocked(MI_TIMER_DUE *First)
{
    if (!MiDpc.Clock.Incomplete) {
        if (MiDpc.Clock.Count == 0) {
            return false;
        }
        *First = MiDpc.Clock.Items[0];
        return true;
    }
    bool Found = false;
    for (PLIST_ENTRY Entry = MiDpc.Timers.Flink; Entry != &MiDpc.Timers; Entry = Entry->Flink) {
        PKTIMER Timer = CONTAINING_RECORD(Entry, KTIMER, TimerListEntry);
        uint64_t Due = (uint64_t)Timer->DueTime.QuadPart;
        if (!Found || Due < First->Due) {
            *First = (MI_TIMER_DUE){Due, (uint64_t)Timer->Period * 10000, Timer};
            Found = true;
        }
    }
    return Found;
}

static void MiUnlinkTimer(PKTIMER Timer)
{
    RemoveEntryList(&Timer->TimerListEntry);
    Timer->TimerListEntry.Flink = Timer->TimerListEntry.Blink = NULL;
    MiAddressSetRemove(&MiDpc.SetTimers, Timer);
    MiClockRemove(Timer);
    if (atomic_fetch_sub_explicit(&MiSetTimerCount, 1, memory_order_release) == 1) {
        MiClockClear(); /* none is set: the table is whole again */
    }
}

/* Sets Timer, due at Due (interrupt time), Period in 100 ns units (lock
 * held). The timer's own fields are the caller's. */
static void MiInsertTimerLocked(PKTIMER Timer, uint64_t Due, uint64_t Period)
{
    MiAddressSetInsert(&MiDpc.SetTimers, Timer);
    MiClockInsert(Timer, Due, Period);
    InsertTailList(&MiDpc.Timers, &Timer->TimerListEntry);
    atomic_fetch_add_explicit(&MiSetTimerCount, 1, memory_order_release);
}

VOID NTAPI KeInitializeTimerEx(PKTIMER Timer, TIMER_TYPE Type)
{
    MiDdiEnter(MiDdi_KeInitializeTimerEx, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    memset(Timer, 0, sizeof(*Timer));
    Timer->Header.Type =
        Type == SynchronizationTimer ? MI_OBJ_TIMER_SYNCHRONIZATION : MI_OBJ_TIMER_NOTIFICATION;
    Timer->Header.Size = (UCHAR)(sizeof(KTIMER) / sizeof(LONG));
    InitializeListHead(&Timer->Header.WaitListHead);
}

VOID NTAPI KeInitializeTimer(PKTIMER Timer)
{
    KeInitializeTimerEx(Timer, NotificationTimer);
}

/* Sets Timer (DueTime as the DDIs take it, Period in 100 ns units, 0: a
 * one-shot); TRUE if it was set already (that setting is cancelled). */
BOOLEAN MiSetTimer(PKTIMER Timer, LONGLONG DueTime, LONGLONG Period, PKDPC Dpc);
BOOLEAN MiSetTimer(PKTIMER Timer, LONGLONG DueTime, LONGLONG Period, PKDPC Dpc)
{
    uint64_t Now = MiClockNow();
    uint64_t Due;
    if (DueTime < 0) {
        Due = Now + (uint64_t)(-DueTime);
    } else {
        LARGE_INTEGER SystemNow;
        KeQuerySystemTimePrecise(&SystemNow);
        Due = DueTime <= SystemNow.QuadPart ? Now : Now + (uint64_t)(DueTime - SystemNow.QuadPart);
    }
    MiDpcLock();
    bool Was = MiTimerInserted(Timer);
    if (Was) {
        MiUnlinkTimer(Timer);
    }
    __atomic_store_n(&Timer->Header.SignalState, 0, __ATOMIC_RELEASE);
    Timer->DueTime.QuadPart = Due;
    Timer->Dpc = Dpc;
    /* KTIMER.Period holds milliseconds; the Ex timers' 100 ns periods are
     * kept rounded up to them. */
    Timer->Period = (ULONG)((Period + 9999) / 10000);
    if (Period > 0 && Timer->Period == 0) {
        Timer->Period = 1;
    }
    MiInsertTimerLocked(Timer, Due, (uint64_t)Timer->Period * 10000);
    MiStartClockLocked();
    pthread_cond_signal(&MiDpc.Wake);
    MiDpcUnlock();
    return Was ? TRUE : FALSE;
}

BOOLEAN NTAPI KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period, PKDPC Dpc)
{
    MiDdiEnter(MiDdi_KeSetTimerEx, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    if (Period < 0) {
        /* The kernel asserts a period that fits its unsigned field. */
        MmsimAssertFailed("Period >= 0 (KeSetTimerEx)", __FILE__, __LINE__);
    }
    return MiSetTimer(Timer, DueTime.QuadPart, (LONGLONG)Period * 10000, Dpc);
}

BOOLEAN NTAPI KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc)
{
    MiDdiEnter(MiDdi_KeSetTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    return MiSetTimer(Timer, DueTime.QuadPart, 0, Dpc);
}

BOOLEAN NTAPI KeSetCoalescableTimer(PKTIMER Timer, LARGE_INTEGER DueTime, ULONG Period,
                                    ULONG TolerableDelay, PKDPC Dpc)
{
    UNREFERENCED_PARAMETER(TolerableDelay); /* mmsim expires every timer on time */
    MiDdiEnter(MiDdi_KeSetCoalescableTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    if (Period > MAXLONG) {
        MmsimAssertFailed("Period <= MAXLONG (KeSetCoalescableTimer)", __FILE__, __LINE__);
    }
    return MiSetTimer(Timer, DueTime.QuadPart, (LONGLONG)Period * 10000, Dpc);
}

BOOLEAN NTAPI KeCancelTimer(PKTIMER Timer)
{
    MiDdiEnter(MiDdi_KeCancelTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    MiDpcLock();
    bool Was = MiTimerInserted(Timer);
    if (Was) {
        MiUnlinkTimer(Timer);
    }
    MiDpcUnlock();
    return Was ? TRUE : FALSE;
}

BOOLEAN NTAPI KeReadStateTimer(PKTIMER Timer)
{
    MiDdiEnter(MiDdi_KeReadStateTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, false, MI_CALLER_ADDRESS());
    return __atomic_load_n(&Timer->Header.SignalState, __ATOMIC_ACQUIRE) != 0 ? TRUE : FALSE;
}

/* The pool's checks (sim/mm/pool.c): the set timer or queued DPC inside
 * [Start, Start + Size), from mmsim's records only. A timer or DPC whose
 * memory the driver unmapped or freed another way stays in them, unread,
 * until it would expire or run (where its memory faults, as on Windows); an
 * unrelated free is not stopped by it. Only if a record was refused host
 * memory are the links walked (the lock then covers driver memory). */
PKTIMER MiTimerInRange(const void *Start, SIZE_T Size)
{
    const char *Low = (const char *)Start;
    PKTIMER Found = NULL;
    if (atomic_load_explicit(&MiSetTimerCount, memory_order_acquire) == 0) {
        return NULL; /* no timer is set anywhere: no lock taken per pool free */
    }
    pthread_mutex_lock(&MiDpc.Lock);
    if (!MiDpc.SetTimers.Incomplete) {
        Found = (PKTIMER)(void *)MiAddressSetFirstIn(&MiDpc.SetTimers, Start, Size);
        pthread_mutex_unlock(&MiDpc.Lock);
        return Found;
    }
    pthread_mutex_unlock(&MiDpc.Lock);
    MiDpcLock();
    for (PLIST_ENTRY Entry = MiDpc.Timers.Flink; Entry != &MiDpc.Timers; Entry = Entry->Flink) {
        PKTIMER Timer = CONTAINING_RECORD(Entry, KTIMER, TimerListEntry);
        if ((const char *)Timer >= Low && (const char *)Timer < Low + Size) {
            Found = Timer;
            break;
        }
    }
    MiDpcUnlock();
    return Found;
}

PKDPC MiQueuedDpcInRange(const void *Start, SIZE_T Size)
{
    const char *Low = (const char *)Start;
    PKDPC Found = NULL;
    if (atomic_load_explicit(&MiQueuedDpcCount, memory_order_acquire) == 0) {
        return NULL; /* none queued: no lock taken per pool free */
    }
    pthread_mutex_lock(&MiDpc.Lock);
    if (!MiDpc.QueuedDpcs.Incomplete) {
        Found = (PKDPC)(void *)MiAddressSetFirstIn(&MiDpc.QueuedDpcs, Start, Size);
        pthread_mutex_unlock(&MiDpc.Lock);
        return Found;
    }
    pthread_mutex_unlock(&MiDpc.Lock);
    MiDpcLock();
    for (PLIST_ENTRY Entry = MiDpc.Queue.Flink; Entry != &MiDpc.Queue; Entry = Entry->Flink) {
        PKDPC Dpc = CONTAINING_RECORD(Entry, KDPC, DpcListEntry);
        if ((const char *)Dpc >= Low && (const char *)Dpc < Low + Size) {
            Found = Dpc;
            break;
        }
    }
    MiDpcUnlock();
    return Found;
}

/* ---------------------------------------------------------------------- */
/* The clock thread.                                                      */
/* ---------------------------------------------------------------------- */
/* Expires the due timers (lock held). A timer's KTIMER is touched as it
 * fires, not before. Not inlined: in the clock thread's loop, beside its
 * setjmp, gcc -O3 reports these locals as clobbered (-Wclobbered). */
__attribute__((noinline)) static void MiExpireTimersLocked(uint64_t Now)
{
    MI_TIMER_DUE First;
    while (MiFirstTimerLocked(&First) && First.Due <= Now) {
        PKTIMER Timer = First.Timer;
        MiUnlinkTimer(Timer);
        if (First.Period != 0) {
            /* The next period counts from this due time, not from now. */
            uint64_t Next = First.Due + First.Period;
            if (Next <= Now) {
                Next = Now + First.Period;
            }
            Timer->DueTime.QuadPart = Next;
            MiInsertTimerLocked(Timer, Next, First.Period);
        }
        ULARGE_INTEGER Due;
        Due.QuadPart = First.Due;
        PKDPC Dpc = Timer->Dpc;
        if (Dpc != NULL) {
            /* The DPC gets the expiry time, as Windows passes it. */
            (void)MiQueueDpcLocked(Dpc, &MiTimerProcessorTag, (PVOID)(ULONG_PTR)Due.LowPart,
                                   (PVOID)(ULONG_PTR)Due.HighPart);
        }
        /* Signalled last: a waiter may return and free a one-shot timer at
         * once (the wake below uses its address only). */
        __atomic_store_n(&Timer->Header.SignalState, 1, __ATOMIC_RELEASE);
        MiKeWake(Timer);
    }
}

static void *MiClockThread(void *Unused)
{
    (void)Unused;
    SIM_CATCH_FRAME Frame;
    /* An expiring timer's KTIMER (its links, its DPC, its state) is touched
     * as Windows' timer expiry touches it, at DISPATCH_LEVEL, so a timer in
     * a page that is not there (paged pool, trimmed) is 0xA, not paged back
     * in. The stop is on this thread: uncaught, exit 86. */
    MiLockForDriverAccess(&MiDpc.Lock);
    while (!MiDpc.Stop) {
        if (!MiIsStopped()) {
            MiExpireTimersLocked(MiClockNow());
            bool Pending = false;
            for (PLIST_ENTRY Entry = MiDpc.Queue.Flink; Entry != &MiDpc.Queue;
                 Entry = Entry->Flink) {
                void *On = CONTAINING_RECORD(Entry, KDPC, DpcListEntry)->DpcData;
                if (On == &MiClockProcessorTag || On == &MiTimerProcessorTag) {
                    Pending = true;
                    break;
                }
            }
            if (Pending) {
                MiUnlockForDriverAccess(&MiDpc.Lock);
                /* A routine refused because its machine stopped or went
                 * away is abandoned, as a frozen processor never ends it. */
                SimPushCatchFrame(&Frame, MI_FRAME_REFUSAL);
                if (setjmp(Frame.Jump) == 0) {
                    MiRunQueued(&MiClockProcessorTag);
                    SimPopCatchFrame(&Frame);
                } else {
                    MiSetIrql(PASSIVE_LEVEL);
                    MiInDpcEpoch = 0;
                }
                MiLockForDriverAccess(&MiDpc.Lock);
                continue;
            }
        }
        if (MiDpc.Stop) {
            break;
        }
        MI_TIMER_DUE First;
        if (MiIsStopped() || !MiFirstTimerLocked(&First)) {
            pthread_cond_wait(&MiDpc.Wake, &MiDpc.Lock);
            continue;
        }
        uint64_t Now = MiClockNow();
        uint64_t Due = First.Due;
        if (Due <= Now) {
            continue;
        }
        uint64_t WaitNs = (Due - Now) * 100;
        struct timespec Deadline;
        clock_gettime(MI_DPC_CLOCK, &Deadline);
        uint64_t Ns = (uint64_t)Deadline.tv_nsec + WaitNs % 1000000000u;
        Deadline.tv_sec += (time_t)(WaitNs / 1000000000u + Ns / 1000000000u);
        Deadline.tv_nsec = (long)(Ns % 1000000000u);
        (void)pthread_cond_timedwait(&MiDpc.Wake, &MiDpc.Lock, &Deadline);
    }
    MiUnlockForDriverAccess(&MiDpc.Lock);
    return NULL;
}

/* Starts the clock thread if it is not running (lock held). */
static void MiStartClockLocked(void)
{
    if (MiDpc.Started) {
        return;
    }
    MiDpc.Stop = false;
    if (HostThreadCreate(&MiDpc.Thread, MiClockThread, NULL) != 0) {
        pthread_mutex_unlock(&MiDpc.Lock);
        MiWriteStderr("mmsim: cannot start the clock thread (timers and targeted DPCs): the "
                      "host refused a thread\n");
        _exit(SIM_EXIT_CONFIG);
    }
    MiDpc.Started = true;
}

static void MiStopClockLocked(void)
{
    if (MiDpc.Started) {
        MiDpc.Stop = true;
        pthread_cond_broadcast(&MiDpc.Wake);
        pthread_mutex_unlock(&MiDpc.Lock);
        HostThreadJoin(&MiDpc.Thread);
        pthread_mutex_lock(&MiDpc.Lock);
        MiDpc.Started = false;
        MiDpc.Stop = false;
    }
}

void MiStopTimerThread(void)
{
    pthread_once(&MiDpcOnce, MiDpcInitOnce);
    pthread_mutex_lock(&MiDpc.Lock);
    MiStopClockLocked();
    /* The machine's timers and queued DPCs go with it (their memory is not
     * touched: it was that machine's). */
    InitializeListHead(&MiDpc.Queue);
    InitializeListHead(&MiDpc.Timers);
    atomic_store_explicit(&MiSetTimerCount, 0, memory_order_release);
    atomic_store_explicit(&MiQueuedDpcCount, 0, memory_order_release);
    MiAddressSetClear(&MiDpc.QueuedDpcs);
    MiAddressSetClear(&MiDpc.SetTimers);
    MiClockClear();
    MiDpc.Epoch = MiCurrentWaitEpoch();
    MiDpc.Running = 0;
    MiDpc.ClockCurrent = NULL;
    pthread_cond_broadcast(&MiDpc.Idle);
    pthread_mutex_unlock(&MiDpc.Lock);
}

/* fork(): the clock thread is stopped before and started again after, in
 * the parent, and in the child when it has timers or DPCs for it (a child
 * inherits no thread). The lock is held across the fork. */
static void MiForkPrepare(void)
{
    pthread_mutex_lock(&MiDpc.Lock);
    MiDpc.ForkStopped = MiDpc.Started;
    MiStopClockLocked();
}

static void MiForkParent(void)
{
    if (MiDpc.ForkStopped) {
        MiStartClockLocked();
    }
    pthread_mutex_unlock(&MiDpc.Lock);
}

static void MiForkChild(void)
{
    pthread_mutex_unlock(&MiDpc.Lock);
    MiInitConds();
    MiDpc.Running = 0;
    if (MiDpc.ForkStopped) {
        pthread_mutex_lock(&MiDpc.Lock);
        MiStartClockLocked();
        pthread_mutex_unlock(&MiDpc.Lock);
    }
}
