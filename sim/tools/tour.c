/*
 * tour.c - `mmsim tour`: a narrated walk through the reserve/commit model.
 *
 * The tour is a scenario script, sim/tools/tour/tour.mms (built into the
 * program: tour_script.c), run by the same runner as `mmsim run` (run.c) in
 * narrated mode (narrate.c): its `step`, `say`, `code`, `result` and `claim`
 * statements and its dumps go to the terminal or, with `--html FILE`, into
 * one page (html.c). Addresses are printed relative to the randomized base
 * of system space (user addresses to the user range), so the output is the
 * same on every run (`--raw` shows host addresses instead).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>

#include "narrate.h"
#include "tool.h"

/* tour_script.c, generated from tour/tour.mms by tour/embed.cmake. */
extern const char TourScript[];
extern const size_t TourScriptLength;

#ifdef _WIN32
#define TOUR_NULL_DEVICE "NUL"
#else
#define TOUR_NULL_DEVICE "/dev/null"
#endif

static void TourUsage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim tour [--profile modern|nt5] [--step] [--raw] [--html FILE]\n"
            "       mmsim tour --script\n"
            "\n"
            "A narrated, step-by-step walk through the reserve/commit model. First the\n"
            "user-mode model you know: reserve 2 MiB with ZwAllocateVirtualMemory,\n"
            "commit 4 KiB at a time, the first touch of a demand-zero page, and what the\n"
            "kernel does differently. Then the kernel: reserve system address space,\n"
            "allocate pages into MDLs, map, touch, grow, tear down; the growable region\n"
            "of core/; then six classic mistakes and the stop each one gets, live.\n"
            "After each step it prints what changed and WinDbg-style dumps (!vad,\n"
            "!address, !pte, !pfn, !sysptes, !poolused, dt nt!_MDL, maps).\n"
            "\n"
            "  --profile P   modern (default; MMSIM_PROFILE) or nt5 (Server 2003 header PTEs)\n"
            "  --step        pause after each step (Enter: next, q: quit)\n"
            "  --raw         print host addresses instead of base-relative ones\n"
            "  --html FILE   write the same steps as one self-contained HTML page\n"
            "  --script      print the tour's scenario script (`mmsim run` runs it too)\n"
            "  --help        this text\n"
            "\n"
            "Exit status: 0 every step did what it shows; 1 a step did not (a stop\n"
            "missing or different, or a sentence about the machine false); 2 usage;\n"
            "89 bad MMSIM_* setting.\n");
}

int TourMain(int Argc, char **Argv)
{
    NARRATE_OPTIONS Options = {.Text = stdout, .Flags = SIM_DUMP_SYMBOLIC};
    const char *Html = NULL;
    const char *Profile = NULL;
    for (int i = 1; i < Argc; i++) {
        if (strcmp(Argv[i], "--help") == 0 || strcmp(Argv[i], "-h") == 0) {
            TourUsage(stdout);
            return TOOL_EXIT_OK;
        } else if (strcmp(Argv[i], "--script") == 0) {
            fwrite(TourScript, 1, TourScriptLength, stdout);
            return ferror(stdout) ? TOOL_EXIT_USAGE : TOOL_EXIT_OK;
        } else if (strcmp(Argv[i], "--step") == 0) {
            Options.Pause = true;
        } else if (strcmp(Argv[i], "--raw") == 0) {
            Options.Flags &= ~(unsigned long)SIM_DUMP_SYMBOLIC;
        } else if (strcmp(Argv[i], "--profile") == 0 && i + 1 < Argc) {
            Profile = Argv[++i];
        } else if (strncmp(Argv[i], "--profile=", 10) == 0) {
            Profile = Argv[i] + 10;
        } else if (strcmp(Argv[i], "--html") == 0 && i + 1 < Argc) {
            Html = Argv[++i];
        } else if (strncmp(Argv[i], "--html=", 7) == 0) {
            Html = Argv[i] + 7;
        } else {
            fprintf(stderr, "mmsim tour: unknown or incomplete option '%s'\n", Argv[i]);
            TourUsage(stderr);
            return TOOL_EXIT_USAGE;
        }
    }
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    if (Profile != NULL && ToolProfileOption("tour", Profile, &Config) != 0) {
        return TOOL_EXIT_USAGE;
    }
    FILE *HtmlFile = NULL;
    if (Html != NULL) {
        HtmlFile = fopen(Html, "w");
        if (HtmlFile == NULL) {
            fprintf(stderr, "mmsim tour: cannot write '%s': %s\n", Html, strerror(errno));
            return TOOL_EXIT_USAGE;
        }
        Options.Text = NULL;
        Options.Html = true;
        Options.Pause = false;
    }
    Options.Heading = "mmsim tour - the reserve/commit model of the Windows kernel, step by step";
    /* The runner's own transcript is not the tour's: the narration is. */
    FILE *Transcript = fopen(TOUR_NULL_DEVICE, "w");
    if (Transcript == NULL) {
        fprintf(stderr, "mmsim tour: cannot open %s: %s\n", TOUR_NULL_DEVICE, strerror(errno));
        return TOOL_EXIT_USAGE;
    }
    NarrateOpen(&Options);
    int Status = RunScriptText("tour.mms", TourScript, TourScriptLength, &Config, Options.Flags,
                               Transcript, stderr);
    fclose(Transcript);
    int Steps = NarrateSteps();
    if (HtmlFile != NULL) {
        char Title[128];
        snprintf(Title, sizeof(Title), "mmsim tour (profile %s)",
                 SimProfileName(Config.Profile));
        bool Ok = NarrateWriteHtml(HtmlFile, Title);
        Ok = fclose(HtmlFile) == 0 && Ok;
        if (!Ok) {
            fprintf(stderr, "mmsim tour: writing '%s' failed\n", Html);
            Status = TOOL_EXIT_USAGE;
        }
    }
    int Failures = NarrateClose();
    if (Status == TOOL_EXIT_OK && Failures > 0) {
        Status = TOOL_EXIT_FAILED;
    }
    if (HtmlFile != NULL) {
        if (Status != TOOL_EXIT_USAGE) {
            printf("mmsim tour: wrote %s (%d steps)\n", Html, Steps);
        }
    } else {
        printf("\n%s\n", Status == TOOL_EXIT_OK ? "Tour complete."
                                                : "!! The tour did not go as described.");
    }
    return Status;
}
