/*
 * test_generic_avl.c - RTL_USE_AVL_TABLES (ntddk.h): a driver that defines it
 * before <ntddk.h> writes the generic table names and gets the AVL tables
 * (Windows Kernel Programming 2e, Chapter11/Tables: `RTL_GENERIC_TABLE
 * ProcessTable;`, RtlInitializeGenericTable, ...; survey25).
 *
 *   name the driver writes                    what it is with RTL_USE_AVL_TABLES
 *   RTL_GENERIC_TABLE, PRTL_GENERIC_TABLE     RTL_AVL_TABLE, PRTL_AVL_TABLE
 *   RTL_GENERIC_{COMPARE,ALLOCATE,FREE}_ROUTINE (and P...)   the RTL_AVL_ ones
 *   RtlInitializeGenericTable ... RtlIsGenericTableEmpty     the ...Avl routines
 *
 * Run: a table of keys through the generic names - inserts (new and existing),
 * lookups, ordered enumeration, index access, deletes - each node one pool
 * block of the driver's allocate routine; a failed allocation (injected) gives
 * NULL with the table unchanged. Compiled as C11 and C++17 by gcc and clang
 * (realworld_compile_generic_avl_*).
 */
#define RTL_USE_AVL_TABLES
#include <mmsim_cmocka.h>

#define TAG 'lvAT'

typedef struct {
    ULONG Key;
    ULONG Value;
} ENTRY;

static RTL_GENERIC_COMPARE_ROUTINE CompareEntries;
static RTL_GENERIC_ALLOCATE_ROUTINE AllocateEntry;
static RTL_GENERIC_FREE_ROUTINE FreeEntry;

static RTL_GENERIC_COMPARE_RESULTS NTAPI CompareEntries(PRTL_GENERIC_TABLE Table, PVOID First,
                                                        PVOID Second)
{
    ULONG A = ((ENTRY *)First)->Key;
    ULONG B = ((ENTRY *)Second)->Key;
    UNREFERENCED_PARAMETER(Table);
    return A < B ? GenericLessThan : A > B ? GenericGreaterThan : GenericEqual;
}

static PVOID NTAPI AllocateEntry(PRTL_GENERIC_TABLE Table, CLONG Bytes)
{
    UNREFERENCED_PARAMETER(Table);
    return ExAllocatePool2(POOL_FLAG_PAGED, Bytes, TAG);
}

static VOID NTAPI FreeEntry(PRTL_GENERIC_TABLE Table, PVOID Buffer)
{
    UNREFERENCED_PARAMETER(Table);
    ExFreePoolWithTag(Buffer, TAG);
}

/* Paged pool blocks with the driver's tag now. */
static ULONG Blocks(void)
{
    SIM_POOL_TAG_USAGE Usage[64];
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == TAG && Usage[i].Paged) {
            return (ULONG)(Usage[i].Allocs - Usage[i].Frees);
        }
    }
    return 0;
}

SIM_TEST(GenericNamesAreTheAvlTypes)
{
    /* The names are the AVL types, not look-alikes: a pointer converts without a cast. */
    RTL_AVL_TABLE Avl;
    PRTL_GENERIC_TABLE Generic = &Avl;
    PRTL_GENERIC_COMPARE_ROUTINE Compare = CompareEntries;
    PRTL_AVL_ALLOCATE_ROUTINE Allocate = AllocateEntry;
    PRTL_AVL_FREE_ROUTINE Free = FreeEntry;
    assert_int_equal(sizeof(RTL_GENERIC_TABLE), sizeof(RTL_AVL_TABLE));
    RtlInitializeGenericTable(Generic, Compare, Allocate, Free, NULL);
    assert_true(RtlIsGenericTableEmptyAvl(&Avl));
    assert_int_equal(RtlNumberGenericTableElementsAvl(&Avl), 0);
}

SIM_TEST(GenericRoutinesRunTheAvlTable)
{
    static const ULONG Keys[] = {50, 20, 80, 10, 30, 70, 90, 60, 40, 5};
    RTL_GENERIC_TABLE Table;
    RtlInitializeGenericTable(&Table, CompareEntries, AllocateEntry, FreeEntry, NULL);

    for (ULONG i = 0; i < RTL_NUMBER_OF(Keys); i++) {
        ENTRY Entry = {Keys[i], Keys[i] * 2};
        BOOLEAN New = FALSE;
        ENTRY *Stored = (ENTRY *)RtlInsertElementGenericTable(&Table, &Entry, sizeof(Entry), &New);
        assert_non_null(Stored);
        assert_true(New);
        assert_int_equal(Stored->Value, Keys[i] * 2);
    }
    assert_int_equal(RtlNumberGenericTableElements(&Table), RTL_NUMBER_OF(Keys));
    assert_int_equal(Blocks(), RTL_NUMBER_OF(Keys));
    assert_false(RtlIsGenericTableEmpty(&Table));

    /* An existing key: the stored element is returned, nothing allocated. */
    ENTRY Again = {30, 0};
    BOOLEAN New = TRUE;
    ENTRY *Found = (ENTRY *)RtlInsertElementGenericTable(&Table, &Again, sizeof(Again), &New);
    assert_false(New);
    assert_int_equal(Found->Value, 60);
    assert_int_equal(Blocks(), RTL_NUMBER_OF(Keys));

    /* Lookups: present and absent (the Full form reports where it would go). */
    ENTRY Probe = {70, 0};
    assert_int_equal(((ENTRY *)RtlLookupElementGenericTable(&Table, &Probe))->Value, 140);
    Probe.Key = 71;
    assert_null(RtlLookupElementGenericTable(&Table, &Probe));
    PVOID Node = NULL;
    TABLE_SEARCH_RESULT Result = TableEmptyTree;
    assert_null(RtlLookupElementGenericTableFull(&Table, &Probe, &Node, &Result));
    assert_true(Result == TableInsertAsLeft || Result == TableInsertAsRight);

    /* Key order by enumeration (both forms) and by index. */
    ULONG Previous = 0, Count = 0;
    for (ENTRY *E = (ENTRY *)RtlEnumerateGenericTable(&Table, TRUE); E != NULL;
         E = (ENTRY *)RtlEnumerateGenericTable(&Table, FALSE)) {
        assert_true(E->Key > Previous);
        Previous = E->Key;
        Count++;
    }
    assert_int_equal(Count, RTL_NUMBER_OF(Keys));
    PVOID Restart = NULL;
    Previous = 0;
    Count = 0;
    for (ENTRY *E = (ENTRY *)RtlEnumerateGenericTableWithoutSplaying(&Table, &Restart);
         E != NULL; E = (ENTRY *)RtlEnumerateGenericTableWithoutSplaying(&Table, &Restart)) {
        assert_true(E->Key > Previous);
        Previous = E->Key;
        Count++;
    }
    assert_int_equal(Count, RTL_NUMBER_OF(Keys));
    assert_int_equal(((ENTRY *)RtlGetElementGenericTable(&Table, 0))->Key, 5);
    assert_int_equal(((ENTRY *)RtlGetElementGenericTable(&Table, 9))->Key, 90);
    assert_null(RtlGetElementGenericTable(&Table, 10));

    /* Deletes free each node through the driver's free routine. */
    Probe.Key = 50;
    assert_true(RtlDeleteElementGenericTable(&Table, &Probe));
    assert_false(RtlDeleteElementGenericTable(&Table, &Probe));
    assert_int_equal(Blocks(), RTL_NUMBER_OF(Keys) - 1);
    ENTRY *First;
    while ((First = (ENTRY *)RtlGetElementGenericTable(&Table, 0)) != NULL) {
        assert_true(RtlDeleteElementGenericTable(&Table, First));
    }
    assert_true(RtlIsGenericTableEmpty(&Table));
    assert_int_equal(Blocks(), 0);
}

SIM_TEST(FailedAllocationLeavesTheTableUnchanged)
{
    RTL_GENERIC_TABLE Table;
    ENTRY Entry = {1, 2};
    BOOLEAN New = FALSE;
    RtlInitializeGenericTable(&Table, CompareEntries, AllocateEntry, FreeEntry, NULL);
    SimFailNthCall(SimFaultPool, 1);
    assert_null(RtlInsertElementGenericTable(&Table, &Entry, sizeof(Entry), &New));
    assert_true(RtlIsGenericTableEmpty(&Table));
    assert_int_equal(Blocks(), 0);
    assert_non_null(RtlInsertElementGenericTable(&Table, &Entry, sizeof(Entry), &New));
    assert_true(New);
    assert_true(RtlDeleteElementGenericTable(&Table, &Entry));
    assert_true(SimIsClean(NULL, 0));
}

int main(void)
{
    return SimRunTests("realworld: RTL_USE_AVL_TABLES", NULL, NULL);
}
