/*
 * test_kasantrigger.c - harness for Microsoft's KasanDemo-WDM driver
 * (../windows-driver-samples/kasantrigger.c, unchanged): loaded with SimCallDriverEntry,
 * driven through its IOCTLs (all METHOD_BUFFERED) with SimDeviceIoControl, unloaded.
 *
 *   request                        checked
 *   DriverEntry                    \Device\KASANTRIGGER and \DosDevices\KasanTrigger exist
 *   IRP_MJ_CREATE / IRP_MJ_CLOSE   STATUS_SUCCESS, Information 0
 *   IOCTL_KASANTRIGGER_INFO        1 byte back: whether the driver was built with ASan
 *   IOCTL_..._OOBR_STACK/GLOBAL    in-bounds index: the byte (0), 1 byte back
 *   IOCTL_..._OOBR_HEAP            the same through a paged pool block ('mDaK') allocated
 *                                  and freed per call; a failed allocation gives 0
 *   wrong buffer lengths           STATUS_INVALID_PARAMETER, nothing copied back
 *   unknown code                   STATUS_INVALID_DEVICE_REQUEST
 *   at DISPATCH_LEVEL              PAGED_CODE() stops the machine (0xD1)
 *   unload                         no device, link or pool left
 * The out-of-bounds indexes the sample exists for are not sent: they are KASAN's subject,
 * and reading past a global or a stack array is undefined behaviour in a host process.
 */
#include <mmsim_cmocka.h>

#include "../windows-driver-samples/kasantrigger.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's, in kasantrigger.c */

#define KASAN_HEAP_TAG 'mDaK' /* the tag kasantrigger.c allocates with */

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static int Load(void **State)
{
    int Result = SimTestSetup(State);
    Driver = SimCreateDriverObject(L"KasanTrigger");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\DosDevices\\KasanTrigger");
    assert_non_null(Device);
    return Result;
}

static int Unload(void **State)
{
    if (!SimIsStopped(NULL)) {
        assert_true(SimUnloadDriver(Driver, NULL));
    }
    return SimTestTeardown(State);
}

static ULONG64 HeapTagCount(BOOLEAN Frees)
{
    SIM_POOL_TAG_USAGE Usage[64];
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == KASAN_HEAP_TAG) {
            return Frees ? Usage[i].Frees : Usage[i].Allocs;
        }
    }
    return 0;
}

SIM_TEST_F(DriverEntryCreatesDeviceAndLink, Load, Unload)
{
    (void)State;
    assert_ptr_equal(SimLookupDevice(L"\\Device\\KASANTRIGGER"), Device);
    assert_ptr_equal(Driver->DeviceObject, Device);
    assert_int_equal(Device->DeviceType, FILE_DEVICE_UNKNOWN);
    assert_int_equal(Device->Characteristics, FILE_DEVICE_SECURE_OPEN);
    assert_int_equal(Device->Flags & DO_DEVICE_INITIALIZING, 0);
    static const UCHAR Majors[] = {IRP_MJ_CREATE, IRP_MJ_CLOSE};
    for (size_t i = 0; i < RTL_NUMBER_OF(Majors); i++) {
        SIM_IO_REQUEST Request = {Majors[i], 0, 0, NULL, 0, NULL, 0, 0};
        IO_STATUS_BLOCK Io;
        assert_int_equal(SimIoCallDriver(Device, &Request, &Io), STATUS_SUCCESS);
        assert_int_equal(Io.Information, 0);
    }
}

SIM_TEST_F(InfoSaysHowTheDriverWasBuilt, Load, Unload)
{
    (void)State;
    BOOLEAN Enabled = 0x5A;
    ULONG_PTR Information = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_KASANTRIGGER_INFO, NULL, 0, &Enabled,
                                        sizeof(Enabled), &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, sizeof(BOOLEAN));
#if defined(__SANITIZE_ADDRESS__) /* the driver's own test, on the same compiler flags */
    assert_int_equal(Enabled, TRUE);
#else
    assert_int_equal(Enabled, FALSE);
#endif
}

static const struct {
    ULONG Code;
    ULONG InLength, OutLength;
    NTSTATUS Expected;
    ULONG_PTR Information;
} Cases[] = {
    /* code                            in  out  status                           info */
    {IOCTL_KASANTRIGGER_INFO,          0,  1,   STATUS_SUCCESS,                  1},
    {IOCTL_KASANTRIGGER_INFO,          4,  1,   STATUS_INVALID_PARAMETER,        0},
    {IOCTL_KASANTRIGGER_INFO,          0,  2,   STATUS_INVALID_PARAMETER,        0},
    {IOCTL_KASANTRIGGER_OOBR_STACK,    4,  1,   STATUS_SUCCESS,                  1},
    {IOCTL_KASANTRIGGER_OOBR_STACK,    2,  1,   STATUS_INVALID_PARAMETER,        0},
    {IOCTL_KASANTRIGGER_OOBR_GLOBAL,   4,  1,   STATUS_SUCCESS,                  1},
    {IOCTL_KASANTRIGGER_OOBR_GLOBAL,   4,  0,   STATUS_INVALID_PARAMETER,        0},
    {IOCTL_KASANTRIGGER_OOBR_HEAP,     4,  1,   STATUS_SUCCESS,                  1},
    {IOCTL_KASANTRIGGER_OOBR_HEAP,     8,  8,   STATUS_INVALID_PARAMETER,        0},
    {CTL_CODE(KASANTRIGGER_TYPE, 0x904, METHOD_BUFFERED, FILE_ANY_ACCESS),
                                       4,  1,   STATUS_INVALID_DEVICE_REQUEST,   0},
};

SIM_TEST_F(EachIoctlAnswersAsWritten, Load, Unload)
{
    (void)State;
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        /* In-bounds index 3 in the input; the output starts as 0xEE to see the copy-out. */
        UCHAR In[8] = {3, 0, 0, 0};
        UCHAR Out[8];
        memset(Out, 0xEE, sizeof(Out));
        ULONG_PTR Information = 99;
        NTSTATUS Status = SimDeviceIoControl(Device, Cases[i].Code, In, Cases[i].InLength, Out,
                                             Cases[i].OutLength, &Information);
        if (Status != Cases[i].Expected || Information != Cases[i].Information) {
            fail_msg("case %zu: status 0x%08X information %llu, expected 0x%08X %llu", i,
                     (unsigned)Status, (unsigned long long)Information,
                     (unsigned)Cases[i].Expected, (unsigned long long)Cases[i].Information);
        }
        if (Cases[i].Code != (ULONG)IOCTL_KASANTRIGGER_INFO && NT_SUCCESS(Status)) {
            assert_int_equal(Out[0], 0); /* zeroed global, its stack copy, a zeroed pool block */
        }
        if (!NT_SUCCESS(Status)) {
            assert_int_equal(Out[0], 0xEE); /* an error status copies nothing back */
        }
    }
}

SIM_TEST_F(HeapTriggerAllocatesAndFreesPool, Load, Unload)
{
    (void)State;
    ULONG In = 5;
    UCHAR Out = 0xEE;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(SimDeviceIoControl(Device, IOCTL_KASANTRIGGER_OOBR_HEAP, &In, sizeof(In),
                                            &Out, sizeof(Out), NULL),
                         STATUS_SUCCESS);
        assert_int_equal(Out, 0);
    }
    assert_int_equal(HeapTagCount(FALSE), 3);
    assert_int_equal(HeapTagCount(TRUE), 3);
    /* The allocation fails (injected): the driver returns 0 and allocates nothing. */
    SimFailNthCall(SimFaultPool, 1);
    Out = 0xEE;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_KASANTRIGGER_OOBR_HEAP, &In, sizeof(In),
                                        &Out, sizeof(Out), NULL),
                     STATUS_SUCCESS);
    assert_int_equal(Out, 0);
    assert_int_equal(SimFaultsInjected(SimFaultPool), 1);
    assert_int_equal(HeapTagCount(FALSE), 3);
    SimAssertInvariants();
}

SIM_TEST_F(DispatchAtDispatchLevelStops, Load, Unload)
{
    (void)State;
    ULONG In = 0;
    UCHAR Out = 0;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    /* The dispatch routine is PAGED_CODE (pageable on Windows): run at DISPATCH_LEVEL it
     * is an execute fault at raised IRQL. */
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY,
                        SimDeviceIoControl(Device, IOCTL_KASANTRIGGER_OOBR_GLOBAL, &In,
                                           sizeof(In), &Out, sizeof(Out), NULL));
}

SIM_TEST_F(UnloadLeavesNothing, Load, Unload)
{
    (void)State;
    assert_true(SimUnloadDriver(Driver, NULL));
    assert_null(SimLookupDevice(L"\\DosDevices\\KasanTrigger"));
    assert_null(SimLookupDevice(L"\\Device\\KASANTRIGGER"));
    assert_true(SimIsClean(NULL, 0));
    /* Loaded again (the fixture's teardown unloads it). */
    Driver = SimCreateDriverObject(L"KasanTrigger");
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
}

int main(void)
{
    return SimRunTests("realworld: kasantrigger.c", NULL, NULL);
}
