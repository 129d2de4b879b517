/*
 * mi_ddi_table.h - the documented maximum IRQL of every DDI and what a call
 * above it raises (X-macro; included by mi.h and sim/ke/irql.c).
 *
 * MI_DDI_ENTRY(Name, MaxIrql, BugCheckCode, SubCode)
 *
 * Sources (docs/ddi-contract.md): the IRQL is the DDI page's; the code is the Driver
 * Verifier code of bug check 0xC4 where one is documented (3.4), the DDI
 * compliance rule code where the rule lists the DDI (IrqlMmApcLte 0x20019,
 * IrqlExApcLte1 0x20005), and otherwise IRQL_NOT_LESS_OR_EQUAL (0xA) - mmsim's
 * documented choice for a DDI with no Verifier code of its own.
 * Parameters: 0xC4 with a Verifier sub-code: P2 = current IRQL, P3/P4 as the
 * code documents them. 0xC4 with a rule code: P2 = rule name, P3 = current
 * IRQL, P4 = 0. 0xA: P1 = 0, P2 = current IRQL, P3 = 0, P4 = caller address.
 * The allocation and free routines of pool pick 0x01/0x02 and 0x11/0x12 by pool
 * type themselves; the table gives their non-paged limit.
 */
/*           Name                                  MaxIrql         Code  SubCode */
MI_DDI_ENTRY(MmAllocateMappingAddress,            APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmAllocateMappingAddressEx,          APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmFreeMappingAddress,                APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmMapLockedPagesWithReservedMapping, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmUnmapReservedMapping,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAllocatePagesForMdl,               DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_ENTRY(MmAllocatePagesForMdlEx,             DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_ENTRY(MmFreePagesFromMdl,                  DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_ENTRY(MmFreePagesFromMdlEx,                DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_ENTRY(IoAllocateMdl,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoFreeMdl,                           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoBuildPartialMdl,                   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmBuildMdlForNonPagedPool,           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmProbeAndLockPages,                 DISPATCH_LEVEL, 0xC4, 0x70)
MI_DDI_ENTRY(MmUnlockPages,                       DISPATCH_LEVEL, 0xC4, 0x78)
MI_DDI_ENTRY(MmMapLockedPagesSpecifyCache,        DISPATCH_LEVEL, 0xC4, 0x76)
MI_DDI_ENTRY(MmUnmapLockedPages,                  DISPATCH_LEVEL, 0xC4, 0x79)
MI_DDI_ENTRY(MmSizeOfMdl,                         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(MmGetPhysicalAddress,                HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(MmIsAddressValid,                    DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmGetSystemRoutineAddress,           PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(ExAllocatePool2,                     DISPATCH_LEVEL, 0xC4, 0x02)
MI_DDI_ENTRY(ExAllocatePoolWithTag,               DISPATCH_LEVEL, 0xC4, 0x02)
MI_DDI_ENTRY(ExFreePoolWithTag,                   DISPATCH_LEVEL, 0xC4, 0x12)
MI_DDI_ENTRY(ExFreePool,                          DISPATCH_LEVEL, 0xC4, 0x12)
MI_DDI_ENTRY(ExInitializeFastMutex,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireFastMutex,                  APC_LEVEL,      0xC4, 0x20005)
MI_DDI_ENTRY(ExTryToAcquireFastMutex,             APC_LEVEL,      0xC4, 0x20005)
MI_DDI_ENTRY(ExReleaseFastMutex,                  APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KeInitializeEvent,                   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeSetEvent,                          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeClearEvent,                        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeWaitForSingleObject,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoAllocateWorkItem,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoFreeWorkItem,                      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoQueueWorkItem,                     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExQueueWorkItem,                     DISPATCH_LEVEL, 0x0A, 0)
/* Time and processors (sim/ke/time.c): any IRQL, documented on each page. */
MI_DDI_ENTRY(KeQueryPerformanceCounter,           HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQuerySystemTime,                   HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQuerySystemTimePrecise,            HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryInterruptTime,                HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryInterruptTimePrecise,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryTimeIncrement,                HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentProcessorNumber,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentProcessorNumberEx,       HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentProcessorIndex,          HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryActiveProcessorCount,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryActiveProcessorCountEx,       HIGH_LEVEL,     0x0A, 0)
/* issue 15: iomgr - the I/O manager (sim/io/iomgr.c) and the probes (sim/io/probe.c). */
MI_DDI_ENTRY(IoCreateDevice,                      PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoDeleteDevice,                      PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoCreateSymbolicLink,                PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoDeleteSymbolicLink,                PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoAllocateIrp,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoFreeIrp,                           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IofCallDriver,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IofCompleteRequest,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ProbeForRead,                        APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(ProbeForWrite,                       APC_LEVEL,      0x0A, 0)
