/*
 * ntintsafe.h - <ntintsafe.h> for driver code (realdrv3): the WDK's checked
 * integer arithmetic and conversions (Rtl<Type>Add/Sub/Mult,
 * Rtl<Type>To<Type>), as Microsoft's ntintsafe.h pages document them:
 * STATUS_SUCCESS with the exact result, or STATUS_INTEGER_OVERFLOW with the
 * destination type's error value in *Result (all bits set: ULONG_ERROR,
 * SIZET_ERROR, ... and -1 for signed types). Any IRQL.
 *
 * The forms drivers use (42 includes in the corpora of tests/realworld/, most
 * for RtlULongAdd and RtlULongMult); the BYTE, WORD and DWORD forms are
 * absent, as those types are (docs/wdk-surface.md): a call names itself in
 * the compile error. Written with the compilers' overflow builtins.
 */
#ifndef _NTINTSAFE_H_INCLUDED_
#define _NTINTSAFE_H_INCLUDED_

#include "wdm.h"

#define USHORT_ERROR    ((USHORT)0xffff)
#define UINT_ERROR      0xffffffffU
#define ULONG_ERROR     0xffffffffUL
#define ULONGLONG_ERROR 0xffffffffffffffffULL
#define ULONG_PTR_ERROR ((ULONG_PTR)-1)
#define SIZET_ERROR     ((SIZE_T)-1)
#define INT_ERROR       (-1)
#define LONG_ERROR      (-1L)
#define LONGLONG_ERROR  (-1LL)

/* A conversion is the addition of 0 into the destination type. */
#define MMSIM_INTSAFE_CONV(Name, Source, Dest)                                     \
    static inline NTSTATUS Rtl##Name(_In_ Source Operand, _Out_ Dest *Result)      \
    {                                                                              \
        if (__builtin_add_overflow(Operand, 0, Result)) {                          \
            *Result = (Dest)-1;                                                    \
            return STATUS_INTEGER_OVERFLOW;                                        \
        }                                                                          \
        return STATUS_SUCCESS;                                                     \
    }
#define MMSIM_INTSAFE_MATH(Name, Type, Builtin)                                    \
    static inline NTSTATUS Rtl##Name(_In_ Type Augend, _In_ Type Addend,           \
                                     _Out_ Type *Result)                           \
    {                                                                              \
        if (Builtin(Augend, Addend, Result)) {                                     \
            *Result = (Type)-1;                                                    \
            return STATUS_INTEGER_OVERFLOW;                                        \
        }                                                                          \
        return STATUS_SUCCESS;                                                     \
    }
#define MMSIM_INTSAFE_ARITH(Stem, Type)                                            \
    MMSIM_INTSAFE_MATH(Stem##Add, Type, __builtin_add_overflow)                    \
    MMSIM_INTSAFE_MATH(Stem##Sub, Type, __builtin_sub_overflow)                    \
    MMSIM_INTSAFE_MATH(Stem##Mult, Type, __builtin_mul_overflow)

MMSIM_INTSAFE_ARITH(UShort, USHORT)
MMSIM_INTSAFE_ARITH(UInt, UINT)
MMSIM_INTSAFE_ARITH(ULong, ULONG)
MMSIM_INTSAFE_ARITH(ULongLong, ULONGLONG)
MMSIM_INTSAFE_ARITH(UIntPtr, UINT_PTR)
MMSIM_INTSAFE_ARITH(ULongPtr, ULONG_PTR)
MMSIM_INTSAFE_ARITH(SizeT, SIZE_T)
MMSIM_INTSAFE_ARITH(Int, INT)
MMSIM_INTSAFE_ARITH(Long, LONG)
MMSIM_INTSAFE_ARITH(LongLong, LONGLONG)
MMSIM_INTSAFE_ARITH(LongPtr, LONG_PTR)

MMSIM_INTSAFE_CONV(UShortToShort, USHORT, SHORT)
MMSIM_INTSAFE_CONV(ShortToUShort, SHORT, USHORT)
MMSIM_INTSAFE_CONV(UIntToUShort, UINT, USHORT)
MMSIM_INTSAFE_CONV(UIntToInt, UINT, INT)
MMSIM_INTSAFE_CONV(UIntToLong, UINT, LONG)
MMSIM_INTSAFE_CONV(IntToUShort, INT, USHORT)
MMSIM_INTSAFE_CONV(IntToUInt, INT, UINT)
MMSIM_INTSAFE_CONV(IntToULong, INT, ULONG)
MMSIM_INTSAFE_CONV(IntToULongLong, INT, ULONGLONG)
MMSIM_INTSAFE_CONV(IntToSizeT, INT, SIZE_T)
MMSIM_INTSAFE_CONV(ULongToUShort, ULONG, USHORT)
MMSIM_INTSAFE_CONV(ULongToUInt, ULONG, UINT)
MMSIM_INTSAFE_CONV(ULongToInt, ULONG, INT)
MMSIM_INTSAFE_CONV(ULongToLong, ULONG, LONG)
MMSIM_INTSAFE_CONV(LongToUShort, LONG, USHORT)
MMSIM_INTSAFE_CONV(LongToUInt, LONG, UINT)
MMSIM_INTSAFE_CONV(LongToULong, LONG, ULONG)
MMSIM_INTSAFE_CONV(LongToInt, LONG, INT)
MMSIM_INTSAFE_CONV(LongToULongLong, LONG, ULONGLONG)
MMSIM_INTSAFE_CONV(LongToSizeT, LONG, SIZE_T)
MMSIM_INTSAFE_CONV(ULongLongToUShort, ULONGLONG, USHORT)
MMSIM_INTSAFE_CONV(ULongLongToUInt, ULONGLONG, UINT)
MMSIM_INTSAFE_CONV(ULongLongToULong, ULONGLONG, ULONG)
MMSIM_INTSAFE_CONV(ULongLongToLong, ULONGLONG, LONG)
MMSIM_INTSAFE_CONV(ULongLongToLongLong, ULONGLONG, LONGLONG)
MMSIM_INTSAFE_CONV(ULongLongToSizeT, ULONGLONG, SIZE_T)
MMSIM_INTSAFE_CONV(ULongLongToULongPtr, ULONGLONG, ULONG_PTR)
MMSIM_INTSAFE_CONV(LongLongToUInt, LONGLONG, UINT)
MMSIM_INTSAFE_CONV(LongLongToULong, LONGLONG, ULONG)
MMSIM_INTSAFE_CONV(LongLongToLong, LONGLONG, LONG)
MMSIM_INTSAFE_CONV(LongLongToInt, LONGLONG, INT)
MMSIM_INTSAFE_CONV(LongLongToULongLong, LONGLONG, ULONGLONG)
MMSIM_INTSAFE_CONV(LongLongToSizeT, LONGLONG, SIZE_T)
MMSIM_INTSAFE_CONV(SizeTToUShort, SIZE_T, USHORT)
MMSIM_INTSAFE_CONV(SizeTToUInt, SIZE_T, UINT)
MMSIM_INTSAFE_CONV(SizeTToUInt32, SIZE_T, UINT32)
MMSIM_INTSAFE_CONV(SizeTToULong, SIZE_T, ULONG)
MMSIM_INTSAFE_CONV(SizeTToInt, SIZE_T, INT)
MMSIM_INTSAFE_CONV(SizeTToLong, SIZE_T, LONG)
MMSIM_INTSAFE_CONV(ULongPtrToULong, ULONG_PTR, ULONG)
MMSIM_INTSAFE_CONV(ULongPtrToUInt, ULONG_PTR, UINT)
MMSIM_INTSAFE_CONV(ULongPtrToLong, ULONG_PTR, LONG)
MMSIM_INTSAFE_CONV(LongPtrToULong, LONG_PTR, ULONG)
MMSIM_INTSAFE_CONV(LongPtrToLong, LONG_PTR, LONG)
MMSIM_INTSAFE_CONV(UIntPtrToUInt, UINT_PTR, UINT)

#undef MMSIM_INTSAFE_ARITH
#undef MMSIM_INTSAFE_MATH
#undef MMSIM_INTSAFE_CONV

#endif /* _NTINTSAFE_H_INCLUDED_ */
