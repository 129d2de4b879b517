/*
 * test_invariants_touched.c - the incremental invariant checker
 * (SimCheckInvariantsTouched; docs/verifier.md, "Invariants") as a
 * specification. It checks what changed since the last check:
 *
 *   corruption after a check        touched check   whole check
 *   PFN map count off by one        finds it        finds it
 *   free count off by one           finds it        finds it
 *   a used page's free bit set      finds it        finds it
 *   reservation header corrupted    finds it        finds it
 *   host page unmapped, PTE intact  -               finds it  (why a fuzzer
 *                                                   checks the whole machine
 *                                                   every N calls)
 *
 * and a machine changed only by DDIs passes it after every call.
 */
#include <stdbool.h>

#include <mmsim_cmocka.h>

#define TAG 'tIrF'

static void Corrupt(SIM_CORRUPTION Kind, PVOID Va, bool TouchedFinds)
{
    SimAssertInvariants(); /* the touched check starts from here */
    assert_true(SimCorruptForTest(Kind, Va));
    char Report[4096] = "";
    assert_int_equal(SimCheckInvariantsTouched(Report, sizeof(Report)), TouchedFinds ? FALSE : TRUE);
    if (TouchedFinds) {
        assert_true(strlen(Report) > 0);
    }
    assert_false(SimCheckInvariants(Report, sizeof(Report)));
    SimReset(); /* deliberately broken: start over before the teardown */
}

SIM_TEST(TouchedFindsMapCount)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Va);
    Corrupt(SimCorruptPfnMapCount, Va, true);
}

SIM_TEST(TouchedFindsFreeCount)
{
    Corrupt(SimCorruptFreeCount, NULL, true);
}

SIM_TEST(TouchedFindsPageOnFreeList)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG);
    assert_non_null(Va);
    Corrupt(SimCorruptPfnOnFreeList, Va, true);
}

SIM_TEST(TouchedFindsReservation)
{
    PVOID Va = MmAllocateMappingAddress(4 * PAGE_SIZE, TAG);
    assert_non_null(Va);
    Corrupt(SimCorruptReservation, Va, true);
}

SIM_TEST(OnlyTheWholeCheckSeesTheHostBehindAnUnchangedPte)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG);
    assert_non_null(Va);
    Corrupt(SimCorruptPteWithoutHost, Va, false);
}

/* Allocate, map, unmap, free, with a touched check after every call and a
 * whole one at the end: no false alarm, whatever the order. */
SIM_TEST(DdisKeepTheTouchedCheckQuiet)
{
    char Report[4096];
    PMDL Mdls[8] = {0};
    PVOID Maps[8] = {0};
    for (int Round = 0; Round < 3; Round++) {
        for (int i = 0; i < 8; i++) {
            Mdls[i] = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0),
                                              (SIZE_T)(i + 1) * PAGE_SIZE, MmCached, 0);
            assert_non_null(Mdls[i]);
            assert_true(SimCheckInvariantsTouched(Report, sizeof(Report)));
            Maps[i] = MmMapLockedPagesSpecifyCache(Mdls[i], KernelMode, MmCached, NULL, FALSE,
                                                   NormalPagePriority);
            assert_non_null(Maps[i]);
            if (!SimCheckInvariantsTouched(Report, sizeof(Report))) {
                fail_msg("after mapping MDL %d: %s", i, Report);
            }
        }
        for (int i = Round % 2; i < 8; i += 2) { /* every other one, then the rest */
            MmUnmapLockedPages(Maps[i], Mdls[i]);
            SimTestFreeMdlPages(Mdls[i]);
            assert_true(SimCheckInvariantsTouched(Report, sizeof(Report)));
        }
        for (int i = 1 - Round % 2; i < 8; i += 2) {
            MmUnmapLockedPages(Maps[i], Mdls[i]);
            SimTestFreeMdlPages(Mdls[i]);
            assert_true(SimCheckInvariantsTouched(Report, sizeof(Report)));
        }
    }
    assert_true(SimCheckInvariants(Report, sizeof(Report)));
}

int main(void)
{
    return SimRunTests("incremental invariants", NULL, NULL);
}
