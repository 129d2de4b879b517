/*
 * probe.c - ProbeForRead and ProbeForWrite (wdm/nf-wdm-probeforread, -probeforwrite).
 *
 * Documented behaviour: Length 0 checks nothing; an Address that is not a multiple of
 * Alignment raises STATUS_DATATYPE_MISALIGNMENT; a range that is not entirely within the
 * user address range (it ends above the user probe address, or it wraps) raises
 * STATUS_ACCESS_VIOLATION - which is what a kernel address gets. The misalignment check
 * comes first, as the pages list it. mmsim has no user address space yet (issue 17): every
 * address a driver holds here is a kernel address, so every range of non-zero length raises
 * STATUS_ACCESS_VIOLATION. The raise is an exception: __try/__except (or SIM_TRY_STATUS)
 * catches it, and without a handler it is bug check 0x1E.
 */
#include "mi_io.h"

static void MiProbe(const volatile void *Address, SIZE_T Length, ULONG Alignment)
{
    if (Length == 0) {
        return;
    }
    /* Alignment is 1, 2, 4, 8 or 16 (documented); any other value only asserts in a checked
     * Windows build: mmsim uses it as given. */
    if (Alignment != 0 && ((ULONG_PTR)Address & (ULONG_PTR)(Alignment - 1)) != 0) {
        ExRaiseStatus(STATUS_DATATYPE_MISALIGNMENT);
    }
    /* No range is within user space until there is one (issue 17). */
    ExRaiseStatus(STATUS_ACCESS_VIOLATION);
}

VOID NTAPI ProbeForRead(const volatile VOID *Address, SIZE_T Length, ULONG Alignment)
{
    MiDdiEnter(MiDdi_ProbeForRead, 0, MI_CALLER_ADDRESS());
    MiProbe(Address, Length, Alignment);
}

VOID NTAPI ProbeForWrite(volatile VOID *Address, SIZE_T Length, ULONG Alignment)
{
    MiDdiEnter(MiDdi_ProbeForWrite, 0, MI_CALLER_ADDRESS());
    MiProbe(Address, Length, Alignment);
}
