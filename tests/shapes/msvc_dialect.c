/*
 * msvc_dialect.c - MSVC preprocessor dialect that real driver files carry,
 * compiled unchanged as C11 and C++17 (gcc and clang, -Wall -Wextra -Werror)
 * and run: docs/wdk-surface.md, "MSVC dialect".
 *
 * 1. Comma elision. MSVC drops the comma before an empty __VA_ARGS__, so a
 *    driver's logging macro
 *        #define LOG(Format, ...) DbgPrintEx(ID, LEVEL, Format, __VA_ARGS__)
 *    works with no argument after the format:   LOG("done\n")
 *    -> DbgPrintEx(ID, LEVEL, "done\n", )       (an error for gcc and clang
 *    unless the variadic DDI drops the empty last argument itself).
 * 2. MSVC pragmas (warning push/disable/pop, alloc_text, code_seg) outside
 *    `#ifdef ALLOC_PRAGMA`: ignored without a warning.
 */
#include <ntddk.h>
#include <ntstrsafe.h>

#include "mmsim_cmocka.h"

#pragma warning(push)
#pragma warning(disable : 4201) /* nameless struct/union */
typedef struct _TWO_HALVES {
    union {
        struct {
            USHORT Low;
            USHORT High;
        };
        ULONG Whole;
    };
} TWO_HALVES;
#pragma warning(pop)

#pragma code_seg("PAGE")
static NTSTATUS PagedRoutine(void);
#pragma alloc_text(PAGE, PagedRoutine)
#pragma code_seg()

/* The wrappers, as drivers write them. */
#define LOG(Format, ...) DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, Format, __VA_ARGS__)
#define TRACE(Format, ...) DbgPrint("[msvc] " Format, __VA_ARGS__)
#define KLOG(Format, ...) KdPrintEx((DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, Format, __VA_ARGS__))
#define FORMAT(Buffer, Format, ...) RtlStringCbPrintfA(Buffer, sizeof(Buffer), Format, __VA_ARGS__)
#define FORMATW(Buffer, Format, ...) \
    RtlStringCchPrintfW(Buffer, sizeof(Buffer) / sizeof(WCHAR), Format, __VA_ARGS__)
#define FORMAT_EX(Buffer, End, Format, ...) \
    RtlStringCbPrintfExA(Buffer, sizeof(Buffer), End, NULL, 0, Format, __VA_ARGS__)
#define USTR_FORMAT(String, Format, ...) RtlUnicodeStringPrintf(String, Format, __VA_ARGS__)

static NTSTATUS PagedRoutine(void)
{
    return STATUS_SUCCESS;
}

/* Each row formats through a wrapper, with and without arguments after the
 * format (and with arguments that begin with a parenthesis, the case an
 * emptiness test can get wrong), and compares the text. */
SIM_TEST(WrappersWithAndWithoutArgumentsFormat)
{
    CHAR Text[64];
    ULONG Value = 7;
    assert_int_equal(FORMAT(Text, "plain"), STATUS_SUCCESS);
    assert_string_equal(Text, "plain");
    assert_int_equal(FORMAT(Text, "one %lu", Value), STATUS_SUCCESS);
    assert_string_equal(Text, "one 7");
    assert_int_equal(FORMAT(Text, "cast %lu %u", (ULONG)Value + 1, (unsigned)(Value * 2)),
                     STATUS_SUCCESS);
    assert_string_equal(Text, "cast 8 14");
    assert_int_equal(FORMAT(Text, "%s-%s", "a", ("b")), STATUS_SUCCESS);
    assert_string_equal(Text, "a-b");

    PSTR End = NULL;
    assert_int_equal(FORMAT_EX(Text, &End, "ex"), STATUS_SUCCESS);
    assert_ptr_equal(End, Text + 2);
    assert_int_equal(FORMAT_EX(Text, &End, "ex %d", 42), STATUS_SUCCESS);
    assert_string_equal(Text, "ex 42");

    WCHAR Wide[16];
    assert_int_equal(FORMATW(Wide, L"w"), STATUS_SUCCESS);
    assert_int_equal(Wide[0], L'w');
    assert_int_equal(Wide[1], 0);

    WCHAR Storage[16];
    UNICODE_STRING String = {0, sizeof(Storage), Storage};
    assert_int_equal(USTR_FORMAT(&String, L"u"), STATUS_SUCCESS);
    assert_int_equal(String.Length, sizeof(WCHAR));
    assert_int_equal(USTR_FORMAT(&String, L"u%d", 5), STATUS_SUCCESS);
    assert_int_equal(String.Length, 2 * sizeof(WCHAR));
}

/* DbgPrint and DbgPrintEx through wrappers, bare and in KdPrintEx's double
 * parentheses; the function itself is still there to take the address of. */
SIM_TEST(DebugPrintWrappersAndTheFunctions)
{
    assert_int_equal(LOG("log\n"), STATUS_SUCCESS);
    assert_int_equal(LOG("log %d\n", 1), STATUS_SUCCESS);
    assert_int_equal(TRACE("trace\n"), STATUS_SUCCESS);
    assert_int_equal(TRACE("trace %s\n", "x"), STATUS_SUCCESS);
    KLOG("klog\n");
    KLOG("klog %d\n", 2);
    KdPrint(("kdprint %d\n", 3));
    ULONG (*Print)(PCSTR, ...) = &DbgPrint;
    ULONG (*PrintEx)(ULONG, ULONG, PCSTR, ...) = DbgPrintEx;
    assert_non_null(Print);
    assert_int_equal(PrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "direct\n"),
                     STATUS_SUCCESS);
    assert_int_equal((DbgPrint)("parenthesised\n"), STATUS_SUCCESS);
}

/* The pragmas compiled away and the nameless union is laid out as MSVC's. */
SIM_TEST(PragmasAreIgnoredQuietly)
{
    TWO_HALVES Halves;
    Halves.Whole = 0x00020001;
    assert_int_equal(Halves.Low, 1);
    assert_int_equal(Halves.High, 2);
    assert_int_equal(PagedRoutine(), STATUS_SUCCESS);
}

int main(void)
{
    return SimRunTests("msvc_dialect", NULL, NULL);
}
