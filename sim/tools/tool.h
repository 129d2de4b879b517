/*
 * tool.h - pieces shared by the mmsim program's subcommands (tour, run) and
 * by the tests that link them (the scenario parser's fuzz targets).
 */
#ifndef MMSIM_TOOL_H
#define MMSIM_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A growable string. Allocation failure makes it sticky-failed (Failed),
 * never a crash; Text is always NUL-terminated once anything was added. */
typedef struct _TOOL_BUF {
    char *Text;
    size_t Length;
    size_t Capacity;
    bool Failed;
} TOOL_BUF;

void BufAppend(TOOL_BUF *Buf, const char *Text, size_t Length);
void BufPrintf(TOOL_BUF *Buf, const char *Format, ...) __attribute__((format(MMSIM_PRINTF_FORMAT, 2, 3)));
/* Appends Text as the contents of a JSON string (without quotes). */
void BufJsonString(TOOL_BUF *Buf, const char *Text);
/* Appends Text with <, >, & and quotes escaped for HTML. */
void BufHtml(TOOL_BUF *Buf, const char *Text);
const char *BufText(const TOOL_BUF *Buf);
void BufFree(TOOL_BUF *Buf);

/* Exit statuses of the program (docs/mmsim.md). The simulator's own 86, 87
 * and 89 keep their meaning (mmsim.h). */
#define TOOL_EXIT_OK 0
#define TOOL_EXIT_FAILED 1 /* an expectation of a scenario (or the tour) did not hold */
#define TOOL_EXIT_USAGE 2  /* bad command line, unreadable file, script error */

/* Subcommands. Argv[0] is the subcommand's name. */
int TourMain(int Argc, char **Argv);
int RunMain(int Argc, char **Argv);

/* Runs a scenario script (run.c) on a fresh machine built from Config,
 * transcript to Out, errors to Err; returns the exit status of `mmsim run`. */
struct _SIM_CONFIG;
int RunScriptText(const char *Name, const char *Text, size_t Length,
                  const struct _SIM_CONFIG *Config, unsigned long Flags, FILE *Out, FILE *Err);

/* --profile NAME of a subcommand (Command: "run", "tour"): sets
 * Config->Profile (names parsed by SimParseProfile, sim/config.c) and returns
 * 0, or prints "mmsim COMMAND: --profile 'NAME': expected modern or nt5" and
 * returns TOOL_EXIT_USAGE. */
int ToolProfileOption(const char *Command, const char *Name, struct _SIM_CONFIG *Config);

/* Writes the tour's HTML page (html.c): Steps is a JSON array of step
 * objects built by the tour. Returns false with errno set on I/O errors. */
bool HtmlWritePage(FILE *File, const char *Title, const char *StepsJson);

#endif /* MMSIM_TOOL_H */
