/*
 * ke_calls_mm.c - a deliberate back-edge for the layering test: code that,
 * placed in the ke layer, would call the PFN database of the mm layer above
 * it. Compiled to an object only, never linked into the simulator.
 */
#include "mm/mi_mm.h"

PFN_NUMBER MiLayeringProbe(void);

PFN_NUMBER MiLayeringProbe(void)
{
    return MiIndexToPfn(0);
}
