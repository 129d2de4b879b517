/*
 * shared_data.c - KUSER_SHARED_DATA (SharedUserData) and
 * ExIsProcessorFeaturePresent.
 *
 * Facts (wdm.h on x64; learn.microsoft.com wdm/nf-wdm-kequerytickcount,
 * -kequerysystemtime-r1, -kequeryinterrupttime, -exisprocessorfeaturepresent):
 * KeQuerySystemTime, KeQueryInterruptTime and KeQueryTickCount are macros
 * reading the shared page at KI_USER_SHARED_DATA, which the kernel updates
 * at every clock tick: InterruptTime at 0x8 (100 ns since boot), SystemTime
 * at 0x14 (100 ns since 1601), TickCount at 0x320 (ticks since boot);
 * TickCountMultiplier scales ticks to milliseconds (x 2^-24).
 *
 * mmsim's page is a page-aligned object in the library. It has no clock
 * interrupt: the macros and the time DDIs bring it to the last tick before
 * reading (MmsimSharedDataCurrent), so each value is what Windows' page
 * would hold then.
 */
#include "../host/host.h"
#include "../mi.h"
#include "shared_data.h"

/* The page: a real host page, zero until the first refresh. */
__attribute__((aligned(4096))) KUSER_SHARED_DATA MmsimUserSharedData;

static void MiStoreSystemTime(volatile KSYSTEM_TIME *Time, uint64_t Value)
{
    /* Writers store High2Time, LowPart, High1Time in that order on Windows;
     * a 64-bit reader (the x64 macros) reads LowPart and High1Time at once,
     * done here as one atomic store of the 8 bytes. */
    __atomic_store_n(&Time->High2Time, (LONG)(Value >> 32), __ATOMIC_RELAXED);
    __atomic_store_n((volatile uint64_t *)(volatile void *)Time, Value, __ATOMIC_RELAXED);
}

void MiSharedDataRefresh(void)
{
    uint64_t Interrupt, System, Ticks;
    MiClockAtLastTick(&Interrupt, &System, &Ticks);
    KUSER_SHARED_DATA *Page = &MmsimUserSharedData;
    /* 15.625 ms per tick: multiplier such that ms = ticks * M >> 24. */
    __atomic_store_n(&Page->TickCountMultiplier, (ULONG)(15.625 * 16777216.0), __ATOMIC_RELAXED);
    __atomic_store_n(&Page->TickCountLowDeprecated, (ULONG)Ticks, __ATOMIC_RELAXED);
    __atomic_store_n(&Page->NtMajorVersion, 10u, __ATOMIC_RELAXED);
    __atomic_store_n(&Page->QpcFrequency, 10000000ll, __ATOMIC_RELAXED);
    MiStoreSystemTime(&Page->InterruptTime, Interrupt);
    MiStoreSystemTime(&Page->SystemTime, System);
    MiStoreSystemTime(&Page->TickCount, Ticks);
    /* mmdev: the machine's constant facts, stored once. */
    if (!__atomic_load_n(&Page->ProductTypeIsValid, __ATOMIC_ACQUIRE)) {
        uint32_t Processors = HostProcessorCount();
        __atomic_store_n(&Page->ActiveProcessorCount, Processors, __ATOMIC_RELAXED);
        __atomic_store_n(&Page->ActiveGroupCount, (UCHAR)((Processors + 63) / 64), __ATOMIC_RELAXED);
        __atomic_store_n(&Page->NativeProcessorArchitecture, (USHORT)9, __ATOMIC_RELAXED); /* AMD64 */
        __atomic_store_n(&Page->LargePageMinimum, 0x200000u, __ATOMIC_RELAXED);
        __atomic_store_n(&Page->NtProductType, 1u, __ATOMIC_RELAXED); /* NtProductWinNt */
        __atomic_store_n(&Page->ProductTypeIsValid, TRUE, __ATOMIC_RELEASE);
    }
}

ULONG_PTR NTAPI MmsimSharedDataCurrent(ULONG_PTR SharedAddress)
{
    MiSharedDataRefresh();
    return SharedAddress;
}

/* Features the host processor has, as the kernel reports them for it. */
static BOOLEAN MiHostHasFeature(ULONG Feature)
{
#if defined(__x86_64__)
    __builtin_cpu_init();
    switch (Feature) {
    case PF_COMPARE_EXCHANGE_DOUBLE:
    case PF_MMX_INSTRUCTIONS_AVAILABLE:
    case PF_XMMI_INSTRUCTIONS_AVAILABLE:
    case PF_RDTSC_INSTRUCTION_AVAILABLE:
    case PF_PAE_ENABLED:
    case PF_XMMI64_INSTRUCTIONS_AVAILABLE:
    case PF_NX_ENABLED:
    case PF_COMPARE_EXCHANGE128: /* every x64 processor Windows 8.1+ runs on */
    case PF_FASTFAIL_AVAILABLE:
        return TRUE;
    case PF_SSE3_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("sse3") != 0;
    case PF_SSSE3_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("ssse3") != 0;
    case PF_SSE4_1_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("sse4.1") != 0;
    case PF_SSE4_2_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("sse4.2") != 0;
    case PF_AVX_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("avx") != 0;
    case PF_AVX2_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("avx2") != 0;
    case PF_AVX512F_INSTRUCTIONS_AVAILABLE:
        return __builtin_cpu_supports("avx512f") != 0;
    default:
        return FALSE;
    }
#else
    (void)Feature;
    return FALSE;
#endif
}

BOOLEAN NTAPI ExIsProcessorFeaturePresent(ULONG ProcessorFeature)
{
    MiDdiEnter(MiDdi_ExIsProcessorFeaturePresent, 0, MI_CALLER_ADDRESS());
    if (ProcessorFeature >= PROCESSOR_FEATURE_MAX) {
        return FALSE;
    }
    BOOLEAN Present = MiHostHasFeature(ProcessorFeature);
    __atomic_store_n(&MmsimUserSharedData.ProcessorFeatures[ProcessorFeature], Present,
                     __ATOMIC_RELAXED);
    return Present;
}
