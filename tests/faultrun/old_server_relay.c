/*
 * old_server_relay.c - plays a program linked with a libmmsim that predates
 * the "!F" order (run25; docs/verifier.md, "Fork server"): started by the
 * runner as a fork server, it starts PROGRAM as the real server behind it
 * and relays requests and replies, dropping every "!F" entry, so slot 0's
 * server never forks slot 1's - and, as such a server, it and its runs keep
 * the other slot's pipe ends open. The runner must not wait for slot 1's
 * hello for ever: it starts slot 1's server by exec and says so.
 *
 *   old_server_relay PROGRAM ARGS...
 *
 * Not linked with mmsim (it would become a fork server itself). Without
 * MMSIM_FAULT_SERVER it simply runs PROGRAM (a run started by exec).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int ReadAll(int Fd, void *Buffer, size_t Size)
{
    char *At = (char *)Buffer;
    while (Size > 0) {
        ssize_t Got = read(Fd, At, Size);
        if (Got < 0 && errno == EINTR) {
            continue;
        }
        if (Got <= 0) {
            return 0;
        }
        At += Got;
        Size -= (size_t)Got;
    }
    return 1;
}

static int WriteAll(int Fd, const void *Buffer, size_t Size)
{
    const char *At = (const char *)Buffer;
    while (Size > 0) {
        ssize_t Put = write(Fd, At, Size);
        if (Put < 0 && errno == EINTR) {
            continue;
        }
        if (Put <= 0) {
            return 0;
        }
        At += Put;
        Size -= (size_t)Put;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: old_server_relay PROGRAM ARGS...\n");
        return 2;
    }
    const char *Spec = getenv("MMSIM_FAULT_SERVER");
    int Request = -1, Reply = -1;
    if (Spec == NULL || sscanf(Spec, "%d,%d", &Request, &Reply) != 2) {
        execv(argv[1], argv + 1);
        return 127;
    }
    int ToInner[2], FromInner[2];
    if (pipe(ToInner) != 0 || pipe(FromInner) != 0) {
        return 2;
    }
    pid_t Inner = fork();
    if (Inner == 0) {
        char Fds[32];
        close(ToInner[1]);
        close(FromInner[0]);
        close(Request);
        close(Reply);
        snprintf(Fds, sizeof(Fds), "%d,%d", ToInner[0], FromInner[1]);
        setenv("MMSIM_FAULT_SERVER", Fds, 1);
        execv(argv[1], argv + 1);
        _exit(127);
    }
    close(ToInner[0]);
    close(FromInner[1]);
    int Open = 1; /* the runner's request pipe */
    for (;;) {
        struct pollfd Ready[2] = {{FromInner[0], POLLIN, 0}, {Open ? Request : -1, POLLIN, 0}};
        if (poll(Ready, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (Ready[0].revents & (POLLIN | POLLHUP)) {
            int32_t Message[2];
            if (!ReadAll(FromInner[0], Message, sizeof(Message))) {
                break; /* the real server ended */
            }
            if (!WriteAll(Reply, Message, sizeof(Message))) {
                break;
            }
            continue;
        }
        if (Ready[1].revents & (POLLIN | POLLHUP)) {
            uint32_t Length = 0;
            char *Body = NULL;
            if (!ReadAll(Request, &Length, sizeof(Length)) || Length == 0 || Length > 65536 ||
                (Body = (char *)malloc(Length)) == NULL || !ReadAll(Request, Body, Length)) {
                free(Body);
                Open = 0;
                close(ToInner[1]); /* done: the real server ends too */
                continue;
            }
            /* The entries, each ending in '\0', without the "!F" order. */
            char *Kept = (char *)malloc(sizeof(uint32_t) + Length);
            uint32_t Size = 0;
            for (char *Entry = Body; Kept != NULL && Entry < Body + Length;
                 Entry += strlen(Entry) + 1) {
                if (strncmp(Entry, "!F", 2) != 0) {
                    memcpy(Kept + sizeof(uint32_t) + Size, Entry, strlen(Entry) + 1);
                    Size += (uint32_t)strlen(Entry) + 1;
                }
            }
            if (Kept != NULL) {
                memcpy(Kept, &Size, sizeof(Size));
                (void)WriteAll(ToInner[1], Kept, sizeof(uint32_t) + Size);
            }
            free(Kept);
            free(Body);
        }
    }
    int Status;
    while (waitpid(Inner, &Status, 0) < 0 && errno == EINTR) {
    }
    return 0;
}
