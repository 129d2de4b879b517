/*
 * bugcodes.h - <bugcodes.h> for driver code: mmsim/bugcodes.h, which <wdm.h> includes
 * too (survey31: driver files include it by name, often after <ntddk.h>).
 *
 * On a Windows host (mingw-w64) the SDK's headers include <bugcodes.h>
 * themselves: they get the host's.
 */
#ifndef MMSIM_TOP_BUGCODES_H
#define MMSIM_TOP_BUGCODES_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <bugcodes.h>
#else
#include "mmsim/bugcodes.h"
#endif
#endif /* MMSIM_TOP_BUGCODES_H */
