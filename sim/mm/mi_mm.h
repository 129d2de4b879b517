/*
 * mi_mm.h - memory manager internals: PFN database, system address space,
 * emulated x64 PTEs and their host mirror, pool. Shared by the sim/mm sources and
 * sim/verifier; never seen by driver code or tests.
 *
 * Locking: every function here expects the caller to hold MiLock() unless it
 * says otherwise.
 */
#ifndef MMSIM_MI_MM_H
#define MMSIM_MI_MM_H

#include "../mi.h"

/* ---------------------------------------------------------------------- */
/* x64 hardware PTE bits (Intel SDM vol. 3, 4-level paging).              */
/* ---------------------------------------------------------------------- */
#define MI_PTE_VALID         (1ull << 0)
#define MI_PTE_WRITE         (1ull << 1)
#define MI_PTE_OWNER         (1ull << 2)
#define MI_PTE_WRITE_THROUGH (1ull << 3)
#define MI_PTE_CACHE_DISABLE (1ull << 4)
#define MI_PTE_ACCESSED      (1ull << 5)
#define MI_PTE_DIRTY         (1ull << 6)
#define MI_PTE_LARGE_PAGE    (1ull << 7)
#define MI_PTE_GLOBAL        (1ull << 8)
#define MI_PTE_NO_EXECUTE    (1ull << 63)
#define MI_PTE_PFN_SHIFT     12
#define MI_PTE_PFN_MASK      0x000FFFFFFFFFF000ull /* bits 12-51 */
/* Software format of an invalid PTE whose page is still in memory (a trimmed
 * paged pool page): Windows' transition PTE keeps the PFN, Transition = bit
 * 11, Prototype = bit 10 clear, protection in bits 5-9. */
#define MI_PTE_TRANSITION    (1ull << 11)
#define MI_PTE_PROTECTION_READWRITE (4ull << 5)

#define MI_PTE_PFN(Pte) (((Pte)&MI_PTE_PFN_MASK) >> MI_PTE_PFN_SHIFT)

/* ---------------------------------------------------------------------- */
/* PFN database.                                                          */
/* ---------------------------------------------------------------------- */
typedef enum _MI_PAGE_STATE {
    MiPageFree = 0,   /* on the free list, contents stale */
    MiPageZeroed,     /* on the free list, known zero */
    MiPageMdl,        /* allocated by MmAllocatePagesForMdl(Ex) */
    MiPageNonPagedPool,
    MiPagePagedPool,
    MiPageUser,       /* a page of a process's user space (sim/mm/virtual.c) */
    MiPageStateCount
} MI_PAGE_STATE;

typedef struct _MI_PFN {
    uint8_t State;      /* MI_PAGE_STATE */
    uint8_t CacheType;  /* MEMORY_CACHING_TYPE + 1; 0 = none of its own */
    uint16_t Flags;
    uint32_t LockCount; /* MmProbeAndLockPages references */
    uint32_t MapCount;  /* valid (or transition) PTEs that name this page */
    uint32_t Owner;     /* pool tag, or 0 */
} MI_PFN;

#define MI_PFN_FLAG_TRIMMED 0x0001 /* paged pool page currently trimmed */
#define MI_PFN_FLAG_CHECKED 0x0002 /* transient mark while an MDL is checked */

/* A page is named two ways: its index in the physical memory object (0 ..
 * PhysicalPages-1) and its PFN in the simulated physical address space. */
typedef uint64_t MI_INDEX;

/* The PFN database and the free bitmap are sparse (host tables reserved for
 * all of RAM, written only where used): they are filled in a group of
 * MI_PFN_GROUP pages at a time, the first time any page of the group is
 * looked at. A group not yet touched is all zeroed free pages, so building a
 * machine costs the same at 16 MiB and at 1 TiB. */
#define MI_PFN_GROUP_SHIFT 10
#define MI_PFN_GROUP       (1ull << MI_PFN_GROUP_SHIFT)

typedef struct _MI_PHYS {
    uint64_t Pages;                 /* RAM pages */
    ULONG RangeCount;
    SIM_PHYSICAL_RANGE Ranges[SIM_MAX_PHYSICAL_RANGES];
    uint64_t RangeFirstIndex[SIM_MAX_PHYSICAL_RANGES];
    uint64_t HighestPfn;            /* last PFN of RAM */
    MI_PFN *Pfn;                    /* indexed by MI_INDEX; use MiPfnEntry */
    uint64_t *FreeBits;             /* bit set = page free (Free or Zeroed); touched groups only */
    uint64_t *Touched;              /* bit g set = group g is filled in */
    uint64_t TouchedGroups;
    uint64_t FreeCount;
    uint64_t StateCount[MiPageStateCount];
    uint64_t Cursor;                /* next-fit start for scattered runs */
    uint8_t *View;                  /* host view of all physical memory */
} MI_PHYS;

extern MI_PHYS MiPhys;

/* fuzz22: blocks of 64 entries of a table (the PTEs of system space, the PFN
 * database with its free bits) written since the invariant checker last
 * looked: SimCheckInvariantsTouched compares only these with its copy, the
 * whole check looks at everything. Every write of a PTE marks its block
 * (MiPteWritten); every PFN entry handed out by MiPfnEntry marks its block,
 * read or written, and so do the free-bit changes, which go with an entry
 * looked up that way. A second level (Summary, a bit per word of Bits)
 * keeps the checker's walk in proportion to what changed. All: every block
 * counts as written (fresh tables). Marked with relaxed atomics: a reader on
 * another thread may look an entry up. */
typedef struct _MI_WRITTEN {
    uint64_t *Bits;
    uint64_t *Summary;
    uint64_t Words;    /* of Bits, as allocated (kept for the largest machine yet) */
    uint64_t InUse;    /* of Bits, the current machine's: what walks and clears cover */
    bool All;
} MI_WRITTEN;
extern MI_WRITTEN MiPteWritten, MiPfnWritten;
/* Set by the checker once a touched check has run in this process: until
 * then no copy relies on the marks, and work done only to keep them few
 * (a reset reading the PTEs it clears) is skipped. */
extern bool MiWrittenWanted;

static inline void MiWrittenMark(MI_WRITTEN *Written, uint64_t Entry)
{
    uint64_t Block = Entry >> 6, Word = Block >> 6, Bit = 1ull << (Block & 63);
    if (!(__atomic_load_n(&Written->Bits[Word], __ATOMIC_RELAXED) & Bit)) {
        __atomic_fetch_or(&Written->Bits[Word], Bit, __ATOMIC_RELAXED);
        __atomic_fetch_or(&Written->Summary[Word >> 6], 1ull << (Word & 63), __ATOMIC_RELAXED);
    }
}
/* Marks the blocks of entries [First, First + Count). */
void MiWrittenMarkRange(MI_WRITTEN *Written, uint64_t First, uint64_t Count);
/* Sized for Entries (kept if big enough; fresh ones count as all written);
 * false if the host has no memory for it. */
bool MiWrittenReserve(MI_WRITTEN *Written, uint64_t Entries);
/* The next marked block >= Block, or UINT64_MAX (All is the caller's). */
uint64_t MiWrittenNext(const MI_WRITTEN *Written, uint64_t Block);
/* Nothing marked. */
void MiWrittenClear(MI_WRITTEN *Written);

PFN_NUMBER MiIndexToPfn(MI_INDEX Index);
/* false if Pfn is not RAM. */
bool MiPfnToIndex(PFN_NUMBER Pfn, MI_INDEX *Index);
static inline bool MiPfnGroupTouched(MI_INDEX Index)
{
    uint64_t Group = Index >> MI_PFN_GROUP_SHIFT;
    return (MiPhys.Touched[Group >> 6] >> (Group & 63)) & 1;
}
/* Fills in the group of Index: its pages zeroed and free. */
void MiPfnTouchGroup(MI_INDEX Index);
/* The first index >= Index whose group is filled in, or MiPhys.Pages: the
 * pages a walk of the database must look at (every other page is a zeroed
 * free page never used since the machine was built). */
MI_INDEX MiPfnNextTouched(MI_INDEX Index);
static inline MI_PFN *MiPfnEntry(MI_INDEX Index)
{
    if (!MiPfnGroupTouched(Index)) {
        MiPfnTouchGroup(Index);
    }
    MiWrittenMark(&MiPfnWritten, Index);
    return &MiPhys.Pfn[Index];
}
static inline uint8_t *MiPhysPage(MI_INDEX Index)
{
    return MiPhys.View + Index * PAGE_SIZE;
}
/* Bit i of a bitmap (MiPhys.FreeBits: the page is on the free list; valid
 * once MiPfnEntry filled in the page's group). */
static inline bool MiBitTest(const uint64_t *Bits, uint64_t i)
{
    return (Bits[i >> 6] >> (i & 63)) & 1;
}
static inline bool MiIsFreeState(unsigned State)
{
    return State == MiPageFree || State == MiPageZeroed;
}

/* Allocates up to Count pages whose PFNs lie in [LowPfn, HighPfn], in runs
 * of physically contiguous pages where possible. Stores the indices in Out and
 * returns how many it got. Pages come out in state NewState, zeroed when Zero
 * (cheaply: a stale page is given back to the host, which zero-fills it). */
uint64_t MiAllocatePhysical(uint64_t Count, PFN_NUMBER LowPfn, PFN_NUMBER HighPfn,
                            MI_PAGE_STATE NewState, bool Zero, MI_INDEX *Out);
/* Allocates exactly Count contiguous pages with the first PFN aligned to
 * AlignPages, in [LowPfn, HighPfn]; false if there is no such run. */
bool MiAllocateContiguous(uint64_t Count, uint64_t AlignPages, PFN_NUMBER LowPfn,
                          PFN_NUMBER HighPfn, MI_PAGE_STATE NewState, bool Zero, MI_INDEX *Out);
/* Returns a page to the free list (contents stale). */
void MiFreePhysical(MI_INDEX Index);
/* Returns a page the caller has zeroed to the free list, as Zeroed. */
void MiFreePhysicalZeroed(MI_INDEX Index);
/* Zero-fills a page through the physical view (or gives it back to the host). */
void MiZeroPhysical(MI_INDEX Index, uint64_t Count);

/* ---------------------------------------------------------------------- */
/* System address space.                                                  */
/* ---------------------------------------------------------------------- */
typedef enum _MI_REGION {
    MiRegionGuard = 0,
    MiRegionSystemPtes,
    MiRegionNonPagedPool,
    MiRegionPagedPool
} MI_REGION;

typedef struct _MI_VA_ALLOCATOR {
    uint64_t FirstPage;   /* page number (from the space base) of the region */
    uint64_t Pages;
    uint64_t *UsedBits;   /* bit set = page allocated (a sparse table: zero = free) */
    uint64_t FreeCount;
    uint64_t Hint;        /* lowest page that may be free */
    uint64_t Failures;    /* requests that found no run */
    uint64_t UsedEnd;     /* setup20: one past the highest page ever allocated */
} MI_VA_ALLOCATOR;

/* System space is sparse too: its PTEs and bitmaps are host tables written
 * only where used. A group of MI_SPACE_GROUP pages is "touched" once any of
 * its pages was allocated or mapped since the machine was built; elsewhere
 * every PTE is zero and all VA free, so walks skip it. */
#define MI_SPACE_GROUP_SHIFT 12
#define MI_SPACE_GROUP       (1ull << MI_SPACE_GROUP_SHIFT)

typedef struct _MI_SPACE {
    uint8_t *Base;        /* host address of the reservation */
    uint64_t Pages;       /* whole space, guards included */
    uint64_t *Pte;        /* emulated PTEs, one per page of the space */
    uint64_t *Touched;    /* bit g set = group g may hold non-zero PTEs */
    uint64_t *VaTouched;  /* bit g set = group g may hold allocated VA */
    MI_VA_ALLOCATOR SystemPtes;
    MI_VA_ALLOCATOR NonPagedPool;
    MI_VA_ALLOCATOR PagedPool;
    uint64_t HostMapCalls;     /* HostMapRun calls made (statistics) */
    uint64_t HostMapFailures;  /* host refusals */
    /* The host mapping budget (docs/hosts.md). A "unit" is what one map
     * call mapped; UnitStart has a bit set at the first page of each. Charged
     * counts the host mappings of system space as if no two units ever
     * merged: what the host has, plus the splits unmapping whole units may
     * still make. A map is refused if it would take Charged over Budget, so
     * unmapping or freeing whole units never needs more. */
    uint64_t *UnitStart;
    uint64_t Charged;
    uint64_t Budget;
    uint64_t BudgetRefusals;
    uint64_t HostLimit;   /* HostMappingLimit() when the machine was built */
    /* fuzz23: [ShownFirst, ShownEnd) holds every page this machine handed
     * to a host map call (empty while ShownEnd is 0): a reset makes only
     * that span inaccessible again. Grown before each call, never shrunk,
     * so it holds after any stop too. */
    uint64_t ShownFirst, ShownEnd;
} MI_SPACE;

extern MI_SPACE MiSpace;

static inline bool MiIsSystemVa(const void *Va)
{
    return (const uint8_t *)Va >= MiSpace.Base &&
           (const uint8_t *)Va < MiSpace.Base + MiSpace.Pages * PAGE_SIZE;
}
static inline uint64_t MiVaToPage(const void *Va)
{
    return (uint64_t)((const uint8_t *)Va - MiSpace.Base) / PAGE_SIZE;
}
static inline uint8_t *MiPageToVa(uint64_t Page)
{
    return MiSpace.Base + Page * PAGE_SIZE;
}
MI_REGION MiRegionOf(uint64_t Page);
/* Marks the groups of [Page, Page + Count) as holding PTEs: a caller that
 * writes a non-zero PTE other than through MiMapPages calls it first. */
void MiSpaceTouch(uint64_t Page, uint64_t Count);
/* The first page >= Page in a group that may hold non-zero PTEs, or
 * MiSpace.Pages: the pages a walk of the PTEs must look at. */
uint64_t MiSpaceNextTouched(uint64_t Page);
/* The first page >= Page in a group where VA may have been allocated, or
 * MiSpace.Pages: elsewhere all VA is free. */
uint64_t MiVaNextTouched(uint64_t Page);
/* The first page in [Page, End) whose PTE is not zero, or End. */
uint64_t MiNextNonZeroPte(uint64_t Page, uint64_t End);
/* Zeroes the PTEs of [Page, Page + Count), writing only those not zero. */
void MiClearPtes(uint64_t Page, uint64_t Count);

/* First-fit run of Count free pages in a region; returns its first page
 * number in the space or UINT64_MAX. */
uint64_t MiVaAllocate(MI_VA_ALLOCATOR *Allocator, uint64_t Count);
void MiVaFree(MI_VA_ALLOCATOR *Allocator, uint64_t FirstPage, uint64_t Count);
bool MiVaIsAllocated(const MI_VA_ALLOCATOR *Allocator, uint64_t Page);

/* Makes Count PTEs from Page valid, naming Indices[i], and mirrors them in
 * the host with as few mappings as the PFN runs allow. CacheType is the
 * MEMORY_CACHING_TYPE for the PTE's PCD/PWT bits. Returns false (nothing
 * changed) if the host refuses a mapping. */
bool MiMapPages(uint64_t Page, const MI_INDEX *Indices, uint64_t Count, bool Writable,
                MEMORY_CACHING_TYPE CacheType);
/* true if the mapping budget can take MiMapPages(Page, Indices, Count) once
 * the Count PTEs from Page, valid or not now, are unmapped: a replacement
 * checks this before it unmaps anything. */
bool MiMapPagesFits(uint64_t Page, const MI_INDEX *Indices, uint64_t Count);
/* Zeroes Count PTEs from Page (valid ones release their PFN's map count)
 * and makes the host range inaccessible. Never fails: a range of whole units
 * needs no mapping beyond the budget; cutting a unit (a divisible reserved
 * mapping unmapped in part) takes at most two from the host's headroom; a
 * host refusal anyway is bug check 0x3F, never a page left accessible. */
void MiUnmapPages(uint64_t Page, uint64_t Count);
/* MiUnmapPages that also returns each page that was mapped to the free list
 * (pool pages). */
void MiUnmapAndFreePages(uint64_t Page, uint64_t Count);
/* Index of the page a valid or transition PTE names. */
MI_INDEX MiPteIndex(uint64_t Pte);
/* A trimmed paged pool page: only paged pool has transition PTEs; elsewhere
 * bit 11 of an invalid PTE is just data (an nt5 header PTE holds a tag). */
static inline bool MiIsTransitionPte(uint64_t Page, uint64_t Pte)
{
    return (Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) == MI_PTE_TRANSITION &&
           MiRegionOf(Page) == MiRegionPagedPool;
}

/* mmdev (space.c): Count PTEs from Page valid for the non-RAM PFNs FirstPfn..
 * (device memory: no PFN entries), mirrored from the device object at
 * HostOffset; false (nothing changed) if the budget or the host refuses. */
bool MiMapDevicePages(uint64_t Page, PFN_NUMBER FirstPfn, uint64_t HostOffset, uint64_t Count,
                      bool Writable, MEMORY_CACHING_TYPE CacheType);
/* mmdev (iospace.c): true if Page is mapped by MmMapIoSpace(Ex) to device
 * memory (its PTE names no RAM); the number of MmMapIoSpace(Ex) mappings. */
bool MiIsIoSpaceDevicePage(uint64_t Page);
uint64_t MiIoSpaceMappings(void);
/* Zeroes device PTEs and revokes the host range. */
void MiUnmapDevicePages(uint64_t Page, uint64_t Count);
/* Sets or clears the write bit of Count valid PTEs and the host protection
 * with them; false (nothing changed) if the budget or the host refuses. */
bool MiProtectPages(uint64_t Page, uint64_t Count, bool Writable);

/* ---------------------------------------------------------------------- */
/* Pool.                                                                  */
/* ---------------------------------------------------------------------- */
/* Internal allocation for Mm's own structures (MDLs from Mm): non-paged,
 * no IRQL rule, charged to Tag. NULL when pool is exhausted. */
void *MiAllocatePoolInternal(bool Paged, SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller, bool Zero);
/* Mm's own bookkeeping (e.g. reservation nodes): non-paged, zeroed, reported
 * by SimIsClean but not counted as the driver's pool at unload. */
void *MiAllocatePoolForMm(SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller);
/* Size of the live pool block at Va, or 0 if Va is not one. */
SIZE_T MiPoolBlockSize(const void *Va, ULONG *Tag);
/* ExFreePoolWithTag without its DDI entry (Tag checked when CheckTag). */
void MiFreePoolInternal(void *Va, ULONG Tag, bool CheckTag);

/* Pool state for queries and invariants. */
uint64_t MiPoolLiveBlocks(void);
bool MiPoolIsClean(char *Report, size_t Size);

/* ---------------------------------------------------------------------- */
/* Range tables: non-overlapping page ranges of system space, kept in a    */
/* balanced tree by first page (range.c): insert, remove and the lookup by */
/* any page inside a range are O(log n) in any order.                      */
/* Used for MDL mappings (mdl.c) and reservations (reserve.c).             */
/* ---------------------------------------------------------------------- */
typedef struct _MI_RANGE {
    uint64_t FirstPage; /* page number in the space */
    uint64_t Pages;
    void *Data;         /* the owner's record */
    struct _MI_RANGE *Child[2]; /* range.c's: lower, higher */
    int Height;
} MI_RANGE;

typedef struct _MI_RANGE_TABLE {
    MI_RANGE *Root;
    uint64_t Count;
    MI_RANGE *Spare; /* removed nodes, for reuse (linked by Child[0]) */
} MI_RANGE_TABLE;

/* false if the host is out of memory (nothing changed). */
bool MiRangeInsert(MI_RANGE_TABLE *Table, uint64_t FirstPage, uint64_t Pages, void *Data);
/* The range that contains Page, or NULL. */
MI_RANGE *MiRangeFind(const MI_RANGE_TABLE *Table, uint64_t Page);
/* Removes the range starting at FirstPage (which must exist). */
void MiRangeRemove(MI_RANGE_TABLE *Table, uint64_t FirstPage);
/* In address order: the lowest range, and the one after Range (NULL at the
 * end). Range must still be in the table. */
MI_RANGE *MiRangeFirst(const MI_RANGE_TABLE *Table);
MI_RANGE *MiRangeNext(const MI_RANGE_TABLE *Table, const MI_RANGE *Range);
/* Empties the table; FreeData: free() every range's Data too. */
void MiRangeFreeAll(MI_RANGE_TABLE *Table, bool FreeData);

/* ---------------------------------------------------------------------- */
/* MDLs (mdl.c).                                                          */
/* ---------------------------------------------------------------------- */
/* Pool tags of the MDLs the simulator allocates (mmsim's choice, shown by
 * SimQueryPoolUsage): IoAllocateMdl's and MmAllocatePagesForMdl(Ex)'s. */
#define MI_TAG_IO_MDL ' ldM' /* "Mdl " */
#define MI_TAG_MM_MDL 'ldmM' /* "Mmdl" */
/* PFN array slot after the last page of a short MDL (ReactOS: LIST_HEAD). */
#define MI_PFN_LIST_HEAD ((PFN_NUMBER)~(PFN_NUMBER)0)

/* Pages the MDL spans: ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, ByteCount). */
ULONG MiMdlSpan(const MDL *Mdl);
/* Checks that the MDL's PFNs may be mapped by a driver: each is RAM and
 * held (allocated for an MDL, pool, or locked). Fills Indices[0..Span).
 * On failure returns false and sets *BadSlot to the first bad slot. */
bool MiMdlPagesMappable(const MDL *Mdl, ULONG Span, MI_INDEX *Indices, ULONG *BadSlot);
/* Index of the page a PFN array entry names; false if it is not RAM. */
bool MiMdlSlotIndex(PFN_NUMBER Pfn, MI_INDEX *Index);
/* Invariant check of the MDL mapping records; returns the problem count. */
uint64_t MiCheckMdlMappings(char *Report, size_t Size);

/* ---------------------------------------------------------------------- */
/* Reservations (reserve.c), as far as other Mm code must know them.      */
/* ---------------------------------------------------------------------- */
/* true if Page of system PTE space belongs to a reserved mapping range
 * (header PTEs included under the nt5 profile). */
bool MiIsReservedPage(uint64_t Page);
/* true if Page holds one of the two nt5 header PTEs of a reservation (a
 * software PTE whose bits are a size or a tag, not a transition PTE). */
bool MiIsReservationHeaderPage(uint64_t Page);
/* Invariant check of the reservations (header encodings, pool nodes, data
 * PTEs empty or valid, all in allocated system-PTE VA); returns the problem
 * count and appends them to Report. */
uint64_t MiCheckReservations(char *Report, size_t Size);
/* SimCorruptForTest(SimCorruptReservation): damages the record of the
 * reservation containing Va (nt5 tag PTE, modern pool node tag). */
bool MiCorruptReservationForTest(void *Va);

/* ---------------------------------------------------------------------- */
/* Queries (query.c): what the verifier and the Sim* probes read.         */
/* ---------------------------------------------------------------------- */
const char *MiPageStateName(SIM_PAGE_STATE State);
BOOLEAN MiQueryPfn(PFN_NUMBER Pfn, SIM_PFN_INFO *Info);
VOID MiQueryMemory(SIM_MEMORY_STATS *Stats);
/* Host mappings the PTEs of [FirstPage, EndPage) need: runs of valid PTEs
 * naming contiguous pages with the same access; MiCountHostRuns: all. */
uint64_t MiCountHostRunsIn(uint64_t FirstPage, uint64_t EndPage);
uint64_t MiCountHostRuns(void);

/* ---------------------------------------------------------------------- */
/* Faults.                                                                */
/* ---------------------------------------------------------------------- */
bool MiFaultHandler(void *Address, bool Write, void *CodeAddress);

#endif /* MMSIM_MI_MM_H */
