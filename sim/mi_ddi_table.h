/*
 * mi_ddi_table.h - THE list of DDIs: the documented maximum IRQL of each and
 * what a call above it raises, and, for the DDIs a scenario script (and the
 * fuzzer's table operation) can call, the result and every argument's name and
 * kind. An X-macro: each includer defines the row macros it needs and includes
 * this file; the rest default (an undefined MI_DDI_CALL is an MI_DDI_ENTRY, an
 * undefined MI_DDI_ENTRY or MI_DDI_TOOL is nothing), and all are undefined at
 * the end. Derived from it (docs/mmsim.md, "Adding a DDI"):
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
 *   SCRIPT_MAX_ARGS). Kinds and results: MI_ARG_KINDS and MI_RESULT_KINDS below.
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

/* Argument kinds: X(Kind, C type a script value converts to, what it is).
 * Mdl/FreedMdl and Region/FreedRegion must be handles a script holds; the
 * Freed* kinds end the handle (and FreedPool the script's pool block). */
#define MI_ARG_KINDS(X)                                                        \
    X(Number, ULONG_PTR, "a number")                                           \
    X(Size, SIZE_T, "a size in bytes")                                         \
    X(Ulong, ULONG, "a 32-bit number")                                         \
    X(Tag, ULONG, "a pool tag")                                                \
    X(Flags, ULONG, "flags")                                                   \
    X(Bool, BOOLEAN, "TRUE or FALSE")                                          \
    X(Va, PVOID, "an address")                                                 \
    X(NullVa, PVOID, "NULL")                                                   \
    X(FreedPool, PVOID, "a pool block it frees")                               \
    X(Phys, PHYSICAL_ADDRESS, "a physical address")                            \
    X(Mdl, PMDL, "an MDL")                                                     \
    X(FreedMdl, PMDL, "an MDL it frees")                                       \
    X(Region, PGROWABLE_REGION, "a region")                                    \
    X(FreedRegion, PGROWABLE_REGION, "a region it destroys")                   \
    X(Cache, MEMORY_CACHING_TYPE, "a MEMORY_CACHING_TYPE")                     \
    X(Mode, KPROCESSOR_MODE, "KernelMode or UserMode")                         \
    X(LockOp, LOCK_OPERATION, "a LOCK_OPERATION")                              \
    X(Irql, KIRQL, "an IRQL")                                                  \
    X(PoolFlags, POOL_FLAGS, "POOL_FLAG_ values")                              \
    X(PoolType, POOL_TYPE, "a POOL_TYPE")                                      \
    X(Irp, PIRP, "NULL (no IRPs)")

/* Results: X(Result, what the call returns). Pool is a pointer to a block the
 * caller now owns, of the call's Size argument. */
#define MI_RESULT_KINDS(X)                                                     \
    X(Void, "nothing")                                                         \
    X(Pointer, "an address")                                                   \
    X(Pool, "a pool block")                                                    \
    X(Mdl, "an MDL")                                                           \
    X(Region, "a region")                                                      \
    X(Status, "an NTSTATUS")                                                   \
    X(Number, "a number")                                                      \
    X(Physical, "a physical address")                                          \
    X(Boolean, "TRUE or FALSE")                                                \
    X(Irql, "an IRQL")

/* A call made from a row (sim/tools/run.c, tests/fuzz/fuzz_ddi.c): with
 *   #define MI_ARG MI_ARG_CALL
 *   #define MI_ARGV Values          (a uint64_t array, one value an argument)
 * a row's Args become "conv(Values[0]) , conv(Values[1]) ...", each value
 * converted to its kind's C type as a C call would, and
 * MI_RESULT_VALUE_<Result>(call) is the call's result as a uint64_t. */
#define MI_ARG_CALL(Index, Kind, Name) MI_ARG_COMMA_##Index MI_ARG_CONV_##Kind(MI_ARGV[Index])
#define MI_ARG_COMMA_0
#define MI_ARG_COMMA_1 ,
#define MI_ARG_COMMA_2 ,
#define MI_ARG_COMMA_3 ,
#define MI_ARG_COMMA_4 ,
#define MI_ARG_COMMA_5 ,
#define MI_ARG_COMMA_6 ,
#define MI_ARG_COMMA_7 ,
#define MI_ARG_CONV_Number(V) ((ULONG_PTR)(V))
#define MI_ARG_CONV_Size(V) ((SIZE_T)(V))
#define MI_ARG_CONV_Ulong(V) ((ULONG)(V))
#define MI_ARG_CONV_Tag(V) ((ULONG)(V))
#define MI_ARG_CONV_Flags(V) ((ULONG)(V))
#define MI_ARG_CONV_Bool(V) ((BOOLEAN)((V) != 0))
#define MI_ARG_CONV_Va(V) ((PVOID)(uintptr_t)(V))
#define MI_ARG_CONV_NullVa(V) ((PVOID)(uintptr_t)(V))
#define MI_ARG_CONV_FreedPool(V) ((PVOID)(uintptr_t)(V))
#define MI_ARG_CONV_Phys(V) ((PHYSICAL_ADDRESS){.QuadPart = (LONGLONG)(V)})
#define MI_ARG_CONV_Mdl(V) ((PMDL)(uintptr_t)(V))
#define MI_ARG_CONV_FreedMdl(V) ((PMDL)(uintptr_t)(V))
#define MI_ARG_CONV_Region(V) ((PGROWABLE_REGION)(uintptr_t)(V))
#define MI_ARG_CONV_FreedRegion(V) ((PGROWABLE_REGION)(uintptr_t)(V))
#define MI_ARG_CONV_Cache(V) ((MEMORY_CACHING_TYPE)(V))
#define MI_ARG_CONV_Mode(V) ((KPROCESSOR_MODE)(V))
#define MI_ARG_CONV_LockOp(V) ((LOCK_OPERATION)(V))
#define MI_ARG_CONV_Irql(V) ((KIRQL)(V))
#define MI_ARG_CONV_PoolFlags(V) ((POOL_FLAGS)(V))
#define MI_ARG_CONV_PoolType(V) ((POOL_TYPE)(V))
#define MI_ARG_CONV_Irp(V) ((PIRP)(uintptr_t)(V))
#define MI_RESULT_VALUE_Void(Call) ((Call), (uint64_t)0)
#define MI_RESULT_VALUE_Pointer(Call) ((uint64_t)(uintptr_t)(Call))
#define MI_RESULT_VALUE_Pool(Call) ((uint64_t)(uintptr_t)(Call))
#define MI_RESULT_VALUE_Mdl(Call) ((uint64_t)(uintptr_t)(Call))
#define MI_RESULT_VALUE_Region(Call) ((uint64_t)(uintptr_t)(Call))
#define MI_RESULT_VALUE_Status(Call) ((uint64_t)(uint32_t)(Call))
#define MI_RESULT_VALUE_Number(Call) ((uint64_t)(Call))
#define MI_RESULT_VALUE_Physical(Call) ((uint64_t)(Call).QuadPart)
#define MI_RESULT_VALUE_Boolean(Call) ((uint64_t)(Call))
#define MI_RESULT_VALUE_Irql(Call) ((uint64_t)(Call))

#ifndef MI_DDI_ENTRY
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#define MI_DDI_ENTRY_DEFAULTED
#endif
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
MI_DDI_ENTRY(MmFreePagesFromMdlEx,               DISPATCH_LEVEL, 0xC4, 0x7E)
MI_DDI_CALL(IoAllocateMdl,                       DISPATCH_LEVEL, 0x0A, 0,       Mdl,
            MI_ARG(0, Va, VirtualAddress) MI_ARG(1, Ulong, Length)
            MI_ARG(2, Bool, SecondaryBuffer) MI_ARG(3, Bool, ChargeQuota) MI_ARG(4, Irp, Irp))
MI_DDI_CALL(IoFreeMdl,                           DISPATCH_LEVEL, 0x0A, 0,       Void,
            MI_ARG(0, FreedMdl, Mdl))
MI_DDI_ENTRY(IoBuildPartialMdl,                  DISPATCH_LEVEL, 0x0A, 0)
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
MI_DDI_ENTRY(MmSizeOfMdl,                        HIGH_LEVEL,     0x0A, 0)
MI_DDI_CALL(MmGetPhysicalAddress,                HIGH_LEVEL,     0x0A, 0,       Physical,
            MI_ARG(0, Va, BaseAddress))
MI_DDI_CALL(MmIsAddressValid,                    DISPATCH_LEVEL, 0x0A, 0,       Boolean,
            MI_ARG(0, Va, VirtualAddress))
MI_DDI_ENTRY(MmGetSystemRoutineAddress,          PASSIVE_LEVEL,  0x0A, 0)
MI_DDI_CALL(ExAllocatePool2,                     DISPATCH_LEVEL, 0xC4, 0x02,    Pool,
            MI_ARG(0, PoolFlags, Flags) MI_ARG(1, Size, NumberOfBytes) MI_ARG(2, Tag, Tag))
MI_DDI_CALL(ExAllocatePoolWithTag,               DISPATCH_LEVEL, 0xC4, 0x02,    Pool,
            MI_ARG(0, PoolType, PoolType) MI_ARG(1, Size, NumberOfBytes) MI_ARG(2, Tag, Tag))
MI_DDI_CALL(ExFreePoolWithTag,                   DISPATCH_LEVEL, 0xC4, 0x12,    Void,
            MI_ARG(0, FreedPool, P) MI_ARG(1, Tag, Tag))
MI_DDI_CALL(ExFreePool,                          DISPATCH_LEVEL, 0xC4, 0x12,    Void,
            MI_ARG(0, FreedPool, P))
MI_DDI_ENTRY(ExInitializeFastMutex,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExAcquireFastMutex,                 APC_LEVEL,      0xC4, 0x20005)
MI_DDI_ENTRY(ExTryToAcquireFastMutex,            APC_LEVEL,      0xC4, 0x20005)
MI_DDI_ENTRY(ExReleaseFastMutex,                 APC_LEVEL,      0x0A, 0)
MI_DDI_ENTRY(KeInitializeEvent,                  DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeSetEvent,                         DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeClearEvent,                       DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(KeWaitForSingleObject,              DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoAllocateWorkItem,                 DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoFreeWorkItem,                     DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(IoQueueWorkItem,                    DISPATCH_LEVEL, 0x0A, 0)
MI_DDI_ENTRY(ExQueueWorkItem,                    DISPATCH_LEVEL, 0x0A, 0)
/* Time and processors (sim/ke/time.c): any IRQL, documented on each page. */
MI_DDI_ENTRY(KeQueryPerformanceCounter,          HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQuerySystemTime,                  HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQuerySystemTimePrecise,           HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryInterruptTime,               HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryInterruptTimePrecise,        HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryTimeIncrement,               HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentProcessorNumber,        HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentProcessorNumberEx,      HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeGetCurrentProcessorIndex,         HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryActiveProcessorCount,        HIGH_LEVEL,     0x0A, 0)
MI_DDI_ENTRY(KeQueryActiveProcessorCountEx,      HIGH_LEVEL,     0x0A, 0)

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

#undef MI_DDI_TOOL
#undef MI_DDI_CALL
#ifdef MI_DDI_ENTRY_DEFAULTED
#undef MI_DDI_ENTRY
#undef MI_DDI_ENTRY_DEFAULTED
#endif
