/*
 * test_wkp_timers.c - harness for the Timers driver of "Windows Kernel Programming" 2nd ed.,
 * Chapter 11 (../windowskernelprogrammingbook2e/Chapter11/Timers/Timers.cpp and
 * TimersPublic.h, unchanged): METHOD_BUFFERED IOCTLs over a KTIMER with its DPC and a
 * high-resolution EX_TIMER.
 *
 *   request                         checked (Windows-documented behaviour)
 *   DriverEntry                     \Device\Timers and its \??\Timers link
 *   GET_RESOLUTION, 16-byte buffer  Information 16; Maximum, Minimum, Current from
 *                                   ExQueryTimerResolution, Increment KeQueryTimeIncrement()
 *   GET_RESOLUTION, 15 bytes        STATUS_BUFFER_TOO_SMALL, Information 0
 *   SET_ONESHOT 1 ms, SET_HIRES     each timer's DPC runs, at DISPATCH_LEVEL (its output)
 *   SET_PERIODIC, short input       STATUS_BUFFER_TOO_SMALL
 *   STOP, unknown code              STATUS_SUCCESS; STATUS_INVALID_DEVICE_REQUEST
 *   unload                          nothing left (device, link, the EX_TIMER)
 */
#include <string.h>

#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/Chapter11/Timers/TimersPublic.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's: extern "C" in Timers.cpp */

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

static void Load(void)
{
    Driver = SimCreateDriverObject(L"Timers");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\??\\Timers");
    assert_non_null(Device);
    assert_ptr_equal(SimLookupDevice(L"\\Device\\Timers"), Device);
}

SIM_TEST(ResolutionIsReturnedThroughTheSystemBuffer)
{
    Load();
    struct TimerResolution Resolution;
    memset(&Resolution, 0xCC, sizeof(Resolution));
    ULONG_PTR Information = 0;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TIMERS_GET_RESOLUTION, NULL, 0,
                                        &Resolution, sizeof(Resolution), &Information),
                     STATUS_SUCCESS);
    assert_int_equal(Information, sizeof(Resolution));
    ULONG Maximum, Minimum, Current;
    ExQueryTimerResolution(&Maximum, &Minimum, &Current);
    assert_int_equal(Resolution.Maximum, Maximum);
    assert_int_equal(Resolution.Minimum, Minimum);
    assert_int_equal(Resolution.Current, Current);
    assert_int_equal(Resolution.Increment, KeQueryTimeIncrement());
    assert_true(Minimum <= Current && Current <= Maximum);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TIMERS_GET_RESOLUTION, NULL, 0,
                                        &Resolution, sizeof(Resolution) - 1, &Information),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(Information, 0);
    ULONG Short = 5;
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TIMERS_SET_PERIODIC, &Short, sizeof(Short),
                                        NULL, 0, NULL),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(SimDeviceIoControl(Device, IOCTL_TIMERS_STOP, NULL, 0, NULL, 0, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(SimDeviceIoControl(Device, CTL_CODE(TIMERS_DEVICE, 0x8FF, METHOD_BUFFERED,
                                                         FILE_ANY_ACCESS),
                                        NULL, 0, NULL, 0, NULL),
                     STATUS_INVALID_DEVICE_REQUEST);
    assert_true(SimUnloadDriver(Driver, NULL));
    assert_true(SimIsClean(NULL, 0));
}

#if SIM_HAVE_DEATH_TESTS /* the DPCs' output is read from a forked child */
static void FireBothTimers(void *Context)
{
    (void)Context;
    Load();
    ULONG Milliseconds = 1;
    NTSTATUS Status = SimDeviceIoControl(Device, IOCTL_TIMERS_SET_ONESHOT, &Milliseconds,
                                         sizeof(Milliseconds), NULL, 0, NULL);
    struct PeriodicTimer HiRes = {1, 0};
    NTSTATUS HiResStatus = SimDeviceIoControl(Device, IOCTL_TIMERS_SET_HIRES, &HiRes,
                                              sizeof(HiRes), NULL, 0, NULL);
    LARGE_INTEGER Delay;
    Delay.QuadPart = -10000LL * 200; /* 200 ms: both are due after 1 ms */
    KeDelayExecutionThread(KernelMode, FALSE, &Delay);
    BOOLEAN Unloaded = SimUnloadDriver(Driver, NULL);
    DbgPrint("statuses %08X %08X unloaded %d\n", (unsigned)Status, (unsigned)HiResStatus,
             (int)Unloaded);
}

SIM_TEST(EachTimersDpcRunsAtDispatchLevel)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(FireBothTimers, NULL, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
    SIM_EXPECT_CHILD_SAYS(&Child, "Timers: Timer DPC: IRQL=2 ");
    SIM_EXPECT_CHILD_SAYS(&Child, "Timers: Hi-Res Timer DPC: IRQL=2 ");
    SIM_EXPECT_CHILD_SAYS(&Child, "statuses 00000000 00000000 unloaded 1\n");
}
#endif

int main(void)
{
    return SimRunTests("realworld: Timers.cpp", NULL, NULL);
}
