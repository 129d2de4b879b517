/* fault_run.h - what the CMocka fixtures (cmocka_fixtures.c) need to know of
 * the fault runner's fork at the failing call (inject.c, docs/verifier.md). */
#ifndef MMSIM_VERIFIER_FAULT_RUN_H
#define MMSIM_VERIFIER_FAULT_RUN_H

#include <stdbool.h>

/* True in a process `mmsim faults` forked at a failing call to become the run
 * failing it: it continues the test its parent was running, so it is the
 * process running the suite from then on (not a child a test forked). */
bool MiFaultRunForkedHere(void);

#endif
