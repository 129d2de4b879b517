/*
 * format.h - mmsim's printf engine with the Windows kernel's format semantics,
 * shared by DbgPrint (rtl.c) and ntstrsafe's printf family (strsafe.c).
 * Internal; not installed.
 */
#ifndef MMSIM_KE_FORMAT_H
#define MMSIM_KE_FORMAT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "../mi.h"

typedef struct _MI_FORMAT_OUTPUT {
    void *Buffer;     /* CHAR[] or WCHAR[] */
    size_t Capacity;  /* characters, the terminating NUL included; at least 1 */
    bool Wide;        /* Buffer and the format string are WCHARs */
    size_t Length;    /* characters stored (no NUL) */
    bool Truncated;   /* some output did not fit */
} MI_FORMAT_OUTPUT;

/* Formats Format (CHAR or WCHAR as Output->Wide says) with Arguments into
 * Output, always NUL-terminated. Conventions (docs/wdk-surface.md):
 *  - lengths: h 16, hh 8, l and w and I32 32 (LLP64), ll, L, I64, I, z, j, t 64;
 *  - c/s are the output's width, C/S the other; h narrow, l/w wide;
 *    Z an ANSI_STRING *, wZ/lZ a UNICODE_STRING *; NULL prints "(null)";
 *  - p is 16 upper-case hex digits; n stores nothing; an unknown conversion
 *    prints its character;
 *  - narrow to wide is byte = code point; wide to narrow keeps code points up
 *    to 0xFF and prints '?' for the others.
 * A narrow/wide conversion at DISPATCH_LEVEL or above stops with 0xD1
 * (argument address, IRQL, 0 = read, Caller): the conversion tables are
 * pageable (documented for DbgPrint's Unicode codes). */
void MiFormat(MI_FORMAT_OUTPUT *Output, const void *Format, va_list *Arguments, ULONG_PTR Caller);

#endif /* MMSIM_KE_FORMAT_H */
