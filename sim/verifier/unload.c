/*
 * unload.c - Driver Verifier's checks at driver unload (docs/ddi-contract.md 6.3,
 * 3.4, 3.6; docs/verifier.md): what the driver left behind, as a table.
 *
 *   leak                         strict mode            otherwise
 *   pool allocations             0xC4/0x62 (name, 0, count)   table
 *   locked pages                 0xCB (0, 0, 0, pages)        table
 *   MDL-allocated pages, reservations, MDL mappings, work items: table
 *
 * SimDriverUnload() runs the check; it also runs when the process exits
 * (unless MMSIM_UNLOAD_CHECK=0 or SimSetUnloadCheckAtExit(FALSE)): a leak then
 * stops the machine (strict) or ends the process with status 88.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "../config.h"
#include "../mm/mi_mm.h"
#include "../host/host.h"
#include "fault_run.h"

/* What Verifier's 0xC4/0x62 names as the driver (Parameter 2). */
static const char MiDriverName[] = "mmsim-driver.sys";
static int MiExitCheck = -1; /* -1: read MMSIM_UNLOAD_CHECK; 0 off; 1 on */

static void MiOut(const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 1, 2)));
static void MiOut(const char *Format, ...)
{
    char Text[1024];
    va_list Arguments;
    va_start(Arguments, Format);
    vsnprintf(Text, sizeof(Text), Format, Arguments);
    va_end(Arguments);
    MiWriteStderr(Text);
}

static const char *MiTagText(ULONG Tag, char Text[5])
{
    for (int i = 0; i < 4; i++) {
        char c = (char)(Tag >> (8 * i));
        Text[i] = (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    Text[4] = '\0';
    return Text;
}

typedef struct _MI_TAG_LEAK {
    ULONG Tag;
    BOOLEAN Paged;
    ULONG64 Count;
    ULONG64 Bytes;
    SIM_POOL_BLOCK_INFO First; /* the earliest live block */
} MI_TAG_LEAK;

/* The live pool blocks (not Mm's own) grouped by tag and pool type, each
 * group with its earliest block; returns the number of groups. */
static ULONG MiGroupByTag(const SIM_POOL_BLOCK_INFO *Infos, ULONG Blocks, MI_TAG_LEAK *Leaks)
{
    ULONG LeakCount = 0;
    for (ULONG b = 0; b < Blocks; b++) {
        if (Infos[b].ForMm) {
            continue; /* freed with the reservation it describes */
        }
        ULONG t = 0;
        while (t < LeakCount &&
               (Leaks[t].Tag != Infos[b].Tag || Leaks[t].Paged != Infos[b].Paged)) {
            t++;
        }
        if (t == LeakCount) {
            Leaks[LeakCount].Tag = Infos[b].Tag;
            Leaks[LeakCount].Paged = Infos[b].Paged;
            Leaks[LeakCount].First = Infos[b];
            LeakCount++;
        }
        Leaks[t].Count++;
        Leaks[t].Bytes += Infos[b].Size;
    }
    return LeakCount;
}

/* One line a reservation the driver did not free. */
static void MiPrintReservations(ULONG Count)
{
    SIM_RESERVATION_INFO *Reservations =
        (SIM_RESERVATION_INFO *)calloc(Count, sizeof(SIM_RESERVATION_INFO));
    if (Reservations != NULL) {
        Count = MiEnumReservations(Reservations, Count);
        for (ULONG r = 0; r < Count; r++) {
            char Tag[5], Frame[256], What[48];
            snprintf(What, sizeof(What), "reservation '%s' (%llu mapped)",
                     MiTagText(Reservations[r].Tag, Tag),
                     (unsigned long long)Reservations[r].MappedPages);
            MiOut("  %-30s %10u %12llu p  %s\n", What, 1,
                  (unsigned long long)Reservations[r].Pages,
                  HostDescribeFrame(Reservations[r].Caller, Frame, sizeof(Frame)));
        }
        free(Reservations);
    }
}

/* exsync: one line a lookaside list the driver did not delete. */
static void MiPrintLookasideLists(ULONG Count)
{
    MI_LOOKASIDE_INFO *Lists = Count != 0 ? (MI_LOOKASIDE_INFO *)calloc(Count, sizeof(*Lists)) : NULL;
    if (Lists != NULL) {
        ULONG Now = MiEnumLookasideLists(Lists, Count);
        for (ULONG l = 0; l < Now && l < Count; l++) {
            char Tag[5], What[48];
            snprintf(What, sizeof(What), "lookaside '%s' (%s%s)", MiTagText(Lists[l].Tag, Tag),
                     Lists[l].Paged ? "paged" : "non-paged", Lists[l].Ex ? ", Ex" : "");
            if (!Lists[l].Readable) {
                MiOut("  %-30s %10u %12s    list %p not deleted, its memory gone\n", What, 1, "",
                      Lists[l].List);
                continue;
            }
            MiOut("  %-30s %10u %12s    list %p not deleted: %u cached, %lu allocated and not "
                  "freed to it\n",
                  What, 1, "", Lists[l].List, (unsigned)Lists[l].Cached,
                  (unsigned long)Lists[l].Outstanding);
        }
        free(Lists);
    }
}

/* The unload check's table of what the driver left behind. */
static void MiPrintLeaks(const SIM_UNLOAD_REPORT *Local, const MI_TAG_LEAK *Leaks,
                         ULONG LeakCount, ULONG64 MappedPages, const char *Work)
{
    MiOut("mmsim: unload check - the driver left behind:\n");
    MiOut("  %-30s %10s %14s  %s\n", "what", "count", "size", "allocated from");
    for (ULONG t = 0; t < LeakCount; t++) {
        char Tag[5], Frame[256], What[40];
        snprintf(What, sizeof(What), "pool '%s' (%s)", MiTagText(Leaks[t].Tag, Tag),
                 Leaks[t].Paged ? "paged" : "non-paged");
        MiOut("  %-30s %10llu %12llu B  %s\n", What, (unsigned long long)Leaks[t].Count,
              (unsigned long long)Leaks[t].Bytes,
              HostDescribeFrame(Leaks[t].First.Caller, Frame, sizeof(Frame)));
        for (ULONG f = 1; f < Leaks[t].First.StackDepth; f++) {
            MiOut("  %-30s %10s %14s  %s\n", "", "", "",
                  HostDescribeFrame(Leaks[t].First.Stack[f], Frame, sizeof(Frame)));
        }
    }
    if (Local->MdlPages != 0) {
        MiOut("  %-30s %10llu %12llu p  (MmAllocatePagesForMdl(Ex) without "
              "MmFreePagesFromMdl)\n",
              "MDL-allocated pages", (unsigned long long)Local->MdlPages,
              (unsigned long long)Local->MdlPages);
    }
    if (Local->Reservations != 0) {
        MiPrintReservations((ULONG)Local->Reservations);
    }
    if (Local->MdlMappings != 0) {
        MiOut("  %-30s %10llu %12llu p  (MmMapLockedPagesSpecifyCache without "
              "MmUnmapLockedPages)\n",
              "MDL mappings", (unsigned long long)Local->MdlMappings,
              (unsigned long long)MappedPages);
    }
    if (Local->LockedPages != 0) {
        MiOut("  %-30s %10llu %12llu p  (MmProbeAndLockPages without MmUnlockPages)\n",
              "locked pages", (unsigned long long)Local->LockedPages,
              (unsigned long long)Local->LockedPages);
    }
    if (Local->WorkItemsPending) {
        MiOut("  %-30s %s", "work items", Work);
    }
    MiPrintLookasideLists((ULONG)Local->LookasideLists);
}

BOOLEAN SimDriverUnload(SIM_UNLOAD_REPORT *Report)
{
    MiEnsureMachine();
    SIM_UNLOAD_REPORT Local;
    memset(&Local, 0, sizeof(Local));

    /* Pool, by tag. */
    ULONG Blocks = MiEnumPoolBlocks(NULL, 0);
    SIM_POOL_BLOCK_INFO *Infos =
        Blocks != 0 ? (SIM_POOL_BLOCK_INFO *)calloc(Blocks, sizeof(SIM_POOL_BLOCK_INFO)) : NULL;
    MI_TAG_LEAK *Leaks = Blocks != 0 ? (MI_TAG_LEAK *)calloc(Blocks, sizeof(MI_TAG_LEAK)) : NULL;
    ULONG LeakCount = 0;
    if (Infos != NULL && Leaks != NULL) {
        Blocks = MiEnumPoolBlocks(Infos, Blocks);
        LeakCount = MiGroupByTag(Infos, Blocks, Leaks);
    }
    for (ULONG t = 0; t < LeakCount; t++) {
        Local.PoolAllocations += Leaks[t].Count;
        Local.PoolBytes += Leaks[t].Bytes;
    }

    ULONG64 MappedPages = 0;
    Local.MdlMappings = MiQueryMdlMappings(&MappedPages);
    Local.Reservations = MiEnumReservations(NULL, 0);
    MiLock();
    /* The count alone (MiQueryMemory would also walk every PTE of system
     * space to count host runs: most of a short program's run time, paid at
     * every exit and by each run of `mmsim faults`). */
    Local.MdlPages = MiPhys.StateCount[MiPageMdl];
    /* Only groups of the PFN database that were ever filled in (scale). */
    for (MI_INDEX i = MiPfnNextTouched(0); i < MiPhys.Pages; i = MiPfnNextTouched(i + 1)) {
        Local.LockedPages += MiPfnEntry(i)->LockCount != 0;
    }
    MiUnlock();
    char Work[256] = "";
    Local.WorkItemsPending = !MiWorkSubsystem.IsClean(Work, sizeof(Work));
    /* mmdev: MmMapIoSpace(Ex) mappings left (reported; no bug check). */
    char IoSpace[1024] = "";
    if (!MiIoSpaceSubsystem.IsClean(IoSpace, sizeof(IoSpace))) {
        Local.IoSpaceMappings = MiIoSpaceMappings();
    }

    MI_LOOKASIDE_INFO FirstList;
    Local.LookasideLists = MiEnumLookasideLists(&FirstList, 1); /* exsync */
    MI_PS_LEFT PsLeft; /* ps32 */
    MiPsQueryLeft(&PsLeft);
    Local.SystemThreads = PsLeft.Threads;
    Local.NotifyRoutines = PsLeft.NotifyRoutines;

    bool Clean = Local.PoolAllocations == 0 && Local.MdlPages == 0 && Local.MdlMappings == 0 &&
                 Local.Reservations == 0 && Local.LockedPages == 0 && !Local.WorkItemsPending &&
                 Local.IoSpaceMappings == 0 /* mmdev */ &&
                 Local.LookasideLists == 0 /* exsync */ && Local.SystemThreads == 0 &&
                 Local.NotifyRoutines == 0 /* ps32 */;
    if (!Clean) {
        MiPrintLeaks(&Local, Leaks, LeakCount, MappedPages, Work);
        if (Local.IoSpaceMappings != 0) {
            MiOut("  %s", IoSpace); /* mmdev */
        }
        if (Local.SystemThreads != 0) { /* ps32 */
            MiOut("  %-30s %llu (first: start routine %p)\n", "system threads running",
                  (unsigned long long)Local.SystemThreads, (void *)PsLeft.FirstThreadRoutine);
        }
        if (Local.NotifyRoutines != 0) {
            MiOut("  %-30s %llu (first: %p)\n", "notify routines registered",
                  (unsigned long long)Local.NotifyRoutines, (void *)PsLeft.FirstNotifyRoutine);
        }
    }
    free(Infos);
    free(Leaks);
    if (Report != NULL) {
        *Report = Local;
    }
    if (!Clean && MiConfig.Strict) {
        /* ps32: a system thread still running, or a notify routine still
         * registered, runs the unloaded driver's code: Windows stops with
         * 0xCE when it does (P1 the code referenced, P2 0 read, P3 the
         * address that referenced it); mmsim stops at the unload. */
        if (Local.SystemThreads != 0 || Local.NotifyRoutines != 0) {
            ULONG_PTR Code = Local.SystemThreads != 0 ? PsLeft.FirstThreadRoutine
                                                      : PsLeft.FirstNotifyRoutine;
            KeBugCheckEx(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS, Code, 0, Code, 0);
        }
        /* exsync: a list left active in memory the unload frees (Verifier's
         * "free of memory holding an active lookaside list"); its cached
         * entries are pool too, so it is named first. */
        if (Local.LookasideLists != 0) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCC, (ULONG_PTR)FirstList.List,
                         (ULONG_PTR)FirstList.List, FirstList.Bytes);
        }
        if (Local.PoolAllocations != 0) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, (ULONG_PTR)MiDriverName, 0,
                         (ULONG_PTR)Local.PoolAllocations);
        }
        if (Local.LockedPages != 0) {
            KeBugCheckEx(DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS, 0, 0, 0,
                         (ULONG_PTR)Local.LockedPages);
        }
    }
    return Clean ? TRUE : FALSE;
}

VOID SimSetUnloadCheckAtExit(BOOLEAN Enable)
{
    MiExitCheck = Enable ? 1 : 0;
}

/* atexit: the unload check of a process that ends with the machine up. */
static void MiUnloadCheckAtExit(void)
{
    if (MiExitCheck < 0) {
        MiExitCheck = MiConfigEnvBool("MMSIM_UNLOAD_CHECK", true) ? 1 : 0;
    }
    if (!MiExitCheck || !MiIsMachineUp() || MiIsStopped()) {
        return;
    }
    MiWaitForWorkItems(2000); /* let queued work finish, as unload would */
    /* A leak ends the process with _Exit (or a stop, _exit), which skip
     * exit()'s flush: what the program printed is written out first, and so
     * comes before the leak report (a stream another thread holds is
     * skipped). */
    HostFlushOutput(false, NULL);
    if (!SimDriverUnload(NULL)) {
        MiWriteStderr("mmsim: leaks at process exit (MMSIM_UNLOAD_CHECK=0 disables this check)\n");
        _Exit(SIM_EXIT_LEAKED);
    }
}

/* suite23: a shared explorer of `mmsim faults` between two tests: the check
 * a process running the test alone makes at its exit (ending this one as
 * that one would, on a leak), then the next test's setting is read afresh. */
void MiUnloadCheckBetweenTests(void)
{
    MiUnloadCheckAtExit();
    MiExitCheck = -1;
}

void MiRegisterExitCheck(void)
{
    /* Checked whenever a machine is built, like every MMSIM_* variable, so
     * that a bad value is refused at the start, not after the whole run. */
    (void)MiConfigEnvBool("MMSIM_UNLOAD_CHECK", true);
    static bool Registered;
    if (!Registered) {
        Registered = true;
        atexit(MiUnloadCheckAtExit);
    }
}
