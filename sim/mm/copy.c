/*
 * copy.c - MmCopyMemory: a copy from a physical address (through the PFN database) or from
 * a virtual address that may not be valid, with an error status instead of a bug check.
 *
 * Facts: Microsoft's page of the routine (ntddk/nf-ntddk-mmcopymemory) and of MM_COPY_ADDRESS:
 * one of MM_COPY_MEMORY_PHYSICAL / MM_COPY_MEMORY_VIRTUAL; STATUS_SUCCESS when the whole range
 * was copied, otherwise an error status and *NumberOfBytesTransferred the bytes that were;
 * a physical address must be RAM the system controls (I/O space is an error), a virtual one
 * a system address or the current process's user range (an I/O-space mapping is an error);
 * IRQL <= APC_LEVEL. The status of a failed page is not named by the page: *mmsim* gives
 * STATUS_ACCESS_VIOLATION (what an exception-guarded copy sees). docs/io.md, "MmCopyMemory".
 *
 *   source page by page:  RAM / valid PTE / committed user page -> copied
 *                         anything else -> stop: error status, bytes copied so far
 */
#include "mi_mm.h"
#include "../host/host.h"

bool MiIsUserRange(uintptr_t Va, uintptr_t Length);

/* io33: how many bytes from Start the host's mappings let a read reach (they are visited
 * in address order; a gap or an unreadable mapping ends the run). */
typedef struct _MI_HOST_READABLE {
    uintptr_t Next; /* the first byte not yet known readable */
    bool Ended;
} MI_HOST_READABLE;

static void MiVisitHostMapping(void *Context, uintptr_t Start, uintptr_t End, bool Readable,
                               bool Writable, bool Physical, uint64_t Offset)
{
    (void)Writable;
    (void)Physical;
    (void)Offset;
    MI_HOST_READABLE *Run = (MI_HOST_READABLE *)Context;
    if (Run->Ended || Start != Run->Next || !Readable) {
        Run->Ended = true;
        return;
    }
    Run->Next = End;
}

/* Host memory readable from Source for Bytes? Unknown (the host cannot list its mappings):
 * taken as readable, what the host memory stands for. */
static bool MiHostReadable(const uint8_t *Source, SIZE_T Bytes)
{
    MI_HOST_READABLE Run = {(uintptr_t)Source, false};
    if (!HostForEachMapping((void *)(uintptr_t)Source, Bytes, MiVisitHostMapping, &Run)) {
        return true;
    }
    return Run.Next >= (uintptr_t)Source + Bytes;
}

/* Copies Bytes (within one page) from physical Address; false if no RAM is there. */
static bool MiCopyPhysical(uint8_t *Target, ULONGLONG Address, SIZE_T Bytes)
{
    MI_INDEX Index;
    if ((LONGLONG)Address < 0 || !MiPfnToIndex((PFN_NUMBER)(Address >> PAGE_SHIFT), &Index)) {
        return false;
    }
    MiLock();
    memcpy(Target, MiPhysPage(Index) + (Address & (PAGE_SIZE - 1)), Bytes);
    MiUnlock();
    return true;
}

/* Copies Bytes (within one page) from virtual Source; false if it is not readable. */
static bool MiCopyVirtual(uint8_t *Target, const uint8_t *Source, SIZE_T Bytes)
{
    if (MiIsSystemVa(Source)) {
        /* Through the page the PTE names, so that no host fault can happen. A trimmed
         * page (a transition PTE) still holds its data: read there, as the page's "tries
         * to make it resident" would. A page that is not valid otherwise (freed, guard)
         * or maps device memory is not copied. */
        uint64_t Page = MiVaToPage(Source);
        bool Copied = false;
        MiLock();
        uint64_t Pte = MiSpace.Pte[Page];
        if ((Pte & (MI_PTE_VALID | MI_PTE_TRANSITION)) && !MiIsIoSpaceDevicePage(Page)) {
            memcpy(Target, MiPhysPage(MiPteIndex(Pte)) + BYTE_OFFSET(Source), Bytes);
            Copied = true;
        }
        MiUnlock();
        return Copied;
    }
    if (MiIsUserRange((uintptr_t)Source, Bytes)) {
        /* The user range faults like Windows' (an uncommitted or no-access page raises
         * an access violation, caught here); a page out is brought in. */
        NTSTATUS Status;
        SIM_TRY_STATUS(&Status, memcpy(Target, Source, Bytes));
        return NT_SUCCESS(Status);
    }
    /* Host memory stands for resident kernel memory (MmIsAddressValid's rule): the first
     * 64 KiB, never mapped, is invalid; so is a host page nothing readable maps (a guard
     * page, memory unmapped), which a plain read would take as a host fault (io33). The
     * page: MmCopyMemory "will not crash the system", whatever the address. */
    if ((uintptr_t)Source < 0x10000 || !MiHostReadable(Source, Bytes)) {
        return false;
    }
    memcpy(Target, Source, Bytes);
    return true;
}

NTSTATUS NTAPI MmCopyMemory(PVOID TargetAddress, MM_COPY_ADDRESS SourceAddress,
                            SIZE_T NumberOfBytes, ULONG Flags, PSIZE_T NumberOfBytesTransferred)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmCopyMemory, 0, Caller);
    MiCheckDriverPointer(NumberOfBytesTransferred, 0, true, Caller);
    *NumberOfBytesTransferred = 0;
    bool Physical = Flags == MM_COPY_MEMORY_PHYSICAL;
    if (!Physical && Flags != MM_COPY_MEMORY_VIRTUAL) {
        return STATUS_INVALID_PARAMETER_4; /* *mmsim*: neither or both flags, or others */
    }
    if (NumberOfBytes == 0) {
        return STATUS_SUCCESS;
    }
    MiCheckDriverPointer(TargetAddress, 0, true, Caller);
    MiCheckDriverPointer((const uint8_t *)TargetAddress + NumberOfBytes - 1, 0, true, Caller);
    uint8_t *Target = (uint8_t *)TargetAddress;
    ULONGLONG At = Physical ? (ULONGLONG)SourceAddress.PhysicalAddress.QuadPart
                            : (ULONGLONG)(uintptr_t)SourceAddress.VirtualAddress;
    SIZE_T Done = 0;
    while (Done < NumberOfBytes) {
        SIZE_T InPage = PAGE_SIZE - (SIZE_T)(At & (PAGE_SIZE - 1));
        SIZE_T Bytes = NumberOfBytes - Done < InPage ? NumberOfBytes - Done : InPage;
        bool Copied = Physical ? MiCopyPhysical(Target + Done, At, Bytes)
                               : MiCopyVirtual(Target + Done, (const uint8_t *)(uintptr_t)At,
                                               Bytes);
        if (!Copied) {
            *NumberOfBytesTransferred = Done;
            return STATUS_ACCESS_VIOLATION;
        }
        Done += Bytes;
        At += Bytes;
    }
    *NumberOfBytesTransferred = Done;
    return STATUS_SUCCESS;
}
