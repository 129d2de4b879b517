/*
 * wdm_rtl.h - the run-time library beyond memory copies: counted strings and
 * their conversions, bitmaps, the OS version, time fields, GUIDs, LUIDs, stack
 * walks and Rtl assertions. Included by <wdm.h> after its own declarations;
 * not included directly.
 *
 * Names, types and values as the WDK declares them (checked against mingw-w64's
 * ddk/wdm.h and ddk/ntddk.h by the oracle, tests/oracle/). Behaviour:
 * docs/wdk-surface.md, "Run-time library (Rtl)". The ntddk.h-only names (the
 * version structures, bitmaps, time fields, RtlCopyString & co.) are visible
 * from <wdm.h> too: a superset, never a different declaration.
 *
 * WCHAR is the host's wchar_t (wdm.h), so L"..." literals initialise
 * UNICODE_STRINGs unchanged; every Length and MaximumLength counts bytes, that
 * is characters * sizeof(WCHAR), as in the WDK.
 */
#ifndef MMSIM_WDM_RTL_H_
#define MMSIM_WDM_RTL_H_

/* MSVC dialect in driver files, outside mmsim's own sources (which keep every
 * warning): MSVC accepts an inline replacement operator new or delete with
 * warning C4595, clang errs (-Winline-new-delete). (MSVC's pragmas:
 * mmsim/wdm_more.h.) */
#if !defined(MMSIM_BUILDING_SIM) && defined(__clang__) && defined(__cplusplus)
#pragma clang diagnostic ignored "-Winline-new-delete"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* SAL annotations these prototypes use (no-ops, as sal.h's others). */
#ifndef _Out_writes_to_
#define _Out_writes_to_(size, count)
#endif
#ifndef _Out_writes_bytes_to_
#define _Out_writes_bytes_to_(size, count)
#endif

/* ---- Characters and string limits (ntdef.h) ---- */
typedef const CHAR *PCCH;
#ifndef UNICODE_NULL
#define UNICODE_NULL ((WCHAR)0)
#endif
#ifndef ANSI_NULL
#define ANSI_NULL ((CHAR)0)
#endif
#ifndef UNICODE_STRING_MAX_BYTES
#define UNICODE_STRING_MAX_BYTES ((USHORT)65534)
#define UNICODE_STRING_MAX_CHARS (32767)
#endif

/* DECLARE_CONST_UNICODE_STRING / DECLARE_UNICODE_STRING_SIZE (wdm.h): a named
 * UNICODE_STRING over a literal or over a local buffer of Size characters. */
#ifndef DECLARE_CONST_UNICODE_STRING
#define DECLARE_CONST_UNICODE_STRING(_var, _string)                                      \
    const WCHAR _var##_buffer[] = _string;                                               \
    const UNICODE_STRING _var = {sizeof(_string) - sizeof(WCHAR), sizeof(_string),       \
                                 (PWCH)_var##_buffer}
#define DECLARE_UNICODE_STRING_SIZE(_var, _size)                                         \
    WCHAR _var##_buffer[_size];                                                          \
    UNICODE_STRING _var = {0, (_size) * sizeof(WCHAR), _var##_buffer}
#endif

/* ---- Counted strings (wdm.h, ntddk.h) ---- */
/* FALSE: mmsim's ANSI and OEM code pages are single-byte (docs). */
extern BOOLEAN NTSYSAPI NlsMbCodePageTag;
extern BOOLEAN NTSYSAPI NlsMbOemCodePageTag;
#define NLS_MB_CODE_PAGE_TAG NlsMbCodePageTag
#define NLS_MB_OEM_CODE_PAGE_TAG NlsMbOemCodePageTag

#define HASH_STRING_ALGORITHM_DEFAULT 0
#define HASH_STRING_ALGORITHM_X65599 1
#define HASH_STRING_ALGORITHM_INVALID 0xffffffff

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlInitAnsiString(_Out_ PANSI_STRING DestinationString,
                                      _In_opt_z_ PCSZ SourceString);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlInitString(_Out_ PSTRING DestinationString, _In_opt_z_ PCSZ SourceString);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlInitUnicodeStringEx(_Out_ PUNICODE_STRING DestinationString,
                                               _In_opt_z_ PCWSTR SourceString);

FORCEINLINE VOID RtlInitEmptyAnsiString(_Out_ PANSI_STRING AnsiString, _In_ PCHAR Buffer,
                                        _In_ USHORT BufferSize)
{
    AnsiString->Length = 0;
    AnsiString->MaximumLength = BufferSize;
    AnsiString->Buffer = Buffer;
}
FORCEINLINE VOID RtlInitEmptyUnicodeString(_Out_ PUNICODE_STRING UnicodeString,
                                           _In_ PWSTR Buffer, _In_ USHORT BufferSize)
{
    UnicodeString->Length = 0;
    UnicodeString->MaximumLength = BufferSize;
    UnicodeString->Buffer = Buffer;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlCopyUnicodeString(_Inout_ PUNICODE_STRING DestinationString,
                                         _In_opt_ PCUNICODE_STRING SourceString);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlCopyString(_Out_ PSTRING DestinationString,
                                  _In_opt_ const PSTRING SourceString);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeStringToString(_Inout_ PUNICODE_STRING Destination,
                                                       _In_ PCUNICODE_STRING Source);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeToString(_Inout_ PUNICODE_STRING Destination,
                                                 _In_opt_z_ PCWSTR Source);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI LONG NTAPI RtlCompareUnicodeString(_In_ PCUNICODE_STRING String1,
                                            _In_ PCUNICODE_STRING String2,
                                            _In_ BOOLEAN CaseInSensitive);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI LONG NTAPI RtlCompareUnicodeStrings(_In_reads_(String1Length) PCWCH String1,
                                             _In_ SIZE_T String1Length,
                                             _In_reads_(String2Length) PCWCH String2,
                                             _In_ SIZE_T String2Length,
                                             _In_ BOOLEAN CaseInSensitive);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI BOOLEAN NTAPI RtlEqualUnicodeString(_In_ CONST UNICODE_STRING *String1,
                                             _In_ CONST UNICODE_STRING *String2,
                                             _In_ BOOLEAN CaseInSensitive);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI BOOLEAN NTAPI RtlPrefixUnicodeString(_In_ PCUNICODE_STRING String1,
                                              _In_ PCUNICODE_STRING String2,
                                              _In_ BOOLEAN CaseInSensitive);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI LONG NTAPI RtlCompareString(_In_ const PSTRING String1, _In_ const PSTRING String2,
                                     _In_ BOOLEAN CaseInSensitive);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI BOOLEAN NTAPI RtlEqualString(_In_ const PSTRING String1, _In_ const PSTRING String2,
                                      _In_ BOOLEAN CaseInSensitive);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUpcaseUnicodeString(_Inout_ PUNICODE_STRING DestinationString,
                                               _In_ PCUNICODE_STRING SourceString,
                                               _In_ BOOLEAN AllocateDestinationString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlDowncaseUnicodeString(_Inout_ PUNICODE_STRING DestinationString,
                                                 _In_ PCUNICODE_STRING SourceString,
                                                 _In_ BOOLEAN AllocateDestinationString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI WCHAR NTAPI RtlUpcaseUnicodeChar(_In_ WCHAR SourceCharacter);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI WCHAR NTAPI RtlDowncaseUnicodeChar(_In_ WCHAR SourceCharacter);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI VOID NTAPI RtlUpperString(_Inout_ PSTRING DestinationString,
                                   _In_ const PSTRING SourceString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI CHAR NTAPI RtlUpperChar(_In_ CHAR Character);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(_Inout_ PUNICODE_STRING DestinationString,
                                                     _In_ PANSI_STRING SourceString,
                                                     _In_ BOOLEAN AllocateDestinationString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(_Inout_ PANSI_STRING DestinationString,
                                                     _In_ PCUNICODE_STRING SourceString,
                                                     _In_ BOOLEAN AllocateDestinationString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI VOID NTAPI RtlFreeUnicodeString(_Inout_ PUNICODE_STRING UnicodeString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI VOID NTAPI RtlFreeAnsiString(_Inout_ PANSI_STRING AnsiString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI ULONG NTAPI RtlxAnsiStringToUnicodeSize(_In_ PCANSI_STRING AnsiString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI ULONG NTAPI RtlxUnicodeStringToAnsiSize(_In_ PCUNICODE_STRING UnicodeString);
#define RtlAnsiStringToUnicodeSize(String)                                               \
    (NLS_MB_CODE_PAGE_TAG ? RtlxAnsiStringToUnicodeSize(String)                          \
                          : ((String)->Length + sizeof(ANSI_NULL)) * sizeof(WCHAR))
#define RtlUnicodeStringToAnsiSize(String)                                               \
    (NLS_MB_CODE_PAGE_TAG ? RtlxUnicodeStringToAnsiSize(String)                          \
                          : ((String)->Length + sizeof(UNICODE_NULL)) / sizeof(WCHAR))

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlIntegerToUnicodeString(_In_ ULONG Value, _In_opt_ ULONG Base,
                                                  _Inout_ PUNICODE_STRING String);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlInt64ToUnicodeString(_In_ ULONGLONG Value, _In_opt_ ULONG Base,
                                                _Inout_ PUNICODE_STRING String);
#define RtlIntPtrToUnicodeString(Value, Base, String)                                    \
    RtlInt64ToUnicodeString(Value, Base, String)
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToInteger(_In_ PCUNICODE_STRING String,
                                                  _In_opt_ ULONG Base, _Out_ PULONG Value);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlCharToInteger(_In_z_ PCSZ String, _In_opt_ ULONG Base,
                                         _Out_ PULONG Value);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlHashUnicodeString(_In_ CONST UNICODE_STRING *String,
                                             _In_ BOOLEAN CaseInSensitive,
                                             _In_ ULONG HashAlgorithm, _Out_ PULONG HashValue);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUnicodeToUTF8N(_Out_writes_bytes_to_(UTF8StringMaxByteCount, *UTF8StringActualByteCount) PCHAR UTF8StringDestination,
                                          _In_ ULONG UTF8StringMaxByteCount,
                                          _Out_ PULONG UTF8StringActualByteCount,
                                          _In_reads_bytes_(UnicodeStringByteCount) PCWCH UnicodeStringSource,
                                          _In_ ULONG UnicodeStringByteCount);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUTF8ToUnicodeN(_Out_writes_bytes_to_(UnicodeStringMaxByteCount, *UnicodeStringActualByteCount) PWSTR UnicodeStringDestination,
                                          _In_ ULONG UnicodeStringMaxByteCount,
                                          _Out_ PULONG UnicodeStringActualByteCount,
                                          _In_reads_bytes_(UTF8StringByteCount) PCCH UTF8StringSource,
                                          _In_ ULONG UTF8StringByteCount);

/* ---- GUIDs (guiddef.h; RtlStringFromGUID and RtlGUIDFromString in wdm.h) ---- */
#include "guiddef.h" /* mmsim/guiddef.h: GUID, LPGUID, LPCGUID, DEFINE_GUID */
#ifndef _REFGUID_DEFINED
#define _REFGUID_DEFINED
#ifdef __cplusplus
#define REFGUID const GUID &
#else
#define REFGUID const GUID *__MIDL_CONST
#endif
#endif
#ifndef __MIDL_CONST
#define __MIDL_CONST const
#endif
#ifndef IsEqualGUID
#ifdef __cplusplus
#define IsEqualGUID(rguid1, rguid2) (!memcmp(&(rguid1), &(rguid2), sizeof(GUID)))
#else
#define IsEqualGUID(rguid1, rguid2) (!memcmp((rguid1), (rguid2), sizeof(GUID)))
#endif
#endif

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlStringFromGUID(_In_ REFGUID Guid, _Out_ PUNICODE_STRING GuidString);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlGUIDFromString(_In_ PUNICODE_STRING GuidString, _Out_ GUID *Guid);

/* ---- Bitmaps (ntddk.h/wdm.h) ---- */
typedef struct _RTL_BITMAP {
    ULONG SizeOfBitMap; /* bits */
    PULONG Buffer;      /* ULONG-aligned */
} RTL_BITMAP, *PRTL_BITMAP;

typedef struct _RTL_BITMAP_RUN {
    ULONG StartingIndex;
    ULONG NumberOfBits;
} RTL_BITMAP_RUN, *PRTL_BITMAP_RUN;

NTSYSAPI VOID NTAPI RtlInitializeBitMap(_Out_ PRTL_BITMAP BitMapHeader,
                                        _In_opt_ PULONG BitMapBuffer,
                                        _In_opt_ ULONG SizeOfBitMap);
NTSYSAPI VOID NTAPI RtlClearAllBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI VOID NTAPI RtlSetAllBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI VOID NTAPI RtlClearBit(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG BitNumber);
NTSYSAPI VOID NTAPI RtlSetBit(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG BitNumber);
NTSYSAPI BOOLEAN NTAPI RtlTestBit(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG BitNumber);
NTSYSAPI VOID NTAPI RtlClearBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex,
                                 _In_ ULONG NumberToClear);
NTSYSAPI VOID NTAPI RtlSetBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex,
                               _In_ ULONG NumberToSet);
NTSYSAPI BOOLEAN NTAPI RtlAreBitsClear(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex,
                                       _In_ ULONG Length);
NTSYSAPI BOOLEAN NTAPI RtlAreBitsSet(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex,
                                     _In_ ULONG Length);
NTSYSAPI ULONG NTAPI RtlFindClearBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG NumberToFind,
                                      _In_ ULONG HintIndex);
NTSYSAPI ULONG NTAPI RtlFindClearBitsAndSet(_In_ PRTL_BITMAP BitMapHeader,
                                            _In_ ULONG NumberToFind, _In_ ULONG HintIndex);
NTSYSAPI ULONG NTAPI RtlFindSetBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG NumberToFind,
                                    _In_ ULONG HintIndex);
NTSYSAPI ULONG NTAPI RtlFindSetBitsAndClear(_In_ PRTL_BITMAP BitMapHeader,
                                            _In_ ULONG NumberToFind, _In_ ULONG HintIndex);
NTSYSAPI ULONG NTAPI RtlNumberOfClearBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI ULONG NTAPI RtlNumberOfSetBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI ULONG NTAPI RtlFindFirstRunClear(_In_ PRTL_BITMAP BitMapHeader,
                                          _Out_ PULONG StartingIndex);
NTSYSAPI ULONG NTAPI RtlFindLongestRunClear(_In_ PRTL_BITMAP BitMapHeader,
                                            _Out_ PULONG StartingIndex);
NTSYSAPI ULONG NTAPI RtlFindClearRuns(_In_ PRTL_BITMAP BitMapHeader,
                                      _Out_writes_to_(SizeOfRunArray, return) PRTL_BITMAP_RUN RunArray,
                                      _In_ ULONG SizeOfRunArray, _In_ BOOLEAN LocateLongestRuns);
NTSYSAPI ULONG NTAPI RtlFindNextForwardRunClear(_In_ PRTL_BITMAP BitMapHeader,
                                                _In_ ULONG FromIndex,
                                                _Out_ PULONG StartingRunIndex);
NTSYSAPI ULONG NTAPI RtlFindLastBackwardRunClear(_In_ PRTL_BITMAP BitMapHeader,
                                                 _In_ ULONG FromIndex,
                                                 _Out_ PULONG StartingRunIndex);
NTSYSAPI CCHAR NTAPI RtlFindLeastSignificantBit(_In_ ULONGLONG Set);
NTSYSAPI CCHAR NTAPI RtlFindMostSignificantBit(_In_ ULONGLONG Set);
NTSYSAPI ULONG NTAPI RtlNumberOfSetBitsUlongPtr(_In_ ULONG_PTR Target);

/* RtlCheckBit: inline on x64 (the WDK tests the bit with BitTest64; mmsim reads
 * only the ULONG that holds it, never past the caller's buffer). */
FORCEINLINE BOOLEAN RtlCheckBit(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG BitPosition)
{
    return (BOOLEAN)((BitMapHeader->Buffer[BitPosition / 32] >> (BitPosition % 32)) & 1);
}

/* Interlocked bit helpers over a LONG of flags (ntddk.h). */
#define RtlInterlockedSetBits(Flags, Flag) InterlockedOr((PLONG)(Flags), Flag)
#define RtlInterlockedAndBits(Flags, Flag) InterlockedAnd((PLONG)(Flags), Flag)
#define RtlInterlockedClearBits(Flags, Flag) RtlInterlockedAndBits(Flags, ~(Flag))
#define RtlInterlockedXorBits(Flags, Flag) InterlockedXor(Flags, Flag)
#define RtlInterlockedSetBitsDiscardReturn(Flags, Flag) (VOID) RtlInterlockedSetBits(Flags, Flag)
#define RtlInterlockedAndBitsDiscardReturn(Flags, Flag) (VOID) RtlInterlockedAndBits(Flags, Flag)
#define RtlInterlockedClearBitsDiscardReturn(Flags, Flag)                                 \
    RtlInterlockedAndBitsDiscardReturn(Flags, ~(Flag))

/* ---- AVL generic tables (ntddk.h) ---- */
typedef enum _TABLE_SEARCH_RESULT {
    TableEmptyTree,
    TableFoundNode,
    TableInsertAsLeft,
    TableInsertAsRight
} TABLE_SEARCH_RESULT;

typedef enum _RTL_GENERIC_COMPARE_RESULTS {
    GenericLessThan,
    GenericGreaterThan,
    GenericEqual
} RTL_GENERIC_COMPARE_RESULTS;

struct _RTL_AVL_TABLE;
typedef RTL_GENERIC_COMPARE_RESULTS(NTAPI *PRTL_AVL_COMPARE_ROUTINE)(
    _In_ struct _RTL_AVL_TABLE *Table, _In_ PVOID FirstStruct, _In_ PVOID SecondStruct);
typedef PVOID(NTAPI *PRTL_AVL_ALLOCATE_ROUTINE)(_In_ struct _RTL_AVL_TABLE *Table,
                                                _In_ CLONG ByteSize);
typedef VOID(NTAPI *PRTL_AVL_FREE_ROUTINE)(_In_ struct _RTL_AVL_TABLE *Table,
                                           _In_ PVOID Buffer);
typedef NTSTATUS(NTAPI *PRTL_AVL_MATCH_FUNCTION)(_In_ struct _RTL_AVL_TABLE *Table,
                                                 _In_ PVOID UserData, _In_ PVOID MatchData);
/* The routine types as the WDK names them for _Function_class_ annotations. */
typedef RTL_GENERIC_COMPARE_RESULTS NTAPI RTL_AVL_COMPARE_ROUTINE(
    _In_ struct _RTL_AVL_TABLE *Table, _In_ PVOID FirstStruct, _In_ PVOID SecondStruct);
typedef PVOID NTAPI RTL_AVL_ALLOCATE_ROUTINE(_In_ struct _RTL_AVL_TABLE *Table,
                                             _In_ CLONG ByteSize);
typedef VOID NTAPI RTL_AVL_FREE_ROUTINE(_In_ struct _RTL_AVL_TABLE *Table, _In_ PVOID Buffer);

typedef struct _RTL_BALANCED_LINKS {
    struct _RTL_BALANCED_LINKS *Parent;
    struct _RTL_BALANCED_LINKS *LeftChild;
    struct _RTL_BALANCED_LINKS *RightChild;
    CHAR Balance;
    UCHAR Reserved[3];
} RTL_BALANCED_LINKS, *PRTL_BALANCED_LINKS;

typedef struct _RTL_AVL_TABLE {
    RTL_BALANCED_LINKS BalancedRoot;
    PVOID OrderedPointer;
    ULONG WhichOrderedElement;
    ULONG NumberGenericTableElements;
    ULONG DepthOfTree;
    PRTL_BALANCED_LINKS RestartKey;
    ULONG DeleteCount;
    PRTL_AVL_COMPARE_ROUTINE CompareRoutine;
    PRTL_AVL_ALLOCATE_ROUTINE AllocateRoutine;
    PRTL_AVL_FREE_ROUTINE FreeRoutine;
    PVOID TableContext;
} RTL_AVL_TABLE, *PRTL_AVL_TABLE;

NTSYSAPI VOID NTAPI RtlInitializeGenericTableAvl(_Out_ PRTL_AVL_TABLE Table,
                                                 _In_ PRTL_AVL_COMPARE_ROUTINE CompareRoutine,
                                                 _In_ PRTL_AVL_ALLOCATE_ROUTINE AllocateRoutine,
                                                 _In_ PRTL_AVL_FREE_ROUTINE FreeRoutine,
                                                 _In_opt_ PVOID TableContext);
NTSYSAPI PVOID NTAPI RtlInsertElementGenericTableAvl(_In_ PRTL_AVL_TABLE Table,
                                                     _In_reads_bytes_(BufferSize) PVOID Buffer,
                                                     _In_ CLONG BufferSize,
                                                     _Out_opt_ PBOOLEAN NewElement);
NTSYSAPI PVOID NTAPI RtlInsertElementGenericTableFullAvl(
    _In_ PRTL_AVL_TABLE Table, _In_reads_bytes_(BufferSize) PVOID Buffer, _In_ CLONG BufferSize,
    _Out_opt_ PBOOLEAN NewElement, _In_ PVOID NodeOrParent, _In_ TABLE_SEARCH_RESULT SearchResult);
NTSYSAPI BOOLEAN NTAPI RtlDeleteElementGenericTableAvl(_In_ PRTL_AVL_TABLE Table,
                                                       _In_ PVOID Buffer);
NTSYSAPI PVOID NTAPI RtlLookupElementGenericTableAvl(_In_ PRTL_AVL_TABLE Table,
                                                     _In_ PVOID Buffer);
NTSYSAPI PVOID NTAPI RtlLookupElementGenericTableFullAvl(_In_ PRTL_AVL_TABLE Table,
                                                         _In_ PVOID Buffer,
                                                         _Out_ PVOID *NodeOrParent,
                                                         _Out_ TABLE_SEARCH_RESULT *SearchResult);
NTSYSAPI PVOID NTAPI RtlEnumerateGenericTableAvl(_In_ PRTL_AVL_TABLE Table, _In_ BOOLEAN Restart);
NTSYSAPI PVOID NTAPI RtlEnumerateGenericTableWithoutSplayingAvl(_In_ PRTL_AVL_TABLE Table,
                                                                _Inout_ PVOID *RestartKey);
NTSYSAPI PVOID NTAPI RtlLookupFirstMatchingElementGenericTableAvl(_In_ PRTL_AVL_TABLE Table,
                                                                  _In_ PVOID Buffer,
                                                                  _Out_ PVOID *RestartKey);
NTSYSAPI PVOID NTAPI RtlGetElementGenericTableAvl(_In_ PRTL_AVL_TABLE Table, _In_ ULONG I);
NTSYSAPI ULONG NTAPI RtlNumberGenericTableElementsAvl(_In_ PRTL_AVL_TABLE Table);
NTSYSAPI BOOLEAN NTAPI RtlIsGenericTableEmptyAvl(_In_ PRTL_AVL_TABLE Table);

/* ---- The OS version (ntddk.h and wdm.h) ---- */
#define VER_EQUAL 1
#define VER_GREATER 2
#define VER_GREATER_EQUAL 3
#define VER_LESS 4
#define VER_LESS_EQUAL 5
#define VER_AND 6
#define VER_OR 7
#define VER_CONDITION_MASK 7
#define VER_NUM_BITS_PER_CONDITION_MASK 3

#define VER_MINORVERSION 0x0000001
#define VER_MAJORVERSION 0x0000002
#define VER_BUILDNUMBER 0x0000004
#define VER_PLATFORMID 0x0000008
#define VER_SERVICEPACKMINOR 0x0000010
#define VER_SERVICEPACKMAJOR 0x0000020
#define VER_SUITENAME 0x0000040
#define VER_PRODUCT_TYPE 0x0000080

#define VER_NT_WORKSTATION 0x0000001
#define VER_NT_DOMAIN_CONTROLLER 0x0000002
#define VER_NT_SERVER 0x0000003

#define VER_PLATFORM_WIN32s 0
#define VER_PLATFORM_WIN32_WINDOWS 1
#define VER_PLATFORM_WIN32_NT 2

#ifndef VER_SUITE_SMALLBUSINESS
#define VER_SUITE_SMALLBUSINESS 0x00000001
#define VER_SUITE_ENTERPRISE 0x00000002
#define VER_SUITE_BACKOFFICE 0x00000004
#define VER_SUITE_COMMUNICATIONS 0x00000008
#define VER_SUITE_TERMINAL 0x00000010
#define VER_SUITE_SMALLBUSINESS_RESTRICTED 0x00000020
#define VER_SUITE_EMBEDDEDNT 0x00000040
#define VER_SUITE_DATACENTER 0x00000080
#define VER_SUITE_SINGLEUSERTS 0x00000100
#define VER_SUITE_PERSONAL 0x00000200
#define VER_SUITE_BLADE 0x00000400
#define VER_SUITE_EMBEDDED_RESTRICTED 0x00000800
#define VER_SUITE_SECURITY_APPLIANCE 0x00001000
#define VER_SUITE_STORAGE_SERVER 0x00002000
#define VER_SUITE_COMPUTE_SERVER 0x00004000
#define VER_SUITE_WH_SERVER 0x00008000
#endif

typedef enum _SUITE_TYPE {
    SmallBusiness,
    Enterprise,
    BackOffice,
    CommunicationServer,
    TerminalServer,
    SmallBusinessRestricted,
    EmbeddedNT,
    DataCenter,
    SingleUserTS,
    Personal,
    Blade,
    EmbeddedRestricted,
    SecurityAppliance,
    StorageServer,
    ComputeServer,
    WHServer,
    MaxSuiteType
} SUITE_TYPE;

typedef struct _OSVERSIONINFOA {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    CHAR szCSDVersion[128];
} OSVERSIONINFOA, *POSVERSIONINFOA, *LPOSVERSIONINFOA;

typedef struct _OSVERSIONINFOW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
} OSVERSIONINFOW, *POSVERSIONINFOW, *LPOSVERSIONINFOW, RTL_OSVERSIONINFOW, *PRTL_OSVERSIONINFOW;

typedef struct _OSVERSIONINFOEXA {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    CHAR szCSDVersion[128];
    USHORT wServicePackMajor;
    USHORT wServicePackMinor;
    USHORT wSuiteMask;
    UCHAR wProductType;
    UCHAR wReserved;
} OSVERSIONINFOEXA, *POSVERSIONINFOEXA, *LPOSVERSIONINFOEXA;

typedef struct _OSVERSIONINFOEXW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
    USHORT wServicePackMajor;
    USHORT wServicePackMinor;
    USHORT wSuiteMask;
    UCHAR wProductType;
    UCHAR wReserved;
} OSVERSIONINFOEXW, *POSVERSIONINFOEXW, *LPOSVERSIONINFOEXW, RTL_OSVERSIONINFOEXW,
    *PRTL_OSVERSIONINFOEXW;

/* The undecorated names follow UNICODE, as in the WDK (a Visual Studio driver
 * project's Unicode character set defines it). */
#ifdef UNICODE
typedef OSVERSIONINFOEXW OSVERSIONINFOEX;
typedef POSVERSIONINFOEXW POSVERSIONINFOEX;
typedef LPOSVERSIONINFOEXW LPOSVERSIONINFOEX;
typedef OSVERSIONINFOW OSVERSIONINFO;
typedef POSVERSIONINFOW POSVERSIONINFO;
typedef LPOSVERSIONINFOW LPOSVERSIONINFO;
#else
typedef OSVERSIONINFOEXA OSVERSIONINFOEX;
typedef POSVERSIONINFOEXA POSVERSIONINFOEX;
typedef LPOSVERSIONINFOEXA LPOSVERSIONINFOEX;
typedef OSVERSIONINFOA OSVERSIONINFO;
typedef POSVERSIONINFOA POSVERSIONINFO;
typedef LPOSVERSIONINFOA LPOSVERSIONINFO;
#endif

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlGetVersion(_Out_ PRTL_OSVERSIONINFOW lpVersionInformation);
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlVerifyVersionInfo(_In_ PRTL_OSVERSIONINFOEXW VersionInfo,
                                             _In_ ULONG TypeMask, _In_ ULONGLONG ConditionMask);
NTSYSAPI ULONGLONG NTAPI VerSetConditionMask(_In_ ULONGLONG ConditionMask, _In_ ULONG TypeMask,
                                             _In_ UCHAR Condition);
#define VER_SET_CONDITION(ConditionMask, TypeBitMask, ComparisonType)                    \
    ((ConditionMask) = VerSetConditionMask((ConditionMask), (TypeBitMask), (ComparisonType)))
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI BOOLEAN NTAPI RtlGetProductInfo(_In_ ULONG OSMajorVersion, _In_ ULONG OSMinorVersion,
                                         _In_ ULONG SpMajorVersion, _In_ ULONG SpMinorVersion,
                                         _Out_ PULONG ReturnedProductType);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExVerifySuite(_In_ SUITE_TYPE SuiteType);

/* The WDK's wdmlib forms (RtlIsNtDdiVersionAvailable names the Wdmlib one). */
typedef BOOLEAN (*PFN_RTL_IS_NTDDI_VERSION_AVAILABLE)(_In_ ULONG Version);
typedef BOOLEAN (*PFN_RTL_IS_SERVICE_PACK_VERSION_INSTALLED)(_In_ ULONG Version);
BOOLEAN WdmlibRtlIsNtDdiVersionAvailable(_In_ ULONG Version);
BOOLEAN WdmlibRtlIsServicePackVersionInstalled(_In_ ULONG Version);
#ifndef RtlIsNtDdiVersionAvailable
#define RtlIsNtDdiVersionAvailable WdmlibRtlIsNtDdiVersionAvailable
#endif
#ifndef RtlIsServicePackVersionInstalled
#define RtlIsServicePackVersionInstalled WdmlibRtlIsServicePackVersionInstalled
#endif

/* ---- Time fields (wdm.h) ---- */
typedef struct _TIME_FIELDS {
    CSHORT Year;         /* 1601... */
    CSHORT Month;        /* 1..12 */
    CSHORT Day;          /* 1..31 */
    CSHORT Hour;         /* 0..23 */
    CSHORT Minute;       /* 0..59 */
    CSHORT Second;       /* 0..59 */
    CSHORT Milliseconds; /* 0..999 */
    CSHORT Weekday;      /* 0..6 = Sunday..Saturday */
} TIME_FIELDS, *PTIME_FIELDS;

NTSYSAPI VOID NTAPI RtlTimeToTimeFields(_In_ PLARGE_INTEGER Time, _Out_ PTIME_FIELDS TimeFields);
NTSYSAPI BOOLEAN NTAPI RtlTimeFieldsToTime(_In_ PTIME_FIELDS TimeFields,
                                           _Out_ PLARGE_INTEGER Time);

/* ---- LUIDs (ntdef.h type; wdm.h helpers) ---- */
#ifndef _LUID_DEFINED_MMSIM
#define _LUID_DEFINED_MMSIM
typedef struct _LUID {
    ULONG LowPart;
    LONG HighPart;
} LUID, *PLUID;
#endif
#define RtlEqualLuid(Luid1, Luid2)                                                       \
    (((Luid1)->LowPart == (Luid2)->LowPart) && ((Luid1)->HighPart == (Luid2)->HighPart))
#define RtlIsZeroLuid(_L1) ((BOOLEAN)((!(_L1)->LowPart) && (!(_L1)->HighPart)))
FORCEINLINE LUID NTAPI_INLINE RtlConvertLongToLuid(_In_ LONG Val)
{
    LUID Luid;
    LARGE_INTEGER Temp;
    Temp.QuadPart = Val;
    Luid.LowPart = Temp.u.LowPart;
    Luid.HighPart = Temp.u.HighPart;
    return Luid;
}
FORCEINLINE LUID NTAPI_INLINE RtlConvertUlongToLuid(_In_ ULONG Val)
{
    LUID Luid;
    Luid.LowPart = Val;
    Luid.HighPart = 0;
    return Luid;
}

/* ---- Stack walks and the caller's address (ntddk.h) ---- */
#define RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT 8
/* Up to Count return addresses of the calling thread's stack, innermost first
 * (Flags 0: kernel mode; bits 8 and up: frames to skip). Any IRQL. */
NTSYSAPI ULONG NTAPI RtlWalkFrameChain(_Out_writes_to_(Count, return) PVOID *Callers,
                                       _In_ ULONG Count, _In_ ULONG Flags);
/* The exported routine: the return address of the routine that calls it, and
 * of that routine's caller. On x64 the WDK's header replaces it with a macro:
 * the calling routine's own return address, and NULL for the caller's caller. */
NTSYSAPI VOID NTAPI RtlGetCallersAddress(_Out_ PVOID *CallersAddress,
                                         _Out_ PVOID *CallersCaller);
#ifndef _ReturnAddress
#define _ReturnAddress() __builtin_return_address(0) /* MSVC's intrinsic */
#endif
#if !defined(_REALLY_GET_CALLERS_CALLER_) && !defined(MMSIM_BUILDING_SIM)
#define RtlGetCallersAddress(CallersAddress, CallersCaller)                               \
    *CallersAddress = (PVOID)_ReturnAddress();                                           \
    *CallersCaller = NULL;
#endif

/* ---- Rtl assertions (wdm.h) ---- */
/* RtlAssert: the assertion failure ASSERT reports in a checked build; mmsim
 * stops as NT_ASSERT does (the break into a debugger with none attached). */
NTSYSAPI VOID NTAPI RtlAssert(_In_ PVOID FailedAssertion, _In_ PVOID FileName,
                              _In_ ULONG LineNumber, _In_opt_z_ PSTR Message);
/* The soft forms print and continue (DbgPrint), in every build. */
NTSYSAPI VOID NTAPI MmsimSoftAssertFailed(_In_z_ PCSTR Expression, _In_opt_z_ PCSTR Message,
                                          _In_z_ PCSTR File, _In_ ULONG Line);
#define RTL_SOFT_ASSERT(_exp)                                                            \
    (VOID)((_exp) ? TRUE : (MmsimSoftAssertFailed(#_exp, NULL, __FILE__, __LINE__), FALSE))
#define RTL_SOFT_ASSERTMSG(_msg, _exp)                                                   \
    (VOID)((_exp) ? TRUE : (MmsimSoftAssertFailed(#_exp, (_msg), __FILE__, __LINE__), FALSE))
#define RTL_VERIFY(exp) NT_VERIFY(exp)
#define RTL_VERIFYMSG(msg, exp) NT_VERIFYMSG(msg, exp)
/* The verify forms evaluate in every build and yield TRUE/FALSE. */
#define RTL_SOFT_VERIFY(_exp)                                                            \
    ((_exp) ? TRUE : (MmsimSoftAssertFailed(#_exp, NULL, __FILE__, __LINE__), FALSE))
#define RTL_SOFT_VERIFYMSG(_msg, _exp)                                                   \
    ((_exp) ? TRUE : (MmsimSoftAssertFailed(#_exp, (_msg), __FILE__, __LINE__), FALSE))
#define NT_ASSERTMSGW(m, e) (VOID)(NT_ASSERT(e))
#define NT_VERIFYMSGW(m, e) NT_VERIFY(e)

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_RTL_H_ */
