/*
 * narrate.h - narration statements of the scenario language: the tour
 * (`mmsim tour`) is a scenario script that says what it does while it does
 * it (docs/mmsim.md, "Narration"). The statements and queries are tables
 * here (narrate_lang.c, no simulator state: the parser and its fuzzers use
 * them); running them is narrate.c, called by the runner (run.c).
 *
 *   step "Title"                 a new step: "== Step i of N: Title =="
 *   say "text %d", expr, ...     narration (consecutive says are one paragraph)
 *   code "C source"              the driver code the next statements run
 *   result "text", expr, ...     what it returned ("      -> text")
 *   claim "text" A == B          a sentence about the machine, checked
 *   focus ADDR                   the reservation the page's picture shows
 *   when nt5 | modern ... end    statements for one profile only
 *   combine ALL, MDL, ...        ALL (IoAllocateMdl) describes the MDLs' pages
 *
 * Formats in text: %d decimal, %x hex, %a an address as dumps print it,
 * %K bytes in KiB, %M bytes in MiB, %{a|b|c} the value-th alternative, %%.
 */
#ifndef MMSIM_NARRATE_H
#define MMSIM_NARRATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "script.h"

/* ---- The language (narrate_lang.c) ---------------------------------------- */
typedef enum _NARRATE_WORD_ID {
    NarrStep = 0,
    NarrSay,
    NarrCode,
    NarrResult,
    NarrClaim,
    NarrFocus,
    NarrWhen,
    NarrEnd,
    NarrCombine,
    NarrWordCount
} NARRATE_WORD_ID;

/* What follows the word, in this order. */
#define NARRATE_CHOICE 1u    /* one word of Choices (stored in Option) */
#define NARRATE_TEXT 2u      /* a "string" (stored in Echo) */
#define NARRATE_ARGS 4u      /* expressions, comma-separated (after the text: ", expr") */
#define NARRATE_CONDITION 8u /* expr == expr or expr != expr (Option 0 or 1) */

typedef struct _NARRATE_WORD {
    const char *Word;
    unsigned Shape;
    const char *Choices[3]; /* NARRATE_CHOICE */
    int MinArgs, MaxArgs;   /* NARRATE_ARGS */
    SCRIPT_TYPE ArgType;    /* every argument's type (TypeNumber: any) */
} NARRATE_WORD;

extern const NARRATE_WORD NarrateWords[NarrWordCount];
/* The word's NARRATE_WORD_ID, or -1. */
int NarrateFindWord(const char *Name, size_t Length);

/* Queries: name(args) in any expression, read from the machine when the
 * statement runs (mmsim.h's Sim* queries). */
#define NARRATE_MAX_QUERY_ARGS 4
typedef struct _NARRATE_QUERY {
    const char *Name;
    int ArgCount;
    SCRIPT_TYPE ArgTypes[NARRATE_MAX_QUERY_ARGS];
    const char *Meaning; /* for docs/mmsim.md and error messages */
} NARRATE_QUERY;

extern const NARRATE_QUERY NarrateQueries[];
extern const int NarrateQueryCount;
/* The query's index, or -1. */
int NarrateFindQuery(const char *Name, size_t Length);

/* ---- Running (narrate.c) ---------------------------------------------------- */
struct _SIM_BUGCHECK;

/* Narrated mode: the tour. Without NarrateOpen the statements print plainly
 * into the runner's transcript (`mmsim run tour.mms`). */
typedef struct _NARRATE_OPTIONS {
    FILE *Text;           /* the text sink, or NULL */
    bool Html;            /* collect the HTML page's steps (NarrateWriteHtml) */
    bool Pause;           /* --step: wait for Enter after each step */
    unsigned long Flags;  /* SIM_DUMP_* for addresses in narration */
    const char *Heading;  /* first line of the text sink */
} NARRATE_OPTIONS;

void NarrateOpen(const NARRATE_OPTIONS *Options);
/* Ends narrated mode; returns the number of failed claims. */
int NarrateClose(void);
/* Steps narrated so far. */
int NarrateSteps(void);
/* Writes the page (html.c) with the steps collected; false on I/O errors. */
bool NarrateWriteHtml(FILE *File, const char *Title);

/* Hooks of the runner (run.c). */
bool NarrateBefore(const SCRIPT *Script, const SCRIPT_STMT *St); /* false: skip it */
void NarrateAfter(const SCRIPT *Script, const SCRIPT_STMT *St, const uint64_t *Values);
void NarrateFinish(void); /* the script ran to its end (the machine still exists) */
int NarrateStatement(const SCRIPT *Script, const SCRIPT_STMT *St, const uint64_t *Args,
                     FILE *Out, FILE *Err, const char *File, unsigned long Flags);
/* A dump in narrated mode ("kd> !pte ..."); false when not narrating. */
bool NarrateDump(const SCRIPT *Script, const SCRIPT_STMT *St, const uint64_t *Args,
                 const char *Text, const struct _SIM_BUGCHECK *Stop);
uint64_t NarrateQuery(int Query, const uint64_t *Args, int Count);

#endif /* MMSIM_NARRATE_H */
