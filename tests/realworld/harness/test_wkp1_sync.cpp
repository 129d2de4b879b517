/*
 * test_wkp1_sync.cpp - harness for two lock wrappers of "Windows Kernel Programming"
 * 1st ed. (../windowskernelprogrammingbook/, unchanged): chapter 10 FileBackup's Mutex.cpp
 * (a KMUTEX) and chapter 8 SysMon's FastMutex.cpp (a FAST_MUTEX).
 *
 *   call                               checked (Windows-documented behaviour)
 *   Mutex::Init                        signalled (KeReadStateMutex 1)
 *   Mutex::Lock                        owned: state 0, normal kernel APCs disabled
 *   Mutex::Lock again (same thread)    recursive acquire: state -1
 *   Mutex::Unlock x 2                  signalled again, APCs enabled
 *   FastMutex::Lock / Unlock           APC_LEVEL while held, PASSIVE_LEVEL after
 *   FastMutex::Lock at DISPATCH_LEVEL  0xC4/0x20005
 */
#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook/chapter10/FileBackup/Mutex.h"
#include "../windowskernelprogrammingbook/chapter08/SysMon/pch.h"
#include "../windowskernelprogrammingbook/chapter08/SysMon/FastMutex.h"

namespace {

// The KMUTEX is the class's only member (a standard-layout class).
PKMUTEX Of(Mutex &Lock)
{
    static_assert(sizeof(Mutex) == sizeof(KMUTEX), "the KMUTEX alone");
    return reinterpret_cast<PKMUTEX>(&Lock);
}

SIM_TEST(MutexIsRecursiveForItsOwner)
{
    Mutex Lock;
    Lock.Init();
    assert_int_equal(KeReadStateMutex(Of(Lock)), 1);
    Lock.Lock();
    assert_int_equal(KeReadStateMutex(Of(Lock)), 0);
    assert_true(KeAreApcsDisabled());
    Lock.Lock();
    assert_int_equal(KeReadStateMutex(Of(Lock)), -1);
    Lock.Unlock();
    assert_int_equal(KeReadStateMutex(Of(Lock)), 0);
    Lock.Unlock();
    assert_int_equal(KeReadStateMutex(Of(Lock)), 1);
    assert_false(KeAreApcsDisabled());
}

SIM_TEST(FastMutexHoldsAtApcLevel)
{
    FastMutex Lock;
    Lock.Init();
    Lock.Lock();
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    Lock.Unlock();
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

SIM_TEST(FastMutexLockAtDispatchLevelStops)
{
    FastMutex Lock;
    Lock.Init();
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20005, Lock.Lock());
}

} // namespace

int main()
{
    return SimRunTests("realworld: WKP 1st ed. Mutex.cpp, FastMutex.cpp", nullptr, nullptr);
}
