/*
 * test_hostile_hostmap.c - issue 21 item 1: a host refusal never leaves a
 * stale mapping.
 *
 * Every valid PTE is mirrored by a host mapping, and unmapping a page in the
 * middle of a host mapping splits it in three. At the host's limit
 * (vm.max_map_count on Linux) that split is refused; before the mapping
 * budget, the refusal went unnoticed and the page stayed readable and
 * writable after its PTE was zeroed: no 0x50, and an alias of the page's next
 * owner. mmsim now holds a budget of host mappings well under the host's limit
 * (docs/hosts.md) and charges every map for the splits its unmap may need.
 *
 * Each test fills system space with host mappings until the (lowered) budget
 * refuses one, then does what needs a split:
 *
 *   one mapping of 3 contiguous pages    [ A | B | C ]      one host mapping
 *   unmap / free B                       [ A ] ... [ C ]    three
 *
 * and checks that B faults (0x50) and that, after everything is released, the
 * invariant checker finds the host mirror exact; or does what needs more
 * mappings and checks the DDI fails as documented, changing nothing: a
 * growth of the growable region (core/), an nt5 replacement mapping.
 */
#include <string.h>

#include <mmsim_cmocka.h>

#include "growable_region.h"

#define TAG_HOST 'tsoH'     /* "Host" */
#define BUDGET 2000         /* lowered budget: fast, far from the host's own limit */
#define FILL_SLOTS 40000    /* stride-2 slots for single-page mappings: > BUDGET / 2 */

/* A fresh default machine of the profile with the lowered budget. */
static void BuildMachineOf(SIM_PROFILE Profile)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = Profile;
    Config.HostMappingBudget = BUDGET;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

static void BuildMachine(void)
{
    BuildMachineOf(SimProfileModern);
}

static PMDL AllocatePages(ULONG Pages)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, (SIZE_T)Pages * PAGE_SIZE, MmCached,
                                       MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS);
    assert_non_null(Mdl);
    assert_int_equal(MmGetMdlByteCount(Mdl), (ULONG)Pages * PAGE_SIZE);
    return Mdl;
}

/* The filler: one page mapped at every other page of a divisible reservation
 * (each mapping a host mapping of its own, between two inaccessible ones),
 * until the budget refuses a mapping. */
typedef struct _FILLER {
    PUCHAR Base;
    PMDL Page;
    ULONG Mapped;
    BOOLEAN TopUp; /* also mapped at the odd slot 2 * Mapped - 1 */
} FILLER;

static void Fill(FILLER *Filler)
{
    Filler->Base = (PUCHAR)MmAllocateMappingAddressEx((SIZE_T)2 * FILL_SLOTS * PAGE_SIZE,
                                                      TAG_HOST, MM_MAPPING_ADDRESS_DIVISIBLE);
    assert_non_null(Filler->Base);
    Filler->Page = AllocatePages(1);
    Filler->Mapped = 0;
    while (Filler->Mapped < FILL_SLOTS && MmMapLockedPagesWithReservedMapping(
                                              Filler->Base + (SIZE_T)2 * Filler->Mapped * PAGE_SIZE,
                                              TAG_HOST, Filler->Page, MmCached) != NULL) {
        Filler->Mapped++;
    }
    /* The limit was reached, and by the budget, not by the filler's size. */
    assert_true(Filler->Mapped > 0 && Filler->Mapped < FILL_SLOTS);
    /* A page right after the last one needs one more host mapping, not two:
     * it takes the last one the budget may have left. */
    Filler->TopUp = MmMapLockedPagesWithReservedMapping(
                        Filler->Base + (SIZE_T)(2 * Filler->Mapped - 1) * PAGE_SIZE, TAG_HOST,
                        Filler->Page, MmCached) != NULL;
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.HostMappingBudget, BUDGET);
    assert_int_equal(Stats.HostMappingsCharged, BUDGET);
}

static void Unfill(FILLER *Filler)
{
    for (ULONG i = 0; i < Filler->Mapped; i++) {
        MmUnmapReservedMapping(Filler->Base + (SIZE_T)2 * i * PAGE_SIZE, TAG_HOST, Filler->Page);
    }
    if (Filler->TopUp) {
        MmUnmapReservedMapping(Filler->Base + (SIZE_T)(2 * Filler->Mapped - 1) * PAGE_SIZE,
                               TAG_HOST, Filler->Page);
    }
    MmFreeMappingAddress(Filler->Base, TAG_HOST);
    SimTestFreeMdlPages(Filler->Page);
}

/* After every release: the host shows exactly the valid PTEs. */
static void ExpectInvariantsClean(void)
{
    char Report[2048] = "";
    if (!SimCheckInvariants(Report, sizeof(Report))) {
        fail_msg("invariants broken after cleanup:\n%s", Report);
    }
}

/* (a) Unmapping one page inside a reserved mapping at the budget. */
SIM_TEST(UnmapInsideReservedMappingAtTheBudget)
{
    BuildMachine();
    PUCHAR Va = (PUCHAR)MmAllocateMappingAddressEx(3 * PAGE_SIZE, TAG_HOST,
                                                   MM_MAPPING_ADDRESS_DIVISIBLE);
    assert_non_null(Va);
    PMDL Three = AllocatePages(3);
    assert_ptr_equal(MmMapLockedPagesWithReservedMapping(Va, TAG_HOST, Three, MmCached), Va);
    assert_int_equal(SimCountHostMappings(Va, 3 * PAGE_SIZE), 1); /* one host mapping */

    FILLER Filler;
    Fill(&Filler);
    PMDL One = AllocatePages(1); /* describes one page: the span of the unmap */
    MmUnmapReservedMapping(Va + PAGE_SIZE, TAG_HOST, One);
    assert_int_equal(SimCountHostMappings(Va, 3 * PAGE_SIZE), 2);
    ExpectInvariantsClean(); /* the middle page is inaccessible in the host too */
    Va[0] = 'A';             /* the neighbours stay mapped */
    Va[2 * PAGE_SIZE] = 'C';

    Unfill(&Filler);
    MmUnmapReservedMapping(Va, TAG_HOST, One);
    MmUnmapReservedMapping(Va + 2 * PAGE_SIZE, TAG_HOST, One);
    /* Unmapped piece by piece through One, as a divisible reservation
     * allows: the flag on the MDL that mapped the pages is its owner's to clear. */
    Three->MdlFlags &= (CSHORT)~MDL_MAPPED_TO_SYSTEM_VA;
    MmFreeMappingAddress(Va, TAG_HOST);
    SimTestFreeMdlPages(One);
    SimTestFreeMdlPages(Three);
    ExpectInvariantsClean();
    SIM_EXPECT_BUGCHECK4(PAGE_FAULT_IN_NONPAGED_AREA, Va + PAGE_SIZE, 0, SIM_ANY, 0,
                         (void)*(volatile UCHAR *)(Va + PAGE_SIZE));
}

/* (b) Freeing the middle one of three adjacent pool pages at the budget. */
SIM_TEST(FreeMiddlePoolPageAtTheBudget)
{
    BuildMachine();
    PUCHAR Block[3];
    for (int i = 0; i < 3; i++) {
        Block[i] = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_HOST);
        assert_non_null(Block[i]);
    }
    /* Fresh machine: adjacent pages of adjacent physical pages, one mapping. */
    assert_ptr_equal(Block[1], Block[0] + PAGE_SIZE);
    assert_ptr_equal(Block[2], Block[1] + PAGE_SIZE);
    assert_int_equal(SimCountHostMappings(Block[0], 3 * PAGE_SIZE), 1);

    FILLER Filler;
    Fill(&Filler);
    ExFreePoolWithTag(Block[1], TAG_HOST);
    assert_int_equal(SimCountHostMappings(Block[0], 3 * PAGE_SIZE), 2);
    ExpectInvariantsClean(); /* the freed page is inaccessible in the host too */
    memset(Block[0], 'A', PAGE_SIZE);
    memset(Block[2], 'C', PAGE_SIZE);

    Unfill(&Filler);
    ExFreePoolWithTag(Block[0], TAG_HOST);
    ExFreePoolWithTag(Block[2], TAG_HOST);
    ExpectInvariantsClean();
    SIM_EXPECT_BUGCHECK4(PAGE_FAULT_IN_NONPAGED_AREA, Block[1], 2, SIM_ANY, 0,
                         *(volatile UCHAR *)Block[1] = 'B');
}

/* Pool with room in every block size up to half a page, each page pinned by a
 * live block: what a growth allocates (MDLs) then needs no new pool page, so
 * the first thing the budget refuses is the growth's own mapping. */
#define PINNED_SIZES (PAGE_SIZE / 2 / 16)
static PVOID Pinned[PINNED_SIZES];

static void PinPoolRoom(void)
{
    for (ULONG i = 0; i < PINNED_SIZES; i++) {
        Pinned[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, (SIZE_T)(i + 1) * 16, TAG_HOST);
        PVOID Spare = ExAllocatePool2(POOL_FLAG_NON_PAGED, (SIZE_T)(i + 1) * 16, TAG_HOST);
        assert_non_null(Pinned[i]);
        assert_non_null(Spare);
        ExFreePoolWithTag(Spare, TAG_HOST);
    }
}

static void UnpinPoolRoom(void)
{
    for (ULONG i = 0; i < PINNED_SIZES; i++) {
        ExFreePoolWithTag(Pinned[i], TAG_HOST);
    }
}

/* (c) Growth at the budget: GrEnsureCommitted (core/) fails with the status
 * it documents for a lack of resources and leaves the region as it was. Its
 * new chunk is physically apart from the first (the filler's page lies
 * between), so either strategy needs more host mappings than are left. */
SIM_TEST(GrowthAtTheBudgetIsInsufficientResources)
{
    const SIZE_T Grown = 512 * 1024; /* MDLs of at most half a page */
    static const GR_STRATEGY Strategies[] = {GrStrategyDivisible, GrStrategyRemap};
    for (size_t i = 0; i < sizeof(Strategies) / sizeof(Strategies[0]); i++) {
        BuildMachine();
        GR_PARAMETERS Parameters;
        memset(&Parameters, 0, sizeof(Parameters));
        Parameters.MaximumSize = (SIZE_T)16 << 20;
        Parameters.InitialCommit = 64 * 1024;
        Parameters.PoolTag = TAG_HOST;
        Parameters.Strategy = Strategies[i];
        PGROWABLE_REGION Region = NULL;
        assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
        PUCHAR Base = (PUCHAR)GrBase(Region);
        memset(Base, 0x5A, 64 * 1024);

        PinPoolRoom();
        FILLER Filler;
        Fill(&Filler);
        assert_int_equal(GrEnsureCommitted(Region, Grown), STATUS_INSUFFICIENT_RESOURCES);
        assert_int_equal(GrCommittedSize(Region), 64 * 1024);
        assert_int_equal(Base[64 * 1024 - 1], 0x5A); /* still mapped, same pages */
        ExpectInvariantsClean();

        Unfill(&Filler);
        UnpinPoolRoom();
        assert_int_equal(GrEnsureCommitted(Region, Grown), STATUS_SUCCESS);
        GrDestroy(Region);
        ExpectInvariantsClean();
        char Report[1024];
        assert_true(SimIsClean(Report, sizeof(Report)));
    }
}

/* Pool pages until the budget refuses one: each page after the first
 * costs one host mapping (the split its free may make), so this ends with
 * the budget used exactly. */
static PVOID PoolFiller[BUDGET];
static ULONG PoolFilled;

static void FillWithPool(void)
{
    PoolFilled = 0;
    while (PoolFilled < BUDGET &&
           (PoolFiller[PoolFilled] = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_HOST)) !=
               NULL) {
        PoolFilled++;
    }
    assert_true(PoolFilled > 0 && PoolFilled < BUDGET);
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.HostMappingsCharged, BUDGET);
}

static void UnfillPool(void)
{
    for (ULONG i = 0; i < PoolFilled; i++) {
        ExFreePoolWithTag(PoolFiller[i], TAG_HOST);
    }
}

/* An MDL of two pages of Source: its pages First and Second. */
static PMDL TwoPagesOf(PMDL Source, ULONG First, ULONG Second)
{
    PMDL Mdl = IoAllocateMdl(NULL, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    MmGetMdlPfnArray(Mdl)[0] = MmGetMdlPfnArray(Source)[First];
    MmGetMdlPfnArray(Mdl)[1] = MmGetMdlPfnArray(Source)[Second];
    Mdl->MdlFlags |= MDL_PAGES_LOCKED;
    return Mdl;
}

/* (d) nt5: a map into a reservation still mapped replaces the old PTEs
 * (the header scheme has no double-map check). At the budget a replacement
 * that needs more host mappings fails before the old PTEs go:
 *
 *   Old = pages 0,1 of Three    [ 0 1 ]      one host mapping
 *   New = pages 0,2 of Three    [ 0 ][ 2 ]   two: refused, Old stays
 */
SIM_TEST(Nt5ReplacementAtTheBudgetKeepsTheOldMapping)
{
    BuildMachineOf(SimProfileNt5);
    PUCHAR Va = (PUCHAR)MmAllocateMappingAddress(2 * PAGE_SIZE, TAG_HOST);
    assert_non_null(Va);
    PMDL Three = AllocatePages(3);
    PMDL Old = TwoPagesOf(Three, 0, 1);
    PMDL New = TwoPagesOf(Three, 0, 2);
    assert_ptr_equal(MmMapLockedPagesWithReservedMapping(Va, TAG_HOST, Old, MmCached), Va);
    Va[PAGE_SIZE] = 'O';

    FillWithPool();
    assert_null(MmMapLockedPagesWithReservedMapping(Va, TAG_HOST, New, MmCached));
    assert_int_equal(SimCountHostMappings(Va, 2 * PAGE_SIZE), 1); /* Old, still */
    assert_int_equal(Va[PAGE_SIZE], 'O');
    ExpectInvariantsClean();

    UnfillPool();
    MmUnmapReservedMapping(Va, TAG_HOST, Old);
    MmFreeMappingAddress(Va, TAG_HOST);
    IoFreeMdl(New);
    IoFreeMdl(Old);
    SimTestFreeMdlPages(Three);
    ExpectInvariantsClean();
}

/* The budget knob: 16 up to half the host's limit (where there is none,
 * 2^32 - 1); 0 is the default. */
SIM_TEST(BudgetOutsideItsRangeIsRefused)
{
    static const struct {
        ULONG64 Budget;
        NTSTATUS Status;
    } Rows[] = {
        {0, STATUS_SUCCESS},
        {15, STATUS_INVALID_PARAMETER},
        {16, STATUS_SUCCESS},
        {(ULONG64)1 << 40, STATUS_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        Config.HostMappingBudget = Rows[i].Budget;
        assert_int_equal(SimInitialize(&Config), Rows[i].Status);
    }
    SIM_MEMORY_STATS Stats;
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    SimQueryMemory(&Stats);
    assert_true(Stats.HostMappingBudget >= 16 && Stats.HostMappingBudget <= 32768);
}

int main(void)
{
    return SimRunTests("hostile: host mappings", NULL, NULL);
}
