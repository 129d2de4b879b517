/*
 * thread_count.h - the process's threads, for tests that count the
 * simulator's worker threads (tests/faultrun/test_fork_workers.c,
 * tests/lifetime/test_teardown_reset.c).
 */
#ifndef MMSIM_TESTS_THREAD_COUNT_H
#define MMSIM_TESTS_THREAD_COUNT_H

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Field 20 of /proc/self/stat (Linux); 0 if unknown. */
static inline long ThreadCount(void)
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
    const char *At = strrchr(Stat, ')');
    for (int Field = 2; At != NULL && Field < 20; Field++) {
        At = strchr(At + 1, ' ');
    }
    return At != NULL ? strtol(At + 1, NULL, 10) : 0;
}

#endif
