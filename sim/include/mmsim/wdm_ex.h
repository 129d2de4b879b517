/*
 * wdm_ex.h - The executive's synchronisation and allocation helpers of <wdm.h>:
 * interlocked singly linked lists (SLIST_HEADER), lookaside lists.
 * Included by <wdm.h> after its own declarations; not included directly.
 *
 * Names, types, layouts and values as the x64 WDK declares them (checked
 * against mingw-w64's ddk/wdm.h by the oracle, tests/oracle/). Behaviour:
 * docs/ex-sync.md.
 */
#ifndef MMSIM_WDM_EX_H_
#define MMSIM_WDM_EX_H_

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTL_SIZEOF_THROUGH_FIELD
#define RTL_SIZEOF_THROUGH_FIELD(type, field) \
    (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#endif

/* ---- Interlocked singly linked lists (x64 layout) ---- */
#ifndef _SLIST_HEADER_
#define _SLIST_HEADER_
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic" /* the unnamed struct (C++) */
#endif
typedef struct DECLSPEC_ALIGN(16) _SLIST_ENTRY {
    struct _SLIST_ENTRY *Next;
} SLIST_ENTRY, *PSLIST_ENTRY;

typedef struct _SLIST_ENTRY32 {
    ULONG Next;
} SLIST_ENTRY32, *PSLIST_ENTRY32;

/* HeaderX64: Depth (entries), Sequence (changes), NextEntry (the first
 * entry's address >> 4: entries are 16-byte aligned). */
typedef union DECLSPEC_ALIGN(16) _SLIST_HEADER {
    struct {
        ULONGLONG Alignment;
        ULONGLONG Region;
    } DUMMYSTRUCTNAME;
    struct {
        ULONGLONG Depth : 16;
        ULONGLONG Sequence : 9;
        ULONGLONG NextEntry : 39;
        ULONGLONG HeaderType : 1;
        ULONGLONG Init : 1;
        ULONGLONG Reserved : 59;
        ULONGLONG Region : 3;
    } Header8;
    struct {
        ULONGLONG Depth : 16;
        ULONGLONG Sequence : 48;
        ULONGLONG HeaderType : 1;
        ULONGLONG Init : 1;
        ULONGLONG Reserved : 2;
        ULONGLONG NextEntry : 60;
    } Header16;
    struct {
        ULONGLONG Depth : 16;
        ULONGLONG Sequence : 48;
        ULONGLONG HeaderType : 1;
        ULONGLONG Reserved : 3;
        ULONGLONG NextEntry : 60;
    } HeaderX64;
} SLIST_HEADER, *PSLIST_HEADER;

typedef union _SLIST_HEADER32 {
    ULONGLONG Alignment;
    struct {
        SLIST_ENTRY32 Next;
        USHORT Depth;
        USHORT Sequence;
    } DUMMYSTRUCTNAME;
} SLIST_HEADER32, *PSLIST_HEADER32;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif /* _SLIST_HEADER_ */

/* A misaligned header raises STATUS_DATATYPE_MISALIGNMENT. */
NTKERNELAPI VOID InitializeSListHead(_Out_ PSLIST_HEADER SListHead);
NTKERNELAPI USHORT ExQueryDepthSList(_In_ PSLIST_HEADER ListHead);
NTKERNELAPI PSLIST_ENTRY ExpInterlockedFlushSList(_Inout_ PSLIST_HEADER ListHead);
NTKERNELAPI PSLIST_ENTRY ExpInterlockedPopEntrySList(_Inout_ PSLIST_HEADER ListHead);
/* A misaligned entry raises STATUS_DATATYPE_MISALIGNMENT. */
NTKERNELAPI PSLIST_ENTRY ExpInterlockedPushEntrySList(_Inout_ PSLIST_HEADER ListHead,
                                                      _Inout_ __drv_aliasesMem PSLIST_ENTRY ListEntry);

#define ExInitializeSListHead InitializeSListHead
#define InterlockedPopEntrySList(Head) ExpInterlockedPopEntrySList(Head)
#define InterlockedPushEntrySList(Head, Entry) ExpInterlockedPushEntrySList(Head, Entry)
#define InterlockedFlushSList(Head) ExpInterlockedFlushSList(Head)
#define QueryDepthSList(Head) ExQueryDepthSList(Head)
#define ExInterlockedFlushSList(Head) ExpInterlockedFlushSList(Head)
#define ExInterlockedPopEntrySList(Head, Lock) ExpInterlockedPopEntrySList(Head)
#define ExInterlockedPushEntrySList(Head, Entry, Lock) ExpInterlockedPushEntrySList(Head, Entry)

/* ---- Lookaside lists ---- */
#define LOOKASIDE_ALIGN DECLSPEC_CACHEALIGN

typedef struct _LOOKASIDE_LIST_EX *PLOOKASIDE_LIST_EX;

typedef PVOID(NTAPI *PALLOCATE_FUNCTION)(_In_ POOL_TYPE PoolType, _In_ SIZE_T NumberOfBytes,
                                         _In_ ULONG Tag);
typedef PVOID(NTAPI *PALLOCATE_FUNCTION_EX)(_In_ POOL_TYPE PoolType, _In_ SIZE_T NumberOfBytes,
                                            _In_ ULONG Tag, _Inout_ PLOOKASIDE_LIST_EX Lookaside);
typedef VOID(NTAPI *PFREE_FUNCTION)(_In_ PVOID Buffer);
typedef VOID(NTAPI *PFREE_FUNCTION_EX)(_In_ PVOID Buffer, _Inout_ PLOOKASIDE_LIST_EX Lookaside);

#define GENERAL_LOOKASIDE_LAYOUT            \
    union {                                 \
        SLIST_HEADER ListHead;              \
        SINGLE_LIST_ENTRY SingleListHead;   \
    } DUMMYUNIONNAME;                       \
    USHORT Depth;                           \
    USHORT MaximumDepth;                    \
    ULONG TotalAllocates;                   \
    union {                                 \
        ULONG AllocateMisses;               \
        ULONG AllocateHits;                 \
    } DUMMYUNIONNAME2;                      \
    ULONG TotalFrees;                       \
    union {                                 \
        ULONG FreeMisses;                   \
        ULONG FreeHits;                     \
    } DUMMYUNIONNAME3;                      \
    POOL_TYPE Type;                         \
    ULONG Tag;                              \
    ULONG Size;                             \
    union {                                 \
        PALLOCATE_FUNCTION_EX AllocateEx;   \
        PALLOCATE_FUNCTION Allocate;        \
    } DUMMYUNIONNAME4;                      \
    union {                                 \
        PFREE_FUNCTION_EX FreeEx;           \
        PFREE_FUNCTION Free;                \
    } DUMMYUNIONNAME5;                      \
    LIST_ENTRY ListEntry;                   \
    ULONG LastTotalAllocates;               \
    union {                                 \
        ULONG LastAllocateMisses;           \
        ULONG LastAllocateHits;             \
    } DUMMYUNIONNAME6;                      \
    ULONG Future[2];

#ifndef DUMMYUNIONNAME2
#define DUMMYUNIONNAME2
#define DUMMYUNIONNAME3
#define DUMMYUNIONNAME4
#define DUMMYUNIONNAME5
#define DUMMYUNIONNAME6
#endif

typedef struct LOOKASIDE_ALIGN _GENERAL_LOOKASIDE {
    GENERAL_LOOKASIDE_LAYOUT
} GENERAL_LOOKASIDE, *PGENERAL_LOOKASIDE;

typedef struct _GENERAL_LOOKASIDE_POOL {
    GENERAL_LOOKASIDE_LAYOUT
} GENERAL_LOOKASIDE_POOL, *PGENERAL_LOOKASIDE_POOL;

#define LOOKASIDE_CHECK(f) \
    C_ASSERT(FIELD_OFFSET(GENERAL_LOOKASIDE, f) == FIELD_OFFSET(GENERAL_LOOKASIDE_POOL, f))
LOOKASIDE_CHECK(TotalFrees);
LOOKASIDE_CHECK(Tag);
LOOKASIDE_CHECK(Future);

typedef struct _PAGED_LOOKASIDE_LIST {
    GENERAL_LOOKASIDE L;
} PAGED_LOOKASIDE_LIST, *PPAGED_LOOKASIDE_LIST;

typedef struct LOOKASIDE_ALIGN _NPAGED_LOOKASIDE_LIST {
    GENERAL_LOOKASIDE L;
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

#define LOOKASIDE_MINIMUM_BLOCK_SIZE (RTL_SIZEOF_THROUGH_FIELD(SLIST_ENTRY, Next))

typedef struct _LOOKASIDE_LIST_EX {
    GENERAL_LOOKASIDE_POOL L;
} LOOKASIDE_LIST_EX;

#define EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL 0x00000001UL
#define EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE 0x00000002UL
#define EX_MAXIMUM_LOOKASIDE_DEPTH_BASE 256
#define EX_MAXIMUM_LOOKASIDE_DEPTH_LIMIT 1024
#define IRP_LOOKASIDE_ALLOCATION 0x08

/* Nonpaged lists: any IRQL <= DISPATCH_LEVEL; paged lists: <= APC_LEVEL
 * (Initialize/Delete: the same). */
NTKERNELAPI VOID NTAPI ExInitializeNPagedLookasideList(
    _Out_ PNPAGED_LOOKASIDE_LIST Lookaside, _In_opt_ PALLOCATE_FUNCTION Allocate,
    _In_opt_ PFREE_FUNCTION Free, _In_ ULONG Flags, _In_ SIZE_T Size, _In_ ULONG Tag,
    _In_ USHORT Depth);
NTKERNELAPI VOID NTAPI ExInitializePagedLookasideList(
    _Out_ PPAGED_LOOKASIDE_LIST Lookaside, _In_opt_ PALLOCATE_FUNCTION Allocate,
    _In_opt_ PFREE_FUNCTION Free, _In_ ULONG Flags, _In_ SIZE_T Size, _In_ ULONG Tag,
    _In_ USHORT Depth);
NTKERNELAPI VOID NTAPI ExDeleteNPagedLookasideList(_Inout_ PNPAGED_LOOKASIDE_LIST Lookaside);
NTKERNELAPI VOID NTAPI ExDeletePagedLookasideList(_Inout_ PPAGED_LOOKASIDE_LIST Lookaside);
NTKERNELAPI PVOID NTAPI ExAllocateFromNPagedLookasideList(_Inout_ PNPAGED_LOOKASIDE_LIST Lookaside);
NTKERNELAPI VOID NTAPI ExFreeToNPagedLookasideList(_Inout_ PNPAGED_LOOKASIDE_LIST Lookaside,
                                                   _In_ __drv_freesMem(Mem) PVOID Entry);
NTKERNELAPI PVOID NTAPI ExAllocateFromPagedLookasideList(_Inout_ PPAGED_LOOKASIDE_LIST Lookaside);
NTKERNELAPI VOID NTAPI ExFreeToPagedLookasideList(_Inout_ PPAGED_LOOKASIDE_LIST Lookaside,
                                                  _In_ __drv_freesMem(Mem) PVOID Entry);

NTKERNELAPI NTSTATUS NTAPI ExInitializeLookasideListEx(
    _Out_ PLOOKASIDE_LIST_EX Lookaside, _In_opt_ PALLOCATE_FUNCTION_EX Allocate,
    _In_opt_ PFREE_FUNCTION_EX Free, _In_ POOL_TYPE PoolType, _In_ ULONG Flags, _In_ SIZE_T Size,
    _In_ ULONG Tag, _In_ USHORT Depth);
NTKERNELAPI VOID NTAPI ExDeleteLookasideListEx(_Inout_ PLOOKASIDE_LIST_EX Lookaside);
NTKERNELAPI VOID NTAPI ExFlushLookasideListEx(_Inout_ PLOOKASIDE_LIST_EX Lookaside);
NTKERNELAPI PVOID NTAPI ExAllocateFromLookasideListEx(_Inout_ PLOOKASIDE_LIST_EX Lookaside);
NTKERNELAPI VOID NTAPI ExFreeToLookasideListEx(_Inout_ PLOOKASIDE_LIST_EX Lookaside,
                                               _In_ __drv_freesMem(Entry) PVOID Entry);


/* ---- Executive resources (ERESOURCE) ---- */
/* ERESOURCE names the semaphore by pointer only (the dispatcher's type; a
 * header that defines KSEMAPHORE repeats this typedef harmlessly). */
typedef struct _KSEMAPHORE *PKSEMAPHORE;

typedef ULONG_PTR ERESOURCE_THREAD, *PERESOURCE_THREAD;

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic" /* the unnamed struct (C++) */
#endif
typedef struct _OWNER_ENTRY {
    ERESOURCE_THREAD OwnerThread;
    union {
        struct {
            ULONG IoPriorityBoosted : 1;
            ULONG OwnerReferenced : 1;
            ULONG OwnerCount : 30;
        } DUMMYSTRUCTNAME;
        ULONG TableSize;
    } DUMMYUNIONNAME;
} OWNER_ENTRY, *POWNER_ENTRY;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* Opaque to drivers (they use the Ex*Resource* routines only); the WDK's x64
 * layout. mmsim keeps the owners in Reserved2's host-side table. */
typedef struct _ERESOURCE {
    LIST_ENTRY SystemResourcesList;
    POWNER_ENTRY OwnerTable;
    SHORT ActiveCount;
    USHORT Flag;
    volatile PKSEMAPHORE SharedWaiters;
    volatile PKEVENT ExclusiveWaiters;
    OWNER_ENTRY OwnerEntry;
    ULONG ActiveEntries;
    ULONG ContentionCount;
    ULONG NumberOfSharedWaiters;
    ULONG NumberOfExclusiveWaiters;
    PVOID Reserved2;
    union {
        PVOID Address;
        ULONG_PTR CreatorBackTraceIndex;
    } DUMMYUNIONNAME;
    KSPIN_LOCK SpinLock;
} ERESOURCE, *PERESOURCE;

#define ResourceNeverExclusive 0x0010
#define ResourceReleaseByOtherThread 0x0020
#define ResourceOwnedExclusive 0x0080
#define RESOURCE_HASH_TABLE_SIZE 64

typedef struct _RESOURCE_HASH_ENTRY {
    LIST_ENTRY ListEntry;
    PVOID Address;
    ULONG ContentionCount;
    ULONG Number;
} RESOURCE_HASH_ENTRY, *PRESOURCE_HASH_ENTRY;

typedef struct _RESOURCE_PERFORMANCE_DATA {
    ULONG ActiveResourceCount;
    ULONG TotalResourceCount;
    ULONG ExclusiveAcquire;
    ULONG SharedFirstLevel;
    ULONG SharedSecondLevel;
    ULONG StarveFirstLevel;
    ULONG StarveSecondLevel;
    ULONG WaitForExclusive;
    ULONG OwnerTableExpands;
    ULONG MaximumTableExpand;
    LIST_ENTRY HashTable[RESOURCE_HASH_TABLE_SIZE];
} RESOURCE_PERFORMANCE_DATA, *PRESOURCE_PERFORMANCE_DATA;

#define FLAG_OWNER_POINTER_IS_THREAD 0x1

/* Acquisition needs normal kernel APCs disabled (a critical region, or
 * IRQL APC_LEVEL) and IRQL <= APC_LEVEL; docs/ex-sync.md. */
NTKERNELAPI NTSTATUS NTAPI ExInitializeResourceLite(_Out_ PERESOURCE Resource);
NTKERNELAPI NTSTATUS NTAPI ExReinitializeResourceLite(_Inout_ PERESOURCE Resource);
NTKERNELAPI NTSTATUS NTAPI ExDeleteResourceLite(_Inout_ PERESOURCE Resource);
NTKERNELAPI BOOLEAN NTAPI ExAcquireResourceExclusiveLite(_Inout_ PERESOURCE Resource,
                                                         _In_ BOOLEAN Wait);
NTKERNELAPI BOOLEAN NTAPI ExAcquireResourceSharedLite(_Inout_ PERESOURCE Resource,
                                                      _In_ BOOLEAN Wait);
NTKERNELAPI BOOLEAN NTAPI ExAcquireSharedStarveExclusive(_Inout_ PERESOURCE Resource,
                                                         _In_ BOOLEAN Wait);
NTKERNELAPI BOOLEAN NTAPI ExAcquireSharedWaitForExclusive(_Inout_ PERESOURCE Resource,
                                                          _In_ BOOLEAN Wait);
NTKERNELAPI VOID FASTCALL ExReleaseResourceLite(_Inout_ PERESOURCE Resource);
NTKERNELAPI VOID NTAPI ExReleaseResourceForThreadLite(_Inout_ PERESOURCE Resource,
                                                      _In_ ERESOURCE_THREAD ResourceThreadId);
NTKERNELAPI VOID NTAPI ExConvertExclusiveToSharedLite(_Inout_ PERESOURCE Resource);
NTKERNELAPI BOOLEAN NTAPI ExIsResourceAcquiredExclusiveLite(_In_ PERESOURCE Resource);
NTKERNELAPI ULONG NTAPI ExIsResourceAcquiredSharedLite(_In_ PERESOURCE Resource);
NTKERNELAPI ULONG NTAPI ExGetExclusiveWaiterCount(_In_ PERESOURCE Resource);
NTKERNELAPI ULONG NTAPI ExGetSharedWaiterCount(_In_ PERESOURCE Resource);
NTKERNELAPI VOID NTAPI ExSetResourceOwnerPointer(_Inout_ PERESOURCE Resource,
                                                 _In_ PVOID OwnerPointer);
NTKERNELAPI VOID NTAPI ExSetResourceOwnerPointerEx(_Inout_ PERESOURCE Resource,
                                                   _In_ PVOID OwnerPointer, _In_ ULONG Flags);
/* Enter a critical region, then acquire (the returned pointer is the
 * calling thread's owner identity); release, then leave it. */
NTKERNELAPI PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceShared(_Inout_ PERESOURCE Resource);
NTKERNELAPI PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceExclusive(
    _Inout_ PERESOURCE Resource);
NTKERNELAPI PVOID NTAPI ExEnterCriticalRegionAndAcquireSharedWaitForExclusive(
    _Inout_ PERESOURCE Resource);
NTKERNELAPI VOID FASTCALL ExReleaseResourceAndLeaveCriticalRegion(_Inout_ PERESOURCE Resource);

#define ExReleaseResource(R) (ExReleaseResourceLite(R))
#define ExIsResourceAcquiredLite ExIsResourceAcquiredSharedLite
/* ntddk.h's old names */
#define ExAcquireResourceExclusive ExAcquireResourceExclusiveLite
#define ExAcquireResourceShared ExAcquireResourceSharedLite
#define ExConvertExclusiveToShared ExConvertExclusiveToSharedLite
#define ExDeleteResource ExDeleteResourceLite
#define ExInitializeResource ExInitializeResourceLite
#define ExIsResourceAcquiredExclusive ExIsResourceAcquiredExclusiveLite
#define ExIsResourceAcquiredShared ExIsResourceAcquiredSharedLite
#define ExIsResourceAcquired ExIsResourceAcquiredSharedLite
#define ExReleaseResourceForThread ExReleaseResourceForThreadLite


/* ---- Rundown protection ---- */
#define EX_RUNDOWN_ACTIVE 0x1
#define EX_RUNDOWN_COUNT_SHIFT 0x1
#define EX_RUNDOWN_COUNT_INC (1 << EX_RUNDOWN_COUNT_SHIFT)

typedef struct _EX_RUNDOWN_REF {
    union {
        volatile ULONG_PTR Count;
        volatile PVOID Ptr;
    } DUMMYUNIONNAME;
} EX_RUNDOWN_REF, *PEX_RUNDOWN_REF;

typedef struct _EX_RUNDOWN_REF_CACHE_AWARE *PEX_RUNDOWN_REF_CACHE_AWARE;

NTKERNELAPI VOID FASTCALL ExInitializeRundownProtection(_Out_ PEX_RUNDOWN_REF RunRef);
NTKERNELAPI VOID FASTCALL ExReInitializeRundownProtection(_Inout_ PEX_RUNDOWN_REF RunRef);
NTKERNELAPI BOOLEAN FASTCALL ExAcquireRundownProtection(_Inout_ PEX_RUNDOWN_REF RunRef);
NTKERNELAPI BOOLEAN FASTCALL ExAcquireRundownProtectionEx(_Inout_ PEX_RUNDOWN_REF RunRef,
                                                          _In_ ULONG Count);
NTKERNELAPI VOID FASTCALL ExReleaseRundownProtection(_Inout_ PEX_RUNDOWN_REF RunRef);
NTKERNELAPI VOID FASTCALL ExReleaseRundownProtectionEx(_Inout_ PEX_RUNDOWN_REF RunRef,
                                                       _In_ ULONG Count);
NTKERNELAPI VOID FASTCALL ExWaitForRundownProtectionRelease(_Inout_ PEX_RUNDOWN_REF RunRef);
NTKERNELAPI VOID FASTCALL ExRundownCompleted(_Out_ PEX_RUNDOWN_REF RunRef);

NTKERNELAPI PEX_RUNDOWN_REF_CACHE_AWARE NTAPI ExAllocateCacheAwareRundownProtection(
    _In_ POOL_TYPE PoolType, _In_ ULONG PoolTag);
NTKERNELAPI SIZE_T NTAPI ExSizeOfRundownProtectionCacheAware(VOID);
NTKERNELAPI VOID NTAPI ExInitializeRundownProtectionCacheAware(
    _Out_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware, _In_ SIZE_T RunRefSize);
NTKERNELAPI VOID NTAPI ExFreeCacheAwareRundownProtection(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
NTKERNELAPI BOOLEAN FASTCALL ExAcquireRundownProtectionCacheAware(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
NTKERNELAPI VOID FASTCALL ExReleaseRundownProtectionCacheAware(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
NTKERNELAPI BOOLEAN FASTCALL ExAcquireRundownProtectionCacheAwareEx(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware, _In_ ULONG Count);
NTKERNELAPI VOID FASTCALL ExReleaseRundownProtectionCacheAwareEx(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRef, _In_ ULONG Count);
NTKERNELAPI VOID FASTCALL ExWaitForRundownProtectionReleaseCacheAware(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRef);
NTKERNELAPI VOID FASTCALL ExReInitializeRundownProtectionCacheAware(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
NTKERNELAPI VOID FASTCALL ExRundownCompletedCacheAware(
    _Inout_ PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);

/* ---- Spin-lock-guarded list and counter routines (any IRQL) ---- */
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedInsertHeadList(_Inout_ PLIST_ENTRY ListHead,
                                                             _Inout_ PLIST_ENTRY ListEntry,
                                                             _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedInsertTailList(_Inout_ PLIST_ENTRY ListHead,
                                                             _Inout_ PLIST_ENTRY ListEntry,
                                                             _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedRemoveHeadList(_Inout_ PLIST_ENTRY ListHead,
                                                             _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPopEntryList(
    _Inout_ PSINGLE_LIST_ENTRY ListHead, _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPushEntryList(
    _Inout_ PSINGLE_LIST_ENTRY ListHead, _Inout_ PSINGLE_LIST_ENTRY ListEntry,
    _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI ULONG FASTCALL ExInterlockedAddUlong(_Inout_ PULONG Addend, _In_ ULONG Increment,
                                                 _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI LARGE_INTEGER NTAPI ExInterlockedAddLargeInteger(_Inout_ PLARGE_INTEGER Addend,
                                                             _In_ LARGE_INTEGER Increment,
                                                             _Inout_ PKSPIN_LOCK Lock);

#ifndef RESULT_ZERO
#define RESULT_ZERO 0
#define RESULT_NEGATIVE 1
#define RESULT_POSITIVE 2
#endif
typedef enum _INTERLOCKED_RESULT {
    ResultNegative = RESULT_NEGATIVE,
    ResultZero = RESULT_ZERO,
    ResultPositive = RESULT_POSITIVE
} INTERLOCKED_RESULT;

/* x64: one interlocked instruction; the lock is not used. */
static __inline INTERLOCKED_RESULT MmsimInterlockedResult(LONG Value)
{
    return Value < 0 ? ResultNegative : (Value == 0 ? ResultZero : ResultPositive);
}
#define ExInterlockedIncrementLong(Addend, Lock) \
    ((void)(Lock), MmsimInterlockedResult(InterlockedIncrement((LONG volatile *)(Addend))))
#define ExInterlockedDecrementLong(Addend, Lock) \
    ((void)(Lock), MmsimInterlockedResult(InterlockedDecrement((LONG volatile *)(Addend))))
#define ExInterlockedExchangeUlong(Target, Value, Lock) \
    ((void)(Lock), (ULONG)InterlockedExchange((LONG volatile *)(Target), (LONG)(Value)))
#define ExInterlockedAddLargeStatistic(Addend, Increment) \
    (VOID) InterlockedAdd64(&(Addend)->QuadPart, Increment)
#define ExInterlockedCompareExchange64(Destination, Exchange, Comperand, Lock) \
    ((void)(Lock), InterlockedCompareExchange64(Destination, *(Exchange), *(Comperand)))
#define ExAcquireSpinLock(Lock, OldIrql) KeAcquireSpinLock((Lock), (OldIrql))
#define ExReleaseSpinLock(Lock, OldIrql) KeReleaseSpinLock((Lock), (OldIrql))


/* ---- Executive callback objects ---- */
typedef struct _CALLBACK_OBJECT *PCALLBACK_OBJECT;
typedef VOID(NTAPI CALLBACK_FUNCTION)(_In_opt_ PVOID CallbackContext, _In_opt_ PVOID Argument1,
                                      _In_opt_ PVOID Argument2);
typedef CALLBACK_FUNCTION *PCALLBACK_FUNCTION;

/* The object manager's OBJECT_ATTRIBUTES (ntdef.h), for the callback names. */
#ifndef InitializeObjectAttributes
#define OBJ_INHERIT 0x00000002L
#define OBJ_PERMANENT 0x00000010L
#define OBJ_EXCLUSIVE 0x00000020L
#define OBJ_CASE_INSENSITIVE 0x00000040L
#define OBJ_OPENIF 0x00000080L
#define OBJ_OPENLINK 0x00000100L
#define OBJ_KERNEL_HANDLE 0x00000200L
#define OBJ_FORCE_ACCESS_CHECK 0x00000400L
#define OBJ_VALID_ATTRIBUTES 0x000007F2L
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length;
    HANDLE RootDirectory;
    PUNICODE_STRING ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
typedef CONST OBJECT_ATTRIBUTES *PCOBJECT_ATTRIBUTES;
#define InitializeObjectAttributes(p, n, a, r, s) \
    do {                                          \
        (p)->Length = sizeof(OBJECT_ATTRIBUTES);  \
        (p)->RootDirectory = (r);                 \
        (p)->Attributes = (a);                    \
        (p)->ObjectName = (n);                    \
        (p)->SecurityDescriptor = (s);            \
        (p)->SecurityQualityOfService = NULL;     \
    } while (0)
#endif

/* Names are case-insensitive; the system's \Callback\SetSystemTime,
 * \Callback\PowerState and \Callback\ProcessorAdd exist (and never fire). */
NTKERNELAPI NTSTATUS NTAPI ExCreateCallback(_Out_ PCALLBACK_OBJECT *CallbackObject,
                                            _In_ POBJECT_ATTRIBUTES ObjectAttributes,
                                            _In_ BOOLEAN Create, _In_ BOOLEAN AllowMultipleCallbacks);
NTKERNELAPI PVOID NTAPI ExRegisterCallback(_Inout_ PCALLBACK_OBJECT CallbackObject,
                                           _In_ PCALLBACK_FUNCTION CallbackFunction,
                                           _In_opt_ PVOID CallbackContext);
NTKERNELAPI VOID NTAPI ExUnregisterCallback(_Inout_ PVOID CbRegistration);
NTKERNELAPI VOID NTAPI ExNotifyCallback(_In_ PCALLBACK_OBJECT CallbackObject, _In_opt_ PVOID Argument1,
                                        _In_opt_ PVOID Argument2);

/* ---- One-time initialisation (RTL_RUN_ONCE) ---- */
#ifndef _RTL_RUN_ONCE_DEF
#define _RTL_RUN_ONCE_DEF
#define RTL_RUN_ONCE_INIT {0}
#define RTL_RUN_ONCE_CHECK_ONLY 0x00000001UL
#define RTL_RUN_ONCE_ASYNC 0x00000002UL
#define RTL_RUN_ONCE_INIT_FAILED 0x00000004UL
#define RTL_RUN_ONCE_CTX_RESERVED_BITS 2
typedef union _RTL_RUN_ONCE {
    PVOID Ptr;
} RTL_RUN_ONCE, *PRTL_RUN_ONCE;
typedef ULONG /* LOGICAL */ (NTAPI *PRTL_RUN_ONCE_INIT_FN)(_Inout_ PRTL_RUN_ONCE RunOnce,
                                                           _Inout_opt_ PVOID Parameter,
                                                           _Inout_opt_ PVOID *Context);
#endif
NTSYSAPI VOID NTAPI RtlRunOnceInitialize(_Out_ PRTL_RUN_ONCE RunOnce);
NTSYSAPI NTSTATUS NTAPI RtlRunOnceExecuteOnce(_Inout_ PRTL_RUN_ONCE RunOnce,
                                              _In_ PRTL_RUN_ONCE_INIT_FN InitFn,
                                              _Inout_opt_ PVOID Parameter,
                                              _Out_opt_ PVOID *Context);
NTSYSAPI NTSTATUS NTAPI RtlRunOnceBeginInitialize(_Inout_ PRTL_RUN_ONCE RunOnce, _In_ ULONG Flags,
                                                  _Out_opt_ PVOID *Context);
NTSYSAPI NTSTATUS NTAPI RtlRunOnceComplete(_Inout_ PRTL_RUN_ONCE RunOnce, _In_ ULONG Flags,
                                           _In_opt_ PVOID Context);

/* ---- Further executive routines ---- */
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID;
#endif
#ifndef UUID_DEFINED
#define UUID_DEFINED
typedef GUID UUID;
#endif
#define POOL_TAGGING 1
#define PROTECTED_POOL 0x80000000
typedef struct _WHEA_ERROR_SOURCE_DESCRIPTOR *PWHEA_ERROR_SOURCE_DESCRIPTOR;
typedef struct _WHEA_ERROR_RECORD *PWHEA_ERROR_RECORD;

NTKERNELAPI KPROCESSOR_MODE NTAPI ExGetPreviousMode(VOID);
NTKERNELAPI NTSTATUS NTAPI ExUuidCreate(_Out_ UUID *Uuid);
NTKERNELAPI VOID NTAPI ExLocalTimeToSystemTime(_In_ PLARGE_INTEGER LocalTime,
                                               _Out_ PLARGE_INTEGER SystemTime);
NTKERNELAPI VOID NTAPI ExSystemTimeToLocalTime(_In_ PLARGE_INTEGER SystemTime,
                                               _Out_ PLARGE_INTEGER LocalTime);
DECLSPEC_NORETURN NTKERNELAPI VOID NTAPI ExRaiseAccessViolation(VOID);
DECLSPEC_NORETURN NTKERNELAPI VOID NTAPI ExRaiseDatatypeMisalignment(VOID);
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithQuota(_In_ POOL_TYPE PoolType,
                                                _In_ SIZE_T NumberOfBytes);
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithQuotaTag(_In_ POOL_TYPE PoolType,
                                                   _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag);

/* ---- Verifier queries ---- */
#ifndef DRIVER_VERIFIER_SPECIAL_POOLING
#define DRIVER_VERIFIER_SPECIAL_POOLING 0x0001
#define DRIVER_VERIFIER_FORCE_IRQL_CHECKING 0x0002
#define DRIVER_VERIFIER_INJECT_ALLOCATION_FAILURES 0x0004
#define DRIVER_VERIFIER_TRACK_POOL_ALLOCATIONS 0x0008
#define DRIVER_VERIFIER_IO_CHECKING 0x0010
#endif
NTKERNELAPI LOGICAL NTAPI MmIsDriverVerifying(_In_ struct _DRIVER_OBJECT *DriverObject);
NTKERNELAPI LOGICAL NTAPI MmIsDriverVerifyingByAddress(_In_ PVOID AddressWithinSection);
NTKERNELAPI NTSTATUS NTAPI MmIsVerifierEnabled(_Out_ PULONG VerifierFlags);
NTKERNELAPI NTSTATUS NTAPI MmAddVerifierThunks(_In_reads_bytes_(ThunkBufferSize) PVOID ThunkBuffer,
                                               _In_ ULONG ThunkBufferSize);


/* ---- The Ex forms of I/O work items (sim/ex/work.c) ---- */
typedef VOID(NTAPI IO_WORKITEM_ROUTINE_EX)(_In_ PVOID IoObject, _In_opt_ PVOID Context,
                                           _In_ PIO_WORKITEM IoWorkItem);
typedef IO_WORKITEM_ROUTINE_EX *PIO_WORKITEM_ROUTINE_EX;
ULONG NTAPI IoSizeofWorkItem(VOID);
VOID NTAPI IoInitializeWorkItem(_In_ PVOID IoObject, _Out_ PIO_WORKITEM IoWorkItem);
VOID NTAPI IoUninitializeWorkItem(_Inout_ PIO_WORKITEM IoWorkItem);
VOID NTAPI IoQueueWorkItemEx(_Inout_ PIO_WORKITEM IoWorkItem,
                             _In_ PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
                             _In_ WORK_QUEUE_TYPE QueueType, _In_opt_ PVOID Context);

/* ---- Reader/writer spin locks (wdm.h, Windows Vista SP1+; sim/ex/exspin.c) ----
 * survey25. A 32-bit lock the driver zeroes, in non-paged memory; shared holders
 * run together, an exclusive holder alone. The raising forms go to DISPATCH_LEVEL
 * from <= DISPATCH_LEVEL and return the old IRQL; the AtDpcLevel/FromDpcLevel
 * forms and the conversion need >= DISPATCH_LEVEL and leave it as it is.
 * Recursive acquisition is not allowed (Windows deadlocks). */
typedef volatile LONG EX_SPIN_LOCK, *PEX_SPIN_LOCK;

_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL NTAPI ExAcquireSpinLockShared(_Inout_ PEX_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseSpinLockShared(_Inout_ PEX_SPIN_LOCK SpinLock,
                                               _In_ _IRQL_restores_ KIRQL OldIrql);
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL NTAPI ExAcquireSpinLockExclusive(_Inout_ PEX_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseSpinLockExclusive(_Inout_ PEX_SPIN_LOCK SpinLock,
                                                  _In_ _IRQL_restores_ KIRQL OldIrql);
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExAcquireSpinLockSharedAtDpcLevel(_Inout_ PEX_SPIN_LOCK SpinLock);
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseSpinLockSharedFromDpcLevel(_Inout_ PEX_SPIN_LOCK SpinLock);
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExAcquireSpinLockExclusiveAtDpcLevel(_Inout_ PEX_SPIN_LOCK SpinLock);
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseSpinLockExclusiveFromDpcLevel(_Inout_ PEX_SPIN_LOCK SpinLock);
/* TRUE (and the caller now holds it exclusively) if the caller was its only shared holder. */
_IRQL_requires_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI LOGICAL NTAPI ExTryConvertSharedSpinLockExclusive(_Inout_ PEX_SPIN_LOCK SpinLock);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_EX_H_ */
