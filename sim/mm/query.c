/*
 * query.c - MmGetPhysicalAddress, MmIsAddressValid and what the layers above
 * read of memory state (PFN entries, statistics, host runs); the public Sim*
 * probes over them are in sim/api/query.c.
 */
#include "mi_mm.h"
#include "../host/host.h"

uint64_t MiVaLargestFree(const MI_VA_ALLOCATOR *Allocator);
uint64_t MiPoolPagesInUse(bool Paged);

PHYSICAL_ADDRESS NTAPI MmGetPhysicalAddress(PVOID BaseAddress)
{
    PHYSICAL_ADDRESS Result;
    Result.QuadPart = 0;
    MiDdiEnter(MiDdi_MmGetPhysicalAddress, 0, MI_CALLER_ADDRESS());
    if (!MiIsSystemVa(BaseAddress)) {
        return Result; /* not a simulated address: no physical page */
    }
    MiLock();
    uint64_t Pte = MiSpace.Pte[MiVaToPage(BaseAddress)];
    MiUnlock();
    if (Pte & MI_PTE_VALID) {
        Result.QuadPart = (LONGLONG)((Pte & MI_PTE_PFN_MASK) | BYTE_OFFSET(BaseAddress));
    }
    return Result;
}

BOOLEAN NTAPI MmIsAddressValid(PVOID VirtualAddress)
{
    MiDdiEnter(MiDdi_MmIsAddressValid, 0, MI_CALLER_ADDRESS());
    if (!MiIsSystemVa(VirtualAddress)) {
        /* Host memory (stacks, globals, the C heap) stands for resident kernel
         * memory; only the first 64 KiB, never mapped, is invalid. */
        return (uintptr_t)VirtualAddress >= 0x10000 ? TRUE : FALSE;
    }
    MiLock();
    uint64_t Pte = MiSpace.Pte[MiVaToPage(VirtualAddress)];
    MiUnlock();
    return (Pte & MI_PTE_VALID) ? TRUE : FALSE;
}

bool MiIsResidentNow(const void *Va, SIZE_T Size)
{
    if (Size == 0) {
        return true;
    }
    const char *Last = (const char *)Va + Size - 1;
    if (!MiIsSystemVa(Va) || !MiIsSystemVa(Last)) {
        return MiIsSystemVa(Va) == MiIsSystemVa(Last) && (uintptr_t)Va >= 0x10000;
    }
    bool Resident = true;
    MiLock();
    for (uint64_t Page = MiVaToPage(Va); Page <= MiVaToPage(Last) && Resident; Page++) {
        Resident = (MiSpace.Pte[Page] & MI_PTE_VALID) != 0;
    }
    MiUnlock();
    return Resident;
}

const char *MiPageStateName(SIM_PAGE_STATE State)
{
    static const char *const Names[] = {"Free", "Zeroed", "MdlAllocated", "NonPagedPool",
                                        "PagedPool", "User"};
    return (unsigned)State < 6 ? Names[State] : "?";
}

/* userva: host-served user pages get their PFNs before anyone looks (virtual.c). */
void MiUserSettleAll(void);

BOOLEAN MiQueryPfn(PFN_NUMBER Pfn, SIM_PFN_INFO *Info)
{
    MiEnsureMachine();
    memset(Info, 0, sizeof(*Info));
    MI_INDEX Index;
    MiLock();
    MiUserSettleAll(); /* userva */
    if (!MiPfnToIndex(Pfn, &Index)) {
        MiUnlock();
        return FALSE;
    }
    const MI_PFN *Entry = MiPfnEntry(Index);
    Info->State = (SIM_PAGE_STATE)Entry->State;
    Info->LockCount = Entry->LockCount;
    Info->MapCount = Entry->MapCount;
    Info->Owner = Entry->Owner;
    Info->CacheType = Entry->CacheType == 0 ? MmNotMapped : (LONG)Entry->CacheType - 1;
    MiUnlock();
    return TRUE;
}

/* Runs of valid PTEs that one host mapping can show: adjacent pages whose
 * PFNs are adjacent in the physical memory object, with the same access. */
/* Host mappings the PTEs of [FirstPage, EndPage) need: runs of valid PTEs
 * naming contiguous pages with the same access. */
uint64_t MiCountHostRunsIn(uint64_t FirstPage, uint64_t EndPage)
{
    uint64_t Runs = 0;
    bool InRun = false;
    uint64_t PrevIndex = 0, PrevWrite = 0;
    /* Only touched groups can hold valid PTEs (MiSpaceNextTouched). */
    for (uint64_t Page = MiNextNonZeroPte(FirstPage, EndPage), Next; Page < EndPage; Page = Next) {
        Next = MiNextNonZeroPte(Page + 1, EndPage);
        uint64_t Pte = MiSpace.Pte[Page];
        if (!(Pte & MI_PTE_VALID)) {
            InRun = false;
            continue;
        }
        MI_INDEX Index = MiPteIndex(Pte);
        if (!InRun || Index != PrevIndex + 1 || (Pte & MI_PTE_WRITE) != PrevWrite) {
            Runs++;
        }
        InRun = Next == Page + 1; /* a skipped stretch is all invalid */
        PrevIndex = Index;
        PrevWrite = Pte & MI_PTE_WRITE;
    }
    return Runs;
}

uint64_t MiCountHostRuns(void)
{
    return MiCountHostRunsIn(0, MiSpace.Pages);
}

VOID MiQueryMemory(SIM_MEMORY_STATS *Stats)
{
    MiEnsureMachine();
    memset(Stats, 0, sizeof(*Stats));
    MiLock();
    MiUserSettleAll(); /* userva */
    Stats->PhysicalPages = MiPhys.Pages;
    Stats->FreePages = MiPhys.FreeCount;
    Stats->ZeroedPages = MiPhys.StateCount[MiPageZeroed];
    Stats->MdlPages = MiPhys.StateCount[MiPageMdl];
    Stats->NonPagedPoolPages = MiPhys.StateCount[MiPageNonPagedPool];
    Stats->PagedPoolPages = MiPhys.StateCount[MiPagePagedPool];
    Stats->LowestPfn = MiPhys.Ranges[0].BasePage;
    Stats->HighestPfn = MiPhys.HighestPfn;
    Stats->SystemPtes = MiSpace.SystemPtes.Pages;
    Stats->SystemPtesFree = MiSpace.SystemPtes.FreeCount;
    Stats->SystemPtesLargestFree = MiVaLargestFree(&MiSpace.SystemPtes);
    Stats->SystemPteFailures = MiSpace.SystemPtes.Failures;
    Stats->PoolBlocks = MiPoolLiveBlocks();
    Stats->HostMappings = MiCountHostRuns();
    Stats->HostMapCalls = MiSpace.HostMapCalls;
    Stats->HostMapFailures = MiSpace.HostMapFailures;
    Stats->HostMappingBudget = MiSpace.Budget;
    Stats->HostMappingsCharged = MiSpace.Charged;
    Stats->HostBudgetRefusals = MiSpace.BudgetRefusals;
    for (uint64_t Page = MiNextNonZeroPte(0, MiSpace.Pages); Page < MiSpace.Pages;
         Page = MiNextNonZeroPte(Page + 1, MiSpace.Pages)) {
        Stats->ValidPtes += (MiSpace.Pte[Page] & MI_PTE_VALID) != 0;
    }
    MiUnlock();
    Stats->HostVmas = HostMappingCount();
}
