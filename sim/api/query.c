/*
 * query.c - the Sim* probes of memory state (mmsim.h): PTEs, PFNs, system
 * space, host mappings, statistics, bookkeeping. One layer over the
 * internals (docs/architecture.md 1.1): the DDI files hold the DDIs, and
 * what the verifier also reads has an Mi twin below (sim/mm/query.c).
 */
#include "../mm/mi_mm.h"

BOOLEAN SimQueryPte(PVOID Va, ULONG64 *Pte, SIM_SPACE_REGION *Region)
{
    MiEnsureMachine();
    *Pte = 0;
    if (Region != NULL) {
        *Region = SimRegionNone;
    }
    if (!MiIsSystemVa(Va)) {
        return FALSE;
    }
    MiLock();
    uint64_t Page = MiVaToPage(Va);
    *Pte = MiSpace.Pte[Page];
    if (Region != NULL) {
        *Region = (SIM_SPACE_REGION)(MiRegionOf(Page) + 1);
    }
    MiUnlock();
    return TRUE;
}

PVOID SimSystemSpaceBase(SIZE_T *Bytes)
{
    MiEnsureMachine();
    if (Bytes != NULL) {
        *Bytes = (SIZE_T)(MiSpace.Pages * PAGE_SIZE);
    }
    return MiSpace.Base;
}

const char *SimPageStateName(SIM_PAGE_STATE State)
{
    return MiPageStateName(State);
}

BOOLEAN SimQueryPfn(PFN_NUMBER Pfn, SIM_PFN_INFO *Info)
{
    return MiQueryPfn(Pfn, Info);
}

ULONG64 SimCountHostMappings(PVOID Va, SIZE_T Bytes)
{
    MiEnsureMachine();
    if (!MiIsSystemVa(Va) || Bytes == 0) {
        return 0;
    }
    MiLock();
    uint64_t First = MiVaToPage(Va);
    uint64_t End = MiVaToPage((PUCHAR)Va + Bytes - 1) + 1;
    if (End > MiSpace.Pages) {
        End = MiSpace.Pages;
    }
    uint64_t Runs = MiCountHostRunsIn(First, End);
    MiUnlock();
    return Runs;
}

VOID SimQueryMemory(SIM_MEMORY_STATS *Stats)
{
    MiQueryMemory(Stats);
}

VOID SimQueryWaitingThreads(SIM_WAITING_THREADS *Threads)
{
    Threads->Parked = (ULONG)MiParkedThreads();
    Threads->Spinning = (ULONG)MiSpinningThreads();
}

VOID SimQueryBookkeeping(SIM_BOOKKEEPING *Info)
{
    MiEnsureMachine();
    memset(Info, 0, sizeof(*Info));
    MiLock();
    Info->PfnEntryBytes = (ULONG)sizeof(MI_PFN);
    Info->PteBytes = (ULONG)sizeof(MiSpace.Pte[0]);
    Info->BitmapBitsPerPage = 2; /* MiPhys.FreeBits + MiSpace.SystemPtes.UsedBits */
    Info->PfnDatabaseBytes = MiPhys.Pages * sizeof(MI_PFN);
    Info->PteArrayBytes = MiSpace.Pages * sizeof(MiSpace.Pte[0]);
    const MI_VA_ALLOCATOR *Va[] = {&MiSpace.SystemPtes, &MiSpace.NonPagedPool, &MiSpace.PagedPool};
    Info->BitmapBytes = (MiPhys.Pages + 63) / 64 * sizeof(uint64_t);
    for (int r = 0; r < 3; r++) {
        Info->BitmapBytes += (Va[r]->Pages + 63) / 64 * sizeof(uint64_t);
    }
    MiUnlock();
}

/* The probes whose internals live in the layers below (sim/mi.h). */
ULONG SimQueryMdlMappings(ULONG64 *Pages)
{
    return MiQueryMdlMappings(Pages);
}

ULONG SimQueryPoolUsage(SIM_POOL_TAG_USAGE *Entries, ULONG Max)
{
    return MiQueryPoolUsage(Entries, Max);
}

ULONG SimEnumPoolBlocks(SIM_POOL_BLOCK_INFO *Blocks, ULONG Max)
{
    return MiEnumPoolBlocks(Blocks, Max);
}

BOOLEAN SimQueryReservation(PVOID Va, SIM_RESERVATION_INFO *Info)
{
    return MiQueryReservation(Va, Info);
}

ULONG SimEnumReservations(SIM_RESERVATION_INFO *Infos, ULONG Max)
{
    return MiEnumReservations(Infos, Max);
}

PVOID SimQueryPteAddress(PVOID Va)
{
    return MiQueryPteAddress(Va);
}

SIM_NT5_HEADER_FORMAT SimGetNt5HeaderFormat(VOID)
{
    return MiGetNt5HeaderFormat();
}

ULONG SimTrimPagedPool(VOID)
{
    return MiTrimPagedPool();
}

const SIM_IRQL_RULE *SimIrqlRule(const char *Ddi)
{
    return MiIrqlRuleOf(Ddi);
}

const SIM_IRQL_RULE *SimIrqlRules(ULONG *Count)
{
    return MiIrqlRuleTable(Count);
}

BOOLEAN SimWaitForWorkItems(ULONG TimeoutMs)
{
    return MiWaitForWorkItems(TimeoutMs);
}

NTSTATUS SimSetNt5HeaderFormat(SIM_NT5_HEADER_FORMAT Format)
{
    return MiSetNt5HeaderFormat(Format);
}
