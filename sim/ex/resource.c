/*
 * resource.c - executive resources (ERESOURCE): reader/writer locks with
 * recursive ownership (docs/ex-sync.md).
 *
 * The owners live in a host-side record that ERESOURCE.Reserved2 points to
 * (the layout is the WDK's; drivers touch no member). One host mutex guards
 * every record; a thread that must wait parks on the resource's address in
 * ke's parking lot, so a stop or a reset ends the wait as for events. The
 * members are written under the mutex, so it is taken as a lock over driver
 * memory: a fault there (a resource in freed or read-only memory) bug checks
 * and the bug check releases it.
 *
 *   acquire               granted when                        else
 *   exclusive             no owner, or the caller is the       wait / FALSE
 *                         exclusive owner (recursion)
 *   shared                caller owns it (either way), or      wait / FALSE
 *                         not owned exclusively and no
 *                         exclusive waiter
 *   shared, starve excl.  as shared, exclusive waiters ignored
 *   shared, wait for excl. as shared, but a shared owner waits
 *                         behind exclusive waiters too
 *
 * Rules: acquisition needs normal kernel APCs disabled (a critical region or
 * IRQL APC_LEVEL): 0xC4/0x37 (IRQL, APC disable count, resource), Driver
 * Verifier's check; a release by a thread that owns nothing: 0xE3
 * RESOURCE_NOT_OWNED (resource, thread, owner table, 0); deleting a resource
 * that is owned: 0xC4/0x17 (resource, 0, resource), Verifier's code for
 * freeing memory that holds an active ERESOURCE; freeing pool that holds a
 * resource not deleted: 0xC4/0x17 (resource, pool type, block), that code
 * as documented (the pool asks MiResourceHeldIn, a hook).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "../mi.h"

typedef struct _MI_OWNER {
    ERESOURCE_THREAD Thread;
    ULONG Count;
} MI_OWNER;

typedef struct _MI_RESOURCE {
    struct _MI_RESOURCE *Next;    /* the machine's live records */
    PERESOURCE Resource;          /* back pointer: a live record names its resource */
    ERESOURCE_THREAD Exclusive;   /* the exclusive owner, when ExclusiveCount != 0 */
    ULONG ExclusiveCount;
    MI_OWNER *Shared;
    ULONG SharedUsed, SharedCapacity;
    ULONG ExclusiveWaiters, SharedWaiters;
} MI_RESOURCE;

typedef enum { MiAcquireExclusive, MiAcquireShared, MiAcquireStarve, MiAcquireWaitForExclusive } MI_ACQUIRE;

static pthread_mutex_t MiResourceLock = PTHREAD_MUTEX_INITIALIZER;
static MI_RESOURCE *MiResourceRecords; /* live records, freed when the machine goes */
static _Atomic ULONG MiResourceLive;    /* their number, read by every pool free */
static MI_RESOURCE *MiResourceRetired;  /* replaced by a second initialization */

/* fork(): held across it, so the child's copy of the records is whole and
 * its lock free (sim/ex/work.c, MiExForkSteps). */
void MiResourceForkStep(MI_FORK_STEP Step)
{
    MiForkStepMutex(&MiResourceLock, Step);
}

/* The calling thread's identity as an owner (an ERESOURCE_THREAD, like a
 * PETHREAD). */
static _Thread_local UCHAR MiThreadIdentity;

static ERESOURCE_THREAD MiCurrentResourceThread(void)
{
    return (ERESOURCE_THREAD)&MiThreadIdentity;
}

/* The thread's one critical region count (KTHREAD's KernelApcDisable, which
 * KeEnterCriticalRegion and KeAreApcsDisabled use): a driver's own
 * KeEnterCriticalRegion before ExAcquireResourceExclusiveLite is what the
 * documentation asks for, and the Ex...AndLeaveCriticalRegion forms leave
 * the region the thread is in. The callers have checked IRQL <= APC_LEVEL. */
static void MiEnterCriticalRegionForResource(void)
{
    KeEnterCriticalRegion();
}

static void MiLeaveCriticalRegionForResource(void)
{
    KeLeaveCriticalRegion();
}

/* Normal kernel APCs disabled: a critical or guarded region, or IRQL >= APC_LEVEL. */
static bool MiApcsDisabled(void)
{
    return KeAreApcsDisabled() || MiCurrentIrql() >= APC_LEVEL;
}

/* The record of an initialized resource; an uninitialized or deleted one
 * gets what Windows' unlinking of its zeroed list entry gets: an access
 * violation at address 8 (0xD1 at DISPATCH_LEVEL). */
static MI_RESOURCE *MiRecordOf(PERESOURCE Resource, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Resource, 0, true, Caller);
    MI_RESOURCE *Record = (MI_RESOURCE *)Resource->Reserved2;
    /* Only a record on the live list is looked at (one of a machine that
     * is gone has been freed). */
    MiLockForDriverAccess(&MiResourceLock);
    MI_RESOURCE *Live = MiResourceRecords;
    while (Live != NULL && Live != Record) {
        Live = Live->Next;
    }
    bool Valid = Live != NULL && Live->Resource == Resource;
    MiUnlockForDriverAccess(&MiResourceLock);
    if (!Valid) {
        MiNullAccess(sizeof(PVOID), true, Caller);
    }
    return Record;
}

/* The driver-visible members follow the record (under MiResourceLock). */
static void MiPublish(MI_RESOURCE *R)
{
    PERESOURCE E = R->Resource;
    E->ActiveEntries = R->ExclusiveCount != 0 ? 1 : R->SharedUsed;
    E->ActiveCount = (SHORT)E->ActiveEntries;
    E->Flag = (USHORT)((E->Flag & ~ResourceOwnedExclusive) |
                       (R->ExclusiveCount != 0 ? ResourceOwnedExclusive : 0));
    E->OwnerEntry.OwnerThread =
        R->ExclusiveCount != 0 ? R->Exclusive : (R->SharedUsed != 0 ? R->Shared[0].Thread : 0);
    E->OwnerEntry.OwnerCount =
        R->ExclusiveCount != 0 ? R->ExclusiveCount : (R->SharedUsed != 0 ? R->Shared[0].Count : 0);
    E->NumberOfExclusiveWaiters = R->ExclusiveWaiters;
    E->NumberOfSharedWaiters = R->SharedWaiters;
}

static MI_OWNER *MiFindShared(MI_RESOURCE *R, ERESOURCE_THREAD Thread)
{
    for (ULONG i = 0; i < R->SharedUsed; i++) {
        if (R->Shared[i].Thread == Thread) {
            return &R->Shared[i];
        }
    }
    return NULL;
}

static bool MiAddShared(MI_RESOURCE *R, ERESOURCE_THREAD Thread)
{
    if (R->SharedUsed == R->SharedCapacity) {
        ULONG Capacity = R->SharedCapacity == 0 ? 4 : 2 * R->SharedCapacity;
        MI_OWNER *Bigger = (MI_OWNER *)realloc(R->Shared, Capacity * sizeof(MI_OWNER));
        if (Bigger == NULL) {
            return false; /* the caller waits as for a busy resource */
        }
        R->Shared = Bigger;
        R->SharedCapacity = Capacity;
    }
    R->Shared[R->SharedUsed].Thread = Thread;
    R->Shared[R->SharedUsed].Count = 1;
    R->SharedUsed++;
    return true;
}

/* Grants the acquisition if the rules allow it now (under MiResourceLock). */
static bool MiTryAcquire(MI_RESOURCE *R, ERESOURCE_THREAD Thread, MI_ACQUIRE Mode)
{
    if (R->ExclusiveCount != 0 && R->Exclusive == Thread) {
        R->ExclusiveCount++; /* any acquisition by the exclusive owner is recursive */
        return true;
    }
    if (Mode == MiAcquireExclusive) {
        if (R->ExclusiveCount == 0 && R->SharedUsed == 0) {
            R->Exclusive = Thread;
            R->ExclusiveCount = 1;
            return true;
        }
        return false;
    }
    if (R->ExclusiveCount != 0) {
        return false;
    }
    MI_OWNER *Owner = MiFindShared(R, Thread);
    if (Owner != NULL && !(Mode == MiAcquireWaitForExclusive && R->ExclusiveWaiters != 0)) {
        Owner->Count++;
        return true;
    }
    if (Owner == NULL && (Mode == MiAcquireStarve || R->ExclusiveWaiters == 0)) {
        return MiAddShared(R, Thread);
    }
    return false;
}

typedef struct _MI_RESOURCE_WAIT {
    MI_RESOURCE *Record;
    ERESOURCE_THREAD Thread;
    MI_ACQUIRE Mode;
} MI_RESOURCE_WAIT;

static bool MiResourceGranted(void *Context)
{
    MI_RESOURCE_WAIT *Wait = (MI_RESOURCE_WAIT *)Context;
    MiLockForDriverAccess(&MiResourceLock);
    bool Granted = MiTryAcquire(Wait->Record, Wait->Thread, Wait->Mode);
    if (Granted) {
        if (Wait->Mode == MiAcquireExclusive) {
            Wait->Record->ExclusiveWaiters--;
        } else {
            Wait->Record->SharedWaiters--;
        }
    }
    MiUnlockForDriverAccess(&MiResourceLock);
    return Granted;
}

static BOOLEAN MiAcquire(PERESOURCE Resource, BOOLEAN Wait, MI_ACQUIRE Mode, const char *Ddi,
                         ULONG_PTR Caller)
{
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    if (!MiApcsDisabled()) {
        /* P2, the thread's APC disable count, is 0 here: APCs are enabled. */
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x37, MiCurrentIrql(), 0,
                     (ULONG_PTR)Resource);
    }
    ERESOURCE_THREAD Thread = MiCurrentResourceThread();
    MiLockForDriverAccess(&MiResourceLock);
    bool Granted = MiTryAcquire(Record, Thread, Mode);
    if (!Granted && Wait) {
        /* Counted as a waiter before parking, so that new shared requests
         * queue behind an exclusive one. */
        if (Mode == MiAcquireExclusive) {
            Record->ExclusiveWaiters++;
        } else {
            Record->SharedWaiters++;
        }
        Resource->ContentionCount++;
    }
    MiPublish(Record);
    MiUnlockForDriverAccess(&MiResourceLock);
    if (Granted) {
        return TRUE;
    }
    if (!Wait) {
        return FALSE;
    }
    MI_RESOURCE_WAIT Context = {Record, Thread, Mode};
    (void)MiParkUntilFor(Ddi, Resource, MiResourceGranted, &Context, -1);
    /* Published after the wait, not inside its look: the look touches no
     * driver memory while it holds two host locks (its bucket and this). */
    MiLockForDriverAccess(&MiResourceLock);
    MiPublish(Record);
    MiUnlockForDriverAccess(&MiResourceLock);
    return TRUE;
}

/* Gives up one acquisition of Thread's; 0xE3 if Thread owns none. */
static void MiRelease(PERESOURCE Resource, ERESOURCE_THREAD Thread, ULONG_PTR Caller)
{
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    MiLockForDriverAccess(&MiResourceLock);
    bool Wake = false;
    if (Record->ExclusiveCount != 0 && Record->Exclusive == Thread) {
        Wake = --Record->ExclusiveCount == 0;
    } else {
        MI_OWNER *Owner = MiFindShared(Record, Thread);
        if (Owner == NULL) {
            MiUnlockForDriverAccess(&MiResourceLock);
            KeBugCheckEx(RESOURCE_NOT_OWNED, (ULONG_PTR)Resource, Thread,
                         (ULONG_PTR)Resource->OwnerTable, 0);
        }
        if (--Owner->Count == 0) {
            *Owner = Record->Shared[--Record->SharedUsed];
            Wake = true;
        }
    }
    MiPublish(Record);
    bool Waiters = Record->ExclusiveWaiters != 0 || Record->SharedWaiters != 0;
    MiUnlockForDriverAccess(&MiResourceLock);
    if (Wake && Waiters) {
        MiUnparkAll(Resource);
    }
}

NTSTATUS NTAPI ExInitializeResourceLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExInitializeResourceLite, 0, Caller);
    MiCheckDriverPointer(Resource, 0, true, Caller);
    MI_RESOURCE *Record = (MI_RESOURCE *)calloc(1, sizeof(MI_RESOURCE));
    if (Record == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES; /* the host refused memory */
    }
    memset(Resource, 0, sizeof(*Resource));
    Record->Resource = Resource;
    InitializeListHead(&Resource->SystemResourcesList);
    Resource->Reserved2 = Record;
    Resource->Address = (PVOID)Caller;
    MiLockForDriverAccess(&MiResourceLock);
    /* Initialized again without a delete: the older record leaves the live
     * list (it would otherwise name memory the driver may free) but is kept
     * until the machine goes - a thread parked on it still reads it. */
    for (MI_RESOURCE **Link = &MiResourceRecords; *Link != NULL;) {
        MI_RESOURCE *Stale = *Link;
        if (Stale->Resource == Resource) {
            *Link = Stale->Next;
            atomic_fetch_sub(&MiResourceLive, 1);
            Stale->Next = MiResourceRetired;
            MiResourceRetired = Stale;
        } else {
            Link = &Stale->Next;
        }
    }
    Record->Next = MiResourceRecords;
    MiResourceRecords = Record;
    atomic_fetch_add(&MiResourceLive, 1);
    MiUnlockForDriverAccess(&MiResourceLock);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI ExReinitializeResourceLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReinitializeResourceLite, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    MiLockForDriverAccess(&MiResourceLock);
    Record->ExclusiveCount = 0;
    Record->Exclusive = 0;
    Record->SharedUsed = 0;
    MiPublish(Record);
    MiUnlockForDriverAccess(&MiResourceLock);
    MiUnparkAll(Resource);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI ExDeleteResourceLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExDeleteResourceLite, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    MiLockForDriverAccess(&MiResourceLock);
    bool Owned = Record->ExclusiveCount != 0 || Record->SharedUsed != 0 ||
                 Record->ExclusiveWaiters != 0 || Record->SharedWaiters != 0;
    if (!Owned) {
        Resource->Reserved2 = NULL;
        for (MI_RESOURCE **Link = &MiResourceRecords; *Link != NULL; Link = &(*Link)->Next) {
            if (*Link == Record) {
                *Link = Record->Next;
                atomic_fetch_sub(&MiResourceLive, 1);
                break;
            }
        }
    }
    MiUnlockForDriverAccess(&MiResourceLock);
    if (Owned) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x17, (ULONG_PTR)Resource, 0,
                     (ULONG_PTR)Resource);
    }
    free(Record->Shared);
    free(Record);
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI ExAcquireResourceExclusiveLite(PERESOURCE Resource, BOOLEAN Wait)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireResourceExclusiveLite, 0, Caller);
    return MiAcquire(Resource, Wait, MiAcquireExclusive, "ExAcquireResourceExclusiveLite", Caller);
}

BOOLEAN NTAPI ExAcquireResourceSharedLite(PERESOURCE Resource, BOOLEAN Wait)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireResourceSharedLite, 0, Caller);
    return MiAcquire(Resource, Wait, MiAcquireShared, "ExAcquireResourceSharedLite", Caller);
}

BOOLEAN NTAPI ExAcquireSharedStarveExclusive(PERESOURCE Resource, BOOLEAN Wait)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireSharedStarveExclusive, 0, Caller);
    return MiAcquire(Resource, Wait, MiAcquireStarve, "ExAcquireSharedStarveExclusive", Caller);
}

BOOLEAN NTAPI ExAcquireSharedWaitForExclusive(PERESOURCE Resource, BOOLEAN Wait)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireSharedWaitForExclusive, 0, Caller);
    return MiAcquire(Resource, Wait, MiAcquireWaitForExclusive, "ExAcquireSharedWaitForExclusive",
                     Caller);
}

VOID FASTCALL ExReleaseResourceLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseResourceLite, 0, Caller);
    MiRelease(Resource, MiCurrentResourceThread(), Caller);
}

VOID NTAPI ExReleaseResourceForThreadLite(PERESOURCE Resource, ERESOURCE_THREAD ResourceThreadId)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseResourceForThreadLite, 0, Caller);
    MiRelease(Resource, ResourceThreadId, Caller);
}

VOID NTAPI ExConvertExclusiveToSharedLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExConvertExclusiveToSharedLite, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    ERESOURCE_THREAD Thread = MiCurrentResourceThread();
    MiLockForDriverAccess(&MiResourceLock);
    if (Record->ExclusiveCount == 0 || Record->Exclusive != Thread) {
        MiUnlockForDriverAccess(&MiResourceLock);
        KeBugCheckEx(RESOURCE_NOT_OWNED, (ULONG_PTR)Resource, Thread,
                     (ULONG_PTR)Resource->OwnerTable, 0);
    }
    ULONG Count = Record->ExclusiveCount;
    Record->ExclusiveCount = 0;
    Record->Exclusive = 0;
    bool Added = MiAddShared(Record, Thread); /* the table is empty: it has room or grows */
    if (Added) {
        Record->Shared[Record->SharedUsed - 1].Count = Count;
    } else {
        Record->Exclusive = Thread; /* no host memory: stay exclusive */
        Record->ExclusiveCount = Count;
    }
    MiPublish(Record);
    MiUnlockForDriverAccess(&MiResourceLock);
    MiUnparkAll(Resource);
}

BOOLEAN NTAPI ExIsResourceAcquiredExclusiveLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExIsResourceAcquiredExclusiveLite, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    MiLockForDriverAccess(&MiResourceLock);
    bool Mine = Record->ExclusiveCount != 0 && Record->Exclusive == MiCurrentResourceThread();
    MiUnlockForDriverAccess(&MiResourceLock);
    return Mine ? TRUE : FALSE;
}

ULONG NTAPI ExIsResourceAcquiredSharedLite(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExIsResourceAcquiredSharedLite, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    ERESOURCE_THREAD Thread = MiCurrentResourceThread();
    MiLockForDriverAccess(&MiResourceLock);
    ULONG Count = 0;
    if (Record->ExclusiveCount != 0 && Record->Exclusive == Thread) {
        Count = Record->ExclusiveCount;
    } else {
        MI_OWNER *Owner = MiFindShared(Record, Thread);
        Count = Owner != NULL ? Owner->Count : 0;
    }
    MiUnlockForDriverAccess(&MiResourceLock);
    return Count;
}

ULONG NTAPI ExGetExclusiveWaiterCount(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExGetExclusiveWaiterCount, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    MiLockForDriverAccess(&MiResourceLock);
    ULONG Count = Record->ExclusiveWaiters;
    MiUnlockForDriverAccess(&MiResourceLock);
    return Count;
}

ULONG NTAPI ExGetSharedWaiterCount(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExGetSharedWaiterCount, 0, Caller);
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    MiLockForDriverAccess(&MiResourceLock);
    ULONG Count = Record->SharedWaiters;
    MiUnlockForDriverAccess(&MiResourceLock);
    return Count;
}

/* The calling thread's ownership passes to OwnerPointer, which another
 * thread then releases with ExReleaseResourceForThreadLite. */
static void MiSetOwner(PERESOURCE Resource, PVOID OwnerPointer, ULONG_PTR Caller)
{
    MI_RESOURCE *Record = MiRecordOf(Resource, Caller);
    ERESOURCE_THREAD Thread = MiCurrentResourceThread();
    MiLockForDriverAccess(&MiResourceLock);
    MI_OWNER *Owner = MiFindShared(Record, Thread);
    if (Record->ExclusiveCount != 0 && Record->Exclusive == Thread) {
        Record->Exclusive = (ERESOURCE_THREAD)OwnerPointer;
    } else if (Owner != NULL) {
        Owner->Thread = (ERESOURCE_THREAD)OwnerPointer;
    } else {
        MiUnlockForDriverAccess(&MiResourceLock);
        KeBugCheckEx(RESOURCE_NOT_OWNED, (ULONG_PTR)Resource, Thread,
                     (ULONG_PTR)Resource->OwnerTable, 0);
    }
    MiPublish(Record);
    MiUnlockForDriverAccess(&MiResourceLock);
}

VOID NTAPI ExSetResourceOwnerPointer(PERESOURCE Resource, PVOID OwnerPointer)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExSetResourceOwnerPointer, 0, Caller);
    MiSetOwner(Resource, OwnerPointer, Caller);
}

VOID NTAPI ExSetResourceOwnerPointerEx(PERESOURCE Resource, PVOID OwnerPointer, ULONG Flags)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExSetResourceOwnerPointerEx, 0, Caller);
    (void)Flags; /* FLAG_OWNER_POINTER_IS_THREAD: the pointer names a thread; same here */
    MiSetOwner(Resource, OwnerPointer, Caller);
}

/* The three ExEnterCriticalRegionAndAcquire* forms: the critical region,
 * then a waiting acquire; the "handle" is the owning thread. */
static PVOID MiEnterAndAcquire(PERESOURCE Resource, MI_DDI Ddi, MI_ACQUIRE Mode, const char *Name,
                               ULONG_PTR Caller)
{
    MiDdiEnter(Ddi, 0, Caller);
    MiEnterCriticalRegionForResource();
    (void)MiAcquire(Resource, TRUE, Mode, Name, Caller);
    return (PVOID)MiCurrentResourceThread();
}

PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceShared(PERESOURCE Resource)
{
    return MiEnterAndAcquire(Resource, MiDdi_ExEnterCriticalRegionAndAcquireResourceShared,
                             MiAcquireShared, "ExEnterCriticalRegionAndAcquireResourceShared",
                             MI_CALLER_ADDRESS());
}

PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceExclusive(PERESOURCE Resource)
{
    return MiEnterAndAcquire(Resource, MiDdi_ExEnterCriticalRegionAndAcquireResourceExclusive,
                             MiAcquireExclusive, "ExEnterCriticalRegionAndAcquireResourceExclusive",
                             MI_CALLER_ADDRESS());
}

PVOID NTAPI ExEnterCriticalRegionAndAcquireSharedWaitForExclusive(PERESOURCE Resource)
{
    return MiEnterAndAcquire(Resource, MiDdi_ExEnterCriticalRegionAndAcquireSharedWaitForExclusive,
                             MiAcquireWaitForExclusive,
                             "ExEnterCriticalRegionAndAcquireSharedWaitForExclusive",
                             MI_CALLER_ADDRESS());
}

VOID FASTCALL ExReleaseResourceAndLeaveCriticalRegion(PERESOURCE Resource)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseResourceAndLeaveCriticalRegion, 0, Caller);
    MiRelease(Resource, MiCurrentResourceThread(), Caller);
    MiLeaveCriticalRegionForResource();
}

/* The records of a machine that goes away are freed; its resources' memory
 * is the driver's and is not touched. */
/* The pool's hook (mi.h): a resource not deleted inside the block being
 * freed stops the free with Driver Verifier's 0xC4/0x17 (resource, pool
 * type or -1 for special pool, block). Reads only the records. */
static ULONG MiResourceHeldIn(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                              ULONG_PTR Parameters[4])
{
    if (atomic_load(&MiResourceLive) == 0) {
        return 0;
    }
    uintptr_t Begin = (uintptr_t)Start, End = Begin + Size;
    bool Found = false;
    pthread_mutex_lock(&MiResourceLock);
    for (MI_RESOURCE *Record = MiResourceRecords; Record != NULL && !Found; Record = Record->Next) {
        uintptr_t Resource = (uintptr_t)Record->Resource;
        if (Resource >= Begin && Resource < End) {
            Parameters[0] = 0x17;
            Parameters[1] = Resource;
            Parameters[2] = PoolType;
            Parameters[3] = Begin;
            Found = true;
        }
    }
    pthread_mutex_unlock(&MiResourceLock);
    return Found ? DRIVER_VERIFIER_DETECTED_VIOLATION : 0;
}

static NTSTATUS MiResourceInit(const SIM_CONFIG *Config)
{
    (void)Config;
    MiSetHeldObjectFinder(MiHeldResource, MiResourceHeldIn);
    return STATUS_SUCCESS;
}

static void MiResourceTeardown(void)
{
    MiLockForDriverAccess(&MiResourceLock);
    while (MiResourceRecords != NULL) {
        MI_RESOURCE *Record = MiResourceRecords;
        MiResourceRecords = Record->Next;
        free(Record->Shared);
        free(Record);
    }
    while (MiResourceRetired != NULL) {
        MI_RESOURCE *Record = MiResourceRetired;
        MiResourceRetired = Record->Next;
        free(Record->Shared);
        free(Record);
    }
    atomic_store(&MiResourceLive, 0);
    MiUnlockForDriverAccess(&MiResourceLock);
}

static bool MiResourceIsClean(char *Report, size_t Size)
{
    (void)Report;
    (void)Size;
    return true; /* a resource not deleted holds nothing of the system's */
}

const MI_SUBSYSTEM MiResourceSubsystem = {"resources", MiResourceInit, MiResourceTeardown,
                                          MiResourceIsClean};
