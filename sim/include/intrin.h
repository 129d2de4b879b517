/*
 * intrin.h - <intrin.h> for driver code: the compiler intrinsics drivers
 * call (mmsim/intrin.h and the `_Interlocked*` family in <wdm.h>). Driver
 * files get them from <wdm.h> as from the WDK's headers; this header is for
 * files that include <intrin.h> by name.
 *
 * On a Windows host (mingw-w64) the SDK's own headers may include
 * <intrin.h> (no <wdm.h> in that translation unit): they get the host's.
 */
#if defined(_WIN32) && !defined(_WDMDDK_) && (defined(_WINNT_) || defined(_INC_WINDOWS))
#include_next <intrin.h>
#else
#include "wdm.h"
#endif
