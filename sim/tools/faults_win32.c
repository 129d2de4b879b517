/*
 * faults_win32.c - `mmsim faults` on Windows: not available.
 *
 * The runner (faults.c) is a POSIX host tool: its fork server forks the
 * program once per fallible call stack (--exec-per-run: forks and execs
 * it), in its own process group, and reads wait statuses; Windows has no
 * fork, so neither mode exists here. It has not been ported to CreateProcess/job objects. Fault
 * injection itself works on every host: run the program under
 * MMSIM_FAULTS=... (docs/verifier.md) one configuration at a time.
 */
#include <stdio.h>
#include <string.h>

#include "faults.h"
#include "tool.h"

int MmsimFaultsCommand(int argc, char **argv)
{
    bool Help = false;
    for (int i = 1; i < argc; i++) {
        Help = Help || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0;
    }
    FILE *Out = Help ? stdout : stderr;
    fprintf(Out,
            "usage: mmsim faults [--jobs N] [--timeout SECONDS] [--keep DIR] [--allow-failed]\n"
            "                    -- PROGRAM [ARGS...]\n"
            "\n"
            "Not available in this Windows build: the runner forks and execs PROGRAM once\n"
            "per fallible DDI call stack, which is POSIX-only. Set MMSIM_FAULTS (for\n"
            "example nth=3@pool or random=600;seed=7) to inject failures into one run\n"
            "(docs/verifier.md).\n");
    return Help ? TOOL_EXIT_OK : TOOL_EXIT_USAGE;
}
