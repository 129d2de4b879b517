/*
 * test_unload.c - Driver Verifier's unload checks (docs/ddi-contract.md 6.3, 3.4,
 * 3.6; docs/verifier.md): SimDriverUnload reports what a driver left behind
 * and, in strict mode, stops the machine as Verifier does.
 *
 *   left behind        strict                     retail (MMSIM_STRICT=0)
 *   pool               0xC4/0x62 (name, 0, count) FALSE + table
 *   locked pages       0xCB (0, 0, 0, pages)      FALSE + table
 *   pages, mappings, reservations, work items     FALSE + table (no stop)
 * (At process exit: tests/test_stop_child.c.)
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* setenv */
#endif
#include <stdlib.h>

#include <mmsim_cmocka.h>

#define TAG_LEAK 'kaeL'

static int TeardownDefault(void **State)
{
    unsetenv("MMSIM_POOL_STACKS");
    return SimTestTeardownDefault(State);
}

SIM_TEST(CleanDriverPasses)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 100, TAG_LEAK);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_LEAK);
    SIM_UNLOAD_REPORT Report;
    assert_true(SimDriverUnload(&Report));
    assert_int_equal(Report.PoolAllocations, 0);
}

/* Strict: leaked pool is 0xC4/0x62 with the number of allocations. */
SIM_TEST(LeakedPoolIsVerifierStop)
{
    assert_non_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, 100, TAG_LEAK));
    assert_non_null(ExAllocatePool2(POOL_FLAG_PAGED, 5000, TAG_LEAK));
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, SimDriverUnload(NULL));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, DRIVER_VERIFIER_DETECTED_VIOLATION);
    assert_int_equal(Stop.Parameters[0], 0x62);
    assert_true(Stop.Parameters[1] != 0); /* the driver's name */
    assert_int_equal(Stop.Parameters[2], 0);
    assert_int_equal(Stop.Parameters[3], 2);
}

/* Strict: pages left locked (an MDL on the stack over pool that was then
 * freed, never unlocked) is 0xCB with the page count. */
SIM_TEST(LeakedLockedPagesAreStop0xCB)
{
    PUCHAR Block = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_LEAK);
    assert_non_null(Block);
    union {
        MDL Mdl;
        UCHAR Space[sizeof(MDL) + 2 * sizeof(PFN_NUMBER)];
    } OnStack;
    MmInitializeMdl(&OnStack.Mdl, Block, 64);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(&OnStack.Mdl, KernelMode, IoReadAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    ExFreePoolWithTag(Block, TAG_LEAK); /* a small block: its page stays, locked */
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, SimDriverUnload(NULL));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS);
    assert_int_equal(Stop.Parameters[3], 1);
}

/* Retail: no stop; the report counts everything left behind. */
SIM_TEST_F(RetailReportsEveryKindOfLeak, SimTestSetup, TeardownDefault)
{
    SimTestSetStrict(FALSE);
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 100, TAG_LEAK);
    assert_non_null(Block);
    PMDL Pages = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0),
                                         3 * PAGE_SIZE, MmCached, 0);
    assert_non_null(Pages);
    assert_int_equal(MmGetMdlByteCount(Pages), 3 * PAGE_SIZE);
    PVOID Mapping = MmGetSystemAddressForMdlSafe(Pages, NormalPagePriority);
    assert_non_null(Mapping);
    PVOID Reserved = MmAllocateMappingAddress(4 * PAGE_SIZE, TAG_LEAK);
    assert_non_null(Reserved);
    SIM_UNLOAD_REPORT Report;
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.PoolAllocations, 2); /* the block and the MDL */
    assert_int_equal(Report.PoolBytes, 100 + MmSizeOfMdl(NULL, 3 * PAGE_SIZE));
    assert_int_equal(Report.MdlPages, 3);
    assert_int_equal(Report.MdlMappings, 1);
    assert_int_equal(Report.Reservations, 1);
    assert_int_equal(Report.LockedPages, 0);
    /* Clean up, and the check passes. */
    MmFreeMappingAddress(Reserved, TAG_LEAK);
    MmFreePagesFromMdl(Pages); /* unmaps the MDL mapping too (Windows 7+) */
    ExFreePool(Pages);
    ExFreePoolWithTag(Block, TAG_LEAK);
    assert_true(SimDriverUnload(&Report));
}

/* MMSIM_POOL_STACKS=1 records each block's allocating stack, caller first. */
static PVOID __attribute__((noinline)) AllocateForStack(void)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG_LEAK);
}

SIM_TEST_F(PoolStacksAreRecordedOnRequest, SimTestSetup, TeardownDefault)
{
    setenv("MMSIM_POOL_STACKS", "1", 1);
    SimReset();
    PVOID Block = AllocateForStack();
    SIM_POOL_BLOCK_INFO Info[4];
    assert_int_equal(SimEnumPoolBlocks(Info, 4), 1);
    assert_ptr_equal(Info[0].Va, Block);
    assert_true(Info[0].StackDepth >= 2);
    assert_ptr_equal(Info[0].Stack[0], Info[0].Caller);
    ExFreePoolWithTag(Block, TAG_LEAK);
}

int main(void)
{
    return SimRunTests("unload checks", NULL, NULL);
}
