/*
 * stack.c - device stacks and object references: IoAttachDeviceToDeviceStack(Safe),
 * IoDetachDevice, IoGetAttachedDevice(Reference), IoGetDeviceObjectPointer,
 * and the I/O manager's part of ObfReferenceObject / ObfDereferenceObject: device
 * and file objects (the front is sim/ex/object.c).
 *
 * Facts: the Microsoft documentation page of each routine (wdm/nf-wdm-ioattachdevicetodevice-
 * stack, -ioattachdevicetodevicestacksafe, -iodetachdevice, -iogetattacheddevicereference,
 * -iogetdeviceobjectpointer, -iodeletedevice, -obfdereferenceobject) and bug checks 0x18 and
 * 0xC9 of the bug check reference. docs/io.md ("Device stacks") tables every rule.
 *
 *      IoGetDeviceObjectPointer(\Device\Disk) ---> filter 2   (StackSize 3)  <- requests land here
 *                                                    | AttachedTo
 *                                                  filter 1   (StackSize 2)
 *                                                    | AttachedTo
 *      \Device\Disk names ----------------------> disk       (StackSize 1)
 *      (each device's AttachedDevice points one up)
 */
#include <stddef.h>

#include "mi_io.h"
#include "../mm/mi_mm.h"

PDEVICE_OBJECT MiTopOfStack(PDEVICE_OBJECT Device)
{
    /* Windows walks the AttachedDevice links under its database lock; a link to a device
     * object deleted while still attached is what IoCallDriver then gets: Verifier's
     * 0xC9/0x04, "an invalid device object" (*mmsim*: also without Verifier). */
    for (int Hops = 0; Hops < 64; Hops++) {
        PDEVICE_OBJECT Above = Device->AttachedDevice;
        if (Above == NULL) {
            return Device;
        }
        /* Deleted: freed, or delete-pending (kept for a reference, its driver link
         * already gone), which is no device to send a request to either. */
        MI_DEVICE_STATE *State = MiDeviceState(Above);
        if (State == NULL || State->DeletePending || Above->DriverObject == NULL) {
            KeBugCheckEx(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x04, (ULONG_PTR)Above, 0, 0);
        }
        Device = Above;
    }
    return Device;
}

/* The device's driver is being unloaded or the device deleted: no attachment to it
 * (the pages of IoAttachDeviceToDeviceStack(Safe): NULL, STATUS_NO_SUCH_DEVICE). */
static bool MiDeviceGoing(PDEVICE_OBJECT Device)
{
    MI_DEVICE_STATE *State = MiDeviceState(Device);
    return State == NULL || State->DeletePending || Device->DriverObject == NULL ||
           (Device->DriverObject->Flags & DRVO_UNLOAD_INVOKED) != 0;
}

static PDEVICE_OBJECT MiAttach(PDEVICE_OBJECT Source, PDEVICE_OBJECT Target,
                               PDEVICE_OBJECT *AttachedTo, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Source, offsetof(DEVICE_OBJECT, StackSize), true, Caller);
    MiCheckDriverPointer(Target, offsetof(DEVICE_OBJECT, AttachedDevice), false, Caller);
    MI_DEVICE_STATE *SourceState = MiDeviceState(Source);
    if (SourceState == NULL) {
        return NULL; /* not a device object the I/O manager made */
    }
    MiLock();
    PDEVICE_OBJECT Top = Target;
    while (Top->AttachedDevice != NULL && MiDeviceState(Top->AttachedDevice) != NULL) {
        Top = Top->AttachedDevice;
    }
    if (MiDeviceGoing(Top) || Top == Source) {
        MiUnlock();
        return NULL;
    }
    /* The Safe form's point: the lower device is stored before any request can reach the
     * new top of the stack. */
    if (AttachedTo != NULL) {
        *AttachedTo = Top;
    }
    SourceState->AttachedTo = Top;
    Source->StackSize = (CCHAR)(Top->StackSize + 1);
    Source->AlignmentRequirement = Top->AlignmentRequirement;
    Source->SectorSize = Top->SectorSize;
    Top->AttachedDevice = Source;
    MiUnlock();
    return Top;
}

PDEVICE_OBJECT NTAPI IoAttachDeviceToDeviceStack(PDEVICE_OBJECT SourceDevice,
                                                 PDEVICE_OBJECT TargetDevice)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAttachDeviceToDeviceStack, 0, Caller);
    return MiAttach(SourceDevice, TargetDevice, NULL, Caller);
}

NTSTATUS NTAPI IoAttachDeviceToDeviceStackSafe(PDEVICE_OBJECT SourceDevice,
                                               PDEVICE_OBJECT TargetDevice,
                                               PDEVICE_OBJECT *AttachedToDeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAttachDeviceToDeviceStackSafe, 0, Caller);
    MiCheckDriverPointer(AttachedToDeviceObject, 0, true, Caller);
    *AttachedToDeviceObject = NULL;
    return MiAttach(SourceDevice, TargetDevice, AttachedToDeviceObject, Caller) != NULL
               ? STATUS_SUCCESS
               : STATUS_NO_SUCH_DEVICE;
}

VOID NTAPI IoDetachDevice(PDEVICE_OBJECT TargetDevice)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoDetachDevice, 0, Caller);
    MiCheckDriverPointer(TargetDevice, offsetof(DEVICE_OBJECT, AttachedDevice), true, Caller);
    MiLock();
    PDEVICE_OBJECT Above = TargetDevice->AttachedDevice;
    MI_DEVICE_STATE *AboveState = Above != NULL ? MiDeviceState(Above) : NULL;
    if (AboveState != NULL && AboveState->AttachedTo == TargetDevice) {
        AboveState->AttachedTo = NULL;
    }
    TargetDevice->AttachedDevice = NULL;
    MiUnlock();
}

PDEVICE_OBJECT NTAPI IoGetAttachedDevice(PDEVICE_OBJECT DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoGetAttachedDevice, 0, Caller);
    MiCheckDriverPointer(DeviceObject, offsetof(DEVICE_OBJECT, AttachedDevice), false, Caller);
    return MiTopOfStack(DeviceObject);
}

/* A reference on a device object (the I/O manager's count, in its record). */
static void MiReferenceDevice(PDEVICE_OBJECT Device)
{
    MI_DEVICE_STATE *State = MiDeviceState(Device);
    if (State != NULL) {
        __atomic_add_fetch(&State->References, 1, __ATOMIC_ACQ_REL);
    }
}

PDEVICE_OBJECT NTAPI IoGetAttachedDeviceReference(PDEVICE_OBJECT DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoGetAttachedDeviceReference, 0, Caller);
    MiCheckDriverPointer(DeviceObject, offsetof(DEVICE_OBJECT, AttachedDevice), false, Caller);
    PDEVICE_OBJECT Top = MiTopOfStack(DeviceObject);
    MiReferenceDevice(Top);
    return Top;
}

NTSTATUS NTAPI IoGetDeviceObjectPointer(PUNICODE_STRING ObjectName, ACCESS_MASK DesiredAccess,
                                        PFILE_OBJECT *FileObject, PDEVICE_OBJECT *DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoGetDeviceObjectPointer, 0, Caller);
    MiCheckDriverPointer(FileObject, 0, true, Caller);
    MiCheckDriverPointer(DeviceObject, 0, true, Caller);
    (void)DesiredAccess; /* one simulated caller, always granted (docs/io.md) */
    if (ObjectName != NULL) {
        MiCheckDriverPointer(ObjectName, offsetof(UNICODE_STRING, Buffer), false, Caller);
    }
    PDEVICE_OBJECT Named;
    NTSTATUS Status = MiResolveDeviceName(ObjectName, &Named);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    /* A device still initializing, or whose driver is unloading or which is being
     * deleted, cannot be opened. */
    if (MiDeviceGoing(Named) || (Named->Flags & DO_DEVICE_INITIALIZING)) {
        return STATUS_NO_SUCH_DEVICE;
    }
    /* What the routine does: opens the device (IRP_MJ_CREATE to the top of its stack),
     * references the file object, closes the handle (IRP_MJ_CLEANUP); the reference is
     * the caller's, its release sends IRP_MJ_CLOSE. The open file references the device. */
    PFILE_OBJECT File;
    Status = MiOpenFile(Named, &File, Caller);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    *MiFileReferences(File) = 1;
    MiReferenceDevice(Named);
    MiCleanupFile(File, Caller);
    *FileObject = File;
    *DeviceObject = MiTopOfStack(Named);
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Object references.                                                     */
/* ---------------------------------------------------------------------- */
/* The I/O manager's part of the object front (mi.h, sim/ex/object.c): device
 * and file objects. A device's count is its references beyond its creation
 * (IoDeleteDevice of a referenced device waits for the last); a file's is
 * its opens' and references' (the last sends IRP_MJ_CLOSE and frees it). */
MI_OBJECT_ANSWER MiIoAdjustObject(PVOID Object, LONG Delta, ULONG_PTR Caller, POBJECT_TYPE *Type,
                                  LONG_PTR *Count)
{
    PDEVICE_OBJECT Device = (PDEVICE_OBJECT)Object;
    PFILE_OBJECT File = (PFILE_OBJECT)Object;
    MI_DEVICE_STATE *State = MiDeviceState(Device);
    if (State != NULL) {
        *Type = &MiDeviceObjectType;
        LONG Old = __atomic_load_n(&State->References, __ATOMIC_ACQUIRE);
        do {
            if (Old + Delta < 0) {
                *Count = Old;
                return MiObjectWrongCount;
            }
        } while (!__atomic_compare_exchange_n(&State->References, &Old, Old + Delta, false,
                                              __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
        *Count = Old + Delta;
        if (*Count == 0 && Delta < 0 && State->DeletePending) {
            MiFreeDeletedDevice(Device); /* IoDeleteDevice waited for this one */
        }
        return MiObjectCounted;
    }
    if (MiIsFileObject(File)) {
        *Type = &MiFileObjectType;
        LONG *References = MiFileReferences(File);
        LONG Old = __atomic_load_n(References, __ATOMIC_ACQUIRE);
        do {
            if (Old + Delta < 0) {
                *Count = Old;
                return MiObjectWrongCount;
            }
        } while (!__atomic_compare_exchange_n(References, &Old, Old + Delta, false, __ATOMIC_ACQ_REL,
                                              __ATOMIC_ACQUIRE));
        *Count = Old + Delta;
        if (*Count == 0 && Delta < 0) {
            PDEVICE_OBJECT Named = File->DeviceObject;
            (void)MiCloseFile(File, Caller); /* IRP_MJ_CLOSE, the file object freed */
            if (MiDeviceState(Named) != NULL) {
                (void)MiObAdjust(Named, -1, Caller); /* the open's device reference */
            }
        }
        return MiObjectCounted;
    }
    return MiObjectNotMine;
}
