/*
 * bad_args.c - every public DDI given bad input, in every mode, cold and warm.
 *
 * Each row is one misuse: the DDI, the kind of bad input, and what Windows
 * gives for it (docs/mdl.md, docs/reserved-mappings.md, docs/work-items.md,
 * README "Fidelity notes"). Each row runs in a child process per mode:
 *
 *      parent (never builds a machine)
 *        |-- SimRunChild --> child: MMSIM_PROFILE/MMSIM_STRICT set, [warm-up,] the row
 *        |                   '-- prints "outcome: LINE" on stdout, exits 0
 *        '-- reads the line and how the child ended (SIGALRM: no outcome in time)
 *
 *   modes: modern (strict), nt5 (strict), retail (modern, MMSIM_STRICT=0)
 *   cold:  the row's bad call is the first DDI of the process (rows that need
 *          no object made by an earlier DDI)
 *   warm:  the machine has served pool, reservations, MDL pages and mappings
 *          (all given back) before the row runs
 *
 * Outcomes, as the child reports them:
 *   "stop C/P1"  the machine stopped (bug check C, Parameter 1 = P1)
 *   "raise S"    an exception with status S reached the __except stand-in
 *   "status S"   an NTSTATUS returned;  "null" / "ptr"  a pointer returned
 *   "value V"    another value returned;  "void"  returned nothing
 *   "refused"    the machine refused the call
 * After a call that returned, the invariant checker must pass, else the row
 * is "corrupt" (a silent wrong result). An expectation "stop C" matches any
 * Parameter 1. Verdicts: ok, wrong (another outcome), corrupt, crash (the
 * child died of a signal or exited without an outcome), hang (no outcome in
 * time). The program prints the counts and fails on anything but ok.
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mmsim_cmocka.h> /* SimRunChild */

#define OUTCOME "outcome: " /* the child's line on stdout */
#define TAG 'gaBT'
#define OTHER_TAG 'rhtO'
#define PAGES(n) ((SIZE_T)(n) * PAGE_SIZE)

/* ---------------------------------------------------------------------- */
/* What a row's call returned (written by the row, read by the child).    */
/* ---------------------------------------------------------------------- */
static char Outcome[96];

static void RetPtr(const void *P) { snprintf(Outcome, sizeof(Outcome), P ? "ptr" : "null"); }
static void RetStatus(NTSTATUS S) { snprintf(Outcome, sizeof(Outcome), "status %X", (unsigned)S); }
static void RetValue(ULONG64 V) { snprintf(Outcome, sizeof(Outcome), "value %llX", (unsigned long long)V); }
static void RetVoid(void) { snprintf(Outcome, sizeof(Outcome), "void"); }

/* Objects rows build before their bad call. */
static PVOID NonPaged(SIZE_T Bytes)
{
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, TAG);
    if (P == NULL) abort();
    return P;
}
static PVOID Paged(SIZE_T Bytes)
{
    PVOID P = ExAllocatePool2(POOL_FLAG_PAGED, Bytes, TAG);
    if (P == NULL) abort();
    return P;
}
static PVOID Reserve(SIZE_T Pages)
{
    PVOID P = MmAllocateMappingAddress(PAGES(Pages), TAG);
    if (P == NULL) abort();
    return P;
}
static PMDL MdlPages(SIZE_T Pages)
{
    PHYSICAL_ADDRESS Low = {0}, High, Skip = {0};
    High.QuadPart = -1;
    PMDL M = MmAllocatePagesForMdlEx(Low, High, Skip, PAGES(Pages), MmCached,
                                     MM_ALLOCATE_FULLY_REQUIRED);
    if (M == NULL) abort();
    return M;
}
/* A locked MDL over fresh non-paged pool. */
static PMDL LockedPool(SIZE_T Pages, PVOID *Buffer)
{
    *Buffer = NonPaged(PAGES(Pages));
    PMDL M = IoAllocateMdl(*Buffer, (ULONG)PAGES(Pages), FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmProbeAndLockPages(M, KernelMode, IoWriteAccess);
    return M;
}
static void AtDispatch(void)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
}
static char HostBytes[2 * PAGE_SIZE]; /* "foreign": memory no DDI handed out */
static PVOID Foreign(void) { return HostBytes + 64; }
static PHYSICAL_ADDRESS Phys(LONGLONG Value)
{
    PHYSICAL_ADDRESS A;
    A.QuadPart = Value;
    return A;
}

/* ---------------------------------------------------------------------- */
/* The rows' calls. Names read DDI_Bad.                                   */
/* ---------------------------------------------------------------------- */
#define ROW(Name) static void Name(void)

/* Pool. */
ROW(Pool2_Zero) { RetPtr(ExAllocatePool2(POOL_FLAG_NON_PAGED, 0, TAG)); }
ROW(Pool2_Huge) { RetPtr(ExAllocatePool2(POOL_FLAG_NON_PAGED, (SIZE_T)-1, TAG)); }
ROW(Pool2_HugePaged) { RetPtr(ExAllocatePool2(POOL_FLAG_PAGED, (SIZE_T)1 << 62, TAG)); }
ROW(Pool2_TagZero) { RetPtr(ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 0)); }
ROW(Pool2_NoType) { RetPtr(ExAllocatePool2(0, 64, TAG)); }
ROW(Pool2_BothTypes) { RetPtr(ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_PAGED, 64, TAG)); }
ROW(Pool2_PagedAtDispatch) { AtDispatch(); RetPtr(ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG)); }
ROW(Pool2_HugeRaise)
{
    RetPtr(ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_RAISE_ON_FAILURE, (SIZE_T)-1, TAG));
}
ROW(PoolWithTag_TagZero) { RetPtr(ExAllocatePoolWithTag(NonPagedPoolNx, 64, 0)); }
ROW(PoolWithTag_Huge) { RetPtr(ExAllocatePoolWithTag(NonPagedPoolNx, (SIZE_T)-1, TAG)); }
ROW(PoolWithTag_Zero) { RetPtr(ExAllocatePoolWithTag(NonPagedPoolNx, 0, TAG)); }
ROW(FreePool_Null) { ExFreePool(NULL); RetVoid(); }
ROW(FreePoolWithTag_Null) { ExFreePoolWithTag(NULL, TAG); RetVoid(); }
ROW(FreePool_Foreign) { ExFreePool(Foreign()); RetVoid(); }
ROW(FreePool_Misaligned)
{
    char *P = NonPaged(64);
    ExFreePool(P + 8);
    RetVoid();
}
ROW(FreePool_Freed)
{
    PVOID P = NonPaged(64);
    ExFreePool(P);
    ExFreePool(P);
    RetVoid();
}
ROW(FreePool_FreedPage)
{
    PVOID P = NonPaged(PAGES(2));
    ExFreePool(P);
    ExFreePool(P);
    RetVoid();
}
ROW(FreePoolWithTag_WrongTag)
{
    PVOID P = NonPaged(64);
    ExFreePoolWithTag(P, OTHER_TAG);
    RetVoid();
}
ROW(FreePool_PagedAtDispatch)
{
    PVOID P = Paged(64);
    AtDispatch();
    ExFreePool(P);
    RetVoid();
}

/* Reserved mappings. */
ROW(Reserve_Zero) { RetPtr(MmAllocateMappingAddress(0, TAG)); }
ROW(Reserve_TagZero) { RetPtr(MmAllocateMappingAddress(PAGES(4), 0)); }
ROW(Reserve_Huge) { RetPtr(MmAllocateMappingAddress((SIZE_T)-1, TAG)); }
ROW(Reserve_Misaligned) { PVOID P = MmAllocateMappingAddress(PAGES(4) + 1, TAG); RetPtr(P); }
ROW(ReserveEx_BadFlags) { RetPtr(MmAllocateMappingAddressEx(PAGES(4), TAG, 0x80)); }
ROW(Reserve_AtDispatch) { AtDispatch(); RetPtr(MmAllocateMappingAddress(PAGES(4), TAG)); }
ROW(FreeReserve_Null) { MmFreeMappingAddress(NULL, TAG); RetVoid(); }
ROW(FreeReserve_Foreign) { MmFreeMappingAddress(Foreign(), TAG); RetVoid(); }
ROW(FreeReserve_Freed)
{
    PVOID R = Reserve(4);
    MmFreeMappingAddress(R, TAG);
    MmFreeMappingAddress(R, TAG);
    RetVoid();
}
ROW(FreeReserve_WrongTag)
{
    PVOID R = Reserve(4);
    MmFreeMappingAddress(R, OTHER_TAG);
    RetVoid();
}
ROW(FreeReserve_StillMapped)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(2);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    MmFreeMappingAddress(R, TAG);
    RetVoid();
}
ROW(FreeReserve_AtDispatch)
{
    PVOID R = Reserve(4);
    AtDispatch();
    MmFreeMappingAddress(R, TAG);
    RetVoid();
}
ROW(MapReserved_Foreign)
{
    PMDL M = MdlPages(1);
    RetPtr(MmMapLockedPagesWithReservedMapping(Foreign(), TAG, M, MmCached));
}
ROW(MapReserved_WrongTag)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(1);
    RetPtr(MmMapLockedPagesWithReservedMapping(R, OTHER_TAG, M, MmCached));
}
ROW(MapReserved_Twice)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(2);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    PMDL M2 = MdlPages(2);
    RetPtr(MmMapLockedPagesWithReservedMapping(R, TAG, M2, MmCached));
}
ROW(MapReserved_TooBig)
{
    PVOID R = Reserve(2);
    PMDL M = MdlPages(4);
    RetPtr(MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached));
}
ROW(MapReserved_BadCache)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(1);
    RetPtr(MmMapLockedPagesWithReservedMapping(R, TAG, M, (MEMORY_CACHING_TYPE)99));
}
ROW(MapReserved_NullMdl)
{
    PVOID R = Reserve(4);
    RetPtr(MmMapLockedPagesWithReservedMapping(R, TAG, NULL, MmCached));
}
ROW(MapReserved_FreedPages)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(1);
    MmFreePagesFromMdl(M);
    RetPtr(MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached));
}
ROW(UnmapReserved_NotMapped)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(2);
    MmUnmapReservedMapping(R, TAG, M);
    RetVoid();
}
ROW(UnmapReserved_WrongTag)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(2);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    MmUnmapReservedMapping(R, OTHER_TAG, M);
    RetVoid();
}
ROW(UnmapReserved_Foreign)
{
    PMDL M = MdlPages(1);
    MmUnmapReservedMapping(Foreign(), TAG, M);
    RetVoid();
}

/* MDLs. */
ROW(IoAllocateMdl_Huge) { RetPtr(IoAllocateMdl(Foreign(), 0xFFFFFFFFu, FALSE, FALSE, NULL)); }
ROW(IoFreeMdl_Null) { IoFreeMdl(NULL); RetVoid(); }
ROW(IoFreeMdl_Foreign)
{
    static union { MDL Mdl; char Space[sizeof(MDL) + 16 * sizeof(PFN_NUMBER)]; } OnStack;
    MmInitializeMdl(&OnStack.Mdl, Foreign(), 64);
    IoFreeMdl(&OnStack.Mdl);
    RetVoid();
}
ROW(IoFreeMdl_Freed)
{
    PMDL M = IoAllocateMdl(Foreign(), 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    IoFreeMdl(M);
    IoFreeMdl(M);
    RetVoid();
}
ROW(IoFreeMdl_WrongRoutine)
{
    PMDL M = MdlPages(1);
    IoFreeMdl(M);
    RetVoid();
}
ROW(PagesForMdl_Zero) { RetPtr(MmAllocatePagesForMdl(Phys(0), Phys(-1), Phys(0), 0)); }
ROW(PagesForMdl_Huge) { RetPtr(MmAllocatePagesForMdl(Phys(0), Phys(-1), Phys(0), (SIZE_T)-1)); }
ROW(PagesForMdl_SkipMisaligned)
{
    RetPtr(MmAllocatePagesForMdl(Phys(0), Phys(0x100000), Phys(123), PAGES(4)));
}
ROW(PagesForMdl_EmptyRange)
{
    RetPtr(MmAllocatePagesForMdl(Phys(0x7FFFFFFFFFFF0000ll), Phys(0x7FFFFFFFFFFFFFFFll), Phys(0),
                                 PAGES(1)));
}
ROW(PagesForMdlEx_BadFlags)
{
    RetPtr(MmAllocatePagesForMdlEx(Phys(0), Phys(-1), Phys(0), PAGES(1), MmCached, 0x40000000));
}
ROW(PagesForMdlEx_BadCache)
{
    PMDL M = MmAllocatePagesForMdlEx(Phys(0), Phys(-1), Phys(0), PAGES(1),
                                     (MEMORY_CACHING_TYPE)99, 0);
    RetPtr(M);
}
ROW(PagesForMdl_AboveDispatch)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    RetPtr(MmAllocatePagesForMdl(Phys(0), Phys(-1), Phys(0), PAGES(1)));
}
ROW(FreePagesFromMdl_Null) { MmFreePagesFromMdl(NULL); RetVoid(); }
ROW(FreePagesFromMdl_Freed)
{
    PMDL M = MdlPages(1);
    MmFreePagesFromMdl(M);
    MmFreePagesFromMdl(M);
    RetVoid();
}
ROW(FreePagesFromMdl_Pool)
{
    PVOID B;
    PMDL M = LockedPool(1, &B);
    MmFreePagesFromMdl(M);
    RetVoid();
}
ROW(FreePagesFromMdl_ReservedMapped)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(2);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    MmFreePagesFromMdl(M);
    RetVoid();
}
ROW(FreePagesFromMdlEx_BadFlags)
{
    PMDL M = MdlPages(1);
    MmFreePagesFromMdlEx(M, 0x80);
    RetVoid();
}
ROW(ProbeLock_UserMode)
{
    PVOID B = NonPaged(64);
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmProbeAndLockPages(M, UserMode, IoReadAccess);
    RetVoid();
}
ROW(ProbeLock_Foreign)
{
    PMDL M = IoAllocateMdl(Foreign(), 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmProbeAndLockPages(M, KernelMode, IoReadAccess);
    RetVoid();
}
ROW(ProbeLock_FreedPool)
{
    PVOID B = NonPaged(PAGES(1));
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    ExFreePool(B);
    MmProbeAndLockPages(M, KernelMode, IoReadAccess);
    RetVoid();
}
ROW(ProbeLock_Twice)
{
    PVOID B;
    PMDL M = LockedPool(1, &B);
    MmProbeAndLockPages(M, KernelMode, IoReadAccess);
    RetVoid();
}
ROW(ProbeLock_Null) { MmProbeAndLockPages(NULL, KernelMode, IoReadAccess); RetVoid(); }
ROW(ProbeLock_ReservedUnmapped)
{
    PVOID R = Reserve(4);
    PMDL M = IoAllocateMdl(R, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmProbeAndLockPages(M, KernelMode, IoReadAccess);
    RetVoid();
}
ROW(UnlockPages_NotLocked)
{
    PVOID B = NonPaged(64);
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmUnlockPages(M);
    RetVoid();
}
ROW(UnlockPages_Twice)
{
    PVOID B;
    PMDL M = LockedPool(1, &B);
    MmUnlockPages(M);
    MmUnlockPages(M);
    RetVoid();
}
ROW(UnlockPages_MdlPages)
{
    PMDL M = MdlPages(1);
    MmUnlockPages(M);
    RetVoid();
}
ROW(UnlockPages_Null) { MmUnlockPages(NULL); RetVoid(); }
ROW(MapLocked_NotLocked)
{
    PVOID B = NonPaged(64);
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    RetPtr(MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE, NormalPagePriority));
}
ROW(MapLocked_BadCache)
{
    PMDL M = MdlPages(1);
    RetPtr(MmMapLockedPagesSpecifyCache(M, KernelMode, (MEMORY_CACHING_TYPE)99, NULL, FALSE,
                                        NormalPagePriority));
}
ROW(MapLocked_BugCheckOnFailure)
{
    PMDL M = MdlPages(1);
    RetPtr(MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, TRUE, NormalPagePriority));
}
ROW(MapLocked_Twice)
{
    PMDL M = MdlPages(1);
    if (MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE, NormalPagePriority) ==
        NULL)
        abort();
    RetPtr(MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE, NormalPagePriority));
}
ROW(MapLocked_UserMode)
{
    PMDL M = MdlPages(1);
    RetPtr(MmMapLockedPagesSpecifyCache(M, UserMode, MmCached, NULL, FALSE, NormalPagePriority));
}
ROW(MapLocked_FreedPages)
{
    PMDL M = MdlPages(1);
    MmFreePagesFromMdl(M);
    M->MdlFlags |= MDL_PAGES_LOCKED; /* as a driver that keeps using a stale MDL */
    RetPtr(MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE, NormalPagePriority));
}
ROW(MapLocked_Null)
{
    RetPtr(MmMapLockedPagesSpecifyCache(NULL, KernelMode, MmCached, NULL, FALSE,
                                        NormalPagePriority));
}
ROW(UnmapLocked_NotMapped)
{
    PMDL M = MdlPages(1);
    MmUnmapLockedPages(Foreign(), M);
    RetVoid();
}
ROW(UnmapLocked_Interior)
{
    PMDL M = MdlPages(2);
    char *Va = MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    if (Va == NULL) abort();
    MmUnmapLockedPages(Va + PAGE_SIZE, M);
    RetVoid();
}
ROW(UnmapLocked_Reserved)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(1);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    MmUnmapLockedPages(R, M);
    RetVoid();
}
ROW(UnmapLocked_Twice)
{
    PMDL M = MdlPages(1);
    PVOID Va = MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    if (Va == NULL) abort();
    MmUnmapLockedPages(Va, M);
    MmUnmapLockedPages(Va, M);
    RetVoid();
}
ROW(BuildNonPaged_Paged)
{
    PVOID B = Paged(64);
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmBuildMdlForNonPagedPool(M);
    RetVoid();
}
ROW(BuildNonPaged_Freed)
{
    PVOID B = NonPaged(PAGES(1));
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    ExFreePool(B);
    MmBuildMdlForNonPagedPool(M);
    RetVoid();
}
ROW(BuildNonPaged_Foreign)
{
    PMDL M = IoAllocateMdl(Foreign(), 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    MmBuildMdlForNonPagedPool(M);
    RetVoid();
}
ROW(BuildNonPaged_Null) { MmBuildMdlForNonPagedPool(NULL); RetVoid(); }
ROW(PartialMdl_OutOfRange)
{
    PVOID B;
    PMDL Src = LockedPool(1, &B);
    PMDL Tgt = IoAllocateMdl(B, (ULONG)PAGES(1), FALSE, FALSE, NULL);
    if (Tgt == NULL) abort();
    IoBuildPartialMdl(Src, Tgt, (char *)B + PAGE_SIZE, 64);
    RetVoid();
}
ROW(PartialMdl_TargetTooSmall)
{
    PVOID B;
    PMDL Src = LockedPool(4, &B);
    PMDL Tgt = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (Tgt == NULL) abort();
    Tgt->Size = (CSHORT)sizeof(MDL); /* room for no PFN */
    IoBuildPartialMdl(Src, Tgt, B, (ULONG)PAGES(4));
    RetVoid();
}
ROW(PhysAddr_Null) { RetValue((ULONG64)MmGetPhysicalAddress(NULL).QuadPart); }
ROW(PhysAddr_Foreign) { RetValue((ULONG64)MmGetPhysicalAddress(Foreign()).QuadPart); }
ROW(IsAddressValid_Null) { RetValue(MmIsAddressValid(NULL)); }
ROW(IsAddressValid_FreedPool)
{
    PVOID B = NonPaged(PAGES(1));
    ExFreePool(B);
    RetValue(MmIsAddressValid(B));
}
ROW(SizeOfMdl_Huge) { RetValue(MmSizeOfMdl((PVOID)(ULONG_PTR)0xFFF, (SIZE_T)-1 >> 1) != 0); }
ROW(RoutineAddress_Unknown)
{
    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"NoSuchRoutine");
    RetPtr(MmGetSystemRoutineAddress(&Name));
}
ROW(RoutineAddress_AtDispatch)
{
    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"MmAllocateMappingAddress");
    AtDispatch();
    RetPtr(MmGetSystemRoutineAddress(&Name));
}

/* IRQL, locks, events. */
ROW(RaiseIrql_Lower)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    KeRaiseIrql(APC_LEVEL, &Old);
    RetVoid();
}
ROW(RaiseIrql_AboveHigh)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL + 1, &Old);
    RetVoid();
}
ROW(LowerIrql_Higher) { KeLowerIrql(DISPATCH_LEVEL); RetVoid(); }
ROW(SpinLock_Twice)
{
    static KSPIN_LOCK Lock;
    KIRQL Old, Old2;
    KeInitializeSpinLock(&Lock);
    KeAcquireSpinLock(&Lock, &Old);
    KeAcquireSpinLock(&Lock, &Old2);
    RetVoid();
}
ROW(SpinLock_ReleaseNotOwned)
{
    static KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    AtDispatch();
    KeReleaseSpinLock(&Lock, PASSIVE_LEVEL);
    RetVoid();
}
ROW(FastMutex_Twice)
{
    static FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    ExAcquireFastMutex(&Mutex);
    ExAcquireFastMutex(&Mutex);
    RetVoid();
}
ROW(FastMutex_AtDispatch)
{
    static FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    AtDispatch();
    ExAcquireFastMutex(&Mutex);
    RetVoid();
}
ROW(Wait_AtDispatch)
{
    static KEVENT Event;
    LARGE_INTEGER Timeout;
    Timeout.QuadPart = -10000;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    AtDispatch();
    RetStatus(KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Timeout));
}
ROW(Wait_Null) { RetStatus(KeWaitForSingleObject(NULL, Executive, KernelMode, FALSE, NULL)); }
ROW(SetEvent_Null) { RetValue((ULONG64)KeSetEvent(NULL, 0, FALSE)); }
ROW(QueryInterruptTimePrecise_Null) { RetValue(KeQueryInterruptTimePrecise(NULL) != 0); }
ROW(InitSpinLock_Null) { KeInitializeSpinLock(NULL); RetVoid(); }
ROW(AcquireSpinLock_Null)
{
    KIRQL Old;
    KeAcquireSpinLock(NULL, &Old);
    RetVoid();
}
ROW(InitFastMutex_Null) { ExInitializeFastMutex(NULL); RetVoid(); }
ROW(AcquireFastMutex_Null) { ExAcquireFastMutex(NULL); RetVoid(); }
ROW(InitEvent_Null) { KeInitializeEvent(NULL, NotificationEvent, FALSE); RetVoid(); }
ROW(ClearEvent_Null) { KeClearEvent(NULL); RetVoid(); }
ROW(ReadStateEvent_Null) { RetValue((ULONG64)KeReadStateEvent(NULL)); }
/* A macro storing through the pointer on x64 (as in the WDK): a NULL the
 * compiler cannot see, so the store is made and faults as on Windows. */
ROW(QuerySystemTime_Null)
{
    PLARGE_INTEGER Null = NULL;
    __asm__ volatile("" : "+r"(Null)); /* gcc -O3 dropped the store through a volatile local */
    KeQuerySystemTime(Null);
    RetVoid();
}

/* Work items. */
static VOID NTAPI Nothing(PDEVICE_OBJECT Device, PVOID Context)
{
    (void)Device;
    (void)Context;
}
static DEVICE_OBJECT Device;
/* Keeps a worker thread busy until Gate is set. */
static KEVENT Gate;
static VOID NTAPI Blocker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    (void)DeviceObject;
    (void)Context;
    KeWaitForSingleObject(&Gate, Executive, KernelMode, FALSE, NULL);
}
ROW(QueueWork_Twice)
{
    /* More blockers than the machine has worker threads, so the item below
     * is still queued when it is queued again. */
    KeInitializeEvent(&Gate, NotificationEvent, FALSE);
    for (int i = 0; i < 16; i++) {
        PIO_WORKITEM B = IoAllocateWorkItem(&Device);
        if (B == NULL) abort();
        IoQueueWorkItem(B, Blocker, DelayedWorkQueue, NULL);
    }
    PIO_WORKITEM A = IoAllocateWorkItem(&Device);
    if (A == NULL) abort();
    IoQueueWorkItem(A, Nothing, DelayedWorkQueue, NULL);
    IoQueueWorkItem(A, Nothing, DelayedWorkQueue, NULL);
    RetVoid();
}
ROW(FreeWork_Null) { IoFreeWorkItem(NULL); RetVoid(); }
ROW(QueueWork_Null) { IoQueueWorkItem(NULL, Nothing, DelayedWorkQueue, NULL); RetVoid(); }
ROW(ExQueueWork_Null) { ExQueueWorkItem(NULL, DelayedWorkQueue); RetVoid(); }
ROW(AllocWork_AboveDispatch)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    RetPtr(IoAllocateWorkItem(&Device));
}


/* Wrong IRQL: each DDI of the IRQL table one level above its maximum. */
static void AtHigh(void)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
}
ROW(ReserveEx_AtDispatch)
{
    AtDispatch();
    RetPtr(MmAllocateMappingAddressEx(PAGES(4), TAG, MM_MAPPING_ADDRESS_DIVISIBLE));
}
ROW(MapReserved_AtHigh)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(1);
    AtHigh();
    RetPtr(MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached));
}
ROW(UnmapReserved_AtHigh)
{
    PVOID R = Reserve(4);
    PMDL M = MdlPages(1);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    AtHigh();
    MmUnmapReservedMapping(R, TAG, M);
    RetVoid();
}
ROW(PagesForMdlEx_AtHigh)
{
    AtHigh();
    RetPtr(MmAllocatePagesForMdlEx(Phys(0), Phys(-1), Phys(0), PAGES(1), MmCached, 0));
}
ROW(FreePagesFromMdl_AtHigh)
{
    PMDL M = MdlPages(1);
    AtHigh();
    MmFreePagesFromMdl(M);
    RetVoid();
}
ROW(FreePagesFromMdlEx_AtHigh)
{
    PMDL M = MdlPages(1);
    AtHigh();
    MmFreePagesFromMdlEx(M, 0);
    RetVoid();
}
ROW(IoAllocateMdl_AtHigh) { AtHigh(); RetPtr(IoAllocateMdl(Foreign(), 64, FALSE, FALSE, NULL)); }
ROW(IoFreeMdl_AtHigh)
{
    PMDL M = IoAllocateMdl(Foreign(), 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    AtHigh();
    IoFreeMdl(M);
    RetVoid();
}
ROW(PartialMdl_AtHigh)
{
    PVOID B;
    PMDL Src = LockedPool(1, &B);
    PMDL Tgt = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (Tgt == NULL) abort();
    AtHigh();
    IoBuildPartialMdl(Src, Tgt, B, 64);
    RetVoid();
}
ROW(BuildNonPaged_AtHigh)
{
    PVOID B = NonPaged(64);
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    AtHigh();
    MmBuildMdlForNonPagedPool(M);
    RetVoid();
}
ROW(ProbeLock_AtHigh)
{
    PVOID B = NonPaged(64);
    PMDL M = IoAllocateMdl(B, 64, FALSE, FALSE, NULL);
    if (M == NULL) abort();
    AtHigh();
    MmProbeAndLockPages(M, KernelMode, IoReadAccess);
    RetVoid();
}
ROW(UnlockPages_AtHigh)
{
    PVOID B;
    PMDL M = LockedPool(1, &B);
    AtHigh();
    MmUnlockPages(M);
    RetVoid();
}
ROW(MapLocked_AtHigh)
{
    PMDL M = MdlPages(1);
    AtHigh();
    RetPtr(MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE, NormalPagePriority));
}
ROW(UnmapLocked_AtHigh)
{
    PMDL M = MdlPages(1);
    PVOID Va = MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    if (Va == NULL) abort();
    AtHigh();
    MmUnmapLockedPages(Va, M);
    RetVoid();
}
ROW(IsAddressValid_AtHigh) { AtHigh(); RetValue(MmIsAddressValid(Foreign())); }
ROW(PoolWithTag_AtHigh) { AtHigh(); RetPtr(ExAllocatePoolWithTag(NonPagedPoolNx, 64, TAG)); }
ROW(PoolWithTag_PagedAtDispatch) { AtDispatch(); RetPtr(ExAllocatePoolWithTag(PagedPool, 64, TAG)); }
ROW(FreePoolWithTag_AtHigh)
{
    PVOID P = NonPaged(64);
    AtHigh();
    ExFreePoolWithTag(P, TAG);
    RetVoid();
}
ROW(InitFastMutex_AtHigh)
{
    static FAST_MUTEX Mutex;
    AtHigh();
    ExInitializeFastMutex(&Mutex);
    RetVoid();
}
ROW(TryFastMutex_AtDispatch)
{
    static FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    AtDispatch();
    RetValue(ExTryToAcquireFastMutex(&Mutex));
}
ROW(InitEvent_AtHigh)
{
    static KEVENT Event;
    AtHigh();
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    RetVoid();
}
ROW(SetEvent_AtHigh)
{
    static KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    AtHigh();
    RetValue((ULONG64)KeSetEvent(&Event, 0, FALSE));
}
ROW(ClearEvent_AtHigh)
{
    static KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, TRUE);
    AtHigh();
    KeClearEvent(&Event);
    RetVoid();
}
ROW(FreeWork_AtHigh)
{
    PIO_WORKITEM W = IoAllocateWorkItem(&Device);
    if (W == NULL) abort();
    AtHigh();
    IoFreeWorkItem(W);
    RetVoid();
}
ROW(QueueWork_AtHigh)
{
    PIO_WORKITEM W = IoAllocateWorkItem(&Device);
    if (W == NULL) abort();
    AtHigh();
    IoQueueWorkItem(W, Nothing, DelayedWorkQueue, NULL);
    RetVoid();
}
static VOID NTAPI ExNothing(PVOID Context) { (void)Context; }
ROW(ExQueueWork_AtHigh)
{
    static WORK_QUEUE_ITEM Item;
    ExInitializeWorkItem(&Item, ExNothing, NULL);
    AtHigh();
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    RetVoid();
}

/* ---------------------------------------------------------------------- */
/* The table.                                                             */
/* ---------------------------------------------------------------------- */
typedef struct _BAD_ROW {
    const char *Ddi;
    const char *Bad;     /* null, misaligned, huge, zero, freed, foreign, tag, order, irql, flags */
    void (*Run)(void);
    bool Cold;           /* the bad call can be the process's first DDI */
    const char *Modern;  /* what Windows gives (strict, modern) */
    const char *Nt5;     /* NULL: as Modern */
    const char *Retail;  /* NULL: as Modern */
} BAD_ROW;

#define AV "raise C0000005"
static const BAD_ROW Rows[] = {
/*  DDI                                   bad        row                              cold   modern          nt5             retail */
{"ExAllocatePool2",                      "zero",    Pool2_Zero,                      true,  "stop C2/0",    NULL,           NULL},
{"ExAllocatePool2",                      "huge",    Pool2_Huge,                      true,  "null",         NULL,           NULL},
{"ExAllocatePool2",                      "huge",    Pool2_HugePaged,                 true,  "null",         NULL,           NULL},
{"ExAllocatePool2",                      "tag",     Pool2_TagZero,                   true,  "null",         NULL,           NULL},
{"ExAllocatePool2",                      "flags",   Pool2_NoType,                    true,  "null",         NULL,           NULL},
{"ExAllocatePool2",                      "flags",   Pool2_BothTypes,                 true,  "null",         NULL,           NULL},
{"ExAllocatePool2",                      "irql",    Pool2_PagedAtDispatch,           true,  "stop C4/1",    NULL,           "stop C2/8"},
{"ExAllocatePool2",                      "huge",    Pool2_HugeRaise,                 true,  "raise C000009A", NULL,         NULL},
{"ExAllocatePoolWithTag",                "tag",     PoolWithTag_TagZero,             true,  "stop C2/9B",   NULL,           NULL},
{"ExAllocatePoolWithTag",                "huge",    PoolWithTag_Huge,                true,  "null",         NULL,           NULL},
{"ExAllocatePoolWithTag",                "zero",    PoolWithTag_Zero,                true,  "stop C2/0",    NULL,           NULL},
{"ExFreePool",                           "null",    FreePool_Null,                   true,  "stop C2",      NULL,           NULL},
{"ExFreePoolWithTag",                    "null",    FreePoolWithTag_Null,            true,  "stop C2",      NULL,           NULL},
{"ExFreePool",                           "foreign", FreePool_Foreign,                true,  "stop C2/42",   NULL,           NULL},
{"ExFreePool",                           "misaligned", FreePool_Misaligned,          false, "stop C2/46",   NULL,           NULL},
{"ExFreePool",                           "freed",   FreePool_Freed,                  false, "stop C2/7",    NULL,           NULL},
{"ExFreePool",                           "freed",   FreePool_FreedPage,              false, "stop C2/7",    NULL,           NULL},
{"ExFreePoolWithTag",                    "tag",     FreePoolWithTag_WrongTag,        false, "stop C2/A",    NULL,           NULL},
{"ExFreePool",                           "irql",    FreePool_PagedAtDispatch,        false, "stop C4/11",   NULL,           "stop C2/9"},
{"MmAllocateMappingAddress",             "zero",    Reserve_Zero,                    true,  "stop DA/100",  NULL,           NULL},
{"MmAllocateMappingAddress",             "tag",     Reserve_TagZero,                 true,  "null",         NULL,           NULL},
{"MmAllocateMappingAddress",             "huge",    Reserve_Huge,                    true,  "null",         NULL,           NULL},
{"MmAllocateMappingAddress",             "misaligned", Reserve_Misaligned,           true,  "ptr",          NULL,           NULL},
{"MmAllocateMappingAddressEx",           "flags",   ReserveEx_BadFlags,              true,  "null",         NULL,           NULL},
{"MmAllocateMappingAddress",             "irql",    Reserve_AtDispatch,              true,  "stop C4/20019", NULL,          NULL},
{"MmFreeMappingAddress",                 "null",    FreeReserve_Null,                true,  "stop DA/106",  "stop DA",      NULL},
{"MmFreeMappingAddress",                 "foreign", FreeReserve_Foreign,             true,  "stop DA/106",  "stop DA",      NULL},
{"MmFreeMappingAddress",                 "freed",   FreeReserve_Freed,               false, "stop DA/106",  "stop DA",      NULL},
{"MmFreeMappingAddress",                 "tag",     FreeReserve_WrongTag,            false, "stop DA/102",  "stop DA/101",  NULL},
{"MmFreeMappingAddress",                 "order",   FreeReserve_StillMapped,         false, "stop DA/103",  NULL,           NULL},
{"MmFreeMappingAddress",                 "irql",    FreeReserve_AtDispatch,          false, "stop C4/20019", NULL,          NULL},
{"MmMapLockedPagesWithReservedMapping",  "foreign", MapReserved_Foreign,             false, "stop DA/106",  "stop DA",      NULL},
{"MmMapLockedPagesWithReservedMapping",  "tag",     MapReserved_WrongTag,            false, "stop DA/104",  NULL,           NULL},
{"MmMapLockedPagesWithReservedMapping",  "order",   MapReserved_Twice,               false, "stop DA/107",  "ptr",          NULL},
{"MmMapLockedPagesWithReservedMapping",  "huge",    MapReserved_TooBig,              false, "null",         NULL,           NULL},
{"MmMapLockedPagesWithReservedMapping",  "flags",   MapReserved_BadCache,            false, "null",         NULL,           NULL},
{"MmMapLockedPagesWithReservedMapping",  "null",    MapReserved_NullMdl,             false, AV,             NULL,           NULL},
{"MmMapLockedPagesWithReservedMapping",  "freed",   MapReserved_FreedPages,          false, "null",         NULL,           NULL},
{"MmUnmapReservedMapping",               "order",   UnmapReserved_NotMapped,         false, "stop DA/10B",  "void",         NULL},
{"MmUnmapReservedMapping",               "tag",     UnmapReserved_WrongTag,          false, "stop DA/102",  "stop DA/108",  NULL},
{"MmUnmapReservedMapping",               "foreign", UnmapReserved_Foreign,           false, "stop DA/106",  "stop DA",      NULL},
{"IoAllocateMdl",                        "huge",    IoAllocateMdl_Huge,              true,  "null",         NULL,           NULL},
{"IoFreeMdl",                            "null",    IoFreeMdl_Null,                  true,  AV,             NULL,           NULL},
{"IoFreeMdl",                            "foreign", IoFreeMdl_Foreign,               true,  "stop C2/42",   NULL,           NULL},
{"IoFreeMdl",                            "freed",   IoFreeMdl_Freed,                 false, "stop C2/7",    NULL,           NULL},
{"IoFreeMdl",                            "order",   IoFreeMdl_WrongRoutine,          false, "stop C2/A",    NULL,           NULL},
{"MmAllocatePagesForMdl",                "zero",    PagesForMdl_Zero,                true,  "null",         NULL,           NULL},
{"MmAllocatePagesForMdl",                "huge",    PagesForMdl_Huge,                true,  "ptr",          NULL,           NULL},
{"MmAllocatePagesForMdl",                "misaligned", PagesForMdl_SkipMisaligned,   true,  "null",         NULL,           NULL},
{"MmAllocatePagesForMdl",                "huge",    PagesForMdl_EmptyRange,          true,  "null",         NULL,           NULL},
{"MmAllocatePagesForMdlEx",              "flags",   PagesForMdlEx_BadFlags,          true,  "null",         NULL,           NULL},
{"MmAllocatePagesForMdlEx",              "flags",   PagesForMdlEx_BadCache,          true,  "ptr",          NULL,           NULL},
{"MmAllocatePagesForMdl",                "irql",    PagesForMdl_AboveDispatch,       true,  "stop C4/7E",   NULL,           NULL},
{"MmFreePagesFromMdl",                   "null",    FreePagesFromMdl_Null,           true,  AV,             NULL,           NULL},
{"MmFreePagesFromMdl",                   "freed",   FreePagesFromMdl_Freed,          false, "stop 1A/1236", NULL,           NULL},
{"MmFreePagesFromMdl",                   "foreign", FreePagesFromMdl_Pool,           false, "stop 1A/1236", NULL,           NULL},
{"MmFreePagesFromMdl",                   "order",   FreePagesFromMdl_ReservedMapped, false, "stop 1A/1238", NULL,           NULL},
{"MmFreePagesFromMdlEx",                 "flags",   FreePagesFromMdlEx_BadFlags,     false, "stop 1A/1302", NULL,           NULL},
{"MmProbeAndLockPages",                  "foreign", ProbeLock_UserMode,              false, AV,             NULL,           NULL},
{"MmProbeAndLockPages",                  "foreign", ProbeLock_Foreign,               false, AV,             NULL,           NULL},
{"MmProbeAndLockPages",                  "freed",   ProbeLock_FreedPool,             false, AV,             NULL,           NULL},
{"MmProbeAndLockPages",                  "order",   ProbeLock_Twice,                 false, "stop C4/B0",   NULL,           "void"},
{"MmProbeAndLockPages",                  "null",    ProbeLock_Null,                  true,  AV,             NULL,           NULL},
{"MmProbeAndLockPages",                  "order",   ProbeLock_ReservedUnmapped,      false, AV,             NULL,           NULL},
{"MmUnlockPages",                        "order",   UnlockPages_NotLocked,           false, "stop C4/7C",   NULL,           "stop 4E/7"},
{"MmUnlockPages",                        "freed",   UnlockPages_Twice,               false, "stop C4/7C",   NULL,           "stop 4E/7"},
{"MmUnlockPages",                        "order",   UnlockPages_MdlPages,            false, "stop 4E/7",    NULL,           NULL},
{"MmUnlockPages",                        "null",    UnlockPages_Null,                true,  AV,             NULL,           NULL},
{"MmMapLockedPagesSpecifyCache",         "order",   MapLocked_NotLocked,             false, "stop C4/B3",   NULL,           "stop 1A/1233"},
{"MmMapLockedPagesSpecifyCache",         "flags",   MapLocked_BadCache,              false, "null",         NULL,           NULL},
{"MmMapLockedPagesSpecifyCache",         "flags",   MapLocked_BugCheckOnFailure,     false, "stop C4/82",   NULL,           "ptr"},
{"MmMapLockedPagesSpecifyCache",         "order",   MapLocked_Twice,                 false, "stop C4/B2",   NULL,           "ptr"},
{"MmMapLockedPagesSpecifyCache",         "foreign", MapLocked_UserMode,              false, "ptr",          NULL,           NULL}, /* userva: a user-range mapping now (docs/user-space.md) */
{"MmMapLockedPagesSpecifyCache",         "freed",   MapLocked_FreedPages,            false, "stop 1A/1233", NULL,           NULL},
{"MmMapLockedPagesSpecifyCache",         "null",    MapLocked_Null,                  true,  AV,             NULL,           NULL},
{"MmUnmapLockedPages",                   "foreign", UnmapLocked_NotMapped,           false, "stop C4/B6",   NULL,           "stop DA/302"},
{"MmUnmapLockedPages",                   "misaligned", UnmapLocked_Interior,         false, "stop DA/304",  NULL,           NULL},
{"MmUnmapLockedPages",                   "order",   UnmapLocked_Reserved,            false, "stop DA/301",  NULL,           NULL},
{"MmUnmapLockedPages",                   "freed",   UnmapLocked_Twice,               false, "stop C4/B6",   NULL,           "stop DA/302"},
{"MmBuildMdlForNonPagedPool",            "foreign", BuildNonPaged_Paged,             false, "stop C4/7F",   NULL,           "void"},
{"MmBuildMdlForNonPagedPool",            "freed",   BuildNonPaged_Freed,             false, "stop 1A/1240", NULL,           NULL},
{"MmBuildMdlForNonPagedPool",            "foreign", BuildNonPaged_Foreign,           false, "stop 1A/1240", NULL,           NULL},
{"MmBuildMdlForNonPagedPool",            "null",    BuildNonPaged_Null,              true,  AV,             NULL,           NULL},
{"IoBuildPartialMdl",                    "huge",    PartialMdl_OutOfRange,           false, "stop 12E",     NULL,           NULL},
{"IoBuildPartialMdl",                    "huge",    PartialMdl_TargetTooSmall,       false, "stop 40",      NULL,           NULL},
{"MmGetPhysicalAddress",                 "null",    PhysAddr_Null,                   true,  "value 0",      NULL,           NULL},
{"MmGetPhysicalAddress",                 "foreign", PhysAddr_Foreign,                true,  "value 0",      NULL,           NULL},
{"MmIsAddressValid",                     "null",    IsAddressValid_Null,             true,  "value 0",      NULL,           NULL},
{"MmIsAddressValid",                     "freed",   IsAddressValid_FreedPool,        false, "value 0",      NULL,           NULL},
{"MmSizeOfMdl",                          "huge",    SizeOfMdl_Huge,                  true,  "value 1",      NULL,           NULL},
{"MmGetSystemRoutineAddress",            "foreign", RoutineAddress_Unknown,          true,  "null",         NULL,           NULL},
{"MmGetSystemRoutineAddress",            "irql",    RoutineAddress_AtDispatch,       true,  "stop A",       NULL,           NULL},
{"KeRaiseIrql",                          "order",   RaiseIrql_Lower,                 true,  "stop C4/30",   NULL,           NULL},
{"KeRaiseIrql",                          "huge",    RaiseIrql_AboveHigh,             true,  "stop C4/30",   NULL,           NULL},
{"KeLowerIrql",                          "order",   LowerIrql_Higher,                true,  "stop C4/31",   NULL,           NULL},
{"KeAcquireSpinLock",                    "order",   SpinLock_Twice,                  true,  "stop F",       NULL,           NULL},
{"KeReleaseSpinLock",                    "order",   SpinLock_ReleaseNotOwned,        true,  "stop 10",      NULL,           NULL},
{"ExAcquireFastMutex",                   "order",   FastMutex_Twice,                 true,  "stop C4",      NULL,           NULL},
{"ExAcquireFastMutex",                   "irql",    FastMutex_AtDispatch,            true,  "stop C4/20005", NULL,          NULL},
{"KeWaitForSingleObject",                "irql",    Wait_AtDispatch,                 true,  "stop A",       NULL,           NULL},
{"KeWaitForSingleObject",                "null",    Wait_Null,                       true,  AV,             NULL,           NULL},
{"KeSetEvent",                           "null",    SetEvent_Null,                   true,  AV,             NULL,           NULL},
{"KeQueryInterruptTimePrecise",          "null",    QueryInterruptTimePrecise_Null,  true,  AV,             NULL,           NULL},
{"KeInitializeSpinLock",                 "null",    InitSpinLock_Null,               true,  AV,             NULL,           NULL},
{"KeAcquireSpinLock",                    "null",    AcquireSpinLock_Null,            true,  "stop D1",      NULL,           NULL},
{"ExInitializeFastMutex",                "null",    InitFastMutex_Null,              true,  AV,             NULL,           NULL},
{"ExAcquireFastMutex",                   "null",    AcquireFastMutex_Null,           true,  AV,             NULL,           NULL},
{"KeInitializeEvent",                    "null",    InitEvent_Null,                  true,  AV,             NULL,           NULL},
{"KeClearEvent",                         "null",    ClearEvent_Null,                 true,  AV,             NULL,           NULL},
{"KeReadStateEvent",                     "null",    ReadStateEvent_Null,             true,  AV,             NULL,           NULL},
{"KeQuerySystemTime",                    "null",    QuerySystemTime_Null,            true,  AV,             NULL,           NULL},
{"IoQueueWorkItem",                      "order",   QueueWork_Twice,                 false, "stop E4/1",    NULL,           NULL},
{"IoFreeWorkItem",                       "null",    FreeWork_Null,                   true,  AV,             NULL,           NULL},
{"IoQueueWorkItem",                      "null",    QueueWork_Null,                  true,  AV,             NULL,           NULL},
{"ExQueueWorkItem",                      "null",    ExQueueWork_Null,                true,  AV,             NULL,           NULL},
{"IoAllocateWorkItem",                   "irql",    AllocWork_AboveDispatch,         true,  "stop A",       NULL,           NULL},
{"MmAllocateMappingAddressEx",           "irql",    ReserveEx_AtDispatch,            true,  "stop C4/20019", "null",        NULL},
{"MmMapLockedPagesWithReservedMapping",  "irql",    MapReserved_AtHigh,              false, "stop A",       NULL,           NULL},
{"MmUnmapReservedMapping",               "irql",    UnmapReserved_AtHigh,            false, "stop A",       NULL,           NULL},
{"MmAllocatePagesForMdlEx",              "irql",    PagesForMdlEx_AtHigh,            true,  "stop C4/7E",   NULL,           NULL},
{"MmFreePagesFromMdl",                   "irql",    FreePagesFromMdl_AtHigh,         false, "stop C4/7E",   NULL,           NULL},
{"MmFreePagesFromMdlEx",                 "irql",    FreePagesFromMdlEx_AtHigh,       false, "stop C4/7E",   NULL,           NULL},
{"IoAllocateMdl",                        "irql",    IoAllocateMdl_AtHigh,            true,  "stop A",       NULL,           NULL},
{"IoFreeMdl",                            "irql",    IoFreeMdl_AtHigh,                false, "stop A",       NULL,           NULL},
{"IoBuildPartialMdl",                    "irql",    PartialMdl_AtHigh,               false, "stop A",       NULL,           NULL},
{"MmBuildMdlForNonPagedPool",            "irql",    BuildNonPaged_AtHigh,            false, "stop A",       NULL,           NULL},
{"MmProbeAndLockPages",                  "irql",    ProbeLock_AtHigh,                false, "stop C4/70",   NULL,           NULL},
{"MmUnlockPages",                        "irql",    UnlockPages_AtHigh,              false, "stop C4/78",   NULL,           NULL},
{"MmMapLockedPagesSpecifyCache",         "irql",    MapLocked_AtHigh,                false, "stop C4/76",   NULL,           NULL},
{"MmUnmapLockedPages",                   "irql",    UnmapLocked_AtHigh,              false, "stop C4/79",   NULL,           NULL},
{"MmIsAddressValid",                     "irql",    IsAddressValid_AtHigh,           true,  "stop A",       NULL,           NULL},
{"ExAllocatePoolWithTag",                "irql",    PoolWithTag_AtHigh,              true,  "stop C4/2",    NULL,           "stop C2/8"},
{"ExAllocatePoolWithTag",                "irql",    PoolWithTag_PagedAtDispatch,     true,  "stop C4/1",    NULL,           "stop C2/8"},
{"ExFreePoolWithTag",                    "irql",    FreePoolWithTag_AtHigh,          false, "stop C4/12",   NULL,           "stop C2/9"},
{"ExInitializeFastMutex",                "irql",    InitFastMutex_AtHigh,            true,  "stop A",       NULL,           NULL},
{"ExTryToAcquireFastMutex",              "irql",    TryFastMutex_AtDispatch,         true,  "stop C4/20005", NULL,          NULL},
{"KeInitializeEvent",                    "irql",    InitEvent_AtHigh,                true,  "stop A",       NULL,           NULL},
{"KeSetEvent",                           "irql",    SetEvent_AtHigh,                 true,  "stop C4/20016", NULL,          NULL},
{"KeClearEvent",                         "irql",    ClearEvent_AtHigh,               true,  "stop C4/20011", NULL,          NULL},
{"IoFreeWorkItem",                       "irql",    FreeWork_AtHigh,                 false, "stop A",       NULL,           NULL},
{"IoQueueWorkItem",                      "irql",    QueueWork_AtHigh,                false, "stop A",       NULL,           NULL},
{"ExQueueWorkItem",                      "irql",    ExQueueWork_AtHigh,              true,  "stop A",       NULL,           NULL},
};
#define ROW_COUNT (sizeof(Rows) / sizeof(Rows[0]))

/* ---------------------------------------------------------------------- */
/* Modes and the child.                                                   */
/* ---------------------------------------------------------------------- */
typedef struct _RUN_MODE {
    const char *Name;
    const char *Profile;
    const char *Strict;
} RUN_MODE;
static const RUN_MODE Modes[] = {
    {"modern", "modern", "1"},
    {"nt5", "nt5", "1"},
    {"retail", "modern", "0"},
};
#define MODE_COUNT (sizeof(Modes) / sizeof(Modes[0]))

static const char *Expected(const BAD_ROW *Row, size_t Mode)
{
    if (Mode == 1 && Row->Nt5 != NULL) return Row->Nt5;
    if (Mode == 2 && Row->Retail != NULL) return Row->Retail;
    return Row->Modern;
}

/* The __try/__except stand-in, in a frame of its own (the catch macros may
 * not nest in one scope). */
static void RunCatchingRaises(const BAD_ROW *Row, NTSTATUS *Raised)
{
    SIM_TRY_STATUS(Raised, Row->Run());
}

/* Gives the machine some history, then everything back. */
static void WarmUp(void)
{
    PVOID Pool[8];
    for (int i = 0; i < 8; i++) Pool[i] = NonPaged((SIZE_T)64 << i);
    PVOID R = Reserve(8);
    PMDL M = MdlPages(3);
    if (MmMapLockedPagesWithReservedMapping(R, TAG, M, MmCached) == NULL) abort();
    MmUnmapReservedMapping(R, TAG, M);
    PVOID Va = MmMapLockedPagesSpecifyCache(M, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    if (Va == NULL) abort();
    MmUnmapLockedPages(Va, M);
    MmFreePagesFromMdl(M);
    ExFreePool(M);
    MmFreeMappingAddress(R, TAG);
    for (int i = 0; i < 8; i++) ExFreePool(Pool[i]);
}

static void Child(const BAD_ROW *Row, bool Warm)
{
    char Line[256];
    if (Warm) WarmUp();
    strcpy(Outcome, "nothing");
    SIM_BUGCHECK Stop;
    NTSTATUS Raised = STATUS_SUCCESS;
    SIM_CATCH_BUGCHECK(&Stop, RunCatchingRaises(Row, &Raised));
    if (Stop.Caught && Stop.Refused) {
        snprintf(Line, sizeof(Line), "refused");
    } else if (Stop.Caught) {
        snprintf(Line, sizeof(Line), "stop %X/%llX", (unsigned)Stop.Code,
                 (unsigned long long)Stop.Parameters[0]);
    } else if (Raised != STATUS_SUCCESS) {
        snprintf(Line, sizeof(Line), "raise %X", (unsigned)Raised);
    } else {
        char Report[256] = "";
        if (!SimCheckInvariants(Report, sizeof(Report))) {
            char *Nl = strchr(Report, '\n');
            if (Nl) *Nl = '\0';
            snprintf(Line, sizeof(Line), "corrupt after %s: %.100s", Outcome, Report);
        } else {
            snprintf(Line, sizeof(Line), "%s", Outcome);
        }
    }
    printf("\n%s%s\n", OUTCOME, Line);
    fflush(stdout);
    _exit(0);
}

/* ok: what Windows gives; other: another stop or raise, loud but not the
 * documented one; silent: the call returned where Windows stops, raises or
 * returns something else; corrupt: it returned and the machine's invariants
 * broke; crash and hang: the host process died or stopped answering. */
typedef enum {
    VerdictOk, VerdictOther, VerdictSilent, VerdictCorrupt, VerdictCrash, VerdictHang, VerdictCount
} VERDICT;
static const char *const VerdictNames[] = {"ok", "other", "silent", "corrupt", "crash", "hang"};

static bool IsReturn(const char *Text)
{
    return strncmp(Text, "stop", 4) != 0 && strncmp(Text, "raise", 5) != 0 &&
           strncmp(Text, "refused", 7) != 0;
}

static bool Matches(const char *Got, const char *Want)
{
    size_t N = strlen(Want);
    if (strcmp(Got, Want) == 0) return true;
    /* "stop C" matches "stop C/anything". */
    return strncmp(Want, "stop ", 5) == 0 && strchr(Want, '/') == NULL &&
           strncmp(Got, Want, N) == 0 && Got[N] == '/';
}

typedef struct _CHILD_CASE {
    const BAD_ROW *Row;
    size_t Mode;
    bool Warm;
} CHILD_CASE;

static void ChildBody(void *Context)
{
    const CHILD_CASE *Case = (const CHILD_CASE *)Context;
    setenv("MMSIM_PROFILE", Modes[Case->Mode].Profile, 1);
    setenv("MMSIM_STRICT", Modes[Case->Mode].Strict, 1);
    setenv("MMSIM_QUIET", "1", 1);
    setenv("MMSIM_UNLOAD_CHECK", "0", 1);
    Child(Case->Row, Case->Warm);
}

static SIM_CHILD Ended; /* static: it is large */

static VERDICT RunOne(const BAD_ROW *Row, size_t Mode, bool Warm, int TimeoutSec, char *Got,
                      size_t GotSize)
{
    CHILD_CASE Case = {Row, Mode, Warm};
    if (!SimRunChild(ChildBody, &Case, (unsigned)TimeoutSec, &Ended)) {
        perror("fork");
        exit(2);
    }
    if (getenv("BAD_ARGS_VERBOSE") != NULL) {
        fputs(Ended.Err, stderr);
    }
    const char *Line = NULL;
    for (const char *At = strstr(Ended.Out, OUTCOME); At != NULL; At = strstr(At + 1, OUTCOME)) {
        Line = At + strlen(OUTCOME); /* the last one */
    }
    snprintf(Got, GotSize, "%.*s", Line != NULL ? (int)strcspn(Line, "\n") : 0,
             Line != NULL ? Line : "");
    if (!Ended.Exited && Ended.Signal == SIGALRM) {
        snprintf(Got, GotSize, "no outcome in %d s", TimeoutSec);
        return VerdictHang;
    }
    if (!Ended.Exited) {
        snprintf(Got, GotSize, "killed by signal %d", Ended.Signal);
        return VerdictCrash;
    }
    if (Ended.Status != 0 || Line == NULL) {
        snprintf(Got, GotSize, "exit %d without an outcome", Ended.Status);
        return VerdictCrash;
    }
    if (strncmp(Got, "corrupt", 7) == 0) return VerdictCorrupt;
    if (Matches(Got, Expected(Row, Mode))) return VerdictOk;
    return IsReturn(Got) ? VerdictSilent : VerdictOther;
}

/* What Windows gave, by kind: the first word of the outcome. */
static const char *const KindNames[] = {"stop", "raise", "status", "null", "ptr", "value", "void"};
#define KIND_COUNT (sizeof(KindNames) / sizeof(KindNames[0]))
static size_t OutcomeKind(const char *Got)
{
    for (size_t k = 0; k < KIND_COUNT; k++) {
        size_t N = strlen(KindNames[k]);
        if (strncmp(Got, KindNames[k], N) == 0 && (Got[N] == ' ' || Got[N] == '\0')) {
            return k;
        }
    }
    return KIND_COUNT - 1;
}

int main(int argc, char **argv)
{
    unsigned Kinds[KIND_COUNT] = {0};
    int TimeoutSec = 60;
    const char *Only = argc > 1 ? argv[1] : NULL; /* a DDI name, to run its rows alone */
    unsigned Counts[MODE_COUNT][2][VerdictCount];
    memset(Counts, 0, sizeof(Counts));
    unsigned Total = 0, Bad = 0;
    for (size_t i = 0; i < ROW_COUNT; i++) {
        const BAD_ROW *Row = &Rows[i];
        if (Only != NULL && strcmp(Only, Row->Ddi) != 0) continue;
        for (size_t m = 0; m < MODE_COUNT; m++) {
            for (int Warm = Row->Cold ? 0 : 1; Warm <= 1; Warm++) {
                char Got[300];
                VERDICT V = RunOne(Row, m, Warm != 0, TimeoutSec, Got, sizeof(Got));
                Counts[m][Warm][V]++;
                if (V == VerdictOk) {
                    Kinds[OutcomeKind(Got)]++;
                }
                Total++;
                if (V != VerdictOk) {
                    Bad++;
                    printf("%-7s %-36s %-10s %-6s %-4s expected %-16s got %s\n",
                           VerdictNames[V], Row->Ddi, Row->Bad, Modes[m].Name,
                           Warm ? "warm" : "cold", Expected(Row, m), Got);
                }
            }
        }
    }
    printf("\nbad-argument table: %zu rows, %u cases\n", ROW_COUNT, Total);
    printf("%-8s %-5s", "mode", "");
    for (int v = 0; v < VerdictCount; v++) printf(" %7s", VerdictNames[v]);
    printf("\n");
    unsigned Sum[VerdictCount] = {0};
    for (size_t m = 0; m < MODE_COUNT; m++) {
        for (int w = 0; w <= 1; w++) {
            printf("%-8s %-5s", Modes[m].Name, w ? "warm" : "cold");
            for (int v = 0; v < VerdictCount; v++) {
                printf(" %7u", Counts[m][w][v]);
                Sum[v] += Counts[m][w][v];
            }
            printf("\n");
        }
    }
    printf("host crashes %u, hangs %u, silent wrong results %u (returned %u, corrupt %u), "
           "other stops %u\n",
           Sum[VerdictCrash], Sum[VerdictHang], Sum[VerdictSilent] + Sum[VerdictCorrupt],
           Sum[VerdictSilent], Sum[VerdictCorrupt], Sum[VerdictOther]);
    printf("outcomes as documented:");
    for (size_t k = 0; k < KIND_COUNT; k++) {
        printf(" %s %u%s", KindNames[k], Kinds[k], k + 1 < KIND_COUNT ? "," : "\n");
    }
    printf("%u passed, %u failed\n", Total - Bad, Bad);
    return Bad == 0 ? 0 : 1;
}
