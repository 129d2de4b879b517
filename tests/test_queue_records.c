/*
 * test_queue_records.c - mmsim's own records of the queued work items, DPCs
 * and set timers (sim/base/address_set.c): across a reset, and when the host
 * refuses them room (white-box: the probe MiAddressSetGrowthRefused of
 * sim/mi.h).
 *
 * The work queue, the DPC queue and the timer list are linked through the
 * drivers' objects; a check that must not read those (a pool free, "is this
 * item queued here?") reads the record. A reset drops the queues without
 * touching the objects, whose links then name a machine that is gone: the
 * record says they are not queued on the next one (below; the DPC's and
 * timer's rows are in tests/kesync/test_kesync.c). A record the host had no
 * room for is incomplete, and its owner walks the links instead - but only
 * for the machine that made it so:
 *
 *   machine 1: record incomplete (the host refused it room), queue drained
 *   SimReset (idle workers kept for machine 2)
 *   machine 2: an item queued in a page since unmapped
 *              ExFreePool(an unrelated block)        no stop (the record decides)
 *
 *   machine 1: Timer, then Neighbour set; SimReset
 *   machine 2: timer record incomplete; Neighbour's memory reused
 *              KeCancelTimer(Timer)                  FALSE, nothing written
 *                                                    through its stale link
 */
#include <stdatomic.h>
#include <string.h>

#include <ntddk.h>

#include "mmsim_cmocka.h"
#include "worker_gate.h"

#include "../sim/mi.h"

#define WAIT_MS 30000
#define TAG_RECORDS 'ceRQ'
#define MANY 600 /* past the records' first room (256) */

static int ReleaseAndTeardown(void **State)
{
    atomic_store(&MiAddressSetGrowthRefused, 0);
    ReleaseWorkers();
    return SimTestTeardown(State);
}

static VOID NTAPI Nothing(PVOID Parameter)
{
    (void)Parameter;
}

/* An item left queued on a machine that is gone (the reset dropped it
 * without touching it, so its link still names that machine's queue) is not
 * queued on the next one. Windows' "already queued" test is the link; mmsim
 * reads it against its own record of the queue:
 *
 *   machine 1: the item queued, workers held      queue it again: 0xE4 (1, item, type, 0)
 *   (the stop freezes the workers; SimReset drops the item, unrun)
 *   machine 2: ExQueueWorkItem / IoQueueWorkItem   queued, its routine runs once
 *              IoUninitializeWorkItem              no stop (it is not queued)
 *
 * An item whose link is neither this machine's nor a dropped one's (never
 * initialized) is queued as far as Windows can tell: 0xE4 (1, ...) still. */
typedef struct _RUN_RECORD {
    atomic_int Runs;
} RUN_RECORD;

static VOID NTAPI RecordRun(PVOID Parameter)
{
    atomic_fetch_add(&((RUN_RECORD *)Parameter)->Runs, 1);
}

static void StopWithTheItemQueuedAndReset(void)
{
    ReleaseWorkers(); /* the machine is stopped: they take nothing more */
    SimReset();
}

SIM_TEST_F(AnItemQueuedOnAMachineThatIsGoneIsNotQueuedOnTheNext, SimTestSetup,
           ReleaseAndTeardown)
{
    static RUN_RECORD Record;
    static WORK_QUEUE_ITEM Item;
    memset(&Record, 0, sizeof(Record));
    HoldWorkers();
    ExInitializeWorkItem(&Item, RecordRun, &Record);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 1, (ULONG_PTR)&Item, CriticalWorkQueue, 0,
                         ExQueueWorkItem(&Item, CriticalWorkQueue));
    StopWithTheItemQueuedAndReset();
    assert_non_null(Item.List.Flink); /* the old machine's link, untouched */
    ExQueueWorkItem(&Item, CriticalWorkQueue);
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_int_equal(atomic_load(&Record.Runs), 1);
    assert_false(SimIsStopped(NULL));
}

/* The same for an I/O work item in the driver's own memory
 * (IoInitializeWorkItem): queued again, and uninitialized. */
static _Alignas(16) char IoItemStorage[2][256];
static atomic_int IoItemRuns;

static VOID NTAPI CountIoRun(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    (void)DeviceObject, (void)Context;
    atomic_fetch_add(&IoItemRuns, 1);
}

static PIO_WORKITEM QueueIoItemThenStop(int Which, DEVICE_OBJECT *Device)
{
    assert_true(IoSizeofWorkItem() <= sizeof(IoItemStorage[Which]));
    PIO_WORKITEM WorkItem = (PIO_WORKITEM)(void *)IoItemStorage[Which];
    IoInitializeWorkItem(Device, WorkItem);
    HoldWorkers();
    IoQueueWorkItem(WorkItem, CountIoRun, DelayedWorkQueue, NULL);
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 1, (ULONG_PTR)WorkItem, NormalWorkQueue, 0,
                         IoQueueWorkItem(WorkItem, CountIoRun, NormalWorkQueue, NULL));
    StopWithTheItemQueuedAndReset();
    return WorkItem;
}

SIM_TEST_F(AnIoItemQueuedOnAMachineThatIsGoneIsNotQueuedOnTheNext, SimTestSetup,
           ReleaseAndTeardown)
{
    static DEVICE_OBJECT Device;
    atomic_store(&IoItemRuns, 0);
    PIO_WORKITEM WorkItem = QueueIoItemThenStop(0, &Device);
    IoQueueWorkItem(WorkItem, CountIoRun, DelayedWorkQueue, NULL);
    assert_true(SimWaitForWorkItems(WAIT_MS));
    assert_int_equal(atomic_load(&IoItemRuns), 1);
    IoUninitializeWorkItem(WorkItem);

    WorkItem = QueueIoItemThenStop(1, &Device);
    IoUninitializeWorkItem(WorkItem); /* no stop: not queued here */
    assert_false(SimIsStopped(NULL));
    assert_int_equal(atomic_load(&IoItemRuns), 1);
}

SIM_TEST(AnItemNeverInitializedIsQueuedAsWindowsSeesIt)
{
    static WORK_QUEUE_ITEM Garbage;
    memset(&Garbage, 0xA5, sizeof(Garbage)); /* no ExInitializeWorkItem */
    Garbage.WorkerRoutine = Nothing;
    SIM_EXPECT_BUGCHECK4(WORKER_INVALID, 1, (ULONG_PTR)&Garbage, DelayedWorkQueue, 0,
                         ExQueueWorkItem(&Garbage, DelayedWorkQueue));
}

SIM_TEST_F(AnIncompleteWorkRecordEndsWithItsMachine, SimTestSetup, ReleaseAndTeardown)
{
    static WORK_QUEUE_ITEM Many[MANY];
    HoldWorkers();
    atomic_store(&MiAddressSetGrowthRefused, 1);
    for (int i = 0; i < MANY; i++) {
        ExInitializeWorkItem(&Many[i], Nothing, NULL);
        ExQueueWorkItem(&Many[i], DelayedWorkQueue); /* queued, recorded or not */
    }
    atomic_store(&MiAddressSetGrowthRefused, 0);
    ReleaseWorkers();
    assert_true(SimWaitForWorkItems(WAIT_MS));
    SimReset(); /* the workers are idle: kept for the next machine */

    HoldWorkers();
    PMDL Mdl;
    PWORK_QUEUE_ITEM Item = (PWORK_QUEUE_ITEM)SimTestMapPage(&Mdl);
    assert_non_null(Item);
    PVOID Unrelated = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_RECORDS);
    assert_non_null(Unrelated);
    ExInitializeWorkItem(Item, Nothing, NULL);
    ExQueueWorkItem(Item, DelayedWorkQueue);
    MmUnmapLockedPages(Item, Mdl);
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, ExFreePoolWithTag(Unrelated, TAG_RECORDS));
    /* volatile: the catch below may longjmp back through this frame. */
    volatile bool Stopped = Stop.Caught;
    /* The item would run from its unmapped page: the machine is stopped
     * before the workers go on, and the reset drops it. */
    if (!Stopped) {
        SIM_CATCH_BUGCHECK(&Stop, KeBugCheckEx(MANUALLY_INITIATED_CRASH, 0, 0, 0, 0));
    }
    ReleaseWorkers();
    SimReset();
    assert_false(Stopped);
}

SIM_TEST_F(AnIncompleteTimerRecordDoesNotTrustAStaleLink, SimTestSetup, ReleaseAndTeardown)
{
    static KTIMER Timer, Neighbour, Many[MANY];
    LARGE_INTEGER Hour;
    Hour.QuadPart = -3600LL * 10000000;
    KeInitializeTimer(&Timer);
    KeInitializeTimer(&Neighbour);
    KeSetTimer(&Timer, Hour, NULL);
    Hour.QuadPart *= 2;
    KeSetTimer(&Neighbour, Hour, NULL); /* linked after Timer */
    SimReset();

    atomic_store(&MiAddressSetGrowthRefused, 1);
    for (int i = 0; i < MANY; i++) {
        KeInitializeTimer(&Many[i]);
        KeSetTimer(&Many[i], Hour, NULL);
    }
    atomic_store(&MiAddressSetGrowthRefused, 0);
    memset(&Neighbour, 0xA5, sizeof(Neighbour)); /* the driver reused its memory */
    assert_false(KeCancelTimer(&Timer));
    assert_int_equal(((const unsigned char *)&Neighbour)[offsetof(KTIMER, TimerListEntry.Blink)],
                     0xA5); /* not written through Timer's stale Flink */
    for (int i = 0; i < MANY; i++) {
        assert_true(KeCancelTimer(&Many[i]));
    }
}

int main(void)
{
    return SimRunTests("queue records", NULL, NULL);
}
