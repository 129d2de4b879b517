/*
 * test_kesync_lent.c - a fault inside a wait's look, while its bucket is let
 * go (sim/ke/locks.c: MiLetGoOfParkForFault, MiTakeBackParkAfterFault,
 * MiRefuseIfLentWaitEnded; sim/mm/space.c: MiFaultHandler, MiFaultTrap).
 *
 * A waiter looks at its objects holding its parking-lot bucket. One of them
 * is in a trimmed paged pool page: the look faults, and the bucket is let
 * go while the fault is served (the handler takes the simulator lock, which
 * is never taken under a bucket). A white-box probe (MiLentBucketProbe,
 * sim/mi.h) holds the waiter inside that window while the test acts:
 *
 *   waiter: KeWaitForMultipleObjects(A, B)      test, inside the window
 *   look: A not signalled
 *         B faults -> bucket let go  ---------> (1) KeSetEvent(A): its wake
 *                                                   finds nobody asleep
 *                                               (2) SimReset: the machine goes
 *   (1) fault served, bucket taken back, B not signalled; the look is made
 *       again under the bucket: A -> STATUS_WAIT_0. Without the second look
 *       the waiter sleeps and the wake is lost.
 *   (2) the wait is refused before the fault is served. Without the refusal
 *       the fault is served on the next machine, where B's page is nothing:
 *       0x50, and the new machine stops.
 *
 * No timing: the test waits for outcomes, bounded (a lost wake fails the
 * test after the bound instead of hanging it).
 */
#include <pthread.h>
#include <sched.h>
#include <string.h>

#include <ntddk.h>

#include "mmsim_cmocka.h"

#include "faulting_waiter.h"

#include "../../sim/mi.h"

#define TAG_LENT 'tneL'
#define BOUND_100NS 300000000ull /* 30 s */

/* ---- The probe: the waiter stops inside the window until told ---- */
static atomic_int InWindow, Proceed;

static void HoldTheWindow(void)
{
    __atomic_store_n(&MiLentBucketProbe, (MI_LENT_BUCKET_PROBE)NULL, __ATOMIC_RELEASE); /* once */
    atomic_store(&InWindow, 1);
    while (!atomic_load(&Proceed)) {
        sched_yield();
    }
}

static ULONG Parked(void)
{
    SIM_WAITING_THREADS Threads;
    SimQueryWaitingThreads(&Threads);
    return Threads.Parked;
}

/* Bounded: FALSE if the condition never came. */
static BOOLEAN Until(BOOLEAN (*Condition)(void))
{
    ULONGLONG Start = KeQueryInterruptTime();
    while (KeQueryInterruptTime() - Start < BOUND_100NS) {
        if (Condition()) {
            return TRUE;
        }
        sched_yield();
    }
    return FALSE;
}
static BOOLEAN OneParked(void)
{
    return Parked() == 1;
}
static BOOLEAN NoneParked(void)
{
    return Parked() == 0;
}
static BOOLEAN WaiterInWindow(void)
{
    return atomic_load(&InWindow) != 0;
}

/* ---- The waiter: A (non-paged) first, then B (paged) ---- */
static KEVENT A, Unrelated;

/* Parks a waiter on A and a paged event, trims the paged one's page and
 * wakes the waiter to look (by an event it does not wait for): it faults on
 * the paged event and stays in the window. */
static PKEVENT StartWaiterIntoTheWindow(FAULTING_WAITER *Waiter)
{
    PKEVENT B = (PKEVENT)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(KEVENT), TAG_LENT);
    assert_non_null(B);
    KeInitializeEvent(&A, NotificationEvent, FALSE);
    KeInitializeEvent(B, NotificationEvent, FALSE);
    KeInitializeEvent(&Unrelated, NotificationEvent, FALSE);
    atomic_store(&InWindow, 0);
    atomic_store(&Proceed, 0);
    /* No timeout: a lost wake leaves it asleep (a timeout's last look
     * would hide the loss). */
    StartFaultingWaiterThread(Waiter, &A, B, NULL);
    assert_true(Until(OneParked));
    /* Armed before the trim: if the waiter is still in its first look, that
     * look is the one that faults. */
    __atomic_store_n(&MiLentBucketProbe, HoldTheWindow, __ATOMIC_RELEASE);
    assert_true(SimTrimPagedPool() >= 1);
    KeSetEvent(&Unrelated, IO_NO_INCREMENT, FALSE); /* every multi-object waiter looks */
    assert_true(Until(WaiterInWindow));
    return B;
}

SIM_TEST(AWakeWhileTheBucketIsLetGoIsNotLost)
{
    FAULTING_WAITER Waiter;
    PKEVENT B = StartWaiterIntoTheWindow(&Waiter);
    KeSetEvent(&A, IO_NO_INCREMENT, FALSE); /* the waiter is not asleep: nobody hears it */
    atomic_store(&Proceed, 1);
    BOOLEAN Returned = Until(NoneParked);
    if (!Returned) {
        KeSetEvent(&A, IO_NO_INCREMENT, FALSE); /* the lost wake, again: the waiter returns */
    }
    pthread_join(Waiter.Thread, NULL);
    ExFreePoolWithTag(B, TAG_LENT);
    assert_true(Returned);
    assert_false(Waiter.Stop.Caught);
    assert_int_equal(Waiter.Status, STATUS_WAIT_0);
}

SIM_TEST(AResetWhileTheBucketIsLetGoRefusesTheWait)
{
    FAULTING_WAITER Waiter;
    (void)StartWaiterIntoTheWindow(&Waiter);
    SimReset(); /* B's machine goes, with its page */
    atomic_store(&Proceed, 1);
    pthread_join(Waiter.Thread, NULL);
    assert_true(Waiter.Stop.Caught);
    assert_true(Waiter.Stop.Refused);
    assert_false(SimIsStopped(NULL)); /* the fault was not the new machine's */
    assert_int_equal(Parked(), 0);
}

int main(void)
{
    return SimRunTests("kesync_lent", NULL, NULL);
}
