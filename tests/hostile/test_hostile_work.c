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
    size_t Splits;
} EXHAUSTION;

/* Splits a PROT_NONE reservation page by page until the host refuses a
 * mapping: from then on a new thread (its stack) cannot be mapped. */
static void ExhaustHostMappings(EXHAUSTION *E)
{
    const size_t Page = 4096;
    E->Base = (unsigned char *)mmap(NULL, EXHAUST_PAGES * Page, PROT_NONE,
                                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    assert_true(E->Base != (unsigned char *)MAP_FAILED);
    E->Splits = 0;
    for (size_t i = 1; i + 1 < EXHAUST_PAGES; i += 2) {
        if (mprotect(E->Base + i * Page, Page, PROT_READ) != 0) {
            break;
        }
        E->Splits++;
    }
    assert_true(E->Splits + 1 < EXHAUST_PAGES / 2); /* the host said no */
}

static void ReleaseHostMappings(EXHAUSTION *E)
{
    assert_int_equal(munmap(E->Base, EXHAUST_PAGES * 4096), 0);
}

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

static void QueuingAtTheHostMappingLimitRuns(void **State)
{
    (void)State;
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

int main(void)
{
    const struct CMUnitTest Tests[] = {
        cmocka_unit_test_setup_teardown(QueuingAtTheHostMappingLimitRuns, SimTestSetup,
                                        SimTestTeardown),
    };
    return cmocka_run_group_tests_name("hostile: work items", Tests, NULL, NULL);
}
