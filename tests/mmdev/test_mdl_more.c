/* Further MDL routines, system size queries, processor and NUMA queries and
 * further kernel routines (docs/device-memory.md, "Further MDL routines" and
 * "Processors"). */
#include <string.h>

#include <mmsim_cmocka.h>

#define TAG 'dMsT'

/* Two pages for an MDL, mapped read-write into system space. */
static PMDL MapTwoPages(PVOID *Va)
{
    PHYSICAL_ADDRESS Low = SimPhysical(0), High = SimPhysical(-1), Skip = SimPhysical(0);
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, 2 * PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    *Va = MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE, NormalPagePriority);
    assert_non_null(*Va);
    return Mdl;
}

static void UnmapTwoPages(PMDL Mdl, PVOID Va)
{
    MmUnmapLockedPages(Va, Mdl);
    SimTestFreeMdlPages(Mdl);
}

/* ---- MmProtectMdlSystemAddress --------------------------------------- */
SIM_TEST(ReadOnlySystemAddressStopsAWriteWith0xBE)
{
    PVOID Va;
    PMDL Mdl = MapTwoPages(&Va);
    volatile UCHAR *Bytes = (volatile UCHAR *)Va;
    Bytes[PAGE_SIZE] = 7;
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_READONLY), STATUS_SUCCESS);
    ULONG64 Pte = 0;
    assert_true(SimQueryPte((PUCHAR)Va + PAGE_SIZE, &Pte, NULL));
    assert_int_equal(Pte & SIM_PTE_WRITE, 0); /* the emulated PTE changed */
    assert_int_equal(Bytes[PAGE_SIZE], 7);     /* still readable */
    SimAssertInvariants();                      /* ... and the host agrees */
    SIM_EXPECT_BUGCHECK4(0xBE, (ULONG_PTR)Va + PAGE_SIZE + 1, Pte, 0, 0,
                         Bytes[PAGE_SIZE + 1] = 1);
}

SIM_TEST(ReadWriteAgainAllowsWrites)
{
    PVOID Va;
    PMDL Mdl = MapTwoPages(&Va);
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_EXECUTE_READ), STATUS_SUCCESS);
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_READWRITE), STATUS_SUCCESS);
    ((volatile UCHAR *)Va)[0] = 1;
    ((volatile UCHAR *)Va)[PAGE_SIZE] = 2;
    ULONG64 Pte = 0;
    assert_true(SimQueryPte(Va, &Pte, NULL));
    assert_int_not_equal(Pte & SIM_PTE_WRITE, 0);
    SimAssertInvariants();
    UnmapTwoPages(Mdl, Va);
}

typedef struct {
    ULONG Protect;
    NTSTATUS Status;
} PROTECT_ROW;

/* mmsim refuses PAGE_NOACCESS (docs/device-memory.md: not simulated). */
static const PROTECT_ROW ProtectRows[] = {
    {PAGE_READONLY, STATUS_SUCCESS},
    {PAGE_READWRITE, STATUS_SUCCESS},
    {PAGE_EXECUTE, STATUS_SUCCESS},
    {PAGE_EXECUTE_READ, STATUS_SUCCESS},
    {PAGE_EXECUTE_READWRITE, STATUS_SUCCESS},
    {PAGE_NOACCESS, STATUS_INVALID_PAGE_PROTECTION},
    {PAGE_WRITECOPY, STATUS_INVALID_PAGE_PROTECTION},
    {PAGE_READWRITE | PAGE_NOCACHE, STATUS_INVALID_PAGE_PROTECTION},
    {PAGE_GUARD, STATUS_INVALID_PAGE_PROTECTION},
    {0, STATUS_INVALID_PAGE_PROTECTION},
};

SIM_TEST(ProtectTakesTheDocumentedValues)
{
    PVOID Va;
    PMDL Mdl = MapTwoPages(&Va);
    for (size_t i = 0; i < sizeof(ProtectRows) / sizeof(ProtectRows[0]); i++) {
        NTSTATUS Status = MmProtectMdlSystemAddress(Mdl, ProtectRows[i].Protect);
        if (Status != ProtectRows[i].Status) {
            fail_msg("Protect 0x%lx: 0x%08lx, expected 0x%08lx",
                     (unsigned long)ProtectRows[i].Protect, (unsigned long)Status,
                     (unsigned long)ProtectRows[i].Status);
        }
    }
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_READWRITE), STATUS_SUCCESS);
    UnmapTwoPages(Mdl, Va);
}

SIM_TEST(ProtectOfAnUnmappedMdlIsNotMappedView)
{
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG);
    assert_non_null(Pool);
    PMDL Mdl = IoAllocateMdl(Pool, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_READONLY), STATUS_NOT_MAPPED_VIEW);
    MmBuildMdlForNonPagedPool(Mdl); /* pool's own address: not a mapping */
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_READONLY), STATUS_NOT_MAPPED_VIEW);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Pool, TAG);
    /* Mapped once and unmapped: not mapped any more. */
    PVOID Va;
    PMDL Pages = MapTwoPages(&Va);
    MmUnmapLockedPages(Va, Pages);
    assert_int_equal(MmProtectMdlSystemAddress(Pages, PAGE_READONLY), STATUS_NOT_MAPPED_VIEW);
    SimTestFreeMdlPages(Pages);
}

/* ---- MmCreateMdl, MmAdvanceMdl, MmIsNonPagedSystemAddressValid -------- */
SIM_TEST(CreateMdlDescribesTheBuffer)
{
    PUCHAR Pool = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG);
    assert_non_null(Pool);
    PMDL Mdl = MmCreateMdl(NULL, Pool + 0x100, 2 * PAGE_SIZE);
    assert_non_null(Mdl);
    assert_int_equal(MmGetMdlByteCount(Mdl), 2 * PAGE_SIZE);
    assert_int_equal(MmGetMdlByteOffset(Mdl), 0x100);
    assert_ptr_equal(MmGetMdlVirtualAddress(Mdl), Pool + 0x100);
    assert_int_equal(Mdl->Size, (CSHORT)MmSizeOfMdl(Pool + 0x100, 2 * PAGE_SIZE));
    ExFreePool(Mdl);
    ExFreePoolWithTag(Pool, TAG);
}

SIM_TEST(AdvanceMdlMovesTheStartForward)
{
    PUCHAR Pool = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG);
    assert_non_null(Pool);
    PMDL Mdl = IoAllocateMdl(Pool + 0x800, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    MmBuildMdlForNonPagedPool(Mdl);
    PFN_NUMBER Second = MmGetMdlPfnArray(Mdl)[1];
    assert_int_equal(MmAdvanceMdl(Mdl, 2 * PAGE_SIZE), STATUS_INVALID_PARAMETER_2);
    assert_int_equal(MmAdvanceMdl(Mdl, 0x900), STATUS_SUCCESS);
    /*   before: [0x800 ........ 2 pages ........)
     *   after:        [0x100 ... 0x1700 bytes ...)   one page further */
    assert_int_equal(MmGetMdlByteCount(Mdl), 2 * PAGE_SIZE - 0x900);
    assert_int_equal(MmGetMdlByteOffset(Mdl), 0x100);
    assert_ptr_equal(MmGetMdlVirtualAddress(Mdl), Pool + 0x1100);
    assert_ptr_equal(Mdl->MappedSystemVa, Pool + 0x1100);
    assert_int_equal(MmGetMdlPfnArray(Mdl)[0], Second);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Pool, TAG);
}

SIM_TEST(NonPagedSystemAddressValidity)
{
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, TAG);
    assert_true(MmIsNonPagedSystemAddressValid(Pool));
    ExFreePoolWithTag(Pool, TAG);
    assert_false(MmIsNonPagedSystemAddressValid(NULL));
}

/* ---- System size -------------------------------------------------------- */
SIM_TEST(SystemSizeQueries)
{
    assert_int_equal(MmQuerySystemSize(), MmLargeSystem); /* 256 MiB */
    assert_false(MmIsThisAnNtAsSystem());
    assert_true(Mm64BitPhysicalAddress);
}

SIM_TEST(SharedUserDataHasTheMachinesFacts)
{
    ULONG64 Ticks;
    KeQueryTickCount(&Ticks); /* brings the page up to date */
    assert_int_equal(SharedUserData->ActiveProcessorCount,
                     KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS));
    assert_int_equal(SharedUserData->ActiveGroupCount, KeQueryActiveGroupCount());
    assert_int_equal(SharedUserData->NativeProcessorArchitecture, 9); /* AMD64 */
    assert_int_equal(SharedUserData->LargePageMinimum, 0x200000);
    assert_true(SharedUserData->ProductTypeIsValid);
    assert_int_equal(SharedUserData->NtProductType, 1); /* NtProductWinNt */
    assert_int_equal(sizeof(KUSER_SHARED_DATA), 0x738);
}

/* ---- Processors --------------------------------------------------------- */
SIM_TEST(ProcessorCountsAgree)
{
    ULONG All = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    USHORT Groups = (USHORT)((All + 63) / 64);
    assert_int_equal((ULONG)KeNumberProcessors, KeQueryActiveProcessorCount(NULL));
    assert_int_equal(KeQueryMaximumProcessorCount(), KeQueryActiveProcessorCount(NULL));
    assert_int_equal(KeQueryMaximumProcessorCountEx(ALL_PROCESSOR_GROUPS), All);
    assert_int_equal(KeQueryMaximumProcessorCountEx(Groups), 0);
    assert_int_equal(KeQueryActiveGroupCount(), Groups);
    assert_int_equal(KeQueryMaximumGroupCount(), Groups);
    assert_int_equal(KeQueryHighestNodeNumber(), 0);
    assert_int_equal(KeGetCurrentNodeNumber(), 0);
    assert_int_equal(KeQueryNodeMaximumProcessorCount(0), All);
    assert_int_equal(KeQueryNodeMaximumProcessorCount(1), 0);
}

SIM_TEST(ProcessorIndexAndNumberRoundTrip)
{
    ULONG All = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    for (ULONG i = 0; i < All; i++) {
        PROCESSOR_NUMBER Number;
        assert_int_equal(KeGetProcessorNumberFromIndex(i, &Number), STATUS_SUCCESS);
        assert_int_equal(Number.Group, i / 64);
        assert_int_equal(Number.Number, i % 64);
        assert_int_equal(KeGetProcessorIndexFromNumber(&Number), i);
    }
    PROCESSOR_NUMBER Number = {0, 0, 0};
    assert_int_equal(KeGetProcessorNumberFromIndex(All, &Number), STATUS_INVALID_PARAMETER);
    PROCESSOR_NUMBER Bad[] = {{0, 64, 0}, {(USHORT)((All + 63) / 64), 0, 0}, {0, 0, 1}};
    for (size_t i = 0; i < sizeof(Bad) / sizeof(Bad[0]); i++) {
        assert_int_equal(KeGetProcessorIndexFromNumber(&Bad[i]), INVALID_PROCESSOR_INDEX);
    }
}

static volatile LONG IpiCalls;
static volatile KIRQL IpiIrql;

static ULONG_PTR NTAPI CountCalls(ULONG_PTR Argument)
{
    IpiIrql = KeGetCurrentIrql();
    return (ULONG_PTR)InterlockedIncrement(&IpiCalls) + Argument * 0;
}

SIM_TEST(IpiGenericCallRunsOncePerProcessorAtIpiLevel)
{
    IpiCalls = 0;
    ULONG_PTR Result = KeIpiGenericCall(CountCalls, 5);
    ULONG All = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    assert_int_equal(IpiCalls, All);
    assert_int_equal(IpiIrql, IPI_LEVEL);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    /* The caller's processor's call (calls run in index order). */
    assert_true(Result >= 1 && Result <= All);
}

static int Callouts;

static VOID NTAPI Callout(PVOID Parameter)
{
    Callouts += *(int *)Parameter;
}

SIM_TEST(ExpandKernelStackJustCalls)
{
    int Two = 2;
    Callouts = 0;
    assert_int_equal(KeExpandKernelStackAndCallout(Callout, &Two, MAXIMUM_EXPANSION_SIZE),
                     STATUS_SUCCESS);
    assert_int_equal(Callouts, 2);
    assert_int_equal(KeExpandKernelStackAndCallout(Callout, &Two, MAXIMUM_EXPANSION_SIZE + 1),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(Callouts, 2);
    KeFlushWriteBuffer();
    assert_true(KeInvalidateAllCaches());
    KeInvalidateRangeAllCaches(&Two, sizeof(Two));
}

SIM_TEST(LogicalProcessorRelationship)
{
    ULONG All = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
    ULONG Length = 0;
    assert_int_equal(KeQueryLogicalProcessorRelationship(NULL, RelationProcessorCore, NULL,
                                                         &Length),
                     STATUS_INFO_LENGTH_MISMATCH);
    assert_true(Length >= All * sizeof(ULONG) * 2);
    PUCHAR Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, TAG);
    assert_non_null(Buffer);
    ULONG Short = Length - 1;
    assert_int_equal(KeQueryLogicalProcessorRelationship(
                         NULL, RelationProcessorCore,
                         (PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX)Buffer, &Short),
                     STATUS_INFO_LENGTH_MISMATCH);
    assert_int_equal(Short, Length);
    assert_int_equal(KeQueryLogicalProcessorRelationship(
                         NULL, RelationProcessorCore,
                         (PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX)Buffer, &Length),
                     STATUS_SUCCESS);
    /* One core record per processor, each naming that processor. */
    ULONG Records = 0;
    for (ULONG Offset = 0; Offset < Length; Records++) {
        PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX Info =
            (PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX)(Buffer + Offset);
        assert_int_equal(Info->Relationship, RelationProcessorCore);
        assert_int_equal(Info->Processor.GroupCount, 1);
        assert_int_equal(Info->Processor.GroupMask[0].Mask, (KAFFINITY)1 << (Records % 64));
        Offset += Info->Size;
    }
    assert_int_equal(Records, All);
    ExFreePoolWithTag(Buffer, TAG);

    PROCESSOR_NUMBER Bad = {0, 64, 0};
    Length = 0;
    assert_int_equal(KeQueryLogicalProcessorRelationship(&Bad, RelationAll, NULL, &Length),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(KeQueryLogicalProcessorRelationship(
                         NULL, (LOGICAL_PROCESSOR_RELATIONSHIP)7, NULL, &Length),
                     STATUS_INVALID_PARAMETER);
}

int main(void)
{
    return SimRunTests("mdl_more", NULL, NULL);
}
