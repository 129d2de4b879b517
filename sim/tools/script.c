/*
 * script.c - lexer, parser and static checker of the `mmsim run` scenario
 * language (script.h; grammar in docs/mmsim.md). Pure: no simulator state is
 * touched, so arbitrary bytes can be fed to ScriptParse (the fuzz targets do).
 *
 * Errors unwind with longjmp to ScriptParse, which frees everything that was
 * allocated (every allocation is recorded in the SCRIPT).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wdm.h>

#include "narrate.h"
#include "script.h"

/* ---------------------------------------------------------------------- */
/* The DDIs a script may call.                                            */
/* ---------------------------------------------------------------------- */
/* Two passes over sim/mi_ddi_table.h: the arity of each DDI (one MI_ARG is
 * +1), then the rows. */
#define MI_ARG(Index, Kind, Name) +1
enum {
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Result, Args) ScriptArity##Name = 0 Args,
#define MI_DDI_TOOL(Name, Result, Call, Args) ScriptArity##Name = 0 Args,
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
#undef MI_DDI_TOOL
};
#undef MI_ARG

#define MI_ARG(Index, Kind, Name) [Index] = {#Name, ScriptArg##Kind},
const SCRIPT_DDI ScriptDdis[DdiCount] = {
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Res, Args) \
    [Ddi##Name] = {#Name, Result##Res, ScriptArity##Name, {Args}, true},
#define MI_DDI_TOOL(Name, Res, Call, Args) \
    [Ddi##Name] = {#Name, Result##Res, ScriptArity##Name, {Args}, false},
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
#undef MI_DDI_TOOL
};
#undef MI_ARG

SCRIPT_TYPE ScriptArgType(SCRIPT_ARG_KIND Kind)
{
    switch (Kind) {
    case ScriptArgMdl:
    case ScriptArgFreedMdl: return TypeMdl;
    case ScriptArgRegion:
    case ScriptArgFreedRegion: return TypeRegion;
    default: return TypeNumber;
    }
}

const char *ScriptArgKindText(SCRIPT_ARG_KIND Kind)
{
    static const char *const Text[ScriptArgKindCount] = {
#define X(Kind, CType, What) [ScriptArg##Kind] = What,
        MI_ARG_KINDS(X)
#undef X
    };
    return (unsigned)Kind < ScriptArgKindCount ? Text[Kind] : "?";
}

const char *ScriptResultText(SCRIPT_RESULT Result)
{
    static const char *const Text[] = {
#define X(Res, What) [Result##Res] = What,
        MI_RESULT_KINDS(X)
#undef X
    };
    return (unsigned)Result < sizeof(Text) / sizeof(Text[0]) ? Text[Result] : "?";
}

void ScriptFormatCall(const SCRIPT_DDI *Ddi, char *Buffer, size_t Size)
{
    int n = snprintf(Buffer, Size, "%s(", Ddi->Name);
    for (int i = 0; i < Ddi->ArgCount && n >= 0 && (size_t)n < Size; i++) {
        n += snprintf(Buffer + n, Size - (size_t)n, "%s%s", i ? ", " : "", Ddi->Args[i].Name);
    }
    if (n >= 0 && (size_t)n < Size) {
        snprintf(Buffer + n, Size - (size_t)n, ")");
    }
}

/* ---------------------------------------------------------------------- */
/* Constants.                                                             */
/* ---------------------------------------------------------------------- */
typedef struct _SCRIPT_CONSTANT {
    const char *Name;
    uint64_t Value;
} SCRIPT_CONSTANT;

#define C(Name) {#Name, (uint64_t)(Name)}
#define S(Name) {#Name, (uint64_t)(uint32_t)(Name)}
static const SCRIPT_CONSTANT ScriptConstants[] = {
    {"NULL", 0}, {"FALSE", 0}, {"TRUE", 1},
    C(PAGE_SIZE), C(PAGE_SHIFT),
    C(PASSIVE_LEVEL), C(APC_LEVEL), C(DISPATCH_LEVEL), C(HIGH_LEVEL),
    C(MM_MAPPING_ADDRESS_DIVISIBLE),
    C(MM_DONT_ZERO_ALLOCATION), C(MM_ALLOCATE_FULLY_REQUIRED),
    C(MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS), C(MM_ALLOCATE_PREFER_CONTIGUOUS),
    C(MmNonCached), C(MmCached), C(MmWriteCombined),
    C(POOL_FLAG_NON_PAGED), C(POOL_FLAG_PAGED), C(POOL_FLAG_UNINITIALIZED),
    C(POOL_FLAG_RAISE_ON_FAILURE),
    C(NonPagedPool), C(NonPagedPoolNx), C(PagedPool),
    C(KernelMode), C(UserMode), C(IoReadAccess), C(IoWriteAccess), C(IoModifyAccess),
    C(LowPagePriority), C(NormalPagePriority), C(HighPagePriority),
    C(MdlMappingNoWrite), C(MdlMappingNoExecute),
    {"GrStrategyAuto", 0}, {"GrStrategyDivisible", 1}, {"GrStrategyRemap", 2},
    S(STATUS_SUCCESS), S(STATUS_PENDING), S(STATUS_UNSUCCESSFUL), S(STATUS_ACCESS_VIOLATION),
    S(STATUS_INVALID_PARAMETER), S(STATUS_INSUFFICIENT_RESOURCES), S(STATUS_NOT_SUPPORTED),
    S(STATUS_DELETE_PENDING), S(STATUS_INTERNAL_ERROR), S(STATUS_NO_MEMORY),
    S(STATUS_ASSERTION_FAILURE),
    /* tour17: the user half (Zw*VirtualMemory). */
    C(MEM_COMMIT), C(MEM_RESERVE), C(MEM_DECOMMIT), C(MEM_RELEASE), C(MEM_FREE),
    C(MEM_PRIVATE), C(MEM_RESET), C(MEM_TOP_DOWN),
    C(PAGE_NOACCESS), C(PAGE_READONLY), C(PAGE_READWRITE), C(PAGE_EXECUTE),
    C(PAGE_EXECUTE_READ), C(PAGE_EXECUTE_READWRITE), C(PAGE_GUARD), C(PAGE_NOCACHE),
    C(PAGE_WRITECOMBINE), C(PAGE_WRITECOPY), C(PAGE_EXECUTE_WRITECOPY),
    S(STATUS_CONFLICTING_ADDRESSES), S(STATUS_NOT_COMMITTED), S(STATUS_COMMITMENT_LIMIT),
    S(STATUS_GUARD_PAGE_VIOLATION), S(STATUS_INVALID_PAGE_PROTECTION),
    S(STATUS_MEMORY_NOT_ALLOCATED), S(STATUS_FREE_VM_NOT_AT_BASE), S(STATUS_UNABLE_TO_FREE_VM),
    S(STATUS_INVALID_PARAMETER_2), S(STATUS_INVALID_PARAMETER_3), S(STATUS_INVALID_PARAMETER_4),
    S(STATUS_INVALID_PARAMETER_5), S(STATUS_INVALID_HANDLE), S(STATUS_IN_PAGE_ERROR),
};
#undef C
#undef S

#define CONSTANT_COUNT (sizeof(ScriptConstants) / sizeof(ScriptConstants[0]))

const char *ScriptConstantName(uint64_t Value, const char *Prefix)
{
    size_t PrefixLength = strlen(Prefix);
    for (size_t i = 0; i < CONSTANT_COUNT; i++) {
        if (ScriptConstants[i].Value == Value &&
            strncmp(ScriptConstants[i].Name, Prefix, PrefixLength) == 0) {
            return ScriptConstants[i].Name;
        }
    }
    return NULL;
}

static const SCRIPT_CONSTANT *FindConstant(const char *Name, size_t Length)
{
    for (size_t i = 0; i < CONSTANT_COUNT; i++) {
        if (strlen(ScriptConstants[i].Name) == Length &&
            memcmp(ScriptConstants[i].Name, Name, Length) == 0) {
            return &ScriptConstants[i];
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Parser state.                                                          */
/* ---------------------------------------------------------------------- */
typedef enum _TOKEN_KIND {
    TokEnd = 0,  /* end of input */
    TokNewline,
    TokIdent,
    TokNumber,
    TokTag,
    TokString,
    TokWildcard, /* _ */
    TokPunct     /* Punct holds the character; '=' '!' doubled as "==" "!=" in Text */
} TOKEN_KIND;

typedef struct _TOKEN {
    TOKEN_KIND Kind;
    const char *Start;
    size_t Length;
    uint64_t Value;
    int Line, Column;
} TOKEN;

typedef struct _PARSER {
    const char *Text;
    size_t Length;
    size_t Pos;
    int Line;
    size_t LineStart;
    TOKEN Token;          /* current token */
    SCRIPT *Script;
    char *Error;
    size_t ErrorSize;
    jmp_buf Fail;
    int Depth;
    /* Static state of variables as the script is read. */
    SCRIPT_TYPE *VarTypes;
    int *VarDefined;      /* line of the last assignment, 0 if none yet */
    int VarCapacity;
    int PendingExpect;    /* -1, or the SCRIPT_EXPECT of the expect before */
    int PendingLine, PendingColumn;
    size_t StatementLineStart; /* where the statement's line begins */
    SCRIPT_TYPE Wanted;   /* the type the DDI argument being read must have */
} PARSER;

static void *Allocate(PARSER *P, size_t Bytes);

_Noreturn static void Error(PARSER *P, int Line, int Column, const char *Format, ...)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 4, 5)));
_Noreturn static void Error(PARSER *P, int Line, int Column, const char *Format, ...)
{
    if (P->Error != NULL && P->ErrorSize > 0) {
        int n = snprintf(P->Error, P->ErrorSize, "%d:%d: error: ", Line, Column);
        va_list Args;
        va_start(Args, Format);
        if (n >= 0 && (size_t)n < P->ErrorSize) {
            int k = vsnprintf(P->Error + n, P->ErrorSize - (size_t)n, Format, Args);
            n = k >= 0 ? n + k : n;
        }
        va_end(Args);
        /* The source line and a caret under the column. */
        size_t Start = 0;
        int L = 1;
        for (size_t i = 0; i < P->Length && L < Line; i++) {
            if (P->Text[i] == '\n') {
                L++;
                Start = i + 1;
            }
        }
        if (L == Line && n >= 0 && (size_t)n < P->ErrorSize) {
            char Source[161];
            size_t k = 0;
            for (size_t i = Start; i < P->Length && P->Text[i] != '\n' && k < 160; i++) {
                unsigned char c = (unsigned char)P->Text[i];
                Source[k++] = c == '\t' ? ' ' : (c >= 0x20 && c < 0x7F) ? (char)c : '?';
            }
            Source[k] = '\0';
            int Caret = Column - 1 < 160 ? Column - 1 : 160;
            snprintf(P->Error + n, P->ErrorSize - (size_t)n, "\n    %s\n    %*s^", Source,
                     Caret < 0 ? 0 : Caret, "");
        }
    }
    longjmp(P->Fail, 1);
}

static void *Allocate(PARSER *P, size_t Bytes)
{
    SCRIPT *S = P->Script;
    if (S->AllocationCount == S->AllocationCapacity) {
        size_t Capacity = S->AllocationCapacity ? S->AllocationCapacity * 2 : 64;
        void **List = (void **)realloc(S->Allocations, Capacity * sizeof(void *));
        if (List == NULL) {
            Error(P, P->Line, 1, "out of memory");
        }
        S->Allocations = List;
        S->AllocationCapacity = Capacity;
    }
    void *Memory = calloc(1, Bytes ? Bytes : 1);
    if (Memory == NULL) {
        Error(P, P->Line, 1, "out of memory");
    }
    S->Allocations[S->AllocationCount++] = Memory;
    return Memory;
}

static char *CopyText(PARSER *P, const char *Text, size_t Length)
{
    char *Copy = (char *)Allocate(P, Length + 1);
    memcpy(Copy, Text, Length);
    Copy[Length] = '\0';
    return Copy;
}

/* ---------------------------------------------------------------------- */
/* Lexer.                                                                 */
/* ---------------------------------------------------------------------- */
static int ColumnOf(const PARSER *P, size_t Pos)
{
    return (int)(Pos - P->LineStart) + 1;
}

static bool IsIdentStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool IsIdentChar(char c)
{
    return IsIdentStart(c) || (c >= '0' && c <= '9');
}

/* A description of the current token for messages. */
static const char *Describe(const PARSER *P, char *Buffer, size_t Size)
{
    const TOKEN *T = &P->Token;
    switch (T->Kind) {
    case TokEnd: return "the end of the script";
    case TokNewline: return "the end of the line";
    case TokString: return "a string";
    default: break;
    }
    size_t n = T->Length < 40 ? T->Length : 40;
    char Text[48];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)T->Start[i];
        Text[k++] = c >= 0x20 && c < 0x7F ? (char)c : '?';
    }
    Text[k] = '\0';
    snprintf(Buffer, Size, "'%s'%s", Text, T->Length > 40 ? "..." : "");
    return Buffer;
}

/* Blanks and comments (not newlines). */
static void SkipBlanks(PARSER *P)
{
    for (;;) {
        if (P->Pos >= P->Length) {
            break;
        }
        char c = P->Text[P->Pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            P->Pos++;
        } else if (c == '#') {
            while (P->Pos < P->Length && P->Text[P->Pos] != '\n') {
                P->Pos++;
            }
        } else {
            break;
        }
    }
}

/* A decimal or 0x hexadecimal number at P->Pos, into T. */
static void LexNumber(PARSER *P, TOKEN *T, char c)
{
    size_t End = P->Pos;
    uint64_t Value = 0;
    bool Hex = c == '0' && End + 1 < P->Length && (P->Text[End + 1] == 'x' || P->Text[End + 1] == 'X');
    if (Hex) {
        End += 2;
        size_t Digits = 0;
        while (End < P->Length) {
            char d = P->Text[End];
            int v = d >= '0' && d <= '9' ? d - '0'
                    : d >= 'a' && d <= 'f' ? d - 'a' + 10
                    : d >= 'A' && d <= 'F' ? d - 'A' + 10
                                           : -1;
            if (v < 0) {
                break;
            }
            if (Value >> 60) {
                Error(P, T->Line, T->Column, "number does not fit in 64 bits");
            }
            Value = Value * 16 + (uint64_t)v;
            Digits++;
            End++;
        }
        if (Digits == 0) {
            Error(P, T->Line, T->Column, "expected hexadecimal digits after '0x'");
        }
    } else {
        while (End < P->Length && P->Text[End] >= '0' && P->Text[End] <= '9') {
            uint64_t d = (uint64_t)(P->Text[End] - '0');
            if (Value > (UINT64_MAX - d) / 10) {
                Error(P, T->Line, T->Column, "number does not fit in 64 bits");
            }
            Value = Value * 10 + d;
            End++;
        }
    }
    if (End < P->Length && IsIdentChar(P->Text[End])) {
        Error(P, T->Line, ColumnOf(P, End), "unexpected '%c' in a number", P->Text[End]);
    }
    T->Kind = TokNumber;
    T->Value = Value;
    T->Length = End - P->Pos;
    P->Pos = End;
}

/* A multi-character constant, as C compilers read 'ruoT': the first
 * character is the most significant byte. */
static void LexTag(PARSER *P, TOKEN *T)
{
    size_t End = P->Pos + 1;
    uint64_t Value = 0;
    int Count = 0;
    while (End < P->Length && P->Text[End] != '\'' && P->Text[End] != '\n') {
        unsigned char d = (unsigned char)P->Text[End];
        if (d < 0x20 || d >= 0x7F || d == '\\') {
            Error(P, T->Line, ColumnOf(P, End),
                  "a tag literal holds printable characters only (no escapes)");
        }
        if (++Count > 4) {
            Error(P, T->Line, T->Column, "a tag literal has 1 to 4 characters");
        }
        Value = (Value << 8) | d;
        End++;
    }
    if (End >= P->Length || P->Text[End] != '\'') {
        Error(P, T->Line, T->Column, "unterminated tag literal: expected a closing '");
    }
    if (Count == 0) {
        Error(P, T->Line, T->Column, "a tag literal has 1 to 4 characters");
    }
    T->Kind = TokTag;
    T->Value = Value;
    T->Length = End + 1 - P->Pos;
    P->Pos = End + 1;
}

/* A "string" on one line; T holds its contents without the quotes. */
static void LexString(PARSER *P, TOKEN *T)
{
    size_t End = P->Pos + 1;
    while (End < P->Length && P->Text[End] != '"' && P->Text[End] != '\n') {
        End++;
    }
    if (End >= P->Length || P->Text[End] != '"') {
        Error(P, T->Line, T->Column, "unterminated string: expected a closing \"");
    }
    T->Kind = TokString;
    T->Start = P->Text + P->Pos + 1;
    T->Length = End - P->Pos - 1;
    P->Pos = End + 1;
}

static void Next(PARSER *P)
{
    SkipBlanks(P);
    TOKEN *T = &P->Token;
    memset(T, 0, sizeof(*T));
    T->Line = P->Line;
    T->Column = ColumnOf(P, P->Pos);
    T->Start = P->Text + P->Pos;
    if (P->Pos >= P->Length) {
        T->Kind = TokEnd;
        return;
    }
    char c = P->Text[P->Pos];
    if (c == '\n') {
        T->Kind = TokNewline;
        T->Length = 1;
        P->Pos++;
        P->Line++;
        P->LineStart = P->Pos;
        return;
    }
    if (IsIdentStart(c)) {
        size_t End = P->Pos;
        while (End < P->Length && IsIdentChar(P->Text[End])) {
            End++;
        }
        T->Length = End - P->Pos;
        T->Kind = T->Length == 1 && c == '_' ? TokWildcard : TokIdent;
        P->Pos = End;
        if (T->Length > 64) {
            Error(P, T->Line, T->Column, "a name is at most 64 characters long");
        }
        return;
    }
    if (c >= '0' && c <= '9') {
        LexNumber(P, T, c);
        return;
    }
    if (c == '\'') {
        LexTag(P, T);
        return;
    }
    if (c == '"') {
        LexString(P, T);
        return;
    }
    if ((c == '=' || c == '!') && P->Pos + 1 < P->Length && P->Text[P->Pos + 1] == '=') {
        T->Kind = TokPunct;
        T->Value = (uint64_t)(unsigned char)c | 0x100; /* "==" or "!=" */
        T->Length = 2;
        P->Pos += 2;
        return;
    }
    if (strchr("(),=+-*|&~", c) != NULL) {
        T->Kind = TokPunct;
        T->Value = (uint64_t)(unsigned char)c;
        T->Length = 1;
        P->Pos++;
        return;
    }
    if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F) {
        Error(P, T->Line, T->Column, "unexpected character '%c'", c);
    }
    Error(P, T->Line, T->Column, "unexpected byte 0x%02x", (unsigned)(unsigned char)c);
}

static bool IsPunct(const PARSER *P, int c)
{
    return P->Token.Kind == TokPunct && P->Token.Value == (uint64_t)c;
}

static bool IsWord(const PARSER *P, const char *Word)
{
    return P->Token.Kind == TokIdent && P->Token.Length == strlen(Word) &&
           memcmp(P->Token.Start, Word, P->Token.Length) == 0;
}

static void ExpectPunct(PARSER *P, int c, const char *Where)
{
    if (!IsPunct(P, c)) {
        char D[64];
        Error(P, P->Token.Line, P->Token.Column, "expected '%c' %s, found %s", c, Where,
              Describe(P, D, sizeof(D)));
    }
    Next(P);
}

/* ---------------------------------------------------------------------- */
/* Variables.                                                             */
/* ---------------------------------------------------------------------- */
static int FindVariable(PARSER *P, const char *Name, size_t Length)
{
    for (int i = 0; i < P->Script->VariableCount; i++) {
        const char *V = P->Script->Variables[i].Name;
        if (strlen(V) == Length && memcmp(V, Name, Length) == 0) {
            return i;
        }
    }
    return -1;
}

static int AddVariable(PARSER *P, const char *Name, size_t Length)
{
    int Index = FindVariable(P, Name, Length);
    if (Index >= 0) {
        return Index;
    }
    SCRIPT *S = P->Script;
    if (S->VariableCount >= SCRIPT_MAX_VARIABLES) {
        Error(P, P->Token.Line, P->Token.Column, "too many variables (at most %d)",
              SCRIPT_MAX_VARIABLES);
    }
    if (S->VariableCount == P->VarCapacity) {
        int Capacity = P->VarCapacity ? P->VarCapacity * 2 : 16;
        SCRIPT_VARIABLE *Vars = (SCRIPT_VARIABLE *)Allocate(P, (size_t)Capacity * sizeof(*Vars));
        SCRIPT_TYPE *Types = (SCRIPT_TYPE *)Allocate(P, (size_t)Capacity * sizeof(*Types));
        int *Defined = (int *)Allocate(P, (size_t)Capacity * sizeof(*Defined));
        if (S->VariableCount > 0) {
            memcpy(Vars, S->Variables, (size_t)S->VariableCount * sizeof(*Vars));
            memcpy(Types, P->VarTypes, (size_t)S->VariableCount * sizeof(*Types));
            memcpy(Defined, P->VarDefined, (size_t)S->VariableCount * sizeof(*Defined));
        }
        S->Variables = Vars;
        P->VarTypes = Types;
        P->VarDefined = Defined;
        P->VarCapacity = Capacity;
    }
    S->Variables[S->VariableCount].Name = CopyText(P, Name, Length);
    P->VarTypes[S->VariableCount] = TypeNumber;
    P->VarDefined[S->VariableCount] = 0;
    return S->VariableCount++;
}

static const char *TypeName(SCRIPT_TYPE Type)
{
    switch (Type) {
    case TypeMdl: return "an MDL";
    case TypeRegion: return "a growable region";
    case TypeVoid: return "nothing";
    default: return "a number";
    }
}

/* ---------------------------------------------------------------------- */
/* Expressions.                                                           */
/* ---------------------------------------------------------------------- */
static SCRIPT_EXPR *NewExpr(PARSER *P, SCRIPT_EXPR_KIND Kind, const TOKEN *At)
{
    SCRIPT_EXPR *E = (SCRIPT_EXPR *)Allocate(P, sizeof(*E));
    E->Kind = Kind;
    E->Type = TypeNumber;
    E->Line = At->Line;
    E->Column = At->Column;
    return E;
}

static SCRIPT_EXPR *ParseExpr(PARSER *P, bool AllowWildcard);

/* ---- Narration (narrate.h): queries and statements, parsed from its tables. */
static SCRIPT_EXPR *ParseQuery(PARSER *P, const TOKEN *At)
{
    const NARRATE_QUERY *Q = &NarrateQueries[NarrateFindQuery(At->Start, At->Length)];
    SCRIPT_EXPR *E = NewExpr(P, ExprQuery, At);
    E->Value = (uint64_t)NarrateFindQuery(At->Start, At->Length);
    SCRIPT_EXPR **Link = &E->Left;
    Next(P);
    ExpectPunct(P, '(', "after the query's name");
    int i = 0;
    for (; i < Q->ArgCount && !IsPunct(P, ')'); i++) {
        if (i > 0) {
            ExpectPunct(P, ',', "between the query's arguments");
        }
        TOKEN ArgAt = P->Token;
        SCRIPT_EXPR *Arg = NewExpr(P, ExprArgument, &ArgAt);
        Arg->Left = ParseExpr(P, false);
        if (Q->ArgTypes[i] != TypeNumber && Arg->Left->Type != Q->ArgTypes[i]) {
            Error(P, ArgAt.Line, ArgAt.Column, "argument %d of %s must be %s, but this is %s",
                  i + 1, Q->Name, TypeName(Q->ArgTypes[i]), TypeName(Arg->Left->Type));
        }
        *Link = Arg;
        Link = &Arg->Right;
    }
    if (i != Q->ArgCount || !IsPunct(P, ')')) {
        Error(P, P->Token.Line, P->Token.Column, "%s takes %d argument%s: %s", Q->Name,
              Q->ArgCount, Q->ArgCount == 1 ? "" : "s", Q->Meaning);
    }
    Next(P);
    return E;
}

static SCRIPT_STMT *NewStatement(PARSER *P, SCRIPT_STMT_KIND Kind, const TOKEN *At);

/* "NAME =" (not "=="): a name such as `result` is still a variable there. */
static bool IsAssignment(const PARSER *P)
{
    size_t i = P->Pos;
    while (i < P->Length && (P->Text[i] == ' ' || P->Text[i] == '\t')) {
        i++;
    }
    return i < P->Length && P->Text[i] == '=' && (i + 1 >= P->Length || P->Text[i + 1] != '=');
}

static SCRIPT_STMT *ParseNarration(PARSER *P, const TOKEN *At, int Word)
{
    const NARRATE_WORD *W = &NarrateWords[Word];
    SCRIPT_STMT *St = NewStatement(P, StmtNarrate, At);
    char D[64];
    St->Sub = Word;
    Next(P);
    if (W->Shape & NARRATE_CHOICE) {
        St->Option = -1;
        for (int i = 0; i < 3 && W->Choices[i] != NULL && St->Option < 0; i++) {
            St->Option = IsWord(P, W->Choices[i]) ? i : -1;
        }
        if (St->Option < 0) {
            Error(P, P->Token.Line, P->Token.Column, "expected %s or %s after %s, found %s",
                  W->Choices[0], W->Choices[1], W->Word, Describe(P, D, sizeof(D)));
        }
        Next(P);
    }
    if (W->Shape & NARRATE_TEXT) {
        if (P->Token.Kind != TokString) {
            Error(P, P->Token.Line, P->Token.Column, "expected a \"string\" after %s, found %s",
                  W->Word, Describe(P, D, sizeof(D)));
        }
        St->Echo = CopyText(P, P->Token.Start, P->Token.Length);
        Next(P);
    }
    bool More = (W->Shape & NARRATE_ARGS) && (!(W->Shape & NARRATE_TEXT) || IsPunct(P, ','));
    while (More && St->ArgCount < W->MaxArgs) {
        if (St->ArgCount > 0 || (W->Shape & NARRATE_TEXT)) {
            ExpectPunct(P, ',', "before the next value");
        }
        TOKEN ArgAt = P->Token;
        St->Args[St->ArgCount] = ParseExpr(P, false);
        if (W->ArgType != TypeNumber && St->Args[St->ArgCount]->Type != W->ArgType) {
            Error(P, ArgAt.Line, ArgAt.Column, "%s takes %s, but this is %s", W->Word,
                  TypeName(W->ArgType), TypeName(St->Args[St->ArgCount]->Type));
        }
        St->ArgCount++;
        More = IsPunct(P, ',');
    }
    if (St->ArgCount < W->MinArgs) {
        Error(P, P->Token.Line, P->Token.Column, "%s needs %d value%s", W->Word, W->MinArgs,
              W->MinArgs == 1 ? "" : "s");
    }
    if (W->Shape & NARRATE_CONDITION) {
        St->Args[0] = ParseExpr(P, false);
        if (!IsPunct(P, 0x100 | '=') && !IsPunct(P, 0x100 | '!')) {
            Error(P, P->Token.Line, P->Token.Column, "expected '==' or '!=' in %s, found %s",
                  W->Word, Describe(P, D, sizeof(D)));
        }
        St->Option = IsPunct(P, 0x100 | '!') ? 1 : 0;
        Next(P);
        St->Args[1] = ParseExpr(P, false);
        St->ArgCount = 2;
    }
    return St;
}

static SCRIPT_EXPR *ParsePrimary(PARSER *P, bool AllowWildcard)
{
    TOKEN At = P->Token;
    char D[64];
    if (++P->Depth > SCRIPT_MAX_DEPTH) {
        Error(P, At.Line, At.Column, "expression nested too deeply (at most %d levels)",
              SCRIPT_MAX_DEPTH);
    }
    SCRIPT_EXPR *E;
    if (IsPunct(P, '-') || IsPunct(P, '~')) {
        bool Neg = IsPunct(P, '-');
        Next(P);
        E = NewExpr(P, Neg ? ExprNeg : ExprNot, &At);
        E->Left = ParsePrimary(P, false);
    } else if (IsPunct(P, '(')) {
        Next(P);
        E = ParseExpr(P, false);
        ExpectPunct(P, ')', "to close the parenthesis");
    } else if (At.Kind == TokNumber || At.Kind == TokTag) {
        E = NewExpr(P, ExprNumber, &At);
        E->Value = At.Value;
        Next(P);
    } else if (At.Kind == TokWildcard) {
        if (!AllowWildcard) {
            Error(P, At.Line, At.Column, "'_' (any value) is only allowed in 'expect stop'");
        }
        E = NewExpr(P, ExprWildcard, &At);
        Next(P);
    } else if (At.Kind == TokIdent && P->Pos < P->Length && P->Text[P->Pos] == '(' &&
               NarrateFindQuery(At.Start, At.Length) >= 0) {
        E = ParseQuery(P, &At); /* narration query, NAME(ARGS): narrate.h */
    } else if (At.Kind == TokIdent) {
        const SCRIPT_CONSTANT *Constant = FindConstant(At.Start, At.Length);
        if (Constant != NULL) {
            E = NewExpr(P, ExprNumber, &At);
            E->Value = Constant->Value;
        } else {
            int Index = FindVariable(P, At.Start, At.Length);
            if (Index < 0 || P->VarDefined[Index] == 0) {
                for (int d = 0; d < DdiCount; d++) {
                    if (strlen(ScriptDdis[d].Name) == At.Length &&
                        memcmp(ScriptDdis[d].Name, At.Start, At.Length) == 0) {
                        Error(P, At.Line, At.Column,
                              "%s is a DDI: a call is a statement of its own, not part of "
                              "an expression (assign its result to a variable first)",
                              ScriptDdis[d].Name);
                    }
                }
                /* The example DDI returns what the argument needs. */
                const char *Example = P->Wanted == TypeMdl      ? "MmAllocatePagesForMdlEx"
                                      : P->Wanted == TypeRegion ? "GrCreate"
                                                                : "MmAllocateMappingAddress";
                Error(P, At.Line, At.Column,
                      "%s is not defined: assign it from a DDI call first, as in "
                      "\"%.*s = %s(...)\"",
                      Describe(P, D, sizeof(D)), (int)At.Length, At.Start, Example);
            }
            E = NewExpr(P, ExprVariable, &At);
            E->Variable = Index;
            E->Type = P->VarTypes[Index];
        }
        Next(P);
    } else {
        Error(P, At.Line, At.Column, "expected a value (a number, a 'tag', a name or '('), found %s",
              Describe(P, D, sizeof(D)));
    }
    P->Depth--;
    return E;
}

static SCRIPT_EXPR *ParseTerm(PARSER *P, bool AllowWildcard)
{
    SCRIPT_EXPR *Left = ParsePrimary(P, AllowWildcard);
    while (IsPunct(P, '*')) {
        TOKEN At = P->Token;
        Next(P);
        SCRIPT_EXPR *E = NewExpr(P, ExprMul, &At);
        E->Left = Left;
        E->Right = ParsePrimary(P, false);
        Left = E;
    }
    return Left;
}

static SCRIPT_EXPR *ParseExpr(PARSER *P, bool AllowWildcard)
{
    if (++P->Depth > SCRIPT_MAX_DEPTH) {
        Error(P, P->Token.Line, P->Token.Column, "expression nested too deeply (at most %d levels)",
              SCRIPT_MAX_DEPTH);
    }
    SCRIPT_EXPR *Left = ParseTerm(P, AllowWildcard);
    while (IsPunct(P, '+') || IsPunct(P, '-') || IsPunct(P, '|') || IsPunct(P, '&')) {
        TOKEN At = P->Token;
        SCRIPT_EXPR_KIND Kind = IsPunct(P, '+')   ? ExprAdd
                                : IsPunct(P, '-') ? ExprSub
                                : IsPunct(P, '|') ? ExprOr
                                                  : ExprAnd;
        Next(P);
        SCRIPT_EXPR *E = NewExpr(P, Kind, &At);
        E->Left = Left;
        E->Right = ParseTerm(P, false);
        Left = E;
    }
    P->Depth--;
    return Left;
}

/* ---------------------------------------------------------------------- */
/* Statements.                                                            */
/* ---------------------------------------------------------------------- */
static SCRIPT_STMT *NewStatement(PARSER *P, SCRIPT_STMT_KIND Kind, const TOKEN *At)
{
    SCRIPT *S = P->Script;
    if ((S->StatementCount & (S->StatementCount - 1)) == 0) {
        /* Grow at powers of two. */
        int Capacity = S->StatementCount ? S->StatementCount * 2 : 16;
        SCRIPT_STMT *List = (SCRIPT_STMT *)Allocate(P, (size_t)Capacity * sizeof(*List));
        if (S->StatementCount > 0) {
            memcpy(List, S->Statements, (size_t)S->StatementCount * sizeof(*List));
        }
        S->Statements = List;
    }
    SCRIPT_STMT *St = &S->Statements[S->StatementCount++];
    memset(St, 0, sizeof(*St));
    St->Kind = Kind;
    St->Line = At->Line;
    St->Column = At->Column;
    St->Target = -1;
    St->Sub = -1;
    /* The source line, for the transcript. */
    size_t Start = P->StatementLineStart, End = Start;
    while (End < P->Length && P->Text[End] != '\n') {
        End++;
    }
    while (End > Start && (P->Text[End - 1] == ' ' || P->Text[End - 1] == '\t' ||
                           P->Text[End - 1] == '\r')) {
        End--;
    }
    while (Start < End && (P->Text[Start] == ' ' || P->Text[Start] == '\t')) {
        Start++;
    }
    St->Text = CopyText(P, P->Text + Start, End - Start);
    for (char *c = St->Text; *c; c++) {
        if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7F) {
            *c = '?';
        }
    }
    return St;
}

static void ParseCall(PARSER *P, SCRIPT_STMT *St, const TOKEN *Name)
{
    int Ddi = -1;
    for (int d = 0; d < DdiCount; d++) {
        if (strlen(ScriptDdis[d].Name) == Name->Length &&
            memcmp(ScriptDdis[d].Name, Name->Start, Name->Length) == 0) {
            Ddi = d;
        }
    }
    if (Ddi < 0) {
        Error(P, Name->Line, Name->Column,
              "'%.*s' is not a DDI mmsim run knows (see `mmsim run --help` for the list)",
              (int)Name->Length, Name->Start);
    }
    const SCRIPT_DDI *D = &ScriptDdis[Ddi];
    St->Ddi = (SCRIPT_DDI_ID)Ddi;
    ExpectPunct(P, '(', "after the DDI's name");
    int Count = 0;
    if (!IsPunct(P, ')')) {
        for (;;) {
            TOKEN At = P->Token;
            if (Count >= D->ArgCount) {
                Error(P, At.Line, At.Column, "%s takes %d argument%s, found more", D->Name,
                      D->ArgCount, D->ArgCount == 1 ? "" : "s");
            }
            SCRIPT_TYPE Type = ScriptArgType(D->Args[Count].Kind);
            P->Wanted = Type;
            SCRIPT_EXPR *E = ParseExpr(P, false);
            P->Wanted = TypeNumber;
            if (Type != TypeNumber && E->Type != Type) {
                Error(P, At.Line, At.Column,
                      "argument %d of %s (%s) must be %s, but this is %s", Count + 1, D->Name,
                      D->Args[Count].Name, TypeName(Type), TypeName(E->Type));
            }
            St->Args[Count++] = E;
            if (IsPunct(P, ',')) {
                Next(P);
                continue;
            }
            break;
        }
    }
    if (!IsPunct(P, ')')) {
        char Dsc[64];
        Error(P, P->Token.Line, P->Token.Column,
              "expected ',' or ')' after argument %d of %s, found %s", Count, D->Name,
              Describe(P, Dsc, sizeof(Dsc)));
    }
    if (Count != D->ArgCount) {
        char List[256] = "";
        for (int i = 0; i < D->ArgCount; i++) {
            size_t Used = strlen(List);
            snprintf(List + Used, sizeof(List) - Used, "%s%s", i ? ", " : "", D->Args[i].Name);
        }
        Error(P, P->Token.Line, P->Token.Column, "%s takes %d argument%s (%s), found %d", D->Name,
              D->ArgCount, D->ArgCount == 1 ? "" : "s", List, Count);
    }
    St->ArgCount = Count;
    Next(P);
}

/* After a statement: nothing but the end of the line. */
static bool AtLineEnd(const PARSER *P)
{
    return P->Token.Kind == TokNewline || P->Token.Kind == TokEnd;
}

/* ---- The statements, one parse function each (Statements[] below) ---- */

/* trim, wait (and the first word of every statement) */
static SCRIPT_STMT *ParseNoOperand(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = NewStatement(P, Kind, At);
    Next(P);
    return St;
}

/* irql EXPR, print EXPR */
static SCRIPT_STMT *ParseOneExpr(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseNoOperand(P, At, Kind);
    St->Args[0] = ParseExpr(P, false);
    St->ArgCount = 1;
    return St;
}

/* echo "TEXT" (the string in St->Echo) */
static SCRIPT_STMT *ParseStringOperand(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseNoOperand(P, At, Kind);
    if (P->Token.Kind != TokString) {
        char D[64];
        Error(P, P->Token.Line, P->Token.Column, "expected a \"string\" after %.*s, found %s",
              (int)At->Length, At->Start, Describe(P, D, sizeof(D)));
    }
    St->Echo = CopyText(P, P->Token.Start, P->Token.Length);
    Next(P);
    return St;
}

/* read EXPR [, BYTES]   write EXPR [, BYTES [, VALUE]] */
static SCRIPT_STMT *ParseTouch(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseOneExpr(P, At, Kind);
    while (IsPunct(P, ',') && St->ArgCount < (Kind == StmtWrite ? 3 : 2)) {
        Next(P);
        SCRIPT_EXPR *E = ParseExpr(P, false);
        St->Args[St->ArgCount++] = E;
    }
    return St;
}

/* dump WHAT [ARGS]: what each dump takes. */
static const struct {
    const char *Word;
    SCRIPT_DUMP Dump;
    int Args; /* required arguments */
} Dumps[] = {{"pte", DumpPte, 1},         {"pfn", DumpPfn, 1},
             {"sysptes", DumpSysPtes, 0}, {"poolused", DumpPoolUsed, 0},
             {"mdl", DumpMdl, 1},         {"map", DumpMap, 1},
             {"pages", DumpPages, 2},     {"stop", DumpStop, 0},
             {"memory", DumpMemory, 0},   {"pool", DumpPool, 1} /* specialpool */,
             /* tour17: user space */
             {"vad", DumpVad, 0},         {"address", DumpAddress, 1},
             {"user", DumpUser, 2}};

static void ParseDumpArgument(PARSER *P, SCRIPT_STMT *St, const char *Word)
{
    TOKEN ArgAt = P->Token;
    if (AtLineEnd(P)) {
        Error(P, ArgAt.Line, ArgAt.Column, "dump %s needs %s", Word,
              St->Sub == DumpPfn ? "a page frame number"
              : St->Sub == DumpMdl ? "an MDL"
                                   : "an address");
    }
    SCRIPT_EXPR *E = ParseExpr(P, false);
    St->Args[St->ArgCount++] = E;
    if (St->Sub == DumpMdl && St->Args[0]->Type != TypeMdl) {
        Error(P, ArgAt.Line, ArgAt.Column, "dump mdl needs an MDL, but this is %s",
              TypeName(St->Args[0]->Type));
    }
}

static SCRIPT_STMT *ParseDump(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseNoOperand(P, At, Kind);
    int Found = -1;
    for (size_t i = 0; i < sizeof(Dumps) / sizeof(Dumps[0]); i++) {
        if (IsWord(P, Dumps[i].Word)) {
            Found = (int)i;
        }
    }
    if (Found < 0) {
        char D[64];
        Error(P, P->Token.Line, P->Token.Column,
              "expected what to dump (pte, pfn, sysptes, poolused, mdl, map, pages, stop, "
              "memory, pool, vad, address, user), found %s",
              Describe(P, D, sizeof(D)));
    }
    St->Sub = (int)Dumps[Found].Dump;
    Next(P);
    if (St->Sub == DumpPoolUsed && IsWord(P, "tag")) {
        St->Sub = DumpPoolUsedByTag;
        Next(P);
    }
    for (int i = 0; i < Dumps[Found].Args; i++) {
        if (i > 0) {
            ExpectPunct(P, ',', St->Sub == DumpUser
                                    ? "between the arguments of dump user (address, pages)"
                                    : "between the arguments of dump pages (address, count)");
        }
        ParseDumpArgument(P, St, Dumps[Found].Word);
    }
    return St;
}

/* expect stop CODE [P1..P4] | null | nonnull | status EXPR | raise [EXPR] | clean */
static void ParseExpectWhat(PARSER *P, SCRIPT_STMT *St)
{
    char D[64];
    if (IsWord(P, "stop")) {
        St->Sub = ExpectStop;
        Next(P);
        if (AtLineEnd(P)) {
            Error(P, P->Token.Line, P->Token.Column,
                  "expect stop needs the bug check code, as in \"expect stop 0xDA 0x107\"");
        }
        while (St->ArgCount < 5 && !AtLineEnd(P)) {
            SCRIPT_EXPR *E = ParseExpr(P, St->ArgCount > 0);
            St->Args[St->ArgCount++] = E;
        }
    } else if (IsWord(P, "null") || IsWord(P, "nonnull") || IsWord(P, "clean")) {
        St->Sub = IsWord(P, "null") ? ExpectNull : IsWord(P, "nonnull") ? ExpectNonNull : ExpectClean;
        Next(P);
    } else if (IsWord(P, "status")) {
        St->Sub = ExpectStatus;
        Next(P);
        St->Args[0] = ParseExpr(P, false);
        St->ArgCount = 1;
    } else if (IsWord(P, "raise")) {
        St->Sub = ExpectRaise;
        Next(P);
        if (!AtLineEnd(P)) {
            St->Args[0] = ParseExpr(P, false);
            St->ArgCount = 1;
        }
    } else {
        Error(P, P->Token.Line, P->Token.Column,
              "expected stop, null, nonnull, status, raise or clean after expect, found %s",
              Describe(P, D, sizeof(D)));
    }
}

static SCRIPT_STMT *ParseExpect(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseNoOperand(P, At, Kind);
    if (P->PendingExpect >= 0) {
        Error(P, At->Line, At->Column,
              "expect follows another expect: each expect is about the one statement "
              "after it");
    }
    ParseExpectWhat(P, St);
    if (St->Sub != ExpectClean) {
        P->PendingExpect = St->Sub;
        P->PendingLine = At->Line;
        P->PendingColumn = At->Column;
    }
    return St;
}

/* assert EXPR == EXPR | assert EXPR != EXPR (Sub 0 equal, 1 not equal) */
static SCRIPT_STMT *ParseAssert(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseOneExpr(P, At, Kind);
    if (IsPunct(P, 0x100 | '=')) {
        St->Sub = 0;
    } else if (IsPunct(P, 0x100 | '!')) {
        St->Sub = 1;
    } else {
        char D[64];
        Error(P, P->Token.Line, P->Token.Column, "expected '==' or '!=' in assert, found %s",
              Describe(P, D, sizeof(D)));
    }
    Next(P);
    St->Args[1] = ParseExpr(P, false);
    St->ArgCount = 2;
    return St;
}

/* reset [modern | nt5] */
static SCRIPT_STMT *ParseReset(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    SCRIPT_STMT *St = ParseNoOperand(P, At, Kind);
    if (IsWord(P, "modern")) {
        St->Sub = 0;
        Next(P);
    } else if (IsWord(P, "nt5")) {
        St->Sub = 1;
        Next(P);
    } else if (!AtLineEnd(P)) {
        char D[64];
        Error(P, P->Token.Line, P->Token.Column,
              "expected modern or nt5 (or nothing) after reset, found %s",
              Describe(P, D, sizeof(D)));
    }
    /* Handles from before the reset are gone: nothing typed survives. */
    for (int i = 0; i < P->Script->VariableCount; i++) {
        if (P->VarTypes[i] != TypeNumber) {
            P->VarDefined[i] = 0;
        }
    }
    return St;
}

/* tour17: the user-space statements (script.h, SCRIPT_USER): the word, the
 * operands it takes (required, at most), and what they are. */
static const struct {
    const char *Word;
    SCRIPT_USER User;
    int MinArgs, MaxArgs;
    bool Assigned; /* only as NAME = word ... */
    const char *Operands;
} UserWords[] = {
    {"reserve", UserReserve, 1, 2, true, "SIZE [, PROTECT]"},
    {"commit", UserCommit, 2, 3, false, "ADDRESS, SIZE [, PROTECT]"},
    {"decommit", UserDecommit, 2, 2, false, "ADDRESS, SIZE"},
    {"release", UserRelease, 1, 1, false, "ADDRESS"},
    {"protect", UserProtect, 3, 3, false, "ADDRESS, SIZE, PROTECT"},
    {"touch", UserTouch, 1, 2, false, "ADDRESS [, BYTES]"},
    {"process", UserProcess, 0, 0, true, ""},
    {"attach", UserAttach, 1, 1, false, "PROCESS (0: the initial process)"},
};
#define USER_WORD_COUNT (sizeof(UserWords) / sizeof(UserWords[0]))

static int FindUserWord(const PARSER *P)
{
    for (size_t i = 0; i < USER_WORD_COUNT; i++) {
        if (IsWord(P, UserWords[i].Word)) {
            return (int)i;
        }
    }
    return -1;
}

/* The operands of a user statement; the word is the current token. */
static SCRIPT_STMT *ParseUserOperands(PARSER *P, const TOKEN *At, int Word)
{
    SCRIPT_STMT *St = NewStatement(P, StmtUser, At);
    St->Sub = (int)UserWords[Word].User;
    const char *Name = UserWords[Word].Word;
    Next(P);
    while (!AtLineEnd(P)) {
        if (St->ArgCount > 0) {
            ExpectPunct(P, ',', "between the operands");
        }
        if (St->ArgCount >= UserWords[Word].MaxArgs) {
            Error(P, P->Token.Line, P->Token.Column, "%s takes %s%s", Name,
                  UserWords[Word].MaxArgs ? "at most " : "no operands",
                  UserWords[Word].MaxArgs ? UserWords[Word].Operands : "");
        }
        TOKEN ArgAt = P->Token;
        SCRIPT_EXPR *E = ParseExpr(P, false);
        if (E->Type != TypeNumber) {
            Error(P, ArgAt.Line, ArgAt.Column, "%s needs %s: numbers, but this is %s", Name,
                  UserWords[Word].Operands, TypeName(E->Type));
        }
        St->Args[St->ArgCount++] = E;
    }
    if (St->ArgCount < UserWords[Word].MinArgs) {
        Error(P, P->Token.Line, P->Token.Column, "%s needs %s", Name, UserWords[Word].Operands);
    }
    return St;
}

/* commit, decommit, release, protect, touch, attach: not NAME = ... */
static SCRIPT_STMT *ParseUser(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind)
{
    (void)Kind;
    return ParseUserOperands(P, At, FindUserWord(P));
}

/* The statements by their first word. A new statement is a SCRIPT_STMT_KIND
 * (script.h), a row here - with one of the parse functions above when its
 * shape is one of theirs (no operand, one expression, a "string") - and its
 * case in run.c's RunStatement. The order is the order of the error message. */
typedef SCRIPT_STMT *STATEMENT_PARSE(PARSER *P, const TOKEN *At, SCRIPT_STMT_KIND Kind);
static const struct {
    const char *Word;
    SCRIPT_STMT_KIND Kind;
    STATEMENT_PARSE *Parse;
} Statements[] = {
    {"irql", StmtIrql, ParseOneExpr},       {"read", StmtRead, ParseTouch},
    {"write", StmtWrite, ParseTouch},       {"dump", StmtDump, ParseDump},
    {"expect", StmtExpect, ParseExpect},    {"assert", StmtAssert, ParseAssert},
    {"reset", StmtReset, ParseReset},       {"trim", StmtTrim, ParseNoOperand},
    {"wait", StmtWait, ParseNoOperand},     {"echo", StmtEcho, ParseStringOperand},
    {"print", StmtPrint, ParseOneExpr},     {"commit", StmtUser, ParseUser},
    {"decommit", StmtUser, ParseUser},      {"release", StmtUser, ParseUser},
    {"protect", StmtUser, ParseUser},       {"touch", StmtUser, ParseUser},
    {"attach", StmtUser, ParseUser},
};
#define STATEMENT_COUNT (sizeof(Statements) / sizeof(Statements[0]))

/* "expected a statement (a DDI call, NAME = DDI call, irql, ... or print)" */
_Noreturn static void NotAStatement(PARSER *P, const TOKEN *At)
{
    char List[512] = "a DDI call, NAME = DDI call";
    for (size_t i = 0; i < STATEMENT_COUNT; i++) {
        size_t Used = strlen(List);
        snprintf(List + Used, sizeof(List) - Used, "%s%s",
                 i + 1 < STATEMENT_COUNT ? ", " : ", ", Statements[i].Word);
    }
    for (int i = 0; i < NarrWordCount; i++) { /* narrate.h */
        size_t Used = strlen(List);
        snprintf(List + Used, sizeof(List) - Used, "%s%s", i == 0 ? "or narration: " : ", ",
                 NarrateWords[i].Word);
    }
    char D[64];
    Error(P, At->Line, At->Column, "expected a statement (%s), found %s", List,
          Describe(P, D, sizeof(D)));
}

/* NAME = Ddi(...) or Ddi(...) */
static SCRIPT_STMT *ParseCallStatement(PARSER *P, const TOKEN *At)
{
    Next(P);
    SCRIPT_STMT *St = NewStatement(P, StmtCall, At);
    if (IsPunct(P, '(')) {
        ParseCall(P, St, At);
        return St;
    }
    if (!IsPunct(P, '=')) {
        NotAStatement(P, At);
    }
    if (FindConstant(At->Start, At->Length) != NULL) {
        Error(P, At->Line, At->Column, "'%.*s' is a constant: it cannot be assigned",
              (int)At->Length, At->Start);
    }
    Next(P);
    TOKEN Name = P->Token;
    int User = FindUserWord(P);
    if (User >= 0) { /* tour17: NAME = reserve SIZE, NAME = process */
        if (!UserWords[User].Assigned) {
            Error(P, Name.Line, Name.Column,
                  "%s gives no value to assign (its NTSTATUS: put expect status before it)",
                  UserWords[User].Word);
        }
        SCRIPT_STMT *Us = ParseUserOperands(P, &Name, User);
        int Index = AddVariable(P, At->Start, At->Length);
        Us->Target = Index;
        Us->Line = At->Line;
        Us->Column = At->Column;
        P->VarTypes[Index] = TypeNumber;
        P->VarDefined[Index] = At->Line;
        /* The statement made above replaced this one: drop it. */
        P->Script->Statements[P->Script->StatementCount - 2] = *Us;
        P->Script->StatementCount--;
        return &P->Script->Statements[P->Script->StatementCount - 1];
    }
    if (Name.Kind != TokIdent) {
        char D[64];
        Error(P, Name.Line, Name.Column, "expected a DDI call after '=', found %s",
              Describe(P, D, sizeof(D)));
    }
    Next(P);
    ParseCall(P, St, &Name);
    const SCRIPT_DDI *Ddi = &ScriptDdis[St->Ddi];
    if (Ddi->Result == ResultVoid) {
        Error(P, Name.Line, Name.Column, "%s returns nothing: there is no value to assign",
              Ddi->Name);
    }
    int Index = AddVariable(P, At->Start, At->Length);
    St->Target = Index;
    P->VarTypes[Index] = Ddi->Result == ResultMdl      ? TypeMdl
                         : Ddi->Result == ResultRegion ? TypeRegion
                                                       : TypeNumber;
    P->VarDefined[Index] = At->Line;
    return St;
}

/* An expect is about the statement right after it: is St one it can be about? */
static void CheckExpectTarget(PARSER *P, int Pending, const SCRIPT_STMT *St)
{
    bool Ok;
    const char *Need;
    switch (Pending) {
    case ExpectStop:
    case ExpectRaise:
        Ok = St->Kind == StmtCall || St->Kind == StmtRead || St->Kind == StmtWrite ||
             St->Kind == StmtIrql || St->Kind == StmtUser;
        Need = "a DDI call, irql, read, write or a user-space statement";
        break;
    case ExpectStatus:
        Ok = (St->Kind == StmtCall && ScriptDdis[St->Ddi].Result == ResultStatus) ||
             (St->Kind == StmtUser && St->Sub != UserTouch && St->Sub != UserProcess);
        Need = "a call that returns an NTSTATUS (GrEnsureCommitted, GrRequestGrowth, or "
               "reserve, commit, decommit, release, protect, attach)";
        break;
    default:
        Ok = (St->Kind == StmtCall && ScriptDdis[St->Ddi].Result != ResultVoid) ||
             (St->Kind == StmtUser && St->Target >= 0);
        Need = "a call that returns a value";
        break;
    }
    if (!Ok) {
        Error(P, St->Line, St->Column, "the expect on line %d needs %s here", P->PendingLine,
              Need);
    }
}

static void ParseStatement(PARSER *P)
{
    TOKEN At = P->Token;
    if (At.Kind != TokIdent) {
        NotAStatement(P, &At);
    }
    int Pending = P->PendingExpect;
    P->StatementLineStart = P->LineStart;
    SCRIPT_STMT *St = NULL;
    for (size_t i = 0; i < STATEMENT_COUNT && St == NULL; i++) {
        /* A user word may still name a variable: "commit = ..." assigns. */
        if (IsWord(P, Statements[i].Word) &&
            !(Statements[i].Kind == StmtUser && IsAssignment(P))) {
            St = Statements[i].Parse(P, &At, Statements[i].Kind);
        }
    }
    if (St == NULL && NarrateFindWord(At.Start, At.Length) >= 0 && !IsAssignment(P)) {
        St = ParseNarration(P, &At, NarrateFindWord(At.Start, At.Length)); /* narrate.h */
    }
    if (St == NULL && (IsWord(P, "reserve") || IsWord(P, "process")) && !IsAssignment(P)) {
        Error(P, At.Line, At.Column, "%.*s gives %s: write NAME = %.*s%s", (int)At.Length,
              At.Start, IsWord(P, "reserve") ? "the base address" : "a process handle",
              (int)At.Length, At.Start, IsWord(P, "reserve") ? " SIZE [, PROTECT]" : "");
    }
    if (St == NULL) {
        St = ParseCallStatement(P, &At);
    }
    if (!AtLineEnd(P)) {
        char D[64];
        Error(P, P->Token.Line, P->Token.Column,
              "expected the end of the line after the statement, found %s",
              Describe(P, D, sizeof(D)));
    }
    if (Pending >= 0 && St->Kind != StmtExpect) {
        CheckExpectTarget(P, Pending, St);
        P->PendingExpect = -1;
    }
}

/* ---------------------------------------------------------------------- */
/* Entry points.                                                          */
/* ---------------------------------------------------------------------- */
void ScriptFree(SCRIPT *Script)
{
    if (Script == NULL) {
        return;
    }
    for (size_t i = 0; i < Script->AllocationCount; i++) {
        free(Script->Allocations[i]);
    }
    free(Script->Allocations);
    free(Script);
}

SCRIPT *ScriptParse(const char *Text, size_t Length, char *ErrorText, size_t ErrorSize)
{
    if (ErrorText != NULL && ErrorSize > 0) {
        ErrorText[0] = '\0';
    }
    SCRIPT *volatile Script = (SCRIPT *)calloc(1, sizeof(SCRIPT)); /* read after longjmp */
    if (Script == NULL) {
        if (ErrorText != NULL && ErrorSize > 0) {
            snprintf(ErrorText, ErrorSize, "1:1: error: out of memory");
        }
        return NULL;
    }
    /* volatile: examined after longjmp. */
    PARSER *volatile P = (PARSER *)calloc(1, sizeof(PARSER));
    if (P == NULL) {
        free(Script);
        if (ErrorText != NULL && ErrorSize > 0) {
            snprintf(ErrorText, ErrorSize, "1:1: error: out of memory");
        }
        return NULL;
    }
    P->Text = Text != NULL ? Text : "";
    P->Length = Text != NULL ? Length : 0;
    P->Line = 1;
    P->Script = Script;
    P->Error = ErrorText;
    P->ErrorSize = ErrorSize;
    P->PendingExpect = -1;
    if (setjmp(P->Fail) != 0) {
        free(P);
        ScriptFree(Script);
        return NULL;
    }
    if (P->Length > SCRIPT_MAX_BYTES) {
        Error(P, 1, 1, "the script is larger than %u bytes", SCRIPT_MAX_BYTES);
    }
    Next(P);
    for (;;) {
        while (P->Token.Kind == TokNewline) {
            Next(P);
        }
        if (P->Token.Kind == TokEnd) {
            break;
        }
        P->Depth = 0;
        ParseStatement(P);
    }
    if (P->PendingExpect >= 0) {
        Error(P, P->PendingLine, P->PendingColumn,
              "this expect is at the end of the script: there is no statement for it to be about");
    }
    free(P);
    return Script;
}
