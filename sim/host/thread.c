/*
 * thread.c - threads the simulator starts and joins (host.h): worker
 * threads, the clock thread, system threads. POSIX and Windows (winpthreads).
 *
 * A join waits until the kernel has let the thread go. Linux wakes
 * pthread_join when it clears the thread's id word, a moment before it
 * takes the thread out of the process's thread count; the fault runner's
 * explorer forks only when that count is 1 (fork_server.c), and read right
 * after its fork handlers joined the idle workers it now and then still
 * held one, so that a stack ran from the start instead (a CI failure).
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* syscall */
#endif
#include <pthread.h>

#if defined(__linux__)
#include <sched.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#endif

#include "host.h"

static void *HostThreadBase(void *Parameter)
{
    HOST_THREAD *Thread = (HOST_THREAD *)Parameter;
#if defined(__linux__)
    Thread->Id = (long)syscall(SYS_gettid);
#endif
    return Thread->Routine(Thread->Context);
}

int HostThreadCreate(HOST_THREAD *Thread, void *(*Routine)(void *), void *Context)
{
    Thread->Routine = Routine;
    Thread->Context = Context;
    Thread->Id = 0;
    return pthread_create(&Thread->Thread, NULL, HostThreadBase, Thread);
}

void HostThreadJoin(HOST_THREAD *Thread)
{
    pthread_join(Thread->Thread, NULL);
#if defined(__linux__)
    /* The kernel unlinks an exited thread from its process (ESRCH from
     * then on) and drops it from the count in one step. The thread is past
     * its last instruction, so this is a short wait; the bound only keeps a
     * host that never unlinks it from hanging the caller (who then counts
     * one thread more: the explorer runs that stack from the start, the
     * safe side). */
    if (Thread->Id > 0) {
        pid_t Process = getpid();
        struct timespec Start, Now;
        clock_gettime(CLOCK_MONOTONIC, &Start);
        while (syscall(SYS_tgkill, Process, (pid_t)Thread->Id, 0) == 0) {
            sched_yield();
            clock_gettime(CLOCK_MONOTONIC, &Now);
            if (Now.tv_sec - Start.tv_sec >= 2) {
                break;
            }
        }
    }
#endif
    Thread->Id = 0;
}
