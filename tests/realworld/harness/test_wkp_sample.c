/*
 * test_wkp_sample.c - harness for the first driver of "Windows Kernel Programming" 2nd ed.
 * (../windowskernelprogrammingbook2e/Chapter02/Sample/Sample.cpp, unchanged, C++): its
 * DriverEntry copies the registry path into paged pool (tag 'dcba'), its unload routine
 * frees it.
 *
 *   run                               checked
 *   DriverEntry                       STATUS_SUCCESS; one paged block 'dcba' of exactly
 *                                     RegistryPath->Length bytes
 *   unload                            the block freed; nothing left
 *   DriverEntry, pool failure         STATUS_INSUFFICIENT_RESOURCES; nothing allocated,
 *                                     and the unload routine is not called (not set)
 */
#include <wchar.h>

#include <mmsim_cmocka.h>
#include "rw_kit.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's: extern "C" in Sample.cpp */

#define SAMPLE_TAG 'dcba' /* Sample.cpp's DRIVER_TAG */
static const WCHAR RegistryPath[] =
    L"\\REGISTRY\\MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WkpSample";

SIM_TEST(CopiesTheRegistryPathIntoPagedPool)
{
    (void)State;
    PDRIVER_OBJECT Driver = SimCreateDriverObject(L"WkpSample");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    SIM_POOL_TAG_USAGE Usage = TagUsage(SAMPLE_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_true(Usage.Paged);
    assert_int_equal(Usage.Bytes, wcslen(RegistryPath) * sizeof(WCHAR));
    assert_non_null(Driver->DriverUnload);
    assert_true(SimUnloadDriver(Driver, NULL));
    Usage = TagUsage(SAMPLE_TAG);
    assert_int_equal(Usage.Frees, 1);
    assert_int_equal(Usage.Bytes, 0);
    assert_true(SimIsClean(NULL, 0));
}

SIM_TEST(FailsCleanlyWithoutPool)
{
    (void)State;
    PDRIVER_OBJECT Driver = SimCreateDriverObject(L"WkpSample");
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_INSUFFICIENT_RESOURCES);
    assert_null(Driver->DriverUnload);
    assert_int_equal(TagUsage(SAMPLE_TAG).Allocs, 0);
    /* A failed DriverEntry: unloaded without its unload routine, as Windows does. */
    assert_true(SimUnloadDriver(Driver, NULL));
    assert_true(SimIsClean(NULL, 0));
}

int main(void)
{
    return SimRunTests("realworld: Sample.cpp", NULL, NULL);
}
