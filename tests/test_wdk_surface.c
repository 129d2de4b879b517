/*
 * test_wdk_surface.c - the WDK surface that ordinary driver files use around
 * memory code (issue 10; docs/wdk-surface.md): debug output and assertions,
 * the Rtl memory helpers, ntstrsafe.h, time and processor queries, the
 * Interlocked family and ordered accesses, PHYSICAL_ADDRESS initialisation.
 *
 * Expected values are written out, each from the documentation the row's
 * comment names, never computed with the code under test. Compiled as C11
 * with DBG=1, as a checked driver build is, so KdPrint is live.
 */
#define DBG 1
#define _POSIX_C_SOURCE 200809L /* fileno, dup2, nanosleep, clock_gettime */

#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <mmsim_cmocka.h>
#include <ntstrsafe.h>

/* ------------------------------------------------------------------------ */
/* Helpers.                                                                 */
/* ------------------------------------------------------------------------ */
static void Reconfigure(BOOLEAN Quiet, SIM_PROFILE Profile)
{
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    Config.Quiet = Quiet;
    Config.Profile = Profile;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

static int TeardownDefault(void **State)
{
    int Result = SimTestTeardown(State);
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    return Result;
}

/* Captures what the simulator writes to stderr (file descriptor 2). */
typedef struct _CAPTURE {
    int Saved;
    FILE *File;
} CAPTURE;

static void CaptureBegin(CAPTURE *Capture)
{
    fflush(stderr);
    Capture->File = tmpfile();
    assert_non_null(Capture->File);
    Capture->Saved = dup(2);
    assert_true(Capture->Saved >= 0);
    assert_true(dup2(fileno(Capture->File), 2) >= 0);
}

static void CaptureEnd(CAPTURE *Capture, char *Text, size_t Size)
{
    fflush(stderr);
    assert_true(dup2(Capture->Saved, 2) >= 0);
    close(Capture->Saved);
    rewind(Capture->File);
    size_t Got = fread(Text, 1, Size - 1, Capture->File);
    Text[Got] = '\0';
    fclose(Capture->File);
}

static UNICODE_STRING UnicodeOf(PCWSTR Text)
{
    UNICODE_STRING String;
    RtlInitUnicodeString(&String, Text);
    return String;
}

/* ------------------------------------------------------------------------ */
/* Rtl memory helpers (wdm.h: macros over the C runtime, and               */
/* RtlCompareMemory, which returns the length of the matching prefix).     */
/* ------------------------------------------------------------------------ */
SIM_TEST(MemoryHelpers)
{
    (void)State;
    UCHAR A[16], B[16];
    RtlFillMemory(A, sizeof(A), 0x5A);
    for (size_t i = 0; i < sizeof(A); i++) {
        assert_int_equal(A[i], 0x5A);
    }
    RtlZeroMemory(A, 8);
    assert_int_equal(A[7], 0);
    assert_int_equal(A[8], 0x5A);
    RtlCopyMemory(B, A, sizeof(A));
    assert_true(RtlEqualMemory(A, B, sizeof(A)));
    B[15] ^= 1;
    assert_false(RtlEqualMemory(A, B, sizeof(A)));
    /* RtlMoveMemory handles overlap (memmove). */
    UCHAR Overlap[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    RtlMoveMemory(Overlap + 2, Overlap, 6);
    static const UCHAR Moved[8] = {1, 2, 1, 2, 3, 4, 5, 6};
    assert_memory_equal(Overlap, Moved, 8);
    RtlSecureZeroMemory(Overlap, sizeof(Overlap));
    assert_int_equal(Overlap[3], 0);

    static const struct {
        const char *Left, *Right;
        SIZE_T Length, Expected; /* RtlCompareMemory: bytes that match */
    } Rows[] = {
        {"abcdef", "abcdef", 6, 6},
        {"abcdef", "abcxef", 6, 3},
        {"abcdef", "xbcdef", 6, 0},
        {"abcdef", "abcdeX", 6, 5},
        {"abcdef", "abcdeX", 5, 5},
        {"", "", 0, 0},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        assert_int_equal(RtlCompareMemory(Rows[i].Left, Rows[i].Right, Rows[i].Length),
                         Rows[i].Expected);
    }
}

/* ------------------------------------------------------------------------ */
/* ASSERT / NT_ASSERT / NT_VERIFY: always checked in mmsim; a failure is   */
/* 0x1E with STATUS_ASSERTION_FAILURE (README, "Bug checks").             */
/* ------------------------------------------------------------------------ */
SIM_TEST(AssertionsPassAndStop)
{
    (void)State;
    int Two = 2;
    ASSERT(Two == 2);
    NT_ASSERT(Two == 2);
    NT_ASSERTMSG("two is two", Two == 2);
    /* NT_VERIFY yields the truth value, in every build. */
    assert_true(NT_VERIFY(Two == 2));
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ASSERTION_FAILURE,
                        ASSERT(Two == 3));
    SimReset();
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ASSERTION_FAILURE,
                        NT_ASSERT(Two == 3));
    SimReset();
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ASSERTION_FAILURE,
                        (void)NT_VERIFY(Two == 3));
}

/* ------------------------------------------------------------------------ */
/* DbgPrint, DbgPrintEx, KdPrint (DbgPrint/DbgPrintEx pages: at most 512   */
/* bytes per call; Level 0-31 a bit number, larger a mask; the default     */
/* filter passes DPFLTR_ERROR_LEVEL).                                      */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(DebugOutput, SimTestSetup, TeardownDefault)
{
    (void)State;
    Reconfigure(FALSE, SimProfileModern);
    UNICODE_STRING Name = UnicodeOf(L"Device");
    char Text[2048];
    CAPTURE Capture;
    CaptureBegin(&Capture);
    DbgPrint("1:%lu %wZ %ws %I64X|\n", (ULONG)4000000000u, &Name, L"w", (ULONG64)0xABCDEF012ull);
    KdPrint(("2:%s %d|\n", "kd", -3));
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "3:error|\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_WARNING_LEVEL, "x:warning\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, "x:info\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, 0x80000001u, "4:mask with bit 0|\n");
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, 0x80000002u, "x:mask without bit 0\n");
    KdPrintEx((DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "5:%s|\n", "kdex"));
    static char Long[1000];
    memset(Long, 'L', sizeof(Long) - 1);
    DbgPrint("%s", Long);
    CaptureEnd(&Capture, Text, sizeof(Text));
    assert_non_null(strstr(Text, "1:4000000000 Device w ABCDEF012|\n"));
    assert_non_null(strstr(Text, "2:kd -3|\n"));
    assert_non_null(strstr(Text, "3:error|\n"));
    assert_non_null(strstr(Text, "4:mask with bit 0|\n"));
    assert_non_null(strstr(Text, "5:kdex|\n"));
    assert_null(strstr(Text, "x:"));
    /* The long message: 511 characters and the terminator. */
    const char *Run = strchr(Text, 'L');
    assert_non_null(Run);
    assert_int_equal(strspn(Run, "L"), 511);
    assert_int_equal(strlen(Run), 511);
}

/* A wide/narrow conversion in a format is documented for PASSIVE_LEVEL only
 * (DbgPrint: "%C, %S, %lc, %ls, %wc, %ws, %wZ ... only with IRQL =
 * PASSIVE_LEVEL"); mmsim stops at DISPATCH_LEVEL with 0xD1 (argument, IRQL,
 * read, caller). Without a conversion any IRQL is fine. */
SIM_TEST_F(ConversionAtDispatchStops, SimTestSetup, TeardownDefault)
{
    (void)State;
    Reconfigure(TRUE, SimProfileModern);
    static const WCHAR Wide[] = L"wide";
    UNICODE_STRING Name = UnicodeOf(L"name");
    char Buffer[32];
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    assert_int_equal(RtlStringCbPrintfA(Buffer, sizeof(Buffer), "%ws", Wide), STATUS_SUCCESS);
    KeLowerIrql(Old);
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_int_equal(RtlStringCbPrintfA(Buffer, sizeof(Buffer), "%d %s", 5, "ok"), STATUS_SUCCESS);
    assert_string_equal(Buffer, "5 ok");
    DbgPrint("%d %s\n", 5, "dispatch, no conversion");
    SIM_EXPECT_BUGCHECK4(DRIVER_IRQL_NOT_LESS_OR_EQUAL, Wide, DISPATCH_LEVEL, 0, SIM_ANY,
                         RtlStringCbPrintfA(Buffer, sizeof(Buffer), "%ws", Wide));
    SimReset();
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(DRIVER_IRQL_NOT_LESS_OR_EQUAL, &Name, DISPATCH_LEVEL, 0, SIM_ANY,
                         DbgPrint("%wZ\n", &Name));
    SimReset();
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    WCHAR WideBuffer[8];
    static const char Narrow[] = "narrow";
    SIM_EXPECT_BUGCHECK4(DRIVER_IRQL_NOT_LESS_OR_EQUAL, Narrow, DISPATCH_LEVEL, 0, SIM_ANY,
                         RtlStringCchPrintfW(WideBuffer, 8, L"%S", Narrow));
}

/* ------------------------------------------------------------------------ */
/* ntstrsafe.h: the printf formats (format-specification pages of the      */
/* Visual C++ reference: sizes h, l, I, I32, I64, w; types c/C, s/S, Z, p). */
/* ------------------------------------------------------------------------ */
typedef enum _ARG_KIND { ArgNone, ArgI32, ArgI64, ArgPointer, ArgDouble } ARG_KIND;

typedef struct _FORMAT_ROW {
    const char *Format;
    ARG_KIND Kind;
    LONG64 Integer;
    const void *Pointer;
    double Real;
    const char *Expected;
} FORMAT_ROW;

static NTSTATUS FormatRowA(char *Buffer, size_t Size, const FORMAT_ROW *Row)
{
    switch (Row->Kind) {
    case ArgI32:
        return RtlStringCbPrintfA(Buffer, Size, Row->Format, (LONG)Row->Integer);
    case ArgI64:
        return RtlStringCbPrintfA(Buffer, Size, Row->Format, Row->Integer);
    case ArgPointer:
        return RtlStringCbPrintfA(Buffer, Size, Row->Format, Row->Pointer);
    case ArgDouble:
        return RtlStringCbPrintfA(Buffer, Size, Row->Format, Row->Real);
    default:
        return RtlStringCbPrintfA(Buffer, Size, Row->Format);
    }
}

SIM_TEST(PrintfFormatsA)
{
    (void)State;
    static const WCHAR Smiley[] = {0x263A, 'x', 0};
    static char AnsiText[] = "ansi!";
    static ANSI_STRING Ansi = {4, 6, AnsiText}; /* counted: "ansi" */
    static WCHAR UnicodeText[] = L"unicode";
    static UNICODE_STRING Unicode = {3 * sizeof(WCHAR), 8 * sizeof(WCHAR), UnicodeText};
    int Dummy = 0;
    const FORMAT_ROW Rows[] = {
        {"plain", ArgNone, 0, NULL, 0, "plain"},
        {"100%%", ArgNone, 0, NULL, 0, "100%"},
        {"%d", ArgI32, -42, NULL, 0, "-42"},
        {"%i", ArgI32, 7, NULL, 0, "7"},
        {"%u", ArgI32, (LONG)0xFFFFFFFFu, NULL, 0, "4294967295"},
        /* LLP64: l is 32 bits (a LONG / ULONG). */
        {"%ld", ArgI32, -5, NULL, 0, "-5"},
        {"%lu", ArgI32, (LONG)3000000000u, NULL, 0, "3000000000"},
        {"%lx", ArgI32, (LONG)0xDEADBEEFu, NULL, 0, "deadbeef"},
        {"%I64x", ArgI64, 0x123456789ABCDEF0ll, NULL, 0, "123456789abcdef0"},
        {"%I64d", ArgI64, -1, NULL, 0, "-1"},
        {"%I64u", ArgI64, -1, NULL, 0, "18446744073709551615"},
        {"%lld", ArgI64, -9000000000ll, NULL, 0, "-9000000000"},
        {"%Iu", ArgI64, 1ll << 40, NULL, 0, "1099511627776"},
        {"%zu", ArgI64, 1ll << 33, NULL, 0, "8589934592"},
        {"%I32u", ArgI32, 12, NULL, 0, "12"},
        {"%hd", ArgI32, 70000, NULL, 0, "4464"},
        {"%hu", ArgI32, -1, NULL, 0, "65535"},
        {"%hhu", ArgI32, 257, NULL, 0, "1"},
        {"%08X", ArgI32, 0xBEEF, NULL, 0, "0000BEEF"},
        {"%-6d|", ArgI32, 42, NULL, 0, "42    |"},
        {"%6d|", ArgI32, 42, NULL, 0, "    42|"},
        {"%+d", ArgI32, 5, NULL, 0, "+5"},
        {"% d", ArgI32, 5, NULL, 0, " 5"},
        {"%#x", ArgI32, 255, NULL, 0, "0xff"},
        {"%#X", ArgI32, 0, NULL, 0, "0"},
        {"%#o", ArgI32, 8, NULL, 0, "010"},
        {"%o", ArgI32, 8, NULL, 0, "10"},
        {"%.3d", ArgI32, 7, NULL, 0, "007"},
        {"%.0d|", ArgI32, 0, NULL, 0, "|"},
        {"%05d", ArgI32, -12, NULL, 0, "-0012"},
        /* p: the pointer as 16 upper-case hex digits (x64). */
        {"%p", ArgPointer, 0, (const void *)(ULONG_PTR)0xABC0, 0, "000000000000ABC0"},
        {"%c", ArgI32, 'A', NULL, 0, "A"},
        {"%C", ArgI32, L'B', NULL, 0, "B"},
        {"%wc", ArgI32, L'D', NULL, 0, "D"},
        {"%s", ArgPointer, 0, "narrow", 0, "narrow"},
        {"%hs", ArgPointer, 0, "narrow", 0, "narrow"},
        {"%S", ArgPointer, 0, L"wide", 0, "wide"},
        {"%ws", ArgPointer, 0, L"wide", 0, "wide"},
        {"%ls", ArgPointer, 0, L"wide", 0, "wide"},
        {"%ws", ArgPointer, 0, Smiley, 0, "?x"}, /* not in the ANSI code page */
        {"%5.2s|", ArgPointer, 0, "abc", 0, "   ab|"},
        {"%-5s|", ArgPointer, 0, "ab", 0, "ab   |"},
        {"%s", ArgPointer, 0, NULL, 0, "(null)"},
        {"%ws", ArgPointer, 0, NULL, 0, "(null)"},
        {"%Z", ArgPointer, 0, &Ansi, 0, "ansi"},
        {"%wZ", ArgPointer, 0, &Unicode, 0, "uni"},
        {"%wZ", ArgPointer, 0, NULL, 0, "(null)"},
        {"%n|", ArgPointer, 0, &Dummy, 0, "|"},
        {"%.2f", ArgDouble, 0, NULL, 3.14159, "3.14"},
        {"%e", ArgDouble, 0, NULL, 1500.0, "1.500000e+03"},
        {"%g", ArgDouble, 0, NULL, 0.5, "0.5"},
    };
    int Failures = 0;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        char Buffer[64];
        NTSTATUS Status = FormatRowA(Buffer, sizeof(Buffer), &Rows[i]);
        if (Status != STATUS_SUCCESS || strcmp(Buffer, Rows[i].Expected) != 0) {
            print_error("\"%s\": 0x%08X \"%s\", expected \"%s\"\n", Rows[i].Format,
                        (unsigned)Status, Buffer, Rows[i].Expected);
            Failures++;
        }
    }
    assert_int_equal(Failures, 0);
    assert_int_equal(Dummy, 0); /* %n stores nothing */
    char Buffer[32];
    /* '*' width and precision. */
    assert_int_equal(RtlStringCbPrintfA(Buffer, sizeof(Buffer), "%*d|%-*d|%.*s", 4, 7, 3, 8, 2,
                                        "xyz"),
                     STATUS_SUCCESS);
    assert_string_equal(Buffer, "   7|8  |xy");
}

/* The W forms: s is wide there, S narrow (printf type-field page). The
 * documentation's own example of RtlStringCbPrintfW: "%s %d + %d = %d." with
 * "The answer is", 1, 2, 3 gives "The answer is 1 + 2 = 3.". */
SIM_TEST(PrintfFormatsW)
{
    (void)State;
    enum { Size = 30 };
    WCHAR Dest[Size];
    assert_int_equal(RtlStringCbPrintfW(Dest, Size * sizeof(WCHAR), L"%s %d + %d = %d.",
                                        L"The answer is", 1, 2, 3),
                     STATUS_SUCCESS);
    assert_int_equal(wcscmp(Dest, L"The answer is 1 + 2 = 3."), 0);

    static char AnsiText[] = "ansi";
    static ANSI_STRING Ansi = {4, 5, AnsiText};
    UNICODE_STRING Unicode = UnicodeOf(L"unicode");
    assert_int_equal(RtlStringCchPrintfW(Dest, Size, L"%S|%hs|%ls|%ws|%c|%C|%Z|%wZ", "n1", "n2",
                                         L"w1", L"w2", L'x', 'y', &Ansi, &Unicode),
                     STATUS_SUCCESS);
    assert_int_equal(wcscmp(Dest, L"n1|n2|w1|w2|x|y|ansi|unicode"), 0);
    WCHAR Long[40];
    assert_int_equal(RtlStringCchPrintfW(Long, 40, L"%08I64X %ld %p", 0xFEDCBA9876ull, (LONG)-7,
                                         (PVOID)(ULONG_PTR)0x10),
                     STATUS_SUCCESS);
    assert_int_equal(wcscmp(Long, L"FEDCBA9876 -7 0000000000000010"), 0);
}

/* The va_list forms, as a driver's logging wrapper uses them. */
static NTSTATUS LogA(char *Buffer, size_t Size, BOOLEAN Cb, const char *Format, ...)
{
    va_list Arguments;
    va_start(Arguments, Format);
    NTSTATUS Status = Cb ? RtlStringCbVPrintfA(Buffer, Size, Format, Arguments)
                         : RtlStringCchVPrintfA(Buffer, Size, Format, Arguments);
    va_end(Arguments);
    return Status;
}

static NTSTATUS LogW(WCHAR *Buffer, size_t Size, BOOLEAN Cb, const WCHAR *Format, ...)
{
    va_list Arguments;
    va_start(Arguments, Format);
    NTSTATUS Status = Cb ? RtlStringCbVPrintfW(Buffer, Size, Format, Arguments)
                         : RtlStringCchVPrintfW(Buffer, Size, Format, Arguments);
    va_end(Arguments);
    return Status;
}

SIM_TEST(PrintfVaListForms)
{
    (void)State;
    char Narrow[8];
    WCHAR Wide[8];
    assert_int_equal(LogA(Narrow, sizeof(Narrow), TRUE, "%s=%lu", "n", (ULONG)42), STATUS_SUCCESS);
    assert_string_equal(Narrow, "n=42");
    assert_int_equal(LogA(Narrow, 4, FALSE, "%s=%lu", "n", (ULONG)42), STATUS_BUFFER_OVERFLOW);
    assert_string_equal(Narrow, "n=4");
    assert_int_equal(LogA(Narrow, 0, FALSE, "x"), STATUS_INVALID_PARAMETER);
    assert_int_equal(LogW(Wide, sizeof(Wide), TRUE, L"%s=%d", L"w", -1), STATUS_SUCCESS);
    assert_int_equal(wcscmp(Wide, L"w=-1"), 0);
    assert_int_equal(LogW(Wide, 3, FALSE, L"%s=%d", L"w", -1), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(wcscmp(Wide, L"w="), 0);
    assert_int_equal(LogW(Wide, sizeof(WCHAR) - 1, TRUE, L"x"), STATUS_INVALID_PARAMETER);
}

/* ------------------------------------------------------------------------ */
/* ntstrsafe.h: return values (each function's page): STATUS_SUCCESS;      */
/* STATUS_BUFFER_OVERFLOW with the truncated result NUL-terminated;        */
/* STATUS_INVALID_PARAMETER for a size of 0 or above NTSTRSAFE_MAX_CCH,    */
/* a NULL pointer, a full destination (Cat) - the destination unchanged.   */
/* ------------------------------------------------------------------------ */
typedef enum _STR_OP {
    OpCchCopyA, OpCbCopyA, OpCchCatA, OpCbCatA, OpCchPrintfA, OpCbPrintfA,
    OpCchCopyW, OpCbCopyW, OpCchCatW, OpCbCatW, OpCchPrintfW, OpCbPrintfW
} STR_OP;

typedef struct _STR_ROW {
    const char *What;
    STR_OP Op;
    const char *Initial;  /* destination before the call ("#" = no NUL at all) */
    size_t Size;          /* cch or cb as the function takes it */
    const char *Source;   /* source string or the printf argument; NULL = NULL */
    NTSTATUS Expected;
    const char *Result;   /* destination after the call */
} STR_ROW;

#define BIG_CCH ((size_t)NTSTRSAFE_MAX_CCH)

static NTSTATUS RunStrRow(const STR_ROW *Row, char *Narrow, WCHAR *Wide)
{
    WCHAR WideSource[64];
    const WCHAR *WSource = NULL;
    if (Row->Source != NULL) {
        size_t i = 0;
        for (; Row->Source[i] != '\0'; i++) {
            WideSource[i] = (WCHAR)(unsigned char)Row->Source[i];
        }
        WideSource[i] = 0;
        WSource = WideSource;
    }
    switch (Row->Op) {
    case OpCchCopyA:
        return RtlStringCchCopyA(Narrow, Row->Size, Row->Source);
    case OpCbCopyA:
        return RtlStringCbCopyA(Narrow, Row->Size, Row->Source);
    case OpCchCatA:
        return RtlStringCchCatA(Narrow, Row->Size, Row->Source);
    case OpCbCatA:
        return RtlStringCbCatA(Narrow, Row->Size, Row->Source);
    case OpCchPrintfA:
        return RtlStringCchPrintfA(Narrow, Row->Size, Row->Source == NULL ? NULL : "<%s>",
                                   Row->Source);
    case OpCbPrintfA:
        return RtlStringCbPrintfA(Narrow, Row->Size, Row->Source == NULL ? NULL : "<%s>",
                                  Row->Source);
    case OpCchCopyW:
        return RtlStringCchCopyW(Wide, Row->Size, WSource);
    case OpCbCopyW:
        return RtlStringCbCopyW(Wide, Row->Size, WSource);
    case OpCchCatW:
        return RtlStringCchCatW(Wide, Row->Size, WSource);
    case OpCbCatW:
        return RtlStringCbCatW(Wide, Row->Size, WSource);
    case OpCchPrintfW:
        return RtlStringCchPrintfW(Wide, Row->Size, WSource == NULL ? NULL : L"<%s>", WSource);
    case OpCbPrintfW:
        return RtlStringCbPrintfW(Wide, Row->Size, WSource == NULL ? NULL : L"<%s>", WSource);
    }
    return STATUS_UNSUCCESSFUL;
}

SIM_TEST(StringFunctionResults)
{
    (void)State;
    const size_t W = sizeof(WCHAR);
    const STR_ROW Rows[] = {
        /* Copy. */
        {"copy fits", OpCchCopyA, "", 8, "hello", STATUS_SUCCESS, "hello"},
        {"copy exactly fits", OpCchCopyA, "", 6, "hello", STATUS_SUCCESS, "hello"},
        {"copy truncated", OpCchCopyA, "", 6, "hello world", STATUS_BUFFER_OVERFLOW, "hello"},
        {"copy into 1", OpCchCopyA, "zz", 1, "hello", STATUS_BUFFER_OVERFLOW, ""},
        {"copy empty", OpCchCopyA, "zz", 4, "", STATUS_SUCCESS, ""},
        {"copy size 0", OpCchCopyA, "keep", 0, "x", STATUS_INVALID_PARAMETER, "keep"},
        {"copy size max", OpCchCopyA, "", BIG_CCH, "ok", STATUS_SUCCESS, "ok"},
        {"copy size max+1", OpCchCopyA, "keep", BIG_CCH + 1, "x", STATUS_INVALID_PARAMETER,
         "keep"},
        {"copy NULL source", OpCchCopyA, "keep", 8, NULL, STATUS_INVALID_PARAMETER, "keep"},
        {"cb copy truncated", OpCbCopyA, "", 4, "abcdef", STATUS_BUFFER_OVERFLOW, "abc"},
        {"cb copy size max+1", OpCbCopyA, "keep", BIG_CCH + 1, "x", STATUS_INVALID_PARAMETER,
         "keep"},
        {"W copy fits", OpCchCopyW, "", 8, "wide", STATUS_SUCCESS, "wide"},
        {"W copy truncated", OpCchCopyW, "", 3, "wide", STATUS_BUFFER_OVERFLOW, "wi"},
        {"W cb copy truncated", OpCbCopyW, "", 3 * W, "wide", STATUS_BUFFER_OVERFLOW, "wi"},
        {"W cb copy odd size", OpCbCopyW, "", 3 * W + 1, "wide", STATUS_BUFFER_OVERFLOW, "wi"},
        {"W cb copy below one char", OpCbCopyW, "keep", W - 1, "x", STATUS_INVALID_PARAMETER,
         "keep"},
        {"W cb copy size max", OpCbCopyW, "", BIG_CCH * W, "ok", STATUS_SUCCESS, "ok"},
        {"W cb copy size max+1", OpCbCopyW, "keep", BIG_CCH * W + 1, "x",
         STATUS_INVALID_PARAMETER, "keep"},
        /* Concatenate. */
        {"cat fits", OpCchCatA, "ab", 8, "cd", STATUS_SUCCESS, "abcd"},
        {"cat truncated", OpCchCatA, "abc", 6, "defgh", STATUS_BUFFER_OVERFLOW, "abcde"},
        {"cat onto a full string", OpCchCatA, "abcde", 6, "x", STATUS_BUFFER_OVERFLOW, "abcde"},
        {"cat nothing onto a full string", OpCchCatA, "abcde", 6, "", STATUS_SUCCESS, "abcde"},
        {"cat, no NUL within size", OpCchCatA, "#", 4, "x", STATUS_INVALID_PARAMETER, "#"},
        {"cat size 0", OpCchCatA, "ab", 0, "x", STATUS_INVALID_PARAMETER, "ab"},
        {"cat NULL source", OpCchCatA, "ab", 8, NULL, STATUS_INVALID_PARAMETER, "ab"},
        {"cb cat truncated", OpCbCatA, "ab", 4, "cd", STATUS_BUFFER_OVERFLOW, "abc"},
        {"W cat fits", OpCchCatW, "ab", 8, "cd", STATUS_SUCCESS, "abcd"},
        {"W cb cat truncated", OpCbCatW, "ab", 4 * W, "cde", STATUS_BUFFER_OVERFLOW, "abc"},
        {"W cat size max+1", OpCchCatW, "ab", BIG_CCH + 1, "x", STATUS_INVALID_PARAMETER, "ab"},
        /* Printf: "<%s>" of the source. */
        {"printf fits", OpCchPrintfA, "", 8, "abc", STATUS_SUCCESS, "<abc>"},
        {"printf truncated", OpCchPrintfA, "", 4, "abc", STATUS_BUFFER_OVERFLOW, "<ab"},
        {"printf size 0", OpCchPrintfA, "keep", 0, "abc", STATUS_INVALID_PARAMETER, "keep"},
        {"printf size max+1", OpCchPrintfA, "keep", BIG_CCH + 1, "a", STATUS_INVALID_PARAMETER,
         "keep"},
        {"printf NULL format", OpCchPrintfA, "keep", 8, NULL, STATUS_INVALID_PARAMETER, "keep"},
        {"cb printf truncated", OpCbPrintfA, "", 3, "abc", STATUS_BUFFER_OVERFLOW, "<a"},
        {"W printf truncated", OpCchPrintfW, "", 4, "abc", STATUS_BUFFER_OVERFLOW, "<ab"},
        {"W cb printf fits", OpCbPrintfW, "", 6 * W, "abc", STATUS_SUCCESS, "<abc>"},
        {"W cb printf truncated", OpCbPrintfW, "", 5 * W, "abc", STATUS_BUFFER_OVERFLOW,
         "<abc"},
    };
    int Failures = 0;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        const STR_ROW *Row = &Rows[i];
        char Narrow[16];
        WCHAR Wide[16];
        bool IsWide = Row->Op >= OpCchCopyW;
        /* "#": four non-NUL characters and nothing else in range. */
        memset(Narrow, '#', sizeof(Narrow));
        for (size_t j = 0; j < 16; j++) {
            Wide[j] = L'#';
        }
        if (strcmp(Row->Initial, "#") != 0) {
            strcpy(Narrow, Row->Initial);
            size_t j = 0;
            for (; Row->Initial[j] != '\0'; j++) {
                Wide[j] = (WCHAR)Row->Initial[j];
            }
            Wide[j] = 0;
        }
        NTSTATUS Status = RunStrRow(Row, Narrow, Wide);
        char Got[17];
        if (IsWide) {
            size_t j = 0;
            for (; j < 16 && Wide[j] != 0; j++) {
                Got[j] = (char)Wide[j];
            }
            Got[j] = '\0';
        } else {
            memcpy(Got, Narrow, 16);
            Got[16] = '\0';
        }
        const char *Expected = strcmp(Row->Result, "#") == 0 ? "################" : Row->Result;
        if (Status != Row->Expected || strcmp(Got, Expected) != 0) {
            print_error("%s: 0x%08X \"%s\", expected 0x%08X \"%s\"\n", Row->What,
                        (unsigned)Status, Got, (unsigned)Row->Expected, Expected);
            Failures++;
        }
    }
    assert_int_equal(Failures, 0);
    /* STATUS_BUFFER_OVERFLOW is a warning: NT_SUCCESS is FALSE for it. */
    assert_false(NT_SUCCESS(STATUS_BUFFER_OVERFLOW));
    assert_true(NT_WARNING(STATUS_BUFFER_OVERFLOW));
}

/* Length functions (RtlStringCchLength/RtlStringCbLength pages): SUCCESS
 * when the string with its NUL fits in the maximum; INVALID_PARAMETER for a
 * NULL string, a maximum above NTSTRSAFE_MAX_CCH (x the character size) or a
 * longer string. The Cb forms count bytes. */
SIM_TEST(StringLengths)
{
    (void)State;
    static const WCHAR WideAbc[] = L"abc";
    static const struct {
        const char *What;
        int Form; /* 0 CchA, 1 CbA, 2 CchW, 3 CbW */
        const void *Text;
        size_t Max;
        NTSTATUS Expected;
        size_t Length;
    } Rows[] = {
        {"A fits", 0, "abc", 4, STATUS_SUCCESS, 3},
        {"A roomy", 0, "abc", 100, STATUS_SUCCESS, 3},
        {"A too long", 0, "abc", 3, STATUS_INVALID_PARAMETER, 0},
        {"A max 0", 0, "abc", 0, STATUS_INVALID_PARAMETER, 0},
        {"A NULL", 0, NULL, 4, STATUS_INVALID_PARAMETER, 0},
        {"A max+1", 0, "abc", BIG_CCH + 1, STATUS_INVALID_PARAMETER, 0},
        {"A max", 0, "abc", BIG_CCH, STATUS_SUCCESS, 3},
        {"A empty", 0, "", 1, STATUS_SUCCESS, 0},
        {"Cb A fits", 1, "abc", 4, STATUS_SUCCESS, 3},
        {"Cb A too long", 1, "abc", 2, STATUS_INVALID_PARAMETER, 0},
        {"W fits", 2, WideAbc, 4, STATUS_SUCCESS, 3},
        {"W too long", 2, WideAbc, 3, STATUS_INVALID_PARAMETER, 0},
        {"Cb W fits", 3, WideAbc, 4 * sizeof(WCHAR), STATUS_SUCCESS, 3 * sizeof(WCHAR)},
        {"Cb W too long", 3, WideAbc, 3 * sizeof(WCHAR), STATUS_INVALID_PARAMETER, 0},
        {"Cb W max+1", 3, WideAbc, BIG_CCH * sizeof(WCHAR) + 1, STATUS_INVALID_PARAMETER, 0},
    };
    int Failures = 0;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        size_t Length = 12345;
        NTSTATUS Status;
        switch (Rows[i].Form) {
        case 0:
            Status = RtlStringCchLengthA((STRSAFE_PCNZCH)Rows[i].Text, Rows[i].Max, &Length);
            break;
        case 1:
            Status = RtlStringCbLengthA((STRSAFE_PCNZCH)Rows[i].Text, Rows[i].Max, &Length);
            break;
        case 2:
            Status = RtlStringCchLengthW((STRSAFE_PCNZWCH)Rows[i].Text, Rows[i].Max, &Length);
            break;
        default:
            Status = RtlStringCbLengthW((STRSAFE_PCNZWCH)Rows[i].Text, Rows[i].Max, &Length);
            break;
        }
        if (Status != Rows[i].Expected || Length != Rows[i].Length) {
            print_error("%s: 0x%08X length %zu, expected 0x%08X length %zu\n", Rows[i].What,
                        (unsigned)Status, Length, (unsigned)Rows[i].Expected, Rows[i].Length);
            Failures++;
        }
    }
    assert_int_equal(Failures, 0);
    /* The length is optional. */
    assert_int_equal(RtlStringCchLengthA("abc", 4, NULL), STATUS_SUCCESS);
}

/* ------------------------------------------------------------------------ */
/* Time (KeQuery* pages): any IRQL; system time in 100 ns units since      */
/* 1601, interrupt time in 100 ns units since boot, the performance        */
/* counter monotonic with a fixed frequency; the non-precise forms are     */
/* accurate to a clock tick (KeQueryTimeIncrement).                        */
/* ------------------------------------------------------------------------ */
static void SleepMs(long Milliseconds)
{
    struct timespec Delay = {Milliseconds / 1000, (Milliseconds % 1000) * 1000000L};
    while (nanosleep(&Delay, &Delay) != 0) {
    }
}

SIM_TEST(TimeQueries)
{
    (void)State;
    /* System time against the host's wall clock (11644473600 s from 1601 to 1970). */
    LARGE_INTEGER Precise, Coarse;
    KeQuerySystemTimePrecise(&Precise);
    struct timespec Host;
    clock_gettime(CLOCK_REALTIME, &Host);
    LONGLONG HostTime = ((LONGLONG)Host.tv_sec + 11644473600ll) * 10000000ll + Host.tv_nsec / 100;
    assert_true(Precise.QuadPart <= HostTime);
    assert_true(HostTime - Precise.QuadPart < 5 * 10000000ll);
    KeQuerySystemTime(&Coarse);
    LARGE_INTEGER After;
    KeQuerySystemTimePrecise(&After);
    ULONG Increment = KeQueryTimeIncrement();
    assert_int_equal(Increment, 156250); /* 15.625 ms */
    assert_true(Coarse.QuadPart <= After.QuadPart);
    assert_true(After.QuadPart - Coarse.QuadPart <= (LONGLONG)Increment + 10000000ll);

    /* Interrupt time: tick-aligned, behind the precise value by < a tick. */
    ULONGLONG Interrupt = KeQueryInterruptTime();
    ULONG64 Qpc = 0;
    ULONG64 InterruptPrecise = KeQueryInterruptTimePrecise(&Qpc);
    assert_int_equal(Interrupt % Increment, 0);
    assert_true(Interrupt <= InterruptPrecise);
    assert_true(InterruptPrecise - Interrupt < (ULONG64)Increment + 10000000ull);
    assert_true(Qpc != 0 || InterruptPrecise == 0);

    /* The performance counter: 10 MHz, monotonic, measures a sleep. */
    LARGE_INTEGER Frequency = {0};
    LARGE_INTEGER Start = KeQueryPerformanceCounter(&Frequency);
    assert_int_equal(Frequency.QuadPart, 10000000);
    LONGLONG Previous = Start.QuadPart;
    for (int i = 0; i < 1000; i++) {
        LONGLONG Now = KeQueryPerformanceCounter(NULL).QuadPart;
        assert_true(Now >= Previous);
        Previous = Now;
    }
    SleepMs(30);
    LONGLONG Elapsed = KeQueryPerformanceCounter(NULL).QuadPart - Start.QuadPart;
    assert_true(Elapsed >= 30 * 10000);           /* at least 30 ms */
    assert_true(Elapsed < 30ll * 10000000);       /* not absurd */

    /* Any IRQL. */
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    KeQuerySystemTime(&Coarse);
    KeQuerySystemTimePrecise(&Precise);
    (void)KeQueryInterruptTime();
    (void)KeQueryPerformanceCounter(NULL);
    KeLowerIrql(Old);

    /* A fresh machine boots again: interrupt time starts over. After the
     * reset it is at most the host time the reset and the query took (in
     * 100 ns units), however long that was on a loaded machine; without a
     * restart it would also hold the time since this machine booted. */
    SleepMs(20);
    ULONG64 BeforeReset = KeQueryInterruptTimePrecise(&Qpc);
    struct timespec HostBefore, HostAfter;
    clock_gettime(CLOCK_MONOTONIC, &HostBefore);
    SimReset();
    ULONG64 AfterReset = KeQueryInterruptTimePrecise(&Qpc);
    clock_gettime(CLOCK_MONOTONIC, &HostAfter);
    int64_t ResetTook = (int64_t)(HostAfter.tv_sec - HostBefore.tv_sec) * 10000000 +
                        (HostAfter.tv_nsec - HostBefore.tv_nsec) / 100 + 1;
    assert_true(BeforeReset >= 20 * 10000);
    assert_true(AfterReset <= (ULONG64)ResetTook);
}

/* The IRQL rule of each (any level) and MmGetSystemRoutineAddress: present
 * in the modern profile; the ones newer than Server 2003 absent under nt5. */
SIM_TEST_F(TimeAndProcessorExports, SimTestSetup, TeardownDefault)
{
    (void)State;
    static const struct {
        PCWSTR Name;
        const char *Ddi;
        BOOLEAN InServer2003;
    } Rows[] = {
        {L"KeQueryPerformanceCounter", "KeQueryPerformanceCounter", TRUE},
        {L"KeQuerySystemTime", "KeQuerySystemTime", TRUE},
        {L"KeQuerySystemTimePrecise", "KeQuerySystemTimePrecise", FALSE},  /* Windows 8 */
        {L"KeQueryInterruptTime", "KeQueryInterruptTime", TRUE},
        {L"KeQueryInterruptTimePrecise", "KeQueryInterruptTimePrecise", FALSE},
        {L"KeQueryTimeIncrement", "KeQueryTimeIncrement", TRUE},
        {L"KeGetCurrentProcessorNumber", "KeGetCurrentProcessorNumber", TRUE},
        {L"KeGetCurrentProcessorNumberEx", "KeGetCurrentProcessorNumberEx", FALSE}, /* 7 */
        {L"KeGetCurrentProcessorIndex", "KeGetCurrentProcessorIndex", FALSE},
        {L"KeQueryActiveProcessorCount", "KeQueryActiveProcessorCount", FALSE}, /* Vista */
        {L"KeQueryActiveProcessorCountEx", "KeQueryActiveProcessorCountEx", FALSE}, /* 7 */
    };
    Reconfigure(TRUE, SimProfileModern);
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        const SIM_IRQL_RULE *Rule = SimIrqlRule(Rows[i].Ddi);
        assert_non_null(Rule);
        assert_int_equal(Rule->MaxIrql, HIGH_LEVEL);
        UNICODE_STRING Name = UnicodeOf(Rows[i].Name);
        assert_non_null(MmGetSystemRoutineAddress(&Name));
    }
    /* ntstrsafe is library code in the driver, not an export. */
    UNICODE_STRING Printf = UnicodeOf(L"RtlStringCbPrintfA");
    assert_null(MmGetSystemRoutineAddress(&Printf));
    Reconfigure(TRUE, SimProfileNt5);
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        UNICODE_STRING Name = UnicodeOf(Rows[i].Name);
        PVOID Routine = MmGetSystemRoutineAddress(&Name);
        if ((Routine != NULL) != (Rows[i].InServer2003 != FALSE)) {
            fail_msg("nt5: %ls %s", Rows[i].Name, Routine != NULL ? "found" : "missing");
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Processors (KeQueryActiveProcessorCount(Ex), KeGetCurrentProcessor*     */
/* pages): group 0 for the non-Ex forms; ALL_PROCESSOR_GROUPS counts all;  */
/* an unknown group has 0; the current number is in range.                 */
/* ------------------------------------------------------------------------ */
SIM_TEST(ProcessorQueries)
{
    (void)State;
    ULONG All = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    assert_true(All >= 1);
#if defined(_SC_NPROCESSORS_ONLN)
    assert_int_equal(All, (ULONG)sysconf(_SC_NPROCESSORS_ONLN)); /* the host's processors */
#endif
    ULONG Group0 = All < 64 ? All : 64;
    KAFFINITY Mask = 0;
    assert_int_equal(KeQueryActiveProcessorCount(&Mask), Group0);
    assert_int_equal(KeQueryActiveProcessorCount(NULL), Group0);
    assert_int_equal(__builtin_popcountll(Mask), Group0);
    assert_int_equal(KeQueryActiveProcessorCountEx(0), Group0);
    ULONG Sum = 0;
    for (USHORT Group = 0; Group < (All + 63) / 64; Group++) {
        Sum += KeQueryActiveProcessorCountEx(Group);
    }
    assert_int_equal(Sum, All);
    assert_int_equal(KeQueryActiveProcessorCountEx((USHORT)((All + 63) / 64)), 0);
    assert_int_equal(KeQueryActiveProcessorCountEx(1000), 0);

    PROCESSOR_NUMBER Number;
    memset(&Number, 0xCC, sizeof(Number));
    ULONG Index = KeGetCurrentProcessorNumberEx(&Number);
    assert_true(Index < All);
    assert_int_equal(Number.Group * 64u + Number.Number, Index);
    assert_int_equal(Number.Reserved, 0);
    assert_true(KeGetCurrentProcessorNumberEx(NULL) < All);
    assert_true(KeGetCurrentProcessorNumber() < Group0);
    assert_true(KeGetCurrentProcessorIndex() < All);

    /* At DISPATCH_LEVEL the thread cannot move: the number stays. */
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    ULONG Pinned = KeGetCurrentProcessorNumberEx(NULL);
    for (int i = 0; i < 200; i++) {
        sched_yield();
        assert_int_equal(KeGetCurrentProcessorNumberEx(NULL), Pinned);
        assert_int_equal(KeGetCurrentProcessorIndex(), Pinned);
    }
    KeLowerIrql(Old);
}

/* ------------------------------------------------------------------------ */
/* Interlocked family (wdm.h): value returned and value left, per width.   */
/* ------------------------------------------------------------------------ */
typedef enum _ILK_OP {
    IlkIncrement, IlkDecrement, IlkExchange, IlkExchangeAdd, IlkAdd, IlkAnd, IlkOr, IlkXor,
    IlkCompareHit, IlkCompareMiss, IlkIncrementAcquire, IlkDecrementRelease,
    IlkCompareAcquireHit, IlkCompareReleaseMiss
} ILK_OP;

typedef struct _ILK_ROW {
    ILK_OP Op;
    LONG64 Initial, Operand, Returned, Final;
} ILK_ROW;

static LONG Run32(ILK_OP Op, LONG volatile *Target, LONG Operand)
{
    switch (Op) {
    case IlkIncrement: return InterlockedIncrement(Target);
    case IlkDecrement: return InterlockedDecrement(Target);
    case IlkExchange: return InterlockedExchange(Target, Operand);
    case IlkExchangeAdd: return InterlockedExchangeAdd(Target, Operand);
    case IlkAdd: return InterlockedAdd(Target, Operand);
    case IlkAnd: return InterlockedAnd(Target, Operand);
    case IlkOr: return InterlockedOr(Target, Operand);
    case IlkXor: return InterlockedXor(Target, Operand);
    case IlkCompareHit: return InterlockedCompareExchange(Target, Operand, *Target);
    case IlkCompareMiss: return InterlockedCompareExchange(Target, Operand, *Target + 1);
    case IlkIncrementAcquire: return InterlockedIncrementAcquire(Target);
    case IlkDecrementRelease: return InterlockedDecrementRelease(Target);
    case IlkCompareAcquireHit: return InterlockedCompareExchangeAcquire(Target, Operand, *Target);
    case IlkCompareReleaseMiss:
        return InterlockedCompareExchangeRelease(Target, Operand, *Target + 1);
    }
    return 0;
}

static LONG64 Run64(ILK_OP Op, LONG64 volatile *Target, LONG64 Operand)
{
    switch (Op) {
    case IlkIncrement: return InterlockedIncrement64(Target);
    case IlkDecrement: return InterlockedDecrement64(Target);
    case IlkExchange: return InterlockedExchange64(Target, Operand);
    case IlkExchangeAdd: return InterlockedExchangeAdd64(Target, Operand);
    case IlkAdd: return InterlockedAdd64(Target, Operand);
    case IlkAnd: return InterlockedAnd64(Target, Operand);
    case IlkOr: return InterlockedOr64(Target, Operand);
    case IlkXor: return InterlockedXor64(Target, Operand);
    case IlkCompareHit: return InterlockedCompareExchange64(Target, Operand, *Target);
    case IlkCompareMiss: return InterlockedCompareExchange64(Target, Operand, *Target + 1);
    case IlkCompareAcquireHit:
        return InterlockedCompareExchangeAcquire64(Target, Operand, *Target);
    case IlkCompareReleaseMiss:
        return InterlockedCompareExchangeRelease64(Target, Operand, *Target + 1);
    default: return InterlockedIncrement64(Target);
    }
}

SIM_TEST(InterlockedValues)
{
    (void)State;
    static const ILK_ROW Rows32[] = {
        {IlkIncrement, 41, 0, 42, 42},             /* returns the new value */
        {IlkIncrement, 0x7FFFFFFF, 0, (LONG)0x80000000, (LONG)0x80000000}, /* wraps */
        {IlkDecrement, 0, 0, -1, -1},
        {IlkExchange, 5, 9, 5, 9},                 /* returns the old value */
        {IlkExchangeAdd, 5, 3, 5, 8},              /* old */
        {IlkAdd, 5, 3, 8, 8},                      /* new */
        {IlkAnd, 0xF0F0, 0x0FF0, 0xF0F0, 0x00F0},  /* old */
        {IlkOr, 0xF000, 0x000F, 0xF000, 0xF00F},
        {IlkXor, 0xFF00, 0x0FF0, 0xFF00, 0xF0F0},
        {IlkCompareHit, 7, 100, 7, 100},           /* equal: exchanged, old returned */
        {IlkCompareMiss, 7, 100, 7, 7},            /* different: unchanged */
        {IlkIncrementAcquire, 1, 0, 2, 2},
        {IlkDecrementRelease, 1, 0, 0, 0},
        {IlkCompareAcquireHit, 3, 4, 3, 4},
        {IlkCompareReleaseMiss, 3, 4, 3, 3},
    };
    for (size_t i = 0; i < sizeof(Rows32) / sizeof(Rows32[0]); i++) {
        LONG volatile Target = (LONG)Rows32[i].Initial;
        LONG Returned = Run32(Rows32[i].Op, &Target, (LONG)Rows32[i].Operand);
        if (Returned != (LONG)Rows32[i].Returned || Target != (LONG)Rows32[i].Final) {
            fail_msg("32-bit row %zu: returned %d left %d", i, (int)Returned, (int)Target);
        }
    }
    static const ILK_ROW Rows64[] = {
        {IlkIncrement, 0xFFFFFFFFll, 0, 0x100000000ll, 0x100000000ll}, /* carries past 32 bits */
        {IlkDecrement, 0x100000000ll, 0, 0xFFFFFFFFll, 0xFFFFFFFFll},
        {IlkExchange, 1, 0x123456789ll, 1, 0x123456789ll},
        {IlkExchangeAdd, 1ll << 40, 1, 1ll << 40, (1ll << 40) + 1},
        {IlkAdd, 1ll << 40, 1ll << 40, 1ll << 41, 1ll << 41},
        {IlkAnd, -1, 0xFF00000000ll, -1, 0xFF00000000ll},
        {IlkOr, 1, 1ll << 62, 1, (1ll << 62) | 1},
        {IlkXor, 0x0F0F0F0F0F0F0F0Fll, -1, 0x0F0F0F0F0F0F0F0Fll, (LONG64)0xF0F0F0F0F0F0F0F0ull},
        {IlkCompareHit, 1ll << 33, 5, 1ll << 33, 5},
        {IlkCompareMiss, 1ll << 33, 5, 1ll << 33, 1ll << 33},
        {IlkCompareAcquireHit, 9, 1ll << 50, 9, 1ll << 50},
        {IlkCompareReleaseMiss, 9, 1ll << 50, 9, 9},
    };
    for (size_t i = 0; i < sizeof(Rows64) / sizeof(Rows64[0]); i++) {
        LONG64 volatile Target = Rows64[i].Initial;
        LONG64 Returned = Run64(Rows64[i].Op, &Target, Rows64[i].Operand);
        if (Returned != Rows64[i].Returned || Target != Rows64[i].Final) {
            fail_msg("64-bit row %zu: returned %lld left %lld", i, (long long)Returned,
                     (long long)Target);
        }
    }
    /* 16- and 8-bit forms. */
    SHORT volatile Short = 0x7FFF;
    assert_int_equal(InterlockedIncrement16(&Short), (SHORT)0x8000);
    assert_int_equal(InterlockedDecrement16(&Short), 0x7FFF);
    assert_int_equal(InterlockedCompareExchange16(&Short, 1, 0x7FFF), 0x7FFF);
    assert_int_equal(InterlockedExchange16(&Short, 3), 1);
    assert_int_equal(InterlockedOr16(&Short, 4), 3);
    assert_int_equal(InterlockedAnd16(&Short, 6), 7);
    assert_int_equal(InterlockedXor16(&Short, 6), 6);
    assert_int_equal(Short, 0);
    CHAR volatile Byte = 1;
    assert_int_equal(InterlockedExchange8(&Byte, 2), 1);
    assert_int_equal(InterlockedOr8(&Byte, 1), 2);
    assert_int_equal(InterlockedAnd8(&Byte, 1), 3);
    assert_int_equal(InterlockedXor8(&Byte, 1), 1);
    assert_int_equal(Byte, 0);
    /* Pointers and SIZE_T. */
    int First = 1, Second = 2;
    PVOID volatile Slot = &First;
    assert_ptr_equal(InterlockedExchangePointer(&Slot, &Second), &First);
    assert_ptr_equal(InterlockedCompareExchangePointer(&Slot, &First, &First), &Second);
    assert_ptr_equal(Slot, &Second); /* comparand did not match */
    assert_ptr_equal(InterlockedCompareExchangePointer(&Slot, NULL, &Second), &Second);
    assert_null(Slot);
    SIZE_T volatile Count = 10;
    assert_int_equal(InterlockedIncrementSizeT(&Count), 11);
    assert_int_equal(InterlockedExchangeAddSizeT(&Count, 5), 11);
    assert_int_equal(InterlockedDecrementSizeT(&Count), 15);
    /* Bit test: the offset may reach past the first LONG. */
    LONG volatile Bits[2] = {0, 0};
    assert_false(InterlockedBitTestAndSet(Bits, 33));
    assert_int_equal(Bits[1], 2);
    assert_true(InterlockedBitTestAndSet(Bits, 33));
    assert_true(InterlockedBitTestAndReset(Bits, 33));
    assert_int_equal(Bits[1], 0);
    LONG64 volatile Bits64 = 0;
    assert_false(InterlockedBitTestAndSet64(&Bits64, 63));
    assert_true(Bits64 < 0);
    assert_true(InterlockedBitTestAndReset64(&Bits64, 63));
    assert_int_equal(Bits64, 0);
}

/* Atomicity: threads incrementing one LONG and one LONG64 lose nothing. */
#define ILK_THREADS 4
#define ILK_ROUNDS 20000
static LONG volatile SharedLong;
static LONG64 volatile SharedLong64;

static void *IncrementThread(void *Context)
{
    (void)Context;
    for (int i = 0; i < ILK_ROUNDS; i++) {
        InterlockedIncrement(&SharedLong);
        InterlockedExchangeAdd64(&SharedLong64, 3);
    }
    return NULL;
}

SIM_TEST(InterlockedIsAtomic)
{
    (void)State;
    SharedLong = 0;
    SharedLong64 = 0;
    pthread_t Threads[ILK_THREADS];
    for (int i = 0; i < ILK_THREADS; i++) {
        assert_int_equal(pthread_create(&Threads[i], NULL, IncrementThread, NULL), 0);
    }
    for (int i = 0; i < ILK_THREADS; i++) {
        assert_int_equal(pthread_join(Threads[i], NULL), 0);
    }
    assert_int_equal(SharedLong, ILK_THREADS * ILK_ROUNDS);
    assert_int_equal(SharedLong64, 3ll * ILK_THREADS * ILK_ROUNDS);
}

/* Ordered accesses (ReadXxxAcquire / WriteXxxRelease / NoFence) and
 * KeMemoryBarrier: values pass through unchanged; a release store published
 * before a flag is seen by an acquire load of the flag. */
static LONG volatile Payload;
static LONG volatile Ready;

static void *Publisher(void *Context)
{
    (void)Context;
    WriteNoFence(&Payload, 1234);
    WriteRelease(&Ready, 1);
    return NULL;
}

SIM_TEST(OrderedAccesses)
{
    (void)State;
    ULONG volatile U = 0;
    WriteULongRelease(&U, 0xFFFFFFFFu);
    assert_int_equal(ReadULongAcquire(&U), 0xFFFFFFFFu);
    ULONG64 volatile U64 = 0;
    WriteULong64Release(&U64, 1ull << 63);
    assert_true(ReadULong64Acquire(&U64) == 1ull << 63);
    PVOID volatile P = NULL;
    WritePointerRelease(&P, (PVOID)&U);
    assert_ptr_equal(ReadPointerAcquire(&P), (PVOID)&U);
    BOOLEAN volatile B = FALSE;
    WriteBooleanRelease(&B, TRUE);
    assert_true(ReadBooleanNoFence(&B));
    KeMemoryBarrier();

    Payload = 0;
    Ready = 0;
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, Publisher, NULL), 0);
    while (ReadAcquire(&Ready) == 0) {
        YieldProcessor();
    }
    assert_int_equal(ReadNoFence(&Payload), 1234);
    assert_int_equal(pthread_join(Thread, NULL), 0);
}

/* ------------------------------------------------------------------------ */
/* PHYSICAL_ADDRESS initialisation in C: `= {0}`, designated `.QuadPart`,   */
/* `{{Low, High}}` as in the WDK; the layout of LARGE_INTEGER.             */
/* ------------------------------------------------------------------------ */
SIM_TEST(PhysicalAddressInitialisation)
{
    (void)State;
    PHYSICAL_ADDRESS Zero = {0};
    PHYSICAL_ADDRESS All = {.QuadPart = -1};
    PHYSICAL_ADDRESS Parts = {{0x1000, 1}};
    assert_int_equal(Zero.QuadPart, 0);
    assert_int_equal(All.QuadPart, -1);
    assert_int_equal(All.u.LowPart, 0xFFFFFFFFu);
    assert_int_equal(Parts.QuadPart, 0x100001000ll);
    assert_int_equal(Parts.LowPart, 0x1000);
    assert_int_equal(Parts.HighPart, 1);
    assert_int_equal(sizeof(PHYSICAL_ADDRESS), 8);
    assert_int_equal(offsetof(LARGE_INTEGER, QuadPart), 0);
    assert_int_equal(offsetof(LARGE_INTEGER, HighPart), 4);
    assert_int_equal(offsetof(LARGE_INTEGER, u.HighPart), 4);
    ULARGE_INTEGER Unsigned = {.QuadPart = 0xFFFFFFFF00000001ull};
    assert_int_equal(Unsigned.HighPart, 0xFFFFFFFFu);
    /* As DDI arguments, the way drivers write them. */
    PMDL Mdl = MmAllocatePagesForMdlEx(Zero, All, (PHYSICAL_ADDRESS){0}, PAGE_SIZE, MmCached,
                                       MM_ALLOCATE_FULLY_REQUIRED);
    assert_non_null(Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
}

/* ------------------------------------------------------------------------ */
/* Shapes (docs/wdk-surface.md "Shapes"): the forms the WDK gives drivers.   */
/* ------------------------------------------------------------------------ */

/* LARGE_INTEGER in the WDK's member order: every initialiser form MSVC
 * accepts gives MSVC's value (the parts are the first member). */
SIM_TEST(LargeIntegerInitialisers)
{
    (void)State;
    PHYSICAL_ADDRESS Zero = {0};
    PHYSICAL_ADDRESS Parts = {0x1000, 1};       /* {LowPart, HighPart} */
    PHYSICAL_ADDRESS Highest = {~0UL, ~0L};     /* MSVC: 0xFFFFFFFF, -1 */
    LARGE_INTEGER Negative = {0, -1};
    ULARGE_INTEGER Top = {0, 0x80000000u};
    static const struct {
        const char *Form;
        LONGLONG Got;
        LONGLONG Expected;
    } Rows[] = {
        {"{0}", 0, 0},
        {"{0x1000, 1}", 0, 0x100001000ll},
        {"{~0UL, ~0L}", 0, -1},
        {"{0, -1}", 0, -0x100000000ll},
        {"ULARGE {0, 0x80000000}", 0, (LONGLONG)0x8000000000000000ull},
    };
    LONGLONG Got[] = {Zero.QuadPart, Parts.QuadPart, Highest.QuadPart, Negative.QuadPart,
                      (LONGLONG)Top.QuadPart};
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        if (Got[i] != Rows[i].Expected) {
            print_error("%s: QuadPart 0x%llx, MSVC 0x%llx\n", Rows[i].Form,
                        (unsigned long long)Got[i], (unsigned long long)Rows[i].Expected);
        }
        assert_true(Got[i] == Rows[i].Expected);
    }
    assert_int_equal(Parts.LowPart, 0x1000);
    assert_int_equal(Parts.u.HighPart, 1);
    assert_int_equal(Highest.u.LowPart, 0xFFFFFFFFu);
}

/* x64's KeQuerySystemTime, KeQueryTickCount and KeQueryInterruptTime are
 * macros over SharedUserData storing through (PULONG64): a ULONG64 or a
 * LARGE_INTEGER receives the value of the last clock tick. */
SIM_TEST(TimeMacrosOverSharedUserData)
{
    (void)State;
    ULONG Increment = KeQueryTimeIncrement();
    LARGE_INTEGER Before;
    KeQuerySystemTimePrecise(&Before);
    ULONG64 System = 0;
    LARGE_INTEGER SystemLi = {0};
    KeQuerySystemTime(&System);
    KeQuerySystemTime(&SystemLi);
    LARGE_INTEGER After;
    KeQuerySystemTimePrecise(&After);
    /* At the last tick: not after the precise time, less than a tick (and
     * generous scheduling slack) before the earlier precise reading. */
    assert_true(System <= (ULONG64)After.QuadPart);
    assert_true((LONGLONG)System + (LONGLONG)Increment + 10000000ll >= Before.QuadPart);
    assert_true((ULONG64)SystemLi.QuadPart >= System);

    ULONG64 Ticks = 0;
    LARGE_INTEGER TicksLi = {0};
    ULONG64 Interrupt = KeQueryInterruptTime();
    KeQueryTickCount(&Ticks);
    KeQueryTickCount(&TicksLi);
    assert_int_equal(Interrupt % Increment, 0);
    assert_true(Ticks >= Interrupt / Increment);
    assert_true((ULONG64)TicksLi.QuadPart >= Ticks);
    /* The page is current, not a snapshot: after 3 ticks' sleep each macro
     * reads at least 2 ticks later. */
    SleepMs(3 * Increment / 10000);
    ULONG64 LaterTicks = 0, LaterSystem = 0;
    KeQueryTickCount(&LaterTicks);
    KeQuerySystemTime(&LaterSystem);
    assert_true(KeQueryInterruptTime() >= Interrupt + 2ull * Increment);
    assert_true(LaterTicks >= Ticks + 2);
    assert_true(LaterSystem >= System + 2ull * Increment);

    /* The page itself: a real, page-aligned host page with the fields at
     * their x64 offsets, holding what the macros read. */
    KUSER_SHARED_DATA *Page = SharedUserData;
    assert_int_equal(KI_USER_SHARED_DATA & (PAGE_SIZE - 1), 0);
    static const struct {
        const char *Field;
        ULONG Offset;
        ULONG Documented;
    } Offsets[] = {
        {"TickCountMultiplier", FIELD_OFFSET(KUSER_SHARED_DATA, TickCountMultiplier), 0x4},
        {"InterruptTime", FIELD_OFFSET(KUSER_SHARED_DATA, InterruptTime), 0x8},
        {"SystemTime", FIELD_OFFSET(KUSER_SHARED_DATA, SystemTime), 0x14},
        {"NtMajorVersion", FIELD_OFFSET(KUSER_SHARED_DATA, NtMajorVersion), 0x26c},
        {"ProcessorFeatures", FIELD_OFFSET(KUSER_SHARED_DATA, ProcessorFeatures), 0x274},
        {"KdDebuggerEnabled", FIELD_OFFSET(KUSER_SHARED_DATA, KdDebuggerEnabled), 0x2d4},
        {"TickCount", FIELD_OFFSET(KUSER_SHARED_DATA, TickCount), 0x320},
        {"Cookie", FIELD_OFFSET(KUSER_SHARED_DATA, Cookie), 0x330},
    };
    for (size_t i = 0; i < sizeof(Offsets) / sizeof(Offsets[0]); i++) {
        if (Offsets[i].Offset != Offsets[i].Documented) {
            print_error("KUSER_SHARED_DATA.%s at 0x%x, documented 0x%x\n", Offsets[i].Field,
                        Offsets[i].Offset, Offsets[i].Documented);
        }
        assert_int_equal(Offsets[i].Offset, Offsets[i].Documented);
    }
    assert_int_equal(SharedSystemTime, KI_USER_SHARED_DATA + 0x14);
    assert_int_equal(SharedTickCount, KI_USER_SHARED_DATA + 0x320);
    /* 15.625 ms per tick as the documented 8.24 fixed-point multiplier. */
    assert_int_equal(Page->TickCountMultiplier, 0x0FA00000u);
    ULONG64 InterruptNow = KeQueryInterruptTime();
    ULONG64 FromFields = (ULONG64)Page->InterruptTime.LowPart |
                         ((ULONG64)(ULONG)Page->InterruptTime.High1Time << 32);
    assert_true(FromFields == InterruptNow || FromFields == InterruptNow + Increment);
    assert_int_equal(Page->InterruptTime.High1Time, Page->InterruptTime.High2Time);
    assert_true(Page->TickCountQuad >= Ticks);
    assert_int_equal(Page->NtMajorVersion, 10);

    /* Macros at any IRQL, as on Windows. */
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    KeQuerySystemTime(&System);
    KeQueryTickCount(&Ticks);
    KeLowerIrql(Old);

    /* The exported routines of the same names still exist (a driver may
     * look them up) and read the same clock. */
    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"KeQuerySystemTime");
    VOID(NTAPI * Exported)(PLARGE_INTEGER) =
        (VOID(NTAPI *)(PLARGE_INTEGER))(ULONG_PTR)MmGetSystemRoutineAddress(&Name);
    assert_non_null(Exported);
    LARGE_INTEGER ViaExport;
    Exported(&ViaExport);
    /* (the same last-tick value; a tick may have passed in between) */
    assert_true((LONGLONG)ViaExport.QuadPart + (LONGLONG)Increment >= (LONGLONG)System);
    assert_true((ULONG64)ViaExport.QuadPart <= System + Increment + 10000000ull);
}

/* Each intrinsic's result, as MSVC documents it. */
SIM_TEST(IntrinsicResults)
{
    (void)State;
    ULONG Index = 77;
    LONG Bits[2] = {0, 0};
    LONG64 Bits64[2] = {0, 0};
    typedef struct {
        const char *Expression;
        unsigned long long Got;
        unsigned long long Expected;
    } ROW_T;
#define IROW(Expression, Expected) {#Expression, (unsigned long long)(Expression), (Expected)}
    ROW_T Rows[] = {
        IROW(_BitScanForward(&Index, 0x10), 1),
        IROW(Index, 4),
        IROW(_BitScanReverse(&Index, 0x80000001u), 1),
        IROW(Index, 31),
        IROW(_BitScanForward64(&Index, 1ull << 40), 1),
        IROW(Index, 40),
        IROW(_BitScanReverse64(&Index, 3), 1),
        IROW(Index, 1),
        IROW(_BitScanForward(&Index, 0), 0),
        IROW(Index, 1), /* unchanged when the mask is 0 */
        IROW(_bittestandset(Bits, 33), 0),
        IROW(Bits[1], 2),
        IROW(_bittest(Bits, 33), 1),
        IROW(_bittestandcomplement(Bits, 33), 1),
        IROW(_bittest(Bits, 33), 0),
        IROW(_bittestandset(Bits, 0), 0),
        IROW(_bittestandreset(Bits, 0), 1),
        IROW(Bits[0], 0),
        IROW(_bittestandset64(Bits64, 65), 0),
        IROW(Bits64[1], 2),
        IROW(_bittest64(Bits64, 65), 1),
        IROW(_bittestandreset64(Bits64, 65), 1),
        IROW(_bittestandcomplement64(Bits64, 63), 0),
        IROW((ULONG64)Bits64[0], 0x8000000000000000ull),
        IROW(_byteswap_ushort(0x1122), 0x2211),
        IROW(_byteswap_ulong(0x11223344u), 0x44332211u),
        IROW(_byteswap_uint64(0x1122334455667788ull), 0x8877665544332211ull),
        IROW(_rotl(0x80000001u, 1), 3),
        IROW(_rotr(3u, 1), 0x80000001u),
        IROW(_rotl(1u, 33), 2),
        IROW(_lrotl(0x80000000u, 1), 1),
        IROW(_rotl64(0x8000000000000001ull, 1), 3),
        IROW(_rotr64(1ull, 1), 0x8000000000000000ull),
        IROW(_rotl8(0x81, 1), 0x03),
        IROW(_rotr16(1, 1), 0x8000),
        IROW(__popcnt(0xF0F0u), 8),
        IROW(__popcnt16(0xFFFF), 16),
        IROW(__popcnt64(~0ull), 64),
        IROW(Int32x32To64(-2, 0x7FFFFFFF), (unsigned long long)-0xFFFFFFFEll),
        IROW(UInt32x32To64(0xFFFFFFFFu, 0xFFFFFFFFu), 0xFFFFFFFE00000001ull),
    };
#undef IROW
    int Failures = 0;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        if (Rows[i].Got != Rows[i].Expected) {
            print_error("%s = 0x%llx, MSVC 0x%llx\n", Rows[i].Expression, Rows[i].Got,
                        Rows[i].Expected);
            Failures++;
        }
    }
    assert_int_equal(Failures, 0);

    /* String stores and moves, 8/16-bit and 128-bit interlocked forms. */
    unsigned __int64 Quads[3] = {0, 0, 0};
    __stosq(Quads, 0x0102030405060708ull, 2);
    assert_true(Quads[0] == 0x0102030405060708ull && Quads[1] == Quads[0] && Quads[2] == 0);
    UCHAR Bytes[8];
    __stosb(Bytes, 0xAB, sizeof(Bytes));
    assert_int_equal(Bytes[7], 0xAB);
    USHORT Words[2];
    __stosw(Words, 0x1234, 2);
    ULONG Dwords[2];
    __stosd(Dwords, 0xDEADBEEFu, 2);
    assert_true(Words[1] == 0x1234 && Dwords[1] == 0xDEADBEEFu);
    __movsb(Bytes, (const unsigned char *)"abcdefgh", 8);
    assert_memory_equal(Bytes, "abcdefgh", 8);
    __movsq(Quads + 1, Quads, 1);
    SHORT volatile Short = 5;
    CHAR volatile Char = 5;
    assert_int_equal(_InterlockedExchangeAdd16(&Short, 2), 5);
    assert_int_equal(_InterlockedExchangeAdd8(&Char, 3), 5);
    assert_int_equal(_InterlockedCompareExchange8(&Char, 1, 8), 8);
    assert_int_equal(Char, 1);
    assert_int_equal(InterlockedIncrement16(&Short), 8);
    DECLSPEC_ALIGN(16) LONG64 volatile Pair[2] = {1, 2};
    LONG64 Comparand[2] = {1, 2};
    assert_int_equal(InterlockedCompareExchange128(Pair, 20, 10, Comparand), 1);
    assert_true(Pair[0] == 10 && Pair[1] == 20);
    Comparand[0] = 0;
    assert_int_equal(InterlockedCompareExchange128(Pair, 0, 0, Comparand), 0);
    assert_true(Comparand[0] == 10 && Comparand[1] == 20); /* the value found */
    YieldProcessor();
    _mm_pause();
    _mm_prefetch((const char *)Bytes, _MM_HINT_T0);
    _ReadWriteBarrier();
    MemoryBarrier();
}

/* __debugbreak with no kernel debugger: an unhandled STATUS_BREAKPOINT. */
SIM_TEST(DebugBreakStops)
{
    (void)State;
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, 0x80000003u, __debugbreak());
}

/* SINGLE_LIST_ENTRY with PushEntryList/PopEntryList; RtlCopyBytes and
 * friends; the header's inline routines have addresses (a driver may keep
 * one in a table), which link to the library's out-of-line definitions. */
SIM_TEST(ListsBytesAndAddresses)
{
    (void)State;
    SINGLE_LIST_ENTRY Head = {NULL}, A, B;
    PushEntryList(&Head, &A);
    PushEntryList(&Head, &B);
    assert_ptr_equal(Head.Next, &B);
    assert_ptr_equal(PopEntryList(&Head), &B);
    assert_ptr_equal(PopEntryList(&Head), &A);
    assert_null(PopEntryList(&Head));

    char Buffer[8] = "xxxxxxx";
    RtlFillBytes(Buffer, 3, 'a');
    RtlCopyBytes(Buffer + 3, "bc", 2);
    RtlZeroBytes(Buffer + 5, 1);
    assert_string_equal(Buffer, "aaabc");
    assert_ptr_equal(RtlSecureZeroMemory(Buffer, 2), Buffer);
    assert_int_equal(Buffer[1], 0);

    VOID (*Init)(PLIST_ENTRY) = InitializeListHead;
    LONG (*Increment)(LONG volatile *) = InterlockedIncrement; /* _InterlockedIncrement */
    PSINGLE_LIST_ENTRY (*Pop)(PSINGLE_LIST_ENTRY) = PopEntryList;
    LIST_ENTRY List;
    Init(&List);
    assert_true(IsListEmpty(&List));
    LONG volatile Count = 1;
    assert_int_equal(Increment(&Count), 2);
    assert_null(Pop(&Head));
}

/* ExIsProcessorFeaturePresent: PF_* numbers as documented; what every x64
 * processor has is TRUE, an unknown number FALSE. */
SIM_TEST(ProcessorFeatures)
{
    (void)State;
    static const struct {
        const char *Name;
        ULONG Value;
        ULONG Documented;
    } Rows[] = {
        {"PF_COMPARE_EXCHANGE_DOUBLE", PF_COMPARE_EXCHANGE_DOUBLE, 2},
        {"PF_XMMI_INSTRUCTIONS_AVAILABLE", PF_XMMI_INSTRUCTIONS_AVAILABLE, 6},
        {"PF_RDTSC_INSTRUCTION_AVAILABLE", PF_RDTSC_INSTRUCTION_AVAILABLE, 8},
        {"PF_XMMI64_INSTRUCTIONS_AVAILABLE", PF_XMMI64_INSTRUCTIONS_AVAILABLE, 10},
        {"PF_NX_ENABLED", PF_NX_ENABLED, 12},
        {"PF_COMPARE_EXCHANGE128", PF_COMPARE_EXCHANGE128, 14},
        {"PF_SECOND_LEVEL_ADDRESS_TRANSLATION", PF_SECOND_LEVEL_ADDRESS_TRANSLATION, 20},
        {"PF_RDRAND_INSTRUCTION_AVAILABLE", PF_RDRAND_INSTRUCTION_AVAILABLE, 28},
        {"PF_AVX2_INSTRUCTIONS_AVAILABLE", PF_AVX2_INSTRUCTIONS_AVAILABLE, 40},
        {"PF_AVX512F_INSTRUCTIONS_AVAILABLE", PF_AVX512F_INSTRUCTIONS_AVAILABLE, 41},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        if (Rows[i].Value != Rows[i].Documented) {
            print_error("%s is %u, documented %u\n", Rows[i].Name, Rows[i].Value,
                        Rows[i].Documented);
        }
        assert_int_equal(Rows[i].Value, Rows[i].Documented);
    }
#if defined(__x86_64__)
    assert_true(ExIsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE));
    assert_true(ExIsProcessorFeaturePresent(PF_COMPARE_EXCHANGE128));
    assert_true(SharedUserData->ProcessorFeatures[PF_COMPARE_EXCHANGE128]);
#endif
    assert_false(ExIsProcessorFeaturePresent(PF_3DNOW_INSTRUCTIONS_AVAILABLE));
    assert_false(ExIsProcessorFeaturePresent(PROCESSOR_FEATURE_MAX));
    assert_false(ExIsProcessorFeaturePresent(0xFFFFFFFFu));
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old); /* any IRQL */
    (void)ExIsProcessorFeaturePresent(PF_NX_ENABLED);
    KeLowerIrql(Old);
}

int main(void)
{
    return SimRunTests("test_wdk_surface", NULL, NULL);
}
