/*
 * strsafe.c - ntstrsafe.h's RtlStringCb* / RtlStringCch* printf, copy,
 * concatenate and length functions (see the header for the contract).
 *
 * Sources: the Microsoft documentation page of each function (ntstrsafe.h
 * reference, docs/wdk-surface.md): the three return values, what each means
 * for the destination, and when STATUS_INVALID_PARAMETER is returned. Where
 * the pages are silent (the destination after STATUS_INVALID_PARAMETER, the
 * length after a failed Length call) the choice is mmsim's and documented.
 */
#include <stdarg.h>

#include "format.h"
#include "ntstrsafe.h"

/* A string of CHARs or WCHARs, accessed by index. */
static uint32_t MiCharAt(const void *Text, bool Wide, size_t Index)
{
    return Wide ? (uint32_t)((const WCHAR *)Text)[Index]
                : (uint32_t)((const unsigned char *)Text)[Index];
}

static void MiSetChar(void *Text, bool Wide, size_t Index, uint32_t Character)
{
    if (Wide) {
        ((WCHAR *)Text)[Index] = (WCHAR)Character;
    } else {
        ((CHAR *)Text)[Index] = (CHAR)Character;
    }
}

static void *MiAt(void *Text, bool Wide, size_t Index)
{
    return Wide ? (void *)((WCHAR *)Text + Index) : (void *)((CHAR *)Text + Index);
}

static bool MiValidCch(size_t Cch)
{
    return Cch != 0 && Cch <= NTSTRSAFE_MAX_CCH;
}

/* A Cb size in characters, or 0 when it is above the documented maximum
 * (NTSTRSAFE_MAX_CCH * sizeof the character), which then fails validation. */
static size_t MiCbToCch(size_t Cb, bool Wide)
{
    size_t Unit = Wide ? sizeof(WCHAR) : sizeof(CHAR);
    if (Cb > (size_t)NTSTRSAFE_MAX_CCH * Unit) {
        return 0;
    }
    return Cb / Unit;
}

/* Copies Source into Destination[0 .. Cch-1], NUL-terminated; Cch >= 1. */
static NTSTATUS MiCopy(void *Destination, size_t Cch, const void *Source, bool Wide)
{
    size_t i = 0;
    while (i + 1 < Cch && MiCharAt(Source, Wide, i) != 0) {
        MiSetChar(Destination, Wide, i, MiCharAt(Source, Wide, i));
        i++;
    }
    bool Truncated = MiCharAt(Source, Wide, i) != 0;
    MiSetChar(Destination, Wide, i, 0);
    return Truncated ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

static NTSTATUS MiStringCopy(void *Destination, size_t Cch, const void *Source, bool Wide)
{
    if (!MiValidCch(Cch) || Destination == NULL || Source == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    return MiCopy(Destination, Cch, Source, Wide);
}

static NTSTATUS MiStringCat(void *Destination, size_t Cch, const void *Source, bool Wide)
{
    if (!MiValidCch(Cch) || Destination == NULL || Source == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    size_t Length = 0;
    while (Length < Cch && MiCharAt(Destination, Wide, Length) != 0) {
        Length++;
    }
    if (Length == Cch) {
        return STATUS_INVALID_PARAMETER; /* "the destination buffer was already full" */
    }
    return MiCopy(MiAt(Destination, Wide, Length), Cch - Length, Source, Wide);
}

static NTSTATUS MiStringLength(const void *Text, size_t CchMax, bool Wide, size_t *Length)
{
    if (Length != NULL) {
        *Length = 0;
    }
    if (Text == NULL || !MiValidCch(CchMax)) {
        return STATUS_INVALID_PARAMETER;
    }
    for (size_t i = 0; i < CchMax; i++) {
        if (MiCharAt(Text, Wide, i) == 0) {
            if (Length != NULL) {
                *Length = i;
            }
            return STATUS_SUCCESS;
        }
    }
    return STATUS_INVALID_PARAMETER; /* longer than CchMax */
}

static NTSTATUS MiStringPrintf(void *Destination, size_t Cch, const void *Format, bool Wide,
                               va_list *Arguments, ULONG_PTR Caller)
{
    if (!MiValidCch(Cch) || Destination == NULL || Format == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    MI_FORMAT_OUTPUT Output = {Destination, Cch, Wide, 0, false};
    MiFormat(&Output, Format, Arguments, Caller);
    return Output.Truncated ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

/* ---- printf ------------------------------------------------------------ */
#define MI_PRINTF_BODY(Destination, Cch, Format, Wide)                                     \
    va_list Arguments;                                                                    \
    va_start(Arguments, Format);                                                          \
    NTSTATUS Status =                                                                     \
        MiStringPrintf(Destination, Cch, Format, Wide, &Arguments, MI_CALLER_ADDRESS());  \
    va_end(Arguments);                                                                    \
    return Status

#define MI_VPRINTF_BODY(Destination, Cch, Format, Wide, List)                             \
    va_list Arguments;                                                                    \
    va_copy(Arguments, List);                                                             \
    NTSTATUS Status =                                                                     \
        MiStringPrintf(Destination, Cch, Format, Wide, &Arguments, MI_CALLER_ADDRESS());  \
    va_end(Arguments);                                                                    \
    return Status

NTSTATUS NTAPI RtlStringCbPrintfA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszFormat,
                                  ...)
{
    MI_PRINTF_BODY(pszDest, MiCbToCch(cbDest, false), pszFormat, false);
}

NTSTATUS NTAPI RtlStringCbPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
                                  NTSTRSAFE_PCWSTR pszFormat, ...)
{
    MI_PRINTF_BODY(pszDest, MiCbToCch(cbDest, true), pszFormat, true);
}

NTSTATUS NTAPI RtlStringCchPrintfA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
                                   NTSTRSAFE_PCSTR pszFormat, ...)
{
    MI_PRINTF_BODY(pszDest, cchDest, pszFormat, false);
}

NTSTATUS NTAPI RtlStringCchPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
                                   NTSTRSAFE_PCWSTR pszFormat, ...)
{
    MI_PRINTF_BODY(pszDest, cchDest, pszFormat, true);
}

NTSTATUS NTAPI RtlStringCbVPrintfA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
                                   NTSTRSAFE_PCSTR pszFormat, va_list argList)
{
    MI_VPRINTF_BODY(pszDest, MiCbToCch(cbDest, false), pszFormat, false, argList);
}

NTSTATUS NTAPI RtlStringCbVPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
                                   NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    MI_VPRINTF_BODY(pszDest, MiCbToCch(cbDest, true), pszFormat, true, argList);
}

NTSTATUS NTAPI RtlStringCchVPrintfA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
                                    NTSTRSAFE_PCSTR pszFormat, va_list argList)
{
    MI_VPRINTF_BODY(pszDest, cchDest, pszFormat, false, argList);
}

NTSTATUS NTAPI RtlStringCchVPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
                                    NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    MI_VPRINTF_BODY(pszDest, cchDest, pszFormat, true, argList);
}

/* ---- copy -------------------------------------------------------------- */
NTSTATUS NTAPI RtlStringCbCopyA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszSrc)
{
    return MiStringCopy(pszDest, MiCbToCch(cbDest, false), pszSrc, false);
}

NTSTATUS NTAPI RtlStringCbCopyW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, NTSTRSAFE_PCWSTR pszSrc)
{
    return MiStringCopy(pszDest, MiCbToCch(cbDest, true), pszSrc, true);
}

NTSTATUS NTAPI RtlStringCchCopyA(NTSTRSAFE_PSTR pszDest, size_t cchDest, NTSTRSAFE_PCSTR pszSrc)
{
    return MiStringCopy(pszDest, cchDest, pszSrc, false);
}

NTSTATUS NTAPI RtlStringCchCopyW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, NTSTRSAFE_PCWSTR pszSrc)
{
    return MiStringCopy(pszDest, cchDest, pszSrc, true);
}

/* ---- concatenate ------------------------------------------------------- */
NTSTATUS NTAPI RtlStringCbCatA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszSrc)
{
    return MiStringCat(pszDest, MiCbToCch(cbDest, false), pszSrc, false);
}

NTSTATUS NTAPI RtlStringCbCatW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, NTSTRSAFE_PCWSTR pszSrc)
{
    return MiStringCat(pszDest, MiCbToCch(cbDest, true), pszSrc, true);
}

NTSTATUS NTAPI RtlStringCchCatA(NTSTRSAFE_PSTR pszDest, size_t cchDest, NTSTRSAFE_PCSTR pszSrc)
{
    return MiStringCat(pszDest, cchDest, pszSrc, false);
}

NTSTATUS NTAPI RtlStringCchCatW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, NTSTRSAFE_PCWSTR pszSrc)
{
    return MiStringCat(pszDest, cchDest, pszSrc, true);
}

/* ---- length ------------------------------------------------------------ */
NTSTATUS NTAPI RtlStringCbLengthA(STRSAFE_PCNZCH psz, size_t cbMax, size_t *pcbLength)
{
    return MiStringLength(psz, MiCbToCch(cbMax, false), false, pcbLength);
}

NTSTATUS NTAPI RtlStringCbLengthW(STRSAFE_PCNZWCH psz, size_t cbMax, size_t *pcbLength)
{
    size_t Characters = 0;
    NTSTATUS Status = MiStringLength(psz, MiCbToCch(cbMax, true), true, &Characters);
    if (pcbLength != NULL) {
        *pcbLength = Characters * sizeof(WCHAR);
    }
    return Status;
}

NTSTATUS NTAPI RtlStringCchLengthA(STRSAFE_PCNZCH psz, size_t cchMax, size_t *pcchLength)
{
    return MiStringLength(psz, cchMax, false, pcchLength);
}

NTSTATUS NTAPI RtlStringCchLengthW(STRSAFE_PCNZWCH psz, size_t cchMax, size_t *pcchLength)
{
    return MiStringLength(psz, cchMax, true, pcchLength);
}
