/*
 * test_bugcheck.c - KeBugCheckEx stops the machine, catch frames receive the
 * stop, a stopped machine refuses every DDI until SimReset, and structured
 * exceptions (ExRaiseStatus, NT_ASSERT) unwind to the right frame
 * (docs/architecture.md 4; docs/ddi-contract.md 1.16, 3).
 */
#include <mmsim_cmocka.h>

#define STATUS_ASSERTION_FAILURE_VALUE 0xC0000420u

/* ------------------------------------------------------------------------ */
/* SIM_CATCH_BUGCHECK receives the code and all four parameters.             */
/* ------------------------------------------------------------------------ */
SIM_TEST(CatchReceivesCodeAndParameters)
{
    static const struct {
        ULONG Code;
        ULONG_PTR P[4];
    } Rows[] = {
        {0xDA, {0x107, 1, 2, 3}},
        {0x1A, {0x1236, 0xFFFF800000001000ull, 0x42, 0x1234}},
        {0xC4, {0x62, 0, 0, 7}},
        {0x50, {~(ULONG_PTR)0, 2, 0x8000000000000000ull, 0}},
        {0x12345678, {0, 0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, KeBugCheckEx(Rows[i].Code, Rows[i].P[0], Rows[i].P[1],
                                              Rows[i].P[2], Rows[i].P[3]));
        assert_true(Got.Caught);
        assert_false(Got.Refused);
        assert_int_equal(Got.Code, Rows[i].Code);
        for (int p = 0; p < 4; p++) {
            assert_true(Got.Parameters[p] == Rows[i].P[p]);
        }
        /* The machine is stopped, and reports the same stop. */
        SIM_BUGCHECK Stop;
        assert_true(SimIsStopped(&Stop));
        assert_true(Stop.Caught);
        assert_int_equal(Stop.Code, Rows[i].Code);
        assert_memory_equal(Stop.Parameters, Rows[i].P, sizeof(Rows[i].P));
        SimReset();
    }
}

/* A statement that does not bug check leaves Caught FALSE and the machine
 * running. */
SIM_TEST(NoStopLeavesCaughtFalse)
{
    SIM_BUGCHECK Got;
    memset(&Got, 0xA5, sizeof(Got));
    KEVENT Event;
    SIM_CATCH_BUGCHECK(&Got, KeInitializeEvent(&Event, NotificationEvent, FALSE));
    assert_false(Got.Caught);
    assert_false(Got.Refused);
    assert_false(SimIsStopped(NULL));
    /* The finished frame was popped: the next frame receives the next stop. */
    SIM_EXPECT_BUGCHECK4(0xDA, 0x100, 0, 1, 2, KeBugCheckEx(0xDA, 0x100, 0, 1, 2));
}

/* KeBugCheck(Code) is KeBugCheckEx(Code, 0, 0, 0, 0). */
SIM_TEST(KeBugCheckHasZeroParameters)
{
    SIM_EXPECT_BUGCHECK4(0x4E, 0, 0, 0, 0, KeBugCheck(0x4E));
}

/* A running machine: SimIsStopped is FALSE and zeroes Info. */
SIM_TEST(RunningMachineIsNotStopped)
{
    SIM_BUGCHECK Info;
    memset(&Info, 0xA5, sizeof(Info));
    assert_false(SimIsStopped(&Info));
    assert_false(Info.Caught);
    assert_int_equal(Info.Code, 0);
    assert_false(SimIsStopped(NULL));
}

/* ------------------------------------------------------------------------ */
/* After a stop every DDI is refused: caught with Refused TRUE, Ddi naming   */
/* the DDI and the original stop's code and parameters.                      */
/* ------------------------------------------------------------------------ */
SIM_TEST(DdisAreRefusedAfterAStop)
{
    SIM_EXPECT_BUGCHECK4(0xDA, 0x107, 1, 2, 3, KeBugCheckEx(0xDA, 0x107, 1, 2, 3));

    FAST_MUTEX Mutex;
    KEVENT Event;
    KSPIN_LOCK Lock = 0;
    KIRQL Old;
    PVOID volatile Block = NULL; /* assigned in a caught statement */
    static const char *const Expected[] = {
        "ExInitializeFastMutex", "KeInitializeEvent", "KeSetEvent",    "KeRaiseIrql",
        "KeLowerIrql",           "KeAcquireSpinLock", "ExAllocatePool2", "MmGetPhysicalAddress"};
    for (int volatile i = 0; i < 8; i++) {
        SIM_BUGCHECK Got;
        switch (i) {
        case 0: SIM_CATCH_BUGCHECK(&Got, ExInitializeFastMutex(&Mutex)); break;
        case 1: SIM_CATCH_BUGCHECK(&Got, KeInitializeEvent(&Event, NotificationEvent, FALSE)); break;
        case 2: SIM_CATCH_BUGCHECK(&Got, KeSetEvent(&Event, 0, FALSE)); break;
        case 3: SIM_CATCH_BUGCHECK(&Got, KeRaiseIrql(APC_LEVEL, &Old)); break;
        case 4: SIM_CATCH_BUGCHECK(&Got, KeLowerIrql(PASSIVE_LEVEL)); break;
        case 5: SIM_CATCH_BUGCHECK(&Got, KeAcquireSpinLockAtDpcLevel(&Lock)); break;
        case 6: SIM_CATCH_BUGCHECK(&Got, Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'tseT')); break;
        default: SIM_CATCH_BUGCHECK(&Got, (void)MmGetPhysicalAddress(&Lock)); break;
        }
        assert_null(Block);
        assert_true(Lock == 0);
        assert_true(Got.Caught);
        assert_true(Got.Refused);
        assert_non_null(Got.Ddi);
        assert_string_equal(Got.Ddi, Expected[i]);
        /* The stop is still the original one. */
        assert_int_equal(Got.Code, 0xDA);
        assert_true(Got.Parameters[0] == 0x107);
        assert_true(Got.Parameters[3] == 3);
        assert_true(SimIsStopped(NULL));
    }
    /* The recorded stop is still the bug check itself, not a refusal. */
    SIM_BUGCHECK Stop;
    assert_true(SimIsStopped(&Stop));
    assert_false(Stop.Refused);
}

/* A refused call's side effects never happen. */
SIM_TEST(RefusedCallHasNoEffect)
{
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    SIM_EXPECT_BUGCHECK(0xC2, 0x0A, KeBugCheckEx(0xC2, 0x0A, 0, 0, 0));
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, KeSetEvent(&Event, 0, FALSE));
    assert_true(Got.Refused);
    assert_int_equal(KeReadStateEvent(&Event), 0);
}

/* SimReset makes the machine usable again. */
SIM_TEST(ResetRevivesTheMachine)
{
    SIM_EXPECT_BUGCHECK(0xDA, 0x103, KeBugCheckEx(0xDA, 0x103, 0, 0, 0));
    assert_true(SimIsStopped(NULL));
    SimReset();
    assert_false(SimIsStopped(NULL));
    SIM_BUGCHECK Info;
    assert_false(SimIsStopped(&Info));
    assert_int_equal(Info.Code, 0);
    /* DDIs work again. */
    FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    ExAcquireFastMutex(&Mutex);
    ExReleaseFastMutex(&Mutex);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* The first stop wins: a second KeBugCheckEx (e.g. from a handler) does not
 * overwrite the recorded stop. */
SIM_TEST(FirstStopIsKept)
{
    SIM_EXPECT_BUGCHECK(0xDA, 0x107, KeBugCheckEx(0xDA, 0x107, 1, 2, 3));
    SIM_BUGCHECK Second;
    SIM_CATCH_BUGCHECK(&Second, KeBugCheckEx(0x1A, 0x1236, 0, 0, 0));
    assert_true(Second.Caught);
    SIM_BUGCHECK Stop;
    assert_true(SimIsStopped(&Stop));
    assert_int_equal(Stop.Code, 0xDA);
    assert_true(Stop.Parameters[0] == 0x107);
}

/* ------------------------------------------------------------------------ */
/* Names and meanings (docs/ddi-contract.md section 3).                      */
/* ------------------------------------------------------------------------ */
SIM_TEST(BugCheckNames)
{
    static const struct {
        ULONG Code;
        const char *Name;
    } Rows[] = {
        {0x0A, "IRQL_NOT_LESS_OR_EQUAL"},
        {0x1A, "MEMORY_MANAGEMENT"},
        {0x1E, "KMODE_EXCEPTION_NOT_HANDLED"},
        {0x3F, "NO_MORE_SYSTEM_PTES"},
        {0x4E, "PFN_LIST_CORRUPT"},
        {0x50, "PAGE_FAULT_IN_NONPAGED_AREA"},
        {0xC2, "BAD_POOL_CALLER"},
        {0xC4, "DRIVER_VERIFIER_DETECTED_VIOLATION"},
        {0xD1, "DRIVER_IRQL_NOT_LESS_OR_EQUAL"},
        {0xDA, "SYSTEM_PTE_MISUSE"},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        assert_string_equal(SimBugCheckName(Rows[i].Code), Rows[i].Name);
    }
    /* The header constants name the same codes. */
    assert_string_equal(SimBugCheckName(SYSTEM_PTE_MISUSE), "SYSTEM_PTE_MISUSE");
    assert_string_equal(SimBugCheckName(PFN_LIST_CORRUPT), "PFN_LIST_CORRUPT");
    /* An unknown code still has a printable name. */
    assert_non_null(SimBugCheckName(0x12345678));
    assert_string_not_equal(SimBugCheckName(0x12345678), "SYSTEM_PTE_MISUSE");
}

SIM_TEST(BugCheckMeanings)
{
    const char *DoubleMap = SimBugCheckMeaning(0xDA, 0x107);
    const char *StillMapped = SimBugCheckMeaning(0xDA, 0x103);
    const char *Generic = SimBugCheckMeaning(0xDA, 0x12345);
    assert_non_null(DoubleMap);
    assert_non_null(StillMapped);
    assert_non_null(Generic);
    /* Sub-code specific, not the generic text for 0xDA. */
    assert_string_not_equal(DoubleMap, StillMapped);
    assert_string_not_equal(DoubleMap, Generic);
    assert_string_not_equal(StillMapped, Generic);
    /* 0x107 is about mapping into a non-empty range, 0x103 about freeing a
     * range that is still mapped. */
    assert_non_null(strstr(DoubleMap, "not empty"));
    assert_non_null(strstr(StillMapped, "still mapped"));
    /* Other sub-code tables are consulted too. */
    assert_string_not_equal(SimBugCheckMeaning(0x1A, 0x1236), SimBugCheckMeaning(0x1A, 0x99999));
    assert_string_not_equal(SimBugCheckMeaning(0xC4, 0x30), SimBugCheckMeaning(0xC4, 0x31));
}

/* The stop line is exactly "*** STOP: 0x%08X (0x%016llX,...)" (docs/architecture.md 4). */
SIM_TEST(StopLineFormat)
{
    static const struct {
        SIM_BUGCHECK Stop;
        const char *Line;
    } Rows[] = {
        {{TRUE, FALSE, 0xDA, {0x107, 1, 2, 3}, NULL},
         "*** STOP: 0x000000DA (0x0000000000000107,0x0000000000000001,0x0000000000000002,"
         "0x0000000000000003)"},
        {{TRUE, FALSE, 0x1A, {0x1236, 0xFFFF8000DEADBEEFull, 0, ~0ull}, NULL},
         "*** STOP: 0x0000001A (0x0000000000001236,0xFFFF8000DEADBEEF,0x0000000000000000,"
         "0xFFFFFFFFFFFFFFFF)"},
        {{TRUE, FALSE, 0xC0000001u, {0, 0, 0, 0}, NULL},
         "*** STOP: 0xC0000001 (0x0000000000000000,0x0000000000000000,0x0000000000000000,"
         "0x0000000000000000)"},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        char Line[256];
        SimFormatStopLine(&Rows[i].Stop, Line, sizeof(Line));
        assert_string_equal(Line, Rows[i].Line);
    }
    /* A short buffer is truncated and terminated, never overrun. */
    char Small[12];
    memset(Small, 'x', sizeof(Small));
    SimFormatStopLine(&Rows[0].Stop, Small, 10);
    assert_string_equal(Small, "*** STOP:");
    assert_int_equal(Small[10], 'x');
}

/* ------------------------------------------------------------------------ */
/* Structured exceptions.                                                    */
/* ------------------------------------------------------------------------ */

/* SIM_TRY_STATUS catches ExRaiseStatus with its status; the machine keeps
 * running (an exception is not a bug check). */
SIM_TEST(TryStatusCatchesRaise)
{
    static const NTSTATUS Raised[] = {STATUS_ACCESS_VIOLATION, STATUS_INSUFFICIENT_RESOURCES,
                                      STATUS_INVALID_PARAMETER};
    for (size_t volatile i = 0; i < sizeof(Raised) / sizeof(Raised[0]); i++) {
        NTSTATUS Status = STATUS_SUCCESS;
        SIM_TRY_STATUS(&Status, ExRaiseStatus(Raised[i]));
        assert_int_equal(Status, Raised[i]);
        assert_false(SimIsStopped(NULL));
    }
    /* No raise: STATUS_SUCCESS. */
    NTSTATUS Status = STATUS_UNSUCCESSFUL;
    KEVENT Event;
    SIM_TRY_STATUS(&Status, KeInitializeEvent(&Event, NotificationEvent, FALSE));
    assert_int_equal(Status, STATUS_SUCCESS);
    /* DDIs still work after a handled exception. */
    KeSetEvent(&Event, 0, FALSE);
    assert_int_equal(KeReadStateEvent(&Event), 1);
}

/* Code after the raise inside the frame does not run. */
static int AfterRaise;

static void RaiseAccessViolation(void)
{
    ExRaiseStatus(STATUS_ACCESS_VIOLATION);
}

SIM_TEST(RaiseSkipsTheRest)
{
    AfterRaise = 0;
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, RaiseAccessViolation(); AfterRaise++);
    assert_int_equal(Status, STATUS_ACCESS_VIOLATION);
    assert_int_equal(AfterRaise, 0);
}

/* ExRaiseStatus with no SIM_TRY_STATUS frame: an unhandled kernel exception,
 * 0x1E KMODE_EXCEPTION_NOT_HANDLED with P1 = the status. */
SIM_TEST(UnhandledRaiseIsKmodeException)
{
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ACCESS_VIOLATION,
                        ExRaiseStatus(STATUS_ACCESS_VIOLATION));
    SIM_BUGCHECK Stop;
    assert_true(SimIsStopped(&Stop));
    assert_true(Stop.Parameters[0] == 0xC0000005u);
}

/* NT_ASSERT(FALSE): STATUS_ASSERTION_FAILURE (0xC0000420) unhandled -> 0x1E. */
SIM_TEST(FailedAssertIsKmodeException)
{
    SIM_EXPECT_BUGCHECK(0x1E, STATUS_ASSERTION_FAILURE_VALUE, NT_ASSERT(FALSE));
    SimReset();
    /* A true assertion is silent. */
    NT_ASSERT(TRUE);
    NT_ASSERT(1 + 1 == 2);
    assert_false(SimIsStopped(NULL));
}

/* Nesting: KeBugCheckEx passes an exception frame and lands in the enclosing
 * bug check frame; ExRaiseStatus passes a bug check frame and lands in the
 * enclosing exception frame. */
static int InnerReached;

static void BugCheckInsideTry(void)
{
    NTSTATUS Status = STATUS_PENDING;
    SIM_TRY_STATUS(&Status, KeBugCheckEx(0xDA, 0x10B, 4, 5, 6));
    InnerReached++; /* must not run: the bug check does not stop here */
    (void)Status;
}

SIM_TEST(BugCheckPassesExceptionFrame)
{
    InnerReached = 0;
    SIM_EXPECT_BUGCHECK4(0xDA, 0x10B, 4, 5, 6, BugCheckInsideTry());
    assert_int_equal(InnerReached, 0);
    /* The exception frame was unwound too: a raise now has no handler. */
    SimReset();
    SIM_EXPECT_BUGCHECK(0x1E, (ULONG)STATUS_IN_PAGE_ERROR, ExRaiseStatus(STATUS_IN_PAGE_ERROR));
}

static void RaiseInsideCatch(SIM_BUGCHECK *Inner)
{
    SIM_CATCH_BUGCHECK(Inner, ExRaiseStatus(STATUS_INVALID_PARAMETER_2));
    InnerReached++; /* must not run */
}

SIM_TEST(RaisePassesBugCheckFrame)
{
    InnerReached = 0;
    SIM_BUGCHECK Inner;
    memset(&Inner, 0, sizeof(Inner));
    NTSTATUS Status = STATUS_SUCCESS;
    SIM_TRY_STATUS(&Status, RaiseInsideCatch(&Inner));
    assert_int_equal(Status, STATUS_INVALID_PARAMETER_2);
    assert_int_equal(InnerReached, 0);
    assert_false(Inner.Caught);
    assert_false(SimIsStopped(NULL));
}

/* Innermost frame of the right kind wins. */
static void TryRaise(NTSTATUS *Inner, NTSTATUS Raised)
{
    SIM_TRY_STATUS(Inner, ExRaiseStatus(Raised));
}

SIM_TEST(InnermostFrameWins)
{
    NTSTATUS Outer = STATUS_PENDING, Inner = STATUS_PENDING;
    SIM_TRY_STATUS(&Outer, TryRaise(&Inner, STATUS_NO_MEMORY));
    assert_int_equal(Inner, STATUS_NO_MEMORY);
    assert_int_equal(Outer, STATUS_SUCCESS);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
