/*
 * test_exspin_reset.c - a thread spinning on an EX_SPIN_LOCK is counted as
 * a spinner, so SimReset waits for it to leave before the machine goes
 * (sim/ex/exspin.c, MiSpinTurn; white-box: MiSpinningThreads of sim/mi.h).
 *
 *   main thread                         thread B
 *   ExAcquireSpinLockExclusive(L)
 *                                       ExAcquireSpinLockExclusive(L): spins
 *   waits until B spins (the lock's waiting bit) and is counted
 *   SimReset()  -- waits for B -->      sees the machine gone: refused
 *   B refused, never got L; no spinner left
 *
 * Uncounted, the reset went on while B still read (and could swap) the lock
 * word in memory the next machine reuses, as KeAcquireSpinLock's spinners
 * never could.
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>

#include <ntddk.h>

#include "mmsim_cmocka.h"

#include "../../sim/mi.h"

#define TAG_SPIN 'nipS'
#define POLLS 2000000    /* yields to wait for B to reach the lock: far more than it needs */
#define COUNT_POLLS 20000 /* then to see it counted */

static PEX_SPIN_LOCK Lock;
static SIM_BUGCHECK SpinnerStop;
static atomic_bool Acquired;

static void AcquireAndRelease(void)
{
    KIRQL Old = ExAcquireSpinLockExclusive(Lock);
    atomic_store(&Acquired, true);
    ExReleaseSpinLockExclusive(Lock, Old);
}

static void *Spinner(void *Unused)
{
    (void)Unused;
    SIM_CATCH_BUGCHECK(&SpinnerStop, AcquireAndRelease());
    return NULL;
}

SIM_TEST(AResetWaitsForAnExSpinLocksSpinnerToLeave)
{
    Lock = (PEX_SPIN_LOCK)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(EX_SPIN_LOCK), TAG_SPIN);
    assert_non_null(Lock);
    atomic_store(&Acquired, false);
    KIRQL Old = ExAcquireSpinLockExclusive(Lock);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, Spinner, NULL), 0);
    /* B sets the lock's waiting bit just before its first turn of the spin,
     * where it counts itself: the count follows within a few polls. */
    int Polls = 0;
    while ((__atomic_load_n(Lock, __ATOMIC_ACQUIRE) & 0x40000000) == 0 && Polls < POLLS) {
        sched_yield();
        Polls++;
    }
    Polls = 0;
    while (MiSpinningThreads() == 0 && Polls < COUNT_POLLS) {
        sched_yield();
        Polls++;
    }
    long Spinning = MiSpinningThreads();
    if (Spinning == 0) {
        ExReleaseSpinLockExclusive(Lock, Old); /* let B finish before failing */
        pthread_join(Thread, NULL);
        ExFreePoolWithTag((PVOID)(ULONG_PTR)Lock, TAG_SPIN);
        fail_msg("the spinner was never counted");
    }
    SimReset();
    pthread_join(Thread, NULL);
    assert_true(SpinnerStop.Caught);
    assert_true(SpinnerStop.Refused);
    assert_false(atomic_load(&Acquired));
    assert_int_equal(MiSpinningThreads(), 0);
    assert_false(SimIsStopped(NULL));
}

int main(void)
{
    return SimRunTests("exspin_reset", NULL, NULL);
}
