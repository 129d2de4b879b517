/*
 * test_hyperplatform.cpp - harness for two files of HyperPlatform
 * (../HyperPlatform/HyperPlatform/, unchanged): performance.cpp (its performance
 * collector in non-paged pool) and kernel_stl.cpp (its global operator new/delete).
 *
 *   call                               checked (Windows-documented behaviour)
 *   PerfInitialization (PASSIVE)       one non-paged block of sizeof(PerfCollector),
 *                                      tag 'PpyH'; g_performance_collector points to it
 *   PerfInitialization, pool failure   STATUS_MEMORY_NOT_ALLOCATED, nothing allocated
 *   PerfInitialization at DISPATCH     PAGED_CODE(): 0xD1 (pageable code at raised IRQL)
 *   measured scope x 3, PerfTermination the collector's report through the driver's
 *                                      LogpPrint: a header, then the location with count 3;
 *                                      the block freed, the pointer NULL
 *   new / new[] (any IRQL <= DISPATCH) zeroed non-paged blocks tagged 'LTSK' (at least one
 *                                      byte for new of size 0); delete frees them
 *   new, pool failure, checked build   KdBreakPoint first: STATUS_BREAKPOINT unhandled, 0x1E
 *
 * Harness adaptation: LogpPrint (log.cpp, not compiled here) is recorded by the harness.
 */
#include <mmsim_cmocka.h>

#include "../HyperPlatform/HyperPlatform/common.h"
#include "../HyperPlatform/HyperPlatform/log.h"
#include "../HyperPlatform/HyperPlatform/performance.h"

#include <stdarg.h>
#include <string.h>

namespace {

struct LogLine {
    ULONG Level;
    char Function[64];
    char Format[64];
    char Location[64];
    ULONG64 Count;
};
LogLine Lines[8];
ULONG LineCount;

const ULONG StlTag = 'LTSK';

SIM_POOL_TAG_USAGE TagUsage(ULONG Wanted)
{
    SIM_POOL_TAG_USAGE Usage[64];
    SIM_POOL_TAG_USAGE Found{};
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == Wanted) {
            Found = Usage[i];
        }
    }
    return Found;
}

ULONG64 FakeClock()
{
    static ULONG64 Now;
    return Now += 10;
}

} // namespace

/* The driver's logger (log.cpp): recorded. The output routine of performance.cpp passes
 * the location name and the execution count first. */
extern "C" NTSTATUS LogpPrint(ULONG level, const char *function_name, const char *format, ...)
{
    if (LineCount < RTL_NUMBER_OF(Lines)) {
        LogLine &Line = Lines[LineCount++];
        Line.Level = level;
        strncpy(Line.Function, function_name, sizeof(Line.Function) - 1);
        strncpy(Line.Format, format, sizeof(Line.Format) - 1);
        va_list Arguments;
        va_start(Arguments, format);
        const char *First = va_arg(Arguments, const char *);
        strncpy(Line.Location, First, sizeof(Line.Location) - 1);
        if (strstr(format, "I64u") != nullptr) {
            Line.Count = va_arg(Arguments, ULONG64);
        }
        va_end(Arguments);
    }
    return STATUS_SUCCESS;
}

namespace {

SIM_TEST(CollectorLivesInNonPagedPool)
{
    assert_int_equal(PerfInitialization(), STATUS_SUCCESS);
    assert_non_null(g_performance_collector);
    SIM_POOL_TAG_USAGE Usage = TagUsage(kHyperPlatformCommonPoolTag);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, sizeof(PerfCollector));
    LineCount = 0;
    PerfTermination();
    assert_null(g_performance_collector);
    assert_int_equal(LineCount, 0); /* nothing measured: no report */
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(TerminationReportsEachMeasuredLocation)
{
    assert_int_equal(PerfInitialization(), STATUS_SUCCESS);
    for (int i = 0; i < 3; i++) {
        const PerfCounter Scope(g_performance_collector, FakeClock, "Harness(1)");
    }
    LineCount = 0;
    PerfTermination();
    assert_int_equal(LineCount, 2);
    assert_int_equal(Lines[0].Level, kLogpLevelInfo);
    assert_string_equal(Lines[0].Location, "FunctionName(Line)");
    assert_string_equal(Lines[1].Location, "Harness(1)");
    assert_int_equal(Lines[1].Count, 3);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(CollectorWithoutPoolFails)
{
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(PerfInitialization(), STATUS_MEMORY_NOT_ALLOCATED);
    assert_null(g_performance_collector);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(InitializationIsPagedCode)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY, PerfInitialization());
}

SIM_TEST(NewAndDeleteUseTaggedNonPagedPool)
{
    ULONG *One = new ULONG;
    assert_non_null(One);
    assert_int_equal(*One, 0);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    UCHAR *Array = new UCHAR[300];
    KeLowerIrql(Old);
    assert_non_null(Array);
    for (int i = 0; i < 300; i++) {
        assert_int_equal(Array[i], 0);
    }
    SIM_POOL_TAG_USAGE Usage = TagUsage(StlTag);
    assert_int_equal(Usage.Allocs, 2);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, sizeof(ULONG) + 300);
    delete One;
    delete[] Array;
    assert_int_equal(TagUsage(StlTag).Frees, 2);
    assert_true(SimIsClean(nullptr, 0));
}

struct Empty {};

SIM_TEST(NewOfAnEmptyObjectTakesOneByte)
{
    Empty *Object = new Empty;
    assert_non_null(Object);
    assert_int_equal(TagUsage(StlTag).Bytes, 1);
    delete Object;
}

/* Where new's result goes: an unused new-expression may be elided (C++14),
 * and the optimised build did, so the allocation never ran. */
static ULONG *volatile Allocated;

SIM_TEST(NewWithoutPoolStopsTheMachine)
{
    SimFailNthCall(SimFaultPool, 1);
    /* Checked build (DBG=1): KdBreakPoint() before KeBugCheck; no kernel debugger is
     * attached, so the breakpoint exception is not handled: 0x1E, STATUS_BREAKPOINT. */
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT,
                        Allocated = new ULONG);
}

} // namespace

int main()
{
    return SimRunTests("realworld: HyperPlatform performance.cpp, kernel_stl.cpp", nullptr,
                       nullptr);
}
