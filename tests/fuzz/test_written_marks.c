/*
 * test_written_marks.c - what the touched invariant check relies on
 * (fuzz22; docs/verifier.md, "Invariants"): it compares with its copy only
 * the blocks of 64 PTEs and 64 PFN entries (with their free bits) that the
 * simulator marked written since the last check (MI_WRITTEN, sim/mm/mi_mm.h).
 * So every path that changes a PTE of system space or a PFN entry marks the
 * blocks it changed. For each path below, from a check (no marks) through
 * the step: every block that differs from a snapshot taken before it is
 * marked, and the step changed something. And the touched check after each
 * step agrees with the whole one, with or without whole checks between
 * (which bring the copies up to date over the marked blocks only).
 *
 *   step                                     PTEs written by
 *   non-paged pool allocated, freed          MiMapPages, MiUnmapRange
 *   paged pool trimmed, touched again        the trim, the soft fault
 *   MDL pages mapped, protected, unmapped    MiMapPages, MiProtectPages, MiUnmapRange
 *   mapping address reserved, used, freed    header PTEs (NT5 profile), MiMapPages, MiClearPtes
 *   device memory mapped, unmapped           MiMapDevicePages, MiUnmapDevicePages
 *   contiguous memory allocated, freed       MiMapPages, MiUnmapRange
 *   SimReset                                 the teardown's clearing of both tables
 *
 * A white-box test: it reads the tables and marks directly.
 */
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/mm/mi_mm.h"

#define TAG 'kMrW'
#define DEVICE_BASE 0x7f0000000ull
#define DEVICE_BYTES (16 * PAGE_SIZE)

static uint64_t *PteCopy;
static MI_PFN *PfnCopy;
static uint64_t *FreeCopy;
static uint64_t PtePages, PfnPages;

static bool Marked(const MI_WRITTEN *Written, uint64_t Block)
{
    return Written->All || ((Written->Bits[Block >> 6] >> (Block & 63)) & 1);
}

/* The tables as they are, right after a check (which clears the marks). */
static void Snapshot(void)
{
    SimAssertInvariants();
    PtePages = MiSpace.Pages;
    PfnPages = MiPhys.Pages;
    free(PteCopy);
    free(PfnCopy);
    free(FreeCopy);
    PteCopy = (uint64_t *)malloc(PtePages * sizeof(uint64_t));
    PfnCopy = (MI_PFN *)malloc(PfnPages * sizeof(MI_PFN));
    FreeCopy = (uint64_t *)malloc((PfnPages + 63) / 64 * sizeof(uint64_t));
    assert_non_null(PteCopy);
    assert_non_null(PfnCopy);
    assert_non_null(FreeCopy);
    memcpy(PteCopy, MiSpace.Pte, PtePages * sizeof(uint64_t));
    memcpy(PfnCopy, MiPhys.Pfn, PfnPages * sizeof(MI_PFN));
    memcpy(FreeCopy, MiPhys.FreeBits, (PfnPages + 63) / 64 * sizeof(uint64_t));
    for (uint64_t w = 0; w < MiPteWritten.Words; w++) {
        assert_int_equal(MiPteWritten.Bits[w], 0);
    }
    for (uint64_t w = 0; w < MiPfnWritten.Words; w++) {
        assert_int_equal(MiPfnWritten.Bits[w], 0);
    }
}

/* Every block changed since Snapshot is marked; true if any changed. */
static bool ChangedBlocksAreMarked(const char *Step)
{
    assert_int_equal(MiSpace.Pages, PtePages);
    assert_int_equal(MiPhys.Pages, PfnPages);
    bool Changed = false;
    for (uint64_t First = 0; First < PtePages; First += 64) {
        uint64_t Count = PtePages - First < 64 ? PtePages - First : 64;
        if (memcmp(&PteCopy[First], &MiSpace.Pte[First], Count * sizeof(uint64_t)) != 0) {
            Changed = true;
            if (!Marked(&MiPteWritten, First >> 6)) {
                fail_msg("%s: PTEs %llu-%llu changed but are not marked written", Step,
                         (unsigned long long)First, (unsigned long long)(First + Count - 1));
            }
        }
    }
    for (uint64_t First = 0; First < PfnPages; First += 64) {
        uint64_t Count = PfnPages - First < 64 ? PfnPages - First : 64;
        if (memcmp(&PfnCopy[First], &MiPhys.Pfn[First], Count * sizeof(MI_PFN)) != 0 ||
            FreeCopy[First >> 6] != MiPhys.FreeBits[First >> 6]) {
            Changed = true;
            if (!Marked(&MiPfnWritten, First >> 6)) {
                fail_msg("%s: PFN entries %llu-%llu changed but are not marked written", Step,
                         (unsigned long long)First, (unsigned long long)(First + Count - 1));
            }
        }
    }
    return Changed;
}

/* The steps, in order (each may use what the ones before left). */
static PVOID Pool, Paged, Contiguous, Reserved, Device, Mapped;
static PMDL Mdl;

static void AllocatePool(void)
{
    Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG);
    assert_non_null(Pool);
}
static void FreePool(void)
{
    ExFreePoolWithTag(Pool, TAG);
}
static void AllocatePaged(void)
{
    Paged = ExAllocatePool2(POOL_FLAG_PAGED, 2 * PAGE_SIZE, TAG);
    assert_non_null(Paged);
}
static void Trim(void)
{
    assert_true(SimTrimPagedPool() > 0);
}
static void TouchTrimmed(void)
{
    ((volatile uint8_t *)Paged)[PAGE_SIZE] = 1; /* a soft fault maps it back */
}
static void FreePaged(void)
{
    ExFreePoolWithTag(Paged, TAG);
}
static void MapMdl(void)
{
    Mdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0), 4 * PAGE_SIZE,
                                  MmCached, 0);
    assert_non_null(Mdl);
    Mapped = MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                          NormalPagePriority);
    assert_non_null(Mapped);
}
static void ProtectMdl(void)
{
    assert_int_equal(MmProtectMdlSystemAddress(Mdl, PAGE_READONLY), STATUS_SUCCESS);
}
static void UnmapMdl(void)
{
    MmUnmapLockedPages(Mapped, Mdl);
}
static void Reserve(void)
{
    Reserved = MmAllocateMappingAddress(4 * PAGE_SIZE, TAG);
    assert_non_null(Reserved);
}
static void MapReserved(void)
{
    assert_non_null(MmMapLockedPagesWithReservedMapping(Reserved, TAG, Mdl, MmCached));
}
static void UnmapReserved(void)
{
    MmUnmapReservedMapping(Reserved, TAG, Mdl);
}
static void FreeReserved(void)
{
    MmFreeMappingAddress(Reserved, TAG);
    SimTestFreeMdlPages(Mdl);
}
static void MapDevice(void)
{
    PHYSICAL_ADDRESS At;
    At.QuadPart = (LONGLONG)DEVICE_BASE;
    Device = MmMapIoSpace(At, DEVICE_BYTES, MmNonCached);
    assert_non_null(Device);
}
static void UnmapDevice(void)
{
    MmUnmapIoSpace(Device, DEVICE_BYTES);
}
static void AllocateContiguous(void)
{
    PHYSICAL_ADDRESS High;
    High.QuadPart = (LONGLONG)(~0ull >> 1);
    Contiguous = MmAllocateContiguousMemory(8 * PAGE_SIZE, High);
    assert_non_null(Contiguous);
}
static void FreeContiguous(void)
{
    MmFreeContiguousMemory(Contiguous);
}
static void AllocateBeforeReset(void)
{
    Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG); /* something to clear */
    assert_non_null(Pool);
}
static void Reset(void)
{
    SimReset();
}

static const struct {
    const char *Name;
    void (*Step)(void);
} Steps[] = {
    {"non-paged pool allocated", AllocatePool},
    {"non-paged pool freed", FreePool},
    {"paged pool allocated", AllocatePaged},
    {"paged pool trimmed", Trim},
    {"a trimmed page touched", TouchTrimmed},
    {"paged pool freed", FreePaged},
    {"MDL pages mapped", MapMdl},
    {"the mapping protected", ProtectMdl},
    {"the mapping unmapped", UnmapMdl},
    {"a mapping address reserved", Reserve},
    {"the reserved mapping used", MapReserved},
    {"the reserved mapping unmapped", UnmapReserved},
    {"the mapping address freed", FreeReserved},
    {"device memory mapped", MapDevice},
    {"device memory unmapped", UnmapDevice},
    {"contiguous memory allocated", AllocateContiguous},
    {"contiguous memory freed", FreeContiguous},
    {"pool allocated before a reset", AllocateBeforeReset},
    {"SimReset", Reset},
};

static SIM_PROFILE Profile = SimProfileModern;

static int Setup(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = Profile;
    Config.PhysicalPages = 4096;
    Config.RangeCount = 0;
    Config.DeviceRangeCount = 1;
    Config.DeviceRanges[0] = (SIM_DEVICE_RANGE){DEVICE_BASE, DEVICE_BYTES, "dev"};
    Config.Quiet = TRUE;
    if (SimInitialize(&Config) != STATUS_SUCCESS) {
        return -1;
    }
    /* A process that runs touched checks (as the fuzzer does): the marks
     * are kept for them (before its first one, a reset need not mark). */
    char Report[256];
    return SimCheckInvariantsTouched(Report, sizeof(Report)) ? 0 : -1;
}

static int Teardown(void **State)
{
    (void)State;
    free(PteCopy);
    free(PfnCopy);
    free(FreeCopy);
    PteCopy = NULL;
    PfnCopy = NULL;
    FreeCopy = NULL;
    return SimTestTeardown(State);
}

static void EveryStepMarksWhatItChanged(void)
{
    for (size_t i = 0; i < sizeof(Steps) / sizeof(Steps[0]); i++) {
        Snapshot();
        Steps[i].Step();
        if (!ChangedBlocksAreMarked(Steps[i].Name)) {
            fail_msg("%s changed neither a PTE nor a PFN entry", Steps[i].Name);
        }
    }
    SimAssertInvariants();
}

SIM_TEST_F(every_path_that_changes_a_pte_or_pfn_entry_marks_its_block, Setup, Teardown)
{
    EveryStepMarksWhatItChanged();
}

/* The same on the NT5 profile, whose reservations keep their size and tag
 * in two header PTEs below the reserved range (written when reserving and
 * cleared when freeing). */
static int SetupNt5(void **State)
{
    Profile = SimProfileNt5;
    int Result = Setup(State);
    Profile = SimProfileModern;
    return Result;
}

SIM_TEST_F(on_nt5_the_header_ptes_are_marked_too, SetupNt5, Teardown)
{
    assert_int_equal(SimGetProfile(), SimProfileNt5);
    EveryStepMarksWhatItChanged();
}

/* The steps with a check after each: the touched one, and the whole one
 * after every WholeEvery-th step (0: never); each must pass. */
static void CheckAfterEachStep(size_t WholeEvery)
{
    char Report[4096];
    assert_true(SimCheckInvariantsTouched(Report, sizeof(Report))); /* (whole: the first) */
    for (size_t i = 0; i < sizeof(Steps) / sizeof(Steps[0]); i++) {
        Steps[i].Step();
        bool Whole = WholeEvery != 0 && i % WholeEvery == 0;
        BOOLEAN Ok = Whole ? SimCheckInvariants(Report, sizeof(Report))
                           : SimCheckInvariantsTouched(Report, sizeof(Report));
        if (!Ok) {
            fail_msg("%s check after %s: %s", Whole ? "whole" : "touched", Steps[i].Name, Report);
        }
    }
    SimAssertInvariants();
}

/* The touched check after each step agrees with the whole one (no false
 * alarm from a change it did not see), over the same steps. */
SIM_TEST_F(the_touched_check_after_each_path_agrees_with_the_whole, Setup, Teardown)
{
    CheckAfterEachStep(0);
}

/* The same with a whole check after every other step: a whole check brings
 * the touched check's copies up to date over the marked blocks only, and
 * the touched checks after it still agree. */
SIM_TEST_F(a_whole_check_between_touched_ones_keeps_them_in_step, Setup, Teardown)
{
    CheckAfterEachStep(2);
}

/* The mark tables are kept for the largest machine built yet, but a smaller
 * machine after it walks and clears only its own part (a walk over the
 * 1 TiB machine's tables after every check halved the fuzzer's speed once
 * the bench's setup group had run), and no mark of the larger one is left:
 *
 *   larger machine, marks at its far end ->  small machine: marks in use
 *                                            cover only its own entries,
 *                                            none past them is set */
SIM_TEST_F(a_smaller_machine_after_a_larger_one_walks_only_its_own_marks, NULL, Teardown)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    /* Larger than Setup's machine in both tables, and not 1 TiB: a
     * sanitizer's host may refuse that much address space
     * (tests/scale/test_scale.c). */
    Config.PhysicalPages = 1u << 20; /* 4 GiB */
    Config.SystemPtes = 1u << 23;    /* 32 GiB of system PTE space */
    Config.Quiet = TRUE;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    uint64_t LargeWords = MiPteWritten.Words;
    MiWrittenMark(&MiPteWritten, MiSpace.Pages - 1);
    MiWrittenMark(&MiPfnWritten, MiPhys.Pages - 1);
    assert_int_equal(Setup(NULL), 0);
    const MI_WRITTEN *Tables[] = {&MiPteWritten, &MiPfnWritten};
    const uint64_t Entries[] = {MiSpace.Pages, MiPhys.Pages};
    assert_int_equal(MiPteWritten.Words, LargeWords); /* kept */
    for (int t = 0; t < 2; t++) {
        uint64_t InUse = ((Entries[t] + 63) / 64 + 63) / 64;
        assert_int_equal(Tables[t]->InUse, InUse);
        assert_true(Tables[t]->InUse < Tables[t]->Words);
        for (uint64_t w = InUse; w < Tables[t]->Words; w++) {
            assert_int_equal(Tables[t]->Bits[w], 0);
        }
        uint64_t Next = MiWrittenNext(Tables[t], 0);
        assert_true(Next == UINT64_MAX || Next < InUse * 64);
    }
    SimAssertInvariants();
}

/* The reservation rules the checker runs after every call (sim/mm/reserve.c,
 * read a word of the VA bitmap and a PTE at a time since fuzz22): the first
 * page of a reservation that breaks one is reported.
 *
 *   4-page reservation, broken at           report names
 *   data page 2: PTE 0x800 (not valid)      "data PTE of" page 2
 *   data page 1: VA bit cleared             "not allocated system-PTE VA", page 1
 *   page 3 PTE, page 1 VA                   page 1's VA (the first)
 *   page 1 PTE, page 3 VA                   page 1's PTE (the first)
 */
static void ExpectReservationReport(uint64_t BadPte, uint64_t FreeVa, bool SaysPte, uint64_t At)
{
    PVOID Va = MmAllocateMappingAddress(4 * PAGE_SIZE, TAG);
    assert_non_null(Va);
    uint64_t Base = MiVaToPage(Va);
    if (BadPte != UINT64_MAX) {
        MiSpace.Pte[Base + BadPte] = 0x800; /* behind the simulator's back */
    }
    if (FreeVa != UINT64_MAX) {
        uint64_t i = Base + FreeVa - MiSpace.SystemPtes.FirstPage;
        MiSpace.SystemPtes.UsedBits[i >> 6] &= ~(1ull << (i & 63));
    }
    char Report[4096] = "", Expected[128];
    assert_false(SimCheckInvariants(Report, sizeof(Report)));
    void *Page = (void *)MiPageToVa(Base + At);
    if (SaysPte) {
        snprintf(Expected, sizeof(Expected), "data PTE of %p is 0x800", Page);
    } else {
        snprintf(Expected, sizeof(Expected), "page %p is not allocated system-PTE VA", Page);
    }
    if (strstr(Report, Expected) == NULL) {
        fail_msg("expected \"%s\" in: %s", Expected, Report);
    }
    SimReset(); /* deliberately broken: start over */
}

SIM_TEST(a_reservation_reports_its_first_broken_page)
{
    ExpectReservationReport(2, UINT64_MAX, true, 2);
    ExpectReservationReport(UINT64_MAX, 1, false, 1);
    ExpectReservationReport(3, 1, false, 1);
    ExpectReservationReport(1, 3, true, 1);
}

/* fuzz23: VA freed under a PTE that did not change writes no mark; the
 * touched check compares the allocators' bitmaps with its copy on its own
 * (a whole bitmap at once first, then word by word where they differ):
 *
 *   non-paged pool page mapped   VA bit cleared behind the simulator's back
 *   touched check                "page N is mapped but its VA is free"
 */
SIM_TEST(the_touched_check_sees_va_freed_under_an_unchanged_pte)
{
    PVOID Va = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Va);
    char Report[4096] = "";
    assert_true(SimCheckInvariants(Report, sizeof(Report)));
    assert_true(SimCheckInvariantsTouched(Report, sizeof(Report))); /* the copies are of now */
    uint64_t Page = MiVaToPage(Va);
    MI_VA_ALLOCATOR *NonPaged = &MiSpace.NonPagedPool;
    assert_true(MiVaIsAllocated(NonPaged, Page));
    uint64_t Bit = Page - NonPaged->FirstPage;
    NonPaged->UsedBits[Bit >> 6] &= ~(1ull << (Bit & 63));
    assert_false(SimCheckInvariantsTouched(Report, sizeof(Report)));
    char Expected[64];
    snprintf(Expected, sizeof(Expected), "page %llu is mapped but its VA is free",
             (unsigned long long)Page);
    if (strstr(Report, Expected) == NULL) {
        fail_msg("expected \"%s\" in: %s", Expected, Report);
    }
    SimReset(); /* deliberately broken: start over */
}

int main(void)
{
    return SimRunTests("written marks", NULL, NULL);
}
