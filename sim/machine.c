/*
 * machine.c - configuration, lazy start, reset and shutdown of the simulated
 * machine.
 *
 * A program that never calls SimInitialize gets the default machine on its
 * first DDI call, like a driver loaded into a booted system. MMSIM_*
 * environment variables adjust the defaults, so an existing test binary can
 * run under another profile or seed unchanged.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

#include "mi.h"
#include "host/host.h"
#include "mm/mi_mm.h"

SIM_CONFIG MiConfig;
ULONG64 MiSeed;

static atomic_bool MiMachineUp;
/* Set when a machine is built: the next DDI call re-arms the fault trap. A
 * test harness may have put its own SIGSEGV handler over it since (CMocka
 * does around every test body), and a driver's stray access must still be
 * the simulated bug check (0x50, 0x1E, 0xD1), not the harness's "exception". */
static atomic_bool MiTrapStale;
static bool MiSeedFixed;
/* Set in a forked child that could not get its own machine (MiForkChild). */
static atomic_bool MiForkRefused;
static char MiForkWhy[160];


/* Subsystems with machine-lifetime state, in initialisation order. */
static const MI_SUBSYSTEM *const MiSubsystems[] = {
#define MI_SUBSYSTEM_ENTRY(Name) &Name,
#include "mi_subsystems.h"
#undef MI_SUBSYSTEM_ENTRY
};
#define MI_SUBSYSTEM_COUNT (sizeof(MiSubsystems) / sizeof(MiSubsystems[0]))

const char *SimProfileName(SIM_PROFILE Profile)
{
    switch (Profile) {
    case SimProfileModern: return "modern";
    case SimProfileNt5: return "nt5";
    default: return "?";
    }
}

/* ---------------------------------------------------------------------- */
/* Defaults and environment.                                              */
/* ---------------------------------------------------------------------- */
_Noreturn static void MiConfigError(const char *Variable, const char *Value, const char *Expected)
{
    char Text[512];
    snprintf(Text, sizeof(Text), "mmsim: %s=\"%s\" is not valid: expected %s\n", Variable, Value,
             Expected);
    MiWriteStderr(Text);
    _exit(SIM_EXIT_CONFIG);
}

static ULONG64 MiParseNumber(const char *Variable, const char *Value, ULONG64 Min, ULONG64 Max,
                             const char *Expected)
{
    char *End = NULL;
    errno = 0;
    unsigned long long Number = strtoull(Value, &End, 0);
    if (Value[0] == '\0' || Value[0] == '-' || errno != 0 || End == NULL || *End != '\0' ||
        Number < Min || Number > Max) {
        MiConfigError(Variable, Value, Expected);
    }
    return (ULONG64)Number;
}

VOID SimDefaultConfig(SIM_CONFIG *Config)
{
    memset(Config, 0, sizeof(*Config));
    Config->PhysicalPages = 65536;      /* 256 MiB of RAM */
    Config->SystemPtes = 1u << 20;      /* 4 GiB of system PTE space */
    Config->NonPagedPoolPages = 65536;  /* 256 MiB */
    Config->PagedPoolPages = 65536;     /* 256 MiB */
    Config->Profile = SimProfileModern;
    Config->Backend = SimBackendDefault;
    Config->Strict = TRUE;
    Config->Quiet = FALSE;

    const char *Value;
    if ((Value = getenv("MMSIM_PROFILE")) != NULL) {
        if (strcmp(Value, "modern") == 0) {
            Config->Profile = SimProfileModern;
        } else if (strcmp(Value, "nt5") == 0) {
            Config->Profile = SimProfileNt5;
        } else {
            MiConfigError("MMSIM_PROFILE", Value, "\"modern\" or \"nt5\"");
        }
    }
    if ((Value = getenv("MMSIM_SEED")) != NULL) {
        Config->Seed = MiParseNumber("MMSIM_SEED", Value, 1, UINT64_MAX,
                                     "a non-zero number (decimal or 0x hex)");
    }
    if ((Value = getenv("MMSIM_PHYS_MB")) != NULL) {
        Config->PhysicalPages =
            MiParseNumber("MMSIM_PHYS_MB", Value, 1, 1u << 20, "MiB of RAM, 1 to 1048576") * 256;
    }
    if ((Value = getenv("MMSIM_BACKEND")) != NULL) {
        if (strcmp(Value, "memfd") == 0) {
            Config->Backend = SimBackendMemfd;
        } else if (strcmp(Value, "shm_open") == 0) {
            Config->Backend = SimBackendShmOpen;
        } else if (strcmp(Value, "default") == 0) {
            Config->Backend = SimBackendDefault;
        } else {
            MiConfigError("MMSIM_BACKEND", Value, "\"memfd\", \"shm_open\" or \"default\"");
        }
    }
    if ((Value = getenv("MMSIM_STRICT")) != NULL) {
        Config->Strict = (BOOLEAN)MiParseNumber("MMSIM_STRICT", Value, 0, 1, "0 or 1");
    }
    if ((Value = getenv("MMSIM_QUIET")) != NULL) {
        Config->Quiet = (BOOLEAN)MiParseNumber("MMSIM_QUIET", Value, 0, 1, "0 or 1");
    }
}

/* Fills in the PC-like physical layout when the caller gave none. */
static void MiDefaultLayout(SIM_CONFIG *Config)
{
    ULONG64 Left = Config->PhysicalPages;
    ULONG Count = 0;
    /* Below 640 KiB, from page 1 (page 0 is never RAM a driver gets). */
    ULONG64 Low = Left < 0x9F ? Left : 0x9F;
    Config->Ranges[Count++] = (SIM_PHYSICAL_RANGE){0x1, Low};
    Left -= Low;
    if (Left > 0) {
        /* From 1 MiB: half of the rest, at most up to 3 GiB. */
        ULONG64 Mid = Left - Left / 2;
        if (Mid > 0xC0000 - 0x100) {
            Mid = 0xC0000 - 0x100;
        }
        Config->Ranges[Count++] = (SIM_PHYSICAL_RANGE){0x100, Mid};
        Left -= Mid;
    }
    if (Left > 0) {
        /* The rest from 4 GiB up, as on any machine with more than 3 GiB. */
        Config->Ranges[Count++] = (SIM_PHYSICAL_RANGE){0x100000, Left};
    }
    Config->RangeCount = Count;
}

static NTSTATUS MiValidateConfig(SIM_CONFIG *Config)
{
    if (Config->Profile != SimProfileModern && Config->Profile != SimProfileNt5) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Config->SystemPtes < 16 || Config->SystemPtes > (1ull << 24) ||
        Config->NonPagedPoolPages < 16 || Config->NonPagedPoolPages > (1ull << 22) ||
        Config->PagedPoolPages < 16 || Config->PagedPoolPages > (1ull << 22)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Config->RangeCount == 0) {
        if (Config->PhysicalPages < 16 || Config->PhysicalPages > (1ull << 22)) {
            return STATUS_INVALID_PARAMETER;
        }
        MiDefaultLayout(Config);
        return STATUS_SUCCESS;
    }
    if (Config->RangeCount > SIM_MAX_PHYSICAL_RANGES) {
        return STATUS_INVALID_PARAMETER;
    }
    ULONG64 Total = 0;
    ULONG64 NextFree = 1; /* page 0 is never RAM */
    for (ULONG i = 0; i < Config->RangeCount; i++) {
        const SIM_PHYSICAL_RANGE *Range = &Config->Ranges[i];
        /* Ascending, disjoint, non-empty, inside 52-bit physical space. */
        if (Range->PageCount == 0 || Range->BasePage < NextFree ||
            Range->BasePage + Range->PageCount > (1ull << 40)) {
            return STATUS_INVALID_PARAMETER;
        }
        NextFree = Range->BasePage + Range->PageCount;
        Total += Range->PageCount;
    }
    if (Total < 16 || Total > (1ull << 22)) {
        return STATUS_INVALID_PARAMETER;
    }
    Config->PhysicalPages = Total;
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
static void MiTeardownLocked(void)
{
    if (!atomic_load(&MiMachineUp)) {
        return;
    }
    for (size_t i = MI_SUBSYSTEM_COUNT; i-- > 0;) {
        if (MiSubsystems[i]->Teardown != NULL) {
            MiSubsystems[i]->Teardown();
        }
    }
    atomic_store_explicit(&MiMachineUp, false, memory_order_release);
    atomic_store(&MiForkRefused, false);
}

/* ---------------------------------------------------------------------- */
/* fork(): the child gets a private machine.                              */
/* ---------------------------------------------------------------------- */
/* Physical memory is one shared host object, so without this a forked
 * child would write into its parent's RAM and both would hand out the same
 * pages. The fork happens with every simulator lock held (so the copied
 * state is consistent); the child copies physical memory into an object of
 * its own, maps it where the old one was, and starts worker threads when it
 * queues work. If the host cannot, the child refuses every DDI until
 * SimReset (its views of the parent's memory are made inaccessible). */

static void MiForkPrepare(void)
{
    MiLocksForkPrepare();
    MiWorkForkPrepare();
}

static void MiForkParent(void)
{
    MiWorkForkParent();
    MiLocksForkParent();
}

static void MiForkChild(void)
{
    MiWorkForkChild();
    MiLocksForkChild();
    if (!atomic_load(&MiMachineUp) || atomic_load(&MiForkRefused)) {
        return;
    }
    char Why[128];
    if (!HostPhysPrivatize(MiSpace.Base, MiSpace.Pages * PAGE_SIZE, Why, sizeof(Why))) {
        snprintf(MiForkWhy, sizeof(MiForkWhy), "%s", Why);
        atomic_store(&MiForkRefused, true);
    }
}

_Noreturn static void MiRefuseForked(void)
{
    char Text[320];
    snprintf(Text, sizeof(Text),
             "mmsim: refused: this forked child could not get its own copy of the machine (%s); "
             "only SimReset() is accepted\n",
             MiForkWhy);
    MiWriteStderr(Text);
    _exit(SIM_EXIT_REFUSED);
}

static NTSTATUS MiBuildLocked(const SIM_CONFIG *Requested)
{
    SIM_CONFIG Config = *Requested;
    NTSTATUS Status = MiValidateConfig(&Config);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    MiSeedFixed = Config.Seed != 0;
    MiSeed = MiSeedFixed ? Config.Seed : HostRandomSeed();
    MiConfig = Config;
    static bool ForkHandlers;
    if (!ForkHandlers) {
        HostOnFork(MiForkPrepare, MiForkParent, MiForkChild);
        ForkHandlers = true;
    }
    atomic_store(&MiForkRefused, false);
    MiClearStop();
    MiSetIrql(PASSIVE_LEVEL);
    for (size_t i = 0; i < MI_SUBSYSTEM_COUNT; i++) {
        if (MiSubsystems[i]->Init == NULL) {
            continue;
        }
        Status = MiSubsystems[i]->Init(&MiConfig);
        if (!NT_SUCCESS(Status)) {
            while (i-- > 0) {
                if (MiSubsystems[i]->Teardown != NULL) {
                    MiSubsystems[i]->Teardown();
                }
            }
            return Status;
        }
    }
    atomic_store_explicit(&MiTrapStale, true, memory_order_relaxed);
    atomic_store_explicit(&MiMachineUp, true, memory_order_release);
    MiRegisterExitCheck();
    return STATUS_SUCCESS;
}

bool MiIsMachineUp(void)
{
    return atomic_load_explicit(&MiMachineUp, memory_order_acquire);
}

void MiEnsureMachine(void)
{
    if (atomic_load_explicit(&MiForkRefused, memory_order_relaxed)) {
        MiRefuseForked();
    }
    if (atomic_load_explicit(&MiMachineUp, memory_order_acquire)) {
        if (atomic_load_explicit(&MiTrapStale, memory_order_relaxed) &&
            atomic_exchange(&MiTrapStale, false)) {
            HostArmFaultTrap();
        }
        return;
    }
    MiLock();
    if (!atomic_load(&MiMachineUp)) {
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        NTSTATUS Status = MiBuildLocked(&Config);
        if (!NT_SUCCESS(Status)) {
            char Text[160];
            snprintf(Text, sizeof(Text),
                     "mmsim: cannot start the default machine (status 0x%08" PRIX32 ")\n",
                     (uint32_t)Status);
            MiWriteStderr(Text);
            _exit(SIM_EXIT_CONFIG);
        }
    }
    MiUnlock();
}

NTSTATUS SimInitialize(const SIM_CONFIG *Config)
{
    SIM_CONFIG Defaults;
    if (Config == NULL) {
        SimDefaultConfig(&Defaults);
        Config = &Defaults;
    }
    MiStopWorkers();
    MiLock();
    MiTeardownLocked();
    NTSTATUS Status = MiBuildLocked(Config);
    MiUnlock();
    return Status;
}

VOID SimReset(VOID)
{
    MiStopWorkers();
    MiLock();
    SIM_CONFIG Config;
    if (atomic_load(&MiMachineUp)) {
        Config = MiConfig;
        if (!MiSeedFixed) {
            Config.Seed = 0;
        }
        MiTeardownLocked();
    } else {
        SimDefaultConfig(&Config);
    }
    NTSTATUS Status = MiBuildLocked(&Config);
    MiUnlock();
    if (!NT_SUCCESS(Status)) {
        MiWriteStderr("mmsim: SimReset could not rebuild the machine\n");
        _exit(SIM_EXIT_CONFIG);
    }
}

VOID SimShutdown(VOID)
{
    MiStopWorkers();
    MiLock();
    MiTeardownLocked();
    MiClearStop();
    MiUnlock();
}

BOOLEAN SimIsClean(char *Report, SIZE_T Size)
{
    char Scratch[16];
    if (Report == NULL || Size == 0) {
        Report = Scratch;
        Size = sizeof(Scratch);
    }
    Report[0] = '\0';
    MiEnsureMachine();
    bool Clean = true;
    if (MiCurrentIrql() != PASSIVE_LEVEL) {
        size_t Used = strlen(Report);
        snprintf(Report + Used, Size - Used, "IRQL is %u, not PASSIVE_LEVEL\n",
                 (unsigned)MiCurrentIrql());
        Clean = false;
    }
    MiLock();
    for (size_t i = 0; i < MI_SUBSYSTEM_COUNT; i++) {
        if (MiSubsystems[i]->IsClean != NULL) {
            size_t Used = strlen(Report);
            if (!MiSubsystems[i]->IsClean(Report + Used, Size - Used)) {
                Clean = false;
            }
        }
    }
    MiUnlock();
    return Clean ? TRUE : FALSE;
}

VOID SimGetConfig(SIM_CONFIG *Config)
{
    MiEnsureMachine();
    *Config = MiConfig;
}

ULONG64 SimGetSeed(VOID)
{
    MiEnsureMachine();
    return MiSeed;
}

SIM_PROFILE SimGetProfile(VOID)
{
    MiEnsureMachine();
    return MiConfig.Profile;
}
