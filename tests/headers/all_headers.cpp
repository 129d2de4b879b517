// all_headers.cpp - the public headers compile cleanly as C++17 with warnings
// as errors (tests/CMakeLists.txt runs this with -fsyntax-only under every
// available C++ compiler).
#include <ntddk.h>
#include <wdm.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <ntstrsafe.h>
#include <ntddk.h> // include guards
#include <ntstrsafe.h>

static_assert(sizeof(MDL) == 0x30, "MDL");
static_assert(offsetof(MDL, ByteOffset) == 0x2C, "MDL.ByteOffset");
C_ASSERT(BYTES_TO_PAGES(0x1001) == 2);

static constexpr ULONG HeaderTag = 'gaTM';

ULONG HeaderProbe(PMDL Mdl, PVOID Va);

ULONG HeaderProbe(PMDL Mdl, PVOID Va)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    KeLowerIrql(Old);
    MmInitializeMdl(Mdl, Va, PAGE_SIZE);
    return HeaderTag + BYTE_OFFSET(MmGetMdlVirtualAddress(Mdl)) + ULONG(SimIsStopped(nullptr));
}

// PHYSICAL_ADDRESS as C++ drivers initialise it, with the WDK's member
// order (the unnamed {LowPart, HighPart} struct first): `= {0}` and
// `= {Low, High}` set the parts, `{}` and value-initialisation zero it, all
// warning-free; constexpr works (the parts are the active member).
static constexpr PHYSICAL_ADDRESS LowestAddress = {0};
static constexpr PHYSICAL_ADDRESS Boundary = {0, 1}; // 4 GiB
static constexpr PHYSICAL_ADDRESS Empty{};
static constexpr ULARGE_INTEGER AllOnes = {~0UL, ~0UL};
static_assert(LowestAddress.LowPart == 0 && LowestAddress.HighPart == 0 &&
                  Boundary.LowPart == 0 && Boundary.HighPart == 1 && Empty.LowPart == 0 &&
                  AllOnes.LowPart == 0xFFFFFFFFu && AllOnes.HighPart == 0xFFFFFFFFu,
              "PHYSICAL_ADDRESS initialisation");
static_assert(sizeof(PHYSICAL_ADDRESS) == 8 && offsetof(LARGE_INTEGER, HighPart) == 4 &&
                  offsetof(LARGE_INTEGER, u.HighPart) == 4 && offsetof(LARGE_INTEGER, QuadPart) == 0,
              "LARGE_INTEGER layout");

LONG64 SurfaceProbe(PCHAR Text, size_t Size, LONG volatile *Counter);

LONG64 SurfaceProbe(PCHAR Text, size_t Size, LONG volatile *Counter)
{
    PHYSICAL_ADDRESS Highest = PHYSICAL_ADDRESS();
    Highest.QuadPart = -1;
    PROCESSOR_NUMBER Number = {};
    LARGE_INTEGER Frequency = {0};
    NTSTATUS Status = RtlStringCbPrintfA(Text, Size, "%lu %ws %I64x", ULONG(1), L"wide",
                                         ULONG64(KeQueryPerformanceCounter(&Frequency).QuadPart));
    KdPrint(("%s\n", Text));
    NT_ASSERT(NT_SUCCESS(Status));
    PVOID volatile Slot = nullptr;
    (void)InterlockedCompareExchangePointer(&Slot, Text, nullptr);
    return InterlockedIncrement(Counter) + KeGetCurrentProcessorNumberEx(&Number) +
           LowestAddress.QuadPart + Boundary.QuadPart + Empty.QuadPart + Highest.QuadPart;
}
