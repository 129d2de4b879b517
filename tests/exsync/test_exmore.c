/*
 * test_exmore.c - callback objects, RTL_RUN_ONCE, further executive
 * routines and the Verifier queries as a specification (docs/ex-sync.md).
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define TAG_QUOTA 'atoQ'

/* ---- Callback objects ---- */
static ULONG Calls[2];
static PVOID LastArgs[2];

static VOID NTAPI Callback(PVOID Context, PVOID Argument1, PVOID Argument2)
{
    ULONG Which = (ULONG)(ULONG_PTR)Context;
    Calls[Which]++;
    LastArgs[0] = Argument1;
    LastArgs[1] = Argument2;
}

static NTSTATUS Open(const WCHAR *Name, BOOLEAN Create, BOOLEAN Multiple, PCALLBACK_OBJECT *Object)
{
    UNICODE_STRING String;
    OBJECT_ATTRIBUTES Attributes;
    RtlInitUnicodeString(&String, Name);
    InitializeObjectAttributes(&Attributes, &String, OBJ_CASE_INSENSITIVE, NULL, NULL);
    return ExCreateCallback(Object, &Attributes, Create, Multiple);
}

SIM_TEST(CallbacksAreCalledUntilUnregistered)
{
    PCALLBACK_OBJECT Object, Again;
    assert_int_equal(Open(L"\\Callback\\MmsimTest", FALSE, TRUE, &Object),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(Open(L"\\Callback\\MmsimTest", TRUE, TRUE, &Object), STATUS_SUCCESS);
    assert_int_equal(Open(L"\\CALLBACK\\mmsimtest", FALSE, TRUE, &Again), STATUS_SUCCESS);
    assert_ptr_equal(Again, Object); /* names are case-insensitive */
    memset(Calls, 0, sizeof(Calls));
    PVOID First = ExRegisterCallback(Object, Callback, (PVOID)0);
    PVOID Second = ExRegisterCallback(Object, Callback, (PVOID)1);
    assert_non_null(First);
    assert_non_null(Second);
    ExNotifyCallback(Object, (PVOID)0x10, (PVOID)0x20);
    assert_int_equal(Calls[0], 1);
    assert_int_equal(Calls[1], 1);
    assert_ptr_equal(LastArgs[0], (PVOID)0x10);
    assert_ptr_equal(LastArgs[1], (PVOID)0x20);
    ExUnregisterCallback(First);
    ExNotifyCallback(Object, NULL, NULL);
    assert_int_equal(Calls[0], 1);
    assert_int_equal(Calls[1], 2);
    ExUnregisterCallback(Second);
}

SIM_TEST(AnObjectForOneCallbackRefusesASecond)
{
    PCALLBACK_OBJECT Object;
    assert_int_equal(Open(L"\\Callback\\MmsimSingle", TRUE, FALSE, &Object), STATUS_SUCCESS);
    PVOID First = ExRegisterCallback(Object, Callback, NULL);
    assert_non_null(First);
    assert_null(ExRegisterCallback(Object, Callback, NULL));
    ExUnregisterCallback(First);
}

SIM_TEST(SystemCallbackObjectsExist)
{
    static const WCHAR *const Names[] = {L"\\Callback\\SetSystemTime", L"\\Callback\\PowerState",
                                         L"\\Callback\\ProcessorAdd"};
    for (size_t i = 0; i < sizeof(Names) / sizeof(Names[0]); i++) {
        PCALLBACK_OBJECT Object;
        assert_int_equal(Open(Names[i], FALSE, TRUE, &Object), STATUS_SUCCESS);
    }
}

SIM_TEST_F(UnloadReportsARegistrationLeft, SimTestSetup, SimTestTeardownDefault)
{
    SimTestSetStrict(FALSE);
    PCALLBACK_OBJECT Object;
    assert_int_equal(Open(L"\\Callback\\PowerState", FALSE, TRUE, &Object), STATUS_SUCCESS);
    PVOID Registration = ExRegisterCallback(Object, Callback, NULL);
    assert_false(SimIsClean(NULL, 0));
    ExUnregisterCallback(Registration);
    assert_true(SimIsClean(NULL, 0));
}

/* ---- RTL_RUN_ONCE ---- */
static LONG InitCalls;

static ULONG NTAPI InitOnce(PRTL_RUN_ONCE RunOnce, PVOID Parameter, PVOID *Context)
{
    (void)RunOnce;
    InterlockedIncrement(&InitCalls);
    *Context = Parameter;
    return TRUE;
}

static ULONG NTAPI InitFails(PRTL_RUN_ONCE RunOnce, PVOID Parameter, PVOID *Context)
{
    (void)RunOnce;
    (void)Parameter;
    (void)Context;
    InterlockedIncrement(&InitCalls);
    return FALSE;
}

static RTL_RUN_ONCE Shared = RTL_RUN_ONCE_INIT;

static void *ExecuteShared(void *Argument)
{
    PVOID Context = NULL;
    NTSTATUS Status = RtlRunOnceExecuteOnce(&Shared, InitOnce, (PVOID)0x40, &Context);
    return Status == STATUS_SUCCESS && Context == (PVOID)0x40 ? Argument : NULL;
}

SIM_TEST(ExecuteOnceRunsTheRoutineOnce)
{
    RtlRunOnceInitialize(&Shared);
    InitCalls = 0;
    pthread_t Threads[4];
    for (ULONG_PTR t = 0; t < 4; t++) {
        assert_int_equal(pthread_create(&Threads[t], NULL, ExecuteShared, (void *)(t + 1)), 0);
    }
    for (ULONG_PTR t = 0; t < 4; t++) {
        void *Result;
        pthread_join(Threads[t], &Result);
        assert_ptr_equal(Result, (void *)(t + 1));
    }
    assert_int_equal(InitCalls, 1);
}

/* A caller that finds the initialisation under way waits for it: the
 * routine runs once even while the first caller is inside it. */
static volatile LONG Release;
static RTL_RUN_ONCE Slow = RTL_RUN_ONCE_INIT;

static ULONG NTAPI InitSlowly(PRTL_RUN_ONCE RunOnce, PVOID Parameter, PVOID *Context)
{
    (void)RunOnce;
    if (InterlockedIncrement(&InitCalls) == 1) {
        while (InterlockedCompareExchange(&Release, 0, 0) == 0) {
            YieldProcessor();
        }
    }
    *Context = Parameter;
    return TRUE;
}

static void *ExecuteSlow(void *Argument)
{
    PVOID Context = NULL;
    NTSTATUS Status = RtlRunOnceExecuteOnce(&Slow, InitSlowly, (PVOID)0x60, &Context);
    return Status == STATUS_SUCCESS && Context == (PVOID)0x60 ? Argument : NULL;
}

SIM_TEST(ASecondCallerWaitsForTheFirst)
{
    RtlRunOnceInitialize(&Slow);
    InitCalls = 0;
    Release = 0;
    pthread_t First, Second;
    assert_int_equal(pthread_create(&First, NULL, ExecuteSlow, (void *)1), 0);
    while (InterlockedCompareExchange(&InitCalls, 0, 0) == 0) {
        YieldProcessor(); /* the first caller is inside the routine */
    }
    assert_int_equal(pthread_create(&Second, NULL, ExecuteSlow, (void *)2), 0);
    for (int i = 0; i < 200; i++) {
        YieldProcessor(); /* give the second caller time to (wrongly) run the routine */
    }
    assert_int_equal(InterlockedCompareExchange(&InitCalls, 0, 0), 1);
    InterlockedExchange(&Release, 1);
    void *Result;
    pthread_join(First, &Result);
    assert_ptr_equal(Result, (void *)1);
    pthread_join(Second, &Result);
    assert_ptr_equal(Result, (void *)2);
    assert_int_equal(InitCalls, 1);
}

SIM_TEST(AFailedInitialisationIsRetried)
{
    RTL_RUN_ONCE Once = RTL_RUN_ONCE_INIT;
    InitCalls = 0;
    PVOID Context = (PVOID)1;
    assert_int_not_equal(RtlRunOnceExecuteOnce(&Once, InitFails, NULL, &Context), STATUS_SUCCESS);
    assert_int_equal(RtlRunOnceExecuteOnce(&Once, InitOnce, (PVOID)0x80, &Context), STATUS_SUCCESS);
    assert_ptr_equal(Context, (PVOID)0x80);
    assert_int_equal(InitCalls, 2);
}

typedef struct {
    ULONG Flags;
    NTSTATUS Status;
} ONCE_ROW;

SIM_TEST(BeginAndCompleteFollowTheirFlags)
{
    RTL_RUN_ONCE Once;
    PVOID Context = NULL;
    RtlRunOnceInitialize(&Once);
    /* table: Begin on a fresh object */
    static const ONCE_ROW Begin[] = {
        {RTL_RUN_ONCE_CHECK_ONLY, STATUS_UNSUCCESSFUL},
        {RTL_RUN_ONCE_CHECK_ONLY | RTL_RUN_ONCE_ASYNC, STATUS_INVALID_PARAMETER_2},
        {0x8, STATUS_INVALID_PARAMETER_2},
    };
    for (size_t r = 0; r < sizeof(Begin) / sizeof(Begin[0]); r++) {
        assert_int_equal(RtlRunOnceBeginInitialize(&Once, Begin[r].Flags, &Context),
                         Begin[r].Status);
    }
    assert_int_equal(RtlRunOnceBeginInitialize(&Once, 0, &Context), STATUS_PENDING);
    assert_int_equal(RtlRunOnceComplete(&Once, 0, (PVOID)0x3), STATUS_INVALID_PARAMETER_3);
    assert_int_equal(RtlRunOnceComplete(&Once, 0, (PVOID)0x100), STATUS_SUCCESS);
    assert_int_equal(RtlRunOnceBeginInitialize(&Once, RTL_RUN_ONCE_CHECK_ONLY, &Context),
                     STATUS_SUCCESS);
    assert_ptr_equal(Context, (PVOID)0x100);
    /* asynchronous: both begin, the first completion wins */
    RtlRunOnceInitialize(&Once);
    assert_int_equal(RtlRunOnceBeginInitialize(&Once, RTL_RUN_ONCE_ASYNC, &Context), STATUS_PENDING);
    assert_int_equal(RtlRunOnceBeginInitialize(&Once, RTL_RUN_ONCE_ASYNC, &Context), STATUS_PENDING);
    assert_int_equal(RtlRunOnceComplete(&Once, RTL_RUN_ONCE_ASYNC, (PVOID)0x200), STATUS_SUCCESS);
    assert_int_equal(RtlRunOnceComplete(&Once, RTL_RUN_ONCE_ASYNC, (PVOID)0x300),
                     STATUS_OBJECT_NAME_COLLISION);
    assert_int_equal(RtlRunOnceBeginInitialize(&Once, 0, &Context), STATUS_SUCCESS);
    assert_ptr_equal(Context, (PVOID)0x200);
}

/* ---- Further executive routines ---- */
SIM_TEST(FurtherExecutiveRoutines)
{
    assert_int_equal(ExGetPreviousMode(), KernelMode);
    UUID A, B;
    assert_int_equal(ExUuidCreate(&A), STATUS_SUCCESS);
    assert_int_equal(ExUuidCreate(&B), STATUS_SUCCESS);
    assert_true(memcmp(&A, &B, sizeof(A)) != 0);
    assert_int_equal(A.Data3 >> 12, 4);          /* version 4 */
    assert_int_equal(A.Data4[0] & 0xC0, 0x80);   /* RFC 4122 variant */
    LARGE_INTEGER System, Local, Back;
    KeQuerySystemTime(&System);
    ExSystemTimeToLocalTime(&System, &Local);
    ExLocalTimeToSystemTime(&Local, &Back);
    assert_int_equal(Local.QuadPart, System.QuadPart); /* the machine's zone is UTC */
    assert_int_equal(Back.QuadPart, System.QuadPart);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, ExRaiseAccessViolation());
    assert_int_equal(Status, STATUS_ACCESS_VIOLATION);
    SIM_TRY_STATUS(&Status, ExRaiseDatatypeMisalignment());
    assert_int_equal(Status, STATUS_DATATYPE_MISALIGNMENT);
}

SIM_TEST(QuotaAllocationsRaiseUnlessAskedNotTo)
{
    PVOID Block = ExAllocatePoolWithQuotaTag(NonPagedPoolNx, 64, TAG_QUOTA);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_QUOTA);
    NTSTATUS Status;
    SimFailNthCall(SimFaultPool, 1);
    SIM_TRY_STATUS(&Status, (void)ExAllocatePoolWithQuotaTag(PagedPool, 64, TAG_QUOTA));
    assert_int_equal(Status, STATUS_INSUFFICIENT_RESOURCES);
    SimFailNthCall(SimFaultPool, 1);
    PVOID volatile None = (PVOID)1; /* set inside the try: volatile across its longjmp */
    SIM_TRY_STATUS(&Status, None = ExAllocatePoolWithQuotaTag(
                                (POOL_TYPE)(PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE), 64,
                                TAG_QUOTA));
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_null(None);
    Block = ExAllocatePoolWithQuota(NonPagedPoolNx, 32);
    assert_non_null(Block);
    ExFreePool(Block);
}

/* ---- Verifier queries ---- */
SIM_TEST_F(VerifierQueriesFollowStrictness, SimTestSetup, SimTestTeardownDefault)
{
    ULONG Flags = 0;
    DRIVER_OBJECT Driver;
    memset(&Driver, 0, sizeof(Driver));
    assert_int_equal(MmIsVerifierEnabled(&Flags), STATUS_SUCCESS);
    assert_int_equal(Flags, DRIVER_VERIFIER_FORCE_IRQL_CHECKING |
                                DRIVER_VERIFIER_TRACK_POOL_ALLOCATIONS);
    assert_true(MmIsDriverVerifying(&Driver));
    assert_true(MmIsDriverVerifyingByAddress((PVOID)(ULONG_PTR)MmIsDriverVerifying));
    assert_int_equal(MmAddVerifierThunks(NULL, 0), STATUS_NOT_SUPPORTED);
    SimTestSetStrict(FALSE);
    assert_int_equal(MmIsVerifierEnabled(&Flags), STATUS_NOT_SUPPORTED);
    assert_false(MmIsDriverVerifying(&Driver));
}

/* ---- The Ex forms of I/O work items ---- */
static struct {
    PVOID IoObject, Context;
    PIO_WORKITEM Item;
    KIRQL Irql;
} Ran;

static VOID NTAPI WorkEx(PVOID IoObject, PVOID Context, PIO_WORKITEM IoWorkItem)
{
    Ran.IoObject = IoObject;
    Ran.Context = Context;
    Ran.Item = IoWorkItem;
    Ran.Irql = KeGetCurrentIrql();
}

SIM_TEST(ExWorkItemRunsWithItsObjectContextAndItem)
{
    static DRIVER_OBJECT Driver;
    ULONG Size = IoSizeofWorkItem();
    assert_true(Size >= sizeof(WORK_QUEUE_ITEM));
    PIO_WORKITEM Item = (PIO_WORKITEM)ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, TAG_QUOTA);
    assert_non_null(Item);
    IoInitializeWorkItem(&Driver, Item);
    memset(&Ran, 0, sizeof(Ran));
    Ran.Irql = HIGH_LEVEL;
    IoQueueWorkItemEx(Item, WorkEx, DelayedWorkQueue, (PVOID)0x55);
    assert_true(SimWaitForWorkItems(10000));
    assert_ptr_equal(Ran.IoObject, &Driver);
    assert_ptr_equal(Ran.Context, (PVOID)0x55);
    assert_ptr_equal(Ran.Item, Item);
    assert_int_equal(Ran.Irql, PASSIVE_LEVEL);
    IoUninitializeWorkItem(Item);
    ExFreePoolWithTag(Item, TAG_QUOTA);
}

int main(void)
{
    return SimRunTests("test_exmore", NULL, NULL);
}
