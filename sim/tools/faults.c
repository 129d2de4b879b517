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
#include <errno.h>
#include <signal.h>
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
    OUTCOME Outcome;
    char Detail[200];
    bool Done;
} STACK;

/* --per-test: one CMocka test; its own baseline ("discovery") run lists the
 * stacks it reaches. */
typedef struct {
    char *Name;
    bool Failed; /* its discovery run did not pass */
    char Detail[200];
} TEST;

typedef struct {
    pid_t Pid;
    bool Discovery; /* Index is a test, not a stack */
    size_t Index;
    double Started;
} RUNNING;

static STACK *Stacks;
static size_t StackCount, StackCapacity;
static TEST *Tests;
static size_t TestCount;
static char StateDir[512];

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

/* Adds the stacks listed in File that are new to Test; returns how many. */
static size_t LoadStacks(const char *File, long Test)
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
        if (KnownStack(Id, Test)) {
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

/* The tests a CMocka suite ran, from its log ("[ RUN      ] NAME"), in order,
 * each once (a name may be run by several groups). */
static void LoadTests(const char *Log)
{
    FILE *In = fopen(Log, "r");
    if (In == NULL) {
        return;
    }
    size_t Capacity = 0;
    char Line[4096];
    static const char Run[] = "[ RUN      ] ";
    while (fgets(Line, sizeof(Line), In) != NULL) {
        if (strncmp(Line, Run, sizeof(Run) - 1) != 0) {
            continue;
        }
        char *Name = Line + sizeof(Run) - 1;
        Name[strcspn(Name, "\n")] = '\0';
        bool Known = false;
        for (size_t t = 0; t < TestCount && !Known; t++) {
            Known = strcmp(Tests[t].Name, Name) == 0;
        }
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
static void ReadLog(const char *Log, LOG_FACTS *Facts)
{
    memset(Facts, 0, sizeof(*Facts));
    FILE *In = fopen(Log, "r");
    if (In == NULL) {
        return;
    }
    bool NotClean = false, Failure = false, Ended = false, WantDetail = false;
    char Line[4096], First[200] = "";
    for (;;) {
        bool End = fgets(Line, sizeof(Line), In) == NULL;
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

/* Starts PROGRAM with MMSIM_FAULTS=Spec (and MMSIM_TEST_FILTER=Test unless
 * NULL), output to Log, in its own process group (so a hung run can be
 * killed with its children). */
static pid_t Start(char **Program, const char *Spec, const char *Test, bool PerTest,
                   const char *Log)
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
        setenv("MMSIM_FAULTS", Spec, 1);
        if (Test != NULL) {
            setenv("MMSIM_TEST_FILTER", Test, 1);
        }
        if (PerTest) {
            setenv("CMOCKA_MESSAGE_OUTPUT", "stdout", 1); /* the "[ RUN ]" lines */
        }
        execvp(Program[0], Program);
        fprintf(stderr, "mmsim faults: cannot run %s: %s\n", Program[0], strerror(errno));
        _exit(127);
    }
    setpgid(Pid, Pid);
    return Pid;
}

/* How a run that exited with Status went (the log and stack list read). */
static void ClassifyExit(STACK *Stack, int Status, const char *Log, const char *Record)
{
    char Injected[32];
    snprintf(Injected, sizeof(Injected), "injected %s", Stack->Id);
    bool Reached = FileContains(Record, Injected, NULL, 0);
    LOG_FACTS Facts;
    ReadLog(Log, &Facts);
    /* A sanitizer's report (the program ends with the sanitizer's exit
     * code, which alone would read as "failed"): a memory or thread
     * error, or a host crash the sanitizer's own signal handler
     * reported. */
    const char *Sanitizer = NULL;
    for (int k = 0; k < SANITIZER_MARKS && Status != 0 && Sanitizer == NULL; k++) {
        Sanitizer = Facts.Sanitizer[k][0] != '\0' ? Facts.Sanitizer[k] : NULL;
    }
    bool HostLeak = Sanitizer != NULL && strstr(Sanitizer, "LeakSanitizer") != NULL;
    if (HostLeak && Facts.Failure) {
        /* Host memory a test abandoned when an assertion failed (its own
         * buffers): like its leftovers in the machine, nothing to judge. */
        Sanitizer = NULL;
    }
    if (Sanitizer != NULL) {
        /* A host memory leak is the simulator's or the test's, not the
         * simulated driver's: reported as leaked all the same. */
        Stack->Outcome = HostLeak ? OutcomeLeaked : OutcomeCrashed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%.190s", Sanitizer);
    } else if (Status == 86 || (Status != 0 && Facts.TestStop[0] != '\0')) {
        /* Exit 86, or (mmsim's CMocka fixtures) an uncaught stop that
         * failed the test it happened in. */
        const char *Stop = Status == 86 ? Facts.Stop : Facts.TestStop;
        bool Unload = strstr(Stop, "0x000000C4 (0x0000000000000062") != NULL ||
                      strstr(Stop, "0x000000CB") != NULL;
        Stack->Outcome = Unload ? OutcomeLeaked : OutcomeBugchecked;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%.190s", Stop);
    } else if (Status == 88) {
        Stack->Outcome = OutcomeLeaked;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "exit 88%s%.150s",
                 Facts.Pool[0] ? ":" : "", Facts.Pool);
    } else if (Status != 0 && Facts.Exception[0] != '\0') {
        /* A host signal CMocka caught in a test body: a crash all the same. */
        Stack->Outcome = OutcomeCrashed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "%.190s", Facts.Exception);
    } else if (Status != 0 && Facts.TeardownLeak) {
        Stack->Outcome = OutcomeLeaked;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "left the machine unclean: %.160s",
                 Facts.Unclean);
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
    if (TimedOut) {
        Stack->Outcome = OutcomeHung;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "killed after the time limit");
    } else if (WIFSIGNALED(WaitStatus)) {
        Stack->Outcome = OutcomeCrashed;
        snprintf(Stack->Detail, sizeof(Stack->Detail), "signal %d (%s)", WTERMSIG(WaitStatus),
                 strsignal(WTERMSIG(WaitStatus)));
    } else {
        ClassifyExit(Stack, WEXITSTATUS(WaitStatus), Log, Record);
    }
    Stack->Done = true;
}

static void Usage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim faults [--jobs N] [--timeout SECONDS] [--keep DIR] [--allow-failed]\n"
            "                    [--per-test] -- PROGRAM [ARGS...]\n"
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
        } else if (strcmp(argv[i], "--allow-failed") == 0) {
            Options->AllowFailed = true;
        } else if (strcmp(argv[i], "--per-test") == 0) {
            Options->PerTest = true;
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

/* Step 1: the baseline run records every stack (and, per test, the tests)
 * and fails nothing. 0, or 2 if it did not pass. */
static int RunBaseline(const FAULTS_OPTIONS *Options)
{
    char Record[700], Log[700], Spec[800];
    snprintf(Record, sizeof(Record), "%s/baseline.stacks", StateDir);
    snprintf(Log, sizeof(Log), "%s/baseline.log", StateDir);
    unlink(Record);
    snprintf(Spec, sizeof(Spec), "record=%s", Record);
    int WaitStatus = 0;
    pid_t Pid = Start(Options->Program, Spec, NULL, Options->PerTest, Log);
    waitpid(Pid, &WaitStatus, 0);
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
        LoadTests(Log);
        if (TestCount == 0) {
            fprintf(stderr, "mmsim faults: --per-test: the baseline ran no CMocka test; see %s\n",
                    Log);
            return 2;
        }
        fprintf(stderr, "mmsim faults: baseline passed; %zu test(s) to explore one by one\n",
                TestCount);
    } else {
        LoadStacks(Record, -1);
        fprintf(stderr, "mmsim faults: baseline passed; %zu fallible call stack(s) to fail\n",
                StackCount);
    }
    return 0;
}

/* Step 2's queue: tests still to discover, stacks still to fail. */
typedef struct {
    size_t NextTest, NextStack, Finished;
} QUEUE;

/* Starts the next run (a test's discovery run first) in a free slot of Run. */
static void StartRun(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Run)
{
    char Record[700], Log[700], Spec[800];
    Run->Discovery = Queue->NextTest < TestCount;
    Run->Index = Run->Discovery ? Queue->NextTest++ : Queue->NextStack++;
    RunFiles(Run->Discovery, Run->Index, Record, Log, sizeof(Record));
    unlink(Record);
    long Test = Run->Discovery ? (long)Run->Index : Stacks[Run->Index].Test;
    if (Run->Discovery) {
        snprintf(Spec, sizeof(Spec), "record=%s", Record);
    } else {
        snprintf(Spec, sizeof(Spec), "stack=%s;record=%s", Stacks[Run->Index].Id, Record);
    }
    Run->Pid = Start(Options->Program, Spec, Test >= 0 ? Tests[Test].Name : NULL,
                     Options->PerTest, Log);
    Run->Started = Now();
}

/* A run ended: the stacks it found join the queue; a discovery run tells
 * whether its test passes alone, a failing run how the failure went. */
static void RunEnded(QUEUE *Queue, RUNNING *Run, int WaitStatus, bool TimedOut)
{
    char Record[700], Log[700];
    RunFiles(Run->Discovery, Run->Index, Record, Log, sizeof(Record));
    long Test = Run->Discovery ? (long)Run->Index : Stacks[Run->Index].Test;
    size_t New = LoadStacks(Record, Test);
    if (Run->Discovery) {
        TEST *T = &Tests[Run->Index];
        if (TimedOut || !WIFEXITED(WaitStatus) || WEXITSTATUS(WaitStatus) != 0) {
            T->Failed = true;
            snprintf(T->Detail, sizeof(T->Detail), "fails with no injected failure; see %.150s",
                     Log);
        }
        fprintf(stderr, "[test %zu/%zu] %s: %zu stack(s)%s\n", Run->Index + 1, TestCount,
                T->Name, New, T->Failed ? " -- FAILS ALONE" : "");
        return;
    }
    STACK *Stack = &Stacks[Run->Index];
    Classify(Stack, WaitStatus, TimedOut, Log, Record);
    Queue->Finished++;
    char Short[96];
    snprintf(Short, sizeof(Short), "%s", Stack->Description);
    fprintf(stderr, "[%zu/%zu] %s %-10s %s%s%s\n", Queue->Finished, StackCount, Stack->Id,
            OutcomeNames[Stack->Outcome], Short, Stack->Detail[0] ? "  -- " : "", Stack->Detail);
    if (New != 0) {
        fprintf(stderr, "        %zu new stack(s) found on this failure path\n", New);
    }
}

/* Reaps the runs that ended (killing those over the time limit); the
 * number reaped. */
static long ReapRuns(const FAULTS_OPTIONS *Options, QUEUE *Queue, RUNNING *Running)
{
    long Reaped = 0;
    for (long j = 0; j < Options->Jobs; j++) {
        RUNNING *Run = &Running[j];
        if (Run->Pid == 0) {
            continue;
        }
        bool TimedOut = Now() - Run->Started > Options->Timeout;
        if (TimedOut) {
            kill(-Run->Pid, SIGKILL);
        }
        int WaitStatus = 0;
        pid_t Done = waitpid(Run->Pid, &WaitStatus, TimedOut ? 0 : WNOHANG);
        if (Done != Run->Pid) {
            continue;
        }
        RunEnded(Queue, Run, WaitStatus, TimedOut);
        Run->Pid = 0;
        Reaped++;
    }
    return Reaped;
}

/* Step 2: per test, a discovery run; then one run per stack, in parallel;
 * new stacks join the queue. 0, or 2 out of memory. */
static int Explore(const FAULTS_OPTIONS *Options)
{
    RUNNING *Running = (RUNNING *)calloc((size_t)Options->Jobs, sizeof(RUNNING));
    if (Running == NULL) {
        fprintf(stderr, "mmsim faults: out of memory\n");
        return 2;
    }
    QUEUE Queue = {Options->PerTest ? 0 : TestCount, 0, 0};
    long Active = 0;
    while (Queue.NextTest < TestCount || Queue.NextStack < StackCount || Active > 0) {
        while (Active < Options->Jobs &&
               (Queue.NextTest < TestCount || Queue.NextStack < StackCount)) {
            long Slot = 0;
            while (Running[Slot].Pid != 0) {
                Slot++;
            }
            StartRun(Options, &Queue, &Running[Slot]);
            Active++;
        }
        long Reaped = ReapRuns(Options, &Queue, Running);
        Active -= Reaped;
        if (Reaped == 0 && Active > 0) {
            usleep(2000);
        }
    }
    free(Running);
    return 0;
}

/* The outcome counts and the sites reached (the first word of each stack's
 * description). */
static void PrintCounts(const FAULTS_OPTIONS *Options)
{
    size_t Counts[OutcomeCount] = {0};
    for (size_t s = 0; s < StackCount; s++) {
        Counts[Stacks[s].Outcome]++;
    }
    if (Options->PerTest) {
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

/* The bad outcomes, in the report's order; 0 none, 1 some, 2 a test that
 * fails alone, -1 out of memory. */
static int PrintProblems(const FAULTS_OPTIONS *Options)
{
    int Bad = 0;
    for (size_t t = 0; t < TestCount; t++) {
        if (Tests[t].Failed) {
            printf("  test %s %s\n", Tests[t].Name, Tests[t].Detail);
            Bad = 2;
        }
    }
    STACK **Sorted = (STACK **)calloc(StackCount ? StackCount : 1, sizeof(STACK *));
    if (Sorted == NULL) {
        fprintf(stderr, "mmsim faults: out of memory\n");
        return -1;
    }
    for (size_t s = 0; s < StackCount; s++) {
        Sorted[s] = &Stacks[s];
    }
    qsort(Sorted, StackCount, sizeof(STACK *), CompareStacks);
    for (size_t s = 0; s < StackCount; s++) {
        const STACK *Stack = Sorted[s];
        if (Stack->Outcome >= OutcomeFailed &&
            !(Options->AllowFailed && Stack->Outcome == OutcomeFailed)) {
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

/* The state directory goes unless kept (or needed to see why a test fails). */
static void Finish(const FAULTS_OPTIONS *Options, int Bad)
{
    if (Options->Keep || Bad == 2) {
        printf("state and logs: %s\n", StateDir);
    } else {
        char Command[600];
        snprintf(Command, sizeof(Command), "rm -rf '%s'", StateDir);
        if (system(Command) != 0) {
            fprintf(stderr, "mmsim faults: could not remove %s\n", StateDir);
        }
    }
    for (size_t s = 0; s < StackCount; s++) {
        free(Stacks[s].Description);
    }
    free(Stacks);
    for (size_t t = 0; t < TestCount; t++) {
        free(Tests[t].Name);
    }
    free(Tests);
}

int MmsimFaultsCommand(int argc, char **argv)
{
    FAULTS_OPTIONS Options;
    int Status = ParseOptions(argc, argv, &Options);
    if (Status != 0 || Options.Program == NULL) {
        return Status;
    }
    if (Options.Keep) {
        mkdir(StateDir, 0700);
    } else {
        snprintf(StateDir, sizeof(StateDir), "/tmp/mmsim-faults-XXXXXX");
        if (mkdtemp(StateDir) == NULL) {
            perror("mmsim faults: mkdtemp");
            return 2;
        }
    }
    Status = RunBaseline(&Options);
    if (Status == 0) {
        Status = Explore(&Options);
    }
    if (Status != 0) {
        return Status;
    }
    PrintCounts(&Options);
    int Bad = PrintProblems(&Options);
    if (Bad < 0) {
        return 2;
    }
    Finish(&Options, Bad);
    return Bad;
}
