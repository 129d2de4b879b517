/*
 * process.c - simulated processes: the user range (one host reservation all
 * processes share, as one virtual range is shared on a real machine), the
 * process records with their PTEs and VADs, the current (attached) process,
 * the commit limit, and the Sim* control API over them (docs/user-space.md).
 *
 * The machine starts in its initial process. SimCreateProcess makes another;
 * SimAttachProcess switches the current one (KeStackAttachProcess in
 * effect): the host mirror of the old one is revoked in one call and the new
 * one's valid pages come back on first touch. A process deleted with pages a
 * driver still has locked is bug check 0x76 PROCESS_HAS_LOCKED_PAGES.
 */
#include <stdlib.h>

#include "mi_user.h"
#include "../host/host.h"

MI_USER MiUser;
void (*MiProcessNotifyHook)(ULONG Id, bool Create); /* ps32: set by sim/ps */

ULONG_PTR MmUserProbeAddress;
PVOID MmHighestUserAddress;

/* The reservation as the host made it (the user range is its 64 KiB-aligned part). */
static void *MiUserHostBase;
static uint64_t MiUserHostBytes;

bool MiUserFaultTrap(void *Address, bool Write, void *CodeAddress);

/* setup20: kept by a reset for the next machine (MiKeepForNextMachine): the
 * reservation at the bottom of the address space, every mapping in it
 * revoked, and one PTE table, zeroed. A reservation placed anywhere else
 * came from the seed and is not kept. */
static void *MiUserKeptBase;
static uint64_t *MiUserKeptPte;
/* A reset's host-served bitmap (a bit per page of the range), zeroed: the
 * next machine's process takes it, rather than a fresh 256 KiB calloc that
 * glibc zeroed page by page (fuzz21: a fiftieth of a fuzzer's time). */
static uint64_t *MiUserKeptLazy;
#define MI_USER_LAZY_BYTES ((MI_USER_BYTES / PAGE_SIZE + 63) / 64 * sizeof(uint64_t))

uint64_t *MiUserLazyTable(void)
{
    return (uint64_t *)HostAllocTable(MI_USER_LAZY_BYTES);
}

/* Process handles: NtCurrentProcess(), or the value SimCreateProcess gave. */
#define MI_PROCESS_HANDLE_BASE 0x50726F00u /* "Pro\0" */

HANDLE MiProcessHandle(const MI_PROCESS *Process)
{
    return (HANDLE)(ULONG_PTR)(MI_PROCESS_HANDLE_BASE + 4u * Process->Id);
}

MI_PROCESS *MiProcessFromHandle(HANDLE Handle)
{
    if (Handle == NtCurrentProcess()) {
        return MiUser.Current;
    }
    for (MI_PROCESS *Process = MiUser.Processes; Process != NULL; Process = Process->Next) {
        if (MiProcessHandle(Process) == Handle) {
            return Process;
        }
    }
    return NULL;
}

static MI_PROCESS *MiProcessCreate(void)
{
    MI_PROCESS *Process = (MI_PROCESS *)calloc(1, sizeof(MI_PROCESS));
    if (Process == NULL) {
        return NULL;
    }
    /* One PTE per page of the range: a host table, so untouched parts cost
     * no host memory (setup20: calloc zeroed all 16 MiB in place once
     * glibc's adaptive mmap threshold had risen, 8 ms per machine). */
    Process->Pte = MiUserKeptPte != NULL
                       ? MiUserKeptPte /* setup20: a reset's, zeroed */
                       : (uint64_t *)HostAllocTable(MiUser.Pages * sizeof(uint64_t));
    MiUserKeptPte = NULL;
    Process->PteFirst = UINT64_MAX; /* none written yet (a kept table is zero) */
    if (Process->Pte == NULL) {
        free(Process);
        return NULL;
    }
    Process->Lazy = MiUserKeptLazy; /* fuzz21: a reset's, zeroed (NULL: made at first use) */
    MiUserKeptLazy = NULL;
    Process->Id = ++MiUser.NextId;
    Process->Next = MiUser.Processes;
    MiUser.Processes = Process;
    return Process;
}

/* Pages of Process's that drivers still hold locked. */
static uint64_t MiProcessLockedPages(const MI_PROCESS *Process)
{
    uint64_t Locked = 0;
    for (MI_INDEX i = MiPfnNextTouched(0); i < MiPhys.Pages; i = MiPfnNextTouched(i + 1)) {
        const MI_PFN *Entry = MiPfnEntry(i);
        if (Entry->State == MiPageUser && Entry->Owner == Process->Id && Entry->LockCount != 0) {
            Locked++;
        }
    }
    return Locked;
}

void MiProcessEmpty(MI_PROCESS *Process)
{
    while (Process->Vads.Root != NULL) {
        MI_VAD *Vad = (MI_VAD *)MiRangeFirst(&Process->Vads)->Data;
        MiUserDecommit(Process, Vad, Vad->FirstPage, Vad->Pages);
        MiVadRemove(Process, Vad);
    }
}

static void MiProcessFree(MI_PROCESS *Process)
{
    MiRangeFreeAll(&Process->Vads, true);
    HostFreeTable(Process->Lazy, MI_USER_LAZY_BYTES);
    while (Process->Secures != NULL) { /* unsecured at its end */
        MI_SECURE *Secure = Process->Secures;
        Process->Secures = Secure->Next;
        free(Secure);
    }
    HostFreeTable(Process->Pte, MiUser.Pages * sizeof(uint64_t));
    free(Process);
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
void MiUserForgetKept(void)
{
    if (MiUserKeptBase != NULL) {
        HostRelease(MiUserKeptBase, MI_USER_BYTES);
        MiUserHostForgetShown();
    }
    HostFreeTable(MiUserKeptPte, MI_USER_BYTES / PAGE_SIZE * sizeof(uint64_t));
    HostFreeTable(MiUserKeptLazy, MI_USER_LAZY_BYTES);
    MiUserKeptBase = NULL;
    MiUserKeptPte = NULL;
    MiUserKeptLazy = NULL;
}

static void MiUserTeardown(void)
{
    HostInstallFaultTrapRange(1, NULL, 0, NULL);
    MiUserForgetServed(); /* the host-served pages go with the range */
    /* Kept for the next machine with nothing shown: what the host may
     * show is unmapped (MiUserHostShows), not the whole range. */
    bool Keep = MiKeepForNextMachine && MiUserHostBase != NULL &&
                MiUserHostBase == (void *)(uintptr_t)0x10000 && MiUser.Base != NULL &&
                MiUserHostHideAll();
    while (MiUser.Processes != NULL) {
        MI_PROCESS *Next = MiUser.Processes->Next;
        if (Keep && MiUserKeptPte == NULL && MiUser.Processes->Pte != NULL) {
            const MI_PROCESS *Kept = MiUser.Processes;
            if (Kept->PteFirst < Kept->PteEnd) { /* fuzz22: only what was written */
                HostClearTable(Kept->Pte, Kept->PteFirst * sizeof(uint64_t),
                               (Kept->PteEnd - Kept->PteFirst) * sizeof(uint64_t));
            }
            MiUserKeptPte = MiUser.Processes->Pte;
            MiUser.Processes->Pte = NULL;
        }
        if (Keep && MiUserKeptLazy == NULL && MiUser.Processes->Lazy != NULL) {
            if (MiUser.Processes->LazyPages != 0) { /* its count of bits set */
                HostClearTable(MiUser.Processes->Lazy, 0, MI_USER_LAZY_BYTES);
            }
            MiUserKeptLazy = MiUser.Processes->Lazy;
            MiUser.Processes->Lazy = NULL;
        }
        MiProcessFree(MiUser.Processes);
        MiUser.Processes = Next;
    }
    if (Keep) {
        MiUserKeptBase = MiUserHostBase;
    } else if (MiUserHostBase != NULL) {
        HostRelease(MiUserHostBase, MiUserHostBytes);
        MiUserHostForgetShown();
    }
    MiUserHostBase = NULL;
    MiUserHostBytes = 0;
    memset(&MiUser, 0, sizeof(MiUser));
    MmUserProbeAddress = 0;
    MmHighestUserAddress = NULL;
}

/* In a forked child: the host mappings of the user range still show the
 * parent's physical memory object (the machine's fork handler gives the
 * child its own copy for system space only). Revoking them keeps the child's
 * writes its own: valid pages come back from the child's copy on first touch. */
static void MiUserForkChild(void)
{
    if (MiUser.Base == NULL) {
        return;
    }
    /* Host-served pages are the child's own already (private memory is
     * copied on write): they stay, the rest is revoked. */
    MiUserRevokeShared();
}

static NTSTATUS MiUserInit(const SIM_CONFIG *Config)
{
    static bool ForkHandler;
    if (!ForkHandler) {
        HostOnFork(NULL, NULL, MiUserForkChild);
        ForkHandler = true;
    }
    memset(&MiUser, 0, sizeof(MiUser));
    /* No paging file: what can be committed is what RAM can back, unless
     * the configuration says otherwise. */
    MiUser.CommitLimit = Config->CommitLimitPages != 0 ? Config->CommitLimitPages
                                                       : Config->PhysicalPages;
    /* At the bottom of the address space where the host allows it, so the
     * range starts at MM_LOWEST_USER_ADDRESS as on Windows and ZeroBits
     * can be met; anywhere (64 KiB aligned) otherwise. */
    MiUserHostBytes = MI_USER_BYTES;
    MiUserHostBase = MiUserKeptBase != NULL
                         ? MiUserKeptBase /* setup20: a reset's, nothing mapped in it */
                         : HostReserveAt((void *)(uintptr_t)0x10000, MiUserHostBytes);
    MiUserKeptBase = NULL;
    uint8_t *Base = (uint8_t *)MiUserHostBase;
    if (Base == NULL) {
        MiUserHostBytes = MI_USER_BYTES + MI_ALLOCATION_GRANULARITY;
        MiUserHostBase = HostReserve(MiUserHostBytes, MiSeed * 0x2545F4914F6CDD1Dull);
        if (MiUserHostBase == NULL) {
            /* This host offers no second range (Windows: docs/user-space.md):
             * a machine without user space; the routines say STATUS_NO_MEMORY. */
            MiUserHostBytes = 0;
            return STATUS_SUCCESS;
        }
        Base = (uint8_t *)(((uintptr_t)MiUserHostBase + MI_ALLOCATION_GRANULARITY - 1) &
                           ~(uintptr_t)(MI_ALLOCATION_GRANULARITY - 1));
    }
    MiUser.Base = Base;
    MiUser.Pages = MI_USER_BYTES / PAGE_SIZE;
    MiUser.Initial = MiProcessCreate();
    if (MiUser.Initial == NULL) {
        MiUserTeardown();
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MiUser.Current = MiUser.Initial;
    MmUserProbeAddress = (ULONG_PTR)MiUserVa(MiUserUsablePages());
    MmHighestUserAddress = (PVOID)(MmUserProbeAddress - 1);
    HostInstallFaultTrapRange(1, MiUser.Base, MI_USER_BYTES, MiUserFaultTrap);
    return STATUS_SUCCESS;
}

static bool MiUserIsClean(char *Report, size_t Size)
{
    bool Clean = true;
    for (MI_PROCESS *Process = MiUser.Processes; Process != NULL; Process = Process->Next) {
        uint64_t Locked = MiProcessLockedPages(Process);
        if (Locked != 0) {
            MiAppend(Report, Size,
                     "process %u has %llu user page(s) locked by a driver (at its exit: bug "
                     "check 0x76 PROCESS_HAS_LOCKED_PAGES)\n",
                     Process->Id, (unsigned long long)Locked);
            Clean = false;
        }
    }
    return Clean;
}

const MI_SUBSYSTEM MiUserSubsystem = {"user address space", MiUserInit, MiUserTeardown,
                                      MiUserIsClean};

/* ---------------------------------------------------------------------- */
/* The control API.                                                       */
/* ---------------------------------------------------------------------- */
HANDLE SimCreateProcess(VOID)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimCreateProcess");
    if (MiUser.Base == NULL) {
        return NULL;
    }
    MiLock();
    MI_PROCESS *Process = MiProcessCreate();
    ULONG Id = Process != NULL ? Process->Id : 0;
    MiUnlock();
    if (Process == NULL) {
        return NULL;
    }
    if (MiProcessNotifyHook != NULL) {
        MiProcessNotifyHook(Id, true); /* ps32: process notify routines, outside the lock */
    }
    return MiProcessHandle(Process);
}

HANDLE SimCurrentProcess(VOID)
{
    MiEnsureMachine();
    return MiUser.Current != NULL ? MiProcessHandle(MiUser.Current) : NULL;
}

HANDLE SimInitialProcess(VOID)
{
    MiEnsureMachine();
    return MiUser.Initial != NULL ? MiProcessHandle(MiUser.Initial) : NULL;
}

NTSTATUS SimAttachProcess(HANDLE Process)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimAttachProcess");
    MiLock();
    MI_PROCESS *Target = Process == NULL ? MiUser.Initial : MiProcessFromHandle(Process);
    if (Target == NULL) {
        MiUnlock();
        return STATUS_INVALID_HANDLE;
    }
    if (Target != MiUser.Current) {
        MiUserRevokeAll(); /* the old process's pages leave the host view */
        MiUser.Current = Target;
        HostArmFaultTrap();
    }
    MiUnlock();
    return STATUS_SUCCESS;
}

NTSTATUS SimDeleteProcess(HANDLE Process)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimDeleteProcess");
    MiLock();
    MI_PROCESS *Target = MiProcessFromHandle(Process);
    if (Target == NULL || Target == MiUser.Initial) {
        MiUnlock();
        return Target == NULL ? STATUS_INVALID_HANDLE : STATUS_INVALID_PARAMETER;
    }
    uint64_t Locked = MiProcessLockedPages(Target);
    if (Locked != 0) {
        MiUnlock();
        /* P1 0: locked pages at exit; P2 the process; P3 how many; P4 the
         * driver stacks (none recorded). */
        KeBugCheckEx(PROCESS_HAS_LOCKED_PAGES, 0, (ULONG_PTR)Target, (ULONG_PTR)Locked, 0);
    }
    if (Target == MiUser.Current) {
        MiUserRevokeAll();
        MiUser.Current = MiUser.Initial;
    }
    /* Committed memory left behind is the process's, not a driver leak. */
    MiProcessEmpty(Target);
    for (MI_PROCESS **Link = &MiUser.Processes; *Link != NULL; Link = &(*Link)->Next) {
        if (*Link == Target) {
            *Link = Target->Next;
            break;
        }
    }
    ULONG Id = Target->Id;
    MiProcessFree(Target);
    MiUnlock();
    if (MiProcessNotifyHook != NULL) {
        MiProcessNotifyHook(Id, false); /* ps32 */
    }
    return STATUS_SUCCESS;
}

BOOLEAN SimQueryProcess(HANDLE Process, SIM_PROCESS_INFO *Info)
{
    MiEnsureMachine();
    memset(Info, 0, sizeof(*Info));
    MiLock();
    MI_PROCESS *Target = MiProcessFromHandle(Process);
    if (Target == NULL) {
        MiUnlock();
        return FALSE;
    }
    MiUserSettleAll(); /* the pages the host served are counted */
    Info->CommitCharge = Target->CommitCharge * PAGE_SIZE;
    Info->PeakCommitCharge = Target->PeakCommitCharge * PAGE_SIZE;
    Info->ResidentPages = Target->ResidentPages;
    Info->DemandZeroFaults = Target->DemandZeroFaults;
    Info->GuardPageFaults = Target->GuardFaults;
    Info->VadCount = Target->Vads.Count;
    Info->LockedPages = MiProcessLockedPages(Target);
    Info->SystemCommit = MiUser.CommitTotal * PAGE_SIZE;
    Info->CommitLimit = MiUser.CommitLimit * PAGE_SIZE;
    Info->UserRangeBase = MiUser.Base;
    Info->UserRangeBytes = MiUser.Pages * PAGE_SIZE;
    MiUnlock();
    return TRUE;
}

BOOLEAN SimQueryUserPte(PVOID Va, ULONG64 *Pte)
{
    MiEnsureMachine();
    if (!MiIsUserVa(Va)) {
        return FALSE;
    }
    MiLock();
    MiUserSettle(MiUser.Current, MiUserPage(Va), 1);
    *Pte = MiUser.Current->Pte[MiUserPage(Va)];
    MiUnlock();
    return TRUE;
}

PVOID SimAllocateUserBuffer(SIZE_T Size, ULONG Protect, const VOID *Contents, SIZE_T ContentsSize)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimAllocateUserBuffer");
    PVOID Base = NULL;
    SIZE_T Bytes = Size;
    if (Size == 0 || ContentsSize > Size ||
        ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Bytes, MEM_RESERVE | MEM_COMMIT,
                                PAGE_READWRITE) != STATUS_SUCCESS) {
        return NULL;
    }
    if (Contents != NULL && ContentsSize != 0) {
        /* Filled as the harness's user code would, before the protection. */
        MiLock();
        bool Ok = true;
        uint64_t First = MiUserPage(Base);
        uint64_t End = First + (ContentsSize + PAGE_SIZE - 1) / PAGE_SIZE;
        for (uint64_t Page = First; Ok && Page < End; Page++) {
            Ok = MiUserMakeValid(MiUser.Current, Page, true) == STATUS_SUCCESS;
        }
        MiUnlock();
        if (Ok) {
            memcpy(Base, Contents, ContentsSize);
        }
    }
    if (Protect != PAGE_READWRITE) {
        PVOID At = Base;
        SIZE_T Length = Bytes;
        ULONG Old;
        if (ZwProtectVirtualMemory(NtCurrentProcess(), &At, &Length, Protect, &Old) !=
            STATUS_SUCCESS) {
            SimFreeUserBuffer(Base);
            return NULL;
        }
    }
    return Base;
}

VOID SimFreeUserBuffer(PVOID Buffer)
{
    PVOID Base = Buffer;
    SIZE_T Size = 0;
    (void)ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Size, MEM_RELEASE);
}
