/* NTDDK.h - the spelling some driver files use for <ntddk.h> (Windows' file names
 * are case-insensitive; realdrv3, docs/wdk-surface.md). */
#include "ntddk.h"
