/*
 * pfn.c - physical memory: the layout of RAM in the physical address space,
 * the PFN database and the free-page allocator.
 *
 * Physical pages live in one host shared-memory object; index i of that
 * object is the i-th RAM page of the configured layout (holes skipped), so
 * PFNs are realistic (low RAM, a hole below 1 MiB, RAM above 4 GiB). The
 * allocator hands out runs of contiguous free pages from a next-fit cursor,
 * which keeps host mappings coalesced even when memory is fragmented.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "mi_mm.h"
#include "../host/host.h"

MI_PHYS MiPhys;
MI_WRITTEN MiPfnWritten; /* fuzz22 */

/* ---------------------------------------------------------------------- */
/* fuzz22: written blocks (MI_WRITTEN), for the touched invariant check.  */
/* ---------------------------------------------------------------------- */
void MiWrittenMarkRange(MI_WRITTEN *Written, uint64_t First, uint64_t Count)
{
    if (Count == 0) {
        return;
    }
    /* A word of blocks at a time (a reset marks all it cleared). */
    uint64_t Block = First >> 6, Last = (First + Count - 1) >> 6;
    while (Block <= Last) {
        uint64_t Word = Block >> 6;
        uint64_t n = 64 - (Block & 63) < Last - Block + 1 ? 64 - (Block & 63) : Last - Block + 1;
        uint64_t Mask = (n == 64 ? ~0ull : (1ull << n) - 1) << (Block & 63);
        if ((__atomic_load_n(&Written->Bits[Word], __ATOMIC_RELAXED) & Mask) != Mask) {
            __atomic_fetch_or(&Written->Bits[Word], Mask, __ATOMIC_RELAXED);
            __atomic_fetch_or(&Written->Summary[Word >> 6], 1ull << (Word & 63),
                              __ATOMIC_RELAXED);
        }
        Block += n;
    }
}

bool MiWrittenWanted;

bool MiWrittenReserve(MI_WRITTEN *Written, uint64_t Entries)
{
    uint64_t Words = ((Entries + 63) / 64 + 63) / 64;
    Words = Words != 0 ? Words : 1;
    if (Written->Bits != NULL && Written->Words >= Words) {
        /* A smaller machine after a larger one: marks past its end go, and
         * the walks and clears stop at its end (not at the largest's). */
        for (uint64_t Word = Words; Word < Written->InUse; Word++) {
            Written->Bits[Word] = 0;
        }
        for (uint64_t s = (Words + 63) / 64; s < (Written->InUse + 63) / 64; s++) {
            Written->Summary[s] = 0;
        }
        if (Words % 64 != 0 && Written->InUse > Words) {
            Written->Summary[Words / 64] &= ~(~0ull << (Words % 64));
        }
        Written->InUse = Words;
        return true;
    }
    HostFreeTable(Written->Bits, Written->Words * sizeof(uint64_t));
    HostFreeTable(Written->Summary, (Written->Words + 63) / 64 * sizeof(uint64_t));
    Written->Bits = (uint64_t *)HostAllocTable(Words * sizeof(uint64_t));
    Written->Summary = (uint64_t *)HostAllocTable((Words + 63) / 64 * sizeof(uint64_t));
    Written->Words = Words;
    Written->InUse = Words;
    Written->All = true;
    if (Written->Bits == NULL || Written->Summary == NULL) {
        HostFreeTable(Written->Bits, Words * sizeof(uint64_t));
        HostFreeTable(Written->Summary, (Words + 63) / 64 * sizeof(uint64_t));
        memset(Written, 0, sizeof(*Written));
        return false;
    }
    return true;
}

uint64_t MiWrittenNext(const MI_WRITTEN *Written, uint64_t Block)
{
    uint64_t Word = Block >> 6;
    uint64_t Bits = Word < Written->InUse
                        ? __atomic_load_n(&Written->Bits[Word], __ATOMIC_RELAXED) &
                              (~0ull << (Block & 63))
                        : 0;
    while (Bits == 0) {
        /* The next word the summary marks. */
        Word++;
        uint64_t Summary = 0;
        for (; Word < Written->InUse; Word = (Word | 63) + 1) {
            Summary = __atomic_load_n(&Written->Summary[Word >> 6], __ATOMIC_RELAXED) &
                      (~0ull << (Word & 63));
            if (Summary != 0) {
                break;
            }
        }
        if (Summary == 0) {
            return UINT64_MAX;
        }
        Word = (Word & ~63ull) + (uint64_t)__builtin_ctzll(Summary);
        Bits = __atomic_load_n(&Written->Bits[Word], __ATOMIC_RELAXED);
    }
    return (Word << 6) + (uint64_t)__builtin_ctzll(Bits);
}

void MiWrittenClear(MI_WRITTEN *Written)
{
    uint64_t SummaryWords = (Written->InUse + 63) / 64;
    for (uint64_t s = 0; s < SummaryWords; s++) {
        uint64_t Summary = __atomic_exchange_n(&Written->Summary[s], 0, __ATOMIC_RELAXED);
        for (; Summary != 0; Summary &= Summary - 1) {
            uint64_t Word = s * 64 + (uint64_t)__builtin_ctzll(Summary);
            __atomic_store_n(&Written->Bits[Word], 0, __ATOMIC_RELAXED);
        }
    }
    Written->All = false;
}

PFN_NUMBER MiIndexToPfn(MI_INDEX Index)
{
    for (ULONG r = MiPhys.RangeCount; r-- > 0;) {
        if (Index >= MiPhys.RangeFirstIndex[r]) {
            return MiPhys.Ranges[r].BasePage + (Index - MiPhys.RangeFirstIndex[r]);
        }
    }
    return 0;
}

bool MiPfnToIndex(PFN_NUMBER Pfn, MI_INDEX *Index)
{
    /* Ranges are ascending and disjoint (MiValidateConfig), so only the
     * highest range starting at or below Pfn can hold it; searching from the
     * top finds it first for most RAM (the DDI hot paths call this per page). */
    for (ULONG r = MiPhys.RangeCount; r-- > 0;) {
        const SIM_PHYSICAL_RANGE *Range = &MiPhys.Ranges[r];
        if (Pfn >= Range->BasePage) {
            if (Pfn - Range->BasePage >= Range->PageCount) {
                return false; /* in the hole above this range */
            }
            *Index = MiPhys.RangeFirstIndex[r] + (Pfn - Range->BasePage);
            return true;
        }
    }
    return false;
}

/* First index after the RAM range that holds Index. */
static uint64_t MiRangeEndIndex(MI_INDEX Index)
{
    for (ULONG r = 0; r + 1 < MiPhys.RangeCount; r++) {
        if (Index < MiPhys.RangeFirstIndex[r + 1]) {
            return MiPhys.RangeFirstIndex[r + 1];
        }
    }
    return MiPhys.Pages;
}

/* Index range [First, Last] of RAM whose PFNs lie in [LowPfn, HighPfn];
 * false if none. Ranges are ascending, so PFN order is index order. */
static bool MiIndexWindow(PFN_NUMBER LowPfn, PFN_NUMBER HighPfn, MI_INDEX *First, MI_INDEX *Last)
{
    bool Found = false;
    for (ULONG r = 0; r < MiPhys.RangeCount; r++) {
        const SIM_PHYSICAL_RANGE *Range = &MiPhys.Ranges[r];
        PFN_NUMBER Lo = Range->BasePage > LowPfn ? Range->BasePage : LowPfn;
        PFN_NUMBER RangeHigh = Range->BasePage + Range->PageCount - 1;
        PFN_NUMBER Hi = RangeHigh < HighPfn ? RangeHigh : HighPfn;
        if (Lo > Hi) {
            continue;
        }
        MI_INDEX A = MiPhys.RangeFirstIndex[r] + (Lo - Range->BasePage);
        MI_INDEX B = MiPhys.RangeFirstIndex[r] + (Hi - Range->BasePage);
        if (!Found) {
            *First = A;
            Found = true;
        }
        *Last = B;
    }
    return Found;
}

/* ---------------------------------------------------------------------- */
/* Free bitmap.                                                           */
/* ---------------------------------------------------------------------- */
static inline void MiBitSet(uint64_t *Bits, uint64_t i)
{
    Bits[i >> 6] |= 1ull << (i & 63);
}
static inline void MiBitClear(uint64_t *Bits, uint64_t i)
{
    Bits[i >> 6] &= ~(1ull << (i & 63));
}

/* Pages of a group, clipped to RAM. */
static uint64_t MiGroupPages(uint64_t Group)
{
    uint64_t First = Group << MI_PFN_GROUP_SHIFT;
    return MiPhys.Pages - First < MI_PFN_GROUP ? MiPhys.Pages - First : MI_PFN_GROUP;
}

/* One past the highest touched group (setup20): walks over the touched
 * groups stop there, so a machine that used the bottom of 1 TiB of RAM
 * costs what one of 256 MiB does. Reset with the machine. */
static uint64_t MiPhysTouchedEnd;

void MiPfnTouchGroup(MI_INDEX Index)
{
    uint64_t Group = Index >> MI_PFN_GROUP_SHIFT;
    uint64_t First = Group << MI_PFN_GROUP_SHIFT, Pages = MiGroupPages(Group);
    MI_ASSERT(Index < MiPhys.Pages && !MiPfnGroupTouched(Index));
    for (uint64_t k = 0; k < Pages; k++) {
        MiPhys.Pfn[First + k].State = MiPageZeroed; /* the rest of the entry is 0 */
    }
    /* The group is word-aligned in the bitmap. */
    for (uint64_t k = 0; k < Pages; k += 64) {
        uint64_t n = Pages - k < 64 ? Pages - k : 64;
        MiPhys.FreeBits[(First + k) >> 6] = n == 64 ? ~0ull : (1ull << n) - 1;
    }
    MiPhys.Touched[Group >> 6] |= 1ull << (Group & 63);
    MiWrittenMarkRange(&MiPfnWritten, First, Pages);
    MiPhys.TouchedGroups++;
    MiPhysTouchedEnd = Group + 1 > MiPhysTouchedEnd ? Group + 1 : MiPhysTouchedEnd;
}

MI_INDEX MiPfnNextTouched(MI_INDEX Index)
{
    uint64_t Groups = MiPhysTouchedEnd;
    uint64_t Group = Index >> MI_PFN_GROUP_SHIFT;
    while (Group < Groups) {
        uint64_t Word = MiPhys.Touched[Group >> 6] & (~0ull << (Group & 63));
        if (Word != 0) {
            uint64_t Found = (Group & ~63ull) + (uint64_t)__builtin_ctzll(Word);
            if (Found >= Groups) {
                break;
            }
            return Found == Index >> MI_PFN_GROUP_SHIFT ? Index : Found << MI_PFN_GROUP_SHIFT;
        }
        Group = (Group & ~63ull) + 64;
    }
    return MiPhys.Pages;
}

/* First index >= From and <= Last that is free (Want) or in use (!Want);
 * Last+1 if none. A group not filled in is all free: whole words of the
 * group bitmap are skipped at once, so a search through empty terabytes
 * costs microseconds. */
static uint64_t MiBitFind(const uint64_t *Bits, uint64_t From, uint64_t Last, bool Want)
{
    uint64_t i = From;
    while (i <= Last) {
        if (!MiPfnGroupTouched(i)) {
            if (Want) {
                return i;
            }
            uint64_t Group = i >> MI_PFN_GROUP_SHIFT;
            uint64_t Word = MiPhys.Touched[Group >> 6] & (~0ull << (Group & 63));
            Group = Word != 0 ? (Group & ~63ull) + (uint64_t)__builtin_ctzll(Word)
                              : (Group & ~63ull) + 64;
            if (Group >= MiPhysTouchedEnd) {
                return Last + 1; /* nothing above is touched: all free */
            }
            i = Group << MI_PFN_GROUP_SHIFT;
            continue;
        }
        uint64_t Word = Bits[i >> 6];
        if (!Want) {
            Word = ~Word;
        }
        Word &= ~0ull << (i & 63);
        if (Word != 0) {
            uint64_t Found = (i & ~63ull) + (uint64_t)__builtin_ctzll(Word);
            return Found <= Last ? Found : Last + 1;
        }
        i = (i & ~63ull) + 64;
    }
    return Last + 1;
}

static void MiSetState(MI_INDEX Index, MI_PAGE_STATE State)
{
    MI_PFN *Entry = MiPfnEntry(Index);
    MI_ASSERT(Index < MiPhys.Pages && (unsigned)State < MiPageStateCount);
    MI_ASSERT(Entry->State < MiPageStateCount && MiPhys.StateCount[Entry->State] > 0);
    MiPhys.StateCount[Entry->State]--;
    Entry->State = (uint8_t)State;
    MiPhys.StateCount[State]++;
}

/* Everything but the state starts over when a page changes hands. */
static void MiClearEntry(MI_PFN *Entry)
{
    Entry->CacheType = 0;
    Entry->Flags = 0;
    Entry->LockCount = 0;
    Entry->MapCount = 0;
    Entry->Owner = 0;
}

void MiZeroPhysical(MI_INDEX Index, uint64_t Count)
{
    /* A run worth a system call goes back to the host, which hands out
     * zero-filled pages again; small runs are cheaper to clear in place. */
    if (Count >= 16) {
        HostPhysDiscard(Index * PAGE_SIZE, Count * PAGE_SIZE);
    } else {
        memset(MiPhysPage(Index), 0, Count * PAGE_SIZE);
    }
}

static void MiTake(MI_INDEX First, uint64_t Count, MI_PAGE_STATE NewState, bool Zero, MI_INDEX *Out)
{
    uint64_t DirtyStart = UINT64_MAX;
    for (uint64_t k = 0; k < Count; k++) {
        MI_INDEX i = First + k;
        MI_PFN *Entry = MiPfnEntry(i);
        /* Free -> allocated: only a page on the free list. */
        MI_ASSERT(MiBitTest(MiPhys.FreeBits, i) && MiIsFreeState(Entry->State));
        bool Dirty = Entry->State == MiPageFree;
        if (Zero && Dirty && DirtyStart == UINT64_MAX) {
            DirtyStart = i;
        }
        if (Zero && !Dirty && DirtyStart != UINT64_MAX) {
            MiZeroPhysical(DirtyStart, i - DirtyStart);
            DirtyStart = UINT64_MAX;
        }
        MiBitClear(MiPhys.FreeBits, i);
        MiSetState(i, NewState);
        MiClearEntry(Entry);
        Out[k] = i;
    }
    if (DirtyStart != UINT64_MAX) {
        MiZeroPhysical(DirtyStart, First + Count - DirtyStart);
    }
    MiPhys.FreeCount -= Count;
}

/* userva: user pages the host served, still without their PFN (virtual.c). */
extern uint64_t MiUserLazyPages;
void MiUserBeforeAllocate(uint64_t Count);

uint64_t MiAllocatePhysical(uint64_t Count, PFN_NUMBER LowPfn, PFN_NUMBER HighPfn,
                            MI_PAGE_STATE NewState, bool Zero, MI_INDEX *Out)
{
    if (MiUserLazyPages != 0) {
        MiUserBeforeAllocate(Count); /* userva */
    }
    MI_INDEX First = 0, Last = 0; /* set by MiIndexWindow (-O3 cannot tell) */
    if (Count == 0 || MiPhys.FreeCount == 0 || !MiIndexWindow(LowPfn, HighPfn, &First, &Last)) {
        return 0;
    }
    uint64_t Got = 0;
    uint64_t Start = MiPhys.Cursor;
    if (Start < First || Start > Last) {
        Start = First;
    }
    /* A request that fits in one free run gets one run: one host mapping
     * per allocation, even where a RAM range or an earlier allocation would
     * cut the next-fit run short. The search looks at a bounded number of
     * runs, so fragmented memory stays cheap; then runs are gathered. */
    for (int Pass = 0, Looked = 0; Pass < 2 && Looked < 64; Pass++) {
        uint64_t i = Pass == 0 ? Start : First;
        uint64_t To = Pass == 0 ? Last : Start;
        while (i <= To && Looked < 64) {
            uint64_t RunStart = MiBitFind(MiPhys.FreeBits, i, To, true);
            if (RunStart > To) {
                break;
            }
            /* The run's end matters only up to where the first block that
             * fits in one RAM range would end (Need): searching no further
             * keeps an allocation in empty terabytes short (setup20). */
            uint64_t Fit = RunStart;
            while (Fit + Count > MiRangeEndIndex(Fit) && MiRangeEndIndex(Fit) < MiPhys.Pages) {
                Fit = MiRangeEndIndex(Fit);
            }
            uint64_t Need = Fit + Count - 1 < Last ? Fit + Count - 1 : Last;
            uint64_t RunEnd = MiBitFind(MiPhys.FreeBits, RunStart, Need, false);
            Looked++;
            /* Indices are contiguous; the PFNs must be too, so the block
             * may not cross into the next RAM range. */
            for (uint64_t At = RunStart; At + Count <= RunEnd;) {
                uint64_t RangeEnd = MiRangeEndIndex(At);
                if (At + Count <= RangeEnd) {
                    MiTake(At, Count, NewState, Zero, Out);
                    MiPhys.Cursor = At + Count;
                    return Count;
                }
                At = RangeEnd;
            }
            i = RunEnd;
        }
    }
    /* Next-fit from the cursor, wrapping once: runs come out in address
     * order and a fragmented free list still yields whole runs. */
    for (int Pass = 0; Pass < 2 && Got < Count; Pass++) {
        uint64_t From = Pass == 0 ? Start : First;
        uint64_t To = Pass == 0 ? Last : (Start > First ? Start - 1 : First);
        if (Pass == 1 && Start == First) {
            break;
        }
        uint64_t i = From;
        while (Got < Count && i <= To) {
            uint64_t RunStart = MiBitFind(MiPhys.FreeBits, i, To, true);
            if (RunStart > To) {
                break;
            }
            uint64_t Want = Count - Got - 1 < To - RunStart ? RunStart + Count - Got - 1 : To;
            uint64_t RunEnd = MiBitFind(MiPhys.FreeBits, RunStart, Want, false);
            uint64_t Take = RunEnd - RunStart;
            if (Take > Count - Got) {
                Take = Count - Got;
            }
            MiTake(RunStart, Take, NewState, Zero, Out + Got);
            Got += Take;
            i = RunStart + Take;
            MiPhys.Cursor = i;
        }
    }
    return Got;
}

bool MiAllocateContiguous(uint64_t Count, uint64_t AlignPages, PFN_NUMBER LowPfn,
                          PFN_NUMBER HighPfn, MI_PAGE_STATE NewState, bool Zero, MI_INDEX *Out)
{
    if (MiUserLazyPages != 0) {
        MiUserBeforeAllocate(Count); /* userva */
    }
    MI_INDEX First = 0, Last = 0; /* set by MiIndexWindow (-O3 cannot tell) */
    if (Count == 0 || MiPhys.FreeCount < Count || !MiIndexWindow(LowPfn, HighPfn, &First, &Last)) {
        return false;
    }
    if (AlignPages == 0) {
        AlignPages = 1;
    }
    uint64_t i = First;
    while (i <= Last) {
        uint64_t RunStart = MiBitFind(MiPhys.FreeBits, i, Last, true);
        if (RunStart > Last) {
            return false;
        }
        uint64_t RunEnd = MiBitFind(MiPhys.FreeBits, RunStart, Last, false);
        /* Align the PFN (not the index) and keep the block inside one RAM
         * range, where PFNs are contiguous. */
        for (uint64_t s = RunStart; s + Count <= RunEnd;) {
            PFN_NUMBER Pfn = MiIndexToPfn(s);
            uint64_t Skip = (AlignPages - Pfn % AlignPages) % AlignPages;
            if (Skip != 0) {
                /* Skip is counted in PFNs, so it must not cross into the next
                 * RAM range, whose PFNs do not follow on: there, start over. */
                uint64_t End = MiRangeEndIndex(s);
                s = Skip < End - s ? s + Skip : End;
                continue;
            }
            if (MiIndexToPfn(s + Count - 1) != Pfn + Count - 1) {
                s++;
                continue;
            }
            MiTake(s, Count, NewState, Zero, Out);
            return true;
        }
        i = RunEnd;
    }
    return false;
}

void MiFreePhysicalZeroed(MI_INDEX Index)
{
    MiFreePhysical(Index);
    MiSetState(Index, MiPageZeroed);
}

void MiFreePhysical(MI_INDEX Index)
{
    MI_PFN *Entry = MiPfnEntry(Index);
    /* Allocated -> free: a page in use, no longer mapped by any PTE. */
    MI_ASSERT(!MiBitTest(MiPhys.FreeBits, Index) && !MiIsFreeState(Entry->State));
    MI_ASSERT(Entry->MapCount == 0);
    MiSetState(Index, MiPageFree);
    MiClearEntry(Entry);
    MiBitSet(MiPhys.FreeBits, Index);
    MiPhys.FreeCount++;
    MI_ASSERT(MiPhys.FreeCount <= MiPhys.Pages);
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
/* Kept by a reset for the next machine (MiKeepForNextMachine): the tables
 * and the memory object, cleared where the last machine touched them. */
static struct {
    MI_PFN *Pfn;
    uint64_t *FreeBits, *Touched;
    uint64_t Groups; /* what the tables are sized for */
    bool Phys;       /* the host's memory object and its view are kept */
    uint64_t PhysPages;
    SIM_HOST_BACKEND Backend;
} MiPhysKept;
static SIM_HOST_BACKEND MiPhysBackend; /* the running machine's */

static uint64_t MiPhysGroups(uint64_t Pages)
{
    return (Pages + MI_PFN_GROUP - 1) >> MI_PFN_GROUP_SHIFT;
}

static void MiPhysFreeTables(MI_PFN *Pfn, uint64_t *FreeBits, uint64_t *Touched, uint64_t Groups)
{
    HostFreeTable(Pfn, (Groups << MI_PFN_GROUP_SHIFT) * sizeof(MI_PFN));
    HostFreeTable(FreeBits, (Groups << MI_PFN_GROUP_SHIFT) / 8);
    HostFreeTable(Touched, (Groups + 63) / 64 * sizeof(uint64_t));
}

void MiPhysForgetKept(void)
{
    MiPhysFreeTables(MiPhysKept.Pfn, MiPhysKept.FreeBits, MiPhysKept.Touched, MiPhysKept.Groups);
    if (MiPhysKept.Phys) {
        HostPhysDestroy();
    }
    memset(&MiPhysKept, 0, sizeof(MiPhysKept));
}

/* Everything the machine touched back to what a fresh one has: the PFN
 * entries of its touched groups zero (MiPfnTouchGroup rewrites the free
 * bits of a group it fills in), their pages zero, the group bitmap empty. Only touched groups are read, so this costs what the
 * machine used, not what it had. A machine that wrote a few pages (a unit
 * test's) has them zeroed in place and kept by the memory object, where the
 * next machine maps them without the host allocating and zeroing a page
 * again; more go back to the host (the memory the object keeps is bounded). */
#define MI_PHYS_KEEP_DIRTY 16

static void MiPhysClearTouched(void)
{
    /* Pages that may hold data: those in use or free, not known zero (every
     * page of an untouched group counts as zeroed). */
    uint64_t Dirty = MiPhys.Pages - MiPhys.StateCount[MiPageZeroed];
    bool InPlace = Dirty <= MI_PHYS_KEEP_DIRTY;
    for (MI_INDEX First = MiPfnNextTouched(0); First < MiPhys.Pages;) {
        MI_INDEX End = First;
        while (End < MiPhys.Pages && MiPfnGroupTouched(End)) {
            End += MiGroupPages(End >> MI_PFN_GROUP_SHIFT);
        }
        /* [First, End) is a run of touched groups; the tables are sized in
         * whole groups, RAM may end inside the last. */
        if (InPlace) {
            for (MI_INDEX i = First; i < End && Dirty > 0; i++) {
                if (MiPhys.Pfn[i].State != MiPageZeroed) {
                    memset(MiPhysPage(i), 0, PAGE_SIZE);
                    Dirty--;
                }
            }
        } else {
            HostPhysDiscard(First * PAGE_SIZE, (End - First) * PAGE_SIZE);
        }
        uint64_t Whole = ((End - First + MI_PFN_GROUP - 1) >> MI_PFN_GROUP_SHIFT)
                         << MI_PFN_GROUP_SHIFT;
        HostClearTable(MiPhys.Pfn, First * sizeof(MI_PFN), Whole * sizeof(MI_PFN));
        MiWrittenMarkRange(&MiPfnWritten, First, End - First);
        uint64_t Group = First >> MI_PFN_GROUP_SHIFT, Last = Group + (Whole >> MI_PFN_GROUP_SHIFT);
        for (uint64_t g = Group; g < Last; g++) {
            MiPhys.Touched[g >> 6] &= ~(1ull << (g & 63));
        }
        First = End < MiPhys.Pages ? MiPfnNextTouched(End) : End;
    }
}

static void MiPhysTeardown(void)
{
    uint64_t Groups = MiPhysGroups(MiPhys.Pages);
    if (MiKeepForNextMachine && MiPhys.Pfn != NULL && MiPhys.FreeBits != NULL &&
        MiPhys.Touched != NULL && MiPhys.View != NULL) {
        MiPhysForgetKept(); /* nothing is kept twice */
        MiPhysClearTouched();
        MiPhysKept.Pfn = MiPhys.Pfn;
        MiPhysKept.FreeBits = MiPhys.FreeBits;
        MiPhysKept.Touched = MiPhys.Touched;
        MiPhysKept.Groups = Groups;
        MiPhysKept.Phys = true;
        MiPhysKept.PhysPages = MiPhys.Pages;
        MiPhysKept.Backend = MiPhysBackend;
        memset(&MiPhys, 0, sizeof(MiPhys));
        return;
    }
    MiPhysFreeTables(MiPhys.Pfn, MiPhys.FreeBits, MiPhys.Touched, Groups);
    if (MiPhys.View != NULL) {
        HostPhysDestroy();
    }
    memset(&MiPhys, 0, sizeof(MiPhys));
}

/* The host refused Bytes for What: said on stderr, naming both. */
static NTSTATUS MiPhysRefused(const char *What, uint64_t Bytes, const char *Why)
{
    char Text[384];
    snprintf(Text, sizeof(Text),
             "mmsim: the host refused %llu MiB of %s for %llu MiB of simulated RAM%s%s\n",
             (unsigned long long)((Bytes + 1048575) >> 20), What,
             (unsigned long long)(MiPhys.Pages >> 8), Why[0] != '\0' ? ": " : "", Why);
    MiWriteStderr(Text);
    MiPhysTeardown();
    return STATUS_INSUFFICIENT_RESOURCES;
}

static NTSTATUS MiPhysInit(const SIM_CONFIG *Config)
{
    memset(&MiPhys, 0, sizeof(MiPhys));
    MiPhysTouchedEnd = 0;
    MiPhys.Pages = Config->PhysicalPages;
    MiPhys.RangeCount = Config->RangeCount;
    uint64_t Index = 0;
    for (ULONG r = 0; r < Config->RangeCount; r++) {
        MiPhys.Ranges[r] = Config->Ranges[r];
        MiPhys.RangeFirstIndex[r] = Index;
        Index += Config->Ranges[r].PageCount;
        MiPhys.HighestPfn = Config->Ranges[r].BasePage + Config->Ranges[r].PageCount - 1;
    }
    /* Reserved for all of RAM, filled in a group at a time (MiPfnEntry):
     * nothing here is linear in the size of the machine. */
    uint64_t Groups = (MiPhys.Pages + MI_PFN_GROUP - 1) >> MI_PFN_GROUP_SHIFT;
    uint64_t PfnBytes = (Groups << MI_PFN_GROUP_SHIFT) * sizeof(MI_PFN);
    uint64_t BitBytes = (Groups << MI_PFN_GROUP_SHIFT) / 8;
    uint64_t GroupBytes = (Groups + 63) / 64 * sizeof(uint64_t);
    MiPhysBackend = Config->Backend;
    if (MiPhysKept.Pfn != NULL && MiPhysKept.Groups == Groups) {
        /* A reset: the last machine's tables, already cleared. */
        MiPhys.Pfn = MiPhysKept.Pfn;
        MiPhys.FreeBits = MiPhysKept.FreeBits;
        MiPhys.Touched = MiPhysKept.Touched;
        MiPhysKept.Pfn = NULL;
        MiPhysKept.FreeBits = MiPhysKept.Touched = NULL;
    }
    bool KeptPhys = MiPhysKept.Phys && MiPhysKept.PhysPages == MiPhys.Pages &&
                    MiPhysKept.Backend == Config->Backend;
    MiPhysKept.Phys = MiPhysKept.Phys && !KeptPhys;
    MiPhysForgetKept(); /* whatever does not fit this machine */
    if (!MiWrittenReserve(&MiPfnWritten, MiPhys.Pages)) {
        return MiPhysRefused("address space for the PFN database", PfnBytes, "");
    }
    if (MiPhys.Pfn == NULL) {
        MiPfnWritten.All = true; /* fresh tables: the checker's copy is of others */
        MiPhys.Pfn = (MI_PFN *)HostAllocTable(PfnBytes);
        if (MiPhys.Pfn == NULL) {
            return MiPhysRefused("address space for the PFN database", PfnBytes, "");
        }
        MiPhys.FreeBits = (uint64_t *)HostAllocTable(BitBytes);
        MiPhys.Touched = (uint64_t *)HostAllocTable(GroupBytes);
        if (MiPhys.FreeBits == NULL || MiPhys.Touched == NULL) {
            return MiPhysRefused("address space for the free-page bitmap", BitBytes + GroupBytes,
                                 "");
        }
    }
    char Why[256];
    if (!KeptPhys &&
        !HostPhysCreate(MiPhys.Pages * PAGE_SIZE, (int)Config->Backend, Why, sizeof(Why))) {
        return MiPhysRefused("the physical memory object", MiPhys.Pages * PAGE_SIZE, Why);
    }
    MiPhys.View = HostPhysView();
    /* A fresh memory object reads as zero: every page starts zeroed. */
    MiPhys.StateCount[MiPageZeroed] = MiPhys.Pages;
    MiPhys.FreeCount = MiPhys.Pages;
    return STATUS_SUCCESS;
}

static bool MiPhysIsClean(char *Report, size_t Size)
{
    uint64_t Held = MiPhys.StateCount[MiPageMdl];
    if (Held != 0) {
        MiAppend(Report, Size, "%llu physical page(s) still allocated for MDLs\n",
                 (unsigned long long)Held);
        return false;
    }
    return true;
}

const MI_SUBSYSTEM MiPhysSubsystem = {"physical memory", MiPhysInit, MiPhysTeardown,
                                      MiPhysIsClean};
