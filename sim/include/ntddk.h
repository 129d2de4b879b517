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

#ifdef __cplusplus
}
#endif

#endif /* _NTDDK_ */
