/*
 * rundown.c - rundown protection (EX_RUNDOWN_REF and the cache-aware form)
 * and the spin-lock-guarded ExInterlocked list and counter routines
 * (docs/ex-sync.md).
 *
 * EX_RUNDOWN_REF.Count: references << EX_RUNDOWN_COUNT_SHIFT, with
 * EX_RUNDOWN_ACTIVE set once a rundown has begun; an acquisition then
 * fails. The waiter of ExWaitForRundownProtectionRelease parks on the
 * reference's address until the references are gone (Windows keeps a wait
 * block pointer in Count meanwhile; mmsim keeps the count, which no driver
 * reads). Releasing more than was acquired is bug check 0xE3
 * RESOURCE_NOT_OWNED (RunRef, 0, 0, 1) (*mmsim*'s choice: Windows' count
 * would wrap and the wait never end).
 */
#include <stdlib.h>

#include "../mi.h"

/* The cache-aware form: one reference count in a cache line of its own
 * (Windows spreads it over processors; the semantics are the same). */
struct _EX_RUNDOWN_REF_CACHE_AWARE {
    EX_RUNDOWN_REF RunRef;
    UCHAR Pad[64 - sizeof(EX_RUNDOWN_REF)];
};

static ULONG_PTR MiRundownLoad(PEX_RUNDOWN_REF RunRef)
{
    return __atomic_load_n(&RunRef->Count, __ATOMIC_ACQUIRE);
}

static BOOLEAN MiRundownAcquire(PEX_RUNDOWN_REF RunRef, ULONG Count)
{
    ULONG_PTR Old = MiRundownLoad(RunRef);
    for (;;) {
        if ((Old & EX_RUNDOWN_ACTIVE) != 0) {
            return FALSE;
        }
        ULONG_PTR New = Old + ((ULONG_PTR)Count << EX_RUNDOWN_COUNT_SHIFT);
        if (__atomic_compare_exchange_n(&RunRef->Count, &Old, New, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_ACQUIRE)) {
            return TRUE;
        }
    }
}

static void MiRundownRelease(PEX_RUNDOWN_REF RunRef, ULONG Count)
{
    ULONG_PTR Old = MiRundownLoad(RunRef);
    ULONG_PTR New;
    do {
        if ((Old >> EX_RUNDOWN_COUNT_SHIFT) < Count) {
            KeBugCheckEx(RESOURCE_NOT_OWNED, (ULONG_PTR)RunRef, 0, 0, 1);
        }
        New = Old - ((ULONG_PTR)Count << EX_RUNDOWN_COUNT_SHIFT);
    } while (!__atomic_compare_exchange_n(&RunRef->Count, &Old, New, false, __ATOMIC_RELEASE,
                                          __ATOMIC_ACQUIRE));
    if (New == EX_RUNDOWN_ACTIVE) {
        MiUnparkAll(RunRef); /* the last reference of a rundown */
    }
}

static bool MiRundownDrained(void *Context)
{
    return MiRundownLoad((PEX_RUNDOWN_REF)Context) == EX_RUNDOWN_ACTIVE;
}

static void MiRundownWait(PEX_RUNDOWN_REF RunRef)
{
    (void)__atomic_fetch_or(&RunRef->Count, (ULONG_PTR)EX_RUNDOWN_ACTIVE, __ATOMIC_ACQ_REL);
    if (!MiRundownDrained(RunRef)) {
        (void)MiParkUntilFor("ExWaitForRundownProtectionRelease", RunRef, MiRundownDrained, RunRef,
                             -1);
    }
}

VOID FASTCALL ExInitializeRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExInitializeRundownProtection, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    __atomic_store_n(&RunRef->Count, 0, __ATOMIC_RELEASE);
}

VOID FASTCALL ExReInitializeRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReInitializeRundownProtection, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    __atomic_store_n(&RunRef->Count, 0, __ATOMIC_RELEASE);
}

BOOLEAN FASTCALL ExAcquireRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireRundownProtection, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    return MiRundownAcquire(RunRef, 1);
}

BOOLEAN FASTCALL ExAcquireRundownProtectionEx(PEX_RUNDOWN_REF RunRef, ULONG Count)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireRundownProtectionEx, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    return MiRundownAcquire(RunRef, Count);
}

VOID FASTCALL ExReleaseRundownProtection(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseRundownProtection, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    MiRundownRelease(RunRef, 1);
}

VOID FASTCALL ExReleaseRundownProtectionEx(PEX_RUNDOWN_REF RunRef, ULONG Count)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseRundownProtectionEx, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    MiRundownRelease(RunRef, Count);
}

VOID FASTCALL ExWaitForRundownProtectionRelease(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExWaitForRundownProtectionRelease, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    MiRundownWait(RunRef);
}

VOID FASTCALL ExRundownCompleted(PEX_RUNDOWN_REF RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExRundownCompleted, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    __atomic_store_n(&RunRef->Count, (ULONG_PTR)EX_RUNDOWN_ACTIVE, __ATOMIC_RELEASE);
}

/* ---- The cache-aware form ---- */
SIZE_T NTAPI ExSizeOfRundownProtectionCacheAware(VOID)
{
    MiDdiEnter(MiDdi_ExSizeOfRundownProtectionCacheAware, 0, MI_CALLER_ADDRESS());
    return sizeof(struct _EX_RUNDOWN_REF_CACHE_AWARE);
}

PEX_RUNDOWN_REF_CACHE_AWARE NTAPI ExAllocateCacheAwareRundownProtection(POOL_TYPE PoolType,
                                                                      ULONG PoolTag)
{
    MiDdiEnter(MiDdi_ExAllocateCacheAwareRundownProtection, 0, MI_CALLER_ADDRESS());
    PEX_RUNDOWN_REF_CACHE_AWARE Ref = (PEX_RUNDOWN_REF_CACHE_AWARE)ExAllocatePoolWithTag(
        PoolType, sizeof(struct _EX_RUNDOWN_REF_CACHE_AWARE), PoolTag);
    if (Ref != NULL) {
        Ref->RunRef.Count = 0;
    }
    return Ref;
}

VOID NTAPI ExInitializeRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware,
                                                   SIZE_T RunRefSize)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExInitializeRundownProtectionCacheAware, 0, Caller);
    MiCheckDriverPointer(RunRefCacheAware, 0, true, Caller);
    if (RunRefSize < sizeof(struct _EX_RUNDOWN_REF_CACHE_AWARE)) {
        /* smaller than ExSizeOfRundownProtectionCacheAware said */
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x16, 0, (ULONG_PTR)RunRefCacheAware, 0);
    }
    __atomic_store_n(&RunRefCacheAware->RunRef.Count, 0, __ATOMIC_RELEASE);
}

VOID NTAPI ExFreeCacheAwareRundownProtection(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware)
{
    MiDdiEnter(MiDdi_ExFreeCacheAwareRundownProtection, 0, MI_CALLER_ADDRESS());
    ExFreePool(RunRefCacheAware);
}

BOOLEAN FASTCALL ExAcquireRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireRundownProtectionCacheAware, 0, Caller);
    MiCheckDriverPointer(RunRefCacheAware, 0, true, Caller);
    return MiRundownAcquire(&RunRefCacheAware->RunRef, 1);
}

VOID FASTCALL ExReleaseRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseRundownProtectionCacheAware, 0, Caller);
    MiCheckDriverPointer(RunRefCacheAware, 0, true, Caller);
    MiRundownRelease(&RunRefCacheAware->RunRef, 1);
}

BOOLEAN FASTCALL ExAcquireRundownProtectionCacheAwareEx(
    PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware, ULONG Count)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAcquireRundownProtectionCacheAwareEx, 0, Caller);
    MiCheckDriverPointer(RunRefCacheAware, 0, true, Caller);
    return MiRundownAcquire(&RunRefCacheAware->RunRef, Count);
}

VOID FASTCALL ExReleaseRundownProtectionCacheAwareEx(PEX_RUNDOWN_REF_CACHE_AWARE RunRef,
                                                     ULONG Count)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReleaseRundownProtectionCacheAwareEx, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    MiRundownRelease(&RunRef->RunRef, Count);
}

VOID FASTCALL ExWaitForRundownProtectionReleaseCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRef)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExWaitForRundownProtectionReleaseCacheAware, 0, Caller);
    MiCheckDriverPointer(RunRef, 0, true, Caller);
    MiRundownWait(&RunRef->RunRef);
}

VOID FASTCALL ExReInitializeRundownProtectionCacheAware(
    PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExReInitializeRundownProtectionCacheAware, 0, Caller);
    MiCheckDriverPointer(RunRefCacheAware, 0, true, Caller);
    __atomic_store_n(&RunRefCacheAware->RunRef.Count, 0, __ATOMIC_RELEASE);
}

VOID FASTCALL ExRundownCompletedCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExRundownCompletedCacheAware, 0, Caller);
    MiCheckDriverPointer(RunRefCacheAware, 0, true, Caller);
    __atomic_store_n(&RunRefCacheAware->RunRef.Count, (ULONG_PTR)EX_RUNDOWN_ACTIVE,
                     __ATOMIC_RELEASE);
}

/* ---------------------------------------------------------------------- */
/* ExInterlocked list and counter routines: the caller's spin lock, taken */
/* with interrupts off (IRQL raised to HIGH_LEVEL), so any IRQL may call. */
/* ---------------------------------------------------------------------- */
static KIRQL MiInterlockedLock(PKSPIN_LOCK Lock)
{
    KIRQL Old = KeGetCurrentIrql();
    if (Old < HIGH_LEVEL) {
        KeRaiseIrql(HIGH_LEVEL, &Old);
    }
    KeAcquireSpinLockAtDpcLevel(Lock);
    return Old;
}

static void MiInterlockedUnlock(PKSPIN_LOCK Lock, KIRQL Old)
{
    KeReleaseSpinLockFromDpcLevel(Lock);
    if (Old < HIGH_LEVEL) {
        KeLowerIrql(Old);
    }
}

PLIST_ENTRY FASTCALL ExInterlockedInsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
                                                 PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedInsertHeadList, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    PLIST_ENTRY First = ListHead->Flink;
    InsertHeadList(ListHead, ListEntry);
    MiInterlockedUnlock(Lock, Old);
    return First == ListHead ? NULL : First;
}

PLIST_ENTRY FASTCALL ExInterlockedInsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
                                                 PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedInsertTailList, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    PLIST_ENTRY Last = ListHead->Blink;
    InsertTailList(ListHead, ListEntry);
    MiInterlockedUnlock(Lock, Old);
    return Last == ListHead ? NULL : Last;
}

PLIST_ENTRY FASTCALL ExInterlockedRemoveHeadList(PLIST_ENTRY ListHead, PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedRemoveHeadList, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    PLIST_ENTRY Entry = IsListEmpty(ListHead) ? NULL : RemoveHeadList(ListHead);
    MiInterlockedUnlock(Lock, Old);
    return Entry;
}

PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPopEntryList(PSINGLE_LIST_ENTRY ListHead,
                                                      PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedPopEntryList, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    PSINGLE_LIST_ENTRY Entry = PopEntryList(ListHead);
    MiInterlockedUnlock(Lock, Old);
    return Entry;
}

PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPushEntryList(PSINGLE_LIST_ENTRY ListHead,
                                                       PSINGLE_LIST_ENTRY ListEntry,
                                                       PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedPushEntryList, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    PSINGLE_LIST_ENTRY First = ListHead->Next;
    PushEntryList(ListHead, ListEntry);
    MiInterlockedUnlock(Lock, Old);
    return First;
}

ULONG FASTCALL ExInterlockedAddUlong(PULONG Addend, ULONG Increment, PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedAddUlong, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    ULONG Initial = *Addend;
    *Addend = Initial + Increment;
    MiInterlockedUnlock(Lock, Old);
    return Initial;
}

LARGE_INTEGER NTAPI ExInterlockedAddLargeInteger(PLARGE_INTEGER Addend, LARGE_INTEGER Increment,
                                                 PKSPIN_LOCK Lock)
{
    MiDdiEnter(MiDdi_ExInterlockedAddLargeInteger, 0, MI_CALLER_ADDRESS());
    KIRQL Old = MiInterlockedLock(Lock);
    LARGE_INTEGER Initial = *Addend;
    Addend->QuadPart = (LONGLONG)((ULONGLONG)Initial.QuadPart + (ULONGLONG)Increment.QuadPart);
    MiInterlockedUnlock(Lock, Old);
    return Initial;
}
