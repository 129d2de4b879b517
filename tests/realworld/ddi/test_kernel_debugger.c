/*
 * test_kernel_debugger.c - the kernel debugger's state (survey33; mmsim/wdm_kd.h,
 * sim/ke/kd.c; docs/wdk-surface.md), as the WDK's pages document it:
 *
 *   machine                      KD_DEBUGGER_  KD_DEBUGGER_  a breakpoint       Kd{Dis,En}ableDebugger
 *                                ENABLED       NOT_PRESENT
 *   booted without debugging     FALSE         TRUE          0x1E (80000003)    STATUS_DEBUGGER_INACTIVE
 *   a debugger attached          TRUE          FALSE         taken, continues   STATUS_SUCCESS
 *   attached, KdDisableDebugger  FALSE         FALSE         0x1E               (KdEnableDebugger: TRUE again)
 *
 * Breakpoints: DbgBreakPoint, __debugbreak, KdBreakPoint (checked builds),
 * DbgBreakPointWithStatus, KdBreakPointWithStatus.
 */
#include <ntddk.h>

#include <mmsim_cmocka.h>

static int Breakpoints(void)
{
    DbgBreakPoint();
    __debugbreak();
    KdBreakPoint(); /* DBG=1 here: a breakpoint */
    DbgBreakPointWithStatus(DBG_STATUS_CONTROL_C);
    KdBreakPointWithStatus(DBG_STATUS_CONTROL_C);
    return 5;
}

SIM_TEST(WithoutDebugControlsABreakpointIsUnhandled)
{
    assert_false(KD_DEBUGGER_ENABLED);
    assert_true(KD_DEBUGGER_NOT_PRESENT);
    assert_true(KdRefreshDebuggerNotPresent());
    assert_int_equal(KdDisableDebugger(), STATUS_DEBUGGER_INACTIVE);
    assert_int_equal(KdEnableDebugger(), STATUS_DEBUGGER_INACTIVE);
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT, DbgBreakPoint());
    SimReset();
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT,
                        DbgBreakPointWithStatus(DBG_STATUS_CONTROL_C));
    SimReset();
    assert_int_equal(SimKernelDebuggerBreaks(), 0);
}

SIM_TEST(AnAttachedDebuggerTakesEachBreakpoint)
{
    SimSetKernelDebugger(TRUE);
    assert_true(KD_DEBUGGER_ENABLED);
    assert_false(KD_DEBUGGER_NOT_PRESENT);
    assert_false(KdRefreshDebuggerNotPresent());
    assert_int_equal(Breakpoints(), 5);
    assert_int_equal(SimKernelDebuggerBreaks(), 5);
    /* At any IRQL. */
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    DbgBreakPoint();
    KeLowerIrql(Old);
    assert_int_equal(SimKernelDebuggerBreaks(), 6);
}

SIM_TEST(ADisabledDebuggerTakesNoBreakpoint)
{
    SimSetKernelDebugger(TRUE);
    assert_int_equal(KdDisableDebugger(), STATUS_SUCCESS);
    assert_false(KD_DEBUGGER_ENABLED);
    assert_int_equal(KdEnableDebugger(), STATUS_SUCCESS);
    assert_true(KD_DEBUGGER_ENABLED);
    DbgBreakPoint();
    assert_int_equal(SimKernelDebuggerBreaks(), 1);
    assert_int_equal(KdDisableDebugger(), STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT, DbgBreakPoint());
    SimReset();
}

SIM_TEST(EachMachineStartsWithoutADebugger)
{
    SimSetKernelDebugger(TRUE);
    SimReset();
    assert_false(KD_DEBUGGER_ENABLED);
    assert_true(KD_DEBUGGER_NOT_PRESENT);
    assert_int_equal(SimKernelDebuggerBreaks(), 0);
}

int main(void)
{
    return SimRunTests("realworld: the kernel debugger's state (survey33)", NULL, NULL);
}
