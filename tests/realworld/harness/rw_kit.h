/*
 * rw_kit.h - the realworld harnesses' shared kit (C and C++): what every harness
 * asks the machine about a driver file's memory, in one place.
 *
 *   TagUsage(Tag)   the pool usage of one tag (SimQueryPoolUsage's row for it;
 *                   all zero if the tag was never used): Allocs, Frees, Bytes
 *                   still allocated, Paged.
 */
#ifndef MMSIM_RW_KIT_H
#define MMSIM_RW_KIT_H

#include <mmsim_cmocka.h>

static inline SIM_POOL_TAG_USAGE TagUsage(ULONG Tag)
{
    SIM_POOL_TAG_USAGE Usage[64];
    SIM_POOL_TAG_USAGE Found;
    memset(&Found, 0, sizeof(Found));
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == Tag) {
            Found = Usage[i];
        }
    }
    return Found;
}

#endif /* MMSIM_RW_KIT_H */
