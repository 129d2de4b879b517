/*
 * driver_shapes.c - a driver file written against the WDK's shapes, compiled
 * unchanged as C11 and as C++17 by gcc and clang with warnings as errors
 * (tests/shapes/CMakeLists.txt). Each block is a form real driver files use;
 * none compiled against mmsim's headers before issue 15 (docs/wdk-surface.md,
 * "Shapes").
 */

/* A driver's own names must not clash with the kernel headers: the WDK's
 * defines no BYTE, WORD, DWORD or int64, and no <stdint.h>. */
typedef unsigned char BYTE;
typedef unsigned short WORD;
typedef unsigned long DWORD;
typedef long long int64;
typedef unsigned int uint32; /* not <stdint.h>'s uint32_t: that comes after */

#include <sal.h>
#include <ntdef.h>
#include <ntifs.h>
#include <intrin.h>
#include <wdm.h>
#include <ntddk.h>
#include <stdint.h> /* after the kernel headers, as driver files do */

/* MSVC dialect. */
typedef unsigned __int64 QWORD_T;
typedef __int32 I32_T;
typedef __int16 I16_T;
typedef __int8 I8_T;
C_ASSERT(sizeof(QWORD_T) == 8 && sizeof(I32_T) == 4 && sizeof(I16_T) == 2 && sizeof(I8_T) == 1);
typedef struct __declspec(align(16)) _ALIGNED16 {
    ULONG Value;
} ALIGNED16;
C_ASSERT(__alignof__(ALIGNED16) == 16);
__declspec(selectany) ULONG ShapesSelectAny = 1;
__declspec(noinline) ULONG __cdecl ShapesNoInline(ULONG Value);
__declspec(noreturn) VOID __stdcall ShapesNoReturn(VOID);
ULONG __fastcall ShapesFast(__unaligned ULONG *Value, int *__ptr64 Other);
static __forceinline ULONG ShapesStaticForceInline(ULONG Value)
{
    return Value + 1;
}
/* (A non-static inline function may not call a static one: C99 6.7.4p3,
 * which gcc and clang enforce and MSVC does not; docs/wdk-surface.md.) */
__forceinline ULONG ShapesForceInline(ULONG Value)
{
    return Value + (ULONG)InterlockedIncrement((LONG volatile *)&Value);
}
static FORCEINLINE ULONG ShapesStaticCaller(ULONG Value)
{
    return ShapesStaticForceInline(Value) + ShapesForceInline(Value);
}
FORCEINLINE VOID ShapesUsesListRoutines(PLIST_ENTRY Head)
{
    InitializeListHead(Head); /* a header routine inside a driver's inline one */
}

/* basetsd.h */
C_ASSERT(sizeof(UINT64) == 8 && sizeof(INT64) == 8 && sizeof(DWORD64) == 8);
C_ASSERT(sizeof(UINT_PTR) == 8 && sizeof(INT_PTR) == 8 && sizeof(LONG_PTR) == 8);
C_ASSERT(sizeof(DWORD_PTR) == 8 && sizeof(SIZE_T) == 8 && sizeof(SSIZE_T) == 8);
C_ASSERT(sizeof(UINT8) == 1 && sizeof(UINT16) == 2 && sizeof(UINT32) == 4);
C_ASSERT(sizeof(INT8) == 1 && sizeof(INT16) == 2 && sizeof(INT32) == 4);
C_ASSERT(sizeof(ULONG32) == 4 && sizeof(LONG64) == 8 && sizeof(KAFFINITY) == 8);

/* Versions. */
#if NTDDI_VERSION < NTDDI_WIN10 || _WIN32_WINNT < _WIN32_WINNT_WIN10
#error "the default target is the newest Windows"
#endif

/* LARGE_INTEGER and PHYSICAL_ADDRESS as drivers initialise them. */
static const PHYSICAL_ADDRESS ShapesLowest = {0};
static const PHYSICAL_ADDRESS ShapesHighest = {~0UL, ~0L};
static const PHYSICAL_ADDRESS ShapesFourGiB = {0, 1};
static const LARGE_INTEGER ShapesBraced = {{0x1000, 0}};
static const ULARGE_INTEGER ShapesUnsigned = {~0U, 0};

ULONG64 ShapesProbe(PSINGLE_LIST_ENTRY Stack, PSINGLE_LIST_ENTRY Entry, PVOID Buffer);

ULONG64 ShapesProbe(PSINGLE_LIST_ENTRY Stack, PSINGLE_LIST_ENTRY Entry, PVOID Buffer)
{
    ULONG64 Sum = (ULONG64)ShapesLowest.QuadPart + (ULONG64)ShapesHighest.LowPart +
                  (ULONG64)ShapesFourGiB.u.HighPart + ShapesBraced.LowPart +
                  ShapesUnsigned.QuadPart + ShapesSelectAny;

    /* Time macros store through (PULONG64): a ULONG64 or a LARGE_INTEGER. */
    ULONG64 SystemTime;
    LARGE_INTEGER Ticks;
    KeQuerySystemTime(&SystemTime);
    KeQueryTickCount(&Ticks);
    Sum += SystemTime + (ULONG64)Ticks.QuadPart + KeQueryInterruptTime();
    Sum += SharedUserData->TickCountMultiplier + SharedUserData->SystemTime.LowPart;

    /* ntdef.h arithmetic, lists, memory. */
    Sum += (ULONG64)Int32x32To64(-2, 3) + UInt32x32To64(0xFFFFFFFFu, 2);
    PushEntryList(Stack, Entry);
    Sum += (PopEntryList(Stack) == Entry);
    RtlCopyBytes(Buffer, &Sum, sizeof(Sum));
    RtlZeroBytes(Buffer, 4);
    RtlFillBytes(Buffer, 2, 0xFF);
    (VOID)RtlSecureZeroMemory(Buffer, sizeof(Sum));
    Sum += ExIsProcessorFeaturePresent(PF_COMPARE_EXCHANGE128);

    /* Intrinsics. */
    ULONG Index;
    LONG Bits[2] = {0, 0};
    LONG64 Bits64 = 0;
    volatile LONG64 Wide[2] = {0, 0};
    LONG64 Comparand[2] = {0, 0};
    SHORT volatile Short = 0;
    CHAR volatile Byte = 0;
    PVOID volatile Slot = NULL;
    Sum += _BitScanForward(&Index, 0x10) + Index + _BitScanReverse64(&Index, 1ULL << 40);
    Sum += BitScanReverse(&Index, 1) + _bittest(Bits, 33) + _bittestandset(Bits, 33) +
           _bittestandreset(Bits, 33) + _bittestandcomplement(Bits, 1) +
           _bittestandset64(&Bits64, 3) + BitTest64(&Bits64, 3);
    Sum += (ULONG64)_InterlockedIncrement16(&Short) + (ULONG64)InterlockedExchange8(&Byte, 1) +
           (ULONG64)_InterlockedCompareExchange128(Wide, 1, 2, Comparand) +
           (ULONG64)InterlockedCompareExchange64((LONG64 volatile *)&Wide[0], 3, 2) +
           (ULONG64)(ULONG_PTR)InterlockedExchangePointer(&Slot, Buffer) +
           (ULONG64)InterlockedBitTestAndSet(Bits, 40);
    __stosb((PUCHAR)Buffer, 0, 8);
    __stosq((unsigned __int64 *)Buffer, 0, 1);
    __movsb((PUCHAR)Buffer, (const unsigned char *)&Sum, 8);
    Sum += _byteswap_ulong(0x11223344u) + _byteswap_ushort(0x1122) + _byteswap_uint64(1) +
           _rotl(1u, 33) + _rotr64(1ULL, 1) + __popcnt(0xFFu) + __popcnt64(3) + __popcnt16(1);
    _mm_pause();
    YieldProcessor();
    _mm_prefetch((const char *)Buffer, _MM_HINT_T0);
    _ReadWriteBarrier();
    MemoryBarrier();
    KeMemoryBarrier();
    if (Sum == 0) {
        __debugbreak();
    }
    return Sum + ShapesStaticCaller(1);
}
