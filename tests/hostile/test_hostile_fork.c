/*
 * test_hostile_fork.c - fork() after the machine is built (issue 21 item 2).
 *
 * A forked child gets a private copy of the machine (docs/hosts.md, "fork"):
 *
 *   parent machine ── fork ──> child machine (a copy at the fork)
 *   its own RAM                its own RAM: writes, new pages, work items
 *                              and bug checks stay in the child
 *
 * so death tests work: fork, misuse in the child, check its exit status,
 * and the parent's machine is untouched.
 */
#define _POSIX_C_SOURCE 200809L /* fork, pipe under -std=c11 */

#include <stdbool.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#include "growable_region.h"

#define TAG 'kroF'
#define BYTES (3 * PAGE_SIZE)
#define CHILD_ALARM_SECONDS 20 /* a hung child ends by SIGALRM */
#define WAIT_100NS (-10LL * 1000 * 1000 * 30) /* 30 s, relative */

static bool AllBytes(const void *Buffer, size_t Size, unsigned char Value)
{
    const unsigned char *Bytes = (const unsigned char *)Buffer;
    for (size_t i = 0; i < Size; i++) {
        if (Bytes[i] != Value) {
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Memory: the child's writes and pages are its own.                      */
/* ---------------------------------------------------------------------- */
typedef struct _TWO_BLOCKS {
    char *NonPaged;
    char *Paged;
} TWO_BLOCKS;

static void WritePoolInChild(void *Context)
{
    TWO_BLOCKS *Blocks = (TWO_BLOCKS *)Context;
    memset(Blocks->NonPaged, 'C', BYTES);
    memset(Blocks->Paged, 'C', BYTES);
    SimTrimPagedPool(); /* the paged block faults back in from the child's RAM */
    _exit(AllBytes(Blocks->NonPaged, BYTES, 'C') && AllBytes(Blocks->Paged, BYTES, 'C') ? 0 : 1);
}

/*   parent: block = 'P' ── fork ── child: block = 'C', exits
 *   parent: block still 'P' */
SIM_TEST(ChildPoolWritesStayInTheChild)
{
    TWO_BLOCKS Blocks;
    Blocks.NonPaged = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, BYTES, TAG);
    Blocks.Paged = (char *)ExAllocatePool2(POOL_FLAG_PAGED, BYTES, TAG);
    assert_non_null(Blocks.NonPaged);
    assert_non_null(Blocks.Paged);
    memset(Blocks.NonPaged, 'P', BYTES);
    memset(Blocks.Paged, 'P', BYTES);

    SIM_CHILD R;
    assert_true(SimRunChild(WritePoolInChild, &Blocks, CHILD_ALARM_SECONDS, &R));
    SIM_EXPECT_CHILD_EXIT(&R, 0);
    assert_true(AllBytes(Blocks.NonPaged, BYTES, 'P'));
    assert_true(AllBytes(Blocks.Paged, BYTES, 'P'));
    ExFreePoolWithTag(Blocks.NonPaged, TAG);
    ExFreePoolWithTag(Blocks.Paged, TAG);
}

/* One page from MmAllocatePagesForMdl, mapped and filled with Fill. */
static PMDL NewPage(unsigned char Fill, PFN_NUMBER *Pfn, char **Va)
{
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    PMDL Mdl = MmAllocatePagesForMdl(Low, High, Skip, PAGE_SIZE);
    if (Mdl == NULL || MmGetMdlByteCount(Mdl) != PAGE_SIZE) {
        return NULL;
    }
    *Va = (char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
    if (*Va == NULL) {
        return NULL;
    }
    memset(*Va, Fill, PAGE_SIZE);
    *Pfn = MmGetMdlPfnArray(Mdl)[0];
    return Mdl;
}

static void FreeOnePage(PMDL Mdl)
{
    MmUnmapLockedPages(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority), Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
}

typedef struct _PAGE_RACE {
    int ToParent[2]; /* child -> parent: the PFN it got */
    int ToChild[2];  /* parent -> child: "mine is written" */
    /* The parent's side, checked once the child has ended. */
    PFN_NUMBER ChildPfn, Pfn;
    PMDL Mdl;
    char *Va;
    BOOLEAN Talked;
} PAGE_RACE;

static void AllocatePageInChild(void *Context)
{
    PAGE_RACE *Race = (PAGE_RACE *)Context;
    PFN_NUMBER Pfn = 0;
    char *Va = NULL;
    if (NewPage('C', &Pfn, &Va) == NULL) {
        _exit(2);
    }
    char Go;
    if (write(Race->ToParent[1], &Pfn, sizeof(Pfn)) != (ssize_t)sizeof(Pfn) ||
        read(Race->ToChild[0], &Go, 1) != 1) {
        _exit(3);
    }
    _exit(AllBytes(Va, PAGE_SIZE, 'C') ? 0 : 1);
}

/* The parent's side while the child runs: its page after the child's. */
static void AllocatePageInParent(void *Context)
{
    PAGE_RACE *Race = (PAGE_RACE *)Context;
    Race->Talked = read(Race->ToParent[0], &Race->ChildPfn, sizeof(Race->ChildPfn)) ==
                   (ssize_t)sizeof(Race->ChildPfn);
    Race->Mdl = NewPage('P', &Race->Pfn, &Race->Va);
    Race->Talked = Race->Talked && write(Race->ToChild[1], "g", 1) == 1;
}

/*   after the fork each machine hands out the same PFN (same state), and
 *   each process's page keeps what that process wrote:
 *
 *   child:  page n = 'C' ──pfn──> parent: page n = 'P' ──go──> child: still 'C'? */
SIM_TEST(PagesAreHandedOutIndependently)
{
    static PAGE_RACE Race;
    memset(&Race, 0, sizeof(Race));
    assert_int_equal(pipe(Race.ToParent), 0);
    assert_int_equal(pipe(Race.ToChild), 0);
    static const SIM_CHILD_HOOKS Hooks = {NULL, NULL, AllocatePageInParent};
    SIM_CHILD R;
    assert_true(SimRunChildHooked(AllocatePageInChild, &Race, CHILD_ALARM_SECONDS, &Hooks, &R));
    assert_true(Race.Talked);
    assert_non_null(Race.Mdl);
    assert_int_equal(Race.Pfn, Race.ChildPfn); /* the same page number in both machines */
    SIM_EXPECT_CHILD_EXIT(&R, 0);              /* the child's page kept 'C' */
    assert_true(AllBytes(Race.Va, PAGE_SIZE, 'P'));
    FreeOnePage(Race.Mdl);
    for (int i = 0; i < 2; i++) {
        close(Race.ToParent[i]);
        close(Race.ToChild[i]);
    }
}

/* ---------------------------------------------------------------------- */
/* Worker threads: the child runs the work it queues.                     */
/* ---------------------------------------------------------------------- */
static VOID NTAPI SetEventRoutine(PVOID Parameter)
{
    KeSetEvent((PKEVENT)Parameter, IO_NO_INCREMENT, FALSE);
}

static void QueueWorkInChild(void *Context)
{
    (void)Context;
    KEVENT Done;
    WORK_QUEUE_ITEM Item;
    KeInitializeEvent(&Done, NotificationEvent, FALSE);
    ExInitializeWorkItem(&Item, SetEventRoutine, &Done);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    LARGE_INTEGER Timeout = {.QuadPart = WAIT_100NS};
    NTSTATUS Status = KeWaitForSingleObject(&Done, Executive, KernelMode, FALSE, &Timeout);
    _exit(Status == STATUS_SUCCESS && SimWaitForWorkItems(30000) ? 0 : 1);
}

/* The parent's worker threads are running (it queued work before the fork);
 * the child's own item still runs. */
SIM_TEST(WorkQueuedInTheChildRuns)
{
    KEVENT Done;
    WORK_QUEUE_ITEM Item;
    KeInitializeEvent(&Done, NotificationEvent, FALSE);
    ExInitializeWorkItem(&Item, SetEventRoutine, &Done);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    assert_true(SimWaitForWorkItems(30000));

    SIM_CHILD R;
    assert_true(SimRunChild(QueueWorkInChild, NULL, CHILD_ALARM_SECONDS, &R));
    SIM_EXPECT_CHILD_EXIT(&R, 0);
}

static void GrowAndDestroyInChild(void *Context)
{
    PGROWABLE_REGION Region = (PGROWABLE_REGION)Context;
    NTSTATUS Status = GrRequestGrowth(Region, 512 * 1024);
    if (Status != STATUS_PENDING && Status != STATUS_SUCCESS) {
        _exit(2);
    }
    GrDestroy(Region); /* waits for the queued growth */
    _exit(SimWaitForWorkItems(30000) && SimIsClean(NULL, 0) ? 0 : 1); /* the routine may still be returning */
}

/* The growable region's deferred growth runs in the child, so GrDestroy
 * there returns; the parent's region is as it was. */
SIM_TEST(GrDestroyInTheChildCompletes)
{
    GR_PARAMETERS Parameters = {.MaximumSize = 1024 * 1024, .InitialCommit = 64 * 1024,
                                .PoolTag = TAG};
    PGROWABLE_REGION Region = NULL;
    assert_int_equal(GrCreate(&Parameters, &Region), STATUS_SUCCESS);
    /* A growth in the parent first: its worker threads are running. */
    NTSTATUS Status = GrRequestGrowth(Region, 128 * 1024);
    assert_true(Status == STATUS_PENDING || Status == STATUS_SUCCESS);
    assert_true(SimWaitForWorkItems(30000));
    SIZE_T Committed = GrCommittedSize(Region);
    assert_true(Committed >= 128 * 1024);

    SIM_CHILD R;
    assert_true(SimRunChild(GrowAndDestroyInChild, Region, CHILD_ALARM_SECONDS, &R));
    SIM_EXPECT_CHILD_EXIT(&R, 0);
    assert_int_equal(GrCommittedSize(Region), Committed);
    GrDestroy(Region);
}

/* ---------------------------------------------------------------------- */
/* A death test: misuse in the child, the parent carries on.              */
/* ---------------------------------------------------------------------- */
static void DoubleFreeInChild(void *Context)
{
    ExFreePoolWithTag(Context, TAG);
    ExFreePoolWithTag(Context, TAG); /* 0xC2: the process ends with 86 */
}

SIM_TEST(DeathTestInAChildLeavesTheParentRunning)
{
    char *Block = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Block);
    memset(Block, 'P', 64);

    SIM_CHILD R;
    assert_true(SimRunChild(DoubleFreeInChild, Block, CHILD_ALARM_SECONDS, &R));
    SIM_EXPECT_CHILD_EXIT(&R, SIM_EXIT_BUGCHECK);
    assert_non_null(strstr(R.Err, "0x000000C2"));

    assert_false(SimIsStopped(NULL));
    assert_true(AllBytes(Block, 64, 'P'));
    ExFreePoolWithTag(Block, TAG); /* still the parent's, freed once */
}

/* ---------------------------------------------------------------------- */
/* A child the host cannot give a copy: refused, never shared.            */
/* ---------------------------------------------------------------------- */
static void TouchParentsBlock(void *Context)
{
    ((volatile char *)Context)[0] = 'C'; /* inaccessible in the child: refused */
    _exit(SIM_CHILD_RETURNED);
}

/* The lowest free descriptor number becomes the limit just before the
 * fork (the fork handler runs under it); the limit is restored right after
 * in both processes (sanitizer runtimes in the child read /proc). */
static struct rlimit SavedFiles;

static void TightenFiles(void *Context)
{
    (void)Context;
    int LowestFree = dup(0);
    close(LowestFree);
    struct rlimit Tight = SavedFiles;
    Tight.rlim_cur = (rlim_t)(LowestFree >= 0 ? LowestFree : 0);
    setrlimit(RLIMIT_NOFILE, &Tight);
}

static void RestoreFiles(void *Context)
{
    (void)Context;
    setrlimit(RLIMIT_NOFILE, &SavedFiles);
}

/* With no file descriptor left (RLIMIT_NOFILE at the lowest free number),
 * the child cannot create its physical memory object: its views of the
 * parent's memory are taken away and it is refused (87), the parent's block
 * untouched. */
SIM_TEST(ChildWithoutACopyIsRefused)
{
    char *Block = (char *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    assert_non_null(Block);
    memset(Block, 'P', 64);
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &SavedFiles), 0);
    static const SIM_CHILD_HOOKS Hooks = {TightenFiles, RestoreFiles, RestoreFiles};
    SIM_CHILD R;
    assert_true(SimRunChildHooked(TouchParentsBlock, Block, CHILD_ALARM_SECONDS, &Hooks, &R));
    SIM_EXPECT_CHILD_EXIT(&R, SIM_EXIT_REFUSED);
    SIM_EXPECT_CHILD_SAYS(&R, "could not get its own copy of the machine");
    assert_true(AllBytes(Block, 64, 'P'));
    ExFreePoolWithTag(Block, TAG);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
