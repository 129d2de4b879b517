/*
 * mmsim_cmocka.h - the test kit: CMocka helpers for tests of driver code on
 * mmsim (docs/verifier.md, "The test kit").
 *
 *   SIM_TEST(FreeTwiceStops)                       registration: a test with
 *   {                                              a fresh machine, failed if
 *       PVOID P = ExAllocatePool2(...);            it leaves the machine
 *       ExFreePoolWithTag(P, 'gaT1');              unclean
 *       SIM_EXPECT_BUGCHECK(0xC2, 0x07, ExFreePoolWithTag(P, 'gaT1'));
 *   }
 *   int main(void) { return SimRunTests("pool", NULL, NULL); }
 *
 *   SIM_EXPECT_BUGCHECK(0xDA, 0x107, MmMapLockedPagesWithReservedMapping(...));
 *   SIM_EXPECT_BUGCHECK4(0x50, Va, 2, SIM_ANY, 0, *(volatile char *)Va = 1);
 *   SIM_RUN_CASES(Cases);          a table: call -> status or bug check
 *   SimRunChild(Body, Ctx, 20, &Child); SIM_EXPECT_CHILD_EXIT(&Child, 86);
 *
 * Fixtures: SIM_TEST (or cmocka_unit_test_setup_teardown(Test, SimTestSetup,
 * SimTestTeardown)) gives each test a fresh machine and fails it if the
 * machine is left unclean (IRQL raised, pages, PTEs, reservations, MDLs or
 * pool still held), printing the seed that replays it. A suite built on them
 * honours MMSIM_TEST_FILTER (run only the tests a CMocka pattern matches),
 * which `mmsim faults --per-test` uses to explore one test at a time.
 */
#ifndef MMSIM_CMOCKA_H
#define MMSIM_CMOCKA_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
/* cmocka.h must come after the headers above. It has no extern "C" guards
 * of its own (1.1.5), so C++ test suites would reference mangled names. */
#ifdef __cplusplus
extern "C" {
#endif
#include <cmocka.h>
#ifdef __cplusplus
}
#endif

#include "mmsim.h"

#if !defined(_WIN32)
#define SIM_HAVE_DEATH_TESTS 1 /* SimRunChild: fork() (POSIX only) */
#else
#define SIM_HAVE_DEATH_TESTS 0 /* no fork on Windows: death tests are not built */
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A parameter value that matches anything. */
#define SIM_ANY ((ULONG_PTR)0x5A5A5A5A5A5A5A5Aull)

void SimCmockaCheckBugCheck(const SIM_BUGCHECK *Got, ULONG Code, ULONG_PTR P1, ULONG_PTR P2,
                            ULONG_PTR P3, ULONG_PTR P4, const char *Statement,
                            const char *File, int Line);

/* Statement must bug check with Code and Parameter 1 == P1 (or SIM_ANY). */
#define SIM_EXPECT_BUGCHECK(Code, P1, ...)                                                  \
    do {                                                                                    \
        SIM_BUGCHECK SimGot_;                                                               \
        SIM_CATCH_BUGCHECK(&SimGot_, __VA_ARGS__);                                          \
        SimCmockaCheckBugCheck(&SimGot_, (Code), (ULONG_PTR)(P1), SIM_ANY, SIM_ANY, SIM_ANY, \
                               #__VA_ARGS__, __FILE__, __LINE__);                           \
    } while (0)

/* Statement must bug check with all four parameters as given (SIM_ANY skips). */
#define SIM_EXPECT_BUGCHECK4(Code, P1, P2, P3, P4, ...)                                     \
    do {                                                                                    \
        SIM_BUGCHECK SimGot_;                                                               \
        SIM_CATCH_BUGCHECK(&SimGot_, __VA_ARGS__);                                          \
        SimCmockaCheckBugCheck(&SimGot_, (Code), (ULONG_PTR)(P1), (ULONG_PTR)(P2),          \
                               (ULONG_PTR)(P3), (ULONG_PTR)(P4), #__VA_ARGS__, __FILE__,    \
                               __LINE__);                                                   \
    } while (0)

/* The test fails, with the checker's report, unless SimCheckInvariants
 * holds (PTEs, PFNs, host mappings and accounting agree): every test that
 * changes memory state ends with it. */
void SimCmockaAssertInvariants(const char *File, int Line);
#define SimAssertInvariants() SimCmockaAssertInvariants(__FILE__, __LINE__)

/* Fresh machine before a test (SimReset). */
int SimTestSetup(void **State);
/* After a test: the machine must be clean unless it is stopped. */
int SimTestTeardown(void **State);

/* After a test that changed the machine: SimTestTeardown, then the default
 * machine (SimInitialize(NULL): the environment's configuration) for the
 * tests after it. */
int SimTestTeardownDefault(void **State);
/* Group teardown after a group setup that built a machine of its own: the
 * default machine back (SimInitialize(NULL)). */
int SimTestGroupTeardown(void **State);
/* Rebuilds the machine from its current configuration with Strict changed;
 * the test fails if it cannot. */
void SimTestSetStrict(BOOLEAN Strict);
/* Gives back pages from MmAllocatePagesForMdl(Ex) and their MDL. */
void SimTestFreeMdlPages(PMDL Mdl);
/* One page (MmAllocatePagesForMdlEx) mapped in system space
 * (MmMapLockedPagesSpecifyCache), for an object whose memory the test then
 * takes away (MmUnmapLockedPages); NULL (and *Mdl NULL) if the machine has no
 * page or mapping for it. Given back by SimTestFreeMdlPages(*Mdl), unmapped
 * first. */
PVOID SimTestMapPage(PMDL *Mdl);
/* Allocates Bytes-byte blocks of Tag until the pool says no or Max are
 * held (exhaustion tests); returns how many, stored in Blocks. */
ULONG SimTestFillPool(POOL_FLAGS Flags, SIZE_T Bytes, ULONG Tag, PVOID *Blocks, ULONG Max);
/* Frees Count blocks of Tag. */
void SimTestFreePool(PVOID *Blocks, ULONG Count, ULONG Tag);
/* One tag's pool usage from SimQueryPoolUsage, however many tags the
 * machine has seen: Allocs, Frees and Bytes summed over both pools, Paged
 * TRUE when the tag was used in paged pool only; all zero if never used.
 * SimTestTagUsageIn is the same for one pool. */
SIM_POOL_TAG_USAGE SimTestTagUsage(ULONG Tag);
SIM_POOL_TAG_USAGE SimTestTagUsageIn(ULONG Tag, BOOLEAN Paged);
/* A PHYSICAL_ADDRESS from a number, for DDI arguments in tables. */
static inline PHYSICAL_ADDRESS SimPhysical(LONGLONG Value)
{
    PHYSICAL_ADDRESS Address;
    Address.QuadPart = Value;
    return Address;
}

/* ---- Registration ------------------------------------------------------
 * SIM_TEST(Name) { body } defines the test and registers it (a constructor):
 * no list of tests to keep by hand. SimRunTests runs every registered test
 * in source order as one CMocka group; a suite may call it more than once
 * (e.g. once per profile, with a group setup that picks it). */
void SimRegisterTest(const char *Name, CMUnitTestFunction Test, CMFixtureFunction Setup,
                     CMFixtureFunction Teardown, void *InitialState, int Line);
int SimRunTests(const char *GroupName, CMFixtureFunction GroupSetup,
                CMFixtureFunction GroupTeardown);

/* A test with its own per-test fixtures. */
#define SIM_TEST_F(Name, Setup, Teardown)                                                   \
    static void Name(void **State);                                                        \
    __attribute__((constructor)) static void SimRegister_##Name(void)                      \
    {                                                                                       \
        SimRegisterTest(#Name, Name, (Setup), (Teardown), NULL, __LINE__);                 \
    }                                                                                       \
    static void Name(void **State __attribute__((unused)))
/* A test on a fresh machine that must be left clean. */
#define SIM_TEST(Name) SIM_TEST_F(Name, SimTestSetup, SimTestTeardown)

/* ---- Tables: "call X with these arguments -> this status / this stop" ----
 *
 *   static void FreeTwice(SIM_CASE_RUN *Run) { ...; ExFreePoolWithTag(P, T); }
 *   static const SIM_CASE Cases[] = {
 *       {"0xC2/0x07 double free", FreeTwice, SIM_BUGCHECKS(0xC2, 0x07, SIM_ANY, SIM_ANY, SIM_ANY)},
 *       {"zero bytes is refused", ZeroBytes, SIM_RETURNS(STATUS_INVALID_PARAMETER)},
 *   };
 *   SIM_RUN_CASES(Cases);
 *
 * Each row runs on a fresh machine (SimReset). A status row must not stop
 * the machine, must set Run->Status to the expected status and must leave
 * the machine clean (SimIsClean) and consistent (SimCheckInvariants). A stop
 * row must bug check with the code and parameters; its Call may fill in
 * Run->Want[i] values only known at run time (an address it allocated).
 * Every failing row is reported by its rule, then the test fails. */
typedef struct _SIM_OUTCOME {
    BOOLEAN BugCheck;         /* TRUE: a bug check with Code and Parameters */
    NTSTATUS Status;          /* FALSE: the status the call returns */
    ULONG Code;
    ULONG_PTR Parameters[4];  /* SIM_ANY matches anything */
} SIM_OUTCOME;

#define SIM_RETURNS(Status) {FALSE, (Status), 0, {0, 0, 0, 0}}
#define SIM_BUGCHECKS(Code, P1, P2, P3, P4)                                                 \
    {TRUE, 0, (Code), {(ULONG_PTR)(P1), (ULONG_PTR)(P2), (ULONG_PTR)(P3), (ULONG_PTR)(P4)}}

struct _SIM_CASE;
typedef struct _SIM_CASE_RUN {
    const struct _SIM_CASE *Case; /* the row (its Args) */
    NTSTATUS Status;              /* set by the call */
    ULONG_PTR Want[4];            /* the expected parameters, from the row */
} SIM_CASE_RUN;

typedef struct _SIM_CASE {
    const char *Rule;                 /* what the row states, printed when it fails */
    void (*Call)(SIM_CASE_RUN *Run);  /* the call; may bug check */
    SIM_OUTCOME Expect;
    const void *Args;                 /* the row's arguments, for a Call shared by rows */
} SIM_CASE;

/* Runs the rows; fails the test (after reporting every wrong row) if any is
 * wrong. The machine is reset before each row and after the last. */
void SimCmockaRunCases(const SIM_CASE *Cases, size_t Count, const char *File, int Line);
#define SIM_RUN_CASES(Cases)                                                                \
    SimCmockaRunCases((Cases), sizeof(Cases) / sizeof((Cases)[0]), __FILE__, __LINE__)

/* Like SimCmockaCheckBugCheck, but returns whether it matched (printing why
 * not) instead of failing the test: for runners that report every row. */
BOOLEAN SimCmockaMatchBugCheck(const SIM_BUGCHECK *Got, ULONG Code, const ULONG_PTR Want[4],
                               const char *Statement, const char *File, int Line);

#if SIM_HAVE_DEATH_TESTS
/* ---- Death tests: a body in a forked child, and how the child ended ------
 *
 *   parent -- fork --> child: alarm(Seconds); Body(Context); _exit(SIM_CHILD_RETURNED)
 *     |                  stdout, stderr -> unlinked temporary files
 *     '-- waitpid, then reads both files --> SIM_CHILD
 *
 * A body that returns ends with SIM_CHILD_RETURNED, which no death test
 * expects; a body that hangs ends by SIGALRM (AlarmSeconds, 0: no alarm).
 * The body may exec (its stdout and stderr are already redirected). */
#define SIM_CHILD_RETURNED 70

typedef struct _SIM_CHILD {
    BOOLEAN Exited;  /* ended by exit */
    int Status;      /* exit status if Exited, else -1 */
    int Signal;      /* terminating signal if not Exited, else 0 */
    char Out[16384]; /* the child's stdout (truncated), NUL-terminated */
    char Err[65536]; /* the child's stderr (truncated), NUL-terminated */
} SIM_CHILD;

typedef void (*SIM_CHILD_BODY)(void *Context);

/* FALSE (errno set) if the child could not be started or waited for. */
BOOLEAN SimRunChild(SIM_CHILD_BODY Body, void *Context, unsigned AlarmSeconds,
                    SIM_CHILD *Child);
/* The same, with hooks (each may be NULL): BeforeFork runs in the parent
 * just before fork (e.g. to fork under a tightened resource limit),
 * InChild in the child before the body, InParent in the parent while the
 * child runs (e.g. to talk to it over a pipe). InParent must not fail the
 * test (the child would be left unwaited): it records, the test asserts. */
typedef struct _SIM_CHILD_HOOKS {
    void (*BeforeFork)(void *Context);
    void (*InChild)(void *Context);
    void (*InParent)(void *Context);
} SIM_CHILD_HOOKS;
BOOLEAN SimRunChildHooked(SIM_CHILD_BODY Body, void *Context, unsigned AlarmSeconds,
                          const SIM_CHILD_HOOKS *Hooks, SIM_CHILD *Child);
/* "exited 86" or "killed by signal 11 (Segmentation fault)". */
const char *SimDescribeChild(const SIM_CHILD *Child, char *Text, size_t Size);

/* Checks that fail the test with the child's status and output. */
void SimCmockaExpectChild(const SIM_CHILD *Child, BOOLEAN Exited, int StatusOrSignal,
                          const char *What, const char *File, int Line);
void SimCmockaExpectChildBugCheck(const SIM_CHILD *Child, ULONG Code, const ULONG_PTR Want[4],
                                  const char *File, int Line);
void SimCmockaExpectChildSays(const SIM_CHILD *Child, const char *Text, const char *File,
                              int Line);
/* The child exited with Status. */
#define SIM_EXPECT_CHILD_EXIT(Child, Status)                                                \
    SimCmockaExpectChild((Child), TRUE, (Status), NULL, __FILE__, __LINE__)
/* The child was killed by Signal. */
#define SIM_EXPECT_CHILD_SIGNAL(Child, Signal)                                              \
    SimCmockaExpectChild((Child), FALSE, (Signal), NULL, __FILE__, __LINE__)
/* Either, from a table row: What names the row in the failure message. */
#define SIM_EXPECT_CHILD(Child, Exited, StatusOrSignal, What)                               \
    SimCmockaExpectChild((Child), (Exited), (StatusOrSignal), (What), __FILE__, __LINE__)
/* The child stopped uncaught (exit 86) and the first STOP line on its stderr
 * names Code and the parameters (SIM_ANY skips one). */
#define SIM_EXPECT_CHILD_BUGCHECK(Child, Code, P1, P2, P3, P4)                              \
    do {                                                                                    \
        const ULONG_PTR SimWant_[4] = {(ULONG_PTR)(P1), (ULONG_PTR)(P2), (ULONG_PTR)(P3),   \
                                       (ULONG_PTR)(P4)};                                    \
        SimCmockaExpectChildBugCheck((Child), (Code), SimWant_, __FILE__, __LINE__);        \
    } while (0)
/* Text is in the child's stderr or stdout. */
#define SIM_EXPECT_CHILD_SAYS(Child, Text)                                                  \
    SimCmockaExpectChildSays((Child), (Text), __FILE__, __LINE__)
#endif /* SIM_HAVE_DEATH_TESTS */

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_CMOCKA_H */
