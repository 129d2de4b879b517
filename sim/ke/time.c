/*
 * time.c - time and processor queries: KeQueryPerformanceCounter,
 * KeQuerySystemTime(Precise), KeQueryInterruptTime(Precise),
 * KeQueryTimeIncrement, KeGetCurrentProcessorNumber(Ex),
 * KeGetCurrentProcessorIndex, KeQueryActiveProcessorCount(Ex).
 *
 * Facts (Microsoft's DDI pages; docs/wdk-surface.md): every one is callable
 * at any IRQL; system time counts 100 ns intervals since 1601-01-01 (UTC),
 * interrupt time 100 ns intervals since boot; KeQuerySystemTime and
 * KeQueryInterruptTime are accurate to one clock tick, the Precise forms to
 * a microsecond; the performance counter is monotonic and its frequency
 * fixed at boot; KeQueryActiveProcessorCount and KeGetCurrentProcessorNumber
 * describe group 0 (Windows 7+), the Ex forms every group; an unknown group
 * has 0 processors.
 *
 * mmsim's choices: the machine boots when it is built (SimInitialize,
 * SimReset, the first DDI call); the performance counter runs at 10 MHz,
 * so a tick is 100 ns and the counter equals the precise interrupt time; the
 * clock tick is 15.625 ms (156250 units of 100 ns), the coarsest the
 * documentation names; the host's processors are the machine's, filled into
 * groups of 64 in order; the current processor is the host CPU the thread
 * runs on, latched while the thread is at DISPATCH_LEVEL or above.
 */
#include <stdatomic.h>

#include "../host/host.h"
#include "../mi.h"
#include "mi_ke.h"
#include "shared_data.h"

#define MI_QPC_FREQUENCY   10000000ull  /* 10 MHz */
#define MI_TIME_INCREMENT  156250ull    /* 15.625 ms in 100 ns units */
#define MI_EPOCH_1601_1970 116444736000000000ull /* 100 ns units, 1601 -> 1970 */

static _Atomic uint64_t MiBootNs;          /* host monotonic time at boot */
static _Atomic uint64_t MiBootSystemTime;  /* system time at boot (100 ns since 1601) */
static _Atomic uint32_t MiProcessorCount;  /* logical processors, all groups */
static _Thread_local int64_t MiLatchedProcessor = -1;

static NTSTATUS MiTimeInit(const SIM_CONFIG *Config)
{
    UNREFERENCED_PARAMETER(Config);
    atomic_store_explicit(&MiProcessorCount, HostProcessorCount(), memory_order_relaxed);
    atomic_store_explicit(&MiBootNs, HostNowNs(), memory_order_relaxed);
    atomic_store_explicit(&MiBootSystemTime, HostWallClockNs() / 100 + MI_EPOCH_1601_1970,
                          memory_order_relaxed);
    MiSharedDataRefresh(); /* SharedUserData starts over with the machine */
    return STATUS_SUCCESS;
}

const MI_SUBSYSTEM MiTimeSubsystem = {"time", MiTimeInit, NULL, NULL};

/* 100 ns units since boot, microsecond-accurate. */
static uint64_t MiInterruptTimePrecise(void)
{
    uint64_t Boot = atomic_load_explicit(&MiBootNs, memory_order_relaxed);
    uint64_t Now = HostNowNs();
    return Now > Boot ? (Now - Boot) / 100 : 0;
}

uint64_t MiInterruptTimeNow(void)
{
    return MiInterruptTimePrecise();
}

LARGE_INTEGER NTAPI KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency)
{
    MiDdiEnter(MiDdi_KeQueryPerformanceCounter, 0, MI_CALLER_ADDRESS());
    if (PerformanceFrequency != NULL) {
        PerformanceFrequency->QuadPart = (LONGLONG)MI_QPC_FREQUENCY;
    }
    LARGE_INTEGER Counter;
    Counter.QuadPart = (LONGLONG)MiInterruptTimePrecise();
    return Counter;
}

ULONG64 NTAPI KeQueryInterruptTimePrecise(PULONG64 QpcTimeStamp)
{
    MiDdiEnter(MiDdi_KeQueryInterruptTimePrecise, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(QpcTimeStamp, 0, true, MI_CALLER_ADDRESS());
    uint64_t Now = MiInterruptTimePrecise();
    *QpcTimeStamp = Now; /* the counter value the time was read from */
    return Now;
}

/* The clock at its last tick, as SharedUserData holds it (shared_data.c). */
void MiClockAtLastTick(uint64_t *InterruptTime, uint64_t *SystemTime, uint64_t *TickCount)
{
    /* Before the first DDI the page is read through a macro: the machine
     * boots then, as on the first DDI. */
    if (atomic_load_explicit(&MiBootNs, memory_order_relaxed) == 0) {
        MiEnsureMachine();
    }
    /* System time at a tick is the boot's wall clock plus the interrupt time
     * at that tick: one value per tick, never going back between reads. */
    uint64_t Precise = MiInterruptTimePrecise();
    *InterruptTime = Precise - Precise % MI_TIME_INCREMENT;
    *SystemTime = atomic_load_explicit(&MiBootSystemTime, memory_order_relaxed) + *InterruptTime;
    *TickCount = Precise / MI_TIME_INCREMENT;
}

VOID NTAPI KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime)
{
    MiDdiEnter(MiDdi_KeQuerySystemTimePrecise, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(CurrentTime, 0, true, MI_CALLER_ADDRESS());
    CurrentTime->QuadPart = (LONGLONG)(HostWallClockNs() / 100 + MI_EPOCH_1601_1970);
}

/* KeQueryInterruptTime and KeQuerySystemTime are macros over SharedUserData
 * on x64 (wdm.h); these are the kernel's exported routines of the same
 * names (found by MmGetSystemRoutineAddress), reading the same page. The
 * parentheses keep the macros from expanding here. */
ULONGLONG NTAPI(KeQueryInterruptTime)(VOID);
VOID NTAPI(KeQuerySystemTime)(PLARGE_INTEGER CurrentTime);

ULONGLONG NTAPI(KeQueryInterruptTime)(VOID)
{
    MiDdiEnter(MiDdi_KeQueryInterruptTime, 0, MI_CALLER_ADDRESS());
    return KeQueryInterruptTime();
}

VOID NTAPI(KeQuerySystemTime)(PLARGE_INTEGER CurrentTime)
{
    MiDdiEnter(MiDdi_KeQuerySystemTime, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(CurrentTime, 0, true, MI_CALLER_ADDRESS());
    KeQuerySystemTime(CurrentTime);
}

ULONG NTAPI KeQueryTimeIncrement(VOID)
{
    MiDdiEnter(MiDdi_KeQueryTimeIncrement, 0, MI_CALLER_ADDRESS());
    return (ULONG)MI_TIME_INCREMENT;
}

/* ---------------------------------------------------------------------- */
/* Processors.                                                            */
/* ---------------------------------------------------------------------- */
static uint32_t MiProcessors(void)
{
    uint32_t Count = atomic_load_explicit(&MiProcessorCount, memory_order_relaxed);
    return Count != 0 ? Count : 1;
}

static uint32_t MiProcessorsInGroup(uint32_t Group)
{
    uint32_t Count = MiProcessors();
    uint32_t First = Group * MAXIMUM_PROC_PER_GROUP;
    if (First >= Count) {
        return 0;
    }
    return Count - First < MAXIMUM_PROC_PER_GROUP ? Count - First : MAXIMUM_PROC_PER_GROUP;
}

/* survey31: a thread with a system affinity runs only on a processor of it
 * (KeSetSystemAffinityThread(Ex), KeSetSystemGroupAffinityThread): a driver
 * that binds itself to each processor in turn sees that processor. A host
 * processor outside the set answers as the set's lowest. */
static uint32_t MiBoundProcessorIndex(uint32_t Index)
{
    const struct _KTHREAD *Thread = KeGetCurrentThread(); /* no DDI check: any IRQL */
    KAFFINITY Mask = Thread->SystemAffinity;
    if (Mask == 0) {
        return Index;
    }
    uint32_t First = (uint32_t)Thread->SystemGroup * MAXIMUM_PROC_PER_GROUP;
    if (Index >= First && Index - First < MAXIMUM_PROC_PER_GROUP &&
        ((Mask >> (Index - First)) & 1) != 0) {
        return Index;
    }
    uint32_t Lowest = 0;
    while (((Mask >> Lowest) & 1) == 0) {
        Lowest++;
    }
    return First + Lowest;
}

/* The systemwide index of the caller's processor. A thread at DISPATCH_LEVEL
 * or above is not rescheduled on Windows, so its processor must not change,
 * not even when it changes its affinity there (the switch waits until the
 * IRQL drops): the first answer at raised IRQL, affinity applied, is kept
 * until the thread drops below. */
static uint32_t MiCurrentProcessorIndex(void)
{
    uint32_t Count = MiProcessors();
    if (MiCurrentIrql() >= DISPATCH_LEVEL) {
        if (MiLatchedProcessor < 0 || (uint32_t)MiLatchedProcessor >= Count) {
            MiLatchedProcessor = (int64_t)MiBoundProcessorIndex(HostCurrentProcessor() % Count);
        }
        return (uint32_t)MiLatchedProcessor;
    }
    MiLatchedProcessor = -1;
    return MiBoundProcessorIndex(HostCurrentProcessor() % Count);
}

ULONG NTAPI KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber)
{
    MiDdiEnter(MiDdi_KeGetCurrentProcessorNumberEx, 0, MI_CALLER_ADDRESS());
    uint32_t Index = MiCurrentProcessorIndex();
    if (ProcNumber != NULL) {
        ProcNumber->Group = (USHORT)(Index / MAXIMUM_PROC_PER_GROUP);
        ProcNumber->Number = (UCHAR)(Index % MAXIMUM_PROC_PER_GROUP);
        ProcNumber->Reserved = 0;
    }
    return Index;
}

ULONG NTAPI KeGetCurrentProcessorIndex(VOID)
{
    MiDdiEnter(MiDdi_KeGetCurrentProcessorIndex, 0, MI_CALLER_ADDRESS());
    return MiCurrentProcessorIndex();
}

ULONG NTAPI KeGetCurrentProcessorNumber(VOID)
{
    MiDdiEnter(MiDdi_KeGetCurrentProcessorNumber, 0, MI_CALLER_ADDRESS());
    /* Below the group-0 count even for a processor of another group. */
    return MiCurrentProcessorIndex() % MiProcessorsInGroup(0);
}

ULONG NTAPI KeQueryActiveProcessorCount(PKAFFINITY ActiveProcessors)
{
    MiDdiEnter(MiDdi_KeQueryActiveProcessorCount, 0, MI_CALLER_ADDRESS());
    uint32_t Count = MiProcessorsInGroup(0);
    if (ActiveProcessors != NULL) {
        *ActiveProcessors = Count >= 64 ? ~(KAFFINITY)0 : ((KAFFINITY)1 << Count) - 1;
    }
    return Count;
}

ULONG NTAPI KeQueryActiveProcessorCountEx(USHORT GroupNumber)
{
    MiDdiEnter(MiDdi_KeQueryActiveProcessorCountEx, 0, MI_CALLER_ADDRESS());
    if (GroupNumber == ALL_PROCESSOR_GROUPS) {
        return MiProcessors();
    }
    return MiProcessorsInGroup(GroupNumber);
}
