/*
 * report_sites.c - a plain program whose reports must name the driver's own
 * code: function+offset and file:line, static functions included (issue 18,
 * item 9). report_sites.cmake finds each SITE line below and expects it in
 * the report MODE prints.
 *
 *   mode      report                                    names the line of
 *   pool      exit-time leak table (MMSIM_STRICT=0)     SITE pool
 *   reserve   SimIsClean's report on stdout             SITE reserve
 *   stop      the STOP report's host backtrace          SITE stop
 */
#include <stdio.h>
#include <string.h>

#include <mmsim.h>
#include <wdm.h>

/* Not inlined, and the call not a tail call (the empty asm after it), so
 * that each function is really on the stack in every preset. */
#define KEEP_FRAME() __asm__ volatile("" ::: "memory")

__attribute__((noinline)) static PVOID LeakPool(void)
{
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tseT'); /* SITE pool */
    KEEP_FRAME();
    return P;
}

__attribute__((noinline)) static PVOID Reserve(void)
{
    PVOID Va = MmAllocateMappingAddress(PAGE_SIZE, 'tseT'); /* SITE reserve */
    KEEP_FRAME();
    return Va;
}

__attribute__((noinline)) static void Stop(void)
{
    KeBugCheckEx(0xE2, 0, 0, 0, 0); /* SITE stop */
}

int main(int argc, char **argv)
{
    const char *Mode = argc > 1 ? argv[1] : "";
    if (strcmp(Mode, "pool") == 0) {
        return LeakPool() != NULL ? 0 : 2; /* the unload check at exit reports it */
    }
    if (strcmp(Mode, "reserve") == 0) {
        PVOID Va = Reserve();
        if (Va == NULL) {
            return 2;
        }
        static char Report[4096];
        SimIsClean(Report, sizeof(Report));
        fputs(Report, stdout);
        MmFreeMappingAddress(Va, 'tseT');
        return 0;
    }
    if (strcmp(Mode, "stop") == 0) {
        Stop();
    }
    return 3;
}
