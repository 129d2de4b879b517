/*
 * test_wdk_dialect.c - the WDK habits that real driver files of tests/realworld/ lean on
 * (realdrv3; docs/wdk-surface.md, "Found by compiling real driver files"): each block
 * below is what one of them does, unchanged; the file is compiled as C11 and as C++17 by
 * gcc and clang with -Wall -Wextra -Werror (realworld_compile_wdk_dialect_*) and run.
 *
 *   habit                                           found in
 *   MSVC's __int64 after <sal.h> alone              WinPmem pte_mmap.h
 *   <basetsd.h> before any kernel header            SimpleSvm.hpp, SimpleVisor shv.h
 *   SAL 1 buffer and return annotations             xenbus, KMDF (__checkReturn, __in_bcount)
 *   <DriverSpecs.h>, <Ntifs.h>, <NTDDK.h> spellings WDS samples, haxm
 *   <initguid.h> then DEFINE_GUID defines the GUID  WinPmem, 65 WDS files
 *   <pshpack1.h> ... <poppack.h>                    HyperPlatform ia32_type.h, VirtIO, SimpleSvm
 *   #pragma comment(linker, ...), #pragma section   HyperPlatform global_object.cpp
 *   _AMD64_ selects the x64 layout                  HyperPlatform ia32_type.h
 *   PAGED_CODE() with no semicolon                  HyperPlatform performance.cpp
 *   RTL_NUMBER_OF_FIELD                             HyperPlatform log.cpp, ept.cpp
 *   static_assert in C without <assert.h>           SimpleVisor vmx.h
 *   PCI_COMMON_HEADER / PCI_COMMON_CONFIG           virtio-win's VirtIO library
 *   KdBreakPoint(), MUST_SUCCEED_POOL_EMPTY         HyperPlatform kernel_stl.cpp
 */
#include <sal.h>
typedef unsigned __int64 DIALECT_U64; /* before any WDK header, as MSVC allows */
#include <basetsd.h>
#include <DriverSpecs.h>
#include <Ntifs.h>
#include <NTDDK.h>
#include <Ntstrsafe.h>
#ifndef DEFINE_GUID
#error "<wdm.h> includes <guiddef.h>, as the WDK's: DEFINE_GUID"
#endif
#include <initguid.h>

#if !defined(_AMD64_) && defined(__x86_64__)
#error "_AMD64_ is not defined on x64"
#endif

#pragma comment(linker, "/merge:.CRT=.rdata")
#pragma section(".CRT$XCA", read)

#include <pshpack1.h>
typedef struct _DIALECT_PACKED {
    UCHAR Kind;
    ULONG64 Value;
    USHORT Limit;
} DIALECT_PACKED;
#include <poppack.h>
typedef struct _DIALECT_NATURAL {
    UCHAR Kind;
    ULONG64 Value;
} DIALECT_NATURAL;

static_assert(sizeof(DIALECT_U64) == 8, "__int64 is 64 bits");
static_assert(sizeof(DIALECT_PACKED) == 11, "pshpack1.h packs to bytes");
static_assert(sizeof(DIALECT_NATURAL) == 16, "poppack.h restores natural alignment");

typedef struct _DIALECT_TABLE {
    ULONG Entries[7];
} DIALECT_TABLE;

/* {4D36E97D-E325-11CE-BFC1-08002BE10318}, the System device class. */
DEFINE_GUID(DIALECT_GUID, 0x4d36e97d, 0xe325, 0x11ce, 0xbf, 0xc1, 0x08, 0x00, 0x2b, 0xe1,
            0x03, 0x18);

#include <mmsim_cmocka.h>

/* SAL 1, as older drivers annotate their own routines. */
static __checkReturn NTSTATUS DialectCopy(__out_bcount(Size) PUCHAR Destination,
                                          __in_bcount(Size) const UCHAR *Source,
                                          __in ULONG Size, __deref_out PULONG *Last)
{
    __analysis_assume(Size > 0);
    for (ULONG i = 0; i < Size; i++) {
        Destination[i] = Source[i];
    }
    *Last = NULL;
    return STATUS_SUCCESS;
}

static ULONG DialectPagedRoutine(void)
{
    PAGED_CODE()
    return RTL_NUMBER_OF_FIELD(DIALECT_TABLE, Entries);
}

SIM_TEST(DialectCompilesAndRuns)
{
    UCHAR From[4] = {1, 2, 3, 4}, To[4] = {0};
    PULONG Last = (PULONG)From;
    assert_int_equal(DialectCopy(To, From, 4, &Last), STATUS_SUCCESS);
    assert_int_equal(To[3], 4);
    assert_null(Last);
    assert_int_equal(DialectPagedRoutine(), 7);
}

SIM_TEST(PagedCodeWithoutSemicolonStillChecks)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY, (void)DialectPagedRoutine());
}

SIM_TEST(InitGuidDefinesTheGuid)
{
    assert_int_equal(DIALECT_GUID.Data1, 0x4d36e97d);
    assert_int_equal(DIALECT_GUID.Data2, 0xe325);
    assert_int_equal(DIALECT_GUID.Data4[7], 0x18);
}

SIM_TEST(PciHeaderHasTheWdkLayout)
{
    /* offset                                      field */
    assert_int_equal(FIELD_OFFSET(PCI_COMMON_HEADER, VendorID), 0x00);
    assert_int_equal(FIELD_OFFSET(PCI_COMMON_HEADER, HeaderType), 0x0E);
    assert_int_equal(FIELD_OFFSET(PCI_COMMON_HEADER, u.type0.BaseAddresses), 0x10);
    assert_int_equal(FIELD_OFFSET(PCI_COMMON_HEADER, u.type0.CapabilitiesPtr), 0x34);
    assert_int_equal(FIELD_OFFSET(PCI_COMMON_HEADER, u.type0.InterruptLine), 0x3C);
    assert_int_equal(FIELD_OFFSET(PCI_COMMON_HEADER, u.type1.SecondaryBus), 0x19);
    assert_int_equal(sizeof(PCI_COMMON_HEADER), 64);
    assert_int_equal(PCI_COMMON_HDR_LENGTH, 64);
    assert_int_equal(sizeof(PCI_COMMON_CONFIG), 256);
    assert_int_equal(PCI_CAPABILITY_ID_MSIX, 0x11);
}

SIM_TEST(BreakpointsWithoutADebuggerStop)
{
    assert_int_equal(MUST_SUCCEED_POOL_EMPTY, 0x41);
    /* No kernel debugger is attached: the breakpoint exception is not handled. */
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT, KdBreakPoint());
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_BREAKPOINT,
                        DbgBreakPoint());
}

int main(void)
{
    return SimRunTests("realworld: WDK dialect of real driver files", NULL, NULL);
}
