/*
 * test_wkp_ktl_lookaside.cpp - harness for "Windows Kernel Programming" 2nd ed.'s ktl
 * (../windowskernelprogrammingbook2e/ktl/ktl/LookasideList.h, unchanged): a typed
 * LOOKASIDE_LIST_EX with the system's default allocate and free routines.
 *
 *   call                          checked (Windows-documented behaviour)
 *   Init(NonPagedPoolNx, Tag)     STATUS_SUCCESS, nothing allocated yet
 *   Alloc() on an empty list      one block of sizeof(T) from the list's pool type, with
 *                                 the list's tag (ExAllocateFromLookasideListEx calls the
 *                                 allocate routine: here the pool)
 *   Free() while fewer than Depth the block is kept on the list (no pool free), and the
 *          entries are cached      next Alloc() returns it (last freed, first allocated)
 *   Free() with Depth cached      the block goes back to the pool
 *   Delete()                      every cached block freed; nothing left
 *   Alloc() without pool          nullptr (injected: the list's miss, or the pool itself)
 *   paged list at DISPATCH_LEVEL  0xA (paged lookaside lists are used at APC_LEVEL at most)
 *   T smaller than an SLIST_ENTRY 0xC4/0xCD (LOOKASIDE_MINIMUM_BLOCK_SIZE)
 *   Alloc() before Init()         0xC4/0xCB (a list never initialized)
 *   a list not deleted at unload  0xC4/0xCC (list, list, its size): Verifier's code for
 *                                 memory being freed that holds an active list
 *
 *   Depth: the system starts a list at 4 cached entries (LOOKASIDE_LIST_EX's Depth
 *   argument is reserved and the file passes 0).
 */
#include <ntddk.h>

#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/ktl/ktl/LookasideList.h"

namespace {

struct Record {
    LIST_ENTRY Link;
    ULONG Id;
    UCHAR Payload[100];
};

const ULONG ListTag = 'kLtK';
const ULONG StartDepth = 4;

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

SIM_TEST(InitAllocatesNothing)
{
    LookasideList<Record> List;
    assert_int_equal(List.Init(NonPagedPoolNx, ListTag), STATUS_SUCCESS);
    assert_int_equal(TagUsage(ListTag).Allocs, 0);
    List.Delete();
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(AllocOnAnEmptyListTakesABlockFromThePool)
{
    LookasideList<Record> List;
    assert_int_equal(List.Init(NonPagedPoolNx, ListTag), STATUS_SUCCESS);
    Record *Item = List.Alloc();
    assert_non_null(Item);
    Item->Id = 7; // the whole block is the driver's
    Item->Payload[sizeof(Item->Payload) - 1] = 1;
    SIM_POOL_TAG_USAGE Usage = TagUsage(ListTag);
    assert_int_equal(Usage.Allocs, 1);
    assert_int_equal(Usage.Bytes, sizeof(Record));
    assert_false(Usage.Paged);
    List.Free(Item);
    List.Delete();
    assert_int_equal(TagUsage(ListTag).Frees, 1);
    assert_true(SimIsClean(nullptr, 0));
}

/*
 *   Alloc x5        pool allocations 5
 *   Free  x5        4 kept on the list, the 5th back to the pool (frees 1)
 *   Alloc           the last block freed to the list, no pool allocation
 *   Free, Delete    the 4 cached blocks freed (frees 5)
 */
SIM_TEST(FreedBlocksAreCachedUpToTheDepth)
{
    LookasideList<Record> List;
    assert_int_equal(List.Init(NonPagedPoolNx, ListTag), STATUS_SUCCESS);
    Record *Items[StartDepth + 1];
    for (Record *&Item : Items) {
        Item = List.Alloc();
        assert_non_null(Item);
    }
    assert_int_equal(TagUsage(ListTag).Allocs, StartDepth + 1);
    for (Record *Item : Items) {
        List.Free(Item);
    }
    assert_int_equal(TagUsage(ListTag).Frees, 1);

    Record *Again = List.Alloc();
    assert_ptr_equal(Again, Items[StartDepth - 1]); // the last one the list kept
    assert_int_equal(TagUsage(ListTag).Allocs, StartDepth + 1);
    List.Free(Again);

    List.Delete();
    assert_int_equal(TagUsage(ListTag).Frees, StartDepth + 1);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(PagedListTakesPagedPool)
{
    LookasideList<Record> List;
    assert_int_equal(List.Init(PagedPool, ListTag), STATUS_SUCCESS);
    Record *Item = List.Alloc();
    assert_non_null(Item);
    assert_true(TagUsage(ListTag).Paged);
    List.Free(Item);
    List.Delete();
    assert_true(SimIsClean(nullptr, 0));
}

/* Without pool: the list's own miss, then the pool behind it. */
const SIM_FAULT_SITE FailingSites[] = {SimFaultLookaside, SimFaultPool};

SIM_TEST(AllocWithoutPoolGivesNull)
{
    for (SIM_FAULT_SITE Site : FailingSites) {
        LookasideList<Record> List;
        assert_int_equal(List.Init(NonPagedPoolNx, ListTag), STATUS_SUCCESS);
        ULONG64 Before = TagUsage(ListTag).Allocs;
        SimFailNthCall(Site, 1);
        Record *Nothing = List.Alloc();
        ULONG64 After = TagUsage(ListTag).Allocs;
        Record *Item = List.Alloc(); // only the first call was failed
        SimClearFaults();
        if (Item != nullptr) {
            List.Free(Item);
        }
        List.Delete(); // before any assertion can leave the frame
        assert_null(Nothing);
        assert_int_equal(After, Before);
        assert_non_null(Item);
    }
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(PagedListAtDispatchLevelStops)
{
    LookasideList<Record> List;
    assert_int_equal(List.Init(PagedPool, ListTag), STATUS_SUCCESS);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK4(IRQL_NOT_LESS_OR_EQUAL, 0, DISPATCH_LEVEL, 0, SIM_ANY,
                         (void)List.Alloc());
}

SIM_TEST(BlockSmallerThanAnSListEntryStops)
{
    LookasideList<UCHAR> Tiny;
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCD,
                        (void)Tiny.Init(NonPagedPoolNx, ListTag));
}

SIM_TEST(AllocBeforeInitStops)
{
    LookasideList<Record> List{}; // zeroed, never initialized
    SIM_EXPECT_BUGCHECK(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, (void)List.Alloc());
}

/* Verifier at unload: the list is in memory the unload frees. */
SIM_TEST(AListNotDeletedStopsTheUnload)
{
    static LookasideList<Record> List; // the driver's global: it outlives the test
    assert_int_equal(List.Init(NonPagedPoolNx, ListTag), STATUS_SUCCESS);
    ULONG_PTR Where = reinterpret_cast<ULONG_PTR>(&List);
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCC, Where, Where,
                         sizeof(LOOKASIDE_LIST_EX), (void)SimDriverUnload(nullptr));
}

} // namespace

int main()
{
    return SimRunTests("realworld: ktl LookasideList.h", nullptr, nullptr);
}
