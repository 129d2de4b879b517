/* buggy_driver.h - the deliberately buggy driver's entry points. */
#ifndef BUGGY_DRIVER_H
#define BUGGY_DRIVER_H

#define BUGGY_RECORD_BYTES 64
#define BUGGY_BUFFER_BYTES 512

typedef VOID (*BUGGY_CALLBACK)(PVOID Argument);

NTSTATUS BuggyCopyRecord(const UCHAR *Source);
NTSTATUS BuggyStart(BUGGY_CALLBACK Callback, PVOID Argument);
VOID BuggyCancel(VOID);
VOID BuggyComplete(VOID);
ULONG BuggyChecksum(VOID);

#endif
