/*
 * probe.c - ProbeForRead and ProbeForWrite (wdm/nf-wdm-probeforread, -probeforwrite).
 *
 * Documented behaviour: Length 0 checks nothing; an Address that is not a multiple of
 * Alignment raises STATUS_DATATYPE_MISALIGNMENT; a range that is not entirely within the
 * user address range (it ends above the user probe address, or it wraps) raises
 * STATUS_ACCESS_VIOLATION - which is what a kernel address gets. The misalignment check
 * comes first, as the pages list it. User space is the simulated process's user range
 * (docs/user-space.md): mmsim's system space and host memory lie outside it wherever the host
 * put them, so they are kernel addresses here. ProbeForWrite also checks that every page is
 * writable, touching it as a write would: a read-only, no-access or uncommitted page raises
 * STATUS_ACCESS_VIOLATION, a guard page STATUS_GUARD_PAGE_VIOLATION. The raise is an
 * exception: __try/__except (or SIM_TRY_STATUS) catches it, and without a handler it is bug
 * check 0x1E.
 */
#include "mi_io.h"

/* userva: the user range (sim/mm/virtual.c). */
bool MiIsUserRange(uintptr_t Va, uintptr_t Length);
NTSTATUS MiProbeUserWrite(uintptr_t Va, uintptr_t Length);

static void MiProbe(const volatile void *Address, SIZE_T Length, ULONG Alignment, bool Write)
{
    if (Length == 0) {
        return;
    }
    /* Alignment is 1, 2, 4, 8 or 16 (documented); any other value only asserts in a checked
     * Windows build: mmsim uses it as given. */
    if (Alignment != 0 && ((ULONG_PTR)Address & (ULONG_PTR)(Alignment - 1)) != 0) {
        ExRaiseStatus(STATUS_DATATYPE_MISALIGNMENT);
    }
    if (!MiIsUserRange((uintptr_t)Address, (uintptr_t)Length)) {
        ExRaiseStatus(STATUS_ACCESS_VIOLATION); /* ends above the user range, or wraps */
    }
    if (Write) {
        NTSTATUS Status = MiProbeUserWrite((uintptr_t)Address, (uintptr_t)Length);
        if (Status != STATUS_SUCCESS) {
            ExRaiseStatus(Status);
        }
    }
}

VOID NTAPI ProbeForRead(const volatile VOID *Address, SIZE_T Length, ULONG Alignment)
{
    MiDdiEnter(MiDdi_ProbeForRead, 0, MI_CALLER_ADDRESS());
    MiProbe(Address, Length, Alignment, false);
}

VOID NTAPI ProbeForWrite(volatile VOID *Address, SIZE_T Length, ULONG Alignment)
{
    MiDdiEnter(MiDdi_ProbeForWrite, 0, MI_CALLER_ADDRESS());
    MiProbe(Address, Length, Alignment, true);
}
