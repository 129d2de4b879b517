/*
 * test_fork_workers.c - the simulator's idle worker threads and fork()
 * (sim/ex/work.c; docs/work-items.md). Idle workers stop for a fork (a child
 * inherits only the forking thread) and start again, in the parent as in
 * the child, when work is queued - not at every fork: the fault runner's
 * explorer forks at every stack it fails (docs/verifier.md, "Fork at the
 * failing call").
 *
 *   threads of the process             count
 *   machine built                      T (the test's thread, 2 workers, ...)
 *   after a fork, in the parent        T - 2
 *   a work item queued, and run        T
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#include "../../sim/host/host.h" /* HostThreadCount */

static void Nothing(void *Context)
{
    (void)Context;
}

static atomic_int Ran;

static VOID NTAPI Count(PVOID Parameter)
{
    (void)Parameter;
    atomic_fetch_add(&Ran, 1);
}

SIM_TEST(IdleWorkersStartAgainWhenWorkIsQueued)
{
    long Built = HostThreadCount();
    if (Built == 0) {
        skip(); /* no /proc: nothing to count */
    }
    SIM_CHILD Child;
    assert_true(SimRunChild(Nothing, NULL, 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
    assert_int_equal(HostThreadCount(), Built - 2);

    static WORK_QUEUE_ITEM Item;
    atomic_store(&Ran, 0);
    ExInitializeWorkItem(&Item, Count, NULL);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    assert_true(SimWaitForWorkItems(10000));
    assert_int_equal(atomic_load(&Ran), 1);
    assert_int_equal(HostThreadCount(), Built);
}

int main(void)
{
    return SimRunTests("fork_workers", NULL, NULL);
}
