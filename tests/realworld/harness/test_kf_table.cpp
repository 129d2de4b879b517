/*
 * test_kf_table.cpp - harness for kf::GenericTableAvl, Apriorit's kf ordered container
 * over the Rtl AVL generic table (../kf/include/kf/GenericTableAvl.h and stl/new,
 * unchanged): nodes from its placement operator new (ExAllocatePoolWithTag, tag 'n++C')
 * holding a C++ object after the RTL_BALANCED_LINKS, destroyed and freed by its free
 * routine; a move re-points the sentinel's links at the new table.
 *
 *   call                         checked
 *   insertElement x 200          200 nodes of the pool type, lookups find each, in order
 *   insert an existing key       replaced in place (the old object destroyed), not new
 *   deleteElement                the object destroyed, its node freed
 *   move construct / assign      the tree kept, one set of nodes, old table empty
 *   destructor                   every object destroyed, every node freed
 *   pool failure                 STATUS_INSUFFICIENT_RESOURCES, the table unchanged
 *
 * Adaptation (the harness's): the file relies on MSVC's STL, whose headers tolerate the
 * WDK's min/max macros and bring std::pair and CHAR_BIT along; libstdc++'s do not, so
 * <functional>, <utility> and <climits> come before <ntifs.h>. _KERNEL_MODE as /kernel.
 */
#include <climits>
#include <functional>
#include <utility>

#include <mmsim_cmocka.h>
#include <ntifs.h>

#include <kf/GenericTableAvl.h>

namespace {

const ULONG KfTag = 'n++C';

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

ULONG Live; /* Item objects alive */

struct Item {
    ULONG Key;
    ULONG Value;
    Item(ULONG K, ULONG V) : Key(K), Value(V) { Live++; }
    Item(Item &&Other) noexcept : Key(Other.Key), Value(Other.Value) { Live++; }
    ~Item() { Live--; }
    bool operator<(const Item &Other) const { return Key < Other.Key; }
};

using Table = kf::GenericTableAvl<Item, PagedPool>;

} // namespace

SIM_TEST(InsertsLookupsAndOrder)
{
    {
        Table T;
        assert_true(T.isEmpty());
        for (ULONG i = 0; i < 200; i++) {
            bool New = false;
            assert_int_equal(T.insertElement(Item((i * 37) % 200, i), &New), STATUS_SUCCESS);
            assert_true(New);
        }
        assert_int_equal(T.number(), 200);
        SIM_POOL_TAG_USAGE Usage = TagUsage(KfTag);
        assert_int_equal(Usage.Allocs, 200);
        assert_true(Usage.Paged);
        assert_int_equal(Live, 200);
        for (ULONG Key = 0; Key < 200; Key++) {
            Item *Found = T.lookupElement(Item(Key, 0));
            assert_non_null(Found);
            assert_int_equal(Found->Key, Key);
            assert_int_equal(T.getElement(Key)->Key, Key); /* index = rank */
        }
        void *Restart = nullptr;
        ULONG Expected = 0;
        for (Item *I = T.enumerateWithoutSplaying(Restart); I != nullptr;
             I = T.enumerateWithoutSplaying(Restart)) {
            assert_int_equal(I->Key, Expected++);
        }
        assert_int_equal(Expected, 200);
    }
    assert_int_equal(Live, 0);
    SIM_POOL_TAG_USAGE Usage = TagUsage(KfTag);
    assert_int_equal(Usage.Frees, 200);
    assert_int_equal(Usage.Bytes, 0);
}

SIM_TEST(ReplacingAndDeleting)
{
    Table T;
    assert_int_equal(T.insertElement(Item(7, 1)), STATUS_SUCCESS);
    bool New = true;
    assert_int_equal(T.insertElement(Item(7, 2), &New), STATUS_SUCCESS);
    assert_false(New);
    assert_int_equal(T.number(), 1);
    assert_int_equal(T.lookupElement(Item(7, 0))->Value, 2);
    assert_int_equal(Live, 1);
    assert_true(T.deleteElement(Item(7, 0)));
    assert_false(T.deleteElement(Item(7, 0)));
    assert_true(T.isEmpty());
    assert_int_equal(Live, 0);
    assert_int_equal(TagUsage(KfTag).Bytes, 0);
}

SIM_TEST(MovingKeepsTheTree)
{
    Table A;
    for (ULONG i = 0; i < 20; i++) {
        assert_int_equal(A.insertElement(Item(i, i)), STATUS_SUCCESS);
    }
    Table B(std::move(A));
    assert_true(A.isEmpty());
    assert_int_equal(B.number(), 20);
    assert_non_null(B.lookupElement(Item(13, 0)));
    assert_int_equal(B.insertElement(Item(100, 0)), STATUS_SUCCESS); /* the moved tree grows */
    Table C;
    C = std::move(B);
    assert_int_equal(C.number(), 21);
    assert_true(B.isEmpty());
    assert_true(C.deleteElement(Item(0, 0)));
    assert_int_equal(TagUsage(KfTag).Allocs, 21);
    assert_int_equal(Live, 20);
}

SIM_TEST(PoolFailureLeavesTheTableAlone)
{
    Table T;
    assert_int_equal(T.insertElement(Item(1, 1)), STATUS_SUCCESS);
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(T.insertElement(Item(2, 2)), STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(T.number(), 1);
    assert_null(T.lookupElement(Item(2, 0)));
}

int main(void)
{
    return SimRunTests("realworld: kf GenericTableAvl.h", NULL, NULL);
}
