/*
 * rtl.c - the small run-time library routines driver code uses around memory
 * code: debug output, memory comparison, counted strings.
 */
#include <stdarg.h>

#include "../mi.h"

static ULONG MiVDbgPrint(PCSTR Format, va_list Arguments)
{
    if (MiConfig.Quiet) {
        return (ULONG)STATUS_SUCCESS;
    }
    char Buffer[512]; /* DbgPrint truncates at 512 bytes as Windows does */
    vsnprintf(Buffer, sizeof(Buffer), Format, Arguments);
    MiWriteStderr(Buffer);
    return (ULONG)STATUS_SUCCESS;
}

ULONG CDECL DbgPrint(PCSTR Format, ...)
{
    va_list Arguments;
    va_start(Arguments, Format);
    ULONG Result = MiVDbgPrint(Format, Arguments);
    va_end(Arguments);
    return Result;
}

ULONG CDECL DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
    UNREFERENCED_PARAMETER(ComponentId);
    /* The default debug filter passes only error-level messages. */
    if (Level != DPFLTR_ERROR_LEVEL) {
        return (ULONG)STATUS_SUCCESS;
    }
    va_list Arguments;
    va_start(Arguments, Format);
    ULONG Result = MiVDbgPrint(Format, Arguments);
    va_end(Arguments);
    return Result;
}

SIZE_T NTAPI RtlCompareMemory(const VOID *Source1, const VOID *Source2, SIZE_T Length)
{
    const UCHAR *A = (const UCHAR *)Source1;
    const UCHAR *B = (const UCHAR *)Source2;
    SIZE_T i = 0;
    while (i < Length && A[i] == B[i]) {
        i++;
    }
    return i;
}

VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString, PCWSTR SourceString)
{
    if (SourceString == NULL) {
        DestinationString->Length = 0;
        DestinationString->MaximumLength = 0;
        DestinationString->Buffer = NULL;
        return;
    }
    SIZE_T Length = 0;
    while (SourceString[Length] != 0) {
        Length++;
    }
    SIZE_T Bytes = Length * sizeof(WCHAR);
    if (Bytes > 0xFFFC - sizeof(WCHAR)) {
        Bytes = 0xFFFC - sizeof(WCHAR); /* MAXUSHORT-limited, as Windows clamps */
    }
    DestinationString->Length = (USHORT)Bytes;
    DestinationString->MaximumLength = (USHORT)(Bytes + sizeof(WCHAR));
    DestinationString->Buffer = (PWCH)SourceString;
}
