/*
 * test_ps.c - processes and threads as a specification (docs/ps.md):
 * system threads, thread handles and references, the notify routines, the
 * lookups.
 *
 *   driver (PASSIVE_LEVEL)                         system thread (PASSIVE_LEVEL)
 *   PsCreateSystemThread(&h, .., Start, Ctx) ───> thread-create notify routines
 *   ObReferenceObjectByHandle(h, *PsThreadType)    Start(Ctx)
 *   ZwClose(h)                                      PsTerminateSystemThread(s) | return
 *   KeWaitForSingleObject(thread) <─── signalled ── thread-exit notify routines
 *   ObDereferenceObject(thread)
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include <mmsim_cmocka.h>

typedef struct _RUN {
    KEVENT Go;              /* the thread waits for it (if Wait) */
    bool Wait;
    bool Terminate;         /* ends with PsTerminateSystemThread(Status) */
    NTSTATUS Status;
    atomic_int Irql;        /* seen inside the thread */
    PKTHREAD Self;
    HANDLE ThreadId, ProcessId;
    NTSTATUS TerminateOutside; /* PsTerminateSystemThread from a non-system thread */
} RUN;

static VOID StartRoutine(PVOID Context)
{
    RUN *Run = (RUN *)Context;
    atomic_store(&Run->Irql, KeGetCurrentIrql());
    Run->Self = KeGetCurrentThread();
    Run->ThreadId = PsGetCurrentThreadId();
    Run->ProcessId = PsGetCurrentProcessId();
    if (Run->Wait) {
        (void)KeWaitForSingleObject(&Run->Go, Executive, KernelMode, FALSE, NULL);
    }
    if (Run->Terminate) {
        (void)PsTerminateSystemThread(Run->Status);
        fail_msg("PsTerminateSystemThread returned");
    }
}

static PVOID StartAndReference(RUN *Run, PHANDLE Handle, PCLIENT_ID Cid)
{
    OBJECT_ATTRIBUTES Attributes;
    InitializeObjectAttributes(&Attributes, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    assert_int_equal(PsCreateSystemThread(Handle, THREAD_ALL_ACCESS, &Attributes, NULL, Cid,
                                          StartRoutine, Run),
                     STATUS_SUCCESS);
    PVOID Thread = NULL;
    assert_int_equal(ObReferenceObjectByHandle(*Handle, THREAD_ALL_ACCESS, *PsThreadType,
                                               KernelMode, &Thread, NULL),
                     STATUS_SUCCESS);
    return Thread;
}

/* A system thread runs its routine at PASSIVE_LEVEL on a thread of its own,
 * in the System process (PID 4); its object, referenced through the handle,
 * is the thread's KTHREAD, signalled when the routine returns; ClientId
 * names it. The two ways to end, and the wait: */
SIM_TEST(SystemThreadRunsAndItsObjectIsSignalledAtTheEnd)
{
    static const struct {
        bool Terminate;
        NTSTATUS Status;
    } Ends[] = {
        {false, STATUS_SUCCESS},          /* StartRoutine returns */
        {true, STATUS_SUCCESS},           /* PsTerminateSystemThread */
        {true, STATUS_UNSUCCESSFUL},      /* ... with any status */
    };
    for (size_t i = 0; i < sizeof(Ends) / sizeof(Ends[0]); i++) {
        RUN Run;
        memset(&Run, 0, sizeof(Run));
        KeInitializeEvent(&Run.Go, NotificationEvent, FALSE);
        Run.Wait = true;
        Run.Terminate = Ends[i].Terminate;
        Run.Status = Ends[i].Status;
        atomic_store(&Run.Irql, -1);
        HANDLE Handle = NULL;
        CLIENT_ID Cid = {0};
        PVOID Thread = StartAndReference(&Run, &Handle, &Cid);
        assert_true((LONG_PTR)Handle < 0); /* a kernel handle */
        assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
        /* Not signalled while it waits. */
        LARGE_INTEGER Zero = {.QuadPart = 0};
        assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, &Zero),
                         STATUS_TIMEOUT);
        KeSetEvent(&Run.Go, 0, FALSE);
        assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, NULL),
                         STATUS_SUCCESS);
        assert_int_equal(atomic_load(&Run.Irql), PASSIVE_LEVEL);
        assert_ptr_equal(Run.Self, Thread);
        assert_ptr_equal(Run.ThreadId, Cid.UniqueThread);
        assert_ptr_equal(Cid.UniqueProcess, (HANDLE)4);
        assert_ptr_equal(Run.ProcessId, (HANDLE)4);
        assert_ptr_equal(PsGetThreadId((PETHREAD)Thread), Cid.UniqueThread);
        assert_true(PsIsSystemThread((PETHREAD)Thread));
        ObDereferenceObject(Thread);
    }
}

/* PsTerminateSystemThread from a thread that is not a system thread. */
SIM_TEST(TerminateFromANonSystemThreadIsInvalidParameter)
{
    assert_int_equal(PsTerminateSystemThread(STATUS_SUCCESS), STATUS_INVALID_PARAMETER);
    assert_false(PsIsSystemThread(PsGetCurrentThread()));
}

static VOID QuickRoutine(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
}

/* Handles and references, misused:
 *   handle                      type           mode        -> status
 *   the thread's kernel handle  *PsThreadType  KernelMode  -> STATUS_SUCCESS
 *   the thread's kernel handle  *PsProcessType KernelMode  -> STATUS_OBJECT_TYPE_MISMATCH
 *   the thread's kernel handle  *PsThreadType  UserMode    -> STATUS_INVALID_HANDLE
 *     (OBJ_KERNEL_HANDLE: the harness runs in a user process, whose handles
 *     are user handles otherwise)
 *   a closed handle             *PsThreadType  KernelMode  -> STATUS_INVALID_HANDLE
 *   NtCurrentThread()           *PsThreadType  KernelMode  -> the caller's KTHREAD
 *   NtCurrentProcess()          *PsProcessType KernelMode  -> the current process */
SIM_TEST(HandleMisuseGetsTheDocumentedStatus)
{
    HANDLE Handle;
    OBJECT_ATTRIBUTES Attributes;
    InitializeObjectAttributes(&Attributes, NULL, OBJ_KERNEL_HANDLE, NULL, NULL);
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, &Attributes, NULL, NULL,
                                          QuickRoutine, NULL),
                     STATUS_SUCCESS);
    PVOID Object = (PVOID)1;
    assert_int_equal(ObReferenceObjectByHandle(Handle, 0, *PsProcessType, KernelMode, &Object,
                                               NULL),
                     STATUS_OBJECT_TYPE_MISMATCH);
    assert_null(Object);
    assert_int_equal(ObReferenceObjectByHandle(Handle, 0, *PsThreadType, UserMode, &Object, NULL),
                     STATUS_INVALID_HANDLE);
    OBJECT_HANDLE_INFORMATION Info;
    assert_int_equal(ObReferenceObjectByHandle(Handle, SYNCHRONIZE, *PsThreadType, KernelMode,
                                               &Object, &Info),
                     STATUS_SUCCESS);
    assert_int_equal(Info.GrantedAccess, THREAD_ALL_ACCESS);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    assert_int_equal(ZwClose(Handle), STATUS_INVALID_HANDLE);
    PVOID Again = NULL;
    assert_int_equal(ObReferenceObjectByHandle(Handle, 0, *PsThreadType, KernelMode, &Again, NULL),
                     STATUS_INVALID_HANDLE);
    assert_int_equal(KeWaitForSingleObject(Object, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    ObDereferenceObject(Object);

    PVOID Self = NULL;
    assert_int_equal(ObReferenceObjectByHandle(NtCurrentThread(), 0, *PsThreadType, KernelMode,
                                               &Self, NULL),
                     STATUS_SUCCESS);
    assert_ptr_equal(Self, KeGetCurrentThread());
    ObDereferenceObject(Self);
    PVOID Process = NULL;
    assert_int_equal(ObReferenceObjectByHandle(NtCurrentProcess(), 0, *PsProcessType, KernelMode,
                                               &Process, NULL),
                     STATUS_SUCCESS);
    assert_ptr_equal(Process, PsGetCurrentProcess());
    ObDereferenceObject(Process);
}

/* One ObDereferenceObject too many: REFERENCE_BY_POINTER (0x18), P1 the
 * object's type, P2 the object. */
SIM_TEST(DereferencingOnceTooOftenIsBugCheck0x18)
{
    HANDLE Handle;
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, NULL,
                                          QuickRoutine, NULL),
                     STATUS_SUCCESS);
    PVOID Thread = NULL;
    assert_int_equal(ObReferenceObjectByHandle(Handle, 0, *PsThreadType, KernelMode, &Thread, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    ObDereferenceObject(Thread); /* the last reference */
    SIM_EXPECT_BUGCHECK4(REFERENCE_BY_POINTER, (ULONG_PTR)*PsThreadType, (ULONG_PTR)Thread, SIM_ANY,
                         SIM_ANY, ObDereferenceObject(Thread));
}

/* The IRQL rules: PsCreateSystemThread and ObReferenceObjectByHandle at
 * PASSIVE_LEVEL only (the DDI compliance rules IrqlPsPassive 0x2001C and
 * IrqlObPassive 0x2001B: 0xC4, rule, IRQL, 0), the lookups up to APC_LEVEL
 * (0xA, mmsim's code for DDIs without a Verifier code of their own). */
SIM_TEST(CreatingAThreadAbovePassiveIsIrqlPsPassive)
{
    KIRQL Old;
    HANDLE Handle;
    KeRaiseIrql(APC_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x2001C, SIM_ANY, APC_LEVEL, 0,
                         (void)PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, NULL,
                                                    QuickRoutine, NULL));
}

SIM_TEST(LookupAtDispatchIsBugCheck0xA)
{
    KIRQL Old;
    PETHREAD Thread;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(IRQL_NOT_LESS_OR_EQUAL, 0,
                        (void)PsLookupThreadByThreadId((HANDLE)0x104, &Thread));
}

/* Lookups: a running thread by its id, the System process by 4, each
 * referenced; an id that names nothing (or names a process, for the thread
 * lookup), STATUS_INVALID_PARAMETER. */
SIM_TEST(LookupsReturnReferencedObjectsOrInvalidParameter)
{
    RUN Run;
    memset(&Run, 0, sizeof(Run));
    KeInitializeEvent(&Run.Go, NotificationEvent, FALSE);
    Run.Wait = true;
    HANDLE Handle;
    CLIENT_ID Cid;
    PVOID Object = StartAndReference(&Run, &Handle, &Cid);
    PETHREAD Thread = NULL;
    assert_int_equal(PsLookupThreadByThreadId(Cid.UniqueThread, &Thread), STATUS_SUCCESS);
    assert_ptr_equal(Thread, Object);
    ObDereferenceObject(Thread);
    PEPROCESS System = NULL;
    assert_int_equal(PsLookupProcessByProcessId((HANDLE)4, &System), STATUS_SUCCESS);
    assert_ptr_equal(System, PsInitialSystemProcess);
    assert_ptr_equal(PsGetProcessId(System), (HANDLE)4);
    ObDereferenceObject(System);

    PETHREAD None = NULL;
    PEPROCESS NoProcess = NULL;
    assert_int_equal(PsLookupThreadByThreadId((HANDLE)0x7FFC, &None), STATUS_INVALID_PARAMETER);
    assert_int_equal(PsLookupThreadByThreadId((HANDLE)4, &None), STATUS_INVALID_PARAMETER);
    assert_int_equal(PsLookupProcessByProcessId(Cid.UniqueThread, &NoProcess),
                     STATUS_INVALID_PARAMETER);

    KeSetEvent(&Run.Go, 0, FALSE);
    assert_int_equal(KeWaitForSingleObject(Object, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    /* An ended thread's id names nothing. */
    assert_int_equal(PsLookupThreadByThreadId(Cid.UniqueThread, &None), STATUS_INVALID_PARAMETER);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    ObDereferenceObject(Object);
}

/* A driver unloaded with its system thread still running: the thread
 * would run unloaded code - DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS
 * (0xCE), P1 and P3 the thread's routine. The reset that follows ends the
 * thread in its wait. */
SIM_TEST(UnloadWithASystemThreadRunningIsBugCheck0xCE)
{
    static RUN Run;
    memset(&Run, 0, sizeof(Run));
    KeInitializeEvent(&Run.Go, NotificationEvent, FALSE);
    Run.Wait = true;
    HANDLE Handle;
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, NULL,
                                          StartRoutine, &Run),
                     STATUS_SUCCESS);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK4(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS,
                         (ULONG_PTR)(void *)StartRoutine, 0, (ULONG_PTR)(void *)StartRoutine, 0,
                         (void)SimDriverUnload(NULL));
}

/* A reset with a system thread waiting ends it (no host thread is left
 * behind) and the next machine has none. */
SIM_TEST(ResetEndsAWaitingSystemThread)
{
    static RUN Run;
    memset(&Run, 0, sizeof(Run));
    KeInitializeEvent(&Run.Go, NotificationEvent, FALSE);
    Run.Wait = true;
    HANDLE Handle;
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, NULL,
                                          StartRoutine, &Run),
                     STATUS_SUCCESS);
    SimReset();
    SIM_UNLOAD_REPORT Report;
    assert_true(SimDriverUnload(&Report));
    assert_int_equal(Report.SystemThreads, 0);
}

/* ---------------------------------------------------------------------- */
/* Notify routines.                                                       */
/* ---------------------------------------------------------------------- */
typedef struct _EVENT_RECORD {
    int Count;
    HANDLE ProcessId, ThreadId, ParentId;
    BOOLEAN Create;
    KIRQL Irql;
    BOOLEAN ApcsDisabled;
    BOOLEAN InThread; /* the routine ran on the thread it is told of */
    BOOLEAN HadInfo;
} EVENT_RECORD;

static EVENT_RECORD ProcessEvents[2]; /* [0] exit, [1] create */
static EVENT_RECORD ThreadEvents[2];
static EVENT_RECORD ImageEvents;

static VOID OnProcess(HANDLE ParentId, HANDLE ProcessId, BOOLEAN Create)
{
    EVENT_RECORD *Record = &ProcessEvents[Create ? 1 : 0];
    Record->Count++;
    Record->ParentId = ParentId;
    Record->ProcessId = ProcessId;
    Record->Irql = KeGetCurrentIrql();
    Record->ApcsDisabled = KeAreApcsDisabled();
}

static VOID OnProcessEx(PEPROCESS Process, HANDLE ProcessId, PPS_CREATE_NOTIFY_INFO Info)
{
    EVENT_RECORD *Record = &ProcessEvents[Info != NULL ? 1 : 0];
    Record->Count++;
    Record->ProcessId = ProcessId;
    Record->HadInfo = Info != NULL;
    assert_ptr_equal(PsGetProcessId(Process), ProcessId);
    if (Info != NULL) {
        Record->ParentId = Info->ParentProcessId;
        assert_int_equal(Info->Size, sizeof(*Info));
        assert_non_null(Info->ImageFileName);
    }
}

static VOID OnThread(HANDLE ProcessId, HANDLE ThreadId, BOOLEAN Create)
{
    EVENT_RECORD *Record = &ThreadEvents[Create ? 1 : 0];
    Record->Count++;
    Record->ProcessId = ProcessId;
    Record->ThreadId = ThreadId;
    Record->Irql = KeGetCurrentIrql();
    /* Creation in the creator's context, exit in the ending thread's. */
    Record->InThread = PsGetCurrentThreadId() == ThreadId;
}

static VOID OnImage(PUNICODE_STRING FullImageName, HANDLE ProcessId, PIMAGE_INFO ImageInfo)
{
    ImageEvents.Count++;
    ImageEvents.ProcessId = ProcessId;
    ImageEvents.Irql = KeGetCurrentIrql();
    assert_non_null(FullImageName);
    assert_int_equal(ImageInfo->SystemModeImage, 1);
}

/* Registration statuses:
 *   call                                        -> status
 *   PsSetCreateProcessNotifyRoutine(R, FALSE)   -> STATUS_SUCCESS
 *   ... again                                   -> STATUS_INVALID_PARAMETER (already registered)
 *   PsSetCreateProcessNotifyRoutine(R, TRUE)    -> STATUS_SUCCESS
 *   ... again                                   -> STATUS_INVALID_PARAMETER (not registered)
 *   PsRemoveCreateThreadNotifyRoutine(unknown)  -> STATUS_PROCEDURE_NOT_FOUND
 *   PsRemoveLoadImageNotifyRoutine(unknown)     -> STATUS_PROCEDURE_NOT_FOUND */
SIM_TEST(NotifyRegistrationStatuses)
{
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, FALSE), STATUS_SUCCESS);
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, FALSE), STATUS_INVALID_PARAMETER);
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, TRUE), STATUS_SUCCESS);
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, TRUE), STATUS_INVALID_PARAMETER);
    assert_int_equal(PsSetCreateProcessNotifyRoutineEx(OnProcessEx, TRUE),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(PsRemoveCreateThreadNotifyRoutine(OnThread), STATUS_PROCEDURE_NOT_FOUND);
    assert_int_equal(PsRemoveLoadImageNotifyRoutine(OnImage), STATUS_PROCEDURE_NOT_FOUND);
}

/* The process table holds 64 routines (Windows Vista and later); the 65th
 * is refused with STATUS_INVALID_PARAMETER. The routines are distinct
 * addresses here: one routine registered through the plain and the Ex form. */
SIM_TEST(TheProcessNotifyTableHolds64)
{
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, FALSE), STATUS_SUCCESS);
    assert_int_equal(PsSetCreateProcessNotifyRoutineEx(OnProcessEx, FALSE), STATUS_SUCCESS);
    /* Thread and image tables: 64 each, duplicates allowed, the 65th refused. */
    for (int i = 0; i < 64; i++) {
        assert_int_equal(PsSetCreateThreadNotifyRoutine(OnThread), STATUS_SUCCESS);
    }
    assert_int_equal(PsSetCreateThreadNotifyRoutine(OnThread), STATUS_INSUFFICIENT_RESOURCES);
    for (int i = 0; i < 64; i++) {
        assert_int_equal(PsRemoveCreateThreadNotifyRoutine(OnThread), STATUS_SUCCESS);
    }
    assert_int_equal(PsRemoveCreateThreadNotifyRoutine(OnThread), STATUS_PROCEDURE_NOT_FOUND);
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, TRUE), STATUS_SUCCESS);
    assert_int_equal(PsSetCreateProcessNotifyRoutineEx(OnProcessEx, TRUE), STATUS_SUCCESS);
}

/* Thread routines see a system thread's creation (in the creating thread) and
 * its exit (in that thread), at PASSIVE_LEVEL, with its ids. */
SIM_TEST(ThreadNotifyRoutinesSeeSystemThreads)
{
    memset(ThreadEvents, 0, sizeof(ThreadEvents));
    assert_int_equal(PsSetCreateThreadNotifyRoutine(OnThread), STATUS_SUCCESS);
    HANDLE Handle;
    CLIENT_ID Cid;
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, &Cid,
                                          QuickRoutine, NULL),
                     STATUS_SUCCESS);
    PVOID Thread;
    assert_int_equal(ObReferenceObjectByHandle(Handle, 0, *PsThreadType, KernelMode, &Thread, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    ObDereferenceObject(Thread);
    for (int Create = 0; Create < 2; Create++) {
        assert_int_equal(ThreadEvents[Create].Count, 1);
        assert_ptr_equal(ThreadEvents[Create].ThreadId, Cid.UniqueThread);
        assert_ptr_equal(ThreadEvents[Create].ProcessId, (HANDLE)4);
        assert_int_equal(ThreadEvents[Create].Irql, PASSIVE_LEVEL);
        assert_int_equal(ThreadEvents[Create].InThread, !Create);
    }
    assert_int_equal(PsRemoveCreateThreadNotifyRoutine(OnThread), STATUS_SUCCESS);
}

/* Process routines (plain and Ex) see SimCreateProcess and SimDeleteProcess:
 * creation with the creator as parent and, for Ex, a PS_CREATE_NOTIFY_INFO;
 * exit with none; in a critical region. The new process is found by its
 * id until it ends. */
SIM_TEST(ProcessNotifyRoutinesSeeSimulatedProcesses)
{
    memset(ProcessEvents, 0, sizeof(ProcessEvents));
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, FALSE), STATUS_SUCCESS);
    HANDLE Sim = SimCreateProcess();
    if (Sim == NULL) {
        assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, TRUE), STATUS_SUCCESS);
        return; /* no user address space on this host */
    }
    assert_int_equal(ProcessEvents[1].Count, 1);
    assert_ptr_equal(ProcessEvents[1].ParentId, PsGetCurrentProcessId());
    assert_int_equal(ProcessEvents[1].Irql, PASSIVE_LEVEL);
    assert_true(ProcessEvents[1].ApcsDisabled);
    HANDLE Pid = ProcessEvents[1].ProcessId;
    PEPROCESS Process = NULL;
    assert_int_equal(PsLookupProcessByProcessId(Pid, &Process), STATUS_SUCCESS);
    assert_ptr_equal(PsGetProcessId(Process), Pid);
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcess, TRUE), STATUS_SUCCESS);
    assert_int_equal(PsSetCreateProcessNotifyRoutineEx(OnProcessEx, FALSE), STATUS_SUCCESS);
    assert_int_equal(SimDeleteProcess(Sim), STATUS_SUCCESS);
    assert_int_equal(ProcessEvents[0].Count, 1);
    assert_ptr_equal(ProcessEvents[0].ProcessId, Pid);
    assert_false(ProcessEvents[0].HadInfo);
    /* Ended: signalled, its id names nothing, the reference still good. */
    assert_int_equal(KeWaitForSingleObject(Process, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    PEPROCESS Gone = NULL;
    assert_int_equal(PsLookupProcessByProcessId(Pid, &Gone), STATUS_INVALID_PARAMETER);
    ObDereferenceObject(Process);
    assert_int_equal(PsSetCreateProcessNotifyRoutineEx(OnProcessEx, TRUE), STATUS_SUCCESS);
}

/* SimRaiseLoadImage calls every image routine with its arguments. */
SIM_TEST(SimRaiseLoadImageCallsImageRoutines)
{
    memset(&ImageEvents, 0, sizeof(ImageEvents));
    assert_int_equal(PsSetLoadImageNotifyRoutine(OnImage), STATUS_SUCCESS);
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\SystemRoot\\System32\\drivers\\x.sys");
    IMAGE_INFO Info;
    memset(&Info, 0, sizeof(Info));
    Info.SystemModeImage = 1;
    Info.ImageBase = (PVOID)0x10000;
    Info.ImageSize = 0x2000;
    SimRaiseLoadImage(&Name, (HANDLE)0, &Info);
    assert_int_equal(ImageEvents.Count, 1);
    assert_int_equal(ImageEvents.Irql, PASSIVE_LEVEL);
    assert_int_equal(PsRemoveLoadImageNotifyRoutine(OnImage), STATUS_SUCCESS);
    SimRaiseLoadImage(&Name, (HANDLE)0, &Info);
    assert_int_equal(ImageEvents.Count, 1); /* removed: not called */
}

/* A notify routine left registered at unload: the unloaded code would be
 * called - 0xCE with the routine. */
SIM_TEST(UnloadWithANotifyRoutineRegisteredIsBugCheck0xCE)
{
    assert_int_equal(PsSetLoadImageNotifyRoutine(OnImage), STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK4(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS,
                         (ULONG_PTR)(void *)OnImage, 0, (ULONG_PTR)(void *)OnImage, 0,
                         (void)SimDriverUnload(NULL));
}

int main(void)
{
    return SimRunTests("processes and threads", NULL, NULL);
}
