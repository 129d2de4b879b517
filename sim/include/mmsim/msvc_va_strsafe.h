/*
 * mmsim/msvc_va_strsafe.h - the printf forms of <ntstrsafe.h> as
 * function-like macros over their functions, for MSVC's comma elision
 * (mmsim/msvc_va.h). Included by <ntstrsafe.h>; not included directly.
 */
#ifndef MMSIM_MSVC_VA_STRSAFE_H
#define MMSIM_MSVC_VA_STRSAFE_H

#include "msvc_va.h"

#define RtlStringCbPrintfA(...) MMSIM_VA_CALL((RtlStringCbPrintfA), __VA_ARGS__)
#define RtlStringCbPrintfW(...) MMSIM_VA_CALL((RtlStringCbPrintfW), __VA_ARGS__)
#define RtlStringCchPrintfA(...) MMSIM_VA_CALL((RtlStringCchPrintfA), __VA_ARGS__)
#define RtlStringCchPrintfW(...) MMSIM_VA_CALL((RtlStringCchPrintfW), __VA_ARGS__)
#define RtlStringCbPrintfExA(...) MMSIM_VA_CALL((RtlStringCbPrintfExA), __VA_ARGS__)
#define RtlStringCbPrintfExW(...) MMSIM_VA_CALL((RtlStringCbPrintfExW), __VA_ARGS__)
#define RtlStringCchPrintfExA(...) MMSIM_VA_CALL((RtlStringCchPrintfExA), __VA_ARGS__)
#define RtlStringCchPrintfExW(...) MMSIM_VA_CALL((RtlStringCchPrintfExW), __VA_ARGS__)
#define RtlUnicodeStringPrintf(...) MMSIM_VA_CALL((RtlUnicodeStringPrintf), __VA_ARGS__)
#define RtlUnicodeStringPrintfEx(...) MMSIM_VA_CALL((RtlUnicodeStringPrintfEx), __VA_ARGS__)

#endif /* MMSIM_MSVC_VA_STRSAFE_H */
