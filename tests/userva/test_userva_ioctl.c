/*
 * test_userva_ioctl.c - an IOCTL harness as a driver writer's test would be:
 * the driver below is WDK code (METHOD_NEITHER and METHOD_IN_DIRECT
 * handlers that probe, lock and map their caller's buffers); the harness
 * plays the user-mode caller with buffers from SimAllocateUserBuffer, in
 * the current process or in a second one.
 *
 *   user code: SimAllocateUserBuffer ---> SimDeviceIoControl (user requestor)
 *                                              |
 *   driver:   Type3InputBuffer/UserBuffer  <---+---> Irp->MdlAddress (locked, UserMode)
 *             ProbeForRead/ProbeForWrite, MmProbeAndLockPages(UserMode),
 *             MmMapLockedPagesSpecifyCache(UserMode / KernelMode)
 *
 * The driver's bugs are caught with the real statuses and bug checks.
 */
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>

/* ---------------------------------------------------------------------- */
/* The driver (WDK code).                                                 */
/* ---------------------------------------------------------------------- */
#define FILE_DEVICE_USERVA 0x8337
#define IOCTL_NEITHER_COPY CTL_CODE(FILE_DEVICE_USERVA, 0x800, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_NEITHER_LOCK CTL_CODE(FILE_DEVICE_USERVA, 0x801, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_NEITHER_LOCK_LEAK CTL_CODE(FILE_DEVICE_USERVA, 0x802, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_NEITHER_AT_DISPATCH CTL_CODE(FILE_DEVICE_USERVA, 0x803, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_IN_DIRECT_SUM CTL_CODE(FILE_DEVICE_USERVA, 0x804, METHOD_IN_DIRECT, FILE_ANY_ACCESS)
#define IOCTL_NEITHER_MAP_USER CTL_CODE(FILE_DEVICE_USERVA, 0x805, METHOD_NEITHER, FILE_ANY_ACCESS)

static PMDL LeakedMdl;
static PVOID UserView;

/* METHOD_NEITHER: copy the input to the output, both probed. */
static NTSTATUS NeitherCopy(PIRP Irp, PIO_STACK_LOCATION Sp)
{
    PVOID In = Sp->Parameters.DeviceIoControl.Type3InputBuffer;
    PVOID Out = Irp->UserBuffer;
    ULONG InLength = Sp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG OutLength = Sp->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS Status = STATUS_SUCCESS;
    __try {
        ProbeForRead(In, InLength, 1);
        ProbeForWrite(Out, OutLength, 1);
        RtlCopyMemory(Out, In, InLength < OutLength ? InLength : OutLength);
        Irp->IoStatus.Information = InLength < OutLength ? InLength : OutLength;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        Status = GetExceptionCode();
    }
    return Status;
}

/* METHOD_NEITHER: lock the output buffer for write, fill it through a
 * system address, unlock (or, in the buggy variant, forget to). */
static NTSTATUS NeitherLock(PIRP Irp, PIO_STACK_LOCATION Sp, BOOLEAN ForgetUnlock)
{
    ULONG Length = Sp->Parameters.DeviceIoControl.OutputBufferLength;
    PMDL Mdl = IoAllocateMdl(Irp->UserBuffer, Length, FALSE, FALSE, NULL);
    if (Mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(Mdl, UserMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(Mdl);
        return GetExceptionCode();
    }
    PUCHAR System = (PUCHAR)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority | MdlMappingNoExecute);
    if (System == NULL) {
        MmUnlockPages(Mdl);
        IoFreeMdl(Mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    for (ULONG i = 0; i < Length; i++) {
        System[i] = (UCHAR)(i * 3);
    }
    Irp->IoStatus.Information = Length;
    if (ForgetUnlock) {
        MmUnmapLockedPages(System, Mdl);
        LeakedMdl = Mdl; /* the bug: never unlocked */
        return STATUS_SUCCESS;
    }
    MmUnlockPages(Mdl); /* also unmaps the system address */
    IoFreeMdl(Mdl);
    return STATUS_SUCCESS;
}

/* The bug: a user buffer read at DISPATCH_LEVEL (under a spin lock, say). */
static NTSTATUS NeitherAtDispatch(PIRP Irp, PIO_STACK_LOCATION Sp)
{
    KIRQL Old;
    volatile UCHAR *In = (volatile UCHAR *)Sp->Parameters.DeviceIoControl.Type3InputBuffer;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    Irp->IoStatus.Information = In[0];
    KeLowerIrql(Old);
    return STATUS_SUCCESS;
}

/* METHOD_IN_DIRECT: the I/O manager locked the "output" buffer for read;
 * its bytes are summed and compared with the sum the input carries. */
static NTSTATUS InDirectSum(PIRP Irp, PIO_STACK_LOCATION Sp)
{
    if (Irp->MdlAddress == NULL || Sp->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    PUCHAR Data = (PUCHAR)MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
    if (Data == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ULONG Sum = 0;
    for (ULONG i = 0; i < MmGetMdlByteCount(Irp->MdlAddress); i++) {
        Sum += Data[i];
    }
    Irp->IoStatus.Information = Sum;
    return Sum == *(PULONG)Irp->AssociatedIrp.SystemBuffer ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

/* METHOD_NEITHER: map a locked buffer into the caller's process as well. */
static NTSTATUS NeitherMapUser(PIRP Irp, PIO_STACK_LOCATION Sp)
{
    ULONG Length = Sp->Parameters.DeviceIoControl.OutputBufferLength;
    PMDL Mdl = IoAllocateMdl(Irp->UserBuffer, Length, FALSE, FALSE, NULL);
    if (Mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    NTSTATUS Status = STATUS_SUCCESS;
    __try {
        MmProbeAndLockPages(Mdl, UserMode, IoWriteAccess);
        UserView = MmMapLockedPagesSpecifyCache(Mdl, UserMode, MmCached, NULL, FALSE,
                                                NormalPagePriority);
        ((volatile UCHAR *)UserView)[0] = 0xEE; /* the caller sees it in its buffer */
        MmUnmapLockedPages(UserView, Mdl);
        MmUnlockPages(Mdl);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        Status = GetExceptionCode();
    }
    IoFreeMdl(Mdl);
    return Status;
}

static NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    PIO_STACK_LOCATION Sp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status;
    Irp->IoStatus.Information = 0;
    switch (Sp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_NEITHER_COPY: Status = NeitherCopy(Irp, Sp); break;
    case IOCTL_NEITHER_LOCK: Status = NeitherLock(Irp, Sp, FALSE); break;
    case IOCTL_NEITHER_LOCK_LEAK: Status = NeitherLock(Irp, Sp, TRUE); break;
    case IOCTL_NEITHER_AT_DISPATCH: Status = NeitherAtDispatch(Irp, Sp); break;
    case IOCTL_IN_DIRECT_SUM: Status = InDirectSum(Irp, Sp); break;
    case IOCTL_NEITHER_MAP_USER: Status = NeitherMapUser(Irp, Sp); break;
    default: Status = STATUS_INVALID_DEVICE_REQUEST; break;
    }
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    IoDeleteDevice(DriverObject->DeviceObject);
}

static NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\Userva");
    PDEVICE_OBJECT Device;
    NTSTATUS Status = IoCreateDevice(DriverObject, 0, &Name, FILE_DEVICE_USERVA, 0, FALSE, &Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* The harness (user mode's side).                                        */
/* ---------------------------------------------------------------------- */
static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static void Load(void)
{
    Driver = SimCreateDriverObject(L"userva");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = Driver->DeviceObject;
}

static void Unload(void)
{
    assert_true(SimUnloadDriver(Driver, NULL));
}

SIM_TEST(neither_copies_between_probed_user_buffers)
{
    Load();
    static const char Text[] = "from user mode";
    PVOID In = SimAllocateUserBuffer(sizeof(Text), PAGE_READONLY, Text, sizeof(Text));
    PVOID Out = SimAllocateUserBuffer(64, PAGE_READWRITE, NULL, 0);
    assert_non_null(In);
    assert_non_null(Out);
    ULONG_PTR Information = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_NEITHER_COPY, In, sizeof(Text), Out, 64,
                                        &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, sizeof(Text));
    assert_string_equal((const char *)Out, Text);
    SimAssertInvariants();
    SimFreeUserBuffer(In);
    SimFreeUserBuffer(Out);
    Unload();
}

/* Each row: the IOCTL's buffers and what the request returns. */
typedef struct {
    ULONG Code;
    ULONG InProtect;   /* 0: no input buffer */
    ULONG OutProtect;  /* 0: a kernel (pool) buffer instead */
    NTSTATUS Want;
} ROW;

static void RunRow(SIM_CASE_RUN *Run)
{
    const ROW *Row = (const ROW *)Run->Case->Args;
    Load();
    PVOID In = Row->InProtect != 0 ? SimAllocateUserBuffer(PAGE_SIZE, Row->InProtect, "x", 2) : NULL;
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'tsTU');
    PVOID Out = Row->OutProtect != 0 ? SimAllocateUserBuffer(2 * PAGE_SIZE, Row->OutProtect, NULL, 0)
                                     : Pool;
    Run->Status = SimDeviceIoControl(Device, Row->Code, In, In != NULL ? 2 : 0, Out, 2 * PAGE_SIZE,
                                     NULL);
    if (In != NULL) {
        SimFreeUserBuffer(In);
    }
    if (Out != Pool) {
        SimFreeUserBuffer(Out);
    }
    ExFreePoolWithTag(Pool, 'tsTU');
    Unload();
}

SIM_TEST(the_driver_s_probes_and_locks_give_the_real_statuses)
{
    static const ROW Rows[] = {
        {IOCTL_NEITHER_LOCK, 0, PAGE_READWRITE, STATUS_SUCCESS},
        {IOCTL_NEITHER_LOCK, 0, PAGE_READONLY, STATUS_ACCESS_VIOLATION},
        {IOCTL_NEITHER_LOCK, 0, PAGE_NOACCESS, STATUS_ACCESS_VIOLATION},
        {IOCTL_NEITHER_LOCK, 0, PAGE_READWRITE | PAGE_GUARD, STATUS_GUARD_PAGE_VIOLATION},
        {IOCTL_NEITHER_COPY, PAGE_READONLY, PAGE_READWRITE, STATUS_SUCCESS},
        {IOCTL_NEITHER_COPY, PAGE_READONLY, PAGE_READONLY, STATUS_ACCESS_VIOLATION},
        {IOCTL_NEITHER_COPY, PAGE_READONLY, PAGE_READWRITE | PAGE_GUARD,
         STATUS_GUARD_PAGE_VIOLATION},
        {IOCTL_NEITHER_MAP_USER, 0, PAGE_READWRITE, STATUS_SUCCESS},
    };
    static const SIM_CASE Cases[] = {
        {"lock a writable user buffer for write", RunRow, SIM_RETURNS(STATUS_SUCCESS), &Rows[0]},
        {"probing for write a read-only buffer raises STATUS_ACCESS_VIOLATION", RunRow,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[1]},
        {"locking a no-access buffer raises STATUS_ACCESS_VIOLATION", RunRow,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[2]},
        {"locking a guard page raises STATUS_GUARD_PAGE_VIOLATION", RunRow,
         SIM_RETURNS(STATUS_GUARD_PAGE_VIOLATION), &Rows[3]},
        {"ProbeForRead/ProbeForWrite of good user buffers", RunRow, SIM_RETURNS(STATUS_SUCCESS),
         &Rows[4]},
        {"ProbeForWrite of a read-only buffer raises STATUS_ACCESS_VIOLATION", RunRow,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[5]},
        {"ProbeForWrite of a guard page raises STATUS_GUARD_PAGE_VIOLATION", RunRow,
         SIM_RETURNS(STATUS_GUARD_PAGE_VIOLATION), &Rows[6]},
        {"map the locked pages into the caller's process and unmap them", RunRow,
         SIM_RETURNS(STATUS_SUCCESS), &Rows[7]},
    };
    SIM_RUN_CASES(Cases);
}

SIM_TEST(a_kernel_buffer_passed_as_user_buffer_is_refused_by_the_probe)
{
    /* A METHOD_NEITHER caller naming kernel memory: the driver's UserMode
     * probe refuses it. */
    Load();
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'tsTU');
    PVOID In = SimAllocateUserBuffer(PAGE_SIZE, PAGE_READONLY, "x", 2);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_NEITHER_COPY, In, 2, Pool, 64, NULL),
                     STATUS_ACCESS_VIOLATION);
    SimFreeUserBuffer(In);
    ExFreePoolWithTag(Pool, 'tsTU');
    Unload();
}

SIM_TEST(in_direct_locks_the_user_buffer_for_the_driver)
{
    Load();
    UCHAR Data[300];
    ULONG Want = 0;
    for (ULONG i = 0; i < sizeof(Data); i++) {
        Data[i] = (UCHAR)(i * 7);
        Want += Data[i];
    }
    PVOID In = SimAllocateUserBuffer(sizeof(ULONG), PAGE_READONLY, &Want, sizeof(Want));
    PVOID Buffer = SimAllocateUserBuffer(sizeof(Data), PAGE_READONLY, Data, sizeof(Data));
    ULONG_PTR Information = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_IN_DIRECT_SUM, In, sizeof(ULONG), Buffer,
                                        sizeof(Data), &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, Want);
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    assert_int_equal(Info.LockedPages, 0); /* the I/O manager unlocked it */
    SimAssertInvariants();
    SimFreeUserBuffer(In);
    SimFreeUserBuffer(Buffer);
    Unload();
}

SIM_TEST(forgetting_to_unlock_is_0x76_when_the_process_exits)
{
    Load();
    HANDLE Caller = SimCreateProcess();
    assert_int_equal(SimAttachProcess(Caller), STATUS_SUCCESS);
    PVOID Out = SimAllocateUserBuffer(3 * PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_NEITHER_LOCK_LEAK, NULL, 0, Out,
                                        3 * PAGE_SIZE, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK4(PROCESS_HAS_LOCKED_PAGES, 0, SIM_ANY, 3, 0, SimDeleteProcess(Caller));
}

SIM_TEST(a_user_buffer_touched_at_dispatch_level_is_0xd1)
{
    Load();
    PVOID In = SimAllocateUserBuffer(PAGE_SIZE, PAGE_READWRITE, NULL, 0); /* not touched yet */
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, In,
                        SimDeviceIoControl(Device, IOCTL_NEITHER_AT_DISPATCH, In, 1, NULL, 0,
                                           NULL));
}

/* ProbeForRead / ProbeForWrite on their own: each row a buffer and what the probe raises. */
typedef enum { UserRo, UserRw, UserGuard, UserReserved, Pool, AtProbeAddress } BUFFER;
typedef struct {
    BUFFER Buffer;
    SIZE_T Offset;
    SIZE_T Length;
    ULONG Alignment;
    BOOLEAN Write;
    NTSTATUS Want;
} PROBE_ROW;

static void RunProbe(SIM_CASE_RUN *Run)
{
    const PROBE_ROW *Row = (const PROBE_ROW *)Run->Case->Args;
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tsTU');
    PVOID User = NULL;
    SIZE_T Size = 2 * PAGE_SIZE;
    switch (Row->Buffer) {
    case UserRo: User = SimAllocateUserBuffer(Size, PAGE_READONLY, NULL, 0); break;
    case UserRw: User = SimAllocateUserBuffer(Size, PAGE_READWRITE, NULL, 0); break;
    case UserGuard: User = SimAllocateUserBuffer(Size, PAGE_READWRITE | PAGE_GUARD, NULL, 0); break;
    case UserReserved:
        (void)ZwAllocateVirtualMemory(NtCurrentProcess(), &User, 0, &Size, MEM_RESERVE,
                                      PAGE_READWRITE);
        break;
    default: break;
    }
    PUCHAR At = Row->Buffer == Pool             ? (PUCHAR)Block
                : Row->Buffer == AtProbeAddress ? (PUCHAR)MmUserProbeAddress - 1
                                                : (PUCHAR)User;
    At += Row->Offset;
    SIM_TRY_STATUS(&Run->Status, if (Row->Write) {
        ProbeForWrite(At, Row->Length, Row->Alignment);
    } else { ProbeForRead(At, Row->Length, Row->Alignment); });
    if (User != NULL) {
        SIZE_T None = 0;
        (void)ZwFreeVirtualMemory(NtCurrentProcess(), &User, &None, MEM_RELEASE);
    }
    ExFreePoolWithTag(Block, 'tsTU');
}

SIM_TEST(probe_for_read_and_write_follow_the_documented_rules)
{
    static const PROBE_ROW Rows[] = {
        {UserRo, 0, 100, 1, FALSE, STATUS_SUCCESS},
        {UserRo, 0, 100, 1, TRUE, STATUS_ACCESS_VIOLATION},
        {UserRw, 0, 2 * PAGE_SIZE, 8, TRUE, STATUS_SUCCESS},
        {UserGuard, 0, 1, 1, TRUE, STATUS_GUARD_PAGE_VIOLATION},
        {UserReserved, 0, 100, 1, FALSE, STATUS_SUCCESS},
        {UserReserved, 0, 100, 1, TRUE, STATUS_ACCESS_VIOLATION},
        {UserRw, 2, 8, 4, FALSE, STATUS_DATATYPE_MISALIGNMENT},
        {Pool, 0, 8, 1, FALSE, STATUS_ACCESS_VIOLATION},
        {Pool, 0, 0, 1, TRUE, STATUS_SUCCESS},
        {AtProbeAddress, 0, 2, 1, FALSE, STATUS_ACCESS_VIOLATION},
    };
    static const SIM_CASE Cases[] = {
        {"ProbeForRead of a read-only user buffer", RunProbe, SIM_RETURNS(STATUS_SUCCESS), &Rows[0]},
        {"ProbeForWrite of a read-only user buffer raises STATUS_ACCESS_VIOLATION", RunProbe,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[1]},
        {"ProbeForWrite of a writable user buffer", RunProbe, SIM_RETURNS(STATUS_SUCCESS), &Rows[2]},
        {"ProbeForWrite of a guard page raises STATUS_GUARD_PAGE_VIOLATION", RunProbe,
         SIM_RETURNS(STATUS_GUARD_PAGE_VIOLATION), &Rows[3]},
        {"ProbeForRead checks the range only: reserved memory passes", RunProbe,
         SIM_RETURNS(STATUS_SUCCESS), &Rows[4]},
        {"ProbeForWrite of reserved memory raises STATUS_ACCESS_VIOLATION", RunProbe,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[5]},
        {"a misaligned address raises STATUS_DATATYPE_MISALIGNMENT", RunProbe,
         SIM_RETURNS(STATUS_DATATYPE_MISALIGNMENT), &Rows[6]},
        {"a kernel address raises STATUS_ACCESS_VIOLATION", RunProbe,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[7]},
        {"length 0 checks nothing", RunProbe, SIM_RETURNS(STATUS_SUCCESS), &Rows[8]},
        {"a range ending above MmUserProbeAddress raises STATUS_ACCESS_VIOLATION", RunProbe,
         SIM_RETURNS(STATUS_ACCESS_VIOLATION), &Rows[9]},
    };
    SIM_RUN_CASES(Cases);
}

int main(void)
{
    return SimRunTests("userva_ioctl", NULL, NULL);
}
