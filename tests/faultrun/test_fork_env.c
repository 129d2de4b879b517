/*
 * test_fork_env.c - a run of the fault runner's fork server sees the
 * environment a run started afresh would (docs/verifier.md, "Fork server"):
 * what the runner gives the server for the server's own sake
 * (LD_BIND_NOW=mmsim-fault-server, MMSIM_FAULT_SERVER) is gone.
 *
 *   mmsim faults ──exec, LD_BIND_NOW=mmsim-fault-server──> server
 *   server ──fork──> run: no LD_BIND_NOW (unless the user set one)
 *   run ──fork at the failing call──> child: the same
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

static void AssertPlainEnvironment(void)
{
    const char *BindNow = getenv("LD_BIND_NOW");
    assert_true(BindNow == NULL || strcmp(BindNow, "mmsim-fault-server") != 0);
    assert_null(getenv("MMSIM_FAULT_SERVER"));
}

/* One fallible call: the runner explores this test and fails the call in a
 * child forked there. */
SIM_TEST(RunSeesThePlainEnvironment)
{
    AssertPlainEnvironment();
    void *Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'vnEF');
    AssertPlainEnvironment();
    if (Block != NULL) {
        ExFreePoolWithTag(Block, 'vnEF');
    }
}

int main(void)
{
    return SimRunTests("fork_env", NULL, NULL);
}
