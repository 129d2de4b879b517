/*
 * mi.h - simulator internals shared by the layers (docs/architecture.md 1.1).
 * Not installed; tests and driver code never include it. Each block names the
 * layer that defines it; a layer calls only what its own or a lower layer
 * defines (the layering test checks the objects).
 */
#ifndef MMSIM_MI_H
#define MMSIM_MI_H

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mmsim.h"

/* Archetype of format(...) attributes (CMake sets it for the project's own
 * targets: gnu_printf under mingw-w64's C99 stdio, where plain "printf" would
 * mean msvcrt's formats). */
#ifndef MMSIM_PRINTF_FORMAT
#if defined(__MINGW32__)
#define MMSIM_PRINTF_FORMAT gnu_printf
#else
#define MMSIM_PRINTF_FORMAT printf
#endif
#endif

/* ---------------------------------------------------------------------- */
/* Machine state (sim/base/machine_state.c) and lifetime (sim/api).      */
/* ---------------------------------------------------------------------- */

/* A subsystem with machine-lifetime state. Init runs when a machine is
 * built (in table order), Teardown when it is discarded (reverse order). */
typedef struct _MI_SUBSYSTEM {
    const char *Name;
    NTSTATUS (*Init)(const SIM_CONFIG *Config);
    void (*Teardown)(void);
    /* Appends what the subsystem still holds to Report; false if anything. */
    bool (*IsClean)(char *Report, size_t Size);
} MI_SUBSYSTEM;

#define MI_SUBSYSTEM_ENTRY(Name) extern const MI_SUBSYSTEM Name;
#include "mi_subsystems.h"
#undef MI_SUBSYSTEM_ENTRY

extern SIM_CONFIG MiConfig;      /* configuration of the running machine */
extern ULONG64 MiSeed;           /* seed of the running machine */
/* Set by the machine builder (sim/api/machine.c), read by MiEnsureMachine. */
extern atomic_bool MiMachineUp;
/* Set when a machine is built: the next DDI call re-arms the fault trap. A
 * test harness may have put its own SIGSEGV handler over it since (CMocka
 * does around every test body), and a driver's stray access must still be
 * the simulated bug check (0x50, 0x1E, 0xD1), not the harness's "exception". */
extern atomic_bool MiTrapStale;
/* Set in a forked child that could not get its own machine. */
extern atomic_bool MiForkRefused;
/* setup20: set by SimReset and SimInitialize around the teardown of one
 * machine and the build of the next, with the machine lock held: Teardown
 * may then keep host reservations, cleared where the machine used them, for
 * the next Init (issue 20: a build at the host floor, at any size). Init
 * takes what is kept and fits and releases the rest; what is kept never
 * outlives the build (the ForgetKept routines after it), so no fork copies it. */
extern bool MiKeepForNextMachine;
void MiPhysForgetKept(void);
void MiSpaceForgetKept(void);
void MiPoolForgetKept(void);
void MiUserForgetKept(void);

/* Builds the default machine on first use. Cheap after that. The building
 * is the builder's that the Sim* API layer registers (no layer calls up). */
void MiEnsureMachine(void);
void MiRegisterMachineBuilder(void (*Builder)(void));
bool MiIsMachineUp(void);
const char *MiProfileName(SIM_PROFILE Profile);
/* The profile named Name (SimParseProfile's rules, mmsim.h); config.c. */
BOOLEAN MiParseProfile(const char *Name, SIM_PROFILE *Profile);
/* Registers the unload check that runs at process exit (verifier/unload.c). */
void MiRegisterExitCheck(void);

/* ---------------------------------------------------------------------- */
/* Internal assertions (docs/architecture.md 1.2).                        */
/* ---------------------------------------------------------------------- */
/* MI_ASSERT(Condition) states what must hold where simulator state changes
 * (PFN state transitions, list links, PTE writes), so corruption stops the
 * machine where it happens rather than at the next invariant check. A failed
 * one is the simulator's own internal-error stop: bug check 0x1A
 * MEMORY_MANAGEMENT with Parameter 1 MI_ASSERT_SUBCODE ("MiAs", not a Windows
 * sub-code), 2 the source file, 3 the line, 4 the condition's text, after a
 * line on stderr naming file:line. Active unless NDEBUG (the release preset),
 * where the condition is not compiled (helpers used only in conditions are
 * static inline, so that nothing is left unused). */
#define MI_ASSERT_SUBCODE 0x4D694173u
_Noreturn void MiAssertFailed(const char *Condition, const char *File, int Line);
#ifndef NDEBUG
#define MI_ASSERT(Condition) \
    ((Condition) ? (void)0 : MiAssertFailed(#Condition, __FILE__, __LINE__))
#else
#define MI_ASSERT(Condition) ((void)0)
#endif

/* ---------------------------------------------------------------------- */
/* The simulator lock (one recursive lock for all Mm state).              */
/* ---------------------------------------------------------------------- */
void MiLock(void);
void MiUnlock(void);
/* How deep this thread holds the MM lock (0: not). */
unsigned MiMmLockDepthNow(void);
/* Drops every level of the lock the calling thread holds (bug check path),
 * with its wait's bucket and the host locks below. */
void MiDropLocksForBugCheck(void);
/* A host lock held while touching driver memory, which may fault: a bug
 * check there releases it (sim/ke/locks.c). */
void MiLockForDriverAccess(pthread_mutex_t *Lock);
void MiUnlockForDriverAccess(pthread_mutex_t *Lock);
/* The fault handler's first step: true if the thread held such locks, now
 * let go (the fault ends in a stop: the simulator lock, under which other
 * threads take them, must not be waited for while holding them). */
bool MiLetGoOfDriverAccessLocksForFault(void);

/* ---------------------------------------------------------------------- */
/* DDI entry: lazy machine, refusal after a stop, IRQL rule.              */
/* ---------------------------------------------------------------------- */
typedef enum _MI_DDI {
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode) MiDdi_##Name,
#include "mi_ddi_table.h"
#undef MI_DDI_ENTRY
    MiDdiCount
} MI_DDI;

/* Every DDI calls this first. Refuses the call loudly if the machine is
 * stopped; bug checks if the current IRQL is above the DDI's documented
 * maximum, with Parameter 3 and 4 as the rule's code documents them. */
void MiDdiEnter(MI_DDI Ddi, ULONG_PTR Parameter3, ULONG_PTR Parameter4);

/* An access violation in kernel code: caught by a SIM_TRY_STATUS frame (as
 * __except would), else bug check 0x1E. */
_Noreturn void MiRaiseAccessViolation(ULONG_PTR CodeAddress, bool Write, ULONG_PTR Address);
/* Exceptions (sim/ke/seh.c): raises Code to the thread's SIM_TRY_STATUS and __try frames;
 * unhandled, it is 0x1E. The catch-frame chain's top is kept by sim/ke/bugcheck.c. */
_Noreturn void MiRaiseException(NTSTATUS Code, ULONG Flags, ULONG_PTR Address, ULONG Count,
                                ULONG_PTR P0, ULONG_PTR P1);
SIM_CATCH_FRAME *MiTopCatchFrame(void);
void MiSetTopCatchFrame(SIM_CATCH_FRAME *Frame);

/* A pointer a driver passed to a DDI, checked before the DDI touches it:
 * one in the never-mapped first 64 KiB (NULL) gets what the access would get
 * on Windows - 0xD1 at DISPATCH_LEVEL and above, else an access violation -
 * without host undefined behaviour. Offset: the field the DDI reads first. */
void MiCheckDriverPointer(const void *Pointer, size_t Offset, bool Write, ULONG_PTR Caller);
/* A touch of Address outside system space (NULL and its neighbourhood) by
 * kernel code at CodeAddress: 0xD1 at DISPATCH_LEVEL and above, else an
 * access violation (sim/ke/bugcheck.c, with MiCheckDriverPointer). */
_Noreturn void MiNullAccess(ULONG_PTR Address, bool Write, ULONG_PTR CodeAddress);
#define MI_CHECK_MDL(Mdl) \
    MiCheckDriverPointer((Mdl), offsetof(MDL, MdlFlags), false, MI_CALLER_ADDRESS())

/* Refuses a DDI on a stopped machine (never returns). */
_Noreturn void MiRefuse(const char *Ddi);
/* Refuses a wait or spin begun on the machine of epoch Epoch, which stopped
 * or was reset or shut down while it waited; reports that machine's stop,
 * if it had one (Code 0 if not). */
_Noreturn void MiRefuseDeadWait(const char *Ddi, uint64_t Epoch);
/* Internal catch frame: catches refusals only (a worker thread's routine
 * abandoned on a dead machine); bug checks pass it by. */
#define MI_FRAME_REFUSAL ((SIM_FRAME_KIND)3)

bool MiIsStopped(void);
void MiClearStop(void);
/* The fault trap's handler runs between these (CodeAddress: the faulting
 * instruction, or NULL): a stop raised inside it is reported without what is
 * unsafe in a signal handler. Leaving by a stop or an exception ends it too. */
void MiEnterFaultTrap(void *CodeAddress);
void MiLeaveFaultTrap(void);

/* Refuses the call on a stopped machine (MiDdiEnter and the DDIs outside
 * the IRQL table use it). */
extern atomic_uint_fast64_t MiWaitEpoch; /* machines so far (sim/ke/locks.c) */
/* The machine (epoch) of this thread's last DDI call: a thread that spins
 * in driver code across a reset was on a machine that is gone. */
extern _Thread_local uint64_t MiThreadEpoch;

static inline void MiRefuseIfStopped(const char *Ddi)
{
    if (MiIsStopped()) {
        MiRefuse(Ddi);
    }
    MiThreadEpoch = atomic_load_explicit(&MiWaitEpoch, memory_order_relaxed);
}

/* ---------------------------------------------------------------------- */
/* IRQL (sim/ke/irql.c).                                                  */
/* ---------------------------------------------------------------------- */
KIRQL MiCurrentIrql(void);
void MiSetIrql(KIRQL Irql);   /* reset paths only */

/* fork() handlers (machine.c registers them): the prepare half takes every
 * host lock, the parent half releases them, the child half makes them new. */
void MiLocksForkPrepare(void);
void MiLocksForkParent(void);
void MiLocksForkChild(void);
/* A fault inside a wait's look (sim/ke/locks.c): the wait's bucket is let go
 * around the fault handler, which refuses the wait if its machine is gone. */
void *MiLetGoOfParkForFault(void);            /* the bucket let go, or NULL */
void MiRefuseIfLentWaitEnded(void);           /* before reading the machine, under its lock */
void MiTakeBackParkAfterFault(void *Lent);    /* the access is retried: taken back */
/* A probe for white-box tests (tests/kesync/test_kesync_lent.c): called on
 * the waiter's thread once its bucket is let go, before the fault is served,
 * so that a test can wake or reset inside that window. NULL: none. */
typedef void (*MI_LENT_BUCKET_PROBE)(void);
extern MI_LENT_BUCKET_PROBE MiLentBucketProbe;
long MiParkedThreads(void);   /* threads inside a wait's parked section */
long MiSpinningThreads(void); /* threads spinning for a held spin lock */
/* A spinner counts itself while it spins (MiEnterSpin returns the machine's
 * epoch it counted in) and leaves the count when it has the lock
 * (MiLeaveSpin) or is refused (the refusal leaves it): a reset waits for the
 * old machine's spinners to see it is gone before tearing it down. */
uint64_t MiEnterSpin(void);
void MiLeaveSpin(void);

/* ---------------------------------------------------------------------- */
/* Parking lot for blocking waits (sim/ke/locks.c).                       */
/* ---------------------------------------------------------------------- */
typedef bool (*MI_WAIT_PREDICATE)(void *Context);
/* Blocks until Predicate(Context) is true. TimeoutNs < 0: wait forever.
 * Returns false on timeout. */
bool MiParkUntil(const volatile void *Address, MI_WAIT_PREDICATE Predicate, void *Context,
                 int64_t TimeoutNs);
/* The same for a DDI: a stop, reset or shutdown while it waits refuses Ddi
 * (never returns then). MiParkUntil refuses as "a wait". */
bool MiParkUntilFor(const char *Ddi, const volatile void *Address, MI_WAIT_PREDICATE Predicate,
                    void *Context, int64_t TimeoutNs);
void MiUnparkAll(const volatile void *Address);
/* Machines so far (a wait or spin belongs to the one it began on). */
uint64_t MiCurrentWaitEpoch(void);
/* A stop: every parked thread wakes to be refused (spinners notice alone). */
void MiWakeWaitersForStop(void);
/* Before a machine is torn down: every wait and spin on it is refused, and
 * its spinners have let go of the objects they spin on when this returns. */
void MiEndMachineWaits(void);

/* ---------------------------------------------------------------------- */
/* Fault injection: the decision is asked here (sim/base), the verifier  */
/* (sim/verifier/inject.c) fills the hook table when it starts.          */
/* ---------------------------------------------------------------------- */
typedef enum _MI_INJECT_RESULT {
    MiInjectNone = 0, /* proceed */
    MiInjectFail,     /* fail as for want of resources */
    MiInjectShort     /* page allocations only: return a short MDL */
} MI_INJECT_RESULT;
typedef struct _MI_INJECT_HOOKS {
    MI_INJECT_RESULT (*Decide)(SIM_FAULT_SITE Site, ULONG Tag, ULONG_PTR Caller);
    uint64_t (*ShortPages)(uint64_t Pages);
} MI_INJECT_HOOKS;
void MiSetInjectHooks(const MI_INJECT_HOOKS *Hooks);
/* Asks whether this call of Site (pool Tag, from the DDI's Caller) must
 * fail; counts it. No hooks: never. */
MI_INJECT_RESULT MiInjectFaultAt(SIM_FAULT_SITE Site, ULONG Tag, ULONG_PTR Caller);
/* The usual form, inside a DDI. */
#define MiInjectFault(Site) (MiInjectFaultAt((Site), 0, MI_CALLER_ADDRESS()) != MiInjectNone)
/* Objects the system keeps track of in a driver's memory (lookaside lists,
 * executive resources, work items): ExFreePool asks the layer that keeps them
 * whether the block being freed still holds an active one, and stops with
 * the code that layer gives for it (Driver Verifier's 0xC4 for the lists
 * and resources, the executive's 0xE4 for a work item: the policy is the
 * finder's, not this layer's). That layer registers its finder when it
 * starts; a finder reads only mmsim's own records (it runs under the MM lock)
 * and returns the bug check code, 0 if the block holds none, with the
 * parameters 1-4 in Parameters (PoolType: the pool type, or (ULONG_PTR)-1
 * for special pool). */
typedef enum _MI_HELD_OBJECT_KIND {
    MiHeldLookasideList = 0, /* sim/ex/lookaside.c */
    MiHeldResource,          /* sim/ex/resource.c */
    MiHeldWorkItem,          /* sim/ex/work.c */
    MiHeldObjectKinds
} MI_HELD_OBJECT_KIND;
typedef ULONG (*MI_HELD_OBJECT_FINDER)(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                                       ULONG_PTR Parameters[4]);
void MiSetHeldObjectFinder(MI_HELD_OBJECT_KIND Kind, MI_HELD_OBJECT_FINDER Finder);
/* The first registered finder's stop for the block (its code, parameters
 * in Parameters); 0 if the block holds none. */
ULONG MiFindHeldObject(const void *Start, SIZE_T Size, ULONG_PTR PoolType,
                       ULONG_PTR Parameters[4]);

/* A sorted set of addresses in mmsim's own memory (sim/base/address_set.c):
 * the queued DPCs, set timers and queued work items, kept in step with their
 * lists (which are linked through driver memory) so that a check never reads
 * a driver's object to find them. An insert the host refuses memory for
 * marks the set Incomplete (the owner then walks its list) until cleared:
 * at the latest when the machine whose list it recorded is gone. */
typedef struct _MI_ADDRESS_SET {
    const void **Items; /* ascending */
    size_t Count, Capacity;
    bool Incomplete;
} MI_ADDRESS_SET;
/* White-box tests: while non-zero, the sets cannot grow, as if the host had
 * no memory for them (their first room, reserved at start, is kept). */
extern atomic_uint MiAddressSetGrowthRefused;
bool MiAddressSetReserve(MI_ADDRESS_SET *Set, size_t Capacity);
void MiAddressSetInsert(MI_ADDRESS_SET *Set, const void *Address);
void MiAddressSetRemove(MI_ADDRESS_SET *Set, const void *Address);
bool MiAddressSetContains(const MI_ADDRESS_SET *Set, const void *Address);
/* The lowest address of the set in [Start, Start + Size), or NULL. */
const void *MiAddressSetFirstIn(const MI_ADDRESS_SET *Set, const void *Start, size_t Size);
void MiAddressSetClear(MI_ADDRESS_SET *Set);
/* Moves Set's addresses into Dropped (objects left on a machine that is
 * gone) and empties Set; Dropped is Incomplete if Set was or the host had no
 * room for them. */
void MiAddressSetDropInto(MI_ADDRESS_SET *Set, MI_ADDRESS_SET *Dropped);
/* Pages an MmAllocatePagesForMdl(Ex) call may have (Pages, or fewer when a
 * short allocation is armed). */
uint64_t MiInjectShortPages(uint64_t Pages);

/* ---------------------------------------------------------------------- */
/* Worker threads (sim/ex/work.c).                                     */
/* ---------------------------------------------------------------------- */
/* Stops the worker threads; machine.c calls it before taking the simulator
 * lock to reset or shut down, since a running routine may need that lock. */
void MiStopWorkers(void);
bool MiWorkersIdle(void); /* scale: started, nothing queued or running */
/* fork() handlers for the executive's host locks (see MiLocksForkPrepare;
 * machine.c calls them with the MM lock held): the worker queue's, and,
 * taken after it, the lookaside lists', resources' and callback objects'
 * records' (robust31: a fork while another thread held one of those left
 * the child's only thread to wait for it for ever). Each of those files
 * has its step below. */
void MiWorkForkPrepare(void);
void MiWorkForkParent(void);
void MiWorkForkChild(void);
typedef enum _MI_FORK_STEP { MiForkStepPrepare, MiForkStepParent, MiForkStepChild } MI_FORK_STEP;
/* Prepare takes Mutex; Parent and Child let it go (a plain mutex has no
 * owner check: the child's thread releases what the forking one took). */
void MiForkStepMutex(pthread_mutex_t *Mutex, MI_FORK_STEP Step);
void MiLookasideForkStep(MI_FORK_STEP Step);
void MiResourceForkStep(MI_FORK_STEP Step);
void MiCallbacksForkStep(MI_FORK_STEP Step);
void MiPsForkStep(MI_FORK_STEP Step);

/* ---------------------------------------------------------------------- */
/* Text (sim/base/text.c).                                                */
/* ---------------------------------------------------------------------- */
void MiWriteStderr(const char *Text);
/* Appends printf-style text to the NUL-terminated Report (never overflows). */
void MiAppend(char *Report, size_t Size, const char *Format, ...)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 3, 4)));

/* Caller address of the DDI (for bug check parameters that name it). */
#define MI_CALLER_ADDRESS() ((ULONG_PTR)__builtin_extract_return_addr(__builtin_return_address(0)))

/* ---------------------------------------------------------------------- */
/* Probes: the internals behind the Sim* queries and controls of mmsim.h */
/* that sim/api/query.c makes public (the verifier reads them too).       */
/* ---------------------------------------------------------------------- */
ULONG MiQueryMdlMappings(ULONG64 *Pages);
ULONG MiQueryPoolUsage(SIM_POOL_TAG_USAGE *Entries, ULONG Max);
ULONG MiEnumPoolBlocks(SIM_POOL_BLOCK_INFO *Blocks, ULONG Max);
BOOLEAN MiQueryReservation(PVOID Va, SIM_RESERVATION_INFO *Info);
ULONG MiEnumReservations(SIM_RESERVATION_INFO *Infos, ULONG Max);
PVOID MiQueryPteAddress(PVOID Va);
SIM_NT5_HEADER_FORMAT MiGetNt5HeaderFormat(VOID);
NTSTATUS MiSetNt5HeaderFormat(SIM_NT5_HEADER_FORMAT Format);
ULONG MiTrimPagedPool(VOID);
const SIM_IRQL_RULE *MiIrqlRuleOf(const char *Ddi);
const SIM_IRQL_RULE *MiIrqlRuleTable(ULONG *Count);
BOOLEAN MiWaitForWorkItems(ULONG TimeoutMs);


/* Whether [Va, Va+Size) can be read now without a fault: host memory (it
 * stands for resident kernel memory) above the never-mapped first 64 KiB,
 * or system space whose PTEs are all valid (sim/mm/query.c). For checks
 * that read a driver's memory they do not own. */
bool MiIsResidentNow(const void *Va, SIZE_T Size);

/* exsync: the active lookaside lists (sim/ex/lookaside.c), for the unload check. */
typedef struct _MI_LOOKASIDE_INFO {
    PVOID List;
    ULONG Tag;
    bool Paged, Ex;
    SIZE_T Bytes;       /* the list structure's size */
    bool Readable;      /* its memory is there: the two counts below were read */
    USHORT Cached;      /* entries on the list */
    ULONG Outstanding;  /* allocated from it and not freed to it */
} MI_LOOKASIDE_INFO;
ULONG MiEnumLookasideLists(MI_LOOKASIDE_INFO *Infos, ULONG Max);

/* verifier/dump.c: one formatted line to a dump's file or buffer (the
 * dump layer's single writer; dump_user.c's views use it too). */
void MiDumpVPrint(SIM_DUMP_OUTPUT *Out, const char *Format, va_list Args)
    __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 0)));

/* ps32: processes and threads (sim/ps, docs/ps.md). */
/* mm/process.c calls it after SimCreateProcess and SimDeleteProcess (Id: the
 * process record's), outside the simulator lock; sim/ps sets it. */
extern void (*MiProcessNotifyHook)(ULONG Id, bool Create);
/* Ends the system threads of a machine being reset or shut down: each wait
 * of theirs is ended until every one has returned, and joined. Called with
 * no simulator lock held, after MiEndMachineWaits (machine.c). */
void MiStopSystemThreads(void);
/* What a driver unload leaves running or registered: system threads not
 * ended and notify routines not removed; First* the first of each (its
 * start routine, or the routine). */
typedef struct _MI_PS_LEFT {
    ULONG64 Threads;
    ULONG64 NotifyRoutines;
    ULONG_PTR FirstThreadRoutine;
    ULONG_PTR FirstNotifyRoutine;
} MI_PS_LEFT;
void MiPsQueryLeft(MI_PS_LEFT *Left);

/* ---- Object references (sim/ex/object.c) --------------------------------
 * ObfReferenceObject, ObfDereferenceObject and ObReferenceObjectByPointer
 * are one front over the managers that hand out objects: the I/O manager
 * (devices, files) and ps (processes, threads). Each manager answers for its
 * own objects: whether Object is one (its type in *Type), and if so moves its
 * count by Delta (0: only asks) and gives the new count. A count that would
 * go wrong (below zero, or a reference to a deleted object) is left as it is
 * and answered MiObjectWrongCount: the front stops with 0x18 and the type. */
typedef enum _MI_OBJECT_ANSWER {
    MiObjectNotMine,
    MiObjectCounted,
    MiObjectWrongCount,
} MI_OBJECT_ANSWER;
extern struct _OBJECT_TYPE MiThreadObjectType, MiProcessObjectType, MiDeviceObjectType,
    MiFileObjectType;
MI_OBJECT_ANSWER MiIoAdjustObject(PVOID Object, LONG Delta, ULONG_PTR Caller, POBJECT_TYPE *Type,
                                  LONG_PTR *Count);
MI_OBJECT_ANSWER MiPsAdjustObject(PVOID Object, LONG Delta, POBJECT_TYPE *Type, LONG_PTR *Count);
/* The front's own (the managers use them on their objects). */
LONG_PTR MiObAdjust(PVOID Object, LONG Delta, ULONG_PTR Caller);

#endif /* MMSIM_MI_H */
