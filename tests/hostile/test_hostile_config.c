/*
 * test_hostile_config.c - every configuration value is parsed strictly
 * (issue 21 item 9), configuration errors name the variable or field
 * (issue 18 item 6), and thread state set before the machine exists
 * survives its creation (issue 18 item 2).
 *
 * Each case is a fresh process: this binary re-executes itself as
 *
 *     hostile_config child MODE INDEX        (stdout, stderr captured)
 *
 * with the case's variable in its environment, so that the machine is built
 * from scratch, constructors run again, and exit statuses are the real ones.
 * The parent never builds a machine.
 *
 *     parent ──fork/exec──▶ child: setenv VAR=VALUE; first DDI; ...; exit
 *        ▲                        │
 *        └── exit status, stdout ─┴─ stderr ("mmsim: VAR="VALUE" is not valid: expected ...")
 */
#define _POSIX_C_SOURCE 200809L /* setenv, mkdtemp, readlink under -std=c11 */

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mmsim_cmocka.h>


static char SelfPath[4096];
static char TempDir[256];

/* ------------------------------------------------------------------------ */
/* Running a child: the kit's SimRunChild, whose body execs.                */
/* ------------------------------------------------------------------------ */
static SIM_CHILD Result; /* static: it is large */

typedef struct _CHILD_EXEC {
    const char *const *Argv; /* program and arguments, NULL-terminated */
    const char *Variable;    /* added to the environment, or NULL */
    const char *Value;
} CHILD_EXEC;

static void ExecChild(void *Context)
{
    const CHILD_EXEC *Exec = (const CHILD_EXEC *)Context;
    int In = open("/dev/null", O_RDONLY);
    if (In >= 0) {
        dup2(In, STDIN_FILENO);
    }
    if (Exec->Variable != NULL) {
        setenv(Exec->Variable, Exec->Value, 1);
    }
    execv(Exec->Argv[0], (char *const *)Exec->Argv);
    _exit(127);
}

/* Runs "self child Mode Index" with Variable=Value added (Variable NULL:
 * none). */
static void RunChild(const char *Mode, size_t Index, const char *Variable, const char *Value,
                     SIM_CHILD *R)
{
    char IndexText[32];
    snprintf(IndexText, sizeof(IndexText), "%zu", Index);
    const char *Argv[] = {SelfPath, "child", Mode, IndexText, NULL};
    CHILD_EXEC Exec = {Argv, Variable, Value};
    assert_true(SimRunChild(ExecChild, &Exec, 120, R)); /* a hang ends its row */
}

static void Explain(const char *What, const SIM_CHILD *R)
{
    char How[160];
    print_error("%s\n  child %s\n  stdout: %s\n  stderr: %s\n", What,
                SimDescribeChild(R, How, sizeof(How)), R->Out, R->Err);
}

/* "{dir}" in a table value stands for this run's scratch directory. */
static void Expand(const char *Value, char *Out, size_t Size)
{
    const char *Mark = strstr(Value, "{dir}");
    if (Mark == NULL) {
        snprintf(Out, Size, "%s", Value);
    } else {
        snprintf(Out, Size, "%.*s%s%s", (int)(Mark - Value), Value, TempDir, Mark + 5);
    }
}

/* ------------------------------------------------------------------------ */
/* 1. The environment table.                                                */
/*                                                                          */
/* Refused (89): stderr names the variable and quotes the value exactly,     */
/* then says what is expected (Says). Accepted (0 or the mode's own status): */
/* stdout shows what the machine made of it (Says).                          */
/* ------------------------------------------------------------------------ */
typedef enum _ENV_MODE {
    EnvRun,   /* build the machine (first DDI), allocate and free, print config */
    EnvLeak,  /* build it, leak one pool block, exit(): the unload check runs */
    EnvReset, /* SimReset as the first call */
    EnvSuite  /* run this program's registered tests (SimRunTests) */
} ENV_MODE;

typedef struct _ENV_CASE {
    const char *Variable;
    const char *Value;
    ENV_MODE Mode;
    int Status;
    const char *Says;
} ENV_CASE;

#define REFUSED SIM_EXIT_CONFIG
#define NUMBER "decimal (no leading zero) or 0x hex"
#define BOOL "expected 0 or 1"

static const ENV_CASE EnvCases[] = {
    /* Numbers: MMSIM_SEED (1 to 2^64 - 1). */
    {"MMSIM_SEED", "", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", " 5", EnvRun, REFUSED, NUMBER},   /* leading space */
    {"MMSIM_SEED", "5 ", EnvRun, REFUSED, NUMBER},   /* trailing space */
    {"MMSIM_SEED", "\t5", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "+5", EnvRun, REFUSED, NUMBER},   /* sign */
    {"MMSIM_SEED", "-5", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", " -5", EnvRun, REFUSED, NUMBER},  /* was 0xFFFFFFFFFFFFFFFB */
    {"MMSIM_SEED", "5x", EnvRun, REFUSED, NUMBER},   /* trailing junk */
    {"MMSIM_SEED", "1e3", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "0", EnvRun, REFUSED, NUMBER},    /* 0 means "pick one" */
    {"MMSIM_SEED", "010", EnvRun, REFUSED, NUMBER},  /* octal or decimal? neither */
    {"MMSIM_SEED", "0x", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "0x1G", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "0x-1", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "18446744073709551616", EnvRun, REFUSED, NUMBER}, /* 2^64 */
    {"MMSIM_SEED", "0x10000000000000000", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "99999999999999999999999999999999", EnvRun, REFUSED, NUMBER},
    {"MMSIM_SEED", "5", EnvRun, 0, "seed=0x0000000000000005"},
    {"MMSIM_SEED", "0x10", EnvRun, 0, "seed=0x0000000000000010"},
    {"MMSIM_SEED", "0XfF", EnvRun, 0, "seed=0x00000000000000FF"},
    {"MMSIM_SEED", "18446744073709551615", EnvRun, 0, "seed=0xFFFFFFFFFFFFFFFF"},
    {"MMSIM_SEED", "0x00000000000000001", EnvRun, 0, "seed=0x0000000000000001"},

    /* Numbers: MMSIM_PHYS_MB; the limit rows are added by the test from
     * SIM_MAX_PHYSICAL_PAGES. */
    {"MMSIM_PHYS_MB", "0", EnvRun, REFUSED, "MiB of RAM, 1 to"},
    {"MMSIM_PHYS_MB", "-1", EnvRun, REFUSED, "MiB of RAM, 1 to"},
    {"MMSIM_PHYS_MB", " 64", EnvRun, REFUSED, "MiB of RAM, 1 to"},
    {"MMSIM_PHYS_MB", "64MB", EnvRun, REFUSED, "MiB of RAM, 1 to"},
    {"MMSIM_PHYS_MB", "1048577", EnvRun, REFUSED, "MiB of RAM, 1 to"}, /* 1 TiB + 1 MiB */
    {"MMSIM_PHYS_MB", "", EnvReset, REFUSED, "MiB of RAM, 1 to"},
    {"MMSIM_PHYS_MB", "1", EnvRun, 0, "pages=256 "},
    {"MMSIM_PHYS_MB", "0x100", EnvRun, 0, "pages=65536 "},
    {"MMSIM_PHYS_MB", "1", EnvReset, 0, "pages=256 "},

    /* Booleans: exactly 0 or 1. */
    {"MMSIM_STRICT", "", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", " -0", EnvRun, REFUSED, BOOL}, /* was 0 */
    {"MMSIM_STRICT", "-0", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "00", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "01", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "1 ", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "2", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "0x1", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "true", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "off", EnvRun, REFUSED, BOOL},
    {"MMSIM_STRICT", "0", EnvRun, 0, "strict=0 "},
    {"MMSIM_STRICT", "1", EnvRun, 0, "strict=1 "},
    {"MMSIM_QUIET", "yes", EnvRun, REFUSED, BOOL},
    {"MMSIM_QUIET", "", EnvRun, REFUSED, BOOL},
    {"MMSIM_QUIET", "1", EnvRun, 0, "quiet=1"},
    {"MMSIM_QUIET", "0", EnvRun, 0, "quiet=0"},
    {"MMSIM_POOL_STACKS", "yes", EnvRun, REFUSED, BOOL}, /* was: quietly off */
    {"MMSIM_POOL_STACKS", "2", EnvRun, REFUSED, BOOL},
    {"MMSIM_POOL_STACKS", "", EnvRun, REFUSED, BOOL},
    {"MMSIM_POOL_STACKS", "1", EnvRun, 0, "seed="},
    {"MMSIM_POOL_STACKS", "0", EnvRun, 0, "seed="},
    /* The unload check: "no" once left it on (a leak then stopped the run). */
    {"MMSIM_UNLOAD_CHECK", "no", EnvLeak, REFUSED, BOOL},
    {"MMSIM_UNLOAD_CHECK", "false", EnvLeak, REFUSED, BOOL},
    {"MMSIM_UNLOAD_CHECK", "off", EnvLeak, REFUSED, BOOL},
    {"MMSIM_UNLOAD_CHECK", "", EnvLeak, REFUSED, BOOL},
    {"MMSIM_UNLOAD_CHECK", " 0", EnvLeak, REFUSED, BOOL},
    {"MMSIM_UNLOAD_CHECK", "0", EnvLeak, 0, "leaked"},
    {"MMSIM_UNLOAD_CHECK", "1", EnvLeak, SIM_EXIT_BUGCHECK, "leaked"}, /* strict: 0xC4/0x62 */

    /* Choices: exact names. */
    {"MMSIM_PROFILE", "", EnvRun, REFUSED, "expected \"modern\" or \"nt5\""},
    {"MMSIM_PROFILE", "Modern", EnvRun, REFUSED, "expected \"modern\" or \"nt5\""},
    {"MMSIM_PROFILE", " nt5", EnvRun, REFUSED, "expected \"modern\" or \"nt5\""},
    {"MMSIM_PROFILE", "nt5 ", EnvRun, REFUSED, "expected \"modern\" or \"nt5\""},
    {"MMSIM_PROFILE", "nt5\n", EnvRun, REFUSED, "expected \"modern\" or \"nt5\""},
    {"MMSIM_PROFILE", "\"nt5\"", EnvRun, REFUSED, "expected \"modern\" or \"nt5\""},
    {"MMSIM_PROFILE", "nt5", EnvRun, 0, "profile=nt5"},
    {"MMSIM_PROFILE", "modern", EnvRun, 0, "profile=modern"},
    {"MMSIM_BACKEND", "", EnvRun, REFUSED, "\"memfd\", \"shm_open\" or \"default\""},
    {"MMSIM_BACKEND", "MEMFD", EnvRun, REFUSED, "\"memfd\", \"shm_open\" or \"default\""},
    {"MMSIM_BACKEND", "tmpfs", EnvRun, REFUSED, "\"memfd\", \"shm_open\" or \"default\""},
    {"MMSIM_BACKEND", "memfd", EnvRun, 0, "backend=1"},
    {"MMSIM_BACKEND", "shm_open", EnvRun, 0, "backend=2"},
    {"MMSIM_BACKEND", "default", EnvRun, 0, "backend=0"},
    {"MMSIM_NT5_HEADERS", "", EnvRun, REFUSED, "\"2003\", \"vista\" or \"win8\""},
    {"MMSIM_NT5_HEADERS", "2003 ", EnvRun, REFUSED, "\"2003\", \"vista\" or \"win8\""},
    {"MMSIM_NT5_HEADERS", "Vista", EnvRun, REFUSED, "\"2003\", \"vista\" or \"win8\""},
    {"MMSIM_NT5_HEADERS", "win8", EnvRun, 0, "seed="},

    /* The fault spec: numbers as above, files that can be appended to. */
    {"MMSIM_FAULTS", "", EnvRun, REFUSED, "unset it for none"},
    {"MMSIM_FAULTS", "nth= 3", EnvRun, REFUSED, "nth= takes a count from 1"},
    {"MMSIM_FAULTS", "nth=+3", EnvRun, REFUSED, "nth= takes a count from 1"},
    {"MMSIM_FAULTS", "nth=03", EnvRun, REFUSED, "nth= takes a count from 1"},
    {"MMSIM_FAULTS", "nth=4294967296", EnvRun, REFUSED, "nth= takes a count from 1"},
    {"MMSIM_FAULTS", "random=-0", EnvRun, REFUSED, "random= takes a probability"},
    {"MMSIM_FAULTS", "seed= -5", EnvRun, REFUSED, "seed= takes a number"},
    {"MMSIM_FAULTS", "seed=18446744073709551616", EnvRun, REFUSED, "seed= takes a number"},
    {"MMSIM_FAULTS", "delay=1x", EnvRun, REFUSED, "delay= takes a number"},
    {"MMSIM_FAULTS", "short=+5", EnvRun, REFUSED, "short= takes a percentage"},
    {"MMSIM_FAULTS", "stack=-1", EnvRun, REFUSED, "stack= takes a stack identity"},
    {"MMSIM_FAULTS", "stack= 1f", EnvRun, REFUSED, "stack= takes a stack identity"},
    {"MMSIM_FAULTS", "stack=10000000000000000", EnvRun, REFUSED, "stack= takes a stack identity"},
    {"MMSIM_FAULTS", "record={dir}/missing/r.stacks", EnvRun, REFUSED,
     "No such file or directory"},
    {"MMSIM_FAULTS", "systematic={dir}/missing/s.stacks", EnvRun, REFUSED,
     "No such file or directory"},
    {"MMSIM_FAULTS", "record={dir}", EnvRun, REFUSED, "Is a directory"},
    /* tidy: a device would be read forever when the machine is built (a hang). */
    {"MMSIM_FAULTS", "systematic=/dev/zero", EnvRun, REFUSED, "not a regular file"},
    {"MMSIM_FAULTS", "record=/dev/full", EnvRun, REFUSED, "not a regular file"},
    {"MMSIM_FAULTS", "record={dir}/r.stacks", EnvRun, 0, "seed="},
    {"MMSIM_FAULTS", "systematic={dir}/s.stacks", EnvRun, 0, "seed="},
    {"MMSIM_FAULTS", "nth=0x3@pool;seed=0x10", EnvRun, 0, "seed="},
    {"MMSIM_FAULTS", "stack=00000000000000ff", EnvRun, 0, "seed="},
    /* explore= names the runner's pipes: anything else once ended the run
     * with status 2 at its first fallible call (the note could not be
     * written), or wrote a binary note into one of the program's files. */
    {"MMSIM_FAULTS", "explore=3", EnvRun, REFUSED, "two pipe descriptors"},
    {"MMSIM_FAULTS", "explore=900,901", EnvRun, REFUSED, "the runner's pipes"},
    {"MMSIM_FAULTS", "explore=2,2", EnvRun, REFUSED, "the runner's pipes"},

    /* The test kit's filter (read before main by the fixtures library). */
    {"MMSIM_TEST_FILTER", "", EnvRun, REFUSED, "a CMocka test name pattern"},
    {"MMSIM_TEST_FILTER", "Some*Test", EnvRun, 0, "seed="},
    {"MMSIM_TEST_FILTER", "NoSuch*Test", EnvSuite, REFUSED, "it matches none of the"},
    {"MMSIM_TEST_FILTER", "every*", EnvSuite, REFUSED, "it matches none of the"},
    /* faults20b: list the tests instead of running them (`mmsim faults
     * --per-test`): 1, or refused. */
    {"MMSIM_TEST_LIST", "", EnvSuite, REFUSED, "1 (list the tests instead of running them)"},
    {"MMSIM_TEST_LIST", "yes", EnvSuite, REFUSED, "1 (list the tests instead of running them)"},
    {"MMSIM_TEST_LIST", "1", EnvSuite, 0, "[ LIST     ] "},

    /* The fault runner's fork server (set only by `mmsim faults`; read
     * before main): two pipe descriptors, or refused. */
    {"MMSIM_FAULT_SERVER", "", EnvRun, REFUSED, "two pipe descriptors"},
    {"MMSIM_FAULT_SERVER", "3", EnvRun, REFUSED, "two pipe descriptors"},
    {"MMSIM_FAULT_SERVER", "3,x", EnvRun, REFUSED, "two pipe descriptors"},
    {"MMSIM_FAULT_SERVER", "900,901", EnvRun, REFUSED, "two pipe descriptors"},
};

/* How a refusal quotes a value (config.h): one line, control characters as
 * \xNN, '"' and '\' escaped (values here are under the 200-character cut). */
static void Quote(const char *Value, char *Out, size_t Size)
{
    size_t Used = 0;
    for (const char *At = Value; *At != '\0' && Used + 8 < Size; At++) {
        unsigned char Ch = (unsigned char)*At;
        if (Ch < 0x20 || Ch == 0x7F) {
            Used += (size_t)snprintf(Out + Used, Size - Used, "\\x%02x", Ch);
        } else {
            if (Ch == '"' || Ch == '\\') {
                Out[Used++] = '\\';
            }
            Out[Used++] = (char)Ch;
        }
    }
    Out[Used] = '\0';
}

/* Checks one case; false (after saying why) if it does not hold. */
static bool CheckEnvCase(const ENV_CASE *Case)
{
    char Value[1024];
    Expand(Case->Value, Value, sizeof(Value));
    RunChild("env", (size_t)Case->Mode, Case->Variable, Value, &Result);
    char Quoted[1200], Want[1300];
    Quote(Value, Quoted, sizeof(Quoted));
    snprintf(Want, sizeof(Want), "%s=\"%s\"", Case->Variable, Quoted);
    bool Ok = Result.Status == Case->Status;
    if (Case->Status == REFUSED) {
        /* One line: the variable, the value exactly, what is expected. */
        Ok = Ok && strncmp(Result.Err, "mmsim: ", 7) == 0 && strstr(Result.Err, Want) != NULL &&
             strstr(Result.Err, "is not valid") != NULL && strstr(Result.Err, Case->Says) != NULL;
    } else {
        Ok = Ok && strstr(Result.Out, Case->Says) != NULL &&
             strstr(Result.Err, "is not valid") == NULL;
    }
    if (!Ok) {
        char What[1400];
        snprintf(What, sizeof(What), "%s (mode %d): expected exit %d and \"%s\"", Want,
                 (int)Case->Mode, Case->Status, Case->Says);
        Explain(What, &Result);
    }
    return Ok;
}

/* Every row runs; the test fails at the end with the count of rows that did
 * not hold, so one run shows them all. */
SIM_TEST_F(EveryVariableIsParsedStrictly, NULL, NULL)
{
    size_t Count = sizeof(EnvCases) / sizeof(EnvCases[0]);
    size_t Wrong = 0;
    for (size_t i = 0; i < Count; i++) {
        Wrong += CheckEnvCase(&EnvCases[i]) ? 0 : 1;
    }
    print_message("  %zu environment cases, %zu wrong\n", Count, Wrong);
    assert_int_equal(Wrong, 0);
}

/* ThreadSanitizer keeps most of the address space for its shadow, so a
 * 1 TiB physical memory view may not be mappable under it (it depends on
 * what else runs): there the top value must build, or end in the documented
 * refusal naming what the host refused (exit 89,
 * STATUS_INSUFFICIENT_RESOURCES), never a crash or a half-built machine.
 * Elsewhere it must build. */
#if defined(__SANITIZE_THREAD__)
#define HOST_MAY_REFUSE_1TIB 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define HOST_MAY_REFUSE_1TIB 1
#endif
#endif
#ifndef HOST_MAY_REFUSE_1TIB
#define HOST_MAY_REFUSE_1TIB 0
#endif

/* Whether a child that ran with the top MMSIM_PHYS_MB did what this host
 * can: built the machine (Says on stdout), or under ThreadSanitizer refused
 * it as the host's refusal. */
static bool TopBuiltOrHostRefused(const char *Says)
{
    bool Built = Result.Status == 0 && strstr(Result.Out, Says) != NULL;
    bool HostRefused = Result.Status == REFUSED &&
                       strstr(Result.Err, "the host refused") != NULL &&
                       strstr(Result.Err, "STATUS_INSUFFICIENT_RESOURCES") != NULL;
    return Built || (HOST_MAY_REFUSE_1TIB && HostRefused);
}

/* The documented range of MMSIM_PHYS_MB is the machine's real limit: its
 * top value builds, one more is refused naming the variable and the limit
 * (it once failed as "cannot start the default machine"). */
SIM_TEST_F(PhysMbRangeIsTheMachineLimit, NULL, NULL)
{
    const unsigned long long MaxMb = SIM_MAX_PHYSICAL_PAGES / (1048576 / PAGE_SIZE);
    char Top[32], Over[32], Pages[48], Limit[48];
    snprintf(Top, sizeof(Top), "%llu", MaxMb);
    snprintf(Over, sizeof(Over), "%llu", MaxMb + 1);
    snprintf(Pages, sizeof(Pages), "pages=%llu ", (unsigned long long)SIM_MAX_PHYSICAL_PAGES);
    snprintf(Limit, sizeof(Limit), "MiB of RAM, 1 to %llu ", MaxMb);
    const ENV_CASE Cases[] = {
        {"MMSIM_PHYS_MB", Over, EnvRun, REFUSED, Limit},
        {"MMSIM_PHYS_MB", Over, EnvReset, REFUSED, Limit}, /* SimReset builds the default */
    };
    size_t Wrong = 0;
    RunChild("env", EnvRun, "MMSIM_PHYS_MB", Top, &Result);
    if (!TopBuiltOrHostRefused(Pages)) {
        Explain("MMSIM_PHYS_MB at the top: expected the machine (or, under ThreadSanitizer, "
                "the host's refusal)",
                &Result);
        Wrong++;
    }
    for (size_t i = 0; i < sizeof(Cases) / sizeof(Cases[0]); i++) {
        Wrong += CheckEnvCase(&Cases[i]) ? 0 : 1;
    }
    assert_int_equal(Wrong, 0);
    assert_int_equal(MaxMb, 1048576); /* README's "1–1048576" (1 TiB) */
}

/* The extremes the environment accepts, combined, all build a machine that
 * serves a pool allocation: 1 MiB and the limit, each backend, each profile. */
SIM_TEST_F(EveryAcceptedExtremeBuilds, NULL, NULL)
{
    char Top[32];
    snprintf(Top, sizeof(Top), "%llu",
             (unsigned long long)(SIM_MAX_PHYSICAL_PAGES / (1048576 / PAGE_SIZE)));
    const char *const Sizes[] = {"1", Top};
    const char *const Backends[] = {"memfd", "shm_open"};
    const char *const Profiles[] = {"modern", "nt5"};
    size_t Wrong = 0;
    for (size_t s = 0; s < 2; s++) {
        for (size_t b = 0; b < 2; b++) {
            for (size_t p = 0; p < 2; p++) {
                /* The parent builds no machine: its environment is the children's. */
                setenv("MMSIM_BACKEND", Backends[b], 1);
                setenv("MMSIM_PROFILE", Profiles[p], 1);
                RunChild("env", EnvRun, "MMSIM_PHYS_MB", Sizes[s], &Result);
                unsetenv("MMSIM_BACKEND");
                unsetenv("MMSIM_PROFILE");
                bool Ok = s == 0 ? Result.Status == 0 && strstr(Result.Out, "allocated=1") != NULL
                                 : TopBuiltOrHostRefused("allocated=1");
                if (!Ok) {
                    char What[160];
                    snprintf(What, sizeof(What),
                             "MMSIM_PHYS_MB=%s MMSIM_BACKEND=%s MMSIM_PROFILE=%s", Sizes[s],
                             Backends[b], Profiles[p]);
                    Explain(What, &Result);
                    Wrong++;
                }
            }
        }
    }
    assert_int_equal(Wrong, 0);
}

/* A huge value is refused on one line that names the variable, quotes the
 * start of the value and says how long it was. */
SIM_TEST_F(HugeValueIsQuotedOnOneLine, NULL, NULL)
{
    static const char *const Variables[] = {"MMSIM_SEED", "MMSIM_PHYS_MB", "MMSIM_STRICT",
                                            "MMSIM_PROFILE", "MMSIM_FAULTS"};
    static char Huge[5001];
    memset(Huge, '1', sizeof(Huge) - 1);
    for (size_t i = 0; i < sizeof(Variables) / sizeof(Variables[0]); i++) {
        RunChild("env", EnvRun, Variables[i], Huge, &Result);
        char Start[64];
        snprintf(Start, sizeof(Start), "mmsim: %s=\"111111", Variables[i]);
        char *Newline = strchr(Result.Err, '\n');
        if (Result.Status != REFUSED || strncmp(Result.Err, Start, strlen(Start)) != 0 ||
            strstr(Result.Err, "... (5000 characters in all) is not valid") == NULL ||
            Newline == NULL || Newline[1] != '\0') {
            Explain(Variables[i], &Result);
            fail();
        }
    }
}

/* The tool refuses the same way (it builds the machine from SimDefaultConfig):
 * no more "mmsim tour: cannot build the machine". Its own numeric options
 * take the same numbers (usage error, exit 2, naming the option). */
static const char *ToolPath;

typedef struct _TOOL_CASE {
    const char *Argv[6];
    const char *PhysMb; /* MMSIM_PHYS_MB, or NULL */
    int Status;
    const char *Says;
} TOOL_CASE;

static const TOOL_CASE ToolCases[] = {
    {{"tour", "--raw"}, "1048577", SIM_EXIT_CONFIG, "MMSIM_PHYS_MB=\"1048577\" is not valid"},
    {{"run", "-"}, "1048577", SIM_EXIT_CONFIG, "MMSIM_PHYS_MB=\"1048577\" is not valid"},
    {{"faults", "--jobs", "3x", "--", "/bin/true"}, NULL, 2, "--jobs '3x': expected"},
    {{"faults", "--jobs", "0", "--", "/bin/true"}, NULL, 2, "--jobs '0': expected"},
    {{"faults", "--jobs", " 2", "--", "/bin/true"}, NULL, 2, "--jobs ' 2': expected"},
    {{"faults", "--timeout", "-1", "--", "/bin/true"}, NULL, 2, "--timeout '-1': expected"},
    {{"faults", "--timeout", "1e9", "--", "/bin/true"}, NULL, 2, "--timeout '1e9': expected"},
};

SIM_TEST_F(ToolNamesTheVariable, NULL, NULL)
{
    if (ToolPath == NULL) {
        fail_msg("HOSTILE_CONFIG_TOOL (the mmsim program) is not set: ctest sets it");
    }
    size_t Wrong = 0;
    for (size_t c = 0; c < sizeof(ToolCases) / sizeof(ToolCases[0]); c++) {
        const TOOL_CASE *Case = &ToolCases[c];
        const char *Argv[8] = {ToolPath};
        for (size_t a = 0; a < 6 && Case->Argv[a] != NULL; a++) {
            Argv[a + 1] = Case->Argv[a];
        }
        CHILD_EXEC Exec = {Argv, Case->PhysMb != NULL ? "MMSIM_PHYS_MB" : NULL, Case->PhysMb};
        assert_true(SimRunChild(ExecChild, &Exec, 0, &Result));
        if (Result.Status != Case->Status || strstr(Result.Err, Case->Says) == NULL) {
            Explain(Case->Says, &Result);
            Wrong++;
        }
    }
    assert_int_equal(Wrong, 0);
}

/* ------------------------------------------------------------------------ */
/* 2. SIM_CONFIG fields: SimInitialize returns STATUS_INVALID_PARAMETER and  */
/*    says on stderr which field is wrong, with its value and the range.     */
/* ------------------------------------------------------------------------ */
typedef struct _FIELD_CASE {
    const char *Says; /* "SIM_CONFIG.<field> = <value> is not valid" */
    void (*Break)(SIM_CONFIG *Config);
} FIELD_CASE;

static void FewPages(SIM_CONFIG *C) { C->PhysicalPages = 15; }
static void ManyPages(SIM_CONFIG *C) { C->PhysicalPages = SIM_MAX_PHYSICAL_PAGES + 1; }
static void FewPtes(SIM_CONFIG *C) { C->SystemPtes = 8; }
static void HugeNonPaged(SIM_CONFIG *C) { C->NonPagedPoolPages = 1ull << 23; }
static void NoPaged(SIM_CONFIG *C) { C->PagedPoolPages = 0; }
static void TinyBudget(SIM_CONFIG *C) { C->HostMappingBudget = 8; }
static void BadProfile(SIM_CONFIG *C) { C->Profile = (SIM_PROFILE)7; }
static void BadBackend(SIM_CONFIG *C) { C->Backend = (SIM_HOST_BACKEND)9; }
static void BadStrict(SIM_CONFIG *C) { C->Strict = 2; }
static void BadQuiet(SIM_CONFIG *C) { C->Quiet = 0xFF; }
static void TooManyRanges(SIM_CONFIG *C) { C->RangeCount = SIM_MAX_PHYSICAL_RANGES + 1; }
/* Base plus count wraps past 2^64: 0x2000 + (2^64 - 0xFF0) = 0x1010, and the
 * total 0x1000 + (2^64 - 0xFF0) = 16 pages - once accepted. */
static void WrappingRange(SIM_CONFIG *C)
{
    C->RangeCount = 2;
    C->Ranges[0] = (SIM_PHYSICAL_RANGE){0x1, 0x1000};
    C->Ranges[1] = (SIM_PHYSICAL_RANGE){0x2000, 0ull - 0xFF0};
}
static void PageZero(SIM_CONFIG *C)
{
    C->RangeCount = 1;
    C->Ranges[0] = (SIM_PHYSICAL_RANGE){0, 64};
}
static void EmptyRange(SIM_CONFIG *C)
{
    C->RangeCount = 1;
    C->Ranges[0] = (SIM_PHYSICAL_RANGE){0x100, 0};
}
static void Overlapping(SIM_CONFIG *C)
{
    C->RangeCount = 2;
    C->Ranges[0] = (SIM_PHYSICAL_RANGE){0x100, 0x100};
    C->Ranges[1] = (SIM_PHYSICAL_RANGE){0x180, 0x100};
}
static void Beyond52Bits(SIM_CONFIG *C)
{
    C->RangeCount = 1;
    C->Ranges[0] = (SIM_PHYSICAL_RANGE){(1ull << 40) - 8, 16};
}
static void TooLittleRam(SIM_CONFIG *C)
{
    C->RangeCount = 1;
    C->Ranges[0] = (SIM_PHYSICAL_RANGE){0x100, 8};
}

static const FIELD_CASE FieldCases[] = {
    {"SIM_CONFIG.PhysicalPages = 15 is not valid: expected 16 to 268435456 pages", FewPages},
    {"SIM_CONFIG.PhysicalPages = 268435457 is not valid", ManyPages},
    {"SIM_CONFIG.SystemPtes = 8 is not valid: expected 16 to 268435456 pages", FewPtes},
    {"SIM_CONFIG.NonPagedPoolPages = 8388608 is not valid", HugeNonPaged},
    {"SIM_CONFIG.PagedPoolPages = 0 is not valid", NoPaged},
    {"SIM_CONFIG.HostMappingBudget = 8 is not valid: expected 16 to ", TinyBudget},
    {"SIM_CONFIG.Profile = 7 is not valid", BadProfile},
    {"SIM_CONFIG.Backend = 9 is not valid", BadBackend},
    {"SIM_CONFIG.Strict = 2 is not valid: expected 0 to 1 (FALSE or TRUE)", BadStrict},
    {"SIM_CONFIG.Quiet = 255 is not valid", BadQuiet},
    {"SIM_CONFIG.RangeCount = 9 is not valid", TooManyRanges},
    {"SIM_CONFIG.Ranges[1].PageCount = 18446744073709547536 is not valid", WrappingRange},
    {"SIM_CONFIG.Ranges[0].BasePage = 0 is not valid", PageZero},
    {"SIM_CONFIG.Ranges[0].PageCount = 0 is not valid", EmptyRange},
    {"SIM_CONFIG.Ranges[1].BasePage = 384 is not valid", Overlapping},
    {"SIM_CONFIG.Ranges[0].PageCount = 16 is not valid", Beyond52Bits},
    {"SIM_CONFIG.Ranges (total PageCount) = 8 is not valid", TooLittleRam},
};

SIM_TEST_F(EveryFieldRefusalNamesTheField, NULL, NULL)
{
    size_t Count = sizeof(FieldCases) / sizeof(FieldCases[0]);
    size_t Wrong = 0;
    for (size_t i = 0; i < Count; i++) {
        RunChild("field", i, NULL, NULL, &Result);
        if (Result.Status != 0 || strstr(Result.Out, "status=0xC000000D") == NULL ||
            strstr(Result.Err, "mmsim: SimInitialize: ") == NULL ||
            strstr(Result.Err, FieldCases[i].Says) == NULL ||
            strstr(Result.Err, "(STATUS_INVALID_PARAMETER 0xC000000D)") == NULL) {
            Explain(FieldCases[i].Says, &Result);
            Wrong++;
        }
    }
    print_message("  %zu SIM_CONFIG cases, %zu wrong\n", Count, Wrong);
    assert_int_equal(Wrong, 0);
    /* The defaults themselves build, silently. */
    RunChild("field", Count, NULL, NULL, &Result);
    if (Result.Status != 0 || strstr(Result.Out, "status=0x00000000") == NULL ||
        Result.Err[0] != '\0') {
        Explain("the default SIM_CONFIG", &Result);
        fail();
    }
}

/* ------------------------------------------------------------------------ */
/* 3. Thread state set before the machine exists survives its creation.     */
/*                                                                          */
/*   first DDI (no machine yet)   ─▶ KeQueryTimeIncrement (builds it; any   */
/*                                   IRQL) ─▶ IRQL still raised ─▶ a DDI    */
/*                                   not allowed there stops the machine    */
/* ------------------------------------------------------------------------ */
typedef struct _IRQL_CASE {
    const char *FirstDdi;
    KIRQL Irql;       /* after the machine is built */
    const char *Stop; /* the STOP line's start, from the forbidden DDI */
} IRQL_CASE;

#define STOP_C4_MAPPING "*** STOP: 0x000000C4 (0x0000000000020019," /* IrqlMmApcLte */
#define STOP_0A "*** STOP: 0x0000000A ("
#define STOP_C4_POOL "*** STOP: 0x000000C4 (0x0000000000000002,"

static const IRQL_CASE IrqlCases[] = {
    {"KeRaiseIrql(DISPATCH_LEVEL)", DISPATCH_LEVEL, STOP_C4_MAPPING},
    {"KeRaiseIrqlToDpcLevel", DISPATCH_LEVEL, STOP_C4_MAPPING},
    {"KeAcquireSpinLock", DISPATCH_LEVEL, STOP_C4_MAPPING},
    {"KeAcquireInStackQueuedSpinLock", DISPATCH_LEVEL, STOP_C4_MAPPING},
    {"KeRaiseIrql(APC_LEVEL)", APC_LEVEL, STOP_0A},
    {"KeRaiseIrql(HIGH_LEVEL)", HIGH_LEVEL, STOP_C4_POOL},
    {"ExAcquireFastMutex", APC_LEVEL, STOP_0A},
    {"ExTryToAcquireFastMutex", APC_LEVEL, STOP_0A},
};

static KSPIN_LOCK ChildSpinLock;
static KLOCK_QUEUE_HANDLE ChildQueueHandle;
static FAST_MUTEX ChildMutex;

static int ChildIrql(size_t Index)
{
    KIRQL Old = PASSIVE_LEVEL;
    switch (Index) {
    case 0: KeRaiseIrql(DISPATCH_LEVEL, &Old); break;
    case 1: Old = KeRaiseIrqlToDpcLevel(); break;
    case 2: KeAcquireSpinLock(&ChildSpinLock, &Old); break;
    case 3: KeAcquireInStackQueuedSpinLock(&ChildSpinLock, &ChildQueueHandle); break;
    case 4: KeRaiseIrql(APC_LEVEL, &Old); break;
    case 5: KeRaiseIrql(HIGH_LEVEL, &Old); break;
    case 6: ExInitializeFastMutex(&ChildMutex); ExAcquireFastMutex(&ChildMutex); break;
    case 7: ExInitializeFastMutex(&ChildMutex); (void)ExTryToAcquireFastMutex(&ChildMutex); break;
    default: return 2;
    }
    (void)Old;
    (void)KeQueryTimeIncrement(); /* builds the machine if it is not up yet */
    printf("irql=%u\n", (unsigned)KeGetCurrentIrql());
    fflush(stdout);
    /* Not allowed at the state's IRQL: must stop the machine. */
    if (IrqlCases[Index].Irql == HIGH_LEVEL) {
        (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'lqrI');
    } else if (IrqlCases[Index].Irql == DISPATCH_LEVEL) {
        (void)MmAllocateMappingAddress(PAGE_SIZE, 'lqrI');
    } else {
        UNICODE_STRING Name;
        RtlInitUnicodeString(&Name, L"MmIsAddressValid");
        (void)MmGetSystemRoutineAddress(&Name);
    }
    return SIM_CHILD_RETURNED;
}

SIM_TEST_F(ThreadStateSurvivesTheMachineBuild, NULL, NULL)
{
    size_t Count = sizeof(IrqlCases) / sizeof(IrqlCases[0]);
    size_t Wrong = 0;
    for (size_t i = 0; i < Count; i++) {
        RunChild("irql", i, NULL, NULL, &Result);
        char Irql[32];
        snprintf(Irql, sizeof(Irql), "irql=%u\n", (unsigned)IrqlCases[i].Irql);
        if (Result.Status != SIM_EXIT_BUGCHECK || strstr(Result.Out, Irql) == NULL ||
            strstr(Result.Err, IrqlCases[i].Stop) == NULL) {
            char What[200];
            snprintf(What, sizeof(What), "first DDI %s: expected %s, then %s (exit 86)",
                     IrqlCases[i].FirstDdi, Irql, IrqlCases[i].Stop);
            Explain(What, &Result);
            Wrong++;
        }
    }
    print_message("  %zu first DDIs, %zu wrong\n", Count, Wrong);
    assert_int_equal(Wrong, 0);
}

/* ------------------------------------------------------------------------ */
/* The child side.                                                          */
/* ------------------------------------------------------------------------ */
static void PrintConfig(void)
{
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    printf("seed=0x%016llX pages=%llu profile=%s backend=%d strict=%d quiet=%d\n",
           (unsigned long long)SimGetSeed(), (unsigned long long)Config.PhysicalPages,
           SimProfileName(Config.Profile), (int)Config.Backend, (int)Config.Strict,
           (int)Config.Quiet);
    fflush(stdout);
}

static int ChildMain(const char *Mode, size_t Index)
{
    if (strcmp(Mode, "env") == 0) {
        switch ((ENV_MODE)Index) {
        case EnvRun: {
            PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'vnEH');
            if (Block != NULL) {
                ExFreePoolWithTag(Block, 'vnEH');
            }
            PrintConfig();
            printf("allocated=%d\n", Block != NULL);
            return 0;
        }
        case EnvLeak:
            (void)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'kaeL');
            printf("leaked\n");
            fflush(stdout);
            exit(0); /* exit(): the unload check runs from atexit */
        case EnvReset:
            SimReset();
            PrintConfig();
            return 0;
        case EnvSuite:
            return SimRunTests("Tests", NULL, NULL);
        }
        return 2;
    }
    if (strcmp(Mode, "field") == 0) {
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        if (Index < sizeof(FieldCases) / sizeof(FieldCases[0])) {
            FieldCases[Index].Break(&Config);
        }
        NTSTATUS Status = SimInitialize(&Config);
        printf("status=0x%08X\n", (unsigned)Status);
        fflush(stdout);
        return 0;
    }
    if (strcmp(Mode, "irql") == 0 && Index < sizeof(IrqlCases) / sizeof(IrqlCases[0])) {
        return ChildIrql(Index);
    }
    return 2;
}

int main(int argc, char **argv)
{
    /* Link the fixtures' object (its constructor reads MMSIM_TEST_FILTER)
     * without building a machine in the parent. */
    int (*volatile Fixture)(void **) = SimTestSetup;
    (void)Fixture;
    if (argc == 4 && strcmp(argv[1], "child") == 0) {
        return ChildMain(argv[2], (size_t)strtoul(argv[3], NULL, 10));
    }
    ToolPath = getenv("HOSTILE_CONFIG_TOOL"); /* set by ctest when the tool is built */
    ssize_t Length = readlink("/proc/self/exe", SelfPath, sizeof(SelfPath) - 1);
    if (Length <= 0) {
        fprintf(stderr, "cannot find this executable\n");
        return 1;
    }
    SelfPath[Length] = '\0';
    snprintf(TempDir, sizeof(TempDir), "/tmp/mmsim-hostile-config-XXXXXX");
    if (mkdtemp(TempDir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    /* The children get exactly the case's variable on top of a clean slate. */
    static const char *const Variables[] = {
        "MMSIM_PROFILE",     "MMSIM_SEED",        "MMSIM_PHYS_MB",      "MMSIM_BACKEND",
        "MMSIM_STRICT",      "MMSIM_QUIET",       "MMSIM_NT5_HEADERS",  "MMSIM_FAULTS",
        "MMSIM_POOL_STACKS", "MMSIM_UNLOAD_CHECK", "MMSIM_TEST_FILTER",
        "MMSIM_FAULT_SERVER", /* faultrun */
        "MMSIM_TEST_LIST",    /* faults20b */
    };
    for (size_t i = 0; i < sizeof(Variables) / sizeof(Variables[0]); i++) {
        unsetenv(Variables[i]);
    }
    int Failed = SimRunTests("Tests", NULL, NULL);
    char Command[400];
    snprintf(Command, sizeof(Command), "rm -rf '%s'", TempDir);
    if (system(Command) != 0) {
        fprintf(stderr, "could not remove %s\n", TempDir);
    }
    return Failed;
}
