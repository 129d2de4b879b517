/*
 * test_touched_user.c - the touched invariant check over user space
 * (SimCheckInvariantsTouched; docs/verifier.md, "Invariants"). The touched
 * check does not walk the PFN database for the pages in state User: it
 * keeps their counts from the PFN entries that changed and checks each
 * changed entry. So:
 *
 *   a user page's life, a touched check after each step   no false alarm
 *     allocate, touch, lock (MDL), map in system space,
 *     the process frees it (the page: let go of, held),
 *     unmap, unlock (the page: free), free the MDL
 *   a resident user page marked let go of, no driver       the touched
 *     holding it (SimCorruptUserPageOrphaned)              check finds it,
 *                                                          as the whole does
 *   a user PTE made read-only, the host page still         the touched
 *     writable (SimCorruptUserPteReadOnly)                 check finds it,
 *                                                          as the whole does
 *     (the touched check asks the host only about the user pages whose PTE
 *     or host service changed since the last check)
 *
 * and the copies the touched check compares with survive what the fuzzer
 * does between inputs (a whole check at the end, then SimReset, which gives
 * the PFN database back as never used): the next touched check is quiet.
 */
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <stdbool.h>
#include <string.h>

static void AssertTouched(const char *After)
{
    char Report[4096] = "";
    if (!SimCheckInvariantsTouched(Report, sizeof(Report))) {
        fail_msg("touched check after %s: %s", After, Report);
    }
}

SIM_TEST(a_user_page_through_its_life_keeps_the_touched_check_quiet)
{
    SimAssertInvariants(); /* the touched checks start from here */
    uint8_t *Buffer = (uint8_t *)SimAllocateUserBuffer(4 * PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    assert_non_null(Buffer);
    AssertTouched("SimAllocateUserBuffer");
    memset(Buffer, 0x5A, 4 * PAGE_SIZE);
    AssertTouched("touching the pages");
    PMDL Mdl = IoAllocateMdl(Buffer + PAGE_SIZE, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, UserMode, IoWriteAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    AssertTouched("MmProbeAndLockPages(UserMode)");
    PVOID System = MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(System);
    AssertTouched("MmGetSystemAddressForMdlSafe");
    PVOID At = Buffer;
    SIZE_T Size = 0;
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &At, &Size, MEM_RELEASE),
                     STATUS_SUCCESS);
    AssertTouched("ZwFreeVirtualMemory (two pages let go of while locked)");
    MmUnmapLockedPages(System, Mdl);
    AssertTouched("MmUnmapLockedPages");
    MmUnlockPages(Mdl);
    AssertTouched("MmUnlockPages (the pages freed)");
    IoFreeMdl(Mdl);
    AssertTouched("IoFreeMdl");
    SimAssertInvariants();
}

SIM_TEST(the_touched_check_finds_a_user_page_held_by_nobody)
{
    uint8_t *Buffer = (uint8_t *)SimAllocateUserBuffer(PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    assert_non_null(Buffer);
    Buffer[0] = 1;
    SimAssertInvariants();
    assert_true(SimCorruptForTest(SimCorruptUserPageOrphaned, Buffer));
    char Report[4096] = "";
    assert_false(SimCheckInvariantsTouched(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "held by no driver"));
    assert_false(SimCheckInvariants(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "held by no driver"));
    SimReset(); /* deliberately broken: start over before the teardown */
}

SIM_TEST(the_touched_check_finds_a_user_pte_the_host_disagrees_with)
{
    uint8_t *Buffer = (uint8_t *)SimAllocateUserBuffer(4 * PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    assert_non_null(Buffer);
    memset(Buffer, 1, 4 * PAGE_SIZE);
    SimAssertInvariants();
    AssertTouched("the whole check");
    assert_true(SimCorruptForTest(SimCorruptUserPteReadOnly, Buffer + 2 * PAGE_SIZE));
    char Report[4096] = "";
    assert_false(SimCheckInvariantsTouched(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "is accessible in the host"));
    assert_false(SimCheckInvariants(Report, sizeof(Report)));
    assert_non_null(strstr(Report, "is accessible in the host"));
    SimReset(); /* deliberately broken: start over before the teardown */
}

SIM_TEST(a_touched_check_after_a_whole_check_and_a_reset_is_quiet)
{
    for (int Round = 0; Round < 3; Round++) {
        AssertTouched("the start of a round");
        PMDL Mdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0),
                                           64 * PAGE_SIZE, MmCached, 0);
        assert_non_null(Mdl);
        uint8_t *User = (uint8_t *)SimAllocateUserBuffer(8 * PAGE_SIZE, PAGE_READWRITE, NULL, 0);
        assert_non_null(User);
        memset(User, 1, 8 * PAGE_SIZE);
        AssertTouched("allocating pages");
        SimAssertInvariants(); /* the end of an input */
        SimReset();            /* what was used is given back, as never used */
        AssertTouched("SimReset");
    }
}

int main(void)
{
    return SimRunTests("touched invariant check, user space", NULL, NULL);
}
