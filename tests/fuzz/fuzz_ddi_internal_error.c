/*
 * fuzz_ddi_internal_error.c - the fuzz_ddi harness takes a failed internal
 * assertion of the simulator (MI_ASSERT: stop 0x1A, Parameter 1 "MiAs") for
 * a finding, not for an answer to hostile arguments (docs/verifier.md,
 * "What is a finding"). The ctest passes when the harness reports it:
 *
 *   input 1   config 0x00, no call            the machine the next input uses
 *   here      an MDL page P allocated and mapped, then marked free in the
 *             free bitmap (SimCorruptPfnOnFreeList), as a stray write would
 *   input 2   MmAllocatePagesForMdl limited to P: the allocator takes P,
 *             which is not free -> MI_ASSERT in sim/mm/pfn.c -> FINDING
 *
 * Skipped where MI_ASSERT is compiled out (NDEBUG).
 */
#include <ntddk.h>
#include <mmsim.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_ddi.h"

int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

#ifndef NDEBUG
/* A finding aborts (after its FINDING line): that is this test's success,
 * which ctest reads from the output. */
static void Aborted(int Signal)
{
    (void)Signal;
    _Exit(0);
}
#endif

int main(void)
{
#ifdef NDEBUG
    printf("fuzz_ddi_internal_error: skipped (MI_ASSERT is compiled out)\n");
    return 77;
#else
    static const uint8_t First[] = {0x00};
    (void)LLVMFuzzerTestOneInput(First, sizeof(First));
    PHYSICAL_ADDRESS Low = {0}, High, Skip = {0};
    High.QuadPart = -1;
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, PAGE_SIZE, MmCached, 0);
    PVOID Va = Mdl != NULL ? MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                          NormalPagePriority)
                           : NULL;
    if (Va == NULL || !SimCorruptForTest(SimCorruptPfnOnFreeList, Va)) {
        fprintf(stderr, "fuzz_ddi_internal_error: could not set up the corruption\n");
        return 1;
    }
    uint32_t Page = (uint32_t)((uint64_t)MmGetPhysicalAddress(Va).QuadPart >> 12);
    /* FuzzOpAllocatePages: v=1 (MmAllocatePagesForMdl), r=0x3F (Low = next
     * 4 bytes << 12, High = Low + next 4 bytes), s=0 (no skip), one page. */
    const uint8_t Second[] = {0x00,
                              FUZZ_OP_BYTE(FuzzOpAllocatePages, FUZZ_IRQL_PASSIVE),
                              0x01,
                              0x3F,
                              (uint8_t)Page, (uint8_t)(Page >> 8), (uint8_t)(Page >> 16),
                              (uint8_t)(Page >> 24),
                              0xFF, 0x0F, 0x00, 0x00,
                              0x00,
                              0x40};
    signal(SIGABRT, Aborted);
    (void)LLVMFuzzerTestOneInput(Second, sizeof(Second));
    printf("fuzz_ddi_internal_error: no finding\n");
    return 1;
#endif
}
