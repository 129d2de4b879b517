/*
 * mmsim_cmocka.h - CMocka helpers for tests of driver code on mmsim.
 *
 *   SIM_EXPECT_BUGCHECK(0xDA, 0x107, MmMapLockedPagesWithReservedMapping(...));
 *   SIM_EXPECT_BUGCHECK4(0x50, Va, 2, SIM_ANY, 0, *(volatile char *)Va = 1);
 *
 * Fixtures: cmocka_unit_test_setup_teardown(Test, SimTestSetup, SimTestTeardown)
 * gives each test a fresh machine and fails it if the machine is left unclean
 * (IRQL raised, pages, PTEs, reservations, MDLs or pool still held), printing
 * the seed that replays it. A suite built on them honours MMSIM_TEST_FILTER
 * (run only the tests a CMocka pattern matches), which `mmsim faults
 * --per-test` uses to explore one test at a time.
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

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_CMOCKA_H */
