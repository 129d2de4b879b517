/*
 * fork_server.c - the fault runner's fork server (POSIX hosts; `mmsim
 * faults`, docs/verifier.md "Fork server").
 *
 * The runner starts the program once with MMSIM_FAULT_SERVER=R,W; before any
 * other constructor of the program runs, and so before any machine is built,
 * the program serves runs instead of running: per request it forks, and the
 * child becomes the run (its own process group, output file and environment)
 * and goes on into the program's constructors and main() as a freshly
 * started process would, building its own machine and so its own physical
 * memory object. The server waits for the child and reports its wait status.
 * A run so costs a fork instead of exec, dynamic loading and sanitizer
 * start-up.
 *
 * Messages (native byte order: both ends are one host):
 *   request  uint32 length, then entries each ending in '\0':
 *            "@PATH" (stdout and stderr to PATH), "NAME=VALUE" (setenv),
 *            "-NAME" (unsetenv), "!PPREFIX" and "!LPATH" (an explorer's
 *            standing orders, below; kept by the run, not in its environment),
 *            "!FR,W,A,N,a,n" (run24: the server also forks another slot's
 *            server, HostSiblingOrder, and says its hello on W before this
 *            run's STARTED; in the runner's first request only)
 *   reply    int32 kind, int32 value: hello (the server's pid), started (the
 *            run's pid), ended (its wait status), refused (fork's errno)
 *
 * Fork at the failing call (a run with MMSIM_FAULTS=explore=R,W): the run
 * explores its test without failing anything; at the first call of each
 * stack it asks the runner, and when told to, forks. The child takes the
 * parent's log and stack record so far as the start of its own, becomes a
 * run failing exactly that call (stack=ID) and runs to its end; the parent
 * waits for it, tells the runner its wait status, and goes on with the call
 * succeeding. A run so costs a fork instead of building a machine and
 * replaying the test up to the call. Forking is only safe when the calling
 * thread is the process's only one once the simulator has stopped its idle
 * workers (they stop in their own fork handler): counted in a fork handler
 * that runs after the simulator's; otherwise the child ends at once and the
 * runner runs that stack from the start instead.
 *
 * run22: standing orders. Asking cost the explorer a round trip through the
 * runner at every first call (a median of 60-110 us, often half a millisecond
 * when the runner was busy or not scheduled: 11-16 ms of waiting over the
 * bench's five suites), and the runner's answer was nearly always the same:
 * fork, and wait for the child. So an explorer whose request carries orders
 * ("!P" the prefix of its children's files, "!L" its own log) asks nothing:
 * it forks at every first call, its child logging to PREFIX ID.log and
 * recording to PREFIX ID.stacks, and tells the runner afterwards
 * (HOST_EXPLORE_FORKED, or HOST_EXPLORE_UNFORKED where it could not fork).
 * It goes on without waiting for the child only with a permit the runner
 * sent unasked (an answer with Fork 2 and minus its pid, which an asking
 * explorer never takes for its answer): a core is free. The
 * runner gives no orders where it may not want a stack forked (--shard: a
 * stack of another shard); those explorers ask as before.
 *
 * suite23: one explorer, many tests. An explorer whose request says "!S"
 * runs test after test: at a test's end (HostExploreNextTest) it waits for
 * its children, notes HOST_EXPLORE_TEST_ENDED, and takes the runner's next
 * test (often sent ahead, read with the permits): its output then goes to
 * that test's log, which starts with what the program wrote before its first
 * test, and its environment is the one it had then.
 */
#if !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"

bool HostReadAll(int Fd, void *Buffer, size_t Size)
{
    char *At = (char *)Buffer;
    while (Size > 0) {
        ssize_t Got = read(Fd, At, Size);
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got <= 0) {
            return false;
        }
        At += Got;
        Size -= (size_t)Got;
    }
    return true;
}

/* run25: the server of another job slot this one forked (HostSiblingOrder),
 * or 0. Its parent is this server, not the runner: the runner waits for
 * this server, so this server waits for it on every way out
 * (HostServerEnd). */
static pid_t HostSiblingServer;

/* The server's end: the runner closed its end or is gone. Its pipes are
 * closed first (a runner still reading sees the end rather than waiting
 * for a server that waits for its sibling), then the sibling is waited for
 * (it ends when the runner closes that slot's pipe or is gone). */
static _Noreturn void HostServerEnd(int RequestFd, int ReplyFd)
{
    close(RequestFd);
    close(ReplyFd);
    while (HostSiblingServer > 0 && waitpid(HostSiblingServer, NULL, 0) < 0 && errno == EINTR) {
    }
    _exit(0);
}

/* A reply; false if the runner is gone (told by EPIPE, not a SIGPIPE,
 * which would end the server without waiting for its sibling). The server
 * is single-threaded here (no constructor of the program has run). */
static bool HostSendReply(int Fd, int32_t Kind, int32_t Value)
{
    int32_t Message[2] = {Kind, Value};
    const char *At = (const char *)Message;
    size_t Size = sizeof(Message);
    sigset_t Pipe, Mask;
    sigemptyset(&Pipe);
    sigaddset(&Pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &Pipe, &Mask);
    while (Size > 0) {
        ssize_t Put = write(Fd, At, Size);
        if (Put < 0 && errno == EINTR) {
            continue;
        }
        if (Put <= 0) {
            if (errno == EPIPE) {
                const struct timespec Zero = {0, 0}; /* the pending SIGPIPE, taken */
                (void)sigtimedwait(&Pipe, NULL, &Zero);
            }
            pthread_sigmask(SIG_SETMASK, &Mask, NULL);
            return false;
        }
        At += Put;
        Size -= (size_t)Put;
    }
    pthread_sigmask(SIG_SETMASK, &Mask, NULL);
    return true;
}

/* A reply on the server's own pipe; a runner that is gone ends the server. */
static void HostReply(int RequestFd, int ReplyFd, int32_t Kind, int32_t Value)
{
    if (!HostSendReply(ReplyFd, Kind, Value)) {
        HostServerEnd(RequestFd, ReplyFd); /* the runner is gone */
    }
}

/* The run's request: its environment entries point into it (and it stays
 * reachable for LeakSanitizer when MMSIM_FAULTS is replaced, as in a child
 * forked at a failing call). */
static char *HostRunRequest;

/* An explorer's standing orders (in the request), or NULL: ask. */
static const char *HostExploreChildPrefix, *HostExploreOwnLog;
/* suite23: a shared explorer ("!S"): runs test after test (HostExploreNextTest). */
static bool HostExploreSharedRun;
static int HostExploreSharedFds[2] = {-1, -1}; /* "!SR,W": the runner's pipes */

/* The child: becomes the run the request describes. */
static void HostBecomeRun(char *Request, uint32_t Length)
{
    HostRunRequest = Request;
    setpgid(0, 0);
    for (char *Entry = Request; Entry < Request + Length; Entry += strlen(Entry) + 1) {
        if (Entry[0] == '@') {
            int Out = open(Entry + 1, O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (Out < 0 || dup2(Out, STDOUT_FILENO) < 0 || dup2(Out, STDERR_FILENO) < 0) {
                _exit(127);
            }
            if (Out > STDERR_FILENO) {
                close(Out);
            }
        } else if (Entry[0] == '-') {
            unsetenv(Entry + 1);
        } else if (Entry[0] == '!' && Entry[1] == 'P') {
            HostExploreChildPrefix = Entry + 2;
        } else if (Entry[0] == '!' && Entry[1] == 'L') {
            HostExploreOwnLog = Entry + 2;
        } else if (Entry[0] == '!' && Entry[1] == 'S') {
            HostExploreSharedRun = true;
            char *End = NULL;
            long Answers = strtol(Entry + 2, &End, 10);
            long Notes = End != NULL && *End == ',' ? strtol(End + 1, NULL, 10) : -1;
            if (End != Entry + 2 && Answers >= 0 && Answers < 65536 && Notes >= 0 &&
                Notes < 65536) {
                HostExploreSharedFds[0] = (int)Answers;
                HostExploreSharedFds[1] = (int)Notes;
            }
        } else if (Entry[0] == '!') {
            /* "!F": the server's own order (HostServeForks), not the run's */
        } else if (strchr(Entry, '=') != NULL) {
            putenv(Entry); /* the request buffer lives as long as the run */
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Fork at the failing call.                                              */
/* ---------------------------------------------------------------------- */
static pid_t HostExploreOwner;
static pid_t HostExploreRun; /* in the child forked at a failing call: its pid */
static volatile bool HostExploreForking, HostExploreUnsafe;

/* Threads of the process, or 0 if unknown: field 20 of /proc/self/stat
 * (Linux), read without allocating (this runs inside fork(), where a
 * sanitizer's allocator may be locked). */
long HostThreadCount(void)
{
    char Stat[1024];
    int Fd = open("/proc/self/stat", O_RDONLY);
    if (Fd < 0) {
        return 0;
    }
    ssize_t Got = read(Fd, Stat, sizeof(Stat) - 1);
    close(Fd);
    if (Got <= 0) {
        return 0;
    }
    Stat[Got] = '\0';
    const char *At = strrchr(Stat, ')'); /* the command name may hold spaces */
    for (int Field = 2; At != NULL && Field < 20; Field++) {
        At = strchr(At + 1, ' ');
    }
    return At != NULL ? strtol(At + 1, NULL, 10) : 0;
}

/* Registered before any machine's handlers, so its prepare half runs after
 * theirs (pthread_atfork: prepare in reverse order), when the simulator's
 * idle threads are gone, and its child half first. */
static void HostExplorePrepare(void)
{
    if (HostExploreForking) {
        HostExploreUnsafe = HostThreadCount() != 1;
    }
}

static void HostExploreChild(void)
{
    if (HostExploreForking && HostExploreUnsafe) {
        _exit(0); /* the parent tells the runner, which runs this stack from the start */
    }
}

static void HostExploreNote(int Fd, int32_t Kind, int32_t Value, pid_t Child, const char *Line)
{
    HOST_EXPLORE_NOTE Note;
    memset(&Note, 0, sizeof(Note));
    Note.Kind = Kind;
    Note.Value = Value;
    Note.Pid = (int32_t)getpid();
    Note.Child = (int32_t)Child;
    if (Line != NULL) {
        snprintf(Note.Line, sizeof(Note.Line), "%s", Line);
    }
    ssize_t Put;
    do {
        Put = write(Fd, &Note, sizeof(Note)); /* below PIPE_BUF: one atomic write */
    } while (Put < 0 && errno == EINTR);
    if (Put != (ssize_t)sizeof(Note)) {
        _exit(2); /* the runner is gone */
    }
}

/* suite23: a call of the current test was not forked at (another thread
 * alive, or fork refused): a shared explorer runs no further test. */
static bool HostExploreRefused;

static void HostExploreRefuse(int Fd, int32_t Kind, int32_t Value, pid_t Child, const char *Line)
{
    HostExploreRefused = true;
    HostExploreNote(Fd, Kind, Value, Child, Line);
}

/* The explorer's children it went on without waiting for. */
#define HOST_EXPLORE_CHILDREN 64
static pid_t HostExploreChildren[HOST_EXPLORE_CHILDREN];
static int HostExploreChildCount;
static int HostExploreNotes = -1;

/* Waits for one child (Block) or only if it ended; tells the runner. */
static bool HostExploreWait(int NoteFd, int Index, bool Block)
{
    int Status = 0;
    pid_t Child = HostExploreChildren[Index];
    pid_t Got;
    do {
        Got = waitpid(Child, &Status, Block ? 0 : WNOHANG);
    } while (Got < 0 && errno == EINTR);
    if (Got == 0) {
        return false;
    }
    if (Got < 0) {
        Status = 127 << 8; /* reaped by the program itself: an exit status no run has */
    }
    HostExploreChildren[Index] = HostExploreChildren[--HostExploreChildCount];
    HostExploreNote(NoteFd, HOST_EXPLORE_ENDED, Status, Child, NULL);
    return true;
}

/* One thread at a time: two threads of the explorer asking at once would
 * interleave their questions and answers on the runner's pipes, and one's
 * fork would see the flags the other had just reset (then a child forked
 * with other threads alive went on alone: a false leak at its exit). The
 * forking thread is the child's only thread, and it unlocks its copy. */
static pthread_mutex_t HostExploreLock = PTHREAD_MUTEX_INITIALIZER;

void HostExploreReap(int NoteFd)
{
    if (getpid() != HostExploreOwner) {
        return;
    }
    pthread_mutex_lock(&HostExploreLock); /* the children's table is shared */
    for (int i = 0; i < HostExploreChildCount;) {
        if (!HostExploreWait(NoteFd, i, false)) {
            i++;
        }
    }
    pthread_mutex_unlock(&HostExploreLock);
}

/* At the explorer's exit: its children's ends are still the runner's. */
static void HostExploreAtExit(void)
{
    while (getpid() == HostExploreOwner && HostExploreChildCount > 0) {
        HostExploreWait(HostExploreNotes, 0, true);
    }
}

static bool HostIsPipeEnd(int Fd, bool Write)
{
    struct stat Info;
    int Flags = fcntl(Fd, F_GETFL);
    if (Flags < 0 || fstat(Fd, &Info) != 0 || !S_ISFIFO(Info.st_mode)) {
        return false;
    }
    int Mode = Flags & O_ACCMODE;
    return Mode == O_RDWR || Mode == (Write ? O_WRONLY : O_RDONLY);
}

bool HostExplorePipes(int AnswerFd, int NoteFd)
{
    return AnswerFd != NoteFd && HostIsPipeEnd(AnswerFd, false) && HostIsPipeEnd(NoteFd, true);
}

void HostExploreClaim(void)
{
    if (HostExploreOwner == 0) {
        HostExploreOwner = getpid();
        atexit(HostExploreAtExit);
    }
}

bool HostExploring(void)
{
    return HostExploreOwner != 0 && HostExploreOwner == getpid();
}

/* Appends the file From to the descriptor To: its first Limit bytes, or
 * all of it when Limit is negative (a child's start: its log and record
 * copied from the explorer's). A missing file is an empty one when
 * MissingIsEmpty (nothing written yet). */
static bool HostCopyFile(const char *From, off_t Limit, bool MissingIsEmpty, int To)
{
    int In = open(From, O_RDONLY);
    if (In < 0) {
        return MissingIsEmpty && errno == ENOENT;
    }
    char Buffer[16384];
    bool Ok = true;
    while (Ok && Limit != 0) {
        size_t Want = Limit < 0 || Limit > (off_t)sizeof(Buffer) ? sizeof(Buffer) : (size_t)Limit;
        ssize_t Got = read(In, Buffer, Want);
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got <= 0) {
            Ok = Got == 0;
            break;
        }
        if (Limit > 0) {
            Limit -= Got;
        }
        for (ssize_t Done = 0; Ok && Done < Got;) {
            ssize_t Put = write(To, Buffer + Done, (size_t)(Got - Done));
            if (Put < 0 && errno == EINTR) {
                continue;
            }
            Ok = Put > 0;
            Done += Put > 0 ? Put : 0;
        }
    }
    close(In);
    return Ok;
}

/* The child: its output continues a copy of the explorer's log (what a run
 * started afresh would have written up to this call; what stdio still
 * buffers was not written by the parent and is written by the child itself,
 * so nothing appears twice), its stack record a copy of the parent's. */
static void HostBecomeFailingRun(const HOST_EXPLORE_ANSWER *Answer, const char *ParentRecord)
{
    setpgid(0, 0);
    int Out = open(Answer->Log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (Out < 0 || !HostCopyFile(Answer->ParentLog, -1, true, Out) || dup2(Out, STDOUT_FILENO) < 0 ||
        dup2(Out, STDERR_FILENO) < 0) {
        _exit(127);
    }
    if (Out > STDERR_FILENO) {
        close(Out);
    }
    int Record = open(Answer->Record, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (Record < 0 || !HostCopyFile(ParentRecord, -1, true, Record)) {
        _exit(127);
    }
    close(Record);
}

/* Standing orders: a permit the runner sent this explorer (its next child
 * may go on without it), if one is waiting; others' are skipped. */
static int HostExplorePermitsHeld; /* permits read while waiting for a next test */
/* suite23: the runner's next test (or stop) for a shared explorer, read
 * while looking for a permit. */
static HOST_EXPLORE_ANSWER HostExploreNextHeld;
static bool HostExploreNextKept;

static bool HostExploreTakePermit(int AnswerFd)
{
    if (HostExplorePermitsHeld > 0) {
        HostExplorePermitsHeld--;
        return true;
    }
    for (;;) {
        struct pollfd Ready = {AnswerFd, POLLIN, 0};
        if (poll(&Ready, 1, 0) <= 0 || (Ready.revents & (POLLIN | POLLHUP)) == 0) {
            return false;
        }
        HOST_EXPLORE_ANSWER Permit;
        if (!HostReadAll(AnswerFd, &Permit, sizeof(Permit))) {
            _exit(2); /* the runner is gone */
        }
        if (Permit.Pid == -(int32_t)getpid() && Permit.Fork == 2) {
            return true;
        }
        if (Permit.Pid == (int32_t)getpid() && (Permit.Fork == 3 || Permit.Fork == 4)) {
            HostExploreNextHeld = Permit; /* sent ahead: this test's next */
            HostExploreNextKept = true;
        }
    }
}

/* Standing orders: the answer the runner would have given (fork; the
 * child's files named by the stack's identity, the first 16 characters of
 * Line); false if a name does not fit. */
static bool HostExploreOrdered(const char *Line, HOST_EXPLORE_ANSWER *Answer)
{
    memset(Answer, 0, sizeof(*Answer));
    Answer->Pid = (int32_t)getpid();
    Answer->Fork = 1;
    int Log = snprintf(Answer->Log, sizeof(Answer->Log), "%s%.16s.log", HostExploreChildPrefix,
                       Line);
    int Record = snprintf(Answer->Record, sizeof(Answer->Record), "%s%.16s.stacks",
                          HostExploreChildPrefix, Line);
    int Parent = snprintf(Answer->ParentLog, sizeof(Answer->ParentLog), "%s", HostExploreOwnLog);
    return Log > 0 && (size_t)Log < sizeof(Answer->Log) && Record > 0 &&
           (size_t)Record < sizeof(Answer->Record) && Parent > 0 &&
           (size_t)Parent < sizeof(Answer->ParentLog);
}

static bool HostExploreAtLocked(int AnswerFd, int NoteFd, const char *Line,
                                const char *ParentRecord, char *Record, size_t RecordSize)
{
    if (getpid() != HostExploreOwner) {
        /* A process the test forked: its parent's run cannot be forked here. */
        HostExploreNote(NoteFd, HOST_EXPLORE_SEEN, 0, 0, Line);
        return false;
    }
    HostExploreNotes = NoteFd;
    HOST_EXPLORE_ANSWER Answer;
    bool Ordered = HostExploreChildPrefix != NULL && HostExploreOwnLog != NULL;
    int32_t Unforked = Ordered ? HOST_EXPLORE_UNFORKED : HOST_EXPLORE_UNSAFE;
    if (Ordered) {
        if (!HostExploreOrdered(Line, &Answer)) {
            HostExploreRefuse(NoteFd, Unforked, ENAMETOOLONG, 0, Line);
            return false;
        }
    } else {
        HostExploreNote(NoteFd, HOST_EXPLORE_ASK, 0, 0, Line);
        do {
            if (!HostReadAll(AnswerFd, &Answer, sizeof(Answer))) {
                _exit(2); /* the runner is gone */
            }
        } while (Answer.Pid != (int32_t)getpid()); /* one meant for an explorer that died */
    }
    if (Answer.Fork == 0) {
        return false;
    }
    if (HostExploreChildCount == HOST_EXPLORE_CHILDREN) {
        HostExploreWait(NoteFd, 0, true);
    }
    Answer.Log[sizeof(Answer.Log) - 1] = '\0';
    Answer.Record[sizeof(Answer.Record) - 1] = '\0';
    Answer.ParentLog[sizeof(Answer.ParentLog) - 1] = '\0';
    /* The child copies the machine's physical memory in its fork handler,
     * then the explorer's log and stack record; the parent, going on, must
     * not change them before those copies are done. */
    int Ready[2];
    if (pipe(Ready) != 0) {
        HostExploreRefuse(NoteFd, Unforked, errno, 0, Line);
        return false;
    }
    HostExploreUnsafe = false;
    HostExploreForking = true;
    pid_t Child = fork();
    /* EAGAIN is a passing shortage (processes or memory, on a loaded
     * machine): a few more tries, a little apart, before the stack is left
     * to a run from the start. */
    for (int Try = 1; Child < 0 && errno == EAGAIN && Try <= 4; Try++) {
        struct timespec Pause = {0, Try * 5 * 1000 * 1000L};
        nanosleep(&Pause, NULL);
        Child = fork();
    }
    HostExploreForking = false;
    if (Child == 0) {
        HostExploreRun = getpid();
        close(Ready[0]);
        close(AnswerFd);
        close(NoteFd);
        HostBecomeFailingRun(&Answer, ParentRecord);
        /* The parent reads end of file: the copies are done - of physical
         * memory, and of its log and stack record (it appends to both as it
         * goes on: a child copying them later took lines of the parent's
         * future, such as its test's "[ OK ]"). */
        close(Ready[1]);
        snprintf(Record, RecordSize, "%s", Answer.Record);
        return true;
    }
    int Error = Child < 0 ? errno : 0;
    close(Ready[1]);
    if (Child < 0 || HostExploreUnsafe) { /* told by this process's own fork handler */
        close(Ready[0]);
        int Status = 0;
        while (Child > 0 && waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
        }
        HostExploreRefuse(NoteFd, Unforked, Error, 0, Line);
        return false;
    }
    setpgid(Child, Child); /* also done by the child: whichever runs first */
    if (Ordered) {
        Answer.Fork = HostExploreTakePermit(AnswerFd) ? 2 : 1;
    }
    /* run22: only a parent going on waits for the copies; one waiting for
     * the child's end changes nothing before it anyway. */
    char Byte;
    while (Answer.Fork == 2 && read(Ready[0], &Byte, 1) < 0 && errno == EINTR) {
    }
    close(Ready[0]);
    if (Ordered) {
        HostExploreNote(NoteFd, HOST_EXPLORE_FORKED, Answer.Fork, Child, Line);
    } else {
        HostExploreNote(NoteFd, HOST_EXPLORE_STARTED, 0, Child, NULL);
    }
    HostExploreChildren[HostExploreChildCount++] = Child;
    if (Answer.Fork == 1) {
        HostExploreWait(NoteFd, HostExploreChildCount - 1, true);
    }
    return false;
}

bool HostExploreAt(int AnswerFd, int NoteFd, const char *Line, const char *ParentRecord,
                   char *Record, size_t RecordSize)
{
    pthread_mutex_lock(&HostExploreLock);
    bool Child = HostExploreAtLocked(AnswerFd, NoteFd, Line, ParentRecord, Record, RecordSize);
    pthread_mutex_unlock(&HostExploreLock);
    return Child;
}

bool HostExploreIsRun(void)
{
    return HostExploreRun != 0 && HostExploreRun == getpid();
}

/* ---------------------------------------------------------------------- */
/* suite23: one explorer, many tests.                                     */
/* ---------------------------------------------------------------------- */
/* The explorer's output before its first test (what main printed), and the
 * file it is in: the start of every later test's log, as of a run of that
 * test alone. */
static char HostExploreFirstLog[640];
static off_t HostExploreLogStart = -1;
static char HostExploreLogNow[640], HostExplorePrefixNow[640];
/* The environment then: every test starts with it (a test's setenv, such as
 * an MMSIM_* variable for its machines, is not the next test's). */
static char **HostExploreEnvironment;

bool HostExploreShared(void)
{
    return HostExploreSharedRun && HostExploreLogStart >= 0 && HostExploreOwner == getpid() &&
           HostExploreOwnLog != NULL && HostExploreChildPrefix != NULL;
}

extern char **environ;

bool HostExploreMarkLogStart(void)
{
    fflush(stdout);
    fflush(stderr);
    if (!HostExploreSharedRun || HostExploreLogStart >= 0 || HostExploreOwnLog == NULL ||
        HostExploreChildPrefix == NULL) {
        return false;
    }
    size_t Count = 0;
    while (environ[Count] != NULL) {
        Count++;
    }
    HostExploreEnvironment = (char **)calloc(Count + 1, sizeof(char *));
    for (size_t i = 0, Kept = 0; HostExploreEnvironment != NULL && i < Count; i++) {
        /* A test's run is never a listing (an explorer that listed first). */
        if (strncmp(environ[i], "MMSIM_TEST_LIST=", 16) != 0 &&
            (HostExploreEnvironment[Kept++] = strdup(environ[i])) == NULL) {
            return false;
        }
    }
    if (HostExploreEnvironment == NULL) {
        return false;
    }
    HostExploreLogStart = lseek(STDOUT_FILENO, 0, SEEK_CUR);
    snprintf(HostExploreFirstLog, sizeof(HostExploreFirstLog), "%s", HostExploreOwnLog);
    return HostExploreLogStart >= 0;
}

bool HostExploreSharedPipes(int *AnswerFd, int *NoteFd)
{
    *AnswerFd = HostExploreSharedFds[0];
    *NoteFd = HostExploreSharedFds[1];
    return HostExploreSharedRun && *AnswerFd >= 0 && HostExplorePipes(*AnswerFd, *NoteFd);
}

/* run25: ends this process by Signal, as a process that Signal killed -
 * without a core dump: the process that took the signal (the lister) dumped
 * one already if the limits allowed, and a second from this one would
 * replace it (a core_pattern of "core" names both the same) or add a
 * misleading one. RLIMIT_CORE 1 stops both kinds of dump: a file dump is
 * smaller than a page, a piped one is refused at 1 (core(5)). Another
 * thread may be alive: the mask is this thread's. */
void HostDieOfSignal(int Signal)
{
    struct rlimit Core;
    if (getrlimit(RLIMIT_CORE, &Core) == 0) {
        Core.rlim_cur = Core.rlim_max >= 1 ? 1 : 0;
        (void)setrlimit(RLIMIT_CORE, &Core);
    }
    struct sigaction Default;
    memset(&Default, 0, sizeof(Default));
    Default.sa_handler = SIG_DFL;
    sigemptyset(&Default.sa_mask);
    sigaction(Signal, &Default, NULL);
    sigset_t Only;
    sigemptyset(&Only);
    sigaddset(&Only, Signal);
    pthread_sigmask(SIG_UNBLOCK, &Only, NULL);
    raise(Signal);
    _exit(128 + Signal); /* a signal that does not end a process */
}

bool HostExploreForkLister(void)
{
    fflush(stdout);
    fflush(stderr);
    pid_t Lister = fork();
    if (Lister == 0) {
        return true;
    }
    int Status = 0;
    while (Lister > 0 && waitpid(Lister, &Status, 0) < 0 && errno == EINTR) {
    }
    /* run24: a listing that did not pass is a baseline that did not: the
     * explorer ends as its lister did, and the runner says so as of a
     * listing run of its own (a signal as that signal). */
    if (WIFSIGNALED(Status)) {
        HostDieOfSignal(WTERMSIG(Status));
    }
    if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0) {
        _exit(WEXITSTATUS(Status));
    }
    return false;
}

bool HostExploreNextTest(int AnswerFd, int NoteFd, int Result, bool Again, char *Test,
                         size_t TestSize, char *Record, size_t RecordSize)
{
    fflush(stdout);
    fflush(stderr);
    pthread_mutex_lock(&HostExploreLock);
    /* The test's children end first: the runner judges the test with them. */
    while (HostExploreChildCount > 0) {
        HostExploreWait(NoteFd, 0, true);
    }
    Again = Again && !HostExploreRefused;
    HostExploreNote(NoteFd, HOST_EXPLORE_TEST_ENDED, Result, Again ? 1 : 0, NULL);
    HOST_EXPLORE_ANSWER Next;
    for (;;) {
        if (HostExploreNextKept) {
            Next = HostExploreNextHeld;
            HostExploreNextKept = false;
            break;
        }
        if (!HostReadAll(AnswerFd, &Next, sizeof(Next))) {
            _exit(2); /* the runner is gone */
        }
        if (Next.Pid == -(int32_t)getpid() && Next.Fork == 2) {
            HostExplorePermitsHeld++; /* a permit for a later child */
        } else if (Next.Pid == (int32_t)getpid() && (Next.Fork == 3 || Next.Fork == 4)) {
            break;
        }
    }
    /* The runner may have sent the next test ahead, before this one ended:
     * it is run only if this one passed with every call forked at. */
    bool Go = Again && Next.Fork == 3 && HostExploreLogStart >= 0;
    HostExploreRefused = false;
    if (Go) {
        Next.Log[sizeof(Next.Log) - 1] = Next.Record[sizeof(Next.Record) - 1] = '\0';
        Next.ParentLog[sizeof(Next.ParentLog) - 1] = Next.Test[sizeof(Next.Test) - 1] = '\0';
        int Out = open(Next.Log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (Out < 0 || !HostCopyFile(HostExploreFirstLog, HostExploreLogStart, false, Out) ||
            dup2(Out, STDOUT_FILENO) < 0 || dup2(Out, STDERR_FILENO) < 0) {
            _exit(127);
        }
        if (Out > STDERR_FILENO) {
            close(Out);
        }
        clearenv();
        for (size_t i = 0; HostExploreEnvironment[i] != NULL; i++) {
            putenv(HostExploreEnvironment[i]); /* kept for the next test: never changed */
        }
        snprintf(HostExploreLogNow, sizeof(HostExploreLogNow), "%s", Next.Log);
        snprintf(HostExplorePrefixNow, sizeof(HostExplorePrefixNow), "%s", Next.ParentLog);
        HostExploreOwnLog = HostExploreLogNow;
        HostExploreChildPrefix = HostExplorePrefixNow;
        snprintf(Test, TestSize, "%s", Next.Test);
        snprintf(Record, RecordSize, "%s", Next.Record);
    }
    pthread_mutex_unlock(&HostExploreLock);
    return Go;
}

void HostExploreSetSpec(const char *Spec)
{
    setenv("MMSIM_FAULTS", Spec, 1);
}

/* run24: "!FR,W,A,N,a,n" in a request: after forking its run, the server
 * forks the server of another job slot, serving requests on R and replies
 * on W, whose explorers' pipes are A and N; the new server closes a and n,
 * this slot's explorer pipes. Descriptors inherited from the runner, which
 * made them before it started this server. False if the request has no
 * such order (or a malformed one, which is ignored: the runner waits for a
 * hello that never comes and says so). */
#define HOST_SIBLING_FDS 6
static bool HostSiblingOrder(const char *Request, uint32_t Length, int *Fds)
{
    for (const char *Entry = Request; Entry < Request + Length; Entry += strlen(Entry) + 1) {
        if (Entry[0] != '!' || Entry[1] != 'F') {
            continue;
        }
        const char *At = Entry + 2;
        for (int i = 0; i < HOST_SIBLING_FDS; i++) {
            char *End = NULL;
            long Fd = strtol(At, &End, 10);
            if (End == At || Fd < 3 || Fd > 65535 || *End != (i + 1 < HOST_SIBLING_FDS ? ',' : '\0')) {
                return false;
            }
            Fds[i] = (int)Fd;
            At = End + 1;
        }
        return true;
    }
    return false;
}

/* Closes the other slot's descriptors an order named (a run never has them;
 * the server keeps none once the sibling has its own copies). */
static void HostCloseSiblingOrder(const int *Order)
{
    for (int i = 0; i < 4; i++) {
        close(Order[i]);
    }
}

bool HostServeForks(int RequestFd, int ReplyFd)
{
    struct stat In, Out;
    if (RequestFd == ReplyFd || fstat(RequestFd, &In) != 0 || fstat(ReplyFd, &Out) != 0 ||
        !S_ISFIFO(In.st_mode) || !S_ISFIFO(Out.st_mode)) {
        return false;
    }
    /* Before any machine exists, so before the simulator's own handlers. */
    pthread_atfork(HostExplorePrepare, NULL, HostExploreChild);
    /* child21: work every run would repeat, done once here. The runner has
     * the dynamic loader bind every symbol at the server's start
     * (LD_BIND_NOW, set only for the server, removed here so that its runs'
     * environment is a fresh run's): no run binds one at its first call (a
     * lookup and a copied page each). And the processor's features:
     * libgcc's constructor asks CPUID (a trap to the hypervisor in a virtual
     * machine) in every process that does not know them yet. */
    const char *BindNow = getenv("LD_BIND_NOW");
    if (BindNow != NULL && strcmp(BindNow, HOST_FORK_SERVER_BIND_NOW) == 0) {
        unsetenv("LD_BIND_NOW");
    }
#if defined(__x86_64__)
    __builtin_cpu_init();
#endif
    /* The runs leave the naming of the frames they record to the runner
     * (posix.c, HostNameFrames): no run opens a symbolizer session. The
     * unwinder, which the C library loads at the first backtrace of a
     * process, is loaded once here. */
    HostLeaveFrameNamesToRunner();
    void *Frames[4];
    (void)HostCaptureStack(Frames, 4);
    HostReply(RequestFd, ReplyFd, HOST_FORK_HELLO, (int32_t)getpid());
    for (;;) {
        uint32_t Length = 0;
        if (!HostReadAll(RequestFd, &Length, sizeof(Length)) || Length == 0 || Length > 65536) {
            HostServerEnd(RequestFd, ReplyFd); /* the runner closed its end: done */
        }
        char *Request = (char *)malloc((size_t)Length + 1);
        if (Request == NULL || !HostReadAll(RequestFd, Request, Length)) {
            free(Request);
            HostServerEnd(RequestFd, ReplyFd);
        }
        Request[Length] = '\0';
        int Order[HOST_SIBLING_FDS];
        bool Fork = HostSiblingOrder(Request, Length, Order);
        pid_t Pid = fork();
        if (Pid == 0) {
            HostSiblingServer = 0; /* this server's, not the run's */
            close(RequestFd);
            close(ReplyFd);
            if (Fork) {
                HostCloseSiblingOrder(Order); /* the other slot's: never a run's */
            }
            HostBecomeRun(Request, Length);
            return true;
        }
        if (Pid < 0) {
            int Error = errno;
            free(Request);
            if (Fork) {
                HostCloseSiblingOrder(Order); /* no sibling: its slot sees the end */
            }
            HostReply(RequestFd, ReplyFd, HOST_FORK_REFUSED, Error);
            continue;
        }
        free(Request);
        setpgid(Pid, Pid); /* also done by the child: whichever runs first */
        if (Fork && HostSiblingServer == 0) {
            /* run24: the other slot's server, forked while this run goes on
             * rather than started by the runner: it is this process as it
             * said hello (the same program, environment and start-up work),
             * and its start (an exec and the dynamic loader's work, about
             * 1.5 ms of processor time) no longer competes with this one's
             * on the way to the first run. */
            pid_t Server = fork();
            if (Server == 0) {
                setpgid(0, 0);
                close(RequestFd);
                close(ReplyFd);
                close(Order[4]);
                close(Order[5]);
                RequestFd = Order[0];
                ReplyFd = Order[1];
                continue; /* Pid is the other server's run, not this one's */
            }
            if (Server > 0) {
                /* run25: its hello, said here before this run's STARTED:
                 * a runner that has read STARTED finds it waiting, so one
                 * that finds none knows at once that the order was not
                 * followed (a libmmsim that predates it). */
                HostSiblingServer = Server;
                setpgid(Server, Server); /* as its own setpgid: in place before the hello */
                /* A runner that is gone: the sibling's pipes end, and so does it. */
                (void)HostSendReply(Order[1], HOST_FORK_HELLO, (int32_t)Server);
            }
        }
        if (Fork) {
            HostCloseSiblingOrder(Order); /* the sibling's now, or nobody's: its slot sees the end */
        }
        HostReply(RequestFd, ReplyFd, HOST_FORK_STARTED, (int32_t)Pid);
        int Status = 0;
        while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
        }
        HostReply(RequestFd, ReplyFd, HOST_FORK_ENDED, Status);
    }
}
