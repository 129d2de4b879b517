/*
 * lookaside.c - lookaside lists: NPAGED_LOOKASIDE_LIST, PAGED_LOOKASIDE_LIST,
 * LOOKASIDE_LIST_EX and their DDIs (docs/ex-sync.md).
 *
 * The list is the WDK's GENERAL_LOOKASIDE: cached entries on its SLIST_HEADER
 * (last freed, first allocated), Depth the number it keeps, the counters
 * drivers and debuggers read. As on Windows:
 *   - Depth starts at 4 and MaximumDepth is 256 (the Depth argument is
 *     reserved); every 256 allocations mmsim adjusts Depth from the share of
 *     them that missed (Windows does so once a second): under 0.5 % it drops
 *     by one (not below 4), else it rises by 5 plus half the miss share of
 *     the room left, up to MaximumDepth;
 *   - an allocation from an empty list calls the Allocate routine (the pool
 *     allocator with the list's type and tag when the driver gave none); a
 *     free to a list holding Depth entries calls the Free routine;
 *   - the system's set of active lists is kept in mmsim's own memory, not
 *     linked through L.ListEntry (left an empty list head): a list whose
 *     memory went away undeleted - a stack frame left by a longjmp, pool
 *     freed under it before this check existed - must not make the
 *     simulator walk or write that memory.
 * Checks (Driver Verifier's 0xC4 codes; mmsim makes them always):
 *   0xCA (list, 0, 0)            initializing a list that is active
 *   0xCB (list, 0, 0)            deleting or using a list never initialized
 *   0xCD (list, Size, minimum)   a block size below LOOKASIDE_MINIMUM_BLOCK_SIZE
 *   0xCC (list, block, size)     ExFreePool of a block that holds an active list
 *                                (the pool asks MiLookasideHeldIn, a hook)
 * The allocation that misses is a fault-injection site ("lookaside"): it fails
 * as the allocator fails (NULL, or STATUS_INSUFFICIENT_RESOURCES raised when
 * the list's flags ask for a raise). The unload check reports lists not
 * deleted (sim/verifier/unload.c).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../mi.h"

#define MI_LOOKASIDE_MINIMUM_DEPTH 4
#define MI_LOOKASIDE_SCAN_PERIOD 256 /* allocations between depth adjustments */

/* L.Future[0]: the list's kind, for the unload report (reserved to the system). */
enum { MiLookasideNPaged = 0x4E4C, MiLookasidePaged = 0x504C, MiLookasideEx = 0x584C };

/* What mmsim keeps of an active list, in its own memory. */
typedef struct _MI_LOOKASIDE_RECORD {
    PGENERAL_LOOKASIDE_POOL List;
    ULONG Tag;
    ULONG Kind;
    bool Paged;
} MI_LOOKASIDE_RECORD;

static struct {
    pthread_mutex_t Mutex;
    MI_LOOKASIDE_RECORD *Lists; /* the active lists, in initialization order */
    ULONG Count, Capacity;
    _Atomic ULONG Active; /* Count, read by the pool's free without the mutex */
} MiLookaside = {.Mutex = PTHREAD_MUTEX_INITIALIZER};

/* fork(): held across it, so the child's copy of the records is whole and
 * its lock free (sim/ex/work.c, MiExForkSteps). */
void MiLookasideForkStep(MI_FORK_STEP Step)
{
    MiForkStepMutex(&MiLookaside.Mutex, Step);
}

/* Index of L among the active lists, or Count. */
static ULONG MiLookasideFindLocked(PGENERAL_LOOKASIDE_POOL L)
{
    ULONG i = 0;
    while (i < MiLookaside.Count && MiLookaside.Lists[i].List != L) {
        i++;
    }
    return i;
}

static bool MiLookasideIsActiveLocked(PGENERAL_LOOKASIDE_POOL L)
{
    return MiLookasideFindLocked(L) < MiLookaside.Count;
}

static bool MiLookasideIsActive(PGENERAL_LOOKASIDE_POOL L)
{
    pthread_mutex_lock(&MiLookaside.Mutex);
    bool Active = MiLookasideIsActiveLocked(L);
    pthread_mutex_unlock(&MiLookaside.Mutex);
    return Active;
}

static bool MiLookasideIsPaged(PGENERAL_LOOKASIDE_POOL L)
{
    return ((ULONG)L->Type & 1) != 0;
}

/* Adds a list to the active ones (mutex held); false if the host has no memory for it. */
static bool MiLookasideAddLocked(const MI_LOOKASIDE_RECORD *Record)
{
    if (MiLookaside.Count == MiLookaside.Capacity) {
        ULONG Capacity = MiLookaside.Capacity != 0 ? MiLookaside.Capacity * 2 : 16;
        MI_LOOKASIDE_RECORD *Lists =
            (MI_LOOKASIDE_RECORD *)realloc(MiLookaside.Lists, Capacity * sizeof(*Lists));
        if (Lists == NULL) {
            return false;
        }
        MiLookaside.Lists = Lists;
        MiLookaside.Capacity = Capacity;
    }
    MiLookaside.Lists[MiLookaside.Count++] = *Record;
    atomic_store(&MiLookaside.Active, MiLookaside.Count);
    return true;
}

static void MiLookasideRemoveLocked(ULONG Index)
{
    memmove(&MiLookaside.Lists[Index], &MiLookaside.Lists[Index + 1],
            (MiLookaside.Count - Index - 1) * sizeof(MiLookaside.Lists[0]));
    MiLookaside.Count--;
    atomic_store(&MiLookaside.Active, MiLookaside.Count);
}

static SIZE_T MiLookasideBytes(ULONG Kind)
{
    return Kind == MiLookasideEx ? sizeof(LOOKASIDE_LIST_EX) : sizeof(GENERAL_LOOKASIDE);
}

/* The pool's hook (architecture.md 1.1): an active list inside the block
 * being freed stops the free with Driver Verifier's 0xC4/0xCC (list, block,
 * size). Reads only mmsim's own records: called with the MM lock held. */
static ULONG MiLookasideHeldIn(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                               ULONG_PTR Parameters[4])
{
    (void)PoolType;
    if (atomic_load(&MiLookaside.Active) == 0) {
        return 0;
    }
    uintptr_t Begin = (uintptr_t)Start, End = Begin + Size;
    bool Found = false;
    pthread_mutex_lock(&MiLookaside.Mutex);
    for (ULONG i = 0; i < MiLookaside.Count && !Found; i++) {
        uintptr_t List = (uintptr_t)MiLookaside.Lists[i].List;
        if (List >= Begin && List < End) {
            Parameters[0] = 0xCC;
            Parameters[1] = List;
            Parameters[2] = Begin;
            Parameters[3] = Size;
            Found = true;
        }
    }
    pthread_mutex_unlock(&MiLookaside.Mutex);
    return Found ? DRIVER_VERIFIER_DETECTED_VIOLATION : 0;
}

/* The default routines: the pool with the list's type (and flag bits) and tag. */
static PVOID NTAPI MiLookasideAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag);
}
static PVOID NTAPI MiLookasideAllocatePoolEx(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                             PLOOKASIDE_LIST_EX Lookaside)
{
    (void)Lookaside;
    return ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag);
}
static VOID NTAPI MiLookasideFreePool(PVOID Buffer)
{
    ExFreePool(Buffer);
}
static VOID NTAPI MiLookasideFreePoolEx(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside)
{
    (void)Lookaside;
    ExFreePool(Buffer);
}

/* false if the host refused memory for mmsim's record of the list. */
static bool MiLookasideInitialize(PGENERAL_LOOKASIDE_POOL L, ULONG Kind, PVOID Allocate, PVOID Free,
                                  ULONG Type, SIZE_T Size, ULONG Tag)
{
    if (Size < LOOKASIDE_MINIMUM_BLOCK_SIZE) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCD, (ULONG_PTR)L, Size,
                     LOOKASIDE_MINIMUM_BLOCK_SIZE);
    }
    if (MiLookasideIsActive(L)) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCA, (ULONG_PTR)L, 0, 0);
    }
    /* The driver's memory is written outside the mutex: a fault there takes
     * the MM lock, which the pool's free holds when it asks MiLookasideHeldIn. */
    /* the layout only: a LOOKASIDE_LIST_EX lacks GENERAL_LOOKASIDE's cache-line padding */
    memset(L, 0, sizeof(GENERAL_LOOKASIDE_POOL));
    L->Depth = MI_LOOKASIDE_MINIMUM_DEPTH;
    L->MaximumDepth = EX_MAXIMUM_LOOKASIDE_DEPTH_BASE;
    L->Type = (POOL_TYPE)Type;
    L->Tag = Tag;
    L->Size = (ULONG)Size;
    L->Allocate = (PALLOCATE_FUNCTION)Allocate;
    L->Free = (PFREE_FUNCTION)Free;
    L->Future[0] = Kind;
    InitializeListHead(&L->ListEntry); /* the set of lists is mmsim's own (above) */
    MI_LOOKASIDE_RECORD Record = {L, Tag, Kind, ((ULONG)Type & 1) != 0};
    pthread_mutex_lock(&MiLookaside.Mutex);
    if (MiLookasideIsActiveLocked(L)) { /* another thread initialized it meanwhile */
        pthread_mutex_unlock(&MiLookaside.Mutex);
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCA, (ULONG_PTR)L, 0, 0);
    }
    bool Added = MiLookasideAddLocked(&Record);
    pthread_mutex_unlock(&MiLookaside.Mutex);
    if (!Added) {
        L->Future[0] = 0; /* not active */
    }
    return Added;
}

/* The VOID initializers cannot fail on Windows: the host refusing a few
 * bytes for mmsim's record ends the process, saying so (SIM_EXIT_CONFIG). */
static void MiLookasideRefused(void)
{
    MiWriteStderr("mmsim: the host refused memory for a lookaside list's record\n");
    _Exit(SIM_EXIT_CONFIG);
}

/* Every 256 allocations: Depth follows the share of them that missed. */
static void MiLookasideAdjustDepth(PGENERAL_LOOKASIDE_POOL L, ULONG Total)
{
    ULONG Last = __atomic_load_n(&L->LastTotalAllocates, __ATOMIC_RELAXED);
    if (Total - Last < MI_LOOKASIDE_SCAN_PERIOD ||
        !__atomic_compare_exchange_n(&L->LastTotalAllocates, &Last, Total, false, __ATOMIC_RELAXED,
                                     __ATOMIC_RELAXED)) {
        return; /* not due, or another thread adjusts */
    }
    ULONG Misses = __atomic_load_n(&L->AllocateMisses, __ATOMIC_RELAXED);
    ULONG NewMisses = Misses - __atomic_exchange_n(&L->LastAllocateMisses, Misses, __ATOMIC_RELAXED);
    ULONG Allocates = Total - Last;
    ULONG Depth = __atomic_load_n(&L->Depth, __ATOMIC_RELAXED);
    ULONG Maximum = L->MaximumDepth;
    ULONG PerMille = (ULONG)((ULONG64)NewMisses * 1000 / Allocates);
    if (PerMille < 5) {
        Depth = Depth > MI_LOOKASIDE_MINIMUM_DEPTH ? Depth - 1 : Depth;
    } else {
        Depth += 5 + (ULONG)((ULONG64)PerMille * (Maximum > Depth ? Maximum - Depth : 0) / 2000);
        Depth = Depth > Maximum ? Maximum : Depth;
    }
    __atomic_store_n(&L->Depth, (USHORT)Depth, __ATOMIC_RELAXED);
}

/* Paged lists and their entries are used at APC_LEVEL at most. */
static void MiLookasideCheckPagedIrql(PGENERAL_LOOKASIDE_POOL L, ULONG_PTR Caller)
{
    KIRQL Irql = MiCurrentIrql();
    if (MiLookasideIsPaged(L) && Irql > APC_LEVEL) {
        KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, 0, Irql, 0, Caller);
    }
}

static PVOID MiLookasideAllocate(PGENERAL_LOOKASIDE_POOL L, bool Ex, ULONG_PTR Caller)
{
    MiCheckDriverPointer(L, 0, true, Caller);
    if (__atomic_load_n(&L->Future[0], __ATOMIC_RELAXED) == 0 || !MiLookasideIsActive(L)) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, (ULONG_PTR)L, 0, 0);
    }
    MiLookasideCheckPagedIrql(L, Caller);
    ULONG Total = __atomic_add_fetch(&L->TotalAllocates, 1, __ATOMIC_RELAXED);
    PVOID Entry = InterlockedPopEntrySList(&L->ListHead);
    if (Entry == NULL) {
        __atomic_add_fetch(&L->AllocateMisses, 1, __ATOMIC_RELAXED);
        ULONG Type = (ULONG)L->Type;
        if (MiInjectFaultAt(SimFaultLookaside, L->Tag, Caller) != MiInjectNone) {
            if ((Type & POOL_RAISE_IF_ALLOCATION_FAILURE) != 0) {
                ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
            }
        } else if (Ex) {
            Entry = L->AllocateEx((POOL_TYPE)Type, L->Size, L->Tag, CONTAINING_RECORD(L, LOOKASIDE_LIST_EX, L));
        } else {
            Entry = L->Allocate((POOL_TYPE)Type, L->Size, L->Tag);
        }
    }
    MiLookasideAdjustDepth(L, Total);
    return Entry;
}

static void MiLookasideFree(PGENERAL_LOOKASIDE_POOL L, PVOID Entry, bool Ex, ULONG_PTR Caller)
{
    MiCheckDriverPointer(L, 0, true, Caller);
    if (__atomic_load_n(&L->Future[0], __ATOMIC_RELAXED) == 0 || !MiLookasideIsActive(L)) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, (ULONG_PTR)L, 0, 0);
    }
    MiLookasideCheckPagedIrql(L, Caller);
    __atomic_add_fetch(&L->TotalFrees, 1, __ATOMIC_RELAXED);
    if (ExQueryDepthSList(&L->ListHead) >= __atomic_load_n(&L->Depth, __ATOMIC_RELAXED)) {
        __atomic_add_fetch(&L->FreeMisses, 1, __ATOMIC_RELAXED);
        if (Ex) {
            L->FreeEx(Entry, CONTAINING_RECORD(L, LOOKASIDE_LIST_EX, L));
        } else {
            L->Free(Entry);
        }
    } else {
        InterlockedPushEntrySList(&L->ListHead, (PSLIST_ENTRY)Entry);
    }
}

/* Frees every cached entry with the list's Free routine. */
static void MiLookasideFlush(PGENERAL_LOOKASIDE_POOL L, bool Ex)
{
    PSLIST_ENTRY Entry = InterlockedFlushSList(&L->ListHead);
    while (Entry != NULL) {
        PSLIST_ENTRY Next = Entry->Next;
        if (Ex) {
            L->FreeEx(Entry, CONTAINING_RECORD(L, LOOKASIDE_LIST_EX, L));
        } else {
            L->Free(Entry);
        }
        Entry = Next;
    }
}

static void MiLookasideDelete(PGENERAL_LOOKASIDE_POOL L, bool Ex, ULONG_PTR Caller)
{
    MiCheckDriverPointer(L, 0, true, Caller);
    pthread_mutex_lock(&MiLookaside.Mutex);
    ULONG Index = MiLookasideFindLocked(L);
    if (Index == MiLookaside.Count) {
        pthread_mutex_unlock(&MiLookaside.Mutex);
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, (ULONG_PTR)L, 0, 0);
    }
    MiLookasideRemoveLocked(Index);
    pthread_mutex_unlock(&MiLookaside.Mutex);
    MiLookasideFlush(L, Ex);
    L->Future[0] = 0;
}

/* ---------------------------------------------------------------------- */
/* NPAGED_LOOKASIDE_LIST, PAGED_LOOKASIDE_LIST                            */
/* ---------------------------------------------------------------------- */
VOID NTAPI ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
                                           PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
                                           ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExInitializeNPagedLookasideList, 0, Caller);
    MiCheckDriverPointer(Lookaside, 0, true, Caller);
    (void)Depth; /* reserved */
    if (!MiLookasideInitialize((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, MiLookasideNPaged,
                               Allocate != NULL ? (PVOID)Allocate : (PVOID)MiLookasideAllocatePool,
                               Free != NULL ? (PVOID)Free : (PVOID)MiLookasideFreePool,
                               (ULONG)NonPagedPool | Flags, Size, Tag)) {
        MiLookasideRefused();
    }
}

VOID NTAPI ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
                                          PALLOCATE_FUNCTION Allocate, PFREE_FUNCTION Free,
                                          ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExInitializePagedLookasideList, 0, Caller);
    MiCheckDriverPointer(Lookaside, 0, true, Caller);
    (void)Depth;
    if (!MiLookasideInitialize((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, MiLookasidePaged,
                               Allocate != NULL ? (PVOID)Allocate : (PVOID)MiLookasideAllocatePool,
                               Free != NULL ? (PVOID)Free : (PVOID)MiLookasideFreePool,
                               (ULONG)PagedPool | Flags, Size, Tag)) {
        MiLookasideRefused();
    }
}

VOID NTAPI ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExDeleteNPagedLookasideList, 0, Caller);
    MiLookasideDelete((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, false, Caller);
}

VOID NTAPI ExDeletePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExDeletePagedLookasideList, 0, Caller);
    MiLookasideDelete((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, false, Caller);
}

PVOID NTAPI ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAllocateFromNPagedLookasideList, 0, Caller);
    return MiLookasideAllocate((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, false, Caller);
}

VOID NTAPI ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExFreeToNPagedLookasideList, 0, Caller);
    MiLookasideFree((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, Entry, false, Caller);
}

PVOID NTAPI ExAllocateFromPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAllocateFromPagedLookasideList, 0, Caller);
    return MiLookasideAllocate((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, false, Caller);
}

VOID NTAPI ExFreeToPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExFreeToPagedLookasideList, 0, Caller);
    MiLookasideFree((PGENERAL_LOOKASIDE_POOL)(PVOID)&Lookaside->L, Entry, false, Caller);
}

/* ---------------------------------------------------------------------- */
/* LOOKASIDE_LIST_EX                                                      */
/* ---------------------------------------------------------------------- */
NTSTATUS NTAPI ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside,
                                           PALLOCATE_FUNCTION_EX Allocate, PFREE_FUNCTION_EX Free,
                                           POOL_TYPE PoolType, ULONG Flags, SIZE_T Size, ULONG Tag,
                                           USHORT Depth)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExInitializeLookasideListEx, 0, Caller);
    MiCheckDriverPointer(Lookaside, 0, true, Caller);
    (void)Depth;
    const ULONG Known = EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL |
                        EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE;
    if ((Flags & ~Known) != 0 || Flags == Known) {
        return STATUS_INVALID_PARAMETER_5; /* unknown, or both (mutually exclusive) */
    }
    /* The allocate routine receives the pool type with the flag's pool bit. */
    ULONG Type = (ULONG)PoolType;
    if ((Flags & EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL) != 0) {
        Type |= POOL_RAISE_IF_ALLOCATION_FAILURE;
    }
    if ((Flags & EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE) != 0) {
        Type |= POOL_QUOTA_FAIL_INSTEAD_OF_RAISE;
    }
    PGENERAL_LOOKASIDE_POOL L = &Lookaside->L;
    if (!MiLookasideInitialize(L, MiLookasideEx,
                               Allocate != NULL ? (PVOID)Allocate : (PVOID)MiLookasideAllocatePoolEx,
                               Free != NULL ? (PVOID)Free : (PVOID)MiLookasideFreePoolEx, Type,
                               Size, Tag)) {
        return STATUS_INSUFFICIENT_RESOURCES; /* the host refused mmsim's record of it */
    }
    return STATUS_SUCCESS;
}

VOID NTAPI ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExDeleteLookasideListEx, 0, Caller);
    MiLookasideDelete(&Lookaside->L, true, Caller);
}

VOID NTAPI ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExFlushLookasideListEx, 0, Caller);
    PGENERAL_LOOKASIDE_POOL L = &Lookaside->L;
    MiCheckDriverPointer(L, 0, true, Caller);
    if (!MiLookasideIsActive(L)) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xCB, (ULONG_PTR)L, 0, 0);
    }
    MiLookasideCheckPagedIrql(L, Caller);
    MiLookasideFlush(L, true);
}

PVOID NTAPI ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAllocateFromLookasideListEx, 0, Caller);
    return MiLookasideAllocate(&Lookaside->L, true, Caller);
}

VOID NTAPI ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExFreeToLookasideListEx, 0, Caller);
    MiLookasideFree(&Lookaside->L, Entry, true, Caller);
}

/* ---------------------------------------------------------------------- */
/* Machine lifetime and the unload check                                  */
/* ---------------------------------------------------------------------- */
/* What mmsim keeps of each list is copied out under the mutex; the list's
 * counters are read after it, and only from memory that is there: the
 * list is the driver's (it may be in pages unmapped since, or in a stack
 * frame that ended). */
ULONG MiEnumLookasideLists(MI_LOOKASIDE_INFO *Infos, ULONG Max)
{
    pthread_mutex_lock(&MiLookaside.Mutex);
    ULONG Count = MiLookaside.Count;
    ULONG Copied = Infos != NULL ? (Count < Max ? Count : Max) : 0;
    for (ULONG i = 0; i < Copied; i++) {
        const MI_LOOKASIDE_RECORD *Record = &MiLookaside.Lists[i];
        Infos[i] = (MI_LOOKASIDE_INFO){.List = Record->List,
                                       .Tag = Record->Tag,
                                       .Paged = Record->Paged,
                                       .Ex = Record->Kind == MiLookasideEx,
                                       .Bytes = MiLookasideBytes(Record->Kind)};
    }
    pthread_mutex_unlock(&MiLookaside.Mutex);
    for (ULONG i = 0; i < Copied; i++) {
        PGENERAL_LOOKASIDE_POOL L = (PGENERAL_LOOKASIDE_POOL)Infos[i].List;
        Infos[i].Readable = MiIsResidentNow(L, Infos[i].Bytes);
        if (Infos[i].Readable) {
            Infos[i].Cached = ExQueryDepthSList(&L->ListHead);
            Infos[i].Outstanding = (ULONG)(__atomic_load_n(&L->TotalAllocates, __ATOMIC_RELAXED) -
                                           __atomic_load_n(&L->TotalFrees, __ATOMIC_RELAXED));
        }
    }
    return Count;
}

static NTSTATUS MiLookasideInit(const SIM_CONFIG *Config)
{
    (void)Config;
    MiSetHeldObjectFinder(MiHeldLookasideList, MiLookasideHeldIn);
    return STATUS_SUCCESS;
}

/* The lists of a machine that goes away are forgotten (their memory is the
 * driver's; nothing is freed here). */
static void MiLookasideTeardown(void)
{
    pthread_mutex_lock(&MiLookaside.Mutex);
    MiLookaside.Count = 0;
    atomic_store(&MiLookaside.Active, 0);
    pthread_mutex_unlock(&MiLookaside.Mutex);
}

static bool MiLookasideIsClean(char *Report, size_t Size)
{
    MI_LOOKASIDE_INFO First;
    ULONG Count = MiEnumLookasideLists(&First, 1);
    if (Count != 0) {
        MiAppend(Report, Size, "%lu lookaside list(s) not deleted (first %p, tag %08lx)\n",
                 (unsigned long)Count, First.List, (unsigned long)First.Tag);
    }
    return Count == 0;
}

const MI_SUBSYSTEM MiLookasideSubsystem = {"lookaside", MiLookasideInit, MiLookasideTeardown,
                                           MiLookasideIsClean};
