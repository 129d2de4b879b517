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
#include <unistd.h>

#include <mmsim_cmocka.h>

typedef struct _RUN {
    KEVENT Started;         /* set by the thread before it waits */
    KEVENT Go;              /* the thread waits for it (if Wait) */
    bool Wait;
    bool Terminate;         /* ends with PsTerminateSystemThread(Status) */
    NTSTATUS Status;
    atomic_int Irql;        /* seen inside the thread */
    PKTHREAD Self;
    PEPROCESS Process;      /* PsGetCurrentProcess() inside the thread */
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
    Run->Process = PsGetCurrentProcess();
    KeSetEvent(&Run->Started, 0, FALSE);
    if (Run->Wait) {
        (void)KeWaitForSingleObject(&Run->Go, Executive, KernelMode, FALSE, NULL);
    }
    if (Run->Terminate) {
        (void)PsTerminateSystemThread(Run->Status);
        fail_msg("PsTerminateSystemThread returned");
    }
}

/* The one way these tests start a system thread: Run (zeroed here, then
 * Terminate and Status as given) runs StartRoutine, which records what it
 * sees and waits for Run->Go; returns once it waits, with its handle
 * (Attributes: OBJ_KERNEL_HANDLE or 0) in the process ProcessHandle names. */
static HANDLE StartWaitingThread(RUN *Run, ULONG Attributes, HANDLE ProcessHandle, PCLIENT_ID Cid)
{
    bool Terminate = Run->Terminate;
    NTSTATUS Status = Run->Status;
    memset(Run, 0, sizeof(*Run));
    KeInitializeEvent(&Run->Started, NotificationEvent, FALSE);
    KeInitializeEvent(&Run->Go, NotificationEvent, FALSE);
    Run->Wait = true;
    Run->Terminate = Terminate;
    Run->Status = Status;
    atomic_store(&Run->Irql, -1);
    OBJECT_ATTRIBUTES Attr;
    InitializeObjectAttributes(&Attr, NULL, Attributes, NULL, NULL);
    HANDLE Handle = NULL;
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, &Attr, ProcessHandle, Cid,
                                          StartRoutine, Run),
                     STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(&Run->Started, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    return Handle;
}

static PVOID ReferenceThread(HANDLE Handle)
{
    PVOID Thread = NULL;
    assert_int_equal(ObReferenceObjectByHandle(Handle, THREAD_ALL_ACCESS, *PsThreadType,
                                               KernelMode, &Thread, NULL),
                     STATUS_SUCCESS);
    return Thread;
}

/* Lets the thread go and waits for its end. */
static void FinishThread(RUN *Run, PVOID Thread)
{
    KeSetEvent(&Run->Go, 0, FALSE);
    assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
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
        RUN Run = {.Terminate = Ends[i].Terminate, .Status = Ends[i].Status};
        CLIENT_ID Cid = {0};
        HANDLE Handle = StartWaitingThread(&Run, OBJ_KERNEL_HANDLE, NULL, &Cid);
        PVOID Thread = ReferenceThread(Handle);
        assert_true((LONG_PTR)Handle < 0); /* a kernel handle */
        assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
        /* Not signalled while it waits. */
        LARGE_INTEGER Zero = {.QuadPart = 0};
        assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, &Zero),
                         STATUS_TIMEOUT);
        FinishThread(&Run, Thread);
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
    RUN Run = {0};
    CLIENT_ID Cid;
    HANDLE Handle = StartWaitingThread(&Run, OBJ_KERNEL_HANDLE, NULL, &Cid);
    PVOID Object = ReferenceThread(Handle);
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

    FinishThread(&Run, Object);
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
    assert_int_equal(ZwClose(StartWaitingThread(&Run, 0, NULL, NULL)), STATUS_SUCCESS);
    SIM_EXPECT_BUGCHECK4(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS,
                         (ULONG_PTR)(void *)StartRoutine, 0, (ULONG_PTR)(void *)StartRoutine, 0,
                         (void)SimDriverUnload(NULL));
}

/* A reset with a system thread waiting ends it (no host thread is left
 * behind) and the next machine has none. */
SIM_TEST(ResetEndsAWaitingSystemThread)
{
    static RUN Run;
    (void)StartWaitingThread(&Run, 0, NULL, NULL);
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

/* ---------------------------------------------------------------------- */
/* Review of ps32: the thread's process, its end, handles, forks.         */
/* ---------------------------------------------------------------------- */
/* A thread's object holds a reference on its process's: the process object
 * outlives the process's end while a thread object of it is left (Windows
 * keeps a process object until its last thread object is gone). Here a
 * system thread made in a user process, which is then deleted:
 *
 *   after SimDeleteProcess     ObReferenceObject(thread's process) -> counted
 *   after the thread object's last reference goes
 *                               one dereference too many           -> 0x18 */
SIM_TEST(ASystemThreadKeepsItsProcessObject)
{
    HANDLE Sim = SimCreateProcess();
    if (Sim == NULL) {
        return; /* no user address space on this host */
    }
    assert_int_equal(SimAttachProcess(Sim), STATUS_SUCCESS);
    RUN Run = {0};
    HANDLE Handle = StartWaitingThread(&Run, OBJ_KERNEL_HANDLE, NtCurrentProcess(), NULL);
    assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
    PVOID Thread = ReferenceThread(Handle);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    PEPROCESS Process = Run.Process;
    assert_ptr_not_equal(Process, PsInitialSystemProcess);
    assert_int_equal(SimDeleteProcess(Sim), STATUS_SUCCESS);
    ObReferenceObject(Process); /* the thread's reference keeps it */
    FinishThread(&Run, Thread);
    ObReferenceObject(Process);
    ObDereferenceObject(Process);
    ObDereferenceObject(Thread); /* the thread object goes, and its reference */
    ObDereferenceObject(Process); /* the last */
    SIM_EXPECT_BUGCHECK4(REFERENCE_BY_POINTER, (ULONG_PTR)*PsProcessType, (ULONG_PTR)Process, 0,
                         0, ObDereferenceObject(Process));
}

/* Handles belong to a table: a kernel handle (top bit set, sign-extended) to
 * the System process's, any other to the current process's. A value that
 * differs from a handle in any bit names nothing else:
 *
 *   value                                        -> status
 *   the user handle U                            -> STATUS_SUCCESS
 *   U | 0x80000000, zero-extended (64-bit)       -> STATUS_INVALID_HANDLE
 *   the kernel handle K                          -> STATUS_SUCCESS
 *   K with bit 31 cleared (64-bit: high bits set) -> STATUS_INVALID_HANDLE
 *   K's low 32 bits, zero-extended (64-bit)      -> STATUS_INVALID_HANDLE
 *   U from another process (attached)            -> STATUS_INVALID_HANDLE */
SIM_TEST(HandleValuesNameOneHandleOfOneTable)
{
    RUN UserRun = {0}, KernelRun = {0};
    HANDLE User = StartWaitingThread(&UserRun, 0, NULL, NULL);
    HANDLE Kernel = StartWaitingThread(&KernelRun, OBJ_KERNEL_HANDLE, NULL, NULL);
    assert_true((LONG_PTR)Kernel < 0);
    ULONG_PTR U = (ULONG_PTR)User, K = (ULONG_PTR)Kernel;
    const bool Wide = sizeof(HANDLE) > 4;
    const struct {
        bool Applies;
        ULONG_PTR Value;
        NTSTATUS Status;
    } Rows[] = {
        {(LONG_PTR)User > 0, U, STATUS_SUCCESS},
        {Wide && (LONG_PTR)User > 0, U | 0x80000000u, STATUS_INVALID_HANDLE},
        {true, K, STATUS_SUCCESS},
        {Wide, K & ~(ULONG_PTR)0x80000000u, STATUS_INVALID_HANDLE},
        {Wide, K & 0xFFFFFFFFu, STATUS_INVALID_HANDLE},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        if (!Rows[i].Applies) {
            continue;
        }
        PVOID Object = NULL;
        NTSTATUS Status = ObReferenceObjectByHandle((HANDLE)Rows[i].Value, 0, *PsThreadType,
                                                    KernelMode, &Object, NULL);
        if (Status != Rows[i].Status) {
            fail_msg("row %zu: handle %#llx: status %#lx, expected %#lx", i,
                     (unsigned long long)Rows[i].Value, (unsigned long)Status,
                     (unsigned long)Rows[i].Status);
        }
        if (Object != NULL) {
            ObDereferenceObject(Object);
        }
    }
    HANDLE Sim = (LONG_PTR)User > 0 ? SimCreateProcess() : NULL;
    if (Sim != NULL) {
        assert_int_equal(SimAttachProcess(Sim), STATUS_SUCCESS);
        PVOID Object = NULL;
        assert_int_equal(ObReferenceObjectByHandle(User, 0, *PsThreadType, KernelMode, &Object,
                                                   NULL),
                         STATUS_INVALID_HANDLE);
        assert_int_equal(ZwClose(User), STATUS_INVALID_HANDLE);
        assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
        assert_int_equal(SimDeleteProcess(Sim), STATUS_SUCCESS);
    }
    PVOID UserThread = ReferenceThread(User), KernelThread = ReferenceThread(Kernel);
    assert_int_equal(ZwClose(User), STATUS_SUCCESS);
    assert_int_equal(ZwClose(Kernel), STATUS_SUCCESS);
    FinishThread(&UserRun, UserThread);
    FinishThread(&KernelRun, KernelThread);
    ObDereferenceObject(UserThread);
    ObDereferenceObject(KernelThread);
}

/* A process's handle table goes with the process: SimDeleteProcess lets go of
 * the references its user handles held, so the thread object below has only
 * the test's own reference left. */
SIM_TEST(AProcessExitClosesItsHandles)
{
    HANDLE Sim = SimCreateProcess();
    if (Sim == NULL) {
        return; /* no user address space on this host */
    }
    assert_int_equal(SimAttachProcess(Sim), STATUS_SUCCESS);
    RUN Run = {0};
    HANDLE Handle = StartWaitingThread(&Run, 0, NULL, NULL);
    assert_true((LONG_PTR)Handle > 0); /* Sim's */
    PVOID Thread = ReferenceThread(Handle);
    assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
    assert_int_equal(SimDeleteProcess(Sim), STATUS_SUCCESS);
    FinishThread(&Run, Thread);
    ObDereferenceObject(Thread); /* the last */
    SIM_EXPECT_BUGCHECK4(REFERENCE_BY_POINTER, (ULONG_PTR)*PsThreadType, (ULONG_PTR)Thread, 0, 0,
                         ObDereferenceObject(Thread));
}

/* The process-exit notify routine runs "in the context of the last thread to
 * exit from the process" (PCREATE_PROCESS_NOTIFY_ROUTINE's page): the process
 * is current and can still be looked up; ParentId is its parent's id, at exit
 * as at creation. */
static struct {
    HANDLE ParentId, CurrentId;
    NTSTATUS Lookup;
    PEPROCESS Found;
} ExitSeen;

static VOID OnProcessExit(HANDLE ParentId, HANDLE ProcessId, BOOLEAN Create)
{
    if (Create) {
        return;
    }
    ExitSeen.ParentId = ParentId;
    ExitSeen.CurrentId = PsGetCurrentProcessId();
    PEPROCESS Process = NULL;
    ExitSeen.Lookup = PsLookupProcessByProcessId(ProcessId, &Process);
    ExitSeen.Found = Process;
    if (NT_SUCCESS(ExitSeen.Lookup)) {
        ObDereferenceObject(Process);
    }
}

SIM_TEST(ProcessExitNotifyRunsInTheExitingProcess)
{
    memset(&ExitSeen, 0, sizeof(ExitSeen));
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcessExit, FALSE), STATUS_SUCCESS);
    HANDLE Sim = SimCreateProcess();
    if (Sim != NULL) {
        HANDLE Creator = PsGetCurrentProcessId();
        assert_int_equal(SimAttachProcess(Sim), STATUS_SUCCESS);
        HANDLE Pid = PsGetCurrentProcessId();
        PEPROCESS Process = PsGetCurrentProcess();
        assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
        assert_int_equal(SimDeleteProcess(Sim), STATUS_SUCCESS);
        assert_ptr_equal(ExitSeen.ParentId, Creator);
        assert_ptr_equal(ExitSeen.CurrentId, Pid);
        assert_int_equal(ExitSeen.Lookup, STATUS_SUCCESS);
        assert_ptr_equal(ExitSeen.Found, Process);
        assert_ptr_equal(PsGetCurrentProcessId(), Creator); /* back in the caller's */
    }
    assert_int_equal(PsSetCreateProcessNotifyRoutine(OnProcessExit, TRUE), STATUS_SUCCESS);
}

#if SIM_HAVE_DEATH_TESTS
static void WaitOutsideTheMachine(void)
{
    for (;;) {
        sleep(1);
    }
}

/* A forked child (SimRunChild) runs none of its parent's system threads: its
 * unload check finds none running. */
static void UnloadInChild(void *Context)
{
    (void)Context;
    exit(SimDriverUnload(NULL) ? 0 : 1);
}

SIM_TEST(AForkedChildRunsNoneOfItsParentsSystemThreads)
{
    RUN Run = {0};
    HANDLE Handle = StartWaitingThread(&Run, OBJ_KERNEL_HANDLE, NULL, NULL);
    PVOID Thread = ReferenceThread(Handle);
    SIM_CHILD Child;
    assert_true(SimRunChild(UnloadInChild, NULL, 60, &Child));
    FinishThread(&Run, Thread);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    ObDereferenceObject(Thread);
    SIM_EXPECT_CHILD_EXIT(&Child, 0);
}

/* A system thread that ends - its routine returns or it calls
 * PsTerminateSystemThread - with normal kernel APCs disabled (a critical
 * region, a kernel mutex owned) or above PASSIVE_LEVEL (a spin lock, a fast
 * mutex held): KERNEL_APC_PENDING_DURING_EXIT (0x20), P1 the APC pending (none:
 * 0), P2 the thread's APC disable count (-1: one left disabled), P3 the IRQL
 * (the bug check's page). The stop is on the system thread: uncaught.
 *
 *   ends by     holding                 -> P2  P3 */
static KSPIN_LOCK ExitSpinLock;
static FAST_MUTEX ExitFastMutex;
static KMUTEX ExitMutex;

static VOID ReturnsHoldingASpinLock(PVOID Context)
{
    (void)Context;
    KIRQL Old;
    KeAcquireSpinLock(&ExitSpinLock, &Old);
}

static VOID ReturnsHoldingAFastMutex(PVOID Context)
{
    (void)Context;
    ExAcquireFastMutex(&ExitFastMutex);
}

static VOID ReturnsInACriticalRegion(PVOID Context)
{
    (void)Context;
    KeEnterCriticalRegion();
}

static VOID ReturnsOwningAMutex(PVOID Context)
{
    (void)Context;
    (void)KeWaitForSingleObject(&ExitMutex, Executive, KernelMode, FALSE, NULL);
}

static VOID TerminatesInACriticalRegion(PVOID Context)
{
    (void)Context;
    KeEnterCriticalRegion();
    (void)PsTerminateSystemThread(STATUS_SUCCESS);
}

static const struct {
    PKSTART_ROUTINE Routine;
    LONG_PTR ApcDisable;
    KIRQL Irql;
} ExitRows[] = {
    {ReturnsHoldingASpinLock, 0, DISPATCH_LEVEL},
    {ReturnsHoldingAFastMutex, 0, APC_LEVEL},
    {ReturnsInACriticalRegion, -1, PASSIVE_LEVEL},
    {ReturnsOwningAMutex, -1, PASSIVE_LEVEL},
    {TerminatesInACriticalRegion, -1, PASSIVE_LEVEL},
};

static void EndsBadly(void *Context)
{
    size_t Row = *(size_t *)Context;
    KeInitializeSpinLock(&ExitSpinLock);
    ExInitializeFastMutex(&ExitFastMutex);
    KeInitializeMutex(&ExitMutex, 0);
    HANDLE Handle;
    if (PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, NULL, ExitRows[Row].Routine,
                             NULL) != STATUS_SUCCESS) {
        exit(1);
    }
    WaitOutsideTheMachine();
}

SIM_TEST(ASystemThreadEndingWithApcsDisabledIsBugCheck0x20)
{
    for (size_t Row = 0; Row < sizeof(ExitRows) / sizeof(ExitRows[0]); Row++) {
        SIM_CHILD Child;
        assert_true(SimRunChild(EndsBadly, &Row, 60, &Child));
        SIM_EXPECT_CHILD_BUGCHECK(&Child, KERNEL_APC_PENDING_DURING_EXIT, 0,
                                  (ULONG_PTR)ExitRows[Row].ApcDisable, ExitRows[Row].Irql, 0);
    }
}
#endif

int main(void)
{
    return SimRunTests("processes and threads", NULL, NULL);
}
