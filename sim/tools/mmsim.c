/*
 * mmsim.c - the mmsim command-line program.
 *
 *   mmsim demo     reserve, map and touch simulated kernel memory, step by step
 *   mmsim --help
 *
 * (The guided tour, scenario runner and WinDbg-style dumps come with the
 * Teaching issue; `demo` is the main job until then.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>
#include "faults.h"

#define DEMO_TAG 'omeD' /* shows as "Demo" in pool dumps, as in WinDbg */

static void Usage(FILE *Out)
{
    fprintf(Out,
            "usage: mmsim demo       walk through reserving, mapping and touching memory\n"
            "       mmsim faults [--jobs N] [--timeout S] [--keep DIR] -- PROGRAM [ARGS...]\n"
            "                        fail each fallible DDI call stack of PROGRAM once\n"
            "       mmsim --help     this text\n"
            "exit status: 0 ok, 2 usage, %d bug check, %d refused DDI, %d bad MMSIM_* setting\n",
            SIM_EXIT_BUGCHECK, SIM_EXIT_REFUSED, SIM_EXIT_CONFIG);
}

static void PrintPte(const char *Label, PVOID Va)
{
    ULONG64 Pte = 0;
    SIM_SPACE_REGION Region;
    SIZE_T Size;
    PUCHAR Base = (PUCHAR)SimSystemSpaceBase(&Size);
    SimQueryPte(Va, &Pte, &Region);
    SIM_PFN_INFO Pfn;
    const char *State = "-";
    if (Pte & SIM_PTE_VALID) {
        SimQueryPfn(SIM_PTE_PFN(Pte), &Pfn);
        State = SimPageStateName(Pfn.State);
    }
    printf("  %-10s VA base+0x%08llx  PTE %016llx  %-5s PFN 0x%06llx  %s\n", Label,
           (unsigned long long)((PUCHAR)Va - Base), (unsigned long long)Pte,
           (Pte & SIM_PTE_VALID) ? "valid" : "-", (unsigned long long)SIM_PTE_PFN(Pte), State);
}

static int Demo(void)
{
    SIM_MEMORY_STATS Before, After;
    SimQueryMemory(&Before);
    printf("mmsim demo (profile %s, seed 0x%016llx)\n", SimProfileName(SimGetProfile()),
           (unsigned long long)SimGetSeed());
    printf("machine: %llu physical pages (PFN 0x%llx..0x%llx), %llu system PTEs\n\n",
           (unsigned long long)Before.PhysicalPages, (unsigned long long)Before.LowestPfn,
           (unsigned long long)Before.HighestPfn, (unsigned long long)Before.SystemPtes);

    /* 1. Reserve system VA and map physical pages behind it: non-paged pool
     *    of 4 pages. */
    const SIZE_T Bytes = 4 * PAGE_SIZE;
    PUCHAR Block = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, DEMO_TAG);
    if (Block == NULL) {
        fprintf(stderr, "mmsim: allocation failed\n");
        return 1;
    }
    printf("1. ExAllocatePool2(POOL_FLAG_NON_PAGED, 0x%llx, 'Demo') reserved system VA and\n"
           "   mapped %llu physical pages behind it:\n",
           (unsigned long long)Bytes, (unsigned long long)(Bytes / PAGE_SIZE));
    for (SIZE_T i = 0; i < Bytes; i += PAGE_SIZE) {
        char Label[16];
        snprintf(Label, sizeof(Label), "page %llu", (unsigned long long)(i / PAGE_SIZE));
        PrintPte(Label, Block + i);
    }

    /* 2. Touch it: these are real host pages, written through real pointers. */
    for (SIZE_T i = 0; i < Bytes; i++) {
        Block[i] = (UCHAR)(i * 7);
    }
    unsigned Sum = 0;
    for (SIZE_T i = 0; i < Bytes; i++) {
        Sum += Block[i];
    }
    PHYSICAL_ADDRESS Pa = MmGetPhysicalAddress(Block + 0x1234);
    printf("\n2. Wrote and read back all %llu bytes (checksum %u).\n"
           "   MmGetPhysicalAddress(VA+0x1234) = 0x%llx (PFN of page 1, offset 0x234).\n",
           (unsigned long long)Bytes, Sum, (unsigned long long)Pa.QuadPart);

    /* 3. Free it: the PTEs become invalid and the pages go back to the free
     *    list. */
    ExFreePoolWithTag(Block, DEMO_TAG);
    printf("\n3. ExFreePoolWithTag released the pages; the PTEs are no longer valid:\n");
    PrintPte("page 0", Block);

    /* 4. Touch after free: a real machine stops with 0x50; so does this one. */
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, (void)*(volatile UCHAR *)Block);
    char Line[200];
    SimFormatStopLine(&Stop, Line, sizeof(Line));
    printf("\n4. Reading the freed VA stopped the machine, as Windows would:\n   %s\n   %s: %s\n",
           Line, SimBugCheckName(Stop.Code), SimBugCheckMeaning(Stop.Code, Stop.Parameters[0]));
    printf("   (Parameter 1 = base+0x%llx, the address touched; Parameter 2 = 0, a read.)\n",
           (unsigned long long)((PUCHAR)Stop.Parameters[0] - (PUCHAR)SimSystemSpaceBase(NULL)));

    SimReset();
    SimQueryMemory(&After);
    printf("\n5. SimReset() gave a fresh machine: %llu of %llu pages free.\n",
           (unsigned long long)After.FreePages, (unsigned long long)After.PhysicalPages);
    return Stop.Caught && Stop.Code == PAGE_FAULT_IN_NONPAGED_AREA ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        Usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "demo") == 0) {
        return Demo();
    }
    if (strcmp(argv[1], "faults") == 0) {
        return MmsimFaultsCommand(argc - 1, argv + 1);
    }
    fprintf(stderr, "mmsim: unknown command '%s'\n", argv[1]);
    Usage(stderr);
    return 2;
}
