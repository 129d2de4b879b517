/* DriverSpecs.h - the spelling many driver files use for <driverspecs.h>
 * (Windows' file names are case-insensitive; realdrv3, docs/wdk-surface.md). */
#include "driverspecs.h"
