/*
 * test_ex_spinlock.c - the executive's reader/writer spin locks (EX_SPIN_LOCK,
 * wdm.h; survey25, docs/wdk-surface.md "Found by the survey"), as documented:
 *
 *   routine                                  entry IRQL            IRQL after
 *   ExAcquireSpinLockShared/Exclusive        <= DISPATCH (0xA)     DISPATCH; returns the old one
 *   ExReleaseSpinLockShared/Exclusive        DISPATCH              the old one given
 *   Ex...AtDpcLevel / Ex...FromDpcLevel      >= DISPATCH (0x9)     unchanged
 *   ExTryConvertSharedSpinLockExclusive      >= DISPATCH (0x9)     unchanged; TRUE only for the
 *                                                                  sole shared holder
 *
 *   holders          another shared   another exclusive
 *   none             yes              yes
 *   shared (n)       yes              waits until all left
 *   exclusive        waits            waits
 *
 * mmsim's choices where Windows deadlocks or corrupts: acquiring a lock the
 * thread holds stops with SPIN_LOCK_ALREADY_OWNED (0xF), releasing one not
 * held so with SPIN_LOCK_NOT_OWNED (0x10).
 */
#include <pthread.h>

#include <mmsim_cmocka.h>

static EX_SPIN_LOCK Lock;

/* Reads a word another thread changes with interlocked operations (a plain read
 * would race with them). */
static LONG Read(volatile LONG *Word)
{
    return InterlockedCompareExchange(Word, 0, 0);
}

SIM_TEST(RaisingFormsGoToDispatchAndBack)
{
    static const KIRQL From[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    for (size_t i = 0; i < RTL_NUMBER_OF(From); i++) {
        KIRQL Entry;
        KeRaiseIrql(From[i], &Entry);
        KIRQL Old = ExAcquireSpinLockShared(&Lock);
        assert_int_equal(Old, From[i]);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        ExReleaseSpinLockShared(&Lock, Old);
        assert_int_equal(KeGetCurrentIrql(), From[i]);
        Old = ExAcquireSpinLockExclusive(&Lock);
        assert_int_equal(Old, From[i]);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        ExReleaseSpinLockExclusive(&Lock, Old);
        assert_int_equal(KeGetCurrentIrql(), From[i]);
        KeLowerIrql(Entry);
    }
    assert_int_equal(Lock, 0);
}

SIM_TEST(DpcLevelFormsLeaveTheIrql)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    ExAcquireSpinLockSharedAtDpcLevel(&Lock);
    assert_true(ExTryConvertSharedSpinLockExclusive(&Lock));
    ExReleaseSpinLockExclusiveFromDpcLevel(&Lock);
    ExAcquireSpinLockExclusiveAtDpcLevel(&Lock);
    ExReleaseSpinLockExclusiveFromDpcLevel(&Lock);
    ExAcquireSpinLockSharedAtDpcLevel(&Lock);
    ExReleaseSpinLockSharedFromDpcLevel(&Lock);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeLowerIrql(Old);
    assert_int_equal(Lock, 0);
}

/* A second thread (another processor) and the steps it has reached. */
typedef struct {
    volatile LONG Step;
    volatile LONG Acquired;
    BOOLEAN Exclusive;
} OTHER;

static void *OtherThread(void *Context)
{
    OTHER *Other = (OTHER *)Context;
    InterlockedExchange(&Other->Step, 1);
    KIRQL Old = Other->Exclusive ? ExAcquireSpinLockExclusive(&Lock)
                                 : ExAcquireSpinLockShared(&Lock);
    InterlockedExchange(&Other->Acquired, 1);
    while (Read(&Other->Step) != 2) {
        YieldProcessor(); /* hold it until told */
    }
    if (Other->Exclusive) {
        ExReleaseSpinLockExclusive(&Lock, Old);
    } else {
        ExReleaseSpinLockShared(&Lock, Old);
    }
    return NULL;
}

SIM_TEST(SharedHoldersRunTogetherAndOnlyTheLastConverts)
{
    OTHER Other = {0, 0, FALSE};
    KIRQL Old = ExAcquireSpinLockShared(&Lock);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, OtherThread, &Other), 0);
    while (Read(&Other.Acquired) != 1) {
        YieldProcessor(); /* a second shared holder gets in while this one holds */
    }
    assert_false(ExTryConvertSharedSpinLockExclusive(&Lock)); /* two holders */
    InterlockedExchange(&Other.Step, 2);
    assert_int_equal(pthread_join(Thread, NULL), 0);
    assert_true(ExTryConvertSharedSpinLockExclusive(&Lock)); /* the last one */
    ExReleaseSpinLockExclusive(&Lock, Old);
    assert_int_equal(Lock, 0);
}

SIM_TEST(AWriterWaitsForTheReader)
{
    OTHER Other = {0, 0, TRUE};
    KIRQL Old = ExAcquireSpinLockShared(&Lock);
    LONG Held = Read(&Lock);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, OtherThread, &Other), 0);
    /* The writer spins: it has marked the lock (or, were it let in, acquired it). */
    while (Read(&Lock) == Held && Read(&Other.Acquired) != 1) {
        YieldProcessor();
    }
    assert_int_equal(Read(&Other.Acquired), 0);
    ExReleaseSpinLockShared(&Lock, Old);
    while (Read(&Other.Acquired) != 1) {
        YieldProcessor();
    }
    InterlockedExchange(&Other.Step, 2);
    assert_int_equal(pthread_join(Thread, NULL), 0);
    assert_int_equal(Lock, 0);
}

SIM_TEST(IrqlRules)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(0xA, 0, ExAcquireSpinLockShared(&Lock));
    SimReset();
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(0xA, 0, ExAcquireSpinLockExclusive(&Lock));
    SimReset();
    SIM_EXPECT_BUGCHECK(0x9, (ULONG_PTR)&Lock, ExAcquireSpinLockSharedAtDpcLevel(&Lock));
    SimReset();
    SIM_EXPECT_BUGCHECK(0x9, (ULONG_PTR)&Lock, ExAcquireSpinLockExclusiveAtDpcLevel(&Lock));
    SimReset();
    Lock = 0;
}

SIM_TEST(RecursionAndForeignReleasesStop)
{
    KIRQL Old = ExAcquireSpinLockShared(&Lock);
    SIM_EXPECT_BUGCHECK(0xF, (ULONG_PTR)&Lock, ExAcquireSpinLockExclusiveAtDpcLevel(&Lock));
    SimReset();
    Lock = 0;
    Old = ExAcquireSpinLockExclusive(&Lock);
    SIM_EXPECT_BUGCHECK(0x10, (ULONG_PTR)&Lock, ExReleaseSpinLockShared(&Lock, Old));
    SimReset();
    Lock = 0;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(0x10, (ULONG_PTR)&Lock, ExReleaseSpinLockExclusiveFromDpcLevel(&Lock));
    SimReset();
}

int main(void)
{
    return SimRunTests("realworld: EX_SPIN_LOCK", NULL, NULL);
}
