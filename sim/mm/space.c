/*
 * space.c - system address space: one host reservation split into system PTE
 * space, non-paged pool and paged pool, the emulated x64 PTE of every page,
 * the host mapping that mirrors them, and the page-fault trap.
 *
 * Invariant (checked by SimCheckInvariants): a page is accessible in the host
 * iff its PTE is valid, and then it shows that PTE's physical page. Runs of
 * contiguous PFNs are mapped with one host call, so even gigabytes of
 * scattered 64 KiB allocations stay far below vm.max_map_count.
 *
 * The host mapping budget (docs/hosts.md): unmapping the middle of a host
 * mapping splits it, and at the host's limit the split is refused. So every
 * map is charged, before anything changes, for the host mappings it makes and
 * for the splits unmapping it may make later; a map the budget cannot take
 * fails (as when system PTEs run out), and an unmap never lacks a mapping.
 *
 *   Base
 *   | guard | system PTEs ... | guard | non-paged pool ... | guard | paged pool ... | guard |
 */
#include <stdlib.h>

#include "mi_mm.h"
#include "mi_special.h" /* specialpool */
#include "../host/host.h"

MI_SPACE MiSpace;
MI_WRITTEN MiPteWritten; /* fuzz22 */

static const char *const MiRegionNames[] = {"guard", "system PTEs", "non-paged pool",
                                            "paged pool"};

const char *MiRegionName(MI_REGION Region);
const char *MiRegionName(MI_REGION Region)
{
    return MiRegionNames[Region];
}

MI_REGION MiRegionOf(uint64_t Page)
{
    const MI_VA_ALLOCATOR *All[] = {&MiSpace.SystemPtes, &MiSpace.NonPagedPool,
                                    &MiSpace.PagedPool};
    for (int r = 0; r < 3; r++) {
        if (Page >= All[r]->FirstPage && Page < All[r]->FirstPage + All[r]->Pages) {
            return (MI_REGION)(r + 1);
        }
    }
    return MiRegionGuard;
}

/* ---------------------------------------------------------------------- */
/* Touched groups of the space.                                           */
/* ---------------------------------------------------------------------- */
/* One past the highest group either bitmap marks (setup20): walks stop
 * there, so a machine that used the bottom of 1 TiB of system space costs
 * what a small one does. Reset with the machine. */
static uint64_t MiSpaceMarkedEnd;
static uint64_t MiSpaceMarkedBegin = UINT64_MAX; /* the lowest, likewise */

static void MiGroupsMark(uint64_t *Bits, uint64_t Page, uint64_t Count)
{
    if (Count == 0) {
        return;
    }
    uint64_t End = ((Page + Count - 1) >> MI_SPACE_GROUP_SHIFT) + 1;
    MiSpaceMarkedEnd = End > MiSpaceMarkedEnd ? End : MiSpaceMarkedEnd;
    uint64_t Begin = Page >> MI_SPACE_GROUP_SHIFT;
    MiSpaceMarkedBegin = Begin < MiSpaceMarkedBegin ? Begin : MiSpaceMarkedBegin;
    for (uint64_t g = Page >> MI_SPACE_GROUP_SHIFT; g <= (Page + Count - 1) >> MI_SPACE_GROUP_SHIFT;
         g++) {
        Bits[g >> 6] |= 1ull << (g & 63);
    }
}

static bool MiGroupMarked(const uint64_t *Bits, uint64_t Page)
{
    uint64_t g = Page >> MI_SPACE_GROUP_SHIFT;
    return (Bits[g >> 6] >> (g & 63)) & 1;
}

/* The first page >= Page in a marked group, or MiSpace.Pages. */
static uint64_t MiGroupsNext(const uint64_t *Bits, uint64_t Page)
{
    uint64_t Groups = MiSpaceMarkedEnd;
    uint64_t g = Page >> MI_SPACE_GROUP_SHIFT;
    g = g > MiSpaceMarkedBegin ? g : MiSpaceMarkedBegin;
    while (g < Groups) {
        uint64_t Word = Bits[g >> 6] & (~0ull << (g & 63));
        if (Word != 0) {
            uint64_t Found = (g & ~63ull) + (uint64_t)__builtin_ctzll(Word);
            if (Found >= Groups) {
                break;
            }
            return Found == Page >> MI_SPACE_GROUP_SHIFT ? Page : Found << MI_SPACE_GROUP_SHIFT;
        }
        g = (g & ~63ull) + 64;
    }
    return MiSpace.Pages;
}

void MiSpaceTouch(uint64_t Page, uint64_t Count)
{
    MiGroupsMark(MiSpace.Touched, Page, Count);
}

uint64_t MiSpaceNextTouched(uint64_t Page)
{
    return MiGroupsNext(MiSpace.Touched, Page);
}

uint64_t MiVaNextTouched(uint64_t Page)
{
    return MiGroupsNext(MiSpace.VaTouched, Page);
}

/* A touched group's PTEs are read in one loop: a call per page to find the
 * next touched one was a fortieth of a fault run (the whole invariant check
 * at every test's end walks every touched group). */
uint64_t MiNextNonZeroPte(uint64_t Page, uint64_t End)
{
    for (Page = MiSpaceNextTouched(Page); Page < End; Page = MiSpaceNextTouched(Page)) {
        uint64_t GroupEnd = (Page | (MI_SPACE_GROUP - 1)) + 1;
        for (uint64_t Stop = GroupEnd < End ? GroupEnd : End; Page < Stop; Page++) {
            if (MiSpace.Pte[Page] != 0) {
                return Page;
            }
        }
    }
    return End;
}

void MiClearPtes(uint64_t Page, uint64_t Count)
{
    for (uint64_t p = MiNextNonZeroPte(Page, Page + Count); p < Page + Count;
         p = MiNextNonZeroPte(p + 1, Page + Count)) {
        MiSpace.Pte[p] = 0;
        MiWrittenMark(&MiPteWritten, p);
    }
}

/* ---------------------------------------------------------------------- */
/* Page-granular VA allocators (first fit, lowest address first).         */
/* ---------------------------------------------------------------------- */
static bool MiVaInit(MI_VA_ALLOCATOR *Allocator, uint64_t FirstPage, uint64_t Pages,
                     uint64_t *Kept)
{
    memset(Allocator, 0, sizeof(*Allocator));
    Allocator->FirstPage = FirstPage;
    Allocator->Pages = Pages;
    /* All free: a zero table, written only where VA is used (a reset's kept
     * one is zero again, MiSpaceClearVa). */
    Allocator->UsedBits = Kept != NULL ? Kept
                                       : (uint64_t *)HostAllocTable((Pages + 63) / 64 *
                                                                     sizeof(uint64_t));
    if (Allocator->UsedBits == NULL) {
        return false;
    }
    Allocator->FreeCount = Pages;
    return true;
}

static void MiVaTeardown(MI_VA_ALLOCATOR *Allocator)
{
    HostFreeTable(Allocator->UsedBits, (Allocator->Pages + 63) / 64 * sizeof(uint64_t));
    Allocator->UsedBits = NULL;
}

static bool MiVaBit(const MI_VA_ALLOCATOR *Allocator, uint64_t i)
{
    return (Allocator->UsedBits[i >> 6] >> (i & 63)) & 1;
}

/* Sets (Used) or clears bits [First, First + Count) a word at a time. */
static void MiVaMark(MI_VA_ALLOCATOR *Allocator, uint64_t First, uint64_t Count, bool Used)
{
    uint64_t i = First, End = First + Count;
    while (i < End) {
        uint64_t n = 64 - (i & 63);
        n = n < End - i ? n : End - i;
        uint64_t Mask = (n == 64 ? ~0ull : ((1ull << n) - 1)) << (i & 63);
        if (Used) {
            Allocator->UsedBits[i >> 6] |= Mask;
        } else {
            Allocator->UsedBits[i >> 6] &= ~Mask;
        }
        i += n;
    }
}

/* Pages from i (in the region) to the end of its untouched group, or 0 if
 * the group is touched: a stretch known free without reading its bits. */
static uint64_t MiVaUntouchedRun(const MI_VA_ALLOCATOR *Allocator, uint64_t i)
{
    uint64_t Page = Allocator->FirstPage + i;
    if (MiGroupMarked(MiSpace.VaTouched, Page)) {
        return 0;
    }
    uint64_t End = ((Page >> MI_SPACE_GROUP_SHIFT) + 1) << MI_SPACE_GROUP_SHIFT;
    uint64_t Run = End - Page;
    return Run < Allocator->Pages - i ? Run : Allocator->Pages - i;
}

uint64_t MiVaAllocate(MI_VA_ALLOCATOR *Allocator, uint64_t Count)
{
    if (Count == 0 || Count > Allocator->FreeCount) {
        Allocator->Failures += Count != 0;
        return UINT64_MAX;
    }
    uint64_t Run = 0;
    for (uint64_t i = Allocator->Hint; i < Allocator->Pages;) {
        /* Whole stretches at once: an untouched group or a free word extends
         * the run (while it cannot complete it), a busy word ends it. */
        uint64_t Stretch = MiVaUntouchedRun(Allocator, i);
        if (Stretch == 0 && (i & 63) == 0 && i + 64 <= Allocator->Pages) {
            uint64_t Word = Allocator->UsedBits[i >> 6];
            if (Word == ~0ull) {
                Run = 0;
                i += 64;
                continue;
            }
            Stretch = Word == 0 ? 64 : 0;
        }
        if (Stretch != 0 && Run + Stretch < Count) {
            Run += Stretch;
            i += Stretch;
            continue;
        }
        if (MiVaBit(Allocator, i)) {
            Run = 0;
            i++;
            continue;
        }
        if (++Run == Count) {
            uint64_t First = i + 1 - Count;
            MiGroupsMark(MiSpace.VaTouched, Allocator->FirstPage + First, Count);
            Allocator->UsedEnd = i + 1 > Allocator->UsedEnd ? i + 1 : Allocator->UsedEnd;
            MiVaMark(Allocator, First, Count, true);
            Allocator->FreeCount -= Count;
            if (First == Allocator->Hint) {
                Allocator->Hint = i + 1;
            }
            return Allocator->FirstPage + First;
        }
        i++;
    }
    Allocator->Failures++;
    return UINT64_MAX;
}

void MiVaFree(MI_VA_ALLOCATOR *Allocator, uint64_t FirstPage, uint64_t Count)
{
    uint64_t First = FirstPage - Allocator->FirstPage;
    MiVaMark(Allocator, First, Count, false);
    Allocator->FreeCount += Count;
    if (First < Allocator->Hint) {
        Allocator->Hint = First;
    }
}

bool MiVaIsAllocated(const MI_VA_ALLOCATOR *Allocator, uint64_t Page)
{
    if (Page < Allocator->FirstPage || Page >= Allocator->FirstPage + Allocator->Pages) {
        return false;
    }
    return MiVaBit(Allocator, Page - Allocator->FirstPage);
}

/* Largest run of free pages: the fragmentation a caller sees. Untouched
 * groups are free throughout and counted without reading their bits. */
uint64_t MiVaLargestFree(const MI_VA_ALLOCATOR *Allocator);
uint64_t MiVaLargestFree(const MI_VA_ALLOCATOR *Allocator)
{
    uint64_t Best = 0, Run = 0;
    for (uint64_t i = 0; i < Allocator->Pages;) {
        uint64_t Stretch = MiVaUntouchedRun(Allocator, i);
        /* Whole words: all free extends the run, all busy ends it. */
        if (Stretch == 0 && (i & 63) == 0 && i + 64 <= Allocator->Pages) {
            uint64_t Word = Allocator->UsedBits[i >> 6];
            if (Word == ~0ull) {
                Run = 0;
                i += 64;
                continue;
            }
            Stretch = Word == 0 ? 64 : 0;
        }
        if (Stretch != 0) {
            Run += Stretch;
            i += Stretch;
        } else {
            Run = MiVaBit(Allocator, i) ? 0 : Run + 1;
            i++;
        }
        Best = Run > Best ? Run : Best;
    }
    return Best;
}

/* ---------------------------------------------------------------------- */
/* PTEs and the host mirror.                                              */
/* ---------------------------------------------------------------------- */
MI_INDEX MiPteIndex(uint64_t Pte)
{
    MI_INDEX Index = 0;
    MiPfnToIndex(MI_PTE_PFN(Pte), &Index);
    return Index;
}

static uint64_t MiCacheBits(MEMORY_CACHING_TYPE CacheType)
{
    switch (CacheType) {
    case MmNonCached:
        return MI_PTE_CACHE_DISABLE | MI_PTE_WRITE_THROUGH; /* PAT entry 3: UC */
    case MmWriteCombined:
        return MI_PTE_WRITE_THROUGH; /* PAT entry 1, which Windows programs as WC */
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------------- */
/* The host mapping budget.                                               */
/* ---------------------------------------------------------------------- */
/* Charged = 1 + the breaks of system space: a break is between two pages
 * that are not in one host mapping, or are in two units. For a map that is
 * the host mappings it makes plus those it may add when unmapped; it is
 * counted exactly, from the PTEs and the unit marks, in arithmetic only. */
static bool MiUnitStarts(uint64_t Page)
{
    return (MiSpace.UnitStart[Page >> 6] >> (Page & 63)) & 1;
}

static void MiMarkUnit(uint64_t Page, bool Start)
{
    if (Start) {
        MiSpace.UnitStart[Page >> 6] |= 1ull << (Page & 63);
    } else {
        MiSpace.UnitStart[Page >> 6] &= ~(1ull << (Page & 63));
    }
}

/* Breaks between Page - 1 and Page for Page in First..Last: two pages are
 * one charged mapping if both are inaccessible, or both valid, of one unit,
 * with the same access and consecutive PFNs. Consecutive PFNs are consecutive
 * pages of the physical memory object (RAM ranges ascend), so the host
 * merges them; the converse need not hold (a hole between two ranges), which
 * only over-counts. The first and last pages are guards, never mapped: the
 * space's ends are no breaks. A tight loop: it runs on every map and unmap. */
static uint64_t MiBreaks(uint64_t First, uint64_t Last)
{
    First = First == 0 ? 1 : First;
    Last = Last >= MiSpace.Pages ? MiSpace.Pages - 1 : Last;
    const uint64_t *Pte = MiSpace.Pte;
    uint64_t Breaks = 0;
    for (uint64_t Page = First; Page <= Last; Page++) {
        uint64_t Left = Pte[Page - 1], Right = Pte[Page];
        if (((Left | Right) & MI_PTE_VALID) == 0) {
            continue; /* one inaccessible stretch */
        }
        bool Joined = (Left & Right & MI_PTE_VALID) != 0 && ((Left ^ Right) & MI_PTE_WRITE) == 0 &&
                      MI_PTE_PFN(Right) == MI_PTE_PFN(Left) + 1 && !MiUnitStarts(Page);
        Breaks += !Joined;
    }
    return Breaks;
}

/* Change of Charged if Count pages from Page, all invalid now, become one unit
 * mapped in Runs host runs: the unit is set apart on both sides. */
static int64_t MiMapCharge(uint64_t Page, uint64_t Count, uint64_t Runs)
{
    return (int64_t)(Runs + 1) - (int64_t)MiBreaks(Page, Page + Count);
}

static bool MiBudgetTakes(int64_t Charge)
{
    if (Charge > 0 && MiSpace.Charged + (uint64_t)Charge > MiSpace.Budget) {
        MiSpace.BudgetRefusals++;
        return false;
    }
    return true;
}

/* Count pages from Page are mapped as one unit (Charge from MiMapCharge). */
static void MiCommitUnit(uint64_t Page, uint64_t Count, int64_t Charge)
{
    MiMarkUnit(Page, true);
    for (uint64_t k = 1; k < Count; k++) {
        MiMarkUnit(Page + k, false);
    }
    if (Page + Count < MiSpace.Pages) {
        MiMarkUnit(Page + Count, true); /* a valid page after it is another unit */
    }
    MiSpace.Charged = (uint64_t)((int64_t)MiSpace.Charged + Charge);
}

/* The host refused to revoke access to pages whose PTEs are no longer
 * valid. Continuing would leave them readable and writable, aliasing their
 * next owner: stop as Windows does when it cannot get the system PTEs it
 * must have. */
_Noreturn static void MiHostRefusedUnmap(uint64_t Page, uint64_t Count)
{
    char Text[256];
    snprintf(Text, sizeof(Text),
             "mmsim: the host refused to unmap %llu page(s) at %p (out of host mappings: %llu "
             "charged, budget %llu, host limit %llu); stopping rather than leave them mapped\n",
             (unsigned long long)Count, (void *)MiPageToVa(Page),
             (unsigned long long)MiSpace.Charged, (unsigned long long)MiSpace.Budget,
             (unsigned long long)MiSpace.HostLimit);
    MiWriteStderr(Text);
    uint64_t Left = MiSpace.Charged < MiSpace.Budget ? MiSpace.Budget - MiSpace.Charged : 0;
    KeBugCheckEx(NO_MORE_SYSTEM_PTES, 0, (ULONG_PTR)Count, (ULONG_PTR)Left,
                 (ULONG_PTR)MiSpace.Budget);
}

/* Makes [Page, Page + Count) inaccessible in the host after its PTEs became
 * invalid: Before is MiBreaks(Page, Page + Count) taken before, and
 * [FirstMapped, EndMapped) the pages the host showed (empty: no host call). */
static void MiRevoke(uint64_t Page, uint64_t Count, uint64_t Before, uint64_t FirstMapped,
                     uint64_t EndMapped)
{
    /* Now inaccessible throughout: only its ends can be breaks. */
    uint64_t After = MiBreaks(Page, Page) + MiBreaks(Page + Count, Page + Count);
    MiSpace.Charged = MiSpace.Charged + After - Before;
    if (FirstMapped < EndMapped &&
        !HostUnmapRun(MiPageToVa(FirstMapped), (EndMapped - FirstMapped) * PAGE_SIZE)) {
        MiHostRefusedUnmap(FirstMapped, EndMapped - FirstMapped);
    }
}

/* fuzz23: pages [Page, Page + Count) are about to be handed to the host:
 * within the span a reset makes inaccessible (MiSpaceClearPtes). */
static void MiSpaceShown(uint64_t Page, uint64_t Count)
{
    if (MiSpace.ShownEnd == 0) {
        MiSpace.ShownFirst = Page;
        MiSpace.ShownEnd = Page + Count;
        return;
    }
    MiSpace.ShownFirst = Page < MiSpace.ShownFirst ? Page : MiSpace.ShownFirst;
    MiSpace.ShownEnd = Page + Count > MiSpace.ShownEnd ? Page + Count : MiSpace.ShownEnd;
}

/* Maps Count pages from Page whose PTEs already hold their final value.
 * Indices (optional) are the pages those PTEs name, so the runs are found
 * without translating every PFN back. */
static bool MiMirror(uint64_t Page, uint64_t Count, const MI_INDEX *Indices)
{
    uint64_t k = 0;
    while (k < Count) {
        uint64_t Pte = MiSpace.Pte[Page + k];
        MI_INDEX First = Indices != NULL ? Indices[k] : MiPteIndex(Pte);
        bool Writable = (Pte & MI_PTE_WRITE) != 0;
        uint64_t n = 1;
        while (k + n < Count) {
            uint64_t Next = MiSpace.Pte[Page + k + n];
            MI_INDEX NextIndex = Indices != NULL ? Indices[k + n] : MiPteIndex(Next);
            if (NextIndex != First + n || ((Next & MI_PTE_WRITE) != 0) != Writable) {
                break;
            }
            n++;
        }
        MiSpace.HostMapCalls++;
        MiSpaceShown(Page + k, n);
        if (!HostMapRun(MiPageToVa(Page + k), First * PAGE_SIZE, n * PAGE_SIZE, Writable)) {
            MiSpace.HostMapFailures++;
            /* Refused despite the budget (the rest of the process holds the
             * host's mappings): undo the runs made, whole, needing no split. */
            if (k > 0 && !HostUnmapRun(MiPageToVa(Page), k * PAGE_SIZE)) {
                MiHostRefusedUnmap(Page, k);
            }
            return false;
        }
        k += n;
    }
    return true;
}

bool MiMapPages(uint64_t Page, const MI_INDEX *Indices, uint64_t Count, bool Writable,
                MEMORY_CACHING_TYPE CacheType)
{
    if (Count == 0) {
        return true;
    }
    uint64_t Breaks = MiBreaks(Page, Page + Count); /* before: the PTEs are empty */
    uint64_t Bits = MI_PTE_VALID | MI_PTE_ACCESSED | MI_PTE_DIRTY | MI_PTE_GLOBAL |
                    MI_PTE_NO_EXECUTE | MiCacheBits(CacheType) | (Writable ? MI_PTE_WRITE : 0);
    uint64_t Runs = 1; /* of consecutive PFNs, as MiBreak counts them */
    PFN_NUMBER Previous = 0;
    MI_ASSERT(Page < MiSpace.Pages && Count <= MiSpace.Pages - Page);
    for (uint64_t k = 0; k < Count; k++) {
        /* Invalid -> valid: never over a valid PTE (its page's map count
         * would be lost), and only for a page of RAM that is in use. */
        MI_ASSERT(!(MiSpace.Pte[Page + k] & MI_PTE_VALID));
        MI_ASSERT(Indices[k] < MiPhys.Pages);
        PFN_NUMBER Pfn = MiIndexToPfn(Indices[k]);
        Runs += k > 0 && Pfn != Previous + 1;
        Previous = Pfn;
        MiSpace.Pte[Page + k] = Bits | ((uint64_t)Pfn << MI_PTE_PFN_SHIFT);
    }
    MiSpaceTouch(Page, Count);
    MiWrittenMarkRange(&MiPteWritten, Page, Count);
    int64_t Charge = (int64_t)(Runs + 1) - (int64_t)Breaks;
    if (!MiBudgetTakes(Charge)) {
        MiClearPtes(Page, Count); /* never seen: lock held */
        return false;
    }
    if (!MiMirror(Page, Count, Indices)) {
        MiClearPtes(Page, Count);
        return false;
    }
    MiCommitUnit(Page, Count, Charge);
    for (uint64_t k = 0; k < Count; k++) {
        MiPfnEntry(Indices[k])->MapCount++;
    }
    return true;
}

bool MiMapPagesFits(uint64_t Page, const MI_INDEX *Indices, uint64_t Count)
{
    /* Unmapping the range and mapping the unit there changes Charged by the
     * unit's charge over the range as it is now (the ends cancel out). */
    uint64_t Runs = 1;
    PFN_NUMBER Previous = 0;
    for (uint64_t k = 0; k < Count; k++) {
        PFN_NUMBER Pfn = MiIndexToPfn(Indices[k]);
        Runs += k > 0 && Pfn != Previous + 1;
        Previous = Pfn;
    }
    int64_t Charge = (int64_t)(Runs + 1) - (int64_t)MiBreaks(Page, Page + Count);
    return Count == 0 || Charge <= 0 || MiSpace.Charged + (uint64_t)Charge <= MiSpace.Budget;
}

static void MiUnmapRange(uint64_t Page, uint64_t Count, bool Free)
{
    if (Count == 0) {
        return;
    }
    MI_ASSERT(Page < MiSpace.Pages && Count <= MiSpace.Pages - Page);
    uint64_t Before = MiBreaks(Page, Page + Count);
    uint64_t FirstMapped = UINT64_MAX, EndMapped = 0;
    for (uint64_t k = 0; k < Count; k++) {
        uint64_t Pte = MiSpace.Pte[Page + k];
        if (Pte & MI_PTE_VALID) {
            FirstMapped = FirstMapped == UINT64_MAX ? Page + k : FirstMapped;
            EndMapped = Page + k + 1;
        }
        if ((Pte & MI_PTE_VALID) || MiIsTransitionPte(Page + k, Pte)) {
            MI_INDEX Index = MiPteIndex(Pte);
            MI_PFN *Entry = MiPfnEntry(Index);
            /* Every valid or transition PTE counts in its page's MapCount. */
            MI_ASSERT(Entry->MapCount > 0);
            if (Entry->MapCount > 0) {
                Entry->MapCount--;
            }
            if (Free) {
                MiFreePhysical(Index);
            }
        }
        MiSpace.Pte[Page + k] = 0;
    }
    MiWrittenMarkRange(&MiPteWritten, Page, Count);
    MiRevoke(Page, Count, Before, FirstMapped, EndMapped);
}

void MiUnmapPages(uint64_t Page, uint64_t Count)
{
    MiUnmapRange(Page, Count, false);
}

void MiUnmapAndFreePages(uint64_t Page, uint64_t Count)
{
    MiUnmapRange(Page, Count, true);
}

/* ---------------------------------------------------------------------- */
/* Paged pool trimming and faults.                                        */
/* ---------------------------------------------------------------------- */
ULONG MiTrimPagedPool(VOID)
{
    MiEnsureMachine();
    /* A trimmed page must fault back in transparently, so the fault trap has
     * to be in place now, even if a test harness (CMocka installs its own
     * SIGSEGV handler for every test) replaced it since the machine started. */
    HostArmFaultTrap();
    MiLock();
    ULONG Trimmed = 0;
    const MI_VA_ALLOCATOR *Paged = &MiSpace.PagedPool;
    uint64_t PagedEnd = Paged->FirstPage + Paged->Pages;
    for (uint64_t Page = MiNextNonZeroPte(Paged->FirstPage, PagedEnd); Page < PagedEnd;
         Page = MiNextNonZeroPte(Page + 1, PagedEnd)) {
        uint64_t Pte = MiSpace.Pte[Page];
        if (!(Pte & MI_PTE_VALID)) {
            continue;
        }
        MI_PFN *Entry = MiPfnEntry(MiPteIndex(Pte));
        if (Entry->LockCount != 0) {
            continue; /* locked pages are resident until unlocked */
        }
        /* Trimming one page of a unit cuts it: trim only what the budget
         * can take (the working set manager may always keep a page). */
        uint64_t Before = MiBreaks(Page, Page + 1);
        uint64_t After = (uint64_t)((MiSpace.Pte[Page - 1] & MI_PTE_VALID) != 0) +
                         (uint64_t)((MiSpace.Pte[Page + 1] & MI_PTE_VALID) != 0);
        if (!MiBudgetTakes((int64_t)After - (int64_t)Before)) {
            continue;
        }
        /* Transition PTE: not valid, but the page stays in memory. */
        MI_ASSERT((Pte & MI_PTE_VALID) && MiRegionOf(Page) == MiRegionPagedPool);
        MiSpace.Pte[Page] = (Pte & MI_PTE_PFN_MASK) | MI_PTE_TRANSITION |
                            MI_PTE_PROTECTION_READWRITE;
        MiWrittenMark(&MiPteWritten, Page);
        Entry->Flags |= MI_PFN_FLAG_TRIMMED;
        MiRevoke(Page, 1, Before, Page, Page + 1);
        Trimmed++;
    }
    MiUnlock();
    return Trimmed;
}

/* Makes a trimmed paged pool page valid again (a soft fault). */
bool MiFaultInTransition(uint64_t Page);
bool MiFaultInTransition(uint64_t Page)
{
    uint64_t Pte = MiSpace.Pte[Page];
    if (!MiIsTransitionPte(Page, Pte)) {
        return (Pte & MI_PTE_VALID) != 0;
    }
    int64_t Charge = MiMapCharge(Page, 1, 1);
    if (!MiBudgetTakes(Charge)) {
        return false;
    }
    /* Transition -> valid: the page was kept for this PTE while trimmed. */
    MI_ASSERT(MiPfnEntry(MiPteIndex(Pte))->Flags & MI_PFN_FLAG_TRIMMED);
    MiSpace.Pte[Page] = (Pte & MI_PTE_PFN_MASK) | MI_PTE_VALID | MI_PTE_WRITE | MI_PTE_ACCESSED |
                        MI_PTE_DIRTY | MI_PTE_GLOBAL | MI_PTE_NO_EXECUTE;
    MiWrittenMark(&MiPteWritten, Page);
    if (!MiMirror(Page, 1, NULL)) {
        MiSpace.Pte[Page] = Pte;
        return false;
    }
    MiCommitUnit(Page, 1, Charge);
    MiPfnEntry(MiPteIndex(Pte))->Flags &= (uint16_t)~MI_PFN_FLAG_TRIMMED;
    return true;
}

bool MiFaultHandler(void *Address, bool Write, void *CodeAddress)
{
    /* robust25: the simulator itself touching a driver's object under one
     * of its host locks (an ERESOURCE, a KDPC, ...), as Windows touches it
     * under a spin lock: at DISPATCH_LEVEL, where no page is brought back
     * (a trimmed one is 0xA, the kernel's own IRQL_NOT_LESS_OR_EQUAL). The
     * fault ends in a stop, so the locks go first: other threads take them
     * under the simulator lock, which the handler takes next. */
    bool UnderHostLock = MiLetGoOfDriverAccessLocksForFault();
    /* Builds the machine when NULL is dereferenced before the first DDI;
     * refuses in a forked child left without a machine of its own. */
    MiRefuseIfLentWaitEnded();
    MiEnsureMachine();
    if (!MiIsSystemVa(Address)) {
        MiNullAccess((ULONG_PTR)Address, Write, (ULONG_PTR)CodeAddress);
    }
    KIRQL Irql = MiCurrentIrql();
    if (UnderHostLock && Irql < DISPATCH_LEVEL) {
        Irql = DISPATCH_LEVEL;
    }
    uint64_t Page = MiVaToPage(Address);
    MiLock();
    MiRefuseIfLentWaitEnded();
    uint64_t Pte = MiSpace.Pte[Page];
    if (Pte & MI_PTE_VALID) {
        MiUnlock();
        if (Write && !(Pte & MI_PTE_WRITE)) {
            KeBugCheckEx(ATTEMPTED_WRITE_TO_READONLY_MEMORY, (ULONG_PTR)Address, Pte, 0, 0);
        }
        if (UnderHostLock) {
            /* Brought back by another thread since the access missed it:
             * the access cannot be retried without its locks. */
            KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Address, Irql, Write ? 1 : 0,
                         (ULONG_PTR)CodeAddress);
        }
        return true; /* made valid by another thread meanwhile: retry */
    }
    if (MiIsTransitionPte(Page, Pte)) {
        if (Irql <= APC_LEVEL) {
            bool Ok = MiFaultInTransition(Page);
            MiUnlock();
            if (Ok) {
                return true;
            }
            /* The host refused to map the page back: an in-page error. */
            KeBugCheckEx(KERNEL_DATA_INPAGE_ERROR, (ULONG_PTR)Address,
                         (ULONG_PTR)STATUS_INSUFFICIENT_RESOURCES, 0, 0);
        }
        MiUnlock();
        /* Pageable memory touched at DISPATCH_LEVEL or above: by the driver,
         * or by the simulator's own code under its lock. */
        KeBugCheckEx(UnderHostLock ? IRQL_NOT_LESS_OR_EQUAL : DRIVER_IRQL_NOT_LESS_OR_EQUAL,
                     (ULONG_PTR)Address, Irql, Write ? 1 : 0, (ULONG_PTR)CodeAddress);
    }
    MI_REGION Region = MiRegionOf(Page);
    MiUnlock();
    MiSpecialPoolFault(Address, Write, CodeAddress); /* specialpool: 0xD5/0xD6 if its */
    /* Parameter 2: 0 read, 2 write (Windows 10 1507+ x64). Parameter 4: 0 =
     * the PTE is free/empty, 2 = no page table maps the address (guards). */
    KeBugCheckEx(PAGE_FAULT_IN_NONPAGED_AREA, (ULONG_PTR)Address, Write ? 2 : 0,
                 (ULONG_PTR)CodeAddress, Region == MiRegionGuard ? 2 : 0);
}

/* The host's fault trap calls this (in its signal handler on POSIX). */
static bool MiFaultTrap(void *Address, bool Write, void *CodeAddress)
{
    MiEnterFaultTrap(CodeAddress);
    void *Lent = MiLetGoOfParkForFault(); /* the handler takes the simulator lock */
    bool Retry = MiFaultHandler(Address, Write, CodeAddress);
    MiTakeBackParkAfterFault(Lent);
    MiLeaveFaultTrap();
    return Retry;
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
/* The trap is armed when the program loads, not at its first DDI: kernel
 * code's NULL dereference before then is already the simulated access
 * violation, and every SIGSEGV handler the program installs is chained
 * behind the trap (docs/hosts.md, "Signals"). Without a machine only the
 * NULL guard is the simulator's. */
#if !defined(_WIN32)
__attribute__((constructor)) static void MiArmTrapAtLoad(void)
{
    HostInstallFaultTrap(NULL, 0, MiFaultTrap);
}
#endif

/* Bytes of the per-page tables of a space of Pages pages. */
static uint64_t MiPteTableBytes(uint64_t Pages)
{
    return Pages * sizeof(uint64_t);
}
static uint64_t MiBitTableBytes(uint64_t Bits)
{
    return (Bits + 63) / 64 * sizeof(uint64_t);
}

/* The running machine's reservation when it is a kept region
 * (HostReserveRegion: the space slid inside it), else NULL. */
static uint8_t *MiSpaceRegion;
static uint64_t MiSpaceRegionBytes;

/* Kept by a reset for the next machine (MiKeepForNextMachine): the
 * reservation and the tables, cleared where the last machine used them. */
static struct {
    uint8_t *Region;
    uint64_t RegionBytes;
    uint64_t Pages; /* what the tables are sized for; 0: none kept */
    uint64_t *Pte, *UnitStart, *Touched, *VaTouched;
    uint64_t *UsedBits[3];
    uint64_t VaPages[3];
    uint64_t HostLimit;
} MiSpaceKept;

static MI_VA_ALLOCATOR *MiSpaceAllocator(int r)
{
    MI_VA_ALLOCATOR *All[] = {&MiSpace.SystemPtes, &MiSpace.NonPagedPool, &MiSpace.PagedPool};
    return All[r];
}

static void MiSpaceFreeTables(uint64_t Pages, uint64_t *Pte, uint64_t *UnitStart,
                              uint64_t *Touched, uint64_t *VaTouched)
{
    HostFreeTable(Pte, MiPteTableBytes(Pages));
    HostFreeTable(UnitStart, MiBitTableBytes(Pages + 1));
    HostFreeTable(Touched, MiBitTableBytes((Pages >> MI_SPACE_GROUP_SHIFT) + 1));
    HostFreeTable(VaTouched, MiBitTableBytes((Pages >> MI_SPACE_GROUP_SHIFT) + 1));
}

void MiSpaceForgetKept(void)
{
    if (MiSpaceKept.Region != NULL) {
        HostRelease(MiSpaceKept.Region, MiSpaceKept.RegionBytes);
    }
    if (MiSpaceKept.Pages != 0) {
        MiSpaceFreeTables(MiSpaceKept.Pages, MiSpaceKept.Pte, MiSpaceKept.UnitStart,
                          MiSpaceKept.Touched, MiSpaceKept.VaTouched);
        for (int r = 0; r < 3; r++) {
            HostFreeTable(MiSpaceKept.UsedBits[r], MiBitTableBytes(MiSpaceKept.VaPages[r]));
        }
    }
    memset(&MiSpaceKept, 0, sizeof(MiSpaceKept));
}

/* Calls Clear(First, End) for each run of marked groups of Bits, clipped to
 * the space, and unmarks them: a walk over what the machine touched. */
static bool MiGroupsDrain(uint64_t *Bits, bool (*Clear)(uint64_t First, uint64_t End))
{
    for (uint64_t First = MiGroupsNext(Bits, 0); First < MiSpace.Pages;) {
        uint64_t End = First;
        while (End < MiSpace.Pages && MiGroupMarked(Bits, End)) {
            End = ((End >> MI_SPACE_GROUP_SHIFT) + 1) << MI_SPACE_GROUP_SHIFT;
        }
        End = End < MiSpace.Pages ? End : MiSpace.Pages;
        if (!Clear(First, End)) {
            return false;
        }
        for (uint64_t g = First >> MI_SPACE_GROUP_SHIFT; g <= (End - 1) >> MI_SPACE_GROUP_SHIFT;
             g++) {
            Bits[g >> 6] &= ~(1ull << (g & 63));
        }
        First = End < MiSpace.Pages ? MiGroupsNext(Bits, End) : End;
    }
    return true;
}

/* Pages [First, End) may hold PTEs: inaccessible again, their PTEs and unit
 * marks zero (a unit's end mark may be the page after End). Only the part
 * the host may show (MiSpaceShown) goes to the host, if any (fuzz23: the
 * whole group run, 16 MiB at least, cost a reset twice what the few pages a
 * machine mapped do: the host split and merged the reservation around it). */
static bool MiSpaceClearPtes(uint64_t First, uint64_t End)
{
    uint64_t ShownLo = First > MiSpace.ShownFirst ? First : MiSpace.ShownFirst;
    uint64_t ShownHi = End < MiSpace.ShownEnd ? End : MiSpace.ShownEnd;
    if (ShownLo < ShownHi && !HostUnmapRun(MiPageToVa(ShownLo), (ShownHi - ShownLo) * PAGE_SIZE)) {
        return false;
    }
    /* Only blocks that held a PTE change (the touched check after the reset
     * compares what is marked); nothing to mark before a touched check ran.
     * Read anyway, only those blocks are cleared (fuzz23). */
    for (uint64_t Block = First >> 6; MiWrittenWanted && Block <= (End - 1) >> 6; Block++) {
        uint64_t Lo = Block << 6 > First ? Block << 6 : First;
        uint64_t Hi = (Block + 1) << 6 < End ? (Block + 1) << 6 : End;
        uint64_t Any = 0;
        for (uint64_t Page = Lo; Page < Hi; Page++) {
            Any |= MiSpace.Pte[Page];
        }
        if (Any != 0) {
            MiWrittenMark(&MiPteWritten, Lo);
            memset(&MiSpace.Pte[Lo], 0, (Hi - Lo) * sizeof(uint64_t));
        }
    }
    if (!MiWrittenWanted) {
        HostClearTable(MiSpace.Pte, First * sizeof(uint64_t), (End - First) * sizeof(uint64_t));
    }
    uint64_t Words = MiBitTableBytes(MiSpace.Pages + 1) / sizeof(uint64_t);
    uint64_t Last = (End >> 6) < Words ? End >> 6 : Words - 1;
    HostClearTable(MiSpace.UnitStart, (First >> 6) * sizeof(uint64_t),
                   (Last + 1 - (First >> 6)) * sizeof(uint64_t));
    return true;
}

/* Pages [First, End) may hold allocated VA: the allocators' bits of them
 * zero (whole words: bits beyond the run are of untouched groups, zero). */
static bool MiSpaceClearVa(uint64_t First, uint64_t End)
{
    for (int r = 0; r < 3; r++) {
        MI_VA_ALLOCATOR *Va = MiSpaceAllocator(r);
        uint64_t Lo = First > Va->FirstPage ? First - Va->FirstPage : 0;
        uint64_t Hi = End < Va->FirstPage + Va->Pages ? End - Va->FirstPage : Va->Pages;
        if (End <= Va->FirstPage || Lo >= Hi) {
            continue;
        }
        HostClearTable(Va->UsedBits, (Lo >> 6) * sizeof(uint64_t),
                       (((Hi + 63) >> 6) - (Lo >> 6)) * sizeof(uint64_t));
    }
    return true;
}

static void MiSpaceTeardown(void)
{
#if defined(_WIN32)
    HostRemoveFaultTrap();
#else
    HostInstallFaultTrap(NULL, 0, MiFaultTrap); /* back to the NULL guard only */
#endif
    bool Tables = MiSpace.Pte != NULL && MiSpace.UnitStart != NULL && MiSpace.Touched != NULL &&
                  MiSpace.VaTouched != NULL && MiSpace.SystemPtes.UsedBits != NULL &&
                  MiSpace.NonPagedPool.UsedBits != NULL && MiSpace.PagedPool.UsedBits != NULL;
    if (MiKeepForNextMachine && Tables && MiSpace.Base != NULL &&
        MiGroupsDrain(MiSpace.Touched, MiSpaceClearPtes) &&
        MiGroupsDrain(MiSpace.VaTouched, MiSpaceClearVa)) {
        MiSpaceForgetKept(); /* nothing is kept twice */
        MiSpaceKept.Pages = MiSpace.Pages;
        MiSpaceKept.Pte = MiSpace.Pte;
        MiSpaceKept.UnitStart = MiSpace.UnitStart;
        MiSpaceKept.Touched = MiSpace.Touched;
        MiSpaceKept.VaTouched = MiSpace.VaTouched;
        for (int r = 0; r < 3; r++) {
            MiSpaceKept.UsedBits[r] = MiSpaceAllocator(r)->UsedBits;
            MiSpaceKept.VaPages[r] = MiSpaceAllocator(r)->Pages;
        }
        MiSpaceKept.HostLimit = MiSpace.HostLimit;
        if (MiSpaceRegion != NULL) {
            MiSpaceKept.Region = MiSpaceRegion;
            MiSpaceKept.RegionBytes = MiSpaceRegionBytes;
        } else {
            HostRelease(MiSpace.Base, MiSpace.Pages * PAGE_SIZE);
        }
        MiSpaceRegion = NULL;
        MiSpaceRegionBytes = 0;
        memset(&MiSpace, 0, sizeof(MiSpace));
        return;
    }
    if (MiSpaceRegion != NULL) {
        HostRelease(MiSpaceRegion, MiSpaceRegionBytes);
    } else if (MiSpace.Base != NULL) {
        HostRelease(MiSpace.Base, MiSpace.Pages * PAGE_SIZE);
    }
    MiSpaceRegion = NULL;
    MiSpaceRegionBytes = 0;
    MiSpaceFreeTables(MiSpace.Pages, MiSpace.Pte, MiSpace.UnitStart, MiSpace.Touched,
                      MiSpace.VaTouched);
    MiVaTeardown(&MiSpace.SystemPtes);
    MiVaTeardown(&MiSpace.NonPagedPool);
    MiVaTeardown(&MiSpace.PagedPool);
    memset(&MiSpace, 0, sizeof(MiSpace));
}

/* The host refused Bytes for What: said on stderr, naming both. */
static NTSTATUS MiSpaceRefused(const char *What, uint64_t Bytes)
{
    char Text[320];
    snprintf(Text, sizeof(Text),
             "mmsim: the host refused %llu MiB of address space for %s (%llu MiB of system "
             "space)\n",
             (unsigned long long)((Bytes + 1048575) >> 20), What,
             (unsigned long long)(MiSpace.Pages >> 8));
    MiWriteStderr(Text);
    MiSpaceTeardown();
    return STATUS_INSUFFICIENT_RESOURCES;
}

static NTSTATUS MiSpaceInit(const SIM_CONFIG *Config)
{
    memset(&MiSpace, 0, sizeof(MiSpace));
    MiSpaceMarkedEnd = 0;
    MiSpaceMarkedBegin = UINT64_MAX;
    uint64_t Page = 1; /* leading guard */
    uint64_t SysFirst = Page;
    Page += Config->SystemPtes + 1;
    uint64_t NpFirst = Page;
    Page += Config->NonPagedPoolPages + 1;
    uint64_t PpFirst = Page;
    Page += Config->PagedPoolPages + 1;
    MiSpace.Pages = Page;

    /* A reset's kept tables are taken if they fit (cleared already); the
     * kept reservation too, the space slid in it as a fresh one would be. */
    bool Kept = MiSpaceKept.Pages == MiSpace.Pages &&
                MiSpaceKept.VaPages[0] == Config->SystemPtes &&
                MiSpaceKept.VaPages[1] == Config->NonPagedPoolPages &&
                MiSpaceKept.VaPages[2] == Config->PagedPoolPages;

    /* The budget: half the host's limit, at most 32768; the other half is
     * the rest of the process's (libraries, heaps, thread stacks, sanitizer
     * runtimes) and the headroom of unmaps that cut a unit. A reset keeps
     * the limit read when its tables were made. */
    uint64_t Limit = Kept ? MiSpaceKept.HostLimit : HostMappingLimit();
    MiSpace.HostLimit = Limit;
    uint64_t Ceiling = Limit != 0 ? Limit / 2 : UINT32_MAX;
    MiSpace.Budget = Config->HostMappingBudget != 0 ? Config->HostMappingBudget
                                                     : (Ceiling < 32768 ? Ceiling : 32768);
    if (MiSpace.Budget < 16 || MiSpace.Budget > Ceiling) {
        return STATUS_INVALID_PARAMETER; /* what is kept: released after the build */
    }
    uint64_t *KeptBits[3] = {NULL, NULL, NULL};
    if (Kept) {
        MiSpace.Pte = MiSpaceKept.Pte;
        MiSpace.UnitStart = MiSpaceKept.UnitStart;
        MiSpace.Touched = MiSpaceKept.Touched;
        MiSpace.VaTouched = MiSpaceKept.VaTouched;
        for (int r = 0; r < 3; r++) {
            KeptBits[r] = MiSpaceKept.UsedBits[r];
        }
        MiSpaceRegion = MiSpaceKept.Region;
        MiSpaceRegionBytes = MiSpaceKept.RegionBytes;
        memset(&MiSpaceKept, 0, sizeof(MiSpaceKept));
    }
    MiSpaceForgetKept(); /* whatever does not fit this machine */
    MiSpace.Charged = 1; /* the reservation itself */
    /* Every table is reserved for the whole space and written only where
     * used (MiSpaceTouch): nothing here is linear in the size of the space.
     * The reservation is a region kept whole where the host can (a reset
     * then slides the next space in it without a host call). */
    uint64_t Random = MiSeed * 0x9E3779B97F4A7C15ull;
    if (MiSpaceRegion == NULL) {
        MiSpaceRegion = (uint8_t *)HostReserveRegion(MiSpace.Pages * PAGE_SIZE,
                                                     &MiSpaceRegionBytes);
    }
    MiSpace.Base = MiSpaceRegion != NULL ? (uint8_t *)HostRegionSlide(MiSpaceRegion, Random)
                                         : (uint8_t *)HostReserve(MiSpace.Pages * PAGE_SIZE, Random);
    if (MiSpace.Base == NULL) {
        return MiSpaceRefused("the system space reservation", MiSpace.Pages * PAGE_SIZE);
    }
    if (!MiWrittenReserve(&MiPteWritten, MiSpace.Pages)) {
        return MiSpaceRefused("the emulated PTEs", MiPteTableBytes(MiSpace.Pages));
    }
    if (!Kept) {
        MiPteWritten.All = true; /* fresh tables: the checker's copy is of others */
        MiSpace.Pte = (uint64_t *)HostAllocTable(MiPteTableBytes(MiSpace.Pages));
        if (MiSpace.Pte == NULL) {
            return MiSpaceRefused("the emulated PTEs", MiPteTableBytes(MiSpace.Pages));
        }
        MiSpace.UnitStart = (uint64_t *)HostAllocTable(MiBitTableBytes(MiSpace.Pages + 1));
        MiSpace.Touched = (uint64_t *)HostAllocTable(
            MiBitTableBytes((MiSpace.Pages >> MI_SPACE_GROUP_SHIFT) + 1));
        MiSpace.VaTouched = (uint64_t *)HostAllocTable(
            MiBitTableBytes((MiSpace.Pages >> MI_SPACE_GROUP_SHIFT) + 1));
    }
    if (MiSpace.UnitStart == NULL || MiSpace.Touched == NULL || MiSpace.VaTouched == NULL ||
        !MiVaInit(&MiSpace.SystemPtes, SysFirst, Config->SystemPtes, KeptBits[0]) ||
        !MiVaInit(&MiSpace.NonPagedPool, NpFirst, Config->NonPagedPoolPages, KeptBits[1]) ||
        !MiVaInit(&MiSpace.PagedPool, PpFirst, Config->PagedPoolPages, KeptBits[2])) {
        return MiSpaceRefused("the system space bitmaps", MiBitTableBytes(MiSpace.Pages) * 3);
    }
    HostInstallFaultTrap(MiSpace.Base, MiSpace.Pages * PAGE_SIZE, MiFaultTrap);
    return STATUS_SUCCESS;
}

static bool MiSpaceIsClean(char *Report, size_t Size)
{
    uint64_t Used = MiSpace.SystemPtes.Pages - MiSpace.SystemPtes.FreeCount;
    Used -= MiSpecialPoolPtes(); /* specialpool: its live blocks are reported as pool */
    if (Used != 0) {
        MiAppend(Report, Size, "%llu system PTE(s) still allocated (reservations or mappings)\n",
                 (unsigned long long)Used);
        return false;
    }
    return true;
}

const MI_SUBSYSTEM MiSpaceSubsystem = {"system address space", MiSpaceInit, MiSpaceTeardown,
                                       MiSpaceIsClean};

/* ---------------------------------------------------------------------- */
/* mmdev: PTEs that name no RAM (device memory, sim/mm/iospace.c) and     */
/* protection changes (MmProtectMdlSystemAddress, sim/mm/mdl_more.c).     */
/* ---------------------------------------------------------------------- */
bool MiMapDevicePages(uint64_t Page, PFN_NUMBER FirstPfn, uint64_t HostOffset, uint64_t Count,
                      bool Writable, MEMORY_CACHING_TYPE CacheType)
{
    MI_ASSERT(Count > 0 && Page < MiSpace.Pages && Count <= MiSpace.Pages - Page);
    uint64_t Breaks = MiBreaks(Page, Page + Count);
    uint64_t Bits = MI_PTE_VALID | MI_PTE_ACCESSED | MI_PTE_DIRTY | MI_PTE_GLOBAL |
                    MI_PTE_NO_EXECUTE | MiCacheBits(CacheType) | (Writable ? MI_PTE_WRITE : 0);
    int64_t Charge = 2 - (int64_t)Breaks; /* one run of consecutive PFNs */
    if (!MiBudgetTakes(Charge)) {
        return false;
    }
    MiSpace.HostMapCalls++;
    MiSpaceShown(Page, Count);
    if (!HostMapDeviceRun(MiPageToVa(Page), HostOffset, Count * PAGE_SIZE, Writable)) {
        MiSpace.HostMapFailures++;
        return false;
    }
    MiSpaceTouch(Page, Count); /* scale: PTE walks look only where touched */
    for (uint64_t k = 0; k < Count; k++) {
        MI_ASSERT(!(MiSpace.Pte[Page + k] & MI_PTE_VALID));
        MiSpace.Pte[Page + k] = Bits | ((uint64_t)(FirstPfn + k) << MI_PTE_PFN_SHIFT);
    }
    MiWrittenMarkRange(&MiPteWritten, Page, Count);
    MiCommitUnit(Page, Count, Charge);
    return true;
}

void MiUnmapDevicePages(uint64_t Page, uint64_t Count)
{
    uint64_t Before = MiBreaks(Page, Page + Count);
    memset(&MiSpace.Pte[Page], 0, Count * sizeof(uint64_t)); /* no PFN entries to release */
    MiWrittenMarkRange(&MiPteWritten, Page, Count);
    MiRevoke(Page, Count, Before, Page, Page + Count);
}

bool MiProtectPages(uint64_t Page, uint64_t Count, bool Writable)
{
    uint64_t Before = MiBreaks(Page, Page + Count);
    uint64_t *Saved = (uint64_t *)malloc((Count > 0 ? Count : 1) * sizeof(uint64_t));
    if (Saved == NULL) {
        return false;
    }
    for (uint64_t k = 0; k < Count; k++) {
        Saved[k] = MiSpace.Pte[Page + k];
        MI_ASSERT(Saved[k] & MI_PTE_VALID);
        MiSpace.Pte[Page + k] = Writable ? Saved[k] | MI_PTE_WRITE : Saved[k] & ~MI_PTE_WRITE;
    }
    MiWrittenMarkRange(&MiPteWritten, Page, Count);
    /* Pages of other access split the host mapping: charged as breaks. */
    int64_t Charge = (int64_t)MiBreaks(Page, Page + Count) - (int64_t)Before;
    if (!MiBudgetTakes(Charge) ||
        !HostProtectRun(MiPageToVa(Page), Count * PAGE_SIZE, Writable)) {
        memcpy(&MiSpace.Pte[Page], Saved, Count * sizeof(uint64_t));
        free(Saved);
        return false;
    }
    free(Saved);
    MiSpace.Charged = (uint64_t)((int64_t)MiSpace.Charged + Charge);
    return true;
}
