/*
 * sal.h - <sal.h> for driver code: the SAL 2.0 annotations as no-ops
 * (mmsim/sal.h, which <wdm.h> includes too).
 *
 * On a Windows host (mingw-w64) the C runtime's and SDK's headers include
 * <sal.h> themselves: they get the host's, and mmsim/sal.h fills in only
 * the annotations it does not define.
 */
#ifndef MMSIM_TOP_SAL_H
#define MMSIM_TOP_SAL_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <sal.h>
#endif
#include "mmsim/sal.h"
#endif /* MMSIM_TOP_SAL_H */
