/*
 * test_seh.c - structured exception handling as a specification (docs/seh.md).
 *
 * Each row of the table runs a small piece of driver code written with __try/__except/
 * __finally and checks the trace it leaves: which blocks ran, in which order, what
 * GetExceptionCode()/AbnormalTermination() said. The same source is compiled as C and as
 * C++ (test_seh_cpp.cpp), with gcc and with clang (the clang preset).
 *
 *   trace "body fin:1 handler:C000009A"   =  the body ran, the __finally block ran with
 *                                            AbnormalTermination() TRUE, then the __except
 *                                            block with GetExceptionCode() 0xC000009A
 *
 * Locals that a body changes and a handler or finally block reads are volatile: the frames
 * are setjmp frames (docs/seh.md, "Locals").
 */
#include <wdm.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "mmsim_cmocka.h"

/* ---------------------------------------------------------------------- */
/* The trace.                                                             */
/* ---------------------------------------------------------------------- */
static char Trace[512];

static void T(const char *Token)
{
    size_t Used = strlen(Trace);
    snprintf(Trace + Used, sizeof(Trace) - Used, "%s%s", Used != 0 ? " " : "", Token);
}

static void TX(const char *Name, ULONG_PTR Value)
{
    char Token[64];
    snprintf(Token, sizeof(Token), "%s:%llX", Name, (unsigned long long)Value);
    T(Token);
}

/* A bad kernel pointer the compiler cannot see through (the never-mapped first 64 KiB:
 * on Windows a NULL-page access below DISPATCH_LEVEL is an access violation). */
static volatile ULONG_PTR BadAddress = 0x10;

/* ---------------------------------------------------------------------- */
/* The rows.                                                              */
/* ---------------------------------------------------------------------- */
static void ExceptHandlesRaise(void)
{
    __try {
        T("body");
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
        T("after-raise");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        TX("handler", (ULONG)GetExceptionCode());
    }
    T("after");
}

static void ExceptNotEnteredWithoutRaise(void)
{
    __try {
        T("body");
    } __except (T("filter"), EXCEPTION_EXECUTE_HANDLER) {
        T("handler");
    }
    T("after");
}

static int FilterLog(const char *Name, int Value)
{
    T(Name);
    return Value;
}

/* Three deep: the two inner filters pass it on, the outermost takes it. */
static void NestedThreeDeep(void)
{
    __try {
        __try {
            __try {
                T("body");
                ExRaiseStatus(STATUS_UNSUCCESSFUL);
            } __except (FilterLog("f3", EXCEPTION_CONTINUE_SEARCH)) {
                T("h3");
            }
        } __except (FilterLog("f2", EXCEPTION_CONTINUE_SEARCH)) {
            T("h2");
        }
    } __except (FilterLog("f1", EXCEPTION_EXECUTE_HANDLER)) {
        TX("h1", (ULONG)GetExceptionCode());
    }
}

/* The innermost that says EXECUTE_HANDLER takes it; outer filters never run. */
static void InnerHandlerStopsSearch(void)
{
    __try {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __except (FilterLog("f2", EXCEPTION_EXECUTE_HANDLER)) {
            T("h2");
        }
        T("after-inner");
    } __except (FilterLog("f1", EXCEPTION_EXECUTE_HANDLER)) {
        T("h1");
    }
}

/* A filter function given GetExceptionCode() and GetExceptionInformation(). */
static int ExamineException(NTSTATUS Code, PEXCEPTION_POINTERS Info)
{
    TX("code", (ULONG)Code);
    TX("record", (ULONG)Info->ExceptionRecord->ExceptionCode);
    TX("flags", Info->ExceptionRecord->ExceptionFlags);
    TX("params", Info->ExceptionRecord->NumberParameters);
    TX("rip-is-address", Info->ContextRecord->Rip ==
                             (ULONG64)(ULONG_PTR)Info->ExceptionRecord->ExceptionAddress);
    return EXCEPTION_EXECUTE_HANDLER;
}

static void FilterFunctionSeesRecord(void)
{
    __try {
        ExRaiseStatus(STATUS_INVALID_PARAMETER);
    } __except (ExamineException(GetExceptionCode(), GetExceptionInformation())) {
        T("handler");
    }
}

/* EXCEPTION_CONTINUE_EXECUTION for ExRaiseStatus (non-continuable): a new exception,
 * STATUS_NONCONTINUABLE_EXCEPTION, whose record points at the original. */
static int OuterSeesNoncontinuable(PEXCEPTION_POINTERS Info)
{
    TX("outer", (ULONG)Info->ExceptionRecord->ExceptionCode);
    TX("nested", (ULONG)Info->ExceptionRecord->ExceptionRecord->ExceptionCode);
    return EXCEPTION_EXECUTE_HANDLER;
}

static void ContinueExecutionNoncontinuable(void)
{
    __try {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
            T("resumed");
        } __except (FilterLog("inner", EXCEPTION_CONTINUE_EXECUTION)) {
            T("h-inner");
        }
    } __except (OuterSeesNoncontinuable(GetExceptionInformation())) {
        TX("handler", (ULONG)GetExceptionCode());
    }
}

/* Any positive filter value runs the handler, any negative continues (as
 * __C_specific_handler reads it). */
static void FilterValueTwoIsExecute(void)
{
    __try {
        ExRaiseStatus(STATUS_UNSUCCESSFUL);
    } __except (2) {
        T("handler");
    }
}

static void FinallyOnNormalExit(void)
{
    __try {
        T("body");
    } __finally {
        TX("fin", (ULONG_PTR)AbnormalTermination());
    }
    T("after");
}

static void FinallyOnLeave(void)
{
    __try {
        T("body");
        for (int I = 0; I < 10; I++) {
            if (I == 2) {
                __leave; /* leaves the __try, not just the loop */
            }
        }
        T("not-reached");
    } __finally {
        TX("fin", (ULONG_PTR)_abnormal_termination());
    }
    T("after");
}

static int ReturnThroughFinally(void)
{
    __try {
        T("body");
        return 7;
    } __finally {
        TX("fin", (ULONG_PTR)AbnormalTermination());
    }
    T("not-reached");
    return 0;
}

static void FinallyOnReturn(void)
{
    TX("returned", (ULONG_PTR)ReturnThroughFinally());
}

static void VoidReturnThroughFinally(void)
{
    __try {
        T("body");
        return;
    } __finally {
        TX("fin", (ULONG_PTR)AbnormalTermination());
    }
}

static void FinallyOnVoidReturn(void)
{
    VoidReturnThroughFinally();
    T("after");
}

static void FinallyOnException(void)
{
    __try {
        __try {
            T("body");
            ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
        } __finally {
            TX("fin", (ULONG_PTR)AbnormalTermination());
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        TX("handler", (ULONG)GetExceptionCode());
    }
}

/* A return from three levels runs every __finally of the function, innermost first,
 * across an __except frame, then returns. */
static int ReturnFromDeep(void)
{
    __try {
        __try {
            __try {
                T("body");
                return 3;
            } __finally {
                TX("fin3", (ULONG_PTR)AbnormalTermination());
            }
        } __except (FilterLog("filter", EXCEPTION_EXECUTE_HANDLER)) {
            T("handler");
        }
    } __finally {
        TX("fin1", (ULONG_PTR)AbnormalTermination());
    }
    return 0;
}

static void ReturnRunsEveryFinally(void)
{
    TX("returned", (ULONG_PTR)ReturnFromDeep());
}

/* A return out of a __try/__except body pops its frame: the next raise lands in the
 * caller's handler, not in the function that returned. */
static int ReturnOutOfExcept(void)
{
    __try {
        return 5;
    } __except (FilterLog("stale", EXCEPTION_EXECUTE_HANDLER)) {
        T("stale-handler");
    }
    return 0;
}

static void ReturnLeavesNoStaleFrame(void)
{
    __try {
        TX("returned", (ULONG_PTR)ReturnOutOfExcept());
        ExRaiseStatus(STATUS_UNSUCCESSFUL);
    } __except (FilterLog("caller", EXCEPTION_EXECUTE_HANDLER)) {
        T("caller-handler");
    }
}

/* The return expression is evaluated after the __finally blocks (on Windows, before):
 * documented in docs/seh.md. */
static int ReturnValueAfterFinally(void)
{
    volatile int Value = 1;
    __try {
        return Value;
    } __finally {
        Value = 2;
    }
    return 0;
}

static void ReturnExpressionAfterFinally(void)
{
    TX("returned", (ULONG_PTR)ReturnValueAfterFinally());
}

/* A return inside the __finally block of an exception's unwind ends the unwind (as MSVC:
 * the exception is dismissed). */
static int ReturnFromFinallyDuringUnwind(void)
{
    __try {
        ExRaiseStatus(STATUS_UNSUCCESSFUL);
    } __finally {
        T("fin");
        return 9;
    }
    return 0;
}

static void ReturnInFinallyDismisses(void)
{
    __try {
        TX("returned", (ULONG_PTR)ReturnFromFinallyDuringUnwind());
    } __except (FilterLog("outer", EXCEPTION_EXECUTE_HANDLER)) {
        T("outer-handler");
    }
}

/* Inner __finally blocks run as the dispatch passes them, before the outer filter is
 * evaluated (Windows: filter first, then the unwind): docs/seh.md. */
static void FinallyBeforeOuterFilter(void)
{
    __try {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __finally {
            T("fin");
        }
    } __except (FilterLog("filter", EXCEPTION_EXECUTE_HANDLER)) {
        T("handler");
    }
}

/* A return in an inner __except block runs the outer __finally of the function. */
static int ReturnFromHandler(void)
{
    __try {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            T("handler");
            return 4;
        }
        T("not-reached");
    } __finally {
        TX("fin", (ULONG_PTR)AbnormalTermination());
    }
    return 0;
}

static void ReturnInHandlerRunsOuterFinally(void)
{
    TX("returned", (ULONG_PTR)ReturnFromHandler());
}

/* break and continue in an __except block reach the driver's loop. */
static void BreakContinueInHandler(void)
{
    int I;
    for (I = 0; I < 5; I++) {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            if (I == 0) {
                T("continue");
                continue;
            }
            T("break");
            break;
        }
        T("not-reached");
    }
    TX("loop-ended-at", (ULONG_PTR)I);
}

/* A raise inside an __except block goes to the frames outside it. */
static void RaiseInHandler(void)
{
    __try {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            T("h-inner");
            ExRaiseStatus(STATUS_INVALID_PARAMETER);
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        TX("h-outer", (ULONG)GetExceptionCode());
    }
}

/* In an __except block GetExceptionCode() is the handled exception, also after an inner
 * __try in the block handled nothing. */
static void CodeInHandlerAfterInnerTry(void)
{
    __try {
        ExRaiseStatus(STATUS_UNSUCCESSFUL);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        __try {
            T("inner-body");
        } __finally {
            T("inner-fin");
        }
        TX("handler", (ULONG)GetExceptionCode());
    }
}

/* SIM_TRY_STATUS and __try share one chain: the innermost takes the exception. */
static void SimTryStatusInsideTry(void)
{
    NTSTATUS Status;
    __try {
        SIM_TRY_STATUS(&Status, ExRaiseStatus(STATUS_UNSUCCESSFUL));
        TX("sim-try", (ULONG)Status);
        ExRaiseStatus(STATUS_INVALID_PARAMETER);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        TX("handler", (ULONG)GetExceptionCode());
    }
}

static void TryInsideSimTryStatus(void)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, {
        __try {
            ExRaiseStatus(STATUS_UNSUCCESSFUL);
        } __finally {
            TX("fin", (ULONG_PTR)AbnormalTermination());
        }
    });
    TX("sim-try", (ULONG)Status);
}

/* A failed MmProbeAndLockPages is caught as every WDK sample catches it. */
static void ProbeUserModeKernelAddress(void)
{
    PVOID Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'hesT');
    PMDL Mdl = IoAllocateMdl(Buffer, PAGE_SIZE, FALSE, FALSE, NULL);
    __try {
        MmProbeAndLockPages(Mdl, UserMode, IoReadAccess);
        T("locked");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        TX("probe-failed", (ULONG)GetExceptionCode());
    }
    TX("locked-flag", (Mdl->MdlFlags & MDL_PAGES_LOCKED) != 0);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Buffer, 'hesT');
}

static void ProbeUnmappedRange(void)
{
    PVOID Range = MmAllocateMappingAddress(2 * PAGE_SIZE, 'hesT'); /* reserved, unmapped */
    PMDL Mdl = IoAllocateMdl(Range, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    __try {
        MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess);
        T("locked");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        TX("probe-failed", (ULONG)GetExceptionCode());
    }
    IoFreeMdl(Mdl);
    MmFreeMappingAddress(Range, 'hesT');
}

/* Driver code touching a bad address below DISPATCH_LEVEL: an access violation with the
 * parameters Windows gives ([0] 0 read / 1 write, [1] the address). */
static int ExamineAccessViolation(PEXCEPTION_POINTERS Info)
{
    PEXCEPTION_RECORD Record = Info->ExceptionRecord;
    TX("code", (ULONG)Record->ExceptionCode);
    TX("flags", Record->ExceptionFlags);
    TX("params", Record->NumberParameters);
    TX("write", Record->ExceptionInformation[0]);
    TX("address", Record->ExceptionInformation[1]);
    TX("has-pc", Record->ExceptionAddress != NULL);
    return EXCEPTION_EXECUTE_HANDLER;
}

static void AccessViolationWrite(void)
{
    __try {
        *(volatile ULONG *)BadAddress = 1;
        T("not-reached");
    } __except (ExamineAccessViolation(GetExceptionInformation())) {
        T("handler");
    }
}

static void AccessViolationRead(void)
{
    __try {
        ULONG Value = *(volatile ULONG *)(BadAddress + 8);
        TX("not-reached", Value);
    } __except (ExamineAccessViolation(GetExceptionInformation())) {
        T("handler");
    }
}

#ifndef __cplusplus
/* <excpt.h>'s lowercase spellings, C only (WDK samples use them). */
static void LowercaseForms(void)
{
    try {
        try {
            T("body");
            leave;
        } finally {
            TX("fin", (ULONG_PTR)abnormal_termination());
        }
        ExRaiseStatus(STATUS_UNSUCCESSFUL);
    } except (EXCEPTION_EXECUTE_HANDLER) {
        TX("handler", (ULONG)exception_code());
    }
}
#endif

/* ---------------------------------------------------------------------- */
/* The table.                                                             */
/* ---------------------------------------------------------------------- */
typedef struct _SEH_ROW {
    const char *Name;
    void (*Run)(void);
    const char *Trace;
} SEH_ROW;

static const SEH_ROW Rows[] = {
    {"except handles a raise", ExceptHandlesRaise, "body handler:C000009A after"},
    {"no raise: filter and handler skipped", ExceptNotEnteredWithoutRaise, "body after"},
    {"nested 3 deep, CONTINUE_SEARCH twice", NestedThreeDeep, "body f3 f2 f1 h1:C0000001"},
    {"inner EXECUTE_HANDLER stops the search", InnerHandlerStopsSearch, "f2 h2 after-inner"},
    {"filter function gets code and pointers", FilterFunctionSeesRecord,
     "code:C000000D record:C000000D flags:1 params:0 rip-is-address:1 handler"},
    {"CONTINUE_EXECUTION, non-continuable", ContinueExecutionNoncontinuable,
     "inner outer:C0000025 nested:C0000001 handler:C0000025"},
    {"filter value 2 executes the handler", FilterValueTwoIsExecute, "handler"},
    {"finally on normal exit", FinallyOnNormalExit, "body fin:0 after"},
    {"finally on __leave from a loop", FinallyOnLeave, "body fin:0 after"},
    {"finally on return", FinallyOnReturn, "body fin:1 returned:7"},
    {"finally on void return", FinallyOnVoidReturn, "body fin:1 after"},
    {"finally on an exception", FinallyOnException, "body fin:1 handler:C000009A"},
    {"return runs every finally, innermost first", ReturnRunsEveryFinally,
     "body fin3:1 fin1:1 returned:3"},
    {"return leaves no stale frame", ReturnLeavesNoStaleFrame,
     "returned:5 caller caller-handler"},
    {"return expression after the finally", ReturnExpressionAfterFinally, "returned:2"},
    {"return in a finally ends the unwind", ReturnInFinallyDismisses, "fin returned:9"},
    {"return in a handler runs the outer finally", ReturnInHandlerRunsOuterFinally,
     "handler fin:1 returned:4"},
    {"inner finally before the outer filter", FinallyBeforeOuterFilter, "fin filter handler"},
    {"break/continue in a handler reach the loop", BreakContinueInHandler,
     "continue break loop-ended-at:1"},
    {"raise in a handler goes outwards", RaiseInHandler, "h-inner h-outer:C000000D"},
    {"handler code after an inner __try", CodeInHandlerAfterInnerTry,
     "inner-body inner-fin handler:C0000001"},
    {"SIM_TRY_STATUS inside __try", SimTryStatusInsideTry, "sim-try:C0000001 handler:C000000D"},
    {"__try inside SIM_TRY_STATUS", TryInsideSimTryStatus, "fin:1 sim-try:C0000001"},
    {"MmProbeAndLockPages UserMode on a kernel address", ProbeUserModeKernelAddress,
     "probe-failed:C0000005 locked-flag:0"},
    {"MmProbeAndLockPages on an unmapped range", ProbeUnmappedRange, "probe-failed:C0000005"},
    {"access violation (write)", AccessViolationWrite,
     "code:C0000005 flags:0 params:2 write:1 address:10 has-pc:1 handler"},
    {"access violation (read)", AccessViolationRead,
     "code:C0000005 flags:0 params:2 write:0 address:18 has-pc:1 handler"},
#ifndef __cplusplus
    {"lowercase try/except/finally/leave (C)", LowercaseForms, "body fin:0 handler:C0000001"},
#endif
};

SIM_TEST(SehTable)
{
    (void)State;
    for (size_t I = 0; I < sizeof(Rows) / sizeof(Rows[0]); I++) {
        Trace[0] = '\0';
        Rows[I].Run();
        if (strcmp(Trace, Rows[I].Trace) != 0) {
            fail_msg("%s:\n  trace    \"%s\"\n  expected \"%s\"", Rows[I].Name, Trace,
                     Rows[I].Trace);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Unhandled, and raised where Windows stops instead of delivering.       */
/* ---------------------------------------------------------------------- */
static void RaiseUnderFinallyOnly(void)
{
    __try {
        ExRaiseStatus(STATUS_UNSUCCESSFUL);
    } __finally {
        T("fin");
    }
}

/* No handler: 0x1E with the code, the raise address, and the parameters (none). */
SIM_TEST(UnhandledIsKmodeException)
{
    (void)State;
    Trace[0] = '\0';
    SIM_EXPECT_BUGCHECK4(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_UNSUCCESSFUL, SIM_ANY, 0, 0,
                         RaiseUnderFinallyOnly());
    /* The __finally ran before the stop (Windows stops in the search): docs/seh.md. */
    assert_string_equal(Trace, "fin");
}

static void AccessViolationUnhandled(void)
{
    __try {
        *(volatile ULONG *)BadAddress = 1;
    } __except (FilterLog("search", EXCEPTION_CONTINUE_SEARCH)) {
        T("handler");
    }
}

/* Passed on by every filter: 0x1E, P3/P4 the access violation's two parameters. */
SIM_TEST(UnhandledAccessViolation)
{
    (void)State;
    Trace[0] = '\0';
    SIM_EXPECT_BUGCHECK4(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ACCESS_VIOLATION, SIM_ANY, 1,
                         0x10, AccessViolationUnhandled());
    assert_string_equal(Trace, "search");
}

/* At DISPATCH_LEVEL Windows stops with 0xD1 rather than deliver the exception. */
static void AccessAtDispatch(void)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    __try {
        *(volatile ULONG *)BadAddress = 1;
    } __except (FilterLog("filter", EXCEPTION_EXECUTE_HANDLER)) {
        T("handler");
    }
    KeLowerIrql(Old);
}

SIM_TEST(DispatchLevelStopsNotDelivers)
{
    (void)State;
    Trace[0] = '\0';
    SIM_EXPECT_BUGCHECK4(DRIVER_IRQL_NOT_LESS_OR_EQUAL, 0x10, DISPATCH_LEVEL, 1, SIM_ANY,
                         AccessAtDispatch());
    assert_string_equal(Trace, "");
}

/* EXCEPTION_CONTINUE_EXECUTION for an access violation cannot resume: stopped loudly as
 * unhandled (docs/seh.md). */
static void ContinueAccessViolation(void)
{
    __try {
        *(volatile ULONG *)BadAddress = 1;
    } __except (EXCEPTION_CONTINUE_EXECUTION) {
        T("handler");
    }
}

SIM_TEST(ContinueExecutionAccessViolation)
{
    (void)State;
    SIM_EXPECT_BUGCHECK4(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ACCESS_VIOLATION, SIM_ANY, 1,
                         0x10, ContinueAccessViolation());
}

/* Frames are per thread: two threads raising at once land in their own handlers. */
static void *RaiseOnThread(void *Argument)
{
    volatile NTSTATUS Caught = STATUS_SUCCESS;
    for (int I = 0; I < 200; I++) {
        __try {
            __try {
                ExRaiseStatus((NTSTATUS)(ULONG_PTR)Argument);
            } __finally {
                Caught = STATUS_PENDING;
            }
        } __except (GetExceptionCode() == (NTSTATUS)(ULONG_PTR)Argument
                        ? EXCEPTION_EXECUTE_HANDLER
                        : EXCEPTION_CONTINUE_SEARCH) {
            Caught = GetExceptionCode();
        }
        if (Caught != (NTSTATUS)(ULONG_PTR)Argument) {
            return (void *)1;
        }
    }
    return NULL;
}

SIM_TEST(FramesArePerThread)
{
    (void)State;
    pthread_t A, B;
    void *ResultA, *ResultB;
    assert_int_equal(pthread_create(&A, NULL, RaiseOnThread,
                                    (void *)(ULONG_PTR)(ULONG)STATUS_UNSUCCESSFUL), 0);
    assert_int_equal(pthread_create(&B, NULL, RaiseOnThread,
                                    (void *)(ULONG_PTR)(ULONG)STATUS_INVALID_PARAMETER), 0);
    assert_int_equal(pthread_join(A, &ResultA), 0);
    assert_int_equal(pthread_join(B, &ResultB), 0);
    assert_null(ResultA);
    assert_null(ResultB);
}

int main(void)
{
    return SimRunTests("test_seh", NULL, NULL);
}
