/*
 * rtl.c - the small run-time library routines driver code uses around memory
 * code: debug output, memory comparison, counted strings.
 */
#include <stdarg.h>

#include "../mi.h"
#include "format.h"

/* The word KeMemoryBarrier updates under GCC's ThreadSanitizer (wdm.h). */
LONG volatile MmsimBarrierWord;

/* Formats with the kernel's conventions (format.c), even when quiet, so that
 * a bad conversion stops the machine whether or not output is shown. */
static ULONG MiVDbgPrint(PCSTR Format, va_list *Arguments, ULONG_PTR Caller)
{
    char Buffer[512]; /* DbgPrint transmits at most 512 bytes per call */
    MI_FORMAT_OUTPUT Output = {Buffer, sizeof(Buffer), false, 0, false};
    MiFormat(&Output, Format, Arguments, Caller);
    if (!MiConfig.Quiet) {
        MiWriteStderr(Buffer);
    }
    return (ULONG)STATUS_SUCCESS;
}

ULONG CDECL(DbgPrint)(PCSTR Format, ...)
{
    va_list Arguments;
    va_start(Arguments, Format);
    ULONG Result = MiVDbgPrint(Format, &Arguments, MI_CALLER_ADDRESS());
    va_end(Arguments);
    return Result;
}

ULONG CDECL(DbgPrintEx)(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
    UNREFERENCED_PARAMETER(ComponentId);
    /* Level 0-31 is a bit number, a larger Level a mask ("Reading and
     * filtering debugging messages"); the default filter passes bit 0,
     * DPFLTR_ERROR_LEVEL, only. */
    ULONG Mask = Level <= 31 ? (ULONG)1 << Level : Level;
    if ((Mask & 1) == 0) {
        return (ULONG)STATUS_SUCCESS;
    }
    va_list Arguments;
    va_start(Arguments, Format);
    ULONG Result = MiVDbgPrint(Format, &Arguments, MI_CALLER_ADDRESS());
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
