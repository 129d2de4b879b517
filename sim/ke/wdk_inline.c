/*
 * wdk_inline.c - out-of-line definitions of the WDK headers' inline routines
 * (the list routines, the Interlocked family, the intrinsics, ...).
 *
 * <wdm.h> defines them __forceinline with external linkage, as MSVC's C
 * does: every call is inlined, and a driver that takes a routine's address
 * links to the one definition emitted here (C99 `extern inline`).
 */
#define MMSIM_EMIT_INLINE_DEFINITIONS 1
#include <wdm.h>
#include <ntddk.h>
