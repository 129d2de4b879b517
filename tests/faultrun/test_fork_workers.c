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
 *
 * faults32: the explorer (docs/verifier.md, "Fork at the failing call")
 * builds a machine per test and would stop its workers again at the test's
 * first fork: its machines start none until work is queued. A host that
 * refuses a worker thread then (the program is linked with
 * --wrap=pthread_create) ends the run with exit 89 and the reason, as a
 * machine that could not be built, never SIGABRT (a "crashed" driver).
 *
 *   the explorer's machine built       T - 2
 *   a work item queued, and run        T
 *   in a child: thread refused, queue  exit 89, "refused a worker thread"
 *
 * lead33: a joined thread is no longer counted. Linux wakes pthread_join
 * before it drops the thread from the count the explorer reads at each fork
 * (/proc/self/stat): a count read right after a join held a stopped worker
 * now and then, and the explorer ran that stack from the start (CI saw
 * "7 forked at the failing call, 9 from the start" once). HostThreadJoin
 * waits until the kernel has let the thread go. The test stretches that
 * window: the record joined is made to name a thread that is still
 * ending (it sleeps a little first).
 *
 *   Quick: returned, joined        its record names Lingering's id
 *   Lingering: sleeps, returns     HostThreadJoin(Quick) waits for it
 *   after the join                 count = before the two were started
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* nanosleep under -std=c11 */
#endif
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#include "../../sim/host/host.h" /* HostThreadCount */

/* The host's pthread_create, refused while Refuse is set. */
int __real_pthread_create(pthread_t *Thread, const pthread_attr_t *Attr, void *(*Start)(void *),
                          void *Argument);
int __wrap_pthread_create(pthread_t *Thread, const pthread_attr_t *Attr, void *(*Start)(void *),
                          void *Argument);
static atomic_int Refuse;
int __wrap_pthread_create(pthread_t *Thread, const pthread_attr_t *Attr, void *(*Start)(void *),
                          void *Argument)
{
    if (atomic_load(&Refuse)) {
        return EAGAIN;
    }
    return __real_pthread_create(Thread, Attr, Start, Argument);
}

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

static VOID NTAPI NeverRuns(PVOID Parameter)
{
    (void)Parameter;
}

/* In a child: the workers stopped for the fork; the host refuses the
 * thread the first queued item needs. */
static void QueueRefused(void *Context)
{
    (void)Context;
    static WORK_QUEUE_ITEM Item;
    ExInitializeWorkItem(&Item, NeverRuns, NULL);
    atomic_store(&Refuse, 1);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
}

SIM_TEST(ARefusedWorkerThreadEndsTheRunAsAnUnbuiltMachine)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(QueueRefused, NULL, 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_EXIT_CONFIG);
    SIM_EXPECT_CHILD_SAYS(&Child, "the host refused a worker thread");
}

static atomic_int Started;

static void *Linger(void *Context)
{
    (void)Context;
    atomic_fetch_add(&Started, 1);
    struct timespec Pause = {0, 30 * 1000 * 1000};
    nanosleep(&Pause, NULL);
    return NULL;
}

static void *Return(void *Context)
{
    (void)Context;
    atomic_fetch_add(&Started, 1);
    return NULL;
}

SIM_TEST(AJoinedThreadIsNoLongerCounted)
{
    long Before = HostThreadCount();
    if (Before == 0) {
        skip(); /* no /proc: nothing to count */
    }
    atomic_store(&Started, 0);
    HOST_THREAD Lingering, Quick;
    assert_int_equal(HostThreadCreate(&Lingering, Linger, NULL), 0);
    assert_int_equal(HostThreadCreate(&Quick, Return, NULL), 0);
    while (atomic_load(&Started) < 2) { /* both ids recorded */
        sched_yield();
    }
    long QuickId = Quick.Id;
    Quick.Id = Lingering.Id;
    HostThreadJoin(&Quick);
    assert_int_equal(HostThreadCount(), Before);
    assert_int_not_equal(QuickId, 0);
    HostThreadJoin(&Lingering);
}

/* The last test: the process stays an explorer. */
SIM_TEST(AnExplorersMachinesStartWorkersWhenWorkIsQueued)
{
    long Built = HostThreadCount();
    if (Built == 0) {
        skip(); /* no /proc: nothing to count */
    }
    SIM_CHILD Child;
    assert_true(SimRunChild(Nothing, NULL, 20, &Child)); /* its workers stop for the fork */
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
    HostExploreClaim();
    SimReset(); /* the explorer's next test's machine */
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
