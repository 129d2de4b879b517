/*
 * ntstrsafe.h - mmsim's safe string functions for kernel code: the
 * RtlStringCb* (byte-counted) and RtlStringCch* (character-counted) printf,
 * copy, concatenate and length families, A (char) and W (WCHAR) forms.
 *
 * Written from Microsoft's documentation of each function (learn.microsoft.com
 * /windows-hardware/drivers/ddi/ntstrsafe/, cited in docs/wdk-surface.md);
 * no WDK text. In the WDK these are inline functions or Ntstrsafe.lib code in
 * the driver, not kernel exports, so MmGetSystemRoutineAddress does not find
 * them here either.
 *
 * Every function returns one of three documented values:
 *   STATUS_SUCCESS            the whole result fit; the destination is
 *                             NUL-terminated.
 *   STATUS_BUFFER_OVERFLOW    (a warning: NT_SUCCESS is FALSE) the result was
 *                             truncated to fit; the destination is still
 *                             NUL-terminated.
 *   STATUS_INVALID_PARAMETER  a size of 0 or above NTSTRSAFE_MAX_CCH characters
 *                             (the Cb forms: bytes / sizeof the character), a
 *                             NULL pointer, or (Cat) a destination with no NUL
 *                             within its size. mmsim leaves the destination
 *                             unchanged then (the documentation says nothing).
 * The Length functions return STATUS_SUCCESS or STATUS_INVALID_PARAMETER (NULL
 * string, size 0 or too large, no NUL within the size); on failure mmsim
 * stores 0 in the optional length.
 *
 * Printf formats follow the Windows kernel (see DbgPrint in wdm.h): `%s` is a
 * narrow string in the A forms and a wide one in the W forms, `%S` the other
 * kind, `%ws`/`%hs`, `%wZ` (UNICODE_STRING *), `%Z` (ANSI_STRING *), `%I64d`,
 * `%Iu`, LLP64 `%ld`. The W forms' character is the host wchar_t (WCHAR, see
 * README), so a Cb W size is divided by sizeof(WCHAR).
 *
 * IRQL: the documentation gives PASSIVE_LEVEL. Formatting and copying at
 * DISPATCH_LEVEL work on Windows when every string is resident, and work here
 * (touching a trimmed paged-pool string at DISPATCH_LEVEL stops with 0xD1 as
 * any access would). A printf conversion between narrow and wide characters
 * needs the pageable conversion tables: at DISPATCH_LEVEL or above mmsim
 * stops with 0xD1, as DbgPrint does.
 */
#ifndef _NTSTRSAFE_H_INCLUDED_
#define _NTSTRSAFE_H_INCLUDED_
#define MMSIM_NTSTRSAFE_H 1

#include <stdarg.h>
#include <stddef.h>

#include "wdm.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NTSTRSAFE_MAX_CCH    2147483647
#define NTSTRSAFE_MAX_LENGTH (NTSTRSAFE_MAX_CCH - 1)

#ifndef NTSTRSAFEDDI
#define NTSTRSAFEDDI NTSTATUS NTAPI
#endif

typedef CHAR *NTSTRSAFE_PSTR;
typedef const CHAR *NTSTRSAFE_PCSTR;
typedef WCHAR *NTSTRSAFE_PWSTR;
typedef const WCHAR *NTSTRSAFE_PCWSTR;
typedef const CHAR *STRSAFE_PCNZCH;
typedef const WCHAR *STRSAFE_PCNZWCH;
typedef const WCHAR *STRSAFE_PCUNZWCH; /* unaligned on the architectures that have them */

/* Strings of the UNICODE_STRING functions: at most this many characters. */
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH 32767

/* Ex-form flags; the low byte is the fill byte of the FILL flags. dwFlags is a DWORD in
 * the documentation, a 32-bit unsigned integer: ULONG here, since <wdm.h> has no DWORD. */
#define STRSAFE_IGNORE_NULLS     0x00000100
#define STRSAFE_FILL_BEHIND_NULL 0x00000200
#define STRSAFE_FILL_ON_FAILURE  0x00000400
#define STRSAFE_NULL_ON_FAILURE  0x00000800
#define STRSAFE_NO_TRUNCATION    0x00001000
#define STRSAFE_VALID_FLAGS                                                                  \
    (0x000000FF | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL | STRSAFE_FILL_ON_FAILURE | \
     STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION)
#define STRSAFE_FILL_BYTE(x)    ((ULONG)(((x) & 0x000000FF) | STRSAFE_FILL_BEHIND_NULL))
#define STRSAFE_FAILURE_BYTE(x) ((ULONG)(((x) & 0x000000FF) | STRSAFE_FILL_ON_FAILURE))
#define STRSAFE_GET_FILL_PATTERN(dwFlags) ((int)((dwFlags) & 0x000000FF))
/* The UNICODE_STRING functions' names for two of them. */
#define STRSAFE_FILL_BEHIND            STRSAFE_FILL_BEHIND_NULL
#define STRSAFE_ZERO_LENGTH_ON_FAILURE STRSAFE_NULL_ON_FAILURE

/* ---- printf ------------------------------------------------------------ */
NTSTRSAFEDDI RtlStringCbPrintfA(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbPrintfW(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchPrintfA(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchPrintfW(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbVPrintfA(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCbVPrintfW(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchVPrintfA(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchVPrintfW(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);

/* ---- copy and concatenate: plain, N (at most N characters of the source) and Ex
 * (end pointer, what remains, flags) forms. Cb counts are bytes, Cch counts characters. */
NTSTRSAFEDDI RtlStringCbCopyA(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCopyExA(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCopyNA(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cbToCopy);
NTSTRSAFEDDI RtlStringCbCopyNExA(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cbToCopy,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCatA(
    _Inout_updates_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCatExA(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCatNA(
    _Inout_updates_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cbToAppend);
NTSTRSAFEDDI RtlStringCbCatNExA(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cbToAppend,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCopyW(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCopyExW(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCopyNW(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cbToCopy);
NTSTRSAFEDDI RtlStringCbCopyNExW(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cbToCopy,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCatW(
    _Inout_updates_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCatExW(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCatNW(
    _Inout_updates_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cbToAppend);
NTSTRSAFEDDI RtlStringCbCatNExW(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cbToAppend,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyA(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCopyExA(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyNA(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cchToCopy);
NTSTRSAFEDDI RtlStringCchCopyNExA(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cchToCopy,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCatA(
    _Inout_updates_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCatExA(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCatNA(
    _Inout_updates_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cchToAppend);
NTSTRSAFEDDI RtlStringCchCatNExA(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ STRSAFE_PCNZCH pszSrc,
    _In_ size_t cchToAppend,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyW(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCopyExW(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyNW(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cchToCopy);
NTSTRSAFEDDI RtlStringCchCopyNExW(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cchToCopy,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCatW(
    _Inout_updates_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCatExW(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCatNW(
    _Inout_updates_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cchToAppend);
NTSTRSAFEDDI RtlStringCchCatNExW(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ STRSAFE_PCNZWCH pszSrc,
    _In_ size_t cchToAppend,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);

/* ---- printf, Ex forms ------------------------------------------------ */
NTSTRSAFEDDI RtlStringCbPrintfExA(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbVPrintfExA(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCbPrintfExW(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbVPrintfExW(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchPrintfExA(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchVPrintfExA(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchPrintfExW(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchVPrintfExW(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);

/* ---- a UNICODE_STRING into a NUL-terminated buffer ------------------- */
NTSTRSAFEDDI RtlStringCbCopyUnicodeString(
    _Out_writes_bytes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ PCUNICODE_STRING SourceString);
NTSTRSAFEDDI RtlStringCbCopyUnicodeStringEx(
    _Out_writes_bytes_opt_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_opt_ PCUNICODE_STRING SourceString,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyUnicodeString(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ PCUNICODE_STRING SourceString);
NTSTRSAFEDDI RtlStringCchCopyUnicodeStringEx(
    _Out_writes_opt_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_opt_ PCUNICODE_STRING SourceString,
    _Outptr_opt_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);

/* ---- length (excluding the terminating NUL) ----------------------------- */
NTSTRSAFEDDI RtlStringCbLengthA(
    _In_reads_or_z_(cbMax) STRSAFE_PCNZCH psz,
    _In_ size_t cbMax,
    _Out_opt_ size_t *pcbLength);
NTSTRSAFEDDI RtlStringCbLengthW(
    _In_reads_or_z_(cbMax / sizeof(WCHAR)) STRSAFE_PCNZWCH psz,
    _In_ size_t cbMax,
    _Out_opt_ size_t *pcbLength);
NTSTRSAFEDDI RtlStringCchLengthA(
    _In_reads_or_z_(cchMax) STRSAFE_PCNZCH psz,
    _In_ size_t cchMax,
    _Out_opt_ size_t *pcchLength);
NTSTRSAFEDDI RtlStringCchLengthW(
    _In_reads_or_z_(cchMax) STRSAFE_PCNZWCH psz,
    _In_ size_t cchMax,
    _Out_opt_ size_t *pcchLength);

/* Lengths of WCHAR strings that may not be aligned (read byte by byte). */
NTSTRSAFEDDI RtlUnalignedStringCbLengthW(
    _In_reads_or_z_(cbMax / sizeof(WCHAR)) STRSAFE_PCUNZWCH psz,
    _In_ size_t cbMax,
    _Out_opt_ size_t *pcbLength);
NTSTRSAFEDDI RtlUnalignedStringCchLengthW(
    _In_reads_or_z_(cchMax) STRSAFE_PCUNZWCH psz,
    _In_ size_t cchMax,
    _Out_opt_ size_t *pcchLength);

/* ---- UNICODE_STRING results (RtlUnicodeString*) ----------------------
 * Counted, not NUL-terminated: the result's Length says where it ends, MaximumLength is
 * the buffer's size. A UNICODE_STRING is valid when Length <= MaximumLength, both are
 * even, MaximumLength <= NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR), and Buffer is
 * non-NULL unless MaximumLength is 0; any other is STATUS_INVALID_PARAMETER. Truncation is
 * STATUS_BUFFER_OVERFLOW with the buffer full. RemainingString (Ex): Buffer at the end of
 * the result, Length 0, MaximumLength the bytes left. */
NTSTRSAFEDDI RtlUnicodeStringInit(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlUnicodeStringInitEx(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringValidate(
    _In_opt_ PCUNICODE_STRING SourceString);
NTSTRSAFEDDI RtlUnicodeStringValidateEx(
    _In_opt_ PCUNICODE_STRING SourceString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCopy(
    _Out_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString);
NTSTRSAFEDDI RtlUnicodeStringCopyEx(
    _Out_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCbCopyN(
    _Out_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _In_ size_t cbToCopy);
NTSTRSAFEDDI RtlUnicodeStringCbCopyNEx(
    _Out_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString,
    _In_ size_t cbToCopy,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCchCopyN(
    _Out_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _In_ size_t cchToCopy);
NTSTRSAFEDDI RtlUnicodeStringCchCopyNEx(
    _Out_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString,
    _In_ size_t cchToCopy,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCopyString(
    _Out_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlUnicodeStringCopyStringEx(
    _Out_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCbCopyStringN(
    _Out_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToCopy);
NTSTRSAFEDDI RtlUnicodeStringCbCopyStringNEx(
    _Out_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToCopy,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCchCopyStringN(
    _Out_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToCopy);
NTSTRSAFEDDI RtlUnicodeStringCchCopyStringNEx(
    _Out_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToCopy,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCat(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString);
NTSTRSAFEDDI RtlUnicodeStringCatEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCbCatN(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _In_ size_t cbToAppend);
NTSTRSAFEDDI RtlUnicodeStringCbCatNEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString,
    _In_ size_t cbToAppend,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCchCatN(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _In_ size_t cchToAppend);
NTSTRSAFEDDI RtlUnicodeStringCchCatNEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString,
    _In_ size_t cchToAppend,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCatString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlUnicodeStringCatStringEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCbCatStringN(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToAppend);
NTSTRSAFEDDI RtlUnicodeStringCbCatStringNEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToAppend,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringCchCatStringN(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToAppend);
NTSTRSAFEDDI RtlUnicodeStringCchCatStringNEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToAppend,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlUnicodeStringPrintf(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlUnicodeStringPrintfEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlUnicodeStringVPrintf(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlUnicodeStringVPrintfEx(
    _Inout_opt_ PUNICODE_STRING DestinationString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags,
    _In_z_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);

#ifdef __cplusplus
}
#endif

/* The printf forms are also function-like macros, for MSVC's comma elision
 * in a driver's own wrapper (`Format, __VA_ARGS__` with nothing after the
 * format): mmsim/msvc_va.h. */
#include "mmsim/msvc_va_strsafe.h"

#endif /* _NTSTRSAFE_H_INCLUDED_ */
