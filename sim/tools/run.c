/*
 * run.c - `mmsim run FILE|-`: runs a scenario script (script.h) against the
 * simulated machine and prints a transcript.
 *
 * A script can never crash the program: the parser is checked by fuzzing;
 * every statement runs inside a bug check frame; MDL and region arguments
 * must be live handles the script got from a DDI (a freed one is a script
 * error, not a use-after-free in mmsim); touches are limited to simulated
 * system space; and writes and pool frees that would damage mmsim's own
 * structures (an MDL, a region of core/, pool the script did not allocate)
 * are refused as script errors. Everything else - bad addresses, double
 * frees, wrong tags, IRQL mistakes - reaches the simulator, which stops the
 * machine as Windows would.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>

#include "growable_region.h"
#include "narrate.h"
#include "script.h"
#include "tool.h"

_Static_assert(GrStrategyAuto == 0 && GrStrategyDivisible == 1 && GrStrategyRemap == 2,
               "script.c's GrStrategy constants");

typedef struct _RUN_HANDLE {
    uintptr_t Ptr;
    SCRIPT_TYPE Type;
    bool Live;
    int EndLine;       /* line that freed it (or reset) */
    const char *EndHow;
} RUN_HANDLE;

typedef struct _RUN_BLOCK {
    uintptr_t Va;
    uint64_t Size;
    bool Live;
} RUN_BLOCK;

typedef struct _RUNNER {
    const char *File;
    const SCRIPT *Script;
    FILE *Out;
    FILE *Err;
    ULONG Flags;
    uint64_t *Values;
    RUN_HANDLE *Handles;
    int HandleCount, HandleCapacity;
    RUN_BLOCK *Blocks;
    int BlockCount, BlockCapacity;
    SIM_CONFIG Config;
    bool HaveStop;
    SIM_BUGCHECK LastStop;
    const SCRIPT_STMT *Pending; /* the expect before this statement */
    int Expectations;           /* met */
    /* Outcome of the statement being run (written inside catch frames). */
    uint64_t Result;
    bool HasResult;
    uint64_t Value; /* tour17: what a user statement assigns */
    int Processes;  /* tour17: made by `NAME = process` */
    char Note[512];
    NTSTATUS Raised;
} RUNNER;

/* ---------------------------------------------------------------------- */
/* Messages.                                                              */
/* ---------------------------------------------------------------------- */
static int RunError(RUNNER *R, const SCRIPT_STMT *St, const char *Format, ...)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 3, 4)));
static int RunError(RUNNER *R, const SCRIPT_STMT *St, const char *Format, ...)
{
    fflush(R->Out);
    fprintf(R->Err, "%s:%d:%d: error: ", R->File, St->Line, St->Column);
    va_list Args;
    va_start(Args, Format);
    vfprintf(R->Err, Format, Args);
    va_end(Args);
    fprintf(R->Err, "\n");
    return TOOL_EXIT_USAGE;
}

static int RunFailed(RUNNER *R, const SCRIPT_STMT *St, const char *Format, ...)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 3, 4)));
static int RunFailed(RUNNER *R, const SCRIPT_STMT *St, const char *Format, ...)
{
    char Text[1024];
    va_list Args;
    va_start(Args, Format);
    vsnprintf(Text, sizeof(Text), Format, Args);
    va_end(Args);
    fprintf(R->Out, "      !! %s\n", Text);
    fflush(R->Out);
    fprintf(R->Err, "%s:%d:%d: expectation failed: %s\n", R->File, St->Line, St->Column, Text);
    return TOOL_EXIT_FAILED;
}

static const char *Addr(RUNNER *R, uint64_t Value, char *Buffer, size_t Size)
{
    /* tour17: user addresses relative to the user range ("user+0x10000"). */
    if (!SimFormatUserAddress((ULONG_PTR)Value, R->Flags, Buffer, Size)) {
        SimFormatAddress((ULONG_PTR)Value, R->Flags, Buffer, Size);
    }
    return Buffer;
}

/* tour17: true if [Va, Va + Bytes) lies in the user range. */
static bool InUserRange(uint64_t Va, uint64_t Bytes)
{
    SIM_PROCESS_INFO Info;
    if (!SimQueryProcess(SimCurrentProcess(), &Info) || Info.UserRangeBase == NULL) {
        return false;
    }
    uint64_t Base = (uintptr_t)Info.UserRangeBase;
    return Va >= Base && Va - Base < Info.UserRangeBytes && Bytes <= Info.UserRangeBytes - (Va - Base);
}

/* A value as the transcript shows it: an address if it is one, else hex. */
static const char *Show(RUNNER *R, uint64_t Value, char *Buffer, size_t Size)
{
    SIZE_T Bytes = 0;
    uintptr_t Base = (uintptr_t)SimSystemSpaceBase(&Bytes);
    /* Not the user range: on most hosts it starts at 0x10000 and spans
     * numbers that are sizes as often as addresses. */
    if (Value >= Base && Value - Base < Bytes) {
        return Addr(R, Value, Buffer, Size);
    }
    snprintf(Buffer, Size, "0x%llx", (unsigned long long)Value);
    return Buffer;
}

static void StopLine(RUNNER *R, const SIM_BUGCHECK *Stop, char *Line, size_t Size)
{
    int n = snprintf(Line, Size, "STOP 0x%X (", (unsigned)Stop->Code);
    for (ULONG i = 0; i < 4 && n > 0 && (size_t)n < Size; i++) {
        char P[200];
        if (R->Flags & SIM_DUMP_SYMBOLIC) {
            SimFormatStopParameter(Stop, i, R->Flags, P, sizeof(P));
            if (!(strncmp(P, "base+", 5) == 0 || strncmp(P, "PTE(", 4) == 0 || P[0] == '<')) {
                snprintf(P, sizeof(P), "0x%llx", (unsigned long long)Stop->Parameters[i]);
            }
        } else {
            snprintf(P, sizeof(P), "0x%llx", (unsigned long long)Stop->Parameters[i]);
        }
        n += snprintf(Line + n, Size - (size_t)n, "%s%s", i ? ", " : "", P);
    }
    if (n > 0 && (size_t)n < Size) {
        snprintf(Line + n, Size - (size_t)n, ") %s", SimBugCheckName(Stop->Code));
    }
}

/* ---------------------------------------------------------------------- */
/* Handles and the script's own pool blocks.                              */
/* ---------------------------------------------------------------------- */
/* List (Count of *Capacity used) with room for one more, or NULL (out of
 * memory; List is then untouched). */
static void *Room(void *List, int *Capacity, int Count, size_t Size)
{
    if (Count < *Capacity) {
        return List;
    }
    int Bigger = *Capacity ? *Capacity * 2 : 32;
    void *Grown = realloc(List, (size_t)Bigger * Size);
    if (Grown != NULL) {
        *Capacity = Bigger;
    }
    return Grown;
}

static RUN_HANDLE *FindHandle(RUNNER *R, uintptr_t Ptr)
{
    for (int i = 0; i < R->HandleCount; i++) {
        if (R->Handles[i].Ptr == Ptr) {
            return &R->Handles[i];
        }
    }
    return NULL;
}

static bool AddHandle(RUNNER *R, uintptr_t Ptr, SCRIPT_TYPE Type)
{
    RUN_HANDLE *H = FindHandle(R, Ptr);
    if (H != NULL) {
        H->Type = Type;
        H->Live = true;
        return true;
    }
    RUN_HANDLE *List = Room(R->Handles, &R->HandleCapacity, R->HandleCount, sizeof(*List));
    if (List == NULL) {
        return false;
    }
    R->Handles = List;
    R->Handles[R->HandleCount++] = (RUN_HANDLE){Ptr, Type, true, 0, NULL};
    return true;
}

static void EndHandle(RUNNER *R, uintptr_t Ptr, int Line, const char *How)
{
    RUN_HANDLE *H = FindHandle(R, Ptr);
    if (H != NULL && H->Live) {
        H->Live = false;
        H->EndLine = Line;
        H->EndHow = How;
    }
}

static bool AddBlock(RUNNER *R, uintptr_t Va, uint64_t Size)
{
    for (int i = 0; i < R->BlockCount; i++) {
        if (R->Blocks[i].Va == Va) {
            R->Blocks[i].Size = Size;
            R->Blocks[i].Live = true;
            return true;
        }
    }
    RUN_BLOCK *List = Room(R->Blocks, &R->BlockCapacity, R->BlockCount, sizeof(*List));
    if (List == NULL) {
        return false;
    }
    R->Blocks = List;
    R->Blocks[R->BlockCount++] = (RUN_BLOCK){Va, Size, true};
    return true;
}

/* The script's own live block containing [Va, Va + Bytes), or NULL. */
static RUN_BLOCK *OwnBlock(RUNNER *R, uintptr_t Va, uint64_t Bytes)
{
    for (int i = 0; i < R->BlockCount; i++) {
        RUN_BLOCK *B = &R->Blocks[i];
        if (B->Live && Va >= B->Va && Va - B->Va <= B->Size && Bytes <= B->Size - (Va - B->Va)) {
            return B;
        }
    }
    return NULL;
}

/* The live pool block (anyone's) containing Va; FALSE if none. */
static bool PoolBlockAt(uintptr_t Va, SIM_POOL_BLOCK_INFO *Found)
{
    ULONG Count = SimEnumPoolBlocks(NULL, 0);
    if (Count == 0) {
        return false;
    }
    SIM_POOL_BLOCK_INFO *Blocks = (SIM_POOL_BLOCK_INFO *)calloc(Count, sizeof(*Blocks));
    if (Blocks == NULL) {
        return false;
    }
    ULONG Got = SimEnumPoolBlocks(Blocks, Count);
    bool Hit = false;
    for (ULONG i = 0; i < Got && i < Count; i++) {
        uintptr_t Start = (uintptr_t)Blocks[i].Va;
        uintptr_t Size = Blocks[i].Size ? Blocks[i].Size : 1;
        if (Va >= Start && Va - Start < Size) {
            *Found = Blocks[i];
            Hit = true;
            break;
        }
    }
    free(Blocks);
    return Hit;
}

/* ---------------------------------------------------------------------- */
/* Expressions.                                                           */
/* ---------------------------------------------------------------------- */
static uint64_t Eval(RUNNER *R, const SCRIPT_EXPR *E)
{
    switch (E->Kind) {
    case ExprNumber: return E->Value;
    case ExprVariable: return R->Values[E->Variable];
    case ExprAdd: return Eval(R, E->Left) + Eval(R, E->Right);
    case ExprSub: return Eval(R, E->Left) - Eval(R, E->Right);
    case ExprMul: return Eval(R, E->Left) * Eval(R, E->Right);
    case ExprOr: return Eval(R, E->Left) | Eval(R, E->Right);
    case ExprAnd: return Eval(R, E->Left) & Eval(R, E->Right);
    case ExprNeg: return (uint64_t)0 - Eval(R, E->Left);
    case ExprNot: return ~Eval(R, E->Left);
    case ExprQuery: { /* narration query: narrate.c */
        uint64_t V[NARRATE_MAX_QUERY_ARGS] = {0};
        int n = 0;
        for (const SCRIPT_EXPR *A = E->Left; A != NULL && n < NARRATE_MAX_QUERY_ARGS; A = A->Right) {
            V[n] = Eval(R, A->Left);
            RUN_HANDLE *H = A->Left->Type != TypeNumber ? FindHandle(R, (uintptr_t)V[n]) : NULL;
            if (A->Left->Type != TypeNumber && (H == NULL || !H->Live)) {
                return 0; /* a freed MDL or region reads as 0, never as freed memory */
            }
            n++;
        }
        return NarrateQuery((int)E->Value, V, n);
    }
    default: return 0;
    }
}

/* Checks that an MDL or region argument is a live handle; 0 or an error. */
static int CheckHandle(RUNNER *R, const SCRIPT_STMT *St, const SCRIPT_EXPR *E, uint64_t Value)
{
    RUN_HANDLE *H = FindHandle(R, (uintptr_t)Value);
    const char *Name = E->Kind == ExprVariable ? R->Script->Variables[E->Variable].Name : "it";
    if (H == NULL || H->Type != E->Type) {
        return RunError(R, St, "%s is not %s the script holds", Name,
                        E->Type == TypeMdl ? "an MDL" : "a growable region");
    }
    if (!H->Live) {
        return RunError(R, St,
                        "%s was %s on line %d: mmsim run does not pass a freed %s to the "
                        "simulator (it would be a use-after-free in mmsim itself)",
                        Name, H->EndHow, H->EndLine,
                        E->Type == TypeMdl ? "MDL" : "region");
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* DDI calls.                                                             */
/* ---------------------------------------------------------------------- */
/* The calls, one function a DDI, made from the rows of sim/mi_ddi_table.h:
 * each argument converted to its kind's C type as a C call would (MI_ARG_CALL),
 * the result kept as its kind says (MI_RESULT_VALUE_). Rows marked Custom have
 * a RunCall<Name> written below. */
typedef void RUN_CALL(RUNNER *R, const uint64_t *A);

#define MI_ARG MI_ARG_CALL /* the conversions of sim/mi_ddi_table.h */
#define MI_ARGV A
#define RUN_CALL_Auto(Name, Res, ...)                                          \
    static void RunCall##Name(RUNNER *R, const uint64_t *A)                    \
    {                                                                          \
        (void)A; /* KeGetCurrentIrql takes none */                             \
        R->Result = MI_RESULT_VALUE_##Res(Name(__VA_ARGS__));                  \
    }
#define RUN_CALL_Custom(Name, Res, ...) static RUN_CALL RunCall##Name;
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Result, Args) RUN_CALL_Auto(Name, Result, Args)
#define MI_DDI_TOOL(Name, Result, Call, Args) RUN_CALL_##Call(Name, Result, Args)
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
#undef MI_DDI_TOOL
#undef MI_ARG
#undef MI_ARGV

static RUN_CALL *const RunCalls[DdiCount] = {
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Result, Args) [Ddi##Name] = RunCall##Name,
#define MI_DDI_TOOL(Name, Result, Call, Args) [Ddi##Name] = RunCall##Name,
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
#undef MI_DDI_TOOL
};

/* KeRaiseIrql returns the old IRQL through a pointer. */
static void RunCallKeRaiseIrql(RUNNER *R, const uint64_t *A)
{
    KIRQL Old = 0;
    KeRaiseIrql((KIRQL)A[0], &Old);
    R->Result = Old;
}

/* GrCreate takes a structure and returns the region through a pointer. */
static void RunCallGrCreate(RUNNER *R, const uint64_t *A)
{
    GR_PARAMETERS P;
    memset(&P, 0, sizeof(P));
    P.MaximumSize = (SIZE_T)A[0];
    P.InitialCommit = (SIZE_T)A[1];
    P.GrowthGranularity = (SIZE_T)A[2];
    P.PoolTag = (ULONG)A[3];
    P.Strategy = (GR_STRATEGY)(int)A[4];
    PGROWABLE_REGION Region = NULL;
    NTSTATUS Status = GrCreate(&P, &Region);
    R->Result = NT_SUCCESS(Status) ? (uintptr_t)Region : 0;
    if (!NT_SUCCESS(Status)) {
        const char *Name = ScriptConstantName((uint32_t)Status, "STATUS_");
        snprintf(R->Note, sizeof(R->Note), " (GrCreate returned %s 0x%08X)",
                 Name ? Name : "status", (unsigned)Status);
    }
}

/* Runs the call; sets R->Result. Runs inside the catch frames. */
static void CallDdi(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    R->HasResult = ScriptDdis[St->Ddi].Result != ResultVoid;
    R->Result = 0;
    RunCalls[St->Ddi](R, A);
}

/* A pool free the runner refuses: a live region, or pool the script did not
 * allocate (it belongs to core/ or the simulator). 0 or an error. */
static int CheckPoolFree(RUNNER *R, const SCRIPT_STMT *St, uint64_t Va)
{
    RUN_HANDLE *H = FindHandle(R, (uintptr_t)Va);
    if (H != NULL && H->Type == TypeRegion && H->Live) {
        return RunError(R, St, "that is a growable region: free it with GrDestroy");
    }
    if (H != NULL && H->Type == TypeMdl && H->Live) {
        return 0; /* an MDL the script holds: freeing it is the script's business */
    }
    SIM_POOL_BLOCK_INFO Block;
    if (PoolBlockAt((uintptr_t)Va, &Block) && OwnBlock(R, (uintptr_t)Block.Va, 0) == NULL) {
        char Tag[5];
        for (int i = 0; i < 4; i++) {
            char c = (char)(Block.Tag >> (8 * i));
            Tag[i] = c >= 0x20 && c < 0x7F ? c : '.';
        }
        Tag[4] = '\0';
        return RunError(R, St,
                        "that address is inside a pool block the script did not allocate "
                        "(tag '%s', it belongs to core/ or the simulator): freeing it would "
                        "corrupt mmsim itself, not the simulated machine",
                        Tag);
    }
    return 0;
}

/* Checks a call's arguments before it runs, by their kinds: handles, NULL-only
 * pointers, frees that would damage mmsim rather than the simulated machine. */
static int PreCall(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    const SCRIPT_DDI *D = &ScriptDdis[St->Ddi];
    for (int i = 0; i < St->ArgCount; i++) {
        if (ScriptArgType(D->Args[i].Kind) != TypeNumber) {
            int Status = CheckHandle(R, St, St->Args[i], A[i]);
            if (Status != 0) {
                return Status;
            }
        }
    }
    for (int i = 0; i < St->ArgCount; i++) {
        int Status = 0;
        switch (D->Args[i].Kind) {
        case ScriptArgIrp:
            if (A[i] != 0) {
                Status = RunError(R, St, "%s: %s must be NULL (mmsim run has no IRPs)", D->Name,
                                  D->Args[i].Name);
            }
            break;
        case ScriptArgNullVa:
            if (A[i] != 0) {
                Status = RunError(R, St, "%s: %s must be NULL for a kernel mapping", D->Name,
                                  D->Args[i].Name);
            }
            break;
        case ScriptArgFreedPool:
            Status = CheckPoolFree(R, St, A[i]);
            break;
        default:
            break;
        }
        if (Status != 0) {
            return Status;
        }
    }
    return 0;
}

/* The first Size argument: how large the pool block a DDI returns is. */
static uint64_t SizeArgument(const SCRIPT_DDI *D, const uint64_t *A)
{
    for (int i = 0; i < D->ArgCount; i++) {
        if (D->Args[i].Kind == ScriptArgSize) {
            return A[i];
        }
    }
    return 0;
}

/* Book-keeping after a call that returned, by the kinds of its result and
 * arguments: what the script now holds, and what it freed. */
static void PostCall(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    const SCRIPT_DDI *D = &ScriptDdis[St->Ddi];
    if (R->Result != 0) {
        if (D->Result == ResultMdl) {
            AddHandle(R, (uintptr_t)R->Result, TypeMdl);
        } else if (D->Result == ResultRegion) {
            AddHandle(R, (uintptr_t)R->Result, TypeRegion);
        } else if (D->Result == ResultPool) {
            AddBlock(R, (uintptr_t)R->Result, SizeArgument(D, A));
        }
    }
    for (int i = 0; i < St->ArgCount; i++) {
        switch (D->Args[i].Kind) {
        case ScriptArgFreedMdl:
            EndHandle(R, (uintptr_t)A[i], St->Line, "freed (IoFreeMdl)");
            break;
        case ScriptArgFreedRegion:
            EndHandle(R, (uintptr_t)A[i], St->Line, "destroyed (GrDestroy)");
            break;
        case ScriptArgFreedPool: {
            EndHandle(R, (uintptr_t)A[i], St->Line, "freed (ExFreePool)");
            RUN_BLOCK *B = OwnBlock(R, (uintptr_t)A[i], 0);
            if (B != NULL && B->Va == (uintptr_t)A[i]) {
                B->Live = false;
            }
            break;
        }
        default:
            break;
        }
    }
}

static void PrintResult(RUNNER *R, const SCRIPT_STMT *St)
{
    const SCRIPT_DDI *D = &ScriptDdis[St->Ddi];
    char A[64], Name[80] = "";
    if (St->Target >= 0) {
        snprintf(Name, sizeof(Name), "%s = ", R->Script->Variables[St->Target].Name);
    }
    switch (D->Result) {
    case ResultVoid:
        fprintf(R->Out, "      -> done\n");
        return;
    case ResultPointer:
    case ResultPool:
        fprintf(R->Out, "      -> %s%s%s\n", Name,
                R->Result ? Addr(R, R->Result, A, sizeof(A)) : "NULL", R->Note);
        return;
    case ResultMdl:
        if (R->Result == 0) {
            fprintf(R->Out, "      -> %sNULL\n", Name);
        } else {
            PMDL Mdl = (PMDL)(uintptr_t)R->Result;
            fprintf(R->Out, "      -> %sMDL %s, ByteCount 0x%x\n", Name,
                    Addr(R, R->Result, A, sizeof(A)), (unsigned)Mdl->ByteCount);
        }
        return;
    case ResultRegion:
        if (R->Result == 0) {
            fprintf(R->Out, "      -> %sNULL%s\n", Name, R->Note);
        } else {
            PGROWABLE_REGION Region = (PGROWABLE_REGION)(uintptr_t)R->Result;
            char B[64];
            fprintf(R->Out, "      -> %sregion %s, base %s, committed 0x%llx\n", Name,
                    Addr(R, R->Result, A, sizeof(A)), Addr(R, (uintptr_t)GrBase(Region), B, sizeof(B)),
                    (unsigned long long)GrCommittedSize(Region));
        }
        return;
    case ResultStatus: {
        const char *S = ScriptConstantName(R->Result, "STATUS_");
        fprintf(R->Out, "      -> %s%s (0x%08llX)\n", Name, S ? S : "status",
                (unsigned long long)R->Result);
        return;
    }
    case ResultBoolean:
        fprintf(R->Out, "      -> %s%s\n", Name, R->Result ? "TRUE" : "FALSE");
        return;
    case ResultIrql:
        fprintf(R->Out, "      -> %s%llu\n", Name, (unsigned long long)R->Result);
        return;
    default:
        fprintf(R->Out, "      -> %s%s\n", Name, Show(R, R->Result, A, sizeof(A)));
        return;
    }
}

/* ---------------------------------------------------------------------- */
/* Touches.                                                               */
/* ---------------------------------------------------------------------- */
#define RUN_MAX_TOUCH (16u << 20)

/* A write may go to pages of MDL-allocated memory, to invalid pages (it
 * stops the machine before a byte is written), or inside pool the script
 * allocated; never into mmsim's own structures. 0 or an error. */
static int CheckTouch(RUNNER *R, const SCRIPT_STMT *St, uint64_t Va, uint64_t Bytes, bool Write)
{
    SIZE_T SpaceBytes = 0;
    uintptr_t Base = (uintptr_t)SimSystemSpaceBase(&SpaceBytes);
    char A[64];
    if (Bytes == 0 || Bytes > RUN_MAX_TOUCH) {
        return RunError(R, St, "%s: 1 to %u bytes at a time", Write ? "write" : "read",
                        RUN_MAX_TOUCH);
    }
    if (InUserRange(Va, Bytes)) {
        return 0; /* tour17: user memory: a touch the user half serves or raises */
    }
    if (Va < Base || Va - Base >= SpaceBytes || Bytes > SpaceBytes - (Va - Base)) {
        return RunError(R, St,
                        "%s: %s is not in simulated system space (host memory is not the "
                        "simulated machine's; touching it could crash mmsim itself)",
                        Write ? "write" : "read", Show(R, Va, A, sizeof(A)));
    }
    if (!Write) {
        return 0;
    }
    for (uint64_t Page = Va & ~(uint64_t)(PAGE_SIZE - 1); Page < Va + Bytes; Page += PAGE_SIZE) {
        if (SimPageMapChar((PVOID)(uintptr_t)Page) == 'H') {
            continue; /* an nt5 header page: the touch stops the machine */
        }
        ULONG64 Pte = 0;
        SimQueryPte((PVOID)(uintptr_t)Page, &Pte, NULL);
        if (!(Pte & (SIM_PTE_VALID | SIM_PTE_TRANSITION))) {
            continue; /* stops the machine before anything is written */
        }
        SIM_PFN_INFO Info;
        if (!SimQueryPfn(SIM_PTE_PFN(Pte), &Info) || Info.State == SimPageMdl) {
            continue;
        }
        /* A pool page: only inside the script's own blocks, through the
         * pool address itself. */
        uint64_t First = Page > Va ? Page : Va;
        uint64_t Last = Page + PAGE_SIZE < Va + Bytes ? Page + PAGE_SIZE : Va + Bytes;
        if (OwnBlock(R, (uintptr_t)First, Last - First) == NULL) {
            return RunError(R, St,
                            "write: %s holds pool the script did not allocate with "
                            "ExAllocatePool2/ExAllocatePoolWithTag (an MDL, a region of core/, "
                            "or a second mapping of a pool page): mmsim run does not let a "
                            "script corrupt mmsim itself",
                            Show(R, First, A, sizeof(A)));
        }
    }
    return 0;
}

static void Touch(RUNNER *R, bool Write, uint64_t Va, uint64_t Bytes, uint64_t Value)
{
    volatile UCHAR *P = (volatile UCHAR *)(uintptr_t)Va;
    uint64_t Sum = 0;
    if (Write) {
        for (uint64_t i = 0; i < Bytes; i++) {
            P[i] = (UCHAR)Value;
        }
    } else {
        for (uint64_t i = 0; i < Bytes; i++) {
            UCHAR b = P[i];
            Sum += b;
            if (i < 16) {
                size_t n = strlen(R->Note);
                snprintf(R->Note + n, sizeof(R->Note) - n, " %02x", b);
            }
        }
        size_t n = strlen(R->Note);
        snprintf(R->Note + n, sizeof(R->Note) - n, "%s (sum 0x%llx)", Bytes > 16 ? " ..." : "",
                 (unsigned long long)Sum);
    }
}

/* ---------------------------------------------------------------------- */
/* Statements.                                                            */
/* ---------------------------------------------------------------------- */
static void PrintMemory(RUNNER *R)
{
    SIM_MEMORY_STATS S;
    SimQueryMemory(&S);
    fprintf(R->Out,
            "  physical pages %llu: free %llu, MDL %llu, non-paged pool %llu, paged pool %llu\n"
            "  system PTEs %llu: free %llu, largest free run %llu; valid PTEs %llu\n"
            "  pool blocks %llu; host mappings %llu; reservations %u; MDL mappings %u; IRQL %u\n",
            (unsigned long long)S.PhysicalPages, (unsigned long long)S.FreePages,
            (unsigned long long)S.MdlPages, (unsigned long long)S.NonPagedPoolPages,
            (unsigned long long)S.PagedPoolPages, (unsigned long long)S.SystemPtes,
            (unsigned long long)S.SystemPtesFree, (unsigned long long)S.SystemPtesLargestFree,
            (unsigned long long)S.ValidPtes, (unsigned long long)S.PoolBlocks,
            (unsigned long long)S.HostMappings, SimEnumReservations(NULL, 0),
            SimQueryMdlMappings(NULL), (unsigned)KeGetCurrentIrql());
}

static int RunDump(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    SIM_DUMP_OUTPUT Out;
    /* Indent dumps by two spaces: collect, then print. */
    static char Text[1 << 18];
    SimDumpToBuffer(&Out, Text, sizeof(Text), R->Flags);
    switch ((SCRIPT_DUMP)St->Sub) {
    case DumpPte: SimDumpPte(&Out, (PVOID)(uintptr_t)A[0]); break;
    case DumpPfn: SimDumpPfn(&Out, (PFN_NUMBER)A[0]); break;
    case DumpSysPtes: SimDumpSysPtes(&Out); break;
    case DumpPoolUsed: SimDumpPoolUsed(&Out, SimPoolUsedSortBytes); break;
    case DumpPoolUsedByTag: SimDumpPoolUsed(&Out, SimPoolUsedSortTag); break;
    case DumpMdl: {
        RUN_HANDLE *H = FindHandle(R, (uintptr_t)A[0]);
        if (H == NULL || (!H->Live && H->EndHow != NULL && strncmp(H->EndHow, "from", 4) == 0)) {
            return RunError(R, St, "dump mdl: not an MDL of this machine");
        }
        SimDumpMdl(&Out, (PMDL)(uintptr_t)A[0]);
        break;
    }
    case DumpMap: SimDumpReservation(&Out, (PVOID)(uintptr_t)A[0]); break;
    case DumpPages: SimDumpPageMap(&Out, (PVOID)(uintptr_t)A[0], A[1]); break;
    case DumpStop:
        if (R->HaveStop) {
            SimDumpStop(&Out, &R->LastStop);
        } else {
            SimDumpToBuffer(&Out, Text, sizeof(Text), R->Flags);
            snprintf(Text, sizeof(Text), "no stop yet\n");
        }
        break;
    case DumpMemory:
        PrintMemory(R);
        return 0;
    case DumpPool: SimDumpPool(&Out, (PVOID)(uintptr_t)A[0]); break; /* specialpool */
    /* tour17: the current process's user space. */
    case DumpVad: SimDumpVad(&Out); break;
    case DumpAddress: SimDumpAddress(&Out, (PVOID)(uintptr_t)A[0]); break;
    case DumpUser: SimDumpUserPages(&Out, (PVOID)(uintptr_t)A[0], A[1]); break;
    }
    if (NarrateDump(R->Script, St, A, Text, R->HaveStop ? &R->LastStop : NULL)) {
        return 0; /* narrated: "kd> !pte ..." (narrate.c) */
    }
    const char *Line = Text;
    while (*Line) {
        const char *End = strchr(Line, '\n');
        size_t n = End ? (size_t)(End - Line) : strlen(Line);
        fprintf(R->Out, "  %.*s\n", (int)n, Line);
        Line += n + (End ? 1 : 0);
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* tour17: the user-space statements (script.h, SCRIPT_USER).             */
/* ---------------------------------------------------------------------- */
#define RUN_MAX_PROCESSES 16

static const char *const UserWordNames[] = {"reserve", "commit", "decommit", "release",
                                            "protect", "touch",  "process",  "attach"};

/* Before a user statement runs: its operands. 0 or the exit status. */
static int CheckUser(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    char B[64];
    switch ((SCRIPT_USER)St->Sub) {
    case UserTouch: {
        uint64_t Bytes = St->ArgCount > 1 ? A[1] : 1;
        if (Bytes == 0 || Bytes > RUN_MAX_TOUCH) {
            return RunError(R, St, "touch: 1 to %u bytes at a time", RUN_MAX_TOUCH);
        }
        if (!InUserRange(A[0], Bytes)) {
            return RunError(R, St,
                            "touch: %s is not in the user range (touch is for user memory; "
                            "read and write touch system space)",
                            Show(R, A[0], B, sizeof(B)));
        }
        return 0;
    }
    case UserProcess:
        /* Each process has PTEs for the whole user range: a script (or a
         * fuzzer's mutant) may not make them without bound. */
        if (R->Processes >= RUN_MAX_PROCESSES) {
            return RunError(R, St, "process: at most %d processes a script", RUN_MAX_PROCESSES);
        }
        R->Processes++;
        return 0;
    case UserAttach:
        return 0;
    default:
        /* The routines take any address and answer with their status; a
         * kernel address gets the documented one. Only the process must
         * have a user range. */
        if (SimCurrentProcess() == NULL) {
            return RunError(R, St, "%s: this host gives the machine no user address space",
                            UserWordNames[St->Sub]);
        }
        return 0;
    }
}

static void UserBody(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    PVOID Base = (PVOID)(uintptr_t)A[0];
    SIZE_T Size = St->ArgCount > 1 ? (SIZE_T)A[1] : 0;
    NTSTATUS Status = STATUS_SUCCESS;
    char B[64];
    R->HasResult = true;
    switch ((SCRIPT_USER)St->Sub) {
    case UserReserve:
        Base = NULL;
        Size = (SIZE_T)A[0];
        Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                         St->ArgCount > 1 ? (ULONG)A[1] : PAGE_READWRITE);
        if (NT_SUCCESS(Status)) {
            snprintf(R->Note, sizeof(R->Note), ", 0x%llx bytes", (unsigned long long)Size);
        }
        R->Value = NT_SUCCESS(Status) ? (uintptr_t)Base : 0;
        break;
    case UserCommit:
        Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_COMMIT,
                                         St->ArgCount > 2 ? (ULONG)A[2] : PAGE_READWRITE);
        break;
    case UserDecommit:
        Status = ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Size, MEM_DECOMMIT);
        break;
    case UserRelease:
        Size = 0;
        Status = ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Size, MEM_RELEASE);
        break;
    case UserProtect: {
        ULONG Old = 0;
        Status = ZwProtectVirtualMemory(NtCurrentProcess(), &Base, &Size, (ULONG)A[2], &Old);
        R->Value = Old; /* printed after the range */
        break;
    }
    case UserTouch: {
        /* One byte of every page, as a loop reading the buffer would. */
        uint64_t End = A[0] + (St->ArgCount > 1 ? A[1] : 1);
        uint64_t Pages = 0;
        for (uint64_t Va = A[0]; Va < End; Va = (Va | (PAGE_SIZE - 1)) + 1) {
            (void)*(volatile UCHAR *)(uintptr_t)Va;
            Pages++;
        }
        snprintf(R->Note, sizeof(R->Note), "touched %llu page(s)", (unsigned long long)Pages);
        R->HasResult = false;
        return;
    }
    case UserProcess: {
        HANDLE Process = SimCreateProcess();
        R->Value = (uintptr_t)Process;
        Status = Process != NULL ? STATUS_SUCCESS : STATUS_NO_MEMORY;
        break;
    }
    case UserAttach:
        Status = SimAttachProcess(A[0] == 0 ? NULL : (HANDLE)(uintptr_t)A[0]);
        break;
    }
    if (St->Sub == UserDecommit || St->Sub == UserCommit || St->Sub == UserProtect) {
        if (NT_SUCCESS(Status)) {
            size_t n = strlen(R->Note);
            snprintf(R->Note + n, sizeof(R->Note) - n, ", %s, 0x%llx bytes",
                     Addr(R, (uintptr_t)Base, B, sizeof(B)), (unsigned long long)Size);
            if (St->Sub == UserProtect) {
                n = strlen(R->Note);
                snprintf(R->Note + n, sizeof(R->Note) - n, ", old protection 0x%llx",
                         (unsigned long long)R->Value);
            }
        }
    }
    R->Result = (uint32_t)Status;
}

/* The user statement completed: its status (and the expect about it). */
static int UserCompleted(RUNNER *R, const SCRIPT_STMT *St, const SCRIPT_STMT *Expect,
                         const uint64_t *E)
{
    if (!R->HasResult) {
        fprintf(R->Out, "      -> %s\n", R->Note);
        return 0;
    }
    const char *S = ScriptConstantName(R->Result, "STATUS_");
    char Name[160] = "", B[64];
    if (St->Target >= 0) {
        /* A handle's value changes from run to run: not printed. */
        R->Values[St->Target] = R->Value;
        snprintf(Name, sizeof(Name), "%s = %s: ", R->Script->Variables[St->Target].Name,
                 St->Sub == UserProcess ? (R->Value ? "a process handle" : "NULL")
                 : R->Value             ? Addr(R, R->Value, B, sizeof(B))
                                        : "NULL");
    }
    fprintf(R->Out, "      -> %s%s (0x%08llX)%s\n", Name, S ? S : "status",
            (unsigned long long)R->Result, R->Note);
    if (Expect == NULL) {
        return 0;
    }
    bool Ok = Expect->Sub == ExpectNull      ? R->Value == 0
              : Expect->Sub == ExpectNonNull ? R->Value != 0
                                             : (uint32_t)R->Result == (uint32_t)E[0];
    if (!Ok) {
        return RunFailed(R, St, "%s (line %d) did not hold", Expect->Text, Expect->Line);
    }
    R->Expectations++;
    return 0;
}

/* The body of a statement that may stop the machine or raise. */
static void Body(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    switch (St->Kind) {
    case StmtCall:
        CallDdi(R, St, A);
        break;
    case StmtIrql: {
        KIRQL Now = KeGetCurrentIrql();
        KIRQL Want = (KIRQL)A[0];
        KIRQL Old;
        if (Want > Now) {
            KeRaiseIrql(Want, &Old);
        } else if (Want < Now) {
            KeLowerIrql(Want);
        }
        snprintf(R->Note, sizeof(R->Note), "IRQL %u -> %u", (unsigned)Now,
                 (unsigned)KeGetCurrentIrql());
        break;
    }
    case StmtRead:
        Touch(R, false, A[0], St->ArgCount > 1 ? A[1] : 1, 0);
        break;
    case StmtWrite:
        Touch(R, true, A[0], St->ArgCount > 1 ? A[1] : 1, St->ArgCount > 2 ? A[2] : 0xAB);
        break;
    case StmtUser:
        UserBody(R, St, A);
        break;
    default:
        break;
    }
}

/* Body inside the stand-in for __try/__except (expect raise). */
static void BodyTry(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    NTSTATUS Status = STATUS_SUCCESS;
    SIM_TRY_STATUS(&Status, Body(R, St, A));
    R->Raised = Status;
}

static bool StopMatches(const SCRIPT_STMT *Expect, const SIM_BUGCHECK *Stop, const uint64_t *E)
{
    if (Stop->Code != (ULONG)E[0]) {
        return false;
    }
    for (int i = 1; i < Expect->ArgCount; i++) {
        if (Expect->Args[i]->Kind != ExprWildcard && Stop->Parameters[i - 1] != (ULONG_PTR)E[i]) {
            return false;
        }
    }
    return true;
}

/* ---- Statements that do not run code on the machine ---- */
typedef int RUN_STATEMENT(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A);

static int RunExpect(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    (void)A;
    if (St->Sub != ExpectClean) {
        R->Pending = St; /* about the next statement */
        return 0;
    }
    char Report[2048];
    if (!SimIsClean(Report, sizeof(Report))) {
        return RunFailed(R, St, "expected a clean machine, but it holds:\n%s", Report);
    }
    fprintf(R->Out, "      -> clean, as expected\n");
    R->Expectations++;
    return 0;
}

static int RunAssert(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    bool Equal = A[0] == A[1];
    char L[64], Rt[64];
    if (Equal != (St->Sub == 0)) {
        return RunFailed(R, St, "%s: the values are %s and %s", St->Text,
                         Show(R, A[0], L, sizeof(L)), Show(R, A[1], Rt, sizeof(Rt)));
    }
    fprintf(R->Out, "      -> %s %s %s\n", Show(R, A[0], L, sizeof(L)), Equal ? "==" : "!=",
            Show(R, A[1], Rt, sizeof(Rt)));
    R->Expectations++;
    return 0;
}

static int RunReset(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    (void)A;
    if (St->Sub >= 0) {
        R->Config.Profile = St->Sub == 1 ? SimProfileNt5 : SimProfileModern;
    }
    SimShutdown();
    if (!NT_SUCCESS(SimInitialize(&R->Config))) {
        return RunError(R, St, "reset: cannot build the machine");
    }
    for (int i = 0; i < R->HandleCount; i++) {
        if (R->Handles[i].Live) {
            R->Handles[i].Live = false;
            R->Handles[i].EndLine = St->Line;
            R->Handles[i].EndHow = "from before the reset";
        }
    }
    for (int i = 0; i < R->BlockCount; i++) {
        R->Blocks[i].Live = false;
    }
    R->HaveStop = false;
    fprintf(R->Out, "      -> a fresh machine, profile %s\n", SimProfileName(SimGetProfile()));
    return 0;
}

static int RunTrim(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    (void)St;
    (void)A;
    fprintf(R->Out, "      -> %u paged pool page(s) trimmed\n", SimTrimPagedPool());
    return 0;
}

static int RunWait(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    (void)St;
    (void)A;
    fprintf(R->Out, "      -> %s\n", SimWaitForWorkItems(10000)
                                          ? "no work item queued or running"
                                          : "work items still running after 10 s");
    return 0;
}

static int RunEcho(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    (void)A;
    fprintf(R->Out, "      %s\n", St->Echo);
    return 0;
}

static int RunPrint(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    (void)St;
    char Text[400];
    fprintf(R->Out, "      -> %s\n", Show(R, A[0], Text, sizeof(Text)));
    return 0;
}

/* Narration (narrate.c); MDL arguments must be live like a DDI's. */
static int RunNarrate(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    for (int i = 0; i < St->ArgCount; i++) {
        int Status = St->Args[i]->Type == TypeMdl ? CheckHandle(R, St, St->Args[i], A[i]) : 0;
        if (Status != 0) {
            return Status;
        }
    }
    return NarrateStatement(R->Script, St, A, R->Out, R->Err, R->File, R->Flags);
}

/* ---- Calls, IRQL changes and touches: may stop the machine or raise ---- */

/* What is refused before the statement runs; 0 or the exit status. */
static int CheckBeforeRun(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    int Status = 0;
    if (St->Kind == StmtCall) {
        Status = PreCall(R, St, A);
    } else if (St->Kind == StmtRead || St->Kind == StmtWrite) {
        Status = CheckTouch(R, St, A[0], St->ArgCount > 1 ? A[1] : 1, St->Kind == StmtWrite);
    } else if (St->Kind == StmtIrql && A[0] > 0xFF) {
        Status = RunError(R, St, "irql: a KIRQL is 0 to 255");
    } else if (St->Kind == StmtUser) {
        Status = CheckUser(R, St, A);
    }
    if (Status != 0 || St->Kind == StmtCall || !SimIsStopped(NULL)) {
        return Status;
    }
    SIM_BUGCHECK Old;
    SimIsStopped(&Old);
    fprintf(R->Out, "      -> refused: the machine is stopped (STOP 0x%X); reset first\n",
            (unsigned)Old.Code);
    fprintf(R->Err, "%s:%d: %s refused: the machine is stopped\n", R->File, St->Line,
            St->Kind == StmtIrql   ? "irql"
            : St->Kind == StmtRead ? "read"
            : St->Kind == StmtUser ? UserWordNames[St->Sub]
                                   : "write");
    return SIM_EXIT_REFUSED;
}

/* The statement inside the catch frames (and inside the stand-in for
 * __try/__except when an expect raise is about it). */
static void Execute(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A, bool InTry,
                    SIM_BUGCHECK *Stop)
{
    R->Note[0] = '\0';
    R->Result = 0;
    R->HasResult = false;
    R->Raised = STATUS_SUCCESS;
    R->Value = 0;
    if (InTry) {
        SIM_CATCH_BUGCHECK(Stop, BodyTry(R, St, A));
    } else {
        SIM_CATCH_BUGCHECK(Stop, Body(R, St, A));
    }
}

/* The statement stopped the machine: as expected, or exit status 86. */
static int RunStopped(RUNNER *R, const SCRIPT_STMT *St, const SCRIPT_STMT *Expect,
                      const SIM_BUGCHECK *Stop, const uint64_t *E)
{
    char Text[400];
    R->HaveStop = true;
    R->LastStop = *Stop;
    StopLine(R, Stop, Text, sizeof(Text));
    if (Expect != NULL && Expect->Sub == ExpectStop) {
        if (StopMatches(Expect, Stop, E)) {
            fprintf(R->Out, "      -> %s, as expected\n", Text);
            R->Expectations++;
            return 0;
        }
        fprintf(R->Out, "      -> %s\n", Text);
        return RunFailed(R, St, "%s (line %d) did not hold: got %s", Expect->Text, Expect->Line,
                         Text);
    }
    fprintf(R->Out, "      -> %s\n", Text);
    SIM_DUMP_OUTPUT Out;
    SimDumpToFile(&Out, R->Out, R->Flags);
    SimDumpStop(&Out, Stop);
    fflush(R->Out);
    fprintf(R->Err, "%s:%d: the machine stopped: %s (no expect stop before the statement)\n",
            R->File, St->Line, Text);
    return SIM_EXIT_BUGCHECK;
}

/* An expect raise: the statement raised (that status), or it failed. */
static int RunRaised(RUNNER *R, const SCRIPT_STMT *St, const SCRIPT_STMT *Expect,
                     const uint64_t *E)
{
    NTSTATUS Raised = R->Raised;
    if (Raised == STATUS_SUCCESS) {
        return RunFailed(R, St, "expected an exception (line %d), but none was raised",
                         Expect->Line);
    }
    const char *Name = ScriptConstantName((uint32_t)Raised, "STATUS_");
    if (Expect->ArgCount > 0 && (uint32_t)Raised != (uint32_t)E[0]) {
        return RunFailed(R, St, "%s (line %d) did not hold: got the exception 0x%08X",
                         Expect->Text, Expect->Line, (unsigned)Raised);
    }
    fprintf(R->Out, "      -> raised %s (0x%08X), as expected\n", Name ? Name : "status",
            (unsigned)Raised);
    R->Expectations++;
    return 0;
}

/* The statement completed: its result (and the expect null/nonnull/status
 * about it), or what the IRQL change or touch did. */
static int RunCompleted(RUNNER *R, const SCRIPT_STMT *St, const SCRIPT_STMT *Expect,
                        const uint64_t *A, const uint64_t *E)
{
    if (St->Kind == StmtIrql) {
        fprintf(R->Out, "      -> %s\n", R->Note);
    } else if (St->Kind == StmtRead) {
        fprintf(R->Out, "      -> read:%s\n", R->Note);
    } else if (St->Kind == StmtWrite) {
        fprintf(R->Out, "      -> wrote %llu byte(s)\n",
                (unsigned long long)(St->ArgCount > 1 ? A[1] : 1));
    }
    if (St->Kind == StmtUser) {
        return UserCompleted(R, St, Expect, E);
    }
    if (St->Kind != StmtCall) {
        return 0;
    }
    PostCall(R, St, A);
    if (St->Target >= 0) {
        R->Values[St->Target] = R->Result;
    }
    PrintResult(R, St);
    if (Expect == NULL) {
        return 0;
    }
    bool Ok = Expect->Sub == ExpectNull      ? R->Result == 0
              : Expect->Sub == ExpectNonNull ? R->Result != 0
                                             : (uint32_t)R->Result == (uint32_t)E[0];
    if (!Ok) {
        return RunFailed(R, St, "%s (line %d) did not hold", Expect->Text, Expect->Line);
    }
    R->Expectations++;
    return 0;
}

static int RunOnMachine(RUNNER *R, const SCRIPT_STMT *St, const uint64_t *A)
{
    int Status = CheckBeforeRun(R, St, A);
    if (Status != 0) {
        return Status;
    }
    const SCRIPT_STMT *Expect = R->Pending;
    R->Pending = NULL;
    uint64_t E[SCRIPT_MAX_ARGS] = {0};
    for (int i = 0; Expect != NULL && i < Expect->ArgCount; i++) {
        E[i] = Expect->Args[i]->Kind == ExprWildcard ? 0 : Eval(R, Expect->Args[i]);
    }
    SIM_BUGCHECK Stop;
    Execute(R, St, A, Expect != NULL && Expect->Sub == ExpectRaise, &Stop);
    if (Stop.Caught && Stop.Refused) {
        fprintf(R->Out, "      -> refused: the machine is stopped (STOP 0x%X); reset first\n",
                (unsigned)Stop.Code);
        fflush(R->Out);
        fprintf(R->Err, "%s:%d: %s refused: the machine is stopped\n", R->File, St->Line,
                Stop.Ddi ? Stop.Ddi : "the call");
        return SIM_EXIT_REFUSED;
    }
    if (Stop.Caught) {
        return RunStopped(R, St, Expect, &Stop, E);
    }
    if (Expect != NULL && Expect->Sub == ExpectStop) {
        if (St->Kind == StmtCall) {
            PostCall(R, St, A);
        }
        return RunFailed(R, St, "%s (line %d) did not hold: the statement completed",
                         Expect->Text, Expect->Line);
    }
    if (Expect != NULL && Expect->Sub == ExpectRaise) {
        return RunRaised(R, St, Expect, E);
    }
    return RunCompleted(R, St, Expect, A, E);
}

/* Every statement kind (script.h) and what runs it. */
static RUN_STATEMENT *const Runners[] = {
    [StmtCall] = RunOnMachine, [StmtIrql] = RunOnMachine,  [StmtRead] = RunOnMachine,
    [StmtWrite] = RunOnMachine, [StmtDump] = RunDump,      [StmtExpect] = RunExpect,
    [StmtAssert] = RunAssert,  [StmtReset] = RunReset,     [StmtTrim] = RunTrim,
    [StmtWait] = RunWait,      [StmtEcho] = RunEcho,       [StmtPrint] = RunPrint,
    [StmtNarrate] = RunNarrate, [StmtUser] = RunOnMachine, /* tour17 */
};

static int RunStatement(RUNNER *R, const SCRIPT_STMT *St)
{
    uint64_t A[SCRIPT_MAX_ARGS] = {0};
    for (int i = 0; i < St->ArgCount; i++) {
        A[i] = St->Args[i]->Kind == ExprWildcard ? 0 : Eval(R, St->Args[i]);
    }
    if ((size_t)St->Kind >= sizeof(Runners) / sizeof(Runners[0]) || Runners[St->Kind] == NULL) {
        return RunError(R, St, "mmsim run cannot run this statement");
    }
    return Runners[St->Kind](R, St, A);
}

/* ---------------------------------------------------------------------- */
/* Command line.                                                          */
/* ---------------------------------------------------------------------- */
/* The DDIs of the table (sim/mi_ddi_table.h), wrapped at 79 columns. */
static void RunUsageDdis(FILE *Out)
{
    int Column = fprintf(Out, "DDIs (arguments as in C, in the DDI's order; docs/mmsim.md lists them):");
    for (int d = 0; d < DdiCount; d++) {
        int Width = (int)strlen(ScriptDdis[d].Name) + (d + 1 < DdiCount ? 1 : 0);
        if (Column + 1 + Width > 79) {
            fprintf(Out, "\n");
            Column = 0;
        }
        Column += fprintf(Out, "%s%s%s", Column ? " " : "", ScriptDdis[d].Name,
                          d + 1 < DdiCount ? "," : "\n");
    }
}

static void RunUsage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim run [--profile modern|nt5] [--raw] FILE|-\n"
            "\n"
            "Runs a scenario script (- reads standard input) against a fresh simulated\n"
            "machine and prints a transcript. One statement per line, # comments:\n"
            "\n"
            "  [NAME =] DDI(ARG, ...)       call a DDI; NAME keeps the result\n"
            "  irql LEVEL                   raise or lower the IRQL (KeRaiseIrql/KeLowerIrql)\n"
            "  read ADDR [, BYTES]          load from simulated memory\n"
            "  write ADDR [, BYTES [, VALUE]]  store into it (VALUE default 0xAB)\n"
            "  dump pte ADDR | pfn PFN | sysptes | poolused [tag] | mdl MDL | map ADDR | pool ADDR\n"
            "       | pages ADDR, COUNT | stop | memory      WinDbg-style dumps\n"
            "       | vad | address ADDR | user ADDR, PAGES   of the current process\n"
            "  NAME = reserve SIZE [, PROTECT]   user space (ZwAllocateVirtualMemory):\n"
            "  commit ADDR, SIZE [, PROTECT] | decommit ADDR, SIZE | release ADDR\n"
            "  protect ADDR, SIZE, PROTECT | touch ADDR [, BYTES]\n"
            "  NAME = process | attach PROCESS   a second process (0: the initial one)\n"
            "  expect stop CODE [P1 [P2 [P3 [P4]]]]   the next statement stops the machine\n"
            "                               (_ matches any parameter)\n"
            "  expect null | nonnull | status STATUS | raise [STATUS]   about the next call\n"
            "  expect clean                 nothing is left allocated now (SimIsClean)\n"
            "  assert A == B | A != B       compare values\n"
            "  reset [modern|nt5]           a fresh machine (after a stop, too)\n"
            "  trim | wait | echo \"TEXT\" | print VALUE\n"
            "\n"
            "Values: numbers (42, 0x2A), tags as in C ('ruoT' shows as \"Tour\"), names of\n"
            "results, constants (PAGE_SIZE, MmCached, DISPATCH_LEVEL, POOL_FLAG_NON_PAGED,\n"
            "MM_MAPPING_ADDRESS_DIVISIBLE, STATUS_SUCCESS, ...), + - * | & ~ and ( ).\n"
            "\n");
    RunUsageDdis(Out);
    fprintf(Out,
            "\n"
            "  --profile P   modern (default; MMSIM_PROFILE) or nt5\n"
            "  --raw         print host addresses instead of base-relative ones\n"
            "\n"
            "Exit status: 0 the script ran and every expectation held; 1 an expectation\n"
            "failed; 2 usage, or an error in the script (printed as FILE:LINE:COLUMN);\n"
            "86 a statement stopped the machine without an expect stop; 87 a DDI or\n"
            "touch after a stop (reset first); 89 bad MMSIM_* setting. Manual:\n"
            "docs/mmsim.md.\n");
}

static char *ReadAll(FILE *File, size_t *Length)
{
    size_t Capacity = 4096, Used = 0;
    char *Text = (char *)malloc(Capacity);
    if (Text == NULL) {
        return NULL;
    }
    for (;;) {
        if (Used == Capacity) {
            if (Capacity > SCRIPT_MAX_BYTES) {
                break; /* ScriptParse reports the size */
            }
            char *Bigger = (char *)realloc(Text, Capacity * 2);
            if (Bigger == NULL) {
                free(Text);
                return NULL;
            }
            Text = Bigger;
            Capacity *= 2;
        }
        size_t n = fread(Text + Used, 1, Capacity - Used, File);
        Used += n;
        if (n == 0) {
            break;
        }
    }
    if (ferror(File)) {
        free(Text);
        return NULL;
    }
    *Length = Used;
    return Text;
}

int RunScriptText(const char *Name, const char *Text, size_t Length, const SIM_CONFIG *Config,
                  unsigned long Flags, FILE *Out, FILE *Err)
{
    RUNNER R;
    memset(&R, 0, sizeof(R));
    R.Out = Out;
    R.Err = Err;
    R.Flags = (ULONG)Flags;
    R.File = Name;
    R.Config = *Config;
    R.Config.Quiet = TRUE;
    char Error[1024];
    SCRIPT *Script = ScriptParse(Text, Length, Error, sizeof(Error));
    if (Script == NULL) {
        fprintf(Err, "%s:%s\n", R.File, Error);
        return TOOL_EXIT_USAGE;
    }
    R.Script = Script;
    R.Values = (uint64_t *)calloc((size_t)Script->VariableCount + 1, sizeof(uint64_t));
    if (R.Values == NULL || !NT_SUCCESS(SimInitialize(&R.Config))) {
        fprintf(Err, "mmsim run: cannot build the machine\n");
        ScriptFree(Script);
        free(R.Values);
        return SIM_EXIT_CONFIG;
    }
    fprintf(R.Out, "mmsim run %s (profile %s)\n", R.File, SimProfileName(SimGetProfile()));
    int Status = TOOL_EXIT_OK;
    int Run = 0;
    for (int i = 0; i < Script->StatementCount && Status == TOOL_EXIT_OK; i++) {
        const SCRIPT_STMT *St = &Script->Statements[i];
        if (!NarrateBefore(Script, St)) {
            continue; /* narrate.c: `when` for the other profile */
        }
        fprintf(R.Out, "%4d| %s\n", St->Line, St->Text);
        Status = RunStatement(&R, St);
        NarrateAfter(Script, St, R.Values);
        Run++;
    }
    if (Status == TOOL_EXIT_OK) {
        NarrateFinish();
        fprintf(R.Out, "%s: %d statement(s), %d expectation(s) met\n", R.File, Run,
                R.Expectations);
    }
    fflush(R.Out);
    /* The machine goes with the script: no unload check at exit, and a
     * raised IRQL does not outlive it. */
    SimShutdown();
    ScriptFree(Script);
    free(R.Values);
    free(R.Handles);
    free(R.Blocks);
    return Status;
}

int ToolProfileOption(const char *Command, const char *Name, SIM_CONFIG *Config)
{
    if (!SimParseProfile(Name, &Config->Profile)) {
        fprintf(stderr, "mmsim %s: --profile '%s': expected modern or nt5\n", Command, Name);
        return TOOL_EXIT_USAGE;
    }
    return 0;
}

int RunMain(int Argc, char **Argv)
{
    const char *Path = NULL;
    const char *Profile = NULL;
    ULONG Flags = SIM_DUMP_SYMBOLIC;
    for (int i = 1; i < Argc; i++) {
        if (strcmp(Argv[i], "--help") == 0 || strcmp(Argv[i], "-h") == 0) {
            RunUsage(stdout);
            return TOOL_EXIT_OK;
        } else if (strcmp(Argv[i], "--raw") == 0) {
            Flags &= ~(ULONG)SIM_DUMP_SYMBOLIC;
        } else if (strcmp(Argv[i], "--profile") == 0 && i + 1 < Argc) {
            Profile = Argv[++i];
        } else if (strncmp(Argv[i], "--profile=", 10) == 0) {
            Profile = Argv[i] + 10;
        } else if (Path == NULL && (Argv[i][0] != '-' || strcmp(Argv[i], "-") == 0)) {
            Path = Argv[i];
        } else {
            fprintf(stderr, "mmsim run: unknown or extra argument '%s'\n", Argv[i]);
            RunUsage(stderr);
            return TOOL_EXIT_USAGE;
        }
    }
    if (Path == NULL) {
        fprintf(stderr, "mmsim run: which script? (a FILE, or - for standard input)\n");
        RunUsage(stderr);
        return TOOL_EXIT_USAGE;
    }
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    if (Profile != NULL && ToolProfileOption("run", Profile, &Config) != 0) {
        return TOOL_EXIT_USAGE;
    }

    FILE *File = strcmp(Path, "-") == 0 ? stdin : fopen(Path, "rb");
    if (File == NULL) {
        fprintf(stderr, "mmsim run: cannot open '%s': %s\n", Path, strerror(errno));
        return TOOL_EXIT_USAGE;
    }
    size_t Length = 0;
    char *Text = ReadAll(File, &Length);
    if (File != stdin) {
        fclose(File);
    }
    if (Text == NULL) {
        fprintf(stderr, "mmsim run: cannot read '%s'\n", Path);
        return TOOL_EXIT_USAGE;
    }
    int Status = RunScriptText(strcmp(Path, "-") == 0 ? "<stdin>" : Path, Text, Length, &Config,
                               Flags, stdout, stderr);
    free(Text);
    return Status;
}
