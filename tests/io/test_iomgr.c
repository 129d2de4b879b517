/*
 * test_iomgr.c - the simulated I/O manager (docs/io.md): device objects and their names,
 * symbolic links, IRPs built for each transfer method and sent to a driver's dispatch
 * routines, completion routines, pending requests, the unload, ProbeForRead/ProbeForWrite.
 *
 *   request                    the driver sees                        the caller gets
 *   METHOD_BUFFERED            SystemBuffer: a copy of the input       Information bytes back
 *   METHOD_IN/OUT_DIRECT       input buffered, MdlAddress locked      its own pages written
 *   METHOD_NEITHER             Type3InputBuffer, UserBuffer as given  nothing copied
 */
#include <mmsim_cmocka.h>

#define TAG_TEST 'tsIT'

/* ---- a small test driver ---------------------------------------------- */
#define IOCTL_TEST_BUFFERED  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_TEST_IN_DIRECT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_IN_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_TEST_OUT_DIRECT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_OUT_DIRECT, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_TEST_NEITHER   CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_TEST_FAIL      CTL_CODE(FILE_DEVICE_UNKNOWN, 0x804, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_TEST_PEND      CTL_CODE(FILE_DEVICE_UNKNOWN, 0x805, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_TEST_TWICE     CTL_CODE(FILE_DEVICE_UNKNOWN, 0x806, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_TEST_RAISE     CTL_CODE(FILE_DEVICE_UNKNOWN, 0x807, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_TEST_FORWARD   CTL_CODE(FILE_DEVICE_UNKNOWN, 0x808, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_TEST_PASS_DOWN CTL_CODE(FILE_DEVICE_UNKNOWN, 0x809, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* What the dispatch routine saw, for the test to check. */
static struct {
    ULONG Calls;
    PIRP Irp;
    PDEVICE_OBJECT Device;
    PVOID SystemBuffer, UserBuffer, Type3InputBuffer;
    PMDL Mdl;
    ULONG MdlBytes;
    ULONG InputLength, OutputLength;
    UCHAR FirstInputByte;
    KPROCESSOR_MODE RequestorMode;
    ULONG CompletionCalls;
    PDEVICE_OBJECT CompletionDevice;
    NTSTATUS CompletionStatus;
} Seen;

static PDEVICE_OBJECT Lower; /* IOCTL_TEST_FORWARD's lower device */
static PIO_WORKITEM PendItem;

static VOID NTAPI CompletePending(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    (void)DeviceObject;
    PIRP Irp = (PIRP)Context;
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 3;
    memcpy(Irp->AssociatedIrp.SystemBuffer, "LTR", 3);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

static NTSTATUS NTAPI OnLowerDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    (void)Context;
    Seen.CompletionCalls++;
    Seen.CompletionDevice = DeviceObject;
    Seen.CompletionStatus = Irp->IoStatus.Status;
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    return STATUS_CONTINUE_COMPLETION;
}

_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) static DRIVER_DISPATCH TestDeviceControl;

static NTSTATUS NTAPI TestDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG Out = IrpSp->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS Status = STATUS_SUCCESS;
    ULONG_PTR Information = 0;
    Seen.Calls++;
    Seen.Irp = Irp;
    Seen.Device = DeviceObject;
    Seen.SystemBuffer = Irp->AssociatedIrp.SystemBuffer;
    Seen.UserBuffer = Irp->UserBuffer;
    Seen.Type3InputBuffer = IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    Seen.Mdl = Irp->MdlAddress;
    Seen.MdlBytes = Irp->MdlAddress != NULL ? MmGetMdlByteCount(Irp->MdlAddress) : 0;
    Seen.InputLength = IrpSp->Parameters.DeviceIoControl.InputBufferLength;
    Seen.OutputLength = Out;
    Seen.RequestorMode = Irp->RequestorMode;
    if (Seen.SystemBuffer != NULL && Seen.InputLength != 0) {
        Seen.FirstInputByte = *(PUCHAR)Seen.SystemBuffer;
    }
    switch (IrpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_TEST_BUFFERED: /* writes "0123456789" over the system buffer */
        memcpy(Irp->AssociatedIrp.SystemBuffer, "0123456789", Out < 10 ? Out : 10);
        Information = 10; /* more than fits when Out < 10: the copy-out is bounded */
        break;
    case IOCTL_TEST_IN_DIRECT:
    case IOCTL_TEST_OUT_DIRECT: {
        PCHAR Buffer = (PCHAR)MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
        if (Buffer == NULL) {
            Status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        Buffer[0] = 'D';
        Information = MmGetMdlByteCount(Irp->MdlAddress);
        break;
    }
    case IOCTL_TEST_NEITHER:
        Information = 0;
        break;
    case IOCTL_TEST_FAIL: /* an error status: nothing is copied back */
        memset(Irp->AssociatedIrp.SystemBuffer, 'X', Out);
        Information = Out;
        Status = STATUS_DEVICE_NOT_READY;
        break;
    case IOCTL_TEST_PEND:
        IoMarkIrpPending(Irp);
        IoQueueWorkItem(PendItem, CompletePending, DelayedWorkQueue, Irp);
        return STATUS_PENDING;
    case IOCTL_TEST_TWICE:
        Irp->IoStatus.Status = STATUS_SUCCESS;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        IoCompleteRequest(Irp, IO_NO_INCREMENT); /* the bug */
        return STATUS_SUCCESS;
    case IOCTL_TEST_RAISE: { /* returns at DISPATCH_LEVEL: the bug */
        KIRQL Old;
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        (void)Old;
        break;
    }
    case IOCTL_TEST_FORWARD:
        IoCopyCurrentIrpStackLocationToNext(Irp);
        IoSetCompletionRoutine(Irp, OnLowerDone, NULL, TRUE, TRUE, TRUE);
        return IoCallDriver(Lower, Irp);
    case IOCTL_TEST_PASS_DOWN: /* uses the next location, whether there is one or not */
        return IoCallDriver(Lower, Irp);
    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* The lower device of IOCTL_TEST_FORWARD: fails the request with its own status. */
static NTSTATUS NTAPI LowerDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    (void)DeviceObject;
    Irp->IoStatus.Status = STATUS_NOT_SUPPORTED;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_NOT_SUPPORTED;
}

static DRIVER_UNLOAD TestUnload;
static VOID NTAPI TestUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING Link = RTL_CONSTANT_STRING(L"\\DosDevices\\IoTest");
    assert_int_equal(IoDeleteSymbolicLink(&Link), STATUS_SUCCESS);
    while (DriverObject->DeviceObject != NULL) {
        IoDeleteDevice(DriverObject->DeviceObject);
    }
    if (PendItem != NULL) {
        IoFreeWorkItem(PendItem);
        PendItem = NULL;
    }
}

static DRIVER_INITIALIZE TestDriverEntry;
static NTSTATUS NTAPI TestDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\IoTest");
    UNICODE_STRING Link = RTL_CONSTANT_STRING(L"\\DosDevices\\IoTest");
    PDEVICE_OBJECT Device;
    assert_non_null(RegistryPath);
    NTSTATUS Status = IoCreateDevice(DriverObject, 64, &Name, FILE_DEVICE_UNKNOWN,
                                     FILE_DEVICE_SECURE_OPEN, FALSE, &Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    Status = IoCreateSymbolicLink(&Link, &Name);
    if (!NT_SUCCESS(Status)) {
        IoDeleteDevice(Device);
        return Status;
    }
    PendItem = IoAllocateWorkItem(Device);
    assert_non_null(PendItem);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = TestDeviceControl;
    DriverObject->DriverUnload = TestUnload;
    return STATUS_SUCCESS;
}

static PDRIVER_OBJECT LoadTestDriver(PDEVICE_OBJECT *Device)
{
    memset(&Seen, 0, sizeof(Seen));
    PDRIVER_OBJECT Driver = SimCreateDriverObject(L"IoTest");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, TestDriverEntry), STATUS_SUCCESS);
    *Device = SimLookupDevice(L"\\DosDevices\\IoTest");
    assert_non_null(*Device);
    return Driver;
}

static void UnloadTestDriver(PDRIVER_OBJECT Driver)
{
    assert_true(SimUnloadDriver(Driver, NULL));
}

/* ---- device objects and names ---------------------------------------- */
SIM_TEST(DriverObjectIsWhatTheIoManagerMakes)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    assert_int_equal(Driver->Type, IO_TYPE_DRIVER);
    assert_memory_equal(Driver->DriverName.Buffer, L"\\Driver\\IoTest",
                        sizeof(L"\\Driver\\IoTest") - sizeof(WCHAR));
    assert_ptr_equal(Driver->DriverExtension->DriverObject, Driver);
    assert_ptr_equal(Driver->DriverInit, TestDriverEntry);
    /* Entries the driver left empty complete with STATUS_INVALID_DEVICE_REQUEST. */
    SIM_IO_REQUEST Read = {IRP_MJ_READ, 0, 0, NULL, 0, NULL, 0, 0};
    IO_STATUS_BLOCK Io;
    assert_int_equal(SimIoCallDriver(Device, &Read, &Io), STATUS_INVALID_DEVICE_REQUEST);
    assert_int_equal(Io.Information, 0);
    UnloadTestDriver(Driver);
}

SIM_TEST(DeviceObjectFields)
{
    (void)State;
    PDRIVER_OBJECT Driver = SimCreateDriverObject(NULL);
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\Disk7");
    PDEVICE_OBJECT First, Second;
    assert_int_equal(IoCreateDevice(Driver, 100, &Name, FILE_DEVICE_DISK, 0, TRUE, &First),
                     STATUS_SUCCESS);
    assert_int_equal(IoCreateDevice(Driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &Second),
                     STATUS_SUCCESS);
    assert_int_equal(First->Type, IO_TYPE_DEVICE);
    assert_int_equal(First->Size, sizeof(DEVICE_OBJECT) + 100);
    assert_int_equal(First->Flags, DO_DEVICE_INITIALIZING | DO_EXCLUSIVE | DO_DEVICE_HAS_NAME);
    assert_int_equal(Second->Flags, DO_DEVICE_INITIALIZING);
    assert_ptr_equal(First->DeviceExtension, (PVOID)(First + 1));
    static const UCHAR Zero[100];
    assert_memory_equal(First->DeviceExtension, Zero, 100);
    assert_null(Second->DeviceExtension);
    assert_int_equal(First->StackSize, 1);
    assert_int_equal(First->SectorSize, 512);
    assert_int_equal(First->DeviceType, FILE_DEVICE_DISK);
    assert_ptr_equal(First->DriverObject, Driver);
    /* Newest first in the driver's list. */
    assert_ptr_equal(Driver->DeviceObject, Second);
    assert_ptr_equal(Second->NextDevice, First);
    assert_null(First->NextDevice);
    assert_int_equal(SimCountDeviceObjects(Driver), 2);
    IoDeleteDevice(Second);
    assert_ptr_equal(Driver->DeviceObject, First);
    IoDeleteDevice(First);
    assert_null(Driver->DeviceObject);
    assert_null(SimLookupDevice(L"\\Device\\Disk7"));
    assert_false(SimUnloadDriver(Driver, NULL)); /* no unload routine: not unloadable */
    SimReset();                                  /* the driver object goes with the machine */
}

static const struct {
    const WCHAR *Name;
    USHORT OddLength; /* non-zero: use this byte length */
    NTSTATUS Expected;
} NameCases[] = {
    {L"\\Device\\Dup", 0, STATUS_SUCCESS},
    {L"\\Device\\Dup", 0, STATUS_OBJECT_NAME_COLLISION},
    {L"\\DEVICE\\dUP", 0, STATUS_OBJECT_NAME_COLLISION}, /* case-insensitive */
    {L"Device\\NoSlash", 0, STATUS_OBJECT_PATH_SYNTAX_BAD},
    {L"\\NoSuchDirectory\\X", 0, STATUS_OBJECT_PATH_NOT_FOUND},
    {L"\\Device\\", 0, STATUS_OBJECT_NAME_INVALID},
    {L"\\Device\\Odd", 7, STATUS_OBJECT_NAME_INVALID},
    {L"\\Device\\Other", 0, STATUS_SUCCESS},
};

SIM_TEST(DeviceNamesFollowTheObjectManager)
{
    (void)State;
    PDRIVER_OBJECT Driver = SimCreateDriverObject(NULL);
    for (size_t i = 0; i < RTL_NUMBER_OF(NameCases); i++) {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, NameCases[i].Name);
        if (NameCases[i].OddLength != 0) {
            Name.Length = NameCases[i].OddLength;
        }
        PDEVICE_OBJECT Device = (PDEVICE_OBJECT)(ULONG_PTR)1;
        NTSTATUS Status = IoCreateDevice(Driver, 0, &Name, FILE_DEVICE_UNKNOWN, 0, FALSE, &Device);
        if (Status != NameCases[i].Expected) {
            fail_msg("case %zu (%ls): 0x%08X, expected 0x%08X", i, NameCases[i].Name,
                     (unsigned)Status, (unsigned)NameCases[i].Expected);
        }
        if (!NT_SUCCESS(Status)) {
            assert_null(Device); /* set to NULL on failure */
        }
    }
    assert_int_equal(SimCountDeviceObjects(Driver), 2);
    while (Driver->DeviceObject != NULL) {
        IoDeleteDevice(Driver->DeviceObject);
    }
    SimReset();
}

SIM_TEST(SymbolicLinks)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    assert_ptr_equal(SimLookupDevice(L"\\Device\\IoTest"), Device);
    assert_ptr_equal(SimLookupDevice(L"\\??\\IoTest"), Device); /* \DosDevices is \?? */
    assert_ptr_equal(SimLookupDevice(L"\\dosdevices\\iotest"), Device);
    assert_null(SimLookupDevice(L"\\DosDevices\\Other"));
    UNICODE_STRING Same = RTL_CONSTANT_STRING(L"\\??\\IoTest");
    UNICODE_STRING Target = RTL_CONSTANT_STRING(L"\\Device\\IoTest");
    UNICODE_STRING Missing = RTL_CONSTANT_STRING(L"\\DosDevices\\Missing");
    UNICODE_STRING DeviceName = RTL_CONSTANT_STRING(L"\\Device\\IoTest");
    assert_int_equal(IoCreateSymbolicLink(&Same, &Target), STATUS_OBJECT_NAME_COLLISION);
    assert_int_equal(IoDeleteSymbolicLink(&Missing), STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(IoDeleteSymbolicLink(&DeviceName), STATUS_OBJECT_TYPE_MISMATCH);
    /* A link may name a device that does not exist (yet). */
    UNICODE_STRING Dangling = RTL_CONSTANT_STRING(L"\\DosDevices\\Dangling");
    UNICODE_STRING Nowhere = RTL_CONSTANT_STRING(L"\\Device\\Nowhere");
    assert_int_equal(IoCreateSymbolicLink(&Dangling, &Nowhere), STATUS_SUCCESS);
    assert_null(SimLookupDevice(L"\\DosDevices\\Dangling"));
    assert_int_equal(IoDeleteSymbolicLink(&Dangling), STATUS_SUCCESS);
    UnloadTestDriver(Driver);
    assert_null(SimLookupDevice(L"\\DosDevices\\IoTest"));
}

/* ---- requests ------------------------------------------------------- */
SIM_TEST(BufferedCopiesInAndOut)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    char In[4] = {'i', 'n', 'p', 't'};
    char Out[6];
    memset(Out, '.', sizeof(Out));
    ULONG_PTR Information = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TEST_BUFFERED, In, sizeof(In), Out,
                                        sizeof(Out), &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Seen.Calls, 1);
    assert_int_equal(Seen.RequestorMode, KernelMode);
    assert_non_null(Seen.SystemBuffer);
    assert_ptr_not_equal(Seen.SystemBuffer, In);      /* a copy, in system space */
    assert_int_equal(Seen.FirstInputByte, 'i');
    assert_ptr_equal(Seen.UserBuffer, Out);
    assert_null(Seen.Mdl);
    assert_int_equal(Seen.InputLength, 4);
    assert_int_equal(Seen.OutputLength, 6);
    assert_int_equal(Information, 10);                /* as the driver said */
    assert_memory_equal(Out, "012345", 6);            /* but only what fits is copied */
    /* An error status: nothing copied back. */
    memset(Out, '.', sizeof(Out));
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TEST_FAIL, In, sizeof(In), Out, sizeof(Out),
                                        &Information),
                     STATUS_DEVICE_NOT_READY);
    assert_memory_equal(Out, "......", 6);
    UnloadTestDriver(Driver);
}

SIM_TEST(DirectLocksTheCallersPages)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    static const ULONG Codes[] = {IOCTL_TEST_IN_DIRECT, IOCTL_TEST_OUT_DIRECT};
    for (size_t i = 0; i < RTL_NUMBER_OF(Codes); i++) {
        PCHAR Out = (PCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG_TEST);
        assert_non_null(Out);
        char In[2] = {'x', 'y'};
        ULONG_PTR Information = 0;
        Seen.Calls = 0;
        assert_int_equal(SimDeviceIoControl(Device, Codes[i], In, sizeof(In), Out + 100,
                                            2 * PAGE_SIZE, &Information),
                         STATUS_SUCCESS);
        assert_int_equal(Seen.Calls, 1);
        assert_non_null(Seen.Mdl);
        assert_int_equal(Seen.MdlBytes, 2 * PAGE_SIZE);
        assert_int_equal(Seen.FirstInputByte, 'x'); /* input buffered */
        assert_int_equal(Information, 2 * PAGE_SIZE);
        assert_int_equal(Out[100], 'D'); /* written through the MDL's mapping */
        ExFreePoolWithTag(Out, TAG_TEST);
    }
    /* Host memory is not simulated system memory: the KernelMode probe fails and the
     * driver is not called. */
    char HostBuffer[16];
    Seen.Calls = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TEST_OUT_DIRECT, NULL, 0, HostBuffer,
                                        sizeof(HostBuffer), NULL),
                     STATUS_ACCESS_VIOLATION);
    assert_int_equal(Seen.Calls, 0);
    UnloadTestDriver(Driver);
    assert_true(SimIsClean(NULL, 0)); /* MDLs unlocked and freed, buffers freed */
}

SIM_TEST(NeitherPassesThePointers)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    char In[3], Out[5];
    assert_int_equal(
        SimDeviceIoControl(Device, IOCTL_TEST_NEITHER, In, sizeof(In), Out, sizeof(Out), NULL),
        STATUS_SUCCESS);
    assert_ptr_equal(Seen.Type3InputBuffer, In);
    assert_ptr_equal(Seen.UserBuffer, Out);
    assert_null(Seen.SystemBuffer);
    assert_null(Seen.Mdl);
    UnloadTestDriver(Driver);
}

SIM_TEST(PendingRequestCompletesLater)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    char Out[3] = {0};
    ULONG_PTR Information = 0;
    assert_int_equal(
        SimDeviceIoControl(Device, IOCTL_TEST_PEND, NULL, 0, Out, sizeof(Out), &Information),
        STATUS_SUCCESS);
    assert_int_equal(Information, 3);
    assert_memory_equal(Out, "LTR", 3);
    assert_true(SimWaitForWorkItems(10000));
    UnloadTestDriver(Driver);
}

SIM_TEST(CompletionRoutineRunsForTheDriverAbove)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    PDRIVER_OBJECT LowerDriver = SimCreateDriverObject(L"IoLower");
    assert_non_null(LowerDriver);
    assert_int_equal(
        IoCreateDevice(LowerDriver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &Lower),
        STATUS_SUCCESS);
    LowerDriver->MajorFunction[IRP_MJ_DEVICE_CONTROL] = LowerDeviceControl;
    Device->StackSize = (CCHAR)(Lower->StackSize + 1); /* as IoAttachDeviceToDeviceStack sets it */
    ULONG_PTR Information = 1;
    assert_int_equal(
        SimDeviceIoControl(Device, IOCTL_TEST_FORWARD, NULL, 0, NULL, 0, &Information),
        STATUS_NOT_SUPPORTED);
    assert_int_equal(Seen.CompletionCalls, 1);
    assert_ptr_equal(Seen.CompletionDevice, Device); /* the device of the driver that set it */
    assert_int_equal(Seen.CompletionStatus, STATUS_NOT_SUPPORTED);
    IoDeleteDevice(Lower);
    Lower = NULL;
    Device->StackSize = 1;
    UnloadTestDriver(Driver);
    SimReset(); /* LowerDriver has no unload routine */
}

/* ---- bug checks ------------------------------------------------------ */
SIM_TEST(CompletingTwiceIs0x44)
{
    (void)State;
    PDEVICE_OBJECT Device;
    (void)LoadTestDriver(&Device);
    SIM_EXPECT_BUGCHECK(MULTIPLE_IRP_COMPLETE_REQUESTS, SIM_ANY,
                        SimDeviceIoControl(Device, IOCTL_TEST_TWICE, NULL, 0, NULL, 0, NULL));
}

SIM_TEST(DispatchReturningAtDispatchLevelIs0x4A)
{
    (void)State;
    PDEVICE_OBJECT Device;
    (void)LoadTestDriver(&Device);
    SIM_EXPECT_BUGCHECK4(IRQL_GT_ZERO_AT_SYSTEM_SERVICE, (ULONG_PTR)TestDeviceControl,
                         DISPATCH_LEVEL, 0, 0,
                         SimDeviceIoControl(Device, IOCTL_TEST_RAISE, NULL, 0, NULL, 0, NULL));
}

SIM_TEST(CallingBeyondTheStackIs0x35)
{
    (void)State;
    PDEVICE_OBJECT Device;
    PDRIVER_OBJECT Driver = LoadTestDriver(&Device);
    PDRIVER_OBJECT LowerDriver = SimCreateDriverObject(L"IoLower");
    assert_int_equal(
        IoCreateDevice(LowerDriver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &Lower),
        STATUS_SUCCESS);
    (void)Driver;
    /* StackSize stays 1 (the driver did not add the lower device's): no location left. */
    SIM_EXPECT_BUGCHECK(NO_MORE_IRP_STACK_LOCATIONS, SIM_ANY,
                        SimDeviceIoControl(Device, IOCTL_TEST_PASS_DOWN, NULL, 0, NULL, 0, NULL));
}

/* The DDI compliance rule IrqlIoPassive1: 0xC4/0x2000A (rule, IRQL, 0). */
SIM_TEST(IoCreateDeviceAtDispatchLevelIsIrqlIoPassive1)
{
    (void)State;
    PDRIVER_OBJECT Driver = SimCreateDriverObject(NULL);
    PDEVICE_OBJECT Device;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x2000A, SIM_ANY, DISPATCH_LEVEL, 0,
                         (void)IoCreateDevice(Driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE,
                                              &Device));
}

/* ---- unload ---------------------------------------------------------- */
static VOID NTAPI ForgetfulUnload(PDRIVER_OBJECT DriverObject)
{
    (void)DriverObject; /* the bug: the device object stays */
}

static NTSTATUS NTAPI ForgetfulEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    (void)RegistryPath;
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\Forgetful");
    PDEVICE_OBJECT Device;
    DriverObject->DriverUnload = ForgetfulUnload;
    return IoCreateDevice(DriverObject, 0, &Name, FILE_DEVICE_UNKNOWN, 0, FALSE, &Device);
}

SIM_TEST(DeviceNotDeletedIsLeakAtUnload)
{
    (void)State;
    /* Retail: FALSE, the device object's pool block in the report. */
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    Config.Strict = FALSE;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    PDRIVER_OBJECT Driver = SimCreateDriverObject(L"Forgetful");
    assert_int_equal(SimCallDriverEntry(Driver, ForgetfulEntry), STATUS_SUCCESS);
    PDEVICE_OBJECT Device = SimLookupDevice(L"\\Device\\Forgetful");
    assert_non_null(Device);
    assert_int_equal(Device->Flags & DO_DEVICE_INITIALIZING, 0); /* cleared after DriverEntry */
    SIM_UNLOAD_REPORT Report;
    assert_false(SimUnloadDriver(Driver, &Report));
    assert_int_equal(Report.PoolAllocations, 1);
    IoDeleteDevice(Device); /* cleaning up after the check */
    assert_true(SimIsClean(NULL, 0));
    /* Strict: Verifier's 0xC4/0x62. */
    Config.Strict = TRUE;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    Driver = SimCreateDriverObject(L"Forgetful");
    assert_int_equal(SimCallDriverEntry(Driver, ForgetfulEntry), STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, SimUnloadDriver(Driver, NULL));
}

static ULONG UnloadCalls;
static VOID NTAPI CountingUnload(PDRIVER_OBJECT DriverObject)
{
    (void)DriverObject;
    UnloadCalls++;
}

static NTSTATUS NTAPI FailingEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    (void)RegistryPath;
    DriverObject->DriverUnload = CountingUnload;
    return STATUS_UNSUCCESSFUL;
}

/* After a failed DriverEntry the driver goes without its unload routine. */
SIM_TEST(FailedDriverEntryUnloadsWithoutUnloadRoutine)
{
    (void)State;
    UnloadCalls = 0;
    PDRIVER_OBJECT Driver = SimCreateDriverObject(L"Failing");
    assert_int_equal(SimCallDriverEntry(Driver, FailingEntry), STATUS_UNSUCCESSFUL);
    assert_true(SimUnloadDriver(Driver, NULL));
    assert_int_equal(UnloadCalls, 0);
    assert_true(SimIsClean(NULL, 0));
    /* A loaded driver: its unload routine runs once. */
    Driver = SimCreateDriverObject(L"Counting");
    Driver->DriverUnload = CountingUnload;
    assert_true(SimUnloadDriver(Driver, NULL));
    assert_int_equal(UnloadCalls, 1);
}

/* ---- ProbeForRead / ProbeForWrite ------------------------------------ */
static const struct {
    ULONG_PTR Address;
    SIZE_T Length;
    ULONG Alignment;
    NTSTATUS Expected;
} ProbeCases[] = {
    /* address                 length  alignment  raises */
    {0,                        0,      1,         STATUS_SUCCESS},  /* length 0: no check */
    {0x1001,                   0,      8,         STATUS_SUCCESS},  /* even misaligned */
    {0x1001,                   4,      4,         STATUS_DATATYPE_MISALIGNMENT},
    {0x1002,                   4,      4,         STATUS_DATATYPE_MISALIGNMENT},
    {0x1000,                   4,      4,         STATUS_ACCESS_VIOLATION}, /* no user space */
    {0xFFFFFFFFFFFFFFF0ull,    0x20,   1,         STATUS_ACCESS_VIOLATION}, /* wraps */
    {0xFFFF800000000000ull,    1,      1,         STATUS_ACCESS_VIOLATION}, /* kernel range */
};

/* What a probe raises (STATUS_SUCCESS: nothing). Its own frame, so that no caller's
 * variable lives across the longjmp. */
static NTSTATUS Probe(int Write, PVOID Address, SIZE_T Length, ULONG Alignment)
{
    NTSTATUS Status;
    if (Write) {
        SIM_TRY_STATUS(&Status, ProbeForWrite(Address, Length, Alignment));
    } else {
        SIM_TRY_STATUS(&Status, ProbeForRead(Address, Length, Alignment));
    }
    return Status;
}

SIM_TEST(ProbesRaiseAsDocumented)
{
    (void)State;
    for (size_t i = 0; i < RTL_NUMBER_OF(ProbeCases); i++) {
        for (int Write = 0; Write < 2; Write++) {
            NTSTATUS Status = Probe(Write, (PVOID)ProbeCases[i].Address, ProbeCases[i].Length,
                                    ProbeCases[i].Alignment);
            if (Status != ProbeCases[i].Expected) {
                fail_msg("case %zu %s: 0x%08X, expected 0x%08X", i, Write ? "write" : "read",
                         (unsigned)Status, (unsigned)ProbeCases[i].Expected);
            }
        }
    }
    /* A real kernel buffer too (pool): outside user space. */
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    assert_int_equal(Probe(FALSE, Pool, 64, 8), STATUS_ACCESS_VIOLATION);
    ExFreePoolWithTag(Pool, TAG_TEST);
}

/* The DDI compliance rule IrqlExApcLte2: 0xC4/0x20006 (rule, IRQL, 0). */
SIM_TEST(ProbeAtDispatchLevelIsIrqlExApcLte2)
{
    (void)State;
    char Buffer[8];
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20006, SIM_ANY, DISPATCH_LEVEL, 0,
                         ProbeForRead(Buffer, 0, 1));
}

SIM_TEST(ExportedByName)
{
    (void)State;
    static const WCHAR *const Names[] = {
        L"IoCreateDevice", L"IoDeleteDevice", L"IoCreateSymbolicLink", L"IoDeleteSymbolicLink",
        L"IofCompleteRequest", L"IofCallDriver", L"IoAllocateIrp", L"IoFreeIrp",
        L"ProbeForRead", L"ProbeForWrite"};
    for (size_t i = 0; i < RTL_NUMBER_OF(Names); i++) {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, Names[i]);
        if (MmGetSystemRoutineAddress(&Name) == NULL) {
            fail_msg("%ls is not found", Names[i]);
        }
    }
}

/* CTL_CODE: bits as MSVC computes them, a constant even for a device type above 0x7FFF (a
 * case label; the WDK's int shift would overflow there). */
static ULONG Classify(ULONG Code)
{
    switch (Code) {
    case CTL_CODE(0x8022, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS):
        return 1;
    case CTL_CODE(40000, 0x903, METHOD_NEITHER, FILE_READ_ACCESS | FILE_WRITE_ACCESS):
        return 2;
    default:
        return 0;
    }
}

SIM_TEST(ControlCodesAreTheWdksBits)
{
    (void)State;
    static const struct {
        ULONG Code, Expected, DeviceType, Method;
    } Codes[] = {
        {CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS), 0x00222000, 0x22, 0},
        {CTL_CODE(FILE_DEVICE_DISK, 0x1, METHOD_IN_DIRECT, FILE_READ_ACCESS), 0x00074005, 0x7, 1},
        {CTL_CODE(0x8022, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS), 0x80222000, 0x8022, 0},
        {CTL_CODE(40000, 0x903, METHOD_NEITHER, FILE_READ_ACCESS | FILE_WRITE_ACCESS), 0x9C40E40F,
         40000, 3},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Codes); i++) {
        assert_int_equal(Codes[i].Code, Codes[i].Expected);
        assert_int_equal(DEVICE_TYPE_FROM_CTL_CODE(Codes[i].Code), Codes[i].DeviceType);
        assert_int_equal(METHOD_FROM_CTL_CODE(Codes[i].Code), Codes[i].Method);
    }
    assert_int_equal(Classify(0x80222000), 1);
    assert_int_equal(Classify(0x9C40E40F), 2);
}

SIM_TEST(AllocatedIrpHasItsStack)
{
    (void)State;
    PIRP Irp = IoAllocateIrp(3, FALSE);
    assert_non_null(Irp);
    assert_int_equal(Irp->Type, IO_TYPE_IRP);
    assert_int_equal(Irp->Size, IoSizeOfIrp(3));
    assert_int_equal(Irp->StackCount, 3);
    assert_int_equal(Irp->CurrentLocation, 4);
    assert_ptr_equal(IoGetNextIrpStackLocation(Irp), (PIO_STACK_LOCATION)(Irp + 1) + 2);
    IoFreeIrp(Irp);
}

int main(void)
{
    return SimRunTests("I/O manager", NULL, NULL);
}
