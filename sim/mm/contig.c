/*
 * contig.c - physically contiguous and non-cached memory, the physical memory
 * map, and the physical-to-virtual lookup:
 * MmAllocateContiguousMemory(SpecifyCache(Node)), MmAllocateContiguousNodeMemory,
 * MmFreeContiguousMemory(SpecifyCache), MmAllocateNonCachedMemory,
 * MmFreeNonCachedMemory, MmGetPhysicalMemoryRanges, MmGetVirtualForPhysical,
 * and the obsolete MmMapLockedPages.
 *
 * Facts (Microsoft's pages for each routine; docs/wdk-surface.md tables every
 * rule and each mmsim choice): contiguous memory is non-paged, physically
 * contiguous inside [Lowest, Highest], crossing no multiple of
 * BoundaryAddressMultiple; non-cached memory is whole pages, not contiguous;
 * both are uninitialised (Verifier fills them with a random pattern, as mmsim
 * always does). Each allocation is a run of system PTEs recorded here (first
 * page, pages, kind), so a free is checked against what was allocated.
 */
#include <stdlib.h>

#include "mi_mm.h"
#include "../host/host.h"

typedef enum _MI_CONTIG_KIND { MiContiguous, MiNonCached } MI_CONTIG_KIND;

typedef struct _MI_CONTIG {
    uint64_t FirstPage; /* first system PTE page */
    uint64_t Pages;
    MI_CONTIG_KIND Kind;
    MEMORY_CACHING_TYPE CacheType;
    ULONG_PTR Caller;
    MI_INDEX Index[]; /* the physical pages, in order */
} MI_CONTIG;

static MI_RANGE_TABLE MiContigTable;
static uint64_t MiContigFill;

static uint64_t MiContigRandom(void)
{
    /* xorshift64: the "random pattern" of uninitialised memory. */
    MiContigFill ^= MiContigFill << 13;
    MiContigFill ^= MiContigFill >> 7;
    MiContigFill ^= MiContigFill << 17;
    return MiContigFill;
}

static void MiContigScribble(MI_INDEX Index)
{
    uint64_t *Words = (uint64_t *)(void *)MiPhysPage(Index);
    uint64_t Pattern = MiContigRandom() | 1; /* never all zero */
    for (size_t i = 0; i < PAGE_SIZE / sizeof(uint64_t); i++) {
        Words[i] = Pattern;
    }
}

static PFN_NUMBER MiAddressToPfnFloor(ULONGLONG Address)
{
    return (PFN_NUMBER)(Address >> PAGE_SHIFT);
}

/* Smallest power of two >= Count (pages). */
static uint64_t MiPowerOfTwoAtLeast(uint64_t Count)
{
    uint64_t p = 1;
    while (p < Count) {
        p <<= 1;
    }
    return p;
}

/* Allocates Pages pages (contiguous ones in [LowPfn, HighPfn] not crossing a
 * multiple of BoundaryPages when Kind is MiContiguous), maps them writable
 * with CacheType and records them. NULL if there are no such pages, no
 * system PTEs, or the host refuses the mapping. */
static PVOID MiContigAllocate(uint64_t Pages, PFN_NUMBER LowPfn, PFN_NUMBER HighPfn,
                              uint64_t BoundaryPages, MEMORY_CACHING_TYPE CacheType,
                              MI_CONTIG_KIND Kind, ULONG_PTR Caller)
{
    MI_CONTIG *Record = (MI_CONTIG *)malloc(sizeof(*Record) + Pages * sizeof(MI_INDEX));
    if (Record == NULL) {
        return NULL;
    }
    uint64_t Align = 1;
    if (Kind == MiContiguous && BoundaryPages != 0) {
        /* A run that starts at a multiple of a power of two P >= Pages, where
         * P divides the boundary, never crosses the boundary; a boundary that
         * is not a power of two: start on the boundary itself. */
        uint64_t P = MiPowerOfTwoAtLeast(Pages);
        Align = (BoundaryPages % P == 0) ? P : BoundaryPages;
    }
    MiLock();
    bool Got;
    if (Kind == MiContiguous) {
        Got = MiAllocateContiguous(Pages, Align, LowPfn, HighPfn, MiPageMdl, false, Record->Index);
    } else {
        uint64_t n = MiAllocatePhysical(Pages, 0, MiPhys.HighestPfn, MiPageMdl, false, Record->Index);
        Got = n == Pages;
        for (uint64_t i = 0; !Got && i < n; i++) {
            MiFreePhysical(Record->Index[i]);
        }
    }
    uint64_t First = UINT64_MAX;
    if (Got) {
        First = MiVaAllocate(&MiSpace.SystemPtes, Pages);
    }
    bool Mapped = false;
    if (First != UINT64_MAX) {
        for (uint64_t i = 0; i < Pages; i++) {
            MiContigScribble(Record->Index[i]);
            MiPfnEntry(Record->Index[i])->CacheType = (uint8_t)(CacheType + 1);
        }
        Mapped = MiMapPages(First, Record->Index, Pages, true, CacheType);
        if (Mapped) {
            Record->FirstPage = First;
            Record->Pages = Pages;
            Record->Kind = Kind;
            Record->CacheType = CacheType;
            Record->Caller = Caller;
            if (!MiRangeInsert(&MiContigTable, First, Pages, Record)) {
                MiUnmapPages(First, Pages);
                Mapped = false;
            }
        }
        if (!Mapped) {
            MiVaFree(&MiSpace.SystemPtes, First, Pages);
        }
    }
    if (Got && !Mapped) {
        for (uint64_t i = 0; i < Pages; i++) {
            MiFreePhysical(Record->Index[i]);
        }
    }
    MiUnlock();
    if (!Mapped) {
        free(Record);
        return NULL;
    }
    return MiPageToVa(First);
}

/* The record of the allocation that BaseAddress starts, of the given kind,
 * or a bug check: 0xC4/0x60 (start address) as Driver Verifier reports a bad
 * pointer to MmFreeContiguousMemory. Called and returns with MiLock held. */
static MI_CONTIG *MiContigLookup(PVOID BaseAddress, MI_CONTIG_KIND Kind)
{
    MI_CONTIG *Record = NULL;
    if (MiIsSystemVa(BaseAddress) && ((ULONG_PTR)BaseAddress & (PAGE_SIZE - 1)) == 0) {
        MI_RANGE *Range = MiRangeFind(&MiContigTable, MiVaToPage(BaseAddress));
        if (Range != NULL && Range->FirstPage == MiVaToPage(BaseAddress)) {
            Record = (MI_CONTIG *)Range->Data;
        }
    }
    if (Record == NULL || Record->Kind != Kind) {
        MiUnlock();
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x60, (ULONG_PTR)BaseAddress, 0, 0);
    }
    return Record;
}

static void MiContigFree(MI_CONTIG *Record)
{
    MiUnmapPages(Record->FirstPage, Record->Pages);
    MiVaFree(&MiSpace.SystemPtes, Record->FirstPage, Record->Pages);
    for (uint64_t i = 0; i < Record->Pages; i++) {
        MiFreePhysical(Record->Index[i]);
    }
    MiRangeRemove(&MiContigTable, Record->FirstPage);
    free(Record);
}

static PVOID MiContigDdi(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS Lowest, PHYSICAL_ADDRESS Highest,
                         PHYSICAL_ADDRESS Boundary, MEMORY_CACHING_TYPE CacheType, ULONG_PTR Caller)
{
    /* Only the three cache types documented for drivers. */
    if (NumberOfBytes == 0 || (ULONG)CacheType > (ULONG)MmWriteCombined || Lowest.QuadPart < 0 ||
        Highest.QuadPart < Lowest.QuadPart || Boundary.QuadPart < 0 ||
        (Boundary.QuadPart & (PAGE_SIZE - 1)) != 0) {
        return NULL;
    }
    uint64_t Pages = ((uint64_t)NumberOfBytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
    uint64_t BoundaryPages = (uint64_t)Boundary.QuadPart >> PAGE_SHIFT;
    if (BoundaryPages != 0 && Pages > BoundaryPages) {
        return NULL; /* no run of that size fits between two boundaries */
    }
    /* A page whose whole frame lies in [Lowest, Highest]. */
    PFN_NUMBER LowPfn = MiAddressToPfnFloor((ULONGLONG)Lowest.QuadPart + PAGE_SIZE - 1);
    PFN_NUMBER HighPfn = MiAddressToPfnFloor((ULONGLONG)Highest.QuadPart + 1);
    if (HighPfn == 0) {
        return NULL;
    }
    HighPfn--;
    return MiContigAllocate(Pages, LowPfn, HighPfn, BoundaryPages, CacheType, MiContiguous, Caller);
}

PVOID NTAPI MmAllocateContiguousMemorySpecifyCache(SIZE_T NumberOfBytes,
                                                   PHYSICAL_ADDRESS LowestAcceptableAddress,
                                                   PHYSICAL_ADDRESS HighestAcceptableAddress,
                                                   PHYSICAL_ADDRESS BoundaryAddressMultiple,
                                                   MEMORY_CACHING_TYPE CacheType)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateContiguousMemorySpecifyCache, NumberOfBytes, Caller);
    return MiContigDdi(NumberOfBytes, LowestAcceptableAddress, HighestAcceptableAddress,
                       BoundaryAddressMultiple, CacheType, Caller);
}

PVOID NTAPI MmAllocateContiguousMemorySpecifyCacheNode(SIZE_T NumberOfBytes,
                                                       PHYSICAL_ADDRESS LowestAcceptableAddress,
                                                       PHYSICAL_ADDRESS HighestAcceptableAddress,
                                                       PHYSICAL_ADDRESS BoundaryAddressMultiple,
                                                       MEMORY_CACHING_TYPE CacheType,
                                                       NODE_REQUIREMENT PreferredNode)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateContiguousMemorySpecifyCacheNode, NumberOfBytes, Caller);
    /* One NUMA node: node 0, or MM_ANY_NODE_OK (the flag, with any node). */
    if (PreferredNode != 0 && !(PreferredNode & MM_ANY_NODE_OK)) {
        return NULL;
    }
    return MiContigDdi(NumberOfBytes, LowestAcceptableAddress, HighestAcceptableAddress,
                       BoundaryAddressMultiple, CacheType, Caller);
}

PVOID NTAPI MmAllocateContiguousNodeMemory(SIZE_T NumberOfBytes,
                                           PHYSICAL_ADDRESS LowestAcceptableAddress,
                                           PHYSICAL_ADDRESS HighestAcceptableAddress,
                                           PHYSICAL_ADDRESS BoundaryAddressMultiple, ULONG Protect,
                                           NODE_REQUIREMENT PreferredNode)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateContiguousNodeMemory, NumberOfBytes, Caller);
    /* PAGE_READWRITE, or PAGE_EXECUTE_READWRITE, optionally ORed with
     * PAGE_NOCACHE or PAGE_WRITECOMBINE; anything else fails. */
    ULONG Access = Protect & ~(ULONG)(PAGE_NOCACHE | PAGE_WRITECOMBINE);
    ULONG Cache = Protect & (PAGE_NOCACHE | PAGE_WRITECOMBINE);
    if ((Access != PAGE_READWRITE && Access != PAGE_EXECUTE_READWRITE) ||
        Cache == (PAGE_NOCACHE | PAGE_WRITECOMBINE)) {
        return NULL;
    }
    if (PreferredNode != 0 && !(PreferredNode & MM_ANY_NODE_OK)) {
        return NULL;
    }
    MEMORY_CACHING_TYPE CacheType = Cache == PAGE_NOCACHE        ? MmNonCached
                                    : Cache == PAGE_WRITECOMBINE ? MmWriteCombined
                                                                 : MmCached;
    return MiContigDdi(NumberOfBytes, LowestAcceptableAddress, HighestAcceptableAddress,
                       BoundaryAddressMultiple, CacheType, Caller);
}

PVOID NTAPI MmAllocateContiguousMemory(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS HighestAcceptableAddress)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateContiguousMemory, NumberOfBytes, Caller);
    PHYSICAL_ADDRESS Zero;
    Zero.QuadPart = 0;
    return MiContigDdi(NumberOfBytes, Zero, HighestAcceptableAddress, Zero, MmCached, Caller);
}

VOID NTAPI MmFreeContiguousMemory(PVOID BaseAddress)
{
    MiDdiEnter(MiDdi_MmFreeContiguousMemory, (ULONG_PTR)BaseAddress, MI_CALLER_ADDRESS());
    MiLock();
    MiContigFree(MiContigLookup(BaseAddress, MiContiguous));
    MiUnlock();
}

VOID NTAPI MmFreeContiguousMemorySpecifyCache(PVOID BaseAddress, SIZE_T NumberOfBytes,
                                              MEMORY_CACHING_TYPE CacheType)
{
    MiDdiEnter(MiDdi_MmFreeContiguousMemorySpecifyCache, (ULONG_PTR)BaseAddress, MI_CALLER_ADDRESS());
    MiLock();
    MI_CONTIG *Record = MiContigLookup(BaseAddress, MiContiguous);
    /* "NumberOfBytes ... must match"; "CacheType ... must match": a free
     * that does not is a bad pointer to the contiguous allocator too. */
    uint64_t Pages = ((uint64_t)NumberOfBytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
    if (Pages != Record->Pages || CacheType != Record->CacheType) {
        MiUnlock();
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x60, (ULONG_PTR)BaseAddress,
                     NumberOfBytes, (ULONG_PTR)CacheType);
    }
    MiContigFree(Record);
    MiUnlock();
}

PVOID NTAPI MmAllocateNonCachedMemory(SIZE_T NumberOfBytes)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateNonCachedMemory, NumberOfBytes, Caller);
    if (NumberOfBytes == 0 || NumberOfBytes > ((SIZE_T)1 << 40)) {
        return NULL;
    }
    uint64_t Pages = ((uint64_t)NumberOfBytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
    return MiContigAllocate(Pages, 0, 0, 0, MmNonCached, MiNonCached, Caller);
}

VOID NTAPI MmFreeNonCachedMemory(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
    MiDdiEnter(MiDdi_MmFreeNonCachedMemory, (ULONG_PTR)BaseAddress, MI_CALLER_ADDRESS());
    MiLock();
    MI_CONTIG *Record = MiContigLookup(BaseAddress, MiNonCached);
    uint64_t Pages = ((uint64_t)NumberOfBytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
    if (Pages != Record->Pages) {
        MiUnlock();
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x60, (ULONG_PTR)BaseAddress,
                     NumberOfBytes, 0);
    }
    MiContigFree(Record);
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* The physical memory map and physical-to-virtual.                       */
/* ---------------------------------------------------------------------- */
#define MI_TAG_PHYSICAL_RANGES 'hPmM' /* "MmPh" (mmsim's choice) */

PPHYSICAL_MEMORY_RANGE NTAPI MmGetPhysicalMemoryRanges(VOID)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmGetPhysicalMemoryRanges, 0, Caller);
    MiLock();
    ULONG Count = MiPhys.RangeCount;
    PPHYSICAL_MEMORY_RANGE Ranges = (PPHYSICAL_MEMORY_RANGE)MiAllocatePoolInternal(
        false, (SIZE_T)(Count + 1) * sizeof(PHYSICAL_MEMORY_RANGE), MI_TAG_PHYSICAL_RANGES, Caller,
        true);
    if (Ranges != NULL) {
        for (ULONG i = 0; i < Count; i++) {
            Ranges[i].BaseAddress.QuadPart = (LONGLONG)(MiPhys.Ranges[i].BasePage << PAGE_SHIFT);
            Ranges[i].NumberOfBytes.QuadPart = (LONGLONG)(MiPhys.Ranges[i].PageCount << PAGE_SHIFT);
        }
        /* Ranges[Count] is zeroed: the terminating entry. */
    }
    MiUnlock();
    return Ranges;
}

PVOID NTAPI MmGetVirtualForPhysical(PHYSICAL_ADDRESS PhysicalAddress)
{
    MiDdiEnter(MiDdi_MmGetVirtualForPhysical, (ULONG_PTR)PhysicalAddress.QuadPart, MI_CALLER_ADDRESS());
    MI_INDEX Index;
    PFN_NUMBER Pfn = (PFN_NUMBER)((ULONGLONG)PhysicalAddress.QuadPart >> PAGE_SHIFT);
    if (PhysicalAddress.QuadPart < 0 || !MiPfnToIndex(Pfn, &Index)) {
        return NULL;
    }
    PVOID Va = NULL;
    MiLock();
    /* The lowest system address whose valid PTE names the frame: pool, an
     * MDL mapping, contiguous memory. (Windows finds it through the PFN
     * entry's PTE address; a page it has not mapped gives no useful
     * answer there, NULL here.) */
    if (MiPfnEntry(Index)->MapCount != 0) {
        for (uint64_t p = MiNextNonZeroPte(0, MiSpace.Pages); p < MiSpace.Pages;
             p = MiNextNonZeroPte(p + 1, MiSpace.Pages)) {
            uint64_t Pte = MiSpace.Pte[p];
            if ((Pte & MI_PTE_VALID) && MI_PTE_PFN(Pte) == Pfn) {
                Va = MiPageToVa(p) + ((ULONGLONG)PhysicalAddress.QuadPart & (PAGE_SIZE - 1));
                break;
            }
        }
    }
    MiUnlock();
    return Va;
}

/* ---------------------------------------------------------------------- */
/* MmMapLockedPages.                                                      */
/* ---------------------------------------------------------------------- */
PVOID NTAPI MmMapLockedPages(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode)
{
    MiDdiEnter(MiDdi_MmMapLockedPages, (ULONG_PTR)MemoryDescriptorList, (ULONG_PTR)AccessMode);
    MI_CHECK_MDL(MemoryDescriptorList);
    if (MiConfig.Strict) {
        /* Driver Verifier: "use MmMapLockedPagesSpecifyCache with
         * BugCheckOnFailure FALSE" (0xC4/0x81: MDL, flags, 0). */
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x81, (ULONG_PTR)MemoryDescriptorList,
                     (ULONG_PTR)(USHORT)MemoryDescriptorList->MdlFlags, 0);
    }
    /* Retail: a cached mapping that bug checks if it cannot be made. */
    return MmMapLockedPagesSpecifyCache(MemoryDescriptorList, AccessMode, MmCached, NULL, TRUE,
                                        HighPagePriority);
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
static NTSTATUS MiContigInit(const SIM_CONFIG *Config)
{
    (void)Config;
    memset(&MiContigTable, 0, sizeof(MiContigTable));
    MiContigFill = MiSeed ^ 0x436F6E7469674D6Dull; /* "ContigMm" */
    if (MiContigFill == 0) {
        MiContigFill = 1;
    }
    return STATUS_SUCCESS;
}

static void MiContigTeardown(void)
{
    MiRangeFreeAll(&MiContigTable, true);
}

static bool MiContigIsClean(char *Report, size_t Size)
{
    if (MiContigTable.Count == 0) {
        return true;
    }
    const MI_CONTIG *First = (const MI_CONTIG *)MiRangeFirst(&MiContigTable)->Data;
    char Caller[256];
    MiAppend(Report, Size,
             "%llu contiguous or non-cached allocation(s) still held (first: %p, %llu page(s), %s, "
             "allocated from %s)\n",
             (unsigned long long)MiContigTable.Count, (void *)MiPageToVa(First->FirstPage),
             (unsigned long long)First->Pages,
             First->Kind == MiContiguous ? "MmAllocateContiguousMemory*" : "MmAllocateNonCachedMemory",
             HostDescribeFrame((void *)First->Caller, Caller, sizeof(Caller)));
    return false;
}

const MI_SUBSYSTEM MiContigSubsystem = {"contiguous memory", MiContigInit, MiContigTeardown,
                                        MiContigIsClean};
