/*
 * specstrings.h - <specstrings.h> for driver code: the SAL 1 annotations
 * (__in, __out_bcount, ...) and SAL 2, all no-ops, from mmsim/sal.h, which
 * <wdm.h> includes too (survey31: older driver files include it by name).
 *
 * On a Windows host (mingw-w64) the SDK's headers include <specstrings.h>
 * themselves (mingw-w64's sal.h includes <concurrencysal.h> before its own
 * definitions, its driverspecs.h and minwindef.h include <specstrings.h>):
 * they get the host's alone, and <wdm.h>'s mmsim/sal.h fills in later only
 * the annotations the host's do not define.
 */
#ifndef MMSIM_TOP_SPECSTRINGS_H
#define MMSIM_TOP_SPECSTRINGS_H
#if defined(_WIN32) && defined(__MINGW32__)
#include_next <specstrings.h>
#else
#include "mmsim/sal.h"
#endif
#endif /* MMSIM_TOP_SPECSTRINGS_H */
