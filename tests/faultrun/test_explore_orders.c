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
#include <sys/wait.h>
#include <unistd.h>

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

int main(int argc, char **argv)
{
    Target = argc > 1 ? argv[1] : "explore_orders_target";
    return SimRunTests("explore_orders", NULL, NULL);
}
