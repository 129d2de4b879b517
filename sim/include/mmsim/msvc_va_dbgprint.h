/*
 * mmsim/msvc_va_dbgprint.h - DbgPrint and DbgPrintEx as function-like macros
 * over the functions <wdm.h> declares, for MSVC's comma elision
 * (mmsim/msvc_va.h). Included by <wdm.h>; not included directly.
 *
 * A driver may #define DbgPrint itself (a teaching driver's Common.h does):
 * its definition replaces this one; clang's warning about that is off
 * (msvc_va.h), gcc's cannot be (docs/wdk-surface.md, "MSVC's preprocessor
 * dialect").
 */
#ifndef MMSIM_MSVC_VA_DBGPRINT_H
#define MMSIM_MSVC_VA_DBGPRINT_H

#include "msvc_va.h"

#define DbgPrint(...) MMSIM_VA_CALL((DbgPrint), __VA_ARGS__)
#define DbgPrintEx(...) MMSIM_VA_CALL((DbgPrintEx), __VA_ARGS__)

#endif /* MMSIM_MSVC_VA_DBGPRINT_H */
