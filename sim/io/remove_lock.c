/*
 * remove_lock.c - I/O remove locks (realdrv3; docs/io.md, "Remove locks"):
 * IoInitializeRemoveLockEx, IoAcquireRemoveLockEx, IoReleaseRemoveLockEx and
 * IoReleaseRemoveLockAndWaitEx, which the WDK's IoInitializeRemoveLock,
 * IoAcquireRemoveLock, IoReleaseRemoveLock and IoReleaseRemoveLockAndWait
 * macros call with sizeof(IO_REMOVE_LOCK) - the size tells a checked build's
 * lock (with its debug block) from a free build's.
 */
#include "../mi.h"

/* The lock a free build declares, and the one a checked build (DBG=1) does. */
typedef struct _MI_REMOVE_LOCK_CHECKED {
    IO_REMOVE_LOCK_COMMON_BLOCK Common;
    IO_REMOVE_LOCK_DBG_BLOCK Dbg;
} MI_REMOVE_LOCK_CHECKED;

/* IoCount starts at 1: the lock's own reference, which only
 * IoReleaseRemoveLockAndWait gives up, so the event is set only after that. */
VOID NTAPI IoInitializeRemoveLockEx(PIO_REMOVE_LOCK Lock, ULONG AllocateTag,
                                    ULONG MaxLockedMinutes, ULONG HighWatermark,
                                    ULONG RemlockSize)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoInitializeRemoveLockEx, 0, Caller);
    MiCheckDriverPointer(Lock, 0, true, Caller);
    IO_REMOVE_LOCK_COMMON_BLOCK *Common = (IO_REMOVE_LOCK_COMMON_BLOCK *)Lock;
    Common->Removed = FALSE;
    Common->Reserved[0] = Common->Reserved[1] = Common->Reserved[2] = FALSE;
    Common->IoCount = 1;
    KeInitializeEvent(&Common->RemoveEvent, SynchronizationEvent, FALSE);
    if (RemlockSize == sizeof(MI_REMOVE_LOCK_CHECKED)) {
        /* The checked form's limits are kept; its per-acquire tracking blocks
         * are not simulated (docs/io.md). */
        IO_REMOVE_LOCK_DBG_BLOCK *Dbg = &((MI_REMOVE_LOCK_CHECKED *)Lock)->Dbg;
        RtlZeroMemory(Dbg, sizeof(*Dbg));
        Dbg->HighWatermark = (LONG)HighWatermark;
        Dbg->MaxLockedTicks = (LONGLONG)MaxLockedMinutes * 60 * 10000000;
        Dbg->AllocateTag = (LONG)AllocateTag;
        InitializeListHead(&Dbg->LockList);
        KeInitializeSpinLock(&Dbg->Spin);
    }
}

NTSTATUS NTAPI IoAcquireRemoveLockEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, PCSTR File,
                                     ULONG Line, ULONG RemlockSize)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAcquireRemoveLockEx, 0, Caller);
    MiCheckDriverPointer(RemoveLock, 0, true, Caller);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(File);
    UNREFERENCED_PARAMETER(Line);
    UNREFERENCED_PARAMETER(RemlockSize);
    IO_REMOVE_LOCK_COMMON_BLOCK *Common = (IO_REMOVE_LOCK_COMMON_BLOCK *)RemoveLock;
    InterlockedIncrement(&Common->IoCount);
    if (!__atomic_load_n(&Common->Removed, __ATOMIC_SEQ_CST)) {
        return STATUS_SUCCESS;
    }
    /* Removed: the reference is given back at once. */
    if (InterlockedDecrement(&Common->IoCount) == 0) {
        KeSetEvent(&Common->RemoveEvent, IO_NO_INCREMENT, FALSE);
    }
    return STATUS_DELETE_PENDING;
}

VOID NTAPI IoReleaseRemoveLockEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, ULONG RemlockSize)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoReleaseRemoveLockEx, 0, Caller);
    MiCheckDriverPointer(RemoveLock, 0, true, Caller);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(RemlockSize);
    IO_REMOVE_LOCK_COMMON_BLOCK *Common = (IO_REMOVE_LOCK_COMMON_BLOCK *)RemoveLock;
    if (InterlockedDecrement(&Common->IoCount) == 0) {
        KeSetEvent(&Common->RemoveEvent, IO_NO_INCREMENT, FALSE);
    }
}

/* The caller holds one acquisition (as the documentation requires): it and
 * the lock's own reference are given up, then the call waits until every
 * other holder has released. Later acquisitions fail with
 * STATUS_DELETE_PENDING. */
VOID NTAPI IoReleaseRemoveLockAndWaitEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag,
                                        ULONG RemlockSize)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoReleaseRemoveLockAndWaitEx, 0, Caller);
    MiCheckDriverPointer(RemoveLock, 0, true, Caller);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(RemlockSize);
    IO_REMOVE_LOCK_COMMON_BLOCK *Common = (IO_REMOVE_LOCK_COMMON_BLOCK *)RemoveLock;
    __atomic_store_n(&Common->Removed, TRUE, __ATOMIC_SEQ_CST);
    InterlockedDecrement(&Common->IoCount);
    if (InterlockedDecrement(&Common->IoCount) > 0) {
        KeWaitForSingleObject(&Common->RemoveEvent, Executive, KernelMode, FALSE, NULL);
    }
}
