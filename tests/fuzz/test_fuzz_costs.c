/*
 * test_fuzz_costs.c - what the fuzzer pays between its calls, made cheaper
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
 *   the bitmap of host-served pages goes to the next machine's process
 *   zeroed, not allocated again: pages the last machine's host served are
 *   not taken as served in the next one (a region reserved where they were
 *   counts none)
 *
 *   SimInitialize keeps idle worker threads for the next machine, as
 *   SimReset does, whatever the new configuration (the fuzzer changes it
 *   between inputs; two thread starts and joins each time)
 *
 *   the invariant checker's host queries (PROCMAP_QUERY on /proc/self/maps,
 *   Linux) keep the file open instead of opening it for every check:
 *     after a check                       one descriptor names this process's maps
 *     a forked child maps a page, checks  it sees its own mappings (its own file)
 *     the program reuses the descriptor   the check still holds, the program's
 *                                         file is left alone, a new one is kept
 *     after the first check (fuzz31)      no getpid() per query (a page a forked
 *                                         child sees zeroed says whose file it is)
 *
 *   fuzz23: a stop wakes parked waiters only when a thread is parked (a
 *   count), and then before any reset; a reset unmaps only the span of
 *   system space its machine showed, which every way of showing a page grows
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
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

typedef enum {
    ShownServed,   /* committed: the host serves its first touch */
    ShownTouched,  /* served and touched, not looked at */
    ShownSettled,  /* touched, then a whole check settled it */
    ShownAttached, /* touched after an attach away and back (the trap mirrors it) */
    ShownMdlMapped /* an MDL over pool mapped in UserMode */
} HOW_SHOWN;

/* The user range's base: a reset keeps the range where the host allowed
 * it at the bottom of the address space (elsewhere, as under
 * AddressSanitizer, each machine reserves its own and the last one's is
 * released whole). */
static PVOID UserBase(void)
{
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(SimCurrentProcess(), &Info));
    return Info.UserRangeBase;
}

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
        PVOID Base = UserBase();
        SimReset(); /* with whatever is live (the MDL, its mapping): all of it goes */
        if (UserBase() != Base) {
            skip(); /* the range was not kept: released whole */
        }
        if (Touch(Page) != STATUS_ACCESS_VIOLATION) {
            fail_msg("%s: the page at %p is still accessible after SimReset", Ways[i].Name,
                     (void *)Page);
        }
        SimAssertInvariants();
    }
}

static uint8_t *Allocate(SIZE_T Size, ULONG Type)
{
    PVOID Base = NULL;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, Type,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    return (uint8_t *)Base;
}

/* fuzz23: settling the pages the host served (when the OS looks, at an
 * IRQL raise) walks the span of the served-page bitmap that holds them,
 * not all 8 GiB of it; a commit below or above the pages served so far
 * widens it:
 *
 *   reserve 64 pages; commit page 32, then 0, then 48 (each served by the host)
 *   touch all three                  ->  SimQueryUserPte: all three valid
 */
SIM_TEST(pages_served_outside_the_ones_served_before_are_settled)
{
    uint8_t *Base = Allocate(64 * PAGE_SIZE, MEM_RESERVE);
    static const int Order[] = {32, 0, 48};
    for (int i = 0; i < 3; i++) {
        PVOID At = Base + (SIZE_T)Order[i] * PAGE_SIZE;
        SIZE_T Size = PAGE_SIZE;
        assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, MEM_COMMIT,
                                                 PAGE_READWRITE),
                         STATUS_SUCCESS);
    }
    for (int i = 0; i < 3; i++) {
        Base[(SIZE_T)Order[i] * PAGE_SIZE] = (uint8_t)(i + 1);
    }
    for (int i = 0; i < 3; i++) {
        ULONG64 Pte = 0;
        assert_true(SimQueryUserPte(Base + (SIZE_T)Order[i] * PAGE_SIZE, &Pte));
        if (!(Pte & SIM_PTE_VALID)) {
            fail_msg("page %d: touched, but its PTE is 0x%llx after a look", Order[i],
                     (unsigned long long)Pte);
        }
    }
    SimAssertInvariants();
}

SIM_TEST(pages_the_last_machine_served_are_not_served_in_the_next)
{
    /* Machine 1: one page, then eight, committed: the host serves them. */
    uint8_t *One = Allocate(PAGE_SIZE, MEM_RESERVE | MEM_COMMIT);
    uint8_t *Eight = Allocate(8 * PAGE_SIZE, MEM_RESERVE | MEM_COMMIT);
    PVOID Base = UserBase();
    SimReset();
    if (UserBase() != Base) {
        skip(); /* the range was not kept: nor is anything of its processes */
    }
    /* Machine 2 (the same seed: the same addresses): one page committed
     * (served: the process takes the bitmap), eight only reserved. */
    assert_ptr_equal(Allocate(PAGE_SIZE, MEM_RESERVE | MEM_COMMIT), One);
    assert_ptr_equal(Allocate(8 * PAGE_SIZE, MEM_RESERVE), Eight);
    SimAssertInvariants(); /* eight pages taken as served would be a count off */
    assert_int_equal(Touch(Eight), STATUS_ACCESS_VIOLATION); /* reserved: no access */
    SimAssertInvariants();
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

#if defined(__linux__)
/* The descriptor open on this process's /proc maps file, or -1. */
static int MapsDescriptor(void)
{
    char Want[64];
    snprintf(Want, sizeof(Want), "/proc/%ld/maps", (long)getpid());
    DIR *Dir = opendir("/proc/self/fd");
    assert_non_null(Dir);
    int Found = -1;
    for (struct dirent *Entry = readdir(Dir); Entry != NULL; Entry = readdir(Dir)) {
        char Path[300], Target[256];
        snprintf(Path, sizeof(Path), "/proc/self/fd/%s", Entry->d_name);
        ssize_t Length = readlink(Path, Target, sizeof(Target) - 1);
        if (Length > 0 && Entry->d_name[0] != '.') {
            Target[Length] = '\0';
            if (strcmp(Target, Want) == 0) {
                Found = atoi(Entry->d_name);
            }
        }
    }
    closedir(Dir);
    return Found;
}

/* Whether the kernel answers PROCMAP_QUERY (Linux 6.11+: an ioctl on the
 * maps file, struct procmap_query of 104 bytes, its size first, flag 0x10
 * the VMA covering the address or the next); the checker reads the text of
 * the maps file otherwise, and keeps nothing open. */
static bool HostHasProcmapQuery(void)
{
    uint64_t Query[13] = {sizeof(Query), 0x10, 0};
    int Fd = open("/proc/self/maps", O_RDONLY);
    assert_true(Fd >= 0);
    bool Answered = ioctl(Fd, 0xC0686611ul, Query) == 0 || errno == ENOENT;
    close(Fd);
    SimAssertInvariants(); /* asks the host about system space */
    return Answered;
}

static void MapAPageAndCheck(void *Context)
{
    (void)Context;
    PMDL Mdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0),
                                       4 * PAGE_SIZE, MmCached, 0);
    PVOID Va = Mdl != NULL ? MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority) : NULL;
    char Report[4096] = "";
    if (Va == NULL || !SimCheckInvariants(Report, sizeof(Report))) {
        fprintf(stderr, "the child's check: %s\n", Va == NULL ? "no mapping" : Report);
        fflush(stderr);
        _exit(1);
    }
}
#endif

SIM_TEST(a_check_keeps_the_maps_file_open_for_this_process_only)
{
#if defined(__linux__)
    if (!HostHasProcmapQuery()) {
        skip(); /* no PROCMAP_QUERY: the text is read, nothing is kept */
    }
    int Kept = MapsDescriptor();
    assert_true(Kept >= 0);
    SimAssertInvariants();
    assert_int_equal(MapsDescriptor(), Kept); /* the same one, not a new one per check */
    /* A forked child's mapping: seen through its own file, not the parent's
     * (whose system space does not have it). */
    SIM_CHILD Child;
    assert_true(SimRunChild(MapAPageAndCheck, NULL, 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
#else
    skip();
#endif
}

SIM_TEST(a_kept_maps_descriptor_the_program_reused_is_left_to_it)
{
#if defined(__linux__)
    if (!HostHasProcmapQuery()) {
        skip();
    }
    int Kept = MapsDescriptor();
    assert_true(Kept >= 0);
    int Null = open("/dev/null", O_RDONLY);
    assert_true(Null >= 0);
    assert_int_equal(dup2(Null, Kept), Kept); /* the program's file now */
    close(Null);
    PMDL Mdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0),
                                       2 * PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    assert_non_null(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority));
    SimAssertInvariants();
    assert_true(fcntl(Kept, F_GETFD) >= 0); /* not closed behind the program's back */
    char Path[64], Target[64];
    snprintf(Path, sizeof(Path), "/proc/self/fd/%d", Kept);
    ssize_t Length = readlink(Path, Target, sizeof(Target) - 1);
    assert_true(Length > 0);
    Target[Length] = '\0';
    assert_string_equal(Target, "/dev/null");
    int Again = MapsDescriptor();
    assert_true(Again >= 0 && Again != Kept); /* a new one kept: the query still in use */
    close(Kept);
    SimAssertInvariants();
    MmUnmapLockedPages(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority), Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
#else
    skip();
#endif
}

/* fuzz22: the fault trap's handlers are read (sigaction with no new action,
 * for SIGSEGV and SIGBUS) once per machine built, at its first DDI, not at
 * every catch frame and __try (two system calls each, a twentieth of a
 * fuzzer's time); only a call that bypasses the interposers can displace
 * the trap, and the next machine puts it back:
 *
 *   in a child whose reads of those handlers are fatal   (seccomp filter)
 *     50 SIM_TRY_STATUS frames, a simulated fault in each  caught, no read
 *   in a child that displaced the trap with a raw         (rt_sigaction)
 *   rt_sigaction, then built a machine (SimReset)
 *     a NULL dereference in SIM_TRY_STATUS                 caught: re-armed
 */
#if defined(__linux__) && defined(__x86_64__)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#define SIGACTION_READS_KILL 1

/* rt_sigaction(SIGSEGV or SIGBUS, NULL, ...) ends the process (SIGSYS). */
static bool KillSigactionReads(void)
{
    struct sock_filter Filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 9),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_rt_sigaction, 0, 7),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SIGSEGV, 1, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SIGBUS, 0, 4),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1]) + 4),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    };
    struct sock_fprog Program = {(unsigned short)(sizeof(Filter) / sizeof(Filter[0])), Filter};
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
           prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &Program) == 0;
}

/* An address in the never-mapped first 64 KiB (volatile: the compiler must
 * not see a constant it may prove out of bounds). */
static volatile char *volatile NullPage = (volatile char *)(uintptr_t)0x40;

static NTSTATUS TouchNull(void)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, (void)*NullPage);
    return Status;
}

static void FramesReadNoHandlers(void *Context)
{
    (void)Context;
    assert_int_equal(TouchNull(), STATUS_ACCESS_VIOLATION); /* the machine's first DDI */
    if (!KillSigactionReads()) {
        _exit(77); /* no seccomp here */
    }
    for (int i = 0; i < 50; i++) {
        if (TouchNull() != STATUS_ACCESS_VIOLATION) {
            _exit(1);
        }
    }
}

static void DisplacedTrapComesBack(void *Context)
{
    (void)Context;
    struct {
        void *Handler;
        unsigned long Flags;
        void *Restorer;
        unsigned long Mask;
    } Default = {NULL, 0, NULL, 0}; /* SIG_DFL, the kernel's own layout */
    if (syscall(SYS_rt_sigaction, SIGSEGV, &Default, NULL, sizeof(Default.Mask)) != 0) {
        _exit(1);
    }
    SimReset(); /* a machine built: its first DDI reads the handlers */
    if (TouchNull() != STATUS_ACCESS_VIOLATION) {
        _exit(1);
    }
}
#endif

SIM_TEST(catch_frames_do_not_read_the_signal_handlers)
{
#if defined(SIGACTION_READS_KILL)
    SIM_CHILD Child;
    assert_true(SimRunChild(FramesReadNoHandlers, NULL, 20, &Child));
    if (Child.Exited && Child.Status == 77) {
        skip();
    }
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
#else
    skip();
#endif
}

SIM_TEST(a_trap_displaced_behind_the_interposer_is_back_with_the_next_machine)
{
#if defined(SIGACTION_READS_KILL)
    SIM_CHILD Child;
    assert_true(SimRunChild(DisplacedTrapComesBack, NULL, 20, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, SIM_CHILD_RETURNED);
#else
    skip();
#endif
}

/* fuzz31: the checker's host queries tell this process's kept maps file
 * from a forked child's without asking getpid() before each query (seven
 * system calls per fuzzer input). getpid() is interposed here and counted
 * (the simulator is linked into this program; the sanitizer runtimes make
 * their own system calls):
 *
 *   after one check (the file opened)
 *   map a pool page, a touched and a whole check, free: x20   no getpid()
 *
 * and a forked child still sees its own mappings (the test above). */
#if defined(__linux__)
#include <sys/syscall.h>

static _Thread_local int GetpidCalls; /* the queries run on the calling thread */

pid_t getpid(void)
{
    GetpidCalls++;
    return (pid_t)syscall(SYS_getpid);
}
#endif

SIM_TEST(host_queries_after_the_first_ask_no_pid)
{
#if defined(__linux__)
    if (!HostHasProcmapQuery()) {
        skip(); /* the text is read on a descriptor opened per query */
    }
    SimAssertInvariants(); /* the file is open */
    GetpidCalls = 0;
    char Report[4096];
    for (int i = 0; i < 20; i++) {
        PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'diPT');
        assert_non_null(Block);
        assert_true(SimCheckInvariantsTouched(Report, sizeof(Report)));
        assert_true(SimCheckInvariants(Report, sizeof(Report)));
        ExFreePoolWithTag(Block, 'diPT');
    }
    assert_int_equal(GetpidCalls, 0);
#else
    skip();
#endif
}

/* fuzz22: a reset clears only the span of the user PTE table the last
 * machine wrote (MiUserPteSet), not all 16 MiB of it with a system call and
 * the page faults after it; every PTE it wrote is zero in the next machine:
 *
 *   committed, touched, made read-only, decommitted, freed   -> zero after SimReset
 */
#include "../../sim/mm/mi_user.h"

SIM_TEST(a_reset_clears_every_user_pte_the_last_machine_wrote)
{
    HANDLE Self = ZwCurrentProcess();
    PVOID Bases[4] = {NULL, NULL, NULL, NULL};
    SIZE_T Size = 32 * PAGE_SIZE;
    for (int i = 0; i < 4; i++) {
        SIZE_T Bytes = Size;
        assert_int_equal(ZwAllocateVirtualMemory(Self, &Bases[i], 0, &Bytes,
                                                 MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE),
                         STATUS_SUCCESS);
        for (SIZE_T k = 0; k < Size; k += 3 * PAGE_SIZE) {
            assert_int_equal(Touch((volatile uint8_t *)Bases[i] + k), STATUS_SUCCESS);
        }
    }
    SimAssertInvariants(); /* settles the touched pages: valid PTEs */
    PVOID At = Bases[1];
    SIZE_T Bytes = 4 * PAGE_SIZE;
    ULONG Old;
    assert_int_equal(ZwProtectVirtualMemory(Self, &At, &Bytes, PAGE_READONLY, &Old),
                     STATUS_SUCCESS);
    At = Bases[2];
    Bytes = 8 * PAGE_SIZE;
    assert_int_equal(ZwFreeVirtualMemory(Self, &At, &Bytes, MEM_DECOMMIT), STATUS_SUCCESS);
    At = Bases[3];
    Bytes = 0;
    assert_int_equal(ZwFreeVirtualMemory(Self, &At, &Bytes, MEM_RELEASE), STATUS_SUCCESS);
    const uint64_t *Table = MiUser.Current->Pte;
    uint64_t First = UINT64_MAX, End = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t Page = MiUserPage(Bases[i]);
        First = Page < First ? Page : First;
        End = Page + Size / PAGE_SIZE > End ? Page + Size / PAGE_SIZE : End;
    }
    bool Written = false;
    for (uint64_t Page = First; Page < End; Page++) {
        Written = Written || Table[Page] != 0;
    }
    assert_true(Written);
    SimReset();
    if (MiUser.Current == NULL || MiUser.Current->Pte != Table) {
        skip(); /* not kept (the range is reserved anew): nothing to clear */
    }
    for (uint64_t Page = First; Page < End; Page++) {
        if (Table[Page] != 0) {
            fail_msg("user PTE %llu is 0x%llx after the reset", (unsigned long long)Page,
                     (unsigned long long)Table[Page]);
        }
    }
}

/* fuzz23: a caught stop wakes the threads parked in a wait only when there
 * are any (a count the waiters keep; every stop of a fuzzer has none). With
 * waiters parked, the stop alone - no reset yet - must release them:
 *
 *   thread 1, 2:  KeWaitForSingleObject(E, no timeout) [parked]
 *   this thread:  double free -> 0xC2/0x07 caught
 *   thread 1, 2:  refused with that stop (Refused, Ddi), before any SimReset
 *
 * A stop that skipped the wake-up hangs them (the watchdog below fails the
 * test after 60 s; no assertion is about time). */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#define TAG_STOP 'pots'

static KEVENT StopEvent;

typedef struct {
    SIM_BUGCHECK Got;
    atomic_int Entered, Done, Returned;
} PARKED_WAITER;

static void *ParkOnEvent(void *Argument)
{
    PARKED_WAITER *W = (PARKED_WAITER *)Argument;
    SIM_CATCH_BUGCHECK(&W->Got, atomic_store(&W->Entered, 1);
                       (void)KeWaitForSingleObject(&StopEvent, Executive, KernelMode, FALSE, NULL);
                       atomic_store(&W->Returned, 1));
    atomic_store(&W->Done, 1);
    return NULL;
}

static void PauseMs(long Ms)
{
    struct timespec Delay = {Ms / 1000, (Ms % 1000) * 1000000L};
    while (nanosleep(&Delay, &Delay) != 0) {
    }
}

SIM_TEST(a_stop_releases_parked_waiters_before_any_reset)
{
    KeInitializeEvent(&StopEvent, NotificationEvent, FALSE);
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_STOP);
    assert_non_null(Block);
    ExFreePoolWithTag(Block, TAG_STOP);
    static PARKED_WAITER Waiters[2];
    pthread_t Threads[2];
    for (int i = 0; i < 2; i++) {
        memset(&Waiters[i], 0, sizeof(Waiters[i]));
        assert_int_equal(pthread_create(&Threads[i], NULL, ParkOnEvent, &Waiters[i]), 0);
    }
    for (int i = 0; i < 2; i++) {
        while (!atomic_load(&Waiters[i].Entered)) {
            PauseMs(1);
        }
    }
    PauseMs(100); /* let them park: the park, not the entry check, meets the stop */
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, ExFreePoolWithTag(Block, TAG_STOP));
    assert_true(Stop.Caught);
    assert_int_equal(Stop.Code, BAD_POOL_CALLER);
    for (int Tick = 0; Tick < 6000; Tick++) { /* the watchdog: 60 s */
        if (atomic_load(&Waiters[0].Done) && atomic_load(&Waiters[1].Done)) {
            break;
        }
        PauseMs(10);
    }
    if (!atomic_load(&Waiters[0].Done) || !atomic_load(&Waiters[1].Done)) {
        fprintf(stderr, "test_fuzz_costs: HUNG: waiters parked at the stop were not woken\n");
        _exit(1); /* the parked threads cannot be joined */
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(Threads[i], NULL);
        assert_false(atomic_load(&Waiters[i].Returned));
        assert_true(Waiters[i].Got.Caught);
        assert_true(Waiters[i].Got.Refused);
        assert_int_equal(Waiters[i].Got.Code, BAD_POOL_CALLER);
        assert_non_null(Waiters[i].Got.Ddi);
        assert_string_equal(Waiters[i].Got.Ddi, "KeWaitForSingleObject");
    }
    SimReset();
}

/* fuzz23: a reset makes inaccessible again only the span of system space
 * its machine handed to the host (not every group it touched, 16 MiB at
 * least); every way a system page comes to be shown grows that span, so
 * after SimReset the host shows none of them (Linux: /proc/self/maps):
 *
 *   how the page was shown                      host call
 *   non-paged pool                              map of its physical page
 *   an MDL's pages mapped in system space       (the same)
 *   a reserved mapping                          (the same)
 *   paged pool trimmed, then touched            (the same, by the fault)
 *   device memory (MmMapIoSpace)                map of the device object
 */
#define COSTS_DEVICE_BASE  0x7f0000000ull
#define COSTS_DEVICE_BYTES (4 * PAGE_SIZE)
#define TAG_SHOWN          'nwhS'

static PMDL ShownMdl;
static PVOID ShownReserved;

static PVOID ShowNonPaged(void)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG_SHOWN);
}
static PVOID ShowMdlMapped(void)
{
    ShownMdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0), PAGE_SIZE,
                                       MmCached, 0);
    assert_non_null(ShownMdl);
    return MmGetSystemAddressForMdlSafe(ShownMdl, NormalPagePriority);
}
static PVOID ShowReserved(void)
{
    ShownMdl = MmAllocatePagesForMdlEx(SimPhysical(0), SimPhysical(-1), SimPhysical(0), PAGE_SIZE,
                                       MmCached, 0);
    assert_non_null(ShownMdl);
    ShownReserved = MmAllocateMappingAddress(PAGE_SIZE, TAG_SHOWN);
    assert_non_null(ShownReserved);
    return MmMapLockedPagesWithReservedMapping(ShownReserved, TAG_SHOWN, ShownMdl, MmCached);
}
static PVOID ShowTrimmedTouched(void)
{
    volatile uint8_t *Paged = (volatile uint8_t *)ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG_SHOWN);
    assert_non_null(Paged);
    assert_true(SimTrimPagedPool() >= 1);
    Paged[0] = 1; /* faults it back in */
    return (PVOID)Paged;
}
static PVOID ShowDevice(void)
{
    PHYSICAL_ADDRESS At;
    At.QuadPart = (LONGLONG)COSTS_DEVICE_BASE;
    return MmMapIoSpace(At, COSTS_DEVICE_BYTES, MmNonCached);
}

#if defined(__linux__)
/* The /proc/self/maps line of the mapping that covers Va (empty: none). */
static void HostMappingAt(uintptr_t Va, char *Line, size_t Size)
{
    Line[0] = '\0';
    FILE *Maps = fopen("/proc/self/maps", "r");
    assert_non_null(Maps);
    char Text[512];
    while (fgets(Text, sizeof(Text), Maps) != NULL) {
        unsigned long long Start, End;
        if (sscanf(Text, "%llx-%llx", &Start, &End) == 2 && Va >= Start && Va < End) {
            snprintf(Line, Size, "%s", Text);
            break;
        }
    }
    fclose(Maps);
}
#endif

SIM_TEST(after_a_reset_no_system_page_of_the_last_machine_is_shown)
{
#if defined(__linux__)
    static const struct {
        PVOID (*Show)(void);
        const char *Name;
    } Rows[] = {
        {ShowNonPaged, "non-paged pool"},
        {ShowMdlMapped, "an MDL's pages mapped in system space"},
        {ShowReserved, "a reserved mapping"},
        {ShowTrimmedTouched, "paged pool trimmed, then touched"},
        {ShowDevice, "device memory"},
    };
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.DeviceRangeCount = 1;
    Config.DeviceRanges[0] = (SIM_DEVICE_RANGE){COSTS_DEVICE_BASE, COSTS_DEVICE_BYTES, "dev"};
    Config.Quiet = TRUE;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    for (size_t r = 0; r < sizeof(Rows) / sizeof(Rows[0]); r++) {
        ShownMdl = NULL;
        ShownReserved = NULL;
        uintptr_t Va = (uintptr_t)Rows[r].Show();
        assert_true(Va != 0);
        char Line[512];
        HostMappingAt(Va, Line, sizeof(Line));
        if (Line[0] == '\0' || strncmp(strchr(Line, ' ') + 1, "rw", 2) != 0) {
            fail_msg("%s: not shown before the reset: %s", Rows[r].Name, Line);
        }
        SimReset(); /* with all of it live: the reset alone takes it away */
        HostMappingAt(Va, Line, sizeof(Line));
        if (Line[0] != '\0' && (strncmp(strchr(Line, ' ') + 1, "---", 3) != 0 ||
                                strstr(Line, "mmsim-") != NULL)) {
            fail_msg("%s: page %p still shown after the reset: %s", Rows[r].Name, (void *)Va,
                     Line);
        }
    }
#else
    skip();
#endif
}

int main(void)
{
    return SimRunTests("fuzz21: a reset and a new configuration, cheaper", NULL, NULL);
}
