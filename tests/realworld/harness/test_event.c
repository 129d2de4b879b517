/*
 * test_event.c - harness for Microsoft's event sample (../windows-driver-samples/event/
 * event.c, event.h, public.h, unchanged; survey33): a legacy driver that notifies its
 * caller after a delay, either by completing a pending IRP or by signalling the caller's
 * event, both from a timer's DPC (KeSetTimer, KDPC); pending IRPs carry a cancel routine
 * that cancels the timer; IRP_MJ_CLEANUP completes the open's pending IRPs; per-open
 * state in FileObject->FsContext guarded by a remove lock.
 *
 *   request                          checked (Windows-documented behaviour)
 *   DriverEntry, no kernel debugger  its DbgBreakPoint() is an unhandled breakpoint:
 *                                    0x1E (STATUS_BREAKPOINT), nothing created
 *   DriverEntry, a debugger attached the debugger takes the break; \Device\Event_Sample
 *                                    (FILE_DEVICE_SECURE_OPEN, buffered I/O),
 *                                    \DosDevices\Event_Sample, an empty queue
 *   create / close                   FsContext: one non-paged 'TEVE' block per open
 *                                    (ExAllocatePoolQuotaZero), freed at close; no pool:
 *                                    STATUS_INSUFFICIENT_RESOURCES
 *   IOCTL_REGISTER_EVENT, short      STATUS_INVALID_PARAMETER
 *   IRP_BASED, 10 ms                 STATUS_PENDING, cancelable, the timer set; the
 *                                    timer's DPC completes it STATUS_SUCCESS and frees
 *                                    the record
 *   IRP_BASED, 1 hour, IoCancelIrp   STATUS_CANCELLED, the timer cancelled, record freed
 *   IRP_BASED, 1 hour, close         cleanup completes each STATUS_CANCELLED
 *   IRP_BASED, no pool               STATUS_INSUFFICIENT_RESOURCES, nothing queued
 *   EVENT_BASED, a thread's handle   ObReferenceObjectByHandle(*ExEventObjectType):
 *                                    STATUS_OBJECT_TYPE_MISMATCH; a handle of nothing:
 *                                    STATUS_INVALID_HANDLE; the record freed, nothing queued
 *   unload                           device and link deleted, nothing left
 *
 * Harness adaptations: the kernel debugger the sample expects (SimSetKernelDebugger);
 * mmsim hands out no event handles (docs/ps.md), so the event path is checked up to
 * ObReferenceObjectByHandle's refusal. Compiling it needed ExEventObjectType and
 * ObReferenceObjectByHandle's PVOID * taking the sample's PKEVENT * in C (mmsim/wdm_se.h).
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

#include <ntddk.h>
#include "../windows-driver-samples/event/public.h"
#include "../windows-driver-samples/event/event.h"

#define MS 10000LL /* 100 ns units */

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static int Load(void **State)
{
    int Result = SimTestSetup(State);
    SimSetKernelDebugger(TRUE);
    Driver = SimCreateDriverObject(L"Event");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\DosDevices\\Event_Sample");
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

static SIM_IO_REQUEST Register(REGISTER_EVENT *Register, ULONG Length)
{
    SIM_IO_REQUEST Request;
    memset(&Request, 0, sizeof(Request));
    Request.MajorFunction = IRP_MJ_DEVICE_CONTROL;
    Request.IoControlCode = IOCTL_REGISTER_EVENT;
    Request.InputBuffer = Register;
    Request.InputBufferLength = Length;
    return Request;
}

static ULONG Queued(void)
{
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    ULONG Count = 0;
    KIRQL Old;
    KeAcquireSpinLock(&Ext->QueueLock, &Old);
    for (PLIST_ENTRY Entry = Ext->EventQueueHead.Flink; Entry != &Ext->EventQueueHead;
         Entry = Entry->Flink) {
        Count++;
    }
    KeReleaseSpinLock(&Ext->QueueLock, Old);
    return Count;
}

/* Notification records still allocated: the open's context is the other 'TEVE' block. */
static LONG Records(ULONG Opens)
{
    SIM_POOL_TAG_USAGE Usage = TagUsage(TAG);
    return (LONG)(Usage.Allocs - Usage.Frees) - (LONG)Opens;
}

SIM_TEST(WithoutAKernelDebuggerDriverEntryStopsAtItsBreakpoint)
{
    (void)State;
    PDRIVER_OBJECT Object = SimCreateDriverObject(L"Event");
    assert_non_null(Object);
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT,
                        SimCallDriverEntry(Object, DriverEntry));
    assert_null(SimLookupDevice(L"\\Device\\Event_Sample"));
    SimReset();
}

SIM_TEST_F(WithADebuggerDriverEntryMakesTheDevice, Load, Unload)
{
    (void)State;
    assert_int_equal(SimKernelDebuggerBreaks(), 1);
    assert_ptr_equal(SimLookupDevice(L"\\Device\\Event_Sample"), Device);
    assert_int_equal(Device->DeviceType, FILE_DEVICE_UNKNOWN);
    assert_int_equal(Device->Characteristics, FILE_DEVICE_SECURE_OPEN);
    assert_int_equal(Device->Flags & (DO_BUFFERED_IO | DO_DEVICE_INITIALIZING), DO_BUFFERED_IO);
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Device->DeviceExtension;
    assert_ptr_equal(Ext->Self, Device);
    assert_int_equal(Queued(), 0);
}

SIM_TEST_F(EachOpenHasItsOwnContextUntilClose, Load, Unload)
{
    (void)State;
    PFILE_OBJECT A, B;
    assert_int_equal(SimOpenDevice(Device, &A), STATUS_SUCCESS);
    assert_int_equal(SimOpenDevice(Device, &B), STATUS_SUCCESS);
    assert_non_null(A->FsContext);
    assert_ptr_not_equal(A->FsContext, B->FsContext);
    SIM_POOL_TAG_USAGE Usage = TagUsage(TAG);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Allocs - Usage.Frees, 2);
    assert_int_equal(Usage.Bytes, 2 * sizeof(FILE_CONTEXT));
    assert_int_equal(SimCloseFile(A), STATUS_SUCCESS);
    assert_int_equal(SimCloseFile(B), STATUS_SUCCESS);
    Usage = TagUsage(TAG);
    assert_int_equal(Usage.Allocs, Usage.Frees);
    /* No pool for the context: the open fails. */
    PFILE_OBJECT File = (PFILE_OBJECT)(ULONG_PTR)1;
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_INSUFFICIENT_RESOURCES);
    assert_null(File);
    assert_int_equal(SimFaultsInjected(SimFaultPool), 1);
}

SIM_TEST_F(AShortRegistrationIsRefused, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    REGISTER_EVENT In = {IRP_BASED, NULL, {.QuadPart = 10 * MS}};
    SIM_IO_REQUEST Request = Register(&In, sizeof(In) - 1);
    IO_STATUS_BLOCK Io;
    assert_int_equal(SimIoCallFile(File, &Request, &Io), STATUS_INVALID_PARAMETER);
    assert_int_equal(Io.Information, 0);
    assert_int_equal(Queued(), 0);
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

SIM_TEST_F(TheTimersDpcCompletesAPendingIrp, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    REGISTER_EVENT In = {IRP_BASED, NULL, {.QuadPart = 10 * MS}};
    SIM_IO_REQUEST Request = Register(&In, sizeof(In));
    PIRP Irp;
    assert_int_equal(SimIoStartRequest(Device, File, &Request, &Irp), STATUS_PENDING);
    assert_non_null(Irp);
    IO_STATUS_BLOCK Io;
    assert_int_equal(SimIoFinishRequest(Irp, &Io), STATUS_SUCCESS);
    assert_int_equal(Io.Information, 0);
    KeFlushQueuedDpcs(); /* the DPC frees its record after completing the IRP */
    assert_int_equal(Queued(), 0);
    assert_int_equal(Records(1), 0);
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

SIM_TEST_F(APendingIrpIsCancelledWithItsTimer, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    REGISTER_EVENT In = {IRP_BASED, NULL, {.QuadPart = 3600000 * MS}}; /* an hour */
    SIM_IO_REQUEST Request = Register(&In, sizeof(In));
    PIRP Irp;
    assert_int_equal(SimIoStartRequest(Device, File, &Request, &Irp), STATUS_PENDING);
    assert_ptr_equal(Irp->CancelRoutine, EventCancelRoutine);
    PNOTIFY_RECORD Record = (PNOTIFY_RECORD)Irp->Tail.Overlay.DriverContext[3];
    assert_non_null(Record);
    assert_false(KeReadStateTimer(&Record->Timer)); /* set, not yet due */
    assert_int_equal(Queued(), 1);
    assert_int_equal(Records(1), 1);
    assert_true(IoCancelIrp(Irp));
    IO_STATUS_BLOCK Io;
    assert_int_equal(SimIoFinishRequest(Irp, &Io), STATUS_CANCELLED);
    assert_int_equal(Io.Information, 0);
    assert_int_equal(Queued(), 0);
    assert_int_equal(Records(1), 0); /* KeCancelTimer took it off: the routine freed it */
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

SIM_TEST_F(CleanupCompletesTheOpensPendingIrps, Load, Unload)
{
    (void)State;
    PFILE_OBJECT A, B;
    assert_int_equal(SimOpenDevice(Device, &A), STATUS_SUCCESS);
    assert_int_equal(SimOpenDevice(Device, &B), STATUS_SUCCESS);
    REGISTER_EVENT In = {IRP_BASED, NULL, {.QuadPart = 3600000 * MS}};
    SIM_IO_REQUEST Request = Register(&In, sizeof(In));
    PIRP OfA[2], OfB;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(SimIoStartRequest(Device, A, &Request, &OfA[i]), STATUS_PENDING);
    }
    assert_int_equal(SimIoStartRequest(Device, B, &Request, &OfB), STATUS_PENDING);
    assert_int_equal(Queued(), 3);
    assert_int_equal(SimCloseFile(A), STATUS_SUCCESS);
    IO_STATUS_BLOCK Io;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(SimIoFinishRequest(OfA[i], &Io), STATUS_CANCELLED);
    }
    assert_int_equal(Queued(), 1); /* B's stays */
    assert_int_equal(Records(1), 1);
    assert_true(IoCancelIrp(OfB));
    assert_int_equal(SimIoFinishRequest(OfB, &Io), STATUS_CANCELLED);
    assert_int_equal(SimCloseFile(B), STATUS_SUCCESS);
    assert_int_equal(Records(0), 0);
}

SIM_TEST_F(ARegistrationWithoutPoolFails, Load, Unload)
{
    (void)State;
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    REGISTER_EVENT In = {IRP_BASED, NULL, {.QuadPart = 10 * MS}};
    SIM_IO_REQUEST Request = Register(&In, sizeof(In));
    IO_STATUS_BLOCK Io;
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(SimIoCallFile(File, &Request, &Io), STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(SimFaultsInjected(SimFaultPool), 1);
    assert_int_equal(Queued(), 0);
    assert_int_equal(Records(1), 0);
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
}

static KSTART_ROUTINE Returns;
static VOID Returns(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
}

SIM_TEST_F(AnEventRegistrationNeedsAnEventHandle, Load, Unload)
{
    (void)State;
    /*   hEvent                          status
     *   a system thread's handle        STATUS_OBJECT_TYPE_MISMATCH (not *ExEventObjectType)
     *   a handle of nothing             STATUS_INVALID_HANDLE */
    HANDLE Thread;
    assert_int_equal(PsCreateSystemThread(&Thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, Returns,
                                          NULL),
                     STATUS_SUCCESS);
    struct {
        HANDLE Handle;
        NTSTATUS Expected;
    } Rows[] = {
        {Thread, STATUS_OBJECT_TYPE_MISMATCH},
        {(HANDLE)(ULONG_PTR)0x7FF0, STATUS_INVALID_HANDLE},
    };
    PFILE_OBJECT File;
    assert_int_equal(SimOpenDevice(Device, &File), STATUS_SUCCESS);
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        REGISTER_EVENT In = {EVENT_BASED, Rows[i].Handle, {.QuadPart = 10 * MS}};
        SIM_IO_REQUEST Request = Register(&In, sizeof(In));
        IO_STATUS_BLOCK Io;
        assert_int_equal(SimIoCallFile(File, &Request, &Io), Rows[i].Expected);
        assert_int_equal(Queued(), 0);
        assert_int_equal(Records(1), 0);
    }
    assert_int_equal(SimCloseFile(File), STATUS_SUCCESS);
    PETHREAD Object;
    assert_int_equal(ObReferenceObjectByHandle(Thread, SYNCHRONIZE, *PsThreadType, KernelMode,
                                               &Object, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(ZwClose(Thread), STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(Object, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    ObDereferenceObject(Object);
}

int main(void)
{
    return SimRunTests("realworld: Windows-driver-samples event (timers, DPCs, cancel)", NULL,
                       NULL);
}
