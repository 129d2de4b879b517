/*
 * dump.c - WinDbg-style dumps of the simulated machine: !pte, !pfn, !sysptes,
 * !poolused, dt nt!_MDL, a one-character-per-page map of a reservation and an
 * !analyze-like decoding of a stop. Used by the mmsim program (tour, run) and
 * by tests and debugging sessions (SimDump* in mmsim.h; docs/mmsim.md).
 *
 * Dumps only read: they work on a stopped machine as a debugger works on a
 * crashed one. With SIM_DUMP_SYMBOLIC every address is printed relative to
 * the randomized base of system space ("base+0x3000"), PTE addresses as the
 * PTE of such an address ("PTE(base+0x3000)") and host code addresses by
 * module ("<code in mmsim>"), so output is identical from run to run.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>

#include "../mm/mi_mm.h"
#include "../host/host.h"

uint64_t MiVaLargestFree(const MI_VA_ALLOCATOR *Allocator);

/* ---------------------------------------------------------------------- */
/* Output.                                                                */
/* ---------------------------------------------------------------------- */
VOID SimDumpToFile(SIM_DUMP_OUTPUT *Out, FILE *File, ULONG Flags)
{
    memset(Out, 0, sizeof(*Out));
    Out->File = File;
    Out->Flags = Flags;
}

VOID SimDumpToBuffer(SIM_DUMP_OUTPUT *Out, char *Buffer, SIZE_T Size, ULONG Flags)
{
    memset(Out, 0, sizeof(*Out));
    Out->Buffer = Buffer;
    Out->Size = Size;
    Out->Flags = Flags;
    if (Buffer != NULL && Size > 0) {
        Buffer[0] = '\0';
    }
}

/* One line (at most 1023 bytes) to a dump's file or buffer; the buffer
 * keeps its NUL and Out->Length counts what was asked for, as snprintf. */
void MiDumpVPrint(SIM_DUMP_OUTPUT *Out, const char *Format, va_list Args)
{
    char Line[1024];
    int Length = vsnprintf(Line, sizeof(Line), Format, Args);
    if (Length < 0) {
        return;
    }
    if ((size_t)Length >= sizeof(Line)) {
        Length = (int)sizeof(Line) - 1;
    }
    if (Out->File != NULL) {
        fwrite(Line, 1, (size_t)Length, Out->File);
    } else if (Out->Buffer != NULL && Out->Size > 0 && Out->Length < Out->Size - 1) {
        size_t Room = (size_t)(Out->Size - 1 - Out->Length);
        size_t Copy = (size_t)Length < Room ? (size_t)Length : Room;
        memcpy(Out->Buffer + Out->Length, Line, Copy);
        Out->Buffer[Out->Length + Copy] = '\0';
    }
    Out->Length += (SIZE_T)Length;
}

static void MiOut(SIM_DUMP_OUTPUT *Out, const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
static void MiOut(SIM_DUMP_OUTPUT *Out, const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    MiDumpVPrint(Out, Format, Args);
    va_end(Args);
}

/* ---------------------------------------------------------------------- */
/* Addresses.                                                             */
/* ---------------------------------------------------------------------- */
/* WinDbg prints 64-bit values as two 32-bit halves: 00007f12`34567000. */
static void MiFormatRaw(ULONG_PTR Value, char *Buffer, size_t Size)
{
    snprintf(Buffer, Size, "%08llx`%08llx", (unsigned long long)(Value >> 32),
             (unsigned long long)(Value & 0xFFFFFFFFull));
}

VOID SimFormatAddress(ULONG_PTR Value, ULONG Flags, char *Buffer, SIZE_T Size)
{
    MiEnsureMachine();
    if (Size == 0) {
        return;
    }
    if (!(Flags & SIM_DUMP_SYMBOLIC) || Value == 0) {
        MiFormatRaw(Value, Buffer, (size_t)Size);
        return;
    }
    uintptr_t Base = (uintptr_t)MiSpace.Base;
    uintptr_t Bytes = (uintptr_t)MiSpace.Pages * PAGE_SIZE;
    uintptr_t PteBase = (uintptr_t)MiSpace.Pte;
    uintptr_t PteBytes = (uintptr_t)MiSpace.Pages * sizeof(uint64_t);
    if (Value >= Base && Value - Base < Bytes) {
        snprintf(Buffer, (size_t)Size, "base+0x%llx", (unsigned long long)(Value - Base));
    } else if (PteBase != 0 && Value >= PteBase && Value - PteBase < PteBytes) {
        uintptr_t Offset = Value - PteBase;
        if (Offset % sizeof(uint64_t) == 0) {
            snprintf(Buffer, (size_t)Size, "PTE(base+0x%llx)",
                     (unsigned long long)(Offset / sizeof(uint64_t) * PAGE_SIZE));
        } else {
            snprintf(Buffer, (size_t)Size, "PTE(base+0x%llx)+%llu",
                     (unsigned long long)(Offset / sizeof(uint64_t) * PAGE_SIZE),
                     (unsigned long long)(Offset % sizeof(uint64_t)));
        }
    } else {
        /* Host memory: inside a loaded image it is named by the image (its
         * address changes with every run); anything else is printed as is. */
        const char *Module = NULL;
        uint64_t Offset = 0;
        if (HostFrameModuleOffset((void *)Value, &Module, &Offset)) {
            snprintf(Buffer, (size_t)Size, "<in %s>", Module);
        } else {
            MiFormatRaw(Value, Buffer, (size_t)Size);
        }
    }
}

/* A host code address: its module in symbolic mode (offsets change with
 * every build), module+offset (function+offset) otherwise. */
static void MiFormatCode(ULONG_PTR Value, ULONG Flags, char *Buffer, size_t Size)
{
    if (Value == 0) {
        snprintf(Buffer, Size, "0");
        return;
    }
    const char *Module = NULL;
    uint64_t Offset = 0;
    if (Flags & SIM_DUMP_SYMBOLIC) {
        if (HostFrameModuleOffset((void *)Value, &Module, &Offset)) {
            snprintf(Buffer, Size, "<code in %s>", Module);
        } else {
            snprintf(Buffer, Size, "<code>");
        }
        return;
    }
    char Raw[32], Where[160];
    MiFormatRaw(Value, Raw, sizeof(Raw));
    snprintf(Buffer, Size, "%s %s", Raw, HostDescribeFrame((void *)Value, Where, sizeof(Where)));
}

static const char *MiAddr(ULONG_PTR Value, ULONG Flags, char *Buffer, size_t Size)
{
    SimFormatAddress(Value, Flags, Buffer, Size);
    return Buffer;
}

static void MiTagText(ULONG Tag, char Text[5])
{
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)(Tag >> (8 * i));
        Text[i] = c >= 0x20 && c < 0x7F ? (char)c : '.';
    }
    Text[4] = '\0';
}

/* ---------------------------------------------------------------------- */
/* Page map characters.                                                   */
/* ---------------------------------------------------------------------- */
static char MiPageCharLocked(uint64_t Page)
{
    uint64_t Pte = MiSpace.Pte[Page];
    if (MiIsReservationHeaderPage(Page)) {
        return 'H';
    }
    if (Pte & MI_PTE_VALID) {
        return (Pte & MI_PTE_WRITE) ? 'V' : 'R';
    }
    MI_REGION Region = MiRegionOf(Page);
    if (Region == MiRegionGuard) {
        return 'g';
    }
    if (MiIsReservedPage(Page)) {
        return Pte == 0 ? '.' : '!';
    }
    if (Pte & MI_PTE_TRANSITION) {
        return 'T';
    }
    const MI_VA_ALLOCATOR *Allocator = Region == MiRegionSystemPtes     ? &MiSpace.SystemPtes
                                       : Region == MiRegionNonPagedPool ? &MiSpace.NonPagedPool
                                                                        : &MiSpace.PagedPool;
    if (!MiVaIsAllocated(Allocator, Page)) {
        return '-';
    }
    return Pte == 0 ? 'g' : '!';
}

char SimPageMapChar(PVOID Va)
{
    MiEnsureMachine();
    if (!MiIsSystemVa(Va)) {
        return ' ';
    }
    MiLock();
    char c = MiPageCharLocked(MiVaToPage(Va));
    MiUnlock();
    return c;
}

const char *SimPageMapLegend(VOID)
{
    return "H header PTE (nt5)  . reserved, empty  V valid  R valid, read-only  "
           "T transition (trimmed)  g guard  - free  ! invalid, not empty";
}

/* ---------------------------------------------------------------------- */
/* !pte                                                                   */
/* ---------------------------------------------------------------------- */
/* WinDbg's x64 flag string: C G L D A N T K/U W/R E V ('-' when clear). */
static void MiPteFlags(uint64_t Pte, char Flags[12])
{
    Flags[0] = '-'; /* copy-on-write: never in system space */
    Flags[1] = (Pte & MI_PTE_GLOBAL) ? 'G' : '-';
    Flags[2] = (Pte & MI_PTE_LARGE_PAGE) ? 'L' : '-';
    Flags[3] = (Pte & MI_PTE_DIRTY) ? 'D' : '-';
    Flags[4] = (Pte & MI_PTE_ACCESSED) ? 'A' : '-';
    Flags[5] = (Pte & MI_PTE_CACHE_DISABLE) ? 'N' : '-';
    Flags[6] = (Pte & MI_PTE_WRITE_THROUGH) ? 'T' : '-';
    Flags[7] = (Pte & MI_PTE_OWNER) ? 'U' : 'K';
    Flags[8] = (Pte & MI_PTE_WRITE) ? 'W' : 'R';
    Flags[9] = (Pte & MI_PTE_NO_EXECUTE) ? '-' : 'E';
    Flags[10] = 'V';
    Flags[11] = '\0';
}

static const char *const MiRegionText[] = {"guard region", "system PTEs", "non-paged pool",
                                           "paged pool"};

/* The nt5 header PTE at Page: what it encodes. */
static void MiDescribeHeader(SIM_DUMP_OUTPUT *Out, uint64_t Page, uint64_t Pte)
{
    SIM_RESERVATION_INFO Info;
    char A[48];
    if (!MiQueryReservation(MiPageToVa(Page), &Info)) {
        return;
    }
    uint64_t BasePage = MiVaToPage(Info.Base);
    static const char *const Formats[] = {"Server 2003", "Vista-Win7", "Win8+"};
    static const unsigned Shift[] = {1, 32, 28};
    SIM_NT5_HEADER_FORMAT Format = MiGetNt5HeaderFormat();
    unsigned S = (unsigned)Format < 3 ? Shift[Format] : 1;
    const char *Name = (unsigned)Format < 3 ? Formats[Format] : "?";
    char TagText[5];
    MiTagText(Info.Tag, TagText);
    if (Page + 2 == BasePage) {
        MiOut(Out,
              " mmsim: nt5 header of reservation %s: size PTE, N + 2 = %llu pages "
              "(%s encoding: (N + 2) << %u = 0x%llx)\n",
              MiAddr((ULONG_PTR)Info.Base, Out->Flags, A, sizeof(A)),
              (unsigned long long)(Pte >> S), Name, S, (unsigned long long)Pte);
    } else {
        MiOut(Out,
              " mmsim: nt5 header of reservation %s: tag PTE, '%s' 0x%08x with bit 0 cleared "
              "(%s encoding%s)\n",
              MiAddr((ULONG_PTR)Info.Base, Out->Flags, A, sizeof(A)), TagText,
              (unsigned)Info.Tag, Name,
              Format == SimNt5HeaderServer2003 ? ": tag & ~1"
              : Format == SimNt5HeaderVista    ? ": ((tag & ~1) + 1) << 32"
                                               : ": ((tag & ~1) + 1) << 28");
    }
}

VOID SimDumpPte(SIM_DUMP_OUTPUT *Out, PVOID Va)
{
    MiEnsureMachine();
    char A[48], B[48];
    MiOut(Out, "                                           VA %s\n",
          MiAddr((ULONG_PTR)Va, Out->Flags, A, sizeof(A)));
    if (!MiIsSystemVa(Va)) {
        MiOut(Out, "not in simulated system space: host memory, no emulated PTE\n");
        return;
    }
    MiLock();
    uint64_t Page = MiVaToPage(Va);
    uint64_t Pte = MiSpace.Pte[Page];
    MI_REGION Region = MiRegionOf(Page);
    bool Header = MiIsReservationHeaderPage(Page);
    MiUnlock();
    MiOut(Out, "PTE at %s\n", MiAddr((ULONG_PTR)&MiSpace.Pte[Page], Out->Flags, B, sizeof(B)));
    MiOut(Out, "contains %016llX\n", (unsigned long long)Pte);
    if (Pte & MI_PTE_VALID) {
        char Flags[12];
        MiPteFlags(Pte, Flags);
        MiOut(Out, "pfn %-9llx %s\n", (unsigned long long)MI_PTE_PFN(Pte), Flags);
    } else {
        MiOut(Out, "not valid\n");
        if (Header) {
            MiDescribeHeader(Out, Page, Pte);
        } else if (Pte & MI_PTE_TRANSITION) {
            MiOut(Out, " Transition: %llx\n Protect: %llu - ReadWrite\n",
                  (unsigned long long)MI_PTE_PFN(Pte), (unsigned long long)((Pte >> 5) & 0x1F));
        }
    }
    /* mmsim's own line: what this page belongs to. */
    char Where[160] = "";
    SIM_RESERVATION_INFO Info;
    if (MiQueryReservation(Va, &Info)) {
        char TagText[5];
        MiTagText(Info.Tag, TagText);
        if (Header) {
            snprintf(Where, sizeof(Where), ", header of reservation %s ('%s')",
                     MiAddr((ULONG_PTR)Info.Base, Out->Flags, A, sizeof(A)), TagText);
        } else {
            snprintf(Where, sizeof(Where), ", reservation %s ('%s') page %llu of %llu",
                     MiAddr((ULONG_PTR)Info.Base, Out->Flags, A, sizeof(A)), TagText,
                     (unsigned long long)(((PUCHAR)PAGE_ALIGN(Va) - (PUCHAR)Info.Base) / PAGE_SIZE),
                     (unsigned long long)Info.Pages);
        }
    }
    char PfnText[120] = "";
    if (Pte & (MI_PTE_VALID | MI_PTE_TRANSITION) && !Header) {
        SIM_PFN_INFO Pfn;
        if (MiQueryPfn(MI_PTE_PFN(Pte), &Pfn)) {
            snprintf(PfnText, sizeof(PfnText), "; pfn %llx %s, share count %u, lock count %u",
                     (unsigned long long)MI_PTE_PFN(Pte), MiPageStateName(Pfn.State),
                     Pfn.MapCount, Pfn.LockCount);
        }
    }
    MiOut(Out, "mmsim: %s%s%s\n", MiRegionText[Region], Where, PfnText);
}

/* ---------------------------------------------------------------------- */
/* !pfn                                                                   */
/* ---------------------------------------------------------------------- */
static const char *MiCacheName(LONG CacheType)
{
    switch (CacheType) {
    case MmNonCached: return "NonCached";
    case MmCached: return "Cached";
    case MmWriteCombined: return "WriteCombined";
    case MmHardwareCoherentCached: return "HardwareCoherentCached";
    case MmNonCachedUnordered: return "NonCachedUnordered";
    case MmUSWCCached: return "USWCCached";
    default: return "NotMapped";
    }
}

BOOLEAN SimDumpPfn(SIM_DUMP_OUTPUT *Out, PFN_NUMBER Pfn)
{
    MiEnsureMachine();
    SIM_PFN_INFO Info;
    if (!MiQueryPfn(Pfn, &Info)) {
        MiOut(Out, "    PFN %08llX is not RAM in this machine\n", (unsigned long long)Pfn);
        return FALSE;
    }
    /* The PTEs that name the page (valid or transition), lowest first. */
    uint64_t First = UINT64_MAX, Count = 0;
    MiLock();
    for (uint64_t Page = MiNextNonZeroPte(0, MiSpace.Pages); Page < MiSpace.Pages;
         Page = MiNextNonZeroPte(Page + 1, MiSpace.Pages)) { /* scale: untouched PTEs are 0 */
        uint64_t Pte = MiSpace.Pte[Page];
        if ((Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) && !MiIsReservationHeaderPage(Page) &&
            MI_PTE_PFN(Pte) == Pfn) {
            if (First == UINT64_MAX) {
                First = Page;
            }
            Count++;
        }
    }
    MiUnlock();
    char A[48];
    bool Active = Info.State != SimPageFree && Info.State != SimPageZeroed;
    MiOut(Out, "    PFN %08llX\n", (unsigned long long)Pfn);
    MiOut(Out, "    share count %08X  pteaddress %s\n", Info.MapCount,
          First == UINT64_MAX ? "(none)"
                              : MiAddr((ULONG_PTR)&MiSpace.Pte[First], Out->Flags, A, sizeof(A)));
    MiOut(Out, "    lock count  %04X      %s\n", Info.LockCount, MiCacheName(Info.CacheType));
    char Owner[32] = "";
    if (Info.Owner != 0) {
        char TagText[5];
        MiTagText(Info.Owner, TagText);
        snprintf(Owner, sizeof(Owner), "  pool tag '%s'", TagText);
    }
    MiOut(Out, "    %s (%s)%s\n",
          Active ? "Active" : (Info.State == SimPageZeroed ? "Zeroed" : "Free"),
          MiPageStateName(Info.State), Owner);
    if (First != UINT64_MAX) {
        MiOut(Out, "mmsim: mapped at %s", MiAddr((ULONG_PTR)MiPageToVa(First), Out->Flags, A,
                                                  sizeof(A)));
        if (Count > 1) {
            MiOut(Out, " and %llu more PTE(s)", (unsigned long long)(Count - 1));
        }
        MiOut(Out, "\n");
    }
    return TRUE;
}

/* ---------------------------------------------------------------------- */
/* !sysptes                                                               */
/* ---------------------------------------------------------------------- */
VOID SimDumpSysPtes(SIM_DUMP_OUTPUT *Out)
{
    MiEnsureMachine();
    char A[48], B[48];
    MiLock();
    const MI_VA_ALLOCATOR *Sys = &MiSpace.SystemPtes;
    uint64_t Blocks = 0;
    bool InRun = false;
    /* scale: an untouched stretch is free throughout; one step. */
    for (uint64_t i = 0, Next; i < Sys->Pages; i = Next) {
        Next = MiVaNextTouched(Sys->FirstPage + i) - Sys->FirstPage;
        if (Next > i) {
            Blocks += !InRun;
            InRun = true;
            continue;
        }
        Next = i + 1;
        bool Free = !MiVaIsAllocated(Sys, Sys->FirstPage + i);
        Blocks += Free && !InRun;
        InRun = Free;
    }
    uint64_t Total = Sys->Pages, FreeCount = Sys->FreeCount, Largest = MiVaLargestFree(Sys);
    uint64_t Failures = Sys->Failures;
    ULONG_PTR FirstPte = (ULONG_PTR)&MiSpace.Pte[Sys->FirstPage];
    ULONG_PTR LastPte = (ULONG_PTR)&MiSpace.Pte[Sys->FirstPage + Sys->Pages - 1];
    MiUnlock();

    ULONG64 Pages = 0;
    ULONG Mappings = MiQueryMdlMappings(&Pages);
    ULONG Reservations = MiEnumReservations(NULL, 0);
    SIM_RESERVATION_INFO *Infos = NULL;
    uint64_t Reserved = 0, Mapped = 0;
    if (Reservations > 0) {
        Infos = (SIM_RESERVATION_INFO *)calloc(Reservations, sizeof(*Infos));
        if (Infos != NULL) {
            ULONG Got = MiEnumReservations(Infos, Reservations);
            for (ULONG i = 0; i < Got && i < Reservations; i++) {
                Reserved += Infos[i].Pages + Infos[i].HeaderPtes;
                Mapped += Infos[i].MappedPages;
            }
            free(Infos);
        }
    }
    MiOut(Out, "System PTE Information\n");
    MiOut(Out, "  Total System Ptes %llu\n", (unsigned long long)Total);
    MiOut(Out, " starting PTE: %s\n", MiAddr(FirstPte, Out->Flags, A, sizeof(A)));
    MiOut(Out, " ending PTE:   %s\n", MiAddr(LastPte, Out->Flags, B, sizeof(B)));
    MiOut(Out, "\nfree blocks: %llu   total free: %llu    largest free block: %llu\n",
          (unsigned long long)Blocks, (unsigned long long)FreeCount, (unsigned long long)Largest);
    MiOut(Out, "\nmmsim: %llu in use: %u reservation(s) holding %llu PTEs (%llu valid), "
               "%u MDL mapping(s) of %llu pages; %llu failed request(s)\n",
          (unsigned long long)(Total - FreeCount), Reservations, (unsigned long long)Reserved,
          (unsigned long long)Mapped, Mappings, (unsigned long long)Pages,
          (unsigned long long)Failures);
}

/* ---------------------------------------------------------------------- */
/* !poolused                                                              */
/* ---------------------------------------------------------------------- */
static const struct {
    ULONG Tag;
    const char *Description;
} MiKnownTags[] = {
    {'ldmM', "MDLs from MmAllocatePagesForMdl(Ex)"},
    {' ldM', "MDLs from IoAllocateMdl"},
    {'mriM', "reserved-mapping records (modern MmAllocateMappingAddress(Ex))"},
    {'kWoI', "IoAllocateWorkItem"},
};

static int MiTagCompare(ULONG A, ULONG B)
{
    char Ta[5], Tb[5];
    MiTagText(A, Ta);
    MiTagText(B, Tb);
    return strcmp(Ta, Tb);
}

static int MiSortBytes(const void *Left, const void *Right)
{
    const SIM_POOL_TAG_USAGE *A = (const SIM_POOL_TAG_USAGE *)Left;
    const SIM_POOL_TAG_USAGE *B = (const SIM_POOL_TAG_USAGE *)Right;
    if (A->Bytes != B->Bytes) {
        return A->Bytes > B->Bytes ? -1 : 1;
    }
    int c = MiTagCompare(A->Tag, B->Tag);
    return c != 0 ? c : (int)A->Paged - (int)B->Paged;
}

static int MiSortTag(const void *Left, const void *Right)
{
    const SIM_POOL_TAG_USAGE *A = (const SIM_POOL_TAG_USAGE *)Left;
    const SIM_POOL_TAG_USAGE *B = (const SIM_POOL_TAG_USAGE *)Right;
    int c = MiTagCompare(A->Tag, B->Tag);
    return c != 0 ? c : (int)A->Paged - (int)B->Paged;
}

VOID SimDumpPoolUsed(SIM_DUMP_OUTPUT *Out, SIM_POOLUSED_SORT Sort)
{
    MiEnsureMachine();
    ULONG Count = MiQueryPoolUsage(NULL, 0);
    SIM_POOL_TAG_USAGE *Entries = NULL;
    if (Count > 0) {
        Entries = (SIM_POOL_TAG_USAGE *)calloc(Count, sizeof(*Entries));
        if (Entries == NULL) {
            MiOut(Out, "!poolused: out of host memory\n");
            return;
        }
        ULONG Got = MiQueryPoolUsage(Entries, Count);
        Count = Got < Count ? Got : Count;
        qsort(Entries, Count, sizeof(*Entries), Sort == SimPoolUsedSortTag ? MiSortTag : MiSortBytes);
    }
    MiOut(Out, " Sorting by %s\n\n", Sort == SimPoolUsedSortTag ? "Tag" : "Bytes Used");
    MiOut(Out, " Tag  Type      Allocs     Frees      Diff      Bytes\n");
    uint64_t Diff = 0, Bytes = 0;
    for (ULONG i = 0; i < Count; i++) {
        const SIM_POOL_TAG_USAGE *E = &Entries[i];
        char TagText[5];
        MiTagText(E->Tag, TagText);
        const char *Description = "";
        for (size_t k = 0; k < sizeof(MiKnownTags) / sizeof(MiKnownTags[0]); k++) {
            if (MiKnownTags[k].Tag == E->Tag) {
                Description = MiKnownTags[k].Description;
            }
        }
        MiOut(Out, " %s %-5s %9llu %9llu %9llu %10llu%s%s\n", TagText, E->Paged ? "Paged" : "Nonp",
              (unsigned long long)E->Allocs, (unsigned long long)E->Frees,
              (unsigned long long)(E->Allocs - E->Frees), (unsigned long long)E->Bytes,
              Description[0] ? "  " : "", Description);
        Diff += E->Allocs - E->Frees;
        Bytes += E->Bytes;
    }
    MiOut(Out, " TOTAL %*s %9llu %10llu\n", 24, "", (unsigned long long)Diff,
          (unsigned long long)Bytes);
    free(Entries);
}

/* ---------------------------------------------------------------------- */
/* dt nt!_MDL                                                             */
/* ---------------------------------------------------------------------- */
static const struct {
    USHORT Flag;
    const char *Name;
} MiMdlFlagNames[] = {
    {MDL_MAPPED_TO_SYSTEM_VA, "MDL_MAPPED_TO_SYSTEM_VA"},
    {MDL_PAGES_LOCKED, "MDL_PAGES_LOCKED"},
    {MDL_SOURCE_IS_NONPAGED_POOL, "MDL_SOURCE_IS_NONPAGED_POOL"},
    {MDL_ALLOCATED_FIXED_SIZE, "MDL_ALLOCATED_FIXED_SIZE"},
    {MDL_PARTIAL, "MDL_PARTIAL"},
    {MDL_PARTIAL_HAS_BEEN_MAPPED, "MDL_PARTIAL_HAS_BEEN_MAPPED"},
    {MDL_IO_PAGE_READ, "MDL_IO_PAGE_READ"},
    {MDL_WRITE_OPERATION, "MDL_WRITE_OPERATION"},
    {MDL_LOCKED_PAGE_TABLES, "MDL_LOCKED_PAGE_TABLES"},
    {MDL_FREE_EXTRA_PTES, "MDL_FREE_EXTRA_PTES"},
    {MDL_DESCRIBES_AWE, "MDL_DESCRIBES_AWE"},
    {MDL_IO_SPACE, "MDL_IO_SPACE"},
    {MDL_NETWORK_HEADER, "MDL_NETWORK_HEADER"},
    {MDL_MAPPING_CAN_FAIL, "MDL_MAPPING_CAN_FAIL"},
    {MDL_PAGE_CONTENTS_INVARIANT, "MDL_ALLOCATED_MUST_SUCCEED"},
    {MDL_INTERNAL, "MDL_INTERNAL"},
};

VOID SimFormatMdlFlags(USHORT Flags, char *Buffer, SIZE_T Size)
{
    if (Size == 0) {
        return;
    }
    Buffer[0] = '\0';
    size_t Used = 0;
    for (size_t i = 0; i < sizeof(MiMdlFlagNames) / sizeof(MiMdlFlagNames[0]); i++) {
        if (Flags & MiMdlFlagNames[i].Flag) {
            int n = snprintf(Buffer + Used, (size_t)Size - Used, "%s%s", Used ? " | " : "",
                             MiMdlFlagNames[i].Name);
            if (n < 0 || (size_t)n >= (size_t)Size - Used) {
                return;
            }
            Used += (size_t)n;
        }
    }
}

/* true if [Va, Va + Bytes) can be read without a fault: host memory, or
 * system space whose PTEs are valid. */
static bool MiReadable(const void *Va, size_t Bytes)
{
    if (!MiIsSystemVa(Va)) {
        return true;
    }
    bool Ok = true;
    MiLock();
    uint64_t First = MiVaToPage(Va);
    uint64_t Last = MiIsSystemVa((const uint8_t *)Va + Bytes - 1)
                        ? MiVaToPage((const uint8_t *)Va + Bytes - 1)
                        : MiSpace.Pages;
    for (uint64_t Page = First; Page <= Last && Ok; Page++) {
        Ok = Page < MiSpace.Pages && (MiSpace.Pte[Page] & MI_PTE_VALID) != 0;
    }
    MiUnlock();
    return Ok;
}

VOID SimDumpMdl(SIM_DUMP_OUTPUT *Out, PMDL Mdl)
{
    MiEnsureMachine();
    char A[48], FlagText[400];
    MiOut(Out, "nt!_MDL %s\n", MiAddr((ULONG_PTR)Mdl, Out->Flags, A, sizeof(A)));
    if (Mdl == NULL) {
        return;
    }
    /* A stale MDL pointer into unmapped system space would stop the machine:
     * a dump only reads what is readable. */
    if (!MiReadable(Mdl, sizeof(MDL))) {
        MiOut(Out, "   (memory not valid: the MDL was freed?)\n");
        return;
    }
    USHORT Flags = (USHORT)Mdl->MdlFlags;
    SimFormatMdlFlags(Flags, FlagText, sizeof(FlagText));
    MiOut(Out, "   +0x%03zx Next             : %s\n", offsetof(MDL, Next),
          Mdl->Next ? MiAddr((ULONG_PTR)Mdl->Next, Out->Flags, A, sizeof(A)) : "(null)");
    MiOut(Out, "   +0x%03zx Size             : 0n%d\n", offsetof(MDL, Size), (int)Mdl->Size);
    MiOut(Out, "   +0x%03zx MdlFlags         : 0n%d (0x%04x%s%s)\n", offsetof(MDL, MdlFlags),
          (int)Mdl->MdlFlags, (unsigned)Flags, FlagText[0] ? ": " : "", FlagText);
    MiOut(Out, "   +0x%03zx Process          : %s\n", offsetof(MDL, Process),
          Mdl->Process ? MiAddr((ULONG_PTR)Mdl->Process, Out->Flags, A, sizeof(A)) : "(null)");
    MiOut(Out, "   +0x%03zx MappedSystemVa   : %s\n", offsetof(MDL, MappedSystemVa),
          Mdl->MappedSystemVa ? MiAddr((ULONG_PTR)Mdl->MappedSystemVa, Out->Flags, A, sizeof(A))
                              : "(null)");
    MiOut(Out, "   +0x%03zx StartVa          : %s\n", offsetof(MDL, StartVa),
          Mdl->StartVa ? MiAddr((ULONG_PTR)Mdl->StartVa, Out->Flags, A, sizeof(A)) : "(null)");
    MiOut(Out, "   +0x%03zx ByteCount        : 0x%x\n", offsetof(MDL, ByteCount), Mdl->ByteCount);
    MiOut(Out, "   +0x%03zx ByteOffset       : 0x%x\n", offsetof(MDL, ByteOffset),
          Mdl->ByteOffset);
    /* PFN array: the span, bounded by what the MDL's Size has room for. */
    uint64_t Span = ((uint64_t)(Mdl->ByteOffset & (PAGE_SIZE - 1)) + Mdl->ByteCount + PAGE_SIZE - 1) >>
                    PAGE_SHIFT;
    uint64_t Shown = Span;
    const PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    while (Shown > 0 && !MiReadable(Pfns, Shown * sizeof(PFN_NUMBER))) {
        Shown--; /* only what is readable */
    }
    MiOut(Out, "   PFN array (%llu page%s):", (unsigned long long)Span, Span == 1 ? "" : "s");
    const uint64_t Limit = 64;
    for (uint64_t i = 0; i < Shown && i < Limit; i++) {
        if (i % 8 == 0) {
            MiOut(Out, "\n     ");
        }
        if (Pfns[i] == MI_PFN_LIST_HEAD) {
            MiOut(Out, " (end)");
        } else {
            MiOut(Out, " %6llx", (unsigned long long)Pfns[i]);
        }
    }
    if (Shown > Limit) {
        MiOut(Out, "\n      ... %llu more", (unsigned long long)(Shown - Limit));
    }
    MiOut(Out, "\n");
}

/* ---------------------------------------------------------------------- */
/* Page maps.                                                             */
/* ---------------------------------------------------------------------- */
#define MI_MAP_COLUMNS 64
#define MI_MAP_MAX_CHARS (MI_MAP_COLUMNS * 16)

VOID SimDumpPageMap(SIM_DUMP_OUTPUT *Out, PVOID Va, ULONG64 Pages)
{
    MiEnsureMachine();
    char A[48];
    if (!MiIsSystemVa(Va) || Pages == 0) {
        MiOut(Out, "  (%s is not in simulated system space)\n",
              MiAddr((ULONG_PTR)Va, Out->Flags, A, sizeof(A)));
        return;
    }
    MiLock();
    uint64_t First = MiVaToPage(Va);
    if (Pages > MiSpace.Pages - First) {
        Pages = MiSpace.Pages - First;
    }
    /* Scale: each character stands for PerChar pages. */
    uint64_t PerChar = (Pages + MI_MAP_MAX_CHARS - 1) / MI_MAP_MAX_CHARS;
    uint64_t Chars = (Pages + PerChar - 1) / PerChar;
    char Row[MI_MAP_COLUMNS + 1];
    for (uint64_t c = 0; c < Chars; c += MI_MAP_COLUMNS) {
        uint64_t n = Chars - c < MI_MAP_COLUMNS ? Chars - c : MI_MAP_COLUMNS;
        for (uint64_t k = 0; k < n; k++) {
            uint64_t Start = First + (c + k) * PerChar;
            uint64_t End = Start + PerChar;
            if (End > First + Pages) {
                End = First + Pages;
            }
            char Mark = MiPageCharLocked(Start);
            for (uint64_t p = Start + 1; p < End && Mark != '+'; p++) {
                char Other = MiPageCharLocked(p);
                if (Other != Mark) {
                    /* Mixed: lower-case 'v' if any page in it is valid. */
                    bool AnyValid = Mark == 'V' || Other == 'V';
                    for (uint64_t q = p; q < End && !AnyValid; q++) {
                        AnyValid = MiPageCharLocked(q) == 'V';
                    }
                    Mark = AnyValid ? 'v' : '+';
                }
            }
            Row[k] = Mark;
        }
        Row[n] = '\0';
        MiUnlock();
        MiOut(Out, "  %-16s %s\n",
              MiAddr((ULONG_PTR)MiPageToVa(First + c * PerChar), Out->Flags, A, sizeof(A)), Row);
        MiLock();
    }
    MiUnlock();
    if (PerChar > 1) {
        MiOut(Out, "  (1 character = %llu pages; v partly valid, + mixed)\n",
              (unsigned long long)PerChar);
    }
}

BOOLEAN SimDumpReservation(SIM_DUMP_OUTPUT *Out, PVOID Va)
{
    MiEnsureMachine();
    SIM_RESERVATION_INFO Info;
    char A[48], TagText[5];
    if (!MiQueryReservation(Va, &Info)) {
        MiOut(Out, "no reservation contains %s\n", MiAddr((ULONG_PTR)Va, Out->Flags, A, sizeof(A)));
        return FALSE;
    }
    MiTagText(Info.Tag, TagText);
    MiOut(Out, "reservation %s: tag '%s', %llu pages%s, %llu mapped%s\n",
          MiAddr((ULONG_PTR)Info.Base, Out->Flags, A, sizeof(A)), TagText,
          (unsigned long long)Info.Pages,
          (Info.Flags & MM_MAPPING_ADDRESS_DIVISIBLE) ? ", DIVISIBLE" : "",
          (unsigned long long)Info.MappedPages,
          Info.HeaderPtes ? ", 2 header PTEs below the base" : "");
    PUCHAR Start = (PUCHAR)Info.Base - (SIZE_T)Info.HeaderPtes * PAGE_SIZE;
    SimDumpPageMap(Out, Start, Info.Pages + Info.HeaderPtes);
    return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Stops: an !analyze -v style decoding of the four parameters.           */
/* ---------------------------------------------------------------------- */
typedef enum { K_VAL = 0, K_ADDR, K_CODE, K_TAG, K_PFN } MI_KIND;

typedef struct _MI_STOP_LAYOUT {
    ULONG Code;
    ULONG_PTR SubCode;   /* Parameter 1, or MI_ANY */
    MI_KIND Kind[4];
    const char *Text[4];
} MI_STOP_LAYOUT;

#define MI_ANY ((ULONG_PTR)-1)

static const MI_STOP_LAYOUT MiLayouts[] = {
    /* specialpool: special pool's stops (0xC1: keyed by Parameter 4). */
    {0xD6, MI_ANY, {K_ADDR, K_VAL, K_CODE, K_VAL},
     {"memory referenced (a guard page of a special pool block)", "0 read, 1 write",
      "address of the code that touched it", "reserved"}},
    {0xCD, MI_ANY, {K_ADDR, K_VAL, K_CODE, K_VAL},
     {"memory referenced (a guard page of a special pool block)", "0 read, 1 write",
      "address of the code that touched it (if known)", "reserved"}},
    {0xD5, MI_ANY, {K_ADDR, K_VAL, K_CODE, K_VAL},
     {"memory referenced (freed special pool)", "0 read, 1 write",
      "address of the code that touched it", "reserved"}},
    {0xCC, MI_ANY, {K_ADDR, K_VAL, K_CODE, K_VAL},
     {"memory referenced (freed special pool)", "0 read, 1 write",
      "address of the code that touched it (if known)", "reserved"}},
    {0xC1, 0x20, {K_ADDR, K_TAG, K_VAL, K_VAL},
     {"address freed", "reserved (the block's tag)", "0", "0x20: pool freed that is not allocated"}},
    {0xC1, 0x21, {K_ADDR, K_VAL, K_VAL, K_VAL},
     {"address freed", "bytes requested", "bytes from the address to the end of the block's pages",
      "0x21: an address inside the block, not its start"}},
    {0xC1, 0x22, {K_ADDR, K_VAL, K_VAL, K_VAL},
     {"address freed", "bytes requested", "bytes from the address to the end of the block's pages",
      "0x22: an address in the block's slack or guard"}},
    {0xC1, 0x23, {K_ADDR, K_ADDR, K_VAL, K_VAL},
     {"address freed", "first corrupted byte", "reserved", "0x23: slack before the block corrupted"}},
    {0xC1, 0x24, {K_ADDR, K_ADDR, K_VAL, K_VAL},
     {"address freed", "first corrupted byte", "reserved", "0x24: bytes after the block's end overwritten"}},
    {0xC1, 0x30, {K_VAL, K_VAL, K_VAL, K_VAL},
     {"current IRQL", "pool type", "bytes", "0x30: allocation at a bad IRQL"}},
    {0xC1, 0x31, {K_VAL, K_VAL, K_ADDR, K_VAL},
     {"current IRQL", "pool type", "address freed", "0x31: free at a bad IRQL"}},
    {0xC1, 0x32, {K_ADDR, K_ADDR, K_VAL, K_VAL},
     {"address freed", "byte with a single-bit error", "reserved", "0x32: a single-bit error in the slack"}},
    {0x50, MI_ANY, {K_ADDR, K_VAL, K_CODE, K_VAL},
     {"memory referenced", "0 read, 2 write, 10 execute", "address of the code that touched it",
      "0 empty (freed) PTE, 2 no page table (guard region)"}},
    {0xD1, MI_ANY, {K_ADDR, K_VAL, K_VAL, K_CODE},
     {"memory referenced", "IRQL at the time", "0 read, 1 write, 8 execute",
      "address of the code that touched it"}},
    {0x0A, MI_ANY, {K_ADDR, K_VAL, K_VAL, K_CODE},
     {"memory referenced", "IRQL at the time", "bit 0 write, bit 3 execute", "code address"}},
    {0xBE, MI_ANY, {K_ADDR, K_VAL, K_VAL, K_VAL},
     {"virtual address written", "PTE contents", "reserved", "reserved"}},
    {0x1E, MI_ANY, {K_VAL, K_CODE, K_VAL, K_VAL},
     {"exception code (NTSTATUS)", "code address", "parameter 0 of the exception",
      "parameter 1 of the exception"}},
    {0xDA, 0x100, {K_VAL, K_VAL, K_TAG, K_CODE},
     {"subcode", "mappings requested", "caller's tag", "caller's caller"}},
    {0xDA, 0x101, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "first mapping address", "caller's tag", "owner's tag (header PTE)"}},
    {0xDA, 0x102, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "address given", "caller's tag", "reserved / pages to unmap"}},
    {0xDA, 0x103, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "the range (nt5: its header PTE)", "caller's tag",
      "pages in the range, mapped or not (documented as the number of mappings)"}},
    {0xDA, 0x104, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "first mapping address", "caller's tag", "owner's tag (nt5: the PTE read as a tag)"}},
    {0xDA, 0x105, {K_VAL, K_ADDR, K_TAG, K_CODE},
     {"subcode", "first mapping address", "caller's tag", "caller"}},
    {0xDA, 0x106, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "address given", "caller's tag", "0 free, 1 map, 2 unmap"}},
    {0xDA, 0x107, {K_VAL, K_ADDR, K_ADDR, K_ADDR},
     {"subcode", "first mapping address", "address of the non-empty PTE", "last PTE checked"}},
    {0xDA, 0x108, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "first mapping address", "caller's tag", "owner's tag (header PTE)"}},
    {0xDA, 0x109, {K_VAL, K_ADDR, K_TAG, K_CODE},
     {"subcode", "first mapping address", "caller's tag", "caller"}},
    {0xDA, 0x10A, {K_VAL, K_ADDR, K_VAL, K_VAL},
     {"subcode", "first mapping address", "pages in the range", "pages to unmap"}},
    {0xDA, 0x10B, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "first mapping address", "caller's tag", "mappings to unmap"}},
    {0xDA, 0x10C, {K_VAL, K_ADDR, K_TAG, K_VAL},
     {"subcode", "first mapping address", "caller's tag", "mappings to unmap"}},
    {0xDA, MI_ANY, {K_VAL, K_ADDR, K_VAL, K_VAL},
     {"subcode", "address", "parameter 3", "parameter 4"}},
    {0x1A, 0x1233, {K_VAL, K_PFN, K_VAL, K_VAL}, {"subcode", "PFN", "0", "0"}},
    {0x1A, 0x1236, {K_VAL, K_ADDR, K_ADDR, K_PFN},
     {"subcode", "MDL", "the MDL's PFN array slot", "PFN in that slot"}},
    {0x1A, 0x1238, {K_VAL, K_ADDR, K_VAL, K_VAL}, {"subcode", "MDL", "MdlFlags", "0"}},
    {0x1A, 0x1240, {K_VAL, K_ADDR, K_ADDR, K_VAL}, {"subcode", "MDL", "PTE address", "0"}},
    {0x1A, 0x1302, {K_VAL, K_ADDR, K_VAL, K_VAL}, {"subcode", "MDL", "Flags", "ByteCount"}},
    {0x4E, 0x07, {K_VAL, K_PFN, K_VAL, K_VAL}, {"subcode", "PFN", "share count", "0"}},
    {0x4E, 0x9A, {K_VAL, K_PFN, K_VAL, K_VAL},
     {"subcode", "PFN", "page state", "reference count"}},
    {0xC2, 0x07, {K_VAL, K_VAL, K_TAG, K_ADDR},
     {"subcode", "reserved", "header contents (the block's tag)", "block address"}},
    {0xC2, 0x0A, {K_VAL, K_ADDR, K_TAG, K_TAG},
     {"subcode", "block address", "allocator's tag", "tag used in the free"}},
    {0xC2, 0x42, {K_VAL, K_ADDR, K_VAL, K_VAL}, {"subcode", "address freed", "0", "0"}},
    {0xC2, 0x46, {K_VAL, K_ADDR, K_VAL, K_VAL}, {"subcode", "address freed", "0", "0"}},
    {0xC4, 0x30, {K_VAL, K_VAL, K_VAL, K_VAL}, {"subcode", "current IRQL", "requested IRQL", "0"}},
    {0xC4, 0x31, {K_VAL, K_VAL, K_VAL, K_VAL}, {"subcode", "current IRQL", "requested IRQL", "0"}},
    {0xC4, MI_ANY, {K_VAL, K_VAL, K_VAL, K_VAL},
     {"subcode", "parameter 2", "parameter 3", "parameter 4"}},
};

static const MI_STOP_LAYOUT *MiFindLayout(ULONG Code, ULONG_PTR P1);

/* The parameter that names a stop's row: Parameter 1, but 0xC1's is
 * Parameter 4 (specialpool). */
static const MI_STOP_LAYOUT *MiStopLayout(const SIM_BUGCHECK *Stop)
{
    return MiFindLayout(Stop->Code, Stop->Code == 0xC1 ? Stop->Parameters[3] : Stop->Parameters[0]);
}

static const MI_STOP_LAYOUT *MiFindLayout(ULONG Code, ULONG_PTR P1)
{
    for (size_t i = 0; i < sizeof(MiLayouts) / sizeof(MiLayouts[0]); i++) {
        if (MiLayouts[i].Code == Code && (MiLayouts[i].SubCode == P1 || MiLayouts[i].SubCode == MI_ANY)) {
            return &MiLayouts[i];
        }
    }
    return NULL;
}

VOID SimFormatStopParameter(const SIM_BUGCHECK *Stop, ULONG Index, ULONG Flags, char *Buffer,
                            SIZE_T Size)
{
    if (Size == 0) {
        return;
    }
    if (Index > 3) {
        Buffer[0] = '\0';
        return;
    }
    const MI_STOP_LAYOUT *Layout = MiStopLayout(Stop);
    MI_KIND Kind = Layout != NULL ? Layout->Kind[Index] : K_VAL;
    if (Stop->Code == 0xD1 && Index == 0 && Stop->Parameters[2] == 8) {
        Kind = K_CODE; /* an execute fault: the address is the code's */
    }
    ULONG_PTR Value = Stop->Parameters[Index];
    char TagText[5];
    switch (Kind) {
    case K_ADDR:
        SimFormatAddress(Value, Flags, Buffer, Size);
        return;
    case K_CODE:
        MiFormatCode(Value, Flags, Buffer, (size_t)Size);
        return;
    case K_TAG:
        MiTagText((ULONG)Value, TagText);
        snprintf(Buffer, (size_t)Size, "%llx ('%s')", (unsigned long long)Value, TagText);
        return;
    default:
        snprintf(Buffer, (size_t)Size, "%llx", (unsigned long long)Value);
        return;
    }
}

VOID SimDumpStop(SIM_DUMP_OUTPUT *Out, const SIM_BUGCHECK *Stop)
{
    MiEnsureMachine();
    if (Stop == NULL || !Stop->Caught) {
        MiOut(Out, "no stop\n");
        return;
    }
    const MI_STOP_LAYOUT *Layout = MiStopLayout(Stop);
    MiOut(Out, "%s (%x)\n", SimBugCheckName(Stop->Code), (unsigned)Stop->Code);
    MiOut(Out, "%s\n", SimBugCheckMeaning(Stop->Code, Stop->Parameters[0]));
    MiOut(Out, "Arguments:\n");
    for (ULONG i = 0; i < 4; i++) {
        char Value[200];
        SimFormatStopParameter(Stop, i, Out->Flags, Value, sizeof(Value));
        MiOut(Out, "Arg%u: %s%s%s\n", (unsigned)(i + 1), Value, Layout ? ", " : "",
              Layout ? Layout->Text[i] : "");
    }
    if (Stop->Refused) {
        MiOut(Out, "(%s was refused: the machine had already stopped)\n",
              Stop->Ddi ? Stop->Ddi : "a DDI");
    }
}

/* ---------------------------------------------------------------------- */
/* !pool for one address (specialpool).                                   */
/* ---------------------------------------------------------------------- */
BOOLEAN SimDumpPool(SIM_DUMP_OUTPUT *Out, PVOID Va)
{
    MiEnsureMachine();
    char A[48], B[48], C[48], TagText[5];
    SIM_SPECIAL_BLOCK_INFO Special;
    if (SimQuerySpecialPoolBlock(Va, &Special)) {
        MiTagText(Special.Tag, TagText);
        MiOut(Out, "Pool page %s region is Special pool\n",
              MiAddr((ULONG_PTR)Va, Out->Flags, A, sizeof(A)));
        MiOut(Out, "*%s size: %5llx data: %s (%s%s) *%s\n",
              MiAddr((ULONG_PTR)PAGE_ALIGN(Special.Block), Out->Flags, B, sizeof(B)),
              (unsigned long long)Special.Size,
              MiAddr((ULONG_PTR)Special.Block, Out->Flags, C, sizeof(C)),
              Special.Paged ? "Paged" : "NonPaged",
              Special.State == SimSpecialFreed ? " Free" : "", TagText);
        char Slack[96] = "";
        if (Special.State == SimSpecialAllocated) {
            if (Special.SlackIntact) {
                snprintf(Slack, sizeof(Slack), "; slack intact");
            } else {
                snprintf(Slack, sizeof(Slack), "; slack corrupted from %s",
                         MiAddr((ULONG_PTR)Special.FirstCorrupted, Out->Flags, A, sizeof(A)));
            }
        }
        MiOut(Out, "mmsim: special pool block %s, %llu bytes, %s alignment%s; %s%s\n",
              MiAddr((ULONG_PTR)Special.Block, Out->Flags, B, sizeof(B)),
              (unsigned long long)Special.Size,
              Special.Underrun ? "underrun (at the start of its page)"
                               : "overrun (at the end of its page)",
              Special.InGuard ? "; this address is on a guard page" : "",
              Special.State == SimSpecialFreed ? "freed, in the quarantine (a touch is 0xD5)"
                                               : "allocated",
              Slack);
        return TRUE;
    }
    /* Normal pool: the live block that contains Va. */
    ULONG Count = MiEnumPoolBlocks(NULL, 0);
    SIM_POOL_BLOCK_INFO *Blocks =
        Count != 0 ? (SIM_POOL_BLOCK_INFO *)calloc(Count, sizeof(*Blocks)) : NULL;
    Count = Blocks != NULL ? MiEnumPoolBlocks(Blocks, Count) : 0;
    for (ULONG i = 0; i < Count; i++) {
        PUCHAR Start = (PUCHAR)Blocks[i].Va;
        if ((PUCHAR)Va >= Start && (PUCHAR)Va < Start + Blocks[i].Size) {
            MiTagText(Blocks[i].Tag, TagText);
            MiOut(Out, "Pool page %s region is %s pool\n",
                  MiAddr((ULONG_PTR)Va, Out->Flags, A, sizeof(A)),
                  Blocks[i].Paged ? "Paged" : "Nonpaged");
            MiOut(Out, "*%s size: %5llx (Allocated) *%s\n",
                  MiAddr((ULONG_PTR)Start, Out->Flags, B, sizeof(B)),
                  (unsigned long long)Blocks[i].Size, TagText);
            free(Blocks);
            return TRUE;
        }
    }
    free(Blocks);
    MiOut(Out, "%s is not in a live pool block\n", MiAddr((ULONG_PTR)Va, Out->Flags, A, sizeof(A)));
    return FALSE;
}
