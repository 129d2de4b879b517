/*
 * wdm_more.h - Further Mm, Ex, Ke and Rtl names of <wdm.h> that driver code uses.
 * Included by <wdm.h> after its own declarations; not included directly.
 *
 * Names, types and values as the WDK declares them (checked against mingw-w64's
 * ddk/wdm.h and ddk/ntddk.h by the oracle, tests/oracle/). Behaviour:
 * docs/wdk-surface.md ("Contiguous, non-cached and physical memory" and the
 * sections after it). The ntddk.h-only names among them (non-cached memory,
 * MmGetPhysicalMemoryRanges, MmGetVirtualForPhysical) are visible from
 * <wdm.h> too: a superset, never a different declaration.
 */
#ifndef MMSIM_WDM_MORE_H_
#define MMSIM_WDM_MORE_H_

/* A name mmsim does not declare (tests/oracle/out_of_scope.txt) must stop the
 * build naming it, never link against a guess: C++ rejects undeclared names
 * already; C compilers before gcc 14 and clang 16 only warn about an
 * implicit function declaration. As a WDK build (/WX) does, make it an error
 * for the driver file that includes <wdm.h>. */
#if !defined(__cplusplus) && defined(__GNUC__)
#pragma GCC diagnostic error "-Wimplicit-function-declaration"
#endif

/* MSVC's pragmas are part of the dialect driver files are written in:
 * `#pragma warning(push)`, `warning(disable : 4201)`, `alloc_text`,
 * `code_seg`, `prefast`, `optimize` ... MSVC knows them; gcc and clang
 * ignore them, and under -Wall say so once per line, which a -Werror build
 * of an unchanged driver file turns into errors. They are ignored quietly
 * in the files that include <wdm.h> (docs/wdk-surface.md, "MSVC dialect");
 * mmsim's own sources keep the warning. */
#if defined(__GNUC__) && !defined(MMSIM_BUILDING_SIM)
#pragma GCC diagnostic ignored "-Wunknown-pragmas"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Memory protection and allocation constants (winnt.h values) ---- */
#ifndef PAGE_NOACCESS
#define PAGE_NOACCESS          0x01
#define PAGE_READONLY          0x02
#define PAGE_READWRITE         0x04
#define PAGE_WRITECOPY         0x08
#define PAGE_EXECUTE           0x10
#define PAGE_EXECUTE_READ      0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define PAGE_GUARD             0x100
#define PAGE_NOCACHE           0x200
#define PAGE_WRITECOMBINE      0x400
#endif
#ifndef MEM_COMMIT
#define MEM_COMMIT      0x1000
#define MEM_RESERVE     0x2000
#define MEM_DECOMMIT    0x4000
#define MEM_RELEASE     0x8000
#define MEM_FREE        0x10000
#define MEM_PRIVATE     0x20000
#define MEM_MAPPED      0x40000
#define MEM_RESET       0x80000
#define MEM_TOP_DOWN    0x100000
#define MEM_LARGE_PAGES 0x20000000
#define MEM_4MB_PAGES   0x80000000
#endif
#ifndef SEC_RESERVE
#define SEC_RESERVE     0x4000000
#define SEC_COMMIT      0x8000000
#define SEC_LARGE_PAGES 0x80000000
#endif
#ifndef SECTION_QUERY
#define SECTION_QUERY                0x0001
#define SECTION_MAP_WRITE            0x0002
#define SECTION_MAP_READ             0x0004
#define SECTION_MAP_EXECUTE          0x0008
#define SECTION_EXTEND_SIZE          0x0010
#define SECTION_MAP_EXECUTE_EXPLICIT 0x0020
/* STANDARD_RIGHTS_REQUIRED (0xF0000) | the five rights above but EXPLICIT */
#define SECTION_ALL_ACCESS           0xF001F
#define SEGMENT_ALL_ACCESS           SECTION_ALL_ACCESS
#define SESSION_QUERY_ACCESS         0x0001
#define SESSION_MODIFY_ACCESS        0x0002
#define SESSION_ALL_ACCESS           0xF0003
#endif
#define MM_MAXIMUM_DISK_IO_SIZE (0x10000)
#define FLUSH_MULTIPLE_MAXIMUM 32

#ifndef ALIGN_DOWN
#define ALIGN_DOWN(length, type) ALIGN_DOWN_BY(length, sizeof(type))
#define ALIGN_UP(length, type) ALIGN_UP_BY(length, sizeof(type))
#define ALIGN_DOWN_POINTER(address, type) ((PVOID)ALIGN_DOWN_BY(address, sizeof(type)))
#define ALIGN_UP_POINTER(address, type) ((PVOID)ALIGN_UP_BY(address, sizeof(type)))
#endif
#ifndef FIELD_SIZE
#define FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#endif

/* ---- Contiguous, non-cached and physical memory (sim/mm/contig.c) ---- */
#ifndef _NODE_REQUIREMENT_DEFINED_
#define _NODE_REQUIREMENT_DEFINED_
typedef ULONG NODE_REQUIREMENT;
#endif

typedef struct _PHYSICAL_MEMORY_RANGE {
    PHYSICAL_ADDRESS BaseAddress;
    LARGE_INTEGER NumberOfBytes;
} PHYSICAL_MEMORY_RANGE, *PPHYSICAL_MEMORY_RANGE;

/* Physically contiguous non-paged memory inside [Lowest, Highest] that
 * crosses no multiple of BoundaryAddressMultiple (0: no limit); NULL if none. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmAllocateContiguousMemorySpecifyCache(
    _In_ SIZE_T NumberOfBytes, _In_ PHYSICAL_ADDRESS LowestAcceptableAddress,
    _In_ PHYSICAL_ADDRESS HighestAcceptableAddress,
    _In_opt_ PHYSICAL_ADDRESS BoundaryAddressMultiple, _In_ MEMORY_CACHING_TYPE CacheType);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmAllocateContiguousMemorySpecifyCacheNode(
    _In_ SIZE_T NumberOfBytes, _In_ PHYSICAL_ADDRESS LowestAcceptableAddress,
    _In_ PHYSICAL_ADDRESS HighestAcceptableAddress,
    _In_opt_ PHYSICAL_ADDRESS BoundaryAddressMultiple, _In_ MEMORY_CACHING_TYPE CacheType,
    _In_ NODE_REQUIREMENT PreferredNode);
/* Protect: PAGE_READWRITE, optionally with PAGE_NOCACHE or PAGE_WRITECOMBINE. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmAllocateContiguousNodeMemory(
    _In_ SIZE_T NumberOfBytes, _In_ PHYSICAL_ADDRESS LowestAcceptableAddress,
    _In_ PHYSICAL_ADDRESS HighestAcceptableAddress,
    _In_opt_ PHYSICAL_ADDRESS BoundaryAddressMultiple, _In_ ULONG Protect,
    _In_ NODE_REQUIREMENT PreferredNode);
/* Cached, anywhere below HighestAcceptableAddress. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmAllocateContiguousMemory(_In_ SIZE_T NumberOfBytes,
                                                   _In_ PHYSICAL_ADDRESS HighestAcceptableAddress);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmFreeContiguousMemory(_In_ PVOID BaseAddress);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmFreeContiguousMemorySpecifyCache(_In_ PVOID BaseAddress,
                                                          _In_ SIZE_T NumberOfBytes,
                                                          _In_ MEMORY_CACHING_TYPE CacheType);

/* Non-cached non-paged memory in whole pages, not physically contiguous. */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI MmAllocateNonCachedMemory(_In_ SIZE_T NumberOfBytes);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI MmFreeNonCachedMemory(_In_ PVOID BaseAddress, _In_ SIZE_T NumberOfBytes);

/* The RAM ranges, in a non-paged pool array ended by a zero entry; the
 * caller frees it with ExFreePool. */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI PPHYSICAL_MEMORY_RANGE NTAPI MmGetPhysicalMemoryRanges(VOID);

/* The system virtual address that maps a physical address, or NULL. */
NTKERNELAPI PVOID NTAPI MmGetVirtualForPhysical(_In_ PHYSICAL_ADDRESS PhysicalAddress);

/* Obsolete forms of MmMapLockedPagesSpecifyCache (they bug check on failure). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapLockedPages(_Inout_ PMDL MemoryDescriptorList,
                                         _In_ KPROCESSOR_MODE AccessMode);
#define MmGetSystemAddressForMdl(Mdl)                                                    \
    (((Mdl)->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL))         \
         ? ((Mdl)->MappedSystemVa)                                                       \
         : (MmMapLockedPages((Mdl), KernelMode)))

/* ---- Pool priorities ---- */
typedef enum _EX_POOL_PRIORITY {
    LowPoolPriority,
    LowPoolPrioritySpecialPoolOverrun = 8,
    LowPoolPrioritySpecialPoolUnderrun = 9,
    NormalPoolPriority = 16,
    NormalPoolPrioritySpecialPoolOverrun = 24,
    NormalPoolPrioritySpecialPoolUnderrun = 25,
    HighPoolPriority = 32,
    HighPoolPrioritySpecialPoolOverrun = 40,
    HighPoolPrioritySpecialPoolUnderrun = 41
} EX_POOL_PRIORITY;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTagPriority(_In_ POOL_TYPE PoolType,
                                                      _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag,
                                                      _In_ EX_POOL_PRIORITY Priority);
/* Obsolete: ExAllocatePoolWithTag with the tag "None". */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI ExAllocatePool(_In_ POOL_TYPE PoolType, _In_ SIZE_T NumberOfBytes);

/* ---- Kernel: IRQL, spin locks, events, time ---- */
#ifndef SYNCH_LEVEL
#define SYNCH_LEVEL 12 /* x64 */
#endif
_IRQL_requires_max_(SYNCH_LEVEL) _IRQL_raises_(SYNCH_LEVEL) _IRQL_saves_
NTKERNELAPI KIRQL NTAPI KeRaiseIrqlToSynchLevel(VOID);
/* TRUE if the spin lock is free (a hint to spin before trying to take it). */
NTKERNELAPI BOOLEAN FASTCALL KeTestSpinLock(_In_ PKSPIN_LOCK SpinLock);
/* Clears the event and returns its previous state. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeResetEvent(_Inout_ PRKEVENT Event);
/* Busy-waits at least MicroSeconds, at any IRQL. */
NTKERNELAPI VOID NTAPI KeStallExecutionProcessor(_In_ ULONG MicroSeconds);
/* Interrupt time without time spent asleep: the simulated machine never sleeps. */
NTKERNELAPI ULONGLONG NTAPI KeQueryUnbiasedInterruptTime(VOID);
/* Clock ticks since boot, stored as a 64-bit count (x64 WDK: a macro). */
#ifndef KeQueryTickCount
#define KeQueryTickCount(CurrentCount)                                                   \
    (*(PULONG64)(CurrentCount) = KeQueryInterruptTime() / KeQueryTimeIncrement())
#endif
/* The alignment that keeps shared data out of each other's cache lines. */
NTKERNELAPI ULONG NTAPI KeGetRecommendedSharedDataAlignment(VOID);
/* x64: coherent caches, so these are constants / nothing, as in the WDK. */
#define KeGetDcacheFillSize() 1L
#define KeFlushIoBuffers(Mdl, ReadOperation, DmaOperation)

/* ---- Rtl: byte swaps and LARGE_INTEGER arithmetic ---- */
/* Exported routines, but macros over the intrinsics in x64's wdm.h: a
 * driver's call is the intrinsic, as with the WDK; the address of the name
 * (MmGetSystemRoutineAddress) is the routine. */
NTSYSAPI USHORT FASTCALL RtlUshortByteSwap(_In_ USHORT Source);
NTSYSAPI ULONG FASTCALL RtlUlongByteSwap(_In_ ULONG Source);
NTSYSAPI ULONGLONG FASTCALL RtlUlonglongByteSwap(_In_ ULONGLONG Source);
#define RtlUshortByteSwap(_x) _byteswap_ushort((USHORT)(_x))
#define RtlUlongByteSwap(_x) _byteswap_ulong((_x))
#define RtlUlonglongByteSwap(_x) _byteswap_uint64((_x))

/* The obsolete LARGE_INTEGER helpers are inline in the WDK on x64. */
static __inline LARGE_INTEGER NTAPI RtlConvertLongToLargeInteger(LONG SignedInteger)
{
    LARGE_INTEGER R;
    R.QuadPart = SignedInteger;
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlConvertUlongToLargeInteger(ULONG UnsignedInteger)
{
    LARGE_INTEGER R;
    R.QuadPart = UnsignedInteger;
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlEnlargedIntegerMultiply(LONG Multiplicand, LONG Multiplier)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)Multiplicand * (LONGLONG)Multiplier;
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlEnlargedUnsignedMultiply(ULONG Multiplicand,
                                                                ULONG Multiplier)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)((ULONGLONG)Multiplicand * (ULONGLONG)Multiplier);
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlExtendedIntegerMultiply(LARGE_INTEGER Multiplicand,
                                                               LONG Multiplier)
{
    LARGE_INTEGER R;
    R.QuadPart = Multiplicand.QuadPart * Multiplier;
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlLargeIntegerAdd(LARGE_INTEGER Addend1, LARGE_INTEGER Addend2)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)((ULONGLONG)Addend1.QuadPart + (ULONGLONG)Addend2.QuadPart);
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlLargeIntegerSubtract(LARGE_INTEGER Minuend,
                                                            LARGE_INTEGER Subtrahend)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)((ULONGLONG)Minuend.QuadPart - (ULONGLONG)Subtrahend.QuadPart);
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlLargeIntegerNegate(LARGE_INTEGER Subtrahend)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)(0 - (ULONGLONG)Subtrahend.QuadPart);
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlLargeIntegerShiftLeft(LARGE_INTEGER LargeInteger,
                                                             CCHAR ShiftCount)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)((ULONGLONG)LargeInteger.QuadPart << (ShiftCount & 63));
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlLargeIntegerShiftRight(LARGE_INTEGER LargeInteger,
                                                              CCHAR ShiftCount)
{
    LARGE_INTEGER R;
    R.QuadPart = (LONGLONG)((ULONGLONG)LargeInteger.QuadPart >> (ShiftCount & 63));
    return R;
}
static __inline LARGE_INTEGER NTAPI RtlLargeIntegerArithmeticShift(LARGE_INTEGER LargeInteger,
                                                                   CCHAR ShiftCount)
{
    LARGE_INTEGER R;
    R.QuadPart = LargeInteger.QuadPart >> (ShiftCount & 63);
    return R;
}
#define RtlLargeIntegerAnd(Result, Source, Mask) ((Result).QuadPart = (Source).QuadPart & (Mask).QuadPart)
#define RtlLargeIntegerEqualTo(X, Y) ((X).QuadPart == (Y).QuadPart)
#define RtlLargeIntegerNotEqualTo(X, Y) ((X).QuadPart != (Y).QuadPart)
#define RtlLargeIntegerGreaterThan(X, Y) ((X).QuadPart > (Y).QuadPart)
#define RtlLargeIntegerGreaterThanOrEqualTo(X, Y) ((X).QuadPart >= (Y).QuadPart)
#define RtlLargeIntegerLessThan(X, Y) ((X).QuadPart < (Y).QuadPart)
#define RtlLargeIntegerLessThanOrEqualTo(X, Y) ((X).QuadPart <= (Y).QuadPart)
#define RtlLargeIntegerGreaterThanZero(X) ((X).QuadPart > 0)
#define RtlLargeIntegerGreaterOrEqualToZero(X) ((X).QuadPart >= 0)
#define RtlLargeIntegerEqualToZero(X) ((X).QuadPart == 0)
#define RtlLargeIntegerNotEqualToZero(X) ((X).QuadPart != 0)
#define RtlLargeIntegerLessThanZero(X) ((X).QuadPart < 0)
#define RtlLargeIntegerLessOrEqualToZero(X) ((X).QuadPart <= 0)

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_WDM_MORE_H_ */
