/*
 * exspin.c - the executive's reader/writer spin locks (EX_SPIN_LOCK, wdm.h,
 * Windows Vista SP1+; docs/wdk-surface.md, "Found by the survey").
 *
 * The lock is the driver's 32-bit word, zero when free:
 *
 *   bit 31        held exclusively
 *   bit 30        an exclusive acquirer is spinning: no new shared holders
 *                 (so a stream of readers cannot starve a writer)
 *   bits 0-29     the number of shared holders
 *
 * What the documentation leaves to the implementation is mmsim's choice:
 * recursive acquisition, which deadlocks on Windows, stops the machine with
 * SPIN_LOCK_ALREADY_OWNED (0xF), as KeAcquireSpinLock does here; releasing a
 * lock not held the way the release says stops with SPIN_LOCK_NOT_OWNED
 * (0x10). Each thread remembers the locks it holds (a small table, tagged
 * with the machine it belongs to) for those two checks.
 */
#include <sched.h>
#include <stdint.h>

#include "../mi.h"

#define MI_EXSPIN_EXCLUSIVE 0x80000000u
#define MI_EXSPIN_WAITING   0x40000000u
#define MI_EXSPIN_SHARED    0x3FFFFFFFu

/* The locks this thread holds; more than this many at once go unchecked. */
#define MI_EXSPIN_HELD_MAX 16

typedef struct _MI_EXSPIN_HELD {
    const volatile LONG *Lock;
    uint64_t Machine; /* MiWaitEpoch when taken: a reset machine's entries are stale */
    bool Exclusive;
} MI_EXSPIN_HELD;

static _Thread_local MI_EXSPIN_HELD MiExSpinHeld[MI_EXSPIN_HELD_MAX];

static uint64_t MiMachine(void)
{
    return atomic_load(&MiWaitEpoch);
}

static MI_EXSPIN_HELD *MiFindHeld(PEX_SPIN_LOCK Lock)
{
    uint64_t Machine = MiMachine();
    for (int i = 0; i < MI_EXSPIN_HELD_MAX; i++) {
        if (MiExSpinHeld[i].Lock == Lock && MiExSpinHeld[i].Machine == Machine) {
            return &MiExSpinHeld[i];
        }
    }
    return NULL;
}

static void MiRemember(PEX_SPIN_LOCK Lock, bool Exclusive)
{
    uint64_t Machine = MiMachine();
    for (int i = 0; i < MI_EXSPIN_HELD_MAX; i++) {
        if (MiExSpinHeld[i].Lock == NULL || MiExSpinHeld[i].Machine != Machine) {
            MiExSpinHeld[i] = (MI_EXSPIN_HELD){Lock, Machine, Exclusive};
            return;
        }
    }
}

static void MiForget(MI_EXSPIN_HELD *Held)
{
    if (Held != NULL) {
        Held->Lock = NULL;
    }
}

static uint32_t MiLoad(PEX_SPIN_LOCK Lock)
{
    return (uint32_t)__atomic_load_n(Lock, __ATOMIC_ACQUIRE);
}

static bool MiSwap(PEX_SPIN_LOCK Lock, uint32_t Expected, uint32_t Value)
{
    LONG Old = (LONG)Expected;
    return __atomic_compare_exchange_n(Lock, &Old, (LONG)Value, false, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

/* One turn of a spin: leaves if the machine stopped (the holder's frame caught
 * a stop and the lock stays held) or was reset under the spinner. The first
 * turn counts the thread as spinning, as KeAcquireSpinLock's spinners are
 * (robust31): SimReset waits for the old machine's spinners to leave, so
 * none reads or swaps a lock word in memory the next machine reuses. */
static void MiSpinTurn(const char *Ddi, uint64_t Machine, unsigned *Spins)
{
    if (*Spins == 0 && MiEnterSpin() != Machine) {
        MiLeaveSpin(); /* reset since the DDI began: not this machine's spinner */
        MiRefuseDeadWait(Ddi, Machine);
    }
    if (MiIsStopped() || MiMachine() != Machine) {
        MiLeaveSpin();
        MiRefuseDeadWait(Ddi, Machine);
    }
    if (++*Spins % 64 == 0) {
        sched_yield(); /* host threads may share one core */
    }
    if (*Spins == 0) {
        *Spins = 64; /* wrapped: 0 means "not yet counted" */
    }
}

static void MiCheckNotHeld(PEX_SPIN_LOCK Lock)
{
    if (MiFindHeld(Lock) != NULL) {
        KeBugCheckEx(SPIN_LOCK_ALREADY_OWNED, (ULONG_PTR)Lock, (ULONG_PTR)MiLoad(Lock), 0, 0);
    }
}

static void MiAcquireShared(const char *Ddi, PEX_SPIN_LOCK Lock)
{
    MiCheckDriverPointer((const void *)Lock, 0, true, MI_CALLER_ADDRESS());
    MiCheckNotHeld(Lock);
    uint64_t Machine = MiMachine();
    unsigned Spins = 0;
    for (;;) {
        uint32_t Value = MiLoad(Lock);
        if ((Value & (MI_EXSPIN_EXCLUSIVE | MI_EXSPIN_WAITING)) == 0 &&
            MiSwap(Lock, Value, Value + 1)) {
            break;
        }
        MiSpinTurn(Ddi, Machine, &Spins);
    }
    if (Spins != 0) {
        MiLeaveSpin();
    }
    MiRemember(Lock, false);
}

static void MiAcquireExclusive(const char *Ddi, PEX_SPIN_LOCK Lock)
{
    MiCheckDriverPointer((const void *)Lock, 0, true, MI_CALLER_ADDRESS());
    MiCheckNotHeld(Lock);
    uint64_t Machine = MiMachine();
    unsigned Spins = 0;
    for (;;) {
        uint32_t Value = MiLoad(Lock);
        if ((Value & ~MI_EXSPIN_WAITING) == 0) {
            /* Free (perhaps marked by another waiting writer, whose mark this takes). */
            if (MiSwap(Lock, Value, MI_EXSPIN_EXCLUSIVE)) {
                break;
            }
            continue;
        }
        if ((Value & MI_EXSPIN_WAITING) == 0) {
            MiSwap(Lock, Value, Value | MI_EXSPIN_WAITING);
        }
        MiSpinTurn(Ddi, Machine, &Spins);
    }
    if (Spins != 0) {
        MiLeaveSpin();
    }
    MiRemember(Lock, true);
}

static void MiReleaseShared(PEX_SPIN_LOCK Lock)
{
    MiCheckDriverPointer((const void *)Lock, 0, true, MI_CALLER_ADDRESS());
    MI_EXSPIN_HELD *Held = MiFindHeld(Lock);
    uint32_t Value = MiLoad(Lock);
    if ((Held != NULL && Held->Exclusive) || (Value & MI_EXSPIN_EXCLUSIVE) != 0 ||
        (Value & MI_EXSPIN_SHARED) == 0) {
        KeBugCheckEx(SPIN_LOCK_NOT_OWNED, (ULONG_PTR)Lock, (ULONG_PTR)Value, 0, 0);
    }
    MiForget(Held);
    __atomic_fetch_sub(Lock, 1, __ATOMIC_RELEASE);
}

static void MiReleaseExclusive(PEX_SPIN_LOCK Lock)
{
    MiCheckDriverPointer((const void *)Lock, 0, true, MI_CALLER_ADDRESS());
    MI_EXSPIN_HELD *Held = MiFindHeld(Lock);
    uint32_t Value = MiLoad(Lock);
    if ((Held != NULL && !Held->Exclusive) || (Value & MI_EXSPIN_EXCLUSIVE) == 0) {
        KeBugCheckEx(SPIN_LOCK_NOT_OWNED, (ULONG_PTR)Lock, (ULONG_PTR)Value, 1, 0);
    }
    MiForget(Held);
    /* A waiting writer's mark stays for it. */
    __atomic_fetch_and(Lock, (LONG)MI_EXSPIN_WAITING, __ATOMIC_RELEASE);
}

/* The AtDpcLevel/FromDpcLevel forms: the caller must already be at
 * DISPATCH_LEVEL or above (0x9, as KeAcquireSpinLockAtDpcLevel). */
static void MiRequireDispatch(PEX_SPIN_LOCK Lock)
{
    KIRQL Irql = KeGetCurrentIrql();
    if (Irql < DISPATCH_LEVEL) {
        KeBugCheckEx(IRQL_NOT_GREATER_OR_EQUAL, (ULONG_PTR)Lock, Irql, DISPATCH_LEVEL,
                     MI_CALLER_ADDRESS());
    }
}

KIRQL NTAPI ExAcquireSpinLockShared(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExAcquireSpinLockShared, 0, MI_CALLER_ADDRESS());
    KIRQL Old = KfRaiseIrql(DISPATCH_LEVEL);
    MiAcquireShared("ExAcquireSpinLockShared", SpinLock);
    return Old;
}

VOID NTAPI ExReleaseSpinLockShared(PEX_SPIN_LOCK SpinLock, KIRQL OldIrql)
{
    MiDdiEnter(MiDdi_ExReleaseSpinLockShared, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiReleaseShared(SpinLock);
    KeLowerIrql(OldIrql);
}

KIRQL NTAPI ExAcquireSpinLockExclusive(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExAcquireSpinLockExclusive, 0, MI_CALLER_ADDRESS());
    KIRQL Old = KfRaiseIrql(DISPATCH_LEVEL);
    MiAcquireExclusive("ExAcquireSpinLockExclusive", SpinLock);
    return Old;
}

VOID NTAPI ExReleaseSpinLockExclusive(PEX_SPIN_LOCK SpinLock, KIRQL OldIrql)
{
    MiDdiEnter(MiDdi_ExReleaseSpinLockExclusive, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiReleaseExclusive(SpinLock);
    KeLowerIrql(OldIrql);
}

VOID NTAPI ExAcquireSpinLockSharedAtDpcLevel(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExAcquireSpinLockSharedAtDpcLevel, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiAcquireShared("ExAcquireSpinLockSharedAtDpcLevel", SpinLock);
}

VOID NTAPI ExReleaseSpinLockSharedFromDpcLevel(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExReleaseSpinLockSharedFromDpcLevel, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiReleaseShared(SpinLock);
}

VOID NTAPI ExAcquireSpinLockExclusiveAtDpcLevel(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExAcquireSpinLockExclusiveAtDpcLevel, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiAcquireExclusive("ExAcquireSpinLockExclusiveAtDpcLevel", SpinLock);
}

VOID NTAPI ExReleaseSpinLockExclusiveFromDpcLevel(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExReleaseSpinLockExclusiveFromDpcLevel, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiReleaseExclusive(SpinLock);
}

LOGICAL NTAPI ExTryConvertSharedSpinLockExclusive(PEX_SPIN_LOCK SpinLock)
{
    MiDdiEnter(MiDdi_ExTryConvertSharedSpinLockExclusive, 0, MI_CALLER_ADDRESS());
    MiRequireDispatch(SpinLock);
    MiCheckDriverPointer((const void *)SpinLock, 0, true, MI_CALLER_ADDRESS());
    MI_EXSPIN_HELD *Held = MiFindHeld(SpinLock);
    uint32_t Value = MiLoad(SpinLock);
    if ((Held != NULL && Held->Exclusive) || (Value & MI_EXSPIN_EXCLUSIVE) != 0 ||
        (Value & MI_EXSPIN_SHARED) == 0) {
        KeBugCheckEx(SPIN_LOCK_NOT_OWNED, (ULONG_PTR)SpinLock, (ULONG_PTR)Value, 2, 0);
    }
    if ((Value & MI_EXSPIN_SHARED) != 1) {
        return FALSE;
    }
    /* Only the sole shared holder converts; a waiting writer's mark is kept
     * (and may appear meanwhile: read again). */
    while (!MiSwap(SpinLock, Value, (Value & MI_EXSPIN_WAITING) | MI_EXSPIN_EXCLUSIVE)) {
        Value = MiLoad(SpinLock);
        if ((Value & MI_EXSPIN_SHARED) != 1) {
            return FALSE;
        }
    }
    if (Held != NULL) {
        Held->Exclusive = true;
    }
    return TRUE;
}
