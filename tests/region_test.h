/*
 * region_test.h - what the suites of the growable region (core/) share:
 * test_core.c and hostile/hostile_core.c.
 */
#ifndef MMSIM_TESTS_REGION_TEST_H
#define MMSIM_TESTS_REGION_TEST_H

#include <string.h>

#include <growable_region.h>

#define KIB(x) ((SIZE_T)(x) * 1024)
#define MIB(x) ((SIZE_T)(x) * 1024 * 1024)

/* A region of Maximum bytes, pool tag Tag, the strategy the kernel allows
 * (Auto), nothing committed at creation. */
static inline GR_PARAMETERS RegionParameters(SIZE_T Maximum, ULONG Tag)
{
    GR_PARAMETERS Parameters;
    memset(&Parameters, 0, sizeof(Parameters));
    Parameters.MaximumSize = Maximum;
    Parameters.PoolTag = Tag;
    Parameters.Strategy = GrStrategyAuto;
    return Parameters;
}

#endif /* MMSIM_TESTS_REGION_TEST_H */
