/*
 * lister_crash_target.c - a suite whose main() crashes after its tests
 * (run24; docs/verifier.md, "Fork at the failing call"): every run of it
 * ends by a signal, its listing run too, so the baseline does not pass and
 * `mmsim faults --per-test` stops there (exit 2) in every mode - also when
 * the listing is a process the first shared explorer forked.
 *
 * Built only for the faults tests (tests/faultrun/CMakeLists.txt).
 */
#include <signal.h>

#include <mmsim_cmocka.h>

#define TAG 'lcTS'

SIM_TEST(AllocatesABlock)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
}

int main(void)
{
    int Failed = SimRunTests("lister crash target", NULL, NULL);
    raise(SIGABRT); /* a crash at the end of every run */
    return Failed;
}
