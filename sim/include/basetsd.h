/*
 * basetsd.h - <basetsd.h> for driver code (realdrv3): the sized and
 * pointer-sized integer types (INT8 ... UINT64, LONG_PTR, ULONG_PTR, SIZE_T,
 * SSIZE_T), which mmsim's ntdef.h declares as the WDK's basetsd.h does; a
 * driver header may include it before any kernel header (SimpleSvm). It
 * brings the rest of ntdef.h too: a header that re-declares ntdef's own
 * names after it (SimpleVisor's ntint.h) does not compile.
 *
 * On a Windows host (mingw-w64) the SDK's headers include <basetsd.h>: they
 * get the host's.
 */
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <basetsd.h>
#else
#include "ntdef.h"
#endif
