/*
 * test_internal_assert.c - MI_ASSERT stops the machine where simulator state
 * is corrupted (docs/architecture.md 1.2), not at the next invariant check.
 *
 * SimCorruptForTest(SimCorruptPfnOnFreeList) marks a page that an MDL
 * holds (and a PTE maps) free in the PFN database's free-page bitmap, as a
 * stray write into the PFN database would. Every DDI after it is valid:
 *
 *   MmAllocatePagesForMdlEx   page P, state "allocated for an MDL"
 *   MmMapLocked...            P mapped
 *   SimCorruptForTest         P's free bit set   <- the corruption
 *   MmAllocatePagesForMdlEx   only P's PFN allowed: the allocator finds P
 *                             "free" and takes it - free -> allocated from a
 *                             page that is not free: MI_ASSERT in
 *                             sim/mm/pfn.c, stop 0x1A / 0x4D694173 ("MiAs")
 *
 * Without the assertion P would be handed out a second time (two MDLs, one
 * page) and nothing would say so until an invariant check ran. In the
 * release preset (NDEBUG) MI_ASSERT is compiled out: the test is skipped.
 */
#include "mmsim_cmocka.h"
#include <string.h>

#define MI_ASSERT_STOP 0x4D694173u /* Parameter 1 of the internal-error stop */

static PHYSICAL_ADDRESS Pa(ULONG64 Value)
{
    PHYSICAL_ADDRESS Address;
    Address.QuadPart = (LONGLONG)Value;
    return Address;
}

/* MI_ASSERT is compiled out under NDEBUG (the release preset), so this test
 * exists only where the assertion does, rather than skipping. */
#ifndef NDEBUG
SIM_TEST(AllocatingAPageInUseStops)
{
    (void)State;
    PMDL Mdl = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull), Pa(0), PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    PVOID Va = MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    assert_non_null(Va);
    ULONG64 P = (ULONG64)MmGetPhysicalAddress(Va).QuadPart;
    assert_true(SimCorruptForTest(SimCorruptPfnOnFreeList, Va));
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)MmAllocatePagesForMdlEx(Pa(P), Pa(P + PAGE_SIZE - 1), Pa(0),
                                                            PAGE_SIZE, MmCached, 0));
    assert_int_equal(Stop.Code, 0x1A);
    assert_int_equal(Stop.Parameters[0], MI_ASSERT_STOP);
    /* Parameters 2-4: where and what (file, line, condition). */
    const char *File = (const char *)Stop.Parameters[1];
    const char *Condition = (const char *)Stop.Parameters[3];
    assert_string_equal(File, "sim/mm/pfn.c");
    assert_true(Stop.Parameters[2] > 0);
    assert_string_equal(Condition, "MiBitTest(MiPhys.FreeBits, i) && MiIsFreeState(Entry->State)");
    SimReset(); /* the state is deliberately broken */
}
#endif

/* The same sequence without the corruption is clean: the stop above is the
 * corruption's, not the sequence's. */
SIM_TEST(TheSameSequenceUncorruptedIsClean)
{
    (void)State;
    PMDL Mdl = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull), Pa(0), PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    PVOID Va = MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                            NormalPagePriority);
    assert_non_null(Va);
    ULONG64 P = (ULONG64)MmGetPhysicalAddress(Va).QuadPart;
    /* P is in use: an allocation limited to P gets nothing. */
    PMDL Other = MmAllocatePagesForMdlEx(Pa(P), Pa(P + PAGE_SIZE - 1), Pa(0), PAGE_SIZE,
                                         MmCached, 0);
    if (Other != NULL) {
        assert_int_equal(MmGetMdlByteCount(Other), 0);
        ExFreePool(Other);
    }
    MmUnmapLockedPages(Va, Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    SimAssertInvariants();
}

int main(void)
{
    return SimRunTests("internal_assert", NULL, NULL);
}
