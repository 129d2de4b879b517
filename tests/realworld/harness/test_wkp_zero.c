/*
 * test_wkp_zero.c - harness for the Zero driver of "Windows Kernel Programming" 2nd ed.,
 * Chapter 7 (../windowskernelprogrammingbook2e/Chapter07/Zero/Zero.cpp, unchanged, C++): a
 * DO_DIRECT_IO device whose read zeroes the caller's buffer through the MDL's system mapping
 * (MmGetSystemAddressForMdlSafe) and whose write only counts; an IOCTL returns the counts.
 *
 *   request                          checked
 *   DriverEntry                      \Device\Zero with DO_DIRECT_IO, \??\Zero to it
 *   read, 2 pages + 100 bytes        exactly those bytes of a pool buffer zeroed, through a
 *                                    locked, mapped MDL that the I/O manager then releases
 *   read, length 0                   STATUS_INVALID_BUFFER_SIZE
 *   read, mapping fails (injected)   STATUS_INSUFFICIENT_RESOURCES, the buffer untouched
 *   read into host memory            STATUS_ACCESS_VIOLATION before the driver (the probe)
 *   write                            Information = length, nothing written
 *   IOCTL_ZERO_GET_STATS             the totals; a short buffer: STATUS_BUFFER_TOO_SMALL
 *   IOCTL_ZERO_CLEAR_STATS           totals back to 0
 *   unload                           nothing left
 */
#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/Chapter07/Zero/ZeroCommon.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's: extern "C" in Zero.cpp */

#define TEST_TAG 'oreZ'

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static int Load(void **State)
{
    int Result = SimTestSetup(State);
    Driver = SimCreateDriverObject(L"Zero");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\??\\Zero");
    assert_non_null(Device);
    /* Counts are the driver's globals: start each test from 0. */
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_ZERO_CLEAR_STATS, NULL, 0, NULL, 0, NULL),
                     STATUS_SUCCESS);
    return Result;
}

static int Unload(void **State)
{
    if (!SimIsStopped(NULL)) {
        assert_true(SimUnloadDriver(Driver, NULL));
    }
    return SimTestTeardown(State);
}

static NTSTATUS Transfer(UCHAR Major, PVOID Buffer, ULONG Length, ULONG_PTR *Information)
{
    SIM_IO_REQUEST Request;
    memset(&Request, 0, sizeof(Request));
    Request.MajorFunction = Major;
    if (Major == IRP_MJ_READ) {
        Request.OutputBuffer = Buffer;
        Request.OutputBufferLength = Length;
    } else {
        Request.InputBuffer = Buffer;
        Request.InputBufferLength = Length;
    }
    IO_STATUS_BLOCK Io;
    NTSTATUS Status = SimIoCallDriver(Device, &Request, &Io);
    if (Information != NULL) {
        *Information = Io.Information;
    }
    return Status;
}

SIM_TEST_F(DriverEntryMakesADirectIoDevice, Load, Unload)
{
    (void)State;
    assert_ptr_equal(SimLookupDevice(L"\\Device\\Zero"), Device);
    assert_ptr_equal(SimLookupDevice(L"\\DosDevices\\Zero"), Device);
    assert_int_equal(Device->Flags & DO_DIRECT_IO, DO_DIRECT_IO);
    SIM_IO_REQUEST Create = {IRP_MJ_CREATE, 0, 0, NULL, 0, NULL, 0, 0};
    assert_int_equal(SimIoCallDriver(Device, &Create, NULL), STATUS_SUCCESS);
}

SIM_TEST_F(ReadZeroesThroughTheMdl, Load, Unload)
{
    (void)State;
    const ULONG Size = 3 * PAGE_SIZE, Offset = 100, Length = 2 * PAGE_SIZE + 100;
    PUCHAR Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, TEST_TAG);
    assert_non_null(Buffer);
    memset(Buffer, 0xAB, Size);
    ULONG_PTR Information = 0;
    assert_int_equal(Transfer(IRP_MJ_READ, Buffer + Offset, Length, &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, Length);
    for (ULONG i = 0; i < Size; i++) {
        UCHAR Expected = i >= Offset && i < Offset + Length ? 0 : 0xAB;
        if (Buffer[i] != Expected) {
            fail_msg("byte %u is 0x%02X, expected 0x%02X", i, Buffer[i], Expected);
        }
    }
    assert_int_equal(SimQueryMdlMappings(NULL), 0); /* the mapping went with the MDL */
    ExFreePoolWithTag(Buffer, TEST_TAG);
    SimAssertInvariants();
}

SIM_TEST_F(ReadFailuresAnswerAsWritten, Load, Unload)
{
    (void)State;
    PUCHAR Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TEST_TAG);
    assert_non_null(Buffer);
    memset(Buffer, 0xAB, 64);
    assert_int_equal(Transfer(IRP_MJ_READ, Buffer, 0, NULL), STATUS_INVALID_BUFFER_SIZE);
    SimFailNthCall(SimFaultMapLockedPages, 1);
    assert_int_equal(Transfer(IRP_MJ_READ, Buffer, 64, NULL), STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(Buffer[0], 0xAB);
    char Host[64];
    assert_int_equal(Transfer(IRP_MJ_READ, Host, sizeof(Host), NULL), STATUS_ACCESS_VIOLATION);
    ExFreePoolWithTag(Buffer, TEST_TAG);
}

SIM_TEST_F(WritesAndReadsAreCounted, Load, Unload)
{
    (void)State;
    PUCHAR Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 1000, TEST_TAG);
    assert_non_null(Buffer);
    memset(Buffer, 0x5A, 1000);
    ULONG_PTR Information = 0;
    assert_int_equal(Transfer(IRP_MJ_WRITE, Buffer, 1000, &Information), STATUS_SUCCESS);
    assert_int_equal(Information, 1000);
    assert_int_equal(Buffer[999], 0x5A); /* a write reads the caller's buffer only */
    assert_int_equal(Transfer(IRP_MJ_WRITE, Buffer, 24, NULL), STATUS_SUCCESS);
    assert_int_equal(Transfer(IRP_MJ_READ, Buffer, 300, NULL), STATUS_SUCCESS);
    struct ZeroStats Stats = {-1, -1};
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_ZERO_GET_STATS, NULL, 0, &Stats,
                                        sizeof(Stats), &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, sizeof(Stats));
    assert_int_equal(Stats.TotalWritten, 1024);
    assert_int_equal(Stats.TotalRead, 300);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_ZERO_GET_STATS, NULL, 0, &Stats,
                                        sizeof(Stats) - 1, NULL),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_ZERO_CLEAR_STATS, NULL, 0, NULL, 0, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_ZERO_GET_STATS, NULL, 0, &Stats,
                                        sizeof(Stats), NULL),
                     STATUS_SUCCESS);
    assert_int_equal(Stats.TotalRead + Stats.TotalWritten, 0);
    ExFreePoolWithTag(Buffer, TEST_TAG);
}

SIM_TEST_F(UnloadLeavesNothing, Load, Unload)
{
    (void)State;
    assert_true(SimUnloadDriver(Driver, NULL));
    assert_null(SimLookupDevice(L"\\??\\Zero"));
    assert_true(SimIsClean(NULL, 0));
    Driver = SimCreateDriverObject(L"Zero"); /* for the fixture's unload */
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
}

int main(void)
{
    return SimRunTests("realworld: Zero.cpp", NULL, NULL);
}
