/*
 * initguid.h - <initguid.h> for driver code (realdrv3): the DEFINE_GUIDs
 * after it define their GUIDs instead of declaring them (guiddef.h).
 */
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <initguid.h>
#else
#ifndef INITGUID
#define INITGUID
#endif
#include "guiddef.h"
#endif
