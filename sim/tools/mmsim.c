/*
 * mmsim.c - the mmsim command-line program (docs/mmsim.md).
 *
 *   mmsim tour [--profile modern|nt5] [--step] [--raw] [--html FILE]
 *   mmsim run [--profile modern|nt5] [--raw] FILE|-
 *   mmsim help [COMMAND], mmsim COMMAND --help
 */
#include <stdio.h>
#include <string.h>

#include <mmsim.h>

#include "faults.h"
#include "tool.h"

static void Usage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim COMMAND [OPTIONS]\n"
            "\n"
            "The Windows kernel memory manager, simulated in user mode: a guided tour of\n"
            "the reserve/commit model and a scenario runner for reproducing bug checks.\n"
            "\n"
            "commands:\n"
            "  tour     narrated walk through reserve, grow, touch, teardown and six\n"
            "           classic mistakes, with WinDbg-style dumps (--html for a web page)\n"
            "  run      run a scenario script: DDI calls, IRQL changes, touches, dumps,\n"
            "           expected stops (FILE, or - for standard input)\n"
            "  faults   run a program once per fallible DDI call stack, failing that\n"
            "           call (systematic fault injection; docs/verifier.md)\n"
            "  help     this text, or `mmsim help COMMAND` for a command's\n"
            "\n"
            "`mmsim COMMAND --help` describes each command. Manual: docs/mmsim.md in\n"
            "the source tree, share/doc/mmsim/mmsim.md where mmsim is installed.\n"
            "\n"
            "exit status: 0 ok; 1 an expectation (of a script or the tour) failed;\n"
            "2 usage or script error; %d the simulated machine stopped (unexpected bug\n"
            "check); %d a DDI was called after the machine stopped; %d bad MMSIM_*\n"
            "setting.\n",
            SIM_EXIT_BUGCHECK, SIM_EXIT_REFUSED, SIM_EXIT_CONFIG);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        Usage(stderr);
        return TOOL_EXIT_USAGE;
    }
    const char *Command = argv[1];
    if (strcmp(Command, "--help") == 0 || strcmp(Command, "-h") == 0) {
        Usage(stdout);
        return TOOL_EXIT_OK;
    }
    if (strcmp(Command, "help") == 0) {
        if (argc < 3) {
            Usage(stdout);
            return TOOL_EXIT_OK;
        }
        char *HelpArgv[] = {argv[2], (char *)"--help", NULL};
        if (strcmp(argv[2], "tour") == 0) {
            return TourMain(2, HelpArgv);
        }
        if (strcmp(argv[2], "run") == 0) {
            return RunMain(2, HelpArgv);
        }
        if (strcmp(argv[2], "faults") == 0) {
            return MmsimFaultsCommand(2, HelpArgv);
        }
        if (strcmp(argv[2], "help") == 0) {
            Usage(stdout);
            return TOOL_EXIT_OK;
        }
        fprintf(stderr, "mmsim help: unknown command '%s'\n", argv[2]);
        return TOOL_EXIT_USAGE;
    }
    if (strcmp(Command, "tour") == 0) {
        return TourMain(argc - 1, argv + 1);
    }
    if (strcmp(Command, "run") == 0) {
        return RunMain(argc - 1, argv + 1);
    }
    if (strcmp(Command, "faults") == 0) {
        return MmsimFaultsCommand(argc - 1, argv + 1);
    }
    fprintf(stderr, "mmsim: unknown command '%s'\n\n", Command);
    Usage(stderr);
    return TOOL_EXIT_USAGE;
}
