/*
 * test_devstack.c - device stacks, IRPs built for a lower driver and MmCopyMemory
 * (docs/io.md, "Device stacks", "IRPs built for a lower driver", "MmCopyMemory").
 *
 *   \Device\StkLower names  lower (StackSize 1) <- filter A (2) <- filter B (3) = the top
 *   a request to the name   goes to the top; each filter passes it down
 *     IoSkipCurrentIrpStackLocation + IoCallDriver           (no completion routine)
 *     IoCopyCurrentIrpStackLocationToNext + a completion routine (sees the lower's status,
 *       PendingReturned when the lower pended; STATUS_MORE_PROCESSING_REQUIRED keeps the IRP)
 *
 *   IoBuildDeviceIoControlRequest / IoBuildSynchronousFsdRequest (PASSIVE_LEVEL)
 *     buffers per the transfer method / the device's DO_BUFFERED_IO, DO_DIRECT_IO
 *     at completion: copy-out, *IoStatusBlock, the event signalled, the IRP freed
 */
#if !defined(_WIN32) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS under -std=c11 */
#endif
#include <stdbool.h>
#if !defined(_WIN32)
#include <sys/mman.h>
#endif

#include <mmsim_cmocka.h>

#define IOCTL_STK_BUFFERED CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_STK_IN_DIRECT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_IN_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_STK_OUT_DIRECT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_OUT_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_STK_NEITHER CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_STK_PEND CTL_CODE(FILE_DEVICE_UNKNOWN, 0x904, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_STK_FAIL CTL_CODE(FILE_DEVICE_UNKNOWN, 0x905, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* ---- the lower driver: records what it saw, answers "LOWER" ------------------------ */
static struct {
    ULONG Creates, Cleanups, Closes, Controls, Reads, Writes;
    PDEVICE_OBJECT Device;
    UCHAR Major;
    KPROCESSOR_MODE Mode;
    PVOID SystemBuffer, UserBuffer, Type3;
    PMDL Mdl;
    ULONG InLength, OutLength, Length;
    LONGLONG Offset;
    UCHAR FirstInput;
    ULONG Flags;
} Low;
static PIO_WORKITEM LowItem;

static VOID NTAPI LowCompleteLater(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    (void)DeviceObject;
    PIRP Irp = (PIRP)Context;
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 5;
    memcpy(Irp->AssociatedIrp.SystemBuffer, "LATER", 5);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

static NTSTATUS NTAPI LowDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status = STATUS_SUCCESS;
    ULONG_PTR Information = 0;
    Low.Device = DeviceObject;
    Low.Major = IrpSp->MajorFunction;
    Low.Mode = Irp->RequestorMode;
    Low.SystemBuffer = Irp->AssociatedIrp.SystemBuffer;
    Low.UserBuffer = Irp->UserBuffer;
    Low.Mdl = Irp->MdlAddress;
    Low.Flags = Irp->Flags;
    switch (IrpSp->MajorFunction) {
    case IRP_MJ_CREATE:
        Low.Creates++;
        break;
    case IRP_MJ_CLEANUP:
        Low.Cleanups++;
        break;
    case IRP_MJ_CLOSE:
        Low.Closes++;
        break;
    case IRP_MJ_READ:
    case IRP_MJ_WRITE: {
        bool Read = IrpSp->MajorFunction == IRP_MJ_READ;
        Read ? Low.Reads++ : Low.Writes++;
        Low.Length = IrpSp->Parameters.Read.Length;
        Low.Offset = IrpSp->Parameters.Read.ByteOffset.QuadPart;
        PUCHAR Data = Irp->MdlAddress != NULL
                          ? (PUCHAR)MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority)
                          : Irp->AssociatedIrp.SystemBuffer != NULL
                                ? (PUCHAR)Irp->AssociatedIrp.SystemBuffer
                                : (PUCHAR)Irp->UserBuffer;
        if (Read) {
            memcpy(Data, "READ", 4);
        } else {
            Low.FirstInput = Data[0];
        }
        Information = Read ? 4 : Low.Length;
        break;
    }
    case IRP_MJ_DEVICE_CONTROL:
    case IRP_MJ_INTERNAL_DEVICE_CONTROL:
        Low.Controls++;
        Low.InLength = IrpSp->Parameters.DeviceIoControl.InputBufferLength;
        Low.OutLength = IrpSp->Parameters.DeviceIoControl.OutputBufferLength;
        Low.Type3 = IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
        switch (IrpSp->Parameters.DeviceIoControl.IoControlCode) {
        case IOCTL_STK_BUFFERED:
            Low.FirstInput = *(PUCHAR)Irp->AssociatedIrp.SystemBuffer;
            memcpy(Irp->AssociatedIrp.SystemBuffer, "LOWER", 5);
            Information = 5;
            break;
        case IOCTL_STK_IN_DIRECT:
        case IOCTL_STK_OUT_DIRECT:
            Low.FirstInput = *(PUCHAR)Irp->AssociatedIrp.SystemBuffer;
            memcpy(MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority), "MDL", 3);
            Information = 3;
            break;
        case IOCTL_STK_NEITHER:
            memcpy(Irp->UserBuffer, "RAW", 3);
            Information = 3;
            break;
        case IOCTL_STK_PEND:
            IoMarkIrpPending(Irp);
            IoQueueWorkItem(LowItem, LowCompleteLater, DelayedWorkQueue, Irp);
            return STATUS_PENDING;
        case IOCTL_STK_FAIL:
            Low.FirstInput = *(PUCHAR)Irp->AssociatedIrp.SystemBuffer;
            memcpy(Irp->AssociatedIrp.SystemBuffer, "XXXXX", 5);
            Information = 5;
            Status = STATUS_DEVICE_NOT_READY;
            break;
        default:
            Status = STATUS_INVALID_DEVICE_REQUEST;
            break;
        }
        break;
    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static PDRIVER_OBJECT LowDriver;
static PDEVICE_OBJECT Lower;
static PDRIVER_OBJECT FilterDriver; /* made by the first AddFilter of a test */

/* The lower driver and its named device, flags as given (DO_BUFFERED_IO, DO_DIRECT_IO). */
static void LoadLower(ULONG Flags)
{
    memset(&Low, 0, sizeof(Low));
    FilterDriver = NULL; /* a test that stopped left the last one on the old machine */
    LowDriver = SimCreateDriverObject(L"StkLower");
    assert_non_null(LowDriver);
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\StkLower");
    assert_int_equal(IoCreateDevice(LowDriver, 0, &Name, FILE_DEVICE_DISK, 0, FALSE, &Lower),
                     STATUS_SUCCESS);
    Lower->Flags |= Flags;
    Lower->AlignmentRequirement = FILE_WORD_ALIGNMENT;
    Lower->Flags &= ~(ULONG)DO_DEVICE_INITIALIZING;
    for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        LowDriver->MajorFunction[i] = LowDispatch;
    }
    LowItem = IoAllocateWorkItem(Lower);
    assert_non_null(LowItem);
}

static void UnloadLower(void)
{
    IoFreeWorkItem(LowItem);
    IoDeleteDevice(Lower);
}

/* ---- the filter driver: pass-through, two ways ------------------------------------- */
typedef struct _FILTER_EXTENSION {
    PDEVICE_OBJECT Next; /* the device below, from the attachment */
    BOOLEAN WithCompletion;
    ULONG Calls, Completions;
    BOOLEAN SawPendingReturned;
    NTSTATUS SawStatus;
    BOOLEAN Hold;        /* the completion routine returns STATUS_MORE_PROCESSING_REQUIRED */
    BOOLEAN Raw;         /* sends the IRP on with its next location as it is */
    KEVENT Held;
} FILTER_EXTENSION, *PFILTER_EXTENSION;

static NTSTATUS NTAPI FilterCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    (void)Context;
    PFILTER_EXTENSION Ext = (PFILTER_EXTENSION)DeviceObject->DeviceExtension;
    Ext->Completions++;
    Ext->SawStatus = Irp->IoStatus.Status;
    Ext->SawPendingReturned = Irp->PendingReturned;
    if (Ext->Hold) {
        KeSetEvent(&Ext->Held, IO_NO_INCREMENT, FALSE);
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    /* The rule of the pages: a routine that returns anything else propagates pending. */
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    return STATUS_CONTINUE_COMPLETION;
}

static NTSTATUS NTAPI FilterDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PFILTER_EXTENSION Ext = (PFILTER_EXTENSION)DeviceObject->DeviceExtension;
    Ext->Calls++;
    if (Ext->Raw) {
        return IoCallDriver(Ext->Next, Irp);
    }
    if (!Ext->WithCompletion) {
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(Ext->Next, Irp);
    }
    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, FilterCompletion, NULL, TRUE, TRUE, TRUE);
    return IoCallDriver(Ext->Next, Irp);
}

static PDEVICE_OBJECT AddFilter(PDEVICE_OBJECT Target, BOOLEAN WithCompletion)
{
    if (FilterDriver == NULL) {
        FilterDriver = SimCreateDriverObject(L"StkFilter");
        for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
            FilterDriver->MajorFunction[i] = FilterDispatch;
        }
    }
    PDEVICE_OBJECT Filter;
    assert_int_equal(IoCreateDevice(FilterDriver, sizeof(FILTER_EXTENSION), NULL,
                                    FILE_DEVICE_DISK, 0, FALSE, &Filter),
                     STATUS_SUCCESS);
    PFILTER_EXTENSION Ext = (PFILTER_EXTENSION)Filter->DeviceExtension;
    Ext->WithCompletion = WithCompletion;
    KeInitializeEvent(&Ext->Held, NotificationEvent, FALSE);
    assert_int_equal(IoAttachDeviceToDeviceStackSafe(Filter, Target, &Ext->Next), STATUS_SUCCESS);
    Filter->Flags |= Ext->Next->Flags & (DO_BUFFERED_IO | DO_DIRECT_IO);
    Filter->Flags &= ~(ULONG)DO_DEVICE_INITIALIZING;
    return Filter;
}

static void RemoveFilter(PDEVICE_OBJECT Filter)
{
    IoDetachDevice(((PFILTER_EXTENSION)Filter->DeviceExtension)->Next);
    IoDeleteDevice(Filter);
}

/* Live blocks of a tag: the I/O manager's objects must all be gone by the end of a case. */
static ULONG64 LiveBlocks(ULONG Tag)
{
    SIM_POOL_TAG_USAGE Usage[64];
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    ULONG64 Live = 0;
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == Tag) {
            Live += Usage[i].Allocs - Usage[i].Frees;
        }
    }
    return Live;
}

static void TearDownAll(void)
{
    static const struct {
        ULONG Tag;
        const char *What;
    } Objects[] = {{' prI', "IRP"}, {'fBoI', "system buffer"}, {'eliF', "file object"},
                   {'iveD', "device object"}, {' ldM', "MDL"}};
    for (size_t i = 0; i < RTL_NUMBER_OF(Objects); i++) {
        if (LiveBlocks(Objects[i].Tag) != 0) {
            fail_msg("%llu %s block(s) left", (unsigned long long)LiveBlocks(Objects[i].Tag),
                     Objects[i].What);
        }
    }
    FilterDriver = NULL;
    LowDriver = NULL;
    SimReset(); /* the driver objects go with the machine */
}

/* ---- attaching ---------------------------------------------------------------------- */
SIM_TEST(AttachingBuildsTheStack)
{
    LoadLower(DO_DIRECT_IO);
    /*   step                     returns   StackSize  lower's AttachedDevice  top */
    PDEVICE_OBJECT A = AddFilter(Lower, FALSE);
    PDEVICE_OBJECT B = AddFilter(Lower, FALSE); /* attached to the stack's top, not Lower */
    static const char *const Rule[] = {"A on lower", "B on the stack (lands on A)"};
    const struct {
        PDEVICE_OBJECT Device, AttachedTo, Above;
        CCHAR StackSize;
    } Expect[] = {
        {A, Lower, B, 2},
        {B, A, NULL, 3},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Expect); i++) {
        PFILTER_EXTENSION Ext = (PFILTER_EXTENSION)Expect[i].Device->DeviceExtension;
        if (Ext->Next != Expect[i].AttachedTo || Expect[i].Device->StackSize != Expect[i].StackSize ||
            Expect[i].Device->AttachedDevice != Expect[i].Above ||
            Expect[i].Device->AlignmentRequirement != FILE_WORD_ALIGNMENT) {
            fail_msg("%s: attached to %p (want %p), StackSize %d (want %d)", Rule[i],
                     (void *)Ext->Next, (void *)Expect[i].AttachedTo, Expect[i].Device->StackSize,
                     Expect[i].StackSize);
        }
    }
    assert_ptr_equal(Lower->AttachedDevice, A);
    assert_ptr_equal(IoGetAttachedDevice(Lower), B);
    assert_ptr_equal(IoGetAttachedDevice(A), B);
    PDEVICE_OBJECT Top = IoGetAttachedDeviceReference(Lower);
    assert_ptr_equal(Top, B);
    ObDereferenceObject(Top);
    /* The plain form returns the device it attached to. */
    PDEVICE_OBJECT C;
    assert_int_equal(IoCreateDevice(FilterDriver, sizeof(FILTER_EXTENSION), NULL, FILE_DEVICE_DISK,
                                    0, FALSE, &C),
                     STATUS_SUCCESS);
    assert_ptr_equal(IoAttachDeviceToDeviceStack(C, Lower), B);
    assert_int_equal(C->StackSize, 4);
    IoDetachDevice(B);
    assert_null(B->AttachedDevice);
    IoDeleteDevice(C);
    RemoveFilter(B);
    RemoveFilter(A);
    assert_null(Lower->AttachedDevice);
    UnloadLower();
    TearDownAll();
}

SIM_TEST(NoAttachingToADriverBeingUnloaded)
{
    LoadLower(0);
    PDEVICE_OBJECT Filter;
    PDRIVER_OBJECT Other = SimCreateDriverObject(L"StkOther");
    assert_int_equal(IoCreateDevice(Other, 0, NULL, FILE_DEVICE_DISK, 0, FALSE, &Filter),
                     STATUS_SUCCESS);
    LowDriver->Flags |= DRVO_UNLOAD_INVOKED;
    PDEVICE_OBJECT AttachedTo = (PDEVICE_OBJECT)(ULONG_PTR)1;
    assert_int_equal(IoAttachDeviceToDeviceStackSafe(Filter, Lower, &AttachedTo),
                     STATUS_NO_SUCH_DEVICE);
    assert_null(AttachedTo);
    assert_null(IoAttachDeviceToDeviceStack(Filter, Lower));
    assert_null(Lower->AttachedDevice);
    assert_int_equal(Filter->StackSize, 1);
    IoDeleteDevice(Filter);
    UnloadLower();
    TearDownAll();
}

/* io33: a device of the stack attached onto it again would close a loop of AttachedDevice
 * links (no page covers it; *mmsim*: refused like an attachment that cannot be made).
 *
 *   Lower <- A <- B      attach Lower, A or B onto the stack: refused, the stack unchanged */
SIM_TEST(AttachingADeviceOfTheStackOntoItIsRefused)
{
    LoadLower(0);
    PDEVICE_OBJECT A = AddFilter(Lower, FALSE);
    PDEVICE_OBJECT B = AddFilter(Lower, FALSE);
    const struct {
        const char *Rule;
        PDEVICE_OBJECT Source, Target;
    } Cases[] = {
        {"the bottom onto its own stack", Lower, Lower},
        {"the bottom onto a filter above it", Lower, A},
        {"the middle onto the stack", A, Lower},
        {"the top onto itself", B, B},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        PDEVICE_OBJECT AttachedTo = (PDEVICE_OBJECT)(ULONG_PTR)1;
        NTSTATUS Status = IoAttachDeviceToDeviceStackSafe(Cases[i].Source, Cases[i].Target,
                                                          &AttachedTo);
        PDEVICE_OBJECT Plain = IoAttachDeviceToDeviceStack(Cases[i].Source, Cases[i].Target);
        if (Status != STATUS_NO_SUCH_DEVICE || AttachedTo != NULL || Plain != NULL ||
            Lower->AttachedDevice != A || A->AttachedDevice != B || B->AttachedDevice != NULL ||
            Lower->StackSize != 1 || A->StackSize != 2 || B->StackSize != 3) {
            fail_msg("%s: status 0x%08X, attached to %p; the stack changed", Cases[i].Rule,
                     (unsigned)Status, (void *)Plain);
        }
    }
    assert_ptr_equal(IoGetAttachedDevice(Lower), B);
    RemoveFilter(B);
    RemoveFilter(A);
    UnloadLower();
    TearDownAll();
}

/* ---- requests through the stack ----------------------------------------------------- */
SIM_TEST(ARequestToTheNameReachesTheTopAndPassesDown)
{
    static const struct {
        const char *Rule;
        BOOLEAN WithCompletion;
        ULONG Ioctl;
        NTSTATUS Status;
        BOOLEAN PendingReturned; /* what the filter's completion routine sees */
        const char *Out;
    } Cases[] = {
        {"skip: the lower's answer comes back", FALSE, IOCTL_STK_BUFFERED, STATUS_SUCCESS, FALSE,
         "LOWER"},
        {"copy + routine: it sees the lower's status", TRUE, IOCTL_STK_BUFFERED, STATUS_SUCCESS,
         FALSE, "LOWER"},
        {"copy + routine: a failure, nothing copied back", TRUE, IOCTL_STK_FAIL,
         STATUS_DEVICE_NOT_READY, FALSE, ""},
        {"copy + routine: the lower pended, PendingReturned", TRUE, IOCTL_STK_PEND, STATUS_SUCCESS,
         TRUE, "LATER"},
        {"skip: the lower pended", FALSE, IOCTL_STK_PEND, STATUS_SUCCESS, FALSE, "LATER"},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        LoadLower(0);
        PDEVICE_OBJECT Filter = AddFilter(Lower, Cases[i].WithCompletion);
        PFILTER_EXTENSION Ext = (PFILTER_EXTENSION)Filter->DeviceExtension;
        char In[8] = "in", Out[8] = {0};
        ULONG_PTR Information = 0;
        PDEVICE_OBJECT Named = SimLookupDevice(L"\\Device\\StkLower");
        assert_ptr_equal(Named, Lower);
        NTSTATUS Status = SimDeviceIoControl(Named, Cases[i].Ioctl, In, sizeof(In), Out,
                                             sizeof(Out), &Information);
        if (Status != Cases[i].Status || Ext->Calls != 1 || Low.Controls != 1 ||
            Low.Device != Lower || strcmp(Out, Cases[i].Out) != 0 ||
            Ext->Completions != (Cases[i].WithCompletion ? 1u : 0u) ||
            (Cases[i].WithCompletion && (Ext->SawStatus != Cases[i].Status ||
                                         Ext->SawPendingReturned != Cases[i].PendingReturned))) {
            fail_msg("%s: status 0x%08X, filter calls %lu, completions %lu, out '%s', "
                     "PendingReturned %d",
                     Cases[i].Rule, (unsigned)Status, (unsigned long)Ext->Calls,
                     (unsigned long)Ext->Completions, Out, Ext->SawPendingReturned);
        }
        RemoveFilter(Filter);
        UnloadLower();
        TearDownAll();
    }
}

SIM_TEST(AfterDetachingRequestsReachTheLowerDevice)
{
    LoadLower(0);
    PDEVICE_OBJECT Filter = AddFilter(Lower, FALSE);
    PFILTER_EXTENSION Ext = (PFILTER_EXTENSION)Filter->DeviceExtension;
    IoDetachDevice(Lower);
    char Out[8] = {0};
    assert_int_equal(SimDeviceIoControl(Lower, IOCTL_STK_BUFFERED, "x", 1, Out, sizeof(Out), NULL),
                     STATUS_SUCCESS);
    assert_int_equal(Ext->Calls, 0);
    assert_int_equal(Low.Controls, 1);
    IoDeleteDevice(Filter);
    UnloadLower();
    TearDownAll();
}

SIM_TEST(DeletingAFilterStillAttachedStopsTheNextRequest)
{
    LoadLower(0);
    PDEVICE_OBJECT Filter = AddFilter(Lower, FALSE);
    IoDeleteDevice(Filter); /* the bug: no IoDetachDevice first */
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x04, (ULONG_PTR)Filter, 0, 0,
                         SimDeviceIoControl(Lower, IOCTL_STK_BUFFERED, "x", 1, NULL, 0, NULL));
}

/* The same with the filter still referenced: delete-pending, kept, and still no device. */
SIM_TEST(DeletingAReferencedFilterStillAttachedStopsTheNextRequest)
{
    LoadLower(0);
    PDEVICE_OBJECT Filter = AddFilter(Lower, FALSE);
    PDEVICE_OBJECT Top = IoGetAttachedDeviceReference(Lower);
    assert_ptr_equal(Top, Filter);
    IoDeleteDevice(Filter); /* the bug: no IoDetachDevice first */
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x04, (ULONG_PTR)Filter, 0, 0,
                         SimDeviceIoControl(Lower, IOCTL_STK_BUFFERED, "x", 1, NULL, 0, NULL));
}

SIM_TEST(PassingDownWithoutALocationIs0x35)
{
    LoadLower(0);
    PDEVICE_OBJECT Filter = AddFilter(Lower, FALSE);
    ((PFILTER_EXTENSION)Filter->DeviceExtension)->Raw = TRUE; /* uses the next location */
    Filter->StackSize = 1; /* the bug: the stack size the attachment set is overwritten */
    SIM_EXPECT_BUGCHECK(NO_MORE_IRP_STACK_LOCATIONS, SIM_ANY,
                        SimDeviceIoControl(Lower, IOCTL_STK_BUFFERED, "x", 1, NULL, 0, NULL));
}

/* ---- IoGetDeviceObjectPointer ------------------------------------------------------- */
SIM_TEST(IoGetDeviceObjectPointerOpensTheTopOfTheStack)
{
    LoadLower(0);
    PDEVICE_OBJECT Filter = AddFilter(Lower, FALSE);
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\StkLower");
    PFILE_OBJECT File = NULL;
    PDEVICE_OBJECT Device = NULL;
    assert_int_equal(IoGetDeviceObjectPointer(&Name, FILE_READ_DATA, &File, &Device),
                     STATUS_SUCCESS);
    assert_ptr_equal(Device, Filter);        /* the top of the named device's stack */
    assert_ptr_equal(File->DeviceObject, Lower); /* the file is the named device's */
    assert_int_equal(File->Type, IO_TYPE_FILE);
    /* Opened through the stack, its handle closed already; the reference is the caller's. */
    assert_int_equal(((PFILTER_EXTENSION)Filter->DeviceExtension)->Calls, 2);
    assert_int_equal(Low.Creates, 1);
    assert_int_equal(Low.Cleanups, 1);
    assert_int_equal(Low.Closes, 0);
    ObDereferenceObject(File);
    assert_int_equal(Low.Closes, 1);
    RemoveFilter(Filter);
    UnloadLower();
    TearDownAll();
}

SIM_TEST(IoGetDeviceObjectPointerOfABadName)
{
    static const struct {
        const WCHAR *Name;
        USHORT Length; /* non-zero: this byte length */
        NTSTATUS Expected;
    } Cases[] = {
        {L"\\Device\\StkNone", 0, STATUS_OBJECT_NAME_NOT_FOUND},
        {L"\\DosDevices\\StkNone", 0, STATUS_OBJECT_NAME_NOT_FOUND},
        {L"Device\\StkLower", 0, STATUS_OBJECT_PATH_SYNTAX_BAD},
        {L"\\NoDirectory\\StkLower", 0, STATUS_OBJECT_PATH_NOT_FOUND},
        {L"\\Device\\StkLower", 7, STATUS_OBJECT_NAME_INVALID},
        {L"\\Device\\StkInit", 0, STATUS_NO_SUCH_DEVICE}, /* still DO_DEVICE_INITIALIZING */
        {L"\\device\\stklower", 0, STATUS_SUCCESS},
    };
    LoadLower(0);
    UNICODE_STRING InitName = RTL_CONSTANT_STRING(L"\\Device\\StkInit");
    PDEVICE_OBJECT Initializing;
    assert_int_equal(IoCreateDevice(LowDriver, 0, &InitName, FILE_DEVICE_DISK, 0, FALSE,
                                    &Initializing),
                     STATUS_SUCCESS);
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, Cases[i].Name);
        if (Cases[i].Length != 0) {
            Name.Length = Cases[i].Length;
        }
        PFILE_OBJECT File = NULL;
        PDEVICE_OBJECT Device = NULL;
        NTSTATUS Status = IoGetDeviceObjectPointer(&Name, FILE_READ_DATA, &File, &Device);
        if (Status != Cases[i].Expected) {
            fail_msg("%ls: 0x%08X, expected 0x%08X", Cases[i].Name, (unsigned)Status,
                     (unsigned)Cases[i].Expected);
        }
        if (NT_SUCCESS(Status)) {
            ObDereferenceObject(File);
        }
    }
    IoDeleteDevice(Initializing);
    UnloadLower();
    TearDownAll();
}

SIM_TEST(ADeviceReferencedOutlivesIoDeleteDevice)
{
    LoadLower(0);
    PDEVICE_OBJECT Top = IoGetAttachedDeviceReference(Lower);
    assert_ptr_equal(Top, Lower);
    IoFreeWorkItem(LowItem);
    IoDeleteDevice(Lower); /* referenced: delete-pending, not freed */
    assert_int_equal(Lower->Type, IO_TYPE_DEVICE);
    assert_int_equal(LiveBlocks('iveD'), 1);
    assert_null(SimLookupDevice(L"\\Device\\StkLower"));
    ObDereferenceObject(Top); /* the last reference frees it (the teardown finds no leak) */
    TearDownAll();
}

SIM_TEST(DereferencingTooOftenIs0x18)
{
    LoadLower(0);
    /* P1 the device object type (no WDK name), P2 the object, P3-P4 reserved. */
    SIM_EXPECT_BUGCHECK4(REFERENCE_BY_POINTER, SIM_ANY, (ULONG_PTR)Lower, 0, 0,
                         ObDereferenceObject(Lower));
}

/* Filters take a reference on their driver object; no manager counts it: no stop. */
SIM_TEST(ADriverObjectIsReferencedWithoutAStop)
{
    LoadLower(0);
    ObReferenceObject(Lower->DriverObject);
    ObDereferenceObject(Lower->DriverObject);
    /* It is no thread, process or file all the same. */
    assert_int_equal(ObReferenceObjectByPointer(Lower->DriverObject, 0, *PsThreadType, KernelMode),
                     STATUS_OBJECT_TYPE_MISMATCH);
    assert_int_equal(ObReferenceObjectByPointer(Lower->DriverObject, 0, *IoFileObjectType,
                                                KernelMode),
                     STATUS_OBJECT_TYPE_MISMATCH);
    UnloadLower();
    TearDownAll();
}

/* ---- IRPs built for the lower driver ------------------------------------------------ */
SIM_TEST(IoBuildDeviceIoControlRequestPerTransferMethod)
{
    static const struct {
        const char *Rule;
        ULONG Ioctl;
        BOOLEAN Internal;
        BOOLEAN SystemBuffer, Mdl, Type3; /* what the lower driver sees */
        const char *Out;                  /* what the builder's output buffer holds after */
    } Cases[] = {
        {"METHOD_BUFFERED: a system buffer, copied back", IOCTL_STK_BUFFERED, FALSE, TRUE, FALSE,
         FALSE, "LOWER"},
        {"internal: IRP_MJ_INTERNAL_DEVICE_CONTROL", IOCTL_STK_BUFFERED, TRUE, TRUE, FALSE, FALSE,
         "LOWER"},
        {"METHOD_IN_DIRECT: input buffered, an MDL over the output", IOCTL_STK_IN_DIRECT, FALSE,
         TRUE, TRUE, FALSE, "MDL"},
        {"METHOD_OUT_DIRECT: the same, locked for write", IOCTL_STK_OUT_DIRECT, FALSE, TRUE, TRUE,
         FALSE, "MDL"},
        {"METHOD_NEITHER: the caller's buffers as given", IOCTL_STK_NEITHER, FALSE, FALSE, FALSE,
         TRUE, "RAW"},
        {"a failure: nothing copied back", IOCTL_STK_FAIL, FALSE, TRUE, FALSE, FALSE, ""},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        LoadLower(0);
        KEVENT Event;
        KeInitializeEvent(&Event, NotificationEvent, FALSE);
        IO_STATUS_BLOCK Io;
        memset(&Io, 0xEE, sizeof(Io));
        char In[4] = "IN";
        /* Simulated memory: an MDL locks only the machine's pages (docs/io.md). */
        char *Out = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'tuOT');
        assert_non_null(Out);
        PIRP Irp = IoBuildDeviceIoControlRequest(Cases[i].Ioctl, Lower, In, sizeof(In), Out, 8,
                                                 Cases[i].Internal, &Event, &Io);
        assert_non_null(Irp);
        NTSTATUS Status = IoCallDriver(Lower, Irp);
        UCHAR Major = Cases[i].Internal ? IRP_MJ_INTERNAL_DEVICE_CONTROL : IRP_MJ_DEVICE_CONTROL;
        bool Ok = Status == Io.Status && KeReadStateEvent(&Event) != 0 && Low.Major == Major &&
                  Low.Mode == KernelMode && (Low.SystemBuffer != NULL) == Cases[i].SystemBuffer &&
                  (Low.Mdl != NULL) == Cases[i].Mdl &&
                  (Low.Type3 == (PVOID)In) == Cases[i].Type3 && strcmp(Out, Cases[i].Out) == 0 &&
                  Low.InLength == sizeof(In) && Low.OutLength == 8 &&
                  (!Cases[i].SystemBuffer || Low.FirstInput == 'I');
        if (!Ok) {
            fail_msg("%s: status 0x%08X, IoStatus 0x%08X, event %ld, out '%s'", Cases[i].Rule,
                     (unsigned)Status, (unsigned)Io.Status, (long)KeReadStateEvent(&Event), Out);
        }
        ExFreePoolWithTag(Out, 'tuOT');
        UnloadLower();
        TearDownAll();
    }
}

SIM_TEST(ABuiltRequestWhoseBufferCannotBeLockedIsNull)
{
    LoadLower(0);
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    char HostBuffer[16]; /* host memory: no pages of the machine to lock */
    assert_null(IoBuildDeviceIoControlRequest(IOCTL_STK_OUT_DIRECT, Lower, NULL, 0, HostBuffer,
                                              sizeof(HostBuffer), FALSE, &Event, &Io));
    assert_int_equal(Low.Controls, 0);
    UnloadLower();
    TearDownAll(); /* the IRP and its MDL were given back */
}

SIM_TEST(ABuiltRequestThatPendsSignalsTheEvent)
{
    LoadLower(0);
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    char Out[8] = {0};
    PIRP Irp = IoBuildDeviceIoControlRequest(IOCTL_STK_PEND, Lower, NULL, 0, Out, sizeof(Out),
                                             FALSE, &Event, &Io);
    assert_non_null(Irp);
    NTSTATUS Status = IoCallDriver(Lower, Irp);
    if (Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL);
        Status = Io.Status;
    }
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal(Io.Information, 5);
    assert_memory_equal(Out, "LATER", 5);
    UnloadLower();
    TearDownAll();
}

/* The builder keeps the IRP in its completion routine, looks, then completes it again. */
static NTSTATUS NTAPI KeepIt(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    (void)DeviceObject;
    (void)Irp;
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

SIM_TEST(ABuiltRequestKeptByItsBuilderIsCompletedAgain)
{
    LoadLower(0);
    KEVENT Event, Kept;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    KeInitializeEvent(&Kept, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    memset(&Io, 0, sizeof(Io));
    char Out[8] = {0};
    PIRP Irp = IoBuildDeviceIoControlRequest(IOCTL_STK_BUFFERED, Lower, "i", 1, Out, sizeof(Out),
                                             FALSE, &Event, &Io);
    assert_non_null(Irp);
    IoSetCompletionRoutine(Irp, KeepIt, &Kept, TRUE, TRUE, TRUE);
    (void)IoCallDriver(Lower, Irp);
    assert_int_equal(KeReadStateEvent(&Kept), 1);
    assert_int_equal(KeReadStateEvent(&Event), 0); /* the I/O manager has not finished it */
    assert_int_equal(Irp->IoStatus.Status, STATUS_SUCCESS);
    IoCompleteRequest(Irp, IO_NO_INCREMENT); /* now it does: copy-out, event, free */
    assert_int_equal(KeReadStateEvent(&Event), 1);
    assert_int_equal(Io.Information, 5);
    assert_memory_equal(Out, "LOWER", 5);
    UnloadLower();
    TearDownAll();
}

/* The builder's routine runs on the lower driver's worker; it wakes the builder, who
 * completes the IRP again (and so frees it) before the routine has returned:
 *
 *   worker: LowCompleteLater -> IoCompleteRequest -> KeepItSlowly: set Kept ... wait Freed
 *   test:                       wait Kept -> IoCompleteRequest (copy-out, free) -> set Freed */
typedef struct _SLOW_KEEP {
    KEVENT Kept, Freed;
} SLOW_KEEP;

static NTSTATUS NTAPI KeepItSlowly(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    (void)DeviceObject;
    (void)Irp;
    SLOW_KEEP *Keep = (SLOW_KEEP *)Context;
    KeSetEvent(&Keep->Kept, IO_NO_INCREMENT, FALSE);
    KeWaitForSingleObject(&Keep->Freed, Executive, KernelMode, FALSE, NULL);
    return STATUS_MORE_PROCESSING_REQUIRED; /* the IRP is gone: nobody may touch it now */
}

SIM_TEST(ABuiltRequestCompletedAgainBeforeItsRoutineReturnsIsNoDoubleCompletion)
{
    LoadLower(0);
    KEVENT Event;
    SLOW_KEEP Keep;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    KeInitializeEvent(&Keep.Kept, NotificationEvent, FALSE);
    KeInitializeEvent(&Keep.Freed, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    memset(&Io, 0, sizeof(Io));
    char Out[8] = {0};
    PIRP Irp = IoBuildDeviceIoControlRequest(IOCTL_STK_PEND, Lower, NULL, 0, Out, sizeof(Out),
                                             FALSE, &Event, &Io);
    assert_non_null(Irp);
    IoSetCompletionRoutine(Irp, KeepItSlowly, &Keep, TRUE, TRUE, TRUE);
    assert_int_equal(IoCallDriver(Lower, Irp), STATUS_PENDING);
    KeWaitForSingleObject(&Keep.Kept, Executive, KernelMode, FALSE, NULL);
    IoCompleteRequest(Irp, IO_NO_INCREMENT); /* not 0x44: the routine kept it */
    assert_int_equal(KeReadStateEvent(&Event), 1);
    assert_int_equal(Io.Status, STATUS_SUCCESS);
    assert_memory_equal(Out, "LATER", 5);
    KeSetEvent(&Keep.Freed, IO_NO_INCREMENT, FALSE);
    assert_true(SimWaitForWorkItems(10000));
    UnloadLower();
    TearDownAll();
}

static NTSTATUS NTAPI FreeIt(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    (void)DeviceObject;
    (void)Context;
    IoFreeIrp(Irp); /* the bug for a threaded IRP; right for an asynchronous one */
    return STATUS_MORE_PROCESSING_REQUIRED;
}

SIM_TEST(FreeingAThreadedIrpIs0xC9_02)
{
    LoadLower(0);
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    PIRP Irp = IoBuildDeviceIoControlRequest(IOCTL_STK_BUFFERED, Lower, "i", 1, NULL, 0, FALSE,
                                             &Event, &Io);
    assert_non_null(Irp);
    IoSetCompletionRoutine(Irp, FreeIt, NULL, TRUE, TRUE, TRUE);
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x02, (ULONG_PTR)Irp, 0, 0,
                         (void)IoCallDriver(Lower, Irp));
}

SIM_TEST(IoBuildFsdRequestsPerDeviceFlags)
{
    static const struct {
        const char *Rule;
        ULONG Flags;
        UCHAR Major;
        BOOLEAN SystemBuffer, Mdl;
    } Cases[] = {
        {"read, DO_BUFFERED_IO: a system buffer, copied back", DO_BUFFERED_IO, IRP_MJ_READ, TRUE,
         FALSE},
        {"read, DO_DIRECT_IO: an MDL", DO_DIRECT_IO, IRP_MJ_READ, FALSE, TRUE},
        {"read, neither: the buffer as given", 0, IRP_MJ_READ, FALSE, FALSE},
        {"write, DO_BUFFERED_IO: a copy", DO_BUFFERED_IO, IRP_MJ_WRITE, TRUE, FALSE},
        {"write, DO_DIRECT_IO: an MDL", DO_DIRECT_IO, IRP_MJ_WRITE, FALSE, TRUE},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        LoadLower(Cases[i].Flags);
        KEVENT Event;
        KeInitializeEvent(&Event, NotificationEvent, FALSE);
        IO_STATUS_BLOCK Io;
        char *Buffer = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'fuBT');
        assert_non_null(Buffer);
        memcpy(Buffer, "WDATA", 6);
        LARGE_INTEGER Offset;
        Offset.QuadPart = 4096;
        PIRP Irp = IoBuildSynchronousFsdRequest(Cases[i].Major, Lower, Buffer, 16, &Offset,
                                                &Event, &Io);
        assert_non_null(Irp);
        NTSTATUS Status = IoCallDriver(Lower, Irp);
        bool Read = Cases[i].Major == IRP_MJ_READ;
        bool Ok = Status == STATUS_SUCCESS && Io.Status == STATUS_SUCCESS &&
                  KeReadStateEvent(&Event) != 0 && Low.Length == 16 &&
                  Low.Offset == 4096 && (Low.SystemBuffer != NULL) == Cases[i].SystemBuffer &&
                  (Low.Mdl != NULL) == Cases[i].Mdl &&
                  (Read ? memcmp(Buffer, "READ", 4) == 0 && Io.Information == 4
                        : Low.FirstInput == 'W' && Io.Information == 16);
        if (!Ok) {
            fail_msg("%s: status 0x%08X, IoStatus 0x%08X/%lu, buffer '%s'", Cases[i].Rule,
                     (unsigned)Status, (unsigned)Io.Status, (unsigned long)Io.Information, Buffer);
        }
        ExFreePoolWithTag(Buffer, 'fuBT');
        UnloadLower();
        TearDownAll();
    }
}

SIM_TEST(AnAsynchronousFsdRequestIsFreedByItsCompletionRoutine)
{
    LoadLower(DO_BUFFERED_IO);
    IO_STATUS_BLOCK Io;
    char Buffer[8] = "ABC";
    PIRP Irp = IoBuildAsynchronousFsdRequest(IRP_MJ_WRITE, Lower, Buffer, sizeof(Buffer), NULL, &Io);
    assert_non_null(Irp);
    IoSetCompletionRoutine(Irp, FreeIt, NULL, TRUE, TRUE, TRUE);
    (void)IoCallDriver(Lower, Irp);
    assert_int_equal(Low.Writes, 1);
    assert_int_equal(Low.FirstInput, 'A');
    UnloadLower();
    TearDownAll(); /* no IRP, no system buffer left */
}

SIM_TEST(FsdBuildersTakeOnlyTheirMajorFunctions)
{
    LoadLower(0);
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    assert_null(IoBuildSynchronousFsdRequest(IRP_MJ_DEVICE_CONTROL, Lower, NULL, 0, NULL, &Event,
                                             &Io));
    assert_null(IoBuildAsynchronousFsdRequest(IRP_MJ_CREATE, Lower, NULL, 0, NULL, &Io));
    PIRP Irp = IoBuildSynchronousFsdRequest(IRP_MJ_FLUSH_BUFFERS, Lower, NULL, 0, NULL, &Event, &Io);
    assert_non_null(Irp);
    assert_int_equal(IoCallDriver(Lower, Irp), STATUS_INVALID_DEVICE_REQUEST);
    assert_int_equal(Io.Status, STATUS_INVALID_DEVICE_REQUEST);
    UnloadLower();
    TearDownAll();
}

/* IoBuildDeviceIoControlRequest above PASSIVE_LEVEL: the DDI compliance rule
 * IrqlIoPassive1, 0xC4/0x2000A (the rule's name, IRQL, 0). */
SIM_TEST(IrpBuildersAboveTheirIrqlStop)
{
    LoadLower(0);
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    IO_STATUS_BLOCK Io;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x2000A, SIM_ANY, DISPATCH_LEVEL, 0,
                         (void)IoBuildDeviceIoControlRequest(IOCTL_STK_BUFFERED, Lower, NULL, 0,
                                                             NULL, 0, FALSE, &Event, &Io));
}

/* ---- MmCopyMemory ------------------------------------------------------------------- */
typedef struct _COPY_CASE {
    int Source;       /* which source the row reads */
    SIZE_T Bytes;
    ULONG Flags;
    NTSTATUS Status;
    int Transferred;  /* -1: all of Bytes; -2: up to the unmapped page; else the count */
} COPY_CASE;

enum { SrcPoolVirtual, SrcPoolPhysical, SrcNoRam, SrcReservedVa, SrcStraddle, SrcLowHost };

static void CopyCall(SIM_CASE_RUN *Run)
{
    const COPY_CASE *Case = (const COPY_CASE *)Run->Case->Args;
    PUCHAR Pool = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 256, 'ypCT');
    assert_non_null(Pool);
    for (int i = 0; i < 256; i++) {
        Pool[i] = (UCHAR)i;
    }
    PVOID Reserved = MmAllocateMappingAddress(2 * PAGE_SIZE, 'ypCT');
    assert_non_null(Reserved);
    PMDL Mdl = MmAllocatePagesForMdl(SimPhysical(0), SimPhysical(-1), SimPhysical(0), PAGE_SIZE);
    assert_non_null(Mdl);
    PUCHAR Mapped = (PUCHAR)MmMapLockedPagesWithReservedMapping(Reserved, 'ypCT', Mdl, MmCached);
    assert_non_null(Mapped);
    memset(Mapped, 'M', PAGE_SIZE);
    MM_COPY_ADDRESS Source;
    Source.PhysicalAddress.QuadPart = 0;
    SIZE_T Expected = Case->Bytes;
    switch (Case->Source) {
    case SrcPoolVirtual:
        Source.VirtualAddress = Pool;
        break;
    case SrcPoolPhysical:
        Source.PhysicalAddress = MmGetPhysicalAddress(Pool);
        break;
    case SrcNoRam:
        Source.PhysicalAddress.QuadPart = 1LL << 46;
        break;
    case SrcReservedVa:
        Source.VirtualAddress = Mapped + PAGE_SIZE; /* reserved, never mapped */
        break;
    case SrcStraddle:
        Source.VirtualAddress = Mapped + PAGE_SIZE - 100; /* 100 bytes, then nothing */
        break;
    default:
        Source.VirtualAddress = (PVOID)(ULONG_PTR)0x1000;
        break;
    }
    if (Case->Transferred >= 0) {
        Expected = (SIZE_T)Case->Transferred;
    } else if (Case->Transferred == -2) {
        Expected = 100;
    }
    UCHAR Target[300];
    memset(Target, 0, sizeof(Target));
    SIZE_T Transferred = 12345;
    Run->Status = MmCopyMemory(Target, Source, Case->Bytes, Case->Flags, &Transferred);
    if (Transferred != Expected) {
        fail_msg("transferred %zu, expected %zu", (size_t)Transferred, (size_t)Expected);
    }
    if ((Case->Source == SrcPoolVirtual || Case->Source == SrcPoolPhysical) &&
        memcmp(Target, Pool, Transferred) != 0) {
        fail_msg("the bytes copied are not the source's");
    }
    if (Case->Source == SrcStraddle && (Target[0] != 'M' || Target[99] != 'M')) {
        fail_msg("the straddling copy did not copy the mapped part");
    }
    MmUnmapReservedMapping(Reserved, 'ypCT', Mdl);
    MmFreeMappingAddress(Reserved, 'ypCT');
    SimTestFreeMdlPages(Mdl);
    ExFreePoolWithTag(Pool, 'ypCT');
}

static const COPY_CASE CopyPoolVirtual = {SrcPoolVirtual, 256, MM_COPY_MEMORY_VIRTUAL, 0, -1};
static const COPY_CASE CopyPoolPhysical = {SrcPoolPhysical, 200, MM_COPY_MEMORY_PHYSICAL, 0, -1};
static const COPY_CASE CopyNoRam = {SrcNoRam, 16, MM_COPY_MEMORY_PHYSICAL, 0, 0};
static const COPY_CASE CopyReserved = {SrcReservedVa, 16, MM_COPY_MEMORY_VIRTUAL, 0, 0};
static const COPY_CASE CopyStraddle = {SrcStraddle, 300, MM_COPY_MEMORY_VIRTUAL, 0, -2};
static const COPY_CASE CopyLowHost = {SrcLowHost, 8, MM_COPY_MEMORY_VIRTUAL, 0, 0};
static const COPY_CASE CopyBothFlags = {SrcPoolVirtual, 8,
                                        MM_COPY_MEMORY_VIRTUAL | MM_COPY_MEMORY_PHYSICAL, 0, 0};
static const COPY_CASE CopyNoFlags = {SrcPoolVirtual, 8, 0, 0, 0};
static const COPY_CASE CopyNothing = {SrcNoRam, 0, MM_COPY_MEMORY_PHYSICAL, 0, 0};

static void CopyAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    UCHAR Target[8];
    SIZE_T Transferred;
    MM_COPY_ADDRESS Source;
    Source.VirtualAddress = Target;
    (void)MmCopyMemory(Target, Source, 1, MM_COPY_MEMORY_VIRTUAL, &Transferred);
}

SIM_TEST(MmCopyMemoryRules)
{
    static const SIM_CASE Cases[] = {
        {"virtual pool: all of it", CopyCall, SIM_RETURNS(STATUS_SUCCESS), &CopyPoolVirtual},
        {"physical RAM (the PFN database): the same bytes", CopyCall, SIM_RETURNS(STATUS_SUCCESS),
         &CopyPoolPhysical},
        {"physical with no RAM: an error, nothing", CopyCall,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &CopyNoRam},
        {"a system VA with no valid PTE: an error, not 0x50", CopyCall,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &CopyReserved},
        {"a range running into an invalid page: the bytes before it", CopyCall,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &CopyStraddle},
        {"the never-mapped first 64 KiB: an error", CopyCall,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &CopyLowHost},
        {"both flags: refused", CopyCall, SIM_RETURNS(STATUS_INVALID_PARAMETER_4), &CopyBothFlags},
        {"no flag: refused", CopyCall, SIM_RETURNS(STATUS_INVALID_PARAMETER_4), &CopyNoFlags},
        {"zero bytes: success, whatever the address", CopyCall, SIM_RETURNS(STATUS_SUCCESS),
         &CopyNothing},
        {"above APC_LEVEL: 0xA", CopyAtDispatch,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, DISPATCH_LEVEL, 0, SIM_ANY), NULL},
    };
    SIM_RUN_CASES(Cases);
}

/* A trimmed paged pool page is not resident, yet MmCopyMemory copies it (its page: the
 * routine tries to make the memory resident), where a plain read would fault it in. */
SIM_TEST(MmCopyMemoryCopiesATrimmedPagedPoolPage)
{
    PUCHAR Paged = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, 'ypCT');
    assert_non_null(Paged);
    memset(Paged, 'P', PAGE_SIZE);
    assert_true(SimTrimPagedPool() > 0);
    assert_false(MmIsAddressValid(Paged));
    UCHAR Target[64];
    memset(Target, 0, sizeof(Target));
    MM_COPY_ADDRESS Source;
    Source.VirtualAddress = Paged + 100;
    SIZE_T Transferred = 0;
    assert_int_equal(MmCopyMemory(Target, Source, sizeof(Target), MM_COPY_MEMORY_VIRTUAL,
                                  &Transferred),
                     STATUS_SUCCESS);
    assert_int_equal(Transferred, sizeof(Target));
    assert_true(Target[0] == 'P' && Target[63] == 'P');
    ExFreePoolWithTag(Paged, 'ypCT');
}

#if !defined(_WIN32)
/* io33: host memory (a stack, the C heap) stands for resident kernel memory, but a range
 * running into a host page that is not readable stops there, as a system VA with no valid
 * PTE does: the page of MmCopyMemory ("will not crash the system ... even if the system
 * address is invalid"), never a host fault.
 *
 *   [ readable host page | not readable: PROT_NONE or unmapped ]
 *            ^ Source = 100 bytes before the second page */
SIM_TEST(MmCopyMemoryStopsAtAHostPageThatIsNotReadable)
{
    static const struct {
        const char *Rule;
        BOOLEAN Unmap;   /* the second page unmapped, else PROT_NONE */
        SIZE_T Before;   /* readable bytes before it */
    } Cases[] = {
        {"into a no-access host page: the bytes before it", FALSE, 100},
        {"into an unmapped host page: the bytes before it", TRUE, 100},
        {"starting in a no-access host page: nothing", FALSE, 0},
        {"starting in an unmapped host page: nothing", TRUE, 0},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        PUCHAR Host = (PUCHAR)mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
                                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assert_true(Host != (PUCHAR)MAP_FAILED);
        memset(Host, 'H', PAGE_SIZE);
        if (Cases[i].Unmap) {
            assert_int_equal(munmap(Host + PAGE_SIZE, PAGE_SIZE), 0);
        } else {
            assert_int_equal(mprotect(Host + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
        }
        UCHAR Target[300];
        memset(Target, 0, sizeof(Target));
        MM_COPY_ADDRESS Source;
        Source.VirtualAddress = Host + PAGE_SIZE - Cases[i].Before;
        SIZE_T Transferred = 12345;
        NTSTATUS Status = MmCopyMemory(Target, Source, sizeof(Target), MM_COPY_MEMORY_VIRTUAL,
                                       &Transferred);
        if (Status != STATUS_ACCESS_VIOLATION || Transferred != Cases[i].Before ||
            (Cases[i].Before != 0 && (Target[0] != 'H' || Target[Cases[i].Before - 1] != 'H'))) {
            fail_msg("%s: status 0x%08X, %zu bytes (expected %zu)", Cases[i].Rule,
                     (unsigned)Status, (size_t)Transferred, (size_t)Cases[i].Before);
        }
        munmap(Host, Cases[i].Unmap ? PAGE_SIZE : 2 * PAGE_SIZE);
    }
}
#endif

int main(void)
{
    return SimRunTests("device stacks, built IRPs, MmCopyMemory", NULL, NULL);
}
