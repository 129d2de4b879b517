/*
 * faults_bench.c - mmsim-bench's `faults` and `fuzz` groups (issue 20),
 * included by mmsim_bench.c (it uses the bench's result table).
 *
 *   faults  injected failures per second of `mmsim faults --per-test` in its
 *           default mode (each test run once, forking at each call to fail)
 *           against --exec-per-run (one process per run), on the same suites,
 *           alternating, in the same run; target >= 3x, and >= 5x in a
 *           sanitizer build
 *   fuzz    executions per second of the fuzz_ddi harness over the seed
 *           corpus with the touched invariant check after each call (and the
 *           whole machine every 32 checks and at the end of each input)
 *           against the whole machine after every call, per second of each
 *           side's processor time (wall clock printed too); target >= 3x
 *
 * The programs and corpus are the build tree's (bench/CMakeLists.txt);
 * --faults-suites LIST (comma separated paths) runs others.
 */
#include <spawn.h>
#include <stdbool.h>
#include <sys/wait.h>

extern char **environ;

#include "../tests/fuzz/fuzz_ddi.h"

#if defined(__SANITIZE_ADDRESS__)
#define BENCH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BENCH_SANITIZED 1
#endif
#endif
#ifndef BENCH_SANITIZED
#define BENCH_SANITIZED 0
#endif

static char FaultSuites[1024] = MMSIM_BENCH_FAULT_SUITES;

/* One `mmsim faults` run over Suite: its injected failures, and the
 * seconds it took (wall clock); false if it could not run. run24: started
 * with posix_spawn, not popen: a shell's start (about a millisecond) was
 * timed with each run, on both sides. */
static bool FaultsRun(const char *Suite, bool ExecPerRun, double *Failures, double *Seconds)
{
    char Jobs[32];
    snprintf(Jobs, sizeof(Jobs), "%ld", sysconf(_SC_NPROCESSORS_ONLN));
    char *Argv[10];
    int Argc = 0;
    Argv[Argc++] = (char *)MMSIM_BENCH_MMSIM;
    Argv[Argc++] = (char *)"faults";
    Argv[Argc++] = (char *)"--per-test";
    Argv[Argc++] = (char *)"--allow-failed";
    Argv[Argc++] = (char *)"--jobs";
    Argv[Argc++] = Jobs;
    if (ExecPerRun) {
        Argv[Argc++] = (char *)"--exec-per-run";
    }
    Argv[Argc++] = (char *)"--";
    Argv[Argc++] = (char *)Suite;
    Argv[Argc] = NULL;
    int Pipe[2];
    if (pipe(Pipe) != 0) {
        return false;
    }
    posix_spawn_file_actions_t Actions;
    posix_spawn_file_actions_init(&Actions);
    posix_spawn_file_actions_adddup2(&Actions, Pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&Actions, Pipe[0]);
    posix_spawn_file_actions_addclose(&Actions, Pipe[1]);
    posix_spawn_file_actions_addopen(&Actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    fflush(NULL);
    uint64_t T0 = NowNs();
    pid_t Pid;
    int Error = posix_spawnp(&Pid, MMSIM_BENCH_MMSIM, &Actions, NULL, Argv, environ);
    posix_spawn_file_actions_destroy(&Actions);
    close(Pipe[1]);
    FILE *Out = Error == 0 ? fdopen(Pipe[0], "r") : NULL;
    if (Out == NULL) {
        close(Pipe[0]);
        if (Error == 0) {
            (void)waitpid(Pid, NULL, 0);
        }
        return false;
    }
    char Line[512];
    double Count = -1;
    while (fgets(Line, sizeof(Line), Out) != NULL) {
        const char *At = strstr(Line, " injected failure(s):");
        if (strncmp(Line, "mmsim faults: ", 14) == 0 && At != NULL) {
            while (At > Line && At[-1] >= '0' && At[-1] <= '9') {
                At--;
            }
            Count = strtod(At, NULL);
        }
    }
    fclose(Out);
    int Status = 0;
    pid_t Got;
    while ((Got = waitpid(Pid, &Status, 0)) < 0 && errno == EINTR) {
    }
    if (Got != Pid) {
        return false; /* not reaped: no status to trust */
    }
    *Seconds = (double)(NowNs() - T0) / 1e9;
    *Failures = Count;
    return Count >= 0 && WIFEXITED(Status) && WEXITSTATUS(Status) != 2;
}

static void BenchFaults(void)
{
    int Reps = Opt.Quick ? 1 : (Opt.Reps < 3 ? Opt.Reps : 3);
    RESULT *R = NewResult("faults", "injected failures/s (--per-test)", "fork at the call",
                          "--exec-per-run", "failures/s");
    for (int Rep = 0; Rep < Reps; Rep++) {
        double Total[2] = {0, 0}, Seconds[2] = {0, 0};
        char List[sizeof(FaultSuites)];
        snprintf(List, sizeof(List), "%s", FaultSuites);
        for (char *Save = NULL, *Suite = strtok_r(List, ",;", &Save); Suite != NULL;
             Suite = strtok_r(NULL, ",;", &Save)) {
            for (int Mode = 0; Mode < 2; Mode++) { /* alternating: the same load for both */
                double Failures, Taken;
                if (!FaultsRun(Suite, Mode == 1, &Failures, &Taken)) {
                    Skip("faults: mmsim faults over %s did not run", Suite);
                    ResultCount--;
                    return;
                }
                Total[Mode] += Failures;
                Seconds[Mode] += Taken;
            }
        }
        R->SubjectSamples[Rep] = Total[0] / Seconds[0];
        R->BaselineSamples[Rep] = Total[1] / Seconds[1];
        printf("faults: %.0f injected failures: forking at the call %.1f s, "
               "--exec-per-run %.1f s\n",
               Total[0], Seconds[0], Seconds[1]);
    }
    Summarise(R, Reps);
    SetTarget(R, TargetAtLeast, BENCH_SANITIZED ? 5.0 : 3.0);
    int Suites = 1;
    for (const char *c = FaultSuites; *c != '\0'; c++) {
        Suites += *c == ',' || *c == ';';
    }
    snprintf(R->Note, sizeof(R->Note), "%d suites (--faults-suites); %ld jobs%s", Suites,
             sysconf(_SC_NPROCESSORS_ONLN), BENCH_SANITIZED ? "; sanitizer build" : "");
}

/* The seed corpus, read once. */
typedef struct {
    uint8_t *Data;
    size_t Size;
} FUZZ_SEED;

static size_t LoadSeeds(FUZZ_SEED *Seeds, size_t Max)
{
    char Command[1200];
    snprintf(Command, sizeof(Command), "ls '%s'", MMSIM_BENCH_FUZZ_CORPUS);
    FILE *List = popen(Command, "r");
    size_t Count = 0;
    char Name[512];
    while (List != NULL && Count < Max && fgets(Name, sizeof(Name), List) != NULL) {
        Name[strcspn(Name, "\n")] = '\0';
        char Path[1100];
        snprintf(Path, sizeof(Path), "%s/%s", MMSIM_BENCH_FUZZ_CORPUS, Name);
        FILE *In = fopen(Path, "rb");
        if (In == NULL) {
            continue;
        }
        uint8_t *Data = (uint8_t *)malloc(65536);
        size_t Size = Data != NULL ? fread(Data, 1, 65536, In) : 0;
        fclose(In);
        if (Size == 0) {
            free(Data);
            continue;
        }
        Seeds[Count].Data = Data;
        Seeds[Count].Size = Size;
        Count++;
    }
    if (List != NULL) {
        pclose(List);
    }
    return Count;
}

/* Executions per second over the seeds, Rounds times: per second of this
 * process's processor time (user and system, all threads), and of wall
 * clock in *WallRate (fuzz21: the bench shares its cores with other work, and
 * waiting for a core is in neither side's executions). */
static double FuzzRateHere(const FUZZ_SEED *Seeds, size_t Count, int Rounds, unsigned WholeEvery,
                           double *WallRate)
{
    FuzzSetWholeChecks(WholeEvery);
    uint64_t T0 = NowNs();
    CPU_TIMES C0 = CpuNow();
    for (int r = 0; r < Rounds; r++) {
        for (size_t i = 0; i < Count; i++) {
            (void)LLVMFuzzerTestOneInput(Seeds[i].Data, Seeds[i].Size);
        }
    }
    CPU_TIMES C1 = CpuNow();
    double Executions = (double)Rounds * (double)Count;
    *WallRate = Executions / ((double)(NowNs() - T0) / 1e9);
    double Cpu = (C1.User - C0.User) + (C1.System - C0.System);
    return Cpu > 0 ? Executions / (Cpu / 1e9) : *WallRate;
}

/* The same, in a forked child (fuzz20b): once a process has used the touched
 * check, every whole check also keeps copies for it, so the side with whole
 * checks after every call runs in a process that never used it, as a fuzzer
 * configured so would; each side starts from the same warmed-up parent. */
static double FuzzRate(const FUZZ_SEED *Seeds, size_t Count, int Rounds, unsigned WholeEvery,
                       double *WallRate)
{
    int Pipe[2];
    *WallRate = 0;
    if (pipe(Pipe) != 0) {
        return 0;
    }
    fflush(NULL);
    pid_t Child = fork();
    if (Child == 0) {
        close(Pipe[0]);
        double Rates[2];
        Rates[0] = FuzzRateHere(Seeds, Count, Rounds, WholeEvery, &Rates[1]);
        ssize_t Written = write(Pipe[1], Rates, sizeof(Rates));
        _exit(Written == (ssize_t)sizeof(Rates) ? 0 : 1);
    }
    close(Pipe[1]);
    double Rates[2] = {0, 0};
    if (Child < 0 || read(Pipe[0], Rates, sizeof(Rates)) != (ssize_t)sizeof(Rates)) {
        Rates[0] = Rates[1] = 0;
    }
    double Rate = Rates[0];
    *WallRate = Rates[1];
    close(Pipe[0]);
    if (Child > 0) {
        int Status;
        (void)waitpid(Child, &Status, 0);
    }
    return Rate;
}

static void BenchFuzz(void)
{
    static FUZZ_SEED Seeds[256];
    size_t Count = LoadSeeds(Seeds, 256);
    if (Count == 0) {
        Skip("fuzz: no seed corpus at %s", MMSIM_BENCH_FUZZ_CORPUS);
        return;
    }
    int Rounds = Opt.Quick ? 2 : 20;
    RESULT *R = NewResult("fuzz", "fuzz_ddi executions/s (seed corpus)", "touched checks",
                          "whole checks", "execs/s");
    double Wall;
    (void)FuzzRateHere(Seeds, Count, 1, 1, &Wall); /* warm up (no touched check: see FuzzRate) */
    double WallSubject[MAX_REPS], WallBaseline[MAX_REPS];
    for (int Rep = 0; Rep < Opt.Reps; Rep++) {
        R->BaselineSamples[Rep] = FuzzRate(Seeds, Count, Rounds, 1, &WallBaseline[Rep]);
        R->SubjectSamples[Rep] = FuzzRate(Seeds, Count, Rounds, FUZZ_WHOLE_CHECK_EVERY,
                                          &WallSubject[Rep]);
    }
    Summarise(R, Opt.Reps);
    SetTarget(R, TargetAtLeast, 3.0);
    snprintf(R->Note, sizeof(R->Note),
             "%zu seeds x %d rounds; whole machine every %d checks and at each input's end; "
             "each side in a forked child; per second of its processor time",
             Count, Rounds, FUZZ_WHOLE_CHECK_EVERY);
    double WallSubject50 = Median(WallSubject, Opt.Reps);
    double WallBaseline50 = Median(WallBaseline, Opt.Reps);
    printf("fuzz: %.0f execs/s with touched checks, %.0f with whole checks after every call "
           "(processor time); wall clock %.0f and %.0f (%.2fx)\n",
           R->Subject50, R->Baseline50, WallSubject50, WallBaseline50,
           WallBaseline50 > 0 ? WallSubject50 / WallBaseline50 : 0.0);
    for (size_t i = 0; i < Count; i++) {
        free(Seeds[i].Data);
    }
}
