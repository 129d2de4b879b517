/*
 * concurrencysal.h - <concurrencysal.h> for driver code: the lock annotations
 * (concurrency SAL) as no-ops, from mmsim/sal.h, which <wdm.h> includes too
 * (the WDK's sal.h includes concurrencysal.h).
 *
 * On a Windows host (mingw-w64) the SDK's headers include <concurrencysal.h>
 * themselves (mingw-w64's sal.h includes <concurrencysal.h> before its own
 * definitions, its driverspecs.h and minwindef.h include <specstrings.h>):
 * they get the host's alone, and <wdm.h>'s mmsim/sal.h fills in later only
 * the annotations the host's do not define.
 */
#ifndef MMSIM_TOP_CONCURRENCYSAL_H
#define MMSIM_TOP_CONCURRENCYSAL_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <concurrencysal.h>
#else
#include "mmsim/sal.h"
#endif
#endif /* MMSIM_TOP_CONCURRENCYSAL_H */
