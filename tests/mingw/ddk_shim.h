/*
 * ddk_shim.h - what core/ uses that is newer than mingw-w64's DDK headers
 * (Debian mingw-w64-common 10.x): declarations only, values as the WDK and
 * docs/ddi-contract.md 1.2, 1.15 give them. Forced in with -include when core/ is
 * compiled against <ddk/wdm.h>, so the sources stay unchanged.
 */
#ifndef MMSIM_MINGW_DDK_SHIM_H
#define MMSIM_MINGW_DDK_SHIM_H

#include <wdm.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Windows 10 2004: ExAllocatePool2 and its flags. */
typedef ULONG64 POOL_FLAGS;
#define POOL_FLAG_NON_PAGED 0x0000000000000040ULL
NTKERNELAPI PVOID NTAPI ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag);

/* Windows 10 2004: MmAllocateMappingAddressEx and its flag. */
#define MM_MAPPING_ADDRESS_DIVISIBLE 0x1
NTKERNELAPI PVOID NTAPI MmAllocateMappingAddressEx(SIZE_T NumberOfBytes, ULONG PoolTag,
                                                   ULONG Flags);

/* Windows 10 WDK ordered accesses. */
ULONG_PTR ReadULongPtrAcquire(ULONG_PTR const volatile *Source);
VOID WriteULongPtrRelease(ULONG_PTR volatile *Destination, ULONG_PTR Value);

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_MINGW_DDK_SHIM_H */
