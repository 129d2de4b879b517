/*
 * fuzz_ddi.c - a libFuzzer target: bytes become sequences of memory-manager
 * DDI calls with hostile arguments, under both profiles, strict and retail
 * (the input format is in fuzz_ddi.h; docs/verifier.md, "Fuzzing").
 *
 * Every call runs inside SIM_CATCH_BUGCHECK. A caught stop is an expected
 * outcome of hostile arguments: the machine is reset and the handle table
 * forgotten. After every call that did not stop, SimCheckInvariants must hold;
 * if it does not - or a host crash, sanitizer report or leak happens - that is
 * a simulator bug, and abort() hands the input to libFuzzer.
 *
 * Pointers handed to DDIs come only from the handle table (live, stale and
 * interior addresses inside simulated system space) or are NULL + a small
 * offset: never host memory, which is outside the simulated machine. Three
 * rules keep the harness from corrupting the simulated kernel the way a wild
 * driver would (which the invariant checker would then report, correctly, but
 * which would not be a simulator bug):
 *  - An MDL is handed to a DDI that trusts its contents only while it is a
 *    live MDL pool block, or freed but untouched since (its header equals the
 *    snapshot taken when it was freed and no live block overlaps it), or its
 *    page is no longer mapped (the DDI's read faults: 0x50).
 *  - A byte is written only where a driver owns the data: pages allocated for
 *    MDLs, paged pool, or a live non-paged pool block of the harness's own
 *    tags - or where the PTE is not valid, so the write faults. Reads may go
 *    anywhere in system space or below 64 KiB.
 *  - A stale pointer is never freed when it now names Mm's own block (a
 *    reservation's "Mirm" node) or the harness's IRP.
 * The handle table's liveness is re-derived from the simulator after every
 * operation, so frees behind the harness's back (a stale pointer that now
 * names another block) cannot mislead it.
 */
#define _POSIX_C_SOURCE 200809L /* dup, dup2 */

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <mmsim.h>

#include "fuzz_ddi.h"
/* The DDI table's kinds (MI_ARG_KINDS, MI_RESULT_KINDS); its rows are
 * expanded by the table operation below. */
#include "../../sim/mi_ddi_kinds.h"

/* ------------------------------------------------------------------------ */
/* The machine.                                                             */
/* ------------------------------------------------------------------------ */
#define FUZZ_PHYSICAL_PAGES 2048
#define FUZZ_SYSTEM_PTES    4096
#define FUZZ_NONPAGED_PAGES 512
#define FUZZ_PAGED_PAGES    256
#define FUZZ_SEED           0x46757A7A444449ull /* "FuzzDDI": inputs replay exactly */
#define FUZZ_MAX_OPS        128
#define FUZZ_MAX_HANDLES    64
#define FUZZ_NULL_GUARD     0x10000u /* never mapped: NULL + offset */

/* Pool tags the simulator uses for its own blocks, and the harness's IRP. */
#define TAG_IO_MDL   ' ldM' /* "Mdl " */
#define TAG_MM_MDL   'ldmM' /* "Mmdl" */
#define TAG_MIRM     'mriM' /* "Mirm" */
#define TAG_WORKITEM 'kWoI' /* "IoWk" */
#define TAG_IRP      'pIzF' /* "FzIp" */
#define TAG_DATA     'aFzF' /* "FzFa" */

static bool FuzzUp;
static uint8_t FuzzConfigByte;
static uintptr_t SpaceLo, SpaceHi; /* simulated system space */
static uintptr_t UserLo, UserHi;   /* the current process's user range (0, 0: none) */
static unsigned Resets;            /* machines built or reset by the harness (LoadUserRange) */
/* No operation has run since the harness last built or reset the machine,
 * and no injection spec was in force then: the machine is what a reset
 * would build, so the end of an input does not reset it again (fuzz20b:
 * most seeds end with a stop, which was then two resets in a row). */
static bool Fresh;
static FUZZ_STATS Stats;

/* ------------------------------------------------------------------------ */
/* Findings: a simulator bug. abort() lets libFuzzer save the input.        */
/* ------------------------------------------------------------------------ */
static const char *CurrentOpName = "setup";

static void Finding(const char *What, const char *Detail) __attribute__((noreturn));
static void Finding(const char *What, const char *Detail)
{
    fprintf(stderr,
            "\n==fuzz_ddi== FINDING during %s (profile %s, %s): %s\n%s%s"
            "==fuzz_ddi== a simulator bug: minimise this input and report it\n",
            CurrentOpName, (FuzzConfigByte & FUZZ_CONFIG_NT5) ? "nt5" : "modern",
            (FuzzConfigByte & FUZZ_CONFIG_RETAIL) ? "retail" : "strict", What,
            Detail != NULL ? Detail : "", Detail != NULL ? "\n" : "");
    fflush(stderr);
    abort();
}

/* Two calls print a line on every use by design (a refused DDI, and
 * MmAllocateMappingAddressEx under nt5); in long runs that is only noise, so
 * stderr goes to /dev/null around them (unless FUZZ_DDI_TRACE=1). A crash
 * inside still aborts and libFuzzer keeps the input: replay it to see. */
static int Trace = -1; /* FUZZ_DDI_TRACE=1: one line per call on stderr */
static int SavedStderr = -1;

static void Mute(void)
{
    if (Trace) {
        return;
    }
    fflush(stderr);
    int Null = open("/dev/null", O_WRONLY);
    SavedStderr = Null >= 0 ? dup(2) : -1;
    if (SavedStderr >= 0) {
        dup2(Null, 2);
    }
    if (Null >= 0) {
        close(Null);
    }
}

static void Unmute(void)
{
    if (SavedStderr >= 0) {
        dup2(SavedStderr, 2);
        close(SavedStderr);
        SavedStderr = -1;
    }
}

/* ------------------------------------------------------------------------ */
/* Input reader: missing bytes read as zero.                                */
/* ------------------------------------------------------------------------ */
static const uint8_t *InData;
static size_t InSize, InPos;

static uint8_t In8(void)
{
    return InPos < InSize ? InData[InPos++] : 0;
}

static uint16_t In16(void)
{
    uint16_t Low = In8();
    return (uint16_t)(Low | (uint16_t)(In8() << 8));
}

static uint32_t In32(void)
{
    uint32_t Low = In16();
    return Low | ((uint32_t)In16() << 16);
}

/* Count bytes into Out (zeros past the end of the input). */
static void InBytes(uint8_t *Out, size_t Count)
{
    size_t Have = InSize - InPos < Count ? InSize - InPos : Count;
    if (Have > 0) {
        memcpy(Out, InData + InPos, Have);
        InPos += Have;
    }
    memset(Out + Have, 0, Count - Have);
}

static uint64_t In64(void)
{
    uint64_t Low = In32();
    return Low | ((uint64_t)In32() << 32);
}

/* ------------------------------------------------------------------------ */
/* Handle table.                                                            */
/* ------------------------------------------------------------------------ */
typedef enum _H_KIND {
    HNone = 0,
    HPool,   /* pool block: Va, Size bytes, Tag */
    HMdl,    /* MDL: Va = the MDL, Size = its pool block */
    HMap,    /* MmMapLockedPagesSpecifyCache result: Va, Size = ByteCount */
    HRes,    /* reservation: Va = base, Size = bytes, Tag, Flags */
    HResMap, /* reserved mapping: Va = result, Address = address given, Tag */
    HUser,   /* user region (FuzzOpUser): Va = base, Size = bytes */
    HKindCount
} H_KIND;

#define M_POOL   (1u << HPool)
#define M_MDL    (1u << HMdl)
#define M_MAP    (1u << HMap)
#define M_RES    (1u << HRes)
#define M_RESMAP (1u << HResMap)
#define M_USER   (1u << HUser)
#define M_ANY    (M_POOL | M_MDL | M_MAP | M_RES | M_RESMAP | M_USER)

typedef struct _FUZZ_HANDLE {
    uint8_t Kind;
    bool Live;
    uintptr_t Va;
    uint64_t Size;
    ULONG Tag;
    ULONG Flags;
    int Mdl;            /* HMap, HResMap: the MDL's slot (-1 none) */
    uint32_t MdlSerial; /* ... and its serial, in case the slot was reused */
    uintptr_t Address;  /* HResMap: the address passed */
    uint32_t Serial;    /* creation order; also evicts the oldest stale handle */
    bool Snapshot;      /* HMdl: Header holds the MDL as it was freed */
    bool Passed;        /* HMdl: handed to a DDI by this operation while stale */
    bool User;          /* HMap: a UserMode mapping (in the user range) */
    uint8_t Header[sizeof(MDL)];
} FUZZ_HANDLE;

static FUZZ_HANDLE H[FUZZ_MAX_HANDLES];
static uint32_t NextSerial;
static PIRP Irp; /* the harness's IRP (non-paged pool, tag TAG_IRP), or NULL */
static bool Pristine; /* no call has run on this machine since it was built */
/* An injection spec is in force (SimConfigureFaults): it outlives SimReset,
 * so a rebuilt machine is not pristine for the oracles. */
static bool SpecConfigured;

static void ForgetHandles(void)
{
    memset(H, 0, sizeof(H));
    Irp = NULL;
}

/* A free slot, evicting the oldest stale handle if needed; -1 if all live. */
static int NewSlot(void)
{
    int Oldest = -1;
    for (int i = 0; i < FUZZ_MAX_HANDLES; i++) {
        if (H[i].Kind == HNone) {
            return i;
        }
        if (!H[i].Live && (Oldest < 0 || H[i].Serial < H[Oldest].Serial)) {
            Oldest = i;
        }
    }
    return Oldest;
}

static int AddHandle(H_KIND Kind, uintptr_t Va, uint64_t Size, ULONG Tag, ULONG Flags)
{
    int i = NewSlot();
    if (i < 0) {
        return -1;
    }
    memset(&H[i], 0, sizeof(H[i]));
    H[i].Kind = (uint8_t)Kind;
    H[i].Live = true;
    H[i].Va = Va;
    H[i].Size = Size;
    H[i].Tag = Tag;
    H[i].Flags = Flags;
    H[i].Mdl = -1;
    H[i].Serial = ++NextSerial;
    return i;
}

/* The n-th handle (slot order) whose kind is in Mask; -1 if there is none. */
static int NthHandle(unsigned Mask, unsigned n, bool LiveOnly)
{
    int Count = 0;
    for (int i = 0; i < FUZZ_MAX_HANDLES; i++) {
        if (((1u << H[i].Kind) & Mask) && (!LiveOnly || H[i].Live)) {
            Count++;
        }
    }
    if (Count == 0) {
        return -1;
    }
    n %= (unsigned)Count;
    for (int i = 0; i < FUZZ_MAX_HANDLES; i++) {
        if (((1u << H[i].Kind) & Mask) && (!LiveOnly || H[i].Live) && n-- == 0) {
            return i;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------------ */
/* What the simulator says (the harness never trusts its own table).        */
/* ------------------------------------------------------------------------ */
#define FUZZ_MAX_BLOCKS 4096
static SIM_POOL_BLOCK_INFO Blocks[FUZZ_MAX_BLOCKS];
static ULONG BlockCount;
static bool BlocksComplete; /* false: more live blocks than we could list */

static void LoadBlocks(void)
{
    ULONG Count = SimEnumPoolBlocks(Blocks, FUZZ_MAX_BLOCKS);
    BlocksComplete = Count <= FUZZ_MAX_BLOCKS;
    BlockCount = Count <= FUZZ_MAX_BLOCKS ? Count : FUZZ_MAX_BLOCKS;
}

static const SIM_POOL_BLOCK_INFO *BlockContaining(uintptr_t Va)
{
    for (ULONG i = 0; i < BlockCount; i++) {
        uintptr_t Lo = (uintptr_t)Blocks[i].Va;
        uintptr_t Size = Blocks[i].Size != 0 ? (uintptr_t)Blocks[i].Size : 1;
        if (Va >= Lo && Va - Lo < Size) {
            return &Blocks[i];
        }
    }
    return NULL;
}

static const SIM_POOL_BLOCK_INFO *BlockAt(uintptr_t Va)
{
    for (ULONG i = 0; i < BlockCount; i++) {
        if ((uintptr_t)Blocks[i].Va == Va) {
            return &Blocks[i];
        }
    }
    return NULL;
}

static bool OverlapsLiveBlock(uintptr_t Lo, uint64_t Bytes)
{
    if (!BlocksComplete) {
        return true;
    }
    for (ULONG i = 0; i < BlockCount; i++) {
        uintptr_t BLo = (uintptr_t)Blocks[i].Va;
        uint64_t BSize = Blocks[i].Size != 0 ? Blocks[i].Size : 1;
        if (BLo < Lo + Bytes && Lo < BLo + BSize) {
            return true;
        }
    }
    return false;
}

static bool IsInternalTag(ULONG Tag)
{
    return Tag == TAG_IO_MDL || Tag == TAG_MM_MDL || Tag == TAG_MIRM || Tag == TAG_WORKITEM ||
           Tag == TAG_IRP;
}

static bool IsMdlTag(ULONG Tag)
{
    return Tag == TAG_IO_MDL || Tag == TAG_MM_MDL;
}

static bool InSystemSpace(uintptr_t Va)
{
    return Va >= SpaceLo && Va < SpaceHi;
}

static bool InUserSpace(uintptr_t Va)
{
    return Va >= UserLo && Va < UserHi;
}

/* What ZwQueryVirtualMemory says of a user address (false: it failed). */
static bool UserQuery(uintptr_t Va, MEMORY_BASIC_INFORMATION *Info)
{
    SIZE_T Length = 0;
    return NT_SUCCESS(ZwQueryVirtualMemory(ZwCurrentProcess(), (PVOID)Va, MemoryBasicInformation,
                                           Info, sizeof(*Info), &Length));
}

static bool PteValid(uintptr_t Va)
{
    ULONG64 Pte = 0;
    return SimQueryPte((PVOID)Va, &Pte, NULL) && (Pte & SIM_PTE_VALID) != 0;
}

/* True if every page of [Va, Va + Bytes) has a valid PTE. */
static bool RangeValid(uintptr_t Va, uint64_t Bytes)
{
    for (uintptr_t Page = Va & ~(uintptr_t)(PAGE_SIZE - 1); Page < Va + Bytes; Page += PAGE_SIZE) {
        if (!PteValid(Page)) {
            return false;
        }
    }
    return true;
}

/* May the harness write a byte at Va? (See the header comment.) */
static bool WriteAllowed(uintptr_t Va)
{
    if (Va < FUZZ_NULL_GUARD) {
        return true; /* faults: 0xD1 or an access violation */
    }
    ULONG64 Pte = 0;
    SIM_SPACE_REGION Region = SimRegionNone;
    if (!SimQueryPte((PVOID)Va, &Pte, &Region)) {
        return false; /* host memory: never */
    }
    if (!(Pte & SIM_PTE_VALID)) {
        /* Faults: 0x50, or a trimmed paged pool page (driver data) comes back. */
        return true;
    }
    SIM_PFN_INFO Pfn;
    if (!SimQueryPfn((PFN_NUMBER)SIM_PTE_PFN(Pte), &Pfn)) {
        return false;
    }
    if (Pfn.State == SimPageMdl || Pfn.State == SimPagePagedPool) {
        return true; /* only drivers keep data there */
    }
    if (Pfn.State == SimPageNonPagedPool && Region == SimRegionNonPagedPool) {
        const SIM_POOL_BLOCK_INFO *Block = BlockContaining(Va);
        return Block != NULL && !IsInternalTag(Block->Tag);
    }
    return false;
}

/* Re-derives every handle's liveness from the simulator. */
static void SyncHandles(void)
{
    LoadBlocks();
    for (int i = 0; i < FUZZ_MAX_HANDLES; i++) {
        FUZZ_HANDLE *h = &H[i];
        switch (h->Kind) {
        case HPool: {
            const SIM_POOL_BLOCK_INFO *Block = BlockAt(h->Va);
            h->Live = Block != NULL && !IsMdlTag(Block->Tag);
            break;
        }
        case HMdl: {
            const SIM_POOL_BLOCK_INFO *Block = BlockAt(h->Va);
            bool Live = Block != NULL && IsMdlTag(Block->Tag);
            bool Intact = !OverlapsLiveBlock(h->Va, h->Size) && RangeValid(h->Va, sizeof(MDL));
            if (Live && Block->Size > h->Size) {
                h->Size = Block->Size; /* the address now holds a larger MDL */
            }
            if (h->Live && !Live) {
                /* Freed since the last operation: remember it as it was. */
                h->Snapshot = Intact;
                if (Intact) {
                    memcpy(h->Header, (const void *)h->Va, sizeof(MDL));
                }
            } else if (!Live && h->Passed && h->Snapshot) {
                /* A DDI used this freed MDL: what it wrote is MDL semantics. */
                h->Snapshot = Intact;
                if (Intact) {
                    memcpy(h->Header, (const void *)h->Va, sizeof(MDL));
                }
            }
            h->Live = Live;
            h->Passed = false;
            break;
        }
        case HMap:
        case HResMap:
            if (h->User) {
                ULONG64 Pte = 0;
                h->Live = SimQueryUserPte((PVOID)h->Va, &Pte) && (Pte & SIM_PTE_VALID) != 0;
            } else {
                h->Live = PteValid(h->Va);
            }
            break;
        case HRes: {
            SIM_RESERVATION_INFO Info;
            h->Live = SimQueryReservation((PVOID)h->Va, &Info) && (uintptr_t)Info.Base == h->Va;
            break;
        }
        case HUser: {
            MEMORY_BASIC_INFORMATION Info;
            h->Live = InUserSpace(h->Va) && UserQuery(h->Va, &Info) && Info.State != MEM_FREE &&
                      (uintptr_t)Info.AllocationBase == h->Va;
            break;
        }
        default:
            break;
        }
    }
}

/* May MDL handle i be handed to a DDI that trusts its contents? */
static bool MdlUsable(int i)
{
    FUZZ_HANDLE *h = &H[i];
    if (h->Kind != HMdl) {
        return false;
    }
    const SIM_POOL_BLOCK_INFO *Block = BlockAt(h->Va);
    if (Block != NULL && IsMdlTag(Block->Tag)) {
        return true; /* a live MDL: only MDL DDIs ever wrote it */
    }
    if (!PteValid(h->Va)) {
        return true; /* its page is gone: the DDI's first read is 0x50 */
    }
    if (h->Snapshot && !OverlapsLiveBlock(h->Va, h->Size) && RangeValid(h->Va, sizeof(MDL)) &&
        memcmp(h->Header, (const void *)h->Va, sizeof(MDL)) == 0) {
        h->Passed = true; /* freed, untouched since */
        return true;
    }
    return false;
}

/* True if the harness itself may read the MDL's fields (its page is there). */
static bool MdlReadable(PMDL Mdl)
{
    return (uintptr_t)Mdl >= FUZZ_NULL_GUARD && RangeValid((uintptr_t)Mdl, sizeof(MDL));
}

/* ------------------------------------------------------------------------ */
/* Argument readers.                                                        */
/* ------------------------------------------------------------------------ */
static uint64_t ArgSize(void)
{
    static const uint64_t Exotic[8] = {0,          1,           PAGE_SIZE - 1, 4080,
                                       4081,       0xFFFFF000u, 0x100000000ull, UINT64_MAX};
    uint8_t b = In8();
    switch (b >> 5) {
    case 0: return b & 31u;                                    /* 0-31 */
    case 1: return 16u * In8();                                /* granules */
    case 2: return ((uint64_t)(b & 31u) + 1) * PAGE_SIZE;      /* 1-32 pages */
    case 3: return In16();
    case 4: return Exotic[b & 7u];
    case 5: return In32();
    case 6: return In64();
    default: return ((uint64_t)(b & 31u) + 1) * 64u * PAGE_SIZE; /* 64-2048 pages */
    }
}

static ULONG ArgTag(void)
{
    static const ULONG Tags[8] = {'tseT', 'gaTM', 'zuF1', '1guB', 'looP', 'ataD', 'aaaa', 'tseT' ^ 1};
    uint8_t b = In8();
    if (b < 0xC0) {
        return Tags[b & 7u];
    }
    switch (b & 7u) {
    case 0: return 0;
    case 1: return 1;
    case 2: return 0x20202020u; /* no letter or digit */
    case 3: return TAG_IO_MDL;
    case 4: return TAG_MM_MDL;
    case 5: return TAG_MIRM;
    case 6: return In32();
    default: return 0x7F7F7F7Fu;
    }
}

/* A tag for the harness's own allocations: never one the simulator uses. */
static ULONG ArgAllocTag(void)
{
    ULONG Tag = ArgTag();
    return IsInternalTag(Tag) ? TAG_DATA : Tag;
}

static MEMORY_CACHING_TYPE ArgCache(void)
{
    uint8_t b = In8() % 10u;
    if (b <= 5) {
        return (MEMORY_CACHING_TYPE)b;
    }
    switch (b) {
    case 6: return MmMaximumCacheType;
    case 7: return MmNotMapped;
    case 8: return (MEMORY_CACHING_TYPE)(int32_t)In32();
    default: return MmCached;
    }
}

/* An address from the table (or NULL + a small offset), clamped to
 * simulated system space. *Which receives the handle (-1 for NULL). */
static uintptr_t ArgPointer(unsigned Preferred, int *Which)
{
    uint8_t s = In8();
    unsigned Source = (s >> 3) & 3u;
    *Which = -1;
    if (Source == FUZZ_PTR_SRC_NULL) {
        return (uintptr_t)In16(); /* < 64 KiB */
    }
    unsigned Mask = Source == FUZZ_PTR_SRC_ANY ? M_ANY : Preferred;
    int i = NthHandle(Mask, In8(), Source == FUZZ_PTR_SRC_LIVE);
    if (i < 0) {
        return 0;
    }
    *Which = i;
    uintptr_t Base = H[i].Va;
    uintptr_t Va = Base;
    switch (s & 7u) {
    case FUZZ_PTR_OFF_ZERO: break;
    case FUZZ_PTR_OFF_BYTE: Va += In8(); break;
    case FUZZ_PTR_OFF_GRANULE: Va += 16u * (uintptr_t)In8(); break;
    case FUZZ_PTR_OFF_PAGES: Va += (uintptr_t)PAGE_SIZE * In8(); break;
    case FUZZ_PTR_OFF_LAST: Va += H[i].Size != 0 ? (uintptr_t)(H[i].Size - 1) : 0; break;
    case FUZZ_PTR_OFF_END: Va += (uintptr_t)H[i].Size; break;
    case FUZZ_PTR_OFF_BACK: Va -= In8(); break;
    default: Va += In32(); break;
    }
    return InSystemSpace(Va) || InUserSpace(Va) ? Va : Base;
}

/* An MDL for a DDI. false: no usable one (the operation is skipped). */
static bool ArgMdl(PMDL *Mdl, int *Which)
{
    uint8_t s = In8();
    *Which = -1;
    if ((s & 0xC0) == 0xC0) {
        *Mdl = (PMDL)(uintptr_t)(8u * (s & 0x3Fu)); /* NULL + a small offset */
        return true;
    }
    int i = NthHandle(M_MDL, s & 0x3Fu, false);
    if (i < 0 || !MdlUsable(i)) {
        return false;
    }
    *Which = i;
    *Mdl = (PMDL)H[i].Va;
    return true;
}

/* ArgMdl for an operation (Which may be NULL); false: none usable (the
 * operation is skipped, and counted so). */
static bool MdlOrSkip(PMDL *Mdl, int *Which)
{
    int Unused;
    if (ArgMdl(Mdl, Which != NULL ? Which : &Unused)) {
        return true;
    }
    Stats.Skipped++;
    return false;
}

/* The MDL of a mapping handle, if it is still that MDL and usable. */
static int MappingMdl(int Mapping)
{
    if (Mapping < 0) {
        return -1;
    }
    int m = H[Mapping].Mdl;
    if (m < 0 || H[m].Kind != HMdl || H[m].Serial != H[Mapping].MdlSerial || !MdlUsable(m)) {
        return -1;
    }
    return m;
}

/* ------------------------------------------------------------------------ */
/* Catch frames. setjmp is only ever called in these two small functions,    */
/* which keep nothing live across it: thunks take their arguments from       */
/* globals (gcc's -Wclobbered at -O3 would otherwise have a point).          */
/* ------------------------------------------------------------------------ */
typedef void (*FUZZ_THUNK)(void);
static FUZZ_THUNK TryThunk, CatchThunk;
static NTSTATUS TryResult;
static SIM_BUGCHECK CatchResult;

/* The thunk inside SIM_TRY_STATUS (as __try/__except): the status raised. */
static NTSTATUS TryStatus(FUZZ_THUNK Thunk) __attribute__((noinline));
static NTSTATUS TryStatus(FUZZ_THUNK Thunk)
{
    TryThunk = Thunk;
    SIM_TRY_STATUS(&TryResult, TryThunk());
    return TryResult;
}

/* The thunk inside SIM_CATCH_BUGCHECK: true (and *Stop) if it stopped. */
static bool CatchStop(FUZZ_THUNK Thunk, SIM_BUGCHECK *Stop) __attribute__((noinline));
static bool CatchStop(FUZZ_THUNK Thunk, SIM_BUGCHECK *Stop)
{
    CatchThunk = Thunk;
    SIM_CATCH_BUGCHECK(&CatchResult, CatchThunk());
    *Stop = CatchResult;
    return CatchResult.Caught != 0;
}

/* Arguments of the call a thunk makes, and its result. */
static struct {
    POOL_FLAGS Flags;
    ULONG Type;
    SIZE_T Bytes;
    ULONG Tag;
    PMDL Mdl;
    KPROCESSOR_MODE Mode;
    LOCK_OPERATION Operation;
    MEMORY_CACHING_TYPE Cache;
    PVOID Requested;
    ULONG BugCheck;
    ULONG Priority;
    bool Variant; /* Safe macro, MmPrepareMdlForReuse, write */
    uintptr_t Va;
    uint64_t Size;
    uint8_t Value;
    PVOID Result;
} A;

/* ------------------------------------------------------------------------ */
/* Oracles: what must hold right after a successful call.                   */
/* ------------------------------------------------------------------------ */
static volatile uint8_t Sink;

static void ReadEnds(void)
{
    Sink = *(volatile const uint8_t *)A.Va;
    Sink = *(volatile const uint8_t *)(A.Va + A.Size - 1);
}

/* Va .. Va + Bytes was just returned to the driver: it must be readable. */
static void OracleReadable(uintptr_t Va, uint64_t Bytes, const char *What)
{
    SIM_BUGCHECK Stop;
    A.Va = Va;
    A.Size = Bytes != 0 ? Bytes : 1;
    if (CatchStop(ReadEnds, &Stop)) {
        char Detail[256];
        SimFormatStopLine(&Stop, Detail, sizeof(Detail));
        Finding(What, Detail);
    }
}

static void OracleZero(uintptr_t Va, uint64_t Bytes, const char *What)
{
    uint64_t Check = Bytes < 512 ? Bytes : 512;
    for (uint64_t k = 0; k < Check; k++) {
        if (((volatile const uint8_t *)Va)[k] != 0) {
            char Detail[128];
            snprintf(Detail, sizeof(Detail), "byte %llu of %llu at %p is 0x%02x",
                     (unsigned long long)k, (unsigned long long)Bytes, (void *)Va,
                     ((volatile const uint8_t *)Va)[k]);
            Finding(What, Detail);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Operations. Each reads its arguments, makes its calls and records new    */
/* handles; a stop anywhere inside lands in RunOp.                          */
/* ------------------------------------------------------------------------ */
static NTSTATUS Raised;

static void NoteRaised(NTSTATUS Status)
{
    if (Status != STATUS_SUCCESS) {
        Stats.Raised++;
    }
}

/* The rest of a pool allocation (A.Flags or A.Type read): its size and tag,
 * the call (Do) inside SIM_TRY_STATUS, the new handle, and what must hold
 * of the block at <= DISPATCH_LEVEL (ZeroWhat NULL: no zeroing promised). */
static void AllocatePool(FUZZ_THUNK Do, const char *ReadableWhat, const char *ZeroWhat)
{
    SIZE_T Bytes = (SIZE_T)ArgSize();
    ULONG Tag = ArgAllocTag();
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    A.Bytes = Bytes;
    A.Tag = Tag;
    A.Result = NULL;
    Raised = TryStatus(Do);
    NoteRaised(Raised);
    if (A.Result == NULL) {
        return;
    }
    uintptr_t Va = (uintptr_t)A.Result;
    AddHandle(HPool, Va, Bytes, Tag, 0);
    if (KeGetCurrentIrql() <= DISPATCH_LEVEL) {
        OracleReadable(Va, Bytes, ReadableWhat);
        if (ZeroWhat != NULL) {
            OracleZero(Va, Bytes, ZeroWhat);
        }
    }
}

static void DoPool2(void)
{
    A.Result = ExAllocatePool2(A.Flags, A.Bytes, A.Tag);
}

static void OpPool2(void)
{
    static const POOL_FLAGS Kinds[16] = {
        POOL_FLAG_NON_PAGED,
        POOL_FLAG_NON_PAGED,
        POOL_FLAG_PAGED,
        POOL_FLAG_NON_PAGED_EXECUTE,
        POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED,
        POOL_FLAG_PAGED | POOL_FLAG_UNINITIALIZED,
        POOL_FLAG_NON_PAGED | POOL_FLAG_CACHE_ALIGNED,
        POOL_FLAG_NON_PAGED | POOL_FLAG_RAISE_ON_FAILURE,
        POOL_FLAG_PAGED | POOL_FLAG_RAISE_ON_FAILURE | POOL_FLAG_UNINITIALIZED,
        POOL_FLAG_NON_PAGED | POOL_FLAG_PAGED,
        POOL_FLAG_SESSION | POOL_FLAG_NON_PAGED,
        POOL_FLAG_USE_QUOTA | POOL_FLAG_NON_PAGED,
        0,
        POOL_FLAG_SPECIAL_POOL | POOL_FLAG_NON_PAGED,
        POOL_FLAG_RESERVED1 | POOL_FLAG_PAGED,
        0, /* raw */
    };
    uint8_t k = In8() & 15u;
    A.Flags = k == 15 ? (POOL_FLAGS)In64() : Kinds[k];
    AllocatePool(DoPool2, "a block ExAllocatePool2 returned is not readable",
                 (A.Flags & POOL_FLAG_UNINITIALIZED)
                     ? NULL
                     : "ExAllocatePool2 without POOL_FLAG_UNINITIALIZED is not zeroed");
}

static void DoPoolWithTag(void)
{
    A.Result = ExAllocatePoolWithTag((POOL_TYPE)A.Type, A.Bytes, A.Tag);
}

static void OpPoolWithTag(void)
{
    static const ULONG Types[16] = {
        NonPagedPool,
        PagedPool,
        NonPagedPoolNx,
        NonPagedPoolCacheAligned,
        PagedPoolCacheAligned,
        NonPagedPool | POOL_ZERO_ALLOCATION,
        PagedPool | POOL_ZERO_ALLOCATION,
        NonPagedPool | POOL_RAISE_IF_ALLOCATION_FAILURE,
        NonPagedPoolMustSucceed,
        DontUseThisType,
        NonPagedPoolSession,
        PagedPoolSession,
        MaxPoolType,
        NonPagedPoolNxCacheAligned,
        NonPagedPoolCacheAlignedMustS,
        0, /* raw */
    };
    uint8_t k = In8() & 15u;
    A.Type = k == 15 ? In32() : Types[k];
    AllocatePool(DoPoolWithTag, "a block ExAllocatePoolWithTag returned is not readable",
                 (A.Type & POOL_ZERO_ALLOCATION)
                     ? "ExAllocatePoolWithTag with POOL_ZERO_ALLOCATION is not zeroed"
                     : NULL);
}

static void OpFreePool(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer(M_POOL | ((v & 8u) ? M_MDL : 0), &Which);
    if (Which >= 0 && H[Which].Kind == HMdl && !MdlUsable(Which)) {
        Stats.Skipped++; /* IoFreeMdl-style reads are not made, but keep MDLs honest */
        return;
    }
    const SIM_POOL_BLOCK_INFO *Owner = BlockAt(Va);
    if (Owner != NULL && IsInternalTag(Owner->Tag) && !IsMdlTag(Owner->Tag)) {
        /* A stale address that now holds Mm's own block (a reservation's
         * "Mirm" node) or the harness's IRP: freeing it is a wild driver
         * corrupting the kernel, which the invariant checker would report
         * rightly - not a simulator bug. */
        Stats.Skipped++;
        return;
    }
    if (v & 1u) {
        ExFreePool((PVOID)Va);
        return;
    }
    ULONG Tag;
    switch ((v >> 1) & 3u) {
    case 0:
    case 1: Tag = Which >= 0 ? H[Which].Tag : ArgTag(); break; /* the right tag */
    case 2: Tag = ArgTag(); break;                             /* maybe wrong */
    default: Tag = 0; break;                                   /* not checked */
    }
    if (Which >= 0 && H[Which].Kind == HMdl && ((v >> 1) & 3u) < 2) {
        SIM_POOL_BLOCK_INFO const *Block = BlockAt(Va);
        Tag = Block != NULL ? Block->Tag : TAG_MM_MDL;
    }
    ExFreePoolWithTag((PVOID)Va, Tag);
}

/* The IRP's MDL chain, cut at the first entry that is not a live MDL (as a
 * driver reinitialising its IRP would): IoAllocateMdl walks it. */
static void SanitizeIrpChain(void)
{
    const SIM_POOL_BLOCK_INFO *Block = BlockAt((uintptr_t)Irp);
    if (Block == NULL || Block->Tag != TAG_IRP) {
        Irp = NULL; /* freed through a stale pointer: a new one next time */
        return;
    }
    PMDL *Link = &Irp->MdlAddress;
    for (int Steps = 0; *Link != NULL; Steps++) {
        const SIM_POOL_BLOCK_INFO *Entry = BlockAt((uintptr_t)*Link);
        if (Steps >= 32 || Entry == NULL || !IsMdlTag(Entry->Tag)) {
            *Link = NULL;
            break;
        }
        Link = &(*Link)->Next;
    }
}

static void OpIoAllocateMdl(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer((v & 0x10u) ? M_ANY : (M_POOL | M_MAP | M_RESMAP | M_USER), &Which);
    ULONG Length = (ULONG)ArgSize();
    BOOLEAN Secondary = (v & 1u) ? TRUE : FALSE;
    BOOLEAN Quota = (v & 2u) ? TRUE : FALSE;
    bool UseIrp = (v & 4u) != 0;
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    if (UseIrp) {
        SanitizeIrpChain();
        if (Irp == NULL) {
            Irp = (PIRP)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(IRP), TAG_IRP);
            if (Irp == NULL) {
                return;
            }
            LoadBlocks();
        }
    }
    PMDL Mdl = IoAllocateMdl((PVOID)Va, Length, Secondary, Quota, UseIrp ? Irp : NULL);
    if (Mdl != NULL) {
        LoadBlocks();
        const SIM_POOL_BLOCK_INFO *Block = BlockAt((uintptr_t)Mdl);
        if (Block == NULL || Block->Tag != TAG_IO_MDL) {
            Finding("IoAllocateMdl returned something that is not an 'Mdl ' pool block", NULL);
        }
        if (Mdl->ByteCount != Length || Mdl->MdlFlags & ~MDL_ALLOCATED_FIXED_SIZE ||
            Mdl->StartVa != PAGE_ALIGN(Va) || Mdl->ByteOffset != BYTE_OFFSET(Va)) {
            Finding("IoAllocateMdl did not initialise the MDL as MmInitializeMdl does", NULL);
        }
        AddHandle(HMdl, (uintptr_t)Mdl, Block->Size, TAG_IO_MDL, 0);
    }
}

static void OpIoFreeMdl(void)
{
    PMDL Mdl;
    if (!MdlOrSkip(&Mdl, NULL)) {
        return;
    }
    IoFreeMdl(Mdl);
}

static void OpBuildPartial(void)
{
    PMDL Source, Target;
    int SourceIndex, TargetIndex;
    if (!ArgMdl(&Source, &SourceIndex) || !ArgMdl(&Target, &TargetIndex)) {
        Stats.Skipped++;
        return;
    }
    uint8_t v = In8();
    /* The address is computed as a driver computes it, from the source MDL
     * (never dereferenced by the DDI). */
    uintptr_t SourceVa = 0;
    ULONG SourceBytes = 0;
    if (MdlReadable(Source)) {
        /* MmGetMdlVirtualAddress, in integers: StartVa may be NULL. */
        SourceVa = (uintptr_t)Source->StartVa + Source->ByteOffset;
        SourceBytes = Source->ByteCount;
    }
    uintptr_t Va = SourceVa;
    switch (v & 7u) {
    case 0: break;
    case 1: Va += In8(); break;
    case 2: Va += (uintptr_t)PAGE_SIZE * (In8() & 31u); break;
    case 3: Va += SourceBytes; break;
    case 4: Va += (uintptr_t)SourceBytes + 1; break;
    case 5: Va -= 1; break;
    case 6: Va += In32(); break;
    default: Va += SourceBytes / 2; break;
    }
    ULONG Length;
    switch ((v >> 3) & 7u) {
    case 0:
    case 1: Length = 0; break; /* the rest */
    case 2: Length = In8(); break;
    case 3: Length = (ULONG)PAGE_SIZE * (In8() & 31u); break;
    case 4: Length = SourceBytes - (ULONG)(Va - SourceVa); break;
    case 5: Length = In32(); break;
    default: Length = SourceBytes; break;
    }
    IoBuildPartialMdl(Source, Target, (PVOID)Va, Length);
}

static void OpBuildNonPaged(void)
{
    PMDL Mdl;
    if (!MdlOrSkip(&Mdl, NULL)) {
        return;
    }
    MmBuildMdlForNonPagedPool(Mdl);
}

static void OpAllocatePages(void)
{
    static const uint64_t Lows[8] = {0, 0, 0x100000, 0x100000000ull, 0x9F000, 0xA0000, 0, 0};
    static const uint64_t Highs[8] = {UINT64_MAX, 0xFFFFFFFFull, 0xFFFFFF, 0x1FFFFFFFFFull,
                                      0x9FFFF,    0,             0, 0};
    static const uint64_t Skips[8] = {0, 0, PAGE_SIZE, 0x10000, 0x200000, 123, 0x100000000ull, 0};
    uint8_t v = In8();
    uint8_t r = In8();
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = (LONGLONG)((r & 7u) == 7 ? (uint64_t)In32() << 12 : Lows[r & 7u]);
    High.QuadPart = (LONGLONG)(((r >> 3) & 7u) == 7   ? Low.QuadPart + (LONGLONG)In32()
                               : ((r >> 3) & 7u) == 6 ? (LONGLONG)In64()
                                                      : (LONGLONG)Highs[(r >> 3) & 7u]);
    uint8_t s = In8();
    Skip.QuadPart = (LONGLONG)((s & 7u) == 7 ? In64() : Skips[s & 7u]);
    SIZE_T Bytes = (SIZE_T)ArgSize();
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    PMDL Mdl;
    ULONG Flags = 0;
    if (v & 1u) {
        Mdl = MmAllocatePagesForMdl(Low, High, Skip, Bytes);
    } else {
        MEMORY_CACHING_TYPE Cache = ArgCache();
        switch ((v >> 1) & 3u) {
        case 0: Flags = 0; break;
        case 1: Flags = In16() & 0x1FFu; break; /* every defined flag */
        case 2: Flags = In32(); break;
        default: Flags = MM_ALLOCATE_FULLY_REQUIRED | (In8() & 0x1u); break;
        }
        Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, Bytes, Cache, Flags);
    }
    if (Mdl == NULL && Pristine && !SpecConfigured && !(v & 1u) && (Flags == 0x20 || Flags == 0x60) &&
        Low.QuadPart == 0 && High.QuadPart == -1 &&
        (Skip.QuadPart == 0x10000 || Skip.QuadPart == 0x200000) && Bytes != 0 &&
        Bytes <= 0x200000 && Bytes % (SIZE_T)Skip.QuadPart == 0 &&
        (Flags == 0x20 || Skip.QuadPart == 0x200000) && KeGetCurrentIrql() <= DISPATCH_LEVEL) {
        /* The fresh machine has 945 free pages from PFN 0x100: aligned
         * blocks of up to 2 MiB (PFN 0x200-0x3FF) are there. */
        Finding("MmAllocatePagesForMdlEx found no aligned contiguous block on a fresh machine", NULL);
    }
    if (Mdl != NULL) {
        LoadBlocks();
        const SIM_POOL_BLOCK_INFO *Block = BlockAt((uintptr_t)Mdl);
        if (Block == NULL || Block->Tag != TAG_MM_MDL) {
            Finding("MmAllocatePagesForMdl(Ex) returned something that is not an 'Mmdl' pool block",
                    NULL);
        }
        uint64_t Asked = Bytes > 0xFFFFF000u ? 0xFFFFF000u : (uint64_t)Bytes;
        if (Mdl->ByteCount == 0 || (Mdl->ByteCount & (PAGE_SIZE - 1)) != 0 ||
            Mdl->ByteCount > ((Asked + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1)) ||
            Mdl->MdlFlags != MDL_PAGES_LOCKED || Mdl->ByteOffset != 0 ||
            sizeof(MDL) + (uint64_t)(Mdl->ByteCount / PAGE_SIZE) * sizeof(PFN_NUMBER) > Block->Size) {
            char Detail[160];
            snprintf(Detail, sizeof(Detail), "asked %llu bytes, got ByteCount %lu, flags 0x%x",
                     (unsigned long long)Bytes, (unsigned long)Mdl->ByteCount,
                     (unsigned)(USHORT)Mdl->MdlFlags);
            Finding("MmAllocatePagesForMdl(Ex) returned an inconsistent MDL", Detail);
        }
        AddHandle(HMdl, (uintptr_t)Mdl, Block->Size, TAG_MM_MDL, 0);
    }
}

static void OpFreePages(void)
{
    uint8_t v = In8();
    PMDL Mdl;
    if (!MdlOrSkip(&Mdl, NULL)) {
        return;
    }
    if (v & 1u) {
        MmFreePagesFromMdl(Mdl);
    } else {
        ULONG Flags = (v & 2u) ? MM_FREE_MDL_PAGES_ZERO : (v & 4u) ? In32() : 0;
        MmFreePagesFromMdlEx(Mdl, Flags);
    }
}

static void DoProbe(void)
{
    MmProbeAndLockPages(A.Mdl, A.Mode, A.Operation);
}

static void OpProbeAndLock(void)
{
    uint8_t v = In8();
    PMDL Mdl;
    if (!MdlOrSkip(&Mdl, NULL)) {
        return;
    }
    A.Mdl = Mdl;
    A.Mode = (v & 0x30u) == 0x30u ? UserMode : KernelMode;
    A.Operation = (LOCK_OPERATION)(v & 3u);
    Raised = TryStatus(DoProbe);
    NoteRaised(Raised);
}

static void OpUnlock(void)
{
    PMDL Mdl;
    if (!MdlOrSkip(&Mdl, NULL)) {
        return;
    }
    MmUnlockPages(Mdl);
}

/* Reads the first and last byte of [A.Va, A.Va + A.Size) (in TryStatus). */
static void ReadEndsRaw(void)
{
    Sink = *(volatile const uint8_t *)A.Va;
    Sink = *(volatile const uint8_t *)(A.Va + A.Size - 1);
}

/* A UserMode mapping of Mdl (handle Which) at Result: recorded, and it must
 * show the MDL's pages at once (they are locked: no fault, no raise). */
static void NoteUserMapping(PVOID Result, PMDL Mdl, int Which, ULONG Priority)
{
    if (((uintptr_t)Result & (PAGE_SIZE - 1)) != Mdl->ByteOffset) {
        Finding("a UserMode mapping does not start at the MDL's byte offset", NULL);
    }
    int i = AddHandle(HMap, (uintptr_t)Result, Mdl->ByteCount, 0, Priority);
    if (i >= 0) {
        H[i].Mdl = Which;
        H[i].MdlSerial = Which >= 0 ? H[Which].Serial : 0;
        H[i].User = true;
    }
    if (Mdl->ByteCount > 0) {
        A.Va = (uintptr_t)Result;
        A.Size = Mdl->ByteCount;
        NTSTATUS Status = TryStatus(ReadEndsRaw);
        if (Status != STATUS_SUCCESS) {
            char Detail[64];
            snprintf(Detail, sizeof(Detail), "raised 0x%08X", (unsigned)Status);
            Finding("a UserMode mapping of locked pages cannot be read", Detail);
        }
    }
}

static void DoMap(void)
{
    if (A.Variant) {
        A.Result = MmGetSystemAddressForMdlSafe(A.Mdl, A.Priority);
    } else {
        A.Result = MmMapLockedPagesSpecifyCache(A.Mdl, A.Mode, A.Cache, A.Requested, A.BugCheck,
                                                A.Priority);
    }
}

static void OpMap(void)
{
    uint8_t v = In8();
    PMDL Mdl;
    int Which;
    if (!MdlOrSkip(&Mdl, &Which)) {
        return;
    }
    MEMORY_CACHING_TYPE Cache = (v & 0x40u) ? ArgCache() : MmCached;
    KPROCESSOR_MODE Mode = (v & 0x30u) == 0x30u ? UserMode : KernelMode;
    ULONG BugCheck = (v & 0x80u) ? ((v & 1u) ? 1u : In32()) : 0;
    ULONG Priority;
    switch ((v >> 1) & 3u) {
    case 0: Priority = NormalPagePriority; break;
    case 1: Priority = NormalPagePriority | MdlMappingNoExecute | (In8() & 1u ? MdlMappingNoWrite : 0); break;
    case 2: Priority = HighPagePriority | MdlMappingWithGuardPtes | (In8() & 1u ? MdlMappingNoWrite : 0); break;
    default: Priority = In32(); break;
    }
    int Requested;
    PVOID RequestedAddress = (v & 8u) ? (PVOID)ArgPointer(M_ANY, &Requested) : NULL;
    bool Safe = (v & 0x30u) == 0x10u && MdlReadable(Mdl);
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    /* Already mapped (retail returns the old address) or not: decides the oracle. */
    bool WasMapped = !MdlReadable(Mdl) ||
                     (Mdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED |
                                       MDL_SOURCE_IS_NONPAGED_POOL)) != 0;
    A.Mdl = Mdl;
    A.Mode = Mode;
    A.Cache = Cache;
    A.Requested = RequestedAddress;
    A.BugCheck = BugCheck;
    A.Priority = Priority;
    A.Variant = Safe;
    A.Result = NULL;
    Raised = TryStatus(DoMap);
    NoteRaised(Raised);
    PVOID Result = A.Result;
    if (Result != NULL && Mode == UserMode && InUserSpace((uintptr_t)Result) && MdlReadable(Mdl)) {
        NoteUserMapping(Result, Mdl, Which, Priority);
    } else if (Result != NULL && InSystemSpace((uintptr_t)Result) && MdlReadable(Mdl)) {
        int i = AddHandle(HMap, (uintptr_t)Result, Mdl->ByteCount, 0, Priority);
        if (i >= 0) {
            H[i].Mdl = Which;
            H[i].MdlSerial = Which >= 0 ? H[Which].Serial : 0;
        }
        if (!WasMapped && Mdl->ByteCount > 0) {
            if (!(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) || Mdl->MappedSystemVa != Result) {
                Finding("MmMapLockedPagesSpecifyCache succeeded but the MDL does not say so", NULL);
            }
            OracleReadable((uintptr_t)Result, Mdl->ByteCount,
                           "a mapping MmMapLockedPagesSpecifyCache returned is not readable");
        }
    }
}

static void DoUnmap(void)
{
    if (A.Variant) {
        MmPrepareMdlForReuse(A.Mdl);
    } else {
        MmUnmapLockedPages((PVOID)A.Va, A.Mdl);
    }
}

static void OpUnmap(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer(M_MAP, &Which);
    PMDL Mdl;
    int MdlIndex = (v & 1u) ? -1 : MappingMdl(Which);
    if (MdlIndex >= 0) {
        Mdl = (PMDL)H[MdlIndex].Va;
    } else if (!ArgMdl(&Mdl, &MdlIndex)) {
        Stats.Skipped++;
        return;
    }
    A.Variant = (v & 6u) == 6u && MdlReadable(Mdl);
    A.Va = Va;
    A.Mdl = Mdl;
    Raised = TryStatus(DoUnmap);
    NoteRaised(Raised);
}

static void DoReserve(SIZE_T Bytes, ULONG Tag, ULONG Flags, bool Ex)
{
    if (!Ex) {
        A.Result = MmAllocateMappingAddress(Bytes, Tag);
    } else if (FuzzConfigByte & FUZZ_CONFIG_NT5) {
        Mute(); /* "does not exist under the nt5 profile", every time */
        A.Result = MmAllocateMappingAddressEx(Bytes, Tag, Flags);
        Unmute();
    } else {
        A.Result = MmAllocateMappingAddressEx(Bytes, Tag, Flags);
    }
}

static void OpReserve(void)
{
    uint8_t v = In8();
    SIZE_T Bytes = (SIZE_T)ArgSize();
    ULONG Tag = ArgTag();
    bool Ex = (v & 1u) != 0;
    ULONG Flags = (v & 2u) ? MM_MAPPING_ADDRESS_DIVISIBLE : (v & 4u) ? In32() : 0;
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    A.Result = NULL;
    DoReserve(Bytes, Tag, Flags, Ex);
    if (A.Result != NULL) {
        SIM_RESERVATION_INFO Info;
        if (!SimQueryReservation(A.Result, &Info) || Info.Base != A.Result || Info.Tag != Tag ||
            Info.MappedPages != 0 ||
            Info.Pages != (Bytes >> PAGE_SHIFT) + ((Bytes & (PAGE_SIZE - 1)) != 0)) {
            Finding("MmAllocateMappingAddress(Ex) returned an address SimQueryReservation does not "
                    "describe as reserved",
                    NULL);
        }
        AddHandle(HRes, (uintptr_t)A.Result, Bytes, Tag, Ex ? Flags : 0);
    }
}

static ULONG ArgOwnerTag(int Which, uint8_t Sel)
{
    switch (Sel & 3u) {
    case 0:
    case 1: return Which >= 0 ? H[Which].Tag : ArgTag(); /* the owner's */
    case 2: return Which >= 0 ? H[Which].Tag ^ 1u : 1u;  /* bit 0 differs */
    default: return ArgTag();
    }
}

static void OpFreeReserved(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer(M_RES, &Which);
    ULONG Tag = ArgOwnerTag(Which, v);
    MmFreeMappingAddress((PVOID)Va, Tag);
}

static void OpMapReserved(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer(M_RES, &Which);
    ULONG Tag = ArgOwnerTag(Which, v);
    PMDL Mdl;
    int MdlIndex;
    if (!ArgMdl(&Mdl, &MdlIndex)) {
        Stats.Skipped++;
        return;
    }
    MEMORY_CACHING_TYPE Cache = (v & 4u) ? ArgCache() : MmCached;
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    PVOID Result = MmMapLockedPagesWithReservedMapping((PVOID)Va, Tag, Mdl, Cache);
    if (Result != NULL && MdlReadable(Mdl)) {
        int i = AddHandle(HResMap, (uintptr_t)Result, Mdl->ByteCount, Tag, 0);
        if (i >= 0) {
            H[i].Address = Va;
            H[i].Mdl = MdlIndex;
            H[i].MdlSerial = MdlIndex >= 0 ? H[MdlIndex].Serial : 0;
        }
        /* The address used is returned (plus the byte offset): under nt5 as
         * given, so only a page-aligned one is checked there. */
        if (!(FuzzConfigByte & FUZZ_CONFIG_NT5) || (Va & (PAGE_SIZE - 1)) == 0) {
            if (!(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)) {
                Finding("MmMapLockedPagesWithReservedMapping succeeded but the MDL does not say so",
                        NULL);
            }
            OracleReadable((uintptr_t)Result, 1,
                           "a reserved mapping MmMapLockedPagesWithReservedMapping returned is not "
                           "readable");
        }
    }
}

static void OpUnmapReserved(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer((v & 8u) ? M_RES : M_RESMAP, &Which);
    ULONG Tag;
    if (Which >= 0 && H[Which].Kind == HResMap && (v & 3u) < 2) {
        Va = H[Which].Address; /* the address it was mapped with */
        Tag = H[Which].Tag;
    } else {
        Tag = ArgOwnerTag(Which, v);
    }
    PMDL Mdl;
    int MdlIndex = (v & 0x10u) ? -1 : (Which >= 0 && H[Which].Kind == HResMap) ? MappingMdl(Which) : -1;
    if (MdlIndex >= 0) {
        Mdl = (PMDL)H[MdlIndex].Va;
    } else if (!ArgMdl(&Mdl, &MdlIndex)) {
        Stats.Skipped++;
        return;
    }
    MmUnmapReservedMapping((PVOID)Va, Tag, Mdl);
}

static void DoTouch(void)
{
    if (A.Variant) {
        *(volatile uint8_t *)A.Va = A.Value;
    } else {
        Sink = *(volatile const uint8_t *)A.Va;
    }
}

static void OpTouch(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer(M_ANY, &Which);
    if (Va >= FUZZ_NULL_GUARD && !InSystemSpace(Va)) {
        Stats.Skipped++;
        return;
    }
    if (Va == 0) {
        Va = 1; /* a load from NULL itself is undefined in C, even in the harness */
    }
    A.Variant = (v & 1u) != 0 && WriteAllowed(Va);
    A.Va = Va;
    A.Value = In8();
    if (v & 2u) {
        Raised = TryStatus(DoTouch); /* __try around the access */
        NoteRaised(Raised);
    } else {
        DoTouch();
    }
}

static void OpIrql(void)
{
    uint8_t v = In8();
    KIRQL To = (KIRQL)(In8() & 31u);
    KIRQL Old = 0;
    switch (v & 3u) {
    case 0:
    case 1: {
        KIRQL Before = KeGetCurrentIrql();
        KeRaiseIrql(To, &Old);
        if (Old != Before || KeGetCurrentIrql() != To) {
            Finding("KeRaiseIrql did not raise to the level asked or returned a wrong old level", NULL);
        }
        KeLowerIrql((KIRQL)(In8() & 31u)); /* above the current level: 0xC4/0x31 */
        break;
    }
    case 2:
        Old = KeRaiseIrqlToDpcLevel();
        if (KeGetCurrentIrql() != DISPATCH_LEVEL) {
            Finding("KeRaiseIrqlToDpcLevel did not raise to DISPATCH_LEVEL", NULL);
        }
        KeLowerIrql(Old);
        break;
    default:
        KeLowerIrql(To);
        break;
    }
}

static void OpTrim(void)
{
    (void)SimTrimPagedPool();
}

static void OpFaults(void)
{
    static const char *const Sites[] = {"pool", "mdl", "pages", "mapping", "lock", "map", "workitem"};
    char Spec[160];
    char Why[256];
    uint8_t v = In8();
    switch (v & 7u) {
    case 0: {
        /* A well-formed spec: must be accepted. */
        size_t Used = 0;
        unsigned Clauses = 1u + (In8() % 3u);
        Spec[0] = '\0';
        for (unsigned c = 0; c < Clauses; c++) {
            uint8_t k = In8();
            char Clause[48];
            switch (k % 6u) {
            case 0:
                if (k & 0x80u) {
                    unsigned Nth = 1u + In8() % 16u;
                    snprintf(Clause, sizeof(Clause), "nth=%u@%s", Nth, Sites[In8() % 7u]);
                } else {
                    snprintf(Clause, sizeof(Clause), "nth=%u", 1u + In8() % 16u);
                }
                break;
            case 1: snprintf(Clause, sizeof(Clause), "random=%u", In16() % 10001u); break;
            case 2: snprintf(Clause, sizeof(Clause), "seed=%llu", (unsigned long long)In32()); break;
            case 3: snprintf(Clause, sizeof(Clause), "delay=%u", In8() % 32u); break;
            case 4: snprintf(Clause, sizeof(Clause), "tags=%s", (k & 0x80u) ? "Mdl,Mm*" : "Tes*,Mirm"); break;
            default: snprintf(Clause, sizeof(Clause), "short=%u", In8() % 101u); break;
            }
            Used += (size_t)snprintf(Spec + Used, sizeof(Spec) - Used, "%s%s", c ? ";" : "", Clause);
        }
        SpecConfigured = true;
        if (!NT_SUCCESS(SimConfigureFaults(Spec, Why, sizeof(Why)))) {
            char Detail[512];
            snprintf(Detail, sizeof(Detail), "spec \"%s\": %s", Spec, Why);
            Finding("SimConfigureFaults refused a well-formed spec", Detail);
        }
        break;
    }
    case 1: {
        /* Raw text from the input (never a file clause, never the log). */
        uint8_t Raw[40];
        size_t Length = In8() % sizeof(Raw);
        InBytes(Raw, Length);
        for (size_t k = 0; k < Length; k++) {
            Spec[k] = (char)(Raw[k] >= 0x20 && Raw[k] < 0x7F ? Raw[k] : ';');
        }
        Spec[Length] = '\0';
        if (strstr(Spec, "systematic") != NULL || strstr(Spec, "record") != NULL ||
            strstr(Spec, "log") != NULL) {
            Stats.Skipped++;
            break;
        }
        SpecConfigured = SpecConfigured || NT_SUCCESS(SimConfigureFaults(Spec, Why, sizeof(Why)));
        break;
    }
    case 2: {
        SIM_FAULT_SITE Site = (SIM_FAULT_SITE)(In8() % (SimFaultSiteCount + 1u));
        SimFailNthCall(Site, In8() % 8u);
        break;
    }
    case 3: {
        ULONG Nth = In8() % 4u;
        SimShortenNthPageAllocation(Nth, In8() % 8u);
        break;
    }
    case 4: SimLimitPageAllocations(In8() % 16u); break;
    case 5: SimClearFaults(); break;
    case 6:
        (void)SimConfigureFaults("", NULL, 0);
        SpecConfigured = false;
        break;
    default: {
        SIM_FAULT_COUNTERS Counters;
        SimQueryFaultCounters(&Counters);
        if (Counters.TotalInjected != SimFaultsInjected(SimFaultSiteCount) ||
            Counters.TotalInjected > Counters.TotalCalls) {
            Finding("fault counters disagree", NULL);
        }
        break;
    }
    }
}

/* The queries' text buffer (dumps, SimIsClean). */
static char QueryText[8192];

/* Queries that are DDIs, each with its oracle (Case 0-3). */
static void QueryDdi(unsigned Case, uint8_t v, uintptr_t Va)
{
    static const wchar_t *const Names[] = {
        L"MmAllocateMappingAddressEx", L"MmAllocateMappingAddress", L"ExAllocatePool2",
        L"MmMapLockedPagesWithReservedMapping", L"MmsimNothing", L"mmallocatemappingaddress",
        L"MmAllocatePagesForMdlEx", L"", L"IoAllocateMdl", L"KeBugCheckEx",
    };
    switch (Case) {
    case 0: {
        BOOLEAN Valid = MmIsAddressValid((PVOID)Va);
        if (InSystemSpace(Va) && Valid != (PteValid(Va) ? TRUE : FALSE)) {
            Finding("MmIsAddressValid disagrees with the PTE", NULL);
        }
        if (Va < FUZZ_NULL_GUARD && Valid) {
            Finding("MmIsAddressValid says an address below 64 KiB is valid", NULL);
        }
        break;
    }
    case 1: {
        PHYSICAL_ADDRESS Pa = MmGetPhysicalAddress((PVOID)Va);
        ULONG64 Pte = 0;
        bool Valid = SimQueryPte((PVOID)Va, &Pte, NULL) && (Pte & SIM_PTE_VALID);
        uint64_t Expected = Valid ? ((SIM_PTE_PFN(Pte) << PAGE_SHIFT) | BYTE_OFFSET(Va)) : 0;
        if ((uint64_t)Pa.QuadPart != Expected) {
            Finding("MmGetPhysicalAddress disagrees with the PTE", NULL);
        }
        break;
    }
    case 2: {
        uint64_t Length = ArgSize();
        SIZE_T Size = MmSizeOfMdl((PVOID)Va, (SIZE_T)Length);
        if (Length < (1ull << 40) &&
            Size != sizeof(MDL) + sizeof(PFN_NUMBER) * ((BYTE_OFFSET(Va) + Length + PAGE_SIZE - 1) >> PAGE_SHIFT)) {
            Finding("MmSizeOfMdl disagrees with ADDRESS_AND_SIZE_TO_SPAN_PAGES", NULL);
        }
        break;
    }
    case 3: {
        const wchar_t *Name = Names[In8() % (sizeof(Names) / sizeof(Names[0]))];
        USHORT Full = (USHORT)(wcslen(Name) * sizeof(WCHAR));
        UNICODE_STRING String;
        String.Buffer = (PWCH)Name;
        String.MaximumLength = (USHORT)(Full + sizeof(WCHAR));
        String.Length = (v & 0x80u) ? (USHORT)(In8() % (Full / sizeof(WCHAR) + 1u) * sizeof(WCHAR)) : Full;
        (void)MmGetSystemRoutineAddress(&String);
        break;
    }
    }
}

/* The Sim* queries (Case 4-5). */
static void QuerySim(unsigned Case, uintptr_t Va)
{
    switch (Case) {
    case 4: {
        SIM_RESERVATION_INFO Info;
        (void)SimQueryReservation((PVOID)Va, &Info);
        SIM_RESERVATION_INFO All[16];
        (void)SimEnumReservations(All, 16);
        break;
    }
    case 5: {
        SIM_MEMORY_STATS Memory;
        SimQueryMemory(&Memory);
        if (Memory.FreePages > Memory.PhysicalPages || Memory.SystemPtesFree > Memory.SystemPtes) {
            Finding("SimQueryMemory reports more free than total", NULL);
        }
        ULONG64 Pages = 0;
        (void)SimQueryMdlMappings(&Pages);
        break;
    }
    }
}

/* The dumps and the rest of the Sim* queries (Case 6-13). */
static void QueryDump(unsigned Case, uint8_t v, uintptr_t Va)
{
    SIM_DUMP_OUTPUT Dump;
    switch (Case) {
    case 6:
        SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), (v & 0x80u) ? SIM_DUMP_SYMBOLIC : 0);
        SimDumpPte(&Dump, (PVOID)Va);
        break;
    case 7: {
        PMDL Mdl;
        int MdlIndex;
        if (ArgMdl(&Mdl, &MdlIndex) && (Mdl == NULL || MdlReadable(Mdl))) {
            SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), SIM_DUMP_SYMBOLIC);
            SimDumpMdl(&Dump, Mdl);
        }
        break;
    }
    case 8:
        SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), SIM_DUMP_SYMBOLIC);
        (void)SimDumpReservation(&Dump, (PVOID)Va);
        break;
    case 9:
        SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), 0);
        SimDumpPageMap(&Dump, (PVOID)Va, In8());
        (void)SimPageMapChar((PVOID)Va);
        break;
    case 10:
        SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), SIM_DUMP_SYMBOLIC);
        SimDumpSysPtes(&Dump);
        SimDumpPoolUsed(&Dump, (v & 0x80u) ? SimPoolUsedSortTag : SimPoolUsedSortBytes);
        break;
    case 11: {
        SIM_PFN_INFO Info;
        ULONG64 Pte = 0;
        if (SimQueryPte((PVOID)Va, &Pte, NULL) && (Pte & SIM_PTE_VALID)) {
            (void)SimQueryPfn((PFN_NUMBER)SIM_PTE_PFN(Pte), &Info);
            SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), SIM_DUMP_SYMBOLIC);
            (void)SimDumpPfn(&Dump, (PFN_NUMBER)SIM_PTE_PFN(Pte));
        }
        (void)SimQueryPfn((PFN_NUMBER)In32(), &Info);
        break;
    }
    case 12:
        (void)SimIsClean(QueryText, sizeof(QueryText));
        (void)SimQueryPoolUsage(NULL, 0);
        break;
    default: {
        SIM_BUGCHECK Fake;
        memset(&Fake, 0, sizeof(Fake));
        Fake.Caught = TRUE;
        Fake.Code = (In8() & 1u) ? 0xDAu : In16();
        Fake.Parameters[0] = In16();
        Fake.Parameters[1] = Va;
        Fake.Parameters[2] = In32();
        SimDumpToBuffer(&Dump, QueryText, sizeof(QueryText), SIM_DUMP_SYMBOLIC);
        SimDumpStop(&Dump, &Fake);
        (void)SimBugCheckMeaning(Fake.Code, Fake.Parameters[0]);
        break;
    }
    }
}

static void OpQuery(void)
{
    uint8_t v = In8();
    int Which;
    uintptr_t Va = ArgPointer(M_ANY, &Which);
    unsigned Case = v % 14u;
    if (Case < 4) {
        QueryDdi(Case, v, Va);
    } else if (Case < 6) {
        QuerySim(Case, Va);
    } else {
        QueryDump(Case, v, Va);
    }
}

static void OpNt5Format(void)
{
    uint8_t Format = In8() % 4u;
    SIM_RESERVATION_INFO Any;
    bool Reserved = SimEnumReservations(&Any, 1) != 0;
    NTSTATUS Status = SimSetNt5HeaderFormat((SIM_NT5_HEADER_FORMAT)Format);
    bool Expected = Format <= SimNt5HeaderWin8 && !Reserved;
    if (NT_SUCCESS(Status) != Expected) {
        Finding("SimSetNt5HeaderFormat: unexpected status", NULL);
    }
}

static void OpReset(void)
{
    SimReset(); /* tears down whatever is live: the teardown paths under ASan */
    Resets++;
    Fresh = !SpecConfigured;
    ForgetHandles();
}

/* ------------------------------------------------------------------------ */
/* The table operation: any MI_DDI_CALL row of sim/mi_ddi_table.h, its      */
/* arguments read by their kinds, the call made from the row. A DDI added   */
/* to the table is fuzzed from then on without a line here.                 */
/* ------------------------------------------------------------------------ */
typedef enum _FUZZ_KIND {
#define X(Kind, CType, What) FuzzKind##Kind,
    MI_ARG_KINDS(X)
#undef X
} FUZZ_KIND;

typedef enum _FUZZ_RESULT {
#define X(Res, What) FuzzResult##Res,
    MI_RESULT_KINDS(X)
#undef X
} FUZZ_RESULT;

#define FUZZ_TABLE_MAX_ARGS 8

typedef struct _FUZZ_ROW {
    const char *Name;
    void (*Call)(void);
    FUZZ_RESULT Result;
    int ArgCount;
    FUZZ_KIND Kinds[FUZZ_TABLE_MAX_ARGS];
} FUZZ_ROW;

static uint64_t TableArgs[FUZZ_TABLE_MAX_ARGS];
static uint64_t TableResult;
static size_t CurrentRow;

/* One function a row: the call, from TableArgs (converted as a C call
 * converts), its result into TableResult. */
#define MI_ARG MI_ARG_CALL
#define MI_ARGV TableArgs
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Res, Args)                    \
    static void TableCall##Name(void)                                          \
    {                                                                          \
        TableResult = MI_RESULT_VALUE_##Res(Name(Args));                       \
    }
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../../sim/mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
#undef MI_ARG
#undef MI_ARGV

/* ... and its description: the arity (one MI_ARG is +1), then the row. */
#define MI_ARG(Index, Kind, Name) +1
enum {
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Res, Args) TableArity##Name = 0 Args,
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../../sim/mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
};
#undef MI_ARG
#define MI_ARG(Index, Kind, Name) [Index] = FuzzKind##Kind,
static const FUZZ_ROW TableRows[] = {
#define MI_DDI_CALL(Name, MaxIrql, Code, SubCode, Res, Args)                    \
    {#Name, TableCall##Name, FuzzResult##Res, TableArity##Name, {Args}},
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode)
#include "../../sim/mi_ddi_table.h"
#undef MI_DDI_ENTRY
#undef MI_DDI_CALL
};
#undef MI_ARG
#define TABLE_ROW_COUNT (sizeof(TableRows) / sizeof(TableRows[0]))

/* A pool block to free: not Mm's own block or the harness's IRP (see
 * OpFreePool), nor an MDL that is not usable. false: skip. */
static bool ArgFreedPool(uint64_t *Value)
{
    int Which;
    uintptr_t Va = ArgPointer(M_POOL | M_MDL, &Which);
    if (Which >= 0 && H[Which].Kind == HMdl && !MdlUsable(Which)) {
        return false;
    }
    const SIM_POOL_BLOCK_INFO *Owner = BlockAt(Va);
    if (Owner != NULL && IsInternalTag(Owner->Tag) && !IsMdlTag(Owner->Tag)) {
        return false;
    }
    *Value = Va;
    return true;
}

/* One argument by its kind; false: no usable value (the call is skipped). */
static bool ArgOfKind(FUZZ_KIND Kind, bool Allocates, uint64_t *Value)
{
    int Which;
    PMDL Mdl;
    switch (Kind) {
    case FuzzKindSize: *Value = ArgSize(); return true;
    case FuzzKindTag: *Value = Allocates ? ArgAllocTag() : ArgTag(); return true;
    case FuzzKindBool: *Value = In8() & 1u; return true;
    case FuzzKindVa: *Value = ArgPointer(M_ANY, &Which); return true;
    case FuzzKindNullVa:
    case FuzzKindIrp: *Value = 0; return true; /* no IRPs, no user mappings here */
    case FuzzKindFreedPool: return ArgFreedPool(Value);
    case FuzzKindPhys: *Value = (In8() & 1u) ? In64() : (uint64_t)In32() << 12; return true;
    case FuzzKindMdl:
    case FuzzKindFreedMdl:
        if (!ArgMdl(&Mdl, &Which)) {
            return false;
        }
        *Value = (uintptr_t)Mdl;
        return true;
    case FuzzKindRegion:
    case FuzzKindFreedRegion: return false; /* core/'s regions are not fuzzed here */
    case FuzzKindCache: *Value = (uint64_t)(int64_t)ArgCache(); return true;
    case FuzzKindMode: *Value = (In8() & 1u) ? UserMode : KernelMode; return true;
    case FuzzKindLockOp: *Value = In8() & 3u; return true;
    case FuzzKindIrql: *Value = In8() & 31u; return true;
    case FuzzKindPoolFlags: *Value = (In8() & 1u) ? In64() : In8(); return true;
    case FuzzKindPoolType: *Value = In8(); return true;
    default: *Value = In32(); return true; /* Number, Ulong, Flags */
    }
}

int FuzzTableRow(const char *Name)
{
    for (size_t i = 0; i < TABLE_ROW_COUNT; i++) {
        if (strcmp(TableRows[i].Name, Name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static void TableCall(void)
{
    TableRows[CurrentRow].Call();
}

/* What the call returned that the harness can use later. */
static void TableKeep(const FUZZ_ROW *Row)
{
    if (TableResult == 0) {
        return;
    }
    LoadBlocks();
    const SIM_POOL_BLOCK_INFO *Block = BlockAt((uintptr_t)TableResult);
    if (Row->Result == FuzzResultMdl && Block != NULL && IsMdlTag(Block->Tag)) {
        AddHandle(HMdl, (uintptr_t)TableResult, Block->Size, Block->Tag, 0);
    } else if (Row->Result == FuzzResultPool && Block != NULL && !IsInternalTag(Block->Tag)) {
        AddHandle(HPool, (uintptr_t)TableResult, Block->Size, Block->Tag, 0);
    }
}

static void OpTable(void)
{
    CurrentRow = In8() % TABLE_ROW_COUNT;
    const FUZZ_ROW *Row = &TableRows[CurrentRow];
    bool Allocates = Row->Result == FuzzResultPool;
    for (int i = 0; i < Row->ArgCount; i++) {
        if (!ArgOfKind(Row->Kinds[i], Allocates, &TableArgs[i])) {
            Stats.Skipped++;
            return;
        }
    }
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    CurrentOpName = Row->Name;
    TableResult = 0;
    Mute(); /* a few DDIs say something on every call (nt5: the Ex forms) */
    Raised = TryStatus(TableCall);
    Unmute();
    NoteRaised(Raised);
    TableKeep(Row);
}

/* ------------------------------------------------------------------------ */
/* The user address space (FuzzOpUser). The harness acts for the process's  */
/* user code (SimAllocateUserBuffer, touches inside SIM_TRY_STATUS) and for  */
/* a driver handed its buffers (Zw*VirtualMemory on the current process,     */
/* probes, MDLs locked and mapped in UserMode).                              */
/* ------------------------------------------------------------------------ */
static const ULONG UserProtects[16] = {
    PAGE_NOACCESS,          PAGE_READONLY,          PAGE_READWRITE,
    PAGE_EXECUTE,           PAGE_EXECUTE_READ,      PAGE_EXECUTE_READWRITE,
    PAGE_READWRITE | PAGE_GUARD, PAGE_READONLY | PAGE_GUARD, PAGE_READWRITE | PAGE_NOCACHE,
    PAGE_READWRITE,         PAGE_READWRITE,         PAGE_READONLY,
    0,                            /* invalid: no protection */
    PAGE_READONLY | PAGE_READWRITE, /* invalid: two */
    PAGE_NOACCESS | PAGE_GUARD,   /* invalid: guard without access */
    0xFFFFFFFFu,                  /* the next 4 bytes */
};

/* A protection from the input; *Invalid: one the documentation refuses. */
static ULONG ArgProtect(bool *Invalid)
{
    uint8_t b = In8() & 15u;
    *Invalid = b >= 12 && b <= 14;
    return b == 15 ? In32() : UserProtects[b];
}

/* A user address: a user region (+ offset), NULL, a system-space address
 * or the next 8 bytes (anything: kernel addresses, the top of user space). */
static uintptr_t ArgUserAddress(int *Which)
{
    uint8_t b = In8();
    *Which = -1;
    switch (b & 3u) {
    case 0: return ArgPointer(M_USER, Which);
    case 1: return 0;
    case 2: return ArgPointer(M_POOL | M_MAP | M_RES, Which);
    default: return (uintptr_t)In64();
    }
}

static struct {
    PVOID Base;
    SIZE_T Size;
    ULONG_PTR ZeroBits;
    ULONG Type, Protect, Old;
    NTSTATUS Status;
    MEMORY_BASIC_INFORMATION Info;
    SIZE_T Length, Returned;
} U;

static void DoUserAllocate(void)
{
    U.Status = ZwAllocateVirtualMemory(ZwCurrentProcess(), &U.Base, U.ZeroBits, &U.Size, U.Type,
                                       U.Protect);
}

static void DoUserFree(void)
{
    U.Status = ZwFreeVirtualMemory(ZwCurrentProcess(), &U.Base, &U.Size, U.Type);
}

static void DoUserProtect(void)
{
    U.Status = ZwProtectVirtualMemory(ZwCurrentProcess(), &U.Base, &U.Size, U.Protect, &U.Old);
}

static void DoUserQuery(void)
{
    U.Status = ZwQueryVirtualMemory(ZwCurrentProcess(), U.Base, MemoryBasicInformation, &U.Info,
                                    U.Length, &U.Returned);
}

static void DoUserProbe(void)
{
    if (A.Variant) {
        ProbeForWrite((PVOID)A.Va, (SIZE_T)A.Size, A.Priority);
    } else {
        ProbeForRead((const void *)A.Va, (SIZE_T)A.Size, A.Priority);
    }
}

static void DoUserBuffer(void)
{
    A.Result = SimAllocateUserBuffer(U.Size, U.Protect, A.Size != 0 ? (const void *)&U.Info : NULL,
                                     (SIZE_T)A.Size);
}

static void DoUserCompare(void)
{
    A.Value = memcmp((const void *)A.Va, &U.Info, (size_t)A.Size) != 0;
}

static void DoUserLock(void)
{
    MmProbeAndLockPages(A.Mdl, UserMode, A.Operation);
}

/* An expected status: Got must be Want (the call's only invalid argument). */
static void OracleStatus(NTSTATUS Got, NTSTATUS Want, const char *Call, const char *Why)
{
    if (Got != Want) {
        char Detail[160];
        snprintf(Detail, sizeof(Detail), "%s returned 0x%08X, not 0x%08X (%s)", Call,
                 (unsigned)Got, (unsigned)Want, Why);
        Finding("a user-space call did not return its documented status", Detail);
    }
}

/* After a successful call on [Base, Base + Size): the region as
 * ZwQueryVirtualMemory sees it must be State (and Protect, unless 0). */
static void OracleRegion(uintptr_t Base, ULONG State, ULONG Protect, const char *Call)
{
    MEMORY_BASIC_INFORMATION Info;
    if (!UserQuery(Base, &Info)) {
        Finding("ZwQueryVirtualMemory failed on an address a call just succeeded on", Call);
    }
    if (Info.State != State || (Protect != 0 && Info.Protect != Protect) ||
        (uintptr_t)Info.BaseAddress != Base) {
        char Detail[200];
        snprintf(Detail, sizeof(Detail),
                 "%s at %p: the query says base %p state 0x%X protect 0x%X, expected state 0x%X "
                 "protect 0x%X",
                 Call, (void *)Base, Info.BaseAddress, (unsigned)Info.State, (unsigned)Info.Protect,
                 (unsigned)State, (unsigned)Protect);
        Finding("the user address space does not say what a call did", Detail);
    }
}

static void UserAllocate(uint8_t v)
{
    static const ULONG Types[8] = {MEM_RESERVE, MEM_COMMIT, MEM_RESERVE | MEM_COMMIT,
                                   MEM_RESERVE | MEM_COMMIT | MEM_TOP_DOWN, MEM_RESET,
                                   0 /* invalid */, MEM_RESET | MEM_COMMIT /* invalid */,
                                   0xFFFFFFFFu /* the next 4 bytes */};
    int Which;
    uintptr_t Base = ArgUserAddress(&Which);
    SIZE_T Size = (SIZE_T)ArgSize();
    ULONG Type = Types[(v >> 3) & 7u];
    Type = Type == 0xFFFFFFFFu ? In32() : Type;
    ULONG_PTR ZeroBits = (v & 0x40u) ? (ULONG_PTR)(In8() & 31u) : 0;
    bool BadProtect;
    ULONG Protect = ArgProtect(&BadProtect);
    const ULONG Known = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_TOP_DOWN;
    bool BadType = (Type & ~Known) != 0 || (Type & (MEM_COMMIT | MEM_RESERVE | MEM_RESET)) == 0 ||
                   ((Type & MEM_RESET) && Type != MEM_RESET);
    bool BadZeroBits = ZeroBits > 21;
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    U.Base = (PVOID)Base;
    U.Size = Size;
    U.ZeroBits = ZeroBits;
    U.Type = Type;
    U.Protect = Protect;
    U.Status = STATUS_SUCCESS;
    Raised = TryStatus(DoUserAllocate);
    NoteRaised(Raised);
    if (Raised != STATUS_SUCCESS) {
        return;
    }
    /* Each argument alone that the documentation refuses, with its status. */
    if (BadType && !BadZeroBits && !BadProtect) {
        OracleStatus(U.Status, STATUS_INVALID_PARAMETER_5, "ZwAllocateVirtualMemory", "AllocationType");
    } else if (BadZeroBits && !BadType && !BadProtect) {
        OracleStatus(U.Status, STATUS_INVALID_PARAMETER_3, "ZwAllocateVirtualMemory", "ZeroBits");
    } else if (BadProtect && !BadType && !BadZeroBits) {
        OracleStatus(U.Status, STATUS_INVALID_PAGE_PROTECTION, "ZwAllocateVirtualMemory", "Protect");
    }
    if (!NT_SUCCESS(U.Status)) {
        return;
    }
    uintptr_t Got = (uintptr_t)U.Base;
    if (BadType || BadZeroBits || BadProtect) {
        Finding("ZwAllocateVirtualMemory succeeded with an argument the documentation refuses", NULL);
    }
    if (Got == 0 || (Got & (PAGE_SIZE - 1)) != 0 || U.Size == 0 || (U.Size & (PAGE_SIZE - 1)) != 0 ||
        !InUserSpace(Got) || U.Size > UserHi - Got ||
        ((Type & MEM_RESERVE) && (Got & 0xFFFFu) != 0) ||
        (Base != 0 && (Base < Got || Base >= Got + U.Size))) {
        char Detail[160];
        snprintf(Detail, sizeof(Detail), "asked %p, %#llx bytes; got %p, %#llx bytes", (void *)Base,
                 (unsigned long long)Size, (void *)Got, (unsigned long long)U.Size);
        Finding("ZwAllocateVirtualMemory returned a region Windows would not", Detail);
    }
    if (Type == MEM_RESET) {
        return;
    }
    /* The protection is the one asked for where the call made the region
     * (committing pages already committed need not change theirs). */
    OracleRegion(Got, (Type & MEM_COMMIT) ? MEM_COMMIT : MEM_RESERVE,
                 (Type & MEM_COMMIT) && (Type & MEM_RESERVE) ? Protect : 0,
                 "ZwAllocateVirtualMemory");
    if (Type & MEM_RESERVE) {
        AddHandle(HUser, Got, U.Size, 0, Type);
    }
}

static void UserFree(uint8_t v)
{
    static const ULONG Types[4] = {MEM_RELEASE, MEM_DECOMMIT, MEM_RELEASE | MEM_DECOMMIT, 0};
    int Which;
    uintptr_t Base = ArgUserAddress(&Which);
    SIZE_T Size = (v & 0x40u) ? (SIZE_T)ArgSize() : 0;
    ULONG Type = Types[(v >> 3) & 3u];
    U.Base = (PVOID)Base;
    U.Size = Size;
    U.Type = Type;
    U.Status = STATUS_SUCCESS;
    Raised = TryStatus(DoUserFree);
    NoteRaised(Raised);
    if (Raised != STATUS_SUCCESS) {
        return;
    }
    bool BadType = Type != MEM_RELEASE && Type != MEM_DECOMMIT;
    if (BadType && InUserSpace(Base) && Size <= UserHi - Base) {
        OracleStatus(U.Status, STATUS_INVALID_PARAMETER_4, "ZwFreeVirtualMemory", "FreeType");
    }
    if (!NT_SUCCESS(U.Status)) {
        return;
    }
    if (BadType || !InUserSpace(Base)) {
        Finding("ZwFreeVirtualMemory succeeded on a bad type or a non-user address", NULL);
    }
    OracleRegion((uintptr_t)U.Base, Type == MEM_RELEASE ? MEM_FREE : MEM_RESERVE, 0,
                 "ZwFreeVirtualMemory");
}

static void UserProtect(uint8_t v)
{
    int Which;
    uintptr_t Base = ArgUserAddress(&Which);
    SIZE_T Size = (v & 0x40u) ? (SIZE_T)ArgSize() : PAGE_SIZE;
    bool BadProtect;
    ULONG Protect = ArgProtect(&BadProtect);
    U.Base = (PVOID)Base;
    U.Size = Size;
    U.Protect = Protect;
    U.Old = 0;
    U.Status = STATUS_SUCCESS;
    Raised = TryStatus(DoUserProtect);
    NoteRaised(Raised);
    if (Raised != STATUS_SUCCESS) {
        return;
    }
    if (BadProtect && InUserSpace(Base) && Size != 0 && Size <= UserHi - Base) {
        OracleStatus(U.Status, STATUS_INVALID_PAGE_PROTECTION, "ZwProtectVirtualMemory", "NewProtect");
    }
    if (!NT_SUCCESS(U.Status)) {
        return;
    }
    if (BadProtect || U.Old == 0) {
        Finding("ZwProtectVirtualMemory succeeded with a refused protection or no old one", NULL);
    }
    OracleRegion((uintptr_t)U.Base, MEM_COMMIT, Protect, "ZwProtectVirtualMemory");
}

static void UserQueryOp(uint8_t v)
{
    int Which;
    uintptr_t Base = ArgUserAddress(&Which);
    U.Base = (PVOID)Base;
    U.Length = (v & 0x40u) ? (SIZE_T)(In8() % (sizeof(MEMORY_BASIC_INFORMATION) + 8))
                           : sizeof(MEMORY_BASIC_INFORMATION);
    U.Returned = 0;
    U.Status = STATUS_SUCCESS;
    Raised = TryStatus(DoUserQuery);
    NoteRaised(Raised);
    if (Raised != STATUS_SUCCESS) {
        return;
    }
    if (U.Length < sizeof(MEMORY_BASIC_INFORMATION)) {
        OracleStatus(U.Status, STATUS_INFO_LENGTH_MISMATCH, "ZwQueryVirtualMemory", "Length");
    } else if (Base > (uintptr_t)MmHighestUserAddress && NT_SUCCESS(U.Status)) {
        Finding("ZwQueryVirtualMemory described an address above the highest user address", NULL);
    }
    if (!NT_SUCCESS(U.Status)) {
        return;
    }
    const MEMORY_BASIC_INFORMATION *I = &U.Info;
    uintptr_t Lo = (uintptr_t)I->BaseAddress;
    if (U.Returned != sizeof(*I) || Lo > Base || Base - Lo >= I->RegionSize ||
        (Lo & (PAGE_SIZE - 1)) != 0 || (I->RegionSize & (PAGE_SIZE - 1)) != 0 ||
        (I->State != MEM_COMMIT && I->State != MEM_RESERVE && I->State != MEM_FREE)) {
        char Detail[200];
        snprintf(Detail, sizeof(Detail), "at %p: base %p, allocation %p, %#llx bytes, state 0x%X",
                 (void *)Base, I->BaseAddress, I->AllocationBase,
                 (unsigned long long)I->RegionSize, (unsigned)I->State);
        Finding("ZwQueryVirtualMemory returned a region that does not hold the address", Detail);
    }
}

static void UserProbe(uint8_t v)
{
    static const ULONG Alignments[8] = {1, 2, 4, 8, 16, 1, 4, 1};
    int Which;
    uintptr_t Va = ArgUserAddress(&Which);
    A.Va = Va;
    A.Size = ArgSize();
    A.Priority = Alignments[(v >> 3) & 7u];
    A.Variant = (v & 0x40u) != 0;
    Raised = TryStatus(DoUserProbe);
    NoteRaised(Raised);
    /* ProbeForWrite writes each page: a guard page raises its own status
     * (docs/io.md); ProbeForRead checks the range only. */
    bool Guard = A.Variant && Raised == STATUS_GUARD_PAGE_VIOLATION;
    if (Raised != STATUS_SUCCESS && Raised != STATUS_ACCESS_VIOLATION &&
        Raised != STATUS_DATATYPE_MISALIGNMENT && !Guard) {
        char Detail[64];
        snprintf(Detail, sizeof(Detail), "raised 0x%08X", (unsigned)Raised);
        Finding("a probe raised a status ProbeForRead/ProbeForWrite never raise", Detail);
    }
    /* A probe of a range reaching into system space must raise. */
    if (Raised == STATUS_SUCCESS && A.Size != 0 &&
        (Va + A.Size < Va || Va + A.Size > (uintptr_t)MmUserProbeAddress)) {
        Finding("a probe of a range beyond MmUserProbeAddress did not raise", NULL);
    }
}

static void UserBuffer(uint8_t v)
{
    bool BadProtect;
    U.Size = (SIZE_T)ArgSize();
    U.Protect = ArgProtect(&BadProtect);
    A.Size = (v >> 3) & 15u; /* contents: that many bytes of the input */
    InBytes((uint8_t *)&U.Info, (size_t)A.Size);
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    A.Result = NULL;
    Raised = TryStatus(DoUserBuffer);
    NoteRaised(Raised);
    if (A.Result == NULL) {
        return;
    }
    uintptr_t Va = (uintptr_t)A.Result;
    if (!InUserSpace(Va) || BadProtect || U.Size == 0) {
        Finding("SimAllocateUserBuffer returned a buffer for a refused request", NULL);
    }
    MEMORY_BASIC_INFORMATION Info;
    if (!UserQuery(Va, &Info) || Info.AllocationBase == NULL) {
        Finding("ZwQueryVirtualMemory does not know a buffer SimAllocateUserBuffer returned", NULL);
    }
    AddHandle(HUser, (uintptr_t)Info.AllocationBase, U.Size, 0, U.Protect);
    OracleRegion(Va & ~(uintptr_t)(PAGE_SIZE - 1), MEM_COMMIT, U.Protect, "SimAllocateUserBuffer");
    bool Readable = (U.Protect & (PAGE_READONLY | PAGE_READWRITE | PAGE_EXECUTE_READ |
                                  PAGE_EXECUTE_READWRITE)) != 0 && !(U.Protect & PAGE_GUARD);
    if (Readable && A.Size != 0 && A.Size <= U.Size && KeGetCurrentIrql() < DISPATCH_LEVEL) {
        A.Va = Va;
        NTSTATUS Status = TryStatus(DoUserCompare);
        if (Status != STATUS_SUCCESS && Status != STATUS_IN_PAGE_ERROR) {
            Finding("a readable user buffer raised when read", NULL);
        }
        if (Status == STATUS_SUCCESS && A.Value != 0) {
            Finding("a user buffer does not hold the contents it was filled with", NULL);
        }
    }
}

static void UserTouch(uint8_t v)
{
    int Which;
    uintptr_t Va = ArgPointer(M_USER, &Which);
    if (!InUserSpace(Va)) {
        Stats.Skipped++;
        return;
    }
    MEMORY_BASIC_INFORMATION Before;
    bool Known = UserQuery(Va, &Before);
    A.Variant = (v & 0x40u) != 0;
    A.Va = Va;
    A.Value = In8();
    Raised = TryStatus(DoTouch);
    NoteRaised(Raised);
    /* The outcome the user range promises, where nothing else can intervene:
     * at PASSIVE_LEVEL, no injection spec in force (a first touch may fail
     * for want of RAM: STATUS_IN_PAGE_ERROR). */
    if (!Known || KeGetCurrentIrql() != PASSIVE_LEVEL || SpecConfigured) {
        return;
    }
    if (Before.State != MEM_COMMIT && Raised != STATUS_ACCESS_VIOLATION) {
        Finding("a touch of reserved or free user memory did not raise an access violation", NULL);
    }
    if (Before.State == MEM_COMMIT && Before.Protect == PAGE_READWRITE &&
        Raised != STATUS_SUCCESS && Raised != STATUS_IN_PAGE_ERROR) {
        char Detail[64];
        snprintf(Detail, sizeof(Detail), "raised 0x%08X", (unsigned)Raised);
        Finding("a touch of committed read-write user memory raised", Detail);
    }
}

static void UserLock(uint8_t v)
{
    int Which;
    uintptr_t Va = ArgPointer(M_USER, &Which);
    ULONG Length = (ULONG)ArgSize();
    if (NewSlot() < 0) {
        Stats.Skipped++;
        return;
    }
    PMDL Mdl = IoAllocateMdl((PVOID)Va, Length, FALSE, FALSE, NULL);
    if (Mdl == NULL) {
        return;
    }
    LoadBlocks();
    int m = AddHandle(HMdl, (uintptr_t)Mdl, MmSizeOfMdl((PVOID)Va, Length), 0, 0);
    A.Mdl = Mdl;
    A.Operation = (LOCK_OPERATION)((v >> 3) & 3u);
    Raised = TryStatus(DoUserLock);
    NoteRaised(Raised);
    if (Raised != STATUS_SUCCESS || !(v & 0x40u) || NewSlot() < 0) {
        return;
    }
    if (!(Mdl->MdlFlags & MDL_PAGES_LOCKED)) {
        Finding("MmProbeAndLockPages(UserMode) returned but the MDL is not locked", NULL);
    }
    /* And mapped into the user range, as a METHOD_NEITHER driver would. */
    A.Mode = UserMode;
    A.Cache = MmCached;
    A.Requested = NULL;
    A.BugCheck = 0;
    A.Priority = NormalPagePriority;
    A.Variant = false;
    A.Result = NULL;
    Raised = TryStatus(DoMap);
    NoteRaised(Raised);
    if (A.Result != NULL) {
        if (!InUserSpace((uintptr_t)A.Result)) {
            Finding("MmMapLockedPagesSpecifyCache(UserMode) mapped outside the user range", NULL);
        }
        NoteUserMapping(A.Result, Mdl, m, NormalPagePriority);
    }
}

static void OpUser(void)
{
    uint8_t v = In8();
    switch (v & 7u) {
    case FUZZ_USER_ALLOCATE: UserAllocate(v); break;
    case FUZZ_USER_FREE: UserFree(v); break;
    case FUZZ_USER_PROTECT: UserProtect(v); break;
    case FUZZ_USER_QUERY: UserQueryOp(v); break;
    case FUZZ_USER_PROBE: UserProbe(v); break;
    case FUZZ_USER_BUFFER: UserBuffer(v); break;
    case FUZZ_USER_TOUCH: UserTouch(v); break;
    default: UserLock(v); break;
    }
}

typedef void (*FUZZ_OP_ROUTINE)(void);
static const struct {
    FUZZ_OP_ROUTINE Routine;
    const char *Name;
} Ops[FUZZ_OP_COUNT] = {
    [FuzzOpPool2] = {OpPool2, "ExAllocatePool2"},
    [FuzzOpPoolWithTag] = {OpPoolWithTag, "ExAllocatePoolWithTag"},
    [FuzzOpFreePool] = {OpFreePool, "ExFreePool(WithTag)"},
    [FuzzOpIoAllocateMdl] = {OpIoAllocateMdl, "IoAllocateMdl"},
    [FuzzOpIoFreeMdl] = {OpIoFreeMdl, "IoFreeMdl"},
    [FuzzOpBuildPartial] = {OpBuildPartial, "IoBuildPartialMdl"},
    [FuzzOpBuildNonPaged] = {OpBuildNonPaged, "MmBuildMdlForNonPagedPool"},
    [FuzzOpAllocatePages] = {OpAllocatePages, "MmAllocatePagesForMdl(Ex)"},
    [FuzzOpFreePages] = {OpFreePages, "MmFreePagesFromMdl(Ex)"},
    [FuzzOpProbeAndLock] = {OpProbeAndLock, "MmProbeAndLockPages"},
    [FuzzOpUnlock] = {OpUnlock, "MmUnlockPages"},
    [FuzzOpMap] = {OpMap, "MmMapLockedPagesSpecifyCache"},
    [FuzzOpUnmap] = {OpUnmap, "MmUnmapLockedPages"},
    [FuzzOpReserve] = {OpReserve, "MmAllocateMappingAddress(Ex)"},
    [FuzzOpFreeReserved] = {OpFreeReserved, "MmFreeMappingAddress"},
    [FuzzOpMapReserved] = {OpMapReserved, "MmMapLockedPagesWithReservedMapping"},
    [FuzzOpUnmapReserved] = {OpUnmapReserved, "MmUnmapReservedMapping"},
    [FuzzOpTouch] = {OpTouch, "touch"},
    [FuzzOpIrql] = {OpIrql, "KeRaiseIrql/KeLowerIrql"},
    [FuzzOpTrim] = {OpTrim, "SimTrimPagedPool"},
    [FuzzOpFaults] = {OpFaults, "fault injection"},
    [FuzzOpQuery] = {OpQuery, "queries"},
    [FuzzOpNt5Format] = {OpNt5Format, "SimSetNt5HeaderFormat"},
    [FuzzOpReset] = {OpReset, "SimReset"},
    [FuzzOpTable] = {OpTable, "a DDI of the table"},
    [FuzzOpUser] = {OpUser, "user address space"},
};

/* ------------------------------------------------------------------------ */
/* Driver.                                                                  */
/* ------------------------------------------------------------------------ */
/* The stop of a failed MI_ASSERT (0x1A, Parameter 1 "MiAs"; docs/
 * architecture.md): the simulator found its own state broken - a simulator
 * bug, never an answer to hostile arguments (fuzz20b: it was caught as one,
 * so with a fix reverted the regression seeds ran clean in the Debug presets,
 * where the assertion stops before the invariant checker could look). */
#define FUZZ_INTERNAL_ERROR_STOP 0x4D694173u

static void CheckStopIsNotInternal(const SIM_BUGCHECK *Stop)
{
    if (Stop->Code == 0x1A && Stop->Parameters[0] == FUZZ_INTERNAL_ERROR_STOP) {
        char Detail[512];
        snprintf(Detail, sizeof(Detail), "MI_ASSERT(%s) at %s:%llu",
                 (const char *)Stop->Parameters[3], (const char *)Stop->Parameters[1],
                 (unsigned long long)Stop->Parameters[2]);
        Finding("an internal assertion of the simulator failed", Detail);
    }
}

static void CountStop(ULONG Code)
{
    Stats.Stops++;
    for (int i = 0; i < 16; i++) {
        if (Stats.StopCodes[i] == 0 || Stats.StopCodeValues[i] == Code) {
            Stats.StopCodeValues[i] = Code;
            Stats.StopCodes[i]++;
            return;
        }
    }
}

/* After every call, what the call touched (SimCheckInvariantsTouched); the
 * whole machine every WholeEvery-th check and at the end of each input
 * (FuzzSetWholeChecks; FUZZ_DDI_WHOLE_CHECKS=N in the environment; 1: the
 * whole machine after every call). */
static unsigned WholeEvery = FUZZ_WHOLE_CHECK_EVERY;
static bool WholeEveryRead;

void FuzzSetWholeChecks(unsigned Every)
{
    WholeEvery = Every;
    WholeEveryRead = true;
}

static void CheckInvariantsHow(bool Whole)
{
    static char Report[4096];
    if (!WholeEveryRead) {
        const char *Value = getenv("FUZZ_DDI_WHOLE_CHECKS");
        WholeEvery = Value != NULL && atoi(Value) > 0 ? (unsigned)atoi(Value) : WholeEvery;
        WholeEveryRead = true;
    }
    Stats.InvariantChecks++;
    Whole = Whole || WholeEvery <= 1 || Stats.InvariantChecks % WholeEvery == 0;
    Stats.WholeChecks += Whole;
    if (!(Whole ? SimCheckInvariants : SimCheckInvariantsTouched)(Report, sizeof(Report))) {
        Finding("SimCheckInvariants failed after a call that did not stop", Report);
    }
}

static void CheckInvariants(void)
{
    CheckInvariantsHow(false);
}

static void ProbeRefusal(void)
{
    (void)MmIsAddressValid(NULL);
}

static void AfterStop(const SIM_BUGCHECK *Stop, bool MayCheckRefusal)
{
    if (Stop->Refused) {
        Finding("a DDI was refused although the machine was running", NULL);
    }
    CheckStopIsNotInternal(Stop);
    CountStop(Stop->Code);
    if (!SimIsStopped(NULL)) {
        Finding("a bug check was caught but SimIsStopped says the machine runs", NULL);
    }
    if (MayCheckRefusal) {
        /* A stopped machine refuses every DDI (README: exit status 87 uncaught). */
        SIM_BUGCHECK Refusal;
        Mute(); /* "refused: the machine is stopped", every time */
        bool Caught = CatchStop(ProbeRefusal, &Refusal);
        Unmute();
        if (!Caught || !Refusal.Refused || Refusal.Code != Stop->Code) {
            Finding("a stopped machine accepted a DDI (or refused it with another stop)", NULL);
        }
    }
    SimReset();
    Resets++;
    Fresh = !SpecConfigured;
    ForgetHandles();
    Pristine = true;
}

static unsigned CurrentOp;
static KIRQL CurrentIrql;

/* An operation at its IRQL. */
static void RunCurrentOp(void)
{
    if (CurrentIrql != PASSIVE_LEVEL) {
        KIRQL Old;
        KeRaiseIrql(CurrentIrql, &Old);
        (void)Old;
    }
    Ops[CurrentOp].Routine();
}

static void LowerToPassive(void)
{
    KeLowerIrql(PASSIVE_LEVEL);
}

static void RunOp(uint8_t OpByte)
{
    /* Bytes above the last operation alias the first ones, modulo
     * FUZZ_OP_ALIAS_BASE (so inputs written before FuzzOpUser replay as they
     * did: only 25, an alias of 0 before, changed meaning). */
    unsigned Raw = OpByte & 31u;
    bool Alias = Raw >= FUZZ_OP_COUNT;
    unsigned Op = Alias ? Raw % FUZZ_OP_ALIAS_BASE : Raw;
    unsigned Sel = OpByte >> 5;
    KIRQL Irql = Sel == FUZZ_IRQL_APC        ? APC_LEVEL
                 : Sel == FUZZ_IRQL_DISPATCH ? DISPATCH_LEVEL
                 : Sel == FUZZ_IRQL_RAW      ? (KIRQL)(In8() & 31u)
                                             : PASSIVE_LEVEL;
    CurrentOpName = Ops[Op].Name;
    Fresh = false;
    Pristine = Pristine && Op == FuzzOpAllocatePages && Sel <= FUZZ_IRQL_DISPATCH;
    Stats.Operations++;
    Stats.PerOp[Op]++;
    Raised = STATUS_SUCCESS;
    LoadBlocks();
    size_t At = InPos;
    SIM_BUGCHECK Stop;
    CurrentOp = Op;
    CurrentIrql = Irql;
    bool Stopped = CatchStop(RunCurrentOp, &Stop);
    Unmute(); /* in case a stop left a muted call */
    if (!Stopped && KeGetCurrentIrql() != PASSIVE_LEVEL) {
        Stopped = CatchStop(LowerToPassive, &Stop);
    }
    if (Trace) {
        char Line[160] = "ok";
        if (Stopped) {
            SimFormatStopLine(&Stop, Line, sizeof(Line));
        }
        int Handles = 0;
        for (int i = 0; i < FUZZ_MAX_HANDLES; i++) {
            Handles += H[i].Kind != HNone;
        }
        fprintf(stderr, "fuzz_ddi: @%zu %s at IRQL %u (%zu argument bytes): %s%s [%d handles]\n",
                At - 1, CurrentOpName, (unsigned)Irql, InPos - At, Line,
                !Stopped && Raised != STATUS_SUCCESS ? " (exception caught)" : "", Handles);
    }
    if (Stopped) {
        /* Now and then (an operation byte from the aliases above
         * FUZZ_OP_COUNT and a next byte of 7 mod 8): check the refusal. */
        AfterStop(&Stop, Alias && InPos < InSize && (In8() & 7u) == 7u);
        return;
    }
    CheckInvariants();
    SyncHandles();
    Pristine = Op == FuzzOpReset;
}

/* Frees what is live, in the order a careful driver would; any stop ends it. */
static void (*CleanStep)(int);
static int CleanIndex;

static void RunCleanStep(void)
{
    CleanStep(CleanIndex);
}

static bool CleanupStep(void (*Step)(int), int i)
{
    SIM_BUGCHECK Stop;
    CleanStep = Step;
    CleanIndex = i;
    if (CatchStop(RunCleanStep, &Stop)) {
        CheckStopIsNotInternal(&Stop);
        CountStop(Stop.Code);
        return false;
    }
    CheckInvariants();
    return true;
}

static void CleanResMap(int i)
{
    int m = MappingMdl(i);
    if (m >= 0 && MdlReadable((PMDL)H[m].Va) && (((PMDL)H[m].Va)->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)) {
        MmUnmapReservedMapping((PVOID)H[i].Address, H[i].Tag, (PMDL)H[m].Va);
    }
}

static void CleanMap(int i)
{
    int m = MappingMdl(i);
    if (m < 0 || !MdlReadable((PMDL)H[m].Va)) {
        return;
    }
    PMDL Mdl = (PMDL)H[m].Va;
    if (H[i].User) {
        if (Mdl->MdlFlags & MDL_PAGES_LOCKED) {
            MmUnmapLockedPages((PVOID)H[i].Va, Mdl); /* a UserMode mapping */
        }
        return;
    }
    if ((Mdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED)) &&
        Mdl->MappedSystemVa == (PVOID)H[i].Va) {
        MmUnmapLockedPages((PVOID)H[i].Va, Mdl);
    }
}

static void CleanMdl(int i)
{
    PMDL Mdl = (PMDL)H[i].Va;
    const SIM_POOL_BLOCK_INFO *Block = BlockAt(H[i].Va);
    if (Block == NULL || !IsMdlTag(Block->Tag) || !MdlReadable(Mdl)) {
        return;
    }
    if (Block->Tag == TAG_MM_MDL) {
        if (Mdl->MdlFlags & MDL_PAGES_LOCKED) {
            MmFreePagesFromMdl(Mdl);
        }
        ExFreePool(Mdl);
        return;
    }
    if ((Mdl->MdlFlags & MDL_PAGES_LOCKED) &&
        !(Mdl->MdlFlags & (MDL_PARTIAL | MDL_SOURCE_IS_NONPAGED_POOL))) {
        MmUnlockPages(Mdl);
    }
    IoFreeMdl(Mdl);
}

static void CleanUser(int i)
{
    PVOID Base = (PVOID)H[i].Va;
    SIZE_T Size = 0;
    (void)ZwFreeVirtualMemory(ZwCurrentProcess(), &Base, &Size, MEM_RELEASE);
}

static void CleanRes(int i)
{
    MmFreeMappingAddress((PVOID)H[i].Va, H[i].Tag);
}

static void CleanPool(int i)
{
    ExFreePool((PVOID)H[i].Va);
}

static void CleanIrp(int i)
{
    (void)i;
    ExFreePoolWithTag(Irp, TAG_IRP);
}

static void Cleanup(void)
{
    static const struct {
        H_KIND Kind;
        void (*Step)(int);
    } Order[] = {{HResMap, CleanResMap}, {HMap, CleanMap}, {HMdl, CleanMdl}, {HRes, CleanRes},
                 {HPool, CleanPool}, {HUser, CleanUser}};
    CurrentOpName = "cleanup";
    bool Loaded = false; /* the pool blocks as they are now (none changes until a step) */
    for (size_t o = 0; o < sizeof(Order) / sizeof(Order[0]); o++) {
        for (int i = 0; i < FUZZ_MAX_HANDLES; i++) {
            if (H[i].Kind != Order[o].Kind) {
                continue;
            }
            if (!Loaded) {
                LoadBlocks();
                Loaded = true;
            }
            if (H[i].Kind == HPool) {
                const SIM_POOL_BLOCK_INFO *Block = BlockAt(H[i].Va);
                if (Block == NULL || IsInternalTag(Block->Tag)) {
                    continue;
                }
            } else if (!H[i].Live) {
                continue;
            }
            if (!CleanupStep(Order[o].Step, i)) {
                return;
            }
            SyncHandles(); /* (which loads the blocks again) */
        }
    }
    if (Irp != NULL) {
        LoadBlocks();
        const SIM_POOL_BLOCK_INFO *Block = BlockAt((uintptr_t)Irp);
        if (Block != NULL && Block->Tag == TAG_IRP) {
            (void)CleanupStep(CleanIrp, 0);
        }
    }
}

/* The current process's user range (after a reset it may move). Asked of
 * the simulator only when the process or the machine changed since the last
 * time: SimQueryProcess also counts the process's locked pages over the PFN
 * database, which after every call was a fifth of an execution (fuzz20b). */
static void LoadUserRange(void)
{
    static HANDLE LoadedProcess;
    static unsigned LoadedResets = ~0u;
    HANDLE Process = SimCurrentProcess();
    if (Process == LoadedProcess && Resets == LoadedResets) {
        return;
    }
    LoadedProcess = Process;
    LoadedResets = Resets;
    SIM_PROCESS_INFO Info;
    if (Process != NULL && SimQueryProcess(Process, &Info) && Info.UserRangeBase != NULL) {
        UserLo = (uintptr_t)Info.UserRangeBase;
        UserHi = UserLo + (uintptr_t)Info.UserRangeBytes;
    } else {
        UserLo = UserHi = 0;
    }
}

static void Setup(uint8_t ConfigByte)
{
    /* A new machine only when the configuration changes; otherwise the one
     * the previous input's SimReset left (same seed: inputs replay). */
    if (FuzzUp && ConfigByte == FuzzConfigByte) {
        return;
    }
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.PhysicalPages = FUZZ_PHYSICAL_PAGES;
    Config.RangeCount = 0;
    Config.SystemPtes = FUZZ_SYSTEM_PTES;
    Config.NonPagedPoolPages = FUZZ_NONPAGED_PAGES;
    Config.PagedPoolPages = FUZZ_PAGED_PAGES;
    Config.Profile = (ConfigByte & FUZZ_CONFIG_NT5) ? SimProfileNt5 : SimProfileModern;
    Config.Strict = (ConfigByte & FUZZ_CONFIG_RETAIL) ? FALSE : TRUE;
    Config.SpecialPool.Enabled = (ConfigByte & FUZZ_CONFIG_SPECIAL) ? TRUE : FALSE; /* specialpool */
    Config.Quiet = TRUE;
    Config.Seed = FUZZ_SEED;
    NTSTATUS Status = SimInitialize(&Config);
    Resets++;
    Fresh = true;
    if (!NT_SUCCESS(Status)) {
        fprintf(stderr, "fuzz_ddi: SimInitialize failed (0x%08X)\n", (unsigned)Status);
        abort();
    }
    if (!FuzzUp) {
        SimSetUnloadCheckAtExit(FALSE); /* inputs end with a reset anyway */
    }
    FuzzUp = true;
    FuzzConfigByte = ConfigByte;
}

int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size)
{
    if (Size == 0) {
        return 0;
    }
    if (Trace < 0) {
        const char *Value = getenv("FUZZ_DDI_TRACE");
        Trace = Value != NULL && Value[0] == '1';
    }
    InData = Data;
    InSize = Size;
    InPos = 0;
    Stats.Inputs++;
    Setup(In8());
    /* Injection configured by an input must not leak into the next one, and
     * MMSIM_FAULTS from the environment must not change what inputs do. */
    (void)SimConfigureFaults("", NULL, 0);
    SpecConfigured = false;
    if (FuzzConfigByte & FUZZ_CONFIG_NT5) {
        (void)SimSetNt5HeaderFormat((SIM_NT5_HEADER_FORMAT)((FuzzConfigByte >> 2) % 3u));
    }
    SIZE_T SpaceBytes = 0;
    SpaceLo = (uintptr_t)SimSystemSpaceBase(&SpaceBytes);
    SpaceHi = SpaceLo + SpaceBytes;
    LoadUserRange();
    ForgetHandles();
    Pristine = true;
    for (unsigned Count = 0; InPos < InSize && Count < FUZZ_MAX_OPS; Count++) {
        RunOp(In8());
        if (SimGetProfile() != ((FuzzConfigByte & FUZZ_CONFIG_NT5) ? SimProfileNt5 : SimProfileModern)) {
            Finding("the machine changed profile", NULL);
        }
        SIZE_T Bytes = 0;
        SpaceLo = (uintptr_t)SimSystemSpaceBase(&Bytes);
        SpaceHi = SpaceLo + Bytes;
        LoadUserRange();
    }
    if (!SimIsStopped(NULL)) {
        CheckInvariantsHow(true); /* the whole machine at the end */
    }
    Cleanup();
    bool Spec = SpecConfigured;
    (void)SimConfigureFaults("", NULL, 0);
    if (!Fresh || Spec) {
        SimReset();
        Resets++;
    }
    Fresh = true;
    ForgetHandles();
    CurrentOpName = "setup";
    return 0;
}

void FuzzGetStats(FUZZ_STATS *Out_)
{
    *Out_ = Stats;
}

/* AddressSanitizer: mmsim's SIGSEGV handler must be allowed to take over (it
 * chains to the sanitizer's for faults outside simulated memory). */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allow_user_segv_handler=1:handle_segv=1:detect_leaks=1";
}
