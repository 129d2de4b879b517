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
 *            "-NAME" (unsetenv)
 *   reply    int32 kind, int32 value: hello (the server's pid), started (the
 *            run's pid), ended (its wait status), refused (fork's errno)
 */
#if !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"

static bool HostReadAll(int Fd, void *Buffer, size_t Size)
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

static void HostReply(int Fd, int32_t Kind, int32_t Value)
{
    int32_t Message[2] = {Kind, Value};
    const char *At = (const char *)Message;
    size_t Size = sizeof(Message);
    while (Size > 0) {
        ssize_t Put = write(Fd, At, Size);
        if (Put < 0 && errno == EINTR) {
            continue;
        }
        if (Put <= 0) {
            _exit(0); /* the runner is gone */
        }
        At += Put;
        Size -= (size_t)Put;
    }
}

/* The child: becomes the run the request describes. */
static void HostBecomeRun(char *Request, uint32_t Length)
{
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
        } else if (strchr(Entry, '=') != NULL) {
            putenv(Entry); /* the request buffer lives as long as the run */
        }
    }
}

bool HostServeForks(int RequestFd, int ReplyFd)
{
    struct stat In, Out;
    if (RequestFd == ReplyFd || fstat(RequestFd, &In) != 0 || fstat(ReplyFd, &Out) != 0 ||
        !S_ISFIFO(In.st_mode) || !S_ISFIFO(Out.st_mode)) {
        return false;
    }
    HostReply(ReplyFd, HOST_FORK_HELLO, (int32_t)getpid());
    for (;;) {
        uint32_t Length = 0;
        if (!HostReadAll(RequestFd, &Length, sizeof(Length)) || Length == 0 || Length > 65536) {
            _exit(0); /* the runner closed its end: done */
        }
        char *Request = (char *)malloc((size_t)Length + 1);
        if (Request == NULL || !HostReadAll(RequestFd, Request, Length)) {
            _exit(0);
        }
        Request[Length] = '\0';
        pid_t Pid = fork();
        if (Pid == 0) {
            close(RequestFd);
            close(ReplyFd);
            HostBecomeRun(Request, Length);
            return true;
        }
        if (Pid < 0) {
            free(Request);
            HostReply(ReplyFd, HOST_FORK_REFUSED, errno);
            continue;
        }
        free(Request);
        setpgid(Pid, Pid); /* also done by the child: whichever runs first */
        HostReply(ReplyFd, HOST_FORK_STARTED, (int32_t)Pid);
        int Status = 0;
        while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
        }
        HostReply(ReplyFd, HOST_FORK_ENDED, Status);
    }
}
