/*
 * inject.c - fault injection, the by-hand form: "fail the Nth call of this
 * site from now" and "cut the Nth page allocation short". The fallible DDIs
 * ask MiInjectFault() before doing their work and, when it says so, fail the
 * way they fail for want of resources (design.md 6; ddi-facts.md 6.1).
 */
#include "../mm/mi_mm.h"

typedef struct _MI_FAULT_SITE_STATE {
    ULONG Countdown;  /* 0 = disarmed; 1 = the next call fails */
    ULONG64 Injected; /* failures injected at this site */
} MI_FAULT_SITE_STATE;

static MI_FAULT_SITE_STATE MiSites[SimFaultSiteCount];
static ULONG MiShortCountdown;
static ULONG64 MiShortPages;
static ULONG64 MiPageLimit; /* every page allocation gets at most this; 0 = off */

static const char *const MiSiteNames[SimFaultSiteCount] = {
    "pool", "IoAllocateMdl", "MmAllocatePagesForMdl", "MmAllocateMappingAddress",
    "MmProbeAndLockPages", "MmMapLockedPagesSpecifyCache", "IoAllocateWorkItem"};

const char *SimFaultSiteName(SIM_FAULT_SITE Site)
{
    return (unsigned)Site < SimFaultSiteCount ? MiSiteNames[Site] : "?";
}

VOID SimFailNthCall(SIM_FAULT_SITE Site, ULONG Nth)
{
    MiEnsureMachine();
    if ((unsigned)Site >= SimFaultSiteCount) {
        return;
    }
    MiLock();
    MiSites[Site].Countdown = Nth;
    MiUnlock();
}

VOID SimShortenNthPageAllocation(ULONG Nth, ULONG64 Pages)
{
    MiEnsureMachine();
    MiLock();
    MiShortCountdown = Nth;
    MiShortPages = Pages;
    MiUnlock();
}

VOID SimLimitPageAllocations(ULONG64 MaxPages)
{
    MiEnsureMachine();
    MiLock();
    MiPageLimit = MaxPages;
    MiUnlock();
}

VOID SimClearFaults(VOID)
{
    MiEnsureMachine();
    MiLock();
    for (int i = 0; i < SimFaultSiteCount; i++) {
        MiSites[i].Countdown = 0;
    }
    MiShortCountdown = 0;
    MiPageLimit = 0;
    MiUnlock();
}

ULONG64 SimFaultsInjected(SIM_FAULT_SITE Site)
{
    MiEnsureMachine();
    MiLock();
    ULONG64 Count = 0;
    for (int i = 0; i < SimFaultSiteCount; i++) {
        if ((unsigned)Site >= SimFaultSiteCount || (int)Site == i) {
            Count += MiSites[i].Injected;
        }
    }
    MiUnlock();
    return Count;
}

bool MiInjectFault(SIM_FAULT_SITE Site)
{
    MiLock();
    MI_FAULT_SITE_STATE *State = &MiSites[Site];
    bool Fail = State->Countdown != 0 && --State->Countdown == 0;
    if (Fail) {
        State->Injected++;
    }
    MiUnlock();
    return Fail;
}

uint64_t MiInjectShortPages(uint64_t Pages)
{
    MiLock();
    if (MiShortCountdown != 0 && --MiShortCountdown == 0 && MiShortPages < Pages) {
        Pages = MiShortPages;
        MiSites[SimFaultAllocatePagesForMdl].Injected++;
    }
    if (MiPageLimit != 0 && MiPageLimit < Pages) {
        Pages = MiPageLimit; /* a limit shapes every call; it is not counted */
    }
    MiUnlock();
    return Pages;
}

static NTSTATUS MiInjectInit(const SIM_CONFIG *Config)
{
    (void)Config;
    memset(MiSites, 0, sizeof(MiSites));
    MiShortCountdown = 0;
    MiShortPages = 0;
    MiPageLimit = 0;
    return STATUS_SUCCESS;
}

const MI_SUBSYSTEM MiInjectSubsystem = {"fault injection", MiInjectInit, NULL, NULL};
