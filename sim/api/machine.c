/*
 * machine.c - configuration, lazy start, reset and shutdown of the simulated
 * machine: the top of the simulator's layers (docs/architecture.md 1.1),
 * which knows every subsystem and builds them in order.
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

#include "../config.h"
#include "../mi.h"
#include "../host/host.h"
#include "../mm/mi_mm.h"
#include "machine_kit.h"

/* MiConfig, MiSeed and the up/stale/fork-refused flags live in the bottom
 * layer (sim/base/machine_state.c), which every layer reads. */
static bool MiSeedFixed;
static char MiForkWhy[160];

/* proc22: a reset the CMocka teardown asked for and nobody has used yet
 * (MiResetOnNextUse): the configuration the next machine is built with, who
 * reports a failure to build it, and whether the subsystems still hold the
 * machine it replaces (no longer up: torn down by the next build). Guarded
 * by the machine lock. */
static bool MiResetPending;
static SIM_CONFIG MiPendingConfig;
static const char *MiPendingWho;
static bool MiMachineStale;


/* Subsystems with machine-lifetime state, in initialisation order. */
static const MI_SUBSYSTEM *const MiSubsystems[] = {
#define MI_SUBSYSTEM_ENTRY(Name) &Name,
#include "../mi_subsystems.h"
#undef MI_SUBSYSTEM_ENTRY
};
#define MI_SUBSYSTEM_COUNT (sizeof(MiSubsystems) / sizeof(MiSubsystems[0]))

const char *SimProfileName(SIM_PROFILE Profile)
{
    return MiProfileName(Profile);
}

BOOLEAN SimParseProfile(const char *Name, SIM_PROFILE *Profile)
{
    return MiParseProfile(Name, Profile);
}

/* ---------------------------------------------------------------------- */
/* Defaults and environment.                                              */
/* ---------------------------------------------------------------------- */
/* The environment's range of MMSIM_PHYS_MB is derived from the limit
 * MiValidateConfig enforces, so every value the variable accepts builds. */
#define MI_PAGES_PER_MB (1048576 / PAGE_SIZE)
#define MI_MIN_PHYSICAL_PAGES 16
#define MI_PHYSICAL_PAGE_LIMIT (1ull << 40) /* 52-bit physical addresses */
_Static_assert(SIM_MAX_PHYSICAL_PAGES % MI_PAGES_PER_MB == 0, "whole MiB");
_Static_assert(MI_MIN_PHYSICAL_PAGES <= MI_PAGES_PER_MB, "1 MiB builds");

VOID SimDefaultConfig(SIM_CONFIG *Config)
{
    memset(Config, 0, sizeof(*Config));
    Config->PhysicalPages = 1u << 20;   /* 4 GiB of RAM: a realistic machine, built sparse */
    Config->SystemPtes = 1u << 20;      /* 4 GiB of system PTE space */
    Config->NonPagedPoolPages = 65536;  /* 256 MiB */
    Config->PagedPoolPages = 65536;     /* 256 MiB */
    Config->Profile = SimProfileModern;
    Config->Backend = SimBackendDefault;
    Config->Strict = TRUE;
    Config->Quiet = FALSE;

    /* Every variable goes through the strict parser (config.h). */
    static const char *const Backends[] = {"default", "memfd", "shm_open", NULL};
    static const SIM_HOST_BACKEND BackendValues[] = {SimBackendDefault, SimBackendMemfd,
                                                     SimBackendShmOpen};
    Config->Profile = (SIM_PROFILE)MiConfigEnvProfile(); /* the names: config.c */
    Config->Seed = MiConfigEnvNumber("MMSIM_SEED", 1, UINT64_MAX, 0,
                                     "a non-zero number: decimal (no leading zero) or 0x hex, "
                                     "at most 0xFFFFFFFFFFFFFFFF");
    char Expected[160];
    snprintf(Expected, sizeof(Expected),
             "MiB of RAM, 1 to %llu (decimal, no leading zero, or 0x hex; the machine's limit "
             "is %llu pages)",
             (unsigned long long)(SIM_MAX_PHYSICAL_PAGES / MI_PAGES_PER_MB),
             (unsigned long long)SIM_MAX_PHYSICAL_PAGES);
    Config->PhysicalPages =
        MiConfigEnvNumber("MMSIM_PHYS_MB", 1, SIM_MAX_PHYSICAL_PAGES / MI_PAGES_PER_MB,
                          Config->PhysicalPages / MI_PAGES_PER_MB, Expected) *
        MI_PAGES_PER_MB;
    Config->Backend = BackendValues[MiConfigEnvChoice("MMSIM_BACKEND", Backends, 0,
                                                      "\"memfd\", \"shm_open\" or \"default\"")];
    Config->Strict = MiConfigEnvBool("MMSIM_STRICT", true) ? TRUE : FALSE;
    Config->Quiet = MiConfigEnvBool("MMSIM_QUIET", false) ? TRUE : FALSE;
    MiConfigEnvDeviceRanges(Config); /* mmdev */

    MiConfigEnvSpecialPool(Config); /* specialpool */
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

/* A field out of range: says which and why in Why. */
static NTSTATUS MiRefuseField(char *Why, size_t WhySize, const char *Field, ULONG64 Value,
                              const char *Expected)
{
    snprintf(Why, WhySize, "SIM_CONFIG.%s = %llu is not valid: expected %s", Field,
             (unsigned long long)Value, Expected);
    return STATUS_INVALID_PARAMETER;
}

static bool MiOutside(ULONG64 Value, ULONG64 Min, ULONG64 Max)
{
    return Value < Min || Value > Max;
}

/* Enums and BOOLEANs are widened first: a negative enum is huge, refused. */
#define MI_CHECK_FIELD(Name, Min, Max, Unit)                                                     \
    do {                                                                                         \
        if (MiOutside((ULONG64)Config->Name, (Min), (Max))) {                                    \
            snprintf(Expected, sizeof(Expected), "%llu to %llu %s", (unsigned long long)(Min),   \
                     (unsigned long long)(Max), Unit);                                           \
            return MiRefuseField(Why, WhySize, #Name, (ULONG64)Config->Name, Expected);          \
        }                                                                                        \
    } while (0)

static NTSTATUS MiValidateConfig(SIM_CONFIG *Config, char *Why, size_t WhySize)
{
    char Expected[160];
    Why[0] = '\0';
    MI_CHECK_FIELD(Profile, SimProfileModern, SimProfileNt5,
                   "(SimProfileModern 0 or SimProfileNt5 1)");
    MI_CHECK_FIELD(Backend, SimBackendDefault, SimBackendShmOpen,
                   "(SimBackendDefault 0, SimBackendMemfd 1 or SimBackendShmOpen 2)");
    MI_CHECK_FIELD(Strict, FALSE, TRUE, "(FALSE or TRUE)");
    MI_CHECK_FIELD(Quiet, FALSE, TRUE, "(FALSE or TRUE)");
    MI_CHECK_FIELD(SystemPtes, 16, 1ull << 28, "pages");
    MI_CHECK_FIELD(NonPagedPoolPages, 16, 1ull << 22, "pages");
    MI_CHECK_FIELD(PagedPoolPages, 16, 1ull << 22, "pages");
    if (Config->HostMappingBudget != 0) {
        /* Half the host's limit at most: the rest is the process's own. */
        uint64_t Limit = HostMappingLimit();
        MI_CHECK_FIELD(HostMappingBudget, 16, Limit != 0 ? Limit / 2 : UINT32_MAX,
                       "host mappings (0: the default; at most half the host's limit)");
    }
    /* specialpool: SIM_CONFIG.SpecialPool (docs/special-pool.md). */
    MI_CHECK_FIELD(SpecialPool.Enabled, FALSE, TRUE, "(FALSE or TRUE)");
    MI_CHECK_FIELD(SpecialPool.Underrun, FALSE, TRUE, "(FALSE or TRUE)");
    if (Config->SpecialPool.MinSize != 0 || Config->SpecialPool.MaxSize != 0) {
        MI_CHECK_FIELD(SpecialPool.MinSize, 1, Config->SpecialPool.MaxSize,
                       "bytes (1 to MaxSize; both 0: every size)");
    }
    if (Config->SpecialPool.Budget != 0) {
        MI_CHECK_FIELD(SpecialPool.Budget, 3, Config->SystemPtes, "system PTEs (0: the default)");
    }
    if (!MiCheckSpecialPoolTags(Config->SpecialPool.Tags, Expected, sizeof(Expected))) {
        snprintf(Why, WhySize, "SIM_CONFIG.SpecialPool.Tags is not valid: %s", Expected);
        return STATUS_INVALID_PARAMETER;
    }
    if (Config->RangeCount == 0) {
        MI_CHECK_FIELD(PhysicalPages, MI_MIN_PHYSICAL_PAGES, SIM_MAX_PHYSICAL_PAGES,
                       "pages of RAM");
        MiDefaultLayout(Config);
        return STATUS_SUCCESS;
    }
    MI_CHECK_FIELD(RangeCount, 0, SIM_MAX_PHYSICAL_RANGES, "ranges (0: PhysicalPages, PC layout)");
    ULONG64 Total = 0;
    ULONG64 NextFree = 1; /* page 0 is never RAM */
    for (ULONG i = 0; i < Config->RangeCount; i++) {
        const SIM_PHYSICAL_RANGE *Range = &Config->Ranges[i];
        /* Ascending, disjoint, non-empty, inside 52-bit physical space. The
         * end is compared without adding, so that no sum can wrap. */
        char Field[48];
        if (Range->PageCount == 0) {
            snprintf(Field, sizeof(Field), "Ranges[%lu].PageCount", (unsigned long)i);
            return MiRefuseField(Why, WhySize, Field, 0, "a non-empty range");
        }
        if (Range->BasePage < NextFree || Range->BasePage >= MI_PHYSICAL_PAGE_LIMIT) {
            snprintf(Field, sizeof(Field), "Ranges[%lu].BasePage", (unsigned long)i);
            snprintf(Expected, sizeof(Expected),
                     "a page from 0x%llx (above page 0 and the previous range) below 0x%llx",
                     (unsigned long long)NextFree, (unsigned long long)MI_PHYSICAL_PAGE_LIMIT);
            return MiRefuseField(Why, WhySize, Field, Range->BasePage, Expected);
        }
        if (Range->PageCount > MI_PHYSICAL_PAGE_LIMIT - Range->BasePage) {
            snprintf(Field, sizeof(Field), "Ranges[%lu].PageCount", (unsigned long)i);
            snprintf(Expected, sizeof(Expected),
                     "at most 0x%llx pages from base 0x%llx (the range must end inside 52-bit "
                     "physical space)",
                     (unsigned long long)(MI_PHYSICAL_PAGE_LIMIT - Range->BasePage),
                     (unsigned long long)Range->BasePage);
            return MiRefuseField(Why, WhySize, Field, Range->PageCount, Expected);
        }
        NextFree = Range->BasePage + Range->PageCount;
        Total += Range->PageCount; /* < 2^40 * 8: cannot wrap */
    }
    if (Total < MI_MIN_PHYSICAL_PAGES || Total > SIM_MAX_PHYSICAL_PAGES) {
        snprintf(Expected, sizeof(Expected), "ranges totalling %llu to %llu pages of RAM",
                 (unsigned long long)MI_MIN_PHYSICAL_PAGES,
                 (unsigned long long)SIM_MAX_PHYSICAL_PAGES);
        return MiRefuseField(Why, WhySize, "Ranges (total PageCount)", Total, Expected);
    }
    Config->PhysicalPages = Total;
    return STATUS_SUCCESS;
}

#undef MI_CHECK_FIELD

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
static void MiTeardownLocked(void)
{
    if (!atomic_load(&MiMachineUp) && !MiMachineStale) {
        return;
    }
    if (MiMachineStale) {
        /* Torn down as a reset tears a machine down: up until it is gone. */
        MiMachineStale = false;
        atomic_store_explicit(&MiMachineUp, true, memory_order_release);
    }
    for (size_t i = MI_SUBSYSTEM_COUNT; i-- > 0;) {
        if (MiSubsystems[i]->Teardown != NULL) {
            MiSubsystems[i]->Teardown();
        }
    }
    atomic_store_explicit(&MiMachineUp, false, memory_order_release);
    atomic_store(&MiForkRefused, false);
}

/* setup20: a machine replaced by another (SimReset, SimInitialize) leaves
 * its host reservations to it, cleared where it used them, so the build
 * costs what the last machine used rather than what it had (issue 20). */
static NTSTATUS MiRebuildLocked(const SIM_CONFIG *Config, char *Why, size_t WhySize);

/* Releases whatever a teardown kept and no Init took. */
static void MiForgetKept(void)
{
    MiKeepForNextMachine = false;
    MiUserForgetKept();
    MiPoolForgetKept();
    MiSpaceForgetKept();
    MiPhysForgetKept();
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
    /* A machine a pending reset replaces is the parent's memory too: the
     * child's next use tears it down, so it gets its own copy as well. */
    if ((!atomic_load(&MiMachineUp) && !MiMachineStale) || atomic_load(&MiForkRefused)) {
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

/* Builds a machine from Requested. Why receives the reason of a refused
 * configuration or of a subsystem that could not start. The calling thread's IRQL is left alone: a
 * machine built lazily by a DDI call keeps whatever the thread did before
 * (KeRaiseIrql as the first DDI); SimInitialize and SimReset lower it. */
static NTSTATUS MiBuildLocked(const SIM_CONFIG *Requested, char *Why, size_t WhySize)
{
    SIM_CONFIG Config = *Requested;
    NTSTATUS Status = MiValidateConfig(&Config, Why, WhySize);
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
            snprintf(Why, WhySize, "%s", Status == STATUS_INSUFFICIENT_RESOURCES
                                             ? "the host refused memory (reason above)"
                                             : "a subsystem could not start");
            return Status;
        }
    }
    atomic_store_explicit(&MiTrapStale, true, memory_order_relaxed);
    atomic_store_explicit(&MiMachineUp, true, memory_order_release);
    MiResetPending = false; /* a machine is up: nothing is pending any more */
    MiRegisterExitCheck();
    return STATUS_SUCCESS;
}

static NTSTATUS MiRebuildLocked(const SIM_CONFIG *Config, char *Why, size_t WhySize)
{
    MiResetPending = false; /* this build replaces a pending one */
    /* A forked child refused its copy has its views of the parent's memory
     * revoked: nothing of that machine is kept. */
    MiKeepForNextMachine = !atomic_load(&MiForkRefused);
    MiTeardownLocked();
    MiSetIrql(PASSIVE_LEVEL);
    NTSTATUS Status = MiBuildLocked(Config, Why, WhySize);
    MiForgetKept();
    return Status;
}

static const char *MiStatusName(NTSTATUS Status)
{
    switch (Status) {
    case STATUS_INVALID_PARAMETER: return "STATUS_INVALID_PARAMETER";
    case STATUS_INSUFFICIENT_RESOURCES: return "STATUS_INSUFFICIENT_RESOURCES";
    default: return "status";
    }
}

/* "mmsim: WHO: WHY (STATUS_X 0x...)" on stderr. */
static void MiReportBuildFailure(const char *Who, NTSTATUS Status, const char *Why)
{
    char Text[768];
    snprintf(Text, sizeof(Text), "mmsim: %s: %s (%s 0x%08" PRIX32 ")\n", Who, Why,
             MiStatusName(Status), (uint32_t)Status);
    MiWriteStderr(Text);
}

/* MiEnsureMachine's slow path (registered with the bottom layer below): a
 * forked child without a machine is refused; else the machine a pending
 * reset asked for (MiResetOnNextUse), or the default machine, is built,
 * once. */
static void MiBuildDefaultMachine(void)
{
    if (atomic_load_explicit(&MiForkRefused, memory_order_relaxed)) {
        MiRefuseForked();
    }
    if (atomic_load_explicit(&MiMachineUp, memory_order_acquire)) {
        MiEnsureMachine(); /* built meanwhile: the fast path re-arms the trap */
        return;
    }
    MiLock();
    if (!atomic_load(&MiMachineUp)) {
        SIM_CONFIG Config;
        const char *Who = "cannot start the default machine";
        if (MiResetPending) {
            Config = MiPendingConfig;
            Who = MiPendingWho;
        } else {
            SimDefaultConfig(&Config);
        }
        char Why[512];
        NTSTATUS Status;
        if (MiMachineStale) {
            /* MiRebuildLocked without its IRQL: the reset lowered its own
             * thread's, and this may be another thread. */
            MiResetPending = false;
            MiKeepForNextMachine = true;
            MiTeardownLocked();
            Status = MiBuildLocked(&Config, Why, sizeof(Why));
            MiForgetKept();
        } else {
            Status = MiBuildLocked(&Config, Why, sizeof(Why));
        }
        if (!NT_SUCCESS(Status)) {
            MiReportBuildFailure(Who, Status, Why);
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
    MiEndMachineWaits(); /* first: a worker may be parked in a wait */
    MiStopSystemThreads(); /* ps32: they end in their waits; joined */
    /* Idle workers serve the next machine, whatever its configuration, as
     * at a reset (fuzz21: a fuzzer changes the configuration between
     * inputs, and two thread starts and joins were a tenth of its time). */
    if (!MiWorkersIdle()) {
        MiStopWorkers();
    }
    MiLock();
    char Why[512];
    NTSTATUS Status = MiRebuildLocked(Config, Why, sizeof(Why));
    MiUnlock();
    if (!NT_SUCCESS(Status)) {
        MiReportBuildFailure("SimInitialize", Status, Why);
    }
    return Status;
}

/* The configuration SimReset builds: a pending reset's, else the running
 * machine's with a new seed unless one was fixed, else the default. */
static void MiNextConfigLocked(SIM_CONFIG *Config)
{
    if (MiResetPending) {
        *Config = MiPendingConfig;
    } else if (atomic_load(&MiMachineUp)) {
        *Config = MiConfig;
        if (!MiSeedFixed) {
            Config->Seed = 0;
        }
    } else {
        SimDefaultConfig(Config);
    }
}

VOID SimReset(VOID)
{
    MiEndMachineWaits(); /* first: a worker may be parked in a wait */
    MiStopSystemThreads(); /* ps32: they end in their waits; joined */
    /* Idle workers serve the next machine as they are: a reset then costs
     * no thread start-up, the same at any size (issue 20). */
    if (!MiWorkersIdle()) {
        MiStopWorkers();
    }
    MiLock();
    SIM_CONFIG Config;
    MiNextConfigLocked(&Config);
    char Why[512];
    NTSTATUS Status = MiRebuildLocked(&Config, Why, sizeof(Why));
    MiUnlock();
    if (!NT_SUCCESS(Status)) {
        MiReportBuildFailure("SimReset could not rebuild the machine", Status, Why);
        _exit(SIM_EXIT_CONFIG);
    }
}

/* proc22: a SimReset (Config NULL: its configuration; else Config's
 * machine) whose teardown and build are left to whoever uses the machine
 * next: a DDI, a Sim* call, SimReset, SimInitialize, SimShutdown. What is
 * done now is what ends the old machine for its threads and callers: waits
 * on it end, busy workers stop, the stop is cleared, this thread's IRQL
 * lowered, and the machine is no longer up (so the exit-time unload check
 * passes it by, as it would pass the clean new one). The CMocka teardown
 * resets a stopped or unclean machine so, and a process run for one test
 * (`mmsim faults --per-test`) then ends without tearing down a machine and
 * building another nobody uses, with two worker threads in a forked run. */
void MiResetOnNextUse(const SIM_CONFIG *Config)
{
    MiEndMachineWaits(); /* first: a worker may be parked in a wait */
    MiStopSystemThreads(); /* ps32: they end in their waits; joined */
    if (!MiWorkersIdle()) {
        MiStopWorkers(); /* idle ones serve the next machine, as at a reset */
    }
    MiLock();
    SIM_CONFIG Next;
    if (Config != NULL) {
        Next = *Config;
        MiPendingWho = "cannot start the default machine";
    } else {
        MiNextConfigLocked(&Next);
        MiPendingWho = "SimReset could not rebuild the machine";
    }
    if (atomic_load(&MiForkRefused)) {
        MiTeardownLocked(); /* its views are revoked: nothing to keep */
    } else if (atomic_load(&MiMachineUp)) {
        MiMachineStale = true;
        atomic_store_explicit(&MiMachineUp, false, memory_order_release);
    }
    MiClearStop();
    MiSetIrql(PASSIVE_LEVEL);
    MiPendingConfig = Next;
    MiResetPending = true;
    MiUnlock();
}

VOID SimShutdown(VOID)
{
    MiEndMachineWaits(); /* first: a worker may be parked in a wait */
    MiStopSystemThreads(); /* ps32: they end in their waits; joined */
    MiStopWorkers();
    MiLock();
    MiTeardownLocked();
    MiClearStop();
    MiResetPending = false;
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

/* The DDIs below this layer get their machine through MiEnsureMachine, which
 * calls this builder. The build's -Wl,-u,SimInitialize (sim/CMakeLists.txt)
 * links this file into every program that links the simulator, so the
 * builder is registered before main even in a program that calls no Sim*. */
__attribute__((constructor)) static void MiRegisterBuilder(void)
{
    MiRegisterMachineBuilder(MiBuildDefaultMachine);
}
