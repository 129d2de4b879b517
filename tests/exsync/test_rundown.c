/*
 * test_rundown.c - rundown protection and the ExInterlocked routines as a
 * specification (docs/ex-sync.md).
 *
 *   Initialize -> Acquire (TRUE) ... Release        references come and go
 *   WaitForRundownProtectionRelease: no new Acquire succeeds; returns once
 *   the references held are released; ReInitialize makes it usable again.
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#endif
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include <mmsim_cmocka.h>

#define TAG_RUN 'nuRt'

static EX_RUNDOWN_REF RunRef;
static volatile LONG Released;

SIM_TEST(AcquireFailsOnceRundownBegins)
{
    ExInitializeRundownProtection(&RunRef);
    assert_true(ExAcquireRundownProtection(&RunRef));
    assert_true(ExAcquireRundownProtectionEx(&RunRef, 3));
    assert_int_equal(RunRef.Count, 4 * EX_RUNDOWN_COUNT_INC);
    ExReleaseRundownProtectionEx(&RunRef, 3);
    ExReleaseRundownProtection(&RunRef);
    ExWaitForRundownProtectionRelease(&RunRef); /* nothing held: returns at once */
    assert_false(ExAcquireRundownProtection(&RunRef));
    assert_false(ExAcquireRundownProtectionEx(&RunRef, 2));
    ExRundownCompleted(&RunRef);
    assert_false(ExAcquireRundownProtection(&RunRef));
    ExReInitializeRundownProtection(&RunRef);
    assert_true(ExAcquireRundownProtection(&RunRef));
    ExReleaseRundownProtection(&RunRef);
}

static void *ReleaseLater(void *Argument)
{
    (void)Argument;
    struct timespec Ms = {0, 20000000};
    nanosleep(&Ms, NULL);
    InterlockedExchange(&Released, 1);
    ExReleaseRundownProtection(&RunRef);
    return NULL;
}

/* The wait returns only after the last reference is released. */
SIM_TEST(WaitReturnsAfterTheLastRelease)
{
    ExInitializeRundownProtection(&RunRef);
    assert_true(ExAcquireRundownProtection(&RunRef));
    Released = 0;
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, ReleaseLater, NULL), 0);
    ExWaitForRundownProtectionRelease(&RunRef);
    assert_int_equal(InterlockedCompareExchange(&Released, 0, 0), 1);
    pthread_join(Thread, NULL);
    assert_false(ExAcquireRundownProtection(&RunRef));
}

SIM_TEST(CacheAwareFormBehavesAlike)
{
    PEX_RUNDOWN_REF_CACHE_AWARE Ref = ExAllocateCacheAwareRundownProtection(NonPagedPoolNx, TAG_RUN);
    assert_non_null(Ref);
    assert_true(ExAcquireRundownProtectionCacheAware(Ref));
    assert_true(ExAcquireRundownProtectionCacheAwareEx(Ref, 2));
    ExReleaseRundownProtectionCacheAwareEx(Ref, 2);
    ExReleaseRundownProtectionCacheAware(Ref);
    ExWaitForRundownProtectionReleaseCacheAware(Ref);
    assert_false(ExAcquireRundownProtectionCacheAware(Ref));
    ExRundownCompletedCacheAware(Ref);
    ExReInitializeRundownProtectionCacheAware(Ref);
    assert_true(ExAcquireRundownProtectionCacheAware(Ref));
    ExReleaseRundownProtectionCacheAware(Ref);
    ExFreeCacheAwareRundownProtection(Ref);
    /* in caller's memory of the size the system asks for */
    SIZE_T Size = ExSizeOfRundownProtectionCacheAware();
    PVOID Memory = ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, TAG_RUN);
    assert_non_null(Memory);
    ExInitializeRundownProtectionCacheAware((PEX_RUNDOWN_REF_CACHE_AWARE)Memory, Size);
    assert_true(ExAcquireRundownProtectionCacheAware((PEX_RUNDOWN_REF_CACHE_AWARE)Memory));
    ExReleaseRundownProtectionCacheAware((PEX_RUNDOWN_REF_CACHE_AWARE)Memory);
    ExFreePoolWithTag(Memory, TAG_RUN);
}

static void ReleaseUnacquired(SIM_CASE_RUN *Run)
{
    Run->Want[0] = (ULONG_PTR)&RunRef;
    ExInitializeRundownProtection(&RunRef);
    ExReleaseRundownProtection(&RunRef);
}
static void WaitAtDispatch(SIM_CASE_RUN *Run)
{
    (void)Run;
    ExInitializeRundownProtection(&RunRef);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    ExWaitForRundownProtectionRelease(&RunRef);
}

SIM_TEST(RundownRules)
{
    static const SIM_CASE Cases[] = {
        {"releasing a reference never acquired: 0xE3 (mmsim)", ReleaseUnacquired,
         SIM_BUGCHECKS(0xE3, SIM_ANY, 0, 0, 1), NULL},
        {"waiting above APC_LEVEL: 0xA", WaitAtDispatch,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, DISPATCH_LEVEL, 0, SIM_ANY), NULL},
    };
    SIM_RUN_CASES(Cases);
}

/* ---- ExInterlocked routines ---- */

typedef struct {
    LIST_ENTRY Link;
    SINGLE_LIST_ENTRY Single;
    int Value;
} NODE;

SIM_TEST(InterlockedListsReturnThePreviousEnds)
{
    static KSPIN_LOCK Lock;
    static LIST_ENTRY Head;
    static SINGLE_LIST_ENTRY Stack;
    static NODE Nodes[3];
    KeInitializeSpinLock(&Lock);
    InitializeListHead(&Head);
    Stack.Next = NULL;
    /* double list: head insert returns the old first entry, tail the old last */
    assert_null(ExInterlockedInsertHeadList(&Head, &Nodes[0].Link, &Lock));
    assert_ptr_equal(ExInterlockedInsertTailList(&Head, &Nodes[1].Link, &Lock), &Nodes[0].Link);
    assert_ptr_equal(ExInterlockedInsertHeadList(&Head, &Nodes[2].Link, &Lock), &Nodes[0].Link);
    /* order: 2, 0, 1 */
    assert_ptr_equal(ExInterlockedRemoveHeadList(&Head, &Lock), &Nodes[2].Link);
    assert_ptr_equal(ExInterlockedRemoveHeadList(&Head, &Lock), &Nodes[0].Link);
    assert_ptr_equal(ExInterlockedRemoveHeadList(&Head, &Lock), &Nodes[1].Link);
    assert_null(ExInterlockedRemoveHeadList(&Head, &Lock));
    /* single list */
    assert_null(ExInterlockedPushEntryList(&Stack, &Nodes[0].Single, &Lock));
    assert_ptr_equal(ExInterlockedPushEntryList(&Stack, &Nodes[1].Single, &Lock),
                     &Nodes[0].Single);
    assert_ptr_equal(ExInterlockedPopEntryList(&Stack, &Lock), &Nodes[1].Single);
    assert_ptr_equal(ExInterlockedPopEntryList(&Stack, &Lock), &Nodes[0].Single);
    assert_null(ExInterlockedPopEntryList(&Stack, &Lock));
    assert_int_equal(Lock, 0); /* released every time */
}

SIM_TEST(InterlockedCountersReturnTheInitialValue)
{
    static KSPIN_LOCK Lock;
    KeInitializeSpinLock(&Lock);
    ULONG Value = 0xFFFFFFF0u;
    assert_int_equal(ExInterlockedAddUlong(&Value, 0x20, &Lock), 0xFFFFFFF0u);
    assert_int_equal(Value, 0x10); /* wraps as a ULONG */
    LARGE_INTEGER Big, Add;
    Big.QuadPart = 5;
    Add.QuadPart = -7;
    assert_int_equal(ExInterlockedAddLargeInteger(&Big, Add, &Lock).QuadPart, 5);
    assert_int_equal(Big.QuadPart, -2);
    LONG Counter = -1;
    assert_int_equal(ExInterlockedIncrementLong(&Counter, &Lock), ResultZero);
    assert_int_equal(ExInterlockedIncrementLong(&Counter, &Lock), ResultPositive);
    assert_int_equal(ExInterlockedDecrementLong(&Counter, &Lock), ResultZero);
    assert_int_equal(ExInterlockedDecrementLong(&Counter, &Lock), ResultNegative);
    ULONG Target = 7;
    assert_int_equal(ExInterlockedExchangeUlong(&Target, 9, &Lock), 7);
    assert_int_equal(Target, 9);
    /* any IRQL: at DISPATCH_LEVEL and at HIGH_LEVEL too */
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    assert_int_equal(ExInterlockedAddUlong(&Value, 1, &Lock), 0x10);
    assert_int_equal(KeGetCurrentIrql(), HIGH_LEVEL);
    KeLowerIrql(Old);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* Threads add through the lock: no update is lost. */
#define THREADS 4
#define ROUNDS 5000
static KSPIN_LOCK SharedLock;
static ULONG SharedValue;

static void *Adder(void *Argument)
{
    (void)Argument;
    for (int r = 0; r < ROUNDS; r++) {
        (void)ExInterlockedAddUlong(&SharedValue, 1, &SharedLock);
    }
    return NULL;
}

SIM_TEST(InterlockedAddLosesNoUpdate)
{
    KeInitializeSpinLock(&SharedLock);
    SharedValue = 0;
    pthread_t Threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_create(&Threads[t], NULL, Adder, NULL), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(Threads[t], NULL);
    }
    KIRQL Old;
    KeAcquireSpinLock(&SharedLock, &Old);
    ULONG Final = SharedValue;
    KeReleaseSpinLock(&SharedLock, Old);
    assert_int_equal(Final, THREADS * ROUNDS);
}

int main(void)
{
    return SimRunTests("test_rundown", NULL, NULL);
}
