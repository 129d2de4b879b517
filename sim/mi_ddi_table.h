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
 * (IrqlMmApcLte 0x20019, IrqlExApcLte1 0x20005), and otherwise
 * IRQL_NOT_LESS_OR_EQUAL (0xA) - mmsim's documented choice for a DDI with no
 * Verifier code of its own.
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
MI_DDI_ENTRY(KeSetEvent,                          DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeClearEvent,                        DISPATCH_LEVEL, 0x0A, 0)
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
MI_DDI_ENTRY(MmFreeContiguousMemory,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmFreeContiguousMemorySpecifyCache,  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(MmAllocateNonCachedMemory,           APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmFreeNonCachedMemory,               APC_LEVEL,      0xC4, 0x20019)
MI_DDI_ENTRY(MmGetPhysicalMemoryRanges,           PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_ENTRY(MmGetVirtualForPhysical,             HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(MmMapLockedPages,                    DISPATCH_LEVEL, 0xC4, 0x74)
/* Further kernel routines (sim/ke/more.c). */
MI_DDI_ENTRY(KeResetEvent,                        DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeStallExecutionProcessor,           HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryUnbiasedInterruptTime,        HIGH_LEVEL,     0x0A, 0)

/* issue 15: shapes */
MI_DDI_ENTRY(ExIsProcessorFeaturePresent,         HIGH_LEVEL,     0x0A, 0)

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

/* specialpool: ExAllocatePool3 (sim/mm/pool.c), the IRQL rule of ExAllocatePool2. */
MI_DDI_ENTRY(ExAllocatePool3,                     DISPATCH_LEVEL, 0xC4, 0x02)
