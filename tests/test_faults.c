/*
 * test_faults.c - fault injection as a specification (docs/verifier.md;
 * docs/ddi-contract.md 6.1 Low Resources Simulation, 6.2 systematic simulation).
 *
 *   spec clause          effect
 *   nth=N[@site]         the Nth fallible call (of the site) fails
 *   random=P;seed=S      each fallible call fails with probability P/10,000
 *   tags=T1,T2           only pool allocations with these tags fail; other
 *                        sites never do (as Driver Verifier)
 *   delay=N              no failure in the first N fallible calls
 *   short=P              P% of injected page-allocation failures are short MDLs
 *   systematic=FILE      the first call from each distinct stack fails; FILE
 *                        remembers the stacks across runs
 *   record=FILE, stack=ID  the `mmsim faults` runner's two halves
 *   explore=R,W          the runner's pipes: MMSIM_FAULTS only, never this API
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__linux__)
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#endif

#include <mmsim_cmocka.h>

#define TAG_A 'AtsT' /* "TstA" */
#define TAG_B 'BtsT' /* "TstB" */

static PMDL AllocatePages(SIZE_T Bytes)
{
    return MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0), Bytes, MmCached,
                                   0);
}

static int TeardownFaults(void **State)
{
    SimConfigureFaults("", NULL, 0);
    return SimTestTeardown(State);
}

/* File, a name ending in XXXXXX, becomes that of a new empty file. */
static void MakeTempFile(char *File)
{
    int Fd = mkstemp(File);
    assert_true(Fd >= 0);
    close(Fd);
}

static void Configure(const char *Spec)
{
    char Why[512];
    NTSTATUS Status = SimConfigureFaults(Spec, Why, sizeof(Why));
    if (Status != STATUS_SUCCESS) {
        fail_msg("SimConfigureFaults(\"%s\"): %s", Spec, Why);
    }
}

/* A bad spec is refused, and the reason names the bad part. */
SIM_TEST_F(BadSpecsAreRefusedWithTheReason, SimTestSetup, TeardownFaults)
{
    static const struct {
        const char *Spec;
        const char *Named; /* must appear in the reason */
    } Rows[] = {
        {"often", "often"},
        {"nth=0", "nth"},
        {"nth=3@disk", "disk"},
        {"random=10001", "10,000"},
        {"random=-1", "random"},
        {"seed=x", "seed"},
        {"delay=", "delay"},
        {"short=101", "percentage"},
        {"tags=TooLong", "TooLong"},
        {"systematic=", "file"},
        {"stack=xyz", "stack"},
        {"log=1", "log=1"},
        {"random=5;bogus=1", "column 10"},
        /* The runner's own clause: only through MMSIM_FAULTS in a run it
         * started (once taken here, the next allocation ended the program
         * with status 2). */
        {"explore=0,1", "explore="},
        {"explore=900,901", "explore="},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        char Why[512] = "";
        assert_int_equal(SimConfigureFaults(Rows[i].Spec, Why, sizeof(Why)),
                         STATUS_INVALID_PARAMETER);
        if (strstr(Why, Rows[i].Named) == NULL) {
            fail_msg("spec \"%s\": reason \"%s\" does not name \"%s\"", Rows[i].Spec, Why,
                     Rows[i].Named);
        }
    }
    /* A good one is accepted; "" turns injection off. */
    Configure("random=600;seed=7;tags=Tst*,Mdl;delay=100;short=50;log");
    Configure("");
}

/* nth=N@site: exactly the Nth call of that site fails, once. */
SIM_TEST_F(NthCallOfASiteFails, SimTestSetup, TeardownFaults)
{
    Configure("nth=3@pool");
    PVOID Blocks[5];
    for (int i = 0; i < 5; i++) {
        Blocks[i] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
        if (i == 2) {
            assert_null(Blocks[i]);
        } else {
            assert_non_null(Blocks[i]);
        }
    }
    SIM_FAULT_COUNTERS Counters;
    SimQueryFaultCounters(&Counters);
    assert_int_equal(Counters.Calls[SimFaultPool], 5);
    assert_int_equal(Counters.Injected[SimFaultPool], 1);
    assert_int_equal(Counters.TotalInjected, 1);
    for (int i = 0; i < 5; i++) {
        if (Blocks[i] != NULL) {
            ExFreePoolWithTag(Blocks[i], TAG_A);
        }
    }
}

/* nth=N without a site counts every fallible call. */
SIM_TEST_F(NthFallibleCallOfAnySiteFails, SimTestSetup, TeardownFaults)
{
    Configure("nth=2");
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A); /* call 1 */
    assert_non_null(Block);
    PMDL Mdl = IoAllocateMdl(Block, 64, FALSE, FALSE, NULL); /* call 2: fails */
    assert_null(Mdl);
    Mdl = IoAllocateMdl(Block, 64, FALSE, FALSE, NULL); /* call 3 */
    assert_non_null(Mdl);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Block, TAG_A);
    assert_int_equal(SimFaultsInjected(SimFaultIoAllocateMdl), 1);
}

/* random=10000 fails every eligible call; a tag filter confines failures to
 * pool allocations with those tags; delay spares the first calls. */
SIM_TEST_F(RandomRespectsTagsAndDelay, SimTestSetup, TeardownFaults)
{
    Configure("random=10000;tags=TstA");
    PVOID A = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
    PVOID B = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_B);
    PMDL Mdl = AllocatePages(PAGE_SIZE); /* not pool: never failed with a tag filter */
    assert_null(A);
    assert_non_null(B);
    assert_non_null(Mdl);
    ExFreePoolWithTag(B, TAG_B);
    SimTestFreeMdlPages(Mdl);

    Configure("random=10000;tags=Ts*");
    assert_null(ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_B)); /* wildcard */

    Configure("random=10000;delay=2");
    PVOID First = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
    PVOID Second = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
    PVOID Third = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
    assert_non_null(First);
    assert_non_null(Second);
    assert_null(Third);
    ExFreePoolWithTag(First, TAG_A);
    ExFreePoolWithTag(Second, TAG_A);
}

/* The same seed gives the same failures; probability 0 gives none. */
SIM_TEST_F(RandomIsReproducibleFromTheSeed, SimTestSetup, TeardownFaults)
{
    char Pattern[2][64];
    for (int Run = 0; Run < 2; Run++) {
        Configure("random=3000;seed=42");
        for (int i = 0; i < 63; i++) {
            PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG_A);
            Pattern[Run][i] = Block == NULL ? 'x' : '.';
            if (Block != NULL) {
                ExFreePoolWithTag(Block, TAG_A);
            }
        }
        Pattern[Run][63] = '\0';
    }
    assert_string_equal(Pattern[0], Pattern[1]);
    assert_non_null(strchr(Pattern[0], 'x'));
    assert_non_null(strchr(Pattern[0], '.'));
    Configure("random=0");
    for (int i = 0; i < 100; i++) {
        PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG_A);
        assert_non_null(Block);
        ExFreePoolWithTag(Block, TAG_A);
    }
}

/* short=100: an injected page-allocation failure returns half the pages. */
SIM_TEST_F(ShortPageAllocationsAreInjected, SimTestSetup, TeardownFaults)
{
    Configure("nth=1@pages;short=100");
    PMDL Mdl = AllocatePages(16 * PAGE_SIZE);
    assert_non_null(Mdl);
    assert_int_equal(MmGetMdlByteCount(Mdl), 8 * PAGE_SIZE);
    SimTestFreeMdlPages(Mdl);
    Configure("nth=1@pages");
    assert_null(AllocatePages(PAGE_SIZE));
}

/* Each fallible site, failed by hand, fails the way it fails for want of
 * resources: NULL, or an exception for MmProbeAndLockPages. */
SIM_TEST_F(EverySiteFailsAsDocumented, SimTestSetup, TeardownFaults)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, TAG_A);
    assert_non_null(Block);
    PMDL Mdl = IoAllocateMdl(Block, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);

    SimFailNthCall(SimFaultProbeAndLockPages, 1);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess));
    assert_int_equal(Status, STATUS_WORKING_SET_QUOTA);
    assert_int_equal(Mdl->MdlFlags & MDL_PAGES_LOCKED, 0);

    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    SimFailNthCall(SimFaultMapLockedPages, 1);
    assert_null(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority));
    PVOID Va = MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(Va);
    MmUnlockPages(Mdl); /* releases the mapping too */
    IoFreeMdl(Mdl);

    SimFailNthCall(SimFaultIoAllocateWorkItem, 1);
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    assert_null(IoAllocateWorkItem(&Device));

    SimFailNthCall(SimFaultAllocateMappingAddress, 1);
    assert_null(MmAllocateMappingAddress(PAGE_SIZE, TAG_A));
    ExFreePoolWithTag(Block, TAG_A);
    assert_int_equal(SimFaultsInjected(SimFaultSiteCount), 4);
}

/* Systematic: the first call from each distinct stack fails, later calls
 * from it pass; the file remembers stacks across machines (and runs).
 * A stack is the caller's whole chain (8 frames), so every call below comes
 * through one line: Allocate(), from RunCalls(), from one loop. */
static PVOID __attribute__((noinline)) AllocateHere(void)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
}

static PVOID __attribute__((noinline)) AllocateThere(void)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
}

static PVOID __attribute__((noinline)) Allocate(int There)
{
    return There ? AllocateThere() : AllocateHere();
}

typedef struct _CALL {
    int There;       /* which allocation site */
    int ExpectNull;  /* the injected failure */
} CALL;

static void __attribute__((noinline)) RunCalls(const CALL *Calls, int Count)
{
    for (int i = 0; i < Count; i++) {
        PVOID Block = Allocate(Calls[i].There);
        if (Calls[i].ExpectNull) {
            assert_null(Block);
        } else {
            assert_non_null(Block);
            ExFreePoolWithTag(Block, TAG_A);
        }
    }
}

SIM_TEST_F(SystematicFailsEachStackOnce, SimTestSetup, TeardownFaults)
{
    char File[] = "/tmp/mmsim-systematic-XXXXXX";
    MakeTempFile(File);
    char Spec[128];
    snprintf(Spec, sizeof(Spec), "systematic=%s", File);
    Configure(Spec);

    /*  phase 1:  Here NULL, Here ok, Here ok, There NULL, There ok
     *  phase 2 (a new machine, which reads the file): all ok         */
    static const CALL Phases[2][5] = {
        {{0, 1}, {0, 0}, {0, 0}, {1, 1}, {1, 0}},
        {{0, 0}, {0, 0}, {1, 0}, {1, 0}, {0, 0}},
    };
    for (int Phase = 0; Phase < 2; Phase++) {
        if (Phase == 1) {
            SIM_FAULT_COUNTERS Counters;
            SimQueryFaultCounters(&Counters);
            assert_int_equal(Counters.StacksSeen, 2);
            assert_int_equal(Counters.Injected[SimFaultPool], 2);
            SimReset();
        }
        RunCalls(Phases[Phase], 5);
    }
    unlink(File);
}

/* record=FILE lists each distinct stack once; stack=ID then fails exactly
 * the call with that identity, once - the runner's two halves. */
SIM_TEST_F(RecordThenFailOneStack, SimTestSetup, TeardownFaults)
{
    char File[] = "/tmp/mmsim-record-XXXXXX";
    MakeTempFile(File);
    char Spec[160];
    static const CALL Phases[2][4] = {
        {{0, 0}, {1, 0}, {0, 0}, {1, 0}}, /* record */
        {{0, 0}, {1, 1}, {0, 0}, {1, 0}}, /* stack=<There's identity> */
    };
    for (int Phase = 0; Phase < 2; Phase++) {
        if (Phase == 0) {
            snprintf(Spec, sizeof(Spec), "record=%s", File);
        } else {
            FILE *In = fopen(File, "r");
            assert_non_null(In);
            char Lines[2][1024];
            assert_non_null(fgets(Lines[0], sizeof(Lines[0]), In));
            assert_non_null(fgets(Lines[1], sizeof(Lines[1]), In));
            char Extra[1024];
            assert_null(fgets(Extra, sizeof(Extra), In)); /* two stacks, once each */
            fclose(In);
            assert_non_null(strstr(Lines[0], " pool "));
            assert_string_not_equal(Lines[0], Lines[1]);
            snprintf(Spec, sizeof(Spec), "stack=%.16s", Lines[1]); /* There */
        }
        Configure(Spec);
        RunCalls(Phases[Phase], 4);
    }
    unlink(File);
}

/* explore=R,W is the runner's: even naming real pipes, SimConfigureFaults
 * refuses it, and a call then fails or succeeds as with no spec (the
 * explorer would have written a note to W and waited on R). */
SIM_TEST_F(TheRunnersExploreClauseIsNotAnApiSpec, SimTestSetup, TeardownFaults)
{
    int Pipe[2];
    assert_int_equal(pipe(Pipe), 0);
    char Spec[64], Why[512] = "";
    snprintf(Spec, sizeof(Spec), "explore=%d,%d", Pipe[0], Pipe[1]);
    assert_int_equal(SimConfigureFaults(Spec, Why, sizeof(Why)), STATUS_INVALID_PARAMETER);
#if defined(_WIN32)
    assert_non_null(strstr(Why, "explore=")); /* no runner here: refused by name */
#else
    assert_non_null(strstr(Why, "fault runner's own clause"));
#endif
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_A);
    close(Pipe[0]);
    close(Pipe[1]);
}

#if defined(__linux__)
/* The record file is held open between its lines: exactly one descriptor,
 * which a program the process executes does not inherit, and which goes
 * when the spec no longer names the file. */
static int RecordDescriptors(const char *File, bool *CloseOnExec)
{
    /* The open descriptors only: a readlink of every number up to 1024 was
     * 12 ms of this test, most of it looking up descriptors never open. */
    int Held = 0;
    DIR *Fds = opendir("/proc/self/fd");
    assert_non_null(Fds);
    for (struct dirent *Entry = readdir(Fds); Entry != NULL; Entry = readdir(Fds)) {
        char Link[300], Target[600];
        snprintf(Link, sizeof(Link), "/proc/self/fd/%s", Entry->d_name);
        ssize_t Length = readlink(Link, Target, sizeof(Target) - 1);
        if (Length <= 0) {
            continue; /* "." and "..", or the listing's own descriptor gone */
        }
        Target[Length] = '\0';
        if (strcmp(Target, File) == 0) {
            Held++;
            *CloseOnExec = (fcntl(atoi(Entry->d_name), F_GETFD) & FD_CLOEXEC) != 0;
        }
    }
    closedir(Fds);
    return Held;
}

SIM_TEST_F(TheRecordFileIsHeldOpenNotInherited, SimTestSetup, TeardownFaults)
{
    char File[] = "/tmp/mmsim-record-XXXXXX";
    MakeTempFile(File);
    char Spec[160];
    snprintf(Spec, sizeof(Spec), "record=%s", File);
    Configure(Spec);
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_A); /* its stack is recorded */
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_A);
    bool CloseOnExec = false;
    assert_int_equal(RecordDescriptors(File, &CloseOnExec), 1);
    assert_true(CloseOnExec);
    Configure("nth=1000000"); /* the file is no longer named */
    assert_int_equal(RecordDescriptors(File, &CloseOnExec), 0);
    unlink(File);
}
#endif

int main(void)
{
    return SimRunTests("fault injection", NULL, NULL);
}
