/*
 * test_kf_memory.cpp - harness for kf's pool allocator and recursive spin lock
 * (Apriorit's kf, MIT; ../kf/include/kf/Allocator.h, RecursiveSpinLock.h,
 * RecursiveAutoSpinLock.h, unchanged, header-only: compiled here with
 * -I kf/include and _KERNEL_MODE as the library documents; survey25).
 *
 *   call                                         checked (Windows-documented behaviour)
 *   Allocator<T, Pool>::allocate(n)              one block of n * sizeof(T) bytes in Pool
 *                                                (ExAllocatePoolWithTag, kf's tag 'n++C');
 *                                                n = 0: one byte
 *   Allocator<T, Pool>::deallocate(p, n)         the block freed (ExFreePoolWithTag)
 *   allocate without pool (injected)             nullptr, nothing allocated
 *   allocate from paged pool at DISPATCH_LEVEL   0xC4/0x01 (Verifier: paged pool above APC_LEVEL)
 *   rebind<U>::other                             Allocator<U, Pool>
 *   RecursiveSpinLock::lock(irql)                the KSPIN_LOCK taken, DISPATCH_LEVEL, irql =
 *                                                the caller's IRQL (PASSIVE, APC or DISPATCH),
 *                                                owner PsGetCurrentThread(); true
 *   lock again by the owner                      false, nothing taken (no deadlock)
 *   unlock(irql)                                 released, the caller's IRQL back
 *   RecursiveAutoSpinLock, nested                the outer scope holds, the inner one does not
 *                                                release; the caller's IRQL after the outer
 */
#include <utility>
#include <climits>
#include <type_traits>

#include <mmsim_cmocka.h>

#include <ntifs.h>
#include <kf/Allocator.h>
#include <kf/RecursiveSpinLock.h>
#include <kf/RecursiveAutoSpinLock.h>

namespace {

constexpr ULONG KfTag = 'n++C';

// kf's tag's live blocks and bytes in paged or non-paged pool.
SIM_POOL_TAG_USAGE Usage(bool Paged)
{
    SIM_POOL_TAG_USAGE Rows[64];
    SIM_POOL_TAG_USAGE Found{};
    ULONG Count = SimQueryPoolUsage(Rows, RTL_NUMBER_OF(Rows));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Rows); i++) {
        if (Rows[i].Tag == KfTag && (Rows[i].Paged != FALSE) == Paged) {
            Found = Rows[i];
        }
    }
    return Found;
}

struct Big {
    ULONG64 Words[5];
};

template <class T, POOL_TYPE Pool>
void AllocatesFromItsPool(size_t Count, ULONG64 Bytes)
{
    const bool Paged = (Pool & 1) != 0; // PagedPool and its forms are odd
    SIM_POOL_TAG_USAGE Before = Usage(Paged);
    kf::Allocator<T, Pool> Allocator;
    T *Block = Allocator.allocate(Count);
    assert_non_null(Block);
    SIM_POOL_TAG_USAGE During = Usage(Paged);
    assert_int_equal(During.Allocs, Before.Allocs + 1);
    assert_int_equal(During.Bytes, Before.Bytes + Bytes);
    Allocator.deallocate(Block, Count);
    SIM_POOL_TAG_USAGE After = Usage(Paged);
    assert_int_equal(After.Frees, Before.Frees + 1);
    assert_int_equal(After.Bytes, Before.Bytes);
}

SIM_TEST(AllocatorTakesCountTimesSizeFromItsPool)
{
    AllocatesFromItsPool<int, NonPagedPoolNx>(10, 10 * sizeof(int));
    AllocatesFromItsPool<Big, PagedPool>(3, 3 * sizeof(Big));
    AllocatesFromItsPool<char, NonPagedPool>(1, 1);
    AllocatesFromItsPool<int, PagedPool>(0, 1); // no zero-byte pool blocks: one byte
    static_assert(std::is_same_v<kf::Allocator<int, PagedPool>::rebind<char>::other,
                                 kf::Allocator<char, PagedPool>>);
}

SIM_TEST(AllocatorWithoutPoolGivesNull)
{
    kf::Allocator<Big, NonPagedPoolNx> Allocator;
    SimFailNthCall(SimFaultPool, 1);
    assert_null(Allocator.allocate(4));
    assert_int_equal(Usage(false).Allocs, 0);
}

SIM_TEST(PagedAllocatorAtDispatchLevelStops)
{
    kf::Allocator<int, PagedPool> Allocator;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(0xC4, 0x01, (void)Allocator.allocate(1));
    SimReset();
}

SIM_TEST(RecursiveSpinLockTakesOnceForItsOwner)
{
    static const KIRQL From[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    for (KIRQL Level : From) {
        KIRQL Entry;
        KeRaiseIrql(Level, &Entry);
        kf::RecursiveSpinLock Lock;
        KIRQL Outer = HIGH_LEVEL, Inner = HIGH_LEVEL;
        assert_true(Lock.lock(Outer));
        assert_int_equal(Outer, Level);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        assert_false(Lock.lock(Inner)); // the owner again: nothing taken
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        Lock.unlock(Outer);
        assert_int_equal(KeGetCurrentIrql(), Level);
        assert_true(Lock.lock(Outer)); // free again
        Lock.unlock(Outer);
        KeLowerIrql(Entry);
    }
}

SIM_TEST(RecursiveAutoSpinLockNests)
{
    kf::RecursiveSpinLock Lock;
    {
        kf::RecursiveAutoSpinLock Outer(Lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        {
            kf::RecursiveAutoSpinLock Inner(Lock);
            assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        }
        // The inner scope did not release: the owner still holds it.
        KIRQL Again = HIGH_LEVEL;
        assert_false(Lock.lock(Again));
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    }
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    KIRQL Old = HIGH_LEVEL;
    assert_true(Lock.lock(Old));
    Lock.unlock(Old);
}

} // namespace

int main(void)
{
    return SimRunTests("realworld: kf Allocator and RecursiveSpinLock", nullptr, nullptr);
}
