/*
 * exports.c - MmGetSystemRoutineAddress: the export directory of the
 * simulated ntoskrnl/hal, by which drivers find out which DDIs exist.
 *
 * It names DDIs of every layer (Ke, Mm, Ex, Io), so it lives in the highest
 * DDI layer (docs/architecture.md 1.1); a new exported DDI is one row here.
 */
#include <stdint.h>

#include "../mi.h"

/* ---------------------------------------------------------------------- */
/* MmGetSystemRoutineAddress.                                             */
/* ---------------------------------------------------------------------- */
typedef void (*MI_ROUTINE)(void);

typedef struct _MI_EXPORT {
    const char *Name;
    MI_ROUTINE Routine;
    bool ModernOnly; /* not exported by Server 2003 (nt5 profile) */
} MI_EXPORT;

#define MI_EXPORT_ENTRY(Name, ModernOnly) {#Name, (MI_ROUTINE)&Name, ModernOnly}

/* Macros in x64's wdm.h, exported routines all the same (sim/ke/time.c). */
ULONGLONG NTAPI(KeQueryInterruptTime)(VOID);
VOID NTAPI(KeQuerySystemTime)(PLARGE_INTEGER CurrentTime);

/* Every DDI mmsim implements that ntoskrnl/hal export by name. Routines that
 * appeared after Server 2003 (ddi-contract 1.2, 1.15: Windows 10 2004) are
 * absent under nt5. */
static const MI_EXPORT MiExports[] = {
    MI_EXPORT_ENTRY(DbgPrint, false),
    MI_EXPORT_ENTRY(DbgPrintEx, false),
    MI_EXPORT_ENTRY(ExAcquireFastMutex, false),
    MI_EXPORT_ENTRY(ExAcquireSpinLockExclusive, true),
    MI_EXPORT_ENTRY(ExAcquireSpinLockExclusiveAtDpcLevel, true),
    MI_EXPORT_ENTRY(ExAcquireSpinLockShared, true),
    MI_EXPORT_ENTRY(ExAcquireSpinLockSharedAtDpcLevel, true),
    MI_EXPORT_ENTRY(ExAllocatePool2, true),
    MI_EXPORT_ENTRY(ExAllocatePoolWithTag, false),
    MI_EXPORT_ENTRY(ExFreePool, false),
    MI_EXPORT_ENTRY(ExFreePoolWithTag, false),
    MI_EXPORT_ENTRY(ExInitializeFastMutex, false),
    MI_EXPORT_ENTRY(ExQueueWorkItem, false),
    MI_EXPORT_ENTRY(ExReleaseSpinLockExclusive, true),
    MI_EXPORT_ENTRY(ExReleaseSpinLockExclusiveFromDpcLevel, true),
    MI_EXPORT_ENTRY(ExReleaseSpinLockShared, true),
    MI_EXPORT_ENTRY(ExReleaseSpinLockSharedFromDpcLevel, true),
    MI_EXPORT_ENTRY(ExTryConvertSharedSpinLockExclusive, true),
    MI_EXPORT_ENTRY(ExRaiseStatus, false),
    MI_EXPORT_ENTRY(ExReleaseFastMutex, false),
    MI_EXPORT_ENTRY(ExTryToAcquireFastMutex, false),
    MI_EXPORT_ENTRY(IoAllocateMdl, false),
    MI_EXPORT_ENTRY(IoAllocateWorkItem, false),
    MI_EXPORT_ENTRY(IoBuildPartialMdl, false),
    MI_EXPORT_ENTRY(IoFreeMdl, false),
    MI_EXPORT_ENTRY(IoFreeWorkItem, false),
    MI_EXPORT_ENTRY(IoQueueWorkItem, false),
    MI_EXPORT_ENTRY(KeAcquireInStackQueuedSpinLock, false),
    MI_EXPORT_ENTRY(KeAcquireSpinLockAtDpcLevel, false),
    MI_EXPORT_ENTRY(KeAcquireSpinLockRaiseToDpc, false),
    MI_EXPORT_ENTRY(KeBugCheck, false),
    MI_EXPORT_ENTRY(KeBugCheckEx, false),
    MI_EXPORT_ENTRY(KeClearEvent, false),
    MI_EXPORT_ENTRY(KeGetCurrentIrql, false),
    MI_EXPORT_ENTRY(KeGetCurrentProcessorIndex, true),     /* Windows 7 */
    MI_EXPORT_ENTRY(KeGetCurrentProcessorNumber, false),
    MI_EXPORT_ENTRY(KeGetCurrentProcessorNumberEx, true),  /* Windows 7 */
    MI_EXPORT_ENTRY(KeInitializeEvent, false),
    MI_EXPORT_ENTRY(KeInitializeSpinLock, false),
    MI_EXPORT_ENTRY(KeLowerIrql, false),
    MI_EXPORT_ENTRY(KeQueryActiveProcessorCount, true),    /* Windows Vista */
    MI_EXPORT_ENTRY(KeQueryActiveProcessorCountEx, true),  /* Windows 7 */
    MI_EXPORT_ENTRY(KeQueryInterruptTime, false),
    MI_EXPORT_ENTRY(KeQueryInterruptTimePrecise, true),    /* Windows 10 */
    MI_EXPORT_ENTRY(KeQueryPerformanceCounter, false),     /* hal.dll */
    MI_EXPORT_ENTRY(KeQuerySystemTime, false),
    MI_EXPORT_ENTRY(KeQuerySystemTimePrecise, true),       /* Windows 8 */
    MI_EXPORT_ENTRY(KeQueryTimeIncrement, false),
    MI_EXPORT_ENTRY(KeRaiseIrqlToDpcLevel, false),
    MI_EXPORT_ENTRY(KeReadStateEvent, false),
    MI_EXPORT_ENTRY(KeReleaseInStackQueuedSpinLock, false),
    MI_EXPORT_ENTRY(KeReleaseSpinLock, false),
    MI_EXPORT_ENTRY(KeReleaseSpinLockFromDpcLevel, false),
    MI_EXPORT_ENTRY(KeSetEvent, false),
    MI_EXPORT_ENTRY(KeTryToAcquireSpinLockAtDpcLevel, false),
    MI_EXPORT_ENTRY(KeWaitForSingleObject, false),
    MI_EXPORT_ENTRY(KfRaiseIrql, false),
    MI_EXPORT_ENTRY(MmAllocateMappingAddress, false),
    MI_EXPORT_ENTRY(MmAllocateMappingAddressEx, true),
    MI_EXPORT_ENTRY(MmAllocatePagesForMdl, false),
    MI_EXPORT_ENTRY(MmAllocateNodePagesForMdlEx, true),
    MI_EXPORT_ENTRY(MmAllocatePagesForMdlEx, false),
    MI_EXPORT_ENTRY(MmBuildMdlForNonPagedPool, false),
    MI_EXPORT_ENTRY(MmFreeMappingAddress, false),
    MI_EXPORT_ENTRY(MmFreePagesFromMdl, false),
    MI_EXPORT_ENTRY(MmFreePagesFromMdlEx, false),
    MI_EXPORT_ENTRY(MmGetPhysicalAddress, false),
    MI_EXPORT_ENTRY(MmGetSystemRoutineAddress, false),
    MI_EXPORT_ENTRY(MmIsAddressValid, false),
    MI_EXPORT_ENTRY(MmMapLockedPagesSpecifyCache, false),
    MI_EXPORT_ENTRY(MmMapLockedPagesWithReservedMapping, false),
    MI_EXPORT_ENTRY(MmProbeAndLockPages, false),
    MI_EXPORT_ENTRY(MmSizeOfMdl, false),
    MI_EXPORT_ENTRY(MmUnlockPages, false),
    MI_EXPORT_ENTRY(MmUnmapLockedPages, false),
    MI_EXPORT_ENTRY(MmUnmapReservedMapping, false),
    MI_EXPORT_ENTRY(RtlCompareMemory, false),
    MI_EXPORT_ENTRY(RtlInitUnicodeString, false),
    /* issue 15: oracle */
    MI_EXPORT_ENTRY(MmAllocateContiguousMemory, false),
    MI_EXPORT_ENTRY(MmAllocateContiguousMemorySpecifyCache, false),
    MI_EXPORT_ENTRY(MmAllocateContiguousMemorySpecifyCacheNode, true),
    MI_EXPORT_ENTRY(MmAllocateContiguousNodeMemory, true),
    MI_EXPORT_ENTRY(MmFreeContiguousMemory, false),
    MI_EXPORT_ENTRY(MmFreeContiguousMemorySpecifyCache, false),
    MI_EXPORT_ENTRY(MmAllocateNonCachedMemory, false),
    MI_EXPORT_ENTRY(MmFreeNonCachedMemory, false),
    MI_EXPORT_ENTRY(MmGetPhysicalMemoryRanges, false),
    MI_EXPORT_ENTRY(MmGetVirtualForPhysical, false),
    MI_EXPORT_ENTRY(MmMapLockedPages, false),
    MI_EXPORT_ENTRY(ExAllocatePoolWithTagPriority, false),
    MI_EXPORT_ENTRY(ExAllocatePool, false),
    MI_EXPORT_ENTRY(KeRaiseIrqlToSynchLevel, false),
    MI_EXPORT_ENTRY(KeTestSpinLock, false),
    MI_EXPORT_ENTRY(KeResetEvent, false),
    MI_EXPORT_ENTRY(KeStallExecutionProcessor, false),
    MI_EXPORT_ENTRY(KeQueryUnbiasedInterruptTime, true),
    MI_EXPORT_ENTRY(KeGetRecommendedSharedDataAlignment, false),
    MI_EXPORT_ENTRY(RtlUshortByteSwap, false),
    MI_EXPORT_ENTRY(RtlUlongByteSwap, false),
    MI_EXPORT_ENTRY(RtlUlonglongByteSwap, false),
    /* issue 15: shapes */
    MI_EXPORT_ENTRY(ExIsProcessorFeaturePresent, false),
    /* issue 15: iomgr - the I/O manager and the probes (sim/io/). */
    MI_EXPORT_ENTRY(IoAllocateIrp, false),
    MI_EXPORT_ENTRY(IoCreateDevice, false),
    MI_EXPORT_ENTRY(IoCreateSymbolicLink, false),
    MI_EXPORT_ENTRY(IoDeleteDevice, false),
    MI_EXPORT_ENTRY(IoDeleteSymbolicLink, false),
    MI_EXPORT_ENTRY(IoFreeIrp, false),
    MI_EXPORT_ENTRY(IofCallDriver, false),
    MI_EXPORT_ENTRY(IofCompleteRequest, false),
    MI_EXPORT_ENTRY(ProbeForRead, false),
    MI_EXPORT_ENTRY(ProbeForWrite, false),
    /* mmdev (Windows 7+ and Windows 10+ routines: modern only) */
    MI_EXPORT_ENTRY(MmMapIoSpace, false),
    MI_EXPORT_ENTRY(MmMapIoSpaceEx, true),
    MI_EXPORT_ENTRY(MmUnmapIoSpace, false),
    MI_EXPORT_ENTRY(MmIsIoSpaceActive, false),
    MI_EXPORT_ENTRY(MmProtectMdlSystemAddress, false),
    MI_EXPORT_ENTRY(MmCreateMdl, false),
    MI_EXPORT_ENTRY(MmAdvanceMdl, false),
    MI_EXPORT_ENTRY(MmIsNonPagedSystemAddressValid, false),
    MI_EXPORT_ENTRY(MmQuerySystemSize, false),
    MI_EXPORT_ENTRY(MmIsThisAnNtAsSystem, false),
    MI_EXPORT_ENTRY(KeQueryMaximumProcessorCount, true),
    MI_EXPORT_ENTRY(KeQueryMaximumProcessorCountEx, true),
    MI_EXPORT_ENTRY(KeQueryActiveGroupCount, true),
    MI_EXPORT_ENTRY(KeQueryMaximumGroupCount, true),
    MI_EXPORT_ENTRY(KeQueryNodeMaximumProcessorCount, true),
    MI_EXPORT_ENTRY(KeQueryHighestNodeNumber, true),
    MI_EXPORT_ENTRY(KeGetCurrentNodeNumber, true),
    MI_EXPORT_ENTRY(KeGetProcessorNumberFromIndex, true),
    MI_EXPORT_ENTRY(KeGetProcessorIndexFromNumber, true),
    MI_EXPORT_ENTRY(KeQueryLogicalProcessorRelationship, true),
    MI_EXPORT_ENTRY(KeIpiGenericCall, false),
    MI_EXPORT_ENTRY(KeExpandKernelStackAndCallout, false),
    MI_EXPORT_ENTRY(KeFlushWriteBuffer, false),
    MI_EXPORT_ENTRY(KeInvalidateAllCaches, false),
    MI_EXPORT_ENTRY(KeInvalidateRangeAllCaches, false),

    /* rtl: Rtl strings, bitmaps, version, time fields, stack walks (sim/ex/rtl_string.c,
     * sim/ke/rtl_bitmap.c, sim/ke/rtl_more.c). */
    MI_EXPORT_ENTRY(RtlInitAnsiString, false),
    MI_EXPORT_ENTRY(RtlInitString, false),
    MI_EXPORT_ENTRY(RtlInitUnicodeStringEx, false),
    MI_EXPORT_ENTRY(RtlCopyUnicodeString, false),
    MI_EXPORT_ENTRY(RtlCopyString, false),
    MI_EXPORT_ENTRY(RtlAppendUnicodeStringToString, false),
    MI_EXPORT_ENTRY(RtlAppendUnicodeToString, false),
    MI_EXPORT_ENTRY(RtlCompareUnicodeString, false),
    MI_EXPORT_ENTRY(RtlCompareUnicodeStrings, true),
    MI_EXPORT_ENTRY(RtlEqualUnicodeString, false),
    MI_EXPORT_ENTRY(RtlPrefixUnicodeString, false),
    MI_EXPORT_ENTRY(RtlCompareString, false),
    MI_EXPORT_ENTRY(RtlEqualString, false),
    MI_EXPORT_ENTRY(RtlUpcaseUnicodeString, false),
    MI_EXPORT_ENTRY(RtlDowncaseUnicodeString, false),
    MI_EXPORT_ENTRY(RtlUpcaseUnicodeChar, false),
    MI_EXPORT_ENTRY(RtlDowncaseUnicodeChar, false),
    MI_EXPORT_ENTRY(RtlUpperString, false),
    MI_EXPORT_ENTRY(RtlUpperChar, false),
    MI_EXPORT_ENTRY(RtlAnsiStringToUnicodeString, false),
    MI_EXPORT_ENTRY(RtlUnicodeStringToAnsiString, false),
    MI_EXPORT_ENTRY(RtlxAnsiStringToUnicodeSize, false),
    MI_EXPORT_ENTRY(RtlxUnicodeStringToAnsiSize, false),
    MI_EXPORT_ENTRY(RtlFreeUnicodeString, false),
    MI_EXPORT_ENTRY(RtlFreeAnsiString, false),
    MI_EXPORT_ENTRY(RtlUnicodeToUTF8N, true),
    MI_EXPORT_ENTRY(RtlUTF8ToUnicodeN, true),
    MI_EXPORT_ENTRY(RtlIntegerToUnicodeString, false),
    MI_EXPORT_ENTRY(RtlInt64ToUnicodeString, false),
    MI_EXPORT_ENTRY(RtlUnicodeStringToInteger, false),
    MI_EXPORT_ENTRY(RtlCharToInteger, false),
    MI_EXPORT_ENTRY(RtlHashUnicodeString, false),
    MI_EXPORT_ENTRY(RtlStringFromGUID, false),
    MI_EXPORT_ENTRY(RtlGUIDFromString, false),
    MI_EXPORT_ENTRY(RtlGetVersion, false),
    MI_EXPORT_ENTRY(RtlVerifyVersionInfo, false),
    MI_EXPORT_ENTRY(RtlGetProductInfo, true),
    MI_EXPORT_ENTRY(ExVerifySuite, false),
    MI_EXPORT_ENTRY(VerSetConditionMask, false),
    MI_EXPORT_ENTRY(RtlInitializeBitMap, false),
    MI_EXPORT_ENTRY(RtlClearAllBits, false),
    MI_EXPORT_ENTRY(RtlSetAllBits, false),
    MI_EXPORT_ENTRY(RtlClearBit, false),
    MI_EXPORT_ENTRY(RtlSetBit, false),
    MI_EXPORT_ENTRY(RtlTestBit, false),
    MI_EXPORT_ENTRY(RtlClearBits, false),
    MI_EXPORT_ENTRY(RtlSetBits, false),
    MI_EXPORT_ENTRY(RtlAreBitsClear, false),
    MI_EXPORT_ENTRY(RtlAreBitsSet, false),
    MI_EXPORT_ENTRY(RtlFindClearBits, false),
    MI_EXPORT_ENTRY(RtlFindClearBitsAndSet, false),
    MI_EXPORT_ENTRY(RtlFindSetBits, false),
    MI_EXPORT_ENTRY(RtlFindSetBitsAndClear, false),
    MI_EXPORT_ENTRY(RtlNumberOfClearBits, false),
    MI_EXPORT_ENTRY(RtlNumberOfSetBits, false),
    MI_EXPORT_ENTRY(RtlFindFirstRunClear, false),
    MI_EXPORT_ENTRY(RtlFindLongestRunClear, false),
    MI_EXPORT_ENTRY(RtlFindClearRuns, false),
    MI_EXPORT_ENTRY(RtlFindNextForwardRunClear, false),
    MI_EXPORT_ENTRY(RtlFindLastBackwardRunClear, false),
    MI_EXPORT_ENTRY(RtlFindLeastSignificantBit, false),
    MI_EXPORT_ENTRY(RtlFindMostSignificantBit, false),
    MI_EXPORT_ENTRY(RtlNumberOfSetBitsUlongPtr, false),
    MI_EXPORT_ENTRY(RtlTimeToTimeFields, false),
    MI_EXPORT_ENTRY(RtlTimeFieldsToTime, false),
    MI_EXPORT_ENTRY(RtlWalkFrameChain, false),
    MI_EXPORT_ENTRY(RtlGetCallersAddress, false),
    MI_EXPORT_ENTRY(RtlAssert, false),

    /* kedisp: the dispatcher (DPCs, timers, semaphores, mutexes, waits, threads). */
    MI_EXPORT_ENTRY(KeInitializeDpc, false),
    MI_EXPORT_ENTRY(KeInitializeThreadedDpc, false),
    MI_EXPORT_ENTRY(KeInsertQueueDpc, false),
    MI_EXPORT_ENTRY(KeRemoveQueueDpc, false),
    MI_EXPORT_ENTRY(KeSetImportanceDpc, false),
    MI_EXPORT_ENTRY(KeSetTargetProcessorDpc, false),
    MI_EXPORT_ENTRY(KeSetTargetProcessorDpcEx, true),
    MI_EXPORT_ENTRY(KeFlushQueuedDpcs, false),
    MI_EXPORT_ENTRY(KeQueryDpcWatchdogInformation, true),
    MI_EXPORT_ENTRY(KeAcquireInStackQueuedSpinLockAtDpcLevel, false),
    MI_EXPORT_ENTRY(KeReleaseInStackQueuedSpinLockFromDpcLevel, false),
    MI_EXPORT_ENTRY(KeAcquireSpinLockForDpc, true),
    MI_EXPORT_ENTRY(KeReleaseSpinLockForDpc, true),
    MI_EXPORT_ENTRY(KeAcquireInStackQueuedSpinLockForDpc, true),
    MI_EXPORT_ENTRY(KeReleaseInStackQueuedSpinLockForDpc, true),
    MI_EXPORT_ENTRY(KeInitializeTimer, false),
    MI_EXPORT_ENTRY(KeInitializeTimerEx, false),
    MI_EXPORT_ENTRY(KeSetTimer, false),
    MI_EXPORT_ENTRY(KeSetTimerEx, false),
    MI_EXPORT_ENTRY(KeSetCoalescableTimer, true),
    MI_EXPORT_ENTRY(KeCancelTimer, false),
    MI_EXPORT_ENTRY(KeReadStateTimer, false),
    MI_EXPORT_ENTRY(ExAllocateTimer, true),
    MI_EXPORT_ENTRY(ExSetTimer, true),
    MI_EXPORT_ENTRY(ExCancelTimer, true),
    MI_EXPORT_ENTRY(ExDeleteTimer, true),
    MI_EXPORT_ENTRY(ExSetTimerResolution, false),
    MI_EXPORT_ENTRY(KeInitializeSemaphore, false),
    MI_EXPORT_ENTRY(KeReadStateSemaphore, false),
    MI_EXPORT_ENTRY(KeReleaseSemaphore, false),
    MI_EXPORT_ENTRY(KeInitializeMutex, false),
    MI_EXPORT_ENTRY(KeReadStateMutex, false),
    MI_EXPORT_ENTRY(KeReleaseMutex, false),
    MI_EXPORT_ENTRY(KeInitializeGuardedMutex, false),
    MI_EXPORT_ENTRY(KeAcquireGuardedMutex, false),
    MI_EXPORT_ENTRY(KeTryToAcquireGuardedMutex, false),
    MI_EXPORT_ENTRY(KeReleaseGuardedMutex, false),
    MI_EXPORT_ENTRY(KeAcquireGuardedMutexUnsafe, false),
    MI_EXPORT_ENTRY(KeReleaseGuardedMutexUnsafe, false),
    MI_EXPORT_ENTRY(ExAcquireFastMutexUnsafe, false),
    MI_EXPORT_ENTRY(ExReleaseFastMutexUnsafe, false),
    MI_EXPORT_ENTRY(KePulseEvent, false),
    MI_EXPORT_ENTRY(KeWaitForMultipleObjects, false),
    MI_EXPORT_ENTRY(KeDelayExecutionThread, false),
    MI_EXPORT_ENTRY(KeEnterCriticalRegion, false),
    MI_EXPORT_ENTRY(KeLeaveCriticalRegion, false),
    MI_EXPORT_ENTRY(KeEnterGuardedRegion, false),
    MI_EXPORT_ENTRY(KeLeaveGuardedRegion, false),
    MI_EXPORT_ENTRY(KeAreApcsDisabled, false),
    MI_EXPORT_ENTRY(KeAreAllApcsDisabled, true),
    MI_EXPORT_ENTRY(KeGetCurrentThread, false),
    MI_EXPORT_ENTRY(KeQueryPriorityThread, false),
    MI_EXPORT_ENTRY(KeSetPriorityThread, false),
    MI_EXPORT_ENTRY(KeSetBasePriorityThread, false),
    MI_EXPORT_ENTRY(KeQueryRuntimeThread, false),
    MI_EXPORT_ENTRY(KeQueryTotalCycleTimeThread, true),
    MI_EXPORT_ENTRY(KeQueryActiveProcessors, false),
    MI_EXPORT_ENTRY(KeQueryGroupAffinity, true),
    MI_EXPORT_ENTRY(KeSetSystemAffinityThread, false),
    MI_EXPORT_ENTRY(KeSetSystemAffinityThreadEx, true),
    MI_EXPORT_ENTRY(KeRevertToUserAffinityThread, false),
    MI_EXPORT_ENTRY(KeRevertToUserAffinityThreadEx, true),
    MI_EXPORT_ENTRY(KeSetSystemGroupAffinityThread, true),
    MI_EXPORT_ENTRY(KeRevertToUserGroupAffinityThread, true),

    /* exsync: SLISTs and lookaside lists (the WDK's inline-only forms,
     * ExAllocateFrom/FreeToNPagedLookasideList and the Ex list's, are not
     * exported on x64) */
    MI_EXPORT_ENTRY(InitializeSListHead, false),
    MI_EXPORT_ENTRY(ExQueryDepthSList, false),
    MI_EXPORT_ENTRY(ExpInterlockedPushEntrySList, false),
    MI_EXPORT_ENTRY(ExpInterlockedPopEntrySList, false),
    MI_EXPORT_ENTRY(ExpInterlockedFlushSList, false),
    MI_EXPORT_ENTRY(ExInitializeNPagedLookasideList, false),
    MI_EXPORT_ENTRY(ExDeleteNPagedLookasideList, false),
    MI_EXPORT_ENTRY(ExInitializePagedLookasideList, false),
    MI_EXPORT_ENTRY(ExDeletePagedLookasideList, false),
    MI_EXPORT_ENTRY(ExAllocateFromPagedLookasideList, false),
    MI_EXPORT_ENTRY(ExFreeToPagedLookasideList, false),
    MI_EXPORT_ENTRY(ExInitializeLookasideListEx, true),
    MI_EXPORT_ENTRY(ExDeleteLookasideListEx, true),
    MI_EXPORT_ENTRY(ExFlushLookasideListEx, true),
    /* exsync: executive resources */
    MI_EXPORT_ENTRY(ExInitializeResourceLite, false),
    MI_EXPORT_ENTRY(ExReinitializeResourceLite, false),
    MI_EXPORT_ENTRY(ExDeleteResourceLite, false),
    MI_EXPORT_ENTRY(ExAcquireResourceExclusiveLite, false),
    MI_EXPORT_ENTRY(ExAcquireResourceSharedLite, false),
    MI_EXPORT_ENTRY(ExAcquireSharedStarveExclusive, false),
    MI_EXPORT_ENTRY(ExAcquireSharedWaitForExclusive, false),
    MI_EXPORT_ENTRY(ExReleaseResourceLite, false),
    MI_EXPORT_ENTRY(ExReleaseResourceForThreadLite, false),
    MI_EXPORT_ENTRY(ExConvertExclusiveToSharedLite, false),
    MI_EXPORT_ENTRY(ExIsResourceAcquiredExclusiveLite, false),
    MI_EXPORT_ENTRY(ExIsResourceAcquiredSharedLite, false),
    MI_EXPORT_ENTRY(ExGetExclusiveWaiterCount, false),
    MI_EXPORT_ENTRY(ExGetSharedWaiterCount, false),
    MI_EXPORT_ENTRY(ExSetResourceOwnerPointer, false),
    MI_EXPORT_ENTRY(ExSetResourceOwnerPointerEx, true),
    MI_EXPORT_ENTRY(ExEnterCriticalRegionAndAcquireResourceShared, true),
    MI_EXPORT_ENTRY(ExEnterCriticalRegionAndAcquireResourceExclusive, true),
    MI_EXPORT_ENTRY(ExEnterCriticalRegionAndAcquireSharedWaitForExclusive, true),
    MI_EXPORT_ENTRY(ExReleaseResourceAndLeaveCriticalRegion, true),
    /* exsync: rundown protection (XP+/Server 2003: in the nt5 profile), ExInterlocked routines */
    MI_EXPORT_ENTRY(ExInitializeRundownProtection, false),
    MI_EXPORT_ENTRY(ExReInitializeRundownProtection, false),
    MI_EXPORT_ENTRY(ExAcquireRundownProtection, false),
    MI_EXPORT_ENTRY(ExAcquireRundownProtectionEx, false),
    MI_EXPORT_ENTRY(ExReleaseRundownProtection, false),
    MI_EXPORT_ENTRY(ExReleaseRundownProtectionEx, false),
    MI_EXPORT_ENTRY(ExWaitForRundownProtectionRelease, false),
    MI_EXPORT_ENTRY(ExRundownCompleted, false),
    MI_EXPORT_ENTRY(ExSizeOfRundownProtectionCacheAware, false),
    MI_EXPORT_ENTRY(ExAllocateCacheAwareRundownProtection, false),
    MI_EXPORT_ENTRY(ExInitializeRundownProtectionCacheAware, false),
    MI_EXPORT_ENTRY(ExFreeCacheAwareRundownProtection, false),
    MI_EXPORT_ENTRY(ExAcquireRundownProtectionCacheAware, false),
    MI_EXPORT_ENTRY(ExReleaseRundownProtectionCacheAware, false),
    MI_EXPORT_ENTRY(ExAcquireRundownProtectionCacheAwareEx, false),
    MI_EXPORT_ENTRY(ExReleaseRundownProtectionCacheAwareEx, false),
    MI_EXPORT_ENTRY(ExWaitForRundownProtectionReleaseCacheAware, false),
    MI_EXPORT_ENTRY(ExReInitializeRundownProtectionCacheAware, false),
    MI_EXPORT_ENTRY(ExRundownCompletedCacheAware, false),
    MI_EXPORT_ENTRY(ExInterlockedInsertHeadList, false),
    MI_EXPORT_ENTRY(ExInterlockedInsertTailList, false),
    MI_EXPORT_ENTRY(ExInterlockedRemoveHeadList, false),
    MI_EXPORT_ENTRY(ExInterlockedPopEntryList, false),
    MI_EXPORT_ENTRY(ExInterlockedPushEntryList, false),
    MI_EXPORT_ENTRY(ExInterlockedAddUlong, false),
    MI_EXPORT_ENTRY(ExInterlockedAddLargeInteger, false),
    /* exsync: callback objects, RTL_RUN_ONCE (Vista+), further Ex routines, Verifier queries */
    MI_EXPORT_ENTRY(ExCreateCallback, false),
    MI_EXPORT_ENTRY(ExRegisterCallback, false),
    MI_EXPORT_ENTRY(ExUnregisterCallback, false),
    MI_EXPORT_ENTRY(ExNotifyCallback, false),
    MI_EXPORT_ENTRY(RtlRunOnceInitialize, true),
    MI_EXPORT_ENTRY(RtlRunOnceBeginInitialize, true),
    MI_EXPORT_ENTRY(RtlRunOnceComplete, true),
    MI_EXPORT_ENTRY(RtlRunOnceExecuteOnce, true),
    MI_EXPORT_ENTRY(ExGetPreviousMode, false),
    MI_EXPORT_ENTRY(ExUuidCreate, false),
    MI_EXPORT_ENTRY(ExLocalTimeToSystemTime, false),
    MI_EXPORT_ENTRY(ExSystemTimeToLocalTime, false),
    MI_EXPORT_ENTRY(ExRaiseAccessViolation, false),
    MI_EXPORT_ENTRY(ExRaiseDatatypeMisalignment, false),
    MI_EXPORT_ENTRY(ExAllocatePoolWithQuota, false),
    MI_EXPORT_ENTRY(ExAllocatePoolWithQuotaTag, false),
    MI_EXPORT_ENTRY(MmIsVerifierEnabled, false),
    MI_EXPORT_ENTRY(MmIsDriverVerifying, false),
    MI_EXPORT_ENTRY(MmIsDriverVerifyingByAddress, true),
    MI_EXPORT_ENTRY(MmAddVerifierThunks, false),
    MI_EXPORT_ENTRY(IoSizeofWorkItem, true),
    MI_EXPORT_ENTRY(IoInitializeWorkItem, true),
    MI_EXPORT_ENTRY(IoUninitializeWorkItem, true),
    MI_EXPORT_ENTRY(IoQueueWorkItemEx, true),

    /* userva: the user address space (sim/mm/virtual.c). ZwProtectVirtualMemory is
     * exported by Windows 10 and later only. */
    MI_EXPORT_ENTRY(NtAllocateVirtualMemory, false),
    MI_EXPORT_ENTRY(NtFreeVirtualMemory, false),
    MI_EXPORT_ENTRY(ZwAllocateVirtualMemory, false),
    MI_EXPORT_ENTRY(ZwFreeVirtualMemory, false),
    MI_EXPORT_ENTRY(ZwProtectVirtualMemory, true),
    MI_EXPORT_ENTRY(ZwQueryVirtualMemory, false),

    /* specialpool: ExAllocatePool3 (Windows 10 2004+). */
    MI_EXPORT_ENTRY(ExAllocatePool3, true),

    /* user17: securing user ranges (sim/mm/virtual.c). */
    MI_EXPORT_ENTRY(MmSecureVirtualMemory, false),
    MI_EXPORT_ENTRY(MmUnsecureVirtualMemory, false),

    /* realdrv: debug output with an argument list (XP+), the timer resolution query (7+). */
    MI_EXPORT_ENTRY(vDbgPrintEx, false),
    MI_EXPORT_ENTRY(vDbgPrintExWithPrefix, false),
    MI_EXPORT_ENTRY(ExQueryTimerResolution, true),

    /* realdrv3: I/O remove locks (XP+). */
    MI_EXPORT_ENTRY(IoInitializeRemoveLockEx, false),
    MI_EXPORT_ENTRY(IoAcquireRemoveLockEx, false),
    MI_EXPORT_ENTRY(IoReleaseRemoveLockEx, false),
    MI_EXPORT_ENTRY(IoReleaseRemoveLockAndWaitEx, false),

    /* wdk25: cancel routines and cancel-safe queues (2000+; the Ex forms XP+). The
     * wdmsec routines are a static library's, not the kernel's: not exported. */
    MI_EXPORT_ENTRY(IoAcquireCancelSpinLock, false),
    MI_EXPORT_ENTRY(IoReleaseCancelSpinLock, false),
    MI_EXPORT_ENTRY(IoCancelIrp, false),
    MI_EXPORT_ENTRY(IoCsqInitialize, false),
    MI_EXPORT_ENTRY(IoCsqInitializeEx, false),
    MI_EXPORT_ENTRY(IoCsqInsertIrp, false),
    MI_EXPORT_ENTRY(IoCsqInsertIrpEx, false),
    MI_EXPORT_ENTRY(IoCsqRemoveNextIrp, false),
    MI_EXPORT_ENTRY(IoCsqRemoveIrp, false),

    /* io32: device stacks and built IRPs (2000+); MmCopyMemory (Windows 8.1). */
    MI_EXPORT_ENTRY(IoAttachDeviceToDeviceStack, false),
    MI_EXPORT_ENTRY(IoAttachDeviceToDeviceStackSafe, false),
    MI_EXPORT_ENTRY(IoDetachDevice, false),
    MI_EXPORT_ENTRY(IoGetAttachedDevice, false),
    MI_EXPORT_ENTRY(IoGetAttachedDeviceReference, false),
    MI_EXPORT_ENTRY(IoGetDeviceObjectPointer, false),
    MI_EXPORT_ENTRY(IoBuildDeviceIoControlRequest, false),
    MI_EXPORT_ENTRY(IoBuildSynchronousFsdRequest, false),
    MI_EXPORT_ENTRY(IoBuildAsynchronousFsdRequest, false),
    MI_EXPORT_ENTRY(ObfReferenceObject, false),
    MI_EXPORT_ENTRY(ObfDereferenceObject, false),
    MI_EXPORT_ENTRY(MmCopyMemory, true),
};

/* Name (counted, in WCHARs) equals the ASCII Export exactly (export names
 * are case-sensitive). */
static bool MiExportNameIs(const WCHAR *Name, size_t Length, const char *Export)
{
    size_t i = 0;
    for (; i < Length; i++) {
        if (Export[i] == '\0' || (ULONG)Name[i] != (ULONG)(unsigned char)Export[i]) {
            return false;
        }
    }
    return Export[i] == '\0';
}

PVOID NTAPI MmGetSystemRoutineAddress(PUNICODE_STRING SystemRoutineName)
{
    MiDdiEnter(MiDdi_MmGetSystemRoutineAddress, 0, MI_CALLER_ADDRESS());
    if (SystemRoutineName == NULL || SystemRoutineName->Buffer == NULL) {
        return NULL;
    }
    size_t Length = SystemRoutineName->Length / sizeof(WCHAR);
    MiEnsureMachine();
    bool Nt5 = MiConfig.Profile == SimProfileNt5;
    for (size_t i = 0; i < sizeof(MiExports) / sizeof(MiExports[0]); i++) {
        if (MiExportNameIs(SystemRoutineName->Buffer, Length, MiExports[i].Name)) {
            return Nt5 && MiExports[i].ModernOnly ? NULL : (PVOID)(uintptr_t)MiExports[i].Routine;
        }
    }
    return NULL;
}
