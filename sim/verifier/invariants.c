/*
 * invariants.c - the invariant checker: PTE <-> PFN <-> host mapping
 * consistency and page accounting. Callable from tests and fuzzers after
 * every step; it reads state only.
 *
 * Two forms (docs/verifier.md, "Invariants"): SimCheckInvariants checks the
 * whole machine; SimCheckInvariantsTouched checks what changed since the
 * last check of either form - the PTEs, PFN entries, free bits and VA
 * bitmaps that differ from a copy the last check kept, the PFNs those PTEs
 * name, and the host mirror over the span of changed PTEs - plus the
 * counts, the MDL mapping and reservation records. Per-PFN map counts are
 * kept up to date from the PTE differences, so "map count == PTEs naming
 * the page" holds over the whole machine at every touched check. A fuzzer
 * calls the touched form after each call and the whole form every N calls
 * and at the end: what only the whole form sees (a host mapping changed
 * behind an unchanged PTE) is found there.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "../mm/mi_mm.h"
#include "../mm/mi_special.h" /* specialpool */
#include "../mm/mi_user.h"    /* fuzz20b: MiCheckUserSpace's counts */
#include "../host/host.h"

typedef struct _MI_CHECK {
    char *Report;
    size_t Size;
    uint64_t Errors;
    uint64_t CoveredValid; /* valid PTEs seen backed by the right host page */
    uint64_t HostMappings; /* host mappings seen in system space */
} MI_CHECK;

#define MI_MAX_ERRORS 8

static void MiFail(MI_CHECK *Check, const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
static void MiFail(MI_CHECK *Check, const char *Format, ...)
{
    if (Check->Errors++ < MI_MAX_ERRORS && Check->Report != NULL) {
        size_t Used = strlen(Check->Report);
        if (Used + 1 < Check->Size) {
            va_list Arguments;
            va_start(Arguments, Format);
            vsnprintf(Check->Report + Used, Check->Size - Used, Format, Arguments);
            va_end(Arguments);
        }
    }
}

static void MiCheckHostRange(void *Context, uintptr_t Start, uintptr_t End, bool Readable,
                             bool Writable, bool Physical, uint64_t Offset)
{
    MI_CHECK *Check = (MI_CHECK *)Context;
    Check->HostMappings++;
    uint64_t Page = MiVaToPage((void *)Start);
    if (!Readable) {
        /* Inaccessible (most of system space, reserved): only a valid PTE
         * breaks the rule, and PTEs are non-zero only in touched groups, so
         * the walk costs what is used, not the size of the space. */
        uint64_t Last = Page + (End - Start) / PAGE_SIZE;
        for (Page = MiNextNonZeroPte(Page, Last); Page < Last;
             Page = MiNextNonZeroPte(Page + 1, Last)) {
            uint64_t Pte = MiSpace.Pte[Page];
            if ((Pte & MI_PTE_VALID) && !MiIsIoSpaceDevicePage(Page)) {
                MiFail(Check, "page %p: PTE valid (PFN 0x%llx) but the host shows no access\n",
                       (void *)MiPageToVa(Page), (unsigned long long)MI_PTE_PFN(Pte));
            }
        }
        return;
    }
    for (uintptr_t Va = Start; Va < End; Va += PAGE_SIZE, Offset += PAGE_SIZE, Page++) {
        uint64_t Pte = MiSpace.Pte[Page];
        if (MiIsIoSpaceDevicePage(Page)) {
            continue; /* mmdev: device memory, its own host object */
        }
        if (Pte & MI_PTE_VALID) {
            MI_INDEX Index = MiPteIndex(Pte);
            if (!Physical || Offset != Index * PAGE_SIZE) {
                MiFail(Check, "page %p: PTE valid (PFN 0x%llx) but the host shows %s\n", (void *)Va,
                       (unsigned long long)MI_PTE_PFN(Pte), !Physical ? "other memory" : "another page");
            } else if (Writable != ((Pte & MI_PTE_WRITE) != 0)) {
                MiFail(Check, "page %p: PTE write bit and host protection differ\n", (void *)Va);
            } else {
                Check->CoveredValid++;
            }
        } else {
            MiFail(Check, "page %p: PTE 0x%llx is not valid but the host page is accessible\n",
                   (void *)Va, (unsigned long long)Pte);
        }
    }
}

/* Whether PTE (of Page) names a page of RAM the PTE counts for (valid or
 * transition; not a reservation's software header PTE), and which. */
static bool MiPteNamesPage(uint64_t Page, uint64_t Pte, MI_INDEX *Index)
{
    if (Pte == 0 || MiRegionOf(Page) == MiRegionGuard ||
        !(Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) ||
        (!(Pte & MI_PTE_VALID) && MiIsReservationHeaderPage(Page))) {
        return false;
    }
    return MiPfnToIndex(MI_PTE_PFN(Pte), Index);
}

/* The PTEs naming each page, per PFN index (Refs): counted by a whole check
 * and kept up to date by touched checks. A host table that reads as zero
 * where never written, kept while machines have the same RAM size; a whole
 * check clears only the PFN groups counted in since the one before (Dirty),
 * so it costs what the machine uses, not its RAM size (a fresh zeroed array
 * of 4 bytes per page for every check was a tenth of a forked fault run). */
static struct {
    uint32_t *Counts;
    uint64_t Pages;
    uint64_t *Dirty; /* a bit per MI_PFN_GROUP entries that may be non-zero */
    uint64_t DirtyWords;
} MiRefs;

static void MiRefsAdd(MI_INDEX Index, int Delta)
{
    uint64_t Group = Index >> MI_PFN_GROUP_SHIFT;
    MiRefs.Counts[Index] += (uint32_t)Delta;
    MiRefs.Dirty[Group >> 6] |= 1ull << (Group & 63);
}

/* All counts zero, for this machine's RAM size; false if the host has no
 * memory for them. */
static bool MiRefsClear(void)
{
    uint64_t Pages = MiPhys.Pages ? MiPhys.Pages : 1;
    if (MiRefs.Counts != NULL && MiRefs.Pages == Pages) {
        for (uint64_t w = 0; w < MiRefs.DirtyWords; w++) {
            for (uint64_t Bits = MiRefs.Dirty[w]; Bits != 0; Bits &= Bits - 1) {
                uint64_t First = (w * 64 + (uint64_t)__builtin_ctzll(Bits)) << MI_PFN_GROUP_SHIFT;
                uint64_t Count = Pages - First < MI_PFN_GROUP ? Pages - First : MI_PFN_GROUP;
                memset(&MiRefs.Counts[First], 0, Count * sizeof(uint32_t));
            }
            MiRefs.Dirty[w] = 0;
        }
        return true;
    }
    HostFreeTable(MiRefs.Counts, MiRefs.Pages * sizeof(uint32_t));
    free(MiRefs.Dirty);
    uint64_t DirtyWords = ((Pages + MI_PFN_GROUP - 1) / MI_PFN_GROUP + 63) / 64;
    MiRefs.Counts = (uint32_t *)HostAllocTable(Pages * sizeof(uint32_t));
    MiRefs.Dirty = (uint64_t *)calloc(DirtyWords, sizeof(uint64_t));
    MiRefs.Pages = Pages;
    MiRefs.DirtyWords = DirtyWords;
    if (MiRefs.Counts == NULL || MiRefs.Dirty == NULL) {
        HostFreeTable(MiRefs.Counts, Pages * sizeof(uint32_t));
        free(MiRefs.Dirty);
        memset(&MiRefs, 0, sizeof(MiRefs));
        return false;
    }
    return true;
}

/* The rules for one PTE: valid and transition PTEs name RAM in a
 * compatible state, guards are empty, and used PTEs lie in allocated VA.
 * Counts in MiRefs (if Count) the page it names; true if it is valid. */
static bool MiCheckPte(MI_CHECK *Check, uint64_t Page, bool Count)
{
    uint64_t Pte = MiSpace.Pte[Page];
    if (Pte == 0) {
        return false;
    }
    MI_REGION Region = MiRegionOf(Page);
    if (Region == MiRegionGuard) {
        MiFail(Check, "guard page %llu has PTE 0x%llx\n", (unsigned long long)Page,
               (unsigned long long)Pte);
        return false;
    }
    if (!(Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) ||
        (!(Pte & MI_PTE_VALID) && MiIsReservationHeaderPage(Page))) {
        /* Software PTEs of reservations (nt5 header PTEs, whose tag bits
         * may include bit 11) are checked in step 4; nothing to count. */
        return false;
    }
    if (MiIsIoSpaceDevicePage(Page)) {
        return false; /* mmdev: a device's PFN (MmMapIoSpace), no PFN entry */
    }
    MI_INDEX Index;
    if (!MiPfnToIndex(MI_PTE_PFN(Pte), &Index)) {
        MiFail(Check, "PTE of page %llu names PFN 0x%llx, which is not RAM\n",
               (unsigned long long)Page, (unsigned long long)MI_PTE_PFN(Pte));
        return false;
    }
    if (Count) {
        MiRefsAdd(Index, 1);
    }
    /* Read in place where the group is filled in: MiPfnEntry would mark the
     * entry written, and a whole check would then copy it again (fuzz22). */
    uint8_t State = MiPfnGroupTouched(Index) ? MiPhys.Pfn[Index].State : MiPfnEntry(Index)->State;
    if (State == MiPageFree || State == MiPageZeroed) {
        MiFail(Check, "PTE of page %llu maps free PFN 0x%llx\n", (unsigned long long)Page,
               (unsigned long long)MI_PTE_PFN(Pte));
    }
    if ((Pte & MI_PTE_TRANSITION) && Region != MiRegionPagedPool) {
        MiFail(Check, "transition PTE outside paged pool at page %llu\n",
               (unsigned long long)Page);
    }
    const MI_VA_ALLOCATOR *Va = Region == MiRegionSystemPtes     ? &MiSpace.SystemPtes
                                : Region == MiRegionNonPagedPool ? &MiSpace.NonPagedPool
                                                                 : &MiSpace.PagedPool;
    if (!MiVaIsAllocated(Va, Page)) {
        MiFail(Check, "page %llu is mapped but its VA is free\n", (unsigned long long)Page);
    }
    return (Pte & MI_PTE_VALID) != 0;
}

/* 1. Every PTE (MiCheckPte). Counts in MiRefs the PTEs that name each
 *    page; returns how many are valid. */
static uint64_t MiCheckPtes(MI_CHECK *Check)
{
    uint64_t ValidPtes = 0;
    /* Only touched groups can hold non-zero PTEs (scale: sparse space). */
    for (uint64_t Page = MiNextNonZeroPte(0, MiSpace.Pages); Page < MiSpace.Pages;
         Page = MiNextNonZeroPte(Page + 1, MiSpace.Pages)) {
        ValidPtes += MiCheckPte(Check, Page, true);
    }
    return ValidPtes;
}

/* The rules for one PFN entry: a valid state, the free bitmap agrees with
 * it, its map count is the number of PTEs naming it (MiRefs), and a free page
 * is neither locked nor mapped. */
static void MiCheckPfn(MI_CHECK *Check, MI_INDEX i, const MI_PFN *Entry, uint32_t Refs)
{
    if (Entry->State >= MiPageStateCount) {
        MiFail(Check, "PFN 0x%llx has invalid state %u\n", (unsigned long long)MiIndexToPfn(i),
               Entry->State);
        return;
    }
    bool Free = (MiPhys.FreeBits[i >> 6] >> (i & 63)) & 1;
    bool FreeState = Entry->State == MiPageFree || Entry->State == MiPageZeroed;
    if (Free != FreeState) {
        MiFail(Check, "PFN 0x%llx: free bitmap says %s, state says %u\n",
               (unsigned long long)MiIndexToPfn(i), Free ? "free" : "used", Entry->State);
    }
    if (Entry->MapCount != Refs) {
        MiFail(Check, "PFN 0x%llx: map count %u but %u PTE(s) name it\n",
               (unsigned long long)MiIndexToPfn(i), Entry->MapCount, Refs);
    }
    if (FreeState && (Entry->LockCount != 0 || Entry->MapCount != 0)) {
        MiFail(Check, "free PFN 0x%llx is locked or mapped\n", (unsigned long long)MiIndexToPfn(i));
    }
}

/* The state counts and the free count against States (pages per state,
 * as counted) and FreeBits (bits set in the free bitmap). */
static void MiCheckCounts(MI_CHECK *Check, const uint64_t *States, uint64_t FreeBits)
{
    for (int s = 0; s < MiPageStateCount; s++) {
        if (States[s] != MiPhys.StateCount[s]) {
            MiFail(Check, "page state %d: %llu pages but the count says %llu\n", s,
                   (unsigned long long)States[s], (unsigned long long)MiPhys.StateCount[s]);
        }
    }
    if (FreeBits != MiPhys.FreeCount ||
        MiPhys.FreeCount != States[MiPageFree] + States[MiPageZeroed]) {
        MiFail(Check, "free pages: bitmap %llu, count %llu, states %llu\n",
               (unsigned long long)FreeBits, (unsigned long long)MiPhys.FreeCount,
               (unsigned long long)(States[MiPageFree] + States[MiPageZeroed]));
    }
}

/* 2. Every PFN (MiCheckPfn), and the counts. States receives the pages per
 *    state, *FreeBitsOut the free bits. */
static void MiCheckPfns(MI_CHECK *Check, uint64_t *States, uint64_t *FreeBitsOut)
{
    uint64_t FreeBits = 0;
    /* Pages of groups never filled in are zeroed and free (scale: sparse
     * PFN database): counted, not walked. */
    uint64_t Walked = 0;
    for (MI_INDEX i = MiPfnNextTouched(0); i < MiPhys.Pages; i = MiPfnNextTouched(i + 1)) {
        Walked++;
        /* Its group is filled in: read in place (MiPfnEntry would mark it
         * written for the touched check, for nothing). */
        const MI_PFN *Entry = &MiPhys.Pfn[i];
        if (Entry->State < MiPageStateCount) {
            States[Entry->State]++;
            FreeBits += (MiPhys.FreeBits[i >> 6] >> (i & 63)) & 1;
        }
        MiCheckPfn(Check, i, Entry, MiRefs.Counts[i]);
    }
    States[MiPageZeroed] += MiPhys.Pages - Walked;
    FreeBits += MiPhys.Pages - Walked;
    MiCheckCounts(Check, States, FreeBits);
    *FreeBitsOut = FreeBits;
}

/* Where a record checker appends to the report (NULL: no report). */
static char *MiReportTail(const MI_CHECK *Check, size_t *Left)
{
    size_t Used = Check->Report != NULL ? strlen(Check->Report) : 0;
    *Left = Check->Size - Used;
    return Check->Report != NULL ? Check->Report + Used : NULL;
}

/* 3. MDL mappings: each recorded mapping is valid exactly over its pages
 *    (guards invalid) in allocated system-PTE VA.
 * 4. Reservations: nt5 header PTEs hold the size and tag encodings, modern
 *    pool nodes describe their reservation, data PTEs are empty or valid,
 *    and every page is allocated system-PTE VA. */
static void MiCheckRecords(MI_CHECK *Check, const MI_USER_PFNS *UserPfns)
{
    size_t Left;
    char *Tail = MiReportTail(Check, &Left);
    Check->Errors += MiCheckMdlMappings(Tail, Left);
    Tail = MiReportTail(Check, &Left);
    Check->Errors += MiCheckReservations(Tail, Left);

    /* User space (sim/mm/virtual.c): the one call of its checker. The
     * touched form gives it the counts of pages in state User (kept from
     * the PFN entries that changed), so that it does not walk the PFN
     * database (fuzz20b); the whole form lets it walk. */
    Tail = MiReportTail(Check, &Left);
    Check->Errors += MiCheckUserSpace(Tail, Left, UserPfns); /* userva: sim/mm/virtual.c */

    /* specialpool: 7. special pool's runs (sim/mm/special_pool.c). */
    Tail = MiReportTail(Check, &Left);
    Check->Errors += MiCheckSpecialPool(Tail, Left);
}

/* What the last check saw, for the touched check: copies of the PTEs, PFN
 * entries, free bits and VA bitmaps (MiRefs keeps the PTEs naming each page), the
 * pages per state and the free bits counted. Invalid until a whole check
 * (and after a machine of another shape). */
static struct {
    bool Valid;
    const uint64_t *PteArray; /* the arrays copied, to notice a new machine */
    const MI_PFN *PfnArray;
    uint64_t Pages, PhysPages, FreeWords;
    uint64_t *Pte;
    MI_PFN *Pfn;
    uint64_t *FreeBits;
    uint64_t *VaBits[3];
    uint64_t VaWords[3];
    /* Whether each copied PTE is counted in MiRefs: decided when it was seen
     * (a header PTE of a reservation freed since, by a reset for instance,
     * must not be uncounted when it changes). */
    uint64_t *Counted;
    uint64_t CountedWords;
    uint64_t States[MiPageStateCount];
    uint64_t FreeBitCount;
    uint64_t UserOrphans; /* fuzz20b: pages in state User let go of by their process */
    uint64_t *PfnGroups;  /* fuzz20b: the PFN groups filled in (MiPhys.Touched) */
    uint64_t PfnGroupWords;
} MiSeen;
/* Whether the process uses the touched form: only then does a whole check
 * keep its copies (a program that never asks pays nothing for them). */
static bool MiTouchedInUse;

static MI_VA_ALLOCATOR *MiVaAllocator(int k)
{
    return k == 0 ? &MiSpace.SystemPtes : k == 1 ? &MiSpace.NonPagedPool : &MiSpace.PagedPool;
}

static uint64_t MiVaWords(int k)
{
    return (MiVaAllocator(k)->Pages + 63) / 64;
}

static void MiForgetSeen(void)
{
    free(MiSeen.Pte);
    free(MiSeen.Pfn);
    free(MiSeen.FreeBits);
    for (int k = 0; k < 3; k++) {
        free(MiSeen.VaBits[k]);
    }
    free(MiSeen.Counted);
    free(MiSeen.PfnGroups);
    memset(&MiSeen, 0, sizeof(MiSeen));
}

/* A buffer of Count elements of Size bytes: Old if it has that many (the
 * copies are kept from one whole check to the next, so the fuzzer's whole
 * checks do not allocate and fault in fresh host memory each time). */
static void *MiSeenBuffer(void *Old, uint64_t OldCount, uint64_t Count, size_t Size)
{
    if (Old != NULL && OldCount == Count) {
        return Old;
    }
    free(Old);
    return malloc((Count ? Count : 1) * Size);
}

/* After a whole check: keeps what it saw. */
static void MiKeepSeen(const uint64_t *States, uint64_t FreeBits)
{
    uint64_t FreeWords = (MiPhys.Pages + 63) / 64;
    MiSeen.Valid = false;
    MiSeen.Pte = (uint64_t *)MiSeenBuffer(MiSeen.Pte, MiSeen.Pages, MiSpace.Pages, sizeof(uint64_t));
    MiSeen.Pfn = (MI_PFN *)MiSeenBuffer(MiSeen.Pfn, MiSeen.PhysPages, MiPhys.Pages, sizeof(MI_PFN));
    MiSeen.FreeBits = (uint64_t *)MiSeenBuffer(MiSeen.FreeBits, MiSeen.FreeWords, FreeWords,
                                               sizeof(uint64_t));
    uint64_t CountedWords = (MiSpace.Pages + 63) / 64;
    MiSeen.Counted = (uint64_t *)MiSeenBuffer(MiSeen.Counted, MiSeen.CountedWords, CountedWords,
                                              sizeof(uint64_t));
    MiSeen.CountedWords = CountedWords;
    uint64_t GroupWords = ((MiPhys.Pages + MI_PFN_GROUP - 1) / MI_PFN_GROUP + 63) / 64;
    MiSeen.PfnGroups = (uint64_t *)MiSeenBuffer(MiSeen.PfnGroups, MiSeen.PfnGroupWords, GroupWords,
                                                sizeof(uint64_t));
    MiSeen.PfnGroupWords = GroupWords;
    bool Ok = MiSeen.Pte != NULL && MiSeen.Pfn != NULL && MiSeen.FreeBits != NULL &&
              MiSeen.Counted != NULL && MiSeen.PfnGroups != NULL;
    for (int k = 0; k < 3; k++) {
        MiSeen.VaBits[k] = (uint64_t *)MiSeenBuffer(MiSeen.VaBits[k], MiSeen.VaWords[k],
                                                    MiVaWords(k), sizeof(uint64_t));
        MiSeen.VaWords[k] = MiVaWords(k);
        Ok = Ok && MiSeen.VaBits[k] != NULL;
    }
    MiSeen.PteArray = MiSpace.Pte;
    MiSeen.PfnArray = MiPhys.Pfn;
    MiSeen.Pages = MiSpace.Pages;
    MiSeen.PhysPages = MiPhys.Pages;
    MiSeen.FreeWords = FreeWords;
    if (!Ok) {
        MiForgetSeen();
        return;
    }
    memcpy(MiSeen.Pte, MiSpace.Pte, MiSpace.Pages * sizeof(uint64_t));
    memset(MiSeen.Counted, 0, (CountedWords ? CountedWords : 1) * sizeof(uint64_t));
    /* A group at a time, zero PTEs skipped inline (fuzz20b: a call per page
     * was most of the keeping). */
    for (uint64_t Group = MiSpaceNextTouched(0); Group < MiSpace.Pages;
         Group = MiSpaceNextTouched((Group | (MI_SPACE_GROUP - 1)) + 1)) {
        uint64_t End = (Group | (MI_SPACE_GROUP - 1)) + 1;
        End = End < MiSpace.Pages ? End : MiSpace.Pages;
        for (uint64_t Page = Group; Page < End; Page++) {
            MI_INDEX Index;
            if (MiSpace.Pte[Page] != 0 && MiPteNamesPage(Page, MiSpace.Pte[Page], &Index)) {
                MiSeen.Counted[Page >> 6] |= 1ull << (Page & 63);
            }
        }
    }
    /* PFN entries: a touched group copied whole; an untouched one is zeroed
     * free pages (what MiPfnEntry would fill in; it is not filled in here). */
    MiSeen.UserOrphans = 0;
    memcpy(MiSeen.PfnGroups, MiPhys.Touched, GroupWords * sizeof(uint64_t));
    for (MI_INDEX First = 0; First < MiPhys.Pages; First += MI_PFN_GROUP) {
        uint64_t Count = MiPhys.Pages - First < MI_PFN_GROUP ? MiPhys.Pages - First : MI_PFN_GROUP;
        if (!MiPfnGroupTouched(First)) {
            memset(&MiSeen.Pfn[First], 0, Count * sizeof(MI_PFN));
            for (uint64_t k = 0; k < Count; k++) {
                MiSeen.Pfn[First + k].State = MiPageZeroed;
            }
            for (uint64_t k = 0; k < Count; k += 64) { /* the group is word-aligned */
                uint64_t n = Count - k < 64 ? Count - k : 64;
                MiSeen.FreeBits[(First + k) >> 6] = n == 64 ? ~0ull : (1ull << n) - 1;
            }
            continue;
        }
        memcpy(&MiSeen.Pfn[First], &MiPhys.Pfn[First], Count * sizeof(MI_PFN));
        memcpy(&MiSeen.FreeBits[First >> 6], &MiPhys.FreeBits[First >> 6],
               ((Count + 63) / 64) * sizeof(uint64_t));
        for (uint64_t k = 0; k < Count; k++) {
            const MI_PFN *Entry = &MiPhys.Pfn[First + k];
            MiSeen.UserOrphans += Entry->State == MiPageUser && MiUserPfnIsOrphan(Entry);
        }
    }
    for (int k = 0; k < 3; k++) {
        memcpy(MiSeen.VaBits[k], MiVaAllocator(k)->UsedBits, MiSeen.VaWords[k] * sizeof(uint64_t));
    }
    memcpy(MiSeen.States, States, sizeof(MiSeen.States));
    MiSeen.FreeBitCount = FreeBits;
    MiSeen.Valid = true;
}

/* fuzz22: after a whole check whose copies were of this machine and up to
 * date at the last check (Same): brings them up to date over the blocks
 * marked written since (MI_WRITTEN), which are all that changed, instead of
 * copying every table again (most of what a whole check cost beyond the
 * checking itself). */
static void MiKeepSeenWritten(const uint64_t *States, uint64_t FreeBits)
{
    uint64_t PteBlocks = (MiSpace.Pages + 63) / 64;
    for (uint64_t Block = MiWrittenNext(&MiPteWritten, 0); Block < PteBlocks;
         Block = MiWrittenNext(&MiPteWritten, Block + 1)) {
        uint64_t First = Block * 64;
        uint64_t End = First + 64 < MiSpace.Pages ? First + 64 : MiSpace.Pages;
        memcpy(&MiSeen.Pte[First], &MiSpace.Pte[First], (End - First) * sizeof(uint64_t));
        uint64_t Counted = 0;
        for (uint64_t Page = First; Page < End; Page++) {
            MI_INDEX Index;
            if (MiSpace.Pte[Page] != 0 && MiPteNamesPage(Page, MiSpace.Pte[Page], &Index)) {
                Counted |= 1ull << (Page & 63);
            }
        }
        MiSeen.Counted[Block] = Counted; /* a block is one word of the bitmap */
    }
    uint64_t PfnBlocks = (MiPhys.Pages + 63) / 64;
    for (uint64_t Block = MiWrittenNext(&MiPfnWritten, 0); Block < PfnBlocks;
         Block = MiWrittenNext(&MiPfnWritten, Block + 1)) {
        MI_INDEX First = Block * 64;
        MI_INDEX End = First + 64 < MiPhys.Pages ? First + 64 : MiPhys.Pages;
        for (MI_INDEX i = First; i < End; i++) {
            MiSeen.UserOrphans -= MiSeen.Pfn[i].State == MiPageUser &&
                                  MiUserPfnIsOrphan(&MiSeen.Pfn[i]);
        }
        if (!MiPfnGroupTouched(First)) {
            /* Zeroed free pages (what MiPfnEntry would fill in). */
            memset(&MiSeen.Pfn[First], 0, (End - First) * sizeof(MI_PFN));
            for (MI_INDEX i = First; i < End; i++) {
                MiSeen.Pfn[i].State = MiPageZeroed;
            }
            MiSeen.FreeBits[Block] = End - First == 64 ? ~0ull : (1ull << (End - First)) - 1;
            continue;
        }
        memcpy(&MiSeen.Pfn[First], &MiPhys.Pfn[First], (End - First) * sizeof(MI_PFN));
        MiSeen.FreeBits[Block] = MiPhys.FreeBits[Block];
        for (MI_INDEX i = First; i < End; i++) {
            MiSeen.UserOrphans += MiSeen.Pfn[i].State == MiPageUser &&
                                  MiUserPfnIsOrphan(&MiSeen.Pfn[i]);
        }
    }
    /* A group is marked whole when it is filled in or given back, so the
     * copy's groups follow the database's. */
    memcpy(MiSeen.PfnGroups, MiPhys.Touched, MiSeen.PfnGroupWords * sizeof(uint64_t));
    for (int k = 0; k < 3; k++) {
        memcpy(MiSeen.VaBits[k], MiVaAllocator(k)->UsedBits, MiSeen.VaWords[k] * sizeof(uint64_t));
    }
    memcpy(MiSeen.States, States, sizeof(MiSeen.States));
    MiSeen.FreeBitCount = FreeBits;
    MiSeen.Valid = true;
}

/* The whole machine (lock held). Same: the copies the touched check keeps
 * are of this machine and were up to date at the last check. */
static void MiCheckWhole(MI_CHECK *Check, bool Same)
{
    MiSeen.Valid = false; /* the counts the copies go with are recounted */
    if (!MiRefsClear()) {
        MiFail(Check, "out of host memory for the check\n");
        return;
    }
    uint64_t ValidPtes = MiCheckPtes(Check);
    uint64_t States[MiPageStateCount] = {0};
    uint64_t FreeBits = 0;
    MiCheckPfns(Check, States, &FreeBits);
    if (MiTouchedInUse && Same && !MiPteWritten.All && !MiPfnWritten.All) {
        MiKeepSeenWritten(States, FreeBits);
    } else if (MiTouchedInUse) {
        MiKeepSeen(States, FreeBits);
    }
    MiCheckRecords(Check, NULL);

    /* 5. The host mirror: accessible exactly where PTEs are valid, showing
     *    the PTE's page with the PTE's access. */
    if (HostForEachMapping(MiSpace.Base, MiSpace.Pages * PAGE_SIZE, MiCheckHostRange, Check) &&
        Check->CoveredValid != ValidPtes) {
        MiFail(Check, "%llu valid PTE(s) but only %llu host page(s) show them\n",
               (unsigned long long)ValidPtes, (unsigned long long)Check->CoveredValid);
    }
    /* 6. The mapping budget is an upper bound of the host's count, where the
     *    host limits that count (docs/hosts.md). */
    if (Check->HostMappings > MiSpace.Charged && MiSpace.HostLimit != 0) {
        MiFail(Check, "the host has %llu mapping(s) in system space but only %llu are charged\n",
               (unsigned long long)Check->HostMappings, (unsigned long long)MiSpace.Charged);
    }
}

/* The PFNs the touched check must look at (a small growing list). */
typedef struct {
    MI_INDEX *Items;
    size_t Count, Capacity;
    bool Failed;
} MI_INDEX_LIST;

static void MiListAdd(MI_INDEX_LIST *List, MI_INDEX Index)
{
    if (List->Count == List->Capacity) {
        size_t Capacity = List->Capacity ? List->Capacity * 2 : 64;
        MI_INDEX *Items = (MI_INDEX *)realloc(List->Items, Capacity * sizeof(MI_INDEX));
        if (Items == NULL) {
            List->Failed = true;
            return;
        }
        List->Items = Items;
        List->Capacity = Capacity;
    }
    List->Items[List->Count++] = Index;
}

/* One PTE of the touched check: if it differs from the copy, the pages the
 * old and new values name (Refs) and the rules for it; true if it did. */
static bool MiCheckTouchedPte(MI_CHECK *Check, MI_INDEX_LIST *Pfns, uint64_t Page)
{
    uint64_t Old = MiSeen.Pte[Page], New = MiSpace.Pte[Page];
    if (Old == New) {
        return false;
    }
    MI_INDEX Index;
    uint64_t Bit = 1ull << (Page & 63);
    if ((MiSeen.Counted[Page >> 6] & Bit) && MiPfnToIndex(MI_PTE_PFN(Old), &Index)) {
        MiRefsAdd(Index, -1);
        MiListAdd(Pfns, Index);
    }
    MiSeen.Counted[Page >> 6] &= ~Bit;
    if (MiPteNamesPage(Page, New, &Index)) {
        MiRefsAdd(Index, 1);
        MiListAdd(Pfns, Index);
        MiSeen.Counted[Page >> 6] |= Bit;
    }
    (void)MiCheckPte(Check, Page, false);
    MiSeen.Pte[Page] = New;
    return true;
}

/* The host mirror over pages [Low, High], a span of changed PTEs: accessible
 * exactly where they are valid, showing their pages. */
static void MiCheckHostSpan(MI_CHECK *Check, uint64_t Low, uint64_t High)
{
    uint64_t ValidPtes = 0;
    for (uint64_t Page = Low; Page <= High; Page++) {
        /* As the whole check counts: device pages (mmdev) are their own
         * host object, which MiCheckHostRange passes over. */
        ValidPtes += (MiSpace.Pte[Page] & MI_PTE_VALID) != 0 && MiRegionOf(Page) != MiRegionGuard &&
                     !MiIsIoSpaceDevicePage(Page);
    }
    uint64_t Covered = Check->CoveredValid;
    if (HostForEachMapping(MiSpace.Base + Low * PAGE_SIZE, (High - Low + 1) * PAGE_SIZE,
                           MiCheckHostRange, Check) &&
        Check->CoveredValid - Covered != ValidPtes) {
        MiFail(Check, "%llu valid PTE(s) in pages %llu-%llu but only %llu host page(s) show them\n",
               (unsigned long long)ValidPtes, (unsigned long long)Low, (unsigned long long)High,
               (unsigned long long)(Check->CoveredValid - Covered));
    }
}

/* Changed PTEs this close together are one span for the host (fuzz22: one
 * span from the lowest to the highest changed PTE asked the host about every
 * mapping between, and walked every page between). */
#define MI_HOST_SPAN_GAP 64

/* fuzz22: the next block of 64 entries the touched check compares with its
 * copy: a block the simulator marked written since the last check (MI_WRITTEN),
 * or every block while the marks count all as written; UINT64_MAX after the
 * last of Blocks. */
static uint64_t MiNextWrittenBlock(const MI_WRITTEN *Written, uint64_t Block, uint64_t Blocks)
{
    uint64_t Next = Written->All ? Block : MiWrittenNext(Written, Block);
    return Next < Blocks ? Next : UINT64_MAX;
}

/* What changed since the last check (lock held; MiSeen valid and of this
 * machine's shape). Only the blocks of 64 entries marked written are
 * compared (fuzz22: comparing every block was half of a touched check);
 * unchanged ones are skipped by memcmp. What the marks cannot show, a
 * table written behind the simulator's back, is the whole check's. */
static void MiCheckTouched(MI_CHECK *Check)
{
    MI_INDEX_LIST Pfns = {NULL, 0, 0, false};
    uint64_t Low = UINT64_MAX, High = 0; /* the span of changed PTEs being gathered */
    /* PTEs: the pages each names (Refs), and the rules for each changed;
     * the host mirror over each span of changed PTEs. */
    uint64_t PteBlocks = (MiSpace.Pages + 63) / 64;
    for (uint64_t Block = MiNextWrittenBlock(&MiPteWritten, 0, PteBlocks); Block != UINT64_MAX;
         Block = MiNextWrittenBlock(&MiPteWritten, Block + 1, PteBlocks)) {
        uint64_t First = Block * 64;
        uint64_t End = First + 64 < MiSpace.Pages ? First + 64 : MiSpace.Pages;
        if (End - First == 64 &&
            memcmp(&MiSeen.Pte[First], &MiSpace.Pte[First], 64 * sizeof(uint64_t)) == 0) {
            continue;
        }
        for (uint64_t Page = First; Page < End; Page++) {
            if (!MiCheckTouchedPte(Check, &Pfns, Page)) {
                continue;
            }
            if (Low != UINT64_MAX && Page > High + MI_HOST_SPAN_GAP) {
                MiCheckHostSpan(Check, Low, High);
                Low = UINT64_MAX;
            }
            Low = Low == UINT64_MAX ? Page : Low;
            High = Page;
        }
    }
    /* VA freed or allocated under unchanged PTEs. */
    for (int k = 0; k < 3; k++) {
        const MI_VA_ALLOCATOR *Va = MiVaAllocator(k);
        if (memcmp(MiSeen.VaBits[k], Va->UsedBits, MiSeen.VaWords[k] * sizeof(uint64_t)) == 0) {
            continue; /* fuzz23: most calls allocate no VA (a word at a time was 1% of a run) */
        }
        for (uint64_t w = 0; w < MiSeen.VaWords[k]; w++) {
            uint64_t Changed = MiSeen.VaBits[k][w] ^ Va->UsedBits[w];
            for (; Changed != 0; Changed &= Changed - 1) {
                uint64_t Page = Va->FirstPage + w * 64 + (uint64_t)__builtin_ctzll(Changed);
                if (Page < MiSpace.Pages) {
                    (void)MiCheckPte(Check, Page, false);
                }
            }
            MiSeen.VaBits[k][w] = Va->UsedBits[w];
        }
    }
    /* PFN entries and free bits (marked with the entry looked up for each
     * change); the counts follow the changes. */
    uint64_t PfnBlocks = (MiPhys.Pages + 63) / 64;
    for (uint64_t Block = MiNextWrittenBlock(&MiPfnWritten, 0, PfnBlocks); Block != UINT64_MAX;
         Block = MiNextWrittenBlock(&MiPfnWritten, Block + 1, PfnBlocks)) {
        MI_INDEX First = Block * 64;
        MI_INDEX End = First + 64 < MiPhys.Pages ? First + 64 : MiPhys.Pages;
        uint64_t Group = First >> MI_PFN_GROUP_SHIFT, GroupBit = 1ull << (Group & 63);
        if (!MiPfnGroupTouched(First)) {
            if (!(MiSeen.PfnGroups[Group >> 6] & GroupBit)) {
                /* Zeroed free pages never used, now and when the copy was
                 * taken (the copy holds them so). */
                continue;
            }
            /* Filled in then, not now: a reset gave the database back (and
             * marked the group). Its entries compare with the copy as zeroed
             * free pages now. */
            MiPfnTouchGroup(First);
        }
        MiSeen.PfnGroups[Group >> 6] |= GroupBit; /* the copy has real entries */
        if (End - First == 64 && MiSeen.FreeBits[First >> 6] == MiPhys.FreeBits[First >> 6] &&
            memcmp(&MiSeen.Pfn[First], &MiPhys.Pfn[First], 64 * sizeof(MI_PFN)) == 0) {
            continue; /* the database is one array: 64 entries at once */
        }
        for (MI_INDEX i = First; i < End; i++) {
            const MI_PFN *Entry = &MiPhys.Pfn[i]; /* its group is filled in */
            bool Bit = (MiPhys.FreeBits[i >> 6] >> (i & 63)) & 1;
            bool OldBit = (MiSeen.FreeBits[i >> 6] >> (i & 63)) & 1;
            if (memcmp(Entry, &MiSeen.Pfn[i], sizeof(MI_PFN)) == 0 && Bit == OldBit) {
                continue;
            }
            uint8_t OldState = MiSeen.Pfn[i].State;
            if (OldState < MiPageStateCount) {
                MiSeen.States[OldState]--;
                MiSeen.FreeBitCount -= OldBit;
            }
            if (Entry->State < MiPageStateCount) {
                MiSeen.States[Entry->State]++;
                MiSeen.FreeBitCount += Bit;
            }
            MiSeen.UserOrphans -= MiUserPfnIsOrphan(&MiSeen.Pfn[i]);
            MiSeen.UserOrphans += MiUserPfnIsOrphan(Entry);
            MiSeen.Pfn[i] = *Entry;
            MiSeen.FreeBits[i >> 6] ^= (uint64_t)(Bit != OldBit) << (i & 63); /* this bit only */
            MiListAdd(&Pfns, i);
        }
    }
    if (Pfns.Failed) {
        MiFail(Check, "out of host memory for the check\n");
    }
    for (size_t p = 0; p < Pfns.Count; p++) {
        MI_INDEX i = Pfns.Items[p];
        MiCheckPfn(Check, i, MiPfnEntry(i), MiRefs.Counts[i]);
        size_t Left;
        char *Tail = MiReportTail(Check, &Left);
        Check->Errors += MiCheckUserPfn(i, MiPfnEntry(i), Tail, Left); /* what the walk checks */
    }
    free(Pfns.Items);
    MiCheckCounts(Check, MiSeen.States, MiSeen.FreeBitCount);
    MI_USER_PFNS UserPfns = {MiSeen.States[MiPageUser], MiSeen.UserOrphans};
    MiCheckRecords(Check, &UserPfns);
    if (Low != UINT64_MAX) {
        MiCheckHostSpan(Check, Low, High);
    }
}

static BOOLEAN MiCheck(char *Report, SIZE_T Size, bool Touched)
{
    MI_CHECK Check = {Report, (size_t)Size, 0, 0, 0};
    if (Report != NULL && Size > 0) {
        Report[0] = '\0';
    }
    MiEnsureMachine();
    MiLock();
    MiTouchedInUse = MiTouchedInUse || Touched;
    MiWrittenWanted = MiTouchedInUse;
    bool Same = MiSeen.Valid && MiSeen.PteArray == MiSpace.Pte && MiSeen.PfnArray == MiPhys.Pfn &&
                MiSeen.Pages == MiSpace.Pages && MiSeen.PhysPages == MiPhys.Pages;
    for (int k = 0; k < 3 && Same; k++) {
        Same = MiSeen.VaWords[k] == MiVaWords(k);
    }
    if (Touched && Same) {
        MiCheckTouched(&Check);
    } else {
        MiCheckWhole(&Check, Same);
    }
    if (Check.Errors != 0) {
        MiForgetSeen(); /* the next touched check starts from a whole one */
    }
    /* The copy (if any) is of the tables as they are now: what is written
     * from here on is what the next touched check compares (fuzz22). */
    MiWrittenClear(&MiPteWritten);
    MiWrittenClear(&MiPfnWritten);
    MiUnlock();
    if (Check.Errors > MI_MAX_ERRORS) {
        MiFail(&Check, "(%llu more)\n", (unsigned long long)(Check.Errors - MI_MAX_ERRORS));
    }
    return Check.Errors == 0 ? TRUE : FALSE;
}

BOOLEAN SimCheckInvariants(char *Report, SIZE_T Size)
{
    return MiCheck(Report, Size, false);
}

BOOLEAN SimCheckInvariantsTouched(char *Report, SIZE_T Size)
{
    return MiCheck(Report, Size, true);
}

BOOLEAN SimCorruptForTest(SIM_CORRUPTION Kind, PVOID Va)
{
    MiEnsureMachine();
    MiLock();
    BOOLEAN Done = FALSE;
    uint64_t Pte = (Va != NULL && MiIsSystemVa(Va)) ? MiSpace.Pte[MiVaToPage(Va)] : 0;
    switch (Kind) {
    case SimCorruptPfnMapCount:
        if (Pte & MI_PTE_VALID) {
            MiPfnEntry(MiPteIndex(Pte))->MapCount++;
            Done = TRUE;
        }
        break;
    case SimCorruptPteWithoutHost:
        if (Pte & MI_PTE_VALID) {
            (void)HostUnmapRun(PAGE_ALIGN(Va), PAGE_SIZE);
            Done = TRUE;
        }
        break;
    case SimCorruptReservation:
        Done = (Va != NULL && MiCorruptReservationForTest(Va)) ? TRUE : FALSE;
        break;
    case SimCorruptFreeCount:
        MiPhys.FreeCount++;
        Done = TRUE;
        break;
    case SimCorruptUserPageOrphaned: /* fuzz20b */
        if (Va != NULL && MiIsUserVa(Va) && MiUser.Current != NULL) {
            MiUserSettleAll(); /* a page the host served gets its PTE */
        }
        if (Va != NULL && MiIsUserVa(Va) && MiUser.Current != NULL &&
            (MiUser.Current->Pte[MiUserPage(Va)] & MI_PTE_VALID)) {
            MiPfnEntry(MiPteIndex(MiUser.Current->Pte[MiUserPage(Va)]))->Flags |=
                MI_PFN_FLAG_USER_ORPHAN;
            Done = TRUE;
        }
        break;
    case SimCorruptUserPteReadOnly: /* fuzz20b */
        if (Va != NULL && MiIsUserVa(Va) && MiUser.Current != NULL) {
            MiUserSettleAll();
            uint64_t Page = MiUserPage(Va);
            uint64_t UserPte = MiUser.Current->Pte[Page];
            if ((UserPte & MI_PTE_VALID) && (UserPte & MI_PTE_WRITE)) {
                MiUserPteSet(MiUser.Current, Page, UserPte & ~(uint64_t)MI_PTE_WRITE);
                Done = TRUE;
            }
        }
        break;
    case SimCorruptPfnOnFreeList:
        if (Pte & MI_PTE_VALID) {
            MI_INDEX Index = MiPteIndex(Pte);
            MiPhys.FreeBits[Index >> 6] |= 1ull << (Index & 63);
            MiPhys.FreeCount++;
            /* As the simulator's own free path would (it looks the entry
             * up, which marks its block): the touched check sees the bit. */
            MiWrittenMark(&MiPfnWritten, Index);
            Done = TRUE;
        }
        break;
    }
    MiUnlock();
    return Done;
}
