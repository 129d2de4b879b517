/*
 * fault_suite_target.c - a CMocka suite for `mmsim faults --per-test`
 * (tests/CMakeLists.txt). Every test passes when nothing fails; each has one
 * fallible call whose failure path shows one outcome of the runner:
 *
 *   test                    failure path                      outcome
 *   HandlesFailure          frees what it holds, returns      passed (both calls)
 *   FailsItsAssertion       assert_non_null on the result     failed (allowed)
 *   LeaksOnFailurePath      returns, forgetting a pool block  leaked (teardown);
 *                           (its pool call failing: failed)
 *   DereferencesNull        writes through the NULL MDL       bugchecked, 0x1E
 *   CrashesTheHost          writes to a PROT_NONE host page   crashed
 *
 * DereferencesNull needs the simulator's fault trap in front of CMocka's
 * SIGSEGV handler inside a test body (CMocka would report an "exception");
 * CrashesTheHost touches memory that is not the simulator's, which stays a
 * host crash (CMocka's report, which the runner counts as crashed).
 */
#define _GNU_SOURCE
#include <sys/mman.h>

#include <mmsim_cmocka.h>

#define TAG 'tsTF'

static PMDL AllocateMdl(PVOID Buffer)
{
    return IoAllocateMdl(Buffer, 64, FALSE, FALSE, NULL);
}

SIM_TEST(HandlesFailure)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block == NULL) {
        return;
    }
    PMDL Mdl = AllocateMdl(Block);
    if (Mdl != NULL) {
        IoFreeMdl(Mdl);
    }
    ExFreePoolWithTag(Block, TAG);
}

SIM_TEST(FailsItsAssertion)
{
    UCHAR Buffer[64];
    PMDL Mdl = AllocateMdl(Buffer);
    assert_non_null(Mdl);
    IoFreeMdl(Mdl);
}

SIM_TEST(LeaksOnFailurePath)
{
    UCHAR Buffer[64];
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Block);
    PMDL Mdl = AllocateMdl(Buffer);
    if (Mdl == NULL) {
        return; /* the bug: Block is not freed on this path */
    }
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Block, TAG);
}

SIM_TEST(DereferencesNull)
{
    UCHAR Buffer[64];
    PMDL Mdl = AllocateMdl(Buffer);
    Mdl->MdlFlags |= MDL_MAPPING_CAN_FAIL; /* the bug: Mdl unchecked */
    IoFreeMdl(Mdl);
}

SIM_TEST(CrashesTheHost)
{
    UCHAR Buffer[64];
    PMDL Mdl = AllocateMdl(Buffer);
    if (Mdl == NULL) {
        /* Not simulated memory: a real host crash. */
        volatile UCHAR *Wild =
            (volatile UCHAR *)mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assert_true(Wild != MAP_FAILED);
        *Wild = 1;
        return;
    }
    IoFreeMdl(Mdl);
}

int main(void)
{
    return SimRunTests("fault suite target", NULL, NULL);
}
