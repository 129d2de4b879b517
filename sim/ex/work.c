/*
 * work.c - system worker threads: ExQueueWorkItem, IoAllocateWorkItem,
 * IoQueueWorkItem, IoFreeWorkItem.
 *
 * Two real host threads per machine run the routines at PASSIVE_LEVEL in
 * queue order (the queue types share one queue: they differ only in priority
 * on Windows). As Windows' system worker threads exist before any driver
 * runs, they are started when the machine is built, and the queue is linked
 * through the items' own LIST_ENTRY: queuing allocates nothing and cannot
 * fail, even when the host can make no more threads or mappings. If the
 * threads cannot be started the machine is not built. A routine that returns at
 * another IRQL bug checks 0xE1, as on Windows. The worker threads are
 * stopped (the running routine finishes, queued items are dropped) before a
 * machine is reset or shut down; SimIsClean reports items still queued or
 * running, as Driver Verifier reports pending work at unload (0xC7).
 *
 * Misuse is 0xE4 WORKER_INVALID, Parameter 1 as Windows documents it
 * (docs/work-items.md): 0, pool freed that holds a queued item (item, block
 * start, block end); 1, queuing an item that is still queued (item, queue
 * type, 0); 2, IoFreeWorkItem of a queued item (item, its routine, 0).
 * Freeing it from inside its own routine is fine, as on Windows: an item is
 * dequeued before its routine runs. "Queued" is Windows' test, a non-NULL
 * link, read against mmsim's record of the queue: an item left queued on a
 * machine that is gone (its link names that machine's queue) is not queued
 * on the next one (MiQueuedLocked).
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "../mi.h"
#include "../mm/mi_mm.h"
#include "../host/host.h"
#include "../ke/mi_ke.h" /* kedisp: MiKeMutexesOwned */

#define MI_WORKER_THREADS 2
#define MI_TAG_IO_WORKITEM 'kWoI' /* "IoWk" (mmsim's choice) */

struct _IO_WORKITEM {
    WORK_QUEUE_ITEM Item;   /* what is queued */
    PDEVICE_OBJECT DeviceObject;
    PIO_WORKITEM_ROUTINE Routine;
    PVOID Context;
    PIO_WORKITEM_ROUTINE_EX RoutineEx; /* exsync: IoQueueWorkItemEx's routine, else NULL */
};

static struct {
    pthread_mutex_t Mutex;
    pthread_cond_t Wake;  /* items queued or stop requested */
    pthread_cond_t Idle;  /* queue empty and nothing running */
    LIST_ENTRY Queue;     /* WORK_QUEUE_ITEM.List of the queued items */
    uint64_t Queued;      /* items waiting */
    uint64_t Running;     /* routines running now */
    uint64_t Done;        /* routines completed (statistics) */
    /* robust31: the queued items' addresses in mmsim's memory, for the pool
     * free's check (which must not follow the links in driver memory). */
    MI_ADDRESS_SET Items;
    /* robust32: the items dropped with earlier machines while queued: their
     * links are stale, not a driver's garbage (MiQueuedLocked). */
    MI_ADDRESS_SET Dropped;
    _Atomic uint64_t Recorded; /* Queued, read by every pool free without the mutex */
    bool Started, Stop;
    HOST_THREAD Threads[MI_WORKER_THREADS];
} MiWork = {.Mutex = PTHREAD_MUTEX_INITIALIZER,
            .Wake = PTHREAD_COND_INITIALIZER,
            .Idle = PTHREAD_COND_INITIALIZER,
            .Queue = {&MiWork.Queue, &MiWork.Queue}};

/* The WorkerRoutine of a queued IO_WORKITEM (Parameter: the IO_WORKITEM);
 * MiRunItem calls the driver's routine itself. */
static VOID NTAPI MiIoWorkItemRoutine(PVOID Parameter)
{
    (void)Parameter;
}

/* Calls the routine; false if it was refused because its machine stopped
 * or went away under it: the routine is abandoned, as a frozen processor
 * never finishes it, and the worker thread lives on. */
static bool MiCallRoutine(PWORKER_THREAD_ROUTINE Routine, PVOID Parameter,
                          PIO_WORKITEM_ROUTINE IoRoutine, PDEVICE_OBJECT DeviceObject,
                          PIO_WORKITEM IoItemEx)
{
    SIM_CATCH_FRAME Frame;
    SimPushCatchFrame(&Frame, MI_FRAME_REFUSAL);
    if (setjmp(Frame.Jump) != 0) {
        MiSetIrql(PASSIVE_LEVEL);
        return false;
    }
    if (IoRoutine != NULL && IoItemEx != NULL) {
        IoItemEx->RoutineEx(DeviceObject, Parameter, IoItemEx); /* exsync */
    } else if (IoRoutine != NULL) {
        IoRoutine(DeviceObject, Parameter);
    } else {
        Routine(Parameter);
    }
    SimPopCatchFrame(&Frame);
    return true;
}

/* What a worker needs of an item, read while the item was still queued
 * (under the driver-access lock): once taken off the queue the driver may
 * free it, and the worker touches its memory no more. */
typedef struct _MI_TAKEN_ITEM {
    PWORK_QUEUE_ITEM Item;
    PWORKER_THREAD_ROUTINE Routine;
    PVOID Parameter;
    PIO_WORKITEM_ROUTINE IoRoutine;
    PDEVICE_OBJECT DeviceObject;
    PIO_WORKITEM IoExItem;
} MI_TAKEN_ITEM;

static void MiReadTakenItem(PWORK_QUEUE_ITEM Item, MI_TAKEN_ITEM *Taken)
{
    memset(Taken, 0, sizeof(*Taken));
    Taken->Item = Item;
    Taken->Routine = Item->WorkerRoutine;
    Taken->Parameter = Item->Parameter;
    if (Taken->Routine == MiIoWorkItemRoutine) {
        PIO_WORKITEM IoItem = (PIO_WORKITEM)Taken->Parameter;
        Taken->IoRoutine = IoItem->Routine;
        Taken->DeviceObject = IoItem->DeviceObject;
        Taken->Parameter = IoItem->Context;
        Taken->Routine = (PWORKER_THREAD_ROUTINE)(void *)Taken->IoRoutine;
        if (IoItem->RoutineEx != NULL) { /* exsync: the routine gets the item too */
            Taken->IoExItem = IoItem;
            Taken->Routine = (PWORKER_THREAD_ROUTINE)(void *)IoItem->RoutineEx;
        }
    }
    /* Windows clears the link before calling the routine, so the routine may
     * queue the item again (or, for an IO_WORKITEM, free it). */
    __atomic_store_n(&Item->List.Flink, (PLIST_ENTRY)NULL, __ATOMIC_RELEASE);
}

static void MiRunItem(const MI_TAKEN_ITEM *Taken)
{
    PWORK_QUEUE_ITEM Item = Taken->Item;
    PWORKER_THREAD_ROUTINE Routine = Taken->Routine;
    PVOID Parameter = Taken->Parameter;
    PIO_WORKITEM_ROUTINE IoRoutine = Taken->IoRoutine;
    PDEVICE_OBJECT DeviceObject = Taken->DeviceObject;
    PIO_WORKITEM IoExItem = Taken->IoExItem;
    if (!MiCallRoutine(Routine, Parameter, IoRoutine, DeviceObject, IoExItem)) {
        return;
    }
    KIRQL Irql = MiCurrentIrql();
    if (Irql != PASSIVE_LEVEL) {
        KeBugCheckEx(WORKER_THREAD_RETURNED_AT_BAD_IRQL, (ULONG_PTR)(void *)Routine, Irql,
                     (ULONG_PTR)Parameter, (ULONG_PTR)Item);
    }
    /* kedisp: a routine that returns owning a kernel mutex leaves it owned
     * for ever: SYSTEM_EXIT_OWNED_MUTEX (routine, parameter, item). */
    if (MiKeMutexesOwned() != 0) {
        KeBugCheckEx(SYSTEM_EXIT_OWNED_MUTEX, (ULONG_PTR)(void *)Routine, (ULONG_PTR)Parameter,
                     (ULONG_PTR)Item, 0);
    }
}

/* Takes the first queued item off the queue (mutex held). Its links are in
 * the driver's memory: taken under the driver-access lock, so that memory
 * that faults stops the machine as Windows' dequeue at raised IRQL would
 * (0x50 unmapped, 0xA paged out) with the lock let go. Links that do not
 * point back (the item overwritten while queued) are Windows' list check,
 * 0x139 KERNEL_SECURITY_CHECK_FAILURE (3, entry, list head, 0) - mmsim's
 * P2-P3: Windows gives its trap frame and exception record - rather than a
 * write through them. The stop is on the worker thread: uncaught, exit 86. */
static void MiDequeueLocked(MI_TAKEN_ITEM *Taken)
{
    PLIST_ENTRY Entry = MiWork.Queue.Flink;
    PLIST_ENTRY Next = Entry->Flink;
    if (Entry->Blink != &MiWork.Queue || Next->Blink != Entry) {
        MiUnlockForDriverAccess(&MiWork.Mutex);
        KeBugCheckEx(KERNEL_SECURITY_CHECK_FAILURE, 3, (ULONG_PTR)Entry,
                     (ULONG_PTR)&MiWork.Queue, 0);
    }
    /* Unlinked by hand: the item's own Flink stays non-NULL (queued)
     * until MiReadTakenItem has read it and clears it. */
    MiWork.Queue.Flink = Next;
    Next->Blink = &MiWork.Queue;
    PWORK_QUEUE_ITEM Item = CONTAINING_RECORD(Entry, WORK_QUEUE_ITEM, List);
    MiReadTakenItem(Item, Taken);
    MiAddressSetRemove(&MiWork.Items, Item);
    MiWork.Queued--;
    if (MiWork.Queued == 0) {
        /* Empty, as the queue: exact again. So a record made incomplete
         * ends with its machine too (an idle reset keeps the workers and
         * the record, a busy one drops the record). */
        MiWork.Items.Incomplete = false;
    }
    atomic_store_explicit(&MiWork.Recorded, MiWork.Queued, memory_order_release);
}

static void *MiWorkerThread(void *Unused)
{
    (void)Unused;
    MiLockForDriverAccess(&MiWork.Mutex);
    for (;;) {
        while (!MiWork.Stop && (MiWork.Queued == 0 || MiIsStopped())) {
            pthread_cond_wait(&MiWork.Wake, &MiWork.Mutex);
        }
        if (MiWork.Stop) {
            break;
        }
        MI_TAKEN_ITEM Taken;
        MiDequeueLocked(&Taken);
        MiWork.Running++;
        MiUnlockForDriverAccess(&MiWork.Mutex);
        MiRunItem(&Taken);
        MiLockForDriverAccess(&MiWork.Mutex);
        MiWork.Running--;
        MiWork.Done++;
        if (MiWork.Queued == 0 && MiWork.Running == 0) {
            pthread_cond_broadcast(&MiWork.Idle);
        }
    }
    MiUnlockForDriverAccess(&MiWork.Mutex);
    return NULL;
}

/* Starts the worker threads (mutex held); false if the host refused one
 * (those started are stopped again). */
static bool MiStartWorkersLocked(void)
{
    MiWork.Stop = false;
    int Started = 0;
    while (Started < MI_WORKER_THREADS &&
           HostThreadCreate(&MiWork.Threads[Started], MiWorkerThread, NULL) == 0) {
        Started++;
    }
    if (Started == MI_WORKER_THREADS) {
        MiWork.Started = true;
        return true;
    }
    MiWork.Stop = true;
    pthread_cond_broadcast(&MiWork.Wake);
    pthread_mutex_unlock(&MiWork.Mutex);
    for (int i = 0; i < Started; i++) {
        HostThreadJoin(&MiWork.Threads[i]);
    }
    pthread_mutex_lock(&MiWork.Mutex);
    MiWork.Stop = false;
    return false;
}

/* Whether Item is queued (mutex held for driver access). Windows' test is a
 * non-NULL link; mmsim's record says whose link it is. An item queued on a
 * machine since reset keeps that machine's link (the reset drops the queue
 * without touching the items' memory): it is not queued on this one. A
 * link that is neither this machine's nor a dropped item's (an item never
 * initialized) is queued, as Windows sees it. */
static bool MiLinkIsQueuedLocked(PWORK_QUEUE_ITEM Item)
{
    if (__atomic_load_n(&Item->List.Flink, __ATOMIC_ACQUIRE) == NULL) {
        return false;
    }
    if (MiAddressSetContains(&MiWork.Items, Item)) {
        return true;
    }
    if (MiWork.Items.Incomplete) { /* the record may miss it: the queue decides */
        for (PLIST_ENTRY Entry = MiWork.Queue.Flink; Entry != &MiWork.Queue;
             Entry = Entry->Flink) {
            if (Entry == &Item->List) {
                return true;
            }
        }
    }
    if (MiAddressSetContains(&MiWork.Dropped, Item)) {
        return false;
    }
    /* Dropped items the host had no room to record: any link may be one. */
    return !MiWork.Dropped.Incomplete;
}

/* The same; Forget: the caller queues or frees the item if it is not
 * queued, which ends its record as a dropped one (its address may serve
 * another item next). */
static bool MiQueuedLocked(PWORK_QUEUE_ITEM Item, bool Forget)
{
    bool Queued = MiLinkIsQueuedLocked(Item);
    if (!Queued && Forget && MiWork.Dropped.Count != 0) {
        MiAddressSetRemove(&MiWork.Dropped, Item);
    }
    return Queued;
}

static bool MiQueued(PWORK_QUEUE_ITEM Item, bool Forget)
{
    MiLockForDriverAccess(&MiWork.Mutex);
    bool Queued = MiQueuedLocked(Item, Forget);
    MiUnlockForDriverAccess(&MiWork.Mutex);
    return Queued;
}

/* Queues Item. The worker threads exist since the machine was built:
 * nothing here can fail. */
static void MiQueue(PWORK_QUEUE_ITEM Item, PIO_WORKITEM IoItem, WORK_QUEUE_TYPE QueueType)
{
    /* The queue's links are in the items: a lock over driver memory (an
     * item in freed pool faults here, and the bug check releases it). */
    MiLockForDriverAccess(&MiWork.Mutex);
    if (MiQueuedLocked(Item, true)) {
        MiUnlockForDriverAccess(&MiWork.Mutex);
        KeBugCheckEx(WORKER_INVALID, 1, (ULONG_PTR)(IoItem != NULL ? (void *)IoItem : (void *)Item),
                     (ULONG_PTR)QueueType, 0);
    }
    /* Only a forked child or the fault runner's explorer lacks them (or a
     * parent that could not restart them after a fork at the host's limit):
     * start them now. A refusal cannot be the driver's: the run ends as a
     * machine that could not be built (exit 89, the reason on stderr), not
     * as a host crash (docs/work-items.md). */
    if (!MiWork.Started && !MiStartWorkersLocked()) {
        MiUnlockForDriverAccess(&MiWork.Mutex);
        MiWriteStderr("mmsim: the host refused a worker thread for a queued work item\n");
        _exit(SIM_EXIT_CONFIG);
    }
    InsertTailList(&MiWork.Queue, &Item->List);
    MiAddressSetInsert(&MiWork.Items, Item); /* no host memory: Incomplete, still queued */
    MiWork.Queued++;
    atomic_store_explicit(&MiWork.Recorded, MiWork.Queued, memory_order_release);
    pthread_cond_signal(&MiWork.Wake);
    MiUnlockForDriverAccess(&MiWork.Mutex);
}

/* Starts the worker threads when a machine is built (they survive a failed
 * build of a later subsystem and are reused by the next one). */
static ULONG MiWorkItemHeldIn(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                              ULONG_PTR Parameters[4]);

static NTSTATUS MiWorkInit(const SIM_CONFIG *Config)
{
    (void)Config;
    MiSetHeldObjectFinder(MiHeldWorkItem, MiWorkItemHeldIn);
    pthread_mutex_lock(&MiWork.Mutex);
    NTSTATUS Status = STATUS_SUCCESS;
    (void)MiAddressSetReserve(&MiWork.Items, 256); /* queuing then seldom allocates */
    /* The fault runner's explorer stops idle workers at each of its forks,
     * so it starts them at its first queued item, as its children do. */
#if !defined(_WIN32)
    bool Lazy = HostExploring();
#else
    bool Lazy = false;
#endif
    if (!MiWork.Started && !Lazy && !MiStartWorkersLocked()) {
        MiWriteStderr("mmsim: cannot start the system worker threads: the host refused a "
                      "thread\n");
        Status = STATUS_INSUFFICIENT_RESOURCES;
    }
    pthread_mutex_unlock(&MiWork.Mutex);
    return Status;
}

VOID NTAPI ExQueueWorkItem(PWORK_QUEUE_ITEM WorkItem, WORK_QUEUE_TYPE QueueType)
{
    MiDdiEnter(MiDdi_ExQueueWorkItem, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(WorkItem, 0, false, MI_CALLER_ADDRESS());
    MiQueue(WorkItem, NULL, QueueType);
}

PIO_WORKITEM NTAPI IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAllocateWorkItem, 0, Caller);
    if (MiInjectFaultAt(SimFaultIoAllocateWorkItem, 0, Caller) != MiInjectNone) {
        return NULL;
    }
    MiLock();
    PIO_WORKITEM Item = (PIO_WORKITEM)MiAllocatePoolInternal(false, sizeof(IO_WORKITEM),
                                                             MI_TAG_IO_WORKITEM, Caller, true);
    MiUnlock();
    if (Item != NULL) {
        Item->DeviceObject = DeviceObject;
    }
    return Item;
}

VOID NTAPI IoQueueWorkItem(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE WorkerRoutine,
                           WORK_QUEUE_TYPE QueueType, PVOID Context)
{
    MiDdiEnter(MiDdi_IoQueueWorkItem, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(IoWorkItem, 0, false, MI_CALLER_ADDRESS());
    if (MiQueued(&IoWorkItem->Item, false)) {
        KeBugCheckEx(WORKER_INVALID, 1, (ULONG_PTR)IoWorkItem, (ULONG_PTR)QueueType, 0);
    }
    IoWorkItem->Routine = WorkerRoutine;
    IoWorkItem->RoutineEx = NULL;
    IoWorkItem->Context = Context;
    IoWorkItem->Item.WorkerRoutine = MiIoWorkItemRoutine; /* MiRunItem calls Routine */
    IoWorkItem->Item.Parameter = IoWorkItem;
    MiQueue(&IoWorkItem->Item, IoWorkItem, QueueType);
}

VOID NTAPI IoFreeWorkItem(PIO_WORKITEM IoWorkItem)
{
    MiDdiEnter(MiDdi_IoFreeWorkItem, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(IoWorkItem, 0, false, MI_CALLER_ADDRESS());
    if (MiQueued(&IoWorkItem->Item, true)) {
        KeBugCheckEx(WORKER_INVALID, 2, (ULONG_PTR)IoWorkItem,
                     (ULONG_PTR)(void *)IoWorkItem->Routine, 0);
    }
    MiFreePoolInternal(IoWorkItem, MI_TAG_IO_WORKITEM, true);
}

/* exsync: the Ex forms. The item lives in the caller's memory of
 * IoSizeofWorkItem() bytes; IoObject is a device or driver object. */
ULONG NTAPI IoSizeofWorkItem(VOID)
{
    MiDdiEnter(MiDdi_IoSizeofWorkItem, 0, MI_CALLER_ADDRESS());
    return (ULONG)sizeof(IO_WORKITEM);
}

VOID NTAPI IoInitializeWorkItem(PVOID IoObject, PIO_WORKITEM IoWorkItem)
{
    MiDdiEnter(MiDdi_IoInitializeWorkItem, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(IoWorkItem, 0, true, MI_CALLER_ADDRESS());
    memset(IoWorkItem, 0, sizeof(*IoWorkItem));
    IoWorkItem->DeviceObject = (PDEVICE_OBJECT)IoObject;
}

VOID NTAPI IoUninitializeWorkItem(PIO_WORKITEM IoWorkItem)
{
    MiDdiEnter(MiDdi_IoUninitializeWorkItem, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(IoWorkItem, 0, false, MI_CALLER_ADDRESS());
    if (MiQueued(&IoWorkItem->Item, true)) {
        /* as IoFreeWorkItem of a queued item (mmsim's choice) */
        KeBugCheckEx(WORKER_INVALID, 2, (ULONG_PTR)IoWorkItem,
                     (ULONG_PTR)(void *)IoWorkItem->Routine, 0);
    }
}

VOID NTAPI IoQueueWorkItemEx(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
                             WORK_QUEUE_TYPE QueueType, PVOID Context)
{
    MiDdiEnter(MiDdi_IoQueueWorkItemEx, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(IoWorkItem, 0, false, MI_CALLER_ADDRESS());
    if (MiQueued(&IoWorkItem->Item, false)) {
        KeBugCheckEx(WORKER_INVALID, 1, (ULONG_PTR)IoWorkItem, (ULONG_PTR)QueueType, 0);
    }
    IoWorkItem->RoutineEx = WorkerRoutine;
    IoWorkItem->Routine = (PIO_WORKITEM_ROUTINE)(void *)WorkerRoutine; /* non-NULL: an Io item */
    IoWorkItem->Context = Context;
    IoWorkItem->Item.WorkerRoutine = MiIoWorkItemRoutine;
    IoWorkItem->Item.Parameter = IoWorkItem;
    MiQueue(&IoWorkItem->Item, IoWorkItem, QueueType);
}

/* ---------------------------------------------------------------------- */
/* Simulator control.                                                     */
/* ---------------------------------------------------------------------- */
BOOLEAN MiWaitForWorkItems(ULONG TimeoutMs)
{
    struct timespec Deadline;
    clock_gettime(CLOCK_REALTIME, &Deadline);
    Deadline.tv_sec += TimeoutMs / 1000;
    Deadline.tv_nsec += (long)(TimeoutMs % 1000) * 1000000L;
    if (Deadline.tv_nsec >= 1000000000L) {
        Deadline.tv_sec++;
        Deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&MiWork.Mutex);
    bool Idle = true;
    while (MiWork.Queued != 0 || MiWork.Running != 0) {
        if (pthread_cond_timedwait(&MiWork.Idle, &MiWork.Mutex, &Deadline) != 0) {
            Idle = MiWork.Queued == 0 && MiWork.Running == 0;
            break;
        }
    }
    pthread_mutex_unlock(&MiWork.Mutex);
    return Idle ? TRUE : FALSE;
}

/* Stops the worker threads: called by machine.c before a reset or shutdown,
 * without the simulator lock (a running routine may need it); the next
 * machine's build starts them again. Queued items are dropped with the
 * machine they belong to (their memory is not touched). */
void MiStopWorkers(void)
{
    pthread_mutex_lock(&MiWork.Mutex);
    if (MiWork.Started) {
        MiWork.Stop = true;
        pthread_cond_broadcast(&MiWork.Wake);
        pthread_mutex_unlock(&MiWork.Mutex);
        for (int i = 0; i < MI_WORKER_THREADS; i++) {
            HostThreadJoin(&MiWork.Threads[i]);
        }
        pthread_mutex_lock(&MiWork.Mutex);
    }
    InitializeListHead(&MiWork.Queue);
    MiAddressSetDropInto(&MiWork.Items, &MiWork.Dropped);
    MiWork.Queued = 0;
    atomic_store_explicit(&MiWork.Recorded, 0, memory_order_release);
    MiWork.Started = false;
    MiWork.Stop = false;
    pthread_mutex_unlock(&MiWork.Mutex);
}

/* true if the worker threads run and have nothing queued or running: a
 * SimReset may then keep them for the next machine (scale: a reset costs no
 * thread start-up). */
bool MiWorkersIdle(void)
{
    pthread_mutex_lock(&MiWork.Mutex);
    bool Idle = MiWork.Started && MiWork.Queued == 0 && MiWork.Running == 0;
    pthread_mutex_unlock(&MiWork.Mutex);
    return Idle;
}

/* fork() (machine.c's handlers call these with the simulator lock held):
 * the child is the calling thread alone. Idle worker threads are ended
 * before the fork (and started again when work is queued), so the child
 * inherits no thread that does not exist (LeakSanitizer at a child's exit
 * would find them registered and not running). The queue is the child's
 * copy (items queued and not yet started run in both processes, each on its
 * own machine); routines running at the fork run only in the parent. The
 * child starts its own workers when it has or queues work. */
static bool MiWorkForkStopped;

void MiForkStepMutex(pthread_mutex_t *Mutex, MI_FORK_STEP Step)
{
    if (Step == MiForkStepPrepare) {
        pthread_mutex_lock(Mutex);
    } else {
        pthread_mutex_unlock(Mutex);
    }
}

/* The executive's other host locks, taken after the work queue's (their
 * users take none of the simulator's locks under them: leaves) and let go
 * before it. */
static void MiExForkSteps(MI_FORK_STEP Step)
{
    if (Step == MiForkStepPrepare) {
        MiLookasideForkStep(Step);
        MiResourceForkStep(Step);
        MiCallbacksForkStep(Step);
        MiPsForkStep(Step);
    } else {
        MiPsForkStep(Step);
        MiCallbacksForkStep(Step);
        MiResourceForkStep(Step);
        MiLookasideForkStep(Step);
    }
}

void MiWorkForkPrepare(void)
{
    pthread_mutex_lock(&MiWork.Mutex);
    MiWorkForkStopped = MiWork.Started && MiWork.Running == 0;
    if (MiWorkForkStopped) {
        MiWork.Stop = true; /* idle workers leave before taking an item */
        pthread_cond_broadcast(&MiWork.Wake);
        pthread_mutex_unlock(&MiWork.Mutex);
        for (int i = 0; i < MI_WORKER_THREADS; i++) {
            HostThreadJoin(&MiWork.Threads[i]);
        }
        pthread_mutex_lock(&MiWork.Mutex);
        MiWork.Started = false;
        MiWork.Stop = false;
    }
    /* Held across the fork: the child copies a consistent queue. */
    MiExForkSteps(MiForkStepPrepare);
}

/* The parent starts them again only when it queues work, as the child does
 * (faults20b: the fault runner's explorer forks at every stack it fails, and
 * a stop and restart of idle workers at each fork cost two thread starts and
 * two joins, each join a wait for the thread to be scheduled). Queued items
 * (none, unless an item was queued while the workers were held) start them
 * now. */
void MiWorkForkParent(void)
{
    MiExForkSteps(MiForkStepParent);
    if (MiWorkForkStopped && MiWork.Queued != 0 && !MiWork.Started && !MiStartWorkersLocked()) {
        MiWriteStderr("mmsim: cannot restart the worker threads after fork()\n");
    }
    pthread_mutex_unlock(&MiWork.Mutex);
}

void MiWorkForkChild(void)
{
    /* A plain mutex has no owner check: the child releases what the
     * prepare half took (and ThreadSanitizer sees it released). The
     * condition variables may name the parent's waiters: made new. */
    MiExForkSteps(MiForkStepChild);
    pthread_mutex_unlock(&MiWork.Mutex);
    pthread_cond_init(&MiWork.Wake, NULL);
    pthread_cond_init(&MiWork.Idle, NULL);
    MiWork.Running = 0;
    MiWork.Started = false;
    MiWork.Stop = false;
    if (MiWork.Queued == 0) {
        return; /* MiQueue starts them */
    }
    pthread_mutex_lock(&MiWork.Mutex);
    if (!MiStartWorkersLocked()) {
        MiWriteStderr("mmsim: cannot start a worker thread in a forked child\n");
        _exit(SIM_EXIT_CONFIG);
    }
    pthread_mutex_unlock(&MiWork.Mutex);
}

/* The pool's hook (mi.h): a queued item inside the block being freed would
 * be run from freed memory: 0xE4 WORKER_INVALID (0, item, block start, block
 * end), as Windows' worker reports it. From mmsim's record of the queue, not
 * its links (an item elsewhere whose memory is gone must not stop this
 * free); only if that record was refused host memory is the queue walked. An
 * item whose routine runs is no longer queued: its routine may free it. */
static ULONG MiWorkItemHeldIn(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                              ULONG_PTR Parameters[4])
{
    (void)PoolType;
    const void *Found = NULL;
    if (atomic_load_explicit(&MiWork.Recorded, memory_order_acquire) == 0) {
        return 0; /* nothing queued: no lock taken per pool free */
    }
    pthread_mutex_lock(&MiWork.Mutex);
    if (MiWork.Queued == 0) {
        pthread_mutex_unlock(&MiWork.Mutex);
        return 0;
    }
    if (!MiWork.Items.Incomplete) {
        Found = MiAddressSetFirstIn(&MiWork.Items, Start, Size);
        pthread_mutex_unlock(&MiWork.Mutex);
    } else {
        pthread_mutex_unlock(&MiWork.Mutex);
        MiLockForDriverAccess(&MiWork.Mutex);
        for (PLIST_ENTRY Entry = MiWork.Queue.Flink; Entry != &MiWork.Queue && Found == NULL;
             Entry = Entry->Flink) {
            const char *Item = (const char *)CONTAINING_RECORD(Entry, WORK_QUEUE_ITEM, List);
            if (Item >= (const char *)Start && Item < (const char *)Start + Size) {
                Found = Item;
            }
        }
        MiUnlockForDriverAccess(&MiWork.Mutex);
    }
    if (Found == NULL) {
        return 0;
    }
    Parameters[0] = 0;
    Parameters[1] = (ULONG_PTR)Found;
    Parameters[2] = (ULONG_PTR)Start;
    Parameters[3] = (ULONG_PTR)Start + Size;
    return WORKER_INVALID;
}

static bool MiWorkIsClean(char *Report, size_t Size)
{
    pthread_mutex_lock(&MiWork.Mutex);
    uint64_t Queued = MiWork.Queued, Running = MiWork.Running;
    pthread_mutex_unlock(&MiWork.Mutex);
    if (Queued == 0 && Running == 0) {
        return true;
    }
    MiAppend(Report, Size, "%llu work item(s) queued and %llu running\n",
             (unsigned long long)Queued, (unsigned long long)Running);
    return false;
}

const MI_SUBSYSTEM MiWorkSubsystem = {"work items", MiWorkInit, NULL, MiWorkIsClean};
