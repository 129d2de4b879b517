/*
 * test_growth.c - growing one virtually contiguous mapping to 1 GiB of
 * scattered physical pages, 64 KiB at a time, must cost the host no more than
 * one mapping per 16 pages: the host mirror coalesces runs of contiguous PFNs
 * (docs/architecture.md 2, issue "Physical memory"), so vm.max_map_count (65530 by
 * default) is never approached.
 *
 *   physical:  [c0][c1][c2][c3] ... [c16383]      64 KiB chunks, in PFN order
 *   mapped as: [c9071][c212][c15530] ...           seeded shuffle: no two
 *              |<------- 1 GiB of VA ------->|     neighbours in VA are
 *                                                  neighbours in PFN
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define CHUNK_BYTES (64u * 1024u)
#define CHUNK_PAGES (CHUNK_BYTES / PAGE_SIZE)
#define GROWTH_BYTES (1ull << 30)
#define CHUNKS ((ULONG)(GROWTH_BYTES / CHUNK_BYTES))

static int SetupBigMachine(void **State)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = (GROWTH_BYTES + (64ull << 20)) / PAGE_SIZE; /* 1 GiB + 64 MiB */
    Config.RangeCount = 0;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    return SimTestSetup(State);
}

static int TeardownBigMachine(void **State)
{
    int Result = SimTestTeardown(State);
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
    return Result;
}

static ULONG64 NextRandom(ULONG64 *State)
{
    ULONG64 z = (*State += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

SIM_TEST_F(GrowOneGibInScatteredChunks, SetupBigMachine, TeardownBigMachine)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    PMDL *Mdls = (PMDL *)calloc(CHUNKS, sizeof(PMDL));
    PUCHAR *Vas = (PUCHAR *)calloc(CHUNKS, sizeof(PUCHAR));
    assert_non_null(Mdls);
    assert_non_null(Vas);

    /* 1. Allocate every chunk, in PFN order. */
    for (ULONG i = 0; i < CHUNKS; i++) {
        Mdls[i] = MmAllocatePagesForMdlEx(Low, High, Skip, CHUNK_BYTES, MmCached,
                                          MM_ALLOCATE_FULLY_REQUIRED);
        assert_non_null(Mdls[i]);
        assert_int_equal(MmGetMdlByteCount(Mdls[i]), CHUNK_BYTES);
    }

    /* 2. Shuffle (seeded, so a failure replays with MMSIM_SEED). */
    ULONG64 Rng = SimGetSeed();
    for (ULONG i = CHUNKS - 1; i > 0; i--) {
        ULONG j = (ULONG)(NextRandom(&Rng) % (i + 1));
        PMDL Swap = Mdls[i];
        Mdls[i] = Mdls[j];
        Mdls[j] = Swap;
    }

    /* 3. Grow: each chunk maps right after the previous one, and is usable at
     *    once through a real pointer. */
    for (ULONG i = 0; i < CHUNKS; i++) {
        Vas[i] = (PUCHAR)MmGetSystemAddressForMdlSafe(Mdls[i], NormalPagePriority | MdlMappingNoExecute);
        assert_non_null(Vas[i]);
        if (i > 0) {
            assert_ptr_equal(Vas[i], Vas[i - 1] + CHUNK_BYTES);
        }
        memcpy(Vas[i] + 8, &i, sizeof(i));
    }

    /* 4. Every page is where its PFN says, and the data written survived. */
    for (ULONG i = 0; i < CHUNKS; i += 97) {
        PPFN_NUMBER Pfns = MmGetMdlPfnArray(Mdls[i]);
        for (ULONG p = 0; p < CHUNK_PAGES; p++) {
            PHYSICAL_ADDRESS Pa = MmGetPhysicalAddress(Vas[i] + p * PAGE_SIZE);
            assert_int_equal(Pa.QuadPart, (LONGLONG)Pfns[p] << PAGE_SHIFT);
        }
        ULONG Seen;
        memcpy(&Seen, Vas[i] + 8, sizeof(Seen));
        assert_int_equal(Seen, i);
    }

    /* 5. The host cost: at most one host mapping per 16 pages of the grown
     *    mapping; the whole machine (pool pages holding the 16384 MDLs
     *    included) stays far below vm.max_map_count. */
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    ULONG64 Pages = GROWTH_BYTES / PAGE_SIZE;
    ULONG64 RegionMappings = SimCountHostMappings(Vas[0], (SIZE_T)GROWTH_BYTES);
    print_message("grew %llu MiB in %u chunks of 64 KiB: %llu host mappings for the region "
                  "(limit %llu = pages/16); whole machine %llu, host VMAs %lld\n",
                  (unsigned long long)(GROWTH_BYTES >> 20), CHUNKS,
                  (unsigned long long)RegionMappings, (unsigned long long)(Pages / 16),
                  (unsigned long long)Stats.HostMappings, (long long)Stats.HostVmas);
    assert_true(RegionMappings <= Pages / 16);
    assert_int_equal(Stats.HostMapFailures, 0);
    if (Stats.HostVmas >= 0) {
        assert_true(Stats.HostVmas < 65530); /* the default vm.max_map_count */
    }
    char Report[2048];
    BOOLEAN Ok = SimCheckInvariants(Report, sizeof(Report));
    if (!Ok) {
        print_error("%s", Report);
    }
    assert_true(Ok);

    /* 6. Tear down: unmap, free the pages, free the MDLs. */
    for (ULONG i = 0; i < CHUNKS; i++) {
        MmUnmapLockedPages(Vas[i], Mdls[i]);
        MmFreePagesFromMdl(Mdls[i]);
        ExFreePool(Mdls[i]);
    }
    free(Vas);
    free(Mdls);
}

int main(void)
{
    return SimRunTests("growth", NULL, NULL);
}
