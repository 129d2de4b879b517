/*
 * test_wkp_kdetector.cpp - harness for the ERESOURCE wrapper of "Windows Kernel
 * Programming" 2nd ed., Chapter 9's KDetector driver
 * (../windowskernelprogrammingbook2e/Chapter09/KDetector/ExecutiveResource.cpp and .h,
 * unchanged). Lock and LockShared enter a critical region around the resource unless
 * the caller is in one already (KeAreApcsDisabled), Unlock leaves it again.
 *
 *   caller               call         checked (Windows-documented behaviour)
 *   APCs enabled         Lock         exclusive owner, normal kernel APCs disabled
 *                        Unlock       released, APCs enabled again
 *   APCs enabled         LockShared   one shared owner, APCs disabled; UnlockShared releases
 *   in a critical region Lock/Unlock  acquired and released; the caller's region is kept
 * The resource is the class's first member (a standard-layout class): the harness reads its
 * state through ExIsResourceAcquired*Lite.
 */
#include <type_traits>

#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/Chapter09/KDetector/pch.h"
#include "../windowskernelprogrammingbook2e/Chapter09/KDetector/ExecutiveResource.h"

namespace {

PERESOURCE Of(ExecutiveResource &Resource)
{
    static_assert(std::is_standard_layout_v<ExecutiveResource>, "first member at offset 0");
    return reinterpret_cast<PERESOURCE>(&Resource);
}

SIM_TEST(LockEntersACriticalRegionAroundTheResource)
{
    ExecutiveResource Resource;
    Resource.Init();
    assert_false(KeAreApcsDisabled());
    Resource.Lock();
    assert_true(ExIsResourceAcquiredExclusiveLite(Of(Resource)));
    assert_true(KeAreApcsDisabled());
    Resource.Unlock();
    assert_false(ExIsResourceAcquiredExclusiveLite(Of(Resource)));
    assert_int_equal(ExIsResourceAcquiredSharedLite(Of(Resource)), 0);
    assert_false(KeAreApcsDisabled());
    Resource.Delete();
}

SIM_TEST(LockSharedEntersACriticalRegionAroundTheResource)
{
    ExecutiveResource Resource;
    Resource.Init();
    Resource.LockShared();
    assert_int_equal(ExIsResourceAcquiredSharedLite(Of(Resource)), 1);
    assert_false(ExIsResourceAcquiredExclusiveLite(Of(Resource)));
    assert_true(KeAreApcsDisabled());
    Resource.UnlockShared();
    assert_int_equal(ExIsResourceAcquiredSharedLite(Of(Resource)), 0);
    assert_false(KeAreApcsDisabled());
    Resource.Delete();
}

SIM_TEST(LockInsideTheCallersCriticalRegionKeepsIt)
{
    ExecutiveResource Resource;
    Resource.Init();
    KeEnterCriticalRegion();
    Resource.Lock();
    assert_true(KeAreApcsDisabled());
    Resource.Unlock();
    assert_true(KeAreApcsDisabled()); // the caller's own region
    Resource.LockShared();
    Resource.UnlockShared();
    assert_true(KeAreApcsDisabled());
    KeLeaveCriticalRegion();
    assert_false(KeAreApcsDisabled());
    Resource.Delete();
}

} // namespace

int main()
{
    return SimRunTests("realworld: KDetector ExecutiveResource.cpp", nullptr, nullptr);
}
