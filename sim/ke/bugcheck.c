/*
 * bugcheck.c - KeBugCheckEx, catch frames, ExRaiseStatus and the stopped state.
 *
 * A bug check stops the simulated machine. If the calling thread armed a catch
 * frame (SIM_CATCH_BUGCHECK) control returns there; otherwise the stop report
 * goes to stderr and the process exits with SIM_EXIT_BUGCHECK, as a real
 * machine would stop. After a stop only SimReset() is accepted: every DDI call
 * is refused loudly (docs/architecture.md section 4). Other threads: those waiting or
 * spinning in the simulator are woken and refused at once (sim/ke/locks.c),
 * the rest at their next DDI call; a worker thread's routine is abandoned.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "../mi.h"
#include "../host/host.h"

static _Thread_local SIM_CATCH_FRAME *MiTopFrame;
/* Set while this thread runs the fault trap (a signal handler on POSIX): a
 * stop raised there must avoid what is unsafe in a signal handler. */
static _Thread_local bool MiInTrap;
static _Thread_local void *MiTrapCode;
static SIM_STOP_HOOK _Atomic MiStopHook;

static pthread_mutex_t MiStopLock = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool MiStopped;
static SIM_BUGCHECK MiStop;
/* The last stop and the machine (wait epoch) it stopped, kept across resets
 * so that a wait refused after the reset can still name it. */
static SIM_BUGCHECK MiLastStop;
static uint64_t MiLastStopEpoch;

/* ---------------------------------------------------------------------- */
/* Names and meanings (docs/ddi-contract.md section 3).                   */
/* ---------------------------------------------------------------------- */
typedef struct _MI_CODE_NAME {
    ULONG Code;
    const char *Name;
    const char *Meaning;
} MI_CODE_NAME;

static const MI_CODE_NAME MiCodeNames[] = {
    {0x09, "IRQL_NOT_GREATER_OR_EQUAL", "IRQL was lowered below the level it must stay at."},
    {0x0A, "IRQL_NOT_LESS_OR_EQUAL", "A routine was called, or memory touched, at too high an IRQL."},
    {0x0F, "SPIN_LOCK_ALREADY_OWNED", "A spin lock was acquired by the thread that already owns it."},
    {0x10, "SPIN_LOCK_NOT_OWNED", "A spin lock was released that is not owned."},
    {0x1A, "MEMORY_MANAGEMENT", "A memory management error (see Parameter 1)."},
    {0x1E, "KMODE_EXCEPTION_NOT_HANDLED", "A kernel-mode exception was not handled."},
    {0x3F, "NO_MORE_SYSTEM_PTES", "System PTEs ran out and the caller asked to bug check on failure."},
    {0x40, "TARGET_MDL_TOO_SMALL", "IoBuildPartialMdl target MDL is too small."},
    {0x4A, "IRQL_GT_ZERO_AT_SYSTEM_SERVICE", "Returned to user mode at IRQL above PASSIVE_LEVEL."},
    {0x4E, "PFN_LIST_CORRUPT", "The PFN database is corrupt (see Parameter 1)."},
    {0x50, "PAGE_FAULT_IN_NONPAGED_AREA", "Invalid system memory was referenced."},
    {0x7A, "KERNEL_DATA_INPAGE_ERROR", "A page of kernel data could not be read back into memory."},
    {0x76, "PROCESS_HAS_LOCKED_PAGES", "Pages locked by a driver were not unlocked."},
    {0xBE, "ATTEMPTED_WRITE_TO_READONLY_MEMORY", "A driver wrote to read-only memory."},
    {0xC1, "SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION", "Special pool caught a corruption or a bad free (see Parameter 4)."}, /* specialpool */
    {0xC2, "BAD_POOL_CALLER", "A driver made a bad pool request (see Parameter 1)."},
    {0xC4, "DRIVER_VERIFIER_DETECTED_VIOLATION", "Driver Verifier caught a violation (see Parameter 1)."},
    {0xC7, "TIMER_OR_DPC_INVALID", "A timer, DPC or worker was left in memory being freed or unloaded."},
    {0xCB, "DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS", "A driver left pages locked."},
    {0xCC, "PAGE_FAULT_IN_FREED_SPECIAL_POOL", "Freed special pool was touched."}, /* specialpool */
    {0xCD, "PAGE_FAULT_BEYOND_END_OF_ALLOCATION", "Memory beyond a special pool allocation was touched."}, /* specialpool */
    {0xCE, "DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS", "A driver unloaded with operations pending."},
    {0xD1, "DRIVER_IRQL_NOT_LESS_OR_EQUAL", "A driver touched pageable or invalid memory at raised IRQL."},
    {0xD5, "DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL", "A driver touched freed special pool."},
    {0xD6, "DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION", "A driver touched beyond its pool allocation."},
    {0xD8, "DRIVER_USED_EXCESSIVE_PTES", "A driver used too many system PTEs."},
    {0xDA, "SYSTEM_PTE_MISUSE", "A driver misused system PTEs (see Parameter 1)."},
    {0xE1, "WORKER_THREAD_RETURNED_AT_BAD_IRQL", "A work item routine returned at an IRQL other than PASSIVE_LEVEL."},
    {0xE4, "WORKER_INVALID", "A work item was queued while queued, or its memory freed while queued (see Parameter 1)."},
    {0x12E, "INVALID_MDL_RANGE", "IoBuildPartialMdl range lies outside the source MDL."},
    {0x139, "KERNEL_SECURITY_CHECK_FAILURE", "A kernel structure was found corrupt (see Parameter 1)."},
    {0x13A, "KERNEL_MODE_HEAP_CORRUPTION", "The kernel pool heap is corrupt."},
    /* kedisp: the dispatcher's (docs/ke-sync.md). */
    {0x03, "INVALID_AFFINITY_SET", "A thread affinity names no active processor."},
    {0x0C, "MAXIMUM_WAIT_OBJECTS_EXCEEDED", "A wait named more objects than its wait blocks allow."},
    {0x39, "SYSTEM_EXIT_OWNED_MUTEX", "A work item routine returned owning a mutex."},
    {0xBF, "MUTEX_ALREADY_OWNED", "A thread acquired a mutex it already owns."},
    {0xC8, "IRQL_UNEXPECTED_VALUE", "The IRQL is not what it should be (a routine changed it)."},
};

typedef struct _MI_SUBCODE {
    ULONG Code;
    ULONG_PTR SubCode;
    const char *Meaning;
} MI_SUBCODE;

static const MI_SUBCODE MiSubCodes[] = {
    /* 0xDA SYSTEM_PTE_MISUSE (3.1) */
    {0xDA, 0x100, "A reservation of zero mappings was requested."},
    {0xDA, 0x101, "Freeing a reserved range the caller does not own (tag mismatch)."},
    {0xDA, 0x102, "The reserved range being freed or unmapped is not owned or apparently empty."},
    {0xDA, 0x103, "The reserved range being freed is still mapped: unmap it first."},
    {0xDA, 0x104, "Mapping an MDL into a reserved range the caller does not own (tag mismatch)."},
    {0xDA, 0x105, "Mapping into an invalid reserved range (most likely a bad address)."},
    {0xDA, 0x106, "The address is not inside any reserved range (0 free, 1 map, 2 unmap)."},
    {0xDA, 0x107, "Mapping into a reserved range that is not empty: unmap first."},
    {0xDA, 0x108, "Unmapping a reserved range the caller does not own (tag mismatch)."},
    {0xDA, 0x109, "Unmapping a reserved range that is apparently empty."},
    {0xDA, 0x10A, "Unmapping more mappings than the reserved range holds."},
    {0xDA, 0x10B, "Unmapping a portion of a reserved range that is not mapped."},
    {0xDA, 0x10C, "Not unmapping the entirety of the mapped reserved range."},
    {0xDA, 0x301, "Releasing a mapping the caller may not release (it belongs to a reserved range)."},
    {0xDA, 0x302, "Releasing a system address that is not currently mapped."},
    {0xDA, 0x304, "The release begins in the middle of another mapping."},
    {0xDA, 0x305, "Releasing a different number of mappings than were mapped."},
    /* 0x1A MEMORY_MANAGEMENT (3.2) */
    {0x1A, 0x1233, "Mapping a physical page that was not locked."},
    {0x1A, 0x1236, "The MDL contains a page not allocated for an MDL (freed twice?)."},
    {0x1A, 0x1238, "Freeing pages of an MDL that is still mapped or describes I/O space."},
    {0x1A, 0x1240, "Building an MDL for a non-resident virtual range."},
    {0x1A, 0x1302, "MmFreePagesFromMdlEx: bad flags or a ByteCount that is not whole pages."},
    {0x1A, 0x41792, "A corrupted PTE was found."},
    {0x1A, MI_ASSERT_SUBCODE, "mmsim internal error: an MI_ASSERT failed (Parameter 2: source "
                              "file, 3: line, 4: condition; the simulator's own stop)."},
    /* 0x4E PFN_LIST_CORRUPT (3.3) */
    {0x4E, 0x07, "A driver unlocked a page more times than it locked it."},
    {0x4E, 0x99, "A PTE or PFN is corrupt."},
    {0x4E, 0x9A, "A driver freed a page that is still locked for I/O."},
    /* 0xC2 BAD_POOL_CALLER (3.5) */
    {0xC2, 0x00, "Zero-byte pool allocation."},
    {0xC2, 0x06, "Freeing pool that was already freed."},
    {0xC2, 0x07, "Freeing pool that was already freed."},
    {0xC2, 0x08, "Pool allocation at an invalid IRQL."},
    {0xC2, 0x09, "Pool free at an invalid IRQL."},
    {0xC2, 0x0A, "Freeing pool with the wrong tag."},
    {0xC2, 0x46, "Freeing an invalid pool address."},
    {0xC2, 0x9B, "Pool allocation with tag 0."},
    {0xC2, 0x9D, "Pool tag without letters or digits."},
    {0xC2, 0x99, "Free with an invalid address."},
    /* 0xC4 DRIVER_VERIFIER_DETECTED_VIOLATION (3.4) */
    {0xC4, 0x00, "Zero-byte pool allocation."},
    {0xC4, 0x01, "Paged pool allocation at IRQL above APC_LEVEL."},
    {0xC4, 0x02, "Non-paged pool allocation at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x10, "Freeing an address not returned by a pool allocator."},
    {0xC4, 0x11, "Freeing paged pool at IRQL above APC_LEVEL."},
    {0xC4, 0x12, "Freeing non-paged pool at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x30, "KeRaiseIrql to a lower IRQL (or above HIGH_LEVEL)."},
    {0xC4, 0x31, "KeLowerIrql to a higher IRQL."},
    {0xC4, 0x62, "Driver unloading without freeing its pool."},
    {0xC4, 0x70, "MmProbeAndLockPages at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x76, "MmMapLockedPagesSpecifyCache (kernel) at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x78, "MmUnlockPages at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x79, "MmUnmapLockedPages at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x7C, "MmUnlockPages on an MDL never successfully locked."},
    {0xC4, 0x7D, "MmUnlockPages on an MDL that describes non-paged pool."},
    {0xC4, 0x7E, "MmAllocatePagesForMdl(Ex)/MmFreePagesFromMdl at IRQL above DISPATCH_LEVEL."},
    {0xC4, 0x7F, "MmBuildMdlForNonPagedPool on paged pool."},
    {0xC4, 0x82, "MmMapLockedPagesSpecifyCache with BugCheckOnFailure TRUE."},
    {0xC4, 0xB0, "MmProbeAndLockPages on an MDL with wrong flags."},
    {0xC4, 0xB2, "Mapping an MDL that is already mapped."},
    {0xC4, 0xB3, "Mapping an MDL whose pages are not locked."},
    {0xC4, 0xB4, "MmUnlockPages on a partial MDL."},
    {0xC4, 0xB5, "MmUnmapLockedPages on a partial MDL."},
    {0xC4, 0xB6, "MmUnmapLockedPages on an MDL that is not mapped."},
    {0xC4, 0xB8, "IoFreeMdl while the MDL's pages are still mapped."},
    {0xC4, 0x141, "The driver explicitly asked for physical memory below 4 GB."},
    {0xC4, 0x20002, "DDI rule IrqlApcLte: object security routine called above APC_LEVEL."},
    {0xC4, 0x20003, "DDI rule IrqlDispatch: routine called at an IRQL other than DISPATCH_LEVEL."},
    {0xC4, 0x20004, "DDI rule IrqlExAllocatePool: pool allocation above DISPATCH_LEVEL."},
    {0xC4, 0x20005, "DDI rule IrqlExApcLte1: fast mutex acquired above APC_LEVEL."},
    {0xC4, 0x20006, "DDI rule IrqlExApcLte2: executive routine called above APC_LEVEL."},
    {0xC4, 0x20007, "DDI rule IrqlExApcLte3: executive resource routine called above APC_LEVEL."},
    {0xC4, 0x20008, "DDI rule IrqlExPassive: executive routine called above PASSIVE_LEVEL."},
    {0xC4, 0x20009, "DDI rule IrqlIoApcLte: I/O manager routine called above APC_LEVEL."},
    {0xC4, 0x2000A, "DDI rule IrqlIoPassive1: I/O manager routine called above PASSIVE_LEVEL."},
    {0xC4, 0x2000B, "DDI rule IrqlIoPassive2: I/O manager routine called above PASSIVE_LEVEL."},
    {0xC4, 0x2000C, "DDI rule IrqlIoPassive3: I/O manager routine called above PASSIVE_LEVEL."},
    {0xC4, 0x2000D, "DDI rule IrqlIoPassive4: I/O manager routine called above PASSIVE_LEVEL."},
    {0xC4, 0x2000E, "DDI rule IrqlIoPassive5: I/O manager routine called above PASSIVE_LEVEL."},
    {0xC4, 0x2000F, "DDI rule IrqlKeApcLte1: kernel routine called above APC_LEVEL."},
    {0xC4, 0x20010, "DDI rule IrqlKeApcLte2: kernel routine called above APC_LEVEL."},
    {0xC4, 0x20011, "DDI rule IrqlKeDispatchLte: kernel routine called above DISPATCH_LEVEL."},
    {0xC4, 0x20015, "DDI rule IrqlKeReleaseSpinLock: KeReleaseSpinLock called at an IRQL other than DISPATCH_LEVEL."},
    {0xC4, 0x20016, "DDI rule IrqlKeSetEvent: KeSetEvent called above its IRQL."},
    {0xC4, 0x20019, "DDI rule IrqlMmApcLte: memory manager routine called above APC_LEVEL."},
    {0xC4, 0x2001A, "DDI rule IrqlMmDispatch: MmFreeContiguousMemory called above DISPATCH_LEVEL."},
    {0xC4, 0x2001B, "DDI rule IrqlObPassive: ObReferenceObjectByHandle called above PASSIVE_LEVEL."},
    {0xC4, 0x2001C, "DDI rule IrqlPsPassive: process or thread routine called above PASSIVE_LEVEL."},
    {0xC4, 0x2001E, "DDI rule IrqlRtlPassive: RtlDeleteRegistryValue called above PASSIVE_LEVEL."},
    {0xC4, 0x2001F, "DDI rule IrqlZwPassive: ZwClose called above PASSIVE_LEVEL."},
    {0xC4, 0x20022, "DDI rule IrqlIoDispatch: I/O manager routine called above DISPATCH_LEVEL."},
    {0xC4, 0x20023, "DDI rule IrqlIoRtlZwPassive: I/O, Rtl or Zw routine called above PASSIVE_LEVEL."},
    {0xC4, 0x20024, "DDI rule IrqlNtifsApcPassive: file system routine called above its IRQL."},
    /* robust31: work items (docs/work-items.md) */
    {0xE4, 0x0, "Pool being freed holds a work item that is still queued."},
    {0xE4, 0x1, "A work item was queued while it is still queued."},
    {0xE4, 0x2, "An I/O work item was freed while it is still queued."},
    {0x139, 0x3, "A LIST_ENTRY is corrupt: its neighbours do not point back at it."},
};

const char *SimBugCheckName(ULONG Code)
{
    for (size_t i = 0; i < sizeof(MiCodeNames) / sizeof(MiCodeNames[0]); i++) {
        if (MiCodeNames[i].Code == Code) {
            return MiCodeNames[i].Name;
        }
    }
    return "UNKNOWN_BUGCHECK";
}

const char *SimBugCheckMeaning(ULONG Code, ULONG_PTR Parameter1)
{
    for (size_t i = 0; i < sizeof(MiSubCodes) / sizeof(MiSubCodes[0]); i++) {
        if (MiSubCodes[i].Code == Code && MiSubCodes[i].SubCode == Parameter1) {
            return MiSubCodes[i].Meaning;
        }
    }
    for (size_t i = 0; i < sizeof(MiCodeNames) / sizeof(MiCodeNames[0]); i++) {
        if (MiCodeNames[i].Code == Code) {
            return MiCodeNames[i].Meaning;
        }
    }
    return "Unknown bug check code.";
}

void SimFormatStopLine(const SIM_BUGCHECK *Info, char *Buffer, SIZE_T Size)
{
    snprintf(Buffer, (size_t)Size,
             "*** STOP: 0x%08" PRIX32 " (0x%016llX,0x%016llX,0x%016llX,0x%016llX)", Info->Code,
             (unsigned long long)Info->Parameters[0], (unsigned long long)Info->Parameters[1],
             (unsigned long long)Info->Parameters[2], (unsigned long long)Info->Parameters[3]);
}

/* ---------------------------------------------------------------------- */
/* Catch frames.                                                          */
/* ---------------------------------------------------------------------- */
VOID SimPushCatchFrame(SIM_CATCH_FRAME *Frame, SIM_FRAME_KIND Kind)
{
    memset(&Frame->Info, 0, sizeof(Frame->Info));
    Frame->Kind = Kind;
    Frame->Status = STATUS_SUCCESS;
    Frame->Previous = MiTopFrame;
    MiTopFrame = Frame;
    /* Simulated page faults must reach this frame: the trap is installed if
     * it is not yet (a harness's sigaction/signal goes through the
     * interposers and cannot displace it; docs/hosts.md, "Signals"). */
    HostArmFaultTrap();
}

VOID SimPopCatchFrame(SIM_CATCH_FRAME *Frame)
{
    /* Frames unwind strictly LIFO; a frame left behind by a statement that
     * returned early would be a test bug, so drop everything above it too. */
    MiTopFrame = Frame->Previous;
}

static SIM_CATCH_FRAME *MiFindFrame(SIM_FRAME_KIND Kind)
{
    for (SIM_CATCH_FRAME *Frame = MiTopFrame; Frame != NULL; Frame = Frame->Previous) {
        if (Frame->Kind == Kind) {
            return Frame;
        }
    }
    return NULL;
}

/* A refusal lands in the innermost bug check frame or internal refusal
 * frame (a worker thread's). */
static SIM_CATCH_FRAME *MiFindRefusalFrame(void)
{
    for (SIM_CATCH_FRAME *Frame = MiTopFrame; Frame != NULL; Frame = Frame->Previous) {
        if (Frame->Kind == SimFrameBugCheck || Frame->Kind == MI_FRAME_REFUSAL) {
            return Frame;
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Stopped state.                                                         */
/* ---------------------------------------------------------------------- */
bool MiIsStopped(void)
{
    return atomic_load_explicit(&MiStopped, memory_order_acquire);
}

BOOLEAN SimIsStopped(SIM_BUGCHECK *Info)
{
    pthread_mutex_lock(&MiStopLock);
    bool Stopped = atomic_load(&MiStopped);
    if (Info != NULL) {
        if (Stopped) {
            *Info = MiStop;
        } else {
            memset(Info, 0, sizeof(*Info));
        }
    }
    pthread_mutex_unlock(&MiStopLock);
    return Stopped ? TRUE : FALSE;
}

/* Called by SimReset/SimInitialize: the machine runs again. */
void MiClearStop(void)
{
    pthread_mutex_lock(&MiStopLock);
    memset(&MiStop, 0, sizeof(MiStop));
    atomic_store(&MiStopped, false);
    pthread_mutex_unlock(&MiStopLock);
}

void MiEnterFaultTrap(void *CodeAddress)
{
    MiInTrap = true;
    MiTrapCode = CodeAddress;
}

void MiLeaveFaultTrap(void)
{
    MiInTrap = false;
    MiTrapCode = NULL;
}

VOID SimSetStopHook(SIM_STOP_HOOK Hook)
{
    atomic_store(&MiStopHook, Hook);
}

/* Offers an uncaught stop to the hook; returns if there is none or it
 * declines. The hook leaves below every catch frame this thread holds. */
static void MiOfferStop(const SIM_BUGCHECK *Info)
{
    SIM_STOP_HOOK Hook = atomic_load(&MiStopHook);
    if (Hook != NULL) {
        MiTopFrame = NULL;
        HostUnblockFaultSignals();
        Hook(Info);
    }
}

static void MiPrintStopReport(const SIM_BUGCHECK *Info, bool InTrap)
{
    char Line[512];
    SimFormatStopLine(Info, Line, sizeof(Line));
    MiWriteStderr("\n");
    MiWriteStderr(Line);
    MiWriteStderr("\n");
    snprintf(Line, sizeof(Line), "%s\n  %s\n", SimBugCheckName(Info->Code),
             SimBugCheckMeaning(Info->Code, Info->Parameters[0]));
    MiWriteStderr(Line);
    snprintf(Line, sizeof(Line), "  mmsim profile: %s, seed: 0x%016llX (MMSIM_SEED replays it)\n",
             MiProfileName(MiConfig.Profile), (unsigned long long)MiSeed);
    MiWriteStderr(Line);
    MiWriteStderr("Host backtrace:\n");
    /* Symbols and lines need libdw's allocations and file reads: not in the
     * fault trap's signal handler, which may have interrupted malloc. */
    HostBacktrace(2, !InTrap);
}

DECLSPEC_NORETURN VOID NTAPI KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR P1, ULONG_PTR P2,
                                          ULONG_PTR P3, ULONG_PTR P4)
{
    SIM_BUGCHECK Info = {TRUE, FALSE, BugCheckCode, {P1, P2, P3, P4}, NULL};
    bool InTrap = MiInTrap;
    void *TrapCode = MiTrapCode;
    MiLeaveFaultTrap(); /* the stop ends the trap, caught or not */

    /* Internal locks held by this thread are released so that the machine can
     * be inspected and reset after the stop. */
    MiDropLocksForBugCheck();

    pthread_mutex_lock(&MiStopLock);
    bool First = !atomic_load(&MiStopped);
    if (First) {
        MiStop = Info;
        MiLastStop = Info;
        MiLastStopEpoch = MiCurrentWaitEpoch();
        atomic_store_explicit(&MiStopped, true, memory_order_seq_cst);
    }
    pthread_mutex_unlock(&MiStopLock);
    if (First) {
        /* Every processor stops: threads parked in a wait wake to be
         * refused, rather than wait for a machine that is dead. */
        MiWakeWaitersForStop();
    }

    SIM_CATCH_FRAME *Frame = MiFindFrame(SimFrameBugCheck);
    if (Frame != NULL) {
        Frame->Info = Info;
        MiTopFrame = Frame->Previous;
        HostUnblockFaultSignals();
        longjmp(Frame->Jump, 1);
    }
    /* _exit skips exit()'s stdio flush: what the program printed goes out
     * first, as far as that is safe (HostFlushOutput). */
    HostFlushOutput(InTrap, TrapCode);
    MiPrintStopReport(&Info, InTrap);
    MiOfferStop(&Info);
    _exit(SIM_EXIT_BUGCHECK);
}

DECLSPEC_NORETURN VOID NTAPI KeBugCheck(ULONG BugCheckCode)
{
    KeBugCheckEx(BugCheckCode, 0, 0, 0, 0);
}

/* A refused call goes to the nearest frame that takes refusals, or ends
 * the process (87) once the program's output is flushed and the stop hook
 * has seen it. */
_Noreturn static void MiDeliverRefusal(SIM_BUGCHECK Stop, const char *Ddi, bool InTrap,
                                       void *TrapCode)
{
    MiDropLocksForBugCheck();
    Stop.Caught = TRUE;
    Stop.Refused = TRUE;
    Stop.Ddi = Ddi;
    SIM_CATCH_FRAME *Frame = MiFindRefusalFrame();
    if (Frame != NULL) {
        Frame->Info = Stop;
        MiTopFrame = Frame->Previous;
        HostUnblockFaultSignals();
        longjmp(Frame->Jump, 1);
    }
    HostFlushOutput(InTrap, TrapCode);
    MiOfferStop(&Stop);
    _exit(SIM_EXIT_REFUSED);
}

_Noreturn void MiRefuse(const char *Ddi)
{
    SIM_BUGCHECK Stop;
    char Line[512];
    char StopLine[256];
    /* The last stop: the one that refuses this call, even if another thread
     * has reset the machine since this thread saw it stopped. */
    pthread_mutex_lock(&MiStopLock);
    Stop = MiLastStop;
    pthread_mutex_unlock(&MiStopLock);
    bool InTrap = MiInTrap;
    void *TrapCode = MiTrapCode;
    MiLeaveFaultTrap();
    SimFormatStopLine(&Stop, StopLine, sizeof(StopLine));
    snprintf(Line, sizeof(Line),
             "mmsim: %s refused: the machine is stopped (%s %s); only SimReset() is accepted\n",
             Ddi, StopLine, SimBugCheckName(Stop.Code));
    MiWriteStderr(Line);
    MiDeliverRefusal(Stop, Ddi, InTrap, TrapCode);
}

_Noreturn void MiRefuseDeadWait(const char *Ddi, uint64_t Epoch)
{
    SIM_BUGCHECK Stop;
    memset(&Stop, 0, sizeof(Stop));
    pthread_mutex_lock(&MiStopLock);
    if (MiLastStopEpoch == Epoch) {
        Stop = MiLastStop; /* the machine it waited on stopped */
    }
    pthread_mutex_unlock(&MiStopLock);
    char Line[512];
    if (Stop.Caught) {
        char StopLine[256];
        SimFormatStopLine(&Stop, StopLine, sizeof(StopLine));
        snprintf(Line, sizeof(Line), "mmsim: %s refused: the machine it waited on stopped (%s %s)%s\n",
                 Ddi, StopLine, SimBugCheckName(Stop.Code),
                 MiCurrentWaitEpoch() == Epoch ? "" : " and has been reset since");
    } else {
        snprintf(Line, sizeof(Line),
                 "mmsim: %s refused: the machine it waited on was reset or shut down\n", Ddi);
    }
    MiWriteStderr(Line);
    MiDeliverRefusal(Stop, Ddi, false, NULL); /* a parked waiter: never in the fault trap */
}

/* The chain's top, for the exception dispatcher (sim/ke/seh.c), which delivers to
 * SIM_TRY_STATUS frames and __try frames alike. */
SIM_CATCH_FRAME *MiTopCatchFrame(void)
{
    return MiTopFrame;
}

void MiSetTopCatchFrame(SIM_CATCH_FRAME *Frame)
{
    MiTopFrame = Frame;
}

_Noreturn void MiRaiseAccessViolation(ULONG_PTR CodeAddress, bool Write, ULONG_PTR Address)
{
    /* ExceptionInformation: [0] 0 read / 1 write, [1] the address; unhandled, 0x1E has
     * P2 the faulting instruction and P3/P4 these two. Continuable, as a fault is. */
    MiRaiseException(STATUS_ACCESS_VIOLATION, 0, CodeAddress, 2, Write ? 1 : 0, Address);
}

DECLSPEC_NORETURN VOID NTAPI ExRaiseStatus(NTSTATUS Status)
{
    /* Non-continuable, as RtlRaiseStatus raises it; unhandled it is 0x1E. */
    MiRaiseException(Status, EXCEPTION_NONCONTINUABLE, MI_CALLER_ADDRESS(), 0, 0, 0);
}

DECLSPEC_NORETURN VOID NTAPI MmsimAssertFailed(PCSTR Expression, PCSTR File, ULONG Line)
{
    char Text[512];
    snprintf(Text, sizeof(Text), "mmsim: NT_ASSERT failed: %s (%s:%u)\n", Expression, File,
             (unsigned)Line);
    MiWriteStderr(Text);
    /* NT_ASSERT raises STATUS_ASSERTION_FAILURE; with no debugger attached it
     * is an unhandled kernel exception. */
    KeBugCheckEx(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ASSERTION_FAILURE,
                 MI_CALLER_ADDRESS(), 0, 0);
}

/* Kernel code touched the never-mapped first 64 KiB (a NULL pointer, or a
 * small offset from one). At DISPATCH_LEVEL and above Windows stops with
 * 0xD1; below, it is an access violation that a __try frame can catch and
 * that is 0x1E otherwise. */
_Noreturn void MiNullAccess(ULONG_PTR Address, bool Write, ULONG_PTR CodeAddress)
{
    KIRQL Irql = MiCurrentIrql();
    if (Irql >= DISPATCH_LEVEL) {
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, Address, Irql, Write ? 1 : 0, CodeAddress);
    }
    MiRaiseAccessViolation(CodeAddress, Write, Address);
}

void MiCheckDriverPointer(const void *Pointer, size_t Offset, bool Write, ULONG_PTR Caller)
{
    if ((uintptr_t)Pointer < HOST_NULL_GUARD) {
        MiNullAccess((ULONG_PTR)(uintptr_t)Pointer + Offset, Write, Caller);
    }
}

_Noreturn void MiAssertFailed(const char *Condition, const char *File, int Line)
{
    /* The path from "sim/" on: the build may be anywhere. */
    const char *Short = File;
    for (const char *p = File; (p = strstr(p, "sim/")) != NULL; p++) {
        Short = p;
    }
    char Text[512];
    snprintf(Text, sizeof(Text), "mmsim: internal error: MI_ASSERT(%s) failed at %s:%d\n",
             Condition, Short, Line);
    MiWriteStderr(Text);
    KeBugCheckEx(MEMORY_MANAGEMENT, MI_ASSERT_SUBCODE, (ULONG_PTR)Short, (ULONG_PTR)Line,
                 (ULONG_PTR)Condition);
}
