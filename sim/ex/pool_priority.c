/*
 * pool_priority.c - ExAllocatePoolWithTagPriority and the obsolete
 * ExAllocatePool, over ExAllocatePoolWithTag's core (docs/wdk-surface.md,
 * "Pool priorities"; docs/special-pool.md).
 */
#include "../mi.h"
#include "../mm/mi_special.h"

PVOID NTAPI ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                          EX_POOL_PRIORITY Priority)
{
    /* The priority says how hard to try when resources are short, and
     * (bits 3 and 0) which alignment Verifier's special pool gives the block
     * if special pool selects it. mmsim's pool never runs short selectively
     * (failures come from exhaustion or fault injection, alike for every
     * priority): only the special pool alignment is honoured. */
    return MiAllocatePoolWithTagMode("ExAllocatePoolWithTagPriority", PoolType, NumberOfBytes, Tag,
                                     MI_CALLER_ADDRESS(), Priority);
}

PVOID NTAPI ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    return MiAllocatePoolWithTagMode("ExAllocatePool", PoolType, NumberOfBytes,
                                     'enoN' /* "None" */, MI_CALLER_ADDRESS(), NormalPoolPriority);
}
