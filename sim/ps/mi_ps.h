/*
 * mi_ps.h - processes and threads (sim/ps; docs/ps.md), shared by ps.c
 * (objects, handles, system threads, lookups) and notify.c (notify routines).
 */
#ifndef MMSIM_MI_PS_H
#define MMSIM_MI_PS_H

#include <setjmp.h>

#include "../mi.h"
#include "../host/host.h"
#include "../ke/mi_ke.h"
#include "../mm/mi_user.h"

#define MI_OBJ_PROCESS 3 /* the kernel's ProcessObject */

struct _EPROCESS {
    DISPATCHER_HEADER Header; /* signalled when the process ends */
    LONG_PTR PointerCount;    /* its life holds one */
    HANDLE UniqueProcessId;
    HANDLE ParentId; /* its creator's process id, given again at its exit */
    ULONG SimId; /* mm's process record (0: System) */
    bool Ended;
    bool Deleted; /* no reference left: kept until the machine goes */
    struct _EPROCESS *Next;
};

typedef struct _MI_PS_THREAD {
    struct _KTHREAD Tcb; /* first: a PETHREAD is a PKTHREAD */
    LONG_PTR PointerCount;
    PEPROCESS Process;
    PKSTART_ROUTINE StartRoutine;
    PVOID StartContext;
    NTSTATUS ExitStatus;
    bool Ended;
    bool Deleted;
    bool Forked; /* a forked child's copy of a thread its parent ran: never runs here */
    jmp_buf Exit;           /* PsTerminateSystemThread's way to the base */
    SIM_CATCH_FRAME *Frame; /* the base's refusal frame */
    struct _MI_PS_THREAD *Next;
} MI_PS_THREAD;

/* A host thread to join (it outlives its object's reference count). */
typedef struct _MI_PS_HOST {
    HOST_THREAD Host;
    MI_PS_THREAD *Thread;
    bool Done;
    struct _MI_PS_HOST *Next;
} MI_PS_HOST;

typedef struct _MI_PS_HANDLE {
    PVOID Object;
    ACCESS_MASK Access;
    bool Kernel;
    PEPROCESS Owner; /* a user handle's process (its handle table on Windows) */
} MI_PS_HANDLE;

#define MI_PS_HANDLES 1024

typedef struct _MI_PS {
    pthread_mutex_t Mutex;
    MI_PS_THREAD *Threads;
    PEPROCESS Processes;
    MI_PS_HOST *Hosts;
    uint64_t Running;
    ULONG_PTR NextId;
    MI_PS_HANDLE Handles[MI_PS_HANDLES];
    ULONG HandleCount;
    /* The objects' addresses, for the object front's question "is this one
     * of ours?" without a walk per reference; Incomplete: walk the lists. */
    MI_ADDRESS_SET ThreadSet, ProcessSet;
} MI_PS;

extern MI_PS MiPs;

/* notify.c */
void MiNotifyProcess(PEPROCESS Process, HANDLE ParentId, bool Create);
void MiNotifyThread(MI_PS_THREAD *Thread, bool Create);
void MiNotifyReset(void);
void MiNotifyQueryLeft(MI_PS_LEFT *Left);

#endif /* MMSIM_MI_PS_H */
