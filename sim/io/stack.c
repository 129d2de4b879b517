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
    /* Windows walks the AttachedDevice links under its database lock; so does this, under
     * the lock IoAttachDeviceToDeviceStack(Safe) and IoDetachDevice take (io33: without
     * it, a filter detached and deleted meanwhile was read after its free). A link to a
     * device object deleted while still attached is what IoCallDriver then gets:
     * Verifier's 0xC9/0x04, "an invalid device object" (*mmsim*: also without Verifier). */
    MiLock();
    for (int Hops = 0; Hops < 64; Hops++) {
        PDEVICE_OBJECT Above = Device->AttachedDevice;
        if (Above == NULL) {
            break;
        }
        /* Deleted: freed, or delete-pending (kept for a reference), which is no device
         * to send a request to either. */
        MI_DEVICE_STATE *State = MiDeviceState(Above);
        if (State == NULL || State->DeletePending || Above->DriverObject == NULL) {
            MiUnlock();
            KeBugCheckEx(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x04, (ULONG_PTR)Above, 0, 0);
        }
        Device = Above;
    }
    MiUnlock();
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
    for (int Hops = 0; Hops < 64 && Top->AttachedDevice != NULL &&
                       MiDeviceState(Top->AttachedDevice) != NULL;
         Hops++) {
        Top = Top->AttachedDevice;
    }
    /* io33: Source already below the top (a device of the stack attached onto it again)
     * would close a loop of AttachedDevice links that every later walk would follow for
     * ever. No page covers it: *mmsim* refuses it as an attachment that cannot be made. */
    bool InStack = false;
    PDEVICE_OBJECT Above = Source;
    for (int Hops = 0; Hops < 64 && Above != NULL && !InStack; Hops++) {
        InStack = Above == Top;
        Above = MiDeviceState(Above) != NULL ? Above->AttachedDevice : NULL;
    }
    if (MiDeviceGoing(Top) || InStack) {
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
    LONG_PTR Count;
    (void)MiAdjustDevice(Device, 1, &Count);
}

PDEVICE_OBJECT NTAPI IoGetAttachedDeviceReference(PDEVICE_OBJECT DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoGetAttachedDeviceReference, 0, Caller);
    MiCheckDriverPointer(DeviceObject, offsetof(DEVICE_OBJECT, AttachedDevice), false, Caller);
    /* The top found and referenced under one hold of the lock: a detach and delete of it
     * in between would leave a reference to a freed device (io33). */
    MiLock();
    PDEVICE_OBJECT Top = MiTopOfStack(DeviceObject);
    MiReferenceDevice(Top);
    MiUnlock();
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
    MiSetFileReferencesDevice(File);
    MiCleanupFile(File, Caller);
    *FileObject = File;
    *DeviceObject = MiTopOfStack(Named);
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Object references.                                                     */
/* ---------------------------------------------------------------------- */
/* The deletion of a file object whose last reference went: IRP_MJ_CLEANUP if not done,
 * IRP_MJ_CLOSE, the block freed, then the open's reference on its device released. */
static void MiDeleteFile(PFILE_OBJECT File, ULONG_PTR Caller)
{
    PDEVICE_OBJECT Named = File->DeviceObject;
    bool Referenced = MiFileReferencesDevice(File);
    (void)MiCloseFile(File, Caller);
    if (Referenced) {
        (void)MiObAdjust(Named, -1, Caller);
    }
}

static VOID NTAPI MiDeleteFileWorker(PVOID Parameter)
{
    PFILE_OBJECT File = (PFILE_OBJECT)Parameter;
    MiDeleteFile(File, *MiFileDeletionCaller(File));
}

/* The I/O manager's part of the object front (mi.h, sim/ex/object.c): device
 * and file objects. A device's count is its references beyond its creation
 * (IoDeleteDevice of a referenced device waits for the last); a file's is
 * its opens' and references' (the last sends IRP_MJ_CLOSE and frees it). */
MI_OBJECT_ANSWER MiIoAdjustObject(PVOID Object, LONG Delta, ULONG_PTR Caller, POBJECT_TYPE *Type,
                                  LONG_PTR *Count)
{
    PDEVICE_OBJECT Device = (PDEVICE_OBJECT)Object;
    PFILE_OBJECT File = (PFILE_OBJECT)Object;
    MI_OBJECT_ANSWER Answer = MiAdjustDevice(Device, Delta, Count);
    if (Answer != MiObjectNotMine) {
        *Type = &MiDeviceObjectType;
        return Answer;
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
            /* IRP_MJ_CLOSE is always sent at PASSIVE_LEVEL (its page, kernel/irp-mj-close);
             * ObDereferenceObject may be called up to DISPATCH_LEVEL (its page): above
             * PASSIVE_LEVEL the object manager hands the deletion to a system worker
             * thread, as the page of ObDereferenceObjectDeferDelete describes it. */
            if (MiCurrentIrql() != PASSIVE_LEVEL) {
                *MiFileDeletionCaller(File) = Caller;
                PWORK_QUEUE_ITEM Item = MiFileDeletionItem(File);
                ExInitializeWorkItem(Item, MiDeleteFileWorker, File);
                ExQueueWorkItem(Item, DelayedWorkQueue);
            } else {
                MiDeleteFile(File, Caller);
            }
        }
        return MiObjectCounted;
    }
    return MiObjectNotMine;
}
