/*
 * mdl_more.c - further MDL routines and the system size queries:
 * MmProtectMdlSystemAddress, MmCreateMdl, MmAdvanceMdl,
 * MmIsNonPagedSystemAddressValid, MmQuerySystemSize, MmIsThisAnNtAsSystem,
 * Mm64BitPhysicalAddress.
 *
 * Facts (Microsoft's page for each routine): MmProtectMdlSystemAddress works
 * on an MDL mapped by MmMapLockedPagesSpecifyCache only (else
 * STATUS_NOT_MAPPED_VIEW), takes PAGE_NOACCESS, PAGE_READONLY,
 * PAGE_READWRITE, PAGE_EXECUTE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE
 * (else STATUS_INVALID_PAGE_PROTECTION), IRQL <= DISPATCH_LEVEL; a write
 * through a read-only system address is bug check 0xBE (address, PTE);
 * protecting an MDL whose mapping is not valid is 0x1A/0x1235.
 * MmAdvanceMdl moves the start of an MDL forward, NumberOfBytes less than
 * ByteCount (else STATUS_INVALID_PARAMETER_2).
 *
 * mmsim's choices (docs/device-memory.md): PAGE_NOACCESS is refused with
 * STATUS_INVALID_PAGE_PROTECTION (not simulated: an inaccessible PTE of a
 * locked page is not modelled); execute protections are read protections
 * (x64: a present page is readable). MmQuerySystemSize: small below 16 MiB of
 * RAM, medium below 32 MiB, large otherwise.
 */
#include "mi_mm.h"

BOOLEAN Mm64BitPhysicalAddress = TRUE;

NTSTATUS NTAPI MmProtectMdlSystemAddress(PMDL MemoryDescriptorList, ULONG NewProtect)
{
    MiDdiEnter(MiDdi_MmProtectMdlSystemAddress, (ULONG_PTR)MemoryDescriptorList,
               MI_CALLER_ADDRESS());
    bool Writable;
    switch (NewProtect) {
    case PAGE_READONLY:
    case PAGE_EXECUTE:
    case PAGE_EXECUTE_READ:
        Writable = false;
        break;
    case PAGE_READWRITE:
    case PAGE_EXECUTE_READWRITE:
        Writable = true;
        break;
    default: /* PAGE_NOACCESS included: see above */
        return STATUS_INVALID_PAGE_PROTECTION;
    }
    PMDL Mdl = MemoryDescriptorList;
    if (!(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) || !MiIsSystemVa(Mdl->MappedSystemVa) ||
        MiRegionOf(MiVaToPage(Mdl->MappedSystemVa)) != MiRegionSystemPtes) {
        return STATUS_NOT_MAPPED_VIEW;
    }
    uint64_t First = MiVaToPage(Mdl->MappedSystemVa);
    uint64_t Pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(Mdl->MappedSystemVa, Mdl->ByteCount);
    MiLock();
    for (uint64_t k = 0; k < Pages; k++) {
        if (First + k >= MiSpace.Pages || !(MiSpace.Pte[First + k] & MI_PTE_VALID)) {
            MiUnlock();
            KeBugCheckEx(MEMORY_MANAGEMENT, 0x1235, (ULONG_PTR)Mdl,
                         (ULONG_PTR)Mdl->MappedSystemVa, (ULONG_PTR)NewProtect);
        }
    }
    bool Done = MiProtectPages(First, Pages, Writable);
    MiUnlock();
    return Done ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

PMDL NTAPI MmCreateMdl(PMDL MemoryDescriptorList, PVOID Base, SIZE_T Length)
{
    MiDdiEnter(MiDdi_MmCreateMdl, Length, MI_CALLER_ADDRESS());
    SIZE_T Size = MmSizeOfMdl(Base, Length);
    PMDL Mdl = MemoryDescriptorList;
    if (Mdl == NULL) {
        Mdl = (PMDL)MiAllocatePoolInternal(false, Size, MI_TAG_MM_MDL, MI_CALLER_ADDRESS(),
                                           false);
        if (Mdl == NULL) {
            return NULL;
        }
    }
    MmInitializeMdl(Mdl, Base, Length);
    return Mdl;
}

NTSTATUS NTAPI MmAdvanceMdl(PMDL Mdl, ULONG NumberOfBytes)
{
    MiDdiEnter(MiDdi_MmAdvanceMdl, (ULONG_PTR)Mdl, MI_CALLER_ADDRESS());
    if (NumberOfBytes >= Mdl->ByteCount) {
        return STATUS_INVALID_PARAMETER_2;
    }
    ULONG Skip = (Mdl->ByteOffset + NumberOfBytes) / PAGE_SIZE;
    ULONG Span = ADDRESS_AND_SIZE_TO_SPAN_PAGES(
        (PUCHAR)Mdl->StartVa + Mdl->ByteOffset, Mdl->ByteCount);
    PPFN_NUMBER Pfns = MmGetMdlPfnArray(Mdl);
    if (Skip > 0 && (Mdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL |
                                      MDL_PARTIAL)) != 0) {
        /* The skipped pages are no longer described (their slots go). */
        memmove(Pfns, Pfns + Skip, (size_t)(Span - Skip) * sizeof(PFN_NUMBER));
    }
    if (Mdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL)) {
        Mdl->MappedSystemVa = (PUCHAR)Mdl->MappedSystemVa + NumberOfBytes;
    }
    Mdl->StartVa = (PUCHAR)Mdl->StartVa + (SIZE_T)Skip * PAGE_SIZE;
    Mdl->ByteOffset = (Mdl->ByteOffset + NumberOfBytes) % PAGE_SIZE;
    Mdl->ByteCount -= NumberOfBytes;
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI MmIsNonPagedSystemAddressValid(PVOID VirtualAddress)
{
    MiDdiEnter(MiDdi_MmIsNonPagedSystemAddressValid, (ULONG_PTR)VirtualAddress,
               MI_CALLER_ADDRESS());
    return MmIsAddressValid(VirtualAddress);
}

MM_SYSTEMSIZE NTAPI MmQuerySystemSize(VOID)
{
    MiDdiEnter(MiDdi_MmQuerySystemSize, 0, MI_CALLER_ADDRESS());
    uint64_t Pages = MiPhys.Pages;
    return Pages < 4096 ? MmSmallSystem : Pages < 8192 ? MmMediumSystem : MmLargeSystem;
}

BOOLEAN NTAPI MmIsThisAnNtAsSystem(VOID)
{
    MiDdiEnter(MiDdi_MmIsThisAnNtAsSystem, 0, MI_CALLER_ADDRESS());
    return FALSE;
}
