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
