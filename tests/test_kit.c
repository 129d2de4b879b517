/*
 * test_kit.c - the test kit itself (mmsim_cmocka.h, docs/verifier.md "The
 * test kit"): registration, tables, death tests.
 *
 *   SIM_TEST / SIM_TEST_F   registered where defined, run in source order
 *                           (SimRegisterTest: by the line given), each with
 *                           its fixtures
 *   SIM_RUN_CASES           a row passes only with its status or its stop;
 *                           every wrong row is reported, then the test fails
 *   SimRunChild             exit status, signal, stop line, stdout, stderr,
 *                           alarm, hooks around the fork
 *
 * What must fail is run in a child (a nested CMocka group there), so that
 * this suite sees the failure and its report instead of failing itself.
 */
#define _POSIX_C_SOURCE 200809L /* kill, pipe under -std=c11 */

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#define TAG_KIT 'tiKT'

/* ------------------------------------------------------------------------ */
/* Registration: source order, fixtures.                                     */
/* ------------------------------------------------------------------------ */
static char Order[8];

static void Ran(char Test)
{
    size_t Used = strlen(Order);
    if (Used + 1 < sizeof(Order)) {
        Order[Used] = Test;
    }
}

/* Registered by main, last, but for line 1: runs before every SIM_TEST. */
static void RunsByItsLine(void **State)
{
    (void)State;
    Ran('0');
}

SIM_TEST(RunsFirst)
{
    Ran('a');
    /* A fresh, clean machine (SimTestSetup). */
    assert_true(SimIsClean(NULL, 0));
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static int SetupMarks(void **State)
{
    *State = (void *)"set up";
    return SimTestSetup(State);
}

SIM_TEST_F(RunsSecondWithItsOwnSetup, SetupMarks, SimTestTeardown)
{
    Ran('b');
    assert_string_equal((const char *)*State, "set up");
}

SIM_TEST(RunsThirdAndSeesTheOrder)
{
    Ran('c');
    assert_string_equal(Order, "0abc");
}

/* ------------------------------------------------------------------------ */
/* Tables.                                                                   */
/* ------------------------------------------------------------------------ */
static KEVENT Event;

/* KeWaitForSingleObject with a zero timeout on an event: the status says
 * whether it was signalled (Args: the state it is created in). */
static void WaitWithoutTimeout(SIM_CASE_RUN *Run)
{
    BOOLEAN Signalled = *(const BOOLEAN *)Run->Case->Args;
    LARGE_INTEGER Zero = {.QuadPart = 0};
    KeInitializeEvent(&Event, NotificationEvent, Signalled);
    Run->Status = KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero);
}

/* A double free: 0xC2/0x07 with the block's address in Parameter 4, known
 * only once the block exists. */
static void FreeTwice(SIM_CASE_RUN *Run)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_KIT);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_KIT);
    Run->Want[3] = (ULONG_PTR)Block;
    ExFreePoolWithTag(Block, TAG_KIT);
}

/* Leaves a block allocated: a status row must leave the machine clean. */
static void Leak(SIM_CASE_RUN *Run)
{
    (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_KIT);
    Run->Status = STATUS_SUCCESS;
}

static const BOOLEAN Signalled = TRUE, NotSignalled = FALSE;

SIM_TEST(TableRowsPassWithTheirOutcome)
{
    static const SIM_CASE Cases[] = {
        {"a signalled event satisfies the wait", WaitWithoutTimeout,
         SIM_RETURNS(STATUS_SUCCESS), &Signalled},
        {"an unsignalled event times out", WaitWithoutTimeout, SIM_RETURNS(STATUS_TIMEOUT),
         &NotSignalled},
        {"double free: 0xC2/0x07, the block in P4", FreeTwice,
         SIM_BUGCHECKS(0xC2, 0x07, SIM_ANY, SIM_ANY, SIM_ANY), NULL},
    };
    SIM_RUN_CASES(Cases);
    assert_false(SimIsStopped(NULL)); /* reset after the last row */
}

/* In the child: a table with three wrong rows and one right one. */
static void WrongTable(void **State)
{
    (void)State;
    static const SIM_CASE Cases[] = {
        {"row 1 wrong status", WaitWithoutTimeout, SIM_RETURNS(STATUS_SUCCESS), &NotSignalled},
        {"row 2 right", WaitWithoutTimeout, SIM_RETURNS(STATUS_TIMEOUT), &NotSignalled},
        {"row 3 wrong code", FreeTwice, SIM_BUGCHECKS(0xDA, SIM_ANY, SIM_ANY, SIM_ANY, SIM_ANY),
         NULL},
        {"row 4 leaves a block", Leak, SIM_RETURNS(STATUS_SUCCESS), NULL},
    };
    SIM_RUN_CASES(Cases);
}

static void RunWrongTable(void *Context)
{
    (void)Context;
    const struct CMUnitTest Tests[] = {cmocka_unit_test(WrongTable)};
    _exit(cmocka_run_group_tests_name("inner", Tests, NULL, NULL));
}

static SIM_CHILD Child; /* static: it is large */

SIM_TEST(TableReportsEveryWrongRow)
{
    assert_true(SimRunChild(RunWrongTable, NULL, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 1); /* one failed test */
    SIM_EXPECT_CHILD_SAYS(&Child, "row 1 wrong status\n  expected status 0x00000000\n"
                                  "  got 0x00000102");
    SIM_EXPECT_CHILD_SAYS(&Child, "row 3 wrong code\n  expected bug check 0xDA * * *");
    SIM_EXPECT_CHILD_SAYS(&Child, "row 4 leaves a block\n  the machine is not clean");
    SIM_EXPECT_CHILD_SAYS(&Child, "3 of 4 rows wrong");
    assert_null(strstr(Child.Out, "row 2"));
    assert_null(strstr(Child.Err, "row 2"));
}

/* ------------------------------------------------------------------------ */
/* Death tests: how a child ended.                                           */
/* ------------------------------------------------------------------------ */
typedef enum { EndReturns, EndExits, EndAborts, EndStops, EndHangs } END;

static void Ends(void *Context)
{
    printf("to stdout\n");
    fprintf(stderr, "to stderr\n");
    switch (*(const END *)Context) {
    case EndReturns: return;
    case EndExits: exit(3);
    case EndAborts: raise(SIGTERM); break;
    case EndStops: KeBugCheckEx(0xE2, 1, 2, 3, 4);
    case EndHangs: pause(); break;
    }
}

SIM_TEST(ChildEndingsAreTold)
{
    static const END Returns = EndReturns, Exits = EndExits, Aborts = EndAborts,
                     Stops = EndStops, Hangs = EndHangs;
    assert_true(SimRunChild(Ends, (void *)&Returns, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
    SIM_EXPECT_CHILD_SAYS(&Child, "to stdout");
    assert_string_equal(Child.Err, "to stderr\n");
    assert_true(SimRunChild(Ends, (void *)&Exits, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 3);
    assert_string_equal(Child.Out, "to stdout\n");
    assert_true(SimRunChild(Ends, (void *)&Aborts, 60, &Child));
    SIM_EXPECT_CHILD_SIGNAL(&Child, SIGTERM);
    assert_true(SimRunChild(Ends, (void *)&Stops, 60, &Child));
    SIM_EXPECT_CHILD_BUGCHECK(&Child, 0xE2, 1, 2, 3, 4);
    SIM_EXPECT_CHILD_BUGCHECK(&Child, 0xE2, SIM_ANY, 2, SIM_ANY, 4);
    assert_true(SimRunChild(Ends, (void *)&Hangs, 1, &Child)); /* the alarm ends it */
    SIM_EXPECT_CHILD_SIGNAL(&Child, SIGALRM);
    char Text[96];
    assert_string_equal(SimDescribeChild(&Child, Text, sizeof(Text)),
                        "killed by signal 14 (Alarm clock)");
}

/* In the child: checks that must fail, one per inner test. */
static void WrongExit(void **State)
{
    (void)State;
    static const END Exits = EndExits;
    assert_true(SimRunChild(Ends, (void *)&Exits, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 4);
}

static void WrongStop(void **State)
{
    (void)State;
    static const END Stops = EndStops;
    assert_true(SimRunChild(Ends, (void *)&Stops, 60, &Child));
    SIM_EXPECT_CHILD_BUGCHECK(&Child, 0xE2, 1, 2, 3, 5);
}

static void WrongText(void **State)
{
    (void)State;
    static const END Exits = EndExits;
    assert_true(SimRunChild(Ends, (void *)&Exits, 60, &Child));
    SIM_EXPECT_CHILD_SAYS(&Child, "not printed");
}

static void RunWrongChecks(void *Context)
{
    (void)Context;
    const struct CMUnitTest Tests[] = {cmocka_unit_test(WrongExit), cmocka_unit_test(WrongStop),
                                       cmocka_unit_test(WrongText)};
    _exit(cmocka_run_group_tests_name("inner", Tests, NULL, NULL));
}

SIM_TEST(WrongChildEndingsFailTheTest)
{
    assert_true(SimRunChild(RunWrongChecks, NULL, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 3); /* three failed tests */
    SIM_EXPECT_CHILD_SAYS(&Child, "child exited 3, expected exit status 4");
    SIM_EXPECT_CHILD_SAYS(&Child, "expected exit 86 and the stop 0xE2 0x1 0x2 0x3 0x5");
    SIM_EXPECT_CHILD_SAYS(&Child, "expected output containing \"not printed\"");
}

/* Hooks: BeforeFork in the parent (the child inherits what it did), InChild
 * before the body, InParent while the child runs. */
typedef struct _HOOKED {
    int Before;
    int ToChild[2];
    int InParentSaw; /* what InParent read from the child's stdout file: nothing needed */
} HOOKED;

static void HookBefore(void *Context)
{
    ((HOOKED *)Context)->Before = 1;
}

static void HookInChild(void *Context)
{
    printf("in child, before=%d\n", ((HOOKED *)Context)->Before);
}

static void HookInParent(void *Context)
{
    HOOKED *Hooked = (HOOKED *)Context;
    Hooked->InParentSaw = (int)write(Hooked->ToChild[1], "g", 1);
}

static void WaitsForParent(void *Context)
{
    char Go = 0;
    _exit(read(((HOOKED *)Context)->ToChild[0], &Go, 1) == 1 && Go == 'g' ? 0 : 1);
}

SIM_TEST(HooksRunAroundTheFork)
{
    static HOOKED Hooked;
    memset(&Hooked, 0, sizeof(Hooked));
    assert_int_equal(pipe(Hooked.ToChild), 0);
    static const SIM_CHILD_HOOKS Hooks = {HookBefore, HookInChild, HookInParent};
    assert_true(SimRunChildHooked(WaitsForParent, &Hooked, 60, &Hooks, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 0); /* the parent's byte arrived while it ran */
    SIM_EXPECT_CHILD_SAYS(&Child, "in child, before=1");
    assert_int_equal(Hooked.InParentSaw, 1);
    close(Hooked.ToChild[0]);
    close(Hooked.ToChild[1]);
}

/* ------------------------------------------------------------------------ */
/* A test that leaves a catch frame's body by a longjmp (a failed assertion,  */
/* skip()) leaves the frame dead: the next test's stop must not land in it.  */
/*                                                                           */
/*   inner test 1: a catch frame, fail() inside it    fails (the assertion) */
/*   inner test 2: KeBugCheckEx(0xE2, ...), uncaught  fails (the stop, told) */
/*   inner test 3: a bug check caught as expected     passes                 */
/*                                                                           */
/* Test 1's frame is static, as SIM_CATCH_BUGCHECK's would be on a stack not */
/* yet reused: still intact when test 2 stops, a stop that lands in it ends  */
/* the child with 42 instead of failing test 2.                              */
/* ------------------------------------------------------------------------ */
static void FailsInsideACatchFrame(void **State)
{
    (void)State;
    static SIM_CATCH_FRAME Frame;
    SimPushCatchFrame(&Frame, SimFrameBugCheck);
    if (SIM_SETJMP(Frame.Jump) == 0) {
        fail_msg("leaves its catch frame");
    }
    _exit(42); /* a later stop came back into this dead frame */
}

static void StopsUncaught(void **State)
{
    (void)State;
    KeBugCheckEx(0xE2, 7, 8, 9, 10);
}

static void StopsCaught(void **State)
{
    (void)State;
    SIM_EXPECT_BUGCHECK(0xE2, 11, KeBugCheckEx(0xE2, 11, 0, 0, 0));
}

static void RunDeadFrames(void *Context)
{
    (void)Context;
    cmocka_set_test_filter(NULL); /* the outer run's filter names the outer test */
    const struct CMUnitTest Tests[] = {
        cmocka_unit_test_setup_teardown(FailsInsideACatchFrame, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(StopsUncaught, SimTestSetup, SimTestTeardown),
        cmocka_unit_test_setup_teardown(StopsCaught, SimTestSetup, SimTestTeardown)};
    _exit(cmocka_run_group_tests_name("inner", Tests, NULL, NULL));
}

SIM_TEST(AFrameLeftByAFailedTestCatchesNothingLater)
{
    assert_true(SimRunChild(RunDeadFrames, NULL, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 2); /* tests 1 and 2 failed */
    SIM_EXPECT_CHILD_SAYS(&Child, "leaves its catch frame");
    SIM_EXPECT_CHILD_SAYS(&Child, "uncaught bug check in the test");
    SIM_EXPECT_CHILD_SAYS(&Child, "[       OK ] StopsCaught");
}

/* SimTestTagUsage: one tag's usage however many tags came before it, both
 * pools summed; SimTestTagUsageIn: one pool.
 *
 *   tags 'k000'..'k099'  one 16-byte non-paged block each
 *   tag  'kBth'          one 24-byte non-paged block, two 40-byte paged ones
 */
#define KIT_MANY_TAGS 100
static ULONG KitTag(ULONG i) /* 'k000' .. 'k099' as they sit in memory */
{
    return 'k' | (ULONG)('0' + i / 100) << 8 | (ULONG)('0' + i / 10 % 10) << 16 |
           (ULONG)('0' + i % 10) << 24;
}

SIM_TEST(TagUsageFindsATagAmongManyAndSumsBothPools)
{
    PVOID Blocks[KIT_MANY_TAGS];
    for (ULONG i = 0; i < KIT_MANY_TAGS; i++) {
        Blocks[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, KitTag(i));
        assert_non_null(Blocks[i]);
    }
    PVOID NonPaged = ExAllocatePool2(POOL_FLAG_NON_PAGED, 24, 'htBk');
    PVOID Paged[2] = {ExAllocatePool2(POOL_FLAG_PAGED, 40, 'htBk'),
                      ExAllocatePool2(POOL_FLAG_PAGED, 40, 'htBk')};
    assert_true(NonPaged != NULL && Paged[0] != NULL && Paged[1] != NULL);
    ExFreePoolWithTag(Paged[1], 'htBk');

    static const struct {
        ULONG Tag;
        int Pools; /* 0 both (SimTestTagUsage), 1 non-paged, 2 paged */
        ULONG64 Allocs, Frees, Bytes;
        BOOLEAN Paged;
    } Rows[] = {
        {'000k', 0, 1, 0, 16, FALSE}, /* the first tag seen */
        {'990k', 0, 1, 0, 16, FALSE}, /* the hundredth */
        {'htBk', 0, 3, 1, 64, FALSE}, /* both pools: sums, not paged only */
        {'htBk', 1, 1, 0, 24, FALSE},
        {'htBk', 2, 2, 1, 40, TRUE},
        {'enoN', 0, 0, 0, 0, FALSE}, /* never used: all zero */
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        SIM_POOL_TAG_USAGE Got = Rows[i].Pools == 0 ? SimTestTagUsage(Rows[i].Tag)
                                                    : SimTestTagUsageIn(Rows[i].Tag, Rows[i].Pools == 2);
        assert_int_equal(Got.Allocs, Rows[i].Allocs);
        assert_int_equal(Got.Frees, Rows[i].Frees);
        assert_int_equal(Got.Bytes, Rows[i].Bytes);
        assert_int_equal(Got.Paged, Rows[i].Paged);
    }
    ExFreePoolWithTag(Paged[0], 'htBk');
    ExFreePoolWithTag(NonPaged, 'htBk');
    for (ULONG i = 0; i < KIT_MANY_TAGS; i++) {
        ExFreePoolWithTag(Blocks[i], KitTag(i));
    }
}

int main(void)
{
    SimRegisterTest("RunsByItsLine", RunsByItsLine, NULL, NULL, NULL, 1);
    return SimRunTests("test kit", NULL, NULL);
}
