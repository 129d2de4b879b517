/*
 * fuzz_script_plain.c - a fuzzer for the scenario language that needs no
 * libFuzzer, so it runs under every preset (dev, asan, tsan): seeds from the
 * script files given on the command line are mutated (bytes flipped,
 * inserted, deleted; tokens, numbers and lines spliced in) with a fixed
 * seed. Every mutant is parsed: it must give a script or a "LINE:COLUMN:
 * error:" message. Every Kth mutant that parses is also run, on a fresh
 * machine, by the same code as `mmsim run`: it must end with a documented
 * exit status (0, 1, 2, 86, 87), never crash.
 *
 *   fuzz_script_plain ITERATIONS RUN_EVERY SEED_FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>

#include "script.h"
#include "tool.h"

static uint64_t State = 0x9E3779B97F4A7C15ull;

static uint64_t Random(void)
{
    State ^= State << 13;
    State ^= State >> 7;
    State ^= State << 17;
    return State;
}

static const char *const Tokens[] = {
    "(", ")", ",", "=", "==", "!=", "+", "-", "*", "|", "&", "~", "_", "'", "\"", "#", "\n",
    " ", "0x", "0", "1", "-1", "4096", "0xFFFFFFFF", "0xFFFFFFFFFFFFFFFF", "PAGE_SIZE",
    "DISPATCH_LEVEL", "HIGH_LEVEL", "'ruoT'", "'x'", "NULL", "base", "m", "r", "p", "va",
    "irql ", "read ", "write ", "dump pte ", "dump mdl ", "dump map ", "dump pages ",
    "dump stop", "expect stop ", "expect null", "expect raise", "expect clean", "reset",
    "reset nt5", "trim", "wait", "assert ", "print ", "echo \"x\"",
    "MmAllocateMappingAddress(", "MmFreeMappingAddress(", "MmAllocatePagesForMdlEx(",
    "MmMapLockedPagesWithReservedMapping(", "MmUnmapReservedMapping(", "MmFreePagesFromMdl(",
    "IoAllocateMdl(", "IoFreeMdl(", "ExAllocatePool2(", "ExFreePool(", "GrCreate(",
    "GrEnsureCommitted(", "GrDestroy(", "KeRaiseIrql(", "KeLowerIrql(", "MmProbeAndLockPages(",
    "MmMapLockedPagesSpecifyCache(", "MmBuildMdlForNonPagedPool(", "MmUnlockPages(",
    /* narration (narrate.h) */
    "step \"", "say \"%d\", ", "result \"%a\", ", "code \"", "claim \"x\" ", "focus ",
    "when nt5", "when modern", "end", "combine ", "pte(", "ptes_map(", "mdl_pfn(", "filled(",
    "byte(", "sum(", "gr_committed(", "shown_stop(", "stop_param(", "nt5_header_tag(", "%{a|b}"};
#define TOKEN_COUNT (sizeof(Tokens) / sizeof(Tokens[0]))

typedef struct {
    char *Text;
    size_t Length;
} TEXT;

static void Insert(TEXT *T, size_t At, const char *What, size_t Length)
{
    char *Bigger = (char *)realloc(T->Text, T->Length + Length + 1);
    if (Bigger == NULL) {
        return;
    }
    T->Text = Bigger;
    memmove(T->Text + At + Length, T->Text + At, T->Length - At);
    memcpy(T->Text + At, What, Length);
    T->Length += Length;
}

static void Mutate(TEXT *T, const TEXT *Other)
{
    int Count = 1 + (int)(Random() % 4);
    for (int i = 0; i < Count; i++) {
        size_t At = T->Length ? (size_t)(Random() % (T->Length + 1)) : 0;
        switch (Random() % 6) {
        case 0: /* flip a byte */
            if (T->Length > 0) {
                T->Text[At % T->Length] ^= (char)(1u << (Random() % 8));
            }
            break;
        case 1: /* random byte */
            {
                char c = (char)(Random() & 0xFF);
                Insert(T, At, &c, 1);
            }
            break;
        case 2: /* delete a range */
            if (T->Length > 0) {
                size_t n = 1 + (size_t)(Random() % 16);
                size_t Start = At % T->Length;
                if (n > T->Length - Start) {
                    n = T->Length - Start;
                }
                memmove(T->Text + Start, T->Text + Start + n, T->Length - Start - n);
                T->Length -= n;
            }
            break;
        case 3: /* a token */
        case 4: {
            const char *Token = Tokens[Random() % TOKEN_COUNT];
            Insert(T, At, Token, strlen(Token));
            break;
        }
        default: /* a line of another seed */
            if (Other->Length > 0) {
                size_t Start = (size_t)(Random() % Other->Length);
                while (Start > 0 && Other->Text[Start - 1] != '\n') {
                    Start--;
                }
                size_t End = Start;
                while (End < Other->Length && Other->Text[End] != '\n') {
                    End++;
                }
                if (End < Other->Length) {
                    End++;
                }
                Insert(T, At, Other->Text + Start, End - Start);
            }
            break;
        }
    }
}

static bool ReadFile(const char *Path, TEXT *T)
{
    FILE *File = fopen(Path, "rb");
    if (File == NULL) {
        return false;
    }
    T->Text = (char *)malloc(1 << 16);
    T->Length = T->Text ? fread(T->Text, 1, (1 << 16) - 1, File) : 0;
    fclose(File);
    return T->Text != NULL;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: fuzz_script_plain ITERATIONS RUN_EVERY SEED_FILE...\n");
        return 2;
    }
    long Iterations = strtol(argv[1], NULL, 0);
    long RunEvery = strtol(argv[2], NULL, 0);
    int SeedCount = argc - 3;
    TEXT *Seeds = (TEXT *)calloc((size_t)SeedCount, sizeof(TEXT));
    for (int i = 0; i < SeedCount; i++) {
        if (!ReadFile(argv[3 + i], &Seeds[i])) {
            fprintf(stderr, "cannot read %s\n", argv[3 + i]);
            return 2;
        }
    }
    FILE *Sink = tmpfile();
    if (Sink == NULL) {
        return 2;
    }
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Seed = 0x5EED;
    long Parsed = 0, Rejected = 0, Ran = 0;
    long Statuses[256] = {0};
    for (long i = 0; i < Iterations; i++) {
        const TEXT *Seed = &Seeds[Random() % (uint64_t)SeedCount];
        const TEXT *Other = &Seeds[Random() % (uint64_t)SeedCount];
        TEXT T;
        T.Length = Seed->Length;
        T.Text = (char *)malloc(T.Length + 1);
        memcpy(T.Text, Seed->Text, T.Length);
        Mutate(&T, Other);
        char Error[512];
        SCRIPT *Script = ScriptParse(T.Text, T.Length, Error, sizeof(Error));
        if (Script == NULL) {
            if (strstr(Error, ": error: ") == NULL) {
                fprintf(stderr, "iteration %ld: a failure without a LINE:COLUMN: error: message: "
                                "\"%s\"\n", i, Error);
                return 1;
            }
            Rejected++;
        } else {
            Parsed++;
            ScriptFree(Script);
            if (RunEvery > 0 && Parsed % RunEvery == 0) {
                rewind(Sink);
                int Status = RunScriptText("fuzz", T.Text, T.Length, &Config, SIM_DUMP_SYMBOLIC,
                                           Sink, Sink);
                if (Status != 0 && Status != 1 && Status != 2 && Status != SIM_EXIT_BUGCHECK &&
                    Status != SIM_EXIT_REFUSED) {
                    fprintf(stderr, "iteration %ld: undocumented exit status %d for:\n%.*s\n", i,
                            Status, (int)T.Length, T.Text);
                    return 1;
                }
                Statuses[Status & 0xFF]++;
                Ran++;
            }
        }
        free(T.Text);
    }
    printf("%ld mutants: %ld parsed, %ld rejected with a message; %ld run (status 0: %ld, 1: %ld, "
           "2: %ld, 86: %ld, 87: %ld)\n",
           Iterations, Parsed, Rejected, Ran, Statuses[0], Statuses[1], Statuses[2],
           Statuses[SIM_EXIT_BUGCHECK], Statuses[SIM_EXIT_REFUSED]);
    for (int i = 0; i < SeedCount; i++) {
        free(Seeds[i].Text);
    }
    free(Seeds);
    fclose(Sink);
    SimShutdown();
    return 0;
}
