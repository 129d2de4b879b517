/*
 * exmore.c - executive callback objects, one-time initialisation
 * (RTL_RUN_ONCE), further executive routines and the Verifier queries
 * (docs/ex-sync.md).
 */
#include <pthread.h>
#include <stdlib.h>

#include "../mi.h"
#include "../host/host.h"

/* ---------------------------------------------------------------------- */
/* Callback objects                                                       */
/* ---------------------------------------------------------------------- */
#define MI_CALLBACK_NAME 64 /* WCHARs of a name kept */

typedef struct _MI_CALLBACK_REGISTRATION {
    struct _MI_CALLBACK_REGISTRATION *Next;
    struct _CALLBACK_OBJECT *Object;
    PCALLBACK_FUNCTION Function;
    PVOID Context;
} MI_CALLBACK_REGISTRATION;

struct _CALLBACK_OBJECT {
    struct _CALLBACK_OBJECT *Next;
    WCHAR Name[MI_CALLBACK_NAME];
    USHORT NameLength; /* WCHARs; 0: unnamed */
    bool AllowMultiple;
    MI_CALLBACK_REGISTRATION *Registrations;
};

static struct {
    pthread_mutex_t Mutex;
    struct _CALLBACK_OBJECT *Objects; /* this machine's */
} MiCallbacks = {.Mutex = PTHREAD_MUTEX_INITIALIZER};

/* fork(): held across it, so the child's copy of the records is whole and
 * its lock free (sim/ex/work.c, MiExForkSteps). */
void MiCallbacksForkStep(MI_FORK_STEP Step)
{
    MiForkStepMutex(&MiCallbacks.Mutex, Step);
}

static WCHAR MiUpcase(WCHAR c)
{
    return (c >= L'a' && c <= L'z') ? (WCHAR)(c - (L'a' - L'A')) : c;
}

static struct _CALLBACK_OBJECT *MiFindCallbackLocked(const WCHAR *Name, USHORT Length)
{
    for (struct _CALLBACK_OBJECT *o = MiCallbacks.Objects; o != NULL; o = o->Next) {
        if (o->NameLength != Length || Length == 0) {
            continue;
        }
        USHORT i = 0;
        while (i < Length && MiUpcase(o->Name[i]) == MiUpcase(Name[i])) {
            i++;
        }
        if (i == Length) {
            return o;
        }
    }
    return NULL;
}

static struct _CALLBACK_OBJECT *MiNewCallbackLocked(const WCHAR *Name, USHORT Length,
                                                    bool AllowMultiple)
{
    struct _CALLBACK_OBJECT *Object =
        (struct _CALLBACK_OBJECT *)calloc(1, sizeof(struct _CALLBACK_OBJECT));
    if (Object == NULL) {
        return NULL;
    }
    memcpy(Object->Name, Name, Length * sizeof(WCHAR));
    Object->NameLength = Length;
    Object->AllowMultiple = AllowMultiple;
    Object->Next = MiCallbacks.Objects;
    MiCallbacks.Objects = Object;
    return Object;
}

NTSTATUS NTAPI ExCreateCallback(PCALLBACK_OBJECT *CallbackObject,
                                POBJECT_ATTRIBUTES ObjectAttributes, BOOLEAN Create,
                                BOOLEAN AllowMultipleCallbacks)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExCreateCallback, 0, Caller);
    MiCheckDriverPointer(CallbackObject, 0, true, Caller);
    MiCheckDriverPointer(ObjectAttributes, 0, false, Caller);
    PUNICODE_STRING Name = ObjectAttributes->ObjectName;
    USHORT Length = Name != NULL ? (USHORT)(Name->Length / sizeof(WCHAR)) : 0;
    if (Length > MI_CALLBACK_NAME) {
        return STATUS_OBJECT_NAME_INVALID; /* mmsim: names are kept to 64 characters */
    }
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    struct _CALLBACK_OBJECT *Object = MiFindCallbackLocked(Length != 0 ? Name->Buffer : NULL, Length);
    NTSTATUS Status = STATUS_SUCCESS;
    if (Object == NULL) {
        if (!Create) {
            Status = STATUS_OBJECT_NAME_NOT_FOUND;
        } else {
            Object = MiNewCallbackLocked(Length != 0 ? Name->Buffer : NULL, Length,
                                         AllowMultipleCallbacks != FALSE);
            Status = Object != NULL ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
    *CallbackObject = NT_SUCCESS(Status) ? Object : NULL;
    return Status;
}

PVOID NTAPI ExRegisterCallback(PCALLBACK_OBJECT CallbackObject, PCALLBACK_FUNCTION CallbackFunction,
                               PVOID CallbackContext)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExRegisterCallback, 0, Caller);
    MiCheckDriverPointer(CallbackObject, 0, true, Caller);
    MI_CALLBACK_REGISTRATION *Registration =
        (MI_CALLBACK_REGISTRATION *)calloc(1, sizeof(MI_CALLBACK_REGISTRATION));
    if (Registration == NULL) {
        return NULL;
    }
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    if (!CallbackObject->AllowMultiple && CallbackObject->Registrations != NULL) {
        MiUnlockForDriverAccess(&MiCallbacks.Mutex);
        free(Registration);
        return NULL; /* the object allows one registration */
    }
    Registration->Object = CallbackObject;
    Registration->Function = CallbackFunction;
    Registration->Context = CallbackContext;
    MI_CALLBACK_REGISTRATION **Tail = &CallbackObject->Registrations;
    while (*Tail != NULL) {
        Tail = &(*Tail)->Next;
    }
    *Tail = Registration; /* called in registration order */
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
    return Registration;
}

VOID NTAPI ExUnregisterCallback(PVOID CbRegistration)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExUnregisterCallback, 0, Caller);
    MiCheckDriverPointer(CbRegistration, 0, true, Caller);
    MI_CALLBACK_REGISTRATION *Registration = (MI_CALLBACK_REGISTRATION *)CbRegistration;
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    bool Found = false;
    for (struct _CALLBACK_OBJECT *o = MiCallbacks.Objects; o != NULL && !Found; o = o->Next) {
        for (MI_CALLBACK_REGISTRATION **r = &o->Registrations; *r != NULL; r = &(*r)->Next) {
            if (*r == Registration) {
                *r = Registration->Next;
                Found = true;
                break;
            }
        }
    }
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
    if (!Found) {
        /* not a live registration: the access Windows' unlinking makes */
        MiNullAccess(sizeof(PVOID), true, Caller);
    }
    free(Registration);
}

VOID NTAPI ExNotifyCallback(PCALLBACK_OBJECT CallbackObject, PVOID Argument1, PVOID Argument2)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExNotifyCallback, 0, Caller);
    MiCheckDriverPointer(CallbackObject, 0, false, Caller);
    /* A snapshot, so that a callback may register or unregister. */
    MI_CALLBACK_REGISTRATION Calls[64];
    ULONG Count = 0;
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    for (MI_CALLBACK_REGISTRATION *r = CallbackObject->Registrations; r != NULL && Count < 64;
         r = r->Next) {
        Calls[Count++] = *r;
    }
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
    for (ULONG i = 0; i < Count; i++) {
        Calls[i].Function(Calls[i].Context, Argument1, Argument2);
    }
}

static void MiCreateSystemCallback(const WCHAR *Name)
{
    USHORT Length = 0;
    while (Name[Length] != 0) {
        Length++;
    }
    (void)MiNewCallbackLocked(Name, Length, true);
}

static NTSTATUS MiCallbackInit(const SIM_CONFIG *Config)
{
    (void)Config;
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    MiCreateSystemCallback(L"\\Callback\\SetSystemTime");
    MiCreateSystemCallback(L"\\Callback\\PowerState");
    MiCreateSystemCallback(L"\\Callback\\ProcessorAdd");
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
    return STATUS_SUCCESS;
}

static void MiCallbackTeardown(void)
{
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    while (MiCallbacks.Objects != NULL) {
        struct _CALLBACK_OBJECT *Object = MiCallbacks.Objects;
        MiCallbacks.Objects = Object->Next;
        while (Object->Registrations != NULL) {
            MI_CALLBACK_REGISTRATION *r = Object->Registrations;
            Object->Registrations = r->Next;
            free(r);
        }
        free(Object);
    }
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
}

/* A registration left at unload would call into an unloaded driver. */
static bool MiCallbackIsClean(char *Report, size_t Size)
{
    ULONG Count = 0;
    MiLockForDriverAccess(&MiCallbacks.Mutex);
    for (struct _CALLBACK_OBJECT *o = MiCallbacks.Objects; o != NULL; o = o->Next) {
        for (MI_CALLBACK_REGISTRATION *r = o->Registrations; r != NULL; r = r->Next) {
            Count++;
        }
    }
    MiUnlockForDriverAccess(&MiCallbacks.Mutex);
    if (Count != 0) {
        MiAppend(Report, Size, "%lu callback registration(s) not unregistered\n",
                 (unsigned long)Count);
    }
    return Count == 0;
}

const MI_SUBSYSTEM MiCallbackSubsystem = {"callbacks", MiCallbackInit, MiCallbackTeardown,
                                          MiCallbackIsClean};

/* ---------------------------------------------------------------------- */
/* RTL_RUN_ONCE: Ptr is 0 (not done), 1 (being initialised, synchronous),  */
/* 3 (being initialised, asynchronous) or Context | 2 (done).              */
/* ---------------------------------------------------------------------- */
#define MI_ONCE_SYNC ((ULONG_PTR)1)
#define MI_ONCE_ASYNC ((ULONG_PTR)3)
#define MI_ONCE_DONE ((ULONG_PTR)2)
#define MI_ONCE_STATE(v) ((v) & 3)

static ULONG_PTR MiOnceLoad(PRTL_RUN_ONCE RunOnce)
{
    return (ULONG_PTR)__atomic_load_n(&RunOnce->Ptr, __ATOMIC_ACQUIRE);
}

static bool MiOnceNotBusy(void *Context)
{
    return MiOnceLoad((PRTL_RUN_ONCE)Context) != MI_ONCE_SYNC;
}

VOID NTAPI RtlRunOnceInitialize(PRTL_RUN_ONCE RunOnce)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_RtlRunOnceInitialize, 0, Caller);
    MiCheckDriverPointer(RunOnce, 0, true, Caller);
    __atomic_store_n(&RunOnce->Ptr, NULL, __ATOMIC_RELEASE);
}

static NTSTATUS MiOnceBegin(PRTL_RUN_ONCE RunOnce, ULONG Flags, PVOID *Context)
{
    if ((Flags & ~(RTL_RUN_ONCE_CHECK_ONLY | RTL_RUN_ONCE_ASYNC)) != 0 ||
        Flags == (RTL_RUN_ONCE_CHECK_ONLY | RTL_RUN_ONCE_ASYNC)) {
        return STATUS_INVALID_PARAMETER_2;
    }
    bool Async = (Flags & RTL_RUN_ONCE_ASYNC) != 0;
    for (;;) {
        ULONG_PTR Value = MiOnceLoad(RunOnce);
        if (MI_ONCE_STATE(Value) == MI_ONCE_DONE) {
            if (Context != NULL) {
                *Context = (PVOID)(Value & ~(ULONG_PTR)3);
            }
            return STATUS_SUCCESS;
        }
        if ((Flags & RTL_RUN_ONCE_CHECK_ONLY) != 0) {
            return STATUS_UNSUCCESSFUL;
        }
        if (Value == 0) {
            ULONG_PTR Expected = 0;
            if (__atomic_compare_exchange_n((ULONG_PTR *)&RunOnce->Ptr, &Expected,
                                            Async ? MI_ONCE_ASYNC : MI_ONCE_SYNC, false,
                                            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
                return STATUS_PENDING; /* the caller initialises */
            }
            continue;
        }
        if (Value == MI_ONCE_ASYNC) {
            /* asynchronous callers all initialise; a synchronous one may not mix in */
            return Async ? STATUS_PENDING : STATUS_INVALID_PARAMETER_1;
        }
        if (Async) {
            return STATUS_INVALID_PARAMETER_1;
        }
        /* another thread initialises synchronously: wait for it */
        (void)MiParkUntilFor("RtlRunOnceBeginInitialize", RunOnce, MiOnceNotBusy, RunOnce, -1);
    }
}

static NTSTATUS MiOnceComplete(PRTL_RUN_ONCE RunOnce, ULONG Flags, PVOID Context)
{
    if ((Flags & ~(RTL_RUN_ONCE_ASYNC | RTL_RUN_ONCE_INIT_FAILED)) != 0 ||
        Flags == (RTL_RUN_ONCE_ASYNC | RTL_RUN_ONCE_INIT_FAILED)) {
        return STATUS_INVALID_PARAMETER_2;
    }
    if (((ULONG_PTR)Context & 3) != 0) {
        return STATUS_INVALID_PARAMETER_3; /* the low RTL_RUN_ONCE_CTX_RESERVED_BITS are the system's */
    }
    bool Async = (Flags & RTL_RUN_ONCE_ASYNC) != 0;
    ULONG_PTR Expected = Async ? MI_ONCE_ASYNC : MI_ONCE_SYNC;
    ULONG_PTR New = (Flags & RTL_RUN_ONCE_INIT_FAILED) != 0 ? 0 : ((ULONG_PTR)Context | MI_ONCE_DONE);
    if (!__atomic_compare_exchange_n((ULONG_PTR *)&RunOnce->Ptr, &Expected, New, false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        /* another asynchronous initialiser finished first; or nothing was begun */
        return Async && MI_ONCE_STATE(Expected) == MI_ONCE_DONE ? STATUS_OBJECT_NAME_COLLISION
                                                                 : STATUS_UNSUCCESSFUL;
    }
    MiUnparkAll(RunOnce);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlRunOnceBeginInitialize(PRTL_RUN_ONCE RunOnce, ULONG Flags, PVOID *Context)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_RtlRunOnceBeginInitialize, 0, Caller);
    MiCheckDriverPointer(RunOnce, 0, true, Caller);
    return MiOnceBegin(RunOnce, Flags, Context);
}

NTSTATUS NTAPI RtlRunOnceComplete(PRTL_RUN_ONCE RunOnce, ULONG Flags, PVOID Context)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_RtlRunOnceComplete, 0, Caller);
    MiCheckDriverPointer(RunOnce, 0, true, Caller);
    return MiOnceComplete(RunOnce, Flags, Context);
}

NTSTATUS NTAPI RtlRunOnceExecuteOnce(PRTL_RUN_ONCE RunOnce, PRTL_RUN_ONCE_INIT_FN InitFn,
                                     PVOID Parameter, PVOID *Context)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_RtlRunOnceExecuteOnce, 0, Caller);
    MiCheckDriverPointer(RunOnce, 0, true, Caller);
    PVOID Result = NULL;
    NTSTATUS Status = MiOnceBegin(RunOnce, 0, &Result);
    if (Status == STATUS_PENDING) {
        if (InitFn(RunOnce, Parameter, &Result)) {
            Status = MiOnceComplete(RunOnce, 0, Result);
        } else {
            (void)MiOnceComplete(RunOnce, RTL_RUN_ONCE_INIT_FAILED, NULL);
            Status = STATUS_UNSUCCESSFUL;
        }
    }
    if (NT_SUCCESS(Status) && Context != NULL) {
        *Context = Result;
    }
    return Status;
}

/* ---------------------------------------------------------------------- */
/* Further executive routines                                             */
/* ---------------------------------------------------------------------- */
KPROCESSOR_MODE NTAPI ExGetPreviousMode(VOID)
{
    MiDdiEnter(MiDdi_ExGetPreviousMode, 0, MI_CALLER_ADDRESS());
    return KernelMode; /* the driver code runs on system threads */
}

/* splitmix64 over a counter seeded from the host: distinct values from
 * every call of every thread (not the machine's seed: UUIDs are unique,
 * not reproducible, on Windows too). */
static ULONG64 MiUuidRandom(void)
{
    static uint64_t State;
    uint64_t Expected = 0;
    (void)__atomic_compare_exchange_n(&State, &Expected, HostRandomSeed() | 1, false,
                                      __ATOMIC_RELAXED, __ATOMIC_RELAXED);
    uint64_t z = __atomic_add_fetch(&State, 0x9E3779B97F4A7C15ull, __ATOMIC_RELAXED);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

NTSTATUS NTAPI ExUuidCreate(UUID *Uuid)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExUuidCreate, 0, Caller);
    MiCheckDriverPointer(Uuid, 0, true, Caller);
    UCHAR Bytes[16];
    for (int Half = 0; Half < 2; Half++) {
        ULONG64 Word = MiUuidRandom();
        memcpy(Bytes + 8 * Half, &Word, 8);
    }
    memcpy(Uuid, Bytes, sizeof(*Uuid));
    Uuid->Data3 = (USHORT)((Uuid->Data3 & 0x0FFF) | 0x4000); /* version 4: random */
    Uuid->Data4[0] = (UCHAR)((Uuid->Data4[0] & 0x3F) | 0x80); /* RFC 4122 variant */
    return STATUS_SUCCESS;
}

/* The simulated machine's time zone is UTC: local time is system time. */
VOID NTAPI ExLocalTimeToSystemTime(PLARGE_INTEGER LocalTime, PLARGE_INTEGER SystemTime)
{
    MiDdiEnter(MiDdi_ExLocalTimeToSystemTime, 0, MI_CALLER_ADDRESS());
    *SystemTime = *LocalTime;
}

VOID NTAPI ExSystemTimeToLocalTime(PLARGE_INTEGER SystemTime, PLARGE_INTEGER LocalTime)
{
    MiDdiEnter(MiDdi_ExSystemTimeToLocalTime, 0, MI_CALLER_ADDRESS());
    *LocalTime = *SystemTime;
}

VOID NTAPI ExRaiseAccessViolation(VOID)
{
    MiDdiEnter(MiDdi_ExRaiseAccessViolation, 0, MI_CALLER_ADDRESS());
    ExRaiseStatus(STATUS_ACCESS_VIOLATION);
}

VOID NTAPI ExRaiseDatatypeMisalignment(VOID)
{
    MiDdiEnter(MiDdi_ExRaiseDatatypeMisalignment, 0, MI_CALLER_ADDRESS());
    ExRaiseStatus(STATUS_DATATYPE_MISALIGNMENT);
}

/* Quota allocations: mmsim charges no quota; a failure raises
 * STATUS_INSUFFICIENT_RESOURCES unless the type has
 * POOL_QUOTA_FAIL_INSTEAD_OF_RAISE (Microsoft's ExAllocatePoolWithQuotaTag). */
static PVOID MiAllocateWithQuota(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    ULONG Type = (ULONG)PoolType;
    bool FailInstead = (Type & POOL_QUOTA_FAIL_INSTEAD_OF_RAISE) != 0;
    Type &= ~(ULONG)POOL_QUOTA_FAIL_INSTEAD_OF_RAISE;
    if (!FailInstead) {
        Type |= POOL_RAISE_IF_ALLOCATION_FAILURE;
    }
    return ExAllocatePoolWithTag((POOL_TYPE)Type, NumberOfBytes, Tag);
}

PVOID NTAPI ExAllocatePoolWithQuotaTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    MiDdiEnter(MiDdi_ExAllocatePoolWithQuotaTag, 0, MI_CALLER_ADDRESS());
    return MiAllocateWithQuota(PoolType, NumberOfBytes, Tag);
}

PVOID NTAPI ExAllocatePoolWithQuota(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    MiDdiEnter(MiDdi_ExAllocatePoolWithQuota, 0, MI_CALLER_ADDRESS());
    return MiAllocateWithQuota(PoolType, NumberOfBytes, 'enoN'); /* "None", as ExAllocatePool */
}

/* ---------------------------------------------------------------------- */
/* Verifier queries: a strict machine is one under Driver Verifier, with   */
/* with its IRQL checks and pool tracking.                                */
/* ---------------------------------------------------------------------- */
static ULONG MiVerifierFlags(void)
{
    return DRIVER_VERIFIER_FORCE_IRQL_CHECKING | DRIVER_VERIFIER_TRACK_POOL_ALLOCATIONS;
}

NTSTATUS NTAPI MmIsVerifierEnabled(PULONG VerifierFlags)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmIsVerifierEnabled, 0, Caller);
    MiCheckDriverPointer(VerifierFlags, 0, true, Caller);
    if (!MiConfig.Strict) {
        *VerifierFlags = 0;
        return STATUS_NOT_SUPPORTED;
    }
    *VerifierFlags = MiVerifierFlags();
    return STATUS_SUCCESS;
}

LOGICAL NTAPI MmIsDriverVerifying(struct _DRIVER_OBJECT *DriverObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmIsDriverVerifying, 0, Caller);
    MiCheckDriverPointer(DriverObject, 0, false, Caller);
    return MiConfig.Strict ? TRUE : FALSE; /* the one driver under test */
}

LOGICAL NTAPI MmIsDriverVerifyingByAddress(PVOID AddressWithinSection)
{
    MiDdiEnter(MiDdi_MmIsDriverVerifyingByAddress, 0, MI_CALLER_ADDRESS());
    return MiConfig.Strict && AddressWithinSection != NULL ? TRUE : FALSE;
}

NTSTATUS NTAPI MmAddVerifierThunks(PVOID ThunkBuffer, ULONG ThunkBufferSize)
{
    MiDdiEnter(MiDdi_MmAddVerifierThunks, 0, MI_CALLER_ADDRESS());
    (void)ThunkBuffer;
    (void)ThunkBufferSize;
    return STATUS_NOT_SUPPORTED; /* drivers are linked into the program: nothing to thunk */
}
