/*
 * test_specialpool_rules.c - the rest of special pool's rules
 * (docs/special-pool.md): selection, MMSIM_SPECIAL_POOL, the budget and its
 * fallback, the quarantine, bad frees and IRQLs, priorities, clean and
 * leak reports, invariants and fault injection.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TAG 'kcaH' /* "Hack" */

static SIM_CONFIG SpecialConfig(const char *Tags, ULONG64 MinSize, ULONG64 MaxSize,
                                ULONG64 Budget)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.SpecialPool.Enabled = TRUE;
    snprintf(Config.SpecialPool.Tags, sizeof(Config.SpecialPool.Tags), "%s", Tags);
    Config.SpecialPool.MinSize = MinSize;
    Config.SpecialPool.MaxSize = MaxSize;
    Config.SpecialPool.Budget = Budget;
    return Config;
}

static void Build(SIM_CONFIG Config)
{
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

static BOOLEAN IsSpecial(PVOID P)
{
    SIM_SPECIAL_BLOCK_INFO Info;
    return SimQuerySpecialPoolBlock(P, &Info) && Info.State == SimSpecialAllocated;
}

/* ======================================================================== */
/* Off by default.                                                          */
/* ======================================================================== */
SIM_TEST(OffByDefault)
{
    SIM_SPECIAL_POOL_STATS Stats;
    SimQuerySpecialPool(&Stats);
    assert_false(Stats.Enabled);
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_false(IsSpecial(P));
    ExFreePoolWithTag(P, TAG);
    SimQuerySpecialPool(&Stats);
    assert_int_equal(Stats.Allocations, 0);
}

/* ======================================================================== */
/* Selection: by tag (wildcards, several), by size range, both.             */
/* ======================================================================== */
SIM_TEST_F(SelectionByTagAndSize, SimTestSetup, SimTestTeardownDefault)
{
    static const struct {
        const char *Tags;
        ULONG64 MinSize, MaxSize;
        ULONG Tag;
        SIZE_T Size;
        BOOLEAN Special;
    } Rows[] = {
        {"", 0, 0, TAG, 64, TRUE},              /* all */
        {"Hack", 0, 0, TAG, 64, TRUE},
        {"Hack", 0, 0, 'kcaX', 64, FALSE},
        {"Hack;Gr*", 0, 0, 'prGx', 64, FALSE},  /* "xGrp" */
        {"Hack;Gr*", 0, 0, 'xprG', 64, TRUE},   /* "Grpx" */
        {"Hack;Gr*", 0, 0, '  rG', 64, TRUE},   /* "Gr  ": trailing spaces dropped */
        {"?ac?", 0, 0, TAG, 64, TRUE},
        {"?ac?", 0, 0, 0x006B6361, 64, FALSE}, /* "ack" + NUL: three characters ('kca') */
        {"H*k", 0, 0, TAG, 64, TRUE},
        {"", 1, 4095, TAG, 4095, TRUE},
        {"", 1, 4095, TAG, 4096, FALSE},
        {"", 100, 200, TAG, 99, FALSE},
        {"", 100, 200, TAG, 100, TRUE},
        {"Hack", 1, 16, TAG, 17, FALSE},        /* tag and size must both match */
        {"Hack", 1, 16, TAG, 16, TRUE},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        Build(SpecialConfig(Rows[r].Tags, Rows[r].MinSize, Rows[r].MaxSize, 0));
        PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, Rows[r].Size, Rows[r].Tag);
        assert_non_null(P);
        if (IsSpecial(P) != Rows[r].Special) {
            print_error("row %zu: tags \"%s\" size %llu-%llu, block of %zu: special %d\n", r,
                        Rows[r].Tags, (unsigned long long)Rows[r].MinSize,
                        (unsigned long long)Rows[r].MaxSize, (size_t)Rows[r].Size,
                        !Rows[r].Special);
            fail();
        }
        ExFreePoolWithTag(P, Rows[r].Tag);
    }
}

/* ======================================================================== */
/* MMSIM_SPECIAL_POOL.                                                      */
/* ======================================================================== */
SIM_TEST(EnvironmentFillsTheConfiguration)
{
    static const struct {
        const char *Value;
        BOOLEAN Enabled, Underrun;
        const char *Tags;
        ULONG64 MinSize, MaxSize, Budget;
    } Rows[] = {
        {"off", FALSE, FALSE, "", 0, 0, 0},
        {"all", TRUE, FALSE, "", 0, 0, 0},
        {"underrun", TRUE, TRUE, "", 0, 0, 0},
        {"tag=Hack;Gr*", TRUE, FALSE, "Hack;Gr*", 0, 0, 0},
        {"size=1-4095", TRUE, FALSE, "", 1, 4095, 0},
        {"tag=Hack,size=16-0x100,underrun,budget=300", TRUE, TRUE, "Hack", 16, 256, 300},
        {"all,overrun", TRUE, FALSE, "", 0, 0, 0},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        setenv("MMSIM_SPECIAL_POOL", Rows[r].Value, 1);
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        unsetenv("MMSIM_SPECIAL_POOL");
        assert_int_equal(Config.SpecialPool.Enabled, Rows[r].Enabled);
        assert_int_equal(Config.SpecialPool.Underrun, Rows[r].Underrun);
        assert_string_equal(Config.SpecialPool.Tags, Rows[r].Tags);
        assert_int_equal(Config.SpecialPool.MinSize, Rows[r].MinSize);
        assert_int_equal(Config.SpecialPool.MaxSize, Rows[r].MaxSize);
        assert_int_equal(Config.SpecialPool.Budget, Rows[r].Budget);
    }
}

#if SIM_HAVE_DEATH_TESTS
static void DefaultConfigChild(void *Context)
{
    setenv("MMSIM_SPECIAL_POOL", (const char *)Context, 1);
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
}

/* A bad value: exit 89 naming the variable and quoting the value. */
SIM_TEST(BadEnvironmentValueExits89)
{
    static const char *const Bad[] = {
        "",            "yes",          "all,all",         "tag=",        "tag=Hacker",
        "tag=Ha;",     "tag=a b",      "size=5",          "size=0-10",   "size=10-5",
        "size=-",      "budget=2",     "budget=x",        "underrun,overrun", "all,",
        "ALL",
    };
    static SIM_CHILD Child;
    for (size_t i = 0; i < ARRAY_COUNT(Bad); i++) {
        assert_true(SimRunChild(DefaultConfigChild, (void *)(uintptr_t)Bad[i], 20, &Child));
        char Named[128];
        snprintf(Named, sizeof(Named), "mmsim: MMSIM_SPECIAL_POOL=\"%s\" is not valid", Bad[i]);
        if (!Child.Exited || Child.Status != SIM_EXIT_CONFIG || strstr(Child.Err, Named) == NULL) {
            print_error("\"%s\": exit %d, stderr: %s\n", Bad[i], Child.Status, Child.Err);
            fail();
        }
    }
}
#endif

SIM_TEST_F(BadConfigurationIsRefused, SimTestSetup, SimTestTeardownDefault)
{
    SIM_CONFIG Config = SpecialConfig("Hack;Toolong", 0, 0, 0);
    assert_int_equal(SimInitialize(&Config), STATUS_INVALID_PARAMETER);
    Config = SpecialConfig("", 10, 5, 0);
    assert_int_equal(SimInitialize(&Config), STATUS_INVALID_PARAMETER);
    Config = SpecialConfig("", 0, 0, 2);
    assert_int_equal(SimInitialize(&Config), STATUS_INVALID_PARAMETER);
    Config = SpecialConfig("", 0, 0, 0);
    Config.SpecialPool.Underrun = 7;
    assert_int_equal(SimInitialize(&Config), STATUS_INVALID_PARAMETER);
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
}

/* ======================================================================== */
/* The budget: exhausted, allocations fall back to normal pool, counted.    */
/* ======================================================================== */
SIM_TEST_F(BudgetExhaustedFallsBackToNormalPool, SimTestSetup, SimTestTeardownDefault)
{
    /* 12 PTEs: four one-page blocks (guard, page, guard) and no more. */
    Build(SpecialConfig("", 0, 0, 12));
    PVOID Held[4];
    for (int i = 0; i < 4; i++) {
        Held[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
        assert_true(IsSpecial(Held[i]));
    }
    PVOID Fallback = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Fallback);
    assert_false(IsSpecial(Fallback));
    SIM_SPECIAL_POOL_STATS Stats;
    SimQuerySpecialPool(&Stats);
    assert_int_equal(Stats.Fallbacks, 1);
    assert_int_equal(Stats.LiveBlocks, 4);
    assert_int_equal(Stats.PtesInUse, 12);
    /* The fallback block's overrun is not caught: it is normal pool. */
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, ((volatile UCHAR *)Fallback)[64] = 1;
                       ExFreePoolWithTag(Fallback, TAG));
    assert_false(Got.Caught);
    /* A freed block's run is quarantined; the next allocation recycles it
     * (oldest first) rather than falling back. */
    ExFreePoolWithTag(Held[0], TAG);
    PVOID Again = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_true(IsSpecial(Again));
    SimQuerySpecialPool(&Stats);
    assert_int_equal(Stats.Fallbacks, 1);
    assert_int_equal(Stats.Recycled, 1);
    /* A block larger than the whole budget always falls back. */
    PVOID Huge = ExAllocatePool2(POOL_FLAG_NON_PAGED, 10 * PAGE_SIZE, TAG);
    assert_false(IsSpecial(Huge));
    ExFreePoolWithTag(Huge, TAG);
    ExFreePoolWithTag(Again, TAG);
    for (int i = 1; i < 4; i++) {
        ExFreePoolWithTag(Held[i], TAG);
    }
    SimAssertInvariants();
}

/* Quarantine: oldest freed address reused first. */
SIM_TEST_F(QuarantineGivesBackTheOldestFirst, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 9)); /* three one-page runs */
    PVOID A = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    PVOID B = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    PVOID C = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    ExFreePoolWithTag(B, TAG); /* oldest in the quarantine */
    ExFreePoolWithTag(A, TAG);
    ExFreePoolWithTag(C, TAG);
    SIM_SPECIAL_BLOCK_INFO Info;
    assert_true(SimQuerySpecialPoolBlock(A, &Info));
    assert_int_equal(Info.State, SimSpecialFreed);
    PVOID D = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_ptr_equal(D, B);
    assert_true(SimQuerySpecialPoolBlock(A, &Info)); /* A and C still quarantined */
    assert_int_equal(Info.State, SimSpecialFreed);
    ExFreePoolWithTag(D, TAG);
    SIM_EXPECT_BUGCHECK4(0xD5, A, 0, SIM_ANY, 0, (void)*(volatile UCHAR *)A);
}

/* ======================================================================== */
/* Bad frees and IRQLs: the 0xC1 rows and the 0xC2 row that applies.         */
/* ======================================================================== */
static PVOID Block(SIZE_T Size, BOOLEAN Paged)
{
    PVOID P = ExAllocatePool2(Paged ? POOL_FLAG_PAGED : POOL_FLAG_NON_PAGED, Size, TAG);
    assert_true(IsSpecial(P));
    return P;
}

SIM_TEST_F(BadFreesAndIrqls, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0));
    /* Interior address: 0xC1/0x21 (P2 bytes requested, P3 bytes from the
     * address to the end of the block's pages). */
    UCHAR *P = (UCHAR *)Block(100, FALSE);
    SIM_EXPECT_BUGCHECK4(0xC1, P + 8, 100, 112 - 8, 0x21, ExFreePoolWithTag(P + 8, TAG));
    SimReset();
    /* An address in its slack: 0x22. */
    P = (UCHAR *)Block(100, FALSE);
    UCHAR *Slack = (UCHAR *)PAGE_ALIGN(P);
    SIM_EXPECT_BUGCHECK4(0xC1, Slack, 100, PAGE_SIZE, 0x22, ExFreePoolWithTag(Slack, TAG));
    SimReset();
    /* Wrong tag: BAD_POOL_CALLER 0x0A, as normal pool. */
    P = (UCHAR *)Block(100, FALSE);
    SIM_EXPECT_BUGCHECK4(0xC2, 0x0A, P, TAG, 'gaTX', ExFreePoolWithTag(P, 'gaTX'));
    SimReset();
    /* Paged block freed at DISPATCH_LEVEL: 0xC1/0x31 (IRQL, pool type, address). */
    P = (UCHAR *)Block(100, TRUE);
    KIRQL Old;
    SIM_EXPECT_BUGCHECK4(0xC1, DISPATCH_LEVEL, PagedPool, P, 0x31,
                         KeRaiseIrql(DISPATCH_LEVEL, &Old); ExFreePoolWithTag(P, TAG));
    SimReset();
    /* Paged allocation at DISPATCH_LEVEL: 0xC1/0x30 (IRQL, pool type, bytes). */
    SIM_EXPECT_BUGCHECK4(0xC1, DISPATCH_LEVEL, PagedPool, 100, 0x30,
                         KeRaiseIrql(DISPATCH_LEVEL, &Old);
                         (void)ExAllocatePool2(POOL_FLAG_PAGED, 100, TAG));
    SimReset();
    /* A single-bit error in the slack: 0x32. */
    P = (UCHAR *)Block(100, FALSE);
    ((volatile UCHAR *)P)[-5] ^= 0x10;
    SIM_EXPECT_BUGCHECK4(0xC1, P, P - 5, 0, 0x32, ExFreePoolWithTag(P, TAG));
    SimReset();
    /* An address special pool does not hold but inside pool: 0xC2/0x46 as before. */
}

/* ======================================================================== */
/* Priorities choose the alignment of a block special pool selects.         */
/* ======================================================================== */
/* A paged special-pool block sits in system PTE space, not in the paged
 * pool's region: MmBuildMdlForNonPagedPool still knows it for paged pool
 * (strict: 0xC4/0x7F, as tests/test_mdl.c's BuildMdlForPagedPoolStrict),
 * and builds a non-paged block. */
SIM_TEST_F(BuildMdlForNonPagedPoolKnowsPagedSpecialPool, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0));
    PVOID NonPaged = Block(64, FALSE);
    PMDL Mdl = IoAllocateMdl(NonPaged, 64, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    MmBuildMdlForNonPagedPool(Mdl);
    assert_true(Mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(NonPaged, TAG);

    PVOID Paged = Block(64, TRUE);
    Mdl = IoAllocateMdl(Paged, 64, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x7F, PASSIVE_LEVEL, (ULONG_PTR)Mdl, MDL_ALLOCATED_FIXED_SIZE,
                         MmBuildMdlForNonPagedPool(Mdl));
}

/* Sizes no budget holds, up to SIZE_MAX, go to normal pool (which refuses
 * them as it always does) without wrapping special pool's size arithmetic
 * (fuzz_ddi found SIZE_MAX taken as a zero-page block). */
SIM_TEST_F(HugeSizesFallBackToNormalPool, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0));
    static const SIZE_T Sizes[] = {(SIZE_T)-1, (SIZE_T)-16, (SIZE_T)-4096, (SIZE_T)1 << 62};
    for (size_t i = 0; i < sizeof(Sizes) / sizeof(Sizes[0]); i++) {
        SIM_SPECIAL_POOL_STATS Before, After;
        SimQuerySpecialPool(&Before);
        assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, Sizes[i], TAG));
        SimQuerySpecialPool(&After);
        assert_int_equal(After.Fallbacks, Before.Fallbacks + 1);
    }
    SimAssertInvariants();
}

SIM_TEST_F(PriorityChoosesAlignment, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0)); /* overrun by default */
    static const struct {
        EX_POOL_PRIORITY Priority;
        BOOLEAN AtStart;
    } Rows[] = {
        {NormalPoolPriority, FALSE},
        {NormalPoolPrioritySpecialPoolUnderrun, TRUE},
        {HighPoolPrioritySpecialPoolUnderrun, TRUE},
        {LowPoolPrioritySpecialPoolOverrun, FALSE},
    };
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        PVOID P = ExAllocatePoolWithTagPriority(NonPagedPoolNx, 64, TAG, Rows[r].Priority);
        assert_true(IsSpecial(P));
        assert_int_equal(P == PAGE_ALIGN(P), Rows[r].AtStart);
        ExFreePoolWithTag(P, TAG);
        POOL_EXTENDED_PARAMETER Parameter;
        memset(&Parameter, 0, sizeof(Parameter));
        Parameter.Type = PoolExtendedParameterPriority;
        Parameter.Priority = Rows[r].Priority;
        P = ExAllocatePool3(POOL_FLAG_NON_PAGED, 64, TAG, &Parameter, 1);
        assert_true(IsSpecial(P));
        assert_int_equal(P == PAGE_ALIGN(P), Rows[r].AtStart);
        ExFreePoolWithTag(P, TAG);
    }
    /* The priority cannot ask for special pool when it is off. */
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    PVOID P = ExAllocatePoolWithTagPriority(NonPagedPoolNx, 64, TAG,
                                            NormalPoolPrioritySpecialPoolOverrun);
    assert_false(IsSpecial(P));
    ExFreePoolWithTag(P, TAG);
}

/* ExAllocatePool3: secure pool does not exist here; required, it fails. */
SIM_TEST(Pool3SecurePoolFails)
{
    POOL_EXTENDED_PARAMETER Parameter;
    memset(&Parameter, 0, sizeof(Parameter));
    Parameter.Type = PoolExtendedParameterSecurePool;
    assert_null(ExAllocatePool3(POOL_FLAG_NON_PAGED, 64, TAG, &Parameter, 1));
    Parameter.Optional = 1;
    PVOID P = ExAllocatePool3(POOL_FLAG_NON_PAGED, 64, TAG, &Parameter, 1);
    assert_non_null(P);
    ExFreePoolWithTag(P, TAG);
}

/* ======================================================================== */
/* Clean, leaks, invariants, fault injection.                               */
/* ======================================================================== */
SIM_TEST_F(QuarantineIsNotALeakButALiveBlockIs, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0));
    PVOID P = ExAllocatePool2(POOL_FLAG_PAGED, 5000, TAG);
    char Report[1024];
    assert_false(SimIsClean(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "pool tag 'Hack' (paged): 1 block(s), 5000 byte(s)"));
    assert_null(strstr(Report, "system PTE"));
    SIM_POOL_BLOCK_INFO Info[4];
    assert_int_equal(SimEnumPoolBlocks(Info, 4), 1);
    assert_ptr_equal(Info[0].Va, P);
    assert_int_equal(Info[0].Size, 5000);
    SimAssertInvariants();
    ExFreePoolWithTag(P, TAG);
    assert_true(SimIsClean(Report, sizeof(Report)));
    SimAssertInvariants();
}

/* The unload check: a live special-pool block is leaked pool of its tag
 * (strict: 0xC4/0x62, P4 the allocations); quarantined blocks are not. */
SIM_TEST_F(UnloadCheckSeesLiveSpecialBlocksOnly, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0));
    PVOID Freed = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
    ExFreePoolWithTag(Freed, TAG);
    SIM_UNLOAD_REPORT Report;
    assert_true(SimDriverUnload(&Report));
    PVOID P = ExAllocatePool2(POOL_FLAG_PAGED, 5000, TAG);
    assert_true(IsSpecial(P));
    SIM_EXPECT_BUGCHECK4(0xC4, 0x62, SIM_ANY, SIM_ANY, 1, SimDriverUnload(&Report));
    SimReset();
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    Config.Strict = FALSE;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    P = ExAllocatePool2(POOL_FLAG_PAGED, 5000, TAG);
    assert_true(IsSpecial(P));
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.PoolAllocations, 1);
    assert_int_equal(Report.PoolBytes, 5000);
    ExFreePoolWithTag(P, TAG);
    assert_true(SimDriverUnload(&Report));
}

SIM_TEST_F(InjectedFailureTakesNoSpecialPool, SimTestSetup, SimTestTeardownDefault)
{
    Build(SpecialConfig("", 0, 0, 0));
    SimFailNthCall(SimFaultPool, 1);
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG));
    SIM_SPECIAL_POOL_STATS Stats;
    SimQuerySpecialPool(&Stats);
    assert_int_equal(Stats.Allocations, 0);
    assert_int_equal(Stats.PtesInUse, 0);
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_true(IsSpecial(P));
    ExFreePoolWithTag(P, TAG);
}

int main(void)
{
    return SimRunTests("specialpool_rules", NULL, NULL);
}
