/*
 * mi_ddi_table.h - THE list of DDIs: the documented maximum IRQL of each and
 * what a call above it raises, and, for the DDIs a scenario script (and the
 * fuzzer's table operation) can call, the result and every argument's name and
 * kind. An X-macro: each includer defines the row macros it uses, includes this
 * file and undefines them (an undefined MI_DDI_CALL is an MI_DDI_ENTRY, an
 * undefined MI_DDI_TOOL is nothing). Derived from it (docs/mmsim.md, "Adding a
 * DDI"):
 *   - the IRQL rule table and MI_DDI ids (sim/mi.h, sim/ke/irql.c): every
 *     MI_DDI_ENTRY and MI_DDI_CALL row, in this order;
 *   - the scenario language's DDI list, argument checks and calls
 *     (sim/tools/script.h, script.c, run.c): MI_DDI_CALL and MI_DDI_TOOL rows;
 *   - the fuzzer's table operation (tests/fuzz/fuzz_ddi.c): MI_DDI_CALL rows;
 *   - the DDI list in docs/mmsim.md (checked by the ctest ddi_table_docs).
 *
 * Rows:
 *   MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
 *       a DDI with an IRQL rule only (not in the scenario language).
 *   MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Result, Args)
 *       a DDI with an IRQL rule that scripts and the fuzzer call.
 *   MI_DDI_TOOL(Name, Result, Call, Args)
 *       callable from scripts only, with no IRQL row here (a WDK macro, the
 *       IRQL calls, the growable region of core/). Call is Auto (run.c makes
 *       the call from the argument kinds) or Custom (run.c has RunCall<Name>).
 *   Args: MI_ARG(Index, Kind, Name) ..., no commas, Index from 0 (at most
 *   SCRIPT_MAX_ARGS). Kinds and results: MI_ARG_KINDS and MI_RESULT_KINDS
 *   (mi_ddi_kinds.h).
 *
 * IRQL rules. Sources (docs/ddi-contract.md): the IRQL is the DDI page's; the
 * code is the Driver Verifier code of bug check 0xC4 where one is documented
 * (3.4), the DDI compliance rule code where the rule lists the DDI
 * (IrqlMmApcLte 0x20019, IrqlExApcLte1 0x20005; every WDM IRQL rule, its code
 * and routines: the table in 1.17, which the ctest ddi_rule_docs holds to the
 * rows here), and otherwise IRQL_NOT_LESS_OR_EQUAL (0xA) - mmsim's documented
 * choice for a DDI with no Verifier code of its own. Where a rule's IRQL and
 * the DDI page's differ, the row has the page's and a comment says so.
 * Parameters: 0xC4 with a Verifier sub-code: P2 = current IRQL, P3/P4 as the
 * code documents them. 0xC4 with a rule code: P2 = rule name, P3 = current
 * IRQL, P4 = 0. 0xA: P1 = 0, P2 = current IRQL, P3 = 0, P4 = caller address.
 * The allocation and free routines of pool pick 0x01/0x02 and 0x11/0x12 by pool
 * type themselves; the table gives their non-paged limit.
 */

#include "mi_ddi_kinds.h"

/* An includer that defines only MI_DDI_ENTRY (the IRQL rules: sim/mi.h,
 * sim/ke/irql.c) gets the MI_DDI_CALL rows as MI_DDI_ENTRY rows and no
 * MI_DDI_TOOL rows. */
#ifndef MI_DDI_CALL
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Result, Args) \
    MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#endif
#ifndef MI_DDI_TOOL
#define MI_DDI_TOOL(Name, Result, Call, Args)
#endif

/*          Name                                  MaxIrql         Code  SubCode  Result */
MI_DDI_CALL(MmAllocateMappingAddress,            APC_LEVEL,      0xC4, 0x20019, Pointer,
            MI_ARG(0, Size, NumberOfBytes) MI_ARG(1, Tag, PoolTag))
MI_DDI_CALL(MmAllocateMappingAddressEx,          APC_LEVEL,      0xC4, 0x20019, Pointer,
            MI_ARG(0, Size, NumberOfBytes) MI_ARG(1, Tag, PoolTag) MI_ARG(2, Flags, Flags))
MI_DDI_CALL(MmFreeMappingAddress,                APC_LEVEL,      0xC4, 0x20019, Void,
            MI_ARG(0, Va, BaseAddress) MI_ARG(1, Tag, PoolTag))
MI_DDI_CALL(MmMapLockedPagesWithReservedMapping, DISPATCH_LEVEL, 0x0A, 0,       Pointer,
            MI_ARG(0, Va, MappingAddress) MI_ARG(1, Tag, PoolTag)
            MI_ARG(2, Mdl, MemoryDescriptorList) MI_ARG(3, Cache, CacheType))
MI_DDI_CALL(MmUnmapReservedMapping,              DISPATCH_LEVEL, 0x0A, 0,       Void,
            MI_ARG(0, Va, BaseAddress) MI_ARG(1, Tag, PoolTag)
            MI_ARG(2, Mdl, MemoryDescriptorList))
MI_DDI_CALL(MmAllocatePagesForMdl,               DISPATCH_LEVEL, 0xC4, 0x7E,    Mdl,
            MI_ARG(0, Phys, LowAddress) MI_ARG(1, Phys, HighAddress)
            MI_ARG(2, Phys, SkipBytes) MI_ARG(3, Size, TotalBytes))
MI_DDI_CALL(MmAllocatePagesForMdlEx,             DISPATCH_LEVEL, 0xC4, 0x7E,    Mdl,
            MI_ARG(0, Phys, LowAddress) MI_ARG(1, Phys, HighAddress)
            MI_ARG(2, Phys, SkipBytes) MI_ARG(3, Size, TotalBytes)
            MI_ARG(4, Cache, CacheType) MI_ARG(5, Flags, Flags))
MI_DDI_ENTRY(MmAllocateNodePagesForMdlEx,        DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_CALL(MmFreePagesFromMdl,                  DISPATCH_LEVEL, 0xC4, 0x7E,    Void,
            MI_ARG(0, Mdl, MemoryDescriptorList))
MI_DDI_ENTRY(MmFreePagesFromMdlEx,                DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_CALL(IoAllocateMdl,                       DISPATCH_LEVEL, 0x0A, 0,       Mdl,
            MI_ARG(0, Va, VirtualAddress) MI_ARG(1, Ulong, Length)
            MI_ARG(2, Bool, SecondaryBuffer) MI_ARG(3, Bool, ChargeQuota) MI_ARG(4, Irp, Irp))
MI_DDI_CALL(IoFreeMdl,                           DISPATCH_LEVEL, 0x0A, 0,       Void,
            MI_ARG(0, FreedMdl, Mdl))
MI_DDI_ENTRY(IoBuildPartialMdl,                   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_CALL(MmBuildMdlForNonPagedPool,           DISPATCH_LEVEL, 0x0A, 0,       Void,
            MI_ARG(0, Mdl, MemoryDescriptorList))
MI_DDI_CALL(MmProbeAndLockPages,                 DISPATCH_LEVEL, 0xC4, 0x70,    Void,
            MI_ARG(0, Mdl, MemoryDescriptorList) MI_ARG(1, Mode, AccessMode)
            MI_ARG(2, LockOp, Operation))
MI_DDI_CALL(MmUnlockPages,                       DISPATCH_LEVEL, 0xC4, 0x78,    Void,
            MI_ARG(0, Mdl, MemoryDescriptorList))
MI_DDI_CALL(MmMapLockedPagesSpecifyCache,        DISPATCH_LEVEL, 0xC4, 0x76,    Pointer,
            MI_ARG(0, Mdl, MemoryDescriptorList) MI_ARG(1, Mode, AccessMode)
            MI_ARG(2, Cache, CacheType) MI_ARG(3, NullVa, RequestedAddress)
            MI_ARG(4, Ulong, BugCheckOnFailure) MI_ARG(5, Ulong, Priority))
MI_DDI_CALL(MmUnmapLockedPages,                  DISPATCH_LEVEL, 0xC4, 0x79,    Void,
            MI_ARG(0, Va, BaseAddress) MI_ARG(1, Mdl, MemoryDescriptorList))
MI_DDI_ENTRY(MmSizeOfMdl,                         HIGH_LEVEL,     0x0A, 0)
MI_DDI_CALL(MmGetPhysicalAddress,                HIGH_LEVEL,     0x0A, 0,       Physical,
            MI_ARG(0, Va, BaseAddress))
MI_DDI_CALL(MmIsAddressValid,                    DISPATCH_LEVEL, 0x0A, 0,       Boolean,
            MI_ARG(0, Va, VirtualAddress))
MI_DDI_ENTRY(MmGetSystemRoutineAddress,           PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_CALL(ExAllocatePool2,                     DISPATCH_LEVEL, 0xC4, 0x02,    Pool,
            MI_ARG(0, PoolFlags, Flags) MI_ARG(1, Size, NumberOfBytes) MI_ARG(2, Tag, Tag))
MI_DDI_CALL(ExAllocatePoolWithTag,               DISPATCH_LEVEL, 0xC4, 0x02,    Pool,
            MI_ARG(0, PoolType, PoolType) MI_ARG(1, Size, NumberOfBytes) MI_ARG(2, Tag, Tag))
MI_DDI_CALL(ExFreePoolWithTag,                   DISPATCH_LEVEL, 0xC4, 0x12,    Void,
            MI_ARG(0, FreedPool, P) MI_ARG(1, Tag, Tag))
MI_DDI_CALL(ExFreePool,                          DISPATCH_LEVEL, 0xC4, 0x12,    Void,
            MI_ARG(0, FreedPool, P))
MI_DDI_ENTRY(ExInitializeFastMutex,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireFastMutex,                  APC_LEVEL,      0xC4, 0x20005)
MI_DDI_ENTRY(ExTryToAcquireFastMutex,             APC_LEVEL,      0xC4, 0x20005)
MI_DDI_ENTRY(ExReleaseFastMutex,                  APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KeInitializeEvent,                   DISPATCH_LEVEL, 0x0A, 0)
/* IrqlKeSetEvent and the DDI page: APC_LEVEL when Wait is TRUE; the row holds
 * the Wait FALSE limit, DISPATCH_LEVEL (Wait TRUE is not checked apart). */
MI_DDI_ENTRY(KeSetEvent,                          DISPATCH_LEVEL, 0xC4, 0x20016)
MI_DDI_ENTRY(KeClearEvent,                        DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeWaitForSingleObject,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoAllocateWorkItem,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoFreeWorkItem,                      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoQueueWorkItem,                     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExQueueWorkItem,                     DISPATCH_LEVEL, 0x0A, 0)
/* Scripts only: no IRQL row of their own here.
 *          Name                          Result   Call */
MI_DDI_TOOL(MmGetSystemAddressForMdlSafe, Pointer, Auto,
            MI_ARG(0, Mdl, Mdl) MI_ARG(1, Ulong, Priority))
MI_DDI_TOOL(KeRaiseIrql,                  Irql,    Custom, MI_ARG(0, Irql, NewIrql))
MI_DDI_TOOL(KeLowerIrql,                  Void,    Auto,   MI_ARG(0, Irql, NewIrql))
MI_DDI_TOOL(KeGetCurrentIrql,             Irql,    Auto,   )
MI_DDI_TOOL(GrCreate,                     Region,  Custom,
            MI_ARG(0, Size, MaximumSize) MI_ARG(1, Size, InitialCommit)
            MI_ARG(2, Size, GrowthGranularity) MI_ARG(3, Tag, PoolTag)
            MI_ARG(4, Number, Strategy))
MI_DDI_TOOL(GrEnsureCommitted,            Status,  Auto,
            MI_ARG(0, Region, Region) MI_ARG(1, Size, Bytes))
MI_DDI_TOOL(GrRequestGrowth,              Status,  Auto,
            MI_ARG(0, Region, Region) MI_ARG(1, Size, Bytes))
MI_DDI_TOOL(GrBase,                       Pointer, Auto,   MI_ARG(0, Region, Region))
MI_DDI_TOOL(GrCommittedSize,              Number,  Auto,   MI_ARG(0, Region, Region))
MI_DDI_TOOL(GrDestroy,                    Void,    Auto,   MI_ARG(0, FreedRegion, Region))
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
/* issue 15: oracle */
/* Contiguous and non-cached memory, physical memory (sim/mm/contig.c): the
 * pages' IRQL; IrqlMmApcLte lists the non-cached routines. */
MI_DDI_ENTRY(MmAllocateContiguousMemory,          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAllocateContiguousMemorySpecifyCache, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAllocateContiguousMemorySpecifyCacheNode, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAllocateContiguousNodeMemory,      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmFreeContiguousMemory,              DISPATCH_LEVEL, 0xC4, 0x2001A)
MI_DDI_ENTRY(MmFreeContiguousMemorySpecifyCache,  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAllocateNonCachedMemory,           APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmFreeNonCachedMemory,               APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmGetPhysicalMemoryRanges,           PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(MmGetVirtualForPhysical,             HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(MmMapLockedPages,                    DISPATCH_LEVEL, 0xC4, 0x74)
/* Further kernel routines (sim/ke/more.c). */
MI_DDI_ENTRY(KeResetEvent,                        DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeStallExecutionProcessor,           HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryUnbiasedInterruptTime,        HIGH_LEVEL,     0x0A, 0)

/* issue 15: shapes */
/* IrqlExPassive says PASSIVE_LEVEL; the DDI page any IRQL (followed). */
MI_DDI_ENTRY(ExIsProcessorFeaturePresent,         HIGH_LEVEL,     0xC4, 0x20008)

/* issue 15: iomgr - the I/O manager (sim/io/iomgr.c) and the probes (sim/io/probe.c). */
MI_DDI_ENTRY(IoCreateDevice,                      PASSIVE_LEVEL,  0xC4, 0x2000A)
/* IrqlIoApcLte says APC_LEVEL; the DDI page PASSIVE_LEVEL (followed).
 * IoCreateSymbolicLink: IrqlIoPassive4 lists it (IrqlIoPassive3's "Applies to"
 * too); the rule text of IrqlIoPassive4 is followed. */
MI_DDI_ENTRY(IoDeleteDevice,                      PASSIVE_LEVEL,  0xC4, 0x20009)
MI_DDI_ENTRY(IoCreateSymbolicLink,                PASSIVE_LEVEL,  0xC4, 0x2000D)
MI_DDI_ENTRY(IoDeleteSymbolicLink,                PASSIVE_LEVEL,  0xC4, 0x2000D)
MI_DDI_ENTRY(IoAllocateIrp,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoFreeIrp,                           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IofCallDriver,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IofCompleteRequest,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ProbeForRead,                        APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ProbeForWrite,                       APC_LEVEL,      0xC4, 0x20006)

/* mmdev: device memory (sim/mm/iospace.c), further MDL routines and system size
 * queries (sim/mm/mdl_more.c), processor queries and further kernel routines
 * (sim/ke/processor.c). MmMapIoSpace(Ex) above DISPATCH_LEVEL is Verifier's
 * 0xC4/0x73; MmUnmapIoSpace's page says DISPATCH_LEVEL, above it 0xC4/0x7B
 * (whose text says APC_LEVEL: mmsim follows the DDI page). */
MI_DDI_ENTRY(MmMapIoSpace,                        DISPATCH_LEVEL, 0xC4, 0x73)
MI_DDI_ENTRY(MmMapIoSpaceEx,                      DISPATCH_LEVEL, 0xC4, 0x73)
MI_DDI_ENTRY(MmUnmapIoSpace,                      DISPATCH_LEVEL, 0xC4, 0x7B)
MI_DDI_ENTRY(MmIsIoSpaceActive,                   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmProtectMdlSystemAddress,           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmCreateMdl,                         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAdvanceMdl,                        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmIsNonPagedSystemAddressValid,      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmQuerySystemSize,                   HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(MmIsThisAnNtAsSystem,                HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryMaximumProcessorCount,        HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryMaximumProcessorCountEx,      HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryActiveGroupCount,             HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryMaximumGroupCount,            HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryNodeMaximumProcessorCount,    HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryHighestNodeNumber,            HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentNodeNumber,              HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetProcessorNumberFromIndex,       HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetProcessorIndexFromNumber,       HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryLogicalProcessorRelationship, APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KeIpiGenericCall,                    IPI_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KeExpandKernelStackAndCallout,       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeFlushWriteBuffer,                  HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeInvalidateAllCaches,               HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeInvalidateRangeAllCaches,          HIGH_LEVEL,     0x0A, 0)

/* rtl: Rtl counted strings, GUID strings and the OS version (sim/ex/rtl_string.c,
 * sim/ke/rtl_more.c). The IRQL of each routine's page; bitmaps, time fields and
 * stack walks run at any IRQL and have no row. */
MI_DDI_ENTRY(RtlInitAnsiString,                    DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlInitString,                        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlInitUnicodeStringEx,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlCopyUnicodeString,                 DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlCopyString,                        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlAppendUnicodeStringToString,       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlAppendUnicodeToString,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlCompareUnicodeString,              PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlCompareUnicodeStrings,             PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlEqualUnicodeString,                PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlPrefixUnicodeString,               PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlCompareString,                     PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlEqualString,                       PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUpcaseUnicodeString,               PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlDowncaseUnicodeString,             PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUpcaseUnicodeChar,                 PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlDowncaseUnicodeChar,               PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUpperString,                       PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUpperChar,                         PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlAnsiStringToUnicodeString,         PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUnicodeStringToAnsiString,         PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlxAnsiStringToUnicodeSize,          PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlxUnicodeStringToAnsiSize,          PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlFreeUnicodeString,                 PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlFreeAnsiString,                    PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUnicodeToUTF8N,                    PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUTF8ToUnicodeN,                    PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlIntegerToUnicodeString,            PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlInt64ToUnicodeString,              PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlUnicodeStringToInteger,            PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlCharToInteger,                     PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlHashUnicodeString,                 PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlStringFromGUID,                    PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlGUIDFromString,                    PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlGetVersion,                        PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlVerifyVersionInfo,                 PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(RtlGetProductInfo,                    PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(ExVerifySuite,                        DISPATCH_LEVEL, 0x0A, 0)

/* kedisp: the dispatcher - DPCs and timers (sim/ke/dpc.c), semaphores,
 * mutexes, multi-object waits, regions and threads (sim/ke/dispatch.c),
 * executive timers (sim/ex/extimer.c). IRQL from each DDI's page. */
MI_DDI_ENTRY(KeInitializeDpc,                     HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeInitializeThreadedDpc,             HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeInsertQueueDpc,                    HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeRemoveQueueDpc,                    HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeFlushQueuedDpcs,                   PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(KeQueryDpcWatchdogInformation,       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeAcquireSpinLockForDpc,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeInitializeTimerEx,                 DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeSetTimer,                          DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeSetTimerEx,                        DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeSetCoalescableTimer,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeCancelTimer,                       DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeReadStateTimer,                    DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(ExAllocateTimer,                     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExSetTimer,                          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExCancelTimer,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExDeleteTimer,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExSetTimerResolution,                APC_LEVEL,      0xC4, 0x20006)
/* IrqlKeDispatchLte says DISPATCH_LEVEL; the DDI page PASSIVE_LEVEL (followed). */
MI_DDI_ENTRY(KeInitializeSemaphore,               PASSIVE_LEVEL,  0xC4, 0x20011)
MI_DDI_ENTRY(KeReleaseSemaphore,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeInitializeMutex,                   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeReleaseMutex,                      DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeInitializeGuardedMutex,            APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KeAcquireGuardedMutex,               APC_LEVEL,      0xC4, 0x2000F)
MI_DDI_ENTRY(KeTryToAcquireGuardedMutex,          APC_LEVEL,      0xC4, 0x2000F)
MI_DDI_ENTRY(KeReleaseGuardedMutex,               APC_LEVEL,      0xC4, 0x2000F)
MI_DDI_ENTRY(KeAcquireGuardedMutexUnsafe,         APC_LEVEL,      0xC4, 0x2000F)
MI_DDI_ENTRY(KeReleaseGuardedMutexUnsafe,         APC_LEVEL,      0xC4, 0x2000F)
MI_DDI_ENTRY(ExAcquireFastMutexUnsafe,            APC_LEVEL,      0x0A, 0)
/* survey25: reader/writer spin locks (sim/ex/exspin.c). The AtDpcLevel forms and the
 * conversion need >= DISPATCH_LEVEL (0x9, checked by the routines themselves). */
MI_DDI_ENTRY(ExAcquireSpinLockShared,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseSpinLockShared,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireSpinLockExclusive,          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseSpinLockExclusive,          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireSpinLockSharedAtDpcLevel,   HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExReleaseSpinLockSharedFromDpcLevel, HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExAcquireSpinLockExclusiveAtDpcLevel, HIGH_LEVEL,    0x0A, 0)
MI_DDI_ENTRY(ExReleaseSpinLockExclusiveFromDpcLevel, HIGH_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(ExTryConvertSharedSpinLockExclusive, HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExReleaseFastMutexUnsafe,            APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KePulseEvent,                        DISPATCH_LEVEL, 0xC4, 0x20011)
MI_DDI_ENTRY(KeWaitForMultipleObjects,            DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeDelayExecutionThread,              APC_LEVEL,      0xC4, 0x2000F)
MI_DDI_ENTRY(KeEnterCriticalRegion,               APC_LEVEL,      0xC4, 0x20010)
MI_DDI_ENTRY(KeLeaveCriticalRegion,               APC_LEVEL,      0xC4, 0x20010)
MI_DDI_ENTRY(KeEnterGuardedRegion,                APC_LEVEL,      0xC4, 0x20010)
MI_DDI_ENTRY(KeLeaveGuardedRegion,                APC_LEVEL,      0xC4, 0x20010)
MI_DDI_ENTRY(KeSetPriorityThread,                 DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeSetBasePriorityThread,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeSetSystemAffinityThreadEx,         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeRevertToUserAffinityThreadEx,      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeSetSystemGroupAffinityThread,      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeRevertToUserGroupAffinityThread,   DISPATCH_LEVEL, 0x0A, 0)

/* exsync: SLISTs (sim/ex/slist.c, any IRQL) and lookaside lists (sim/ex/lookaside.c:
 * nonpaged lists <= DISPATCH_LEVEL, paged lists <= APC_LEVEL; an Ex list of a
 * paged type is held to APC_LEVEL by lookaside.c itself). */
MI_DDI_ENTRY(InitializeSListHead,                 HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExQueryDepthSList,                   HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExpInterlockedPushEntrySList,        HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExpInterlockedPopEntrySList,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExpInterlockedFlushSList,            HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInitializeNPagedLookasideList,     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExDeleteNPagedLookasideList,         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAllocateFromNPagedLookasideList,   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExFreeToNPagedLookasideList,         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExInitializePagedLookasideList,      APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExDeletePagedLookasideList,          APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExAllocateFromPagedLookasideList,    APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExFreeToPagedLookasideList,          APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExInitializeLookasideListEx,         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExDeleteLookasideListEx,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExFlushLookasideListEx,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAllocateFromLookasideListEx,       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExFreeToLookasideListEx,             DISPATCH_LEVEL, 0x0A, 0)
/* exsync: executive resources (sim/ex/resource.c). */
MI_DDI_ENTRY(ExInitializeResourceLite,            DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReinitializeResourceLite,          DISPATCH_LEVEL, 0x0A, 0)
/* IrqlExApcLte3 says APC_LEVEL; the DDI page DISPATCH_LEVEL (followed). */
MI_DDI_ENTRY(ExDeleteResourceLite,                DISPATCH_LEVEL, 0xC4, 0x20007)
MI_DDI_ENTRY(ExAcquireResourceExclusiveLite,      APC_LEVEL,      0xC4, 0x20007)
MI_DDI_ENTRY(ExAcquireResourceSharedLite,         APC_LEVEL,      0xC4, 0x20007)
MI_DDI_ENTRY(ExAcquireSharedStarveExclusive,      APC_LEVEL,      0xC4, 0x20007)
MI_DDI_ENTRY(ExAcquireSharedWaitForExclusive,     APC_LEVEL,      0xC4, 0x20007)
MI_DDI_ENTRY(ExReleaseResourceLite,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseResourceForThreadLite,      DISPATCH_LEVEL, 0x0A, 0)
/* IrqlExApcLte3 says APC_LEVEL; the DDI page DISPATCH_LEVEL (followed). */
MI_DDI_ENTRY(ExConvertExclusiveToSharedLite,      DISPATCH_LEVEL, 0xC4, 0x20007)
MI_DDI_ENTRY(ExIsResourceAcquiredExclusiveLite,   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExIsResourceAcquiredSharedLite,      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExGetExclusiveWaiterCount,           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExGetSharedWaiterCount,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExSetResourceOwnerPointer,           DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExSetResourceOwnerPointerEx,         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExEnterCriticalRegionAndAcquireResourceShared, APC_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExEnterCriticalRegionAndAcquireResourceExclusive, APC_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExEnterCriticalRegionAndAcquireSharedWaitForExclusive, APC_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseResourceAndLeaveCriticalRegion, APC_LEVEL,  0x0A, 0)
/* exsync: rundown protection and the ExInterlocked routines (sim/ex/rundown.c). */
MI_DDI_ENTRY(ExInitializeRundownProtection,       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReInitializeRundownProtection,     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireRundownProtection,          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireRundownProtectionEx,        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseRundownProtection,          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseRundownProtectionEx,        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExWaitForRundownProtectionRelease,   APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(ExRundownCompleted,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExSizeOfRundownProtectionCacheAware, HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExAllocateCacheAwareRundownProtection, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExInitializeRundownProtectionCacheAware, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExFreeCacheAwareRundownProtection,   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireRundownProtectionCacheAware, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseRundownProtectionCacheAware, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireRundownProtectionCacheAwareEx, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReleaseRundownProtectionCacheAwareEx, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExWaitForRundownProtectionReleaseCacheAware, APC_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExReInitializeRundownProtectionCacheAware, DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExRundownCompletedCacheAware,        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExInterlockedInsertHeadList,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInterlockedInsertTailList,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInterlockedRemoveHeadList,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInterlockedPopEntryList,           HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInterlockedPushEntryList,          HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInterlockedAddUlong,               HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExInterlockedAddLargeInteger,        HIGH_LEVEL,     0x0A, 0)
/* exsync: callback objects, RTL_RUN_ONCE, further executive routines, Verifier queries (sim/ex/exmore.c). */
MI_DDI_ENTRY(ExCreateCallback,                    PASSIVE_LEVEL,  0xC4, 0x20008)
MI_DDI_ENTRY(ExRegisterCallback,                  APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExUnregisterCallback,                APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExNotifyCallback,                    DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(RtlRunOnceInitialize,                HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(RtlRunOnceBeginInitialize,           APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(RtlRunOnceComplete,                  APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(RtlRunOnceExecuteOnce,               APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(ExGetPreviousMode,                   HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExUuidCreate,                        PASSIVE_LEVEL,  0xC4, 0x20008)
MI_DDI_ENTRY(ExLocalTimeToSystemTime,             HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(ExSystemTimeToLocalTime,             HIGH_LEVEL,     0x0A, 0)
/* IrqlExPassive says PASSIVE_LEVEL; the DDI pages APC_LEVEL (followed). */
MI_DDI_ENTRY(ExRaiseAccessViolation,              APC_LEVEL,      0xC4, 0x20008)
MI_DDI_ENTRY(ExRaiseDatatypeMisalignment,         APC_LEVEL,      0xC4, 0x20008)
MI_DDI_ENTRY(ExAllocatePoolWithQuota,             APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(ExAllocatePoolWithQuotaTag,          APC_LEVEL,      0xC4, 0x20006)
MI_DDI_ENTRY(MmIsVerifierEnabled,                 APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(MmIsDriverVerifying,                 APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(MmIsDriverVerifyingByAddress,        APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(MmAddVerifierThunks,                 PASSIVE_LEVEL,  0x0A, 0)
/* exsync: the Ex forms of I/O work items (sim/ex/work.c). */
MI_DDI_ENTRY(IoSizeofWorkItem,                    HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(IoInitializeWorkItem,                DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoUninitializeWorkItem,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoQueueWorkItemEx,                   DISPATCH_LEVEL, 0x0A, 0)

/* userva: the user address space (sim/mm/virtual.c; docs/user-space.md). */
MI_DDI_ENTRY(ZwAllocateVirtualMemory,             PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(NtAllocateVirtualMemory,             PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(ZwFreeVirtualMemory,                 PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(NtFreeVirtualMemory,                 PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(ZwProtectVirtualMemory,              PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(NtProtectVirtualMemory,              PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(ZwQueryVirtualMemory,                PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(NtQueryVirtualMemory,                PASSIVE_LEVEL,  0x0A, 0)

/* specialpool: ExAllocatePool3 (sim/mm/pool.c), the IRQL rule of ExAllocatePool2. */
MI_DDI_ENTRY(ExAllocatePool3,                     DISPATCH_LEVEL, 0xC4, 0x02)

/* user17: MmSecureVirtualMemory / MmUnsecureVirtualMemory (sim/mm/virtual.c). */
MI_DDI_ENTRY(MmSecureVirtualMemory,               APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmUnsecureVirtualMemory,             APC_LEVEL,      0xC4, 0x20019)

/* realdrv3: I/O remove locks (sim/io/remove_lock.c). */
MI_DDI_ENTRY(IoInitializeRemoveLockEx,            PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoAcquireRemoveLockEx,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoReleaseRemoveLockEx,               DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoReleaseRemoveLockAndWaitEx,        PASSIVE_LEVEL,  0x0A, 0)
/* wdk25: cancel routines and cancel-safe queues (sim/io/cancel.c), secure device
 * objects (sim/io/wdmsec.c). Each page: <= DISPATCH_LEVEL (IoReleaseCancelSpinLock at
 * DISPATCH_LEVEL), IoCreateDeviceSecure PASSIVE_LEVEL; no Verifier code of their own. */
MI_DDI_ENTRY(IoAcquireCancelSpinLock,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoReleaseCancelSpinLock,             DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCancelIrp,                         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCsqInitialize,                     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCsqInitializeEx,                   DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCsqInsertIrp,                      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCsqInsertIrpEx,                    DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCsqRemoveNextIrp,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoCsqRemoveIrp,                      DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(WdmlibIoCreateDeviceSecure,          PASSIVE_LEVEL,  0x0A, 0)
/* io32: device stacks, IRPs built for a lower driver, object references (sim/io/stack.c,
 * sim/io/build.c) and MmCopyMemory (sim/mm/copy.c). Each page's IRQL; no Verifier code
 * of their own. MmCopyMemory's page: <= APC_LEVEL, for both kinds of source. */
MI_DDI_ENTRY(IoAttachDeviceToDeviceStack,         PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoAttachDeviceToDeviceStackSafe,     PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoDetachDevice,                      PASSIVE_LEVEL,  0xC4, 0x2000C)
MI_DDI_ENTRY(IoGetAttachedDevice,                 DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoGetAttachedDeviceReference,        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoGetDeviceObjectPointer,            PASSIVE_LEVEL,  0xC4, 0x2000E)
/* IrqlIoPassive1 allows APC_LEVEL; the DDI page PASSIVE_LEVEL (followed). */
MI_DDI_ENTRY(IoBuildDeviceIoControlRequest,       PASSIVE_LEVEL,  0xC4, 0x2000A)
MI_DDI_ENTRY(IoBuildSynchronousFsdRequest,        PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(IoBuildAsynchronousFsdRequest,       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ObfReferenceObject,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ObfDereferenceObject,                DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmCopyMemory,                        APC_LEVEL,      0x0A, 0)
/* ps32: processes and threads (sim/ps/ps.c, notify.c). IRQL as each page:
 * PsCreateSystemThread, PsTerminateSystemThread, ObReferenceObjectByHandle,
 * ZwClose and the notify registrations PASSIVE_LEVEL; the lookups APC_LEVEL;
 * IoGetCurrentProcess and the Ob reference counts DISPATCH_LEVEL; no Verifier code. */
MI_DDI_ENTRY(PsCreateSystemThread,                PASSIVE_LEVEL,  0xC4, 0x2001C)
MI_DDI_ENTRY(PsTerminateSystemThread,             PASSIVE_LEVEL,  0xC4, 0x2001C)
MI_DDI_ENTRY(ObReferenceObjectByHandle,           PASSIVE_LEVEL,  0xC4, 0x2001B)
MI_DDI_ENTRY(ObReferenceObjectByPointer,          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ZwClose,                             PASSIVE_LEVEL,  0xC4, 0x2001F)
MI_DDI_ENTRY(IoGetCurrentProcess,                 DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(PsLookupProcessByProcessId,          APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(PsLookupThreadByThreadId,            APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(PsSetCreateProcessNotifyRoutine,     PASSIVE_LEVEL,  0xC4, 0x2001C)
MI_DDI_ENTRY(PsSetCreateProcessNotifyRoutineEx,   PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(PsSetCreateThreadNotifyRoutine,      PASSIVE_LEVEL,  0xC4, 0x2001C)
MI_DDI_ENTRY(PsRemoveCreateThreadNotifyRoutine,   PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(PsSetLoadImageNotifyRoutine,         PASSIVE_LEVEL,  0xC4, 0x2001C)
MI_DDI_ENTRY(PsRemoveLoadImageNotifyRoutine,      PASSIVE_LEVEL,  0x0A, 0)
/* survey33: IoIs32bitProcess (sim/ex/object_types.c): <= DISPATCH_LEVEL (its page). */
MI_DDI_ENTRY(IoIs32bitProcess,                    DISPATCH_LEVEL, 0x0A, 0)
