/*
 * test_buggy_driver.c - buggy_driver.c's three bugs, each caught with
 * special pool on (at the guilty access) and each missed with it off.
 *
 *   bug                                special pool on             off
 *   8-byte overflow of a 64-byte block 0xD6 at block + 64, write   no stop
 *   call through a freed context       0xD5 at the context, read   the callback runs
 *   3.5 KiB over-read of 512 bytes     0xD6 at block + 512, read   no stop
 */
#include <string.h>

#include <mmsim_cmocka.h>

#include "buggy_driver.h"

static void Machine(BOOLEAN Special)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.SpecialPool.Enabled = Special;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

/* What the driver copies, and how often its callback ran. */
static UCHAR Source[BUGGY_RECORD_BYTES + 8];
static int Calls;

static VOID Callback(PVOID Argument)
{
    (void)Argument;
    Calls++;
}

SIM_TEST_F(OverflowCaughtWithSpecialPoolOnly, SimTestSetup, SimTestTeardownDefault)
{
    Machine(TRUE);
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, (void)BuggyCopyRecord(Source));
    assert_true(Got.Caught);
    assert_int_equal(Got.Code, 0xD6);
    /* The first byte past the 64-byte block: the next page, a guard. */
    assert_int_equal(Got.Parameters[0] & (PAGE_SIZE - 1), 0);
    assert_int_equal(Got.Parameters[1], 1); /* write */
    assert_true(Got.Parameters[2] != 0);
    assert_int_equal(Got.Parameters[3], 0);
    Machine(FALSE);
    SIM_CATCH_BUGCHECK(&Got, assert_int_equal(BuggyCopyRecord(Source), STATUS_SUCCESS));
    assert_false(Got.Caught);
}

SIM_TEST_F(UseAfterFreeCaughtWithSpecialPoolOnly, SimTestSetup, SimTestTeardownDefault)
{
    Machine(TRUE);
    Calls = 0;
    assert_int_equal(BuggyStart(Callback, NULL), STATUS_SUCCESS);
    SIM_SPECIAL_POOL_STATS Stats;
    SimQuerySpecialPool(&Stats);
    assert_int_equal(Stats.LiveBlocks, 1);
    BuggyCancel();
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, BuggyComplete());
    assert_true(Got.Caught);
    assert_int_equal(Got.Code, 0xD5);
    assert_int_equal(Got.Parameters[1], 0); /* a read: the callback pointer */
    assert_true(Got.Parameters[2] != 0);
    assert_int_equal(Calls, 0);
    Machine(FALSE);
    assert_int_equal(BuggyStart(Callback, NULL), STATUS_SUCCESS);
    BuggyCancel();
    SIM_CATCH_BUGCHECK(&Got, BuggyComplete());
    assert_false(Got.Caught);
    assert_int_equal(Calls, 1); /* the freed callback still ran */
}

SIM_TEST_F(OverReadCaughtWithSpecialPoolOnly, SimTestSetup, SimTestTeardownDefault)
{
    Machine(TRUE);
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, (void)BuggyChecksum());
    assert_true(Got.Caught);
    assert_int_equal(Got.Code, 0xD6);
    assert_int_equal(Got.Parameters[0] & (PAGE_SIZE - 1), 0);
    assert_int_equal(Got.Parameters[1], 0); /* read */
    Machine(FALSE);
    SIM_CATCH_BUGCHECK(&Got, (void)BuggyChecksum());
    assert_false(Got.Caught);
}

int main(void)
{
    return SimRunTests("buggy_driver", NULL, NULL);
}
