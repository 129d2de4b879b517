/*
 * initguid.h - <initguid.h> for driver code (realdrv3): the DEFINE_GUIDs
 * after it define their GUIDs instead of declaring them (mmsim/guiddef.h).
 */
#ifndef INITGUID
#define INITGUID
#endif
#include "mmsim/guiddef.h"
