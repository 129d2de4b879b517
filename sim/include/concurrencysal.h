/*
 * concurrencysal.h - <concurrencysal.h> for driver code: the lock annotations
 * (concurrency SAL) as no-ops, from mmsim/sal.h, which <wdm.h> includes too
 * (the WDK's sal.h includes concurrencysal.h).
 *
 * On a Windows host (mingw-w64) the SDK's headers include <concurrencysal.h>
 * themselves: they get the host's, and mmsim/sal.h fills in only the
 * annotations it does not define.
 */
#ifndef MMSIM_TOP_CONCURRENCYSAL_H
#define MMSIM_TOP_CONCURRENCYSAL_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <concurrencysal.h>
#endif
#include "mmsim/sal.h"
#endif /* MMSIM_TOP_CONCURRENCYSAL_H */
