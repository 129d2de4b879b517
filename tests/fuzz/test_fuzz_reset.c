/*
 * test_fuzz_reset.c - what the fuzzer pays between its calls, made cheaper
 * (fuzz21; docs/verifier.md, "Fuzzing"), and what must still hold:
 *
 *   a reset (or an attach) unmaps only the user pages the host may show,
 *   not the whole 8 GiB range; every way a user page comes to be shown
 *   widens that span, so after SimReset none of the last machine's pages
 *   is accessible:
 *
 *     how the page was shown                      host call
 *     committed, served by the host, untouched    anonymous private map
 *     served by the host, touched                 (the same)
 *     touched, then settled by a check            map of its physical page
 *     touched after an attach, mirrored by a trap map of its physical page
 *     an MDL mapped in UserMode                   map of its physical page
 *
 *   SimInitialize keeps idle worker threads for the next machine, as
 *   SimReset does, whatever the new configuration (the fuzzer changes it
 *   between inputs; two thread starts and joins each time)
 */
#define _DEFAULT_SOURCE /* DIR, opendir */
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <dirent.h>
#endif

typedef enum {
    ShownServed,   /* committed: the host serves its first touch */
    ShownTouched,  /* served and touched, not looked at */
    ShownSettled,  /* touched, then a whole check settled it */
    ShownAttached, /* touched after an attach away and back (the trap mirrors it) */
    ShownMdlMapped /* an MDL over pool mapped in UserMode */
} HOW_SHOWN;

static NTSTATUS Touch(volatile uint8_t *At)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, (void)*At);
    return Status;
}

/* A user page shown How, readable now; returns its address. */
static uint8_t *ShowPage(HOW_SHOWN How, PMDL *MdlOut, PVOID *PoolOut)
{
    *MdlOut = NULL;
    *PoolOut = NULL;
    if (How == ShownMdlMapped) {
        PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'tseT');
        assert_non_null(Pool);
        PMDL Mdl = IoAllocateMdl(Pool, PAGE_SIZE, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        MmBuildMdlForNonPagedPool(Mdl);
        PVOID User = NULL;
        NTSTATUS Status;
        SIM_TRY_STATUS(&Status, User = MmMapLockedPagesSpecifyCache(Mdl, UserMode, MmCached, NULL,
                                                                    FALSE, NormalPagePriority));
        assert_int_equal(Status, STATUS_SUCCESS);
        assert_non_null(User);
        *MdlOut = Mdl;
        *PoolOut = Pool;
        return (uint8_t *)User;
    }
    uint8_t *Page = (uint8_t *)SimAllocateUserBuffer(PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    assert_non_null(Page);
    if (How == ShownTouched || How == ShownSettled || How == ShownAttached) {
        Page[0] = 0x5A;
    }
    if (How == ShownSettled || How == ShownAttached) {
        SimAssertInvariants(); /* looks at the page: settled, mapped as its PFN */
    }
    if (How == ShownAttached) {
        HANDLE Other = SimCreateProcess();
        assert_non_null(Other);
        assert_int_equal(SimAttachProcess(Other), STATUS_SUCCESS);
        assert_int_equal(Touch(Page), STATUS_ACCESS_VIOLATION); /* not this process's */
        assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
        assert_int_equal(Page[0], 0x5A); /* back: the trap mirrors it again */
    }
    assert_int_equal(Touch(Page), STATUS_SUCCESS);
    return Page;
}

SIM_TEST(after_a_reset_no_user_page_of_the_last_machine_is_shown)
{
    static const struct {
        HOW_SHOWN How;
        const char *Name;
    } Ways[] = {
        {ShownServed, "committed, served by the host"},
        {ShownTouched, "served by the host, touched"},
        {ShownSettled, "touched, settled by a check"},
        {ShownAttached, "touched after an attach, mirrored by the trap"},
        {ShownMdlMapped, "an MDL mapped in UserMode"},
    };
    for (size_t i = 0; i < sizeof(Ways) / sizeof(Ways[0]); i++) {
        PMDL Mdl;
        PVOID Pool;
        uint8_t *Page = ShowPage(Ways[i].How, &Mdl, &Pool);
        SimReset(); /* with whatever is live (the MDL, its mapping): all of it goes */
        if (Touch(Page) != STATUS_ACCESS_VIOLATION) {
            fail_msg("%s: the page at %p is still accessible after SimReset", Ways[i].Name,
                     (void *)Page);
        }
        SimAssertInvariants();
    }
}

#if defined(__linux__)
/* The threads of this process (their ids, sorted), into Ids; the count. */
static int Threads(long *Ids, int Max)
{
    DIR *Dir = opendir("/proc/self/task");
    assert_non_null(Dir);
    int Count = 0;
    for (struct dirent *Entry = readdir(Dir); Entry != NULL; Entry = readdir(Dir)) {
        if (Entry->d_name[0] != '.' && Count < Max) {
            Ids[Count++] = strtol(Entry->d_name, NULL, 10);
        }
    }
    closedir(Dir);
    for (int i = 1; i < Count; i++) { /* few: insertion sort */
        for (int j = i; j > 0 && Ids[j - 1] > Ids[j]; j--) {
            long Swap = Ids[j];
            Ids[j] = Ids[j - 1];
            Ids[j - 1] = Swap;
        }
    }
    return Count;
}
#endif

SIM_TEST(sim_initialize_keeps_the_idle_worker_threads)
{
#if defined(__linux__)
    long Before[64], After[64];
    int CountBefore = Threads(Before, 64);
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = 2048; /* another machine */
    Config.Profile = SimProfileNt5;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    int CountAfter = Threads(After, 64);
    assert_int_equal(CountAfter, CountBefore);
    for (int i = 0; i < CountBefore; i++) {
        if (Before[i] != After[i]) {
            fail_msg("thread %ld ended and %ld started: the workers were restarted", Before[i],
                     After[i]);
        }
    }
#else
    skip(); /* the thread list is read from /proc */
#endif
}

int main(void)
{
    return SimRunTests("fuzz21: a reset and a new configuration, cheaper", NULL, NULL);
}
