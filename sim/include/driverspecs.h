/*
 * driverspecs.h - <driverspecs.h> for driver code: the WDK's driver
 * annotations (__drv_*, _IRQL_*, _Kernel_*), all analysis-only, from
 * mmsim/sal.h (realdrv3). Driver files include it by name, often spelled
 * <DriverSpecs.h> (a forwarder of that name is beside it).
 *
 * On a Windows host (mingw-w64) the SDK's own headers include
 * <driverspecs.h>: they get the host's, and mmsim/sal.h fills in only the
 * annotations it does not define.
 */
#ifndef MMSIM_TOP_DRIVERSPECS_H
#define MMSIM_TOP_DRIVERSPECS_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <driverspecs.h>
#endif
#include "mmsim/sal.h"
#endif /* MMSIM_TOP_DRIVERSPECS_H */
