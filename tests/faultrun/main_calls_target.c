/*
 * main_calls_target.c - a suite whose main() makes a fallible call before its
 * tests (suite23; docs/verifier.md, "Fork at the failing call"): a run of each
 * test alone makes it too, so each test's exploration fails it once; an
 * explorer that built a machine before its first test therefore runs no other
 * test (one explorer per test).
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <mmsim_cmocka.h>

#define TAG 'cmTS'

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

int main(void)
{
    OnePoolBlock(16); /* before the tests: in every test's run */
    return SimRunTests("main calls target", NULL, NULL);
}
