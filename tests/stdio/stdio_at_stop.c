/*
 * stdio_at_stop.c - a plain program (no CMocka) that prints a line to stdout
 * and then ends the way MODE says. Run by stdio_at_stop.cmake with stdout
 * redirected to a file and to a pipe, where stdio buffers fully: the line
 * must survive the way the process ends (issue 18, item 1).
 *
 *   mode       how it ends                                 exit
 *   return     returns 0 with the machine clean            0
 *   bugcheck   KeBugCheckEx called by driver code          86
 *   leak       returns with pool held (MMSIM_STRICT=0)     88
 *              ... the same with MMSIM_STRICT=1: 0xC4/0x62 86
 *   fault      driver code writes to unmapped system space 86 (fault trap)
 *   inprintf   printf reads unmapped system space: the     86 (stdout not
 *              fault interrupts stdio holding stdout          flushed: the
 *                                                              stream may be
 *                                                              mid-update)
 */
#include <stdio.h>
#include <string.h>

#include <wdm.h>

int main(int argc, char **argv)
{
    const char *Mode = argc > 1 ? argv[1] : "";
    printf("hello from the program before it ends (%s)\n", Mode);
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tseT');
    if (Pool == NULL) {
        return 2;
    }
    if (strcmp(Mode, "leak") == 0) {
        return 0;
    }
    ExFreePoolWithTag(Pool, 'tseT');
    if (strcmp(Mode, "return") == 0) {
        return 0;
    }
    if (strcmp(Mode, "bugcheck") == 0) {
        KeBugCheckEx(0xE2, 1, 2, 3, 4); /* MANUALLY_INITIATED_CRASH */
    }
    PVOID Va = MmAllocateMappingAddress(PAGE_SIZE, 'tseT');
    if (Va == NULL) {
        return 2;
    }
    if (strcmp(Mode, "fault") == 0) {
        *(volatile char *)Va = 1;
    }
    if (strcmp(Mode, "inprintf") == 0) {
        printf("%.8s\n", (const char *)Va);
    }
    return 3; /* unknown mode, or the stop did not happen */
}
