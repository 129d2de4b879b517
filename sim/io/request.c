/*
 * request.c - the I/O manager's side of a request, shared by the Sim* requester (simio.c) and
 * the IRP builders (build.c): an IRP's buffers per transfer method ("Buffer Descriptions for
 * I/O Control Codes", "Using Buffered I/O", "Using Direct I/O", "Using Neither Buffered Nor
 * Direct I/O"), sending it to the top of the device's stack, the requester's side of
 * completion, file objects (open: IRP_MJ_CREATE; cleanup; close). The copy-out happens only
 * when the final status is not an error (NT_ERROR false), and only for requests that read
 * into the caller's buffer (IRP_INPUT_OPERATION). Moved out of simio.c (the api layer) so
 * that the io layer's DDIs can use it (io32).
 */
#include <stdlib.h>
#include <wchar.h>

#include "mi_io.h"
#include "../mm/mi_mm.h"

/* 0x4A: a routine the "system service" called returned above PASSIVE_LEVEL. */
void MiCheckServiceIrql(KIRQL Before, const void *Routine)
{
    KIRQL After = MiCurrentIrql();
    if (Before == PASSIVE_LEVEL && After != PASSIVE_LEVEL) {
        KeBugCheckEx(IRQL_GT_ZERO_AT_SYSTEM_SERVICE, (ULONG_PTR)Routine, After, 0, 0);
    }
}

/* ---------------------------------------------------------------------- */
/* Requests.                                                              */
/* ---------------------------------------------------------------------- */
typedef enum _MI_TRANSFER { MiTransferNone, MiTransferBuffered, MiTransferDirect, MiTransferNeither } MI_TRANSFER;

/* userva: a request whose buffers are in the simulated user range comes from user mode
 * (sim/mm/virtual.c; docs/user-space.md). */
bool MiIsUserRange(uintptr_t Va, uintptr_t Length);
static bool MiIsUserRequest(const SIM_IO_REQUEST *Request)
{
    bool In = Request->InputBuffer != NULL && Request->InputBufferLength != 0;
    bool Out = Request->OutputBuffer != NULL && Request->OutputBufferLength != 0;
    return (In || Out) &&
           (!In || MiIsUserRange((uintptr_t)Request->InputBuffer, Request->InputBufferLength)) &&
           (!Out || MiIsUserRange((uintptr_t)Request->OutputBuffer, Request->OutputBufferLength));
}

/* An MDL over Buffer for the IRP, probed and locked for Operation in the requestor's mode. */
static NTSTATUS MiLockRequesterBuffer(PIRP Irp, PVOID Buffer, ULONG Length, LOCK_OPERATION Operation)
{
    PMDL Mdl = IoAllocateMdl(Buffer, Length, FALSE, TRUE, Irp);
    if (Mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, Irp->RequestorMode, Operation));
    return Status; /* on failure the MDL stays on the IRP, unlocked: the release frees it */
}

/* The system buffer of a buffered transfer: Bytes of non-paged pool, holding Input. */
static NTSTATUS MiBufferRequest(PIRP Irp, ULONG Bytes, const void *Input, ULONG InputLength)
{
    if (Bytes == 0) {
        return STATUS_SUCCESS;
    }
    PVOID System = MiAllocatePoolInternal(false, Bytes, MI_TAG_SYSTEM_BUFFER, MI_CALLER_ADDRESS(),
                                          true);
    if (System == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Irp->AssociatedIrp.SystemBuffer = System;
    Irp->Flags |= IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER;
    NTSTATUS Status = STATUS_SUCCESS;
    if (InputLength != 0 && Input != NULL) {
        /* From user mode the copy is probed and may fault (the release frees System). */
        SIM_TRY_STATUS(&Status, if (Irp->RequestorMode == UserMode) {
            ProbeForRead(Input, InputLength, 1);
        } memcpy(System, Input, InputLength));
    }
    return Status;
}

/* Fills the IRP and its first stack location for Request; buffers per the method. The
 * requester is kernel-mode unless its buffers are in the user range. */
static NTSTATUS MiBuildRequest(PDEVICE_OBJECT Device, PIRP Irp, const SIM_IO_REQUEST *Request,
                               PFILE_OBJECT FileObject)
{
    return MiBuildRequestFor(Device, Irp, Request, FileObject,
                             MiIsUserRequest(Request) ? UserMode : KernelMode);
}

NTSTATUS MiBuildRequestFor(PDEVICE_OBJECT Device, PIRP Irp, const SIM_IO_REQUEST *Request,
                           PFILE_OBJECT FileObject, KPROCESSOR_MODE Mode)
{
    PIO_STACK_LOCATION IrpSp = IoGetNextIrpStackLocation(Irp);
    IrpSp->MajorFunction = Request->MajorFunction;
    IrpSp->MinorFunction = Request->MinorFunction;
    IrpSp->FileObject = FileObject;
    Irp->Tail.Overlay.OriginalFileObject = FileObject;
    Irp->RequestorMode = Mode;
    switch (Request->MajorFunction) {
    case IRP_MJ_DEVICE_CONTROL:
    case IRP_MJ_INTERNAL_DEVICE_CONTROL: {
        ULONG In = Request->InputBufferLength, Out = Request->OutputBufferLength;
        IrpSp->Parameters.DeviceIoControl.IoControlCode = Request->IoControlCode;
        IrpSp->Parameters.DeviceIoControl.InputBufferLength = In;
        IrpSp->Parameters.DeviceIoControl.OutputBufferLength = Out;
        Irp->UserBuffer = Request->OutputBuffer;
        switch (METHOD_FROM_CTL_CODE(Request->IoControlCode)) {
        case METHOD_BUFFERED:
            if (Out != 0) {
                Irp->Flags |= IRP_INPUT_OPERATION;
            }
            return MiBufferRequest(Irp, In > Out ? In : Out, Request->InputBuffer, In);
        case METHOD_IN_DIRECT:
        case METHOD_OUT_DIRECT: {
            NTSTATUS Status = MiBufferRequest(Irp, In, Request->InputBuffer, In);
            if (NT_SUCCESS(Status) && Out != 0) {
                LOCK_OPERATION Operation =
                    METHOD_FROM_CTL_CODE(Request->IoControlCode) == METHOD_IN_DIRECT
                        ? IoReadAccess
                        : IoWriteAccess;
                Status = MiLockRequesterBuffer(Irp, Request->OutputBuffer, Out, Operation);
            }
            return Status;
        }
        default: /* METHOD_NEITHER */
            IrpSp->Parameters.DeviceIoControl.Type3InputBuffer = Request->InputBuffer;
            return STATUS_SUCCESS;
        }
    }
    case IRP_MJ_READ:
    case IRP_MJ_WRITE: {
        bool Read = Request->MajorFunction == IRP_MJ_READ;
        PVOID Buffer = Read ? Request->OutputBuffer : Request->InputBuffer;
        ULONG Length = Read ? Request->OutputBufferLength : Request->InputBufferLength;
        IrpSp->Parameters.Read.Length = Length; /* Write has the same layout */
        IrpSp->Parameters.Read.ByteOffset.QuadPart = Request->ByteOffset;
        Irp->Flags |= Read ? IRP_READ_OPERATION : IRP_WRITE_OPERATION;
        Irp->UserBuffer = Buffer;
        if (Length == 0) {
            return STATUS_SUCCESS;
        }
        if (Device->Flags & DO_BUFFERED_IO) {
            if (Read) {
                Irp->Flags |= IRP_INPUT_OPERATION;
            }
            return MiBufferRequest(Irp, Length, Read ? NULL : Buffer, Read ? 0 : Length);
        }
        if (Device->Flags & DO_DIRECT_IO) {
            /* A read writes into the caller's memory. */
            return MiLockRequesterBuffer(Irp, Buffer, Length, Read ? IoWriteAccess : IoReadAccess);
        }
        return STATUS_SUCCESS;
    }
    default:
        return STATUS_SUCCESS;
    }
}

/* The requester's side of completion: copy-out, system buffer and MDLs released. */
void MiFinishRequest(PIRP Irp, const SIM_IO_REQUEST *Request)
{
    if (Irp->Flags & IRP_BUFFERED_IO) {
        PVOID System = Irp->AssociatedIrp.SystemBuffer;
        if ((Irp->Flags & IRP_INPUT_OPERATION) && !NT_ERROR(Irp->IoStatus.Status) &&
            System != NULL && Irp->UserBuffer != NULL) {
            ULONG Capacity = Request->OutputBufferLength;
            ULONG_PTR Bytes = Irp->IoStatus.Information;
            size_t Copy = Bytes < Capacity ? (size_t)Bytes : (size_t)Capacity;
            NTSTATUS Status;
            SIM_TRY_STATUS(&Status, memcpy(Irp->UserBuffer, System, Copy));
            if (!NT_SUCCESS(Status)) {
                Irp->IoStatus.Status = Status; /* the copy-out to user memory faulted */
            }
        }
        if ((Irp->Flags & IRP_DEALLOCATE_BUFFER) && System != NULL) {
            MiFreePoolInternal(System, MI_TAG_SYSTEM_BUFFER, true);
            Irp->AssociatedIrp.SystemBuffer = NULL;
        }
    }
    PMDL Mdl = Irp->MdlAddress;
    while (Mdl != NULL) {
        PMDL Next = Mdl->Next;
        if (Mdl->MdlFlags & MDL_PAGES_LOCKED) {
            MmUnlockPages(Mdl);
        }
        IoFreeMdl(Mdl);
        Mdl = Next;
    }
    Irp->MdlAddress = NULL;
}

static bool MiIrpCompleted(void *Context)
{
    return __atomic_load_n(&((MI_IRP_TAIL *)Context)->Completed, __ATOMIC_ACQUIRE) != 0;
}

bool MiIsDeviceObject(PDEVICE_OBJECT Device)
{
    MI_DEVICE_STATE *State = MiDeviceState(Device);
    return State != NULL && !State->DeletePending && Device->DriverObject != NULL;
}

/* io33: the device of an open file, which may be delete-pending meanwhile (IoDeleteDevice
 * with the file still open): the file's cleanup and close still go to its driver. */
static bool MiIsOpenedDevice(PDEVICE_OBJECT Device)
{
    return MiDeviceState(Device) != NULL && Device->DriverObject != NULL;
}

/* Builds the IRP for Request and calls the driver: the dispatch routine's status, *Out the
 * IRP (NULL with a failure status when none could be allocated). When the build failed
 * the driver is not called and the IRP is marked completed with that status. */
NTSTATUS MiStartRequest(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT FileObject,
                        const SIM_IO_REQUEST *Request, PIRP *Out, BOOLEAN *Sent,
                        ULONG_PTR Caller)
{
    *Out = NULL;
    *Sent = FALSE;
    /* io32: a request for a device goes to the top of its stack (the device attached
     * last), as the I/O manager sends it (IoGetRelatedDeviceObject). */
    DeviceObject = MiTopOfStack(DeviceObject);
    CCHAR StackSize = DeviceObject->StackSize > 0 ? DeviceObject->StackSize : 1;
    PIRP Irp = MiAllocateIrp(StackSize, Caller);
    if (Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MI_IRP_TAIL *Tail = MiIrpTail(Irp);
    Tail->Request = *Request;
    Tail->FileObject = FileObject;
    *Out = Irp;
    NTSTATUS Status = MiBuildRequest(DeviceObject, Irp, Request, FileObject);
    if (!NT_SUCCESS(Status)) {
        Irp->IoStatus.Status = Status;
        Tail->Completed = 1;
        return Status;
    }
    PDRIVER_OBJECT Driver = DeviceObject->DriverObject;
    UCHAR Major = Request->MajorFunction;
    const void *Routine =
        Major <= IRP_MJ_MAXIMUM_FUNCTION ? (const void *)Driver->MajorFunction[Major] : NULL;
    KIRQL Before = MiCurrentIrql();
    *Sent = TRUE;
    Status = IofCallDriver(DeviceObject, Irp);
    MiCheckServiceIrql(Before, Routine);
    return Status;
}

/* Waits for completion (pending, or returned without completing: from a work item, a
 * timer's DPC, a cancellation), then the requester's side; frees the IRP. */
NTSTATUS MiFinishRequestAndFree(PIRP Irp, PIO_STATUS_BLOCK IoStatus, const char *Ddi)
{
    MI_IRP_TAIL *Tail = MiIrpTail(Irp);
    MiParkUntilFor(Ddi, &Tail->Completed, MiIrpCompleted, Tail, -1);
    NTSTATUS Status = Irp->IoStatus.Status;
    if (IoStatus != NULL) {
        *IoStatus = Irp->IoStatus;
    }
    MiFinishRequest(Irp, &Tail->Request);
    MiFreeIrp(Irp);
    return Status;
}

/* Sends Request to DeviceObject's stack and waits for it (the device checked). */
static NTSTATUS MiSendRequest(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT FileObject,
                              const SIM_IO_REQUEST *Request, PIO_STATUS_BLOCK IoStatus,
                              ULONG_PTR Caller)
{
    PIRP Irp;
    BOOLEAN Sent;
    NTSTATUS Status = MiStartRequest(DeviceObject, FileObject, Request, &Irp, &Sent, Caller);
    if (Irp == NULL) {
        return Status;
    }
    /* Not sent (the buffers could not be set up): the status, and no I/O status block. */
    return MiFinishRequestAndFree(Irp, Sent ? IoStatus : NULL, "SimIoCallDriver");
}

NTSTATUS MiCallDriver(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT FileObject,
                      const SIM_IO_REQUEST *Request, PIO_STATUS_BLOCK IoStatus,
                      ULONG_PTR Caller)
{
    if (IoStatus != NULL) {
        memset(IoStatus, 0, sizeof(*IoStatus));
    }
    if (Request == NULL || !MiIsDeviceObject(DeviceObject)) {
        return STATUS_INVALID_PARAMETER;
    }
    return MiSendRequest(DeviceObject, FileObject, Request, IoStatus, Caller);
}

/* A file object's block: the object, then what the object manager keeps of it. */
typedef struct _MI_FILE_BLOCK {
    FILE_OBJECT File;
    LONG References; /* IoGetDeviceObjectPointer's opens: ObDereferenceObject's to drop */
    BOOLEAN ReferencesDevice;  /* io33: the open holds a reference on File.DeviceObject */
    WORK_QUEUE_ITEM Deletion;  /* io33: the deletion deferred to a worker (stack.c) */
    ULONG_PTR DeletionCaller;
} MI_FILE_BLOCK;

bool MiIsFileObject(PFILE_OBJECT File)
{
    ULONG Tag = 0;
    return File != NULL && MiPoolBlockSize(File, &Tag) != 0 && Tag == MI_TAG_FILE_OBJECT &&
           File->Type == IO_TYPE_FILE;
}

LONG *MiFileReferences(PFILE_OBJECT FileObject)
{
    return &((MI_FILE_BLOCK *)FileObject)->References;
}

bool MiFileReferencesDevice(PFILE_OBJECT FileObject)
{
    return ((MI_FILE_BLOCK *)FileObject)->ReferencesDevice != FALSE;
}

void MiSetFileReferencesDevice(PFILE_OBJECT FileObject)
{
    ((MI_FILE_BLOCK *)FileObject)->ReferencesDevice = TRUE;
}

PWORK_QUEUE_ITEM MiFileDeletionItem(PFILE_OBJECT FileObject)
{
    return &((MI_FILE_BLOCK *)FileObject)->Deletion;
}

ULONG_PTR *MiFileDeletionCaller(PFILE_OBJECT FileObject)
{
    return &((MI_FILE_BLOCK *)FileObject)->DeletionCaller;
}

NTSTATUS MiOpenFile(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT *FileObject, ULONG_PTR Caller)
{
    *FileObject = NULL;
    PFILE_OBJECT File = (PFILE_OBJECT)MiAllocatePoolInternal(
        false, sizeof(MI_FILE_BLOCK), MI_TAG_FILE_OBJECT, Caller, true);
    if (File == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    memset(File, 0, sizeof(MI_FILE_BLOCK));
    File->Type = IO_TYPE_FILE;
    File->Size = (CSHORT)sizeof(FILE_OBJECT);
    File->DeviceObject = DeviceObject;
    File->ReadAccess = TRUE;
    File->WriteAccess = TRUE;
    KeInitializeEvent(&File->Lock, SynchronizationEvent, FALSE);
    KeInitializeEvent(&File->Event, NotificationEvent, FALSE);
    KeInitializeSpinLock(&File->IrpListLock);
    InitializeListHead(&File->IrpList);

    SIM_IO_REQUEST Create;
    memset(&Create, 0, sizeof(Create));
    Create.MajorFunction = IRP_MJ_CREATE;
    NTSTATUS Status = MiCallDriver(DeviceObject, File, &Create, NULL, Caller);
    if (!NT_SUCCESS(Status)) {
        File->Type = 0;
        MiFreePoolInternal(File, MI_TAG_FILE_OBJECT, true);
        return Status;
    }
    File->Flags |= FO_FILE_OPEN | FO_HANDLE_CREATED;
    *FileObject = File;
    return Status;
}

/* The handle's last close: IRP_MJ_CLEANUP to the device's stack. */
void MiCleanupFile(PFILE_OBJECT FileObject, ULONG_PTR Caller)
{
    PDEVICE_OBJECT Device = FileObject->DeviceObject;
    if (!(FileObject->Flags & FO_CLEANUP_COMPLETE) && MiIsOpenedDevice(Device)) {
        SIM_IO_REQUEST Request;
        memset(&Request, 0, sizeof(Request));
        Request.MajorFunction = IRP_MJ_CLEANUP;
        NTSTATUS Status = MiSendRequest(Device, FileObject, &Request, NULL, Caller);
        FileObject->FinalStatus = Status;
    }
    FileObject->Flags |= FO_CLEANUP_COMPLETE;
}

NTSTATUS MiCloseFile(PFILE_OBJECT FileObject, ULONG_PTR Caller)
{
    bool Cleaned = (FileObject->Flags & FO_CLEANUP_COMPLETE) != 0;
    MiCleanupFile(FileObject, Caller);
    NTSTATUS Status = Cleaned ? STATUS_SUCCESS : FileObject->FinalStatus;
    PDEVICE_OBJECT Device = FileObject->DeviceObject;
    /* io33: also when the device is delete-pending: Windows still sends the close of an
     * open file to its driver, then deletes the device (the IoDeleteDevice page: deleted
     * when the references are released). */
    if (MiIsOpenedDevice(Device)) {
        SIM_IO_REQUEST Request;
        memset(&Request, 0, sizeof(Request));
        Request.MajorFunction = IRP_MJ_CLOSE;
        (void)MiSendRequest(Device, FileObject, &Request, NULL, Caller);
    }
    FileObject->Type = 0;
    MiFreePoolInternal(FileObject, MI_TAG_FILE_OBJECT, true);
    return Status;
}

