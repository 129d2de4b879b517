/*
 * mi_ke.h - internals shared by the dispatcher files (sim/ke/dispatch.c,
 * sim/ke/dpc.c) and the older primitives in locks.c and irql.c.
 */
#ifndef MI_KE_H_
#define MI_KE_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include "../mi.h"

/* Kernel object types (Header.Type; the kernel's KOBJECTS numbers). */
#define MI_OBJ_EVENT_NOTIFICATION 0
#define MI_OBJ_EVENT_SYNCHRONIZATION 1
#define MI_OBJ_MUTANT 2
#define MI_OBJ_SEMAPHORE 5
#define MI_OBJ_THREAD 6
#define MI_OBJ_GATE 7
#define MI_OBJ_TIMER_NOTIFICATION 8
#define MI_OBJ_TIMER_SYNCHRONIZATION 9
#define MI_OBJ_APC 18
#define MI_OBJ_DPC 19
#define MI_OBJ_THREADED_DPC 26

/* The simulated thread object of each host thread (KeGetCurrentThread). */
struct _KTHREAD {
    /* ps32: a thread is a dispatcher object (signalled when it ends: a
     * KeWaitForSingleObject on a system thread waits for its end) and has a
     * client id (sim/ps, docs/ps.md). First, as the WDK's KTHREAD has it. */
    DISPATCHER_HEADER Header;
    CLIENT_ID Cid;
    BOOLEAN SystemThread; /* a PsCreateSystemThread thread (sim/ps owns the object) */
    KPRIORITY Priority;
    LONG BaseIncrement;
    SHORT KernelApcDisable;   /* < 0 inside critical regions (and per owned mutex) */
    SHORT SpecialApcDisable;  /* < 0 inside guarded regions */
    ULONG MutexesOwned;       /* KMUTEX objects owned */
    KAFFINITY SystemAffinity; /* 0: none set (the user affinity: every processor) */
    USHORT SystemGroup;       /* the group SystemAffinity's mask is relative to */
    uint64_t CreatedNs;       /* host monotonic time of first use */
};

/* Converts a DDI timeout (NULL: infinite; < 0: relative, 100 ns units;
 * >= 0: absolute system time) to nanoseconds from now (-1: infinite). */
int64_t MiKeTimeoutNs(const LARGE_INTEGER *Timeout);
/* A fast mutex wait's predicate (locks.c): takes the mutex if it is free.
 * Context is the PFAST_MUTEX. */
bool MiTryTakeFastMutex(void *Context);

/* The state of a dispatcher object a waiter saw when it began to wait. */
typedef struct _MI_WAIT_OBJECT {
    PVOID Object;
    UCHAR PulseGeneration;
} MI_WAIT_OBJECT;

void MiKeBeginWait(MI_WAIT_OBJECT *Wait, PVOID Object);
/* Satisfies the wait if the object is signalled (consuming what it takes:
 * a synchronization event or timer is reset, a semaphore count taken, a
 * mutex owned). */
bool MiKeTryAcquire(MI_WAIT_OBJECT *Wait);
/* Gives back what MiKeTryAcquire took (a wait-all that could not take all). */
void MiKeUndoAcquire(PVOID Object);
/* The object's state changed: wakes its waiters and every multi-object waiter. */
void MiKeWake(const volatile void *Object);

/* DPCs due on this thread's simulated processor run when its IRQL drops
 * below DISPATCH_LEVEL (sim/ke/dpc.c; called by KeLowerIrql). */
void MiDrainDpcs(void);
extern _Thread_local bool MiDpcsPending;
/* A timer set (in the timer queue) inside [Start, Start + Size), or NULL:
 * freeing memory that holds one is a bug check (sim/mm/pool.c). */
PKTIMER MiTimerInRange(const void *Start, SIZE_T Size);
/* A DPC queued (not yet run or removed) inside [Start, Start + Size), or
 * NULL: freeing memory that holds one is 0xC7/1 (sim/mm/pool.c). */
PKDPC MiQueuedDpcInRange(const void *Start, SIZE_T Size);
extern _Atomic uint64_t MiQueuedDpcCount;
/* Whether any timer is set (an atomic count): every pool free asks, and
 * most often none is, so the question costs a load. */
extern _Atomic uint64_t MiSetTimerCount;
static inline bool MiAnyTimerSet(void)
{
    return atomic_load_explicit(&MiSetTimerCount, memory_order_acquire) != 0;
}
/* Kernel mutexes the calling thread owns (a worker routine must return
 * owning none: 0x39, sim/ex/work.c). */
ULONG MiKeMutexesOwned(void);
/* ps32: makes Thread this host thread's KTHREAD (KeGetCurrentThread) until
 * MiKeSetCurrentThread(NULL); the caller owns its memory. MiKeInitThread
 * fills a new one as a host thread's first use does. */
void MiKeSetCurrentThread(struct _KTHREAD *Thread);
void MiKeInitThread(struct _KTHREAD *Thread);
/* Stops the clock thread that expires timers (a machine is going away). */
void MiStopTimerThread(void);
/* Interrupt time now (100 ns units since boot) without a DDI's entry: the
 * clock thread reads it, and a DDI would be refused once the machine stops
 * (sim/ke/time.c). */
uint64_t MiInterruptTimeNow(void);

#endif /* MI_KE_H_ */
