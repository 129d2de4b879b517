/*
 * all_headers.c - the public headers compile cleanly as C11 with warnings as
 * errors (tests/CMakeLists.txt runs this with -fsyntax-only under every
 * available compiler). Driver code includes them in any order.
 */
#include <ntddk.h>
#include <wdm.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <ntstrsafe.h>
#include <ntddk.h> /* include guards */
#include <ntstrsafe.h>

/* A few uses so that the macros are expanded, not just defined. */
C_ASSERT(sizeof(MDL) == 0x30);
C_ASSERT(FIELD_OFFSET(MDL, ByteOffset) == 0x2C);
C_ASSERT(BYTES_TO_PAGES(0x1001) == 2);
C_ASSERT(ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x800, 0x1000) == 2);

static const ULONG HeaderTag = 'gaTM';

ULONG HeaderProbe(PMDL Mdl, PVOID Va);

ULONG HeaderProbe(PMDL Mdl, PVOID Va)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    KeLowerIrql(Old);
    MmInitializeMdl(Mdl, Va, PAGE_SIZE);
    return HeaderTag + BYTE_OFFSET(MmGetMdlVirtualAddress(Mdl)) + (ULONG)SimIsStopped(NULL);
}

/* PHYSICAL_ADDRESS as C drivers initialise it (all warning-free). */
static const PHYSICAL_ADDRESS LowestAddress = {0};
static const PHYSICAL_ADDRESS HighestAddress = {.QuadPart = -1};
static const PHYSICAL_ADDRESS Split = {{0x1000, 0}};

LONG64 SurfaceProbe(PCHAR Text, size_t Size, LONG volatile *Counter);

LONG64 SurfaceProbe(PCHAR Text, size_t Size, LONG volatile *Counter)
{
    PROCESSOR_NUMBER Number;
    LARGE_INTEGER Frequency;
    NTSTATUS Status =
        RtlStringCbPrintfA(Text, Size, "%lu %wZ %I64x", (ULONG)1, (PUNICODE_STRING)NULL,
                           (ULONG64)KeQueryPerformanceCounter(&Frequency).QuadPart);
    KdPrint(("%s\n", Text));
    NT_ASSERT(NT_SUCCESS(Status));
    return InterlockedIncrement(Counter) + KeGetCurrentProcessorNumberEx(&Number) +
           LowestAddress.QuadPart + HighestAddress.QuadPart + Split.QuadPart;
}
