/*
 * hostile_scale.c - issue 21 item 6: no quadratic teardown. Every lookup a
 * DDI makes by address is O(log n) or better, whatever the order of the
 * calls, so a driver that frees a million objects in the order it made them
 * (the natural order of a teardown loop) pays what one that frees them in
 * reverse pays.
 *
 *   objects (1,048,576 each)                  records           freed in
 *   ----------------------------------------  ----------------  -----------------
 *   reservations, MmAllocateMappingAddress    reserve.c tree    allocation order
 *   reservations, MmAllocateMappingAddressEx  reserve.c tree    from the middle out
 *   16-byte non-paged pool blocks             pool.c hash       allocation order
 *
 * MDL mappings live in the same range tree as reservations (range.c), so the
 * first row covers them; a million of them would need two million host
 * mappings, far beyond the host's limit.
 *
 * There is no timing assertion. The guard is the suite's ctest TIMEOUT of
 * 300 s (tests/hostile/CMakeLists.txt): with the sorted array these tables
 * used to be, freeing 1,048,576 reservations in allocation order shifts
 * ~5.5e11 records, about 10 minutes of CPU even in an optimised build
 * (200,000 took 21 s; a million did not finish in 330 s), so a quadratic
 * regression cannot pass. With the tree the whole suite needs about 5 s of
 * CPU in the dev build and 15 s under ASan, so a machine loaded twenty times
 * over still passes.
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define TAG_SCALE 'lcSH' /* "HScl" */

enum { Objects = 1 << 20 };

static void AssertCleanMachine(void)
{
    SimAssertInvariants();
    assert_true(SimIsClean(NULL, 0));
}

/* A machine with room for a million one-page reservations and their nodes. */
static int BigMachine(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.SystemPtes = 2u << 20;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

SIM_TEST_F(ReservationsFreedInAllocationOrder, BigMachine, SimTestTeardown)
{
    PVOID *Va = (PVOID *)malloc(Objects * sizeof(PVOID));
    assert_non_null(Va);
    for (ULONG i = 0; i < Objects; i++) {
        Va[i] = MmAllocateMappingAddress(PAGE_SIZE, TAG_SCALE);
        assert_non_null(Va[i]);
    }
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(Va[Objects / 2], &Info));
    assert_int_equal(SimEnumReservations(NULL, 0), Objects);
    for (ULONG i = 0; i < Objects; i++) {
        MmFreeMappingAddress(Va[i], TAG_SCALE);
    }
    assert_int_equal(SimEnumReservations(NULL, 0), 0);
    free(Va);
    AssertCleanMachine();
}

/* Ex, with sub-range mapping allowed; freed from the middle outwards, which
 * removes interior nodes of the tree rather than its ends. */
SIM_TEST_F(ReservationsFreedFromTheMiddle, BigMachine, SimTestTeardown)
{
    PVOID *Va = (PVOID *)malloc(Objects * sizeof(PVOID));
    assert_non_null(Va);
    for (ULONG i = 0; i < Objects; i++) {
        Va[i] = MmAllocateMappingAddressEx(PAGE_SIZE, TAG_SCALE, MM_MAPPING_ADDRESS_DIVISIBLE);
        assert_non_null(Va[i]);
    }
    SIM_RESERVATION_INFO Info;
    for (ULONG k = 0; k < Objects / 2; k++) {
        MmFreeMappingAddress(Va[Objects / 2 - 1 - k], TAG_SCALE);
        MmFreeMappingAddress(Va[Objects / 2 + k], TAG_SCALE);
        if (k % 65536 == 0 && k + 1 < Objects / 2) {
            /* The tree still finds its neighbours, and not the freed. */
            assert_false(SimQueryReservation(Va[Objects / 2 + k], &Info));
            assert_true(SimQueryReservation(Va[Objects / 2 + k + 1], &Info));
            assert_true(SimQueryReservation(Va[Objects / 2 - 2 - k], &Info));
            assert_int_equal(SimEnumReservations(NULL, 0), Objects - 2 * (k + 1));
        }
    }
    free(Va);
    AssertCleanMachine();
}

SIM_TEST_F(PoolBlocksFreedInAllocationOrder, BigMachine, SimTestTeardown)
{
    PVOID *Va = (PVOID *)malloc(Objects * sizeof(PVOID));
    assert_non_null(Va);
    for (ULONG i = 0; i < Objects; i++) {
        Va[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG_SCALE);
        assert_non_null(Va[i]);
    }
    for (ULONG i = 0; i < Objects; i++) {
        ExFreePoolWithTag(Va[i], TAG_SCALE);
    }
    free(Va);
    AssertCleanMachine();
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
