/*
 * ps.c - processes and threads as objects (ps32; docs/ps.md): system threads
 * (PsCreateSystemThread, PsTerminateSystemThread), the
 * handles a thread handle needs (ObReferenceObjectByHandle, ZwClose), the
 * counts of thread and process objects (for the object front, sim/ex/object.c),
 * PsLookupProcessByProcessId,
 * PsLookupThreadByThreadId and the id queries. The notify routines are in
 * notify.c.
 *
 * A system thread is a host thread running the driver's StartRoutine at
 * PASSIVE_LEVEL with its own KTHREAD (KeGetCurrentThread returns it). Its
 * object is a dispatcher object, signalled when the thread ends: by
 * PsTerminateSystemThread (a longjmp back to the thread's base, with the
 * status) or by StartRoutine returning (STATUS_SUCCESS), as Windows' system
 * thread start-up ends a thread whose routine returns. Objects count their
 * references (the running thread holds one, each handle one, a thread object
 * one on its process until it is deleted); an object whose
 * count reaches 0 is kept, marked deleted, until the machine goes, so that one
 * dereference too many is the bug check Windows gives (0x18) and not a use of
 * freed host memory.
 *
 * Ids: one counter for processes and threads (Windows' client ids share one
 * table, multiples of 4): the System process is 4; mm's processes (SimCreateProcess)
 * get the next id when they are made. A host thread that is not a system
 * thread (a test's, a worker's) gets a thread id at its first id query.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <time.h>

#include "mi_ps.h"
#include "../host/host.h"

MI_PS MiPs = {.Mutex = PTHREAD_MUTEX_INITIALIZER};

/* The System process: PID 4, as on Windows. Never deleted. */
static struct _EPROCESS MiSystemProcess;
PEPROCESS PsInitialSystemProcess = &MiSystemProcess;
#define MI_SYSTEM_PID 4

/* The system thread this host thread runs (NULL: another host thread). */
static _Thread_local MI_PS_THREAD *MiSelf;
/* The process whose exit notify routines this host thread is calling: they
 * run "in the context of the last thread to exit from the process"
 * (PCREATE_PROCESS_NOTIFY_ROUTINE's page), so it is the current process. */
static _Thread_local PEPROCESS MiExiting;

static HANDLE MiNextIdLocked(void)
{
    MiPs.NextId += 4;
    return (HANDLE)(ULONG_PTR)MiPs.NextId;
}

/* ---------------------------------------------------------------------- */
/* Processes.                                                             */
/* ---------------------------------------------------------------------- */
static PEPROCESS MiNewProcessLocked(ULONG SimId)
{
    PEPROCESS Process = (PEPROCESS)calloc(1, sizeof(struct _EPROCESS));
    if (Process == NULL) {
        return NULL;
    }
    Process->Header.Type = MI_OBJ_PROCESS;
    Process->PointerCount = 1; /* its life */
    Process->SimId = SimId;
    Process->UniqueProcessId = MiNextIdLocked();
    Process->Next = MiPs.Processes;
    MiPs.Processes = Process;
    MiAddressSetInsert(&MiPs.ProcessSet, Process);
    return Process;
}

/* The process object of mm's process record SimId (0: System). */
static PEPROCESS MiProcessOfLocked(ULONG SimId)
{
    if (SimId == 0) {
        return &MiSystemProcess;
    }
    for (PEPROCESS Process = MiPs.Processes; Process != NULL; Process = Process->Next) {
        if (Process->SimId == SimId && !Process->Ended) {
            return Process;
        }
    }
    return NULL;
}

static PEPROCESS MiCurrentProcessLocked(void)
{
    if (MiExiting != NULL) {
        return MiExiting;
    }
    if (MiSelf != NULL) {
        return MiSelf->Process;
    }
    PEPROCESS Process = NULL;
    if (MiUser.Current != NULL) {
        Process = MiProcessOfLocked(MiUser.Current->Id);
    }
    return Process != NULL ? Process : &MiSystemProcess;
}

/* mm's hook: a process made or deleted by SimCreateProcess / SimDeleteProcess. */
static void MiOnProcess(ULONG SimId, bool Create)
{
    pthread_mutex_lock(&MiPs.Mutex);
    HANDLE Parent = MiCurrentProcessLocked()->UniqueProcessId;
    PEPROCESS Process = Create ? MiNewProcessLocked(SimId) : MiProcessOfLocked(SimId);
    if (Process != NULL && Create) {
        Process->ParentId = Parent;
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    if (Process == NULL) {
        return; /* no host memory for the object: nobody can see the process */
    }
    if (Create) {
        MiNotifyProcess(Process, Parent, true);
        return;
    }
    /* Exit: the routines run in the exiting process, which they can still look
     * up; ParentId is its parent's, as at creation (the routine type's page). */
    PEPROCESS Outer = MiExiting;
    MiExiting = Process;
    MiNotifyProcess(Process, Process->ParentId, false);
    MiExiting = Outer;
    /* Its handle table goes with it: each of its handles' references is let go. */
    PVOID Closed[MI_PS_HANDLES];
    ULONG ClosedCount = 0;
    pthread_mutex_lock(&MiPs.Mutex);
    Process->Ended = true; /* its id is free; references keep the object */
    for (ULONG i = 0; i < MI_PS_HANDLES; i++) {
        MI_PS_HANDLE *Entry = &MiPs.Handles[i];
        if (Entry->Object != NULL && !Entry->Kernel && Entry->Owner == Process) {
            Closed[ClosedCount++] = Entry->Object;
            memset(Entry, 0, sizeof(*Entry));
            MiPs.HandleCount--;
        }
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    for (ULONG i = 0; i < ClosedCount; i++) {
        (void)ObfDereferenceObject(Closed[i]);
    }
    {
        __atomic_store_n(&Process->Header.SignalState, 1, __ATOMIC_RELEASE);
        MiKeWake(&Process->Header);
        ObfDereferenceObject(Process); /* its life's reference */
    }
}

PEPROCESS IoGetCurrentProcess(VOID)
{
    MiDdiEnter(MiDdi_IoGetCurrentProcess, 0, MI_CALLER_ADDRESS());
    pthread_mutex_lock(&MiPs.Mutex);
    PEPROCESS Process = MiCurrentProcessLocked();
    pthread_mutex_unlock(&MiPs.Mutex);
    return Process;
}

/* ---------------------------------------------------------------------- */
/* Objects.                                                               */
/* ---------------------------------------------------------------------- */
/* What Object is: a thread or process object of ours, else unknown (the
 * calling host thread's own KTHREAD, or an object of another manager). */
static bool MiIsThreadLocked(PVOID Object)
{
    if (!MiPs.ThreadSet.Incomplete) {
        return MiAddressSetContains(&MiPs.ThreadSet, Object);
    }
    for (MI_PS_THREAD *Thread = MiPs.Threads; Thread != NULL; Thread = Thread->Next) {
        if ((PVOID)Thread == Object) {
            return true;
        }
    }
    return false;
}

static bool MiIsProcessLocked(PVOID Object)
{
    if (!MiPs.ProcessSet.Incomplete) {
        return MiAddressSetContains(&MiPs.ProcessSet, Object);
    }
    for (PEPROCESS Process = MiPs.Processes; Process != NULL; Process = Process->Next) {
        if (Process == Object) {
            return true;
        }
    }
    return false;
}

static POBJECT_TYPE MiTypeOfLocked(PVOID Object, LONG_PTR **Count, bool **Deleted)
{
    /* Sets, not list walks: every reference and dereference asks (mi.h). */
    if (MiIsThreadLocked(Object)) {
        MI_PS_THREAD *Thread = (MI_PS_THREAD *)Object;
        *Count = &Thread->PointerCount;
        *Deleted = &Thread->Deleted;
        return &MiThreadObjectType;
    }
    if (Object == (PVOID)&MiSystemProcess || MiIsProcessLocked(Object)) {
        PEPROCESS Process = (PEPROCESS)Object;
        *Count = &Process->PointerCount;
        *Deleted = &Process->Deleted;
        return &MiProcessObjectType;
    }
    *Count = NULL;
    *Deleted = NULL;
    if (Object == (PVOID)KeGetCurrentThread()) {
        return &MiThreadObjectType; /* lives as long as its host thread: not counted */
    }
    return NULL;
}

/* An object's count reached 0: it is deleted (kept until the machine goes,
 * see the top); a thread's object then lets its process's go. */
static void MiDeleteObjectLocked(PVOID Object, bool *Deleted)
{
    if (Object == (PVOID)&MiSystemProcess) {
        return;
    }
    *Deleted = true;
    if (MiIsThreadLocked(Object)) {
        PEPROCESS Process = ((MI_PS_THREAD *)Object)->Process;
        if (--Process->PointerCount == 0 && Process != &MiSystemProcess) {
            Process->Deleted = true;
        }
    }
}

/* ps's part of the object front (mi.h, sim/ex/object.c): thread and process
 * objects. The calling host thread's own KTHREAD (not a system thread) lives
 * as long as its host thread: claimed, not counted. */
MI_OBJECT_ANSWER MiPsAdjustObject(PVOID Object, LONG Delta, POBJECT_TYPE *Type, LONG_PTR *Count)
{
    pthread_mutex_lock(&MiPs.Mutex);
    LONG_PTR *Counter;
    bool *Deleted;
    *Type = MiTypeOfLocked(Object, &Counter, &Deleted);
    if (*Type == NULL) {
        pthread_mutex_unlock(&MiPs.Mutex);
        return MiObjectNotMine;
    }
    if (Counter == NULL) {
        pthread_mutex_unlock(&MiPs.Mutex);
        *Count = 1;
        return MiObjectCounted;
    }
    if (Delta != 0 && (*Deleted || *Counter + Delta < 0)) {
        *Count = *Counter;
        pthread_mutex_unlock(&MiPs.Mutex);
        return MiObjectWrongCount;
    }
    *Counter += Delta;
    *Count = *Counter;
    if (*Counter == 0 && Delta < 0) {
        MiDeleteObjectLocked(Object, Deleted);
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    return MiObjectCounted;
}

/* ---------------------------------------------------------------------- */
/* Handles.                                                               */
/* ---------------------------------------------------------------------- */
/* Kernel handles have the top bit set (sign-extended), as Windows' do. */
#define MI_KERNEL_HANDLE_BIT 0x80000000u

static HANDLE MiHandleValue(ULONG Index, bool Kernel)
{
    ULONG Value = (Index + 1) * 4 | (Kernel ? MI_KERNEL_HANDLE_BIT : 0);
    return (HANDLE)(LONG_PTR)(LONG)Value;
}

/* The entry Handle names in the caller's tables, or NULL. A kernel handle is
 * its slot's value with the top bit set and sign-extended; any other value is
 * a user handle of the current process: a value with bit 31 but not the high
 * bits is a user handle far beyond the table, never a kernel handle's slot. */
static MI_PS_HANDLE *MiHandleEntryLocked(HANDLE Handle)
{
    LONG_PTR Value = (LONG_PTR)Handle;
    bool Kernel = Value < 0;
    ULONG_PTR Slot = Kernel ? (ULONG_PTR)Value - (ULONG_PTR)(LONG_PTR)(LONG)MI_KERNEL_HANDLE_BIT
                            : (ULONG_PTR)Value;
    if (Slot == 0 || (Slot & 3) != 0 || Slot / 4 > MI_PS_HANDLES) {
        return NULL; /* (a kernel value below the sign-extended bit wraps past the table) */
    }
    MI_PS_HANDLE *Entry = &MiPs.Handles[Slot / 4 - 1];
    if (Entry->Object == NULL || Entry->Kernel != Kernel ||
        (!Kernel && Entry->Owner != MiCurrentProcessLocked())) {
        return NULL;
    }
    return Entry;
}

/* A new handle to Object (its reference taken by the caller); NULL if the table is full. */
static HANDLE MiNewHandleLocked(PVOID Object, ACCESS_MASK Access, bool Kernel)
{
    for (ULONG i = 0; i < MI_PS_HANDLES; i++) {
        if (MiPs.Handles[i].Object == NULL) {
            MiPs.Handles[i].Object = Object;
            MiPs.Handles[i].Access = Access;
            MiPs.Handles[i].Kernel = Kernel;
            MiPs.Handles[i].Owner = Kernel ? NULL : MiCurrentProcessLocked();
            MiPs.HandleCount++;
            return MiHandleValue(i, Kernel);
        }
    }
    return NULL;
}

NTSTATUS ObReferenceObjectByHandle(HANDLE Handle, ACCESS_MASK DesiredAccess,
                                   POBJECT_TYPE ObjectType, KPROCESSOR_MODE AccessMode,
                                   PVOID *Object, POBJECT_HANDLE_INFORMATION HandleInformation)
{
    MiDdiEnter(MiDdi_ObReferenceObjectByHandle, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Object, sizeof(*Object) - 1, true, MI_CALLER_ADDRESS());
    *Object = NULL;
    PVOID Found = NULL;
    POBJECT_TYPE Type = NULL;
    ACCESS_MASK Granted = 0;
    if (HandleInformation != NULL) {
        MiCheckDriverPointer(HandleInformation, sizeof(*HandleInformation) - 1, true,
                             MI_CALLER_ADDRESS());
    }
    LONG_PTR *Count = NULL;
    bool *Deleted = NULL;
    /* Looked up and referenced under one hold of the tables' lock: a ZwClose of the
     * last handle in between would leave a reference to a deleted object (a false
     * 0x18); Windows' handle table lock gives either the handle or none. */
    pthread_mutex_lock(&MiPs.Mutex);
    if (Handle == NtCurrentThread()) {
        Found = KeGetCurrentThread();
        Type = MiTypeOfLocked(Found, &Count, &Deleted);
        Granted = THREAD_ALL_ACCESS;
    } else if (Handle == NtCurrentProcess()) {
        Found = MiCurrentProcessLocked();
        Type = MiTypeOfLocked(Found, &Count, &Deleted);
        Granted = PROCESS_ALL_ACCESS;
    } else {
        MI_PS_HANDLE *Entry = MiHandleEntryLocked(Handle);
        /* A kernel handle is no handle at all to a user-mode caller. */
        if (Entry == NULL || (Entry->Kernel && AccessMode == UserMode)) {
            pthread_mutex_unlock(&MiPs.Mutex);
            return STATUS_INVALID_HANDLE;
        }
        Found = Entry->Object;
        Type = MiTypeOfLocked(Found, &Count, &Deleted);
        Granted = Entry->Access;
    }
    if (ObjectType != NULL && ObjectType != Type) {
        pthread_mutex_unlock(&MiPs.Mutex);
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    /* Access is checked for user-mode callers only (documented). */
    if (AccessMode == UserMode && (DesiredAccess & ~Granted) != 0) {
        pthread_mutex_unlock(&MiPs.Mutex);
        return STATUS_ACCESS_DENIED;
    }
    if (Count != NULL) {
        ++*Count; /* a handle's object is not deleted: its handle holds a reference */
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    if (HandleInformation != NULL) {
        HandleInformation->HandleAttributes = 0;
        HandleInformation->GrantedAccess = Granted;
    }
    *Object = Found;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI ZwClose(HANDLE Handle)
{
    MiDdiEnter(MiDdi_ZwClose, 0, MI_CALLER_ADDRESS());
    pthread_mutex_lock(&MiPs.Mutex);
    MI_PS_HANDLE *Entry = MiHandleEntryLocked(Handle);
    if (Entry == NULL) {
        pthread_mutex_unlock(&MiPs.Mutex);
        return STATUS_INVALID_HANDLE;
    }
    PVOID Object = Entry->Object;
    memset(Entry, 0, sizeof(*Entry));
    MiPs.HandleCount--;
    pthread_mutex_unlock(&MiPs.Mutex);
    (void)ObfDereferenceObject(Object); /* the handle's reference */
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* System threads.                                                        */
/* ---------------------------------------------------------------------- */
/* The thread's end: exit notify routines, the running thread's reference
 * dropped, then the object signalled - so that a waiter that wakes holds
 * every reference left (the memory stays until the machine goes). */
static void MiEndThread(MI_PS_THREAD *Thread, NTSTATUS Status)
{
    /* A thread must end at PASSIVE_LEVEL with normal kernel APCs enabled (no
     * critical region left open, no kernel mutex owned): else
     * KERNEL_APC_PENDING_DURING_EXIT - the APC pending (none here: 0), the
     * thread's APC disable count, the IRQL (the bug check's page). */
    KIRQL Irql = MiCurrentIrql();
    SHORT ApcDisable = Thread->Tcb.KernelApcDisable;
    if (Irql != PASSIVE_LEVEL || ApcDisable != 0) {
        KeBugCheckEx(KERNEL_APC_PENDING_DURING_EXIT, 0, (ULONG_PTR)(LONG_PTR)ApcDisable, Irql, 0);
    }
    Thread->ExitStatus = Status;
    MiNotifyThread(Thread, false);
    pthread_mutex_lock(&MiPs.Mutex);
    Thread->Ended = true;
    MiPs.Running--;
    if (--Thread->PointerCount == 0) {
        MiDeleteObjectLocked(Thread, &Thread->Deleted);
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    __atomic_store_n(&Thread->Tcb.Header.SignalState, 1, __ATOMIC_RELEASE);
    MiKeWake(&Thread->Tcb.Header);
}

static void *MiSystemThreadBase(void *Parameter)
{
    MI_PS_HOST *Host = (MI_PS_HOST *)Parameter;
    MI_PS_THREAD *Thread = Host->Thread;
    MiSelf = Thread;
    MiKeSetCurrentThread(&Thread->Tcb);
    SIM_CATCH_FRAME Frame;
    SimPushCatchFrame(&Frame, MI_FRAME_REFUSAL);
    Thread->Frame = &Frame;
    if (setjmp(Frame.Jump) != 0) {
        /* Refused: the machine stopped or went away under the thread, which
         * is abandoned as a frozen processor never finishes it. */
        MiSetIrql(PASSIVE_LEVEL);
        pthread_mutex_lock(&MiPs.Mutex);
        Thread->Ended = true;
        MiPs.Running--;
        pthread_mutex_unlock(&MiPs.Mutex);
    } else if (setjmp(Thread->Exit) != 0) {
        /* PsTerminateSystemThread: ExitStatus set, back at the base. */
        SimPopCatchFrame(&Frame);
        MiEndThread(Thread, Thread->ExitStatus);
    } else {
        Thread->StartRoutine(Thread->StartContext);
        SimPopCatchFrame(&Frame);
        MiEndThread(Thread, STATUS_SUCCESS);
    }
    MiKeSetCurrentThread(NULL);
    MiSelf = NULL;
    pthread_mutex_lock(&MiPs.Mutex);
    Host->Done = true;
    pthread_mutex_unlock(&MiPs.Mutex);
    return NULL;
}

NTSTATUS PsCreateSystemThread(PHANDLE ThreadHandle, ULONG DesiredAccess,
                              POBJECT_ATTRIBUTES ObjectAttributes, HANDLE ProcessHandle,
                              PCLIENT_ID ClientId, PKSTART_ROUTINE StartRoutine, PVOID StartContext)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_PsCreateSystemThread, 0, Caller);
    MiCheckDriverPointer(ThreadHandle, sizeof(*ThreadHandle) - 1, true, Caller);
    if (ClientId != NULL) {
        MiCheckDriverPointer(ClientId, sizeof(*ClientId) - 1, true, Caller);
    }
    bool KernelHandle = false;
    if (ObjectAttributes != NULL) {
        MiCheckDriverPointer(ObjectAttributes, sizeof(*ObjectAttributes) - 1, false, Caller);
        KernelHandle = (ObjectAttributes->Attributes & OBJ_KERNEL_HANDLE) != 0;
    }
    pthread_mutex_lock(&MiPs.Mutex);
    PEPROCESS Process = &MiSystemProcess; /* NULL: "the initial system process" */
    if (ProcessHandle == NtCurrentProcess()) {
        Process = MiCurrentProcessLocked();
    } else if (ProcessHandle != NULL) {
        MI_PS_HANDLE *Entry = MiHandleEntryLocked(ProcessHandle);
        PVOID Object = Entry != NULL ? Entry->Object : NULL;
        LONG_PTR *Count;
        bool *Deleted;
        if (Object == NULL) {
            pthread_mutex_unlock(&MiPs.Mutex);
            return STATUS_INVALID_HANDLE;
        }
        if (MiTypeOfLocked(Object, &Count, &Deleted) != &MiProcessObjectType) {
            pthread_mutex_unlock(&MiPs.Mutex);
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        Process = (PEPROCESS)Object;
    }
    /* A handle made in the System process (DriverEntry, a system thread) is
     * a kernel handle, as one with OBJ_KERNEL_HANDLE is. */
    KernelHandle = KernelHandle || MiCurrentProcessLocked() == &MiSystemProcess;
    MI_PS_THREAD *Thread = (MI_PS_THREAD *)calloc(1, sizeof(MI_PS_THREAD));
    MI_PS_HOST *Host = (MI_PS_HOST *)calloc(1, sizeof(MI_PS_HOST));
    HANDLE Handle = NULL;
    if (Thread != NULL && Host != NULL) {
        MiKeInitThread(&Thread->Tcb);
        Thread->Tcb.SystemThread = TRUE;
        Thread->Process = Process;
        Thread->StartRoutine = StartRoutine;
        Thread->StartContext = StartContext;
        Thread->PointerCount = 2; /* the running thread's and the handle's */
        Handle = MiNewHandleLocked(Thread, DesiredAccess, KernelHandle);
    }
    if (Handle != NULL) {
        Process->PointerCount++; /* the thread object's, until it is deleted */
        MiAddressSetInsert(&MiPs.ThreadSet, Thread);
    }
    if (Handle == NULL) {
        pthread_mutex_unlock(&MiPs.Mutex);
        free(Thread);
        free(Host);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Thread->Tcb.Cid.UniqueProcess = Process->UniqueProcessId;
    Thread->Tcb.Cid.UniqueThread = MiNextIdLocked();
    Thread->Next = MiPs.Threads;
    MiPs.Threads = Thread;
    Host->Thread = Thread;
    /* The thread-create notify routines run in the creator's context, before the new
     * thread runs (the routine type's page); the thread is in the tables already, so
     * a routine can look it up. */
    pthread_mutex_unlock(&MiPs.Mutex);
    MiNotifyThread(Thread, true);
    pthread_mutex_lock(&MiPs.Mutex);
    if (HostThreadCreate(&Host->Host, MiSystemThreadBase, Host) != 0) {
        for (MI_PS_THREAD **Link = &MiPs.Threads; *Link != NULL; Link = &(*Link)->Next) {
            if (*Link == Thread) {
                *Link = Thread->Next;
                break;
            }
        }
        memset(MiHandleEntryLocked(Handle), 0, sizeof(MI_PS_HANDLE));
        MiPs.HandleCount--;
        MiAddressSetRemove(&MiPs.ThreadSet, Thread);
        Process->PointerCount--;
        pthread_mutex_unlock(&MiPs.Mutex);
        free(Thread);
        free(Host);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Host->Next = MiPs.Hosts;
    MiPs.Hosts = Host;
    MiPs.Running++;
    *ThreadHandle = Handle;
    if (ClientId != NULL) {
        *ClientId = Thread->Tcb.Cid;
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    return STATUS_SUCCESS;
}

NTSTATUS PsTerminateSystemThread(NTSTATUS ExitStatus)
{
    MiDdiEnter(MiDdi_PsTerminateSystemThread, 0, MI_CALLER_ADDRESS());
    MI_PS_THREAD *Thread = MiSelf;
    if (Thread == NULL) {
        return STATUS_INVALID_PARAMETER; /* not a system thread (documented) */
    }
    Thread->ExitStatus = ExitStatus;
    /* Back to the thread's base, past whatever frames the driver pushed. */
    MiSetTopCatchFrame(Thread->Frame);
    longjmp(Thread->Exit, 1);
}

BOOLEAN PsIsSystemThread(PETHREAD Thread)
{
    MiCheckDriverPointer(Thread, 0, false, MI_CALLER_ADDRESS());
    return ((struct _KTHREAD *)Thread)->SystemThread;
}

/* ---------------------------------------------------------------------- */
/* Ids and lookups.                                                       */
/* ---------------------------------------------------------------------- */
HANDLE PsGetProcessId(PEPROCESS Process)
{
    MiCheckDriverPointer(Process, 0, false, MI_CALLER_ADDRESS());
    return Process->UniqueProcessId;
}

/* The thread's id, given at first use to a host thread that is not a system thread. */
static HANDLE MiThreadId(struct _KTHREAD *Thread)
{
    pthread_mutex_lock(&MiPs.Mutex);
    if (Thread->Cid.UniqueThread == NULL) {
        Thread->Cid.UniqueThread = MiNextIdLocked();
    }
    if (!Thread->SystemThread) {
        Thread->Cid.UniqueProcess = MiCurrentProcessLocked()->UniqueProcessId;
    }
    HANDLE Id = Thread->Cid.UniqueThread;
    pthread_mutex_unlock(&MiPs.Mutex);
    return Id;
}

HANDLE PsGetThreadId(PETHREAD Thread)
{
    MiCheckDriverPointer(Thread, 0, false, MI_CALLER_ADDRESS());
    return MiThreadId((struct _KTHREAD *)Thread);
}

HANDLE PsGetThreadProcessId(PETHREAD Thread)
{
    MiCheckDriverPointer(Thread, 0, false, MI_CALLER_ADDRESS());
    (void)MiThreadId((struct _KTHREAD *)Thread);
    return ((struct _KTHREAD *)Thread)->Cid.UniqueProcess;
}

HANDLE PsGetCurrentThreadId(VOID)
{
    return MiThreadId(KeGetCurrentThread());
}

HANDLE PsGetCurrentProcessId(VOID)
{
    pthread_mutex_lock(&MiPs.Mutex);
    HANDLE Id = MiCurrentProcessLocked()->UniqueProcessId;
    pthread_mutex_unlock(&MiPs.Mutex);
    return Id;
}

NTSTATUS PsLookupProcessByProcessId(HANDLE ProcessId, PEPROCESS *Process)
{
    MiDdiEnter(MiDdi_PsLookupProcessByProcessId, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Process, sizeof(*Process) - 1, true, MI_CALLER_ADDRESS());
    pthread_mutex_lock(&MiPs.Mutex);
    PEPROCESS Found = NULL;
    if (ProcessId == MiSystemProcess.UniqueProcessId) {
        Found = &MiSystemProcess;
    }
    for (PEPROCESS Each = MiPs.Processes; Found == NULL && Each != NULL; Each = Each->Next) {
        if (Each->UniqueProcessId == ProcessId && !Each->Ended) {
            Found = Each;
        }
    }
    if (Found != NULL) {
        Found->PointerCount++;
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    if (Found == NULL) {
        return STATUS_INVALID_PARAMETER; /* no such process (documented) */
    }
    *Process = Found;
    return STATUS_SUCCESS;
}

NTSTATUS PsLookupThreadByThreadId(HANDLE ThreadId, PETHREAD *Thread)
{
    MiDdiEnter(MiDdi_PsLookupThreadByThreadId, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Thread, sizeof(*Thread) - 1, true, MI_CALLER_ADDRESS());
    pthread_mutex_lock(&MiPs.Mutex);
    MI_PS_THREAD *Found = NULL;
    for (MI_PS_THREAD *Each = MiPs.Threads; Each != NULL; Each = Each->Next) {
        /* An ended thread's id is gone, though references keep its object. */
        if (Each->Tcb.Cid.UniqueThread == ThreadId && !Each->Ended && !Each->Deleted) {
            Found = Each;
            break;
        }
    }
    if (Found != NULL) {
        Found->PointerCount++;
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    if (Found == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    *Thread = (PETHREAD)Found;
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Machine lifetime.                                                      */
/* ---------------------------------------------------------------------- */
static void MiJoinDoneLocked(void)
{
    for (MI_PS_HOST **Link = &MiPs.Hosts; *Link != NULL;) {
        MI_PS_HOST *Host = *Link;
        if (!Host->Done) {
            Link = &Host->Next;
            continue;
        }
        *Link = Host->Next;
        pthread_mutex_unlock(&MiPs.Mutex);
        HostThreadJoin(&Host->Host);
        free(Host);
        pthread_mutex_lock(&MiPs.Mutex);
        Link = &MiPs.Hosts; /* the list may have changed meanwhile */
    }
}

void MiStopSystemThreads(void)
{
    pthread_mutex_lock(&MiPs.Mutex);
    for (;;) {
        MiJoinDoneLocked();
        if (MiPs.Hosts == NULL) {
            break;
        }
        /* A thread still runs: end its machine's waits again (it may have
         * begun a new one after the caller ended them) and look again. A
         * routine that never waits keeps the reset waiting, as a work
         * routine does. */
        pthread_mutex_unlock(&MiPs.Mutex);
        MiEndMachineWaits();
        struct timespec Pause = {0, 1000000};
        nanosleep(&Pause, NULL);
        pthread_mutex_lock(&MiPs.Mutex);
    }
    pthread_mutex_unlock(&MiPs.Mutex);
}

/* The fork happens with MiPs.Mutex held, so the child's copy of the tables
 * is consistent: a step of the executive's fork sequence (mi.h), after the
 * simulator's lock, which MiPsInit holds when it takes this one. */
void MiPsForkStep(MI_FORK_STEP Step)
{
    MiForkStepMutex(&MiPs.Mutex, Step);
    if (Step != MiForkStepChild) {
        return;
    }
    /* The child has none of the parent's host threads: nothing to join, and
     * none runs here (the unload check must not count them). */
    while (MiPs.Hosts != NULL) {
        MI_PS_HOST *Host = MiPs.Hosts;
        MiPs.Hosts = Host->Next;
        free(Host);
    }
    for (MI_PS_THREAD *Thread = MiPs.Threads; Thread != NULL; Thread = Thread->Next) {
        Thread->Forked = !Thread->Ended;
    }
    MiPs.Running = 0;
}

/* At exit: the host threads of system threads that have ended are joined
 * (one still running is the driver's, reported by the unload check). */
static void MiPsJoinEndedAtExit(void)
{
    pthread_mutex_lock(&MiPs.Mutex);
    MiJoinDoneLocked();
    pthread_mutex_unlock(&MiPs.Mutex);
}

static pthread_once_t MiPsOnce = PTHREAD_ONCE_INIT;
static void MiPsOnceInit(void)
{
    atexit(MiPsJoinEndedAtExit);
}

static NTSTATUS MiPsInit(const SIM_CONFIG *Config)
{
    (void)Config;
    pthread_once(&MiPsOnce, MiPsOnceInit);
    MiProcessNotifyHook = MiOnProcess;
    pthread_mutex_lock(&MiPs.Mutex);
    memset(&MiSystemProcess, 0, sizeof(MiSystemProcess));
    MiSystemProcess.Header.Type = MI_OBJ_PROCESS;
    MiSystemProcess.PointerCount = 1;
    MiSystemProcess.UniqueProcessId = (HANDLE)(ULONG_PTR)MI_SYSTEM_PID;
    MiPs.NextId = 0x100; /* ids from 0x104: below are Windows' idle and System */
    /* The machine's first process exists before any driver: no notification. */
    if (MiUser.Initial != NULL) {
        (void)MiNewProcessLocked(MiUser.Initial->Id);
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    MiNotifyReset();
    return STATUS_SUCCESS;
}

static void MiPsTeardown(void)
{
    /* MiStopSystemThreads ran first: no system thread runs. */
    pthread_mutex_lock(&MiPs.Mutex);
    while (MiPs.Threads != NULL) {
        MI_PS_THREAD *Thread = MiPs.Threads;
        MiPs.Threads = Thread->Next;
        free(Thread);
    }
    while (MiPs.Processes != NULL) {
        PEPROCESS Process = MiPs.Processes;
        MiPs.Processes = Process->Next;
        free(Process);
    }
    memset(MiPs.Handles, 0, sizeof(MiPs.Handles));
    MiPs.HandleCount = 0;
    MiAddressSetClear(&MiPs.ThreadSet);
    MiAddressSetClear(&MiPs.ProcessSet);
    MiPs.Running = 0;
    pthread_mutex_unlock(&MiPs.Mutex);
    MiNotifyReset();
}

static bool MiPsIsClean(char *Report, size_t Size)
{
    MI_PS_LEFT Left;
    MiPsQueryLeft(&Left);
    if (Left.Threads == 0 && Left.NotifyRoutines == 0) {
        return true;
    }
    MiAppend(Report, Size, "system threads running: %llu; notify routines registered: %llu\n",
             (unsigned long long)Left.Threads, (unsigned long long)Left.NotifyRoutines);
    return false;
}

const MI_SUBSYSTEM MiPsSubsystem = {"processes and threads", MiPsInit, MiPsTeardown,
                                    MiPsIsClean};

void MiPsQueryLeft(MI_PS_LEFT *Left)
{
    memset(Left, 0, sizeof(*Left));
    pthread_mutex_lock(&MiPs.Mutex);
    for (MI_PS_THREAD *Thread = MiPs.Threads; Thread != NULL; Thread = Thread->Next) {
        if (!Thread->Ended && !Thread->Forked) {
            Left->Threads++;
            Left->FirstThreadRoutine = (ULONG_PTR)(void *)Thread->StartRoutine;
        }
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    MiNotifyQueryLeft(Left);
}
