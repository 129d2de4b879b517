/*
 * cmocka_fixtures.c - per-test scope for CMocka suites (docs/architecture.md 6): a fresh
 * machine before each test, a clean-machine check after it, and the bug check
 * assertion behind SIM_EXPECT_BUGCHECK.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmsim_cmocka.h"
#include "../config.h"

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
    char Text[400];
    SimDescribe(Got, Text, sizeof(Text));
    bool Ok = Got->Caught && !Got->Refused && Got->Code == Code;
    for (int i = 0; Ok && i < 4; i++) {
        if (Want[i] != SIM_ANY && Want[i] != Got->Parameters[i]) {
            Ok = false;
        }
    }
    if (!Ok) {
        char Expected[200];
        int Used = snprintf(Expected, sizeof(Expected), "0x%" PRIX32, (uint32_t)Code);
        for (int i = 0; i < 4; i++) {
            if (Want[i] == SIM_ANY) {
                Used += snprintf(Expected + Used, sizeof(Expected) - (size_t)Used, " *");
            } else {
                Used += snprintf(Expected + Used, sizeof(Expected) - (size_t)Used, " 0x%llX",
                                 (unsigned long long)Want[i]);
            }
        }
        print_error("%s:%d: %s\n  expected bug check %s\n  got %s\n  (seed 0x%016llX)\n", File,
                    Line, Statement, Expected, Text, (unsigned long long)SimGetSeed());
        _fail(File, Line);
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
    if (!SimInTest || (long)getpid() != SimSuitePid) {
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

int SimTestSetup(void **State)
{
    (void)State;
    static bool Registered;
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
    if (SimIsStopped(NULL)) {
        SimReset(); /* a test that expected a stop leaves a dead machine */
        return 0;
    }
    char Report[2048];
    if (!SimIsClean(Report, sizeof(Report))) {
        print_error("machine not clean after the test (seed 0x%016llX):\n%s",
                    (unsigned long long)SimGetSeed(), Report);
        SimReset();
        return -1;
    }
    return 0;
}
