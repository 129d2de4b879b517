/*
 * test_teardown_reset.c - proc22: SimTestTeardown resets a stopped or
 * unclean machine, and SimTestTeardownDefault brings the default machine
 * back, when the machine is next used (docs/verifier.md, "Fixtures and
 * helpers"), so a process run for one test (`mmsim faults --per-test`) ends
 * without building a machine nobody uses.
 *
 *   test ends stopped      ->  teardown: no machine is up, none is built
 *                              (no worker thread is started)
 *   next use (a DDI, a     ->  the machine the reset would have built:
 *   Sim* call, a setup)        same configuration, same fixed seed
 *   fork() before that     ->  the child gets its own copy of the old
 *                              machine, which its own next use replaces
 *
 * The tests run in source order, each after the one before: a test without
 * fixtures sees what the previous test's teardown left. Worker threads are
 * counted after a fork (SimRunChild), which stops idle ones: a machine built
 * then starts two (tests/faultrun/test_fork_workers.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#include "../../sim/host/host.h" /* HostThreadCount */

#define TAG_TEST 'tseT'
#define CUSTOM_PAGES 8192 /* 32 MiB: not the default size */
#define CUSTOM_SEED 0x5EEDull

static void Nothing(void *Context)
{
    (void)Context;
}

/* The process's threads once a fork stopped the idle workers. */
static long ThreadsAfterFork;

static void ForkOnce(void)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(Nothing, NULL, 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
    ThreadsAfterFork = HostThreadCount();
}

/* A fresh machine, then one of another size with a fixed seed. */
static int SetupCustom(void **State)
{
    SimTestSetup(State);
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = CUSTOM_PAGES;
    Config.Seed = CUSTOM_SEED;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

static void StopTheMachine(void)
{
    SIM_EXPECT_BUGCHECK(0xE2, 0x1, KeBugCheckEx(0xE2, 0x1, 0, 0, 0)); /* MANUALLY_INITIATED_CRASH */
    assert_true(SimIsStopped(NULL));
}

/* ---- A stopped machine: reset when next used -------------------------- */
SIM_TEST_F(StoppedOnACustomMachine, SetupCustom, SimTestTeardown)
{
    ForkOnce();
    StopTheMachine();
}

SIM_TEST_F(NoMachineIsBuiltUntilTheNextUse, NULL, SimTestTeardown)
{
    if (ThreadsAfterFork == 0) {
        skip(); /* no /proc: nothing to count */
    }
    assert_false(SimIsStopped(NULL)); /* the stop went with the old machine */
    assert_int_equal(HostThreadCount(), ThreadsAfterFork); /* no new machine's workers */
    SIM_CONFIG Config;
    SimGetConfig(&Config); /* the next use: the machine is built now */
    assert_int_equal(HostThreadCount(), ThreadsAfterFork + 2);
    assert_int_equal(Config.PhysicalPages, CUSTOM_PAGES); /* what SimReset keeps */
    assert_true(SimGetSeed() == CUSTOM_SEED);
    assert_true(SimIsClean(NULL, 0));
}

/* ---- What the old machine held is gone before the next one is built --- */
static PDRIVER_OBJECT OldDriver;

SIM_TEST_F(StoppedWithADevice, SetupCustom, SimTestTeardown)
{
    OldDriver = SimCreateDriverObject(L"Old");
    assert_non_null(OldDriver);
    PDEVICE_OBJECT Device = NULL;
    assert_int_equal(IoCreateDevice(OldDriver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &Device),
                     STATUS_SUCCESS);
    assert_int_equal(SimCountDeviceObjects(OldDriver), 1);
    StopTheMachine();
}

SIM_TEST_F(TheOldMachinesDevicesAreNotCounted, NULL, SimTestTeardown)
{
    /* The first call after the teardown builds the machine: the old
     * driver object is no pool block of it. */
    assert_int_equal(SimCountDeviceObjects(OldDriver), 0);
}

/* ---- A fork while the reset is pending -------------------------------- */
SIM_TEST_F(StoppedAgain, SetupCustom, SimTestTeardown)
{
    StopTheMachine();
}

/* Two pages of fresh pool, written all over, left allocated. */
static void WriteFreshPool(void *Context)
{
    (void)Context;
    SimSetUnloadCheckAtExit(FALSE);
    PUCHAR Block = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 2 * PAGE_SIZE, TAG_TEST);
    if (Block != NULL) {
        memset(Block, 0xAB, 2 * PAGE_SIZE);
    }
}

/* The child builds its machine as the parent then does (same configuration
 * and seed: the same pages); the parent's fresh pool is still zero. */
SIM_TEST_F(AForkedChildReplacesItsOwnCopy, NULL, SimTestTeardown)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(WriteFreshPool, NULL, 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);

    PUCHAR Block = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, 2 * PAGE_SIZE, TAG_TEST);
    assert_non_null(Block);
    assert_true(SimGetSeed() == CUSTOM_SEED);
    size_t NonZero = 0;
    for (size_t i = 0; i < 2 * PAGE_SIZE; i++) {
        NonZero += Block[i] != 0 ? 1 : 0;
    }
    ExFreePoolWithTag(Block, TAG_TEST);
    assert_int_equal(NonZero, 0);
    SimAssertInvariants();
}

/* ---- SimTestTeardownDefault: the default machine at the next use ------ */
SIM_TEST_F(ACustomMachineGivesTheDefaultBack, SetupCustom, SimTestTeardownDefault)
{
    ForkOnce();
}

SIM_TEST_F(TheDefaultMachineAtTheNextUse, NULL, SimTestTeardown)
{
    if (ThreadsAfterFork == 0) {
        skip();
    }
    assert_int_equal(HostThreadCount(), ThreadsAfterFork);
    SIM_CONFIG Config, Default;
    SimGetConfig(&Config);
    SimDefaultConfig(&Default);
    assert_int_equal(HostThreadCount(), ThreadsAfterFork + 2);
    assert_int_equal(Config.PhysicalPages, Default.PhysicalPages);
}

int main(void)
{
    return SimRunTests("teardown reset", NULL, NULL);
}
