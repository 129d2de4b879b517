/*
 * growable_region.c - a growable, virtually contiguous, non-paged region.
 *
 * Kernel code: includes only <wdm.h>, calls only documented DDIs, and
 * resolves the ones newer than Windows 10 2004 at run time with
 * MmGetSystemRoutineAddress, so one binary loads on older kernels too.
 *
 * Two ways to map the chunks (GR_STRATEGY):
 *
 *   Divisible (Windows 10 2004+): the reservation is made with
 *   MM_MAPPING_ADDRESS_DIVISIBLE, so each chunk's MDL is mapped at its own
 *   offset and stays mapped until GrDestroy. Readers need no lock: a mapped
 *   byte never moves or goes away.
 *
 *     MmMapLockedPagesWithReservedMapping(Base + 0,  mdl0)   |mdl0|
 *     MmMapLockedPagesWithReservedMapping(Base + 64K, mdl1)  |mdl0|mdl1|
 *
 *   Remap (older kernels): without DIVISIBLE, any address inside the
 *   reservation maps at its base and every PTE of the reservation must be
 *   empty (0xDA/0x107 otherwise), so there is one mapping: an MDL describing
 *   every committed page, rebuilt on each growth (unmap the old, map the
 *   new). During that window nothing is mapped, so readers bracket their
 *   access with GrReadBegin/GrReadEnd and the grower, at DISPATCH_LEVEL so no
 *   reader can preempt it on its own processor, waits for brackets to drain.
 *
 * Growth (<= APC_LEVEL, one grower at a time): the preferred step is at
 * least the granularity and at least the committed size (the size doubles),
 * so the number of chunk MDLs is logarithmic in MaximumSize / granularity,
 * plus one per short page allocation. Doubling is an economy, never a
 * condition: when memory runs out before the doubled step is had, its pages
 * are given back and the growth retried with the size asked for, rounded up
 * to the granularity; that attempt keeps whatever memory is available as
 * long as it covers what was asked (short allocations are mapped and used).
 * Any failure undoes this growth's chunks before the new size is published,
 * so the region is exactly as before. The size is published with release
 * ordering after every page below it is mapped. Every size is checked in
 * GrCreate and every rounding and sum is bounded by MaximumSize, so none
 * can wrap.
 *
 * Teardown, the only safe order: unmap each mapping (each chunk with its own
 * MDL and offset, or the one combined MDL), free each chunk's pages
 * (MmFreePagesFromMdl), free each chunk MDL (ExFreePool - Mm allocated it),
 * then free the reservation (MmFreeMappingAddress) and the region.
 */
#include <wdm.h>

#include "growable_region.h"

#define GR_DEFAULT_GRANULARITY (64 * 1024)
#define GR_INITIAL_CHUNK_SLOTS 16
/* Remap describes the whole region with one IoAllocateMdl MDL, whose length
 * is a ULONG limited to 4 GB - PAGE_SIZE (Windows 7+). */
#define GR_REMAP_MAXIMUM ((SIZE_T)0xFFFFF000)

typedef PVOID NTAPI GR_ALLOCATE_MAPPING_ADDRESS_EX(_In_ SIZE_T NumberOfBytes, _In_ ULONG PoolTag,
                                                   _In_ ULONG Flags);
typedef PVOID NTAPI GR_ALLOCATE_POOL2(_In_ POOL_FLAGS Flags, _In_ SIZE_T NumberOfBytes,
                                      _In_ ULONG Tag);

typedef struct _GR_CHUNK {
    PMDL Mdl;      /* from MmAllocatePagesForMdlEx */
    SIZE_T Offset; /* where its first page sits in the region */
} GR_CHUNK;

typedef struct _GROWABLE_REGION {
    PUCHAR Base;
    SIZE_T MaximumSize;
    volatile ULONG_PTR Committed; /* written with release, read with acquire */
    SIZE_T Granularity;
    SIZE_T LowWaterMark;
    ULONG Tag;
    GR_STRATEGY Strategy;
    GR_ALLOCATE_POOL2 *AllocatePool2; /* NULL before Windows 10 2004 */

    /* Growth state, guarded by GrowLock. */
    FAST_MUTEX GrowLock;
    GR_CHUNK *Chunks;
    ULONG ChunkCount;
    ULONG ChunkCapacity;
    PMDL Combined; /* Remap: the MDL mapped at Base */
    ULONG Growths;

    /* Remap reader exclusion. */
    volatile LONG Readers;
    volatile LONG Remapping;

    /* Deferred growth. */
    PIO_WORKITEM IoWorkItem; /* with a device object */
    WORK_QUEUE_ITEM ExWorkItem; /* without one */
    volatile LONG64 Requested;
    volatile LONG WorkQueued;  /* a growth work item is queued or running */
    volatile LONG Outstanding; /* 1 for the region itself + 1 per queued item */
    volatile LONG Closing;
    KEVENT WorkDone;           /* Outstanding reached 0 */
    volatile LONG DeferredGrowths;
    volatile LONG LastDeferredStatus;
} GROWABLE_REGION;

static VOID GrFreeRegion(_In_ PGROWABLE_REGION Region);
static IO_WORKITEM_ROUTINE GrIoWorker;
static WORKER_THREAD_ROUTINE GrExWorker;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, GrCreate)
#pragma alloc_text(PAGE, GrEnsureCommitted)
#pragma alloc_text(PAGE, GrDestroy)
#pragma alloc_text(PAGE, GrFreeRegion)
#endif

/* ---------------------------------------------------------------------- */
/* Helpers.                                                               */
/* ---------------------------------------------------------------------- */
static PVOID GrResolve(_In_ PCWSTR Name)
{
    UNICODE_STRING String;
    RtlInitUnicodeString(&String, Name);
    return MmGetSystemRoutineAddress(&String);
}

/* Zeroed non-paged memory: ExAllocatePool2 where the kernel has it. */
static PVOID GrAllocate(_In_opt_ GR_ALLOCATE_POOL2 *AllocatePool2, _In_ SIZE_T Bytes, _In_ ULONG Tag)
{
    if (AllocatePool2 != NULL) {
        return AllocatePool2(POOL_FLAG_NON_PAGED, Bytes, Tag);
    }
    PVOID Memory = ExAllocatePoolWithTag(NonPagedPoolNx, Bytes, Tag);
    if (Memory != NULL) {
        RtlZeroMemory(Memory, Bytes);
    }
    return Memory;
}

static SIZE_T GrMdlBytes(_In_ SIZE_T Bytes)
{
    return sizeof(MDL) + (Bytes >> PAGE_SHIFT) * sizeof(PFN_NUMBER);
}

/* Unmaps (Divisible), frees the pages and the MDL of chunks [First, Count). */
static VOID GrReleaseChunks(_In_ PGROWABLE_REGION Region, _In_ ULONG First)
{
    while (Region->ChunkCount > First) {
        GR_CHUNK *Chunk = &Region->Chunks[--Region->ChunkCount];
        if (Region->Strategy == GrStrategyDivisible) {
            MmUnmapReservedMapping(Region->Base + Chunk->Offset, Region->Tag, Chunk->Mdl);
        }
        MmFreePagesFromMdl(Chunk->Mdl);
        ExFreePool(Chunk->Mdl);
        Chunk->Mdl = NULL;
    }
}

static NTSTATUS GrGrowChunkTable(_In_ PGROWABLE_REGION Region)
{
    if (Region->ChunkCapacity > MAXULONG / 2 ||
        Region->ChunkCapacity * (SIZE_T)2 > ((SIZE_T)-1) / sizeof(GR_CHUNK)) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ULONG Capacity = Region->ChunkCapacity * 2;
    GR_CHUNK *Chunks = (GR_CHUNK *)GrAllocate(Region->AllocatePool2, Capacity * sizeof(GR_CHUNK),
                                              Region->Tag);
    if (Chunks == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(Chunks, Region->Chunks, Region->ChunkCount * sizeof(GR_CHUNK));
    ExFreePoolWithTag(Region->Chunks, Region->Tag);
    Region->Chunks = Chunks;
    Region->ChunkCapacity = Capacity;
    return STATUS_SUCCESS;
}

/* Remap: maps one MDL describing every page of [0, NewCommitted) at Base. */
static NTSTATUS GrRemap(_In_ PGROWABLE_REGION Region, _In_ SIZE_T NewCommitted)
{
    PMDL Combined = IoAllocateMdl(Region->Base, (ULONG)NewCommitted, FALSE, FALSE, NULL);
    if (Combined == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    PPFN_NUMBER Pfns = MmGetMdlPfnArray(Combined);
    for (ULONG i = 0; i < Region->ChunkCount; i++) {
        PMDL Mdl = Region->Chunks[i].Mdl;
        RtlCopyMemory(Pfns + (Region->Chunks[i].Offset >> PAGE_SHIFT), MmGetMdlPfnArray(Mdl),
                      (MmGetMdlByteCount(Mdl) >> PAGE_SHIFT) * sizeof(PFN_NUMBER));
    }
    /* The pages are locked: MmAllocatePagesForMdlEx allocated them. */
    Combined->MdlFlags |= MDL_PAGES_LOCKED;

    /* The window with nothing mapped: no reader inside a bracket, and none
     * can preempt us on this processor. */
    KIRQL OldIrql;
    KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
    InterlockedExchange(&Region->Remapping, 1);
    while (InterlockedCompareExchange(&Region->Readers, 0, 0) != 0) {
        YieldProcessor();
    }
    if (Region->Combined != NULL) {
        MmUnmapReservedMapping(Region->Base, Region->Tag, Region->Combined);
    }
    PVOID Va = MmMapLockedPagesWithReservedMapping(Region->Base, Region->Tag, Combined, MmCached);
    if (Va == NULL && Region->Combined != NULL) {
        /* Out of mapping resources (the arguments are valid): put the old
         * mapping back, which fitted a moment ago. */
        (VOID) MmMapLockedPagesWithReservedMapping(Region->Base, Region->Tag, Region->Combined,
                                                   MmCached);
    }
    InterlockedExchange(&Region->Remapping, 0);
    KeLowerIrql(OldIrql);

    if (Va == NULL) {
        IoFreeMdl(Combined);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Region->Combined != NULL) {
        IoFreeMdl(Region->Combined);
    }
    Region->Combined = Combined;
    return STATUS_SUCCESS;
}

/* Up, to a multiple of Granularity (any number of pages, not only powers of
 * two), but never past Limit: the rounding cannot wrap. Bytes <= Limit. */
static SIZE_T GrRoundUpWithin(_In_ SIZE_T Bytes, _In_ SIZE_T Granularity, _In_ SIZE_T Limit)
{
    SIZE_T Remainder = Bytes % Granularity;
    if (Remainder == 0) {
        return Bytes;
    }
    if (Granularity - Remainder > Limit - Bytes) {
        return Limit;
    }
    return Bytes + (Granularity - Remainder);
}

/* Allocates and maps chunks at Old until Target bytes are had or memory
 * runs out (MmAllocatePagesForMdlEx returns NULL); short MDLs are used and
 * asked again. *Got receives the bytes had, even on failure; the chunks stay
 * in the table for the caller to keep or release. */
static NTSTATUS GrAllocateStep(_In_ PGROWABLE_REGION Region, _In_ SIZE_T Old, _In_ SIZE_T Target,
                               _Out_ SIZE_T *Got)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    *Got = 0;
    while (*Got < Target) {
        if (Region->ChunkCount == Region->ChunkCapacity) {
            NTSTATUS Status = GrGrowChunkTable(Region);
            if (!NT_SUCCESS(Status)) {
                return Status;
            }
        }
        /* May describe fewer bytes than asked: use them and ask again. */
        PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, Target - *Got, MmCached, 0);
        if (Mdl == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        if (Region->Strategy == GrStrategyDivisible &&
            MmMapLockedPagesWithReservedMapping(Region->Base + Old + *Got, Region->Tag, Mdl,
                                                MmCached) == NULL) {
            /* With valid arguments only a lack of mapping resources makes
             * it fail: report that, never half-map. */
            MmFreePagesFromMdl(Mdl);
            ExFreePool(Mdl);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        Region->Chunks[Region->ChunkCount].Mdl = Mdl;
        Region->Chunks[Region->ChunkCount].Offset = Old + *Got;
        Region->ChunkCount++;
        *Got += MmGetMdlByteCount(Mdl);
    }
    return STATUS_SUCCESS;
}

/* One growth step to at least Bytes (<= MaximumSize); GrowLock held.
 *
 *   Old          Old+Needed   Old+Asked            Old+Doubled
 *   |== asked ==|-- rounding --|---- doubling -----|
 *
 * First the doubled step (all of it, or it is given back whole), then the
 * asked step, of which any part that covers Needed is kept. */
static NTSTATUS GrGrowLocked(_In_ PGROWABLE_REGION Region, _In_ SIZE_T Bytes)
{
    SIZE_T Old = (SIZE_T)Region->Committed; /* only growers write it; we are the one */
    if (Old >= Bytes) {
        return STATUS_SUCCESS;
    }
    /* MaximumSize is whole pages and Bytes <= MaximumSize: no wrap. */
    SIZE_T Room = Region->MaximumSize - Old;
    SIZE_T Needed = ROUND_TO_PAGES(Bytes) - Old;
    SIZE_T Asked = GrRoundUpWithin(Needed, Region->Granularity, Room);
    SIZE_T Doubled = Old > Asked ? (Old < Room ? Old : Room) : Asked;
    ULONG FirstNew = Region->ChunkCount;
    SIZE_T Got = 0;
    NTSTATUS Status = STATUS_INSUFFICIENT_RESOURCES;
    if (Doubled > Asked) {
        Status = GrAllocateStep(Region, Old, Doubled, &Got);
        if (Status == STATUS_INSUFFICIENT_RESOURCES) {
            GrReleaseChunks(Region, FirstNew); /* memory is short: ask for less */
        }
    }
    if (Status == STATUS_INSUFFICIENT_RESOURCES) {
        Status = GrAllocateStep(Region, Old, Asked, &Got);
        if (Status == STATUS_INSUFFICIENT_RESOURCES && Got >= Needed) {
            Status = STATUS_SUCCESS; /* what was available covers Bytes */
        }
    }
    if (NT_SUCCESS(Status) && Region->Strategy == GrStrategyRemap) {
        Status = GrRemap(Region, Old + Got);
    }
    if (!NT_SUCCESS(Status)) {
        GrReleaseChunks(Region, FirstNew);
        return Status;
    }
    Region->Growths++;
    WriteULongPtrRelease(&Region->Committed, (ULONG_PTR)(Old + Got));
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Create / destroy.                                                      */
/* ---------------------------------------------------------------------- */
_Use_decl_annotations_
NTSTATUS GrCreate(const GR_PARAMETERS *Parameters, PGROWABLE_REGION *Region)
{
    PAGED_CODE();
    if (Region == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    *Region = NULL;
    /* Every size fits in MaximumSize, which rounds up to pages without
     * wrapping; so no rounding or sum below MaximumSize can wrap. */
    if (Parameters == NULL || Parameters->MaximumSize == 0 || Parameters->PoolTag == 0 ||
        Parameters->MaximumSize > ((SIZE_T)-1) - (PAGE_SIZE - 1) ||
        Parameters->InitialCommit > Parameters->MaximumSize ||
        Parameters->GrowthGranularity > Parameters->MaximumSize ||
        Parameters->LowWaterMark > Parameters->MaximumSize ||
        (Parameters->Strategy != GrStrategyAuto && Parameters->Strategy != GrStrategyDivisible &&
         Parameters->Strategy != GrStrategyRemap)) {
        return STATUS_INVALID_PARAMETER;
    }
    SIZE_T Maximum = ROUND_TO_PAGES(Parameters->MaximumSize);
    GR_ALLOCATE_MAPPING_ADDRESS_EX *AllocateMappingAddressEx =
        (GR_ALLOCATE_MAPPING_ADDRESS_EX *)GrResolve(L"MmAllocateMappingAddressEx");
    GR_STRATEGY Strategy = Parameters->Strategy;
    if (Strategy == GrStrategyAuto) {
        Strategy = AllocateMappingAddressEx != NULL ? GrStrategyDivisible : GrStrategyRemap;
    }
    if (Strategy == GrStrategyDivisible && AllocateMappingAddressEx == NULL) {
        return STATUS_NOT_SUPPORTED;
    }
    if (Strategy == GrStrategyRemap && Maximum > GR_REMAP_MAXIMUM) {
        return STATUS_INVALID_PARAMETER;
    }

    GR_ALLOCATE_POOL2 *AllocatePool2 = (GR_ALLOCATE_POOL2 *)GrResolve(L"ExAllocatePool2");
    PGROWABLE_REGION New = (PGROWABLE_REGION)GrAllocate(AllocatePool2, sizeof(GROWABLE_REGION),
                                                        Parameters->PoolTag);
    if (New == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    New->MaximumSize = Maximum;
    New->Granularity = Parameters->GrowthGranularity != 0
                           ? ROUND_TO_PAGES(Parameters->GrowthGranularity)
                           : GR_DEFAULT_GRANULARITY;
    New->LowWaterMark = Parameters->LowWaterMark;
    New->Tag = Parameters->PoolTag;
    New->Strategy = Strategy;
    New->AllocatePool2 = AllocatePool2;
    New->Outstanding = 1;
    New->LastDeferredStatus = STATUS_SUCCESS;
    ExInitializeFastMutex(&New->GrowLock);
    KeInitializeEvent(&New->WorkDone, NotificationEvent, FALSE);
    ExInitializeWorkItem(&New->ExWorkItem, GrExWorker, New);

    New->Chunks = (GR_CHUNK *)GrAllocate(AllocatePool2, GR_INITIAL_CHUNK_SLOTS * sizeof(GR_CHUNK),
                                         New->Tag);
    New->ChunkCapacity = GR_INITIAL_CHUNK_SLOTS;
    if (New->Chunks == NULL) {
        GrFreeRegion(New);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Parameters->DeviceObject != NULL) {
        New->IoWorkItem = IoAllocateWorkItem(Parameters->DeviceObject);
        if (New->IoWorkItem == NULL) {
            GrFreeRegion(New);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    New->Base = (PUCHAR)(Strategy == GrStrategyDivisible
                             ? AllocateMappingAddressEx(Maximum, New->Tag,
                                                        MM_MAPPING_ADDRESS_DIVISIBLE)
                             : MmAllocateMappingAddress(Maximum, New->Tag));
    if (New->Base == NULL) {
        GrFreeRegion(New);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Parameters->InitialCommit != 0) {
        NTSTATUS Status = GrEnsureCommitted(New, Parameters->InitialCommit);
        if (!NT_SUCCESS(Status)) {
            GrFreeRegion(New);
            return Status;
        }
    }
    *Region = New;
    return STATUS_SUCCESS;
}

/* Releases everything a (possibly partly built) region holds. */
static VOID GrFreeRegion(PGROWABLE_REGION Region)
{
    PAGED_CODE();
    /* Each pointer is cleared as its object goes, so a second GrDestroy of
     * the same (freed) region frees nothing but the region itself again:
     * bug check 0xC2/0x07, the double free it is, instead of a wait on an
     * event no one will set. */
    if (Region->Combined != NULL) {
        MmUnmapReservedMapping(Region->Base, Region->Tag, Region->Combined);
        IoFreeMdl(Region->Combined);
        Region->Combined = NULL;
    }
    GrReleaseChunks(Region, 0);
    if (Region->Chunks != NULL) {
        ExFreePoolWithTag(Region->Chunks, Region->Tag);
        Region->Chunks = NULL;
    }
    if (Region->IoWorkItem != NULL) {
        IoFreeWorkItem(Region->IoWorkItem);
        Region->IoWorkItem = NULL;
    }
    if (Region->Base != NULL) {
        MmFreeMappingAddress(Region->Base, Region->Tag);
        Region->Base = NULL;
    }
    ExFreePoolWithTag(Region, Region->Tag);
}

_Use_decl_annotations_
VOID GrDestroy(PGROWABLE_REGION Region)
{
    PAGED_CODE();
    InterlockedExchange(&Region->Closing, 1);
    /* Drop the region's own count; a queued growth holds another and
     * signals WorkDone as the last thing it does with the region. Below
     * zero the region was destroyed already: nothing can signal, so go on
     * to the (double) free rather than wait forever. */
    if (InterlockedDecrement(&Region->Outstanding) > 0) {
        KeWaitForSingleObject(&Region->WorkDone, Executive, KernelMode, FALSE, NULL);
    }
    GrFreeRegion(Region);
}

/* ---------------------------------------------------------------------- */
/* Growth.                                                                */
/* ---------------------------------------------------------------------- */
_Use_decl_annotations_
NTSTATUS GrEnsureCommitted(PGROWABLE_REGION Region, SIZE_T Bytes)
{
    PAGED_CODE();
    if (Bytes > Region->MaximumSize) {
        return STATUS_INVALID_PARAMETER;
    }
    if (GrCommittedSize(Region) >= Bytes) {
        return STATUS_SUCCESS;
    }
    if (InterlockedCompareExchange(&Region->Closing, 0, 0) != 0) {
        return STATUS_DELETE_PENDING;
    }
    ExAcquireFastMutex(&Region->GrowLock);
    NTSTATUS Status = GrGrowLocked(Region, Bytes);
    ExReleaseFastMutex(&Region->GrowLock);
    return Status;
}

/* The work item: grows to what was requested, then drops its count. */
static VOID GrDeferredGrowth(_In_ PGROWABLE_REGION Region)
{
    for (;;) {
        NTSTATUS Status = InterlockedCompareExchange(&Region->Closing, 0, 0) != 0
                              ? STATUS_DELETE_PENDING
                              : GrEnsureCommitted(Region,
                                                  (SIZE_T)InterlockedCompareExchange64(
                                                      &Region->Requested, 0, 0));
        InterlockedExchange(&Region->LastDeferredStatus, Status);
        if (NT_SUCCESS(Status)) {
            InterlockedIncrement(&Region->DeferredGrowths);
        }
        InterlockedExchange(&Region->WorkQueued, 0);
        /* A request that saw WorkQueued set before we cleared it is ours. */
        if (!NT_SUCCESS(Status) ||
            (SIZE_T)InterlockedCompareExchange64(&Region->Requested, 0, 0) <=
                GrCommittedSize(Region) ||
            InterlockedCompareExchange(&Region->WorkQueued, 1, 0) != 0) {
            break;
        }
    }
    if (InterlockedDecrement(&Region->Outstanding) == 0) {
        KeSetEvent(&Region->WorkDone, IO_NO_INCREMENT, FALSE); /* last touch */
    }
}

static VOID NTAPI GrIoWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    GrDeferredGrowth((PGROWABLE_REGION)Context);
}

static VOID NTAPI GrExWorker(PVOID Parameter)
{
    GrDeferredGrowth((PGROWABLE_REGION)Parameter);
}

_Use_decl_annotations_
NTSTATUS GrRequestGrowth(PGROWABLE_REGION Region, SIZE_T Bytes)
{
    if (Bytes > Region->MaximumSize) {
        return STATUS_INVALID_PARAMETER;
    }
    if (GrCommittedSize(Region) >= Bytes) {
        return STATUS_SUCCESS;
    }
    if (InterlockedCompareExchange(&Region->Closing, 0, 0) != 0) {
        return STATUS_DELETE_PENDING;
    }
    LONG64 Seen = InterlockedCompareExchange64(&Region->Requested, 0, 0);
    while ((SIZE_T)Seen < Bytes) {
        LONG64 Previous = InterlockedCompareExchange64(&Region->Requested, (LONG64)Bytes, Seen);
        if (Previous == Seen) {
            break;
        }
        Seen = Previous;
    }
    if (InterlockedCompareExchange(&Region->WorkQueued, 1, 0) == 0) {
        InterlockedIncrement(&Region->Outstanding);
        if (Region->IoWorkItem != NULL) {
            IoQueueWorkItem(Region->IoWorkItem, GrIoWorker, DelayedWorkQueue, Region);
        } else {
            ExQueueWorkItem(&Region->ExWorkItem, DelayedWorkQueue);
        }
    }
    return STATUS_PENDING;
}

_Use_decl_annotations_
VOID GrNoteUsage(PGROWABLE_REGION Region, SIZE_T UsedBytes)
{
    if (Region->LowWaterMark == 0) {
        return;
    }
    /* UsedBytes + LowWaterMark, capped at MaximumSize without wrapping. */
    SIZE_T Target = Region->MaximumSize;
    if (UsedBytes <= Region->MaximumSize &&
        Region->LowWaterMark <= Region->MaximumSize - UsedBytes) {
        Target = UsedBytes + Region->LowWaterMark;
    }
    if (Target <= GrCommittedSize(Region)) {
        return;
    }
    (VOID) GrRequestGrowth(Region, Target);
}

/* ---------------------------------------------------------------------- */
/* Readers.                                                               */
/* ---------------------------------------------------------------------- */
_Use_decl_annotations_
PVOID GrBase(PGROWABLE_REGION Region)
{
    return Region->Base;
}

_Use_decl_annotations_
SIZE_T GrCommittedSize(PGROWABLE_REGION Region)
{
    return (SIZE_T)ReadULongPtrAcquire(&Region->Committed);
}

_Use_decl_annotations_
PVOID GrReadBegin(PGROWABLE_REGION Region, SIZE_T *Committed)
{
    if (Region->Strategy == GrStrategyRemap) {
        for (;;) {
            InterlockedIncrement(&Region->Readers);
            if (InterlockedCompareExchange(&Region->Remapping, 0, 0) == 0) {
                break;
            }
            InterlockedDecrement(&Region->Readers);
            while (InterlockedCompareExchange(&Region->Remapping, 0, 0) != 0) {
                YieldProcessor();
            }
        }
    }
    *Committed = GrCommittedSize(Region);
    return Region->Base;
}

_Use_decl_annotations_
VOID GrReadEnd(PGROWABLE_REGION Region)
{
    if (Region->Strategy == GrStrategyRemap) {
        LONG Left = InterlockedDecrement(&Region->Readers);
        NT_ASSERT(Left >= 0);
        UNREFERENCED_PARAMETER(Left);
    }
}

_Use_decl_annotations_
VOID GrQueryStatistics(PGROWABLE_REGION Region, PGR_STATISTICS Statistics)
{
    PAGED_CODE();
    RtlZeroMemory(Statistics, sizeof(*Statistics));
    ExAcquireFastMutex(&Region->GrowLock);
    Statistics->MaximumSize = Region->MaximumSize;
    Statistics->CommittedSize = GrCommittedSize(Region);
    Statistics->ChunkCount = Region->ChunkCount;
    Statistics->Strategy = Region->Strategy;
    Statistics->Growths = Region->Growths;
    SIZE_T Bytes = sizeof(GROWABLE_REGION) + Region->ChunkCapacity * sizeof(GR_CHUNK);
    for (ULONG i = 0; i < Region->ChunkCount; i++) {
        Bytes += GrMdlBytes(MmGetMdlByteCount(Region->Chunks[i].Mdl));
    }
    if (Region->Combined != NULL) {
        Bytes += GrMdlBytes(MmGetMdlByteCount(Region->Combined));
    }
    Statistics->BookkeepingBytes = Bytes;
    ExReleaseFastMutex(&Region->GrowLock);
    Statistics->DeferredGrowths = (ULONG)InterlockedCompareExchange(&Region->DeferredGrowths, 0, 0);
    Statistics->LastDeferredStatus = InterlockedCompareExchange(&Region->LastDeferredStatus, 0, 0);
}
