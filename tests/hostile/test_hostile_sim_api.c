/*
 * test_hostile_sim_api.c - bad values given to the Sim* control API end as
 * refusals (STATUS_INVALID_PARAMETER and a reason), never as a host hang or
 * crash. The lead's find of this morning was one of a class: a user-facing
 * input (a fault spec) that reached something the program's own plumbing
 * should only see. The files of systematic= and record= are another: the
 * stacks are read back from them when a machine is built, so a device read
 * it forever and a FIFO blocked the spec's check on opening it.
 *
 *   row: SimConfigureFaults(spec)  ->  the status, the reason's words
 *        then a machine is built and allocates (the spec applied)
 *
 * Each row runs in a child with an alarm: a hang fails its row, not the run.
 */
#define _GNU_SOURCE /* mkdtemp */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#define ROW_SECONDS 20 /* a row's child that hangs ends by SIGALRM */
#define TAG 'ipAS'

typedef struct {
    const char *Rule;
    const char *Spec;  /* "{fifo}": a named pipe no one reads; "{dir}": a scratch directory */
    NTSTATUS Want;
    const char *Says;  /* in the reason (refusals) */
} SPEC_ROW;

static const SPEC_ROW SpecRows[] = {
    /* rule                                                 spec                     status                     reason says */
    {"a device read forever is refused (systematic=)",      "systematic=/dev/zero",  STATUS_INVALID_PARAMETER,  "not a regular file"},
    {"a device read forever is refused (record=)",          "record=/dev/full",      STATUS_INVALID_PARAMETER,  "not a regular file"},
    {"a device that reads empty is refused as well",        "record=/dev/null",      STATUS_INVALID_PARAMETER,  "not a regular file"},
    {"a FIFO, whose opening blocks, is refused (record=)",  "record={fifo}",         STATUS_INVALID_PARAMETER,  "not a regular file"},
    {"a FIFO is refused (systematic=)",                     "systematic={fifo}",     STATUS_INVALID_PARAMETER,  "not a regular file"},
    {"a directory is refused",                              "record={dir}",          STATUS_INVALID_PARAMETER,  "Is a directory"},
    {"a regular file is taken",                             "systematic={dir}/s.stacks", STATUS_SUCCESS,        ""},
};

static char Dir[64];
static char Fifo[96];

static void Expand(const char *Spec, char *Out, size_t Size)
{
    const char *Mark = strchr(Spec, '{');
    if (Mark == NULL) {
        snprintf(Out, Size, "%s", Spec);
    } else if (strncmp(Mark, "{fifo}", 6) == 0) {
        snprintf(Out, Size, "%.*s%s%s", (int)(Mark - Spec), Spec, Fifo, Mark + 6);
    } else {
        snprintf(Out, Size, "%.*s%s%s", (int)(Mark - Spec), Spec, Dir, Mark + 5);
    }
}

/* The child: configure, then build a machine that applies the spec and
 * allocates; prints the status and the reason. */
static void ConfigureAndRun(void *Context)
{
    const char *Spec = (const char *)Context;
    char Why[512] = "";
    NTSTATUS Status = SimConfigureFaults(Spec, Why, sizeof(Why));
    SimReset();
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
    (void)SimConfigureFaults("", NULL, 0);
    printf("status 0x%08lx: %s\n", (unsigned long)(ULONG)Status, Why);
}

SIM_TEST(fault_spec_files_that_are_not_regular_files_are_refused)
{
    snprintf(Dir, sizeof(Dir), "/tmp/mmsim-simapi-XXXXXX");
    assert_non_null(mkdtemp(Dir));
    snprintf(Fifo, sizeof(Fifo), "%s/fifo", Dir);
    assert_int_equal(mkfifo(Fifo, 0600), 0);
    size_t Wrong = 0;
    for (size_t i = 0; i < sizeof(SpecRows) / sizeof(SpecRows[0]); i++) {
        const SPEC_ROW *Row = &SpecRows[i];
        char Spec[256], Want[64], How[160];
        Expand(Row->Spec, Spec, sizeof(Spec));
        SIM_CHILD *Child = (SIM_CHILD *)malloc(sizeof(*Child));
        assert_non_null(Child);
        assert_true(SimRunChild(ConfigureAndRun, Spec, ROW_SECONDS, Child));
        snprintf(Want, sizeof(Want), "status 0x%08lx: ", (unsigned long)(ULONG)Row->Want);
        bool Ok = Child->Exited && Child->Status == SIM_CHILD_RETURNED &&
                  strstr(Child->Out, Want) != NULL && strstr(Child->Out, Row->Says) != NULL;
        if (!Ok) {
            print_error("%s: '%s' wanted \"%s%s\"\n  child %s\n  stdout: %s\n  stderr: %.400s\n",
                        Row->Rule, Spec, Want, Row->Says,
                        SimDescribeChild(Child, How, sizeof(How)), Child->Out, Child->Err);
            Wrong++;
        }
        free(Child);
    }
    char Stacks[96];
    snprintf(Stacks, sizeof(Stacks), "%s/s.stacks", Dir);
    unlink(Stacks);
    unlink(Fifo);
    rmdir(Dir);
    assert_int_equal(Wrong, 0);
}

int main(void)
{
    return SimRunTests("hostile_sim_api", NULL, NULL);
}
