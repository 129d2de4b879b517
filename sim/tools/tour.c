/*
 * tour.c - `mmsim tour`: a narrated walk through the reserve/commit model.
 *
 * Part 1 does by hand what the growable region (core/) does: reserve system
 * address space, allocate physical pages into an MDL, map the MDL into the
 * reservation, touch it, grow, tear down. Part 2 runs core/ itself. Part 3
 * makes the classic mistakes and shows the stop each one gets, live. After
 * every step the tour prints what changed in the machine, with WinDbg-style
 * dumps (sim/verifier/dump.c). Addresses are printed relative to the
 * randomized base of system space, so the output is the same on every run
 * (`--raw` shows host addresses instead).
 *
 * `--html FILE` records the same steps (text, a PTE strip of the focused
 * reservation, the PFNs involved and the MDLs) and writes one page (html.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>

#include "growable_region.h"
#include "tool.h"

#define TOUR_TAG 'ruoT' /* "Tour" in pool dumps, as a driver writes it */
#define TOUR_PAGES 16   /* pages reserved in part 1 */
#define TOUR_MAX_MDLS 8

typedef struct _TOUR_MDL {
    const char *Name;
    PMDL Mdl;
} TOUR_MDL;

typedef struct _TOUR {
    FILE *Out;       /* text output (NULL: HTML only) */
    ULONG Flags;     /* SIM_DUMP_* */
    bool Pause;
    bool Html;
    bool Nt5;
    int Index;
    int Total;
    int Failures;
    /* State shared by the steps. */
    PUCHAR Base;
    PGROWABLE_REGION Region;
    PUCHAR Pool;
    TOUR_MDL Mdls[TOUR_MAX_MDLS];
    /* Focus of the picture: a range of system space. */
    PUCHAR FocusVa;
    ULONG64 FocusPages;
    /* The step being recorded. */
    SIM_MEMORY_STATS Before;
    ULONG ReservationsBefore;
    ULONG MappingsBefore;
    KIRQL IrqlBefore;
    bool StoppedBefore;
    bool HaveStop;
    SIM_BUGCHECK Stop;
    SIM_BUGCHECK Stops[8]; /* every stop the tour caught, for the summary */
    int StopCount;
    TOOL_BUF Segments; /* JSON array items of this step */
    TOOL_BUF Steps;    /* JSON array items of all steps */
} TOUR;

/* ---------------------------------------------------------------------- */
/* Output.                                                                */
/* ---------------------------------------------------------------------- */
static void Segment(TOUR *T, const char *Kind, const char *Text)
{
    if (!T->Html) {
        return;
    }
    if (T->Segments.Length > 0) {
        BufAppend(&T->Segments, ",", 1);
    }
    BufPrintf(&T->Segments, "{\"k\":\"%s\",\"t\":\"", Kind);
    BufJsonString(&T->Segments, Text);
    BufAppend(&T->Segments, "\"}", 2);
}

/* Narration on the page reads as paragraphs: the terminal's line breaks
 * inside a paragraph become spaces, a blank line starts a new paragraph, and
 * an indented block (the summary's table) stays as it is. */
static void SegmentNarration(TOUR *T, const char *Text)
{
    TOOL_BUF Paragraph = {0};
    bool Table = false;
    const char *Line = Text;
    for (;;) {
        const char *End = strchr(Line, '\n');
        size_t n = End ? (size_t)(End - Line) : strlen(Line);
        bool Indented = n >= 2 && Line[0] == ' ' && Line[1] == ' ';
        if (Paragraph.Length > 0 && (n == 0 || Indented != Table)) {
            Segment(T, Table ? "table" : "say", BufText(&Paragraph));
            BufFree(&Paragraph);
        }
        if (n > 0) {
            if (Paragraph.Length > 0) {
                BufAppend(&Paragraph, Table ? "\n" : " ", 1);
            }
            Table = Indented;
            BufAppend(&Paragraph, Line, n);
        }
        if (End == NULL) {
            break;
        }
        Line = End + 1;
    }
    if (Paragraph.Length > 0) {
        Segment(T, Table ? "table" : "say", BufText(&Paragraph));
    }
    BufFree(&Paragraph);
}

static void Emit(TOUR *T, const char *Kind, const char *Prefix, const char *Format, va_list Args)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 4, 0)));
static void Emit(TOUR *T, const char *Kind, const char *Prefix, const char *Format, va_list Args)
{
    char Text[2048];
    vsnprintf(Text, sizeof(Text), Format, Args);
    if (T->Out != NULL) {
        /* Prefix every line. */
        const char *Line = Text;
        while (*Line) {
            const char *End = strchr(Line, '\n');
            size_t n = End ? (size_t)(End - Line) : strlen(Line);
            fprintf(T->Out, "%s%.*s\n", Prefix, (int)n, Line);
            Line += n + (End ? 1 : 0);
        }
    }
    if (strcmp(Kind, "say") == 0) {
        SegmentNarration(T, Text);
    } else {
        Segment(T, Kind, Text);
    }
}

/* Narration. */
static void Say(TOUR *T, const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
static void Say(TOUR *T, const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    Emit(T, "say", "", Format, Args);
    va_end(Args);
}

/* Driver code, as written in C. */
static void Code(TOUR *T, const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
static void Code(TOUR *T, const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    Emit(T, "code", "    ", Format, Args);
    va_end(Args);
}

/* What a call returned or did. */
static void Result(TOUR *T, const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
static void Result(TOUR *T, const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    Emit(T, "result", "      -> ", Format, Args);
    va_end(Args);
}

static const char *Addr(TOUR *T, const void *Va, char *Buffer, size_t Size)
{
    SimFormatAddress((ULONG_PTR)Va, T->Flags, Buffer, Size);
    return Buffer;
}

/* A dump, shown as a debugger command and its output. */
typedef enum { DumpPte, DumpPfn, DumpSysPtes, DumpPoolUsed, DumpMdl, DumpMap, DumpStop } DUMP_KIND;

static void Dump(TOUR *T, DUMP_KIND Kind, const void *Argument, const char *Name)
{
    static char Text[65536];
    char Command[160], A[64];
    SIM_DUMP_OUTPUT Out;
    SimDumpToBuffer(&Out, Text, sizeof(Text), T->Flags);
    switch (Kind) {
    case DumpPte:
        snprintf(Command, sizeof(Command), "!pte %s", Addr(T, Argument, A, sizeof(A)));
        SimDumpPte(&Out, (PVOID)Argument);
        break;
    case DumpPfn:
        snprintf(Command, sizeof(Command), "!pfn %llx", (unsigned long long)(uintptr_t)Argument);
        SimDumpPfn(&Out, (PFN_NUMBER)(uintptr_t)Argument);
        break;
    case DumpSysPtes:
        snprintf(Command, sizeof(Command), "!sysptes");
        SimDumpSysPtes(&Out);
        break;
    case DumpPoolUsed:
        snprintf(Command, sizeof(Command), "!poolused");
        SimDumpPoolUsed(&Out, SimPoolUsedSortBytes);
        break;
    case DumpMdl:
        snprintf(Command, sizeof(Command), "dt nt!_MDL %s  (%s)", Addr(T, Argument, A, sizeof(A)),
                 Name);
        SimDumpMdl(&Out, (PMDL)Argument);
        break;
    case DumpMap:
        snprintf(Command, sizeof(Command), "map %s  (one character per page)",
                 Addr(T, Argument, A, sizeof(A)));
        SimDumpReservation(&Out, (PVOID)Argument);
        break;
    case DumpStop:
        snprintf(Command, sizeof(Command), "!analyze");
        SimDumpStop(&Out, (const SIM_BUGCHECK *)Argument);
        break;
    }
    /* Drop the final newline: Emit adds one per line. */
    size_t n = strlen(Text);
    if (n > 0 && Text[n - 1] == '\n') {
        Text[n - 1] = '\0';
    }
    if (T->Out != NULL) {
        fprintf(T->Out, "  kd> %s\n", Command);
        const char *Line = Text;
        while (*Line) {
            const char *End = strchr(Line, '\n');
            size_t k = End ? (size_t)(End - Line) : strlen(Line);
            fprintf(T->Out, "  %.*s\n", (int)k, Line);
            Line += k + (End ? 1 : 0);
        }
    }
    if (T->Html) {
        TOOL_BUF Both = {0};
        BufPrintf(&Both, "kd> %s\n%s", Command, Text);
        Segment(T, "dump", BufText(&Both));
        BufFree(&Both);
    }
}

/* The stop line with symbolic parameters (or raw, with --raw). */
static void StopLine(TOUR *T, const SIM_BUGCHECK *Stop, char *Line, size_t Size)
{
    if (!(T->Flags & SIM_DUMP_SYMBOLIC)) {
        SimFormatStopLine(Stop, Line, Size);
        return;
    }
    int n = snprintf(Line, Size, "*** STOP: 0x%08X (", (unsigned)Stop->Code);
    for (ULONG i = 0; i < 4 && n > 0 && (size_t)n < Size; i++) {
        char P[200];
        SimFormatStopParameter(Stop, i, T->Flags, P, sizeof(P));
        bool Symbolic = strncmp(P, "base+", 5) == 0 || strncmp(P, "PTE(", 4) == 0 || P[0] == '<';
        if (Symbolic) {
            n += snprintf(Line + n, Size - (size_t)n, "%s%s", i ? "," : "", P);
        } else {
            n += snprintf(Line + n, Size - (size_t)n, "%s0x%016llX", i ? "," : "",
                          (unsigned long long)Stop->Parameters[i]);
        }
    }
    if (n > 0 && (size_t)n < Size) {
        snprintf(Line + n, Size - (size_t)n, ")");
    }
}

/* Reports a stop caught by SIM_CATCH_BUGCHECK and checks it is the one the
 * step expects (the tour checks itself: exit status 1 otherwise). */
static void ShowStop(TOUR *T, const SIM_BUGCHECK *Stop, ULONG Code, ULONG_PTR P1, bool CheckP1)
{
    if (!Stop->Caught) {
        Say(T, "!! expected a stop 0x%X, but the call returned", (unsigned)Code);
        T->Failures++;
        return;
    }
    char Line[400];
    StopLine(T, Stop, Line, sizeof(Line));
    T->HaveStop = true;
    T->Stop = *Stop;
    if (T->StopCount < 8) {
        T->Stops[T->StopCount++] = *Stop;
    }
    if (T->Out != NULL) {
        fprintf(T->Out, "\n  %s\n", Line);
    }
    Segment(T, "stop", Line);
    Dump(T, DumpStop, Stop, NULL);
    if (Stop->Code != Code || (CheckP1 && Stop->Parameters[0] != P1)) {
        Say(T, "!! expected 0x%X/0x%llX", (unsigned)Code, (unsigned long long)P1);
        T->Failures++;
    }
}

static void Fail(TOUR *T, const char *What)
{
    Say(T, "!! %s", What);
    T->Failures++;
}

/* ---------------------------------------------------------------------- */
/* Claims: every sentence the tour says about the machine's state is       */
/* checked against the machine's own counters (mmsim.h queries). A false   */
/* sentence is marked and the tour exits 1, so the golden tests fail.      */
/* ---------------------------------------------------------------------- */
static void Claim(TOUR *T, bool Holds, const char *What)
{
    if (!Holds) {
        Say(T, "!! the narration is wrong: it says %s", What);
        T->Failures++;
    }
}

static SIM_MEMORY_STATS Counters(void)
{
    SIM_MEMORY_STATS S;
    SimQueryMemory(&S);
    return S;
}

static ULONG64 PteAt(const void *Va)
{
    ULONG64 Pte = 0;
    SimQueryPte((PVOID)Va, &Pte, NULL);
    return Pte;
}

/* Count PTEs from Va are valid and name the MDL's PFNs from index First. */
static bool PtesNameMdl(const UCHAR *Va, ULONG Count, PMDL Mdl, ULONG First)
{
    for (ULONG i = 0; i < Count; i++) {
        ULONG64 Pte = PteAt(Va + (SIZE_T)i * PAGE_SIZE);
        if (!(Pte & SIM_PTE_VALID) || SIM_PTE_PFN(Pte) != MmGetMdlPfnArray(Mdl)[First + i]) {
            return false;
        }
    }
    return true;
}

static bool PtesEmpty(const UCHAR *Va, ULONG64 Count)
{
    for (ULONG64 i = 0; i < Count; i++) {
        if (PteAt(Va + i * PAGE_SIZE) != 0) {
            return false;
        }
    }
    return true;
}

/* A pool tag as pool dumps print it ("Mmdl"), as a ULONG. */
static ULONG TagOf(const char *Text)
{
    return (ULONG)(UCHAR)Text[0] | (ULONG)(UCHAR)Text[1] << 8 | (ULONG)(UCHAR)Text[2] << 16 |
           (ULONG)(UCHAR)Text[3] << 24;
}

/* The live pool block at Va: its tag and whether it is paged. */
static bool PoolBlockAt(const void *Va, ULONG *Tag, bool *Paged)
{
    static SIM_POOL_BLOCK_INFO Blocks[256];
    ULONG Count = SimEnumPoolBlocks(Blocks, 256);
    for (ULONG i = 0; i < Count && i < 256; i++) {
        if (Blocks[i].Va == Va) {
            *Tag = Blocks[i].Tag;
            *Paged = Blocks[i].Paged;
            return true;
        }
    }
    return false;
}

/* Bytes in live non-paged blocks with this tag. */
static ULONG64 NonPagedBytes(ULONG Tag)
{
    SIM_POOL_TAG_USAGE Usage[64];
    ULONG Count = SimQueryPoolUsage(Usage, 64);
    for (ULONG i = 0; i < Count && i < 64; i++) {
        if (Usage[i].Tag == Tag && !Usage[i].Paged) {
            return Usage[i].Bytes;
        }
    }
    return 0;
}

static bool PfnsFree(PMDL Mdl, ULONG Pages)
{
    for (ULONG i = 0; i < Pages; i++) {
        SIM_PFN_INFO Info;
        if (!SimQueryPfn(MmGetMdlPfnArray(Mdl)[i], &Info) ||
            (Info.State != SimPageFree && Info.State != SimPageZeroed)) {
            return false;
        }
    }
    return true;
}

static bool PfnsLockedUnmapped(PMDL Mdl, ULONG Pages)
{
    for (ULONG i = 0; i < Pages; i++) {
        SIM_PFN_INFO Info;
        if (!SimQueryPfn(MmGetMdlPfnArray(Mdl)[i], &Info) || Info.State != SimPageMdl ||
            Info.MapCount != 0) {
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Steps: begin, end, what changed, the picture.                          */
/* ---------------------------------------------------------------------- */
static void Begin(TOUR *T, const char *Title)
{
    T->Index++;
    T->HaveStop = false;
    BufFree(&T->Segments);
    SimQueryMemory(&T->Before);
    T->ReservationsBefore = SimEnumReservations(NULL, 0);
    T->MappingsBefore = SimQueryMdlMappings(NULL);
    T->IrqlBefore = KeGetCurrentIrql();
    T->StoppedBefore = SimIsStopped(NULL);
    if (T->Out != NULL) {
        fprintf(T->Out, "\n== Step %d of %d: %s ==\n\n", T->Index, T->Total, Title);
    }
    if (T->Html) {
        if (T->Steps.Length > 0) {
            BufAppend(&T->Steps, ",\n", 2);
        }
        BufAppend(&T->Steps, "{\"title\":\"", 10);
        BufJsonString(&T->Steps, Title);
        BufAppend(&T->Steps, "\"", 1);
    }
}

/* A fresh machine for a step that starts over (the mistakes). */
static void Fresh(TOUR *T)
{
    SimReset();
    T->Base = NULL;
    T->Region = NULL;
    T->Pool = NULL;
    memset(T->Mdls, 0, sizeof(T->Mdls));
    T->FocusVa = NULL;
    T->FocusPages = 0;
    SimQueryMemory(&T->Before);
    T->ReservationsBefore = 0;
    T->MappingsBefore = 0;
    T->IrqlBefore = PASSIVE_LEVEL;
    T->StoppedBefore = false;
}

static void Track(TOUR *T, const char *Name, PMDL Mdl)
{
    for (int i = 0; i < TOUR_MAX_MDLS; i++) {
        if (T->Mdls[i].Mdl == NULL) {
            T->Mdls[i].Name = Name;
            T->Mdls[i].Mdl = Mdl;
            return;
        }
    }
}

static void Untrack(TOUR *T, PMDL Mdl)
{
    for (int i = 0; i < TOUR_MAX_MDLS; i++) {
        if (T->Mdls[i].Mdl == Mdl) {
            T->Mdls[i].Mdl = NULL;
        }
    }
}

static void Focus(TOUR *T, PVOID Base)
{
    SIM_RESERVATION_INFO Info;
    if (SimQueryReservation(Base, &Info)) {
        /* The reservation, its nt5 header PTEs, and a page either side. */
        T->FocusVa = (PUCHAR)Info.Base - ((SIZE_T)Info.HeaderPtes + 1) * PAGE_SIZE;
        T->FocusPages = Info.Pages + Info.HeaderPtes + 2;
    } else {
        T->FocusVa = (PUCHAR)PAGE_ALIGN(Base) - PAGE_SIZE;
        T->FocusPages = 3;
    }
}

static void Change(TOUR *T, TOOL_BUF *Line, TOOL_BUF *Json, const char *What, long long Old,
                   long long New)
{
    if (Old == New) {
        return;
    }
    char Text[160];
    snprintf(Text, sizeof(Text), "%s %lld -> %lld (%+lld)", What, Old, New, New - Old);
    BufPrintf(Line, "%s%s", Line->Length ? ", " : "", Text);
    if (T->Html) {
        BufPrintf(Json, "%s\"", Json->Length ? "," : "");
        BufJsonString(Json, Text);
        BufAppend(Json, "\"", 1);
    }
}

/* The picture of the machine at the end of a step, as JSON (html.c draws it). */
static void Picture(TOUR *T)
{
    TOOL_BUF *J = &T->Steps;
    char A[64];
    /* PTE strip. */
    BufAppend(J, ",\"strip\":", 9);
    if (T->FocusVa != NULL && T->FocusPages > 0) {
        ULONG64 Pages = T->FocusPages > 256 ? 256 : T->FocusPages;
        BufPrintf(J, "{\"start\":\"%s\",\"cells\":\"", Addr(T, T->FocusVa, A, sizeof(A)));
        for (ULONG64 p = 0; p < Pages; p++) {
            char c = SimPageMapChar(T->FocusVa + p * PAGE_SIZE);
            BufAppend(J, &c, 1);
        }
        BufAppend(J, "\",\"pfns\":[", 10);
        for (ULONG64 p = 0; p < Pages; p++) {
            ULONG64 Pte = 0;
            SimQueryPte(T->FocusVa + p * PAGE_SIZE, &Pte, NULL);
            if ((Pte & SIM_PTE_VALID) && SimPageMapChar(T->FocusVa + p * PAGE_SIZE) != 'H') {
                BufPrintf(J, "%s\"%llx\"", p ? "," : "", (unsigned long long)SIM_PTE_PFN(Pte));
            } else {
                BufPrintf(J, "%s\"\"", p ? "," : "");
            }
        }
        BufAppend(J, "]}", 2);
    } else {
        BufAppend(J, "null", 4);
    }
    /* MDLs and the PFNs they hold. */
    BufAppend(J, ",\"mdls\":[", 9);
    bool First = true;
    for (int i = 0; i < TOUR_MAX_MDLS; i++) {
        PMDL Mdl = T->Mdls[i].Mdl;
        if (Mdl == NULL) {
            continue;
        }
        char Flags[400];
        SimFormatMdlFlags((USHORT)Mdl->MdlFlags, Flags, sizeof(Flags));
        BufPrintf(J, "%s{\"name\":\"%s\",\"addr\":\"%s\",\"flags\":\"%s\",\"bytes\":\"0x%x\",",
                  First ? "" : ",", T->Mdls[i].Name, Addr(T, Mdl, A, sizeof(A)), Flags,
                  (unsigned)Mdl->ByteCount);
        BufPrintf(J, "\"mapped\":\"%s\",\"pfns\":[",
                  Mdl->MappedSystemVa && (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)
                      ? Addr(T, Mdl->MappedSystemVa, A, sizeof(A))
                      : "");
        ULONG Span = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
        PPFN_NUMBER Pfns = MmGetMdlPfnArray(Mdl);
        for (ULONG k = 0; k < Span && k < 64; k++) {
            SIM_PFN_INFO Info;
            const char *State = SimQueryPfn(Pfns[k], &Info) ? SimPageStateName(Info.State) : "?";
            BufPrintf(J, "%s{\"pfn\":\"%llx\",\"state\":\"%s\",\"share\":%u}", k ? "," : "",
                      (unsigned long long)Pfns[k], State,
                      SimQueryPfn(Pfns[k], &Info) ? Info.MapCount : 0);
        }
        BufAppend(J, "]}", 2);
        First = false;
    }
    BufAppend(J, "]", 1);
    /* The stop, if the step had one. */
    BufAppend(J, ",\"stop\":", 8);
    if (T->HaveStop) {
        char Line[400];
        StopLine(T, &T->Stop, Line, sizeof(Line));
        BufAppend(J, "{\"line\":\"", 9);
        BufJsonString(J, Line);
        BufAppend(J, "\",\"name\":\"", 10);
        BufJsonString(J, SimBugCheckName(T->Stop.Code));
        BufAppend(J, "\",\"meaning\":\"", 13);
        BufJsonString(J, SimBugCheckMeaning(T->Stop.Code, T->Stop.Parameters[0]));
        BufAppend(J, "\"}", 2);
    } else {
        BufAppend(J, "null", 4);
    }
}

static void End(TOUR *T)
{
    SIM_MEMORY_STATS After;
    SimQueryMemory(&After);
    const SIM_MEMORY_STATS *B = &T->Before;
    TOOL_BUF Line = {0}, Json = {0};
    Change(T, &Line, &Json, "free pages", (long long)B->FreePages, (long long)After.FreePages);
    Change(T, &Line, &Json, "MDL pages", (long long)B->MdlPages, (long long)After.MdlPages);
    Change(T, &Line, &Json, "non-paged pool pages", (long long)B->NonPagedPoolPages,
           (long long)After.NonPagedPoolPages);
    Change(T, &Line, &Json, "paged pool pages", (long long)B->PagedPoolPages,
           (long long)After.PagedPoolPages);
    Change(T, &Line, &Json, "pool blocks", (long long)B->PoolBlocks, (long long)After.PoolBlocks);
    Change(T, &Line, &Json, "system PTEs in use", (long long)(B->SystemPtes - B->SystemPtesFree),
           (long long)(After.SystemPtes - After.SystemPtesFree));
    Change(T, &Line, &Json, "valid PTEs", (long long)B->ValidPtes, (long long)After.ValidPtes);
    Change(T, &Line, &Json, "host mappings", (long long)B->HostMappings,
           (long long)After.HostMappings);
    Change(T, &Line, &Json, "reservations", (long long)T->ReservationsBefore,
           (long long)SimEnumReservations(NULL, 0));
    Change(T, &Line, &Json, "MDL mappings", (long long)T->MappingsBefore,
           (long long)SimQueryMdlMappings(NULL));
    Change(T, &Line, &Json, "IRQL", (long long)T->IrqlBefore, (long long)KeGetCurrentIrql());
    SIM_BUGCHECK Stop;
    bool Stopped = SimIsStopped(&Stop);
    if (Stopped != T->StoppedBefore) {
        char Text[80];
        snprintf(Text, sizeof(Text), "machine %s", Stopped ? "running -> STOPPED" : "stopped -> running");
        BufPrintf(&Line, "%s%s", Line.Length ? ", " : "", Text);
        if (T->Html) {
            BufPrintf(&Json, "%s\"%s\"", Json.Length ? "," : "", Text);
        }
    }
    if (T->Out != NULL) {
        fprintf(T->Out, "\n  changed: %s\n", Line.Length ? BufText(&Line) : "nothing");
    }
    if (T->Html) {
        BufPrintf(&T->Steps, ",\"index\":%d,\"segments\":[%s],\"changes\":[%s]", T->Index,
                  BufText(&T->Segments), BufText(&Json));
        Picture(T);
        BufAppend(&T->Steps, "}", 1);
    }
    BufFree(&Line);
    BufFree(&Json);
    if (T->Pause && T->Out != NULL && T->Index < T->Total) {
        fprintf(T->Out, "\n-- Enter: next step, q: quit --");
        fflush(T->Out);
        char Answer[64];
        if (fgets(Answer, sizeof(Answer), stdin) == NULL) {
            T->Pause = false; /* no more input: run on */
        } else if (Answer[0] == 'q') {
            SimShutdown(); /* the machine goes with the program: no unload check */
            exit(TOOL_EXIT_OK);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Helpers for the DDIs the steps use.                                    */
/* ---------------------------------------------------------------------- */
static PMDL AllocatePages(TOUR *T, const char *Name, ULONG Pages)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    Code(T, "%s = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, %u * PAGE_SIZE, MmCached, 0);",
         Name, Pages);
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, (SIZE_T)Pages * PAGE_SIZE, MmCached, 0);
    char A[64];
    if (Mdl == NULL) {
        Fail(T, "MmAllocatePagesForMdlEx returned NULL");
        return NULL;
    }
    Result(T, "%s = %s, %u bytes in %u pages", Name, Addr(T, Mdl, A, sizeof(A)),
           (unsigned)MmGetMdlByteCount(Mdl), Pages);
    Track(T, Name, Mdl);
    return Mdl;
}

static PVOID MapReserved(TOUR *T, PVOID Va, const char *VaText, PMDL Mdl, const char *Name)
{
    Code(T, "Va = MmMapLockedPagesWithReservedMapping(%s, 'ruoT', %s, MmCached);", VaText, Name);
    PVOID Mapped = MmMapLockedPagesWithReservedMapping(Va, TOUR_TAG, Mdl, MmCached);
    char A[64];
    if (Mapped == NULL) {
        Fail(T, "MmMapLockedPagesWithReservedMapping returned NULL");
    } else {
        Result(T, "Va = %s", Addr(T, Mapped, A, sizeof(A)));
    }
    return Mapped;
}

static PVOID Reserve(TOUR *T, ULONG Pages, bool Divisible)
{
    char A[64];
    if (Divisible) {
        Code(T, "Base = MmAllocateMappingAddressEx(%u * PAGE_SIZE, 'ruoT', "
                "MM_MAPPING_ADDRESS_DIVISIBLE);", Pages);
        T->Base = (PUCHAR)MmAllocateMappingAddressEx((SIZE_T)Pages * PAGE_SIZE, TOUR_TAG,
                                                     MM_MAPPING_ADDRESS_DIVISIBLE);
    } else {
        Code(T, "Base = MmAllocateMappingAddress(%u * PAGE_SIZE, 'ruoT');", Pages);
        T->Base = (PUCHAR)MmAllocateMappingAddress((SIZE_T)Pages * PAGE_SIZE, TOUR_TAG);
    }
    if (T->Base == NULL) {
        Fail(T, "the reservation failed");
        return NULL;
    }
    Result(T, "Base = %s", Addr(T, T->Base, A, sizeof(A)));
    Focus(T, T->Base);
    return T->Base;
}

/* Writes a pattern over the bytes and reads it back; FALSE if a byte differs. */
static bool TouchBytes(PUCHAR Va, SIZE_T Bytes, unsigned *Sum)
{
    for (SIZE_T i = 0; i < Bytes; i++) {
        ((volatile UCHAR *)Va)[i] = (UCHAR)(i * 7);
    }
    unsigned Total = 0;
    bool Same = true;
    for (SIZE_T i = 0; i < Bytes; i++) {
        UCHAR Byte = ((volatile UCHAR *)Va)[i];
        Same = Same && Byte == (UCHAR)(i * 7);
        Total += Byte;
    }
    *Sum = Total;
    return Same;
}

/* The pattern TouchBytes wrote is still there. */
static bool StillThere(PUCHAR Va, SIZE_T Bytes)
{
    for (SIZE_T i = 0; i < Bytes; i++) {
        if (((volatile UCHAR *)Va)[i] != (UCHAR)(i * 7)) {
            return false;
        }
    }
    return true;
}

static PGROWABLE_REGION CreateRegion(TOUR *T, SIZE_T Maximum, SIZE_T Initial)
{
    GR_PARAMETERS P;
    memset(&P, 0, sizeof(P));
    P.MaximumSize = Maximum;
    P.InitialCommit = Initial;
    P.GrowthGranularity = 16 * 1024;
    P.PoolTag = TOUR_TAG;
    Code(T, "GR_PARAMETERS P = { .MaximumSize = %zu KiB, .InitialCommit = %zu KiB,\n"
            "                    .GrowthGranularity = 16 KiB, .PoolTag = 'ruoT' };\n"
            "Status = GrCreate(&P, &Region);",
         (size_t)(Maximum / 1024), (size_t)(Initial / 1024));
    PGROWABLE_REGION Region = NULL;
    NTSTATUS Status = GrCreate(&P, &Region);
    if (!NT_SUCCESS(Status)) {
        Fail(T, "GrCreate failed");
        return NULL;
    }
    GR_STATISTICS S;
    GrQueryStatistics(Region, &S);
    char A[64];
    Result(T, "STATUS_SUCCESS; GrBase = %s, committed %zu KiB of %zu KiB, strategy %s",
           Addr(T, GrBase(Region), A, sizeof(A)), (size_t)(S.CommittedSize / 1024),
           (size_t)(S.MaximumSize / 1024),
           S.Strategy == GrStrategyDivisible ? "Divisible" : "Remap");
    T->Region = Region;
    Focus(T, GrBase(Region));
    return Region;
}

static void ShowRegion(TOUR *T)
{
    GR_STATISTICS S;
    GrQueryStatistics(T->Region, &S);
    Result(T, "committed %zu KiB of %zu KiB in %u chunk MDL(s), %u growth(s), "
              "%zu bytes of bookkeeping",
           (size_t)(S.CommittedSize / 1024), (size_t)(S.MaximumSize / 1024), S.ChunkCount,
           S.Growths, (size_t)S.BookkeepingBytes);
}

/* ---------------------------------------------------------------------- */
/* Part 1: the reserve/commit model by hand.                              */
/* ---------------------------------------------------------------------- */
static void StepMachine(TOUR *T)
{
    SIM_MEMORY_STATS S = Counters();
    Say(T, "mmsim simulates the Windows kernel memory manager in a user-mode process:\n"
           "a PFN database of %llu physical pages (%llu MiB), emulated x64 PTEs over\n"
           "a system address space, pool, IRQL and bug checks.\n"
           "Profile: %s%s.",
        (unsigned long long)S.PhysicalPages, (unsigned long long)(S.PhysicalPages / 256),
        SimProfileName(SimGetProfile()),
        T->Nt5 ? " (Server 2003: reservations keep two header PTEs)"
               : " (Windows 10 2004+: reservations are records outside the PTEs)");
    Say(T, "\nThe goal: a growable, virtually contiguous, non-paged region. Reserve\n"
           "system address space once, then commit physical pages into it as it grows.\n"
           "Every physical page is free and no system PTE is in use yet. System PTE\n"
           "space is where reservations live:");
    Claim(T, S.FreePages == S.PhysicalPages && S.SystemPtesFree == S.SystemPtes,
          "every page is free and no system PTE is in use");
    Dump(T, DumpSysPtes, NULL, NULL);
}

static void StepReserve(TOUR *T)
{
    SIM_RESERVATION_INFO Info;
    SIM_MEMORY_STATS S;
    if (T->Nt5) {
        Say(T, "Reserve 16 pages of system address space. Server 2003 has no\n"
               "MmAllocateMappingAddressEx (and no DIVISIBLE flag): only the plain call.");
        if (Reserve(T, TOUR_PAGES, false) == NULL) {
            return;
        }
        Say(T, "\nNothing is mapped yet, and no physical page is used: 18 PTEs were taken,\n"
               "16 for the data and two just below Base that are never made valid. They\n"
               "hold the reservation's size (N + 2 = 18) and its tag with bit 0 cleared,\n"
               "so tags differing only in bit 0 compare equal. The map shows them as H:");
        S = Counters();
        SimQueryReservation(T->Base, &Info);
        Claim(T, Info.MappedPages == 0 && PtesEmpty(T->Base, TOUR_PAGES),
              "nothing is mapped yet");
        Claim(T, S.FreePages == T->Before.FreePages, "no physical page is used");
        Claim(T, (S.SystemPtes - S.SystemPtesFree) - (T->Before.SystemPtes - T->Before.SystemPtesFree) ==
                         TOUR_PAGES + 2 &&
                     Info.HeaderPtes == 2,
              "18 PTEs were taken, 16 for the data and two header PTEs");
        /* The encodings: docs/reserved-mappings.md (MMSIM_NT5_HEADERS). */
        ULONG64 Size = PteAt(T->Base - 2 * PAGE_SIZE), Tag = PteAt(T->Base - PAGE_SIZE);
        ULONG64 Clear = TOUR_TAG & ~1ull;
        SIM_NT5_HEADER_FORMAT Format = SimGetNt5HeaderFormat();
        unsigned Shift = Format == SimNt5HeaderServer2003 ? 1 : Format == SimNt5HeaderVista ? 32 : 28;
        bool Encoded = (Size >> Shift) == TOUR_PAGES + 2 &&
                       (Format == SimNt5HeaderServer2003 ? Tag == Clear : (Tag >> Shift) == Clear + 1);
        Claim(T, !(Size & SIM_PTE_VALID) && !(Tag & SIM_PTE_VALID) && Encoded,
              "the two header PTEs are not valid and hold N + 2 = 18 and the tag with bit 0 "
              "cleared");
        Dump(T, DumpMap, T->Base, NULL);
        Dump(T, DumpPte, T->Base - 2 * PAGE_SIZE, NULL);
        Dump(T, DumpPte, T->Base - PAGE_SIZE, NULL);
        Dump(T, DumpPte, T->Base, NULL);
    } else {
        Say(T, "Reserve 16 pages of system address space. DIVISIBLE (Windows 10 2004+)\n"
               "lets each chunk be mapped at its own offset later.");
        if (Reserve(T, TOUR_PAGES, true) == NULL) {
            return;
        }
        Say(T, "\nNo page is mapped into the reservation yet: its 16 PTEs are empty ('.').\n"
               "The reservation itself is a 0x30-byte record in non-paged pool, tag 'Mirm':\n"
               "the one physical page this step took is the pool page that holds it.");
        S = Counters();
        SimQueryReservation(T->Base, &Info);
        Claim(T, Info.MappedPages == 0 && PtesEmpty(T->Base, TOUR_PAGES),
              "the reservation's 16 PTEs are empty");
        Claim(T, (Info.Flags & MM_MAPPING_ADDRESS_DIVISIBLE) != 0, "the reservation is DIVISIBLE");
        Claim(T, NonPagedBytes(TagOf("Mirm")) == 0x30,
              "the reservation is a 0x30-byte record in non-paged pool, tag 'Mirm'");
        Claim(T, T->Before.FreePages - S.FreePages == 1 &&
                     S.NonPagedPoolPages - T->Before.NonPagedPoolPages == 1,
              "the step took one physical page, a non-paged pool page");
        Dump(T, DumpMap, T->Base, NULL);
        Dump(T, DumpPte, T->Base, NULL);
        Dump(T, DumpPoolUsed, NULL, NULL);
    }
}

static void StepAllocate(TOUR *T)
{
    Say(T, "Commit the first chunk: ask for 4 physical pages. They come described by an\n"
           "MDL (in non-paged pool, tag 'Mmdl'); they are locked but mapped nowhere yet.");
    PMDL Mdl = AllocatePages(T, "Mdl0", 4);
    if (Mdl == NULL) {
        return;
    }
    ULONG Tag = 0;
    bool Paged = true;
    Claim(T, Counters().MdlPages - T->Before.MdlPages == 4, "4 physical pages");
    Claim(T, PoolBlockAt(Mdl, &Tag, &Paged) && Tag == TagOf("Mmdl") && !Paged,
          "the MDL is in non-paged pool, tag 'Mmdl'");
    Claim(T, (Mdl->MdlFlags & MDL_PAGES_LOCKED) && !(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) &&
                 PfnsLockedUnmapped(Mdl, 4),
          "the pages are locked but mapped nowhere");
    Dump(T, DumpMdl, Mdl, "Mdl0");
    Dump(T, DumpPfn, (const void *)(uintptr_t)MmGetMdlPfnArray(Mdl)[0], NULL);
}

static void StepMap(TOUR *T)
{
    PMDL Mdl = T->Mdls[0].Mdl;
    if (Mdl == NULL || T->Base == NULL) {
        return;
    }
    Say(T, "Map the MDL's pages at the start of the reservation. The first four PTEs\n"
           "become valid and name the MDL's PFNs; the pages are really mapped in the\n"
           "host, so the pointer can be dereferenced.");
    if (MapReserved(T, T->Base, "Base", Mdl, "Mdl0") == NULL) {
        return;
    }
    Claim(T, PtesNameMdl(T->Base, 4, Mdl, 0) && PtesEmpty(T->Base + 4 * PAGE_SIZE, TOUR_PAGES - 4),
          "the first four PTEs (and only they) are valid and name the MDL's PFNs");
    Claim(T, SimCountHostMappings(T->Base, 4 * PAGE_SIZE) >= 1,
          "the pages are mapped in the host");
    Dump(T, DumpMap, T->Base, NULL);
    Dump(T, DumpPte, T->Base, NULL);
    Dump(T, DumpPfn, (const void *)(uintptr_t)MmGetMdlPfnArray(Mdl)[0], NULL);
    Say(T, "The MDL now says it is mapped (MDL_MAPPED_TO_SYSTEM_VA, MappedSystemVa):");
    Claim(T, (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) && Mdl->MappedSystemVa == T->Base,
          "the MDL says it is mapped at Base");
    Dump(T, DumpMdl, Mdl, "Mdl0");
}

static void StepTouch(TOUR *T)
{
    if (T->Base == NULL) {
        return;
    }
    Say(T, "Use the committed bytes: plain loads and stores through the pointer.");
    Code(T, "for (i = 0; i < 4 * PAGE_SIZE; i++) Base[i] = (UCHAR)(i * 7);  /* and read back */");
    unsigned Sum = 0;
    bool Same = TouchBytes(T->Base, 4 * PAGE_SIZE, &Sum);
    Result(T, "16384 bytes written and read back, checksum %u", Sum);
    Claim(T, Same, "the bytes read back are the bytes written");
    Code(T, "Pa = MmGetPhysicalAddress(Base + 0x1234);");
    PHYSICAL_ADDRESS Pa = MmGetPhysicalAddress(T->Base + 0x1234);
    ULONG64 Pte = PteAt(T->Base + PAGE_SIZE);
    Result(T, "Pa = 0x%llx: the PFN of page 1 (%llx) followed by the offset 0x234",
           (unsigned long long)Pa.QuadPart, (unsigned long long)SIM_PTE_PFN(Pte));
    Claim(T, (ULONG64)Pa.QuadPart == (SIM_PTE_PFN(Pte) << PAGE_SHIFT) + 0x234,
          "Pa is the PFN of page 1 followed by the offset");
}

static void StepGrow(TOUR *T)
{
    if (T->Base == NULL) {
        return;
    }
    char A[64];
    PMDL First = T->Mdls[0].Mdl;
    if (T->Nt5) {
        Say(T, "Grow by 4 more pages. Without DIVISIBLE, any address inside the\n"
               "reservation maps at its base, and every PTE must be empty first. So growth\n"
               "is a remap: one MDL describing all 8 pages replaces the old mapping.");
        PMDL More = AllocatePages(T, "Mdl1", 4);
        if (More == NULL) {
            return;
        }
        Code(T, "All = IoAllocateMdl(Base, 8 * PAGE_SIZE, FALSE, FALSE, NULL);\n"
                "/* copy Mdl0's and Mdl1's PFNs into All, set MDL_PAGES_LOCKED */");
        PMDL All = IoAllocateMdl(T->Base, 8 * PAGE_SIZE, FALSE, FALSE, NULL);
        if (All == NULL) {
            Fail(T, "IoAllocateMdl returned NULL");
            return;
        }
        memcpy(MmGetMdlPfnArray(All), MmGetMdlPfnArray(First), 4 * sizeof(PFN_NUMBER));
        memcpy(MmGetMdlPfnArray(All) + 4, MmGetMdlPfnArray(More), 4 * sizeof(PFN_NUMBER));
        All->MdlFlags |= MDL_PAGES_LOCKED;
        Result(T, "All = %s", Addr(T, All, A, sizeof(A)));
        Track(T, "All", All);
        Code(T, "MmUnmapReservedMapping(Base, 'ruoT', Mdl0);");
        MmUnmapReservedMapping(T->Base, TOUR_TAG, First);
        if (MapReserved(T, T->Base, "Base", All, "All") == NULL) {
            return;
        }
        Say(T, "The first four pages kept their contents (same PFNs), now with four more:");
        Claim(T, PtesNameMdl(T->Base, 8, All, 0) && PtesNameMdl(T->Base, 4, First, 0) &&
                     StillThere(T->Base, 4 * PAGE_SIZE),
              "the first four pages kept their PFNs and contents, with four more after them");
    } else {
        Say(T, "Grow by 4 more pages: a second chunk, mapped right after the first. With\n"
               "DIVISIBLE that is allowed at any page offset inside the reservation, and the\n"
               "first chunk stays mapped: readers never see it move.");
        PMDL More = AllocatePages(T, "Mdl1", 4);
        if (More == NULL) {
            return;
        }
        if (MapReserved(T, T->Base + 4 * PAGE_SIZE, "Base + 4 * PAGE_SIZE", More, "Mdl1") == NULL) {
            return;
        }
        Claim(T, PtesNameMdl(T->Base, 4, First, 0) && PtesNameMdl(T->Base + 4 * PAGE_SIZE, 4, More, 0) &&
                     StillThere(T->Base, 4 * PAGE_SIZE),
              "the second chunk is mapped right after the first, which stays where it was");
    }
    Dump(T, DumpMap, T->Base, NULL);
    Dump(T, DumpPte, T->Base + 4 * PAGE_SIZE, NULL);
}

static void FreeMdlPages(TOUR *T, int Slot)
{
    PMDL Mdl = T->Mdls[Slot].Mdl;
    if (Mdl == NULL) {
        return;
    }
    const char *Name = T->Mdls[Slot].Name;
    Code(T, "MmFreePagesFromMdl(%s);\nExFreePool(%s);", Name, Name);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    Untrack(T, Mdl);
}

/* After a teardown: nothing the driver allocated is left, and every page
 * that is not free is a pool page the pool keeps (sim/mm/pool.c carves small
 * blocks from pages of one size class each and keeps those pages, empty,
 * for the next blocks of that size). */
static void ShowClean(TOUR *T)
{
    char Report[512];
    bool Clean = SimIsClean(Report, sizeof(Report));
    Result(T, "%s", Clean ? "nothing the driver allocated is left (SimIsClean)" : Report);
    if (!Clean) {
        T->Failures++;
    }
    SIM_MEMORY_STATS S = Counters();
    ULONG64 Held = S.PhysicalPages - S.FreePages;
    if (Held == 0) {
        Say(T, "All %llu physical pages are free again.", (unsigned long long)S.PhysicalPages);
    } else {
        Say(T, "%llu of the %llu physical pages are free. The other %llu are pool pages\n"
               "that were carved into small blocks (for the MDLs and records above): every\n"
               "block in them is free, and the pool keeps the pages for its next blocks\n"
               "of those sizes rather than take new ones.",
            (unsigned long long)S.FreePages, (unsigned long long)S.PhysicalPages,
            (unsigned long long)Held);
    }
    Claim(T, S.PoolBlocks == 0 && S.MdlPages == 0 &&
                 S.FreePages + S.NonPagedPoolPages + S.PagedPoolPages == S.PhysicalPages,
          "every page that is not free is an empty pool page");
}

static void StepTeardown(TOUR *T)
{
    if (T->Base == NULL) {
        return;
    }
    Say(T, "Tear down in the only safe order: unmap, free the pages, free the MDLs,\n"
           "free the reservation. (Steps 11 to 17 show what the shortcuts cost.)");
    if (T->Nt5) {
        PMDL All = T->Mdls[2].Mdl;
        Code(T, "MmUnmapReservedMapping(Base, 'ruoT', All);\nIoFreeMdl(All);");
        MmUnmapReservedMapping(T->Base, TOUR_TAG, All);
        IoFreeMdl(All);
        Untrack(T, All);
    } else {
        Code(T, "MmUnmapReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1);\n"
                "MmUnmapReservedMapping(Base, 'ruoT', Mdl0);");
        MmUnmapReservedMapping(T->Base + 4 * PAGE_SIZE, TOUR_TAG, T->Mdls[1].Mdl);
        MmUnmapReservedMapping(T->Base, TOUR_TAG, T->Mdls[0].Mdl);
    }
    Dump(T, DumpMap, T->Base, NULL);
    FreeMdlPages(T, 0);
    FreeMdlPages(T, 1);
    Code(T, "MmFreeMappingAddress(Base, 'ruoT');");
    MmFreeMappingAddress(T->Base, TOUR_TAG);
    T->Base = NULL;
    ShowClean(T);
    Dump(T, DumpSysPtes, NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Part 2: the growable region (core/).                                   */
/* ---------------------------------------------------------------------- */
static void StepRegionCreate(TOUR *T)
{
    Say(T, "core/growable_region.c packages all of that as driver code. GrCreate\n"
           "reserves the maximum once (%s),\n"
           "GrEnsureCommitted grows it in chunks of at least the granularity, at\n"
           "least doubling, so the number of MDLs stays logarithmic.",
        T->Nt5 ? "plain MmAllocateMappingAddress: strategy Remap on this kernel"
               : "with DIVISIBLE where the kernel has it");
    if (CreateRegion(T, 64 * 1024, 0) == NULL) {
        return;
    }
    SIM_RESERVATION_INFO Info;
    GR_STATISTICS S;
    GrQueryStatistics(T->Region, &S);
    Claim(T, SimEnumReservations(NULL, 0) == 1 && SimQueryReservation(GrBase(T->Region), &Info) &&
                 Info.Pages * PAGE_SIZE == 64 * 1024 &&
                 (Info.Flags & MM_MAPPING_ADDRESS_DIVISIBLE) == (T->Nt5 ? 0u : MM_MAPPING_ADDRESS_DIVISIBLE) &&
                 S.Strategy == (T->Nt5 ? GrStrategyRemap : GrStrategyDivisible),
          "GrCreate reserves the maximum once, with DIVISIBLE where the kernel has it");
    Code(T, "Status = GrEnsureCommitted(Region, 20 KiB);");
    NTSTATUS Status = GrEnsureCommitted(T->Region, 20 * 1024);
    if (!NT_SUCCESS(Status)) {
        Fail(T, "GrEnsureCommitted failed");
        return;
    }
    ShowRegion(T);
    GrQueryStatistics(T->Region, &S);
    Claim(T, S.ChunkCount == 1 && S.CommittedSize >= 20 * 1024 && S.CommittedSize >= 16 * 1024,
          "one chunk of at least the granularity");
    Dump(T, DumpMap, GrBase(T->Region), NULL);
}

static void StepRegionGrow(TOUR *T)
{
    if (T->Region == NULL) {
        return;
    }
    Say(T, "Ask for 40 KiB: the step doubles the committed size (32 KiB more), up to\n"
           "the maximum. A reader brackets its access with GrReadBegin/GrReadEnd and\n"
           "may use every byte below the committed size it was given.");
    GR_STATISTICS Old, New;
    GrQueryStatistics(T->Region, &Old);
    Code(T, "Status = GrEnsureCommitted(Region, 40 KiB);");
    if (!NT_SUCCESS(GrEnsureCommitted(T->Region, 40 * 1024))) {
        Fail(T, "GrEnsureCommitted failed");
        return;
    }
    ShowRegion(T);
    GrQueryStatistics(T->Region, &New);
    SIZE_T Doubled = 2 * Old.CommittedSize < New.MaximumSize ? 2 * Old.CommittedSize : New.MaximumSize;
    Claim(T, New.CommittedSize == Doubled && New.CommittedSize - Old.CommittedSize == 32 * 1024,
          "the step doubles the committed size (32 KiB more), up to the maximum");
    Code(T, "Data = GrReadBegin(Region, &Committed);  /* touch Data[0 .. Committed) */\n"
            "GrReadEnd(Region);");
    SIZE_T Committed = 0;
    PUCHAR Data = (PUCHAR)GrReadBegin(T->Region, &Committed);
    unsigned Sum = 0;
    bool Same = TouchBytes(Data, Committed, &Sum);
    GrReadEnd(T->Region);
    Result(T, "Committed = %zu KiB, all of it written and read back", (size_t)(Committed / 1024));
    Claim(T, Same && Committed == New.CommittedSize, "every committed byte was written and read back");
    Dump(T, DumpMap, GrBase(T->Region), NULL);
    Dump(T, DumpPoolUsed, NULL, NULL);
}

static void StepRegionDestroy(TOUR *T)
{
    if (T->Region == NULL) {
        return;
    }
    Say(T, "GrDestroy unmaps each chunk, frees its pages and its MDL, then frees the\n"
           "reservation: the order of step 7.");
    Code(T, "GrDestroy(Region);");
    GrDestroy(T->Region);
    T->Region = NULL;
    ShowClean(T);
    Dump(T, DumpPoolUsed, NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Part 3: the classic mistakes, caught live.                             */
/* ---------------------------------------------------------------------- */
static void StepPastCommitted(TOUR *T)
{
    Fresh(T);
    Say(T, "Mistake 1: touching past the committed size. The reservation is there,\n"
           "but beyond the committed bytes its PTEs are empty: no page, no fault\n"
           "handler that could bring one in. A fresh machine:");
    SIM_MEMORY_STATS Fresh = Counters();
    Claim(T, Fresh.FreePages == Fresh.PhysicalPages && Fresh.SystemPtesFree == Fresh.SystemPtes &&
                 SimEnumReservations(NULL, 0) == 0 && !SimIsStopped(NULL),
          "a fresh machine");
    if (CreateRegion(T, 64 * 1024, 16 * 1024) == NULL) {
        return;
    }
    PUCHAR Past = (PUCHAR)GrBase(T->Region) + GrCommittedSize(T->Region);
    SIM_RESERVATION_INFO Info;
    Claim(T, SimQueryReservation(Past, &Info) && Info.Base == GrBase(T->Region) &&
                 PtesEmpty(Past, Info.Pages - GrCommittedSize(T->Region) / PAGE_SIZE),
          "past the committed bytes the reservation's PTEs are empty");
    Code(T, "Value = ((volatile UCHAR *)GrBase(Region))[GrCommittedSize(Region)];");
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)*(volatile UCHAR *)Past);
    ShowStop(T, &Stop, PAGE_FAULT_IN_NONPAGED_AREA, (ULONG_PTR)Past, true);
    Say(T, "\nA debugger still reads a stopped machine. The touched page is the first\n"
           "'.' after the valid ones:");
    Claim(T, PteAt(Past) == 0 && (PteAt(Past - PAGE_SIZE) & SIM_PTE_VALID),
          "the touched page is the first empty one after the valid ones");
    Dump(T, DumpMap, GrBase(T->Region), NULL);
    Dump(T, DumpPte, Past, NULL);
}

static void StepNotDivisible(TOUR *T)
{
    Fresh(T);
    if (T->Nt5) {
        Say(T, "Mistake 2: mapping a second chunk at an offset, the DIVISIBLE way, on a\n"
               "kernel without DIVISIBLE. Server 2003 reads the two PTEs below the address\n"
               "it is given as the header: below Base + 4 pages are data PTEs, so the\n"
               "'tag' it finds is a valid PTE and does not match.");
    } else {
        Say(T, "Mistake 2: mapping a second chunk at an offset into a reservation made\n"
               "without DIVISIBLE. Then any address inside maps at the base, and every PTE\n"
               "of the reservation must be empty: the first chunk is still there.");
    }
    Reserve(T, TOUR_PAGES, false);
    PMDL First = AllocatePages(T, "Mdl0", 4);
    PMDL Second = AllocatePages(T, "Mdl1", 4);
    if (T->Base == NULL || First == NULL || Second == NULL) {
        return;
    }
    if (MapReserved(T, T->Base, "Base", First, "Mdl0") == NULL) {
        return;
    }
    PUCHAR Target = T->Base + 4 * PAGE_SIZE;
    if (T->Nt5) {
        ULONG64 Below = PteAt(Target - PAGE_SIZE);
        Claim(T, (Below & SIM_PTE_VALID) && Below != (TOUR_TAG & ~1ull),
              "the PTE below Base + 4 pages is a valid data PTE, not the tag");
    } else {
        Claim(T, PtesNameMdl(T->Base, 4, First, 0), "the first chunk is still mapped");
    }
    Code(T, "Va = MmMapLockedPagesWithReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1, "
            "MmCached);");
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, MmMapLockedPagesWithReservedMapping(Target, TOUR_TAG, Second,
                                                                  MmCached));
    if (T->Nt5) {
        ShowStop(T, &Stop, SYSTEM_PTE_MISUSE, 0x104, true);
        Say(T, "\nArg4 is the PTE read as the tag: a valid data PTE (pfn and flags).");
        Claim(T, Stop.Caught && Stop.Parameters[3] == PteAt(Target - PAGE_SIZE) &&
                     (Stop.Parameters[3] & SIM_PTE_VALID),
              "Arg4 is the valid data PTE below the address");
        Dump(T, DumpPte, Target - PAGE_SIZE, NULL);
    } else {
        ShowStop(T, &Stop, SYSTEM_PTE_MISUSE, 0x107, true);
        Claim(T, Stop.Caught && Stop.Parameters[1] == (ULONG_PTR)T->Base,
              "an address inside maps at the base (Arg2)");
        Say(T, "\nThe fix: MmAllocateMappingAddressEx(..., MM_MAPPING_ADDRESS_DIVISIBLE), or\n"
               "remap everything at the base on each growth (core/'s Remap strategy).");
    }
    Dump(T, DumpMap, T->Base, NULL);
}

static void StepFreeWhileMapped(TOUR *T)
{
    Fresh(T);
    Say(T, "Mistake 3: freeing the reservation while a chunk is still mapped into it.\n"
           "The PTEs would be lost with the pages still locked behind them.");
    Reserve(T, TOUR_PAGES, !T->Nt5);
    PMDL Mdl = AllocatePages(T, "Mdl0", 4);
    if (T->Base == NULL || Mdl == NULL) {
        return;
    }
    if (MapReserved(T, T->Base, "Base", Mdl, "Mdl0") == NULL) {
        return;
    }
    SIM_RESERVATION_INFO Info;
    Claim(T, SimQueryReservation(T->Base, &Info) && Info.MappedPages == 4 &&
                 PtesNameMdl(T->Base, 4, Mdl, 0) && (Mdl->MdlFlags & MDL_PAGES_LOCKED),
          "a chunk of locked pages is still mapped into the reservation");
    Code(T, "MmFreeMappingAddress(Base, 'ruoT');");
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, MmFreeMappingAddress(T->Base, TOUR_TAG));
    ShowStop(T, &Stop, SYSTEM_PTE_MISUSE, 0x103, true);
    /* Not the mapped pages: docs/reserved-mappings.md, 0xDA/0x103. */
    Say(T, "\nArg4 is the size of the range, 0x%llx = %llu pages, mapped or not: the\n"
           "documentation calls it the number of mappings in the range, and Windows\n"
           "passes the reservation's page count. %llu of them are mapped:",
        (unsigned long long)Info.Pages, (unsigned long long)Info.Pages,
        (unsigned long long)Info.MappedPages);
    Claim(T, Stop.Caught && Stop.Parameters[3] == Info.Pages, "Arg4 is the range's size in pages");
    Dump(T, DumpMap, T->Base, NULL);
}

static void StepFreeTwice(TOUR *T)
{
    Fresh(T);
    Say(T, "Mistake 4: freeing an MDL's pages twice. After the first free the pages are\n"
           "back on the free list (and may already belong to someone else); the MDL\n"
           "still lists them.");
    PMDL Mdl = AllocatePages(T, "Mdl0", 4);
    if (Mdl == NULL) {
        return;
    }
    PFN_NUMBER Pfns[4];
    memcpy(Pfns, MmGetMdlPfnArray(Mdl), sizeof(Pfns));
    Code(T, "MmFreePagesFromMdl(Mdl0);");
    MmFreePagesFromMdl(Mdl);
    Claim(T, PfnsFree(Mdl, 4) && memcmp(Pfns, MmGetMdlPfnArray(Mdl), sizeof(Pfns)) == 0,
          "the pages are free and the MDL still lists them");
    Dump(T, DumpPfn, (const void *)(uintptr_t)Pfns[0], NULL);
    Dump(T, DumpMdl, Mdl, "Mdl0");
    Code(T, "MmFreePagesFromMdl(Mdl0);");
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, MmFreePagesFromMdl(Mdl));
    ShowStop(T, &Stop, MEMORY_MANAGEMENT, 0x1236, true);
    Untrack(T, Mdl); /* the machine is stopped; its pool goes with it */
}

static void StepGrowAtDispatch(TOUR *T)
{
    Fresh(T);
    Say(T, "Mistake 5: growing at DISPATCH_LEVEL (say, from a DPC or under a spin\n"
           "lock). GrEnsureCommitted is pageable code (PAGED_CODE()) that allocates\n"
           "pages and waits on a mutex: at DISPATCH_LEVEL its own code page may be out,\n"
           "and the machine stops with 0xD1, Parameter 3 = 8 (an execute fault).");
    if (CreateRegion(T, 64 * 1024, 16 * 1024) == NULL) {
        return;
    }
    Code(T, "KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);\nStatus = GrEnsureCommitted(Region, 32 KiB);");
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_BUGCHECK Stop;
    PGROWABLE_REGION Region = T->Region;
    SIM_CATCH_BUGCHECK(&Stop, (void)GrEnsureCommitted(Region, 32 * 1024));
    ShowStop(T, &Stop, DRIVER_IRQL_NOT_LESS_OR_EQUAL, 0, false);
    if (Stop.Caught && Stop.Parameters[2] != 8) {
        Fail(T, "expected Parameter 3 = 8");
    }
}

static void StepRequestGrowth(TOUR *T)
{
    Fresh(T);
    Say(T, "The fix for mistake 5: from DISPATCH_LEVEL, ask for growth. GrRequestGrowth\n"
           "queues a work item, which grows at PASSIVE_LEVEL on a worker thread.");
    if (CreateRegion(T, 64 * 1024, 16 * 1024) == NULL) {
        return;
    }
    Code(T, "KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);\n"
            "Status = GrRequestGrowth(Region, 32 KiB);\n"
            "KeLowerIrql(OldIrql);");
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    NTSTATUS Status = GrRequestGrowth(T->Region, 32 * 1024);
    KeLowerIrql(Old);
    Result(T, "%s", Status == STATUS_PENDING ? "STATUS_PENDING" : "unexpected status");
    if (Status != STATUS_PENDING) {
        T->Failures++;
    }
    Code(T, "SimWaitForWorkItems(10000);  /* a test waits; a driver just carries on */");
    if (!SimWaitForWorkItems(10000)) {
        Fail(T, "the work item did not finish");
    }
    ShowRegion(T);
    /* The growth is PAGED_CODE(): had it run at DISPATCH_LEVEL, it would have
     * stopped the machine as in mistake 5. */
    GR_STATISTICS S;
    GrQueryStatistics(T->Region, &S);
    Claim(T, S.DeferredGrowths == 1 && S.CommittedSize == 32 * 1024 && !SimIsStopped(NULL),
          "the work item grew the region at PASSIVE_LEVEL");
    Dump(T, DumpMap, GrBase(T->Region), NULL);
    Code(T, "GrDestroy(Region);");
    GrDestroy(T->Region);
    T->Region = NULL;
}

static void StepPagedAtDispatch(TOUR *T)
{
    Fresh(T);
    Say(T, "Mistake 6: touching paged pool at DISPATCH_LEVEL - why the region must be\n"
           "non-paged. A paged pool page can be trimmed; its PTE becomes a transition\n"
           "PTE. At PASSIVE_LEVEL a touch faults it back in. At DISPATCH_LEVEL the\n"
           "page fault handler cannot run: 0xD1.");
    Code(T, "P = ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, 'ruoT');\nP[0] = 1;");
    PUCHAR P = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TOUR_TAG);
    if (P == NULL) {
        Fail(T, "ExAllocatePool2 returned NULL");
        return;
    }
    P[0] = 1;
    T->Pool = P;
    Focus(T, P);
    Code(T, "SimTrimPagedPool();   /* what the working-set manager does under pressure */");
    Result(T, "%u page(s) trimmed", SimTrimPagedPool());
    ULONG64 Pte = PteAt(P);
    Claim(T, !(Pte & SIM_PTE_VALID) && (Pte & SIM_PTE_TRANSITION),
          "a trimmed page's PTE is a transition PTE");
    Dump(T, DumpPte, P, NULL);
    Code(T, "Value = P[0];        /* PASSIVE_LEVEL: a soft fault brings it back */");
    UCHAR Value = *(volatile UCHAR *)P;
    Result(T, "Value = %u", Value);
    Claim(T, Value == 1 && (PteAt(P) & SIM_PTE_VALID) && !SimIsStopped(NULL),
          "at PASSIVE_LEVEL a touch faults the page back in");
    Dump(T, DumpPte, P, NULL);
    Code(T, "SimTrimPagedPool();\nKeRaiseIrql(DISPATCH_LEVEL, &OldIrql);\nValue = P[0];");
    SimTrimPagedPool();
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)*(volatile UCHAR *)P);
    ShowStop(T, &Stop, DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)P, true);
    Dump(T, DumpPte, P, NULL);
}

static void StepSummary(TOUR *T)
{
    /* Each row is the stop a mistake step caught, in order (checked). */
    static const struct {
        const char *Mistake;
        ULONG Code;
        ULONG_PTR Subcode; /* Parameter 1 for 0xDA and 0x1A, else unchecked */
        const char *Shown;
    } Rows[] = {
        {"touching past the committed size", 0x50, 0, "0x50 PAGE_FAULT_IN_NONPAGED_AREA"},
        {"mapping at an offset without DIVISIBLE", 0xDA, 0x107, "0xDA/0x107 SYSTEM_PTE_MISUSE"},
        {"freeing the reservation while mapped", 0xDA, 0x103, "0xDA/0x103 SYSTEM_PTE_MISUSE"},
        {"freeing pages twice", 0x1A, 0x1236, "0x1A/0x1236 MEMORY_MANAGEMENT"},
        {"growing at DISPATCH_LEVEL", 0xD1, 0, "0xD1 (Parameter 3 = 8, execute)"},
        {"touching paged pool at DISPATCH_LEVEL", 0xD1, 0, "0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL"},
    };
    Fresh(T);
    TOOL_BUF Table = {0};
    bool Match = T->StopCount == 6;
    for (int i = 0; i < 6; i++) {
        ULONG_PTR Subcode = Rows[i].Subcode;
        const char *Shown = Rows[i].Shown;
        if (i == 1 && T->Nt5) {
            Subcode = 0x104;
            Shown = "0xDA/0x104 (nt5: data PTEs read as header)";
        }
        BufPrintf(&Table, "\n  %-41s %s", Rows[i].Mistake, Shown);
        if (i < T->StopCount) {
            const SIM_BUGCHECK *Stop = &T->Stops[i];
            Match = Match && Stop->Code == Rows[i].Code &&
                    (Subcode == 0 || Stop->Parameters[0] == Subcode) &&
                    (i != 4 || Stop->Parameters[2] == 8);
        }
    }
    Say(T, "Summary. The growable region: reserve once, map chunks as it grows, read\n"
           "below the committed size, tear down in order. The mistakes and their stops:\n"
           "%s\n"
           "\n"
           "Try them yourself: `mmsim run FILE` runs a scenario script (see `mmsim run\n"
           "--help` and docs/mmsim.md); `mmsim tour --profile %s` shows the other kernel.",
        BufText(&Table), T->Nt5 ? "modern" : "nt5");
    Claim(T, Match, "these are the stops the mistakes got");
    BufFree(&Table);
}

typedef struct _TOUR_STEP {
    const char *Title;
    void (*Run)(TOUR *T);
} TOUR_STEP;

static const TOUR_STEP TourSteps[] = {
    {"A fresh machine", StepMachine},
    {"Reserve system address space", StepReserve},
    {"Allocate physical pages into an MDL", StepAllocate},
    {"Map the MDL into the reservation", StepMap},
    {"Touch the committed bytes", StepTouch},
    {"Grow: commit a second chunk", StepGrow},
    {"Tear down in the only safe order", StepTeardown},
    {"The growable region (core/): create and grow", StepRegionCreate},
    {"The growable region: grow again, read", StepRegionGrow},
    {"The growable region: destroy", StepRegionDestroy},
    {"Mistake 1: touching past the committed size (0x50)", StepPastCommitted},
    {"Mistake 2: mapping at an offset without DIVISIBLE (0xDA)", StepNotDivisible},
    {"Mistake 3: freeing the reservation while mapped (0xDA/0x103)", StepFreeWhileMapped},
    {"Mistake 4: freeing pages twice (0x1A/0x1236)", StepFreeTwice},
    {"Mistake 5: growing at DISPATCH_LEVEL (0xD1)", StepGrowAtDispatch},
    {"The fix: GrRequestGrowth from DISPATCH_LEVEL", StepRequestGrowth},
    {"Mistake 6: touching paged pool at DISPATCH_LEVEL (0xD1)", StepPagedAtDispatch},
    {"Summary", StepSummary},
};

/* ---------------------------------------------------------------------- */
/* Command line.                                                          */
/* ---------------------------------------------------------------------- */
static void TourUsage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim tour [--profile modern|nt5] [--step] [--raw] [--html FILE]\n"
            "\n"
            "A narrated, step-by-step walk through the reserve/commit model: reserve\n"
            "system address space, allocate pages into MDLs, map, touch, grow, tear\n"
            "down; the growable region of core/; then six classic mistakes and the\n"
            "stop each one gets, live. After each step it prints what changed and\n"
            "WinDbg-style dumps (!pte, !pfn, !sysptes, !poolused, dt nt!_MDL, maps).\n"
            "\n"
            "  --profile P   modern (default; MMSIM_PROFILE) or nt5 (Server 2003 header PTEs)\n"
            "  --step        pause after each step (Enter: next, q: quit)\n"
            "  --raw         print host addresses instead of base-relative ones\n"
            "  --html FILE   write the same steps as one self-contained HTML page\n"
            "  --help        this text\n"
            "\n"
            "Exit status: 0 every step did what it shows; 1 a step did not (a stop\n"
            "missing or different, or a sentence about the machine false); 2 usage;\n"
            "89 bad MMSIM_* setting.\n");
}

int TourMain(int Argc, char **Argv)
{
    TOUR T;
    memset(&T, 0, sizeof(T));
    T.Out = stdout;
    T.Flags = SIM_DUMP_SYMBOLIC;
    const char *Html = NULL;
    const char *Profile = NULL;
    for (int i = 1; i < Argc; i++) {
        if (strcmp(Argv[i], "--help") == 0 || strcmp(Argv[i], "-h") == 0) {
            TourUsage(stdout);
            return TOOL_EXIT_OK;
        } else if (strcmp(Argv[i], "--step") == 0) {
            T.Pause = true;
        } else if (strcmp(Argv[i], "--raw") == 0) {
            T.Flags &= ~(ULONG)SIM_DUMP_SYMBOLIC;
        } else if (strcmp(Argv[i], "--profile") == 0 && i + 1 < Argc) {
            Profile = Argv[++i];
        } else if (strncmp(Argv[i], "--profile=", 10) == 0) {
            Profile = Argv[i] + 10;
        } else if (strcmp(Argv[i], "--html") == 0 && i + 1 < Argc) {
            Html = Argv[++i];
        } else if (strncmp(Argv[i], "--html=", 7) == 0) {
            Html = Argv[i] + 7;
        } else {
            fprintf(stderr, "mmsim tour: unknown or incomplete option '%s'\n", Argv[i]);
            TourUsage(stderr);
            return TOOL_EXIT_USAGE;
        }
    }
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    if (Profile != NULL) {
        if (strcmp(Profile, "modern") == 0) {
            Config.Profile = SimProfileModern;
        } else if (strcmp(Profile, "nt5") == 0) {
            Config.Profile = SimProfileNt5;
        } else {
            fprintf(stderr, "mmsim tour: --profile '%s': expected modern or nt5\n", Profile);
            return TOOL_EXIT_USAGE;
        }
    }
    Config.Quiet = TRUE;
    if (!NT_SUCCESS(SimInitialize(&Config))) {
        fprintf(stderr, "mmsim tour: cannot build the machine\n");
        return SIM_EXIT_CONFIG;
    }
    T.Nt5 = SimGetProfile() == SimProfileNt5;
    T.Total = (int)(sizeof(TourSteps) / sizeof(TourSteps[0]));
    FILE *HtmlFile = NULL;
    if (Html != NULL) {
        HtmlFile = fopen(Html, "w");
        if (HtmlFile == NULL) {
            fprintf(stderr, "mmsim tour: cannot write '%s': %s\n", Html, strerror(errno));
            return TOOL_EXIT_USAGE;
        }
        T.Html = true;
        T.Out = NULL;
        T.Pause = false;
    }
    if (T.Out != NULL) {
        fprintf(T.Out, "mmsim tour - the reserve/commit model of the Windows kernel, step by step\n"
                       "(profile %s; addresses are %s)\n",
                SimProfileName(SimGetProfile()),
                (T.Flags & SIM_DUMP_SYMBOLIC) ? "relative to the randomized base of system space"
                                              : "host addresses");
    }
    for (int i = 0; i < T.Total; i++) {
        Begin(&T, TourSteps[i].Title);
        TourSteps[i].Run(&T);
        End(&T);
    }
    int Status = T.Failures == 0 ? TOOL_EXIT_OK : TOOL_EXIT_FAILED;
    if (HtmlFile != NULL) {
        char Title[128];
        snprintf(Title, sizeof(Title), "mmsim tour (profile %s)", SimProfileName(SimGetProfile()));
        TOOL_BUF Json = {0};
        BufPrintf(&Json, "[%s]", BufText(&T.Steps));
        bool Ok = !Json.Failed && !T.Steps.Failed && HtmlWritePage(HtmlFile, Title, BufText(&Json));
        Ok = fclose(HtmlFile) == 0 && Ok;
        BufFree(&Json);
        if (!Ok) {
            fprintf(stderr, "mmsim tour: writing '%s' failed\n", Html);
            Status = TOOL_EXIT_USAGE;
        } else {
            printf("mmsim tour: wrote %s (%d steps)\n", Html, T.Total);
        }
    } else if (T.Out != NULL) {
        fprintf(T.Out, "\n%s\n", T.Failures == 0 ? "Tour complete."
                                                 : "!! The tour did not go as described.");
    }
    BufFree(&T.Steps);
    BufFree(&T.Segments);
    SimShutdown();
    return Status;
}
