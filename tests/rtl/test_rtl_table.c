/*
 * test_rtl_table.c - Rtl AVL generic tables (docs/wdk-surface.md, "Run-time library (Rtl)"):
 * an ordered set of the caller's records in nodes from the caller's allocate routine,
 * record after the RTL_BALANCED_LINKS, BalancedRoot a sentinel whose RightChild is the root.
 *
 *   rule                                               checked by
 *   in order, unique keys                              enumeration after inserts/deletes
 *   height-balanced: |Balance| <= 1, Balance = hR - hL  the tree walk after every change
 *   parents consistent, root's Parent = &BalancedRoot   the tree walk
 *   an existing key: its record, NewElement FALSE       duplicate insert
 *   the allocate routine's NULL: NULL, nothing changed  a failing allocator
 *   every node freed through the free routine           pool usage of the tag
 */
#include <mmsim_cmocka.h>

#define NODE_TAG 'lvAT'

typedef struct _RECORD {
    ULONG Key;
    ULONG Payload;
} RECORD;

static ULONG FailAllocations; /* the allocate routine returns NULL while non-zero */

static RTL_GENERIC_COMPARE_RESULTS NTAPI Compare(PRTL_AVL_TABLE Table, PVOID First, PVOID Second)
{
    (void)Table;
    ULONG A = ((RECORD *)First)->Key, B = ((RECORD *)Second)->Key;
    return A < B ? GenericLessThan : A > B ? GenericGreaterThan : GenericEqual;
}

static PVOID NTAPI Allocate(PRTL_AVL_TABLE Table, CLONG Bytes)
{
    (void)Table;
    if (FailAllocations != 0) {
        return NULL;
    }
    assert_int_equal(Bytes, sizeof(RTL_BALANCED_LINKS) + sizeof(RECORD));
    return ExAllocatePool2(POOL_FLAG_PAGED, Bytes, NODE_TAG);
}

static VOID NTAPI Free(PRTL_AVL_TABLE Table, PVOID Buffer)
{
    (void)Table;
    ExFreePoolWithTag(Buffer, NODE_TAG);
}

/* Checks the subtree: parent links, balance, order; returns its height. */
static int CheckSubtree(PRTL_BALANCED_LINKS Node, PRTL_BALANCED_LINKS Parent, ULONG *Count)
{
    if (Node == NULL) {
        return 0;
    }
    assert_ptr_equal(Node->Parent, Parent);
    const RECORD *Record = (const RECORD *)(Node + 1);
    if (Node->LeftChild != NULL) {
        assert_true(((const RECORD *)(Node->LeftChild + 1))->Key < Record->Key);
    }
    if (Node->RightChild != NULL) {
        assert_true(((const RECORD *)(Node->RightChild + 1))->Key > Record->Key);
    }
    int Left = CheckSubtree(Node->LeftChild, Node, Count);
    int Right = CheckSubtree(Node->RightChild, Node, Count);
    assert_int_equal(Node->Balance, Right - Left);
    assert_true(Right - Left >= -1 && Right - Left <= 1);
    (*Count)++;
    return (Left > Right ? Left : Right) + 1;
}

static void CheckTable(PRTL_AVL_TABLE Table)
{
    assert_ptr_equal(Table->BalancedRoot.Parent, &Table->BalancedRoot);
    assert_null(Table->BalancedRoot.LeftChild);
    ULONG Count = 0;
    int Height = CheckSubtree(Table->BalancedRoot.RightChild, &Table->BalancedRoot, &Count);
    assert_int_equal(Count, RtlNumberGenericTableElementsAvl(Table));
    assert_int_equal(Table->DepthOfTree, (ULONG)Height);
    /* In order, strictly increasing. */
    PVOID Key = NULL;
    ULONG Seen = 0, Last = 0;
    for (RECORD *R = (RECORD *)RtlEnumerateGenericTableWithoutSplayingAvl(Table, &Key); R != NULL;
         R = (RECORD *)RtlEnumerateGenericTableWithoutSplayingAvl(Table, &Key)) {
        assert_true(Seen == 0 || R->Key > Last);
        Last = R->Key;
        Seen++;
    }
    assert_int_equal(Seen, Count);
}

static BOOLEAN Insert(PRTL_AVL_TABLE Table, ULONG Key)
{
    RECORD Record = {Key, Key * 10};
    BOOLEAN New = 99;
    RECORD *Stored = (RECORD *)RtlInsertElementGenericTableAvl(Table, &Record, sizeof(Record), &New);
    assert_non_null(Stored);
    assert_int_equal(Stored->Key, Key);
    return New;
}

static void DeleteAll(PRTL_AVL_TABLE Table)
{
    PVOID Key = NULL;
    RECORD *R;
    while ((R = (RECORD *)RtlEnumerateGenericTableWithoutSplayingAvl(Table, &Key)) != NULL) {
        RECORD Copy = *R;
        assert_true(RtlDeleteElementGenericTableAvl(Table, &Copy));
        Key = NULL;
    }
    assert_true(RtlIsGenericTableEmptyAvl(Table));
}

/* Inserting in order is the worst case of an unbalanced tree: an AVL tree stays
 * logarithmic (7 levels for 100 keys). */
SIM_TEST(SortedInsertsStayBalanced)
{
    RTL_AVL_TABLE Table;
    RtlInitializeGenericTableAvl(&Table, Compare, Allocate, Free, NULL);
    assert_true(RtlIsGenericTableEmptyAvl(&Table));
    for (ULONG Key = 1; Key <= 100; Key++) {
        assert_true(Insert(&Table, Key));
        CheckTable(&Table);
    }
    assert_int_equal(Table.DepthOfTree, 7);
    SIM_POOL_TAG_USAGE Usage[64];
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    ULONG Nodes = 0;
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        Nodes += Usage[i].Tag == NODE_TAG ? Usage[i].Allocs - Usage[i].Frees : 0;
    }
    assert_int_equal(Nodes, 100);
    DeleteAll(&Table);
}

SIM_TEST(DuplicatesReturnTheStoredRecord)
{
    RTL_AVL_TABLE Table;
    RtlInitializeGenericTableAvl(&Table, Compare, Allocate, Free, NULL);
    assert_true(Insert(&Table, 5));
    RECORD Again = {5, 777};
    BOOLEAN New = TRUE;
    RECORD *Stored = (RECORD *)RtlInsertElementGenericTableAvl(&Table, &Again, sizeof(Again), &New);
    assert_false(New);
    assert_int_equal(Stored->Payload, 50); /* the first record stays */
    assert_int_equal(RtlNumberGenericTableElementsAvl(&Table), 1);
    DeleteAll(&Table);
}

/* A pseudo-random mix of inserts and deletes, checked after every change. */
SIM_TEST(RandomInsertsAndDeletesKeepEveryRule)
{
    RTL_AVL_TABLE Table;
    RtlInitializeGenericTableAvl(&Table, Compare, Allocate, Free, NULL);
    UCHAR Present[512] = {0};
    ULONG Seed = 12345;
    for (int Step = 0; Step < 3000; Step++) {
        Seed = Seed * 1103515245u + 12345u;
        ULONG Key = (Seed >> 8) % 512;
        RECORD Probe = {Key, 0};
        if ((Seed >> 20) % 3 != 0) {
            assert_int_equal(Insert(&Table, Key), !Present[Key]);
            Present[Key] = 1;
        } else {
            assert_int_equal(RtlDeleteElementGenericTableAvl(&Table, &Probe), Present[Key]);
            Present[Key] = 0;
        }
        if (Step % 50 == 0) {
            CheckTable(&Table);
        }
        assert_int_equal(RtlLookupElementGenericTableAvl(&Table, &Probe) != NULL, Present[Key]);
    }
    CheckTable(&Table);
    DeleteAll(&Table);
}

SIM_TEST(LookupFullAndInsertFull)
{
    RTL_AVL_TABLE Table;
    RtlInitializeGenericTableAvl(&Table, Compare, Allocate, Free, NULL);
    RECORD Probe = {20, 0};
    PVOID Where = (PVOID)1;
    TABLE_SEARCH_RESULT Result;
    assert_null(RtlLookupElementGenericTableFullAvl(&Table, &Probe, &Where, &Result));
    assert_int_equal(Result, TableEmptyTree);
    assert_non_null(RtlInsertElementGenericTableFullAvl(&Table, &Probe, sizeof(Probe), NULL, Where, Result));
    RECORD Low = {10, 0}, High = {30, 0};
    assert_null(RtlLookupElementGenericTableFullAvl(&Table, &Low, &Where, &Result));
    assert_int_equal(Result, TableInsertAsLeft);
    assert_null(RtlLookupElementGenericTableFullAvl(&Table, &High, &Where, &Result));
    assert_int_equal(Result, TableInsertAsRight);
    assert_non_null(RtlInsertElementGenericTableFullAvl(&Table, &High, sizeof(High), NULL, Where, Result));
    RECORD *Found = (RECORD *)RtlLookupElementGenericTableFullAvl(&Table, &Probe, &Where, &Result);
    assert_int_equal(Result, TableFoundNode);
    assert_ptr_equal(Found, (PRTL_BALANCED_LINKS)Where + 1); /* the record follows the links */
    PVOID Restart;
    assert_ptr_equal(RtlLookupFirstMatchingElementGenericTableAvl(&Table, &Probe, &Restart), Found);
    assert_int_equal(((RECORD *)RtlEnumerateGenericTableWithoutSplayingAvl(&Table, &Restart))->Key, 30);
    CheckTable(&Table);
    DeleteAll(&Table);
}

SIM_TEST(ElementsByIndexAndEnumeration)
{
    RTL_AVL_TABLE Table;
    RtlInitializeGenericTableAvl(&Table, Compare, Allocate, Free, NULL);
    static const ULONG Keys[] = {50, 20, 80, 10, 30, 70, 90};
    for (size_t i = 0; i < RTL_NUMBER_OF(Keys); i++) {
        Insert(&Table, Keys[i]);
    }
    static const ULONG Sorted[] = {10, 20, 30, 50, 70, 80, 90};
    for (ULONG i = 0; i < RTL_NUMBER_OF(Sorted); i++) {
        assert_int_equal(((RECORD *)RtlGetElementGenericTableAvl(&Table, i))->Key, Sorted[i]);
    }
    assert_int_equal(((RECORD *)RtlGetElementGenericTableAvl(&Table, 2))->Key, 30); /* backwards */
    assert_null(RtlGetElementGenericTableAvl(&Table, 7));
    ULONG i = 0;
    for (RECORD *R = (RECORD *)RtlEnumerateGenericTableAvl(&Table, TRUE); R != NULL;
         R = (RECORD *)RtlEnumerateGenericTableAvl(&Table, FALSE)) {
        assert_int_equal(R->Key, Sorted[i++]);
        if (R->Key == 30) {
            /* Deleting the record just returned: the enumeration goes on after it. */
            RECORD Copy = *R;
            assert_true(RtlDeleteElementGenericTableAvl(&Table, &Copy));
        }
    }
    assert_int_equal(i, RTL_NUMBER_OF(Sorted));
    assert_int_equal(Table.DeleteCount, 1);
    DeleteAll(&Table);
}

SIM_TEST(AllocateFailureInsertsNothing)
{
    RTL_AVL_TABLE Table;
    RtlInitializeGenericTableAvl(&Table, Compare, Allocate, Free, NULL);
    Insert(&Table, 1);
    FailAllocations = 1;
    RECORD Record = {2, 0};
    BOOLEAN New = TRUE;
    assert_null(RtlInsertElementGenericTableAvl(&Table, &Record, sizeof(Record), &New));
    FailAllocations = 0;
    assert_false(New);
    assert_int_equal(RtlNumberGenericTableElementsAvl(&Table), 1);
    CheckTable(&Table);
    DeleteAll(&Table);
}

int main(void)
{
    return SimRunTests("rtl AVL tables", NULL, NULL);
}
