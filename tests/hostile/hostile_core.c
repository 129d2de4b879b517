/*
 * hostile_core.c - the growable region (core/) where memory is short and
 * where a size would wrap (issue 21, item 4).
 *
 * Growth succeeds while memory suffices. The preferred step doubles the
 * committed size; when memory cannot give it, the region falls back to the
 * size asked for (rounded up to the granularity), then to what is available
 * that covers the request:
 *
 *   committed 16 MiB, free F, asked +A:
 *   |======== 16 MiB ========|-- A --|...... doubling (16 MiB) ......|
 *                            ^ needed ^ granule          ^ preferred
 *
 * Every size is checked in GrCreate, and no rounding or sum can wrap.
 */
#include <stdint.h>
#include <stdlib.h>

#include <mmsim_cmocka.h>

#include "../region_test.h"

#define TAG_REGION 'tsoH' /* "Host" */
#define PAGES(bytes) ((ULONG64)(bytes) / PAGE_SIZE)

static ULONG64 FreePages(void)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    return Stats.FreePages;
}

/* Ballast: MDLs that hold physical memory until only Leave pages are free
 * (give or take the page an MDL's own pool block may take). */
typedef struct _BALLAST {
    PMDL Mdls[4096];
    ULONG Count;
} BALLAST;

static void TakeMemory(BALLAST *B, ULONG64 Leave)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    for (;;) {
        ULONG64 Free = FreePages();
        if (Free <= Leave) {
            return;
        }
        /* At most 500 pages per MDL, so each MDL is a small pool block and
         * takes at most one pool page of its own; near the end, one page. */
        ULONG64 Take = Free - Leave > 500 ? 500 : Free - Leave > 4 ? Free - Leave - 2 : 1;
        assert_true(B->Count < sizeof(B->Mdls) / sizeof(B->Mdls[0]));
        PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, Take * PAGE_SIZE, MmCached,
                                           MM_DONT_ZERO_ALLOCATION);
        if (Mdl == NULL) {
            return; /* nothing left at all */
        }
        B->Mdls[B->Count++] = Mdl;
    }
}

static void GiveMemoryBack(BALLAST *B)
{
    while (B->Count > 0) {
        PMDL Mdl = B->Mdls[--B->Count];
        MmFreePagesFromMdl(Mdl);
        ExFreePool(Mdl);
    }
}

/* ---------------------------------------------------------------------- */
/* Growth falls back instead of failing (a 64 MiB machine, 16 MiB region  */
/* committed, default 64 KiB granularity, Divisible).                     */
/* ---------------------------------------------------------------------- */
typedef struct _FALLBACK_ROW {
    const char *What;
    ULONG64 FreeLeft;   /* pages left free before the growth (0: none at all) */
    SIZE_T Above;       /* GrEnsureCommitted(16 MiB + Above) */
    NTSTATUS Status;
    SIZE_T CommittedMin, CommittedMax; /* committed after, inclusive */
} FALLBACK_ROW;

SIM_TEST(GrowthSucceedsWhileMemorySuffices)
{
    static const FALLBACK_ROW Rows[] = {
        /* what                          free left      above     status
         *                               committed after: min .. max */
        {"doubling when memory allows",   PAGES(MIB(20)), KIB(64), STATUS_SUCCESS,
                                          MIB(32), MIB(32)},
        {"one granule short of doubling", PAGES(MIB(15)), KIB(64), STATUS_SUCCESS,
                                          MIB(16) + KIB(64), MIB(16) + KIB(64)},
        {"a page, rounded to a granule",  PAGES(MIB(15)), KIB(4), STATUS_SUCCESS,
                                          MIB(16) + KIB(64), MIB(16) + KIB(64)},
        {"less than a granule is left",   8, KIB(4), STATUS_SUCCESS,
                                          MIB(16) + KIB(4), MIB(16) + KIB(60)},
        {"less than the request is left", 1, KIB(64), STATUS_INSUFFICIENT_RESOURCES,
                                          MIB(16), MIB(16)},
        {"nothing is left",               0, KIB(4), STATUS_INSUFFICIENT_RESOURCES,
                                          MIB(16), MIB(16)},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        const FALLBACK_ROW *Row = &Rows[i];
        GR_PARAMETERS P = RegionParameters(MIB(48), TAG_REGION);
        P.InitialCommit = MIB(16);
        P.Strategy = GrStrategyDivisible;
        PGROWABLE_REGION Region;
        assert_int_equal(GrCreate(&P, &Region), STATUS_SUCCESS);
        BALLAST *B = (BALLAST *)calloc(1, sizeof(BALLAST));
        assert_non_null(B);
        TakeMemory(B, Row->FreeLeft);
        ULONG64 Free = FreePages();
        NTSTATUS Status = GrEnsureCommitted(Region, MIB(16) + Row->Above);
        SIZE_T Committed = GrCommittedSize(Region);
        print_message("%-32s free %6llu pages: status 0x%08X, committed %zu KiB\n", Row->What,
                      (unsigned long long)Free, (unsigned)Status, (size_t)(Committed / 1024));
        GiveMemoryBack(B);
        free(B);
        assert_int_equal(Status, Row->Status);
        assert_true(Committed >= Row->CommittedMin);
        assert_true(Committed <= Row->CommittedMax);
        /* What was committed is mapped and usable. */
        volatile UCHAR *Base = (volatile UCHAR *)GrBase(Region);
        Base[Committed - 1] = 0x5A;
        assert_int_equal(Base[Committed - 1], 0x5A);
        GrDestroy(Region);
        assert_true(SimIsClean(NULL, 0));
    }
}

/* A short allocation that runs out after the request is covered: what was
 * had is kept (the preferred step is the request: nothing to fall back to). */
SIM_TEST(GrowthKeepsWhatCoversTheRequest)
{
    GR_PARAMETERS P = RegionParameters(MIB(4), TAG_REGION);
    P.InitialCommit = KIB(64);
    P.GrowthGranularity = KIB(64);
    PGROWABLE_REGION Region;
    assert_int_equal(GrCreate(&P, &Region), STATUS_SUCCESS);
    SimLimitPageAllocations(2); /* two pages per MDL */
    /* Asked: 160 KiB (40 pages), rounded to 192 KiB (48 pages). The 23rd
     * allocation finds no memory: 44 pages had, enough. */
    SimFailNthCall(SimFaultAllocatePagesForMdl, 23);
    NTSTATUS Status = GrEnsureCommitted(Region, KIB(64) + KIB(160));
    SimClearFaults();
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal(GrCommittedSize(Region), KIB(64) + 44 * PAGE_SIZE);
    GrDestroy(Region);
}

/* ---------------------------------------------------------------------- */
/* Sizes that would wrap are refused by GrCreate.                         */
/* ---------------------------------------------------------------------- */
typedef struct _CREATE_ROW {
    const char *What;
    SIZE_T Maximum, Initial, Granularity, LowWaterMark;
} CREATE_ROW;

SIM_TEST(CreateRefusesSizesThatDoNotFit)
{
    static const CREATE_ROW Rows[] = {
        /* what                              maximum          initial granularity  low-water */
        {"granularity near SIZE_MAX",        MIB(1),          0, SIZE_MAX - 2 * PAGE_SIZE, 0},
        {"granularity SIZE_MAX",             MIB(1),          0, SIZE_MAX,             0},
        {"granularity above the maximum",    MIB(1),          0, MIB(1) + PAGE_SIZE,   0},
        {"low-water mark above the maximum", MIB(1),          0, 0,                    MIB(1) + 1},
        {"low-water mark SIZE_MAX",          MIB(1),          0, 0,                    SIZE_MAX},
        {"maximum does not round to pages",  SIZE_MAX - 100,  0, 0,                    0},
        {"initial above the maximum",        MIB(1),          MIB(1) + 1, 0,           0},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        GR_PARAMETERS P = RegionParameters(Rows[i].Maximum, TAG_REGION);
        P.InitialCommit = Rows[i].Initial;
        P.GrowthGranularity = Rows[i].Granularity;
        P.LowWaterMark = Rows[i].LowWaterMark;
        PGROWABLE_REGION Region = (PGROWABLE_REGION)(ULONG_PTR)1;
        NTSTATUS Status = GrCreate(&P, &Region);
        if (Status == STATUS_SUCCESS) {
            GrDestroy(Region);
            fail_msg("%s: accepted", Rows[i].What);
        }
        assert_int_equal(Status, STATUS_INVALID_PARAMETER);
        assert_null(Region);
        assert_true(SimIsClean(NULL, 0));
    }
    /* Where the handle goes must be given too. */
    GR_PARAMETERS P = RegionParameters(MIB(1), TAG_REGION);
    assert_int_equal(GrCreate(&P, NULL), STATUS_INVALID_PARAMETER);
    assert_int_equal(GrCreate(NULL, NULL), STATUS_INVALID_PARAMETER);
}

/* The granularity is any whole number of pages, not only a power of two:
 * the first step is exactly one granule. */
SIM_TEST(GranularityIsAnyNumberOfPages)
{
    static const struct {
        SIZE_T Granularity, Ask, Committed;
    } Rows[] = {
        /* granularity          ask       committed */
        {KIB(12),               KIB(4),   KIB(12)},
        {KIB(20),               1,        KIB(20)},
        {KIB(4) + 1,            KIB(4),   KIB(8)},  /* rounded up to pages */
        {KIB(24),               KIB(30),  KIB(48)},
        {MIB(1),                KIB(4),   MIB(1)},  /* one granule: the whole region */
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        GR_PARAMETERS P = RegionParameters(MIB(1), TAG_REGION);
        P.GrowthGranularity = Rows[i].Granularity;
        PGROWABLE_REGION Region;
        assert_int_equal(GrCreate(&P, &Region), STATUS_SUCCESS);
        assert_int_equal(GrEnsureCommitted(Region, Rows[i].Ask), STATUS_SUCCESS);
        if (GrCommittedSize(Region) != Rows[i].Committed) {
            SIZE_T Got = GrCommittedSize(Region);
            GrDestroy(Region);
            fail_msg("granularity %zu, ask %zu: committed %zu, expected %zu",
                     (size_t)Rows[i].Granularity, (size_t)Rows[i].Ask, (size_t)Got,
                     (size_t)Rows[i].Committed);
        }
        GrDestroy(Region);
    }
}

/* GrNoteUsage: usage plus the low-water mark is capped at the maximum, never
 * wrapped round to a small number that looks committed already. */
SIM_TEST(NoteUsageNeverWraps)
{
    static const SIZE_T Used[] = {MIB(4) - 1, MIB(4), SIZE_MAX - KIB(16), SIZE_MAX};
    for (size_t i = 0; i < sizeof(Used) / sizeof(Used[0]); i++) {
        GR_PARAMETERS P = RegionParameters(MIB(4), TAG_REGION);
        P.InitialCommit = MIB(1);
        P.LowWaterMark = KIB(256);
        PGROWABLE_REGION Region;
        assert_int_equal(GrCreate(&P, &Region), STATUS_SUCCESS);
        GrNoteUsage(Region, Used[i]);
        assert_true(SimWaitForWorkItems(30000));
        SIZE_T Committed = GrCommittedSize(Region);
        GrDestroy(Region);
        if (Committed != MIB(4)) {
            fail_msg("usage %zu: committed %zu, expected the maximum", (size_t)Used[i],
                     (size_t)Committed);
        }
    }
}

static int SetupSmallMachine(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = SimProfileModern;
    Config.PhysicalPages = PAGES(MIB(64));
    Config.RangeCount = 0;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

int main(void)
{
    return SimRunTests("hostile: core", SetupSmallMachine, SimTestGroupTeardown);
}
