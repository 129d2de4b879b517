/*
 * all_headers.c - the public headers compile cleanly as C11 with warnings as
 * errors (tests/CMakeLists.txt runs this with -fsyntax-only under every
 * available compiler). Driver code includes them in any order.
 */
#include <ntddk.h>
#include <wdm.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <ntddk.h> /* include guards */

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
