/*
 * interlocked_type_error.c - must NOT compile: the Interlocked routines are
 * typed as in the WDK, so a LONG routine given a ULONG counter is a
 * diagnostic (-Wpointer-sign, an error with -Werror), not a silent cast.
 * tests/CMakeLists.txt expects the compiler to name the routine and the sign
 * mismatch (headers_interlocked_typed_*).
 */
#include <wdm.h>

LONG CountUp(ULONG volatile *Counter);

LONG CountUp(ULONG volatile *Counter)
{
    return InterlockedIncrement(Counter);
}
