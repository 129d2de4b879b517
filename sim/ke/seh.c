/*
 * seh.c - Structured exception handling: the runtime behind the __try/__except/__finally
 * macros of <wdm.h> (sim/include/mmsim/seh.h), and the dispatch of every exception the
 * simulator raises (ExRaiseStatus, MmProbeAndLockPages failures, kernel-code access
 * violations) to SIM_TRY_STATUS frames and __try frames on one chain.
 *
 * A frame is reached by longjmp, innermost first: a __finally block runs as its frame is
 * reached, a filter is evaluated after the jump to its frame (Windows evaluates every
 * filter first, then unwinds). docs/seh.md says what differs and what cannot be done.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>

#include "../mi.h"
#include "../host/host.h"

/* Frame states (SIM_SEH_FRAME.State). */
enum {
    MiSehInit = 0,        /* pushed, body not entered yet */
    MiSehBody,            /* running the body */
    MiSehDone,            /* the body ended normally or by __leave */
    MiSehHandled,         /* the filter chose this handler */
    MiSehLeaving,         /* left by an exception or a return (popped) */
    MiSehFilter,          /* evaluating the filter */
    MiSehArrivedException,
    MiSehArrivedReturn,
};

/* Why a __finally block runs (SIM_SEH_FINALLY.Outcome). */
enum { MiSehNormal = 0, MiSehException = 1, MiSehReturn = 2 };

#define MI_SEH_RETURN_DEPTH 64
#define MI_SEH_EXIT_UNSUPPORTED 90

/* What a frame hands to its __finally block, which starts right after the frame's scope. */
static _Thread_local struct {
    int Outcome;
    SIM_SEH_FRAME *Next;
    EXCEPTION_RECORD Record;
    CONTEXT Context;
} MiSehHandoff;

/* The exception the thread handled last: GetExceptionCode() in an __except block. */
static _Thread_local bool MiSehJustHandled;
static _Thread_local EXCEPTION_RECORD MiSehHandledRecord;
static _Thread_local CONTEXT MiSehHandledContext;
static _Thread_local EXCEPTION_POINTERS MiSehHandledPointers;
/* The record a STATUS_NONCONTINUABLE_EXCEPTION points to. */
static _Thread_local EXCEPTION_RECORD MiSehNestedRecord;

/* Return points waiting for __finally blocks to run (a stack: a __finally block may call
 * a function that returns out of its own __try). */
static _Thread_local jmp_buf MiSehReturnPoint[MI_SEH_RETURN_DEPTH];
static _Thread_local unsigned MiSehReturnDepth;

_Static_assert(offsetof(SIM_SEH_FRAME, Previous) == offsetof(SIM_CATCH_FRAME, Previous),
               "a __try frame links into the catch-frame chain");
_Static_assert(offsetof(SIM_SEH_FRAME, Kind) == offsetof(SIM_CATCH_FRAME, Kind),
               "a __try frame links into the catch-frame chain");

static SIM_SEH_FRAME *MiSehOf(SIM_CATCH_FRAME *Frame)
{
    return Frame != NULL && (int)Frame->Kind == SIM_SEH_FRAME_KIND ? (SIM_SEH_FRAME *)(void *)Frame
                                                                    : NULL;
}

/* A form the emulation cannot run faithfully: stop loudly, never run it wrongly. */
_Noreturn static void MiSehUnsupported(const SIM_SEH_FRAME *Frame, const char *What)
{
    char Line[512];
    snprintf(Line, sizeof(Line),
             "mmsim: %s (the __try at %s:%d) cannot be emulated; see docs/seh.md\n", What,
             Frame != NULL && Frame->File != NULL ? Frame->File : "?",
             Frame != NULL ? Frame->Line : 0);
    HostFlushOutput(false, NULL);
    MiWriteStderr(Line);
    _exit(MI_SEH_EXIT_UNSUPPORTED);
}

/* Leaving the raise point for a frame: what a bug check's longjmp does too. */
static void MiSehPrepareJump(void)
{
    MiLeaveFaultTrap();
    MiDropLocksForBugCheck();
    HostUnblockFaultSignals();
}

static bool MiSehHandlerBeyond(SIM_CATCH_FRAME *Frame)
{
    for (; Frame != NULL; Frame = Frame->Previous) {
        if (Frame->Kind == SimFrameException || MiSehOf(Frame) != NULL) {
            return true;
        }
    }
    return false;
}

/* Offers Record to the frames from the top of the chain outwards; returns only if no frame
 * can take it (then the caller stops the machine with 0x1E). */
static void MiSehDispatch(const EXCEPTION_RECORD *Record, const CONTEXT *Context)
{
    for (SIM_CATCH_FRAME *Frame = MiTopCatchFrame(); Frame != NULL; Frame = Frame->Previous) {
        if (Frame->Kind == SimFrameException) {
            MiSehPrepareJump();
            Frame->Status = Record->ExceptionCode;
            MiSetTopCatchFrame(Frame->Previous);
            longjmp(Frame->Jump, 1);
        }
        SIM_SEH_FRAME *Seh = MiSehOf(Frame);
        if (Seh != NULL) {
            if (&Seh->Record != Record) {
                Seh->Record = *Record;
                Seh->Context = *Context;
            }
            Seh->Pointers.ExceptionRecord = &Seh->Record;
            Seh->Pointers.ContextRecord = &Seh->Context;
            Seh->State = MiSehArrivedException;
            MiSetTopCatchFrame((SIM_CATCH_FRAME *)(void *)Seh->Previous);
            MiSehReturnDepth = Seh->ReturnDepth; /* returns inside it are abandoned */
            MiSehPrepareJump();
            longjmp(Seh->Jump, 1);
        }
        /* A bug check frame (SIM_CATCH_BUGCHECK) or a worker's refusal frame: an exception
         * no frame beyond takes stops the machine here, where that frame catches it. */
        if (!MiSehHandlerBeyond(Frame->Previous)) {
            return;
        }
    }
}

_Noreturn static void MiSehUnhandled(const EXCEPTION_RECORD *Record)
{
    /* 0x1E: P1 the code, P2 the address, P3/P4 the exception's first two parameters. */
    KeBugCheckEx(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)Record->ExceptionCode,
                 (ULONG_PTR)Record->ExceptionAddress,
                 Record->NumberParameters > 0 ? Record->ExceptionInformation[0] : 0,
                 Record->NumberParameters > 1 ? Record->ExceptionInformation[1] : 0);
}

_Noreturn static void MiSehDispatchOrStop(const EXCEPTION_RECORD *Record, const CONTEXT *Context)
{
    MiSehDispatch(Record, Context);
    MiSehUnhandled(Record);
}

_Noreturn void MiRaiseException(NTSTATUS Code, ULONG Flags, ULONG_PTR Address, ULONG Count,
                                ULONG_PTR P0, ULONG_PTR P1)
{
    EXCEPTION_RECORD Record;
    CONTEXT Context;
    memset(&Record, 0, sizeof(Record));
    memset(&Context, 0, sizeof(Context));
    Record.ExceptionCode = Code;
    Record.ExceptionFlags = Flags;
    Record.ExceptionAddress = (PVOID)Address;
    Record.NumberParameters = Count;
    Record.ExceptionInformation[0] = P0;
    Record.ExceptionInformation[1] = P1;
    Context.ContextFlags = CONTEXT_CONTROL;
    Context.Rip = Address;
    MiSehDispatchOrStop(&Record, &Context);
}

/* ---------------------------------------------------------------------- */
/* The frame's life (the __try macros).                                   */
/* ---------------------------------------------------------------------- */
SIM_SEH_FRAME *SimSehEnter(SIM_SEH_FRAME *Frame, SIM_SEH_FRAME *FnOuter, const char *File,
                           int Line, void *FunctionFrame)
{
    Frame->Kind = SIM_SEH_FRAME_KIND;
    Frame->State = MiSehInit;
    /* The enclosing __try of the same function only (a lambda in a __try body is not). */
    Frame->FnOuter = FnOuter != NULL && FnOuter->FunctionFrame == FunctionFrame ? FnOuter : NULL;
    Frame->File = File;
    Frame->Line = Line;
    Frame->FunctionFrame = FunctionFrame;
    Frame->ReturnDepth = MiSehReturnDepth;
    Frame->Previous = (SIM_SEH_FRAME *)(void *)MiTopCatchFrame();
    MiSetTopCatchFrame((SIM_CATCH_FRAME *)(void *)Frame);
    /* Simulated access violations must reach it: the trap is installed if it is not yet. */
    HostArmFaultTrap();
    return Frame;
}

int SimSehStep(SIM_SEH_FRAME *Frame)
{
    switch (Frame->State) {
    case MiSehInit:
        Frame->State = MiSehBody;
        return 1;
    case MiSehBody:
        /* The loop around the body came round without the body's end: a continue. */
        MiSehUnsupported(Frame, "continue inside a __try body");
    case MiSehHandled:
        MiSehJustHandled = true;
        MiSehHandledRecord = Frame->Record;
        MiSehHandledContext = Frame->Context;
        MiSehHandledPointers.ExceptionRecord = &MiSehHandledRecord;
        MiSehHandledPointers.ContextRecord = &MiSehHandledContext;
        return 0;
    default:
        return 0;
    }
}

static void MiSehPop(SIM_SEH_FRAME *Frame)
{
    if ((SIM_SEH_FRAME *)(void *)MiTopCatchFrame() != Frame) {
        MiSehUnsupported(Frame, "a catch frame left inside the __try body (a SIM_TRY_STATUS or "
                                "SIM_CATCH_BUGCHECK left by a jump)");
    }
    MiSetTopCatchFrame((SIM_CATCH_FRAME *)(void *)Frame->Previous);
}

void SimSehBodyEnd(SIM_SEH_FRAME *Frame, int Finally)
{
    MiSehPop(Frame);
    Frame->State = MiSehDone;
    if (Finally) {
        MiSehHandoff.Outcome = MiSehNormal;
        MiSehHandoff.Next = NULL;
    }
}

void SimSehCleanup(SIM_SEH_FRAME *Frame)
{
    /* Every supported way out pops the frame first; one still on top was left by a jump
     * the emulation does not see (break, goto, a C++ throw, or return without the return
     * macro). */
    if ((SIM_SEH_FRAME *)(void *)MiTopCatchFrame() == Frame) {
        MiSetTopCatchFrame((SIM_CATCH_FRAME *)(void *)Frame->Previous);
        MiSehUnsupported(Frame, "leaving a __try body by break, goto, a C++ throw, or return "
                                "without the return macro");
    }
}

/* A return goes on to the next enclosing __try of the function, or back to its return
 * point once every one has run. */
_Noreturn static void MiSehReturnHop(SIM_SEH_FRAME *Next)
{
    if (Next != NULL) {
        Next->State = MiSehArrivedReturn;
        longjmp(Next->Jump, 2);
    }
    if (MiSehReturnDepth == 0) {
        MiSehUnsupported(NULL, "a return continued with no return point");
    }
    MiSehReturnDepth--;
    longjmp(MiSehReturnPoint[MiSehReturnDepth], 1);
}

int SimSehArrived(SIM_SEH_FRAME *Frame)
{
    if (Frame->State == MiSehArrivedReturn) {
        Frame->State = MiSehLeaving;
        MiSehReturnHop(Frame->FnOuter);
    }
    Frame->State = MiSehFilter;
    return 1;
}

void SimSehFilterResult(SIM_SEH_FRAME *Frame, int Value)
{
    if (Value > 0) {
        Frame->State = MiSehHandled;
        return;
    }
    Frame->State = MiSehLeaving;
    if (Value == 0) {
        MiSehDispatchOrStop(&Frame->Record, &Frame->Context);
    }
    /* EXCEPTION_CONTINUE_EXECUTION. */
    if (Frame->Record.ExceptionFlags & EXCEPTION_NONCONTINUABLE) {
        /* As Windows: a new exception, its record pointing at the original, dispatched
         * onwards (Windows offers it to the inner frames again; they are gone here). */
        MiSehNestedRecord = Frame->Record;
        EXCEPTION_RECORD Nested;
        memset(&Nested, 0, sizeof(Nested));
        Nested.ExceptionCode = STATUS_NONCONTINUABLE_EXCEPTION;
        Nested.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
        Nested.ExceptionRecord = &MiSehNestedRecord;
        Nested.ExceptionAddress = Frame->Record.ExceptionAddress;
        MiSehDispatchOrStop(&Nested, &Frame->Context);
    }
    /* A continuable exception (an access violation): resuming the faulting instruction
     * would need the stack the jump to this frame left. */
    MiWriteStderr("mmsim: EXCEPTION_CONTINUE_EXECUTION for an access violation cannot resume "
                  "the faulting instruction; stopping as if unhandled (docs/seh.md)\n");
    MiSehUnhandled(&Frame->Record);
}

int SimSehHandled(void)
{
    bool Handled = MiSehJustHandled;
    MiSehJustHandled = false;
    return Handled ? 1 : 0;
}

void SimSehFinallyArrived(SIM_SEH_FRAME *Frame)
{
    MiSehHandoff.Outcome = Frame->State == MiSehArrivedReturn ? MiSehReturn : MiSehException;
    MiSehHandoff.Next = Frame->FnOuter;
    MiSehHandoff.Record = Frame->Record;
    MiSehHandoff.Context = Frame->Context;
    Frame->State = MiSehLeaving;
}

int SimSehFinallyStep(SIM_SEH_FINALLY *Finally)
{
    if (Finally->Step == 0) {
        Finally->Step = 1;
        Finally->Outcome = MiSehHandoff.Outcome;
        Finally->Next = MiSehHandoff.Next;
        if (Finally->Outcome == MiSehException) {
            Finally->Record = MiSehHandoff.Record;
            Finally->Context = MiSehHandoff.Context;
        }
        return 1;
    }
    /* The finally block has run: the unwind or the return goes on. */
    if (Finally->Outcome == MiSehException) {
        MiSehDispatchOrStop(&Finally->Record, &Finally->Context);
    }
    if (Finally->Outcome == MiSehReturn) {
        MiSehReturnHop(Finally->Next);
    }
    return 0;
}

int SimSehFinallyAbnormal(const SIM_SEH_FINALLY *Finally)
{
    return Finally != NULL && Finally->Outcome != MiSehNormal;
}

NTSTATUS SimSehCode(SIM_SEH_FRAME *Frame)
{
    if (Frame != NULL && Frame->State == MiSehFilter) {
        return Frame->Record.ExceptionCode;
    }
    return MiSehHandledRecord.ExceptionCode;
}

PEXCEPTION_POINTERS SimSehInformation(SIM_SEH_FRAME *Frame)
{
    if (Frame != NULL && Frame->State == MiSehFilter) {
        return &Frame->Pointers;
    }
    MiSehHandledPointers.ExceptionRecord = &MiSehHandledRecord;
    MiSehHandledPointers.ContextRecord = &MiSehHandledContext;
    return &MiSehHandledPointers;
}

/* ---------------------------------------------------------------------- */
/* return inside a __try body (the return macro).                         */
/* ---------------------------------------------------------------------- */
int SimSehReturnBegin(SIM_SEH_FRAME *Innermost, void *FunctionFrame)
{
    if (Innermost == NULL || Innermost->FunctionFrame != FunctionFrame) {
        return 0; /* not this function's __try (a lambda's return) */
    }
    /* Every __try of the function that the return leaves is popped now; their __except
     * blocks do not apply to what their __finally blocks raise. */
    SIM_SEH_FRAME *Root = Innermost;
    while (Root->FnOuter != NULL) {
        Root = Root->FnOuter;
    }
    MiSehPop(Innermost);
    MiSetTopCatchFrame((SIM_CATCH_FRAME *)(void *)Root->Previous);
    if (MiSehReturnDepth == MI_SEH_RETURN_DEPTH) {
        MiSehUnsupported(Innermost, "more than 64 nested returns through __finally blocks");
    }
    MiSehReturnDepth++;
    return 1;
}

jmp_buf *SimSehReturnJump(void)
{
    return &MiSehReturnPoint[MiSehReturnDepth - 1];
}

void SimSehReturnGo(SIM_SEH_FRAME *Innermost)
{
    Innermost->State = MiSehArrivedReturn;
    longjmp(Innermost->Jump, 2);
}
