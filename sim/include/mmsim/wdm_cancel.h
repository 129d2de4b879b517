/*
 * wdm_cancel.h - cancelling IRPs (wdk25; docs/io.md, "Cancel routines and cancel-safe
 * queues"): the cancel spin lock, IoSetCancelRoutine, IoCancelIrp, and the cancel-safe IRP
 * queue (IO_CSQ, IoCsqXxx). Included by <wdm.h> after wdm_io.h; not included directly.
 *
 * Names, types, member order and IRQL as the WDK's wdm.h has them (Microsoft's pages
 * wdm/nf-wdm-iosetcancelroutine, -iocancelirp, -ioacquirecancelspinlock,
 * -ioreleasecancelspinlock, -iocsqinitialize(ex), -iocsqinsertirp(ex), -iocsqremoveirp,
 * -iocsqremovenextirp, ns-wdm-_io_csq, ns-wdm-_io_csq_irp_context), checked against
 * mingw-w64's ddk/wdm.h.
 */
#ifndef MMSIM_WDM_CANCEL_H_
#define MMSIM_WDM_CANCEL_H_

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Cancel routines.                                                         */
/* ------------------------------------------------------------------------ */
/* The system-wide cancel spin lock: DISPATCH_LEVEL while held. A Cancel routine is
 * called holding it (Irp->CancelIrql is the IRQL to give back) and must release it. */
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoAcquireCancelSpinLock(_Out_ _At_(*Irql, _IRQL_saves_) PKIRQL Irql);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoReleaseCancelSpinLock(_In_ _IRQL_restores_ KIRQL Irql);

/* Sets Irp->Cancel and, if the IRP has a Cancel routine, takes the routine out of the IRP
 * and calls it (cancel spin lock held, DISPATCH_LEVEL): TRUE; otherwise FALSE. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI IoCancelIrp(_In_ PIRP Irp);

/* The WDK's inline: an interlocked exchange of Irp->CancelRoutine; returns the previous
 * routine (NULL if none was set or cancellation has taken it). */
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE PDRIVER_CANCEL IoSetCancelRoutine(_Inout_ PIRP Irp,
                                              _In_opt_ PDRIVER_CANCEL CancelRoutine)
{
    return (PDRIVER_CANCEL)(ULONG_PTR)InterlockedExchangePointer(
        (PVOID volatile *)&Irp->CancelRoutine, (PVOID)(ULONG_PTR)CancelRoutine);
}

/* ------------------------------------------------------------------------ */
/* Cancel-safe IRP queues: the driver keeps the queue, the system the       */
/* cancellation. The IoCsqXxx routines keep their context in                */
/* Irp->Tail.Overlay.DriverContext[3].                                      */
/* ------------------------------------------------------------------------ */
typedef struct _IO_CSQ IO_CSQ, *PIO_CSQ;

#define IO_TYPE_CSQ_IRP_CONTEXT 1
#define IO_TYPE_CSQ             2
#define IO_TYPE_CSQ_EX          3

typedef struct _IO_CSQ_IRP_CONTEXT {
    ULONG Type;
    PIRP Irp;
    PIO_CSQ Csq;
} IO_CSQ_IRP_CONTEXT, *PIO_CSQ_IRP_CONTEXT;

typedef VOID NTAPI IO_CSQ_INSERT_IRP(_In_ struct _IO_CSQ *Csq, _In_ PIRP Irp);
typedef IO_CSQ_INSERT_IRP *PIO_CSQ_INSERT_IRP;

typedef NTSTATUS NTAPI IO_CSQ_INSERT_IRP_EX(_In_ struct _IO_CSQ *Csq, _In_ PIRP Irp,
                                            _In_ PVOID InsertContext);
typedef IO_CSQ_INSERT_IRP_EX *PIO_CSQ_INSERT_IRP_EX;

typedef VOID NTAPI IO_CSQ_REMOVE_IRP(_In_ PIO_CSQ Csq, _In_ PIRP Irp);
typedef IO_CSQ_REMOVE_IRP *PIO_CSQ_REMOVE_IRP;

typedef PIRP NTAPI IO_CSQ_PEEK_NEXT_IRP(_In_ PIO_CSQ Csq, _In_opt_ PIRP Irp,
                                        _In_opt_ PVOID PeekContext);
typedef IO_CSQ_PEEK_NEXT_IRP *PIO_CSQ_PEEK_NEXT_IRP;

typedef VOID NTAPI IO_CSQ_ACQUIRE_LOCK(_In_ PIO_CSQ Csq, _Out_ PKIRQL Irql);
typedef IO_CSQ_ACQUIRE_LOCK *PIO_CSQ_ACQUIRE_LOCK;

typedef VOID NTAPI IO_CSQ_RELEASE_LOCK(_In_ PIO_CSQ Csq, _In_ KIRQL Irql);
typedef IO_CSQ_RELEASE_LOCK *PIO_CSQ_RELEASE_LOCK;

typedef VOID NTAPI IO_CSQ_COMPLETE_CANCELED_IRP(_In_ PIO_CSQ Csq, _In_ PIRP Irp);
typedef IO_CSQ_COMPLETE_CANCELED_IRP *PIO_CSQ_COMPLETE_CANCELED_IRP;

/* Opaque to drivers: initialize it with IoCsqInitialize(Ex) only. An IoCsqInitializeEx
 * queue keeps its CsqInsertIrpEx routine in CsqInsertIrp (Type IO_TYPE_CSQ_EX). */
typedef struct _IO_CSQ {
    ULONG Type;
    PIO_CSQ_INSERT_IRP CsqInsertIrp;
    PIO_CSQ_REMOVE_IRP CsqRemoveIrp;
    PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp;
    PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock;
    PIO_CSQ_RELEASE_LOCK CsqReleaseLock;
    PIO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceledIrp;
    PVOID ReservePointer;
} IO_CSQ;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoCsqInitialize(_Out_ PIO_CSQ Csq,
                                           _In_ PIO_CSQ_INSERT_IRP CsqInsertIrp,
                                           _In_ PIO_CSQ_REMOVE_IRP CsqRemoveIrp,
                                           _In_ PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp,
                                           _In_ PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock,
                                           _In_ PIO_CSQ_RELEASE_LOCK CsqReleaseLock,
                                           _In_ PIO_CSQ_COMPLETE_CANCELED_IRP
                                               CsqCompleteCanceledIrp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoCsqInitializeEx(_Out_ PIO_CSQ Csq,
                                             _In_ PIO_CSQ_INSERT_IRP_EX CsqInsertIrp,
                                             _In_ PIO_CSQ_REMOVE_IRP CsqRemoveIrp,
                                             _In_ PIO_CSQ_PEEK_NEXT_IRP CsqPeekNextIrp,
                                             _In_ PIO_CSQ_ACQUIRE_LOCK CsqAcquireLock,
                                             _In_ PIO_CSQ_RELEASE_LOCK CsqReleaseLock,
                                             _In_ PIO_CSQ_COMPLETE_CANCELED_IRP
                                                 CsqCompleteCanceledIrp);

/* Queues the IRP (the driver's CsqInsertIrp under its lock), marks it pending and makes it
 * cancelable. Context (optional) is filled for IoCsqRemoveIrp. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoCsqInsertIrp(_Inout_ PIO_CSQ Csq, _Inout_ PIRP Irp,
                                      _Out_opt_ PIO_CSQ_IRP_CONTEXT Context);

/* As IoCsqInsertIrp; an IoCsqInitializeEx queue's CsqInsertIrpEx gets InsertContext, and
 * its failure status is returned with the IRP neither queued nor marked pending. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoCsqInsertIrpEx(_Inout_ PIO_CSQ Csq, _Inout_ PIRP Irp,
                                            _Out_opt_ PIO_CSQ_IRP_CONTEXT Context,
                                            _In_opt_ PVOID InsertContext);

/* The first queued IRP CsqPeekNextIrp finds for PeekContext that is not being
 * cancelled, taken out of the queue and no longer cancelable; NULL if none. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PIRP NTAPI IoCsqRemoveNextIrp(_Inout_ PIO_CSQ Csq, _In_opt_ PVOID PeekContext);

/* The IRP Context was filled for, taken out of the queue; NULL if it was cancelled
 * (or already removed). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PIRP NTAPI IoCsqRemoveIrp(_Inout_ PIO_CSQ Csq, _Inout_ PIO_CSQ_IRP_CONTEXT Context);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_CANCEL_H_ */
