/*
 * test_hostile_trap_race.c - the fault trap's ranges change under faults
 * taken on other threads (sim/host/posix.c, "Fault trap").
 *
 *   thread:  touches a page of its own, inaccessible ─┐  the program's fault:
 *            (the program's SIGSEGV handler opens it) │  every one must reach
 *   main:    builds and ends machines again and again ┘  the program's handler
 *            (each moves system space and the user range the trap reads)
 *
 * A fault reads the trapped ranges in the signal handler while the thread
 * that builds or ends a machine writes them. Read as plain variables, a
 * fault could see a half-written range ([0, old end) while a teardown
 * clears base then end) and send the program's own fault to the simulator
 * (a bug check in the program's thread). Under ThreadSanitizer (the tsan
 * preset) the unsynchronised reads are reported whether or not a fault
 * lands in that window, so there the test fails without the fix every run;
 * in every preset each of the program's faults must reach its handler.
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS */

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim_cmocka.h>

#define MACHINES 40     /* machines built and ended under the faults */
#define HOST_PAGE 4096

static char *ProgramPage;           /* the program's own page, inaccessible between touches */
static atomic_ulong ProgramFaults;  /* faults the program's handler took */

/* The program's handler: its fault, on its page; opens the page and retries. */
static void ProgramHandler(int Signal, siginfo_t *Info, void *Context)
{
    (void)Signal;
    (void)Context;
    char *At = (char *)Info->si_addr;
    if (At < ProgramPage || At >= ProgramPage + HOST_PAGE) {
        abort(); /* not the program's fault: not for this handler */
    }
    atomic_fetch_add(&ProgramFaults, 1);
    mprotect(ProgramPage, HOST_PAGE, PROT_READ | PROT_WRITE);
}

typedef struct {
    atomic_bool Stop;
    atomic_ulong Touches;
} TOUCHER;

static void *TouchProgramPage(void *Context)
{
    TOUCHER *Toucher = (TOUCHER *)Context;
    while (!atomic_load(&Toucher->Stop)) {
        mprotect(ProgramPage, HOST_PAGE, PROT_NONE);
        *(volatile char *)ProgramPage = 1; /* faults: the program's handler opens it */
        atomic_fetch_add(&Toucher->Touches, 1);
    }
    return NULL;
}

SIM_TEST(the_program_s_faults_reach_it_while_machines_are_built_and_ended)
{
    ProgramPage = (char *)mmap(NULL, HOST_PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(ProgramPage != MAP_FAILED);
    struct sigaction Action, Previous;
    memset(&Action, 0, sizeof(Action));
    Action.sa_sigaction = ProgramHandler;
    Action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&Action.sa_mask);
    assert_int_equal(sigaction(SIGSEGV, &Action, &Previous), 0);

    TOUCHER Toucher;
    atomic_init(&Toucher.Stop, false);
    atomic_init(&Toucher.Touches, 0);
    atomic_store(&ProgramFaults, 0);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, TouchProgramPage, &Toucher), 0);
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    /* The faults must overlap the builds: on a loaded host the thread may
     * not have run yet, and MACHINES builds take only milliseconds. */
    while (atomic_load(&Toucher.Touches) == 0) {
        sched_yield();
    }
    for (int Machine = 0; Machine < MACHINES; Machine++) {
        assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS); /* ends the last, builds one */
    }
    atomic_store(&Toucher.Stop, true);
    assert_int_equal(pthread_join(Thread, NULL), 0);

    unsigned long Touches = atomic_load(&Toucher.Touches);
    print_message("%lu faults of the program's under %d machines\n", Touches, MACHINES);
    assert_true(Touches > 0);
    assert_int_equal(atomic_load(&ProgramFaults), Touches); /* each one, and only those */
    assert_int_equal(sigaction(SIGSEGV, &Previous, NULL), 0);
    munmap(ProgramPage, HOST_PAGE);
}

int main(void)
{
    return SimRunTests("hostile_trap_race", NULL, NULL);
}
