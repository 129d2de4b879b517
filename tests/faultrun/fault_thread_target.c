/*
 * fault_thread_target.c - a CMocka suite for `mmsim faults --per-test` where
 * forking at the failing call is not possible (tests/faultrun/CMakeLists.txt;
 * docs/verifier.md, "Fork at the failing call"). Every test passes when
 * nothing fails; each has one fallible call:
 *
 *   test                  the call is made                       run
 *   AllocatesAlone        by the test's only thread              forked at the call
 *   ThreadAliveAtTheCall  while a thread the test started waits  from the start
 *   AllocatesInAChild     in a child process the test forked     from the start
 *
 * A fork copies only the calling thread, so the runner forks only when the
 * process has no other thread (the simulator's idle workers aside, which stop
 * for a fork); a call in a process the test forked cannot fork its parent's
 * run. Those stacks run from the start, with the outcomes they have there
 * (every failure here is the test's own failed assertion).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include <mmsim_cmocka.h>

#define TAG 'hTTF'

SIM_TEST(AllocatesAlone)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG);
}

/* A thread that waits until it is told to leave. */
typedef struct {
    pthread_mutex_t Lock;
    pthread_cond_t Wake;
    bool Leave;
} WAITER;

static void *Wait(void *Context)
{
    WAITER *Waiter = (WAITER *)Context;
    pthread_mutex_lock(&Waiter->Lock);
    while (!Waiter->Leave) {
        pthread_cond_wait(&Waiter->Wake, &Waiter->Lock);
    }
    pthread_mutex_unlock(&Waiter->Lock);
    return NULL;
}

SIM_TEST(ThreadAliveAtTheCall)
{
    WAITER Waiter = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, Wait, &Waiter), 0);
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    pthread_mutex_lock(&Waiter.Lock);
    Waiter.Leave = true;
    pthread_cond_signal(&Waiter.Wake);
    pthread_mutex_unlock(&Waiter.Lock);
    pthread_join(Thread, NULL); /* before the assertion that can fail */
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG);
}

static void AllocateAndExit(void *Context)
{
    (void)Context;
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block == NULL) {
        exit(3);
    }
    ExFreePoolWithTag(Block, TAG);
    exit(0);
}

SIM_TEST(AllocatesInAChild)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(AllocateAndExit, NULL, 30, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 0);
}

int main(void)
{
    return SimRunTests("fault thread target", NULL, NULL);
}
