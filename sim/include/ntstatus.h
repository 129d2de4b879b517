/*
 * ntstatus.h - <ntstatus.h> for driver code: mmsim/ntstatus.h, which <wdm.h> includes
 * too (survey31: driver files include it by name, often after <ntddk.h>).
 *
 * On a Windows host (mingw-w64) the SDK's headers include <ntstatus.h>
 * themselves: they get the host's.
 */
#ifndef MMSIM_TOP_NTSTATUS_H
#define MMSIM_TOP_NTSTATUS_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <ntstatus.h>
#else
#include "mmsim/ntstatus.h"
#endif
#endif /* MMSIM_TOP_NTSTATUS_H */
