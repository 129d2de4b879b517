/*
 * test_minivisor.c - harness for MiniVisor's Windows platform layer
 * (../MiniVisorPkg/Sources/Platform/Windows/WinPlatform.c, unchanged): the
 * memory, processor and lock services its hypervisor core asks of Windows.
 *
 *   call                          checked (Windows-documented behaviour)
 *   DriverEntry                   DriverUnload set; the core's MV_STATUS returned as
 *                                 its NTSTATUS (table below, STATUS_HV_OPERATION_FAILED
 *                                 included); unload cleans the core up
 *   InitializePlatform            the logger gets 32 pages per active processor; its
 *                                 NTSTATUS mapped back (unknown: MV_STATUS_UNSUCCESSFUL);
 *                                 PAGED_CODE at DISPATCH_LEVEL: 0xD1
 *   AllocateSystemMemory(n)       one zeroed non-paged block 'vniM' of n pages
 *                                 (ExAllocatePool2); NULL without pool; freed by tag
 *   GetPhysicalAddress /          MmGetPhysicalAddress and MmGetVirtualForPhysical
 *   GetVirtualAddress             are inverse for every byte of a non-paged block
 *   ReserveVirtualAddress(n)      MmAllocateMappingAddress: n pages of system VA that
 *                                 MmMapLockedPagesWithReservedMapping fills with an
 *                                 MDL's pages; freed by MmFreeMappingAddress
 *   RunOnAllProcessors            the callback once per active processor, at
 *                                 PASSIVE_LEVEL, each time on the processor its group
 *                                 affinity names; the thread's own affinity after
 *   Acquire/ReleaseSystemSpinLock DISPATCH_LEVEL while held, the caller's IRQL after
 *
 * Harness adaptations: the hypervisor core (InitializeMiniVisor, CleanupMiniVisor)
 * and the file logger (InitializeLogger, CleanupLogger, LogEarlyErrorMessage) are
 * other files of the project; the harness records their calls. Build
 * configuration: NTDDI_VERSION defined (the WDK's build defines it; Common.h picks
 * the Windows platform from it) and ia32-doc's directory on the include path.
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

#include "../MiniVisorPkg/Sources/Platform/Windows/WinPlatform.h"
#include "../MiniVisorPkg/Sources/Platform/Windows/WinLogger.h"
#include "../MiniVisorPkg/Sources/MiniVisor.h"

#define MV_TAG 'vniM'

DRIVER_INITIALIZE DriverEntry;

/* ---- the rest of the project, recorded ---------------------------------- */
static struct {
    MV_STATUS CoreStatus;
    ULONG CoreInits, CoreCleanups;
    NTSTATUS LoggerStatus;
    LOGGER_CONFIGURATION Logger;
    ULONG LoggerInits, LoggerCleanups, EarlyErrors;
} Project;

MV_STATUS InitializeMiniVisor(void)
{
    Project.CoreInits++;
    return Project.CoreStatus;
}

void CleanupMiniVisor(void)
{
    Project.CoreCleanups++;
}

NTSTATUS InitializeLogger(const LOGGER_CONFIGURATION *Configuration)
{
    Project.LoggerInits++;
    Project.Logger = *Configuration;
    return Project.LoggerStatus;
}

void CleanupLogger(void)
{
    Project.LoggerCleanups++;
}

void LogEarlyErrorMessage(const CHAR *Format, ...)
{
    (void)Format;
    Project.EarlyErrors++;
}

static void ResetProject(void)
{
    memset(&Project, 0, sizeof(Project));
}

/* ---- DriverEntry and the status mapping --------------------------------- */
SIM_TEST(DriverEntryReturnsTheCoresStatusAsAnNtStatus)
{
    static const struct {
        MV_STATUS Core;
        NTSTATUS Returned;
    } Cases[] = {
        {MV_STATUS_SUCCESS, STATUS_SUCCESS},
        {MV_STATUS_UNSUCCESSFUL, STATUS_UNSUCCESSFUL},
        {MV_STATUS_ACCESS_DENIED, STATUS_ACCESS_DENIED},
        {MV_STATUS_INSUFFICIENT_RESOURCES, STATUS_INSUFFICIENT_RESOURCES},
        {MV_STATUS_HV_OPERATION_FAILED, STATUS_HV_OPERATION_FAILED},
    };
    /* The hypervisor facility's code, as ntstatus.h has it. */
    assert_int_equal((ULONG)STATUS_HV_OPERATION_FAILED, 0xC0350071u);
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        ResetProject();
        Project.CoreStatus = Cases[i].Core;
        PDRIVER_OBJECT Driver = SimCreateDriverObject(L"MiniVisor");
        assert_non_null(Driver);
        assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), Cases[i].Returned);
        assert_int_equal(Project.CoreInits, 1);
        assert_non_null(Driver->DriverUnload);
        /* The I/O manager calls DriverUnload only after a DriverEntry that
         * succeeded; a failed one is unloaded without it. */
        assert_true(SimUnloadDriver(Driver, NULL));
        assert_int_equal(Project.CoreCleanups, NT_SUCCESS(Cases[i].Returned) ? 1 : 0);
    }
}

SIM_TEST(InitializePlatformSizesTheLogBufferByActiveProcessors)
{
    ResetProject();
    assert_int_equal(InitializePlatform(), MV_STATUS_SUCCESS);
    assert_int_equal(Project.LoggerInits, 1);
    assert_int_equal(Project.Logger.BufferSize,
                     (SIZE_T)32 * PAGE_SIZE * KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS));
    assert_int_equal(Project.Logger.FlushIntervalInMs, 500);
    CleanupPlatform();
    assert_int_equal(Project.LoggerCleanups, 1);
}

SIM_TEST(InitializePlatformMapsTheLoggersFailure)
{
    static const struct {
        NTSTATUS Logger;
        MV_STATUS Returned;
    } Cases[] = {
        {STATUS_INSUFFICIENT_RESOURCES, MV_STATUS_INSUFFICIENT_RESOURCES},
        {STATUS_ACCESS_DENIED, MV_STATUS_ACCESS_DENIED},
        {STATUS_OBJECT_PATH_NOT_FOUND, MV_STATUS_UNSUCCESSFUL}, /* not in the table */
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        ResetProject();
        Project.LoggerStatus = Cases[i].Logger;
        assert_int_equal(InitializePlatform(), Cases[i].Returned);
        assert_int_equal(Project.EarlyErrors, 1);
    }
}

SIM_TEST(InitializePlatformIsPagedCode)
{
    KIRQL Old;
    ResetProject();
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY, (void)InitializePlatform());
}

/* ---- pages, addresses, reserved mappings -------------------------------- */
SIM_TEST(AllocateSystemMemoryIsZeroedNonPagedPoolByTag)
{
    UCHAR *Pages = (UCHAR *)AllocateSystemMemory(3);
    assert_non_null(Pages);
    SIM_POOL_TAG_USAGE Usage = TagUsage(MV_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, 3 * PAGE_SIZE);
    for (ULONG i = 0; i < 3 * PAGE_SIZE; i++) {
        assert_int_equal(Pages[i], 0);
    }
    FreeSystemMemory(Pages, 3);
    assert_int_equal(TagUsage(MV_TAG).Frees, 1);
}

SIM_TEST(AllocateSystemMemoryWithoutPoolIsNull)
{
    SimFailNthCall(SimFaultPool, 1);
    assert_null(AllocateSystemMemory(1));
    assert_int_equal(TagUsage(MV_TAG).Allocs, 0);
}

SIM_TEST(PhysicalAndVirtualAddressesAreInverse)
{
    UCHAR *Pages = (UCHAR *)AllocateSystemMemory(2);
    assert_non_null(Pages);
    static const ULONG Offsets[] = {0, 1, 123, PAGE_SIZE - 1, PAGE_SIZE, 2 * PAGE_SIZE - 8};
    for (size_t i = 0; i < RTL_NUMBER_OF(Offsets); i++) {
        UINT64 Pa = GetPhysicalAddress(Pages + Offsets[i]);
        assert_int_equal(Pa & (PAGE_SIZE - 1), BYTE_OFFSET(Pages + Offsets[i]));
        assert_ptr_equal(GetVirtualAddress(Pa), Pages + Offsets[i]);
    }
    FreeSystemMemory(Pages, 2);
}

SIM_TEST(ReservedAddressesTakeAnMdlsPages)
{
    UCHAR *Block = (UCHAR *)AllocateSystemMemory(2);
    assert_non_null(Block);
    UCHAR *Reserved = (UCHAR *)ReserveVirtualAddress(2);
    assert_non_null(Reserved);
    assert_int_equal(BYTE_OFFSET(Reserved), 0);
    PMDL Mdl = IoAllocateMdl(Block, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    MmBuildMdlForNonPagedPool(Mdl);
    UCHAR *Mapped = (UCHAR *)MmMapLockedPagesWithReservedMapping(Reserved, MV_TAG, Mdl, MmCached);
    assert_ptr_equal(Mapped, Reserved);
    Mapped[PAGE_SIZE + 7] = 0x5A; /* the same physical page as the block's */
    assert_int_equal(Block[PAGE_SIZE + 7], 0x5A);
    assert_int_equal(GetPhysicalAddress(Mapped + PAGE_SIZE), GetPhysicalAddress(Block + PAGE_SIZE));
    MmUnmapReservedMapping(Reserved, MV_TAG, Mdl);
    IoFreeMdl(Mdl);
    FreeReservedVirtualAddress(Reserved, 2);
    FreeSystemMemory(Block, 2);
}

SIM_TEST(ReserveVirtualAddressIsPagedCode)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)Old;
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, SIM_ANY, (void)ReserveVirtualAddress(1));
}

/* ---- processors and the spin lock --------------------------------------- */
static struct {
    ULONG Calls;
    ULONG Processor[64];
    KIRQL Irql[64];
} Ran;

static void RecordProcessor(void *Context)
{
    assert_ptr_equal(Context, &Ran);
    if (Ran.Calls < RTL_NUMBER_OF(Ran.Processor)) {
        Ran.Processor[Ran.Calls] = KeGetCurrentProcessorNumberEx(NULL);
        Ran.Irql[Ran.Calls] = KeGetCurrentIrql();
    }
    Ran.Calls++;
}

SIM_TEST(RunOnAllProcessorsRunsOnEachProcessorInTurn)
{
    memset(&Ran, 0, sizeof(Ran));
    RunOnAllProcessors(RecordProcessor, &Ran);
    ULONG Count = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    assert_int_equal(Ran.Calls, Count);
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Ran.Processor); i++) {
        assert_int_equal(Ran.Processor[i], i);
        assert_int_equal(Ran.Irql[i], PASSIVE_LEVEL);
    }
    /* The thread is back on its own affinity: what a new system affinity replaces
     * is "none" (mask 0). */
    GROUP_AFFINITY Any = {0}, Previous;
    Any.Mask = 1;
    KeSetSystemGroupAffinityThread(&Any, &Previous);
    assert_int_equal(Previous.Mask, 0);
    KeRevertToUserGroupAffinityThread(&Previous);
}

SIM_TEST(SpinLockHoldsAtDispatchLevel)
{
    static const KIRQL From[] = {PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL};
    for (size_t i = 0; i < RTL_NUMBER_OF(From); i++) {
        SPIN_LOCK Lock;
        KIRQL Old = PASSIVE_LEVEL;
        InitializeSystemSpinLock(&Lock);
        assert_int_equal(Lock, SpinLockReleased);
        if (From[i] != PASSIVE_LEVEL) {
            KeRaiseIrql(From[i], &Old);
        }
        UINT8 Previous = AcquireSystemSpinLock(&Lock);
        assert_int_equal(Previous, From[i]);
        assert_int_equal(Lock, SpinLockAcquired);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        ReleaseSystemSpinLock(&Lock, Previous);
        assert_int_equal(Lock, SpinLockReleased);
        assert_int_equal(KeGetCurrentIrql(), From[i]);
        if (From[i] != PASSIVE_LEVEL) {
            KeLowerIrql(Old);
        }
    }
}

int main(void)
{
    return SimRunTests("realworld: MiniVisor's WinPlatform.c", NULL, NULL);
}
