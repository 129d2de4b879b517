/*
 * after_main_target.c - a suite whose main() makes a fallible call after its
 * tests (suite23b; docs/verifier.md, "Fork at the failing call"): a run of
 * each test alone makes it too, so each test's exploration fails it once
 * (3 tests, 2 calls each). A shared explorer returns from SimRunTests only
 * after its last test, so such a program keeps one explorer per test: its
 * listing run, which goes on through main, says so.
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>

#define TAG 'maTS'

static void OnePoolBlock(SIZE_T Bytes)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

SIM_TEST(First)
{
    OnePoolBlock(32);
}

SIM_TEST(Second)
{
    OnePoolBlock(64);
}

SIM_TEST(Third)
{
    OnePoolBlock(96);
}

int main(void)
{
    int Failed = SimRunTests("after main target", NULL, NULL);
    /* After the tests: in every test's run alone. */
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG);
    if (Block == NULL) {
        return 3; /* every test's run fails on this path */
    }
    ExFreePoolWithTag(Block, TAG);
    return Failed;
}
