/*
 * mmsim.h - the simulator's own control API (Sim* prefix).
 *
 * Driver code never needs this header: a program that only calls DDIs gets a
 * default machine on first use, like a driver loaded into a booted system.
 * Tests, tools and benchmarks use it to configure the machine, reset it, catch
 * bug checks and query state.
 */
#ifndef MMSIM_H
#define MMSIM_H

#include <setjmp.h>
#include <stdio.h>

#include "ntddk.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Exit statuses of a process whose simulated machine stopped.              */
/* ------------------------------------------------------------------------ */
#define SIM_EXIT_BUGCHECK 86 /* KeBugCheckEx with no catch frame on the thread */
#define SIM_EXIT_REFUSED  87 /* a DDI was called after the machine stopped     */
#define SIM_EXIT_LEAKED   88 /* the unload check at process exit found leaks   */
#define SIM_EXIT_CONFIG   89 /* bad MMSIM_* environment or SimInitialize input */

/* ------------------------------------------------------------------------ */
/* Machine configuration.                                                   */
/* ------------------------------------------------------------------------ */
typedef enum _SIM_PROFILE {
    SimProfileModern = 0, /* Windows 10 2004 and later (default) */
    SimProfileNt5 = 1     /* Server 2003 era header-PTE reservations */
} SIM_PROFILE;

typedef enum _SIM_HOST_BACKEND {
    SimBackendDefault = 0, /* memfd where it exists, shm_open otherwise */
    SimBackendMemfd = 1,
    SimBackendShmOpen = 2
} SIM_HOST_BACKEND;

/* One range of RAM in the simulated physical address space, in pages. */
typedef struct _SIM_PHYSICAL_RANGE {
    ULONG64 BasePage;
    ULONG64 PageCount;
} SIM_PHYSICAL_RANGE;

#define SIM_MAX_PHYSICAL_RANGES 8
/* Most RAM a machine may have, in pages (1 TiB); MMSIM_PHYS_MB accepts up
 * to this many MiB' worth, so that every value it takes builds. The PFN
 * database and the page tables are sparse: a machine costs the host memory
 * in proportion to what is used, not to its size. */
#define SIM_MAX_PHYSICAL_PAGES (1ull << 28)

/* Each field's accepted values follow it; SimInitialize refuses anything
 * else with STATUS_INVALID_PARAMETER, naming the field on stderr. */
/* mmdev: a simulated device's memory (docs/device-memory.md): physical
 * address space outside RAM that MmMapIoSpace(Ex) maps, backed by host memory
 * of its own (zero when the machine starts), with no PFN entries. */
typedef struct _SIM_DEVICE_RANGE {
    ULONG64 PhysicalBase; /* page-aligned, above 0, below 2^52 */
    ULONG64 Length;       /* bytes: a non-zero multiple of PAGE_SIZE */
    CHAR Name[16];        /* for reports; NUL-terminated (may be empty) */
} SIM_DEVICE_RANGE;

#define SIM_MAX_DEVICE_RANGES 8

typedef struct _SIM_CONFIG {
    /* Physical memory. RangeCount == 0 means: PhysicalPages of RAM laid out
     * like a PC (the first MiB holds only low RAM below 0xA0000, a hole up to
     * 1 MiB, RAM below 3 GiB, the rest from 4 GiB up). */
    ULONG64 PhysicalPages; /* 16 to SIM_MAX_PHYSICAL_PAGES (if RangeCount == 0) */
    ULONG RangeCount;      /* 0 to SIM_MAX_PHYSICAL_RANGES */
    /* Ascending, disjoint, non-empty, above page 0 and ending at or below
     * page 2^40 (52-bit physical addresses); 16 to SIM_MAX_PHYSICAL_PAGES
     * pages in all. */
    SIM_PHYSICAL_RANGE Ranges[SIM_MAX_PHYSICAL_RANGES];

    /* System address space, in pages. */
    ULONG64 SystemPtes;        /* system PTE space: reserved and MDL mappings; 16 to 2^28 (1 TiB) */
    ULONG64 NonPagedPoolPages; /* maximum non-paged pool; 16 to 2^22 */
    ULONG64 PagedPoolPages;    /* maximum paged pool; 16 to 2^22 */

    SIM_PROFILE Profile;
    SIM_HOST_BACKEND Backend;
    ULONG64 Seed;     /* 0: pick one; the chosen seed is SimGetSeed() */
    BOOLEAN Strict;   /* Verifier-style checks that bug check (default TRUE); TRUE or FALSE */
    BOOLEAN Quiet;    /* no DbgPrint output; TRUE or FALSE */
    /* Host mappings system space may use (docs/hosts.md); 0: the default,
     * half the host's limit and at most 32768. Otherwise 16 to half the
     * host's limit (SimInitialize: STATUS_INVALID_PARAMETER). A map that
     * would exceed it fails as when system PTEs run out. */
    ULONG64 HostMappingBudget;

    /* mmdev: device ranges, disjoint from RAM and from each other
     * (SimInitialize: STATUS_INVALID_PARAMETER; SimReset: exit 89); at most
     * SIM_MAX_DEVICE_RANGES, 1 GiB each. MMSIM_DEVICE_RANGES sets them. */
    ULONG DeviceRangeCount;
    SIM_DEVICE_RANGE DeviceRanges[SIM_MAX_DEVICE_RANGES];

    /* userva: pages the processes' user space may commit in all
     * (docs/user-space.md); 0: PhysicalPages, a machine without a paging
     * file. Committing past it is STATUS_COMMITMENT_LIMIT. */
    ULONG64 CommitLimitPages;

    /* Driver Verifier's special pool (docs/special-pool.md; MMSIM_SPECIAL_POOL
     * fills it). All zero: off, the default. */
    struct _SIM_SPECIAL_POOL_CONFIG {
        BOOLEAN Enabled;  /* FALSE or TRUE */
        BOOLEAN Underrun; /* TRUE: blocks at the start of their page (Verify Start) */
        /* Tag patterns separated by ';' ('*' any run, '?' one character),
         * each 1 to 4 characters; "" = every tag. NUL-terminated. */
        char Tags[64];
        ULONG64 MinSize;  /* bytes; MinSize = MaxSize = 0: every size; */
        ULONG64 MaxSize;  /* otherwise 1 <= MinSize <= MaxSize */
        /* System PTEs special pool may hold (blocks, guards, quarantine);
         * 0: the default (16384, at most SystemPtes / 2); else 3 to SystemPtes. */
        ULONG64 Budget;
    } SpecialPool;
} SIM_CONFIG;

/* Fills Config with the defaults, then applies MMSIM_* environment variables
 * (documented in README: MMSIM_PROFILE, MMSIM_SEED, MMSIM_PHYS_MB,
 * MMSIM_BACKEND, MMSIM_STRICT, MMSIM_QUIET). A bad value exits with
 * SIM_EXIT_CONFIG and a message naming the variable and the bad part. */
VOID SimDefaultConfig(_Out_ SIM_CONFIG *Config);

/* Builds a fresh machine from Config (NULL: defaults), discarding any existing
 * one. Returns STATUS_INVALID_PARAMETER for an inconsistent configuration and
 * STATUS_INSUFFICIENT_RESOURCES if the host refuses memory; either way it
 * prints why on stderr, naming the field ("mmsim: SimInitialize:
 * SIM_CONFIG.SystemPtes = 8 is not valid: expected 16 to 16777216 pages
 * (STATUS_INVALID_PARAMETER 0xC000000D)"). Also lowers the calling thread's
 * IRQL to PASSIVE_LEVEL. */
NTSTATUS SimInitialize(_In_opt_ const SIM_CONFIG *Config);

/* A fresh machine with the current configuration: the only call a stopped
 * machine accepts. Also resets the calling thread's IRQL to PASSIVE_LEVEL and
 * picks a new seed unless the configuration fixed one. If it cannot (the host
 * refuses memory), it says why and exits with SIM_EXIT_CONFIG. */
VOID SimReset(VOID);

/* Tears the machine down (the next DDI call builds a default one). */
VOID SimShutdown(VOID);

/* TRUE if the machine holds nothing a driver allocated: no pool, pages,
 * PTEs, reservations, MDLs or locks, and the calling thread is at
 * PASSIVE_LEVEL. Otherwise Report (optional) lists what is held. */
BOOLEAN SimIsClean(_Out_writes_opt_(Size) char *Report, _In_ SIZE_T Size);

/* The configuration in force (initialising the default machine if needed). */
VOID SimGetConfig(_Out_ SIM_CONFIG *Config);
ULONG64 SimGetSeed(VOID);
SIM_PROFILE SimGetProfile(VOID);
const char *SimProfileName(SIM_PROFILE Profile);

/* ------------------------------------------------------------------------ */
/* Bug checks.                                                              */
/* ------------------------------------------------------------------------ */
typedef struct _SIM_BUGCHECK {
    BOOLEAN Caught;        /* a bug check (or refusal) reached the frame */
    BOOLEAN Refused;       /* a DDI was called on a stopped machine */
    ULONG Code;
    ULONG_PTR Parameters[4];
    const char *Ddi;       /* for a refusal: the DDI that was refused */
} SIM_BUGCHECK;

/* TRUE if the machine is stopped; Info (optional) receives the stop. */
BOOLEAN SimIsStopped(_Out_opt_ SIM_BUGCHECK *Info);

/* Symbolic name ("SYSTEM_PTE_MISUSE") and one-line meaning of a stop. */
const char *SimBugCheckName(_In_ ULONG Code);
const char *SimBugCheckMeaning(_In_ ULONG Code, _In_ ULONG_PTR Parameter1);

/* A stop no catch frame takes (or a DDI refused on a stopped machine) is
 * offered to the stop hook, on the stopping thread, after the STOP report is
 * printed: the hook may leave by longjmp (the thread's catch frames are
 * dropped and the fault signals unblocked first; the machine stays stopped
 * until SimReset). If it returns, the process exits as without a hook (86, or
 * 87 for a refusal). A stop from a simulated page fault calls it inside the
 * fault trap (a signal handler on POSIX). mmsim's CMocka fixtures use it to
 * fail the running test instead of ending the suite. NULL removes the hook. */
typedef VOID (*SIM_STOP_HOOK)(_In_ const SIM_BUGCHECK *Stop);
VOID SimSetStopHook(_In_opt_ SIM_STOP_HOOK Hook);

/* Formats the "*** STOP: 0x..." line, as printed on an uncaught bug check. */
VOID SimFormatStopLine(_In_ const SIM_BUGCHECK *Info, _Out_writes_(Size) char *Buffer,
                       _In_ SIZE_T Size);

/* Catch frames. Use the macros below; the frame must live in the caller's
 * stack frame because of setjmp. */
/* Plain C11 setjmp: the fault trap runs with SA_NODEFER and the bug check
 * path unblocks the fault signals itself, so no signal mask needs saving. */
typedef jmp_buf SIM_JMP_BUF;
#define SIM_SETJMP(b) setjmp(b)

typedef enum _SIM_FRAME_KIND { SimFrameBugCheck = 1, SimFrameException = 2 } SIM_FRAME_KIND;

typedef struct _SIM_CATCH_FRAME {
    struct _SIM_CATCH_FRAME *Previous;
    SIM_FRAME_KIND Kind;
    SIM_BUGCHECK Info;      /* for SimFrameBugCheck */
    NTSTATUS Status;        /* for SimFrameException */
    SIM_JMP_BUF Jump;
} SIM_CATCH_FRAME;

VOID SimPushCatchFrame(_Inout_ SIM_CATCH_FRAME *Frame, _In_ SIM_FRAME_KIND Kind);
VOID SimPopCatchFrame(_Inout_ SIM_CATCH_FRAME *Frame);

/* Runs Statement; if it bug checks (directly, through a simulated page
 * fault, or by being refused) *InfoPtr describes the stop and Caught is TRUE,
 * else Caught is FALSE. The machine stays stopped until SimReset(). */
#define SIM_CATCH_BUGCHECK(InfoPtr, ...)                               \
    do {                                                               \
        SIM_CATCH_FRAME SimFrame_;                                     \
        SimPushCatchFrame(&SimFrame_, SimFrameBugCheck);               \
        if (SIM_SETJMP(SimFrame_.Jump) == 0) {                         \
            __VA_ARGS__;                                               \
            SimPopCatchFrame(&SimFrame_);                              \
            memset((InfoPtr), 0, sizeof(SIM_BUGCHECK));                \
        } else {                                                       \
            *(InfoPtr) = SimFrame_.Info;                               \
        }                                                              \
    } while (0)

/* Runs Statement; an ExRaiseStatus inside it (e.g. MmProbeAndLockPages on a
 * bad range) lands here as *StatusPtr, as __try/__except would give it;
 * otherwise *StatusPtr is STATUS_SUCCESS. */
#define SIM_TRY_STATUS(StatusPtr, ...)                                 \
    do {                                                               \
        SIM_CATCH_FRAME SimFrame_;                                     \
        SimPushCatchFrame(&SimFrame_, SimFrameException);              \
        if (SIM_SETJMP(SimFrame_.Jump) == 0) {                         \
            __VA_ARGS__;                                               \
            SimPopCatchFrame(&SimFrame_);                              \
            *(StatusPtr) = STATUS_SUCCESS;                             \
        } else {                                                       \
            *(StatusPtr) = SimFrame_.Status;                           \
        }                                                              \
    } while (0)

/* ------------------------------------------------------------------------ */
/* Memory queries (for tests, tools and debugging).                         */
/* ------------------------------------------------------------------------ */

/* x64 PTE bits as the simulator stores them. */
#define SIM_PTE_VALID         (1ull << 0)
#define SIM_PTE_WRITE         (1ull << 1)
#define SIM_PTE_OWNER         (1ull << 2)
#define SIM_PTE_WRITE_THROUGH (1ull << 3)
#define SIM_PTE_CACHE_DISABLE (1ull << 4)
#define SIM_PTE_ACCESSED      (1ull << 5)
#define SIM_PTE_DIRTY         (1ull << 6)
#define SIM_PTE_LARGE_PAGE    (1ull << 7)
#define SIM_PTE_GLOBAL        (1ull << 8)
#define SIM_PTE_TRANSITION    (1ull << 11)
#define SIM_PTE_NO_EXECUTE    (1ull << 63)
#define SIM_PTE_PFN(Pte)      (((Pte) >> 12) & 0xFFFFFFFFFFull)

typedef enum _SIM_SPACE_REGION {
    SimRegionNone = 0,     /* not in simulated system space (host memory) */
    SimRegionGuard,
    SimRegionSystemPtes,
    SimRegionNonPagedPool,
    SimRegionPagedPool
} SIM_SPACE_REGION;

/* The emulated PTE that maps Va; FALSE if Va is not in system space. */
BOOLEAN SimQueryPte(_In_ PVOID Va, _Out_ ULONG64 *Pte, _Out_opt_ SIM_SPACE_REGION *Region);

/* Base and size of the simulated system address space (randomized per run;
 * tools normalise addresses against it). */
PVOID SimSystemSpaceBase(_Out_opt_ SIZE_T *Bytes);

typedef enum _SIM_PAGE_STATE {
    SimPageFree = 0,
    SimPageZeroed,
    SimPageMdl,           /* allocated by MmAllocatePagesForMdl(Ex) */
    SimPageNonPagedPool,
    SimPagePagedPool
} SIM_PAGE_STATE;

typedef struct _SIM_PFN_INFO {
    SIM_PAGE_STATE State;
    ULONG LockCount;
    ULONG MapCount;      /* valid or transition PTEs naming the page */
    ULONG Owner;         /* pool tag of whole-page pool blocks, else 0 */
    LONG CacheType;      /* MEMORY_CACHING_TYPE, or MmNotMapped if none */
} SIM_PFN_INFO;

/* FALSE if Pfn is not RAM. */
BOOLEAN SimQueryPfn(_In_ PFN_NUMBER Pfn, _Out_ SIM_PFN_INFO *Info);
const char *SimPageStateName(_In_ SIM_PAGE_STATE State);

typedef struct _SIM_MEMORY_STATS {
    ULONG64 PhysicalPages;
    ULONG64 FreePages;            /* stale + zeroed */
    ULONG64 ZeroedPages;
    ULONG64 MdlPages;
    ULONG64 NonPagedPoolPages;
    ULONG64 PagedPoolPages;
    PFN_NUMBER LowestPfn;
    PFN_NUMBER HighestPfn;
    ULONG64 SystemPtes;           /* total */
    ULONG64 SystemPtesFree;
    ULONG64 SystemPtesLargestFree; /* fragmentation: largest free run */
    ULONG64 SystemPteFailures;     /* requests that found no run */
    ULONG64 PoolBlocks;            /* live pool blocks */
    ULONG64 HostMappings;          /* runs of contiguous valid PTEs/PFNs = host mappings */
    LONG64 HostVmas;               /* the host's own count of mappings, -1 unknown */
    ULONG64 HostMapCalls;
    ULONG64 HostMapFailures;
    ULONG64 ValidPtes;
    ULONG64 HostMappingBudget;     /* the budget in force (docs/hosts.md) */
    ULONG64 HostMappingsCharged;   /* host mappings system space may need: those it has,
                                      plus one for each split an unmap may still make */
    ULONG64 HostBudgetRefusals;    /* maps refused because of the budget */
} SIM_MEMORY_STATS;

VOID SimQueryMemory(_Out_ SIM_MEMORY_STATS *Stats);

/* Host mappings that mirror the valid PTEs of [Va, Va + Bytes): runs of
 * contiguous physical pages with the same access (0 outside system space). */
ULONG64 SimCountHostMappings(_In_ PVOID Va, _In_ SIZE_T Bytes);

typedef struct _SIM_POOL_TAG_USAGE {
    ULONG Tag;
    BOOLEAN Paged;
    ULONG64 Allocs;
    ULONG64 Frees;
    ULONG64 Bytes;      /* bytes in live blocks */
} SIM_POOL_TAG_USAGE;

/* poolmon-style usage per tag and pool; returns the number of entries (may
 * exceed Max, in which case only Max were written). */
ULONG SimQueryPoolUsage(_Out_writes_opt_(Max) SIM_POOL_TAG_USAGE *Entries, _In_ ULONG Max);

#define SIM_POOL_STACK_FRAMES 6
typedef struct _SIM_POOL_BLOCK_INFO {
    PVOID Va;
    SIZE_T Size;
    ULONG Tag;
    BOOLEAN Paged;
    PVOID Caller;       /* return address in the allocating code */
    BOOLEAN ForMm;      /* Mm's own bookkeeping (a reservation's node), not the driver's */
    ULONG StackDepth;   /* frames in Stack: 0 unless MMSIM_POOL_STACKS=1 */
    PVOID Stack[SIM_POOL_STACK_FRAMES]; /* allocating stack, caller first */
} SIM_POOL_BLOCK_INFO;

ULONG SimEnumPoolBlocks(_Out_writes_opt_(Max) SIM_POOL_BLOCK_INFO *Blocks, _In_ ULONG Max);

/* Trims every unlocked paged pool page (PTE becomes a transition PTE, the
 * host mapping goes); a later touch faults it back in at <= APC_LEVEL and is
 * 0xD1 at DISPATCH_LEVEL or above. Returns the number of pages trimmed. */
ULONG SimTrimPagedPool(VOID);

/* Live system mappings made by MmMapLockedPagesSpecifyCache (and the
 * MmGetSystemAddressForMdlSafe macro); *Pages (optional) receives the pages
 * they map. */
ULONG SimQueryMdlMappings(_Out_opt_ ULONG64 *Pages);

/* What the simulator itself spends on bookkeeping (bench/: bytes per
 * committed page). A page mapped in system PTE space costs its PFN entry,
 * its emulated PTE and one bit in each of the free-page and system-PTE
 * bitmaps; the machine-wide arrays are sized when the machine is built. */
typedef struct _SIM_BOOKKEEPING {
    ULONG PfnEntryBytes;      /* PFN database entry, per physical page */
    ULONG PteBytes;           /* emulated PTE, per page of system space */
    ULONG BitmapBitsPerPage;  /* free-page bit + system-PTE allocator bit */
    ULONG64 PfnDatabaseBytes; /* PhysicalPages * PfnEntryBytes */
    ULONG64 PteArrayBytes;    /* pages of system space (guards included) * PteBytes */
    ULONG64 BitmapBytes;      /* the free-page and the three VA allocator bitmaps */
} SIM_BOOKKEEPING;
VOID SimQueryBookkeeping(_Out_ SIM_BOOKKEEPING *Info);

/* ------------------------------------------------------------------------ */
/* Fault injection, by hand: make one call of a fallible DDI fail the way   */
/* it fails for want of resources (NULL; an exception for the raising       */
/* forms). State is per machine; SimReset disarms everything.               */
/* ------------------------------------------------------------------------ */
typedef enum _SIM_FAULT_SITE {
    SimFaultPool = 0,                 /* ExAllocatePool2, ExAllocatePoolWithTag */
    SimFaultIoAllocateMdl,            /* IoAllocateMdl */
    SimFaultAllocatePagesForMdl,      /* MmAllocatePagesForMdl(Ex): NULL */
    SimFaultAllocateMappingAddress,   /* MmAllocateMappingAddress(Ex) */
    SimFaultProbeAndLockPages,        /* MmProbeAndLockPages: raises */
    SimFaultMapLockedPages,           /* MmMapLockedPagesSpecifyCache */
    SimFaultIoAllocateWorkItem,       /* IoAllocateWorkItem */
    /* mmdev */
    SimFaultMapIoSpace,               /* MmMapIoSpace(Ex): NULL */

    /* exsync */
    SimFaultLookaside,                /* ExAllocateFrom*LookasideList*: an empty list's allocation */

    /* userva */
    SimFaultAllocateVirtualMemory,    /* Zw/NtAllocateVirtualMemory: commit limit / no memory */
    SimFaultSiteCount
} SIM_FAULT_SITE;

/* The Nth call of Site from now fails (1 = the next one; 0 disarms;
 * Site = SimFaultSiteCount: the Nth fallible call of any site). */
VOID SimFailNthCall(_In_ SIM_FAULT_SITE Site, _In_ ULONG Nth);
/* The Nth MmAllocatePagesForMdl(Ex) call from now returns at most Pages
 * pages (a short MDL, as when memory is low). */
VOID SimShortenNthPageAllocation(_In_ ULONG Nth, _In_ ULONG64 Pages);
/* Every MmAllocatePagesForMdl(Ex) call returns at most MaxPages pages until
 * cleared (0 = no limit): memory so fragmented that only short MDLs come. */
VOID SimLimitPageAllocations(_In_ ULONG64 MaxPages);
/* Disarms everything above. */
VOID SimClearFaults(VOID);
/* Configures injection with the MMSIM_FAULTS syntax (docs/verifier.md):
 * clauses separated by ';' - nth=N[@site], random=P (in 1/10,000), seed=N,
 * delay=N, tags=T1,T2 (pool tags, '*' wildcard), short=P (percent of injected
 * page-allocation failures that return a short MDL instead of NULL),
 * systematic=FILE, record=FILE, stack=ID, log. Sites: pool, mdl, pages,
 * mapping, lock, map, workitem, lookaside. Replaces the previous configuration and
 * zeroes the counters; it stays in force across SimReset and replaces
 * MMSIM_FAULTS (read whenever a machine is built otherwise). A bad spec returns
 * STATUS_INVALID_PARAMETER with the reason in Why. "" turns injection off. */
NTSTATUS SimConfigureFaults(_In_opt_z_ const char *Spec, _Out_writes_opt_(WhySize) char *Why,
                            _In_ SIZE_T WhySize);

typedef struct _SIM_FAULT_COUNTERS {
    ULONG64 Calls[SimFaultSiteCount];    /* fallible calls seen per site */
    ULONG64 Injected[SimFaultSiteCount]; /* failures injected per site */
    ULONG64 TotalCalls;
    ULONG64 TotalInjected;
    ULONG64 StacksSeen;                  /* systematic mode: stacks known */
} SIM_FAULT_COUNTERS;
VOID SimQueryFaultCounters(_Out_ SIM_FAULT_COUNTERS *Counters);

/* ------------------------------------------------------------------------ */
/* Unload checks (Driver Verifier at driver unload; docs/verifier.md).      */
/* ------------------------------------------------------------------------ */
typedef struct _SIM_UNLOAD_REPORT {
    ULONG64 PoolAllocations;  /* live pool blocks */
    ULONG64 PoolBytes;
    ULONG64 MdlPages;         /* pages still allocated for MDLs */
    ULONG64 Reservations;     /* reserved mappings not freed */
    ULONG64 MdlMappings;      /* MmMapLockedPagesSpecifyCache mappings left */
    ULONG64 LockedPages;      /* pages with a lock count */
    BOOLEAN WorkItemsPending;
    ULONG64 IoSpaceMappings;  /* mmdev: MmMapIoSpace(Ex) mappings left */

    ULONG64 LookasideLists;   /* exsync: lookaside lists not deleted */
    ULONG64 SystemThreads;    /* ps32: system threads still running */
    ULONG64 NotifyRoutines;   /* ps32: process, thread and image notify routines not removed */
} SIM_UNLOAD_REPORT;

/* Checks what a driver left behind, printing a table to stderr (pool by tag
 * with size and allocating code - the whole stack with MMSIM_POOL_STACKS=1 -,
 * MDL pages, reservations, mappings, locked pages, work items). TRUE if
 * nothing. In strict mode leaked pool then bug checks 0xC4/0x62 (P2 driver
 * name, P4 allocations) and locked pages 0xCB (P4 pages); a lookaside list not
 * deleted (reported first) 0xC4/0xCC (P2 the list, P3/P4 its bounds); a system
 * thread still running or a notify routine not removed (ps32: the unloaded
 * code would run) 0xCE (P1 and P3 the thread's start routine or the notify
 * routine, P2 0: docs/ps.md). The same check runs
 * at process exit while a machine is up: a leak then stops the machine
 * (strict) or exits with SIM_EXIT_LEAKED. */
BOOLEAN SimDriverUnload(_Out_opt_ SIM_UNLOAD_REPORT *Report);
/* Turns the check at process exit off or on (MMSIM_UNLOAD_CHECK=0 also
 * turns it off). */
VOID SimSetUnloadCheckAtExit(_In_ BOOLEAN Enable);

/* Failures injected at Site (SimFaultSiteCount: at all sites). */
ULONG64 SimFaultsInjected(_In_ SIM_FAULT_SITE Site);
const char *SimFaultSiteName(_In_ SIM_FAULT_SITE Site);

/* Waits until no work item is queued or running (ExQueueWorkItem,
 * IoQueueWorkItem); FALSE if TimeoutMs passed first. */
BOOLEAN SimWaitForWorkItems(_In_ ULONG TimeoutMs);

/* Threads in a wait right now: parked in a dispatcher wait (KeWaitFor*,
 * mutexes, resources, rundown, run-once, SimIoCallDriver), or spinning for
 * a spin lock another thread holds. A test waits for its waiter to be
 * there rather than sleeping and hoping. */
typedef struct _SIM_WAITING_THREADS {
    ULONG Parked;
    ULONG Spinning;
} SIM_WAITING_THREADS;
VOID SimQueryWaitingThreads(_Out_ SIM_WAITING_THREADS *Threads);

/* Checks PTE <-> PFN <-> host mapping consistency and page accounting.
 * TRUE if consistent; otherwise Report (optional) says what is wrong. */
BOOLEAN SimCheckInvariants(_Out_writes_opt_(Size) char *Report, _In_ SIZE_T Size);

/* Deliberate corruption, only for testing the invariant checker itself. */
typedef enum _SIM_CORRUPTION {
    SimCorruptPfnMapCount = 1,   /* a mapped page's map count off by one */
    SimCorruptPteWithoutHost,    /* a valid PTE whose host mapping is gone */
    SimCorruptFreeCount,         /* the free-page count off by one */
    SimCorruptReservation,       /* the reservation containing Va: its nt5 tag
                                    PTE or its modern pool node's tag */
    SimCorruptPfnOnFreeList,     /* Va's page, still in use, also marked free:
                                    the allocator would hand it out twice */
    SimCorruptUserPageOrphaned,  /* fuzz20b: the page of user address Va (the
                                    current process's, resident) marked as let
                                    go of by its process, though no driver
                                    holds it */
    SimCorruptUserPteReadOnly    /* fuzz20b: the PTE of user address Va
                                    (resident, writable) made read-only while
                                    the host still lets the page be written */
} SIM_CORRUPTION;
BOOLEAN SimCorruptForTest(_In_ SIM_CORRUPTION Kind, _In_opt_ PVOID Va);

/* ------------------------------------------------------------------------ */
/* Reserved mappings (MmAllocateMappingAddress(Ex) and friends; see           */
/* docs/reserved-mappings.md).                                              */
/* ------------------------------------------------------------------------ */
typedef struct _SIM_RESERVATION_INFO {
    PVOID Base;          /* the address MmAllocateMappingAddress(Ex) returned */
    ULONG64 Pages;       /* pages that can be mapped (N) */
    ULONG Tag;           /* the pool tag given when reserving */
    ULONG Flags;         /* MM_MAPPING_ADDRESS_DIVISIBLE or 0 */
    ULONG64 MappedPages; /* how many of the N PTEs are valid now */
    ULONG HeaderPtes;    /* nt5: 2 (size and tag PTEs just below Base); modern: 0 */
    PVOID Caller;        /* return address in the code that reserved it */
} SIM_RESERVATION_INFO;

/* The reservation whose PTEs (nt5 header PTEs included) contain Va; FALSE
 * (Info zeroed) if none. */
BOOLEAN SimQueryReservation(_In_ PVOID Va, _Out_ SIM_RESERVATION_INFO *Info);
/* All live reservations in address order; returns their number (may exceed
 * Max, in which case only Max were written). */
ULONG SimEnumReservations(_Out_writes_opt_(Max) SIM_RESERVATION_INFO *Infos, _In_ ULONG Max);

/* Address of the emulated PTE that maps Va (what bug check parameters call
 * "the address of the PTE"), or NULL outside system space. */
PVOID SimQueryPteAddress(_In_ PVOID Va);

/* How the nt5 profile encodes its two header PTEs (docs/ddi-contract.md 4.1): the
 * tag PTE and the size PTE (N + 2) of each Windows generation. Default
 * Server 2003, or MMSIM_NT5_HEADERS=2003|vista|win8 when a machine is built. */
typedef enum _SIM_NT5_HEADER_FORMAT {
    SimNt5HeaderServer2003 = 0, /* tag & ~1;               (N + 2) << 1  */
    SimNt5HeaderVista = 1,      /* ((tag & ~1) + 1) << 32; (N + 2) << 32 */
    SimNt5HeaderWin8 = 2        /* ((tag & ~1) + 1) << 28; (N + 2) << 28 */
} SIM_NT5_HEADER_FORMAT;

/* Selects the encoding for the running machine until it is reset. Returns
 * STATUS_INVALID_DEVICE_STATE while any reservation is live and
 * STATUS_INVALID_PARAMETER for an unknown format. */
NTSTATUS SimSetNt5HeaderFormat(_In_ SIM_NT5_HEADER_FORMAT Format);
SIM_NT5_HEADER_FORMAT SimGetNt5HeaderFormat(VOID);

/* ------------------------------------------------------------------------ */
/* IRQL rules: the documented maximum IRQL of each DDI and what a violation  */
/* raises (docs/ddi-contract.md 1.x and 3.4). Exposed so tests can iterate them. */
/* ------------------------------------------------------------------------ */
typedef struct _SIM_IRQL_RULE {
    const char *Ddi;
    KIRQL MaxIrql;
    ULONG BugCheckCode;   /* 0xC4 in strict mode */
    ULONG_PTR SubCode;    /* Parameter 1 */
} SIM_IRQL_RULE;

/* The rule for a DDI by name, or NULL. */
const SIM_IRQL_RULE *SimIrqlRule(_In_z_ const char *Ddi);
/* All rules; *Count receives their number. */
const SIM_IRQL_RULE *SimIrqlRules(_Out_ ULONG *Count);

/* ------------------------------------------------------------------------ */
/* WinDbg-style dumps (docs/mmsim.md): !pte, !pfn, !sysptes, !poolused,     */
/* dt nt!_MDL, a map of a reservation and an !analyze-like stop decoding.   */
/* They only read, so they work on a stopped machine too.                   */
/* ------------------------------------------------------------------------ */
/* Addresses relative to the randomized base of system space ("base+0x3000"),
 * PTE addresses as "PTE(base+0x3000)", host code as "<code in module>": the
 * same output on every run. Without it, raw values as WinDbg prints them. */
#define SIM_DUMP_SYMBOLIC 0x0001

/* Where a dump goes: a FILE, or a caller buffer (always NUL-terminated;
 * Length counts every character produced, so Length >= Size means the
 * output was truncated). */
typedef struct _SIM_DUMP_OUTPUT {
    FILE *File;
    char *Buffer;
    SIZE_T Size;
    SIZE_T Length;
    ULONG Flags;        /* SIM_DUMP_* */
} SIM_DUMP_OUTPUT;

VOID SimDumpToFile(_Out_ SIM_DUMP_OUTPUT *Out, _In_ FILE *File, _In_ ULONG Flags);
VOID SimDumpToBuffer(_Out_ SIM_DUMP_OUTPUT *Out, _Out_writes_(Size) char *Buffer,
                     _In_ SIZE_T Size, _In_ ULONG Flags);

/* !pte Va: the PTE's address and contents, "pfn 1a2b -G-DA--KW-V" for a
 * valid one (flags C G L D A N T K/U W/R E V), transition and nt5 header
 * decoding for invalid ones, and an mmsim line saying what owns the page. */
VOID SimDumpPte(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PVOID Va);
/* !pfn Pfn: state, share (map) count, lock count, cache type, pool owner and
 * the first PTE that maps it. FALSE if Pfn is not RAM. */
BOOLEAN SimDumpPfn(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PFN_NUMBER Pfn);
/* !sysptes: total, free blocks, total free, largest free block, and what
 * holds the PTEs in use (reservations, MDL mappings). */
VOID SimDumpSysPtes(_Inout_ SIM_DUMP_OUTPUT *Out);
typedef enum _SIM_POOLUSED_SORT {
    SimPoolUsedSortBytes = 0, /* bytes in use, largest first (then tag) */
    SimPoolUsedSortTag = 1
} SIM_POOLUSED_SORT;
/* !poolused: per tag and pool type, allocations, frees, outstanding and
 * bytes in use, sorted, with a TOTAL line. */
VOID SimDumpPoolUsed(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ SIM_POOLUSED_SORT Sort);
/* dt nt!_MDL Mdl, MdlFlags decoded, then the PFN array. */
VOID SimDumpMdl(_Inout_ SIM_DUMP_OUTPUT *Out, _In_opt_ PMDL Mdl);
/* The reservation containing Va: a header line and its PTEs one character
 * per page (nt5 header PTEs included), 64 to a row; FALSE if none. */
BOOLEAN SimDumpReservation(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PVOID Va);
/* Any Pages pages of system space from Va, one character per page (a
 * character stands for several pages when there are more than 1024). */
VOID SimDumpPageMap(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PVOID Va, _In_ ULONG64 Pages);
/* The map character of one page (' ' outside system space) and the legend:
 * H nt5 header PTE, . reserved and empty, V valid, R valid read-only,
 * T transition, g guard, - free, ! invalid but not empty. */
char SimPageMapChar(_In_ PVOID Va);
const char *SimPageMapLegend(VOID);
/* A stop as !analyze -v shows it: name, meaning, the four arguments with
 * what each one is (addresses formatted by Flags). */
VOID SimDumpStop(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ const SIM_BUGCHECK *Stop);
/* One parameter of a stop (Index 0-3), formatted by its kind. */
VOID SimFormatStopParameter(_In_ const SIM_BUGCHECK *Stop, _In_ ULONG Index, _In_ ULONG Flags,
                            _Out_writes_(Size) char *Buffer, _In_ SIZE_T Size);
/* An address as the dumps print it (see SIM_DUMP_SYMBOLIC). */
VOID SimFormatAddress(_In_ ULONG_PTR Value, _In_ ULONG Flags, _Out_writes_(Size) char *Buffer,
                      _In_ SIZE_T Size);
/* "MDL_MAPPED_TO_SYSTEM_VA | MDL_PAGES_LOCKED" */
VOID SimFormatMdlFlags(_In_ USHORT Flags, _Out_writes_(Size) char *Buffer, _In_ SIZE_T Size);

/* ------------------------------------------------------------------------ */
/* Profile names (issue 19: parsed once, in sim/config.c).                  */
/* ------------------------------------------------------------------------ */
/* "modern" or "nt5" (exactly, as MMSIM_PROFILE and the tools' --profile
 * take them) as *Profile; FALSE for anything else. SimProfileName is its
 * inverse. */
BOOLEAN SimParseProfile(_In_z_ const char *Name, _Out_ SIM_PROFILE *Profile);

/* ------------------------------------------------------------------------ */
/* I/O requests to a driver's dispatch routines (issue 15; docs/io.md).      */
/* What the I/O manager does around a driver: a driver object, DriverEntry, */
/* an IRP built for a major function or an IOCTL and its buffer method,    */
/* the copy-out and the release after completion, the unload.               */
/* ------------------------------------------------------------------------ */
/* A driver object as the I/O manager makes one before DriverEntry: Name
 * "\Driver\<ServiceName>" (NULL: "mmsim-driver"), every MajorFunction
 * entry the routine that completes with STATUS_INVALID_DEVICE_REQUEST, a
 * DRIVER_EXTENSION. It lives in non-paged pool as the I/O manager's own
 * (SimIsClean lists it until SimUnloadDriver). NULL if pool is exhausted. */
PDRIVER_OBJECT SimCreateDriverObject(_In_opt_z_ PCWSTR ServiceName);

/* Calls DriverEntry(DriverObject, RegistryPath) at PASSIVE_LEVEL with
 * RegistryPath "\REGISTRY\MACHINE\SYSTEM\CurrentControlSet\Services\
 * <ServiceName>", then, if it succeeded, does what the I/O manager does
 * after DriverEntry: clears DO_DEVICE_INITIALIZING on the devices it
 * created and points MajorFunction entries it left NULL at the invalid-
 * request routine. Returns DriverEntry's status. A DriverEntry that returns
 * above PASSIVE_LEVEL stops the machine with 0x4A
 * IRQL_GT_ZERO_AT_SYSTEM_SERVICE (DriverEntry's address, IRQL, 0, 0). */
NTSTATUS SimCallDriverEntry(_Inout_ PDRIVER_OBJECT DriverObject,
                            _In_ PDRIVER_INITIALIZE DriverEntry);

/* One request. Buffers belong to a kernel-mode requester (RequestorMode
 * KernelMode): user-mode requesters and their buffers come with the user
 * address space (issue 17). */
typedef struct _SIM_IO_REQUEST {
    UCHAR MajorFunction;      /* IRP_MJ_* */
    UCHAR MinorFunction;
    ULONG IoControlCode;      /* IRP_MJ_DEVICE_CONTROL, IRP_MJ_INTERNAL_DEVICE_CONTROL */
    PVOID InputBuffer;        /* device control input; the data of a write */
    ULONG InputBufferLength;
    PVOID OutputBuffer;       /* device control output; the buffer of a read */
    ULONG OutputBufferLength;
    LONGLONG ByteOffset;      /* read, write */
} SIM_IO_REQUEST;

/* Builds the IRP (a stack location per DeviceObject->StackSize) and sends
 * it to DeviceObject with IoCallDriver at the caller's IRQL, as
 * NtDeviceIoControlFile / NtReadFile / NtWriteFile would for a synchronous
 * request. Device control by the code's transfer method:
 *   METHOD_BUFFERED   AssociatedIrp.SystemBuffer: non-paged pool of
 *                     max(in, out) bytes holding the input; after completion
 *                     without an error status, IoStatus.Information bytes
 *                     (at most OutputBufferLength) are copied to OutputBuffer
 *   METHOD_IN_DIRECT  input buffered as above; MdlAddress: an MDL over
 *   METHOD_OUT_DIRECT OutputBuffer, probed and locked for read (IN) or write
 *                     (OUT) in KernelMode - so OutputBuffer must be simulated
 *                     system memory (pool, a mapped MDL); host memory fails
 *                     the probe and the request returns STATUS_ACCESS_VIOLATION
 *                     without reaching the driver
 *   METHOD_NEITHER    Parameters.DeviceIoControl.Type3InputBuffer = InputBuffer,
 *                     UserBuffer = OutputBuffer, nothing copied
 * Read and write follow the device's DO_BUFFERED_IO / DO_DIRECT_IO flags
 * the same way (Parameters.Read/Write.Length and ByteOffset). Other major
 * functions carry no buffer. The stack location's FileObject is NULL
 * (SimIoCallFile sends a request on an open file object).
 * If the dispatch routine returns before completing the IRP, this waits for
 * IoCompleteRequest (from a work item, say). Then the system buffer and the
 * MDLs are released and the IRP freed. Returns the final IoStatus.Status
 * (IoStatus, optional, receives both fields). STATUS_INVALID_PARAMETER for a
 * NULL or non-device DeviceObject or Request; STATUS_INSUFFICIENT_RESOURCES
 * if pool or an MDL is not available. A dispatch routine that returns
 * above the IRQL it was called at, from PASSIVE_LEVEL, stops the machine with
 * 0x4A (the routine's address, IRQL, 0, 0), as the system service's return
 * to user mode does. */
NTSTATUS SimIoCallDriver(_In_ PDEVICE_OBJECT DeviceObject, _In_ const SIM_IO_REQUEST *Request,
                         _Out_opt_ PIO_STATUS_BLOCK IoStatus);

/* wdk25: a request left pending, as an overlapped (asynchronous) request is. Starts it
 * as SimIoCallDriver does, but returns when the dispatch routine returns: the status it
 * returned (STATUS_PENDING for a queued request), with *Irp the IRP in flight, which the
 * caller may cancel (IoCancelIrp) and must finish with SimIoFinishRequest. On a failure
 * before the driver is called (no pool, a failed probe) *Irp is NULL. */
NTSTATUS SimIoStartRequest(_In_ PDEVICE_OBJECT DeviceObject, _In_opt_ PFILE_OBJECT FileObject,
                           _In_ const SIM_IO_REQUEST *Request, _Out_ PIRP *Irp);

/* Waits until Irp (from SimIoStartRequest) is completed, does the requester's side of
 * completion (copy-out, MDLs released) and frees it: the final IoStatus.Status (IoStatus,
 * optional, receives both fields). */
NTSTATUS SimIoFinishRequest(_In_ PIRP Irp, _Out_opt_ PIO_STATUS_BLOCK IoStatus);

/* wdk25: opens DeviceObject as CreateFile of its name does: a FILE_OBJECT (Type
 * IO_TYPE_FILE, DeviceObject, FO_FILE_OPEN once the create succeeded) in non-paged pool
 * (tag 'File'), sent in an IRP_MJ_CREATE. SimIoCallFile and SimIoStartRequest send
 * requests on it (IO_STACK_LOCATION.FileObject). If the create fails, the file object
 * is freed and *FileObject is NULL. */
NTSTATUS SimOpenDevice(_In_ PDEVICE_OBJECT DeviceObject, _Out_ PFILE_OBJECT *FileObject);

/* SimIoCallDriver on FileObject's device, the request carrying FileObject. */
NTSTATUS SimIoCallFile(_In_ PFILE_OBJECT FileObject, _In_ const SIM_IO_REQUEST *Request,
                       _Out_opt_ PIO_STATUS_BLOCK IoStatus);

/* Closes it as the last CloseHandle does: IRP_MJ_CLEANUP (the driver cancels the
 * requests queued for it), then IRP_MJ_CLOSE, then the file object is freed. Returns the
 * cleanup's status. */
NTSTATUS SimCloseFile(_In_ PFILE_OBJECT FileObject);

/* IRP_MJ_DEVICE_CONTROL with SimIoCallDriver; *Information (optional)
 * receives IoStatus.Information. */
NTSTATUS SimDeviceIoControl(_In_ PDEVICE_OBJECT DeviceObject, _In_ ULONG IoControlCode,
                            _In_reads_bytes_opt_(InputBufferLength) PVOID InputBuffer,
                            _In_ ULONG InputBufferLength,
                            _Out_writes_bytes_opt_(OutputBufferLength) PVOID OutputBuffer,
                            _In_ ULONG OutputBufferLength, _Out_opt_ ULONG_PTR *Information);

/* The device a name designates ("\Device\X", or a symbolic link such as
 * "\DosDevices\X" or "\??\X" to it), or NULL: what CreateFile of
 * "\\.\X" would open. */
PDEVICE_OBJECT SimLookupDevice(_In_z_ PCWSTR Name);

/* Device objects DriverObject still has. */
ULONG SimCountDeviceObjects(_In_ PDRIVER_OBJECT DriverObject);

/* Unloads the driver as the I/O manager does: calls DriverUnload at
 * PASSIVE_LEVEL (a driver without one cannot be unloaded: FALSE, nothing
 * done; after a failed DriverEntry it is not called, as on Windows), names on stderr each device object it did not delete, frees the
 * driver object, then runs the unload check (SimDriverUnload: device
 * objects left are pool tag 'Devi', symbolic links 'Symb', with the code
 * that created them; strict mode stops with 0xC4/0x62). TRUE if the driver
 * left nothing. */
BOOLEAN SimUnloadDriver(_In_ PDRIVER_OBJECT DriverObject, _Out_opt_ SIM_UNLOAD_REPORT *Report);

/* faultrun: the invariant checker, incremental (docs/verifier.md,
 * "Invariants"). What changed since the last check of either form -
 * PTEs, PFN entries, free bits, VA bitmaps, the pages those PTEs name, the
 * host mirror over the changed PTEs - and the counts and records; the whole
 * machine (as SimCheckInvariants) when there was no earlier check of this
 * machine or the last one failed. A fuzzer calls it after every call and
 * SimCheckInvariants every N calls and at the end. */
BOOLEAN SimCheckInvariantsTouched(_Out_writes_opt_(Size) char *Report, _In_ SIZE_T Size);

/* ---------------------------------------------------------------------- */
/* userva: simulated processes and their user address space               */
/* (docs/user-space.md).                                                   */
/* ---------------------------------------------------------------------- */
/* A page of a process's user space, in SIM_PFN_INFO.State. */
#define SimPageUser ((SIM_PAGE_STATE)5)

typedef struct _SIM_PROCESS_INFO {
    ULONG64 CommitCharge;     /* bytes this process has committed */
    ULONG64 PeakCommitCharge;
    ULONG64 ResidentPages;    /* physical pages its PTEs hold */
    ULONG64 DemandZeroFaults; /* first touches that took a zeroed page */
    ULONG64 GuardPageFaults;  /* STATUS_GUARD_PAGE_VIOLATION raised */
    ULONG64 VadCount;
    ULONG64 LockedPages;      /* its pages drivers hold locked now */
    ULONG64 SystemCommit;     /* bytes committed by all processes */
    ULONG64 CommitLimit;      /* bytes (SIM_CONFIG.CommitLimitPages) */
    PVOID UserRangeBase;      /* the user range: [Base, Base + Bytes) */
    ULONG64 UserRangeBytes;
} SIM_PROCESS_INFO;

/* The machine starts in its initial process (SimInitialProcess). Handles
 * work as the ProcessHandle of the Zw*VirtualMemory routines; NULL on a host
 * without user space. */
HANDLE SimCreateProcess(VOID);
HANDLE SimInitialProcess(VOID);
HANDLE SimCurrentProcess(VOID);
/* Makes Process the current one (NULL: the initial process), as
 * KeStackAttachProcess does for a driver. */
NTSTATUS SimAttachProcess(_In_opt_ HANDLE Process);
/* Ends a process made by SimCreateProcess: its memory is released; pages a
 * driver still has locked are bug check 0x76 PROCESS_HAS_LOCKED_PAGES. */
NTSTATUS SimDeleteProcess(_In_ HANDLE Process);
BOOLEAN SimQueryProcess(_In_ HANDLE Process, _Out_ SIM_PROCESS_INFO *Info);
/* The current process's PTE for Va (FALSE: not a user address). */
BOOLEAN SimQueryUserPte(_In_ PVOID Va, _Out_ ULONG64 *Pte);
/* What an IOCTL harness's user code does: reserve and commit Size bytes in
 * the current process, fill them with Contents, then set Protect. NULL on
 * failure. Free with SimFreeUserBuffer. */
PVOID SimAllocateUserBuffer(_In_ SIZE_T Size, _In_ ULONG Protect,
                            _In_reads_bytes_opt_(ContentsSize) const VOID *Contents,
                            _In_ SIZE_T ContentsSize);
VOID SimFreeUserBuffer(_In_ PVOID Buffer);

/* !vad: the current process's VADs (start and end VPN, committed pages,
 * kind, the protection they were reserved with), then its commit charge,
 * resident pages and demand-zero faults. */
VOID SimDumpVad(_Inout_ SIM_DUMP_OUTPUT *Out);
/* !address Va: the MemoryBasicInformation region holding Va, and its PTE
 * (no commitment, demand zero, valid, or resident but not accessible).
 * FALSE if Va is not a user address. */
BOOLEAN SimDumpAddress(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PVOID Va);

/* ------------------------------------------------------------------------ */
/* Special pool (specialpool; docs/special-pool.md).                        */
/* ------------------------------------------------------------------------ */
typedef struct _SIM_SPECIAL_POOL_STATS {
    BOOLEAN Enabled;
    ULONG64 Allocations;  /* blocks special pool gave out */
    ULONG64 Frees;
    ULONG64 Fallbacks;    /* selected allocations that went to normal pool: budget spent */
    ULONG64 LiveBlocks;
    ULONG64 QuarantinedBlocks; /* freed blocks whose VA is kept out of reuse */
    ULONG64 Recycled;     /* quarantined blocks whose VA went back (oldest first) */
    ULONG64 PtesInUse;    /* system PTEs held: live and quarantined runs */
    ULONG64 Budget;       /* the limit of PtesInUse */
} SIM_SPECIAL_POOL_STATS;
VOID SimQuerySpecialPool(_Out_ SIM_SPECIAL_POOL_STATS *Stats);

typedef enum _SIM_SPECIAL_STATE {
    SimSpecialNone = 0,   /* not special pool */
    SimSpecialAllocated,
    SimSpecialFreed       /* in the quarantine */
} SIM_SPECIAL_STATE;

/* What special pool knows of the page holding Va (!pool / !verifier). */
typedef struct _SIM_SPECIAL_BLOCK_INFO {
    SIM_SPECIAL_STATE State;
    PVOID Block;          /* the block's address */
    SIZE_T Size;          /* bytes requested */
    ULONG Tag;
    BOOLEAN Paged;
    BOOLEAN Underrun;     /* at the start of its page */
    BOOLEAN InGuard;      /* Va is on a guard page */
    BOOLEAN SlackIntact;  /* allocated blocks: the slack pattern holds */
    PVOID FirstCorrupted; /* otherwise its first changed byte */
    PVOID Caller;
} SIM_SPECIAL_BLOCK_INFO;
BOOLEAN SimQuerySpecialPoolBlock(_In_ PVOID Va, _Out_ SIM_SPECIAL_BLOCK_INFO *Info);

/* !pool for one address: the live pool block containing Va, or the special
 * pool block whose pages (guards included) hold it - block, size, tag,
 * alignment, allocated or freed, slack intact or its first corrupted byte.
 * FALSE if Va is in neither. */
BOOLEAN SimDumpPool(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PVOID Va);

/* ------------------------------------------------------------------------ */
/* tour17: user-space views for the tour, `mmsim run` and the HTML page     */
/* (docs/mmsim.md; sim/verifier/dump_user.c).                               */
/* ------------------------------------------------------------------------ */
/* A user address as the user dumps print it: "user+0x10000" (relative to
 * the user range) with SIM_DUMP_SYMBOLIC, raw otherwise. FALSE if Va is not
 * a user address. */
BOOLEAN SimFormatUserAddress(_In_ ULONG_PTR Va, _In_ ULONG Flags,
                             _Out_writes_(Size) char *Buffer, _In_ SIZE_T Size);
/* The current process's PTE of one user page as one character (' ' not a
 * user address): - free, . reserved, d demand zero (committed, no page
 * yet), V valid read/write, R valid read-only, X valid executable, n
 * committed no-access, g guard, T resident but not accessible. */
char SimUserPageMapChar(_In_ PVOID Va);
const char *SimUserPageMapLegend(VOID);
/* The PAGE_* protection that page's PTE holds (0: not committed). */
ULONG SimUserPageProtect(_In_ PVOID Va);
/* Pages pages of user space from Va, one character per page (at most 1024
 * pages), 64 to a row, then the legend. */
VOID SimDumpUserPages(_Inout_ SIM_DUMP_OUTPUT *Out, _In_ PVOID Va, _In_ ULONG64 Pages);

/* ------------------------------------------------------------------------ */
/* tidy: a PAGE_* protection as its name, as !vad, !address and the tour's  */
/* user strip print it (sim/verifier/dump_user.c).                          */
/* ------------------------------------------------------------------------ */
/* Protect as text: its base ("PAGE_READWRITE"; nothing for a base that is
 * not one of the six private-memory ones), then each modifier it holds
 * (" | PAGE_GUARD", PAGE_NOCACHE, PAGE_WRITECOMBINE); "" for 0. Truncated
 * to Size (Size 0: nothing written). Returns Buffer. */
const char *SimFormatProtection(_In_ ULONG Protect, _Out_writes_(Size) char *Buffer,
                                _In_ SIZE_T Size);

/* ps32: raises an image load (docs/ps.md): calls every routine registered
 * with PsSetLoadImageNotifyRoutine, on this thread, with these arguments, as
 * Windows does when an image is mapped (a driver, or an image into
 * ProcessId's user space). Process creation and exit notify routines are
 * raised by SimCreateProcess and SimDeleteProcess, thread ones by the system
 * threads themselves. */
VOID SimRaiseLoadImage(_In_opt_ PUNICODE_STRING FullImageName, _In_ HANDLE ProcessId,
                       _In_ PIMAGE_INFO ImageInfo);

/* survey33: the kernel debugger (mmsim/wdm_kd.h; docs/wdk-surface.md). Each
 * machine starts booted without debug controls: KD_DEBUGGER_ENABLED FALSE,
 * KD_DEBUGGER_NOT_PRESENT TRUE, and a breakpoint (DbgBreakPoint, __debugbreak,
 * KdBreakPoint, DbgBreakPointWithStatus) is an unhandled STATUS_BREAKPOINT
 * exception: 0x1E. Attached TRUE: booted with debugging and a debugger
 * connected (ENABLED TRUE, NOT_PRESENT FALSE): it takes each breakpoint and
 * continues at once, as a debugger told `g` does. FALSE: back to the first. */
VOID SimSetKernelDebugger(_In_ BOOLEAN Attached);
/* The breakpoints the attached debugger has taken since the machine started. */
ULONG SimKernelDebuggerBreaks(VOID);

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_H */
