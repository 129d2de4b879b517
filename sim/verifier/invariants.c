/*
 * invariants.c - the invariant checker: PTE <-> PFN <-> host mapping
 * consistency and page accounting. Callable from tests and fuzzers after
 * every step; it reads state only.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "../mm/mi_mm.h"
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
    for (uintptr_t Va = Start; Va < End; Va += PAGE_SIZE, Offset += PAGE_SIZE) {
        uint64_t Page = MiVaToPage((void *)Va);
        uint64_t Pte = MiSpace.Pte[Page];
        if (Pte & MI_PTE_VALID) {
            MI_INDEX Index = MiPteIndex(Pte);
            if (!Readable || !Physical || Offset != Index * PAGE_SIZE) {
                MiFail(Check, "page %p: PTE valid (PFN 0x%llx) but the host shows %s\n", (void *)Va,
                       (unsigned long long)MI_PTE_PFN(Pte),
                       !Readable ? "no access" : !Physical ? "other memory" : "another page");
            } else if (Writable != ((Pte & MI_PTE_WRITE) != 0)) {
                MiFail(Check, "page %p: PTE write bit and host protection differ\n", (void *)Va);
            } else {
                Check->CoveredValid++;
            }
        } else if (Readable) {
            MiFail(Check, "page %p: PTE 0x%llx is not valid but the host page is accessible\n",
                   (void *)Va, (unsigned long long)Pte);
        }
    }
}

/* 1. Every PTE: valid and transition PTEs name RAM in a compatible state,
 *    guards are empty, and used PTEs lie in allocated VA. Counts in Refs
 *    the PTEs that name each page; returns how many are valid. */
static uint64_t MiCheckPtes(MI_CHECK *Check, uint32_t *Refs)
{
    uint64_t ValidPtes = 0;
    /* Only touched groups can hold non-zero PTEs (scale: sparse space). */
    for (uint64_t Page = MiSpaceNextTouched(0); Page < MiSpace.Pages;
         Page = MiSpaceNextTouched(Page + 1)) {
        uint64_t Pte = MiSpace.Pte[Page];
        if (Pte == 0) {
            continue;
        }
        MI_REGION Region = MiRegionOf(Page);
        if (Region == MiRegionGuard) {
            MiFail(Check, "guard page %llu has PTE 0x%llx\n", (unsigned long long)Page,
                   (unsigned long long)Pte);
            continue;
        }
        if (!(Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) ||
            (!(Pte & MI_PTE_VALID) && MiIsReservationHeaderPage(Page))) {
            /* Software PTEs of reservations (nt5 header PTEs, whose tag bits
             * may include bit 11) are checked in step 4; nothing to count. */
            continue;
        }
        MI_INDEX Index;
        if (!MiPfnToIndex(MI_PTE_PFN(Pte), &Index)) {
            MiFail(Check, "PTE of page %llu names PFN 0x%llx, which is not RAM\n",
                   (unsigned long long)Page, (unsigned long long)MI_PTE_PFN(Pte));
            continue;
        }
        Refs[Index]++;
        ValidPtes += (Pte & MI_PTE_VALID) != 0;
        uint8_t State = MiPfnEntry(Index)->State;
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
    }
    return ValidPtes;
}

/* 2. Every PFN: map counts match the PTEs (Refs), the free bitmap matches
 *    the state, and the state counts add up. */
static void MiCheckPfns(MI_CHECK *Check, const uint32_t *Refs)
{
    uint64_t States[MiPageStateCount] = {0};
    /* Pages of groups never filled in are zeroed and free (scale: sparse
     * PFN database): counted, not walked. */
    uint64_t Walked = 0;
    uint64_t FreeBits = 0;
    for (MI_INDEX i = MiPfnNextTouched(0); i < MiPhys.Pages; i = MiPfnNextTouched(i + 1)) {
        Walked++;
        const MI_PFN *Entry = MiPfnEntry(i);
        if (Entry->State >= MiPageStateCount) {
            MiFail(Check, "PFN 0x%llx has invalid state %u\n",
                   (unsigned long long)MiIndexToPfn(i), Entry->State);
            continue;
        }
        States[Entry->State]++;
        bool Free = (MiPhys.FreeBits[i >> 6] >> (i & 63)) & 1;
        FreeBits += Free;
        bool FreeState = Entry->State == MiPageFree || Entry->State == MiPageZeroed;
        if (Free != FreeState) {
            MiFail(Check, "PFN 0x%llx: free bitmap says %s, state says %u\n",
                   (unsigned long long)MiIndexToPfn(i), Free ? "free" : "used", Entry->State);
        }
        if (Entry->MapCount != Refs[i]) {
            MiFail(Check, "PFN 0x%llx: map count %u but %u PTE(s) name it\n",
                   (unsigned long long)MiIndexToPfn(i), Entry->MapCount, Refs[i]);
        }
        if (FreeState && (Entry->LockCount != 0 || Entry->MapCount != 0)) {
            MiFail(Check, "free PFN 0x%llx is locked or mapped\n",
                   (unsigned long long)MiIndexToPfn(i));
        }
    }
    States[MiPageZeroed] += MiPhys.Pages - Walked;
    FreeBits += MiPhys.Pages - Walked;
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
static void MiCheckRecords(MI_CHECK *Check)
{
    size_t Left;
    char *Tail = MiReportTail(Check, &Left);
    Check->Errors += MiCheckMdlMappings(Tail, Left);
    Tail = MiReportTail(Check, &Left);
    Check->Errors += MiCheckReservations(Tail, Left);
}

BOOLEAN SimCheckInvariants(char *Report, SIZE_T Size)
{
    MI_CHECK Check = {Report, (size_t)Size, 0, 0, 0};
    if (Report != NULL && Size > 0) {
        Report[0] = '\0';
    }
    MiEnsureMachine();
    MiLock();
    uint32_t *Refs = (uint32_t *)HostAllocTable(MiPhys.Pages * sizeof(uint32_t)); /* sparse */
    if (Refs == NULL) {
        MiUnlock();
        MiFail(&Check, "out of host memory for the check\n");
        return FALSE;
    }

    uint64_t ValidPtes = MiCheckPtes(&Check, Refs);
    MiCheckPfns(&Check, Refs);
    HostFreeTable(Refs, MiPhys.Pages * sizeof(uint32_t));
    MiCheckRecords(&Check);

    /* 5. The host mirror: accessible exactly where PTEs are valid, showing
     *    the PTE's page with the PTE's access. */
    if (HostForEachMapping(MiSpace.Base, MiSpace.Pages * PAGE_SIZE, MiCheckHostRange, &Check) &&
        Check.CoveredValid != ValidPtes) {
        MiFail(&Check, "%llu valid PTE(s) but only %llu host page(s) show them\n",
               (unsigned long long)ValidPtes, (unsigned long long)Check.CoveredValid);
    }
    /* 6. The mapping budget is an upper bound of the host's count, where the
     *    host limits that count (docs/hosts.md). */
    if (Check.HostMappings > MiSpace.Charged && MiSpace.HostLimit != 0) {
        MiFail(&Check, "the host has %llu mapping(s) in system space but only %llu are charged\n",
               (unsigned long long)Check.HostMappings, (unsigned long long)MiSpace.Charged);
    }
    MiUnlock();
    if (Check.Errors > MI_MAX_ERRORS) {
        MiFail(&Check, "(%llu more)\n", (unsigned long long)(Check.Errors - MI_MAX_ERRORS));
    }
    return Check.Errors == 0 ? TRUE : FALSE;
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
    case SimCorruptPfnOnFreeList:
        if (Pte & MI_PTE_VALID) {
            MI_INDEX Index = MiPteIndex(Pte);
            MiPhys.FreeBits[Index >> 6] |= 1ull << (Index & 63);
            MiPhys.FreeCount++;
            Done = TRUE;
        }
        break;
    }
    MiUnlock();
    return Done;
}
