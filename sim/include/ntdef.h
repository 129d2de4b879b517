/*
 * ntdef.h - mmsim's <ntdef.h>: the base types every WDK header builds on
 * (with basetsd.h's), LARGE_INTEGER, limits, FIELD_OFFSET and friends, list
 * and string types, the MSVC dialect that gcc and clang can express, and
 * the NTDDI_ / _WIN32_WINNT_ version constants (sdkddkver.h). <wdm.h>
 * includes it first, as the WDK's does; a driver may include it alone.
 *
 * Shapes follow the WDK (docs/wdk-surface.md, "Shapes"): member order,
 * types and macro semantics as Microsoft documents them, checked against an
 * independent header set (mingw-w64's) by tests/shapes/.
 */
#ifndef _NTDEF_
#define _NTDEF_

#include <stddef.h>

#include "mmsim/sal.h"

/* realdrv3: the target architecture's macro, which a WDK build defines on
 * the compiler's command line (MSBuild's x64 platform: _AMD64_) and driver
 * files test (`#if defined(_AMD64_)`); mingw-w64's ntdef.h derives it from
 * the compiler likewise. _WIN64 and _WIN32 stay the host compiler's: they
 * select Windows code paths in the host's own headers. */
#if defined(__x86_64__) && !defined(_AMD64_) && !defined(_X86_)
#define _AMD64_
#endif
#if defined(__aarch64__) && !defined(_ARM64_)
#define _ARM64_
#endif

/* ------------------------------------------------------------------------ */
/* MSVC dialect, as gcc and clang can express it (each only if the host's    */
/* own headers, e.g. mingw-w64's, have not defined it already).             */
/* ------------------------------------------------------------------------ */
/* __int8 ... __int64: mmsim/sal.h (included above), where a driver header
 * may use them after <sal.h> alone. */
/* x64 has one calling convention: MSVC ignores these there. */
#ifndef __cdecl
#define __cdecl
#endif
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __fastcall
#define __fastcall
#endif
#ifndef __thiscall
#define __thiscall
#endif
#ifndef __vectorcall
#define __vectorcall
#endif
#ifndef __unaligned
#define __unaligned
#endif
#ifndef __ptr64
#define __ptr64
#endif
#ifndef __w64
#define __w64
#endif
/* __forceinline: inline with external linkage, always inlined (MSVC's C
 * semantics: `static __forceinline` and plain `__forceinline` both work).
 * The header's own inline routines have out-of-line definitions in the
 * library (sim/ke/wdk_inline.c), for a driver that takes their address. */
#if defined(MMSIM_EMIT_INLINE_DEFINITIONS) && !defined(__cplusplus)
#define MMSIM_FORCEINLINE extern __inline__ __attribute__((__always_inline__))
#else
#define MMSIM_FORCEINLINE __inline__ __attribute__((__always_inline__))
#endif
#ifndef __forceinline
#define __forceinline MMSIM_FORCEINLINE
#endif
/* __declspec(x): each supported x maps to its GNU attribute; any other is a
 * compile error naming MMSIM_DECLSPEC_x (never silently dropped). */
#ifndef __declspec
#define __declspec(x) MMSIM_DECLSPEC_##x
#endif
#define MMSIM_DECLSPEC_noinline __attribute__((__noinline__))
#define MMSIM_DECLSPEC_noreturn __attribute__((__noreturn__))
#define MMSIM_DECLSPEC_align(n) __attribute__((__aligned__(n)))
#define MMSIM_DECLSPEC_selectany __attribute__((__weak__))
#define MMSIM_DECLSPEC_dllimport
#define MMSIM_DECLSPEC_dllexport __attribute__((__visibility__("default")))
#define MMSIM_DECLSPEC_nothrow __attribute__((__nothrow__))
#define MMSIM_DECLSPEC_novtable
#define MMSIM_DECLSPEC_noalias
#define MMSIM_DECLSPEC_restrict
#define MMSIM_DECLSPEC_safebuffers
#define MMSIM_DECLSPEC_deprecated __attribute__((__deprecated__))
#define MMSIM_DECLSPEC_thread __thread
#define MMSIM_DECLSPEC_allocate(s)
#define MMSIM_DECLSPEC_code_seg(s)

/* ------------------------------------------------------------------------ */
/* Calling conventions and declaration specifiers (x64: one ABI, no-ops).   */
/* ------------------------------------------------------------------------ */
#ifndef NTAPI
#define NTAPI
#endif
#ifndef NTKERNELAPI
#define NTKERNELAPI
#endif
#ifndef NTHALAPI
#define NTHALAPI
#endif
#ifndef NTSYSAPI
#define NTSYSAPI
#endif
#ifndef FASTCALL
#define FASTCALL
#endif
#ifndef DECLSPEC_NORETURN
#if defined(__cplusplus)
#define DECLSPEC_NORETURN [[noreturn]]
#else
#define DECLSPEC_NORETURN _Noreturn
#endif
#endif
/* (MMSIM_FORCEINLINE, not __forceinline: a Windows host's own
 * __forceinline, mingw-w64's, is GNU extern inline, which never emits the
 * library's out-of-line definitions.) */
#ifndef FORCEINLINE
#define FORCEINLINE MMSIM_FORCEINLINE
#endif
#ifndef NTSYSCALLAPI
#define NTSYSCALLAPI
#endif
#ifndef DECLSPEC_NOINLINE
#define DECLSPEC_NOINLINE __attribute__((__noinline__))
#endif
#ifndef DECLSPEC_SELECTANY
#define DECLSPEC_SELECTANY __declspec(selectany)
#endif
#ifndef DECLSPEC_IMPORT
#define DECLSPEC_IMPORT
#endif
#ifndef DECLSPEC_EXPORT
#define DECLSPEC_EXPORT
#endif
#ifndef DECLSPEC_CACHEALIGN
#define DECLSPEC_CACHEALIGN DECLSPEC_ALIGN(64)
#endif
#ifndef DECLSPEC_NOTHROW
#define DECLSPEC_NOTHROW __attribute__((__nothrow__))
#endif
#ifndef NTAPI_INLINE
#define NTAPI_INLINE NTAPI
#endif
#ifndef RESTRICTED_POINTER
#define RESTRICTED_POINTER
#endif
#ifndef UNALIGNED
#define UNALIGNED
#endif
#ifndef UNALIGNED64
#define UNALIGNED64
#endif
#ifndef POINTER_64
#define POINTER_64
#define POINTER_32
#define POINTER_SIGNED
#define POINTER_UNSIGNED
#endif
#ifndef DECLSPEC_ALIGN
#define DECLSPEC_ALIGN(x) __attribute__((aligned(x)))
#endif
#ifndef CDECL
#define CDECL
#endif
#ifndef VOID
#define VOID void
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef ANYSIZE_ARRAY
#define ANYSIZE_ARRAY 1
#endif

/* ------------------------------------------------------------------------ */
/* Basic types (LLP64).                                                     */
/* ------------------------------------------------------------------------ */
typedef char CHAR, *PCHAR, *LPCH, *PCH;
typedef signed char CCHAR;
typedef unsigned char UCHAR, *PUCHAR;
typedef short SHORT, *PSHORT;
typedef short CSHORT;
typedef unsigned short USHORT, *PUSHORT;
/* LLP64: LONG and ULONG are 32-bit (the host's `int`, never its `long`). */
typedef int LONG, *PLONG;
typedef unsigned int ULONG, *PULONG;
typedef ULONG CLONG;
typedef int INT, *PINT;
typedef unsigned int UINT, *PUINT;
typedef __int64 LONGLONG, *PLONGLONG;
typedef unsigned __int64 ULONGLONG, *PULONGLONG;

/* basetsd.h: fixed-width and pointer-sized integers (x64). No BYTE, WORD or
 * DWORD: the WDK's kernel headers do not define them (minwindef.h does). */
typedef signed char INT8, *PINT8;
typedef signed short INT16, *PINT16;
typedef signed int INT32, *PINT32;
typedef signed __int64 INT64, *PINT64;
typedef unsigned char UINT8, *PUINT8;
typedef unsigned short UINT16, *PUINT16;
typedef unsigned int UINT32, *PUINT32;
typedef unsigned __int64 UINT64, *PUINT64;
typedef signed int LONG32, *PLONG32;
typedef unsigned int ULONG32, *PULONG32;
typedef unsigned int DWORD32, *PDWORD32;
typedef __int64 LONG64, *PLONG64;
typedef unsigned __int64 ULONG64, *PULONG64;
typedef unsigned __int64 DWORD64, *PDWORD64;
typedef __int64 INT_PTR, *PINT_PTR;
typedef unsigned __int64 UINT_PTR, *PUINT_PTR;
typedef __int64 LONG_PTR, *PLONG_PTR;
typedef unsigned __int64 ULONG_PTR, *PULONG_PTR;
typedef ULONG_PTR DWORD_PTR, *PDWORD_PTR;
typedef int HALF_PTR, *PHALF_PTR;
typedef unsigned int UHALF_PTR, *PUHALF_PTR;
typedef ULONG_PTR SIZE_T, *PSIZE_T;
typedef LONG_PTR SSIZE_T, *PSSIZE_T;
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;
#define MAXUINT_PTR  (~((UINT_PTR)0))
#define MAXINT_PTR   ((INT_PTR)(MAXUINT_PTR >> 1))
#define MININT_PTR   (~MAXINT_PTR)
#define MAXUHALF_PTR ((UHALF_PTR)~0)
#define MAXHALF_PTR  ((HALF_PTR)(MAXUHALF_PTR >> 1))
#define MINHALF_PTR  (~MAXHALF_PTR)
#define MAXINT8   ((INT8)0x7f)
#define MININT8   ((INT8)0x80)
#define MAXUINT8  ((UINT8)0xff)
#define MAXINT16  ((INT16)0x7fff)
#define MININT16  ((INT16)0x8000)
#define MAXUINT16 ((UINT16)0xffff)
#define MAXINT32  ((INT32)0x7fffffff)
#define MININT32  ((INT32)0x80000000)
#define MAXUINT32 ((UINT32)0xffffffff)
#define MAXINT64  ((INT64)0x7fffffffffffffff)
#define MININT64  ((INT64)0x8000000000000000)
#define MAXUINT64 ((UINT64)0xffffffffffffffff)
#define MAXULONG32 ((ULONG32)~((ULONG32)0))
#define MAXLONG32  ((LONG32)(MAXULONG32 >> 1))
#define MINLONG32  ((LONG32)~MAXLONG32)
#define MAXULONG64 ((ULONG64)~((ULONG64)0))
#define MAXLONG64  ((LONG64)(MAXULONG64 >> 1))
#define MINLONG64  ((LONG64)~MAXLONG64)
#define HandleToULong(h) ((ULONG)(ULONG_PTR)(h))
#define HandleToLong(h)  ((LONG)(LONG_PTR)(h))
#define ULongToHandle(ul) ((HANDLE)(ULONG_PTR)(ul))
#define LongToHandle(h)   ((HANDLE)(LONG_PTR)(h))
#define PtrToUlong(p)  ((ULONG)(ULONG_PTR)(p))
#define PtrToLong(p)   ((LONG)(LONG_PTR)(p))
#define PtrToUint(p)   ((UINT)(UINT_PTR)(p))
#define PtrToInt(p)    ((INT)(INT_PTR)(p))
#define PtrToUshort(p) ((unsigned short)(ULONG_PTR)(p))
#define PtrToShort(p)  ((short)(LONG_PTR)(p))
#define IntToPtr(i)    ((VOID *)(INT_PTR)((int)(i)))
#define UIntToPtr(ui)  ((VOID *)(UINT_PTR)((unsigned int)(ui)))
#define LongToPtr(l)   ((VOID *)(LONG_PTR)((LONG)(l)))
#define ULongToPtr(ul) ((VOID *)(ULONG_PTR)((ULONG)(ul)))
#define PtrToPtr64(p)  ((void *)(p))
#define Ptr64ToPtr(p)  ((void *)(p))
/* The WDK's basetsd.h spellings with a lowercase 'l' / 'i' (KDevMon's and KDetector's HandleToUlong). */
#define HandleToUlong(h) HandleToULong(h)
#define UlongToHandle(ul) ULongToHandle(ul)
#define UlongToPtr(ul) ULongToPtr(ul)
#define UintToPtr(ui) UIntToPtr(ui)
typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef void *PVOID, **PPVOID, *PVOID64;
typedef const void *PCVOID;
typedef PVOID HANDLE, *PHANDLE;
typedef CHAR *PSTR, *PSZ;
typedef const CHAR *PCSTR, *PCSZ;
/* Host wchar_t (see the deviation note above). */
typedef wchar_t WCHAR, *PWCHAR, *PWCH, *PWSTR;
typedef const WCHAR *PCWCH, *PCWSTR;
typedef LONG NTSTATUS, *PNTSTATUS;
typedef ULONG LOGICAL, *PLOGICAL;
typedef ULONG_PTR PFN_NUMBER, *PPFN_NUMBER;
typedef ULONG PFN_COUNT;
typedef UCHAR KIRQL, *PKIRQL;
typedef CCHAR KPROCESSOR_MODE;
typedef ULONG64 POOL_FLAGS;
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;
typedef LONG KPRIORITY;
#define IO_NO_INCREMENT 0 /* KeSetEvent / IoCompleteRequest priority boost */
typedef ULONG ACCESS_MASK;

#ifndef DUMMYSTRUCTNAME
#define DUMMYSTRUCTNAME
#endif
#ifndef DUMMYUNIONNAME
#define DUMMYUNIONNAME
#endif

/* LARGE_INTEGER and ULARGE_INTEGER in the WDK's member order, in C and C++
 * alike: the unnamed {LowPart, HighPart} struct first, `u` second, QuadPart
 * last. So `= {0}`, `= {Low, High}`, `= {{Low, High}}` and
 * `= {.QuadPart = X}` (C) initialise as with MSVC. The unnamed struct is
 * standard C11 but a GNU extension in C++ (-Wpedantic): the warning is
 * silenced here, around the type, as the WDK's order is the point. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif
#endif
typedef union _LARGE_INTEGER {
    struct {
        ULONG LowPart;
        LONG HighPart;
    } DUMMYSTRUCTNAME;
    struct {
        ULONG LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct {
        ULONG LowPart;
        ULONG HighPart;
    } DUMMYSTRUCTNAME;
    struct {
        ULONG LowPart;
        ULONG HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

/* Warnings at the initialiser, not at the type, so push/pop around the type
 * cannot reach them: MSVC accepts these forms silently, and so does a driver
 * file here, from this point of the translation unit on.
 *  - `{Low, High}` (brace elision into the unnamed struct): -Wmissing-braces;
 *  - C++ `= {0}` (HighPart left to zero-initialisation):
 *    -Wmissing-field-initializers;
 *  - `{~0UL, ~0L}`: `unsigned long` is 32-bit on Windows (LLP64) but 64-bit
 *    on an LP64 host, so the constant is truncated to the ULONG's 32 bits,
 *    the value MSVC gets: -Woverflow (C), -Wconstant-conversion (clang),
 *    C++ narrowing of a constant.
 * The simulator's own sources (MMSIM_BUILDING_SIM) keep every warning. */
#if defined(__GNUC__) && !defined(MMSIM_BUILDING_SIM)
#pragma GCC diagnostic ignored "-Wmissing-braces"
#if defined(__cplusplus)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wc++11-narrowing"
#else
#pragma GCC diagnostic ignored "-Wnarrowing"
#endif
#endif
#pragma GCC diagnostic ignored "-Woverflow"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wconstant-conversion"
#endif
#endif

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

#define MINCHAR   0x80
#define MAXCHAR   0x7f
#define MINSHORT  0x8000
#define MAXSHORT  0x7fff
#define MINLONG   0x80000000
#define MAXLONG   0x7fffffff
#define MAXUCHAR  0xff
#define MAXUSHORT 0xffff
#define MAXULONG  0xffffffff
#define MAXLONGLONG  (0x7fffffffffffffffLL)
#define MAXULONGLONG (0xffffffffffffffffULL)
#define MAXULONG_PTR (~((ULONG_PTR)0))
#define MAXLONG_PTR  ((LONG_PTR)(MAXULONG_PTR >> 1))
#define MAXSIZE_T    ((SIZE_T)~((SIZE_T)0))

#define NT_SUCCESS(Status)     (((NTSTATUS)(Status)) >= 0)
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#define NT_WARNING(Status)     ((((ULONG)(Status)) >> 30) == 2)
#define NT_ERROR(Status)       ((((ULONG)(Status)) >> 30) == 3)

#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_NUMBER_OF(A) (sizeof(A) / sizeof((A)[0]))
#define ARRAYSIZE(A) RTL_NUMBER_OF(A)
#define CONTAINING_RECORD(address, type, field) \
    ((type *)((PCHAR)(address) - (ULONG_PTR)(&((type *)0)->field)))
#define ARGUMENT_PRESENT(ArgumentPointer) ((CHAR *)((ULONG_PTR)(ArgumentPointer)) != (CHAR *)NULL)
#define UNREFERENCED_PARAMETER(P) ((void)(P))
/* ntdef.h's min and max, which driver code uses; NOMINMAX turns them off as
 * with the WDK (C++ code that calls std::min after this header needs it). */
#ifndef NOMINMAX
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#endif
#define DBG_UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))
#if defined(__cplusplus)
#define C_ASSERT(e) static_assert(e, #e)
#else
#define C_ASSERT(e) _Static_assert(e, #e)
#endif

#define ALIGN_DOWN_BY(length, alignment) \
    ((ULONG_PTR)(length) & ~((ULONG_PTR)(alignment) - 1))
#define ALIGN_UP_BY(length, alignment) \
    (ALIGN_DOWN_BY(((ULONG_PTR)(length) + (alignment) - 1), alignment))
#define ALIGN_DOWN_POINTER_BY(address, alignment) \
    ((PVOID)((ULONG_PTR)(address) & ~((ULONG_PTR)(alignment) - 1)))
#define ALIGN_UP_POINTER_BY(address, alignment) \
    (ALIGN_DOWN_POINTER_BY(((ULONG_PTR)(address) + (alignment) - 1), alignment))
/* ------------------------------------------------------------------------ */
/* 64-bit products of 32-bit values (ntdef.h).                              */
/* ------------------------------------------------------------------------ */
#define Int32x32To64(a, b)   (((LONGLONG)((LONG)(a))) * ((LONGLONG)((LONG)(b))))
#define UInt32x32To64(a, b)  (((ULONGLONG)((unsigned int)(a))) * ((ULONGLONG)((unsigned int)(b))))
#define Int64ShllMod32(a, b) (((ULONGLONG)(a)) << (b))
#define Int64ShraMod32(a, b) (((LONGLONG)(a)) >> (b))
#define Int64ShrlMod32(a, b) (((ULONGLONG)(a)) >> (b))

/* ------------------------------------------------------------------------ */
/* List and string types (the inline list routines are in wdm.h).           */
/* ------------------------------------------------------------------------ */
typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY, *RESTRICTED_POINTER PRLIST_ENTRY;

typedef struct _SINGLE_LIST_ENTRY {
    struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    PWCH Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

typedef struct _STRING {
    USHORT Length;
    USHORT MaximumLength;
    PCHAR Buffer;
} STRING, ANSI_STRING, *PSTRING, *PANSI_STRING, OEM_STRING, *POEM_STRING;
typedef const STRING *PCSTRING, *PCANSI_STRING, *PCOEM_STRING;

/* RTL_CONSTANT_STRING(s): { length without the terminator, size, s } for a
 * narrow or wide literal, so it initialises an ANSI_STRING or a
 * UNICODE_STRING (C++ drops the literal's const, as the WDK's helper does). */
#if defined(__cplusplus)
extern "C++" {
template <class T, size_t N> inline T *MmsimConstantStringBuffer(const T (&s)[N])
{
    return const_cast<T *>(s);
}
}
#define RTL_CONSTANT_STRING(s) \
    { sizeof(s) - sizeof((s)[0]), sizeof(s), MmsimConstantStringBuffer(s) }
#else
#define RTL_CONSTANT_STRING(s) { sizeof(s) - sizeof((s)[0]), sizeof(s), (s) }
#endif

/* ------------------------------------------------------------------------ */
/* Versions (sdkddkver.h). A driver built without NTDDI_VERSION targets      */
/* the newest version, as the WDK's default does.                           */
/* ------------------------------------------------------------------------ */
#define _WIN32_WINNT_NT4          0x0400
#define _WIN32_WINNT_WIN2K        0x0500
#define _WIN32_WINNT_WINXP        0x0501
#define _WIN32_WINNT_WS03         0x0502
#define _WIN32_WINNT_WIN6         0x0600
#define _WIN32_WINNT_VISTA        0x0600
#define _WIN32_WINNT_WS08         0x0600
#define _WIN32_WINNT_LONGHORN     0x0600
#define _WIN32_WINNT_WIN7         0x0601
#define _WIN32_WINNT_WIN8         0x0602
#define _WIN32_WINNT_WINBLUE      0x0603
#define _WIN32_WINNT_WINTHRESHOLD 0x0A00
#define _WIN32_WINNT_WIN10        0x0A00

#define NTDDI_WIN2K        0x05000000
#define NTDDI_WIN2KSP1     0x05000100
#define NTDDI_WIN2KSP2     0x05000200
#define NTDDI_WIN2KSP3     0x05000300
#define NTDDI_WIN2KSP4     0x05000400
#define NTDDI_WINXP        0x05010000
#define NTDDI_WINXPSP1     0x05010100
#define NTDDI_WINXPSP2     0x05010200
#define NTDDI_WINXPSP3     0x05010300
#define NTDDI_WINXPSP4     0x05010400
#define NTDDI_WS03         0x05020000
#define NTDDI_WS03SP1      0x05020100
#define NTDDI_WS03SP2      0x05020200
#define NTDDI_WS03SP3      0x05020300
#define NTDDI_WS03SP4      0x05020400
#define NTDDI_WIN6         0x06000000
#define NTDDI_WIN6SP1      0x06000100
#define NTDDI_WIN6SP2      0x06000200
#define NTDDI_WIN6SP3      0x06000300
#define NTDDI_WIN6SP4      0x06000400
#define NTDDI_VISTA        NTDDI_WIN6
#define NTDDI_VISTASP1     NTDDI_WIN6SP1
#define NTDDI_VISTASP2     NTDDI_WIN6SP2
#define NTDDI_VISTASP3     NTDDI_WIN6SP3
#define NTDDI_VISTASP4     NTDDI_WIN6SP4
#define NTDDI_LONGHORN     NTDDI_VISTA
#define NTDDI_WS08         NTDDI_WIN6SP1
#define NTDDI_WS08SP2      NTDDI_WIN6SP2
#define NTDDI_WS08SP3      NTDDI_WIN6SP3
#define NTDDI_WS08SP4      NTDDI_WIN6SP4
#define NTDDI_WIN7         0x06010000
#define NTDDI_WIN8         0x06020000
#define NTDDI_WINBLUE      0x06030000
#define NTDDI_WINTHRESHOLD 0x0A000000
#define NTDDI_WIN10        0x0A000000
#define NTDDI_WIN10_TH2    0x0A000001
#define NTDDI_WIN10_RS1    0x0A000002
#define NTDDI_WIN10_RS2    0x0A000003
#define NTDDI_WIN10_RS3    0x0A000004
#define NTDDI_WIN10_RS4    0x0A000005
#define NTDDI_WIN10_RS5    0x0A000006
#define NTDDI_WIN10_19H1   0x0A000007
#define NTDDI_WIN10_VB     0x0A000008
#define NTDDI_WIN10_MN     0x0A000009
#define NTDDI_WIN10_FE     0x0A00000A
#define NTDDI_WIN10_CO     0x0A00000B
#define NTDDI_WIN10_NI     0x0A00000C
#define WDK_NTDDI_VERSION  NTDDI_WIN10_NI

#define OSVERSION_MASK  0xFFFF0000U
#define SPVERSION_MASK  0x0000FF00
#define SUBVERSION_MASK 0x000000FF
#define OSVER(Version)  ((Version) & OSVERSION_MASK)
#define SPVER(Version)  (((Version) & SPVERSION_MASK) >> 8)
#define SUBVER(Version) (((Version) & SUBVERSION_MASK))
#define NTDDI_VERSION_FROM_WIN32_WINNT2(Version) Version##0000
#define NTDDI_VERSION_FROM_WIN32_WINNT(Version)  NTDDI_VERSION_FROM_WIN32_WINNT2(Version)

#ifndef NTDDI_VERSION
#ifdef _WIN32_WINNT
#define NTDDI_VERSION NTDDI_VERSION_FROM_WIN32_WINNT(_WIN32_WINNT)
#else
#define NTDDI_VERSION WDK_NTDDI_VERSION
#endif
#endif
#ifndef _WIN32_WINNT
#define _WIN32_WINNT _WIN32_WINNT_WIN10
#endif
#ifndef WINVER
#define WINVER _WIN32_WINNT
#endif

/* realdrv: the remaining character-pointer names of ntdef.h (counted,
 * double-NUL and non-NUL-terminated strings), as the WDK spells them. */
typedef const CHAR *LPCCH, *PCCH;
typedef WCHAR *LPWCH;
typedef const WCHAR *LPCWCH;
typedef CHAR *PZZSTR, *PNZCH;
typedef const CHAR *PCZZSTR, *PCNZCH;
typedef WCHAR *PZZWSTR, *PNZWCH;
typedef const WCHAR *PCZZWSTR, *PCNZWCH;
typedef const UCHAR *PCUCHAR;
typedef const USHORT *PCUSHORT;
typedef const ULONG *PCULONG;
typedef CHAR *LPSTR;
typedef const CHAR *LPCSTR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef PSTR *PZPSTR;
typedef const PSTR *PCZPSTR;
typedef PCSTR *PZPCSTR;
typedef PWSTR *PZPWSTR;
typedef const PWSTR *PCZPWSTR;
typedef PCWSTR *PZPCWSTR;
typedef const WCHAR UNALIGNED *LPCUWSTR, *PCUWSTR;

#endif /* _NTDEF_ */
