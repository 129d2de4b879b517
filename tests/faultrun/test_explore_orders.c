/*
 * test_explore_orders.c - the fault runner's protocol with its fork server's
 * explorers, and its naming of their frames (docs/verifier.md, "Fork at the
 * failing call" and "Fork server"), run22.
 *
 * Standing orders: this test plays the runner. It starts
 * explore_orders_target as a fork server, asks for an exploration with
 * orders ("!P" its children's file prefix, "!L" its own log) and never
 * answers a question: the explorer must ask none.
 *
 *   fake runner                       explorer (the server's run)
 *   request: explore=, !P, !L   -->   runs the test, waits for the cue
 *   permit for pid 1 (stale)    -->   skipped: not its own
 *   an answer (nothing asked)   -->   skipped: not a permit
 *   permit for the explorer     -->
 *   cue (a byte on its stdin)   -->   1st call: forks, takes the permit,
 *                               <--     FORKED (goes on: 2), child's files PREFIX ID.*
 *                               <--   2nd call: forks, no permit: FORKED (waits: 1)
 *                               <--   ENDED for each child, then the server: ENDED
 *
 * Naming: a frame a server's run left unnamed ("module+0xOFF@PID:0xADDR")
 * is named by its module and offset from the first server's modules, so a
 * second server needs no symbolizer session of its own: here the "second
 * server" has already exited (no session could be opened for it) and its
 * address is wrong on purpose; the frame is named all the same.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

#include <mmsim_cmocka.h>

#include "../../sim/host/host.h"

static const char *Target; /* explore_orders_target (argv[1]) */

/* ThreadSanitizer keeps a thread of its own: no call is forked at there
 * (docs/verifier.md); the explorer still asks nothing and says so. */
#if defined(__SANITIZE_THREAD__)
#define ORDERS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ORDERS_TSAN 1
#endif
#endif
#ifndef ORDERS_TSAN
#define ORDERS_TSAN 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ORDERS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ORDERS_ASAN 1
#endif
#endif
#ifndef ORDERS_ASAN
#define ORDERS_ASAN 0
#endif

#define NOTES_MAX 16

typedef struct {
    int Request, Reply;     /* the runner's ends of the server's pipes */
    int Answers, Notes;     /* ... of the explorer's */
    int ProgramAnswers, ProgramNotes;
    int Cue;                /* the run's standard input */
    pid_t Server;
    char Dir[64];
} FAKE_RUNNER;

static void StartServer(FAKE_RUNNER *R)
{
    int ToServer[2], FromServer[2], ToExplorer[2], FromExplorer[2], Cue[2];
    assert_int_equal(pipe(ToServer), 0);
    assert_int_equal(pipe(FromServer), 0);
    assert_int_equal(pipe(ToExplorer), 0);
    assert_int_equal(pipe(FromExplorer), 0);
    assert_int_equal(pipe(Cue), 0);
    snprintf(R->Dir, sizeof(R->Dir), "/tmp/mmsim-orders-XXXXXX");
    assert_non_null(mkdtemp(R->Dir));
    R->Server = fork();
    assert_true(R->Server >= 0);
    if (R->Server == 0) {
        char Fds[32], Log[128];
        snprintf(Fds, sizeof(Fds), "%d,%d", ToServer[0], FromServer[1]);
        snprintf(Log, sizeof(Log), "%s/server.log", R->Dir);
        int Out = open(Log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (Out < 0 || dup2(Cue[0], STDIN_FILENO) < 0 || dup2(Out, STDOUT_FILENO) < 0 ||
            dup2(Out, STDERR_FILENO) < 0) {
            _exit(127);
        }
        close(ToServer[1]);
        close(FromServer[0]);
        close(ToExplorer[1]);
        close(FromExplorer[0]);
        close(Cue[1]);
        setenv("MMSIM_FAULT_SERVER", Fds, 1);
        execl(Target, Target, (char *)NULL);
        _exit(127);
    }
    close(ToServer[0]);
    close(FromServer[1]);
    close(Cue[0]);
    R->Request = ToServer[1];
    R->Reply = FromServer[0];
    R->Answers = ToExplorer[1];
    R->Notes = FromExplorer[0];
    R->ProgramAnswers = ToExplorer[0]; /* kept open: the numbers the spec names */
    R->ProgramNotes = FromExplorer[1];
    R->Cue = Cue[1];
    int32_t Hello[2];
    assert_true(HostReadAll(R->Reply, Hello, sizeof(Hello)));
    assert_int_equal(Hello[0], HOST_FORK_HELLO);
}

static void StopServer(FAKE_RUNNER *R)
{
    close(R->Request);
    close(R->Reply);
    close(R->Answers);
    close(R->Notes);
    close(R->ProgramAnswers);
    close(R->ProgramNotes);
    close(R->Cue);
    kill(R->Server, SIGTERM); /* a server still serving (the explorer asked: it waits) */
    int Status;
    waitpid(R->Server, &Status, 0);
    DIR *Files = opendir(R->Dir);
    for (struct dirent *File; Files != NULL && (File = readdir(Files)) != NULL;) {
        if (File->d_name[0] != '.') {
            char Path[512];
            snprintf(Path, sizeof(Path), "%s/%s", R->Dir, File->d_name);
            unlink(Path);
        }
    }
    if (Files != NULL) {
        closedir(Files);
    }
    rmdir(R->Dir);
}

/* Fork 2 for Pid: a permit (Pid < 0: minus the explorer's, host.h) or the
 * answer to a question (the asker's pid). */
static void SendFork2(const FAKE_RUNNER *R, int32_t Pid)
{
    HOST_EXPLORE_ANSWER Message;
    memset(&Message, 0, sizeof(Message));
    Message.Pid = Pid;
    Message.Fork = 2;
    assert_int_equal(write(R->Answers, &Message, sizeof(Message)), (ssize_t)sizeof(Message));
}

static bool FileHas(const char *Path, const char *Text)
{
    FILE *In = fopen(Path, "r");
    char Line[4096];
    bool Found = false;
    while (In != NULL && !Found && fgets(Line, sizeof(Line), In) != NULL) {
        Found = strstr(Line, Text) != NULL;
    }
    if (In != NULL) {
        fclose(In);
    }
    return Found;
}

SIM_TEST_F(ExplorerOnStandingOrdersAsksNothing, NULL, NULL)
{
    FAKE_RUNNER R;
    StartServer(&R);
    char Request[1024];
    int Length = snprintf(Request + 4, sizeof(Request) - 4,
                          "@%s/explore.log%cMMSIM_FAULTS=explore=%d,%d;record=%s/explore.stacks%c"
                          "MMSIM_TEST_FILTER=TwoCallsAfterTheCue%c!P%s/child-%c!L%s/explore.log%c",
                          R.Dir, 0, R.ProgramAnswers, R.ProgramNotes, R.Dir, 0, 0, R.Dir, 0,
                          R.Dir, 0);
    assert_true(Length > 0 && (size_t)Length < sizeof(Request) - 4);
    uint32_t Size = (uint32_t)Length;
    memcpy(Request, &Size, sizeof(Size));
    assert_int_equal(write(R.Request, Request, 4 + Size), (ssize_t)(4 + Size));
    int32_t Started[2];
    assert_true(HostReadAll(R.Reply, Started, sizeof(Started)));
    assert_int_equal(Started[0], HOST_FORK_STARTED);
    SendFork2(&R, -1);          /* a permit for another process: skipped */
    SendFork2(&R, Started[1]);  /* an answer, not a permit: skipped */
    SendFork2(&R, -Started[1]); /* its permit */
    assert_int_equal(write(R.Cue, "!", 1), 1);

    /* What the explorer says, until its server says it ended. */
    HOST_EXPLORE_NOTE Notes[NOTES_MAX];
    int Count = 0, Asked = 0, Ended = -1;
    for (;;) {
        struct pollfd Ready[2] = {{R.Notes, POLLIN, 0}, {R.Reply, POLLIN, 0}};
        int Got = poll(Ready, 2, 60000);
        if (Got <= 0) {
            break; /* a minute without a word: it waits for an answer */
        }
        if (Ready[0].revents & POLLIN) {
            HOST_EXPLORE_NOTE Note;
            assert_true(HostReadAll(R.Notes, &Note, sizeof(Note)));
            Asked += Note.Kind == HOST_EXPLORE_ASK;
            if (Note.Kind == HOST_EXPLORE_ASK || Count == NOTES_MAX) {
                break; /* it asked: it would wait for the answer for ever */
            }
            Notes[Count++] = Note;
            continue;
        }
        int32_t Reply[2];
        assert_true(HostReadAll(R.Reply, Reply, sizeof(Reply)));
        assert_int_equal(Reply[0], HOST_FORK_ENDED);
        Ended = Reply[1];
        break;
    }
    char Dir[sizeof(R.Dir)];
    memcpy(Dir, R.Dir, sizeof(Dir));
    /* Checked before the server goes: its files. */
    int Forked = 0, GoesOn = 0, Waits = 0, ChildrenEnded = 0, Unforked = 0;
    bool FilesNamed = true;
    for (int i = 0; i < Count; i++) {
        if (Notes[i].Kind == HOST_EXPLORE_FORKED) {
            Forked++;
            GoesOn += Notes[i].Value == 2;
            Waits += Notes[i].Value == 1;
            char Path[256], Id[17], Injected[32];
            snprintf(Id, sizeof(Id), "%.16s", Notes[i].Line);
            snprintf(Injected, sizeof(Injected), "injected %s", Id);
            snprintf(Path, sizeof(Path), "%s/child-%s.stacks", Dir, Id);
            FilesNamed = FilesNamed && FileHas(Path, Injected);
            snprintf(Path, sizeof(Path), "%s/child-%s.log", Dir, Id);
            FilesNamed = FilesNamed && access(Path, R_OK) == 0;
        }
        Unforked += Notes[i].Kind == HOST_EXPLORE_UNFORKED;
        if (Notes[i].Kind == HOST_EXPLORE_ENDED) {
            ChildrenEnded++;
            assert_int_equal(Notes[i].Value, 0); /* each child's run passed */
        }
    }
    StopServer(&R);
    assert_int_equal(Asked, 0);
    assert_int_equal(Ended, 0); /* the exploration itself passed */
    if (ORDERS_TSAN) {
        assert_int_equal(Unforked, 2);
        assert_int_equal(Forked, 0);
        return;
    }
    assert_int_equal(Unforked, 0);
    assert_int_equal(Forked, 2);
    assert_int_equal(GoesOn, 1); /* the permit: the first child only */
    assert_int_equal(Waits, 1);
    assert_int_equal(ChildrenEnded, 2);
    assert_true(FilesNamed);
}

/* Two functions of this program: frames to name. */
__attribute__((noinline)) static int FirstFrameHere(int Value)
{
    return Value * 3 + 1;
}

__attribute__((noinline)) static int SecondFrameHere(int Value)
{
    return Value * 5 + 2;
}

/* "site module+0xOFF@PID:0xADDRESS" for a return address inside Function. */
static void UnnamedFrame(void *Frame, long Pid, uintptr_t Address, char *Text, size_t Size)
{
    const char *Module;
    uint64_t Offset;
    assert_true(HostFrameModuleOffset(Frame, &Module, &Offset));
    snprintf(Text, Size, "pool %s+0x%llx@%ld:0x%llx", Module, (unsigned long long)Offset, Pid,
             (unsigned long long)Address);
}

SIM_TEST_F(EveryServersFramesNamedByModuleAndOffset, NULL, NULL)
{
    (void)FirstFrameHere(1);
    (void)SecondFrameHere(1);
    void *First = (void *)((uintptr_t)&FirstFrameHere + 4);
    void *Second = (void *)((uintptr_t)&SecondFrameHere + 4);
    char Expected[512], Text[512];
    if (strchr(HostDescribeFrame(Second, Expected, sizeof(Expected)), '(') == NULL) {
        skip(); /* no symbolizer on this host (no libdw): the runner names nothing */
    }
    /* The first server: this process. */
    UnnamedFrame(First, (long)getpid(), (uintptr_t)First, Text, sizeof(Text));
    char *Named = HostNameFrames(Text);
    assert_non_null(Named);
    assert_non_null(strstr(Named, "FirstFrameHere"));
    free(Named);
    /* A second server, gone by now, with its own (here: a wrong) address. */
    pid_t Gone = fork();
    assert_true(Gone >= 0);
    if (Gone == 0) {
        _exit(0);
    }
    int Status;
    assert_int_equal(waitpid(Gone, &Status, 0), Gone);
    UnnamedFrame(Second, (long)Gone, 0x1000, Text, sizeof(Text));
    Named = HostNameFrames(Text);
    assert_non_null(Named);
    char Want[600];
    snprintf(Want, sizeof(Want), "pool %s", HostDescribeFrame(Second, Expected, sizeof(Expected)));
    assert_string_equal(Named, Want);
    free(Named);
}

/* ---------------------------------------------------------------------- */
/* run25: the second slot's server, and how a server ends.                */
/* ---------------------------------------------------------------------- */
/* Slot 0's server started with the pipes of slot 1 (its sibling) inherited,
 * as the runner starts it (faults.c, LaunchServer). */
typedef struct {
    int Request[2], Reply[2];     /* the runner's ends: slots 0 and 1 */
    int ProgramRequest1, ProgramReply1;
    int Answers[2][2], Notes[2][2]; /* explorer pipes: [slot][read, write] */
    pid_t Server;
    char Dir[64];
} FAKE_PAIR;

static void StartPair(FAKE_PAIR *P)
{
    int ToServer[2][2], FromServer[2][2];
    for (int Slot = 0; Slot < 2; Slot++) {
        assert_int_equal(pipe(ToServer[Slot]), 0);
        assert_int_equal(pipe(FromServer[Slot]), 0);
        assert_int_equal(pipe(P->Answers[Slot]), 0);
        assert_int_equal(pipe(P->Notes[Slot]), 0);
        P->Request[Slot] = ToServer[Slot][1];
        P->Reply[Slot] = FromServer[Slot][0];
    }
    P->ProgramRequest1 = ToServer[1][0];
    P->ProgramReply1 = FromServer[1][1];
    snprintf(P->Dir, sizeof(P->Dir), "/tmp/mmsim-pair-XXXXXX");
    assert_non_null(mkdtemp(P->Dir));
    P->Server = fork();
    assert_true(P->Server >= 0);
    if (P->Server == 0) {
        char Fds[32];
        snprintf(Fds, sizeof(Fds), "%d,%d", ToServer[0][0], FromServer[0][1]);
        int Null = open("/dev/null", O_RDWR);
        if (Null < 0 || dup2(Null, STDOUT_FILENO) < 0 || dup2(Null, STDERR_FILENO) < 0) {
            _exit(127);
        }
        for (int Slot = 0; Slot < 2; Slot++) {
            close(P->Request[Slot]);
            close(P->Reply[Slot]);
        }
        setenv("MMSIM_FAULT_SERVER", Fds, 1);
        execl(Target, Target, (char *)NULL);
        _exit(127);
    }
    close(ToServer[0][0]);
    close(FromServer[0][1]);
    int32_t Hello[2];
    assert_true(HostReadAll(P->Reply[0], Hello, sizeof(Hello)));
    assert_int_equal(Hello[0], HOST_FORK_HELLO);
}

/* A listing run (it ends at once), with Extra appended (an order). */
static void RequestListing(const FAKE_PAIR *P, const char *Extra)
{
    char Request[1024];
    int Length = snprintf(Request + 4, sizeof(Request) - 4, "@%s/run.log%cMMSIM_TEST_LIST=1%c%s",
                          P->Dir, 0, 0, Extra);
    assert_true(Length > 0 && (size_t)Length + 1 < sizeof(Request) - 4);
    Length += Extra[0] != '\0' ? 1 : 0; /* its '\0' */
    uint32_t Size = (uint32_t)Length;
    memcpy(Request, &Size, sizeof(Size));
    assert_int_equal(write(P->Request[0], Request, 4 + Size), (ssize_t)(4 + Size));
}

static void RemoveDir(const char *Path)
{
    DIR *Files = opendir(Path);
    for (struct dirent *File; Files != NULL && (File = readdir(Files)) != NULL;) {
        if (File->d_name[0] != '.') {
            char Entry[512];
            snprintf(Entry, sizeof(Entry), "%s/%s", Path, File->d_name);
            unlink(Entry);
        }
    }
    if (Files != NULL) {
        closedir(Files);
    }
    rmdir(Path);
}

/* How the runner leaves slot 0's server (slot 1's already closed). */
typedef enum { RunnerClosesRequests, RunnerCutsARequestShort, RunnerStopsReading } RUNNER_GOES;

/* The sibling's hello is waiting as soon as the order's run is STARTED
 * (the runner's sign that the order was followed); and the server ends
 * only after its sibling, however the runner goes. With this process as
 * the subreaper, a sibling its server did not wait for would be ours. */
SIM_TEST_F(ServerSaysItsSiblingsHelloAndEndsAfterIt, NULL, NULL)
{
#if defined(__linux__)
    static const struct {
        const char *Name;
        RUNNER_GOES How;
    } Ways[] = {
        {"the runner closes its request pipe", RunnerClosesRequests},
        {"a request cut short", RunnerCutsARequestShort},
        {"the runner stops reading replies", RunnerStopsReading},
    };
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    for (size_t w = 0; w < sizeof(Ways) / sizeof(Ways[0]); w++) {
        FAKE_PAIR P;
        StartPair(&P);
        char Order[96];
        snprintf(Order, sizeof(Order), "!F%d,%d,%d,%d,%d,%d", P.ProgramRequest1, P.ProgramReply1,
                 P.Answers[1][0], P.Notes[1][1], P.Answers[0][0], P.Notes[0][1]);
        RequestListing(&P, Order);
        close(P.ProgramRequest1); /* the servers have them */
        close(P.ProgramReply1);
        int32_t Reply[2];
        assert_true(HostReadAll(P.Reply[0], Reply, sizeof(Reply)));
        assert_int_equal(Reply[0], HOST_FORK_STARTED);
        struct pollfd Hello = {P.Reply[1], POLLIN, 0};
        print_message("%s\n", Ways[w].Name);
        assert_int_equal(poll(&Hello, 1, 0), 1); /* said before STARTED */
        assert_true(HostReadAll(P.Reply[1], Reply, sizeof(Reply)));
        assert_int_equal(Reply[0], HOST_FORK_HELLO);
        pid_t Sibling = (pid_t)Reply[1];
        assert_true(HostReadAll(P.Reply[0], Reply, sizeof(Reply)));
        assert_int_equal(Reply[0], HOST_FORK_ENDED);
        close(P.Request[1]); /* the sibling ends */
        close(P.Reply[1]);
        if (Ways[w].How == RunnerCutsARequestShort) {
            uint32_t Size = 100;
            assert_int_equal(write(P.Request[0], &Size, sizeof(Size)), (ssize_t)sizeof(Size));
            assert_int_equal(write(P.Request[0], "@x", 2), 2);
        } else if (Ways[w].How == RunnerStopsReading) {
            close(P.Reply[0]);
            P.Reply[0] = -1;
            RequestListing(&P, ""); /* its STARTED finds no reader */
        }
        close(P.Request[0]);
        int Status;
        assert_int_equal(waitpid(P.Server, &Status, 0), P.Server);
        assert_true(WIFEXITED(Status) && WEXITSTATUS(Status) == 0);
        errno = 0;
        pid_t Orphan = waitpid(Sibling, &Status, 0);
        int Error = errno;
        while (waitpid(-1, &Status, 0) > 0) { /* a run whose server went first */
        }
        if (P.Reply[0] >= 0) {
            close(P.Reply[0]);
        }
        for (int Slot = 0; Slot < 2; Slot++) {
            for (int End = 0; End < 2; End++) {
                close(P.Answers[Slot][End]);
                close(P.Notes[Slot][End]);
            }
        }
        RemoveDir(P.Dir);
        assert_int_equal(Orphan, -1); /* reaped by its server, not left to us */
        assert_int_equal(Error, ECHILD);
    }
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 0), 0);
#else
    skip(); /* no subreaper to catch an orphan */
#endif
}

/* A lister killed by a signal: its explorer ends by that signal too
 * (HostExploreForkLister), without a second core dump, which would replace
 * the lister's (a core_pattern "core": one name for both). Compared with a
 * process that raises the signal plainly under the same limits: where that
 * dumps no core (no dumps allowed here), there is nothing to tell. */
static bool DiesDumping(const char *Dir, bool Plainly)
{
    pid_t Child = fork();
    assert_true(Child >= 0);
    if (Child == 0) {
        struct rlimit Core;
        if (chdir(Dir) != 0 || getrlimit(RLIMIT_CORE, &Core) != 0) {
            _exit(1);
        }
        Core.rlim_cur = Core.rlim_max; /* as large as this process may */
        (void)setrlimit(RLIMIT_CORE, &Core);
        if (Plainly) {
            signal(SIGABRT, SIG_DFL);
            raise(SIGABRT);
            _exit(2);
        }
        HostDieOfSignal(SIGABRT);
    }
    int Status;
    assert_int_equal(waitpid(Child, &Status, 0), Child);
    assert_true(WIFSIGNALED(Status));
    assert_int_equal(WTERMSIG(Status), SIGABRT);
    return WCOREDUMP(Status);
}

SIM_TEST_F(ListersSignalEndsTheExplorerWithoutASecondCore, NULL, NULL)
{
    if (ORDERS_ASAN || ORDERS_TSAN) {
        skip(); /* the sanitizers keep core dumps to themselves */
    }
    char Dir[64];
    snprintf(Dir, sizeof(Dir), "/tmp/mmsim-core-XXXXXX");
    assert_non_null(mkdtemp(Dir));
    bool Plain = DiesDumping(Dir, true);
    bool Explorer = DiesDumping(Dir, false);
    RemoveDir(Dir);
    if (!Plain) {
        skip(); /* no core dumps on this host: nothing to compare */
    }
    assert_false(Explorer);
}

int main(int argc, char **argv)
{
    Target = argc > 1 ? argv[1] : "explore_orders_target";
    return SimRunTests("explore_orders", NULL, NULL);
}
