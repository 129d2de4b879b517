/*
 * stop_in_test_suite.c - a CMocka suite on mmsim's fixtures whose tests stop
 * the machine without catching it (issue 18, item 3). Run by
 * stop_in_test.cmake, which expects:
 *
 *   test                      body                         verdict
 *   PassesBefore              clean                        [       OK ]
 *   StopsDirectly             frees pool twice: 0xC2/0x07  [  FAILED  ] + STOP report
 *   StopsInFaultTrap          writes unmapped space: 0x50  [  FAILED  ] + STOP report
 *   GetsAFreshMachine         runs, machine up and clean   [       OK ]
 *   StopsInForkedChild        a forked child's stop still  [       OK ]
 *                             ends the child with 86
 *
 * and CMocka's summary: 3 passed, 2 failed, a non-zero exit status.
 */

#include <stdbool.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

SIM_TEST(PassesBefore)
{
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tseT');
    assert_non_null(P);
    ExFreePoolWithTag(P, 'tseT');
}

SIM_TEST(StopsDirectly)
{
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tseT');
    assert_non_null(P);
    ExFreePoolWithTag(P, 'tseT');
    ExFreePoolWithTag(P, 'tseT'); /* BAD_POOL_CALLER 0x07: nobody catches it */
    print_error("NOT REACHED: the test body went on after the stop\n");
}

SIM_TEST(StopsInFaultTrap)
{
    PVOID Va = MmAllocateMappingAddress(PAGE_SIZE, 'tseT');
    assert_non_null(Va);
    *(volatile char *)Va = 1; /* 0x50 from the fault trap's signal handler */
    print_error("NOT REACHED: the test body went on after the stop\n");
}

SIM_TEST(GetsAFreshMachine)
{
    assert_false(SimIsStopped(NULL));
    assert_true(SimIsClean(NULL, 0));
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tseT');
    assert_non_null(P);
    ExFreePoolWithTag(P, 'tseT');
}

static void StopInChild(void *Context)
{
    (void)Context;
    KeBugCheckEx(0xE2, 0, 0, 0, 0); /* not this suite's test to fail */
}

SIM_TEST(StopsInForkedChild)
{
    static SIM_CHILD Child;
    assert_true(SimRunChild(StopInChild, NULL, 60, &Child));
    SIM_EXPECT_CHILD_BUGCHECK(&Child, 0xE2, 0, 0, 0, 0);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
