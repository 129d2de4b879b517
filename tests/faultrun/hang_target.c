/*
 * hang_target.c - a child that hangs while its shared explorer waits for it
 * (suite23b; docs/verifier.md, "Fork at the failing call"): the failure path
 * of the suite's one test hangs. With two job slots its child goes on alone
 * (a core is free); at the test's end the explorer waits for it, and is not
 * hung: the child is killed at its time limit (hung), the explorer then ends
 * as the test's run, which passes.
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>
#include <unistd.h>

#define TAG 'ghTS'

SIM_TEST(B_HangsOnFailurePath)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block == NULL) {
        for (;;) {
            pause();
        }
    }
    ExFreePoolWithTag(Block, TAG);
}

int main(void)
{
    return SimRunTests("hang target", NULL, NULL);
}
