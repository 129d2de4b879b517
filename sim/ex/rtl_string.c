/*
 * rtl_string.c - the Rtl counted-string routines beyond RtlInitUnicodeString:
 * initialisation, copy, append, comparison, case mapping, ANSI <-> Unicode and
 * UTF-8 conversions, integers, hashing and GUID strings (docs/wdk-surface.md,
 * "Run-time library (Rtl)").
 *
 * It lives in the ex layer because the AllocateDestinationString forms and
 * RtlStringFromGUID allocate paged pool: those buffers are driver pool like any
 * other, so a string not freed with RtlFreeUnicodeString/RtlFreeAnsiString is a
 * leak the unload check reports, and a failed allocation (fault injection,
 * Verifier's low-resources simulation) is STATUS_NO_MEMORY.
 *
 * Character model: a WCHAR is one code point (the host's wchar_t, wdm.h). The
 * ANSI code page is single-byte ISO-8859-1 (bytes 0x00-0xFF are U+0000-U+00FF;
 * any other character becomes '?'), so NlsMbCodePageTag is FALSE.
 */
#include <wchar.h>

#include "../mi.h"

BOOLEAN NlsMbCodePageTag = FALSE;
BOOLEAN NlsMbOemCodePageTag = FALSE;

/* The pool tag of the buffers the Rtl string routines allocate: 'Strg'
 * (mmsim's choice; Microsoft's pages name none). */
#define MI_RTL_STRING_TAG 'grtS'

#define MI_DEFAULT_CHAR '?'

static PVOID MiRtlAllocateString(SIZE_T Bytes)
{
    return ExAllocatePool2(POOL_FLAG_PAGED, Bytes == 0 ? 1 : Bytes, MI_RTL_STRING_TAG);
}

/* ---------------------------------------------------------------------- */
/* Case mapping: Latin-1, Latin Extended-A, basic Greek and Cyrillic.       */
/* ---------------------------------------------------------------------- */
/* Latin Extended-A letters come in pairs: upper even / lower odd in
 * U+0100-U+0137 and U+014A-U+0177, upper odd / lower even in U+0139-U+0148 and
 * U+0179-U+017E (U+0130, U+0131, U+0138, U+0149, U+017F have no pair here).
 * Returns the pair's upper case letter, or 0 outside the pairs. */
static ULONG MiLatinExtendedAUpper(ULONG C)
{
    if (((C >= 0x100 && C <= 0x137) || (C >= 0x14A && C <= 0x177)) && C != 0x130 &&
        C != 0x131) {
        return C & ~1u;
    }
    if ((C >= 0x139 && C <= 0x148) || (C >= 0x179 && C <= 0x17E)) {
        return C % 2 == 1 ? C : C - 1;
    }
    return 0;
}

static ULONG MiUpcase(ULONG C)
{
    if (C >= 'a' && C <= 'z') {
        return C - 0x20;
    }
    if (C < 0x80) {
        return C;
    }
    if (C >= 0xE0 && C <= 0xFE && C != 0xF7) {
        return C - 0x20;
    }
    if (C == 0xFF) {
        return 0x178;
    }
    ULONG Pair = MiLatinExtendedAUpper(C);
    if (Pair != 0) {
        return Pair;
    }
    if (C >= 0x3B1 && C <= 0x3C9 && C != 0x3C2) {
        return C - 0x20;
    }
    if (C >= 0x430 && C <= 0x44F) {
        return C - 0x20;
    }
    if (C >= 0x450 && C <= 0x45F) {
        return C - 0x50;
    }
    return C;
}

static ULONG MiDowncase(ULONG C)
{
    if (C >= 'A' && C <= 'Z') {
        return C + 0x20;
    }
    if (C < 0x80) {
        return C;
    }
    if (C >= 0xC0 && C <= 0xDE && C != 0xD7) {
        return C + 0x20;
    }
    if (C == 0x178) {
        return 0xFF;
    }
    if (MiLatinExtendedAUpper(C) == C) {
        return C + 1; /* the pair's lower case letter follows its upper case one */
    }
    if (C >= 0x391 && C <= 0x3A9 && C != 0x3A2) {
        return C + 0x20;
    }
    if (C >= 0x410 && C <= 0x42F) {
        return C + 0x20;
    }
    if (C >= 0x400 && C <= 0x40F) {
        return C + 0x50;
    }
    return C;
}

WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR SourceCharacter)
{
    MiDdiEnter(MiDdi_RtlUpcaseUnicodeChar, 0, MI_CALLER_ADDRESS());
    return (WCHAR)MiUpcase((ULONG)SourceCharacter);
}

WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR SourceCharacter)
{
    MiDdiEnter(MiDdi_RtlDowncaseUnicodeChar, 0, MI_CALLER_ADDRESS());
    return (WCHAR)MiDowncase((ULONG)SourceCharacter);
}

/* The ANSI (ISO-8859-1) character's upper case, itself where that is outside
 * the code page. */
static CHAR MiUpperAnsi(CHAR Character)
{
    ULONG Upper = MiUpcase((UCHAR)Character);
    return Upper <= 0xFF ? (CHAR)Upper : Character;
}

CHAR NTAPI RtlUpperChar(CHAR Character)
{
    MiDdiEnter(MiDdi_RtlUpperChar, 0, MI_CALLER_ADDRESS());
    return MiUpperAnsi(Character);
}

/* ---------------------------------------------------------------------- */
/* Initialisation.                                                        */
/* ---------------------------------------------------------------------- */
static VOID MiInitString(PSTRING Destination, PCSZ Source)
{
    Destination->Buffer = (PCHAR)Source;
    if (Source == NULL) {
        Destination->Length = 0;
        Destination->MaximumLength = 0;
        return;
    }
    SIZE_T Length = strlen(Source);
    if (Length > MAXUSHORT - 1) {
        Length = MAXUSHORT - 1; /* clamped, as Windows does */
    }
    Destination->Length = (USHORT)Length;
    Destination->MaximumLength = (USHORT)(Length + 1);
}

VOID NTAPI RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString)
{
    MiDdiEnter(MiDdi_RtlInitAnsiString, 0, MI_CALLER_ADDRESS());
    MiInitString(DestinationString, SourceString);
}

VOID NTAPI RtlInitString(PSTRING DestinationString, PCSZ SourceString)
{
    MiDdiEnter(MiDdi_RtlInitString, 0, MI_CALLER_ADDRESS());
    MiInitString(DestinationString, SourceString);
}

NTSTATUS NTAPI RtlInitUnicodeStringEx(PUNICODE_STRING DestinationString, PCWSTR SourceString)
{
    MiDdiEnter(MiDdi_RtlInitUnicodeStringEx, 0, MI_CALLER_ADDRESS());
    DestinationString->Length = 0;
    DestinationString->MaximumLength = 0;
    DestinationString->Buffer = (PWCH)SourceString;
    if (SourceString == NULL) {
        return STATUS_SUCCESS;
    }
    SIZE_T Length = wcslen(SourceString);
    /* The string and its terminator must fit a USHORT byte count (the limit
     * RtlInitUnicodeString clamps to); longer is STATUS_NAME_TOO_LONG. */
    if (Length > (0xFFFC - sizeof(WCHAR)) / sizeof(WCHAR)) {
        return STATUS_NAME_TOO_LONG;
    }
    DestinationString->Length = (USHORT)(Length * sizeof(WCHAR));
    DestinationString->MaximumLength = (USHORT)((Length + 1) * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Copy and append.                                                       */
/* ---------------------------------------------------------------------- */
/* The bytes of a Length-byte string that a MaximumLength-byte buffer holds:
 * whole characters of Unit bytes. */
static USHORT MiBytesThatFit(USHORT Length, USHORT MaximumLength, USHORT Unit)
{
    USHORT Bytes = Length < MaximumLength ? Length : MaximumLength;
    return (USHORT)(Bytes - Bytes % Unit);
}

/* RtlCopyUnicodeString and RtlCopyString: as much of Source as fits, then a
 * terminator when there is room for one. Returns the bytes copied. */
static USHORT MiCopyCounted(void *Destination, USHORT MaximumLength, const void *Source,
                            USHORT Length, USHORT Unit)
{
    USHORT Bytes = MiBytesThatFit(Length, MaximumLength, Unit);
    memmove(Destination, Source, Bytes);
    if (Bytes + Unit <= MaximumLength) {
        memset((PUCHAR)Destination + Bytes, 0, Unit);
    }
    return Bytes;
}

VOID NTAPI RtlCopyUnicodeString(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString)
{
    MiDdiEnter(MiDdi_RtlCopyUnicodeString, 0, MI_CALLER_ADDRESS());
    DestinationString->Length =
        SourceString == NULL ? 0
                             : MiCopyCounted(DestinationString->Buffer,
                                             DestinationString->MaximumLength,
                                             SourceString->Buffer, SourceString->Length,
                                             sizeof(WCHAR));
}

VOID NTAPI RtlCopyString(PSTRING DestinationString, const PSTRING SourceString)
{
    MiDdiEnter(MiDdi_RtlCopyString, 0, MI_CALLER_ADDRESS());
    DestinationString->Length =
        SourceString == NULL ? 0
                             : MiCopyCounted(DestinationString->Buffer,
                                             DestinationString->MaximumLength,
                                             SourceString->Buffer, SourceString->Length, 1);
}

/* Appends Bytes of Source; all or nothing (STATUS_BUFFER_TOO_SMALL). */
static NTSTATUS MiAppendUnicode(PUNICODE_STRING Destination, const WCHAR *Source, SIZE_T Bytes)
{
    if (Bytes == 0) {
        return STATUS_SUCCESS;
    }
    if (Destination->Length + Bytes > Destination->MaximumLength) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    memmove((PUCHAR)Destination->Buffer + Destination->Length, Source, Bytes);
    Destination->Length = (USHORT)(Destination->Length + Bytes);
    if (Destination->Length + sizeof(WCHAR) <= Destination->MaximumLength) {
        Destination->Buffer[Destination->Length / sizeof(WCHAR)] = UNICODE_NULL;
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlAppendUnicodeStringToString(PUNICODE_STRING Destination, PCUNICODE_STRING Source)
{
    MiDdiEnter(MiDdi_RtlAppendUnicodeStringToString, 0, MI_CALLER_ADDRESS());
    return MiAppendUnicode(Destination, Source->Buffer, Source->Length);
}

NTSTATUS NTAPI RtlAppendUnicodeToString(PUNICODE_STRING Destination, PCWSTR Source)
{
    MiDdiEnter(MiDdi_RtlAppendUnicodeToString, 0, MI_CALLER_ADDRESS());
    if (Source == NULL) {
        return STATUS_SUCCESS;
    }
    SIZE_T Bytes = wcslen(Source) * sizeof(WCHAR);
    if (Bytes > MAXUSHORT) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return MiAppendUnicode(Destination, Source, Bytes);
}

/* ---------------------------------------------------------------------- */
/* Comparison.                                                            */
/* ---------------------------------------------------------------------- */
static LONG MiCompareWide(const WCHAR *A, SIZE_T LengthA, const WCHAR *B, SIZE_T LengthB,
                          BOOLEAN CaseInSensitive)
{
    SIZE_T Common = LengthA < LengthB ? LengthA : LengthB;
    for (SIZE_T i = 0; i < Common; i++) {
        ULONG Ca = (ULONG)A[i], Cb = (ULONG)B[i];
        if (CaseInSensitive) {
            Ca = MiUpcase(Ca);
            Cb = MiUpcase(Cb);
        }
        if (Ca != Cb) {
            return Ca < Cb ? -1 : 1;
        }
    }
    return LengthA == LengthB ? 0 : (LengthA < LengthB ? -1 : 1);
}

LONG NTAPI RtlCompareUnicodeStrings(PCWCH String1, SIZE_T String1Length, PCWCH String2,
                                    SIZE_T String2Length, BOOLEAN CaseInSensitive)
{
    MiDdiEnter(MiDdi_RtlCompareUnicodeStrings, 0, MI_CALLER_ADDRESS());
    return MiCompareWide(String1, String1Length, String2, String2Length, CaseInSensitive);
}

LONG NTAPI RtlCompareUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                   BOOLEAN CaseInSensitive)
{
    MiDdiEnter(MiDdi_RtlCompareUnicodeString, 0, MI_CALLER_ADDRESS());
    return MiCompareWide(String1->Buffer, String1->Length / sizeof(WCHAR), String2->Buffer,
                         String2->Length / sizeof(WCHAR), CaseInSensitive);
}

BOOLEAN NTAPI RtlEqualUnicodeString(CONST UNICODE_STRING *String1, CONST UNICODE_STRING *String2,
                                    BOOLEAN CaseInSensitive)
{
    MiDdiEnter(MiDdi_RtlEqualUnicodeString, 0, MI_CALLER_ADDRESS());
    if (String1->Length != String2->Length) {
        return FALSE;
    }
    return MiCompareWide(String1->Buffer, String1->Length / sizeof(WCHAR), String2->Buffer,
                         String2->Length / sizeof(WCHAR), CaseInSensitive) == 0;
}

BOOLEAN NTAPI RtlPrefixUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                     BOOLEAN CaseInSensitive)
{
    MiDdiEnter(MiDdi_RtlPrefixUnicodeString, 0, MI_CALLER_ADDRESS());
    if (String1->Length > String2->Length) {
        return FALSE;
    }
    SIZE_T Count = String1->Length / sizeof(WCHAR);
    return MiCompareWide(String1->Buffer, Count, String2->Buffer, Count, CaseInSensitive) == 0;
}

static LONG MiCompareNarrow(const STRING *A, const STRING *B, BOOLEAN CaseInSensitive)
{
    USHORT Common = A->Length < B->Length ? A->Length : B->Length;
    for (USHORT i = 0; i < Common; i++) {
        CHAR Ca = A->Buffer[i], Cb = B->Buffer[i];
        if (CaseInSensitive) {
            Ca = MiUpperAnsi(Ca);
            Cb = MiUpperAnsi(Cb);
        }
        if (Ca != Cb) {
            /* Windows compares the characters as signed CHARs. */
            return (LONG)Ca - (LONG)Cb;
        }
    }
    return (LONG)A->Length - (LONG)B->Length;
}

LONG NTAPI RtlCompareString(const PSTRING String1, const PSTRING String2, BOOLEAN CaseInSensitive)
{
    MiDdiEnter(MiDdi_RtlCompareString, 0, MI_CALLER_ADDRESS());
    return MiCompareNarrow(String1, String2, CaseInSensitive);
}

BOOLEAN NTAPI RtlEqualString(const PSTRING String1, const PSTRING String2, BOOLEAN CaseInSensitive)
{
    MiDdiEnter(MiDdi_RtlEqualString, 0, MI_CALLER_ADDRESS());
    return String1->Length == String2->Length &&
           MiCompareNarrow(String1, String2, CaseInSensitive) == 0;
}

/* ---------------------------------------------------------------------- */
/* Case-mapped copies.                                                    */
/* ---------------------------------------------------------------------- */
static NTSTATUS MiMapCase(PUNICODE_STRING Destination, PCUNICODE_STRING Source, BOOLEAN Allocate,
                          ULONG (*Map)(ULONG))
{
    if (Allocate) {
        PWCH Buffer = (PWCH)MiRtlAllocateString(Source->Length);
        if (Buffer == NULL) {
            return STATUS_NO_MEMORY;
        }
        Destination->Buffer = Buffer;
        Destination->MaximumLength = Source->Length;
    } else if (Source->Length > Destination->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW;
    }
    SIZE_T Count = Source->Length / sizeof(WCHAR);
    for (SIZE_T i = 0; i < Count; i++) {
        Destination->Buffer[i] = (WCHAR)Map((ULONG)Source->Buffer[i]);
    }
    Destination->Length = (USHORT)(Count * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString,
                                      PCUNICODE_STRING SourceString,
                                      BOOLEAN AllocateDestinationString)
{
    MiDdiEnter(MiDdi_RtlUpcaseUnicodeString, 0, MI_CALLER_ADDRESS());
    return MiMapCase(DestinationString, SourceString, AllocateDestinationString, MiUpcase);
}

NTSTATUS NTAPI RtlDowncaseUnicodeString(PUNICODE_STRING DestinationString,
                                        PCUNICODE_STRING SourceString,
                                        BOOLEAN AllocateDestinationString)
{
    MiDdiEnter(MiDdi_RtlDowncaseUnicodeString, 0, MI_CALLER_ADDRESS());
    return MiMapCase(DestinationString, SourceString, AllocateDestinationString, MiDowncase);
}

VOID NTAPI RtlUpperString(PSTRING DestinationString, const PSTRING SourceString)
{
    MiDdiEnter(MiDdi_RtlUpperString, 0, MI_CALLER_ADDRESS());
    /* As RtlCopyString, upper-cased; not terminated. */
    USHORT Bytes = MiBytesThatFit(SourceString->Length, DestinationString->MaximumLength, 1);
    for (USHORT i = 0; i < Bytes; i++) {
        DestinationString->Buffer[i] = MiUpperAnsi(SourceString->Buffer[i]);
    }
    DestinationString->Length = Bytes;
}

/* ---------------------------------------------------------------------- */
/* ANSI <-> Unicode.                                                      */
/* ---------------------------------------------------------------------- */
ULONG NTAPI RtlxAnsiStringToUnicodeSize(PCANSI_STRING AnsiString)
{
    MiDdiEnter(MiDdi_RtlxAnsiStringToUnicodeSize, 0, MI_CALLER_ADDRESS());
    return ((ULONG)AnsiString->Length + 1) * (ULONG)sizeof(WCHAR);
}

ULONG NTAPI RtlxUnicodeStringToAnsiSize(PCUNICODE_STRING UnicodeString)
{
    MiDdiEnter(MiDdi_RtlxUnicodeStringToAnsiSize, 0, MI_CALLER_ADDRESS());
    return (ULONG)(UnicodeString->Length / sizeof(WCHAR)) + 1;
}

NTSTATUS NTAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
                                            PANSI_STRING SourceString,
                                            BOOLEAN AllocateDestinationString)
{
    MiDdiEnter(MiDdi_RtlAnsiStringToUnicodeString, 0, MI_CALLER_ADDRESS());
    ULONG Size = ((ULONG)SourceString->Length + 1) * (ULONG)sizeof(WCHAR);
    if (Size > MAXUSHORT) {
        return STATUS_INVALID_PARAMETER_2; /* the result would not fit a UNICODE_STRING */
    }
    USHORT Length = (USHORT)(Size - sizeof(WCHAR));
    if (AllocateDestinationString) {
        PWCH Buffer = (PWCH)MiRtlAllocateString(Size);
        if (Buffer == NULL) {
            return STATUS_NO_MEMORY;
        }
        DestinationString->Buffer = Buffer;
        DestinationString->MaximumLength = (USHORT)Size;
    } else if (Length >= DestinationString->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW; /* no room for the string and its terminator */
    }
    for (USHORT i = 0; i < SourceString->Length; i++) {
        DestinationString->Buffer[i] = (WCHAR)(UCHAR)SourceString->Buffer[i];
    }
    DestinationString->Buffer[SourceString->Length] = UNICODE_NULL;
    DestinationString->Length = Length;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
                                            PCUNICODE_STRING SourceString,
                                            BOOLEAN AllocateDestinationString)
{
    MiDdiEnter(MiDdi_RtlUnicodeStringToAnsiString, 0, MI_CALLER_ADDRESS());
    ULONG Size = (ULONG)(SourceString->Length / sizeof(WCHAR)) + 1;
    if (Size > MAXUSHORT) {
        return STATUS_INVALID_PARAMETER_2;
    }
    USHORT Count = (USHORT)(Size - 1);
    NTSTATUS Status = STATUS_SUCCESS;
    if (AllocateDestinationString) {
        PCHAR Buffer = (PCHAR)MiRtlAllocateString(Size);
        if (Buffer == NULL) {
            return STATUS_NO_MEMORY;
        }
        DestinationString->Buffer = Buffer;
        DestinationString->MaximumLength = (USHORT)Size;
    } else if (Count >= DestinationString->MaximumLength) {
        /* Windows converts what fits (terminated) and says so. */
        if (DestinationString->MaximumLength == 0) {
            return STATUS_BUFFER_OVERFLOW;
        }
        Count = (USHORT)(DestinationString->MaximumLength - 1);
        Status = STATUS_BUFFER_OVERFLOW;
    }
    for (USHORT i = 0; i < Count; i++) {
        ULONG C = (ULONG)SourceString->Buffer[i];
        DestinationString->Buffer[i] = C <= 0xFF ? (CHAR)C : MI_DEFAULT_CHAR;
    }
    DestinationString->Buffer[Count] = ANSI_NULL;
    DestinationString->Length = Count;
    return Status;
}

/* RtlFreeUnicodeString and RtlFreeAnsiString: the buffer back to pool (none:
 * nothing), the string emptied. */
static VOID MiFreeString(PVOID Buffer, PUSHORT Length, PUSHORT MaximumLength)
{
    if (Buffer != NULL) {
        ExFreePoolWithTag(Buffer, MI_RTL_STRING_TAG);
    }
    *Length = 0;
    *MaximumLength = 0;
}

VOID NTAPI RtlFreeUnicodeString(PUNICODE_STRING UnicodeString)
{
    MiDdiEnter(MiDdi_RtlFreeUnicodeString, 0, MI_CALLER_ADDRESS());
    MiFreeString(UnicodeString->Buffer, &UnicodeString->Length, &UnicodeString->MaximumLength);
    UnicodeString->Buffer = NULL;
}

VOID NTAPI RtlFreeAnsiString(PANSI_STRING AnsiString)
{
    MiDdiEnter(MiDdi_RtlFreeAnsiString, 0, MI_CALLER_ADDRESS());
    MiFreeString(AnsiString->Buffer, &AnsiString->Length, &AnsiString->MaximumLength);
    AnsiString->Buffer = NULL;
}

/* ---------------------------------------------------------------------- */
/* UTF-8 (a WCHAR is a code point; surrogates and values above U+10FFFF    */
/* are not characters and become U+FFFD: STATUS_SOME_NOT_MAPPED).          */
/* ---------------------------------------------------------------------- */
/* One converted character (N bytes) out, both directions: with no
 * destination only counted; FALSE when it does not fit whole. */
static BOOLEAN MiPutConverted(void *Destination, ULONG MaxByteCount, ULONG *Written,
                              const void *Bytes, ULONG N)
{
    if (Destination != NULL) {
        if ((ULONGLONG)*Written + N > MaxByteCount) {
            return FALSE;
        }
        memcpy((PUCHAR)Destination + *Written, Bytes, N);
    }
    *Written += N;
    return TRUE;
}

NTSTATUS NTAPI RtlUnicodeToUTF8N(PCHAR UTF8StringDestination, ULONG UTF8StringMaxByteCount,
                                 PULONG UTF8StringActualByteCount, PCWCH UnicodeStringSource,
                                 ULONG UnicodeStringByteCount)
{
    MiDdiEnter(MiDdi_RtlUnicodeToUTF8N, 0, MI_CALLER_ADDRESS());
    if (UnicodeStringSource == NULL || UTF8StringActualByteCount == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    if (UnicodeStringByteCount % sizeof(WCHAR) != 0) {
        return STATUS_INVALID_PARAMETER_5;
    }
    NTSTATUS Status = STATUS_SUCCESS;
    ULONG Written = 0;
    for (ULONG i = 0; i < UnicodeStringByteCount / sizeof(WCHAR); i++) {
        ULONG C = (ULONG)UnicodeStringSource[i];
        if ((C >= 0xD800 && C <= 0xDFFF) || C > 0x10FFFF) {
            C = 0xFFFD;
            Status = STATUS_SOME_NOT_MAPPED;
        }
        UCHAR Bytes[4];
        ULONG N;
        if (C < 0x80) {
            Bytes[0] = (UCHAR)C;
            N = 1;
        } else if (C < 0x800) {
            Bytes[0] = (UCHAR)(0xC0 | (C >> 6));
            Bytes[1] = (UCHAR)(0x80 | (C & 0x3F));
            N = 2;
        } else if (C < 0x10000) {
            Bytes[0] = (UCHAR)(0xE0 | (C >> 12));
            Bytes[1] = (UCHAR)(0x80 | ((C >> 6) & 0x3F));
            Bytes[2] = (UCHAR)(0x80 | (C & 0x3F));
            N = 3;
        } else {
            Bytes[0] = (UCHAR)(0xF0 | (C >> 18));
            Bytes[1] = (UCHAR)(0x80 | ((C >> 12) & 0x3F));
            Bytes[2] = (UCHAR)(0x80 | ((C >> 6) & 0x3F));
            Bytes[3] = (UCHAR)(0x80 | (C & 0x3F));
            N = 4;
        }
        if (!MiPutConverted(UTF8StringDestination, UTF8StringMaxByteCount, &Written, Bytes, N)) {
            /* Whole characters only; what fits is written. */
            *UTF8StringActualByteCount = Written;
            return STATUS_BUFFER_TOO_SMALL;
        }
    }
    *UTF8StringActualByteCount = Written;
    return Status;
}

NTSTATUS NTAPI RtlUTF8ToUnicodeN(PWSTR UnicodeStringDestination, ULONG UnicodeStringMaxByteCount,
                                 PULONG UnicodeStringActualByteCount, PCCH UTF8StringSource,
                                 ULONG UTF8StringByteCount)
{
    MiDdiEnter(MiDdi_RtlUTF8ToUnicodeN, 0, MI_CALLER_ADDRESS());
    if (UTF8StringSource == NULL || UnicodeStringActualByteCount == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    NTSTATUS Status = STATUS_SUCCESS;
    const UCHAR *S = (const UCHAR *)UTF8StringSource;
    ULONG i = 0, Written = 0;
    while (i < UTF8StringByteCount) {
        ULONG C = S[i], Need, Min;
        if (C < 0x80) {
            Need = 0, Min = 0;
        } else if ((C & 0xE0) == 0xC0) {
            C &= 0x1F, Need = 1, Min = 0x80;
        } else if ((C & 0xF0) == 0xE0) {
            C &= 0x0F, Need = 2, Min = 0x800;
        } else if ((C & 0xF8) == 0xF0) {
            C &= 0x07, Need = 3, Min = 0x10000;
        } else {
            C = 0xFFFD, Need = 0, Min = 0, Status = STATUS_SOME_NOT_MAPPED;
        }
        i++;
        ULONG Got = 0;
        while (Got < Need && i < UTF8StringByteCount && (S[i] & 0xC0) == 0x80) {
            C = (C << 6) | (S[i] & 0x3F);
            i++, Got++;
        }
        if (Got < Need || C < Min || C > 0x10FFFF || (C >= 0xD800 && C <= 0xDFFF)) {
            C = 0xFFFD; /* truncated, overlong or not a character */
            Status = STATUS_SOME_NOT_MAPPED;
        }
        WCHAR Character = (WCHAR)C;
        if (!MiPutConverted(UnicodeStringDestination, UnicodeStringMaxByteCount, &Written,
                            &Character, sizeof(WCHAR))) {
            *UnicodeStringActualByteCount = Written;
            return STATUS_BUFFER_TOO_SMALL;
        }
    }
    *UnicodeStringActualByteCount = Written;
    return Status;
}

/* ---------------------------------------------------------------------- */
/* Integers.                                                              */
/* ---------------------------------------------------------------------- */
/* Digits of Value in Base (0 = 10; else 2, 8, 10 or 16) into Digits (upper
 * case), returning their count, or 0 for an invalid base. */
static ULONG MiFormatInteger(ULONGLONG Value, ULONG Base, char Digits[65])
{
    if (Base == 0) {
        Base = 10;
    }
    if (Base != 2 && Base != 8 && Base != 10 && Base != 16) {
        return 0;
    }
    char Reverse[65];
    ULONG Count = 0;
    do {
        Reverse[Count++] = "0123456789ABCDEF"[Value % Base];
        Value /= Base;
    } while (Value != 0);
    for (ULONG i = 0; i < Count; i++) {
        Digits[i] = Reverse[Count - 1 - i];
    }
    return Count;
}

static NTSTATUS MiIntegerToUnicode(ULONGLONG Value, ULONG Base, PUNICODE_STRING String)
{
    char Digits[65];
    ULONG Count = MiFormatInteger(Value, Base, Digits);
    if (Count == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    /* The digits and a terminator must fit. */
    if ((Count + 1) * sizeof(WCHAR) > String->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW;
    }
    for (ULONG i = 0; i < Count; i++) {
        String->Buffer[i] = (WCHAR)Digits[i];
    }
    String->Buffer[Count] = UNICODE_NULL;
    String->Length = (USHORT)(Count * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlIntegerToUnicodeString(ULONG Value, ULONG Base, PUNICODE_STRING String)
{
    MiDdiEnter(MiDdi_RtlIntegerToUnicodeString, 0, MI_CALLER_ADDRESS());
    return MiIntegerToUnicode(Value, Base, String);
}

NTSTATUS NTAPI RtlInt64ToUnicodeString(ULONGLONG Value, ULONG Base, PUNICODE_STRING String)
{
    MiDdiEnter(MiDdi_RtlInt64ToUnicodeString, 0, MI_CALLER_ADDRESS());
    return MiIntegerToUnicode(Value, Base, String);
}

/* A digit's value (0-9, a-f, A-F: 0-15), -1 for any other character: the
 * integer parse and GUID strings. */
static int MiHexDigit(ULONG C)
{
    if (C >= '0' && C <= '9') {
        return (int)(C - '0');
    }
    if (C >= 'a' && C <= 'f') {
        return (int)(C - 'a' + 10);
    }
    if (C >= 'A' && C <= 'F') {
        return (int)(C - 'A' + 10);
    }
    return -1;
}

/* The documented parse: leading white space (characters up to ' '), an
 * optional sign, with Base 0 an optional 0x/0o/0b prefix (else decimal), then
 * digits of the base up to the first other character. No digits: 0. */
static NTSTATUS MiParseInteger(const void *Text, bool Wide, SIZE_T Count, ULONG Base, PULONG Value)
{
    if (Base != 0 && Base != 2 && Base != 8 && Base != 10 && Base != 16) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Value == NULL) {
        return STATUS_ACCESS_VIOLATION;
    }
#define MI_AT(i) (Wide ? (ULONG)((const WCHAR *)Text)[i] : (ULONG)((const UCHAR *)Text)[i])
    SIZE_T i = 0;
    while (i < Count && MI_AT(i) <= ' ') {
        i++;
    }
    bool Negative = false;
    if (i < Count && (MI_AT(i) == '-' || MI_AT(i) == '+')) {
        Negative = MI_AT(i) == '-';
        i++;
    }
    if (Base == 0) {
        Base = 10;
        if (i + 1 < Count && MI_AT(i) == '0') {
            ULONG Prefix = MI_AT(i + 1);
            if (Prefix == 'x' || Prefix == 'X') {
                Base = 16, i += 2;
            } else if (Prefix == 'o' || Prefix == 'O') {
                Base = 8, i += 2;
            } else if (Prefix == 'b' || Prefix == 'B') {
                Base = 2, i += 2;
            }
        }
    }
    ULONG Result = 0;
    for (; i < Count; i++) {
        int Digit = MiHexDigit(MI_AT(i));
        if (Digit < 0 || (ULONG)Digit >= Base) {
            break;
        }
        Result = Result * Base + (ULONG)Digit; /* wraps modulo 2^32, as Windows */
    }
#undef MI_AT
    *Value = Negative ? (ULONG)(0 - Result) : Result;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlUnicodeStringToInteger(PCUNICODE_STRING String, ULONG Base, PULONG Value)
{
    MiDdiEnter(MiDdi_RtlUnicodeStringToInteger, 0, MI_CALLER_ADDRESS());
    return MiParseInteger(String->Buffer, true, String->Length / sizeof(WCHAR), Base, Value);
}

NTSTATUS NTAPI RtlCharToInteger(PCSZ String, ULONG Base, PULONG Value)
{
    MiDdiEnter(MiDdi_RtlCharToInteger, 0, MI_CALLER_ADDRESS());
    return MiParseInteger(String, false, strlen(String), Base, Value);
}

/* ---------------------------------------------------------------------- */
/* Hashing.                                                               */
/* ---------------------------------------------------------------------- */
NTSTATUS NTAPI RtlHashUnicodeString(CONST UNICODE_STRING *String, BOOLEAN CaseInSensitive,
                                    ULONG HashAlgorithm, PULONG HashValue)
{
    MiDdiEnter(MiDdi_RtlHashUnicodeString, 0, MI_CALLER_ADDRESS());
    if (String == NULL || HashValue == NULL ||
        (HashAlgorithm != HASH_STRING_ALGORITHM_DEFAULT &&
         HashAlgorithm != HASH_STRING_ALGORITHM_X65599)) {
        return STATUS_INVALID_PARAMETER;
    }
    /* x65599: h = h * 65599 + c over the (upper-cased) characters. */
    ULONG Hash = 0;
    for (SIZE_T i = 0; i < String->Length / sizeof(WCHAR); i++) {
        ULONG C = (ULONG)String->Buffer[i];
        Hash = Hash * 65599u + (CaseInSensitive ? MiUpcase(C) : C);
    }
    *HashValue = Hash;
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* GUID strings: {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}.                  */
/* ---------------------------------------------------------------------- */
#define MI_GUID_CHARS 38

static void MiGuidBytes(const GUID *Guid, UCHAR Bytes[16])
{
    /* Display order: Data1, Data2, Data3 as numbers, Data4 byte by byte. */
    for (int i = 0; i < 4; i++) {
        Bytes[i] = (UCHAR)(Guid->Data1 >> (24 - 8 * i));
    }
    Bytes[4] = (UCHAR)(Guid->Data2 >> 8), Bytes[5] = (UCHAR)Guid->Data2;
    Bytes[6] = (UCHAR)(Guid->Data3 >> 8), Bytes[7] = (UCHAR)Guid->Data3;
    memcpy(Bytes + 8, Guid->Data4, 8);
}

NTSTATUS NTAPI RtlStringFromGUID(REFGUID Guid, PUNICODE_STRING GuidString)
{
    MiDdiEnter(MiDdi_RtlStringFromGUID, 0, MI_CALLER_ADDRESS());
    PWCH Buffer = (PWCH)MiRtlAllocateString((MI_GUID_CHARS + 1) * sizeof(WCHAR));
    if (Buffer == NULL) {
        return STATUS_NO_MEMORY;
    }
    UCHAR Bytes[16];
    MiGuidBytes(Guid, Bytes);
    ULONG Out = 0;
    Buffer[Out++] = L'{';
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            Buffer[Out++] = L'-';
        }
        Buffer[Out++] = (WCHAR)"0123456789ABCDEF"[Bytes[i] >> 4];
        Buffer[Out++] = (WCHAR)"0123456789ABCDEF"[Bytes[i] & 0xF];
    }
    Buffer[Out++] = L'}';
    Buffer[Out] = UNICODE_NULL;
    GuidString->Buffer = Buffer;
    GuidString->Length = (USHORT)(MI_GUID_CHARS * sizeof(WCHAR));
    GuidString->MaximumLength = (USHORT)((MI_GUID_CHARS + 1) * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlGUIDFromString(PUNICODE_STRING GuidString, GUID *Guid)
{
    MiDdiEnter(MiDdi_RtlGUIDFromString, 0, MI_CALLER_ADDRESS());
    if (GuidString->Length != MI_GUID_CHARS * sizeof(WCHAR)) {
        return STATUS_INVALID_PARAMETER;
    }
    const WCHAR *S = GuidString->Buffer;
    if (S[0] != L'{' || S[MI_GUID_CHARS - 1] != L'}') {
        return STATUS_INVALID_PARAMETER;
    }
    UCHAR Bytes[16];
    ULONG In = 1;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            if (S[In++] != L'-') {
                return STATUS_INVALID_PARAMETER;
            }
        }
        int High = MiHexDigit((ULONG)S[In++]);
        int Low = MiHexDigit((ULONG)S[In++]);
        if (High < 0 || Low < 0) {
            return STATUS_INVALID_PARAMETER;
        }
        Bytes[i] = (UCHAR)(High << 4 | Low);
    }
    Guid->Data1 = (ULONG)Bytes[0] << 24 | (ULONG)Bytes[1] << 16 | (ULONG)Bytes[2] << 8 | Bytes[3];
    Guid->Data2 = (USHORT)(Bytes[4] << 8 | Bytes[5]);
    Guid->Data3 = (USHORT)(Bytes[6] << 8 | Bytes[7]);
    memcpy(Guid->Data4, Bytes + 8, 8);
    return STATUS_SUCCESS;
}
