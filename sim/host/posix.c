/*
 * posix.c - host layer for Linux, macOS and the BSDs.
 *
 * Physical memory is one shared-memory object (memfd_create where it exists,
 * shm_open otherwise or on request). System space is one PROT_NONE
 * reservation; a run of physical pages is mapped into it with
 * MAP_FIXED|MAP_SHARED (pre-faulted with MAP_POPULATE on Linux), so two views
 * of one page really alias. SIGSEGV/SIGBUS inside the reservation is handed to
 * the simulator; anything else keeps its host meaning.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include <sched.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__) || defined(__APPLE__) || defined(__FreeBSD__)
#include <execinfo.h>
#define MI_HAVE_EXECINFO 1
#endif
#if defined(__linux__)
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/sysmacros.h>
#include <ucontext.h>
#endif

#if defined(MMSIM_HAVE_LIBDW)
#include <elfutils/libdwfl.h>
#endif

#include "host.h"

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif

/* ThreadSanitizer treats every mmap() as a write by the calling thread to
 * the whole range, so remapping a page that other threads use (trimming
 * paged pool, faulting it back in) looked like a data race in correct driver
 * code. Under TSan the mappings inside system space are made by the system
 * call itself, which TSan does not see: it then reports only the accesses
 * the program makes, ordered by the locks it takes. */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MI_HOST_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) && !defined(MI_HOST_TSAN)
#define MI_HOST_TSAN 1
#endif
#if defined(MI_HOST_TSAN) && defined(__linux__)
#include <sys/syscall.h>
static void *HostSpaceMmap(void *Va, size_t Bytes, int Prot, int Flags, int Fd, off_t Offset)
{
    long Result = syscall(SYS_mmap, Va, Bytes, Prot, Flags, Fd, Offset);
    if (Result < 0) {
        return MAP_FAILED; /* syscall() has set errno */
    }
    return (void *)Result;
}
#else
#define HostSpaceMmap mmap
#endif

static int HostPhysFd = -1;
static uint64_t HostPhysBytes;
static uint8_t *HostPhysMap;
static const char *HostBackend = "none";

/* ---------------------------------------------------------------------- */
/* Physical memory.                                                       */
/* ---------------------------------------------------------------------- */
static int HostOpenShm(void)
{
    static atomic_uint Counter;
    char Name[64];
    for (int Attempt = 0; Attempt < 16; Attempt++) {
        snprintf(Name, sizeof(Name), "/mmsim-%ld-%u", (long)getpid(),
                 atomic_fetch_add(&Counter, 1));
        int Fd = shm_open(Name, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (Fd >= 0) {
            shm_unlink(Name); /* anonymous from here on: gone when closed */
            return Fd;
        }
        if (errno != EEXIST) {
            return -1;
        }
    }
    return -1;
}

/* A new anonymous memory object (gone with its last descriptor): a memfd
 * named Name if Memfd and the host has memfds, else, if Shm, POSIX shared
 * memory. -1 (errno set) if none. Physical memory, device memory and a
 * forked child's copies of them are made here. */
static int HostNewObject(const char *Name, bool Memfd, bool Shm)
{
    int Fd = -1;
#if defined(__linux__)
    if (Memfd) {
        Fd = memfd_create(Name, MFD_CLOEXEC);
    }
#else
    (void)Name;
    (void)Memfd;
#endif
    if (Fd < 0 && Shm) {
        Fd = HostOpenShm();
    }
    return Fd;
}

bool HostPhysCreate(uint64_t Bytes, int Backend, char *Why, size_t WhySize)
{
    int Fd = -1;
#if defined(__linux__)
    if (Backend == 0 || Backend == 1) {
        Fd = HostNewObject("mmsim-physical-memory", true, false);
        HostBackend = "memfd";
    }
#else
    if (Backend == 1) {
        snprintf(Why, WhySize, "memfd_create is not available on this host");
        return false;
    }
#endif
    if (Fd < 0 && Backend != 1) {
        Fd = HostNewObject(NULL, false, true);
        HostBackend = "shm_open";
    }
    if (Fd < 0) {
        snprintf(Why, WhySize, "cannot create the physical memory object: %s", strerror(errno));
        return false;
    }
    if (ftruncate(Fd, (off_t)Bytes) != 0) {
        snprintf(Why, WhySize, "cannot size physical memory to %llu bytes: %s",
                 (unsigned long long)Bytes, strerror(errno));
        close(Fd);
        return false;
    }
    void *View = mmap(NULL, Bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, Fd, 0);
    if (View == MAP_FAILED) {
        snprintf(Why, WhySize, "cannot map the physical memory view: %s", strerror(errno));
        close(Fd);
        return false;
    }
    HostPhysFd = Fd;
    HostPhysBytes = Bytes;
    HostPhysMap = (uint8_t *)View;
    return true;
}

void HostPhysDestroy(void)
{
    if (HostPhysMap != NULL) {
        munmap(HostPhysMap, HostPhysBytes);
        HostPhysMap = NULL;
    }
    if (HostPhysFd >= 0) {
        close(HostPhysFd);
        HostPhysFd = -1;
    }
    HostPhysBytes = 0;
}

uint8_t *HostPhysView(void)
{
    return HostPhysMap;
}

const char *HostPhysBackendName(void)
{
    return HostBackend;
}

void HostPhysDiscard(uint64_t Offset, uint64_t Bytes)
{
#if defined(__linux__)
    if (fallocate(HostPhysFd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)Offset,
                  (off_t)Bytes) == 0) {
        return;
    }
#endif
    memset(HostPhysMap + Offset, 0, Bytes);
}

/* ---------------------------------------------------------------------- */
/* mmdev: device memory (a second object, the same way as physical memory). */
/* ---------------------------------------------------------------------- */
static int HostDeviceFd = -1;
static uint64_t HostDeviceBytes; /* child21: what a forked child copies */

bool HostDeviceCreate(uint64_t Bytes, char *Why, size_t WhySize)
{
    int Fd = HostNewObject("mmsim-device-memory", true, true);
    if (Fd < 0) {
        snprintf(Why, WhySize, "cannot create the device memory object: %s", strerror(errno));
        return false;
    }
    if (ftruncate(Fd, (off_t)Bytes) != 0) {
        snprintf(Why, WhySize, "cannot size device memory to %llu bytes: %s",
                 (unsigned long long)Bytes, strerror(errno));
        close(Fd);
        return false;
    }
    HostDeviceFd = Fd;
    HostDeviceBytes = Bytes;
    return true;
}

void HostDeviceDestroy(void)
{
    if (HostDeviceFd >= 0) {
        close(HostDeviceFd); /* mappings still in system space keep it alive */
        HostDeviceFd = -1;
    }
}

bool HostMapDeviceRun(void *Va, uint64_t DeviceOffset, uint64_t Bytes, bool Writable)
{
    int Prot = PROT_READ | (Writable ? PROT_WRITE : 0);
    void *Got = HostSpaceMmap(Va, Bytes, Prot, MAP_SHARED | MAP_FIXED | MAP_POPULATE,
                              HostDeviceFd, (off_t)DeviceOffset);
    if (Got == MAP_FAILED) {
        (void)HostUnmapRun(Va, Bytes);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* System address space.                                                  */
/* ---------------------------------------------------------------------- */
void *HostReserve(uint64_t Bytes, uint64_t Random)
{
    const uint64_t Page = 4096;
    const uint64_t SlackPages = 1u << 18; /* up to 1 GiB of random slide */
    uint64_t Slack = SlackPages * Page;
    uint8_t *Region = (uint8_t *)mmap(NULL, Bytes + Slack, PROT_NONE,
                                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (Region == MAP_FAILED) {
        return NULL;
    }
    /* Slide by whole 2 MiB units so large-page-sized runs stay aligned. */
    uint64_t Slide = (Random % (Slack / (2u << 20))) * (2u << 20);
    if (Slide > 0) {
        munmap(Region, Slide);
    }
    if (Slack - Slide > 0) {
        munmap(Region + Slide + Bytes, Slack - Slide);
    }
    return Region + Slide;
}

void *HostReserveAt(void *Hint, uint64_t Bytes)
{
#if defined(MAP_FIXED_NOREPLACE)
    void *Got = mmap(Hint, Bytes, PROT_NONE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (Got == MAP_FAILED) {
        return NULL;
    }
    if (Got != Hint) { /* a kernel older than 4.17 takes the flag as a hint */
        munmap(Got, Bytes);
        return NULL;
    }
    return Got;
#else
    (void)Hint;
    (void)Bytes;
    return NULL;
#endif
}

void HostRelease(void *Base, uint64_t Bytes)
{
    munmap(Base, Bytes);
}

void *HostAllocTable(uint64_t Bytes)
{
    /* Anonymous memory reads as zero and gets a host page at its first
     * write; MAP_NORESERVE: no swap is set aside for the untouched rest. */
    if (Bytes == 0 || Bytes > SIZE_MAX) {
        return NULL;
    }
    void *Table = mmap(NULL, (size_t)Bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return Table == MAP_FAILED ? NULL : Table;
}

void HostFreeTable(void *Table, uint64_t Bytes)
{
    if (Table != NULL) {
        munmap(Table, (size_t)Bytes);
    }
}

bool HostMapRun(void *Va, uint64_t PhysOffset, uint64_t Bytes, bool Writable)
{
    int Prot = PROT_READ | (Writable ? PROT_WRITE : 0);
    void *Got = HostSpaceMmap(Va, Bytes, Prot, MAP_SHARED | MAP_FIXED | MAP_POPULATE, HostPhysFd,
                     (off_t)PhysOffset);
    if (Got == MAP_FAILED) {
        /* A failed MAP_FIXED may have removed what was there: restore the
         * inaccessible reservation. */
        (void)HostUnmapRun(Va, Bytes);
        return false;
    }
    return true;
}

bool HostUnmapRun(void *Va, uint64_t Bytes)
{
    /* An inaccessible anonymous overlay, never munmap: a hole in system
     * space could be handed to the next host mmap (a thread stack, a malloc
     * arena), and a stray access by kernel code would then hit host memory
     * instead of faulting. munmap would need the same split anyway. */
    void *Got = HostSpaceMmap(Va, Bytes, PROT_NONE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    return Got != MAP_FAILED;
}

uint64_t HostMappingLimit(void)
{
#if defined(__linux__)
    int Fd = open("/proc/sys/vm/max_map_count", O_RDONLY | O_CLOEXEC);
    if (Fd < 0) {
        return 65530; /* the kernel's default (DEFAULT_MAX_MAP_COUNT) */
    }
    char Text[32];
    ssize_t Got = read(Fd, Text, sizeof(Text) - 1);
    close(Fd);
    if (Got <= 0) {
        return 65530;
    }
    Text[Got] = '\0';
    char *End = NULL;
    unsigned long long Limit = strtoull(Text, &End, 10);
    return End != Text && Limit > 0 ? (uint64_t)Limit : 65530;
#else
    return 0; /* macOS and the BSDs have no per-process mapping count limit */
#endif
}

bool HostProtectRun(void *Va, uint64_t Bytes, bool Writable)
{
    return mprotect(Va, Bytes, PROT_READ | (Writable ? PROT_WRITE : 0)) == 0;
}

/* ---------------------------------------------------------------------- */
/* Fault trap.                                                            */
/* ---------------------------------------------------------------------- */
/* tidy: the trapped ranges (slot 0: system space, which also takes the NULL
 * guard; slot 1: the user range) are written by the thread that builds or
 * ends a machine while a fault on any other thread reads them in
 * HostFaultSignal. Plain variables let that fault see a half-written range:
 * a teardown clears base then end, and in between [0, old end) covers
 * nearly every address of the process, so the program's own fault (its
 * guard page, its handler's business) went to the simulator's handler and
 * became a bug check in the program's thread; the compiler may also drop
 * the "cleared first" store of a slot and the CPU (arm64) reorder the rest.
 * So a sequence lock: the writer makes HostTrapSequence odd, stores, makes
 * it even again (release); the reader copies the ranges between two reads
 * of an even, unchanged sequence (acquire), never blocking - it waits out
 * only a writer on another thread, which stores a few words (a writer never
 * faults inside its stores, so it is never the faulting thread). Every
 * field is a lock-free atomic: async-signal-safe, and no data race for
 * ThreadSanitizer (tests/hostile/test_hostile_trap_race.c). */
_Static_assert(ATOMIC_POINTER_LOCK_FREE == 2 && ATOMIC_INT_LOCK_FREE == 2,
               "the fault trap reads its ranges in a signal handler");
typedef struct {
    uintptr_t Base, End;
    HOST_FAULT_HANDLER Handler;
} HOST_TRAP_RANGE;
static atomic_uint HostTrapSequence;
static atomic_flag HostTrapWriter = ATOMIC_FLAG_INIT; /* one writer at a time */
static _Atomic(uintptr_t) HostTrapBase[HOST_TRAP_RANGES];
static _Atomic(uintptr_t) HostTrapEnd[HOST_TRAP_RANGES];
static _Atomic(HOST_FAULT_HANDLER) HostTrapHandler[HOST_TRAP_RANGES];
static atomic_bool HostTrapInstalled;
/* fuzz22: the handlers were seen in place since the trap's ranges last
 * moved. Only a call that bypasses the interposers below (rt_sigaction
 * itself, sigset, sysv_signal) can displace the trap; so the handlers are
 * read (two sigaction calls) once per machine built, at its first DDI
 * (MiTrapStale), not at every catch frame and __try, where they were a
 * twentieth of a fuzzer's time. */
static atomic_bool HostTrapSeen;

/* Sets slots [First, First + Count) to Range (not in a signal handler). */
static void HostTrapWrite(unsigned First, unsigned Count, HOST_TRAP_RANGE Range)
{
    while (atomic_flag_test_and_set_explicit(&HostTrapWriter, memory_order_acquire)) {
        sched_yield();
    }
    unsigned Sequence = atomic_load_explicit(&HostTrapSequence, memory_order_relaxed);
    atomic_store_explicit(&HostTrapSequence, Sequence + 1, memory_order_relaxed);
    atomic_thread_fence(memory_order_release); /* odd before any range changes */
    for (unsigned Slot = First; Slot < First + Count; Slot++) {
        atomic_store_explicit(&HostTrapBase[Slot], Range.Base, memory_order_relaxed);
        atomic_store_explicit(&HostTrapEnd[Slot], Range.End, memory_order_relaxed);
        atomic_store_explicit(&HostTrapHandler[Slot], Range.Handler, memory_order_relaxed);
    }
    atomic_store_explicit(&HostTrapSequence, Sequence + 2, memory_order_release);
    atomic_flag_clear_explicit(&HostTrapWriter, memory_order_release);
}

/* A consistent copy of every slot (in the signal handler). */
static void HostTrapRead(HOST_TRAP_RANGE Ranges[HOST_TRAP_RANGES])
{
    for (;;) {
        unsigned Before = atomic_load_explicit(&HostTrapSequence, memory_order_acquire);
        if (Before % 2 == 0) {
            for (unsigned Slot = 0; Slot < HOST_TRAP_RANGES; Slot++) {
                Ranges[Slot].Base = atomic_load_explicit(&HostTrapBase[Slot], memory_order_relaxed);
                Ranges[Slot].End = atomic_load_explicit(&HostTrapEnd[Slot], memory_order_relaxed);
                Ranges[Slot].Handler =
                    atomic_load_explicit(&HostTrapHandler[Slot], memory_order_relaxed);
            }
            atomic_thread_fence(memory_order_acquire); /* the copy before the re-check */
            if (atomic_load_explicit(&HostTrapSequence, memory_order_relaxed) == Before) {
                return;
            }
        }
        sched_yield(); /* a writer on another thread is between its stores */
    }
}

/* The trap shares SIGSEGV and SIGBUS with the program the way sanitizer
 * runtimes do: once it is installed, sigaction() and signal() for those two
 * signals (interposed below) record the program's disposition here instead
 * of replacing the trap, and return the program's previous one. A fault
 * inside system space or the NULL guard is the simulator's; any other goes
 * to the program's disposition: its handler, or for SIG_DFL and SIG_IGN the
 * end of the process by that signal, as without mmsim. */
static struct sigaction HostProgramSegv;
static struct sigaction HostProgramBus;
static atomic_flag HostProgramLock = ATOMIC_FLAG_INIT;

typedef int (*HOST_SIGACTION)(int, const struct sigaction *, struct sigaction *);
static HOST_SIGACTION HostNextSigaction; /* the next definition: a sanitizer's or libc's */

static int HostRealSigaction(int Signal, const struct sigaction *Action, struct sigaction *Old)
{
    if (HostNextSigaction == NULL) {
        HostNextSigaction = (HOST_SIGACTION)dlsym(RTLD_NEXT, "sigaction");
    }
    if (HostNextSigaction == NULL) {
        errno = ENOSYS;
        return -1;
    }
    return HostNextSigaction(Signal, Action, Old);
}

static struct sigaction *HostProgramAction(int Signal)
{
    return Signal == SIGSEGV ? &HostProgramSegv : &HostProgramBus;
}

static void HostProgramLockAcquire(void)
{
    while (atomic_flag_test_and_set_explicit(&HostProgramLock, memory_order_acquire)) {
        sched_yield();
    }
}

static void HostProgramLockRelease(void)
{
    atomic_flag_clear_explicit(&HostProgramLock, memory_order_release);
}

/* Ends the process by Signal with its default action. A fault returns to
 * the faulting instruction, which faults again with SIG_DFL in place (and
 * dumps core where the host would); a signal sent by kill() is raised again. */
static void HostDieBySignal(int Signal, const siginfo_t *Info)
{
    struct sigaction Default;
    memset(&Default, 0, sizeof(Default));
    Default.sa_handler = SIG_DFL;
    sigemptyset(&Default.sa_mask);
    HostRealSigaction(Signal, &Default, NULL);
    if (Info != NULL && Info->si_code <= 0) {
        raise(Signal);
    }
}

static void HostChain(int Signal, siginfo_t *Info, void *Context)
{
    HostProgramLockAcquire();
    struct sigaction Program = *HostProgramAction(Signal);
    if (Program.sa_flags & SA_RESETHAND) {
        memset(HostProgramAction(Signal), 0, sizeof(struct sigaction));
        HostProgramAction(Signal)->sa_handler = SIG_DFL;
    }
    HostProgramLockRelease();
    if (Program.sa_flags & SA_SIGINFO) {
        if (Program.sa_sigaction != NULL) {
            Program.sa_sigaction(Signal, Info, Context);
            return;
        }
    } else if (Program.sa_handler == SIG_IGN) {
        /* Ignoring a fault is not possible: the host ends the process. */
        if (Info == NULL || Info->si_code > 0) {
            HostDieBySignal(Signal, Info);
        }
        return;
    } else if (Program.sa_handler != SIG_DFL && Program.sa_handler != NULL) {
        Program.sa_handler(Signal);
        return;
    }
    HostDieBySignal(Signal, Info);
}

static void HostFaultSignal(int Signal, siginfo_t *Info, void *Context)
{
    uintptr_t Address = (uintptr_t)Info->si_addr;
    bool Write = false;
    void *Code = NULL;
#if defined(__linux__) && defined(__x86_64__)
    ucontext_t *Uc = (ucontext_t *)Context;
    Write = (Uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
    Code = (void *)Uc->uc_mcontext.gregs[REG_RIP];
    /* CR2 is valid even when a test harness re-installed this handler with
     * signal() and the siginfo was not filled in. */
    Address = (uintptr_t)Uc->uc_mcontext.gregs[REG_CR2];
#elif defined(__linux__) && defined(__aarch64__)
    ucontext_t *Uc = (ucontext_t *)Context;
    Code = (void *)Uc->uc_mcontext.pc;
    /* ESR_EL1 is in the extension records; its WnR bit (6) says write. */
    struct _aarch64_ctx *Head = (struct _aarch64_ctx *)Uc->uc_mcontext.__reserved;
    while (Head->magic != 0) {
        if (Head->magic == ESR_MAGIC) {
            Write = (((struct esr_context *)Head)->esr & (1u << 6)) != 0;
            break;
        }
        Head = (struct _aarch64_ctx *)((char *)Head + Head->size);
    }
#else
    (void)Context;
#endif
    /* System space, and the never-mapped first 64 KiB (NULL pointers), are
     * the simulator's; every other fault, and a signal sent by kill(), is
     * the program's. */
    bool Fault = Info->si_code > 0;
    HOST_TRAP_RANGE Ranges[HOST_TRAP_RANGES];
    if (Fault) {
        HostTrapRead(Ranges);
    }
    HOST_FAULT_HANDLER Handler = Fault ? Ranges[0].Handler : NULL;
    bool Ours = Fault && ((Address >= Ranges[0].Base && Address < Ranges[0].End) ||
                          Address < HOST_NULL_GUARD);
    for (unsigned Slot = 1; Fault && !Ours && Slot < HOST_TRAP_RANGES; Slot++) {
        if (Ranges[Slot].Handler != NULL && Address >= Ranges[Slot].Base &&
            Address < Ranges[Slot].End) {
            Ours = true;
            Handler = Ranges[Slot].Handler;
        }
    }
    if (Handler == NULL || !Ours) {
        HostChain(Signal, Info, Context);
        return;
    }
    if (Handler((void *)Address, Write, Code)) {
        return; /* page made valid: retry the access */
    }
    HostChain(Signal, Info, Context);
}

void HostInstallFaultTrap(void *Base, uint64_t Bytes, HOST_FAULT_HANDLER Handler)
{
    HostTrapWrite(0, 1, (HOST_TRAP_RANGE){(uintptr_t)Base, (uintptr_t)Base + Bytes, Handler});
    atomic_store_explicit(&HostTrapSeen, false, memory_order_relaxed);
    /* Installed once; a machine's build only moves the ranges (setup20:
     * four checks of the handlers per build were a tenth of a reset). The
     * machine re-arms before its first DDI (MiTrapStale), which puts the
     * handler back if a harness replaced it. */
    if (!HostTrapInstalled) {
        HostArmFaultTrap();
    }
}

void HostInstallFaultTrapRange(unsigned Slot, void *Base, uint64_t Bytes,
                               HOST_FAULT_HANDLER Handler)
{
    if (Slot == 0) {
        HostInstallFaultTrap(Base, Bytes, Handler);
        return;
    }
    if (Slot >= HOST_TRAP_RANGES) {
        return;
    }
    HostTrapWrite(Slot, 1,
                  (HOST_TRAP_RANGE){(uintptr_t)Base, (uintptr_t)Base + Bytes,
                                    Bytes != 0 ? Handler : NULL});
    if (!HostTrapInstalled) {
        HostArmFaultTrap();
    }
}

static void HostSetAction(int Signal)
{
    struct sigaction Action;
    memset(&Action, 0, sizeof(Action));
    Action.sa_sigaction = HostFaultSignal;
    /* SA_NODEFER: a bug check leaves the handler by longjmp, and the fault
     * signal must not stay blocked after that. */
    Action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&Action.sa_mask);
    struct sigaction Previous;
    if (HostRealSigaction(Signal, &Action, &Previous) != 0) {
        return;
    }
    /* What was there becomes the program's disposition, unless it is this
     * handler itself (a sanitizer runtime may have installed its own under
     * the interposer: it is chained to like the program's). */
    if (!((Previous.sa_flags & SA_SIGINFO) && Previous.sa_sigaction == HostFaultSignal)) {
        HostProgramLockAcquire();
        *HostProgramAction(Signal) = Previous;
        HostProgramLockRelease();
    }
}

void HostArmFaultTrap(void)
{
    if (atomic_load_explicit(&HostTrapHandler[0], memory_order_relaxed) == NULL) {
        return;
    }
    if (HostTrapInstalled && atomic_load_explicit(&HostTrapSeen, memory_order_relaxed)) {
        return;
    }
    struct sigaction Current;
    if (HostTrapInstalled && HostRealSigaction(SIGSEGV, NULL, &Current) == 0 &&
        (Current.sa_flags & SA_SIGINFO) && Current.sa_sigaction == HostFaultSignal &&
        HostRealSigaction(SIGBUS, NULL, &Current) == 0 && (Current.sa_flags & SA_SIGINFO) &&
        Current.sa_sigaction == HostFaultSignal) {
        atomic_store_explicit(&HostTrapSeen, true, memory_order_relaxed);
        return;
    }
    if (!HostTrapInstalled) {
        /* An alternate stack for the installing thread: a fault taken near the
         * end of its stack can still be reported. */
        static uint8_t AltStack[64 * 1024];
        stack_t Ss = {.ss_sp = AltStack, .ss_size = sizeof(AltStack), .ss_flags = 0};
        sigaltstack(&Ss, NULL);
#if MI_HAVE_EXECINFO
        /* The first backtrace() loads the unwinder (and allocates): done now,
         * not in the handler when a fault's bug check prints its stack. */
        void *Frame[1];
        (void)backtrace(Frame, 1);
#endif
    }
    HostSetAction(SIGSEGV);
    HostSetAction(SIGBUS);
    HostTrapInstalled = true;
    atomic_store_explicit(&HostTrapSeen, true, memory_order_relaxed);
}

/* The interposers (see HostProgramSegv). Before the trap is installed, and
 * for every other signal, they are the host's own functions. */
int sigaction(int Signal, const struct sigaction *Action, struct sigaction *Old)
{
    if (!HostTrapInstalled || (Signal != SIGSEGV && Signal != SIGBUS)) {
        return HostRealSigaction(Signal, Action, Old);
    }
    HostProgramLockAcquire();
    if (Old != NULL) {
        *Old = *HostProgramAction(Signal);
    }
    if (Action != NULL) {
        *HostProgramAction(Signal) = *Action;
    }
    HostProgramLockRelease();
    return 0;
}

typedef void (*HOST_SIGNAL_HANDLER)(int);
HOST_SIGNAL_HANDLER signal(int Signal, HOST_SIGNAL_HANDLER Handler)
{
    if (!HostTrapInstalled || (Signal != SIGSEGV && Signal != SIGBUS)) {
        static HOST_SIGNAL_HANDLER (*Next)(int, HOST_SIGNAL_HANDLER);
        if (Next == NULL) {
            *(void **)&Next = dlsym(RTLD_NEXT, "signal");
        }
        if (Next == NULL) {
            errno = ENOSYS;
            return SIG_ERR;
        }
        return Next(Signal, Handler);
    }
    /* signal() has BSD semantics on glibc and the BSDs: the handler stays
     * installed and interrupted calls restart. */
    struct sigaction Action, Old;
    memset(&Action, 0, sizeof(Action));
    Action.sa_handler = Handler;
    Action.sa_flags = SA_RESTART;
    sigemptyset(&Action.sa_mask);
    sigaction(Signal, &Action, &Old);
    return (Old.sa_flags & SA_SIGINFO) ? (HOST_SIGNAL_HANDLER)(void *)Old.sa_sigaction
                                       : Old.sa_handler;
}

void HostUnblockFaultSignals(void)
{
    sigset_t Set;
    sigemptyset(&Set);
    sigaddset(&Set, SIGSEGV);
    sigaddset(&Set, SIGBUS);
    pthread_sigmask(SIG_UNBLOCK, &Set, NULL);
}

void HostRemoveFaultTrap(void)
{
    HostTrapWrite(0, HOST_TRAP_RANGES, (HOST_TRAP_RANGE){0, 0, NULL});
}

/* ---------------------------------------------------------------------- */
/* Misc.                                                                  */
/* ---------------------------------------------------------------------- */
#if defined(__linux__)
/* One host mapping (VMA) clipped to the range asked about: Offset is the
 * file offset of Start; Object (device and inode) names the file it shows,
 * Mmsim: its name holds "mmsim-" (one of the simulator's memory objects). */
typedef struct _HOST_VMA {
    uintptr_t Start, End;
    bool Readable, Writable, Mmsim;
    uint64_t Offset, Inode;
    unsigned DevMajor, DevMinor;
} HOST_VMA;
typedef void (*HOST_VMA_VISITOR)(void *Context, const HOST_VMA *Vma);

/* PROCMAP_QUERY (Linux 6.11+, include/uapi/linux/fs.h; the headers here may
 * predate it): one VMA per ioctl on /proc/self/maps, so a question about
 * system space costs the VMAs there, not the text of every VMA in the
 * process (thousands under the sanitizers). */
typedef struct {
    uint64_t Size, QueryFlags, QueryAddr;
    uint64_t VmaStart, VmaEnd, VmaFlags, VmaPageSize, VmaOffset, Inode;
    uint32_t DevMajor, DevMinor, VmaNameSize, BuildIdSize;
    uint64_t VmaNameAddr, BuildIdAddr;
} HOST_PROCMAP_QUERY;
#define HOST_PROCMAP_QUERY_IOCTL 0xC0686611ul /* _IOWR('f', 17, struct procmap_query) */
#define HOST_PROCMAP_READABLE 0x01
#define HOST_PROCMAP_WRITABLE 0x02
#define HOST_PROCMAP_COVERING_OR_NEXT 0x10
_Static_assert(sizeof(HOST_PROCMAP_QUERY) == 0x68, "struct procmap_query is 104 bytes");
static atomic_bool HostNoProcmapQuery; /* an older kernel said ENOTTY */

/* /proc/self/maps kept open for the ioctl (fuzz21: opening it was a third
 * of a touched invariant check). /proc/self is resolved at open, so a forked
 * child opens its own (closing the parent's it inherited, if that is still
 * what the descriptor is); a descriptor the program closed or reused is let
 * go of, not closed. One user at a time (a try-lock): another thread, or a
 * child forked while the lock was held, opens one for its call. */
static atomic_flag HostMapsBusy = ATOMIC_FLAG_INIT;
static int HostMapsFd = -1;
static pid_t HostMapsPid;
static dev_t HostMapsDev;
static ino_t HostMapsIno;
/* fuzz31: whether the kept descriptor is this process's, without asking
 * getpid() before every query (seven system calls per fuzzer input): a
 * page the kernel zeroes in every forked child (MADV_WIPEONFORK, Linux
 * 4.14+; however the child was made, atfork handlers or not) holds the pid
 * it was opened by. NULL: no such page here, getpid() as before. */
static volatile pid_t *HostMapsOpener;
static bool HostMapsOpenerTried;

static void HostMapsOpenerInit(void)
{
    HostMapsOpenerTried = true;
#if defined(MADV_WIPEONFORK)
    void *Page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (Page == MAP_FAILED) {
        return;
    }
    if (madvise(Page, 4096, MADV_WIPEONFORK) != 0) {
        munmap(Page, 4096);
        return;
    }
    HostMapsOpener = (volatile pid_t *)Page;
#endif
}

/* Whether Fd is still the maps file HostMapsFd was opened as. */
static bool HostMapsIsOurs(int Fd)
{
    struct stat Info;
    return fstat(Fd, &Info) == 0 && Info.st_dev == HostMapsDev && Info.st_ino == HostMapsIno;
}

/* The kept descriptor for this process (busy flag held), opened if needed;
 * -1 if it cannot be. */
static int HostMapsKept(void)
{
    if (HostMapsFd >= 0 && HostMapsOpener != NULL && *HostMapsOpener != 0) {
        return HostMapsFd; /* opened by this process: a child sees zero */
    }
    pid_t Self = getpid();
    if (HostMapsFd >= 0 && HostMapsOpener == NULL && HostMapsPid == Self) {
        return HostMapsFd;
    }
    if (!HostMapsOpenerTried) {
        HostMapsOpenerInit();
    }
    if (HostMapsFd >= 0 && HostMapsIsOurs(HostMapsFd)) {
        close(HostMapsFd); /* the parent's, inherited */
    }
    HostMapsFd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    struct stat Info;
    if (HostMapsFd >= 0 && fstat(HostMapsFd, &Info) != 0) {
        close(HostMapsFd);
        HostMapsFd = -1;
    }
    if (HostMapsFd >= 0) {
        HostMapsPid = Self;
        HostMapsDev = Info.st_dev;
        HostMapsIno = Info.st_ino;
    }
    if (HostMapsOpener != NULL) {
        *HostMapsOpener = HostMapsFd >= 0 ? Self : 0;
    }
    return HostMapsFd;
}

/* 1 done, 0 the kernel lacks the ioctl (read the text instead), -1 error. */
static int HostQueryMappings(uintptr_t Lo, uintptr_t Hi, HOST_VMA_VISITOR Visit, void *Context)
{
    if (atomic_load_explicit(&HostNoProcmapQuery, memory_order_relaxed)) {
        return 0;
    }
    bool Kept = !atomic_flag_test_and_set_explicit(&HostMapsBusy, memory_order_acquire);
    int Fd = Kept ? HostMapsKept() : -1;
    if (Fd < 0) {
        if (Kept) {
            atomic_flag_clear_explicit(&HostMapsBusy, memory_order_release);
            Kept = false;
        }
        Fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    }
    if (Fd < 0) {
        return -1;
    }
    int Result = 1;
    for (uintptr_t Address = Lo; Address < Hi;) {
        char Name[256];
        HOST_PROCMAP_QUERY Query;
        memset(&Query, 0, sizeof(Query));
        Query.Size = sizeof(Query);
        Query.QueryFlags = HOST_PROCMAP_COVERING_OR_NEXT;
        Query.QueryAddr = Address;
        Query.VmaNameSize = sizeof(Name);
        Query.VmaNameAddr = (uintptr_t)Name;
        if (ioctl(Fd, HOST_PROCMAP_QUERY_IOCTL, &Query) != 0) {
            if (errno == ENOENT) {
                break; /* no VMA at or after Address */
            }
            if (Kept && !HostMapsIsOurs(Fd)) {
                /* The program closed or reused the kept descriptor: let go
                 * of it, and ask again on a new one. */
                HostMapsFd = -1;
                Fd = HostMapsKept();
                if (Fd >= 0) {
                    continue;
                }
                atomic_flag_clear_explicit(&HostMapsBusy, memory_order_release);
                return -1;
            }
            if (errno == ENOTTY || errno == EINVAL) {
                atomic_store(&HostNoProcmapQuery, true);
                Result = Address == Lo ? 0 : -1;
            } else {
                Result = -1;
            }
            break;
        }
        if (Query.VmaStart >= Hi) {
            break;
        }
        Name[sizeof(Name) - 1] = '\0';
        HOST_VMA Vma;
        Vma.Start = Query.VmaStart < Lo ? Lo : (uintptr_t)Query.VmaStart;
        Vma.End = Query.VmaEnd > Hi ? Hi : (uintptr_t)Query.VmaEnd;
        Vma.Readable = (Query.VmaFlags & HOST_PROCMAP_READABLE) != 0;
        Vma.Writable = (Query.VmaFlags & HOST_PROCMAP_WRITABLE) != 0;
        Vma.Mmsim = Query.VmaNameSize != 0 && strstr(Name, "mmsim-") != NULL;
        Vma.Offset = Query.VmaOffset + (Vma.Start - Query.VmaStart);
        Vma.Inode = Query.Inode;
        Vma.DevMajor = Query.DevMajor;
        Vma.DevMinor = Query.DevMinor;
        Visit(Context, &Vma);
        Address = (uintptr_t)Query.VmaEnd;
    }
    if (Kept) {
        atomic_flag_clear_explicit(&HostMapsBusy, memory_order_release);
    } else {
        close(Fd);
    }
    return Result;
}

/* One line of /proc/self/maps, "start-end perms offset major:minor inode
 * path", parsed by hand (sscanf was a third of the invariant checker's time
 * under the fuzzer): -1 it starts at or beyond Hi (the lines are in address
 * order: the rest need not be read), 1 it overlaps [Lo, Hi) (Vma filled), 0
 * otherwise. */
static int HostParseMapsLine(const char *Line, uintptr_t Lo, uintptr_t Hi, HOST_VMA *Vma)
{
    char *Cursor;
    unsigned long long Start = strtoull(Line, &Cursor, 16);
    if (*Cursor != '-') {
        return 0;
    }
    unsigned long long End = strtoull(Cursor + 1, &Cursor, 16);
    if (Start >= Hi) {
        return -1;
    }
    if (End <= Lo || Cursor[0] != ' ' || strlen(Cursor) < 6 || Cursor[5] != ' ') {
        return 0;
    }
    const char *Perms = Cursor + 1;
    unsigned long long Offset = strtoull(Cursor + 6, &Cursor, 16);
    unsigned long Major = strtoul(Cursor, &Cursor, 16);
    if (*Cursor != ':') {
        return 0;
    }
    unsigned long Minor = strtoul(Cursor + 1, &Cursor, 16);
    unsigned long long Inode = strtoull(Cursor, &Cursor, 10);
    Vma->Start = Start < Lo ? Lo : (uintptr_t)Start;
    Vma->End = End > Hi ? Hi : (uintptr_t)End;
    Vma->Readable = Perms[0] == 'r';
    Vma->Writable = Perms[1] == 'w';
    Vma->Mmsim = strstr(Cursor, "mmsim-") != NULL;
    Vma->Offset = Offset + (Vma->Start - Start);
    Vma->Inode = Inode;
    Vma->DevMajor = (unsigned)Major;
    Vma->DevMinor = (unsigned)Minor;
    return 1;
}

/* The text of /proc/self/maps, read in blocks (not a character or a line at
 * a time through stdio) and only up to Hi. */
static bool HostParseMaps(int Fd, uintptr_t Lo, uintptr_t Hi, HOST_VMA_VISITOR Visit,
                          void *Context)
{
    char Text[8192];
    size_t Kept = 0;
    bool Skipping = false; /* the rest of a line longer than the buffer */
    for (;;) {
        ssize_t Got = read(Fd, Text + Kept, sizeof(Text) - 1 - Kept);
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got < 0) {
            return false;
        }
        size_t Have = Kept + (size_t)Got;
        if (Got == 0) {
            if (Have == 0) {
                return true;
            }
            Text[Have++] = '\n'; /* a last line without its newline */
        }
        char *Line = Text, *Eol;
        while ((Eol = (char *)memchr(Line, '\n', (size_t)(Text + Have - Line))) != NULL) {
            *Eol = '\0';
            HOST_VMA Vma;
            int Parsed = Skipping ? 0 : HostParseMapsLine(Line, Lo, Hi, &Vma);
            Skipping = false;
            if (Parsed < 0) {
                return true;
            }
            if (Parsed > 0) {
                Visit(Context, &Vma);
            }
            Line = Eol + 1;
        }
        if (Got == 0) {
            return true;
        }
        Kept = (size_t)(Text + Have - Line);
        if (Kept == sizeof(Text) - 1) {
            Kept = 0; /* no mapping of ours has a name this long */
            Skipping = true;
        }
        memmove(Text, Line, Kept);
    }
}

static bool HostWalkMappings(uintptr_t Lo, uintptr_t Hi, HOST_VMA_VISITOR Visit, void *Context)
{
    int Queried = HostQueryMappings(Lo, Hi, Visit, Context); /* its descriptor is kept */
    if (Queried != 0) {
        return Queried > 0;
    }
    /* The text, on a descriptor opened per call: /proc/self is resolved at
     * open, and a forked child must see its own mappings. */
    int Fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (Fd < 0) {
        return false;
    }
    bool Ok = HostParseMaps(Fd, Lo, Hi, Visit, Context);
    close(Fd);
    return Ok;
}

typedef struct _HOST_MAPPING_WALK {
    HOST_MAPPING_VISITOR Visit;
    void *Context;
} HOST_MAPPING_WALK;

static void HostVisitMapping(void *Context, const HOST_VMA *Vma)
{
    const HOST_MAPPING_WALK *Walk = (const HOST_MAPPING_WALK *)Context;
    Walk->Visit(Walk->Context, Vma->Start, Vma->End, Vma->Readable, Vma->Writable, Vma->Mmsim,
                Vma->Offset);
}
#endif

bool HostForEachMapping(void *Base, uint64_t Bytes, HOST_MAPPING_VISITOR Visit, void *Context)
{
#if defined(__linux__)
    HOST_MAPPING_WALK Walk = {Visit, Context};
    return HostWalkMappings((uintptr_t)Base, (uintptr_t)Base + Bytes, HostVisitMapping, &Walk);
#else
    (void)Base;
    (void)Bytes;
    (void)Visit;
    (void)Context;
    return false;
#endif
}

long HostMappingCount(void)
{
#if defined(__linux__)
    int Fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (Fd < 0) {
        return -1;
    }
    long Lines = 0;
    char Text[8192];
    for (;;) {
        ssize_t Got = read(Fd, Text, sizeof(Text));
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got < 0) {
            Lines = -1;
        }
        if (Got <= 0) {
            break;
        }
        for (const char *At = Text; (At = memchr(At, '\n', (size_t)(Text + Got - At))) != NULL;
             At++) {
            Lines++;
        }
    }
    close(Fd);
    return Lines;
#else
    return -1;
#endif
}

void HostBacktrace(int Fd, bool Symbolize)
{
#if MI_HAVE_EXECINFO
    void *Frames[64];
    int Count = backtrace(Frames, 64);
    if (!Symbolize) {
        backtrace_symbols_fd(Frames, Count, Fd); /* no allocation */
        return;
    }
    for (int i = 1; i < Count; i++) { /* frame 0 is this function */
        char Frame[512], Line[600];
        int Length = snprintf(Line, sizeof(Line), "  %s\n",
                              HostDescribeFrame(Frames[i], Frame, sizeof(Frame)));
        for (const char *Cursor = Line; Length > 0;) {
            ssize_t Written = write(Fd, Cursor, (size_t)Length);
            if (Written <= 0) {
                break;
            }
            Cursor += Written;
            Length -= (int)Written;
        }
    }
#else
    (void)Fd;
    (void)Symbolize;
#endif
}

void HostFlushOutput(bool InTrap, void *TrapCode)
{
    if (InTrap) {
        /* The fault may have interrupted this thread inside printf or
         * fwrite, holding the stream's lock mid-update; stdio locks are
         * recursive, so ftrylockfile cannot tell. A fault in code outside
         * the C library (the driver's own code) is not inside stdio. The
         * C library is the module holding the stdout FILE object. */
        Dl_info Code, Libc;
        if (TrapCode == NULL || dladdr(TrapCode, &Code) == 0 || dladdr(stdout, &Libc) == 0 ||
            Code.dli_fbase == Libc.dli_fbase) {
            return;
        }
    }
    FILE *Streams[2] = {stdout, stderr};
    for (int i = 0; i < 2; i++) {
        /* Never wait: another thread holding the stream may never let go
         * (it may be stopped itself, or blocked on a full pipe). */
        if (ftrylockfile(Streams[i]) == 0) {
            fflush(Streams[i]);
            funlockfile(Streams[i]);
        }
    }
}

uint64_t HostRandomSeed(void)
{
    uint64_t Seed = 0;
#if defined(__linux__)
    if (getrandom(&Seed, sizeof(Seed), 0) == (ssize_t)sizeof(Seed) && Seed != 0) {
        return Seed;
    }
#endif
    struct timespec Now;
    clock_gettime(CLOCK_REALTIME, &Now);
    Seed = (uint64_t)Now.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)Now.tv_sec ^
           ((uint64_t)getpid() << 32);
    return Seed ? Seed : 1;
}

uint64_t HostNowNs(void)
{
    struct timespec Now;
    clock_gettime(CLOCK_MONOTONIC, &Now);
    return (uint64_t)Now.tv_sec * 1000000000ull + (uint64_t)Now.tv_nsec;
}

void HostYield(void)
{
    sched_yield();
}

uint64_t HostWallClockNs(void)
{
    struct timespec Now;
    clock_gettime(CLOCK_REALTIME, &Now);
    return (uint64_t)Now.tv_sec * 1000000000ull + (uint64_t)Now.tv_nsec;
}

uint32_t HostProcessorCount(void)
{
    /* Read once (setup20): glibc reads sysfs for it, three system calls
     * in every machine build. */
    static _Atomic uint32_t Cached;
    uint32_t Count = atomic_load_explicit(&Cached, memory_order_relaxed);
    if (Count == 0) {
        long Online = sysconf(_SC_NPROCESSORS_ONLN);
        Count = Online > 0 ? (uint32_t)Online : 1u;
        atomic_store_explicit(&Cached, Count, memory_order_relaxed);
    }
    return Count;
}

uint32_t HostCurrentProcessor(void)
{
#if defined(__linux__)
    int Cpu = sched_getcpu();
    return Cpu >= 0 ? (uint32_t)Cpu : 0u;
#else
    return 0u;
#endif
}

int HostCaptureStack(void **Frames, int Max)
{
#if MI_HAVE_EXECINFO
    return backtrace(Frames, Max);
#else
    (void)Frames;
    (void)Max;
    return 0;
#endif
}

#if defined(__GLIBC__)
/* The loaded modules' address ranges, each with dladdr's name and base for
 * it: every fallible call's stack identity asks for 8 frames, and dladdr
 * scans the module's symbol table on every call (faults20b cached answers
 * by address, but each new process of a fault run met its frames anew: a
 * fiftieth of a forked run). A module's name and base hold while it is
 * loaded, so the table holds until the program loads or unloads one:
 * dl_iterate_phdr's counters of both, read at each call (the first
 * module's callback ends the walk), rebuild it when they change. Per
 * thread: no lock; Count is cleared while the table is rebuilt, so a signal
 * handler on the same thread (HostBacktrace) never reads half of it. */
#include <link.h>

#define HOST_MODULES 64
typedef struct _HOST_MODULE {
    uintptr_t Low, High; /* its loaded segments */
    uintptr_t Base;      /* dladdr's dli_fbase */
    const char *Name;    /* dladdr's dli_fname, after the last '/' */
} HOST_MODULE;
static _Thread_local HOST_MODULE HostModules[HOST_MODULES];
static _Thread_local volatile size_t HostModuleCount;
static _Thread_local unsigned long long HostModuleGeneration;

static int HostModuleCounters(struct dl_phdr_info *Info, size_t Size, void *Generation)
{
    if (Size >= offsetof(struct dl_phdr_info, dlpi_subs) + sizeof(Info->dlpi_subs)) {
        *(unsigned long long *)Generation = Info->dlpi_adds + (Info->dlpi_subs << 32);
    }
    return 1;
}

static int HostAddModule(struct dl_phdr_info *Info, size_t Size, void *Count)
{
    (void)Size;
    size_t *Added = (size_t *)Count;
    uintptr_t Low = UINTPTR_MAX, High = 0;
    for (int i = 0; i < Info->dlpi_phnum; i++) {
        if (Info->dlpi_phdr[i].p_type == PT_LOAD) {
            uintptr_t Start = (uintptr_t)(Info->dlpi_addr + Info->dlpi_phdr[i].p_vaddr);
            uintptr_t End = Start + (uintptr_t)Info->dlpi_phdr[i].p_memsz;
            Low = Start < Low ? Start : Low;
            High = End > High ? End : High;
        }
    }
    Dl_info Names;
    if (*Added < HOST_MODULES && Low < High && dladdr((void *)Low, &Names) != 0 &&
        Names.dli_fname != NULL) {
        const char *Slash = strrchr(Names.dli_fname, '/');
        HostModules[*Added] = (HOST_MODULE){Low, High, (uintptr_t)Names.dli_fbase,
                                            Slash != NULL ? Slash + 1 : Names.dli_fname};
        ++*Added;
    }
    return 0;
}
#endif

bool HostFrameModuleOffset(void *Frame, const char **ModuleName, uint64_t *Offset)
{
#if defined(__GLIBC__)
    unsigned long long Generation = 0;
    dl_iterate_phdr(HostModuleCounters, &Generation);
    if (Generation != HostModuleGeneration && Generation != 0) {
        HostModuleCount = 0;
        size_t Added = 0;
        dl_iterate_phdr(HostAddModule, &Added);
        HostModuleGeneration = Generation;
        HostModuleCount = Added;
    }
    for (size_t i = 0; i < HostModuleCount && Generation != 0; i++) {
        if ((uintptr_t)Frame >= HostModules[i].Low && (uintptr_t)Frame < HostModules[i].High) {
            *ModuleName = HostModules[i].Name;
            *Offset = (uint64_t)((uintptr_t)Frame - HostModules[i].Base);
            return true;
        }
    }
#endif
    Dl_info Info;
    if (dladdr(Frame, &Info) == 0 || Info.dli_fname == NULL) {
        return false;
    }
    const char *Slash = strrchr(Info.dli_fname, '/');
    *ModuleName = Slash != NULL ? Slash + 1 : Info.dli_fname;
    *Offset = (uint64_t)((uintptr_t)Frame - (uintptr_t)Info.dli_fbase);
    return true;
}

#if defined(MMSIM_HAVE_LIBDW)
/* One libdw session (elfutils) for the process, over the modules mapped when
 * it was opened; reopened when a frame lies in a module it does not know (a
 * library loaded since). A forked child keeps it, and the answers cached
 * below: its modules are its parent's, at the same addresses, and libelf
 * reads the files it holds open with pread or maps them, so the shared
 * descriptors' offsets do not matter (faults20b: the fault runner's children,
 * forked by the thousand, each rebuilt it - a tenth of a run under asan).
 * Kept for the process's life (reachable from here: not a leak). */
static pthread_mutex_t HostDwflLock = PTHREAD_MUTEX_INITIALIZER;
static Dwfl *HostDwfl;

/* Only the debug info a module carries itself (the program and the driver
 * code under test, built with -g): looking up and reading separate debug
 * files (the C library's, under /usr/lib/debug) cost a tenth of a second
 * per process, which `mmsim faults` pays on every run. */
static int HostNoSeparateDebugInfo(Dwfl_Module *Module, void **UserData, const char *ModuleName,
                                   Dwarf_Addr Base, const char *FileName,
                                   const char *DebugLinkFile, GElf_Word DebugLinkCrc,
                                   char **DebugInfoFileName)
{
    (void)Module, (void)UserData, (void)ModuleName, (void)Base, (void)FileName;
    (void)DebugLinkFile, (void)DebugLinkCrc, (void)DebugInfoFileName;
    return -1;
}

static Dwfl *HostDwflOpen(pid_t Pid)
{
    static char *DebugInfoPath;
    static const Dwfl_Callbacks Callbacks = {
        .find_elf = dwfl_linux_proc_find_elf,
        .find_debuginfo = HostNoSeparateDebugInfo,
        .debuginfo_path = &DebugInfoPath,
    };
    Dwfl *Session = dwfl_begin(&Callbacks);
    if (Session == NULL) {
        return NULL;
    }
    dwfl_report_begin(Session);
    if (dwfl_linux_proc_report(Session, Pid) != 0 ||
        dwfl_report_end(Session, NULL, NULL) != 0) {
        dwfl_end(Session);
        return NULL;
    }
    return Session;
}

/* "function+0xOFF" and, where the debug info has it, ", file.c:LINE" for
 * Frame; false if libdw knows no symbol there. */
/* Recent answers by address: stacks share most frames (the test runner's,
 * main's), and a symbol lookup scans the module's whole symbol table. */
#define HOST_SYMBOL_CACHE 512
static struct {
    void *Frame;
    bool Found;
    char Text[512]; /* as long as any description asked for (HostDescribeFrame: 384) */
} HostSymbolCache[HOST_SYMBOL_CACHE];

/* The source line of Lookup: through the module's address-range table, or,
 * where the compiler wrote none (clang writes no .debug_aranges unless
 * asked), by asking each compilation unit whether it holds the address. */
static const char *HostSourceLine(Dwfl_Module *Module, Dwarf_Addr Lookup, int *LineNumber)
{
    Dwfl_Line *Line = dwfl_module_getsrc(Module, Lookup);
    if (Line != NULL) {
        return dwfl_lineinfo(Line, NULL, LineNumber, NULL, NULL, NULL);
    }
    Dwarf_Addr Bias = 0;
    Dwarf *Debug = dwfl_module_getdwarf(Module, &Bias);
    if (Debug == NULL) {
        return NULL;
    }
    Dwarf_Addr Address = Lookup - Bias;
    Dwarf_Off Offset = 0, Next = 0;
    size_t HeaderSize = 0;
    while (dwarf_nextcu(Debug, Offset, &Next, &HeaderSize, NULL, NULL, NULL) == 0) {
        Dwarf_Die Unit;
        if (dwarf_offdie(Debug, Offset + HeaderSize, &Unit) != NULL &&
            dwarf_haspc(&Unit, Address) == 1) {
            Dwarf_Line *UnitLine = dwarf_getsrc_die(&Unit, Address);
            if (UnitLine == NULL || dwarf_lineno(UnitLine, LineNumber) != 0) {
                return NULL;
            }
            return dwarf_linesrc(UnitLine, NULL, NULL);
        }
        Offset = Next;
    }
    return NULL;
}

/* "function+0xOFF[, file.c:LINE]" for the return address Address in
 * Session's process; false if no module or symbol is known there. */
static bool HostSymbolizeIn(Dwfl *Session, Dwarf_Addr Address, char *Text, size_t Size)
{
    Dwfl_Module *Module = Session != NULL ? dwfl_addrmodule(Session, Address) : NULL;
    if (Module == NULL) {
        return false;
    }
    /* A return address follows its call: the byte before it is the call's,
     * and so are its function and line (after a call that never returns,
     * such as KeBugCheckEx at a function's end, the return address is
     * already the next function's first byte). */
    GElf_Off Offset = 0;
    GElf_Sym Symbol;
    Dwarf_Addr Lookup = Address - 1;
    const char *Name = dwfl_module_addrinfo(Module, Lookup, &Offset, &Symbol, NULL, NULL, NULL);
    if (Name == NULL) {
        return false; /* the module is known, the address has no symbol */
    }
    int Used = snprintf(Text, Size, "%s+0x%llx", Name,
                        (unsigned long long)(Offset + (Address - Lookup)));
    int LineNumber = 0;
    const char *File = HostSourceLine(Module, Lookup, &LineNumber);
    if (File != NULL && Used > 0 && (size_t)Used < Size) {
        const char *Slash = strrchr(File, '/');
        snprintf(Text + Used, Size - (size_t)Used, ", %s:%d", Slash ? Slash + 1 : File,
                 LineNumber);
    }
    return true;
}

static bool HostSymbolize(void *Frame, char *Text, size_t Size)
{
    bool Found = false;
    pthread_mutex_lock(&HostDwflLock);
    size_t Slot = ((uintptr_t)Frame >> 2) % HOST_SYMBOL_CACHE;
    if (HostSymbolCache[Slot].Frame == Frame && HostDwfl != NULL) {
        Found = HostSymbolCache[Slot].Found;
        snprintf(Text, Size, "%s", HostSymbolCache[Slot].Text);
        pthread_mutex_unlock(&HostDwflLock);
        return Found;
    }
    Dwarf_Addr Address = (Dwarf_Addr)(uintptr_t)Frame;
    for (int Attempt = 0; Attempt < 2 && !Found; Attempt++) {
        if (HostDwfl != NULL && Attempt > 0) {
            if (dwfl_addrmodule(HostDwfl, Address) != NULL) {
                break; /* the module is known, the address has no symbol */
            }
            dwfl_end(HostDwfl);
            HostDwfl = NULL;
        }
        if (HostDwfl == NULL) {
            HostDwfl = HostDwflOpen(getpid());
        }
        Found = HostSymbolizeIn(HostDwfl, Address, Text, Size);
    }
    /* A session reopened since (a new module) keeps the old answers: the
     * addresses of loaded code do not move. */
    HostSymbolCache[Slot].Frame = Frame;
    HostSymbolCache[Slot].Found = Found;
    snprintf(HostSymbolCache[Slot].Text, sizeof(HostSymbolCache[Slot].Text), "%s",
             Found && Size > 0 ? Text : "");
    pthread_mutex_unlock(&HostDwflLock);
    return Found;
}
#endif

char *HostDescribeFrame(void *Frame, char *Text, size_t Size)
{
#if defined(MMSIM_HAVE_LIBDW)
    char Symbol[384];
    const char *Owner;
    uint64_t OwnerOffset;
    if (HostFrameModuleOffset(Frame, &Owner, &OwnerOffset) &&
        HostSymbolize(Frame, Symbol, sizeof(Symbol))) {
        snprintf(Text, Size, "%s+0x%llx (%s)", Owner, (unsigned long long)OwnerOffset, Symbol);
        return Text;
    }
#endif
    Dl_info Info;
    if (dladdr(Frame, &Info) == 0 || Info.dli_fname == NULL) {
        snprintf(Text, Size, "%p", Frame);
        return Text;
    }
    const char *Slash = strrchr(Info.dli_fname, '/');
    const char *Module = Slash != NULL ? Slash + 1 : Info.dli_fname;
    uintptr_t Offset = (uintptr_t)Frame - (uintptr_t)Info.dli_fbase;
    if (Info.dli_sname != NULL) {
        snprintf(Text, Size, "%s+0x%llx (%s+0x%llx)", Module, (unsigned long long)Offset,
                 Info.dli_sname,
                 (unsigned long long)((uintptr_t)Frame - (uintptr_t)Info.dli_saddr));
    } else {
        snprintf(Text, Size, "%s+0x%llx", Module, (unsigned long long)Offset);
    }
    return Text;
}

/* Frames named by the fault runner (docs/verifier.md, "Fork server"): the
 * processes of a fork server write a recorded frame as
 * "module+0xOFF@PID:0xADDRESS" (PID the server's, ADDRESS the frame's there:
 * every process the server forks shares its layout), and the runner names
 * it from the server's modules, as HostDescribeFrame would have: no run
 * opens a libdw session or looks up symbols for its record (6% of a forked
 * run); the runner opens one session per server. */
static pid_t HostFrameServer; /* nonzero: frames are left to the runner to name */

void HostLeaveFrameNamesToRunner(void)
{
#if defined(MMSIM_HAVE_LIBDW)
    HostFrameServer = getpid(); /* without libdw the runner could not name them */
#endif
}

bool HostFrameNamesLeftToRunner(void)
{
    return HostFrameServer != 0;
}

char *HostDescribeFrameUnnamed(void *Frame, char *Text, size_t Size)
{
    const char *Owner;
    uint64_t Offset;
    if (HostFrameServer == 0 || !HostFrameModuleOffset(Frame, &Owner, &Offset)) {
        return HostDescribeFrame(Frame, Text, Size);
    }
    snprintf(Text, Size, "%s+0x%llx@%ld:0x%llx", Owner, (unsigned long long)Offset,
             (long)HostFrameServer, (unsigned long long)(uintptr_t)Frame);
    return Text;
}

#if defined(MMSIM_HAVE_LIBDW)
/* The runner's sessions, one per server that named frames (a few). */
#define HOST_SERVER_SESSIONS 64
static struct {
    pid_t Pid;
    Dwfl *Session;
} HostServerSessions[HOST_SERVER_SESSIONS];

static Dwfl *HostServerSession(pid_t Pid)
{
    size_t Free = HOST_SERVER_SESSIONS;
    for (size_t i = 0; i < HOST_SERVER_SESSIONS; i++) {
        if (HostServerSessions[i].Pid == Pid && HostServerSessions[i].Session != NULL) {
            return HostServerSessions[i].Session;
        }
        Free = HostServerSessions[i].Session == NULL && Free == HOST_SERVER_SESSIONS ? i : Free;
    }
    if (Free == HOST_SERVER_SESSIONS) {
        Free = (size_t)Pid % HOST_SERVER_SESSIONS; /* evict one */
        dwfl_end(HostServerSessions[Free].Session);
        HostServerSessions[Free].Session = NULL;
    }
    Dwfl *Session = HostDwflOpen(Pid); /* NULL once the server is gone */
    if (Session != NULL) {
        HostServerSessions[Free].Pid = Pid;
        HostServerSessions[Free].Session = Session;
    }
    return Session;
}

/* run22: the servers of one runner all run one program (the same files, at
 * other addresses: address-space randomisation), so a frame is named by its
 * module and offset, "module+0xOFF", and one session - the first server's -
 * names the frames of every server: a module of it holds the same function
 * at the same offset in each. Before, each server had a session of its own
 * (its modules found and their symbol tables read again: about 0.8 ms a
 * server, paid while an explorer waited for its answer). A module the first
 * server has not mapped (loaded later in another) is named from its own
 * server's session, as before. */
typedef struct _HOST_SESSION_MODULE {
    char Name[128]; /* after the last '/', as a frame's module */
    Dwarf_Addr Start;
} HOST_SESSION_MODULE;
#define HOST_SESSION_MODULES 128
static pid_t HostProgramPid; /* the session that names every server's frames */
static HOST_SESSION_MODULE HostProgramModules[HOST_SESSION_MODULES];
static size_t HostProgramModuleCount;

static int HostListModule(Dwfl_Module *Module, void **UserData, const char *Name,
                          Dwarf_Addr Start, void *Context)
{
    (void)Module, (void)UserData, (void)Context;
    const char *Slash = Name != NULL ? strrchr(Name, '/') : NULL;
    const char *Base = Slash != NULL ? Slash + 1 : Name;
    if (Base != NULL && HostProgramModuleCount < HOST_SESSION_MODULES &&
        strlen(Base) < sizeof(HostProgramModules[0].Name)) {
        HOST_SESSION_MODULE *Entry = &HostProgramModules[HostProgramModuleCount++];
        snprintf(Entry->Name, sizeof(Entry->Name), "%s", Base);
        Entry->Start = Start;
    }
    return DWARF_CB_OK;
}

/* Where module Module's offset Offset lies in the program session's
 * process (opened for Pid if there is none); false if that process has no
 * module of that name, or two. */
static bool HostProgramAddress(pid_t Pid, const char *Module, uint64_t Offset, Dwfl **Session,
                               Dwarf_Addr *Address)
{
    if (HostProgramPid == 0) {
        Dwfl *First = HostServerSession(Pid);
        if (First == NULL) {
            return false;
        }
        HostProgramPid = Pid;
        HostProgramModuleCount = 0;
        dwfl_getmodules(First, HostListModule, NULL, 0);
    }
    const HOST_SESSION_MODULE *Found = NULL;
    for (size_t i = 0; i < HostProgramModuleCount; i++) {
        if (strcmp(HostProgramModules[i].Name, Module) == 0) {
            if (Found != NULL) {
                return false; /* two files of one name: which one is ambiguous */
            }
            Found = &HostProgramModules[i];
        }
    }
    *Session = Found != NULL ? HostServerSession(HostProgramPid) : NULL;
    if (*Session == NULL) {
        return false;
    }
    *Address = Found->Start + Offset;
    return true;
}

/* The names found, by module and offset: libdw scans a module's whole
 * symbol table for each address, and the runner meets the same frames in
 * stack after stack, and in every server (allocated in the runner alone, at
 * its first frame). */
#define HOST_SERVER_NAMES 4096
typedef struct _HOST_SERVER_NAME {
    char Module[128];
    uint64_t Offset;
    bool Found;
    char Text[384];
} HOST_SERVER_NAME;
static HOST_SERVER_NAME *HostServerNames;

static bool HostNameServerFrame(const char *Module, uint64_t Offset, pid_t Pid, uintptr_t Address,
                                char *Text, size_t Size)
{
    if (HostServerNames == NULL) {
        HostServerNames = (HOST_SERVER_NAME *)calloc(HOST_SERVER_NAMES, sizeof(HOST_SERVER_NAME));
    }
    uint64_t Hash = 0xCBF29CE484222325ull ^ Offset;
    for (const char *c = Module; *c != '\0'; c++) {
        Hash = (Hash ^ (unsigned char)*c) * 0x100000001B3ull;
    }
    bool Cacheable = strlen(Module) < sizeof(HostServerNames[0].Module);
    HOST_SERVER_NAME *Slot = HostServerNames != NULL && Cacheable
                                 ? &HostServerNames[(Hash ^ (Hash >> 29)) % HOST_SERVER_NAMES]
                                 : NULL;
    if (Slot != NULL && Slot->Offset == Offset && strcmp(Slot->Module, Module) == 0) {
        snprintf(Text, Size, "%s", Slot->Text);
        return Slot->Found;
    }
    Dwfl *Session = NULL;
    Dwarf_Addr Where = 0;
    bool Found;
    if (HostProgramAddress(Pid, Module, Offset, &Session, &Where)) {
        Found = HostSymbolizeIn(Session, Where, Text, Size);
    } else {
        Found = HostSymbolizeIn(HostServerSession(Pid), (Dwarf_Addr)Address, Text, Size);
    }
    if (Slot != NULL) {
        snprintf(Slot->Module, sizeof(Slot->Module), "%s", Module);
        Slot->Offset = Offset;
        Slot->Found = Found;
        snprintf(Slot->Text, sizeof(Slot->Text), "%s", Found && Size > 0 ? Text : "");
    }
    return Found;
}
#endif

char *HostNameFrames(const char *Text)
{
    size_t Frames = 1;
    for (const char *At = strchr(Text, '@'); At != NULL; At = strchr(At + 1, '@')) {
        Frames++;
    }
    size_t Size = strlen(Text) + Frames * 400, Used = 0; /* each name is below 388 */
    char *Named = (char *)malloc(Size);
    if (Named == NULL) {
        return NULL;
    }
    size_t Token = 0; /* where the current word ("module+0xOFF") starts in Named */
    for (const char *At = Text; *At != '\0';) {
        long Pid = 0;
        unsigned long long Address = 0;
        int Length = 0;
        if (*At == '@' && sscanf(At, "@%ld:0x%llx%n", &Pid, &Address, &Length) == 2 &&
            Length > 0 && Pid > 0) {
            char Symbol[384];
            bool Found = false;
#if defined(MMSIM_HAVE_LIBDW)
            /* The word before '@': module+0xOFF. */
            Named[Used] = '\0';
            char Module[256];
            unsigned long long Offset = 0;
            const char *Plus = NULL;
            for (size_t i = Token; i + 2 < Used; i++) {
                if (Named[i] == '+' && Named[i + 1] == '0' && Named[i + 2] == 'x') {
                    Plus = &Named[i];
                }
            }
            if (Plus != NULL && (size_t)(Plus - &Named[Token]) < sizeof(Module) &&
                sscanf(Plus, "+0x%llx", &Offset) == 1) {
                memcpy(Module, &Named[Token], (size_t)(Plus - &Named[Token]));
                Module[Plus - &Named[Token]] = '\0';
                Found = HostNameServerFrame(Module, (uint64_t)Offset, (pid_t)Pid,
                                            (uintptr_t)Address, Symbol, sizeof(Symbol));
            }
#endif
            if (Found) {
                int Put = snprintf(Named + Used, Size - Used, " (%s)", Symbol);
                Used += Put > 0 && (size_t)Put < Size - Used ? (size_t)Put : 0;
            }
            At += Length;
            continue;
        }
        if (Used + 1 < Size) {
            Named[Used++] = *At;
            Token = *At == ' ' ? Used : Token;
        }
        At++;
    }
    (void)Token; /* only libdw names frames */
    Named[Used] = '\0';
    return Named;
}

/* ---------------------------------------------------------------------- */
/* fork().                                                                */
/* ---------------------------------------------------------------------- */
void HostOnFork(void (*Prepare)(void), void (*Parent)(void), void (*Child)(void))
{
    pthread_atfork(Prepare, Parent, Child);
}

/* A view of one of the simulator's memory objects in system space. */
typedef struct _HOST_FORK_RUN {
    uintptr_t Start, End;
    bool Readable, Writable;
    uint64_t Offset;
    int Object; /* HOST_FORK_PHYSICAL or HOST_FORK_DEVICE */
} HOST_FORK_RUN;

#define HOST_FORK_PHYSICAL 0
#define HOST_FORK_DEVICE   1
#define HOST_FORK_OBJECTS  2

/* A memory object being copied: the old descriptor, the host's identity of
 * its file (so a view is told by what it shows, not by its name: device
 * memory's views must not become views of the copy of RAM), the copy. */
typedef struct _HOST_FORK_OBJECT {
    int OldFd, NewFd;
    uint64_t Bytes;
    unsigned DevMajor, DevMinor;
    uint64_t Inode;
} HOST_FORK_OBJECT;

typedef struct _HOST_FORK_RUNS {
    HOST_FORK_OBJECT Objects[HOST_FORK_OBJECTS];
    HOST_FORK_RUN *Runs;
    size_t Count, Capacity;
    bool OutOfMemory;
} HOST_FORK_RUNS;

#if defined(__linux__)
static void HostCollectRun(void *Context, const HOST_VMA *Vma)
{
    HOST_FORK_RUNS *List = (HOST_FORK_RUNS *)Context;
    int Object = 0;
    while (Object < HOST_FORK_OBJECTS &&
           (List->Objects[Object].OldFd < 0 || List->Objects[Object].Inode != Vma->Inode ||
            List->Objects[Object].DevMajor != Vma->DevMajor ||
            List->Objects[Object].DevMinor != Vma->DevMinor)) {
        Object++;
    }
    if (Object == HOST_FORK_OBJECTS || List->OutOfMemory) {
        return;
    }
    if (List->Count == List->Capacity) {
        size_t Capacity = List->Capacity != 0 ? List->Capacity * 2 : 64;
        HOST_FORK_RUN *Grown = (HOST_FORK_RUN *)realloc(List->Runs, Capacity * sizeof(*Grown));
        if (Grown == NULL) {
            List->OutOfMemory = true;
            return;
        }
        List->Runs = Grown;
        List->Capacity = Capacity;
    }
    List->Runs[List->Count++] =
        (HOST_FORK_RUN){Vma->Start, Vma->End, Vma->Readable, Vma->Writable, Vma->Offset, Object};
}
#endif

/* Copies [At, End) of one object into the other at the same offsets, in
 * the kernel (copy_file_range: no pages of the old object are faulted into
 * this process, nor copied through it); a host without it reads and writes. */
static bool HostCopyRange(int From, int To, uint64_t At, uint64_t End)
{
#if defined(__linux__)
    while (At < End) {
        off_t In = (off_t)At, Out = (off_t)At;
        ssize_t Copied = copy_file_range(From, &In, To, &Out, (size_t)(End - At), 0);
        if (Copied < 0 && errno == EINTR) {
            continue;
        }
        if (Copied <= 0) {
            break; /* refused (an older kernel, another file system): copy below */
        }
        At += (uint64_t)Copied;
    }
#endif
    char Buffer[16384];
    while (At < End) {
        size_t Chunk = End - At < sizeof(Buffer) ? (size_t)(End - At) : sizeof(Buffer);
        ssize_t Got = pread(From, Buffer, Chunk, (off_t)At);
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got <= 0) {
            return false;
        }
        for (ssize_t Done = 0; Done < Got;) {
            ssize_t Put = pwrite(To, Buffer + Done, (size_t)(Got - Done), (off_t)At + Done);
            if (Put < 0 && errno == EINTR) {
                continue;
            }
            if (Put <= 0) {
                return false;
            }
            Done += Put;
        }
        At += (uint64_t)Got;
    }
    return true;
}

/* A new object of Bytes holding the parts of From that hold data (holes
 * read as zero in the new one too): the cost follows the memory used, not
 * the machine size. -1 on failure. */
static int HostCopyObject(int From, uint64_t Bytes, const char *Name)
{
    int To = HostNewObject(Name, strcmp(HostBackend, "memfd") == 0,
                           strcmp(HostBackend, "shm_open") == 0);
    if (To < 0 || ftruncate(To, (off_t)Bytes) != 0) {
        goto Failed;
    }
    for (uint64_t Offset = 0; Offset < Bytes;) {
        uint64_t Data = Offset, Hole = Bytes;
#if defined(SEEK_DATA) && defined(SEEK_HOLE)
        off_t Found = lseek(From, (off_t)Offset, SEEK_DATA);
        if (Found < 0) {
            if (errno == ENXIO) {
                break; /* only holes from here on */
            }
            Found = (off_t)Offset; /* no hole support: copy everything */
        } else {
            off_t End = lseek(From, Found, SEEK_HOLE);
            Hole = End < 0 ? Bytes : (uint64_t)End;
        }
        Data = (uint64_t)Found;
#endif
        if (Hole > Bytes) {
            Hole = Bytes;
        }
        if (!HostCopyRange(From, To, Data, Hole)) {
            goto Failed;
        }
        Offset = Hole;
    }
    return To;
Failed:
    if (To >= 0) {
        int Error = errno;
        close(To);
        errno = Error;
    }
    return -1;
}

/* A child left without a copy: no view of the parent's memory may stay
 * usable (mprotect never needs a new mapping over whole mappings). */
static void HostRevokeShared(void *Base, uint64_t Bytes)
{
    mprotect(Base, Bytes, PROT_NONE);
    mprotect(HostPhysMap, HostPhysBytes, PROT_NONE);
}

bool HostPhysPrivatize(void *Base, uint64_t Bytes, char *Why, size_t WhySize)
{
    if (HostPhysFd < 0) {
        return true; /* no machine: nothing shared */
    }
#if defined(__linux__)
    /* Physical memory and device memory (mmdev), each copied to an object of
     * its own; every view of either in system space is found from the
     * host's list of mappings, which is what there is to replace. */
    HOST_FORK_RUNS List;
    memset(&List, 0, sizeof(List));
    List.Objects[HOST_FORK_PHYSICAL] = (HOST_FORK_OBJECT){HostPhysFd, -1, HostPhysBytes, 0, 0, 0};
    List.Objects[HOST_FORK_DEVICE] = (HOST_FORK_OBJECT){HostDeviceFd, -1, HostDeviceBytes, 0, 0, 0};
    static const char *const Names[HOST_FORK_OBJECTS] = {"mmsim-physical-memory",
                                                        "mmsim-device-memory"};
    for (int i = 0; i < HOST_FORK_OBJECTS; i++) {
        struct stat Info;
        if (List.Objects[i].OldFd >= 0 && fstat(List.Objects[i].OldFd, &Info) != 0) {
            snprintf(Why, WhySize, "cannot identify the %s memory object: %s",
                     i == HOST_FORK_PHYSICAL ? "physical" : "device", strerror(errno));
            HostRevokeShared(Base, Bytes);
            return false;
        }
        if (List.Objects[i].OldFd >= 0) {
            List.Objects[i].DevMajor = major(Info.st_dev);
            List.Objects[i].DevMinor = minor(Info.st_dev);
            List.Objects[i].Inode = (uint64_t)Info.st_ino;
        }
    }
    if (!HostWalkMappings((uintptr_t)Base, (uintptr_t)Base + Bytes, HostCollectRun, &List) ||
        List.OutOfMemory) {
        snprintf(Why, WhySize, "cannot list the host mappings of system space: %s",
                 strerror(errno));
        free(List.Runs);
        HostRevokeShared(Base, Bytes);
        return false;
    }
    bool Ok = true;
    for (int i = 0; i < HOST_FORK_OBJECTS && Ok; i++) {
        if (List.Objects[i].OldFd >= 0) {
            List.Objects[i].NewFd =
                HostCopyObject(List.Objects[i].OldFd, List.Objects[i].Bytes, Names[i]);
            Ok = List.Objects[i].NewFd >= 0;
            if (!Ok) {
                snprintf(Why, WhySize, "cannot copy %s memory: %s",
                         i == HOST_FORK_PHYSICAL ? "physical" : "device", strerror(errno));
            }
        }
    }
    /* Every view of an old object is replaced in place, one host call per
     * mapping, so addresses, protections and the number of mappings stay.
     * Not pre-faulted: a view's pages are mapped when the child touches
     * them, and most it never does before it exits. */
    for (size_t i = 0; i < List.Count && Ok; i++) {
        const HOST_FORK_RUN *Run = &List.Runs[i];
        int Prot = (Run->Readable ? PROT_READ : 0) | (Run->Writable ? PROT_WRITE : 0);
        Ok = HostSpaceMmap((void *)Run->Start, Run->End - Run->Start, Prot,
                           MAP_SHARED | MAP_FIXED, List.Objects[Run->Object].NewFd,
                           (off_t)Run->Offset) != MAP_FAILED;
        if (!Ok) {
            snprintf(Why, WhySize, "cannot map the copy of physical memory: %s", strerror(errno));
        }
    }
    if (Ok && mmap(HostPhysMap, HostPhysBytes, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_FIXED | MAP_NORESERVE,
                   List.Objects[HOST_FORK_PHYSICAL].NewFd, 0) == MAP_FAILED) {
        snprintf(Why, WhySize, "cannot map the copy of physical memory: %s", strerror(errno));
        Ok = false;
    }
    free(List.Runs);
    for (int i = 0; i < HOST_FORK_OBJECTS; i++) {
        int Drop = Ok ? List.Objects[i].OldFd : List.Objects[i].NewFd;
        if (Drop >= 0) {
            close(Drop);
        }
    }
    if (!Ok) {
        HostRevokeShared(Base, Bytes);
        return false;
    }
    HostPhysFd = List.Objects[HOST_FORK_PHYSICAL].NewFd;
    if (HostDeviceFd >= 0) {
        HostDeviceFd = List.Objects[HOST_FORK_DEVICE].NewFd;
    }
    return true;
#else
    /* No list of the host's mappings (HostForEachMapping): no view could be
     * found to replace. */
    snprintf(Why, WhySize, "this host cannot list its mappings");
    HostRevokeShared(Base, Bytes);
    return false;
#endif
}

/* setup20 */
void HostClearTable(void *Table, uint64_t Offset, uint64_t Bytes)
{
    uint8_t *Start = (uint8_t *)Table + Offset, *End = Start + Bytes;
    const uintptr_t Page = 4096;
    uint8_t *Inner = (uint8_t *)(((uintptr_t)Start + Page - 1) & ~(Page - 1));
    uint8_t *InnerEnd = (uint8_t *)((uintptr_t)End & ~(Page - 1));
    /* Below 64 KiB a system call and the page faults after it cost more
     * than the stores. Private anonymous pages read as zero after
     * MADV_DONTNEED. */
    if (Bytes < 65536 || InnerEnd <= Inner ||
        madvise(Inner, (size_t)(InnerEnd - Inner), MADV_DONTNEED) != 0) {
        memset(Start, 0, (size_t)Bytes);
        return;
    }
    memset(Start, 0, (size_t)(Inner - Start));
    memset(InnerEnd, 0, (size_t)(End - InnerEnd));
}

/* HostReserve's slide: up to 1 GiB, in whole 2 MiB units. */
#define HOST_SLIDE_SLACK (1ull << 30)
#define HOST_SLIDE_UNIT  (2ull << 20)

void *HostReserveRegion(uint64_t Bytes, uint64_t *RegionBytes)
{
    uint8_t *Region = (uint8_t *)mmap(NULL, Bytes + HOST_SLIDE_SLACK, PROT_NONE,
                                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (Region == MAP_FAILED) {
        return NULL;
    }
    *RegionBytes = Bytes + HOST_SLIDE_SLACK;
    return Region;
}

void *HostRegionSlide(void *Region, uint64_t Random)
{
    return (uint8_t *)Region + (Random % (HOST_SLIDE_SLACK / HOST_SLIDE_UNIT)) * HOST_SLIDE_UNIT;
}

/* ---------------------------------------------------------------------- */
/* user17: host-served first touches of the user range.                   */
/* ---------------------------------------------------------------------- */
bool HostMapPrivate(void *Va, uint64_t Bytes, bool Writable)
{
    int Prot = PROT_READ | (Writable ? PROT_WRITE : 0);
    void *Got = HostSpaceMmap(Va, (size_t)Bytes, Prot,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    if (Got == MAP_FAILED) {
        (void)HostUnmapRun(Va, Bytes);
        return false;
    }
#if defined(MADV_NOHUGEPAGE)
    /* A huge page would make 512 pages resident at one touch. */
    (void)madvise(Va, (size_t)Bytes, MADV_NOHUGEPAGE);
#endif
    return true;
}

bool HostProtectNone(void *Va, uint64_t Bytes)
{
    return mprotect(Va, (size_t)Bytes, PROT_NONE) == 0;
}

bool HostResidentPages(void *Va, uint64_t Bytes, uint8_t *Resident)
{
#if defined(__linux__)
    size_t Pages = (size_t)(Bytes / 4096);
    if (mincore(Va, (size_t)Bytes, (unsigned char *)Resident) != 0) {
        return false;
    }
    for (size_t i = 0; i < Pages; i++) {
        Resident[i] &= 1;
    }
    return true;
#else
    (void)Va;
    (void)Bytes;
    (void)Resident;
    return false; /* no dependable residency of anonymous memory */
#endif
}

/* tidy */
bool HostIsStreamFile(const char *Path)
{
    struct stat Info;
    return stat(Path, &Info) == 0 && !S_ISREG(Info.st_mode) && !S_ISDIR(Info.st_mode);
}
