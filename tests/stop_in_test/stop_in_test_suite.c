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
#define _POSIX_C_SOURCE 200809L /* fork */

#include <stdbool.h>
#include <sys/types.h>
#include <sys/wait.h>
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

SIM_TEST(StopsInForkedChild)
{
    fflush(stdout);
    fflush(stderr);
    pid_t Pid = fork();
    assert_true(Pid >= 0);
    if (Pid == 0) {
        KeBugCheckEx(0xE2, 0, 0, 0, 0); /* not this suite's test to fail */
        _exit(70);
    }
    int WaitStatus = 0;
    assert_int_equal(waitpid(Pid, &WaitStatus, 0), Pid);
    assert_true(WIFEXITED(WaitStatus));
    assert_int_equal(WEXITSTATUS(WaitStatus), SIM_EXIT_BUGCHECK);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
