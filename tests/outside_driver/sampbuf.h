/*
 * sampbuf.h - SampBuf, a sample third-party WDM driver: a growable,
 * non-paged byte buffer made of page segments (MmAllocatePagesForMdlEx +
 * MmGetSystemAddressForMdlSafe), appended to at IRQL <= DISPATCH_LEVEL.
 *
 * This is the driver's own header, written as a driver writer writes one:
 * only WDK names. The simulator never appears in it or in sampbuf.c.
 */
#ifndef SAMPBUF_H
#define SAMPBUF_H

#include <ntddk.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SB_POOL_TAG 'fBbS' /* "SbBf" in pool dumps */

/*
 * Deliberate bugs, for the driver's test (tests/outside_driver/
 * test_outside_driver.c). All off by default; each bit turns one on:
 *
 * SB_BUG_LEAK_LAST_SEGMENT   SbUnload's loop stops one segment short: the
 *                            last segment's pages, its MDL (pool) and its
 *                            mapping are never freed.
 * SB_BUG_UNCHECKED_MAPPING   SbpAddSegment writes the segment header through
 *                            MmGetSystemAddressForMdlSafe's result without
 *                            checking it for NULL (mapping can fail when
 *                            system PTEs run out).
 * SB_BUG_WRONG_FREE_ROUTINE  SbpFreeSegment releases a segment's MDL with
 *                            IoFreeMdl instead of MmFreePagesFromMdl followed
 *                            by ExFreePool (the MDL and its pages came from
 *                            MmAllocatePagesForMdlEx).
 */
#define SB_BUG_LEAK_LAST_SEGMENT  0x00000001
#define SB_BUG_UNCHECKED_MAPPING  0x00000002
#define SB_BUG_WRONG_FREE_ROUTINE 0x00000004

extern ULONG SbBugMask;

/* The first segment's size; each further segment at least doubles the
 * capacity, and is large enough for the append that needs it. */
#define SB_INITIAL_SEGMENT_BYTES (16 * PAGE_SIZE)
#define SB_MAX_SEGMENTS          16

DRIVER_INITIALIZE DriverEntry;

/* Appends Length bytes. STATUS_INSUFFICIENT_RESOURCES if the buffer cannot
 * grow (it is left as it was). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS SbAppend(_In_reads_bytes_(Length) const VOID *Data, _In_ SIZE_T Length);

/* Copies Length bytes from Offset out of the buffer. STATUS_INVALID_PARAMETER
 * beyond what was appended. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS SbRead(_In_ SIZE_T Offset, _Out_writes_bytes_(Length) PVOID Buffer, _In_ SIZE_T Length);

/* Bytes appended, bytes the segments hold, and the segments. */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SbQuery(_Out_opt_ PSIZE_T Used, _Out_opt_ PSIZE_T Capacity, _Out_opt_ PULONG Segments);

#ifdef __cplusplus
}
#endif

#endif /* SAMPBUF_H */
