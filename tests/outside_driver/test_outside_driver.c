/*
 * test_outside_driver.c - SampBuf (sampbuf.c), a driver source written as a
 * third-party driver writes one, run on mmsim unchanged: the correct driver
 * passes clean, and each deliberate bug (sampbuf.h) is caught the way
 * Windows with Driver Verifier catches it.
 *
 *   (a) SB_BUG_LEAK_LAST_SEGMENT  leaked pages at unload: SimDriverUnload
 *       (docs/verifier.md "Unload checks") stops with 0xC4/0x62 for the
 *       leaked MDL pool block in strict mode and reports the pages, the
 *       mapping and the block in retail mode;
 *   (b) SB_BUG_UNCHECKED_MAPPING  unchecked NULL from the mapping call, made
 *       to fail with SimFailNthCall(SimFaultMapLockedPages, 1): the write
 *       through NULL is 0x1E (C0000005) at PASSIVE_LEVEL and 0xD1 at
 *       DISPATCH_LEVEL (docs/verifier.md "NULL pointers");
 *   (c) SB_BUG_WRONG_FREE_ROUTINE IoFreeMdl on an MDL from
 *       MmAllocatePagesForMdlEx: 0xC2/0x0A (MDL, "Mmdl", "Mdl "), strict and
 *       retail (docs/mdl.md).
 */
#include <string.h>

#include <mmsim_cmocka.h>

#include "sampbuf.h"

#define TAG_MM_MDL 'ldmM' /* "Mmdl": MmAllocatePagesForMdl(Ex)'s MDLs (docs/mdl.md) */
#define TAG_IO_MDL ' ldM' /* "Mdl ": what IoFreeMdl frees */

/* The first segment holds 16 pages; a 70000-byte append needs a second one,
 * which doubles the capacity: 32 pages (sampbuf.h, SB_INITIAL_SEGMENT_BYTES). */
#define GROW_APPEND   70000
#define SECOND_PAGES  32

static DRIVER_OBJECT Driver;
static UNICODE_STRING RegistryPath =
    RTL_CONSTANT_STRING(L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\SampBuf");
static UCHAR Pattern[3 * GROW_APPEND];

static int Setup(void **State)
{
    SbBugMask = 0;
    memset(&Driver, 0, sizeof(Driver));
    for (size_t i = 0; i < sizeof(Pattern); i++) {
        Pattern[i] = (UCHAR)(i * 7 + i / 251);
    }
    SimTestSetStrict(TRUE);
    return SimTestSetup(State);
}

static int Teardown(void **State)
{
    int Result = SimTestTeardown(State);
    SbBugMask = 0;
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    return Result;
}

/* Loads the driver and appends enough to need a second segment. */
static void LoadAndGrow(void)
{
    assert_int_equal(DriverEntry(&Driver, &RegistryPath), STATUS_SUCCESS);
    assert_non_null(Driver.DriverUnload);
    assert_int_equal(SbAppend(Pattern, GROW_APPEND), STATUS_SUCCESS);
    ULONG Segments = 0;
    SbQuery(NULL, NULL, &Segments);
    assert_int_equal(Segments, 2);
}

/* ------------------------------------------------------------------------ */
/* The correct driver.                                                      */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(FixedDriverPassesClean, Setup, Teardown)
{
    LoadAndGrow();
    /* More data, appended at DISPATCH_LEVEL as a DPC would. */
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_int_equal(SbAppend(Pattern + GROW_APPEND, 2 * GROW_APPEND), STATUS_SUCCESS);
    KeLowerIrql(Old);
    SIZE_T Used = 0, Capacity = 0;
    ULONG Segments = 0;
    SbQuery(&Used, &Capacity, &Segments);
    assert_int_equal(Used, sizeof(Pattern));
    assert_true(Capacity >= Used);
    assert_int_equal(Segments, 3);
    /* Everything reads back, across segment boundaries. */
    static UCHAR Copy[sizeof(Pattern)];
    assert_int_equal(SbRead(0, Copy, sizeof(Copy)), STATUS_SUCCESS);
    assert_memory_equal(Copy, Pattern, sizeof(Pattern));
    assert_int_equal(SbRead(65000, Copy, 1000), STATUS_SUCCESS);
    assert_memory_equal(Copy, Pattern + 65000, 1000);
    assert_int_equal(SbRead(Used - 1, Copy, 2), STATUS_INVALID_PARAMETER);
    /* Unload leaves nothing behind. */
    Driver.DriverUnload(&Driver);
    SIM_UNLOAD_REPORT Report;
    assert_true(SimDriverUnload(&Report));
    assert_int_equal(Report.PoolAllocations, 0);
    assert_int_equal(Report.MdlPages, 0);
    assert_int_equal(Report.MdlMappings, 0);
}

/* The correct driver handles the failed mapping the buggy one does not:
 * DriverEntry and an append fail cleanly. */
SIM_TEST_F(FixedDriverSurvivesMappingFailure, Setup, Teardown)
{
    SimFailNthCall(SimFaultMapLockedPages, 1);
    assert_int_equal(DriverEntry(&Driver, &RegistryPath), STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(SimFaultsInjected(SimFaultMapLockedPages), 1);
    assert_true(SimIsClean(NULL, 0));

    assert_int_equal(DriverEntry(&Driver, &RegistryPath), STATUS_SUCCESS);
    SimFailNthCall(SimFaultMapLockedPages, 1);
    assert_int_equal(SbAppend(Pattern, GROW_APPEND), STATUS_INSUFFICIENT_RESOURCES);
    SIZE_T Used = 1;
    ULONG Segments = 0;
    SbQuery(&Used, NULL, &Segments);
    assert_int_equal(Used, 0);
    assert_int_equal(Segments, 1);
    Driver.DriverUnload(&Driver);
    assert_true(SimDriverUnload(NULL));
}

/* ------------------------------------------------------------------------ */
/* (a) Leaked pages at unload.                                              */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(LeakAtUnloadStopsInStrictMode, Setup, Teardown)
{
    SbBugMask = SB_BUG_LEAK_LAST_SEGMENT;
    LoadAndGrow();
    Driver.DriverUnload(&Driver);
    /* 0xC4/0x62: P2 the driver's name, P4 one allocation (the MDL). */
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, SIM_ANY, 0, 1,
                         SimDriverUnload(NULL));
}

SIM_TEST_F(LeakAtUnloadReportedInRetailMode, Setup, Teardown)
{
    SimTestSetStrict(FALSE);
    SbBugMask = SB_BUG_LEAK_LAST_SEGMENT;
    LoadAndGrow();
    Driver.DriverUnload(&Driver);
    SIM_UNLOAD_REPORT Report;
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.MdlPages, SECOND_PAGES);
    assert_int_equal(Report.MdlMappings, 1);
    assert_int_equal(Report.PoolAllocations, 1);
    assert_int_equal(Report.PoolBytes, MmSizeOfMdl(NULL, SECOND_PAGES * PAGE_SIZE));
    assert_int_equal(Report.LockedPages, 0);
    SimReset(); /* discard what the driver leaked */
}

/* ------------------------------------------------------------------------ */
/* (b) Unchecked NULL from MmGetSystemAddressForMdlSafe.                    */
/* ------------------------------------------------------------------------ */
static void CheckNullWriteStop(const SIM_BUGCHECK *Stop, ULONG Code)
{
    assert_true(Stop->Caught);
    assert_false(Stop->Refused);
    assert_int_equal(Stop->Code, Code);
    if (Code == KMODE_EXCEPTION_NOT_HANDLED) {
        /* C0000005, code address, 1 = write, the address: in the NULL page. */
        assert_int_equal(Stop->Parameters[0], (ULONG)STATUS_ACCESS_VIOLATION);
        assert_true(Stop->Parameters[1] != 0);
        assert_int_equal(Stop->Parameters[2], 1);
        assert_true(Stop->Parameters[3] < 0x10000);
    } else {
        /* The address (in the NULL page), IRQL, 1 = write, code address. */
        assert_true(Stop->Parameters[0] < 0x10000);
        assert_int_equal(Stop->Parameters[1], DISPATCH_LEVEL);
        assert_int_equal(Stop->Parameters[2], 1);
        assert_true(Stop->Parameters[3] != 0);
    }
}

SIM_TEST_F(UncheckedMappingAtPassiveIs0x1E, Setup, Teardown)
{
    SbBugMask = SB_BUG_UNCHECKED_MAPPING;
    SimFailNthCall(SimFaultMapLockedPages, 1);
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)DriverEntry(&Driver, &RegistryPath));
    CheckNullWriteStop(&Stop, KMODE_EXCEPTION_NOT_HANDLED);
    assert_int_equal(SimFaultsInjected(SimFaultMapLockedPages), 1);
}

SIM_TEST_F(UncheckedMappingAtDispatchIs0xD1, Setup, Teardown)
{
    /* Loaded without the bug: only the append's mapping is unchecked (so a
     * failure injected into DriverEntry's mapping is handled, not a stop). */
    assert_int_equal(DriverEntry(&Driver, &RegistryPath), STATUS_SUCCESS);
    SbBugMask = SB_BUG_UNCHECKED_MAPPING;
    /* The append grows under the driver's spin lock, at DISPATCH_LEVEL. */
    SimFailNthCall(SimFaultMapLockedPages, 1);
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)SbAppend(Pattern, GROW_APPEND));
    CheckNullWriteStop(&Stop, DRIVER_IRQL_NOT_LESS_OR_EQUAL);
}

/* ------------------------------------------------------------------------ */
/* (c) The wrong free routine.                                              */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(WrongFreeRoutineIs0xC2_0x0A, Setup, Teardown)
{
    for (int Strict = 1; Strict >= 0; Strict--) {
        SimTestSetStrict((BOOLEAN)Strict);
        SbBugMask = SB_BUG_WRONG_FREE_ROUTINE;
        LoadAndGrow();
        /* 0xC2/0x0A: the MDL, the tag it has ("Mmdl"), the tag IoFreeMdl
         * frees with ("Mdl "), on the first segment. */
        SIM_EXPECT_BUGCHECK4(BAD_POOL_CALLER, 0x0A, SIM_ANY, TAG_MM_MDL, TAG_IO_MDL,
                             Driver.DriverUnload(&Driver));
        SimReset();
    }
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
