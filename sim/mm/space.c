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
 *   Base
 *   | guard | system PTEs ... | guard | non-paged pool ... | guard | paged pool ... | guard |
 */
#include <stdlib.h>

#include "mi_mm.h"
#include "../host/host.h"

MI_SPACE MiSpace;

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
/* Page-granular VA allocators (first fit, lowest address first).         */
/* ---------------------------------------------------------------------- */
static bool MiVaInit(MI_VA_ALLOCATOR *Allocator, uint64_t FirstPage, uint64_t Pages)
{
    memset(Allocator, 0, sizeof(*Allocator));
    Allocator->FirstPage = FirstPage;
    Allocator->Pages = Pages;
    Allocator->FreeBits = (uint64_t *)calloc((Pages + 63) / 64, sizeof(uint64_t));
    if (Allocator->FreeBits == NULL) {
        return false;
    }
    memset(Allocator->FreeBits, 0xFF, Pages / 64 * sizeof(uint64_t));
    if (Pages % 64 != 0) {
        Allocator->FreeBits[Pages / 64] = (1ull << (Pages % 64)) - 1;
    }
    Allocator->FreeCount = Pages;
    return true;
}

static bool MiVaBit(const MI_VA_ALLOCATOR *Allocator, uint64_t i)
{
    return (Allocator->FreeBits[i >> 6] >> (i & 63)) & 1;
}

uint64_t MiVaAllocate(MI_VA_ALLOCATOR *Allocator, uint64_t Count)
{
    if (Count == 0 || Count > Allocator->FreeCount) {
        Allocator->Failures += Count != 0;
        return UINT64_MAX;
    }
    uint64_t Run = 0;
    for (uint64_t i = Allocator->Hint; i < Allocator->Pages; i++) {
        /* Skip whole busy words quickly. */
        if ((i & 63) == 0 && Allocator->FreeBits[i >> 6] == 0) {
            Run = 0;
            i += 63;
            continue;
        }
        if (MiVaBit(Allocator, i)) {
            if (++Run == Count) {
                uint64_t First = i + 1 - Count;
                for (uint64_t k = First; k <= i; k++) {
                    Allocator->FreeBits[k >> 6] &= ~(1ull << (k & 63));
                }
                Allocator->FreeCount -= Count;
                if (First == Allocator->Hint) {
                    Allocator->Hint = i + 1;
                }
                return Allocator->FirstPage + First;
            }
        } else {
            Run = 0;
        }
    }
    Allocator->Failures++;
    return UINT64_MAX;
}

void MiVaFree(MI_VA_ALLOCATOR *Allocator, uint64_t FirstPage, uint64_t Count)
{
    uint64_t First = FirstPage - Allocator->FirstPage;
    for (uint64_t k = First; k < First + Count; k++) {
        Allocator->FreeBits[k >> 6] |= 1ull << (k & 63);
    }
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
    return !MiVaBit(Allocator, Page - Allocator->FirstPage);
}

/* Largest run of free pages: the fragmentation a caller sees. */
uint64_t MiVaLargestFree(const MI_VA_ALLOCATOR *Allocator);
uint64_t MiVaLargestFree(const MI_VA_ALLOCATOR *Allocator)
{
    uint64_t Best = 0, Run = 0;
    for (uint64_t i = 0; i < Allocator->Pages; i++) {
        /* Whole words: all free extends the run, all busy ends it. */
        if ((i & 63) == 0 && i + 64 <= Allocator->Pages) {
            uint64_t Word = Allocator->FreeBits[i >> 6];
            if (Word == UINT64_MAX || Word == 0) {
                Run = Word != 0 ? Run + 64 : 0;
                Best = Run > Best ? Run : Best;
                i += 63;
                continue;
            }
        }
        Run = MiVaBit(Allocator, i) ? Run + 1 : 0;
        if (Run > Best) {
            Best = Run;
        }
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
        if (!HostMapRun(MiPageToVa(Page + k), First * PAGE_SIZE, n * PAGE_SIZE, Writable)) {
            MiSpace.HostMapFailures++;
            if (k > 0) {
                HostUnmapRun(MiPageToVa(Page), k * PAGE_SIZE);
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
    uint64_t Bits = MI_PTE_VALID | MI_PTE_ACCESSED | MI_PTE_DIRTY | MI_PTE_GLOBAL |
                    MI_PTE_NO_EXECUTE | MiCacheBits(CacheType) | (Writable ? MI_PTE_WRITE : 0);
    for (uint64_t k = 0; k < Count; k++) {
        MiSpace.Pte[Page + k] = Bits | ((uint64_t)MiIndexToPfn(Indices[k]) << MI_PTE_PFN_SHIFT);
    }
    if (!MiMirror(Page, Count, Indices)) {
        memset(&MiSpace.Pte[Page], 0, Count * sizeof(uint64_t));
        return false;
    }
    for (uint64_t k = 0; k < Count; k++) {
        MiPfnEntry(Indices[k])->MapCount++;
    }
    return true;
}

void MiUnmapPages(uint64_t Page, uint64_t Count)
{
    for (uint64_t k = 0; k < Count; k++) {
        uint64_t Pte = MiSpace.Pte[Page + k];
        if ((Pte & MI_PTE_VALID) || MiIsTransitionPte(Page + k, Pte)) {
            MI_PFN *Entry = MiPfnEntry(MiPteIndex(Pte));
            if (Entry->MapCount > 0) {
                Entry->MapCount--;
            }
        }
        MiSpace.Pte[Page + k] = 0;
    }
    HostUnmapRun(MiPageToVa(Page), Count * PAGE_SIZE);
}

/* ---------------------------------------------------------------------- */
/* Paged pool trimming and faults.                                        */
/* ---------------------------------------------------------------------- */
ULONG SimTrimPagedPool(VOID)
{
    MiEnsureMachine();
    /* A trimmed page must fault back in transparently, so the fault trap has
     * to be in place now, even if a test harness (CMocka installs its own
     * SIGSEGV handler for every test) replaced it since the machine started. */
    HostArmFaultTrap();
    MiLock();
    ULONG Trimmed = 0;
    const MI_VA_ALLOCATOR *Paged = &MiSpace.PagedPool;
    for (uint64_t Page = Paged->FirstPage; Page < Paged->FirstPage + Paged->Pages; Page++) {
        uint64_t Pte = MiSpace.Pte[Page];
        if (!(Pte & MI_PTE_VALID)) {
            continue;
        }
        MI_PFN *Entry = MiPfnEntry(MiPteIndex(Pte));
        if (Entry->LockCount != 0) {
            continue; /* locked pages are resident until unlocked */
        }
        /* Transition PTE: not valid, but the page stays in memory. */
        MiSpace.Pte[Page] = (Pte & MI_PTE_PFN_MASK) | MI_PTE_TRANSITION |
                            MI_PTE_PROTECTION_READWRITE;
        Entry->Flags |= MI_PFN_FLAG_TRIMMED;
        HostUnmapRun(MiPageToVa(Page), PAGE_SIZE);
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
    MiSpace.Pte[Page] = (Pte & MI_PTE_PFN_MASK) | MI_PTE_VALID | MI_PTE_WRITE | MI_PTE_ACCESSED |
                        MI_PTE_DIRTY | MI_PTE_GLOBAL | MI_PTE_NO_EXECUTE;
    if (!MiMirror(Page, 1, NULL)) {
        MiSpace.Pte[Page] = Pte;
        return false;
    }
    MiPfnEntry(MiPteIndex(Pte))->Flags &= (uint16_t)~MI_PFN_FLAG_TRIMMED;
    return true;
}

/* Kernel code touched the never-mapped first 64 KiB (a NULL pointer, or a
 * small offset from one). At DISPATCH_LEVEL and above Windows stops with
 * 0xD1; below, it is an access violation that a __try frame can catch and
 * that is 0x1E otherwise. */
_Noreturn static void MiNullAccess(ULONG_PTR Address, bool Write, ULONG_PTR CodeAddress)
{
    KIRQL Irql = MiCurrentIrql();
    if (Irql >= DISPATCH_LEVEL) {
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, Address, Irql, Write ? 1 : 0, CodeAddress);
    }
    MiRaiseAccessViolation(CodeAddress, Write, Address);
}

void MiCheckDriverPointer(const void *Pointer, size_t Offset, bool Write, ULONG_PTR Caller)
{
    if ((uintptr_t)Pointer < HOST_NULL_GUARD) {
        MiNullAccess((ULONG_PTR)(uintptr_t)Pointer + Offset, Write, Caller);
    }
}

bool MiFaultHandler(void *Address, bool Write, void *CodeAddress)
{
    if (!MiIsSystemVa(Address)) {
        MiNullAccess((ULONG_PTR)Address, Write, (ULONG_PTR)CodeAddress);
    }
    KIRQL Irql = MiCurrentIrql();
    uint64_t Page = MiVaToPage(Address);
    MiLock();
    uint64_t Pte = MiSpace.Pte[Page];
    if (Pte & MI_PTE_VALID) {
        MiUnlock();
        if (Write && !(Pte & MI_PTE_WRITE)) {
            KeBugCheckEx(ATTEMPTED_WRITE_TO_READONLY_MEMORY, (ULONG_PTR)Address, Pte, 0, 0);
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
        /* Pageable memory touched at DISPATCH_LEVEL or above. */
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Address, Irql, Write ? 1 : 0,
                     (ULONG_PTR)CodeAddress);
    }
    MI_REGION Region = MiRegionOf(Page);
    MiUnlock();
    /* Parameter 2: 0 read, 2 write (Windows 10 1507+ x64). Parameter 4: 0 =
     * the PTE is free/empty, 2 = no page table maps the address (guards). */
    KeBugCheckEx(PAGE_FAULT_IN_NONPAGED_AREA, (ULONG_PTR)Address, Write ? 2 : 0,
                 (ULONG_PTR)CodeAddress, Region == MiRegionGuard ? 2 : 0);
}

/* The host's fault trap calls this (in its signal handler on POSIX). */
static bool MiFaultTrap(void *Address, bool Write, void *CodeAddress)
{
    MiEnterFaultTrap(CodeAddress);
    bool Retry = MiFaultHandler(Address, Write, CodeAddress);
    MiLeaveFaultTrap();
    return Retry;
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
static void MiSpaceTeardown(void)
{
    HostRemoveFaultTrap();
    if (MiSpace.Base != NULL) {
        HostRelease(MiSpace.Base, MiSpace.Pages * PAGE_SIZE);
    }
    free(MiSpace.Pte);
    free(MiSpace.SystemPtes.FreeBits);
    free(MiSpace.NonPagedPool.FreeBits);
    free(MiSpace.PagedPool.FreeBits);
    memset(&MiSpace, 0, sizeof(MiSpace));
}

static NTSTATUS MiSpaceInit(const SIM_CONFIG *Config)
{
    memset(&MiSpace, 0, sizeof(MiSpace));
    uint64_t Page = 1; /* leading guard */
    uint64_t SysFirst = Page;
    Page += Config->SystemPtes + 1;
    uint64_t NpFirst = Page;
    Page += Config->NonPagedPoolPages + 1;
    uint64_t PpFirst = Page;
    Page += Config->PagedPoolPages + 1;
    MiSpace.Pages = Page;

    MiSpace.Base = (uint8_t *)HostReserve(MiSpace.Pages * PAGE_SIZE, MiSeed * 0x9E3779B97F4A7C15ull);
    MiSpace.Pte = (uint64_t *)calloc(MiSpace.Pages, sizeof(uint64_t));
    if (MiSpace.Base == NULL || MiSpace.Pte == NULL ||
        !MiVaInit(&MiSpace.SystemPtes, SysFirst, Config->SystemPtes) ||
        !MiVaInit(&MiSpace.NonPagedPool, NpFirst, Config->NonPagedPoolPages) ||
        !MiVaInit(&MiSpace.PagedPool, PpFirst, Config->PagedPoolPages)) {
        MiSpaceTeardown();
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    /* The STOP report walks the stack from inside the trap; the walker's
     * first use loads its unwinder (dlopen, malloc), which must not happen
     * in a signal handler: use it once now. */
    void *Warm[1];
    (void)HostCaptureStack(Warm, 1);
    HostInstallFaultTrap(MiSpace.Base, MiSpace.Pages * PAGE_SIZE, MiFaultTrap);
    return STATUS_SUCCESS;
}

static bool MiSpaceIsClean(char *Report, size_t Size)
{
    uint64_t Used = MiSpace.SystemPtes.Pages - MiSpace.SystemPtes.FreeCount;
    if (Used != 0) {
        MiAppend(Report, Size, "%llu system PTE(s) still allocated (reservations or mappings)\n",
                 (unsigned long long)Used);
        return false;
    }
    return true;
}

const MI_SUBSYSTEM MiSpaceSubsystem = {"system address space", MiSpaceInit, MiSpaceTeardown,
                                       MiSpaceIsClean};
