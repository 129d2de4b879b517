/*
 * wdm_ke.h - The kernel dispatcher part of <wdm.h>: DPCs, kernel and
 * executive timers, semaphores, kernel and guarded mutexes, gates,
 * multi-object waits, critical and guarded regions, thread priorities and
 * affinity. Included by <wdm.h> after its own declarations; not included
 * directly.
 *
 * Names, types, values and x64 layouts as the WDK declares them (checked
 * against mingw-w64's ddk/wdm.h and ddk/ntddk.h by the oracle,
 * tests/oracle/). What the simulated dispatcher does with them:
 * docs/ke-sync.md.
 */
#ifndef MMSIM_WDM_KE_H_
#define MMSIM_WDM_KE_H_

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif
#endif

/* ---- Object types, access rights, limits -------------------------------- */
#ifndef MMSIM_HAVE_TIMER_TYPE
#define MMSIM_HAVE_TIMER_TYPE 1
typedef enum _TIMER_TYPE { NotificationTimer, SynchronizationTimer } TIMER_TYPE;
typedef enum _WAIT_TYPE { WaitAll, WaitAny } WAIT_TYPE;
#endif

#ifndef SEMAPHORE_INCREMENT
#define SEMAPHORE_INCREMENT 1 /* priority boosts: mmsim schedules no threads */
#endif
#ifndef EVENT_INCREMENT
#define EVENT_INCREMENT 1
#endif

#define MAXIMUM_WAIT_OBJECTS 64
#define THREAD_WAIT_OBJECTS 3
#define MAXIMUM_SUSPEND_COUNT MAXCHAR

/* STANDARD_RIGHTS_REQUIRED (0xF0000) | SYNCHRONIZE (0x100000) | 0x3 */
#define EVENT_QUERY_STATE (0x0001)
#define EVENT_MODIFY_STATE (0x0002)
#define EVENT_ALL_ACCESS (0x000F0000L | 0x00100000L | 0x3)
#define SEMAPHORE_QUERY_STATE (0x0001)
#define SEMAPHORE_MODIFY_STATE (0x0002)
#define SEMAPHORE_ALL_ACCESS (0x000F0000L | 0x00100000L | 0x3)

/* Header.Type of the dispatcher objects (the kernel's KOBJECTS numbers). */
#define ASSERT_EVENT(E) NT_ASSERT(((E)->Header.Type == NotificationEvent) || \
                                  ((E)->Header.Type == SynchronizationEvent))
#define ASSERT_MUTANT(E) NT_ASSERT((E)->Header.Type == 2 /* MutantObject */)
#define ASSERT_SEMAPHORE(E) NT_ASSERT((E)->Header.Type == 5 /* SemaphoreObject */)
#define ASSERT_GATE(E) NT_ASSERT(((E)->Header.Type & 0x7F) == 7 /* GateObject */ || \
                                 ((E)->Header.Type & 0x7F) == 1 /* EventSynchronizationObject */)
#define ASSERT_TIMER(E) NT_ASSERT(((E)->Header.Type == 8 /* TimerNotificationObject */) || \
                                  ((E)->Header.Type == 9 /* TimerSynchronizationObject */))
#define ASSERT_APC(Object) NT_ASSERT((Object)->Type == 18 /* ApcObject */)
#define ASSERT_DPC(Object) NT_ASSERT(((Object)->Type == 0) || \
                                     ((Object)->Type == 19 /* DpcObject */) || \
                                     ((Object)->Type == 26 /* ThreadedDpcObject */))

/* ---- Wait blocks --------------------------------------------------------- */
typedef struct _KWAIT_BLOCK {
    LIST_ENTRY WaitListEntry;
    struct _KTHREAD *Thread;
    PVOID Object;
    struct _KWAIT_BLOCK *NextWaitBlock;
    USHORT WaitKey;
    UCHAR WaitType;
    volatile UCHAR BlockState;
    LONG SpareLong;
} KWAIT_BLOCK, *PKWAIT_BLOCK, *PRKWAIT_BLOCK;

/* ---- Semaphores, gates, mutexes ----------------------------------------- */
typedef struct _KSEMAPHORE {
    DISPATCHER_HEADER Header;
    LONG Limit;
} KSEMAPHORE, *PKSEMAPHORE, *PRKSEMAPHORE;
#define KSEMAPHORE_ACTUAL_LENGTH (FIELD_OFFSET(KSEMAPHORE, Limit) + sizeof(LONG))

typedef struct _KGATE {
    DISPATCHER_HEADER Header;
} KGATE, *PKGATE, *PRKGATE;

typedef struct _KMUTANT {
    DISPATCHER_HEADER Header;
    LIST_ENTRY MutantListEntry;
    struct _KTHREAD *OwnerThread;
    BOOLEAN Abandoned;
    UCHAR ApcDisable;
} KMUTANT, *PKMUTANT, *PRKMUTANT, KMUTEX, *PKMUTEX, *PRKMUTEX;

typedef struct _KGUARDED_MUTEX {
    volatile LONG Count;
    PKTHREAD Owner;
    ULONG Contention;
    KGATE Gate;
    union {
        struct {
            SHORT KernelApcDisable;
            SHORT SpecialApcDisable;
        };
        ULONG CombinedApcDisable;
    };
} KGUARDED_MUTEX, *PKGUARDED_MUTEX;

#define GM_LOCK_BIT 0x1
#define GM_LOCK_BIT_V 0x0
#define GM_LOCK_WAITER_WOKEN 0x2
#define GM_LOCK_WAITER_INC 0x4

/* ---- Timers -------------------------------------------------------------- */
#define TIMER_EXPIRED_INDEX_BITS 6
#define TIMER_PROCESSOR_INDEX_BITS 5
#define TIMER_TABLE_SIZE 512
#define TIMER_TABLE_SHIFT 9
#define LOCK_QUEUE_TIMER_LOCK_SHIFT 4
#define LOCK_QUEUE_TIMER_TABLE_LOCKS (1 << (8 - LOCK_QUEUE_TIMER_LOCK_SHIFT))

typedef struct _KTIMER {
    DISPATCHER_HEADER Header;
    ULARGE_INTEGER DueTime;
    LIST_ENTRY TimerListEntry;
    struct _KDPC *Dpc;
    ULONG Processor;
    ULONG Period;
} KTIMER, *PKTIMER, *PRKTIMER;
#define KTIMER_ACTUAL_LENGTH (FIELD_OFFSET(KTIMER, Period) + sizeof(LONG))

typedef VOID(NTAPI *PTIMER_APC_ROUTINE)(_In_ PVOID TimerContext, _In_ ULONG TimerLowValue,
                                        _In_ LONG TimerHighValue);
typedef enum _TIMER_SET_INFORMATION_CLASS {
    TimerSetCoalescableTimer,
    MaxTimerInfoClass
} TIMER_SET_INFORMATION_CLASS;
typedef struct _TIMER_SET_COALESCABLE_TIMER_INFO {
    LARGE_INTEGER DueTime;
    PTIMER_APC_ROUTINE TimerApcRoutine;
    PVOID TimerContext;
    struct _COUNTED_REASON_CONTEXT *WakeContext;
    ULONG Period;
    ULONG TolerableDelay;
    PBOOLEAN PreviousState;
} TIMER_SET_COALESCABLE_TIMER_INFO, *PTIMER_SET_COALESCABLE_TIMER_INFO;

/* Executive (high-resolution) timers: EX_TIMER is opaque. */
typedef struct _EX_TIMER *PEX_TIMER;
typedef VOID NTAPI EXT_CALLBACK(_In_ PEX_TIMER Timer, _In_opt_ PVOID Context);
typedef EXT_CALLBACK *PEXT_CALLBACK;
typedef VOID NTAPI EXT_DELETE_CALLBACK(_In_opt_ PVOID Context);
typedef EXT_DELETE_CALLBACK *PEXT_DELETE_CALLBACK;
typedef PVOID PEXT_CANCEL_PARAMETERS;
typedef struct _EXT_DELETE_PARAMETERS {
    ULONG Version;
    ULONG Reserved;
    PEXT_DELETE_CALLBACK DeleteCallback;
    PVOID DeleteContext;
} EXT_DELETE_PARAMETERS, *PEXT_DELETE_PARAMETERS;
typedef struct _EXT_SET_PARAMETERS_V0 {
    ULONG Version;
    ULONG Reserved;
    LONGLONG NoWakeTolerance;
} EXT_SET_PARAMETERS, *PEXT_SET_PARAMETERS, KT2_SET_PARAMETERS, *PKT2_SET_PARAMETERS;

#define EX_TIMER_HIGH_RESOLUTION 4
#define EX_TIMER_NO_WAKE 8
#define EX_TIMER_UNLIMITED_TOLERANCE ((LONGLONG)-1)
#define EX_TIMER_NOTIFICATION (1ul << 31)

/* ---- DPCs ---------------------------------------------------------------- */
typedef enum _KDPC_IMPORTANCE {
    LowImportance,
    MediumImportance,
    HighImportance,
    MediumHighImportance
} KDPC_IMPORTANCE;

typedef struct _KDPC_WATCHDOG_INFORMATION {
    ULONG DpcTimeLimit;
    ULONG DpcTimeCount;
    ULONG DpcWatchdogLimit;
    ULONG DpcWatchdogCount;
    ULONG Reserved;
} KDPC_WATCHDOG_INFORMATION, *PKDPC_WATCHDOG_INFORMATION;

#define DPC_NORMAL 0
#define DPC_THREADED 1

/* ---- APCs (no APC is ever delivered: docs/ke-sync.md) -------------------- */
typedef VOID(NTAPI *PKNORMAL_ROUTINE)(_In_opt_ PVOID NormalContext,
                                      _In_opt_ PVOID SystemArgument1,
                                      _In_opt_ PVOID SystemArgument2);
typedef VOID(NTAPI *PKRUNDOWN_ROUTINE)(_In_ struct _KAPC *Apc);
typedef VOID(NTAPI *PKKERNEL_ROUTINE)(_In_ struct _KAPC *Apc,
                                      _Inout_opt_ PKNORMAL_ROUTINE *NormalRoutine,
                                      _Inout_opt_ PVOID *NormalContext,
                                      _Inout_opt_ PVOID *SystemArgument1,
                                      _Inout_opt_ PVOID *SystemArgument2);
#define KAPC_OFFSET_TO_SPARE_BYTE0 FIELD_OFFSET(KAPC, SpareByte0)
#define KAPC_OFFSET_TO_SPARE_BYTE1 FIELD_OFFSET(KAPC, SpareByte1)
#define KAPC_OFFSET_TO_SPARE_LONG FIELD_OFFSET(KAPC, SpareLong0)
#define KAPC_OFFSET_TO_SYSTEMARGUMENT1 FIELD_OFFSET(KAPC, SystemArgument1)
#define KAPC_OFFSET_TO_SYSTEMARGUMENT2 FIELD_OFFSET(KAPC, SystemArgument2)
#define KAPC_OFFSET_TO_APCSTATEINDEX FIELD_OFFSET(KAPC, ApcStateIndex)
#define KAPC_ACTUAL_LENGTH (FIELD_OFFSET(KAPC, Inserted) + sizeof(BOOLEAN))

/* ---- Threads -------------------------------------------------------------- */
typedef VOID NTAPI KSTART_ROUTINE(_In_ PVOID StartContext);
typedef KSTART_ROUTINE *PKSTART_ROUTINE;

#ifndef LOW_PRIORITY
#define LOW_PRIORITY 0
#define LOW_REALTIME_PRIORITY 16
#define HIGH_PRIORITY 31
#endif

/* ======================================================================== */
/* DPCs (any IRQL unless stated).                                           */
/* ======================================================================== */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeDpc(_Out_ PRKDPC Dpc, _In_ PKDEFERRED_ROUTINE DeferredRoutine,
                                       _In_opt_ PVOID DeferredContext);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeThreadedDpc(_Out_ PRKDPC Dpc,
                                               _In_ PKDEFERRED_ROUTINE DeferredRoutine,
                                               _In_opt_ PVOID DeferredContext);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeInsertQueueDpc(_Inout_ PRKDPC Dpc, _In_opt_ PVOID SystemArgument1,
                                           _In_opt_ PVOID SystemArgument2);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeRemoveQueueDpc(_Inout_ PRKDPC Dpc);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeSetImportanceDpc(_Inout_ PRKDPC Dpc, _In_ KDPC_IMPORTANCE Importance);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeSetTargetProcessorDpc(_Inout_ PRKDPC Dpc, _In_ CCHAR Number);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeSetTargetProcessorDpcEx(_Inout_ PKDPC Dpc,
                                                     _In_ PPROCESSOR_NUMBER ProcNumber);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI KeFlushQueuedDpcs(VOID);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeQueryDpcWatchdogInformation(
    _Out_ PKDPC_WATCHDOG_INFORMATION WatchdogInformation);

/* Spin locks from a DPC (the routine runs at DISPATCH_LEVEL; a threaded one
 * may run at PASSIVE_LEVEL, so the ForDpc forms raise if needed). */
#define ExAcquireSpinLockAtDpcLevel(Lock) KeAcquireSpinLockAtDpcLevel(Lock)
#define ExReleaseSpinLockFromDpcLevel(Lock) KeReleaseSpinLockFromDpcLevel(Lock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireInStackQueuedSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock, _Out_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseInStackQueuedSpinLockFromDpcLevel(
    _In_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL NTAPI KeAcquireSpinLockForDpc(_Inout_ PKSPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLockForDpc(_Inout_ PKSPIN_LOCK SpinLock, _In_ KIRQL OldIrql);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireInStackQueuedSpinLockForDpc(
    _Inout_ PKSPIN_LOCK SpinLock, _Out_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseInStackQueuedSpinLockForDpc(
    _In_ PKLOCK_QUEUE_HANDLE LockHandle);

/* ======================================================================== */
/* Kernel timers (<= DISPATCH_LEVEL).                                       */
/* ======================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeTimer(_Out_ PKTIMER Timer);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeTimerEx(_Out_ PKTIMER Timer, _In_ TIMER_TYPE Type);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeSetTimer(_Inout_ PKTIMER Timer, _In_ LARGE_INTEGER DueTime,
                                     _In_opt_ PKDPC Dpc);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeSetTimerEx(_Inout_ PKTIMER Timer, _In_ LARGE_INTEGER DueTime,
                                       _In_ LONG Period, _In_opt_ PKDPC Dpc);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeSetCoalescableTimer(_Inout_ PKTIMER Timer,
                                                _In_ LARGE_INTEGER DueTime, _In_ ULONG Period,
                                                _In_ ULONG TolerableDelay, _In_opt_ PKDPC Dpc);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeCancelTimer(_Inout_ PKTIMER Timer);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeReadStateTimer(_In_ PKTIMER Timer);

/* Executive timers. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PEX_TIMER NTAPI ExAllocateTimer(_In_opt_ PEXT_CALLBACK Callback,
                                            _In_opt_ PVOID CallbackContext,
                                            _In_ ULONG Attributes);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExSetTimer(_In_ PEX_TIMER Timer, _In_ LONGLONG DueTime,
                                     _In_ LONGLONG Period,
                                     _In_opt_ PEXT_SET_PARAMETERS Parameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExCancelTimer(_Inout_ PEX_TIMER Timer,
                                        _In_opt_ PEXT_CANCEL_PARAMETERS Parameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExDeleteTimer(_In_ PEX_TIMER Timer, _In_ BOOLEAN Cancel,
                                        _In_ BOOLEAN Wait,
                                        _In_opt_ PEXT_DELETE_PARAMETERS Parameters);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI ULONG NTAPI ExSetTimerResolution(_In_ ULONG DesiredTime, _In_ BOOLEAN SetResolution);

FORCEINLINE VOID KeInitializeTimer2SetParameters(_Out_ PKT2_SET_PARAMETERS Parameters)
{
    RtlZeroMemory(Parameters, sizeof(*Parameters));
}

FORCEINLINE VOID ExInitializeSetTimerParameters(_Out_ PEXT_SET_PARAMETERS Parameters)
{
    KeInitializeTimer2SetParameters(Parameters);
}

/* ======================================================================== */
/* Semaphores, mutexes, gates, events, waits.                               */
/* ======================================================================== */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeSemaphore(_Out_ PRKSEMAPHORE Semaphore, _In_ LONG Count,
                                             _In_ LONG Limit);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateSemaphore(_In_ PRKSEMAPHORE Semaphore);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReleaseSemaphore(_Inout_ PRKSEMAPHORE Semaphore,
                                          _In_ KPRIORITY Increment, _In_ LONG Adjustment,
                                          _In_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeMutex(_Out_ PRKMUTEX Mutex, _In_ ULONG Level);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateMutex(_In_ PRKMUTEX Mutex);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReleaseMutex(_Inout_ PRKMUTEX Mutex, _In_ BOOLEAN Wait);
#define KeWaitForMutexObject KeWaitForSingleObject

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeInitializeGuardedMutex(_Out_ PKGUARDED_MUTEX GuardedMutex);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireGuardedMutex(_Inout_ PKGUARDED_MUTEX GuardedMutex);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseGuardedMutex(_Inout_ PKGUARDED_MUTEX GuardedMutex);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL KeTryToAcquireGuardedMutex(_Inout_ PKGUARDED_MUTEX GuardedMutex);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireGuardedMutexUnsafe(_Inout_ PKGUARDED_MUTEX GuardedMutex);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseGuardedMutexUnsafe(_Inout_ PKGUARDED_MUTEX GuardedMutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExAcquireFastMutexUnsafe(_Inout_ PFAST_MUTEX FastMutex);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExReleaseFastMutexUnsafe(_Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KePulseEvent(_Inout_ PRKEVENT Event, _In_ KPRIORITY Increment,
                                    _In_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeWaitForMultipleObjects(
    _In_ ULONG Count, _In_reads_(Count) PVOID Object[], _In_ WAIT_TYPE WaitType,
    _In_ KWAIT_REASON WaitReason, _In_ KPROCESSOR_MODE WaitMode, _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout, _Out_opt_ PKWAIT_BLOCK WaitBlockArray);

/* ======================================================================== */
/* Critical and guarded regions, threads.                                   */
/* ======================================================================== */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeEnterCriticalRegion(VOID);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeLeaveCriticalRegion(VOID);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeEnterGuardedRegion(VOID);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeLeaveGuardedRegion(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeAreApcsDisabled(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeAreAllApcsDisabled(VOID);

_IRQL_requires_max_(HIGH_LEVEL)
NTSYSAPI PKTHREAD NTAPI KeGetCurrentThread(VOID);
/* The current thread's ETHREAD: the WDK's inline in wdm.h (the KTHREAD is the
 * ETHREAD's first member), beside KeGetCurrentThread; any IRQL up to
 * DISPATCH_LEVEL. (Moved here from survey25's header: Apriorit's kf,
 * RecursiveSpinLock.h, and 19 survey files call it.) */
#if !defined(_PSGETCURRENTTHREAD_)
#define _PSGETCURRENTTHREAD_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE PETHREAD NTAPI PsGetCurrentThread(VOID)
{
    return (PETHREAD)KeGetCurrentThread();
}
#endif
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeDelayExecutionThread(_In_ KPROCESSOR_MODE WaitMode,
                                                  _In_ BOOLEAN Alertable,
                                                  _In_ PLARGE_INTEGER Interval);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI KPRIORITY NTAPI KeQueryPriorityThread(_In_ PRKTHREAD Thread);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI KPRIORITY NTAPI KeSetPriorityThread(_Inout_ PKTHREAD Thread,
                                                _In_ KPRIORITY Priority);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeSetBasePriorityThread(_Inout_ PRKTHREAD Thread, _In_ LONG Increment);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI ULONG NTAPI KeQueryRuntimeThread(_In_ PKTHREAD Thread, _Out_ PULONG UserTime);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI ULONG64 NTAPI KeQueryTotalCycleTimeThread(_Inout_ PKTHREAD Thread,
                                                      _Out_ PULONG64 CycleTimeStamp);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI KAFFINITY NTAPI KeQueryActiveProcessors(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI KAFFINITY NTAPI KeQueryGroupAffinity(_In_ USHORT GroupNumber);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeSetSystemAffinityThread(_In_ KAFFINITY Affinity);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI KAFFINITY NTAPI KeSetSystemAffinityThreadEx(_In_ KAFFINITY Affinity);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeRevertToUserAffinityThread(VOID);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeRevertToUserAffinityThreadEx(_In_ KAFFINITY Affinity);

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_WDM_KE_H_ */
