/*
 * extimer.c - executive timers: ExAllocateTimer, ExSetTimer, ExCancelTimer,
 * ExDeleteTimer, ExSetTimerResolution.
 *
 * An EX_TIMER is a non-paged pool block holding a kernel timer (first, so
 * that the EX_TIMER is a waitable object as on Windows), the DPC that calls
 * the driver's callback at DISPATCH_LEVEL on expiry, and the callback. The
 * kernel timer does the timing (sim/ke/dpc.c's clock thread).
 * docs/ke-sync.md.
 */
#include "../mi.h"
#include "../mm/mi_mm.h"
#include "../ke/mi_ke.h"

#define MI_TAG_EX_TIMER 'mTxE' /* "ExTm" (mmsim's choice) */

struct _EX_TIMER {
    KTIMER Timer; /* first: KeWaitForSingleObject takes the EX_TIMER */
    KDPC Dpc;
    PEXT_CALLBACK Callback;
    PVOID Context;
    ULONG Attributes;
    EXT_DELETE_PARAMETERS Delete;
};

static void MiDeleteExTimer(PEX_TIMER Timer)
{
    PEXT_DELETE_CALLBACK Callback = Timer->Delete.DeleteCallback;
    PVOID Context = Timer->Delete.DeleteContext;
    MiFreePoolInternal(Timer, MI_TAG_EX_TIMER, true);
    if (Callback != NULL) {
        Callback(Context); /* the timer object is gone */
    }
}

BOOLEAN MiSetTimer(PKTIMER Timer, LONGLONG DueTime, LONGLONG Period, PKDPC Dpc);
void MiWaitForDpcRoutine(PKDPC Dpc);

static VOID NTAPI MiExTimerDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Argument1);
    UNREFERENCED_PARAMETER(Argument2);
    PEX_TIMER Timer = (PEX_TIMER)Context;
    if (Timer->Callback != NULL) {
        Timer->Callback(Timer, Timer->Context);
    }
}

PEX_TIMER NTAPI ExAllocateTimer(PEXT_CALLBACK Callback, PVOID CallbackContext, ULONG Attributes)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExAllocateTimer, 0, Caller);
    /* Only the documented attribute bits. */
    if ((Attributes & ~(ULONG)(EX_TIMER_HIGH_RESOLUTION | EX_TIMER_NO_WAKE |
                               EX_TIMER_NOTIFICATION)) != 0) {
        return NULL;
    }
    MiLock();
    PEX_TIMER Timer =
        (PEX_TIMER)MiAllocatePoolInternal(false, sizeof(*Timer), MI_TAG_EX_TIMER, Caller, true);
    MiUnlock();
    if (Timer == NULL) {
        return NULL;
    }
    KeInitializeTimerEx(&Timer->Timer, (Attributes & EX_TIMER_NOTIFICATION) != 0
                                           ? NotificationTimer
                                           : SynchronizationTimer);
    KeInitializeDpc(&Timer->Dpc, MiExTimerDpc, Timer);
    Timer->Callback = Callback;
    Timer->Context = CallbackContext;
    Timer->Attributes = Attributes;
    return Timer;
}

BOOLEAN NTAPI ExSetTimer(PEX_TIMER Timer, LONGLONG DueTime, LONGLONG Period,
                         PEXT_SET_PARAMETERS Parameters)
{
    MiDdiEnter(MiDdi_ExSetTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    if (Parameters != NULL) {
        MiCheckDriverPointer(Parameters, 0, false, MI_CALLER_ADDRESS());
    }
    /* A period (100 ns units) must be positive; a high-resolution timer
     * cannot be periodic below 1 ms on Windows either way: mmsim keeps
     * periods in milliseconds (KTIMER.Period). */
    if (Period < 0) {
        MmsimAssertFailed("Period >= 0 (ExSetTimer)", __FILE__, __LINE__);
    }
    return MiSetTimer(&Timer->Timer, DueTime, Period, &Timer->Dpc);
}

BOOLEAN NTAPI ExCancelTimer(PEX_TIMER Timer, PEXT_CANCEL_PARAMETERS Parameters)
{
    UNREFERENCED_PARAMETER(Parameters);
    MiDdiEnter(MiDdi_ExCancelTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    return KeCancelTimer(&Timer->Timer);
}

BOOLEAN NTAPI ExDeleteTimer(PEX_TIMER Timer, BOOLEAN Cancel, BOOLEAN Wait,
                            PEXT_DELETE_PARAMETERS Parameters)
{
    MiDdiEnter(MiDdi_ExDeleteTimer, 0, MI_CALLER_ADDRESS());
    MiCheckDriverPointer(Timer, 0, true, MI_CALLER_ADDRESS());
    /* "If the caller sets Wait to TRUE, Cancel must also be TRUE; otherwise,
     * a bug check occurs" (the page names no code: mmsim raises
     * STATUS_INVALID_PARAMETER, 0x1E when unhandled). Waiting needs
     * IRQL <= APC_LEVEL. */
    if (Wait && !Cancel) {
        ExRaiseStatus(STATUS_INVALID_PARAMETER);
    }
    if (Wait && MiCurrentIrql() > APC_LEVEL) {
        KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)Timer, MiCurrentIrql(), 0,
                     MI_CALLER_ADDRESS());
    }
    if (Parameters != NULL) {
        MiCheckDriverPointer(Parameters, 0, false, MI_CALLER_ADDRESS());
        Timer->Delete = *Parameters;
    }
    /* Cancel FALSE leaves a set timer to expire on Windows, which deletes
     * it after its callback; mmsim cancels it (the callback does not run,
     * docs/ke-sync.md) and returns FALSE as Windows does. */
    BOOLEAN Cancelled = KeCancelTimer(&Timer->Timer) && Cancel;
    (void)KeRemoveQueueDpc(&Timer->Dpc);
    if (Wait) {
        KeFlushQueuedDpcs(); /* an expiry in progress finishes first */
    }
    /* Without Wait Windows frees the object once a callback in progress has
     * returned ("the Timer parameter passed to ExTimerCallback is always a
     * valid pointer"): so does mmsim. */
    MiWaitForDpcRoutine(&Timer->Dpc);
    MiDeleteExTimer(Timer);
    return Cancelled;
}

ULONG NTAPI ExSetTimerResolution(ULONG DesiredTime, BOOLEAN SetResolution)
{
    UNREFERENCED_PARAMETER(DesiredTime);
    UNREFERENCED_PARAMETER(SetResolution);
    MiDdiEnter(MiDdi_ExSetTimerResolution, 0, MI_CALLER_ADDRESS());
    /* mmsim's timers expire at their due time on the host clock: the
     * resolution stays the clock increment whatever is asked. */
    return KeQueryTimeIncrement();
}
