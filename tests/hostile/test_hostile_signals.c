/*
 * test_hostile_signals.c - SIGSEGV shared with the program (issue 21 item 8).
 *
 * mmsim's trap is installed when the program loads and stays first; a
 * SIGSEGV/SIGBUS disposition the program sets (sigaction, signal) is
 * recorded and chained to for the faults that are not the machine's:
 *
 *   fault at ...                        goes to
 *   system space, NULL guard (< 64 KiB) the simulator: retry or bug check
 *   anywhere else                       the program's handler; SIG_DFL or
 *                                       SIG_IGN: the process dies by SIGSEGV
 *
 * Each case whose outcome ends a process runs in a forked child.
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS, strsignal */

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <mmsim_cmocka.h>


#define TAG 'giSH'
#define CHILD_ALARM_SECONDS 20 /* a hung child ends by SIGALRM */
#define PROGRAM_HANDLER_RAN 71 /* the program's handler took the fault */
#define HOST_FAULT_SEEN 72     /* ... and it was the host fault it expected */

typedef enum _INSTALL_BY { BySigaction, BySignal } INSTALL_BY;
static const char *const InstallNames[] = {"sigaction", "signal"};

static void *volatile ExpectedAddress; /* the host fault a handler expects */

static void ProgramHandler(int Signal, siginfo_t *Info, void *Context)
{
    (void)Signal;
    (void)Context;
    _exit(Info->si_addr == ExpectedAddress ? HOST_FAULT_SEEN : PROGRAM_HANDLER_RAN);
}

static void PlainProgramHandler(int Signal)
{
    (void)Signal;
    _exit(PROGRAM_HANDLER_RAN);
}

static void InstallProgramHandler(INSTALL_BY By)
{
    if (By == BySignal) {
        signal(SIGSEGV, PlainProgramHandler);
        return;
    }
    struct sigaction Action;
    memset(&Action, 0, sizeof(Action));
    Action.sa_sigaction = ProgramHandler;
    Action.sa_flags = SA_SIGINFO;
    sigemptyset(&Action.sa_mask);
    sigaction(SIGSEGV, &Action, NULL);
}

/* A page of the host's own, inaccessible: touching it is a real host fault. */
static volatile char *HostNoAccessPage(void)
{
    void *Page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (Page == MAP_FAILED) {
        _exit(3);
    }
    ExpectedAddress = Page;
    return (volatile char *)Page;
}

/* ---------------------------------------------------------------------- */
/* Simulated faults stay the simulator's.                                 */
/* ---------------------------------------------------------------------- */
static void TouchUnmappedSystemSpace(void *Context)
{
    INSTALL_BY By = *(INSTALL_BY *)Context;
    volatile char *Va = (volatile char *)MmAllocateMappingAddress(PAGE_SIZE, TAG); /* 1st DDI */
    if (Va == NULL) {
        _exit(2);
    }
    InstallProgramHandler(By);
    (void)Va[0]; /* reserved, never mapped: 0x50 */
}

/* A handler installed after the first DDI does not take the machine's page
 * fault: the child ends with the bug check (86), not in the handler (71). */
SIM_TEST(HandlerAfterFirstDdiDoesNotTakeSimulatedFaults)
{
    for (int By = BySigaction; By <= BySignal; By++) {
        SIM_CHILD R;
        assert_true(SimRunChild(TouchUnmappedSystemSpace, &By, CHILD_ALARM_SECONDS, &R));
        SIM_EXPECT_CHILD(&R, true, SIM_EXIT_BUGCHECK, InstallNames[By]);
        assert_non_null(strstr(R.Err, "STOP: 0x00000050"));
    }
}

static void TouchTrimmedPagedPool(void *Context)
{
    INSTALL_BY By = *(INSTALL_BY *)Context;
    volatile char *Block = (volatile char *)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
    if (Block == NULL) {
        _exit(2);
    }
    Block[5] = 'x';
    if (SimTrimPagedPool() == 0) {
        _exit(4);
    }
    InstallProgramHandler(By);
    _exit(Block[5] == 'x' ? 0 : 1); /* a legal soft fault, invisible to the program */
}

SIM_TEST(HandlerDoesNotTakeTrimmedPagedPoolFaults)
{
    for (int By = BySigaction; By <= BySignal; By++) {
        SIM_CHILD R;
        assert_true(SimRunChild(TouchTrimmedPagedPool, &By, CHILD_ALARM_SECONDS, &R));
        SIM_EXPECT_CHILD(&R, true, 0, InstallNames[By]);
    }
}

/* Reads through a NULL pointer the compiler cannot see, uninstrumented (the
 * sanitizers would check the access themselves). */
static void *volatile NullPointer;
#if defined(__GNUC__) || defined(__clang__)
__attribute__((no_sanitize("address", "thread", "undefined")))
#endif
static int ReadThroughNull(void)
{
    return *(volatile int *)NullPointer;
}

/* The child runs this program again with NULL_ARGUMENT: a fresh process
 * that has called no DDI at all. */
#define NULL_ARGUMENT "--null-before-any-ddi"

static void NullDereferenceWithoutDdi(void *Context)
{
    /* The machine is built inside the (synchronous) fault handler, which
     * ThreadSanitizer's check for asynchronous signals would report. */
    char Options[1024];
    const char *Old = getenv("TSAN_OPTIONS");
    snprintf(Options, sizeof(Options), "%s%sreport_signal_unsafe=0", Old != NULL ? Old : "",
             Old != NULL && Old[0] != '\0' ? ":" : "");
    setenv("TSAN_OPTIONS", Options, 1);
    execl("/proc/self/exe", "hostile_signals", NULL_ARGUMENT, (char *)NULL);
    (void)Context;
    _exit(5);
}

/* Kernel code dereferencing NULL before any DDI: bug check 0x1E (an access
 * violation nothing catches), not a host crash. */
SIM_TEST_F(NullDereferenceBeforeFirstDdiIsABugCheck, NULL, NULL)
{
    SIM_CHILD R;
    assert_true(SimRunChild(NullDereferenceWithoutDdi, NULL, CHILD_ALARM_SECONDS, &R));
    SIM_EXPECT_CHILD(&R, true, SIM_EXIT_BUGCHECK, "NULL before the first DDI");
    assert_non_null(strstr(R.Err, "STOP: 0x0000001E"));
}

/* ---------------------------------------------------------------------- */
/* Host faults stay the program's.                                        */
/* ---------------------------------------------------------------------- */
typedef struct _HOST_FAULT_CASE {
    const char *Name;
    bool MachineFirst;         /* built before the disposition is set, or after */
    void (*Disposition)(void); /* sets the program's disposition */
    bool Exited;               /* expected: exit status, or else killed by a signal */
    int StatusOrSignal;
} HOST_FAULT_CASE;

static void SetHandler(void)
{
    InstallProgramHandler(BySigaction);
}
static void SetIgnore(void)
{
    signal(SIGSEGV, SIG_IGN);
}
static void SetDefault(void)
{
    signal(SIGSEGV, SIG_DFL);
}

static void AnyDdi(void)
{
    ExFreePoolWithTag(ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, TAG), TAG);
}

static void TouchHostPage(void *Context)
{
    const HOST_FAULT_CASE *Case = (const HOST_FAULT_CASE *)Context;
    volatile char *Page = HostNoAccessPage();
    if (Case->MachineFirst) {
        AnyDdi();
        Case->Disposition();
    } else {
        SimShutdown(); /* no machine until after the disposition is set */
        Case->Disposition();
        AnyDdi();
    }
    Page[0] = 1;
}

SIM_TEST(HostFaultsGoToTheProgramsDisposition)
{
    static const HOST_FAULT_CASE Cases[] = {
        /* name                    machine first  disposition  exited  status/signal */
        {"handler, then machine",  false,         SetHandler,  true,   HOST_FAULT_SEEN},
        {"machine, then handler",  true,          SetHandler,  true,   HOST_FAULT_SEEN},
        {"SIG_IGN, then machine",  false,         SetIgnore,   false,  SIGSEGV},
        {"machine, then SIG_IGN",  true,          SetIgnore,   false,  SIGSEGV},
        {"SIG_DFL, then machine",  false,         SetDefault,  false,  SIGSEGV},
        {"machine, then SIG_DFL",  true,          SetDefault,  false,  SIGSEGV},
    };
    for (size_t i = 0; i < sizeof(Cases) / sizeof(Cases[0]); i++) {
        SIM_CHILD R;
        assert_true(SimRunChild(TouchHostPage, (void *)&Cases[i], CHILD_ALARM_SECONDS, &R));
        SIM_EXPECT_CHILD(&R, Cases[i].Exited, Cases[i].StatusOrSignal, Cases[i].Name);
    }
}

/* The program reads back the disposition it set, and restoring it leaves
 * the trap in place: a simulated fault is still the simulator's. */
SIM_TEST_F(ProgramSeesItsOwnDisposition, NULL, NULL)
{
    struct sigaction Mine, Before, Read;
    memset(&Mine, 0, sizeof(Mine));
    Mine.sa_sigaction = ProgramHandler;
    Mine.sa_flags = SA_SIGINFO;
    sigemptyset(&Mine.sa_mask);
    assert_int_equal(sigaction(SIGSEGV, &Mine, &Before), 0);
    assert_int_equal(sigaction(SIGSEGV, NULL, &Read), 0);
    assert_true((Read.sa_flags & SA_SIGINFO) && Read.sa_sigaction == ProgramHandler);
    PVOID Va = MmAllocateMappingAddress(PAGE_SIZE, TAG);
    assert_non_null(Va);
    SIM_EXPECT_BUGCHECK4(0x50, Va, 0, SIM_ANY, 0, (void)*(volatile char *)Va);
    assert_int_equal(sigaction(SIGSEGV, &Before, NULL), 0);
}

int main(int Argc, char **Argv)
{
    if (Argc == 2 && strcmp(Argv[1], NULL_ARGUMENT) == 0) {
        return ReadThroughNull();
    }
    return SimRunTests("Tests", NULL, NULL);
}
