/*
 * stop_hook_target.c - simulator state a test leaves must not reach the next
 * test of a shared explorer (suite23b; docs/verifier.md, "Fork at the failing
 * call"): A's SimTestSetup installs the fixtures' stop hook and marks a test
 * running, and A has no teardown to undo that. B has no fixture: a bug check
 * on B's failure path ends B's run alone with the bug check (exit 86), and
 * must end it so after A in a shared explorer too, not fail B as a CMocka
 * test ("uncaught bug check in the test").
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>

#define TAG 'hsTS'

/* SimTestSetup with no teardown: the stop hook stays installed and armed. */
SIM_TEST_F(A_SetupNoTeardown, SimTestSetup, NULL)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

/* No fixture: a bug check on its failure path ends its run alone. */
SIM_TEST_F(B_NoFixture, NULL, NULL)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block == NULL) {
        KeBugCheckEx(MANUALLY_INITIATED_CRASH, 0, 0, 0, 0);
    }
    ExFreePoolWithTag(Block, TAG);
}

int main(void)
{
    return SimRunTests("stop hook target", NULL, NULL);
}
