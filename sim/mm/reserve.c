/*
 * reserve.c - reserved mappings: MmAllocateMappingAddress(Ex),
 * MmFreeMappingAddress, MmMapLockedPagesWithReservedMapping and
 * MmUnmapReservedMapping, under the two profiles of docs/architecture.md 3
 * (MmGetSystemRoutineAddress, by which drivers find out which of them exist,
 * is in sim/ex/exports.c).
 *
 * Facts: docs/ddi-contract.md 1.1-1.5 (the DDIs, modern evaluation order), 3.1 (0xDA
 * sub-codes per implementation), 4.1 (header PTEs), 4.2 (modern records) and
 * 5 (what real Windows does, per the ReactOS kernel-mode test). Every choice
 * where those say UNCONFIRMED is listed in docs/reserved-mappings.md.
 *
 * modern (Windows 10 2004+): a reservation is an out-of-band record - a
 * 0x30-byte non-paged pool node tagged "Mirm" laid out as ddi-contract 4.2 says,
 * kept in a range table (a balanced tree: lookup by any page inside, O(log n)); its
 * PTEs are all zero while unmapped; tags compare exactly; DIVISIBLE decides
 * between sub-range mapping and "everything at the base".
 *
 * nt5 (Server 2003; ReactOS): N + 2 PTEs, the first two invalid and holding
 * the size (N + 2) and the tag with bit 0 cleared, in the encoding of the
 * selected Windows generation. The DDIs read only those header PTEs, as the
 * header builds do, so an interior address reads data PTEs as a header. The
 * simulator still keeps a record of every reservation, but under nt5 only for
 * itself (MiIsReservedPage, the invariant checker, SimIsClean, queries, and
 * to stop instead of corrupting PTEs when a garbage header happens to pass).
 */
#include <stdlib.h>

#include "../config.h"
#include "mi_mm.h"
#include "../host/host.h"

/* Pool tag of the modern tracking node: the bytes "Mirm" (ddi-contract 4.2). */
#define MI_TAG_MAPPING_NODE 'mriM'

/* The modern node, in simulated non-paged pool, laid out as ddi-contract 4.2
 * records it. mmsim keeps the links zero: its range table is the tree. */
typedef struct _MI_MAPPING_NODE {
    ULONG_PTR Links[3]; /* +0x00 balanced-tree left, right, parent */
    ULONG_PTR BaseVa;   /* +0x18 */
    ULONG64 Pages;      /* +0x20 N */
    ULONG Tag;          /* +0x28 full 32-bit owner tag */
    ULONG Flags;        /* +0x2C bit 0 = MM_MAPPING_ADDRESS_DIVISIBLE */
} MI_MAPPING_NODE;
_Static_assert(sizeof(MI_MAPPING_NODE) == 0x30, "ddi-contract 4.2: 0x30-byte node");

typedef struct _MI_RESERVATION {
    uint64_t FirstPage;  /* first PTE reserved (nt5: the size header PTE) */
    uint64_t TotalPages; /* PTEs reserved: N, or N + 2 under nt5 */
    uint64_t BasePage;   /* page of the address returned */
    uint64_t Pages;      /* N */
    ULONG Tag;           /* as the caller gave it */
    ULONG Flags;
    SIM_NT5_HEADER_FORMAT Format; /* nt5 header encoding */
    MI_MAPPING_NODE *Node;        /* modern only */
    ULONG_PTR Caller;
} MI_RESERVATION;

static MI_RANGE_TABLE MiReservations; /* keyed by FirstPage, TotalPages */
static SIM_NT5_HEADER_FORMAT MiNt5Format;

/* ---------------------------------------------------------------------- */
/* Records.                                                               */
/* ---------------------------------------------------------------------- */
static MI_RESERVATION *MiFindReservation(uint64_t Page)
{
    MI_RANGE *Range = MiRangeFind(&MiReservations, Page);
    return Range != NULL ? (MI_RESERVATION *)Range->Data : NULL;
}

/* The reservation whose PTEs include Va's page, or NULL (also for an address
 * outside system space). */
static MI_RESERVATION *MiFindReservationVa(const void *Va)
{
    return MiIsSystemVa(Va) ? MiFindReservation(MiVaToPage(Va)) : NULL;
}

bool MiIsReservedPage(uint64_t Page)
{
    return MiFindReservation(Page) != NULL;
}

bool MiIsReservationHeaderPage(uint64_t Page)
{
    const MI_RESERVATION *Reservation = MiFindReservation(Page);
    return Reservation != NULL && Page < Reservation->BasePage;
}

static bool MiIsNt5(void)
{
    return MiConfig.Profile == SimProfileNt5;
}

static uint64_t MiBytesToPages(SIZE_T Bytes)
{
    /* BYTES_TO_PAGES, which cannot wrap near the top of the range. */
    return ((uint64_t)Bytes >> PAGE_SHIFT) + (((uint64_t)Bytes & (PAGE_SIZE - 1)) != 0);
}

static uint64_t MiValidPtes(uint64_t Page, uint64_t Count)
{
    uint64_t Valid = 0;
    for (uint64_t p = MiNextNonZeroPte(Page, Page + Count); p < Page + Count;
         p = MiNextNonZeroPte(p + 1, Page + Count)) {
        Valid += (MiSpace.Pte[p] & MI_PTE_VALID) != 0;
    }
    return Valid;
}

/* ---------------------------------------------------------------------- */
/* nt5 header PTEs (ddi-contract 4.1).                                    */
/* ---------------------------------------------------------------------- */
static uint64_t MiNt5TagPte(ULONG Tag, SIM_NT5_HEADER_FORMAT Format)
{
    uint64_t Cleared = Tag & ~1u; /* bit 0 is the Valid bit: always clear */
    switch (Format) {
    case SimNt5HeaderVista: return (Cleared + 1) << 32;
    case SimNt5HeaderWin8: return (Cleared + 1) << 28;
    default: return Cleared;
    }
}

static uint64_t MiNt5SizePte(uint64_t TotalPages, SIM_NT5_HEADER_FORMAT Format)
{
    switch (Format) {
    case SimNt5HeaderVista: return TotalPages << 32; /* MMPTE_LIST.NextEntry */
    case SimNt5HeaderWin8: return TotalPages << 28;
    default: return TotalPages << 1;
    }
}

static uint64_t MiNt5SizeField(uint64_t Pte, SIM_NT5_HEADER_FORMAT Format)
{
    switch (Format) {
    case SimNt5HeaderVista: return Pte >> 32;
    case SimNt5HeaderWin8: return Pte >> 28;
    default: return Pte >> 1;
    }
}

/* The PTE Back pages below Va's page, as a header build reads it. mmsim's
 * choice: a PTE outside simulated system space reads as zero. */
static uint64_t MiPteBelow(const void *Va, uint64_t Back)
{
    if (!MiIsSystemVa(Va)) {
        return 0;
    }
    uint64_t Page = MiVaToPage(Va);
    return Page >= Back ? MiSpace.Pte[Page - Back] : 0;
}

static ULONG_PTR MiPteAddress(uint64_t Page)
{
    return (ULONG_PTR)&MiSpace.Pte[Page];
}

/* The header of the reservation that starts at Va's page, as Server 2003
 * reads it. Returns the reservation if the header passes the tag and size
 * checks; otherwise bug checks with TagCode (tag mismatch: Parameter 4 = the
 * tag PTE) or EmptyCode (size field below 3: Parameter 4 = the caller, as
 * ReactOS passes it). A garbage header that passes both checks (the PTE
 * below happens to equal the tag's encoding - an empty data PTE does for
 * tags 0 and 1 in the Server 2003 format - and the one below that decodes to
 * 3 or more) would make Windows go on with a garbage size and write PTEs it
 * does not own; mmsim stops with EmptyCode instead. */
static MI_RESERVATION *MiNt5Header(const void *Va, ULONG Tag, ULONG_PTR TagCode,
                                   ULONG_PTR EmptyCode, ULONG_PTR Caller)
{
    uint64_t TagPte = MiPteBelow(Va, 1);
    uint64_t SizePte = MiPteBelow(Va, 2);
    if (TagPte != MiNt5TagPte(Tag, MiNt5Format)) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, TagCode, (ULONG_PTR)Va, Tag, (ULONG_PTR)TagPte);
    }
    MI_RESERVATION *Reservation = MiFindReservationVa(Va);
    if (MiNt5SizeField(SizePte, MiNt5Format) < 3 || Reservation == NULL ||
        Reservation->BasePage != MiVaToPage(Va)) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, EmptyCode, (ULONG_PTR)Va, Tag, Caller);
    }
    return Reservation;
}

/* ---------------------------------------------------------------------- */
/* MmAllocateMappingAddress(Ex).                                          */
/* ---------------------------------------------------------------------- */
static PVOID MiReserveModern(SIZE_T Bytes, ULONG Tag, ULONG Flags, ULONG_PTR Caller)
{
    /* ddi-contract 1.2, in this order. */
    if ((Flags & ~(ULONG)MM_MAPPING_ADDRESS_DIVISIBLE) != 0) {
        return NULL;
    }
    uint64_t Pages = MiBytesToPages(Bytes);
    if (Pages == 0) {
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x100, 0, Tag, Caller);
    }
    if (Tag == 0 || Pages >= (1ull << 32)) {
        return NULL;
    }
    MiLock();
    MI_MAPPING_NODE *Node = (MI_MAPPING_NODE *)MiAllocatePoolForMm(
        sizeof(MI_MAPPING_NODE), MI_TAG_MAPPING_NODE, Caller);
    MI_RESERVATION *Reservation = (MI_RESERVATION *)calloc(1, sizeof(*Reservation));
    uint64_t First = UINT64_MAX;
    if (Node != NULL && Reservation != NULL) {
        First = MiVaAllocate(&MiSpace.SystemPtes, Pages);
    }
    if (First != UINT64_MAX &&
        !MiRangeInsert(&MiReservations, First, Pages, Reservation)) {
        MiVaFree(&MiSpace.SystemPtes, First, Pages);
        First = UINT64_MAX;
    }
    if (First == UINT64_MAX) {
        if (Node != NULL) {
            MiFreePoolInternal(Node, MI_TAG_MAPPING_NODE, true);
        }
        free(Reservation);
        MiUnlock();
        return NULL;
    }
    MiClearPtes(First, Pages); /* scale: writes only what is not zero */
    *Reservation = (MI_RESERVATION){First, Pages, First, Pages, Tag, Flags, MiNt5Format, Node,
                                    Caller};
    memset(Node, 0, sizeof(*Node));
    Node->BaseVa = (ULONG_PTR)MiPageToVa(First);
    Node->Pages = Pages;
    Node->Tag = Tag;
    Node->Flags = Flags;
    MiUnlock();
    return MiPageToVa(First);
}

static PVOID MiReserveNt5(SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller)
{
    /* ddi-contract 4.1 (ReactOS order): the tag before the size. */
    if (Tag == 0) {
        return NULL;
    }
    uint64_t Pages = MiBytesToPages(Bytes);
    if (Pages == 0) {
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x100, 0, Tag, Caller);
    }
    if (Pages > 0xFFFFFFFFull - 2) {
        return NULL; /* N + 2 must fit every header encoding */
    }
    MiLock();
    MI_RESERVATION *Reservation = (MI_RESERVATION *)calloc(1, sizeof(*Reservation));
    uint64_t First = Reservation != NULL ? MiVaAllocate(&MiSpace.SystemPtes, Pages + 2)
                                         : UINT64_MAX;
    if (First != UINT64_MAX &&
        !MiRangeInsert(&MiReservations, First, Pages + 2, Reservation)) {
        MiVaFree(&MiSpace.SystemPtes, First, Pages + 2);
        First = UINT64_MAX;
    }
    if (First == UINT64_MAX) {
        free(Reservation);
        MiUnlock();
        return NULL;
    }
    *Reservation = (MI_RESERVATION){First, Pages + 2, First + 2, Pages, Tag, 0, MiNt5Format,
                                    NULL, Caller};
    MiSpaceTouch(First, 2); /* scale: PTE walks look here */
    MiSpace.Pte[First] = MiNt5SizePte(Pages + 2, MiNt5Format);
    MiSpace.Pte[First + 1] = MiNt5TagPte(Tag, MiNt5Format);
    MiWrittenMarkRange(&MiPteWritten, First, 2); /* fuzz22 */
    MiClearPtes(First + 2, Pages);
    MiUnlock();
    return MiPageToVa(First + 2);
}

PVOID NTAPI MmAllocateMappingAddress(SIZE_T NumberOfBytes, ULONG PoolTag)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmAllocateMappingAddress, 0, Caller);
    /* Driver Verifier's thunk may fail the call before the routine runs
     * (ddi-contract 1.1, 6.1). */
    if (MiInjectFault(SimFaultAllocateMappingAddress)) {
        return NULL;
    }
    /* Modern: a thin wrapper around the Ex routine with Flags 0 (ddi-contract 1.1). */
    return MiIsNt5() ? MiReserveNt5(NumberOfBytes, PoolTag, Caller)
                     : MiReserveModern(NumberOfBytes, PoolTag, 0, Caller);
}

PVOID NTAPI MmAllocateMappingAddressEx(SIZE_T NumberOfBytes, ULONG PoolTag, ULONG Flags)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiEnsureMachine();
    MiRefuseIfStopped("MmAllocateMappingAddressEx");
    if (MiIsNt5()) {
        /* The routine does not exist before Windows 10 2004: a driver that
         * imports it does not load on Server 2003. mmsim fails the call
         * loudly instead; drivers that want both find it with
         * MmGetSystemRoutineAddress, which returns NULL under nt5. */
        MiWriteStderr("mmsim: MmAllocateMappingAddressEx does not exist under the nt5 profile "
                      "(Server 2003 header-PTE reservations): it returns NULL. Use "
                      "MmAllocateMappingAddress, look the routine up with "
                      "MmGetSystemRoutineAddress first, or run with MMSIM_PROFILE=modern.\n");
        return NULL;
    }
    MiDdiEnter(MiDdi_MmAllocateMappingAddressEx, 0, Caller);
    if (MiInjectFault(SimFaultAllocateMappingAddress)) {
        return NULL;
    }
    return MiReserveModern(NumberOfBytes, PoolTag, Flags, Caller);
}

/* ---------------------------------------------------------------------- */
/* MmFreeMappingAddress.                                                  */
/* ---------------------------------------------------------------------- */
static void MiRelease(MI_RESERVATION *Reservation)
{
    MiClearPtes(Reservation->FirstPage, Reservation->TotalPages);
    MiVaFree(&MiSpace.SystemPtes, Reservation->FirstPage, Reservation->TotalPages);
    MiRangeRemove(&MiReservations, Reservation->FirstPage);
    if (Reservation->Node != NULL) {
        MiFreePoolInternal(Reservation->Node, MI_TAG_MAPPING_NODE, true);
    }
    free(Reservation);
}

VOID NTAPI MmFreeMappingAddress(PVOID BaseAddress, ULONG PoolTag)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmFreeMappingAddress, 0, Caller);
    MiLock();
    MI_RESERVATION *Reservation;
    if (MiIsNt5()) {
        Reservation = MiNt5Header(BaseAddress, PoolTag, 0x101, 0x102, Caller);
        { /* scale: only PTEs that are not zero are looked at */
            uint64_t End = Reservation->BasePage + Reservation->Pages;
            if (MiNextNonZeroPte(Reservation->BasePage, End) < End) {
                uint64_t Pages = Reservation->Pages;
                ULONG_PTR Header = MiPteAddress(Reservation->FirstPage);
                MiUnlock();
                KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x103, Header, PoolTag, (ULONG_PTR)Pages);
            }
        }
    } else {
        /* ddi-contract 1.3 "Modern Windows actual codes": any address inside
         * the reservation is accepted. */
        Reservation = MiFindReservationVa(BaseAddress);
        if (Reservation == NULL) {
            MiUnlock();
            KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x106, (ULONG_PTR)BaseAddress, PoolTag, 0);
        }
        if (Reservation->Tag != PoolTag) {
            MiUnlock();
            KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x102, (ULONG_PTR)BaseAddress, PoolTag, 0);
        }
        { /* scale: only PTEs that are not zero are looked at */
            uint64_t End = Reservation->BasePage + Reservation->Pages;
            if (MiNextNonZeroPte(Reservation->BasePage, End) < End) {
                ULONG_PTR Base = (ULONG_PTR)MiPageToVa(Reservation->BasePage);
                uint64_t Pages = Reservation->Pages;
                MiUnlock();
                KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x103, Base, PoolTag, (ULONG_PTR)Pages);
            }
        }
    }
    MiRelease(Reservation);
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* MmMapLockedPagesWithReservedMapping.                                   */
/* ---------------------------------------------------------------------- */
/* Cache attribute of the PTEs: CacheType is used only for pages without a
 * cache type of their own (ddi-contract 1.4); pool pages are always cached. */
static MEMORY_CACHING_TYPE MiReservedCacheType(const MI_INDEX *Indices, ULONG Span,
                                               MEMORY_CACHING_TYPE CacheType)
{
    for (ULONG i = 0; i < Span; i++) {
        uint8_t State = MiPfnEntry(Indices[i])->State;
        if (State != MiPageNonPagedPool && State != MiPagePagedPool) {
            return CacheType;
        }
    }
    return MmCached;
}

/* Windows 8 and later: the pages a mapping of Span pages at MappingAddress
 * takes (*Start), after the reservation's checks (ddi-contract 1.4). Called
 * with the lock held; a bug check drops it first; false (lock still held)
 * means the DDI returns NULL. */
static bool MiReservedMapTarget(PVOID MappingAddress, ULONG PoolTag, ULONG Span, uint64_t *Start)
{
    MI_RESERVATION *Reservation = MiFindReservationVa(MappingAddress);
    if (Reservation == NULL) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x106, (ULONG_PTR)MappingAddress, PoolTag, 1);
    }
    if (Reservation->Tag != PoolTag) {
        ULONG Owner = Reservation->Tag;
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x104, (ULONG_PTR)MappingAddress, PoolTag, Owner);
    }
    uint64_t End = Reservation->BasePage + Reservation->Pages;
    uint64_t CheckFirst, CheckCount;
    if (Reservation->Flags & MM_MAPPING_ADDRESS_DIVISIBLE) {
        if (BYTE_OFFSET(MappingAddress) != 0) {
            return false;
        }
        *Start = MiVaToPage(MappingAddress);
        CheckFirst = *Start;
        CheckCount = Span;
    } else {
        /* Any interior address maps at the base (Windows 8+: Mapping + 4
         * comes back as ALIGN_DOWN_BY(Mapping + 4, 16) == Mapping), and
         * every PTE of the reservation must be empty. */
        *Start = Reservation->BasePage;
        CheckFirst = *Start;
        CheckCount = Reservation->Pages;
    }
    if (Span == 0 || Span > End - *Start) {
        return false;
    }
    for (uint64_t k = 0; k < CheckCount; k++) {
        if (MiSpace.Pte[CheckFirst + k] != 0) {
            ULONG_PTR Offending = MiPteAddress(CheckFirst + k);
            ULONG_PTR Last = MiPteAddress(CheckFirst + CheckCount - 1);
            MiUnlock();
            KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x107, (ULONG_PTR)MiPageToVa(*Start), Offending, Last);
        }
    }
    return true;
}

PVOID NTAPI MmMapLockedPagesWithReservedMapping(PVOID MappingAddress, ULONG PoolTag,
                                                PMDL MemoryDescriptorList,
                                                MEMORY_CACHING_TYPE CacheType)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmMapLockedPagesWithReservedMapping, 0, Caller);
    MiCheckDriverPointer(MemoryDescriptorList, offsetof(MDL, ByteCount), false, Caller);
    PMDL Mdl = MemoryDescriptorList;
    /* ddi-contract 1.4, modern order: span, cache type, lookup, tag, range. */
    ULONG Span = MiMdlSpan(Mdl);
    if ((ULONG)CacheType >= (ULONG)MmMaximumCacheType) {
        return NULL;
    }
    MiLock();
    uint64_t Start;      /* first page mapped */
    PUCHAR MappedVa;     /* MappedSystemVa: the address used, without the byte offset */
    if (MiIsNt5()) {
        MI_RESERVATION *Reservation = MiNt5Header(MappingAddress, PoolTag, 0x104, 0x105, Caller);
        if (Span == 0 || Span > Reservation->Pages) {
            MiUnlock();
            return NULL;
        }
        Start = Reservation->BasePage;
        /* Before Windows 8 the address is used as given (KMT: Mapping + 4
         * comes back as Mapping + 4). */
        MappedVa = (PUCHAR)MappingAddress;
    } else {
        if (!MiReservedMapTarget(MappingAddress, PoolTag, Span, &Start)) {
            MiUnlock();
            return NULL;
        }
        MappedVa = MiPageToVa(Start);
    }
    /* Each PFN must be a page a driver may map; otherwise NULL, no stop
     * (ddi-contract 1.4 step 9). */
    MI_INDEX *Indices = (MI_INDEX *)malloc((size_t)Span * sizeof(MI_INDEX));
    ULONG Bad = 0;
    if (Indices == NULL || !MiMdlPagesMappable(Mdl, Span, Indices, &Bad)) {
        MiUnlock();
        free(Indices);
        return NULL;
    }
    if (MiIsNt5() && MiValidPtes(Start, Span) != 0) {
        /* No double-map check in the header scheme (ddi-contract 4.1): the
         * new PTEs replace the old ones; the old MDL still believes it is
         * mapped there. A replacement the mapping budget cannot take
         * fails before the old PTEs go. */
        if (!MiMapPagesFits(Start, Indices, Span)) {
            MiUnlock();
            free(Indices);
            return NULL;
        }
        MiUnmapPages(Start, Span);
    }
    bool Mapped = MiMapPages(Start, Indices, Span, true,
                             MiReservedCacheType(Indices, Span, CacheType));
    free(Indices);
    if (!Mapped) {
        MiUnlock(); /* the host refused the mapping */
        return NULL;
    }
    Mdl->MappedSystemVa = MappedVa;
    Mdl->MdlFlags |= MDL_MAPPED_TO_SYSTEM_VA;
    if (Mdl->MdlFlags & MDL_PARTIAL) {
        Mdl->MdlFlags |= MDL_PARTIAL_HAS_BEEN_MAPPED;
    }
    MiUnlock();
    return MappedVa + (Mdl->ByteOffset & (PAGE_SIZE - 1));
}

/* ---------------------------------------------------------------------- */
/* MmUnmapReservedMapping.                                                */
/* ---------------------------------------------------------------------- */
VOID NTAPI MmUnmapReservedMapping(PVOID BaseAddress, ULONG PoolTag, PMDL MemoryDescriptorList)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmUnmapReservedMapping, 0, Caller);
    MiCheckDriverPointer(MemoryDescriptorList, offsetof(MDL, ByteCount), false, Caller);
    PMDL Mdl = MemoryDescriptorList;
    ULONG Span = MiMdlSpan(Mdl);
    MiLock();
    if (MiIsNt5()) {
        MI_RESERVATION *Reservation = MiNt5Header(BaseAddress, PoolTag, 0x108, 0x109, Caller);
        uint64_t Count = Span;
        if (Count > Reservation->Pages) {
            /* No 0x10A in the header scheme. Server 2003 would zero the PTEs
             * after the reservation too; mmsim zeroes only its own and says so. */
            DbgPrint("mmsim(nt5): MmUnmapReservedMapping(%p): the MDL spans %lu pages but the "
                     "reservation has %llu; Server 2003 would also zero the %llu PTE(s) after it\n",
                     BaseAddress, (ULONG)Span, (unsigned long long)Reservation->Pages,
                     (unsigned long long)(Count - Reservation->Pages));
            Count = Reservation->Pages;
        }
        if (Count > 0) {
            MiUnmapPages(Reservation->BasePage, Count);
        }
        Mdl->MdlFlags &= (CSHORT) ~(MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED |
                                    MDL_FREE_EXTRA_PTES);
        MiUnlock();
        return;
    }
    /* ddi-contract 1.5 "Modern behaviour", in this order. */
    MI_RESERVATION *Reservation = MiFindReservationVa(BaseAddress);
    if (Reservation == NULL) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x106, (ULONG_PTR)BaseAddress, PoolTag, 2);
    }
    if (Reservation->Tag != PoolTag) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x102, (ULONG_PTR)BaseAddress, PoolTag, Span);
    }
    bool Divisible = (Reservation->Flags & MM_MAPPING_ADDRESS_DIVISIBLE) != 0;
    uint64_t End = Reservation->BasePage + Reservation->Pages;
    uint64_t Start = Divisible ? MiVaToPage(BaseAddress) : Reservation->BasePage;
    ULONG_PTR Base = Divisible ? (ULONG_PTR)BaseAddress : (ULONG_PTR)MiPageToVa(Start);
    if (Span > End - Start) {
        uint64_t Pages = Reservation->Pages;
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x10A, Base, (ULONG_PTR)Pages, Span);
    }
    if (MiValidPtes(Start, Span) != Span) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x10B, Base, PoolTag, Span);
    }
    if (Span > 0) {
        MiUnmapPages(Start, Span);
    }
    if (!Divisible) {
        for (uint64_t Page = Start + Span; Page < End; Page++) {
            if (MiSpace.Pte[Page] != 0) {
                MiUnlock();
                KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x10C, Base, PoolTag, Span);
            }
        }
    }
    Mdl->MdlFlags &= (CSHORT) ~(MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED);
    if (Mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL) {
        Mdl->MappedSystemVa = (PVOID)((uintptr_t)Mdl->StartVa + Mdl->ByteOffset);
    }
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* Queries.                                                               */
/* ---------------------------------------------------------------------- */
static void MiDescribe(const MI_RESERVATION *Reservation, SIM_RESERVATION_INFO *Info)
{
    memset(Info, 0, sizeof(*Info));
    Info->Base = MiPageToVa(Reservation->BasePage);
    Info->Pages = Reservation->Pages;
    Info->Tag = Reservation->Tag;
    Info->Flags = Reservation->Flags;
    Info->MappedPages = MiValidPtes(Reservation->BasePage, Reservation->Pages);
    Info->HeaderPtes = (ULONG)(Reservation->BasePage - Reservation->FirstPage);
    Info->Caller = (PVOID)Reservation->Caller;
}

BOOLEAN MiQueryReservation(PVOID Va, SIM_RESERVATION_INFO *Info)
{
    MiEnsureMachine();
    MiLock();
    const MI_RESERVATION *Reservation = MiFindReservationVa(Va);
    if (Reservation != NULL) {
        MiDescribe(Reservation, Info);
    } else {
        memset(Info, 0, sizeof(*Info));
    }
    MiUnlock();
    return Reservation != NULL ? TRUE : FALSE;
}

ULONG MiEnumReservations(SIM_RESERVATION_INFO *Infos, ULONG Max)
{
    MiEnsureMachine();
    MiLock();
    ULONG Count = (ULONG)MiReservations.Count;
    const MI_RANGE *Range = MiRangeFirst(&MiReservations);
    for (ULONG i = 0; Infos != NULL && i < Count && i < Max; i++) {
        MiDescribe((const MI_RESERVATION *)Range->Data, &Infos[i]);
        Range = MiRangeNext(&MiReservations, Range);
    }
    MiUnlock();
    return Count;
}

PVOID MiQueryPteAddress(PVOID Va)
{
    MiEnsureMachine();
    return MiIsSystemVa(Va) ? (PVOID)MiPteAddress(MiVaToPage(Va)) : NULL;
}

NTSTATUS MiSetNt5HeaderFormat(SIM_NT5_HEADER_FORMAT Format)
{
    if (Format != SimNt5HeaderServer2003 && Format != SimNt5HeaderVista &&
        Format != SimNt5HeaderWin8) {
        return STATUS_INVALID_PARAMETER;
    }
    MiEnsureMachine();
    MiLock();
    NTSTATUS Status = STATUS_SUCCESS;
    if (MiReservations.Count != 0) {
        Status = STATUS_INVALID_DEVICE_STATE; /* live headers keep their encoding */
    } else {
        MiNt5Format = Format;
    }
    MiUnlock();
    return Status;
}

SIM_NT5_HEADER_FORMAT MiGetNt5HeaderFormat(VOID)
{
    MiEnsureMachine();
    MiLock();
    SIM_NT5_HEADER_FORMAT Format = MiNt5Format;
    MiUnlock();
    return Format;
}

/* ---------------------------------------------------------------------- */
/* Invariants (called by SimCheckInvariants with the lock held).          */
/* ---------------------------------------------------------------------- */
uint64_t MiCheckReservations(char *Report, size_t Size)
{
    uint64_t Problems = 0;
    const MI_RANGE *Previous = NULL;
    for (const MI_RANGE *Range = MiRangeFirst(&MiReservations); Range != NULL;
         Previous = Range, Range = MiRangeNext(&MiReservations, Range)) {
        const MI_RESERVATION *Reservation = (const MI_RESERVATION *)Range->Data;
        void *Base = MiPageToVa(Reservation->BasePage);
        if (Range->FirstPage != Reservation->FirstPage ||
            Range->Pages != Reservation->TotalPages ||
            Reservation->BasePage + Reservation->Pages !=
                Reservation->FirstPage + Reservation->TotalPages) {
            MiAppend(Report, Size, "reservation %p: record and range table disagree\n", Base);
            Problems++;
            continue;
        }
        if (Previous != NULL && Previous->FirstPage + Previous->Pages > Range->FirstPage) {
            MiAppend(Report, Size, "reservations overlap at %p\n", Base);
            Problems++;
        }
        /* The first page that breaks either rule (fuzz22: the two rules a
         * word of the VA bitmap and a PTE at a time, not two calls a page;
         * the invariant checker runs this after every call). */
        const MI_VA_ALLOCATOR *Sys = &MiSpace.SystemPtes;
        uint64_t End = Reservation->BasePage + Reservation->Pages;
        uint64_t NotVa = End, NotPte = End;
        if (Reservation->FirstPage < Sys->FirstPage || End > Sys->FirstPage + Sys->Pages) {
            NotVa = Reservation->FirstPage < Sys->FirstPage ? Reservation->FirstPage
                                                            : Sys->FirstPage + Sys->Pages;
        }
        for (uint64_t p = Reservation->FirstPage; p < NotVa;) {
            uint64_t i = p - Sys->FirstPage;
            uint64_t Word = Sys->UsedBits[i >> 6] >> (i & 63);
            uint64_t n = 64 - (i & 63) < NotVa - p ? 64 - (i & 63) : NotVa - p;
            uint64_t Want = n == 64 ? ~0ull : (1ull << n) - 1;
            if ((Word & Want) != Want) {
                NotVa = p + (uint64_t)__builtin_ctzll(~Word & Want);
                break;
            }
            p += n;
        }
        for (uint64_t p = Reservation->BasePage; p < NotVa && p < End; p++) {
            uint64_t Pte = MiSpace.Pte[p];
            if (Pte != 0 && !(Pte & MI_PTE_VALID)) {
                NotPte = p;
                break;
            }
        }
        if (NotVa < End && NotVa <= NotPte) {
            MiAppend(Report, Size, "reservation %p: page %p is not allocated system-PTE VA\n",
                     Base, (void *)MiPageToVa(NotVa));
            Problems++;
        } else if (NotPte < End) {
            MiAppend(Report, Size, "reservation %p: data PTE of %p is 0x%llx, neither empty "
                     "nor valid\n", Base, (void *)MiPageToVa(NotPte),
                     (unsigned long long)MiSpace.Pte[NotPte]);
            Problems++;
        }
        if (Reservation->Node != NULL) {
            /* modern: the pool node still describes the reservation. */
            const MI_MAPPING_NODE *Node = Reservation->Node;
            ULONG Tag = 0;
            if (MiPoolBlockSize(Node, &Tag) < sizeof(*Node) || Tag != MI_TAG_MAPPING_NODE ||
                Node->BaseVa != (ULONG_PTR)Base || Node->Pages != Reservation->Pages ||
                Node->Tag != Reservation->Tag || Node->Flags != Reservation->Flags) {
                MiAppend(Report, Size, "reservation %p: its \"Mirm\" pool node %p is corrupt\n",
                         Base, (const void *)Node);
                Problems++;
            }
        } else {
            /* nt5: the header PTEs hold the size and tag encodings (4.1). */
            uint64_t SizePte = MiSpace.Pte[Reservation->FirstPage];
            uint64_t TagPte = MiSpace.Pte[Reservation->FirstPage + 1];
            if (Reservation->BasePage != Reservation->FirstPage + 2 ||
                SizePte != MiNt5SizePte(Reservation->TotalPages, Reservation->Format) ||
                TagPte != MiNt5TagPte(Reservation->Tag, Reservation->Format)) {
                MiAppend(Report, Size, "reservation %p: header PTEs 0x%llx 0x%llx, expected "
                         "0x%llx 0x%llx\n", Base, (unsigned long long)SizePte,
                         (unsigned long long)TagPte,
                         (unsigned long long)MiNt5SizePte(Reservation->TotalPages,
                                                          Reservation->Format),
                         (unsigned long long)MiNt5TagPte(Reservation->Tag, Reservation->Format));
                Problems++;
            }
        }
    }
    return Problems;
}

bool MiCorruptReservationForTest(void *Va)
{
    MI_RESERVATION *Reservation = MiFindReservationVa(Va);
    if (Reservation == NULL) {
        return false;
    }
    if (Reservation->Node != NULL) {
        Reservation->Node->Tag ^= 0x20;
    } else {
        MiSpace.Pte[Reservation->FirstPage + 1] ^= 0x20;
        MiWrittenMark(&MiPteWritten, Reservation->FirstPage + 1);
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
static NTSTATUS MiReserveInit(const SIM_CONFIG *Config)
{
    (void)Config;
    memset(&MiReservations, 0, sizeof(MiReservations));
    static const char *const Names[] = {"2003", "vista", "win8", NULL};
    static const SIM_NT5_HEADER_FORMAT Formats[] = {SimNt5HeaderServer2003, SimNt5HeaderVista,
                                                    SimNt5HeaderWin8};
    MiNt5Format = Formats[MiConfigEnvChoice("MMSIM_NT5_HEADERS", Names, 0,
                                            "\"2003\", \"vista\" or \"win8\"")];
    return STATUS_SUCCESS;
}

static void MiReserveTeardown(void)
{
    /* The nodes live in pool, which is discarded after this subsystem. */
    MiRangeFreeAll(&MiReservations, true);
}

static bool MiReserveIsClean(char *Report, size_t Size)
{
    if (MiReservations.Count == 0) {
        return true;
    }
    MiAppend(Report, Size, "%llu reserved mapping range(s) not freed (MmFreeMappingAddress):\n",
             (unsigned long long)MiReservations.Count);
    const MI_RANGE *Range = MiRangeFirst(&MiReservations);
    for (int r = 0; Range != NULL && r < 4; r++, Range = MiRangeNext(&MiReservations, Range)) {
        const MI_RESERVATION *Reservation = (const MI_RESERVATION *)Range->Data;
        char Tag[5];
        for (int i = 0; i < 4; i++) {
            char c = (char)(Reservation->Tag >> (8 * i));
            Tag[i] = c >= 0x20 && c < 0x7F ? c : '.';
        }
        Tag[4] = '\0';
        char Caller[256];
        MiAppend(Report, Size, "  %p, %llu page(s), tag '%s', %llu mapped, reserved from %s\n",
                 (void *)MiPageToVa(Reservation->BasePage), (unsigned long long)Reservation->Pages,
                 Tag, (unsigned long long)MiValidPtes(Reservation->BasePage, Reservation->Pages),
                 HostDescribeFrame((void *)Reservation->Caller, Caller, sizeof(Caller)));
    }
    return false;
}

const MI_SUBSYSTEM MiReserveSubsystem = {"reserved mappings", MiReserveInit, MiReserveTeardown,
                                         MiReserveIsClean};
