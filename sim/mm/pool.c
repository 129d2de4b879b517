/*
 * pool.c - non-paged and paged pool carved from simulated pages inside system
 * space: ExAllocatePool2, ExAllocatePoolWithTag, ExFreePoolWithTag, ExFreePool.
 *
 * Blocks below a page come from per-size-class pages (16-byte granules, 16-byte
 * aligned, never crossing a page); a page or more is page aligned with whole
 * pages of its own. Every block's tag, size and caller are recorded outside the
 * pool pages, so a driver's overrun cannot corrupt the bookkeeping and a
 * double free or a wrong tag is always recognised. Rules and bug check
 * parameters: docs/ddi-contract.md 1.15, 3.4, 3.5.
 *
 * Pages go back (docs/pool.md): whole-page blocks return their pages to the
 * PFN free list when freed; a page of small blocks whose last block is freed
 * goes to a small per-pool cache of empty pages, or back to the PFN free list
 * when the cache is full. All of it is O(1) per call: each pool page has a
 * record (class, live blocks, a bitmap of free slots) and the pages of a
 * class with free slots are on a list.
 */
#include <stdlib.h>

#include "../config.h"
#include "mi_mm.h"
#include "../ke/mi_ke.h" /* kedisp: MiTimerInRange */

#include "mi_special.h" /* specialpool */
#include "../host/host.h"

#define MI_POOL_GRANULE 16
#define MI_POOL_SMALL_MAX (PAGE_SIZE - MI_POOL_GRANULE) /* 4080, as Windows */
#define MI_POOL_CLASSES (PAGE_SIZE / MI_POOL_GRANULE)

typedef struct _MI_POOL_BLOCK {
    uint64_t Va;
    uint64_t Size;     /* bytes requested */
    uint64_t Caller;
    uint32_t Tag;
    uint8_t Paged;
    uint8_t Live;
    uint16_t Class;    /* 0 = whole pages */
    uint64_t Pages;    /* whole-page blocks */
    uint64_t Sequence; /* allocation order, for reports */
    void *Stack[SIM_POOL_STACK_FRAMES]; /* allocating stack (MMSIM_POOL_STACKS=1) */
    uint32_t StackDepth;
    uint8_t ForMm;     /* Mm's own bookkeeping, not the driver's (no leak of its) */
} MI_POOL_BLOCK;

#define MI_POOL_SLOT_WORDS (PAGE_SIZE / MI_POOL_GRANULE / 64)
/* Empty pages of small blocks each pool keeps mapped for reuse: the depths
 * of the single-page free lists in front of Windows' (NT 5.x) pool page
 * allocator - 4 for non-paged, 8 for paged pool (docs/pool.md). */
#define MI_POOL_CACHE_MAX 8
static const uint32_t MiPoolCacheMax[2] = {4, 8}; /* [Paged] */

/* One page of a pool region. */
typedef struct _MI_POOL_PAGE {
    uint64_t FreeSlots[MI_POOL_SLOT_WORDS]; /* small blocks: bit set = slot free */
    uint64_t Next;    /* list of its class's pages with a free slot: index + 1, 0 = end */
    uint64_t Prev;
    uint32_t Records; /* block records (live or freed) whose address is in the page */
    uint16_t Layout;  /* the use those records had: a size class, 0 = whole pages */
    uint16_t Class;   /* size class of its small blocks; 0 = none */
    uint16_t Used;    /* live small blocks */
    uint16_t PerPage; /* slots: PAGE_SIZE / (Class * MI_POOL_GRANULE) */
    uint8_t CacheSlot; /* empty and in the pool's cache: position + 1 */
} MI_POOL_PAGE;

typedef struct _MI_POOL_CLASS {
    uint64_t Partial; /* first page with a free slot: index + 1, 0 = none */
} MI_POOL_CLASS;

typedef struct _MI_TAG_USAGE {
    uint32_t Tag;
    uint8_t Paged;
    uint64_t Allocs;
    uint64_t Frees;
    uint64_t Bytes;
} MI_TAG_USAGE;

typedef struct _MI_POOL {
    MI_POOL_BLOCK *Blocks;   /* records, never removed: a freed block stays
                              * known until its address is reused */
    uint64_t BlockCount;
    uint64_t BlockCapacity;
    uint64_t *Table;         /* open addressing: Va -> record index + 1 */
    uint64_t TableSize;      /* power of two */
    MI_POOL_CLASS Classes[2][MI_POOL_CLASSES];
    MI_POOL_PAGE *Pages[2];  /* [Paged][page - region's first page] */
    uint64_t Cache[2][MI_POOL_CACHE_MAX]; /* empty small-block pages kept mapped
                                           * (and carved for their last size) */
    uint32_t CacheCount[2];
    MI_TAG_USAGE *Tags;
    uint64_t TagCount;
    uint64_t TagCapacity;
    uint64_t Live;
    uint64_t Sequence;
    uint64_t PagesInUse[2];
} MI_POOL;

static MI_POOL MiPool;
static bool MiPoolStacks; /* capture allocating stacks (MMSIM_POOL_STACKS=1) */

/* ---------------------------------------------------------------------- */
/* Records.                                                               */
/* ---------------------------------------------------------------------- */
static uint64_t MiHash(uint64_t Va)
{
    Va ^= Va >> 33;
    Va *= 0xFF51AFD7ED558CCDull;
    Va ^= Va >> 33;
    return Va;
}

/* The table slot that holds Va's record, or UINT64_MAX. */
static uint64_t MiTableSlot(uint64_t Va)
{
    if (MiPool.TableSize == 0) {
        return UINT64_MAX;
    }
    uint64_t Mask = MiPool.TableSize - 1;
    for (uint64_t i = MiHash(Va) & Mask;; i = (i + 1) & Mask) {
        uint64_t Slot = MiPool.Table[i];
        if (Slot == 0) {
            return UINT64_MAX;
        }
        if (MiPool.Blocks[Slot - 1].Va == Va) {
            return i;
        }
    }
}

static MI_POOL_BLOCK *MiFindBlock(uint64_t Va)
{
    uint64_t i = MiTableSlot(Va);
    return i != UINT64_MAX ? &MiPool.Blocks[MiPool.Table[i] - 1] : NULL;
}

/* The record of pool page Page (a page number in the space). */
static MI_POOL_PAGE *MiPoolPage(bool Paged, uint64_t Page)
{
    const MI_VA_ALLOCATOR *Va = Paged ? &MiSpace.PagedPool : &MiSpace.NonPagedPool;
    return &MiPool.Pages[Paged][Page - Va->FirstPage];
}

/* Forgets the record at table slot i: the slot is emptied by shifting back
 * the entries after it (linear probing needs no tombstones), and the last
 * record moves into the hole in Blocks. */
static void MiDropRecord(uint64_t i)
{
    uint64_t Mask = MiPool.TableSize - 1;
    uint64_t Index = MiPool.Table[i] - 1;
    MiPool.Table[i] = 0;
    for (uint64_t j = (i + 1) & Mask; MiPool.Table[j] != 0; j = (j + 1) & Mask) {
        uint64_t Home = MiHash(MiPool.Blocks[MiPool.Table[j] - 1].Va) & Mask;
        /* The entry at j may fill the hole at i unless its home lies
         * cyclically in (i, j]. */
        bool Stays = i <= j ? (Home > i && Home <= j) : (Home > i || Home <= j);
        if (!Stays) {
            MiPool.Table[i] = MiPool.Table[j];
            MiPool.Table[j] = 0;
            i = j;
        }
    }
    uint64_t Last = --MiPool.BlockCount;
    if (Index != Last) {
        MiPool.Blocks[Index] = MiPool.Blocks[Last];
        MiPool.Table[MiTableSlot(MiPool.Blocks[Index].Va)] = Index + 1;
    }
}

/* Pages [Page, Page + Count) of a pool get a new use, small blocks of Class
 * or (0) one whole-page block: the records of blocks freed there under
 * another layout go (a freed block stays known, for 0xC2/0x07, only until its
 * page is reused; under the same layout a new block reuses its record). */
static void MiPoolForget(bool Paged, uint64_t Page, uint64_t Count, uint16_t Class)
{
    for (uint64_t p = Page; p < Page + Count; p++) {
        MI_POOL_PAGE *Pp = MiPoolPage(Paged, p);
        if (p == Page && Pp->Layout == Class) {
            continue;
        }
        uint64_t Base = (uint64_t)(uintptr_t)MiPageToVa(p);
        for (uint64_t Va = Base; Pp->Records != 0 && Va < Base + PAGE_SIZE;
             Va += MI_POOL_GRANULE) {
            uint64_t i = MiTableSlot(Va);
            if (i != UINT64_MAX) {
                MiDropRecord(i);
                Pp->Records--;
            }
        }
    }
    MiPoolPage(Paged, Page)->Layout = Class;
}

static bool MiGrowTable(void)
{
    uint64_t NewSize = MiPool.TableSize ? MiPool.TableSize * 2 : 1024;
    uint64_t *Table = (uint64_t *)calloc(NewSize, sizeof(uint64_t));
    if (Table == NULL) {
        return false;
    }
    for (uint64_t r = 0; r < MiPool.BlockCount; r++) {
        for (uint64_t i = MiHash(MiPool.Blocks[r].Va) & (NewSize - 1);; i = (i + 1) & (NewSize - 1)) {
            if (Table[i] == 0) {
                Table[i] = r + 1;
                break;
            }
        }
    }
    free(MiPool.Table);
    MiPool.Table = Table;
    MiPool.TableSize = NewSize;
    return true;
}

static MI_POOL_BLOCK *MiRecord(bool Paged, uint64_t Va)
{
    MI_POOL_BLOCK *Block = MiFindBlock(Va);
    if (Block != NULL) {
        return Block; /* an address reused after a free */
    }
    if (MiPool.BlockCount == MiPool.BlockCapacity) {
        uint64_t Capacity = MiPool.BlockCapacity ? MiPool.BlockCapacity * 2 : 1024;
        MI_POOL_BLOCK *Blocks =
            (MI_POOL_BLOCK *)realloc(MiPool.Blocks, Capacity * sizeof(MI_POOL_BLOCK));
        if (Blocks == NULL) {
            return NULL;
        }
        MiPool.Blocks = Blocks;
        MiPool.BlockCapacity = Capacity;
    }
    if ((MiPool.BlockCount + 1) * 2 > MiPool.TableSize && !MiGrowTable()) {
        return NULL;
    }
    uint64_t Index = MiPool.BlockCount++;
    MiPoolPage(Paged, MiVaToPage((void *)(uintptr_t)Va))->Records++;
    Block = &MiPool.Blocks[Index];
    memset(Block, 0, sizeof(*Block));
    Block->Va = Va;
    uint64_t Mask = MiPool.TableSize - 1;
    for (uint64_t i = MiHash(Va) & Mask;; i = (i + 1) & Mask) {
        if (MiPool.Table[i] == 0) {
            MiPool.Table[i] = Index + 1;
            break;
        }
    }
    return Block;
}

static MI_TAG_USAGE *MiTagUsage(uint32_t Tag, bool Paged)
{
    for (uint64_t i = 0; i < MiPool.TagCount; i++) {
        if (MiPool.Tags[i].Tag == Tag && MiPool.Tags[i].Paged == Paged) {
            return &MiPool.Tags[i];
        }
    }
    if (MiPool.TagCount == MiPool.TagCapacity) {
        uint64_t Capacity = MiPool.TagCapacity ? MiPool.TagCapacity * 2 : 64;
        MI_TAG_USAGE *Tags = (MI_TAG_USAGE *)realloc(MiPool.Tags, Capacity * sizeof(MI_TAG_USAGE));
        if (Tags == NULL) {
            return NULL;
        }
        MiPool.Tags = Tags;
        MiPool.TagCapacity = Capacity;
    }
    MI_TAG_USAGE *Usage = &MiPool.Tags[MiPool.TagCount++];
    memset(Usage, 0, sizeof(*Usage));
    Usage->Tag = Tag;
    Usage->Paged = Paged;
    return Usage;
}

/* ---------------------------------------------------------------------- */
/* Pages.                                                                 */
/* ---------------------------------------------------------------------- */
static MI_VA_ALLOCATOR *MiPoolVa(bool Paged)
{
    return Paged ? &MiSpace.PagedPool : &MiSpace.NonPagedPool;
}

static void MiPoolFreePages(bool Paged, uint64_t Page, uint64_t Count);

static void MiPoolUnlink(bool Paged, MI_POOL_CLASS *Pc, uint64_t Index);

/* Takes the empty page at Position out of the pool's cache and out of its
 * size class: it is no page of small blocks any more. Returns it. */
static uint64_t MiPoolUncache(bool Paged, uint32_t Position)
{
    uint64_t Page = MiPool.Cache[Paged][Position];
    uint32_t Last = --MiPool.CacheCount[Paged];
    if (Position != Last) {
        MiPool.Cache[Paged][Position] = MiPool.Cache[Paged][Last];
        MiPoolPage(Paged, MiPool.Cache[Paged][Position])->CacheSlot = (uint8_t)(Position + 1);
    }
    MI_POOL_PAGE *Pp = MiPoolPage(Paged, Page);
    MiPoolUnlink(Paged, &MiPool.Classes[Paged][Pp->Class], Page - MiPoolVa(Paged)->FirstPage);
    memset(Pp->FreeSlots, 0, sizeof(Pp->FreeSlots));
    Pp->Class = 0;
    Pp->PerPage = 0;
    Pp->CacheSlot = 0;
    return Page;
}

/* Gives the cached empty pages of a pool back to the PFN free list. */
static bool MiPoolFlushCache(bool Paged)
{
    bool Any = MiPool.CacheCount[Paged] != 0;
    while (MiPool.CacheCount[Paged] != 0) {
        MiPoolFreePages(Paged, MiPoolUncache(Paged, MiPool.CacheCount[Paged] - 1), 1);
    }
    return Any;
}

static uint64_t MiPoolNewPages(bool Paged, uint64_t Count, uint32_t Owner);

/* Count new pool pages, mapped, zero. Returns the first page or UINT64_MAX.
 * When VA or RAM runs short, the pool's cached empty pages go back first. */
static uint64_t MiPoolPages(bool Paged, uint64_t Count, uint32_t Owner)
{
    uint64_t Page = MiPoolNewPages(Paged, Count, Owner);
    if (Page == UINT64_MAX && MiPoolFlushCache(Paged)) {
        Page = MiPoolNewPages(Paged, Count, Owner);
    }
    if (Page != UINT64_MAX) {
        MiPoolForget(Paged, Page, Count, 0);
    }
    return Page;
}

static uint64_t MiPoolNewPages(bool Paged, uint64_t Count, uint32_t Owner)
{
    MI_VA_ALLOCATOR *Va = MiPoolVa(Paged);
    uint64_t Page = MiVaAllocate(Va, Count);
    if (Page == UINT64_MAX) {
        return UINT64_MAX;
    }
    MI_INDEX Small[16];
    MI_INDEX *Indices = Count <= 16 ? Small : (MI_INDEX *)malloc(Count * sizeof(MI_INDEX));
    if (Indices == NULL) {
        MiVaFree(Va, Page, Count);
        return UINT64_MAX;
    }
    MI_PAGE_STATE State = Paged ? MiPagePagedPool : MiPageNonPagedPool;
    uint64_t Got = MiAllocatePhysical(Count, 0, ~(PFN_NUMBER)0, State, true, Indices);
    if (Got < Count || !MiMapPages(Page, Indices, Count, true, MmCached)) {
        for (uint64_t k = 0; k < Got; k++) {
            MiFreePhysical(Indices[k]);
        }
        if (Indices != Small) {
            free(Indices);
        }
        MiVaFree(Va, Page, Count);
        return UINT64_MAX;
    }
    for (uint64_t k = 0; k < Count; k++) {
        MiPfnEntry(Indices[k])->Owner = Owner;
    }
    if (Indices != Small) {
        free(Indices);
    }
    MiPool.PagesInUse[Paged] += Count;
    return Page;
}

static void MiPoolFreePages(bool Paged, uint64_t Page, uint64_t Count)
{
    for (uint64_t k = 0; k < Count; k++) {
        uint64_t Pte = MiSpace.Pte[Page + k];
        MI_INDEX Index = MiPteIndex(Pte);
        MI_PFN *Entry = MiPfnEntry(Index);
        /* The pool's own PTE is one of the map count; another mapping is a
         * reserved mapping of an MDL built for this pool. */
        uint64_t OtherMaps = Entry->MapCount > 1 ? Entry->MapCount - 1 : 0;
        if (Entry->LockCount != 0 || OtherMaps != 0) {
            /* A page still locked for I/O, or still mapped elsewhere, is
             * being freed: as MmFreePagesFromMdl, 0x4E/0x9A (PFN, state,
             * lock count + other mappings). */
            KeBugCheckEx(PFN_LIST_CORRUPT, 0x9A, MiIndexToPfn(Index), Entry->State,
                         (ULONG_PTR)(Entry->LockCount + OtherMaps));
        }
    }
    /* One call for the whole unit: unmapping it page by page would cut it. */
    MiUnmapAndFreePages(Page, Count);
    MiVaFree(MiPoolVa(Paged), Page, Count);
    MiPool.PagesInUse[Paged] -= Count;
}

/* The class list of pages with a free slot (index = page record index). */
static void MiPoolLink(bool Paged, MI_POOL_CLASS *Pc, uint64_t Index)
{
    MI_POOL_PAGE *Pages = MiPool.Pages[Paged];
    MI_ASSERT(Pc->Partial != Index + 1); /* not linked twice */
    Pages[Index].Prev = 0;
    Pages[Index].Next = Pc->Partial;
    if (Pc->Partial != 0) {
        Pages[Pc->Partial - 1].Prev = Index + 1;
    }
    Pc->Partial = Index + 1;
}

static void MiPoolUnlink(bool Paged, MI_POOL_CLASS *Pc, uint64_t Index)
{
    MI_POOL_PAGE *Pages = MiPool.Pages[Paged];
    MI_POOL_PAGE *Pp = &Pages[Index];
    /* Both neighbours point back at this page (a broken link would splice
     * another page out of the list). */
    MI_ASSERT(Pp->Prev != 0 ? Pages[Pp->Prev - 1].Next == Index + 1 : Pc->Partial == Index + 1);
    MI_ASSERT(Pp->Next == 0 || Pages[Pp->Next - 1].Prev == Index + 1);
    if (Pp->Prev != 0) {
        Pages[Pp->Prev - 1].Next = Pp->Next;
    } else {
        Pc->Partial = Pp->Next;
    }
    if (Pp->Next != 0) {
        Pages[Pp->Next - 1].Prev = Pp->Prev;
    }
    Pp->Next = Pp->Prev = 0;
}

static bool MiPoolPageFull(const MI_POOL_PAGE *Pp)
{
    return Pp->Used == Pp->PerPage;
}

/* A page for small blocks of Class, which has none with a free slot: a
 * cached empty page of another size, else a new one. Returns its page number
 * or UINT64_MAX. */
static uint64_t MiPoolCarve(bool Paged, uint16_t Class)
{
    uint64_t Page;
    if (MiPool.CacheCount[Paged] != 0) {
        Page = MiPoolUncache(Paged, MiPool.CacheCount[Paged] - 1);
    } else {
        Page = MiPoolPages(Paged, 1, 0);
        if (Page == UINT64_MAX) {
            return UINT64_MAX;
        }
    }
    MiPoolForget(Paged, Page, 1, Class);
    MI_POOL_PAGE *Pp = MiPoolPage(Paged, Page);
    uint64_t PerPage = PAGE_SIZE / ((uint64_t)Class * MI_POOL_GRANULE);
    for (uint64_t w = 0; w < MI_POOL_SLOT_WORDS; w++) {
        uint64_t Bits = PerPage > w * 64 ? PerPage - w * 64 : 0;
        Pp->FreeSlots[w] = Bits >= 64 ? ~0ull : (1ull << Bits) - 1;
    }
    Pp->Class = Class;
    Pp->Used = 0;
    Pp->PerPage = (uint16_t)PerPage;
    MiPoolLink(Paged, &MiPool.Classes[Paged][Class], Page - MiPoolVa(Paged)->FirstPage);
    return Page;
}

/* A free slot of Class (the lowest in the class's most recently used page
 * with one); 0 if no page can be had. */
static uint64_t MiPoolTakeSlot(bool Paged, uint16_t Class)
{
    MI_POOL_CLASS *Pc = &MiPool.Classes[Paged][Class];
    if (Pc->Partial == 0 && MiPoolCarve(Paged, Class) == UINT64_MAX) {
        return 0;
    }
    uint64_t Index = Pc->Partial - 1;
    MI_POOL_PAGE *Pp = &MiPool.Pages[Paged][Index];
    if (Pp->CacheSlot != 0) { /* an empty page of this size in use again */
        uint32_t Position = Pp->CacheSlot - 1u;
        uint32_t Last = --MiPool.CacheCount[Paged];
        if (Position != Last) {
            MiPool.Cache[Paged][Position] = MiPool.Cache[Paged][Last];
            MiPoolPage(Paged, MiPool.Cache[Paged][Position])->CacheSlot = (uint8_t)(Position + 1);
        }
        Pp->CacheSlot = 0;
    }
    int w = 0;
    while (Pp->FreeSlots[w] == 0) {
        w++;
    }
    uint64_t Slot = (uint64_t)w * 64 + (uint64_t)__builtin_ctzll(Pp->FreeSlots[w]);
    Pp->FreeSlots[w] &= Pp->FreeSlots[w] - 1;
    Pp->Used++;
    if (MiPoolPageFull(Pp)) {
        MiPoolUnlink(Paged, Pc, Index);
    }
    uint64_t Page = MiPoolVa(Paged)->FirstPage + Index;
    return (uint64_t)(uintptr_t)MiPageToVa(Page) + Slot * Class * MI_POOL_GRANULE;
}

/* Whether a page may leave the pool: no MmProbeAndLockPages lock and no
 * mapping but the pool's own PTE (an MDL built for the pool, mapped). */
static bool MiPoolPageUnreferenced(uint64_t Page)
{
    uint64_t Pte = MiSpace.Pte[Page];
    const MI_PFN *Entry = MiPfnEntry(MiPteIndex(Pte));
    return Entry->LockCount == 0 && Entry->MapCount <= 1;
}

/* Returns a small block's slot. A page whose last block goes is kept in the
 * pool's cache (still carved for its size, so that a block of that size
 * takes it back for nothing), or returned to the PFN free list when the
 * cache is full; one still locked or mapped elsewhere stays carved (no stop:
 * freeing a small block does not look at its page on Windows either). */
static void MiPoolPutSlot(bool Paged, uint64_t Va)
{
    uint64_t Page = MiVaToPage((void *)(uintptr_t)Va);
    uint64_t Index = Page - MiPoolVa(Paged)->FirstPage;
    MI_POOL_PAGE *Pp = &MiPool.Pages[Paged][Index];
    MI_POOL_CLASS *Pc = &MiPool.Classes[Paged][Pp->Class];
    uint64_t Slot = (Va & (PAGE_SIZE - 1)) / ((uint64_t)Pp->Class * MI_POOL_GRANULE);
    bool WasFull = MiPoolPageFull(Pp);
    Pp->FreeSlots[Slot >> 6] |= 1ull << (Slot & 63);
    Pp->Used--;
    if (Pp->Used == 0 && MiPoolPageUnreferenced(Page)) {
        if (MiPool.CacheCount[Paged] < MiPoolCacheMax[Paged]) {
            Pp->CacheSlot = (uint8_t)(MiPool.CacheCount[Paged] + 1);
            MiPool.Cache[Paged][MiPool.CacheCount[Paged]++] = Page;
        } else {
            if (!WasFull) {
                MiPoolUnlink(Paged, Pc, Index);
            }
            Pp->Class = 0;
            Pp->PerPage = 0;
            memset(Pp->FreeSlots, 0, sizeof(Pp->FreeSlots));
            MiPoolFreePages(Paged, Page, 1);
            return;
        }
    }
    if (Pc->Partial != Index + 1) { /* to the head: the slot just freed is reused soon */
        if (!WasFull) {
            MiPoolUnlink(Paged, Pc, Index);
        }
        MiPoolLink(Paged, Pc, Index);
    }
}

/* Writes Byte over a block through the physical view, so that the simulator
 * never faults on a trimmed paged pool page. */
static void MiPoolFill(uint64_t Va, uint64_t Bytes, int Byte)
{
    while (Bytes > 0) {
        uint64_t Page = MiVaToPage((void *)(uintptr_t)Va);
        uint64_t Offset = Va & (PAGE_SIZE - 1);
        uint64_t Chunk = PAGE_SIZE - Offset < Bytes ? PAGE_SIZE - Offset : Bytes;
        memset(MiPhysPage(MiPteIndex(MiSpace.Pte[Page])) + Offset, Byte, Chunk);
        Va += Chunk;
        Bytes -= Chunk;
    }
}

/* ---------------------------------------------------------------------- */
/* Allocation core (lock held).                                           */
/* ---------------------------------------------------------------------- */
static void *MiPoolAllocate(bool Paged, SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller, bool Zero,
                            bool CacheAligned)
{
    uint64_t Va = 0;
    uint16_t Class = 0;
    uint64_t Pages = 0;
    if (Bytes > (SIZE_T)MiPoolVa(Paged)->Pages * PAGE_SIZE) {
        return NULL; /* more than the pool holds; checked first so no rounding can wrap */
    }
    SIZE_T Rounded = (Bytes + MI_POOL_GRANULE - 1) & ~(SIZE_T)(MI_POOL_GRANULE - 1);
    if (CacheAligned) {
        Rounded = (Bytes + 63) & ~(SIZE_T)63;
    }
    if (Rounded <= MI_POOL_SMALL_MAX) {
        Class = (uint16_t)(Rounded / MI_POOL_GRANULE);
        Va = MiPoolTakeSlot(Paged, Class);
        if (Va == 0) {
            return NULL;
        }
    } else {
        if (Bytes > (SIZE_T)MiPoolVa(Paged)->Pages * PAGE_SIZE) {
            return NULL;
        }
        Pages = BYTES_TO_PAGES(Bytes);
        uint64_t Page = MiPoolPages(Paged, Pages, Tag);
        if (Page == UINT64_MAX) {
            return NULL;
        }
        Va = (uint64_t)(uintptr_t)MiPageToVa(Page);
        Zero = false; /* fresh pages are zero already */
    }
    MI_POOL_BLOCK *Block = MiRecord(Paged, Va);
    MI_TAG_USAGE *Usage = MiTagUsage(Tag, Paged);
    if (Block == NULL || Usage == NULL) {
        if (Block != NULL) {
            Block->Live = 0; /* known as freed, like any freed block */
        }
        if (Class != 0) {
            MiPoolPutSlot(Paged, Va);
        } else {
            MiPoolFreePages(Paged, MiVaToPage((void *)(uintptr_t)Va), Pages);
        }
        return NULL;
    }
    Block->Size = Bytes;
    Block->Caller = Caller;
    Block->StackDepth = 0;
    Block->ForMm = 0;
    if (MiPoolStacks) {
        void *Frames[SIM_POOL_STACK_FRAMES + 3];
        int Count = HostCaptureStack(Frames, SIM_POOL_STACK_FRAMES + 3);
        /* Start at the caller of the allocating DDI. */
        int First = 0;
        while (First < Count && (uint64_t)(uintptr_t)Frames[First] != Caller) {
            First++;
        }
        if (First == Count) {
            First = Count > 3 ? 3 : 0;
        }
        for (int i = First; i < Count && Block->StackDepth < SIM_POOL_STACK_FRAMES; i++) {
            Block->Stack[Block->StackDepth++] = Frames[i];
        }
    }
    Block->Tag = Tag;
    Block->Paged = Paged;
    Block->Live = 1;
    Block->Class = Class;
    Block->Pages = Pages;
    Block->Sequence = ++MiPool.Sequence;
    Usage->Allocs++;
    Usage->Bytes += Bytes;
    MiPool.Live++;
    if (Zero) {
        MiPoolFill(Va, Bytes, 0);
    } else if (Class != 0 && MiConfig.Strict) {
        /* Uninitialised pool is not zero on a real machine either; a fixed
         * non-zero fill makes code that forgets to initialise fail here. */
        MiPoolFill(Va, Bytes, 0xA5);
    }
    return (void *)(uintptr_t)Va;
}

/* specialpool: a driver's allocation goes to special pool when special pool
 * selects it and has room (docs/special-pool.md); otherwise, counted there
 * as a fallback, to normal pool. Mm's own allocations never do. */
static void *MiPoolAllocateSpecial(bool Paged, SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller,
                                   bool Zero, MI_SPECIAL_MODE Mode)
{
    if (!MiSpecialPoolSelects(Paged, Bytes, Tag)) {
        return NULL;
    }
    void *Va = MiSpecialPoolAllocate(Paged, Bytes, Tag, Caller, Zero, Mode);
    MI_TAG_USAGE *Usage = Va != NULL ? MiTagUsage(Tag, Paged) : NULL;
    if (Usage != NULL) {
        Usage->Allocs++;
        Usage->Bytes += Bytes;
        MiPool.Live++;
        return Va;
    }
    if (Va != NULL) {
        bool BlockPaged;
        SIZE_T Size;
        ULONG BlockTag;
        MiSpecialPoolFree(Va, Tag, false, &BlockPaged, &Size, &BlockTag);
    }
    return NULL;
}

/* Inline: with special pool off, normal pool's path costs one flag. */
static inline void *MiPoolAllocateForDriver(bool Paged, SIZE_T Bytes, ULONG Tag,
                                            ULONG_PTR Caller, bool Zero, bool CacheAligned,
                                            MI_SPECIAL_MODE Mode)
{
    if (MiSpecialPoolIsOn()) {
        void *Va = MiPoolAllocateSpecial(Paged, Bytes, Tag, Caller, Zero, Mode);
        if (Va != NULL) {
            return Va;
        }
    }
    return MiPoolAllocate(Paged, Bytes, Tag, Caller, Zero, CacheAligned);
}

void *MiAllocatePoolInternal(bool Paged, SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller, bool Zero)
{
    return MiPoolAllocate(Paged, Bytes, Tag, Caller, Zero, false);
}

void *MiAllocatePoolForMm(SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller)
{
    void *Va = MiPoolAllocate(false, Bytes, Tag, Caller, true, false);
    if (Va != NULL) {
        MiFindBlock((uint64_t)(uintptr_t)Va)->ForMm = 1;
    }
    return Va;
}

SIZE_T MiPoolBlockSize(const void *Va, ULONG *Tag)
{
    if (MiSpecialPoolIsOn() && MiSpecialPoolOwns(Va)) { /* specialpool */
        return MiSpecialPoolBlockSize(Va, Tag);
    }
    MI_POOL_BLOCK *Block = MiFindBlock((uint64_t)(uintptr_t)Va);
    if (Block == NULL || !Block->Live) {
        return 0;
    }
    if (Tag != NULL) {
        *Tag = Block->Tag;
    }
    return (SIZE_T)Block->Size;
}

/* ---------------------------------------------------------------------- */
/* DDIs.                                                                  */
/* ---------------------------------------------------------------------- */
static bool MiTagHasLetterOrDigit(ULONG Tag)
{
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)(Tag >> (8 * i));
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return true;
        }
    }
    return false;
}

/* IRQL rule of an allocation of the given kind (0xC4/0x01, 0x02 strict;
 * 0xC2/0x08 otherwise). */
static void MiPoolAllocIrqlStop(bool Paged, ULONG PoolType, SIZE_T Bytes, ULONG Tag, KIRQL Irql)
{
    MiLock();
    bool Special = MiSpecialPoolSelects(Paged, Bytes, Tag);
    MiUnlock();
    if (Special) { /* specialpool: special pool's own row */
        KeBugCheckEx(SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, Irql, PoolType, Bytes, 0x30);
    }
    if (MiConfig.Strict) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, Paged ? 0x01 : 0x02, Irql, PoolType,
                     Bytes);
    }
    KeBugCheckEx(BAD_POOL_CALLER, 0x08, Irql, PoolType, Bytes);
}

/* The IRQL rule of an allocation: the check inline, the stop out of line. */
static inline void MiPoolAllocIrql(bool Paged, ULONG PoolType, SIZE_T Bytes, ULONG Tag)
{
    KIRQL Irql = MiCurrentIrql();
    if (Irql > (Paged ? APC_LEVEL : DISPATCH_LEVEL)) {
        MiPoolAllocIrqlStop(Paged, PoolType, Bytes, Tag, Irql);
    }
}

static void MiEnterPool(const char *Ddi)
{
    MiEnsureMachine();
    MiRefuseIfStopped(Ddi);
}

/* ExAllocatePool2 and ExAllocatePool3 (Mode: the priority's special pool
 * alignment). */
static PVOID MiAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag, ULONG_PTR Caller,
                             MI_SPECIAL_MODE Mode, bool Unsatisfiable)
{
    const POOL_FLAGS Understood = POOL_FLAG_USE_QUOTA | POOL_FLAG_UNINITIALIZED |
                                  POOL_FLAG_CACHE_ALIGNED | POOL_FLAG_RAISE_ON_FAILURE |
                                  POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE |
                                  POOL_FLAG_PAGED;
    bool Raise = (Flags & POOL_FLAG_RAISE_ON_FAILURE) != 0;
    POOL_FLAGS Kind = Flags & (POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED);
    bool Paged = Kind == POOL_FLAG_PAGED;
    /* Required flags (low 32 bits) must all be understood and satisfiable,
     * exactly one pool kind; optional flags (high 32 bits) are ignored.
     * Session pool does not exist in this machine, so it is unsatisfiable. */
    bool BadFlags = (Flags & 0xFFFFFFFFull & ~Understood) != 0 ||
                    (Kind != POOL_FLAG_NON_PAGED && Kind != POOL_FLAG_NON_PAGED_EXECUTE &&
                     Kind != POOL_FLAG_PAGED);
    MiPoolAllocIrql(Paged, Paged ? PagedPool : NonPagedPool, NumberOfBytes, Tag);
    if (NumberOfBytes == 0) {
        KeBugCheckEx(BAD_POOL_CALLER, 0x00, 0, Paged ? PagedPool : NonPagedPool, Tag);
    }
    if (Tag != 0 && !MiTagHasLetterOrDigit(Tag)) {
        KeBugCheckEx(BAD_POOL_CALLER, 0x9D, Tag, Paged ? PagedPool : NonPagedPool, Caller);
    }
    PVOID Va = NULL;
    if (!BadFlags && !Unsatisfiable && Tag != 0 &&
        MiInjectFaultAt(SimFaultPool, Tag, Caller) == MiInjectNone) {
        MiLock();
        Va = MiPoolAllocateForDriver(Paged, NumberOfBytes, Tag, Caller,
                                     (Flags & POOL_FLAG_UNINITIALIZED) == 0,
                                     (Flags & POOL_FLAG_CACHE_ALIGNED) != 0, Mode);
        MiUnlock();
    }
    if (Va == NULL && Raise) {
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    }
    return Va;
}

PVOID NTAPI ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiEnterPool("ExAllocatePool2");
    return MiAllocatePool2(Flags, NumberOfBytes, Tag, Caller, MiSpecialDefault, false);
}

/* The alignment an EX_POOL_PRIORITY asks special pool for: bit 3 set names
 * one, bit 0 then says underrun. */
static MI_SPECIAL_MODE MiPriorityMode(EX_POOL_PRIORITY Priority)
{
    if (((ULONG)Priority & 8) == 0) {
        return MiSpecialDefault;
    }
    return ((ULONG)Priority & 1) != 0 ? MiSpecialUnderrun : MiSpecialOverrun;
}

PVOID NTAPI ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
                            PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
                            ULONG ExtendedParametersCount)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiEnterPool("ExAllocatePool3");
    MI_SPECIAL_MODE Mode = MiSpecialDefault;
    bool Unsatisfiable = ExtendedParametersCount != 0 && ExtendedParameters == NULL;
    for (ULONG i = 0; !Unsatisfiable && i < ExtendedParametersCount; i++) {
        const POOL_EXTENDED_PARAMETER *Parameter = &ExtendedParameters[i];
        switch (Parameter->Type) {
        case PoolExtendedParameterPriority:
            Mode = MiPriorityMode(Parameter->Priority);
            break;
        case PoolExtendedParameterNumaNode:
            break; /* one node: any preference is met */
        default:
            /* Secure pool (and anything else) does not exist here: a
             * required parameter fails the call, an optional one is
             * ignored. */
            Unsatisfiable = Parameter->Optional == 0;
            break;
        }
    }
    return MiAllocatePool2(Flags, NumberOfBytes, Tag, Caller, Mode, Unsatisfiable);
}

PVOID MiAllocatePoolWithTagMode(const char *Ddi, POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                                ULONG Tag, ULONG_PTR Caller, EX_POOL_PRIORITY Priority)
{
    MiEnterPool(Ddi);
    MI_SPECIAL_MODE Mode = MiPriorityMode(Priority);
    ULONG Type = (ULONG)PoolType;
    bool Raise = (Type & POOL_RAISE_IF_ALLOCATION_FAILURE) != 0;
    /* The base type: strip modifier bits, session and NX offsets. */
    ULONG Base = Type & ~(ULONG)(POOL_QUOTA_FAIL_INSTEAD_OF_RAISE | POOL_RAISE_IF_ALLOCATION_FAILURE |
                                 POOL_COLD_ALLOCATION | POOL_NX_ALLOCATION | POOL_ZERO_ALLOCATION);
    Base &= 0x1F; /* session types are base + 32 */
    bool Paged = (Base & 1) != 0;
    MiPoolAllocIrql(Paged, Paged ? PagedPool : NonPagedPool, NumberOfBytes, Tag);
    if (Base == NonPagedPoolMustSucceed || Base == NonPagedPoolCacheAlignedMustS) {
        KeBugCheckEx(BAD_POOL_CALLER, 0x9A, (ULONG_PTR)PoolType, NumberOfBytes, Tag);
    }
    if (NumberOfBytes == 0) {
        KeBugCheckEx(BAD_POOL_CALLER, 0x00, 0, (ULONG_PTR)PoolType, Tag);
    }
    if (Tag == 0) {
        KeBugCheckEx(BAD_POOL_CALLER, 0x9B, (ULONG_PTR)PoolType, NumberOfBytes, Caller);
    }
    if (!MiTagHasLetterOrDigit(Tag)) {
        KeBugCheckEx(BAD_POOL_CALLER, 0x9D, Tag, (ULONG_PTR)PoolType, Caller);
    }
    PVOID Va = NULL;
    if (Base <= PagedPoolCacheAligned && Base != DontUseThisType &&
        MiInjectFaultAt(SimFaultPool, Tag, Caller) == MiInjectNone) {
        MiLock();
        Va = MiPoolAllocateForDriver(Paged, NumberOfBytes, Tag, Caller,
                                     (Type & POOL_ZERO_ALLOCATION) != 0,
                                     Base == NonPagedPoolCacheAligned ||
                                         Base == PagedPoolCacheAligned,
                                     Mode);
        MiUnlock();
    }
    if (Va == NULL && Raise) {
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    }
    return Va;
}

PVOID NTAPI ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    return MiAllocatePoolWithTagMode("ExAllocatePoolWithTag", PoolType, NumberOfBytes, Tag,
                                     MI_CALLER_ADDRESS(), NormalPoolPriority);
}

/* A block being freed that still holds an object the system tracks (a set
 * timer, a queued DPC or work item, an active lookaside list or resource)
 * stops the free with the code Windows gives for it, before the memory goes
 * (the finders of objects kept above mm belong to the layers that keep them,
 * mi.h). Every finder reads mmsim's own records, never the driver's objects:
 * one of them unmapped or freed elsewhere must not stop an unrelated free.
 * A stop here lets go of the MM lock as any bug check does. */
void MiStopIfHoldsObjects(const void *P, SIZE_T Size, ULONG_PTR PoolType)
{
    /* kedisp: a timer still set inside the block would expire in freed
     * memory. Verifier stops at the free, 0xC4/0x15 (timer, pool type,
     * address); without it mmsim stops with the kernel's own report of a
     * timer where none may be, 0xC7 (0, timer, start, end). */
    PKTIMER Timer = MiAnyTimerSet() ? MiTimerInRange(P, Size) : NULL;
    if (Timer != NULL) {
        if (MiConfig.Strict) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x15, (ULONG_PTR)Timer, PoolType,
                         (ULONG_PTR)P);
        }
        KeBugCheckEx(TIMER_OR_DPC_INVALID, 0, (ULONG_PTR)Timer, (ULONG_PTR)P,
                     (ULONG_PTR)P + Size);
    }
    /* A queued DPC would run from freed memory: the kernel's 0xC7/1 (DPC,
     * start, end). */
    PKDPC Dpc = MiQueuedDpcInRange(P, Size);
    if (Dpc != NULL) {
        KeBugCheckEx(TIMER_OR_DPC_INVALID, 1, (ULONG_PTR)Dpc, (ULONG_PTR)P, (ULONG_PTR)P + Size);
    }
    ULONG_PTR Stop[4];
    ULONG Code = MiFindHeldObject(P, Size, PoolType, Stop);
    if (Code != 0) {
        KeBugCheckEx(Code, Stop[0], Stop[1], Stop[2], Stop[3]);
    }
}

/* The checks above take the DPC, lookaside and resource locks, and a fork
 * takes the DPC lock before the MM lock: so a free that holds the MM lock
 * once (a driver's ExFreePool) lets it go around them. True if it did: the
 * caller finds its block again (another thread freeing it meanwhile is a
 * double free). A free nested in the simulator's own locked work keeps it. */
bool MiStopIfHoldsObjectsUnlocked(const void *P, SIZE_T Size, ULONG_PTR PoolType)
{
    if (MiMmLockDepthNow() != 1) {
        MiStopIfHoldsObjects(P, Size, PoolType);
        return false;
    }
    MiUnlock();
    MiStopIfHoldsObjects(P, Size, PoolType);
    MiLock();
    return true;
}

static void MiFreePool(PVOID P, ULONG Tag, bool CheckTag, ULONG_PTR Caller)
{
    (void)Caller;
    uint64_t Va = (uint64_t)(uintptr_t)P;
    MiLock();
    if (MiSpecialPoolIsOn() && MiSpecialPoolOwns(P)) { /* specialpool: its checks, then the quarantine */
        bool SpecialPaged;
        SIZE_T Size;
        ULONG BlockTag;
        MiSpecialPoolFree(P, Tag, CheckTag, &SpecialPaged, &Size, &BlockTag);
        MI_TAG_USAGE *Usage = MiTagUsage(BlockTag, SpecialPaged);
        if (Usage != NULL) {
            Usage->Frees++;
            Usage->Bytes -= Size;
        }
        MiPool.Live--;
        MiUnlock();
        return;
    }
    MI_POOL_BLOCK *Block = MiFindBlock(Va);
    if (Block == NULL) {
        bool InPool = MiIsSystemVa(P) && (MiRegionOf(MiVaToPage(P)) == MiRegionNonPagedPool ||
                                          MiRegionOf(MiVaToPage(P)) == MiRegionPagedPool);
        MiUnlock();
        if (InPool) {
            KeBugCheckEx(BAD_POOL_CALLER, 0x46, (ULONG_PTR)P, 0, 0);
        }
        KeBugCheckEx(BAD_POOL_CALLER, 0x42, (ULONG_PTR)P, 0, 0);
    }
    if (!Block->Live) {
        ULONG FreedTag = Block->Tag;
        MiUnlock();
        /* Parameter 3 is the header contents: mmsim reports the block's tag. */
        KeBugCheckEx(BAD_POOL_CALLER, 0x07, 0, FreedTag, (ULONG_PTR)P);
    }
    bool Paged = Block->Paged != 0;
    KIRQL Irql = MiCurrentIrql();
    if (Irql > (Paged ? APC_LEVEL : DISPATCH_LEVEL)) {
        MiUnlock();
        if (MiConfig.Strict) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, Paged ? 0x11 : 0x12, Irql,
                         Paged ? PagedPool : NonPagedPool, (ULONG_PTR)P);
        }
        KeBugCheckEx(BAD_POOL_CALLER, 0x09, Irql, Paged ? PagedPool : NonPagedPool, (ULONG_PTR)P);
    }
    if (CheckTag && Tag != Block->Tag) {
        ULONG Owner = Block->Tag;
        MiUnlock();
        KeBugCheckEx(BAD_POOL_CALLER, 0x0A, (ULONG_PTR)P, Owner, Tag);
    }
    if (MiStopIfHoldsObjectsUnlocked(P, (SIZE_T)Block->Size, Paged ? PagedPool : NonPagedPool)) {
        Block = MiFindBlock(Va);
        if (Block == NULL || !Block->Live) { /* freed by another thread meanwhile */
            ULONG FreedTag = Block != NULL ? Block->Tag : 0;
            MiUnlock();
            KeBugCheckEx(BAD_POOL_CALLER, 0x07, 0, FreedTag, (ULONG_PTR)P);
        }
    }
    MI_TAG_USAGE *Usage = MiTagUsage(Block->Tag, Paged);
    if (Usage != NULL) {
        Usage->Frees++;
        Usage->Bytes -= Block->Size;
    }
    Block->Live = 0;
    MiPool.Live--;
    if (Block->Class != 0) {
        MiPoolPutSlot(Paged, Va);
    } else {
        MiPoolFreePages(Paged, MiVaToPage(P), Block->Pages);
    }
    MiUnlock();
}

void MiFreePoolInternal(void *Va, ULONG Tag, bool CheckTag)
{
    MiFreePool(Va, Tag, CheckTag, 0);
}

VOID NTAPI ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    MiEnterPool("ExFreePoolWithTag");
    /* Tag 0 means "do not check", as ExFreePool. */
    MiFreePool(P, Tag, Tag != 0, MI_CALLER_ADDRESS());
}

VOID NTAPI ExFreePool(PVOID P)
{
    MiEnterPool("ExFreePool");
    MiFreePool(P, 0, false, MI_CALLER_ADDRESS());
}

/* ---------------------------------------------------------------------- */
/* Queries.                                                               */
/* ---------------------------------------------------------------------- */
ULONG MiQueryPoolUsage(SIM_POOL_TAG_USAGE *Entries, ULONG Max)
{
    MiEnsureMachine();
    MiLock();
    ULONG Count = 0;
    for (uint64_t i = 0; i < MiPool.TagCount; i++) {
        if (Count < Max && Entries != NULL) {
            Entries[Count].Tag = MiPool.Tags[i].Tag;
            Entries[Count].Paged = MiPool.Tags[i].Paged;
            Entries[Count].Allocs = MiPool.Tags[i].Allocs;
            Entries[Count].Frees = MiPool.Tags[i].Frees;
            Entries[Count].Bytes = MiPool.Tags[i].Bytes;
        }
        Count++;
    }
    MiUnlock();
    return Count;
}

ULONG MiEnumPoolBlocks(SIM_POOL_BLOCK_INFO *Blocks, ULONG Max)
{
    MiEnsureMachine();
    MiLock();
    ULONG Count = 0;
    for (uint64_t i = 0; i < MiPool.BlockCount; i++) {
        const MI_POOL_BLOCK *Block = &MiPool.Blocks[i];
        if (!Block->Live) {
            continue;
        }
        if (Count < Max && Blocks != NULL) {
            Blocks[Count].Va = (PVOID)(uintptr_t)Block->Va;
            Blocks[Count].Size = (SIZE_T)Block->Size;
            Blocks[Count].Tag = Block->Tag;
            Blocks[Count].Paged = Block->Paged;
            Blocks[Count].Caller = (PVOID)(uintptr_t)Block->Caller;
            Blocks[Count].StackDepth = Block->StackDepth;
            Blocks[Count].ForMm = Block->ForMm;
            memcpy(Blocks[Count].Stack, Block->Stack, sizeof(Blocks[Count].Stack));
        }
        Count++;
    }
    Count = MiSpecialPoolEnum(Blocks, Max, Count); /* specialpool */
    MiUnlock();
    return Count;
}

uint64_t MiPoolLiveBlocks(void)
{
    return MiPool.Live;
}

uint64_t MiPoolPagesInUse(bool Paged);
uint64_t MiPoolPagesInUse(bool Paged)
{
    return MiPool.PagesInUse[Paged];
}

bool MiPoolIsClean(char *Report, size_t Size)
{
    if (MiPool.Live == 0) {
        return true;
    }
    for (uint64_t i = 0; i < MiPool.TagCount; i++) {
        const MI_TAG_USAGE *Usage = &MiPool.Tags[i];
        if (Usage->Allocs != Usage->Frees) {
            char Tag[5];
            for (int c = 0; c < 4; c++) {
                unsigned char ch = (unsigned char)(Usage->Tag >> (8 * c));
                Tag[c] = (char)(ch >= 0x20 && ch < 0x7F ? ch : '.');
            }
            Tag[4] = '\0';
            MiAppend(Report, Size, "pool tag '%s' (%s): %llu block(s), %llu byte(s) not freed\n",
                     Tag, Usage->Paged ? "paged" : "non-paged",
                     (unsigned long long)(Usage->Allocs - Usage->Frees),
                     (unsigned long long)Usage->Bytes);
        }
    }
    return false;
}

/* ---------------------------------------------------------------------- */
/* Lifetime.                                                              */
/* ---------------------------------------------------------------------- */
/* setup20: the page records a reset keeps for the next machine
 * (MiKeepForNextMachine), cleared where the last one used pool VA. */
static MI_POOL_PAGE *MiPoolKept[2];
static uint64_t MiPoolKeptPages[2];

/* One record per page of the region and one past it; a table from the
 * host, so records are given host memory only where pool is used. */
static uint64_t MiPoolRecordBytes(uint64_t Pages)
{
    return (Pages + 1) * sizeof(MI_POOL_PAGE);
}

void MiPoolForgetKept(void)
{
    for (int p = 0; p < 2; p++) {
        HostFreeTable(MiPoolKept[p], MiPoolRecordBytes(MiPoolKeptPages[p]));
        MiPoolKept[p] = NULL;
        MiPoolKeptPages[p] = 0;
    }
}

/* Records are written only for pages of allocated VA, which lie below the
 * region's high-water mark (the space is torn down after the pool). */
static void MiPoolClearRecords(bool Paged)
{
    const MI_VA_ALLOCATOR *Va = MiPoolVa(Paged);
    HostClearTable(MiPool.Pages[Paged], 0, Va->UsedEnd * sizeof(MI_POOL_PAGE));
    HostClearTable(MiPool.Pages[Paged], Va->Pages * sizeof(MI_POOL_PAGE), sizeof(MI_POOL_PAGE));
}

static NTSTATUS MiPoolInit(const SIM_CONFIG *Config)
{
    memset(&MiPool, 0, sizeof(MiPool));
    for (int p = 0; p < 2; p++) {
        uint64_t Pages = MiPoolVa(p != 0)->Pages;
        if (MiPoolKept[p] != NULL && MiPoolKeptPages[p] == Pages) {
            MiPool.Pages[p] = MiPoolKept[p]; /* a reset's, cleared */
            MiPoolKept[p] = NULL;
        } else {
            MiPool.Pages[p] = (MI_POOL_PAGE *)HostAllocTable(MiPoolRecordBytes(Pages));
        }
        if (MiPool.Pages[p] == NULL) {
            HostFreeTable(MiPool.Pages[0], MiPoolRecordBytes(MiPoolVa(false)->Pages));
            MiPool.Pages[0] = NULL;
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    MiPoolForgetKept(); /* whatever does not fit this machine */
    MiPoolStacks = MiConfigEnvBool("MMSIM_POOL_STACKS", false);
    return MiSpecialPoolInit(Config); /* specialpool */
}

static void MiPoolTeardown(void)
{
    MiSpecialPoolTeardown(); /* specialpool */
    free(MiPool.Blocks);
    free(MiPool.Table);
    free(MiPool.Tags);
    for (int p = 0; p < 2; p++) {
        uint64_t Pages = MiPoolVa(p != 0)->Pages;
        if (MiKeepForNextMachine && MiPool.Pages[p] != NULL && MiPoolKept[p] == NULL) {
            MiPoolClearRecords(p != 0);
            MiPoolKept[p] = MiPool.Pages[p];
            MiPoolKeptPages[p] = Pages;
        } else {
            HostFreeTable(MiPool.Pages[p], MiPoolRecordBytes(Pages));
        }
    }
    memset(&MiPool, 0, sizeof(MiPool));
}

static bool MiPoolSubsystemIsClean(char *Report, size_t Size)
{
    return MiPoolIsClean(Report, Size);
}

const MI_SUBSYSTEM MiPoolSubsystem = {"pool", MiPoolInit, MiPoolTeardown, MiPoolSubsystemIsClean};
