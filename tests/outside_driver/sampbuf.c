/*
 * sampbuf.c - SampBuf: a growable non-paged buffer, as a third-party WDM
 * driver would write it (see sampbuf.h).
 *
 * The buffer is a list of segments. Each segment is a set of physical pages
 * from MmAllocatePagesForMdlEx, mapped into system space with
 * MmGetSystemAddressForMdlSafe; its first bytes hold a small header (a
 * signature and its index), the rest holds data. Appends run at
 * IRQL <= DISPATCH_LEVEL under a spin lock and add a segment when the data
 * does not fit. Teardown, per segment: MmUnmapLockedPages, MmFreePagesFromMdl,
 * ExFreePool of the MDL.
 *
 * Three deliberate bugs can be switched on through SbBugMask (sampbuf.h);
 * each is marked "BUG (...)" below. With SbBugMask == 0 the driver is
 * correct.
 *
 * Only documented DDIs and WDK headers are used; the file is compiled
 * unchanged against mmsim's WDK surface with the project's warnings
 * (tests/CMakeLists.txt).
 */
#include <ntddk.h>
#include <ntstrsafe.h>

#include "sampbuf.h"

#define SB_SEGMENT_SIGNATURE 'gSbS' /* "SbSg" */

typedef struct _SB_SEGMENT_HEADER {
    ULONG Signature;
    ULONG Index;
    SIZE_T Bytes; /* data bytes in this segment */
} SB_SEGMENT_HEADER, *PSB_SEGMENT_HEADER;

typedef struct _SB_SEGMENT {
    PMDL Mdl;       /* from MmAllocatePagesForMdlEx */
    PUCHAR Mapping; /* MmGetSystemAddressForMdlSafe(Mdl) */
    PUCHAR Data;    /* Mapping + sizeof(SB_SEGMENT_HEADER) */
    SIZE_T Bytes;   /* data bytes */
} SB_SEGMENT, *PSB_SEGMENT;

typedef struct _SB_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG SegmentCount;
    SB_SEGMENT Segments[SB_MAX_SEGMENTS];
    SIZE_T Capacity;
    SIZE_T Used;
    CHAR Name[64];
} SB_CONTEXT, *PSB_CONTEXT;

ULONG SbBugMask = 0;

static PSB_CONTEXT SbContext;

static DRIVER_UNLOAD SbUnload;

#define SB_BUG(Bug) ((SbBugMask & (Bug)) != 0)

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, SbUnload)
#endif

/* Adds a segment with room for at least MinimumBytes of data. */
_IRQL_requires_max_(DISPATCH_LEVEL)
static NTSTATUS SbpAddSegment(_Inout_ PSB_CONTEXT Context, _In_ SIZE_T MinimumBytes)
{
    PHYSICAL_ADDRESS Lowest = {0};
    PHYSICAL_ADDRESS Highest = {.QuadPart = -1};
    PHYSICAL_ADDRESS Skip = {0};
    SIZE_T Bytes;
    PMDL Mdl;
    PUCHAR Mapping;
    PSB_SEGMENT_HEADER Header;
    PSB_SEGMENT Segment;

    if (Context->SegmentCount == SB_MAX_SEGMENTS) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Bytes = Context->SegmentCount == 0 ? SB_INITIAL_SEGMENT_BYTES : Context->Capacity;
    while (Bytes < MinimumBytes + sizeof(SB_SEGMENT_HEADER)) {
        Bytes *= 2;
    }
    Bytes = ROUND_TO_PAGES(Bytes);

    Mdl = MmAllocatePagesForMdlEx(Lowest, Highest, Skip, Bytes, MmCached,
                                  MM_ALLOCATE_FULLY_REQUIRED);
    if (Mdl == NULL) {
        KdPrint(("%s: no pages for a %Iu-byte segment\n", Context->Name, Bytes));
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Mapping = (PUCHAR)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority | MdlMappingNoExecute);

    /* BUG (SB_BUG_UNCHECKED_MAPPING): without this check a failed mapping
     * (NULL) is written through just below. */
    if (!SB_BUG(SB_BUG_UNCHECKED_MAPPING) && Mapping == NULL) {
        MmFreePagesFromMdl(Mdl);
        ExFreePool(Mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Header = (PSB_SEGMENT_HEADER)Mapping;
    Header->Signature = SB_SEGMENT_SIGNATURE;
    Header->Index = Context->SegmentCount;
    Header->Bytes = Bytes - sizeof(SB_SEGMENT_HEADER);

    Segment = &Context->Segments[Context->SegmentCount];
    Segment->Mdl = Mdl;
    Segment->Mapping = Mapping;
    Segment->Data = Mapping + sizeof(SB_SEGMENT_HEADER);
    Segment->Bytes = Header->Bytes;
    Context->SegmentCount++;
    Context->Capacity += Segment->Bytes;

    KdPrint(("%s: segment %lu, %Iu bytes at %p\n", Context->Name, Header->Index, Bytes,
             Mapping));
    return STATUS_SUCCESS;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID SbpFreeSegment(_Inout_ PSB_SEGMENT Segment)
{
    NT_ASSERT(((PSB_SEGMENT_HEADER)Segment->Mapping)->Signature == SB_SEGMENT_SIGNATURE);

    MmUnmapLockedPages(Segment->Mapping, Segment->Mdl);
    if (SB_BUG(SB_BUG_WRONG_FREE_ROUTINE)) {
        /* BUG (SB_BUG_WRONG_FREE_ROUTINE): IoFreeMdl is for IoAllocateMdl's
         * MDLs; this one and its pages came from MmAllocatePagesForMdlEx. */
        IoFreeMdl(Segment->Mdl);
    } else {
        MmFreePagesFromMdl(Segment->Mdl);
        ExFreePool(Segment->Mdl);
    }
    RtlZeroMemory(Segment, sizeof(*Segment));
}

/* Copies between Buffer and the segments, starting at buffer Offset. */
_IRQL_requires_(DISPATCH_LEVEL)
static VOID SbpCopy(_In_ PSB_CONTEXT Context, _In_ SIZE_T Offset, _Inout_ PUCHAR Buffer,
                    _In_ SIZE_T Length, _In_ BOOLEAN ToSegments)
{
    ULONG Index = 0;

    while (Offset >= Context->Segments[Index].Bytes) {
        Offset -= Context->Segments[Index].Bytes;
        Index++;
    }
    while (Length > 0) {
        PSB_SEGMENT Segment = &Context->Segments[Index];
        SIZE_T Chunk = min(Length, Segment->Bytes - Offset);

        if (ToSegments) {
            RtlCopyMemory(Segment->Data + Offset, Buffer, Chunk);
        } else {
            RtlCopyMemory(Buffer, Segment->Data + Offset, Chunk);
        }
        Buffer += Chunk;
        Length -= Chunk;
        Offset = 0;
        Index++;
    }
}

_Use_decl_annotations_
NTSTATUS SbAppend(const VOID *Data, SIZE_T Length)
{
    PSB_CONTEXT Context = SbContext;
    NTSTATUS Status = STATUS_SUCCESS;
    KIRQL OldIrql;

    if (Length == 0) {
        return STATUS_SUCCESS;
    }
    KeAcquireSpinLock(&Context->Lock, &OldIrql);
    if (Context->Capacity - Context->Used < Length) {
        Status = SbpAddSegment(Context, Length);
    }
    if (NT_SUCCESS(Status)) {
        SbpCopy(Context, Context->Used, (PUCHAR)(ULONG_PTR)Data, Length, TRUE);
        Context->Used += Length;
    }
    KeReleaseSpinLock(&Context->Lock, OldIrql);
    return Status;
}

_Use_decl_annotations_
NTSTATUS SbRead(SIZE_T Offset, PVOID Buffer, SIZE_T Length)
{
    PSB_CONTEXT Context = SbContext;
    NTSTATUS Status = STATUS_SUCCESS;
    KIRQL OldIrql;

    KeAcquireSpinLock(&Context->Lock, &OldIrql);
    if (Offset > Context->Used || Length > Context->Used - Offset) {
        Status = STATUS_INVALID_PARAMETER;
    } else if (Length > 0) {
        SbpCopy(Context, Offset, (PUCHAR)Buffer, Length, FALSE);
    }
    KeReleaseSpinLock(&Context->Lock, OldIrql);
    return Status;
}

_Use_decl_annotations_
VOID SbQuery(PSIZE_T Used, PSIZE_T Capacity, PULONG Segments)
{
    PSB_CONTEXT Context = SbContext;
    KIRQL OldIrql;

    KeAcquireSpinLock(&Context->Lock, &OldIrql);
    if (Used != NULL) {
        *Used = Context->Used;
    }
    if (Capacity != NULL) {
        *Capacity = Context->Capacity;
    }
    if (Segments != NULL) {
        *Segments = Context->SegmentCount;
    }
    KeReleaseSpinLock(&Context->Lock, OldIrql);
}

_Use_decl_annotations_
static VOID SbUnload(PDRIVER_OBJECT DriverObject)
{
    PSB_CONTEXT Context = SbContext;
    ULONG Count;
    ULONG i;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);

    Count = Context->SegmentCount;
    if (SB_BUG(SB_BUG_LEAK_LAST_SEGMENT)) {
        /* BUG (SB_BUG_LEAK_LAST_SEGMENT): the classic "Count - 1". */
        Count -= 1;
    }
    for (i = 0; i < Count; i++) {
        SbpFreeSegment(&Context->Segments[i]);
    }
    KdPrint(("%s: unloaded\n", Context->Name));
    ExFreePoolWithTag(Context, SB_POOL_TAG);
    SbContext = NULL;
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PSB_CONTEXT Context;
    NTSTATUS Status;

    PAGED_CODE();

    Context = (PSB_CONTEXT)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(SB_CONTEXT), SB_POOL_TAG);
    if (Context == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeSpinLock(&Context->Lock);

    /* A truncated name (STATUS_BUFFER_OVERFLOW) is still a usable name. */
    Status = RtlStringCbPrintfA(Context->Name, sizeof(Context->Name), "SampBuf[%wZ]",
                                RegistryPath);
    if (!NT_SUCCESS(Status) && Status != STATUS_BUFFER_OVERFLOW) {
        ExFreePoolWithTag(Context, SB_POOL_TAG);
        return Status;
    }

    Status = SbpAddSegment(Context, 0);
    if (!NT_SUCCESS(Status)) {
        ExFreePoolWithTag(Context, SB_POOL_TAG);
        return Status;
    }

    SbContext = Context;
    DriverObject->DriverUnload = SbUnload;
    KdPrint(("%s: loaded, %Iu bytes\n", Context->Name, Context->Capacity));
    return STATUS_SUCCESS;
}
