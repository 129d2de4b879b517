/*
 * work.c - system worker threads: ExQueueWorkItem, IoAllocateWorkItem,
 * IoQueueWorkItem, IoFreeWorkItem.
 *
 * Two real host threads per machine, started on the first queued item, run
 * the routines at PASSIVE_LEVEL in queue order (the queue types share one
 * queue: they differ only in priority on Windows). A routine that returns at
 * another IRQL bug checks 0xE1, as on Windows. The worker threads are
 * stopped (the running routine finishes, queued items are dropped) before a
 * machine is reset or shut down; SimIsClean reports items still queued or
 * running, as Driver Verifier reports pending work at unload (0xC7).
 *
 * mmsim's choices (docs/work-items.md): queuing an item that is still
 * queued is bug check 0xE4 WORKER_INVALID (0, item, queue type, 0); freeing
 * an IO_WORKITEM that is queued is 0xE4 (1, item, pool block, block size).
 * Freeing it from inside its own routine is fine, as on Windows.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "../mi.h"
#include "../mm/mi_mm.h"

#define MI_WORKER_THREADS 2
#define MI_TAG_IO_WORKITEM 'kWoI' /* "IoWk" (mmsim's choice) */

struct _IO_WORKITEM {
    WORK_QUEUE_ITEM Item;   /* what is queued */
    PDEVICE_OBJECT DeviceObject;
    PIO_WORKITEM_ROUTINE Routine;
    PVOID Context;
};

typedef struct _MI_WORK_NODE {
    struct _MI_WORK_NODE *Next;
    PWORK_QUEUE_ITEM Item;
    PIO_WORKITEM IoItem; /* set for IoQueueWorkItem */
} MI_WORK_NODE;

static struct {
    pthread_mutex_t Mutex;
    pthread_cond_t Wake;  /* items queued or stop requested */
    pthread_cond_t Idle;  /* queue empty and nothing running */
    MI_WORK_NODE *Head, *Tail;
    uint64_t Queued;      /* items waiting */
    uint64_t Running;     /* routines running now */
    uint64_t Done;        /* routines completed (statistics) */
    bool Started, Stop;
    pthread_t Threads[MI_WORKER_THREADS];
} MiWork = {.Mutex = PTHREAD_MUTEX_INITIALIZER,
            .Wake = PTHREAD_COND_INITIALIZER,
            .Idle = PTHREAD_COND_INITIALIZER};

static void MiRunItem(MI_WORK_NODE *Node)
{
    PWORK_QUEUE_ITEM Item = Node->Item;
    PIO_WORKITEM IoItem = Node->IoItem;
    free(Node);
    /* Windows clears the link before calling the routine, so the routine may
     * queue the item again (or, for an IO_WORKITEM, free it). */
    PWORKER_THREAD_ROUTINE Routine = Item->WorkerRoutine;
    PVOID Parameter = Item->Parameter;
    __atomic_store_n(&Item->List.Flink, (PLIST_ENTRY)NULL, __ATOMIC_RELEASE);
    if (IoItem != NULL) {
        PIO_WORKITEM_ROUTINE IoRoutine = IoItem->Routine;
        IoRoutine(IoItem->DeviceObject, IoItem->Context);
        Routine = (PWORKER_THREAD_ROUTINE)(void *)IoRoutine;
    } else {
        Routine(Parameter);
    }
    KIRQL Irql = MiCurrentIrql();
    if (Irql != PASSIVE_LEVEL) {
        KeBugCheckEx(WORKER_THREAD_RETURNED_AT_BAD_IRQL, (ULONG_PTR)(void *)Routine, Irql,
                     (ULONG_PTR)Parameter, (ULONG_PTR)Item);
    }
}

static void *MiWorkerThread(void *Unused)
{
    (void)Unused;
    pthread_mutex_lock(&MiWork.Mutex);
    for (;;) {
        while (!MiWork.Stop && (MiWork.Head == NULL || MiIsStopped())) {
            pthread_cond_wait(&MiWork.Wake, &MiWork.Mutex);
        }
        if (MiWork.Stop) {
            break;
        }
        MI_WORK_NODE *Node = MiWork.Head;
        MiWork.Head = Node->Next;
        if (MiWork.Head == NULL) {
            MiWork.Tail = NULL;
        }
        MiWork.Queued--;
        MiWork.Running++;
        pthread_mutex_unlock(&MiWork.Mutex);
        MiRunItem(Node);
        pthread_mutex_lock(&MiWork.Mutex);
        MiWork.Running--;
        MiWork.Done++;
        if (MiWork.Head == NULL && MiWork.Running == 0) {
            pthread_cond_broadcast(&MiWork.Idle);
        }
    }
    pthread_mutex_unlock(&MiWork.Mutex);
    return NULL;
}

/* Queues Item (Windows' "already queued" test is a non-NULL link). */
static void MiQueue(PWORK_QUEUE_ITEM Item, PIO_WORKITEM IoItem, WORK_QUEUE_TYPE QueueType)
{
    MI_WORK_NODE *Node = (MI_WORK_NODE *)malloc(sizeof(*Node));
    if (Node == NULL) {
        MiWriteStderr("mmsim: out of host memory queuing a work item\n");
        abort();
    }
    Node->Next = NULL;
    Node->Item = Item;
    Node->IoItem = IoItem;
    pthread_mutex_lock(&MiWork.Mutex);
    if (__atomic_load_n(&Item->List.Flink, __ATOMIC_ACQUIRE) != NULL) {
        pthread_mutex_unlock(&MiWork.Mutex);
        free(Node);
        KeBugCheckEx(WORKER_INVALID, 0, (ULONG_PTR)(IoItem != NULL ? (void *)IoItem : (void *)Item),
                     (ULONG_PTR)QueueType, 0);
    }
    /* Any non-NULL value marks it queued; the list itself lives here. */
    Item->List.Flink = &Item->List;
    Item->List.Blink = &Item->List;
    if (!MiWork.Started) {
        MiWork.Stop = false;
        for (int i = 0; i < MI_WORKER_THREADS; i++) {
            if (pthread_create(&MiWork.Threads[i], NULL, MiWorkerThread, NULL) != 0) {
                MiWriteStderr("mmsim: cannot start a worker thread\n");
                abort();
            }
        }
        MiWork.Started = true;
    }
    if (MiWork.Tail != NULL) {
        MiWork.Tail->Next = Node;
    } else {
        MiWork.Head = Node;
    }
    MiWork.Tail = Node;
    MiWork.Queued++;
    pthread_cond_signal(&MiWork.Wake);
    pthread_mutex_unlock(&MiWork.Mutex);
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
    if (__atomic_load_n(&IoWorkItem->Item.List.Flink, __ATOMIC_ACQUIRE) != NULL) {
        KeBugCheckEx(WORKER_INVALID, 0, (ULONG_PTR)IoWorkItem, (ULONG_PTR)QueueType, 0);
    }
    IoWorkItem->Routine = WorkerRoutine;
    IoWorkItem->Context = Context;
    IoWorkItem->Item.WorkerRoutine = NULL; /* the IO_WORKITEM path calls Routine */
    IoWorkItem->Item.Parameter = Context;
    MiQueue(&IoWorkItem->Item, IoWorkItem, QueueType);
}

VOID NTAPI IoFreeWorkItem(PIO_WORKITEM IoWorkItem)
{
    MiDdiEnter(MiDdi_IoFreeWorkItem, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(IoWorkItem, 0, false, MI_CALLER_ADDRESS());
    if (__atomic_load_n(&IoWorkItem->Item.List.Flink, __ATOMIC_ACQUIRE) != NULL) {
        KeBugCheckEx(WORKER_INVALID, 1, (ULONG_PTR)IoWorkItem, (ULONG_PTR)IoWorkItem,
                     sizeof(IO_WORKITEM));
    }
    MiFreePoolInternal(IoWorkItem, MI_TAG_IO_WORKITEM, true);
}

/* ---------------------------------------------------------------------- */
/* Simulator control.                                                     */
/* ---------------------------------------------------------------------- */
BOOLEAN SimWaitForWorkItems(ULONG TimeoutMs)
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
    while (MiWork.Head != NULL || MiWork.Running != 0) {
        if (pthread_cond_timedwait(&MiWork.Idle, &MiWork.Mutex, &Deadline) != 0) {
            Idle = MiWork.Head == NULL && MiWork.Running == 0;
            break;
        }
    }
    pthread_mutex_unlock(&MiWork.Mutex);
    return Idle ? TRUE : FALSE;
}

/* Stops the worker threads: called by machine.c before a reset or shutdown,
 * without the simulator lock (a running routine may need it). Queued items
 * are dropped with the machine they belong to. */
void MiStopWorkers(void)
{
    pthread_mutex_lock(&MiWork.Mutex);
    if (!MiWork.Started) {
        pthread_mutex_unlock(&MiWork.Mutex);
        return;
    }
    MiWork.Stop = true;
    pthread_cond_broadcast(&MiWork.Wake);
    pthread_mutex_unlock(&MiWork.Mutex);
    for (int i = 0; i < MI_WORKER_THREADS; i++) {
        pthread_join(MiWork.Threads[i], NULL);
    }
    pthread_mutex_lock(&MiWork.Mutex);
    while (MiWork.Head != NULL) {
        MI_WORK_NODE *Node = MiWork.Head;
        MiWork.Head = Node->Next;
        free(Node);
    }
    MiWork.Tail = NULL;
    MiWork.Queued = 0;
    MiWork.Started = false;
    MiWork.Stop = false;
    pthread_mutex_unlock(&MiWork.Mutex);
}

/* fork(): the queue is the child's copy (items queued in the parent and not
 * yet started run in both processes, each on its own machine); routines
 * running at the fork run only in the parent. The child has no worker
 * thread, so the next queued item starts new ones. */
void MiWorkForkPrepare(void)
{
    pthread_mutex_lock(&MiWork.Mutex);
}

void MiWorkForkParent(void)
{
    pthread_mutex_unlock(&MiWork.Mutex);
}

void MiWorkForkChild(void)
{
    /* A plain mutex has no owner check: the child releases what the
     * prepare half took (and ThreadSanitizer sees it released). The
     * condition variables may name the parent's waiters: made new. */
    pthread_mutex_unlock(&MiWork.Mutex);
    pthread_cond_init(&MiWork.Wake, NULL);
    pthread_cond_init(&MiWork.Idle, NULL);
    MiWork.Running = 0;
    MiWork.Started = false;
    MiWork.Stop = false;
    if (MiWork.Head == NULL) {
        return;
    }
    for (int i = 0; i < MI_WORKER_THREADS; i++) {
        if (pthread_create(&MiWork.Threads[i], NULL, MiWorkerThread, NULL) != 0) {
            MiWriteStderr("mmsim: cannot start a worker thread in a forked child\n");
            _exit(SIM_EXIT_CONFIG);
        }
    }
    MiWork.Started = true;
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

const MI_SUBSYSTEM MiWorkSubsystem = {"work items", NULL, NULL, MiWorkIsClean};
