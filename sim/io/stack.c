/*
 * stack.c - device stacks and object references: IoAttachDeviceToDeviceStack(Safe),
 * IoDetachDevice, IoGetAttachedDevice(Reference), IoGetDeviceObjectPointer,
 * ObfReferenceObject / ObfDereferenceObject of device and file objects.
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
        if (MiDeviceState(Above) == NULL) {
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
/* A reference dropped below zero, or on no object mmsim's I/O manager made: 0x18
 * REFERENCE_BY_POINTER (type, object, count, handles; *mmsim*: type 0, no type objects). */
static LONG_PTR MiObReference(PVOID Object, LONG Delta, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Object, 0, false, Caller);
    PDEVICE_OBJECT Device = (PDEVICE_OBJECT)Object;
    PFILE_OBJECT File = (PFILE_OBJECT)Object;
    MI_DEVICE_STATE *State = MiDeviceState(Device);
    if (State != NULL) {
        LONG Count = __atomic_add_fetch(&State->References, Delta, __ATOMIC_ACQ_REL);
        if (Count < 0) {
            KeBugCheckEx(REFERENCE_BY_POINTER, 0, (ULONG_PTR)Object, (ULONG_PTR)(LONG_PTR)Count, 0);
        }
        if (Count == 0 && State->DeletePending) {
            MiFreeDeletedDevice(Device); /* IoDeleteDevice waited for this one */
        }
        return Count;
    }
    if (MiIsFileObject(File)) {
        LONG *References = MiFileReferences(File);
        LONG Count = __atomic_add_fetch(References, Delta, __ATOMIC_ACQ_REL);
        if (Count < 0) {
            KeBugCheckEx(REFERENCE_BY_POINTER, 0, (ULONG_PTR)Object, (ULONG_PTR)(LONG_PTR)Count, 0);
        }
        if (Count == 0) {
            PDEVICE_OBJECT Named = File->DeviceObject;
            (void)MiCloseFile(File, Caller); /* IRP_MJ_CLOSE, the file object freed */
            if (MiDeviceState(Named) != NULL) {
                (void)MiObReference(Named, -1, Caller); /* the open's device reference */
            }
        }
        return Count;
    }
    KeBugCheckEx(REFERENCE_BY_POINTER, 0, (ULONG_PTR)Object, 0, 0);
    return 0;
}

LONG_PTR FASTCALL ObfReferenceObject(PVOID Object)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ObfReferenceObject, 0, Caller);
    return MiObReference(Object, 1, Caller);
}

LONG_PTR FASTCALL ObfDereferenceObject(PVOID Object)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ObfDereferenceObject, 0, Caller);
    return MiObReference(Object, -1, Caller);
}
