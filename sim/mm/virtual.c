/*
 * virtual.c - the user address space's memory: ZwAllocateVirtualMemory,
 * ZwFreeVirtualMemory, ZwProtectVirtualMemory, ZwQueryVirtualMemory (and
 * their Nt forms), demand-zero paging and the fault trap of the user range
 * (docs/user-space.md has the rules and their sources).
 *
 * Commitment is per page, in the PTE: a committed page's PTE holds its
 * protection and no page until the first touch, which the host traps; the
 * trap takes a zeroed page from the PFN database, makes the PTE valid and
 * maps it in the host (a demand-zero fault, counted per process). Touching a
 * page that is free, only reserved, or protected against the access is an
 * access violation raised as an exception (SEH: docs/seh.md).
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "mi_user.h"
#include "../host/host.h"

/* ---------------------------------------------------------------------- */
/* Protections.                                                           */
/* ---------------------------------------------------------------------- */
unsigned MiProtectToMm(ULONG Protect)
{
    const ULONG Modifiers = PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE;
    ULONG Mods = Protect & ~(ULONG)0xFF;
    unsigned Base;
    if (Mods & ~Modifiers) {
        return 0;
    }
    switch (Protect & 0xFF) {
    case PAGE_NOACCESS: Base = 0; break;
    case PAGE_READONLY: Base = MI_MM_READONLY; break;
    case PAGE_EXECUTE: Base = MI_MM_EXECUTE; break;
    case PAGE_EXECUTE_READ: Base = MI_MM_EXECUTE_READ; break;
    case PAGE_READWRITE: Base = MI_MM_READWRITE; break;
    case PAGE_EXECUTE_READWRITE: Base = MI_MM_EXECUTE_READWRITE; break;
    default: return 0; /* none, several, or copy-on-write (not for private memory) */
    }
    if (Base == 0) {
        return Mods == 0 ? MI_MM_NOACCESS : 0; /* NOACCESS takes no modifier */
    }
    switch (Mods) {
    case 0: return Base;
    case PAGE_GUARD: return Base | MI_MM_GUARD;
    case PAGE_NOCACHE: return Base | MI_MM_NOCACHE;
    case PAGE_WRITECOMBINE: return Base | MI_MM_WRITECOMBINE;
    default: return 0; /* two modifiers never combine */
    }
}

ULONG MiMmToProtect(unsigned Mm)
{
    static const ULONG Base[8] = {PAGE_NOACCESS,     PAGE_READONLY,         PAGE_EXECUTE,
                                  PAGE_EXECUTE_READ, PAGE_READWRITE,        PAGE_WRITECOPY,
                                  PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY};
    if (Mm == 0) {
        return 0;
    }
    if (Mm == MI_MM_NOACCESS) {
        return PAGE_NOACCESS;
    }
    ULONG Protect = Base[Mm & 7];
    switch (Mm & 0x18) {
    case MI_MM_NOCACHE: return Protect | PAGE_NOCACHE;
    case MI_MM_GUARD: return Protect | PAGE_GUARD;
    case MI_MM_WRITECOMBINE: return Protect | PAGE_WRITECOMBINE;
    default: return Protect;
    }
}

static bool MiMmWritable(unsigned Mm)
{
    return Mm != MI_MM_NOACCESS && ((Mm & 7) == MI_MM_READWRITE || (Mm & 7) == MI_MM_EXECUTE_READWRITE);
}

static bool MiMmAccessible(unsigned Mm)
{
    return Mm != 0 && Mm != MI_MM_NOACCESS && (Mm & 0x18) != MI_MM_GUARD;
}

static uint64_t MiUserValidPte(MI_INDEX Index, unsigned Mm)
{
    uint64_t Pte = MI_PTE_VALID | MI_PTE_OWNER | MI_PTE_ACCESSED |
                   ((uint64_t)MiIndexToPfn(Index) << MI_PTE_PFN_SHIFT) |
                   ((uint64_t)Mm << MI_UPTE_VALID_PROT_SHIFT);
    unsigned Base = Mm & 7;
    if (MiMmWritable(Mm)) {
        Pte |= MI_PTE_WRITE | MI_PTE_DIRTY;
    }
    if (Base != MI_MM_EXECUTE && Base != MI_MM_EXECUTE_READ && Base != MI_MM_EXECUTE_READWRITE) {
        Pte |= MI_PTE_NO_EXECUTE;
    }
    if ((Mm & 0x18) == MI_MM_NOCACHE) {
        Pte |= MI_PTE_CACHE_DISABLE | MI_PTE_WRITE_THROUGH;
    } else if ((Mm & 0x18) == MI_MM_WRITECOMBINE) {
        Pte |= MI_PTE_WRITE_THROUGH;
    }
    return Pte;
}

/* ---------------------------------------------------------------------- */
/* The host mirror of the current process's valid PTEs.                   */
/* ---------------------------------------------------------------------- */
_Noreturn static void MiUserHostRefused(uint64_t Page)
{
    MiWriteStderr("mmsim: the host refused to unmap a user page; stopping rather than leave it "
                  "mapped\n");
    KeBugCheckEx(NO_MORE_SYSTEM_PTES, 1, 1, (ULONG_PTR)MiUserVa(Page), 0);
}

/* [MiUserShownFirst, MiUserShownEnd): the pages the host may show, across
 * machines (a reset keeps the reservation); empty when First >= End. */
static uint64_t MiUserShownFirst = UINT64_MAX, MiUserShownEnd;

void MiUserHostShows(uint64_t FirstPage, uint64_t Pages)
{
    if (Pages == 0) {
        return;
    }
    MiUserShownFirst = FirstPage < MiUserShownFirst ? FirstPage : MiUserShownFirst;
    MiUserShownEnd = FirstPage + Pages > MiUserShownEnd ? FirstPage + Pages : MiUserShownEnd;
}

bool MiUserHostHideAll(void)
{
    if (MiUserShownFirst < MiUserShownEnd &&
        !HostUnmapRun(MiUserVa(MiUserShownFirst),
                      (MiUserShownEnd - MiUserShownFirst) * PAGE_SIZE)) {
        return false;
    }
    MiUserHostForgetShown();
    return true;
}

void MiUserHostForgetShown(void)
{
    MiUserShownFirst = UINT64_MAX;
    MiUserShownEnd = 0;
}

static bool MiUserMirror(uint64_t Page, uint64_t Pte)
{
    MiUser.HostMapCalls++;
    MiUserHostShows(Page, 1);
    return HostMapRun(MiUserVa(Page), MiPteIndex(Pte) * PAGE_SIZE, PAGE_SIZE,
                      (Pte & MI_PTE_WRITE) != 0);
}

static void MiUserUnmirror(uint64_t Page, uint64_t Count)
{
    if (Count != 0 && !HostUnmapRun(MiUserVa(Page), Count * PAGE_SIZE)) {
        MiUserHostRefused(Page);
    }
}

void MiUserRevokeAll(void)
{
    if (MiUser.Base != NULL) {
        MiUserSettleAll();
        if (!MiUserHostHideAll()) {
            MiUserHostRefused(MiUserShownFirst);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Host-served first touches (docs/user-space.md).                        */
/*                                                                        */
/* A committed, accessible page of the current process may be mapped as    */
/* private anonymous host memory at commit: the host's MMU then serves its */
/* first touch, as the hardware's page walk and the fault handler would,   */
/* with no signal. Its PTE stays demand zero until the simulated OS looks: */
/* then the pages the host made resident are given what the fault would   */
/* have given them (MiUserSettle), and the state is exactly the one the    */
/* trap makes. A page the host never made resident was never touched.      */
/* ---------------------------------------------------------------------- */
/* Host-served pages of all processes (only the current one has any); read
 * by the PFN allocator's check (pfn.c) under the lock. */
uint64_t MiUserLazyPages;
/* The same, for the IRQL raise check (any thread, no lock). */
static atomic_bool MiUserLazyAny;
static bool MiUserSettling;
void MiSetIrqlRaiseHook(void (*Hook)(void)); /* sim/ke/irql.c */

#define MI_SETTLE_CHUNK 1024u /* pages looked at per host query */

static void MiLazyClear(MI_PROCESS *Process, uint64_t First, uint64_t Count)
{
    for (uint64_t Page = First; Page < First + Count; Page++) {
        Process->Lazy[Page >> 6] &= ~(1ull << (Page & 63));
    }
    Process->LazyPages -= Count;
    MiUserLazyPages -= Count;
    if (MiUserLazyPages == 0) {
        atomic_store_explicit(&MiUserLazyAny, false, memory_order_relaxed);
    }
}

/* The next run of host-served pages at or after Page, below End: its first
 * page (End if none) and length. */
static uint64_t MiLazyNextRun(const MI_PROCESS *Process, uint64_t Page, uint64_t End,
                              uint64_t *Length)
{
    while (Page < End) {
        uint64_t Word = Process->Lazy[Page >> 6] >> (Page & 63);
        if (Word == 0) {
            Page = (Page | 63) + 1;
            continue;
        }
        Page += (uint64_t)__builtin_ctzll(Word);
        break;
    }
    if (Page >= End) {
        *Length = 0;
        return End;
    }
    uint64_t Last = Page;
    while (Last < End && ((Process->Lazy[Last >> 6] >> (Last & 63)) & 1)) {
        Last++;
    }
    *Length = Last - Page;
    return Page;
}

_Noreturn static void MiUserNoPage(uint64_t Page)
{
    /* Cannot happen: the PFN allocator settles before it would leave fewer
     * free pages than there are host-served ones (MiUserBeforeAllocate). */
    MiWriteStderr("mmsim: no physical page for a user page the host served\n");
    KeBugCheckEx(MEMORY_MANAGEMENT, 0x41790, (ULONG_PTR)MiUserVa(Page), 0, 0);
}

/* One chunk of one run: [First, First+Count), all host-served. Discard: the
 * pages are being decommitted; resident ones still count as the fault and
 * the PFN taken and given back that they were, but nothing is copied. */
static void MiSettleChunk(MI_PROCESS *Process, uint64_t First, uint64_t Count, bool Discard)
{
    uint8_t Resident[MI_SETTLE_CHUNK];
    MI_INDEX Index[MI_SETTLE_CHUNK];
    /* No other thread may write while the contents move (it traps and
     * waits for the lock); the host keeps the pages. */
    if (!Discard && !HostProtectNone(MiUserVa(First), Count * PAGE_SIZE)) {
        MiUserHostRefused(First);
    }
    if (!HostResidentPages(MiUserVa(First), Count * PAGE_SIZE, Resident)) {
        memset(Resident, 1, Count); /* cannot tell: as if all were touched */
    }
    uint64_t Touched = 0;
    for (uint64_t i = 0; i < Count; i++) {
        Touched += Resident[i];
    }
    if (Touched != 0 &&
        MiAllocatePhysical(Touched, 0, MiPhys.HighestPfn, MiPageUser, false, Index) != Touched) {
        MiUserNoPage(First);
    }
    Process->DemandZeroFaults += Touched;
    if (Discard) {
        for (uint64_t k = 0; k < Touched; k++) {
            MiFreePhysical(Index[k]);
        }
        MiUserUnmirror(First, Count);
        MiLazyClear(Process, First, Count);
        return;
    }
    /* Resident pages: their contents into their PFNs, the PTEs valid, the
     * physical pages mapped over them (runs of consecutive PFNs with the
     * same access in one host call). The rest: trapped again. */
    uint64_t k = 0;
    for (uint64_t i = 0; i < Count;) {
        uint64_t Page = First + i;
        if (!Resident[i]) {
            uint64_t End = i;
            while (End < Count && !Resident[End]) {
                End++;
            }
            MiUserUnmirror(Page, End - i);
            i = End;
            continue;
        }
        uint64_t End = i, Start = k;
        while (End < Count && Resident[End]) {
            End++;
        }
        if (!HostProtectRun(MiUserVa(Page), (End - i) * PAGE_SIZE, false)) {
            MiUserHostRefused(Page);
        }
        for (uint64_t j = i; j < End; j++, k++) {
            memcpy(MiPhysPage(Index[k]), MiUserVa(First + j), PAGE_SIZE);
            MiPfnEntry(Index[k])->Owner = Process->Id;
            unsigned Mm = MiUserPteProtection(Process->Pte[First + j]);
            MiUserPteSet(Process, First + j, MiUserValidPte(Index[k], Mm));
        }
        for (uint64_t j = i, m = Start; j < End;) {
            uint64_t Pte = Process->Pte[First + j];
            uint64_t Run = 1;
            while (j + Run < End && Index[m + Run] == Index[m] + Run &&
                   ((Process->Pte[First + j + Run] ^ Pte) & MI_PTE_WRITE) == 0) {
                Run++;
            }
            MiUser.HostMapCalls++; /* (served: in MiUserHostShows's span already) */
            if (!HostMapRun(MiUserVa(First + j), MiPteIndex(Pte) * PAGE_SIZE, Run * PAGE_SIZE,
                            (Pte & MI_PTE_WRITE) != 0)) {
                MiUserHostRefused(First + j); /* the host's mapping limit */
            }
            j += Run;
            m += Run;
        }
        Process->ResidentPages += End - i;
        i = End;
    }
    MiLazyClear(Process, First, Count);
}

static void MiSettle(MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages, bool Discard)
{
    if (Process->LazyPages == 0 || Pages == 0) {
        return;
    }
    bool Was = MiUserSettling;
    MiUserSettling = true; /* its own PFN allocations need no check */
    uint64_t End = FirstPage + Pages, Length;
    FirstPage = FirstPage > Process->LazyFirst ? FirstPage : Process->LazyFirst;
    End = End < Process->LazyEnd ? End : Process->LazyEnd;
    for (uint64_t Page = MiLazyNextRun(Process, FirstPage, End, &Length); Length != 0;
         Page = MiLazyNextRun(Process, Page, End, &Length)) {
        uint64_t Chunk = Length < MI_SETTLE_CHUNK ? Length : MI_SETTLE_CHUNK;
        MiSettleChunk(Process, Page, Chunk, Discard);
        Page += Chunk;
    }
    MiUserSettling = Was;
}

void MiUserSettle(MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages)
{
    MiSettle(Process, FirstPage, Pages, false);
}

void MiUserSettleAll(void)
{
    if (!atomic_load_explicit(&MiUserLazyAny, memory_order_relaxed)) {
        return; /* nothing served by the host (kept exact under the lock) */
    }
    MiLock();
    if (MiUser.Current != NULL) {
        MiUserSettle(MiUser.Current, 0, MiUser.Pages);
    }
    MiUnlock();
}

void MiUserForgetServed(void)
{
    MiUserLazyPages = 0;
    atomic_store_explicit(&MiUserLazyAny, false, memory_order_relaxed);
}

void MiUserRevokeShared(void)
{
    const MI_PROCESS *Process = MiUser.Current;
    uint64_t Page = 0, Length = 0;
    while (Page < MiUser.Pages) {
        uint64_t Next = Process->LazyPages != 0
                            ? MiLazyNextRun(Process, Page, MiUser.Pages, &Length)
                            : MiUser.Pages;
        if (Next > Page) {
            (void)HostUnmapRun(MiUserVa(Page), (Next - Page) * PAGE_SIZE);
        }
        Page = Next + Length;
    }
}

/* The PFN allocator's check (pfn.c), lock held: an allocation that would
 * leave fewer free pages than there are host-served pages settles them
 * first, so a page the host served always has the PFN its fault would have
 * taken, and the allocation sees what it would have seen. */
void MiUserBeforeAllocate(uint64_t Count);
void MiUserBeforeAllocate(uint64_t Count)
{
    if (!MiUserSettling && MiPhys.FreeCount < MiUserLazyPages + Count) {
        MiUserSettleAll();
    }
}

/* Raising the IRQL to DISPATCH_LEVEL or above (irql.c's hook): a touch of
 * a page not yet resident must trap there (0xD1), so every host-served page
 * is settled first. */
static void MiUserIrqlRaised(void)
{
    MiUserSettleAll();
}

/* Maps the newly committed pages [First, First+Pages) of the current
 * process (PTEs demand zero, protection Mm accessible) for the host to
 * serve, if the free physical pages cover them and every other host-served
 * page. Lock held. */
static void MiUserServeByHost(MI_PROCESS *Process, uint64_t First, uint64_t Pages, unsigned Mm)
{
    static bool Hooked;
    if (Process != MiUser.Current || Pages == 0 ||
        MiPhys.FreeCount < MiUserLazyPages + Pages) {
        return;
    }
    if (!Hooked) {
        MiSetIrqlRaiseHook(MiUserIrqlRaised);
        Hooked = true;
    }
    if (Process->Lazy == NULL) {
        Process->Lazy = MiUserLazyTable();
        if (Process->Lazy == NULL) {
            return;
        }
    }
    MiUserHostShows(First, Pages);
    if (!HostMapPrivate(MiUserVa(First), Pages * PAGE_SIZE, MiMmWritable(Mm))) {
        return; /* trapped as before */
    }
    for (uint64_t Page = First; Page < First + Pages; Page++) {
        Process->Lazy[Page >> 6] |= 1ull << (Page & 63);
    }
    if (Process->LazyPages == 0 || First < Process->LazyFirst) {
        Process->LazyFirst = First;
    }
    if (Process->LazyPages == 0 || First + Pages > Process->LazyEnd) {
        Process->LazyEnd = First + Pages;
    }
    Process->LazyPages += Pages;
    MiUserLazyPages += Pages;
    atomic_store_explicit(&MiUserLazyAny, true, memory_order_relaxed);
}

NTSTATUS MiUserMakeValid(MI_PROCESS *Process, uint64_t Page, bool Write)
{
    if (MiUserIsLazy(Process, Page)) {
        MiUserSettle(Process, Page, 1);
    }
    uint64_t Pte = Process->Pte[Page];
    unsigned Mm = MiUserPteProtection(Pte);
    if (Pte & MI_PTE_VALID) {
        if (Write && !(Pte & MI_PTE_WRITE)) {
            return STATUS_ACCESS_VIOLATION;
        }
        /* Valid but not shown: the process was attached again since. */
        if (Process == MiUser.Current && !MiUserMirror(Page, Pte)) {
            return STATUS_IN_PAGE_ERROR;
        }
        return STATUS_SUCCESS;
    }
    if (Pte == 0 || Mm == 0 || Mm == MI_MM_NOACCESS) {
        return STATUS_ACCESS_VIOLATION; /* free, reserved, or no access */
    }
    if ((Mm & 0x18) == MI_MM_GUARD) {
        /* The first touch of a guard page raises once and clears the guard. */
        Mm &= ~(unsigned)MI_MM_GUARD;
        MiUserPteSet(Process, Page, (Pte & ~(0x1Full << MI_UPTE_PROT_SHIFT)) |
                             ((uint64_t)Mm << MI_UPTE_PROT_SHIFT));
        Process->GuardFaults++;
        return STATUS_GUARD_PAGE_VIOLATION;
    }
    if (Write && !MiMmWritable(Mm)) {
        return STATUS_ACCESS_VIOLATION;
    }
    MI_INDEX Index = 0;
    bool New = !(Pte & MI_PTE_TRANSITION);
    if (New) {
        if (MiAllocatePhysical(1, 0, MiPhys.HighestPfn, MiPageUser, true, &Index) != 1) {
            return STATUS_IN_PAGE_ERROR; /* RAM is exhausted (docs/user-space.md) */
        }
        MiPfnEntry(Index)->Owner = Process->Id;
    } else {
        Index = MiPteIndex(Pte);
    }
    uint64_t Valid = MiUserValidPte(Index, Mm);
    if (Process == MiUser.Current && !MiUserMirror(Page, Valid)) {
        if (New) {
            MiFreePhysical(Index);
        }
        return STATUS_IN_PAGE_ERROR;
    }
    MiUserPteSet(Process, Page, Valid);
    if (New) {
        Process->ResidentPages++;
        Process->DemandZeroFaults++;
    }
    return STATUS_SUCCESS;
}

void MiUserDecommit(MI_PROCESS *Process, MI_VAD *Vad, uint64_t FirstPage, uint64_t Pages)
{
    /* Host-served pages go without being copied: each the host made
     * resident still counts as its fault, its PFN taken and given back. */
    MiSettle(Process, FirstPage, Pages, true);
    uint64_t MappedFirst = UINT64_MAX, MappedEnd = 0;
    for (uint64_t Page = FirstPage; Page < FirstPage + Pages; Page++) {
        uint64_t Pte = Process->Pte[Page];
        if (Pte == 0) {
            continue;
        }
        if (Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) {
            if (Pte & MI_PTE_VALID) {
                MappedFirst = MappedFirst == UINT64_MAX ? Page : MappedFirst;
                MappedEnd = Page + 1;
            }
            MI_INDEX Index = MiPteIndex(Pte);
            MI_PFN *Entry = MiPfnEntry(Index);
            if (Vad->Kind == MiVadMdlMapping) {
                /* The MDL's pages: not this process's to free. */
            } else if (Entry->LockCount != 0 || Entry->MapCount != 0) {
                Entry->Flags |= MI_PFN_FLAG_USER_ORPHAN; /* a driver still holds it */
                Process->ResidentPages--;
            } else {
                MiFreePhysical(Index);
                Process->ResidentPages--;
            }
        }
        MiUserPteSet(Process, Page, 0);
        if (Vad->Kind == MiVadPrivate) {
            Vad->Committed--;
            Process->CommitCharge--;
            MiUser.CommitTotal--;
        }
    }
    if (Process == MiUser.Current && MappedFirst != UINT64_MAX) {
        MiUserUnmirror(MappedFirst, MappedEnd - MappedFirst);
    }
}

/* Sets the protection of a committed page (Mm != 0). */
static void MiUserSetProtection(MI_PROCESS *Process, uint64_t Page, unsigned Mm)
{
    uint64_t Pte = Process->Pte[Page];
    bool Current = Process == MiUser.Current;
    if (Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) {
        MI_INDEX Index = MiPteIndex(Pte);
        if (MiMmAccessible(Mm)) {
            uint64_t Valid = MiUserValidPte(Index, Mm);
            if ((Pte & MI_PTE_VALID) && Current && ((Pte ^ Valid) & MI_PTE_WRITE)) {
                if (!HostProtectRun(MiUserVa(Page), PAGE_SIZE, (Valid & MI_PTE_WRITE) != 0)) {
                    MiUserHostRefused(Page);
                }
            }
            if (Pte & MI_PTE_VALID) {
                MiUserPteSet(Process, Page, Valid);
            } else {
                /* Resident but not shown: valid again at the next touch. */
                MiUserPteSet(Process, Page, (Pte & MI_PTE_PFN_MASK) | MI_PTE_TRANSITION |
                                     ((uint64_t)Mm << MI_UPTE_PROT_SHIFT));
            }
        } else {
            if ((Pte & MI_PTE_VALID) && Current) {
                MiUserUnmirror(Page, 1);
            }
            MiUserPteSet(Process, Page, (Pte & MI_PTE_PFN_MASK) | MI_PTE_TRANSITION |
                                 ((uint64_t)Mm << MI_UPTE_PROT_SHIFT));
        }
        return;
    }
    MiUserPteSet(Process, Page, (uint64_t)Mm << MI_UPTE_PROT_SHIFT);
}

/* ---------------------------------------------------------------------- */
/* The fault trap of the user range.                                      */
/* ---------------------------------------------------------------------- */
static bool MiUserFault(void *Address, bool Write, void *CodeAddress)
{
    if (MiLetGoOfDriverAccessLocksForFault()) {
        /* The simulator touching a driver's object in user memory under a
         * host lock (sim/mm/space.c, MiFaultHandler): at DISPATCH_LEVEL, and
         * not to be retried without its locks. */
        KIRQL Irql = MiCurrentIrql();
        KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Address,
                     Irql < DISPATCH_LEVEL ? DISPATCH_LEVEL : Irql, Write ? 1 : 0,
                     (ULONG_PTR)CodeAddress);
    }
    MiRefuseIfLentWaitEnded(); /* a wait's look: its machine may be gone */
    MiEnsureMachine();
    KIRQL Irql = MiCurrentIrql();
    MiLock();
    MiRefuseIfLentWaitEnded();
    MI_PROCESS *Process = MiUser.Current;
    uint64_t Page = MiUserPage(Address);
    if (MiUserIsLazy(Process, Page)) {
        MiUserSettle(Process, Page, 1); /* a write to a read-only one, or a settle under way */
    }
    uint64_t Pte = Process->Pte[Page];
    if (!(Pte & MI_PTE_VALID) && Pte != 0 && Irql >= DISPATCH_LEVEL) {
        /* A page not resident yet touched at DISPATCH_LEVEL: the page fault
         * cannot be served there. */
        MiUnlock();
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Address, Irql, Write ? 1 : 0,
                     (ULONG_PTR)CodeAddress);
    }
    NTSTATUS Status = MiUserMakeValid(Process, Page, Write);
    MiUnlock();
    if (Status == STATUS_SUCCESS) {
        return true;
    }
    if (Status == STATUS_ACCESS_VIOLATION && Irql >= DISPATCH_LEVEL) {
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Address, Irql, Write ? 1 : 0,
                     (ULONG_PTR)CodeAddress);
    }
    if (Status == STATUS_ACCESS_VIOLATION) {
        MiRaiseAccessViolation((ULONG_PTR)CodeAddress, Write, (ULONG_PTR)Address);
    }
    /* A guard page, or no page to be had: continuable, with the access and
     * the address as an access violation has them. */
    MiRaiseException(Status, 0, (ULONG_PTR)CodeAddress, 2, Write ? 1 : 0, (ULONG_PTR)Address);
}

bool MiUserFaultTrap(void *Address, bool Write, void *CodeAddress);
bool MiUserFaultTrap(void *Address, bool Write, void *CodeAddress)
{
    MiEnterFaultTrap(CodeAddress);
    void *Lent = MiLetGoOfParkForFault(); /* as the system range's trap */
    bool Retry = MiUserFault(Address, Write, CodeAddress);
    MiTakeBackParkAfterFault(Lent);
    MiLeaveFaultTrap();
    return Retry;
}

/* ---------------------------------------------------------------------- */
/* Argument checks shared by the four routines.                           */
/* ---------------------------------------------------------------------- */
/* Highest usable address + 1 (MmHighestUserAddress + 1). */
static uintptr_t MiUserEnd(void)
{
    return (uintptr_t)MiUserVa(MiUserUsablePages());
}

static bool MiUserAddressOk(const void *Va)
{
    return MiUser.Base != NULL && (uintptr_t)Va >= (uintptr_t)MiUser.Base &&
           (uintptr_t)Va < MiUserEnd();
}

static uint64_t MiPageUp(uintptr_t Va)
{
    return ((uint64_t)(Va - (uintptr_t)MiUser.Base) + PAGE_SIZE - 1) / PAGE_SIZE;
}

/* ---------------------------------------------------------------------- */
/* MmSecureVirtualMemory / MmUnsecureVirtualMemory.                       */
/* ---------------------------------------------------------------------- */
/* true if [First, First+Pages) meets a secured range that protection Mm
 * would violate (Mm 0: freeing, which every secured range refuses). */
bool MiIsUserRange(uintptr_t Va, uintptr_t Length);

static bool MiSecured(const MI_PROCESS *Process, uint64_t First, uint64_t Pages, unsigned Mm)
{
    for (const MI_SECURE *Secure = Process->Secures; Secure != NULL; Secure = Secure->Next) {
        if (Secure->FirstPage >= First + Pages || First >= Secure->FirstPage + Secure->Pages) {
            continue;
        }
        if (Mm == 0 || !MiMmAccessible(Mm) || (Secure->Writable && !MiMmWritable(Mm))) {
            return true;
        }
    }
    return false;
}

/* Secures a committed range of one VAD of the current process whose pages
 * all allow ProbeMode's access; NULL otherwise. */
HANDLE NTAPI MmSecureVirtualMemory(PVOID Address, SIZE_T Size, ULONG ProbeMode)
{
    MiDdiEnter(MiDdi_MmSecureVirtualMemory, 0, MI_CALLER_ADDRESS());
    if ((ProbeMode != PAGE_READWRITE && ProbeMode != PAGE_READONLY) || Size == 0 ||
        !MiIsUserRange((uintptr_t)Address, (uintptr_t)Size)) {
        return NULL;
    }
    bool Writable = ProbeMode == PAGE_READWRITE;
    MiLock();
    MI_PROCESS *Process = MiUser.Current;
    uint64_t First = MiUserPage(Address), End = MiPageUp((uintptr_t)Address + Size);
    const MI_VAD *Vad = MiVadFind(Process, First);
    bool Ok = Vad != NULL && Vad->Kind == MiVadPrivate && End <= Vad->FirstPage + Vad->Pages;
    for (uint64_t Page = First; Ok && Page < End; Page++) {
        uint64_t Pte = Process->Pte[Page];
        unsigned Mm = MiUserPteProtection(Pte);
        Ok = Pte != 0 && MiMmAccessible(Mm) && (!Writable || MiMmWritable(Mm));
    }
    MI_SECURE *Secure = Ok ? (MI_SECURE *)calloc(1, sizeof(MI_SECURE)) : NULL;
    if (Secure != NULL) {
        Secure->FirstPage = First;
        Secure->Pages = End - First;
        Secure->Writable = Writable;
        Secure->Next = Process->Secures;
        Process->Secures = Secure;
    }
    MiUnlock();
    return (HANDLE)Secure;
}

/* In the process that secured it; a handle it does not hold changes nothing. */
VOID NTAPI MmUnsecureVirtualMemory(HANDLE SecureHandle)
{
    MiDdiEnter(MiDdi_MmUnsecureVirtualMemory, 0, MI_CALLER_ADDRESS());
    MiLock();
    MI_PROCESS *Process = MiUser.Current;
    for (MI_SECURE **Link = Process != NULL ? &Process->Secures : NULL; Link != NULL && *Link != NULL;
         Link = &(*Link)->Next) {
        if ((HANDLE)*Link == SecureHandle) {
            MI_SECURE *Secure = *Link;
            *Link = Secure->Next;
            free(Secure);
            break;
        }
    }
    MiUnlock();
}

/* ---------------------------------------------------------------------- */
/* ZwAllocateVirtualMemory.                                               */
/* ---------------------------------------------------------------------- */
static NTSTATUS MiCommitRange(MI_PROCESS *Process, MI_VAD *Vad, uint64_t First, uint64_t Pages,
                              unsigned Mm)
{
    uint64_t New = 0;
    for (uint64_t Page = First; Page < First + Pages; Page++) {
        New += Process->Pte[Page] == 0;
    }
    if (MiUser.CommitTotal + New > MiUser.CommitLimit) {
        return STATUS_COMMITMENT_LIMIT;
    }
    MiUserSettle(Process, First, Pages);
    bool Host = MiMmAccessible(Mm) && Process == MiUser.Current;
    uint64_t RunStart = UINT64_MAX;
    for (uint64_t Page = First; Page < First + Pages; Page++) {
        if (Process->Pte[Page] == 0) {
            MiUserPteSet(Process, Page, (uint64_t)Mm << MI_UPTE_PROT_SHIFT);
            RunStart = RunStart == UINT64_MAX ? Page : RunStart;
            continue;
        }
        MiUserSetProtection(Process, Page, Mm); /* recommit: the new protection */
        if (Host && RunStart != UINT64_MAX) {
            MiUserServeByHost(Process, RunStart, Page - RunStart, Mm);
        }
        RunStart = UINT64_MAX;
    }
    if (Host && RunStart != UINT64_MAX) {
        MiUserServeByHost(Process, RunStart, First + Pages - RunStart, Mm);
    }
    Vad->Committed += New;
    Process->CommitCharge += New;
    if (Process->CommitCharge > Process->PeakCommitCharge) {
        Process->PeakCommitCharge = Process->CommitCharge;
    }
    MiUser.CommitTotal += New;
    if (MiUser.CommitTotal > MiUser.CommitPeak) {
        MiUser.CommitPeak = MiUser.CommitTotal;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS MiAllocateVirtual(HANDLE ProcessHandle, PVOID *BaseAddress, ULONG_PTR ZeroBits,
                                  PSIZE_T RegionSize, ULONG AllocationType, ULONG Protect)
{
    MiCheckDriverPointer(BaseAddress, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(RegionSize, 0, true, MI_CALLER_ADDRESS());
    MI_PROCESS *Process = MiProcessFromHandle(ProcessHandle);
    if (Process == NULL) {
        return STATUS_INVALID_HANDLE;
    }
    const ULONG Known = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_TOP_DOWN;
    if ((AllocationType & ~Known) != 0 ||
        (AllocationType & (MEM_COMMIT | MEM_RESERVE | MEM_RESET)) == 0 ||
        ((AllocationType & MEM_RESET) && AllocationType != MEM_RESET)) {
        return STATUS_INVALID_PARAMETER_5;
    }
    /* ZeroBits: a count of high address bits that must be zero (at most
     * 21), or, from 32 on, a mask the address must fit in. */
    uintptr_t Highest = (uintptr_t)0x7FFFFFFFFFFFull;
    if (ZeroBits >= 32) {
        Highest = ZeroBits;
    } else if (ZeroBits > 21) {
        return STATUS_INVALID_PARAMETER_3;
    } else {
        Highest >>= ZeroBits;
    }
    unsigned Mm = MiProtectToMm(Protect);
    if (Mm == 0) {
        return STATUS_INVALID_PAGE_PROTECTION;
    }
    uintptr_t Va = (uintptr_t)*BaseAddress;
    SIZE_T Size = *RegionSize;
    if (Size == 0) {
        return STATUS_INVALID_PARAMETER_4;
    }
    if (MiUser.Base == NULL) {
        return STATUS_NO_MEMORY; /* this host has no user range (docs/user-space.md) */
    }
    if (Va != 0) {
        if (!MiUserAddressOk((void *)Va)) {
            return STATUS_INVALID_PARAMETER_2;
        }
        if (Size > MiUserEnd() - Va) {
            return STATUS_INVALID_PARAMETER_4;
        }
    } else if (Size > MiUserEnd() - (uintptr_t)MiUser.Base) {
        return STATUS_INVALID_PARAMETER_4;
    }
    if (AllocationType != MEM_RESET &&
        MiInjectFaultAt(SimFaultAllocateVirtualMemory, 0, MI_CALLER_ADDRESS()) != MiInjectNone) {
        return (AllocationType & MEM_COMMIT) ? STATUS_COMMITMENT_LIMIT : STATUS_NO_MEMORY;
    }
    NTSTATUS Status = STATUS_SUCCESS;
    MiLock();
    if (AllocationType == MEM_RESET) {
        /* The contents become disposable; with no paging file there is
         * nothing to discard. The range must be committed, in one VAD. */
        uint64_t First = MiUserPage((void *)Va), End = MiPageUp(Va + Size);
        MI_VAD *Vad = Va != 0 ? MiVadFind(Process, First) : NULL;
        if (Vad == NULL || End > Vad->FirstPage + Vad->Pages) {
            Status = STATUS_CONFLICTING_ADDRESSES;
        }
        for (uint64_t Page = First; Status == STATUS_SUCCESS && Page < End; Page++) {
            if (Process->Pte[Page] == 0) {
                Status = STATUS_CONFLICTING_ADDRESSES;
            }
        }
        if (Status == STATUS_SUCCESS) {
            *BaseAddress = MiUserVa(First);
            *RegionSize = (End - First) * PAGE_SIZE;
        }
        MiUnlock();
        return Status;
    }
    if ((AllocationType & MEM_RESERVE) || Va == 0) {
        uint64_t First, Pages;
        if (Va != 0) {
            /* Reserving: the base rounds down to 64 KiB, the end up to a page. */
            First = MiUserPage((void *)Va) / MI_GRANULE_PAGES * MI_GRANULE_PAGES;
            Pages = MiPageUp(Va + Size) - First;
            if ((uintptr_t)MiUserVa(First + Pages) - 1 > Highest && ZeroBits != 0) {
                Status = STATUS_INVALID_PARAMETER_3;
            } else if (!MiVadRangeFree(Process, First, Pages)) {
                Status = STATUS_CONFLICTING_ADDRESSES;
            }
        } else {
            Pages = (Size + PAGE_SIZE - 1) / PAGE_SIZE;
            uint64_t HighestPage = Highest < (uintptr_t)MiUser.Base
                                       ? 0
                                       : (uint64_t)(Highest - (uintptr_t)MiUser.Base) / PAGE_SIZE;
            First = Highest < (uintptr_t)MiUser.Base
                        ? UINT64_MAX
                        : MiVadFindFree(Process, Pages, HighestPage,
                                        (AllocationType & MEM_TOP_DOWN) != 0);
            if (First == UINT64_MAX) {
                Status = STATUS_NO_MEMORY;
            }
        }
        if (Status == STATUS_SUCCESS && (AllocationType & MEM_COMMIT) &&
            MiUser.CommitTotal + Pages > MiUser.CommitLimit) {
            Status = STATUS_COMMITMENT_LIMIT;
        }
        MI_VAD *Vad = NULL;
        if (Status == STATUS_SUCCESS) {
            Vad = MiVadInsert(Process, First, Pages, Protect, MiVadPrivate);
            Status = Vad != NULL ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
        }
        if (Status == STATUS_SUCCESS && (AllocationType & MEM_COMMIT)) {
            Status = MiCommitRange(Process, Vad, First, Pages, Mm);
        }
        if (Status == STATUS_SUCCESS) {
            *BaseAddress = MiUserVa(First);
            *RegionSize = Pages * PAGE_SIZE;
        }
        MiUnlock();
        return Status;
    }
    /* Committing inside a reservation: page-granular. */
    uint64_t First = MiUserPage((void *)Va), End = MiPageUp(Va + Size);
    MI_VAD *Vad = MiVadFind(Process, First);
    if (Vad == NULL || Vad->Kind != MiVadPrivate || End > Vad->FirstPage + Vad->Pages) {
        Status = STATUS_CONFLICTING_ADDRESSES;
    } else {
        Status = MiCommitRange(Process, Vad, First, End - First, Mm);
    }
    if (Status == STATUS_SUCCESS) {
        *BaseAddress = MiUserVa(First);
        *RegionSize = (End - First) * PAGE_SIZE;
    }
    MiUnlock();
    return Status;
}

NTSTATUS NTAPI ZwAllocateVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress,
                                       ULONG_PTR ZeroBits, PSIZE_T RegionSize,
                                       ULONG AllocationType, ULONG Protect)
{
    MiDdiEnter(MiDdi_ZwAllocateVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiAllocateVirtual(ProcessHandle, BaseAddress, ZeroBits, RegionSize, AllocationType,
                             Protect);
}

NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress,
                                       ULONG_PTR ZeroBits, PSIZE_T RegionSize,
                                       ULONG AllocationType, ULONG Protect)
{
    MiDdiEnter(MiDdi_NtAllocateVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiAllocateVirtual(ProcessHandle, BaseAddress, ZeroBits, RegionSize, AllocationType,
                             Protect);
}

/* ---------------------------------------------------------------------- */
/* ZwFreeVirtualMemory.                                                   */
/* ---------------------------------------------------------------------- */
static NTSTATUS MiFreeVirtual(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                              ULONG FreeType)
{
    MiCheckDriverPointer(BaseAddress, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(RegionSize, 0, true, MI_CALLER_ADDRESS());
    MI_PROCESS *Process = MiProcessFromHandle(ProcessHandle);
    if (Process == NULL) {
        return STATUS_INVALID_HANDLE;
    }
    if (FreeType != MEM_DECOMMIT && FreeType != MEM_RELEASE) {
        return STATUS_INVALID_PARAMETER_4;
    }
    uintptr_t Va = (uintptr_t)*BaseAddress;
    SIZE_T Size = *RegionSize;
    if (!MiUserAddressOk((void *)Va)) {
        return STATUS_INVALID_PARAMETER_2;
    }
    if (Size > MiUserEnd() - Va) {
        return STATUS_INVALID_PARAMETER_3;
    }
    MiLock();
    uint64_t First = MiUserPage((void *)Va);
    MI_VAD *Vad = MiVadFind(Process, First);
    NTSTATUS Status = STATUS_SUCCESS;
    uint64_t VadEnd = Vad != NULL ? Vad->FirstPage + Vad->Pages : 0;
    uint64_t End = Size == 0 ? VadEnd : MiPageUp(Va + Size);
    if (Vad == NULL) {
        Status = STATUS_MEMORY_NOT_ALLOCATED;
    } else if (Vad->Kind != MiVadPrivate || End > VadEnd) {
        Status = STATUS_UNABLE_TO_FREE_VM;
    } else if (MiSecured(Process, FreeType == MEM_RELEASE ? Vad->FirstPage : First,
                         FreeType == MEM_RELEASE ? Vad->Pages : End - First, 0)) {
        Status = STATUS_INVALID_PAGE_PROTECTION; /* MmSecureVirtualMemory holds it */
    } else if (FreeType == MEM_RELEASE) {
        /* The whole reservation, named by its base (a size of 0 is what
         * the documentation asks; one covering it exactly is the same). */
        if (First != Vad->FirstPage) {
            Status = Size == 0 ? STATUS_FREE_VM_NOT_AT_BASE : STATUS_UNABLE_TO_FREE_VM;
        } else if (End != VadEnd) {
            Status = STATUS_UNABLE_TO_FREE_VM;
        } else {
            MiUserDecommit(Process, Vad, Vad->FirstPage, Vad->Pages);
            *BaseAddress = MiUserVa(Vad->FirstPage);
            *RegionSize = Vad->Pages * PAGE_SIZE;
            MiVadRemove(Process, Vad);
        }
    } else {
        MiUserDecommit(Process, Vad, First, End - First);
        *BaseAddress = MiUserVa(First);
        *RegionSize = (End - First) * PAGE_SIZE;
    }
    MiUnlock();
    return Status;
}

NTSTATUS NTAPI ZwFreeVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                   ULONG FreeType)
{
    MiDdiEnter(MiDdi_ZwFreeVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiFreeVirtual(ProcessHandle, BaseAddress, RegionSize, FreeType);
}

NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                   ULONG FreeType)
{
    MiDdiEnter(MiDdi_NtFreeVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiFreeVirtual(ProcessHandle, BaseAddress, RegionSize, FreeType);
}

/* ---------------------------------------------------------------------- */
/* ZwProtectVirtualMemory.                                                */
/* ---------------------------------------------------------------------- */
static NTSTATUS MiProtectVirtual(HANDLE ProcessHandle, PVOID *BaseAddress, PSIZE_T RegionSize,
                                 ULONG NewProtect, PULONG OldProtect)
{
    MiCheckDriverPointer(BaseAddress, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(RegionSize, 0, true, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(OldProtect, 0, true, MI_CALLER_ADDRESS());
    MI_PROCESS *Process = MiProcessFromHandle(ProcessHandle);
    if (Process == NULL) {
        return STATUS_INVALID_HANDLE;
    }
    unsigned Mm = MiProtectToMm(NewProtect);
    if (Mm == 0) {
        return STATUS_INVALID_PAGE_PROTECTION;
    }
    uintptr_t Va = (uintptr_t)*BaseAddress;
    SIZE_T Size = *RegionSize;
    if (!MiUserAddressOk((void *)Va)) {
        return STATUS_INVALID_PARAMETER_2;
    }
    if (Size == 0 || Size > MiUserEnd() - Va) {
        return STATUS_INVALID_PARAMETER_3;
    }
    MiLock();
    uint64_t First = MiUserPage((void *)Va), End = MiPageUp(Va + Size);
    MI_VAD *Vad = MiVadFind(Process, First);
    NTSTATUS Status = STATUS_SUCCESS;
    if (Vad == NULL || Vad->Kind != MiVadPrivate || End > Vad->FirstPage + Vad->Pages) {
        Status = STATUS_CONFLICTING_ADDRESSES;
    }
    for (uint64_t Page = First; Status == STATUS_SUCCESS && Page < End; Page++) {
        if (Process->Pte[Page] == 0) {
            Status = STATUS_NOT_COMMITTED;
        }
    }
    if (Status == STATUS_SUCCESS && MiSecured(Process, First, End - First, Mm)) {
        Status = STATUS_INVALID_PAGE_PROTECTION; /* MmSecureVirtualMemory holds it */
    }
    if (Status == STATUS_SUCCESS) {
        MiUserSettle(Process, First, End - First);
        *OldProtect = MiMmToProtect(MiUserPteProtection(Process->Pte[First]));
        for (uint64_t Page = First; Page < End; Page++) {
            MiUserSetProtection(Process, Page, Mm);
        }
        *BaseAddress = MiUserVa(First);
        *RegionSize = (End - First) * PAGE_SIZE;
    }
    MiUnlock();
    return Status;
}

NTSTATUS NTAPI ZwProtectVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress,
                                      PSIZE_T RegionSize, ULONG NewProtect, PULONG OldProtect)
{
    MiDdiEnter(MiDdi_ZwProtectVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiProtectVirtual(ProcessHandle, BaseAddress, RegionSize, NewProtect, OldProtect);
}

NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE ProcessHandle, PVOID *BaseAddress,
                                      PSIZE_T RegionSize, ULONG NewProtect, PULONG OldProtect)
{
    MiDdiEnter(MiDdi_NtProtectVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiProtectVirtual(ProcessHandle, BaseAddress, RegionSize, NewProtect, OldProtect);
}

/* ---------------------------------------------------------------------- */
/* ZwQueryVirtualMemory (MemoryBasicInformation).                         */
/* ---------------------------------------------------------------------- */
/* The region from Page: pages alike in state and protection (lock held). */
void MiUserDescribe(const MI_PROCESS *Process, uint64_t Page, MEMORY_BASIC_INFORMATION *Info);
void MiUserDescribe(const MI_PROCESS *Process, uint64_t Page, MEMORY_BASIC_INFORMATION *Info)
{
    if (MiUserIsLazy(Process, Page)) {
        /* !address shows the PTE: the page as the fault would have left it. */
        MiUserSettle(MiUser.Current, Page, 1);
    }
    memset(Info, 0, sizeof(*Info));
    Info->BaseAddress = MiUserVa(Page);
    const MI_VAD *Vad = MiVadFind(Process, Page);
    if (Vad == NULL) {
        uint64_t End = MiUserUsablePages();
        for (const MI_RANGE *Range = MiRangeFirst(&Process->Vads); Range != NULL;
             Range = MiRangeNext(&Process->Vads, Range)) {
            if (Range->FirstPage > Page) {
                End = Range->FirstPage;
                break;
            }
        }
        Info->RegionSize = (End - Page) * PAGE_SIZE;
        Info->State = MEM_FREE;
        Info->Protect = PAGE_NOACCESS;
        return;
    }
    Info->AllocationBase = MiUserVa(Vad->FirstPage);
    Info->AllocationProtect = Vad->AllocationProtect;
    Info->Type = MEM_PRIVATE;
    uint64_t VadEnd = Vad->FirstPage + Vad->Pages;
    unsigned Mm = MiUserPteProtection(Process->Pte[Page]);
    bool Committed = Process->Pte[Page] != 0;
    uint64_t End = Page + 1;
    while (End < VadEnd && (Process->Pte[End] != 0) == Committed &&
           MiUserPteProtection(Process->Pte[End]) == Mm) {
        End++;
    }
    Info->RegionSize = (End - Page) * PAGE_SIZE;
    Info->State = Committed ? MEM_COMMIT : MEM_RESERVE;
    Info->Protect = Committed ? MiMmToProtect(Mm) : 0;
}

static NTSTATUS MiQueryVirtual(HANDLE ProcessHandle, PVOID BaseAddress,
                               MEMORY_INFORMATION_CLASS MemoryInformationClass,
                               PVOID MemoryInformation, SIZE_T MemoryInformationLength,
                               PSIZE_T ReturnLength)
{
    MI_PROCESS *Process = MiProcessFromHandle(ProcessHandle);
    if (Process == NULL) {
        return STATUS_INVALID_HANDLE;
    }
    if (MemoryInformationClass != MemoryBasicInformation) {
        return STATUS_INVALID_INFO_CLASS;
    }
    if (MemoryInformationLength < sizeof(MEMORY_BASIC_INFORMATION)) {
        return STATUS_INFO_LENGTH_MISMATCH;
    }
    MiCheckDriverPointer(MemoryInformation, 0, true, MI_CALLER_ADDRESS());
    if (!MiUserAddressOk(BaseAddress)) {
        return STATUS_INVALID_PARAMETER;
    }
    MEMORY_BASIC_INFORMATION Info;
    MiLock();
    MiUserDescribe(Process, MiUserPage(BaseAddress), &Info);
    MiUnlock();
    memcpy(MemoryInformation, &Info, sizeof(Info));
    if (ReturnLength != NULL) {
        *ReturnLength = sizeof(Info);
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI ZwQueryVirtualMemory(HANDLE ProcessHandle, PVOID BaseAddress,
                                    MEMORY_INFORMATION_CLASS MemoryInformationClass,
                                    PVOID MemoryInformation, SIZE_T MemoryInformationLength,
                                    PSIZE_T ReturnLength)
{
    MiDdiEnter(MiDdi_ZwQueryVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiQueryVirtual(ProcessHandle, BaseAddress, MemoryInformationClass, MemoryInformation,
                          MemoryInformationLength, ReturnLength);
}

NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE ProcessHandle, PVOID BaseAddress,
                                    MEMORY_INFORMATION_CLASS MemoryInformationClass,
                                    PVOID MemoryInformation, SIZE_T MemoryInformationLength,
                                    PSIZE_T ReturnLength)
{
    MiDdiEnter(MiDdi_NtQueryVirtualMemory, 0, MI_CALLER_ADDRESS());
    return MiQueryVirtual(ProcessHandle, BaseAddress, MemoryInformationClass, MemoryInformation,
                          MemoryInformationLength, ReturnLength);
}

/* ---------------------------------------------------------------------- */
/* Invariants.                                                            */
/* ---------------------------------------------------------------------- */
typedef struct {
    char *Report;
    size_t Size;
    uint64_t Problems;
    uint64_t LazyShown; /* host-served pages the host shows */
} MI_USER_HOST_CHECK;

/* The host shows a user page only where the current process's PTE is valid,
 * with that PTE's page and write access (a valid PTE may be unshown: after
 * an attach it comes back at the next touch), or where the page is served
 * by the host: then private memory, the PTE demand zero and accessible, with
 * its write access. */
static void MiCheckUserHostRange(void *Context, uintptr_t Start, uintptr_t End, bool Readable,
                                 bool Writable, bool Physical, uint64_t Offset)
{
    MI_USER_HOST_CHECK *Check = (MI_USER_HOST_CHECK *)Context;
    if (!Readable && !Writable) {
        return;
    }
    const MI_PROCESS *Process = MiUser.Current;
    for (uintptr_t Va = Start; Va < End; Va += PAGE_SIZE) {
        uint64_t Page = MiUserPage((void *)Va);
        uint64_t Pte = Process->Pte[Page];
        bool Ok;
        if (MiUserIsLazy(Process, Page)) {
            unsigned Mm = MiUserPteProtection(Pte);
            Ok = !Physical && !(Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) && MiMmAccessible(Mm) &&
                 MiMmWritable(Mm) == Writable;
            Check->LazyShown += Ok;
        } else {
            uint64_t Want = Offset / PAGE_SIZE + (Va - Start) / PAGE_SIZE;
            Ok = Physical && (Pte & MI_PTE_VALID) && MiPteIndex(Pte) == Want &&
                 ((Pte & MI_PTE_WRITE) != 0) == Writable;
        }
        if (!Ok) {
            MiAppend(Check->Report, Check->Size,
                     "user page at %p is accessible in the host (%s) but its PTE is 0x%llx%s\n",
                     (void *)Va, Physical ? "physical memory" : "private memory",
                     (unsigned long long)Pte,
                     MiUserIsLazy(Process, Page) ? " (served by the host)" : "");
            Check->Problems++;
            return;
        }
    }
}

/* A process's VADs: in address order, not overlapping, inside the usable
 * range, none empty. Returns the problem count. */
static uint64_t MiCheckVads(const MI_PROCESS *Process, char *Report, size_t Size)
{
    uint64_t Problems = 0, End = 0;
    for (const MI_RANGE *Range = MiRangeFirst(&Process->Vads); Range != NULL;
         Range = MiRangeNext(&Process->Vads, Range)) {
        const MI_VAD *Vad = (const MI_VAD *)Range->Data;
        if (Vad->FirstPage != Range->FirstPage || Vad->Pages != Range->Pages || Vad->Pages == 0 ||
            Vad->FirstPage < End || Vad->FirstPage + Vad->Pages > MiUserUsablePages()) {
            MiAppend(Report, Size,
                     "process %u: VAD at page %llu (%llu pages) is out of order, overlaps the "
                     "one before (ending at %llu), or leaves the user range\n",
                     Process->Id, (unsigned long long)Vad->FirstPage,
                     (unsigned long long)Vad->Pages, (unsigned long long)End);
            Problems++;
        }
        End = Vad->FirstPage + Vad->Pages;
    }
    return Problems;
}

/* fuzz20b: what the last check saw of the current process's VAD pages that
 * are not empty (a PTE, or served by the host), in address order, so that
 * the touched check asks the host only about the user pages that changed
 * (an empty page is one the host must not show). */
typedef struct {
    uint64_t Page, Pte;
    bool Lazy;
} MI_USER_SEEN_PAGE;
static struct {
    bool Valid;
    const MI_PROCESS *Process;
    ULONG Id;
    const uint8_t *Base;
    MI_USER_SEEN_PAGE *Pages;
    size_t Count, Capacity;
} MiUserSeen, MiUserNow;

static bool MiUserSeenAdd(uint64_t Page, uint64_t Pte, bool Lazy)
{
    if (MiUserNow.Count == MiUserNow.Capacity) {
        size_t Capacity = MiUserNow.Capacity ? MiUserNow.Capacity * 2 : 256;
        MI_USER_SEEN_PAGE *Pages =
            (MI_USER_SEEN_PAGE *)realloc(MiUserNow.Pages, Capacity * sizeof(*Pages));
        if (Pages == NULL) {
            return false;
        }
        MiUserNow.Pages = Pages;
        MiUserNow.Capacity = Capacity;
    }
    MiUserNow.Pages[MiUserNow.Count++] = (MI_USER_SEEN_PAGE){Page, Pte, Lazy};
    return true;
}

/* The user pages [*Low, *High] whose PTE or host service differ between the
 * copy and now (both in address order); *Low > *High if none. */
static void MiUserChangedSpan(uint64_t *Low, uint64_t *High)
{
    *Low = UINT64_MAX;
    *High = 0;
    size_t a = 0, b = 0;
    while (a < MiUserSeen.Count || b < MiUserNow.Count) {
        const MI_USER_SEEN_PAGE *Old = a < MiUserSeen.Count ? &MiUserSeen.Pages[a] : NULL;
        const MI_USER_SEEN_PAGE *New = b < MiUserNow.Count ? &MiUserNow.Pages[b] : NULL;
        uint64_t Page;
        bool Changed;
        if (New == NULL || (Old != NULL && Old->Page < New->Page)) { /* empty now */
            Page = Old->Page;
            Changed = true;
            a++;
        } else if (Old == NULL || New->Page < Old->Page) { /* empty then */
            Page = New->Page;
            Changed = true;
            b++;
        } else {
            Page = New->Page;
            Changed = Old->Pte != New->Pte || Old->Lazy != New->Lazy;
            a++;
            b++;
        }
        if (Changed) {
            *Low = Page < *Low ? Page : *Low;
            *High = Page > *High ? Page : *High;
        }
    }
}

uint64_t MiCheckUserPfn(MI_INDEX Index, const MI_PFN *Entry, char *Report, size_t Size)
{
    if (MiUserPfnIsOrphan(Entry) && Entry->LockCount == 0 && Entry->MapCount == 0) {
        MiAppend(Report, Size,
                 "PFN 0x%llx: a user page its process let go of, held by no driver, is still "
                 "allocated\n",
                 (unsigned long long)MiIndexToPfn(Index));
        return 1;
    }
    return 0;
}

/* The host mirror of user pages [First, Last] of the current process;
 * LazyPages: how many of them the host serves. */
static uint64_t MiCheckUserHost(uint64_t First, uint64_t Last, uint64_t LazyPages, char *Report,
                                size_t Size)
{
    MI_USER_HOST_CHECK Host = {Report, Size, 0, 0};
    if (HostForEachMapping(MiUserVa(First), (Last - First + 1) * PAGE_SIZE, MiCheckUserHostRange,
                           &Host) &&
        Host.Problems == 0 && Host.LazyShown != LazyPages) {
        MiAppend(Report, Size, "%llu user page(s) served by the host, %llu shown by it\n",
                 (unsigned long long)LazyPages, (unsigned long long)Host.LazyShown);
        return 1;
    }
    return Host.Problems;
}

uint64_t MiCheckUserSpace(char *Report, size_t Size, const MI_USER_PFNS *Pfns)
{
    uint64_t Problems = 0, Commit = 0, Resident = 0, Lazy = 0;
    /* The current process's VAD pages as they are now (MiUserNow), taken in
     * the walk below. */
    MiUserNow.Count = 0;
    bool Taken = true;
    for (MI_PROCESS *Process = MiUser.Processes; Process != NULL; Process = Process->Next) {
        uint64_t ProcessCommit = 0, ProcessResident = 0, ProcessLazy = 0;
        Problems += MiCheckVads(Process, Report, Size);
        for (const MI_RANGE *Range = MiRangeFirst(&Process->Vads); Range != NULL;
             Range = MiRangeNext(&Process->Vads, Range)) {
            const MI_VAD *Vad = (const MI_VAD *)Range->Data;
            uint64_t Committed = 0;
            for (uint64_t Page = Vad->FirstPage; Page < Vad->FirstPage + Vad->Pages; Page++) {
                uint64_t Pte = Process->Pte[Page];
                Committed += Pte != 0;
                bool PageLazy = MiUserIsLazy(Process, Page);
                ProcessLazy += PageLazy;
                if ((Pte != 0 || PageLazy) && Process == MiUser.Current && Taken) {
                    Taken = MiUserSeenAdd(Page, Pte, PageLazy);
                }
                if (Vad->Kind == MiVadPrivate && (Pte & (MI_PTE_VALID | MI_PTE_TRANSITION))) {
                    ProcessResident++;
                    const MI_PFN *Entry = MiPfnEntry(MiPteIndex(Pte));
                    if (Entry->State != MiPageUser || Entry->Owner != Process->Id ||
                        (Entry->Flags & MI_PFN_FLAG_USER_ORPHAN)) {
                        MiAppend(Report, Size,
                                 "process %u: user page %llu names PFN 0x%llx of state %u, owner "
                                 "%u, flags 0x%x\n",
                                 Process->Id, (unsigned long long)Page,
                                 (unsigned long long)MI_PTE_PFN(Pte), Entry->State, Entry->Owner,
                                 Entry->Flags);
                        Problems++;
                    }
                }
            }
            if (Vad->Kind == MiVadPrivate && Committed != Vad->Committed) {
                MiAppend(Report, Size, "process %u: VAD at page %llu counts %llu committed, PTEs %llu\n",
                         Process->Id, (unsigned long long)Vad->FirstPage,
                         (unsigned long long)Vad->Committed, (unsigned long long)Committed);
                Problems++;
            }
            ProcessCommit += Vad->Kind == MiVadPrivate ? Vad->Committed : 0;
        }
        if (ProcessCommit != Process->CommitCharge || ProcessResident != Process->ResidentPages) {
            MiAppend(Report, Size,
                     "process %u: commit charge %llu (VADs %llu), resident %llu (PTEs %llu)\n",
                     Process->Id, (unsigned long long)Process->CommitCharge,
                     (unsigned long long)ProcessCommit, (unsigned long long)Process->ResidentPages,
                     (unsigned long long)ProcessResident);
            Problems++;
        }
        if (ProcessLazy != Process->LazyPages || (ProcessLazy != 0 && Process != MiUser.Current)) {
            MiAppend(Report, Size,
                     "process %u: %llu page(s) served by the host counted, %llu found%s\n",
                     Process->Id, (unsigned long long)Process->LazyPages,
                     (unsigned long long)ProcessLazy,
                     Process != MiUser.Current ? " (not the current process)" : "");
            Problems++;
        }
        Commit += ProcessCommit;
        Resident += ProcessResident;
        Lazy += ProcessLazy;
    }
    /* The host mirror: all of the user range in the whole check (or when the
     * copy is of another process or machine); in the touched one, the span
     * of pages whose PTE or host service changed since the last check
     * (fuzz20b: a question to the host after every call otherwise). What
     * only the whole check sees: a host mapping changed behind an unchanged
     * PTE. */
    if (MiUser.Base != NULL && MiUser.Current != NULL) {
        bool Same = Pfns != NULL && Taken && MiUserSeen.Valid &&
                    MiUserSeen.Process == MiUser.Current && MiUserSeen.Id == MiUser.Current->Id &&
                    MiUserSeen.Base == MiUser.Base;
        uint64_t Low = 0, High = MiUser.Pages - 1;
        if (Same) {
            MiUserChangedSpan(&Low, &High);
        }
        if (Low <= High) {
            uint64_t SpanLazy = 0;
            for (size_t i = 0; i < MiUserNow.Count; i++) {
                SpanLazy += MiUserNow.Pages[i].Lazy && MiUserNow.Pages[i].Page >= Low &&
                            MiUserNow.Pages[i].Page <= High;
            }
            Problems += MiCheckUserHost(Low, High, Same ? SpanLazy : MiUser.Current->LazyPages,
                                        Report, Size);
        }
        /* The copy for the next check (swapped, not copied). */
        MI_USER_SEEN_PAGE *Pages = MiUserSeen.Pages;
        size_t Capacity = MiUserSeen.Capacity;
        MiUserSeen.Pages = MiUserNow.Pages;
        MiUserSeen.Count = MiUserNow.Count;
        MiUserSeen.Capacity = MiUserNow.Capacity;
        MiUserNow.Pages = Pages;
        MiUserNow.Capacity = Capacity;
        MiUserNow.Count = 0;
        MiUserSeen.Valid = Taken && Problems == 0;
        MiUserSeen.Process = MiUser.Current;
        MiUserSeen.Id = MiUser.Current->Id;
        MiUserSeen.Base = MiUser.Base;
    } else {
        MiUserSeen.Valid = false;
    }
    if (Commit != MiUser.CommitTotal || MiUser.CommitTotal > MiUser.CommitLimit) {
        MiAppend(Report, Size, "user commit: total %llu, processes %llu, limit %llu\n",
                 (unsigned long long)MiUser.CommitTotal, (unsigned long long)Commit,
                 (unsigned long long)MiUser.CommitLimit);
        Problems++;
    }
    /* Host-served pages each have a free page waiting for them. */
    if (Lazy != MiUserLazyPages || MiPhys.FreeCount < MiUserLazyPages) {
        MiAppend(Report, Size,
                 "%llu user page(s) served by the host (processes: %llu), %llu free page(s)\n",
                 (unsigned long long)MiUserLazyPages, (unsigned long long)Lazy,
                 (unsigned long long)MiPhys.FreeCount);
        Problems++;
    }
    /* Pages in state User: one PTE of their owner each, or let go of by it
     * while a driver holds them (freed when the driver lets go). */
    uint64_t UserPfns = 0, Orphans = 0;
    if (Pfns != NULL) { /* the touched check's counts */
        UserPfns = Pfns->User;
        Orphans = Pfns->Orphans;
    }
    for (MI_INDEX i = Pfns != NULL ? MiPhys.Pages : MiPfnNextTouched(0); i < MiPhys.Pages;
         i = MiPfnNextTouched(i + 1)) {
        const MI_PFN *Entry = &MiPhys.Pfn[i]; /* filled in; fuzz22: unmarked (a read) */
        if (Entry->State != MiPageUser) {
            continue;
        }
        UserPfns++;
        Orphans += MiUserPfnIsOrphan(Entry);
        Problems += MiCheckUserPfn(i, Entry, Report, Size);
    }
    if (UserPfns != Resident + Orphans) {
        MiAppend(Report, Size,
                 "%llu page(s) in state User, but %llu resident in processes and %llu held by "
                 "drivers only\n",
                 (unsigned long long)UserPfns, (unsigned long long)Resident,
                 (unsigned long long)Orphans);
        Problems++;
    }
    return Problems;
}

/* ---------------------------------------------------------------------- */
/* User buffers for driver code: probes, MmProbeAndLockPages(UserMode),   */
/* MmMapLockedPagesSpecifyCache(UserMode).                                */
/* ---------------------------------------------------------------------- */
/* true if [Va, Va + Length) lies in the user range below MmUserProbeAddress
 * (no wrap). mmsim's system space and host memory are not user addresses,
 * wherever the host put them (docs/user-space.md). */
bool MiIsUserRange(uintptr_t Va, uintptr_t Length);
bool MiIsUserRange(uintptr_t Va, uintptr_t Length)
{
    return MiUser.Base != NULL && Va >= (uintptr_t)MiUser.Base && Va + Length >= Va &&
           Va + Length <= MiUserEnd();
}

/* ProbeForWrite's touch of each page: STATUS_SUCCESS, or the status the
 * write would raise (a demand-zero page is faulted in, as a touch would). */
NTSTATUS MiProbeUserWrite(uintptr_t Va, uintptr_t Length);
NTSTATUS MiProbeUserWrite(uintptr_t Va, uintptr_t Length)
{
    NTSTATUS Status = STATUS_SUCCESS;
    MiLock();
    for (uint64_t Page = MiUserPage((void *)Va); Status == STATUS_SUCCESS && Page < MiPageUp(Va + Length);
         Page++) {
        Status = MiUserMakeValid(MiUser.Current, Page, true);
    }
    MiUnlock();
    return Status;
}

/* MmProbeAndLockPages for an MDL that describes user memory: each page is
 * made resident as a touch would (guard, no-access and read-only pages raise
 * what the touch raises) and locked. UserMode first checks the range is
 * below MmUserProbeAddress. A page not yet resident at DISPATCH_LEVEL is
 * 0xD1 (pageable memory). Sets Mdl->Process. Raises on failure, with the
 * pages it locked unlocked again. */
void MiProbeAndLockUserPages(PMDL Mdl, KPROCESSOR_MODE AccessMode, bool Write, ULONG_PTR Caller);
void MiProbeAndLockUserPages(PMDL Mdl, KPROCESSOR_MODE AccessMode, bool Write, ULONG_PTR Caller)
{
    uintptr_t MdlVa = (uintptr_t)Mdl->StartVa + Mdl->ByteOffset;
    if (!MiIsUserRange(MdlVa, Mdl->ByteCount)) {
        (void)AccessMode;
        ExRaiseStatus(STATUS_ACCESS_VIOLATION); /* not (all) user space */
    }
    uintptr_t PageVa = MdlVa & ~(uintptr_t)(PAGE_SIZE - 1);
    ULONG Span = MiMdlSpan(Mdl);
    PFN_NUMBER *Pfns = MmGetMdlPfnArray(Mdl);
    KIRQL Irql = MiCurrentIrql();
    MiLock();
    MI_PROCESS *Process = MiUser.Current;
    MiUserSettle(Process, MiUserPage((void *)PageVa), Span);
    for (ULONG i = 0; i < Span; i++) {
        uint64_t Page = MiUserPage((void *)(PageVa + (uintptr_t)i * PAGE_SIZE));
        uint64_t Pte = Process->Pte[Page];
        NTSTATUS Status = STATUS_SUCCESS;
        if (!(Pte & MI_PTE_VALID) && Pte != 0 && Irql > APC_LEVEL) {
            for (ULONG k = 0; k < i; k++) {
                MI_INDEX Index;
                if (MiPfnToIndex(Pfns[k], &Index)) {
                    MiPfnEntry(Index)->LockCount--;
                }
            }
            MiUnlock();
            ULONG_PTR Touched = i == 0 ? MdlVa : PageVa + (uintptr_t)i * PAGE_SIZE;
            KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, Touched, Irql, Write ? 1 : 0, Caller);
        }
        Status = MiUserMakeValid(Process, Page, Write);
        if (Status != STATUS_SUCCESS) {
            for (ULONG k = 0; k < i; k++) {
                MI_INDEX Index;
                if (MiPfnToIndex(Pfns[k], &Index)) {
                    MiPfnEntry(Index)->LockCount--;
                }
            }
            MiUnlock();
            ExRaiseStatus(Status);
        }
        Pte = Process->Pte[Page];
        MiPfnEntry(MiPteIndex(Pte))->LockCount++;
        Pfns[i] = (PFN_NUMBER)MI_PTE_PFN(Pte);
    }
    MiUnlock();
    Mdl->Process = (struct _EPROCESS *)(void *)Process;
}

/* MmUnlockPages of user pages (lock held, the locks already dropped): a
 * page its process decommitted or released while the MDL held it was kept
 * for the MDL (its reference); the last unlock frees it. */
void MiUserReleaseOrphans(const PFN_NUMBER *Pfns, ULONG Count);
void MiUserReleaseOrphans(const PFN_NUMBER *Pfns, ULONG Count)
{
    for (ULONG i = 0; i < Count; i++) {
        MI_INDEX Index;
        if (!MiPfnToIndex(Pfns[i], &Index)) {
            continue;
        }
        MI_PFN *Entry = MiPfnEntry(Index);
        if (Entry->State == MiPageUser && (Entry->Flags & MI_PFN_FLAG_USER_ORPHAN) &&
            Entry->LockCount == 0 && Entry->MapCount == 0) {
            MiFreePhysical(Index);
        }
    }
}

/* MmMapLockedPagesSpecifyCache(UserMode): the MDL's pages in a new VAD of
 * the current process (at RequestedAddress if given and free, else the
 * first free 64 KiB slot), valid at once. Raises on failure, as the routine
 * does for UserMode. */
PVOID MiMapLockedPagesUser(PMDL Mdl, PVOID RequestedAddress, bool Writable, ULONG_PTR Caller);
PVOID MiMapLockedPagesUser(PMDL Mdl, PVOID RequestedAddress, bool Writable, ULONG_PTR Caller)
{
    (void)Caller;
    ULONG Span = MiMdlSpan(Mdl);
    if (MiUser.Base == NULL || Span == 0) {
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    }
    MI_INDEX *Indices = (MI_INDEX *)malloc((size_t)Span * sizeof(MI_INDEX));
    if (Indices == NULL) {
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    }
    MiLock();
    ULONG Bad = 0;
    if (!MiMdlPagesMappable(Mdl, Span, Indices, &Bad)) {
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[Bad];
        MiUnlock();
        free(Indices);
        KeBugCheckEx(MEMORY_MANAGEMENT, 0x1233, Pfn, 0, 0);
    }
    MI_PROCESS *Process = MiUser.Current;
    uint64_t First = UINT64_MAX;
    if (RequestedAddress != NULL && MiUserAddressOk(RequestedAddress) &&
        ((uintptr_t)RequestedAddress & (MI_ALLOCATION_GRANULARITY - 1)) == 0 &&
        MiUserPage(RequestedAddress) + Span <= MiUserUsablePages() &&
        MiVadRangeFree(Process, MiUserPage(RequestedAddress), Span)) {
        First = MiUserPage(RequestedAddress);
    } else if (RequestedAddress == NULL) {
        First = MiVadFindFree(Process, Span, UINT64_MAX, false);
    }
    MI_VAD *Vad = First != UINT64_MAX ? MiVadInsert(Process, First, Span,
                                                    Writable ? PAGE_READWRITE : PAGE_READONLY,
                                                    MiVadMdlMapping)
                                      : NULL;
    if (Vad == NULL) {
        MiUnlock();
        free(Indices);
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    }
    Vad->Mdl = Mdl;
    unsigned Mm = Writable ? MI_MM_READWRITE : MI_MM_READONLY;
    for (ULONG i = 0; i < Span; i++) {
        uint64_t Pte = MiUserValidPte(Indices[i], Mm);
        MiUserPteSet(Process, First + i, Pte);
        if (!MiUserMirror(First + i, Pte)) {
            MiUserDecommit(Process, Vad, First, Span);
            MiVadRemove(Process, Vad);
            MiUnlock();
            free(Indices);
            ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
        }
    }
    MiUnlock();
    free(Indices);
    return MiUserVa(First) + (Mdl->ByteOffset & (PAGE_SIZE - 1));
}

/* MmUnmapLockedPages of a user mapping: it must be this MDL's, in the
 * current process. */
void MiUnmapLockedPagesUser(PVOID BaseAddress, PMDL Mdl);
void MiUnmapLockedPagesUser(PVOID BaseAddress, PMDL Mdl)
{
    MiLock();
    MI_PROCESS *Process = MiUser.Current;
    MI_VAD *Vad = MiVadFind(Process, MiUserPage(BaseAddress));
    if (Vad == NULL || Vad->Kind != MiVadMdlMapping || Vad->Mdl != Mdl ||
        MiUserVa(Vad->FirstPage) + (Mdl->ByteOffset & (PAGE_SIZE - 1)) != (uint8_t *)BaseAddress) {
        MiUnlock();
        /* Not a view this MDL has here (another process's, or none). */
        KeBugCheckEx(DRIVER_UNMAPPING_INVALID_VIEW, (ULONG_PTR)BaseAddress, 1, 0, 0);
    }
    MiUserDecommit(Process, Vad, Vad->FirstPage, Vad->Pages);
    MiVadRemove(Process, Vad);
    MiUnlock();
}
