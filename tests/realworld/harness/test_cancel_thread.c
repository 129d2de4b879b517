/*
 * test_cancel_thread.c - harness for Microsoft's cancel-safe queue sample, system-thread
 * form (../windows-driver-samples/cancel-sys/cancel.c and cancel.h, unchanged; survey33):
 * a legacy driver whose secure device queues reads in an IO_CSQ (IoCsqInitialize,
 * IoCsqInsertIrp) and wakes a polling system thread (PsCreateSystemThread) with a
 * semaphore; the thread takes each read from the queue (IoCsqRemoveNextIrp), polls it
 * (KeDelayExecutionThread between polls) and completes it. Per-open state in
 * FileObject->FsContext guarded by a remove lock.
 *
 *   request                         checked (Windows-documented behaviour)
 *   DriverEntry                     \Device\CANCELSAMP (FILE_DEVICE_SECURE_OPEN, buffered
 *                                   I/O), \DosDevices\CancelSamp, an IO_CSQ, a semaphore
 *                                   at 0, the polling thread referenced by its object
 *                                   (ObReferenceObjectByHandle, then ZwClose)
 *   create / close                  FsContext: one non-paged 'MASC' block per open, freed
 *                                   at close
 *   read < 4 bytes                  STATUS_BUFFER_TOO_SMALL, Information 0, not queued
 *   reads of 4 bytes, two opens     each STATUS_SUCCESS with 4 bytes, completed by the
 *                                   polling thread (data counted down past 0)
 *   unload                          the thread told to stop (semaphore) and waited for,
 *                                   its reference given back; device and link deleted,
 *                                   nothing left
 *
 * Compiling it needed ObReferenceObjectByHandle's PVOID * taking the sample's PETHREAD *
 * in C, as MSVC's C compiler does (mmsim/wdm_se.h).
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

#include "../windows-driver-samples/cancel-sys/cancel.h"

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

SIM_TEST_F(DriverEntryMakesASecureDeviceAndAPollingThread, Load, Unload)
{
    (void)State;
    assert_ptr_equal(SimLookupDevice(L"\\Device\\CANCELSAMP"), Device);
    assert_int_equal(Device->DeviceType, FILE_DEVICE_UNKNOWN);
    assert_int_equal(Device->Characteristics, FILE_DEVICE_SECURE_OPEN);
    assert_int_equal(Device->Flags & (DO_BUFFERED_IO | DO_DEVICE_INITIALIZING), DO_BUFFERED_IO);
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    assert_int_equal(Ext->CancelSafeQueue.Type, IO_TYPE_CSQ);
    assert_true(IsListEmpty(&Ext->PendingIrpQueue));
    assert_int_equal(KeReadStateSemaphore(&Ext->IrpQueueSemaphore), 0);
    assert_int_equal(Ext->PollingInterval.QuadPart, -5000000); /* 500 ms, relative */
    /* The handle became a referenced thread object: a system thread, still running. */
    assert_non_null(Ext->ThreadObject);
    assert_true(PsIsSystemThread(Ext->ThreadObject));
    assert_false(Ext->ThreadShouldStop);
}

SIM_TEST_F(EachOpenHasItsOwnContextUntilClose, Load, Unload)
{
    (void)State;
    PFILE_OBJECT A, B;
    assert_int_equal(SimOpenDevice(Device, &A), STATUS_SUCCESS);
    assert_int_equal(SimOpenDevice(Device, &B), STATUS_SUCCESS);
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
    assert_int_equal(Usage.Bytes, 0);
}

SIM_TEST_F(AShortReadIsRefusedAndNotQueued, Load, Unload)
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
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    assert_int_equal(KeReadStateSemaphore(&Ext->IrpQueueSemaphore), 0);
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

SIM_TEST_F(ThePollingThreadCompletesEveryRead, Load, Unload)
{
    (void)State;
    /*   open A: 3 reads, open B: 2 reads, one after another (each waits for completion)
     *   -> each STATUS_SUCCESS, 4 bytes, the device's counter run down past 0 */
    PFILE_OBJECT Files[2];
    assert_int_equal(SimOpenDevice(Device, &Files[0]), STATUS_SUCCESS);
    assert_int_equal(SimOpenDevice(Device, &Files[1]), STATUS_SUCCESS);
    static const int Of[] = {0, 1, 0, 1, 0};
    for (size_t i = 0; i < sizeof(Of) / sizeof(Of[0]); i++) {
        ULONG Data = 0x12345678;
        SIM_IO_REQUEST Read = ReadOf(&Data, sizeof(Data));
        IO_STATUS_BLOCK Io;
        assert_int_equal(SimIoCallFile(Files[Of[i]], &Read, &Io), STATUS_SUCCESS);
        assert_int_equal(Io.Information, sizeof(INPUT_DATA));
        assert_int_equal(Data, 0xFFFFFFFF);
    }
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    assert_true(IsListEmpty(&Ext->PendingIrpQueue));
    assert_int_equal(SimCloseFile(Files[0]), STATUS_SUCCESS);
    assert_int_equal(SimCloseFile(Files[1]), STATUS_SUCCESS);
}

SIM_TEST_F(UnloadStopsTheThreadAndLeavesNothing, Load, Unload)
{
    (void)State;
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    PETHREAD Thread = Ext->ThreadObject;
    ObReferenceObject(Thread); /* the harness's own, to look at the thread after unload */
    assert_true(SimUnloadDriver(Driver, NULL));
    /* CsampUnload waited on the thread object: it is signalled (terminated). */
    LARGE_INTEGER Zero = {.QuadPart = 0};
    assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, &Zero),
                     STATUS_SUCCESS);
    ObDereferenceObject(Thread);
    assert_null(SimLookupDevice(L"\\DosDevices\\CancelSamp"));
    assert_null(SimLookupDevice(L"\\Device\\CANCELSAMP"));
    assert_true(SimIsClean(NULL, 0));
    Driver = SimCreateDriverObject(L"CancelSamp2"); /* for Unload's own unload */
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
}

int main(void)
{
    return SimRunTests("realworld: Windows-driver-samples cancel (system thread, IO_CSQ)", NULL,
                       NULL);
}
