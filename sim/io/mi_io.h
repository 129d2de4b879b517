/*
 * mi_io.h - the simulated I/O manager's internals shared by sim/io (the DDIs in iomgr.c, the
 * Sim* control API in simio.c). Not installed.
 */
#ifndef MMSIM_IO_MI_IO_H
#define MMSIM_IO_MI_IO_H

#include "../mi.h"

/* Pool tags of the I/O manager's objects (Windows' own tags for them, as pooltag lists give
 * them: device objects "Devi", driver objects "Driv", IRPs "Irp ", symbolic links "Symb";
 * the buffered-I/O system buffer's is mmsim's choice). */
#define MI_TAG_DEVICE_OBJECT 'iveD'
#define MI_TAG_DRIVER_OBJECT 'virD'
#define MI_TAG_IRP           ' prI'
#define MI_TAG_SYMBOLIC_LINK 'bmyS'
#define MI_TAG_SYSTEM_BUFFER 'fBoI'
#define MI_TAG_FILE_OBJECT   'eliF'

/* io32: who finishes an IRP when its completion reaches the top: the Sim requester (none),
 * or the I/O manager for an IRP an IoBuild* routine made (threaded: IoBuildDeviceIoControl-
 * Request, IoBuildSynchronousFsdRequest; asynchronous: IoBuildAsynchronousFsdRequest). */
enum { MiIrpBuiltNone, MiIrpBuiltThreaded, MiIrpBuiltAsynchronous };

/* What the I/O manager keeps after each IRP's stack locations: the request's state as the
 * requester waits for it. */
typedef struct _MI_IRP_TAIL {
    ULONG Magic;               /* MI_IRP_MAGIC */
    volatile LONG Completed;   /* IofCompleteRequest reached the top of the stack */
    SIM_IO_REQUEST Request;    /* what a Sim* requester asked for (its copy-out length) */
    PFILE_OBJECT FileObject;   /* the open it was sent on, or NULL */
    BOOLEAN Started;           /* sent by SimIoStartRequest: SimIoFinishRequest's to free */
    UCHAR Built;               /* MiIrpBuilt* */
    BOOLEAN HeldAtTop;         /* a built IRP its builder's completion routine kept */
} MI_IRP_TAIL;

/* io32: what the I/O manager keeps of a device (in its DeviceObjectExtension record). */
typedef struct _MI_DEVICE_STATE {
    PDEVICE_OBJECT AttachedTo; /* the device this one is attached on top of, or NULL */
    LONG References;           /* ObReferenceObject and opens by IoGetDeviceObjectPointer */
    BOOLEAN DeletePending;     /* IoDeleteDevice while referenced: freed at the last */
} MI_DEVICE_STATE;

/* The state of a live device object (delete-pending included), or NULL. */
MI_DEVICE_STATE *MiDeviceState(PDEVICE_OBJECT Device);
/* io33: Delta on a device's references, under the lock IoDeleteDevice takes; the last
 * reference of a delete-pending device frees it (exactly once). *Count the new count. */
MI_OBJECT_ANSWER MiAdjustDevice(PDEVICE_OBJECT Device, LONG Delta, LONG_PTR *Count);
/* io33: Driver's object goes (SimUnloadDriver): its delete-pending devices lose their
 * driver link, so no close is sent through a freed driver object. */
void MiIoDriverGone(PDRIVER_OBJECT Driver);
/* The top of Device's stack, walked under the lock attach and detach take; a device in it
 * that is no device object any more (deleted while still attached) is 0xC9/0x04. */
PDEVICE_OBJECT MiTopOfStack(PDEVICE_OBJECT Device);
/* The device a name designates: STATUS_SUCCESS, or the namespace's failure status. */
NTSTATUS MiResolveDeviceName(PCUNICODE_STRING Name, PDEVICE_OBJECT *Device);

/* Buffers for Request as the I/O manager sets them up (request.c), the requester in Mode. */
NTSTATUS MiBuildRequestFor(PDEVICE_OBJECT Device, PIRP Irp, const SIM_IO_REQUEST *Request,
                           PFILE_OBJECT FileObject, KPROCESSOR_MODE Mode);
/* The requester's side of completion: copy-out, system buffer and MDLs released. */
void MiFinishRequest(PIRP Irp, const SIM_IO_REQUEST *Request);
/* A built IRP reached the top: copy-out, buffers, *UserIosb, UserEvent, the IRP freed. */
void MiCompleteBuiltIrp(PIRP Irp);
/* The system buffer of a built IRP freed (IoFreeIrp of an asynchronous one). */
void MiReleaseBuiltBuffers(PIRP Irp);

/* The requester's side (request.c), for the Sim* API (simio.c): 0x4A when a routine the
 * "system service" called returned above PASSIVE_LEVEL; a live device object with a driver;
 * an IRP built for Request and sent to the top of DeviceObject's stack (*Out the IRP, *Sent
 * whether the driver was called); waiting for its completion, the requester's side, the IRP
 * freed; the two together. */
void MiCheckServiceIrql(KIRQL Before, const void *Routine);
bool MiIsDeviceObject(PDEVICE_OBJECT Device);
NTSTATUS MiStartRequest(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT FileObject,
                        const SIM_IO_REQUEST *Request, PIRP *Out, BOOLEAN *Sent, ULONG_PTR Caller);
NTSTATUS MiFinishRequestAndFree(PIRP Irp, PIO_STATUS_BLOCK IoStatus, const char *Ddi);
NTSTATUS MiCallDriver(PDEVICE_OBJECT DeviceObject, PFILE_OBJECT FileObject,
                      const SIM_IO_REQUEST *Request, PIO_STATUS_BLOCK IoStatus, ULONG_PTR Caller);

/* File objects (request.c): opened on Device (IRP_MJ_CREATE to the top of its stack), and
 * closed (IRP_MJ_CLEANUP unless done, IRP_MJ_CLOSE, freed). */
bool MiIsFileObject(PFILE_OBJECT File);
NTSTATUS MiOpenFile(PDEVICE_OBJECT Device, PFILE_OBJECT *FileObject, ULONG_PTR Caller);
void MiCleanupFile(PFILE_OBJECT FileObject, ULONG_PTR Caller);
NTSTATUS MiCloseFile(PFILE_OBJECT FileObject, ULONG_PTR Caller);
/* References on a file object (IoGetDeviceObjectPointer's); the last closes it. */
LONG *MiFileReferences(PFILE_OBJECT FileObject);
/* io33: whether the open holds a reference on the file's device (IoGetDeviceObjectPointer's
 * does); the work item and caller of a deletion deferred to a worker thread. */
bool MiFileReferencesDevice(PFILE_OBJECT FileObject);
void MiSetFileReferencesDevice(PFILE_OBJECT FileObject);
PWORK_QUEUE_ITEM MiFileDeletionItem(PFILE_OBJECT FileObject);
ULONG_PTR *MiFileDeletionCaller(PFILE_OBJECT FileObject);
#define MI_IRP_MAGIC 0x70724931u /* "1Irp" */

/* The tail of an IRP this I/O manager allocated, or NULL. */
MI_IRP_TAIL *MiIrpTail(PIRP Irp);
/* IoAllocateIrp without its DDI entry (Caller charged). */
PIRP MiAllocateIrp(CCHAR StackSize, ULONG_PTR Caller);
void MiFreeIrp(PIRP Irp);

/* IoCreateDevice without its DDI entry (IoCreateDeviceSecure's too; Caller charged). */
NTSTATUS MiCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize,
                        PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
                        ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                        PDEVICE_OBJECT *DeviceObject, ULONG_PTR Caller);

/* The dispatch routine of a MajorFunction entry the driver left empty. */
DRIVER_DISPATCH MiInvalidDeviceRequest;

/* The device a name (or a symbolic link to it) designates, or NULL. */
PDEVICE_OBJECT MiLookupDevice(PCUNICODE_STRING Name);

#endif /* MMSIM_IO_MI_IO_H */
