/*
 * test_cancel_startio.c - harness for Microsoft's cancel-safe queue sample, StartIo form
 * (../windows-driver-samples/cancel.c and cancel.h, unchanged): a legacy driver whose
 * secure device (IoCreateDeviceSecure) queues reads in an IO_CSQ (IoCsqInitializeEx,
 * IoCsqInsertIrpEx) while one read at a time is polled from a timer's DPC; per-open state in
 * FileObject->FsContext guarded by a remove lock; IRP_MJ_CLEANUP cancels the open's queued
 * reads.
 *
 *   request                         checked (Windows-documented behaviour)
 *   DriverEntry                     \Device\CANCELSAMP (FILE_DEVICE_SECURE_OPEN, buffered
 *                                   I/O), \DosDevices\CancelSamp, an IO_CSQ_EX queue
 *   create / close                  FsContext: one non-paged 'MASC' block per open, freed
 *                                   at close; no pool: STATUS_INSUFFICIENT_RESOURCES
 *   read < 4 bytes                  STATUS_BUFFER_TOO_SMALL, Information 0
 *   read of 4 bytes                 STATUS_SUCCESS, 4 bytes, polled now or from the DPC
 *   reads while the device is busy  STATUS_PENDING, queued, cancelable:
 *     IoCancelIrp                   that read STATUS_CANCELLED, the others stay queued
 *     close (cleanup) of file A     A's reads STATUS_CANCELLED, B's stay queued
 *     the busy request finishes     B's reads are polled in order: STATUS_SUCCESS
 *   unload                          device and link deleted, timer cancelled, nothing left
 *
 * Harness adaptation: "the device is busy" is the extension's CurrentIrp set to an IRP
 * the harness holds (the sample's first read would otherwise be polled at once or after
 * 500 ms, as the time of day decides), finished by the sample's own CsampInitiateIo.
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

#include "../windows-driver-samples/cancel.h"

#define TEST_TAG 'tsaC'

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static int Load(void **State)
{
    int Result = SimTestSetup(State);
    Driver = SimCreateDriverObject(L"CancelSamp");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\DosDevices\\CancelSamp");
    assert_non_null(Device);
    return Result;
}

static int Unload(void **State)
{
    if (!SimIsStopped(NULL)) {
        assert_true(SimUnloadDriver(Driver, NULL));
        assert_true(SimIsClean(NULL, 0));
    }
    return SimTestTeardown(State);
}

static SIM_IO_REQUEST ReadOf(PVOID Buffer, ULONG Length)
{
    SIM_IO_REQUEST Read;
    memset(&Read, 0, sizeof(Read));
    Read.MajorFunction = IRP_MJ_READ;
    Read.OutputBuffer = Buffer;
    Read.OutputBufferLength = Length;
    return Read;
}

SIM_TEST_F(DriverEntryMakesASecureBufferedDevice, Load, Unload)
{
    (void)State;
    assert_ptr_equal(SimLookupDevice(L"\\Device\\CANCELSAMP"), Device);
    assert_int_equal(Device->DeviceType, FILE_DEVICE_UNKNOWN);
    assert_int_equal(Device->Characteristics, FILE_DEVICE_SECURE_OPEN);
    assert_int_equal(Device->Flags & (DO_BUFFERED_IO | DO_DEVICE_INITIALIZING), DO_BUFFERED_IO);
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    assert_int_equal(Ext->CancelSafeQueue.Type, IO_TYPE_CSQ_EX);
    assert_true(IsListEmpty(&Ext->PendingIrpQueue));
    assert_null(Ext->CurrentIrp);
}

SIM_TEST_F(EachOpenHasItsOwnContextUntilClose, Load, Unload)
{
    (void)State;
    PFILE_OBJECT A, B;
    assert_int_equal(SimOpenDevice(Device, &A), STATUS_SUCCESS);
    assert_int_equal(SimOpenDevice(Device, &B), STATUS_SUCCESS);
    assert_true(A->Flags & FO_FILE_OPEN);
    assert_ptr_equal(A->DeviceObject, Device);
    PFILE_CONTEXT Context = (PFILE_CONTEXT)A->FsContext;
    assert_non_null(Context);
    assert_ptr_not_equal(B->FsContext, Context);
    assert_int_equal(Context->FileRundownLock.Common.IoCount, 1); /* initialized, unheld */
    SIM_POOL_TAG_USAGE Usage = TagUsage(TAG);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Allocs - Usage.Frees, 2);
    assert_int_equal(Usage.Bytes, 2 * sizeof(FILE_CONTEXT));
    assert_int_equal(SimCloseFile(A), STATUS_SUCCESS);
    assert_int_equal(SimCloseFile(B), STATUS_SUCCESS);
    Usage = TagUsage(TAG);
    assert_int_equal(Usage.Allocs, Usage.Frees);
}

SIM_TEST_F(AnOpenWithoutPoolFails, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File = (PFILE_OBJECT)(ULONG_PTR)1;
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_INSUFFICIENT_RESOURCES);
    assert_null(File);
    assert_int_equal(TagUsage(TAG).Allocs, 0);
}

SIM_TEST_F(AShortReadIsRefused, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    UCHAR Buffer[3] = {0xAB, 0xAB, 0xAB};
    SIM_IO_REQUEST Read = ReadOf(Buffer, sizeof(Buffer));
    IO_STATUS_BLOCK Io;
    assert_int_equal(SimIoCallFile(File, &Read, &Io), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(Io.Information, 0);
    assert_int_equal(Buffer[0], 0xAB);
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

SIM_TEST_F(AReadCompletesWithTheDevicesData, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    ULONG Data = 0x12345678;
    SIM_IO_REQUEST Read = ReadOf(&Data, sizeof(Data));
    IO_STATUS_BLOCK Io;
    /* Polled at once or, when the device is not ready, again from the timer's DPC: either
     * way the data counter has run down past 0. */
    assert_int_equal(SimIoCallFile(File, &Read, &Io), STATUS_SUCCESS);
    assert_int_equal(Io.Information, sizeof(INPUT_DATA));
    assert_int_equal(Data, 0xFFFFFFFF);
    KeFlushQueuedDpcs(); /* the polling DPC sets CurrentIrp after completing the read */
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    assert_null(Ext->CurrentIrp);
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

/* The device busy with a request of the harness's own (its data already 0: done at the
 * next poll). */
static PIRP Busy;
static PINPUT_DATA BusyData;

static void MakeTheDeviceBusy(void)
{
    Busy = IoAllocateIrp(1, FALSE);
    assert_non_null(Busy);
    IoSetNextIrpStackLocation(Busy);
    IoGetCurrentIrpStackLocation(Busy)->DeviceObject = Device;
    BusyData = (PINPUT_DATA)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(INPUT_DATA), TEST_TAG);
    assert_non_null(BusyData);
    Busy->AssociatedIrp.SystemBuffer = BusyData;
    ((PDEVICE_EXTENSION)Device->DeviceExtension)->CurrentIrp = Busy;
}

static void FinishTheBusyRequest(void)
{
    CsampInitiateIo(Device); /* polls it, completes it, starts the next queued read */
    assert_int_equal(Busy->IoStatus.Status, STATUS_SUCCESS);
    IoFreeIrp(Busy);
    ExFreePoolWithTag(BusyData, TEST_TAG);
}

static ULONG QueuedReads(void)
{
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    ULONG Count = 0;
    for (PLIST_ENTRY Entry = Ext->PendingIrpQueue.Flink; Entry != &Ext->PendingIrpQueue;
         Entry = Entry->Flink) {
        Count++;
    }
    return Count;
}

SIM_TEST_F(QueuedReadsAreCancelledByIoCancelIrpAndByCleanup, Load, Unload)
{
    (void)State;
    /*   file A: A0 A1 A2    file B: B0 B1      (queued behind the busy request)
     *   IoCancelIrp(A1)            -> A1 STATUS_CANCELLED
     *   close A (IRP_MJ_CLEANUP)   -> A0, A2 STATUS_CANCELLED
     *   the busy request finishes  -> B0, B1 STATUS_SUCCESS, in order */
    PFILE_OBJECT A, B;
    assert_int_equal(SimOpenDevice(Device, &A), STATUS_SUCCESS);
    assert_int_equal(SimOpenDevice(Device, &B), STATUS_SUCCESS);
    MakeTheDeviceBusy();
    PIRP IrpA[3], IrpB[2];
    ULONG DataA[3], DataB[2];
    for (int i = 0; i < 3; i++) {
        DataA[i] = 0xAAAAAAAA;
        SIM_IO_REQUEST Read = ReadOf(&DataA[i], sizeof(ULONG));
        assert_int_equal(SimIoStartRequest(Device, A, &Read, &IrpA[i]), STATUS_PENDING);
    }
    for (int i = 0; i < 2; i++) {
        DataB[i] = 0xBBBBBBBB;
        SIM_IO_REQUEST Read = ReadOf(&DataB[i], sizeof(ULONG));
        assert_int_equal(SimIoStartRequest(Device, B, &Read, &IrpB[i]), STATUS_PENDING);
    }
    assert_int_equal(QueuedReads(), 5);
    assert_non_null(IrpA[1]->CancelRoutine); /* queued: cancelable */
    assert_false(IoCancelIrp(Busy));          /* the request being polled is not */

    IO_STATUS_BLOCK Io;
    assert_true(IoCancelIrp(IrpA[1]));
    assert_int_equal(SimIoFinishRequest(IrpA[1], &Io), STATUS_CANCELLED);
    assert_int_equal(Io.Information, 0);
    assert_int_equal(DataA[1], 0xAAAAAAAA);
    assert_int_equal(QueuedReads(), 4);

    assert_int_equal(SimCloseFile(A), STATUS_SUCCESS);
    for (int i = 0; i < 3; i += 2) {
        assert_int_equal(SimIoFinishRequest(IrpA[i], &Io), STATUS_CANCELLED);
        assert_int_equal(Io.Information, 0);
        assert_int_equal(DataA[i], 0xAAAAAAAA);
    }
    assert_int_equal(QueuedReads(), 2);

    FinishTheBusyRequest();
    for (int i = 0; i < 2; i++) {
        assert_int_equal(SimIoFinishRequest(IrpB[i], &Io), STATUS_SUCCESS);
        assert_int_equal(Io.Information, sizeof(INPUT_DATA));
        assert_int_equal(DataB[i], 0xFFFFFFFF);
    }
    assert_int_equal(QueuedReads(), 0);
    /* A read the polling timer's DPC completed is finished before that DPC has
     * taken the next one from the queue (IoCsqRemoveNextIrp sets CurrentIrp
     * after IoCompleteRequest): wait for the DPC to return. */
    KeFlushQueuedDpcs();
    assert_null(((PDEVICE_EXTENSION)Device->DeviceExtension)->CurrentIrp);
    assert_int_equal(SimCloseFile(B), STATUS_SUCCESS);
}

int main(void)
{
    return SimRunTests("realworld: Windows-driver-samples cancel (StartIo, IO_CSQ)", NULL,
                       NULL);
}
