/*
 * test_kf_sync.cpp - harness for kf's synchronisation wrappers (Apriorit's kf, MIT;
 * ../kf/include/kf/EResource.h, SpinLock.h, AutoSpinLock.h, Event.h, Semaphore.h,
 * unchanged, header-only: compiled here with -I kf/include and _KERNEL_MODE as the
 * library documents).
 *
 *   object / call                              checked (Windows-documented behaviour)
 *   EResource lock / unlock                    exclusive owner inside a critical region;
 *                                              released and the region left after
 *   EResource lock_shared, a second shared     shared count 1, then 2; released to 0
 *   EResource convertExclusiveToShared         exclusive becomes one shared hold
 *   EResource acquireExclusive(false) while    FALSE (ExAcquireResourceExclusiveLite with
 *     held shared by this thread               Wait FALSE cannot upgrade)
 *   AutoSpinLock over SpinLock                 DISPATCH_LEVEL in its scope, the old IRQL after
 *   Event(NotificationEvent, false)            wait(0) STATUS_TIMEOUT; set: isSet, wait(0)
 *                                              STATUS_SUCCESS and still set; clear
 *   Event(SynchronizationEvent, true)          one wait(0) succeeds and resets it
 *   Semaphore(2, 2)                            two waits succeed, the third times out;
 *                                              release(1) lets one more through
 */
#include <utility>
#include <climits>

#include <mmsim_cmocka.h>

#include <ntifs.h>
#include <kf/EResource.h>
#include <kf/SpinLock.h>
#include <kf/AutoSpinLock.h>
#include <kf/Event.h>
#include <kf/Semaphore.h>

namespace {

const LARGE_INTEGER Now{}; // a zero timeout: test the state, do not wait

SIM_TEST(EResourceExclusiveInsideACriticalRegion)
{
    kf::EResource Resource;
    Resource.lock();
    assert_true(Resource.isAcquiredExclusive());
    assert_true(KeAreApcsDisabled());
    Resource.unlock();
    assert_false(Resource.isAcquiredExclusive());
    assert_int_equal(Resource.isAcquiredShared(), 0);
    assert_false(KeAreApcsDisabled());
}

SIM_TEST(EResourceSharedHoldsCount)
{
    kf::EResource Resource;
    Resource.lock_shared();
    assert_int_equal(Resource.getOwnerCount(), 1);
    assert_false(Resource.isAcquiredExclusive());
    KeEnterCriticalRegion();
    assert_true(Resource.acquireShared(true)); // recursive shared
    assert_int_equal(Resource.isAcquiredShared(), 2);
    assert_false(Resource.acquireExclusive(false)); // no upgrade from shared
    Resource.release();
    KeLeaveCriticalRegion();
    Resource.unlock_shared();
    assert_int_equal(Resource.isAcquiredShared(), 0);
    assert_false(KeAreApcsDisabled());
}

SIM_TEST(EResourceConvertsExclusiveToShared)
{
    kf::EResource Resource;
    Resource.lock();
    Resource.convertExclusiveToShared();
    assert_false(Resource.isAcquiredExclusive());
    assert_int_equal(Resource.isAcquiredShared(), 1);
    Resource.unlock();
    assert_int_equal(Resource.isAcquiredShared(), 0);
}

SIM_TEST(AutoSpinLockRaisesToDispatchLevelInItsScope)
{
    kf::SpinLock Lock;
    {
        kf::AutoSpinLock Guard(Lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    }
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    {
        kf::AutoSpinLock Guard(Lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    }
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(Old);
}

SIM_TEST(NotificationEventStaysSet)
{
    kf::Event Event(NotificationEvent, false);
    assert_false(Event.isSet());
    assert_int_equal(Event.wait(&Now), STATUS_TIMEOUT);
    Event.set();
    assert_true(Event.isSet());
    assert_int_equal(Event.wait(&Now), STATUS_SUCCESS);
    assert_true(Event.isSet());
    Event.clear();
    assert_false(Event.isSet());
}

SIM_TEST(SynchronizationEventResetsOnAWait)
{
    kf::Event Event(SynchronizationEvent, true);
    assert_int_equal(Event.wait(&Now), STATUS_SUCCESS);
    assert_false(Event.isSet());
    assert_int_equal(Event.wait(&Now), STATUS_TIMEOUT);
}

SIM_TEST(SemaphoreCountsWaits)
{
    kf::Semaphore Semaphore(2, 2);
    assert_int_equal(Semaphore.wait(&Now), STATUS_SUCCESS);
    assert_int_equal(Semaphore.wait(&Now), STATUS_SUCCESS);
    assert_int_equal(Semaphore.wait(&Now), STATUS_TIMEOUT);
    Semaphore.release();
    assert_int_equal(KeReadStateSemaphore(Semaphore), 1);
    assert_int_equal(Semaphore.wait(&Now), STATUS_SUCCESS);
}

} // namespace

int main()
{
    return SimRunTests("realworld: kf EResource, SpinLock, Event, Semaphore", nullptr, nullptr);
}
