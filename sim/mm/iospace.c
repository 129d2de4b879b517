/*
 * iospace.c - device memory: MmMapIoSpace, MmMapIoSpaceEx, MmUnmapIoSpace,
 * MmIsIoSpaceActive over the simulated device ranges of SIM_CONFIG
 * (DeviceRanges, MMSIM_DEVICE_RANGES).
 *
 * Facts (Microsoft's MmMapIoSpace, MmMapIoSpaceEx and MmUnmapIoSpace pages,
 * bug checks 0xC4, 0x1A and 0xDA): the routines map a physical range into
 * non-paged system space, at IRQL <= DISPATCH_LEVEL, returning NULL when
 * system PTEs run out (and, under Driver Verifier, at random);
 * MmUnmapIoSpace takes the address and the size the map returned and used.
 * Mapping RAM pages that the caller has not locked is 0xC4/0x83 under
 * Verifier (physical start, bytes, first such PFN) and 0x1A/0x1233 (the PFN)
 * otherwise.
 *
 * mmsim's choices (docs/device-memory.md): a device range is backed by host
 * memory of its own (sim/host/, zero when the machine starts) mapped where
 * the system PTEs say, so two mappings of a device page alias; its PTEs name
 * the device's PFNs (MmGetPhysicalAddress gives the device address back) and
 * there are no PFN entries. RAM may be mapped when every page is in use
 * (allocated for an MDL, pool, contiguous memory, or locked) - "locked" in
 * 0x83's sense; the cache type is not compared with other mappings. A range
 * that is neither inside one device range nor all RAM: NULL. Unmapping an
 * address no map returned is 0xDA/0x03 (record or 0, expected address or 0,
 * the address), unmapping with a size of another page count 0xDA/0x02
 * (record, pages mapped, pages given) - SYSTEM_PTE_MISUSE as with PTE
 * tracking on. A mapping left at unload is reported (SimDriverUnload); Windows
 * documents no bug check for it.
 */
#include <stdlib.h>

#include "mi_mm.h"
#include "../host/host.h"

typedef struct _MI_IOSPACE {
    uint64_t FirstPage;     /* system PTE page */
    uint64_t Pages;
    PFN_NUMBER FirstPfn;
    ULONG ByteOffset;
    bool Ram;
    bool Writable;
    MEMORY_CACHING_TYPE CacheType;
    ULONG_PTR Caller;
    ULONG Device;           /* index in MiConfig.DeviceRanges (device memory) */
} MI_IOSPACE;

static MI_RANGE_TABLE MiIoTable;
static uint64_t MiDeviceOffset[SIM_MAX_DEVICE_RANGES]; /* in the host device object */

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
static bool MiRangesOverlap(uint64_t Base1, uint64_t Bytes1, uint64_t Base2, uint64_t Bytes2)
{
    return Base1 < Base2 + Bytes2 && Base2 < Base1 + Bytes1;
}

static NTSTATUS MiRefuseDevice(ULONG i, const SIM_DEVICE_RANGE *Range, const char *Why)
{
    char Text[384];
    snprintf(Text, sizeof(Text),
             "mmsim: SIM_CONFIG.DeviceRanges[%lu] (\"%.15s\" at 0x%llx, 0x%llx bytes) is not "
             "valid: %s\n",
             (unsigned long)i, Range->Name, (unsigned long long)Range->PhysicalBase,
             (unsigned long long)Range->Length, Why);
    MiWriteStderr(Text);
    return STATUS_INVALID_PARAMETER;
}

static NTSTATUS MiIoSpaceInit(const SIM_CONFIG *Config)
{
    memset(&MiIoTable, 0, sizeof(MiIoTable));
    if (Config->DeviceRangeCount > SIM_MAX_DEVICE_RANGES) {
        char Text[160];
        snprintf(Text, sizeof(Text),
                 "mmsim: SIM_CONFIG.DeviceRangeCount = %lu is not valid: expected 0 to %d\n",
                 (unsigned long)Config->DeviceRangeCount, SIM_MAX_DEVICE_RANGES);
        MiWriteStderr(Text);
        return STATUS_INVALID_PARAMETER;
    }
    uint64_t Total = 0;
    for (ULONG i = 0; i < Config->DeviceRangeCount; i++) {
        const SIM_DEVICE_RANGE *Range = &Config->DeviceRanges[i];
        if (Range->PhysicalBase == 0 || Range->Length == 0 ||
            ((Range->PhysicalBase | Range->Length) & (PAGE_SIZE - 1)) != 0 ||
            Range->Length > (1ull << 30) || Range->PhysicalBase >= (1ull << 52) ||
            Range->Length > (1ull << 52) - Range->PhysicalBase) {
            return MiRefuseDevice(i, Range,
                                  "expected a page-aligned base above 0 and a length of whole "
                                  "pages, 4096 bytes to 1 GiB, ending at or below 2^52");
        }
        for (ULONG r = 0; r < Config->RangeCount; r++) {
            if (MiRangesOverlap(Range->PhysicalBase, Range->Length,
                                Config->Ranges[r].BasePage * PAGE_SIZE,
                                Config->Ranges[r].PageCount * PAGE_SIZE)) {
                return MiRefuseDevice(i, Range, "it overlaps RAM (device memory lies outside RAM)");
            }
        }
        for (ULONG j = 0; j < i; j++) {
            if (MiRangesOverlap(Range->PhysicalBase, Range->Length,
                                Config->DeviceRanges[j].PhysicalBase,
                                Config->DeviceRanges[j].Length)) {
                return MiRefuseDevice(i, Range, "it overlaps another device range");
            }
        }
        MiDeviceOffset[i] = Total;
        Total += Range->Length;
    }
    if (Total != 0) {
        char Why[256];
        if (!HostDeviceCreate(Total, Why, sizeof(Why))) {
            char Text[320];
            snprintf(Text, sizeof(Text), "mmsim: %s\n", Why);
            MiWriteStderr(Text);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    return STATUS_SUCCESS;
}

static void MiIoSpaceTeardown(void)
{
    /* System space goes after this (subsystems end in reverse order) and
     * takes the host mappings with it. */
    MiRangeFreeAll(&MiIoTable, true);
    HostDeviceDestroy();
}

static bool MiIoSpaceIsClean(char *Report, size_t Size)
{
    MiLock();
    uint64_t Count = MiIoTable.Count;
    for (MI_RANGE *Range = MiRangeFirst(&MiIoTable); Range != NULL;
         Range = MiRangeNext(&MiIoTable, Range)) {
        const MI_IOSPACE *Map = (const MI_IOSPACE *)Range->Data;
        size_t Used = Report != NULL ? strlen(Report) : 0;
        if (Report != NULL && Used + 1 < Size) {
            snprintf(Report + Used, Size - Used,
                     "MmMapIoSpace mapping left: %p, %llu page(s) of physical 0x%llx (%s%.15s), "
                     "mapped by %p\n",
                     (void *)(MiPageToVa(Map->FirstPage) + Map->ByteOffset),
                     (unsigned long long)Map->Pages,
                     (unsigned long long)Map->FirstPfn * PAGE_SIZE + Map->ByteOffset,
                     Map->Ram ? "RAM" : "device ",
                     Map->Ram ? "" : MiConfig.DeviceRanges[Map->Device].Name,
                     (void *)Map->Caller);
        }
    }
    MiUnlock();
    return Count == 0;
}

const MI_SUBSYSTEM MiIoSpaceSubsystem = {"iospace", MiIoSpaceInit, MiIoSpaceTeardown,
                                         MiIoSpaceIsClean};

/* ---------------------------------------------------------------------- */
/* Queries for the layers above (unload check, invariants).               */
/* ---------------------------------------------------------------------- */
uint64_t MiIoSpaceMappings(void);
uint64_t MiIoSpaceMappings(void)
{
    MiLock();
    uint64_t Count = MiIoTable.Count;
    MiUnlock();
    return Count;
}

/* true if Page of system space is a device-memory mapping (PTEs naming no
 * RAM). Caller holds MiLock. */
bool MiIsIoSpaceDevicePage(uint64_t Page);
bool MiIsIoSpaceDevicePage(uint64_t Page)
{
    MI_RANGE *Range = MiRangeFind(&MiIoTable, Page);
    return Range != NULL && !((const MI_IOSPACE *)Range->Data)->Ram;
}

/* ---------------------------------------------------------------------- */
/* The DDIs.                                                              */
/* ---------------------------------------------------------------------- */
/* The device range holding [Pfn, Pfn + Pages), or -1. */
static int MiDeviceOf(PFN_NUMBER Pfn, uint64_t Pages)
{
    for (ULONG i = 0; i < MiConfig.DeviceRangeCount; i++) {
        const SIM_DEVICE_RANGE *Range = &MiConfig.DeviceRanges[i];
        uint64_t First = Range->PhysicalBase / PAGE_SIZE;
        uint64_t Count = Range->Length / PAGE_SIZE;
        if (Pfn >= First && Pfn - First < Count && Pages <= Count - (Pfn - First)) {
            return (int)i;
        }
    }
    return -1;
}

static PVOID MiMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes,
                          MEMORY_CACHING_TYPE CacheType, bool Writable, ULONG_PTR Caller)
{
    if (NumberOfBytes == 0 || PhysicalAddress.QuadPart < 0 ||
        (ULONGLONG)PhysicalAddress.QuadPart >= (1ull << 52) ||
        NumberOfBytes > (1ull << 52) - (ULONGLONG)PhysicalAddress.QuadPart) {
        return NULL;
    }
    if (MiInjectFaultAt(SimFaultMapIoSpace, 0, Caller) != MiInjectNone) {
        return NULL;
    }
    ULONGLONG Physical = (ULONGLONG)PhysicalAddress.QuadPart;
    PFN_NUMBER FirstPfn = (PFN_NUMBER)(Physical >> PAGE_SHIFT);
    ULONG ByteOffset = (ULONG)(Physical & (PAGE_SIZE - 1));
    uint64_t Pages = (ByteOffset + (uint64_t)NumberOfBytes + PAGE_SIZE - 1) / PAGE_SIZE;
    if (Pages > MiSpace.SystemPtes.Pages) {
        return NULL;
    }
    MI_IOSPACE *Map = (MI_IOSPACE *)calloc(1, sizeof(MI_IOSPACE));
    MI_INDEX *Indices = NULL;
    if (Map == NULL) {
        return NULL;
    }
    int Device = MiDeviceOf(FirstPfn, Pages);
    MiLock();
    if (Device < 0) {
        /* RAM: every page must be RAM and held by its owner. */
        Indices = (MI_INDEX *)malloc(Pages * sizeof(MI_INDEX));
        if (Indices == NULL) {
            MiUnlock();
            free(Map);
            return NULL;
        }
        for (uint64_t k = 0; k < Pages; k++) {
            if (!MiPfnToIndex(FirstPfn + k, &Indices[k])) {
                MiUnlock(); /* neither RAM nor a device: nothing to map */
                free(Indices);
                free(Map);
                return NULL;
            }
        }
        for (uint64_t k = 0; k < Pages; k++) {
            if (MiIsFreeState(MiPfnEntry(Indices[k])->State)) {
                MiUnlock();
                free(Indices);
                free(Map);
                if (MiConfig.Strict) {
                    KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x83, (ULONG_PTR)Physical,
                                 (ULONG_PTR)NumberOfBytes, (ULONG_PTR)(FirstPfn + k));
                }
                KeBugCheckEx(MEMORY_MANAGEMENT, 0x1233, (ULONG_PTR)(FirstPfn + k), 0, 0);
            }
        }
    }
    uint64_t Page = MiVaAllocate(&MiSpace.SystemPtes, Pages);
    bool Mapped = false;
    if (Page != UINT64_MAX) {
        Mapped = Device >= 0
                     ? MiMapDevicePages(Page, FirstPfn,
                                        MiDeviceOffset[Device] +
                                            (FirstPfn * PAGE_SIZE -
                                             MiConfig.DeviceRanges[Device].PhysicalBase),
                                        Pages, Writable, CacheType)
                     : MiMapPages(Page, Indices, Pages, Writable, CacheType);
        if (Mapped && !MiRangeInsert(&MiIoTable, Page, Pages, Map)) {
            if (Device >= 0) {
                MiUnmapDevicePages(Page, Pages);
            } else {
                MiUnmapPages(Page, Pages);
            }
            Mapped = false;
        }
        if (!Mapped) {
            MiVaFree(&MiSpace.SystemPtes, Page, Pages);
        }
    }
    if (Mapped) {
        Map->FirstPage = Page;
        Map->Pages = Pages;
        Map->FirstPfn = FirstPfn;
        Map->ByteOffset = ByteOffset;
        Map->Ram = Device < 0;
        Map->Writable = Writable;
        Map->CacheType = CacheType;
        Map->Caller = Caller;
        Map->Device = Device < 0 ? 0 : (ULONG)Device;
    }
    MiUnlock();
    free(Indices);
    if (!Mapped) {
        free(Map);
        return NULL;
    }
    return MiPageToVa(Page) + ByteOffset;
}

PVOID NTAPI MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes,
                         MEMORY_CACHING_TYPE CacheEnable)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmMapIoSpace, (ULONG_PTR)PhysicalAddress.QuadPart, NumberOfBytes);
    if ((unsigned)CacheEnable >= (unsigned)MmMaximumCacheType) {
        return NULL;
    }
    return MiMapIoSpace(PhysicalAddress, NumberOfBytes, CacheEnable, true, Caller);
}

PVOID NTAPI MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, ULONG Protect)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_MmMapIoSpaceEx, (ULONG_PTR)PhysicalAddress.QuadPart, NumberOfBytes);
    ULONG Cache = Protect & (PAGE_NOCACHE | PAGE_WRITECOMBINE);
    ULONG Access = Protect & ~(ULONG)(PAGE_NOCACHE | PAGE_WRITECOMBINE);
    bool Writable;
    switch (Access) {
    case PAGE_READONLY:
    case PAGE_EXECUTE: /* x64: a present page is readable */
    case PAGE_EXECUTE_READ:
        Writable = false;
        break;
    case PAGE_READWRITE:
    case PAGE_EXECUTE_READWRITE:
        Writable = true;
        break;
    default:
        return NULL;
    }
    if (Cache == (PAGE_NOCACHE | PAGE_WRITECOMBINE)) {
        return NULL; /* one of the two, not both */
    }
    MEMORY_CACHING_TYPE CacheType = Cache == PAGE_NOCACHE        ? MmNonCached
                                    : Cache == PAGE_WRITECOMBINE ? MmWriteCombined
                                                                 : MmCached;
    return MiMapIoSpace(PhysicalAddress, NumberOfBytes, CacheType, Writable, Caller);
}

VOID NTAPI MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
    MiDdiEnter(MiDdi_MmUnmapIoSpace, (ULONG_PTR)BaseAddress, NumberOfBytes);
    MiLock();
    MI_RANGE *Range = MiIsSystemVa(BaseAddress) ? MiRangeFind(&MiIoTable, MiVaToPage(BaseAddress))
                                                : NULL;
    MI_IOSPACE *Map = Range != NULL ? (MI_IOSPACE *)Range->Data : NULL;
    uint8_t *Expected = Map != NULL ? MiPageToVa(Map->FirstPage) + Map->ByteOffset : NULL;
    if (Map == NULL || (uint8_t *)BaseAddress != Expected) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x03, (ULONG_PTR)Map, (ULONG_PTR)Expected,
                     (ULONG_PTR)BaseAddress);
    }
    uint64_t Given = ((uint64_t)Map->ByteOffset + NumberOfBytes + PAGE_SIZE - 1) / PAGE_SIZE;
    if (NumberOfBytes == 0 || Given != Map->Pages) {
        MiUnlock();
        KeBugCheckEx(SYSTEM_PTE_MISUSE, 0x02, (ULONG_PTR)Map, (ULONG_PTR)Map->Pages,
                     (ULONG_PTR)Given);
    }
    if (Map->Ram) {
        MiUnmapPages(Map->FirstPage, Map->Pages);
    } else {
        MiUnmapDevicePages(Map->FirstPage, Map->Pages);
    }
    MiVaFree(&MiSpace.SystemPtes, Map->FirstPage, Map->Pages);
    MiRangeRemove(&MiIoTable, Map->FirstPage);
    MiUnlock();
    free(Map);
}

LOGICAL NTAPI MmIsIoSpaceActive(PHYSICAL_ADDRESS StartAddress, SIZE_T NumberOfBytes)
{
    MiDdiEnter(MiDdi_MmIsIoSpaceActive, (ULONG_PTR)StartAddress.QuadPart, MI_CALLER_ADDRESS());
    if (StartAddress.QuadPart < 0 || NumberOfBytes == 0) {
        return FALSE;
    }
    uint64_t Start = (uint64_t)StartAddress.QuadPart;
    uint64_t Bytes = NumberOfBytes > UINT64_MAX - Start ? UINT64_MAX - Start : NumberOfBytes;
    LOGICAL Active = FALSE;
    MiLock();
    for (MI_RANGE *Range = MiRangeFirst(&MiIoTable); Range != NULL && !Active;
         Range = MiRangeNext(&MiIoTable, Range)) {
        const MI_IOSPACE *Map = (const MI_IOSPACE *)Range->Data;
        Active = MiRangesOverlap(Start, Bytes, (uint64_t)Map->FirstPfn * PAGE_SIZE,
                                 Map->Pages * PAGE_SIZE);
    }
    MiUnlock();
    return Active;
}
