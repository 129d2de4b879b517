/*
 * shared_explorer_target.c - a suite for the shared explorers of `mmsim faults
 * --per-test` (suite23; docs/verifier.md, "Fork at the failing call"): one
 * explorer runs test after test, yet every test must be reported as a run of
 * it alone (--exec-per-run) reports it. With --jobs 1 its explorers run:
 *
 *   explorer  tests                      why it ends
 *   1         LeavesState,               NeedsFreshState fails after LeavesState:
 *             NeedsFreshState            both are explored again, each alone (2, 3)
 *   4         LeavesABlockToTheUnloadCheck  the unload check a run of it alone makes
 *                                        at exit, made before the next test, finds
 *                                        its block: exit 88, the test fails alone
 *   5         Passes, LeaksAtExitOnFailurePath  the last test; failing the second
 *                                        call of LeaksAtExitOnFailurePath leaves a
 *                                        block to the unload check at its child's
 *                                        exit: leaked
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>

#define TAG 'hsTS'

static int Left; /* what a test leaves for the next one in the same process */

SIM_TEST(LeavesState)
{
    Left = 1;
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

SIM_TEST(NeedsFreshState)
{
    assert_int_equal(Left, 0);
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG);
}

/* No teardown check: what it leaves is the unload check's, at exit. */
SIM_TEST_F(LeavesABlockToTheUnloadCheck, SimTestSetup, NULL)
{
    (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 96, TAG); /* never freed */
}

SIM_TEST(Passes)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

SIM_TEST_F(LeaksAtExitOnFailurePath, SimTestSetup, NULL)
{
    PVOID First = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (First == NULL) {
        return;
    }
    PVOID Second = ExAllocatePool2(POOL_FLAG_NON_PAGED, 128, TAG);
    if (Second == NULL) {
        return; /* the bug: First is not freed on this path */
    }
    ExFreePoolWithTag(Second, TAG);
    ExFreePoolWithTag(First, TAG);
}

int main(void)
{
    return SimRunTests("shared explorer target", NULL, NULL);
}
