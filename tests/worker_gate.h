/*
 * worker_gate.h - what the suites that hold the system worker threads share:
 * test_work.c and test_queue_records.c.
 *
 *   HoldWorkers()      both worker threads run a blocker and wait: items
 *                      queued now stay queued behind them
 *   ReleaseWorkers()   the blockers return (no DDI: usable after a caught
 *                      bug check, from a teardown)
 *
 * The blockers wait on a host condition variable, not a KEVENT: after a
 * caught bug check the test must release them without calling a DDI. They
 * block rather than spin (spinning workers and a spinning test were most of
 * a suite's CPU time, and of each run the fault runner forks).
 * Include after mmsim_cmocka.h.
 */
#ifndef MMSIM_TESTS_WORKER_GATE_H
#define MMSIM_TESTS_WORKER_GATE_H

#include <pthread.h>
#include <stdbool.h>

#define WORKER_GATE_WORKERS 2 /* the simulator's system worker threads */

static struct {
    pthread_mutex_t Lock;
    pthread_cond_t Changed; /* a blocker started, or the release */
    int Running;
    bool Release;
} Gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, false};

static WORK_QUEUE_ITEM GateBlockers[WORKER_GATE_WORKERS];

static inline VOID NTAPI GateBlocker(PVOID Parameter)
{
    (void)Parameter;
    pthread_mutex_lock(&Gate.Lock);
    Gate.Running++;
    pthread_cond_broadcast(&Gate.Changed);
    while (!Gate.Release) {
        pthread_cond_wait(&Gate.Changed, &Gate.Lock);
    }
    pthread_mutex_unlock(&Gate.Lock);
}

#if SIM_HAVE_DEATH_TESTS
/* A child forked while blockers wait (the fault runner forks at failing
 * calls) has no blocker thread: its gate starts afresh, not locked or
 * waited on by threads it does not have. */
static inline void GateForkChild(void)
{
    pthread_mutex_init(&Gate.Lock, NULL);
    pthread_cond_init(&Gate.Changed, NULL);
}

__attribute__((constructor)) static void GateOnFork(void)
{
    pthread_atfork(NULL, NULL, GateForkChild);
}
#endif

static inline void HoldWorkers(void)
{
    pthread_mutex_lock(&Gate.Lock);
    Gate.Running = 0;
    Gate.Release = false;
    pthread_mutex_unlock(&Gate.Lock);
    for (int i = 0; i < WORKER_GATE_WORKERS; i++) {
        ExInitializeWorkItem(&GateBlockers[i], GateBlocker, NULL);
        ExQueueWorkItem(&GateBlockers[i], DelayedWorkQueue);
    }
    pthread_mutex_lock(&Gate.Lock);
    while (Gate.Running < WORKER_GATE_WORKERS) {
        pthread_cond_wait(&Gate.Changed, &Gate.Lock);
    }
    pthread_mutex_unlock(&Gate.Lock);
}

static inline void ReleaseWorkers(void)
{
    pthread_mutex_lock(&Gate.Lock);
    Gate.Release = true;
    pthread_cond_broadcast(&Gate.Changed);
    pthread_mutex_unlock(&Gate.Lock);
}

#endif /* MMSIM_TESTS_WORKER_GATE_H */
