/*
 * ntddk.h - mmsim's WDK surface: wdm.h plus the ntddk.h-only DDIs that memory
 * code uses (docs/ddi-contract.md 1.14).
 */
#ifndef _NTDDK_
#define _NTDDK_

#include "wdm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Physical address of a valid non-paged system VA; any IRQL if VA is valid. */
NTKERNELAPI PHYSICAL_ADDRESS NTAPI MmGetPhysicalAddress(_In_ PVOID BaseAddress);

/* TRUE if a read or write at VirtualAddress would not page-fault. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI MmIsAddressValid(_In_ PVOID VirtualAddress);

/* The caller's processor within group 0 (a processor of another group is
 * folded below KeQueryActiveProcessorCount's result, as Windows 7+ does).
 * Any IRQL; stable only at DISPATCH_LEVEL and above. */
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumber(VOID);

/* user17: secures a user range against being freed or made less accessible
 * than ProbeMode (PAGE_READWRITE or PAGE_READONLY) until
 * MmUnsecureVirtualMemory; NULL if it cannot (docs/user-space.md). */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI HANDLE NTAPI MmSecureVirtualMemory(_In_ PVOID Address, _In_ SIZE_T Size,
                                               _In_ ULONG ProbeMode);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI MmUnsecureVirtualMemory(_In_ HANDLE SecureHandle);

/* io32: MmCopyMemory copies from a physical address (RAM only) or a virtual address
 * that may be invalid: an error status, never a bug check (docs/io.md). */
typedef struct _MM_COPY_ADDRESS {
    union {
        PVOID VirtualAddress;
        PHYSICAL_ADDRESS PhysicalAddress;
    };
} MM_COPY_ADDRESS, *PMMCOPY_ADDRESS;

#define MM_COPY_MEMORY_PHYSICAL 0x1
#define MM_COPY_MEMORY_VIRTUAL 0x2

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI MmCopyMemory(_In_ PVOID TargetAddress, _In_ MM_COPY_ADDRESS SourceAddress,
                                       _In_ SIZE_T NumberOfBytes, _In_ ULONG Flags,
                                       _Out_ PSIZE_T NumberOfBytesTransferred);

/* survey25: RTL_USE_AVL_TABLES, defined by a driver before this header, makes
 * the generic table names mean the AVL tables (the WDK's ntddk.h: the types by
 * #define, the routines by #define, not by declaration). mmsim has no splay-tree
 * RTL_GENERIC_TABLE: without RTL_USE_AVL_TABLES the names stay undeclared. */
#ifdef RTL_USE_AVL_TABLES

#undef PRTL_GENERIC_COMPARE_ROUTINE
#undef RTL_GENERIC_COMPARE_ROUTINE
#undef PRTL_GENERIC_ALLOCATE_ROUTINE
#undef RTL_GENERIC_ALLOCATE_ROUTINE
#undef PRTL_GENERIC_FREE_ROUTINE
#undef RTL_GENERIC_FREE_ROUTINE
#undef RTL_GENERIC_TABLE
#undef PRTL_GENERIC_TABLE

#define PRTL_GENERIC_COMPARE_ROUTINE PRTL_AVL_COMPARE_ROUTINE
#define RTL_GENERIC_COMPARE_ROUTINE RTL_AVL_COMPARE_ROUTINE
#define PRTL_GENERIC_ALLOCATE_ROUTINE PRTL_AVL_ALLOCATE_ROUTINE
#define RTL_GENERIC_ALLOCATE_ROUTINE RTL_AVL_ALLOCATE_ROUTINE
#define PRTL_GENERIC_FREE_ROUTINE PRTL_AVL_FREE_ROUTINE
#define RTL_GENERIC_FREE_ROUTINE RTL_AVL_FREE_ROUTINE
#define RTL_GENERIC_TABLE RTL_AVL_TABLE
#define PRTL_GENERIC_TABLE PRTL_AVL_TABLE

#define RtlInitializeGenericTable RtlInitializeGenericTableAvl
#define RtlInsertElementGenericTable RtlInsertElementGenericTableAvl
#define RtlInsertElementGenericTableFull RtlInsertElementGenericTableFullAvl
#define RtlDeleteElementGenericTable RtlDeleteElementGenericTableAvl
#define RtlLookupElementGenericTable RtlLookupElementGenericTableAvl
#define RtlLookupElementGenericTableFull RtlLookupElementGenericTableFullAvl
#define RtlEnumerateGenericTable RtlEnumerateGenericTableAvl
#define RtlEnumerateGenericTableWithoutSplaying RtlEnumerateGenericTableWithoutSplayingAvl
#define RtlGetElementGenericTable RtlGetElementGenericTableAvl
#define RtlNumberGenericTableElements RtlNumberGenericTableElementsAvl
#define RtlIsGenericTableEmpty RtlIsGenericTableEmptyAvl

#endif /* RTL_USE_AVL_TABLES */

#ifdef __cplusplus
}
#endif

#endif /* _NTDDK_ */
