/*
 * mi_user.h - the simulated user address space (process.c, vad.c,
 * virtual.c; docs/user-space.md). Private to sim/mm.
 *
 * One host reservation is the user range of every process, as one range of
 * virtual addresses is on a real machine: each process has its own PTEs and
 * VADs for it, and only the current (attached) process's valid PTEs are
 * mirrored by host mappings. Attaching another process revokes the range
 * (the span the host may show: MiUserHostShows) in one host call; its valid
 * pages come back on first touch.
 */
#ifndef MMSIM_MI_USER_H
#define MMSIM_MI_USER_H

#include "mi_mm.h"

/* Size of the user range (host reservation), and its top 64 KiB that no
 * allocation may use (the no-access region below MmUserProbeAddress). */
#define MI_USER_BYTES (8ull << 30)
#define MI_USER_BARRIER_PAGES 16u
#define MI_ALLOCATION_GRANULARITY 0x10000u
#define MI_GRANULE_PAGES (MI_ALLOCATION_GRANULARITY / PAGE_SIZE)

/* A user page whose process let go of it while a driver held it locked:
 * it stays allocated, the MDL's, until MmUnlockPages drops its last lock
 * (MiUserReleaseOrphans); the process's exit before that is 0x76. */
#define MI_PFN_FLAG_USER_ORPHAN 0x0100

/* Memory-manager protection codes (5 bits, the Windows encoding): base
 * access in bits 0-2, 0x08 no-cache, 0x10 guard, 0x18 write-combine; base 0
 * with 0x18 is NOACCESS. 0 = not committed. */
#define MI_MM_READONLY 1
#define MI_MM_EXECUTE 2
#define MI_MM_EXECUTE_READ 3
#define MI_MM_READWRITE 4
#define MI_MM_WRITECOPY 5
#define MI_MM_EXECUTE_READWRITE 6
#define MI_MM_EXECUTE_WRITECOPY 7
#define MI_MM_NOCACHE 0x08
#define MI_MM_GUARD 0x10
#define MI_MM_WRITECOMBINE 0x18
#define MI_MM_NOACCESS 0x18

/* User PTE formats (x64 hardware PTE when valid; software otherwise):
 *   0                               no commitment (free or reserved)
 *   protection in bits 5-9          committed, demand zero (no page yet)
 *   PFN | TRANSITION | protection   committed, page resident but not
 *                                   accessible (NOACCESS or GUARD now)
 *   PFN | VALID | ...               valid; the protection is kept in bits
 *                                   52-56, which x64 leaves to software */
#define MI_UPTE_PROT_SHIFT 5
#define MI_UPTE_VALID_PROT_SHIFT 52
static inline unsigned MiUserPteProtection(uint64_t Pte)
{
    return (unsigned)((Pte >> ((Pte & MI_PTE_VALID) ? MI_UPTE_VALID_PROT_SHIFT
                                                     : MI_UPTE_PROT_SHIFT)) & 0x1F);
}

typedef enum _MI_VAD_KIND {
    MiVadPrivate = 0, /* ZwAllocateVirtualMemory */
    MiVadMdlMapping   /* MmMapLockedPagesSpecifyCache(UserMode) */
} MI_VAD_KIND;

typedef struct _MI_VAD {
    uint64_t FirstPage; /* page number from the user range's base */
    uint64_t Pages;
    ULONG AllocationProtect; /* PAGE_* given when it was reserved */
    MI_VAD_KIND Kind;
    uint64_t Committed;  /* committed pages (charged) */
    PMDL Mdl;            /* MiVadMdlMapping: the MDL mapped */
} MI_VAD;

/* A range MmSecureVirtualMemory secured (the handle is its address). */
typedef struct _MI_SECURE {
    struct _MI_SECURE *Next;
    uint64_t FirstPage, Pages;
    bool Writable; /* ProbeMode PAGE_READWRITE: must stay writable */
} MI_SECURE;

typedef struct _MI_PROCESS {
    ULONG Id;
    bool Deleted;
    MI_RANGE_TABLE Vads; /* Data: MI_VAD * */
    uint64_t *Pte;       /* one per page of the user range */
    /* fuzz22: the PTEs ever written lie in [PteFirst, PteEnd) (MiUserPteSet):
     * a reset clears that span of the table, not all 16 MiB of it. */
    uint64_t PteFirst, PteEnd;
    uint64_t CommitCharge;
    uint64_t PeakCommitCharge;
    uint64_t ResidentPages; /* pages this process's PTEs hold */
    uint64_t DemandZeroFaults;
    uint64_t GuardFaults;
    /* Host-served pages (virtual.c): committed, demand-zero pages mapped as
     * private anonymous host memory, one bit a page; only in the current
     * process. NULL until first used. */
    uint64_t *Lazy;
    uint64_t LazyPages;
    /* fuzz23: every page marked in Lazy since LazyPages was last 0 lies in
     * [LazyFirst, LazyEnd) (set anew when a page is marked with none
     * marked): settling all of them walks that span of the bitmap, not the
     * 32K words of the whole 8 GiB range. */
    uint64_t LazyFirst, LazyEnd;
    MI_SECURE *Secures; /* MmSecureVirtualMemory's ranges */
    struct _MI_PROCESS *Next;
} MI_PROCESS;

typedef struct _MI_USER {
    uint8_t *Base; /* host address of the user range; NULL: no user space */
    uint64_t Pages;
    MI_PROCESS *Processes;
    MI_PROCESS *Initial;  /* the process the machine starts in */
    MI_PROCESS *Current;
    ULONG NextId;
    uint64_t CommitTotal; /* pages, all processes */
    uint64_t CommitLimit;
    uint64_t CommitPeak;
    uint64_t HostMapCalls;
} MI_USER;

extern MI_USER MiUser;

/* Every write of a user PTE (fuzz22: keeps the span a reset clears). */
static inline void MiUserPteSet(MI_PROCESS *Process, uint64_t Page, uint64_t Pte)
{
    Process->Pte[Page] = Pte;
    Process->PteFirst = Page < Process->PteFirst ? Page : Process->PteFirst;
    Process->PteEnd = Page + 1 > Process->PteEnd ? Page + 1 : Process->PteEnd;
}

static inline bool MiIsUserVa(const void *Va)
{
    return MiUser.Base != NULL && (const uint8_t *)Va >= MiUser.Base &&
           (const uint8_t *)Va < MiUser.Base + MiUser.Pages * PAGE_SIZE;
}
/* The first page allocations may not use (the barrier below the probe address). */
static inline uint64_t MiUserUsablePages(void)
{
    return MiUser.Pages - MI_USER_BARRIER_PAGES;
}
static inline uint64_t MiUserPage(const void *Va)
{
    return (uint64_t)((const uint8_t *)Va - MiUser.Base) / PAGE_SIZE;
}
static inline uint8_t *MiUserVa(uint64_t Page)
{
    return MiUser.Base + Page * PAGE_SIZE;
}

/* process.c */
MI_PROCESS *MiProcessFromHandle(HANDLE Handle);
HANDLE MiProcessHandle(const MI_PROCESS *Process);
/* Frees every page and VAD of Process (not the record). */
void MiProcessEmpty(MI_PROCESS *Process);

/* vad.c */
MI_VAD *MiVadFind(const MI_PROCESS *Process, uint64_t Page);
MI_VAD *MiVadInsert(MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages, ULONG Protect,
                    MI_VAD_KIND Kind);
void MiVadRemove(MI_PROCESS *Process, MI_VAD *Vad);
/* A free run of Pages pages starting on a 64 KiB boundary with its last
 * page below HighestPage (inclusive); UINT64_MAX if none. */
uint64_t MiVadFindFree(const MI_PROCESS *Process, uint64_t Pages, uint64_t HighestPage,
                       bool TopDown);
/* true if [FirstPage, FirstPage + Pages) meets no VAD. */
bool MiVadRangeFree(const MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages);

/* virtual.c */
/* PAGE_* -> MI_MM_* (0 if the combination is invalid for private memory). */
unsigned MiProtectToMm(ULONG Protect);
ULONG MiMmToProtect(unsigned Mm);
/* Makes the user PTE of Page valid in the current process (demand zero,
 * transition or re-mirror after an attach). Lock held. Returns the status a
 * touch would raise (STATUS_SUCCESS if the page is now valid). Write: the
 * access writes. Guard pages lose their guard and return the violation. */
NTSTATUS MiUserMakeValid(MI_PROCESS *Process, uint64_t Page, bool Write);
/* Releases the pages of [FirstPage, FirstPage+Pages) (decommit). Lock held. */
void MiUserDecommit(MI_PROCESS *Process, MI_VAD *Vad, uint64_t FirstPage, uint64_t Pages);
/* Revokes the host mirror of the whole user range (attach, teardown);
 * host-served pages are settled first. */
void MiUserRevokeAll(void);
/* The span of user pages the host may show (mapped since the range was last
 * made inaccessible), so that revoking the range and a reset's teardown
 * unmap that span, not all of MI_USER_BYTES (fuzz21: the host call over
 * 8 GiB was a tenth of a fuzzer's reset). Every host mapping of the user
 * range widens it first. */
void MiUserHostShows(uint64_t FirstPage, uint64_t Pages);
/* Makes the span inaccessible again and empties it; false if the host
 * refused (the span is kept). */
bool MiUserHostHideAll(void);
/* The reservation is released: nothing is shown in the next one. */
void MiUserHostForgetShown(void);
/* Host-served first touches (docs/user-space.md, "Host-served first
 * touches"). Settle: each host-served page of the current process in
 * [FirstPage, FirstPage+Pages) that the host made resident becomes what a
 * demand-zero fault makes it (a PFN holding the page's contents, the PTE
 * valid, the physical page mapped over it, one demand-zero fault counted);
 * the others are trapped again. Lock held. */
void MiUserSettle(MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages);
/* The whole current process (every observation of its pages or counts). */
void MiUserSettleAll(void);
/* Machine teardown: the host-served pages go with the user range. */
void MiUserForgetServed(void);
/* A forked child: revokes the host mirror except the host-served pages. */
void MiUserRevokeShared(void);
/* A zeroed bitmap of a bit per page of the user range for Process->Lazy
 * (a host table, freed by MiProcessFree; a reset's goes to the next
 * machine's first process); NULL if the host has no memory. */
uint64_t *MiUserLazyTable(void);
static inline bool MiUserIsLazy(const MI_PROCESS *Process, uint64_t Page)
{
    return Process->LazyPages != 0 && ((Process->Lazy[Page >> 6] >> (Page & 63)) & 1) != 0;
}
/* Invariant check of the user space; returns the problem count. Pfns NULL:
 * the PFN database is walked for the pages in state User; otherwise the
 * touched check (sim/verifier/invariants.c) gives their counts, kept from
 * the PFN entries that changed, each of which it checked with
 * MiCheckUserPfn (fuzz20b). */
typedef struct _MI_USER_PFNS {
    uint64_t User;    /* pages in state User */
    uint64_t Orphans; /* of them, let go of by their process (MiUserPfnIsOrphan) */
} MI_USER_PFNS;
uint64_t MiCheckUserSpace(char *Report, size_t Size, const MI_USER_PFNS *Pfns);
/* The rule for one PFN entry in state User (problems found: 0 or 1). */
uint64_t MiCheckUserPfn(MI_INDEX Index, const MI_PFN *Entry, char *Report, size_t Size);
static inline bool MiUserPfnIsOrphan(const MI_PFN *Entry)
{
    return Entry->State == MiPageUser && (Entry->Flags & MI_PFN_FLAG_USER_ORPHAN) != 0;
}

#endif /* MMSIM_MI_USER_H */
