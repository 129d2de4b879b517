/*
 * iomgr.c - the I/O manager's DDIs: IoCreateDevice, IoDeleteDevice, IoCreateSymbolicLink,
 * IoDeleteSymbolicLink, IoAllocateIrp, IoFreeIrp, IofCallDriver, IofCompleteRequest.
 *
 * Facts: the Microsoft documentation page of each routine (wdm/nf-wdm-iocreatedevice,
 * -iodeletedevice, -iocreatesymboliclink, -iodeletesymboliclink, -ioallocateirp,
 * -iofreeirp, -iofcalldriver, -iofcompleterequest) and of the objects (wdm/ns-wdm-_irp,
 * _io_stack_location, _device_object, _driver_object); bug checks 0x35 and 0x44 from the
 * bug check reference. docs/io.md tables every rule and each mmsim choice.
 *
 * The objects live in simulated pool under Windows' own tags ('Devi', 'Symb', 'Irp '), so a
 * driver that unloads without deleting its device or its link shows them in the unload
 * check's table (and, strict, gets 0xC4/0x62) with the code that created them. Names form
 * one namespace (devices and symbolic links, case-insensitive, "\DosDevices\" being "\??\"),
 * kept per machine: a reset empties it with the pool it lives in.
 */
#include <stddef.h>
#include <wchar.h>

#include "mi_io.h"
#include "../mm/mi_mm.h"

/* A name in the object namespace: a device's (inside its device object's block) or a
 * symbolic link (its own block, tag 'Symb'). Names are stored canonical. */
typedef struct _MI_IO_NAME {
    LIST_ENTRY Link;
    PDEVICE_OBJECT Device;  /* the device a device name names; NULL for a symbolic link
                             * and for an unnamed device's record */
    UNICODE_STRING Name;
    UNICODE_STRING Target;  /* a symbolic link's target, canonical */
    MI_DEVICE_STATE State;  /* a device's record: what the I/O manager keeps of it */
    PDEVICE_OBJECT Pending; /* io33: a delete-pending device (Link on MiIoPending, its name
                             * gone), or NULL */
} MI_IO_NAME;

static LIST_ENTRY MiIoNames;
/* io33: the delete-pending devices, whose driver link an unload must cut (MiIoDriverGone). */
static LIST_ENTRY MiIoPending;
static uint64_t MiIoNamesMachine; /* the machine (wait epoch) MiIoNames belongs to */

/* Under MiLock: the namespace of the running machine (a reset discarded the pool it was in). */
static void MiIoSyncNames(void)
{
    uint64_t Machine = MiCurrentWaitEpoch();
    if (Machine != MiIoNamesMachine) {
        InitializeListHead(&MiIoNames);
        InitializeListHead(&MiIoPending);
        MiIoNamesMachine = Machine;
    }
}

/* ---------------------------------------------------------------------- */
/* Names.                                                                 */
/* ---------------------------------------------------------------------- */
static const WCHAR MiDosDevices[] = L"\\DosDevices\\";
static const WCHAR MiQuestion[] = L"\\??\\";
#define MI_CCH(s) (sizeof(s) / sizeof(WCHAR) - 1)

static WCHAR MiFold(WCHAR c)
{
    return (c >= L'a' && c <= L'z') ? (WCHAR)(c - L'a' + L'A') : c;
}

static bool MiHasPrefix(const WCHAR *Text, size_t Cch, const WCHAR *Prefix, size_t PrefixCch)
{
    if (Cch < PrefixCch) {
        return false;
    }
    for (size_t i = 0; i < PrefixCch; i++) {
        if (MiFold(Text[i]) != MiFold(Prefix[i])) {
            return false;
        }
    }
    return true;
}

/* Characters of the canonical spelling of Name. */
static size_t MiCanonicalCch(PCUNICODE_STRING Name)
{
    size_t Cch = Name->Length / sizeof(WCHAR);
    if (MiHasPrefix(Name->Buffer, Cch, MiDosDevices, MI_CCH(MiDosDevices))) {
        return Cch - MI_CCH(MiDosDevices) + MI_CCH(MiQuestion);
    }
    return Cch;
}

/* Writes the canonical spelling into Buffer (MiCanonicalCch + 1 characters). */
static void MiCanonicalize(PCUNICODE_STRING Name, WCHAR *Buffer, UNICODE_STRING *Out)
{
    size_t Cch = Name->Length / sizeof(WCHAR);
    size_t Skip = 0, At = 0;
    if (MiHasPrefix(Name->Buffer, Cch, MiDosDevices, MI_CCH(MiDosDevices))) {
        memcpy(Buffer, MiQuestion, MI_CCH(MiQuestion) * sizeof(WCHAR));
        Skip = MI_CCH(MiDosDevices);
        At = MI_CCH(MiQuestion);
    }
    memcpy(Buffer + At, Name->Buffer + Skip, (Cch - Skip) * sizeof(WCHAR));
    Buffer[At + Cch - Skip] = 0;
    Out->Buffer = Buffer;
    Out->Length = (USHORT)((At + Cch - Skip) * sizeof(WCHAR));
    Out->MaximumLength = (USHORT)(Out->Length + sizeof(WCHAR));
}

static bool MiSameName(PCUNICODE_STRING A, PCUNICODE_STRING B)
{
    return A->Length == B->Length &&
           MiHasPrefix(A->Buffer, A->Length / sizeof(WCHAR), B->Buffer, B->Length / sizeof(WCHAR));
}

/* The directories a driver may create names in (the root, \Device, \??, \GLOBAL??). */
static bool MiIsKnownDirectory(const WCHAR *Text, size_t Cch)
{
    static const WCHAR *const Directories[] = {L"\\Device", L"\\??", L"\\GLOBAL??"};
    if (Cch == 0) {
        return true; /* the root directory */
    }
    for (size_t i = 0; i < RTL_NUMBER_OF(Directories); i++) {
        size_t DirCch = wcslen(Directories[i]);
        if (DirCch == Cch && MiHasPrefix(Text, Cch, Directories[i], DirCch)) {
            return true;
        }
    }
    return false;
}

/* What the object manager answers for a name a driver gives (already canonical). */
static NTSTATUS MiCheckName(PCUNICODE_STRING Name)
{
    size_t Cch = Name->Length / sizeof(WCHAR);
    if (Cch == 0 || Name->Buffer[0] != L'\\') {
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    }
    size_t LastSlash = 0;
    for (size_t i = 0; i < Cch; i++) {
        if (Name->Buffer[i] == L'\\') {
            LastSlash = i;
        }
    }
    if (LastSlash == Cch - 1) {
        return STATUS_OBJECT_NAME_INVALID; /* an empty last component */
    }
    if (!MiIsKnownDirectory(Name->Buffer, LastSlash)) {
        return STATUS_OBJECT_PATH_NOT_FOUND;
    }
    return STATUS_SUCCESS;
}

/* A name the driver passed: its pointers checked as a kernel access would, its length
 * valid (even, non-zero: STATUS_OBJECT_NAME_INVALID otherwise). */
static NTSTATUS MiCaptureName(PCUNICODE_STRING Name, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Name, offsetof(UNICODE_STRING, Buffer), false, Caller);
    if (Name->Length == 0 || (Name->Length & 1) != 0) {
        return STATUS_OBJECT_NAME_INVALID;
    }
    MiCheckDriverPointer(Name->Buffer, 0, false, Caller);
    return STATUS_SUCCESS;
}

static MI_IO_NAME *MiFindName(PCUNICODE_STRING Canonical)
{
    for (PLIST_ENTRY Entry = MiIoNames.Flink; Entry != &MiIoNames; Entry = Entry->Flink) {
        MI_IO_NAME *Record = CONTAINING_RECORD(Entry, MI_IO_NAME, Link);
        if (MiSameName(&Record->Name, Canonical)) {
            return Record;
        }
    }
    return NULL;
}

NTSTATUS MiResolveDeviceName(PCUNICODE_STRING Name, PDEVICE_OBJECT *Device)
{
    *Device = NULL;
    if (Name == NULL || Name->Buffer == NULL || Name->Length == 0 || (Name->Length & 1) != 0) {
        return STATUS_OBJECT_NAME_INVALID;
    }
    size_t Cch = MiCanonicalCch(Name);
    WCHAR Stack[256];
    if (Cch + 1 > RTL_NUMBER_OF(Stack)) {
        return STATUS_OBJECT_NAME_INVALID;
    }
    UNICODE_STRING Canonical;
    MiCanonicalize(Name, Stack, &Canonical);
    NTSTATUS Status = MiCheckName(&Canonical);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    *Device = MiLookupDevice(Name);
    return *Device != NULL ? STATUS_SUCCESS : STATUS_OBJECT_NAME_NOT_FOUND;
}

PDEVICE_OBJECT MiLookupDevice(PCUNICODE_STRING Name)
{
    size_t Cch = MiCanonicalCch(Name);
    WCHAR Stack[256];
    if (Cch + 1 > RTL_NUMBER_OF(Stack)) {
        return NULL;
    }
    UNICODE_STRING Canonical;
    MiCanonicalize(Name, Stack, &Canonical);
    PDEVICE_OBJECT Device = NULL;
    MiLock();
    MiIoSyncNames();
    MI_IO_NAME *Record = MiFindName(&Canonical);
    for (int Hops = 0; Record != NULL && Record->Device == NULL && Hops < 8; Hops++) {
        Record = MiFindName(&Record->Target);
    }
    if (Record != NULL) {
        Device = Record->Device;
    }
    MiUnlock();
    return Device;
}

/* ---------------------------------------------------------------------- */
/* Device objects.                                                        */
/* ---------------------------------------------------------------------- */
/* Sector size the I/O manager gives a new device of Type. */
static USHORT MiSectorSize(DEVICE_TYPE Type)
{
    switch (Type) {
    case FILE_DEVICE_DISK:
    case FILE_DEVICE_DISK_FILE_SYSTEM:
    case FILE_DEVICE_VIRTUAL_DISK:
        return 512;
    case FILE_DEVICE_CD_ROM_FILE_SYSTEM:
        return 2048;
    default:
        return 0;
    }
}

NTSTATUS NTAPI IoCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize,
                              PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
                              ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                              PDEVICE_OBJECT *DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCreateDevice, 0, Caller);
    return MiCreateDevice(DriverObject, DeviceExtensionSize, DeviceName, DeviceType,
                          DeviceCharacteristics, Exclusive, DeviceObject, Caller);
}

/* FILE_AUTOGENERATED_DEVICE_NAME without a name: the I/O manager names the device
 * "\Device\<8 hexadecimal digits>", a number no device of the machine uses yet. */
static ULONG MiAutoNameNext;
static uint64_t MiAutoNameMachine;

NTSTATUS MiCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize,
                        PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
                        ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                        PDEVICE_OBJECT *DeviceObject, ULONG_PTR Caller)
{
    MiCheckDriverPointer(DeviceObject, 0, true, Caller);
    MiCheckDriverPointer(DriverObject, offsetof(DRIVER_OBJECT, DeviceObject), true, Caller);
    *DeviceObject = NULL;

    WCHAR AutoText[32];
    UNICODE_STRING AutoName;
    if (DeviceName == NULL && (DeviceCharacteristics & FILE_AUTOGENERATED_DEVICE_NAME)) {
        for (;;) {
            MiLock();
            if (MiAutoNameMachine != MiCurrentWaitEpoch()) {
                MiAutoNameMachine = MiCurrentWaitEpoch();
                MiAutoNameNext = 0;
            }
            ULONG Number = ++MiAutoNameNext;
            MiUnlock();
            static const WCHAR Prefix[] = L"\\Device\\";
            size_t At = RTL_NUMBER_OF(Prefix) - 1;
            memcpy(AutoText, Prefix, At * sizeof(WCHAR));
            for (int Shift = 28; Shift >= 0; Shift -= 4) {
                AutoText[At++] = L"0123456789abcdef"[(Number >> Shift) & 0xF];
            }
            AutoText[At] = 0;
            AutoName.Buffer = AutoText;
            AutoName.Length = (USHORT)(At * sizeof(WCHAR));
            AutoName.MaximumLength = (USHORT)sizeof(AutoText);
            if (MiLookupDevice(&AutoName) == NULL) {
                break;
            }
        }
        DeviceName = &AutoName;
    }

    size_t NameCch = 0;
    if (DeviceName != NULL) {
        NTSTATUS Status = MiCaptureName(DeviceName, Caller);
        if (!NT_SUCCESS(Status)) {
            return Status;
        }
        NameCch = MiCanonicalCch(DeviceName);
    }
    /* [DEVICE_OBJECT][extension][name record][name], each part 16-byte aligned. */
    SIZE_T ObjectBytes = ALIGN_UP_BY(sizeof(DEVICE_OBJECT) + (SIZE_T)DeviceExtensionSize, 16);
    SIZE_T Bytes = ObjectBytes + sizeof(MI_IO_NAME) + (NameCch + 1) * sizeof(WCHAR);

    MiLock();
    MiIoSyncNames();
    PDEVICE_OBJECT Device =
        (PDEVICE_OBJECT)MiAllocatePoolInternal(false, Bytes, MI_TAG_DEVICE_OBJECT, Caller, true);
    if (Device == NULL) {
        MiUnlock();
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MI_IO_NAME *Record = (MI_IO_NAME *)((PUCHAR)Device + ObjectBytes);
    if (DeviceName != NULL) {
        MiCanonicalize(DeviceName, (WCHAR *)(Record + 1), &Record->Name);
        NTSTATUS Status = MiCheckName(&Record->Name);
        if (NT_SUCCESS(Status) && MiFindName(&Record->Name) != NULL) {
            Status = STATUS_OBJECT_NAME_COLLISION;
        }
        if (!NT_SUCCESS(Status)) {
            MiFreePoolInternal(Device, MI_TAG_DEVICE_OBJECT, false);
            MiUnlock();
            return Status;
        }
        Record->Device = Device;
        InsertTailList(&MiIoNames, &Record->Link);
    }
    /* The I/O manager's private extension: here, the device's record (its name, its
     * place in a stack, its references). */
    Device->DeviceObjectExtension = (struct _DEVOBJ_EXTENSION *)Record;
    Device->Type = IO_TYPE_DEVICE;
    Device->Size = (USHORT)(sizeof(DEVICE_OBJECT) + DeviceExtensionSize);
    Device->DriverObject = DriverObject;
    Device->Flags = DO_DEVICE_INITIALIZING | (Exclusive ? DO_EXCLUSIVE : 0) |
                    (DeviceName != NULL ? DO_DEVICE_HAS_NAME : 0);
    Device->Characteristics = DeviceCharacteristics;
    Device->DeviceExtension = DeviceExtensionSize != 0 ? (PVOID)(Device + 1) : NULL;
    Device->DeviceType = DeviceType;
    Device->StackSize = 1;
    Device->AlignmentRequirement = FILE_BYTE_ALIGNMENT;
    Device->SectorSize = MiSectorSize(DeviceType);
    InitializeListHead(&Device->Queue.ListEntry);
    Device->DeviceQueue.Size = (CSHORT)sizeof(KDEVICE_QUEUE);
    InitializeListHead(&Device->DeviceQueue.DeviceListHead);
    Device->DeviceLock.Header.Type = 1; /* SynchronizationEvent, signalled */
    Device->DeviceLock.Header.Size = (UCHAR)(sizeof(KEVENT) / sizeof(LONG));
    Device->DeviceLock.Header.SignalState = 1;
    InitializeListHead(&Device->DeviceLock.Header.WaitListHead);
    /* The newest device comes first in the driver's list. */
    Device->NextDevice = DriverObject->DeviceObject;
    DriverObject->DeviceObject = Device;
    MiUnlock();
    *DeviceObject = Device;
    return STATUS_SUCCESS;
}

VOID NTAPI IoDeleteDevice(PDEVICE_OBJECT DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoDeleteDevice, 0, Caller);
    MiCheckDriverPointer(DeviceObject, offsetof(DEVICE_OBJECT, Flags), true, Caller);
    ULONG Tag = 0;
    MiLock();
    MiIoSyncNames();
    bool Keep = false;
    if (MiPoolBlockSize(DeviceObject, &Tag) != 0 && Tag == MI_TAG_DEVICE_OBJECT &&
        DeviceObject->Type == IO_TYPE_DEVICE) {
        MI_IO_NAME *Record = (MI_IO_NAME *)DeviceObject->DeviceObjectExtension;
        if (Record != NULL && Record->State.DeletePending) {
            MiUnlock();
            return; /* deleted already, kept for its references (*mmsim*: nothing more) */
        }
        if (Record != NULL && Record->Device == DeviceObject) {
            RemoveEntryList(&Record->Link);
            Record->Device = NULL;
        }
        PDRIVER_OBJECT Driver = DeviceObject->DriverObject;
        if (Driver != NULL) {
            for (PDEVICE_OBJECT *Link = &Driver->DeviceObject; *Link != NULL;
                 Link = &(*Link)->NextDevice) {
                if (*Link == DeviceObject) {
                    *Link = DeviceObject->NextDevice;
                    break;
                }
            }
        }
        /* Referenced (ObReferenceObject, IoGetAttachedDeviceReference, an open of
         * IoGetDeviceObjectPointer): the I/O manager marks it delete-pending and frees
         * it when the last reference goes (the page of IoDeleteDevice). Its driver stays
         * its driver meanwhile: the close of a file open on it still goes there. The count
         * is read and the mark set under this lock, which every change of the count takes
         * (MiAdjustDevice): whichever comes last frees the device, exactly once. */
        Keep = Record != NULL && Record->State.References > 0;
        if (Keep) {
            Record->State.DeletePending = TRUE;
            Record->Pending = DeviceObject;
            InsertTailList(&MiIoPending, &Record->Link);
        } else {
            DeviceObject->DriverObject = NULL;
            DeviceObject->Type = 0; /* what was a device object no longer is one */
        }
    }
    MiUnlock();
    if (Keep) {
        return;
    }
    /* Not a live device object (freed twice, or never one): the free says so, as
     * ExFreePool of such a block does (0xC2). */
    MiFreePoolInternal(DeviceObject, MI_TAG_DEVICE_OBJECT, true);
}

MI_DEVICE_STATE *MiDeviceState(PDEVICE_OBJECT Device)
{
    ULONG Tag = 0;
    if (Device == NULL || MiPoolBlockSize(Device, &Tag) == 0 || Tag != MI_TAG_DEVICE_OBJECT ||
        Device->Type != IO_TYPE_DEVICE || Device->DeviceObjectExtension == NULL) {
        return NULL;
    }
    return &((MI_IO_NAME *)Device->DeviceObjectExtension)->State;
}

MI_OBJECT_ANSWER MiAdjustDevice(PDEVICE_OBJECT Device, LONG Delta, LONG_PTR *Count)
{
    MiLock();
    MiIoSyncNames();
    MI_DEVICE_STATE *State = MiDeviceState(Device);
    if (State == NULL) {
        MiUnlock();
        return MiObjectNotMine;
    }
    LONG Old = State->References;
    if (Old + Delta < 0) {
        MiUnlock();
        *Count = Old;
        return MiObjectWrongCount;
    }
    State->References = Old + Delta;
    *Count = Old + Delta;
    /* The last reference of a delete-pending device: IoDeleteDevice waited for it. Claimed
     * here, under the lock: no other thread sees a device object any more. */
    bool Free = *Count == 0 && State->DeletePending;
    if (Free) {
        MI_IO_NAME *Record = (MI_IO_NAME *)Device->DeviceObjectExtension;
        RemoveEntryList(&Record->Link);
        Record->Pending = NULL;
        Device->DriverObject = NULL;
        Device->Type = 0;
    }
    MiUnlock();
    if (Free) {
        MiFreePoolInternal(Device, MI_TAG_DEVICE_OBJECT, true);
    }
    return MiObjectCounted;
}

void MiIoDriverGone(PDRIVER_OBJECT Driver)
{
    MiLock();
    MiIoSyncNames();
    for (PLIST_ENTRY Entry = MiIoPending.Flink; Entry != &MiIoPending; Entry = Entry->Flink) {
        MI_IO_NAME *Record = CONTAINING_RECORD(Entry, MI_IO_NAME, Link);
        if (Record->Pending->DriverObject == Driver) {
            Record->Pending->DriverObject = NULL;
        }
    }
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* Symbolic links.                                                        */
/* ---------------------------------------------------------------------- */
NTSTATUS NTAPI IoCreateSymbolicLink(PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCreateSymbolicLink, 0, Caller);
    NTSTATUS Status = MiCaptureName(SymbolicLinkName, Caller);
    if (NT_SUCCESS(Status)) {
        Status = MiCaptureName(DeviceName, Caller);
    }
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    size_t LinkCch = MiCanonicalCch(SymbolicLinkName);
    size_t TargetCch = MiCanonicalCch(DeviceName);
    SIZE_T Bytes = sizeof(MI_IO_NAME) + (LinkCch + 1 + TargetCch + 1) * sizeof(WCHAR);
    MiLock();
    MiIoSyncNames();
    MI_IO_NAME *Record =
        (MI_IO_NAME *)MiAllocatePoolInternal(false, Bytes, MI_TAG_SYMBOLIC_LINK, Caller, true);
    if (Record == NULL) {
        MiUnlock();
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    WCHAR *Text = (WCHAR *)(Record + 1);
    MiCanonicalize(SymbolicLinkName, Text, &Record->Name);
    MiCanonicalize(DeviceName, Text + LinkCch + 1, &Record->Target);
    Status = MiCheckName(&Record->Name);
    if (NT_SUCCESS(Status) && MiFindName(&Record->Name) != NULL) {
        Status = STATUS_OBJECT_NAME_COLLISION;
    }
    if (NT_SUCCESS(Status)) {
        InsertTailList(&MiIoNames, &Record->Link);
    } else {
        MiFreePoolInternal(Record, MI_TAG_SYMBOLIC_LINK, false);
    }
    MiUnlock();
    return Status;
}

NTSTATUS NTAPI IoDeleteSymbolicLink(PUNICODE_STRING SymbolicLinkName)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoDeleteSymbolicLink, 0, Caller);
    NTSTATUS Status = MiCaptureName(SymbolicLinkName, Caller);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    size_t Cch = MiCanonicalCch(SymbolicLinkName);
    WCHAR Stack[256];
    WCHAR *Buffer = Cch + 1 <= RTL_NUMBER_OF(Stack)
                        ? Stack
                        : (WCHAR *)MiAllocatePoolInternal(false, (Cch + 1) * sizeof(WCHAR),
                                                          MI_TAG_SYMBOLIC_LINK, Caller, false);
    if (Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    UNICODE_STRING Canonical;
    MiCanonicalize(SymbolicLinkName, Buffer, &Canonical);
    MI_IO_NAME *Found = NULL;
    MiLock();
    MiIoSyncNames();
    Status = MiCheckName(&Canonical);
    if (NT_SUCCESS(Status)) {
        Found = MiFindName(&Canonical);
        if (Found == NULL) {
            Status = STATUS_OBJECT_NAME_NOT_FOUND;
        } else if (Found->Device != NULL) {
            Status = STATUS_OBJECT_TYPE_MISMATCH; /* it names a device, not a link */
            Found = NULL;
        } else {
            RemoveEntryList(&Found->Link);
        }
    }
    MiUnlock();
    if (Found != NULL) {
        MiFreePoolInternal(Found, MI_TAG_SYMBOLIC_LINK, false);
    }
    if (Buffer != Stack) {
        MiFreePoolInternal(Buffer, MI_TAG_SYMBOLIC_LINK, false);
    }
    return Status;
}

/* ---------------------------------------------------------------------- */
/* IRPs.                                                                  */
/* ---------------------------------------------------------------------- */
static SIZE_T MiIrpBytes(CCHAR StackSize)
{
    return IoSizeOfIrp(StackSize) + sizeof(MI_IRP_TAIL);
}

MI_IRP_TAIL *MiIrpTail(PIRP Irp)
{
    ULONG Tag = 0;
    SIZE_T Block = MiPoolBlockSize(Irp, &Tag);
    if (Tag != MI_TAG_IRP || Irp->StackCount < 1 || Block < MiIrpBytes(Irp->StackCount)) {
        return NULL;
    }
    MI_IRP_TAIL *Tail = (MI_IRP_TAIL *)((PUCHAR)Irp + IoSizeOfIrp(Irp->StackCount));
    return Tail->Magic == MI_IRP_MAGIC ? Tail : NULL;
}

PIRP MiAllocateIrp(CCHAR StackSize, ULONG_PTR Caller)
{
    if (StackSize < 1) {
        return NULL;
    }
    PIRP Irp = (PIRP)MiAllocatePoolInternal(false, MiIrpBytes(StackSize), MI_TAG_IRP, Caller, true);
    if (Irp == NULL) {
        return NULL;
    }
    /* IoInitializeIrp's work: the stack locations follow the IRP, the current one is
     * "above" the last. */
    Irp->Type = IO_TYPE_IRP;
    Irp->Size = IoSizeOfIrp(StackSize);
    Irp->StackCount = StackSize;
    Irp->CurrentLocation = (CHAR)(StackSize + 1);
    InitializeListHead(&Irp->ThreadListEntry);
    Irp->Tail.Overlay.CurrentStackLocation = (PIO_STACK_LOCATION)(Irp + 1) + StackSize;
    MI_IRP_TAIL *Tail = (MI_IRP_TAIL *)((PUCHAR)Irp + IoSizeOfIrp(StackSize));
    Tail->Magic = MI_IRP_MAGIC;
    return Irp;
}

void MiFreeIrp(PIRP Irp)
{
    MI_IRP_TAIL *Tail = MiIrpTail(Irp);
    if (Tail != NULL) {
        Tail->Magic = 0;
    }
    Irp->Type = 0;
    MiFreePoolInternal(Irp, MI_TAG_IRP, true);
}

PIRP NTAPI IoAllocateIrp(CCHAR StackSize, BOOLEAN ChargeQuota)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAllocateIrp, 0, Caller);
    (void)ChargeQuota;
    if (MiInjectFaultAt(SimFaultPool, MI_TAG_IRP, Caller) != MiInjectNone) {
        return NULL;
    }
    return MiAllocateIrp(StackSize, Caller);
}

VOID NTAPI IoFreeIrp(PIRP Irp)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoFreeIrp, 0, Caller);
    MiCheckDriverPointer(Irp, offsetof(IRP, StackCount), false, Caller);
    MI_IRP_TAIL *Tail = MiIrpTail(Irp);
    if (Tail != NULL && Tail->Built == MiIrpBuiltThreaded) {
        /* The I/O manager frees a synchronous IRP it built when it completes it:
         * Verifier's 0xC9/0x02, "an IRP still associated with a thread" (*mmsim*: also
         * without Verifier, the completion would free it a second time). */
        KeBugCheckEx(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x02, (ULONG_PTR)Irp, 0, 0);
    }
    if (Tail != NULL && Tail->Built == MiIrpBuiltAsynchronous) {
        MiReleaseBuiltBuffers(Irp); /* the system buffer it was built with */
    }
    MiFreeIrp(Irp);
}

NTSTATUS NTAPI MiInvalidDeviceRequest(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    (void)DeviceObject;
    Irp->IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
    Irp->IoStatus.Information = 0;
    IofCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS FASTCALL IofCallDriver(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IofCallDriver, 0, Caller);
    MiCheckDriverPointer(Irp, offsetof(IRP, CurrentLocation), true, Caller);
    MiCheckDriverPointer(DeviceObject, offsetof(DEVICE_OBJECT, DriverObject), false, Caller);
    Irp->CurrentLocation--;
    if (Irp->CurrentLocation <= 0) {
        KeBugCheckEx(NO_MORE_IRP_STACK_LOCATIONS, (ULONG_PTR)Irp, 0, 0, 0);
    }
    PIO_STACK_LOCATION IrpSp = --Irp->Tail.Overlay.CurrentStackLocation;
    IrpSp->DeviceObject = DeviceObject;
    PDRIVER_OBJECT Driver = DeviceObject->DriverObject;
    MiCheckDriverPointer(Driver, offsetof(DRIVER_OBJECT, MajorFunction), false, Caller);
    PDRIVER_DISPATCH Routine = IrpSp->MajorFunction <= IRP_MJ_MAXIMUM_FUNCTION
                                   ? Driver->MajorFunction[IrpSp->MajorFunction]
                                   : NULL;
    if (Routine == NULL) {
        Routine = MiInvalidDeviceRequest;
    }
    return Routine(DeviceObject, Irp);
}

VOID FASTCALL IofCompleteRequest(PIRP Irp, CCHAR PriorityBoost)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IofCompleteRequest, 0, Caller);
    MiCheckDriverPointer(Irp, offsetof(IRP, CurrentLocation), true, Caller);
    (void)PriorityBoost;
    /* An IRP no driver holds (all its locations completed, or not an IRP at all) is being
     * completed again. */
    MI_IRP_TAIL *Tail = Irp->Type == IO_TYPE_IRP ? MiIrpTail(Irp) : NULL;
    /* A built IRP whose builder's completion routine kept it (STATUS_MORE_PROCESSING_
     * REQUIRED above the first location) is completed again by its builder: it goes
     * straight to the I/O manager's part (the IoBuild* pages). */
    bool Again = Tail != NULL && Tail->Built != MiIrpBuiltNone && Tail->HeldAtTop &&
                 Irp->CurrentLocation == Irp->StackCount + 1;
    if (!Again && (Irp->Type != IO_TYPE_IRP || Irp->CurrentLocation > Irp->StackCount ||
                   Irp->CurrentLocation < 1)) {
        KeBugCheckEx(MULTIPLE_IRP_COMPLETE_REQUESTS, (ULONG_PTR)Irp, 0, 0, 0);
    }
    /* Completed while still cancelable: an IoCancelIrp could call the routine on a
     * completed (freed) IRP. Verifier's I/O check 0x07 (*mmsim*: also without Verifier). */
    PDRIVER_CANCEL CancelRoutine = Irp->CancelRoutine;
    if (CancelRoutine != NULL) {
        KeBugCheckEx(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x07, (ULONG_PTR)CancelRoutine,
                     (ULONG_PTR)Irp, 0);
    }
    /* Each location from the current one up: its completion routine (set by the driver
     * above) runs in the context of that driver's device, as the documentation orders. */
    if (Again) {
        Tail->HeldAtTop = FALSE;
        MiCompleteBuiltIrp(Irp);
        return;
    }
    for (;;) {
        PIO_STACK_LOCATION IrpSp = Irp->Tail.Overlay.CurrentStackLocation;
        Irp->PendingReturned = (IrpSp->Control & SL_PENDING_RETURNED) != 0;
        PIO_COMPLETION_ROUTINE Routine = IrpSp->CompletionRoutine;
        PVOID Context = IrpSp->Context;
        UCHAR Control = IrpSp->Control;
        IrpSp->MinorFunction = 0;
        IrpSp->Flags = 0;
        IrpSp->Control = 0;
        IrpSp->CompletionRoutine = NULL;
        IrpSp->Context = NULL;
        IrpSp->FileObject = NULL;
        Irp->CurrentLocation++;
        Irp->Tail.Overlay.CurrentStackLocation++;
        bool Top = Irp->CurrentLocation > Irp->StackCount;
        PDEVICE_OBJECT Device = Top ? NULL : Irp->Tail.Overlay.CurrentStackLocation->DeviceObject;
        NTSTATUS Status = Irp->IoStatus.Status;
        bool Invoke = Routine != NULL &&
                      ((NT_SUCCESS(Status) && (Control & SL_INVOKE_ON_SUCCESS)) ||
                       (!NT_SUCCESS(Status) && (Control & SL_INVOKE_ON_ERROR)) ||
                       (Irp->Cancel && (Control & SL_INVOKE_ON_CANCEL)));
        if (Invoke) {
            /* Marked held before the call: the routine may free the IRP (IoFreeIrp, then
             * STATUS_MORE_PROCESSING_REQUIRED) or wake its builder, who completes it again
             * on another thread, before it returns. Neither may find the mark unset. */
            bool Held = Top && Tail != NULL;
            if (Held) {
                Tail->HeldAtTop = TRUE;
            }
            if (Routine(Device, Irp, Context) == STATUS_MORE_PROCESSING_REQUIRED) {
                return; /* the routine's driver owns the IRP again (it may be gone) */
            }
            if (Held) {
                Tail->HeldAtTop = FALSE;
            }
        } else if (Irp->PendingReturned && !Top) {
            IoMarkIrpPending(Irp);
        }
        if (Top) {
            break;
        }
    }
    if (Tail != NULL && Tail->Built != MiIrpBuiltNone) {
        MiCompleteBuiltIrp(Irp); /* the I/O manager's part; frees the IRP */
        return;
    }
    if (Tail != NULL) {
        __atomic_store_n(&Tail->Completed, 1, __ATOMIC_RELEASE);
        MiUnparkAll(&Tail->Completed);
    }
}
