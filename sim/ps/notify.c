/*
 * notify.c - the process, thread and image-load notify routines (ps32;
 * docs/ps.md), with Windows' limits and statuses:
 *
 *   table     size  register: duplicate / full          remove: not there
 *   process   64    STATUS_INVALID_PARAMETER (both)      STATUS_INVALID_PARAMETER
 *   thread    64    allowed / STATUS_INSUFFICIENT_RESOURCES  STATUS_PROCEDURE_NOT_FOUND
 *   image     64    allowed / STATUS_INSUFFICIENT_RESOURCES  STATUS_PROCEDURE_NOT_FOUND
 *
 * The process table is shared by PsSetCreateProcessNotifyRoutine and its Ex
 * form (one table, as on Windows); a routine is removed by the form that
 * registered it. Routines are called on the thread that raises the event
 * (PASSIVE_LEVEL: a system thread's own, or the harness's), outside every lock,
 * process routines inside a critical region (documented: normal kernel APCs
 * disabled), exit routines with the exiting process current (ps.c). A removal
 * waits for the calls of that routine in progress.
 */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "mi_ps.h"

#define MI_NOTIFY_SLOTS 64

typedef enum _MI_NOTIFY_KIND {
    MiNotifyFree = 0,
    MiNotifyProcessPlain,
    MiNotifyProcessEx,
    MiNotifyThreadCreate,
    MiNotifyImageLoad,
} MI_NOTIFY_KIND;

typedef struct _MI_NOTIFY_SLOT {
    MI_NOTIFY_KIND Kind;
    void *Routine;
    ULONG Calls; /* calls in progress */
} MI_NOTIFY_SLOT;

/* The three tables, each MI_NOTIFY_SLOTS long; guarded by MiPs.Mutex. */
static MI_NOTIFY_SLOT MiProcessSlots[MI_NOTIFY_SLOTS];
static MI_NOTIFY_SLOT MiThreadSlots[MI_NOTIFY_SLOTS];
static MI_NOTIFY_SLOT MiImageSlots[MI_NOTIFY_SLOTS];
static pthread_cond_t MiCallsDone = PTHREAD_COND_INITIALIZER;

static void *MiRoutinePointer(void (*Routine)(void))
{
    return (void *)Routine;
}

/* Adds Routine; Duplicates false: a routine already there is refused. */
static NTSTATUS MiRegister(MI_NOTIFY_SLOT *Slots, MI_NOTIFY_KIND Kind, void *Routine,
                           bool Duplicates, NTSTATUS Refused)
{
    pthread_mutex_lock(&MiPs.Mutex);
    MI_NOTIFY_SLOT *Free = NULL;
    for (int i = 0; i < MI_NOTIFY_SLOTS; i++) {
        if (Slots[i].Kind == MiNotifyFree) {
            Free = Free != NULL ? Free : &Slots[i];
        } else if (!Duplicates && Slots[i].Routine == Routine) {
            pthread_mutex_unlock(&MiPs.Mutex);
            return Refused;
        }
    }
    if (Free == NULL) {
        pthread_mutex_unlock(&MiPs.Mutex);
        return Refused;
    }
    Free->Kind = Kind;
    Free->Routine = Routine;
    Free->Calls = 0;
    pthread_mutex_unlock(&MiPs.Mutex);
    return STATUS_SUCCESS;
}

static NTSTATUS MiRemove(MI_NOTIFY_SLOT *Slots, MI_NOTIFY_KIND Kind, void *Routine,
                         NTSTATUS NotThere)
{
    pthread_mutex_lock(&MiPs.Mutex);
    for (int i = 0; i < MI_NOTIFY_SLOTS; i++) {
        if (Slots[i].Kind == Kind && Slots[i].Routine == Routine) {
            while (Slots[i].Calls != 0) {
                pthread_cond_wait(&MiCallsDone, &MiPs.Mutex);
            }
            Slots[i].Kind = MiNotifyFree;
            Slots[i].Routine = NULL;
            pthread_mutex_unlock(&MiPs.Mutex);
            return STATUS_SUCCESS;
        }
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    return NotThere;
}

/* Takes the next registered slot from *Index on (its call counted), or NULL. */
static MI_NOTIFY_SLOT *MiNextCall(MI_NOTIFY_SLOT *Slots, int *Index)
{
    pthread_mutex_lock(&MiPs.Mutex);
    while (*Index < MI_NOTIFY_SLOTS) {
        MI_NOTIFY_SLOT *Slot = &Slots[(*Index)++];
        if (Slot->Kind != MiNotifyFree) {
            Slot->Calls++;
            pthread_mutex_unlock(&MiPs.Mutex);
            return Slot;
        }
    }
    pthread_mutex_unlock(&MiPs.Mutex);
    return NULL;
}

static void MiCallDone(MI_NOTIFY_SLOT *Slot)
{
    pthread_mutex_lock(&MiPs.Mutex);
    if (--Slot->Calls == 0) {
        pthread_cond_broadcast(&MiCallsDone);
    }
    pthread_mutex_unlock(&MiPs.Mutex);
}

/* ---------------------------------------------------------------------- */
/* Registration.                                                          */
/* ---------------------------------------------------------------------- */
NTSTATUS PsSetCreateProcessNotifyRoutine(PCREATE_PROCESS_NOTIFY_ROUTINE NotifyRoutine,
                                         BOOLEAN Remove)
{
    MiDdiEnter(MiDdi_PsSetCreateProcessNotifyRoutine, 0, MI_CALLER_ADDRESS());
    void *Routine = MiRoutinePointer((void (*)(void))NotifyRoutine);
    return Remove ? MiRemove(MiProcessSlots, MiNotifyProcessPlain, Routine,
                             STATUS_INVALID_PARAMETER)
                  : MiRegister(MiProcessSlots, MiNotifyProcessPlain, Routine, false,
                               STATUS_INVALID_PARAMETER);
}

/* The Ex form requires an image linked with /INTEGRITYCHECK (else
 * STATUS_ACCESS_DENIED). A driver linked into a test program has no image
 * header: mmsim takes every driver as so linked (docs/ps.md). */
NTSTATUS PsSetCreateProcessNotifyRoutineEx(PCREATE_PROCESS_NOTIFY_ROUTINE_EX NotifyRoutine,
                                           BOOLEAN Remove)
{
    MiDdiEnter(MiDdi_PsSetCreateProcessNotifyRoutineEx, 0, MI_CALLER_ADDRESS());
    void *Routine = MiRoutinePointer((void (*)(void))NotifyRoutine);
    return Remove ? MiRemove(MiProcessSlots, MiNotifyProcessEx, Routine, STATUS_INVALID_PARAMETER)
                  : MiRegister(MiProcessSlots, MiNotifyProcessEx, Routine, false,
                               STATUS_INVALID_PARAMETER);
}

NTSTATUS PsSetCreateThreadNotifyRoutine(PCREATE_THREAD_NOTIFY_ROUTINE NotifyRoutine)
{
    MiDdiEnter(MiDdi_PsSetCreateThreadNotifyRoutine, 0, MI_CALLER_ADDRESS());
    return MiRegister(MiThreadSlots, MiNotifyThreadCreate,
                      MiRoutinePointer((void (*)(void))NotifyRoutine), true,
                      STATUS_INSUFFICIENT_RESOURCES);
}

NTSTATUS PsRemoveCreateThreadNotifyRoutine(PCREATE_THREAD_NOTIFY_ROUTINE NotifyRoutine)
{
    MiDdiEnter(MiDdi_PsRemoveCreateThreadNotifyRoutine, 0, MI_CALLER_ADDRESS());
    return MiRemove(MiThreadSlots, MiNotifyThreadCreate,
                    MiRoutinePointer((void (*)(void))NotifyRoutine), STATUS_PROCEDURE_NOT_FOUND);
}

NTSTATUS PsSetLoadImageNotifyRoutine(PLOAD_IMAGE_NOTIFY_ROUTINE NotifyRoutine)
{
    MiDdiEnter(MiDdi_PsSetLoadImageNotifyRoutine, 0, MI_CALLER_ADDRESS());
    return MiRegister(MiImageSlots, MiNotifyImageLoad,
                      MiRoutinePointer((void (*)(void))NotifyRoutine), true,
                      STATUS_INSUFFICIENT_RESOURCES);
}

NTSTATUS PsRemoveLoadImageNotifyRoutine(PLOAD_IMAGE_NOTIFY_ROUTINE NotifyRoutine)
{
    MiDdiEnter(MiDdi_PsRemoveLoadImageNotifyRoutine, 0, MI_CALLER_ADDRESS());
    return MiRemove(MiImageSlots, MiNotifyImageLoad,
                    MiRoutinePointer((void (*)(void))NotifyRoutine), STATUS_PROCEDURE_NOT_FOUND);
}

/* ---------------------------------------------------------------------- */
/* The events.                                                            */
/* ---------------------------------------------------------------------- */
static const WCHAR MiProcessImageText[] = L"\\SystemRoot\\mmsim\\process.exe";

void MiNotifyProcess(PEPROCESS Process, HANDLE ParentId, bool Create)
{
    UNICODE_STRING ImageName;
    ImageName.Buffer = (PWCH)MiProcessImageText;
    ImageName.Length = (USHORT)(sizeof(MiProcessImageText) - sizeof(WCHAR));
    ImageName.MaximumLength = (USHORT)sizeof(MiProcessImageText);
    int Index = 0;
    MI_NOTIFY_SLOT *Slot;
    while ((Slot = MiNextCall(MiProcessSlots, &Index)) != NULL) {
        KeEnterCriticalRegion();
        if (Slot->Kind == MiNotifyProcessPlain) {
            ((PCREATE_PROCESS_NOTIFY_ROUTINE)(void (*)(void))Slot->Routine)(
                ParentId, Process->UniqueProcessId, Create ? TRUE : FALSE);
        } else {
            PS_CREATE_NOTIFY_INFO Info;
            memset(&Info, 0, sizeof(Info));
            Info.Size = sizeof(Info);
            Info.ParentProcessId = ParentId;
            Info.CreatingThreadId.UniqueProcess = PsGetCurrentProcessId();
            Info.CreatingThreadId.UniqueThread = PsGetCurrentThreadId();
            Info.ImageFileName = &ImageName;
            Info.CreationStatus = STATUS_SUCCESS;
            ((PCREATE_PROCESS_NOTIFY_ROUTINE_EX)(void (*)(void))Slot->Routine)(
                Process, Process->UniqueProcessId, Create ? &Info : NULL);
        }
        KeLeaveCriticalRegion();
        MiCallDone(Slot);
    }
}

void MiNotifyThread(MI_PS_THREAD *Thread, bool Create)
{
    int Index = 0;
    MI_NOTIFY_SLOT *Slot;
    while ((Slot = MiNextCall(MiThreadSlots, &Index)) != NULL) {
        ((PCREATE_THREAD_NOTIFY_ROUTINE)(void (*)(void))Slot->Routine)(
            Thread->Tcb.Cid.UniqueProcess, Thread->Tcb.Cid.UniqueThread, Create ? TRUE : FALSE);
        MiCallDone(Slot);
    }
}

VOID SimRaiseLoadImage(PUNICODE_STRING FullImageName, HANDLE ProcessId, PIMAGE_INFO ImageInfo)
{
    MiEnsureMachine();
    MiRefuseIfStopped("SimRaiseLoadImage");
    int Index = 0;
    MI_NOTIFY_SLOT *Slot;
    while ((Slot = MiNextCall(MiImageSlots, &Index)) != NULL) {
        ((PLOAD_IMAGE_NOTIFY_ROUTINE)(void (*)(void))Slot->Routine)(FullImageName, ProcessId,
                                                                    ImageInfo);
        MiCallDone(Slot);
    }
}

/* ---------------------------------------------------------------------- */
/* Machine lifetime.                                                      */
/* ---------------------------------------------------------------------- */
void MiNotifyReset(void)
{
    pthread_mutex_lock(&MiPs.Mutex);
    memset(MiProcessSlots, 0, sizeof(MiProcessSlots));
    memset(MiThreadSlots, 0, sizeof(MiThreadSlots));
    memset(MiImageSlots, 0, sizeof(MiImageSlots));
    pthread_mutex_unlock(&MiPs.Mutex);
}

void MiNotifyQueryLeft(MI_PS_LEFT *Left)
{
    MI_NOTIFY_SLOT *Tables[] = {MiProcessSlots, MiThreadSlots, MiImageSlots};
    pthread_mutex_lock(&MiPs.Mutex);
    for (size_t t = 0; t < sizeof(Tables) / sizeof(Tables[0]); t++) {
        for (int i = 0; i < MI_NOTIFY_SLOTS; i++) {
            if (Tables[t][i].Kind != MiNotifyFree) {
                if (Left->NotifyRoutines++ == 0) {
                    Left->FirstNotifyRoutine = (ULONG_PTR)Tables[t][i].Routine;
                }
            }
        }
    }
    pthread_mutex_unlock(&MiPs.Mutex);
}
