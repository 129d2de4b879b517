/*
 * test_ntstrsafe.c - <ntstrsafe.h> complete (docs/wdk-surface.md, "ntstrsafe.h"): the N and
 * Ex forms of copy and concatenate, printf Ex, the UNICODE_STRING functions, each against
 * the return values and buffer contents the Microsoft pages document. Every table row runs
 * through the A and the W form, and through the Cch and the Cb form (sizes in bytes).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <wchar.h>

#include <mmsim_cmocka.h>
#include <ntstrsafe.h>

#define BIG (NTSTRSAFE_MAX_CCH + (size_t)1)
#define NONE ((size_t)-1) /* no N: the plain or Ex form */
#define NOPTR 0xFFFF      /* End/Remaining not set (STATUS_INVALID_PARAMETER) */

typedef enum { OpCopy, OpCat } OP;

/* One call of RtlString{Cb,Cch}{Copy,Cat}[N]Ex{A,W}. Dest NULL: pass a NULL destination. */
static const struct {
    OP Op;
    size_t Cch;            /* destination size in characters */
    const char *Initial;   /* destination before (NULL: a NULL destination) */
    const char *Source;    /* NULL: a NULL source */
    size_t N;              /* NONE: the Ex form without N */
    ULONG Flags;
    NTSTATUS Expected;
    const char *Result;    /* the destination's string after (NULL: not checked) */
    size_t EndIndex;       /* *ppszDestEnd - pszDest, or NOPTR */
    size_t Remaining;      /* characters, or NOPTR */
} Cases[] = {
    /* op      cch  before  source  N     flags                        status                    after   end  remaining */
    {OpCopy,   8,   "",     "abc",  NONE, 0,                           STATUS_SUCCESS,           "abc",  3,   5},
    {OpCopy,   4,   "",     "abcd", NONE, 0,                           STATUS_BUFFER_OVERFLOW,   "abc",  3,   1},
    {OpCopy,   4,   "zz",   "abcd", NONE, STRSAFE_NO_TRUNCATION,       STATUS_BUFFER_OVERFLOW,   "zz",   0,   4},
    {OpCopy,   4,   "zz",   "abcd", NONE, STRSAFE_NULL_ON_FAILURE,     STATUS_BUFFER_OVERFLOW,   "",     0,   4},
    {OpCopy,   4,   "zz",   "abcd", NONE, STRSAFE_FAILURE_BYTE('x'),   STATUS_BUFFER_OVERFLOW,   NULL,   3,   1},
    {OpCopy,   4,   "zz",   "abcd", NONE, STRSAFE_FAILURE_BYTE(0),     STATUS_BUFFER_OVERFLOW,   "",     0,   4},
    {OpCopy,   8,   "",     "ab",   NONE, STRSAFE_FILL_BYTE('#'),      STATUS_SUCCESS,           "ab",   2,   6},
    {OpCopy,   8,   "zz",   NULL,   NONE, STRSAFE_IGNORE_NULLS,        STATUS_SUCCESS,           "",     0,   8},
    {OpCopy,   8,   "zz",   NULL,   NONE, 0,                           STATUS_INVALID_PARAMETER, "zz",   NOPTR, NOPTR},
    {OpCopy,   0,   NULL,   "",     NONE, STRSAFE_IGNORE_NULLS,        STATUS_SUCCESS,           NULL,   0,   0},
    {OpCopy,   0,   NULL,   "a",    NONE, STRSAFE_IGNORE_NULLS,        STATUS_INVALID_PARAMETER, NULL,   NOPTR, NOPTR},
    {OpCopy,   8,   NULL,   "",     NONE, STRSAFE_IGNORE_NULLS,        STATUS_INVALID_PARAMETER, NULL,   NOPTR, NOPTR},
    {OpCopy,   0,   "zz",   "a",    NONE, 0,                           STATUS_INVALID_PARAMETER, "zz",   NOPTR, NOPTR},
    {OpCopy,   8,   "zz",   "a",    NONE, 0x00010000,                  STATUS_INVALID_PARAMETER, "zz",   NOPTR, NOPTR},
    {OpCopy,   BIG, "zz",   "a",    NONE, 0,                           STATUS_INVALID_PARAMETER, "zz",   NOPTR, NOPTR},
    {OpCopy,   8,   "",     "abcdef", 3,  0,                           STATUS_SUCCESS,           "abc",  3,   5},
    {OpCopy,   4,   "",     "abcdef", 3,  0,                           STATUS_SUCCESS,           "abc",  3,   1},
    {OpCopy,   3,   "",     "abcdef", 3,  0,                           STATUS_BUFFER_OVERFLOW,   "ab",   2,   1},
    {OpCopy,   8,   "zz",   "abc",  BIG,  0,                           STATUS_INVALID_PARAMETER, "zz",   NOPTR, NOPTR},
    {OpCat,    8,   "ab",   "cd",   NONE, 0,                           STATUS_SUCCESS,           "abcd", 4,   4},
    {OpCat,    5,   "ab",   "cdef", NONE, 0,                           STATUS_BUFFER_OVERFLOW,   "abcd", 4,   1},
    {OpCat,    5,   "ab",   "cdef", NONE, STRSAFE_NO_TRUNCATION,       STATUS_BUFFER_OVERFLOW,   "ab",   2,   3},
    {OpCat,    5,   "ab",   "cdef", NONE, STRSAFE_NULL_ON_FAILURE,     STATUS_BUFFER_OVERFLOW,   "",     0,   5},
    {OpCat,    3,   "abc",  "d",    NONE, 0,                           STATUS_INVALID_PARAMETER, NULL,   NOPTR, NOPTR},
    {OpCat,    3,   "abc",  "d",    NONE, STRSAFE_FAILURE_BYTE('x'),   STATUS_INVALID_PARAMETER, NULL,   NOPTR, NOPTR},
    {OpCat,    8,   "ab",   NULL,   NONE, STRSAFE_IGNORE_NULLS,        STATUS_SUCCESS,           "ab",   2,   6},
    {OpCat,    8,   "ab",   "cdef", 1,    0,                           STATUS_SUCCESS,           "abc",  3,   5},
    {OpCat,    8,   "ab",   "cdef", 0,    0,                           STATUS_SUCCESS,           "ab",   2,   6},
};

/* Runs one row in the A or W form, with sizes in bytes (Cb) or characters (Cch). */
static void RunCase(size_t Row, bool Wide, bool Cb)
{
    __typeof__(Cases[0]) *C = &Cases[Row];
    union {
        char A[64];
        WCHAR W[64];
    } Dest, Source;
    memset(&Dest, 0x55, sizeof(Dest));
    for (size_t i = 0; C->Initial != NULL && i <= strlen(C->Initial); i++) {
        if (Wide) {
            Dest.W[i] = (WCHAR)C->Initial[i];
        } else {
            Dest.A[i] = C->Initial[i];
        }
    }
    for (size_t i = 0; C->Source != NULL && i <= strlen(C->Source); i++) {
        if (Wide) {
            Source.W[i] = (WCHAR)C->Source[i];
        } else {
            Source.A[i] = C->Source[i];
        }
    }
    size_t Unit = Wide ? sizeof(WCHAR) : 1;
    size_t Size = C->Cch == BIG ? (Cb ? NTSTRSAFE_MAX_CCH * Unit + 1 : BIG)
                                : (Cb ? C->Cch * Unit : C->Cch);
    size_t N = C->N == BIG ? (Cb ? NTSTRSAFE_MAX_CCH * Unit + 1 : BIG)
                           : (C->N != NONE && Cb ? C->N * Unit : C->N);
    void *D = C->Initial != NULL ? (void *)&Dest : NULL;
    const void *S = C->Source != NULL ? (const void *)&Source : NULL;
    void *End = (void *)(ULONG_PTR)1;
    size_t Remaining = NOPTR;
    NTSTATUS Status = 0;
    ULONG F = C->Flags;
#define CALL(Fn, ...) Status = Fn(__VA_ARGS__)
#define PICK(Unit_, Op_, Suffix)                                                              \
    if (C->N == NONE) {                                                                       \
        CALL(RtlString##Unit_##Op_##Ex##Suffix, D, Size, S, (void *)&End, &Remaining, F);     \
    } else {                                                                                  \
        CALL(RtlString##Unit_##Op_##NEx##Suffix, D, Size, S, N, (void *)&End, &Remaining, F); \
    }
    if (C->Op == OpCopy && Cb && Wide) { PICK(Cb, Copy, W) }
    else if (C->Op == OpCopy && Cb) { PICK(Cb, Copy, A) }
    else if (C->Op == OpCopy && Wide) { PICK(Cch, Copy, W) }
    else if (C->Op == OpCopy) { PICK(Cch, Copy, A) }
    else if (Cb && Wide) { PICK(Cb, Cat, W) }
    else if (Cb) { PICK(Cb, Cat, A) }
    else if (Wide) { PICK(Cch, Cat, W) }
    else { PICK(Cch, Cat, A) }
#undef PICK
#undef CALL
    const char *Form = Wide ? (Cb ? "CbW" : "CchW") : (Cb ? "CbA" : "CchA");
    if (Status != C->Expected) {
        fail_msg("row %zu (%s): status 0x%08X, expected 0x%08X", Row, Form, (unsigned)Status,
                 (unsigned)C->Expected);
    }
    if (C->Result != NULL) {
        for (size_t i = 0; i <= strlen(C->Result); i++) {
            unsigned Got = Wide ? (unsigned)Dest.W[i] : (unsigned char)Dest.A[i];
            if (Got != (unsigned char)C->Result[i]) {
                fail_msg("row %zu (%s): character %zu is 0x%X, expected \"%s\"", Row, Form, i,
                         Got, C->Result);
            }
        }
    }
    if (C->EndIndex == NOPTR) {
        assert_ptr_equal(End, (void *)(ULONG_PTR)1); /* not set on STATUS_INVALID_PARAMETER */
        assert_int_equal(Remaining, NOPTR);
    } else {
        void *Expected = D != NULL ? (PUCHAR)D + C->EndIndex * Unit : NULL;
        if (End != Expected || Remaining != C->Remaining * (Cb ? Unit : 1)) {
            fail_msg("row %zu (%s): end +%td remaining %zu, expected +%zu %zu", Row, Form,
                     End != NULL && D != NULL ? ((PUCHAR)End - (PUCHAR)D) / (ptrdiff_t)Unit : -1,
                     Remaining, C->EndIndex, C->Remaining * (Cb ? Unit : 1));
        }
    }
    /* STRSAFE_FILL_ON_FAILURE: every byte the fill byte, then the NUL in the last character
     * (a WCHAR of fill bytes is not the character: the fill is by byte). */
    if ((C->Flags & STRSAFE_FILL_ON_FAILURE) && Status != STATUS_SUCCESS && D != NULL) {
        for (size_t b = 0; b < (C->Cch - 1) * Unit; b++) {
            assert_int_equal(((PUCHAR)D)[b], C->Flags & 0xFF);
        }
        for (size_t b = (C->Cch - 1) * Unit; b < C->Cch * Unit; b++) {
            assert_int_equal(((PUCHAR)D)[b], 0);
        }
    }
    /* STRSAFE_FILL_BEHIND_NULL: every byte after the NUL is the fill byte. */
    if ((C->Flags & STRSAFE_FILL_BEHIND_NULL) && Status == STATUS_SUCCESS && D != NULL) {
        for (size_t b = (C->EndIndex + 1) * Unit; b < C->Cch * Unit; b++) {
            assert_int_equal(((PUCHAR)D)[b], C->Flags & 0xFF);
        }
    }
}

SIM_TEST_F(CopyAndCatExTable, NULL, NULL)
{
    (void)State;
    for (size_t Row = 0; Row < RTL_NUMBER_OF(Cases); Row++) {
        for (int Form = 0; Form < 4; Form++) {
            RunCase(Row, (Form & 1) != 0, (Form & 2) != 0);
        }
    }
}

SIM_TEST_F(PlainNFormsTruncateAndTerminate, NULL, NULL)
{
    (void)State;
    char A[4];
    WCHAR W[4];
    assert_int_equal(RtlStringCchCopyNA(A, sizeof(A), "abcdef", 2), STATUS_SUCCESS);
    assert_string_equal(A, "ab");
    assert_int_equal(RtlStringCbCopyNW(W, sizeof(W), L"abcdef", 5 * sizeof(WCHAR)),
                     STATUS_BUFFER_OVERFLOW);
    assert_memory_equal(W, L"abc", 4 * sizeof(WCHAR));
    assert_int_equal(RtlStringCchCatNA(A, sizeof(A), "xyz", 1), STATUS_SUCCESS);
    assert_string_equal(A, "abx");
    assert_int_equal(RtlStringCbCatNA(A, sizeof(A), "q", 1), STATUS_BUFFER_OVERFLOW); /* no room */
    assert_string_equal(A, "abx");
    assert_int_equal(RtlStringCchCopyNA(A, sizeof(A), "a", BIG), STATUS_INVALID_PARAMETER);
}

static NTSTATUS VPrintfExW(PWSTR Dest, size_t Cch, PWSTR *End, size_t *Remaining, ULONG Flags,
                           PCWSTR Format, ...)
{
    va_list Arguments;
    va_start(Arguments, Format);
    NTSTATUS Status = RtlStringCchVPrintfExW(Dest, Cch, End, Remaining, Flags, Format, Arguments);
    va_end(Arguments);
    return Status;
}

SIM_TEST_F(PrintfExForms, NULL, NULL)
{
    (void)State;
    char A[8];
    char *End = NULL;
    size_t Remaining = 0;
    assert_int_equal(RtlStringCchPrintfExA(A, sizeof(A), &End, &Remaining, 0, "%d-%s", 12, "ab"),
                     STATUS_SUCCESS);
    assert_string_equal(A, "12-ab");
    assert_ptr_equal(End, A + 5);
    assert_int_equal(Remaining, 3);
    assert_int_equal(RtlStringCbPrintfExA(A, 4, &End, &Remaining, 0, "%d-%s", 12, "ab"),
                     STATUS_BUFFER_OVERFLOW);
    assert_string_equal(A, "12-");
    assert_int_equal(Remaining, 1);
    strcpy(A, "zz");
    assert_int_equal(RtlStringCchPrintfExA(A, 4, &End, &Remaining, STRSAFE_NO_TRUNCATION,
                                           "%s", "abcdef"),
                     STATUS_BUFFER_OVERFLOW);
    assert_string_equal(A, "zz"); /* not modified */
    assert_int_equal(RtlStringCchPrintfExA(A, sizeof(A), &End, &Remaining, STRSAFE_IGNORE_NULLS,
                                           NULL),
                     STATUS_SUCCESS);
    assert_string_equal(A, "");
    assert_int_equal(RtlStringCchPrintfExA(A, sizeof(A), NULL, NULL, 0, NULL),
                     STATUS_INVALID_PARAMETER);
    WCHAR W[6];
    PWSTR WEnd = NULL;
    assert_int_equal(VPrintfExW(W, RTL_NUMBER_OF(W), &WEnd, &Remaining, 0, L"%ws%d", L"n=", 7),
                     STATUS_SUCCESS);
    assert_memory_equal(W, L"n=7", 4 * sizeof(WCHAR));
    assert_ptr_equal(WEnd, W + 3);
    size_t Bytes = 0;
    assert_int_equal(RtlStringCbPrintfExW(W, sizeof(W), NULL, &Bytes, 0, L"%d", 123),
                     STATUS_SUCCESS);
    assert_int_equal(Bytes, 3 * sizeof(WCHAR)); /* Cb: remaining in bytes */
}

SIM_TEST_F(CopyUnicodeStringForms, NULL, NULL)
{
    (void)State;
    UNICODE_STRING Source = RTL_CONSTANT_STRING(L"abc");
    WCHAR W[8];
    assert_int_equal(RtlStringCchCopyUnicodeString(W, RTL_NUMBER_OF(W), &Source), STATUS_SUCCESS);
    assert_memory_equal(W, L"abc", 4 * sizeof(WCHAR));
    assert_int_equal(RtlStringCbCopyUnicodeString(W, 2 * sizeof(WCHAR), &Source),
                     STATUS_BUFFER_OVERFLOW);
    assert_memory_equal(W, L"a", 2 * sizeof(WCHAR));
    PWSTR End = NULL;
    size_t Remaining = 0;
    assert_int_equal(RtlStringCchCopyUnicodeStringEx(W, RTL_NUMBER_OF(W), NULL, &End, &Remaining,
                                                     STRSAFE_IGNORE_NULLS),
                     STATUS_SUCCESS);
    assert_ptr_equal(End, W);
    assert_int_equal(Remaining, 8);
    UNICODE_STRING Bad = {4 * sizeof(WCHAR), 2 * sizeof(WCHAR), W}; /* Length > MaximumLength */
    assert_int_equal(RtlStringCchCopyUnicodeString(W, RTL_NUMBER_OF(W), &Bad),
                     STATUS_INVALID_PARAMETER);
    size_t Length = 0;
    assert_int_equal(RtlUnalignedStringCchLengthW(L"abcd", 8, &Length), STATUS_SUCCESS);
    assert_int_equal(Length, 4);
}

/* ---- UNICODE_STRING results ------------------------------------------ */
typedef enum { UsCopy, UsCat, UsCopyString, UsCatString } US_OP;

static const struct {
    US_OP Op;
    USHORT Capacity;      /* characters in the destination's buffer */
    const WCHAR *Initial; /* the destination's text before (its Length) */
    const WCHAR *Source;  /* NULL: a NULL source */
    size_t N;             /* NONE: no N form; else the Cch N form */
    ULONG Flags;          /* with flags the Ex form runs */
    NTSTATUS Expected;
    const WCHAR *Result;  /* the text after, by Length */
    USHORT RemainingCch;  /* RemainingString.MaximumLength in characters (Ex only) */
} UsCases[] = {
    /* op         cap before source  N     flags                          status                    after     rest */
    {UsCopy,       8, L"",   L"abc",  NONE, 0,                            STATUS_SUCCESS,           L"abc",   5},
    {UsCopy,       2, L"",   L"abc",  NONE, 0,                            STATUS_BUFFER_OVERFLOW,   L"ab",    0},
    {UsCopy,       2, L"z",  L"abc",  NONE, STRSAFE_NO_TRUNCATION,        STATUS_BUFFER_OVERFLOW,   L"z",     1},
    {UsCopy,       2, L"z",  L"abc",  NONE, STRSAFE_ZERO_LENGTH_ON_FAILURE, STATUS_BUFFER_OVERFLOW, L"",      2},
    {UsCopy,       8, L"z",  NULL,    NONE, 0,                            STATUS_INVALID_PARAMETER, L"z",     0},
    {UsCopy,       8, L"z",  NULL,    NONE, STRSAFE_IGNORE_NULLS,         STATUS_SUCCESS,           L"",      8},
    {UsCopy,       0, L"",   L"a",    NONE, 0,                            STATUS_INVALID_PARAMETER, L"",      0},
    {UsCopy,       8, L"",   L"abcdef", 2,  0,                            STATUS_SUCCESS,           L"ab",    0},
    {UsCopy,       8, L"",   L"abc",  32768, 0,                           STATUS_INVALID_PARAMETER, L"",      0},
    {UsCat,        8, L"ab", L"cd",   NONE, 0,                            STATUS_SUCCESS,           L"abcd",  4},
    {UsCat,        3, L"ab", L"cd",   NONE, 0,                            STATUS_BUFFER_OVERFLOW,   L"abc",   0},
    {UsCat,        3, L"ab", L"cd",   NONE, STRSAFE_NO_TRUNCATION,        STATUS_BUFFER_OVERFLOW,   L"ab",    1},
    {UsCat,        2, L"ab", L"c",    NONE, 0,                            STATUS_INVALID_PARAMETER, L"ab",    0},
    {UsCat,        8, L"ab", L"cdef", 1,    0,                            STATUS_SUCCESS,           L"abc",   0},
    {UsCopyString, 8, L"",   L"xyz",  NONE, 0,                            STATUS_SUCCESS,           L"xyz",   5},
    {UsCopyString, 2, L"",   L"xyz",  NONE, 0,                            STATUS_BUFFER_OVERFLOW,   L"xy",    0},
    {UsCatString,  8, L"ab", L"xyz",  NONE, STRSAFE_FILL_BEHIND | 'f',    STATUS_SUCCESS,           L"abxyz", 3},
    {UsCatString,  8, L"ab", L"xyz",  2,    0,                            STATUS_SUCCESS,           L"abxy",  0},
};

SIM_TEST_F(UnicodeStringTable, NULL, NULL)
{
    (void)State;
    for (size_t Row = 0; Row < RTL_NUMBER_OF(UsCases); Row++) {
        __typeof__(UsCases[0]) *C = &UsCases[Row];
        WCHAR Buffer[16], SourceBuffer[16];
        memset(Buffer, 0x55, sizeof(Buffer));
        UNICODE_STRING Dest = {(USHORT)(wcslen(C->Initial) * sizeof(WCHAR)),
                               (USHORT)(C->Capacity * sizeof(WCHAR)), Buffer};
        memcpy(Buffer, C->Initial, wcslen(C->Initial) * sizeof(WCHAR));
        UNICODE_STRING Source = {0, 0, SourceBuffer};
        if (C->Source != NULL) {
            wcscpy(SourceBuffer, C->Source);
            Source.Length = (USHORT)(wcslen(C->Source) * sizeof(WCHAR));
            Source.MaximumLength = (USHORT)sizeof(SourceBuffer);
        }
        PCUNICODE_STRING Src = C->Source != NULL ? &Source : NULL;
        PCWSTR SrcText = C->Source != NULL ? SourceBuffer : NULL;
        UNICODE_STRING Rest = {0xEEEE, 0xEEEE, NULL};
        NTSTATUS Status;
        bool Ex = C->Flags != 0;
        switch (C->Op) {
        case UsCopy:
            Status = C->N == NONE ? (Ex ? RtlUnicodeStringCopyEx(&Dest, Src, &Rest, C->Flags)
                                        : RtlUnicodeStringCopy(&Dest, Src))
                                  : RtlUnicodeStringCchCopyN(&Dest, Src, C->N);
            break;
        case UsCat:
            Status = C->N == NONE ? (Ex ? RtlUnicodeStringCatEx(&Dest, Src, &Rest, C->Flags)
                                        : RtlUnicodeStringCat(&Dest, Src))
                                  : RtlUnicodeStringCbCatN(&Dest, Src, C->N * sizeof(WCHAR));
            break;
        case UsCopyString:
            Status = Ex ? RtlUnicodeStringCopyStringEx(&Dest, SrcText, &Rest, C->Flags)
                        : RtlUnicodeStringCopyString(&Dest, SrcText);
            break;
        default:
            Status = C->N == NONE
                         ? (Ex ? RtlUnicodeStringCatStringEx(&Dest, SrcText, &Rest, C->Flags)
                               : RtlUnicodeStringCatString(&Dest, SrcText))
                         : RtlUnicodeStringCchCatStringN(&Dest, SrcText, C->N);
            break;
        }
        if (Status != C->Expected) {
            fail_msg("row %zu: status 0x%08X, expected 0x%08X", Row, (unsigned)Status,
                     (unsigned)C->Expected);
        }
        size_t Cch = wcslen(C->Result);
        if (Dest.Length != Cch * sizeof(WCHAR) ||
            memcmp(Buffer, C->Result, Cch * sizeof(WCHAR)) != 0) {
            fail_msg("row %zu: Length %u, expected \"%ls\"", Row, Dest.Length, C->Result);
        }
        if (Ex && (Status == STATUS_SUCCESS || Status == STATUS_BUFFER_OVERFLOW)) {
            assert_ptr_equal(Rest.Buffer, Buffer + Cch);
            assert_int_equal(Rest.Length, 0);
            assert_int_equal(Rest.MaximumLength, C->RemainingCch * sizeof(WCHAR));
        }
        if ((C->Flags & STRSAFE_FILL_BEHIND) && Status == STATUS_SUCCESS) {
            for (size_t b = Dest.Length; b < Dest.MaximumLength; b++) {
                assert_int_equal(((PUCHAR)Buffer)[b], C->Flags & 0xFF);
            }
        }
    }
}

SIM_TEST_F(UnicodeStringInitValidatePrintf, NULL, NULL)
{
    (void)State;
    UNICODE_STRING S;
    static const WCHAR Text[] = L"abc";
    assert_int_equal(RtlUnicodeStringInit(&S, Text), STATUS_SUCCESS);
    assert_ptr_equal(S.Buffer, Text);
    assert_int_equal(S.Length, 3 * sizeof(WCHAR));
    assert_int_equal(S.MaximumLength, 4 * sizeof(WCHAR));
    assert_int_equal(RtlUnicodeStringInit(&S, NULL), STATUS_SUCCESS);
    assert_null(S.Buffer);
    assert_int_equal(S.Length + S.MaximumLength, 0);
    assert_int_equal(RtlUnicodeStringInitEx(&S, Text, STRSAFE_NO_TRUNCATION),
                     STATUS_INVALID_PARAMETER);
    /* Longer than a UNICODE_STRING can hold. */
    size_t Long = 0x10000 / sizeof(WCHAR) + 1;
    WCHAR *Huge = (WCHAR *)calloc(Long + 1, sizeof(WCHAR));
    assert_non_null(Huge);
    for (size_t i = 0; i < Long; i++) {
        Huge[i] = L'x';
    }
    assert_int_equal(RtlUnicodeStringInit(&S, Huge), STATUS_INVALID_PARAMETER);
    free(Huge);

    WCHAR Buffer[8];
    static const struct {
        USHORT Length, MaximumLength;
        BOOLEAN HasBuffer;
        NTSTATUS Expected;
    } Validate[] = {
        {0, 0, FALSE, STATUS_SUCCESS},
        {2 * sizeof(WCHAR), 8 * sizeof(WCHAR), TRUE, STATUS_SUCCESS},
        {4 * sizeof(WCHAR), 2 * sizeof(WCHAR), TRUE, STATUS_INVALID_PARAMETER},
        {1, 8 * sizeof(WCHAR), TRUE, STATUS_INVALID_PARAMETER},
        {0, 8 * sizeof(WCHAR), FALSE, STATUS_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Validate); i++) {
        UNICODE_STRING V = {Validate[i].Length, Validate[i].MaximumLength,
                            Validate[i].HasBuffer ? Buffer : NULL};
        if (RtlUnicodeStringValidate(&V) != Validate[i].Expected) {
            fail_msg("validate row %zu", i);
        }
    }
    assert_int_equal(RtlUnicodeStringValidate(NULL), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUnicodeStringValidateEx(NULL, STRSAFE_IGNORE_NULLS), STATUS_SUCCESS);

    UNICODE_STRING D = {0, sizeof(Buffer), Buffer};
    assert_int_equal(RtlUnicodeStringPrintf(&D, L"%d:%ws", 42, L"ok"), STATUS_SUCCESS);
    assert_int_equal(D.Length, 5 * sizeof(WCHAR));
    assert_memory_equal(Buffer, L"42:ok", 5 * sizeof(WCHAR));
    UNICODE_STRING Small = {0, 3 * sizeof(WCHAR), Buffer};
    UNICODE_STRING Rest;
    assert_int_equal(RtlUnicodeStringPrintfEx(&Small, &Rest, 0, L"%s", L"abcdef"),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(Small.Length, 3 * sizeof(WCHAR)); /* full, not NUL-terminated */
    assert_memory_equal(Buffer, L"abc", 3 * sizeof(WCHAR));
    assert_int_equal(Rest.MaximumLength, 0);
    Small.Length = 0;
    assert_int_equal(RtlUnicodeStringPrintfEx(&Small, NULL, STRSAFE_NO_TRUNCATION, L"%s",
                                              L"abcdef"),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(Small.Length, 0);
}

int main(void)
{
    return SimRunTests("ntstrsafe.h", NULL, NULL);
}
