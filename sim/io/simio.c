/*
 * simio.c - the Sim* control API around a driver's dispatch routines (mmsim.h, docs/io.md):
 * driver objects, DriverEntry, an IRP per request with the I/O manager's buffer handling,
 * the requester's side of completion, the unload. The I/O manager's side of a request
 * (buffers per transfer method, file objects) is in request.c, the io layer.
 */
#include <stdlib.h>
#include <wchar.h>

#include "mi_io.h"
#include "../mm/mi_mm.h"

/* What follows the DRIVER_OBJECT in its block. */
typedef struct _MI_DRIVER_BLOCK {
    DRIVER_OBJECT Driver;
    DRIVER_EXTENSION Extension;
    UNICODE_STRING RegistryPath;
    BOOLEAN EntryFailed; /* DriverEntry failed: unloaded without DriverUnload */
    WCHAR Text[192]; /* "\Driver\X", the service key name, the registry path */
} MI_DRIVER_BLOCK;

static const WCHAR MiDriverPrefix[] = L"\\Driver\\";
static const WCHAR MiServicesPrefix[] = L"\\REGISTRY\\MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";

/* Appends Text to Buffer at *At (bounded by Max characters); returns its UNICODE_STRING. */
static UNICODE_STRING MiAppendText(WCHAR *Buffer, size_t *At, size_t Max, const WCHAR *Prefix,
                                   const WCHAR *Text)
{
    UNICODE_STRING Out;
    size_t Start = *At;
    for (const WCHAR *Part[2] = {Prefix, Text}, **P = Part; P < Part + 2; P++) {
        for (const WCHAR *c = *P; *c != 0 && *At + 1 < Max; c++) {
            Buffer[(*At)++] = *c;
        }
    }
    Buffer[(*At)++] = 0;
    Out.Buffer = Buffer + Start;
    Out.Length = (USHORT)((*At - Start - 1) * sizeof(WCHAR));
    Out.MaximumLength = (USHORT)(Out.Length + sizeof(WCHAR));
    return Out;
}

PDRIVER_OBJECT SimCreateDriverObject(PCWSTR ServiceName)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimCreateDriverObject");
    if (ServiceName == NULL) {
        ServiceName = L"mmsim-driver";
    }
    MI_DRIVER_BLOCK *Block = (MI_DRIVER_BLOCK *)MiAllocatePoolForMm(
        sizeof(MI_DRIVER_BLOCK), MI_TAG_DRIVER_OBJECT, MI_CALLER_ADDRESS());
    if (Block == NULL) {
        return NULL;
    }
    PDRIVER_OBJECT Driver = &Block->Driver;
    size_t At = 0, Max = RTL_NUMBER_OF(Block->Text);
    Driver->Type = IO_TYPE_DRIVER;
    Driver->Size = (CSHORT)sizeof(DRIVER_OBJECT);
    Driver->Flags = DRVO_LEGACY_DRIVER;
    Driver->DriverExtension = &Block->Extension;
    Driver->DriverName = MiAppendText(Block->Text, &At, Max, MiDriverPrefix, ServiceName);
    Block->Extension.DriverObject = Driver;
    Block->Extension.ServiceKeyName = MiAppendText(Block->Text, &At, Max, L"", ServiceName);
    Block->RegistryPath = MiAppendText(Block->Text, &At, Max, MiServicesPrefix, ServiceName);
    for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        Driver->MajorFunction[i] = MiInvalidDeviceRequest;
    }
    return Driver;
}

static bool MiIsDriverObject(PDRIVER_OBJECT Driver)
{
    ULONG Tag = 0;
    return Driver != NULL && MiPoolBlockSize(Driver, &Tag) != 0 && Tag == MI_TAG_DRIVER_OBJECT &&
           Driver->Type == IO_TYPE_DRIVER;
}

NTSTATUS SimCallDriverEntry(PDRIVER_OBJECT DriverObject, PDRIVER_INITIALIZE DriverEntry)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimCallDriverEntry");
    if (!MiIsDriverObject(DriverObject) || DriverEntry == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    MI_DRIVER_BLOCK *Block = CONTAINING_RECORD(DriverObject, MI_DRIVER_BLOCK, Driver);
    DriverObject->DriverInit = DriverEntry;
    KIRQL Before = MiCurrentIrql();
    NTSTATUS Status = DriverEntry(DriverObject, &Block->RegistryPath);
    MiCheckServiceIrql(Before, (const void *)DriverEntry);
    Block->EntryFailed = !NT_SUCCESS(Status);
    if (NT_SUCCESS(Status)) {
        for (PDEVICE_OBJECT Device = DriverObject->DeviceObject; Device != NULL;
             Device = Device->NextDevice) {
            Device->Flags &= ~(ULONG)DO_DEVICE_INITIALIZING;
        }
        for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
            if (DriverObject->MajorFunction[i] == NULL) {
                DriverObject->MajorFunction[i] = MiInvalidDeviceRequest;
            }
        }
    }
    return Status;
}

NTSTATUS SimIoCallDriver(PDEVICE_OBJECT DeviceObject, const SIM_IO_REQUEST *Request,
                         PIO_STATUS_BLOCK IoStatus)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimIoCallDriver");
    return MiCallDriver(DeviceObject, NULL, Request, IoStatus, MI_CALLER_ADDRESS());
}

NTSTATUS SimIoCallFile(PFILE_OBJECT FileObject, const SIM_IO_REQUEST *Request,
                       PIO_STATUS_BLOCK IoStatus)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimIoCallFile");
    if (!MiIsFileObject(FileObject)) {
        if (IoStatus != NULL) {
            memset(IoStatus, 0, sizeof(*IoStatus));
        }
        return STATUS_INVALID_PARAMETER;
    }
    return MiCallDriver(FileObject->DeviceObject, FileObject, Request, IoStatus,
                        MI_CALLER_ADDRESS());
}

NTSTATUS SimIoStartRequest(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT FileObject,
                           const SIM_IO_REQUEST *Request, PIRP *Irp)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimIoStartRequest");
    if (Irp == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    *Irp = NULL;
    if (Request == NULL || !MiIsDeviceObject(DeviceObject) ||
        (FileObject != NULL && (!MiIsFileObject(FileObject) ||
                                FileObject->DeviceObject != DeviceObject))) {
        return STATUS_INVALID_PARAMETER;
    }
    PIRP Started;
    BOOLEAN Sent;
    NTSTATUS Status =
        MiStartRequest(DeviceObject, FileObject, Request, &Started, &Sent, MI_CALLER_ADDRESS());
    if (Started == NULL) {
        return Status;
    }
    if (!Sent) {
        MiFinishRequest(Started, Request);
        MiFreeIrp(Started);
        return Status;
    }
    MiIrpTail(Started)->Started = TRUE;
    *Irp = Started;
    return Status;
}

NTSTATUS SimIoFinishRequest(PIRP Irp, PIO_STATUS_BLOCK IoStatus)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimIoFinishRequest");
    if (IoStatus != NULL) {
        memset(IoStatus, 0, sizeof(*IoStatus));
    }
    MI_IRP_TAIL *Tail = Irp != NULL ? MiIrpTail(Irp) : NULL;
    if (Tail == NULL || !Tail->Started) {
        return STATUS_INVALID_PARAMETER;
    }
    return MiFinishRequestAndFree(Irp, IoStatus, "SimIoFinishRequest");
}

/* ---------------------------------------------------------------------- */
/* File objects (CreateFile / CloseHandle of a device).                   */
/* ---------------------------------------------------------------------- */
NTSTATUS SimOpenDevice(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT *FileObject)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimOpenDevice");
    if (FileObject == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    *FileObject = NULL;
    if (!MiIsDeviceObject(DeviceObject)) {
        return STATUS_INVALID_PARAMETER;
    }
    return MiOpenFile(DeviceObject, FileObject, MI_CALLER_ADDRESS());
}

NTSTATUS SimCloseFile(PFILE_OBJECT FileObject)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimCloseFile");
    if (!MiIsFileObject(FileObject)) {
        return STATUS_INVALID_PARAMETER;
    }
    return MiCloseFile(FileObject, MI_CALLER_ADDRESS());
}

NTSTATUS SimDeviceIoControl(PDEVICE_OBJECT DeviceObject, ULONG IoControlCode, PVOID InputBuffer,
                            ULONG InputBufferLength, PVOID OutputBuffer, ULONG OutputBufferLength,
                            ULONG_PTR *Information)
{
    SIM_IO_REQUEST Request;
    memset(&Request, 0, sizeof(Request));
    Request.MajorFunction = IRP_MJ_DEVICE_CONTROL;
    Request.IoControlCode = IoControlCode;
    Request.InputBuffer = InputBuffer;
    Request.InputBufferLength = InputBufferLength;
    Request.OutputBuffer = OutputBuffer;
    Request.OutputBufferLength = OutputBufferLength;
    IO_STATUS_BLOCK IoStatus;
    NTSTATUS Status = SimIoCallDriver(DeviceObject, &Request, &IoStatus);
    if (Information != NULL) {
        *Information = IoStatus.Information;
    }
    return Status;
}

PDEVICE_OBJECT SimLookupDevice(PCWSTR Name)
{
    MiEnsureMachine();
    if (Name == NULL) {
        return NULL;
    }
    UNICODE_STRING Text;
    size_t Length = wcslen(Name) * sizeof(WCHAR);
    if (Length == 0 || Length > 0xFFFC) {
        return NULL;
    }
    Text.Buffer = (PWCH)Name;
    Text.Length = (USHORT)Length;
    Text.MaximumLength = (USHORT)(Length + sizeof(WCHAR));
    return MiLookupDevice(&Text);
}

ULONG SimCountDeviceObjects(PDRIVER_OBJECT DriverObject)
{
    ULONG Count = 0;
    MiEnsureMachine(); /* a reset left pending by a teardown: the old pool is gone */
    if (!MiIsDriverObject(DriverObject)) {
        return 0;
    }
    for (PDEVICE_OBJECT Device = DriverObject->DeviceObject; Device != NULL;
         Device = Device->NextDevice) {
        Count++;
    }
    return Count;
}

BOOLEAN SimUnloadDriver(PDRIVER_OBJECT DriverObject, SIM_UNLOAD_REPORT *Report)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimUnloadDriver");
    if (Report != NULL) {
        memset(Report, 0, sizeof(*Report));
    }
    if (!MiIsDriverObject(DriverObject)) {
        return FALSE;
    }
    MI_DRIVER_BLOCK *Block = CONTAINING_RECORD(DriverObject, MI_DRIVER_BLOCK, Driver);
    /* After a failed DriverEntry the driver goes without its unload routine being called
     * (documented for DRIVER_UNLOAD); otherwise a driver without one cannot be unloaded. */
    if (!Block->EntryFailed) {
        if (DriverObject->DriverUnload == NULL) {
            return FALSE;
        }
        KIRQL Before = MiCurrentIrql();
        PDRIVER_UNLOAD Unload = DriverObject->DriverUnload;
        DriverObject->Flags |= DRVO_UNLOAD_INVOKED;
        Unload(DriverObject);
        MiCheckServiceIrql(Before, (const void *)Unload);
    }
    ULONG Left = 0;
    for (PDEVICE_OBJECT Device = DriverObject->DeviceObject; Device != NULL;) {
        PDEVICE_OBJECT Next = Device->NextDevice;
        char Line[160];
        snprintf(Line, sizeof(Line),
                 "mmsim: %ls unloaded without deleting device object %p (IoDeleteDevice)\n",
                 DriverObject->DriverName.Buffer, (void *)Device);
        MiWriteStderr(Line);
        Device->DriverObject = NULL; /* the driver object goes; the device stays a leak */
        Device->NextDevice = NULL;
        Device = Next;
        Left++;
    }
    MiIoDriverGone(DriverObject); /* io33: its delete-pending devices, if any */
    DriverObject->Type = 0;
    MiFreePoolInternal(DriverObject, MI_TAG_DRIVER_OBJECT, true);
    BOOLEAN Clean = SimDriverUnload(Report);
    return Clean && Left == 0;
}
