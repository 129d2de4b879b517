/*
 * test_remove_lock.c - I/O remove locks (realdrv3; docs/io.md, "Remove locks"), which WDM
 * function and filter drivers take around every request so that IRP_MN_REMOVE_DEVICE
 * waits for the requests in flight (Microsoft's "Using Remove Locks"; found missing by
 * Windows-driver-samples' event.c and the DV fail driver, and KMDF's MxGeneralKm.h).
 *
 *   step                                   IoCount  Removed  result
 *   IoInitializeRemoveLock                 1        FALSE
 *   IoAcquireRemoveLock x 2                3                 STATUS_SUCCESS each
 *   IoReleaseRemoveLock x 2                1                 event not signalled
 *   IoAcquireRemoveLock (the remove path)  2
 *   IoReleaseRemoveLockAndWait             0        TRUE     returns at once: no holder
 *   IoAcquireRemoveLock afterwards         0                 STATUS_DELETE_PENDING
 *
 * With a request still held by a worker thread, IoReleaseRemoveLockAndWait returns only
 * after the worker's release. IRQL: acquire and release up to DISPATCH_LEVEL, initialize
 * and release-and-wait at PASSIVE_LEVEL only (0xA above). Built as a checked build
 * (DBG=1): the lock has the debug block, and sizeof(IO_REMOVE_LOCK) tells the routines.
 */
#include <mmsim_cmocka.h>

static IO_REMOVE_LOCK Lock;
static PVOID const Request = (PVOID)0x1234; /* a tag: the IRP in a driver */

SIM_TEST(AcquireAndReleaseCountOutstandingRequests)
{
    IoInitializeRemoveLock(&Lock, 'kcoL', 1, 100);
    assert_int_equal(Lock.Common.IoCount, 1);
    assert_false(Lock.Common.Removed);
    assert_int_equal(Lock.Dbg.AllocateTag, 'kcoL');
    assert_int_equal(Lock.Dbg.HighWatermark, 100);
    assert_int_equal(Lock.Dbg.MaxLockedTicks, 60LL * 10000000);

    assert_int_equal(IoAcquireRemoveLock(&Lock, Request), STATUS_SUCCESS);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_int_equal(IoAcquireRemoveLock(&Lock, Request), STATUS_SUCCESS);
    assert_int_equal(Lock.Common.IoCount, 3);
    IoReleaseRemoveLock(&Lock, Request);
    KeLowerIrql(Old);
    IoReleaseRemoveLock(&Lock, Request);
    assert_int_equal(Lock.Common.IoCount, 1);
    assert_int_equal(KeReadStateEvent(&Lock.Common.RemoveEvent), 0);
}

SIM_TEST(RemovalRefusesLaterRequests)
{
    IoInitializeRemoveLock(&Lock, 'kcoL', 0, 0);
    assert_int_equal(IoAcquireRemoveLock(&Lock, NULL), STATUS_SUCCESS);
    IoReleaseRemoveLockAndWait(&Lock, NULL);
    assert_true(Lock.Common.Removed);
    assert_int_equal(Lock.Common.IoCount, 0);
    assert_int_equal(IoAcquireRemoveLock(&Lock, Request), STATUS_DELETE_PENDING);
    assert_int_equal(Lock.Common.IoCount, 0);
}

static volatile LONG WorkerReleased;

static VOID NTAPI FinishRequest(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    /* Finishing late: a removal that did not wait would be seen returning first (the
     * delay makes that failure certain; a correct lock passes whatever the timing). */
    LARGE_INTEGER Delay;
    Delay.QuadPart = -50 * 10000; /* 50 ms, relative */
    KeDelayExecutionThread(KernelMode, FALSE, &Delay);
    InterlockedExchange(&WorkerReleased, 1);
    IoReleaseRemoveLock(&Lock, Request);
}

SIM_TEST(RemovalWaitsForTheRequestInFlight)
{
    static WORK_QUEUE_ITEM Item;
    IoInitializeRemoveLock(&Lock, 'kcoL', 0, 0);
    WorkerReleased = 0;
    assert_int_equal(IoAcquireRemoveLock(&Lock, Request), STATUS_SUCCESS); /* the request */
    assert_int_equal(IoAcquireRemoveLock(&Lock, NULL), STATUS_SUCCESS);    /* the removal */
    ExInitializeWorkItem(&Item, FinishRequest, NULL);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    IoReleaseRemoveLockAndWait(&Lock, NULL);
    assert_int_equal(InterlockedCompareExchange(&WorkerReleased, 0, 0), 1);
    assert_int_equal(Lock.Common.IoCount, 0);
    assert_true(SimWaitForWorkItems(30000));
}

SIM_TEST(RemovalAtDispatchLevelStops)
{
    IoInitializeRemoveLock(&Lock, 'kcoL', 0, 0);
    assert_int_equal(IoAcquireRemoveLock(&Lock, NULL), STATUS_SUCCESS);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(IRQL_NOT_LESS_OR_EQUAL, 0, IoReleaseRemoveLockAndWait(&Lock, NULL));
}

SIM_TEST(InitializeAtDispatchLevelStops)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(IRQL_NOT_LESS_OR_EQUAL, 0, IoInitializeRemoveLock(&Lock, 0, 0, 0));
}

int main(void)
{
    return SimRunTests("realworld: I/O remove locks", NULL, NULL);
}
