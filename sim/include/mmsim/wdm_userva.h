/*
 * mmsim/wdm_userva.h - the user address space of the simulated process
 * (issue 17; docs/user-space.md): the Zw/Nt virtual memory routines of
 * ntifs.h, MEMORY_BASIC_INFORMATION, the user probe address and
 * NtCurrentProcess. Shapes as the WDK's and mingw-w64's (winnt.h, ntifs.h).
 */
#ifndef MMSIM_WDM_USERVA_H
#define MMSIM_WDM_USERVA_H

#ifdef __cplusplus
extern "C" {
#endif

/* The current process, as a handle (ntddk.h). */
#ifndef NtCurrentProcess
#define NtCurrentProcess() ((HANDLE)(LONG_PTR)-1)
#define ZwCurrentProcess() NtCurrentProcess()
#endif

/* The bounds of user space. In mmsim the user range is a host reservation
 * (docs/user-space.md): MmUserProbeAddress is its end, the first address a
 * probe refuses, and MmHighestUserAddress lies 64 KiB below it, as on x64
 * Windows (0x7FFFFFFF0000 and 0x7FFFFFFEFFFF there). */
extern NTKERNELAPI ULONG_PTR MmUserProbeAddress;
extern NTKERNELAPI PVOID MmHighestUserAddress;
#define MM_USER_PROBE_ADDRESS MmUserProbeAddress
#define MM_HIGHEST_USER_ADDRESS MmHighestUserAddress
#define MM_LOWEST_USER_ADDRESS ((PVOID)(LONG_PTR)0x10000)

#ifndef _MEMORY_INFORMATION_CLASS_DEFINED
#define _MEMORY_INFORMATION_CLASS_DEFINED
typedef enum _MEMORY_INFORMATION_CLASS {
    MemoryBasicInformation = 0
} MEMORY_INFORMATION_CLASS;
#endif

#ifndef _MEMORY_BASIC_INFORMATION_DEFINED
#define _MEMORY_BASIC_INFORMATION_DEFINED
typedef struct _MEMORY_BASIC_INFORMATION {
    PVOID BaseAddress;
    PVOID AllocationBase;
    ULONG AllocationProtect;
    USHORT PartitionId;
    SIZE_T RegionSize;
    ULONG State;
    ULONG Protect;
    ULONG Type;
} MEMORY_BASIC_INFORMATION, *PMEMORY_BASIC_INFORMATION;
#endif

NTSYSAPI NTSTATUS NTAPI ZwAllocateVirtualMemory(_In_ HANDLE ProcessHandle,
                                                _Inout_ PVOID *BaseAddress,
                                                _In_ ULONG_PTR ZeroBits,
                                                _Inout_ PSIZE_T RegionSize,
                                                _In_ ULONG AllocationType, _In_ ULONG Protect);
NTSYSAPI NTSTATUS NTAPI NtAllocateVirtualMemory(_In_ HANDLE ProcessHandle,
                                                _Inout_ PVOID *BaseAddress,
                                                _In_ ULONG_PTR ZeroBits,
                                                _Inout_ PSIZE_T RegionSize,
                                                _In_ ULONG AllocationType, _In_ ULONG Protect);
NTSYSAPI NTSTATUS NTAPI ZwFreeVirtualMemory(_In_ HANDLE ProcessHandle, _Inout_ PVOID *BaseAddress,
                                            _Inout_ PSIZE_T RegionSize, _In_ ULONG FreeType);
NTSYSAPI NTSTATUS NTAPI NtFreeVirtualMemory(_In_ HANDLE ProcessHandle, _Inout_ PVOID *BaseAddress,
                                            _Inout_ PSIZE_T RegionSize, _In_ ULONG FreeType);
NTSYSAPI NTSTATUS NTAPI ZwProtectVirtualMemory(_In_ HANDLE ProcessHandle,
                                               _Inout_ PVOID *BaseAddress,
                                               _Inout_ PSIZE_T RegionSize, _In_ ULONG NewProtect,
                                               _Out_ PULONG OldProtect);
NTSYSAPI NTSTATUS NTAPI NtProtectVirtualMemory(_In_ HANDLE ProcessHandle,
                                               _Inout_ PVOID *BaseAddress,
                                               _Inout_ PSIZE_T RegionSize, _In_ ULONG NewProtect,
                                               _Out_ PULONG OldProtect);
NTSYSAPI NTSTATUS NTAPI ZwQueryVirtualMemory(_In_ HANDLE ProcessHandle, _In_opt_ PVOID BaseAddress,
                                             _In_ MEMORY_INFORMATION_CLASS MemoryInformationClass,
                                             _Out_writes_bytes_(MemoryInformationLength)
                                                 PVOID MemoryInformation,
                                             _In_ SIZE_T MemoryInformationLength,
                                             _Out_opt_ PSIZE_T ReturnLength);
NTSYSAPI NTSTATUS NTAPI NtQueryVirtualMemory(_In_ HANDLE ProcessHandle, _In_opt_ PVOID BaseAddress,
                                             _In_ MEMORY_INFORMATION_CLASS MemoryInformationClass,
                                             _Out_writes_bytes_(MemoryInformationLength)
                                                 PVOID MemoryInformation,
                                             _In_ SIZE_T MemoryInformationLength,
                                             _Out_opt_ PSIZE_T ReturnLength);

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_WDM_USERVA_H */
