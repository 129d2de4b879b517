/*
 * inject.c - fault injection for every fallible DDI (docs/architecture.md 6;
 * docs/ddi-contract.md 6.1, 6.2; docs/verifier.md).
 *
 * Modes, combinable:
 *   by hand     SimFailNthCall(site, N), SimShortenNthPageAllocation,
 *               SimLimitPageAllocations (per machine; a reset disarms them)
 *   nth         fail the Nth fallible call (of one site or of all)
 *   random      Driver Verifier's Low Resources Simulation: probability in
 *               1/10,000, seed, pool-tag filter (then non-pool sites never
 *               fail, as Verifier), an initial delay in calls
 *   systematic  Verifier's systematic simulation: the first call from each
 *               distinct calling stack fails; stacks are remembered in a file
 *               across runs (identified by module + offset, so address-space
 *               randomisation does not change them)
 *   stack/record  for the `mmsim faults` runner: fail only the call with one
 *               stack identity; append every stack identity seen to a file
 *   explore     for the runner too: at the first call of each stack, ask it
 *               whether to fork a child that fails that call (fork_server.c)
 * Configured with SimConfigureFaults(spec) or MMSIM_FAULTS=spec (same
 * syntax; a bad spec names the bad clause and exits 89).
 *
 * The DDIs ask MiInjectFaultAt() before doing their work and, when told to,
 * fail the way they fail for want of resources.
 * MmMapLockedPagesWithReservedMapping is never a fault site: its contract is
 * forward progress.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "../config.h"
#include "../mm/mi_mm.h"
#include "../host/host.h"
#include "fault_run.h"

#define MI_STACK_FRAMES 8  /* frames of the caller's stack that identify it */
#define MI_MAX_TAGS 16

typedef struct _MI_ID_SET {
    uint64_t *Slots; /* open addressing; 0 = empty (identities are never 0) */
    uint64_t Capacity;
    uint64_t Count;
} MI_ID_SET;

typedef struct _MI_INJECT {
    /* By hand (per machine). */
    ULONG Countdown[SimFaultSiteCount];
    ULONG ShortCountdown;
    ULONG64 ShortPages;
    ULONG64 PageLimit;
    /* Configured (spec). */
    ULONG NthAll;           /* nth=N: countdown over all sites */
    ULONG Probability;      /* random=P, in 1/10,000 */
    ULONG64 RandomState;
    bool SeedGiven;
    ULONG64 Delay;          /* delay=N calls */
    ULONG TagCount;
    char Tags[MI_MAX_TAGS][4];
    ULONG ShortPercent;     /* short=P: share of injected page failures that are short */
    bool Systematic;
    char SystematicFile[512];
    MI_ID_SET Seen;
    bool TargetSet;
    uint64_t TargetId;
    bool TargetDone;
    char RecordFile[512];
    MI_ID_SET Recorded;
    bool Explore;          /* explore=R,W: the runner's answer and note pipes */
    int ExploreFds[2];
    bool Log;
    /* Counters (per machine). */
    ULONG64 Calls[SimFaultSiteCount];
    ULONG64 Injected[SimFaultSiteCount];
    ULONG64 TotalCalls;
} MI_INJECT;

static MI_INJECT MiInject;
/* suite23: the runner's pipes of a shared explorer, kept when a test's
 * SimConfigureFaults replaces its spec (the next test's spec names them). */
#if !defined(_WIN32)
static int MiExplorePipes[2] = {-1, -1};
/* A machine was built in this process (so main may have made fallible calls
 * before the first test). */
static bool MiInjectBuilt;
/* suite23b: a listing run's SimRunTests returned (MiFaultRunListed). */
static bool MiListingReturned;
#endif
static char MiSpec[1024]; /* the configured spec, re-applied on every reset */
static bool MiConfiguredByApi; /* SimConfigureFaults wins over MMSIM_FAULTS */

static const char *const MiSiteNames[SimFaultSiteCount] = {
    "pool", "IoAllocateMdl", "MmAllocatePagesForMdl", "MmAllocateMappingAddress",
    "MmProbeAndLockPages", "MmMapLockedPagesSpecifyCache", "IoAllocateWorkItem",
    /* mmdev */
    "MmMapIoSpace",
    /* exsync */
    "ExAllocateFromLookasideList",
    /* userva */
    "ZwAllocateVirtualMemory"};
/* Short names for specs. */
static const char *const MiSiteKeys[SimFaultSiteCount] = {"pool", "mdl",  "pages",   "mapping",
                                                          "lock", "map",  "workitem",
                                                          /* mmdev */ "iospace",
                                                          /* exsync */ "lookaside",
                                                          /* userva */ "vm"};

const char *SimFaultSiteName(SIM_FAULT_SITE Site)
{
    return (unsigned)Site < SimFaultSiteCount ? MiSiteNames[Site] : "?";
}

/* ---------------------------------------------------------------------- */
/* Stack identities.                                                      */
/* ---------------------------------------------------------------------- */
static bool MiIdSetContains(const MI_ID_SET *Set, uint64_t Id)
{
    if (Set->Capacity == 0) {
        return false;
    }
    for (uint64_t i = Id & (Set->Capacity - 1);; i = (i + 1) & (Set->Capacity - 1)) {
        if (Set->Slots[i] == Id) {
            return true;
        }
        if (Set->Slots[i] == 0) {
            return false;
        }
    }
}

/* false if Id was present already (or no host memory). */
static bool MiIdSetAdd(MI_ID_SET *Set, uint64_t Id)
{
    if (MiIdSetContains(Set, Id)) {
        return false;
    }
    if ((Set->Count + 1) * 2 > Set->Capacity) {
        uint64_t Capacity = Set->Capacity ? Set->Capacity * 2 : 256;
        uint64_t *Slots = (uint64_t *)calloc(Capacity, sizeof(uint64_t));
        if (Slots == NULL) {
            return false;
        }
        for (uint64_t i = 0; i < Set->Capacity; i++) {
            if (Set->Slots[i] != 0) {
                uint64_t k = Set->Slots[i] & (Capacity - 1);
                while (Slots[k] != 0) {
                    k = (k + 1) & (Capacity - 1);
                }
                Slots[k] = Set->Slots[i];
            }
        }
        free(Set->Slots);
        Set->Slots = Slots;
        Set->Capacity = Capacity;
    }
    uint64_t i = Id & (Set->Capacity - 1);
    while (Set->Slots[i] != 0) {
        i = (i + 1) & (Set->Capacity - 1);
    }
    Set->Slots[i] = Id;
    Set->Count++;
    return true;
}

static void MiIdSetFree(MI_ID_SET *Set)
{
    free(Set->Slots);
    memset(Set, 0, sizeof(*Set));
}

static uint64_t MiFnv(uint64_t Hash, const void *Data, size_t Size)
{
    const unsigned char *Bytes = (const unsigned char *)Data;
    for (size_t i = 0; i < Size; i++) {
        Hash = (Hash ^ Bytes[i]) * 0x100000001B3ull;
    }
    return Hash;
}

/* The calling stack from the DDI's caller outwards: Frames[First...]. */
typedef struct _MI_STACK {
    void *Frames[48];
    int Count, First;
} MI_STACK;

static void MiCaptureStack(MI_STACK *Stack, ULONG_PTR Caller)
{
    Stack->Count = HostCaptureStack(Stack->Frames, 48);
    Stack->First = 0;
    for (int i = 0; i < Stack->Count; i++) {
        if ((ULONG_PTR)Stack->Frames[i] == Caller) {
            Stack->First = i;
            break;
        }
    }
    if (Stack->First == 0) {
        /* caller not found (inlined): skip us and the DDI */
        Stack->First = Stack->Count > 2 ? 2 : 0;
    }
}

/* Its identity (module and offset of each frame: cheap). */
static uint64_t MiStackId(SIM_FAULT_SITE Site, const MI_STACK *Stack)
{
    uint64_t Hash = MiFnv(0xCBF29CE484222325ull, &Site, sizeof(Site));
    for (int i = Stack->First; i < Stack->Count && i < Stack->First + MI_STACK_FRAMES; i++) {
        const char *Module = "?";
        uint64_t Offset = (uint64_t)(uintptr_t)Stack->Frames[i];
        HostFrameModuleOffset(Stack->Frames[i], &Module, &Offset);
        Hash = MiFnv(Hash, Module, strlen(Module));
        Hash = MiFnv(Hash, &Offset, sizeof(Offset));
    }
    return Hash | 1; /* never 0 */
}

/* Its text (symbolized frames: dear, so only where it is written; left to
 * the runner to name where only the runner reads it, Unnamed). */
static void MiStackText(const MI_STACK *Stack, bool Unnamed, char *Text, size_t Size)
{
    Text[0] = '\0';
    for (int i = Stack->First; i < Stack->Count && i < Stack->First + MI_STACK_FRAMES; i++) {
        char Frame[256];
        MiAppend(Text, Size, "%s%s", i == Stack->First ? "" : " < ",
                 Unnamed ? HostDescribeFrameUnnamed(Stack->Frames[i], Frame, sizeof(Frame))
                         : HostDescribeFrame(Stack->Frames[i], Frame, sizeof(Frame)));
    }
}

/* The files appended to (record= and systematic=) stay open, unbuffered so
 * that each line is one write at the end: an open and a close per recorded
 * stack were a tenth of a forked run. A process whose spec names another file
 * (a child forked to fail a call records to its own) opens that one. Lock
 * held. */
static struct {
    FILE *Out;
    char Path[sizeof(MiInject.RecordFile)];
} MiAppendFiles[2];

static void MiAppendLine(const char *File, const char *Line)
{
    if (File[0] == '\0') {
        return;
    }
    size_t Slot = 0;
    while (Slot < 2 &&
           (MiAppendFiles[Slot].Out == NULL || strcmp(MiAppendFiles[Slot].Path, File) != 0)) {
        Slot++;
    }
    if (Slot == 2) {
        Slot = MiAppendFiles[0].Out == NULL ? 0 : 1;
        if (MiAppendFiles[Slot].Out != NULL) {
            fclose(MiAppendFiles[Slot].Out);
        }
#if defined(_WIN32)
        MiAppendFiles[Slot].Out = fopen(File, "a");
#else
        MiAppendFiles[Slot].Out = fopen(File, "ae"); /* not inherited by a program it executes */
#endif
        if (MiAppendFiles[Slot].Out == NULL) {
            return;
        }
        setvbuf(MiAppendFiles[Slot].Out, NULL, _IONBF, 0);
        snprintf(MiAppendFiles[Slot].Path, sizeof(MiAppendFiles[Slot].Path), "%s", File);
    }
    fputs(Line, MiAppendFiles[Slot].Out);
}

/* Closes the files the spec no longer names (a spec cleared or changed). */
static void MiCloseUnnamedAppendFiles(void)
{
    for (size_t Slot = 0; Slot < 2; Slot++) {
        if (MiAppendFiles[Slot].Out != NULL &&
            strcmp(MiAppendFiles[Slot].Path, MiInject.RecordFile) != 0 &&
            (!MiInject.Systematic ||
             strcmp(MiAppendFiles[Slot].Path, MiInject.SystematicFile) != 0)) {
            fclose(MiAppendFiles[Slot].Out);
            MiAppendFiles[Slot].Out = NULL;
        }
    }
}

/* One stack per line: identity, site, frames (read back by MiLoadIds and
 * by the `mmsim faults` runner). */
static void MiAppendStack(const char *File, uint64_t Id, SIM_FAULT_SITE Site, const char *Text)
{
    char Line[2304];
    snprintf(Line, sizeof(Line), "%016llx %s %s\n", (unsigned long long)Id, MiSiteKeys[Site],
             Text);
    MiAppendLine(File, Line);
}

/* Loads the identities listed in File (first word of each line, hex). */
static void MiLoadIds(const char *File, MI_ID_SET *Set)
{
    FILE *In = fopen(File, "r");
    if (In == NULL) {
        return;
    }
    char Line[4096];
    while (fgets(Line, sizeof(Line), In) != NULL) {
        char *End = NULL;
        const char *Start = strncmp(Line, "injected ", 9) == 0 ? Line + 9 : Line;
        uint64_t Id = strtoull(Start, &End, 16);
        if (End != Start && Id != 0) {
            MiIdSetAdd(Set, Id);
        }
    }
    fclose(In);
}

/* ---------------------------------------------------------------------- */
/* The decision.                                                          */
/* ---------------------------------------------------------------------- */
static uint64_t MiRandom(void)
{
    uint64_t z = (MiInject.RandomState += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static bool MiTagMatches(ULONG Tag)
{
    for (ULONG t = 0; t < MiInject.TagCount; t++) {
        bool Match = true;
        for (int c = 0; c < 4; c++) {
            char Want = MiInject.Tags[t][c];
            if (Want == '*') {
                break; /* the rest matches */
            }
            if (Want != (char)(Tag >> (8 * c))) {
                Match = false;
                break;
            }
        }
        if (Match) {
            return true;
        }
    }
    return false;
}

#if !defined(_WIN32)
/* explore=: the first call of a stack in this process (nothing recorded it
 * yet) is the runner's to decide on. In the child forked to fail it, the
 * state becomes that of a run started with stack=ID;record=FILE, which the
 * decision below then fails: the same state a run started afresh with that
 * spec has at this call, as runs are deterministic up to it. */
static void MiExploreAt(SIM_FAULT_SITE Site, uint64_t Id, const char *Text)
{
    MiLock();
    bool Explore = MiInject.Explore;
    bool First = Explore && !MiIdSetContains(&MiInject.Recorded, Id);
    int Answers = MiInject.ExploreFds[0], Notes = MiInject.ExploreFds[1];
    char ParentRecord[sizeof(MiInject.RecordFile)];
    memcpy(ParentRecord, MiInject.RecordFile, sizeof(ParentRecord));
    MiUnlock();
    if (Explore) {
        HostExploreReap(Notes); /* children that ended: the runner frees their cores */
    }
    if (!First) {
        return;
    }
    char Line[2304], Record[sizeof(MiInject.RecordFile)], Spec[sizeof(MiSpec)];
    snprintf(Line, sizeof(Line), "%016llx %s %s", (unsigned long long)Id, MiSiteKeys[Site], Text);
    if (!HostExploreAt(Answers, Notes, Line, ParentRecord, Record, sizeof(Record))) {
        return;
    }
    snprintf(Spec, sizeof(Spec), "stack=%016llx;record=%s", (unsigned long long)Id, Record);
    HostExploreSetSpec(Spec);
    MiLock();
    snprintf(MiSpec, sizeof(MiSpec), "%s", Spec);
    MiInject.Explore = false;
    MiInject.TargetSet = true;
    MiInject.TargetId = Id;
    MiInject.TargetDone = false;
    snprintf(MiInject.RecordFile, sizeof(MiInject.RecordFile), "%s", Record);
    MiUnlock();
}
#endif

bool MiFaultRunForkedHere(void)
{
#if !defined(_WIN32)
    return HostExploreIsRun();
#else
    return false;
#endif
}

/* suite23: a shared explorer (fork_server.c, "!S"). */
bool MiFaultRunShared(void)
{
#if !defined(_WIN32)
    MiLock();
    bool Explore = MiExplorePipes[0] >= 0;
    MiUnlock();
    return Explore && HostExploreShared();
#else
    return false;
#endif
}

void MiFaultRunMarkLogStart(void)
{
#if !defined(_WIN32)
    /* A program that built a machine before its first test (main's own
     * calls, explored in every test's run alone) keeps one explorer per
     * test. */
    if (MiInjectBuilt || !HostExploreMarkLogStart()) {
        return;
    }
    /* The runner's pipes (its request's): known before the first machine,
     * so that a test building none hands on. */
    int Answers, Notes;
    if (HostExploreSharedPipes(&Answers, &Notes)) {
        HostExploreClaim();
        MiLock();
        MiExplorePipes[0] = Answers;
        MiExplorePipes[1] = Notes;
        MiUnlock();
    }
#endif
}

int MiFaultRunListFirst(char *Test, size_t TestSize)
{
#if !defined(_WIN32)
    MiFaultRunMarkLogStart();
    if (!MiFaultRunShared()) {
        return 0;
    }
    if (HostExploreForkLister()) {
        return -1;
    }
    if (!MiFaultRunNextTest(0, true, Test, TestSize)) {
        fflush(stdout);
        _Exit(0); /* no test for it: nothing ran */
    }
    return 1;
#else
    (void)Test, (void)TestSize;
    return 0;
#endif
}

void MiFaultRunListed(void)
{
#if !defined(_WIN32)
    MiListingReturned = true;
#endif
}

bool MiFaultRunNextTest(int Result, bool Again, char *Test, size_t TestSize)
{
#if !defined(_WIN32)
    MiLock();
    int Answers = MiExplorePipes[0], Notes = MiExplorePipes[1];
    bool Explore = Answers >= 0;
    MiUnlock();
    char Record[sizeof(MiInject.RecordFile)], Spec[sizeof(MiSpec)];
    if (!Explore ||
        !HostExploreNextTest(Answers, Notes, Result, Again, Test, TestSize, Record, sizeof(Record))) {
        return false;
    }
    /* The spec a run started for that test has; the next machine reads it
     * (a SimConfigureFaults of the test before no longer wins). */
    snprintf(Spec, sizeof(Spec), "explore=%d,%d;record=%s", Answers, Notes, Record);
    HostExploreSetSpec(Spec);
    MiLock();
    MiConfiguredByApi = false;
    MiUnlock();
    return true;
#else
    (void)Result, (void)Again, (void)Test, (void)TestSize;
    return false;
#endif
}

/* The decision for one call, counted (lock held). */
static MI_INJECT_RESULT MiDecideLocked(SIM_FAULT_SITE Site, ULONG Tag, uint64_t Id, const char *Text)
{
    MiInject.Calls[Site]++;
    MiInject.TotalCalls++;
    bool Fail = false;
    if (MiInject.Countdown[Site] != 0 && --MiInject.Countdown[Site] == 0) {
        Fail = true;
    }
    if (MiInject.NthAll != 0 && --MiInject.NthAll == 0) {
        Fail = true;
    }
    bool Eligible = MiInject.TagCount == 0 || (Site == SimFaultPool && MiTagMatches(Tag));
    if (Eligible && MiInject.TotalCalls > MiInject.Delay) {
        if (MiInject.Probability != 0 && MiRandom() % 10000 < MiInject.Probability) {
            Fail = true;
        }
        if (MiInject.Systematic && MiIdSetAdd(&MiInject.Seen, Id)) {
            MiAppendStack(MiInject.SystematicFile, Id, Site, Text);
            Fail = true;
        }
        if (MiInject.TargetSet && !MiInject.TargetDone && Id == MiInject.TargetId) {
            MiInject.TargetDone = true;
            Fail = true;
        }
    }
    if (MiInject.RecordFile[0] != '\0') {
        if (MiIdSetAdd(&MiInject.Recorded, Id)) {
            MiAppendStack(MiInject.RecordFile, Id, Site, Text);
        }
        if (Fail) {
            char Line[64];
            snprintf(Line, sizeof(Line), "injected %016llx\n", (unsigned long long)Id);
            MiAppendLine(MiInject.RecordFile, Line);
        }
    }
    MI_INJECT_RESULT Result = MiInjectNone;
    if (Fail) {
        MiInject.Injected[Site]++;
        Result = MiInjectFail;
        if (Site == SimFaultAllocatePagesForMdl && MiInject.ShortPercent != 0 &&
            MiRandom() % 100 < MiInject.ShortPercent) {
            Result = MiInjectShort;
        }
        if (MiInject.Log) {
            char Line[2400];
            snprintf(Line, sizeof(Line),
                     "mmsim: injected %s failure #%llu (%s) at %s\n",
                     Result == MiInjectShort ? "short" : "a", (unsigned long long)
                     MiInject.Injected[Site], MiSiteNames[Site], Text);
            MiWriteStderr(Line);
        }
    }
    return Result;
}

static MI_INJECT_RESULT MiVerifierDecide(SIM_FAULT_SITE Site, ULONG Tag, ULONG_PTR Caller)
{
    /* The stack is walked outside the lock, and only when a mode needs it;
     * without one (every DDI call when nothing needs stacks), one lock. */
    MiLock();
    bool NeedStack = MiInject.Systematic || MiInject.TargetSet || MiInject.RecordFile[0] != '\0' ||
                     MiInject.Log || MiInject.Explore;
    if (!NeedStack) {
        MI_INJECT_RESULT Result = MiDecideLocked(Site, Tag, 0, "");
        MiUnlock();
        return Result;
    }
    MiUnlock();
    char Text[2048];
    Text[0] = '\0';
    MI_STACK Stack;
    MiCaptureStack(&Stack, Caller);
    uint64_t Id = MiStackId(Site, &Stack);
    /* The text only where it is written: a stack new to a file, or a log
     * line. */
    MiLock();
    bool NeedText = MiInject.Log || (MiInject.Systematic && !MiIdSetContains(&MiInject.Seen, Id)) ||
                    ((MiInject.RecordFile[0] != '\0' || MiInject.Explore) &&
                     !MiIdSetContains(&MiInject.Recorded, Id));
    /* Only the fault runner reads a record and its notes: in a fork
     * server's runs it names their frames (HostNameFrames). */
    bool Unnamed = !MiInject.Log && !MiInject.Systematic && HostFrameNamesLeftToRunner();
    MiUnlock();
    if (NeedText) {
        MiStackText(&Stack, Unnamed, Text, sizeof(Text));
    }
#if !defined(_WIN32)
    MiExploreAt(Site, Id, Text);
#endif
    MiLock();
    MI_INJECT_RESULT Result = MiDecideLocked(Site, Tag, Id, Text);
    MiUnlock();
    return Result;
}

static uint64_t MiVerifierShortPages(uint64_t Pages)
{
    MiLock();
    if (MiInject.ShortCountdown != 0 && --MiInject.ShortCountdown == 0 &&
        MiInject.ShortPages < Pages) {
        Pages = MiInject.ShortPages;
        MiInject.Injected[SimFaultAllocatePagesForMdl]++;
    }
    if (MiInject.PageLimit != 0 && MiInject.PageLimit < Pages) {
        Pages = MiInject.PageLimit; /* a limit shapes every call; it is not counted */
    }
    MiUnlock();
    return Pages;
}

/* ---------------------------------------------------------------------- */
/* The spec: clause{;clause}                                              */
/* ---------------------------------------------------------------------- */
/* Numbers in clauses have the syntax of every configuration number
 * (config.h): decimal without a leading zero, or 0x hex; no space or sign. */
static bool MiParseUnsigned(const char *Text, size_t Length, ULONG64 Max, ULONG64 *Value)
{
    uint64_t Number;
    if (!MiConfigParseNumber(Text, Length, 0, Max, &Number)) {
        return false;
    }
    *Value = Number;
    return true;
}

static int MiSiteByKey(const char *Text, size_t Length)
{
    for (int s = 0; s < SimFaultSiteCount; s++) {
        if (strlen(MiSiteKeys[s]) == Length && strncmp(MiSiteKeys[s], Text, Length) == 0) {
            return s;
        }
    }
    return -1;
}

/* The file of a systematic= or record= clause: both append to it, so it
 * must be appendable now (a missing directory is refused here, not found
 * out by a run that silently recorded nothing). */
static bool MiCheckSpecFile(const char *File, const char *Clause, int Column, char *Why,
                            size_t WhySize)
{
    char Reason[400];
    if (MiConfigCheckAppendPath(File, Reason, sizeof(Reason))) {
        return true;
    }
    snprintf(Why, WhySize, "column %d (%s=): %s", Column, Clause, Reason);
    return false;
}

/* Applies Spec to State. On error writes what is wrong to Why and returns
 * false (State may be partly changed; the caller discards it). */
static bool MiParseSpec(const char *Spec, MI_INJECT *State, char *Why, size_t WhySize)
{
    const char *At = Spec;
    while (*At != '\0') {
        const char *End = strchr(At, ';');
        size_t Length = End != NULL ? (size_t)(End - At) : strlen(At);
        const char *Eq = memchr(At, '=', Length);
        size_t KeyLength = Eq != NULL ? (size_t)(Eq - At) : Length;
        const char *Value = Eq != NULL ? Eq + 1 : At + Length;
        size_t ValueLength = Length - KeyLength - (Eq != NULL ? 1 : 0);
        int Column = (int)(At - Spec) + 1;
        ULONG64 Number = 0;
#define MI_KEY(k) (KeyLength == strlen(k) && strncmp(At, k, KeyLength) == 0)
        if (Length == 0) {
            /* empty clause: allowed (";;" or a trailing ";") */
        } else if (MI_KEY("nth")) {
            const char *AtSign = memchr(Value, '@', ValueLength);
            size_t NumberLength = AtSign != NULL ? (size_t)(AtSign - Value) : ValueLength;
            if (!MiParseUnsigned(Value, NumberLength, 0xFFFFFFFFu, &Number) || Number == 0) {
                snprintf(Why, WhySize, "clause %d ('%.*s'): nth= takes a count from 1", Column,
                         (int)Length, At);
                return false;
            }
            if (AtSign != NULL) {
                int Site = MiSiteByKey(AtSign + 1, ValueLength - NumberLength - 1);
                if (Site < 0) {
                    snprintf(Why, WhySize,
                             "column %d ('%.*s'): unknown site; expected pool, mdl, pages, "
                             "mapping, lock, map or workitem",
                             Column + (int)(AtSign + 1 - At), (int)Length, At);
                    return false;
                }
                State->Countdown[Site] = (ULONG)Number;
            } else {
                State->NthAll = (ULONG)Number;
            }
        } else if (MI_KEY("random")) {
            if (!MiParseUnsigned(Value, ValueLength, 10000, &Number)) {
                snprintf(Why, WhySize,
                         "column %d ('%.*s'): random= takes a probability in 1/10,000 (0 to 10000)",
                         Column, (int)Length, At);
                return false;
            }
            State->Probability = (ULONG)Number;
        } else if (MI_KEY("seed")) {
            if (!MiParseUnsigned(Value, ValueLength, UINT64_MAX, &Number)) {
                snprintf(Why, WhySize, "column %d ('%.*s'): seed= takes a number", Column,
                         (int)Length, At);
                return false;
            }
            State->RandomState = Number;
            State->SeedGiven = true;
        } else if (MI_KEY("delay")) {
            if (!MiParseUnsigned(Value, ValueLength, UINT64_MAX, &Number)) {
                snprintf(Why, WhySize, "column %d ('%.*s'): delay= takes a number of calls",
                         Column, (int)Length, At);
                return false;
            }
            State->Delay = Number;
        } else if (MI_KEY("short")) {
            if (!MiParseUnsigned(Value, ValueLength, 100, &Number)) {
                snprintf(Why, WhySize, "column %d ('%.*s'): short= takes a percentage (0 to 100)",
                         Column, (int)Length, At);
                return false;
            }
            State->ShortPercent = (ULONG)Number;
        } else if (MI_KEY("tags")) {
            const char *Tag = Value;
            const char *ValueEnd = Value + ValueLength;
            State->TagCount = 0;
            while (Tag < ValueEnd) {
                const char *Comma = memchr(Tag, ',', (size_t)(ValueEnd - Tag));
                size_t TagLength = Comma != NULL ? (size_t)(Comma - Tag) : (size_t)(ValueEnd - Tag);
                if (TagLength == 0 || TagLength > 4 || State->TagCount == MI_MAX_TAGS) {
                    snprintf(Why, WhySize,
                             "column %d ('%.*s'): tags= takes up to %d pool tags of 1 to 4 "
                             "characters, comma separated, '*' as a trailing wildcard",
                             Column + (int)(Tag - At), (int)Length, At, MI_MAX_TAGS);
                    return false;
                }
                char *Slot = State->Tags[State->TagCount++];
                memset(Slot, ' ', 4); /* short tags are space padded, as "Mdl " */
                memcpy(Slot, Tag, TagLength);
                Tag += TagLength + (Comma != NULL ? 1 : 0);
            }
        } else if (MI_KEY("systematic")) {
            if (ValueLength == 0 || ValueLength >= sizeof(State->SystematicFile)) {
                snprintf(Why, WhySize, "column %d ('%.*s'): systematic= takes a file name",
                         Column, (int)Length, At);
                return false;
            }
            State->Systematic = true;
            memcpy(State->SystematicFile, Value, ValueLength);
            State->SystematicFile[ValueLength] = '\0';
            if (!MiCheckSpecFile(State->SystematicFile, "systematic", Column, Why, WhySize)) {
                return false;
            }
        } else if (MI_KEY("record")) {
            if (ValueLength == 0 || ValueLength >= sizeof(State->RecordFile)) {
                snprintf(Why, WhySize, "column %d ('%.*s'): record= takes a file name", Column,
                         (int)Length, At);
                return false;
            }
            memcpy(State->RecordFile, Value, ValueLength);
            State->RecordFile[ValueLength] = '\0';
            if (!MiCheckSpecFile(State->RecordFile, "record", Column, Why, WhySize)) {
                return false;
            }
        } else if (MI_KEY("stack")) {
            uint64_t Id = 0;
            if (!MiConfigParseHex(Value, ValueLength, &Id) || Id == 0) {
                snprintf(Why, WhySize,
                         "column %d ('%.*s'): stack= takes a stack identity (hex, as recorded)",
                         Column, (int)Length, At);
                return false;
            }
            State->TargetId = Id;
            State->TargetSet = true;
        } else if (MI_KEY("explore")) {
            const char *Comma = memchr(Value, ',', ValueLength);
            uint64_t Answers = 0, Notes = 0;
            if (Comma == NULL ||
                !MiConfigParseNumber(Value, (size_t)(Comma - Value), 0, 65535, &Answers) ||
                !MiConfigParseNumber(Comma + 1, ValueLength - (size_t)(Comma - Value) - 1, 0, 65535,
                                     &Notes)) {
                snprintf(Why, WhySize,
                         "column %d ('%.*s'): explore= takes two pipe descriptors R,W (set by "
                         "`mmsim faults`)",
                         Column, (int)Length, At);
                return false;
            }
#if !defined(_WIN32)
            /* The runner's pipes or nothing: the explorer writes its notes
             * to W and blocks reading R, and leaves with _exit when either
             * fails (the runner is gone), so any other descriptor would end
             * the program or corrupt a file of its own. */
            if (!HostExplorePipes((int)Answers, (int)Notes)) {
                snprintf(Why, WhySize,
                         "column %d ('%.*s'): explore= takes the runner's pipes R,W (R read, W "
                         "written); these are not (explore= is set by `mmsim faults` only)",
                         Column, (int)Length, At);
                return false;
            }
#else
            snprintf(Why, WhySize,
                     "column %d ('%.*s'): explore= needs the fault runner's fork, which this "
                     "host does not have",
                     Column, (int)Length, At);
            return false;
#endif
            State->Explore = true;
            State->ExploreFds[0] = (int)Answers;
            State->ExploreFds[1] = (int)Notes;
        } else if (MI_KEY("log") && Eq == NULL) {
            State->Log = true;
        } else {
            snprintf(Why, WhySize,
                     "column %d: unknown clause '%.*s'; expected nth=N[@site], random=P, seed=N, "
                     "delay=N, tags=T1,T2, short=P, systematic=FILE, record=FILE, stack=ID, explore=R,W "
                     "or log",
                     Column, (int)Length, At);
            return false;
        }
#undef MI_KEY
        At += Length;
        if (*At == ';') {
            At++;
        }
    }
    return true;
}

/* Makes Fresh, MiSpec parsed, the configured part of the state (lock
 * held). */
static void MiApplyParsed(const MI_INJECT *Fresh)
{
    MiIdSetFree(&MiInject.Seen);
    MiIdSetFree(&MiInject.Recorded);
    MiInject = *Fresh;
    MiCloseUnnamedAppendFiles();
    if (!MiInject.SeedGiven) {
        MiInject.RandomState = MiSeed ^ 0x4661756C74734E6Full; /* "FaultsNo" */
    }
    if (MiInject.Systematic) {
        MiLoadIds(MiInject.SystematicFile, &MiInject.Seen);
    }
    if (MiInject.RecordFile[0] != '\0') {
        MiLoadIds(MiInject.RecordFile, &MiInject.Recorded);
    }
#if !defined(_WIN32)
    if (MiInject.Explore) {
        HostExploreClaim();
        MiExplorePipes[0] = MiInject.ExploreFds[0];
        MiExplorePipes[1] = MiInject.ExploreFds[1];
    }
#else
    MiInject.Explore = false; /* no fork: the runner is POSIX only */
#endif
}

/* Rebuilds the configured part of the state from MiSpec (lock held). */
static void MiApplySpec(void)
{
    MI_INJECT Fresh;
    memset(&Fresh, 0, sizeof(Fresh));
    char Why[512];
    if (MiSpec[0] != '\0' && !MiParseSpec(MiSpec, &Fresh, Why, sizeof(Why))) {
        memset(&Fresh, 0, sizeof(Fresh)); /* validated when set; cannot happen */
    }
    MiApplyParsed(&Fresh);
}

NTSTATUS SimConfigureFaults(const char *Spec, char *Why, SIZE_T WhySize)
{
    MiEnsureMachine();
    char Scratch[512];
    if (Why == NULL || WhySize == 0) {
        Why = Scratch;
        WhySize = sizeof(Scratch);
    }
    Why[0] = '\0';
    if (Spec == NULL) {
        Spec = "";
    }
    if (strlen(Spec) >= sizeof(MiSpec)) {
        snprintf(Why, WhySize, "the spec is longer than %zu characters", sizeof(MiSpec) - 1);
        return STATUS_INVALID_PARAMETER;
    }
    MI_INJECT *Trial = (MI_INJECT *)calloc(1, sizeof(MI_INJECT));
    if (Trial == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    bool Ok = MiParseSpec(Spec, Trial, Why, WhySize);
    bool Explore = Ok && Trial->Explore;
    free(Trial);
    if (!Ok) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Explore) {
        /* The runner's channel is MMSIM_FAULTS in the environment of a run
         * it started; a program has no pipes of the runner to name. */
        snprintf(Why, WhySize,
                 "explore= is the fault runner's own clause (MMSIM_FAULTS, set by `mmsim "
                 "faults`); SimConfigureFaults does not take it");
        return STATUS_INVALID_PARAMETER;
    }
    MiLock();
    snprintf(MiSpec, sizeof(MiSpec), "%s", Spec);
    MiConfiguredByApi = true;
    MiApplySpec();
    MiUnlock();
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* By hand, and counters.                                                 */
/* ---------------------------------------------------------------------- */
VOID SimFailNthCall(SIM_FAULT_SITE Site, ULONG Nth)
{
    MiEnsureMachine();
    MiLock();
    if ((unsigned)Site < SimFaultSiteCount) {
        MiInject.Countdown[Site] = Nth;
    } else {
        MiInject.NthAll = Nth;
    }
    MiUnlock();
}

VOID SimShortenNthPageAllocation(ULONG Nth, ULONG64 Pages)
{
    MiEnsureMachine();
    MiLock();
    MiInject.ShortCountdown = Nth;
    MiInject.ShortPages = Pages;
    MiUnlock();
}

VOID SimLimitPageAllocations(ULONG64 MaxPages)
{
    MiEnsureMachine();
    MiLock();
    MiInject.PageLimit = MaxPages;
    MiUnlock();
}

VOID SimClearFaults(VOID)
{
    MiEnsureMachine();
    MiLock();
    memset(MiInject.Countdown, 0, sizeof(MiInject.Countdown));
    MiInject.ShortCountdown = 0;
    MiInject.PageLimit = 0;
    MiInject.NthAll = 0;
    MiUnlock();
}

ULONG64 SimFaultsInjected(SIM_FAULT_SITE Site)
{
    MiEnsureMachine();
    MiLock();
    ULONG64 Count = 0;
    for (int i = 0; i < SimFaultSiteCount; i++) {
        if ((unsigned)Site >= SimFaultSiteCount || (int)Site == i) {
            Count += MiInject.Injected[i];
        }
    }
    MiUnlock();
    return Count;
}

VOID SimQueryFaultCounters(SIM_FAULT_COUNTERS *Counters)
{
    MiEnsureMachine();
    MiLock();
    memset(Counters, 0, sizeof(*Counters));
    for (int i = 0; i < SimFaultSiteCount; i++) {
        Counters->Calls[i] = MiInject.Calls[i];
        Counters->Injected[i] = MiInject.Injected[i];
        Counters->TotalCalls += MiInject.Calls[i];
        Counters->TotalInjected += MiInject.Injected[i];
    }
    Counters->StacksSeen = MiInject.Seen.Count;
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* Lifetime: MMSIM_FAULTS is read when a machine is built.                 */
/* ---------------------------------------------------------------------- */
/* The decisions the DDIs ask for through MiInjectFaultAt (sim/base). */
static const MI_INJECT_HOOKS MiVerifierHooks = {MiVerifierDecide, MiVerifierShortPages};

static NTSTATUS MiInjectInit(const SIM_CONFIG *Config)
{
    (void)Config;
#if !defined(_WIN32)
    MiInjectBuilt = true;
    if (MiListingReturned) {
        /* main goes on after its tests (in every test's run alone): the
         * runner keeps one explorer per test (faults.c, LoadTests). */
        MiListingReturned = false;
        printf("[ AFTER    ] the program builds a machine after its tests\n");
        fflush(stdout);
    }
#endif
    MiSetInjectHooks(&MiVerifierHooks);
    if (!MiConfiguredByApi) {
        MiSpec[0] = '\0';
        /* proc22: the spec is parsed (its files and pipes checked) once per
         * machine: the parse that validates it is the one applied. */
        MI_INJECT *Parsed = NULL;
        const char *Value = getenv("MMSIM_FAULTS");
        if (Value != NULL && Value[0] == '\0') {
            /* As for every MMSIM_* variable (config.h): unset it instead. */
            MiConfigRefuse("MMSIM_FAULTS", Value,
                           "a fault injection spec (docs/verifier.md); unset it for none");
        }
        if (Value != NULL) {
            char Why[512];
            Parsed = (MI_INJECT *)calloc(1, sizeof(MI_INJECT));
            bool Ok = Parsed != NULL && strlen(Value) < sizeof(MiSpec) &&
                      MiParseSpec(Value, Parsed, Why, sizeof(Why));
            if (!Ok) {
                free(Parsed);
                char Text[640];
                if (strlen(Value) < sizeof(MiSpec)) {
                    snprintf(Text, sizeof(Text), "%s (docs/verifier.md)", Why);
                } else {
                    snprintf(Text, sizeof(Text), "longer than %zu characters (docs/verifier.md)",
                             sizeof(MiSpec) - 1);
                }
                MiConfigRefuseWhy("MMSIM_FAULTS", Value, Text);
            }
            snprintf(MiSpec, sizeof(MiSpec), "%s", Value);
        }
        MI_INJECT None;
        memset(&None, 0, sizeof(None));
        MiApplyParsed(Parsed != NULL ? Parsed : &None); /* counters and arms start over */
        free(Parsed);
        return STATUS_SUCCESS;
    }
    MiApplySpec(); /* a new machine: counters and by-hand arms start over */
    return STATUS_SUCCESS;
}

static void MiInjectTeardown(void)
{
    MiIdSetFree(&MiInject.Seen);
    MiIdSetFree(&MiInject.Recorded);
}

const MI_SUBSYSTEM MiInjectSubsystem = {"fault injection", MiInjectInit, MiInjectTeardown, NULL};

/* ---------------------------------------------------------------------- */
/* The fault runner's fork server (docs/verifier.md, "Fork server").       */
/* ---------------------------------------------------------------------- */
/* MMSIM_FAULT_SERVER=R,W (set by `mmsim faults` when it starts the program
 * once): the process serves runs instead of running, forking one child per
 * run before any machine is built. The earliest constructor priority, so
 * that every other constructor (the fault trap, test registration, the test
 * filter reading MMSIM_TEST_FILTER) runs in each child, as after an exec. */
#if !defined(_WIN32)
__attribute__((constructor(101))) static void MiServeFaultRuns(void)
{
    const char *Value = getenv("MMSIM_FAULT_SERVER");
    if (Value == NULL) {
        return;
    }
    static const char Expected[] =
        "two pipe descriptors R,W (set by `mmsim faults` for its fork server; docs/verifier.md)";
    const char *Comma = strchr(Value, ',');
    uint64_t Request = 0, Reply = 0;
    if (Comma == NULL || !MiConfigParseNumber(Value, (size_t)(Comma - Value), 0, 65535, &Request) ||
        !MiConfigParseNumber(Comma + 1, strlen(Comma + 1), 0, 65535, &Reply)) {
        MiConfigRefuse("MMSIM_FAULT_SERVER", Value, Expected);
    }
    char Copy[64];
    snprintf(Copy, sizeof(Copy), "%s", Value);
    unsetenv("MMSIM_FAULT_SERVER"); /* a run's own children are plain programs */
    if (!HostServeForks((int)Request, (int)Reply)) {
        MiConfigRefuse("MMSIM_FAULT_SERVER", Copy, Expected);
    }
}
#endif
