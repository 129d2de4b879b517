/*
 * host.h - the only interface to the host OS. Everything OS-specific lives in
 * sim/host/; the rest of the simulator calls these functions.
 */
#ifndef MMSIM_HOST_H
#define MMSIM_HOST_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Physical memory: one shared-memory object of Bytes bytes. Backend: 0 =
 * default (memfd where available), 1 = memfd, 2 = shm_open. Returns false
 * and fills Why on failure. */
/* Addresses below this are never mapped (Linux mmap_min_addr is 64 KiB by
 * default): a fault there is a NULL-pointer dereference. */
#define HOST_NULL_GUARD 0x10000u

bool HostPhysCreate(uint64_t Bytes, int Backend, char *Why, size_t WhySize);
void HostPhysDestroy(void);
/* A host view of all physical memory, for the simulator's own accesses
 * (zeroing, fills, invariant checks). Never seen by driver code. */
uint8_t *HostPhysView(void);
/* Gives the pages back to the host; they read as zero afterwards. */
void HostPhysDiscard(uint64_t Offset, uint64_t Bytes);
const char *HostPhysBackendName(void);

/* mmdev: device memory. A second shared-memory object of Bytes bytes (zero
 * filled) backing the simulated device ranges, which are not RAM; mapped
 * into system space like physical memory, so two mappings of one device page
 * alias. Returns false and fills Why on failure. */
bool HostDeviceCreate(uint64_t Bytes, char *Why, size_t WhySize);
void HostDeviceDestroy(void);
/* HostMapRun for Bytes of the device object at DeviceOffset. */
bool HostMapDeviceRun(void *Va, uint64_t DeviceOffset, uint64_t Bytes, bool Writable);

/* System address space: one inaccessible reservation of Bytes bytes at a
 * randomized base (RandomPages of random slack). NULL on failure. */
void *HostReserve(uint64_t Bytes, uint64_t Random);
void HostRelease(void *Base, uint64_t Bytes);
/* An inaccessible reservation of Bytes exactly at Hint, or NULL if the host
 * cannot place it there (something is mapped there, or no fixed placement). */
void *HostReserveAt(void *Hint, uint64_t Bytes);

/* The simulator's sparse tables (PFN database, emulated PTEs, bitmaps):
 * Bytes of zero-filled read-write memory, reserved at once but given host
 * pages only where written, so a table sized for 1 TiB costs what is used.
 * NULL if the host refuses the address space. HostFreeTable returns it in
 * time proportional to the pages written. */
void *HostAllocTable(uint64_t Bytes);
void HostFreeTable(void *Table, uint64_t Bytes);

/* Maps Bytes of physical memory at PhysOffset at Va (inside the reservation),
 * pre-faulted, shared (so aliases are real). Returns false if the host refuses
 * (e.g. vm.max_map_count), leaving Va inaccessible. */
bool HostMapRun(void *Va, uint64_t PhysOffset, uint64_t Bytes, bool Writable);
/* Makes Va..Va+Bytes inaccessible again. Returns false if the host refused
 * (splitting a mapping needs a new one: at the host's limit it cannot be
 * done); the range may then still be accessible, and the caller must stop. */
bool HostUnmapRun(void *Va, uint64_t Bytes);
/* The host's limit on mappings per process (Linux: vm.max_map_count), or 0
 * if it has none the simulator could reach. Read once per call. */
uint64_t HostMappingLimit(void);
/* Changes a mapped run's protection (read-only or read-write). */
bool HostProtectRun(void *Va, uint64_t Bytes, bool Writable);

/* Fault trap: Handler gets the faulting address, whether it was a write and
 * the faulting instruction address. It returns true if the access should be
 * retried (the page was made valid) and does not return otherwise. Faults
 * outside [Base, Base+Bytes) are passed on to the host's default action. */
typedef bool (*HOST_FAULT_HANDLER)(void *Address, bool Write, void *CodeAddress);
void HostInstallFaultTrap(void *Base, uint64_t Bytes, HOST_FAULT_HANDLER Handler);
/* A small fixed set of trapped ranges, each with its handler: slot 0 is the
 * one HostInstallFaultTrap sets (system space; it also takes the NULL guard),
 * slot 1 the simulated user address space. Bytes 0 frees the slot. */
#define HOST_TRAP_RANGES 4
void HostInstallFaultTrapRange(unsigned Slot, void *Base, uint64_t Bytes,
                               HOST_FAULT_HANDLER Handler);
void HostRemoveFaultTrap(void);
/* Re-installs the trap if someone replaced it (CMocka swaps SIGSEGV handlers
 * around every test). POSIX: the handlers are read once after the trap's
 * ranges move (a machine built), a no-op until they move again: the
 * interposed sigaction()/signal() cannot displace the trap (docs/hosts.md). */
void HostArmFaultTrap(void);
/* Unblocks the fault signals in the calling thread (before a longjmp out of
 * the fault trap, whatever flags the handler was installed with). */
void HostUnblockFaultSignals(void);

/* Calls Visit for every host mapping overlapping [Base, Base+Bytes), clipped
 * to it, in address order. Physical = the mapping shows the physical memory
 * object (then Offset is the object offset of Start). Returns false if the
 * host cannot enumerate its mappings. */
typedef void (*HOST_MAPPING_VISITOR)(void *Context, uintptr_t Start, uintptr_t End, bool Readable,
                                     bool Writable, bool Physical, uint64_t Offset);
bool HostForEachMapping(void *Base, uint64_t Bytes, HOST_MAPPING_VISITOR Visit, void *Context);

/* fork(): Prepare runs before every fork() of the process, Parent and Child
 * after it in each (pthread_atfork). Hosts without fork never call them. */
void HostOnFork(void (*Prepare)(void), void (*Parent)(void), void (*Child)(void));
/* In a forked child: gives the process its own physical memory object, a
 * copy of the parent's, and points the physical view and every mapping of
 * the old object inside [Base, Base+Bytes) at it. On failure (Why says why)
 * nothing in the range or the view stays accessible. */
bool HostPhysPrivatize(void *Base, uint64_t Bytes, char *Why, size_t WhySize);

/* Number of host mappings (VMAs) the process has, or -1 if unknown. */
long HostMappingCount(void);

/* The calling thread's stack, one frame a line, to Fd. Symbolize: with
 * function+offset and file:line where debug info exists (not safe in a signal
 * handler); otherwise only what is safe there (module+offset). */
void HostBacktrace(int Fd, bool Symbolize);
/* Writes out what stdout and stderr hold before the process ends without
 * exit()'s flush, never waiting: a stream another thread has locked is
 * skipped. InTrap: called from the fault trap, whose fault at TrapCode may
 * have interrupted a stdio call of this very thread; then nothing is flushed
 * if TrapCode is inside the C library (or unknown). */
void HostFlushOutput(bool InTrap, void *TrapCode);
uint64_t HostRandomSeed(void);
uint64_t HostNowNs(void);
/* Gives the rest of the time slice away (spin waits). */
void HostYield(void);
/* Wall-clock time: nanoseconds since 1970-01-01 00:00 UTC. */
uint64_t HostWallClockNs(void);
/* Host logical processors online (at least 1), and the number of the one the
 * calling thread runs on now (0 where the host cannot tell; numbers need not
 * be dense, so the caller folds it below the count). */
uint32_t HostProcessorCount(void);
uint32_t HostCurrentProcessor(void);

/* Return addresses of the calling thread's stack, innermost first; returns
 * how many were stored (0 where the host cannot walk stacks). */
int HostCaptureStack(void **Frames, int Max);
/* One frame as "module+0xOFFSET (function+0xOFF)", with ", file.c:LINE"
 * inside the parentheses where debug info says. Frame is taken for a return
 * address: function and line are those of the call before it (for an exact
 * instruction address, the instruction before it). The module offset is
 * stable across runs of one binary despite address-space randomisation. Not
 * for signal handlers. Returns Text. */
char *HostDescribeFrame(void *Frame, char *Text, size_t Size);
/* The frame's module and offset in it (for stack identities); false if
 * unknown. */
bool HostFrameModuleOffset(void *Frame, const char **ModuleName, uint64_t *Offset);

/* Frames the fault runner names (posix.c; docs/verifier.md "Fork server"):
 * a fork server's processes describe a recorded frame as
 * "module+0xOFF@PID:0xADDRESS" (HostDescribeFrameUnnamed; unchanged from
 * HostDescribeFrame where the host cannot name it later), and the runner
 * turns every such frame of Text into HostDescribeFrame's form, naming it
 * from server PID's modules (HostNameFrames: malloc'd; a frame it cannot
 * name keeps "module+0xOFF"). */
void HostLeaveFrameNamesToRunner(void);
bool HostFrameNamesLeftToRunner(void);
char *HostDescribeFrameUnnamed(void *Frame, char *Text, size_t Size);
char *HostNameFrames(const char *Text);

/* A thread the simulator starts and joins (worker threads, the clock thread,
 * system threads). The thread records its kernel id before it runs Routine;
 * HostThreadJoin joins it and then waits until the kernel has let it go:
 * pthread_join returns when the thread's id word is cleared, which Linux
 * does before it takes the thread out of the process's thread count
 * (HostThreadCount), so a count read right after a join can still hold it
 * (the fault runner's explorer, forking only when it is alone, took such a
 * thread for a live one). The record must outlive the thread. */
typedef struct _HOST_THREAD {
    pthread_t Thread;
    void *(*Routine)(void *);
    void *Context;
    long Id; /* the thread's kernel id, written by it before Routine runs */
} HOST_THREAD;
/* 0, or pthread_create's error. */
int HostThreadCreate(HOST_THREAD *Thread, void *(*Routine)(void *), void *Context);
void HostThreadJoin(HOST_THREAD *Thread);

/* The fault runner's fork server (fork_server.c; POSIX hosts only, where
 * `mmsim faults` forks): serves runs on the two pipe descriptors the runner
 * passed. Returns false at once if they are not pipes; otherwise returns
 * only in a forked child that is to become a run (the server itself ends
 * with _exit when the runner closes the request pipe). Reply kinds: */
#if !defined(_WIN32)
enum { HOST_FORK_HELLO = 1, HOST_FORK_STARTED, HOST_FORK_ENDED, HOST_FORK_REFUSED };
bool HostServeForks(int RequestFd, int ReplyFd);
/* Reads exactly Size bytes (retrying EINTR); false at end of file or error. */
bool HostReadAll(int Fd, void *Buffer, size_t Size);
/* The process's threads, or 0 if unknown (field 20 of /proc/self/stat on
 * Linux); allocates nothing, so it may run inside fork(). */
long HostThreadCount(void);

/* Fork at the failing call (fork_server.c; docs/verifier.md "Fork at the
 * failing call"): a run explores one test with MMSIM_FAULTS=explore=R,W. At
 * the first call of each stack the explorer forks a child that becomes the
 * run failing that call: on standing orders it forks unasked and notes it
 * afterwards (HOST_EXPLORE_FORKED); otherwise (--shard) it asks the runner
 * first (a note on W, an answer on R). It waits for the child or (a core is
 * free) goes on and reaps it later.
 * Notes and answers are single writes below PIPE_BUF (atomic on a pipe
 * several processes share). */
enum {
    HOST_EXPLORE_ASK = 1, /* Line: a first call's stack ("ID site frames"); an answer follows */
    HOST_EXPLORE_STARTED, /* Value: the child's pid (its own process group) */
    HOST_EXPLORE_ENDED,   /* Child ended, Value: its wait status */
    HOST_EXPLORE_UNSAFE,  /* Line: not forked (another thread alive, or fork refused: Value errno) */
    HOST_EXPLORE_SEEN,    /* Line: a first call in a process the test forked: not forkable */
    /* run22: an explorer the runner gave standing orders (a "!" entry of its
     * request, fork_server.c) asks nothing: it forks at every first call and
     * says so after the fact. */
    HOST_EXPLORE_FORKED,  /* Line: the stack, Child: the child's pid, Value: 1 waits, 2 goes on */
    HOST_EXPLORE_UNFORKED, /* Line: not forked (another thread alive, or fork refused: Value errno) */
    /* suite23: a shared explorer (a "!S" entry of its request) ended a test:
     * Value its CMocka group's result, Child 1 if it goes on with the next
     * test the runner names (it passed, with every call forked at). The
     * runner's answer, sent after this note or ahead of it (while the test
     * ran): Fork 3 (the next test: its log Log, its stack record Record, its
     * children's files ParentLog ID.log and .stacks) or 4 (stop: return to
     * main and exit). */
    HOST_EXPLORE_TEST_ENDED
};
typedef struct _HOST_EXPLORE_NOTE {
    int32_t Kind, Value, Pid, Child;
    char Line[2400];
} HOST_EXPLORE_NOTE;
typedef struct _HOST_EXPLORE_ANSWER {
    int32_t Pid;  /* the asker's (an answer for an explorer that died is skipped); minus
                     the explorer's in a permit (below: never taken for an answer) */
    int32_t Fork; /* 0: go on; 1: fork (the child logging to Log and recording to Record)
                     and wait for it; 2: fork and go on (a permit, sent unasked to an
                     explorer with standing orders: its next child may go on) */
    char Log[640], Record[640], ParentLog[640];
    char Test[256]; /* suite23: the next test of a shared explorer (Fork 3) */
} HOST_EXPLORE_ANSWER;
/* True if AnswerFd is an open pipe end that can be read and NoteFd a
 * different one that can be written: what explore= names must be the
 * runner's pipes, never a descriptor the program has for its own use. */
bool HostExplorePipes(int AnswerFd, int NoteFd);
/* The process that reads explore= first is the explorer (its children, which
 * inherit the spec, are not). */
void HostExploreClaim(void);
/* True in the explorer (the process that claimed it), false elsewhere and in
 * its forked children. */
bool HostExploring(void);
/* At the first call of a stack (Line, as HOST_EXPLORE_NOTE's). Returns true
 * only in a forked child that is now the run failing this call: its output
 * goes to a copy of the explorer's log, and ParentRecord is copied to the
 * child's own record file, whose name is stored in Record. */
bool HostExploreAt(int AnswerFd, int NoteFd, const char *Line, const char *ParentRecord,
                   char *Record, size_t RecordSize);
/* In the explorer: reports the children that ended (at every fallible call;
 * it also waits for them all at exit). */
void HostExploreReap(int NoteFd);
/* In that child: MMSIM_FAULTS becomes Spec (read again by every machine built). */
void HostExploreSetSpec(const char *Spec);
/* True in that child (not in a process it forks in turn). */
bool HostExploreIsRun(void);
/* suite23: a shared explorer runs the tests the runner hands it one after
 * another (docs/verifier.md "Fork at the failing call"). True in the
 * explorer itself if its request asked for that. */
bool HostExploreShared(void);
/* In a run asked to be one (before it claims the explorer), before its
 * first test: what the program wrote so far is the start of every test's
 * log, and its environment every test's. False if the run is not one. */
bool HostExploreMarkLogStart(void);
/* In it, at a test's end (Result: its group's result; Again: it may run
 * another): waits for its children, tells the runner, and on an answer to
 * go on makes the next test's log its output and returns true with the test's
 * name in Test and its stack record in Record; false: stop. */
bool HostExploreNextTest(int AnswerFd, int NoteFd, int Result, bool Again, char *Test,
                         size_t TestSize, char *Record, size_t RecordSize);
/* The runner's pipes a shared explorer's request names ("!SR,W"); false if
 * none, or not pipes. */
bool HostExploreSharedPipes(int *AnswerFd, int *NoteFd);
/* An explorer asked to list its suite first: forks the process that lists
 * (true in it) and waits for it (false). */
bool HostExploreForkLister(void);
/* run25: ends the process by Signal as that signal would (dumping no core:
 * the process the signal killed dumped its own). */
__attribute__((noreturn)) void HostDieOfSignal(int Signal);
#endif

/* setup20: what a reset keeps for the next machine (issue 20). */
/* Zeroes Bytes at Offset of a table from HostAllocTable. Whole host pages of
 * a large span go back to the host (they read as zero again), so a table
 * kept for the next machine holds host memory only where that one uses it;
 * a small span is cleared in place. */
void HostClearTable(void *Table, uint64_t Offset, uint64_t Bytes);
/* An inaccessible reservation of Bytes plus the slack HostReserve slides a
 * space in, kept whole (RegionBytes receives its size), so that machines of
 * every seed can be placed in it without a host call: HostRegionSlide gives
 * where in it HostReserve would put Bytes for Random. NULL where the host
 * cannot keep one (Windows: its placeholders are made per space); the
 * caller then uses HostReserve. HostRelease(Region, RegionBytes) frees it. */
void *HostReserveRegion(uint64_t Bytes, uint64_t *RegionBytes);
void *HostRegionSlide(void *Region, uint64_t Random);

/* user17: the user range's first touch served by the host (docs/user-space.md). */
/* Maps Bytes at Va (inside a reservation) as private anonymous memory, zero
 * filled, read-only or read-write, with no huge pages (so residency is per
 * page). false if the host refuses or cannot (the caller keeps Va trapped). */
bool HostMapPrivate(void *Va, uint64_t Bytes, bool Writable);
/* Makes a mapped run inaccessible without discarding its contents. */
bool HostProtectNone(void *Va, uint64_t Bytes);
/* Resident[i] = whether page i of [Va, Va+Bytes) has a host page (the host
 * served a touch there). false if the host cannot tell. */
bool HostResidentPages(void *Va, uint64_t Bytes, uint8_t *Resident);

/* tidy */
/* True if Path names a device, FIFO or socket: a file whose reads may never
 * end (/dev/zero) or whose opening may block (a FIFO with no reader). False
 * for a regular file, a directory, or nothing at all. */
bool HostIsStreamFile(const char *Path);

/* child21 */
/* The value of LD_BIND_NOW the fault runner gives its fork server (when the
 * user gave none): the server binds every symbol once for all its runs and
 * removes the variable, so the runs' environment is what it would be. */
#define HOST_FORK_SERVER_BIND_NOW "mmsim-fault-server"

#endif /* MMSIM_HOST_H */
