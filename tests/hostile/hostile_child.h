/*
 * hostile_child.h - death tests: run a body in a forked child and report how
 * the child ended (its exit status or its signal, and its stderr).
 *
 *   parent ── fork ──> child: Body(Context); _exit(CHILD_RETURNED)
 *     │                  stderr ──pipe──┐
 *     └── reads the pipe, waitpid ──────┘──> HOSTILE_CHILD
 *
 * The child gets an alarm: a body that hangs ends by SIGALRM, which no test
 * expects, instead of hanging the suite.
 */
#ifndef HOSTILE_CHILD_H
#define HOSTILE_CHILD_H

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_RETURNED 70    /* the body returned normally */
#define CHILD_ALARM_SECONDS 20

typedef struct _HOSTILE_CHILD {
    bool Exited;
    int Status;      /* exit status, if Exited */
    int Signal;      /* terminating signal, if not */
    char Err[16384]; /* the child's stderr (truncated), NUL-terminated */
} HOSTILE_CHILD;

typedef void (*HOSTILE_BODY)(void *Context);

/* Runs Body in a child; false if fork or pipe failed. */
static inline bool HostileRunChild(HOSTILE_BODY Body, void *Context, HOSTILE_CHILD *R)
{
    memset(R, 0, sizeof(*R));
    int Pipe[2];
    if (pipe(Pipe) != 0) {
        return false;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t Pid = fork();
    if (Pid < 0) {
        return false;
    }
    if (Pid == 0) {
        close(Pipe[0]);
        dup2(Pipe[1], STDERR_FILENO);
        close(Pipe[1]);
        alarm(CHILD_ALARM_SECONDS);
        Body(Context);
        _exit(CHILD_RETURNED);
    }
    close(Pipe[1]);
    size_t Used = 0;
    for (;;) {
        char Chunk[4096];
        ssize_t Got = read(Pipe[0], Chunk, sizeof(Chunk));
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got <= 0) {
            break;
        }
        size_t Take = (size_t)Got;
        if (Take > sizeof(R->Err) - 1 - Used) {
            Take = sizeof(R->Err) - 1 - Used;
        }
        memcpy(R->Err + Used, Chunk, Take);
        Used += Take;
    }
    R->Err[Used] = '\0';
    close(Pipe[0]);
    int WaitStatus = 0;
    pid_t Waited;
    do {
        Waited = waitpid(Pid, &WaitStatus, 0);
    } while (Waited < 0 && errno == EINTR);
    if (Waited != Pid) {
        return false;
    }
    R->Exited = WIFEXITED(WaitStatus);
    R->Status = R->Exited ? WEXITSTATUS(WaitStatus) : -1;
    R->Signal = WIFSIGNALED(WaitStatus) ? WTERMSIG(WaitStatus) : 0;
    return true;
}

/* "exited 86" or "killed by signal 11 (Segmentation fault)", for messages. */
static inline const char *HostileDescribe(const HOSTILE_CHILD *R, char *Text, size_t Size)
{
    if (R->Exited) {
        snprintf(Text, Size, "exited %d", R->Status);
    } else {
        snprintf(Text, Size, "killed by signal %d (%s)", R->Signal, strsignal(R->Signal));
    }
    return Text;
}

#endif /* HOSTILE_CHILD_H */
