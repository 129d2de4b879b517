/*
 * test_wkp_logging.cpp - harness for the logging functions of "Windows Kernel Programming"
 * 2nd ed., Chapter 5's Booster2 driver (../windowskernelprogrammingbook2e/Chapter05/Booster2/
 * Logging.cpp and Booster2.h, unchanged): Log passes its arguments on to
 * vDbgPrintExWithPrefix, LogInfo and LogError to vDbgPrintEx, with component
 * DPFLTR_IHVDRIVER_ID and the LogLevel as the level.
 *
 *   call                                   checked (Windows-documented behaviour)
 *   LogError("... %d %s", 42, "pool")      printed, the arguments formatted; STATUS_SUCCESS
 *   Log(LogLevel::Error, ...)              printed after the prefix "Booster2"
 *   LogInfo, Log(LogLevel::Information)    not printed: the default filter passes
 *                                          DPFLTR_ERROR_LEVEL (0) only; STATUS_SUCCESS
 *   Log(LogLevel::Error, "%wZ") at DISPATCH the Unicode conversion's 0xD1, as DbgPrintEx's
 * The output is read from a forked child's stderr.
 */
#include <string.h>

#include <mmsim_cmocka.h>

#include <ntddk.h>
#include "../windowskernelprogrammingbook2e/Chapter05/Booster2/Booster2.h"

namespace {

void LogAll(void *)
{
    ULONG Results = 0;
    Results |= LogError("error %d from %s\n", 42, "pool");
    Results |= Log(LogLevel::Error, "prefixed %u\n", 7u);
    Results |= LogInfo("info %d\n", 1);
    Results |= Log(LogLevel::Information, "filtered %d\n", 2);
    if (Results != 0) {
        DbgPrint("a result was not STATUS_SUCCESS\n");
    }
}

SIM_TEST(ErrorsPrintedWithTheirArgumentsOthersFiltered)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(LogAll, nullptr, 60, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
    SIM_EXPECT_CHILD_SAYS(&Child, "error 42 from pool\n");
    SIM_EXPECT_CHILD_SAYS(&Child, "Booster2prefixed 7\n");
    assert_null(strstr(Child.Err, "info 1"));
    assert_null(strstr(Child.Err, "filtered 2"));
    assert_null(strstr(Child.Err, "not STATUS_SUCCESS"));
}

SIM_TEST(UnicodeConversionAtDispatchLevelStops)
{
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"Booster");
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY,
                        (void)Log(LogLevel::Error, "%wZ\n", &Name));
}

} // namespace

int main()
{
    return SimRunTests("realworld: Booster2 Logging.cpp", nullptr, nullptr);
}
