/*
 * dbgprint_va.c - vDbgPrintEx and vDbgPrintExWithPrefix: DbgPrintEx with the
 * caller's argument list (realdrv; docs/wdk-surface.md), and
 * ExQueryTimerResolution.
 */
#include <stdarg.h>
#include <string.h>

#include "../mi.h"
#include "format.h"

/* The filter of DbgPrintEx (rtl.c): Level 0-31 is a bit number, a larger
 * Level a mask; the default filter passes bit 0, DPFLTR_ERROR_LEVEL, only. */
static bool MiDbgLevelPasses(ULONG Level)
{
    ULONG Mask = Level <= 31 ? (ULONG)1 << Level : Level;
    return (Mask & 1) != 0;
}

/* Prefix, then Format with Arguments, in one 512-byte message (DbgPrint
 * transmits at most 512 bytes per call); formatted even when quiet so that a
 * bad conversion stops the machine whether or not output is shown. */
static ULONG MiVDbgPrintPrefixed(PCSTR Prefix, PCSTR Format, va_list Arguments, ULONG_PTR Caller)
{
    char Buffer[512];
    size_t PrefixLength = Prefix != NULL ? strnlen(Prefix, sizeof(Buffer) - 1) : 0;
    memcpy(Buffer, Prefix != NULL ? Prefix : "", PrefixLength);
    MI_FORMAT_OUTPUT Output = {Buffer + PrefixLength, sizeof(Buffer) - PrefixLength, false, 0,
                               false};
    va_list Copy;
    va_copy(Copy, Arguments);
    MiFormat(&Output, Format, &Copy, Caller);
    va_end(Copy);
    if (!MiConfig.Quiet) {
        MiWriteStderr(Buffer);
    }
    return (ULONG)STATUS_SUCCESS;
}

ULONG NTAPI vDbgPrintEx(ULONG ComponentId, ULONG Level, PCCH Format, va_list arglist)
{
    UNREFERENCED_PARAMETER(ComponentId);
    if (!MiDbgLevelPasses(Level)) {
        return (ULONG)STATUS_SUCCESS;
    }
    return MiVDbgPrintPrefixed(NULL, Format, arglist, MI_CALLER_ADDRESS());
}

ULONG NTAPI vDbgPrintExWithPrefix(PCCH Prefix, ULONG ComponentId, ULONG Level, PCCH Format,
                                  va_list arglist)
{
    UNREFERENCED_PARAMETER(ComponentId);
    if (!MiDbgLevelPasses(Level)) {
        return (ULONG)STATUS_SUCCESS;
    }
    return MiVDbgPrintPrefixed(Prefix, Format, arglist, MI_CALLER_ADDRESS());
}

VOID NTAPI ExQueryTimerResolution(PULONG MaximumTime, PULONG MinimumTime, PULONG CurrentTime)
{
    /* mmsim's timers expire at their due time on the host clock and
     * ExSetTimerResolution keeps the clock increment (sim/ex/extimer.c):
     * coarsest, finest and current are that one value. */
    ULONG Increment = KeQueryTimeIncrement();
    *MaximumTime = Increment;
    *MinimumTime = Increment;
    *CurrentTime = Increment;
}
