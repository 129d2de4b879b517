/*
 * narrate.c - runs the narration statements of the scenario language
 * (narrate.h) for the runner (run.c), and in narrated mode (`mmsim tour`)
 * renders the script as the tour: steps, paragraphs, C code, results, dumps
 * as `kd>` commands, the stops, and after each step what changed in the
 * machine. Two sinks: text (the terminal) and the HTML page's steps as JSON
 * (html.c draws them with a PTE strip of the reservation in focus, the PFNs
 * involved and the MDLs the script holds).
 *
 * Every sentence about the machine is a `claim`, checked against its own
 * counters when it is said: a false one is marked "!!" and the tour exits 1.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>

#include "growable_region.h"
#include "narrate.h"
#include "tool.h"

#define NARRATE_MAX_MDLS 8
#define NARRATE_MAX_STOPS 16

typedef struct _NARRATOR {
    bool Active; /* narrated mode (NarrateOpen) */
    NARRATE_OPTIONS Options;
    int Index, Total, Failures;
    bool HeadingDone;
    /* Per script. */
    bool Skipping;       /* inside `when` for the other profile */
    int PendingWord;     /* NarrSay or NarrCode being collected, or -1 */
    TOOL_BUF Pending;    /* its lines */
    bool PendingAny;
    /* The step being recorded. */
    bool InStep;
    SIM_MEMORY_STATS Before;
    SIM_PROCESS_INFO ProcessBefore; /* tour17: the current process's counters */
    ULONG ReservationsBefore, MappingsBefore;
    KIRQL IrqlBefore;
    bool StoppedBefore;
    bool HaveStop;
    SIM_BUGCHECK Stop;
    SIM_BUGCHECK Stops[NARRATE_MAX_STOPS]; /* every stop shown, for claims */
    int StopCount;
    PUCHAR FocusVa;
    ULONG64 FocusPages;
    struct {
        const char *Name;
        PMDL Mdl;
    } Mdls[NARRATE_MAX_MDLS];
    TOOL_BUF Segments; /* JSON items of this step */
    TOOL_BUF Steps;    /* JSON items of all steps */
} NARRATOR;

static NARRATOR Nr = {.PendingWord = -1};

/* ---------------------------------------------------------------------- */
/* The sinks.                                                             */
/* ---------------------------------------------------------------------- */
static void Segment(const char *Kind, const char *Text)
{
    if (!Nr.Options.Html) {
        return;
    }
    if (Nr.Segments.Length > 0) {
        BufAppend(&Nr.Segments, ",", 1);
    }
    BufPrintf(&Nr.Segments, "{\"k\":\"%s\",\"t\":\"", Kind);
    BufJsonString(&Nr.Segments, Text);
    BufAppend(&Nr.Segments, "\"}", 2);
}

/* Narration on the page reads as paragraphs: the terminal's line breaks
 * inside a paragraph become spaces, a blank line starts a new paragraph, and
 * an indented block (the summary's table) stays as it is. */
static void SegmentNarration(const char *Text)
{
    TOOL_BUF Paragraph = {0};
    bool Table = false;
    const char *Line = Text;
    for (;;) {
        const char *End = strchr(Line, '\n');
        size_t n = End ? (size_t)(End - Line) : strlen(Line);
        bool Indented = n >= 2 && Line[0] == ' ' && Line[1] == ' ';
        if (Paragraph.Length > 0 && (n == 0 || Indented != Table)) {
            Segment(Table ? "table" : "say", BufText(&Paragraph));
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
        Segment(Table ? "table" : "say", BufText(&Paragraph));
    }
    BufFree(&Paragraph);
}

/* Every line of Text with Prefix on the terminal. */
static void Lines(const char *Prefix, const char *Text)
{
    const char *Line = Text;
    while (Nr.Options.Text != NULL && *Line) {
        const char *End = strchr(Line, '\n');
        size_t n = End ? (size_t)(End - Line) : strlen(Line);
        fprintf(Nr.Options.Text, "%s%.*s\n", Prefix, (int)n, Line);
        Line += n + (End ? 1 : 0);
    }
}

/* Text to both sinks. */
static void Emit(const char *Kind, const char *Prefix, const char *Text)
{
    Lines(Prefix, Text);
    if (strcmp(Kind, "say") == 0) {
        SegmentNarration(Text);
    } else {
        Segment(Kind, Text);
    }
}

static void Say(const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 1, 2)));
static void Say(const char *Format, ...)
{
    char Text[2048];
    va_list Args;
    va_start(Args, Format);
    vsnprintf(Text, sizeof(Text), Format, Args);
    va_end(Args);
    Emit("say", "", Text);
}

/* Consecutive says (and codes) are one paragraph (one listing). */
static void Flush(void)
{
    if (Nr.PendingWord >= 0 && Nr.PendingAny) {
        if (Nr.PendingWord == NarrSay) {
            Emit("say", "", BufText(&Nr.Pending));
        } else {
            Emit("code", "    ", BufText(&Nr.Pending));
        }
    }
    BufFree(&Nr.Pending);
    Nr.PendingWord = -1;
    Nr.PendingAny = false;
}

static const char *Addr(const void *Va, char *Buffer, size_t Size)
{
    /* tour17: user addresses relative to the user range ("user+0x10000"). */
    if (!SimFormatUserAddress((ULONG_PTR)Va, (ULONG)Nr.Options.Flags, Buffer, Size)) {
        SimFormatAddress((ULONG_PTR)Va, (ULONG)Nr.Options.Flags, Buffer, Size);
    }
    return Buffer;
}

/* The stop line with symbolic parameters (or raw, with --raw). */
static void StopLine(const SIM_BUGCHECK *Stop, char *Line, size_t Size)
{
    if (!(Nr.Options.Flags & SIM_DUMP_SYMBOLIC)) {
        SimFormatStopLine(Stop, Line, Size);
        return;
    }
    int n = snprintf(Line, Size, "*** STOP: 0x%08X (", (unsigned)Stop->Code);
    for (ULONG i = 0; i < 4 && n > 0 && (size_t)n < Size; i++) {
        char P[200];
        SimFormatStopParameter(Stop, i, (ULONG)Nr.Options.Flags, P, sizeof(P));
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

/* ---------------------------------------------------------------------- */
/* Steps: begin, end, what changed, the picture.                          */
/* ---------------------------------------------------------------------- */
static void Baseline(void)
{
    SimQueryMemory(&Nr.Before);
    Nr.ReservationsBefore = SimEnumReservations(NULL, 0);
    Nr.MappingsBefore = SimQueryMdlMappings(NULL);
    Nr.IrqlBefore = KeGetCurrentIrql();
    Nr.StoppedBefore = SimIsStopped(NULL);
    if (!SimQueryProcess(SimCurrentProcess(), &Nr.ProcessBefore)) {
        memset(&Nr.ProcessBefore, 0, sizeof(Nr.ProcessBefore));
    }
}

/* tour17: a user address: its VAD (what ZwQueryVirtualMemory calls the
 * allocation), a page either side, at most NARRATE_USER_STRIP pages. */
#define NARRATE_USER_STRIP 64
static bool FocusUser(PVOID Va)
{
    if (SimUserPageMapChar(Va) == ' ') {
        return false;
    }
    MEMORY_BASIC_INFORMATION Info;
    PUCHAR First = (PUCHAR)PAGE_ALIGN(Va);
    if (KeGetCurrentIrql() == PASSIVE_LEVEL && !SimIsStopped(NULL) &&
        NT_SUCCESS(ZwQueryVirtualMemory(NtCurrentProcess(), Va, MemoryBasicInformation, &Info,
                                        sizeof(Info), NULL)) &&
        Info.State != MEM_FREE) {
        First = (PUCHAR)Info.AllocationBase;
    }
    Nr.FocusVa = SimUserPageMapChar(First - PAGE_SIZE) != ' ' ? First - PAGE_SIZE : First;
    Nr.FocusPages = NARRATE_USER_STRIP;
    return true;
}

static void Focus(PVOID Va)
{
    SIM_RESERVATION_INFO Info;
    if (FocusUser(Va)) {
        return;
    }
    if (SimQueryReservation(Va, &Info)) {
        /* The reservation, its nt5 header PTEs, and a page either side. */
        Nr.FocusVa = (PUCHAR)Info.Base - ((SIZE_T)Info.HeaderPtes + 1) * PAGE_SIZE;
        Nr.FocusPages = Info.Pages + Info.HeaderPtes + 2;
    } else {
        Nr.FocusVa = (PUCHAR)PAGE_ALIGN(Va) - PAGE_SIZE;
        Nr.FocusPages = 3;
    }
}

static void Change(TOOL_BUF *Line, TOOL_BUF *Json, const char *What, long long Old, long long New)
{
    if (Old == New) {
        return;
    }
    char Text[160];
    snprintf(Text, sizeof(Text), "%s %lld -> %lld (%+lld)", What, Old, New, New - Old);
    BufPrintf(Line, "%s%s", Line->Length ? ", " : "", Text);
    if (Nr.Options.Html) {
        BufPrintf(Json, "%s\"", Json->Length ? "," : "");
        BufJsonString(Json, Text);
        BufAppend(Json, "\"", 1);
    }
}

/* The picture of the machine at the end of a step, as JSON (html.c draws it). */
static void Picture(void)
{
    TOOL_BUF *J = &Nr.Steps;
    char A[64];
    BufAppend(J, ",\"strip\":", 9);
    bool User = Nr.FocusVa != NULL && SimUserPageMapChar(Nr.FocusVa) != ' ';
    if (User) {
        /* tour17: the user strip; each cell's protection in "prot". */
        BufPrintf(J, "{\"user\":true,\"start\":\"%s\",\"cells\":\"", Addr(Nr.FocusVa, A, sizeof(A)));
        for (ULONG64 p = 0; p < Nr.FocusPages; p++) {
            char c = SimUserPageMapChar(Nr.FocusVa + p * PAGE_SIZE);
            BufAppend(J, &c, 1);
        }
        BufAppend(J, "\",\"pfns\":[", 10);
        for (ULONG64 p = 0; p < Nr.FocusPages; p++) {
            ULONG64 Pte = 0;
            SimQueryUserPte(Nr.FocusVa + p * PAGE_SIZE, &Pte);
            if (Pte & SIM_PTE_VALID) {
                BufPrintf(J, "%s\"%llx\"", p ? "," : "", (unsigned long long)SIM_PTE_PFN(Pte));
            } else {
                BufPrintf(J, "%s\"\"", p ? "," : "");
            }
        }
        BufAppend(J, "],\"prot\":[", 10);
        for (ULONG64 p = 0; p < Nr.FocusPages; p++) {
            char Name[96];
            SimFormatProtection(SimUserPageProtect(Nr.FocusVa + p * PAGE_SIZE), Name, sizeof(Name));
            BufPrintf(J, "%s\"%s\"", p ? "," : "", Name);
        }
        BufAppend(J, "]}", 2);
    } else if (Nr.FocusVa != NULL && Nr.FocusPages > 0) {
        ULONG64 Pages = Nr.FocusPages > 256 ? 256 : Nr.FocusPages;
        BufPrintf(J, "{\"start\":\"%s\",\"cells\":\"", Addr(Nr.FocusVa, A, sizeof(A)));
        for (ULONG64 p = 0; p < Pages; p++) {
            char c = SimPageMapChar(Nr.FocusVa + p * PAGE_SIZE);
            BufAppend(J, &c, 1);
        }
        BufAppend(J, "\",\"pfns\":[", 10);
        for (ULONG64 p = 0; p < Pages; p++) {
            ULONG64 Pte = 0;
            SimQueryPte(Nr.FocusVa + p * PAGE_SIZE, &Pte, NULL);
            if ((Pte & SIM_PTE_VALID) && SimPageMapChar(Nr.FocusVa + p * PAGE_SIZE) != 'H') {
                BufPrintf(J, "%s\"%llx\"", p ? "," : "", (unsigned long long)SIM_PTE_PFN(Pte));
            } else {
                BufPrintf(J, "%s\"\"", p ? "," : "");
            }
        }
        BufAppend(J, "]}", 2);
    } else {
        BufAppend(J, "null", 4);
    }
    BufAppend(J, ",\"mdls\":[", 9);
    bool First = true;
    for (int i = 0; i < NARRATE_MAX_MDLS; i++) {
        PMDL Mdl = Nr.Mdls[i].Mdl;
        if (Mdl == NULL) {
            continue;
        }
        char Flags[400];
        SimFormatMdlFlags((USHORT)Mdl->MdlFlags, Flags, sizeof(Flags));
        BufPrintf(J, "%s{\"name\":\"", First ? "" : ",");
        BufJsonString(J, Nr.Mdls[i].Name);
        BufPrintf(J, "\",\"addr\":\"%s\",\"flags\":\"%s\",\"bytes\":\"0x%x\",",
                  Addr(Mdl, A, sizeof(A)), Flags, (unsigned)Mdl->ByteCount);
        BufPrintf(J, "\"mapped\":\"%s\",\"pfns\":[",
                  Mdl->MappedSystemVa && (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)
                      ? Addr(Mdl->MappedSystemVa, A, sizeof(A))
                      : "");
        ULONG Span = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
        PPFN_NUMBER Pfns = MmGetMdlPfnArray(Mdl);
        for (ULONG k = 0; k < Span && k < 64; k++) {
            SIM_PFN_INFO Info;
            bool Known = SimQueryPfn(Pfns[k], &Info);
            BufPrintf(J, "%s{\"pfn\":\"%llx\",\"state\":\"%s\",\"share\":%u}", k ? "," : "",
                      (unsigned long long)Pfns[k], Known ? SimPageStateName(Info.State) : "?",
                      Known ? Info.MapCount : 0);
        }
        BufAppend(J, "]}", 2);
        First = false;
    }
    BufAppend(J, "]", 1);
    BufAppend(J, ",\"stop\":", 8);
    if (Nr.HaveStop) {
        char Line[400];
        StopLine(&Nr.Stop, Line, sizeof(Line));
        BufAppend(J, "{\"line\":\"", 9);
        BufJsonString(J, Line);
        BufAppend(J, "\",\"name\":\"", 10);
        BufJsonString(J, SimBugCheckName(Nr.Stop.Code));
        BufAppend(J, "\",\"meaning\":\"", 13);
        BufJsonString(J, SimBugCheckMeaning(Nr.Stop.Code, Nr.Stop.Parameters[0]));
        BufAppend(J, "\"}", 2);
    } else {
        BufAppend(J, "null", 4);
    }
}

static void EndStep(void)
{
    if (!Nr.InStep) {
        return;
    }
    Nr.InStep = false;
    SIM_MEMORY_STATS After;
    SimQueryMemory(&After);
    const SIM_MEMORY_STATS *B = &Nr.Before;
    TOOL_BUF Line = {0}, Json = {0};
    Change(&Line, &Json, "free pages", (long long)B->FreePages, (long long)After.FreePages);
    Change(&Line, &Json, "MDL pages", (long long)B->MdlPages, (long long)After.MdlPages);
    Change(&Line, &Json, "non-paged pool pages", (long long)B->NonPagedPoolPages,
           (long long)After.NonPagedPoolPages);
    Change(&Line, &Json, "paged pool pages", (long long)B->PagedPoolPages,
           (long long)After.PagedPoolPages);
    Change(&Line, &Json, "pool blocks", (long long)B->PoolBlocks, (long long)After.PoolBlocks);
    Change(&Line, &Json, "system PTEs in use", (long long)(B->SystemPtes - B->SystemPtesFree),
           (long long)(After.SystemPtes - After.SystemPtesFree));
    Change(&Line, &Json, "valid PTEs", (long long)B->ValidPtes, (long long)After.ValidPtes);
    Change(&Line, &Json, "host mappings", (long long)B->HostMappings, (long long)After.HostMappings);
    Change(&Line, &Json, "reservations", (long long)Nr.ReservationsBefore,
           (long long)SimEnumReservations(NULL, 0));
    Change(&Line, &Json, "MDL mappings", (long long)Nr.MappingsBefore,
           (long long)SimQueryMdlMappings(NULL));
    Change(&Line, &Json, "IRQL", (long long)Nr.IrqlBefore, (long long)KeGetCurrentIrql());
    /* tour17: the current process's user space. */
    SIM_PROCESS_INFO Process;
    if (SimQueryProcess(SimCurrentProcess(), &Process)) {
        const SIM_PROCESS_INFO *P = &Nr.ProcessBefore;
        Change(&Line, &Json, "VADs", (long long)P->VadCount, (long long)Process.VadCount);
        Change(&Line, &Json, "commit charge (pages)", (long long)(P->CommitCharge / PAGE_SIZE),
               (long long)(Process.CommitCharge / PAGE_SIZE));
        Change(&Line, &Json, "resident user pages", (long long)P->ResidentPages,
               (long long)Process.ResidentPages);
        Change(&Line, &Json, "demand-zero faults", (long long)P->DemandZeroFaults,
               (long long)Process.DemandZeroFaults);
    }
    bool Stopped = SimIsStopped(NULL);
    if (Stopped != Nr.StoppedBefore) {
        const char *Text = Stopped ? "machine running -> STOPPED" : "machine stopped -> running";
        BufPrintf(&Line, "%s%s", Line.Length ? ", " : "", Text);
        if (Nr.Options.Html) {
            BufPrintf(&Json, "%s\"%s\"", Json.Length ? "," : "", Text);
        }
    }
    if (Nr.Options.Text != NULL) {
        fprintf(Nr.Options.Text, "\n  changed: %s\n", Line.Length ? BufText(&Line) : "nothing");
    }
    if (Nr.Options.Html) {
        BufPrintf(&Nr.Steps, ",\"index\":%d,\"segments\":[%s],\"changes\":[%s]", Nr.Index,
                  BufText(&Nr.Segments), BufText(&Json));
        Picture();
        BufAppend(&Nr.Steps, "}", 1);
    }
    BufFree(&Line);
    BufFree(&Json);
    if (Nr.Options.Pause && Nr.Options.Text != NULL && Nr.Index < Nr.Total) {
        fprintf(Nr.Options.Text, "\n-- Enter: next step, q: quit --");
        fflush(Nr.Options.Text);
        char Answer[64];
        if (fgets(Answer, sizeof(Answer), stdin) == NULL) {
            Nr.Options.Pause = false; /* no more input: run on */
        } else if (Answer[0] == 'q') {
            SimShutdown(); /* the machine goes with the program: no unload check */
            exit(TOOL_EXIT_OK);
        }
    }
}

static void BeginStep(const char *Title)
{
    EndStep();
    Nr.Index++;
    Nr.InStep = true;
    Nr.HaveStop = false;
    BufFree(&Nr.Segments);
    Baseline();
    if (Nr.Options.Text != NULL) {
        fprintf(Nr.Options.Text, "\n== Step %d of %d: %s ==\n\n", Nr.Index, Nr.Total, Title);
    }
    if (Nr.Options.Html) {
        if (Nr.Steps.Length > 0) {
            BufAppend(&Nr.Steps, ",\n", 2);
        }
        BufAppend(&Nr.Steps, "{\"title\":\"", 10);
        BufJsonString(&Nr.Steps, Title);
        BufAppend(&Nr.Steps, "\"", 1);
    }
}

/* ---------------------------------------------------------------------- */
/* MDLs the script holds (the page's picture lists them by name).         */
/* ---------------------------------------------------------------------- */
static void Track(const char *Name, PMDL Mdl)
{
    for (int i = 0; i < NARRATE_MAX_MDLS; i++) {
        if (Nr.Mdls[i].Mdl == NULL) {
            Nr.Mdls[i].Name = Name;
            Nr.Mdls[i].Mdl = Mdl;
            return;
        }
    }
}

static void Untrack(uint64_t Mdl)
{
    for (int i = 0; i < NARRATE_MAX_MDLS; i++) {
        if ((uint64_t)(uintptr_t)Nr.Mdls[i].Mdl == Mdl) {
            Nr.Mdls[i].Mdl = NULL;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Formats: %d %x %a %K %M %{a|b} %%.                                     */
/* ---------------------------------------------------------------------- */
static bool Format(const char *Fmt, const uint64_t *Args, int Count, TOOL_BUF *Out,
                   char *Error, size_t ErrorSize)
{
    int Used = 0;
    for (const char *p = Fmt; *p; p++) {
        if (*p != '%') {
            BufAppend(Out, p, 1);
            continue;
        }
        char c = *++p;
        if (c == '%') {
            BufAppend(Out, "%", 1);
            continue;
        }
        if (c != 'd' && c != 'x' && c != 'a' && c != 'K' && c != 'M' && c != '{') {
            snprintf(Error, ErrorSize, "unknown format '%%%c' (%%d %%x %%a %%K %%M %%{a|b} %%%%)",
                     c ? c : ' ');
            return false;
        }
        if (Used >= Count) {
            snprintf(Error, ErrorSize, "the text has more formats than values (%d)", Count);
            return false;
        }
        uint64_t V = Args[Used++];
        char A[64];
        switch (c) {
        case 'd': BufPrintf(Out, "%llu", (unsigned long long)V); break;
        case 'x': BufPrintf(Out, "%llx", (unsigned long long)V); break;
        case 'a': BufPrintf(Out, "%s", Addr((const void *)(uintptr_t)V, A, sizeof(A))); break;
        case 'K': BufPrintf(Out, "%llu", (unsigned long long)(V / 1024)); break;
        case 'M': BufPrintf(Out, "%llu", (unsigned long long)(V >> 20)); break;
        default: { /* %{a|b|c}: the V-th alternative */
            const char *End = strchr(p, '}');
            if (End == NULL) {
                snprintf(Error, ErrorSize, "'%%{' without a closing '}'");
                return false;
            }
            const char *Alt = p + 1;
            for (uint64_t k = 0; k < V && Alt < End; k++) {
                const char *Bar = memchr(Alt, '|', (size_t)(End - Alt));
                Alt = Bar != NULL ? Bar + 1 : End;
            }
            const char *Bar = Alt < End ? memchr(Alt, '|', (size_t)(End - Alt)) : NULL;
            BufAppend(Out, Alt, (size_t)((Bar != NULL ? Bar : End) - Alt));
            p = End;
            break;
        }
        }
    }
    if (Used != Count) {
        snprintf(Error, ErrorSize, "the text has fewer formats (%d) than values (%d)", Used, Count);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* combine ALL, MDL, ...                                                  */
/* ---------------------------------------------------------------------- */
/* ALL (from IoAllocateMdl, nothing in it yet) is made to describe the pages
 * of the other MDLs, in order, as a driver does by copying their PFN arrays
 * and setting MDL_PAGES_LOCKED. NULL, or what is wrong. */
static const char *Combine(const uint64_t *Args, int Count)
{
    PMDL All = (PMDL)(uintptr_t)Args[0];
    if (All->MdlFlags & (MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL)) {
        return "combine: the first MDL must be empty (fresh from IoAllocateMdl)";
    }
    ULONG Room = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(All), All->ByteCount);
    ULONG Used = 0;
    for (int i = 1; i < Count; i++) {
        PMDL Part = (PMDL)(uintptr_t)Args[i];
        ULONG Pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Part), Part->ByteCount);
        if (!(Part->MdlFlags & MDL_PAGES_LOCKED)) {
            return "combine: each MDL after the first must describe locked pages";
        }
        if (Pages > Room - Used) {
            return "combine: the first MDL is too small for the pages of the others";
        }
        Used += Pages;
    }
    Used = 0;
    for (int i = 1; i < Count; i++) {
        PMDL Part = (PMDL)(uintptr_t)Args[i];
        ULONG Pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Part), Part->ByteCount);
        memcpy(MmGetMdlPfnArray(All) + Used, MmGetMdlPfnArray(Part), Pages * sizeof(PFN_NUMBER));
        Used += Pages;
    }
    All->MdlFlags |= MDL_PAGES_LOCKED;
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Queries (narrate_lang.c names them, in this order).                    */
/* ---------------------------------------------------------------------- */
enum {
    QPhysicalPages, QFreePages, QMdlPages, QNonPagedPoolPages, QPagedPoolPages, QPoolBlocks,
    QSystemPtes, QSystemPtesUsed, QReservations, QStepFreePages, QStepMdlPages,
    QStepNonPagedPoolPages, QStepSystemPtesUsed, QStopped, QNt5,
    QPte, QPtePfn, QPteValid, QPteTransition, QPtesEmpty, QPtesMap, QHostMappingsIn, QByte,
    QFilled, QSum,
    QReservationBase, QReservationPages, QReservationMapped, QReservationHeaders,
    QReservationFlags, QNt5HeaderSize, QNt5HeaderTag,
    QPoolTagAt, QPoolPagedAt, QNonPagedBytes,
    QMdlFlags, QMdlBytes, QMdlMappedVa, QMdlPfn, QMdlPagesFree, QMdlPagesUnmapped,
    QGrCommitted, QGrMaximum, QGrChunks, QGrGrowths, QGrDeferred, QGrBookkeeping, QGrStrategy,
    QStopParam, QShownStops, QShownStop,
    QVads, QCommitCharge, QResidentPages, QDemandZeroFaults, QStepDemandZeroFaults,
    QUserState, QUserProtect, QUserRegion, QUserPte, QUserValid, QUserDemandZero, QUserPfn,
    QCount
};

static ULONG64 PteAt(uint64_t Va)
{
    ULONG64 Pte = 0;
    SimQueryPte((PVOID)(uintptr_t)Va, &Pte, NULL);
    return Pte;
}

/* The live pool block starting at Va (a handle a query may look into: an
 * MDL or a region freed since is not one, so a query never reads freed
 * memory). */
static bool PoolBlock(uint64_t Va, SIM_POOL_BLOCK_INFO *Found)
{
    ULONG Count = SimEnumPoolBlocks(NULL, 0);
    SIM_POOL_BLOCK_INFO *Blocks = Count ? (SIM_POOL_BLOCK_INFO *)calloc(Count, sizeof(*Blocks)) : NULL;
    bool Hit = false;
    if (Blocks != NULL) {
        ULONG Got = SimEnumPoolBlocks(Blocks, Count);
        for (ULONG i = 0; i < Got && i < Count && !Hit; i++) {
            if ((uint64_t)(uintptr_t)Blocks[i].Va == Va) {
                *Found = Blocks[i];
                Hit = true;
            }
        }
    }
    free(Blocks);
    return Hit;
}

static PMDL LiveMdl(uint64_t Va)
{
    SIM_POOL_BLOCK_INFO Block;
    return PoolBlock(Va, &Block) && Block.Size >= sizeof(MDL) ? (PMDL)(uintptr_t)Va : NULL;
}

static ULONG MdlPages(PMDL Mdl)
{
    return ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
}

/* Bytes from Va on valid pages: calls Visit for each, FALSE if a page is
 * not valid (nothing on it is read). */
static bool Bytes(uint64_t Va, uint64_t Count, uint64_t *Sum, int Value, bool *AllValue)
{
    if (Count > (16u << 20)) {
        return false;
    }
    *Sum = 0;
    *AllValue = true;
    for (uint64_t i = 0; i < Count; i++) {
        if (i == 0 || ((Va + i) & (PAGE_SIZE - 1)) == 0) {
            if (!(PteAt(Va + i) & SIM_PTE_VALID) || SimPageMapChar((PVOID)(uintptr_t)(Va + i)) == 'H') {
                return false;
            }
        }
        UCHAR b = *(volatile UCHAR *)(uintptr_t)(Va + i);
        *Sum += b;
        *AllValue = *AllValue && b == (UCHAR)Value;
    }
    return true;
}

static uint64_t GrStat(int Query, uint64_t Region)
{
    SIM_POOL_BLOCK_INFO Block;
    if (!PoolBlock(Region, &Block)) {
        return 0;
    }
    GR_STATISTICS S;
    GrQueryStatistics((PGROWABLE_REGION)(uintptr_t)Region, &S);
    switch (Query) {
    case QGrCommitted: return S.CommittedSize;
    case QGrMaximum: return S.MaximumSize;
    case QGrChunks: return S.ChunkCount;
    case QGrGrowths: return S.Growths;
    case QGrDeferred: return S.DeferredGrowths;
    case QGrBookkeeping: return S.BookkeepingBytes;
    default: return (uint64_t)S.Strategy;
    }
}

static uint64_t ReservationQuery(int Query, uint64_t Va)
{
    SIM_RESERVATION_INFO Info;
    if (!SimQueryReservation((PVOID)(uintptr_t)Va, &Info)) {
        return 0;
    }
    switch (Query) {
    case QReservationBase: return (uintptr_t)Info.Base;
    case QReservationPages: return Info.Pages;
    case QReservationMapped: return Info.MappedPages;
    case QReservationHeaders: return Info.HeaderPtes;
    default: return Info.Flags;
    }
}

/* What the nt5 header PTEs below Base encode (docs/reserved-mappings.md). */
static uint64_t Nt5Header(bool Tag, uint64_t Base)
{
    SIM_NT5_HEADER_FORMAT Format = SimGetNt5HeaderFormat();
    unsigned Shift = Format == SimNt5HeaderServer2003 ? 1 : Format == SimNt5HeaderVista ? 32 : 28;
    if (!Tag) {
        return PteAt(Base - 2 * PAGE_SIZE) >> Shift;
    }
    ULONG64 Pte = PteAt(Base - PAGE_SIZE);
    return Format == SimNt5HeaderServer2003 ? Pte : (Pte >> Shift) - 1;
}

static uint64_t MemoryQuery(int Query)
{
    SIM_MEMORY_STATS S;
    SimQueryMemory(&S);
    const SIM_MEMORY_STATS *B = &Nr.Before;
    switch (Query) {
    case QPhysicalPages: return S.PhysicalPages;
    case QFreePages: return S.FreePages;
    case QMdlPages: return S.MdlPages;
    case QNonPagedPoolPages: return S.NonPagedPoolPages;
    case QPagedPoolPages: return S.PagedPoolPages;
    case QPoolBlocks: return S.PoolBlocks;
    case QSystemPtes: return S.SystemPtes;
    case QSystemPtesUsed: return S.SystemPtes - S.SystemPtesFree;
    case QReservations: return SimEnumReservations(NULL, 0);
    case QStepFreePages: return B->FreePages;
    case QStepMdlPages: return B->MdlPages;
    case QStepNonPagedPoolPages: return B->NonPagedPoolPages;
    default: return B->SystemPtes - B->SystemPtesFree;
    }
}

static uint64_t MdlQuery(int Query, const uint64_t *A)
{
    PMDL Mdl = LiveMdl(A[0]);
    if (Mdl == NULL) {
        return 0;
    }
    ULONG Pages = MdlPages(Mdl);
    switch (Query) {
    case QMdlFlags: return (USHORT)Mdl->MdlFlags;
    case QMdlBytes: return Mdl->ByteCount;
    case QMdlMappedVa: return (uintptr_t)Mdl->MappedSystemVa;
    case QMdlPfn: return A[1] < Pages ? MmGetMdlPfnArray(Mdl)[A[1]] : 0;
    default: break;
    }
    for (ULONG i = 0; i < Pages; i++) {
        SIM_PFN_INFO Info;
        if (!SimQueryPfn(MmGetMdlPfnArray(Mdl)[i], &Info)) {
            return 0;
        }
        bool Ok = Query == QMdlPagesFree
                      ? Info.State == SimPageFree || Info.State == SimPageZeroed
                      : Info.State == SimPageMdl && Info.MapCount == 0;
        if (!Ok) {
            return 0;
        }
    }
    return 1;
}

static uint64_t PteQuery(int Query, const uint64_t *A)
{
    switch (Query) {
    case QPte: return PteAt(A[0]);
    case QPtePfn: return SIM_PTE_PFN(PteAt(A[0]));
    case QPteValid: return (PteAt(A[0]) & SIM_PTE_VALID) != 0;
    case QPteTransition: return !(PteAt(A[0]) & SIM_PTE_VALID) && (PteAt(A[0]) & SIM_PTE_TRANSITION);
    case QPtesEmpty:
        for (uint64_t i = 0; i < A[1] && i < (1u << 20); i++) {
            if (PteAt(A[0] + i * PAGE_SIZE) != 0) {
                return 0;
            }
        }
        return 1;
    default: { /* ptes_map(Va, Mdl, First, Count) */
        PMDL Mdl = LiveMdl(A[1]);
        if (Mdl == NULL || A[2] > MdlPages(Mdl) || A[3] > MdlPages(Mdl) - A[2]) {
            return 0;
        }
        for (uint64_t i = 0; i < A[3]; i++) {
            ULONG64 Pte = PteAt(A[0] + i * PAGE_SIZE);
            if (!(Pte & SIM_PTE_VALID) || SIM_PTE_PFN(Pte) != MmGetMdlPfnArray(Mdl)[A[2] + i]) {
                return 0;
            }
        }
        return 1;
    }
    }
}

static uint64_t PoolQuery(int Query, uint64_t Value)
{
    if (Query == QNonPagedBytes) {
        ULONG Count = SimQueryPoolUsage(NULL, 0);
        SIM_POOL_TAG_USAGE *Usage = Count ? (SIM_POOL_TAG_USAGE *)calloc(Count, sizeof(*Usage)) : NULL;
        uint64_t Bytes = 0;
        if (Usage != NULL) {
            ULONG Got = SimQueryPoolUsage(Usage, Count);
            for (ULONG i = 0; i < Got && i < Count; i++) {
                if (Usage[i].Tag == (ULONG)Value && !Usage[i].Paged) {
                    Bytes += Usage[i].Bytes;
                }
            }
        }
        free(Usage);
        return Bytes;
    }
    SIM_POOL_BLOCK_INFO Block;
    if (!PoolBlock(Value, &Block)) {
        return 0;
    }
    return Query == QPoolTagAt ? Block.Tag : (uint64_t)(Block.Paged != 0);
}

static uint64_t StopQuery(int Query, const uint64_t *A)
{
    const SIM_BUGCHECK *Stop = NULL;
    SIM_BUGCHECK Now;
    if (Query == QShownStops) {
        return (uint64_t)Nr.StopCount;
    }
    if (Query == QShownStop) {
        Stop = A[0] < (uint64_t)Nr.StopCount ? &Nr.Stops[A[0]] : NULL;
        A++;
    } else if (SimIsStopped(&Now)) {
        Stop = &Now;
    }
    if (Stop == NULL || A[0] > 4) {
        return 0;
    }
    return A[0] == 0 ? Stop->Code : Stop->Parameters[A[0] - 1];
}

/* tour17: the current process's user space. */
static uint64_t UserQuery(int Query, const uint64_t *A)
{
    SIM_PROCESS_INFO Info;
    if (Query <= QStepDemandZeroFaults) {
        if (Query == QStepDemandZeroFaults) {
            return Nr.ProcessBefore.DemandZeroFaults;
        }
        if (!SimQueryProcess(SimCurrentProcess(), &Info)) {
            return 0;
        }
        return Query == QVads            ? Info.VadCount
               : Query == QCommitCharge  ? Info.CommitCharge
               : Query == QResidentPages ? Info.ResidentPages
                                         : Info.DemandZeroFaults;
    }
    PVOID Va = (PVOID)(uintptr_t)A[0];
    char Mark = SimUserPageMapChar(Va);
    ULONG64 Pte = 0;
    SimQueryUserPte(Va, &Pte);
    switch (Query) {
    case QUserState:
        return Mark == ' ' ? 0 : Mark == '-' ? MEM_FREE : Mark == '.' ? MEM_RESERVE : MEM_COMMIT;
    case QUserProtect: return SimUserPageProtect(Va);
    case QUserRegion: {
        MEMORY_BASIC_INFORMATION Region;
        /* The routine itself, where a driver may call it. */
        if (Mark == ' ' || KeGetCurrentIrql() != PASSIVE_LEVEL || SimIsStopped(NULL) ||
            !NT_SUCCESS(ZwQueryVirtualMemory(NtCurrentProcess(), Va, MemoryBasicInformation,
                                             &Region, sizeof(Region), NULL))) {
            return 0;
        }
        return Region.RegionSize;
    }
    case QUserPte: return Pte;
    case QUserValid: return (Pte & SIM_PTE_VALID) != 0;
    case QUserDemandZero: return Mark == 'd' || Mark == 'n' || Mark == 'g';
    default: return (Pte & SIM_PTE_VALID) ? SIM_PTE_PFN(Pte) : 0;
    }
}

uint64_t NarrateQuery(int Query, const uint64_t *A, int Count)
{
    (void)Count; /* the parser checked it */
    if (Query <= QStepSystemPtesUsed) {
        return MemoryQuery(Query);
    }
    switch (Query) {
    case QStopped: return SimIsStopped(NULL) != 0;
    case QNt5: return SimGetProfile() == SimProfileNt5;
    case QHostMappingsIn: return SimCountHostMappings((PVOID)(uintptr_t)A[0], (SIZE_T)A[1]);
    case QByte:
    case QFilled:
    case QSum: {
        uint64_t Sum = 0;
        bool Same = false;
        bool Read = Bytes(A[0], Query == QByte ? 1 : A[1], &Sum, Query == QFilled ? (int)A[2] : 0, &Same);
        return !Read ? 0 : Query == QFilled ? Same : Sum;
    }
    case QNt5HeaderSize:
    case QNt5HeaderTag: return Nt5Header(Query == QNt5HeaderTag, A[0]);
    case QPoolTagAt:
    case QPoolPagedAt:
    case QNonPagedBytes: return PoolQuery(Query, A[0]);
    case QStopParam:
    case QShownStops:
    case QShownStop: return StopQuery(Query, A);
    default: break;
    }
    if (Query >= QPte && Query <= QPtesMap) {
        return PteQuery(Query, A);
    }
    if (Query >= QReservationBase && Query <= QReservationFlags) {
        return ReservationQuery(Query, A[0]);
    }
    if (Query >= QMdlFlags && Query <= QMdlPagesUnmapped) {
        return MdlQuery(Query, A);
    }
    if (Query >= QGrCommitted && Query <= QGrStrategy) {
        return GrStat(Query, A[0]);
    }
    if (Query >= QVads && Query <= QUserPfn) {
        return UserQuery(Query, A);
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* The runner's hooks.                                                    */
/* ---------------------------------------------------------------------- */
void NarrateOpen(const NARRATE_OPTIONS *Options)
{
    BufFree(&Nr.Steps);
    BufFree(&Nr.Segments);
    BufFree(&Nr.Pending);
    memset(&Nr, 0, sizeof(Nr));
    Nr.PendingWord = -1;
    Nr.Options = *Options;
    Nr.Active = true;
}

int NarrateClose(void)
{
    int Failures = Nr.Failures;
    BufFree(&Nr.Steps);
    BufFree(&Nr.Segments);
    BufFree(&Nr.Pending);
    memset(&Nr, 0, sizeof(Nr));
    Nr.PendingWord = -1;
    return Failures;
}

int NarrateSteps(void)
{
    return Nr.Index;
}

bool NarrateWriteHtml(FILE *File, const char *Title)
{
    TOOL_BUF Json = {0};
    BufPrintf(&Json, "[%s]", BufText(&Nr.Steps));
    bool Ok = !Json.Failed && !Nr.Steps.Failed && HtmlWritePage(File, Title, BufText(&Json));
    BufFree(&Json);
    return Ok;
}

bool NarrateBefore(const SCRIPT *Script, const SCRIPT_STMT *St)
{
    if (St == &Script->Statements[0]) {
        /* The names (narrate_lang.c) and the switch here must agree. */
        if (NarrateQueryCount != QCount) {
            fprintf(stderr, "mmsim: narrate_lang.c names %d queries, narrate.c runs %d\n",
                    NarrateQueryCount, (int)QCount);
            abort();
        }
        /* A new script: nothing of the last one's state carries over. */
        Nr.Skipping = false;
        Nr.StopCount = 0;
        Nr.FocusVa = NULL;
        memset(Nr.Mdls, 0, sizeof(Nr.Mdls));
        Nr.Total = 0;
        for (int i = 0; i < Script->StatementCount; i++) {
            const SCRIPT_STMT *S = &Script->Statements[i];
            Nr.Total += S->Kind == StmtNarrate && S->Sub == NarrStep;
        }
        Baseline();
        if (Nr.Active && !Nr.HeadingDone && Nr.Options.Text != NULL && Nr.Options.Heading != NULL) {
            fprintf(Nr.Options.Text, "%s\n(profile %s; addresses are %s)\n", Nr.Options.Heading,
                    SimProfileName(SimGetProfile()),
                    (Nr.Options.Flags & SIM_DUMP_SYMBOLIC)
                        ? "relative to the randomized base of system space, user+ to the "
                          "user range"
                        : "host addresses");
        }
        Nr.HeadingDone = true;
    }
    bool Narration = St->Kind == StmtNarrate;
    if (Narration && St->Sub == NarrWhen) {
        Nr.Skipping = (St->Option == 1) != (SimGetProfile() == SimProfileNt5);
        return false;
    }
    if (Narration && St->Sub == NarrEnd) {
        Nr.Skipping = false;
        return false;
    }
    if (Nr.Skipping) {
        return false;
    }
    if (Nr.Active && !(Narration && St->Sub == Nr.PendingWord)) {
        Flush();
    }
    return true;
}

/* The argument's value if it is a name (MDLs are always names). */
static bool NameValue(const SCRIPT_STMT *St, const uint64_t *Values, int i, uint64_t *Value)
{
    if (i >= St->ArgCount || St->Args[i]->Kind != ExprVariable) {
        return false;
    }
    *Value = Values[St->Args[i]->Variable];
    return true;
}

void NarrateAfter(const SCRIPT *Script, const SCRIPT_STMT *St, const uint64_t *Values)
{
    uint64_t Value = 0;
    if (St->Kind == StmtReset) {
        /* A fresh machine: what changes in the step is counted from it. */
        memset(Nr.Mdls, 0, sizeof(Nr.Mdls));
        Nr.FocusVa = NULL;
        Nr.FocusPages = 0;
        Baseline();
        return;
    }
    if (St->Kind != StmtCall) {
        return;
    }
    if (St->Target >= 0 && ScriptDdis[St->Ddi].Result == ResultMdl && Values[St->Target] != 0) {
        Track(Script->Variables[St->Target].Name, (PMDL)(uintptr_t)Values[St->Target]);
    }
    bool Frees = St->Ddi == DdiIoFreeMdl || St->Ddi == DdiMmFreePagesFromMdl ||
                 St->Ddi == DdiExFreePool || St->Ddi == DdiExFreePoolWithTag;
    if (Frees && NameValue(St, Values, 0, &Value)) {
        Untrack(Value);
    }
}

void NarrateFinish(void)
{
    if (Nr.Active) {
        Flush();
        EndStep();
    }
}

static int Failed(FILE *Out, FILE *Err, const char *File, const SCRIPT_STMT *St, int Status,
                  const char *Text)
{
    if (Status == TOOL_EXIT_FAILED) {
        fprintf(Out, "      !! %s\n", Text);
        fflush(Out);
        fprintf(Err, "%s:%d:%d: expectation failed: %s\n", File, St->Line, St->Column, Text);
    } else {
        fflush(Out);
        fprintf(Err, "%s:%d:%d: error: %s\n", File, St->Line, St->Column, Text);
    }
    return Status;
}

int NarrateStatement(const SCRIPT *Script, const SCRIPT_STMT *St, const uint64_t *A, FILE *Out,
                     FILE *Err, const char *File, unsigned long Flags)
{
    (void)Script;
    char Error[256];
    TOOL_BUF Text = {0};
    if (!Nr.Active) {
        Nr.Options.Flags = Flags;
    }
    int Status = 0;
    switch ((NARRATE_WORD_ID)St->Sub) {
    case NarrStep:
        if (Nr.Active) {
            BeginStep(St->Echo);
        } else {
            Baseline();
            fprintf(Out, "      == %s ==\n", St->Echo);
        }
        break;
    case NarrSay:
    case NarrCode:
    case NarrResult:
        if (!Format(St->Echo, A, St->ArgCount, &Text, Error, sizeof(Error))) {
            Status = Failed(Out, Err, File, St, TOOL_EXIT_USAGE, Error);
        } else if (!Nr.Active) {
            fprintf(Out, "      %s%s\n", St->Sub == NarrResult ? "-> " : "", BufText(&Text));
        } else if (St->Sub == NarrResult) {
            Emit("result", "      -> ", BufText(&Text));
        } else {
            if (Nr.PendingAny) {
                BufAppend(&Nr.Pending, "\n", 1);
            }
            BufAppend(&Nr.Pending, BufText(&Text), Text.Length);
            Nr.PendingWord = St->Sub;
            Nr.PendingAny = true;
        }
        break;
    case NarrClaim: {
        bool Holds = (A[0] == A[1]) == (St->Option == 0);
        if (Nr.Active && !Holds) {
            Say("!! the narration is wrong: it says %s", St->Echo);
            Nr.Failures++;
        } else if (!Nr.Active && !Holds) {
            snprintf(Error, sizeof(Error), "the narration is wrong: it says %s", St->Echo);
            Status = Failed(Out, Err, File, St, TOOL_EXIT_FAILED, Error);
        } else if (!Nr.Active) {
            fprintf(Out, "      -> true: %s\n", St->Echo);
        }
        break;
    }
    case NarrFocus:
        Focus((PVOID)(uintptr_t)A[0]);
        break;
    case NarrCombine: {
        const char *Wrong = Combine(A, St->ArgCount);
        if (Wrong != NULL) {
            Status = Failed(Out, Err, File, St, TOOL_EXIT_USAGE, Wrong);
        } else if (!Nr.Active) {
            fprintf(Out, "      -> done\n");
        }
        break;
    }
    default: /* when and end never reach here (NarrateBefore) */
        break;
    }
    BufFree(&Text);
    return Status;
}

bool NarrateDump(const SCRIPT *Script, const SCRIPT_STMT *St, const uint64_t *A, const char *Text,
                 const struct _SIM_BUGCHECK *Stop)
{
    if (St->Sub == DumpStop && Stop != NULL && Nr.StopCount < NARRATE_MAX_STOPS) {
        Nr.Stops[Nr.StopCount++] = *Stop; /* shown_stop() */
    }
    if (!Nr.Active) {
        return false;
    }
    char Command[200], B[64];
    switch ((SCRIPT_DUMP)St->Sub) {
    case DumpPte: snprintf(Command, sizeof(Command), "!pte %s", Addr((PVOID)(uintptr_t)A[0], B, sizeof(B))); break;
    case DumpPfn: snprintf(Command, sizeof(Command), "!pfn %llx", (unsigned long long)A[0]); break;
    case DumpSysPtes: snprintf(Command, sizeof(Command), "!sysptes"); break;
    case DumpPoolUsed: snprintf(Command, sizeof(Command), "!poolused"); break;
    case DumpPoolUsedByTag: snprintf(Command, sizeof(Command), "!poolused 4"); break;
    case DumpMdl:
        snprintf(Command, sizeof(Command), "dt nt!_MDL %s  (%s)",
                 Addr((PVOID)(uintptr_t)A[0], B, sizeof(B)),
                 St->Args[0]->Kind == ExprVariable ? Script->Variables[St->Args[0]->Variable].Name
                                                   : "MDL");
        break;
    case DumpMap:
        snprintf(Command, sizeof(Command), "map %s  (one character per page)",
                 Addr((PVOID)(uintptr_t)A[0], B, sizeof(B)));
        break;
    case DumpPages:
        snprintf(Command, sizeof(Command), "map %s L%llu  (one character per page)",
                 Addr((PVOID)(uintptr_t)A[0], B, sizeof(B)), (unsigned long long)A[1]);
        break;
    case DumpStop:
        snprintf(Command, sizeof(Command), "!analyze");
        if (Stop != NULL) {
            /* The stop itself first, as the machine printed it. */
            char Line[400];
            StopLine(Stop, Line, sizeof(Line));
            Nr.HaveStop = true;
            Nr.Stop = *Stop;
            if (Nr.Options.Text != NULL) {
                fprintf(Nr.Options.Text, "\n  %s\n", Line);
            }
            Segment("stop", Line);
        }
        break;
    case DumpPool: /* specialpool */
        snprintf(Command, sizeof(Command), "!pool %s", Addr((PVOID)(uintptr_t)A[0], B, sizeof(B)));
        break;
    case DumpVad: snprintf(Command, sizeof(Command), "!vad"); break; /* tour17 */
    case DumpAddress:
        snprintf(Command, sizeof(Command), "!address %s", Addr((PVOID)(uintptr_t)A[0], B, sizeof(B)));
        break;
    case DumpUser:
        snprintf(Command, sizeof(Command), "user map %s L%llu  (one character per page)",
                 Addr((PVOID)(uintptr_t)A[0], B, sizeof(B)), (unsigned long long)A[1]);
        break;
    default: snprintf(Command, sizeof(Command), "dump"); break;
    }
    /* Drop the final newline: each line gets its own. */
    TOOL_BUF Body = {0};
    BufAppend(&Body, Text, strlen(Text));
    if (Body.Length > 0 && Body.Text[Body.Length - 1] == '\n') {
        Body.Text[--Body.Length] = '\0';
    }
    if (Nr.Options.Text != NULL) {
        fprintf(Nr.Options.Text, "  kd> %s\n", Command);
    }
    Lines("  ", BufText(&Body));
    if (Nr.Options.Html) {
        TOOL_BUF Both = {0};
        BufPrintf(&Both, "kd> %s\n%s", Command, BufText(&Body));
        Segment("dump", BufText(&Both));
        BufFree(&Both);
    }
    BufFree(&Body);
    return true;
}
