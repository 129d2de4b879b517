/*
 * buggy_driver.c - a deliberately buggy driver, written as driver code
 * (only <wdm.h>), with the three pool bugs special pool exists to catch.
 * Each routine is one bug; test_buggy_driver.c runs them with special pool
 * on (each caught where it happens) and off (each missed).
 */
#include <wdm.h>

#include "buggy_driver.h"

#define BUGGY_TAG 'gguB' /* "Bugg" */

/* Bug 1: an 8-byte overflow. The record is 64 bytes; the copy is sized for
 * the 72-byte version of it that the driver's newer header describes. */
NTSTATUS BuggyCopyRecord(const UCHAR *Source)
{
    UCHAR *Record = (UCHAR *)ExAllocatePool2(POOL_FLAG_NON_PAGED, BUGGY_RECORD_BYTES, BUGGY_TAG);
    if (Record == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(Record, Source, BUGGY_RECORD_BYTES + 8); /* BUG: 8 bytes too many */
    ExFreePoolWithTag(Record, BUGGY_TAG);
    return STATUS_SUCCESS;
}

/* Bug 2: use after free through a stored function pointer. The context is
 * freed on "cancel", but the completion path still calls its callback. */
typedef struct _BUGGY_CONTEXT {
    BUGGY_CALLBACK Callback;
    PVOID Argument;
    ULONG Pad[12];
} BUGGY_CONTEXT;

static BUGGY_CONTEXT *BuggyPending;

NTSTATUS BuggyStart(BUGGY_CALLBACK Callback, PVOID Argument)
{
    BuggyPending = (BUGGY_CONTEXT *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(BUGGY_CONTEXT),
                                                    BUGGY_TAG);
    if (BuggyPending == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    BuggyPending->Callback = Callback;
    BuggyPending->Argument = Argument;
    return STATUS_SUCCESS;
}

VOID BuggyCancel(VOID)
{
    ExFreePoolWithTag(BuggyPending, BUGGY_TAG); /* BUG: BuggyPending is not cleared */
}

VOID BuggyComplete(VOID)
{
    if (BuggyPending != NULL) {
        BuggyPending->Callback(BuggyPending->Argument); /* BUG: after BuggyCancel */
    }
    BuggyPending = NULL;
}

/* Bug 3: an over-read of 3.5 KiB. The checksum walks the whole page the
 * driver assumes the 512-byte buffer fills. */
ULONG BuggyChecksum(VOID)
{
    UCHAR *Buffer = (UCHAR *)ExAllocatePool2(POOL_FLAG_NON_PAGED, BUGGY_BUFFER_BYTES, BUGGY_TAG);
    if (Buffer == NULL) {
        return 0;
    }
    ULONG Sum = 0;
    for (ULONG i = 0; i < BUGGY_BUFFER_BYTES + 3584; i++) { /* BUG: 3.5 KiB past the end */
        Sum += ((volatile UCHAR *)Buffer)[i];
    }
    ExFreePoolWithTag(Buffer, BUGGY_TAG);
    return Sum;
}
