/*
 * hostile_pool.c - issue 21 item 5: pool gives empty pages back. Once every
 * block is freed, the pool's pages are free again, whatever size the blocks
 * had: a page of small blocks whose last block goes is kept in a small
 * per-pool cache of empty pages (4 non-paged, 8 paged) and otherwise returns
 * to the PFN free list (docs/pool.md). Before, a page carved for one size
 * stayed carved for it forever: a pool filled once with 16-byte blocks
 * refused every other size after they were all freed, with SimIsClean TRUE.
 *
 *   fill the pool with blocks of size A until it says no
 *   free them all            -> free RAM = start - cache, pool pages = cache
 *   fill it again with size B -> as many pages' worth as A got
 *   one block the whole pool big (the cache is given back for it)
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define TAG_POOL 'lPoH' /* "HoPl" */

enum { PoolPages = 64 }; /* both pools, so exhaustion is quick */

typedef struct _POOL_ROW {
    const char *Name;
    POOL_FLAGS Flags;
    SIZE_T SizeA;       /* first fill */
    SIZE_T SizeB;       /* second fill, another size class (or whole pages) */
    ULONG64 CachePages; /* empty pages the pool keeps (docs/pool.md) */
} POOL_ROW;

static const POOL_ROW Rows[] = {
    {"non-paged 16 B, then 2000 B", POOL_FLAG_NON_PAGED, 16, 2000, 4},
    {"non-paged 100 B, then whole pages", POOL_FLAG_NON_PAGED, 100, PAGE_SIZE, 4},
    {"non-paged 4080 B, then 48 B", POOL_FLAG_NON_PAGED, 4080, 48, 4},
    {"paged 16 B, then 2000 B", POOL_FLAG_PAGED, 16, 2000, 8},
    {"paged 1024 B, then whole pages", POOL_FLAG_PAGED, 1024, PAGE_SIZE, 8},
};

static ULONG64 PoolPagesOf(const SIM_MEMORY_STATS *S, POOL_FLAGS Flags)
{
    return Flags == POOL_FLAG_PAGED ? S->PagedPoolPages : S->NonPagedPoolPages;
}

/* Allocates Size-byte blocks until the pool says no; returns how many. */
static ULONG Fill(POOL_FLAGS Flags, SIZE_T Size, PVOID *Va, ULONG Max)
{
    ULONG Count = SimTestFillPool(Flags, Size, TAG_POOL, Va, Max);
    assert_true(Count < Max); /* the pool ran out, not the array */
    return Count;
}

SIM_TEST(EmptyPagesGoBack)
{
    enum { Max = PoolPages * (PAGE_SIZE / 16) + 1 };
    PVOID *Va = (PVOID *)malloc(Max * sizeof(PVOID));
    assert_non_null(Va);
    for (size_t r = 0; r < sizeof(Rows) / sizeof(Rows[0]); r++) {
        const POOL_ROW *Row = &Rows[r];
        print_message("  %s\n", Row->Name);
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        Config.NonPagedPoolPages = PoolPages;
        Config.PagedPoolPages = PoolPages;
        assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
        SIM_MEMORY_STATS Start, Full, Empty;
        SimQueryMemory(&Start);

        ULONG CountA = Fill(Row->Flags, Row->SizeA, Va, Max);
        SimQueryMemory(&Full);
        ULONG64 PagesA = PoolPagesOf(&Full, Row->Flags) - PoolPagesOf(&Start, Row->Flags);
        assert_true(PagesA > Row->CachePages);
        SimTestFreePool(Va, CountA, TAG_POOL);
        assert_true(SimIsClean(NULL, 0));

        /* Everything but the cache is free RAM again. */
        SimQueryMemory(&Empty);
        assert_int_equal(PoolPagesOf(&Empty, Row->Flags),
                         PoolPagesOf(&Start, Row->Flags) + Row->CachePages);
        assert_int_equal(Empty.FreePages, Start.FreePages - Row->CachePages);
        SimAssertInvariants();

        /* Another size fills the same pages. */
        ULONG CountB = Fill(Row->Flags, Row->SizeB, Va, Max);
        SimQueryMemory(&Full);
        ULONG64 PagesB = PoolPagesOf(&Full, Row->Flags) - PoolPagesOf(&Start, Row->Flags);
        assert_int_equal(PagesB, PagesA);
        SimTestFreePool(Va, CountB, TAG_POOL);

        /* One block as big as the whole pool: the cache is given back for it. */
        PVOID All = ExAllocatePool2(Row->Flags, PoolPages * PAGE_SIZE, TAG_POOL);
        assert_non_null(All);
        ExFreePoolWithTag(All, TAG_POOL);
        SimQueryMemory(&Empty);
        assert_int_equal(Empty.FreePages, Start.FreePages);
        assert_true(SimIsClean(NULL, 0));
        SimAssertInvariants();
    }
    free(Va);
}

/* A freed block stays known (0xC2/0x07 on a second free) while its page
 * waits in the cache; once the page serves another size, an address that is
 * no block there is 0xC2/0x46, not a double free. */
SIM_TEST(FreedBlocksUntilTheirPageIsReused)
{
    PVOID First = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_POOL);
    PVOID Second = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_POOL);
    assert_non_null(First);
    assert_ptr_equal((PUCHAR)Second, (PUCHAR)First + 16);
    ExFreePoolWithTag(Second, TAG_POOL);
    ExFreePoolWithTag(First, TAG_POOL); /* the page is empty: to the cache */
    SIM_EXPECT_BUGCHECK4(0xC2, 0x07, 0, TAG_POOL, Second, ExFreePoolWithTag(Second, TAG_POOL));
    SimReset();

    First = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_POOL);
    Second = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_POOL);
    ExFreePoolWithTag(Second, TAG_POOL);
    ExFreePoolWithTag(First, TAG_POOL);
    PVOID Big = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_POOL); /* takes the cached page */
    assert_ptr_equal(Big, First);
    SIM_EXPECT_BUGCHECK4(0xC2, 0x46, Second, 0, 0, ExFreePoolWithTag(Second, TAG_POOL));
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
