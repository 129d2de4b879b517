/* machine_kit.h - what the CMocka fixtures (sim/verifier/cmocka_fixtures.c)
 * need of the machine's lifetime beyond the Sim* API (proc22). */
#ifndef MMSIM_API_MACHINE_KIT_H
#define MMSIM_API_MACHINE_KIT_H

#include <mmsim.h>

/* Tears the machine down as SimReset would before its build, and leaves the
 * build to the next use of the machine (a DDI, a Sim* call, SimReset,
 * SimInitialize): with the configuration SimReset would use (Config NULL),
 * else with Config. docs/verifier.md, "Fixtures and helpers". */
void MiResetOnNextUse(const SIM_CONFIG *Config);

#endif
