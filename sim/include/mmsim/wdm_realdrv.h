/*
 * wdm_realdrv.h - further names that real driver files use next to their
 * memory code (realdrv; tests/realworld/). Included by <wdm.h> after its own
 * declarations; not included directly.
 *
 * Names, types and values as Microsoft's documentation declares them
 * (wdm/nf-wdm-vdbgprintex, wdm/nf-wdm-vdbgprintexwithprefix,
 * ntddk/nf-ntddk-exquerytimerresolution), cross-checked against mingw-w64's
 * ddk/wdm.h where it has them.
 */
#ifndef MMSIM_WDM_REALDRV_H_
#define MMSIM_WDM_REALDRV_H_

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Debug output with a caller's argument list ---- */
/* As DbgPrintEx (same filter, same format conventions, 512 bytes per call),
 * the arguments taken from arglist. The WithPrefix form writes Prefix
 * before the message (the 512 bytes include it). STATUS_SUCCESS. */
NTSYSAPI ULONG NTAPI vDbgPrintEx(_In_ ULONG ComponentId, _In_ ULONG Level, _In_z_ PCCH Format,
                                 _In_ va_list arglist);
NTSYSAPI ULONG NTAPI vDbgPrintExWithPrefix(_In_z_ PCCH Prefix, _In_ ULONG ComponentId,
                                           _In_ ULONG Level, _In_z_ PCCH Format,
                                           _In_ va_list arglist);
#if defined(DBG) && DBG
#define vKdPrintEx(_x_) vDbgPrintEx _x_
#define vKdPrintExWithPrefix(_x_) vDbgPrintExWithPrefix _x_
#else
#define vKdPrintEx(_x_) ((void)0)
#define vKdPrintExWithPrefix(_x_) ((void)0)
#endif

/* ---- Timer resolution (ntddk.h) ---- */
/* The coarsest, finest and current clock resolution in 100 ns units.
 * *mmsim*: all three are KeQueryTimeIncrement(), the one resolution
 * ExSetTimerResolution keeps. Any IRQL. */
NTKERNELAPI VOID NTAPI ExQueryTimerResolution(_Out_ PULONG MaximumTime, _Out_ PULONG MinimumTime,
                                              _Out_ PULONG CurrentTime);

/* ---- Pool allocation with the zeroing stated (Windows 10 2004 WDK) ---- */
/* Inline in wdm.h as in the WDK (not kernel exports): the Zero forms return
 * zeroed memory, the Uninitialized forms memory as the allocator leaves it;
 * each is ExAllocatePoolWithTag, ExAllocatePoolWithQuotaTag or
 * ExAllocatePoolWithTagPriority otherwise (its IRQL rules, its failure:
 * NULL, or the quota form's raise). They zero the block themselves, as the
 * WDK's POOL_ZERO_DOWN_LEVEL_SUPPORT forms do, whatever the driver defines.
 * Pages: wdm/nf-wdm-exallocatepoolzero, -exallocatepooluninitialized,
 * -exallocatepoolquotazero, -exallocatepoolquotauninitialized,
 * -exallocatepoolpriorityzero, -exallocatepoolpriorityuninitialized. */
/* Inline everywhere; the out-of-line definitions (for a driver that takes an
 * address) are emitted in the ex layer (sim/ex/pool_wrappers.c), not with
 * the header's other inline routines in ke (they call Ex and Mm). */
#if defined(MMSIM_EMIT_REALDRV_INLINES) && !defined(__cplusplus)
#define MMSIM_REALDRV_INLINE extern __inline__ __attribute__((__always_inline__))
#else
#define MMSIM_REALDRV_INLINE __inline__ __attribute__((__always_inline__))
#endif
MMSIM_REALDRV_INLINE PVOID ExAllocatePoolZero(_In_ POOL_TYPE PoolType,
                                              _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag)
{
    PVOID Block = ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag);
    if (Block != NULL) {
        RtlZeroMemory(Block, NumberOfBytes);
    }
    return Block;
}

MMSIM_REALDRV_INLINE PVOID ExAllocatePoolUninitialized(_In_ POOL_TYPE PoolType,
                                                       _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag)
{
    return ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag);
}

MMSIM_REALDRV_INLINE PVOID ExAllocatePoolQuotaZero(_In_ POOL_TYPE PoolType,
                                                   _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag)
{
    PVOID Block = ExAllocatePoolWithQuotaTag(PoolType, NumberOfBytes, Tag);
    if (Block != NULL) {
        RtlZeroMemory(Block, NumberOfBytes);
    }
    return Block;
}

MMSIM_REALDRV_INLINE PVOID ExAllocatePoolQuotaUninitialized(_In_ POOL_TYPE PoolType,
                                                   _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag)
{
    return ExAllocatePoolWithQuotaTag(PoolType, NumberOfBytes, Tag);
}

MMSIM_REALDRV_INLINE PVOID ExAllocatePoolPriorityZero(_In_ POOL_TYPE PoolType,
                                                      _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag,
                                                      _In_ EX_POOL_PRIORITY Priority)
{
    PVOID Block = ExAllocatePoolWithTagPriority(PoolType, NumberOfBytes, Tag, Priority);
    if (Block != NULL) {
        RtlZeroMemory(Block, NumberOfBytes);
    }
    return Block;
}

MMSIM_REALDRV_INLINE PVOID ExAllocatePoolPriorityUninitialized(_In_ POOL_TYPE PoolType,
                                                      _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag,
                                                      _In_ EX_POOL_PRIORITY Priority)
{
    return ExAllocatePoolWithTagPriority(PoolType, NumberOfBytes, Tag, Priority);
}

/* ---- ExInitializeDriverRuntime (wdm.h, inline) ---- */
/* DrvRtPoolNxOptIn asks for no-execute non-paged pool by default. Only a
 * driver built with POOL_NX_OPTIN has the defaults it sets
 * (ExDefaultNonPagedPoolType, ExDefaultMdlProtection: one copy per driver);
 * mmsim reports Windows 10, so the opt-in always takes effect
 * (wdm/nf-wdm-exinitializedriverruntime). */
#define DrvRtPoolNxOptIn 0x00000001
#if defined(POOL_NX_OPTIN) && POOL_NX_OPTIN
DECLSPEC_SELECTANY POOL_TYPE ExDefaultNonPagedPoolType = NonPagedPool;
DECLSPEC_SELECTANY ULONG ExDefaultMdlProtection = 0;
#endif
MMSIM_REALDRV_INLINE VOID ExInitializeDriverRuntime(_In_ ULONG RuntimeFlags)
{
#if defined(POOL_NX_OPTIN) && POOL_NX_OPTIN
    if ((RuntimeFlags & DrvRtPoolNxOptIn) != 0) {
        ExDefaultNonPagedPoolType = NonPagedPoolNx;
        ExDefaultMdlProtection = MdlMappingNoExecute;
    }
#else
    UNREFERENCED_PARAMETER(RuntimeFlags);
#endif
}

#ifdef __cplusplus
}
#endif

/* ---- std::align_val_t without <new> ---- */
/* MSVC and g++ know std::align_val_t in C++17 without any header (they
 * declare the aligned operator new and delete implicitly), so a driver's
 * replacement `operator delete(void *, size_t, std::align_val_t)` compiles
 * with <wdm.h> alone; clang needs the name declared. An opaque declaration,
 * which <new>'s definition may follow. */
#if defined(__cplusplus) && defined(__cpp_aligned_new)
namespace std {
enum class align_val_t : decltype(sizeof(0));
}
#endif

#endif /* MMSIM_WDM_REALDRV_H_ */
