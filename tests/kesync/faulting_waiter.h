/*
 * faulting_waiter.h - a driver thread whose wait's look faults: it waits
 * for any of two objects, the first in memory the test takes away (an
 * unmapped or trimmed page), and catches the stop if the fault is one.
 * Shared by test_kesync.c and test_kesync_lent.c.
 */
#ifndef FAULTING_WAITER_H
#define FAULTING_WAITER_H

#include <pthread.h>
#include <string.h>

#include <ntddk.h>

#include "mmsim_cmocka.h"

typedef struct _FAULTING_WAITER {
    pthread_t Thread;
    PVOID Objects[2];       /* the one that faults first: the wait's look reads it */
    PLARGE_INTEGER Timeout; /* NULL: for ever */
    SIM_BUGCHECK Stop;
    NTSTATUS Status;
} FAULTING_WAITER;

static void *FaultingWaiterMain(void *Context)
{
    FAULTING_WAITER *Waiter = (FAULTING_WAITER *)Context;
    SIM_CATCH_BUGCHECK(&Waiter->Stop,
                       Waiter->Status = KeWaitForMultipleObjects(2, Waiter->Objects, WaitAny,
                                                                 Executive, KernelMode, FALSE,
                                                                 Waiter->Timeout, NULL));
    return NULL;
}

/* Starts Waiter on First and Second (initialized by the caller). */
static inline void StartFaultingWaiterThread(FAULTING_WAITER *Waiter, PVOID First, PVOID Second,
                                             PLARGE_INTEGER Timeout)
{
    memset(Waiter, 0, sizeof(*Waiter));
    Waiter->Objects[0] = First;
    Waiter->Objects[1] = Second;
    Waiter->Timeout = Timeout;
    assert_int_equal(pthread_create(&Waiter->Thread, NULL, FaultingWaiterMain, Waiter), 0);
}

#endif
