/*
 * test_work.c - system worker threads as a specification: ExQueueWorkItem,
 * IoAllocateWorkItem / IoQueueWorkItem / IoFreeWorkItem (docs/work-items.md).
 *
 *   driver thread (any IRQL <= DISPATCH)        worker thread (PASSIVE_LEVEL)
 *   ExQueueWorkItem(item) ───── queue ─────────> item->WorkerRoutine(param)
 *   IoQueueWorkItem(io, r, ctx) ───────────────> r(DeviceObject, ctx)
 *
 * A routine that returns at another IRQL is 0xE1 (tests/test_stop_child.c:
 * it stops the machine on the worker thread, so it is shown in a child).
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include <mmsim_cmocka.h>

#include "worker_gate.h"

#define WAIT_MS 30000

typedef struct _RUN_RECORD {
    atomic_int Runs;
    atomic_int IrqlSeen;   /* IRQL inside the routine */
    atomic_int SameThread; /* ran on the queuing thread? */
    PVOID ContextSeen;
    PDEVICE_OBJECT DeviceSeen;
} RUN_RECORD;

static _Thread_local int ThisThreadMark;
static atomic_uintptr_t QueuingThread;

static VOID NTAPI RecordRun(PVOID Parameter)
{
    RUN_RECORD *Record = (RUN_RECORD *)Parameter;
    atomic_store(&Record->IrqlSeen, KeGetCurrentIrql());
    atomic_store(&Record->SameThread, (uintptr_t)&ThisThreadMark == atomic_load(&QueuingThread));
    Record->ContextSeen = Parameter;
    atomic_fetch_add(&Record->Runs, 1);
}

/* Queued at PASSIVE and at DISPATCH_LEVEL, the routine runs once, on a worker
 * thread, at PASSIVE_LEVEL, with its parameter. */
SIM_TEST(ExQueueWorkItemRunsRoutineOnWorkerAtPassive)
{
    static const KIRQL QueueAt[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    for (size_t i = 0; i < sizeof(QueueAt) / sizeof(QueueAt[0]); i++) {
        RUN_RECORD Record = {0};
        WORK_QUEUE_ITEM Item;
        atomic_store(&QueuingThread, (uintptr_t)&ThisThreadMark);
        ExInitializeWorkItem(&Item, RecordRun, &Record);
        KIRQL Old;
        KeRaiseIrql(QueueAt[i], &Old);
        ExQueueWorkItem(&Item, DelayedWorkQueue);
        KeLowerIrql(Old);
        assert_true(SimWaitForWorkItems(WAIT_MS));
        assert_int_equal(atomic_load(&Record.Runs), 1);
        assert_int_equal(atomic_load(&Record.IrqlSeen), PASSIVE_LEVEL);
        assert_int_equal(atomic_load(&Record.SameThread), 0);
        assert_ptr_equal(Record.ContextSeen, &Record);
        /* Off the queue, the item may be queued again. */
        assert_null(Item.List.Flink);
    }
}

/* A routine may queue its own item again: the link is cleared before the
 * routine runs. */
typedef struct _REQUEUE {
    WORK_QUEUE_ITEM Item;
    atomic_int Runs;
} REQUEUE;

static VOID NTAPI RequeueTwice(PVOID Parameter)
{
    REQUEUE *Requeue = (REQUEUE *)Parameter;
    if (atomic_fetch_add(&Requeue->Runs, 1) < 2) {
        ExQueueWorkItem(&Requeue->Item, DelayedWorkQueue);
    }
}

SIM_TEST(RoutineMayRequeueItsItem)
{
    REQUEUE Requeue = {0};
    ExInitializeWorkItem(&Requeue.Item, RequeueTwice, &Requeue);
    ExQueueWorkItem(&Requeue.Item, CriticalWorkQueue);
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_int_equal(atomic_load(&Requeue.Runs), 3);
}

/* IoQueueWorkItem passes the device object and context; the routine may free
 * its own IO_WORKITEM (a common driver pattern). */
typedef struct _IO_RUN {
    PIO_WORKITEM WorkItem;
    PDEVICE_OBJECT DeviceSeen;
    PVOID ContextSeen;
    atomic_int IrqlSeen;
    atomic_int Runs;
} IO_RUN;

static VOID NTAPI IoRoutineFreesItsItem(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    IO_RUN *Run = (IO_RUN *)Context;
    Run->DeviceSeen = DeviceObject;
    Run->ContextSeen = Context;
    atomic_store(&Run->IrqlSeen, KeGetCurrentIrql());
    IoFreeWorkItem(Run->WorkItem);
    atomic_fetch_add(&Run->Runs, 1);
}

SIM_TEST(IoWorkItemPassesDeviceAndContext)
{
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    IO_RUN Run = {0};
    Run.WorkItem = IoAllocateWorkItem(&Device);
    assert_non_null(Run.WorkItem);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    IoQueueWorkItem(Run.WorkItem, IoRoutineFreesItsItem, DelayedWorkQueue, &Run);
    KeLowerIrql(Old);
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_int_equal(atomic_load(&Run.Runs), 1);
    assert_ptr_equal(Run.DeviceSeen, &Device);
    assert_ptr_equal(Run.ContextSeen, &Run);
    assert_int_equal(atomic_load(&Run.IrqlSeen), PASSIVE_LEVEL);
    /* The item was pool, and it was freed: nothing is left (the fixture
     * checks the machine is clean). */
}

/* Both worker threads can be held busy, so items queue up behind them
 * (worker_gate.h). */
/* The teardown of a test that holds the workers: they are released even
 * when the test failed while holding them (the reset would wait for them). */
static int ReleaseAndTeardown(void **State)
{
    ReleaseWorkers();
    return SimTestTeardown(State);
}

static VOID NTAPI Nothing(PVOID Parameter)
{
    (void)Parameter;
}

/* Queued items are pending work: SimIsClean says so (Verifier's unload check
 * finds pending work items the same way). */
SIM_TEST_F(PendingWorkIsReported, SimTestSetup, ReleaseAndTeardown)
{
    HoldWorkers();
    WORK_QUEUE_ITEM Item;
    ExInitializeWorkItem(&Item, Nothing, NULL);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    char Report[512];
    assert_false(SimIsClean(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "1 work item(s) queued and 2 running"));
    ReleaseWorkers();
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_true(SimIsClean(NULL, 0));
}

/* Misuse: 0xE4 WORKER_INVALID, Parameter 1 as Windows documents it
 * (docs/work-items.md):
 *
 *   misuse                                          0xE4 (P1, P2, P3, P4)
 *   ExFreePool of a block holding a queued item     (0, item, block start, block end)
 *   queue an item that is still queued              (1, item, queue type, 0)
 *   IoFreeWorkItem of a queued I/O item             (2, item, its routine, 0)
 *
 * "Queued" ends when a worker takes the item, before its routine runs: the
 * routine may free it (ExInitializeWorkItem's pattern). */
static WORK_QUEUE_ITEM Twice;

SIM_TEST_F(QueuingAQueuedItemIsWorkerInvalid, SimTestSetup, ReleaseAndTeardown)
{
    HoldWorkers();
    ExInitializeWorkItem(&Twice, Nothing, NULL);
    ExQueueWorkItem(&Twice, DelayedWorkQueue);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 1, (ULONG_PTR)&Twice, CriticalWorkQueue, 0,
                         ExQueueWorkItem(&Twice, CriticalWorkQueue));
    ReleaseWorkers();
}

static VOID NTAPI NothingIo(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    (void)DeviceObject, (void)Context;
}

/* An I/O work item queued while every worker is held: it stays queued. */
static PIO_WORKITEM QueueHeldIoWorkItem(DEVICE_OBJECT *Device)
{
    memset(Device, 0, sizeof(*Device));
    PIO_WORKITEM WorkItem = IoAllocateWorkItem(Device);
    assert_non_null(WorkItem);
    HoldWorkers();
    IoQueueWorkItem(WorkItem, NothingIo, DelayedWorkQueue, NULL);
    return WorkItem;
}

SIM_TEST_F(QueuingAQueuedIoWorkItemIsWorkerInvalid, SimTestSetup, ReleaseAndTeardown)
{
    DEVICE_OBJECT Device;
    PIO_WORKITEM WorkItem = QueueHeldIoWorkItem(&Device);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 1, (ULONG_PTR)WorkItem, NormalWorkQueue, 0,
                         IoQueueWorkItem(WorkItem, NothingIo, NormalWorkQueue, NULL));
    ReleaseWorkers();
}

SIM_TEST_F(FreeingAQueuedIoWorkItemIsWorkerInvalid, SimTestSetup, ReleaseAndTeardown)
{
    DEVICE_OBJECT Device;
    PIO_WORKITEM WorkItem = QueueHeldIoWorkItem(&Device);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 2, (ULONG_PTR)WorkItem, (ULONG_PTR)(void *)NothingIo, 0,
                         IoFreeWorkItem(WorkItem));
    ReleaseWorkers();
}

/* The driver's own structure holding the item, freed while it is queued:
 * the worker would run it from freed memory. */
#define TAG_WORK 'kroW'
typedef struct _DEVICE_STATE {
    ULONG Flags;
    WORK_QUEUE_ITEM Item;
} DEVICE_STATE;

SIM_TEST_F(FreeingPoolThatHoldsAQueuedItemIsWorkerInvalid, SimTestSetup, ReleaseAndTeardown)
{
    DEVICE_STATE *Owner =
        (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_WORK);
    assert_non_null(Owner);
    HoldWorkers();
    ExInitializeWorkItem(&Owner->Item, Nothing, NULL);
    ExQueueWorkItem(&Owner->Item, DelayedWorkQueue);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 0, (ULONG_PTR)&Owner->Item, (ULONG_PTR)Owner,
                         (ULONG_PTR)(Owner + 1), ExFreePoolWithTag(Owner, TAG_WORK));
    ReleaseWorkers();
}

/* The same for an I/O work item the driver keeps in its own pool
 * (IoInitializeWorkItem): P2 is the IO_WORKITEM. */
SIM_TEST_F(FreeingPoolThatHoldsAQueuedIoItemIsWorkerInvalid, SimTestSetup, ReleaseAndTeardown)
{
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    SIZE_T Size = 16 + IoSizeofWorkItem();
    char *Block = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, TAG_WORK);
    assert_non_null(Block);
    PIO_WORKITEM WorkItem = (PIO_WORKITEM)(Block + 16);
    IoInitializeWorkItem(&Device, WorkItem);
    HoldWorkers();
    IoQueueWorkItem(WorkItem, NothingIo, DelayedWorkQueue, NULL);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 0, (ULONG_PTR)WorkItem, (ULONG_PTR)Block,
                         (ULONG_PTR)(Block + Size),
                         ExFreePoolWithTag(Block, TAG_WORK));
    ReleaseWorkers();
}

/* Freed by its own routine (the item is off the queue by then), or after
 * it ran: no stop. */
static VOID NTAPI FreeOwnState(PVOID Parameter)
{
    ExFreePoolWithTag(Parameter, TAG_WORK);
}

SIM_TEST(AnItemsRoutineMayFreeThePoolHoldingIt)
{
    for (int i = 0; i < 8; i++) {
        DEVICE_STATE *Owner =
            (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_WORK);
        assert_non_null(Owner);
        ExInitializeWorkItem(&Owner->Item, FreeOwnState, Owner);
        ExQueueWorkItem(&Owner->Item, DelayedWorkQueue);
    }
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_false(SimIsStopped(NULL));
    DEVICE_STATE *Owner =
        (DEVICE_STATE *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DEVICE_STATE), TAG_WORK);
    assert_non_null(Owner);
    ExInitializeWorkItem(&Owner->Item, Nothing, NULL);
    ExQueueWorkItem(&Owner->Item, DelayedWorkQueue);
    assert_true(SimWaitForWorkItems(WAIT_MS));
    ExFreePoolWithTag(Owner, TAG_WORK); /* it ran: no longer queued */
}

/* IRQL: queuing above DISPATCH_LEVEL is IRQL_NOT_LESS_OR_EQUAL (mi_ddi_table.h). */
SIM_TEST(QueuingAboveDispatchBugChecks)
{
    WORK_QUEUE_ITEM Item;
    ExInitializeWorkItem(&Item, Nothing, NULL);
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(IRQL_NOT_LESS_OR_EQUAL, 0, ExQueueWorkItem(&Item, DelayedWorkQueue));
}

/* A reset with items still queued drops them and stops the workers; the
 * next machine starts its own. */
SIM_TEST_F(ResetDropsQueuedItems, SimTestSetup, ReleaseAndTeardown)
{
    HoldWorkers();
    static RUN_RECORD Dropped;
    static WORK_QUEUE_ITEM Item;
    memset(&Dropped, 0, sizeof(Dropped));
    ExInitializeWorkItem(&Item, RecordRun, &Dropped);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    ReleaseWorkers();
    /* The blockers finish; the queued item may or may not have started by
     * now, so count runs only after the reset settles. */
    SimReset();
    int RunsAfterReset = atomic_load(&Dropped.Runs);
    assert_true(RunsAfterReset <= 1);
    RUN_RECORD Fresh = {0};
    WORK_QUEUE_ITEM Next;
    ExInitializeWorkItem(&Next, RecordRun, &Fresh);
    ExQueueWorkItem(&Next, DelayedWorkQueue);
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_int_equal(atomic_load(&Fresh.Runs), 1);
    assert_int_equal(atomic_load(&Dropped.Runs), RunsAfterReset);
}

int main(void)
{
    return SimRunTests("work items", NULL, NULL);
}
