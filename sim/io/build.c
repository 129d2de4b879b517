/*
 * build.c - IRPs a driver builds for a lower driver: IoBuildDeviceIoControlRequest,
 * IoBuildSynchronousFsdRequest, IoBuildAsynchronousFsdRequest, and the I/O manager's part of
 * their completion.
 *
 * Facts: the Microsoft documentation page of each routine (wdm/nf-wdm-iobuilddeviceio-
 * controlrequest, -iobuildsynchronousfsdrequest, -iobuildasynchronousfsdrequest), "Buffer
 * Descriptions for I/O Control Codes", and bug check 0xC9. docs/io.md ("IRPs built for a
 * lower driver") tables every rule.
 *
 *   build (PASSIVE) --> IoCallDriver(lower) --> ... IoCompleteRequest
 *                                                   |  completion routines, bottom up
 *                                                   v
 *              the I/O manager: copy-out of a buffered read, MDLs unlocked and freed,
 *              *IoStatusBlock written, Event signalled, the IRP freed (threaded IRPs)
 */
#include <stddef.h>

#include "mi_io.h"
#include "../mm/mi_mm.h"

/* An IRP for Device, its next location and buffers filled for Request by the requester's
 * rules (kernel mode); NULL when the IRP, its system buffer or its MDL cannot be had. */
static PIRP MiBuildIrp(PDEVICE_OBJECT Device, const SIM_IO_REQUEST *Request, UCHAR Built,
                       PKEVENT Event, PIO_STATUS_BLOCK IoStatusBlock, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Device, offsetof(DEVICE_OBJECT, StackSize), false, Caller);
    PIRP Irp = MiAllocateIrp(Device->StackSize > 0 ? Device->StackSize : 1, Caller);
    if (Irp == NULL) {
        return NULL;
    }
    MI_IRP_TAIL *Tail = MiIrpTail(Irp);
    Tail->Request = *Request;
    Tail->Built = Built;
    Irp->UserIosb = IoStatusBlock;
    Irp->UserEvent = Event;
    Irp->Tail.Overlay.Thread = PsGetCurrentThread();
    NTSTATUS Status = MiBuildRequestFor(Device, Irp, Request, NULL, KernelMode);
    if (!NT_SUCCESS(Status)) {
        /* A buffer the MDL cannot be probed over: the routine returns NULL (Verifier's
         * 0xC9/0x08 and 0x09 report the bad buffer; *mmsim*: NULL, as without it). */
        MiFinishRequest(Irp, Request);
        MiFreeIrp(Irp);
        return NULL;
    }
    return Irp;
}

PIRP NTAPI IoBuildDeviceIoControlRequest(ULONG IoControlCode, PDEVICE_OBJECT DeviceObject,
                                         PVOID InputBuffer, ULONG InputBufferLength,
                                         PVOID OutputBuffer, ULONG OutputBufferLength,
                                         BOOLEAN InternalDeviceIoControl, PKEVENT Event,
                                         PIO_STATUS_BLOCK IoStatusBlock)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoBuildDeviceIoControlRequest, 0, Caller);
    SIM_IO_REQUEST Request;
    memset(&Request, 0, sizeof(Request));
    Request.MajorFunction =
        InternalDeviceIoControl ? IRP_MJ_INTERNAL_DEVICE_CONTROL : IRP_MJ_DEVICE_CONTROL;
    Request.IoControlCode = IoControlCode;
    Request.InputBuffer = InputBuffer;
    Request.InputBufferLength = InputBufferLength;
    Request.OutputBuffer = OutputBuffer;
    Request.OutputBufferLength = OutputBufferLength;
    return MiBuildIrp(DeviceObject, &Request, MiIrpBuiltThreaded, Event, IoStatusBlock, Caller);
}

/* The major functions the FSD builders accept (their pages): read, write, flush, shutdown. */
static bool MiFsdMajor(ULONG MajorFunction)
{
    return MajorFunction == IRP_MJ_READ || MajorFunction == IRP_MJ_WRITE ||
           MajorFunction == IRP_MJ_FLUSH_BUFFERS || MajorFunction == IRP_MJ_SHUTDOWN;
}

static PIRP MiBuildFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject, PVOID Buffer,
                              ULONG Length, PLARGE_INTEGER StartingOffset, UCHAR Built,
                              PKEVENT Event, PIO_STATUS_BLOCK IoStatusBlock, ULONG_PTR Caller)
{
    if (!MiFsdMajor(MajorFunction)) {
        return NULL; /* *mmsim*: any other major function, no IRP */
    }
    SIM_IO_REQUEST Request;
    memset(&Request, 0, sizeof(Request));
    Request.MajorFunction = (UCHAR)MajorFunction;
    if (MajorFunction == IRP_MJ_READ) {
        Request.OutputBuffer = Buffer;
        Request.OutputBufferLength = Length;
    } else if (MajorFunction == IRP_MJ_WRITE) {
        Request.InputBuffer = Buffer;
        Request.InputBufferLength = Length;
    }
    if (StartingOffset != NULL) {
        MiCheckDriverPointer(StartingOffset, 0, false, Caller);
        Request.ByteOffset = StartingOffset->QuadPart;
    }
    return MiBuildIrp(DeviceObject, &Request, Built, Event, IoStatusBlock, Caller);
}

PIRP NTAPI IoBuildSynchronousFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject,
                                        PVOID Buffer, ULONG Length,
                                        PLARGE_INTEGER StartingOffset, PKEVENT Event,
                                        PIO_STATUS_BLOCK IoStatusBlock)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoBuildSynchronousFsdRequest, 0, Caller);
    return MiBuildFsdRequest(MajorFunction, DeviceObject, Buffer, Length, StartingOffset,
                             MiIrpBuiltThreaded, Event, IoStatusBlock, Caller);
}

PIRP NTAPI IoBuildAsynchronousFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject,
                                         PVOID Buffer, ULONG Length,
                                         PLARGE_INTEGER StartingOffset,
                                         PIO_STATUS_BLOCK IoStatusBlock)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoBuildAsynchronousFsdRequest, 0, Caller);
    return MiBuildFsdRequest(MajorFunction, DeviceObject, Buffer, Length, StartingOffset,
                             MiIrpBuiltAsynchronous, NULL, IoStatusBlock, Caller);
}

void MiReleaseBuiltBuffers(PIRP Irp)
{
    if ((Irp->Flags & IRP_DEALLOCATE_BUFFER) && Irp->AssociatedIrp.SystemBuffer != NULL) {
        MiFreePoolInternal(Irp->AssociatedIrp.SystemBuffer, MI_TAG_SYSTEM_BUFFER, true);
        Irp->AssociatedIrp.SystemBuffer = NULL;
    }
}

void MiCompleteBuiltIrp(PIRP Irp)
{
    MI_IRP_TAIL *Tail = MiIrpTail(Irp);
    /* Copy-out of a buffered read (unless an error status), the system buffer freed, the
     * MDLs unlocked and freed: what the requester's side does for a Sim request. */
    MiFinishRequest(Irp, &Tail->Request);
    if (Irp->UserIosb != NULL) {
        *Irp->UserIosb = Irp->IoStatus;
    }
    PKEVENT Event = Irp->UserEvent;
    /* The IRP goes before the event wakes its builder, who may return from its frame. */
    Tail->Built = MiIrpBuiltNone;
    MiFreeIrp(Irp);
    if (Event != NULL) {
        KeSetEvent(Event, IO_NO_INCREMENT, FALSE);
    }
}
