/*
 * test_scale.c - machines as big as real servers, built sparse.
 *
 *   1 TiB of RAM                          1 TiB of system PTE space
 *   PFN 0x1 ...  0x100 ... 4 GiB ... top   base ...................... end
 *   [MDL][contig]               [MDL][contig]   [reserved: map at base]...[MDL map]
 *    ^ LowAddress window        ^ HighAddress    ^ low end               ^ high end
 *
 * Each end is used; the host's resident memory (VmRSS, Linux) grows by what
 * was used, not by the size of the machine. A configuration the host cannot
 * back is refused naming what was refused, and leaves no half-built machine.
 */
#define _GNU_SOURCE 1 /* setenv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/resource.h>
#endif

#include <mmsim_cmocka.h>

#define MiB (1024ull * 1024)
#define GiB (1024 * MiB)
#define TiB (1024 * GiB)
#define TAG 'lcSt'

static PHYSICAL_ADDRESS Pa(ULONG64 Value)
{
    return SimPhysical((LONGLONG)Value);
}

/* ThreadSanitizer maps shadow for what a program touches and keeps most of
 * the address space for itself: a 1 TiB reservation may be refused there,
 * and its resident memory is not the program's. */
#if defined(__SANITIZE_THREAD__)
#define SCALE_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SCALE_UNDER_TSAN 1
#endif
#endif

#if defined(__linux__) && !defined(SCALE_UNDER_TSAN) /* VmRSS: the 1 TiB tests measure the host's memory */
/* The host's resident memory of this process, in bytes (0: unknown). */
static ULONG64 HostRss(void)
{
    FILE *File = fopen("/proc/self/status", "r");
    if (File == NULL) {
        return 0;
    }
    char Line[256];
    ULONG64 Kb = 0;
    while (fgets(Line, sizeof(Line), File) != NULL) {
        if (sscanf(Line, "VmRSS: %llu kB", &Kb) == 1) {
            break;
        }
    }
    fclose(File);
    return Kb * 1024;
}

/* What the 1 TiB tests may cost the host: the tables around the pages they
 * touch, a few mapped pages, and the pool's own pages, far below a single
 * dense table (a dense PFN database of 1 TiB alone is 4 GiB). */
#define RSS_ALLOWANCE (64 * MiB)

static void BuildTerabyte(void)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = SIM_MAX_PHYSICAL_PAGES; /* 1 TiB */
    Config.SystemPtes = 1ull << 28;                 /* 1 TiB of system PTE space */
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

/* One end of physical memory, as a driver asks for it. */
typedef struct _PHYS_END {
    const char *Name;
    ULONG64 Low, High; /* the window, in bytes; High inclusive */
} PHYS_END;

static void AllocateAtBothEndsOfRam(const PHYS_END *Ends, size_t Count)
{
    for (size_t e = 0; e < Count; e++) {
        const PHYS_END *End = &Ends[e];
        /* Scattered pages (an MDL) ... */
        PMDL Mdl = MmAllocatePagesForMdlEx(Pa(End->Low), Pa(End->High), Pa(0), 4 * MiB,
                                           MmCached, MM_ALLOCATE_FULLY_REQUIRED);
        assert_non_null(Mdl);
        assert_int_equal(MmGetMdlByteCount(Mdl), 4 * MiB);
        PPFN_NUMBER Pfns = MmGetMdlPfnArray(Mdl);
        for (ULONG i = 0; i < 4 * MiB / PAGE_SIZE; i++) {
            if ((ULONG64)Pfns[i] * PAGE_SIZE < End->Low || (ULONG64)Pfns[i] * PAGE_SIZE > End->High) {
                fail_msg("%s: PFN 0x%llx is outside the window", End->Name,
                         (unsigned long long)Pfns[i]);
            }
        }
        PUCHAR Va = (PUCHAR)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                         NormalPagePriority);
        assert_non_null(Va);
        Va[0] = 0x5A;
        Va[4 * MiB - 1] = 0xA5;
        assert_int_equal(Va[0] + Va[4 * MiB - 1], 0xFF);
        MmUnmapLockedPages(Va, Mdl);
        SimTestFreeMdlPages(Mdl);

        /* ... and a contiguous block. */
        PUCHAR Block = (PUCHAR)MmAllocateContiguousMemorySpecifyCache(
            1 * MiB, Pa(End->Low), Pa(End->High), Pa(0), MmCached);
        assert_non_null(Block);
        ULONG64 P = (ULONG64)MmGetPhysicalAddress(Block).QuadPart;
        assert_true(P >= End->Low && P + 1 * MiB - 1 <= End->High);
        Block[1 * MiB - 1] = 1;
        MmFreeContiguousMemory(Block);
    }
}

SIM_TEST_F(TerabyteOfRamIsUsedAtBothEndsAndCostsWhatIsUsed, NULL, SimTestTeardownDefault)
{
    ULONG64 Before = HostRss();
    BuildTerabyte();
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.PhysicalPages, SIM_MAX_PHYSICAL_PAGES);
    ULONG64 Top = (Stats.HighestPfn + 1) * PAGE_SIZE; /* the end of RAM */
    assert_true(Top > 1 * TiB);
    const PHYS_END Ends[] = {
        {"below 16 MiB", 0, 16 * MiB - 1},
        {"the last 64 MiB", Top - 64 * MiB, Top - 1},
    };
    AllocateAtBothEndsOfRam(Ends, sizeof(Ends) / sizeof(Ends[0]));
    SimAssertInvariants();
    ULONG64 After = HostRss();
    print_message("  1 TiB of RAM: VmRSS %llu -> %llu MiB\n", (unsigned long long)(Before / MiB),
                  (unsigned long long)(After / MiB));
    assert_true(After < Before + RSS_ALLOWANCE);
}

SIM_TEST_F(TerabyteOfSystemSpaceIsUsedAtBothEnds, NULL, SimTestTeardownDefault)
{
    ULONG64 Before = HostRss();
    BuildTerabyte();
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.SystemPtes, 1ull << 28);
    /* A reservation of all but 64 MiB of system PTE space takes the low end
     * (first fit); an MDL mapped after it lands at the high end. */
    SIZE_T Reserved = (SIZE_T)(1 * TiB - 64 * MiB);
    PUCHAR Low = (PUCHAR)MmAllocateMappingAddress(Reserved, TAG);
    assert_non_null(Low);
    PMDL Mdl = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull), Pa(0), 1 * MiB, MmCached,
                                       MM_ALLOCATE_FULLY_REQUIRED);
    assert_non_null(Mdl);
    PUCHAR High = (PUCHAR)MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL, FALSE,
                                                       NormalPagePriority);
    assert_non_null(High);
    assert_true(High > Low + Reserved - 1);
    /* The low end: a second MDL mapped at the reservation's base. */
    PMDL Second = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull), Pa(0), 1 * MiB, MmCached,
                                          MM_ALLOCATE_FULLY_REQUIRED);
    assert_non_null(Second);
    PUCHAR AtBase = (PUCHAR)MmMapLockedPagesWithReservedMapping(Low, TAG, Second, MmCached);
    assert_ptr_equal(AtBase, Low);
    High[5] = 0x77;
    AtBase[1 * MiB - 1] = 0x66;
    assert_int_equal(High[5] + AtBase[1 * MiB - 1], 0x77 + 0x66);
    SimQueryMemory(&Stats);
    assert_true(Stats.SystemPtesFree < 64 * MiB / PAGE_SIZE);
    SimAssertInvariants();
    MmUnmapReservedMapping(AtBase, TAG, Second);
    MmUnmapLockedPages(High, Mdl);
    MmFreeMappingAddress(Low, TAG);
    SimTestFreeMdlPages(Mdl);
    SimTestFreeMdlPages(Second);
    SimAssertInvariants();
    ULONG64 After = HostRss();
    print_message("  1 TiB of system space: VmRSS %llu -> %llu MiB\n",
                  (unsigned long long)(Before / MiB), (unsigned long long)(After / MiB));
    assert_true(After < Before + RSS_ALLOWANCE);
}

/* Building and resetting a 1 TiB machine is constant in its size: a hundred
 * SimReset calls touch no more host memory than one. */
SIM_TEST_F(ResettingATerabyteMachineCostsNoHostMemory, NULL, SimTestTeardownDefault)
{
    BuildTerabyte();
    ULONG64 Before = HostRss();
    for (int i = 0; i < 100; i++) {
        SimReset();
        PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
        assert_non_null(P);
        ExFreePoolWithTag(P, TAG);
    }
    ULONG64 After = HostRss();
    assert_true(After < Before + RSS_ALLOWANCE);
}

#endif /* __linux__ && !SCALE_UNDER_TSAN */

/* ---- The conformance test: 32 MiB MDLs in a loop ----------------------- */
/* Written for real machines: a driver allocates 32 MiB MDLs (fully
 * required) until it holds 1 GiB; every one must be complete. */
#define LOOP_MDLS 32
#define LOOP_BYTES (32 * MiB)

static ULONG AllocateThirtyTwoMdls(void)
{
    PMDL Mdls[LOOP_MDLS];
    ULONG Got = 0;
    while (Got < LOOP_MDLS) {
        PMDL Mdl = MmAllocatePagesForMdlEx(Pa(0), Pa(~0ull), Pa(0), LOOP_BYTES, MmCached,
                                           MM_ALLOCATE_FULLY_REQUIRED);
        if (Mdl == NULL) {
            break;
        }
        assert_int_equal(MmGetMdlByteCount(Mdl), LOOP_BYTES);
        Mdls[Got++] = Mdl;
    }
    for (ULONG i = 0; i < Got; i++) {
        SimTestFreeMdlPages(Mdls[i]);
    }
    return Got;
}

/*   machine          MDLs of 32 MiB it can hold
 *   256 MiB          7 (the pool and the kernel hold some pages)
 *   2 GiB            all 32
 *   the default      all 32: it is a realistic machine */
typedef struct _LOOP_CASE {
    ULONG64 Megabytes; /* 0: the default machine */
    BOOLEAN Completes;
} LOOP_CASE;

SIM_TEST_F(ThirtyTwoMegabyteMdlsInALoop, NULL, SimTestTeardownDefault)
{
    static const LOOP_CASE Cases[] = {{256, FALSE}, {2048, TRUE}, {0, TRUE}};
    for (size_t c = 0; c < sizeof(Cases) / sizeof(Cases[0]); c++) {
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        if (Cases[c].Megabytes != 0) {
            Config.PhysicalPages = Cases[c].Megabytes * MiB / PAGE_SIZE;
        }
        assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
        ULONG Got = AllocateThirtyTwoMdls();
        print_message("  %llu MiB: %lu of %d MDLs\n",
                      (unsigned long long)(Config.PhysicalPages * PAGE_SIZE / MiB),
                      (unsigned long)Got, LOOP_MDLS);
        if (Cases[c].Completes) {
            assert_int_equal(Got, LOOP_MDLS);
        } else {
            assert_true(Got < LOOP_MDLS);
        }
        char Report[512];
        assert_true(SimIsClean(Report, sizeof(Report)));
    }
}

/* ---- What the host cannot back ----------------------------------------- */
#if SIM_HAVE_DEATH_TESTS && defined(__linux__) && !defined(__SANITIZE_ADDRESS__) &&            \
    !defined(__SANITIZE_THREAD__)
#define SCALE_HAVE_RLIMIT_AS 1
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#undef SCALE_HAVE_RLIMIT_AS
#endif
#endif

#ifdef SCALE_HAVE_RLIMIT_AS
/* 16 GiB of address space: a 1 TiB machine cannot be reserved in it. */
static void LimitAddressSpace(void *Context)
{
    (void)Context;
    struct rlimit Limit = {16 * GiB, 16 * GiB};
    setrlimit(RLIMIT_AS, &Limit);
}

static void SimInitializeTerabyte(void *Context)
{
    (void)Context;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = SIM_MAX_PHYSICAL_PAGES;
    NTSTATUS Status = SimInitialize(&Config);
    printf("status=0x%08X\n", (unsigned)Status);
    /* Nothing half-built: the next machine builds and works. */
    SimDefaultConfig(&Config);
    Config.PhysicalPages = 4096;
    Status = SimInitialize(&Config);
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    printf("then=0x%08X pool=%d\n", (unsigned)Status, P != NULL);
    ExFreePoolWithTag(P, TAG);
    exit(0);
}

static void LazyTerabyteFromTheEnvironment(void *Context)
{
    (void)Context;
    SimShutdown(); /* the forked machine: the next DDI builds the default one */
    setenv("MMSIM_PHYS_MB", "1048576", 1);
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG); /* builds it */
    ExFreePoolWithTag(P, TAG);
    exit(0);
}

SIM_TEST_F(AMachineTheHostCannotBackIsRefusedNamingWhat, NULL, NULL)
{
    const SIM_CHILD_HOOKS Hooks = {NULL, LimitAddressSpace, NULL};
    SIM_CHILD Child;
    assert_true(SimRunChildHooked(SimInitializeTerabyte, NULL, 60, &Hooks, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 0);
    SIM_EXPECT_CHILD_SAYS(&Child, "status=0xC000009A");
    SIM_EXPECT_CHILD_SAYS(&Child, "mmsim: the host refused");
    SIM_EXPECT_CHILD_SAYS(&Child, "for 1048576 MiB of simulated RAM");
    SIM_EXPECT_CHILD_SAYS(&Child, "(STATUS_INSUFFICIENT_RESOURCES 0xC000009A)");
    SIM_EXPECT_CHILD_SAYS(&Child, "then=0x00000000 pool=1");

    assert_true(SimRunChildHooked(LazyTerabyteFromTheEnvironment, NULL, 60, &Hooks, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_EXIT_CONFIG);
    SIM_EXPECT_CHILD_SAYS(&Child, "mmsim: the host refused");
    SIM_EXPECT_CHILD_SAYS(&Child, "cannot start the default machine");
}
#endif

int main(void)
{
#if !defined(__linux__)
    printf("The 1 TiB tests are not built: they read the host's resident memory (VmRSS) "
           "from /proc/self/status, which only Linux has\n");
#elif defined(SCALE_UNDER_TSAN)
    printf("The 1 TiB tests are not built under ThreadSanitizer: its shadow takes the address "
           "space a 1 TiB reservation needs, and its resident memory is not the program's\n");
#endif
#ifndef SCALE_HAVE_RLIMIT_AS
    printf("AMachineTheHostCannotBackIsRefusedNamingWhat is not built: it needs fork and "
           "RLIMIT_AS, which sanitizers' shadow memory does not fit under\n");
#endif
    return SimRunTests("scale", NULL, NULL);
}
