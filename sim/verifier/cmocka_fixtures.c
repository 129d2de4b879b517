/*
 * cmocka_fixtures.c - per-test scope for CMocka suites (docs/architecture.md 6): a fresh
 * machine before each test, a clean-machine check after it, and the bug check
 * assertion behind SIM_EXPECT_BUGCHECK.
 */
#if !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L /* fileno, strsignal, fork under -std=c11 */
#endif
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmsim_cmocka.h"
#include "../config.h"
#include "fault_run.h"
#include "../api/machine_kit.h"
#include "../mi.h" /* MiTopCatchFrame, MiSetTopCatchFrame */

static void SimDescribe(const SIM_BUGCHECK *Bc, char *Text, size_t Size)
{
    if (!Bc->Caught) {
        snprintf(Text, Size, "no bug check");
        return;
    }
    char Line[160];
    SimFormatStopLine(Bc, Line, sizeof(Line));
    snprintf(Text, Size, "%s %s%s%s", Line, SimBugCheckName(Bc->Code),
             Bc->Refused ? " (refused call to " : "", Bc->Refused ? Bc->Ddi : "");
    if (Bc->Refused) {
        size_t Used = strlen(Text);
        snprintf(Text + Used, Size - Used, ")");
    }
}

void SimCmockaCheckBugCheck(const SIM_BUGCHECK *Got, ULONG Code, ULONG_PTR P1, ULONG_PTR P2,
                            ULONG_PTR P3, ULONG_PTR P4, const char *Statement, const char *File,
                            int Line)
{
    const ULONG_PTR Want[4] = {P1, P2, P3, P4};
    if (!SimCmockaMatchBugCheck(Got, Code, Want, Statement, File, Line)) {
        _fail(File, Line);
    }
}

/* "0xC2 0x7 * * *": the expected code and parameters, for messages. */
static void SimDescribeWanted(ULONG Code, const ULONG_PTR Want[4], char *Text, size_t Size)
{
    int Used = snprintf(Text, Size, "0x%" PRIX32, (uint32_t)Code);
    for (int i = 0; i < 4 && Used > 0 && (size_t)Used < Size; i++) {
        if (Want[i] == SIM_ANY) {
            Used += snprintf(Text + Used, Size - (size_t)Used, " *");
        } else {
            Used += snprintf(Text + Used, Size - (size_t)Used, " 0x%llX",
                             (unsigned long long)Want[i]);
        }
    }
}

/* Before main() runs the groups:
 * - MMSIM_TEST_FILTER=NAME runs only the tests NAME matches (CMocka's pattern
 *   syntax: '*' and '?'), in any suite built on these fixtures: one test
 *   under a debugger, and `mmsim faults --per-test`;
 * - stdout is line-buffered, so that when stdout and stderr share one file
 *   (ctest, the fault runner) a test's messages follow its "[ RUN ]" line. */
__attribute__((constructor)) static void SimApplyTestFilter(void)
{
    setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
    const char *Filter = getenv("MMSIM_TEST_FILTER");
    if (Filter != NULL && Filter[0] == '\0') {
        /* Empty is refused like every MMSIM_* variable's (config.h), not
         * quietly read as "all tests". */
        MiConfigRefuse("MMSIM_TEST_FILTER", Filter,
                       "a CMocka test name pattern ('*' and '?' as wildcards); unset it to run "
                       "every test");
    }
    if (Filter != NULL) {
        cmocka_set_test_filter(Filter);
    }
}

/* TRUE on the thread running a test body, between SimTestSetup and
 * SimTestTeardown: CMocka's runner can be left by _fail's longjmp there. */
static _Thread_local bool SimInTest;
/* The process running the suite: a child a test forked (to watch a stop end
 * it) inherits SimInTest, but CMocka's runner is not its to return to. */
static long SimSuitePid;

/* The stop hook: a stop no SIM_CATCH_BUGCHECK takes, on the test's own
 * thread inside a test, fails that test (CMocka's _fail longjmps back to its
 * runner) instead of ending the suite with exit 86; the STOP report is
 * already printed. Elsewhere (another thread, outside a test, the exit-time
 * unload check) it declines and the process exits as usual. */
static void SimFailStoppedTest(const SIM_BUGCHECK *Stop)
{
    if (!SimInTest || ((long)getpid() != SimSuitePid && !MiFaultRunForkedHere())) {
        return;
    }
    SimInTest = false;
    char Text[400];
    SimDescribe(Stop, Text, sizeof(Text));
    print_error("uncaught bug check in the test: %s\n  (seed 0x%016llX; the machine is reset "
                "for the next test)\n",
                Text, (unsigned long long)SimGetSeed());
    _fail(__FILE__, __LINE__);
}

/* exit() after the suite: no test is running any more (registered after the
 * machine's own exit-time unload check, so it runs before it). */
static void SimLeaveTests(void)
{
    SimInTest = false;
}

/* suite23b: a shared explorer between two tests: the fixtures' state as a
 * process that ran no test has it (SimInTest false, no stop hook; SimSuitePid
 * is set by the next SimTestSetup, SimLeaveTests only clears SimInTest). */
static void SimForgetTest(void)
{
    SimInTest = false;
    SimSetStopHook(NULL);
}

/* The catch frames live when this thread's tests started (SimRunTests). A
 * test that leaves a SIM_CATCH_BUGCHECK or __try body by a longjmp (a failed
 * assertion, skip()) leaves its frame on the list, dead with its stack: the
 * next stop would jump into it. Each test's fixtures drop such frames. */
static _Thread_local SIM_CATCH_FRAME *SimFramesBeforeTests;

static void SimDropDeadFrames(void)
{
    MiSetTopCatchFrame(SimFramesBeforeTests);
}

int SimTestSetup(void **State)
{
    (void)State;
    static bool Registered;
    SimDropDeadFrames();
    SimReset();
    if (!Registered) {
        Registered = true;
        atexit(SimLeaveTests);
    }
    SimSetStopHook(SimFailStoppedTest);
    SimSuitePid = (long)getpid();
    SimInTest = true;
    return 0;
}

void SimCmockaAssertInvariants(const char *File, int Line)
{
    char Report[4096];
    if (!SimCheckInvariants(Report, sizeof(Report))) {
        print_error("%s:%d: SimCheckInvariants failed (seed 0x%llx):\n%s", File, Line,
                    (unsigned long long)SimGetSeed(), Report);
        _fail(File, Line);
    }
}

int SimTestTeardown(void **State)
{
    (void)State;
    SimInTest = false;
    SimDropDeadFrames();
    /* A stopped or unclean machine is reset; the new one is built when
     * next used (proc22: a process run for this one test ends without
     * building a machine nobody uses). */
    if (SimIsStopped(NULL)) {
        MiResetOnNextUse(NULL); /* a test that expected a stop leaves a dead machine */
        return 0;
    }
    char Report[2048];
    if (!SimIsClean(Report, sizeof(Report))) {
        print_error("machine not clean after the test (seed 0x%016llX):\n%s",
                    (unsigned long long)SimGetSeed(), Report);
        MiResetOnNextUse(NULL);
        return -1;
    }
    return 0;
}

int SimTestTeardownDefault(void **State)
{
    int Result = SimTestTeardown(State);
    /* The default machine back, built when next used (as SimTestTeardown's
     * reset; a host that then refuses it ends the process with 89). */
    SIM_CONFIG Default;
    SimDefaultConfig(&Default);
    MiResetOnNextUse(&Default);
    return Result;
}

int SimTestGroupTeardown(void **State)
{
    (void)State;
    SIM_CONFIG Default;
    SimDefaultConfig(&Default);
    MiResetOnNextUse(&Default); /* as SimTestTeardownDefault */
    return 0;
}

void SimTestSetStrict(BOOLEAN Strict)
{
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    Config.Strict = Strict;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

void SimTestFreeMdlPages(PMDL Mdl)
{
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
}

PVOID SimTestMapPage(PMDL *Mdl)
{
    PHYSICAL_ADDRESS Low = {{0, 0}}, High = {{0xFFFFFFFF, 0x7FFFFFFF}}, Skip = {{0, 0}};
    *Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, PAGE_SIZE, MmCached, 0);
    PVOID Va = *Mdl != NULL ? MmMapLockedPagesSpecifyCache(*Mdl, KernelMode, MmCached, NULL,
                                                           FALSE, NormalPagePriority)
                            : NULL;
    if (Va == NULL && *Mdl != NULL) {
        SimTestFreeMdlPages(*Mdl);
        *Mdl = NULL;
    }
    return Va;
}

ULONG SimTestFillPool(POOL_FLAGS Flags, SIZE_T Bytes, ULONG Tag, PVOID *Blocks, ULONG Max)
{
    ULONG Count = 0;
    while (Count < Max && (Blocks[Count] = ExAllocatePool2(Flags, Bytes, Tag)) != NULL) {
        Count++;
    }
    return Count;
}

void SimTestFreePool(PVOID *Blocks, ULONG Count, ULONG Tag)
{
    for (ULONG i = 0; i < Count; i++) {
        ExFreePoolWithTag(Blocks[i], Tag);
    }
}

/* Rows 0 (both pools), 1 (non-paged only) or 2 (paged only) of one tag. */
static SIM_POOL_TAG_USAGE SimTagUsageOf(ULONG Tag, int Pools)
{
    SIM_POOL_TAG_USAGE Sum;
    memset(&Sum, 0, sizeof(Sum));
    /* Sized by asking (a fixed table would miss a tag seen late), again if
     * another thread's first use of a tag came in between. */
    SIM_POOL_TAG_USAGE *Rows = NULL;
    ULONG Capacity = 0;
    ULONG Count = SimQueryPoolUsage(NULL, 0);
    while (Count > Capacity) {
        Capacity = Count + 8;
        free(Rows);
        Rows = calloc(Capacity, sizeof(*Rows));
        assert_non_null(Rows);
        Count = SimQueryPoolUsage(Rows, Capacity);
    }
    bool AnyNonPaged = false;
    for (ULONG i = 0; i < Count; i++) {
        if (Rows[i].Tag != Tag || (Pools == 1 && Rows[i].Paged) || (Pools == 2 && !Rows[i].Paged)) {
            continue;
        }
        Sum.Tag = Tag;
        Sum.Allocs += Rows[i].Allocs;
        Sum.Frees += Rows[i].Frees;
        Sum.Bytes += Rows[i].Bytes;
        AnyNonPaged |= !Rows[i].Paged;
        Sum.Paged = !AnyNonPaged;
    }
    free(Rows);
    return Sum;
}

SIM_POOL_TAG_USAGE SimTestTagUsage(ULONG Tag)
{
    return SimTagUsageOf(Tag, 0);
}

SIM_POOL_TAG_USAGE SimTestTagUsageIn(ULONG Tag, BOOLEAN Paged)
{
    return SimTagUsageOf(Tag, Paged ? 2 : 1);
}

/* ---- Registration (SIM_TEST) ------------------------------------------ */
typedef struct _SIM_REGISTERED {
    struct CMUnitTest Test;
    int Line;
    size_t Order; /* registration order, for a stable sort */
} SIM_REGISTERED;

static SIM_REGISTERED *SimRegistered;
static size_t SimRegisteredCount, SimRegisteredCapacity;

void SimRegisterTest(const char *Name, CMUnitTestFunction Test, CMFixtureFunction Setup,
                     CMFixtureFunction Teardown, void *InitialState, int Line)
{
    if (SimRegisteredCount == SimRegisteredCapacity) {
        size_t Capacity = SimRegisteredCapacity == 0 ? 64 : 2 * SimRegisteredCapacity;
        SIM_REGISTERED *Grown = realloc(SimRegistered, Capacity * sizeof(*Grown));
        if (Grown == NULL) {
            fprintf(stderr, "mmsim: out of memory registering test %s\n", Name);
            abort();
        }
        SimRegistered = Grown;
        SimRegisteredCapacity = Capacity;
    }
    SIM_REGISTERED *R = &SimRegistered[SimRegisteredCount];
    memset(R, 0, sizeof(*R));
    R->Test.name = Name;
    R->Test.test_func = Test;
    R->Test.setup_func = Setup;
    R->Test.teardown_func = Teardown;
    R->Test.initial_state = InitialState;
    R->Line = Line;
    R->Order = SimRegisteredCount++;
}

/* Source order: constructors of one file need not run in it. */
static int SimCompareRegistered(const void *A, const void *B)
{
    const SIM_REGISTERED *X = A, *Y = B;
    if (X->Line != Y->Line) {
        return X->Line < Y->Line ? -1 : 1;
    }
    return X->Order < Y->Order ? -1 : X->Order > Y->Order;
}

/* CMocka's own filter syntax: '*' any run of characters, '?' any one
 * character, everything else literal (no brackets, no escapes). */
static bool SimPatternMatches(const char *Pattern, const char *Name)
{
    if (*Pattern == '\0') {
        return *Name == '\0';
    }
    if (*Pattern == '*') {
        for (const char *At = Name;; At++) {
            if (SimPatternMatches(Pattern + 1, At)) {
                return true;
            }
            if (*At == '\0') {
                return false;
            }
        }
    }
    if (*Name != '\0' && (*Pattern == '?' || *Pattern == *Name)) {
        return SimPatternMatches(Pattern + 1, Name + 1);
    }
    return false;
}

/* MMSIM_TEST_LIST: the listing process ends at its exit without the exit
 * checks (nothing ran; a sanitizer's leak check costs a run's worth). */
static void SimEndListing(void)
{
    fflush(stdout);
    _exit(0);
}

int SimRunTests(const char *GroupName, CMFixtureFunction GroupSetup,
                CMFixtureFunction GroupTeardown)
{
    static int Calls;
    bool FirstCall = Calls++ == 0;
    SimFramesBeforeTests = MiTopCatchFrame();
    qsort(SimRegistered, SimRegisteredCount, sizeof(*SimRegistered), SimCompareRegistered);
    /* A filter that selects nothing would make the run pass with no test
     * run (a typo in CI, a renamed test under `faults --per-test`): it is a
     * bad MMSIM_* value like any other. */
    const char *Filter = getenv("MMSIM_TEST_FILTER");
    if (Filter != NULL) {
        size_t Matched = 0;
        for (size_t i = 0; i < SimRegisteredCount; i++) {
            Matched += SimPatternMatches(Filter, SimRegistered[i].Test.name) ? 1 : 0;
        }
        if (Matched == 0) {
            char Why[300];
            snprintf(Why, sizeof(Why),
                     "it matches none of the %zu tests of %s (a CMocka test name pattern, "
                     "'*' and '?' as wildcards)",
                     SimRegisteredCount, GroupName);
            MiConfigRefuseWhy("MMSIM_TEST_FILTER", Filter, Why);
        }
    }
    /* MMSIM_TEST_LIST=1: the tests (those the filter selects) are listed,
     * one "[ LIST     ] NAME" line each, in the order they would run, and
     * none runs: how `mmsim faults --per-test` learns a suite's tests
     * without running it whole (faults20b). suite23: every call lists them
     * (a suite calling SimRunTests twice lists each test twice: the runner
     * gives it no shared explorer) and returns 0; the process ends at its
     * exit without the exit checks: nothing ran. */
    const char *List = getenv("MMSIM_TEST_LIST");
    static char First[256];
    if (List != NULL && strcmp(List, "1") != 0) {
        MiConfigRefuse("MMSIM_TEST_LIST", List,
                       "1 (list the tests instead of running them); unset it to run them");
    }
    /* suite23: the runner's first explorer lists the tests (in a process it
     * forks, which lists every call as a listing run does), then runs the
     * tests the runner hands it, the first one now. */
    if (List != NULL && FirstCall && MiFaultRunListFirst(First, sizeof(First)) == 1) {
        List = NULL;
        Filter = First;
#if !defined(_WIN32)
        setenv("MMSIM_TEST_FILTER", First, 1);
#endif
        cmocka_set_test_filter(First);
    }
    if (List != NULL) {
        for (size_t i = 0; i < SimRegisteredCount; i++) {
            if (Filter == NULL || SimPatternMatches(Filter, SimRegistered[i].Test.name)) {
                printf("[ LIST     ] %s\n", SimRegistered[i].Test.name);
            }
        }
        fflush(stdout);
        if (FirstCall) {
            atexit(SimEndListing);
        }
        MiFaultRunListed();
        return 0;
    }
    struct CMUnitTest *Tests = calloc(SimRegisteredCount + 1, sizeof(*Tests));
    if (Tests == NULL) {
        fprintf(stderr, "mmsim: out of memory running %s\n", GroupName);
        return 1;
    }
    for (size_t i = 0; i < SimRegisteredCount; i++) {
        Tests[i] = SimRegistered[i].Test;
    }
    /* suite23: a shared explorer of `mmsim faults --per-test` runs test after
     * test here, each as a one-test group as its run alone would (the
     * runner's filter), until the runner says stop; then it returns that
     * test's result, as a run of it alone. A child forked at a failing call
     * of a test is that test's run: it returns after the test's group. */
    bool Shared = FirstCall && Filter != NULL;
    if (Shared) {
        MiFaultRunMarkLogStart();
    }
    int Failed;
    for (;;) {
        Failed = _cmocka_run_group_tests(GroupName, Tests, SimRegisteredCount, GroupSetup,
                                         GroupTeardown);
        if (!Shared || !MiFaultRunShared()) {
            break;
        }
        /* The check a run of this test alone makes at its exit (it ends
         * this process as it would end that one, on a leak). */
        MiUnloadCheckBetweenTests();
        static char Next[256];
        if (!MiFaultRunNextTest(Failed, Failed == 0, Next, sizeof(Next))) {
            break;
        }
        /* The next test starts as in a process of its own: no test
         * running, no stop hook (a SimTestSetup with no teardown leaves
         * both: suite23b, stop_hook_target.c), the default machine, built at
         * its first use. */
        SimForgetTest();
        SIM_CONFIG Default;
        SimDefaultConfig(&Default);
        MiResetOnNextUse(&Default);
#if !defined(_WIN32)
        setenv("MMSIM_TEST_FILTER", Next, 1);
#endif
        cmocka_set_test_filter(Next);
    }
    free(Tests);
    return Failed;
}

/* ---- Tables (SIM_RUN_CASES) ------------------------------------------- */
BOOLEAN SimCmockaMatchBugCheck(const SIM_BUGCHECK *Got, ULONG Code, const ULONG_PTR Want[4],
                               const char *Statement, const char *File, int Line)
{
    bool Ok = Got->Caught && !Got->Refused && Got->Code == Code;
    for (int i = 0; Ok && i < 4; i++) {
        if (Want[i] != SIM_ANY && Want[i] != Got->Parameters[i]) {
            Ok = false;
        }
    }
    if (!Ok) {
        char Text[400];
        SimDescribe(Got, Text, sizeof(Text));
        char Expected[200];
        SimDescribeWanted(Code, Want, Expected, sizeof(Expected));
        print_error("%s:%d: %s\n  expected bug check %s\n  got %s\n  (seed 0x%016llX)\n", File,
                    Line, Statement, Expected, Text, (unsigned long long)SimGetSeed());
    }
    return Ok;
}

/* One status row: no stop, the status, a clean and consistent machine. */
static bool SimCheckStatusRow(const SIM_CASE *Case, const SIM_CASE_RUN *Run,
                              const SIM_BUGCHECK *Got, const char *File, int Line)
{
    char Report[2048];
    if (Got->Caught) {
        char Text[400];
        SimDescribe(Got, Text, sizeof(Text));
        print_error("%s:%d: %s\n  expected status 0x%08X\n  got %s\n", File, Line, Case->Rule,
                    (unsigned)Case->Expect.Status, Text);
        return false;
    }
    if (Run->Status != Case->Expect.Status) {
        print_error("%s:%d: %s\n  expected status 0x%08X\n  got 0x%08X\n", File, Line,
                    Case->Rule, (unsigned)Case->Expect.Status, (unsigned)Run->Status);
        return false;
    }
    if (!SimIsClean(Report, sizeof(Report)) || !SimCheckInvariants(Report, sizeof(Report))) {
        print_error("%s:%d: %s\n  the machine is not clean and consistent after the row:\n%s",
                    File, Line, Case->Rule, Report);
        return false;
    }
    return true;
}

void SimCmockaRunCases(const SIM_CASE *Cases, size_t Count, const char *File, int Line)
{
    size_t volatile Wrong = 0; /* survives the longjmp of a caught stop */
    for (size_t volatile r = 0; r < Count; r++) {
        const SIM_CASE *Case = &Cases[r];
        static SIM_CASE_RUN Run; /* static: survives the longjmp of a caught stop */
        memset(&Run, 0, sizeof(Run));
        Run.Case = Case;
        memcpy(Run.Want, Case->Expect.Parameters, sizeof(Run.Want));
        SimReset();
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, Case->Call(&Run));
        bool Ok = Case->Expect.BugCheck
                      ? SimCmockaMatchBugCheck(&Got, Case->Expect.Code, Run.Want, Case->Rule,
                                               File, Line) &&
                            SimIsStopped(NULL) /* a caught stop holds until a reset */
                      : SimCheckStatusRow(Case, &Run, &Got, File, Line);
        Wrong += Ok ? 0 : 1;
    }
    SimReset();
    if (Wrong != 0) {
        print_error("%s:%d: %zu of %zu rows wrong\n", File, Line, Wrong, Count);
        _fail(File, Line);
    }
}

#if SIM_HAVE_DEATH_TESTS
/* ---- Death tests (SimRunChild) ---------------------------------------- */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>

/* Reads what the child wrote to File (from its start) into Buffer. */
static void SimReadBack(FILE *File, char *Buffer, size_t Size)
{
    size_t Got = 0;
    if (File != NULL && fseek(File, 0, SEEK_SET) == 0) {
        Got = fread(Buffer, 1, Size - 1, File);
    }
    Buffer[Got] = '\0';
    if (File != NULL) {
        fclose(File);
    }
}

BOOLEAN SimRunChild(SIM_CHILD_BODY Body, void *Context, unsigned AlarmSeconds,
                    SIM_CHILD *Child)
{
    return SimRunChildHooked(Body, Context, AlarmSeconds, NULL, Child);
}

BOOLEAN SimRunChildHooked(SIM_CHILD_BODY Body, void *Context, unsigned AlarmSeconds,
                          const SIM_CHILD_HOOKS *Hooks, SIM_CHILD *Child)
{
    memset(Child, 0, sizeof(*Child));
    Child->Status = -1;
    /* Files, not pipes: nothing blocks however much the child writes, and a
     * grandchild holding the descriptors cannot keep the parent waiting. */
    FILE *Out = tmpfile();
    FILE *Err = tmpfile();
    if (Out == NULL || Err == NULL) {
        SimReadBack(Out, Child->Out, sizeof(Child->Out));
        SimReadBack(Err, Child->Err, sizeof(Child->Err));
        return FALSE;
    }
    fflush(stdout);
    fflush(stderr);
    if (Hooks != NULL && Hooks->BeforeFork != NULL) {
        Hooks->BeforeFork(Context);
    }
    pid_t Pid = fork();
    if (Pid == 0) {
        dup2(fileno(Out), STDOUT_FILENO);
        dup2(fileno(Err), STDERR_FILENO);
        /* Appending: a seek on the shared files cannot overwrite output. */
        fcntl(STDOUT_FILENO, F_SETFL, O_APPEND);
        fcntl(STDERR_FILENO, F_SETFL, O_APPEND);
        if (Hooks != NULL && Hooks->InChild != NULL) {
            Hooks->InChild(Context);
        }
        if (AlarmSeconds != 0) {
            alarm(AlarmSeconds);
        }
        Body(Context);
        fflush(stdout);
        _exit(SIM_CHILD_RETURNED);
    }
    if (Pid > 0 && Hooks != NULL && Hooks->InParent != NULL) {
        Hooks->InParent(Context);
    }
    int WaitStatus = 0;
    pid_t Waited = -1;
    if (Pid > 0) {
        do {
            Waited = waitpid(Pid, &WaitStatus, 0);
        } while (Waited < 0 && errno == EINTR);
    }
    SimReadBack(Out, Child->Out, sizeof(Child->Out));
    SimReadBack(Err, Child->Err, sizeof(Child->Err));
    if (Pid < 0 || Waited != Pid) {
        return FALSE;
    }
    Child->Exited = WIFEXITED(WaitStatus) ? TRUE : FALSE;
    Child->Status = Child->Exited ? WEXITSTATUS(WaitStatus) : -1;
    Child->Signal = WIFSIGNALED(WaitStatus) ? WTERMSIG(WaitStatus) : 0;
    return TRUE;
}

const char *SimDescribeChild(const SIM_CHILD *Child, char *Text, size_t Size)
{
    if (Child->Exited) {
        snprintf(Text, Size, "exited %d", Child->Status);
    } else {
        snprintf(Text, Size, "killed by signal %d (%s)", Child->Signal, strsignal(Child->Signal));
    }
    return Text;
}

static void SimFailChild(const SIM_CHILD *Child, const char *Expected, const char *What,
                         const char *File, int Line)
{
    char How[160];
    print_error("%s:%d: %s%schild %s, expected %s\n  child stdout:\n%s\n  child stderr:\n%s\n",
                File, Line, What != NULL ? What : "", What != NULL ? ": " : "",
                SimDescribeChild(Child, How, sizeof(How)), Expected, Child->Out, Child->Err);
    _fail(File, Line);
}

void SimCmockaExpectChild(const SIM_CHILD *Child, BOOLEAN Exited, int StatusOrSignal,
                          const char *What, const char *File, int Line)
{
    bool Ok = Exited ? Child->Exited && Child->Status == StatusOrSignal
                     : !Child->Exited && Child->Signal == StatusOrSignal;
    if (!Ok) {
        char Expected[160];
        if (Exited) {
            snprintf(Expected, sizeof(Expected), "exit status %d", StatusOrSignal);
        } else {
            snprintf(Expected, sizeof(Expected), "signal %d (%s)", StatusOrSignal,
                     strsignal(StatusOrSignal));
        }
        SimFailChild(Child, Expected, What, File, Line);
    }
}

void SimCmockaExpectChildBugCheck(const SIM_CHILD *Child, ULONG Code, const ULONG_PTR Want[4],
                                  const char *File, int Line)
{
    /* "*** STOP: 0x000000DA (0x...,0x...,0x...,0x...)" (SimFormatStopLine):
     * the first stop line on stderr. */
    const char *Text = strstr(Child->Err, "*** STOP: ");
    unsigned long long Got[4] = {0, 0, 0, 0};
    unsigned GotCode = 0;
    bool Ok = Child->Exited && Child->Status == SIM_EXIT_BUGCHECK &&
              Text != NULL &&
              sscanf(Text, "*** STOP: 0x%x (0x%llx,0x%llx,0x%llx,0x%llx)", &GotCode, &Got[0],
                     &Got[1], &Got[2], &Got[3]) == 5 &&
              GotCode == Code;
    for (int i = 0; Ok && i < 4; i++) {
        Ok = Want[i] == SIM_ANY || Want[i] == (ULONG_PTR)Got[i];
    }
    if (!Ok) {
        char Wanted[200], Expected[240];
        SimDescribeWanted(Code, Want, Wanted, sizeof(Wanted));
        snprintf(Expected, sizeof(Expected), "exit %d and the stop %s", SIM_EXIT_BUGCHECK, Wanted);
        SimFailChild(Child, Expected, NULL, File, Line);
    }
}

void SimCmockaExpectChildSays(const SIM_CHILD *Child, const char *Text, const char *File,
                              int Line)
{
    if (strstr(Child->Err, Text) == NULL && strstr(Child->Out, Text) == NULL) {
        char Expected[300];
        snprintf(Expected, sizeof(Expected), "output containing \"%s\"", Text);
        SimFailChild(Child, Expected, NULL, File, Line);
    }
}
#endif /* SIM_HAVE_DEATH_TESTS */
