/*
 * mmsim/wdm_kd.h - the kernel debugger's state as wdm.h exports it (survey33;
 * docs/wdk-surface.md, "Found by compiling further real files (survey33)").
 *
 * Drivers test KD_DEBUGGER_NOT_PRESENT before a breakpoint, hypervisors and
 * anti-tamper code read KD_DEBUGGER_ENABLED, and samples break in from
 * DriverEntry. The machine boots without debug controls: a breakpoint is an
 * unhandled STATUS_BREAKPOINT exception (0x1E), as on Windows; SimSetKernelDebugger
 * attaches a debugger that takes each break and continues (mmsim.h).
 */
#ifndef MMSIM_WDM_KD_H
#define MMSIM_WDM_KD_H

#ifdef __cplusplus
extern "C" {
#endif

/* wdm.h (the _NTDDK_/_WDMDDK_ form): pointers to the kernel's variables. */
extern NTKERNELAPI PBOOLEAN KdDebuggerNotPresent;
extern NTKERNELAPI PBOOLEAN KdDebuggerEnabled;
#define KD_DEBUGGER_ENABLED     *KdDebuggerEnabled
#define KD_DEBUGGER_NOT_PRESENT *KdDebuggerNotPresent

/* STATUS_SUCCESS; STATUS_DEBUGGER_INACTIVE when the system booted without debug
 * controls (wdm/nf-wdm-kddisabledebugger, -kdenabledebugger). Any IRQL. */
NTKERNELAPI NTSTATUS NTAPI KdDisableDebugger(VOID);
NTKERNELAPI NTSTATUS NTAPI KdEnableDebugger(VOID);

/* Refreshes and returns KD_DEBUGGER_NOT_PRESENT (wdm/nf-wdm-kdrefreshdebuggernotpresent). */
NTKERNELAPI BOOLEAN NTAPI KdRefreshDebuggerNotPresent(VOID);

/* The statuses a break-in reports (wdm.h). */
#define DBG_STATUS_CONTROL_C       1
#define DBG_STATUS_SYSRQ           2
#define DBG_STATUS_BUGCHECK_FIRST  3
#define DBG_STATUS_BUGCHECK_SECOND 4
#define DBG_STATUS_FATAL           5
#define DBG_STATUS_DEBUG_CONTROL   6
#define DBG_STATUS_WORKER          7

/* A breakpoint that hands Status to the debugger (wdm.h); without one, the
 * breakpoint exception is raised as DbgBreakPoint's is. */
NTSYSAPI VOID NTAPI DbgBreakPointWithStatus(_In_ ULONG Status);
#if defined(DBG) && DBG
#define KdBreakPointWithStatus(s) DbgBreakPointWithStatus(s)
#else
#define KdBreakPointWithStatus(s) ((void)0)
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_KD_H */
