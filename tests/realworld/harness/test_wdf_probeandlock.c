/*
 * test_wdf_probeandlock.c - harness for KMDF's probeandlock.c
 * (../Windows-Driver-Frameworks/src/framework/kmdf/src/support/, unchanged): three
 * routines that call MmProbeAndLockPages inside the file's own try/except and return
 * the exception code, as the framework does for a request's user buffer.
 *
 *   buffer (2 pages, user space)   routine                       result, MDL afterwards
 *   read/write                     ForRead, ForWrite, WithAccess STATUS_SUCCESS, pages locked
 *   read-only                      ForRead                       STATUS_SUCCESS
 *   read-only                      ForWrite, WithAccess(Modify)  STATUS_ACCESS_VIOLATION, not locked
 *   released (no VAD)              ForRead                       STATUS_ACCESS_VIOLATION
 *   kernel pool, UserMode          ForRead                       STATUS_ACCESS_VIOLATION
 *   kernel pool, KernelMode        ForWrite                      STATUS_SUCCESS
 *
 * (MmProbeAndLockPages raises STATUS_ACCESS_VIOLATION for an inaccessible page or a
 * user-mode request for a kernel address; Microsoft's MmProbeAndLockPages page.)
 */
#include <mmsim_cmocka.h>

NTSTATUS FxProbeAndLockForRead(PMDL Mdl, KPROCESSOR_MODE AccessMode);
NTSTATUS FxProbeAndLockForWrite(PMDL Mdl, KPROCESSOR_MODE AccessMode);
NTSTATUS FxProbeAndLockWithAccess(PMDL Mdl, KPROCESSOR_MODE AccessMode,
                                  LOCK_OPERATION Operation);

enum { Bytes = 2 * PAGE_SIZE };

static PMDL MdlFor(PVOID Buffer)
{
    PMDL Mdl = IoAllocateMdl(Buffer, Bytes, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    return Mdl;
}

static void ExpectLockedThenRelease(PMDL Mdl, NTSTATUS Status)
{
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_true((Mdl->MdlFlags & MDL_PAGES_LOCKED) != 0);
    MmUnlockPages(Mdl);
}

SIM_TEST(ReadWriteUserBufferLocksForEveryAccess)
{
    PVOID Buffer = SimAllocateUserBuffer(Bytes, PAGE_READWRITE, NULL, 0);
    assert_non_null(Buffer);
    PMDL Mdl = MdlFor(Buffer);
    ExpectLockedThenRelease(Mdl, FxProbeAndLockForRead(Mdl, UserMode));
    ExpectLockedThenRelease(Mdl, FxProbeAndLockForWrite(Mdl, UserMode));
    ExpectLockedThenRelease(Mdl, FxProbeAndLockWithAccess(Mdl, UserMode, IoModifyAccess));
    IoFreeMdl(Mdl);
    SimFreeUserBuffer(Buffer);
}

SIM_TEST(ReadOnlyUserBufferRefusesWriteAccess)
{
    PVOID Buffer = SimAllocateUserBuffer(Bytes, PAGE_READONLY, NULL, 0);
    assert_non_null(Buffer);
    PMDL Mdl = MdlFor(Buffer);
    ExpectLockedThenRelease(Mdl, FxProbeAndLockForRead(Mdl, UserMode));
    assert_int_equal(FxProbeAndLockForWrite(Mdl, UserMode), STATUS_ACCESS_VIOLATION);
    assert_true((Mdl->MdlFlags & MDL_PAGES_LOCKED) == 0);
    assert_int_equal(FxProbeAndLockWithAccess(Mdl, UserMode, IoModifyAccess),
                     STATUS_ACCESS_VIOLATION);
    assert_true((Mdl->MdlFlags & MDL_PAGES_LOCKED) == 0);
    IoFreeMdl(Mdl);
    SimFreeUserBuffer(Buffer);
}

SIM_TEST(ReleasedUserBufferIsAnAccessViolation)
{
    PVOID Buffer = SimAllocateUserBuffer(Bytes, PAGE_READWRITE, NULL, 0);
    assert_non_null(Buffer);
    PMDL Mdl = MdlFor(Buffer);
    SimFreeUserBuffer(Buffer);
    assert_int_equal(FxProbeAndLockForRead(Mdl, UserMode), STATUS_ACCESS_VIOLATION);
    assert_true((Mdl->MdlFlags & MDL_PAGES_LOCKED) == 0);
    IoFreeMdl(Mdl);
}

SIM_TEST(KernelBufferOnlyForKernelMode)
{
    PVOID Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, 'bwFx');
    assert_non_null(Buffer);
    PMDL Mdl = MdlFor(Buffer);
    assert_int_equal(FxProbeAndLockForRead(Mdl, UserMode), STATUS_ACCESS_VIOLATION);
    assert_true((Mdl->MdlFlags & MDL_PAGES_LOCKED) == 0);
    ExpectLockedThenRelease(Mdl, FxProbeAndLockForWrite(Mdl, KernelMode));
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Buffer, 'bwFx');
}

int main(void)
{
    return SimRunTests("realworld: KMDF probeandlock.c", NULL, NULL);
}
