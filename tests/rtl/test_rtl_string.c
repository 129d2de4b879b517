/*
 * test_rtl_string.c - the Rtl counted-string routines (docs/wdk-surface.md, "Run-time
 * library (Rtl)"), each against the statuses and results Microsoft's pages document:
 *
 *   Init*            Length without the terminator, MaximumLength with it, NULL -> 0/0/NULL
 *   Copy*            as much as fits, terminated when there is room; NULL source -> Length 0
 *   Append*          all or nothing: STATUS_BUFFER_TOO_SMALL leaves the destination alone
 *   Compare/Equal    ordinal, case-insensitive through RtlUpcaseUnicodeChar
 *   Upcase/Downcase  STATUS_BUFFER_OVERFLOW when the destination is short; Allocate = pool
 *   Ansi <-> Unicode the pool buffer freed by RtlFree*String; a leak is the unload check's
 *   integers         base 0/2/8/10/16, STATUS_INVALID_PARAMETER, STATUS_BUFFER_OVERFLOW
 *   IRQL             a PASSIVE_LEVEL routine at DISPATCH_LEVEL stops with 0xA
 */
#include <wchar.h>

#include <mmsim_cmocka.h>

#define STRING_TAG 'grtS' /* "Strg": the pool tag of the Rtl string buffers */

static void AssertText(PCUNICODE_STRING String, const WCHAR *Expected)
{
    assert_int_equal(String->Length, wcslen(Expected) * sizeof(WCHAR));
    assert_memory_equal(String->Buffer, Expected, String->Length);
}

/* ---- Initialisation -------------------------------------------------- */
SIM_TEST(InitStringsCountWithoutAndWithTheTerminator)
{
    ANSI_STRING A;
    RtlInitAnsiString(&A, "abc");
    assert_int_equal(A.Length, 3);
    assert_int_equal(A.MaximumLength, 4);
    RtlInitString(&A, NULL);
    assert_int_equal(A.Length, 0);
    assert_int_equal(A.MaximumLength, 0);
    assert_null(A.Buffer);

    UNICODE_STRING U;
    assert_int_equal(RtlInitUnicodeStringEx(&U, L"abc"), STATUS_SUCCESS);
    assert_int_equal(U.Length, 3 * sizeof(WCHAR));
    assert_int_equal(U.MaximumLength, 4 * sizeof(WCHAR));
    assert_int_equal(RtlInitUnicodeStringEx(&U, NULL), STATUS_SUCCESS);
    assert_int_equal(U.Length, 0);
    assert_null(U.Buffer);

    /* Too long for a USHORT byte count: STATUS_NAME_TOO_LONG (RtlInitUnicodeString clamps). */
    SIZE_T Chars = 0x10000 / sizeof(WCHAR);
    WCHAR *Long = (WCHAR *)malloc((Chars + 1) * sizeof(WCHAR));
    assert_non_null(Long);
    for (SIZE_T i = 0; i < Chars; i++) {
        Long[i] = L'x';
    }
    Long[Chars] = 0;
    assert_int_equal(RtlInitUnicodeStringEx(&U, Long), STATUS_NAME_TOO_LONG);
    assert_int_equal(U.Length, 0);
    free(Long);

    WCHAR Buffer[8];
    RtlInitEmptyUnicodeString(&U, Buffer, sizeof(Buffer));
    assert_int_equal(U.Length, 0);
    assert_int_equal(U.MaximumLength, sizeof(Buffer));
    DECLARE_CONST_UNICODE_STRING(Constant, L"const");
    AssertText(&Constant, L"const");
    DECLARE_UNICODE_STRING_SIZE(Sized, 16);
    assert_int_equal(Sized.MaximumLength, 16 * sizeof(WCHAR));
    UNICODE_STRING Literal = RTL_CONSTANT_STRING(L"lit");
    AssertText(&Literal, L"lit");
}

/* ---- Copy ------------------------------------------------------------- */
static const struct {
    USHORT MaxChars;        /* the destination's MaximumLength, in characters */
    const WCHAR *Source;    /* NULL: a NULL source string */
    const WCHAR *Expected;  /* the destination's text after */
    BOOLEAN Terminated;     /* a UNICODE_NULL follows it */
} CopyCases[] = {
    /* max  source     after     terminated */
    {8,     L"abc",    L"abc",   TRUE},  /* room for the terminator */
    {3,     L"abc",    L"abc",   FALSE}, /* exactly full: no terminator */
    {2,     L"abc",    L"ab",    FALSE}, /* truncated to MaximumLength */
    {8,     NULL,      L"",      FALSE}, /* NULL source: Length 0, buffer untouched */
};

SIM_TEST(CopyUnicodeStringCopiesWhatFits)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(CopyCases); i++) {
        WCHAR Buffer[16];
        wmemset(Buffer, L'#', 16);
        UNICODE_STRING Dest = {5 * sizeof(WCHAR), (USHORT)(CopyCases[i].MaxChars * sizeof(WCHAR)),
                               Buffer};
        UNICODE_STRING Source;
        RtlInitUnicodeString(&Source, CopyCases[i].Source);
        RtlCopyUnicodeString(&Dest, CopyCases[i].Source != NULL ? &Source : NULL);
        AssertText(&Dest, CopyCases[i].Expected);
        size_t End = wcslen(CopyCases[i].Expected);
        assert_true((Buffer[End] == 0) == (CopyCases[i].Terminated != FALSE));
    }

    char Narrow[4];
    STRING D = {0, sizeof(Narrow), Narrow}, S;
    RtlInitString(&S, "hello");
    RtlCopyString(&D, &S);
    assert_int_equal(D.Length, 4);
    assert_memory_equal(Narrow, "hell", 4);
}

/* ---- Append ----------------------------------------------------------- */
static const struct {
    const WCHAR *Initial;
    USHORT MaxChars;
    const WCHAR *Source;
    NTSTATUS Expected;
    const WCHAR *After;
} AppendCases[] = {
    /* before  max  append   status                   after */
    {L"ab",    8,   L"cd",   STATUS_SUCCESS,          L"abcd"},
    {L"ab",    4,   L"cd",   STATUS_SUCCESS,          L"abcd"}, /* exactly full */
    {L"ab",    3,   L"cd",   STATUS_BUFFER_TOO_SMALL, L"ab"},   /* all or nothing */
    {L"ab",    8,   L"",     STATUS_SUCCESS,          L"ab"},
};

SIM_TEST(AppendIsAllOrNothing)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(AppendCases); i++) {
        for (int Form = 0; Form < 2; Form++) {
            WCHAR Buffer[16];
            wmemset(Buffer, L'#', 16);
            UNICODE_STRING Dest = {0, (USHORT)(AppendCases[i].MaxChars * sizeof(WCHAR)), Buffer};
            UNICODE_STRING Initial, Source;
            RtlInitUnicodeString(&Initial, AppendCases[i].Initial);
            RtlCopyUnicodeString(&Dest, &Initial);
            RtlInitUnicodeString(&Source, AppendCases[i].Source);
            NTSTATUS Status = Form == 0 ? RtlAppendUnicodeStringToString(&Dest, &Source)
                                        : RtlAppendUnicodeToString(&Dest, AppendCases[i].Source);
            assert_int_equal(Status, AppendCases[i].Expected);
            AssertText(&Dest, AppendCases[i].After);
        }
    }
}

/* ---- Comparison ------------------------------------------------------- */
static const struct {
    const WCHAR *A, *B;
    BOOLEAN CaseInSensitive;
    int Sign;      /* of RtlCompareUnicodeString */
    BOOLEAN Equal; /* RtlEqualUnicodeString */
    BOOLEAN Prefix; /* RtlPrefixUnicodeString(A, B) */
} CompareCases[] = {
    /* A        B          ci     sign equal  prefix */
    {L"abc",    L"abc",    FALSE, 0,   TRUE,  TRUE},
    {L"abc",    L"ABC",    FALSE, 1,   FALSE, FALSE},
    {L"abc",    L"ABC",    TRUE,  0,   TRUE,  TRUE},
    {L"ab",     L"abc",    FALSE, -1,  FALSE, TRUE},  /* shorter sorts first */
    {L"abd",    L"abc",    FALSE, 1,   FALSE, FALSE},
    {L"\\Device", L"\\DEVICE\\Foo", TRUE, -1, FALSE, TRUE},
    {L"\x00e9t\x00e9", L"\x00c9T\x00c9", TRUE, 0, TRUE, TRUE}, /* Latin-1 letters */
    {L"", L"", FALSE, 0, TRUE, TRUE},
};

static int Sign(LONG Value)
{
    return Value < 0 ? -1 : Value > 0 ? 1 : 0;
}

SIM_TEST(ComparisonsAreOrdinalAndCaseFoldedWhenAsked)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(CompareCases); i++) {
        UNICODE_STRING A, B;
        RtlInitUnicodeString(&A, CompareCases[i].A);
        RtlInitUnicodeString(&B, CompareCases[i].B);
        BOOLEAN Ci = CompareCases[i].CaseInSensitive;
        assert_int_equal(Sign(RtlCompareUnicodeString(&A, &B, Ci)), CompareCases[i].Sign);
        assert_int_equal(Sign(RtlCompareUnicodeStrings(A.Buffer, A.Length / sizeof(WCHAR),
                                                       B.Buffer, B.Length / sizeof(WCHAR), Ci)),
                         CompareCases[i].Sign);
        assert_int_equal(RtlEqualUnicodeString(&A, &B, Ci), CompareCases[i].Equal);
        assert_int_equal(RtlPrefixUnicodeString(&A, &B, Ci), CompareCases[i].Prefix);
    }
    STRING A, B;
    RtlInitString(&A, "Hello");
    RtlInitString(&B, "HELLO");
    assert_false(RtlEqualString(&A, &B, FALSE));
    assert_true(RtlEqualString(&A, &B, TRUE));
    assert_true(RtlCompareString(&A, &B, FALSE) > 0);
    assert_int_equal(RtlCompareString(&A, &B, TRUE), 0);
}

/* ---- Case mapping ----------------------------------------------------- */
static const struct {
    WCHAR Lower, Upper;
} CasePairs[] = {
    {L'a', L'A'}, {L'z', L'Z'}, {0x00E9, 0x00C9}, {0x00FF, 0x0178}, {0x0101, 0x0100},
    {0x013A, 0x0139}, {0x017E, 0x017D}, {0x03B1, 0x0391}, {0x0436, 0x0416}, {0x0451, 0x0401},
};

SIM_TEST(CaseMappingCoversLatinGreekAndCyrillicLetters)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(CasePairs); i++) {
        assert_int_equal(RtlUpcaseUnicodeChar(CasePairs[i].Lower), CasePairs[i].Upper);
        assert_int_equal(RtlDowncaseUnicodeChar(CasePairs[i].Upper), CasePairs[i].Lower);
        assert_int_equal(RtlUpcaseUnicodeChar(CasePairs[i].Upper), CasePairs[i].Upper);
    }
    /* Not letters, or without a pair: unchanged. */
    assert_int_equal(RtlUpcaseUnicodeChar(L'1'), L'1');
    assert_int_equal(RtlUpcaseUnicodeChar(0x00F7), 0x00F7); /* division sign */
    assert_int_equal(RtlUpcaseUnicodeChar(0x00DF), 0x00DF); /* sharp s */
    assert_int_equal(RtlUpperChar('q'), 'Q');
}

SIM_TEST(UpcaseIntoAShortBufferIsBufferOverflow)
{
    UNICODE_STRING Source = RTL_CONSTANT_STRING(L"MixEd");
    WCHAR Buffer[5];
    UNICODE_STRING Dest = {0, sizeof(Buffer), Buffer};
    assert_int_equal(RtlUpcaseUnicodeString(&Dest, &Source, FALSE), STATUS_SUCCESS);
    AssertText(&Dest, L"MIXED");
    assert_int_equal(RtlDowncaseUnicodeString(&Dest, &Source, FALSE), STATUS_SUCCESS);
    AssertText(&Dest, L"mixed");
    Dest.MaximumLength = 4 * sizeof(WCHAR);
    Dest.Length = 0;
    assert_int_equal(RtlUpcaseUnicodeString(&Dest, &Source, FALSE), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(Dest.Length, 0);

    /* Allocated: a paged pool buffer of the tag, freed by RtlFreeUnicodeString. */
    UNICODE_STRING Upper;
    assert_int_equal(RtlUpcaseUnicodeString(&Upper, &Source, TRUE), STATUS_SUCCESS);
    AssertText(&Upper, L"MIXED");
    assert_int_equal(SimTestTagUsage(STRING_TAG).Allocs, 1);
    RtlFreeUnicodeString(&Upper);
    assert_null(Upper.Buffer);
    assert_int_equal(SimTestTagUsage(STRING_TAG).Bytes, 0);

    STRING Narrow, NarrowSource;
    char NarrowBuffer[8];
    RtlInitString(&NarrowSource, "abc");
    RtlInitEmptyAnsiString(&Narrow, NarrowBuffer, sizeof(NarrowBuffer));
    RtlUpperString(&Narrow, &NarrowSource);
    assert_int_equal(Narrow.Length, 3);
    assert_memory_equal(NarrowBuffer, "ABC", 3);
}

/* ---- ANSI <-> Unicode ------------------------------------------------- */
SIM_TEST(AnsiToUnicodeAllocatesPoolFreedByRtlFreeUnicodeString)
{
    ANSI_STRING Ansi;
    RtlInitAnsiString(&Ansi, "caf\xe9");
    assert_int_equal(RtlAnsiStringToUnicodeSize(&Ansi), 5 * sizeof(WCHAR));
    assert_int_equal(RtlxAnsiStringToUnicodeSize(&Ansi), 5 * sizeof(WCHAR));
    UNICODE_STRING U;
    assert_int_equal(RtlAnsiStringToUnicodeString(&U, &Ansi, TRUE), STATUS_SUCCESS);
    AssertText(&U, L"caf\x00e9");
    assert_int_equal(U.MaximumLength, 5 * sizeof(WCHAR));
    assert_int_equal(U.Buffer[4], 0);
    SIM_POOL_TAG_USAGE Usage = SimTestTagUsage(STRING_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_true(Usage.Paged);

    ANSI_STRING Back;
    assert_int_equal(RtlUnicodeStringToAnsiString(&Back, &U, TRUE), STATUS_SUCCESS);
    assert_int_equal(Back.Length, 4);
    assert_memory_equal(Back.Buffer, "caf\xe9", 5);
    assert_int_equal(RtlUnicodeStringToAnsiSize(&U), 5);
    assert_int_equal(RtlxUnicodeStringToAnsiSize(&U), 5);
    RtlFreeAnsiString(&Back);
    RtlFreeUnicodeString(&U);
    assert_int_equal(SimTestTagUsage(STRING_TAG).Bytes, 0);
}

SIM_TEST(ConversionsIntoCallerBuffersReportOverflow)
{
    ANSI_STRING Ansi;
    RtlInitAnsiString(&Ansi, "abcd");
    WCHAR Wide[4];
    UNICODE_STRING U = {0, sizeof(Wide), Wide}; /* 4 characters: no room for the NUL */
    assert_int_equal(RtlAnsiStringToUnicodeString(&U, &Ansi, FALSE), STATUS_BUFFER_OVERFLOW);
    U.MaximumLength = sizeof(Wide);
    RtlInitAnsiString(&Ansi, "abc");
    assert_int_equal(RtlAnsiStringToUnicodeString(&U, &Ansi, FALSE), STATUS_SUCCESS);
    AssertText(&U, L"abc");

    /* Unicode -> ANSI: what fits, terminated, STATUS_BUFFER_OVERFLOW; '?' for a
     * character outside the code page. */
    UNICODE_STRING Source = RTL_CONSTANT_STRING(L"x\x0416yz");
    char Narrow[3];
    ANSI_STRING A = {0, sizeof(Narrow), Narrow};
    assert_int_equal(RtlUnicodeStringToAnsiString(&A, &Source, FALSE), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(A.Length, 2);
    assert_memory_equal(Narrow, "x?", 3);
}

/* Not freed: the unload check finds the string's pool block. */
SIM_TEST(AnAllocatedStringNotFreedIsALeak)
{
    SimTestSetStrict(FALSE);
    ANSI_STRING Ansi;
    RtlInitAnsiString(&Ansi, "leak");
    UNICODE_STRING U;
    assert_int_equal(RtlAnsiStringToUnicodeString(&U, &Ansi, TRUE), STATUS_SUCCESS);
    SIM_UNLOAD_REPORT Report;
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.PoolAllocations, 1);
    RtlFreeUnicodeString(&U);
    assert_true(SimDriverUnload(&Report));
    SimTestSetStrict(TRUE);
}

/* A failed allocation (injected) is STATUS_NO_MEMORY with nothing allocated. */
SIM_TEST(AllocationFailureIsNoMemory)
{
    ANSI_STRING Ansi;
    RtlInitAnsiString(&Ansi, "abc");
    UNICODE_STRING U = {0, 0, NULL};
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(RtlAnsiStringToUnicodeString(&U, &Ansi, TRUE), STATUS_NO_MEMORY);
    SimFailNthCall(SimFaultPool, 1);
    GUID Guid = {0};
    assert_int_equal(RtlStringFromGUID(&Guid, &U), STATUS_NO_MEMORY);
    assert_int_equal(SimTestTagUsage(STRING_TAG).Allocs, 0);
}

/* ---- Integers --------------------------------------------------------- */
static const struct {
    ULONGLONG Value;
    ULONG Base;
    USHORT MaxChars;
    NTSTATUS Expected;
    const WCHAR *Text;
} ToStringCases[] = {
    /* value             base max status                    text */
    {1234,               0,   8,  STATUS_SUCCESS,           L"1234"},
    {1234,               10,  5,  STATUS_SUCCESS,           L"1234"},      /* with its NUL */
    {1234,               10,  4,  STATUS_BUFFER_OVERFLOW,   NULL},         /* no room for the NUL */
    {0xBEEF,             16,  8,  STATUS_SUCCESS,           L"BEEF"},
    {5,                  2,   8,  STATUS_SUCCESS,           L"101"},
    {8,                  8,   8,  STATUS_SUCCESS,           L"10"},
    {0,                  10,  8,  STATUS_SUCCESS,           L"0"},
    {12,                 7,   8,  STATUS_INVALID_PARAMETER, NULL},
    {0xFFFFFFFFFFFFFFFFull, 16, 20, STATUS_SUCCESS,         L"FFFFFFFFFFFFFFFF"},
};

SIM_TEST(IntegersToStringsByTheDocumentedBases)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(ToStringCases); i++) {
        WCHAR Buffer[24];
        UNICODE_STRING S = {0, (USHORT)(ToStringCases[i].MaxChars * sizeof(WCHAR)), Buffer};
        NTSTATUS Status = RtlInt64ToUnicodeString(ToStringCases[i].Value, ToStringCases[i].Base, &S);
        assert_int_equal(Status, ToStringCases[i].Expected);
        if (ToStringCases[i].Text != NULL) {
            AssertText(&S, ToStringCases[i].Text);
        }
        if (ToStringCases[i].Value <= 0xFFFFFFFF) {
            S.Length = 0;
            Status = RtlIntegerToUnicodeString((ULONG)ToStringCases[i].Value, ToStringCases[i].Base, &S);
            assert_int_equal(Status, ToStringCases[i].Expected);
            if (ToStringCases[i].Text != NULL) {
                AssertText(&S, ToStringCases[i].Text);
            }
        }
    }
}

static const struct {
    const char *Text;
    ULONG Base;
    NTSTATUS Expected;
    ULONG Value;
} ParseCases[] = {
    /* text        base status                    value */
    {"1234",       0,   STATUS_SUCCESS,           1234},
    {"  -12",      10,  STATUS_SUCCESS,           (ULONG)-12},
    {"+7",         0,   STATUS_SUCCESS,           7},
    {"0x1F",       0,   STATUS_SUCCESS,           0x1F},
    {"0o17",       0,   STATUS_SUCCESS,           017},
    {"0b101",      0,   STATUS_SUCCESS,           5},
    {"1F",         16,  STATUS_SUCCESS,           0x1F},
    {"12abc",      10,  STATUS_SUCCESS,           12},  /* stops at the first non-digit */
    {"",           10,  STATUS_SUCCESS,           0},
    {"19",         8,   STATUS_SUCCESS,           1},
    {"12",         3,   STATUS_INVALID_PARAMETER, 0xAAAAAAAA},
};

SIM_TEST(StringsToIntegers)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(ParseCases); i++) {
        ULONG Value = 0xAAAAAAAA;
        assert_int_equal(RtlCharToInteger(ParseCases[i].Text, ParseCases[i].Base, &Value),
                         ParseCases[i].Expected);
        assert_int_equal(Value, ParseCases[i].Value);
        ANSI_STRING A;
        UNICODE_STRING U;
        RtlInitAnsiString(&A, ParseCases[i].Text);
        assert_int_equal(RtlAnsiStringToUnicodeString(&U, &A, TRUE), STATUS_SUCCESS);
        Value = 0xAAAAAAAA;
        assert_int_equal(RtlUnicodeStringToInteger(&U, ParseCases[i].Base, &Value),
                         ParseCases[i].Expected);
        assert_int_equal(Value, ParseCases[i].Value);
        RtlFreeUnicodeString(&U);
    }
}

/* ---- UTF-8, hashing, GUIDs -------------------------------------------- */
SIM_TEST(Utf8RoundTrips)
{
    const WCHAR Text[] = L"a\x00e9\x20ac";
    char Utf8[16];
    ULONG Bytes = 0;
    assert_int_equal(RtlUnicodeToUTF8N(Utf8, sizeof(Utf8), &Bytes, Text, 3 * sizeof(WCHAR)),
                     STATUS_SUCCESS);
    assert_int_equal(Bytes, 1 + 2 + 3);
    assert_memory_equal(Utf8, "a\xc3\xa9\xe2\x82\xac", 6);
    /* Size only, then a destination too small for the last character. */
    assert_int_equal(RtlUnicodeToUTF8N(NULL, 0, &Bytes, Text, 3 * sizeof(WCHAR)), STATUS_SUCCESS);
    assert_int_equal(Bytes, 6);
    assert_int_equal(RtlUnicodeToUTF8N(Utf8, 5, &Bytes, Text, 3 * sizeof(WCHAR)),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(Bytes, 3);

    WCHAR Wide[8];
    assert_int_equal(RtlUTF8ToUnicodeN(Wide, sizeof(Wide), &Bytes, Utf8, 3), STATUS_SUCCESS);
    assert_int_equal(Bytes, 2 * sizeof(WCHAR));
    assert_memory_equal(Wide, Text, 2 * sizeof(WCHAR));
    /* A lone continuation byte is not a character: U+FFFD, STATUS_SOME_NOT_MAPPED. */
    assert_int_equal(RtlUTF8ToUnicodeN(Wide, sizeof(Wide), &Bytes, "\x80", 1),
                     STATUS_SOME_NOT_MAPPED);
    assert_int_equal(Wide[0], 0xFFFD);
#if WCHAR_MAX > 0xFFFF
    /* A 4-byte WCHAR holds a character beyond the BMP: four UTF-8 bytes. */
    const WCHAR Emoji[] = {(WCHAR)0x1F600, 0};
    assert_int_equal(RtlUnicodeToUTF8N(Utf8, sizeof(Utf8), &Bytes, Emoji, sizeof(WCHAR)),
                     STATUS_SUCCESS);
    assert_int_equal(Bytes, 4);
    assert_memory_equal(Utf8, "\xf0\x9f\x98\x80", 4);
    assert_int_equal(RtlUTF8ToUnicodeN(Wide, sizeof(Wide), &Bytes, Utf8, 4), STATUS_SUCCESS);
    assert_int_equal(Wide[0], 0x1F600);
#endif
}

SIM_TEST(HashIsX65599AndFoldsCaseWhenAsked)
{
    UNICODE_STRING A = RTL_CONSTANT_STRING(L"Ab"), B = RTL_CONSTANT_STRING(L"AB");
    ULONG Ha = 0, Hb = 0;
    assert_int_equal(RtlHashUnicodeString(&A, FALSE, HASH_STRING_ALGORITHM_X65599, &Ha),
                     STATUS_SUCCESS);
    assert_int_equal(Ha, (ULONG)'A' * 65599u + 'b');
    assert_int_equal(RtlHashUnicodeString(&A, TRUE, HASH_STRING_ALGORITHM_DEFAULT, &Ha),
                     STATUS_SUCCESS);
    assert_int_equal(RtlHashUnicodeString(&B, TRUE, HASH_STRING_ALGORITHM_DEFAULT, &Hb),
                     STATUS_SUCCESS);
    assert_int_equal(Ha, Hb);
    assert_int_equal(RtlHashUnicodeString(&A, TRUE, 7, &Ha), STATUS_INVALID_PARAMETER);
}

SIM_TEST(GuidStringsRoundTrip)
{
    static const GUID Guid = {0x12345678, 0x9ABC, 0xDEF0, {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF}};
    UNICODE_STRING Text;
    assert_int_equal(RtlStringFromGUID(&Guid, &Text), STATUS_SUCCESS);
    AssertText(&Text, L"{12345678-9ABC-DEF0-0123-456789ABCDEF}");
    GUID Back;
    assert_int_equal(RtlGUIDFromString(&Text, &Back), STATUS_SUCCESS);
    assert_true(IsEqualGUID(&Guid, &Back));
    RtlFreeUnicodeString(&Text);

    static const WCHAR *Bad[] = {
        L"12345678-9ABC-DEF0-0123-456789ABCDEF",   /* no braces */
        L"{12345678-9ABC-DEF0-0123-456789ABCDEG}", /* not hex */
        L"{12345678+9ABC-DEF0-0123-456789ABCDEF}", /* not a dash */
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Bad); i++) {
        UNICODE_STRING S;
        RtlInitUnicodeString(&S, Bad[i]);
        assert_int_equal(RtlGUIDFromString(&S, &Back), STATUS_INVALID_PARAMETER);
    }
}

/* ---- IRQL ------------------------------------------------------------- */
SIM_TEST(PassiveLevelRoutinesStopAboveIt)
{
    UNICODE_STRING A = RTL_CONSTANT_STRING(L"a");
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(0xA, 0, APC_LEVEL, 0, SIM_ANY, RtlEqualUnicodeString(&A, &A, TRUE));
}

/* The DISPATCH_LEVEL ones (copy, append, init) run there. */
SIM_TEST(CopyRunsAtDispatchLevel)
{
    WCHAR Buffer[4];
    UNICODE_STRING Dest = {0, sizeof(Buffer), Buffer};
    UNICODE_STRING A = RTL_CONSTANT_STRING(L"ab");
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    RtlCopyUnicodeString(&Dest, &A);
    assert_int_equal(RtlAppendUnicodeStringToString(&Dest, &A), STATUS_SUCCESS);
    KeLowerIrql(Old);
    AssertText(&Dest, L"abab");
}

int main(void)
{
    return SimRunTests("rtl strings", NULL, NULL);
}
