/*
 * test_wdf_mx.cpp - harness for the kernel-mode "Mx" primitives of the Windows Driver
 * Frameworks (../Windows-Driver-Frameworks/src/framework/shared/inc/primitives/,
 * unchanged): header-only C++ wrappers that KMDF is built on.
 *
 *   wrapper        call                          checked (Windows-documented behaviour)
 *   MxLock         Acquire / Release             DISPATCH_LEVEL while held, the old IRQL after
 *   MxLock         AcquireAtDpcLevel / Release-  at DISPATCH_LEVEL: the lock is held
 *                  FromDpcLevel                  (KeTestSpinLock FALSE), the IRQL unchanged
 *   MxPagedLock    Acquire / TryToAcquire        APC_LEVEL while held; a second TryToAcquire
 *                                                fails (FALSE) while held
 *   MxPagedLock    Acquire at DISPATCH_LEVEL     0xC4/0x20005 (ExAcquireFastMutex's IRQL rule)
 *   MxEvent        notification, set / clear     ReadState 1 / 0; a zero-timeout wait
 *                                                STATUS_SUCCESS when set, STATUS_TIMEOUT when not
 *   MxEvent        synchronization               a satisfied wait resets it
 *   MxMemory       MxAllocatePoolWithTag / Free  one block of the size, pool and tag asked
 *                                                for; freed; NULL under injected failure
 *   MxMemory       MxAllocatePool2               zeroed, POOL_FLAG_PAGED -> paged pool
 *
 * Build configuration, as the framework's own build gives it: FX_CORE_MODE is
 * FX_CORE_KERNEL_MODE (CMakeLists.txt); the headers spell each other's names in another
 * case ("MxLock.h" for mxlock.h), resolved by the case view of CMakeLists.txt.
 */
#include <ntddk.h>

#include "mxmacros.h"
#include "dbgmacros.h"
#include "mxlockkm.h"
#include "mxpagedlockkm.h"
#include "mxeventkm.h"
#include "mxmemorykm.h"

#include <mmsim_cmocka.h>
#include "rw_kit.h"

namespace {

const ULONG Tag = 'xMfW';

SIM_TEST(SpinLockHoldsAtDispatchLevel)
{
    MxLock Lock;
    KIRQL Old = HIGH_LEVEL;
    Lock.Acquire(&Old);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_int_equal(Old, PASSIVE_LEVEL);
    Lock.Release(Old);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);

    /* From APC_LEVEL the old IRQL is APC_LEVEL, restored on release. */
    KIRQL Caller;
    KeRaiseIrql(APC_LEVEL, &Caller);
    Lock.Acquire(&Old);
    assert_int_equal(Old, APC_LEVEL);
    Lock.Release(Old);
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(Caller);
}

SIM_TEST(SpinLockAtDpcLevelKeepsTheIrql)
{
    MxLock Lock;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    Lock.AcquireAtDpcLevel();
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    assert_true(KeTestSpinLock(&Lock.Get()) == FALSE);
    Lock.ReleaseFromDpcLevel();
    assert_true(KeTestSpinLock(&Lock.Get()) == TRUE);
    KeLowerIrql(Old);
}

SIM_TEST(PagedLockHoldsAtApcLevel)
{
    MxPagedLock Lock;
    Lock.Acquire();
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    Lock.Release();
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);

    assert_true(Lock.TryToAcquire());
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    Lock.Release();
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

SIM_TEST(PagedLockAtDispatchLevelStops)
{
    MxPagedLock Lock;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20005, Lock.Acquire());
}

SIM_TEST(NotificationEventStaysSet)
{
    MxEvent Event;
    assert_int_equal(Event.Initialize(NotificationEvent, FALSE), STATUS_SUCCESS);
    LARGE_INTEGER Now;
    Now.QuadPart = 0;
    assert_int_equal(Event.ReadState(), 0);
    assert_int_equal(Event.WaitFor(Executive, KernelMode, FALSE, &Now), STATUS_TIMEOUT);
    Event.Set();
    assert_int_equal(Event.ReadState(), 1);
    assert_int_equal(Event.WaitFor(Executive, KernelMode, FALSE, &Now), STATUS_SUCCESS);
    assert_int_equal(Event.ReadState(), 1);
    Event.Clear();
    assert_int_equal(Event.ReadState(), 0);
    /* GetEvent is the KEVENT itself, for KeWaitForSingleObject. */
    assert_int_equal(KeReadStateEvent(static_cast<PRKEVENT>(Event.GetEvent())), 0);
}

SIM_TEST(SynchronizationEventResetsOnAWait)
{
    MxEvent Event;
    assert_int_equal(Event.Initialize(SynchronizationEvent, TRUE), STATUS_SUCCESS);
    LARGE_INTEGER Now;
    Now.QuadPart = 0;
    assert_int_equal(Event.WaitFor(Executive, KernelMode, FALSE, &Now), STATUS_SUCCESS);
    assert_int_equal(Event.ReadState(), 0);
    assert_int_equal(Event.WaitFor(Executive, KernelMode, FALSE, &Now), STATUS_TIMEOUT);
}

SIM_TEST(MemoryAllocatesWithTheTagAndPool)
{
    PVOID Block = MxMemory::MxAllocatePoolWithTag(NonPagedPoolNx, 100, Tag);
    assert_non_null(Block);
    SIM_POOL_TAG_USAGE Usage = TagUsage(Tag);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, 100);
    MxMemory::MxFreePool(Block);
    assert_int_equal(TagUsage(Tag).Frees, 1);

    SimFailNthCall(SimFaultPool, 1);
    assert_null(MxMemory::MxAllocatePoolWithTag(PagedPool, 100, Tag));
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(Pool2IsZeroedAndPagedWhenAsked)
{
    UCHAR *Block = static_cast<UCHAR *>(MxMemory::MxAllocatePool2(POOL_FLAG_PAGED, 64, Tag));
    assert_non_null(Block);
    for (ULONG i = 0; i < 64; i++) {
        assert_int_equal(Block[i], 0);
    }
    assert_true(TagUsage(Tag).Paged);
    MxMemory::MxFreePool(Block);
    assert_true(SimIsClean(nullptr, 0));
}

} // namespace

int main()
{
    return SimRunTests("realworld: WDF Mx primitives", nullptr, nullptr);
}
