/*
 * reserve.c - reserved mappings: MmAllocateMappingAddress(Ex),
 * MmFreeMappingAddress, MmMapLockedPagesWithReservedMapping,
 * MmUnmapReservedMapping, under the modern and nt5 profiles.
 * (Placeholder until the "Reserved mappings" issue lands.)
 */
#include "mi_mm.h"

bool MiIsReservedPage(uint64_t Page)
{
    (void)Page;
    return false;
}
