// test_headers_cpp.cpp - the WDK surface and the Sim* API compile as C++17
// (drivers written in C++ include <wdm.h> the same way) and keep the same
// values and layouts there: C and C++ must agree on every structure a driver
// shares with the simulator.
//
// The suite itself uses mmsim_cmocka.h, as a C++ driver's test suite would:
// its CMocka entry points must link from C++ (C linkage).
#include <cstddef>
#include <type_traits>

#include <wdm.h>
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>

// docs/ddi-contract.md 2.1: the x64 MDL layout.
static_assert(sizeof(MDL) == 0x30, "MDL is 48 bytes");
static_assert(offsetof(MDL, Next) == 0x00, "MDL.Next");
static_assert(offsetof(MDL, Size) == 0x08, "MDL.Size");
static_assert(offsetof(MDL, MdlFlags) == 0x0A, "MDL.MdlFlags");
static_assert(offsetof(MDL, Process) == 0x10, "MDL.Process");
static_assert(offsetof(MDL, MappedSystemVa) == 0x18, "MDL.MappedSystemVa");
static_assert(offsetof(MDL, StartVa) == 0x20, "MDL.StartVa");
static_assert(offsetof(MDL, ByteCount) == 0x28, "MDL.ByteCount");
static_assert(offsetof(MDL, ByteOffset) == 0x2C, "MDL.ByteOffset");

// LLP64 in C++ too.
static_assert(sizeof(ULONG) == 4 && std::is_unsigned<ULONG>::value, "ULONG");
static_assert(sizeof(LONG) == 4 && std::is_signed<LONG>::value, "LONG");
static_assert(sizeof(ULONG_PTR) == 8 && sizeof(SIZE_T) == 8, "pointer-sized integers");
static_assert(sizeof(KIRQL) == 1, "KIRQL");
static_assert(sizeof(POOL_FLAGS) == 8, "POOL_FLAGS");
static_assert(sizeof(FAST_MUTEX) == 56 && sizeof(KEVENT) == 24, "lock objects");

// Constants are usable in constant expressions.
static_assert(MDL_MAPPED_TO_SYSTEM_VA == 0x1 && MDL_PAGES_LOCKED == 0x2 &&
                  MDL_SOURCE_IS_NONPAGED_POOL == 0x4 && MDL_PARTIAL_HAS_BEEN_MAPPED == 0x20 &&
                  MDL_IO_SPACE == 0x800,
              "MdlFlags");
static_assert(MM_MAPPING_ADDRESS_DIVISIBLE == 0x1, "DIVISIBLE");
static_assert(POOL_FLAG_NON_PAGED == 0x40 && POOL_FLAG_OPTIONAL_END == 0x8000000000000000ULL,
              "POOL_FLAG_*");
static_assert(MmCached == 1 && MmNotMapped == -1, "MEMORY_CACHING_TYPE");
static_assert(HIGH_LEVEL == 15 && DISPATCH_LEVEL == 2, "IRQL");
static_assert(BYTES_TO_PAGES(~0ULL) == 0x10000000000000ULL, "BYTES_TO_PAGES near the top");
static_assert(ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x800, 0x1000) == 2, "span with an offset");
static_assert(SIM_EXIT_BUGCHECK == 86 && SIM_EXIT_REFUSED == 87 && SIM_EXIT_CONFIG == 89,
              "exit statuses");
// A multi-character tag has the same value as in C.
static_assert(static_cast<ULONG>('gaTM') == 0x6761544Du, "'gaTM'");

// IRQL round trip through the C entry points from C++.
SIM_TEST(IrqlRoundTrip)
{
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_int_equal(Old, PASSIVE_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeLowerIrql(Old);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

// MmInitializeMdl is a statement macro; it must compile and agree with C.
SIM_TEST(InitializeMdlInCxx)
{
    alignas(MDL) unsigned char Storage[sizeof(MDL) + 3 * sizeof(PFN_NUMBER)];
    PMDL Mdl = reinterpret_cast<PMDL>(Storage);
    PVOID Va = reinterpret_cast<PVOID>(static_cast<ULONG_PTR>(0x10000800));
    MmInitializeMdl(Mdl, Va, 0x2000);
    assert_int_equal(Mdl->Size, 48 + 8 * 3);
    assert_int_equal(MmGetMdlByteOffset(Mdl), 0x800);
    assert_ptr_equal(MmGetMdlVirtualAddress(Mdl), Va);
    assert_ptr_equal(MmGetMdlBaseVa(Mdl), reinterpret_cast<PVOID>(0x10000000));
}

// A bug check is caught from C++ as from C, with the CMocka helper too.
SIM_TEST(BugCheckCaughtInCxx)
{
    SIM_BUGCHECK Bc;
    SIM_CATCH_BUGCHECK(&Bc, KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x107, 1, 2, 3));
    assert_true(Bc.Caught && !Bc.Refused);
    assert_int_equal(Bc.Code, 0xDA);
    assert_int_equal(Bc.Parameters[0], 0x107);
    assert_int_equal(Bc.Parameters[3], 3);
    assert_true(SimIsStopped(nullptr) == TRUE);
    SimReset();
    assert_true(SimIsStopped(nullptr) == FALSE);
    SIM_EXPECT_BUGCHECK4(0xC4, 0x30, DISPATCH_LEVEL, APC_LEVEL, 0,
                         KIRQL Old; KeRaiseIrql(DISPATCH_LEVEL, &Old);
                         KeRaiseIrql(APC_LEVEL, &Old));
}

// The WDK's LARGE_INTEGER member order in C++ too (the unnamed {LowPart,
// HighPart} struct first): MSVC's initialiser forms, as constant expressions.
static constexpr LARGE_INTEGER CxxZero = {0};
static constexpr LARGE_INTEGER CxxParts = {0x1000, -1};
static constexpr PHYSICAL_ADDRESS CxxHighest = {~0UL, ~0L}; // MSVC: 0xFFFFFFFF, -1
static constexpr ULARGE_INTEGER CxxUnsigned = {~0U, 0x80000000u};
static_assert(CxxZero.LowPart == 0 && CxxZero.HighPart == 0, "{0}");
static_assert(CxxParts.LowPart == 0x1000 && CxxParts.HighPart == -1, "{Low, High}");
static_assert(CxxHighest.LowPart == 0xFFFFFFFFu && CxxHighest.HighPart == -1, "{~0UL, ~0L}");
static_assert(CxxUnsigned.HighPart == 0x80000000u, "ULARGE_INTEGER {Low, High}");
static_assert(offsetof(LARGE_INTEGER, QuadPart) == 0 && offsetof(LARGE_INTEGER, u.HighPart) == 4,
              "LARGE_INTEGER layout");
static_assert(std::is_same<decltype(CxxParts.u.HighPart), LONG>::value &&
                  std::is_same<decltype(CxxUnsigned.HighPart), ULONG>::value,
              "HighPart types");
// basetsd.h types and the MSVC dialect in C++.
static_assert(sizeof(UINT64) == 8 && sizeof(INT64) == 8 && sizeof(DWORD64) == 8 &&
                  sizeof(UINT_PTR) == 8 && sizeof(INT_PTR) == 8 && sizeof(DWORD_PTR) == 8 &&
                  sizeof(UINT8) == 1 && sizeof(INT16) == 2 && sizeof(UINT32) == 4 &&
                  sizeof(unsigned __int64) == 8 && sizeof(__int32) == 4,
              "basetsd");
static_assert(std::is_signed<INT64>::value && std::is_unsigned<UINT_PTR>::value &&
                  std::is_signed<SSIZE_T>::value,
              "basetsd signedness");
static_assert(NTDDI_VERSION >= NTDDI_WIN10 && NTDDI_WIN7 == 0x06010000 &&
                  _WIN32_WINNT_WIN10 == 0x0A00,
              "versions");
static_assert(Int32x32To64(-2, 3) == -6 && UInt32x32To64(0xFFFFFFFFu, 2) == 0x1FFFFFFFEull,
              "Int32x32To64");

// x64's time macros store through (PULONG64): a ULONG64 receives the time in
// C++ too (a C++ error when KeQuerySystemTime was a PLARGE_INTEGER function).
SIM_TEST(TimeMacrosIntoULong64)
{
    ULONG64 System = 0, Ticks = 0;
    LARGE_INTEGER SystemLi = {0};
    KeQuerySystemTime(&System);
    KeQuerySystemTime(&SystemLi);
    KeQueryTickCount(&Ticks);
    ULONG64 Interrupt = KeQueryInterruptTime();
    assert_true(System != 0 && static_cast<ULONG64>(SystemLi.QuadPart) >= System);
    assert_true(Ticks == Interrupt / KeQueryTimeIncrement() ||
                Ticks + 1 == Interrupt / KeQueryTimeIncrement() ||
                Ticks == Interrupt / KeQueryTimeIncrement() + 1);
    assert_int_equal(SharedUserData->TickCountMultiplier, 0x0FA00000u);
}

// RTL_CONSTANT_STRING initialises a UNICODE_STRING and an ANSI_STRING from
// literals in C++ (the buffer's const is dropped, as the WDK's helper does).
SIM_TEST(ConstantStringsAndIntrinsics)
{
    UNICODE_STRING Wide = RTL_CONSTANT_STRING(L"Mm");
    ANSI_STRING Narrow = RTL_CONSTANT_STRING("Mm");
    assert_int_equal(Wide.Length, 2 * sizeof(WCHAR));
    assert_int_equal(Wide.MaximumLength, 3 * sizeof(WCHAR));
    assert_int_equal(Narrow.Length, 2);
    assert_int_equal(Narrow.MaximumLength, 3);
    ULONG Index = 0;
    assert_int_equal(_BitScanReverse64(&Index, 0x100), 1);
    assert_int_equal(Index, 8);
    assert_int_equal(_byteswap_ulong(0x11223344u), 0x44332211u);
    LONG (*Increment)(LONG volatile *) = InterlockedIncrement; // an address links
    LONG volatile Count = 0;
    assert_int_equal(Increment(&Count), 1);
    SINGLE_LIST_ENTRY Head = {nullptr}, Entry;
    PushEntryList(&Head, &Entry);
    assert_ptr_equal(PopEntryList(&Head), &Entry);
}

int main()
{
    return SimRunTests("test_headers_cpp", nullptr, nullptr);
}
