/*
 * more.c - further kernel and Rtl routines drivers call next to their memory
 * code: KeRaiseIrqlToSynchLevel, KeTestSpinLock, KeResetEvent,
 * KeStallExecutionProcessor, KeQueryUnbiasedInterruptTime,
 * KeGetRecommendedSharedDataAlignment, RtlUshortByteSwap, RtlUlongByteSwap,
 * RtlUlonglongByteSwap (docs/wdk-surface.md, "Further kernel routines").
 */
#include "../mi.h"

KIRQL NTAPI KeRaiseIrqlToSynchLevel(VOID)
{
    /* Above SYNCH_LEVEL already: 0xC4/0x30, as KeRaiseIrql to a lower IRQL. */
    return KfRaiseIrql(SYNCH_LEVEL);
}

BOOLEAN FASTCALL KeTestSpinLock(PKSPIN_LOCK SpinLock)
{
    MiCheckDriverPointer(SpinLock, 0, false, MI_CALLER_ADDRESS());
    return __atomic_load_n(SpinLock, __ATOMIC_RELAXED) == 0 ? TRUE : FALSE;
}

LONG NTAPI KeResetEvent(PRKEVENT Event)
{
    MiDdiEnter(MiDdi_KeResetEvent, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Event, offsetof(KEVENT, Header.SignalState), true, MI_CALLER_ADDRESS());
    return __atomic_exchange_n(&Event->Header.SignalState, 0, __ATOMIC_ACQ_REL);
}

VOID NTAPI KeStallExecutionProcessor(ULONG MicroSeconds)
{
    MiDdiEnter(MiDdi_KeStallExecutionProcessor, MicroSeconds, MI_CALLER_ADDRESS());
    /* A busy wait on the performance counter (10 MHz: 10 ticks a microsecond). */
    LONGLONG End = KeQueryPerformanceCounter(NULL).QuadPart + (LONGLONG)MicroSeconds * 10;
    while (KeQueryPerformanceCounter(NULL).QuadPart < End) {
        MmsimYieldProcessor();
    }
}

ULONGLONG NTAPI KeQueryUnbiasedInterruptTime(VOID)
{
    MiDdiEnter(MiDdi_KeQueryUnbiasedInterruptTime, 0, MI_CALLER_ADDRESS());
    /* The simulated machine never sleeps or hibernates: no bias to remove. */
    return KeQueryInterruptTime();
}

ULONG NTAPI KeGetRecommendedSharedDataAlignment(VOID)
{
    /* The largest cache line of the x64 processors Windows runs on. */
    return 64;
}

USHORT FASTCALL(RtlUshortByteSwap)(USHORT Source)
{
    return __builtin_bswap16(Source);
}

ULONG FASTCALL(RtlUlongByteSwap)(ULONG Source)
{
    return __builtin_bswap32(Source);
}

ULONGLONG FASTCALL(RtlUlonglongByteSwap)(ULONGLONG Source)
{
    return __builtin_bswap64(Source);
}
