/*
 * main.c - a minimal program against an installed mmsim: driver-style code
 * (<wdm.h>, a multi-character pool tag, IRQL) plus the Sim* API. Built with
 * -Wall -Wextra -Werror: the package must hand its consumers -Wno-multichar.
 * <Ntifs.h> is a capitalised spelling driver files use (Windows' file names
 * are case-insensitive): the package's include path must find it. Driver
 * files often open with MSVC's pragmas, before any header: the package must
 * hand its consumers -Wno-unknown-pragmas too.
 */
#pragma warning(disable : 4201 4214)
#pragma prefast(disable : 28167, "the driver's own note to the analyzer")
#include <stdio.h>

#include <wdm.h>
#include <Ntifs.h>
#include <mmsim.h>

#define CONSUMER_TAG 'gaTM'

int main(void)
{
    const ULONG Tag = CONSUMER_TAG;
    if (Tag != 0x6761544Du) {
        fprintf(stderr, "consumer: 'gaTM' is 0x%08X, expected 0x6761544D\n", (unsigned)Tag);
        return 1;
    }
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    if (Old != PASSIVE_LEVEL || KeGetCurrentIrql() != DISPATCH_LEVEL) {
        fprintf(stderr, "consumer: KeRaiseIrql did not raise to DISPATCH_LEVEL\n");
        return 1;
    }
    KeLowerIrql(Old);
    if (KeGetCurrentIrql() != PASSIVE_LEVEL) {
        fprintf(stderr, "consumer: KeLowerIrql did not restore PASSIVE_LEVEL\n");
        return 1;
    }
    if (SimIsStopped(NULL)) {
        fprintf(stderr, "consumer: the machine is stopped\n");
        return 1;
    }
    printf("mmsim consumer ok\n");
    return 0;
}
