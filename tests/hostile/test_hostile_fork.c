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

#include <stdlib.h>
#include <sys/resource.h>

#include <mmsim_cmocka.h>

#include "growable_region.h"
#include "hostile_child.h"

#define TAG 'kroF'
#define BYTES (3 * PAGE_SIZE)
#define WAIT_100NS (-10LL * 1000 * 1000 * 30) /* 30 s, relative */

static void ExpectChildExit(const HOSTILE_CHILD *R, int Status)
{
    char How[96];
    if (!R->Exited || R->Status != Status) {
        print_error("child %s, expected exit status %d; its stderr:\n%s\n",
                    HostileDescribe(R, How, sizeof(How)), Status, R->Err);
        fail();
    }
}

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

    HOSTILE_CHILD R;
    assert_true(HostileRunChild(WritePoolInChild, &Blocks, &R));
    ExpectChildExit(&R, 0);
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

static void FreePage(PMDL Mdl)
{
    MmUnmapLockedPages(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority), Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
}

typedef struct _PAGE_RACE {
    int ToParent[2]; /* child -> parent: the PFN it got */
    int ToChild[2];  /* parent -> child: "mine is written" */
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

/*   after the fork each machine hands out the same PFN (same state), and
 *   each process's page keeps what that process wrote:
 *
 *   child:  page n = 'C' ──pfn──> parent: page n = 'P' ──go──> child: still 'C'? */
SIM_TEST(PagesAreHandedOutIndependently)
{
    PAGE_RACE Race;
    assert_int_equal(pipe(Race.ToParent), 0);
    assert_int_equal(pipe(Race.ToChild), 0);
    fflush(stdout);
    fflush(stderr);
    pid_t Pid = fork();
    assert_true(Pid >= 0);
    if (Pid == 0) {
        alarm(CHILD_ALARM_SECONDS);
        AllocatePageInChild(&Race);
    }
    PFN_NUMBER ChildPfn = 0, Pfn = 0;
    char *Va = NULL;
    assert_int_equal(read(Race.ToParent[0], &ChildPfn, sizeof(ChildPfn)), sizeof(ChildPfn));
    PMDL Mdl = NewPage('P', &Pfn, &Va);
    assert_non_null(Mdl);
    assert_int_equal(write(Race.ToChild[1], "g", 1), 1);
    int WaitStatus = 0;
    assert_int_equal(waitpid(Pid, &WaitStatus, 0), Pid);
    assert_int_equal(Pfn, ChildPfn); /* the same page number in both machines */
    assert_true(WIFEXITED(WaitStatus));
    assert_int_equal(WEXITSTATUS(WaitStatus), 0); /* the child's page kept 'C' */
    assert_true(AllBytes(Va, PAGE_SIZE, 'P'));
    FreePage(Mdl);
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

    HOSTILE_CHILD R;
    assert_true(HostileRunChild(QueueWorkInChild, NULL, &R));
    ExpectChildExit(&R, 0);
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

    HOSTILE_CHILD R;
    assert_true(HostileRunChild(GrowAndDestroyInChild, Region, &R));
    ExpectChildExit(&R, 0);
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

    HOSTILE_CHILD R;
    assert_true(HostileRunChild(DoubleFreeInChild, Block, &R));
    ExpectChildExit(&R, SIM_EXIT_BUGCHECK);
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
    _exit(CHILD_RETURNED);
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
    int Pipe[2];
    assert_int_equal(pipe(Pipe), 0);
    int LowestFree = dup(0);
    assert_true(LowestFree >= 0);
    close(LowestFree);
    struct rlimit Saved, Tight;
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &Saved), 0);
    Tight = Saved;
    Tight.rlim_cur = (rlim_t)LowestFree;
    fflush(stdout);
    fflush(stderr);
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &Tight), 0);
    pid_t Pid = fork();
    if (Pid == 0) {
        /* The fork handler has run under the tight limit; from here on the
         * child may open files again (sanitizer runtimes read /proc). */
        setrlimit(RLIMIT_NOFILE, &Saved);
        dup2(Pipe[1], STDERR_FILENO);
        alarm(CHILD_ALARM_SECONDS);
        TouchParentsBlock(Block);
    }
    setrlimit(RLIMIT_NOFILE, &Saved);
    assert_true(Pid > 0);
    close(Pipe[1]);
    char Err[1024] = {0};
    size_t Used = 0;
    ssize_t Got;
    while ((Got = read(Pipe[0], Err + Used, sizeof(Err) - 1 - Used)) > 0) {
        Used += (size_t)Got;
    }
    close(Pipe[0]);
    int WaitStatus = 0;
    assert_int_equal(waitpid(Pid, &WaitStatus, 0), Pid);
    if (!WIFEXITED(WaitStatus) || WEXITSTATUS(WaitStatus) != SIM_EXIT_REFUSED) {
        print_error("child status 0x%x, expected exit 87; its stderr:\n%s\n", WaitStatus, Err);
        fail();
    }
    assert_non_null(strstr(Err, "could not get its own copy of the machine"));
    assert_true(AllBytes(Block, 64, 'P'));
    ExFreePoolWithTag(Block, TAG);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
