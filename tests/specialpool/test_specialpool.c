/*
 * test_specialpool.c - Driver Verifier's special pool as a specification
 * (docs/special-pool.md): for every allocation DDI x paged/non-paged x
 * overrun/underrun mode x block size, each classic pool bug and the exact
 * stop it gives.
 *
 *   overrun (default)                    underrun
 *   [guard][slack ...... block][guard]   [guard][block ...... slack][guard]
 *
 * Blocks end on a 16-byte boundary (MEMORY_ALLOCATION_ALIGNMENT), so a
 * block whose size is not a multiple of 16 has up to 15 slack bytes after
 * it: a 1-byte overrun there is caught at free (0xC1/0x24), not at once.
 */
#include <string.h>

#include <mmsim_cmocka.h>

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TAG 'kcaH' /* "Hack" */
#define BUDGET 64  /* system PTEs: small, so that the quarantine cycles quickly */

/* ---- The allocation DDIs ---- */
typedef enum { Pool2, Pool3, WithTag, WithTagPriority, Legacy, DdiCount } DDI;
static const char *const DdiNames[] = {"ExAllocatePool2", "ExAllocatePool3",
                                       "ExAllocatePoolWithTag", "ExAllocatePoolWithTagPriority",
                                       "ExAllocatePool"};

static ULONG DdiTag(DDI Ddi)
{
    return Ddi == Legacy ? 'enoN' : TAG; /* ExAllocatePool's blocks are "None" */
}

static PVOID Allocate(DDI Ddi, BOOLEAN Paged, SIZE_T Size)
{
    POOL_FLAGS Flags = Paged ? POOL_FLAG_PAGED : POOL_FLAG_NON_PAGED;
    POOL_TYPE Type = Paged ? PagedPool : NonPagedPoolNx;
    switch (Ddi) {
    case Pool2:
        return ExAllocatePool2(Flags, Size, TAG);
    case Pool3:
        return ExAllocatePool3(Flags, Size, TAG, NULL, 0);
    case WithTag:
        return ExAllocatePoolWithTag(Type, Size, TAG);
    case WithTagPriority:
        return ExAllocatePoolWithTagPriority(Type, Size, TAG, NormalPoolPriority);
    default:
        return ExAllocatePool(Paged ? PagedPool : NonPagedPool, Size);
    }
}

static void Free(DDI Ddi, PVOID P)
{
    if (Ddi == Legacy) {
        ExFreePool(P);
    } else {
        ExFreePoolWithTag(P, TAG);
    }
}

/* ---- The bugs ---- */
typedef enum {
    WritePastEnd,     /* P[Size] = x, then free */
    ReadPastEnd,      /* x = P[Size], then free */
    WriteBeforeStart, /* P[-1] = x, then free */
    WriteSlackFree,   /* the first slack byte of the block's pages = x, then free */
    FreeTwice,
    TouchAfterFree,
    TouchAfterCycle,  /* ... once the quarantine has given the address back */
    ActionCount
} ACTION;
static const char *const ActionNames[] = {"write past end", "read past end", "write before start",
                                          "write slack, free", "free twice", "touch after free",
                                          "touch after cycle"};

/* What must happen. */
typedef enum {
    None,    /* no stop: the access is missed (or harmless), the free is clean */
    D6,      /* at the access: 0xD6 (address, 1 write / 0 read, the instruction, 0) */
    C1_23,   /* at free: 0xC1 (block, first corrupted byte, 0, 0x23) */
    C1_24,   /* at free: 0xC1 (block, first corrupted byte, 0, 0x24) */
    C1_20,   /* at the second free: 0xC1 (block, its tag, 0, 0x20) */
    D5,      /* at the touch: 0xD5 (address, 1, the instruction, 0) */
    Reused,  /* no stop: the address is a newer block's (special pool's limit) */
} EXPECT;

typedef struct {
    BOOLEAN Underrun;
    SIZE_T Size;
    EXPECT Expect[ActionCount];
} ROW;

/* Columns: write past end, read past end, write before start, write slack
 * and free, free twice, touch after free, touch after cycle. */
static const ROW Rows[] = {
    /* overrun: the block ends at its page's end (16-byte aligned) */
    {FALSE, 1,    {C1_24, None, C1_23, C1_23, C1_20, D5, Reused}},
    {FALSE, 15,   {C1_24, None, C1_23, C1_23, C1_20, D5, Reused}},
    {FALSE, 16,   {D6,    D6,   C1_23, C1_23, C1_20, D5, Reused}},
    {FALSE, 4095, {C1_24, None, D6,    C1_24, C1_20, D5, Reused}},
    {FALSE, 4096, {D6,    D6,   D6,    None,  C1_20, D5, Reused}},
    {FALSE, 5000, {C1_24, None, C1_23, C1_23, C1_20, D5, Reused}},
    /* underrun: the block starts at its page's start */
    {TRUE,  1,    {C1_24, None, D6,    C1_24, C1_20, D5, Reused}},
    {TRUE,  15,   {C1_24, None, D6,    C1_24, C1_20, D5, Reused}},
    {TRUE,  16,   {C1_24, None, D6,    C1_24, C1_20, D5, Reused}},
    {TRUE,  4095, {C1_24, None, D6,    C1_24, C1_20, D5, Reused}},
    {TRUE,  4096, {D6,    D6,   D6,    None,  C1_20, D5, Reused}},
    {TRUE,  5000, {C1_24, None, D6,    C1_24, C1_20, D5, Reused}},
};

static void Configure(BOOLEAN Underrun)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.SpecialPool.Enabled = TRUE;
    Config.SpecialPool.Underrun = Underrun;
    Config.SpecialPool.Budget = BUDGET;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
}

/* The first byte of the block's pages that is not the block's. */
static volatile UCHAR *FirstSlack(const ROW *Row, volatile UCHAR *P)
{
    SIZE_T Rounded = (Row->Size + 15) & ~(SIZE_T)15;
    SIZE_T Pages = (Rounded + PAGE_SIZE - 1) / PAGE_SIZE;
    if (Rounded == Pages * PAGE_SIZE && Rounded == Row->Size) {
        return NULL; /* no slack */
    }
    if (Row->Underrun || Rounded == Pages * PAGE_SIZE) {
        return P + Row->Size;
    }
    return (volatile UCHAR *)PAGE_ALIGN((PVOID)(uintptr_t)P); /* the page's first byte */
}

static void RunCase(DDI Ddi, BOOLEAN Paged, const ROW *Row, ACTION Action)
{
    SimReset();
    volatile UCHAR *P = (volatile UCHAR *)Allocate(Ddi, Paged, Row->Size);
    assert_non_null(P);
    SIM_SPECIAL_BLOCK_INFO Info;
    assert_true(SimQuerySpecialPoolBlock((PVOID)P, &Info)); /* it is special pool */
    volatile UCHAR *Touched = NULL;
    BOOLEAN Write = TRUE;
    SIM_BUGCHECK Got;
    memset(&Got, 0, sizeof(Got));
    switch (Action) {
    case WritePastEnd:
        Touched = P + Row->Size;
        SIM_CATCH_BUGCHECK(&Got, *Touched = 0x00; Free(Ddi, (PVOID)P));
        break;
    case ReadPastEnd:
        Touched = P + Row->Size;
        Write = FALSE;
        SIM_CATCH_BUGCHECK(&Got, (void)*Touched; Free(Ddi, (PVOID)P));
        break;
    case WriteBeforeStart:
        Touched = P - 1;
        SIM_CATCH_BUGCHECK(&Got, *Touched = 0x00; Free(Ddi, (PVOID)P));
        break;
    case WriteSlackFree:
        Touched = FirstSlack(Row, P);
        SIM_CATCH_BUGCHECK(&Got, if (Touched != NULL) *Touched = 0x00; Free(Ddi, (PVOID)P));
        break;
    case FreeTwice:
        Free(Ddi, (PVOID)P);
        SIM_CATCH_BUGCHECK(&Got, Free(Ddi, (PVOID)P));
        break;
    case TouchAfterFree:
        Free(Ddi, (PVOID)P);
        Touched = P;
        SIM_CATCH_BUGCHECK(&Got, *Touched = 1);
        break;
    case TouchAfterCycle: {
        Free(Ddi, (PVOID)P);
        /* Blocks of the same size, allocated and freed, until the oldest
         * quarantined run - P's - is given back and taken again. */
        PVOID volatile Again = NULL; /* live across the switch's SIM_CATCH_BUGCHECK */
        for (int i = 0; i < BUDGET && Again != (PVOID)P; i++) {
            if (Again != NULL) {
                Free(Ddi, Again);
            }
            Again = Allocate(Ddi, Paged, Row->Size);
            assert_non_null(Again);
        }
        assert_ptr_equal(Again, (PVOID)P);
        SIM_SPECIAL_POOL_STATS Stats;
        SimQuerySpecialPool(&Stats);
        assert_true(Stats.Recycled > 0);
        Touched = P;
        SIM_CATCH_BUGCHECK(&Got, *Touched = 1);
        Free(Ddi, Again);
        break;
    }
    default:
        fail();
    }
    char Label[160];
    snprintf(Label, sizeof(Label), "%s %s %s %zu bytes: %s", DdiNames[Ddi],
             Paged ? "paged" : "non-paged", Row->Underrun ? "underrun" : "overrun",
             (size_t)Row->Size, ActionNames[Action]);
    ULONG_PTR Va = (ULONG_PTR)P;
    switch (Row->Expect[Action]) {
    case None:
    case Reused:
        if (Got.Caught) {
            print_error("%s: expected no stop, got 0x%lX (0x%llx, 0x%llx, 0x%llx, 0x%llx)\n",
                        Label, (unsigned long)Got.Code, (unsigned long long)Got.Parameters[0],
                        (unsigned long long)Got.Parameters[1],
                        (unsigned long long)Got.Parameters[2],
                        (unsigned long long)Got.Parameters[3]);
            fail();
        }
        break;
    case D6:
        SimCmockaCheckBugCheck(&Got, 0xD6, (ULONG_PTR)Touched, Write ? 1 : 0, SIM_ANY, 0, Label,
                               __FILE__, __LINE__);
        assert_true(Got.Parameters[2] != 0); /* the faulting instruction */
        break;
    case C1_23:
    case C1_24:
        SimCmockaCheckBugCheck(&Got, 0xC1, Va, (ULONG_PTR)Touched, 0,
                               Row->Expect[Action] == C1_23 ? 0x23 : 0x24, Label, __FILE__,
                               __LINE__);
        break;
    case C1_20:
        SimCmockaCheckBugCheck(&Got, 0xC1, Va, DdiTag(Ddi), 0, 0x20, Label, __FILE__, __LINE__);
        break;
    case D5:
        SimCmockaCheckBugCheck(&Got, 0xD5, Va, 1, SIM_ANY, 0, Label, __FILE__, __LINE__);
        assert_true(Got.Parameters[2] != 0);
        break;
    }
}

static void RunMode(BOOLEAN Underrun)
{
    Configure(Underrun);
    for (int d = 0; d < DdiCount; d++) {
        for (int Paged = 0; Paged < 2; Paged++) {
            for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
                if (Rows[r].Underrun != Underrun) {
                    continue;
                }
                for (int a = 0; a < ActionCount; a++) {
                    RunCase((DDI)d, (BOOLEAN)Paged, &Rows[r], (ACTION)a);
                }
            }
        }
    }
    SimReset();
}

SIM_TEST_F(OverrunModeCatchesEachBug, SimTestSetup, SimTestTeardownDefault)
{
    RunMode(FALSE);
}

SIM_TEST_F(UnderrunModeCatchesEachBug, SimTestSetup, SimTestTeardownDefault)
{
    RunMode(TRUE);
}

int main(void)
{
    return SimRunTests("specialpool", NULL, NULL);
}
