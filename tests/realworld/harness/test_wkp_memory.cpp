/*
 * test_wkp_memory.cpp - harness for the pool-backed operator new/delete of "Windows Kernel
 * Programming" 2nd ed., Chapter 8 (../windowskernelprogrammingbook2e/Chapter08/Multi/
 * Memory.cpp and its headers, unchanged): `new (PoolType, Tag) T` allocates with
 * ExAllocatePoolWithTag, `delete` frees with ExFreePool (sized deallocation, as MSVC
 * calls it; -fsized-deallocation for clang before 19).
 *
 *   expression                          checked
 *   new (NonPagedPool, 'tseT') Item     one non-paged block 'tseT' of sizeof(Item) bytes
 *   new (PagedPool) Item                the default tag DRIVER_TAG ('itlM'), paged
 *   delete                              the block freed
 *   pool failure                        nullptr, nothing allocated
 *   new (PagedPool) at DISPATCH_LEVEL   0xC4/0x01, as ExAllocatePoolWithTag
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

#include "../windowskernelprogrammingbook2e/Chapter08/Multi/Memory.h"

namespace {

struct Item {
    ULONG Value;
    LIST_ENTRY Link;
    UCHAR Data[100];
};

const ULONG TestTag = 'tseT';

SIM_TEST(NewAndDeleteUsePool)
{
    Item *First = new (NonPagedPool, TestTag) Item;
    assert_non_null(First);
    First->Value = 7;
    First->Data[99] = 1;
    SIM_POOL_TAG_USAGE Usage = TagUsage(TestTag);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, sizeof(Item));
    Item *Second = new (PagedPool) Item;
    assert_non_null(Second);
    Usage = TagUsage(DRIVER_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_true(Usage.Paged);
    delete First;
    delete Second;
    assert_int_equal(TagUsage(TestTag).Frees, 1);
    assert_int_equal(TagUsage(DRIVER_TAG).Frees, 1);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(NewReturnsNullWithoutPool)
{
    SimFailNthCall(SimFaultPool, 1);
    Item *Nothing = new (NonPagedPool, TestTag) Item;
    assert_null(Nothing);
    assert_int_equal(TagUsage(TestTag).Allocs, 0);
}

SIM_TEST(PagedNewAtDispatchLevelStops)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x01,
                        (void)(new (PagedPool, TestTag) Item));
}

} // namespace

int main()
{
    return SimRunTests("realworld: Multi/Memory.cpp", nullptr, nullptr);
}
