/*
 * rw_kit.h - the realworld harnesses' shared kit (C and C++): what every harness
 * asks the machine about a driver file's memory, in one place.
 *
 *   TagUsage(Tag)   the pool usage of one tag (the test kit's SimTestTagUsage:
 *                   all zero if the tag was never used): Allocs, Frees, Bytes
 *                   still allocated, Paged.
 */
#ifndef MMSIM_RW_KIT_H
#define MMSIM_RW_KIT_H

#include <mmsim_cmocka.h>

/* The test kit's SimTestTagUsage, under the name the suites use. */
static inline SIM_POOL_TAG_USAGE TagUsage(ULONG Tag)
{
    return SimTestTagUsage(Tag);
}

#endif /* MMSIM_RW_KIT_H */
