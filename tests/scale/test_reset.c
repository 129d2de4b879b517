/*
 * test_reset.c - a reset machine is a fresh one (issue 20).
 *
 * SimReset hands the torn-down machine's host reservations to the next one,
 * cleared only where the old machine used them. Whatever the old machine
 * did, what the next one shows must be what a machine built from nothing
 * shows:
 *
 *   fresh:  SimShutdown, SimInitialize(C)                    -> probe -> A
 *   reset:  SimShutdown, SimInitialize(C), dirty, SimReset   -> probe -> B
 *           (and the same with SimInitialize(C) for SimReset)
 *   A == B: every PTE of system space, every PFN entry, the statistics, the
 *           host mappings, where allocations land, and memory contents
 *
 * The probe allocates pages where the dirtying wrote: a page the PFN
 * database calls zeroed is handed out as it is, so stale physical memory
 * shows as non-zero words; stale PTEs, PFN entries, bitmaps or host
 * mappings show in the scans or in where the next allocation lands.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define TAG 'tsRT'
#define PROBE_CHUNK_PAGES 2048
#define PROBE_CHUNKS 8 /* more than RAM holds */

/* A small machine (scans of every page stay cheap) with a fixed seed, so
 * two builds place everything alike. */
static SIM_CONFIG Config;

static void Fresh(void)
{
    SimShutdown();
    SimDefaultConfig(&Config);
    Config.PhysicalPages = 8192; /* 32 MiB */
    Config.RangeCount = 0;
    Config.SystemPtes = 4096;
    Config.NonPagedPoolPages = 4096;
    Config.PagedPoolPages = 4096;
    Config.Seed = 0x5e75e7;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

/* What a machine shows. Addresses are relative to the space's base. */
typedef struct _PROBE {
    SIM_MEMORY_STATS Memory;
    ULONG64 PteHash, Ptes;       /* non-zero PTEs of all system space */
    ULONG64 PfnHash;             /* every PFN entry */
    ULONG64 HostMappings;        /* SimCountHostMappings over system space */
    ULONG64 PoolVa[6];           /* where pool blocks land */
    ULONG64 ReservedVa;          /* where a mapping reservation lands */
    ULONG64 MdlPfnHash;          /* which pages an MDL allocation gets */
    ULONG64 NonZeroWords;        /* in pages allocated zeroed */
    ULONG64 UserVa, UserPte;     /* a user buffer and its first PTE */
    ULONG64 UserNonZero;         /* bytes of it not zero beyond what was put there */
    ULONG PoolTags;              /* SimQueryPoolUsage entries */
    BOOLEAN Invariants;
} PROBE;

static ULONG64 Mix(ULONG64 Hash, ULONG64 Value)
{
    return (Hash ^ Value) * 0x100000001B3ull; /* FNV-1a step, 64-bit */
}

static void Probe(PROBE *P)
{
    memset(P, 0, sizeof(*P));
    SIZE_T SpaceBytes = 0;
    PUCHAR Base = (PUCHAR)SimSystemSpaceBase(&SpaceBytes);
    /* Every PFN entry first, before the probe's own allocations rewrite
     * them; then the statistics again at the end. */
    SimQueryMemory(&P->Memory);
    P->PfnHash = 0xCBF29CE484222325ull;
    for (PFN_NUMBER Pfn = P->Memory.LowestPfn; Pfn <= P->Memory.HighestPfn; Pfn++) {
        SIM_PFN_INFO Info;
        if (SimQueryPfn(Pfn, &Info)) {
            P->PfnHash = Mix(Mix(Mix(P->PfnHash, Pfn), (ULONG64)Info.State << 32 | Info.LockCount),
                             (ULONG64)Info.MapCount << 32 | Info.Owner);
            P->PfnHash = Mix(P->PfnHash, (ULONG64)(LONG64)Info.CacheType);
        }
    }

    /* All free RAM, allocated zeroed in chunks: every page the PFN database
     * calls zeroed is handed out as it is, and must read as zero, as a new
     * machine's do. Which pages each chunk gets is hashed. */
    PHYSICAL_ADDRESS Low = SimPhysical(0), High = SimPhysical(-1), Skip = SimPhysical(0);
    PMDL Chunks[PROBE_CHUNKS];
    ULONG Got = 0;
    P->MdlPfnHash = 0xCBF29CE484222325ull;
    while (Got < PROBE_CHUNKS) {
        PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, PROBE_CHUNK_PAGES * PAGE_SIZE,
                                           MmCached, 0);
        if (Mdl == NULL) {
            break;
        }
        Chunks[Got++] = Mdl;
        ULONG Pages = MmGetMdlByteCount(Mdl) / PAGE_SIZE;
        PPFN_NUMBER Pfns = MmGetMdlPfnArray(Mdl);
        for (ULONG i = 0; i < Pages; i++) {
            P->MdlPfnHash = Mix(P->MdlPfnHash, Pfns[i]);
        }
        PUCHAR View = (PUCHAR)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL,
                                                           FALSE, NormalPagePriority);
        assert_non_null(View);
        /* A word at a time: cheap enough under the sanitizers. */
        const ULONG64 *Words = (const ULONG64 *)View;
        for (ULONG64 w = 0; w < (ULONG64)Pages * PAGE_SIZE / 8; w++) {
            P->NonZeroWords += Words[w] != 0;
        }
        MmUnmapLockedPages(View, Mdl);
    }
    for (ULONG i = 0; i < Got; i++) {
        MmFreePagesFromMdl(Chunks[i]);
        ExFreePool(Chunks[i]);
    }
    /* Where blocks and a reservation land. */
    static const SIZE_T Sizes[3] = {64, PAGE_SIZE, 3 * PAGE_SIZE};
    PVOID Blocks[6];
    for (int i = 0; i < 6; i++) {
        Blocks[i] = ExAllocatePool2(i < 3 ? POOL_FLAG_NON_PAGED : POOL_FLAG_PAGED, Sizes[i % 3],
                                    TAG);
        assert_non_null(Blocks[i]);
        P->PoolVa[i] = (ULONG64)((PUCHAR)Blocks[i] - Base);
    }
    /* Freed again: whether a page goes (or stays cached) follows from the
     * pool's records of it, which the scans below show. */
    for (int i = 0; i < 6; i += 2) {
        ExFreePoolWithTag(Blocks[i], TAG);
    }
    PVOID Reserved = MmAllocateMappingAddress(8 * PAGE_SIZE, TAG);
    assert_non_null(Reserved);
    P->ReservedVa = (ULONG64)((PUCHAR)Reserved - Base);
    /* User space: a new buffer reads as what was put there and zero after. */
    UCHAR Contents[16] = "reset or fresh?";
    PUCHAR User = (PUCHAR)SimAllocateUserBuffer(4 * PAGE_SIZE, PAGE_READWRITE, Contents,
                                                sizeof(Contents));
    if (User != NULL) { /* NULL only on a host without user space */
        P->UserVa = (ULONG64)(ULONG_PTR)User;
        for (ULONG64 b = sizeof(Contents); b < 4 * PAGE_SIZE; b++) {
            P->UserNonZero += User[b] != 0;
        }
        assert_true(SimQueryUserPte(User, &P->UserPte));
        P->UserPte &= ~(0xFFFFFFFFFFull << 12); /* the PFN is the memory's, compared above */
    }
    /* Every PTE, every PFN entry, the statistics, the host mappings. */
    P->PteHash = 0xCBF29CE484222325ull;
    for (SIZE_T Offset = 0; Offset < SpaceBytes; Offset += PAGE_SIZE) {
        ULONG64 Pte = 0;
        assert_true(SimQueryPte(Base + Offset, &Pte, NULL));
        if (Pte != 0) {
            P->Ptes++;
            P->PteHash = Mix(Mix(P->PteHash, Offset), Pte);
        }
    }
    SimQueryMemory(&P->Memory);
    P->Memory.HostVmas = 0; /* the whole process's, heaps included: not the machine's */
    P->HostMappings = SimCountHostMappings(Base, SpaceBytes);
    P->PoolTags = SimQueryPoolUsage(NULL, 0);
    P->Invariants = SimCheckInvariants(NULL, 0);
}

/* ---------------------------------------------------------------------- */
/* What the old machine did before the reset.                             */
/* ---------------------------------------------------------------------- */
/* Pages written and left allocated, mapped, locked or freed dirty. */
static void DirtyPages(ULONG64 Pages, bool LeaveMapped)
{
    PHYSICAL_ADDRESS Low = SimPhysical(0), High = SimPhysical(-1), Skip = SimPhysical(0);
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, Pages * PAGE_SIZE, MmCached,
                                       MM_DONT_ZERO_ALLOCATION);
    assert_non_null(Mdl);
    PVOID View = MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                              NormalPagePriority);
    assert_non_null(View);
    memset(View, 0xA5, Pages * PAGE_SIZE);
    if (!LeaveMapped) {
        MmUnmapLockedPages(View, Mdl);
        MmFreePagesFromMdl(Mdl); /* free, not zeroed */
        ExFreePool(Mdl);
    }
}

/* A unit test's worth: one block and a few pages, some freed without
 * zeroing (the few pages a reset zeroes in place). */
static void DirtyLittle(void)
{
    PUCHAR P = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(P);
    memset(P, 0x5A, 64);
    DirtyPages(3, false);
    DirtyPages(4, true);
}

/* Much, everywhere: pool of every size in both pools (some freed, some
 * trimmed), pages freed dirty and pages left mapped, reservations, system
 * PTEs far up the space, a user buffer and a second process. */
static void DirtyMuch(void)
{
    static const SIZE_T Sizes[] = {16, 100, 2000, PAGE_SIZE, 5 * PAGE_SIZE, 40 * PAGE_SIZE};
    for (int Round = 0; Round < 8; Round++) {
        for (size_t s = 0; s < sizeof(Sizes) / sizeof(Sizes[0]); s++) {
            for (int Paged = 0; Paged < 2; Paged++) {
                PUCHAR P = (PUCHAR)ExAllocatePool2(Paged ? POOL_FLAG_PAGED : POOL_FLAG_NON_PAGED,
                                                   Sizes[s], TAG);
                assert_non_null(P);
                memset(P, 0xC3, Sizes[s]);
                if ((Round + (int)s) % 3 == 0) {
                    ExFreePoolWithTag(P, TAG);
                }
            }
        }
    }
    (void)SimTrimPagedPool(); /* transition PTEs */
    DirtyPages(600, false);   /* freed dirty, more than the probe takes */
    DirtyPages(300, true);
    for (int i = 0; i < 4; i++) {
        assert_non_null(MmAllocateMappingAddress((ULONG64)(i + 1) * 64 * PAGE_SIZE, TAG));
    }
    /* System PTEs high up: a big mapping reservation near the top. */
    assert_non_null(MmAllocateMappingAddress(2500 * PAGE_SIZE, TAG));
    DirtyPages(2, true);
    UCHAR Data[64];
    memset(Data, 0x7E, sizeof(Data));
    PUCHAR User = (PUCHAR)SimAllocateUserBuffer(64 * PAGE_SIZE, PAGE_READWRITE, Data,
                                                sizeof(Data));
    if (User != NULL) {
        memset(User, 0x3C, 64 * PAGE_SIZE);
        HANDLE Other = SimCreateProcess();
        assert_non_null(Other);
        assert_int_equal(SimAttachProcess(Other), STATUS_SUCCESS);
        PUCHAR Theirs = (PUCHAR)SimAllocateUserBuffer(16 * PAGE_SIZE, PAGE_READWRITE, Data,
                                                      sizeof(Data));
        assert_non_null(Theirs);
        memset(Theirs, 0x99, 16 * PAGE_SIZE);
    }
}

typedef struct _DIRTY_CASE {
    const char *Name;
    void (*Dirty)(void);
    bool ByInitialize; /* SimInitialize(same configuration) instead of SimReset */
} DIRTY_CASE;

static const DIRTY_CASE Cases[] = {
    /* name                               dirtying     rebuilt by        */
    {"nothing",                           NULL,        false},
    {"a unit test's worth",               DirtyLittle, false},
    {"much, everywhere",                  DirtyMuch,   false},
    {"much, then SimInitialize",          DirtyMuch,   true},
};

#define EXPECT_SAME(Field)                                                                     \
    do {                                                                                       \
        if (A.Field != B.Field) {                                                              \
            print_error("%s: %s is 0x%llx after the reset, 0x%llx on a fresh machine\n",      \
                        Case->Name, #Field, (unsigned long long)B.Field,                       \
                        (unsigned long long)A.Field);                                          \
            Same = false;                                                                      \
        }                                                                                      \
    } while (0)

SIM_TEST_F(AResetMachineIsAFreshOne, NULL, SimTestTeardownDefault)
{
    PROBE A, B;
    Fresh();
    Probe(&A);
    assert_true(A.Invariants);
    assert_int_equal(A.NonZeroWords, 0);
    assert_int_equal(A.UserNonZero, 0);
    for (size_t c = 0; c < sizeof(Cases) / sizeof(Cases[0]); c++) {
        const DIRTY_CASE *Case = &Cases[c];
        Fresh();
        if (Case->Dirty != NULL) {
            Case->Dirty();
        }
        if (Case->ByInitialize) {
            assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
        } else {
            SimReset();
        }
        Probe(&B);
        bool Same = true;
        EXPECT_SAME(NonZeroWords);
        EXPECT_SAME(UserNonZero);
        EXPECT_SAME(MdlPfnHash);
        EXPECT_SAME(PteHash);
        EXPECT_SAME(Ptes);
        EXPECT_SAME(PfnHash);
        EXPECT_SAME(HostMappings);
        for (int i = 0; i < 6; i++) {
            EXPECT_SAME(PoolVa[i]);
        }
        EXPECT_SAME(ReservedVa);
        EXPECT_SAME(UserVa);
        EXPECT_SAME(UserPte);
        EXPECT_SAME(PoolTags);
        EXPECT_SAME(Invariants);
        EXPECT_SAME(Memory.FreePages);
        EXPECT_SAME(Memory.ZeroedPages);
        EXPECT_SAME(Memory.MdlPages);
        EXPECT_SAME(Memory.NonPagedPoolPages);
        EXPECT_SAME(Memory.PagedPoolPages);
        EXPECT_SAME(Memory.SystemPtesFree);
        EXPECT_SAME(Memory.SystemPtesLargestFree);
        EXPECT_SAME(Memory.SystemPteFailures);
        EXPECT_SAME(Memory.PoolBlocks);
        EXPECT_SAME(Memory.HostMappings);
        EXPECT_SAME(Memory.HostMapCalls);
        EXPECT_SAME(Memory.ValidPtes);
        EXPECT_SAME(Memory.HostMappingsCharged);
        assert_true(Same);
    }
    Fresh(); /* the probe's allocations go with its machine */
}

int main(void)
{
    return SimRunTests("reset", NULL, NULL);
}
