/*
 * fault_target.c - a small "driver" for `mmsim faults` (tests/CMakeLists.txt):
 *
 *   region   the growable region (core/): create, grow, grow from DISPATCH_LEVEL
 *            through a work item, destroy - every failure handled; every
 *            injected failure must pass
 *   leaky    forgets to free its pool block when the page allocation fails:
 *            the unload check at exit catches it (leaked)
 *   crashy   uses IoAllocateMdl's result without checking it: a NULL
 *            dereference in kernel code, which stops the machine (0x1E)
 *   cascade  nine allocations, each with a fallback allocation when it
 *            fails: a call stack only that failure reaches (what --shard
 *            must follow within a shard; tests/faultrun)
 */
#include <stdio.h>
#include <string.h>

#include <growable_region.h>
#include <mmsim.h>

#define TAG 'tgTF'

static int Region(void)
{
    DEVICE_OBJECT Device;
    memset(&Device, 0, sizeof(Device));
    GR_PARAMETERS Parameters;
    memset(&Parameters, 0, sizeof(Parameters));
    Parameters.MaximumSize = 1 << 20;
    Parameters.InitialCommit = 64 * 1024;
    Parameters.PoolTag = TAG;
    Parameters.DeviceObject = &Device;
    PGROWABLE_REGION Region;
    if (!NT_SUCCESS(GrCreate(&Parameters, &Region))) {
        return 0; /* handled: nothing to undo */
    }
    (void)GrEnsureCommitted(Region, 512 * 1024);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    (void)GrRequestGrowth(Region, 768 * 1024);
    KeLowerIrql(Old);
    SimWaitForWorkItems(30000);
    PUCHAR Base = (PUCHAR)GrBase(Region);
    SIZE_T Committed = GrCommittedSize(Region);
    memset(Base, 0x5A, Committed); /* every committed byte is usable */
    GrDestroy(Region);
    return 0;
}

static int Leaky(void)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 128, TAG);
    if (Block == NULL) {
        return 0;
    }
    PHYSICAL_ADDRESS Low = {.QuadPart = 0}, High = {.QuadPart = -1}, Skip = {.QuadPart = 0};
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, 4 * PAGE_SIZE, MmCached, 0);
    if (Mdl == NULL) {
        return 0; /* the bug: Block is not freed on this path */
    }
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    ExFreePoolWithTag(Block, TAG);
    return 0;
}

static int Crashy(void)
{
    static UCHAR Buffer[64];
    PMDL Mdl = IoAllocateMdl(Buffer, sizeof(Buffer), FALSE, FALSE, NULL);
    Mdl->MdlFlags |= MDL_MAPPING_CAN_FAIL; /* the bug: Mdl may be NULL */
    IoFreeMdl(Mdl);
    return 0;
}

/* Each depth is its own call stack (the recursion is in the 8 frames of a
 * stack identity): nine allocations the baseline lists, and behind each a
 * fallback only its failure reaches. The volatile keeps the recursion from
 * becoming a jump. */
static int __attribute__((noinline)) Cascade(int Depth)
{
    PVOID Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
    if (Block == NULL) {
        Block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, TAG); /* the fallback */
    }
    if (Block != NULL) {
        ExFreePoolWithTag(Block, TAG);
    }
    volatile int Result = Depth < 8 ? Cascade(Depth + 1) : 0;
    return Result;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "cascade") == 0) {
        return Cascade(0);
    }
    if (argc == 2 && strcmp(argv[1], "region") == 0) {
        return Region();
    }
    if (argc == 2 && strcmp(argv[1], "leaky") == 0) {
        return Leaky();
    }
    if (argc == 2 && strcmp(argv[1], "crashy") == 0) {
        return Crashy();
    }
    fprintf(stderr, "usage: fault_target region|leaky|crashy|cascade\n");
    return 2;
}
