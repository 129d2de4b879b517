/*
 * guiddef.h - <guiddef.h> for driver code (realdrv3): mmsim/guiddef.h.
 *
 * On a Windows host (mingw-w64) the SDK's headers include <guiddef.h>: they
 * get the host's.
 */
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <guiddef.h>
#else
#include "mmsim/guiddef.h"
#endif
