/*
 * script.h - the scenario language of `mmsim run` (docs/mmsim.md, "Scenario
 * language"): parsing and static checks. Parsing never touches the simulated
 * machine, so the parser can be fuzzed on its own (tests/teaching/fuzz_*).
 *
 * A script is a list of lines; each holds at most one statement:
 *
 *   base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT')   # a DDI call
 *   irql DISPATCH_LEVEL                                      # raise or lower
 *   read base + 0x10, 4          write base, 16, 0xAB         # touches
 *   dump pte base                                            # WinDbg-style dumps
 *   expect stop 0xDA 0x107                                   # about the next statement
 *   assert va == base                                        # values
 *   reset nt5   trim   wait   echo "text"   print va         # the rest
 *   u = reserve 2 * 1024 * 1024   commit u, PAGE_SIZE         # user space
 */
#ifndef MMSIM_SCRIPT_H
#define MMSIM_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Value types, known statically for every variable at every use. */
typedef enum _SCRIPT_TYPE {
    TypeNumber = 0, /* any integer: sizes, addresses, flags */
    TypeMdl,        /* an MDL the script got from a DDI */
    TypeRegion,     /* a growable region from GrCreate */
    TypeVoid        /* no value (a DDI returning VOID) */
} SCRIPT_TYPE;

#include "../mi_ddi_kinds.h" /* MI_ARG_KINDS, MI_RESULT_KINDS */

/* What a DDI returns (printing differs): MI_RESULT_KINDS of the DDI table. */
typedef enum _SCRIPT_RESULT {
#define X(Res, What) Result##Res,
    MI_RESULT_KINDS(X)
#undef X
} SCRIPT_RESULT;

/* What an argument is: MI_ARG_KINDS of the DDI table. */
typedef enum _SCRIPT_ARG_KIND {
#define X(Kind, CType, What) ScriptArg##Kind,
    MI_ARG_KINDS(X)
#undef X
    ScriptArgKindCount
} SCRIPT_ARG_KIND;

#define SCRIPT_MAX_ARGS 8

/* The DDIs a script can call (and the growable region's Gr* API): the
 * MI_DDI_CALL and MI_DDI_TOOL rows of sim/mi_ddi_table.h, in its order. */
typedef enum _SCRIPT_DDI_ID {
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Result, Args) Ddi##Name,
#define MI_DDI_TOOL(Name, Result, Call, Args) Ddi##Name,
#include "../mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
#undef MI_DDI_TOOL
    DdiCount
} SCRIPT_DDI_ID;

typedef struct _SCRIPT_ARG {
    const char *Name;     /* the parameter's name on the DDI's page */
    SCRIPT_ARG_KIND Kind;
} SCRIPT_ARG;

typedef struct _SCRIPT_DDI {
    const char *Name;
    SCRIPT_RESULT Result;
    int ArgCount;
    SCRIPT_ARG Args[SCRIPT_MAX_ARGS];
    bool IrqlRule; /* an MI_DDI_CALL row (else MI_DDI_TOOL) */
} SCRIPT_DDI;

/* The script type of an argument kind: handles are typed, the rest numbers. */
SCRIPT_TYPE ScriptArgType(SCRIPT_ARG_KIND Kind);
/* What a kind or a result is, in words (docs, --help). */
const char *ScriptArgKindText(SCRIPT_ARG_KIND Kind);
const char *ScriptResultText(SCRIPT_RESULT Result);
/* "Name(Arg1, Arg2)" into Buffer (truncated to Size). */
void ScriptFormatCall(const SCRIPT_DDI *Ddi, char *Buffer, size_t Size);

extern const SCRIPT_DDI ScriptDdis[DdiCount];

/* Expressions. */
typedef enum _SCRIPT_EXPR_KIND {
    ExprNumber = 0,
    ExprVariable,
    ExprWildcard, /* `_` in expect stop */
    ExprAdd,
    ExprSub,
    ExprMul,
    ExprOr,
    ExprAnd,
    ExprNeg,
    ExprNot,
    ExprQuery,   /* narration query (narrate.h): Value its index, Left the arguments */
    ExprArgument /* one argument of a query: Left the value, Right the next */
} SCRIPT_EXPR_KIND;

typedef struct _SCRIPT_EXPR {
    SCRIPT_EXPR_KIND Kind;
    SCRIPT_TYPE Type;    /* the type this expression has */
    uint64_t Value;      /* ExprNumber */
    int Variable;        /* ExprVariable: index in SCRIPT.Variables */
    struct _SCRIPT_EXPR *Left, *Right;
    int Line, Column;
} SCRIPT_EXPR;

typedef enum _SCRIPT_STMT_KIND {
    StmtCall = 0,   /* [Target =] Ddi(Args) */
    StmtIrql,       /* irql Args[0] */
    StmtRead,       /* read Args[0] [, Args[1] bytes] */
    StmtWrite,      /* write Args[0] [, Args[1] bytes [, Args[2] value]] */
    StmtDump,       /* dump Sub [Args[0] [, Args[1]]] */
    StmtExpect,     /* expect Sub [Args...] */
    StmtAssert,     /* assert Args[0] (==|!=) Args[1]; Sub = 0 equal, 1 not equal */
    StmtReset,      /* reset [Sub: -1 same, 0 modern, 1 nt5] */
    StmtTrim,
    StmtWait,
    StmtEcho,       /* echo Text */
    StmtPrint,      /* print Args[0] */
    StmtNarrate,    /* narration (narrate.h): Sub the word, Echo the text */
    StmtUser        /* tour17: user address space, Sub a SCRIPT_USER (below) */
} SCRIPT_STMT_KIND;

/* tour17: the user half of reserve/commit, in the current process
 * (docs/mmsim.md, "User space"): each is one Zw*VirtualMemory call (or a
 * process control call) and reports its NTSTATUS, which expect status may
 * check.
 *   NAME = reserve SIZE [, PROTECT]      MEM_RESERVE; NAME: the base
 *   commit ADDR, SIZE [, PROTECT]        MEM_COMMIT (PAGE_READWRITE)
 *   decommit ADDR, SIZE                  MEM_DECOMMIT
 *   release ADDR                         MEM_RELEASE (size 0)
 *   protect ADDR, SIZE, PROTECT          ZwProtectVirtualMemory
 *   touch ADDR [, BYTES]                 reads a byte of every page
 *   NAME = process                       SimCreateProcess
 *   attach EXPR                          SimAttachProcess (0: the initial) */
typedef enum _SCRIPT_USER {
    UserReserve = 0,
    UserCommit,
    UserDecommit,
    UserRelease,
    UserProtect,
    UserTouch,
    UserProcess,
    UserAttach
} SCRIPT_USER;

typedef enum _SCRIPT_DUMP {
    DumpPte = 0,
    DumpPfn,
    DumpSysPtes,
    DumpPoolUsed,
    DumpPoolUsedByTag,
    DumpMdl,
    DumpMap,
    DumpPages,
    DumpStop,
    DumpMemory,
    DumpPool, /* specialpool: !pool ADDR */
    DumpVad,     /* tour17: !vad (the current process) */
    DumpAddress, /* tour17: !address ADDR */
    DumpUser     /* tour17: user PTE strip: ADDR, PAGES */
} SCRIPT_DUMP;

typedef enum _SCRIPT_EXPECT {
    ExpectStop = 0, /* the next statement stops the machine: Args = code [p1..p4] */
    ExpectNull,     /* the next call returns NULL / 0 */
    ExpectNonNull,
    ExpectStatus,   /* the next call returns Args[0] */
    ExpectRaise,    /* the next statement raises (ExRaiseStatus) [Args[0]] */
    ExpectClean     /* now: SimIsClean */
} SCRIPT_EXPECT;

typedef struct _SCRIPT_STMT {
    SCRIPT_STMT_KIND Kind;
    int Line, Column;
    int Target;       /* StmtCall: variable assigned, or -1 */
    SCRIPT_DDI_ID Ddi;
    int Sub;
    int ArgCount;
    SCRIPT_EXPR *Args[SCRIPT_MAX_ARGS];
    char *Text;       /* its source line, trimmed */
    char *Echo;       /* StmtEcho: the string */
    int Option;       /* StmtNarrate: the choice, or the condition (0 ==, 1 !=) */
} SCRIPT_STMT;

typedef struct _SCRIPT_VARIABLE {
    char *Name;
} SCRIPT_VARIABLE;

typedef struct _SCRIPT {
    SCRIPT_STMT *Statements;
    int StatementCount;
    SCRIPT_VARIABLE *Variables;
    int VariableCount;
    /* Internal: allocations to free. */
    void **Allocations;
    size_t AllocationCount, AllocationCapacity;
} SCRIPT;

/* Limits (errors, not crashes, beyond them). */
#define SCRIPT_MAX_BYTES (1u << 20)    /* 1 MiB of script */
#define SCRIPT_MAX_DEPTH 64            /* expression nesting */
#define SCRIPT_MAX_VARIABLES 4096

/* Parses and checks Text (Length bytes, need not be NUL-terminated). On
 * success returns the script; on the first error returns NULL and writes
 * "LINE:COLUMN: error: MESSAGE" plus the source line and a caret to Error.
 * Never crashes, whatever the bytes. */
SCRIPT *ScriptParse(const char *Text, size_t Length, char *Error, size_t ErrorSize);
void ScriptFree(SCRIPT *Script);

/* The name of a known constant with Value (for printing statuses), or NULL.
 * Prefix selects the family ("STATUS_"). */
const char *ScriptConstantName(uint64_t Value, const char *Prefix);

#endif /* MMSIM_SCRIPT_H */
