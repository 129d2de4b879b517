/* Ntifs.h - the spelling some driver files use for <ntifs.h> (Windows' file names
 * are case-insensitive; realdrv3, docs/wdk-surface.md). */
#include "ntifs.h"
