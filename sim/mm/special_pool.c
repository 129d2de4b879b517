/*
 * special_pool.c - Driver Verifier's special pool (docs/special-pool.md).
 *
 * A selected block gets pages of its own in system PTE space, between two
 * guard PTEs that are never valid:
 *
 *     overrun (Verify End, default)       underrun (Verify Start)
 *     [guard][slack .. block][guard]      [guard][block .. slack][guard]
 *
 * The block ends at the end of its last page (rounded to the 16-byte
 * MEMORY_ALLOCATION_ALIGNMENT the pool DDIs promise) or starts at the start
 * of its first page. The slack is filled with a pattern, checked at free
 * (0xC1/0x23, 0x24, 0x32). A touch of a guard page faults at the faulting
 * instruction (0xD6). At free the data PTEs are made invalid and their pages
 * go back, but the VA stays allocated in the quarantine, oldest first out,
 * for as long as the budget of system PTEs allows, so a later touch is 0xD5.
 *
 * Records live outside the pages (host memory), in a range table keyed by
 * the run's pages, so the fault handler and the free find a block in
 * O(log n) whatever the driver wrote.
 */
#include <stdlib.h>
#include <string.h>

#include "mi_special.h"

#define MI_SPECIAL_ALIGN 16       /* MEMORY_ALLOCATION_ALIGNMENT (x64) */
#define MI_SPECIAL_PATTERN 0x5Cu  /* slack fill: mmsim's choice */
#define MI_SPECIAL_DEFAULT_BUDGET 16384

typedef struct _MI_SPECIAL_BLOCK {
    uint64_t FirstPage; /* the run: leading guard, data pages, trailing guard */
    uint64_t DataPages;
    uint64_t Va;        /* the block */
    uint64_t Size;      /* bytes requested */
    uint64_t Caller;
    uint32_t Tag;
    uint8_t Paged;
    uint8_t Live;
    uint8_t Underrun;
    struct _MI_SPECIAL_BLOCK *NextFreed; /* quarantine, oldest first */
} MI_SPECIAL_BLOCK;

typedef struct _MI_SPECIAL_POOL {
    bool Enabled;
    bool Underrun;
    char Patterns[16][5]; /* tag patterns, NUL-terminated */
    uint32_t PatternCount;
    uint64_t MinSize;
    uint64_t MaxSize;
    uint64_t Budget;
    MI_RANGE_TABLE Runs;   /* every live or quarantined run */
    MI_SPECIAL_BLOCK *OldestFreed;
    MI_SPECIAL_BLOCK *NewestFreed;
    uint64_t PtesInUse;
    uint64_t Live;
    uint64_t Quarantined;
    uint64_t Allocations;
    uint64_t Frees;
    uint64_t Fallbacks;
    uint64_t Recycled;
    /* The page of the last one-page block freed: the next one-page block
     * takes it back if it is still free, as a hot page (its host page and
     * the host's records of it are warm; next-fit would take a cold one). */
    PFN_NUMBER HotPfn;
} MI_SPECIAL_POOL;

static MI_SPECIAL_POOL MiSpecial;
_Atomic bool MiSpecialPoolOn;

/* ---------------------------------------------------------------------- */
/* Selection.                                                             */
/* ---------------------------------------------------------------------- */
/* Glob match of Pattern ('*', '?') against Text. */
static bool MiGlob(const char *Pattern, const char *Text)
{
    if (*Pattern == '\0') {
        return *Text == '\0';
    }
    if (*Pattern == '*') {
        for (const char *t = Text;; t++) {
            if (MiGlob(Pattern + 1, t)) {
                return true;
            }
            if (*t == '\0') {
                return false;
            }
        }
    }
    return *Text != '\0' && (*Pattern == '?' || *Pattern == *Text) && MiGlob(Pattern + 1, Text + 1);
}

/* A tag as the text a pattern matches: its four characters in memory order
 * ('kcaH' is "Hack"), trailing spaces and NULs dropped. */
static void MiTagText(ULONG Tag, char Text[5])
{
    for (int i = 0; i < 4; i++) {
        Text[i] = (char)(Tag >> (8 * i));
    }
    Text[4] = '\0';
    for (int i = 3; i >= 0 && (Text[i] == ' ' || Text[i] == '\0'); i--) {
        Text[i] = '\0';
    }
}

bool MiSpecialPoolSelects(bool Paged, SIZE_T Bytes, ULONG Tag)
{
    (void)Paged;
    if (!MiSpecial.Enabled) {
        return false;
    }
    if (MiSpecial.MaxSize != 0 && (Bytes < MiSpecial.MinSize || Bytes > MiSpecial.MaxSize)) {
        return false;
    }
    if (MiSpecial.PatternCount == 0) {
        return true;
    }
    char Text[5];
    MiTagText(Tag, Text);
    for (uint32_t i = 0; i < MiSpecial.PatternCount; i++) {
        if (MiGlob(MiSpecial.Patterns[i], Text)) {
            return true;
        }
    }
    return false;
}

/* ---------------------------------------------------------------------- */
/* Runs.                                                                  */
/* ---------------------------------------------------------------------- */
static uint64_t MiRunPages(const MI_SPECIAL_BLOCK *Block)
{
    return Block->DataPages + 2;
}

static uint64_t MiDataStart(const MI_SPECIAL_BLOCK *Block)
{
    return (uint64_t)(uintptr_t)MiPageToVa(Block->FirstPage + 1);
}

static uint64_t MiDataEnd(const MI_SPECIAL_BLOCK *Block)
{
    return MiDataStart(Block) + Block->DataPages * PAGE_SIZE;
}

/* Gives the oldest quarantined run's VA back to system PTE space. */
static void MiRecycleOldest(void)
{
    MI_SPECIAL_BLOCK *Block = MiSpecial.OldestFreed;
    MiSpecial.OldestFreed = Block->NextFreed;
    if (MiSpecial.OldestFreed == NULL) {
        MiSpecial.NewestFreed = NULL;
    }
    MiRangeRemove(&MiSpecial.Runs, Block->FirstPage);
    MiVaFree(&MiSpace.SystemPtes, Block->FirstPage, MiRunPages(Block));
    MiSpecial.PtesInUse -= MiRunPages(Block);
    MiSpecial.Quarantined--;
    MiSpecial.Recycled++;
    free(Block);
}

static void MiFillSlack(const MI_SPECIAL_BLOCK *Block)
{
    uint8_t *Start = (uint8_t *)(uintptr_t)MiDataStart(Block);
    uint8_t *Va = (uint8_t *)(uintptr_t)Block->Va;
    uint8_t *End = (uint8_t *)(uintptr_t)MiDataEnd(Block);
    memset(Start, MI_SPECIAL_PATTERN, (size_t)(Va - Start));
    memset(Va + Block->Size, MI_SPECIAL_PATTERN, (size_t)(End - (Va + Block->Size)));
}

/* A page of the pattern, to compare slack against with memcmp. */
static uint8_t MiPatternPage[PAGE_SIZE];

/* The first byte of [Start, End) that is not the pattern, or NULL. */
static const uint8_t *MiFirstChanged(const uint8_t *Start, const uint8_t *End)
{
    while (Start < End) {
        size_t Chunk = (size_t)(End - Start) < PAGE_SIZE ? (size_t)(End - Start) : PAGE_SIZE;
        if (memcmp(Start, MiPatternPage, Chunk) != 0) {
            for (const uint8_t *p = Start;; p++) {
                if (*p != MI_SPECIAL_PATTERN) {
                    return p;
                }
            }
        }
        Start += Chunk;
    }
    return NULL;
}

/* The first slack byte that lost the pattern, or 0. */
static uint64_t MiFirstCorrupted(const MI_SPECIAL_BLOCK *Block)
{
    const uint8_t *Va = (const uint8_t *)(uintptr_t)Block->Va;
    const uint8_t *Bad = MiFirstChanged((const uint8_t *)(uintptr_t)MiDataStart(Block), Va);
    if (Bad == NULL) {
        Bad = MiFirstChanged(Va + Block->Size, (const uint8_t *)(uintptr_t)MiDataEnd(Block));
    }
    return (uint64_t)(uintptr_t)Bad;
}

void *MiSpecialPoolAllocate(bool Paged, SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller, bool Zero,
                            MI_SPECIAL_MODE Mode)
{
    /* A size beyond the whole budget goes to normal pool before any
     * rounding, which would wrap for sizes near SIZE_MAX (found by fuzz_ddi). */
    if (Bytes == 0 || (uint64_t)Bytes > (uint64_t)MiSpecial.Budget * PAGE_SIZE) {
        MiSpecial.Fallbacks++;
        return NULL;
    }
    uint64_t Rounded = ((uint64_t)Bytes + MI_SPECIAL_ALIGN - 1) & ~(uint64_t)(MI_SPECIAL_ALIGN - 1);
    uint64_t DataPages = (Rounded + PAGE_SIZE - 1) / PAGE_SIZE;
    uint64_t RunPages = DataPages + 2;
    if (RunPages > MiSpecial.Budget) {
        MiSpecial.Fallbacks++;
        return NULL;
    }
    /* Room in the budget: the oldest quarantined runs go first. */
    while (MiSpecial.PtesInUse + RunPages > MiSpecial.Budget && MiSpecial.OldestFreed != NULL) {
        MiRecycleOldest();
    }
    MI_SPECIAL_BLOCK *Block = NULL;
    MI_INDEX Small[4];
    MI_INDEX *Indices = DataPages <= 4 ? Small : (MI_INDEX *)malloc(DataPages * sizeof(MI_INDEX));
    uint64_t First = UINT64_MAX;
    uint64_t Got = 0;
    if (MiSpecial.PtesInUse + RunPages > MiSpecial.Budget || Indices == NULL) {
        goto Fallback;
    }
    Block = (MI_SPECIAL_BLOCK *)calloc(1, sizeof(*Block));
    First = MiVaAllocate(&MiSpace.SystemPtes, RunPages);
    if (Block == NULL || First == UINT64_MAX) {
        goto Fallback;
    }
    /* No zeroing here: every byte of the data pages is written below. */
    MI_PAGE_STATE State = Paged ? MiPagePagedPool : MiPageNonPagedPool;
    if (DataPages == 1 && MiSpecial.HotPfn != 0) {
        Got = MiAllocatePhysical(1, MiSpecial.HotPfn, MiSpecial.HotPfn, State, false, Indices);
        MiSpecial.HotPfn = 0;
    }
    if (Got == 0) {
        Got = MiAllocatePhysical(DataPages, 0, ~(PFN_NUMBER)0, State, false, Indices);
    }
    if (Got < DataPages || !MiMapPages(First + 1, Indices, DataPages, true, MmCached) ||
        !MiRangeInsert(&MiSpecial.Runs, First, RunPages, Block)) {
        if (Got == DataPages && MiSpace.Pte[First + 1] != 0) {
            MiUnmapAndFreePages(First + 1, DataPages);
            Got = 0;
        }
        goto Fallback;
    }
    for (uint64_t k = 0; k < DataPages; k++) {
        MiPfnEntry(Indices[k])->Owner = Tag;
    }
    if (Indices != Small) {
        free(Indices);
    }
    bool Underrun = Mode == MiSpecialDefault ? MiSpecial.Underrun : Mode == MiSpecialUnderrun;
    Block->FirstPage = First;
    Block->DataPages = DataPages;
    Block->Size = Bytes;
    Block->Va = Underrun ? MiDataStart(Block) : MiDataEnd(Block) - Rounded;
    Block->Caller = Caller;
    Block->Tag = Tag;
    Block->Paged = Paged;
    Block->Live = 1;
    Block->Underrun = Underrun;
    MiFillSlack(Block);
    /* Uninitialised pool is not zero (0xA5, as normal pool in strict mode). */
    memset((void *)(uintptr_t)Block->Va, Zero ? 0 : (MiConfig.Strict ? 0xA5 : 0), Bytes);
    MiSpecial.PtesInUse += RunPages;
    MiSpecial.Live++;
    MiSpecial.Allocations++;
    return (void *)(uintptr_t)Block->Va;

Fallback:
    for (uint64_t k = 0; k < Got; k++) {
        MiFreePhysical(Indices[k]);
    }
    if (Indices != NULL && Indices != Small) {
        free(Indices);
    }
    if (First != UINT64_MAX) {
        MiVaFree(&MiSpace.SystemPtes, First, RunPages);
    }
    free(Block);
    MiSpecial.Fallbacks++;
    return NULL;
}

static MI_SPECIAL_BLOCK *MiSpecialFind(const void *Va)
{
    if (MiSpecial.Runs.Count == 0 || !MiIsSystemVa(Va)) {
        return NULL;
    }
    MI_RANGE *Range = MiRangeFind(&MiSpecial.Runs, MiVaToPage(Va));
    return Range != NULL ? (MI_SPECIAL_BLOCK *)Range->Data : NULL;
}

bool MiSpecialPoolOwns(const void *Va)
{
    return MiSpecialFind(Va) != NULL;
}

void MiSpecialPoolFree(void *P, ULONG Tag, bool CheckTag, bool *Paged, SIZE_T *Size,
                       ULONG *BlockTag)
{
    uint64_t Va = (uint64_t)(uintptr_t)P;
    MI_SPECIAL_BLOCK *Block = MiSpecialFind(P);
    MI_ASSERT(Block != NULL);
    if (!Block->Live) {
        /* Freed already (or an address in a freed run): the pool was not
         * allocated. Parameter 2 is reserved: mmsim gives the block's tag. */
        ULONG Owner = Block->Tag;
        MiUnlock();
        KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, (ULONG_PTR)P, Owner, 0, 0x20);
    }
    if (Va != Block->Va) {
        /* Not the block's address: 0x21 inside the block, 0x22 in its slack
         * or guards; P2 bytes requested, P3 the bytes a block at P would
         * have had to its end of data (0 from a guard). */
        uint64_t Requested = Block->Size;
        bool Inside = Va > Block->Va && Va < Block->Va + Block->Size;
        uint64_t Calculated = Va >= MiDataStart(Block) && Va < MiDataEnd(Block) ? MiDataEnd(Block) - Va : 0;
        MiUnlock();
        KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, (ULONG_PTR)P, (ULONG_PTR)Requested,
                     (ULONG_PTR)Calculated, Inside ? 0x21 : 0x22);
    }
    KIRQL Irql = MiCurrentIrql();
    if (Irql > (Block->Paged ? APC_LEVEL : DISPATCH_LEVEL)) {
        bool BlockPaged = Block->Paged != 0;
        MiUnlock();
        KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, Irql,
                     BlockPaged ? PagedPool : NonPagedPool, (ULONG_PTR)P, 0x31);
    }
    if (CheckTag && Tag != Block->Tag) {
        ULONG Owner = Block->Tag;
        MiUnlock();
        KeBugCheckEx(BAD_POOL_CALLER, 0x0A, (ULONG_PTR)P, Owner, Tag);
    }
    uint64_t Bad = MiFirstCorrupted(Block);
    if (Bad != 0) {
        /* 0x24 after the block's end, 0x32 a single-bit error elsewhere,
         * 0x23 any other change near it in its pages. */
        uint8_t Changed = (uint8_t)(*(const uint8_t *)(uintptr_t)Bad ^ MI_SPECIAL_PATTERN);
        ULONG_PTR Sub = Bad >= Block->Va + Block->Size ? 0x24
                        : (Changed & (Changed - 1)) == 0 ? 0x32
                                                          : 0x23;
        MiUnlock();
        KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, (ULONG_PTR)P, (ULONG_PTR)Bad, 0, Sub);
    }
    /* After its own checks, as the normal pool's free: a set timer, a queued
     * DPC, an active lookaside list or resource in the block (Verifier's
     * pool type parameter: -1 for special pool). */
    if (MiStopIfHoldsObjectsUnlocked(P, (SIZE_T)Block->Size, (ULONG_PTR)-1) && !Block->Live) {
        /* freed by another thread meanwhile (the quarantine keeps Block) */
        ULONG Owner = Block->Tag;
        MiUnlock();
        KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, (ULONG_PTR)P, Owner, 0, 0x20);
    }
    /* The data PTEs become invalid and the pages go back; the VA stays
     * allocated, in the quarantine. */
    if (Block->DataPages == 1) {
        MiSpecial.HotPfn = (PFN_NUMBER)MI_PTE_PFN(MiSpace.Pte[Block->FirstPage + 1]);
    }
    MiUnmapAndFreePages(Block->FirstPage + 1, Block->DataPages);
    Block->Live = 0;
    Block->NextFreed = NULL;
    if (MiSpecial.NewestFreed != NULL) {
        MiSpecial.NewestFreed->NextFreed = Block;
    } else {
        MiSpecial.OldestFreed = Block;
    }
    MiSpecial.NewestFreed = Block;
    MiSpecial.Live--;
    MiSpecial.Quarantined++;
    MiSpecial.Frees++;
    *Paged = Block->Paged != 0;
    *Size = (SIZE_T)Block->Size;
    *BlockTag = Block->Tag;
}

SIZE_T MiSpecialPoolBlockSize(const void *Va, ULONG *Tag)
{
    MI_SPECIAL_BLOCK *Block = MiSpecialFind(Va);
    if (Block == NULL || !Block->Live || Block->Va != (uint64_t)(uintptr_t)Va) {
        return 0;
    }
    if (Tag != NULL) {
        *Tag = Block->Tag;
    }
    return (SIZE_T)Block->Size;
}

ULONG MiSpecialPoolEnum(SIM_POOL_BLOCK_INFO *Blocks, ULONG Max, ULONG Count)
{
    for (MI_RANGE *Range = MiRangeFirst(&MiSpecial.Runs); Range != NULL;
         Range = MiRangeNext(&MiSpecial.Runs, Range)) {
        const MI_SPECIAL_BLOCK *Block = (const MI_SPECIAL_BLOCK *)Range->Data;
        if (!Block->Live) {
            continue;
        }
        if (Count < Max && Blocks != NULL) {
            memset(&Blocks[Count], 0, sizeof(Blocks[Count]));
            Blocks[Count].Va = (PVOID)(uintptr_t)Block->Va;
            Blocks[Count].Size = (SIZE_T)Block->Size;
            Blocks[Count].Tag = Block->Tag;
            Blocks[Count].Paged = Block->Paged;
            Blocks[Count].Caller = (PVOID)(uintptr_t)Block->Caller;
        }
        Count++;
    }
    return Count;
}

uint64_t MiSpecialPoolPtes(void)
{
    return MiSpecial.PtesInUse;
}

/* ---------------------------------------------------------------------- */
/* Faults.                                                                */
/* ---------------------------------------------------------------------- */
void MiSpecialPoolFault(void *Address, bool Write, void *CodeAddress)
{
    MiLock();
    MI_SPECIAL_BLOCK *Block = MiSpecialFind(Address);
    if (Block == NULL) {
        MiUnlock();
        return;
    }
    bool Live = Block->Live != 0;
    MiUnlock();
    /* The driver is named by the faulting instruction; without one (a fault
     * reported with no code address) the stop is the unnamed form. */
    bool Named = CodeAddress != NULL;
    ULONG Code = Live ? (Named ? DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION
                               : PAGE_FAULT_BEYOND_END_OF_ALLOCATION)
                      : (Named ? DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL
                               : PAGE_FAULT_IN_FREED_SPECIAL_POOL);
    KeBugCheckEx(Code, (ULONG_PTR)Address, Write ? 1 : 0, (ULONG_PTR)CodeAddress, 0);
}

/* ---------------------------------------------------------------------- */
/* Queries and checks.                                                    */
/* ---------------------------------------------------------------------- */
VOID SimQuerySpecialPool(SIM_SPECIAL_POOL_STATS *Stats)
{
    MiEnsureMachine();
    MiLock();
    memset(Stats, 0, sizeof(*Stats));
    Stats->Enabled = MiSpecial.Enabled ? TRUE : FALSE;
    Stats->Allocations = MiSpecial.Allocations;
    Stats->Frees = MiSpecial.Frees;
    Stats->Fallbacks = MiSpecial.Fallbacks;
    Stats->LiveBlocks = MiSpecial.Live;
    Stats->QuarantinedBlocks = MiSpecial.Quarantined;
    Stats->Recycled = MiSpecial.Recycled;
    Stats->PtesInUse = MiSpecial.PtesInUse;
    Stats->Budget = MiSpecial.Budget;
    MiUnlock();
}

BOOLEAN SimQuerySpecialPoolBlock(PVOID Va, SIM_SPECIAL_BLOCK_INFO *Info)
{
    MiEnsureMachine();
    memset(Info, 0, sizeof(*Info));
    MiLock();
    MI_SPECIAL_BLOCK *Block = MiSpecialFind(Va);
    if (Block == NULL) {
        MiUnlock();
        return FALSE;
    }
    uint64_t Page = MiVaToPage(Va);
    Info->State = Block->Live ? SimSpecialAllocated : SimSpecialFreed;
    Info->Block = (PVOID)(uintptr_t)Block->Va;
    Info->Size = (SIZE_T)Block->Size;
    Info->Tag = Block->Tag;
    Info->Paged = Block->Paged;
    Info->Underrun = Block->Underrun;
    Info->InGuard = Page == Block->FirstPage || Page == Block->FirstPage + Block->DataPages + 1;
    Info->Caller = (PVOID)(uintptr_t)Block->Caller;
    if (Block->Live) {
        uint64_t Bad = MiFirstCorrupted(Block);
        Info->SlackIntact = Bad == 0;
        Info->FirstCorrupted = (PVOID)(uintptr_t)Bad;
    }
    MiUnlock();
    return TRUE;
}

uint64_t MiCheckSpecialPool(char *Report, size_t Size)
{
    uint64_t Problems = 0;
    uint64_t Ptes = 0, Live = 0, Freed = 0;
    for (MI_RANGE *Range = MiRangeFirst(&MiSpecial.Runs); Range != NULL;
         Range = MiRangeNext(&MiSpecial.Runs, Range)) {
        const MI_SPECIAL_BLOCK *Block = (const MI_SPECIAL_BLOCK *)Range->Data;
        uint64_t Run = MiRunPages(Block);
        Ptes += Run;
        Live += Block->Live;
        Freed += !Block->Live;
        for (uint64_t k = 0; k < Run; k++) {
            uint64_t Page = Block->FirstPage + k;
            bool Data = k != 0 && k != Run - 1;
            bool Valid = (MiSpace.Pte[Page] & MI_PTE_VALID) != 0;
            bool Want = Data && Block->Live;
            if (Valid != Want || (!Want && MiSpace.Pte[Page] != 0)) {
                MiAppend(Report, Size, "special pool: %s page %llu of the run at page %llu is %s\n",
                         Data ? (Block->Live ? "data" : "freed data") : "guard",
                         (unsigned long long)k, (unsigned long long)Block->FirstPage,
                         Valid ? "valid" : "not valid");
                Problems++;
            }
            if (!MiVaIsAllocated(&MiSpace.SystemPtes, Page)) {
                MiAppend(Report, Size, "special pool: page %llu of a run is free VA\n",
                         (unsigned long long)Page);
                Problems++;
            }
        }
    }
    if (Ptes != MiSpecial.PtesInUse || Live != MiSpecial.Live || Freed != MiSpecial.Quarantined ||
        MiSpecial.PtesInUse > MiSpecial.Budget) {
        MiAppend(Report, Size,
                 "special pool: runs hold %llu PTEs (%llu live, %llu freed) but the counts say "
                 "%llu (%llu, %llu), budget %llu\n",
                 (unsigned long long)Ptes, (unsigned long long)Live, (unsigned long long)Freed,
                 (unsigned long long)MiSpecial.PtesInUse, (unsigned long long)MiSpecial.Live,
                 (unsigned long long)MiSpecial.Quarantined, (unsigned long long)MiSpecial.Budget);
        Problems++;
    }
    return Problems;
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
NTSTATUS MiSpecialPoolInit(const SIM_CONFIG *Config)
{
    memset(&MiSpecial, 0, sizeof(MiSpecial));
    memset(MiPatternPage, MI_SPECIAL_PATTERN, sizeof(MiPatternPage));
    const struct _SIM_SPECIAL_POOL_CONFIG *Sp = &Config->SpecialPool;
    MiSpecial.Enabled = Sp->Enabled != FALSE;
    atomic_store_explicit(&MiSpecialPoolOn, MiSpecial.Enabled, memory_order_relaxed);
    MiSpecial.Underrun = Sp->Underrun != FALSE;
    MiSpecial.MinSize = Sp->MinSize;
    MiSpecial.MaxSize = Sp->MaxSize;
    uint64_t Default = Config->SystemPtes / 2 < MI_SPECIAL_DEFAULT_BUDGET ? Config->SystemPtes / 2
                                                                         : MI_SPECIAL_DEFAULT_BUDGET;
    MiSpecial.Budget = Sp->Budget != 0 ? Sp->Budget : Default;
    /* The patterns were validated with the configuration (config.c). */
    const char *p = Sp->Tags;
    while (*p != '\0' && MiSpecial.PatternCount < 16) {
        size_t Length = strcspn(p, ";");
        if (Length > 0 && Length <= 4) {
            memcpy(MiSpecial.Patterns[MiSpecial.PatternCount], p, Length);
            MiSpecial.Patterns[MiSpecial.PatternCount++][Length] = '\0';
        }
        p += Length + (p[Length] == ';');
    }
    return STATUS_SUCCESS;
}

void MiSpecialPoolTeardown(void)
{
    MiRangeFreeAll(&MiSpecial.Runs, true);
    memset(&MiSpecial, 0, sizeof(MiSpecial));
    atomic_store_explicit(&MiSpecialPoolOn, false, memory_order_relaxed);
}
