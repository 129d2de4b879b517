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

#ifndef STATUS_INVALID_PARAMETER_5
#define STATUS_INVALID_PARAMETER_5 ((NTSTATUS)0xC00000F3L)
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

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_EX_H_ */
