/*
 * placeholder_model.h - a model of Windows' placeholder API, for testing
 * sim/host/win32.c's bookkeeping where Windows 10 1803+ is not at hand (Wine
 * 8.0 has no placeholders).
 *
 * test_host_win32_model compiles sim/host/win32.c a second time with
 * -DMMSIM_HOST_WIN32_MODEL, which includes this header: the macros below send its
 * VirtualAlloc2 / VirtualFree / MapViewOfFile3 / UnmapViewOfFile2 /
 * VirtualProtect / VirtualQuery calls on placeholder address space to the
 * model (placeholder_model.c), which keeps the allocations page by page and
 * refuses - and counts - every call the documentation does not allow:
 *
 *   VirtualFree(MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER) splits a placeholder
 *     at its base, 0 < size < its size;
 *   VirtualFree(MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS) joins exactly two
 *     adjacent placeholders whose overall range is given exactly;
 *   VirtualFree(MEM_RELEASE), size 0, releases a placeholder at its base;
 *   MapViewOfFile3(MEM_REPLACE_PLACEHOLDER) needs base and size equal to one
 *     placeholder's, a page-aligned offset inside the section;
 *   UnmapViewOfFile2 takes a view's base; MEM_PRESERVE_PLACEHOLDER leaves a
 *     placeholder of the view's size;
 *   VirtualProtect stays inside one view.
 *
 * Memory contents are not modelled (views are bookkeeping only): aliasing is
 * tested on real Windows by test_host_win32. Everything outside placeholder
 * address space goes to the real functions.
 */
#ifndef MMSIM_PLACEHOLDER_MODEL_H
#define MMSIM_PLACEHOLDER_MODEL_H

#include <windows.h>

#include <stdbool.h>
#include <stdint.h>

PVOID WINAPI ModelVirtualAlloc2(HANDLE Process, PVOID BaseAddress, SIZE_T Size,
                                ULONG AllocationType, ULONG PageProtection,
                                void *ExtendedParameters, ULONG ParameterCount);
PVOID WINAPI ModelMapViewOfFile3(HANDLE FileMapping, HANDLE Process, PVOID BaseAddress,
                                 ULONG64 Offset, SIZE_T ViewSize, ULONG AllocationType,
                                 ULONG PageProtection, void *ExtendedParameters,
                                 ULONG ParameterCount);
BOOL WINAPI ModelUnmapViewOfFile2(HANDLE Process, PVOID BaseAddress, ULONG UnmapFlags);
BOOL WINAPI ModelVirtualFree(LPVOID Address, SIZE_T Size, DWORD FreeType);
BOOL WINAPI ModelVirtualProtect(LPVOID Address, SIZE_T Size, DWORD NewProtect,
                                PDWORD OldProtect);
SIZE_T WINAPI ModelVirtualQuery(LPCVOID Address, PMEMORY_BASIC_INFORMATION Info, SIZE_T Length);
FARPROC WINAPI ModelGetProcAddress(HMODULE Module, LPCSTR Name);

/* For the test. */
void ModelSetSectionBytes(uint64_t Bytes);
/* Calls refused because the documentation does not allow them. */
unsigned ModelViolations(void);
/* Describes the allocations over [Base, Base + Bytes) into Text. */
void ModelDescribe(const void *Base, uint64_t Bytes, char *Text, size_t Size);
/* Every maximal view-free stretch of [Base, Base + Bytes) is exactly one
 * placeholder, nothing in it is free, and views cover whole pages. */
bool ModelCoalesced(const void *Base, uint64_t Bytes);
/* Allocations (placeholders and views) in [Base, Base + Bytes). */
unsigned ModelAllocations(const void *Base, uint64_t Bytes);

#ifdef MMSIM_HOST_WIN32_MODEL
#define VirtualFree ModelVirtualFree
#define VirtualProtect ModelVirtualProtect
#define VirtualQuery ModelVirtualQuery
#define GetProcAddress ModelGetProcAddress
#endif

#endif /* MMSIM_PLACEHOLDER_MODEL_H */
