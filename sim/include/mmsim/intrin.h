/*
 * mmsim/intrin.h - the MSVC intrinsics driver code calls, for gcc and clang
 * (<intrin.h>; <wdm.h> includes it, as the WDK's headers make them
 * available to every driver file). The `_Interlocked*` family is in wdm.h.
 *
 * Semantics are MSVC's (learn.microsoft.com "Compiler intrinsics"), with
 * Windows' LLP64 types: `long` there is LONG (32-bit) here. On x86-64 the
 * compiler's own <immintrin.h> supplies `_mm_*` (`_mm_pause`,
 * `_mm_prefetch`, fences, SSE) and `__rdtsc`, as MSVC's <intrin.h> does.
 */
#ifndef MMSIM_INTRIN_H_
#define MMSIM_INTRIN_H_

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Bit scans: the index of the lowest (Forward) or highest (Reverse) set
 * bit in *Index; 0 and *Index undefined (left unchanged) when Mask is 0. */
FORCEINLINE UCHAR _BitScanForward(_Out_ ULONG *Index, _In_ ULONG Mask)
{
    if (Mask == 0) {
        return 0;
    }
    *Index = (ULONG)__builtin_ctz(Mask);
    return 1;
}
FORCEINLINE UCHAR _BitScanReverse(_Out_ ULONG *Index, _In_ ULONG Mask)
{
    if (Mask == 0) {
        return 0;
    }
    *Index = 31u - (ULONG)__builtin_clz(Mask);
    return 1;
}
FORCEINLINE UCHAR _BitScanForward64(_Out_ ULONG *Index, _In_ ULONG64 Mask)
{
    if (Mask == 0) {
        return 0;
    }
    *Index = (ULONG)__builtin_ctzll(Mask);
    return 1;
}
FORCEINLINE UCHAR _BitScanReverse64(_Out_ ULONG *Index, _In_ ULONG64 Mask)
{
    if (Mask == 0) {
        return 0;
    }
    *Index = 63u - (ULONG)__builtin_clzll(Mask);
    return 1;
}
#define BitScanForward _BitScanForward
#define BitScanReverse _BitScanReverse
#define BitScanForward64 _BitScanForward64
#define BitScanReverse64 _BitScanReverse64

/* Bit tests: bit b of the bit string at a (b may exceed the width of one
 * element; negative b reaches below a); the previous value is returned. */
#define MMSIM_BITTEST(Name, Type, UType, Bits, Op)                                  \
    FORCEINLINE UCHAR Name(_Inout_ Type *a, _In_ Type b)                            \
    {                                                                               \
        Type *Word = a + (b >> (Bits == 32 ? 5 : 6));                               \
        UType Bit = (UType)1 << (b & (Bits - 1));                                   \
        UCHAR Old = (UCHAR)(((UType)*Word & Bit) != 0);                             \
        Op;                                                                         \
        return Old;                                                                 \
    }
MMSIM_BITTEST(_bittestandset, LONG, ULONG, 32, *Word = (LONG)((ULONG)*Word | Bit))
MMSIM_BITTEST(_bittestandreset, LONG, ULONG, 32, *Word = (LONG)((ULONG)*Word & ~Bit))
MMSIM_BITTEST(_bittestandcomplement, LONG, ULONG, 32, *Word = (LONG)((ULONG)*Word ^ Bit))
MMSIM_BITTEST(_bittestandset64, LONG64, ULONG64, 64, *Word = (LONG64)((ULONG64)*Word | Bit))
MMSIM_BITTEST(_bittestandreset64, LONG64, ULONG64, 64, *Word = (LONG64)((ULONG64)*Word & ~Bit))
MMSIM_BITTEST(_bittestandcomplement64, LONG64, ULONG64, 64,
              *Word = (LONG64)((ULONG64)*Word ^ Bit))
#undef MMSIM_BITTEST
FORCEINLINE UCHAR _bittest(_In_ const LONG *a, _In_ LONG b)
{
    return (UCHAR)((((ULONG)a[b >> 5]) >> (b & 31)) & 1);
}
FORCEINLINE UCHAR _bittest64(_In_ const LONG64 *a, _In_ LONG64 b)
{
    return (UCHAR)((((ULONG64)a[b >> 6]) >> (b & 63)) & 1);
}
#define BitTest _bittest
#define BitTestAndSet _bittestandset
#define BitTestAndReset _bittestandreset
#define BitTestAndComplement _bittestandcomplement
#define BitTest64 _bittest64
#define BitTestAndSet64 _bittestandset64
#define BitTestAndReset64 _bittestandreset64
#define BitTestAndComplement64 _bittestandcomplement64

/* Byte swaps, rotations, population counts. mingw-w64's <stdlib.h>
 * declares the byte swaps and rotations itself (Windows host builds). */
#if defined(__MINGW32__)
#include <stdlib.h>
#else
FORCEINLINE USHORT _byteswap_ushort(_In_ USHORT Value)
{
    return __builtin_bswap16(Value);
}
FORCEINLINE ULONG _byteswap_ulong(_In_ ULONG Value)
{
    return __builtin_bswap32(Value);
}
FORCEINLINE ULONG64 _byteswap_uint64(_In_ ULONG64 Value)
{
    return __builtin_bswap64(Value);
}
/* gcc's and clang's x86 headers define _rotl/_rotr with MSVC's meaning
 * (32-bit); _lrotl/_lrotr take MSVC's 32-bit unsigned long here. */
#ifndef _rotl
FORCEINLINE unsigned int _rotl(_In_ unsigned int Value, _In_ int Shift)
{
    Shift &= 31;
    return Shift == 0 ? Value : (Value << Shift) | (Value >> (32 - Shift));
}
#endif
#ifndef _rotr
FORCEINLINE unsigned int _rotr(_In_ unsigned int Value, _In_ int Shift)
{
    Shift &= 31;
    return Shift == 0 ? Value : (Value >> Shift) | (Value << (32 - Shift));
}
#endif
#undef _lrotl
#undef _lrotr
#define _lrotl(Value, Shift) ((ULONG)_rotl((ULONG)(Value), (Shift)))
#define _lrotr(Value, Shift) ((ULONG)_rotr((ULONG)(Value), (Shift)))
FORCEINLINE unsigned __int64 _rotl64(_In_ unsigned __int64 Value, _In_ int Shift)
{
    Shift &= 63;
    return Shift == 0 ? Value : (Value << Shift) | (Value >> (64 - Shift));
}
FORCEINLINE unsigned __int64 _rotr64(_In_ unsigned __int64 Value, _In_ int Shift)
{
    Shift &= 63;
    return Shift == 0 ? Value : (Value >> Shift) | (Value << (64 - Shift));
}
#endif /* !__MINGW32__ */
FORCEINLINE unsigned char _rotl8(_In_ unsigned char Value, _In_ unsigned char Shift)
{
    Shift &= 7;
    return (unsigned char)(Shift == 0 ? Value : (Value << Shift) | (Value >> (8 - Shift)));
}
FORCEINLINE unsigned char _rotr8(_In_ unsigned char Value, _In_ unsigned char Shift)
{
    Shift &= 7;
    return (unsigned char)(Shift == 0 ? Value : (Value >> Shift) | (Value << (8 - Shift)));
}
FORCEINLINE unsigned short _rotl16(_In_ unsigned short Value, _In_ unsigned char Shift)
{
    Shift &= 15;
    return (unsigned short)(Shift == 0 ? Value : (Value << Shift) | (Value >> (16 - Shift)));
}
FORCEINLINE unsigned short _rotr16(_In_ unsigned short Value, _In_ unsigned char Shift)
{
    Shift &= 15;
    return (unsigned short)(Shift == 0 ? Value : (Value >> Shift) | (Value << (16 - Shift)));
}
FORCEINLINE unsigned short __popcnt16(_In_ unsigned short Value)
{
    return (unsigned short)__builtin_popcount(Value);
}
FORCEINLINE unsigned int __popcnt(_In_ unsigned int Value)
{
    return (unsigned int)__builtin_popcount(Value);
}
FORCEINLINE unsigned __int64 __popcnt64(_In_ unsigned __int64 Value)
{
    return (unsigned __int64)__builtin_popcountll(Value);
}

/* String stores and moves: Count elements, ascending (rep stos / rep movs). */
#define MMSIM_STOS_MOVS(Suffix, Type)                                                   \
    FORCEINLINE VOID __stos##Suffix(_Out_writes_all_(Count) Type *Destination,          \
                                    _In_ Type Data, _In_ SIZE_T Count)                  \
    {                                                                                   \
        for (SIZE_T i = 0; i < Count; i++) {                                            \
            Destination[i] = Data;                                                      \
        }                                                                               \
    }                                                                                   \
    FORCEINLINE VOID __movs##Suffix(_Out_writes_all_(Count) Type *Destination,          \
                                    _In_reads_(Count) Type const *Source,               \
                                    _In_ SIZE_T Count)                                  \
    {                                                                                   \
        for (SIZE_T i = 0; i < Count; i++) {                                            \
            Destination[i] = Source[i];                                                 \
        }                                                                               \
    }
MMSIM_STOS_MOVS(b, unsigned char)
MMSIM_STOS_MOVS(w, unsigned short)
MMSIM_STOS_MOVS(d, ULONG)
MMSIM_STOS_MOVS(q, unsigned __int64)
#undef MMSIM_STOS_MOVS

/* 8- and 16-bit exchange-add and the 128-bit compare-exchange (x64 has
 * CMPXCHG16B; Destination must be 16-byte aligned). */
FORCEINLINE CHAR _InterlockedExchangeAdd8(_Inout_ _Interlocked_operand_ CHAR volatile *Addend,
                                          _In_ CHAR Value)
{
    return __atomic_fetch_add(Addend, Value, __ATOMIC_SEQ_CST);
}
FORCEINLINE SHORT _InterlockedExchangeAdd16(
    _Inout_ _Interlocked_operand_ SHORT volatile *Addend, _In_ SHORT Value)
{
    return __atomic_fetch_add(Addend, Value, __ATOMIC_SEQ_CST);
}
#if defined(__x86_64__)
FORCEINLINE UCHAR _InterlockedCompareExchange128(
    _Inout_ _Interlocked_operand_ LONG64 volatile *Destination, _In_ LONG64 ExchangeHigh,
    _In_ LONG64 ExchangeLow, _Inout_ LONG64 *ComparandResult)
{
    UCHAR Equal;
    __asm__ __volatile__("lock cmpxchg16b %1\n\tsetz %0"
                         : "=q"(Equal), "+m"(*Destination), "+a"(ComparandResult[0]),
                           "+d"(ComparandResult[1])
                         : "b"(ExchangeLow), "c"(ExchangeHigh)
                         : "memory", "cc");
    return Equal;
}
#define InterlockedCompareExchange128 _InterlockedCompareExchange128
#endif

/* Barriers and the break-in. _ReadWriteBarrier and MemoryBarrier are in
 * wdm.h with the Interlocked family. A breakpoint with no kernel debugger
 * attached is an unhandled STATUS_BREAKPOINT exception: ExRaiseStatus
 * raises it (0x1E if nothing handles it). survey33: an attached debugger
 * (SimSetKernelDebugger) takes it first and continues (sim/ke/kd.c). */
BOOLEAN MmsimKdBreakIn(VOID);
#define __debugbreak() (MmsimKdBreakIn() ? (void)0 : ExRaiseStatus(STATUS_BREAKPOINT))
#define __nop() ((void)0)
#if !defined(__x86_64__)
#define _mm_pause() MmsimYieldProcessor()
#define _mm_prefetch(p, i) __builtin_prefetch((const void *)(p), 0, 3)
#define _MM_HINT_T0 3
#define _MM_HINT_T1 2
#define _MM_HINT_T2 1
#define _MM_HINT_NTA 0
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_INTRIN_H_ */
