/*
 * test_lwqueue.c - harness for the light-weight queue of Microsoft's stream edit callout
 * sample (../windows-driver-samples/LwQueue.c and LwQueue.h, unchanged): a spin-locked
 * singly linked queue drained by one I/O work item allocated from non-paged pool.
 *
 *   call                               checked (Windows-documented behaviour)
 *   LwInitializeQueue                  one non-paged block 'wLeS' of IoSizeofWorkItem() bytes
 *   LwEnqueue x N (PASSIVE, DISPATCH)  the worker runs at PASSIVE_LEVEL with the queue's I/O
 *                                      object; the caller's routine gets every entry once, in
 *                                      order (in the chains the worker snaps)
 *   LwUninitializeQueue                the block freed; the machine clean
 *   pool failure (injected)            STATUS_INSUFFICIENT_RESOURCES, nothing allocated, the
 *                                      uninitialize a no-op
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

#include "../windows-driver-samples/LwQueue.h"

#define LW_TAG 'wLeS'
#define ENTRIES 64

typedef struct _ITEM {
    LW_ENTRY Entry;
    ULONG Index;
} ITEM;

static struct {
    ULONG Count;
    ULONG Order[ENTRIES];
    KIRQL Irql;
    PDEVICE_OBJECT IoObject;
} Seen;

/* The caller's worker routine: LwWorker hands it each chain LwDequeueAll snapped
 * (the first entry, linked by Next). */
static VOID RecordEntry(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    for (PLW_ENTRY Entry = (PLW_ENTRY)Context; Entry != NULL; Entry = Entry->Next) {
        ITEM *Item = CONTAINING_RECORD(Entry, ITEM, Entry);
        if (Seen.Count < ENTRIES) {
            Seen.Order[Seen.Count] = Item->Index;
        }
        Seen.Count++;
    }
    Seen.Irql = KeGetCurrentIrql();
    Seen.IoObject = DeviceObject;
}

static DRIVER_OBJECT Driver; /* the I/O object the work item holds */

static void RunQueue(KIRQL EnqueueIrql)
{
    static LW_QUEUE Queue;
    static ITEM Items[ENTRIES];
    memset(&Seen, 0, sizeof(Seen));
    Seen.Irql = HIGH_LEVEL;
    assert_int_equal(LwInitializeQueue(&Driver, &Queue, RecordEntry), STATUS_SUCCESS);
    SIM_POOL_TAG_USAGE Usage = TagUsage(LW_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, IoSizeofWorkItem());
    KIRQL Old = PASSIVE_LEVEL;
    if (EnqueueIrql != PASSIVE_LEVEL) {
        KeRaiseIrql(EnqueueIrql, &Old);
    }
    for (ULONG i = 0; i < ENTRIES; i++) {
        Items[i].Index = i;
        LwEnqueue(&Queue, &Items[i].Entry);
    }
    if (EnqueueIrql != PASSIVE_LEVEL) {
        KeLowerIrql(Old);
    }
    assert_true(SimWaitForWorkItems(30000));
    assert_int_equal(Seen.Count, ENTRIES);
    for (ULONG i = 0; i < ENTRIES; i++) {
        assert_int_equal(Seen.Order[i], i);
    }
    assert_int_equal(Seen.Irql, PASSIVE_LEVEL); /* a work item runs at PASSIVE_LEVEL */
    assert_ptr_equal(Seen.IoObject, (PDEVICE_OBJECT)&Driver);
    assert_false(Queue.WorkerScheduled);
    LwUninitializeQueue(&Queue);
    assert_int_equal(TagUsage(LW_TAG).Frees, 1);
    assert_true(SimIsClean(NULL, 0));
}

SIM_TEST(EntriesQueuedAtPassiveLevelReachTheWorkerInOrder)
{
    RunQueue(PASSIVE_LEVEL);
}

SIM_TEST(EntriesQueuedAtDispatchLevelReachTheWorkerInOrder)
{
    RunQueue(DISPATCH_LEVEL);
}

SIM_TEST(InitializeWithoutPoolFails)
{
    LW_QUEUE Queue;
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(LwInitializeQueue(&Driver, &Queue, RecordEntry),
                     STATUS_INSUFFICIENT_RESOURCES);
    assert_false(Queue.Initialized);
    assert_int_equal(TagUsage(LW_TAG).Allocs, 0);
    LwUninitializeQueue(&Queue); /* not initialized: nothing to do */
    assert_true(SimIsClean(NULL, 0));
}

int main(void)
{
    return SimRunTests("realworld: LwQueue.c", NULL, NULL);
}
