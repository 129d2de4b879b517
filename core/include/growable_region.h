/*
 * growable_region.h - a growable, virtually contiguous, non-paged region:
 * user mode's reserve-then-commit, in the kernel.
 *
 * Reserve the maximum once, commit physical pages into it as it grows; the
 * base never moves and committed bytes never go away until GrDestroy.
 *
 *   Base                     Committed              MaximumSize
 *   |== chunk 0 ==|== chunk 1 ==|---- reserved, not mapped ----|
 *
 * Driver code: includes only <wdm.h>; uses only documented DDIs; builds
 * unchanged in a real driver. Works as C and C++.
 *
 * IRQL:
 *   GrCreate, GrDestroy                      PASSIVE_LEVEL
 *   GrEnsureCommitted                        <= APC_LEVEL (serialised)
 *   GrRequestGrowth, GrNoteUsage             <= DISPATCH_LEVEL (a work item grows)
 *   GrBase, GrCommittedSize, GrReadBegin/End any IRQL (<= DISPATCH_LEVEL for Begin)
 *   GrQueryStatistics                        <= APC_LEVEL
 */
#ifndef GROWABLE_REGION_H
#define GROWABLE_REGION_H

#include <wdm.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How the region maps its chunks (see GrCreate). */
typedef enum _GR_STRATEGY {
    GrStrategyAuto = 0,      /* Divisible where the kernel has it, else Remap */
    GrStrategyDivisible = 1, /* MmAllocateMappingAddressEx(DIVISIBLE): each chunk
                              * mapped at its own offset (Windows 10 2004+) */
    GrStrategyRemap = 2      /* one mapping at the base, rebuilt on each growth
                              * (older kernels); readers bracket their access */
} GR_STRATEGY;

typedef struct _GR_PARAMETERS {
    SIZE_T MaximumSize;       /* reserved up front; rounded up to pages */
    SIZE_T InitialCommit;     /* committed by GrCreate (0: none); <= MaximumSize */
    SIZE_T GrowthGranularity; /* preferred smallest step, any number of pages
                               * (rounded up to pages; 0: 64 KiB, capped at
                               * MaximumSize); <= MaximumSize */
    SIZE_T LowWaterMark;      /* GrNoteUsage keeps this much committed ahead of
                               * the data path (0: off); <= MaximumSize */
    ULONG PoolTag;            /* tags the reservation and every allocation; non-zero */
    GR_STRATEGY Strategy;
    PDEVICE_OBJECT DeviceObject; /* for IoAllocateWorkItem; NULL: ExQueueWorkItem */
} GR_PARAMETERS, *PGR_PARAMETERS;

typedef struct _GR_STATISTICS {
    SIZE_T MaximumSize;
    SIZE_T CommittedSize;
    ULONG ChunkCount;          /* MDLs from MmAllocatePagesForMdlEx */
    GR_STRATEGY Strategy;      /* the one in use */
    SIZE_T BookkeepingBytes;   /* the region's own non-paged memory: its
                                * header, chunk table and MDLs */
    ULONG Growths;             /* successful growth steps */
    ULONG DeferredGrowths;     /* growths run by the work item */
    NTSTATUS LastDeferredStatus;
} GR_STATISTICS, *PGR_STATISTICS;

typedef struct _GROWABLE_REGION *PGROWABLE_REGION;

/* Reserves the region and commits InitialCommit. STATUS_INVALID_PARAMETER for
 * a NULL Parameters or Region, a zero MaximumSize or tag, a MaximumSize that
 * cannot be rounded up to pages (> SIZE_MAX - PAGE_SIZE + 1), InitialCommit,
 * GrowthGranularity or LowWaterMark > MaximumSize, an unknown strategy, or
 * Remap with MaximumSize > 4 GB - PAGE_SIZE; STATUS_NOT_SUPPORTED if
 * GrStrategyDivisible is asked for on a kernel without it;
 * STATUS_INSUFFICIENT_RESOURCES when pool, system PTEs or pages run out. On
 * failure nothing is left allocated. */
_IRQL_requires_(PASSIVE_LEVEL) _Must_inspect_result_
NTSTATUS GrCreate(_In_ const GR_PARAMETERS *Parameters, _Out_ PGROWABLE_REGION *Region);

/* Makes at least Bytes committed (idempotent). The step is preferably at
 * least the committed size (the size doubles) and GrowthGranularity; when
 * memory cannot give that, it falls back to Bytes rounded up to the
 * granularity, then to whatever is available that covers Bytes (partial
 * page allocations are used). So it succeeds whenever the pages for Bytes
 * exist. Any failure leaves the region exactly as it was (nothing leaked,
 * nothing half-mapped): STATUS_INSUFFICIENT_RESOURCES (pages, pool or system mappings),
 * STATUS_INVALID_PARAMETER (Bytes > MaximumSize), STATUS_DELETE_PENDING
 * (GrDestroy has begun). */
_IRQL_requires_max_(APC_LEVEL) _Must_inspect_result_
NTSTATUS GrEnsureCommitted(_In_ PGROWABLE_REGION Region, _In_ SIZE_T Bytes);

/* From any IRQL <= DISPATCH_LEVEL: asks a work item to commit Bytes.
 * STATUS_SUCCESS if already committed, STATUS_PENDING if queued (or already
 * in progress), STATUS_INVALID_PARAMETER, STATUS_DELETE_PENDING. The outcome
 * of the growth is in GR_STATISTICS.LastDeferredStatus. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS GrRequestGrowth(_In_ PGROWABLE_REGION Region, _In_ SIZE_T Bytes);

/* Data path hook (<= DISPATCH_LEVEL): UsedBytes of the region are in use;
 * when less than LowWaterMark is left committed ahead, growth is requested. */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID GrNoteUsage(_In_ PGROWABLE_REGION Region, _In_ SIZE_T UsedBytes);

/* Any IRQL. The base never changes. */
PVOID GrBase(_In_ PGROWABLE_REGION Region);
/* Any IRQL; acquire ordering: every byte below the returned size is mapped
 * and readable by the caller. */
SIZE_T GrCommittedSize(_In_ PGROWABLE_REGION Region);

/* Readers of a region that may use the Remap strategy bracket each access:
 * between GrReadBegin and GrReadEnd the first *Committed bytes are mapped.
 * The bracket is short (no waits inside) and may be taken at <= DISPATCH_LEVEL;
 * under the Divisible strategy it is one acquire load (mapped bytes never
 * move), under Remap two interlocked operations. Returns the base. */
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID GrReadBegin(_In_ PGROWABLE_REGION Region, _Out_ SIZE_T *Committed);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID GrReadEnd(_In_ PGROWABLE_REGION Region);

_IRQL_requires_max_(APC_LEVEL)
VOID GrQueryStatistics(_In_ PGROWABLE_REGION Region, _Out_ PGR_STATISTICS Statistics);

/* Waits for a queued growth, then unmaps every chunk, frees its pages and
 * MDL, and frees the reservation: the only safe order. The region is freed:
 * using it afterwards is a use-after-free; a second GrDestroy right after
 * the first frees the region's pool block again (bug check 0xC2/0x07). */
_IRQL_requires_(PASSIVE_LEVEL)
VOID GrDestroy(_In_ PGROWABLE_REGION Region);

#ifdef __cplusplus
}
#endif

#endif /* GROWABLE_REGION_H */
