/*
 * mmsim_bench.c - what growth, access and teardown of the growable region cost
 * on the simulator, as ratios against host baselines measured in the same run.
 *
 *   mmsim-bench [--quick] [--max-size SIZE] [--scale-max SIZE] [--reps N]
 *               [--json FILE] [--svg FILE] [--only LIST] [--iterations N]
 *               (--help lists every option)
 *
 * Machines here are shared and noisy, so no absolute figure is trusted on its
 * own: every case is measured against a host baseline in the same run, the
 * subject and its baseline alternate in each repetition (A B, then B A, ...),
 * and the table shows medians plus the median of the per-repetition ratios.
 *
 * Cases (issue "Benchmarks"):
 *   grow       ns per committed page at 4 KiB, 64 KiB and 2 MiB steps up to
 *              --max-size: the region (GrEnsureCommitted, granularity = step)
 *              vs the host floor (fresh pages of a memfd mapped with
 *              MAP_FIXED|MAP_SHARED|MAP_POPULATE into a PROT_NONE range - the
 *              very calls the simulator makes), user-mode reserve/commit
 *              (PROT_NONE reserve, mprotect commit, first touch) and
 *              copy-on-grow (realloc + touch of the new part); and the region
 *              vs the host floor mapped in the region's own doubling steps,
 *              which isolates the simulator's overhead
 *   remap      a second system mapping of existing pages (MDL from
 *              MmAllocatePagesForMdlEx, MmMapLockedPagesSpecifyCache +
 *              MmUnmapLockedPages) vs the host's pre-faulting map + unmap of
 *              existing memfd pages
 *   access     read and write bandwidth through the region vs malloc memory
 *   teardown   GrDestroy vs munmap of the host floor's mapping, per page
 *   scale      region grow cost per page at 64 MiB .. 16 GiB (64 KiB steps,
 *              where the host has the memory) and host mappings per page
 *   bookkeeping bytes per committed page: the region's own
 *              (GR_STATISTICS.BookkeepingBytes) and the simulator's
 *              (SimQueryBookkeeping)
 *   special-pool allocate + free of a 64-byte block from special pool vs the
 *              host mapping + unmapping one page of a memfd (the floor of a
 *              page with a guard); normal pool (special pool off) vs malloc +
 *              free of the same size

 *   setup      a machine's life in a test: SimReset + one pool allocation + its
 *              free, machine teardown included, at 256 MiB, 16 GiB and 1 TiB
 *              (RAM and system space alike) vs the host floor for a machine
 *              (create and size the memory object, map its view, reserve
 *              system space, release them); each machine timed on its own,
 *              the median of 200 per repetition
 *   ddi        MmAllocatePagesForMdlEx + MmMapLockedPagesSpecifyCache + unmap +
 *              MmFreePagesFromMdl + ExFreePool of 16 pages; bench/callgrind.sh
 *              counts its instructions (BenchDdiHotPath) under callgrind
 *
 * Only the calls named above are timed; machine set-up, verification and
 * statistics queries happen outside the timed sections.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <mmsim.h>

#include "growable_region.h"

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif

#define KIB ((uint64_t)1024)
#define MIB (KIB * 1024)
#define GIB (MIB * 1024)
#define BENCH_PAGE ((uint64_t)4096)
#define MAX_REPS 31
#define MAX_RESULTS 96
#define MAX_SKIPS 16
#define BENCH_TAG 'hcnB'

/* Under AddressSanitizer or ThreadSanitizer realloc always copies (no
 * mremap), so copy-on-grow in small steps is quadratic: it is skipped. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BENCH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BENCH_SANITIZED 1
#endif
#endif
#ifndef BENCH_SANITIZED
#define BENCH_SANITIZED 0
#endif

#if defined(__clang__)
#define BENCH_NOINLINE __attribute__((noinline))
#else
#define BENCH_NOINLINE __attribute__((noinline, noclone))
#endif

/* ---------------------------------------------------------------------- */
/* Options.                                                               */
/* ---------------------------------------------------------------------- */
typedef struct _BENCH_OPTIONS {
    int Quick;
    uint64_t MaxSize;    /* top of the grow cases */
    uint64_t ScaleMax;   /* largest scale size */
    uint64_t AccessSize; /* buffer of the bandwidth case */
    int Reps;
    const char *JsonPath;
    const char *SvgPath;
    char Only[128];      /* comma-separated groups; empty: all */
    uint64_t Iterations; /* ddi: measured iterations (0: automatic) */
    ULONG64 Seed;
} BENCH_OPTIONS;

static BENCH_OPTIONS Opt;
static char CommandLine[512];

/* ---------------------------------------------------------------------- */
/* Results.                                                               */
/* ---------------------------------------------------------------------- */
typedef enum _TARGET_KIND { TargetNone = 0, TargetAtMost, TargetAtLeast } TARGET_KIND;

typedef struct _RESULT {
    char Group[16];
    char Name[64];
    char Subject[48];
    char Baseline[48]; /* "" when there is no baseline */
    char Unit[16];
    double Subject50;  /* median */
    double Baseline50;
    double Ratio;      /* median of per-repetition ratios (or of the medians, see RatioNote) */
    int HasRatio;
    int Reps;
    double SubjectSamples[MAX_REPS];
    double BaselineSamples[MAX_REPS];
    double UserShare;  /* subject: user CPU / (user + system) CPU, -1 unknown */
    TARGET_KIND Target;
    double Limit;
    int Met;
    char Note[200];
} RESULT;

static RESULT Results[MAX_RESULTS];
static int ResultCount;
static char Skips[MAX_SKIPS][200];
static int SkipCount;

static RESULT *NewResult(const char *Group, const char *Name, const char *Subject,
                         const char *Baseline, const char *Unit)
{
    if (ResultCount == MAX_RESULTS) {
        fprintf(stderr, "mmsim-bench: too many results\n");
        exit(2);
    }
    RESULT *R = &Results[ResultCount++];
    memset(R, 0, sizeof(*R));
    snprintf(R->Group, sizeof(R->Group), "%s", Group);
    snprintf(R->Name, sizeof(R->Name), "%s", Name);
    snprintf(R->Subject, sizeof(R->Subject), "%s", Subject);
    snprintf(R->Baseline, sizeof(R->Baseline), "%s", Baseline);
    snprintf(R->Unit, sizeof(R->Unit), "%s", Unit);
    R->UserShare = -1;
    return R;
}

static void Skip(const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 1, 2)));
static void Skip(const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    char Text[200];
    vsnprintf(Text, sizeof(Text), Format, Args);
    va_end(Args);
    printf("  skipped: %s\n", Text);
    if (SkipCount < MAX_SKIPS) {
        snprintf(Skips[SkipCount++], sizeof(Skips[0]), "%s", Text);
    }
}

_Noreturn static void Die(const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 1, 2)));
_Noreturn static void Die(const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    fprintf(stderr, "mmsim-bench: ");
    vfprintf(stderr, Format, Args);
    fprintf(stderr, "\n");
    va_end(Args);
    exit(1);
}

static int CompareDouble(const void *A, const void *B)
{
    double X = *(const double *)A, Y = *(const double *)B;
    return (X > Y) - (X < Y);
}

static double Median(const double *Values, int Count)
{
    double Sorted[MAX_REPS];
    if (Count <= 0) {
        return 0;
    }
    memcpy(Sorted, Values, (size_t)Count * sizeof(double));
    qsort(Sorted, (size_t)Count, sizeof(double), CompareDouble);
    return Count % 2 ? Sorted[Count / 2] : (Sorted[Count / 2 - 1] + Sorted[Count / 2]) / 2;
}

/* Fills the medians and the median of the paired ratios subject / baseline
 * (for GB/s a ratio above 1 is better, for ns below 1). */
static void Summarise(RESULT *R, int Reps)
{
    R->Reps = Reps;
    R->Subject50 = Median(R->SubjectSamples, Reps);
    if (R->Baseline[0] != '\0') {
        double Ratios[MAX_REPS];
        for (int i = 0; i < Reps; i++) {
            double B = R->BaselineSamples[i], S = R->SubjectSamples[i];
            Ratios[i] = B > 0 ? S / B : 0;
        }
        R->Baseline50 = Median(R->BaselineSamples, Reps);
        R->Ratio = Median(Ratios, Reps);
        R->HasRatio = 1;
    }
}

static void SetTarget(RESULT *R, TARGET_KIND Kind, double Limit)
{
    R->Target = Kind;
    R->Limit = Limit;
    R->Met = Kind == TargetAtMost ? R->Ratio <= Limit : R->Ratio >= Limit;
}

/* ---------------------------------------------------------------------- */
/* Host helpers.                                                          */
/* ---------------------------------------------------------------------- */
static uint64_t NowNs(void)
{
    struct timespec Now;
    clock_gettime(CLOCK_MONOTONIC, &Now);
    return (uint64_t)Now.tv_sec * 1000000000ull + (uint64_t)Now.tv_nsec;
}

typedef struct _CPU_TIMES {
    double User, System; /* ns */
} CPU_TIMES;

static CPU_TIMES CpuNow(void)
{
    struct rusage Usage;
    getrusage(RUSAGE_SELF, &Usage);
    CPU_TIMES T = {(double)Usage.ru_utime.tv_sec * 1e9 + (double)Usage.ru_utime.tv_usec * 1e3,
                   (double)Usage.ru_stime.tv_sec * 1e9 + (double)Usage.ru_stime.tv_usec * 1e3};
    return T;
}

static int HostMemfd(const char *Name, uint64_t Bytes)
{
    int Fd = -1;
#if defined(__linux__)
    Fd = memfd_create(Name, MFD_CLOEXEC);
#else
    char Path[64];
    snprintf(Path, sizeof(Path), "/%s-%ld", Name, (long)getpid());
    Fd = shm_open(Path, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (Fd >= 0) {
        shm_unlink(Path);
    }
#endif
    if (Fd < 0 || ftruncate(Fd, (off_t)Bytes) != 0) {
        Die("cannot create a %" PRIu64 "-byte shared memory object: %s", Bytes, strerror(errno));
    }
    return Fd;
}

static uint8_t *HostReserve(uint64_t Bytes)
{
    void *P = mmap(NULL, Bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (P == MAP_FAILED) {
        Die("cannot reserve %" PRIu64 " bytes: %s", Bytes, strerror(errno));
    }
    return (uint8_t *)P;
}

/* What the simulator does per run: map fresh or existing pages pre-faulted. */
static void HostMapPopulate(uint8_t *Va, uint64_t Bytes, int Fd, uint64_t Offset)
{
    if (mmap(Va, Bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED | MAP_POPULATE, Fd,
             (off_t)Offset) == MAP_FAILED) {
        Die("mmap(MAP_FIXED|MAP_SHARED|MAP_POPULATE) failed: %s", strerror(errno));
    }
}

/* ... and unmap, leaving the reservation inaccessible (as sim/host/posix.c). */
static void HostUnmapToReserve(uint8_t *Va, uint64_t Bytes)
{
    if (mmap(Va, Bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1,
             0) == MAP_FAILED) {
        Die("mmap(PROT_NONE) failed: %s", strerror(errno));
    }
}

/* MemAvailable in bytes, or 0 if unknown. */
static uint64_t MemAvailable(void)
{
    FILE *F = fopen("/proc/meminfo", "r");
    if (F == NULL) {
        return 0;
    }
    char Line[256];
    unsigned long long Kb = 0;
    while (fgets(Line, sizeof(Line), F) != NULL) {
        if (sscanf(Line, "MemAvailable: %llu kB", &Kb) == 1) {
            break;
        }
    }
    fclose(F);
    return (uint64_t)Kb * 1024;
}

static uint64_t MemTotal(void)
{
    long Pages = sysconf(_SC_PHYS_PAGES), Size = sysconf(_SC_PAGESIZE);
    return Pages > 0 && Size > 0 ? (uint64_t)Pages * (uint64_t)Size : 0;
}

static void ReadFirstLine(const char *Path, char *Out, size_t Size)
{
    Out[0] = '\0';
    FILE *F = fopen(Path, "r");
    if (F == NULL) {
        return;
    }
    if (fgets(Out, (int)Size, F) != NULL) {
        Out[strcspn(Out, "\n")] = '\0';
    }
    fclose(F);
}

static const char *SizeText(uint64_t Bytes, char *Out, size_t Size)
{
    if (Bytes >= GIB && Bytes % GIB == 0) {
        snprintf(Out, Size, "%" PRIu64 " GiB", Bytes / GIB);
    } else if (Bytes >= MIB && Bytes % MIB == 0) {
        snprintf(Out, Size, "%" PRIu64 " MiB", Bytes / MIB);
    } else {
        snprintf(Out, Size, "%" PRIu64 " KiB", Bytes / KIB);
    }
    return Out;
}

/* ---------------------------------------------------------------------- */
/* The simulated machine.                                                 */
/* ---------------------------------------------------------------------- */
/* A fresh machine with room for a region of Bytes plus pool and slack:
 * fresh physical pages (like the host floor's fresh memfd) and no history. */
static void FreshMachine(uint64_t Bytes)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    uint64_t Pages = Bytes / BENCH_PAGE;
    Config.PhysicalPages = Pages + (64 * MIB) / BENCH_PAGE; /* + pool, MDLs */
    Config.RangeCount = 0;
    Config.SystemPtes = Pages + (1u << 18);                    /* + 1 GiB for MDL maps */
    Config.Quiet = TRUE;
    Config.Seed = Opt.Seed;
    NTSTATUS Status = SimInitialize(&Config);
    if (!NT_SUCCESS(Status)) {
        Die("SimInitialize for %" PRIu64 " MiB failed: 0x%08X", Bytes / MIB, (unsigned)Status);
    }
}

static void CheckClean(const char *Where)
{
    char Report[1024];
    if (!SimIsClean(Report, sizeof(Report))) {
        Die("%s left the machine dirty:\n%s", Where, Report);
    }
}

static PGROWABLE_REGION CreateRegion(uint64_t Maximum, uint64_t Granularity, uint64_t Initial)
{
    GR_PARAMETERS Parameters;
    memset(&Parameters, 0, sizeof(Parameters));
    Parameters.MaximumSize = (SIZE_T)Maximum;
    Parameters.InitialCommit = (SIZE_T)Initial;
    Parameters.GrowthGranularity = (SIZE_T)Granularity;
    Parameters.PoolTag = BENCH_TAG;
    Parameters.Strategy = GrStrategyAuto;
    PGROWABLE_REGION Region = NULL;
    NTSTATUS Status = GrCreate(&Parameters, &Region);
    if (!NT_SUCCESS(Status)) {
        Die("GrCreate(%" PRIu64 " MiB) failed: 0x%08X", Maximum / MIB, (unsigned)Status);
    }
    return Region;
}

/* ---------------------------------------------------------------------- */
/* Grow: the four ways, ns per committed page.                            */
/* ---------------------------------------------------------------------- */
typedef struct _GROW_SAMPLE {
    double NsPerPage;
    double TeardownNsPerPage;
    double UserShare;
    double HostMappingsPerPage; /* region only */
    double BookkeepingPerPage;  /* region only: GR_STATISTICS.BookkeepingBytes / pages */
    ULONG Chunks;
} GROW_SAMPLE;

/* One way to grow, in phases. TimeGrowth times Grow and Teardown (wall
 * clock) and Grow's CPU time (user vs system); Check runs untimed between
 * them, Release untimed after. Ctx is the way's own state. */
typedef struct _GROW_PHASES {
    void (*Grow)(void *Ctx, GROW_SAMPLE *S);
    void (*Check)(void *Ctx, GROW_SAMPLE *S); /* or NULL */
    void (*Teardown)(void *Ctx);
    void (*Release)(void *Ctx); /* or NULL */
} GROW_PHASES;

/* The timing scaffold every way shares: ns per page of Maximum. */
static GROW_SAMPLE TimeGrowth(const GROW_PHASES *Phases, void *Ctx, uint64_t Maximum)
{
    GROW_SAMPLE S;
    memset(&S, 0, sizeof(S));
    double Pages = (double)(Maximum / BENCH_PAGE);
    CPU_TIMES C0 = CpuNow();
    uint64_t T0 = NowNs();
    Phases->Grow(Ctx, &S);
    uint64_t T1 = NowNs();
    CPU_TIMES C1 = CpuNow();
    if (Phases->Check != NULL) {
        Phases->Check(Ctx, &S);
    }
    uint64_t T2 = NowNs();
    Phases->Teardown(Ctx);
    uint64_t T3 = NowNs();
    if (Phases->Release != NULL) {
        Phases->Release(Ctx);
    }
    S.NsPerPage = (double)(T1 - T0) / Pages;
    S.TeardownNsPerPage = (double)(T3 - T2) / Pages;
    double User = C1.User - C0.User, Sys = C1.System - C0.System;
    S.UserShare = User + Sys > 0 ? User / (User + Sys) : -1;
    return S;
}

/* What the ways grow: the region, or host memory (memfd, reservation, heap). */
typedef struct _GROW_CTX {
    uint64_t Maximum, Step;
    PGROWABLE_REGION Region;
    int Fd;
    uint8_t *Base;
} GROW_CTX;

/* ---- the region ---- */
static void RegionGrow(void *Ctx, GROW_SAMPLE *S)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    (void)S;
    for (uint64_t Want = G->Step; Want <= G->Maximum; Want += G->Step) {
        if (!NT_SUCCESS(GrEnsureCommitted(G->Region, (SIZE_T)Want))) {
            Die("GrEnsureCommitted(%" PRIu64 ") failed", Want);
        }
    }
}

static void RegionCheck(void *Ctx, GROW_SAMPLE *S)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    uint64_t Maximum = G->Maximum;
    double Pages = (double)(Maximum / BENCH_PAGE);
    if (GrCommittedSize(G->Region) != Maximum) {
        Die("region committed %zu bytes, wanted %" PRIu64, (size_t)GrCommittedSize(G->Region),
            Maximum);
    }
    /* Usable through a real pointer, first and last byte. */
    volatile uint8_t *Base = (volatile uint8_t *)GrBase(G->Region);
    Base[0] = 1;
    Base[Maximum - 1] = 2;
    if (Base[0] != 1 || Base[Maximum - 1] != 2) {
        Die("region memory does not hold what was written");
    }
    GR_STATISTICS Stats;
    GrQueryStatistics(G->Region, &Stats);
    S->Chunks = Stats.ChunkCount;
    S->BookkeepingPerPage = (double)Stats.BookkeepingBytes / Pages;
    S->HostMappingsPerPage =
        (double)SimCountHostMappings(GrBase(G->Region), (SIZE_T)Maximum) / Pages;
}

static void RegionTeardown(void *Ctx)
{
    GrDestroy(((GROW_CTX *)Ctx)->Region);
}

static void RegionRelease(void *Ctx)
{
    (void)Ctx;
    CheckClean("the region");
    SimShutdown(); /* gives the physical memory object back to the host */
}

static GROW_SAMPLE GrowRegion(uint64_t Maximum, uint64_t Step)
{
    static const GROW_PHASES Phases = {RegionGrow, RegionCheck, RegionTeardown, RegionRelease};
    GROW_CTX G = {Maximum, Step, NULL, -1, NULL};
    FreshMachine(Maximum);
    G.Region = CreateRegion(Maximum, Step, 0);
    return TimeGrowth(&Phases, &G, Maximum);
}

/* ---- the host floor: a memfd mapped in, step by step ---- */
static void FloorGrow(void *Ctx, GROW_SAMPLE *S)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    (void)S;
    for (uint64_t Offset = 0; Offset < G->Maximum; Offset += G->Step) {
        HostMapPopulate(G->Base + Offset, G->Step, G->Fd, Offset);
    }
}

/* The host floor again, but in the steps the region really takes:
 * core/growable_region.c grows by at least the granularity and at least the
 * committed size (it doubles), so a region grown in 4 KiB requests makes a
 * few dozen mappings where the floor above makes one per step. This is the
 * floor of the region's own work; the ratio to it is the simulator's
 * overhead. */
static void FloorGrowRegionSteps(void *Ctx, GROW_SAMPLE *S)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    uint64_t Old = 0, Step = G->Step, Maximum = G->Maximum;
    for (uint64_t Want = Step; Want <= Maximum; Want += Step) {
        if (Old >= Want) {
            continue;
        }
        uint64_t Grow = (Want - Old + Step - 1) / Step * Step;
        if (Grow < Old) {
            Grow = Old;
        }
        if (Grow > Maximum - Old) {
            Grow = Maximum - Old;
        }
        HostMapPopulate(G->Base + Old, Grow, G->Fd, Old);
        Old += Grow;
        S->Chunks++;
    }
}

static void UnmapBase(void *Ctx)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    munmap(G->Base, G->Maximum);
}

static void CloseFd(void *Ctx)
{
    close(((GROW_CTX *)Ctx)->Fd);
}

static GROW_SAMPLE GrowHostFloorWith(const GROW_PHASES *Phases, const char *Name,
                                     uint64_t Maximum, uint64_t Step)
{
    GROW_CTX G = {Maximum, Step, NULL, HostMemfd(Name, Maximum), NULL};
    G.Base = HostReserve(Maximum);
    return TimeGrowth(Phases, &G, Maximum);
}

static GROW_SAMPLE GrowHostFloor(uint64_t Maximum, uint64_t Step)
{
    static const GROW_PHASES Phases = {FloorGrow, NULL, UnmapBase, CloseFd};
    return GrowHostFloorWith(&Phases, "mmsim-bench-floor", Maximum, Step);
}

static GROW_SAMPLE GrowHostFloorRegionSteps(uint64_t Maximum, uint64_t Step)
{
    static const GROW_PHASES Phases = {FloorGrowRegionSteps, NULL, UnmapBase, CloseFd};
    return GrowHostFloorWith(&Phases, "mmsim-bench-floor2", Maximum, Step);
}

/* ---- reserve, then commit by mprotect and touch ---- */
static void CommitGrow(void *Ctx, GROW_SAMPLE *S)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    volatile uint8_t *Touch = G->Base;
    (void)S;
    for (uint64_t Offset = 0; Offset < G->Maximum; Offset += G->Step) {
        if (mprotect(G->Base + Offset, G->Step, PROT_READ | PROT_WRITE) != 0) {
            Die("mprotect failed: %s", strerror(errno));
        }
        for (uint64_t P = Offset; P < Offset + G->Step; P += BENCH_PAGE) {
            Touch[P] = 1;
        }
    }
}

static GROW_SAMPLE GrowReserveCommit(uint64_t Maximum, uint64_t Step)
{
    static const GROW_PHASES Phases = {CommitGrow, NULL, UnmapBase, NULL};
    GROW_CTX G = {Maximum, Step, NULL, -1, HostReserve(Maximum)};
    return TimeGrowth(&Phases, &G, Maximum);
}

/* ---- realloc, touching each new page ---- */
static void ReallocGrow(void *Ctx, GROW_SAMPLE *S)
{
    GROW_CTX *G = (GROW_CTX *)Ctx;
    (void)S;
    for (uint64_t Size = G->Step; Size <= G->Maximum; Size += G->Step) {
        uint8_t *Bigger = (uint8_t *)realloc(G->Base, Size);
        if (Bigger == NULL) {
            Die("realloc(%" PRIu64 ") failed", Size);
        }
        G->Base = Bigger;
        volatile uint8_t *Touch = G->Base;
        for (uint64_t P = Size - G->Step; P < Size; P += BENCH_PAGE) {
            Touch[P] = 1;
        }
    }
}

static void FreeBase(void *Ctx)
{
    free(((GROW_CTX *)Ctx)->Base);
}

static GROW_SAMPLE GrowRealloc(uint64_t Maximum, uint64_t Step)
{
    static const GROW_PHASES Phases = {ReallocGrow, NULL, FreeBase, NULL};
    GROW_CTX G = {Maximum, Step, NULL, -1, NULL};
    return TimeGrowth(&Phases, &G, Maximum);
}

typedef GROW_SAMPLE (*GROW_FN)(uint64_t Maximum, uint64_t Step);

#define GROW_WAYS 5

static void BenchGrow(void)
{
    static const uint64_t Steps[] = {4 * KIB, 64 * KIB, 2 * MIB};
    static const char *const Ways[GROW_WAYS] = {"region", "host floor", "reserve/commit",
                                                "realloc", "host floor, region's steps"};
    static const GROW_FN Fns[GROW_WAYS] = {GrowRegion, GrowHostFloor, GrowReserveCommit,
                                           GrowRealloc, GrowHostFloorRegionSteps};
    char Top[32], StepText[32], Name[96];
    SizeText(Opt.MaxSize, Top, sizeof(Top));
    printf("grow: ns per committed page, steps up to %s, %d repetitions\n", Top, Opt.Reps);
    for (size_t s = 0; s < sizeof(Steps) / sizeof(Steps[0]); s++) {
        uint64_t Step = Steps[s];
        if (Step > Opt.MaxSize) {
            continue;
        }
        SizeText(Step, StepText, sizeof(StepText));
        GROW_SAMPLE Samples[GROW_WAYS][MAX_REPS];
        memset(Samples, 0, sizeof(Samples));
        if (BENCH_SANITIZED) {
            Skip("realloc, %s steps: the sanitizer's realloc always copies", StepText);
        }
        for (int r = 0; r < Opt.Reps; r++) {
            for (int k = 0; k < GROW_WAYS; k++) {
                int Way = (k + r) % GROW_WAYS; /* rotate the order every repetition */
                if (Way == 3 && BENCH_SANITIZED) {
                    continue;
                }
                Samples[Way][r] = Fns[Way](Opt.MaxSize, Step);
            }
            printf("  %s steps, repetition %d: region %.0f, floor %.0f, floor in region's "
                   "steps %.0f, reserve/commit %.0f, realloc %.0f ns/page\n",
                   StepText, r + 1, Samples[0][r].NsPerPage, Samples[1][r].NsPerPage,
                   Samples[4][r].NsPerPage, Samples[2][r].NsPerPage, Samples[3][r].NsPerPage);
            fflush(stdout);
        }
        snprintf(Name, sizeof(Name), "%s steps to %s", StepText, Top);
        static const int Order[] = {0, 2, 3};
        for (size_t o = 0; o < sizeof(Order) / sizeof(Order[0]); o++) {
            int Way = Order[o];
            if (Way == 3 && BENCH_SANITIZED) {
                continue;
            }
            RESULT *R = NewResult("grow", Name, Ways[Way], Ways[1], "ns/page");
            double Shares[MAX_REPS];
            for (int r = 0; r < Opt.Reps; r++) {
                R->SubjectSamples[r] = Samples[Way][r].NsPerPage;
                R->BaselineSamples[r] = Samples[1][r].NsPerPage;
                Shares[r] = Samples[Way][r].UserShare;
            }
            Summarise(R, Opt.Reps);
            R->UserShare = Median(Shares, Opt.Reps);
            if (Way == 0) {
                double FloorShares[MAX_REPS];
                for (int r = 0; r < Opt.Reps; r++) {
                    FloorShares[r] = Samples[1][r].UserShare;
                }
                snprintf(R->Note, sizeof(R->Note),
                         "region: %u chunks; user-mode share of CPU time: region %.0f%%, "
                         "floor %.0f%%",
                         Samples[0][0].Chunks, 100 * R->UserShare,
                         100 * Median(FloorShares, Opt.Reps));
                if (Step >= 64 * KIB) {
                    SetTarget(R, TargetAtMost, 1.3);
                }
                /* The same runs against the floor in the region's own steps. */
                RESULT *Q = NewResult("grow", Name, "region", Ways[4], "ns/page");
                for (int r = 0; r < Opt.Reps; r++) {
                    Q->SubjectSamples[r] = Samples[0][r].NsPerPage;
                    Q->BaselineSamples[r] = Samples[4][r].NsPerPage;
                }
                Summarise(Q, Opt.Reps);
                snprintf(Q->Note, sizeof(Q->Note),
                         "floor mapped in the region's %u doubling steps: the simulator's "
                         "own overhead",
                         Samples[4][0].Chunks);
            } else if (Way == 3) {
                snprintf(R->Note, sizeof(R->Note),
                         "glibc realloc moves mmapped blocks with mremap: no copy");
            }
        }
        /* Teardown of the same runs: GrDestroy vs munmap of the floor. */
        RESULT *T = NewResult("teardown", Name, "GrDestroy", "host munmap", "ns/page");
        RESULT *U = NewResult("teardown", Name, "reserve/commit munmap", "host munmap", "ns/page");
        for (int r = 0; r < Opt.Reps; r++) {
            T->SubjectSamples[r] = Samples[0][r].TeardownNsPerPage;
            T->BaselineSamples[r] = Samples[1][r].TeardownNsPerPage;
            U->SubjectSamples[r] = Samples[2][r].TeardownNsPerPage;
            U->BaselineSamples[r] = Samples[1][r].TeardownNsPerPage;
        }
        Summarise(T, Opt.Reps);
        Summarise(U, Opt.Reps);
        if (Step == 64 * KIB) {
            /* Bookkeeping of the 64 KiB-step region (same for every run). */
            RESULT *B = NewResult("bookkeeping", "region's own (header, chunks, MDLs)",
                                  "region", "", "bytes/page");
            for (int r = 0; r < Opt.Reps; r++) {
                B->SubjectSamples[r] = Samples[0][r].BookkeepingPerPage;
            }
            Summarise(B, Opt.Reps);
            snprintf(B->Note, sizeof(B->Note), "%s region grown in %s steps: %u chunks", Top,
                     StepText, Samples[0][0].Chunks);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Remap existing pages: a second system mapping of an MDL.               */
/* ---------------------------------------------------------------------- */
/* The pages being remapped, kept for all samples of one size (as the host
 * baseline keeps its memfd pages): an MDL from MmAllocatePagesForMdlEx and a
 * first mapping of them (a copy of the MDL, as GrRemap builds one), so the
 * pages exist in the host and the timed mapping is the second one. */
typedef struct _REMAP_PAGES {
    PMDL Mdl;
    PMDL Copy;
    uint8_t *First;
    uint64_t Bytes;
} REMAP_PAGES;

static void RemapSetup(REMAP_PAGES *P, uint64_t Bytes)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip0 = {.QuadPart = 0};
    P->Bytes = Bytes;
    P->Mdl = MmAllocatePagesForMdlEx(Low, High, Skip0, (SIZE_T)Bytes, MmCached,
                                     MM_ALLOCATE_FULLY_REQUIRED);
    if (P->Mdl == NULL) {
        Die("MmAllocatePagesForMdlEx(%" PRIu64 ") failed", Bytes);
    }
    P->Copy = IoAllocateMdl(NULL, (ULONG)Bytes, FALSE, FALSE, NULL);
    if (P->Copy == NULL) {
        Die("IoAllocateMdl failed");
    }
    memcpy(MmGetMdlPfnArray(P->Copy), MmGetMdlPfnArray(P->Mdl),
           (size_t)(Bytes / BENCH_PAGE) * sizeof(PFN_NUMBER));
    P->Copy->MdlFlags |= MDL_PAGES_LOCKED;
    P->First = (uint8_t *)MmMapLockedPagesSpecifyCache(P->Copy, KernelMode, MmCached, NULL, FALSE,
                                                       NormalPagePriority);
    if (P->First == NULL) {
        Die("first mapping failed");
    }
    memset(P->First, 0x5A, Bytes);
}

static void RemapTeardown(REMAP_PAGES *P)
{
    /* The second mapping really aliases the first. */
    volatile uint8_t *Second = (volatile uint8_t *)MmMapLockedPagesSpecifyCache(
        P->Mdl, KernelMode, MmCached, NULL, FALSE, NormalPagePriority);
    P->First[P->Bytes - 1] = 0xA5;
    if (Second == NULL || Second[0] != 0x5A || Second[P->Bytes - 1] != 0xA5) {
        Die("the second mapping does not alias the first");
    }
    MmUnmapLockedPages((PVOID)Second, P->Mdl);
    MmUnmapLockedPages(P->First, P->Copy);
    IoFreeMdl(P->Copy);
    MmFreePagesFromMdl(P->Mdl);
    ExFreePool(P->Mdl);
}

static double RemapSim(REMAP_PAGES *P, uint64_t Iterations)
{
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Iterations; i++) {
        PVOID Va = MmMapLockedPagesSpecifyCache(P->Mdl, KernelMode, MmCached, NULL, FALSE,
                                                NormalPagePriority);
        if (Va == NULL) {
            Die("MmMapLockedPagesSpecifyCache failed");
        }
        MmUnmapLockedPages(Va, P->Mdl);
    }
    uint64_t T1 = NowNs();
    return (double)(T1 - T0) / (double)Iterations / (double)(P->Bytes / BENCH_PAGE);
}

static double RemapHost(int Fd, uint8_t *Reserve, uint64_t Bytes, uint64_t Iterations)
{
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Iterations; i++) {
        HostMapPopulate(Reserve, Bytes, Fd, 0);
        HostUnmapToReserve(Reserve, Bytes);
    }
    uint64_t T1 = NowNs();
    return (double)(T1 - T0) / (double)Iterations / (double)(Bytes / BENCH_PAGE);
}

static void BenchRemap(void)
{
    const uint64_t Sizes[] = {64 * KIB, 2 * MIB, 64 * MIB};
    const uint64_t Volume = Opt.Quick ? 32 * MIB : 512 * MIB; /* per sample */
    printf("remap: map + unmap of existing pages, ns per page, %d repetitions\n", Opt.Reps);
    for (size_t s = 0; s < sizeof(Sizes) / sizeof(Sizes[0]); s++) {
        uint64_t Bytes = Sizes[s];
        if (Bytes > Opt.MaxSize || (Opt.Quick && Bytes > 2 * MIB)) {
            continue;
        }
        uint64_t Iterations = Volume / Bytes < 4 ? 4 : Volume / Bytes;
        char SizeStr[32], Name[64];
        SizeText(Bytes, SizeStr, sizeof(SizeStr));
        snprintf(Name, sizeof(Name), "%s MDL", SizeStr);
        RESULT *R = NewResult("remap", Name, "MmMapLockedPages+Unmap",
                              "host mmap(POPULATE)+unmap", "ns/page");
        FreshMachine(4 * Bytes);
        REMAP_PAGES Pages;
        RemapSetup(&Pages, Bytes);
        int Fd = HostMemfd("mmsim-bench-remap", Bytes);
        uint8_t *Existing = (uint8_t *)mmap(NULL, Bytes, PROT_READ | PROT_WRITE,
                                            MAP_SHARED | MAP_POPULATE, Fd, 0);
        if (Existing == MAP_FAILED) {
            Die("mmap failed: %s", strerror(errno));
        }
        memset(Existing, 0x5A, Bytes);
        uint8_t *Reserve = HostReserve(Bytes);
        (void)RemapSim(&Pages, Iterations / 4 + 1); /* warm both paths up */
        (void)RemapHost(Fd, Reserve, Bytes, Iterations / 4 + 1);
        for (int r = 0; r < Opt.Reps; r++) {
            /* A B B A: each side runs first once per repetition. */
            double A = RemapSim(&Pages, Iterations / 2 + 1);
            double B = RemapHost(Fd, Reserve, Bytes, Iterations / 2 + 1);
            B += RemapHost(Fd, Reserve, Bytes, Iterations / 2 + 1);
            A += RemapSim(&Pages, Iterations / 2 + 1);
            R->SubjectSamples[r] = A / 2;
            R->BaselineSamples[r] = B / 2;
        }
        RemapTeardown(&Pages);
        CheckClean("remap");
        SimShutdown();
        munmap(Reserve, Bytes);
        munmap(Existing, Bytes);
        close(Fd);
        Summarise(R, Opt.Reps);
        SetTarget(R, TargetAtMost, 2.0);
        snprintf(R->Note, sizeof(R->Note), "%" PRIu64 " map+unmap per sample", Iterations);
        printf("  %s: sim %.1f, host %.1f ns/page, ratio %.2f\n", Name, R->Subject50,
               R->Baseline50, R->Ratio);
    }
}

/* ---------------------------------------------------------------------- */
/* Access bandwidth.                                                      */
/* ---------------------------------------------------------------------- */
static volatile uint64_t Sink;

static BENCH_NOINLINE double WriteGbs(uint8_t *Buffer, uint64_t Bytes, int Value)
{
    uint64_t T0 = NowNs();
    memset(Buffer, Value, Bytes);
    uint64_t T1 = NowNs();
    Sink += Buffer[Bytes / 2];
    return (double)Bytes / (double)(T1 - T0);
}

static BENCH_NOINLINE double ReadGbs(const uint8_t *Buffer, uint64_t Bytes)
{
    const uint64_t *Words = (const uint64_t *)Buffer;
    uint64_t Count = Bytes / sizeof(uint64_t), Sum = 0;
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Count; i++) {
        Sum += Words[i];
    }
    uint64_t T1 = NowNs();
    Sink += Sum;
    return (double)Bytes / (double)(T1 - T0);
}

static double Best(double A, double B)
{
    return A > B ? A : B;
}

/* One placement: a fresh machine and region and a fresh malloc block, the
 * one allocated first decided by RegionFirst (which pages a side gets -
 * in a VM, the order of allocation - moves bandwidth by several percent;
 * reading the region's pages through a second, plain mapping of the same
 * memfd pages is exactly as fast as through the region). The two sides
 * alternate for 4 passes (A B, B A, ...) and each keeps its best pass:
 * preemption only ever slows a pass down. */
static void AccessPlacement(uint64_t Bytes, int RegionFirst, double Best4[4])
{
    uint8_t *Plain = NULL;
    if (!RegionFirst) {
        Plain = (uint8_t *)malloc(Bytes);
        if (Plain != NULL) {
            memset(Plain, 1, Bytes); /* fault it in: both sides start resident */
        }
    }
    FreshMachine(Bytes);
    PGROWABLE_REGION Region = CreateRegion(Bytes, 2 * MIB, Bytes);
    uint8_t *Through = (uint8_t *)GrBase(Region);
    memset(Through, 1, Bytes);
    if (RegionFirst) {
        Plain = (uint8_t *)malloc(Bytes);
        if (Plain != NULL) {
            memset(Plain, 1, Bytes);
        }
    }
    if (Plain == NULL) {
        Die("malloc(%" PRIu64 ") failed", Bytes);
    }
    double Ws = 0, Wb = 0, Rs = 0, Rb = 0;
    for (int Pass = 0; Pass < 4; Pass++) {
        if (Pass % 2 == 0) {
            Ws = Best(Ws, WriteGbs(Through, Bytes, Pass));
            Wb = Best(Wb, WriteGbs(Plain, Bytes, Pass));
            Rs = Best(Rs, ReadGbs(Through, Bytes));
            Rb = Best(Rb, ReadGbs(Plain, Bytes));
        } else {
            Wb = Best(Wb, WriteGbs(Plain, Bytes, Pass));
            Ws = Best(Ws, WriteGbs(Through, Bytes, Pass));
            Rb = Best(Rb, ReadGbs(Plain, Bytes));
            Rs = Best(Rs, ReadGbs(Through, Bytes));
        }
    }
    Best4[0] = Ws;
    Best4[1] = Wb;
    Best4[2] = Rs;
    Best4[3] = Rb;
    free(Plain);
    GrDestroy(Region);
    CheckClean("access");
    SimShutdown();
}

/* Each repetition measures both placements (region allocated first, then
 * malloc first) and takes their mean; the table shows medians over
 * repetitions. */
static void BenchAccess(void)
{
    uint64_t Bytes = Opt.AccessSize;
    char SizeStr[32], Name[64];
    SizeText(Bytes, SizeStr, sizeof(SizeStr));
    printf("access: bandwidth over %s, GB/s, %d repetitions\n", SizeStr, Opt.Reps);
    snprintf(Name, sizeof(Name), "write (memset) %s", SizeStr);
    RESULT *W = NewResult("access", Name, "region", "malloc memory", "GB/s");
    snprintf(Name, sizeof(Name), "read (64-bit sum) %s", SizeStr);
    RESULT *Rd = NewResult("access", Name, "region", "malloc memory", "GB/s");
    for (int r = 0; r < Opt.Reps; r++) {
        double A[4], B[4];
        AccessPlacement(Bytes, r % 2 == 0, A);
        AccessPlacement(Bytes, r % 2 != 0, B);
        W->SubjectSamples[r] = (A[0] + B[0]) / 2;
        W->BaselineSamples[r] = (A[1] + B[1]) / 2;
        Rd->SubjectSamples[r] = (A[2] + B[2]) / 2;
        Rd->BaselineSamples[r] = (A[3] + B[3]) / 2;
    }
    Summarise(W, Opt.Reps);
    Summarise(Rd, Opt.Reps);
    SetTarget(W, TargetAtLeast, 0.95);
    SetTarget(Rd, TargetAtLeast, 0.95);
    snprintf(W->Note, sizeof(W->Note),
             "per repetition: both allocation orders, fresh pages, best of 4 alternating passes");
    snprintf(Rd->Note, sizeof(Rd->Note),
             "per repetition: both allocation orders, fresh pages, best of 4 alternating passes");
    printf("  write %.2f vs %.2f GB/s (%.3f), read %.2f vs %.2f GB/s (%.3f)\n", W->Subject50,
           W->Baseline50, W->Ratio, Rd->Subject50, Rd->Baseline50, Rd->Ratio);
}

/* ---------------------------------------------------------------------- */
/* userva: the user half of reserve/commit (docs/user-space.md).          */
/* ---------------------------------------------------------------------- */
/* ns per page: reserve Bytes, commit in Step steps, first-touch every page. */
static double UserSubject(uint64_t Bytes, uint64_t Step, uint8_t **Keep)
{
    PVOID Base = NULL;
    SIZE_T Size = Bytes;
    uint64_t T0 = NowNs();
    if (ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                PAGE_READWRITE) != STATUS_SUCCESS) {
        Die("user: reserving %" PRIu64 " MiB failed", Bytes / MIB);
    }
    for (uint64_t At = 0; At < Bytes; At += Step) {
        PVOID Chunk = (uint8_t *)Base + At;
        SIZE_T ChunkSize = Step;
        if (ZwAllocateVirtualMemory(NtCurrentProcess(), &Chunk, 0, &ChunkSize, MEM_COMMIT,
                                    PAGE_READWRITE) != STATUS_SUCCESS) {
            Die("user: committing at +%" PRIu64 " failed", At);
        }
    }
    volatile uint8_t *P = (volatile uint8_t *)Base;
    for (uint64_t At = 0; At < Bytes; At += BENCH_PAGE) {
        P[At] = 1;
    }
    uint64_t T1 = NowNs();
    *Keep = (uint8_t *)Base;
    return (double)(T1 - T0) / (double)(Bytes / BENCH_PAGE);
}

/* The host's user-mode VirtualAlloc: mmap(PROT_NONE), mprotect per step, first touch. */
static double UserBaseline(uint64_t Bytes, uint64_t Step)
{
    uint64_t T0 = NowNs();
    uint8_t *Base = (uint8_t *)mmap(NULL, Bytes, PROT_NONE,
                                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (Base == MAP_FAILED) {
        Die("user: host mmap of %" PRIu64 " MiB failed", Bytes / MIB);
    }
    for (uint64_t At = 0; At < Bytes; At += Step) {
        if (mprotect(Base + At, Step, PROT_READ | PROT_WRITE) != 0) {
            Die("user: host mprotect failed");
        }
    }
    volatile uint8_t *P = Base;
    for (uint64_t At = 0; At < Bytes; At += BENCH_PAGE) {
        P[At] = 1;
    }
    uint64_t T1 = NowNs();
    munmap(Base, Bytes);
    return (double)(T1 - T0) / (double)(Bytes / BENCH_PAGE);
}

static void UserMachine(uint64_t Bytes)
{
    FreshMachine(Bytes);
}

static void BenchUser(void)
{
    uint64_t Bytes = Opt.MaxSize;
    uint64_t Steps[2] = {64 * 1024, 2 * MIB};
    char SizeStr[32], Name[64];
    SizeText(Bytes, SizeStr, sizeof(SizeStr));
    printf("user: reserve %s, commit in steps, touch every page; ns/page, %d repetitions\n",
           SizeStr, Opt.Reps);
    for (int s = 0; s < 2; s++) {
        snprintf(Name, sizeof(Name), "reserve+commit %s steps+touch %s",
                 Steps[s] == 2 * MIB ? "2M" : "64K", SizeStr);
        RESULT *R = NewResult("user", Name, "Zw*VirtualMemory", "mmap+mprotect", "ns/page");
        for (int r = 0; r < Opt.Reps; r++) {
            UserMachine(Bytes);
            uint8_t *Base = NULL;
            R->SubjectSamples[r] = UserSubject(Bytes, Steps[s], &Base);
            PVOID At = Base;
            SIZE_T None = 0;
            (void)ZwFreeVirtualMemory(NtCurrentProcess(), &At, &None, MEM_RELEASE);
            CheckClean("user");
            SimShutdown();
            R->BaselineSamples[r] = UserBaseline(Bytes, Steps[s]);
        }
        Summarise(R, Opt.Reps);
        SetTarget(R, TargetAtMost, 1.5);
        snprintf(R->Note, sizeof(R->Note),
                 "first touch served by the host (docs/user-space.md), settled when the OS "
                 "looks (here at the untimed release) vs the host's own");
        printf("  %s: %.1f vs %.1f ns/page (%.2f)\n", Name, R->Subject50, R->Baseline50,
               R->Ratio);
    }
    /* Access to committed, touched user memory vs malloc memory. */
    uint64_t ABytes = Opt.AccessSize;
    SizeText(ABytes, SizeStr, sizeof(SizeStr));
    snprintf(Name, sizeof(Name), "user write (memset) %s", SizeStr);
    RESULT *W = NewResult("user", Name, "user memory", "malloc memory", "GB/s");
    snprintf(Name, sizeof(Name), "user read (64-bit sum) %s", SizeStr);
    RESULT *Rd = NewResult("user", Name, "user memory", "malloc memory", "GB/s");
    for (int r = 0; r < Opt.Reps; r++) {
        UserMachine(ABytes);
        uint8_t *Base = NULL;
        (void)UserSubject(ABytes, 2 * MIB, &Base);
        memset(Base, 1, ABytes);
        uint8_t *Plain = (uint8_t *)malloc(ABytes);
        if (Plain == NULL) {
            Die("malloc(%" PRIu64 ") failed", ABytes);
        }
        memset(Plain, 1, ABytes);
        double Ws = 0, Wb = 0, Rs = 0, Rb = 0;
        for (int Pass = 0; Pass < 4; Pass++) {
            Ws = Best(Ws, WriteGbs(Base, ABytes, Pass));
            Wb = Best(Wb, WriteGbs(Plain, ABytes, Pass));
            Rs = Best(Rs, ReadGbs(Base, ABytes));
            Rb = Best(Rb, ReadGbs(Plain, ABytes));
        }
        free(Plain);
        PVOID At = Base;
        SIZE_T None = 0;
        (void)ZwFreeVirtualMemory(NtCurrentProcess(), &At, &None, MEM_RELEASE);
        CheckClean("user");
        SimShutdown();
        W->SubjectSamples[r] = Ws;
        W->BaselineSamples[r] = Wb;
        Rd->SubjectSamples[r] = Rs;
        Rd->BaselineSamples[r] = Rb;
    }
    Summarise(W, Opt.Reps);
    Summarise(Rd, Opt.Reps);
    SetTarget(W, TargetAtLeast, 0.95);
    SetTarget(Rd, TargetAtLeast, 0.95);
    printf("  write %.2f vs %.2f GB/s (%.3f), read %.2f vs %.2f GB/s (%.3f)\n", W->Subject50,
           W->Baseline50, W->Ratio, Rd->Subject50, Rd->Baseline50, Rd->Ratio);
}

/* ---------------------------------------------------------------------- */
/* Scale.                                                                 */
/* ---------------------------------------------------------------------- */
/* ---------------------------------------------------------------------- */
/* Setup: building and resetting machines of any size.                    */
/* ---------------------------------------------------------------------- */
#define SETUP_TAG 'utSB'

static uint64_t SetupSpacePages(const SIM_CONFIG *Config)
{
    return Config->SystemPtes + Config->NonPagedPoolPages + Config->PagedPoolPages + 4;
}

static void SetupConfig(uint64_t Bytes, SIM_CONFIG *Config)
{
    SimDefaultConfig(Config);
    Config->PhysicalPages = Bytes / BENCH_PAGE;
    Config->RangeCount = 0;
    Config->SystemPtes = Bytes / BENCH_PAGE; /* as much system space as RAM */
    Config->Quiet = TRUE;
    Config->Seed = Opt.Seed;
}

/* The median of Count per-iteration times. Each machine is timed on its
 * own: on a loaded host a loop of the slower side is preempted more often
 * than the faster one's, which a loop's mean would charge to it. */
#define SETUP_MAX_ITERATIONS 1000
static int SetupCompare(const void *A, const void *B)
{
    double X = *(const double *)A, Y = *(const double *)B;
    return (X > Y) - (X < Y);
}

static double SetupMedian(double *Times, uint64_t Count)
{
    qsort(Times, (size_t)Count, sizeof(double), SetupCompare);
    return Count % 2 ? Times[Count / 2] : (Times[Count / 2 - 1] + Times[Count / 2]) / 2;
}

/* ns per SimReset + ExAllocatePool2 + ExFreePoolWithTag (the previous
 * machine's teardown is inside SimReset). */
static double SetupSim(uint64_t Iterations)
{
    static double Times[SETUP_MAX_ITERATIONS];
    for (uint64_t i = 0; i < Iterations; i++) {
        uint64_t Start = NowNs();
        SimReset();
        PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, SETUP_TAG);
        if (P == NULL) {
            Die("setup: the pool allocation failed");
        }
        ExFreePoolWithTag(P, SETUP_TAG);
        Times[i] = (double)(NowNs() - Start);
    }
    return SetupMedian(Times, Iterations);
}

/* The host floor: what any machine of this size needs from the host. */
static double SetupHost(uint64_t RamBytes, uint64_t SpaceBytes, uint64_t Iterations)
{
    static double Times[SETUP_MAX_ITERATIONS];
    for (uint64_t i = 0; i < Iterations; i++) {
        uint64_t Start = NowNs();
        int Fd = HostMemfd("mmsim-bench-setup", RamBytes);
        void *View = mmap(NULL, RamBytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, Fd,
                          0);
        if (View == MAP_FAILED) {
            Die("setup: cannot map a %" PRIu64 "-byte view: %s", RamBytes, strerror(errno));
        }
        uint8_t *Space = HostReserve(SpaceBytes);
        munmap(Space, SpaceBytes);
        munmap(View, RamBytes);
        close(Fd);
        Times[i] = (double)(NowNs() - Start);
    }
    return SetupMedian(Times, Iterations);
}

static void BenchSetup(void)
{
    const uint64_t Sizes[] = {256 * MIB, 16 * GIB, 1024 * GIB};
    const char *const Names[] = {"256 MiB", "16 GiB", "1 TiB"};
    uint64_t Iterations = Opt.Quick ? 20 : 200;
    printf("setup: SimReset + one pool allocation + teardown, ns per machine (median of %" PRIu64
           " timed one by one), %d repetitions\n", Iterations, Opt.Reps);
    RESULT *First = NULL;
    for (size_t s = 0; s < sizeof(Sizes) / sizeof(Sizes[0]); s++) {
        SIM_CONFIG Config;
        SetupConfig(Sizes[s], &Config);
        if (SimInitialize(&Config) != STATUS_SUCCESS) {
            Skip("setup %s: the host refused the machine", Names[s]);
            continue;
        }
        uint64_t SpaceBytes = SetupSpacePages(&Config) * BENCH_PAGE;
        char Name[64];
        snprintf(Name, sizeof(Name), "%s of RAM and system space", Names[s]);
        RESULT *R = NewResult("setup", Name, "SimReset+pool", "host floor", "ns");
        (void)SetupSim(2); /* warm */
        for (int r = 0; r < Opt.Reps; r++) {
            if (r % 2 == 0) {
                R->SubjectSamples[r] = SetupSim(Iterations);
                R->BaselineSamples[r] = SetupHost(Sizes[s], SpaceBytes, Iterations);
            } else {
                R->BaselineSamples[r] = SetupHost(Sizes[s], SpaceBytes, Iterations);
                R->SubjectSamples[r] = SetupSim(Iterations);
            }
        }
        Summarise(R, Opt.Reps);
        SetTarget(R, TargetAtMost, 3);
        printf("  %s: machine %.0f ns, floor %.0f ns (%.2f)\n", Names[s], R->Subject50,
               R->Baseline50, R->Ratio);
        if (First == NULL) {
            First = R;
        } else if (s + 1 == sizeof(Sizes) / sizeof(Sizes[0])) {
            RESULT *G = NewResult("setup", "1 TiB vs 256 MiB", "SimReset+pool at 1 TiB",
                                  "SimReset+pool at 256 MiB", "ns");
            G->Reps = 1;
            G->SubjectSamples[0] = G->Subject50 = R->Subject50;
            G->BaselineSamples[0] = G->Baseline50 = First->Subject50;
            G->Ratio = First->Subject50 > 0 ? R->Subject50 / First->Subject50 : 0;
            G->HasRatio = 1;
            SetTarget(G, TargetAtMost, 1.2);
            snprintf(G->Note, sizeof(G->Note), "ratio of the two medians: constant-time build");
        }
    }
    CheckClean("setup");
    if (SimInitialize(NULL) != STATUS_SUCCESS) {
        Die("setup: the default machine could not be rebuilt");
    }
}

static void BenchScale(void)
{
    const uint64_t Full[] = {64 * MIB, 256 * MIB, 1 * GIB, 4 * GIB, 16 * GIB};
    const uint64_t Quick[] = {16 * MIB, 64 * MIB};
    const uint64_t *Sizes = Opt.Quick ? Quick : Full;
    size_t Count = Opt.Quick ? 2 : 5;
    const uint64_t Step = 64 * KIB;
    printf("scale: region grow in 64 KiB steps, ns per page, %d repetitions\n", Opt.Reps);
    RESULT *Reference = NULL;
    RESULT *Largest = NULL;
    double LargestMappings = 0;
    char ReferenceSize[32] = "", LargestSize[32] = "";
    for (size_t s = 0; s < Count; s++) {
        uint64_t Bytes = Sizes[s];
        char SizeStr[32], Name[64];
        SizeText(Bytes, SizeStr, sizeof(SizeStr));
        if (Bytes > Opt.ScaleMax) {
            Skip("scale %s: above --scale-max", SizeStr);
            continue;
        }
        /* One side at a time holds Bytes; keep a quarter and 512 MiB spare. */
        uint64_t Need = Bytes + Bytes / 4 + 512 * MIB, Have = MemAvailable();
        if (Have != 0 && Have < Need) {
            Skip("scale %s: needs %" PRIu64 " MiB available, the host has %" PRIu64 " MiB",
                 SizeStr, Need / MIB, Have / MIB);
            continue;
        }
        snprintf(Name, sizeof(Name), "%s in 64 KiB steps", SizeStr);
        RESULT *R = NewResult("scale", Name, "region", "host floor", "ns/page");
        double Mappings[MAX_REPS];
        for (int r = 0; r < Opt.Reps; r++) {
            GROW_SAMPLE A, B;
            if (r % 2 == 0) {
                A = GrowRegion(Bytes, Step);
                B = GrowHostFloor(Bytes, Step);
            } else {
                B = GrowHostFloor(Bytes, Step);
                A = GrowRegion(Bytes, Step);
            }
            R->SubjectSamples[r] = A.NsPerPage;
            R->BaselineSamples[r] = B.NsPerPage;
            Mappings[r] = A.HostMappingsPerPage;
        }
        Summarise(R, Opt.Reps);
        double M = Median(Mappings, Opt.Reps);
        snprintf(R->Note, sizeof(R->Note), "host mappings per committed page %.6f (1 per %.0f)",
                 M, M > 0 ? 1 / M : 0);
        printf("  %s: region %.0f, floor %.0f ns/page (%.2f); %.6f host mappings per page\n",
               SizeStr, R->Subject50, R->Baseline50, R->Ratio, M);
        fflush(stdout);
        if (Reference == NULL) {
            Reference = R;
            snprintf(ReferenceSize, sizeof(ReferenceSize), "%s", SizeStr);
        }
        Largest = R;
        snprintf(LargestSize, sizeof(LargestSize), "%s", SizeStr);
        LargestMappings = M;
    }
    if (Reference != NULL && Largest != NULL) {
        char Name[96];
        snprintf(Name, sizeof(Name), "%s vs %s, per page", LargestSize, ReferenceSize);
        RESULT *G = NewResult("scale", Name, "region at largest", "region at smallest", "ns/page");
        G->Reps = 1;
        G->SubjectSamples[0] = G->Subject50 = Largest->Subject50;
        G->BaselineSamples[0] = G->Baseline50 = Reference->Subject50;
        G->Ratio = Reference->Subject50 > 0 ? Largest->Subject50 / Reference->Subject50 : 0;
        G->HasRatio = 1;
        SetTarget(G, TargetAtMost, 1.25);
        double FloorGrowth = Reference->Baseline50 > 0
                                 ? Largest->Baseline50 / Reference->Baseline50 : 0;
        snprintf(G->Note, sizeof(G->Note),
                 "ratio of the two medians; the host floor changed %.2fx between the same sizes",
                 FloorGrowth);
        /* The same, with the host's own change over size taken out: the
         * region's ratio to the floor at the largest size over that ratio at
         * the smallest. */
        snprintf(Name, sizeof(Name), "%s vs %s, floor-normalised", LargestSize,
                 ReferenceSize);
        RESULT *Nm = NewResult("scale", Name, "region/floor at largest", "region/floor at smallest",
                               "ratio");
        Nm->Reps = 1;
        Nm->SubjectSamples[0] = Nm->Subject50 = Largest->Ratio;
        Nm->BaselineSamples[0] = Nm->Baseline50 = Reference->Ratio;
        Nm->Ratio = Reference->Ratio > 0 ? Largest->Ratio / Reference->Ratio : 0;
        Nm->HasRatio = 1;
        SetTarget(Nm, TargetAtMost, 1.25);
        snprintf(Nm->Note, sizeof(Nm->Note), "isolates the simulator's scaling");
        RESULT *H = NewResult("scale", "host mappings per committed page", "region",
                              "", "maps/page");
        H->Reps = 1;
        H->SubjectSamples[0] = H->Subject50 = LargestMappings;
        H->Ratio = LargestMappings; /* compared against 1/16 directly */
        H->HasRatio = 0;
        H->Target = TargetAtMost;
        H->Limit = 1.0 / 16;
        H->Met = LargestMappings <= 1.0 / 16;
        snprintf(H->Note, sizeof(H->Note), "SimCountHostMappings over the region / pages, at %s",
                 LargestSize);
    }
}

/* ---------------------------------------------------------------------- */
/* Bookkeeping (the simulator's side; the region's is measured in grow). */
/* ---------------------------------------------------------------------- */
static void BenchBookkeeping(void)
{
    FreshMachine(64 * MIB);
    SIM_BOOKKEEPING Info;
    SimQueryBookkeeping(&Info);
    SimShutdown();
    RESULT *R = NewResult("bookkeeping", "simulator's (PFN, PTE, bitmaps)",
                          "simulator", "", "bytes/page");
    R->Reps = 1;
    R->SubjectSamples[0] = R->Subject50 =
        Info.PfnEntryBytes + Info.PteBytes + Info.BitmapBitsPerPage / 8.0;
    snprintf(R->Note, sizeof(R->Note), "PFN entry %u B, PTE %u B, %u bitmap bits (SimQueryBookkeeping)",
             Info.PfnEntryBytes, Info.PteBytes, Info.BitmapBitsPerPage);
    printf("bookkeeping: simulator %u (PFN) + %u (PTE) bytes + %u bits per page\n",
           Info.PfnEntryBytes, Info.PteBytes, Info.BitmapBitsPerPage);
}

/* ---------------------------------------------------------------------- */
/* DDI hot path (bench/callgrind.sh counts BenchDdiHotPath).               */
/* ---------------------------------------------------------------------- */
#define DDI_PAGES 16

static BENCH_NOINLINE void DdiLoop(uint64_t Iterations)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip0 = {.QuadPart = 0};
    for (uint64_t i = 0; i < Iterations; i++) {
        PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip0, DDI_PAGES * PAGE_SIZE, MmCached, 0);
        if (Mdl == NULL) {
            Die("MmAllocatePagesForMdlEx failed");
        }
        PVOID Va = MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                NormalPagePriority);
        if (Va == NULL) {
            Die("MmMapLockedPagesSpecifyCache failed");
        }
        MmUnmapLockedPages(Va, Mdl);
        MmFreePagesFromMdl(Mdl);
        ExFreePool(Mdl);
    }
}

/* The measured call: bench/callgrind.sh collects only what runs inside it
 * (valgrind --toggle-collect=BenchDdiHotPath), not set-up or warm-up. */
void BenchDdiHotPath(uint64_t Iterations);
BENCH_NOINLINE void BenchDdiHotPath(uint64_t Iterations)
{
    DdiLoop(Iterations);
    __asm__ volatile("" ::: "memory"); /* no tail call: the toggle stays on */
}

/* Host equivalent: 16 zero pages of a memfd mapped pre-faulted, unmapped and
 * given back (hole punched), as allocate + map + unmap + free. */
static BENCH_NOINLINE void HostDdiEquivalent(int Fd, uint8_t *Reserve, uint64_t Iterations)
{
    const uint64_t Bytes = DDI_PAGES * BENCH_PAGE;
    for (uint64_t i = 0; i < Iterations; i++) {
        HostMapPopulate(Reserve, Bytes, Fd, 0);
        HostUnmapToReserve(Reserve, Bytes);
#if defined(__linux__)
        if (fallocate(Fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, (off_t)Bytes) != 0) {
            Die("fallocate failed: %s", strerror(errno));
        }
#endif
    }
}

/* The DDI case's machine: small, so that the next-fit cursor wraps soon and
 * the steady state (stale pages, zeroed on allocation) is what is measured. */
static void DdiMachine(void)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = (16 * MIB) / BENCH_PAGE;
    Config.RangeCount = 0;
    Config.Quiet = TRUE;
    Config.Seed = Opt.Seed;
    if (!NT_SUCCESS(SimInitialize(&Config))) {
        Die("SimInitialize failed");
    }
}

static void BenchDdi(int CallgrindOnly)
{
    uint64_t Iterations = Opt.Iterations ? Opt.Iterations : (Opt.Quick ? 2000 : 20000);
    DdiMachine();
    DdiLoop(8192); /* warm up: more than one trip of the cursor round memory */
    if (CallgrindOnly) {
        BenchDdiHotPath(Iterations);
        CheckClean("ddi");
        SimShutdown();
        printf("ddi: %" PRIu64 " iterations of allocate+map+unmap+free of %d pages\n", Iterations,
               DDI_PAGES);
        return;
    }
    printf("ddi: allocate+map+unmap+free of %d pages, ns per iteration, %d repetitions\n",
           DDI_PAGES, Opt.Reps);
    int Fd = HostMemfd("mmsim-bench-ddi", DDI_PAGES * BENCH_PAGE);
    uint8_t *Reserve = HostReserve(DDI_PAGES * BENCH_PAGE);
    HostDdiEquivalent(Fd, Reserve, Iterations / 4);
    RESULT *R = NewResult("ddi", "16 pages: alloc, map, unmap, free", "DDIs",
                          "host map+unmap+punch", "ns/iter");
    uint64_t Half = Iterations / 2 + 1;
    for (int r = 0; r < Opt.Reps; r++) {
        /* A B B A: each side runs first once per repetition. */
        double Sim = 0, Host = 0;
        for (int k = 0; k < 4; k++) {
            int IsSim = k == 0 || k == 3;
            uint64_t T0 = NowNs();
            if (IsSim) {
                BenchDdiHotPath(Half);
            } else {
                HostDdiEquivalent(Fd, Reserve, Half);
            }
            double Ns = (double)(NowNs() - T0) / (double)Half;
            if (IsSim) {
                Sim += Ns / 2;
            } else {
                Host += Ns / 2;
            }
        }
        R->SubjectSamples[r] = Sim;
        R->BaselineSamples[r] = Host;
    }
    munmap(Reserve, DDI_PAGES * BENCH_PAGE);
    close(Fd);
    CheckClean("ddi");
    SimShutdown();
    Summarise(R, Opt.Reps);
    snprintf(R->Note, sizeof(R->Note), "instructions: bench/callgrind.sh");
    printf("  DDIs %.0f ns, host %.0f ns per iteration (%.2f)\n", R->Subject50, R->Baseline50,
           R->Ratio);
}

/* ---------------------------------------------------------------------- */
/* Special pool (specialpool; docs/special-pool.md).                      */
/* ---------------------------------------------------------------------- */
#define SP_BYTES 64
#define SP_TAG 'hcnB'

/* Pool on a machine of the default size, special pool on or off. */
static void PoolMachine(BOOLEAN Special)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Quiet = TRUE;
    Config.Seed = Opt.Seed;
    Config.SpecialPool.Enabled = Special;
    /* 32 MiB: the warm-up cycles through every physical page, so that the
     * timed loops map pages the host has already (as the floor's). */
    Config.PhysicalPages = 8192;
    Config.RangeCount = 0;
    if (!NT_SUCCESS(SimInitialize(&Config))) {
        Die("SimInitialize failed");
    }
}

static BENCH_NOINLINE double PoolLoop(uint64_t Iterations)
{
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Iterations; i++) {
        PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, SP_BYTES, SP_TAG);
        if (P == NULL) {
            Die("ExAllocatePool2 failed");
        }
        ((volatile uint8_t *)P)[0] = 1;
        ExFreePoolWithTag(P, SP_TAG);
    }
    return (double)(NowNs() - T0) / (double)Iterations;
}

static BENCH_NOINLINE double MallocLoop(uint64_t Iterations)
{
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Iterations; i++) {
        volatile uint8_t *P = (volatile uint8_t *)malloc(SP_BYTES);
        if (P == NULL) {
            Die("malloc failed");
        }
        P[0] = 1;
        free((void *)P);
    }
    return (double)(NowNs() - T0) / (double)Iterations;
}

/* The floor of one special-pool block: one page of a memfd mapped (populated)
 * into a reserved range, touched, unmapped back to the reservation. */
static BENCH_NOINLINE double PageMapLoop(int Fd, uint8_t *Reserve, uint64_t Iterations)
{
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Iterations; i++) {
        HostMapPopulate(Reserve + BENCH_PAGE, BENCH_PAGE, Fd, 0);
        Reserve[BENCH_PAGE + BENCH_PAGE - SP_BYTES] = 1;
        HostUnmapToReserve(Reserve + BENCH_PAGE, BENCH_PAGE);
    }
    return (double)(NowNs() - T0) / (double)Iterations;
}

/* The same, writing the whole page as special pool must (its slack pattern
 * and the block): what the write of a fresh mapping's page adds. */
static BENCH_NOINLINE double PageMapFillLoop(int Fd, uint8_t *Reserve, uint64_t Iterations)
{
    uint64_t T0 = NowNs();
    for (uint64_t i = 0; i < Iterations; i++) {
        HostMapPopulate(Reserve + BENCH_PAGE, BENCH_PAGE, Fd, 0);
        memset(Reserve + BENCH_PAGE, 0x5C, BENCH_PAGE);
        HostUnmapToReserve(Reserve + BENCH_PAGE, BENCH_PAGE);
    }
    return (double)(NowNs() - T0) / (double)Iterations;
}

/* Baseline: 0 malloc + free, 1 page map + unmap, 2 page map + fill + unmap. */
static double PoolBaseline(int Kind, int Fd, uint8_t *Reserve, uint64_t Iterations)
{
    return Kind == 0 ? MallocLoop(Iterations)
           : Kind == 1 ? PageMapLoop(Fd, Reserve, Iterations)
                       : PageMapFillLoop(Fd, Reserve, Iterations);
}

static void BenchPoolPair(RESULT *R, int Fd, uint8_t *Reserve, uint64_t Iterations, int Kind)
{
    uint64_t Half = Iterations / 2 + 1;
    for (int r = 0; r < Opt.Reps; r++) {
        /* A B B A: each side runs first once per repetition. */
        double A = PoolLoop(Half);
        double B = PoolBaseline(Kind, Fd, Reserve, Half);
        B += PoolBaseline(Kind, Fd, Reserve, Half);
        A += PoolLoop(Half);
        R->SubjectSamples[r] = A / 2;
        R->BaselineSamples[r] = B / 2;
    }
    Summarise(R, Opt.Reps);
}

static void BenchSpecialPool(void)
{
    uint64_t Iterations = Opt.Iterations ? Opt.Iterations : (Opt.Quick ? 20000 : 200000);
    printf("special-pool: allocate + free of a %d-byte block, ns per iteration, %d "
           "repetitions\n", SP_BYTES, Opt.Reps);
    /* Special pool vs one page of a memfd mapped and unmapped. */
    int Fd = HostMemfd("mmsim-bench-special", BENCH_PAGE);
    uint8_t *Reserve = HostReserve(3 * BENCH_PAGE); /* guard, page, guard */
    PoolMachine(TRUE);
    (void)PoolLoop(Iterations / 4 + 16384); /* warm up: every page, a full quarantine */
    (void)PageMapLoop(Fd, Reserve, Iterations / 4 + 1);
    RESULT *R = NewResult("special-pool", "64 B special pool alloc+free", "special pool",
                          "host map+unmap 1 page", "ns/iter");
    BenchPoolPair(R, Fd, Reserve, Iterations, 1);
    RESULT *F = NewResult("special-pool", "64 B special pool alloc+free", "special pool",
                          "host map+fill+unmap 1 page", "ns/iter");
    BenchPoolPair(F, Fd, Reserve, Iterations, 2);
    SIM_SPECIAL_POOL_STATS Stats;
    SimQuerySpecialPool(&Stats);
    if (Stats.Fallbacks != 0 || Stats.Allocations < Iterations) {
        Die("special pool fell back %" PRIu64 " times", (uint64_t)Stats.Fallbacks);
    }
    CheckClean("special-pool");
    SimShutdown();
    SetTarget(R, TargetAtMost, 1.5);
    snprintf(R->Note, sizeof(R->Note), "quarantine cycling, %" PRIu64 " PTE budget",
             (uint64_t)Stats.Budget);
    printf("  special pool %.0f ns, host page map+unmap %.0f ns (%.2f)\n", R->Subject50,
           R->Baseline50, R->Ratio);
    snprintf(F->Note, sizeof(F->Note), "the floor writing its page as special pool must");
    printf("  special pool %.0f ns, host page map+fill+unmap %.0f ns (%.2f)\n", F->Subject50,
           F->Baseline50, F->Ratio);
    munmap(Reserve, 3 * BENCH_PAGE);
    close(Fd);
    /* Normal pool, special pool off, vs malloc + free. */
    PoolMachine(FALSE);
    (void)PoolLoop(Iterations / 4 + 1);
    (void)MallocLoop(Iterations / 4 + 1);
    RESULT *N = NewResult("special-pool", "64 B normal pool alloc+free (special pool off)",
                          "pool", "malloc+free", "ns/iter");
    BenchPoolPair(N, -1, NULL, Iterations * 4, 0);
    CheckClean("special-pool");
    SimShutdown();
    printf("  normal pool %.1f ns, malloc+free %.1f ns (%.2f)\n", N->Subject50, N->Baseline50,
           N->Ratio);
}

/* ---------------------------------------------------------------------- */
/* Output: table, JSON, SVG.                                              */
/* ---------------------------------------------------------------------- */
static const char *Verdict(const RESULT *R)
{
    if (R->Target == TargetNone) {
        return "";
    }
    return R->Met ? "met" : "MISSED";
}

static void TargetText(const RESULT *R, char *Out, size_t Size)
{
    if (R->Target == TargetNone) {
        snprintf(Out, Size, "-");
    } else if (R->Limit < 0.1) {
        snprintf(Out, Size, "%s 1/%.0f", R->Target == TargetAtMost ? "<=" : ">=", 1 / R->Limit);
    } else {
        snprintf(Out, Size, "%s %.2fx", R->Target == TargetAtMost ? "<=" : ">=", R->Limit);
    }
}

static void FormatValue(double Value, char *Out, size_t Size)
{
    if (Value == 0) {
        snprintf(Out, Size, "0");
    } else if (Value < 0.01) {
        snprintf(Out, Size, "%.6f", Value);
    } else if (Value < 10) {
        snprintf(Out, Size, "%.2f", Value);
    } else {
        snprintf(Out, Size, "%.0f", Value);
    }
}

static void PrintTable(void)
{
    printf("\n%-11s %-34s %-50s %10s %10s %-10s %6s %8s %s\n", "group", "case",
           "subject vs baseline", "subject", "baseline", "unit", "ratio", "target", "");
    for (int i = 0; i < ResultCount; i++) {
        const RESULT *R = &Results[i];
        char S[32], B[32], Q[32], T[32], Who[112];
        FormatValue(R->Subject50, S, sizeof(S));
        if (R->Baseline[0] != '\0') {
            FormatValue(R->Baseline50, B, sizeof(B));
            snprintf(Who, sizeof(Who), "%s vs %s", R->Subject, R->Baseline);
        } else {
            snprintf(B, sizeof(B), "-");
            snprintf(Who, sizeof(Who), "%s", R->Subject);
        }
        if (R->HasRatio) {
            snprintf(Q, sizeof(Q), "%.2f", R->Ratio);
        } else {
            snprintf(Q, sizeof(Q), "-");
        }
        TargetText(R, T, sizeof(T));
        printf("%-11s %-34s %-50s %10s %10s %-10s %6s %8s %s\n", R->Group, R->Name, Who, S, B,
               R->Unit, Q, T, Verdict(R));
    }
    for (int i = 0; i < SkipCount; i++) {
        printf("skipped: %s\n", Skips[i]);
    }
    printf("ratio = median over repetitions of subject/baseline measured back to back; "
           "host floor = fresh memfd pages mapped with mmap(MAP_FIXED|MAP_SHARED|MAP_POPULATE) "
           "in the same steps\n");
}

static void JsonString(FILE *F, const char *Text)
{
    fputc('"', F);
    for (const unsigned char *P = (const unsigned char *)Text; *P != '\0'; P++) {
        if (*P == '"' || *P == '\\') {
            fprintf(F, "\\%c", *P);
        } else if (*P < 0x20) {
            fprintf(F, "\\u%04x", *P);
        } else {
            fputc(*P, F);
        }
    }
    fputc('"', F);
}

static void JsonNumber(FILE *F, double Value)
{
    if (Value != Value || Value > 1e300 || Value < -1e300) {
        fprintf(F, "null");
    } else {
        fprintf(F, "%.6g", Value);
    }
}

static void WriteJson(const char *Path, const char *Date)
{
    FILE *F = fopen(Path, "w");
    if (F == NULL) {
        Die("cannot write %s: %s", Path, strerror(errno));
    }
    struct utsname Un;
    uname(&Un);
    char Thp[128];
    ReadFirstLine("/sys/kernel/mm/transparent_hugepage/enabled", Thp, sizeof(Thp));
    fprintf(F, "{\n  \"schema\": \"mmsim-bench/1\",\n  \"date\": ");
    JsonString(F, Date);
    fprintf(F, ",\n  \"command\": ");
    JsonString(F, CommandLine);
    fprintf(F, ",\n  \"host\": {\"cpus\": %ld, \"mem_total_mib\": %" PRIu64
               ", \"kernel\": ",
            sysconf(_SC_NPROCESSORS_ONLN), MemTotal() / MIB);
    JsonString(F, Un.release);
    fprintf(F, ", \"machine\": ");
    JsonString(F, Un.machine);
    fprintf(F, ", \"transparent_hugepage\": ");
    JsonString(F, Thp);
    fprintf(F, "},\n  \"config\": {\"quick\": %s, \"reps\": %d, \"max_size\": %" PRIu64
               ", \"scale_max\": %" PRIu64 ", \"access_size\": %" PRIu64
               ", \"seed\": %" PRIu64 ", \"profile\": ",
            Opt.Quick ? "true" : "false", Opt.Reps, Opt.MaxSize, Opt.ScaleMax, Opt.AccessSize,
            (uint64_t)Opt.Seed);
    JsonString(F, SimProfileName(SimGetProfile()));
    SimShutdown();
    fprintf(F, "},\n  \"results\": [");
    for (int i = 0; i < ResultCount; i++) {
        const RESULT *R = &Results[i];
        fprintf(F, "%s\n    {\"group\": ", i ? "," : "");
        JsonString(F, R->Group);
        fprintf(F, ", \"case\": ");
        JsonString(F, R->Name);
        fprintf(F, ", \"subject\": ");
        JsonString(F, R->Subject);
        fprintf(F, ", \"baseline\": ");
        if (R->Baseline[0] != '\0') {
            JsonString(F, R->Baseline);
        } else {
            fprintf(F, "null");
        }
        fprintf(F, ", \"unit\": ");
        JsonString(F, R->Unit);
        fprintf(F, ",\n     \"subject_median\": ");
        JsonNumber(F, R->Subject50);
        fprintf(F, ", \"baseline_median\": ");
        if (R->Baseline[0] != '\0') {
            JsonNumber(F, R->Baseline50);
        } else {
            fprintf(F, "null");
        }
        fprintf(F, ", \"ratio\": ");
        if (R->HasRatio) {
            JsonNumber(F, R->Ratio);
        } else {
            fprintf(F, "null");
        }
        fprintf(F, ", \"reps\": %d", R->Reps);
        if (R->UserShare >= 0) {
            fprintf(F, ", \"user_cpu_share\": ");
            JsonNumber(F, R->UserShare);
        }
        fprintf(F, ",\n     \"subject_samples\": [");
        for (int k = 0; k < R->Reps; k++) {
            fprintf(F, "%s", k ? ", " : "");
            JsonNumber(F, R->SubjectSamples[k]);
        }
        fprintf(F, "], \"baseline_samples\": [");
        if (R->Baseline[0] != '\0') {
            for (int k = 0; k < R->Reps; k++) {
                fprintf(F, "%s", k ? ", " : "");
                JsonNumber(F, R->BaselineSamples[k]);
            }
        }
        fprintf(F, "]");
        if (R->Target != TargetNone) {
            fprintf(F, ",\n     \"target\": {\"kind\": \"%s\", \"limit\": ",
                    R->Target == TargetAtMost ? "at_most" : "at_least");
            JsonNumber(F, R->Limit);
            fprintf(F, ", \"measured\": ");
            JsonNumber(F, R->HasRatio ? R->Ratio : R->Subject50);
            fprintf(F, ", \"met\": %s}", R->Met ? "true" : "false");
        }
        if (R->Note[0] != '\0') {
            fprintf(F, ", \"note\": ");
            JsonString(F, R->Note);
        }
        fprintf(F, "}");
    }
    fprintf(F, "\n  ],\n  \"skipped\": [");
    for (int i = 0; i < SkipCount; i++) {
        fprintf(F, "%s", i ? ", " : "");
        JsonString(F, Skips[i]);
    }
    fprintf(F, "]\n}\n");
    if (fclose(F) != 0) {
        Die("cannot write %s", Path);
    }
}

static void SvgText(FILE *F, const char *Text)
{
    for (const char *P = Text; *P != '\0'; P++) {
        switch (*P) {
        case '<': fputs("&lt;", F); break;
        case '>': fputs("&gt;", F); break;
        case '&': fputs("&amp;", F); break;
        default: fputc(*P, F);
        }
    }
}

/* One bar per ratio: subject / baseline (log scale, 1 = the baseline). */
static void WriteSvg(const char *Path, const char *Date)
{
    FILE *F = fopen(Path, "w");
    if (F == NULL) {
        Die("cannot write %s: %s", Path, strerror(errno));
    }
    int Rows = 0;
    for (int i = 0; i < ResultCount; i++) {
        Rows += Results[i].HasRatio;
    }
    const int Left = 640, Width = 420, RowH = 22, Top = 64;
    const double LogMin = -1, LogMax = 1; /* 0.1x .. 10x; beyond is clipped */
    int Height = Top + Rows * RowH + 70;
    fprintf(F,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "font-family=\"sans-serif\" font-size=\"12\">\n",
            Left + Width + 150, Height);
    fprintf(F, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(F, "<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">mmsim-bench: "
               "subject / baseline (log scale): below 1 is cheaper for ns, "
               "above 1 is more bandwidth for GB/s</text>\n");
    fprintf(F, "<text x=\"10\" y=\"42\" fill=\"#555\">");
    SvgText(F, Date);
    fprintf(F, " - medians of %d repetitions; green: target met, red: missed, grey: no "
               "target; | marks the target</text>\n",
            Opt.Reps);
    for (int d = (int)LogMin; d <= (int)LogMax; d++) {
        double X = Left + (d - LogMin) / (LogMax - LogMin) * Width;
        fprintf(F, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n", X,
                Top - 6, X, Top + Rows * RowH, d == 0 ? "#000" : "#ddd");
        fprintf(F, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%gx</text>\n",
                X, Top + Rows * RowH + 16, pow(10, d));
    }
    int Row = 0;
    for (int i = 0; i < ResultCount; i++) {
        const RESULT *R = &Results[i];
        if (!R->HasRatio) {
            continue;
        }
        double Y = Top + Row * RowH;
        double L = R->Ratio > 0 ? log10(R->Ratio) : LogMin;
        if (L < LogMin) {
            L = LogMin;
        }
        if (L > LogMax) {
            L = LogMax;
        }
        double X0 = Left + (0 - LogMin) / (LogMax - LogMin) * Width;
        double X1 = Left + (L - LogMin) / (LogMax - LogMin) * Width;
        const char *Color = R->Target == TargetNone ? "#999" : R->Met ? "#2a8a2a" : "#c62828";
        fprintf(F, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", Left - 8, Y + 15);
        SvgText(F, R->Group);
        fprintf(F, ": ");
        SvgText(F, R->Name);
        fprintf(F, " - ");
        SvgText(F, R->Subject);
        fprintf(F, " vs ");
        SvgText(F, R->Baseline);
        fprintf(F, "</text>\n");
        fprintf(F, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                X1 < X0 ? X1 : X0, Y + 4, X1 < X0 ? X0 - X1 : X1 - X0 + 0.5, RowH - 8, Color);
        if (R->Target != TargetNone) {
            double XT = Left + (log10(R->Limit) - LogMin) / (LogMax - LogMin) * Width;
            fprintf(F, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
                       "stroke-width=\"2\"/>\n",
                    XT, Y + 1, XT, Y + RowH - 1);
        }
        fprintf(F, "<text x=\"%d\" y=\"%.1f\">%.2fx (", Left + Width + 8, Y + 15, R->Ratio);
        SvgText(F, R->Unit);
        fprintf(F, ")</text>\n");
        Row++;
    }
    fprintf(F, "<text x=\"10\" y=\"%d\" fill=\"#555\">", Height - 12);
    SvgText(F, CommandLine);
    fprintf(F, "</text>\n</svg>\n");
    if (fclose(F) != 0) {
        Die("cannot write %s", Path);
    }
}

/* ---------------------------------------------------------------------- */
/* Main.                                                                  */
/* ---------------------------------------------------------------------- */
static void Usage(FILE *F)
{
    fprintf(F,
            "usage: mmsim-bench [options]\n"
            "  --quick            small sizes (64 MiB top, 3 repetitions): the ctest run\n"
            "  --max-size SIZE    top of the grow cases (default 1G); SIZE takes K, M, G\n"
            "  --scale-max SIZE   largest scale size (default 16G; skipped without the RAM)\n"
            "  --access-size SIZE buffer of the bandwidth case (default 256M)\n"
            "  --reps N           repetitions per case, 1..%d (default 7)\n"
            "  --json FILE        write the results as JSON\n"
            "  --svg FILE         draw the ratios as an SVG chart\n"
            "  --only LIST        groups to run: grow,remap,access,scale,setup,bookkeeping,\n"
            "                     ddi,faults,fuzz,user,special-pool\n"
            "  --faults-suites L  faults: the suites, comma separated paths\n"
            "                     (teardown is measured with grow)\n"
            "  --iterations N     ddi: measured iterations\n"
            "  --callgrind        ddi only, no timing (bench/callgrind.sh)\n"
            "  --seed N           simulator seed (default 0x5eed)\n",
            MAX_REPS);
}

static uint64_t ParseSize(const char *Text)
{
    char *End = NULL;
    errno = 0;
    unsigned long long Value = strtoull(Text, &End, 0);
    if (errno != 0 || End == Text) {
        Die("bad size \"%s\"", Text);
    }
    uint64_t Scale = 1;
    switch (*End) {
    case 'k': case 'K': Scale = KIB; End++; break;
    case 'm': case 'M': Scale = MIB; End++; break;
    case 'g': case 'G': Scale = GIB; End++; break;
    default: break;
    }
    if (*End == 'i' && End[1] == 'B') {
        End += 2;
    } else if (*End == 'B') {
        End++;
    }
    if (*End != '\0' || Value == 0) {
        Die("bad size \"%s\"", Text);
    }
    return (uint64_t)Value * Scale;
}

/* faultrun: the faults and fuzz groups. */
#include "faults_bench.c"

static int Selected(const char *Group)
{
    if (Opt.Only[0] == '\0') {
        return 1;
    }
    char List[sizeof(Opt.Only) + 2];
    snprintf(List, sizeof(List), ",%s,", Opt.Only);
    char Key[32];
    snprintf(Key, sizeof(Key), ",%s,", Group);
    return strstr(List, Key) != NULL;
}

int main(int Argc, char **Argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
#if defined(M_MMAP_THRESHOLD)
    /* glibc raises its mmap threshold after a large free, after which the
     * next realloc run would grow in heap memory still resident from the
     * previous one. Fixing it (at its default, 128 KiB) makes every
     * copy-on-grow run start from fresh memory, like the other ways. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    Opt.MaxSize = 1 * GIB;
    Opt.ScaleMax = 16 * GIB;
    Opt.AccessSize = 256 * MIB;
    Opt.Reps = 7;
    Opt.Seed = 0x5eed;
    int Callgrind = 0, MaxSet = 0, ScaleSet = 0, AccessSet = 0, RepsSet = 0;
    size_t Used = 0;
    for (int i = 0; i < Argc; i++) {
        int N = snprintf(CommandLine + Used, sizeof(CommandLine) - Used, "%s%s", i ? " " : "",
                         i == 0 ? "mmsim-bench" : Argv[i]);
        if (N > 0 && (size_t)N < sizeof(CommandLine) - Used) {
            Used += (size_t)N;
        }
    }
    for (int i = 1; i < Argc; i++) {
        const char *A = Argv[i];
        const char *Value = i + 1 < Argc ? Argv[i + 1] : NULL;
        int TakesValue = 1;
        if (strcmp(A, "--quick") == 0) {
            Opt.Quick = 1;
            TakesValue = 0;
        } else if (strcmp(A, "--callgrind") == 0) {
            Callgrind = 1;
            TakesValue = 0;
        } else if (strcmp(A, "--help") == 0 || strcmp(A, "-h") == 0) {
            Usage(stdout);
            return 0;
        } else if (Value == NULL) {
            Usage(stderr);
            Die("%s needs a value (or is unknown)", A);
        } else if (strcmp(A, "--max-size") == 0) {
            Opt.MaxSize = ParseSize(Value);
            MaxSet = 1;
        } else if (strcmp(A, "--scale-max") == 0) {
            Opt.ScaleMax = ParseSize(Value);
            ScaleSet = 1;
        } else if (strcmp(A, "--access-size") == 0) {
            Opt.AccessSize = ParseSize(Value);
            AccessSet = 1;
        } else if (strcmp(A, "--reps") == 0) {
            Opt.Reps = atoi(Value);
            RepsSet = 1;
        } else if (strcmp(A, "--json") == 0) {
            Opt.JsonPath = Value;
        } else if (strcmp(A, "--svg") == 0) {
            Opt.SvgPath = Value;
        } else if (strcmp(A, "--faults-suites") == 0) { /* faultrun */
            snprintf(FaultSuites, sizeof(FaultSuites), "%s", Value);
        } else if (strcmp(A, "--only") == 0) {
            snprintf(Opt.Only, sizeof(Opt.Only), "%s", Value);
        } else if (strcmp(A, "--iterations") == 0) {
            Opt.Iterations = strtoull(Value, NULL, 0);
        } else if (strcmp(A, "--seed") == 0) {
            Opt.Seed = strtoull(Value, NULL, 0);
        } else {
            Usage(stderr);
            Die("unknown option %s", A);
        }
        i += TakesValue;
    }
    if (Opt.Quick) {
        Opt.MaxSize = MaxSet ? Opt.MaxSize : 64 * MIB;
        Opt.ScaleMax = ScaleSet ? Opt.ScaleMax : 64 * MIB;
        Opt.AccessSize = AccessSet ? Opt.AccessSize : 32 * MIB;
        Opt.Reps = RepsSet ? Opt.Reps : 3;
    }
    if (Opt.Reps < 1 || Opt.Reps > MAX_REPS) {
        Die("--reps must be 1..%d", MAX_REPS);
    }
    if (Opt.MaxSize % (2 * MIB) != 0 || Opt.AccessSize % (2 * MIB) != 0) {
        Die("--max-size and --access-size must be multiples of 2 MiB");
    }
    if (Opt.Seed == 0) {
        Opt.Seed = 0x5eed;
    }
    if (Callgrind) {
        BenchDdi(1);
        return 0;
    }

    time_t Now = time(NULL);
    char Date[64];
    strftime(Date, sizeof(Date), "%Y-%m-%d %H:%M UTC", gmtime(&Now));
    char Top[32];
    printf("mmsim-bench %s: %ld CPUs, %" PRIu64 " MiB RAM (%" PRIu64
           " MiB available), top size %s, %d repetitions\n",
           Date, sysconf(_SC_NPROCESSORS_ONLN), MemTotal() / MIB, MemAvailable() / MIB,
           SizeText(Opt.MaxSize, Top, sizeof(Top)), Opt.Reps);
    if (Selected("grow") || Selected("teardown")) {
        BenchGrow();
    }
    if (Selected("remap")) {
        BenchRemap();
    }
    if (Selected("access")) {
        BenchAccess();
    }
    if (Selected("scale")) {
        BenchScale();
    }
    if (Selected("user")) {
        BenchUser(); /* userva */
    }
    if (Selected("setup")) {
        BenchSetup();
    }
    if (Selected("bookkeeping")) {
        BenchBookkeeping();
    }
    if (Selected("ddi")) {
        BenchDdi(0);
    }
    if (Selected("special-pool")) { /* specialpool */
        BenchSpecialPool();
    }
    if (Selected("faults")) { /* faultrun */
        BenchFaults();
    }
    if (Selected("fuzz")) { /* faultrun: last, it leaves the fuzzer's machine */
        BenchFuzz();
    }
    PrintTable();
    if (Opt.JsonPath != NULL) {
        WriteJson(Opt.JsonPath, Date);
        printf("wrote %s\n", Opt.JsonPath);
    }
    if (Opt.SvgPath != NULL) {
        WriteSvg(Opt.SvgPath, Date);
        printf("wrote %s\n", Opt.SvgPath);
    }
    return 0;
}
