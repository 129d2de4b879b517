/*
 * test_cancel.c - cancelling IRPs and cancel-safe queues (docs/io.md, "Cancel routines and
 * cancel-safe queues"), and secure device objects (<wdmsec.h>).
 *
 *   IoCancelIrp(Irp)                 Cancel := TRUE
 *     no CancelRoutine               FALSE; the driver that makes it cancelable sees Cancel
 *     a CancelRoutine                taken out of the IRP (NULL), called at DISPATCH_LEVEL
 *                                    holding the cancel spin lock, CancelIrql = the caller's
 *                                    IRQL; the routine releases the lock: TRUE
 *
 *   cancel-safe queue (the driver's list, lock and callbacks; the system's cancellation)
 *     IoCsqInsertIrp(Ex)             insert under the lock, mark pending, make cancelable
 *     IoCancelIrp of a queued IRP    removed under the lock, CsqCompleteCanceledIrp (unlocked)
 *     IoCsqRemoveNextIrp(Peek)       first match not being cancelled, no longer cancelable
 *     IoCsqRemoveIrp(Context)        that IRP, or NULL once cancelled
 *
 * Stops: a Cancel routine returning with the lock held 0x11B (IRP, routine); completing an
 * IRP still cancelable 0xC9/0x07 (routine, IRP); cancelling a completed IRP that kept its
 * routine 0x48 (IRP, routine); above the documented IRQL 0xA.
 */
#include <wchar.h>

#include <mmsim_cmocka.h>

#include <wdmsec.h>

/* ---- IRPs a driver holds: one stack location, current -------------------------------- */
static PDEVICE_OBJECT TheDevice; /* the device the held IRPs are at (may be NULL) */

static PIRP HeldIrp(PFILE_OBJECT FileObject)
{
    PIRP Irp = IoAllocateIrp(1, FALSE);
    assert_non_null(Irp);
    IoSetNextIrpStackLocation(Irp);
    IoGetCurrentIrpStackLocation(Irp)->DeviceObject = TheDevice;
    IoGetCurrentIrpStackLocation(Irp)->FileObject = FileObject;
    return Irp;
}

static void CompleteAndFree(PIRP Irp, NTSTATUS Status)
{
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    IoFreeIrp(Irp);
}

/* ---- a Cancel routine that records what it saw ------------------------------------- */
static struct {
    ULONG Calls;
    KIRQL Irql, CancelIrql;
    BOOLEAN Cancel;
    PDRIVER_CANCEL RoutineInIrp;
    PDEVICE_OBJECT Device;
} Seen;

static VOID NTAPI RecordingCancel(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    Seen.Calls++;
    Seen.Irql = KeGetCurrentIrql();
    Seen.CancelIrql = Irp->CancelIrql;
    Seen.Cancel = Irp->Cancel;
    Seen.RoutineInIrp = Irp->CancelRoutine;
    Seen.Device = DeviceObject;
    IoReleaseCancelSpinLock(Irp->CancelIrql);
}

static VOID NTAPI KeepsTheLock(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
}

SIM_TEST(SetCancelRoutineReturnsThePreviousRoutine)
{
    PIRP Irp = HeldIrp(NULL);
    assert_null(IoSetCancelRoutine(Irp, RecordingCancel));
    assert_ptr_equal(Irp->CancelRoutine, RecordingCancel);
    assert_ptr_equal(IoSetCancelRoutine(Irp, NULL), RecordingCancel);
    assert_null(Irp->CancelRoutine);
    CompleteAndFree(Irp, STATUS_SUCCESS);
}

SIM_TEST(CancelWithoutARoutineOnlyMarksTheIrp)
{
    PIRP Irp = HeldIrp(NULL);
    assert_false(IoCancelIrp(Irp));
    assert_true(Irp->Cancel);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    CompleteAndFree(Irp, STATUS_CANCELLED);
}

SIM_TEST(CancelCallsTheRoutineAtDispatchHoldingTheCancelLock)
{
    static const KIRQL Callers[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    for (size_t i = 0; i < RTL_NUMBER_OF(Callers); i++) {
        memset(&Seen, 0, sizeof(Seen));
        PIRP Irp = HeldIrp(NULL);
        (void)IoSetCancelRoutine(Irp, RecordingCancel);
        KIRQL Old;
        KeRaiseIrql(Callers[i], &Old);
        assert_true(IoCancelIrp(Irp));
        assert_int_equal(KeGetCurrentIrql(), Callers[i]); /* the routine gave it back */
        KeLowerIrql(Old);
        assert_int_equal(Seen.Calls, 1);
        assert_int_equal(Seen.Irql, DISPATCH_LEVEL);
        assert_int_equal(Seen.CancelIrql, Callers[i]);
        assert_true(Seen.Cancel);
        assert_null(Seen.RoutineInIrp); /* taken out before the call */
        assert_ptr_equal(Seen.Device, TheDevice);
        CompleteAndFree(Irp, STATUS_CANCELLED);
    }
}

SIM_TEST(TheCancelLockRaisesToDispatchAndGivesTheIrqlBack)
{
    KIRQL Old;
    KeRaiseIrql(APC_LEVEL, &Old);
    KIRQL Irql;
    IoAcquireCancelSpinLock(&Irql);
    assert_int_equal(Irql, APC_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    IoReleaseCancelSpinLock(Irql);
    assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(Old);
}

/* ---- the stops, one machine each --------------------------------------------------- */
static PIRP StopIrp;

static void ReturnHoldingTheLock(SIM_CASE_RUN *Run)
{
    StopIrp = HeldIrp(NULL);
    Run->Want[0] = (ULONG_PTR)StopIrp;
    (void)IoSetCancelRoutine(StopIrp, KeepsTheLock);
    (void)IoCancelIrp(StopIrp);
}

static void CompleteWhileCancelable(SIM_CASE_RUN *Run)
{
    StopIrp = HeldIrp(NULL);
    Run->Want[2] = (ULONG_PTR)StopIrp;
    (void)IoSetCancelRoutine(StopIrp, RecordingCancel);
    IoCompleteRequest(StopIrp, IO_NO_INCREMENT);
}

static void CancelACompletedIrp(SIM_CASE_RUN *Run)
{
    StopIrp = IoAllocateIrp(1, FALSE); /* never sent, or completed: no driver holds it */
    Run->Want[0] = (ULONG_PTR)StopIrp;
    (void)IoSetCancelRoutine(StopIrp, RecordingCancel);
    (void)IoCancelIrp(StopIrp);
}

static void AtHighLevel(SIM_CASE_RUN *Run, KIRQL Irql)
{
    UNREFERENCED_PARAMETER(Run);
    KIRQL Old;
    KeRaiseIrql(Irql, &Old);
}

static void AcquireAtHigh(SIM_CASE_RUN *Run)
{
    KIRQL Irql;
    AtHighLevel(Run, HIGH_LEVEL);
    IoAcquireCancelSpinLock(&Irql);
}

static void CancelAtHigh(SIM_CASE_RUN *Run)
{
    PIRP Irp = HeldIrp(NULL);
    AtHighLevel(Run, HIGH_LEVEL);
    (void)IoCancelIrp(Irp);
}

static IO_CSQ StopCsq;

static void CsqInsertAtHigh(SIM_CASE_RUN *Run)
{
    PIRP Irp = HeldIrp(NULL);
    AtHighLevel(Run, HIGH_LEVEL);
    IoCsqInsertIrp(&StopCsq, Irp, NULL);
}

static void CsqRemoveNextAtHigh(SIM_CASE_RUN *Run)
{
    AtHighLevel(Run, HIGH_LEVEL);
    (void)IoCsqRemoveNextIrp(&StopCsq, NULL);
}

static void CreateSecureAtDispatch(SIM_CASE_RUN *Run)
{
    PDEVICE_OBJECT Device;
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\CancelStop");
    AtHighLevel(Run, DISPATCH_LEVEL);
    (void)IoCreateDeviceSecure(TheDevice != NULL ? TheDevice->DriverObject : NULL, 0, &Name,
                               FILE_DEVICE_UNKNOWN, 0, FALSE, &SDDL_DEVOBJ_SYS_ALL, NULL, &Device);
}

SIM_TEST(MisuseStopsAsWindowsDoes)
{
    static const SIM_CASE Cases[] = {
        {"0x11B: a Cancel routine returns holding the cancel spin lock (IRP, routine)",
         ReturnHoldingTheLock,
         SIM_BUGCHECKS(DRIVER_RETURNED_HOLDING_CANCEL_LOCK, SIM_ANY, KeepsTheLock, 0, 0), NULL},
        {"0xC9/0x07: IoCompleteRequest of an IRP whose cancel routine is still set",
         CompleteWhileCancelable,
         SIM_BUGCHECKS(DRIVER_VERIFIER_IOMANAGER_VIOLATION, 0x07, RecordingCancel, SIM_ANY, 0), NULL},
        {"0x48: IoCancelIrp of an IRP no driver holds, its cancel routine left in it",
         CancelACompletedIrp,
         SIM_BUGCHECKS(CANCEL_STATE_IN_COMPLETED_IRP, SIM_ANY, RecordingCancel, 0, 0), NULL},
        {"0xA: IoAcquireCancelSpinLock above DISPATCH_LEVEL", AcquireAtHigh,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, HIGH_LEVEL, 0, SIM_ANY), NULL},
        {"0xA: IoCancelIrp above DISPATCH_LEVEL", CancelAtHigh,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, HIGH_LEVEL, 0, SIM_ANY), NULL},
        {"0xA: IoCsqInsertIrp above DISPATCH_LEVEL", CsqInsertAtHigh,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, HIGH_LEVEL, 0, SIM_ANY), NULL},
        {"0xA: IoCsqRemoveNextIrp above DISPATCH_LEVEL", CsqRemoveNextAtHigh,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, HIGH_LEVEL, 0, SIM_ANY), NULL},
        {"0xA: IoCreateDeviceSecure above PASSIVE_LEVEL", CreateSecureAtDispatch,
         SIM_BUGCHECKS(IRQL_NOT_LESS_OR_EQUAL, 0, DISPATCH_LEVEL, 0, SIM_ANY), NULL},
    };
    SIM_RUN_CASES(Cases);
}

/* ---- a cancel-safe queue: the driver's half ---------------------------------------- */
typedef struct _QUEUE {
    IO_CSQ Csq;
    LIST_ENTRY List;
    KSPIN_LOCK Lock;
    BOOLEAN Locked;         /* between CsqAcquireLock and CsqReleaseLock */
    ULONG Unlocked;         /* callbacks that ran without the lock */
    ULONG Inserts, Removes, Completed;
    PIRP LastCompleted;
    BOOLEAN CompletedLocked;
    NTSTATUS InsertStatus;  /* what CsqInsertIrpEx returns */
    PVOID LastInsertContext;
} QUEUE;

static QUEUE Q;

static void CheckLocked(void)
{
    if (!Q.Locked || KeGetCurrentIrql() != DISPATCH_LEVEL) {
        Q.Unlocked++;
    }
}

static VOID NTAPI QInsert(PIO_CSQ Csq, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Csq);
    CheckLocked();
    Q.Inserts++;
    InsertTailList(&Q.List, &Irp->Tail.Overlay.ListEntry);
}

static NTSTATUS NTAPI QInsertEx(PIO_CSQ Csq, PIRP Irp, PVOID InsertContext)
{
    Q.LastInsertContext = InsertContext;
    if (!NT_SUCCESS(Q.InsertStatus)) {
        CheckLocked();
        return Q.InsertStatus;
    }
    QInsert(Csq, Irp);
    return Q.InsertStatus;
}

static VOID NTAPI QRemove(PIO_CSQ Csq, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Csq);
    CheckLocked();
    Q.Removes++;
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
}

static PIRP NTAPI QPeek(PIO_CSQ Csq, PIRP Irp, PVOID PeekContext)
{
    UNREFERENCED_PARAMETER(Csq);
    CheckLocked();
    for (PLIST_ENTRY Entry = Irp == NULL ? Q.List.Flink : Irp->Tail.Overlay.ListEntry.Flink;
         Entry != &Q.List; Entry = Entry->Flink) {
        PIRP Next = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
        if (PeekContext == NULL ||
            IoGetCurrentIrpStackLocation(Next)->FileObject == (PFILE_OBJECT)PeekContext) {
            return Next;
        }
    }
    return NULL;
}

static VOID NTAPI QAcquire(PIO_CSQ Csq, PKIRQL Irql)
{
    UNREFERENCED_PARAMETER(Csq);
    KeAcquireSpinLock(&Q.Lock, Irql);
    Q.Locked = TRUE;
}

static VOID NTAPI QRelease(PIO_CSQ Csq, KIRQL Irql)
{
    UNREFERENCED_PARAMETER(Csq);
    Q.Locked = FALSE;
    KeReleaseSpinLock(&Q.Lock, Irql);
}

static VOID NTAPI QCompleteCanceled(PIO_CSQ Csq, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Csq);
    Q.Completed++;
    Q.LastCompleted = Irp;
    Q.CompletedLocked = Q.Locked;
    Irp->IoStatus.Status = STATUS_CANCELLED;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

static void NewQueue(BOOLEAN Ex)
{
    memset(&Q, 0, sizeof(Q));
    InitializeListHead(&Q.List);
    KeInitializeSpinLock(&Q.Lock);
    NTSTATUS Status = Ex ? IoCsqInitializeEx(&Q.Csq, QInsertEx, QRemove, QPeek, QAcquire,
                                             QRelease, QCompleteCanceled)
                         : IoCsqInitialize(&Q.Csq, QInsert, QRemove, QPeek, QAcquire,
                                           QRelease, QCompleteCanceled);
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal(Q.Csq.Type, Ex ? IO_TYPE_CSQ_EX : IO_TYPE_CSQ);
}

static ULONG Queued(void)
{
    ULONG Count = 0;
    for (PLIST_ENTRY Entry = Q.List.Flink; Entry != &Q.List; Entry = Entry->Flink) {
        Count++;
    }
    return Count;
}

static void FreeCompleted(PIRP Irp)
{
    assert_true(Irp->CurrentLocation > Irp->StackCount); /* completed */
    IoFreeIrp(Irp);
}

SIM_TEST(InsertQueuesMarksPendingAndMakesCancelable)
{
    NewQueue(FALSE);
    PIRP Plain = HeldIrp(NULL), WithContext = HeldIrp(NULL);
    IO_CSQ_IRP_CONTEXT Context;
    IoCsqInsertIrp(&Q.Csq, Plain, NULL);
    IoCsqInsertIrp(&Q.Csq, WithContext, &Context);
    assert_int_equal(Queued(), 2);
    assert_int_equal(Q.Inserts, 2);
    assert_int_equal(Q.Unlocked, 0);
    for (PIRP Irp = Plain; Irp != NULL; Irp = Irp == Plain ? WithContext : NULL) {
        assert_true(IoGetCurrentIrpStackLocation(Irp)->Control & SL_PENDING_RETURNED);
        assert_non_null(Irp->CancelRoutine);
    }
    assert_ptr_equal(Plain->Tail.Overlay.DriverContext[3], &Q.Csq);
    assert_ptr_equal(WithContext->Tail.Overlay.DriverContext[3], &Context);
    assert_int_equal(Context.Type, IO_TYPE_CSQ_IRP_CONTEXT);
    assert_ptr_equal(Context.Irp, WithContext);
    assert_ptr_equal(Context.Csq, &Q.Csq);

    assert_ptr_equal(IoCsqRemoveIrp(&Q.Csq, &Context), WithContext);
    assert_null(Context.Irp);
    assert_null(WithContext->CancelRoutine);
    assert_null(IoCsqRemoveIrp(&Q.Csq, &Context)); /* already removed */
    assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, NULL), Plain);
    assert_null(Plain->CancelRoutine);
    assert_null(IoCsqRemoveNextIrp(&Q.Csq, NULL));
    assert_int_equal(Queued(), 0);
    CompleteAndFree(Plain, STATUS_SUCCESS);
    CompleteAndFree(WithContext, STATUS_SUCCESS);
}

SIM_TEST(RemoveNextTakesTheFirstMatchOfThePeekContext)
{
    /*   queue:  [A1] [B1] [A2]      RemoveNext(A) -> A1, A2, NULL; RemoveNext(NULL) -> B1 */
    FILE_OBJECT FileA, FileB;
    NewQueue(FALSE);
    PIRP A1 = HeldIrp(&FileA), B1 = HeldIrp(&FileB), A2 = HeldIrp(&FileA);
    IoCsqInsertIrp(&Q.Csq, A1, NULL);
    IoCsqInsertIrp(&Q.Csq, B1, NULL);
    IoCsqInsertIrp(&Q.Csq, A2, NULL);
    assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, &FileA), A1);
    assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, &FileA), A2);
    assert_null(IoCsqRemoveNextIrp(&Q.Csq, &FileA));
    assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, NULL), B1);
    assert_int_equal(Q.Removes, 3);
    assert_int_equal(Q.Unlocked, 0);
    CompleteAndFree(A1, STATUS_SUCCESS);
    CompleteAndFree(B1, STATUS_SUCCESS);
    CompleteAndFree(A2, STATUS_SUCCESS);
}

SIM_TEST(CancellingAQueuedIrpTakesItOutAndCompletesIt)
{
    NewQueue(FALSE);
    PIRP First = HeldIrp(NULL), Second = HeldIrp(NULL);
    IO_CSQ_IRP_CONTEXT Context;
    IoCsqInsertIrp(&Q.Csq, First, NULL);
    IoCsqInsertIrp(&Q.Csq, Second, &Context);
    assert_true(IoCancelIrp(Second));
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    assert_int_equal(Q.Completed, 1);
    assert_ptr_equal(Q.LastCompleted, Second);
    assert_false(Q.CompletedLocked); /* completed after the queue's lock is released */
    assert_int_equal(Second->IoStatus.Status, STATUS_CANCELLED);
    assert_int_equal(Queued(), 1);
    assert_null(Context.Irp);
    assert_null(IoCsqRemoveIrp(&Q.Csq, &Context)); /* cancelled: not the remover's */
    assert_int_equal(Q.Unlocked, 0);
    FreeCompleted(Second);
    assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, NULL), First);
    CompleteAndFree(First, STATUS_SUCCESS);
}

SIM_TEST(AnIrpCancelledBeforeInsertIsCompletedNotQueued)
{
    NewQueue(FALSE);
    PIRP Irp = HeldIrp(NULL);
    assert_false(IoCancelIrp(Irp)); /* not cancelable yet: only marked */
    IoCsqInsertIrp(&Q.Csq, Irp, NULL);
    assert_int_equal(Q.Inserts, 0);
    assert_int_equal(Queued(), 0);
    assert_int_equal(Q.Completed, 1);
    assert_ptr_equal(Q.LastCompleted, Irp);
    FreeCompleted(Irp);
}

SIM_TEST(InsertExReturnsTheDriversStatus)
{
    /*   CsqInsertIrpEx returns   IoCsqInsertIrpEx   queued   pending   cancelable
     *   STATUS_SUCCESS           STATUS_SUCCESS     yes      yes       yes
     *   STATUS_UNSUCCESSFUL      STATUS_UNSUCCESSFUL no      no        no            */
    static const NTSTATUS Statuses[] = {STATUS_SUCCESS, STATUS_UNSUCCESSFUL};
    for (size_t i = 0; i < RTL_NUMBER_OF(Statuses); i++) {
        NewQueue(TRUE);
        Q.InsertStatus = Statuses[i];
        PIRP Irp = HeldIrp(NULL);
        int InsertContext;
        assert_int_equal(IoCsqInsertIrpEx(&Q.Csq, Irp, NULL, &InsertContext), Statuses[i]);
        assert_ptr_equal(Q.LastInsertContext, &InsertContext);
        BOOLEAN Accepted = NT_SUCCESS(Statuses[i]);
        assert_int_equal(Queued(), Accepted ? 1 : 0);
        assert_int_equal((IoGetCurrentIrpStackLocation(Irp)->Control & SL_PENDING_RETURNED) != 0,
                         Accepted);
        assert_int_equal(Irp->CancelRoutine != NULL, Accepted);
        assert_int_equal(Q.Unlocked, 0);
        if (Accepted) {
            assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, NULL), Irp);
        }
        CompleteAndFree(Irp, STATUS_SUCCESS);
    }
}

/* Another processor's IoCancelIrp that has taken the routine out of X but waits for the
 * queue's lock, played in the driver's peek callback (which runs under that lock). */
static PIRP RaceIrp;
static PDRIVER_CANCEL RaceRoutine;

static PIRP NTAPI QPeekWhileXIsCancelled(PIO_CSQ Csq, PIRP Irp, PVOID PeekContext)
{
    if (RaceIrp != NULL && RaceRoutine == NULL) {
        RaceIrp->Cancel = TRUE;
        RaceRoutine = IoSetCancelRoutine(RaceIrp, NULL);
    }
    return QPeek(Csq, Irp, PeekContext);
}

static void FinishTheRacingCancel(void)
{
    assert_non_null(RaceRoutine);
    KIRQL Irql;
    IoAcquireCancelSpinLock(&Irql);
    RaceIrp->CancelIrql = Irql;
    RaceRoutine(IoGetCurrentIrpStackLocation(RaceIrp)->DeviceObject, RaceIrp);
}

SIM_TEST(RemoversSkipAnIrpWhoseCancellationHasBegun)
{
    /*   queue: [X] [Y]; X's cancel routine taken by a canceller that waits for the lock
     *   IoCsqRemoveNextIrp -> Y (X is the canceller's)   IoCsqRemoveIrp(X's context) -> NULL
     *   the canceller goes on: X removed, CsqCompleteCanceledIrp(X)                    */
    for (int ByContext = 0; ByContext < 2; ByContext++) {
        NewQueue(FALSE);
        Q.Csq.CsqPeekNextIrp = QPeekWhileXIsCancelled;
        PIRP X = HeldIrp(NULL), Y = HeldIrp(NULL);
        IO_CSQ_IRP_CONTEXT ContextX;
        IoCsqInsertIrp(&Q.Csq, X, &ContextX);
        IoCsqInsertIrp(&Q.Csq, Y, NULL);
        RaceIrp = X;
        RaceRoutine = NULL;
        if (ByContext) {
            RaceRoutine = IoSetCancelRoutine(X, NULL); /* taken before the remover locks */
            X->Cancel = TRUE;
            assert_null(IoCsqRemoveIrp(&Q.Csq, &ContextX));
        } else {
            assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, NULL), Y);
        }
        assert_int_equal(Q.Completed, 0);
        FinishTheRacingCancel();
        assert_int_equal(Q.Completed, 1);
        assert_ptr_equal(Q.LastCompleted, X);
        assert_null(ContextX.Irp);
        FreeCompleted(X);
        if (ByContext) {
            assert_ptr_equal(IoCsqRemoveNextIrp(&Q.Csq, NULL), Y);
        }
        assert_int_equal(Queued(), 0);
        CompleteAndFree(Y, STATUS_SUCCESS);
        RaceIrp = NULL;
    }
}

/* ---- IoCreateDeviceSecure ---------------------------------------------------------- */
static VOID NTAPI DeleteDevices(PDRIVER_OBJECT Driver)
{
    while (Driver->DeviceObject != NULL) {
        IoDeleteDevice(Driver->DeviceObject);
    }
}

static PDRIVER_OBJECT NewDriver(void)
{
    PDRIVER_OBJECT Driver = SimCreateDriverObject(L"SecureTest");
    assert_non_null(Driver);
    Driver->DriverUnload = DeleteDevices;
    return Driver;
}

SIM_TEST(TheLibrarysDescriptorsAreTheDocumentedSddl)
{
    static const struct {
        const UNICODE_STRING *String;
        const WCHAR *Text;
    } Rows[] = {
        {&SDDL_DEVOBJ_KERNEL_ONLY, L"D:P"},
        {&SDDL_DEVOBJ_INF_SUPPLIED, L"D:P"},
        {&SDDL_DEVOBJ_SYS_ALL, L"D:P(A;;GA;;;SY)"},
        {&SDDL_DEVOBJ_SYS_ALL_ADM_ALL, L"D:P(A;;GA;;;SY)(A;;GA;;;BA)"},
        {&SDDL_DEVOBJ_SYS_ALL_ADM_RX, L"D:P(A;;GA;;;SY)(A;;GRGX;;;BA)"},
        {&SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R, L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)"},
        {&SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R_RES_R,
         L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)(A;;GR;;;RC)"},
        {&SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R,
         L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGW;;;WD)(A;;GR;;;RC)"},
        {&SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX,
         L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGWGX;;;WD)(A;;GRGWGX;;;RC)"},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Rows); i++) {
        size_t Bytes = wcslen(Rows[i].Text) * sizeof(WCHAR);
        assert_int_equal(Rows[i].String->Length, Bytes);
        assert_memory_equal(Rows[i].String->Buffer, Rows[i].Text, Bytes);
    }
}

SIM_TEST(CreateDeviceSecureAcceptsTheDocumentedSddlSubsetOnly)
{
    static const struct {
        const WCHAR *Sddl;
        NTSTATUS Status;
    } Rows[] = {
        {L"D:P", STATUS_SUCCESS},
        {L"D:P(A;;GA;;;SY)(A;;GA;;;BA)", STATUS_SUCCESS},
        {L"D:P(A;;GRGWGXRCSDWDWO;;;AU)", STATUS_SUCCESS},
        {L"D:P(A;;0x1F01FF;;;SY)", STATUS_SUCCESS},
        {L"D:P(A;;GA;;;S-1-5-18)", STATUS_SUCCESS},
        {L"", STATUS_INVALID_PARAMETER},
        {L"D:", STATUS_INVALID_PARAMETER},                   /* not protected */
        {L"O:BAD:P(A;;GA;;;SY)", STATUS_INVALID_PARAMETER},  /* no owner part */
        {L"D:P(D;;GA;;;SY)", STATUS_INVALID_PARAMETER},      /* allow entries only */
        {L"D:P(A;CI;GA;;;SY)", STATUS_INVALID_PARAMETER},    /* no entry flags */
        {L"D:P(A;;FA;;;SY)", STATUS_INVALID_PARAMETER},      /* not a device right */
        {L"D:P(A;;0x;;;SY)", STATUS_INVALID_PARAMETER},
        {L"D:P(A;;GA;;;XY)", STATUS_INVALID_PARAMETER},      /* no such SID name */
        {L"D:P(A;;GA;;;SY", STATUS_INVALID_PARAMETER},       /* unterminated */
    };
    PDRIVER_OBJECT Driver = NewDriver();
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\Secure");
    for (size_t i = 0; i < RTL_NUMBER_OF(Rows); i++) {
        UNICODE_STRING Sddl;
        RtlInitUnicodeString(&Sddl, Rows[i].Sddl);
        PDEVICE_OBJECT Device = (PDEVICE_OBJECT)(ULONG_PTR)1;
        NTSTATUS Status = IoCreateDeviceSecure(Driver, 16, &Name, FILE_DEVICE_UNKNOWN,
                                               FILE_DEVICE_SECURE_OPEN, FALSE, &Sddl, NULL,
                                               &Device);
        if (Status != Rows[i].Status) {
            print_error("SDDL \"%ls\": 0x%08X, expected 0x%08X\n", Rows[i].Sddl,
                        (unsigned)Status, (unsigned)Rows[i].Status);
        }
        assert_int_equal(Status, Rows[i].Status);
        if (NT_SUCCESS(Status)) {
            assert_ptr_equal(SimLookupDevice(L"\\Device\\Secure"), Device);
            assert_int_equal(Device->Characteristics, FILE_DEVICE_SECURE_OPEN);
            IoDeleteDevice(Device);
        } else {
            assert_null(Device);
            assert_null(SimLookupDevice(L"\\Device\\Secure"));
        }
    }
    assert_true(SimUnloadDriver(Driver, NULL));
}

SIM_TEST(AnUnnamedSecureDeviceNeedsAGeneratedName)
{
    PDRIVER_OBJECT Driver = NewDriver();
    PDEVICE_OBJECT Device;
    assert_int_equal(IoCreateDeviceSecure(Driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE,
                                          &SDDL_DEVOBJ_SYS_ALL, NULL, &Device),
                     STATUS_INVALID_PARAMETER);
    assert_null(Device);
    assert_int_equal(IoCreateDeviceSecure(Driver, 0, NULL, FILE_DEVICE_UNKNOWN,
                                          FILE_AUTOGENERATED_DEVICE_NAME, FALSE,
                                          &SDDL_DEVOBJ_SYS_ALL, NULL, &Device),
                     STATUS_SUCCESS);
    assert_true(Device->Flags & DO_DEVICE_HAS_NAME);
    assert_ptr_equal(SimLookupDevice(L"\\Device\\00000001"), Device);
    PDEVICE_OBJECT Second;
    assert_int_equal(IoCreateDevice(Driver, 0, NULL, FILE_DEVICE_UNKNOWN,
                                    FILE_AUTOGENERATED_DEVICE_NAME, FALSE, &Second),
                     STATUS_SUCCESS);
    assert_ptr_equal(SimLookupDevice(L"\\Device\\00000002"), Second);
    assert_true(SimUnloadDriver(Driver, NULL));
}

int main(void)
{
    return SimRunTests("cancel routines, cancel-safe queues, secure device objects", NULL,
                       NULL);
}
