/*
 * test_stop_child.c - what a process sees when the simulated machine stops and
 * nobody catches it (docs/architecture.md 4; mmsim.h exit statuses).
 *
 * Each case runs in a forked child (the kit's SimRunChild captures its
 * stdout and stderr). The child's body never exits by itself: only the
 * simulator ends it. If the body returns, the kit ends the child with
 * SIM_CHILD_RETURNED, which no case expects - so a simulator that failed to
 * stop the process fails the test.
 */
#define _POSIX_C_SOURCE 200809L /* setenv under -std=c11 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

/* The last child's end and output (static: it is large). */
static SIM_CHILD Result;

/* Copies line Index (0-based, counting only non-empty lines) into Line. */
static bool NonEmptyLine(const char *Text, int Index, char *Line, size_t Size)
{
    int Seen = 0;
    while (*Text != '\0') {
        const char *End = strchr(Text, '\n');
        size_t Length = End != NULL ? (size_t)(End - Text) : strlen(Text);
        if (Length > 0) {
            if (Seen == Index) {
                if (Length >= Size) {
                    Length = Size - 1;
                }
                memcpy(Line, Text, Length);
                Line[Length] = '\0';
                return true;
            }
            Seen++;
        }
        Text += Length;
        if (*Text == '\n') {
            Text++;
        }
    }
    return false;
}

static bool HasLine(const char *Text, const char *Wanted)
{
    char Line[512];
    for (int i = 0; NonEmptyLine(Text, i, Line, sizeof(Line)); i++) {
        if (strcmp(Line, Wanted) == 0) {
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------------ */
/* The harness itself: a body that returns ends with SIM_CHILD_RETURNED, so the */
/* statuses below can only come from the simulator.                          */
/* ------------------------------------------------------------------------ */
static void BodyReturns(void *Context)
{
    (void)Context;
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
}

SIM_TEST(HarnessSeesReturningChild)
{
    assert_true(SimRunChild(BodyReturns, NULL, 0, &Result));
    SIM_EXPECT_CHILD_EXIT(&Result, SIM_CHILD_RETURNED);
}

/* ------------------------------------------------------------------------ */
/* An uncaught bug check: exit status 86 (SIM_EXIT_BUGCHECK); stderr starts */
/* with the STOP line, then the symbolic name, then the meaning, and has a   */
/* "Host backtrace:" line.                                                    */
/* ------------------------------------------------------------------------ */
typedef enum { StopByBugCheck, StopByUnhandledRaise, StopInsideTryFrame } STOP_HOW;

static void BodyStops(void *Context)
{
    switch (*(const STOP_HOW *)Context) {
    case StopByBugCheck:
        KeBugCheckEx(0xDA, 0x107, 1, 2, 3);
        break;
    case StopByUnhandledRaise:
        ExRaiseStatus(STATUS_ACCESS_VIOLATION);
        break;
    case StopInsideTryFrame: {
        /* An exception frame does not catch a bug check. */
        NTSTATUS Status;
        SIM_TRY_STATUS(&Status, KeBugCheckEx(0xDA, 0x107, 1, 2, 3));
        (void)Status;
        break;
    }
    }
}

SIM_TEST(UncaughtBugCheckStopsProcess)
{
    static const struct {
        STOP_HOW How;
        const char *StopLine; /* exact, or a prefix when P2 is a code address */
        bool Exact;
        const char *Name;
        ULONG Code;
        ULONG_PTR P1;
    } Rows[] = {
        {StopByBugCheck,
         "*** STOP: 0x000000DA (0x0000000000000107,0x0000000000000001,0x0000000000000002,"
         "0x0000000000000003)",
         true, "SYSTEM_PTE_MISUSE", 0xDA, 0x107},
        {StopInsideTryFrame,
         "*** STOP: 0x000000DA (0x0000000000000107,0x0000000000000001,0x0000000000000002,"
         "0x0000000000000003)",
         true, "SYSTEM_PTE_MISUSE", 0xDA, 0x107},
        {StopByUnhandledRaise, "*** STOP: 0x0000001E (0x00000000C0000005,", false,
         "KMODE_EXCEPTION_NOT_HANDLED", 0x1E, 0xC0000005},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        assert_true(SimRunChild(BodyStops, (void *)&Rows[i].How, 0, &Result));
        SIM_EXPECT_CHILD_EXIT(&Result, SIM_EXIT_BUGCHECK);
        assert_int_equal(SIM_EXIT_BUGCHECK, 86);

        char Line[512];
        assert_true(NonEmptyLine(Result.Err, 0, Line, sizeof(Line)));
        if (Rows[i].Exact) {
            assert_string_equal(Line, Rows[i].StopLine);
        } else {
            assert_true(strncmp(Line, Rows[i].StopLine, strlen(Rows[i].StopLine)) == 0);
        }
        assert_true(NonEmptyLine(Result.Err, 1, Line, sizeof(Line)));
        assert_string_equal(Line, Rows[i].Name);
        /* The one-line meaning follows, indented. */
        assert_true(NonEmptyLine(Result.Err, 2, Line, sizeof(Line)));
        assert_non_null(strstr(Line, SimBugCheckMeaning(Rows[i].Code, Rows[i].P1)));
        assert_true(HasLine(Result.Err, "Host backtrace:"));
    }
}

/* ------------------------------------------------------------------------ */
/* A work item routine that returns at DISPATCH_LEVEL stops the machine on  */
/* the worker thread: 0xE1 (routine, IRQL, parameter, item), exit 86.       */
/* ------------------------------------------------------------------------ */
static VOID NTAPI ReturnsAtDispatch(PVOID Parameter)
{
    (void)Parameter;
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
}

static WORK_QUEUE_ITEM BadIrqlItem;

static void BodyQueuesBadIrqlItem(void *Context)
{
    (void)Context;
    ExInitializeWorkItem(&BadIrqlItem, ReturnsAtDispatch, (PVOID)0x1234);
    ExQueueWorkItem(&BadIrqlItem, DelayedWorkQueue);
    /* The worker thread ends the process; returning would be a failure. */
    SimWaitForWorkItems(30000);
}

SIM_TEST(WorkItemReturningAtBadIrqlStopsProcess)
{
    assert_true(SimRunChild(BodyQueuesBadIrqlItem, NULL, 0, &Result));
    SIM_EXPECT_CHILD_EXIT(&Result, SIM_EXIT_BUGCHECK);
    char Expected[256];
    snprintf(Expected, sizeof(Expected),
             "*** STOP: 0x000000E1 (0x%016llX,0x0000000000000002,0x0000000000001234,0x%016llX)",
             (unsigned long long)(ULONG_PTR)(void *)ReturnsAtDispatch,
             (unsigned long long)(ULONG_PTR)&BadIrqlItem);
    char Line[512];
    assert_true(NonEmptyLine(Result.Err, 0, Line, sizeof(Line)));
    assert_string_equal(Line, Expected);
    assert_true(NonEmptyLine(Result.Err, 1, Line, sizeof(Line)));
    assert_string_equal(Line, "WORKER_THREAD_RETURNED_AT_BAD_IRQL");
}

/* ------------------------------------------------------------------------ */
/* The worker's dequeue reads the item's links in the driver's memory, as   */
/* Windows' does at raised IRQL (docs/work-items.md). Memory that is not     */
/* there, or links that do not point back, stop the machine on the worker   */
/* thread (exit 86, the STOP line names the item); never a write through     */
/* bad links.                                                                */
/*                                                                           */
/*   the queued item                                stop on the worker       */
/*   in paged pool, trimmed while queued            0xA (item, DISPATCH_LEVEL, 0, ip) */
/*   its Blink overwritten while queued             0x139 (3, item, list head, 0)     */
/*   in a mapping unmapped while queued             0x50 (item, 0, ip, 0)             */
/* ------------------------------------------------------------------------ */
typedef enum { PagedOut, Overwritten, Unmapped } WHAT_BECOMES;
#define THE_ITEM ((ULONG_PTR)-2) /* the queued item's address */
#define TAG_STOP 'potS'

typedef struct _DEQUEUE_ROW {
    const char *Rule;
    WHAT_BECOMES How;
    ULONG Code;
    ULONG_PTR P[4]; /* THE_ITEM, SIM_ANY or a value */
} DEQUEUE_ROW;

static const DEQUEUE_ROW DequeueRows[] = {
    {"paged pool item trimmed while queued", PagedOut, IRQL_NOT_LESS_OR_EQUAL,
     {THE_ITEM, DISPATCH_LEVEL, 0, SIM_ANY}},
    {"item's back link overwritten while queued", Overwritten, KERNEL_SECURITY_CHECK_FAILURE,
     {3, THE_ITEM, SIM_ANY, 0}},
    {"item's mapping unmapped while queued", Unmapped, PAGE_FAULT_IN_NONPAGED_AREA,
     {THE_ITEM, 0, SIM_ANY, 0}},
};

/* Both worker threads wait in a blocker's routine, so the item stays queued. */
static KEVENT Release;
static volatile LONG Blocking;
static WORK_QUEUE_ITEM Blockers[2];
static LIST_ENTRY SomethingElse;

static VOID NTAPI Blocker(PVOID Parameter)
{
    (void)Parameter;
    InterlockedIncrement(&Blocking);
    (void)KeWaitForSingleObject(&Release, Executive, KernelMode, FALSE, NULL);
}

static VOID NTAPI NoWork(PVOID Parameter)
{
    (void)Parameter;
}

static void BodyCorruptsAQueuedItem(void *Context)
{
    const DEQUEUE_ROW *Row = (const DEQUEUE_ROW *)Context;
    PMDL Mdl = NULL;
    PWORK_QUEUE_ITEM Item;
    if (Row->How == PagedOut) {
        Item = (PWORK_QUEUE_ITEM)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(*Item), TAG_STOP);
    } else {
        Item = (PWORK_QUEUE_ITEM)SimTestMapPage(&Mdl);
    }
    if (Item == NULL) {
        _exit(3);
    }
    KeInitializeEvent(&Release, NotificationEvent, FALSE);
    for (int i = 0; i < 2; i++) {
        ExInitializeWorkItem(&Blockers[i], Blocker, NULL);
        ExQueueWorkItem(&Blockers[i], DelayedWorkQueue);
    }
    while (InterlockedCompareExchange(&Blocking, 0, 0) < 2) {
        YieldProcessor();
    }
    ExInitializeWorkItem(Item, NoWork, NULL);
    ExQueueWorkItem(Item, DelayedWorkQueue);
    ULONG64 Pte = 1;
    switch (Row->How) {
    case PagedOut:
        if (SimTrimPagedPool() == 0 || !SimQueryPte(Item, &Pte, NULL) || (Pte & 1) != 0) {
            _exit(3);
        }
        break;
    case Overwritten: Item->List.Blink = &SomethingElse; break;
    case Unmapped: MmUnmapLockedPages(Item, Mdl); break;
    }
    printf("item %p\n", (void *)Item);
    fflush(stdout);
    KeSetEvent(&Release, IO_NO_INCREMENT, FALSE);
    /* The worker thread ends the process; returning would be a failure. */
    (void)SimWaitForWorkItems(30000);
}

SIM_TEST(AWorkersDequeueOfABadItemStopsTheMachine)
{
    for (size_t i = 0; i < sizeof(DequeueRows) / sizeof(DequeueRows[0]); i++) {
        const DEQUEUE_ROW *Row = &DequeueRows[i];
        assert_true(SimRunChild(BodyCorruptsAQueuedItem, (void *)Row, 60, &Result));
        void *Item = NULL;
        const char *Said = strstr(Result.Out, "item ");
        if (Said == NULL || sscanf(Said, "item %p", &Item) != 1) {
            fail_msg("%s: the child named no item\n%s", Row->Rule, Result.Err);
        }
        ULONG_PTR P[4];
        for (int j = 0; j < 4; j++) {
            P[j] = Row->P[j] == THE_ITEM ? (ULONG_PTR)Item : Row->P[j];
        }
        SIM_EXPECT_CHILD_BUGCHECK(&Result, Row->Code, P[0], P[1], P[2], P[3]);
    }
}

/* ------------------------------------------------------------------------ */
/* The unload check at process exit (docs/verifier.md): a process that ends */
/* with leaked pool stops with 0xC4/0x62 (strict, exit 86), or exits 88     */
/* (retail); MMSIM_UNLOAD_CHECK=0 turns the check off.                      */
/* ------------------------------------------------------------------------ */
typedef struct _EXIT_CASE {
    const char *Strict;      /* MMSIM_STRICT */
    const char *UnloadCheck; /* MMSIM_UNLOAD_CHECK, or NULL */
    int Status;
    const char *Says;        /* in stderr, or NULL: nothing printed */
} EXIT_CASE;

static void BodyLeaksAndExits(void *Context)
{
    const EXIT_CASE *Case = (const EXIT_CASE *)Context;
    SimShutdown();
    setenv("MMSIM_STRICT", Case->Strict, 1);
    if (Case->UnloadCheck != NULL) {
        setenv("MMSIM_UNLOAD_CHECK", Case->UnloadCheck, 1);
    }
    (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 48, 'kaeL');
    exit(0); /* exit(), not _exit(): the check runs from atexit */
}

SIM_TEST(LeakAtProcessExitIsReported)
{
    static const EXIT_CASE Cases[] = {
        {"1", NULL, SIM_EXIT_BUGCHECK, "*** STOP: 0x000000C4 (0x0000000000000062,"},
        {"0", NULL, SIM_EXIT_LEAKED, "leaks at process exit"},
        {"1", "0", 0, NULL},
    };
    for (size_t i = 0; i < sizeof(Cases) / sizeof(Cases[0]); i++) {
        assert_true(SimRunChild(BodyLeaksAndExits, (void *)&Cases[i], 0, &Result));
        SIM_EXPECT_CHILD_EXIT(&Result, Cases[i].Status);
        if (Cases[i].Says != NULL) {
            assert_non_null(strstr(Result.Err, Cases[i].Says));
            assert_non_null(strstr(Result.Err, "pool 'Leak' (non-paged)"));
        } else {
            assert_string_equal(Result.Err, "");
        }
    }
    assert_int_equal(SIM_EXIT_LEAKED, 88);
}

/* ------------------------------------------------------------------------ */
/* A DDI called on a stopped machine with no catch frame: exit status 87    */
/* (SIM_EXIT_REFUSED) and a message naming the DDI and saying "refused".    */
/* ------------------------------------------------------------------------ */
static void BodyCallsAfterStop(void *Context)
{
    (void)Context;
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, KeBugCheckEx(0xDA, 0x107, 1, 2, 3));
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
}

SIM_TEST(RefusedCallStopsProcess)
{
    assert_true(SimRunChild(BodyCallsAfterStop, NULL, 0, &Result));
    SIM_EXPECT_CHILD_EXIT(&Result, SIM_EXIT_REFUSED);
    assert_int_equal(SIM_EXIT_REFUSED, 87);
    assert_non_null(strstr(Result.Err, "refused"));
    assert_non_null(strstr(Result.Err, "KeInitializeEvent"));
    /* It names the stop that killed the machine. */
    assert_non_null(strstr(Result.Err, "0x000000DA"));
    /* A refusal is not a second stop report. */
    assert_null(strstr(Result.Err, "Host backtrace:"));
}

/* ------------------------------------------------------------------------ */
/* A bad MMSIM_* variable: exit status 89 (SIM_EXIT_CONFIG) when the machine */
/* is built, with a message naming the variable and the bad value.          */
/* ------------------------------------------------------------------------ */
typedef struct _BAD_ENV {
    const char *Variable;
    const char *Value;
} BAD_ENV;

static void BodyWithBadEnvironment(void *Context)
{
    const BAD_ENV *Bad = (const BAD_ENV *)Context;
    /* The fixture built a machine before the fork; drop it so that the next
     * DDI builds the default machine from the environment. */
    SimShutdown();
    setenv(Bad->Variable, Bad->Value, 1);
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
}

SIM_TEST(BadEnvironmentStopsProcess)
{
    static const BAD_ENV Rows[] = {
        {"MMSIM_PROFILE", "bogus"},
        {"MMSIM_PROFILE", "Modern"}, /* names are exact */
        {"MMSIM_SEED", "0"},         /* 0 means "pick one"; not a seed */
        {"MMSIM_SEED", "12abc"},
        {"MMSIM_PHYS_MB", "-1"},
        {"MMSIM_BACKEND", "tmpfs"},
        {"MMSIM_STRICT", "2"},
        {"MMSIM_QUIET", "yes"},
        {"MMSIM_FAULTS", "random=10001"},  /* probability is in 1/10,000 */
        {"MMSIM_FAULTS", "nth=2@disk"},    /* no such site */
        {"MMSIM_FAULTS", "often"},         /* no such clause */
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        print_message("  %s=%s\n", Rows[i].Variable, Rows[i].Value);
        assert_true(SimRunChild(BodyWithBadEnvironment, (void *)&Rows[i], 0, &Result));
        SIM_EXPECT_CHILD_EXIT(&Result, SIM_EXIT_CONFIG);
        assert_non_null(strstr(Result.Err, Rows[i].Variable));
        assert_non_null(strstr(Result.Err, Rows[i].Value));
    }
    assert_int_equal(SIM_EXIT_CONFIG, 89);
}

/* A good value is accepted: the same body with MMSIM_PROFILE=nt5 returns. */
SIM_TEST(GoodEnvironmentIsAccepted)
{
    static const BAD_ENV Good[] = {
        {"MMSIM_PROFILE", "nt5"},
        {"MMSIM_PROFILE", "modern"},
        {"MMSIM_SEED", "0x1234"},
        {"MMSIM_STRICT", "0"},
        {"MMSIM_FAULTS", "random=600;seed=7;tags=Mdl*,Gr;delay=100;short=50"},
    };
    for (size_t i = 0; i < sizeof(Good) / sizeof(Good[0]); i++) {
        assert_true(SimRunChild(BodyWithBadEnvironment, (void *)&Good[i], 0, &Result));
        SIM_EXPECT_CHILD_EXIT(&Result, SIM_CHILD_RETURNED);
    }
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
