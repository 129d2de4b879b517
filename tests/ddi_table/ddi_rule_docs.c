/*
 * ddi_rule_docs.c - the table of DDI compliance rules in docs/ddi-contract.md
 * (1.17, between the ddi-rules markers) and the codes of the DDI table
 * (sim/mi_ddi_table.h, through SimIrqlRules) agree:
 *   - each rule's last column ("mmsim rows with the code") is exactly the set
 *     of rows that stop with 0xC4 and the rule's code;
 *   - a routine the rule's page lists ("routines" column) that has a row stops
 *     with the rule's code or with a Verifier code of its own (3.4), never
 *     with another rule's code or 0xA;
 *   - each code appears once and its bug check meaning names the rule.
 * Routine names are the `quoted` words of a column.
 *   ddi_rule_docs docs/ddi-contract.md [--mutate]
 * --mutate drops the last routine of the first non-empty last column before
 * checking: the check must then fail (ctest ddi_rule_docs_detects_a_difference).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmsim.h"

#define BEGIN "<!-- ddi-rules begin"
#define END "<!-- ddi-rules end -->"
#define MAX_RULES 64
#define MAX_NAMES 64

typedef struct {
    char Rule[64];
    ULONG_PTR Code;
    int Listed, Rows;
    char ListedNames[MAX_NAMES][80];
    char RowNames[MAX_NAMES][80];
} DOC_RULE;

static DOC_RULE Rules[MAX_RULES];
static int RuleCount;
static int Errors;

#define FAIL(...)                                                                           \
    do {                                                                                    \
        fprintf(stderr, "ddi_rule_docs: " __VA_ARGS__);                                     \
        fputc('\n', stderr);                                                                \
        Errors++;                                                                           \
    } while (0)

/* The `quoted` words of Cell (at most MAX_NAMES). */
static int Names(const char *Cell, size_t Length, char Out[][80])
{
    int Count = 0;
    const char *End = Cell + Length;
    for (const char *p = Cell; p < End; p++) {
        if (*p != '`') {
            continue;
        }
        const char *q = memchr(p + 1, '`', (size_t)(End - p - 1));
        if (q == NULL || q - p - 1 >= 80 || Count == MAX_NAMES) {
            break;
        }
        memcpy(Out[Count], p + 1, (size_t)(q - p - 1));
        Out[Count][q - p - 1] = '\0';
        Count++;
        p = q;
    }
    return Count;
}

/* One row: | rule | code | routines | maximum IRQL | mmsim rows |. */
static void ParseRow(const char *Line, size_t Length)
{
    const char *Cells[6];
    size_t Lengths[6];
    int Count = 0;
    const char *End = Line + Length;
    const char *p = Line + 1; /* after the row's first bar */
    while (p < End && Count < 6) {
        const char *Bar = memchr(p, '|', (size_t)(End - p));
        if (Bar == NULL) {
            break;
        }
        Cells[Count] = p;
        Lengths[Count] = (size_t)(Bar - p);
        Count++;
        p = Bar + 1;
    }
    if (Count != 5) {
        FAIL("a row without 5 columns: %.*s", (int)Length, Line);
        return;
    }
    char CodeText[32];
    snprintf(CodeText, sizeof(CodeText), "%.*s", (int)Lengths[1], Cells[1]);
    if (strncmp(CodeText, " 0x", 3) != 0) {
        return; /* the heading or the separator */
    }
    if (RuleCount == MAX_RULES) {
        FAIL("more than %d rules", MAX_RULES);
        return;
    }
    DOC_RULE *Rule = &Rules[RuleCount++];
    snprintf(Rule->Rule, sizeof(Rule->Rule), "%.*s", (int)Lengths[0] - 2, Cells[0] + 1);
    Rule->Code = strtoul(CodeText, NULL, 16);
    Rule->Listed = Names(Cells[2], Lengths[2], Rule->ListedNames);
    Rule->Rows = Names(Cells[4], Lengths[4], Rule->RowNames);
}

static const DOC_RULE *RuleOfCode(ULONG_PTR Code)
{
    for (int r = 0; r < RuleCount; r++) {
        if (Rules[r].Code == Code) {
            return &Rules[r];
        }
    }
    return NULL;
}

static int InList(const char List[][80], int Count, const char *Name)
{
    for (int i = 0; i < Count; i++) {
        if (strcmp(List[i], Name) == 0) {
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ddi_rule_docs docs/ddi-contract.md [--mutate]\n");
        return 2;
    }
    FILE *File = fopen(argv[1], "rb");
    if (File == NULL) {
        perror(argv[1]);
        return 2;
    }
    static char Text[1 << 20];
    size_t Size = fread(Text, 1, sizeof(Text) - 1, File);
    fclose(File);
    Text[Size] = '\0';
    const char *From = strstr(Text, BEGIN);
    const char *To = From != NULL ? strstr(From, END) : NULL;
    if (To == NULL) {
        fprintf(stderr, "ddi_rule_docs: %s has no rule table between \"%s\" and \"%s\"\n",
                argv[1], BEGIN, END);
        return 1;
    }
    for (const char *Line = strchr(From, '\n') + 1; Line < To;) {
        const char *Eol = strchr(Line, '\n');
        if (*Line == '|') {
            ParseRow(Line, (size_t)(Eol - Line));
        }
        Line = Eol + 1;
    }
    if (argc > 2 && strcmp(argv[2], "--mutate") == 0) {
        for (int r = 0; r < RuleCount; r++) {
            if (Rules[r].Rows > 0) {
                Rules[r].Rows--;
                break;
            }
        }
    }

    for (int r = 0; r < RuleCount; r++) {
        const DOC_RULE *Rule = &Rules[r];
        if (RuleOfCode(Rule->Code) != Rule) {
            FAIL("0x%lX is the code of more than one rule", (unsigned long)Rule->Code);
        }
        /* The bug check's meaning (sim/ke/bugcheck.c) names the rule. */
        char Want[96];
        snprintf(Want, sizeof(Want), "DDI rule %s:", Rule->Rule);
        const char *Meaning = SimBugCheckMeaning(DRIVER_VERIFIER_DETECTED_VIOLATION, Rule->Code);
        if (strncmp(Meaning, Want, strlen(Want)) != 0) {
            FAIL("0xC4/0x%lX means \"%s\"; the docs name the rule %s", (unsigned long)Rule->Code,
                 Meaning, Rule->Rule);
        }
        for (int i = 0; i < Rule->Rows; i++) {
            const SIM_IRQL_RULE *Row = SimIrqlRule(Rule->RowNames[i]);
            if (Row == NULL) {
                FAIL("%s: the docs give a row for %s; the DDI table has none", Rule->Rule,
                     Rule->RowNames[i]);
            } else if (Row->BugCheckCode != DRIVER_VERIFIER_DETECTED_VIOLATION ||
                       Row->SubCode != Rule->Code) {
                FAIL("%s: the docs say %s stops with 0xC4/0x%lX; the DDI table says 0x%X/0x%lX",
                     Rule->Rule, Row->Ddi, (unsigned long)Rule->Code, (unsigned)Row->BugCheckCode,
                     (unsigned long)Row->SubCode);
            }
        }
        for (int i = 0; i < Rule->Listed; i++) {
            const SIM_IRQL_RULE *Row = SimIrqlRule(Rule->ListedNames[i]);
            if (Row == NULL || InList(Rule->RowNames, Rule->Rows, Row->Ddi)) {
                continue;
            }
            /* Listed, with a row, but not in the last column: only a Verifier
             * code of its own (below the rule codes) may take the rule's place
             * (a row with the rule's code is reported below). */
            if (Row->BugCheckCode != DRIVER_VERIFIER_DETECTED_VIOLATION ||
                (Row->SubCode >= 0x20000 && Row->SubCode != Rule->Code)) {
                FAIL("%s lists %s, which the DDI table stops with 0x%X/0x%lX, not 0xC4/0x%lX",
                     Rule->Rule, Row->Ddi, (unsigned)Row->BugCheckCode,
                     (unsigned long)Row->SubCode, (unsigned long)Rule->Code);
            }
        }
    }
    ULONG Count = 0;
    const SIM_IRQL_RULE *Rows = SimIrqlRules(&Count);
    for (ULONG i = 0; i < Count; i++) {
        if (Rows[i].BugCheckCode != DRIVER_VERIFIER_DETECTED_VIOLATION ||
            Rows[i].SubCode < 0x20000) {
            continue;
        }
        const DOC_RULE *Rule = RuleOfCode(Rows[i].SubCode);
        if (Rule == NULL) {
            FAIL("%s stops with 0xC4/0x%lX, a code the rule table lacks", Rows[i].Ddi,
                 (unsigned long)Rows[i].SubCode);
        } else if (!InList(Rule->RowNames, Rule->Rows, Rows[i].Ddi)) {
            FAIL("%s stops with 0xC4/0x%lX, but the docs' row of %s does not name it",
                 Rows[i].Ddi, (unsigned long)Rows[i].SubCode, Rule->Rule);
        }
    }
    if (RuleCount == 0) {
        FAIL("no rule rows between the markers");
    }
    if (Errors != 0) {
        fprintf(stderr, "ddi_rule_docs: %d difference(s): the rule table of %s differs from "
                        "the DDI table (sim/mi_ddi_table.h)\n", Errors, argv[1]);
        return 1;
    }
    printf("ddi_rule_docs: %d rules, the rule table of %s agrees with the DDI table\n", RuleCount,
           argv[1]);
    return 0;
}
