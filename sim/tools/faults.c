/*
 * faults.c - `mmsim faults -- PROGRAM ARGS...`: Driver Verifier's systematic
 * low resources simulation as a runner (docs/ddi-contract.md 6.2; docs/verifier.md).
 *
 *   1. run PROGRAM once with MMSIM_FAULTS=record=FILE: every fallible call's
 *      stack identity is listed (the baseline must pass);
 *   2. for each identity, run PROGRAM with MMSIM_FAULTS=stack=ID;record=...:
 *      exactly that call fails; stacks first seen in that run (error paths)
 *      join the queue;
 *   3. until no new stack is left; runs go in parallel across cores.
 * With --per-test (CMocka suites), step 1 also lists the suite's tests, and
 * steps 1-3 run per test (MMSIM_TEST_FILTER=NAME: one test per run), so a
 * run costs one test rather than the whole suite; a stack is then failed
 * once in each test that reaches it.
 * Runs are children of a fork server: PROGRAM is started once per job slot
 * with MMSIM_FAULT_SERVER set and forks one child per run before it builds a
 * machine (sim/host/fork_server.c), so a run costs no exec, loading or
 * sanitizer start-up; --exec-per-run starts PROGRAM afresh for every run
 * instead (the original mode). --shard K/N runs the part of the stack set
 * that is shard K's; `mmsim faults merge` combines the shards' JSON reports.
 * Each injected failure's outcome: passed, failed (the program's own
 * assertions), crashed (a signal), bugchecked (exit 86, or a CMocka test the
 * stop failed, with the STOP line),
 * leaked (exit 88, or a 0xC4/0x62 or 0xCB stop from the unload check), hung
 * (time limit), or not reached (the run never made that call). Exit status 1
 * if any outcome is bad, 2 for usage or baseline errors, 0 otherwise.
 *
 * A host tool, POSIX (fork, exec, process groups).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "faults.h"
#include "../config.h"
#include "../host/host.h"

typedef enum {
    OutcomePassed,
    OutcomeNotReached,
    OutcomeFailed,
    OutcomeCrashed,
    OutcomeBugchecked,
    OutcomeLeaked,
    OutcomeHung,
    OutcomeCount
} OUTCOME;

static const char *const OutcomeNames[OutcomeCount] = {
    "passed", "not reached", "failed", "crashed", "bugchecked", "leaked", "hung"};

typedef struct {
    char Id[17];
    long Test;         /* index into Tests, or -1 (whole program) */
    char *Description; /* "site frame < frame ..." */
    bool Named;        /* its frames named (NameStack) */
    OUTCOME Outcome;
    char Detail[200];
    char *Excerpt;     /* the end of the run's log (reports) */
    bool Done;
    bool Claimed;      /* a run or an exploration's child fails it (or failed it) */
} STACK;

/* --per-test: one CMocka test; its own baseline ("discovery") run lists the
 * stacks it reaches. */
typedef struct {
    char *Name;
    bool Failed; /* its discovery run did not pass */
    char Detail[200];
    bool Explored; /* its exploration ended */
    bool Threads;  /* another thread was alive at one of its calls */
    /* suite23: explored in a shared explorer, judged when that ends: the
     * stacks its children failed. */
    size_t *Forked;
    size_t ForkedCount;
} TEST;

/* An explorer's child (fork at the failing call). */
typedef struct {
    pid_t Pid;
    size_t Stack;
    double Started;
    bool TimedOut;
    bool Waited; /* the explorer waits for it */
} CHILD;
#define MAX_CHILDREN 64 /* as HOST_EXPLORE_CHILDREN: more are never answered */

typedef struct {
    pid_t Pid;      /* the run (exec mode: also what is waited for) */
    bool Discovery; /* Index is a test, not a stack */
    bool Exploring; /* an exploration (fork at the failing call) of Test */
    size_t Index;
    long Test;
    double Started; /* an explorer: when it last resumed */
    bool TimedOut;  /* an explorer killed at the time limit */
    /* An explorer's children: the runs failing a stack each. Waited: the
     * explorer waits for it (its own time stands still); the others take a
     * core of their own (Async). */
    CHILD Children[MAX_CHILDREN];
    size_t ChildCount;
    size_t Answered; /* the stack of the last answer to fork */
    int Pending;     /* that answer's Fork while no STARTED or UNSAFE has come (0: none) */
    long Permits;    /* standing orders: permits sent, not yet used (each holds a core) */
    bool Threads;   /* a stack could not be forked (another thread alive) */
    size_t *Forked; /* the stacks its children failed */
    size_t ForkedCount, ForkedCapacity;
    /* suite23: a shared explorer (runs test after test): the tests it ended
     * (judged when it ends), and whether Test is still its current one. */
    bool Shared;
    size_t *Ran;
    size_t RanCount, RanCapacity;
    bool Current;
    size_t TestsRun; /* tests it started, those explored again included */
    long Ahead;      /* the next test, sent ahead (it need not wait for it), or -1 */
} RUNNING;

/* A fork server (one per job slot): PROGRAM started once, forking runs. */
typedef struct {
    pid_t Pid;
    int Request, Reply; /* the runner's ends of the two pipes */
    int Answers, Notes; /* the runner's ends of an explorer's two pipes */
    int ProgramAnswers, ProgramNotes; /* their other ends' numbers in the program */
    bool Greeted; /* it answered as a server */
    /* run24: forked by slot 0's server (its pid known from its hello), not
     * started here: that server waits for it. */
    bool Sibling;
    int ProgramRequest, ProgramReply; /* its pipes' other ends, until it has them */
} SERVER;

/* --shard K/N: Index K-1 of Count N (Count 0: no sharding). */
typedef struct {
    uint64_t Index, Count;
} SHARD;

static STACK *Stacks;
static size_t StackCount, StackCapacity;
static TEST *Tests;
static size_t TestCount;
static char StateDir[512];
static SHARD Shard;
static SERVER *Servers; /* fork mode: one per job slot */
/* suite23: the suite listed a test more than once (it runs its tests in
 * several groups: SimRunTests called again): no shared explorer. */
static bool ListedTwice;
/* suite23b: its listing run went on to build a machine after SimRunTests
 * returned ("[ AFTER    ]"): main makes calls after its tests, which a
 * shared explorer makes only after its last test: no shared explorer. */
static bool GoesOnAfterTests;
/* A stack dropped with the shared exploration that found it (its test is
 * explored again on its own); removed before the report. */
#define DROPPED_TEST (-2L)
/* run24: how many: the progress lines count the stacks still to report. */
static size_t DroppedStacks;

static double Now(void)
{
    struct timespec Ts;
    clock_gettime(CLOCK_MONOTONIC, &Ts);
    return (double)Ts.tv_sec + (double)Ts.tv_nsec / 1e9;
}

static bool KnownStack(const char *Id, long Test)
{
    for (size_t i = 0; i < StackCount; i++) {
        if (Stacks[i].Test == Test && strcmp(Stacks[i].Id, Id) == 0) {
            return true;
        }
    }
    return false;
}

static void *Grow(void *Array, size_t *Capacity, size_t Count, size_t Size)
{
    if (Count < *Capacity) {
        return Array;
    }
    *Capacity = *Capacity ? *Capacity * 2 : 64;
    Array = realloc(Array, *Capacity * Size);
    if (Array == NULL) {
        fprintf(stderr, "mmsim faults: out of memory\n");
        exit(2);
    }
    return Array;
}

/* Sharding: a stack a baseline or discovery run lists (a root of the
 * exploration) belongs to one shard, by a hash of its test's name and its
 * identity (the same on every machine running the same binary). Stacks found
 * on failure paths belong to the shard whose run found them, so each shard
 * explores the whole closure of its roots: the shards together cover exactly
 * the unsharded run's stacks (one found by two shards is in both reports;
 * `merge` keeps one: its outcome does not depend on who found it). */
static bool OwnedByShard(const char *Id, long Test)
{
    if (Shard.Count == 0) {
        return true;
    }
    uint64_t Hash = 0xCBF29CE484222325ull;
    const char *Parts[3] = {Test >= 0 ? Tests[Test].Name : "", "\n", Id};
    for (int p = 0; p < 3; p++) {
        for (const char *c = Parts[p]; *c != '\0'; c++) {
            Hash = (Hash ^ (unsigned char)*c) * 0x100000001B3ull;
        }
    }
    return Hash % Shard.Count == Shard.Index;
}

/* A stack's "site frames" text as a record or note gives it, with the frames
 * a fork server's run left unnamed named (HostNameFrames). run22: done when
 * the stack's outcome is printed (NameStack), not when an explorer asks
 * about it: the explorer waits for its answer, and naming the first frames
 * of a server opens a symbolizer session (about a millisecond). The site,
 * its first word, is the same either way. */
static char *NamedDescription(const char *Text)
{
    char *Named = HostNameFrames(Text);
    return Named != NULL ? Named : strdup(Text);
}

/* The stack's frames named (the fork servers still run: their modules name
 * them). */
static void NameStack(STACK *Stack)
{
    if (!Stack->Named && Stack->Description != NULL) {
        char *Named = NamedDescription(Stack->Description);
        if (Named != NULL) { /* else (out of memory) it keeps the unnamed text */
            free(Stack->Description);
            Stack->Description = Named;
        }
        Stack->Named = true;
    }
}

/* Adds the stacks listed in File that are new to Test (of Roots: only this
 * shard's); returns how many. */
static size_t LoadStacks(const char *File, long Test, bool Roots)
{
    FILE *In = fopen(File, "r");
    if (In == NULL) {
        return 0;
    }
    size_t Added = 0;
    char Line[4096];
    while (fgets(Line, sizeof(Line), In) != NULL) {
        if (strncmp(Line, "injected ", 9) == 0 || strlen(Line) < 18 || Line[16] != ' ') {
            continue;
        }
        char Id[17];
        memcpy(Id, Line, 16);
        Id[16] = '\0';
        if (KnownStack(Id, Test) || (Roots && !OwnedByShard(Id, Test))) {
            continue;
        }
        Stacks = (STACK *)Grow(Stacks, &StackCapacity, StackCount, sizeof(STACK));
        STACK *Stack = &Stacks[StackCount++];
        memset(Stack, 0, sizeof(*Stack));
        memcpy(Stack->Id, Id, sizeof(Id));
        Stack->Test = Test;
        Line[strcspn(Line, "\n")] = '\0';
        Stack->Description = strdup(Line + 17);
        Added++;
    }
    fclose(In);
    return Added;
}

static bool FileContains(const char *File, const char *Text, char *LineOut, size_t LineSize)
{
    FILE *In = fopen(File, "r");
    if (In == NULL) {
        return false;
    }
    char Line[4096];
    bool Found = false;
    while (fgets(Line, sizeof(Line), In) != NULL) {
        if (strstr(Line, Text) != NULL) {
            Found = true;
            if (LineOut != NULL) {
                Line[strcspn(Line, "\n")] = '\0';
                snprintf(LineOut, LineSize, "%s", Line);
            }
            break;
        }
    }
    fclose(In);
    return Found;
}

/* The tests a CMocka suite listed ("[ LIST     ] NAME": MMSIM_TEST_LIST=1)
 * or ran ("[ RUN      ] NAME"), from its log, in order, each once (a name
 * may be run by several groups); Listed tells which. */
static void LoadTests(const char *Log, bool *Listed)
{
    FILE *In = fopen(Log, "r");
    *Listed = false;
    if (In == NULL) {
        return;
    }
    size_t Capacity = 0;
    char Line[4096];
    static const char Run[] = "[ RUN      ] ";
    static const char List[] = "[ LIST     ] ";
    static const char After[] = "[ AFTER    ] ";
    while (fgets(Line, sizeof(Line), In) != NULL) {
        if (strncmp(Line, After, sizeof(After) - 1) == 0) {
            GoesOnAfterTests = true;
            continue;
        }
        bool IsList = strncmp(Line, List, sizeof(List) - 1) == 0;
        if (!IsList && strncmp(Line, Run, sizeof(Run) - 1) != 0) {
            continue;
        }
        *Listed = *Listed || IsList;
        char *Name = Line + sizeof(Run) - 1;
        Name[strcspn(Name, "\n")] = '\0';
        bool Known = false;
        for (size_t t = 0; t < TestCount && !Known; t++) {
            Known = strcmp(Tests[t].Name, Name) == 0;
        }
        ListedTwice = ListedTwice || (IsList && Known);
        if (!Known) {
            Tests = (TEST *)Grow(Tests, &Capacity, TestCount, sizeof(TEST));
            memset(&Tests[TestCount], 0, sizeof(TEST));
            Tests[TestCount++].Name = strdup(Name);
        }
    }
    fclose(In);
}

/* What a run's log says, read in one pass. */
#define SANITIZER_MARKS 5
static const char *const SanitizerMarks[SANITIZER_MARKS] = {
    "ERROR: AddressSanitizer", "ERROR: ThreadSanitizer", "WARNING: ThreadSanitizer",
    "ERROR: LeakSanitizer", "runtime error:"}; /* in order of precedence */
typedef struct {
    char Stop[200];      /* the "*** STOP:" line */
    char TestStop[200];  /* a stop that failed its CMocka test (the fixtures' stop hook) */
    char Pool[200];      /* the first "  pool '" line of a leak table */
    char Exception[200]; /* from "Test failed with exception:" (CMocka caught a signal) */
    char Sanitizer[SANITIZER_MARKS][200]; /* the first line of each sanitizer mark */
    bool Failure;        /* some CMocka assertion failed ("error: Failure!") */
    bool TeardownLeak;   /* see below */
    char Unclean[200];   /* the first line of that test's teardown report */
} LOG_FACTS;

/* A log's last non-empty lines (each cut at 200 characters), for the
 * reports: kept by ReadLog, so that a run's log is read once. */
#define LOG_TAIL_LINES 12
typedef struct {
    char Lines[LOG_TAIL_LINES][201];
    size_t Count; /* lines seen: the last min(Count, 12) are kept */
} LOG_TAIL;

/* Keeps the first line of its kind. A log line can be longer than the field
 * (a 4 KiB read buffer); the report needs only its start, so the cut is
 * deliberate and explicit (an snprintf would leave gcc -O3 warning about it). */
static void Keep(char *Field, size_t Size, const char *Text)
{
    if (Field[0] == '\0') {
        size_t Length = strnlen(Text, Size - 1);
        memcpy(Field, Text, Length);
        Field[Length] = '\0';
    }
}

/* TeardownLeak: a CMocka test whose own assertions all held but which left
 * the machine unclean (SimTestTeardown: "machine not clean after the test")
 * leaked: the code under test lost something on the failure path. A test
 * that failed an assertion ("error: Failure!") abandons what it held, so its
 * leftovers say nothing. Only a test CMocka finished is judged: its verdict
 * for a failed teardown, "[  ERROR   ] NAME" (not "[  ERROR   ] --- message"),
 * is in the log, so a process that died early is not judged on half a log. */
static void ReadLog(const char *Log, LOG_FACTS *Facts, LOG_TAIL *Tail)
{
    memset(Facts, 0, sizeof(*Facts));
    Tail->Count = 0;
    FILE *In = fopen(Log, "r");
    if (In == NULL) {
        return;
    }
    bool NotClean = false, Failure = false, Ended = false, WantDetail = false;
    char Line[4096], First[200] = "";
    for (;;) {
        bool End = fgets(Line, sizeof(Line), In) == NULL;
        size_t Length = End ? 0 : strcspn(Line, "\n");
        if (Length != 0) { /* faults32: the excerpt from the same pass */
            snprintf(Tail->Lines[Tail->Count % LOG_TAIL_LINES], sizeof(Tail->Lines[0]), "%.*s",
                     (int)(Length < 200 ? Length : 200), Line);
            Tail->Count++;
        }
        if (End || strncmp(Line, "[ RUN      ] ", 13) == 0) {
            /* A test's block ends. */
            if (NotClean && !Failure && Ended && !Facts->TeardownLeak) {
                Facts->TeardownLeak = true;
                snprintf(Facts->Unclean, sizeof(Facts->Unclean), "%s", First);
            }
            NotClean = Failure = Ended = WantDetail = false;
            if (End) {
                break;
            }
            continue;
        }
        Line[strcspn(Line, "\n")] = '\0';
        if (WantDetail) {
            snprintf(First, sizeof(First), "%s", Line + strspn(Line, " "));
            WantDetail = false;
        }
        if (strstr(Line, "machine not clean after the test") != NULL) {
            NotClean = WantDetail = true;
        }
        if (strstr(Line, "error: Failure!") != NULL) {
            Failure = Facts->Failure = true;
        }
        if (strncmp(Line, "[  ERROR   ] ", 13) == 0 && strncmp(Line + 13, "---", 3) != 0) {
            Ended = true;
        }
        const char *Found;
        if (strstr(Line, "*** STOP:") != NULL) {
            Keep(Facts->Stop, sizeof(Facts->Stop), Line);
        }
        static const char InTest[] = "uncaught bug check in the test: ";
        if ((Found = strstr(Line, InTest)) != NULL) {
            Keep(Facts->TestStop, sizeof(Facts->TestStop), Found + sizeof(InTest) - 1);
        }
        if (strstr(Line, "  pool '") != NULL) {
            Keep(Facts->Pool, sizeof(Facts->Pool), Line);
        }
        if ((Found = strstr(Line, "Test failed with exception:")) != NULL) {
            Keep(Facts->Exception, sizeof(Facts->Exception), Found);
        }
        for (int k = 0; k < SANITIZER_MARKS; k++) {
            if (strstr(Line, SanitizerMarks[k]) != NULL) {
                Keep(Facts->Sanitizer[k], sizeof(Facts->Sanitizer[k]),
                     Line + strspn(Line, "=0123456789"));
            }
        }
    }
    fclose(In);
}

/* The reason a run failed is usually at the end of its log (a program that
 * cannot be started, a failed assertion, a STOP report): its last lines. */
static void PrintLogTail(const char *Log)
{
    enum { Kept = 12 };
    static char Lines[Kept][256];
    size_t Count = 0;
    FILE *In = fopen(Log, "r");
    char Line[sizeof(Lines[0])]; /* a longer line is kept in pieces */
    while (In != NULL && fgets(Line, sizeof(Line), In) != NULL) {
        Line[strcspn(Line, "\n")] = '\0';
        if (Line[0] != '\0') {
            snprintf(Lines[Count % Kept], sizeof(Lines[0]), "%s", Line);
            Count++;
        }
    }
    if (In != NULL) {
        fclose(In);
    }
    if (Count == 0) {
        fprintf(stderr, "; it printed nothing\n");
        return;
    }
    fprintf(stderr, "; it ended with:\n");
    for (size_t i = Count > Kept ? Count - Kept : 0; i < Count; i++) {
        fprintf(stderr, "  | %s\n", Lines[i % Kept]);
    }
}

/* The last lines of a run's log, for the reports (malloc'd, never NULL
 * unless out of memory). */
static char *LogExcerpt(const LOG_TAIL *Tail)
{
    char *Text = (char *)calloc(1, LOG_TAIL_LINES * sizeof(Tail->Lines[0]) + 1);
    size_t Count = Tail->Count;
    for (size_t i = Count > LOG_TAIL_LINES ? Count - LOG_TAIL_LINES : 0; Text != NULL && i < Count;
         i++) {
        strcat(Text, Tail->Lines[i % LOG_TAIL_LINES]);
        strcat(Text, "\n");
    }
    return Text;
}

/* Starts PROGRAM, output to Log, in its own process group (so a hung run
 * can be killed with its children): a run (MMSIM_FAULTS=Spec, and
 * MMSIM_TEST_FILTER=Test unless NULL) or, with ServerFds, a fork server
 * (MMSIM_FAULT_SERVER=R,W: the program's ends of its pipes). */
static pid_t Start(char **Program, const char *Spec, const char *Test, bool PerTest,
                   const char *Log, const int *ServerFds, const char *Extra)
{
    fflush(stdout);
    fflush(stderr);
    pid_t Pid = fork();
    if (Pid < 0) {
        perror("mmsim faults: fork");
        exit(2);
    }
    if (Pid == 0) {
        setpgid(0, 0);
        FILE *Out = freopen(Log, "w", stdout);
        if (Out == NULL || dup2(fileno(stdout), STDERR_FILENO) < 0) {
            _exit(127);
        }
        if (ServerFds != NULL) {
            char Fds[32];
            snprintf(Fds, sizeof(Fds), "%d,%d", ServerFds[0], ServerFds[1]);
            setenv("MMSIM_FAULT_SERVER", Fds, 1);
            /* child21: the server binds every symbol once, for all its runs
             * (fork_server.c), unless the user chose otherwise. */
            setenv("LD_BIND_NOW", HOST_FORK_SERVER_BIND_NOW, 0);
        } else {
            setenv("MMSIM_FAULTS", Spec, 1);
        }
        if (Test != NULL) {
            setenv("MMSIM_TEST_FILTER", Test, 1);
        }
        if (PerTest) {
            setenv("CMOCKA_MESSAGE_OUTPUT", "stdout", 1); /* the "[ RUN ]" lines */
        }
        if (Extra != NULL) {
            putenv((char *)Extra);
        }
        execvp(Program[0], Program);
        fprintf(stderr, "mmsim faults: cannot run %s: %s\n", Program[0], strerror(errno));
        _exit(127);
    }
    setpgid(Pid, Pid);
    return Pid;
}

/* A fork server's reply: false if the server is gone. */
static bool ServerReply(const SERVER *Server, int32_t *Kind, int32_t *Value)
{
    int32_t Message[2];
    if (!HostReadAll(Server->Reply, Message, sizeof(Message))) {
        return false;
    }
    *Kind = Message[0];
    *Value = Message[1];
    return true;
}

/* The pipes of job slot Slot's server: the runner's ends closed in every
 * program it starts, the program's recorded. False (said) if not made. */
static bool MakeServerPipes(long Slot)
{
    SERVER *Server = &Servers[Slot];
    int ToServer[2], FromServer[2], ToExplorer[2], FromExplorer[2];
    if (pipe(ToServer) != 0 || pipe(FromServer) != 0 || pipe(ToExplorer) != 0 ||
        pipe(FromExplorer) != 0) {
        perror("mmsim faults: pipe");
        return false;
    }
    fcntl(ToServer[1], F_SETFD, FD_CLOEXEC);
    fcntl(FromServer[0], F_SETFD, FD_CLOEXEC);
    fcntl(ToExplorer[1], F_SETFD, FD_CLOEXEC);
    fcntl(FromExplorer[0], F_SETFD, FD_CLOEXEC);
    Server->Request = ToServer[1];
    Server->Reply = FromServer[0];
    Server->Answers = ToExplorer[1];
    Server->Notes = FromExplorer[0];
    Server->ProgramRequest = ToServer[0];
    Server->ProgramReply = FromServer[1];
    Server->ProgramAnswers = ToExplorer[0];
    Server->ProgramNotes = FromExplorer[1];
    Server->Greeted = false;
    return true;
}

/* Closes the program's ends of Slot's pipes here: its server has them. */
static void HandOverPipes(long Slot)
{
    SERVER *Server = &Servers[Slot];
    close(Server->ProgramRequest);
    close(Server->ProgramReply);
    close(Server->ProgramAnswers);
    close(Server->ProgramNotes);
}

/* run24: slot 1's server is forked by slot 0's at its first request (the
 * "!F" order, fork_server.c), not started: its pipes are made before slot
 * 0's server starts, which so inherits them; the order, sent once. */
static char SiblingOrder[96];

/* Starts the fork server of job slot Slot; false (said on stderr) if
 * PROGRAM did not answer as one. With Sibling (slot 1 while slot 0 is
 * started): slot 1's server is to be forked by this one. */
static bool LaunchServer(char **Program, bool PerTest, long Slot, long Sibling)
{
    SERVER *Server = &Servers[Slot];
    if (!MakeServerPipes(Slot) || (Sibling >= 0 && !MakeServerPipes(Sibling))) {
        return false;
    }
    char Log[700];
    snprintf(Log, sizeof(Log), "%s/server%ld.log", StateDir, Slot);
    int Fds[2] = {Server->ProgramRequest, Server->ProgramReply};
    Server->Pid = Start(Program, NULL, NULL, PerTest, Log, Fds, NULL);
    HandOverPipes(Slot);
    if (Sibling >= 0) {
        HandOverPipes(Sibling);
        Servers[Sibling].Sibling = true;
        snprintf(SiblingOrder, sizeof(SiblingOrder), "!F%d,%d,%d,%d,%d,%d",
                 Servers[Sibling].ProgramRequest, Servers[Sibling].ProgramReply,
                 Servers[Sibling].ProgramAnswers, Servers[Sibling].ProgramNotes,
                 Server->ProgramAnswers, Server->ProgramNotes);
    }
    return true;
}

/* run25: how long a runner that has read slot 0's first STARTED waits for
 * the hello of the server slot 0's was told to fork. This mmsim's server
 * says it before that STARTED (fork_server.c): it is there at once. One of
 * run24 says it from the forked server, a fork later. A libmmsim older than
 * the order ignores it, and its server and runs keep the pipe's other end
 * open: without a bound the runner waited for ever. */
#define SIBLING_HELLO_MS 2000

/* Waits for the hello of the server LaunchServer started in Slot (or had
 * slot 0's fork). */
static bool AwaitServer(char **Program, bool PerTest, long Slot)
{
    SERVER *Server = &Servers[Slot];
    char Log[700];
    snprintf(Log, sizeof(Log), "%s/server%ld.log", StateDir, Server->Sibling ? 0L : Slot);
    int32_t Kind = 0, Value = 0;
    if (Server->Sibling) {
        struct pollfd Ready = {Server->Reply, POLLIN, 0};
        int Got;
        while ((Got = poll(&Ready, 1, SIBLING_HELLO_MS)) < 0 && errno == EINTR) {
        }
        if (Got <= 0 || !ServerReply(Server, &Kind, &Value) || Kind != HOST_FORK_HELLO) {
            /* Not forked (a libmmsim that ignores the order, or a fork
             * refused): started here instead, as any other slot's. A
             * server forked late ends when it finds its pipes closed. */
            fprintf(stderr,
                    "mmsim faults: %s's fork server did not start the second job slot's "
                    "(a libmmsim older than this mmsim?); starting it by exec\n",
                    Program[0]);
            close(Server->Request);
            close(Server->Reply);
            close(Server->Answers);
            close(Server->Notes);
            Server->Sibling = false;
            Server->Pid = 0;
            return LaunchServer(Program, PerTest, Slot, -1) && AwaitServer(Program, PerTest, Slot);
        }
        Server->Pid = (pid_t)Value;
        Server->Greeted = true;
        return true;
    }
    if (!ServerReply(Server, &Kind, &Value) || Kind != HOST_FORK_HELLO) {
        int WaitStatus = 0;
        waitpid(Server->Pid, &WaitStatus, 0);
        fprintf(stderr,
                "mmsim faults: %s did not start as mmsim's fork server (a program not linked "
                "with this mmsim?); --exec-per-run starts it once per run instead",
                Program[0]);
        PrintLogTail(Log);
        Server->Pid = 0;
        return false;
    }
    Server->Greeted = true;
    return true;
}

/* The server of Slot, started and greeted. */
static bool StartServer(char **Program, bool PerTest, long Slot)
{
    if (Servers[Slot].Pid == 0 && !Servers[Slot].Sibling &&
        !LaunchServer(Program, PerTest, Slot, -1)) {
        return false;
    }
    return Servers[Slot].Greeted || AwaitServer(Program, PerTest, Slot);
}

/* Ends every fork server (it exits when its request pipe closes): all told
 * first, then waited for, so that they end together. One that never said
 * hello is killed: still starting, or a program that is no server, running
 * as itself. A sibling is waited for by the server that forked it. */
static void StopServers(long Jobs)
{
    for (long j = 0; Servers != NULL && j < Jobs; j++) {
        if (Servers[j].Pid != 0 || Servers[j].Sibling) {
            close(Servers[j].Request);
            close(Servers[j].Reply);
            close(Servers[j].Answers);
            close(Servers[j].Notes);
            if (Servers[j].Pid != 0 && !Servers[j].Greeted) {
                kill(-Servers[j].Pid, SIGKILL);
            }
        }
    }
    for (long j = 0; Servers != NULL && j < Jobs; j++) {
        if (Servers[j].Pid != 0 && !Servers[j].Sibling) {
            int WaitStatus;
            waitpid(Servers[j].Pid, &WaitStatus, 0);
        }
        Servers[j].Pid = 0;
        Servers[j].Sibling = false;
    }
}

/* Asks the server of Slot for a run; false (said why) if it cannot be
 * asked. run22: its answer (the run's pid, HOST_FORK_STARTED) is not waited
 * for here but read with the run's end (StartedRun): the runner, blocked on
 * it while the server forked, answered no explorer meanwhile. */
static bool StartForked(long Slot, const char *Spec, const char *Test, bool PerTest,
                        const char *Log, const char *Extra, const char *ChildPrefix, bool Shared)
{
    char Request[4096];
    int Length = snprintf(Request, sizeof(Request), "@%s%cMMSIM_FAULTS=%s%c", Log, 0, Spec, 0);
    if (Test != NULL) {
        Length += snprintf(Request + Length, sizeof(Request) - (size_t)Length,
                           "MMSIM_TEST_FILTER=%s%c", Test, 0);
    }
    if (Extra != NULL && Length > 0 && (size_t)Length < sizeof(Request)) {
        Length += snprintf(Request + Length, sizeof(Request) - (size_t)Length, "%s%c", Extra, 0);
    }
    if (ChildPrefix != NULL && Length > 0 && (size_t)Length < sizeof(Request)) {
        /* An exploration's standing orders (fork_server.c): fork at every
         * first call, children's files ChildPrefix ID.log and .stacks. */
        Length += snprintf(Request + Length, sizeof(Request) - (size_t)Length, "!P%s%c!L%s%c",
                           ChildPrefix, 0, Log, 0);
    }
    if (Shared && Length > 0 && (size_t)Length < sizeof(Request)) {
        /* suite23: test after test, on the slot's explorer pipes. */
        Length += snprintf(Request + Length, sizeof(Request) - (size_t)Length, "!S%d,%d%c",
                           Servers[Slot].ProgramAnswers, Servers[Slot].ProgramNotes, 0);
    }
    if (Slot == 0 && SiblingOrder[0] != '\0' && Length > 0 && (size_t)Length < sizeof(Request)) {
        Length += snprintf(Request + Length, sizeof(Request) - (size_t)Length, "%s%c",
                           SiblingOrder, 0);
        SiblingOrder[0] = '\0';
    }
    (void)PerTest; /* CMOCKA_MESSAGE_OUTPUT is in the server's environment */
    if (Length <= 0 || (size_t)Length >= sizeof(Request) - sizeof(uint32_t)) {
        fprintf(stderr, "mmsim faults: a run's request is too long\n");
        return false;
    }
    /* The length and the entries in one write: one system call, and the
     * server reads it whole at once. */
    uint32_t Size = (uint32_t)Length;
    char Message[sizeof(Request)];
    memcpy(Message, &Size, sizeof(Size));
    memcpy(Message + sizeof(Size), Request, Size);
    const SERVER *Server = &Servers[Slot];
    /* A server that is gone is said, not a SIGPIPE (run24: the first
     * request goes before the server's hello, and a program that is no
     * server may have ended already: AwaitServer says so). */
    sigset_t Pipe, Mask;
    sigemptyset(&Pipe);
    sigaddset(&Pipe, SIGPIPE);
    sigprocmask(SIG_BLOCK, &Pipe, &Mask);
    bool Written =
        write(Server->Request, Message, sizeof(Size) + Size) == (ssize_t)(sizeof(Size) + Size);
    if (!Written && errno == EPIPE) {
        const struct timespec Zero = {0, 0}; /* the pending SIGPIPE, taken */
        (void)sigtimedwait(&Pipe, NULL, &Zero);
    }
    sigprocmask(SIG_SETMASK, &Mask, NULL);
    if (!Written && Server->Greeted) {
        fprintf(stderr, "mmsim faults: the fork server (pid %d) ended unexpectedly\n",
                (int)Server->Pid);
    }
    return Written;
}

/* The server's answer to a request (StartForked): the run's pid, or -1
 * (said why). */
static pid_t StartedRun(long Slot)
{
    const SERVER *Server = &Servers[Slot];
    int32_t Kind = 0, Value = 0;
    if (!ServerReply(Server, &Kind, &Value) || Kind != HOST_FORK_STARTED) {
        fprintf(stderr, "mmsim faults: the fork server (pid %d) %s\n", (int)Server->Pid,
                Kind == HOST_FORK_REFUSED ? strerror(Value) : "ended unexpectedly");
        return -1;
    }
    return (pid_t)Value;
}

/* How a run that exited with Status went (the log and stack list read). */
static void ClassifyExit(STACK *Stack, int Status, const LOG_FACTS *Facts, const char *Record)
{
    char Injected[32];
    snprintf(Injected, sizeof(Injected), "injected %s", Stack->Id);
    bool Reached = FileContains(Record, Injected, NULL, 0);
    /* A sanitizer's report (the program ends with the sanitizer's exit
     * code, which alone would read as "failed"): a memory or thread
     * error, or a host crash the sanitizer's own signal handler
     * reported. */
    const char *Sanitizer = NULL;
    for (int k = 0; k < SANITIZER_MARKS && Status != 0 && Sanitizer == NULL; k++) {
        Sanitizer = Facts->Sanitizer[k][0] != '\0' ? Facts->Sanitizer[k] : NULL;
    }
    bool HostLeak = Sanitizer != NULL && strstr(Sanitizer, "LeakSanitizer") != NULL;
    if (HostLeak && Facts->Failure) {
        /* Host memory a test abandoned when an assertion failed (its own
         * buffers): like its leftovers in the machine, nothing to judge. */
        Sanitizer = NULL;
    }
    if (Sanitizer != NULL) {
        /* A host memory leak is the simulator's or the test's, not the
         * simulated driver's: reported as leaked all the same. */
        Stack->Outcome = HostLeak ? OutcomeLeaked : OutcomeCrashed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%.190s", Sanitizer);
    } else if (Status == 86 || (Status != 0 && Facts->TestStop[0] != '\0')) {
        /* Exit 86, or (mmsim's CMocka fixtures) an uncaught stop that
         * failed the test it happened in. */
        const char *Stop = Status == 86 ? Facts->Stop : Facts->TestStop;
        bool Unload = strstr(Stop, "0x000000C4 (0x0000000000000062") != NULL ||
                      strstr(Stop, "0x000000CB") != NULL;
        Stack->Outcome = Unload ? OutcomeLeaked : OutcomeBugchecked;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%.190s", Stop);
    } else if (Status == 88) {
        Stack->Outcome = OutcomeLeaked;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "exit 88%s%.150s",
                 Facts->Pool[0] ? ":" : "", Facts->Pool);
    } else if (Status != 0 && Facts->Exception[0] != '\0') {
        /* A host signal CMocka caught in a test body: a crash all the same. */
        Stack->Outcome = OutcomeCrashed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%.190s", Facts->Exception);
    } else if (Status != 0 && Facts->TeardownLeak) {
        Stack->Outcome = OutcomeLeaked;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "left the machine unclean: %.160s",
                 Facts->Unclean);
    } else if (Status != 0) {
        Stack->Outcome = OutcomeFailed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "exit status %d", Status);
    } else {
        Stack->Outcome = Reached ? OutcomePassed : OutcomeNotReached;
    }
}

static void Classify(STACK *Stack, int WaitStatus, bool TimedOut, const char *Log,
                     const char *Record)
{
    LOG_FACTS Facts;
    LOG_TAIL Tail;
    ReadLog(Log, &Facts, &Tail);
    if (TimedOut) {
        Stack->Outcome = OutcomeHung;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "killed after the time limit");
    } else if (WIFSIGNALED(WaitStatus)) {
        Stack->Outcome = OutcomeCrashed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "signal %d (%s)", WTERMSIG(WaitStatus),
                 strsignal(WTERMSIG(WaitStatus)));
    } else {
        ClassifyExit(Stack, WEXITSTATUS(WaitStatus), &Facts, Record);
    }
    free(Stack->Excerpt);
    Stack->Excerpt = LogExcerpt(&Tail);
    Stack->Done = true;
}

static void Usage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim faults [--jobs N] [--timeout SECONDS] [--keep DIR] [--allow-failed]\n"
            "                    [--per-test] [--explorer-per-test | --exec-per-run | --fork-per-run]\n"
            "                    [--shard K/N]\n"
            "                    [--json FILE] [--junit FILE] -- PROGRAM [ARGS...]\n"
            "       mmsim faults merge [--json FILE] [--junit FILE] REPORT.json...\n"
            "\n"
            "Runs PROGRAM once per distinct calling stack of a fallible DDI, failing exactly\n"
            "that call (Driver Verifier's systematic low resources simulation), until no new\n"
            "stack is left, and reports each injected failure's outcome: passed, failed,\n"
            "crashed, bugchecked, leaked, hung or not reached.\n"
            "\n"
            "  --jobs N         runs in parallel (default: online processors)\n"
            "  --timeout S      time limit per run, whole seconds (default 120)\n"
            "  --keep DIR       keep state and logs in DIR (default: a temporary directory,\n"
            "                   removed at the end)\n"
            "  --allow-failed   a run that fails its own assertions is not a bad outcome\n"
            "                   (for test suites not written to expect injected failures);\n"
            "                   crashes, bug checks, leaks and hangs still are\n"
            "  --per-test       PROGRAM is a CMocka suite on mmsim's fixtures: explore each\n"
            "                   of its tests on its own (MMSIM_TEST_FILTER=NAME), so a run\n"
            "                   costs one test; a stack is failed once per test reaching it\n"
            "  --exec-per-run   start PROGRAM afresh for every run (default: PROGRAM is\n"
            "                   started once per job as a fork server, each test runs once\n"
            "                   and forks at each call to fail, the child failing it)\n"
            "  --fork-per-run   the fork server forks each run from the start instead\n"
            "  --explorer-per-test  with --per-test: each test is explored in a process of\n"
            "                   its own (default: an explorer runs test after test, so a\n"
            "                   test's failure paths run after the earlier tests of its\n"
            "                   explorer, with the program state they left)\n"
            "  --shard K/N      run shard K of N (1 <= K <= N) of the stack set\n"
            "  --json FILE      write the report as JSON (what `merge` reads)\n"
            "  --junit FILE     write the report as JUnit XML, a test case per injected failure\n"
            "\n"
            "merge combines the JSON reports of all N shards of one run into one report,\n"
            "printed and written as a run's.\n"
            "\n"
            "Exit status: 0 all passed (or not reached), 1 a bad outcome, 2 usage error or\n"
            "a baseline run (no injection) failed. See docs/verifier.md.\n");
}

/* The report's order: by test (the suite's own order), then stack identity -
 * not the order runs happened to finish in. */
static int CompareStacks(const void *A, const void *B)
{
    const STACK *Left = *(const STACK *const *)A;
    const STACK *Right = *(const STACK *const *)B;
    if (Left->Test != Right->Test) {
        return Left->Test < Right->Test ? -1 : 1;
    }
    return strcmp(Left->Id, Right->Id);
}

/* Where a run keeps its stack list and log. */
static void RunFiles(bool Discovery, size_t Index, char *Record, char *Log, size_t Size)
{
    char Name[64];
    if (Discovery) {
        snprintf(Name, sizeof(Name), "t%04zu", Index);
    } else if (Stacks[Index].Test >= 0) {
        snprintf(Name, sizeof(Name), "t%04ld-%s", Stacks[Index].Test, Stacks[Index].Id);
    } else {
        snprintf(Name, sizeof(Name), "%s", Stacks[Index].Id);
    }
    snprintf(Record, Size, "%s/%s.stacks", StateDir, Name);
    snprintf(Log, Size, "%s/%s.log", StateDir, Name);
}

/* The command line. */
typedef struct {
    char **Program; /* PROGRAM ARGS..., NULL-terminated (argv's tail) */
    long Jobs;
    double Timeout;
    bool Keep;
    bool AllowFailed;
    bool PerTest;
    bool ExecPerRun;
    bool ForkPerRun;
    bool ExplorerPerTest; /* suite23b: no shared explorer */
    const char *Json, *Junit; /* report files, or NULL */
} FAULTS_OPTIONS;

/* A whole number option, 1 to Max, as every configuration number
 * (sim/config.h); false (said on stderr) if Text is not one. */
static bool NumberOption(const char *Option, const char *Text, uint64_t Max, const char *What,
                         uint64_t *Number)
{
    if (!MiConfigParseNumber(Text, strlen(Text), 1, Max, Number)) {
        fprintf(stderr, "mmsim faults: %s '%s': expected %s, 1 to %llu\n", Option, Text, What,
                (unsigned long long)Max);
        return false;
    }
    return true;
}

/* K/N, 1 <= K <= N <= 4096, numbers as every configuration number. */
static bool ShardOption(const char *Text)
{
    const char *Slash = strchr(Text, '/');
    uint64_t K = 0, N = 0;
    if (Slash == NULL || !MiConfigParseNumber(Text, (size_t)(Slash - Text), 1, 4096, &K) ||
        !MiConfigParseNumber(Slash + 1, strlen(Slash + 1), 1, 4096, &N) || K > N) {
        fprintf(stderr, "mmsim faults: --shard '%s': expected K/N, shard K of N, 1 <= K <= N <= "
                        "4096\n", Text);
        return false;
    }
    Shard.Index = K - 1;
    Shard.Count = N;
    return true;
}

/* 0 with Options filled, or the exit status (help: 0 with Program NULL). */
static int ParseOptions(int argc, char **argv, FAULTS_OPTIONS *Options)
{
    memset(Options, 0, sizeof(*Options));
    Options->Jobs = sysconf(_SC_NPROCESSORS_ONLN);
    Options->Timeout = 120;
    int i = 1;
    for (; i < argc; i++) {
        uint64_t Number;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            Usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
            if (!NumberOption(argv[i], argv[i + 1], 1024, "runs in parallel", &Number)) {
                return 2;
            }
            Options->Jobs = (long)Number;
            i++;
        } else if (strcmp(argv[i], "--timeout") == 0 && i + 1 < argc) {
            if (!NumberOption(argv[i], argv[i + 1], 86400, "whole seconds", &Number)) {
                return 2;
            }
            Options->Timeout = (double)Number;
            i++;
        } else if (strcmp(argv[i], "--shard") == 0 && i + 1 < argc) {
            if (!ShardOption(argv[++i])) {
                return 2;
            }
        } else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
            Options->Json = argv[++i];
        } else if (strcmp(argv[i], "--junit") == 0 && i + 1 < argc) {
            Options->Junit = argv[++i];
        } else if (strcmp(argv[i], "--allow-failed") == 0) {
            Options->AllowFailed = true;
        } else if (strcmp(argv[i], "--per-test") == 0) {
            Options->PerTest = true;
        } else if (strcmp(argv[i], "--exec-per-run") == 0) {
            Options->ExecPerRun = true;
        } else if (strcmp(argv[i], "--fork-per-run") == 0) {
            Options->ForkPerRun = true;
        } else if (strcmp(argv[i], "--explorer-per-test") == 0) {
            Options->ExplorerPerTest = true;
        } else if (strcmp(argv[i], "--keep") == 0 && i + 1 < argc) {
            snprintf(StateDir, sizeof(StateDir), "%s", argv[++i]);
            Options->Keep = true;
        } else {
            fprintf(stderr, "mmsim faults: unknown option '%s'\n", argv[i]);
            Usage(stderr);
            return 2;
        }
    }
    if (i >= argc || Options->Jobs < 1 || Options->Timeout <= 0) {
        Usage(stderr);
        return 2;
    }
    Options->Program = &argv[i];
    return 0;
}

/* Step 1: the baseline run records every stack and fails nothing. 0, or 2
 * if it did not pass. With --per-test it lists the suite's tests instead
 * (MMSIM_TEST_LIST=1: the fixtures' SimRunTests prints each test's name and
 * runs none, cmocka_fixtures.c): each test's own run with nothing failed -
 * its exploration or discovery run - is its baseline, so running the whole
 * suite first only cost a run of every test. A suite that does not know the
 * variable runs whole, and its "[ RUN ]" lines list the tests as before.
 * Forking at the failing call, the fork server of the first job slot runs
 * it (no exec). */
/* suite23: the listing run of an unsharded default-mode --per-test run is
 * the first slot's explorer: once it has listed the tests (its log) it asks
 * for its first test (a HOST_EXPLORE_TEST_ENDED note, kept here for
 * Explore), so that the first explorer need not be started after the
 * listing. */
static RUNNING ListingRun;
static bool ListingReady;
static bool ExploreMode(const FAULTS_OPTIONS *Options);
static HOST_EXPLORE_NOTE ListingNote;

/* suite23: explorers run test after test (and the listing run is the first
 * one) unless sharded or --explorer-per-test (suite23b). */
static bool SharesExplorers(const FAULTS_OPTIONS *Options)
{
    return ExploreMode(Options) && Options->PerTest && Shard.Count == 0 &&
           !Options->ExplorerPerTest;
}

/* Waits for the listing explorer (its server's reply Pid) to ask for its
 * first test (true) or end (false, its wait status in WaitStatus); -1 if
 * its server is gone. */
static int AwaitListing(pid_t Pid, int *WaitStatus)
{
    for (;;) {
        struct pollfd Ready[2] = {{Servers[0].Notes, POLLIN, 0}, {Servers[0].Reply, POLLIN, 0}};
        if (poll(Ready, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        if (Ready[0].revents & POLLIN) {
            HOST_EXPLORE_NOTE Note;
            if (read(Servers[0].Notes, &Note, sizeof(Note)) != (ssize_t)sizeof(Note)) {
                return -1;
            }
            if (Note.Kind == HOST_EXPLORE_TEST_ENDED && Note.Pid == (int32_t)Pid) {
                ListingNote = Note;
                return 1;
            }
            continue; /* nothing else is said before a first test */
        }
        if (Ready[1].revents & (POLLIN | POLLHUP)) {
            int32_t Kind = 0, Value = 0;
            if (!ServerReply(&Servers[0], &Kind, &Value) || Kind != HOST_FORK_ENDED) {
                return -1;
            }
            *WaitStatus = Value;
            return 0;
        }
    }
}

static int RunBaseline(const FAULTS_OPTIONS *Options)
{
    char Record[700], Log[700], Spec[800];
    snprintf(Record, sizeof(Record), "%s/baseline.stacks", StateDir);
    snprintf(Log, sizeof(Log), "%s/baseline.log", StateDir);
    unlink(Record);
    snprintf(Spec, sizeof(Spec), "record=%s", Record);
    int WaitStatus = 0;
    static char ListTests[] = "MMSIM_TEST_LIST=1";
    const char *Extra = Options->PerTest ? ListTests : NULL;
    /* suite23: the listing run goes on as the first explorer (fork_server.c). */
    bool Listing = SharesExplorers(Options);
    char ListPrefix[700];
    snprintf(ListPrefix, sizeof(ListPrefix), "%s/listing-", StateDir);
    if (Options->PerTest && !Options->ExecPerRun) {
        int32_t Kind = 0, Value = 0;
        /* run22: the second slot's server starts with the first, not after
         * the listing: the second slot's first exploration waited for it
         * (1.5-2 ms). run24: slot 0's server forks it (LaunchServer). The
         * others start once the tests are known (as many as there are
         * tests). */
        if (!LaunchServer(Options->Program, Options->PerTest, 0, Options->Jobs > 1 ? 1 : -1)) {
            return 2;
        }
        /* run24: the request is in the pipe before the server's hello is
         * read: the server forks the run as soon as it has said hello,
         * without waiting for the runner to be scheduled in between. */
        bool Requested = StartForked(0, Spec, NULL, Options->PerTest, Log, Extra,
                                     Listing ? ListPrefix : NULL, Listing);
        if (!StartServer(Options->Program, Options->PerTest, 0)) {
            return 2;
        }
        if (!Requested) {
            fprintf(stderr, "mmsim faults: the fork server (pid %d) ended unexpectedly\n",
                    (int)Servers[0].Pid);
            return 2;
        }
        pid_t Pid = StartedRun(0);
        if (Pid < 0) {
            return 2;
        }
        if (Listing) {
            int Asked = AwaitListing(Pid, &WaitStatus);
            if (Asked < 0) {
                fprintf(stderr, "mmsim faults: the fork server (pid %d) ended unexpectedly\n",
                        (int)Servers[0].Pid);
                return 2;
            }
            if (Asked > 0) {
                memset(&ListingRun, 0, sizeof(ListingRun));
                ListingRun.Pid = Pid;
                ListingRun.Exploring = true;
                ListingRun.Test = -1;
                ListingRun.Ahead = -1;
                ListingRun.Started = Now();
                ListingReady = true;
            }
        } else {
            if (!ServerReply(&Servers[0], &Kind, &Value) || Kind != HOST_FORK_ENDED) {
                return 2;
            }
            WaitStatus = Value;
        }
    } else {
        pid_t Pid = Start(Options->Program, Spec, NULL, Options->PerTest, Log, NULL, Extra);
        waitpid(Pid, &WaitStatus, 0);
    }
    if (!WIFEXITED(WaitStatus) || WEXITSTATUS(WaitStatus) != 0) {
        char How[64];
        if (WIFEXITED(WaitStatus)) {
            snprintf(How, sizeof(How), "exit status %d", WEXITSTATUS(WaitStatus));
        } else {
            snprintf(How, sizeof(How), "signal %d",
                     WIFSIGNALED(WaitStatus) ? WTERMSIG(WaitStatus) : 0);
        }
        fprintf(stderr, "mmsim faults: the baseline run (no injected failure) did not pass (%s)",
                How);
        PrintLogTail(Log);
        fprintf(stderr, "state and logs: %s\n", StateDir);
        return 2;
    }
    if (Options->PerTest) {
        bool Listed = false;
        LoadTests(Log, &Listed);
        if (TestCount == 0) {
            fprintf(stderr, "mmsim faults: --per-test: the baseline ran no CMocka test; see %s\n",
                    Log);
            return 2;
        }
        /* The other slots' servers start together now (greeted when first
         * used), not one by one while the first explorations wait for the
         * runner. */
        for (long Slot = 2; !Options->ExecPerRun && Slot < Options->Jobs && (size_t)Slot < TestCount;
             Slot++) {
            if (!LaunchServer(Options->Program, Options->PerTest, Slot, -1)) {
                break;
            }
        }
        if (Listed) {
            fprintf(stderr, "mmsim faults: the suite lists %zu test(s) to explore one by one\n",
                    TestCount);
        } else {
            fprintf(stderr, "mmsim faults: baseline passed; %zu test(s) to explore one by one\n",
                    TestCount);
        }
    } else {
        LoadStacks(Record, -1, true);
        fprintf(stderr, "mmsim faults: baseline passed; %zu fallible call stack(s) to fail\n",
                StackCount);
    }
    return 0;
}

/* Step 2's queue: tests still to discover or explore, stacks still to fail. */
typedef struct {
    size_t NextTest;     /* discovery runs or explorations started */
    size_t Explorations; /* how many: TestCount, 1 (the whole program, explored), or 0 */
    size_t Finished;
    size_t Forked;       /* injected failures forked at the failing call */
    size_t FromStart;    /* ... run from the start (exec or fork server) */
    size_t Unreached;    /* ... only failure paths reach: told by the exploration */
    /* Calls an explorer could not fork at: another thread alive, or the
     * host refused (the last refusal's errno): said in the summary. */
    size_t ThreadAlive, Refused;
    int RefusedErrno;
    /* suite23: explorers run test after test (--per-test, unsharded); the
     * tests to explore again, each in an explorer of its own. */
    bool Sharing;
    size_t *Redo;
    size_t RedoCount, RedoCapacity;
    size_t *Again;       /* tests sent ahead to an explorer that stopped: for another */
    size_t AgainCount, AgainCapacity;
    size_t Explorers, Alone; /* explorer processes; tests explored again alone */
} QUEUE;

static void NotForked(QUEUE *Queue, int32_t Errno)
{
    if (Errno == 0) {
        Queue->ThreadAlive++;
    } else {
        Queue->Refused++;
        Queue->RefusedErrno = (int)Errno;
    }
}

static bool MoreExplorations(const QUEUE *Queue)
{
    return Queue->RedoCount > 0 || Queue->AgainCount > 0 || Queue->NextTest < Queue->Explorations;
}

/* The next test for a shared explorer, or -1. */
static long TakeSharedTest(QUEUE *Queue)
{
    if (Queue->AgainCount > 0) {
        return (long)Queue->Again[--Queue->AgainCount];
    }
    return Queue->NextTest < Queue->Explorations ? (long)Queue->NextTest++ : -1;
}

static void GiveBackSharedTest(QUEUE *Queue, long Test)
{
    Queue->Again = (size_t *)Grow(Queue->Again, &Queue->AgainCapacity, Queue->AgainCount,
                                  sizeof(size_t));
    Queue->Again[Queue->AgainCount++] = (size_t)Test;
}

/* Fork at the failing call: the default mode (neither --exec-per-run nor
 * --fork-per-run). */
static bool ExploreMode(const FAULTS_OPTIONS *Options)
{
    return !Options->ExecPerRun && !Options->ForkPerRun;
}

static bool WholeExplored; /* the whole program's exploration (Test -1) ended */

static bool Explored(long Test)
{
    return Test >= 0 ? Tests[Test].Explored : WholeExplored;
}

/* The next stack to run from the start, or -1. In explore mode a test's
 * stacks wait for its exploration, which forks most of them. */
static long NextQueued(const FAULTS_OPTIONS *Options)
{
    for (size_t s = 0; s < StackCount; s++) {
        if (!Stacks[s].Claimed && (!ExploreMode(Options) || Explored(Stacks[s].Test))) {
            return (long)s;
        }
    }
    return -1;
}

static long FindStack(const char *Id, long Test)
{
    for (size_t i = 0; i < StackCount; i++) {
        if (Stacks[i].Test == Test && strcmp(Stacks[i].Id, Id) == 0) {
            return (long)i;
        }
    }
    return -1;
}

/* A stack from a line "ID site frames" (a record's or a note's). */
static long AddStack(const char *Line, long Test)
{
    Stacks = (STACK *)Grow(Stacks, &StackCapacity, StackCount, sizeof(STACK));
    STACK *Stack = &Stacks[StackCount];
    memset(Stack, 0, sizeof(*Stack));
    memcpy(Stack->Id, Line, 16);
    Stack->Id[16] = '\0';
    Stack->Test = Test;
    Stack->Description = strdup(strlen(Line) > 17 ? Line + 17 : "?");
    return (long)StackCount++;
}

/* An exploration's files: its log and stack record (explored test). */
static void ExploreFiles(long Test, char *Record, char *Log, size_t Size)
{
    char Name[64];
    if (Test >= 0) {
        snprintf(Name, sizeof(Name), "t%04ld", Test);
    } else {
        snprintf(Name, sizeof(Name), "explore");
    }
    snprintf(Record, Size, "%s/%s.stacks", StateDir, Name);
    snprintf(Log, Size, "%s/%s.log", StateDir, Name);
}

/* Starts the next run (a test's discovery run or exploration first) in job
 * slot Slot of Running; false if a fork server failed. */
static bool StartRun(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Running, long Slot)
{
    RUNNING *Run = &Running[Slot];
    char Record[700], Log[700], Spec[800];
    bool First = MoreExplorations(Queue);
    Run->Exploring = First && ExploreMode(Options);
    Run->Discovery = First && !Run->Exploring;
    Run->Shared = false;
    Run->Ahead = -1;
    if (First && Queue->RedoCount > 0) {
        Run->Index = Queue->Redo[--Queue->RedoCount]; /* on its own: no other test */
        Run->Test = (long)Run->Index;
    } else if (First) {
        Run->Index = Queue->AgainCount > 0 ? (size_t)TakeSharedTest(Queue) : Queue->NextTest++;
        Run->Test = Options->PerTest ? (long)Run->Index : -1;
        Run->Shared = Run->Exploring && Queue->Sharing;
    } else {
        Run->Index = (size_t)NextQueued(Options);
        Run->Test = Stacks[Run->Index].Test;
        Stacks[Run->Index].Claimed = true;
    }
    if (Run->Exploring) {
        Queue->Explorers++;
        ExploreFiles(Run->Test, Record, Log, sizeof(Record));
        Run->ChildCount = 0;
        Run->Pending = 0;
        Run->Permits = 0;
        Run->TimedOut = Run->Threads = false;
        Run->ForkedCount = 0;
        Run->RanCount = 0;
        Run->Current = true;
        Run->TestsRun = 1;
    } else {
        RunFiles(Run->Discovery, Run->Index, Record, Log, sizeof(Record));
    }
    unlink(Record);
    if (Run->Exploring) {
        /* Started for its slot already: the server's descriptors are known. */
        if (!StartServer(Options->Program, Options->PerTest, Slot)) {
            return false;
        }
        snprintf(Spec, sizeof(Spec), "explore=%d,%d;record=%s", Servers[Slot].ProgramAnswers,
                 Servers[Slot].ProgramNotes, Record);
    } else if (Run->Discovery) {
        snprintf(Spec, sizeof(Spec), "record=%s", Record);
    } else {
        snprintf(Spec, sizeof(Spec), "stack=%s;record=%s", Stacks[Run->Index].Id, Record);
    }
    const char *Name = Run->Test >= 0 ? Tests[Run->Test].Name : NULL;
    if (Options->ExecPerRun) {
        Run->Pid = Start(Options->Program, Spec, Name, Options->PerTest, Log, NULL, NULL);
    } else {
        if (!StartServer(Options->Program, Options->PerTest, Slot)) {
            return false;
        }
        /* An exploration of an unsharded run asks nothing: every stack
         * it meets first is its test's, new and this run's to fail. */
        char ChildPrefix[700];
        if (Run->Test >= 0) {
            snprintf(ChildPrefix, sizeof(ChildPrefix), "%s/t%04ld-", StateDir, Run->Test);
        } else {
            snprintf(ChildPrefix, sizeof(ChildPrefix), "%s/", StateDir);
        }
        bool Orders = Run->Exploring && Shard.Count == 0;
        if (!StartForked(Slot, Spec, Name, Options->PerTest, Log, NULL,
                         Orders ? ChildPrefix : NULL, Run->Shared)) {
            Run->Pid = 0;
            return false;
        }
        Run->Pid = -1; /* known at the server's answer (RunStarted) */
    }
    Run->Started = Now();
    return true;
}

/* run22: the progress lines of step 2, said in order but printed (and the
 * stacks in them named) once the runner has started what it can: naming a
 * stack costs a symbol lookup (the first of a server a session), which
 * otherwise delayed the next exploration of a slot whose exploration had
 * just ended. */
typedef struct {
    size_t Stack;           /* an outcome's line: the stack; SIZE_MAX: Text */
    size_t Finished, Count; /* the "[Finished/Count]" it had when said */
    size_t New;
    char *Text;
} SAID;
static SAID *Said;
static size_t SaidCount, SaidCapacity;

static void Say(size_t Stack, size_t Finished, size_t Count, size_t New, char *Text)
{
    Said = (SAID *)Grow(Said, &SaidCapacity, SaidCount, sizeof(SAID));
    Said[SaidCount++] = (SAID){Stack, Finished, Count, New, Text};
}

/* A line of text, said (printed with the outcomes, in order). */
static void SayText(const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 1, 2)));
static void SayText(const char *Format, ...)
{
    va_list Arguments;
    va_start(Arguments, Format);
    char *Text = NULL;
    int Length = vasprintf(&Text, Format, Arguments);
    va_end(Arguments);
    if (Length < 0) {
        Text = NULL;
    }
    Say(SIZE_MAX, 0, 0, 0, Text);
}

/* Prints what was said, naming the stacks (the servers still run). */
static void PrintSaid(void)
{
    for (size_t i = 0; i < SaidCount; i++) {
        const SAID *Line = &Said[i];
        if (Line->Stack == SIZE_MAX) {
            fputs(Line->Text != NULL ? Line->Text : "", stderr);
            free(Line->Text);
            continue;
        }
        STACK *Stack = &Stacks[Line->Stack];
        NameStack(Stack);
        char Short[96];
        snprintf(Short, sizeof(Short), "%s", Stack->Description);
        fprintf(stderr, "[%zu/%zu] %s %-10s %s%s%s\n", Line->Finished, Line->Count, Stack->Id,
                OutcomeNames[Stack->Outcome], Short, Stack->Detail[0] ? "  -- " : "",
                Stack->Detail);
        if (Line->New != 0) {
            fprintf(stderr, "        %zu new stack(s) found on this failure path\n", Line->New);
        }
    }
    SaidCount = 0;
}

static void PrintOutcome(const QUEUE *Queue, STACK *Stack, size_t New)
{
    Say((size_t)(Stack - Stacks), Queue->Finished, StackCount - DroppedStacks, New, NULL);
}

/* A run ended: the stacks it found join the queue; a discovery run tells
 * whether its test passes alone, a failing run how the failure went. */
static void RunEnded(QUEUE *Queue, RUNNING *Run, int WaitStatus, bool TimedOut)
{
    char Record[700], Log[700];
    RunFiles(Run->Discovery, Run->Index, Record, Log, sizeof(Record));
    long Test = Run->Test;
    size_t New = LoadStacks(Record, Test, Run->Discovery);
    if (Run->Discovery) {
        TEST *T = &Tests[Run->Index];
        if (TimedOut || !WIFEXITED(WaitStatus) || WEXITSTATUS(WaitStatus) != 0) {
            T->Failed = true;
            snprintf(T->Detail, sizeof(T->Detail), "fails with no injected failure; see %.150s",
                     Log);
        }
        SayText("[test %zu/%zu] %s: %zu stack(s)%s\n", Run->Index + 1, TestCount,
                T->Name, New, T->Failed ? " -- FAILS ALONE" : "");
        return;
    }
    STACK *Stack = &Stacks[Run->Index];
    Classify(Stack, WaitStatus, TimedOut, Log, Record);
    Queue->Finished++;
    Queue->FromStart++;
    PrintOutcome(Queue, Stack, New);
}

/* Whether the fork server of Slot has said the pid of the run asked for
 * (Run->Pid -1 until then; Block: wait for it); -1 if it is gone or could
 * not fork. */
static int RunStarted(RUNNING *Run, long Slot, bool Block)
{
    if (Run->Pid > 0) {
        return 1;
    }
    struct pollfd Ready = {Servers[Slot].Reply, POLLIN, 0};
    if (!Block && poll(&Ready, 1, 0) <= 0) {
        return 0;
    }
    Run->Pid = StartedRun(Slot);
    return Run->Pid > 0 ? 1 : -1;
}

/* Whether the run of Slot ended (killing it over the time limit), with its
 * wait status; -1 if its fork server is gone. */
static int RunDone(const FAULTS_OPTIONS *Options, RUNNING *Run, long Slot, bool TimedOut,
                   int *WaitStatus)
{
    if (!Options->ExecPerRun) {
        int Started = RunStarted(Run, Slot, TimedOut);
        if (Started <= 0) {
            return Started;
        }
    }
    if (TimedOut) {
        kill(-Run->Pid, SIGKILL);
    }
    if (Options->ExecPerRun) {
        return waitpid(Run->Pid, WaitStatus, TimedOut ? 0 : WNOHANG) == Run->Pid;
    }
    struct pollfd Ready = {Servers[Slot].Reply, POLLIN, 0};
    if (!TimedOut && poll(&Ready, 1, 0) <= 0) {
        return 0;
    }
    int32_t Kind = 0, Value = 0;
    if (!ServerReply(&Servers[Slot], &Kind, &Value) || Kind != HOST_FORK_ENDED) {
        fprintf(stderr, "mmsim faults: the fork server (pid %d) ended unexpectedly\n",
                (int)Servers[Slot].Pid);
        return -1;
    }
    *WaitStatus = Value;
    return 1;
}

/* Cores in use: runs (explorers among them) and the children explorers
 * went on without waiting for; at most --jobs. */
static long Busy;

/* An explorer's first call of a stack: fork it (a stack of this test no run
 * has claimed: one this shard owns, or one queued for it) or not. The
 * explorer goes on while its child runs if a core is free, else waits. */
static void AnswerExplorer(const FAULTS_OPTIONS *Options, RUNNING *Run, long Slot,
                           const HOST_EXPLORE_NOTE *Note)
{
    HOST_EXPLORE_ANSWER Answer;
    memset(&Answer, 0, sizeof(Answer));
    Answer.Pid = Note->Pid;
    char Id[17];
    snprintf(Id, sizeof(Id), "%.16s", Note->Line);
    long Index = strlen(Note->Line) > 17 ? FindStack(Id, Run->Test) : -2;
    if (Index == -1 && OwnedByShard(Id, Run->Test)) {
        Index = AddStack(Note->Line, Run->Test);
    } else if (Index >= 0 && Stacks[Index].Claimed) {
        Index = -1;
    }
    if (Index >= 0 && Run->ChildCount < MAX_CHILDREN) {
        Stacks[Index].Claimed = true;
        Run->Answered = (size_t)Index;
        char ParentRecord[sizeof(Answer.ParentLog)];
        RunFiles(false, (size_t)Index, Answer.Record, Answer.Log, sizeof(Answer.Log));
        ExploreFiles(Run->Test, ParentRecord, Answer.ParentLog, sizeof(Answer.ParentLog));
        Answer.Fork = Busy < Options->Jobs ? 2 : 1;
        Busy += Answer.Fork == 2; /* the core is the child's from now on */
        Run->Pending = Answer.Fork;
    }
    ssize_t Put;
    do {
        Put = write(Servers[Slot].Answers, &Answer, sizeof(Answer));
    } while (Put < 0 && errno == EINTR);
}

/* The stack a note names (added if new to the run's test); -1 if the line
 * is malformed. */
static long NotedStack(const RUNNING *Run, const HOST_EXPLORE_NOTE *Note)
{
    char Id[17];
    snprintf(Id, sizeof(Id), "%.16s", Note->Line);
    if (strlen(Note->Line) <= 17) {
        return -1;
    }
    long Index = FindStack(Id, Run->Test);
    return Index >= 0 ? Index : AddStack(Note->Line, Run->Test);
}

/* suite23: a test a shared explorer ran is explored again in an explorer
 * of its own: what its shared exploration found is dropped. */
static void DropTest(QUEUE *Queue, size_t Test)
{
    for (size_t s = 0; s < StackCount; s++) {
        if (Stacks[s].Test == (long)Test) {
            if (Stacks[s].Done) { /* its children's outcomes */
                Queue->Finished--;
                Queue->Forked--;
            }
            Stacks[s].Test = DROPPED_TEST;
            Stacks[s].Claimed = Stacks[s].Done = true;
            DroppedStacks++;
        }
    }
    free(Tests[Test].Forked);
    Tests[Test].Forked = NULL;
    Tests[Test].ForkedCount = 0;
    Tests[Test].Threads = Tests[Test].Failed = false;
    Queue->Alone++;
    Queue->Redo = (size_t *)Grow(Queue->Redo, &Queue->RedoCapacity, Queue->RedoCount,
                                 sizeof(size_t));
    Queue->Redo[Queue->RedoCount++] = Test;
    SayText("[test %zu/%zu] %s: explored again in a process of its own\n", Test + 1, TestCount,
            Tests[Test].Name);
}

/* suite23: a shared explorer's answer naming Test its next (false if a
 * file name does not fit). */
static bool NextAnswer(int32_t Pid, long Test, HOST_EXPLORE_ANSWER *Answer)
{
    char Record[700], Log[700], Prefix[700];
    memset(Answer, 0, sizeof(*Answer));
    Answer->Pid = Pid;
    Answer->Fork = 4; /* stop */
    if (Test < 0) {
        return true;
    }
    ExploreFiles(Test, Record, Log, sizeof(Record));
    snprintf(Prefix, sizeof(Prefix), "%s/t%04ld-", StateDir, Test);
    if (strlen(Log) >= sizeof(Answer->Log) || strlen(Record) >= sizeof(Answer->Record) ||
        strlen(Prefix) >= sizeof(Answer->ParentLog) ||
        strlen(Tests[Test].Name) >= sizeof(Answer->Test)) {
        return false;
    }
    unlink(Record);
    Answer->Fork = 3;
    memcpy(Answer->Log, Log, strlen(Log) + 1); /* lengths checked above */
    memcpy(Answer->Record, Record, strlen(Record) + 1);
    memcpy(Answer->ParentLog, Prefix, strlen(Prefix) + 1);
    memcpy(Answer->Test, Tests[Test].Name, strlen(Tests[Test].Name) + 1);
    return true;
}

static void WriteAnswer(long Slot, const HOST_EXPLORE_ANSWER *Answer)
{
    ssize_t Put;
    do {
        Put = write(Servers[Slot].Answers, Answer, sizeof(*Answer));
    } while (Put < 0 && errno == EINTR);
}

/* A shared explorer is sent its next test ahead, while it runs the current
 * one, so that it need not wait for the runner when that ends (waits of up
 * to 2 ms when the runner was busy naming stacks): while at least a test per
 * job slot is queued (the last ones go to whichever explorer is free). */
static void SendAhead(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Run, long Slot)
{
    if (!Run->Shared || !Run->Current || Run->Ahead >= 0 || Run->Pid <= 0) {
        return;
    }
    size_t Left = Queue->AgainCount + (Queue->Explorations - Queue->NextTest);
    if (Left < (size_t)Options->Jobs) {
        return;
    }
    long Test = TakeSharedTest(Queue);
    HOST_EXPLORE_ANSWER Answer;
    if (!NextAnswer((int32_t)Run->Pid, Test, &Answer)) {
        GiveBackSharedTest(Queue, Test);
        return;
    }
    struct pollfd Room = {Servers[Slot].Answers, POLLOUT, 0};
    if (poll(&Room, 1, 0) <= 0 || (Room.revents & POLLOUT) == 0) {
        GiveBackSharedTest(Queue, Test); /* never wait on it */
        return;
    }
    WriteAnswer(Slot, &Answer);
    Run->Ahead = Test;
}

/* suite23: a shared explorer ended its test. A test that passed, with every
 * call forked at, is judged when the explorer ends (its exit is the exit of
 * that test's run too); the explorer goes on with the next test, if any.
 * Its first test is a run of that test alone in every respect; a later one
 * that failed or met another thread is explored again on its own, and the
 * explorer stops. */
static void TestEnded(QUEUE *Queue, RUNNING *Run, long Slot, const HOST_EXPLORE_NOTE *Note)
{
    bool Continues = Note->Child != 0; /* its test passed, every call forked at */
    bool Clean = Note->Value == 0 && !Run->Threads && Run->ChildCount == 0;
    if (Run->Shared && Run->Current && Run->Test >= 0) {
        size_t Test = (size_t)Run->Test;
        if (Clean) {
            TEST *T = &Tests[Test];
            T->Forked = (size_t *)malloc((Run->ForkedCount ? Run->ForkedCount : 1) *
                                         sizeof(size_t));
            if (T->Forked == NULL) {
                fprintf(stderr, "mmsim faults: out of memory\n");
                exit(2);
            }
            if (Run->ForkedCount != 0) {
                memcpy(T->Forked, Run->Forked, Run->ForkedCount * sizeof(size_t));
            }
            T->ForkedCount = Run->ForkedCount;
            Run->Ran = (size_t *)Grow(Run->Ran, &Run->RanCapacity, Run->RanCount, sizeof(size_t));
            Run->Ran[Run->RanCount++] = Test;
            Run->Current = false;
        } else if (Run->TestsRun > 1 || Continues) {
            DropTest(Queue, Test);
            Run->Current = false;
        }
    } else if (Run->TestsRun > 0 || !Run->Shared) {
        Continues = false; /* else: a listing run ready for its first test */
    }
    long Next = -1;
    if (Run->Ahead >= 0) {
        /* Its answer is in the pipe already. */
        if (Continues) {
            Next = Run->Ahead;
        } else {
            GiveBackSharedTest(Queue, Run->Ahead);
        }
        Run->Ahead = -1;
    } else {
        HOST_EXPLORE_ANSWER Answer;
        Next = Continues ? TakeSharedTest(Queue) : -1;
        if (!NextAnswer(Note->Pid, Next, &Answer)) {
            GiveBackSharedTest(Queue, Next);
            Next = -1;
            (void)NextAnswer(Note->Pid, -1, &Answer);
        }
        WriteAnswer(Slot, &Answer);
    }
    if (Next >= 0) {
        Run->Test = Next;
        Run->Index = (size_t)Next;
        Run->Current = true;
        Run->TestsRun++;
        Run->ForkedCount = 0;
        Run->Threads = false;
        Run->Pending = 0;
    }
}

static bool ExplorerWaits(const RUNNING *Run)
{
    for (size_t c = 0; c < Run->ChildCount; c++) {
        if (Run->Children[c].Waited) {
            return true;
        }
    }
    return false;
}

/* suite23b: when the explorer's time limit started: its last note, or a
 * child's start (or kill) since. An explorer may be waiting for a child that
 * went on alone (at its test's end, a shared explorer waits for them all):
 * it is not hung before that child's own limit, nor before it could tell
 * the child's end; killed with it, every test it ran was explored again. */
static double ExplorerSince(const RUNNING *Run)
{
    double Since = Run->Started;
    for (size_t c = 0; c < Run->ChildCount; c++) {
        Since = Run->Children[c].Started > Since ? Run->Children[c].Started : Since;
    }
    return Since;
}

/* Handles what the explorer of Slot has said so far (Answer: it waits for
 * answers; false once it has ended). -1 if the pipe broke. */
static int ServeExplorer(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Run, long Slot,
                         bool Answer)
{
    for (;;) {
        struct pollfd Ready = {Servers[Slot].Notes, POLLIN, 0};
        if (poll(&Ready, 1, 0) <= 0 || (Ready.revents & POLLIN) == 0) {
            return 0;
        }
        HOST_EXPLORE_NOTE Note;
        if (read(Servers[Slot].Notes, &Note, sizeof(Note)) != (ssize_t)sizeof(Note)) {
            /* Notes are single atomic writes of one size. */
            fprintf(stderr, "mmsim faults: a malformed note from the program's explorer (a "
                            "program linked with another mmsim?); --exec-per-run runs it\n");
            return -1;
        }
        Note.Line[sizeof(Note.Line) - 1] = '\0';
        if (Note.Pid == Run->Pid) {
            Run->Started = Now(); /* the explorer's time limit: between its notes */
        }
        if (Note.Kind == HOST_EXPLORE_ASK && Answer) {
            AnswerExplorer(Options, Run, Slot, &Note);
        } else if (Note.Kind == HOST_EXPLORE_STARTED && Run->ChildCount < MAX_CHILDREN) {
            CHILD *Child = &Run->Children[Run->ChildCount++];
            Child->Pid = (pid_t)Note.Child;
            Child->Stack = Run->Answered;
            Child->Started = Now();
            Child->TimedOut = false;
            Child->Waited = Run->Pending != 2;
            Run->Pending = 0;
            Run->Forked = (size_t *)Grow(Run->Forked, &Run->ForkedCapacity, Run->ForkedCount,
                                         sizeof(size_t));
            Run->Forked[Run->ForkedCount++] = Run->Answered;
        } else if (Note.Kind == HOST_EXPLORE_ENDED) {
            size_t c = 0;
            while (c < Run->ChildCount && Run->Children[c].Pid != (pid_t)Note.Child) {
                c++;
            }
            if (c == Run->ChildCount) {
                continue;
            }
            CHILD Child = Run->Children[c];
            Run->Children[c] = Run->Children[--Run->ChildCount];
            Busy -= !Child.Waited;
            STACK *Stack = &Stacks[Child.Stack];
            char Record[700], Log[700];
            RunFiles(false, Child.Stack, Record, Log, sizeof(Record));
            Classify(Stack, Note.Value, Child.TimedOut, Log, Record);
            Queue->Finished++;
            Queue->Forked++;
            PrintOutcome(Queue, Stack, 0);
        } else if (Note.Kind == HOST_EXPLORE_UNSAFE) {
            /* Another thread was alive at the call (or fork was refused):
             * this stack is run from the start once the exploration ends,
             * and so is what its test's failure paths find. */
            Stacks[Run->Answered].Claimed = false;
            Run->Threads = true;
            NotForked(Queue, Note.Value);
            Busy -= Run->Pending == 2;
            Run->Pending = 0;
        } else if (Note.Kind == HOST_EXPLORE_FORKED && Run->ChildCount < MAX_CHILDREN) {
            /* Standing orders: forked unasked (the stack is new to this
             * test: only its exploration meets its stacks first). */
            long Index = NotedStack(Run, &Note);
            if (Index < 0) {
                continue;
            }
            Stacks[Index].Claimed = true;
            CHILD *Child = &Run->Children[Run->ChildCount++];
            Child->Pid = (pid_t)Note.Child;
            Child->Stack = (size_t)Index;
            Child->Started = Now();
            Child->TimedOut = false;
            Child->Waited = Note.Value != 2;
            if (Note.Value == 2 && Run->Permits > 0) {
                Run->Permits--; /* its core is the child's from now on */
            } else if (Note.Value == 2) {
                Busy++; /* a permit the runner had given up on: taken all the same */
            }
            Run->Forked = (size_t *)Grow(Run->Forked, &Run->ForkedCapacity, Run->ForkedCount,
                                         sizeof(size_t));
            Run->Forked[Run->ForkedCount++] = (size_t)Index;
        } else if (Note.Kind == HOST_EXPLORE_UNFORKED) {
            /* Standing orders, not forked (another thread alive, or fork
             * refused): as UNSAFE. */
            long Index = NotedStack(Run, &Note);
            if (Index >= 0) {
                Stacks[Index].Claimed = false;
            }
            Run->Threads = true;
            NotForked(Queue, Note.Value);
        } else if (Note.Kind == HOST_EXPLORE_TEST_ENDED) {
            TestEnded(Queue, Run, Slot, &Note);
        } else if (Note.Kind == HOST_EXPLORE_SEEN) {
            /* A first call in a process the test forked: run from the start. */
            char Id[17];
            snprintf(Id, sizeof(Id), "%.16s", Note.Line);
            if (strlen(Note.Line) > 17 && FindStack(Id, Run->Test) < 0 &&
                OwnedByShard(Id, Run->Test)) {
                AddStack(Note.Line, Run->Test);
            }
        }
    }
}

/* The identities a stack record lists (sorted, for bsearch). */
typedef struct {
    char (*Ids)[17];
    size_t Count;
} ID_LIST;

static int CompareIds(const void *A, const void *B)
{
    return strcmp((const char *)A, (const char *)B);
}

static ID_LIST ReadIds(const char *File)
{
    ID_LIST List = {NULL, 0};
    size_t Capacity = 0;
    FILE *In = fopen(File, "r");
    char Line[4096];
    while (In != NULL && fgets(Line, sizeof(Line), In) != NULL) {
        if (strncmp(Line, "injected ", 9) == 0 || strlen(Line) < 18 || Line[16] != ' ') {
            continue;
        }
        List.Ids = (char(*)[17])Grow(List.Ids, &Capacity, List.Count, sizeof(List.Ids[0]));
        memcpy(List.Ids[List.Count], Line, 16);
        List.Ids[List.Count++][16] = '\0';
    }
    if (In != NULL) {
        fclose(In);
    }
    if (List.Count > 0) {
        qsort(List.Ids, List.Count, sizeof(List.Ids[0]), CompareIds);
    }
    return List;
}

/* An exploration ended: the explorer's children it never told of are run
 * from the start. */
static void ExplorerGone(RUNNING *Run)
{
    for (size_t c = 0; c < Run->ChildCount; c++) {
        /* The explorer ended without telling how a child did (it did not
         * exit, or was killed): that stack is run from the start. */
        kill(-Run->Children[c].Pid, SIGKILL);
        Stacks[Run->Children[c].Stack].Claimed = false;
        Busy -= !Run->Children[c].Waited;
        for (size_t f = 0; f < Run->ForkedCount; f++) {
            if (Run->Forked[f] == Run->Children[c].Stack) {
                Run->Forked[f] = Run->Forked[--Run->ForkedCount];
                break;
            }
        }
    }
    Run->ChildCount = 0;
    Busy -= Run->Pending == 2; /* answered, never forked */
    Run->Pending = 0;
    Busy -= Run->Permits; /* sent, never used */
    Run->Permits = 0;
}

/* A test's exploration ended (its run ended with WaitStatus). Stacks its
 * children found that the exploration itself never reached: a run failing
 * one of them from the start follows the exploration's own course (runs are
 * deterministic), never reaches it and ends as the exploration did - so that
 * is its outcome, with the exploration's log. Where another thread was alive
 * at a call, the course may depend on timing: as in the other modes, each
 * such stack is run from the start. */
static void TestExplored(QUEUE *Queue, long Test, size_t Index, const size_t *ForkedStacks,
                         size_t ForkedCount, bool Threads, bool TimedOut, int WaitStatus)
{
    char Record[700], Log[700];
    ExploreFiles(Test, Record, Log, sizeof(Record));
    bool Failed = TimedOut || !WIFEXITED(WaitStatus) || WEXITSTATUS(WaitStatus) != 0;
    if (Test >= 0 && Failed) {
        TEST *T = &Tests[Test];
        T->Failed = true;
        snprintf(T->Detail, sizeof(T->Detail), "fails with no injected failure; see %.150s", Log);
    }
    ID_LIST Reached = ReadIds(Record);
    for (size_t f = 0; f < ForkedCount; f++) {
        char ChildRecord[700], ChildLog[700];
        RunFiles(false, ForkedStacks[f], ChildRecord, ChildLog, sizeof(ChildRecord));
        if (Threads) {
            LoadStacks(ChildRecord, Test, false);
            continue;
        }
        FILE *In = fopen(ChildRecord, "r");
        char Line[4096];
        while (In != NULL && fgets(Line, sizeof(Line), In) != NULL) {
            Line[strcspn(Line, "\n")] = '\0';
            if (strncmp(Line, "injected ", 9) == 0 || strlen(Line) < 18 || Line[16] != ' ') {
                continue;
            }
            char Id[17];
            snprintf(Id, sizeof(Id), "%.16s", Line);
            if (bsearch(Id, Reached.Ids, Reached.Count, sizeof(Reached.Ids[0]), CompareIds) !=
                    NULL ||
                FindStack(Id, Test) >= 0) {
                continue;
            }
            long Added = AddStack(Line, Test);
            Stacks[Added].Claimed = true;
            Classify(&Stacks[Added], WaitStatus, TimedOut, Log, Record);
            Queue->Finished++;
            Queue->Unreached++;
            PrintOutcome(Queue, &Stacks[Added], 0);
        }
        if (In != NULL) {
            fclose(In);
        }
    }
    free(Reached.Ids);
    /* Stacks of this shard the exploration listed but did not fork (none,
     * unless the program replaced MMSIM_FAULTS): from the start. */
    LoadStacks(Record, Test, true);
    if (Test >= 0) {
        Tests[Test].Explored = true;
        Tests[Test].Threads = Threads;
    } else {
        WholeExplored = true;
    }
    size_t Forked = 0, Waiting = 0, Total = 0;
    for (size_t s = 0; s < StackCount; s++) {
        if (Stacks[s].Test == Test) {
            Total++;
            Waiting += !Stacks[s].Claimed;
            Forked += Stacks[s].Done;
        }
    }
    SayText("[test %zu/%zu] %s: %zu stack(s), %zu forked at the failing call%s%s%s\n",
            Index + 1, Queue->Explorations, Test >= 0 ? Tests[Test].Name : "(program)",
            Total, Forked, Waiting != 0 ? ", the rest run from the start" : "",
            Threads ? " (another thread was alive at a call)" : "",
            Failed ? " -- FAILS ALONE" : "");
}

/* An explorer ended. suite23: a shared one's clean exit is also the exit of
 * each test it ran (they are judged as if each had ended so); if it did not
 * end cleanly after more than one test, none of them is judged from it:
 * each is explored again in a process of its own. */
static void ExplorationEnded(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Run,
                             int WaitStatus)
{
    ExplorerGone(Run);
    if (Run->Ahead >= 0) { /* sent ahead, never run */
        GiveBackSharedTest(Queue, Run->Ahead);
        Run->Ahead = -1;
    }
    bool Clean = !Run->TimedOut && WIFEXITED(WaitStatus) && WEXITSTATUS(WaitStatus) == 0;
    if (!Clean && Run->TestsRun > 1) {
        for (size_t r = 0; r < Run->RanCount; r++) {
            DropTest(Queue, Run->Ran[r]);
        }
        if (Run->Current) {
            DropTest(Queue, (size_t)Run->Test);
        }
    } else {
        for (size_t r = 0; r < Run->RanCount; r++) {
            TEST *T = &Tests[Run->Ran[r]];
            TestExplored(Queue, (long)Run->Ran[r], Run->Ran[r], T->Forked, T->ForkedCount, false,
                         Run->TimedOut, WaitStatus);
            free(T->Forked);
            T->Forked = NULL;
            T->ForkedCount = 0;
        }
        if (Run->Current) {
            TestExplored(Queue, Run->Test, Run->Index, Run->Forked, Run->ForkedCount, Run->Threads,
                         Run->TimedOut, WaitStatus);
        }
    }
    Run->RanCount = 0;
    Run->Current = false;
    (void)Options;
}

/* Reaps the runs that ended (killing those over the time limit) and serves
 * the explorers; the number of slots freed, or -1 if a fork server is gone. */
static long ReapRuns(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Running)
{
    long Reaped = 0;
    for (long j = 0; j < Options->Jobs; j++) {
        RUNNING *Run = &Running[j];
        if (Run->Pid == 0) {
            continue;
        }
        int WaitStatus = 0;
        if (!Options->ExecPerRun && RunStarted(Run, j, false) < 0) {
            return -1;
        }
        if (Run->Exploring) {
            if (ServeExplorer(Options, Queue, Run, j, true) < 0) {
                return -1;
            }
            SendAhead(Options, Queue, Run, j);
            for (size_t c = 0; c < Run->ChildCount; c++) {
                CHILD *Child = &Run->Children[c];
                if (!Child->TimedOut && Now() - Child->Started > Options->Timeout) {
                    kill(-Child->Pid, SIGKILL); /* the explorer tells how it ended */
                    Child->TimedOut = true;
                    Child->Started = Now(); /* suite23b: the explorer's time to tell */
                }
            }
            if (!ExplorerWaits(Run) && !Run->TimedOut && Run->Pid > 0 &&
                Now() - ExplorerSince(Run) > Options->Timeout) {
                kill(-Run->Pid, SIGKILL);
                Run->TimedOut = true;
            }
            int Done = RunDone(Options, Run, j, false, &WaitStatus);
            if (Done < 0) {
                return -1;
            }
            if (Done == 0) {
                continue;
            }
            if (ServeExplorer(Options, Queue, Run, j, false) < 0) {
                return -1;
            }
            ExplorationEnded(Options, Queue, Run, WaitStatus);
            Run->Pid = 0;
            Reaped++;
            continue;
        }
        bool TimedOut = Now() - Run->Started > Options->Timeout;
        int Done = RunDone(Options, Run, j, TimedOut, &WaitStatus);
        if (Done < 0) {
            return -1;
        }
        if (Done == 0) {
            continue;
        }
        RunEnded(Queue, Run, WaitStatus, TimedOut);
        Run->Pid = 0;
        Reaped++;
    }
    return Reaped;
}

/* Waits a little for a run to end or an explorer to speak: on the fork
 * servers' pipes, or (exec mode) a short sleep between polls of waitpid. */
static void AwaitRuns(const FAULTS_OPTIONS *Options, const RUNNING *Running)
{
    if (Options->ExecPerRun) {
        usleep(2000);
        return;
    }
    struct pollfd Ready[128];
    nfds_t Count = 0;
    for (long j = 0; j < Options->Jobs && Count + 2 <= 128; j++) {
        if (Running[j].Pid != 0) {
            Ready[Count++] = (struct pollfd){Servers[j].Reply, POLLIN, 0};
            if (Running[j].Exploring) {
                Ready[Count++] = (struct pollfd){Servers[j].Notes, POLLIN, 0};
            }
        }
    }
    (void)poll(Ready, Count, 100);
}

/* A core free with nothing left to start: an explorer on standing orders
 * (which asks nothing) gets a permit to let its next child run on it while
 * it goes on - what an answer to an asking explorer says when a core is
 * free. One at a time per explorer, so that cores stay free for runs that
 * its test's end may queue. */
static void GivePermits(const FAULTS_OPTIONS *Options, RUNNING *Running)
{
    for (long j = 0; Busy < Options->Jobs && j < Options->Jobs; j++) {
        RUNNING *Run = &Running[j];
        if (Run->Pid <= 0 || !Run->Exploring || Run->Permits != 0 || Shard.Count != 0) {
            continue;
        }
        struct pollfd Room = {Servers[j].Answers, POLLOUT, 0};
        if (poll(&Room, 1, 0) <= 0 || (Room.revents & POLLOUT) == 0) {
            continue; /* never wait on it: permits an explorer never used fill the pipe */
        }
        HOST_EXPLORE_ANSWER Permit;
        memset(&Permit, 0, sizeof(Permit));
        Permit.Pid = -Run->Pid; /* a permit, never an answer (host.h) */
        Permit.Fork = 2;
        ssize_t Put;
        do {
            Put = write(Servers[j].Answers, &Permit, sizeof(Permit));
        } while (Put < 0 && errno == EINTR);
        if (Put == (ssize_t)sizeof(Permit)) {
            Run->Permits++;
            Busy++;
        }
    }
}

/* Step 2: per test, a discovery run or an exploration; then one run per
 * stack left, in parallel; new stacks join the queue. 0, or 2 (out of
 * memory, a fork server gone). */
static int Explore(const FAULTS_OPTIONS *Options, QUEUE *Queue)
{
    RUNNING *Running = (RUNNING *)calloc((size_t)Options->Jobs, sizeof(RUNNING));
    if (Running == NULL || Servers == NULL) {
        fprintf(stderr, "mmsim faults: out of memory\n");
        free(Running);
        return 2;
    }
    memset(Queue, 0, sizeof(*Queue));
    Queue->Explorations = ExploreMode(Options) ? (Options->PerTest ? TestCount : 1)
                                               : (Options->PerTest ? TestCount : 0);
    long Active = 0; /* slots in use (Busy also counts the children that do not wait) */
    Busy = 0;
    int Status = 0;
    Queue->Sharing = SharesExplorers(Options) && !ListedTwice && !GoesOnAfterTests;
    if (ListingReady) {
        /* The listing run, the first slot's explorer, asks for its first
         * test (none: a suite run in several groups keeps one explorer per
         * test). */
        Running[0] = ListingRun;
        Running[0].Shared = Queue->Sharing;
        ListingReady = false;
        Active = Busy = 1;
        TestEnded(Queue, &Running[0], 0, &ListingNote);
        /* suite23b: an explorer only if it was given a test (else it only
         * listed, and ends). */
        Queue->Explorers += Running[0].TestsRun > 0 ? 1 : 0;
    }
    while (MoreExplorations(Queue) || NextQueued(Options) >= 0 || Active > 0) {
        while (Status == 0 && Busy < Options->Jobs && Active < Options->Jobs &&
               (MoreExplorations(Queue) || NextQueued(Options) >= 0)) {
            long Slot = 0;
            while (Running[Slot].Pid != 0) {
                Slot++;
            }
            if (!StartRun(Options, Queue, Running, Slot)) {
                Status = 2;
                break;
            }
            Active++;
            Busy++;
        }
        if (Status != 0 && Active == 0) {
            break;
        }
        if (Status == 0 && ExploreMode(Options)) {
            GivePermits(Options, Running);
        }
        PrintSaid();
        long Reaped = ReapRuns(Options, Queue, Running);
        if (Reaped < 0) {
            Status = 2;
            break;
        }
        Active -= Reaped;
        Busy -= Reaped;
        if (Reaped == 0 && Active > 0) {
            AwaitRuns(Options, Running);
        }
    }
    PrintSaid();
    for (size_t s = 0; s < StackCount; s++) {
        NameStack(&Stacks[s]); /* any not printed yet, while the servers run */
    }
    free(Said);
    Said = NULL;
    SaidCapacity = 0;
    StopServers(Options->Jobs);
    free(Servers);
    Servers = NULL;
    for (long j = 0; j < Options->Jobs; j++) {
        free(Running[j].Forked);
        free(Running[j].Ran);
    }
    free(Running);
    free(Queue->Redo);
    Queue->Redo = NULL;
    free(Queue->Again);
    Queue->Again = NULL;
    /* suite23: what shared explorations dropped is not reported. */
    size_t Kept = 0;
    for (size_t s = 0; s < StackCount; s++) {
        if (Stacks[s].Test == DROPPED_TEST) {
            free(Stacks[s].Description);
            free(Stacks[s].Excerpt);
        } else {
            Stacks[Kept++] = Stacks[s];
        }
    }
    StackCount = Kept;
    DroppedStacks = 0; /* none left to leave out of the progress counts */
    return Status;
}

/* The outcome counts and the sites reached (the first word of each stack's
 * description). */
static void PrintCounts(bool PerTest)
{
    size_t Counts[OutcomeCount] = {0};
    for (size_t s = 0; s < StackCount; s++) {
        Counts[Stacks[s].Outcome]++;
    }
    if (PerTest) {
        printf("mmsim faults: %zu test(s), ", TestCount);
    } else {
        printf("mmsim faults: ");
    }
    printf("%zu injected failure(s):", StackCount);
    for (int o = 0; o < OutcomeCount; o++) {
        if (Counts[o] != 0) {
            printf(" %zu %s", Counts[o], OutcomeNames[o]);
        }
    }
    printf("\n");
    static const char *const Sites[] = {"pool", "mdl", "pages", "mapping", "lock", "map",
                                        "workitem"};
    printf("sites reached:");
    for (size_t k = 0; k < sizeof(Sites) / sizeof(Sites[0]); k++) {
        size_t Reached = 0;
        size_t Length = strlen(Sites[k]);
        for (size_t s = 0; s < StackCount; s++) {
            if (strncmp(Stacks[s].Description, Sites[k], Length) == 0 &&
                Stacks[s].Description[Length] == ' ' && Stacks[s].Outcome != OutcomeNotReached) {
                Reached++;
            }
        }
        printf(" %s %zu", Sites[k], Reached);
    }
    printf("\n");
}

/* A bad outcome (what makes the exit status 1). */
static bool IsBad(const STACK *Stack, bool AllowFailed)
{
    return Stack->Outcome >= OutcomeFailed && !(AllowFailed && Stack->Outcome == OutcomeFailed);
}

/* Stacks in the report's order (NULL: out of memory, said). */
static STACK **SortedStacks(void)
{
    STACK **Sorted = (STACK **)calloc(StackCount ? StackCount : 1, sizeof(STACK *));
    if (Sorted == NULL) {
        fprintf(stderr, "mmsim faults: out of memory\n");
        return NULL;
    }
    for (size_t s = 0; s < StackCount; s++) {
        Sorted[s] = &Stacks[s];
    }
    qsort(Sorted, StackCount, sizeof(STACK *), CompareStacks);
    return Sorted;
}

/* The bad outcomes, in the report's order; 0 none, 1 some, 2 a test that
 * fails alone, -1 out of memory. */
static int PrintProblems(bool AllowFailed)
{
    int Bad = 0;
    for (size_t t = 0; t < TestCount; t++) {
        if (Tests[t].Failed) {
            printf("  test %s %s\n", Tests[t].Name, Tests[t].Detail);
            Bad = 2;
        }
    }
    STACK **Sorted = SortedStacks();
    if (Sorted == NULL) {
        return -1;
    }
    for (size_t s = 0; s < StackCount; s++) {
        const STACK *Stack = Sorted[s];
        if (IsBad(Stack, AllowFailed)) {
            printf("  %-10s %s\n", OutcomeNames[Stack->Outcome], Stack->Detail);
            if (Stack->Test >= 0) {
                printf("    in test %s\n", Tests[Stack->Test].Name);
            }
            printf("    at %s\n", Stack->Description);
            Bad = Bad ? Bad : 1;
        }
    }
    free(Sorted);
    return Bad;
}

/* ---------------------------------------------------------------------- */
/* Reports: JSON (for merge and tools) and JUnit XML (for CI systems).     */
/* ---------------------------------------------------------------------- */
static void JsonString(FILE *Out, const char *Text)
{
    fputc('"', Out);
    for (const unsigned char *c = (const unsigned char *)(Text ? Text : ""); *c; c++) {
        if (*c == '"' || *c == '\\') {
            fprintf(Out, "\\%c", *c);
        } else if (*c == '\n') {
            fputs("\\n", Out);
        } else if (*c < 0x20) {
            fprintf(Out, "\\u%04x", *c);
        } else {
            fputc(*c, Out);
        }
    }
    fputc('"', Out);
}

/* What a report says of the run as a whole. */
typedef struct {
    char *Program; /* PROGRAM ARGS..., space separated */
    bool PerTest;
    bool AllowFailed;
} REPORT_HEAD;

static bool WriteJson(const char *File, const REPORT_HEAD *Head)
{
    FILE *Out = fopen(File, "w");
    STACK **Sorted = Out != NULL ? SortedStacks() : NULL;
    if (Sorted == NULL) {
        fprintf(stderr, "mmsim faults: cannot write %s\n", File);
        if (Out != NULL) {
            fclose(Out);
        }
        return false;
    }
    fprintf(Out, "{\"mmsim_faults_report\": 1,\n \"program\": ");
    JsonString(Out, Head->Program);
    fprintf(Out, ",\n \"per_test\": %s,\n \"allow_failed\": %s,\n \"shard\": [%llu, %llu],\n",
            Head->PerTest ? "true" : "false", Head->AllowFailed ? "true" : "false",
            (unsigned long long)(Shard.Count ? Shard.Index + 1 : 1),
            (unsigned long long)(Shard.Count ? Shard.Count : 1));
    fprintf(Out, " \"tests\": [");
    for (size_t t = 0; t < TestCount; t++) {
        fprintf(Out, "%s\n  {\"name\": ", t ? "," : "");
        JsonString(Out, Tests[t].Name);
        fprintf(Out, ", \"fails_alone\": %s, \"detail\": ", Tests[t].Failed ? "true" : "false");
        JsonString(Out, Tests[t].Detail);
        fprintf(Out, "}");
    }
    fprintf(Out, "],\n \"failures\": [");
    for (size_t s = 0; s < StackCount; s++) {
        const STACK *Stack = Sorted[s];
        fprintf(Out, "%s\n  {\"test\": %ld, \"id\": \"%s\", \"outcome\": \"%s\", \"at\": ",
                s ? "," : "", Stack->Test, Stack->Id, OutcomeNames[Stack->Outcome]);
        JsonString(Out, Stack->Description);
        fprintf(Out, ", \"detail\": ");
        JsonString(Out, Stack->Detail);
        fprintf(Out, ", \"log\": ");
        JsonString(Out, Stack->Excerpt);
        fprintf(Out, "}");
    }
    fprintf(Out, "]}\n");
    free(Sorted);
    return fclose(Out) == 0;
}

static void XmlText(FILE *Out, const char *Text)
{
    for (const unsigned char *c = (const unsigned char *)(Text ? Text : ""); *c; c++) {
        switch (*c) {
        case '<': fputs("&lt;", Out); break;
        case '>': fputs("&gt;", Out); break;
        case '&': fputs("&amp;", Out); break;
        case '"': fputs("&quot;", Out); break;
        default:
            if (*c >= 0x20 || *c == '\n' || *c == '\t') {
                fputc(*c, Out);
            }
        }
    }
}

/* One <testcase> per injected failure: a bad outcome is a <failure> (type:
 * the outcome), not reached is <skipped>; each carries its stack, outcome
 * and log excerpt. A test failing with nothing injected is an <error>. */
static bool WriteJunit(const char *File, const REPORT_HEAD *Head)
{
    FILE *Out = fopen(File, "w");
    STACK **Sorted = Out != NULL ? SortedStacks() : NULL;
    if (Sorted == NULL) {
        fprintf(stderr, "mmsim faults: cannot write %s\n", File);
        if (Out != NULL) {
            fclose(Out);
        }
        return false;
    }
    size_t Failures = 0, Skipped = 0, Errors = 0;
    for (size_t s = 0; s < StackCount; s++) {
        Failures += IsBad(&Stacks[s], Head->AllowFailed);
        Skipped += Stacks[s].Outcome == OutcomeNotReached;
    }
    for (size_t t = 0; t < TestCount; t++) {
        Errors += Tests[t].Failed;
    }
    const char *Base = strrchr(Head->Program, '/') ? strrchr(Head->Program, '/') + 1 : Head->Program;
    char Suite[256];
    snprintf(Suite, sizeof(Suite), "%.*s", (int)strcspn(Base, " "), Base);
    fprintf(Out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(Out, "<testsuites name=\"mmsim faults\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
                 "skipped=\"%zu\">\n", StackCount + Errors, Failures, Errors, Skipped);
    fprintf(Out, "<testsuite name=\"");
    XmlText(Out, Suite);
    fprintf(Out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n",
            StackCount + Errors, Failures, Errors, Skipped);
    for (size_t t = 0; t < TestCount; t++) {
        if (Tests[t].Failed) {
            fprintf(Out, "<testcase classname=\"");
            XmlText(Out, Suite);
            fprintf(Out, ".");
            XmlText(Out, Tests[t].Name);
            fprintf(Out, "\" name=\"no injected failure\"><error message=\"");
            XmlText(Out, Tests[t].Detail);
            fprintf(Out, "\"/></testcase>\n");
        }
    }
    for (size_t s = 0; s < StackCount; s++) {
        const STACK *Stack = Sorted[s];
        fprintf(Out, "<testcase classname=\"");
        XmlText(Out, Suite);
        if (Stack->Test >= 0) {
            fprintf(Out, ".");
            XmlText(Out, Tests[Stack->Test].Name);
        }
        fprintf(Out, "\" name=\"%s %.*s\">\n", Stack->Id,
                (int)strcspn(Stack->Description, " "), Stack->Description);
        if (IsBad(Stack, Head->AllowFailed)) {
            fprintf(Out, "<failure type=\"%s\" message=\"", OutcomeNames[Stack->Outcome]);
            XmlText(Out, Stack->Detail);
            fprintf(Out, "\">");
            XmlText(Out, Stack->Description);
            fprintf(Out, "</failure>\n");
        } else if (Stack->Outcome == OutcomeNotReached) {
            fprintf(Out, "<skipped message=\"not reached\"/>\n");
        }
        fprintf(Out, "<system-out>outcome: %s", OutcomeNames[Stack->Outcome]);
        if (Stack->Detail[0] != '\0') {
            fprintf(Out, " -- ");
            XmlText(Out, Stack->Detail);
        }
        fprintf(Out, "\nstack: ");
        XmlText(Out, Stack->Description);
        fprintf(Out, "\nlog (last lines):\n");
        XmlText(Out, Stack->Excerpt);
        fprintf(Out, "</system-out>\n</testcase>\n");
    }
    fprintf(Out, "</testsuite>\n</testsuites>\n");
    free(Sorted);
    return fclose(Out) == 0;
}

/* Explore mode: how the injected failures were run, and the tests where
 * another thread was alive at a call (their stacks ran from the start). */
static void PrintForkSummary(const QUEUE *Queue)
{
    printf("runs: %zu forked at the failing call, %zu from the start", Queue->Forked,
           Queue->FromStart);
    if (Queue->Unreached != 0) {
        printf(", %zu only failure paths reach (told by the test's own run)", Queue->Unreached);
    }
    size_t Threads = 0;
    for (size_t t = 0; t < TestCount; t++) {
        if (Tests[t].Threads) {
            printf("%s%s", Threads++ == 0 ? " (another thread alive at a call in: " : ", ",
                   Tests[t].Name);
        }
    }
    printf("%s", Threads != 0 ? ")" : "");
    /* Why calls were not forked at, so that a run from the start is never
     * unexplained (a program has no test names to list). */
    if (Queue->ThreadAlive != 0 && TestCount == 0) {
        printf(" (another thread alive at %zu call(s))", Queue->ThreadAlive);
    }
    if (Queue->Refused != 0) {
        printf(" (the host refused %zu fork(s): %s)", Queue->Refused,
               strerror(Queue->RefusedErrno));
    }
    printf("\n");
    if (TestCount != 0) {
        /* suite23: explorers shared by tests (one per test before). */
        printf("explorers: %zu for %zu test(s), %zu test(s) explored again in a process of "
               "their own\n", Queue->Explorers, TestCount, Queue->Alone);
    }
}

/* Prints the report and writes the files asked for; the exit status. */
static int Report(const REPORT_HEAD *Head, const char *Json, const char *Junit)
{
    PrintCounts(Head->PerTest);
    int Bad = PrintProblems(Head->AllowFailed);
    if (Bad < 0) {
        return 2;
    }
    if ((Json != NULL && !WriteJson(Json, Head)) || (Junit != NULL && !WriteJunit(Junit, Head))) {
        return 2;
    }
    return Bad;
}

static void FreeAll(void)
{
    for (size_t s = 0; s < StackCount; s++) {
        free(Stacks[s].Description);
        free(Stacks[s].Excerpt);
    }
    free(Stacks);
    Stacks = NULL;
    StackCount = StackCapacity = 0;
    for (size_t t = 0; t < TestCount; t++) {
        free(Tests[t].Name);
        free(Tests[t].Forked);
    }
    free(Tests);
    Tests = NULL;
    TestCount = 0;
}

/* One entry of the state directory, deepest first (nftw): no shell and rm
 * started for it (faults20b). */
static int RemoveEntry(const char *Path, const struct stat *Info, int Type, struct FTW *Where)
{
    (void)Info, (void)Type, (void)Where;
    return remove(Path) == 0 ? 0 : -1;
}

/* The state directory goes unless kept (or needed to see why a test fails). */
static void Finish(const FAULTS_OPTIONS *Options, int Bad)
{
    if (Options->Keep || Bad == 2) {
        printf("state and logs: %s\n", StateDir);
    } else if (nftw(StateDir, RemoveEntry, 16, FTW_DEPTH | FTW_PHYS) != 0) {
        fprintf(stderr, "mmsim faults: could not remove %s\n", StateDir);
    }
    FreeAll();
}

/* ---------------------------------------------------------------------- */
/* merge: the shards' JSON reports as one.                                */
/* ---------------------------------------------------------------------- */
/* A reader for the JSON this file writes (any JSON, kept as a tree). */
typedef enum { JsonNull, JsonBool, JsonNumber, JsonText, JsonArray, JsonObject } JSON_KIND;
typedef struct JSON {
    JSON_KIND Kind;
    double Number;
    char *Text;          /* JsonText; a key's name in an object's member */
    struct JSON *Items;  /* JsonArray, JsonObject (members carry Key) */
    size_t Count;
    char *Key;
} JSON;

static void JsonFree(JSON *Value)
{
    for (size_t i = 0; i < Value->Count; i++) {
        JsonFree(&Value->Items[i]);
    }
    free(Value->Items);
    free(Value->Text);
    free(Value->Key);
    memset(Value, 0, sizeof(*Value));
}

static const char *JsonSkip(const char *At)
{
    while (*At == ' ' || *At == '\n' || *At == '\r' || *At == '\t') {
        At++;
    }
    return At;
}

static const char *JsonParse(const char *At, JSON *Value, int Depth);

static const char *JsonParseText(const char *At, char **Text)
{
    size_t Size = 0, Capacity = 64;
    char *Out = (char *)malloc(Capacity);
    for (At++; Out != NULL && *At != '"'; At++) {
        if (*At == '\0') {
            free(Out);
            return NULL;
        }
        char c = *At;
        if (c == '\\') {
            At++;
            switch (*At) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'u': {
                unsigned Code = 0;
                for (int k = 1; k <= 4; k++) {
                    char h = At[k];
                    if (!isxdigit((unsigned char)h)) {
                        free(Out);
                        return NULL;
                    }
                    Code = Code * 16 + (unsigned)(isdigit((unsigned char)h) ? h - '0'
                                                                             : (h | 0x20) - 'a' + 10);
                }
                At += 4;
                c = Code < 0x80 ? (char)Code : '?'; /* the writer escapes controls only */
                break;
            }
            case '\0':
                free(Out);
                return NULL;
            default: c = *At; break;
            }
        }
        if (Size + 2 > Capacity) {
            Capacity *= 2;
            char *Bigger = (char *)realloc(Out, Capacity);
            if (Bigger == NULL) {
                free(Out);
                return NULL;
            }
            Out = Bigger;
        }
        Out[Size++] = c;
    }
    if (Out == NULL) {
        return NULL;
    }
    Out[Size] = '\0';
    *Text = Out;
    return At + 1;
}

static const char *JsonParseList(const char *At, JSON *Value, int Depth, char Close)
{
    At = JsonSkip(At + 1);
    size_t Capacity = 0;
    if (*At == Close) {
        return At + 1;
    }
    for (;;) {
        Value->Items = (JSON *)Grow(Value->Items, &Capacity, Value->Count, sizeof(JSON));
        JSON *Item = &Value->Items[Value->Count];
        memset(Item, 0, sizeof(*Item));
        Value->Count++;
        if (Close == '}') {
            At = JsonSkip(At);
            if (*At != '"' || (At = JsonParseText(At, &Item->Key)) == NULL) {
                return NULL;
            }
            At = JsonSkip(At);
            if (*At++ != ':') {
                return NULL;
            }
        }
        if ((At = JsonParse(At, Item, Depth + 1)) == NULL) {
            return NULL;
        }
        At = JsonSkip(At);
        if (*At == ',') {
            At++;
        } else if (*At == Close) {
            return At + 1;
        } else {
            return NULL;
        }
    }
}

static const char *JsonParse(const char *At, JSON *Value, int Depth)
{
    At = JsonSkip(At);
    if (Depth > 16) {
        return NULL;
    }
    if (*At == '{' || *At == '[') {
        Value->Kind = *At == '{' ? JsonObject : JsonArray;
        return JsonParseList(At, Value, Depth, *At == '{' ? '}' : ']');
    }
    if (*At == '"') {
        Value->Kind = JsonText;
        return JsonParseText(At, &Value->Text);
    }
    if (strncmp(At, "true", 4) == 0 || strncmp(At, "false", 5) == 0) {
        Value->Kind = JsonBool;
        Value->Number = *At == 't';
        return At + (*At == 't' ? 4 : 5);
    }
    if (strncmp(At, "null", 4) == 0) {
        Value->Kind = JsonNull;
        return At + 4;
    }
    char *End = NULL;
    Value->Kind = JsonNumber;
    Value->Number = strtod(At, &End);
    return End != At ? End : NULL;
}

static const JSON *JsonMember(const JSON *Object, const char *Key, JSON_KIND Kind)
{
    for (size_t i = 0; Object->Kind == JsonObject && i < Object->Count; i++) {
        if (strcmp(Object->Items[i].Key, Key) == 0) {
            return Object->Items[i].Kind == Kind ? &Object->Items[i] : NULL;
        }
    }
    return NULL;
}

static int OutcomeByName(const char *Name)
{
    for (int o = 0; o < OutcomeCount; o++) {
        if (strcmp(OutcomeNames[o], Name) == 0) {
            return o;
        }
    }
    return -1;
}

/* Adds one shard's report (read from File) to Stacks and Tests; false
 * (said) if it is not a report or does not belong with the others. */
static bool MergeReport(const char *File, REPORT_HEAD *Head, bool First, uint64_t *ShardCount,
                        bool *Seen)
{
    static size_t TestCapacity;
    FILE *In = fopen(File, "r");
    char *Text = NULL;
    size_t Size = 0;
    if (In != NULL) {
        fseek(In, 0, SEEK_END);
        long Length = ftell(In);
        fseek(In, 0, SEEK_SET);
        Text = Length >= 0 ? (char *)malloc((size_t)Length + 1) : NULL;
        Size = Text != NULL ? fread(Text, 1, (size_t)Length, In) : 0;
        fclose(In);
    }
    if (Text == NULL) {
        fprintf(stderr, "mmsim faults merge: cannot read %s\n", File);
        return false;
    }
    Text[Size] = '\0';
    JSON Root;
    memset(&Root, 0, sizeof(Root));
    const char *End = JsonParse(Text, &Root, 0);
    free(Text);
    const JSON *Version = JsonMember(&Root, "mmsim_faults_report", JsonNumber);
    const JSON *Program = JsonMember(&Root, "program", JsonText);
    const JSON *PerTest = JsonMember(&Root, "per_test", JsonBool);
    const JSON *AllowFailed = JsonMember(&Root, "allow_failed", JsonBool);
    const JSON *ShardOf = JsonMember(&Root, "shard", JsonArray);
    const JSON *TestList = JsonMember(&Root, "tests", JsonArray);
    const JSON *Failures = JsonMember(&Root, "failures", JsonArray);
    bool Ok = End != NULL && Version != NULL && Version->Number == 1 && Program != NULL &&
              PerTest != NULL && AllowFailed != NULL && ShardOf != NULL && ShardOf->Count == 2 &&
              TestList != NULL && Failures != NULL;
    if (!Ok) {
        fprintf(stderr, "mmsim faults merge: %s is not a report of `mmsim faults --json`\n", File);
        JsonFree(&Root);
        return false;
    }
    uint64_t K = (uint64_t)ShardOf->Items[0].Number, N = (uint64_t)ShardOf->Items[1].Number;
    if (First) {
        Head->Program = strdup(Program->Text);
        Head->PerTest = PerTest->Number != 0;
        Head->AllowFailed = AllowFailed->Number != 0;
        *ShardCount = N;
        for (size_t t = 0; t < TestList->Count; t++) {
            const JSON *Name = JsonMember(&TestList->Items[t], "name", JsonText);
            Tests = (TEST *)Grow(Tests, &TestCapacity, TestCount, sizeof(TEST));
            memset(&Tests[TestCount], 0, sizeof(TEST));
            Tests[TestCount++].Name = strdup(Name != NULL ? Name->Text : "?");
        }
    }
    if (N != *ShardCount || K < 1 || K > N || N > 4096 || Seen[K - 1] ||
        TestList->Count != TestCount || (PerTest->Number != 0) != Head->PerTest) {
        fprintf(stderr,
                "mmsim faults merge: %s (shard %llu/%llu) is not another shard of the run of %s\n",
                File, (unsigned long long)K, (unsigned long long)N, Head->Program);
        JsonFree(&Root);
        return false;
    }
    Seen[K - 1] = true;
    for (size_t t = 0; t < TestList->Count; t++) {
        const JSON *Failed = JsonMember(&TestList->Items[t], "fails_alone", JsonBool);
        const JSON *Detail = JsonMember(&TestList->Items[t], "detail", JsonText);
        if (Failed != NULL && Failed->Number != 0 && !Tests[t].Failed) {
            Tests[t].Failed = true;
            snprintf(Tests[t].Detail, sizeof(Tests[t].Detail), "%s", Detail ? Detail->Text : "");
        }
    }
    for (size_t f = 0; f < Failures->Count; f++) {
        const JSON *Item = &Failures->Items[f];
        const JSON *Test = JsonMember(Item, "test", JsonNumber);
        const JSON *Id = JsonMember(Item, "id", JsonText);
        const JSON *Outcome = JsonMember(Item, "outcome", JsonText);
        const JSON *At = JsonMember(Item, "at", JsonText);
        const JSON *Detail = JsonMember(Item, "detail", JsonText);
        const JSON *Log = JsonMember(Item, "log", JsonText);
        int Which = Outcome != NULL ? OutcomeByName(Outcome->Text) : -1;
        if (Test == NULL || Id == NULL || strlen(Id->Text) != 16 || Which < 0 || At == NULL ||
            Test->Number < -1 || Test->Number >= (double)TestCount) {
            fprintf(stderr, "mmsim faults merge: %s: failure %zu is malformed\n", File, f + 1);
            JsonFree(&Root);
            return false;
        }
        if (KnownStack(Id->Text, (long)Test->Number)) {
            continue; /* found by two shards: one outcome */
        }
        Stacks = (STACK *)Grow(Stacks, &StackCapacity, StackCount, sizeof(STACK));
        STACK *Stack = &Stacks[StackCount++];
        memset(Stack, 0, sizeof(*Stack));
        snprintf(Stack->Id, sizeof(Stack->Id), "%s", Id->Text);
        Stack->Test = (long)Test->Number;
        Stack->Description = strdup(At->Text);
        Stack->Named = true;
        Stack->Outcome = (OUTCOME)Which;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%s", Detail ? Detail->Text : "");
        Stack->Excerpt = strdup(Log ? Log->Text : "");
        Stack->Done = true;
    }
    JsonFree(&Root);
    return true;
}

static int MergeCommand(int argc, char **argv)
{
    const char *Json = NULL, *Junit = NULL;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
            Json = argv[++i];
        } else if (strcmp(argv[i], "--junit") == 0 && i + 1 < argc) {
            Junit = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0) {
            Usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "mmsim faults merge: unknown option '%s'\n", argv[i]);
            Usage(stderr);
            return 2;
        }
    }
    if (i >= argc) {
        Usage(stderr);
        return 2;
    }
    REPORT_HEAD Head = {NULL, false, false};
    uint64_t ShardCount = 0;
    bool *Seen = (bool *)calloc(4096, sizeof(bool));
    int Status = Seen != NULL ? 0 : 2;
    for (int r = i; Status == 0 && r < argc; r++) {
        if (!MergeReport(argv[r], &Head, r == i, &ShardCount, Seen)) {
            Status = 2;
        }
    }
    for (uint64_t k = 0; Status == 0 && k < ShardCount; k++) {
        if (!Seen[k]) {
            fprintf(stderr, "mmsim faults merge: shard %llu/%llu's report is missing\n",
                    (unsigned long long)k + 1, (unsigned long long)ShardCount);
            Status = 2;
        }
    }
    if (Status == 0) {
        Status = Report(&Head, Json, Junit);
    }
    free(Seen);
    free(Head.Program);
    FreeAll();
    return Status;
}

int MmsimFaultsCommand(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "merge") == 0) {
        return MergeCommand(argc - 1, argv + 1);
    }
    FAULTS_OPTIONS Options;
    int Status = ParseOptions(argc, argv, &Options);
    if (Status != 0 || Options.Program == NULL) {
        return Status;
    }
    if (Options.Keep) {
        /* A directory that cannot be made is a usage error: every run's
         * output would go nowhere and read as a program that never started. */
        struct stat Dir;
        if (mkdir(StateDir, 0700) != 0) {
            int Error = errno;
            if (Error != EEXIST || stat(StateDir, &Dir) != 0 || !S_ISDIR(Dir.st_mode)) {
                fprintf(stderr, "mmsim faults: --keep %s: %s\n", StateDir,
                        Error == EEXIST ? "not a directory" : strerror(Error));
                return 2;
            }
        }
    } else {
        /* Every run creates its log and stack record here, and a file
         * system on disk makes each creation dear (ext4's inode allocation:
         * a quarter of a forked run's time): memory's when the host has one
         * (faults20b), else TMPDIR or /tmp. */
        const char *Temp = getenv("TMPDIR");
        struct stat Shm;
        if (Temp == NULL || Temp[0] == '\0') {
            Temp = stat("/dev/shm", &Shm) == 0 && S_ISDIR(Shm.st_mode) &&
                           access("/dev/shm", W_OK | X_OK) == 0
                       ? "/dev/shm"
                       : "/tmp";
        }
        snprintf(StateDir, sizeof(StateDir), "%s/mmsim-faults-XXXXXX", Temp);
        if (mkdtemp(StateDir) == NULL) {
            perror("mmsim faults: mkdtemp");
            return 2;
        }
    }
    if (Shard.Count != 0) {
        fprintf(stderr, "mmsim faults: shard %llu/%llu\n", (unsigned long long)Shard.Index + 1,
                (unsigned long long)Shard.Count);
    }
    Servers = (SERVER *)calloc((size_t)Options.Jobs, sizeof(SERVER));
    Status = Servers != NULL ? RunBaseline(&Options) : 2;
    if (Status != 0) {
        StopServers(Options.Jobs);
        free(Servers);
        Servers = NULL;
    }
    QUEUE Queue;
    memset(&Queue, 0, sizeof(Queue));
    if (Status == 0) {
        Status = Explore(&Options, &Queue);
    }
    if (Status != 0) {
        return Status;
    }
    size_t Length = 1;
    for (char **Word = Options.Program; *Word != NULL; Word++) {
        Length += strlen(*Word) + 1;
    }
    REPORT_HEAD Head = {(char *)calloc(1, Length), Options.PerTest, Options.AllowFailed};
    for (char **Word = Options.Program; Head.Program != NULL && *Word != NULL; Word++) {
        strcat(Head.Program, Word == Options.Program ? "" : " ");
        strcat(Head.Program, *Word);
    }
    int Bad = Head.Program != NULL ? Report(&Head, Options.Json, Options.Junit) : 2;
    if (ExploreMode(&Options)) {
        PrintForkSummary(&Queue);
    }
    free(Head.Program);
    Finish(&Options, Bad);
    return Bad;
}
