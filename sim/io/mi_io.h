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

/* What the I/O manager keeps after each IRP's stack locations: the request's state as the
 * requester waits for it. */
typedef struct _MI_IRP_TAIL {
    ULONG Magic;               /* MI_IRP_MAGIC */
    volatile LONG Completed;   /* IofCompleteRequest reached the top of the stack */
    SIM_IO_REQUEST Request;    /* what a Sim* requester asked for (its copy-out length) */
    PFILE_OBJECT FileObject;   /* the open it was sent on, or NULL */
    BOOLEAN Started;           /* sent by SimIoStartRequest: SimIoFinishRequest's to free */
} MI_IRP_TAIL;
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
