/*
 * seh.h - Structured exception handling for driver code: __try, __except, __finally, __leave.
 * Included by <wdm.h> after its own declarations; not included directly.
 *
 * gcc and clang have no SEH on Linux, so the keywords are macros over setjmp frames that
 * share the simulator's catch-frame chain (ExRaiseStatus, MmProbeAndLockPages failures and
 * kernel-code access violations below DISPATCH_LEVEL land in them; unhandled is still 0x1E).
 * What the emulation does differently from Windows, and what it cannot do: docs/seh.md.
 * The mingw-w64 (Windows host) compiler keeps its own SEH keywords: nothing here is defined
 * for it except the exception types.
 */
#ifndef MMSIM_SEH_H_
#define MMSIM_SEH_H_

/* The macros below shadow their own frame variables in nested __try blocks and define
 * `return`; as a system header their expansions raise no -Wshadow/-Wkeyword-macro in
 * driver code. */
#pragma GCC system_header

#include <setjmp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Exception records (x64 shapes, as wdm.h/winnt.h declare them).           */
/* ------------------------------------------------------------------------ */
#ifndef EXCEPTION_MAXIMUM_PARAMETERS
#define EXCEPTION_MAXIMUM_PARAMETERS 15
#endif
#ifndef EXCEPTION_NONCONTINUABLE
#define EXCEPTION_NONCONTINUABLE 0x1
#endif

#ifndef MMSIM_EXCEPTION_TYPES_DEFINED
#define MMSIM_EXCEPTION_TYPES_DEFINED
typedef struct _EXCEPTION_RECORD {
    NTSTATUS ExceptionCode;
    ULONG ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    PVOID ExceptionAddress;
    ULONG NumberParameters;
    ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD, *PEXCEPTION_RECORD;

typedef struct DECLSPEC_ALIGN(16) _M128A {
    ULONGLONG Low;
    LONGLONG High;
} M128A, *PM128A;

typedef struct DECLSPEC_ALIGN(16) _XSAVE_FORMAT {
    USHORT ControlWord;
    USHORT StatusWord;
    UCHAR TagWord;
    UCHAR Reserved1;
    USHORT ErrorOpcode;
    ULONG ErrorOffset;
    USHORT ErrorSelector;
    USHORT Reserved2;
    ULONG DataOffset;
    USHORT DataSelector;
    USHORT Reserved3;
    ULONG MxCsr;
    ULONG MxCsr_Mask;
    M128A FloatRegisters[8];
    M128A XmmRegisters[16];
    UCHAR Reserved4[96];
} XSAVE_FORMAT, *PXSAVE_FORMAT;
typedef XSAVE_FORMAT XMM_SAVE_AREA32, *PXMM_SAVE_AREA32;

/* The x64 CONTEXT. mmsim fills ContextFlags (CONTEXT_CONTROL) and Rip, the faulting or
 * raising instruction; the other registers are zero (docs/seh.md). */
#define CONTEXT_AMD64   0x00100000L
#define CONTEXT_CONTROL (CONTEXT_AMD64 | 0x00000001L)
typedef struct DECLSPEC_ALIGN(16) _CONTEXT {
    ULONG64 P1Home, P2Home, P3Home, P4Home, P5Home, P6Home;
    ULONG ContextFlags;
    ULONG MxCsr;
    USHORT SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    ULONG EFlags;
    ULONG64 Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
    ULONG64 Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi;
    ULONG64 R8, R9, R10, R11, R12, R13, R14, R15;
    ULONG64 Rip;
    union {
        XMM_SAVE_AREA32 FltSave;
        struct {
            M128A Header[2];
            M128A Legacy[8];
            M128A Xmm0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7;
            M128A Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    M128A VectorRegister[26];
    ULONG64 VectorControl;
    ULONG64 DebugControl;
    ULONG64 LastBranchToRip;
    ULONG64 LastBranchFromRip;
    ULONG64 LastExceptionToRip;
    ULONG64 LastExceptionFromRip;
} CONTEXT, *PCONTEXT;

typedef struct _EXCEPTION_POINTERS {
    PEXCEPTION_RECORD ExceptionRecord;
    PCONTEXT ContextRecord;
} EXCEPTION_POINTERS, *PEXCEPTION_POINTERS;

C_ASSERT(sizeof(EXCEPTION_RECORD) == 0x98);
C_ASSERT(sizeof(XMM_SAVE_AREA32) == 0x200);
C_ASSERT(sizeof(CONTEXT) == 0x4D0);
C_ASSERT(FIELD_OFFSET(CONTEXT, Rax) == 0x78);
C_ASSERT(FIELD_OFFSET(CONTEXT, Rsp) == 0x98);
C_ASSERT(FIELD_OFFSET(CONTEXT, Rip) == 0xF8);
C_ASSERT(FIELD_OFFSET(CONTEXT, FltSave) == 0x100);
C_ASSERT(FIELD_OFFSET(CONTEXT, Xmm0) == 0x1A0);
C_ASSERT(FIELD_OFFSET(CONTEXT, VectorRegister) == 0x300);
C_ASSERT(FIELD_OFFSET(CONTEXT, VectorControl) == 0x4A0);
C_ASSERT(FIELD_OFFSET(EXCEPTION_RECORD, ExceptionInformation) == 0x20);
#endif /* MMSIM_EXCEPTION_TYPES_DEFINED */

/* Filter results (<excpt.h>). */
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION -1

/* ------------------------------------------------------------------------ */
/* Runtime (sim/ke/seh.c). Used only through the macros below.              */
/* ------------------------------------------------------------------------ */
/* One __try: lives in the function's stack frame for the body and the filter; linked into
 * the thread's catch-frame chain (its first two members match SIM_CATCH_FRAME's). */
typedef struct _SIM_SEH_FRAME {
    struct _SIM_SEH_FRAME *Previous; /* the thread's chain */
    int Kind;                        /* SIM_SEH_FRAME_KIND */
    int State;
    struct _SIM_SEH_FRAME *FnOuter;  /* the enclosing __try of the same function, or NULL */
    const char *File;                /* where the __try is (diagnostics) */
    int Line;
    unsigned ReturnDepth;            /* return points pending when it was entered */
    void *FunctionFrame;             /* __builtin_frame_address(0) of its function */
    EXCEPTION_RECORD Record;         /* the exception that arrived */
    EXCEPTION_POINTERS Pointers;     /* GetExceptionInformation() in the filter */
    CONTEXT Context;
    jmp_buf Jump;
} SIM_SEH_FRAME;

/* A __finally block's state: why it runs and what to do after it. */
typedef struct _SIM_SEH_FINALLY {
    int Step;
    int Outcome;
    SIM_SEH_FRAME *Next; /* for a return: the next enclosing __try of the function */
    EXCEPTION_RECORD Record;
    CONTEXT Context;
} SIM_SEH_FINALLY;

#define SIM_SEH_FRAME_KIND 4

SIM_SEH_FRAME *SimSehEnter(SIM_SEH_FRAME *Frame, SIM_SEH_FRAME *FnOuter, const char *File,
                           int Line, void *FunctionFrame);
int SimSehStep(SIM_SEH_FRAME *Frame);
void SimSehBodyEnd(SIM_SEH_FRAME *Frame, int Finally);
int SimSehArrived(SIM_SEH_FRAME *Frame);
void SimSehFilterResult(SIM_SEH_FRAME *Frame, int Value);
void SimSehFinallyArrived(SIM_SEH_FRAME *Frame);
int SimSehHandled(void);
int SimSehFinallyStep(SIM_SEH_FINALLY *Finally);
void SimSehCleanup(SIM_SEH_FRAME *Frame);
NTSTATUS SimSehCode(SIM_SEH_FRAME *Frame);
PEXCEPTION_POINTERS SimSehInformation(SIM_SEH_FRAME *Frame);
int SimSehReturnBegin(SIM_SEH_FRAME *Innermost, void *FunctionFrame);
jmp_buf *SimSehReturnJump(void);
DECLSPEC_NORETURN void SimSehReturnGo(SIM_SEH_FRAME *Innermost);
int SimSehFinallyAbnormal(const SIM_SEH_FINALLY *Finally);

#ifdef __cplusplus
} /* extern "C" */
#endif

#if !defined(_WIN32) /* mingw-w64 compiles for the Windows host: its own SEH applies */

/* The lexical markers: outside any __try these file-scope enumerators are what the names
 * find; inside one, the pointers to the innermost __try frame / __finally state shadow them. */
enum SIM_SEH_NO_FRAME_ { SimSehPtr_ = 0 };
enum SIM_SEH_NO_FINALLY_ { SimSehFin_ = 0 };

#ifdef __cplusplus
inline SIM_SEH_FRAME *SimSehLexical_(SIM_SEH_FRAME *Frame) { return Frame; }
inline SIM_SEH_FRAME *SimSehLexical_(SIM_SEH_NO_FRAME_) { return nullptr; }
inline const SIM_SEH_FINALLY *SimSehLexicalFin_(const SIM_SEH_FINALLY *Finally) { return Finally; }
inline const SIM_SEH_FINALLY *SimSehLexicalFin_(SIM_SEH_NO_FINALLY_) { return nullptr; }
template <class T> struct SimSehIsFrame_ { static constexpr bool value = false; };
template <> struct SimSehIsFrame_<SIM_SEH_FRAME *> { static constexpr bool value = true; };
#define SIM_SEH_ZERO_ {}
#else
#define SimSehLexical_(Name) _Generic((Name), SIM_SEH_FRAME *: (Name), default: (SIM_SEH_FRAME *)0)
#define SimSehLexicalFin_(Name) \
    _Generic((Name), SIM_SEH_FINALLY *: (Name), default: (SIM_SEH_FINALLY *)0)
#define SIM_SEH_ZERO_ {0}
#endif

/* setjmp without the signal mask: the fault trap runs with SA_NODEFER and the dispatcher
 * unblocks the fault signals itself (as SIM_SETJMP in mmsim.h). */
#define SIM_SEH_SETJMP_(Buffer) setjmp(Buffer)

/* ------------------------------------------------------------------------ */
/* The keywords.                                                            */
/* ------------------------------------------------------------------------ */
/*
 *   __try { B } __except (F) { H }        __try { B } __finally { H }
 *
 *   if (({ for (frame; step;)             if (({ for (frame; step;)
 *            if (setjmp(frame) == 0) {              if (setjmp(frame) == 0) {
 *                { B } leave: body end;                 { B } leave: body end;
 *            } else if (exception)                  } else arrived;
 *                filter result (F);             0; })) {} else
 *        handled?; })) {} else { H }        for (finally; finally step;) { H }
 *
 * The handler block is outside every loop of the emulation, so break/continue in it reach
 * the driver's loop; the finally block's loop runs what follows it (the unwind or the
 * return goes on). Each form is one statement.
 */
#define __try                                                                             \
    if (__extension__({                                                                   \
            for (SIM_SEH_FRAME *SimSehOuter_ = SimSehLexical_(SimSehPtr_),                 \
                               SimSehFrame_ __attribute__((cleanup(SimSehCleanup))) =      \
                                   SIM_SEH_ZERO_,                                          \
                               *SimSehPtr_ = SimSehEnter(&SimSehFrame_, SimSehOuter_,      \
                                                         __FILE__, __LINE__,               \
                                                         __builtin_frame_address(0));      \
                 SimSehStep(SimSehPtr_);)                                                  \
                if (SIM_SEH_SETJMP_(SimSehFrame_.Jump) == 0) {                            \
                    __label__ SimSehLeave_;                                               \
                    if (0)                                                                \
                        goto SimSehLeave_;

#define __except(...)                                                                     \
                SimSehLeave_:                                                             \
                    SimSehBodyEnd(SimSehPtr_, 0);                                          \
                } else if (SimSehArrived(SimSehPtr_))                                      \
                    SimSehFilterResult(SimSehPtr_, (int)(__VA_ARGS__));                      \
            SimSehHandled() == 0;                                                         \
        })) {                                                                             \
    } else

#define __finally                                                                         \
                SimSehLeave_:                                                             \
                    SimSehBodyEnd(SimSehPtr_, 1);                                          \
                } else                                                                    \
                    SimSehFinallyArrived(SimSehPtr_);                                      \
            0;                                                                            \
        })) {                                                                             \
    } else                                                                                \
        for (SIM_SEH_FINALLY SimSehFinState_ = SIM_SEH_ZERO_, *SimSehFin_ = &SimSehFinState_; \
             SimSehFinallyStep(SimSehFin_);)

#define __leave goto SimSehLeave_

/* <excpt.h>: the intrinsics behind GetExceptionCode & co. In a filter they read the
 * exception that reached this __try; in an __except block, the one the thread handled
 * last (docs/seh.md). */
#define _exception_code() SimSehCode(SimSehLexical_(SimSehPtr_))
#define _exception_info() SimSehInformation(SimSehLexical_(SimSehPtr_))
#define _abnormal_termination() SimSehFinallyAbnormal(SimSehLexicalFin_(SimSehFin_))
#define GetExceptionCode _exception_code
#define exception_code _exception_code
#define GetExceptionInformation (struct _EXCEPTION_POINTERS *)_exception_info
#define exception_info (struct _EXCEPTION_POINTERS *)_exception_info
#define AbnormalTermination _abnormal_termination
#define abnormal_termination _abnormal_termination

/* MSVC's <excpt.h> spells them without underscores in C (WDK samples use them). */
#if !defined(__cplusplus) && !defined(MMSIM_SEH_NO_LOWERCASE)
#define try __try
#define except __except
#define finally __finally
#define leave __leave
#endif

/*
 * `return` inside a __try body must run the __finally blocks it leaves:
 *
 *   for ((void)(in a __try of this function
 *                ? ((begin ? setjmp(return point) : 1) == 0
 *                   ? run the function's __try frames, innermost first, and come back : 0)
 *                : 0);;)
 *       return ...
 *
 * Outside every __try the marker is the enumerator and the hook is the constant 0,
 * chosen at compile time (_Generic in C, a constant condition in C++): no setjmp is
 * compiled there, so inline functions of headers included later stay plain. Inside, the
 * return expression is evaluated after the __finally blocks ran (docs/seh.md).
 * MMSIM_SEH_NO_RETURN_MACRO leaves `return` alone; leaving a __try body by return is then
 * stopped loudly. In C++ it needs C++17 (switch in constexpr functions).
 */
#if !defined(MMSIM_SEH_NO_RETURN_MACRO) && (!defined(__cplusplus) || __cplusplus >= 201703L)
/* Inside a __try: 0 once the function's __finally blocks have run. */
#define SIM_SEH_RETURN_RUN_(Frame)                                                        \
    ((SimSehReturnBegin((Frame), __builtin_frame_address(0))                             \
          ? SIM_SEH_SETJMP_(*SimSehReturnJump())                                          \
          : 1) == 0                                                                       \
         ? (SimSehReturnGo(Frame), 0)                                                     \
         : 0)
#ifdef __cplusplus
#define SIM_SEH_RETURN_HOOK_                                                              \
    (SimSehIsFrame_<decltype(SimSehPtr_)>::value                                          \
         ? SIM_SEH_RETURN_RUN_(SimSehLexical_(SimSehPtr_))                                \
         : 0)
#else
#define SIM_SEH_RETURN_HOOK_                                                              \
    _Generic(SimSehPtr_, SIM_SEH_FRAME *: SIM_SEH_RETURN_RUN_(SimSehLexical_(SimSehPtr_)), \
             default: 0)
#endif
/* for (;;) so that `return; case X:` is no fall-through to the compiler. */
#define return for ((void)(SIM_SEH_RETURN_HOOK_);;) return
#endif /* MMSIM_SEH_NO_RETURN_MACRO */

#endif /* !_WIN32 */

#endif /* MMSIM_SEH_H_ */
