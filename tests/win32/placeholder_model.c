/*
 * placeholder_model.c - the placeholder API model described in
 * placeholder_model.h.
 */
#include "placeholder_model.h"

/* Whatever the build defines, the Win32 names here are the real functions. */
#undef VirtualFree
#undef VirtualProtect
#undef VirtualQuery
#undef GetProcAddress

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/host/win32_placeholders.h"

#define PAGE 4096u

typedef enum { KindFree, KindPlaceholder, KindView } KIND;

typedef struct {
    uintptr_t Start, End;
    KIND Kind;
    uint64_t Offset; /* views: section offset of Start */
    DWORD *Protect;  /* views: per page */
} ENTRY;

/* Allocations in address order, tiling each arena (a real PAGE_NOACCESS
 * reservation standing for one VirtualAlloc2 placeholder reservation). */
static ENTRY *Entries;
static size_t Count, Capacity;
static struct {
    uintptr_t Start, End;
} Arenas[16];
static size_t ArenaCount;
static uint64_t SectionBytes = UINT64_MAX;
static unsigned Violations;

void ModelSetSectionBytes(uint64_t Bytes)
{
    SectionBytes = Bytes;
}

unsigned ModelViolations(void)
{
    return Violations;
}

static BOOL Refuse(const char *Call, const void *Address, uint64_t Size, const char *Why)
{
    Violations++;
    fprintf(stderr, "placeholder model: %s(%p, 0x%llx) refused: %s\n", Call, Address,
            (unsigned long long)Size, Why);
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

static bool InArena(uintptr_t Address)
{
    for (size_t i = 0; i < ArenaCount; i++) {
        if (Address >= Arenas[i].Start && Address < Arenas[i].End) {
            return true;
        }
    }
    return false;
}

/* Index of the entry holding Address, or Count. */
static size_t Find(uintptr_t Address)
{
    size_t Lo = 0, Hi = Count;
    while (Lo < Hi) {
        size_t Mid = (Lo + Hi) / 2;
        if (Entries[Mid].End <= Address) {
            Lo = Mid + 1;
        } else {
            Hi = Mid;
        }
    }
    return Lo < Count && Entries[Lo].Start <= Address ? Lo : Count;
}

static void InsertAt(size_t Index, ENTRY Entry)
{
    if (Count == Capacity) {
        Capacity = Capacity ? Capacity * 2 : 256;
        Entries = (ENTRY *)realloc(Entries, Capacity * sizeof(ENTRY));
        if (Entries == NULL) {
            abort();
        }
    }
    memmove(&Entries[Index + 1], &Entries[Index], (Count - Index) * sizeof(ENTRY));
    Entries[Index] = Entry;
    Count++;
}

static void RemoveAt(size_t Index)
{
    free(Entries[Index].Protect);
    memmove(&Entries[Index], &Entries[Index + 1], (Count - Index - 1) * sizeof(ENTRY));
    Count--;
}

PVOID WINAPI ModelVirtualAlloc2(HANDLE Process, PVOID BaseAddress, SIZE_T Size,
                                ULONG AllocationType, ULONG PageProtection,
                                void *ExtendedParameters, ULONG ParameterCount)
{
    (void)Process;
    if (BaseAddress != NULL || AllocationType != (MEM_RESERVE | MEM_RESERVE_PLACEHOLDER) ||
        PageProtection != PAGE_NOACCESS || Size == 0 || Size % PAGE != 0 ||
        ExtendedParameters != NULL || ParameterCount != 0 || ArenaCount == 16) {
        Refuse("VirtualAlloc2", BaseAddress, Size, "not a placeholder reservation");
        return NULL;
    }
    void *Real = VirtualAlloc(NULL, Size, MEM_RESERVE, PAGE_NOACCESS);
    if (Real == NULL) {
        return NULL;
    }
    uintptr_t Start = (uintptr_t)Real;
    Arenas[ArenaCount].Start = Start;
    Arenas[ArenaCount].End = Start + Size;
    ArenaCount++;
    ENTRY Entry = {Start, Start + Size, KindPlaceholder, 0, NULL};
    size_t Slot = 0;
    while (Slot < Count && Entries[Slot].Start < Start) {
        Slot++;
    }
    InsertAt(Slot, Entry);
    return Real;
}

BOOL WINAPI ModelVirtualFree(LPVOID Address, SIZE_T Size, DWORD FreeType)
{
    uintptr_t Start = (uintptr_t)Address;
    if (!InArena(Start)) {
        return VirtualFree(Address, Size, FreeType);
    }
    size_t i = Find(Start);
    if (i == Count || Entries[i].Start != Start) {
        return Refuse("VirtualFree", Address, Size, "not the base of an allocation");
    }
    ENTRY *E = &Entries[i];
    if (FreeType == (MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER)) {
        if (E->Kind != KindPlaceholder) {
            return Refuse("VirtualFree", Address, Size, "split of something not a placeholder");
        }
        if (Size == 0 || Size % PAGE != 0 || Size >= E->End - E->Start) {
            return Refuse("VirtualFree", Address, Size, "split size not inside the placeholder");
        }
        ENTRY Tail = {Start + Size, E->End, KindPlaceholder, 0, NULL};
        E->End = Start + Size;
        InsertAt(i + 1, Tail);
        return TRUE;
    }
    if (FreeType == (MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS)) {
        if (E->Kind != KindPlaceholder || i + 1 >= Count ||
            Entries[i + 1].Kind != KindPlaceholder || Entries[i + 1].Start != E->End ||
            Entries[i + 1].End != Start + Size) {
            return Refuse("VirtualFree", Address, Size,
                          "coalesce range is not exactly two adjacent placeholders");
        }
        E->End = Entries[i + 1].End;
        RemoveAt(i + 1);
        return TRUE;
    }
    if (FreeType == MEM_RELEASE && Size == 0) {
        if (E->Kind != KindPlaceholder) {
            return Refuse("VirtualFree", Address, Size, "release of something not a placeholder");
        }
        E->Kind = KindFree;
        return TRUE;
    }
    return Refuse("VirtualFree", Address, Size, "flags or size not allowed on placeholders");
}

PVOID WINAPI ModelMapViewOfFile3(HANDLE FileMapping, HANDLE Process, PVOID BaseAddress,
                                 ULONG64 Offset, SIZE_T ViewSize, ULONG AllocationType,
                                 ULONG PageProtection, void *ExtendedParameters,
                                 ULONG ParameterCount)
{
    (void)Process;
    uintptr_t Start = (uintptr_t)BaseAddress;
    size_t i = InArena(Start) ? Find(Start) : Count;
    if (FileMapping == NULL || i == Count || AllocationType != MEM_REPLACE_PLACEHOLDER ||
        ExtendedParameters != NULL || ParameterCount != 0) {
        Refuse("MapViewOfFile3", BaseAddress, ViewSize, "not a placeholder replacement");
        return NULL;
    }
    ENTRY *E = &Entries[i];
    if (E->Kind != KindPlaceholder || E->Start != Start || E->End != Start + ViewSize) {
        Refuse("MapViewOfFile3", BaseAddress, ViewSize,
               "base and size do not match one placeholder exactly");
        return NULL;
    }
    if (Offset % PAGE != 0 || Offset + ViewSize > SectionBytes ||
        (PageProtection != PAGE_READONLY && PageProtection != PAGE_READWRITE)) {
        Refuse("MapViewOfFile3", BaseAddress, ViewSize, "offset or protection");
        return NULL;
    }
    size_t Pages = ViewSize / PAGE;
    E->Protect = (DWORD *)malloc(Pages * sizeof(DWORD));
    if (E->Protect == NULL) {
        abort();
    }
    for (size_t p = 0; p < Pages; p++) {
        E->Protect[p] = PageProtection;
    }
    E->Kind = KindView;
    E->Offset = Offset;
    return BaseAddress;
}

BOOL WINAPI ModelUnmapViewOfFile2(HANDLE Process, PVOID BaseAddress, ULONG UnmapFlags)
{
    (void)Process;
    uintptr_t Start = (uintptr_t)BaseAddress;
    size_t i = InArena(Start) ? Find(Start) : Count;
    if (i == Count || Entries[i].Kind != KindView || Entries[i].Start != Start) {
        return Refuse("UnmapViewOfFile2", BaseAddress, 0, "not the base of a view");
    }
    if (UnmapFlags != 0 && UnmapFlags != MEM_PRESERVE_PLACEHOLDER) {
        return Refuse("UnmapViewOfFile2", BaseAddress, 0, "flags");
    }
    free(Entries[i].Protect);
    Entries[i].Protect = NULL;
    Entries[i].Kind = UnmapFlags == MEM_PRESERVE_PLACEHOLDER ? KindPlaceholder : KindFree;
    return TRUE;
}

BOOL WINAPI ModelVirtualProtect(LPVOID Address, SIZE_T Size, DWORD NewProtect, PDWORD OldProtect)
{
    uintptr_t Start = (uintptr_t)Address;
    if (!InArena(Start)) {
        return VirtualProtect(Address, Size, NewProtect, OldProtect);
    }
    size_t i = Find(Start);
    if (i == Count || Entries[i].Kind != KindView || Start % PAGE != 0 || Size == 0 ||
        Size % PAGE != 0 || Start + Size > Entries[i].End) {
        return Refuse("VirtualProtect", Address, Size, "not inside one view");
    }
    size_t First = (Start - Entries[i].Start) / PAGE;
    *OldProtect = Entries[i].Protect[First];
    for (size_t p = First; p < First + Size / PAGE; p++) {
        Entries[i].Protect[p] = NewProtect;
    }
    return TRUE;
}

SIZE_T WINAPI ModelVirtualQuery(LPCVOID Address, PMEMORY_BASIC_INFORMATION Info, SIZE_T Length)
{
    uintptr_t At = (uintptr_t)Address & ~(uintptr_t)(PAGE - 1);
    if (!InArena(At) || Length < sizeof(*Info)) {
        return VirtualQuery(Address, Info, Length);
    }
    size_t i = Find(At);
    if (i == Count) {
        abort(); /* arenas are tiled */
    }
    const ENTRY *E = &Entries[i];
    memset(Info, 0, sizeof(*Info));
    Info->BaseAddress = (PVOID)At;
    Info->RegionSize = E->End - At;
    if (E->Kind == KindFree) {
        Info->State = MEM_FREE;
        Info->Protect = PAGE_NOACCESS;
        return sizeof(*Info);
    }
    Info->AllocationBase = (PVOID)E->Start;
    if (E->Kind == KindPlaceholder) {
        Info->AllocationProtect = PAGE_NOACCESS;
        Info->State = MEM_RESERVE;
        Info->Type = MEM_PRIVATE;
        return sizeof(*Info);
    }
    size_t Page = (At - E->Start) / PAGE;
    size_t End = Page + 1;
    while (E->Start + End * PAGE < E->End && E->Protect[End] == E->Protect[Page]) {
        End++;
    }
    Info->AllocationProtect = E->Protect[0];
    Info->RegionSize = (End - Page) * PAGE;
    Info->State = MEM_COMMIT;
    Info->Type = MEM_MAPPED;
    Info->Protect = E->Protect[Page];
    return sizeof(*Info);
}

FARPROC WINAPI ModelGetProcAddress(HMODULE Module, LPCSTR Name)
{
    if (strcmp(Name, "VirtualAlloc2") == 0) {
        return (FARPROC)(void (*)(void))ModelVirtualAlloc2;
    }
    if (strcmp(Name, "MapViewOfFile3") == 0) {
        return (FARPROC)(void (*)(void))ModelMapViewOfFile3;
    }
    if (strcmp(Name, "UnmapViewOfFile2") == 0) {
        return (FARPROC)(void (*)(void))ModelUnmapViewOfFile2;
    }
    return GetProcAddress(Module, Name);
}

bool ModelCoalesced(const void *Base, uint64_t Bytes)
{
    uintptr_t Start = (uintptr_t)Base, End = Start + Bytes;
    size_t i = Find(Start);
    if (i == Count || Entries[i].Start != Start) {
        return false;
    }
    for (uintptr_t At = Start; At < End; i++) {
        if (i == Count || Entries[i].Start != At || Entries[i].Kind == KindFree ||
            Entries[i].End > End) {
            return false;
        }
        if (i > 0 && Entries[i].Start > Start && Entries[i].Kind == KindPlaceholder &&
            Entries[i - 1].Kind == KindPlaceholder) {
            return false;
        }
        At = Entries[i].End;
    }
    return true;
}

unsigned ModelAllocations(const void *Base, uint64_t Bytes)
{
    uintptr_t Start = (uintptr_t)Base, End = Start + Bytes;
    unsigned Allocations = 0;
    for (size_t i = 0; i < Count; i++) {
        Allocations += Entries[i].Start < End && Entries[i].End > Start &&
                       Entries[i].Kind != KindFree;
    }
    return Allocations;
}

void ModelDescribe(const void *Base, uint64_t Bytes, char *Text, size_t Size)
{
    uintptr_t Start = (uintptr_t)Base, End = Start + Bytes;
    size_t Used = 0;
    Text[0] = '\0';
    for (size_t i = 0; i < Count && Used + 64 < Size; i++) {
        const ENTRY *E = &Entries[i];
        if (E->End <= Start || E->Start >= End) {
            continue;
        }
        Used += (size_t)snprintf(Text + Used, Size - Used, "[%llu,%llu)%c ",
                                 (unsigned long long)((E->Start - Start) / PAGE),
                                 (unsigned long long)((E->End - Start) / PAGE),
                                 E->Kind == KindView ? 'V' : E->Kind == KindPlaceholder ? 'P' : 'F');
    }
}
