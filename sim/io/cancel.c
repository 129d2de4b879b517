/*
 * cancel.c - cancelling IRPs (wdk25; docs/io.md, "Cancel routines and cancel-safe queues"):
 * the cancel spin lock, IoCancelIrp, and the cancel-safe queue routines IoCsqInitialize(Ex),
 * IoCsqInsertIrp(Ex), IoCsqRemoveNextIrp and IoCsqRemoveIrp.
 *
 * Facts: Microsoft's pages of each routine, "Cancel-Safe IRP Queues", DRIVER_CANCEL, bug
 * checks 0x48 (CANCEL_STATE_IN_COMPLETED_IRP) and 0x11B (DRIVER_RETURNED_HOLDING_CANCEL_LOCK).
 * The queue's protocol is the documented one: the IRP is cancelable exactly while the
 * driver's queue holds it, and whoever takes the cancel routine out of the IRP with an
 * interlocked exchange (IoSetCancelRoutine) owns it - the canceller or the remover.
 */
#include <stddef.h>

#include "mi_io.h"

/* The system-wide cancel spin lock, and the thread holding it (so that a Cancel routine
 * returning with it still held is seen: 0x11B). Per machine: a reset (after a bug check
 * taken while it was held) gives a free lock. */
static KSPIN_LOCK MiCancelLock;
static PKTHREAD volatile MiCancelOwner;
static uint64_t MiCancelMachine;

static void MiAcquireCancelLock(PKIRQL Irql)
{
    uint64_t Machine = MiCurrentWaitEpoch();
    if (__atomic_load_n(&MiCancelMachine, __ATOMIC_ACQUIRE) != Machine) {
        KeInitializeSpinLock(&MiCancelLock);
        MiCancelOwner = NULL;
        __atomic_store_n(&MiCancelMachine, Machine, __ATOMIC_RELEASE);
    }
    KeAcquireSpinLock(&MiCancelLock, Irql);
    MiCancelOwner = KeGetCurrentThread();
}

static void MiReleaseCancelLock(KIRQL Irql)
{
    MiCancelOwner = NULL;
    KeReleaseSpinLock(&MiCancelLock, Irql);
}

VOID NTAPI IoAcquireCancelSpinLock(PKIRQL Irql)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoAcquireCancelSpinLock, 0, Caller);
    MiCheckDriverPointer(Irql, 0, true, Caller);
    MiAcquireCancelLock(Irql);
}

VOID NTAPI IoReleaseCancelSpinLock(KIRQL Irql)
{
    MiDdiEnter(MiDdi_IoReleaseCancelSpinLock, 0, MI_CALLER_ADDRESS());
    MiReleaseCancelLock(Irql);
}

BOOLEAN NTAPI IoCancelIrp(PIRP Irp)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCancelIrp, 0, Caller);
    MiCheckDriverPointer(Irp, offsetof(IRP, CancelRoutine), true, Caller);
    KIRQL Irql;
    MiAcquireCancelLock(&Irql);
    Irp->Cancel = TRUE;
    PDRIVER_CANCEL Routine = IoSetCancelRoutine(Irp, NULL);
    if (Routine == NULL) {
        /* Not cancelable now: the driver that makes it cancelable later sees Cancel. */
        MiReleaseCancelLock(Irql);
        return FALSE;
    }
    /* No driver holds the IRP (every location completed) yet a cancel routine was left
     * in it: it was completed, then cancelled. */
    if (Irp->CurrentLocation > Irp->StackCount) {
        KeBugCheckEx(CANCEL_STATE_IN_COMPLETED_IRP, (ULONG_PTR)Irp, (ULONG_PTR)Routine, 0, 0);
    }
    Irp->CancelIrql = Irql;
    Routine(Irp->Tail.Overlay.CurrentStackLocation->DeviceObject, Irp);
    if (MiCancelOwner == KeGetCurrentThread()) {
        KeBugCheckEx(DRIVER_RETURNED_HOLDING_CANCEL_LOCK, (ULONG_PTR)Irp, (ULONG_PTR)Routine, 0,
                     0);
    }
    return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Cancel-safe queues. Irp->Tail.Overlay.DriverContext[3] holds the       */
/* caller's IO_CSQ_IRP_CONTEXT, or the queue itself when there is none    */
/* (both begin with their Type).                                          */
/* ---------------------------------------------------------------------- */
#define MI_CSQ_SLOT(Irp) ((Irp)->Tail.Overlay.DriverContext[3])

static PIO_CSQ MiCsqOfIrp(PIRP Irp)
{
    PIO_CSQ_IRP_CONTEXT Context = (PIO_CSQ_IRP_CONTEXT)MI_CSQ_SLOT(Irp);
    if (Context != NULL && Context->Type == IO_TYPE_CSQ_IRP_CONTEXT) {
        return Context->Csq;
    }
    return (PIO_CSQ)MI_CSQ_SLOT(Irp);
}

/* The IRP has left the queue: its context no longer names it. */
static void MiCsqForget(PIRP Irp)
{
    PIO_CSQ_IRP_CONTEXT Context = (PIO_CSQ_IRP_CONTEXT)MI_CSQ_SLOT(Irp);
    if (Context != NULL && Context->Type == IO_TYPE_CSQ_IRP_CONTEXT) {
        Context->Irp = NULL;
    }
    MI_CSQ_SLOT(Irp) = NULL;
}

/* The cancel routine of every queued IRP: IoCancelIrp took it out of the IRP, so the IRP
 * is the canceller's; it leaves the queue under the queue's lock and is completed by the
 * driver's CsqCompleteCanceledIrp. */
static VOID NTAPI MiCsqCancelRoutine(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    MiReleaseCancelLock(Irp->CancelIrql);
    PIO_CSQ Csq = MiCsqOfIrp(Irp);
    KIRQL Irql;
    Csq->CsqAcquireLock(Csq, &Irql);
    Csq->CsqRemoveIrp(Csq, Irp);
    MiCsqForget(Irp);
    Csq->CsqReleaseLock(Csq, Irql);
    Csq->CsqCompleteCanceledIrp(Csq, Irp);
}

static void MiCsqInitialize(PIO_CSQ Csq, ULONG Type, PIO_CSQ_INSERT_IRP Insert,
                            PIO_CSQ_REMOVE_IRP Remove, PIO_CSQ_PEEK_NEXT_IRP Peek,
                            PIO_CSQ_ACQUIRE_LOCK Acquire, PIO_CSQ_RELEASE_LOCK Release,
                            PIO_CSQ_COMPLETE_CANCELED_IRP Complete)
{
    Csq->Type = Type;
    Csq->CsqInsertIrp = Insert;
    Csq->CsqRemoveIrp = Remove;
    Csq->CsqPeekNextIrp = Peek;
    Csq->CsqAcquireLock = Acquire;
    Csq->CsqReleaseLock = Release;
    Csq->CsqCompleteCanceledIrp = Complete;
    Csq->ReservePointer = NULL;
}

NTSTATUS NTAPI IoCsqInitialize(PIO_CSQ Csq, PIO_CSQ_INSERT_IRP CsqInsertIrp,
                               PIO_CSQ_REMOVE_IRP CsqRemoveIrp,
                               PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp,
                               PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock,
                               PIO_CSQ_RELEASE_LOCK CsqReleaseLock,
                               PIO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceledIrp)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCsqInitialize, 0, Caller);
    MiCheckDriverPointer(Csq, 0, true, Caller);
    MiCsqInitialize(Csq, IO_TYPE_CSQ, CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp,
                    CsqAcquireLock, CsqReleaseLock, CsqCompleteCanceledIrp);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI IoCsqInitializeEx(PIO_CSQ Csq, PIO_CSQ_INSERT_IRP_EX CsqInsertIrp,
                                 PIO_CSQ_REMOVE_IRP CsqRemoveIrp,
                                 PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp,
                                 PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock,
                                 PIO_CSQ_RELEASE_LOCK CsqReleaseLock,
                                 PIO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceledIrp)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCsqInitializeEx, 0, Caller);
    MiCheckDriverPointer(Csq, 0, true, Caller);
    /* The Ex routine is kept in the one slot the structure has (its Type says which). */
    MiCsqInitialize(Csq, IO_TYPE_CSQ_EX, (PIO_CSQ_INSERT_IRP)(ULONG_PTR)CsqInsertIrp,
                    CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock, CsqReleaseLock,
                    CsqCompleteCanceledIrp);
    return STATUS_SUCCESS;
}

static NTSTATUS MiCsqInsert(PIO_CSQ Csq, PIRP Irp, PIO_CSQ_IRP_CONTEXT Context,
                            PVOID InsertContext)
{
    KIRQL Irql;
    NTSTATUS Status = STATUS_SUCCESS;
    bool CompleteNow = false;
    Csq->CsqAcquireLock(Csq, &Irql);
    if (Irp->Cancel) {
        /* Cancelled before it could be queued: not inserted, completed as cancelled. */
        CompleteNow = true;
    } else {
        if (Csq->Type == IO_TYPE_CSQ_EX) {
            PIO_CSQ_INSERT_IRP_EX InsertEx = (PIO_CSQ_INSERT_IRP_EX)(ULONG_PTR)Csq->CsqInsertIrp;
            Status = InsertEx(Csq, Irp, InsertContext);
        } else {
            Csq->CsqInsertIrp(Csq, Irp);
        }
        if (!NT_SUCCESS(Status)) {
            /* The driver refused it: not queued, not pending, not cancelable. */
            Csq->CsqReleaseLock(Csq, Irql);
            return Status;
        }
        if (Context != NULL) {
            Context->Type = IO_TYPE_CSQ_IRP_CONTEXT;
            Context->Irp = Irp;
            Context->Csq = Csq;
            MI_CSQ_SLOT(Irp) = Context;
        } else {
            MI_CSQ_SLOT(Irp) = Csq;
        }
        (void)IoSetCancelRoutine(Irp, MiCsqCancelRoutine);
        /* IoCancelIrp may have set Cancel between the test above and now, found no routine
         * and left: whoever takes the routine back owns the IRP - here, this insert. */
        if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL) != NULL) {
            Csq->CsqRemoveIrp(Csq, Irp);
            MiCsqForget(Irp);
            CompleteNow = true;
        }
    }
    IoMarkIrpPending(Irp);
    Csq->CsqReleaseLock(Csq, Irql);
    if (CompleteNow) {
        Csq->CsqCompleteCanceledIrp(Csq, Irp);
    }
    return Status;
}

VOID NTAPI IoCsqInsertIrp(PIO_CSQ Csq, PIRP Irp, PIO_CSQ_IRP_CONTEXT Context)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCsqInsertIrp, 0, Caller);
    MiCheckDriverPointer(Csq, offsetof(IO_CSQ, CsqCompleteCanceledIrp), false, Caller);
    MiCheckDriverPointer(Irp, offsetof(IRP, CancelRoutine), true, Caller);
    (void)MiCsqInsert(Csq, Irp, Context, NULL);
}

NTSTATUS NTAPI IoCsqInsertIrpEx(PIO_CSQ Csq, PIRP Irp, PIO_CSQ_IRP_CONTEXT Context,
                                PVOID InsertContext)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCsqInsertIrpEx, 0, Caller);
    MiCheckDriverPointer(Csq, offsetof(IO_CSQ, CsqCompleteCanceledIrp), false, Caller);
    MiCheckDriverPointer(Irp, offsetof(IRP, CancelRoutine), true, Caller);
    return MiCsqInsert(Csq, Irp, Context, InsertContext);
}

PIRP NTAPI IoCsqRemoveNextIrp(PIO_CSQ Csq, PVOID PeekContext)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCsqRemoveNextIrp, 0, Caller);
    MiCheckDriverPointer(Csq, offsetof(IO_CSQ, CsqCompleteCanceledIrp), false, Caller);
    KIRQL Irql;
    Csq->CsqAcquireLock(Csq, &Irql);
    PIRP Irp = Csq->CsqPeekNextIrp(Csq, NULL, PeekContext);
    while (Irp != NULL) {
        if (IoSetCancelRoutine(Irp, NULL) != NULL) {
            Csq->CsqRemoveIrp(Csq, Irp);
            MiCsqForget(Irp);
            break;
        }
        /* Being cancelled: its cancel routine (waiting for this lock) takes it out. */
        Irp = Csq->CsqPeekNextIrp(Csq, Irp, PeekContext);
    }
    Csq->CsqReleaseLock(Csq, Irql);
    return Irp;
}

PIRP NTAPI IoCsqRemoveIrp(PIO_CSQ Csq, PIO_CSQ_IRP_CONTEXT Context)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_IoCsqRemoveIrp, 0, Caller);
    MiCheckDriverPointer(Csq, offsetof(IO_CSQ, CsqCompleteCanceledIrp), false, Caller);
    MiCheckDriverPointer(Context, offsetof(IO_CSQ_IRP_CONTEXT, Csq), true, Caller);
    KIRQL Irql;
    Csq->CsqAcquireLock(Csq, &Irql);
    PIRP Irp = Context->Irp;
    if (Irp != NULL) {
        if (IoSetCancelRoutine(Irp, NULL) != NULL) {
            Csq->CsqRemoveIrp(Csq, Irp);
            MiCsqForget(Irp);
        } else {
            Irp = NULL; /* being cancelled: the cancel routine completes it */
        }
    }
    Csq->CsqReleaseLock(Csq, Irql);
    return Irp;
}
