/*
 * test_node_pages.c - MmAllocateNodePagesForMdlEx (wdm.h): MmAllocatePagesForMdlEx
 * with an ideal NUMA node (survey25; docs/wdk-surface.md, "Found by the survey").
 * mmsim has one node, node 0 (KeQueryHighestNodeNumber() == 0):
 *
 *   IdealNode  Flags                              result
 *   0          0                                  an MDL of the pages, zero-filled
 *   0          MM_ALLOCATE_FROM_LOCAL_NODE_ONLY   the same
 *   5          0                                  the same: the ideal node is a preference,
 *                                                 the pages come from another node (0)
 *   5          MM_ALLOCATE_FROM_LOCAL_NODE_ONLY   NULL: that node has no memory
 *   0          an unknown flag bit                NULL, as MmAllocatePagesForMdlEx
 *   0          0, no free pages (injected)        NULL
 *
 * The MDL is freed by MmFreePagesFromMdl + ExFreePool, as any MmAllocatePagesForMdlEx
 * MDL; the IRQL limit is DISPATCH_LEVEL (above it 0xC4/0x7E, as MmAllocatePagesForMdlEx).
 */
#include <mmsim_cmocka.h>

#define PAGES 3

static PMDL Allocate(ULONG IdealNode, ULONG Flags)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    return MmAllocateNodePagesForMdlEx(Low, High, Skip, PAGES * PAGE_SIZE, MmCached, IdealNode,
                                       Flags);
}

static void FreeMdl(PMDL Mdl)
{
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
}

SIM_TEST(IdealNodeIsAPreference)
{
    static const struct {
        ULONG IdealNode;
        ULONG Flags;
        BOOLEAN Succeeds;
    } Rows[] = {
        {0, 0, TRUE},
        {0, MM_ALLOCATE_FROM_LOCAL_NODE_ONLY, TRUE},
        {5, 0, TRUE},
        {5, MM_ALLOCATE_FROM_LOCAL_NODE_ONLY, FALSE},
        {0, 0x80000000, FALSE},
    };
    assert_int_equal(KeQueryHighestNodeNumber(), 0);
    for (size_t i = 0; i < RTL_NUMBER_OF(Rows); i++) {
        PMDL Mdl = Allocate(Rows[i].IdealNode, Rows[i].Flags);
        if (!Rows[i].Succeeds) {
            assert_null(Mdl);
            continue;
        }
        assert_non_null(Mdl);
        assert_int_equal(MmGetMdlByteCount(Mdl), PAGES * PAGE_SIZE);
        assert_true(Mdl->MdlFlags & MDL_PAGES_LOCKED);
        PUCHAR Va = (PUCHAR)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                         NormalPagePriority);
        assert_non_null(Va);
        for (ULONG b = 0; b < PAGES * PAGE_SIZE; b++) {
            if (Va[b] != 0) {
                fail_msg("byte %lu of the MDL's pages is not zero", (unsigned long)b);
            }
        }
        MmUnmapLockedPages(Va, Mdl);
        FreeMdl(Mdl);
    }
}

SIM_TEST(WithoutPagesReturnsNull)
{
    SimFailNthCall(SimFaultAllocatePagesForMdl, 1);
    assert_null(Allocate(0, 0));
    PMDL Mdl = Allocate(0, 0);
    assert_non_null(Mdl);
    FreeMdl(Mdl);
}

SIM_TEST(AboveDispatchLevelStops)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK(0xC4, 0x7E, Allocate(0, 0));
    SimReset(); /* a stopped machine takes nothing else */
}

int main(void)
{
    return SimRunTests("realworld: MmAllocateNodePagesForMdlEx", NULL, NULL);
}
