/*
 * test_irql.c - IRQL is per thread, raises and lowers follow the WDK contract,
 * misuse stops the machine with Driver Verifier's codes, and every DDI is held
 * to its documented maximum IRQL (docs/ddi-contract.md 1.16, 3.4, 3.7; docs/architecture.md 5).
 */
#include <pthread.h>

#include <mmsim_cmocka.h>

#define NO_TIMEOUT_LIMIT NULL

/* ------------------------------------------------------------------------ */
/* 1.16: a thread starts at PASSIVE_LEVEL.                                   */
/* ------------------------------------------------------------------------ */
SIM_TEST(StartsAtPassive)
{
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* ------------------------------------------------------------------------ */
/* 1.16: KeRaiseIrql returns the previous IRQL through OldIrql, KeLowerIrql  */
/* restores it. Raising to the current IRQL is allowed.                      */
/* ------------------------------------------------------------------------ */
SIM_TEST(RaiseLowerRoundTrips)
{
    static const struct {
        KIRQL From;
        KIRQL To;
    } Rows[] = {
        {PASSIVE_LEVEL, PASSIVE_LEVEL}, {PASSIVE_LEVEL, APC_LEVEL},
        {PASSIVE_LEVEL, DISPATCH_LEVEL}, {PASSIVE_LEVEL, HIGH_LEVEL},
        {APC_LEVEL, APC_LEVEL},          {APC_LEVEL, DISPATCH_LEVEL},
        {APC_LEVEL, CLOCK_LEVEL},        {DISPATCH_LEVEL, DISPATCH_LEVEL},
        {DISPATCH_LEVEL, PROFILE_LEVEL}, {HIGH_LEVEL, HIGH_LEVEL},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        KIRQL Base, Old;
        KeRaiseIrql(Rows[i].From, &Base);
        assert_int_equal(Base, PASSIVE_LEVEL);
        assert_int_equal(KeGetCurrentIrql(), Rows[i].From);

        KeRaiseIrql(Rows[i].To, &Old);
        assert_int_equal(Old, Rows[i].From);
        assert_int_equal(KeGetCurrentIrql(), Rows[i].To);

        KeLowerIrql(Old);
        assert_int_equal(KeGetCurrentIrql(), Rows[i].From);
        KeLowerIrql(Base);
        assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    }
}

/* Nested raises unwind in reverse order, each KeLowerIrql restoring the value
 * its matching raise returned. */
SIM_TEST(NestedRaisesUnwind)
{
    static const KIRQL Ladder[] = {APC_LEVEL, DISPATCH_LEVEL, CLOCK_LEVEL, HIGH_LEVEL};
    KIRQL Saved[4];
    for (size_t i = 0; i < 4; i++) {
        KeRaiseIrql(Ladder[i], &Saved[i]);
        assert_int_equal(Saved[i], i == 0 ? PASSIVE_LEVEL : Ladder[i - 1]);
        assert_int_equal(KeGetCurrentIrql(), Ladder[i]);
    }
    for (size_t i = 4; i-- > 0;) {
        KeLowerIrql(Saved[i]);
        assert_int_equal(KeGetCurrentIrql(), i == 0 ? PASSIVE_LEVEL : Ladder[i - 1]);
    }
}

/* KeRaiseIrqlToDpcLevel raises to DISPATCH_LEVEL and returns the old IRQL. */
SIM_TEST(RaiseToDpcLevel)
{
    static const KIRQL From[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    for (size_t i = 0; i < sizeof(From) / sizeof(From[0]); i++) {
        KIRQL Base;
        KeRaiseIrql(From[i], &Base);
        KIRQL Old = KeRaiseIrqlToDpcLevel();
        assert_int_equal(Old, From[i]);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        KeLowerIrql(Old);
        assert_int_equal(KeGetCurrentIrql(), From[i]);
        KeLowerIrql(Base);
    }
}

/* ------------------------------------------------------------------------ */
/* 3.4: Verifier 0xC4/0x30 (current, requested, 0) for a bad KeRaiseIrql -   */
/* lower than current or above HIGH_LEVEL - and 0xC4/0x31 (current,          */
/* requested, 0) for a KeLowerIrql to a higher IRQL.                         */
/* ------------------------------------------------------------------------ */
typedef enum { OpRaise, OpLower, OpRaiseToDpc } IRQL_OP;

static void DoIrqlOp(IRQL_OP Op, KIRQL Requested)
{
    KIRQL Old = 0;
    switch (Op) {
    case OpRaise: KeRaiseIrql(Requested, &Old); break;
    case OpLower: KeLowerIrql(Requested); break;
    case OpRaiseToDpc: Old = KeRaiseIrqlToDpcLevel(); break;
    }
    (void)Old;
}

SIM_TEST(IrqlMisuseBugChecks)
{
    static const struct {
        const char *What;
        KIRQL Current;
        IRQL_OP Op;
        KIRQL Requested;
        ULONG_PTR SubCode;
    } Rows[] = {
        {"raise DISPATCH->APC", DISPATCH_LEVEL, OpRaise, APC_LEVEL, 0x30},
        {"raise APC->PASSIVE", APC_LEVEL, OpRaise, PASSIVE_LEVEL, 0x30},
        {"raise HIGH->DISPATCH", HIGH_LEVEL, OpRaise, DISPATCH_LEVEL, 0x30},
        {"raise PASSIVE->16", PASSIVE_LEVEL, OpRaise, HIGH_LEVEL + 1, 0x30},
        {"raise DISPATCH->255", DISPATCH_LEVEL, OpRaise, 255, 0x30},
        {"raise-to-DPC at HIGH", HIGH_LEVEL, OpRaiseToDpc, DISPATCH_LEVEL, 0x30},
        {"lower PASSIVE->APC", PASSIVE_LEVEL, OpLower, APC_LEVEL, 0x31},
        {"lower APC->DISPATCH", APC_LEVEL, OpLower, DISPATCH_LEVEL, 0x31},
        {"lower DISPATCH->HIGH", DISPATCH_LEVEL, OpLower, HIGH_LEVEL, 0x31},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        print_message("  %s\n", Rows[i].What);
        KIRQL Base;
        KeRaiseIrql(Rows[i].Current, &Base);
        SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, Rows[i].SubCode, Rows[i].Current,
                             Rows[i].Requested, 0, DoIrqlOp(Rows[i].Op, Rows[i].Requested));
        assert_true(SimIsStopped(NULL));
        /* The failed call did not change the IRQL. */
        assert_int_equal(KeGetCurrentIrql(), Rows[i].Current);
        SimReset(); /* back to a running machine at PASSIVE_LEVEL */
        assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    }
}

/* ------------------------------------------------------------------------ */
/* IRQL is a property of the thread (docs/architecture.md 5): a raise on one thread is */
/* not seen by another.                                                      */
/* ------------------------------------------------------------------------ */

static void *ReadIrqlThread(void *Context)
{
    *(KIRQL *)Context = KeGetCurrentIrql();
    return NULL;
}

SIM_TEST(IrqlIsPerThread)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    KIRQL Seen = 0xFF;
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, ReadIrqlThread, &Seen), 0);
    assert_int_equal(pthread_join(Thread, NULL), 0);
    assert_int_equal(Seen, PASSIVE_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), HIGH_LEVEL);
    KeLowerIrql(Old);
}

/* ------------------------------------------------------------------------ */
/* The IRQL rule table (mi_ddi_table.h via SimIrqlRules): spot checks        */
/* against docs/ddi-contract.md, and well-formedness of every entry.         */
/* ------------------------------------------------------------------------ */
SIM_TEST(RuleTableMatchesFacts)
{
    static const struct {
        const char *Ddi;
        KIRQL MaxIrql;
        ULONG Code;
        ULONG_PTR SubCode;
    } Rows[] = {
        /* 1.11 and 3.4: 0xC4/0x70 above DISPATCH_LEVEL. */
        {"MmProbeAndLockPages", DISPATCH_LEVEL, 0xC4, 0x70},
        /* 1.7 and 3.4: 0xC4/0x7E above DISPATCH_LEVEL. */
        {"MmAllocatePagesForMdlEx", DISPATCH_LEVEL, 0xC4, 0x7E},
        {"MmAllocatePagesForMdl", DISPATCH_LEVEL, 0xC4, 0x7E},
        {"MmFreePagesFromMdl", DISPATCH_LEVEL, 0xC4, 0x7E},
        /* 1.11: MmUnlockPages 0xC4/0x78; 1.12: 0x76 map, 0x79 unmap. */
        {"MmUnlockPages", DISPATCH_LEVEL, 0xC4, 0x78},
        {"MmMapLockedPagesSpecifyCache", DISPATCH_LEVEL, 0xC4, 0x76},
        {"MmUnmapLockedPages", DISPATCH_LEVEL, 0xC4, 0x79},
        /* 1.1-1.3: APC_LEVEL; rule IrqlMmApcLte 0x20019. */
        {"MmAllocateMappingAddress", APC_LEVEL, 0xC4, 0x20019},
        {"MmAllocateMappingAddressEx", APC_LEVEL, 0xC4, 0x20019},
        {"MmFreeMappingAddress", APC_LEVEL, 0xC4, 0x20019},
        /* 1.4, 1.5: DISPATCH_LEVEL. */
        {"MmMapLockedPagesWithReservedMapping", DISPATCH_LEVEL, 0x0A, 0},
        {"MmUnmapReservedMapping", DISPATCH_LEVEL, 0x0A, 0},
        /* 1.15 and 3.4: non-paged allocation 0x02, free 0x12. */
        {"ExAllocatePool2", DISPATCH_LEVEL, 0xC4, 0x02},
        {"ExFreePoolWithTag", DISPATCH_LEVEL, 0xC4, 0x12},
        /* Fast mutexes: APC_LEVEL, rule IrqlExApcLte1 0x20005. */
        {"ExAcquireFastMutex", APC_LEVEL, 0xC4, 0x20005},
        {"ExTryToAcquireFastMutex", APC_LEVEL, 0xC4, 0x20005},
        /* 1.14 */
        {"MmIsAddressValid", DISPATCH_LEVEL, 0x0A, 0},
        {"KeWaitForSingleObject", DISPATCH_LEVEL, 0x0A, 0},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        const SIM_IRQL_RULE *Rule = SimIrqlRule(Rows[i].Ddi);
        if (Rule == NULL) {
            fail_msg("no IRQL rule for %s", Rows[i].Ddi);
        }
        assert_string_equal(Rule->Ddi, Rows[i].Ddi);
        if (Rule->MaxIrql != Rows[i].MaxIrql || Rule->BugCheckCode != Rows[i].Code ||
            Rule->SubCode != Rows[i].SubCode) {
            fail_msg("%s: rule says max %u, 0x%X/0x%llX; documented max %u, 0x%X/0x%llX",
                     Rows[i].Ddi, Rule->MaxIrql, Rule->BugCheckCode,
                     (unsigned long long)Rule->SubCode, Rows[i].MaxIrql, Rows[i].Code,
                     (unsigned long long)Rows[i].SubCode);
        }
    }
    /* Unknown names have no rule. */
    assert_null(SimIrqlRule("MmNoSuchRoutine"));
    assert_null(SimIrqlRule(""));
}

SIM_TEST(RuleTableWellFormed)
{
    ULONG Count = 0;
    const SIM_IRQL_RULE *Rules = SimIrqlRules(&Count);
    assert_non_null(Rules);
    assert_true(Count >= 30); /* every DDI of docs/ddi-contract.md section 1 at least */
    for (ULONG i = 0; i < Count; i++) {
        assert_non_null(Rules[i].Ddi);
        assert_true(Rules[i].Ddi[0] != '\0');
        assert_true(Rules[i].MaxIrql <= HIGH_LEVEL);
        /* Either a Verifier code with its sub-code or IRQL_NOT_LESS_OR_EQUAL. */
        assert_true(Rules[i].BugCheckCode == DRIVER_VERIFIER_DETECTED_VIOLATION ||
                    Rules[i].BugCheckCode == IRQL_NOT_LESS_OR_EQUAL);
        if (Rules[i].BugCheckCode == IRQL_NOT_LESS_OR_EQUAL) {
            assert_int_equal(Rules[i].SubCode, 0);
        }
        /* Names are unique and the lookup finds this very entry. */
        assert_ptr_equal(SimIrqlRule(Rules[i].Ddi), &Rules[i]);
    }
}

/* ------------------------------------------------------------------------ */
/* The rule machinery, through DDIs that exist today.                        */
/* ------------------------------------------------------------------------ */

/* ExAcquireFastMutex above APC_LEVEL: 0xC4/0x20005 (rule IrqlExApcLte1),
 * P3 = current IRQL, P4 = 0. */
SIM_TEST(FastMutexAtDispatchBugChecks)
{
    FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20005, SIM_ANY, DISPATCH_LEVEL, 0,
                         ExAcquireFastMutex(&Mutex));
    /* P2 names the rule. */
    SIM_BUGCHECK Stop;
    assert_true(SimIsStopped(&Stop));
    assert_non_null((const char *)Stop.Parameters[1]);
    assert_string_equal((const char *)Stop.Parameters[1], "IrqlExApcLte1");
}

/* At APC_LEVEL - the documented maximum - the same call is fine. */
SIM_TEST(FastMutexAtApcIsAllowed)
{
    FAST_MUTEX Mutex;
    ExInitializeFastMutex(&Mutex);
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    ExAcquireFastMutex(&Mutex);
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    ExReleaseFastMutex(&Mutex);
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(Old);
    assert_false(SimIsStopped(NULL));
}

/* KeWaitForSingleObject at DISPATCH_LEVEL with a non-zero timeout: 0x0A
 * (P1 = object, P2 = IRQL). A zero timeout is legal there. */
SIM_TEST(WaitAtDispatchBugChecks)
{
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);

    LARGE_INTEGER Zero = {.QuadPart = 0};
    assert_int_equal(KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero),
                     STATUS_TIMEOUT);
    assert_false(SimIsStopped(NULL));

    LARGE_INTEGER TenMs = {.QuadPart = -100000}; /* relative, 100 ns units */
    SIM_EXPECT_BUGCHECK4(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)&Event, DISPATCH_LEVEL, SIM_ANY,
                         SIM_ANY,
                         KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &TenMs));
}

/* No timeout at all (wait forever) at DISPATCH_LEVEL is just as fatal. */
SIM_TEST(InfiniteWaitAtDispatchBugChecks)
{
    KEVENT Event;
    KeInitializeEvent(&Event, NotificationEvent, TRUE);
    KIRQL Old = KeRaiseIrqlToDpcLevel();
    (void)Old;
    SIM_EXPECT_BUGCHECK4(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)&Event, DISPATCH_LEVEL, SIM_ANY,
                         SIM_ANY,
                         KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE,
                                               NO_TIMEOUT_LIMIT));
}

/* ------------------------------------------------------------------------ */
/* DDI compliance rules (docs/ddi-contract.md 1.17): for every WDM IRQL rule */
/* that lists a DDI mmsim has, one of its DDIs called one level above the    */
/* row's maximum stops with 0xC4, P1 the rule's code, P2 its name, P3 the    */
/* IRQL, P4 0. The rule is checked before any argument, so the arguments are */
/* just well-typed.                                                          */
/* ------------------------------------------------------------------------ */
static struct {
    FAST_MUTEX FastMutex;
    ERESOURCE Resource;
    KGUARDED_MUTEX GuardedMutex;
    KEVENT Event;
    UNICODE_STRING Name;
    UCHAR Buffer[16];
} RuleArgs; /* set up at PASSIVE_LEVEL before each row raises the IRQL */

static void RuleFastMutex(void) { ExAcquireFastMutex(&RuleArgs.FastMutex); }
static void RuleProbe(void) { ProbeForRead(RuleArgs.Buffer, sizeof(RuleArgs.Buffer), 1); }
static void RuleResource(void) { (void)ExAcquireResourceExclusiveLite(&RuleArgs.Resource, TRUE); }
static void RuleUuid(void)
{
    UUID Uuid;
    (void)ExUuidCreate(&Uuid);
}
static void RuleDeleteDevice(void) { IoDeleteDevice(NULL); }
static void RuleCreateDevice(void)
{
    PDEVICE_OBJECT Device;
    (void)IoCreateDevice(NULL, 0, &RuleArgs.Name, FILE_DEVICE_UNKNOWN, 0, FALSE, &Device);
}
static void RuleDetachDevice(void) { IoDetachDevice(NULL); }
static void RuleDeleteLink(void) { (void)IoDeleteSymbolicLink(&RuleArgs.Name); }
static void RuleDevicePointer(void)
{
    PFILE_OBJECT File;
    PDEVICE_OBJECT Device;
    (void)IoGetDeviceObjectPointer(&RuleArgs.Name, FILE_READ_DATA, &File, &Device);
}
static void RuleGuardedMutex(void) { KeAcquireGuardedMutex(&RuleArgs.GuardedMutex); }
static void RuleCriticalRegion(void) { KeEnterCriticalRegion(); }
static void RuleClearEvent(void) { KeClearEvent(&RuleArgs.Event); }
static void RuleSetEvent(void) { (void)KeSetEvent(&RuleArgs.Event, 0, FALSE); }
static void RuleSecure(void)
{
    (void)MmSecureVirtualMemory(RuleArgs.Buffer, sizeof(RuleArgs.Buffer), PAGE_READWRITE);
}
static void RuleFreeContiguous(void) { MmFreeContiguousMemory(RuleArgs.Buffer); }
static void RuleReferenceHandle(void)
{
    PVOID Object;
    (void)ObReferenceObjectByHandle(NULL, 0, NULL, KernelMode, &Object, NULL);
}
static void RuleCreateThread(void)
{
    HANDLE Thread;
    (void)PsCreateSystemThread(&Thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, NULL, NULL);
}
static void RuleClose(void) { (void)ZwClose(NULL); }

/* The stop Call makes at Irql (in a frame of its own: the caller's locals stay
 * out of the setjmp's reach). */
__attribute__((noinline)) static SIM_BUGCHECK RuleStopAt(KIRQL Irql, void (*Call)(void))
{
    KIRQL Old;
    KeRaiseIrql(Irql, &Old);
    SIM_BUGCHECK Got;
    SIM_CATCH_BUGCHECK(&Got, Call());
    return Got;
}

SIM_TEST(EveryIrqlRuleStopsWithItsCode)
{
    static const struct {
        const char *Rule;
        ULONG_PTR Code;
        KIRQL At; /* one above the row's maximum */
        void (*Call)(void);
        const char *Ddi;
    } Rows[] = {
        {"IrqlExApcLte1", 0x20005, DISPATCH_LEVEL, RuleFastMutex, "ExAcquireFastMutex"},
        {"IrqlExApcLte2", 0x20006, DISPATCH_LEVEL, RuleProbe, "ProbeForRead"},
        {"IrqlExApcLte3", 0x20007, DISPATCH_LEVEL, RuleResource, "ExAcquireResourceExclusiveLite"},
        {"IrqlExPassive", 0x20008, APC_LEVEL, RuleUuid, "ExUuidCreate"},
        {"IrqlIoApcLte", 0x20009, APC_LEVEL, RuleDeleteDevice, "IoDeleteDevice"},
        {"IrqlIoPassive1", 0x2000A, APC_LEVEL, RuleCreateDevice, "IoCreateDevice"},
        {"IrqlIoPassive3", 0x2000C, APC_LEVEL, RuleDetachDevice, "IoDetachDevice"},
        {"IrqlIoPassive4", 0x2000D, APC_LEVEL, RuleDeleteLink, "IoDeleteSymbolicLink"},
        {"IrqlIoPassive5", 0x2000E, APC_LEVEL, RuleDevicePointer, "IoGetDeviceObjectPointer"},
        {"IrqlKeApcLte1", 0x2000F, DISPATCH_LEVEL, RuleGuardedMutex, "KeAcquireGuardedMutex"},
        {"IrqlKeApcLte2", 0x20010, DISPATCH_LEVEL, RuleCriticalRegion, "KeEnterCriticalRegion"},
        {"IrqlKeDispatchLte", 0x20011, DISPATCH_LEVEL + 1, RuleClearEvent, "KeClearEvent"},
        {"IrqlKeSetEvent", 0x20016, DISPATCH_LEVEL + 1, RuleSetEvent, "KeSetEvent"},
        {"IrqlMmApcLte", 0x20019, DISPATCH_LEVEL, RuleSecure, "MmSecureVirtualMemory"},
        {"IrqlMmDispatch", 0x2001A, DISPATCH_LEVEL + 1, RuleFreeContiguous,
         "MmFreeContiguousMemory"},
        {"IrqlObPassive", 0x2001B, APC_LEVEL, RuleReferenceHandle, "ObReferenceObjectByHandle"},
        {"IrqlPsPassive", 0x2001C, APC_LEVEL, RuleCreateThread, "PsCreateSystemThread"},
        {"IrqlZwPassive", 0x2001F, APC_LEVEL, RuleClose, "ZwClose"},
    };
    int Wrong = 0;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        SimReset();
        ExInitializeFastMutex(&RuleArgs.FastMutex);
        assert_int_equal(ExInitializeResourceLite(&RuleArgs.Resource), STATUS_SUCCESS);
        KeInitializeGuardedMutex(&RuleArgs.GuardedMutex);
        KeInitializeEvent(&RuleArgs.Event, NotificationEvent, FALSE);
        RtlInitUnicodeString(&RuleArgs.Name, L"\\Device\\IrqlRule");
        /* The table's row: the maximum is one below the IRQL of the call. */
        const SIM_IRQL_RULE *Row = SimIrqlRule(Rows[i].Ddi);
        assert_non_null(Row);
        assert_int_equal(Row->MaxIrql + 1, Rows[i].At);

        SIM_BUGCHECK Got = RuleStopAt(Rows[i].At, Rows[i].Call);
        /* P2 is a string only for a rule code: read it only then. */
        BOOLEAN IsRule = Got.Caught && Got.Code == DRIVER_VERIFIER_DETECTED_VIOLATION &&
                      Got.Parameters[0] == Rows[i].Code;
        const char *Name = IsRule ? (const char *)Got.Parameters[1] : NULL;
        if (!IsRule || Name == NULL || strcmp(Name, Rows[i].Rule) != 0 ||
            Got.Parameters[2] != Rows[i].At || Got.Parameters[3] != 0) {
            print_error("%s at IRQL %u: want 0xC4 (0x%lX, \"%s\", %u, 0), got 0x%X (0x%llX, %s, "
                        "0x%llX, 0x%llX)\n",
                        Rows[i].Ddi, Rows[i].At, (unsigned long)Rows[i].Code, Rows[i].Rule,
                        Rows[i].At, Got.Code, (unsigned long long)Got.Parameters[0],
                        Name != NULL ? Name : "-", (unsigned long long)Got.Parameters[2],
                        (unsigned long long)Got.Parameters[3]);
            Wrong++;
        }
    }
    SimReset();
    assert_int_equal(Wrong, 0);
}

/* PAGED_CODE() in a routine run at DISPATCH_LEVEL: 0xD1 with P2 = IRQL,
 * P3 = 8 (execute), P1 = P4 = the code address. */
static int PageableWork;

__attribute__((noinline)) static void PageableRoutine(void)
{
    PAGED_CODE();
    PageableWork++;
}

SIM_TEST(PagedCodeAtDispatchBugChecks)
{
    PageableWork = 0;
    /* Fine at PASSIVE_LEVEL and APC_LEVEL. */
    PageableRoutine();
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    PageableRoutine();
    assert_int_equal(PageableWork, 2);

    KIRQL Ignored;
    KeRaiseIrql(DISPATCH_LEVEL, &Ignored);
    SIM_EXPECT_BUGCHECK4(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY, DISPATCH_LEVEL, 8, SIM_ANY,
                         PageableRoutine());
    SIM_BUGCHECK Stop;
    assert_true(SimIsStopped(&Stop));
    assert_true(Stop.Parameters[0] != 0);
    assert_true(Stop.Parameters[0] == Stop.Parameters[3]);
    /* The routine's body did not run. */
    assert_int_equal(PageableWork, 2);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
