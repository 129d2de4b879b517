/*
 * test_userva_hostserved.c - host-served first touches (docs/user-space.md):
 * a committed, accessible page's first touch is served by the host with no
 * fault trap, and whenever the simulated OS looks at the page or at what it
 * counts, the page is as the demand-zero fault would have left it:
 *
 *   commit 16 pages; touch pages 3 and 7 (host-served: no trap)
 *   look (the row's observer)   ->  2 demand-zero faults, 2 pages taken
 *                                    from the free list, PTEs valid, the
 *                                    written bytes in the pages
 *
 * Each row is one place where the OS looks; each fails if that place does
 * not settle the pages the host served.
 */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "userva_kit.h"

#define PAGES 16
#define A 3 /* the pages the user touches */
#define B 7

typedef struct {
    uint8_t *Base;
    ULONG64 FreeBefore;
    PFN_NUMBER LowestPfn, HighestPfn;
} SCENE;

static uint8_t *PageOf(const SCENE *Scene, int Page)
{
    return Scene->Base + (SIZE_T)Page * PAGE_SIZE;
}

/* Commits PAGES pages and writes one byte into pages A and B. */
static SCENE Prepare(void)
{
    SCENE Scene;
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    Scene.FreeBefore = Stats.FreePages;
    Scene.LowestPfn = (PFN_NUMBER)Stats.LowestPfn;
    Scene.HighestPfn = (PFN_NUMBER)Stats.HighestPfn;
    Scene.Base = UvAllocate(PAGES * PAGE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    PageOf(&Scene, A)[100] = 0xA5;
    PageOf(&Scene, B)[200] = 0x5A;
    SimAssertInvariants(); /* host-served pages are a state the checker knows */
    return Scene;
}

static void Release(SCENE *Scene)
{
    UvRelease(Scene->Base);
    SimAssertInvariants();
}

/* ---- The observers: each looks, and checks only what it saw. ---------- */
static void ByQueryMemory(SCENE *Scene)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.FreePages, Scene->FreeBefore - 2);
}

static void ByQueryProcess(SCENE *Scene)
{
    (void)Scene;
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    assert_int_equal(Info.ResidentPages, 2);
    assert_int_equal(Info.DemandZeroFaults, 2);
}

static void ByQueryUserPte(SCENE *Scene)
{
    ULONG64 Pte;
    assert_true(SimQueryUserPte(PageOf(Scene, A), &Pte));
    assert_int_equal(Pte & 1, 1); /* valid */
    assert_true(SimQueryUserPte(PageOf(Scene, A + 1), &Pte));
    assert_int_equal(Pte & 1, 0); /* never touched: demand zero */
    assert_int_not_equal(Pte, 0);
}

static void ByQueryPfn(SCENE *Scene)
{
    ULONG User = 0;
    for (PFN_NUMBER Pfn = Scene->LowestPfn; Pfn <= Scene->HighestPfn; Pfn++) {
        SIM_PFN_INFO Info;
        if (SimQueryPfn(Pfn, &Info) && Info.State == SimPageUser) {
            User++;
        }
    }
    assert_int_equal(User, 2);
}

static void ByDumpVad(SCENE *Scene)
{
    (void)Scene;
    char Text[UV_DUMP_CHARS];
    assert_non_null(strstr(UvDumpVad(Text), "resident 2 page(s), demand-zero faults 2"));
}

static void ByDumpAddress(SCENE *Scene)
{
    char Text[UV_DUMP_CHARS];
    assert_non_null(strstr(UvDumpAddress(PageOf(Scene, A), Text), "valid"));
}

/* A driver locks the page and reads it through a system mapping. */
static void ByProbeAndLock(SCENE *Scene)
{
    PMDL Mdl = IoAllocateMdl(PageOf(Scene, A), PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(Mdl);
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, MmProbeAndLockPages(Mdl, UserMode, IoReadAccess));
    assert_int_equal(Status, STATUS_SUCCESS);
    uint8_t *System = (uint8_t *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    assert_non_null(System);
    assert_int_equal(System[100], 0xA5);
    MmUnlockPages(Mdl);
    IoFreeMdl(Mdl);
}

/* ProbeForWrite of the touched page and an untouched one. */
static void ByProbeForWrite(SCENE *Scene)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, ProbeForWrite(PageOf(Scene, A), 2 * PAGE_SIZE, 1));
    assert_int_equal(Status, STATUS_SUCCESS);
    assert_int_equal(PageOf(Scene, A)[100], 0xA5);
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    assert_int_equal(Info.DemandZeroFaults, 3); /* A, B, and A+1 by the probe */
}

/* PAGE_NOACCESS: the page must trap now, and keep its contents. */
static void ByProtect(SCENE *Scene)
{
    PVOID At = Scene->Base;
    SIZE_T Size = PAGES * PAGE_SIZE;
    ULONG Old;
    assert_int_equal(ZwProtectVirtualMemory(NtCurrentProcess(), &At, &Size, PAGE_NOACCESS, &Old),
                     STATUS_SUCCESS);
    assert_int_equal(UvTouch(PageOf(Scene, A), false), STATUS_ACCESS_VIOLATION);
    assert_int_equal(UvTouch(PageOf(Scene, A + 1), false), STATUS_ACCESS_VIOLATION);
    At = Scene->Base;
    Size = PAGES * PAGE_SIZE;
    assert_int_equal(ZwProtectVirtualMemory(NtCurrentProcess(), &At, &Size, PAGE_READWRITE, &Old),
                     STATUS_SUCCESS);
    assert_int_equal(PageOf(Scene, A)[100], 0xA5);
}

/* Recommitted read-only: a write must trap, the contents stay. */
static void ByRecommit(SCENE *Scene)
{
    PVOID At = Scene->Base;
    SIZE_T Size = PAGES * PAGE_SIZE;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, MEM_COMMIT,
                                             PAGE_READONLY),
                     STATUS_SUCCESS);
    assert_int_equal(UvTouch(PageOf(Scene, A), true), STATUS_ACCESS_VIOLATION);
    assert_int_equal(UvTouch(PageOf(Scene, A + 1), true), STATUS_ACCESS_VIOLATION);
    assert_int_equal(PageOf(Scene, A)[100], 0xA5);
}

/* Decommitted: the page's fault still counts; its page is back; it traps. */
static void ByDecommit(SCENE *Scene)
{
    PVOID At = PageOf(Scene, A);
    SIZE_T Size = PAGE_SIZE;
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &At, &Size, MEM_DECOMMIT),
                     STATUS_SUCCESS);
    assert_int_equal(UvTouch(PageOf(Scene, A), false), STATUS_ACCESS_VIOLATION);
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    assert_int_equal(Info.DemandZeroFaults, 2);
    assert_int_equal(Info.ResidentPages, 1);
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.FreePages, Scene->FreeBefore - 1);
}

/* Another process attached and back: the pages are the first one's. */
static void ByAttach(SCENE *Scene)
{
    HANDLE Other = SimCreateProcess();
    assert_non_null(Other);
    assert_int_equal(SimAttachProcess(Other), STATUS_SUCCESS);
    assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
    assert_int_equal(PageOf(Scene, A)[100], 0xA5);
    assert_int_equal(PageOf(Scene, B)[200], 0x5A);
    assert_int_equal(SimDeleteProcess(Other), STATUS_SUCCESS);
}

/* At DISPATCH_LEVEL a touched page reads; an untouched one is 0xD1. */
static void ByRaiseIrql(SCENE *Scene)
{
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    uint8_t Seen = PageOf(Scene, A)[100];
    KeLowerIrql(Old);
    assert_int_equal(Seen, 0xA5);
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, PageOf(Scene, A + 1),
                        KeRaiseIrql(DISPATCH_LEVEL, &Old);
                        (void)*(volatile uint8_t *)PageOf(Scene, A + 1));
}

/* A forked child (the fault runner forks) has the pages, as its own. */
static void ByFork(SCENE *Scene)
{
    pid_t Child = fork();
    assert_true(Child >= 0);
    if (Child == 0) {
        bool Ok = PageOf(Scene, A)[100] == 0xA5 && PageOf(Scene, B)[200] == 0x5A;
        PageOf(Scene, A)[100] = 1; /* the child's own copy */
        SIM_PROCESS_INFO Info;
        Ok = Ok && SimQueryProcess(NtCurrentProcess(), &Info) && Info.DemandZeroFaults == 2;
        _exit(Ok ? 0 : 1);
    }
    int Status = 0;
    assert_int_equal(waitpid(Child, &Status, 0), Child);
    assert_true(WIFEXITED(Status));
    assert_int_equal(WEXITSTATUS(Status), 0);
    assert_int_equal(PageOf(Scene, A)[100], 0xA5);
}

typedef struct {
    const char *Where;
    void (*Observe)(SCENE *Scene);
} ROW;

static const ROW Rows[] = {
    {"SimQueryMemory (free pages)", ByQueryMemory},
    {"SimQueryProcess (resident, soft faults)", ByQueryProcess},
    {"SimQueryUserPte", ByQueryUserPte},
    {"SimQueryPfn (pages in state User)", ByQueryPfn},
    {"SimDumpVad", ByDumpVad},
    {"SimDumpAddress", ByDumpAddress},
    {"MmProbeAndLockPages(UserMode)", ByProbeAndLock},
    {"ProbeForWrite", ByProbeForWrite},
    {"ZwProtectVirtualMemory", ByProtect},
    {"MEM_COMMIT again, another protection", ByRecommit},
    {"MEM_DECOMMIT", ByDecommit},
    {"SimAttachProcess away and back", ByAttach},
    {"KeRaiseIrql to DISPATCH_LEVEL", ByRaiseIrql},
    {"fork", ByFork},
};

SIM_TEST(every_place_the_os_looks_sees_the_pages_the_host_served)
{
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        print_message("%s\n", Rows[i].Where);
        SimReset(); /* a fresh machine per row (the raise row ends in a stop) */
        SCENE Scene = Prepare();
        Rows[i].Observe(&Scene);
        if (Rows[i].Observe != ByRaiseIrql) {
            SimAssertInvariants();
            Release(&Scene);
        }
    }
    SimReset();
}

/* Released with pages the host served and nobody looked at: the machine is
 * as if they had faulted and been freed. */
SIM_TEST(a_release_counts_the_faults_of_pages_never_looked_at)
{
    SCENE Scene = Prepare();
    Release(&Scene);
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    assert_int_equal(Info.DemandZeroFaults, 2);
    assert_int_equal(Info.ResidentPages, 0);
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_int_equal(Stats.FreePages, Scene.FreeBefore);
}

/* Physical memory runs short: pool taking the last pages must first let the
 * pages the user touched have theirs (they were touched first), so the pool
 * finds only what a fault-per-touch machine would have left it. */
USERVA_MACHINE(SmallMachine,
               Config.RangeCount = 0; /* PhysicalPages of RAM, whatever the environment's layout */
               Config.PhysicalPages = 4096; Config.CommitLimitPages = 0)

SIM_TEST_F(pool_taking_the_last_pages_leaves_the_touched_user_pages_theirs, SmallMachine,
           SimTestTeardownDefault)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    SIZE_T Pages = (SIZE_T)Stats.FreePages - 4;
    uint8_t *Base = UvAllocate(Pages * PAGE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    for (SIZE_T i = 0; i < Pages; i++) {
        ((volatile uint8_t *)Base)[i * PAGE_SIZE] = 1;
    }
    /* 4 pages are left: 8 pages of pool cannot be had. */
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8 * PAGE_SIZE, 'tsoH');
    assert_null(Pool);
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    assert_int_equal(Info.ResidentPages, Pages);
    SimAssertInvariants();
    UvRelease(Base);
}

int main(void)
{
    return SimRunTests("userva_hostserved", NULL, NULL);
}
