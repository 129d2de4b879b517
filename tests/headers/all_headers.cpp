// all_headers.cpp - the public headers compile cleanly as C++17 with warnings
// as errors (tests/CMakeLists.txt runs this with -fsyntax-only under every
// available C++ compiler).
#include <ntddk.h>
#include <wdm.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <ntddk.h> // include guards

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
