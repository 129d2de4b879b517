/*
 * machine_state.c - the running machine's configuration and seed, whether it
 * is up, and the hooks by which higher layers serve the lower ones
 * (docs/architecture.md 1.1).
 *
 * This is the bottom of the simulator above the host: every layer reads the
 * configuration from here, and every DDI asks MiEnsureMachine() for a machine.
 * Building one is the Sim* API layer's job (sim/api/machine.c); it registers
 * its builder here, so no layer calls up to get a machine. The fault-injection
 * decision is a hook table too: the DDIs ask it, the verifier fills it.
 */
#include <stdlib.h>
#include <unistd.h>

#include "../mi.h"
#include "../host/host.h"

SIM_CONFIG MiConfig;
ULONG64 MiSeed;

atomic_bool MiMachineUp;
atomic_bool MiTrapStale;
atomic_bool MiForkRefused;
bool MiKeepForNextMachine; /* setup20 */

static void (*_Atomic MiMachineBuilder)(void);
static const MI_INJECT_HOOKS *_Atomic MiInjectHooks;

void MiRegisterMachineBuilder(void (*Builder)(void))
{
    atomic_store(&MiMachineBuilder, Builder);
}

bool MiIsMachineUp(void)
{
    return atomic_load_explicit(&MiMachineUp, memory_order_acquire);
}

void MiEnsureMachine(void)
{
    if (!atomic_load_explicit(&MiForkRefused, memory_order_relaxed) &&
        atomic_load_explicit(&MiMachineUp, memory_order_acquire)) {
        if (atomic_load_explicit(&MiTrapStale, memory_order_relaxed) &&
            atomic_exchange(&MiTrapStale, false)) {
            HostArmFaultTrap();
        }
        return;
    }
    /* Builds the default machine, or refuses a forked child without one. */
    void (*Builder)(void) = atomic_load(&MiMachineBuilder);
    if (Builder == NULL) {
        MiWriteStderr("mmsim: internal error: no machine builder is linked in (the Sim* API "
                      "layer, sim/api/machine.c, registers it)\n");
        _exit(SIM_EXIT_CONFIG);
    }
    Builder();
}

static _Atomic MI_HELD_OBJECT_FINDER MiHeldObjectFinders[MiHeldObjectKinds];

void MiSetHeldObjectFinder(MI_HELD_OBJECT_KIND Kind, MI_HELD_OBJECT_FINDER Finder)
{
    atomic_store(&MiHeldObjectFinders[Kind], Finder);
}

ULONG MiFindHeldObject(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                       ULONG_PTR Parameters[4])
{
    for (int Kind = 0; Kind < MiHeldObjectKinds; Kind++) {
        MI_HELD_OBJECT_FINDER Finder = atomic_load(&MiHeldObjectFinders[Kind]);
        ULONG Code = Finder != NULL ? Finder(Start, Size, PoolType, Parameters) : 0;
        if (Code != 0) {
            return Code;
        }
    }
    return 0;
}

void MiSetInjectHooks(const MI_INJECT_HOOKS *Hooks)
{
    atomic_store(&MiInjectHooks, Hooks);
}

MI_INJECT_RESULT MiInjectFaultAt(SIM_FAULT_SITE Site, ULONG Tag, ULONG_PTR Caller)
{
    const MI_INJECT_HOOKS *Hooks = atomic_load(&MiInjectHooks);
    return Hooks != NULL ? Hooks->Decide(Site, Tag, Caller) : MiInjectNone;
}

uint64_t MiInjectShortPages(uint64_t Pages)
{
    const MI_INJECT_HOOKS *Hooks = atomic_load(&MiInjectHooks);
    return Hooks != NULL ? Hooks->ShortPages(Pages) : Pages;
}
