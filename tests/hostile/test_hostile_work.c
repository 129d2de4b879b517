/*
 * test_hostile_work.c - issue 21 item 3: ExQueueWorkItem and IoQueueWorkItem
 * never fail.
 *
 * Windows' system worker threads exist before any driver queues work, and
 * the two DDIs return nothing: queuing cannot fail. mmsim used to start its
 * worker threads on the first queued item, so with the process at the host's
 * mapping limit (a thread needs a stack mapping) the first ExQueueWorkItem
 * printed "cannot start a worker thread" and died of SIGABRT. The threads now
 * start with the machine and queuing allocates nothing.
 *
 *   machine built (workers exist)  ->  host mappings exhausted  ->  queue
 *                                                                    |
 *                                         routines run, return  <----+
 *
 * Mappings are exhausted for real, not by a budget: the test splits a
 * reservation of its own into single pages of alternating protection until
 * the host refuses (vm.max_map_count), then gives them back.
 */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#endif
#include <string.h>
#include <sys/mman.h>

#include <mmsim_cmocka.h>

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif

#define TAG_WORK 'kroW' /* "Work" */
#define EXHAUST_PAGES ((size_t)1 << 20) /* 2 mappings per 2 pages: more than any limit */

typedef struct _EXHAUSTION {
    unsigned char *Base;
    size_t Pages; /* still mapped from Base */
} EXHAUSTION;

/* Splits a PROT_NONE reservation page by page, alternating two protections
 * so that no two neighbours merge: each split adds exactly one mapping, and
 * the first one the host refuses changes nothing. The process then holds
 * exactly the host's limit, whatever it held before (the count's parity
 * once decided whether a last, half-done split was left behind): one more
 * plain mmap still fits (a sanitizer runtime's allocator), anything needing
 * a split - a thread (stack and guard page), an unmap in the middle of a
 * mapping - is refused. */
static void ExhaustHostMappings(EXHAUSTION *E)
{
    const size_t Page = 4096;
    E->Base = (unsigned char *)mmap(NULL, EXHAUST_PAGES * Page, PROT_NONE,
                                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    assert_true(E->Base != (unsigned char *)MAP_FAILED);
    size_t i = 0;
    while (i + 1 < EXHAUST_PAGES &&
           mprotect(E->Base + i * Page, Page, (i & 1) ? PROT_READ : PROT_READ | PROT_WRITE) == 0) {
        i++;
    }
    assert_true(i + 1 < EXHAUST_PAGES); /* the host said no */
    E->Pages = EXHAUST_PAGES;
}

static void ReleaseHostMappings(EXHAUSTION *E)
{
    assert_int_equal(munmap(E->Base, E->Pages * 4096), 0);
}

/* Not built under ThreadSanitizer (tests/hostile/CMakeLists.txt): its
 * runtime maps memory of its own on demand and aborts at the host's limit. */

static volatile LONG Ran;

static VOID NTAPI ExRoutine(PVOID Parameter)
{
    InterlockedIncrement((volatile LONG *)Parameter);
}

static VOID NTAPI IoRoutine(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    (void)DeviceObject;
    InterlockedIncrement((volatile LONG *)Context);
}

SIM_TEST(QueuingAtTheHostMappingLimitRuns)
{
    Ran = 0;
    /* Everything the queuing needs from pool comes first: Windows drivers
     * allocate their IO_WORKITEM ahead too (IoAllocateWorkItem may fail). */
    PIO_WORKITEM IoItem = IoAllocateWorkItem(NULL);
    assert_non_null(IoItem);
    WORK_QUEUE_ITEM ExItem;
    ExInitializeWorkItem(&ExItem, ExRoutine, (PVOID)&Ran);

    EXHAUSTION E;
    ExhaustHostMappings(&E);
    ExQueueWorkItem(&ExItem, DelayedWorkQueue);
    IoQueueWorkItem(IoItem, IoRoutine, CriticalWorkQueue, (PVOID)&Ran);
    BOOLEAN Idle = SimWaitForWorkItems(60000);
    ReleaseHostMappings(&E);

    assert_true(Idle);
    assert_int_equal(Ran, 2);
    IoFreeWorkItem(IoItem);
}

/* Issue 21 item 1, its last resort: with the host's mappings exhausted by
 * the rest of the process (here: this test), below mmsim's own budget, an
 * unmap that must split a host mapping is refused by the host. That is a
 * stop, 0x3F NO_MORE_SYSTEM_PTES (0, pages, budget left, budget), never a
 * page left accessible whose PTE is zero. */
SIM_TEST(HostRefusalOfAnUnmapIsAStop)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    PMDL Three = MmAllocatePagesForMdlEx(Low, High, Skip, 3 * PAGE_SIZE, MmCached,
                                         MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS);
    PMDL One = MmAllocatePagesForMdlEx(Low, High, Skip, PAGE_SIZE, MmCached, 0);
    assert_non_null(Three);
    assert_non_null(One);
    PUCHAR Va = (PUCHAR)MmAllocateMappingAddressEx(3 * PAGE_SIZE, TAG_WORK,
                                                   MM_MAPPING_ADDRESS_DIVISIBLE);
    assert_non_null(Va);
    assert_ptr_equal(MmMapLockedPagesWithReservedMapping(Va, TAG_WORK, Three, MmCached), Va);
    assert_int_equal(SimCountHostMappings(Va, 3 * PAGE_SIZE), 1);

    EXHAUSTION E;
    ExhaustHostMappings(&E);
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, MmUnmapReservedMapping(Va + PAGE_SIZE, TAG_WORK, One));
    ReleaseHostMappings(&E);
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, NO_MORE_SYSTEM_PTES);
    assert_int_equal(Stop.Parameters[0], 0);
    assert_int_equal(Stop.Parameters[1], 1);
    /* The teardown resets the stopped machine. */
}

int main(void)
{
    return SimRunTests("hostile: work items", NULL, NULL);
}
