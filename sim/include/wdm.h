/*
 * wdm.h - mmsim's WDK surface for driver code.
 *
 * Driver sources (core/ and users' own) include this exactly as they include the
 * WDK's <wdm.h>. Every name, type, value and layout here is spelled as the WDK
 * spells it (docs/ddi-contract.md sections 1-2). Windows is LLP64: ULONG and LONG are
 * 32-bit on every host, never the host's `long`.
 *
 * Three kinds of line live here: faithful copies of WDK layouts and values,
 * prototypes of DDIs that mmsim emulates, and macros the WDK defines inline.
 * Simulator-only controls are in <mmsim.h>, never here.
 *
 * Deviations (documented in README "WDK surface"): WCHAR is the host wchar_t so
 * that L"..." literals type-check; structures that drivers must treat as opaque
 * (IRP, DEVICE_OBJECT, DRIVER_OBJECT, KEVENT internals) have the WDK's public
 * fields drivers use, not the full kernel layout.
 */
#ifndef _WDMDDK_
#define _WDMDDK_
#define MMSIM_WDM_H 1

#include <stddef.h>
#include <string.h>

#include "ntdef.h" /* types, LARGE_INTEGER, lists and strings, MSVC dialect, versions */

#if !defined(__x86_64__) && !defined(_M_X64) && !defined(__aarch64__) && !defined(_M_ARM64)
#error "mmsim emulates a 64-bit Windows kernel and needs a 64-bit host"
#endif

#include "mmsim/ntstatus.h"
#include "mmsim/bugcodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Lists and strings.                                                       */
/* ------------------------------------------------------------------------ */
FORCEINLINE VOID InitializeListHead(_Out_ PLIST_ENTRY ListHead)
{
    ListHead->Flink = ListHead->Blink = ListHead;
}
FORCEINLINE BOOLEAN IsListEmpty(_In_ const LIST_ENTRY *ListHead)
{
    return (BOOLEAN)(ListHead->Flink == ListHead);
}
FORCEINLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Blink = Entry->Blink, Flink = Entry->Flink;
    Blink->Flink = Flink;
    Flink->Blink = Blink;
    return (BOOLEAN)(Flink == Blink);
}
FORCEINLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Flink;
    RemoveEntryList(Entry);
    return Entry;
}
FORCEINLINE PLIST_ENTRY RemoveTailList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Blink;
    RemoveEntryList(Entry);
    return Entry;
}
FORCEINLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead, _Inout_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Blink = ListHead->Blink;
    Entry->Flink = ListHead;
    Entry->Blink = Blink;
    Blink->Flink = Entry;
    ListHead->Blink = Entry;
}
FORCEINLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead, _Inout_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Flink = ListHead->Flink;
    Entry->Flink = Flink;
    Entry->Blink = ListHead;
    Flink->Blink = Entry;
    ListHead->Flink = Entry;
}
FORCEINLINE VOID AppendTailList(_Inout_ PLIST_ENTRY ListHead, _Inout_ PLIST_ENTRY ListToAppend)
{
    PLIST_ENTRY ListEnd = ListHead->Blink;
    ListHead->Blink->Flink = ListToAppend;
    ListHead->Blink = ListToAppend->Blink;
    ListToAppend->Blink->Flink = ListHead;
    ListToAppend->Blink = ListEnd;
}
/* Singly linked lists: PopEntryList returns the first entry (NULL when the
 * list is empty); PushEntryList puts an entry first. */
FORCEINLINE PSINGLE_LIST_ENTRY PopEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead)
{
    PSINGLE_LIST_ENTRY FirstEntry = ListHead->Next;
    if (FirstEntry != NULL) {
        ListHead->Next = FirstEntry->Next;
    }
    return FirstEntry;
}
FORCEINLINE VOID PushEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead,
                               _Inout_ __drv_aliasesMem PSINGLE_LIST_ENTRY Entry)
{
    Entry->Next = ListHead->Next;
    ListHead->Next = Entry;
}

NTSYSAPI VOID NTAPI RtlInitUnicodeString(_Out_ PUNICODE_STRING DestinationString,
                                         _In_opt_z_ PCWSTR SourceString);

/* Memory helpers (the WDK defines these as macros over the C runtime). */
#define RtlEqualMemory(Destination, Source, Length) (!memcmp((Destination), (Source), (Length)))
#define RtlMoveMemory(Destination, Source, Length) memmove((Destination), (Source), (Length))
#define RtlCopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#define RtlFillMemory(Destination, Length, Fill) memset((Destination), (Fill), (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define RtlCopyBytes RtlCopyMemory
#define RtlFillBytes RtlFillMemory
#define RtlZeroBytes RtlZeroMemory
/* An inline function in the WDK (not a macro): zeroes through a volatile
 * pointer so the compiler cannot drop the stores; returns ptr. */
FORCEINLINE PVOID RtlSecureZeroMemory(_Out_writes_bytes_all_(cnt) PVOID ptr, _In_ SIZE_T cnt)
{
    volatile char *vptr = (volatile char *)ptr;
    while (cnt != 0) {
        *vptr = 0;
        vptr++;
        cnt--;
    }
    return ptr;
}
NTSYSAPI SIZE_T NTAPI RtlCompareMemory(_In_ const VOID *Source1, _In_ const VOID *Source2,
                                       _In_ SIZE_T Length);

/* ------------------------------------------------------------------------ */
/* Debug output and assertions.                                             */
/* ------------------------------------------------------------------------ */
/* Formats follow the Windows kernel, not the host C library (LLP64 `%ld`
 * reads a 32-bit LONG; `%I64x`, `%Iu`, `%wZ`, `%ws`, `%S`, `%C`; `%p` is 16
 * upper-case hex digits), so no GNU format attribute: the host's printf
 * checking would reject correct driver code. A format code that converts
 * between narrow and wide characters (%ws, %S, %wZ, %C, %lc in DbgPrint)
 * is documented for PASSIVE_LEVEL only; at DISPATCH_LEVEL or above mmsim
 * stops with 0xD1 as the fault on the pageable conversion tables would.
 * Output is limited to 512 bytes per call, as documented. Any IRQL otherwise
 * (<= DIRQL). See docs/wdk-surface.md. */
ULONG CDECL DbgPrint(_In_z_ _Printf_format_string_ PCSTR Format, ...);
#include "dpfilter.h" /* DPFLTR_TYPE (every component) and the levels */
/* Level 0-31 selects one bit of the component's filter mask, a larger Level
 * is itself a mask; the default filter passes only DPFLTR_ERROR_LEVEL (bit 0). */
ULONG CDECL DbgPrintEx(_In_ ULONG ComponentId, _In_ ULONG Level,
                       _In_z_ _Printf_format_string_ PCSTR Format, ...);
/* Also function-like macros, for MSVC's comma elision: a driver's
 * `#define LOG(Format, ...) DbgPrint(Format, __VA_ARGS__)` used as
 * `LOG("text\n")` leaves an empty last argument, which MSVC drops and gcc
 * and clang reject (mmsim/msvc_va.h). `&DbgPrint` and `(DbgPrint)(...)`
 * are the functions, as in the WDK. */
#include "mmsim/msvc_va_dbgprint.h"
#if defined(DBG) && DBG
#define KdPrint(_x_) DbgPrint _x_
#define KdPrintEx(_x_) DbgPrintEx _x_
#else
#define KdPrint(_x_) ((void)0)
#define KdPrintEx(_x_) ((void)0)
#endif

/* ------------------------------------------------------------------------ */
/* IRQL.                                                                    */
/* ------------------------------------------------------------------------ */
#define PASSIVE_LEVEL  0
#define LOW_LEVEL      0
#define APC_LEVEL      1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL     5
#define CLOCK_LEVEL    13
#define IPI_LEVEL      14
#define DRS_LEVEL      14
#define POWER_LEVEL    14
#define PROFILE_LEVEL  15
#define HIGH_LEVEL     15

typedef enum _MODE { KernelMode, UserMode, MaximumMode } MODE;

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI KIRQL NTAPI KeGetCurrentIrql(VOID);

_IRQL_requires_max_(HIGH_LEVEL) _IRQL_raises_(NewIrql) _IRQL_saves_
NTHALAPI KIRQL FASTCALL KfRaiseIrql(_In_ KIRQL NewIrql);

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI VOID NTAPI KeLowerIrql(_In_ _IRQL_restores_ KIRQL NewIrql);

_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL) _IRQL_saves_
NTKERNELAPI KIRQL NTAPI KeRaiseIrqlToDpcLevel(VOID);

#define KeRaiseIrql(a, b) (*(b) = KfRaiseIrql(a))

/* ------------------------------------------------------------------------ */
/* Bug checks and exceptions.                                               */
/* ------------------------------------------------------------------------ */
_IRQL_requires_max_(HIGH_LEVEL)
DECLSPEC_NORETURN NTKERNELAPI VOID NTAPI KeBugCheckEx(_In_ ULONG BugCheckCode,
                                                      _In_ ULONG_PTR BugCheckParameter1,
                                                      _In_ ULONG_PTR BugCheckParameter2,
                                                      _In_ ULONG_PTR BugCheckParameter3,
                                                      _In_ ULONG_PTR BugCheckParameter4);

_IRQL_requires_max_(HIGH_LEVEL)
DECLSPEC_NORETURN NTKERNELAPI VOID NTAPI KeBugCheck(_In_ ULONG BugCheckCode);

/* Raises a structured exception: in mmsim it unwinds to the innermost
 * SIM_TRY_STATUS frame (see mmsim.h); without one it is fatal, as an unhandled
 * kernel exception is (bug check 0x1E). */
DECLSPEC_NORETURN NTSYSAPI VOID NTAPI ExRaiseStatus(_In_ NTSTATUS Status);

/* PAGED_CODE: in the WDK it asserts IRQL <= APC_LEVEL in checked builds. mmsim
 * always checks: code that may be paged out, run at DISPATCH_LEVEL or above,
 * is what makes a real machine stop with 0xD1 (execute fault at raised IRQL). */
VOID NTAPI MmsimPagedCodeCheck(_In_ PVOID CodeAddress);
/* realdrv3: a statement of its own, as the WDK's (a block in checked builds,
 * `NOP_FUNCTION;` in free ones): drivers write both `PAGED_CODE();` and
 * `PAGED_CODE()` with no semicolon (HyperPlatform). */
#define PAGED_CODE() { MmsimPagedCodeCheck(__builtin_return_address(0)); }
#define PAGED_CODE_LOCKED() { (void)0; }
#define NT_ASSERT(e) ((VOID)((e) ? (void)0 : MmsimAssertFailed(#e, __FILE__, __LINE__)))
#define NT_ASSERTMSG(m, e) ((VOID)((e) ? (void)0 : MmsimAssertFailed(m, __FILE__, __LINE__)))
/* NT_VERIFY evaluates its expression in every build and yields TRUE/FALSE. */
#define NT_VERIFY(e) ((e) ? TRUE : (MmsimAssertFailed(#e, __FILE__, __LINE__), FALSE))
#define NT_VERIFYMSG(m, e) ((e) ? TRUE : (MmsimAssertFailed(m, __FILE__, __LINE__), FALSE))
#ifndef ASSERT
#define ASSERT(e) NT_ASSERT(e)
#endif
#define ASSERTMSG(m, e) NT_ASSERTMSG(m, e)
DECLSPEC_NORETURN VOID NTAPI MmsimAssertFailed(_In_z_ PCSTR Expression, _In_z_ PCSTR File,
                                               _In_ ULONG Line);

/* ------------------------------------------------------------------------ */
/* Dispatcher objects and locks.                                            */
/* ------------------------------------------------------------------------ */
typedef struct _DISPATCHER_HEADER {
    UCHAR Type;
    UCHAR Signalling;
    UCHAR Size;
    UCHAR Reserved1;
    LONG SignalState;
    LIST_ENTRY WaitListHead;
} DISPATCHER_HEADER, *PDISPATCHER_HEADER;

typedef struct _KEVENT {
    DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT, *PRKEVENT;

typedef enum _EVENT_TYPE { NotificationEvent, SynchronizationEvent } EVENT_TYPE;

typedef struct _FAST_MUTEX {
    volatile LONG Count;
    PVOID Owner;
    ULONG Contention;
    KEVENT Event;
    ULONG OldIrql;
} FAST_MUTEX, *PFAST_MUTEX; /* KGUARDED_MUTEX: mmsim/wdm_ke.h */

#define FM_LOCK_BIT 0x1

typedef struct _KSPIN_LOCK_QUEUE {
    struct _KSPIN_LOCK_QUEUE *volatile Next;
    PKSPIN_LOCK volatile Lock;
} KSPIN_LOCK_QUEUE, *PKSPIN_LOCK_QUEUE;

typedef struct _KLOCK_QUEUE_HANDLE {
    KSPIN_LOCK_QUEUE LockQueue;
    KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

typedef enum _KWAIT_REASON {
    Executive, FreePage, PageIn, PoolAllocation, DelayExecution, Suspended, UserRequest,
    WrExecutive, WrFreePage, WrPageIn, WrPoolAllocation, WrDelayExecution, WrSuspended,
    WrUserRequest, WrSpare0, WrQueue, WrLpcReceive, WrLpcReply, WrVirtualMemory, WrPageOut,
    WrRendezvous, WrKeyedEvent, WrTerminated, WrProcessInSwap, WrCpuRateControl,
    WrCalloutStack, WrKernel, WrResource, WrPushLock, WrMutex, WrQuantumEnd, WrDispatchInt,
    WrPreempted, WrYieldExecution, WrFastMutex, WrGuardedMutex, WrRundown, WrAlertByThreadId,
    WrDeferredPreempt, WrPhysicalFault, MaximumWaitReason
} KWAIT_REASON; /* kedisp: the WDK's full list */

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeSpinLock(_Out_ PKSPIN_LOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL) _IRQL_saves_
NTKERNELAPI KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(_Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                                         _In_ _IRQL_restores_ KIRQL NewIrql);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeAcquireSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLockFromDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeTryToAcquireSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

#define KeAcquireSpinLock(SpinLock, OldIrql) (*(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock))

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireInStackQueuedSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                                                         _Out_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseInStackQueuedSpinLock(_In_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExInitializeFastMutex(_Out_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(APC_LEVEL) _IRQL_raises_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExAcquireFastMutex(_Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExReleaseFastMutex(_Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL ExTryToAcquireFastMutex(_Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeEvent(_Out_ PRKEVENT Event, _In_ EVENT_TYPE Type,
                                         _In_ BOOLEAN State);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeSetEvent(_Inout_ PRKEVENT Event, _In_ KPRIORITY Increment,
                                  _In_ BOOLEAN Wait);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeClearEvent(_Inout_ PRKEVENT Event);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateEvent(_In_ PRKEVENT Event);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeWaitForSingleObject(_In_ PVOID Object, _In_ KWAIT_REASON WaitReason,
                                                 _In_ KPROCESSOR_MODE WaitMode,
                                                 _In_ BOOLEAN Alertable,
                                                 _In_opt_ PLARGE_INTEGER Timeout);

/* ------------------------------------------------------------------------ */
/* Interlocked operations and ordered accesses.                             */
/* ------------------------------------------------------------------------ */
/* Typed inline functions, as the WDK declares them (a LONG routine given a
 * ULONG or LONG64 pointer is a diagnostic, not a silent cast), over C11/GNU
 * atomics so ThreadSanitizer sees them. The plain forms are full barriers, as
 * on x64; the Acquire/Release forms have exactly the ordering they name (the
 * documented contract, which ARM64 Windows relies on). Returned values:
 * Increment/Decrement/Add the new value; Exchange, ExchangeAdd, And, Or, Xor
 * and CompareExchange the previous one. Any IRQL; the operand must be in
 * cached, resident memory. */
#define MMSIM_ILK_INCDEC(Prefix, Suffix, Type, Order, Fail)                                       \
    FORCEINLINE Type Prefix##Increment##Suffix(                                        \
        _Inout_ _Interlocked_operand_ Type volatile *Addend)                               \
    {                                                                                     \
        return __atomic_add_fetch(Addend, (Type)1, Order);                                \
    }                                                                                     \
    FORCEINLINE Type Prefix##Decrement##Suffix(                                        \
        _Inout_ _Interlocked_operand_ Type volatile *Addend)                               \
    {                                                                                     \
        return __atomic_sub_fetch(Addend, (Type)1, Order);                                \
    }
#define MMSIM_ILK_EXCHANGE(Prefix, Suffix, Type, Order, Fail)                                     \
    FORCEINLINE Type Prefix##Exchange##Suffix(                                         \
        _Inout_ _Interlocked_operand_ Type volatile *Target, _In_ Type Value)              \
    {                                                                                     \
        return __atomic_exchange_n(Target, Value, Order);                                 \
    }
#define MMSIM_ILK_COMPARE(Name, Type, Order, Fail)                                        \
    FORCEINLINE Type Name(_Inout_ _Interlocked_operand_ Type volatile *Destination,       \
                          _In_ Type Exchange, _In_ Type Comparand)                         \
    {                                                                                     \
        __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, Order, Fail);   \
        return Comparand;                                                                 \
    }
#define MMSIM_ILK_BITWISE(Prefix, Suffix, Type, Order, Fail)                                      \
    FORCEINLINE Type Prefix##And##Suffix(                                              \
        _Inout_ _Interlocked_operand_ Type volatile *Destination, _In_ Type Value)         \
    {                                                                                     \
        return __atomic_fetch_and(Destination, Value, Order);                             \
    }                                                                                     \
    FORCEINLINE Type Prefix##Or##Suffix(                                               \
        _Inout_ _Interlocked_operand_ Type volatile *Destination, _In_ Type Value)         \
    {                                                                                     \
        return __atomic_fetch_or(Destination, Value, Order);                              \
    }                                                                                     \
    FORCEINLINE Type Prefix##Xor##Suffix(                                              \
        _Inout_ _Interlocked_operand_ Type volatile *Destination, _In_ Type Value)         \
    {                                                                                     \
        return __atomic_fetch_xor(Destination, Value, Order);                             \
    }
#define MMSIM_ILK_ADD(Prefix, Suffix, Type, Order, Fail)                                          \
    FORCEINLINE Type Prefix##ExchangeAdd##Suffix(                                      \
        _Inout_ _Interlocked_operand_ Type volatile *Addend, _In_ Type Value)              \
    {                                                                                     \
        return __atomic_fetch_add(Addend, Value, Order);                                  \
    }                                                                                     \
    FORCEINLINE Type Prefix##Add##Suffix(                                              \
        _Inout_ _Interlocked_operand_ Type volatile *Addend, _In_ Type Value)              \
    {                                                                                     \
        return __atomic_add_fetch(Addend, Value, Order);                                  \
    }

/* 32-bit (LONG) and 64-bit (LONG64): the whole family. */
MMSIM_ILK_INCDEC(_Interlocked, , LONG, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_EXCHANGE(_Interlocked, , LONG, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_COMPARE(_InterlockedCompareExchange, LONG, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_BITWISE(_Interlocked, , LONG, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_ADD(_Interlocked, , LONG, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_INCDEC(_Interlocked, 64, LONG64, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_EXCHANGE(_Interlocked, 64, LONG64, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_COMPARE(_InterlockedCompareExchange64, LONG64, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_BITWISE(_Interlocked, 64, LONG64, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_ADD(_Interlocked, 64, LONG64, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
/* 16-bit (SHORT) and 8-bit (CHAR) forms the WDK has. */
MMSIM_ILK_INCDEC(_Interlocked, 16, SHORT, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_EXCHANGE(_Interlocked, 16, SHORT, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_COMPARE(_InterlockedCompareExchange16, SHORT, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_BITWISE(_Interlocked, 16, SHORT, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_EXCHANGE(_Interlocked, 8, CHAR, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_BITWISE(_Interlocked, 8, CHAR, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
MMSIM_ILK_COMPARE(_InterlockedCompareExchange8, CHAR, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
/* Acquire and release forms. */
MMSIM_ILK_INCDEC(Interlocked, Acquire, LONG, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
MMSIM_ILK_INCDEC(Interlocked, Release, LONG, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
MMSIM_ILK_COMPARE(InterlockedCompareExchangeAcquire, LONG, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
MMSIM_ILK_COMPARE(InterlockedCompareExchangeRelease, LONG, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
MMSIM_ILK_COMPARE(InterlockedCompareExchangeAcquire64, LONG64, __ATOMIC_ACQUIRE,
                  __ATOMIC_ACQUIRE)
MMSIM_ILK_COMPARE(InterlockedCompareExchangeRelease64, LONG64, __ATOMIC_RELEASE,
                  __ATOMIC_RELAXED)
#undef MMSIM_ILK_INCDEC
#undef MMSIM_ILK_EXCHANGE
#undef MMSIM_ILK_COMPARE
#undef MMSIM_ILK_BITWISE
#undef MMSIM_ILK_ADD

/* Pointer forms. */
FORCEINLINE PVOID _InterlockedExchangePointer(_Inout_ _Interlocked_operand_ PVOID volatile *Target,
                                             _In_opt_ PVOID Value)
{
    return __atomic_exchange_n(Target, Value, __ATOMIC_SEQ_CST);
}
FORCEINLINE PVOID _InterlockedCompareExchangePointer(
    _Inout_ _Interlocked_operand_ PVOID volatile *Destination, _In_opt_ PVOID Exchange,
    _In_opt_ PVOID Comparand)
{
    __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
    return Comparand;
}
/* x64: the SizeT forms are the 64-bit ones over a LONG64 cast (WDK). */
#define InterlockedIncrementSizeT(a) InterlockedIncrement64((LONG64 *)(a))
#define InterlockedDecrementSizeT(a) InterlockedDecrement64((LONG64 *)(a))
#define InterlockedExchangeAddSizeT(a, b) InterlockedExchangeAdd64((LONG64 *)(a), (LONG64)(b))

/* On x64 the WDK's Interlocked names are macros for the compiler's
 * intrinsics (`#define InterlockedIncrement _InterlockedIncrement`). */
#define InterlockedIncrement _InterlockedIncrement
#define InterlockedDecrement _InterlockedDecrement
#define InterlockedExchange _InterlockedExchange
#define InterlockedExchangeAdd _InterlockedExchangeAdd
#define InterlockedAdd _InterlockedAdd
#define InterlockedCompareExchange _InterlockedCompareExchange
#define InterlockedAnd _InterlockedAnd
#define InterlockedOr _InterlockedOr
#define InterlockedXor _InterlockedXor
#define InterlockedIncrement64 _InterlockedIncrement64
#define InterlockedDecrement64 _InterlockedDecrement64
#define InterlockedExchange64 _InterlockedExchange64
#define InterlockedExchangeAdd64 _InterlockedExchangeAdd64
#define InterlockedAdd64 _InterlockedAdd64
#define InterlockedCompareExchange64 _InterlockedCompareExchange64
#define InterlockedAnd64 _InterlockedAnd64
#define InterlockedOr64 _InterlockedOr64
#define InterlockedXor64 _InterlockedXor64
#define InterlockedIncrement16 _InterlockedIncrement16
#define InterlockedDecrement16 _InterlockedDecrement16
#define InterlockedExchange16 _InterlockedExchange16
#define InterlockedCompareExchange16 _InterlockedCompareExchange16
#define InterlockedAnd16 _InterlockedAnd16
#define InterlockedOr16 _InterlockedOr16
#define InterlockedXor16 _InterlockedXor16
#define InterlockedExchange8 _InterlockedExchange8
#define InterlockedAnd8 _InterlockedAnd8
#define InterlockedOr8 _InterlockedOr8
#define InterlockedXor8 _InterlockedXor8
#define InterlockedExchangePointer _InterlockedExchangePointer
#define InterlockedCompareExchangePointer _InterlockedCompareExchangePointer
#define InterlockedBitTestAndSet _interlockedbittestandset
#define InterlockedBitTestAndReset _interlockedbittestandreset
#define InterlockedBitTestAndSet64 _interlockedbittestandset64
#define InterlockedBitTestAndReset64 _interlockedbittestandreset64

/* Bit test-and-set/reset: Offset is a bit index from Base (it may exceed the
 * width of one LONG); the previous value of that bit is returned. */
FORCEINLINE BOOLEAN _interlockedbittestandset(_Inout_ _Interlocked_operand_ LONG volatile *Base,
                                             _In_ LONG Offset)
{
    LONG Bit = (LONG)((ULONG)1 << (Offset & 31));
    return (BOOLEAN)((__atomic_fetch_or(Base + (Offset >> 5), Bit, __ATOMIC_SEQ_CST) & Bit) != 0);
}
FORCEINLINE BOOLEAN _interlockedbittestandreset(_Inout_ _Interlocked_operand_ LONG volatile *Base,
                                               _In_ LONG Offset)
{
    LONG Bit = (LONG)((ULONG)1 << (Offset & 31));
    return (BOOLEAN)((__atomic_fetch_and(Base + (Offset >> 5), ~Bit, __ATOMIC_SEQ_CST) & Bit) !=
                     0);
}
FORCEINLINE BOOLEAN _interlockedbittestandset64(
    _Inout_ _Interlocked_operand_ LONG64 volatile *Base, _In_ LONG64 Offset)
{
    LONG64 Bit = (LONG64)((ULONG64)1 << (Offset & 63));
    return (BOOLEAN)((__atomic_fetch_or(Base + (Offset >> 6), Bit, __ATOMIC_SEQ_CST) & Bit) != 0);
}
FORCEINLINE BOOLEAN _interlockedbittestandreset64(
    _Inout_ _Interlocked_operand_ LONG64 volatile *Base, _In_ LONG64 Offset)
{
    LONG64 Bit = (LONG64)((ULONG64)1 << (Offset & 63));
    return (BOOLEAN)((__atomic_fetch_and(Base + (Offset >> 6), ~Bit, __ATOMIC_SEQ_CST) & Bit) !=
                     0);
}

/* A full memory barrier. GCC's ThreadSanitizer does not model fences (and
 * -Wtsan rejects them), so under it a sequentially consistent
 * read-modify-write of one shared word stands in: every barrier is then
 * ordered against every other one, which TSan can see. */
extern LONG volatile MmsimBarrierWord;
#if defined(__SANITIZE_THREAD__)
#define MMSIM_FULL_BARRIER() ((void)__atomic_fetch_add(&MmsimBarrierWord, 0, __ATOMIC_SEQ_CST))
#else
#define MMSIM_FULL_BARRIER() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#endif
#define KeMemoryBarrier() MMSIM_FULL_BARRIER()
/* The spin-wait hint (PAUSE on x86). mmsim also gives the host CPU away, so
 * a spinning simulated processor cannot starve the thread it waits for. */
VOID NTAPI MmsimYieldProcessor(VOID);
#define YieldProcessor MmsimYieldProcessor
#define KeMemoryBarrierWithoutFence() __atomic_signal_fence(__ATOMIC_SEQ_CST)
#define MemoryBarrier() MMSIM_FULL_BARRIER()
#define _ReadWriteBarrier() __atomic_signal_fence(__ATOMIC_SEQ_CST)

#define MMSIM_DEFINE_ORDERED_ACCESS(Name, Type)                                           \
    FORCEINLINE Type Read##Name##Acquire(_In_ Type const volatile *Source)                \
    {                                                                                     \
        return __atomic_load_n(Source, __ATOMIC_ACQUIRE);                                 \
    }                                                                                     \
    FORCEINLINE Type Read##Name##NoFence(_In_ Type const volatile *Source)                \
    {                                                                                     \
        return __atomic_load_n(Source, __ATOMIC_RELAXED);                                 \
    }                                                                                     \
    FORCEINLINE Type Read##Name##Raw(_In_ Type const volatile *Source)                    \
    {                                                                                     \
        return __atomic_load_n(Source, __ATOMIC_RELAXED);                                 \
    }                                                                                     \
    FORCEINLINE VOID Write##Name##Release(_Out_ Type volatile *Destination, _In_ Type Value) \
    {                                                                                     \
        __atomic_store_n(Destination, Value, __ATOMIC_RELEASE);                           \
    }                                                                                     \
    FORCEINLINE VOID Write##Name##NoFence(_Out_ Type volatile *Destination, _In_ Type Value) \
    {                                                                                     \
        __atomic_store_n(Destination, Value, __ATOMIC_RELAXED);                           \
    }                                                                                     \
    FORCEINLINE VOID Write##Name##Raw(_Out_ Type volatile *Destination, _In_ Type Value)  \
    {                                                                                     \
        __atomic_store_n(Destination, Value, __ATOMIC_RELAXED);                           \
    }
MMSIM_DEFINE_ORDERED_ACCESS(UChar, UCHAR)
MMSIM_DEFINE_ORDERED_ACCESS(Boolean, BOOLEAN)
MMSIM_DEFINE_ORDERED_ACCESS(UShort, USHORT)
MMSIM_DEFINE_ORDERED_ACCESS(, LONG)
MMSIM_DEFINE_ORDERED_ACCESS(ULong, ULONG)
MMSIM_DEFINE_ORDERED_ACCESS(64, LONG64)
MMSIM_DEFINE_ORDERED_ACCESS(ULong64, ULONG64)
MMSIM_DEFINE_ORDERED_ACCESS(LongPtr, LONG_PTR)
MMSIM_DEFINE_ORDERED_ACCESS(ULongPtr, ULONG_PTR)
MMSIM_DEFINE_ORDERED_ACCESS(SizeT, SIZE_T)
MMSIM_DEFINE_ORDERED_ACCESS(Pointer, PVOID)
#undef MMSIM_DEFINE_ORDERED_ACCESS

/* ------------------------------------------------------------------------ */
/* Time and processors (docs/wdk-surface.md). Any IRQL.                     */
/* ------------------------------------------------------------------------ */
/* The performance counter runs at 10 MHz (the frequency modern x64 Windows
 * reports), from 0 when the simulated machine boots. Interrupt time is 100 ns
 * units since boot; system time is 100 ns units since 1601-01-01 UTC (the
 * host's wall clock). The non-precise forms advance once per clock tick,
 * KeQueryTimeIncrement() (15.625 ms) in 100 ns units. */
_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI LARGE_INTEGER NTAPI
KeQueryPerformanceCounter(_Out_opt_ PLARGE_INTEGER PerformanceFrequency);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeQuerySystemTimePrecise(_Out_ PLARGE_INTEGER CurrentTime);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeQueryTimeIncrement(VOID);

/* KUSER_SHARED_DATA: the page the kernel keeps current at every clock tick
 * and drivers read through SharedUserData (wdm.h, x64). mmsim's is a real
 * host page inside the library (sim/ke/shared_data.c), brought up to the
 * last clock tick by the KeQuery* macros below and by the time DDIs; the
 * fields below are at their documented x64 offsets, the ones mmsim does not
 * model are reserved bytes (zero). */
typedef struct _KSYSTEM_TIME {
    ULONG LowPart;
    LONG High1Time;
    LONG High2Time;
} KSYSTEM_TIME, *PKSYSTEM_TIME;

#define PROCESSOR_FEATURE_MAX 64

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif
#endif
typedef struct _KUSER_SHARED_DATA {
    /* mmdev: every member of the current WDK's x64 layout (offsets asserted
     * at the end of this file). Members whose types mmsim leaves out of scope
     * are declared with their size: NtProductType and AlternativeArchitecture
     * (enums) as ULONG, XState (XSTATE_CONFIGURATION) as reserved bytes. */
    ULONG TickCountLowDeprecated;           /* 0x000 */
    ULONG TickCountMultiplier;              /* 0x004 */
    volatile KSYSTEM_TIME InterruptTime;    /* 0x008 */
    volatile KSYSTEM_TIME SystemTime;       /* 0x014 */
    volatile KSYSTEM_TIME TimeZoneBias;     /* 0x020 */
    USHORT ImageNumberLow;                  /* 0x02c */
    USHORT ImageNumberHigh;                 /* 0x02e */
    USHORT NtSystemRoot[260];               /* 0x030 (UTF-16: WCHAR is the host's wchar_t) */
    ULONG MaxStackTraceDepth;               /* 0x238 */
    ULONG CryptoExponent;                   /* 0x23c */
    ULONG TimeZoneId;                       /* 0x240 */
    ULONG LargePageMinimum;                 /* 0x244 */
    ULONG AitSamplingValue;                 /* 0x248 */
    ULONG AppCompatFlag;                    /* 0x24c */
    ULONGLONG RNGSeedVersion;               /* 0x250 */
    ULONG GlobalValidationRunlevel;         /* 0x258 */
    volatile LONG TimeZoneBiasStamp;        /* 0x25c */
    ULONG NtBuildNumber;                    /* 0x260 */
    ULONG NtProductType;                    /* 0x264 (NT_PRODUCT_TYPE) */
    BOOLEAN ProductTypeIsValid;             /* 0x268 */
    BOOLEAN Reserved0[1];                   /* 0x269 */
    USHORT NativeProcessorArchitecture;     /* 0x26a */
    ULONG NtMajorVersion;                   /* 0x26c */
    ULONG NtMinorVersion;                   /* 0x270 */
    BOOLEAN ProcessorFeatures[PROCESSOR_FEATURE_MAX]; /* 0x274 */
    ULONG Reserved1;                        /* 0x2b4 */
    ULONG Reserved3;                        /* 0x2b8 */
    volatile ULONG TimeSlip;                /* 0x2bc */
    ULONG AlternativeArchitecture;          /* 0x2c0 (ALTERNATIVE_ARCHITECTURE_TYPE) */
    ULONG BootId;                           /* 0x2c4 */
    LARGE_INTEGER SystemExpirationDate;     /* 0x2c8 */
    ULONG SuiteMask;                        /* 0x2d0 */
    BOOLEAN KdDebuggerEnabled;              /* 0x2d4 */
    union {
        UCHAR MitigationPolicies;           /* 0x2d5 */
        struct {
            UCHAR NXSupportPolicy : 2;
            UCHAR SEHValidationPolicy : 2;
            UCHAR CurDirDevicesSkippedForDlls : 2;
            UCHAR Reserved : 2;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    USHORT CyclesPerYield;                  /* 0x2d6 */
    volatile ULONG ActiveConsoleId;         /* 0x2d8 */
    volatile ULONG DismountCount;           /* 0x2dc */
    ULONG ComPlusPackage;                   /* 0x2e0 */
    ULONG LastSystemRITEventTickCount;      /* 0x2e4 */
    ULONG NumberOfPhysicalPages;            /* 0x2e8 */
    BOOLEAN SafeBootMode;                   /* 0x2ec */
    union {
        UCHAR VirtualizationFlags;          /* 0x2ed */
        struct {
            UCHAR ArchStartedInEl2 : 1;
            UCHAR QcSlIsSupported : 1;
            UCHAR SpareBits0 : 6;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    UCHAR Reserved12[2];                    /* 0x2ee */
    union {
        ULONG SharedDataFlags;              /* 0x2f0 */
        struct {
            ULONG DbgErrorPortPresent : 1;
            ULONG DbgElevationEnabled : 1;
            ULONG DbgVirtEnabled : 1;
            ULONG DbgInstallerDetectEnabled : 1;
            ULONG DbgLkgEnabled : 1;
            ULONG DbgDynProcessorEnabled : 1;
            ULONG DbgConsoleBrokerEnabled : 1;
            ULONG DbgSecureBootEnabled : 1;
            ULONG DbgMultiSessionSku : 1;
            ULONG DbgMultiUsersInSessionSku : 1;
            ULONG DbgStateSeparationEnabled : 1;
            ULONG SpareBits : 21;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    ULONG DataFlagsPad[1];                  /* 0x2f4 */
    ULONGLONG TestRetInstruction;           /* 0x2f8 */
    LONGLONG QpcFrequency;                  /* 0x300 */
    ULONG SystemCall;                       /* 0x308 */
    ULONG Reserved2;                        /* 0x30c */
    ULONGLONG FullNumberOfPhysicalPages;    /* 0x310 */
    ULONGLONG SystemCallPad[1];             /* 0x318 */
    union {
        volatile KSYSTEM_TIME TickCount;    /* 0x320 */
        volatile ULONG64 TickCountQuad;
        struct {
            ULONG ReservedTickCountOverlay[3];
            ULONG TickCountPad[1];
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    ULONG Cookie;                           /* 0x330 */
    ULONG CookiePad[1];                     /* 0x334 */
    LONGLONG ConsoleSessionForegroundProcessId; /* 0x338 */
    ULONGLONG TimeUpdateLock;               /* 0x340 */
    ULONGLONG BaselineSystemTimeQpc;        /* 0x348 */
    ULONGLONG BaselineInterruptTimeQpc;     /* 0x350 */
    ULONGLONG QpcSystemTimeIncrement;       /* 0x358 */
    ULONGLONG QpcInterruptTimeIncrement;    /* 0x360 */
    UCHAR QpcSystemTimeIncrementShift;      /* 0x368 */
    UCHAR QpcInterruptTimeIncrementShift;   /* 0x369 */
    USHORT UnparkedProcessorCount;          /* 0x36a */
    ULONG EnclaveFeatureMask[4];            /* 0x36c */
    ULONG TelemetryCoverageRound;           /* 0x37c */
    USHORT UserModeGlobalLogger[16];        /* 0x380 */
    ULONG ImageFileExecutionOptions;        /* 0x3a0 */
    ULONG LangGenerationCount;              /* 0x3a4 */
    ULONGLONG Reserved4;                    /* 0x3a8 */
    volatile ULONGLONG InterruptTimeBias;   /* 0x3b0 */
    volatile ULONGLONG QpcBias;             /* 0x3b8 */
    ULONG ActiveProcessorCount;             /* 0x3c0 */
    volatile UCHAR ActiveGroupCount;        /* 0x3c4 */
    UCHAR Reserved9;                        /* 0x3c5 */
    union {
        USHORT QpcData;                     /* 0x3c6 */
        struct {
            volatile UCHAR QpcBypassEnabled;
            UCHAR QpcReserved;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    LARGE_INTEGER TimeZoneBiasEffectiveStart; /* 0x3c8 */
    LARGE_INTEGER TimeZoneBiasEffectiveEnd; /* 0x3d0 */
    UCHAR XState[0x720 - 0x3d8];            /* 0x3d8 (XSTATE_CONFIGURATION: out of scope) */
    KSYSTEM_TIME FeatureConfigurationChangeStamp; /* 0x720 */
    ULONG Spare;                            /* 0x72c */
    ULONG64 UserPointerAuthMask;            /* 0x730 */
} KUSER_SHARED_DATA, *PKUSER_SHARED_DATA;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

extern KUSER_SHARED_DATA MmsimUserSharedData;
#define KI_USER_SHARED_DATA ((ULONG_PTR)&MmsimUserSharedData)
/* The WDK casts to (KUSER_SHARED_DATA * const); a cast's top-level const
 * means nothing in C and only draws -Wignored-qualifiers in C++. */
#define SharedUserData      ((KUSER_SHARED_DATA *)KI_USER_SHARED_DATA)
#define SharedInterruptTime (KI_USER_SHARED_DATA + 0x8)
#define SharedSystemTime    (KI_USER_SHARED_DATA + 0x14)
#define SharedTickCount     (KI_USER_SHARED_DATA + 0x320)

/* x64: macros over the shared page, as the WDK defines them, so the
 * argument is stored through (PULONG64) (a ULONG64 or a LARGE_INTEGER).
 * mmsim's clock has no interrupt: MmsimSharedDataCurrent brings the page up
 * to the last clock tick and returns its argument, so the value read is the
 * one Windows' page would hold. The 64-bit reads are relaxed atomic loads:
 * on x64 the plain load the WDK's volatile read compiles to, and visible as
 * such to ThreadSanitizer. Any IRQL. */
ULONG_PTR NTAPI MmsimSharedDataCurrent(_In_ ULONG_PTR SharedAddress);
#define KeQueryInterruptTime()                                                             \
    (__atomic_load_n((volatile ULONG64 *)MmsimSharedDataCurrent(SharedInterruptTime),     \
                     __ATOMIC_RELAXED))
#define KeQuerySystemTime(CurrentCount)                                                    \
    (*((PULONG64)(CurrentCount)) =                                                         \
         __atomic_load_n((volatile ULONG64 *)MmsimSharedDataCurrent(SharedSystemTime),    \
                         __ATOMIC_RELAXED))
#define KeQueryTickCount(CurrentCount)                                                     \
    (*((PULONG64)(CurrentCount)) =                                                         \
         __atomic_load_n((volatile ULONG64 *)MmsimSharedDataCurrent(SharedTickCount),     \
                         __ATOMIC_RELAXED))

/* Processor features (PF_*): TRUE where the host processor has the feature. */
#define PF_FLOATING_POINT_PRECISION_ERRATA 0
#define PF_FLOATING_POINT_EMULATED         1
#define PF_COMPARE_EXCHANGE_DOUBLE         2
#define PF_MMX_INSTRUCTIONS_AVAILABLE      3
#define PF_PPC_MOVEMEM_64BIT_OK            4
#define PF_ALPHA_BYTE_INSTRUCTIONS         5
#define PF_XMMI_INSTRUCTIONS_AVAILABLE     6
#define PF_3DNOW_INSTRUCTIONS_AVAILABLE    7
#define PF_RDTSC_INSTRUCTION_AVAILABLE     8
#define PF_PAE_ENABLED                     9
#define PF_XMMI64_INSTRUCTIONS_AVAILABLE   10
#define PF_SSE_DAZ_MODE_AVAILABLE          11
#define PF_NX_ENABLED                      12
#define PF_SSE3_INSTRUCTIONS_AVAILABLE     13
#define PF_COMPARE_EXCHANGE128             14
#define PF_COMPARE64_EXCHANGE128           15
#define PF_CHANNELS_ENABLED                16
#define PF_XSAVE_ENABLED                   17
#define PF_ARM_VFP_32_REGISTERS_AVAILABLE  18
#define PF_ARM_NEON_INSTRUCTIONS_AVAILABLE 19
#define PF_SECOND_LEVEL_ADDRESS_TRANSLATION 20
#define PF_VIRT_FIRMWARE_ENABLED           21
#define PF_RDWRFSGSBASE_AVAILABLE          22
#define PF_FASTFAIL_AVAILABLE              23
#define PF_ARM_DIVIDE_INSTRUCTION_AVAILABLE 24
#define PF_ARM_64BIT_LOADSTORE_ATOMIC      25
#define PF_ARM_EXTERNAL_CACHE_AVAILABLE    26
#define PF_ARM_FMAC_INSTRUCTIONS_AVAILABLE 27
#define PF_RDRAND_INSTRUCTION_AVAILABLE    28
#define PF_ARM_V8_INSTRUCTIONS_AVAILABLE   29
#define PF_ARM_V8_CRYPTO_INSTRUCTIONS_AVAILABLE 30
#define PF_ARM_V8_CRC32_INSTRUCTIONS_AVAILABLE 31
#define PF_RDTSCP_INSTRUCTION_AVAILABLE    32
#define PF_RDPID_INSTRUCTION_AVAILABLE     33
#define PF_ARM_V81_ATOMIC_INSTRUCTIONS_AVAILABLE 34
#define PF_MONITORX_INSTRUCTION_AVAILABLE  35
#define PF_SSSE3_INSTRUCTIONS_AVAILABLE    36
#define PF_SSE4_1_INSTRUCTIONS_AVAILABLE   37
#define PF_SSE4_2_INSTRUCTIONS_AVAILABLE   38
#define PF_AVX_INSTRUCTIONS_AVAILABLE      39
#define PF_AVX2_INSTRUCTIONS_AVAILABLE     40
#define PF_AVX512F_INSTRUCTIONS_AVAILABLE  41

/* Any IRQL; an unknown feature number: FALSE. */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExIsProcessorFeaturePresent(_In_ ULONG ProcessorFeature);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG64 NTAPI KeQueryInterruptTimePrecise(_Out_ PULONG64 QpcTimeStamp);

/* Processors: groups of up to 64 logical processors; the host's processors,
 * filled into groups in order. */
#define MAXIMUM_PROC_PER_GROUP 64
#define ALL_PROCESSOR_GROUPS   0xffff

typedef struct _PROCESSOR_NUMBER {
    USHORT Group;
    UCHAR Number;
    UCHAR Reserved;
} PROCESSOR_NUMBER, *PPROCESSOR_NUMBER;

/* The processor the caller runs on: the host CPU of the calling thread; at
 * DISPATCH_LEVEL and above it stays the same until the thread drops below
 * DISPATCH_LEVEL, as a thread that cannot be rescheduled does. */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumberEx(_Out_opt_ PPROCESSOR_NUMBER ProcNumber);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorIndex(VOID);
/* Group 0 only (Windows 7+ behaviour for callers unaware of groups). */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCount(_Out_opt_ PKAFFINITY ActiveProcessors);
/* ALL_PROCESSOR_GROUPS counts every group; a group that does not exist: 0. */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCountEx(_In_ USHORT GroupNumber);

/* ------------------------------------------------------------------------ */
/* Pages.                                                                   */
/* ------------------------------------------------------------------------ */
#define PAGE_SIZE  0x1000
#define PAGE_SHIFT 12L

#define BYTE_OFFSET(Va) ((ULONG)((LONG_PTR)(Va) & (PAGE_SIZE - 1)))
#define PAGE_ALIGN(Va) ((PVOID)((ULONG_PTR)(Va) & ~(PAGE_SIZE - 1)))
#define BYTES_TO_PAGES(Size) \
    (((Size) >> PAGE_SHIFT) + (((Size) & (PAGE_SIZE - 1)) != 0))
#define ROUND_TO_PAGES(Size) (((ULONG_PTR)(Size) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size) \
    ((ULONG)((((ULONG_PTR)(Va) & (PAGE_SIZE - 1)) + (Size) + (PAGE_SIZE - 1)) >> PAGE_SHIFT))
#define COMPUTE_PAGES_SPANNED(Va, Size) ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size)

/* ------------------------------------------------------------------------ */
/* MDLs.                                                                    */
/* ------------------------------------------------------------------------ */
struct _EPROCESS;
typedef struct _EPROCESS *PEPROCESS;

typedef struct _MDL {
    struct _MDL *Next;
    CSHORT Size;
    CSHORT MdlFlags;
    struct _EPROCESS *Process;
    PVOID MappedSystemVa;
    PVOID StartVa;
    ULONG ByteCount;
    ULONG ByteOffset;
} MDL, *PMDL;
typedef PMDL PMDLX;

#define MDL_MAPPED_TO_SYSTEM_VA     0x0001
#define MDL_PAGES_LOCKED            0x0002
#define MDL_SOURCE_IS_NONPAGED_POOL 0x0004
#define MDL_ALLOCATED_FIXED_SIZE    0x0008
#define MDL_PARTIAL                 0x0010
#define MDL_PARTIAL_HAS_BEEN_MAPPED 0x0020
#define MDL_IO_PAGE_READ            0x0040
#define MDL_WRITE_OPERATION         0x0080
#define MDL_LOCKED_PAGE_TABLES      0x0100
#define MDL_PARENT_MAPPED_SYSTEM_VA MDL_LOCKED_PAGE_TABLES
#define MDL_FREE_EXTRA_PTES         0x0200
#define MDL_DESCRIBES_AWE           0x0400
#define MDL_IO_SPACE                0x0800
#define MDL_NETWORK_HEADER          0x1000
#define MDL_MAPPING_CAN_FAIL        0x2000
#define MDL_PAGE_CONTENTS_INVARIANT 0x4000
#define MDL_ALLOCATED_MUST_SUCCEED  MDL_PAGE_CONTENTS_INVARIANT
#define MDL_INTERNAL                0x8000

/* As shipped by the WDK: MDL_SYSTEM_VA is referenced but defined nowhere, so
 * this macro is unusable; kept for fidelity (docs/ddi-contract.md 2.2). */
#define MDL_MAPPING_FLAGS (MDL_MAPPED_TO_SYSTEM_VA | MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL | \
                           MDL_PARTIAL_HAS_BEEN_MAPPED | MDL_PARENT_MAPPED_SYSTEM_VA | MDL_SYSTEM_VA | \
                           MDL_IO_SPACE)

#define MmGetMdlPfnArray(Mdl) ((PPFN_NUMBER)((Mdl) + 1))
#define MmGetMdlVirtualAddress(Mdl) ((PVOID)((PCHAR)((Mdl)->StartVa) + (Mdl)->ByteOffset))
#define MmGetMdlByteCount(Mdl) ((Mdl)->ByteCount)
#define MmGetMdlByteOffset(Mdl) ((Mdl)->ByteOffset)
#define MmGetMdlBaseVa(Mdl) ((Mdl)->StartVa)

#define MmInitializeMdl(MemoryDescriptorList, BaseVa, Length)                                  \
    {                                                                                          \
        (MemoryDescriptorList)->Next = (PMDL)NULL;                                             \
        (MemoryDescriptorList)->Size = (CSHORT)(sizeof(MDL) + (sizeof(PFN_NUMBER) *            \
                                       ADDRESS_AND_SIZE_TO_SPAN_PAGES((BaseVa), (Length))));   \
        (MemoryDescriptorList)->MdlFlags = 0;                                                  \
        (MemoryDescriptorList)->StartVa = (PVOID)PAGE_ALIGN((BaseVa));                         \
        (MemoryDescriptorList)->ByteOffset = BYTE_OFFSET((BaseVa));                            \
        (MemoryDescriptorList)->ByteCount = (ULONG)(Length);                                   \
    }

typedef enum _MEMORY_CACHING_TYPE_ORIG { MmFrameBufferCached = 2 } MEMORY_CACHING_TYPE_ORIG;

typedef enum _MEMORY_CACHING_TYPE {
    MmNonCached = FALSE,
    MmCached = TRUE,
    MmWriteCombined = MmFrameBufferCached,
    MmHardwareCoherentCached,
    MmNonCachedUnordered,
    MmUSWCCached,
    MmMaximumCacheType,
    MmNotMapped = -1
} MEMORY_CACHING_TYPE;

typedef enum _MM_PAGE_PRIORITY {
    LowPagePriority,
    NormalPagePriority = 16,
    HighPagePriority = 32
} MM_PAGE_PRIORITY;

#define MdlMappingNoWrite       0x80000000
#define MdlMappingNoExecute     0x40000000
#define MdlMappingWithGuardPtes 0x20000000

#define MM_ANY_NODE_OK 0x80000000

typedef enum _LOCK_OPERATION { IoReadAccess, IoWriteAccess, IoModifyAccess } LOCK_OPERATION;

/* MmAllocatePagesForMdlEx flags. */
#define MM_DONT_ZERO_ALLOCATION                0x00000001
#define MM_ALLOCATE_FROM_LOCAL_NODE_ONLY       0x00000002
#define MM_ALLOCATE_FULLY_REQUIRED             0x00000004
#define MM_ALLOCATE_NO_WAIT                    0x00000008
#define MM_ALLOCATE_PREFER_CONTIGUOUS          0x00000010
#define MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS  0x00000020
#define MM_ALLOCATE_FAST_LARGE_PAGES           0x00000040
#define MM_ALLOCATE_TRIM_IF_NECESSARY          0x00000080
#define MM_ALLOCATE_AND_HOT_REMOVE             0x00000100

/* MmFreePagesFromMdlEx flags. */
#define MM_FREE_MDL_PAGES_ZERO 0x00000001

/* MmAllocateMappingAddressEx flags. */
#define MM_MAPPING_ADDRESS_DIVISIBLE 0x00000001

/* ------------------------------------------------------------------------ */
/* Pool.                                                                    */
/* ------------------------------------------------------------------------ */
typedef enum _POOL_TYPE {
    NonPagedPool,
    NonPagedPoolExecute = NonPagedPool,
    PagedPool,
    NonPagedPoolMustSucceed = NonPagedPool + 2,
    DontUseThisType,
    NonPagedPoolCacheAligned = NonPagedPool + 4,
    PagedPoolCacheAligned,
    NonPagedPoolCacheAlignedMustS = NonPagedPool + 6,
    MaxPoolType,
    NonPagedPoolBase = 0,
    NonPagedPoolBaseMustSucceed = NonPagedPoolBase + 2,
    NonPagedPoolBaseCacheAligned = NonPagedPoolBase + 4,
    NonPagedPoolBaseCacheAlignedMustS = NonPagedPoolBase + 6,
    NonPagedPoolSession = 32,
    PagedPoolSession = NonPagedPoolSession + 1,
    NonPagedPoolMustSucceedSession = PagedPoolSession + 1,
    DontUseThisTypeSession = NonPagedPoolMustSucceedSession + 1,
    NonPagedPoolCacheAlignedSession = DontUseThisTypeSession + 1,
    PagedPoolCacheAlignedSession = NonPagedPoolCacheAlignedSession + 1,
    NonPagedPoolCacheAlignedMustSSession = PagedPoolCacheAlignedSession + 1,
    NonPagedPoolNx = 512,
    NonPagedPoolNxCacheAligned = NonPagedPoolNx + 4,
    NonPagedPoolSessionNx = NonPagedPoolNx + 32
} POOL_TYPE;

#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE 8
#define POOL_RAISE_IF_ALLOCATION_FAILURE 16
#define POOL_COLD_ALLOCATION             256
#define POOL_NX_ALLOCATION               512
#define POOL_ZERO_ALLOCATION             1024

#define POOL_FLAG_REQUIRED_START          0x0000000000000001ULL
#define POOL_FLAG_USE_QUOTA               0x0000000000000001ULL
#define POOL_FLAG_UNINITIALIZED           0x0000000000000002ULL
#define POOL_FLAG_SESSION                 0x0000000000000004ULL
#define POOL_FLAG_CACHE_ALIGNED           0x0000000000000008ULL
#define POOL_FLAG_RESERVED1               0x0000000000000010ULL
#define POOL_FLAG_RAISE_ON_FAILURE        0x0000000000000020ULL
#define POOL_FLAG_NON_PAGED               0x0000000000000040ULL
#define POOL_FLAG_NON_PAGED_EXECUTE       0x0000000000000080ULL
#define POOL_FLAG_PAGED                   0x0000000000000100ULL
#define POOL_FLAG_RESERVED2               0x0000000000000200ULL
#define POOL_FLAG_RESERVED3               0x0000000000000400ULL
#define POOL_FLAG_REQUIRED_END            0x0000000080000000ULL
#define POOL_FLAG_OPTIONAL_START          0x0000000100000000ULL
#define POOL_FLAG_SPECIAL_POOL            0x0000000100000000ULL
#define POOL_FLAG_OPTIONAL_END            0x8000000000000000ULL

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PVOID NTAPI ExAllocatePool2(_In_ POOL_FLAGS Flags, _In_ SIZE_T NumberOfBytes,
                                        _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTag(_In_ POOL_TYPE PoolType, _In_ SIZE_T NumberOfBytes,
                                              _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePoolWithTag(_In_ __drv_freesMem(Mem) PVOID P, _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePool(_In_ __drv_freesMem(Mem) PVOID P);

/* ------------------------------------------------------------------------ */
/* I/O manager objects (public fields only; see the deviation note).        */
/* ------------------------------------------------------------------------ */
typedef struct _IO_STATUS_BLOCK {
    union {
        NTSTATUS Status;
        PVOID Pointer;
    } DUMMYUNIONNAME;
    ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;

/* IRP, DEVICE_OBJECT and DRIVER_OBJECT are defined in mmsim/wdm_io.h. */
typedef struct _IRP IRP, *PIRP;
struct _DRIVER_OBJECT;
typedef struct _DEVICE_OBJECT DEVICE_OBJECT, *PDEVICE_OBJECT;

typedef VOID NTAPI DRIVER_UNLOAD(_In_ struct _DRIVER_OBJECT *DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;
typedef NTSTATUS NTAPI DRIVER_INITIALIZE(_In_ struct _DRIVER_OBJECT *DriverObject,
                                         _In_ PUNICODE_STRING RegistryPath);
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;

typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;

typedef struct _IO_WORKITEM IO_WORKITEM, *PIO_WORKITEM;
typedef VOID NTAPI IO_WORKITEM_ROUTINE(_In_ PDEVICE_OBJECT DeviceObject, _In_opt_ PVOID Context);
typedef IO_WORKITEM_ROUTINE *PIO_WORKITEM_ROUTINE;

typedef enum _WORK_QUEUE_TYPE {
    CriticalWorkQueue,
    DelayedWorkQueue,
    HyperCriticalWorkQueue,
    NormalWorkQueue,
    BackgroundWorkQueue,
    RealTimeWorkQueue,
    SuperCriticalWorkQueue,
    MaximumWorkQueue,
    CustomPriorityWorkQueue = 32
} WORK_QUEUE_TYPE;

typedef VOID NTAPI WORKER_THREAD_ROUTINE(_In_ PVOID Parameter);
typedef WORKER_THREAD_ROUTINE *PWORKER_THREAD_ROUTINE;

typedef struct _WORK_QUEUE_ITEM {
    LIST_ENTRY List;
    PWORKER_THREAD_ROUTINE WorkerRoutine;
    volatile PVOID Parameter;
} WORK_QUEUE_ITEM, *PWORK_QUEUE_ITEM;

#define ExInitializeWorkItem(Item, Routine, Context) \
    {                                                \
        (Item)->WorkerRoutine = (Routine);           \
        (Item)->Parameter = (Context);               \
        (Item)->List.Flink = NULL;                   \
    }

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExQueueWorkItem(_Inout_ PWORK_QUEUE_ITEM WorkItem,
                                       _In_ WORK_QUEUE_TYPE QueueType);

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PIO_WORKITEM NTAPI IoAllocateWorkItem(_In_ PDEVICE_OBJECT DeviceObject);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoFreeWorkItem(_In_ PIO_WORKITEM IoWorkItem);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoQueueWorkItem(_Inout_ PIO_WORKITEM IoWorkItem,
                                       _In_ PIO_WORKITEM_ROUTINE WorkerRoutine,
                                       _In_ WORK_QUEUE_TYPE QueueType, _In_opt_ PVOID Context);

/* ------------------------------------------------------------------------ */
/* Memory manager DDIs (docs/ddi-contract.md section 1).                    */
/* ------------------------------------------------------------------------ */

/* 1.1-1.5 Reserved mappings. */
_IRQL_requires_max_(APC_LEVEL) _Must_inspect_result_
NTKERNELAPI PVOID NTAPI MmAllocateMappingAddress(_In_ SIZE_T NumberOfBytes, _In_ ULONG PoolTag);

_IRQL_requires_max_(APC_LEVEL) _Must_inspect_result_
NTKERNELAPI PVOID NTAPI MmAllocateMappingAddressEx(_In_ SIZE_T NumberOfBytes, _In_ ULONG PoolTag,
                                                   _In_ ULONG Flags);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI MmFreeMappingAddress(_In_ PVOID BaseAddress, _In_ ULONG PoolTag);

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PVOID NTAPI MmMapLockedPagesWithReservedMapping(_In_ PVOID MappingAddress,
                                                            _In_ ULONG PoolTag,
                                                            _Inout_ PMDL MemoryDescriptorList,
                                                            _In_ MEMORY_CACHING_TYPE CacheType);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnmapReservedMapping(_In_ PVOID BaseAddress, _In_ ULONG PoolTag,
                                              _Inout_ PMDL MemoryDescriptorList);

/* 1.6-1.8 Physical pages for MDLs. */
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PMDL NTAPI MmAllocatePagesForMdl(_In_ PHYSICAL_ADDRESS LowAddress,
                                             _In_ PHYSICAL_ADDRESS HighAddress,
                                             _In_ PHYSICAL_ADDRESS SkipBytes,
                                             _In_ SIZE_T TotalBytes);

_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PMDL NTAPI MmAllocatePagesForMdlEx(_In_ PHYSICAL_ADDRESS LowAddress,
                                               _In_ PHYSICAL_ADDRESS HighAddress,
                                               _In_ PHYSICAL_ADDRESS SkipBytes,
                                               _In_ SIZE_T TotalBytes,
                                               _In_ MEMORY_CACHING_TYPE CacheType,
                                               _In_ ULONG Flags);
/* survey25: MmAllocatePagesForMdlEx with an ideal NUMA node (wdm.h, Windows
 * Vista SP1+). mmsim has one node, 0: every allocation comes from it, and an
 * IdealNode with no memory here (any other number) gets NULL only under
 * MM_ALLOCATE_FROM_LOCAL_NODE_ONLY, as a node with no free pages would. */
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PMDL NTAPI MmAllocateNodePagesForMdlEx(_In_ PHYSICAL_ADDRESS LowAddress,
                                                   _In_ PHYSICAL_ADDRESS HighAddress,
                                                   _In_ PHYSICAL_ADDRESS SkipBytes,
                                                   _In_ SIZE_T TotalBytes,
                                                   _In_ MEMORY_CACHING_TYPE CacheType,
                                                   _In_ ULONG IdealNode, _In_ ULONG Flags);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmFreePagesFromMdl(_Inout_ PMDLX MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmFreePagesFromMdlEx(_Inout_ PMDL MemoryDescriptorList, _In_ ULONG Flags);

/* 1.9-1.13 MDLs. */
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PMDL NTAPI IoAllocateMdl(_In_opt_ __drv_aliasesMem PVOID VirtualAddress,
                                     _In_ ULONG Length, _In_ BOOLEAN SecondaryBuffer,
                                     _In_ BOOLEAN ChargeQuota, _Inout_opt_ PIRP Irp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoFreeMdl(PMDL Mdl);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoBuildPartialMdl(_In_ PMDL SourceMdl, _Inout_ PMDL TargetMdl,
                                         _In_ PVOID VirtualAddress, _In_ ULONG Length);

NTKERNELAPI SIZE_T NTAPI MmSizeOfMdl(_In_reads_bytes_opt_(Length) PVOID Base, _In_ SIZE_T Length);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmBuildMdlForNonPagedPool(_Inout_ PMDLX MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmProbeAndLockPages(_Inout_ PMDLX MemoryDescriptorList,
                                           _In_ KPROCESSOR_MODE AccessMode,
                                           _In_ LOCK_OPERATION Operation);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnlockPages(_Inout_ PMDLX MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapLockedPagesSpecifyCache(_Inout_ PMDLX MemoryDescriptorList,
                                                     _In_ KPROCESSOR_MODE AccessMode,
                                                     _In_ MEMORY_CACHING_TYPE CacheType,
                                                     _In_opt_ PVOID RequestedAddress,
                                                     _In_ ULONG BugCheckOnFailure,
                                                     _In_ ULONG Priority);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnmapLockedPages(_In_ PVOID BaseAddress, _Inout_ PMDL MemoryDescriptorList);

#define MmGetSystemAddressForMdlSafe(MDL, PRIORITY)                                       \
    (((MDL)->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL))          \
         ? ((MDL)->MappedSystemVa)                                                        \
         : (MmMapLockedPagesSpecifyCache((MDL), KernelMode, MmCached, NULL, FALSE,        \
                                         (PRIORITY))))

#define MmPrepareMdlForReuse(MDL)                                                         \
    if (((MDL)->MdlFlags & MDL_PARTIAL_HAS_BEEN_MAPPED) != 0) {                           \
        NT_ASSERT(((MDL)->MdlFlags & MDL_PARTIAL) != 0);                                  \
        MmUnmapLockedPages((MDL)->MappedSystemVa, (MDL));                                 \
    } else if (((MDL)->MdlFlags & MDL_PARTIAL) == 0) {                                    \
        NT_ASSERT(((MDL)->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) == 0);                      \
    }

/* Routine lookup (used by drivers to pick a strategy per Windows version). */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI PVOID NTAPI MmGetSystemRoutineAddress(_In_ PUNICODE_STRING SystemRoutineName);

/* ------------------------------------------------------------------------ */
/* Layout checks (x64 values, docs/ddi-contract.md 2.1).                    */
/* ------------------------------------------------------------------------ */
C_ASSERT(sizeof(ULONG) == 4);
C_ASSERT(sizeof(LONG) == 4);
C_ASSERT(sizeof(ULONG_PTR) == 8);
C_ASSERT(sizeof(SIZE_T) == 8);
C_ASSERT(sizeof(PFN_NUMBER) == 8);
C_ASSERT(sizeof(PHYSICAL_ADDRESS) == 8);
C_ASSERT(sizeof(KIRQL) == 1);
C_ASSERT(sizeof(CSHORT) == 2);
C_ASSERT(sizeof(POOL_FLAGS) == 8);
C_ASSERT(sizeof(MDL) == 0x30);
C_ASSERT(FIELD_OFFSET(MDL, Next) == 0x00);
C_ASSERT(FIELD_OFFSET(MDL, Size) == 0x08);
C_ASSERT(FIELD_OFFSET(MDL, MdlFlags) == 0x0A);
C_ASSERT(FIELD_OFFSET(MDL, Process) == 0x10);
C_ASSERT(FIELD_OFFSET(MDL, MappedSystemVa) == 0x18);
C_ASSERT(FIELD_OFFSET(MDL, StartVa) == 0x20);
C_ASSERT(FIELD_OFFSET(MDL, ByteCount) == 0x28);
C_ASSERT(FIELD_OFFSET(MDL, ByteOffset) == 0x2C);
C_ASSERT(sizeof(KEVENT) == 24);
C_ASSERT(sizeof(FAST_MUTEX) == 56);
C_ASSERT(sizeof(LIST_ENTRY) == 16);
C_ASSERT(sizeof(UNICODE_STRING) == 16);
C_ASSERT(sizeof(LARGE_INTEGER) == 8);
C_ASSERT(sizeof(PROCESSOR_NUMBER) == 4);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, InterruptTime) == 0x8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, SystemTime) == 0x14);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, NtMajorVersion) == 0x26c);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, ProcessorFeatures) == 0x274);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, KdDebuggerEnabled) == 0x2d4);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, QpcFrequency) == 0x300);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, TickCount) == 0x320);
/* mmdev: the rest of KUSER_SHARED_DATA's x64 layout. */
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, MaxStackTraceDepth) == 0x238);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, LargePageMinimum) == 0x244);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, RNGSeedVersion) == 0x250);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, NtBuildNumber) == 0x260);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, NtProductType) == 0x264);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, NativeProcessorArchitecture) == 0x26a);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, Reserved1) == 0x2b4);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, TimeSlip) == 0x2bc);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, BootId) == 0x2c4);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, SystemExpirationDate) == 0x2c8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, SuiteMask) == 0x2d0);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, MitigationPolicies) == 0x2d5);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, CyclesPerYield) == 0x2d6);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, ActiveConsoleId) == 0x2d8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, NumberOfPhysicalPages) == 0x2e8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, SafeBootMode) == 0x2ec);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, VirtualizationFlags) == 0x2ed);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, SharedDataFlags) == 0x2f0);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, TestRetInstruction) == 0x2f8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, SystemCall) == 0x308);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, FullNumberOfPhysicalPages) == 0x310);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, TickCountQuad) == 0x320);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, Cookie) == 0x330);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, ConsoleSessionForegroundProcessId) == 0x338);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, TimeUpdateLock) == 0x340);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, QpcSystemTimeIncrementShift) == 0x368);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, EnclaveFeatureMask) == 0x36c);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, UserModeGlobalLogger) == 0x380);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, ImageFileExecutionOptions) == 0x3a0);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, InterruptTimeBias) == 0x3b0);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, QpcBias) == 0x3b8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, ActiveProcessorCount) == 0x3c0);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, ActiveGroupCount) == 0x3c4);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, QpcData) == 0x3c6);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, TimeZoneBiasEffectiveStart) == 0x3c8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, XState) == 0x3d8);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, FeatureConfigurationChangeStamp) == 0x720);
C_ASSERT(FIELD_OFFSET(KUSER_SHARED_DATA, UserPointerAuthMask) == 0x730);
C_ASSERT(sizeof(KUSER_SHARED_DATA) == 0x738);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* Parts of the surface kept in their own files; each opens its own extern "C". */
#include "mmsim/intrin.h"   /* <intrin.h>: bit scans and tests, byte swaps, __stos*, ... */
#include "mmsim/wdm_io.h"   /* the I/O manager: IRP, IO_STACK_LOCATION, device objects */
#include "mmsim/seh.h"      /* __try / __except / __finally / __leave */
#include "mmsim/wdm_more.h" /* further Mm, Ex, Ke, Rtl names drivers use */
#include <mmsim/wdm_ke.h> /* kedisp */

#endif /* _WDMDDK_ */
#include <mmsim/wdm_mm.h> /* mmdev */

#include <mmsim/wdm_rtl.h> /* rtl */

#include <mmsim/wdm_ex.h> /* exsync */

#include <mmsim/wdm_userva.h> /* userva */

#include <mmsim/wdm_pool.h> /* specialpool */

#include <mmsim/wdm_realdrv.h> /* realdrv */

#include <mmsim/wdm_realdrv3.h> /* realdrv3 */

#include <mmsim/wdm_cancel.h> /* wdk25: cancel routines, cancel-safe queues */

#include <mmsim/wdm_ps.h> /* ps32: system threads, notify routines, process and thread objects */

#include <mmsim/wdm_se.h> /* survey33: security types, exported object types, IoIs32bitProcess */

#include <mmsim/wdm_kd.h> /* survey33: the kernel debugger's state, DbgBreakPointWithStatus */
