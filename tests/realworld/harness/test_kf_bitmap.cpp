/*
 * test_kf_bitmap.cpp - harness for the bitmap class of Apriorit's kf, a header-only C++
 * library for Windows kernel drivers (../kf/include/kf/Bitmap.h, BitmapRangeIterator.h and
 * stl/new, unchanged): kf::Bitmap<PoolType> keeps an RTL_BITMAP over a pool block from its
 * placement operator new (ExAllocatePoolWithTag, tag 'n++C'), and iterates the runs of set
 * bits with RtlFindNextForwardRunClear.
 *
 *   call                           checked
 *   initialize(40)                 one 'C++n' block of 8 bytes (40 bits rounded up to
 *                                  ULONGs) of the pool type, zeroed; all 40 bits clear
 *   setBits / clearBits / ...      the Rtl bitmap routines' results through the class
 *   rangeIterator                  every run of set bits, { start, length }, in order
 *   destructor, move               the block freed exactly once, nothing left
 *   initialize, pool failure       STATUS_INSUFFICIENT_RESOURCES, nothing allocated
 *
 * Adaptation (the harness's, not the file's): the file relies on MSVC's <optional>
 * including <utility> and <climits> (std::pair, CHAR_BIT); libstdc++'s does not, so they
 * are included first. _KERNEL_MODE is what MSVC's /kernel switch defines.
 */
#include <climits>
#include <utility>

#include <mmsim_cmocka.h>
#include <ntifs.h>

#include <kf/Bitmap.h>

namespace {

const ULONG KfTag = 'n++C'; /* kf/stl/new's pool tag */

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

/* The bitmap drawn left to right from bit 0: '#' set. */
const char Picture[] = "##..##...####.....#..................###";

} // namespace

SIM_TEST(InitializeAllocatesAZeroedPoolBlock)
{
    {
        kf::Bitmap<NonPagedPoolNx> Bitmap;
        assert_int_equal(Bitmap.initialize(40), STATUS_SUCCESS);
        SIM_POOL_TAG_USAGE Usage = TagUsage(KfTag);
        assert_int_equal(Usage.Allocs, 1);
        assert_int_equal(Usage.Bytes, 8);
        assert_false(Usage.Paged);
        assert_int_equal(Bitmap.size(), 40);
        assert_int_equal(Bitmap.numberOfClearBits(), 40);
        assert_true(Bitmap.areBitsClear(0, 40));
    }
    SIM_POOL_TAG_USAGE Usage = TagUsage(KfTag);
    assert_int_equal(Usage.Frees, 1);
    assert_int_equal(Usage.Bytes, 0);
}

SIM_TEST(SetAndClearThroughTheRtlRoutines)
{
    kf::Bitmap<PagedPool> Bitmap;
    assert_int_equal(Bitmap.initialize(40), STATUS_SUCCESS);
    assert_true(TagUsage(KfTag).Paged);
    for (ULONG i = 0; Picture[i] != '\0'; i++) {
        if (Picture[i] == '#') {
            Bitmap.setBits(i, 1);
        }
    }
    assert_int_equal(Bitmap.numberOfSetBits(), 12);
    assert_int_equal(Bitmap.numberOfClearBits(), 28);
    assert_true(Bitmap.areBitsSet(9, 4));
    assert_false(Bitmap.areBitsSet(9, 5));
    assert_true(Bitmap.areBitsClear(19, 18));
    Bitmap.clearBits(9, 4);
    assert_true(Bitmap.areBitsClear(6, 12));
    Bitmap.setAll();
    assert_int_equal(Bitmap.numberOfClearBits(), 0);
    Bitmap.clearAll();
    assert_int_equal(Bitmap.numberOfSetBits(), 0);
}

SIM_TEST(RangeIteratorReportsEveryRunOfSetBits)
{
    kf::Bitmap<PagedPool> Bitmap;
    assert_int_equal(Bitmap.initialize(40), STATUS_SUCCESS);
    for (ULONG i = 0; Picture[i] != '\0'; i++) {
        if (Picture[i] == '#') {
            Bitmap.setBits(i, 1);
        }
    }
    static const std::pair<ULONG, ULONG> Expected[] = {{0, 2}, {4, 2}, {9, 4}, {18, 1}, {37, 3}};
    auto Ranges = Bitmap.rangeIterator();
    for (const auto &Want : Expected) {
        auto Got = Ranges.next();
        assert_true(Got.has_value());
        assert_int_equal(Got->first, Want.first);
        assert_int_equal(Got->second, Want.second);
    }
    assert_false(Ranges.next().has_value());

    /* Starting with clear bits, and from an index inside a run. */
    Bitmap.clearBits(0, 2);
    auto FromStart = Bitmap.rangeIterator();
    assert_int_equal(FromStart.next()->first, 4);
    auto FromTen = Bitmap.rangeIterator(10);
    auto First = FromTen.next();
    assert_int_equal(First->first, 10);
    assert_int_equal(First->second, 3);
}

SIM_TEST(MovingKeepsOneBlock)
{
    kf::Bitmap<PagedPool> A;
    assert_int_equal(A.initialize(100), STATUS_SUCCESS);
    A.setBits(50, 10);
    kf::Bitmap<PagedPool> B(std::move(A));
    assert_int_equal(A.size(), 0);
    assert_int_equal(B.numberOfSetBits(), 10);
    kf::Bitmap<PagedPool> C;
    C = std::move(B);
    assert_true(C.areBitsSet(50, 10));
    assert_int_equal(TagUsage(KfTag).Allocs, 1);
    /* Re-initializing frees the old block first. */
    assert_int_equal(C.initialize(8), STATUS_SUCCESS);
    SIM_POOL_TAG_USAGE Usage = TagUsage(KfTag);
    assert_int_equal(Usage.Allocs, 2);
    assert_int_equal(Usage.Frees, 1);
}

SIM_TEST(InitializeFailsCleanlyWithoutPool)
{
    kf::Bitmap<PagedPool> Bitmap;
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(Bitmap.initialize(40), STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(Bitmap.size(), 0);
    assert_int_equal(TagUsage(KfTag).Allocs, 0);
}

int main(void)
{
    return SimRunTests("realworld: kf Bitmap.h", NULL, NULL);
}
