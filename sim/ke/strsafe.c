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
#include <stdlib.h>

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

NTSTATUS NTAPI(RtlStringCbPrintfA)(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszFormat,
                                  ...)
{
    MI_PRINTF_BODY(pszDest, MiCbToCch(cbDest, false), pszFormat, false);
}

NTSTATUS NTAPI(RtlStringCbPrintfW)(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
                                  NTSTRSAFE_PCWSTR pszFormat, ...)
{
    MI_PRINTF_BODY(pszDest, MiCbToCch(cbDest, true), pszFormat, true);
}

NTSTATUS NTAPI(RtlStringCchPrintfA)(NTSTRSAFE_PSTR pszDest, size_t cchDest,
                                   NTSTRSAFE_PCSTR pszFormat, ...)
{
    MI_PRINTF_BODY(pszDest, cchDest, pszFormat, false);
}

NTSTATUS NTAPI(RtlStringCchPrintfW)(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
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


/* ---------------------------------------------------------------------- */
/* Copy and concatenate, plain, N and Ex forms (one engine).              */
/* ---------------------------------------------------------------------- */
#define MI_NO_LIMIT ((size_t)-1)
#define MI_TOO_BIG  ((size_t)-1) /* a size above the documented maximum */

/* A Cb size (or Cb count) in characters; MI_TOO_BIG above NTSTRSAFE_MAX_CCH characters
 * (with IGNORE_NULLS a size of 0 is valid, so 0 cannot mean "too big" here). */
static size_t MiCbToCchEx(size_t Cb, bool Wide)
{
    size_t Unit = Wide ? sizeof(WCHAR) : sizeof(CHAR);
    return Cb > (size_t)NTSTRSAFE_MAX_CCH * Unit ? MI_TOO_BIG : Cb / Unit;
}

/* A Cb count of characters to take (the N forms): above the maximum it stays above it. */
static size_t MiCbCountToCch(size_t Cb, bool Wide)
{
    size_t Unit = Wide ? sizeof(WCHAR) : sizeof(CHAR);
    return Cb > (size_t)NTSTRSAFE_MAX_CCH * Unit ? (size_t)NTSTRSAFE_MAX_CCH + 1 : Cb / Unit;
}

static size_t MiUnit(bool Wide)
{
    return Wide ? sizeof(WCHAR) : sizeof(CHAR);
}

/* The destination checks every form makes: a valid size; with STRSAFE_IGNORE_NULLS (Ex
 * forms) a NULL destination of size 0, otherwise a non-NULL one of non-zero size. */
static NTSTATUS MiValidateDest(const void *Dest, size_t Cch, ULONG Flags, bool Ex)
{
    if (Ex && (Flags & ~(ULONG)STRSAFE_VALID_FLAGS) != 0) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Cch == MI_TOO_BIG || Cch > NTSTRSAFE_MAX_CCH) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Ex && (Flags & STRSAFE_IGNORE_NULLS)) {
        return Dest == NULL && Cch != 0 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
    }
    return Dest == NULL || Cch == 0 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

/* What the Ex flags do once the outcome is known, then the optional outputs (set for
 * success and truncation only). Final: the index of the terminating NUL. */
static NTSTATUS MiFinishEx(bool Wide, void *Dest, size_t Cch, NTSTATUS Status, size_t Start,
                           size_t Final, void **End, size_t *Remaining, ULONG Flags,
                           size_t RemainingUnit)
{
    bool Writable = Dest != NULL && Cch != 0 && Cch != MI_TOO_BIG && Cch <= NTSTRSAFE_MAX_CCH;
    UCHAR Fill = (UCHAR)(Flags & 0xFF);
    if (Status == STATUS_SUCCESS) {
        if ((Flags & STRSAFE_FILL_BEHIND_NULL) && Writable && Final + 1 < Cch) {
            memset(MiAt(Dest, Wide, Final + 1), Fill, (Cch - Final - 1) * MiUnit(Wide));
        }
    } else if (Writable && (Flags & STRSAFE_FILL_ON_FAILURE)) {
        memset(Dest, Fill, Cch * MiUnit(Wide));
        Final = Fill == 0 ? 0 : Cch - 1; /* filled, then NUL-terminated */
        MiSetChar(Dest, Wide, Final, 0);
    } else if (Writable && (Flags & STRSAFE_NULL_ON_FAILURE)) {
        MiSetChar(Dest, Wide, 0, 0);
        Final = 0;
    } else if (Status == STATUS_BUFFER_OVERFLOW && (Flags & STRSAFE_NO_TRUNCATION)) {
        Final = Start; /* nothing was written */
    }
    if (Status == STATUS_SUCCESS || Status == STATUS_BUFFER_OVERFLOW) {
        if (End != NULL) {
            *End = Dest != NULL ? MiAt(Dest, Wide, Final) : NULL;
        }
        if (Remaining != NULL) {
            *Remaining = (Cch - Final) * RemainingUnit;
        }
    }
    return Status;
}

/* Copies (Cat: appends) at most Limit characters of Source into Dest (Cch characters),
 * NUL-terminated; truncates to fit (STATUS_BUFFER_OVERFLOW) unless STRSAFE_NO_TRUNCATION,
 * which leaves Dest as it was. RemainingUnit: 1 for Cch outputs, the character size for
 * Cb ones. */
static NTSTATUS MiStringOpEx(bool Wide, bool Cat, void *Dest, size_t Cch, const void *Source,
                             size_t Limit, void **End, size_t *Remaining, ULONG Flags,
                             size_t RemainingUnit, bool Ex)
{
    NTSTATUS Status = MiValidateDest(Dest, Cch, Flags, Ex);
    if (NT_SUCCESS(Status) && Limit != MI_NO_LIMIT && Limit > NTSTRSAFE_MAX_CCH) {
        Status = STATUS_INVALID_PARAMETER;
    }
    if (NT_SUCCESS(Status) && Source == NULL) {
        if (Ex && (Flags & STRSAFE_IGNORE_NULLS)) {
            Source = Wide ? (const void *)L"" : (const void *)"";
        } else {
            Status = STATUS_INVALID_PARAMETER;
        }
    }
    size_t Start = 0, Final = 0;
    if (NT_SUCCESS(Status) && Cat) {
        while (Start < Cch && MiCharAt(Dest, Wide, Start) != 0) {
            Start++;
        }
        if (Cch != 0 && Start == Cch) {
            Status = STATUS_INVALID_PARAMETER; /* "the destination buffer was already full" */
        }
    }
    Final = Start;
    if (NT_SUCCESS(Status)) {
        /* How much of Source there is to take, counted no further than what could fit. */
        size_t Room = Cch > Start ? Cch - Start - 1 : 0;
        size_t Need = 0;
        while (Need < Limit && Need <= Room && MiCharAt(Source, Wide, Need) != 0) {
            Need++;
        }
        bool Fits = Need <= Room && (Need == 0 || Cch != 0);
        if (!Fits && Cch == 0) {
            Status = STATUS_INVALID_PARAMETER; /* a zero-size destination, a non-empty source */
        } else if (!Fits && Ex && (Flags & STRSAFE_NO_TRUNCATION)) {
            Status = STATUS_BUFFER_OVERFLOW;
        } else {
            size_t Take = Fits ? Need : Room;
            for (size_t i = 0; i < Take; i++) {
                MiSetChar(Dest, Wide, Start + i, MiCharAt(Source, Wide, i));
            }
            Final = Start + Take;
            if (Cch != 0) {
                MiSetChar(Dest, Wide, Final, 0);
            }
            Status = Fits ? STATUS_SUCCESS : STATUS_BUFFER_OVERFLOW;
        }
    }
    if (!Ex) {
        return Status;
    }
    return MiFinishEx(Wide, Dest, Cch, Status, Start, Final, End, Remaining, Flags,
                      RemainingUnit);
}

/* printf with the Ex flags. With STRSAFE_NO_TRUNCATION the destination is saved first, so
 * that a truncated result can leave it as it was. */
static NTSTATUS MiStringPrintfEx(bool Wide, void *Dest, size_t Cch, void **End,
                                 size_t *Remaining, ULONG Flags, size_t RemainingUnit,
                                 const void *Format, va_list *Arguments, ULONG_PTR Caller)
{
    NTSTATUS Status = MiValidateDest(Dest, Cch, Flags, true);
    if (NT_SUCCESS(Status) && Format == NULL) {
        if (Flags & STRSAFE_IGNORE_NULLS) {
            Format = Wide ? (const void *)L"" : (const void *)"";
        } else {
            Status = STATUS_INVALID_PARAMETER;
        }
    }
    size_t Final = 0;
    if (NT_SUCCESS(Status) && Cch == 0) {
        /* Only with IGNORE_NULLS: nothing fits, not even the NUL. */
        if (MiCharAt(Format, Wide, 0) != 0) {
            Status = Dest == NULL ? STATUS_INVALID_PARAMETER : STATUS_BUFFER_OVERFLOW;
        }
    } else if (NT_SUCCESS(Status)) {
        void *Saved = NULL;
        if (Flags & STRSAFE_NO_TRUNCATION) {
            Saved = malloc(Cch * MiUnit(Wide));
            if (Saved != NULL) {
                memcpy(Saved, Dest, Cch * MiUnit(Wide));
            }
        }
        MI_FORMAT_OUTPUT Output = {Dest, Cch, Wide, 0, false};
        MiFormat(&Output, Format, Arguments, Caller);
        Final = Output.Length;
        Status = Output.Truncated ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
        if (Output.Truncated && Saved != NULL) {
            memcpy(Dest, Saved, Cch * MiUnit(Wide));
        }
        free(Saved);
    }
    return MiFinishEx(Wide, Dest, Cch, Status, 0, Final, End, Remaining, Flags, RemainingUnit);
}

/* Characters a UNICODE_STRING can hold: NTSTRSAFE_UNICODE_STRING_MAX_CCH, or fewer when
 * the host's WCHAR is wider than 2 bytes (its USHORT lengths count bytes). */
#define MI_US_MAX_CCH                                                                      \
    (NTSTRSAFE_UNICODE_STRING_MAX_CCH < 0xFFFF / sizeof(WCHAR) ? NTSTRSAFE_UNICODE_STRING_MAX_CCH \
                                                               : 0xFFFF / sizeof(WCHAR))

/* A UNICODE_STRING as the safe string functions accept it: Length <= MaximumLength, both
 * whole characters (even, with a 2-byte WCHAR), at most MI_US_MAX_CCH characters, a
 * Buffer unless both are 0. */
static bool MiUnicodeStringValid(PCUNICODE_STRING String)
{
    size_t Length = String->Length, Maximum = String->MaximumLength;
    return Length <= Maximum && Length % sizeof(WCHAR) == 0 && Maximum % sizeof(WCHAR) == 0 &&
           Maximum / sizeof(WCHAR) <= MI_US_MAX_CCH && (String->Buffer != NULL || Maximum == 0);
}

static NTSTATUS MiCopyUnicodeStringEx(NTSTRSAFE_PWSTR Dest, size_t Cch, PCUNICODE_STRING Source,
                                      NTSTRSAFE_PWSTR *End, size_t *Remaining, ULONG Flags,
                                      size_t RemainingUnit, bool Ex)
{
    static const WCHAR Empty[1] = {0};
    const WCHAR *Text = Empty;
    size_t Limit = 0;
    if (Source == NULL) {
        if (!(Ex && (Flags & STRSAFE_IGNORE_NULLS))) {
            Text = NULL; /* refused by the engine */
        }
    } else if (!MiUnicodeStringValid(Source)) {
        return MiFinishEx(true, Dest, Cch, STATUS_INVALID_PARAMETER, 0, 0, (void **)End,
                          Remaining, Ex ? Flags : 0, RemainingUnit);
    } else if (Source->Length != 0) {
        Text = Source->Buffer;
        Limit = Source->Length / sizeof(WCHAR);
    }
    if (Text == Empty) {
        Limit = Limit == 0 ? MI_NO_LIMIT : Limit; /* an empty string stops at its NUL */
    }
    return MiStringOpEx(true, false, Dest, Cch, Text, Limit, (void **)End, Remaining, Flags,
                        RemainingUnit, Ex);
}

/* The Cb and Cch forms of Copy, CopyN, Cat and CatN (plain and Ex) and of
 * PrintfEx/VPrintfEx, for CHAR (A) and WCHAR (W), over one engine. The
 * family says how a size and a count become characters (Cb: bytes, checked
 * by MiCbToCchEx/MiCbCountToCch; Cch: characters already) and the unit the
 * Ex remaining count is given in. */
#define MI_SIZE_Cb(Size, Wide) MiCbToCchEx(Size, Wide)
#define MI_SIZE_Cch(Size, Wide) (Size)
#define MI_COUNT_Cb(Count, Wide) MiCbCountToCch(Count, Wide)
#define MI_COUNT_Cch(Count, Wide) (Count)
#define MI_UNIT_Cb(Char) sizeof(Char)
#define MI_UNIT_Cch(Char) 1

/* Op (Copy or Cat) in its four forms. */
#define MI_STRING_OP_FORMS(Fam, Op, Append, Suffix, PStr, PCStr, PCNZ, Wide, Char)                 \
    NTSTATUS NTAPI RtlString##Fam##Op##Suffix(PStr pszDest, size_t Size, PCStr pszSrc)            \
    {                                                                                            \
        return MiStringOpEx(Wide, Append, pszDest, MI_SIZE_##Fam(Size, Wide), pszSrc,           \
                            MI_NO_LIMIT, NULL, NULL, 0, MI_UNIT_##Fam(Char), false);            \
    }                                                                                            \
    NTSTATUS NTAPI RtlString##Fam##Op##Ex##Suffix(PStr pszDest, size_t Size, PCStr pszSrc,       \
                                                  PStr *ppszDestEnd, size_t *pRemaining,         \
                                                  ULONG dwFlags)                                 \
    {                                                                                            \
        return MiStringOpEx(Wide, Append, pszDest, MI_SIZE_##Fam(Size, Wide), pszSrc,           \
                            MI_NO_LIMIT, (void **)ppszDestEnd, pRemaining, dwFlags,             \
                            MI_UNIT_##Fam(Char), true);                                          \
    }                                                                                            \
    NTSTATUS NTAPI RtlString##Fam##Op##N##Suffix(PStr pszDest, size_t Size, PCNZ pszSrc,          \
                                                 size_t Count)                                   \
    {                                                                                            \
        return MiStringOpEx(Wide, Append, pszDest, MI_SIZE_##Fam(Size, Wide), pszSrc,           \
                            MI_COUNT_##Fam(Count, Wide), NULL, NULL, 0, MI_UNIT_##Fam(Char),     \
                            false);                                                              \
    }                                                                                            \
    NTSTATUS NTAPI RtlString##Fam##Op##NEx##Suffix(PStr pszDest, size_t Size, PCNZ pszSrc,        \
                                                   size_t Count, PStr *ppszDestEnd,              \
                                                   size_t *pRemaining, ULONG dwFlags)            \
    {                                                                                            \
        return MiStringOpEx(Wide, Append, pszDest, MI_SIZE_##Fam(Size, Wide), pszSrc,           \
                            MI_COUNT_##Fam(Count, Wide), (void **)ppszDestEnd, pRemaining,       \
                            dwFlags, MI_UNIT_##Fam(Char), true);                                 \
    }

/* A family for one character type: Copy, Cat, PrintfEx and VPrintfEx. */
#define MI_STRING_FORMS(Fam, Suffix, PStr, PCStr, PCNZ, Wide, Char)                                \
    MI_STRING_OP_FORMS(Fam, Copy, false, Suffix, PStr, PCStr, PCNZ, Wide, Char)                   \
    MI_STRING_OP_FORMS(Fam, Cat, true, Suffix, PStr, PCStr, PCNZ, Wide, Char)                     \
    NTSTATUS NTAPI(RtlString##Fam##PrintfEx##Suffix)(PStr pszDest, size_t Size,                \
                                                      PStr *ppszDestEnd, size_t *pRemaining,     \
                                                      ULONG dwFlags, PCStr pszFormat, ...)       \
    {                                                                                            \
        va_list Arguments;                                                                       \
        va_start(Arguments, pszFormat);                                                          \
        NTSTATUS Status = MiStringPrintfEx(Wide, pszDest, MI_SIZE_##Fam(Size, Wide),             \
                                           (void **)ppszDestEnd, pRemaining, dwFlags,            \
                                           MI_UNIT_##Fam(Char), pszFormat, &Arguments,           \
                                           MI_CALLER_ADDRESS());                                 \
        va_end(Arguments);                                                                       \
        return Status;                                                                           \
    }                                                                                            \
    NTSTATUS NTAPI RtlString##Fam##VPrintfEx##Suffix(PStr pszDest, size_t Size,                   \
                                                     PStr *ppszDestEnd, size_t *pRemaining,      \
                                                     ULONG dwFlags, PCStr pszFormat,             \
                                                     va_list argList)                            \
    {                                                                                            \
        va_list Arguments;                                                                       \
        va_copy(Arguments, argList);                                                             \
        NTSTATUS Status = MiStringPrintfEx(Wide, pszDest, MI_SIZE_##Fam(Size, Wide),             \
                                           (void **)ppszDestEnd, pRemaining, dwFlags,            \
                                           MI_UNIT_##Fam(Char), pszFormat, &Arguments,           \
                                           MI_CALLER_ADDRESS());                                 \
        va_end(Arguments);                                                                       \
        return Status;                                                                           \
    }

/* clang-format off */
MI_STRING_FORMS(Cb,  A, NTSTRSAFE_PSTR,  NTSTRSAFE_PCSTR,  STRSAFE_PCNZCH,  false, CHAR)
MI_STRING_FORMS(Cb,  W, NTSTRSAFE_PWSTR, NTSTRSAFE_PCWSTR, STRSAFE_PCNZWCH, true,  WCHAR)
MI_STRING_FORMS(Cch, A, NTSTRSAFE_PSTR,  NTSTRSAFE_PCSTR,  STRSAFE_PCNZCH,  false, CHAR)
MI_STRING_FORMS(Cch, W, NTSTRSAFE_PWSTR, NTSTRSAFE_PCWSTR, STRSAFE_PCNZWCH, true,  WCHAR)
/* clang-format on */

NTSTATUS NTAPI RtlStringCbCopyUnicodeString(NTSTRSAFE_PWSTR pszDest, size_t cbDest, PCUNICODE_STRING SourceString)
{
    return MiCopyUnicodeStringEx(pszDest, MiCbToCchEx(cbDest, true), SourceString, NULL, NULL, 0, sizeof(WCHAR), false);
}

NTSTATUS NTAPI RtlStringCbCopyUnicodeStringEx(NTSTRSAFE_PWSTR pszDest, size_t cbDest, PCUNICODE_STRING SourceString, NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, ULONG dwFlags)
{
    return MiCopyUnicodeStringEx(pszDest, MiCbToCchEx(cbDest, true), SourceString, ppszDestEnd, pcbRemaining, dwFlags, sizeof(WCHAR), true);
}

NTSTATUS NTAPI RtlStringCchCopyUnicodeString(NTSTRSAFE_PWSTR pszDest, size_t cchDest, PCUNICODE_STRING SourceString)
{
    return MiCopyUnicodeStringEx(pszDest, cchDest, SourceString, NULL, NULL, 0, 1, false);
}

NTSTATUS NTAPI RtlStringCchCopyUnicodeStringEx(NTSTRSAFE_PWSTR pszDest, size_t cchDest, PCUNICODE_STRING SourceString, NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, ULONG dwFlags)
{
    return MiCopyUnicodeStringEx(pszDest, cchDest, SourceString, ppszDestEnd, pcchRemaining, dwFlags, 1, true);
}

/* A WCHAR string that may not be aligned: each character read with memcpy. */
static NTSTATUS MiUnalignedLength(const void *Text, size_t CchMax, size_t *Length)
{
    if (Length != NULL) {
        *Length = 0;
    }
    if (Text == NULL || !MiValidCch(CchMax)) {
        return STATUS_INVALID_PARAMETER;
    }
    for (size_t i = 0; i < CchMax; i++) {
        WCHAR c;
        memcpy(&c, (const UCHAR *)Text + i * sizeof(WCHAR), sizeof(c));
        if (c == 0) {
            if (Length != NULL) {
                *Length = i;
            }
            return STATUS_SUCCESS;
        }
    }
    return STATUS_INVALID_PARAMETER;
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

NTSTATUS NTAPI RtlUnalignedStringCbLengthW(STRSAFE_PCUNZWCH psz, size_t cbMax, size_t *pcbLength)
{
    size_t Characters = 0;
    NTSTATUS Status = MiUnalignedLength(psz, MiCbToCch(cbMax, true), &Characters);
    if (pcbLength != NULL) {
        *pcbLength = Characters * sizeof(WCHAR);
    }
    return Status;
}

NTSTATUS NTAPI RtlUnalignedStringCchLengthW(STRSAFE_PCUNZWCH psz, size_t cchMax,
                                            size_t *pcchLength)
{
    return MiUnalignedLength(psz, cchMax, pcchLength);
}

/* ---------------------------------------------------------------------- */
/* The UNICODE_STRING functions (RtlUnicodeString*): counted strings, not  */
/* NUL-terminated, at most NTSTRSAFE_UNICODE_STRING_MAX_CCH characters.    */
/* ---------------------------------------------------------------------- */
/* A source: a UNICODE_STRING (validated before use) or a NUL-terminated string. */
typedef struct _MI_US_SOURCE {
    bool Null;                /* the pointer given was NULL */
    PCUNICODE_STRING String;  /* a counted source to validate, or NULL */
    const WCHAR *Text;
    size_t Count;             /* characters; MI_NO_LIMIT: up to the NUL */
} MI_US_SOURCE;

static MI_US_SOURCE MiUsSourceUnicode(PCUNICODE_STRING String)
{
    MI_US_SOURCE Source = {String == NULL, String, NULL, 0};
    if (String != NULL) {
        Source.Text = String->Buffer;
        Source.Count = String->Length / sizeof(WCHAR);
    }
    return Source;
}

static MI_US_SOURCE MiUsSourceString(NTSTRSAFE_PCWSTR Text)
{
    MI_US_SOURCE Source = {Text == NULL, NULL, Text, MI_NO_LIMIT};
    return Source;
}

/* A Cb count in characters; above the maximum it stays above it. */
static size_t MiUsCbToCch(size_t Cb)
{
    return Cb / sizeof(WCHAR) + (Cb > NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR) ? 1 : 0);
}

static bool MiUsFlagsValid(ULONG Flags, bool Ex)
{
    return !Ex || (Flags & ~(ULONG)STRSAFE_VALID_FLAGS) == 0;
}

/* Copies (Cat: appends) at most Limit characters of Source into Dest's buffer, setting
 * Dest->Length; truncation is STATUS_BUFFER_OVERFLOW (the buffer full), unless
 * STRSAFE_NO_TRUNCATION leaves Dest as it was. */
static NTSTATUS MiUnicodeStringOp(PUNICODE_STRING Dest, const MI_US_SOURCE *Source, size_t Limit,
                                  bool Cat, PUNICODE_STRING Remaining, ULONG Flags, bool Ex)
{
    bool IgnoreNulls = Ex && (Flags & STRSAFE_IGNORE_NULLS);
    UNICODE_STRING NullDest = {0, 0, NULL};
    NTSTATUS Status = MiUsFlagsValid(Flags, Ex) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
    if (Dest == NULL && IgnoreNulls) {
        Dest = &NullDest;
    }
    if (NT_SUCCESS(Status) && (Dest == NULL || !MiUnicodeStringValid(Dest))) {
        Status = STATUS_INVALID_PARAMETER;
    }
    if (NT_SUCCESS(Status) && Limit != MI_NO_LIMIT && Limit > NTSTRSAFE_UNICODE_STRING_MAX_CCH) {
        Status = STATUS_INVALID_PARAMETER;
    }
    if (NT_SUCCESS(Status) && Source->Null && !IgnoreNulls) {
        Status = STATUS_INVALID_PARAMETER;
    }
    if (NT_SUCCESS(Status) && Source->String != NULL && !MiUnicodeStringValid(Source->String)) {
        Status = STATUS_INVALID_PARAMETER;
    }
    size_t Capacity = 0, Start = 0, Final = 0;
    if (NT_SUCCESS(Status)) {
        Capacity = Dest->MaximumLength / sizeof(WCHAR);
        Start = Cat ? Dest->Length / sizeof(WCHAR) : 0;
        const WCHAR *Text = Source->Null ? NULL : Source->Text;
        size_t Available = Source->Null ? 0 : Source->Count;
        bool Counted = Available != MI_NO_LIMIT;
        size_t Room = Capacity - Start;
        size_t Need = 0;
        while (Need < Available && Need < Limit && Need <= Room && (Counted || Text[Need] != 0)) {
            Need++;
        }
        bool Fits = Need <= Room;
        if (Need != 0 && Capacity == 0) {
            Status = STATUS_INVALID_PARAMETER; /* no buffer for a non-empty source */
        } else if (Need != 0 && Cat && Room == 0) {
            Status = STATUS_INVALID_PARAMETER; /* "the destination buffer is already full" */
        } else if (!Fits && Ex && (Flags & STRSAFE_NO_TRUNCATION)) {
            Status = STATUS_BUFFER_OVERFLOW;
            Final = Cat ? Start : Dest->Length / sizeof(WCHAR);
        } else {
            size_t Take = Fits ? Need : Room;
            if (Take != 0) {
                memmove(Dest->Buffer + Start, Text, Take * sizeof(WCHAR));
            }
            Final = Start + Take;
            Dest->Length = (USHORT)(Final * sizeof(WCHAR));
            Status = Fits ? STATUS_SUCCESS : STATUS_BUFFER_OVERFLOW;
        }
    }
    if (!Ex) {
        return Status;
    }
    bool Writable = Dest != NULL && Dest != &NullDest && Dest->Buffer != NULL &&
                    MiUnicodeStringValid(Dest);
    UCHAR Fill = (UCHAR)(Flags & 0xFF);
    if (Status == STATUS_SUCCESS) {
        if ((Flags & STRSAFE_FILL_BEHIND) && Writable) {
            memset((PUCHAR)Dest->Buffer + Dest->Length, Fill,
                   (size_t)(Dest->MaximumLength - Dest->Length));
        }
    } else if (Writable && (Flags & STRSAFE_FILL_ON_FAILURE)) {
        memset(Dest->Buffer, Fill, Dest->MaximumLength);
        Dest->Length = 0;
        Final = 0;
    } else if (Writable && (Flags & STRSAFE_ZERO_LENGTH_ON_FAILURE)) {
        Dest->Length = 0;
        Final = 0;
    }
    if ((Status == STATUS_SUCCESS || Status == STATUS_BUFFER_OVERFLOW) && Remaining != NULL) {
        Remaining->Buffer = Dest->Buffer != NULL ? Dest->Buffer + Final : NULL;
        Remaining->Length = 0;
        Remaining->MaximumLength = (USHORT)((Capacity - Final) * sizeof(WCHAR));
    }
    return Status;
}

/* The RtlUnicodeString Copy and Cat routines: each row below defines a
 * routine and its Ex form over MiUnicodeStringOp - its source parameter and
 * how that becomes a source, its count parameter and the limit in
 * characters it gives (none for the WHOLE rows), and whether it appends. */
#define MI_US_WHOLE_WRAPPERS(Name, SourceDecl, MakeSource, Append)                          \
    NTSTATUS NTAPI Name(PUNICODE_STRING DestinationString, SourceDecl)                      \
    {                                                                                       \
        MI_US_SOURCE Source = MakeSource;                                                   \
        return MiUnicodeStringOp(DestinationString, &Source, MI_NO_LIMIT, Append, NULL, 0,  \
                                 false);                                                    \
    }                                                                                       \
    NTSTATUS NTAPI Name##Ex(PUNICODE_STRING DestinationString, SourceDecl,                  \
                            PUNICODE_STRING RemainingString, ULONG dwFlags)                 \
    {                                                                                       \
        MI_US_SOURCE Source = MakeSource;                                                   \
        return MiUnicodeStringOp(DestinationString, &Source, MI_NO_LIMIT, Append,           \
                                 RemainingString, dwFlags, true);                           \
    }
#define MI_US_COUNTED_WRAPPERS(Name, SourceDecl, MakeSource, CountDecl, Limit, Append)      \
    NTSTATUS NTAPI Name(PUNICODE_STRING DestinationString, SourceDecl, CountDecl)           \
    {                                                                                       \
        MI_US_SOURCE Source = MakeSource;                                                   \
        return MiUnicodeStringOp(DestinationString, &Source, Limit, Append, NULL, 0, false); \
    }                                                                                       \
    NTSTATUS NTAPI Name##Ex(PUNICODE_STRING DestinationString, SourceDecl, CountDecl,       \
                            PUNICODE_STRING RemainingString, ULONG dwFlags)                 \
    {                                                                                       \
        MI_US_SOURCE Source = MakeSource;                                                   \
        return MiUnicodeStringOp(DestinationString, &Source, Limit, Append, RemainingString, \
                                 dwFlags, true);                                            \
    }

/* clang-format off */
MI_US_WHOLE_WRAPPERS(RtlUnicodeStringCopy, PCUNICODE_STRING SourceString, MiUsSourceUnicode(SourceString), false)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCbCopyN, PCUNICODE_STRING SourceString, MiUsSourceUnicode(SourceString), size_t cbToCopy, MiUsCbToCch(cbToCopy), false)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCchCopyN, PCUNICODE_STRING SourceString, MiUsSourceUnicode(SourceString), size_t cchToCopy, cchToCopy, false)
MI_US_WHOLE_WRAPPERS(RtlUnicodeStringCopyString, NTSTRSAFE_PCWSTR pszSrc, MiUsSourceString(pszSrc), false)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCbCopyStringN, NTSTRSAFE_PCWSTR pszSrc, MiUsSourceString(pszSrc), size_t cbToCopy, MiUsCbToCch(cbToCopy), false)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCchCopyStringN, NTSTRSAFE_PCWSTR pszSrc, MiUsSourceString(pszSrc), size_t cchToCopy, cchToCopy, false)
MI_US_WHOLE_WRAPPERS(RtlUnicodeStringCat, PCUNICODE_STRING SourceString, MiUsSourceUnicode(SourceString), true)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCbCatN, PCUNICODE_STRING SourceString, MiUsSourceUnicode(SourceString), size_t cbToAppend, MiUsCbToCch(cbToAppend), true)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCchCatN, PCUNICODE_STRING SourceString, MiUsSourceUnicode(SourceString), size_t cchToAppend, cchToAppend, true)
MI_US_WHOLE_WRAPPERS(RtlUnicodeStringCatString, NTSTRSAFE_PCWSTR pszSrc, MiUsSourceString(pszSrc), true)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCbCatStringN, NTSTRSAFE_PCWSTR pszSrc, MiUsSourceString(pszSrc), size_t cbToAppend, MiUsCbToCch(cbToAppend), true)
MI_US_COUNTED_WRAPPERS(RtlUnicodeStringCchCatStringN, NTSTRSAFE_PCWSTR pszSrc, MiUsSourceString(pszSrc), size_t cchToAppend, cchToAppend, true)
/* clang-format on */

NTSTATUS NTAPI RtlUnicodeStringInit(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszSrc)
{
    return RtlUnicodeStringInitEx(DestinationString, pszSrc, 0);
}

NTSTATUS NTAPI RtlUnicodeStringInitEx(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszSrc,
                                      ULONG dwFlags)
{
    if ((dwFlags & ~(ULONG)STRSAFE_IGNORE_NULLS) != 0 ||
        (DestinationString == NULL && !(dwFlags & STRSAFE_IGNORE_NULLS))) {
        return STATUS_INVALID_PARAMETER;
    }
    size_t Cch = 0;
    if (pszSrc != NULL) {
        while (Cch <= MI_US_MAX_CCH && pszSrc[Cch] != 0) {
            Cch++;
        }
        if (Cch > MI_US_MAX_CCH) {
            if (DestinationString != NULL) {
                DestinationString->Buffer = NULL;
                DestinationString->Length = DestinationString->MaximumLength = 0;
            }
            return STATUS_INVALID_PARAMETER;
        }
    }
    if (DestinationString != NULL) {
        DestinationString->Buffer = (PWCH)pszSrc;
        DestinationString->Length = (USHORT)(Cch * sizeof(WCHAR));
        /* The terminating NUL counts in MaximumLength when it fits the 16-bit field. */
        DestinationString->MaximumLength =
            pszSrc == NULL ? 0 : (USHORT)((Cch < MI_US_MAX_CCH ? Cch + 1 : Cch) * sizeof(WCHAR));
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlUnicodeStringValidate(PCUNICODE_STRING SourceString)
{
    return RtlUnicodeStringValidateEx(SourceString, 0);
}

NTSTATUS NTAPI RtlUnicodeStringValidateEx(PCUNICODE_STRING SourceString, ULONG dwFlags)
{
    if ((dwFlags & ~(ULONG)STRSAFE_IGNORE_NULLS) != 0) {
        return STATUS_INVALID_PARAMETER;
    }
    if (SourceString == NULL) {
        return (dwFlags & STRSAFE_IGNORE_NULLS) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
    }
    return MiUnicodeStringValid(SourceString) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

/* Formats into a NUL-terminated scratch buffer one character longer than Dest's, then
 * copies what fits as the counted result. */
static NTSTATUS MiUnicodeStringPrintf(PUNICODE_STRING Dest, PUNICODE_STRING Remaining,
                                      ULONG Flags, NTSTRSAFE_PCWSTR Format, va_list *Arguments,
                                      bool Ex, ULONG_PTR Caller)
{
    bool IgnoreNulls = Ex && (Flags & STRSAFE_IGNORE_NULLS);
    if (!MiUsFlagsValid(Flags, Ex) || (Dest == NULL && !IgnoreNulls) ||
        (Dest != NULL && !MiUnicodeStringValid(Dest)) || (Format == NULL && !IgnoreNulls)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Format == NULL) {
        Format = L"";
    }
    size_t Capacity = Dest != NULL ? Dest->MaximumLength / sizeof(WCHAR) : 0;
    WCHAR *Scratch = (WCHAR *)malloc((Capacity + 1) * sizeof(WCHAR));
    if (Scratch == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MI_FORMAT_OUTPUT Output = {Scratch, Capacity + 1, true, 0, false};
    MiFormat(&Output, Format, Arguments, Caller);
    /* The result as a counted source; one character more than fits when it was cut. */
    MI_US_SOURCE Source = {false, NULL, Scratch, Output.Truncated ? Capacity + 1 : Output.Length};
    NTSTATUS Status = MiUnicodeStringOp(Dest, &Source, MI_NO_LIMIT, false, Remaining, Flags, Ex);
    free(Scratch);
    return Status;
}

NTSTATUS NTAPI(RtlUnicodeStringPrintf)(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszFormat,
                                      ...)
{
    va_list Arguments;
    va_start(Arguments, pszFormat);
    NTSTATUS Status = MiUnicodeStringPrintf(DestinationString, NULL, 0, pszFormat, &Arguments,
                                            false, MI_CALLER_ADDRESS());
    va_end(Arguments);
    return Status;
}

NTSTATUS NTAPI(RtlUnicodeStringPrintfEx)(PUNICODE_STRING DestinationString,
                                        PUNICODE_STRING RemainingString, ULONG dwFlags,
                                        NTSTRSAFE_PCWSTR pszFormat, ...)
{
    va_list Arguments;
    va_start(Arguments, pszFormat);
    NTSTATUS Status = MiUnicodeStringPrintf(DestinationString, RemainingString, dwFlags,
                                            pszFormat, &Arguments, true, MI_CALLER_ADDRESS());
    va_end(Arguments);
    return Status;
}

NTSTATUS NTAPI RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString,
                                       NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    va_list Arguments;
    va_copy(Arguments, argList);
    NTSTATUS Status = MiUnicodeStringPrintf(DestinationString, NULL, 0, pszFormat, &Arguments,
                                            false, MI_CALLER_ADDRESS());
    va_end(Arguments);
    return Status;
}

NTSTATUS NTAPI RtlUnicodeStringVPrintfEx(PUNICODE_STRING DestinationString,
                                         PUNICODE_STRING RemainingString, ULONG dwFlags,
                                         NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    va_list Arguments;
    va_copy(Arguments, argList);
    NTSTATUS Status = MiUnicodeStringPrintf(DestinationString, RemainingString, dwFlags,
                                            pszFormat, &Arguments, true, MI_CALLER_ADDRESS());
    va_end(Arguments);
    return Status;
}
