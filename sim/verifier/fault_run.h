/* fault_run.h - what the CMocka fixtures (cmocka_fixtures.c) need to know of
 * the fault runner's fork at the failing call (inject.c, docs/verifier.md). */
#ifndef MMSIM_VERIFIER_FAULT_RUN_H
#define MMSIM_VERIFIER_FAULT_RUN_H

#include <stdbool.h>

/* True in a process `mmsim faults` forked at a failing call to become the run
 * failing it: it continues the test its parent was running, so it is the
 * process running the suite from then on (not a child a test forked). */
bool MiFaultRunForkedHere(void);

/* suite23: True in a shared explorer of `mmsim faults --per-test` (it runs
 * the tests the runner hands it one after another), once marked so before
 * its first test (MiFaultRunMarkLogStart). */
bool MiFaultRunShared(void);
/* Before the first test: in a run the runner asked to be a shared explorer
 * (and that built no machine yet), what the program printed so far starts
 * every later test's log, and its environment every later test's. */
void MiFaultRunMarkLogStart(void);
/* In it, at a test's end: Result its group's result, Again whether it may
 * run another. True with the next test's name in Test (the injection state
 * is that of a run started for it, from the next machine on); false: stop. */
bool MiFaultRunNextTest(int Result, bool Again, char *Test, size_t TestSize);
/* At the first SimRunTests call of a listing run (MMSIM_TEST_LIST) the
 * runner asked to be a shared explorer: -1 in a process forked to list the
 * tests (as a listing run does, every call); 1 in the explorer once it has
 * waited for that and the runner named its first test (in Test); 0 for any
 * other listing run. */
int MiFaultRunListFirst(char *Test, size_t TestSize);
/* suite23b: a listing run's SimRunTests returns: if the program then builds
 * a machine, its log says so ("[ AFTER    ]": main goes on after its tests,
 * and the runner gives it no shared explorer). */
void MiFaultRunListed(void);
/* The unload check a process makes at its exit (unload.c), between tests. */
void MiUnloadCheckBetweenTests(void);

#endif
