/*
 * test_pool.c - the pool DDIs as a specification: ExAllocatePool2,
 * ExAllocatePoolWithTag, ExFreePoolWithTag and ExFreePool, driven only through
 * the public DDIs and the Sim* API.
 *
 * Rules come from docs/ddi-contract.md: 1.15 (contract: zeroing, alignment, flags,
 * tags, IRQL), 3.5 (0xC2 BAD_POOL_CALLER parameters), 3.4 (0xC4 Verifier IRQL
 * codes) and docs/architecture.md 2 and 6 (pool carved from simulated pages; geometry is
 * a knob so exhaustion is reachable).
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define TAG_TEST 'tseT'
#define TAG_MGAT 'gaTM'

static BOOLEAN AllZero(const void *Va, SIZE_T Bytes)
{
    const volatile unsigned char *p = (const volatile unsigned char *)Va;
    for (SIZE_T i = 0; i < Bytes; i++) {
        if (p[i] != 0) {
            return FALSE;
        }
    }
    return TRUE;
}

/* ======================================================================== */
/* 1.15: ExAllocatePool2 zero-initialises unless POOL_FLAG_UNINITIALIZED.    */
/* ======================================================================== */

/* Dirty a set of blocks, free them, allocate the same sizes again: every new
 * block reads zero. The free list reuses addresses, so at least one new block
 * must land on memory that was dirty (checked, or the test proves nothing). */
SIM_TEST(Pool2ZeroInitialises)
{
    static const struct {
        POOL_FLAGS Kind;
        SIZE_T Bytes;
    } Rows[] = {
        {POOL_FLAG_NON_PAGED, 16},   {POOL_FLAG_NON_PAGED, 100},  {POOL_FLAG_NON_PAGED, 4080},
        {POOL_FLAG_NON_PAGED, 4096}, {POOL_FLAG_NON_PAGED, 9000}, {POOL_FLAG_PAGED, 48},
        {POOL_FLAG_PAGED, 4096},
    };
    enum { Blocks = 8 };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        PVOID Dirty[Blocks];
        for (int i = 0; i < Blocks; i++) {
            Dirty[i] = ExAllocatePool2(Rows[r].Kind, Rows[r].Bytes, TAG_TEST);
            assert_non_null(Dirty[i]);
            assert_true(AllZero(Dirty[i], Rows[r].Bytes));
            memset(Dirty[i], 0xCC, Rows[r].Bytes);
        }
        for (int i = 0; i < Blocks; i++) {
            ExFreePoolWithTag(Dirty[i], TAG_TEST);
        }
        int Reused = 0;
        PVOID Again[Blocks];
        for (int i = 0; i < Blocks; i++) {
            Again[i] = ExAllocatePool2(Rows[r].Kind, Rows[r].Bytes, TAG_TEST);
            assert_non_null(Again[i]);
            if (!AllZero(Again[i], Rows[r].Bytes)) {
                print_error("row %zu: %zu-byte block %p is not zero\n", r, (size_t)Rows[r].Bytes,
                            Again[i]);
                fail();
            }
            for (int k = 0; k < Blocks; k++) {
                Reused += Again[i] == Dirty[k];
            }
        }
        assert_true(Reused > 0);
        for (int i = 0; i < Blocks; i++) {
            ExFreePoolWithTag(Again[i], TAG_TEST);
        }
    }
    SimAssertInvariants();
}

/* POOL_FLAG_UNINITIALIZED does not promise zero. mmsim (strict mode) fills
 * such sub-page blocks with a non-zero pattern so that code forgetting to
 * initialise fails visibly: reusing a dirtied block does not read zero. */
SIM_TEST(Pool2UninitializedIsNotZeroed)
{
    static const SIZE_T Sizes[] = {16, 100, 1000, 4080};
    for (size_t r = 0; r < ARRAY_COUNT(Sizes); r++) {
        PVOID A = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, Sizes[r],
                                  TAG_TEST);
        assert_non_null(A);
        memset(A, 0x11, Sizes[r]);
        ExFreePoolWithTag(A, TAG_TEST);
        PVOID B = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, Sizes[r],
                                  TAG_TEST);
        assert_non_null(B);
        assert_false(AllZero(B, Sizes[r]));
        /* ... while the same size without the flag is zero again. */
        ExFreePoolWithTag(B, TAG_TEST);
        PVOID C = ExAllocatePool2(POOL_FLAG_NON_PAGED, Sizes[r], TAG_TEST);
        assert_non_null(C);
        assert_true(AllZero(C, Sizes[r]));
        ExFreePoolWithTag(C, TAG_TEST);
    }
    SimAssertInvariants();
}

/* ======================================================================== */
/* 1.15: alignment. Below a page: 16-byte aligned (x64) and within one page. */
/* A page or more: page aligned. POOL_FLAG_CACHE_ALIGNED: cache-line (64).  */
/* ======================================================================== */
SIM_TEST(Pool2Alignment)
{
    static const struct {
        SIZE_T Bytes;
        POOL_FLAGS Extra;
        ULONG_PTR Align;     /* required alignment of the address */
        BOOLEAN InOnePage;   /* block must not cross a page boundary */
    } Rows[] = {
        {1, 0, 16, TRUE},      {15, 0, 16, TRUE},     {16, 0, 16, TRUE},
        {17, 0, 16, TRUE},     {100, 0, 16, TRUE},    {4080, 0, 16, TRUE},
        {4081, 0, PAGE_SIZE, FALSE}, {4096, 0, PAGE_SIZE, FALSE}, {10000, 0, PAGE_SIZE, FALSE},
        {1, POOL_FLAG_CACHE_ALIGNED, 64, TRUE},   {17, POOL_FLAG_CACHE_ALIGNED, 64, TRUE},
        {64, POOL_FLAG_CACHE_ALIGNED, 64, TRUE},  {65, POOL_FLAG_CACHE_ALIGNED, 64, TRUE},
        {100, POOL_FLAG_CACHE_ALIGNED, 64, TRUE}, {1000, POOL_FLAG_CACHE_ALIGNED, 64, TRUE},
        {4000, POOL_FLAG_CACHE_ALIGNED, 64, TRUE}, {5000, POOL_FLAG_CACHE_ALIGNED, 64, FALSE},
    };
    static const POOL_FLAGS Kinds[] = {POOL_FLAG_NON_PAGED, POOL_FLAG_PAGED};
    /* Enough blocks of each size to fill more than one page, so packing at
     * a page's end is exercised. */
    enum { Blocks = 40 };
    for (size_t k = 0; k < ARRAY_COUNT(Kinds); k++) {
        for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
            PVOID Va[Blocks];
            for (int i = 0; i < Blocks; i++) {
                Va[i] = ExAllocatePool2(Kinds[k] | Rows[r].Extra, Rows[r].Bytes, TAG_TEST);
                assert_non_null(Va[i]);
                ULONG_PTR A = (ULONG_PTR)Va[i];
                if (A % Rows[r].Align != 0 ||
                    (Rows[r].InOnePage && BYTE_OFFSET(A) + Rows[r].Bytes > PAGE_SIZE)) {
                    print_error("%s %zu bytes (flags 0x%llx): block %p breaks the rule "
                                "(align %zu%s)\n",
                                k ? "paged" : "non-paged", (size_t)Rows[r].Bytes,
                                (unsigned long long)Rows[r].Extra, Va[i], (size_t)Rows[r].Align,
                                Rows[r].InOnePage ? ", within one page" : "");
                    fail();
                }
                /* The whole block is usable. */
                memset(Va[i], 0x5A, Rows[r].Bytes);
            }
            /* Blocks never overlap. */
            for (int i = 0; i < Blocks; i++) {
                for (int j = i + 1; j < Blocks; j++) {
                    ULONG_PTR a = (ULONG_PTR)Va[i], b = (ULONG_PTR)Va[j];
                    assert_true(a + Rows[r].Bytes <= b || b + Rows[r].Bytes <= a);
                }
            }
            for (int i = 0; i < Blocks; i++) {
                ExFreePoolWithTag(Va[i], TAG_TEST);
            }
        }
    }
    SimAssertInvariants();
}

/* ======================================================================== */
/* 1.15: ExAllocatePool2 flag validation. Exactly one pool kind; required    */
/* flags (low 32 bits) must be understood and satisfiable; optional flags   */
/* (high 32 bits) are ignored; Tag 0 fails. Failures return NULL.           */
/* ======================================================================== */
SIM_TEST(Pool2FlagValidation)
{
    static const struct {
        const char *Name;
        POOL_FLAGS Flags;
        SIZE_T Bytes;
        ULONG Tag;
        BOOLEAN Succeeds;
        SIM_SPACE_REGION Region; /* where a successful block lives */
    } Rows[] = {
        /* Exactly one pool kind. */
        {"no pool kind", 0, 64, TAG_TEST, FALSE, SimRegionNone},
        {"only UNINITIALIZED", POOL_FLAG_UNINITIALIZED, 64, TAG_TEST, FALSE, SimRegionNone},
        {"NON_PAGED|PAGED", POOL_FLAG_NON_PAGED | POOL_FLAG_PAGED, 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"NON_PAGED|NON_PAGED_EXECUTE", POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE, 64,
         TAG_TEST, FALSE, SimRegionNone},
        {"PAGED|NON_PAGED_EXECUTE", POOL_FLAG_PAGED | POOL_FLAG_NON_PAGED_EXECUTE, 64, TAG_TEST,
         FALSE, SimRegionNone},
        /* Required flags that cannot be satisfied or are not understood. */
        {"NON_PAGED|SESSION", POOL_FLAG_NON_PAGED | POOL_FLAG_SESSION, 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"PAGED|SESSION", POOL_FLAG_PAGED | POOL_FLAG_SESSION, 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"RESERVED1", POOL_FLAG_NON_PAGED | POOL_FLAG_RESERVED1, 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"RESERVED2", POOL_FLAG_NON_PAGED | POOL_FLAG_RESERVED2, 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"RESERVED3", POOL_FLAG_NON_PAGED | POOL_FLAG_RESERVED3, 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"unknown required bit 20", POOL_FLAG_NON_PAGED | (1ull << 20), 64, TAG_TEST, FALSE,
         SimRegionNone},
        {"REQUIRED_END bit 31", POOL_FLAG_PAGED | POOL_FLAG_REQUIRED_END, 64, TAG_TEST, FALSE,
         SimRegionNone},
        /* Unknown optional flags are ignored. */
        {"unknown optional bit 40", POOL_FLAG_NON_PAGED | (1ull << 40), 64, TAG_TEST, TRUE,
         SimRegionNonPagedPool},
        {"OPTIONAL_START (special pool)", POOL_FLAG_PAGED | POOL_FLAG_OPTIONAL_START, 64,
         TAG_TEST, TRUE, SimRegionPagedPool},
        {"OPTIONAL_END bit 63", POOL_FLAG_NON_PAGED | POOL_FLAG_OPTIONAL_END, 64, TAG_TEST, TRUE,
         SimRegionNonPagedPool},
        /* Tag 0 fails (without a bug check for ExAllocatePool2). */
        {"tag 0 non-paged", POOL_FLAG_NON_PAGED, 64, 0, FALSE, SimRegionNone},
        {"tag 0 paged", POOL_FLAG_PAGED, 64, 0, FALSE, SimRegionNone},
        /* Insufficient resources. */
        {"1 TiB", POOL_FLAG_NON_PAGED, (SIZE_T)1 << 40, TAG_TEST, FALSE, SimRegionNone},
        {"1 TiB paged", POOL_FLAG_PAGED, (SIZE_T)1 << 40, TAG_TEST, FALSE, SimRegionNone},
        /* Valid requests, each in the pool its kind names. */
        {"NON_PAGED", POOL_FLAG_NON_PAGED, 64, TAG_TEST, TRUE, SimRegionNonPagedPool},
        {"NON_PAGED_EXECUTE", POOL_FLAG_NON_PAGED_EXECUTE, 64, TAG_TEST, TRUE,
         SimRegionNonPagedPool},
        {"PAGED", POOL_FLAG_PAGED, 64, TAG_TEST, TRUE, SimRegionPagedPool},
        {"PAGED whole pages", POOL_FLAG_PAGED, 3 * PAGE_SIZE, TAG_TEST, TRUE, SimRegionPagedPool},
        {"USE_QUOTA", POOL_FLAG_NON_PAGED | POOL_FLAG_USE_QUOTA, 64, TAG_TEST, TRUE,
         SimRegionNonPagedPool},
        {"UNINITIALIZED", POOL_FLAG_PAGED | POOL_FLAG_UNINITIALIZED, 64, TAG_TEST, TRUE,
         SimRegionPagedPool},
        {"CACHE_ALIGNED", POOL_FLAG_NON_PAGED | POOL_FLAG_CACHE_ALIGNED, 64, TAG_TEST, TRUE,
         SimRegionNonPagedPool},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        PVOID Va = ExAllocatePool2(Rows[r].Flags, Rows[r].Bytes, Rows[r].Tag);
        if ((Va != NULL) != Rows[r].Succeeds) {
            print_error("%s: expected %s, got %p\n", Rows[r].Name,
                        Rows[r].Succeeds ? "a block" : "NULL", Va);
            fail();
        }
        assert_false(SimIsStopped(NULL));
        if (Va != NULL) {
            ULONG64 Pte;
            SIM_SPACE_REGION Region;
            assert_true(SimQueryPte(Va, &Pte, &Region));
            if (Region != Rows[r].Region) {
                print_error("%s: block in region %d, expected %d\n", Rows[r].Name, (int)Region,
                            (int)Rows[r].Region);
                fail();
            }
            ExFreePoolWithTag(Va, Rows[r].Tag);
        }
    }
    /* A refused request leaves nothing behind. */
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.PoolBlocks, 0);
    SimAssertInvariants();
}

/* 1.15: with POOL_FLAG_RAISE_ON_FAILURE every failure raises an exception
 * (STATUS_INSUFFICIENT_RESOURCES) instead of returning NULL; success is
 * unaffected. */
SIM_TEST(Pool2RaiseOnFailure)
{
    static const struct {
        const char *Name;
        POOL_FLAGS Flags;
        SIZE_T Bytes;
        ULONG Tag;
        NTSTATUS Expect;
    } Rows[] = {
        {"tag 0", POOL_FLAG_NON_PAGED, 64, 0, STATUS_INSUFFICIENT_RESOURCES},
        {"1 TiB non-paged", POOL_FLAG_NON_PAGED, (SIZE_T)1 << 40, TAG_TEST,
         STATUS_INSUFFICIENT_RESOURCES},
        {"1 TiB paged", POOL_FLAG_PAGED, (SIZE_T)1 << 40, TAG_TEST,
         STATUS_INSUFFICIENT_RESOURCES},
        {"SESSION", POOL_FLAG_NON_PAGED | POOL_FLAG_SESSION, 64, TAG_TEST,
         STATUS_INSUFFICIENT_RESOURCES},
        {"no pool kind", 0, 64, TAG_TEST, STATUS_INSUFFICIENT_RESOURCES},
        {"valid request", POOL_FLAG_NON_PAGED, 64, TAG_TEST, STATUS_SUCCESS},
        {"valid paged request", POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST, STATUS_SUCCESS},
    };
    for (size_t volatile r = 0; r < ARRAY_COUNT(Rows); r++) {
        PVOID volatile Va = NULL;
        NTSTATUS Status;
        SIM_TRY_STATUS(&Status, Va = ExAllocatePool2(Rows[r].Flags | POOL_FLAG_RAISE_ON_FAILURE,
                                                     Rows[r].Bytes, Rows[r].Tag));
        if (Status != Rows[r].Expect) {
            print_error("%s: status 0x%08X, expected 0x%08X\n", Rows[r].Name, (unsigned)Status,
                        (unsigned)Rows[r].Expect);
            fail();
        }
        assert_false(SimIsStopped(NULL));
        if (Status == STATUS_SUCCESS) {
            assert_non_null(Va);
            ExFreePoolWithTag(Va, Rows[r].Tag);
        }
    }
    /* The machine still works after the raised failures. */
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    assert_non_null(Va);
    ExFreePool(Va);
    SimAssertInvariants();
}

/* ======================================================================== */
/* 3.5: 0xC2 BAD_POOL_CALLER, exact parameters. Each row provokes one stop;  */
/* the provoker stores the expected parameters first (they may name an      */
/* address it just allocated).                                              */
/* ======================================================================== */
static void *HostBlock; /* malloc'd by a provoker, freed by the test */

static PVOID NonPaged(SIZE_T Bytes, ULONG Tag)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, Tag);
    assert_non_null(Va);
    return Va;
}

static void SetWant(SIM_CASE_RUN *Run, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4)
{
    Run->Want[0] = P1;
    Run->Want[1] = P2;
    Run->Want[2] = P3;
    Run->Want[3] = P4;
}

/* 0x00: zero-byte allocation (0, pool type, tag). */
static void ZeroBytesPool2NonPaged(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x00, 0, NonPagedPool, TAG_TEST);
    (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 0, TAG_TEST);
}
static void ZeroBytesPool2Paged(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x00, 0, PagedPool, TAG_MGAT);
    (void)ExAllocatePool2(POOL_FLAG_PAGED, 0, TAG_MGAT);
}
static void ZeroBytesWithTag(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x00, 0, NonPagedPool, TAG_TEST);
    (void)ExAllocatePoolWithTag(NonPagedPool, 0, TAG_TEST);
}
/* 0x9B: ExAllocatePoolWithTag with tag 0 (pool type, bytes, caller). */
static void TagZeroWithTagPaged(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9B, PagedPool, 100, SIM_ANY);
    (void)ExAllocatePoolWithTag(PagedPool, 100, 0);
}
static void TagZeroWithTagNx(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9B, NonPagedPoolNx, 4096, SIM_ANY);
    (void)ExAllocatePoolWithTag(NonPagedPoolNx, 4096, 0);
}
/* 0x07: freeing pool already freed (reserved, header, block address). */
static void DoubleFreeSmall(SIM_CASE_RUN *Run)
{
    PVOID Va = NonPaged(64, TAG_TEST);
    ExFreePoolWithTag(Va, TAG_TEST);
    SetWant(Run, 0x07, SIM_ANY, SIM_ANY, (ULONG_PTR)Va);
    ExFreePoolWithTag(Va, TAG_TEST);
}
static void DoubleFreeWholePages(SIM_CASE_RUN *Run)
{
    PVOID Va = NonPaged(3 * PAGE_SIZE, TAG_TEST);
    ExFreePoolWithTag(Va, TAG_TEST);
    SetWant(Run, 0x07, SIM_ANY, SIM_ANY, (ULONG_PTR)Va);
    ExFreePoolWithTag(Va, TAG_TEST);
}
static void DoubleFreeExFreePool(SIM_CASE_RUN *Run)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_PAGED, 200, TAG_TEST);
    assert_non_null(Va);
    ExFreePool(Va);
    SetWant(Run, 0x07, SIM_ANY, SIM_ANY, (ULONG_PTR)Va);
    ExFreePool(Va);
}
/* 0x0A: freeing with the wrong tag (address, allocation tag, tag used). */
static void WrongTagSmall(SIM_CASE_RUN *Run)
{
    PVOID Va = NonPaged(64, TAG_TEST);
    SetWant(Run, 0x0A, (ULONG_PTR)Va, TAG_TEST, TAG_MGAT);
    ExFreePoolWithTag(Va, TAG_MGAT);
}
static void WrongTagPages(SIM_CASE_RUN *Run)
{
    PVOID Va = NonPaged(2 * PAGE_SIZE, TAG_MGAT);
    SetWant(Run, 0x0A, (ULONG_PTR)Va, TAG_MGAT, TAG_TEST);
    ExFreePoolWithTag(Va, TAG_TEST);
}
static void WrongTagOneBit(SIM_CASE_RUN *Run)
{
    /* Tags are compared exactly: bit 0 matters too. */
    PVOID Va = NonPaged(32, TAG_TEST);
    SetWant(Run, 0x0A, (ULONG_PTR)Va, TAG_TEST, TAG_TEST ^ 1);
    ExFreePoolWithTag(Va, TAG_TEST ^ 1);
}
/* 0x46: freeing an invalid pool address (address, 0, 0). */
static void InteriorSmall(SIM_CASE_RUN *Run)
{
    char *Va = (char *)NonPaged(64, TAG_TEST);
    SetWant(Run, 0x46, (ULONG_PTR)(Va + 16), 0, 0);
    ExFreePoolWithTag(Va + 16, TAG_TEST);
}
static void InteriorWholePage(SIM_CASE_RUN *Run)
{
    char *Va = (char *)NonPaged(PAGE_SIZE, TAG_TEST);
    SetWant(Run, 0x46, (ULONG_PTR)(Va + 16), 0, 0);
    ExFreePool(Va + 16);
}
static void InteriorSecondPage(SIM_CASE_RUN *Run)
{
    char *Va = (char *)NonPaged(2 * PAGE_SIZE, TAG_TEST);
    SetWant(Run, 0x46, (ULONG_PTR)(Va + PAGE_SIZE), 0, 0);
    ExFreePoolWithTag(Va + PAGE_SIZE, TAG_TEST);
}
static void InteriorPaged(SIM_CASE_RUN *Run)
{
    char *Va = (char *)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_TEST);
    assert_non_null(Va);
    SetWant(Run, 0x46, (ULONG_PTR)(Va + 16), 0, 0);
    ExFreePoolWithTag(Va + 16, TAG_TEST);
}
/* 0x42: freeing a VA never in any pool (address, 0, 0). */
static void HostHeapAddress(SIM_CASE_RUN *Run)
{
    HostBlock = malloc(64);
    assert_non_null(HostBlock);
    SetWant(Run, 0x42, (ULONG_PTR)HostBlock, 0, 0);
    ExFreePool(HostBlock);
}
static void HostStackAddress(SIM_CASE_RUN *Run)
{
    char Local[64];
    memset(Local, 0, sizeof(Local));
    SetWant(Run, 0x42, (ULONG_PTR)Local, 0, 0);
    ExFreePoolWithTag(Local, TAG_TEST);
}
/* 0x9A: MUST_SUCCEED pool requested (pool type, bytes, tag). */
static void MustSucceed(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9A, NonPagedPoolMustSucceed, 100, TAG_TEST);
    (void)ExAllocatePoolWithTag(NonPagedPoolMustSucceed, 100, TAG_TEST);
}
static void MustSucceedCacheAligned(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9A, NonPagedPoolCacheAlignedMustS, 8, TAG_MGAT);
    (void)ExAllocatePoolWithTag(NonPagedPoolCacheAlignedMustS, 8, TAG_MGAT);
}
/* 0x9D: tag without letters or digits (tag, pool type, caller). */
static void TagSpacesWithTag(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9D, 0x20202020, NonPagedPool, SIM_ANY);
    (void)ExAllocatePoolWithTag(NonPagedPool, 100, 0x20202020);
}
static void TagSpacesPool2Paged(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9D, 0x20202020, PagedPool, SIM_ANY);
    (void)ExAllocatePool2(POOL_FLAG_PAGED, 100, 0x20202020);
}
static void TagPunctuation(SIM_CASE_RUN *Run)
{
    SetWant(Run, 0x9D, 0x2D2B2A21 /* "!*+-" */, PagedPool, SIM_ANY);
    (void)ExAllocatePoolWithTag(PagedPool, 100, 0x2D2B2A21);
}

/* Each row: the provoker stops the machine with 0xC2 and the parameters it
 * stored (SIM_RUN_CASES, mmsim_cmocka.h). */
#define STOPS_C2 SIM_BUGCHECKS(0xC2, SIM_ANY, SIM_ANY, SIM_ANY, SIM_ANY)

SIM_TEST(BadPoolCallerParameters)
{
    static const SIM_CASE Rows[] = {
        {"3.5 0x00 ExAllocatePool2 non-paged 0 bytes", ZeroBytesPool2NonPaged, STOPS_C2, NULL},
        {"3.5 0x00 ExAllocatePool2 paged 0 bytes", ZeroBytesPool2Paged, STOPS_C2, NULL},
        {"3.5 0x00 ExAllocatePoolWithTag 0 bytes", ZeroBytesWithTag, STOPS_C2, NULL},
        {"3.5 0x9B ExAllocatePoolWithTag PagedPool tag 0", TagZeroWithTagPaged, STOPS_C2, NULL},
        {"3.5 0x9B ExAllocatePoolWithTag NonPagedPoolNx tag 0", TagZeroWithTagNx, STOPS_C2, NULL},
        {"3.5 0x07 double free (small block)", DoubleFreeSmall, STOPS_C2, NULL},
        {"3.5 0x07 double free (whole pages)", DoubleFreeWholePages, STOPS_C2, NULL},
        {"3.5 0x07 double free (ExFreePool, paged)", DoubleFreeExFreePool, STOPS_C2, NULL},
        {"3.5 0x0A wrong tag (small block)", WrongTagSmall, STOPS_C2, NULL},
        {"3.5 0x0A wrong tag (whole pages)", WrongTagPages, STOPS_C2, NULL},
        {"3.5 0x0A wrong tag (differs in bit 0)", WrongTagOneBit, STOPS_C2, NULL},
        {"3.5 0x46 free of block+16 (64-byte block)", InteriorSmall, STOPS_C2, NULL},
        {"3.5 0x46 free of block+16 (whole page)", InteriorWholePage, STOPS_C2, NULL},
        {"3.5 0x46 free of the second page of a block", InteriorSecondPage, STOPS_C2, NULL},
        {"3.5 0x46 free of block+16 (paged)", InteriorPaged, STOPS_C2, NULL},
        {"3.5 0x42 free of a host heap address", HostHeapAddress, STOPS_C2, NULL},
        {"3.5 0x42 free of a host stack address", HostStackAddress, STOPS_C2, NULL},
        {"3.5 0x9A NonPagedPoolMustSucceed", MustSucceed, STOPS_C2, NULL},
        {"3.5 0x9A NonPagedPoolCacheAlignedMustS", MustSucceedCacheAligned, STOPS_C2, NULL},
        {"3.5 0x9D tag 0x20202020 (ExAllocatePoolWithTag)", TagSpacesWithTag, STOPS_C2, NULL},
        {"3.5 0x9D tag 0x20202020 (ExAllocatePool2 paged)", TagSpacesPool2Paged, STOPS_C2, NULL},
        {"3.5 0x9D tag of punctuation only", TagPunctuation, STOPS_C2, NULL},
    };
    SIM_RUN_CASES(Rows);
    free(HostBlock);
    HostBlock = NULL;
}

/* After a caught stop every DDI is refused until SimReset (docs/architecture.md 4). */
SIM_TEST(StoppedMachineRefusesPool)
{
    SIM_EXPECT_BUGCHECK(0xC2, 0x00, (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 0, TAG_TEST));
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST));
    assert_true(Got.Caught);
    assert_true(Got.Refused);
    assert_string_equal(Got.Ddi, "ExAllocatePool2");
    SimReset();
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    assert_non_null(Va);
    ExFreePoolWithTag(Va, TAG_TEST);
    SimAssertInvariants();
}

/* ======================================================================== */
/* 1.15 / 3.4: IRQL. Allocation <= DISPATCH_LEVEL, paged only <= APC_LEVEL;  */
/* free of paged pool <= APC_LEVEL, of non-paged <= DISPATCH_LEVEL. Strict   */
/* mode (the default) reports violations with Verifier's 0xC4 codes.        */
/* ======================================================================== */

/* These tests pin the mode: a machine built with Strict as given (the
 * default is strict, whatever MMSIM_STRICT says for the rest of the suite). */
static void UseStrict(BOOLEAN Strict)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Strict = Strict;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

SIM_TEST_F(PagedAllocationAtDispatch, SimTestSetup, SimTestTeardownDefault)
{
    UseStrict(TRUE);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    /* 0xC4/0x01: (IRQL, pool type, bytes). IRQL stays raised until the
     * teardown's reset. */
    SIM_EXPECT_BUGCHECK4(0xC4, 0x01, DISPATCH_LEVEL, PagedPool, 100,
                         (void)ExAllocatePool2(POOL_FLAG_PAGED, 100, TAG_TEST));
}

SIM_TEST_F(PagedWithTagAllocationAtDispatch, SimTestSetup, SimTestTeardownDefault)
{
    UseStrict(TRUE);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x01, DISPATCH_LEVEL, PagedPool, 5000, {
        KIRQL Old;
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        (void)ExAllocatePoolWithTag(PagedPool, 5000, TAG_TEST);
    });
}

/* 0xC4/0x02: non-paged allocation above DISPATCH_LEVEL. */
SIM_TEST_F(NonPagedAllocationAboveDispatch, SimTestSetup, SimTestTeardownDefault)
{
    UseStrict(TRUE);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x02, CLOCK_LEVEL, NonPagedPool, 64, {
        KIRQL Old;
        KeRaiseIrql(CLOCK_LEVEL, &Old);
        (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_TEST);
    });
}

/* The allowed side of the same rules: paged pool at APC_LEVEL, non-paged pool
 * at DISPATCH_LEVEL, allocation and free. */
SIM_TEST(AllowedIrqls)
{
    static const struct {
        KIRQL Irql;
        POOL_FLAGS Kind;
        SIZE_T Bytes;
    } Rows[] = {
        {PASSIVE_LEVEL, POOL_FLAG_PAGED, 100},
        {APC_LEVEL, POOL_FLAG_PAGED, 100},
        {APC_LEVEL, POOL_FLAG_PAGED, 8192},
        {DISPATCH_LEVEL, POOL_FLAG_NON_PAGED, 100},
        {DISPATCH_LEVEL, POOL_FLAG_NON_PAGED, 8192},
        {DISPATCH_LEVEL, POOL_FLAG_NON_PAGED_EXECUTE, 16},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        KIRQL Old;
        KeRaiseIrql(Rows[r].Irql, &Old);
        PVOID Va = ExAllocatePool2(Rows[r].Kind, Rows[r].Bytes, TAG_TEST);
        assert_non_null(Va);
        memset(Va, 1, Rows[r].Bytes);
        ExFreePoolWithTag(Va, TAG_TEST);
        KeLowerIrql(Old);
        assert_false(SimIsStopped(NULL));
    }
    /* ExAllocatePoolWithTag at DISPATCH_LEVEL with a non-paged type. */
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PVOID Va = ExAllocatePoolWithTag(NonPagedPoolNx, 300, TAG_TEST);
    assert_non_null(Va);
    ExFreePool(Va);
    KeLowerIrql(Old);
    SimAssertInvariants();
}

/* 0xC4/0x11: freeing paged pool at DISPATCH_LEVEL (IRQL, pool type, address). */
SIM_TEST_F(PagedFreeAtDispatch, SimTestSetup, SimTestTeardownDefault)
{
    UseStrict(TRUE);
    PVOID Va = ExAllocatePool2(POOL_FLAG_PAGED, 100, TAG_TEST);
    assert_non_null(Va);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x11, DISPATCH_LEVEL, PagedPool, (ULONG_PTR)Va, {
        KIRQL Old;
        KeRaiseIrql(DISPATCH_LEVEL, &Old);
        ExFreePoolWithTag(Va, TAG_TEST);
    });
}

/* 0xC4/0x12: freeing non-paged pool above DISPATCH_LEVEL. */
SIM_TEST_F(NonPagedFreeAboveDispatch, SimTestSetup, SimTestTeardownDefault)
{
    UseStrict(TRUE);
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Va);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x12, HIGH_LEVEL, NonPagedPool, (ULONG_PTR)Va, {
        KIRQL Old;
        KeRaiseIrql(HIGH_LEVEL, &Old);
        ExFreePool(Va);
    });
}

/* Without Verifier (Strict FALSE) the same violations are 0xC2 BAD_POOL_CALLER
 * 0x08 (allocation: IRQL, pool type, size) and 0x09 (free: IRQL, pool type,
 * address), ddi-contract 3.5. */
static PVOID NonStrictBlock;
static void NonStrictPagedAlloc(SIM_CASE_RUN *Run)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SetWant(Run, 0x08, DISPATCH_LEVEL, PagedPool, 300);
    (void)ExAllocatePool2(POOL_FLAG_PAGED, 300, TAG_TEST);
}
static void NonStrictNonPagedAlloc(SIM_CASE_RUN *Run)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SetWant(Run, 0x08, HIGH_LEVEL, NonPagedPool, 16);
    (void)ExAllocatePoolWithTag(NonPagedPoolNx, 16, TAG_TEST);
}
static void NonStrictPagedFree(SIM_CASE_RUN *Run)
{
    NonStrictBlock = ExAllocatePool2(POOL_FLAG_PAGED, 300, TAG_TEST);
    assert_non_null(NonStrictBlock);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SetWant(Run, 0x09, DISPATCH_LEVEL, PagedPool, (ULONG_PTR)NonStrictBlock);
    ExFreePoolWithTag(NonStrictBlock, TAG_TEST);
}
static void NonStrictNonPagedFree(SIM_CASE_RUN *Run)
{
    NonStrictBlock = ExAllocatePool2(POOL_FLAG_NON_PAGED, 300, TAG_TEST);
    assert_non_null(NonStrictBlock);
    KIRQL Old;
    KeRaiseIrql(CLOCK_LEVEL, &Old);
    SetWant(Run, 0x09, CLOCK_LEVEL, NonPagedPool, (ULONG_PTR)NonStrictBlock);
    ExFreePool(NonStrictBlock);
}

SIM_TEST_F(NonStrictIrqlCodes, SimTestSetup, SimTestTeardownDefault)
{
    static const SIM_CASE Rows[] = {
        {"3.5 0x08 paged allocation at DISPATCH_LEVEL", NonStrictPagedAlloc, STOPS_C2, NULL},
        {"3.5 0x08 non-paged allocation at HIGH_LEVEL", NonStrictNonPagedAlloc, STOPS_C2, NULL},
        {"3.5 0x09 paged free at DISPATCH_LEVEL", NonStrictPagedFree, STOPS_C2, NULL},
        {"3.5 0x09 non-paged free at CLOCK_LEVEL", NonStrictNonPagedFree, STOPS_C2, NULL},
    };
    UseStrict(FALSE);
    SIM_RUN_CASES(Rows);
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    assert_false(Config.Strict); /* SimReset keeps the configuration */
}

/* ======================================================================== */
/* 1.15: ExFreePool frees a block of any tag; ExFreePoolWithTag(P, 0) does   */
/* not check the tag either. Both really free (usage counts the free).      */
/* ======================================================================== */
static const SIM_POOL_TAG_USAGE *FindUsage(const SIM_POOL_TAG_USAGE *Entries, ULONG Count,
                                           ULONG Tag, BOOLEAN Paged)
{
    for (ULONG i = 0; i < Count; i++) {
        if (Entries[i].Tag == Tag && Entries[i].Paged == Paged) {
            return &Entries[i];
        }
    }
    return NULL;
}

SIM_TEST(FreeWithoutTagCheck)
{
    static const SIZE_T Sizes[] = {16, 4096, 3 * PAGE_SIZE + 1};
    for (size_t r = 0; r < ARRAY_COUNT(Sizes); r++) {
        PVOID A = ExAllocatePool2(POOL_FLAG_NON_PAGED, Sizes[r], TAG_TEST);
        PVOID B = ExAllocatePool2(POOL_FLAG_PAGED, Sizes[r], TAG_MGAT);
        assert_non_null(A);
        assert_non_null(B);
        ExFreePool(A);
        ExFreePoolWithTag(B, 0);
        assert_false(SimIsStopped(NULL));
    }
    SIM_POOL_TAG_USAGE Usage[8];
    ULONG Count = SimQueryPoolUsage(Usage, ARRAY_COUNT(Usage));
    const SIM_POOL_TAG_USAGE *T = FindUsage(Usage, Count, TAG_TEST, FALSE);
    const SIM_POOL_TAG_USAGE *M = FindUsage(Usage, Count, TAG_MGAT, TRUE);
    assert_non_null(T);
    assert_non_null(M);
    assert_int_equal(T->Allocs, 3);
    assert_int_equal(T->Frees, 3);
    assert_int_equal(T->Bytes, 0);
    assert_int_equal(M->Allocs, 3);
    assert_int_equal(M->Frees, 3);
    assert_int_equal(M->Bytes, 0);
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.PoolBlocks, 0);
    SimAssertInvariants();
}

/* ======================================================================== */
/* docs/architecture.md 2/6: every block records tag, size and caller; usage per tag */
/* and pool kind, as poolmon shows it.                                      */
/* ======================================================================== */
SIM_TEST(PoolmonStyleQuery)
{
    PVOID T1 = ExAllocatePool2(POOL_FLAG_NON_PAGED, 10, TAG_TEST);
    PVOID T2 = ExAllocatePool2(POOL_FLAG_NON_PAGED, 100, TAG_TEST);
    PVOID T3 = ExAllocatePoolWithTag(NonPagedPoolNx, 5000, TAG_TEST);
    PVOID M1 = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_MGAT);
    assert_non_null(T1);
    assert_non_null(T2);
    assert_non_null(T3);
    assert_non_null(M1);

    SIM_POOL_TAG_USAGE Usage[8];
    ULONG Count = SimQueryPoolUsage(Usage, ARRAY_COUNT(Usage));
    assert_int_equal(Count, 2);
    assert_int_equal(SimQueryPoolUsage(NULL, 0), 2); /* a count-only query */
    const SIM_POOL_TAG_USAGE *T = FindUsage(Usage, Count, TAG_TEST, FALSE);
    const SIM_POOL_TAG_USAGE *M = FindUsage(Usage, Count, TAG_MGAT, TRUE);
    assert_non_null(T);
    assert_non_null(M);
    assert_int_equal(T->Allocs, 3);
    assert_int_equal(T->Frees, 0);
    assert_int_equal(T->Bytes, 10 + 100 + 5000);
    assert_int_equal(M->Allocs, 1);
    assert_int_equal(M->Frees, 0);
    assert_int_equal(M->Bytes, 64);
    assert_null(FindUsage(Usage, Count, TAG_TEST, TRUE));
    assert_null(FindUsage(Usage, Count, TAG_MGAT, FALSE));

    /* The live blocks, each exactly once, with size, tag, kind and caller. */
    static const struct {
        SIZE_T Size;
        ULONG Tag;
        BOOLEAN Paged;
    } Expect[] = {{10, TAG_TEST, FALSE}, {100, TAG_TEST, FALSE}, {5000, TAG_TEST, FALSE},
                  {64, TAG_MGAT, TRUE}};
    PVOID Mine[] = {T1, T2, T3, M1};
    SIM_POOL_BLOCK_INFO Blocks[8];
    ULONG N = SimEnumPoolBlocks(Blocks, ARRAY_COUNT(Blocks));
    assert_int_equal(N, 4);
    assert_int_equal(SimEnumPoolBlocks(NULL, 0), 4);
    for (size_t i = 0; i < ARRAY_COUNT(Mine); i++) {
        int Seen = 0;
        for (ULONG b = 0; b < N; b++) {
            if (Blocks[b].Va != Mine[i]) {
                continue;
            }
            Seen++;
            assert_int_equal(Blocks[b].Size, Expect[i].Size);
            assert_int_equal(Blocks[b].Tag, Expect[i].Tag);
            assert_int_equal(Blocks[b].Paged, Expect[i].Paged);
            assert_non_null(Blocks[b].Caller);
        }
        assert_int_equal(Seen, 1);
    }

    /* A free moves the counts; a paged block of the same tag is a separate
     * entry. */
    ExFreePoolWithTag(T2, TAG_TEST);
    PVOID T4 = ExAllocatePool2(POOL_FLAG_PAGED, 200, TAG_TEST);
    assert_non_null(T4);
    Count = SimQueryPoolUsage(Usage, ARRAY_COUNT(Usage));
    assert_int_equal(Count, 3);
    T = FindUsage(Usage, Count, TAG_TEST, FALSE);
    assert_non_null(T);
    assert_int_equal(T->Allocs, 3);
    assert_int_equal(T->Frees, 1);
    assert_int_equal(T->Bytes, 10 + 5000);
    const SIM_POOL_TAG_USAGE *TP = FindUsage(Usage, Count, TAG_TEST, TRUE);
    assert_non_null(TP);
    assert_int_equal(TP->Allocs, 1);
    assert_int_equal(TP->Bytes, 200);
    N = SimEnumPoolBlocks(Blocks, ARRAY_COUNT(Blocks));
    assert_int_equal(N, 4);
    for (ULONG b = 0; b < N; b++) {
        assert_ptr_not_equal(Blocks[b].Va, T2);
    }

    /* A short buffer: the full count, only Max entries written. */
    SIM_POOL_BLOCK_INFO One[2];
    memset(One, 0xEE, sizeof(One));
    assert_int_equal(SimEnumPoolBlocks(One, 1), 4);
    assert_true(One[1].Va == (PVOID)(ULONG_PTR)0xEEEEEEEEEEEEEEEEull);

    /* The teardown would report these as a leak by tag. */
    char Report[1024];
    assert_false(SimIsClean(Report, sizeof(Report)));
    /* Tags print in memory order, as poolmon shows them: 'tseT' is "Test". */
    assert_non_null(strstr(Report, "Test"));

    ExFreePoolWithTag(T1, TAG_TEST);
    ExFreePoolWithTag(T3, TAG_TEST);
    ExFreePoolWithTag(T4, TAG_TEST);
    ExFreePoolWithTag(M1, TAG_MGAT);
    assert_int_equal(SimEnumPoolBlocks(NULL, 0), 0);
    assert_true(SimIsClean(NULL, 0));
    SimAssertInvariants();
}

/* ======================================================================== */
/* docs/architecture.md 6: geometry is a knob, so exhaustion is reachable. Running out */
/* of pool VA or of RAM returns NULL (never a bug check), and freeing gives  */
/* everything back.                                                         */
/* ======================================================================== */
static ULONG FillWithPages(PVOID *Va, ULONG Max)
{
    return SimTestFillPool(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST, Va, Max);
}

SIM_TEST_F(NonPagedPoolExhaustion, SimTestSetup, SimTestTeardownDefault)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.NonPagedPoolPages = 64;
    Config.PhysicalPages = 4096;
    Config.RangeCount = 0;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);

    SIM_MEMORY_STATS Before, Full, After;
    SimQueryMemory(&Before);
    enum { Max = 256 };
    PVOID Va[Max];
    ULONG Count = FillWithPages(Va, Max);
    assert_true(Count > 0);
    assert_true(Count <= 64);
    assert_false(SimIsStopped(NULL));
    SimQueryMemory(&Full);
    /* It was VA that ran out, not RAM. */
    assert_true(Full.FreePages > 0);
    assert_int_equal(Full.NonPagedPoolPages, Before.NonPagedPoolPages + Count);
    /* Still out: another page fails, and so does a multi-page block. */
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_TEST));
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST));
    /* Paged pool is a separate region and still works. */
    PVOID Paged = ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TAG_TEST);
    assert_non_null(Paged);
    ExFreePoolWithTag(Paged, TAG_TEST);
    SimAssertInvariants();

    SimTestFreePool(Va, Count, TAG_TEST);
    SimQueryMemory(&After);
    assert_int_equal(After.NonPagedPoolPages, Before.NonPagedPoolPages);
    assert_int_equal(After.FreePages, Before.FreePages);
    /* And the same amount fits again. */
    ULONG Again = FillWithPages(Va, Max);
    assert_int_equal(Again, Count);
    SimTestFreePool(Va, Again, TAG_TEST);
    SimAssertInvariants();
}

/* The status an ExAllocatePool2 raises (STATUS_SUCCESS if none). The catch
 * frame is here, not in the test, so that none of the test's locals is live
 * across its setjmp (gcc -O3 -Wclobbered). */
static NTSTATUS TryAllocatePool2(POOL_FLAGS Flags, SIZE_T Bytes)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, (void)ExAllocatePool2(Flags, Bytes, TAG_TEST));
    return Status;
}

SIM_TEST_F(PhysicalMemoryExhaustion, SimTestSetup, SimTestTeardownDefault)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = 256;
    Config.RangeCount = 0;
    Config.NonPagedPoolPages = 1024;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);

    SIM_MEMORY_STATS Before, Full, After;
    SimQueryMemory(&Before);
    assert_int_equal(Before.PhysicalPages, 256);
    enum { Max = 2048 };
    static PVOID Va[Max];
    ULONG Count = FillWithPages(Va, Max);
    assert_true(Count > 0);
    assert_true(Count <= 256);
    assert_false(SimIsStopped(NULL));
    SimQueryMemory(&Full);
    /* It was RAM that ran out, not VA. */
    assert_int_equal(Full.FreePages, 0);
    assert_true(Count < 1024);
    /* A multi-page request that cannot be met fully leaves nothing behind. */
    ExFreePoolWithTag(Va[--Count], TAG_TEST);
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST));
    SIM_MEMORY_STATS Partial;
    SimQueryMemory(&Partial);
    assert_int_equal(Partial.FreePages, 1);
    assert_int_equal(Partial.PoolBlocks, Count);
    /* Paged pool shares the RAM: it fails too ... */
    PVOID Two = ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    assert_null(Two);
    /* ... and so does a raising request, by raising. */
    NTSTATUS Status =
        TryAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_RAISE_ON_FAILURE, 8 * PAGE_SIZE);
    assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
    SimAssertInvariants();

    for (ULONG i = 0; i < Count; i++) {
        memset(Va[i], 0xDB, PAGE_SIZE); /* leave every page of RAM dirty */
        ExFreePoolWithTag(Va[i], TAG_TEST);
    }
    SimQueryMemory(&After);
    assert_int_equal(After.NonPagedPoolPages, Before.NonPagedPoolPages);
    assert_int_equal(After.FreePages, Before.FreePages);
    SimAssertInvariants();

    /* 1.15: with all of RAM dirty, new whole-page blocks (which can only
     * reuse those pages) are still zero-initialised. */
    ULONG Again = FillWithPages(Va, Max);
    assert_true(Again >= Count);
    for (ULONG i = 0; i < Again; i++) {
        const unsigned char *p = (const unsigned char *)Va[i];
        for (ULONG b = 0; b < PAGE_SIZE; b++) {
            if (p[b] != 0) {
                print_error("page block %u (%p) byte %u is 0x%02X after reuse\n", i, Va[i], b,
                            p[b]);
                fail();
            }
        }
    }
    SimTestFreePool(Va, Again, TAG_TEST);
    SimAssertInvariants();
}

int main(void)
{
    return SimRunTests("pool", NULL, NULL);
}
