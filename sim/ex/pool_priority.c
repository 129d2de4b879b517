/*
 * pool_priority.c - ExAllocatePoolWithTagPriority and the obsolete
 * ExAllocatePool, over ExAllocatePoolWithTag (docs/wdk-surface.md,
 * "Pool priorities").
 */
#include "../mi.h"

PVOID NTAPI ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                          EX_POOL_PRIORITY Priority)
{
    /* The priority says how hard to try when resources are short, and
     * (bits 3 and 0) whether Verifier's special pool should catch overruns
     * or underruns. mmsim's pool never runs short selectively (failures
     * come from exhaustion or fault injection, alike for every priority)
     * and it has no special pool: the priority changes nothing here. */
    (void)Priority;
    return ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag);
}

PVOID NTAPI ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    return ExAllocatePoolWithTag(PoolType, NumberOfBytes, 'enoN'); /* "None" */
}
