/*
 * test_fork_locks.c - a fork() while another thread is inside the executive
 * leaves the child's records usable (sim/ex/work.c, MiExForkSteps).
 *
 * The lookaside lists', resources' and callback objects' records are kept
 * under host mutexes. A forked child has only the forking thread: a mutex
 * another thread held at the fork would stay held in the child for ever,
 * and its next ExInitializeResourceLite (or lookaside list, or callback)
 * would hang. The fault runner forks at failing calls while a driver's other
 * threads (worker routines, DPCs) run, so the fork takes those mutexes
 * first, as it takes the simulator's own lock.
 *
 *   parent: thread B loops  resource init/acquire/release/delete,
 *                           lookaside init/allocate/free/delete,
 *                           callback open/notify
 *   parent: main thread     forks ROUNDS children while B runs
 *   child:                  the same operations once, then exits 0
 *
 * Without the fork handlers a child hangs (its alarm ends it) whenever B
 * held a mutex at that fork: with B inside one for a good share of its loop,
 * some of the rounds do.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <unistd.h>

#include <ntddk.h>

#include "mmsim_cmocka.h"

#if SIM_HAVE_DEATH_TESTS
#define TAG_FORK 'kroF'
#define ROUNDS 40

static void UseTheRecords(void)
{
    static _Thread_local ERESOURCE Resource;
    assert_int_equal(ExInitializeResourceLite(&Resource), STATUS_SUCCESS);
    KeEnterCriticalRegion();
    (void)ExAcquireResourceExclusiveLite(&Resource, TRUE);
    ExReleaseResourceLite(&Resource);
    KeLeaveCriticalRegion();
    assert_int_equal(ExDeleteResourceLite(&Resource), STATUS_SUCCESS);

    static _Thread_local LOOKASIDE_LIST_EX List;
    assert_int_equal(ExInitializeLookasideListEx(&List, NULL, NULL, NonPagedPoolNx, 0, 64,
                                                 TAG_FORK, 0),
                     STATUS_SUCCESS);
    PVOID Entry = ExAllocateFromLookasideListEx(&List);
    if (Entry != NULL) {
        ExFreeToLookasideListEx(&List, Entry);
    }
    ExDeleteLookasideListEx(&List);

    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"\\Callback\\ForkLocks");
    OBJECT_ATTRIBUTES Attributes;
    InitializeObjectAttributes(&Attributes, &Name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    PCALLBACK_OBJECT Object = NULL;
    if (NT_SUCCESS(ExCreateCallback(&Object, &Attributes, TRUE, TRUE))) {
        ExNotifyCallback(Object, NULL, NULL);
    }
}

static atomic_bool Stop;

static void *Busy(void *Unused)
{
    (void)Unused;
    while (!atomic_load(&Stop)) {
        UseTheRecords();
    }
    return NULL;
}

static void Child(void *Context)
{
    (void)Context;
    UseTheRecords(); /* hangs if a record's mutex stayed held */
    _exit(0);
}

SIM_TEST(AForkWhileAnotherThreadUsesTheRecordsLeavesThemFree)
{
    UseTheRecords(); /* the machine and the callback object exist before B starts */
    atomic_store(&Stop, false);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, Busy, NULL), 0);
    int Hung = 0, Round = 0;
    for (; Round < ROUNDS && Hung == 0; Round++) {
        SIM_CHILD Result;
        if (!SimRunChild(Child, NULL, 10, &Result)) {
            break;
        }
        if (!Result.Exited || Result.Status != 0) {
            char Text[128];
            print_error("round %d: the child %s\n%s", Round,
                        SimDescribeChild(&Result, Text, sizeof(Text)), Result.Err);
            Hung++;
        }
    }
    atomic_store(&Stop, true);
    pthread_join(Thread, NULL);
    assert_int_equal(Round, ROUNDS);
    assert_int_equal(Hung, 0);
}
#endif

int main(void)
{
    return SimRunTests("fork_locks", NULL, NULL);
}
