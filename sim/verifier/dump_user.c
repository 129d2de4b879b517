/*
 * dump_user.c - WinDbg-style dumps of the current process's user space:
 * !vad (its VADs, with start and end VPNs, commit and protection) and
 * !address (MemoryBasicInformation of one address, with its PTE). With
 * SIM_DUMP_SYMBOLIC, VPNs and addresses are relative to the user range's
 * base ("user+0x10000"), so output is identical from run to run.
 */
#include <stdarg.h>

#include "../mm/mi_user.h"

void MiUserDescribe(const MI_PROCESS *Process, uint64_t Page, MEMORY_BASIC_INFORMATION *Info);

static void MiUserOut(SIM_DUMP_OUTPUT *Out, const char *Format, ...)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
static void MiUserOut(SIM_DUMP_OUTPUT *Out, const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    MiDumpVPrint(Out, Format, Args);
    va_end(Args);
}

static const char *MiUserAddress(const SIM_DUMP_OUTPUT *Out, ULONG_PTR Va, char *Text, size_t Size)
{
    if (Out->Flags & SIM_DUMP_SYMBOLIC) {
        snprintf(Text, Size, "user+0x%llx", (unsigned long long)(Va - (ULONG_PTR)MiUser.Base));
    } else {
        snprintf(Text, Size, "%08llx`%08llx", (unsigned long long)(Va >> 32),
                 (unsigned long long)(Va & 0xFFFFFFFFull));
    }
    return Text;
}

VOID SimDumpVad(SIM_DUMP_OUTPUT *Out)
{
    MiEnsureMachine();
    if (MiUser.Base == NULL) {
        MiUserOut(Out, "no user address space on this host\n");
        return;
    }
    MiLock();
    MiUserSettleAll(); /* the counts include the pages the host served (userva) */
    const MI_PROCESS *Process = MiUser.Current;
    MiUserOut(Out, "VAD  %16s %16s %8s  %-8s %s\n", "Start(VPN)", "End(VPN)", "Commit", "Type",
              "Protection");
    ULONG Number = 0;
    for (const MI_RANGE *Range = MiRangeFirst(&Process->Vads); Range != NULL;
         Range = MiRangeNext(&Process->Vads, Range)) {
        const MI_VAD *Vad = (const MI_VAD *)Range->Data;
        uint64_t Base = (Out->Flags & SIM_DUMP_SYMBOLIC) ? 0 : (uint64_t)(uintptr_t)MiUser.Base / PAGE_SIZE;
        char Protect[96];
        MiUserOut(Out, "#%-3lu %16llx %16llx %8llu  %-8s %s\n", (unsigned long)++Number,
                  (unsigned long long)(Base + Vad->FirstPage),
                  (unsigned long long)(Base + Vad->FirstPage + Vad->Pages - 1),
                  (unsigned long long)Vad->Committed,
                  Vad->Kind == MiVadPrivate ? "Private" : "MdlMap",
                  SimFormatProtection(Vad->AllocationProtect, Protect, sizeof(Protect)));
    }
    MiUserOut(Out, "Total VADs: %lu, commit charge %llu page(s), resident %llu page(s), "
                   "demand-zero faults %llu\n",
              (unsigned long)Number, (unsigned long long)Process->CommitCharge,
              (unsigned long long)Process->ResidentPages,
              (unsigned long long)Process->DemandZeroFaults);
    MiUnlock();
}

BOOLEAN SimDumpAddress(SIM_DUMP_OUTPUT *Out, PVOID Va)
{
    MiEnsureMachine();
    if (!MiIsUserVa(Va) || MiUserPage(Va) >= MiUserUsablePages()) {
        MiUserOut(Out, "%p is not a user address\n", Va);
        return FALSE;
    }
    MEMORY_BASIC_INFORMATION Info;
    MiLock();
    uint64_t Page = MiUserPage(Va);
    MiUserSettle(MiUser.Current, Page, 1); /* a page the host served is valid (userva) */
    MiUserDescribe(MiUser.Current, Page, &Info);
    uint64_t Pte = MiUser.Current->Pte[Page];
    MiUnlock();
    char A[48], P[96];
    ULONG_PTR Start = (ULONG_PTR)Info.BaseAddress;
    MiUserOut(Out, "Base Address:           %s\n", MiUserAddress(Out, Start, A, sizeof(A)));
    MiUserOut(Out, "End Address:            %s\n",
              MiUserAddress(Out, Start + Info.RegionSize, A, sizeof(A)));
    MiUserOut(Out, "Region Size:            %08llx`%08llx\n",
              (unsigned long long)(Info.RegionSize >> 32),
              (unsigned long long)(Info.RegionSize & 0xFFFFFFFFull));
    MiUserOut(Out, "State:                  %08lx          %s\n", (unsigned long)Info.State,
              Info.State == MEM_COMMIT    ? "MEM_COMMIT"
              : Info.State == MEM_RESERVE ? "MEM_RESERVE"
                                          : "MEM_FREE");
    if (Info.State == MEM_COMMIT || Info.State == MEM_FREE) {
        MiUserOut(Out, "Protect:                %08lx          %s\n", (unsigned long)Info.Protect,
                  SimFormatProtection(Info.Protect, P, sizeof(P)));
    }
    if (Info.State != MEM_FREE) {
        MiUserOut(Out, "Type:                   %08lx          MEM_PRIVATE\n",
                  (unsigned long)Info.Type);
        MiUserOut(Out, "Allocation Base:        %s\n",
                  MiUserAddress(Out, (ULONG_PTR)Info.AllocationBase, A, sizeof(A)));
        MiUserOut(Out, "Allocation Protect:     %08lx          %s\n",
                  (unsigned long)Info.AllocationProtect,
                  SimFormatProtection(Info.AllocationProtect, P, sizeof(P)));
    }
    /* mmsim's own line: the PTE of the page (docs/user-space.md). */
    const char *Kind = Pte == 0                      ? "no commitment"
                       : (Pte & MI_PTE_VALID)        ? "valid"
                       : (Pte & MI_PTE_TRANSITION)   ? "resident, not accessible (transition)"
                                                     : "demand zero";
    MiUserOut(Out, "mmsim: PTE %016llx: %s", (unsigned long long)Pte, Kind);
    if (Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) {
        MiUserOut(Out, ", pfn %llx", (unsigned long long)MI_PTE_PFN(Pte));
    }
    MiUserOut(Out, "\n");
    return TRUE;
}

/* ---------------------------------------------------------------------- */
/* tour17: the user PTE strip (one character per page, the protection in  */
/* it) and user addresses as the tour prints them. Read through the same   */
/* query as !address (the current process's PTEs and VADs), never host     */
/* mappings, so they show what the simulated PTEs say however a first      */
/* touch is served.                                                        */
/* ---------------------------------------------------------------------- */
BOOLEAN SimFormatUserAddress(ULONG_PTR Va, ULONG Flags, char *Buffer, SIZE_T Size)
{
    MiEnsureMachine();
    if (Size == 0 || !MiIsUserVa((const void *)Va)) {
        return FALSE;
    }
    SIM_DUMP_OUTPUT Out = {.Flags = Flags};
    MiUserAddress(&Out, Va, Buffer, (size_t)Size);
    return TRUE;
}

/* tidy: the one table of protection names (!vad, !address, the tour). */
const char *SimFormatProtection(ULONG Protect, char *Buffer, SIZE_T Size)
{
    static const struct {
        ULONG Value;
        const char *Name;
    } Names[] = {{PAGE_NOACCESS, "PAGE_NOACCESS"},
                 {PAGE_READONLY, "PAGE_READONLY"},
                 {PAGE_READWRITE, "PAGE_READWRITE"},
                 {PAGE_EXECUTE, "PAGE_EXECUTE"},
                 {PAGE_EXECUTE_READ, "PAGE_EXECUTE_READ"},
                 {PAGE_EXECUTE_READWRITE, "PAGE_EXECUTE_READWRITE"},
                 {PAGE_GUARD, "PAGE_GUARD"},
                 {PAGE_NOCACHE, "PAGE_NOCACHE"},
                 {PAGE_WRITECOMBINE, "PAGE_WRITECOMBINE"}};
    if (Size == 0) {
        return Buffer;
    }
    Buffer[0] = '\0';
    for (size_t i = 0; i < sizeof(Names) / sizeof(Names[0]); i++) {
        bool Base = Names[i].Value <= 0xFF;
        if (Base ? (Protect & 0xFF) == Names[i].Value : (Protect & Names[i].Value) != 0) {
            size_t Used = strlen(Buffer);
            snprintf(Buffer + Used, (size_t)Size - Used, "%s%s", Used != 0 ? " | " : "",
                     Names[i].Name);
        }
    }
    return Buffer;
}

/* Lock held. */
static char MiUserPageCharLocked(uint64_t Page)
{
    const MI_PROCESS *Process = MiUser.Current;
    uint64_t Pte = Process->Pte[Page];
    if (Pte == 0) {
        return MiVadFind(Process, Page) != NULL ? '.' : '-';
    }
    unsigned Mm = MiUserPteProtection(Pte);
    if (Pte & MI_PTE_VALID) {
        unsigned Access = Mm & 7;
        return Access == MI_MM_READONLY                                ? 'R'
               : Access == MI_MM_READWRITE || Access == MI_MM_WRITECOPY ? 'V'
                                                                        : 'X';
    }
    if (Pte & MI_PTE_TRANSITION) {
        return 'T';
    }
    if ((Mm & 0x18) == MI_MM_NOACCESS && (Mm & 7) == 0) {
        return 'n';
    }
    return (Mm & 0x18) == MI_MM_GUARD ? 'g' : 'd';
}

char SimUserPageMapChar(PVOID Va)
{
    MiEnsureMachine();
    if (!MiIsUserVa(Va)) {
        return ' ';
    }
    MiLock();
    MiUserSettle(MiUser.Current, MiUserPage(Va), 1); /* what the OS would see */
    char Mark = MiUserPageCharLocked(MiUserPage(Va));
    MiUnlock();
    return Mark;
}

ULONG SimUserPageProtect(PVOID Va)
{
    MiEnsureMachine();
    if (!MiIsUserVa(Va)) {
        return 0;
    }
    MiLock();
    MiUserSettle(MiUser.Current, MiUserPage(Va), 1); /* what the OS would see */
    uint64_t Pte = MiUser.Current->Pte[MiUserPage(Va)];
    MiUnlock();
    return Pte == 0 ? 0 : MiMmToProtect(MiUserPteProtection(Pte));
}

const char *SimUserPageMapLegend(VOID)
{
    return "legend: - free  . reserved  d demand zero (committed, no page yet)  V valid, "
           "read/write  R valid, read-only  X valid, executable  n no access  g guard  "
           "T resident, not accessible";
}

VOID SimDumpUserPages(SIM_DUMP_OUTPUT *Out, PVOID Va, ULONG64 Pages)
{
    MiEnsureMachine();
    char A[48];
    if (!MiIsUserVa(Va) || Pages == 0) {
        MiUserOut(Out, "  (not a user address)\n");
        return;
    }
    MiLock();
    uint64_t First = MiUserPage(Va);
    if (Pages > MiUser.Pages - First) {
        Pages = MiUser.Pages - First;
    }
    if (Pages > 1024) {
        Pages = 1024; /* 16 rows: a view, not a listing */
    }
    MiUserSettle(MiUser.Current, First, Pages); /* the pages the host served are valid */
    char Row[65];
    for (uint64_t p = 0; p < Pages; p += 64) {
        uint64_t n = Pages - p < 64 ? Pages - p : 64;
        for (uint64_t k = 0; k < n; k++) {
            Row[k] = MiUserPageCharLocked(First + p + k);
        }
        Row[n] = '\0';
        MiUnlock();
        MiUserOut(Out, "  %-16s %s\n",
                  MiUserAddress(Out, (ULONG_PTR)MiUserVa(First + p), A, sizeof(A)), Row);
        MiLock();
    }
    MiUnlock();
    MiUserOut(Out, "%s\n", SimUserPageMapLegend());
}
