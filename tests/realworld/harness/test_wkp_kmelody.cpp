/*
 * test_wkp_kmelody.cpp - harness for two files of "Windows Kernel Programming" 2nd ed.,
 * Chapter 8's KMelody driver (../windowskernelprogrammingbook2e/Chapter08/KMelody/, unchanged):
 * Memory.cpp, operator new/delete over ExAllocatePool2 and ExAllocatePool3; FastMutex.cpp,
 * a FAST_MUTEX wrapper.
 *
 *   expression                                   checked (Windows-documented behaviour)
 *   new (POOL_FLAG_NON_PAGED) Item               one non-paged block of sizeof(Item) with
 *                                                DRIVER_TAG ('ydlm'), zeroed (ExAllocatePool2
 *                                                zeroes unless POOL_FLAG_UNINITIALIZED)
 *   new (POOL_FLAG_PAGED, HighPoolPriority, Tag) ExAllocatePool3: paged, the tag given
 *   delete (sized; over-aligned type: aligned)   the block freed
 *   pool failure                                 nullptr, no constructor run, nothing allocated
 *   new (POOL_FLAG_PAGED) at DISPATCH_LEVEL      0xC4/0x01 (paged pool above APC_LEVEL)
 *   FastMutex::Lock / Unlock                     APC_LEVEL while held, the caller's IRQL after
 *   FastMutex::Lock at DISPATCH_LEVEL            0xC4/0x20005 (ExAcquireFastMutex above APC_LEVEL)
 */
#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/Chapter08/KMelody/pch.h"
#include "../windowskernelprogrammingbook2e/Chapter08/KMelody/KMelody.h"
#include "../windowskernelprogrammingbook2e/Chapter08/KMelody/Memory.h"
#include "../windowskernelprogrammingbook2e/Chapter08/KMelody/FastMutex.h"

namespace {

struct Item { // no constructor: default-initialised, the block's bytes as allocated
    ULONG Value;
    UCHAR Data[200];
};

struct alignas(64) Wide {
    UCHAR Data[64];
};

const ULONG TestTag = 'tseT';

SIM_POOL_TAG_USAGE TagUsage(ULONG Tag)
{
    SIM_POOL_TAG_USAGE Usage[64];
    SIM_POOL_TAG_USAGE Found{};
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == Tag) {
            Found = Usage[i];
        }
    }
    return Found;
}

SIM_TEST(NewUsesExAllocatePool2)
{
    Item *First = new (POOL_FLAG_NON_PAGED) Item;
    assert_non_null(First);
    assert_int_equal(First->Value, 0);
    for (UCHAR Byte : First->Data) {
        assert_int_equal(Byte, 0);
    }
    SIM_POOL_TAG_USAGE Usage = TagUsage(DRIVER_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, sizeof(Item));
    delete First;
    assert_int_equal(TagUsage(DRIVER_TAG).Frees, 1);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(NewWithPriorityUsesExAllocatePool3)
{
    Item *Block = new (POOL_FLAG_PAGED, HighPoolPriority, TestTag) Item;
    assert_non_null(Block);
    SIM_POOL_TAG_USAGE Usage = TagUsage(TestTag);
    assert_int_equal(Usage.Allocs, 1);
    assert_true(Usage.Paged);
    delete Block;
    assert_int_equal(TagUsage(TestTag).Frees, 1);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(AlignedDeleteFrees)
{
    Wide *Block = new (POOL_FLAG_NON_PAGED) Wide;
    assert_non_null(Block);
    delete Block; // operator delete(void *, size_t, std::align_val_t)
    assert_int_equal(TagUsage(DRIVER_TAG).Frees, 1);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(NewReturnsNullWithoutPool)
{
    SimFailNthCall(SimFaultPool, 1);
    Item *Nothing = new (POOL_FLAG_NON_PAGED) Item;
    assert_null(Nothing);
    assert_int_equal(TagUsage(DRIVER_TAG).Allocs, 0);
}

SIM_TEST(PagedNewAtDispatchLevelStops)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x01,
                        (void)(new (POOL_FLAG_PAGED) Item));
}

SIM_TEST(FastMutexHoldsAtApcLevel)
{
    FastMutex Mutex;
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    Mutex.Lock();
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    Mutex.Unlock();
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    Mutex.Lock(); // free again
    Mutex.Unlock();
}

SIM_TEST(FastMutexLockAtDispatchLevelStops)
{
    FastMutex Mutex;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20005, Mutex.Lock());
}

} // namespace

int main()
{
    return SimRunTests("realworld: KMelody Memory.cpp, FastMutex.cpp", nullptr, nullptr);
}
