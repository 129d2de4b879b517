/*
 * child_state_target.c - the accepted limitation of shared explorers
 * (suite23b; docs/verifier.md, "Fork at the failing call"): B's failure path
 * reads a variable A sets. In a run of B alone it is 0 and B passes; in the
 * default mode B's failure path runs after A in their explorer, as in a run of
 * the whole suite, and fails. --explorer-per-test (and --fork-per-run,
 * --exec-per-run) explore each test in a process of its own.
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>

#define TAG 'csTS'

static int Left; /* what A leaves for B in the same process */

SIM_TEST(A_LeavesState)
{
    Left = 1;
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

SIM_TEST(B_FailurePathReadsState)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block == NULL) {
        assert_int_equal(Left, 0); /* alone: passes; after A: fails */
        return;
    }
    ExFreePoolWithTag(Block, TAG);
}

int main(void)
{
    return SimRunTests("child state target", NULL, NULL);
}
