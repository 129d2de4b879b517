/*
 * mdl.c - MDLs: IoAllocateMdl, IoFreeMdl, MmSizeOfMdl, MmBuildMdlForNonPagedPool,
 * IoBuildPartialMdl, MmAllocatePagesForMdl(Ex), MmFreePagesFromMdl(Ex),
 * MmProbeAndLockPages, MmUnlockPages, MmMapLockedPagesSpecifyCache and
 * MmUnmapLockedPages.
 *
 * Facts: docs/ddi-contract.md 1.6-1.13, 2, 3.2-3.4. Every rule, and each choice made
 * where the facts are silent, is tabled in docs/mdl.md.
 *
 * The simulator trusts what Windows trusts - MdlFlags, ByteOffset, ByteCount
 * and the PFN array - never StartVa, which drivers overwrite. System mappings
 * made here are recorded (first page, pages, MDL) in a range table, so an
 * unmap is checked against what was really mapped.
 */
#include <stdlib.h>

#include "mi_mm.h"
#include "../host/host.h"

/* IoAllocateMdl serves spans up to this many pages from fixed-size blocks
 * (Windows' MDL lookaside; ReactOS does the same). */
#define MI_FIXED_MDL_PFNS 23
/* Largest ByteCount of one MDL (Windows 7+: 4 GB - PAGE_SIZE). */
#define MI_MDL_MAX_BYTES 0xFFFFF000ull
/* MmAllocatePagesForMdlEx flags this machine knows. */
#define MI_MDL_ALLOC_FLAGS                                                                         \
    (MM_DONT_ZERO_ALLOCATION | MM_ALLOCATE_FROM_LOCAL_NODE_ONLY | MM_ALLOCATE_FULLY_REQUIRED |     \
     MM_ALLOCATE_NO_WAIT | MM_ALLOCATE_PREFER_CONTIGUOUS | MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS | \
     MM_ALLOCATE_FAST_LARGE_PAGES | MM_ALLOCATE_TRIM_IF_NECESSARY | MM_ALLOCATE_AND_HOT_REMOVE)
#define MI_LARGE_PAGE_BYTES (2ull << 20)

/* A system mapping made by MmMapLockedPagesSpecifyCache. */
typedef struct _MI_MDL_MAPPING {
    uint64_t MapPage; /* first page of the mapping (after a guard PTE) */
    uint64_t Pages;   /* pages mapped */
    uint64_t Guard;   /* guard PTEs on each side: 0 or 1 */
    PMDL Mdl;         /* the MDL it was made for (reports only) */
    ULONG_PTR Caller;
} MI_MDL_MAPPING;

static MI_RANGE_TABLE MiMdlMappings; /* keyed by VA incl. guards */
static uint64_t MiFillState;         /* random fill of unzeroed pages */

/* ---------------------------------------------------------------------- */
/* Helpers shared with reserve.c.                                         */
/* ---------------------------------------------------------------------- */
ULONG MiMdlSpan(const MDL *Mdl)
{
    /* 64-bit arithmetic: ByteCount near 4 GB must not wrap. */
    return (ULONG)(((uint64_t)(Mdl->ByteOffset & (PAGE_SIZE - 1)) + Mdl->ByteCount + PAGE_SIZE - 1) >>
                   PAGE_SHIFT);
}

bool MiMdlSlotIndex(PFN_NUMBER Pfn, MI_INDEX *Index)
{
    return Pfn != MI_PFN_LIST_HEAD && MiPfnToIndex(Pfn, Index);
}

/* A page a driver may map: allocated for an MDL, non-paged pool, or locked. */
static bool MiPageIsHeld(MI_INDEX Index)
{
    const MI_PFN *Entry = MiPfnEntry(Index);
    return Entry->State == MiPageMdl || Entry->State == MiPageNonPagedPool || Entry->LockCount != 0;
}

bool MiMdlPagesMappable(const MDL *Mdl, ULONG Span, MI_INDEX *Indices, ULONG *BadSlot)
{
    const PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    for (ULONG i = 0; i < Span; i++) {
        MI_INDEX Index;
        if (!MiMdlSlotIndex(Pfns[i], &Index) || !MiPageIsHeld(Index)) {
            *BadSlot = i;
            return false;
        }
        Indices[i] = Index;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Mapping records.                                                       */
/* ---------------------------------------------------------------------- */
static MI_MDL_MAPPING *MiFindMapping(uint64_t Page)
{
    MI_RANGE *Range = MiRangeFind(&MiMdlMappings, Page);
    return Range != NULL ? (MI_MDL_MAPPING *)Range->Data : NULL;
}

/* Maps the MDL's pages into fresh system PTEs; returns the first mapped
 * page or UINT64_MAX (no PTEs, the host refused, or no host memory). */
static uint64_t MiMapMdl(PMDL Mdl, ULONG Span, const MI_INDEX *Indices, bool Writable,
                         MEMORY_CACHING_TYPE CacheType, bool Guard, ULONG_PTR Caller)
{
    uint64_t GuardPages = Guard ? 1 : 0;
    MI_MDL_MAPPING *Mapping = (MI_MDL_MAPPING *)malloc(sizeof(*Mapping));
    if (Mapping == NULL) {
        return UINT64_MAX;
    }
    uint64_t First = MiVaAllocate(&MiSpace.SystemPtes, Span + 2 * GuardPages);
    if (First == UINT64_MAX) {
        free(Mapping);
        return UINT64_MAX;
    }
    uint64_t MapPage = First + GuardPages;
    if (!MiMapPages(MapPage, Indices, Span, Writable, CacheType)) {
        MiVaFree(&MiSpace.SystemPtes, First, Span + 2 * GuardPages);
        free(Mapping);
        return UINT64_MAX;
    }
    Mapping->MapPage = MapPage;
    Mapping->Pages = Span;
    Mapping->Guard = GuardPages;
    Mapping->Mdl = Mdl;
    Mapping->Caller = Caller;
    if (!MiRangeInsert(&MiMdlMappings, First, Span + 2 * GuardPages, Mapping)) {
        MiUnmapPages(MapPage, Span);
        MiVaFree(&MiSpace.SystemPtes, First, Span + 2 * GuardPages);
        free(Mapping);
        return UINT64_MAX;
    }
    return MapPage;
}

static void MiUnmapMapping(MI_MDL_MAPPING *Mapping)
{
    uint64_t First = Mapping->MapPage - Mapping->Guard;
    uint64_t Total = Mapping->Pages + 2 * Mapping->Guard;
    MiUnmapPages(Mapping->MapPage, Mapping->Pages);
    MiVaFree(&MiSpace.SystemPtes, First, Total);
    MiRangeRemove(&MiMdlMappings, First);
    free(Mapping);
}

/* The checks and work of MmUnmapLockedPages after its flag checks; also the
 * automatic unmap of MmUnlockPages, MmFreePagesFromMdl and IoFreeMdl. */
static void MiUnmapLockedPages(PVOID BaseAddress, PMDL Mdl)
{
    MiLock();
    uint64_t Page = MiIsSystemVa(BaseAddress) ? MiVaToPage(BaseAddress) : UINT64_MAX;
    MI_MDL_MAPPING *Mapping = Page != UINT64_MAX ? MiFindMapping(Page) : NULL;
    ULONG Span = MiMdlSpan(Mdl);
    if (Mapping == NULL) {
        bool Reserved = Page != UINT64_MAX && MiIsReservedPage(Page);
        MiUnlock();
        /* A reserved range belongs to MmUnmapReservedMapping (0x301); anything
         * else is not a mapping at all (0x302). mmsim's choice of the
         * documented "release" rows of 0xDA (docs/mdl.md). */
        KeBugCheckEx(SYSTEM_PTE_MISUSE, Reserved ? 0x301 : 0x302, (ULONG_PTR)BaseAddress, 0, 0);
    }
    if (Page != Mapping->MapPage) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x304, (ULONG_PTR)BaseAddress, Span, 0);
    }
    if (Span != Mapping->Pages) {
        uint64_t Pages = Mapping->Pages;
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x305, (ULONG_PTR)BaseAddress, Span, (ULONG_PTR)Pages);
    }
    MiUnmapMapping(Mapping);
    Mdl->MdlFlags &= (CSHORT) ~(MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED |
                                MDL_FREE_EXTRA_PTES);
    MiUnlock();
}

/* true if the MDL's MappedSystemVa is the start of a live mapping made by
 * MmMapLockedPagesSpecifyCache (as opposed to a reserved mapping). */
static bool MiMdlHasOwnMapping(const MDL *Mdl)
{
    if (!MiIsSystemVa(Mdl->MappedSystemVa)) {
        return false;
    }
    MI_MDL_MAPPING *Mapping = MiFindMapping(MiVaToPage(Mdl->MappedSystemVa));
    return Mapping != NULL && Mapping->MapPage == MiVaToPage(Mdl->MappedSystemVa);
}

/* ---------------------------------------------------------------------- */
/* IoAllocateMdl / IoFreeMdl / MmSizeOfMdl.                                */
/* ---------------------------------------------------------------------- */
PMDL NTAPI IoAllocateMdl(PVOID VirtualAddress, ULONG Length, BOOLEAN SecondaryBuffer,
                         BOOLEAN ChargeQuota, PIRP Irp)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAllocateMdl, 0, Caller);
    (void)ChargeQuota; /* reserved; Windows ignores it */
    if ((uint64_t)Length > MI_MDL_MAX_BYTES ||
        MiInjectFaultAt(SimFaultIoAllocateMdl, MI_TAG_IO_MDL, Caller) != MiInjectNone) {
        return NULL;
    }
    uint64_t Span = ((uint64_t)BYTE_OFFSET(VirtualAddress) + Length + PAGE_SIZE - 1) >> PAGE_SHIFT;
    bool Fixed = Span <= MI_FIXED_MDL_PFNS;
    uint64_t Bytes = sizeof(MDL) + sizeof(PFN_NUMBER) * (Fixed ? MI_FIXED_MDL_PFNS : Span);
    MiLock();
    PMDL Mdl = (PMDL)MiAllocatePoolInternal(false, (SIZE_T)Bytes, MI_TAG_IO_MDL, Caller, false);
    MiUnlock();
    if (Mdl == NULL) {
        return NULL;
    }
    MmInitializeMdl(Mdl, VirtualAddress, Length);
    Mdl->Process = NULL;
    Mdl->MappedSystemVa = NULL;
    if (Fixed) {
        Mdl->MdlFlags |= MDL_ALLOCATED_FIXED_SIZE;
    }
    if (Irp != NULL) {
        if (!SecondaryBuffer || Irp->MdlAddress == NULL) {
            Irp->MdlAddress = Mdl;
        } else {
            PMDL Last = Irp->MdlAddress;
            while (Last->Next != NULL) {
                Last = Last->Next;
            }
            Last->Next = Mdl;
        }
    }
    return Mdl;
}

VOID NTAPI IoFreeMdl(PMDL Mdl)
{
    MiDdiEnter(MiDdi_IoFreeMdl, 0, MI_CALLER_ADDRESS());
    MI_CHECK_MDL(Mdl);
    if (Mdl->MdlFlags & MDL_PARTIAL_HAS_BEEN_MAPPED) {
        /* A partial MDL's mapping is released with it (docs of IoFreeMdl). */
        MiUnmapLockedPages(Mdl->MappedSystemVa, Mdl);
    } else if ((Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) && MiConfig.Strict) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xB8, (ULONG_PTR)Mdl,
                     (ULONG_PTR)(USHORT)Mdl->MdlFlags, 0);
    }
    /* IoFreeMdl frees what IoAllocateMdl made: a pool block tagged "Mdl ".
     * An MDL from MmAllocatePagesForMdl(Ex) fails this tag check (0xC2/0x0A);
     * memory that is not pool at all fails as ExFreePool would. */
    MiFreePoolInternal(Mdl, MI_TAG_IO_MDL, true);
}

SIZE_T NTAPI MmSizeOfMdl(PVOID Base, SIZE_T Length)
{
    MiDdiEnter(MiDdi_MmSizeOfMdl, 0, MI_CALLER_ADDRESS());
    /* Split so a Length near SIZE_MAX cannot wrap. */
    uint64_t Span = ((uint64_t)Length >> PAGE_SHIFT) +
                    (((uint64_t)BYTE_OFFSET(Base) + (Length & (PAGE_SIZE - 1)) + PAGE_SIZE - 1) >>
                     PAGE_SHIFT);
    return (SIZE_T)(sizeof(MDL) + Span * sizeof(PFN_NUMBER));
}

/* ---------------------------------------------------------------------- */
/* MmBuildMdlForNonPagedPool / IoBuildPartialMdl.                          */
/* ---------------------------------------------------------------------- */
VOID NTAPI MmBuildMdlForNonPagedPool(PMDLX Mdl)
{
    MiDdiEnter(MiDdi_MmBuildMdlForNonPagedPool, 0, MI_CALLER_ADDRESS());
    MI_CHECK_MDL(Mdl);
    /* MmGetMdlVirtualAddress in integers: StartVa may be NULL or anything. */
    uintptr_t Va = (uintptr_t)Mdl->StartVa + Mdl->ByteOffset;
    ULONG Span = MiMdlSpan(Mdl);
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    uintptr_t PageVa = Va & ~(uintptr_t)(PAGE_SIZE - 1);
    MiLock();
    for (ULONG i = 0; i < Span; i++) {
        void *At = (void *)(PageVa + (uintptr_t)i * PAGE_SIZE);
        if (!MiIsSystemVa(At)) {
            MiUnlock();
            /* Host memory (stack, globals) has no PFN in this machine. */
            KeBugCheckEx(MEMORY_MANAGEMENT, 0x1240, (ULONG_PTR)Mdl, 0, 0);
        }
        uint64_t Page = MiVaToPage(At);
        uint64_t Pte = MiSpace.Pte[Page];
        /* Paged pool by region, or by page state: a paged special-pool block
         * lives in system PTE space (docs/special-pool.md). */
        MI_INDEX PageIndex;
        bool PagedPage = MiRegionOf(Page) == MiRegionPagedPool ||
                         ((Pte & MI_PTE_VALID) && MiPfnToIndex(MI_PTE_PFN(Pte), &PageIndex) &&
                          MiPfnEntry(PageIndex)->State == MiPagePagedPool);
        if (PagedPage && MiConfig.Strict) {
            MiUnlock();
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x7F, MiCurrentIrql(), (ULONG_PTR)Mdl,
                         (ULONG_PTR)(USHORT)Mdl->MdlFlags);
        }
        if (!(Pte & MI_PTE_VALID)) {
            MiUnlock();
            KeBugCheckEx(MEMORY_MANAGEMENT, 0x1240, (ULONG_PTR)Mdl, (ULONG_PTR)&MiSpace.Pte[Page],
                         0);
        }
        Pfns[i] = (PFN_NUMBER)MI_PTE_PFN(Pte);
    }
    MiUnlock();
    Mdl->MappedSystemVa = (PVOID)Va;
    Mdl->Process = NULL;
    Mdl->MdlFlags |= MDL_SOURCE_IS_NONPAGED_POOL;
}

VOID NTAPI IoBuildPartialMdl(PMDL SourceMdl, PMDL TargetMdl, PVOID VirtualAddress, ULONG Length)
{
    MiDdiEnter(MiDdi_IoBuildPartialMdl, 0, MI_CALLER_ADDRESS());
    MI_CHECK_MDL(SourceMdl);
    MI_CHECK_MDL(TargetMdl);
    /* In integers: an MDL from MmAllocatePagesForMdl has StartVa == NULL. */
    uintptr_t SourceVa = (uintptr_t)SourceMdl->StartVa + SourceMdl->ByteOffset;
    uintptr_t Va = (uintptr_t)VirtualAddress;
    uint64_t Offset = (uint64_t)(Va - SourceVa);
    if (Va < SourceVa || Offset > SourceMdl->ByteCount) {
        KeBugCheckEx(INVALID_MDL_RANGE, (ULONG_PTR)SourceMdl, (ULONG_PTR)TargetMdl,
                     (ULONG_PTR)VirtualAddress, Length);
    }
    if (Length == 0) {
        Length = (ULONG)(SourceMdl->ByteCount - Offset); /* the rest of the source */
    }
    if (Offset + Length > SourceMdl->ByteCount) {
        KeBugCheckEx(INVALID_MDL_RANGE, (ULONG_PTR)SourceMdl, (ULONG_PTR)TargetMdl,
                     (ULONG_PTR)VirtualAddress, Length);
    }
    uint64_t Span = ((uint64_t)BYTE_OFFSET(Va) + Length + PAGE_SIZE - 1) >> PAGE_SHIFT;
    if ((uint64_t)(USHORT)TargetMdl->Size < sizeof(MDL) + Span * sizeof(PFN_NUMBER)) {
        KeBugCheckEx(TARGET_MDL_TOO_SMALL, 0, 0, 0, 0);
    }
    /* Source page index of the first target page. */
    uint64_t FirstSourcePage = (((uint64_t)(SourceMdl->ByteOffset & (PAGE_SIZE - 1))) + Offset) >>
                               PAGE_SHIFT;
    memmove(MmGetMdlPfnArray(TargetMdl), MmGetMdlPfnArray(SourceMdl) + FirstSourcePage,
            (size_t)Span * sizeof(PFN_NUMBER));
    CSHORT Keep = (CSHORT)(TargetMdl->MdlFlags & (MDL_ALLOCATED_FIXED_SIZE | MDL_ALLOCATED_MUST_SUCCEED));
    CSHORT Inherit = (CSHORT)(SourceMdl->MdlFlags & (MDL_SOURCE_IS_NONPAGED_POOL | MDL_WRITE_OPERATION |
                                                     MDL_IO_PAGE_READ | MDL_IO_SPACE));
    TargetMdl->MdlFlags = (CSHORT)(Keep | Inherit | MDL_PARTIAL);
    TargetMdl->Process = SourceMdl->Process;
    TargetMdl->StartVa = (PVOID)(Va & ~(uintptr_t)(PAGE_SIZE - 1));
    TargetMdl->ByteOffset = BYTE_OFFSET(Va);
    TargetMdl->ByteCount = Length;
    TargetMdl->MappedSystemVa = NULL;
    if (SourceMdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL)) {
        if (SourceMdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) {
            TargetMdl->MdlFlags |= MDL_PARENT_MAPPED_SYSTEM_VA;
        }
        TargetMdl->MappedSystemVa = (PVOID)((uintptr_t)SourceMdl->MappedSystemVa + Offset);
    }
}

/* ---------------------------------------------------------------------- */
/* MmAllocatePagesForMdl(Ex).                                             */
/* ---------------------------------------------------------------------- */
static uint64_t MiNextRandom(void)
{
    /* splitmix64: a seeded, reproducible fill pattern. */
    uint64_t z = (MiFillState += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void MiRandomFill(MI_INDEX Index)
{
    uint64_t *Words = (uint64_t *)MiPhysPage(Index);
    for (size_t k = 0; k < PAGE_SIZE / sizeof(uint64_t); k++) {
        Words[k] = MiNextRandom();
    }
}

static PFN_NUMBER MiBytesToPfnFloor(ULONGLONG Bytes)
{
    return (PFN_NUMBER)(Bytes >> PAGE_SHIFT);
}

/* Allocates up to Count pages into Out from one [LowPfn, HighPfn] window,
 * in runs; with Chunk != 0 only whole blocks of Chunk physically contiguous
 * pages, each aligned to Align pages. */
static uint64_t MiAllocateWindow(uint64_t Count, PFN_NUMBER LowPfn, PFN_NUMBER HighPfn,
                                 uint64_t Chunk, uint64_t Align, bool Prefer, bool Zero,
                                 MI_INDEX *Out)
{
    if (Chunk != 0) {
        uint64_t Got = 0;
        while (Got + Chunk <= Count &&
               MiAllocateContiguous(Chunk, Align, LowPfn, HighPfn, MiPageMdl, Zero, Out + Got)) {
            Got += Chunk;
        }
        return Got;
    }
    if (Prefer && MiAllocateContiguous(Count, 1, LowPfn, HighPfn, MiPageMdl, Zero, Out)) {
        return Count;
    }
    return MiAllocatePhysical(Count, LowPfn, HighPfn, MiPageMdl, Zero, Out);
}

static PMDL MiAllocatePagesForMdl(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                                  PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
                                  MEMORY_CACHING_TYPE CacheType, ULONG Flags, ULONG_PTR Caller)
{
    /* Argument validation: bad arguments give NULL, never a bug check. */
    if ((Flags & ~(ULONG)MI_MDL_ALLOC_FLAGS) != 0 || TotalBytes == 0 ||
        (SkipBytes.QuadPart & (PAGE_SIZE - 1)) != 0 ||
        (ULONGLONG)HighAddress.QuadPart < (ULONGLONG)LowAddress.QuadPart) {
        return NULL;
    }
    if ((Flags & MM_ALLOCATE_AND_HOT_REMOVE) &&
        ((Flags & MM_ALLOCATE_FULLY_REQUIRED) || MiCurrentIrql() != PASSIVE_LEVEL)) {
        return NULL;
    }
    uint64_t Skip = (uint64_t)SkipBytes.QuadPart;
    uint64_t Chunk = 0; /* pages per required contiguous block */
    uint64_t Align = 1; /* its alignment, in pages */
    bool Fully = (Flags & MM_ALLOCATE_FULLY_REQUIRED) != 0;
    bool Prefer = (Flags & MM_ALLOCATE_PREFER_CONTIGUOUS) != 0;
    if (Flags & MM_ALLOCATE_FAST_LARGE_PAGES) {
        if (!(Flags & MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS) || Skip == 0 ||
            Skip % MI_LARGE_PAGE_BYTES != 0) {
            return NULL;
        }
    }
    if (Flags & MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS) {
        Prefer = true;
        if (Skip == 0) {
            Fully = true; /* one block of everything, or nothing (below) */
        } else {
            if ((Skip & (Skip - 1)) != 0 || Skip < PAGE_SIZE || TotalBytes % Skip != 0) {
                return NULL;
            }
            Chunk = Align = Skip >> PAGE_SHIFT;
        }
    }
    uint64_t Bytes = (uint64_t)TotalBytes;
    if (Bytes > MI_MDL_MAX_BYTES) {
        Bytes = MI_MDL_MAX_BYTES; /* the per-call maximum: a short MDL */
        if (Chunk != 0) {
            Bytes -= Bytes % Skip;
        }
    }
    uint64_t Want = (Bytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
    MI_INJECT_RESULT Injected = MiInjectFaultAt(SimFaultAllocatePagesForMdl, 0, Caller);
    if (Injected == MiInjectFail) {
        return NULL;
    }
    if ((Flags & MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS) && Skip == 0) {
        Chunk = Want;
    }

    MiLock();
    /* Size the MDL for what can be had, not for a request memory cannot
     * meet: a 4 GB ask on a small machine must not need 8 MB of pool. */
    uint64_t Pages = Want < MiPhys.FreeCount ? Want : MiPhys.FreeCount;
    Pages = MiInjectShortPages(Pages);
    if (Injected == MiInjectShort) {
        Pages = Pages > 1 ? Pages / 2 : 1; /* an injected short result: half */
    }
    if (Pages == 0 || (Fully && Pages < Want)) {
        MiUnlock();
        return NULL;
    }
    /* The MDL first (Windows and ReactOS size it before taking pages): its
     * pool block may need a page of what is left. */
    PMDL Mdl = (PMDL)MiAllocatePoolInternal(false, sizeof(MDL) + Pages * sizeof(PFN_NUMBER),
                                            MI_TAG_MM_MDL, Caller, false);
    if (Mdl == NULL) {
        MiUnlock();
        return NULL;
    }
    /* The pages' indices are gathered in the MDL's own PFN array and made
     * PFNs in place: no host buffer that a stop on the way would leak. */
    _Static_assert(sizeof(MI_INDEX) == sizeof(PFN_NUMBER), "an index fits a PFN slot");
    MI_INDEX *Indices = (MI_INDEX *)MmGetMdlPfnArray(Mdl);
    bool Zero = !(Flags & MM_DONT_ZERO_ALLOCATION);
    uint64_t Got = 0;
    PFN_NUMBER Low = MiBytesToPfnFloor((ULONGLONG)LowAddress.QuadPart);
    PFN_NUMBER High = MiBytesToPfnFloor((ULONGLONG)HighAddress.QuadPart);
    if (Chunk != 0 || Skip == 0) {
        Got = MiAllocateWindow(Pages, Low, High, Chunk, Align, Prefer, Zero, Indices);
    } else {
        /* Windows' SkipBytes walk: [Low, High], then the same window moved
         * up by SkipBytes, until it starts above the last RAM page. */
        uint64_t SkipPages = Skip >> PAGE_SHIFT;
        for (PFN_NUMBER L = Low, H = High; Got < Pages && L <= MiPhys.HighestPfn;
             L += SkipPages, H += SkipPages) {
            Got += MiAllocateWindow(Pages - Got, L, H, 0, 1, Prefer, Zero, Indices + Got);
        }
    }
    if (Got == 0 || (Fully && Got < Want)) {
        for (uint64_t k = 0; k < Got; k++) {
            MiFreePhysical(Indices[k]);
        }
        MiFreePoolInternal(Mdl, MI_TAG_MM_MDL, true);
        MiUnlock();
        return NULL;
    }
    uint8_t Cache = (CacheType >= MmNonCached && CacheType <= MmWriteCombined)
                        ? (uint8_t)(CacheType + 1) : 0;
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    for (uint64_t k = 0; k < Got; k++) {
        MI_INDEX Index = Indices[k];
        MI_PFN *Entry = MiPfnEntry(Index);
        Entry->CacheType = Cache;
        Pfns[k] = MiIndexToPfn(Index);
        if (!Zero && MiConfig.Strict) {
            /* Verifier (Windows 8.1+): memory that would be uninitialised
             * is filled with a random pattern. */
            MiRandomFill(Index);
        }
    }
    for (uint64_t k = Got; k < Pages; k++) {
        Pfns[k] = MI_PFN_LIST_HEAD;
    }
    MiUnlock();
    Mdl->Next = NULL;
    Mdl->Size = (CSHORT)(sizeof(MDL) + Pages * sizeof(PFN_NUMBER));
    Mdl->MdlFlags = MDL_PAGES_LOCKED;
    Mdl->Process = NULL;
    Mdl->MappedSystemVa = NULL;
    Mdl->StartVa = NULL;
    Mdl->ByteOffset = 0;
    Mdl->ByteCount = (ULONG)(Got * PAGE_SIZE);
    return Mdl;
}

PMDL NTAPI MmAllocatePagesForMdl(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                                 PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocatePagesForMdl, DISPATCH_LEVEL, 0);
    return MiAllocatePagesForMdl(LowAddress, HighAddress, SkipBytes, TotalBytes, MmCached, 0,
                                 Caller);
}

PMDL NTAPI MmAllocatePagesForMdlEx(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                                   PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
                                   MEMORY_CACHING_TYPE CacheType, ULONG Flags)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocatePagesForMdlEx, DISPATCH_LEVEL, 0);
    return MiAllocatePagesForMdl(LowAddress, HighAddress, SkipBytes, TotalBytes, CacheType, Flags,
                                 Caller);
}

PMDL NTAPI MmAllocateNodePagesForMdlEx(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                                       PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
                                       MEMORY_CACHING_TYPE CacheType, ULONG IdealNode,
                                       ULONG Flags)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateNodePagesForMdlEx, DISPATCH_LEVEL, 0);
    /* One NUMA node (KeQueryHighestNodeNumber() is 0): the ideal node is a
     * preference, so another number falls back to node 0 - unless the caller
     * allows the ideal node only, which has no memory. */
    if (IdealNode != 0 && (Flags & MM_ALLOCATE_FROM_LOCAL_NODE_ONLY)) {
        return NULL;
    }
    return MiAllocatePagesForMdl(LowAddress, HighAddress, SkipBytes, TotalBytes, CacheType, Flags,
                                 Caller);
}

/* ---------------------------------------------------------------------- */
/* MmFreePagesFromMdl(Ex).                                                */
/* ---------------------------------------------------------------------- */
static void MiFreePagesFromMdl(PMDL Mdl, ULONG Flags)
{
    if ((Flags & ~(ULONG)MM_FREE_MDL_PAGES_ZERO) != 0 || (Mdl->ByteCount & (PAGE_SIZE - 1)) != 0) {
        KeBugCheckEx(MEMORY_MANAGEMENT, 0x1302, (ULONG_PTR)Mdl, Flags, Mdl->ByteCount);
    }
    MiLock();
    /* Windows 7+: a system mapping made for this MDL is released first. A
     * reserved mapping is not (only MmUnmapReservedMapping may undo it), so
     * such an MDL is still mapped below: 0x1A/0x1238. */
    if ((Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) && MiMdlHasOwnMapping(Mdl)) {
        MiUnmapLockedPages(Mdl->MappedSystemVa, Mdl);
    }
    if (Mdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_IO_SPACE)) {
        MiUnlock();
        KeBugCheckEx(MEMORY_MANAGEMENT, 0x1238, (ULONG_PTR)Mdl, (ULONG_PTR)(USHORT)Mdl->MdlFlags, 0);
    }
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    ULONG Pages = Mdl->ByteCount >> PAGE_SHIFT;
    /* Check every page before freeing any, so a caught stop leaves nothing
     * half-freed. A page listed twice is a double free too: pages seen are
     * marked while checking. */
    ULONG Bad = Pages, Checked = 0;
    ULONG_PTR BadCode = 0, BadState = 0, BadRefs = 0;
    for (ULONG i = 0; i < Pages; i++, Checked++) {
        MI_INDEX Index;
        if (Pfns[i] == MI_PFN_LIST_HEAD) {
            Pages = i; /* end of a short MDL */
            break;
        }
        if (!MiMdlSlotIndex(Pfns[i], &Index) || MiPfnEntry(Index)->State != MiPageMdl ||
            (MiPfnEntry(Index)->Flags & MI_PFN_FLAG_CHECKED)) {
            Bad = i;
            BadCode = 0x1236;
            break;
        }
        MI_PFN *Entry = MiPfnEntry(Index);
        if (Entry->LockCount != 0 || Entry->MapCount != 0) {
            Bad = i;
            BadCode = 0x9A;
            BadState = Entry->State;
            BadRefs = (ULONG_PTR)Entry->LockCount + Entry->MapCount;
            break;
        }
        Entry->Flags |= MI_PFN_FLAG_CHECKED;
    }
    for (ULONG i = 0; i < Checked; i++) {
        MI_INDEX Index;
        MiMdlSlotIndex(Pfns[i], &Index);
        MiPfnEntry(Index)->Flags &= (uint16_t)~MI_PFN_FLAG_CHECKED;
    }
    if (BadCode == 0x1236) {
        MiUnlock();
        KeBugCheckEx(MEMORY_MANAGEMENT, 0x1236, (ULONG_PTR)Mdl, (ULONG_PTR)&Pfns[Bad], Pfns[Bad]);
    }
    if (BadCode == 0x9A) {
        MiUnlock();
        KeBugCheckEx(PFN_LIST_CORRUPT, 0x9A, Pfns[Bad], BadState, BadRefs);
    }
    for (ULONG i = 0; i < Pages; i++) {
        MI_INDEX Index;
        MiMdlSlotIndex(Pfns[i], &Index);
        if (Flags & MM_FREE_MDL_PAGES_ZERO) {
            MiZeroPhysical(Index, 1);
            MiFreePhysicalZeroed(Index);
        } else {
            MiFreePhysical(Index);
        }
    }
    Mdl->MdlFlags &= (CSHORT)~MDL_PAGES_LOCKED;
    MiUnlock();
}

VOID NTAPI MmFreePagesFromMdl(PMDLX MemoryDescriptorList)
{
    MiDdiEnter(MiDdi_MmFreePagesFromMdl, DISPATCH_LEVEL, 0);
    MI_CHECK_MDL(MemoryDescriptorList);
    MiFreePagesFromMdl(MemoryDescriptorList, 0);
}

VOID NTAPI MmFreePagesFromMdlEx(PMDL MemoryDescriptorList, ULONG Flags)
{
    MiDdiEnter(MiDdi_MmFreePagesFromMdlEx, DISPATCH_LEVEL, 0);
    MI_CHECK_MDL(MemoryDescriptorList);
    MiFreePagesFromMdl(MemoryDescriptorList, Flags);
}

/* ---------------------------------------------------------------------- */
/* MmProbeAndLockPages / MmUnlockPages.                                    */
/* ---------------------------------------------------------------------- */
bool MiFaultInTransition(uint64_t Page);
/* userva: user memory (sim/mm/virtual.c). */
bool MiIsUserRange(uintptr_t Va, uintptr_t Length);
void MiProbeAndLockUserPages(PMDL Mdl, KPROCESSOR_MODE AccessMode, bool Write, ULONG_PTR Caller);
PVOID MiMapLockedPagesUser(PMDL Mdl, PVOID RequestedAddress, bool Writable, ULONG_PTR Caller);
void MiUnmapLockedPagesUser(PVOID BaseAddress, PMDL Mdl);
void MiUserReleaseOrphans(const PFN_NUMBER *Pfns, ULONG Count);

static void MiUnlockIndices(const PFN_NUMBER *Pfns, ULONG Count)
{
    for (ULONG i = 0; i < Count; i++) {
        MI_INDEX Index;
        if (MiMdlSlotIndex(Pfns[i], &Index) && MiPfnEntry(Index)->LockCount > 0) {
            MiPfnEntry(Index)->LockCount--;
        }
    }
}

VOID NTAPI MmProbeAndLockPages(PMDLX Mdl, KPROCESSOR_MODE AccessMode, LOCK_OPERATION Operation)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmProbeAndLockPages, (ULONG_PTR)Mdl, (ULONG_PTR)AccessMode);
    MI_CHECK_MDL(Mdl);
    const CSHORT Wrong = MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL | MDL_PARTIAL |
                         MDL_MAPPED_TO_SYSTEM_VA;
    if ((Mdl->MdlFlags & Wrong) && MiConfig.Strict) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xB0, (ULONG_PTR)Mdl,
                     (ULONG_PTR)(USHORT)Mdl->MdlFlags, (ULONG_PTR)(USHORT)(Mdl->MdlFlags & Wrong));
    }
    if (MiInjectFaultAt(SimFaultProbeAndLockPages, 0, Caller) != MiInjectNone) {
        ExRaiseStatus(STATUS_WORKING_SET_QUOTA); /* what a failed lock raises */
    }
    bool Write = Operation != IoReadAccess;
    /* MmGetMdlVirtualAddress in integers: StartVa may be NULL or anything. */
    uintptr_t MdlVa = (uintptr_t)Mdl->StartVa + Mdl->ByteOffset;
    if (AccessMode != KernelMode || MiIsUserRange(MdlVa, 1)) {
        /* User memory (userva: sim/mm/virtual.c); raises on failure. */
        MiProbeAndLockUserPages(Mdl, AccessMode, Write, Caller);
        Mdl->MdlFlags |= MDL_PAGES_LOCKED;
        Mdl->MdlFlags = (CSHORT)(Write ? Mdl->MdlFlags | MDL_WRITE_OPERATION
                                       : Mdl->MdlFlags & ~MDL_WRITE_OPERATION);
        return;
    }
    uintptr_t PageVa = MdlVa & ~(uintptr_t)(PAGE_SIZE - 1);
    ULONG Span = MiMdlSpan(Mdl);
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    KIRQL Irql = MiCurrentIrql();
    MiLock();
    for (ULONG i = 0; i < Span; i++) {
        void *At = (void *)(PageVa + (uintptr_t)i * PAGE_SIZE);
        NTSTATUS Failure = STATUS_SUCCESS;
        uint64_t Page = MiIsSystemVa(At) ? MiVaToPage(At) : UINT64_MAX;
        uint64_t Pte = Page != UINT64_MAX ? MiSpace.Pte[Page] : 0;
        if (Page != UINT64_MAX && MiIsTransitionPte(Page, Pte)) {
            if (Irql > APC_LEVEL) {
                /* The probe touches the page: a paged-out page at DISPATCH. */
                MiUnlockIndices(Pfns, i);
                MiUnlock();
                /* P1: the first byte the probe touches in that page. */
                ULONG_PTR Touched = i == 0 ? MdlVa : (ULONG_PTR)At;
                KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Touched, Irql,
                             Write ? 1 : 0, Caller);
            }
            if (!MiFaultInTransition(Page)) {
                Failure = STATUS_INSUFFICIENT_RESOURCES;
            }
            Pte = MiSpace.Pte[Page];
        }
        if (Failure == STATUS_SUCCESS && (!(Pte & MI_PTE_VALID) || (Write && !(Pte & MI_PTE_WRITE)))) {
            Failure = STATUS_ACCESS_VIOLATION;
        }
        if (Failure != STATUS_SUCCESS) {
            MiUnlockIndices(Pfns, i);
            MiUnlock();
            ExRaiseStatus(Failure);
        }
        MI_INDEX Index = MiPteIndex(Pte);
        MiPfnEntry(Index)->LockCount++;
        Pfns[i] = (PFN_NUMBER)MI_PTE_PFN(Pte);
    }
    MiUnlock();
    Mdl->Process = NULL;
    Mdl->MdlFlags |= MDL_PAGES_LOCKED;
    if (Write) {
        Mdl->MdlFlags |= MDL_WRITE_OPERATION;
    } else {
        Mdl->MdlFlags &= (CSHORT)~MDL_WRITE_OPERATION;
    }
}

VOID NTAPI MmUnlockPages(PMDLX Mdl)
{
    MiDdiEnter(MiDdi_MmUnlockPages, (ULONG_PTR)Mdl, 0);
    MI_CHECK_MDL(Mdl);
    ULONG_PTR Flags = (ULONG_PTR)(USHORT)Mdl->MdlFlags;
    if (MiConfig.Strict) {
        /* The specific misuse first: such MDLs are never "locked". */
        if (Mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x7D, (ULONG_PTR)Mdl, Flags, 0);
        }
        if (Mdl->MdlFlags & MDL_PARTIAL) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xB4, (ULONG_PTR)Mdl, Flags,
                         MDL_PARTIAL);
        }
        if (!(Mdl->MdlFlags & MDL_PAGES_LOCKED)) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x7C, (ULONG_PTR)Mdl, Flags, 0);
        }
    }
    MiLock();
    ULONG Span = MiMdlSpan(Mdl);
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    /* Underflow is checked for every page before anything changes. */
    for (ULONG i = 0; i < Span; i++) {
        MI_INDEX Index;
        if (!MiMdlSlotIndex(Pfns[i], &Index) || MiPfnEntry(Index)->LockCount == 0) {
            ULONG_PTR Shares = MiMdlSlotIndex(Pfns[i], &Index) ? MiPfnEntry(Index)->MapCount : 0;
            MiUnlock();
            KeBugCheckEx(PFN_LIST_CORRUPT, 0x07, Pfns[i], Shares, 0);
        }
    }
    if ((Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) && MiMdlHasOwnMapping(Mdl)) {
        MiUnmapLockedPages(Mdl->MappedSystemVa, Mdl);
    }
    MiUnlockIndices(Pfns, Span);
    MiUserReleaseOrphans(Pfns, Span); /* userva: user pages decommitted while locked */
    Mdl->MdlFlags &= (CSHORT)~MDL_PAGES_LOCKED;
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* MmMapLockedPagesSpecifyCache / MmUnmapLockedPages.                      */
/* ---------------------------------------------------------------------- */
PVOID NTAPI MmMapLockedPagesSpecifyCache(PMDLX Mdl, KPROCESSOR_MODE AccessMode,
                                         MEMORY_CACHING_TYPE CacheType, PVOID RequestedAddress,
                                         ULONG BugCheckOnFailure, ULONG Priority)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmMapLockedPagesSpecifyCache, (ULONG_PTR)Mdl, (ULONG_PTR)AccessMode);
    MI_CHECK_MDL(Mdl);
    ULONG_PTR Flags = (ULONG_PTR)(USHORT)Mdl->MdlFlags;
    if (AccessMode != KernelMode) {
        if (MiCurrentIrql() > APC_LEVEL) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x77, MiCurrentIrql(), (ULONG_PTR)Mdl,
                         (ULONG_PTR)AccessMode);
        }
        /* userva: into the current process's user range; raises on failure. */
        return MiMapLockedPagesUser(Mdl, RequestedAddress, !(Priority & MdlMappingNoWrite), Caller);
    }
    const CSHORT Mapped = MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED |
                          MDL_SOURCE_IS_NONPAGED_POOL;
    if (MiConfig.Strict) {
        if (BugCheckOnFailure) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x82, (ULONG_PTR)Mdl, Flags, 0);
        }
        if (Mdl->MdlFlags & Mapped) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xB2, (ULONG_PTR)Mdl, Flags,
                         (ULONG_PTR)(USHORT)(Mdl->MdlFlags & Mapped));
        }
        if (!(Mdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_PARTIAL))) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xB3, (ULONG_PTR)Mdl, Flags,
                         MDL_PAGES_LOCKED);
        }
    } else if (Mdl->MdlFlags & Mapped) {
        return Mdl->MappedSystemVa; /* the first mapping */
    }
    ULONG Span = MiMdlSpan(Mdl);
    if (Span == 0 || (ULONG)CacheType >= (ULONG)MmMaximumCacheType) {
        return NULL;
    }
    if (MiInjectFaultAt(SimFaultMapLockedPages, 0, Caller) != MiInjectNone) {
        return NULL; /* as when system PTEs run out (no bug check: injected) */
    }
    MI_INDEX *Indices = (MI_INDEX *)malloc((size_t)Span * sizeof(MI_INDEX));
    MiLock();
    ULONG Bad = 0;
    if (Indices != NULL && !MiMdlPagesMappable(Mdl, Span, Indices, &Bad)) {
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[Bad];
        MiUnlock();
        free(Indices);
        KeBugCheckEx(MEMORY_MANAGEMENT, 0x1233, Pfn, 0, 0);
    }
    uint64_t Page = UINT64_MAX;
    if (Indices != NULL) {
        Page = MiMapMdl(Mdl, Span, Indices, !(Priority & MdlMappingNoWrite), CacheType,
                        (Priority & MdlMappingWithGuardPtes) != 0, Caller);
    }
    uint64_t FreePtes = MiSpace.SystemPtes.FreeCount, TotalPtes = MiSpace.SystemPtes.Pages;
    MiUnlock();
    free(Indices);
    if (Page == UINT64_MAX) {
        if (BugCheckOnFailure && !(Mdl->MdlFlags & MDL_MAPPING_CAN_FAIL)) {
            KeBugCheckEx(NO_MORE_SYSTEM_PTES, 0, Span, (ULONG_PTR)FreePtes, (ULONG_PTR)TotalPtes);
        }
        return NULL;
    }
    uint8_t *Va = MiPageToVa(Page) + (Mdl->ByteOffset & (PAGE_SIZE - 1));
    Mdl->MappedSystemVa = Va;
    Mdl->MdlFlags |= MDL_MAPPED_TO_SYSTEM_VA;
    if (Mdl->MdlFlags & MDL_PARTIAL) {
        Mdl->MdlFlags |= MDL_PARTIAL_HAS_BEEN_MAPPED;
    }
    return Va;
}

VOID NTAPI MmUnmapLockedPages(PVOID BaseAddress, PMDL Mdl)
{
    MiDdiEnter(MiDdi_MmUnmapLockedPages, (ULONG_PTR)BaseAddress, (ULONG_PTR)Mdl);
    MI_CHECK_MDL(Mdl);
    if (MiIsUserRange((uintptr_t)BaseAddress, 1)) {
        MiUnmapLockedPagesUser(BaseAddress, Mdl); /* userva: a UserMode mapping */
        return;
    }
    if (MiConfig.Strict && !(Mdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED))) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xB6, (ULONG_PTR)Mdl,
                     (ULONG_PTR)(USHORT)Mdl->MdlFlags, MDL_MAPPED_TO_SYSTEM_VA);
    }
    MiUnmapLockedPages(BaseAddress, Mdl);
}

/* ---------------------------------------------------------------------- */
/* Queries, invariants, lifetime.                                          */
/* ---------------------------------------------------------------------- */
/* Checks every MDL mapping against the PTEs (invariant checker). Returns
 * the number of problems and appends them to Report. */
uint64_t MiCheckMdlMappings(char *Report, size_t Size)
{
    uint64_t Problems = 0;
    const MI_RANGE *Previous = NULL;
    for (const MI_RANGE *Range = MiRangeFirst(&MiMdlMappings); Range != NULL;
         Previous = Range, Range = MiRangeNext(&MiMdlMappings, Range)) {
        const MI_MDL_MAPPING *Mapping = (const MI_MDL_MAPPING *)Range->Data;
        for (uint64_t p = Range->FirstPage; p < Range->FirstPage + Range->Pages; p++) {
            bool InMapping = p >= Mapping->MapPage && p < Mapping->MapPage + Mapping->Pages;
            bool Valid = (MiSpace.Pte[p] & MI_PTE_VALID) != 0;
            if (Valid != InMapping || !MiVaIsAllocated(&MiSpace.SystemPtes, p)) {
                MiAppend(Report, Size, "MDL mapping at page %llu: page %llu is %s\n",
                         (unsigned long long)Mapping->MapPage, (unsigned long long)p,
                         !MiVaIsAllocated(&MiSpace.SystemPtes, p) ? "free VA"
                         : InMapping                              ? "not valid"
                                                                  : "a valid guard");
                Problems++;
                break;
            }
        }
        if (Previous != NULL && Previous->FirstPage + Previous->Pages > Range->FirstPage) {
            MiAppend(Report, Size, "MDL mappings overlap at page %llu\n",
                     (unsigned long long)Range->FirstPage);
            Problems++;
        }
    }
    return Problems;
}

ULONG MiQueryMdlMappings(ULONG64 *Pages)
{
    MiEnsureMachine();
    MiLock();
    ULONG Count = (ULONG)MiMdlMappings.Count;
    uint64_t Total = 0;
    for (const MI_RANGE *Range = MiRangeFirst(&MiMdlMappings); Range != NULL;
         Range = MiRangeNext(&MiMdlMappings, Range)) {
        Total += ((const MI_MDL_MAPPING *)Range->Data)->Pages;
    }
    MiUnlock();
    if (Pages != NULL) {
        *Pages = Total;
    }
    return Count;
}

static NTSTATUS MiMdlInit(const SIM_CONFIG *Config)
{
    memset(&MiMdlMappings, 0, sizeof(MiMdlMappings));
    (void)Config;
    MiFillState = MiSeed ^ 0x4D646C46696C6C00ull; /* "MdlFill" */
    return STATUS_SUCCESS;
}

static void MiMdlTeardown(void)
{
    MiRangeFreeAll(&MiMdlMappings, true);
}

static bool MiMdlIsClean(char *Report, size_t Size)
{
    if (MiMdlMappings.Count == 0) {
        return true;
    }
    const MI_MDL_MAPPING *First = (const MI_MDL_MAPPING *)MiRangeFirst(&MiMdlMappings)->Data;
    char Caller[256];
    MiAppend(Report, Size,
             "%llu MDL mapping(s) still in system PTEs (first: %p, %llu page(s), MDL %p, mapped "
             "from %s)\n",
             (unsigned long long)MiMdlMappings.Count, (void *)MiPageToVa(First->MapPage),
             (unsigned long long)First->Pages, (void *)First->Mdl,
             HostDescribeFrame((void *)First->Caller, Caller, sizeof(Caller)));
    return false;
}

const MI_SUBSYSTEM MiMdlSubsystem = {"MDLs", MiMdlInit, MiMdlTeardown, MiMdlIsClean};
