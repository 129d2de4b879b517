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
    MI_EXPORT_ENTRY(ExAllocatePool2, true),
    MI_EXPORT_ENTRY(ExAllocatePoolWithTag, false),
    MI_EXPORT_ENTRY(ExFreePool, false),
    MI_EXPORT_ENTRY(ExFreePoolWithTag, false),
    MI_EXPORT_ENTRY(ExInitializeFastMutex, false),
    MI_EXPORT_ENTRY(ExQueueWorkItem, false),
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
    /* specialpool: ExAllocatePool3 (Windows 10 2004+). */
    MI_EXPORT_ENTRY(ExAllocatePool3, true),
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
