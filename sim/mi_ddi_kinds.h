/*
 * mi_ddi_kinds.h - the argument kinds and results of the DDI table
 * (sim/mi_ddi_table.h), and how a call is made from a row: the columns every
 * consumer of the table shares. Macros only (it is included inside enum
 * bodies too).
 */
#ifndef MMSIM_MI_DDI_KINDS_H
#define MMSIM_MI_DDI_KINDS_H

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

#endif /* MMSIM_MI_DDI_KINDS_H */
