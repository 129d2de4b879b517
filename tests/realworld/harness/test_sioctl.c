/*
 * test_sioctl.c - harness for Microsoft's IOCTL sample driver
 * (../windows-driver-samples/sioctl.c, unchanged): the four transfer methods, driven through
 * SimDeviceIoControl by a kernel-mode requester (user-mode requesters come with issue 17).
 *
 *   IOCTL                    the driver                               checked
 *   METHOD_BUFFERED          copies its string over SystemBuffer      string back, Information
 *   METHOD_IN_DIRECT         reads the output buffer through its MDL   Information = MDL bytes,
 *                            (MmGetSystemAddressForMdlSafe)           buffer unchanged
 *   METHOD_OUT_DIRECT        writes its string through the MDL        string in the caller's pool
 *                                                                     buffer; mapping failure ->
 *                                                                     STATUS_INSUFFICIENT_RESOURCES
 *   METHOD_NEITHER           ProbeForRead in try/except               a kernel buffer is not a user
 *                                                                     one: STATUS_ACCESS_VIOLATION
 *   no input or no output    STATUS_INVALID_PARAMETER
 *   unknown code             STATUS_INVALID_DEVICE_REQUEST
 * Output lengths stay within the driver's 38-byte string: the sample copies OutputBufferLength
 * bytes from it (RtlCopyBytes(outBuf, data, outBufLength)), reading past the literal for a
 * longer buffer - a bug of the sample that AddressSanitizer reports.
 */
#include <mmsim_cmocka.h>

#include "../windows-driver-samples/sioctl.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's, in sioctl.c */

#define TEST_TAG 'tsIS'
static const char DriverData[] = "This String is from Device Driver !!!"; /* sioctl.c's */

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static int Load(void **State)
{
    int Result = SimTestSetup(State);
    Driver = SimCreateDriverObject(L"SIoctl");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\DosDevices\\IoctlTest");
    assert_non_null(Device);
    assert_ptr_equal(SimLookupDevice(L"\\Device\\SIOCTL"), Device);
    return Result;
}

static int Unload(void **State)
{
    if (!SimIsStopped(NULL)) {
        assert_true(SimUnloadDriver(Driver, NULL));
    }
    return SimTestTeardown(State);
}

SIM_TEST_F(CreateAndCloseSucceed, Load, Unload)
{
    (void)State;
    static const UCHAR Majors[] = {IRP_MJ_CREATE, IRP_MJ_CLOSE};
    for (size_t i = 0; i < RTL_NUMBER_OF(Majors); i++) {
        SIM_IO_REQUEST Request = {Majors[i], 0, 0, NULL, 0, NULL, 0, 0};
        IO_STATUS_BLOCK Io;
        assert_int_equal(SimIoCallDriver(Device, &Request, &Io), STATUS_SUCCESS);
        assert_int_equal(Io.Information, 0);
    }
    /* No read routine: the I/O manager's answer. */
    SIM_IO_REQUEST Read = {IRP_MJ_READ, 0, 0, NULL, 0, NULL, 0, 0};
    assert_int_equal(SimIoCallDriver(Device, &Read, NULL), STATUS_INVALID_DEVICE_REQUEST);
}

SIM_TEST_F(BufferedReturnsTheDriversString, Load, Unload)
{
    (void)State;
    static const ULONG Lengths[] = {sizeof(DriverData), 10, 1};
    for (size_t i = 0; i < RTL_NUMBER_OF(Lengths); i++) {
        char In[] = "from the harness";
        char Out[sizeof(DriverData)];
        memset(Out, '#', sizeof(Out));
        ULONG_PTR Information = 0;
        assert_int_equal(SimDeviceIoControl(Device, IOCTL_SIOCTL_METHOD_BUFFERED, In,
                                            (ULONG)strlen(In), Out, Lengths[i], &Information),
                         STATUS_SUCCESS);
        assert_int_equal(Information, Lengths[i]);
        assert_memory_equal(Out, DriverData, Lengths[i]);
        if (Lengths[i] < sizeof(Out)) {
            assert_int_equal(Out[Lengths[i]], '#'); /* nothing beyond Information */
        }
    }
}

SIM_TEST_F(OutDirectWritesThroughTheMdl, Load, Unload)
{
    (void)State;
    PCHAR Out = (PCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DriverData), TEST_TAG);
    assert_non_null(Out);
    char In[] = "in";
    ULONG_PTR Information = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_SIOCTL_METHOD_OUT_DIRECT, In, 2, Out,
                                        sizeof(DriverData), &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, sizeof(DriverData));
    assert_string_equal(Out, DriverData);
    /* The system mapping fails: the driver's own check answers. */
    memset(Out, 0, sizeof(DriverData));
    SimFailNthCall(SimFaultMapLockedPages, 1);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_SIOCTL_METHOD_OUT_DIRECT, In, 2, Out,
                                        sizeof(DriverData), &Information),
                     STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(Out[0], 0);
    ExFreePoolWithTag(Out, TEST_TAG);
    SimAssertInvariants(); /* the I/O manager unlocked and freed the MDL */
}

SIM_TEST_F(InDirectReadsTheOutputBuffer, Load, Unload)
{
    (void)State;
    PCHAR Out = (PCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TEST_TAG);
    assert_non_null(Out);
    memset(Out, 'o', 3 * PAGE_SIZE);
    char In[] = "in";
    ULONG_PTR Information = 0;
    /* Across a page boundary: the MDL describes two pages. */
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_SIOCTL_METHOD_IN_DIRECT, In, 2,
                                        Out + PAGE_SIZE - 8, 16, &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, 16); /* MmGetMdlByteCount(Irp->MdlAddress) */
    for (ULONG i = 0; i < 3 * PAGE_SIZE; i++) {
        assert_int_equal(Out[i], 'o'); /* read, not written */
    }
    ExFreePoolWithTag(Out, TEST_TAG);
}

SIM_TEST_F(NeitherProbesAKernelBufferAndFails, Load, Unload)
{
    (void)State;
    char In[8] = "neither";
    char Out[8];
    ULONG_PTR Information = 7;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_SIOCTL_METHOD_NEITHER, In, sizeof(In), Out,
                                        sizeof(Out), &Information),
                     STATUS_ACCESS_VIOLATION);
    assert_int_equal(Information, 0);
}

static const struct {
    ULONG Code;
    ULONG InLength, OutLength;
    NTSTATUS Expected;
} BadRequests[] = {
    {IOCTL_SIOCTL_METHOD_BUFFERED, 0, 8, STATUS_INVALID_PARAMETER},
    {IOCTL_SIOCTL_METHOD_BUFFERED, 8, 0, STATUS_INVALID_PARAMETER},
    {IOCTL_SIOCTL_METHOD_NEITHER, 0, 0, STATUS_INVALID_PARAMETER},
    {CTL_CODE(SIOCTL_TYPE, 0x904, METHOD_BUFFERED, FILE_ANY_ACCESS), 8, 8,
     STATUS_INVALID_DEVICE_REQUEST},
};

SIM_TEST_F(BadRequestsAreRefused, Load, Unload)
{
    (void)State;
    for (size_t i = 0; i < RTL_NUMBER_OF(BadRequests); i++) {
        char In[8] = {0}, Out[8];
        memset(Out, '#', sizeof(Out));
        NTSTATUS Status = SimDeviceIoControl(Device, BadRequests[i].Code, In,
                                             BadRequests[i].InLength, Out,
                                             BadRequests[i].OutLength, NULL);
        if (Status != BadRequests[i].Expected) {
            fail_msg("case %zu: 0x%08X, expected 0x%08X", i, (unsigned)Status,
                     (unsigned)BadRequests[i].Expected);
        }
        assert_int_equal(Out[0], '#');
    }
}

int main(void)
{
    return SimRunTests("realworld: sioctl.c", NULL, NULL);
}
