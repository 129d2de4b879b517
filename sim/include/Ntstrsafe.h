/* Ntstrsafe.h - the spelling some driver files use for <ntstrsafe.h> (Windows' file names
 * are case-insensitive; realdrv3, docs/wdk-surface.md). */
#include "ntstrsafe.h"
