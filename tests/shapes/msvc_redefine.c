/*
 * msvc_redefine.c - a driver's own DbgPrint over DbgPrintEx, as a teaching
 * driver's Common.h has it, used with and without arguments after the
 * format (docs/wdk-surface.md, "MSVC's preprocessor dialect"): compiles
 * with clang under -Werror, and with gcc (which warns "redefined").
 */
#include <ntddk.h>

#define DbgPrint(Format, ...) DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, Format, __VA_ARGS__)

ULONG Report(ULONG Value);

ULONG Report(ULONG Value)
{
    DbgPrint("[+] Report\n");
    return DbgPrint("[+] Value: 0x%X\n", Value);
}
