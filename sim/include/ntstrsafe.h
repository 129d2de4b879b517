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

/* ---- copy -------------------------------------------------------------- */
NTSTRSAFEDDI RtlStringCbCopyA(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCopyW(
    _Out_writes_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCopyA(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCopyW(
    _Out_writes_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ NTSTRSAFE_PCWSTR pszSrc);

/* ---- concatenate ------------------------------------------------------- */
NTSTRSAFEDDI RtlStringCbCatA(
    _Inout_updates_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCatW(
    _Inout_updates_bytes_(cbDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_z_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCatA(
    _Inout_updates_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCatW(
    _Inout_updates_(cchDest) _Always_(_Post_z_) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_z_ NTSTRSAFE_PCWSTR pszSrc);

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

#ifdef __cplusplus
}
#endif

#endif /* _NTSTRSAFE_H_INCLUDED_ */
