/*
 * shared_explorer_target.c - a suite for the shared explorers of `mmsim faults
 * --per-test` (suite23; docs/verifier.md, "Fork at the failing call"): one
 * explorer runs test after test, yet every test must be reported as a run of
 * it alone (--exec-per-run) reports it.
 *
 *   test                       alone                       after another test
 *   LeavesABlockToTheUnloadCheck fails: the unload check   the same: the explorer makes
 *                              at exit finds its block     that check before the next
 *                              (exit 88); its stack passes test, and ends as it would
 *   LeavesState, LeavesStateToo pass; one stack each        (leave Left = 1)
 *   NeedsFreshState            passes; its stack: failed   fails (Left is 1): explored
 *                                                          again in a process of its own
 *   LeaksAtExitOnFailurePath   passes; failing its second  the same: its child ends as
 *                              call leaves a block to the  the run alone would, at exit
 *                              unload check at exit: leaked
 *   Passes                     passes; its stack: passed   the same
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>

#define TAG 'hsTS'

static int Left; /* what a test leaves for the next one in the same process */

/* First: the first test of the first explorer, which another test follows. */
SIM_TEST_F(LeavesABlockToTheUnloadCheck, SimTestSetup, NULL)
{
    (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 96, TAG); /* never freed */
}

SIM_TEST(LeavesState)
{
    Left = 1;
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

SIM_TEST(LeavesStateToo)
{
    Left = 1;
    PVOID Block = ExAllocatePool2(POOL_FLAG_PAGED, 48, TAG);
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

SIM_TEST(Passes)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

int main(void)
{
    return SimRunTests("shared explorer target", NULL, NULL);
}
