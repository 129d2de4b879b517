/*
 * format.c - printf with the Windows kernel's format semantics (format.h).
 *
 * Written from Microsoft's format-specification documentation (the printf
 * "type field" and "size" pages of the Visual C++ reference, the DbgPrint and
 * ntstrsafe pages; docs/wdk-surface.md): what differs from the host C library
 * is the LLP64 `l` (32 bits), the `I`, `I32`, `I64` and `w` sizes, `c`/`s`
 * taking the output's character width and `C`/`S` the other, `Z` for counted
 * strings and `p` as fixed-width upper-case hex. Integers and strings are
 * formatted here; floating point is handed to the host's snprintf one
 * conversion at a time (DbgPrint does not support it on Windows; ntstrsafe
 * does).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* ---------------------------------------------------------------------- */
/* Output.                                                                */
/* ---------------------------------------------------------------------- */
static void MiPut(MI_FORMAT_OUTPUT *Output, uint32_t Character)
{
    if (Output->Length + 1 >= Output->Capacity) {
        Output->Truncated = true;
        return;
    }
    if (Output->Wide) {
        ((WCHAR *)Output->Buffer)[Output->Length] = (WCHAR)Character;
    } else {
        /* The ANSI code page's default character for what it cannot hold. */
        ((CHAR *)Output->Buffer)[Output->Length] = (CHAR)(Character <= 0xFF ? Character : '?');
    }
    Output->Length++;
}

static void MiPutRepeat(MI_FORMAT_OUTPUT *Output, uint32_t Character, size_t Count)
{
    for (size_t i = 0; i < Count && !Output->Truncated; i++) {
        MiPut(Output, Character);
    }
}

static void MiPutAscii(MI_FORMAT_OUTPUT *Output, const char *Text, size_t Count)
{
    for (size_t i = 0; i < Count && !Output->Truncated; i++) {
        MiPut(Output, (unsigned char)Text[i]);
    }
}

static void MiTerminate(MI_FORMAT_OUTPUT *Output)
{
    if (Output->Wide) {
        ((WCHAR *)Output->Buffer)[Output->Length] = 0;
    } else {
        ((CHAR *)Output->Buffer)[Output->Length] = 0;
    }
}

/* ---------------------------------------------------------------------- */
/* One conversion specification.                                          */
/* ---------------------------------------------------------------------- */
typedef enum _MI_WIDTH_CLASS { MiCharDefault, MiCharNarrow, MiCharWide } MI_WIDTH_CLASS;

typedef struct _MI_SPEC {
    bool Left, Plus, Space, Alternate, Zero;
    size_t Width;     /* 0: none */
    long Precision;   /* < 0: none */
    unsigned Bits;    /* integer size: 8, 16, 32 or 64 */
    MI_WIDTH_CLASS CharWidth;
    bool LongDouble;
} MI_SPEC;

/* Pads and places Body (already formatted, narrow) with a sign/prefix. */
static void MiEmitNumber(MI_FORMAT_OUTPUT *Output, const MI_SPEC *Spec, const char *Prefix,
                         const char *Digits, size_t DigitCount, size_t LeadingZeros)
{
    size_t PrefixLength = strlen(Prefix);
    size_t Body = PrefixLength + LeadingZeros + DigitCount;
    size_t Pad = Spec->Width > Body ? Spec->Width - Body : 0;
    if (Spec->Left) {
        MiPutAscii(Output, Prefix, PrefixLength);
        MiPutRepeat(Output, '0', LeadingZeros);
        MiPutAscii(Output, Digits, DigitCount);
        MiPutRepeat(Output, ' ', Pad);
    } else if (Spec->Zero && Spec->Precision < 0) {
        MiPutAscii(Output, Prefix, PrefixLength);
        MiPutRepeat(Output, '0', LeadingZeros + Pad);
        MiPutAscii(Output, Digits, DigitCount);
    } else {
        MiPutRepeat(Output, ' ', Pad);
        MiPutAscii(Output, Prefix, PrefixLength);
        MiPutRepeat(Output, '0', LeadingZeros);
        MiPutAscii(Output, Digits, DigitCount);
    }
}

static void MiFormatInteger(MI_FORMAT_OUTPUT *Output, const MI_SPEC *Spec, uint64_t Magnitude,
                            bool Negative, bool Signed, unsigned Base, bool Upper)
{
    static const char Lower[] = "0123456789abcdef";
    static const char UpperDigits[] = "0123456789ABCDEF";
    const char *Set = Upper ? UpperDigits : Lower;
    char Reversed[64];
    size_t Count = 0;
    for (uint64_t Value = Magnitude; Value != 0; Value /= Base) {
        Reversed[Count++] = Set[Value % Base];
    }
    if (Count == 0 && Spec->Precision != 0) {
        Reversed[Count++] = '0'; /* precision 0 prints no digit for 0 */
    }
    char Digits[64];
    for (size_t i = 0; i < Count; i++) {
        Digits[i] = Reversed[Count - 1 - i];
    }
    size_t LeadingZeros = 0;
    if (Spec->Precision > 0 && (size_t)Spec->Precision > Count) {
        LeadingZeros = (size_t)Spec->Precision - Count;
    }
    char Prefix[4] = "";
    size_t PrefixLength = 0;
    if (Signed) {
        if (Negative) {
            Prefix[PrefixLength++] = '-';
        } else if (Spec->Plus) {
            Prefix[PrefixLength++] = '+';
        } else if (Spec->Space) {
            Prefix[PrefixLength++] = ' ';
        }
    }
    if (Spec->Alternate && Base == 16 && Magnitude != 0) {
        Prefix[PrefixLength++] = '0';
        Prefix[PrefixLength++] = Upper ? 'X' : 'x';
    }
    if (Spec->Alternate && Base == 8 && LeadingZeros == 0 && (Count == 0 || Digits[0] != '0')) {
        LeadingZeros = 1; /* '#' with 'o': the first digit is a 0 */
    }
    Prefix[PrefixLength] = '\0';
    MiEmitNumber(Output, Spec, Prefix, Digits, Count, LeadingZeros);
}

/* A string of Length characters (narrow or wide), padded to the width. */
static void MiFormatString(MI_FORMAT_OUTPUT *Output, const MI_SPEC *Spec, const void *Text,
                           bool Wide, size_t Length)
{
    if (Spec->Precision >= 0 && (size_t)Spec->Precision < Length) {
        Length = (size_t)Spec->Precision;
    }
    size_t Pad = Spec->Width > Length ? Spec->Width - Length : 0;
    if (!Spec->Left) {
        MiPutRepeat(Output, ' ', Pad);
    }
    for (size_t i = 0; i < Length && !Output->Truncated; i++) {
        MiPut(Output, Wide ? (uint32_t)((const WCHAR *)Text)[i]
                           : (uint32_t)((const unsigned char *)Text)[i]);
    }
    if (Spec->Left) {
        MiPutRepeat(Output, ' ', Pad);
    }
}

/* Length of a NUL-terminated string, reading no further than Limit. */
static size_t MiStringLength(const void *Text, bool Wide, size_t Limit)
{
    size_t Length = 0;
    if (Wide) {
        const WCHAR *W = (const WCHAR *)Text;
        while (Length < Limit && W[Length] != 0) {
            Length++;
        }
    } else {
        const CHAR *A = (const CHAR *)Text;
        while (Length < Limit && A[Length] != 0) {
            Length++;
        }
    }
    return Length;
}

/* A narrow/wide conversion reads the pageable NLS tables. */
static void MiCheckConversionIrql(const void *Argument, ULONG_PTR Caller)
{
    KIRQL Irql = MiCurrentIrql();
    if (Irql >= DISPATCH_LEVEL) {
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Argument, Irql, 0, Caller);
    }
}

static void MiFormatFloat(MI_FORMAT_OUTPUT *Output, const MI_SPEC *Spec, uint32_t Conversion,
                          va_list *Arguments)
{
    char Format[48];
    size_t Used = 0;
    Format[Used++] = '%';
    if (Spec->Left) {
        Format[Used++] = '-';
    }
    if (Spec->Plus) {
        Format[Used++] = '+';
    }
    if (Spec->Space) {
        Format[Used++] = ' ';
    }
    if (Spec->Alternate) {
        Format[Used++] = '#';
    }
    if (Spec->Zero) {
        Format[Used++] = '0';
    }
    Format[Used++] = '*';
    Format[Used++] = '.';
    Format[Used++] = '*';
    if (Spec->LongDouble) {
        Format[Used++] = 'L';
    }
    Format[Used++] = (char)Conversion;
    Format[Used] = '\0';
    int Width = Spec->Width > INT_MAX ? INT_MAX : (int)Spec->Width;
    int Precision = Spec->Precision < 0 ? -1 : (int)Spec->Precision;
    char Small[128];
    char *Text = Small;
    int Length;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (Spec->LongDouble) {
        long double Value = va_arg(*Arguments, long double);
        Length = snprintf(Small, sizeof(Small), Format, Width, Precision, Value);
        if (Length >= (int)sizeof(Small) && (Text = (char *)malloc((size_t)Length + 1)) != NULL) {
            snprintf(Text, (size_t)Length + 1, Format, Width, Precision, Value);
        }
    } else {
        double Value = va_arg(*Arguments, double);
        Length = snprintf(Small, sizeof(Small), Format, Width, Precision, Value);
        if (Length >= (int)sizeof(Small) && (Text = (char *)malloc((size_t)Length + 1)) != NULL) {
            snprintf(Text, (size_t)Length + 1, Format, Width, Precision, Value);
        }
    }
#pragma GCC diagnostic pop
    if (Text == NULL) {
        Text = Small; /* out of host memory: the first part only */
        Length = (int)sizeof(Small) - 1;
    }
    if (Length > 0) {
        MiPutAscii(Output, Text, (size_t)Length);
    }
    if (Text != Small) {
        free(Text);
    }
}

/* ---------------------------------------------------------------------- */
/* The format string, narrow or wide.                                     */
/* ---------------------------------------------------------------------- */
typedef struct _MI_READER {
    const void *Base;
    bool Wide;
    size_t Index;
} MI_READER;

static uint32_t MiPeek(const MI_READER *Reader, size_t Ahead)
{
    size_t i = Reader->Index + Ahead;
    return Reader->Wide ? (uint32_t)((const WCHAR *)Reader->Base)[i]
                        : (uint32_t)((const unsigned char *)Reader->Base)[i];
}

/* Whether the format continues with Text; never reads past its NUL (the
 * first mismatch stops the comparison). */
static bool MiNextIs(const MI_READER *Reader, const char *Text)
{
    for (size_t i = 0; Text[i] != '\0'; i++) {
        if (MiPeek(Reader, i) != (unsigned char)Text[i]) {
            return false;
        }
    }
    return true;
}

static size_t MiReadNumber(MI_READER *Reader)
{
    size_t Value = 0;
    while (MiPeek(Reader, 0) >= '0' && MiPeek(Reader, 0) <= '9') {
        if (Value < (size_t)INT_MAX / 10) {
            Value = Value * 10 + (MiPeek(Reader, 0) - '0');
        }
        Reader->Index++;
    }
    return Value;
}

static uint64_t MiReadUnsigned(const MI_SPEC *Spec, va_list *Arguments)
{
    switch (Spec->Bits) {
    case 64:
        return (uint64_t)va_arg(*Arguments, unsigned long long);
    case 16:
        return (uint16_t)va_arg(*Arguments, unsigned int);
    case 8:
        return (uint8_t)va_arg(*Arguments, unsigned int);
    default:
        return (uint32_t)va_arg(*Arguments, unsigned int);
    }
}

static int64_t MiReadSigned(const MI_SPEC *Spec, va_list *Arguments)
{
    switch (Spec->Bits) {
    case 64:
        return (int64_t)va_arg(*Arguments, long long);
    case 16:
        return (int16_t)va_arg(*Arguments, int);
    case 8:
        return (int8_t)va_arg(*Arguments, int);
    default:
        return (int32_t)va_arg(*Arguments, int);
    }
}

/* Whether a c/s/C/S/Z argument is wide, for an output of width OutputWide. */
static bool MiArgumentIsWide(const MI_SPEC *Spec, bool Upper, bool OutputWide)
{
    if (Spec->CharWidth == MiCharNarrow) {
        return false;
    }
    if (Spec->CharWidth == MiCharWide) {
        return true;
    }
    return Upper ? !OutputWide : OutputWide;
}

/* The size prefix: MSVC's I64/I32/I, C's ll/hh/h/l/L/z/j/t, and w. */
static void MiReadSize(MI_READER *Reader, MI_SPEC *Spec)
{
    if (MiNextIs(Reader, "I64")) {
        Reader->Index += 3;
        Spec->Bits = 64;
    } else if (MiNextIs(Reader, "I32")) {
        Reader->Index += 3;
        Spec->Bits = 32;
    } else if (MiNextIs(Reader, "ll")) {
        Reader->Index += 2;
        Spec->Bits = 64;
    } else if (MiNextIs(Reader, "hh")) {
        Reader->Index += 2;
        Spec->Bits = 8;
        Spec->CharWidth = MiCharNarrow;
    } else {
        switch (MiPeek(Reader, 0)) {
        case 'h':
            Spec->Bits = 16;
            Spec->CharWidth = MiCharNarrow;
            Reader->Index++;
            break;
        case 'l':
        case 'w':
            Spec->Bits = 32; /* LLP64: long is 32 bits */
            Spec->CharWidth = MiCharWide;
            Reader->Index++;
            break;
        case 'L':
            Spec->Bits = 64;
            Spec->LongDouble = true;
            Reader->Index++;
            break;
        case 'I':
        case 'z':
        case 'j':
        case 't':
            Spec->Bits = 64; /* pointer-sized on x64 */
            Reader->Index++;
            break;
        default:
            break;
        }
    }
}

/* Reads a specification's flags, width, precision and size, after its
 * '%'; '*' widths and precisions take their int arguments. */
static void MiReadSpec(MI_READER *Reader, va_list *Arguments, MI_SPEC *Out)
{
    MI_SPEC Spec;
    memset(&Spec, 0, sizeof(Spec));
    Spec.Precision = -1;
    Spec.Bits = 32;
    /* Flags. */
    for (;;) {
        uint32_t Flag = MiPeek(Reader, 0);
        if (Flag == '-') {
            Spec.Left = true;
        } else if (Flag == '+') {
            Spec.Plus = true;
        } else if (Flag == ' ') {
            Spec.Space = true;
        } else if (Flag == '#') {
            Spec.Alternate = true;
        } else if (Flag == '0') {
            Spec.Zero = true;
        } else {
            break;
        }
        Reader->Index++;
    }
    /* Width. */
    if (MiPeek(Reader, 0) == '*') {
        Reader->Index++;
        int Width = va_arg(*Arguments, int);
        if (Width < 0) {
            Spec.Left = true;
            Width = Width == INT_MIN ? INT_MAX : -Width;
        }
        Spec.Width = (size_t)Width;
    } else {
        Spec.Width = MiReadNumber(Reader);
    }
    /* Precision. */
    if (MiPeek(Reader, 0) == '.') {
        Reader->Index++;
        if (MiPeek(Reader, 0) == '*') {
            Reader->Index++;
            int Precision = va_arg(*Arguments, int);
            Spec.Precision = Precision < 0 ? -1 : Precision;
        } else {
            Spec.Precision = (long)MiReadNumber(Reader);
        }
    }
    MiReadSize(Reader, &Spec);
    *Out = Spec;
}

/* The character and string conversions: c/C, s/S and Z (a counted
 * UNICODE_STRING or ANSI_STRING); a conversion between narrow and wide has
 * its own IRQL rule (MiCheckConversionIrql). */
static void MiConvertText(MI_FORMAT_OUTPUT *Output, const MI_SPEC *SpecIn, uint32_t Conversion,
                          const void *Format, va_list *Arguments, ULONG_PTR Caller)
{
    MI_SPEC Spec = *SpecIn;
    switch (Conversion) {
    case 'c':
    case 'C': {
        bool ArgumentWide = MiArgumentIsWide(&Spec, Conversion == 'C', Output->Wide);
        int Value = va_arg(*Arguments, int);
        if (ArgumentWide != Output->Wide) {
            MiCheckConversionIrql(Format, Caller);
        }
        WCHAR Wide = (WCHAR)Value;
        CHAR Narrow = (CHAR)Value;
        MI_SPEC One = Spec;
        One.Precision = -1;
        MiFormatString(Output, &One, ArgumentWide ? (const void *)&Wide : (const void *)&Narrow,
                       ArgumentWide, 1);
        break;
    }
    case 's':
    case 'S': {
        bool ArgumentWide = MiArgumentIsWide(&Spec, Conversion == 'S', Output->Wide);
        const void *Text = va_arg(*Arguments, const void *);
        if (Text == NULL) {
            MiFormatString(Output, &Spec, "(null)", false, 6);
            break;
        }
        if (ArgumentWide != Output->Wide) {
            MiCheckConversionIrql(Text, Caller);
        }
        size_t Limit = Spec.Precision >= 0 ? (size_t)Spec.Precision : SIZE_MAX;
        MiFormatString(Output, &Spec, Text, ArgumentWide,
                       MiStringLength(Text, ArgumentWide, Limit));
        break;
    }
    case 'Z': {
        bool ArgumentWide = Spec.CharWidth == MiCharWide;
        const void *String = va_arg(*Arguments, const void *);
        const void *Text = NULL;
        size_t Length = 0;
        if (String != NULL && ArgumentWide) {
            const UNICODE_STRING *Unicode = (const UNICODE_STRING *)String;
            Text = Unicode->Buffer;
            Length = Unicode->Length / sizeof(WCHAR);
        } else if (String != NULL) {
            const ANSI_STRING *Ansi = (const ANSI_STRING *)String;
            Text = Ansi->Buffer;
            Length = Ansi->Length;
        }
        if (Text == NULL) {
            MiFormatString(Output, &Spec, "(null)", false, 6);
            break;
        }
        if (ArgumentWide != Output->Wide) {
            MiCheckConversionIrql(String, Caller);
        }
        MiFormatString(Output, &Spec, Text, ArgumentWide, Length);
        break;
    }
    default:
        break;
    }
}

/* Formats one argument by its conversion character. */
static void MiConvert(MI_FORMAT_OUTPUT *Output, const MI_SPEC *SpecIn, uint32_t Conversion,
                      const void *Format, va_list *Arguments, ULONG_PTR Caller)
{
    MI_SPEC Spec = *SpecIn;
    switch (Conversion) {
    case 'd':
    case 'i': {
        int64_t Value = MiReadSigned(&Spec, Arguments);
        uint64_t Magnitude = Value < 0 ? (uint64_t)0 - (uint64_t)Value : (uint64_t)Value;
        MiFormatInteger(Output, &Spec, Magnitude, Value < 0, true, 10, false);
        break;
    }
    case 'u':
        MiFormatInteger(Output, &Spec, MiReadUnsigned(&Spec, Arguments), false, false, 10,
                        false);
        break;
    case 'o':
        MiFormatInteger(Output, &Spec, MiReadUnsigned(&Spec, Arguments), false, false, 8,
                        false);
        break;
    case 'x':
    case 'X':
        MiFormatInteger(Output, &Spec, MiReadUnsigned(&Spec, Arguments), false, false, 16,
                        Conversion == 'X');
        break;
    case 'p': {
        MI_SPEC Pointer = Spec;
        Pointer.Precision = 2 * (long)sizeof(void *); /* x64: 16 digits */
        Pointer.Alternate = false;
        Pointer.Zero = false;
        uintptr_t Value = (uintptr_t)va_arg(*Arguments, void *);
        MiFormatInteger(Output, &Pointer, (uint64_t)Value, false, false, 16, true);
        break;
    }
    case 'c':
    case 'C':
    case 's':
    case 'S':
    case 'Z':
        MiConvertText(Output, &Spec, Conversion, Format, Arguments, Caller);
        break;
    case 'n':
        (void)va_arg(*Arguments, void *); /* consumed; nothing is stored */
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
        MiFormatFloat(Output, &Spec, Conversion, Arguments);
        break;
    default:
        MiPut(Output, Conversion);
        break;
    }
}

void MiFormat(MI_FORMAT_OUTPUT *Output, const void *Format, va_list *Arguments, ULONG_PTR Caller)
{
    MI_READER Reader = {Format, Output->Wide, 0};
    for (;;) {
        uint32_t Character = MiPeek(&Reader, 0);
        if (Character == 0) {
            break;
        }
        Reader.Index++;
        if (Character != '%') {
            MiPut(Output, Character);
            continue;
        }
        if (MiPeek(&Reader, 0) == '%') {
            Reader.Index++;
            MiPut(Output, '%');
            continue;
        }
        MI_SPEC Spec;
        MiReadSpec(&Reader, Arguments, &Spec);
        uint32_t Conversion = MiPeek(&Reader, 0);
        if (Conversion == 0) {
            break; /* a format ending inside a specification */
        }
        Reader.Index++;
        MiConvert(Output, &Spec, Conversion, Format, Arguments, Caller);
    }
    MiTerminate(Output);
}
