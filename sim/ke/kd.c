/*
 * kd.c - the kernel debugger's state (survey33; mmsim/wdm_kd.h): KdDebuggerEnabled,
 * KdDebuggerNotPresent, KdDisableDebugger/KdEnableDebugger, KdRefreshDebuggerNotPresent,
 * DbgBreakPointWithStatus, and the break-in behind __debugbreak/DbgBreakPoint.
 *
 * Windows gives a kernel-mode breakpoint to the debugger first; with none
 * (booted without debug controls) frame-based handlers see STATUS_BREAKPOINT and,
 * unhandled, it is bug check 0x1E. Each machine starts that way. SimSetKernelDebugger
 * boots "with a debugger connected": it takes every break and continues at once, as
 * a debugger told `g` does, and counts them (SimKernelDebuggerBreaks).
 */
#include "../mi.h"

static BOOLEAN MiKdEnabled;           /* *KdDebuggerEnabled */
static BOOLEAN MiKdNotPresent = TRUE; /* *KdDebuggerNotPresent */
static BOOLEAN MiKdBooted;            /* booted with debug controls (SimSetKernelDebugger) */
static ULONG MiKdBreaks;

PBOOLEAN KdDebuggerEnabled = &MiKdEnabled;
PBOOLEAN KdDebuggerNotPresent = &MiKdNotPresent;

/* KdDisableDebugger/KdEnableDebugger change this one; whether a debugger is
 * connected (KdDebuggerNotPresent) is the machine's (SimSetKernelDebugger). */
static void MiKdSet(BOOLEAN Enabled)
{
    __atomic_store_n(&MiKdEnabled, Enabled, __ATOMIC_RELAXED);
}

static NTSTATUS MiKdInit(const SIM_CONFIG *Config)
{
    UNREFERENCED_PARAMETER(Config);
    __atomic_store_n(&MiKdBooted, FALSE, __ATOMIC_RELAXED);
    __atomic_store_n(&MiKdBreaks, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&MiKdNotPresent, TRUE, __ATOMIC_RELAXED);
    MiKdSet(FALSE);
    return STATUS_SUCCESS;
}

static void MiKdTeardown(void)
{
}

static bool MiKdIsClean(char *Report, size_t Size)
{
    UNREFERENCED_PARAMETER(Report);
    UNREFERENCED_PARAMETER(Size);
    return true;
}

const MI_SUBSYSTEM MiKdSubsystem = {"kd", MiKdInit, MiKdTeardown, MiKdIsClean};

VOID SimSetKernelDebugger(BOOLEAN Attached)
{
    MiEnsureMachine();
    __atomic_store_n(&MiKdBooted, Attached ? TRUE : FALSE, __ATOMIC_RELAXED);
    __atomic_store_n(&MiKdNotPresent, Attached ? FALSE : TRUE, __ATOMIC_RELAXED);
    MiKdSet(Attached ? TRUE : FALSE);
}

ULONG SimKernelDebuggerBreaks(VOID)
{
    return __atomic_load_n(&MiKdBreaks, __ATOMIC_RELAXED);
}

BOOLEAN MmsimKdBreakIn(VOID)
{
    if (!__atomic_load_n(&MiKdEnabled, __ATOMIC_RELAXED) ||
        __atomic_load_n(&MiKdNotPresent, __ATOMIC_RELAXED)) {
        return FALSE; /* the caller raises STATUS_BREAKPOINT */
    }
    __atomic_add_fetch(&MiKdBreaks, 1, __ATOMIC_RELAXED);
    return TRUE;
}

NTSTATUS NTAPI KdDisableDebugger(VOID)
{
    if (!__atomic_load_n(&MiKdBooted, __ATOMIC_RELAXED)) {
        return STATUS_DEBUGGER_INACTIVE;
    }
    MiKdSet(FALSE);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI KdEnableDebugger(VOID)
{
    if (!__atomic_load_n(&MiKdBooted, __ATOMIC_RELAXED)) {
        return STATUS_DEBUGGER_INACTIVE;
    }
    MiKdSet(TRUE);
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI KdRefreshDebuggerNotPresent(VOID)
{
    return __atomic_load_n(&MiKdNotPresent, __ATOMIC_RELAXED);
}

VOID NTAPI DbgBreakPointWithStatus(ULONG Status)
{
    UNREFERENCED_PARAMETER(Status);
    if (!MmsimKdBreakIn()) {
        ExRaiseStatus(STATUS_BREAKPOINT);
    }
}
