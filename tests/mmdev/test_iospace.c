#define _POSIX_C_SOURCE 200809L
/* Device memory (docs/device-memory.md): MmMapIoSpace(Ex), MmUnmapIoSpace and
 * MmIsIoSpaceActive over the simulated device ranges of SIM_CONFIG.
 *
 *   physical address space of the test machine
 *   0x0        RAM (PC layout, 256 MiB)                   0x10100000
 *   0xE0000000 "fb"   16 pages of device memory           0xE0010000
 *   0xF0000000 "bar0"  4 pages of device memory           0xF0004000
 *   anything else: no memory (MmMapIoSpace: NULL)
 */
#include <stdlib.h>
#include <string.h>

#include <mmsim_cmocka.h>

#define FB_BASE   0xE0000000ll
#define FB_BYTES  0x10000
#define BAR_BASE  0xF0000000ll
#define BAR_BYTES 0x4000

/* The test machine: the environment's, with the two device ranges. */
static void DeviceConfig(SIM_CONFIG *Config)
{
    SimDefaultConfig(Config);
    Config->DeviceRangeCount = 2;
    Config->DeviceRanges[0] = (SIM_DEVICE_RANGE){(ULONG64)FB_BASE, FB_BYTES, "fb"};
    Config->DeviceRanges[1] = (SIM_DEVICE_RANGE){(ULONG64)BAR_BASE, BAR_BYTES, "bar0"};
}

static int DeviceSetup(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    DeviceConfig(&Config);
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

#define DEVICE_TEST(Name) SIM_TEST_F(Name, DeviceSetup, SimTestTeardownDefault)

static PVOID MapBar(SIZE_T Offset, SIZE_T Bytes)
{
    return MmMapIoSpace(SimPhysical(BAR_BASE + (LONGLONG)Offset), Bytes, MmNonCached);
}

/* ---- Aliasing and the PFN-less rules ----------------------------------- */
DEVICE_TEST(TwoMappingsOfOneDevicePageAlias)
{
    volatile ULONG *A = (volatile ULONG *)MapBar(0, BAR_BYTES);
    volatile ULONG *B = (volatile ULONG *)MapBar(0x1000, 0x1000);
    assert_non_null(A);
    assert_non_null(B);
    assert_ptr_not_equal((void *)A, (void *)B);
    A[0x1000 / sizeof(ULONG)] = 0xC0FFEE;        /* page 1 through A */
    assert_int_equal(B[0], 0xC0FFEE);            /* ... is page 0 of B */
    B[1] = 0x1234;
    assert_int_equal(A[0x1000 / sizeof(ULONG) + 1], 0x1234);
    SimAssertInvariants(); /* device PTEs name no RAM: not an inconsistency */
    MmUnmapIoSpace((PVOID)B, 0x1000);
    MmUnmapIoSpace((PVOID)A, BAR_BYTES);
}

DEVICE_TEST(DeviceMemoryKeepsItsContentsBetweenMappings)
{
    volatile UCHAR *A = (volatile UCHAR *)MapBar(0x2000, 0x100);
    assert_non_null(A);
    assert_int_equal(A[0], 0); /* zero when the machine starts */
    A[0x10] = 0x5A;
    MmUnmapIoSpace((PVOID)A, 0x100);
    volatile UCHAR *B = (volatile UCHAR *)MapBar(0x2000, 0x100);
    assert_non_null(B);
    assert_int_equal(B[0x10], 0x5A);
    MmUnmapIoSpace((PVOID)B, 0x100);
}

DEVICE_TEST(PhysicalAddressOfAMappingIsTheDeviceAddress)
{
    /* Not page-aligned: the byte offset is kept. */
    PUCHAR Va = (PUCHAR)MapBar(0x1234, 0x2000);
    assert_non_null(Va);
    assert_int_equal((ULONG_PTR)Va & 0xFFF, 0x234);
    assert_int_equal(MmGetPhysicalAddress(Va).QuadPart, BAR_BASE + 0x1234);
    assert_int_equal(MmGetPhysicalAddress(Va + 0x1000).QuadPart, BAR_BASE + 0x2234);
    assert_true(MmIsAddressValid(Va));
    assert_null(MmGetVirtualForPhysical(SimPhysical(BAR_BASE))); /* no PFN entry */
    MmUnmapIoSpace(Va, 0x2000);
}

DEVICE_TEST(IoSpaceIsActiveWhileMapped)
{
    assert_int_equal(MmIsIoSpaceActive(SimPhysical(FB_BASE), FB_BYTES), FALSE);
    PVOID Va = MmMapIoSpace(SimPhysical(FB_BASE + 0x3000), 0x1000, MmCached);
    assert_non_null(Va);
    assert_int_equal(MmIsIoSpaceActive(SimPhysical(FB_BASE), FB_BYTES), TRUE);
    assert_int_equal(MmIsIoSpaceActive(SimPhysical(FB_BASE + 0x3FFF), 1), TRUE);
    assert_int_equal(MmIsIoSpaceActive(SimPhysical(FB_BASE + 0x4000), 0x1000), FALSE);
    MmUnmapIoSpace(Va, 0x1000);
    assert_int_equal(MmIsIoSpaceActive(SimPhysical(FB_BASE), FB_BYTES), FALSE);
}

/* ---- MmMapIoSpaceEx's Protect, MmMapIoSpace's cache types ------------- */
typedef struct {
    ULONG Protect;
    BOOLEAN Maps;
    BOOLEAN Writable;
    ULONG64 CacheBits; /* PCD | PWT in the PTE */
} PROTECT_ROW;

static const PROTECT_ROW ProtectRows[] = {
    {PAGE_READWRITE, TRUE, TRUE, 0},
    {PAGE_READWRITE | PAGE_NOCACHE, TRUE, TRUE, SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH},
    {PAGE_READWRITE | PAGE_WRITECOMBINE, TRUE, TRUE, SIM_PTE_WRITE_THROUGH},
    {PAGE_READONLY, TRUE, FALSE, 0},
    {PAGE_EXECUTE, TRUE, FALSE, 0},
    {PAGE_EXECUTE_READ | PAGE_NOCACHE, TRUE, FALSE, SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH},
    {PAGE_EXECUTE_READWRITE, TRUE, TRUE, 0},
    {PAGE_READWRITE | PAGE_NOCACHE | PAGE_WRITECOMBINE, FALSE, FALSE, 0}, /* not both */
    {PAGE_NOACCESS, FALSE, FALSE, 0},
    {PAGE_WRITECOPY, FALSE, FALSE, 0},
    {PAGE_READWRITE | PAGE_GUARD, FALSE, FALSE, 0},
    {0, FALSE, FALSE, 0},
};

DEVICE_TEST(MapIoSpaceExTakesTheDocumentedProtections)
{
    for (size_t i = 0; i < sizeof(ProtectRows) / sizeof(ProtectRows[0]); i++) {
        const PROTECT_ROW *Row = &ProtectRows[i];
        PVOID Va = MmMapIoSpaceEx(SimPhysical(BAR_BASE), 0x1000, Row->Protect);
        if (!Row->Maps) {
            if (Va != NULL) {
                fail_msg("Protect 0x%lx: mapped, expected NULL", (unsigned long)Row->Protect);
            }
            continue;
        }
        if (Va == NULL) {
            fail_msg("Protect 0x%lx: NULL", (unsigned long)Row->Protect);
        }
        ULONG64 Pte = 0;
        assert_true(SimQueryPte(Va, &Pte, NULL));
        assert_int_equal((Pte & SIM_PTE_WRITE) != 0, Row->Writable);
        assert_int_equal(Pte & (SIM_PTE_CACHE_DISABLE | SIM_PTE_WRITE_THROUGH), Row->CacheBits);
        assert_int_equal(SIM_PTE_PFN(Pte), (ULONG64)BAR_BASE >> 12);
        if (!Row->Writable) {
            /* The host mapping follows the PTE: a write is 0xBE. */
            SIM_EXPECT_BUGCHECK4(0xBE, (ULONG_PTR)Va, Pte, 0, 0, *(volatile UCHAR *)Va = 1);
            SimReset(); /* the same machine again: the device ranges stay */
            continue;
        }
        *(volatile UCHAR *)Va = 1;
        MmUnmapIoSpace(Va, 0x1000);
    }
}

DEVICE_TEST(MapIoSpaceRefusesAnUnknownCacheType)
{
    assert_null(MmMapIoSpace(SimPhysical(BAR_BASE), 0x1000, MmMaximumCacheType));
}

/* ---- What is mapped: a device range, held RAM, or nothing -------------- */
typedef struct {
    const char *What;
    LONGLONG Physical;
    SIZE_T Bytes;
} NOTHING_ROW;

static const NOTHING_ROW NothingRows[] = {
    {"no memory between RAM and the devices", 0xD0000000ll, 0x1000},
    {"past the end of bar0", BAR_BASE + BAR_BYTES, 0x1000},
    {"straddling the end of bar0", BAR_BASE + BAR_BYTES - 0x1000, 0x2000},
    {"zero bytes", BAR_BASE, 0},
    {"a negative address", -0x1000ll, 0x1000},
    {"beyond 52-bit physical space", 1ll << 52, 0x1000},
};

DEVICE_TEST(MapIoSpaceOfNoMemoryIsNull)
{
    for (size_t i = 0; i < sizeof(NothingRows) / sizeof(NothingRows[0]); i++) {
        const NOTHING_ROW *Row = &NothingRows[i];
        PVOID Va = MmMapIoSpace(SimPhysical(Row->Physical), Row->Bytes, MmNonCached);
        if (Va != NULL) {
            fail_msg("%s: mapped at %p", Row->What, Va);
        }
    }
}

DEVICE_TEST(MapIoSpaceOfHeldRamAliasesIt)
{
    PULONG Pool = (PULONG)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'oIsT');
    assert_non_null(Pool);
    PHYSICAL_ADDRESS Physical = MmGetPhysicalAddress(Pool);
    volatile ULONG *Va = (volatile ULONG *)MmMapIoSpace(Physical, sizeof(ULONG), MmCached);
    assert_non_null(Va);
    Pool[0] = 77;
    assert_int_equal(Va[0], 77);
    assert_int_equal(MmGetPhysicalAddress((PVOID)Va).QuadPart, Physical.QuadPart);
    SimAssertInvariants();
    MmUnmapIoSpace((PVOID)Va, sizeof(ULONG));
    ExFreePoolWithTag(Pool, 'oIsT');
}

/* A RAM page nobody holds (the last page of RAM, free on a fresh machine). */
static LONGLONG FreeRamPage(void)
{
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    const SIM_PHYSICAL_RANGE *Last = &Config.Ranges[Config.RangeCount - 1];
    return (LONGLONG)((Last->BasePage + Last->PageCount - 1) * PAGE_SIZE);
}

static void MapFreeRam(SIM_CASE_RUN *Run)
{
    LONGLONG Physical = FreeRamPage();
    Run->Want[1] = (ULONG_PTR)Physical;
    Run->Want[3] = (ULONG_PTR)(Physical >> 12);
    SimTestSetStrict(TRUE);
    (void)MmMapIoSpace(SimPhysical(Physical), 0x10, MmNonCached);
}

static void MapFreeRamNonStrict(SIM_CASE_RUN *Run)
{
    LONGLONG Physical = FreeRamPage();
    Run->Want[1] = (ULONG_PTR)(Physical >> 12);
    SimTestSetStrict(FALSE);
    (void)MmMapIoSpace(SimPhysical(Physical), 0x10, MmNonCached);
}

/* ---- Unmapping wrongly --------------------------------------------------- */
static PVOID Mapped;

static void UnmapWrongSize(SIM_CASE_RUN *Run)
{
    Mapped = MapBar(0, 0x2000);
    (void)Run;
    MmUnmapIoSpace(Mapped, 0x3000);
}

static void UnmapInside(SIM_CASE_RUN *Run)
{
    Mapped = MapBar(0, 0x2000);
    Run->Want[2] = (ULONG_PTR)Mapped;
    Run->Want[3] = (ULONG_PTR)Mapped + 0x1000;
    MmUnmapIoSpace((PUCHAR)Mapped + 0x1000, 0x1000);
}

static void UnmapPool(SIM_CASE_RUN *Run)
{
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'oIsT');
    Run->Want[3] = (ULONG_PTR)Pool;
    MmUnmapIoSpace(Pool, 64);
}

static void UnmapTwice(SIM_CASE_RUN *Run)
{
    Mapped = MapBar(0, 0x1000);
    Run->Want[3] = (ULONG_PTR)Mapped;
    MmUnmapIoSpace(Mapped, 0x1000);
    MmUnmapIoSpace(Mapped, 0x1000);
}

static void UnmapRight(SIM_CASE_RUN *Run)
{
    /* Any size of the same page count is the right size. */
    PVOID Va = MapBar(0x10, 0x1FF0);
    MmUnmapIoSpace(Va, 0x1FF0 - 0x800);
    Run->Status = Va != NULL ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

static void MapAtHighLevel(SIM_CASE_RUN *Run)
{
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    (void)Run;
    (void)MapBar(0, 0x1000);
}

static void MapAtDispatch(SIM_CASE_RUN *Run)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    PVOID Va = MapBar(0, 0x1000);
    if (Va != NULL) {
        MmUnmapIoSpace(Va, 0x1000);
    }
    KeLowerIrql(Old);
    Run->Status = Va != NULL ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

static void UnmapAtHighLevel(SIM_CASE_RUN *Run)
{
    PVOID Va = MapBar(0, 0x1000);
    Run->Want[2] = (ULONG_PTR)Va;
    KIRQL Old;
    KeRaiseIrql(HIGH_LEVEL, &Old);
    MmUnmapIoSpace(Va, 0x1000);
}

static const SIM_CASE Cases[] = {
    {"mapping RAM nobody holds: 0xC4/0x83 (start, bytes, PFN) under Verifier", MapFreeRam,
     SIM_BUGCHECKS(0xC4, 0x83, SIM_ANY, 0x10, SIM_ANY), NULL},
    {"unmapping with another page count: 0xDA/0x02 (record, 2 mapped, 3 given)", UnmapWrongSize,
     SIM_BUGCHECKS(0xDA, 0x02, SIM_ANY, 2, 3), NULL},
    {"unmapping inside a mapping: 0xDA/0x03 (record, its address, the address)", UnmapInside,
     SIM_BUGCHECKS(0xDA, 0x03, SIM_ANY, SIM_ANY, SIM_ANY), NULL},
    {"unmapping pool: 0xDA/0x03 (0, 0, the address)", UnmapPool,
     SIM_BUGCHECKS(0xDA, 0x03, 0, 0, SIM_ANY), NULL},
    {"unmapping twice: 0xDA/0x03 (0, 0, the address)", UnmapTwice,
     SIM_BUGCHECKS(0xDA, 0x03, 0, 0, SIM_ANY), NULL},
    {"unmapping with a size of the same page count", UnmapRight, SIM_RETURNS(STATUS_SUCCESS), NULL},
    {"mapping above DISPATCH_LEVEL: 0xC4/0x73 (IRQL, address, bytes)", MapAtHighLevel,
     SIM_BUGCHECKS(0xC4, 0x73, HIGH_LEVEL, BAR_BASE, 0x1000), NULL},
    {"mapping at DISPATCH_LEVEL", MapAtDispatch, SIM_RETURNS(STATUS_SUCCESS), NULL},
    {"unmapping above DISPATCH_LEVEL: 0xC4/0x7B (IRQL, address, bytes)", UnmapAtHighLevel,
     SIM_BUGCHECKS(0xC4, 0x7B, HIGH_LEVEL, SIM_ANY, 0x1000), NULL},
    /* last: it leaves the machine without Verifier's checks */
    {"mapping RAM nobody holds without Verifier: 0x1A/0x1233 (PFN)", MapFreeRamNonStrict,
     SIM_BUGCHECKS(0x1A, 0x1233, SIM_ANY, 0, 0), NULL},
};

DEVICE_TEST(MisuseStopsWithTheRealBugCheck)
{
    SIM_RUN_CASES(Cases);
}

/* ---- Fault injection, unload ------------------------------------------- */
DEVICE_TEST(MapIoSpaceFailsUnderInjection)
{
    SimFailNthCall(SimFaultMapIoSpace, 1);
    assert_null(MapBar(0, 0x1000));
    assert_int_equal(SimFaultsInjected(SimFaultMapIoSpace), 1);
    PVOID Va = MapBar(0, 0x1000);
    assert_non_null(Va);
    MmUnmapIoSpace(Va, 0x1000);
    assert_string_equal(SimFaultSiteName(SimFaultMapIoSpace), "MmMapIoSpace");
}

DEVICE_TEST(AMappingLeftIsReportedAtUnload)
{
    PVOID Va = MapBar(0, 0x1000);
    assert_non_null(Va);
    SIM_UNLOAD_REPORT Report;
    assert_false(SimDriverUnload(&Report));
    assert_int_equal(Report.IoSpaceMappings, 1);
    char Text[512];
    assert_false(SimIsClean(Text, sizeof(Text)));
    assert_non_null(strstr(Text, "MmMapIoSpace mapping left"));
    MmUnmapIoSpace(Va, 0x1000);
    assert_true(SimDriverUnload(&Report));
    assert_int_equal(Report.IoSpaceMappings, 0);
}

/* ---- The configuration --------------------------------------------------- */
typedef struct {
    const char *What;
    ULONG64 Base, Length;
} BAD_RANGE_ROW;

static const BAD_RANGE_ROW BadRanges[] = {
    {"overlapping RAM", 0x100000, 0x1000},
    {"overlapping the other range", FB_BASE + 0x1000, 0x1000},
    {"not page-aligned", 0xC8000800, 0x1000},
    {"a length of no whole pages", 0xC8000000, 0x1800},
    {"empty", 0xC8000000, 0},
    {"at address 0", 0, 0x1000},
    {"beyond 52-bit physical space", (1ull << 52) - 0x1000, 0x2000},
    {"over 1 GiB", 0x200000000000ull, (1ull << 30) + 0x1000},
};

SIM_TEST_F(DeviceRangesAreCheckedAtInitialize, SimTestSetup, SimTestTeardownDefault)
{
    for (size_t i = 0; i < sizeof(BadRanges) / sizeof(BadRanges[0]); i++) {
        SIM_CONFIG Config;
        DeviceConfig(&Config);
        Config.DeviceRanges[1].PhysicalBase = BadRanges[i].Base;
        Config.DeviceRanges[1].Length = BadRanges[i].Length;
        if (SimInitialize(&Config) != STATUS_INVALID_PARAMETER) {
            fail_msg("a device range %s was accepted", BadRanges[i].What);
        }
    }
    SIM_CONFIG Config;
    DeviceConfig(&Config);
    Config.DeviceRangeCount = SIM_MAX_DEVICE_RANGES + 1;
    assert_int_equal(SimInitialize(&Config), STATUS_INVALID_PARAMETER);
    assert_int_equal(SimInitialize(NULL), STATUS_SUCCESS);
}

#if SIM_HAVE_DEATH_TESTS
static void DefaultConfigFrom(void *Value)
{
    setenv("MMSIM_DEVICE_RANGES", (const char *)Value, 1);
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    printf("%lu", (unsigned long)Config.DeviceRangeCount);
    for (ULONG i = 0; i < Config.DeviceRangeCount; i++) {
        printf(" %s@0x%llx+0x%llx", Config.DeviceRanges[i].Name,
               (unsigned long long)Config.DeviceRanges[i].PhysicalBase,
               (unsigned long long)Config.DeviceRanges[i].Length);
    }
    fflush(stdout);
    _Exit(0);
}

static const char *const BadValues[] = {
    "", "bar0", "bar0@0xF0000000", "@0xF0000000+0x1000", "bar0@0xF0000000+0x1800",
    "bar0@0xF0000800+0x1000", "bar0@0xF0000000+0", "bar0@0xF0000000+0x1000,",
    "bar-0@0xF0000000+0x1000", "name_longer_than15@0xF0000000+0x1000", "bar0@010+0x1000",
    "bar0@ 0xF0000000+0x1000", "bar0@0xF0000000+0x40001000",
    /* nine ranges: one more than SIM_MAX_DEVICE_RANGES */
    ("a@0x1000+0x1000,b@0x3000+0x1000,c@0x5000+0x1000,d@0x7000+0x1000,e@0x9000+0x1000,"
     "f@0xB000+0x1000,g@0xD000+0x1000,h@0xF000+0x1000,i@0x11000+0x1000"),
};

SIM_TEST(BadDeviceRangesVariableExits89NamingIt)
{
    for (size_t i = 0; i < sizeof(BadValues) / sizeof(BadValues[0]); i++) {
        SIM_CHILD Child;
        assert_true(SimRunChild(DefaultConfigFrom, (void *)BadValues[i], 20, &Child));
        SIM_EXPECT_CHILD(&Child, TRUE, 89, BadValues[i]);
        SIM_EXPECT_CHILD_SAYS(&Child, "MMSIM_DEVICE_RANGES=");
    }
}

SIM_TEST(DeviceRangesVariableSetsTheConfiguration)
{
    SIM_CHILD Child;
    assert_true(SimRunChild(DefaultConfigFrom,
                            (void *)"fb@0xE0000000+0x10000,bar0@4026531840+4096", 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 0);
    assert_string_equal(Child.Out, "2 fb@0xe0000000+0x10000 bar0@0xf0000000+0x1000");
}
#endif

int main(void)
{
    return SimRunTests("iospace", NULL, NULL);
}
