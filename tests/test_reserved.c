/*
 * test_reserved.c - reserved mappings as a specification, under both profiles:
 * MmAllocateMappingAddress(Ex), MmFreeMappingAddress,
 * MmMapLockedPagesWithReservedMapping, MmUnmapReservedMapping and
 * MmGetSystemRoutineAddress, driven through the DDIs and the Sim* API only.
 *
 * Rules: docs/ddi-contract.md 1.1-1.5 (contract and modern evaluation order), 3.1
 * (0xDA sub-codes per implementation), 4.1 (nt5 header PTEs), 4.2 (modern
 * records), 5 (the ReactOS kernel-mode test, which runs on Windows, and the
 * derived acceptance tests); docs/architecture.md 3 (profiles). Mmsim's own choices are
 * in docs/reserved-mappings.md.
 *
 * Most behaviours are rows of one table: a set-up, one call, and the outcome
 * each profile must show (a value, NULL, or a bug check with all four
 * parameters), so the two profiles can be read side by side.
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* setenv, pipe, dup */
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define TAG_KMT 'MRmK'   /* the ReactOS test's tag; bit 0 set */
#define TAG_OWN 'vseR'   /* "Resv"; bit 0 clear */
#define TAG_OTHER 'rhtO' /* "Othr" */
/* "THag": its second byte 'H' sets PTE bit 11 (Transition) in the Server
 * 2003 tag encoding, which stores the tag itself. */
#define TAG_BIT11 'gaHT'

/* ======================================================================== */
/* Profiles and what each one is (docs/architecture.md 3).                  */
/* ======================================================================== */
typedef struct _PROFILE_FACTS {
    SIM_PROFILE Profile;
    const char *Name;
    ULONG HeaderPtes;          /* PTEs below the returned address that hold the header */
    BOOLEAN InteriorMapAligns; /* Windows 8+: a map at Mapping + 4 returns
                                  ALIGN_DOWN_BY(Mapping + 4, 16); before: Mapping + 4 */
    BOOLEAN HasEx;             /* MmAllocateMappingAddressEx exists */
} PROFILE_FACTS;

enum { ProfileCount = 2 }; /* [0] modern, [1] nt5 */

static const PROFILE_FACTS Profiles[ProfileCount] = {
    {SimProfileModern, "modern", 0, TRUE, TRUE},
    {SimProfileNt5, "nt5", 2, FALSE, FALSE},
};

/* A fresh machine of the profile, small enough that the invariant checker is
 * cheap after every step. */
static void UseProfile(SIM_PROFILE Profile)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = Profile;
    Config.SystemPtes = 1u << 14;
    Config.PhysicalPages = 1u << 14;
    Config.NonPagedPoolPages = 1u << 12;
    Config.PagedPoolPages = 1u << 10;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    assert_int_equal(SimGetProfile(), Profile);
    if (Profile == SimProfileNt5) {
        /* The rows below are written for the Server 2003 encoding, whatever
         * MMSIM_NT5_HEADERS says; Nt5HeaderEncodings covers the others. */
        assert_int_equal(SimSetNt5HeaderFormat(SimNt5HeaderServer2003), STATUS_SUCCESS);
    }
}

static void AssertClean(void)
{
    char Report[4096];
    BOOLEAN Clean = SimIsClean(Report, sizeof(Report));
    if (!Clean) {
        print_error("machine not clean:\n%s", Report);
    }
    assert_true(Clean);
    SimAssertInvariants();
}

/* ======================================================================== */
/* Helpers.                                                                 */
/* ======================================================================== */
static PUCHAR PageOf(PVOID Base, LONG64 Index)
{
    return (PUCHAR)Base + Index * (LONG64)PAGE_SIZE;
}

static ULONG64 PteOf(PVOID Va)
{
    ULONG64 Pte = 0;
    assert_true(SimQueryPte(Va, &Pte, NULL));
    return Pte;
}

/* KMT step 6: pages from anywhere, cached, zeroed. */
static PMDL AllocMdl(ULONG Pages)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, (SIZE_T)Pages * PAGE_SIZE, MmCached, 0);
    assert_non_null(Mdl);
    assert_int_equal(MmGetMdlByteCount(Mdl), Pages * PAGE_SIZE);
    return Mdl;
}

/* ddi-contract 4.1, restated: the header PTEs each Windows generation writes. */
static ULONG64 TagPteOf(ULONG Tag, SIM_NT5_HEADER_FORMAT Format)
{
    ULONG64 Cleared = Tag & ~1u;
    switch (Format) {
    case SimNt5HeaderVista: return (Cleared + 1) << 32;
    case SimNt5HeaderWin8: return (Cleared + 1) << 28;
    default: return Cleared;
    }
}

static ULONG64 SizePteOf(ULONG64 DataPages, SIM_NT5_HEADER_FORMAT Format)
{
    switch (Format) {
    case SimNt5HeaderVista: return (DataPages + 2) << 32;
    case SimNt5HeaderWin8: return (DataPages + 2) << 28;
    default: return (DataPages + 2) << 1;
    }
}

/* The header below Mapping: nt5 header PTEs with the encodings, or (modern)
 * no header PTE at all. */
static void AssertHeader(PVOID Mapping, ULONG64 Pages, ULONG Tag)
{
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(Mapping, &Info));
    assert_ptr_equal(Info.Base, Mapping);
    assert_int_equal(Info.Pages, Pages);
    if (SimGetProfile() == SimProfileNt5) {
        SIM_NT5_HEADER_FORMAT Format = SimGetNt5HeaderFormat();
        assert_int_equal(Info.HeaderPtes, 2);
        assert_int_equal(PteOf(PageOf(Mapping, -1)), TagPteOf(Tag, Format));
        assert_int_equal(PteOf(PageOf(Mapping, -2)), SizePteOf(Pages, Format));
        assert_false(MmIsAddressValid(PageOf(Mapping, -1)));
        assert_false(MmIsAddressValid(PageOf(Mapping, -2)));
    } else {
        assert_int_equal(Info.HeaderPtes, 0);
        SIM_RESERVATION_INFO Below;
        assert_false(SimQueryReservation(PageOf(Mapping, -1), &Below));
    }
}

/* PTEs of the reservation: the first Mapped name the MDL's PFNs in order,
 * the rest are zero. */
static void AssertPtes(PVOID Mapping, ULONG Pages, PMDL Mdl, ULONG Mapped)
{
    for (ULONG i = 0; i < Pages; i++) {
        ULONG64 Pte = PteOf(PageOf(Mapping, i));
        if (i < Mapped) {
            assert_true((Pte & SIM_PTE_VALID) != 0);
            assert_int_equal(SIM_PTE_PFN(Pte), MmGetMdlPfnArray(Mdl)[i]);
        } else {
            assert_int_equal(Pte, 0);
        }
    }
}

/* ======================================================================== */
/* ddi-contract 5, steps 1-12: the ReactOS kernel-mode test MmReservedMapping, */
/* which runs on real Windows, under both profiles.                         */
/* ======================================================================== */

/* TestMap(Mapping, TotalPtes, Tag), steps 6-12. */
static void KmtTestMap(PVOID Mapping, ULONG TotalPtes, ULONG Tag, const PROFILE_FACTS *Facts)
{
    /* 6. A one-page MDL. */
    PMDL Mdl = AllocMdl(1);
    /* 7. Mapped at Mapping: PTE 0 names the page, the rest are zero, the
     *    header is intact, and the page reads back what is written. */
    PVOID Va = MmMapLockedPagesWithReservedMapping(Mapping, Tag, Mdl, MmCached);
    assert_ptr_equal(Va, Mapping);
    AssertPtes(Mapping, TotalPtes, Mdl, 1);
    AssertHeader(Mapping, TotalPtes, Tag);
    *(volatile ULONG *)Va = 0x5A5AA5A5u;
    assert_int_equal(*(volatile ULONG *)Va, 0x5A5AA5A5u);
    /* 8. Unmapped with the returned address: all PTEs zero again. */
    MmUnmapReservedMapping(Va, Tag, Mdl);
    AssertPtes(Mapping, TotalPtes, Mdl, 0);
    /* 9. Mapped at Mapping + 4: Windows 8+ returns ALIGN_DOWN_BY(Mapping +
     *    4, 16) == Mapping; before Windows 8, Mapping + 4. */
    Va = MmMapLockedPagesWithReservedMapping((PUCHAR)Mapping + 4, Tag, Mdl, MmCached);
    PVOID Expected = Facts->InteriorMapAligns ? ALIGN_DOWN_POINTER_BY((PUCHAR)Mapping + 4, 16)
                                              : (PVOID)((PUCHAR)Mapping + 4);
    assert_ptr_equal(Va, Expected);
    AssertPtes(Mapping, TotalPtes, Mdl, 1);
    AssertHeader(Mapping, TotalPtes, Tag);
    *(volatile ULONG *)Va = 0x0BADF00Du;
    assert_int_equal(*(volatile ULONG *)Va, 0x0BADF00Du);
    MmUnmapReservedMapping(Va, Tag, Mdl);
    AssertPtes(Mapping, TotalPtes, Mdl, 0);
    /* 10. */
    SimTestFreeMdlPages(Mdl);
    /* 11. An MDL of exactly TotalPtes pages maps at Mapping, PFNs in order;
     *     each page keeps its own value. */
    Mdl = AllocMdl(TotalPtes);
    Va = MmMapLockedPagesWithReservedMapping(Mapping, Tag, Mdl, MmCached);
    assert_ptr_equal(Va, Mapping);
    AssertPtes(Mapping, TotalPtes, Mdl, TotalPtes);
    for (ULONG i = 0; i < TotalPtes; i++) {
        *(volatile ULONG_PTR *)PageOf(Va, i) = (ULONG_PTR)Mapping + i;
    }
    for (ULONG i = 0; i < TotalPtes; i++) {
        assert_int_equal(*(volatile ULONG_PTR *)PageOf(Va, i), (ULONG_PTR)Mapping + i);
    }
    MmUnmapReservedMapping(Va, Tag, Mdl);
    AssertPtes(Mapping, TotalPtes, Mdl, 0);
    SimTestFreeMdlPages(Mdl);
    /* 12. One page more than the reservation: NULL, no bug check. */
    Mdl = AllocMdl(TotalPtes + 1);
    assert_null(MmMapLockedPagesWithReservedMapping(Mapping, Tag, Mdl, MmCached));
    AssertPtes(Mapping, TotalPtes, Mdl, 0);
    SimTestFreeMdlPages(Mdl);
}

static const struct {
    const char *Step;
    SIZE_T Bytes;
    ULONG Tag;
    ULONG TotalPtes;
    BOOLEAN TestMap;
    ULONG FreeOffset; /* MmFreeMappingAddress(Mapping + FreeOffset) */
} KmtRows[] = {
    {"1: 1 byte, tag 'MRmK': one empty PTE and a header", 1, TAG_KMT, 1, FALSE, 0},
    {"2: 10 pages; TestMap", 10 * PAGE_SIZE, TAG_KMT, 10, TRUE, 0},
    {"4: tag 1 is a tag like any other; TestMap", 1, 1, 1, TRUE, 0},
    {"5: one page; TestMap; freed at Mapping + 4", PAGE_SIZE, TAG_KMT, 1, TRUE, 4},
};

SIM_TEST_F(KmtReservedMapping, SimTestSetup, SimTestTeardownDefault)
{
    for (int p = 0; p < ProfileCount; p++) {
        for (size_t r = 0; r < ARRAY_COUNT(KmtRows); r++) {
            UseProfile(Profiles[p].Profile);
            PVOID Mapping = MmAllocateMappingAddress(KmtRows[r].Bytes, KmtRows[r].Tag);
            if (Mapping == NULL) {
                print_error("%s, step %s: reservation failed\n", Profiles[p].Name,
                            KmtRows[r].Step);
            }
            assert_non_null(Mapping);
            assert_int_equal(BYTE_OFFSET(Mapping), 0);
            AssertPtes(Mapping, KmtRows[r].TotalPtes, NULL, 0);
            AssertHeader(Mapping, KmtRows[r].TotalPtes, KmtRows[r].Tag);
            /* Reserved is not valid (1.14): a touch would be 0x50. */
            assert_false(MmIsAddressValid(Mapping));
            SimAssertInvariants();
            if (KmtRows[r].TestMap) {
                KmtTestMap(Mapping, KmtRows[r].TotalPtes, KmtRows[r].Tag, &Profiles[p]);
            }
            MmFreeMappingAddress((PUCHAR)Mapping + KmtRows[r].FreeOffset, KmtRows[r].Tag);
            AssertClean();
        }
        /* 3. Tag 0: NULL. */
        UseProfile(Profiles[p].Profile);
        assert_null(MmAllocateMappingAddress(PAGE_SIZE, 0));
        AssertClean();
    }
}

/* ======================================================================== */
/* The behaviour table: one call, the outcome per profile.                  */
/* ======================================================================== */
typedef enum _KIND { KindSkip = 0, KindOk, KindNull, KindStop } KIND;

/* A bug check parameter or a returned value, as the row's context gives it. */
typedef enum _ARG {
    ArgAny = 0,       /* not checked */
    ArgLit,           /* the literal */
    ArgAddr,          /* the address the call was given */
    ArgBase,          /* the reservation's base (what it returned) */
    ArgTag,           /* the tag the call was given */
    ArgOwner,         /* the tag the reservation was made with */
    ArgTagPte,        /* the PTE just below the address, before the call (the
                         nt5 "tag PTE" a header build reads) */
    ArgPages,         /* the reservation's page count N */
    ArgSpan,          /* the MDL's page span */
    ArgCaller,        /* a return address inside the row's call function */
    ArgPteAddr,       /* the address of the PTE the row names */
    ArgLastPteAddr,   /* the address of the last PTE the row names */
    ArgHeaderPteAddr, /* the address of the first nt5 header PTE */
    ArgMdl,           /* the MDL the call was given */
    ArgMdlFlags,      /* its flags before the call */
    ArgPfnSlot,       /* the address of its first PFN array slot */
    ArgPfn,           /* its first PFN */
    ArgNonZero        /* any non-zero value (a code address) */
} ARG;

typedef struct _PARAM {
    ARG Arg;
    ULONG_PTR Literal;
} PARAM;

typedef struct _EXPECT {
    KIND Kind;
    ULONG Code;
    PARAM P[4];
    ARG Result; /* KindOk: what the call returns (ArgAny: anything non-NULL or void) */
} EXPECT;

#define L(x) {ArgLit, (ULONG_PTR)(x)}
#define A(x) {Arg##x, 0}
#define STOP(Code, P1, P2, P3, P4) {KindStop, (Code), {P1, P2, P3, P4}, ArgAny}
#define RETURNS(Result) {KindOk, 0, {{ArgAny, 0}}, Arg##Result}
#define RETURNS_NULL {KindNull, 0, {{ArgAny, 0}}, ArgAny}
#define NOT_APPLICABLE {KindSkip, 0, {{ArgAny, 0}}, ArgAny}

typedef struct _CTX {
    /* The reservation. */
    PVOID Base;
    ULONG Owner;
    ULONG64 Pages;
    /* The call. */
    PVOID Addr;
    ULONG Tag;
    PMDL ActMdl;
    MEMORY_CACHING_TYPE CacheType;
    SIZE_T Bytes;
    ULONG ReserveFlags;
    BOOLEAN UseEx;
    KIRQL Irql; /* raised to before the call when not PASSIVE_LEVEL */
    /* Expected parameters the set-up computed. */
    ULONG_PTR TagPte, PteAddr, LastPteAddr, MdlFlags;
    ULONG Span;
    /* Result and bookkeeping for the clean-up. */
    PVOID Result;
    struct {
        PMDL Mdl;
        BOOLEAN PagesFreed;
    } Mdls[6];
    ULONG MdlCount;
    struct {
        PVOID Va;
        PMDL Mdl;
    } Mapped[6];
    ULONG MappedCount;
    PMDL IoMdl; /* an IoAllocateMdl MDL to IoFreeMdl */
    PVOID Pool; /* a pool block to free */
    BOOLEAN BaseFreed;
} CTX;

typedef struct _ROW {
    const char *Rule;
    void (*Setup)(CTX *C);
    void (*Act)(CTX *C);   /* the one call; may bug check */
    void (*Check)(CTX *C); /* more assertions after a successful call, or NULL */
    EXPECT Expect[ProfileCount];
} ROW;

/* Static so that the values survive the longjmp of a caught bug check. */
static CTX Ctx;

/* ---- set-up helpers ---------------------------------------------------- */
static void Reserve(CTX *C, ULONG64 Pages, ULONG Tag, ULONG Flags)
{
    C->Base = Flags != 0 ? MmAllocateMappingAddressEx((SIZE_T)Pages * PAGE_SIZE, Tag, Flags)
                         : MmAllocateMappingAddress((SIZE_T)Pages * PAGE_SIZE, Tag);
    assert_non_null(C->Base);
    C->Owner = Tag;
    C->Pages = Pages;
    C->Tag = Tag;
    C->Addr = C->Base;
}

static PMDL NewMdl(CTX *C, ULONG Pages)
{
    assert_true(C->MdlCount < ARRAY_COUNT(C->Mdls));
    PMDL Mdl = AllocMdl(Pages);
    C->Mdls[C->MdlCount].Mdl = Mdl;
    C->Mdls[C->MdlCount].PagesFreed = FALSE;
    C->MdlCount++;
    return Mdl;
}

static void Track(CTX *C, PVOID Va, PMDL Mdl)
{
    assert_true(C->MappedCount < ARRAY_COUNT(C->Mapped));
    C->Mapped[C->MappedCount].Va = Va;
    C->Mapped[C->MappedCount].Mdl = Mdl;
    C->MappedCount++;
}

static void Untrack(CTX *C, PMDL Mdl)
{
    for (ULONG i = 0; i < C->MappedCount; i++) {
        if (C->Mapped[i].Mdl == Mdl) {
            C->Mapped[i] = C->Mapped[--C->MappedCount];
            return;
        }
    }
}

/* Maps Mdl at Va with the owner's tag; it must land at Expected. */
static void MapAt(CTX *C, PVOID Va, PMDL Mdl, PVOID Expected)
{
    PVOID Got = MmMapLockedPagesWithReservedMapping(Va, C->Owner, Mdl, MmCached);
    assert_ptr_equal(Got, Expected);
    Track(C, Got, Mdl);
}

static void UnmapTracked(CTX *C, PMDL Mdl)
{
    for (ULONG i = 0; i < C->MappedCount; i++) {
        if (C->Mapped[i].Mdl == Mdl) {
            MmUnmapReservedMapping(C->Mapped[i].Va, C->Owner, Mdl);
            Untrack(C, Mdl);
            return;
        }
    }
    fail();
}

static void Cleanup(CTX *C)
{
    for (ULONG i = C->MappedCount; i-- > 0;) {
        MmUnmapReservedMapping(C->Mapped[i].Va, C->Owner, C->Mapped[i].Mdl);
    }
    C->MappedCount = 0;
    if (C->IoMdl != NULL) {
        IoFreeMdl(C->IoMdl);
    }
    for (ULONG i = 0; i < C->MdlCount; i++) {
        if (!C->Mdls[i].PagesFreed) {
            MmFreePagesFromMdl(C->Mdls[i].Mdl);
        }
        ExFreePool(C->Mdls[i].Mdl);
    }
    if (C->Pool != NULL) {
        ExFreePool(C->Pool);
    }
    if (C->Base != NULL && !C->BaseFreed) {
        MmFreeMappingAddress(C->Base, C->Owner);
    }
}

/* ---- the calls --------------------------------------------------------- */
static void Raise(CTX *C, KIRQL *Old)
{
    *Old = PASSIVE_LEVEL;
    if (C->Irql != PASSIVE_LEVEL) {
        KeRaiseIrql(C->Irql, Old);
    }
}

static void Lower(CTX *C, KIRQL Old)
{
    if (C->Irql != PASSIVE_LEVEL) {
        KeLowerIrql(Old);
    }
}

static void ActReserve(CTX *C)
{
    KIRQL Old;
    Raise(C, &Old);
    C->Result = C->UseEx ? MmAllocateMappingAddressEx(C->Bytes, C->Tag, C->ReserveFlags)
                         : MmAllocateMappingAddress(C->Bytes, C->Tag);
    Lower(C, Old);
    if (C->Result != NULL) {
        C->Base = C->Result;
        C->Owner = C->Tag;
    }
}

static void ActFree(CTX *C)
{
    KIRQL Old;
    Raise(C, &Old);
    MmFreeMappingAddress(C->Addr, C->Tag);
    Lower(C, Old);
    C->BaseFreed = TRUE;
}

static void ActMap(CTX *C)
{
    KIRQL Old;
    Raise(C, &Old);
    C->Result = MmMapLockedPagesWithReservedMapping(C->Addr, C->Tag, C->ActMdl, C->CacheType);
    Lower(C, Old);
    if (C->Result != NULL) {
        Track(C, C->Result, C->ActMdl);
    }
}

static void ActUnmap(CTX *C)
{
    KIRQL Old;
    Raise(C, &Old);
    MmUnmapReservedMapping(C->Addr, C->Tag, C->ActMdl);
    Lower(C, Old);
    Untrack(C, C->ActMdl);
}

static void ActFreePages(CTX *C)
{
    MmFreePagesFromMdl(C->ActMdl);
}

static void ActUnmapLockedPages(CTX *C)
{
    MmUnmapLockedPages(C->Addr, C->ActMdl);
}

static void ActIoFreeMdl(CTX *C)
{
    IoFreeMdl(C->ActMdl);
}

static void ActTouchRead(CTX *C)
{
    (void)*(volatile ULONG *)C->Addr;
}

static void ActTouchWrite(CTX *C)
{
    *(volatile ULONG *)C->Addr = 0xDEADBEEFu;
}

static void ActRoutineAddress(CTX *C)
{
    KIRQL Old;
    Raise(C, &Old);
    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"MmAllocateMappingAddress");
    C->Result = MmGetSystemRoutineAddress(&Name);
    Lower(C, Old);
}

/* ---- set-ups: reserve ---------------------------------------------------- */
static void SetupReserveZero(CTX *C)
{
    C->Bytes = 0;
    C->Tag = TAG_OWN;
}

static void SetupReserveZeroTagZero(CTX *C)
{
    C->Bytes = 0;
    C->Tag = 0;
}

static void SetupReserveTagZero(CTX *C)
{
    C->Bytes = PAGE_SIZE;
    C->Tag = 0;
}

static void SetupReserveTagOne(CTX *C)
{
    C->Bytes = 1;
    C->Tag = 1;
}

static void SetupExFlag2ZeroBytes(CTX *C)
{
    C->UseEx = TRUE;
    C->Bytes = 0;
    C->Tag = TAG_OWN;
    C->ReserveFlags = 0x2;
}

static void SetupExHighFlag(CTX *C)
{
    C->UseEx = TRUE;
    C->Bytes = PAGE_SIZE;
    C->Tag = TAG_OWN;
    C->ReserveFlags = 0x80000000u | MM_MAPPING_ADDRESS_DIVISIBLE;
}

static void SetupExDivisible(CTX *C)
{
    C->UseEx = TRUE;
    C->Bytes = 3 * PAGE_SIZE;
    C->Tag = TAG_OWN;
    C->ReserveFlags = MM_MAPPING_ADDRESS_DIVISIBLE;
}

static void SetupExZeroFlagsZeroBytes(CTX *C)
{
    C->UseEx = TRUE;
    C->Bytes = 0;
    C->Tag = TAG_OWN;
    C->ReserveFlags = 0;
}

static void SetupReserveHuge(CTX *C)
{
    C->Bytes = (SIZE_T)1 << 44; /* 2^32 pages */
    C->Tag = TAG_OWN;
}

static void SetupReserveMoreThanSpace(CTX *C)
{
    SIM_CONFIG Config;
    SimGetConfig(&Config);
    C->Bytes = (SIZE_T)(Config.SystemPtes + 1) * PAGE_SIZE;
    C->Tag = TAG_OWN;
}

static void SetupReserveInjected(CTX *C)
{
    C->Bytes = PAGE_SIZE;
    C->Tag = TAG_OWN;
    SimFailNthCall(SimFaultAllocateMappingAddress, 1);
}

static void SetupReserveZeroInjected(CTX *C)
{
    SetupReserveInjected(C);
    C->Bytes = 0;
}

static void SetupReserveAtDispatch(CTX *C)
{
    C->Bytes = PAGE_SIZE;
    C->Tag = TAG_OWN;
    C->Irql = DISPATCH_LEVEL;
}

static void SetupReserveExAtDispatch(CTX *C)
{
    SetupReserveAtDispatch(C);
    C->UseEx = TRUE;
    C->ReserveFlags = MM_MAPPING_ADDRESS_DIVISIBLE;
}

static void CheckReservedDivisible(CTX *C)
{
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(C->Result, &Info));
    assert_int_equal(Info.Flags, MM_MAPPING_ADDRESS_DIVISIBLE);
    assert_int_equal(Info.Pages, 3);
    assert_int_equal(Info.Tag, TAG_OWN);
}

static void CheckReservedOnePage(CTX *C)
{
    AssertHeader(C->Result, 1, C->Tag);
}

/* ---- set-ups: free ------------------------------------------------------- */
static void SetupFreeWhileMapped(CTX *C)
{
    Reserve(C, 4, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
}

static void SetupFreeWrongTag(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->Tag = TAG_OTHER;
}

static void SetupFreeTagBit0(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->Tag = TAG_OWN ^ 1;
}

static void SetupFreePageAfter(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->Addr = PageOf(C->Base, 2);
}

static void SetupFreeInterior(CTX *C)
{
    Reserve(C, 3, TAG_OWN, 0);
    C->Addr = PageOf(C->Base, 1) + 4;
}

static void SetupFreePlus4(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    C->Addr = (PUCHAR)C->Base + 4;
}

static ULONG HostVariable;

static void SetupFreeHostAddress(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    C->Addr = &HostVariable;
}

static void SetupFreeTwice(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    MmFreeMappingAddress(C->Base, C->Owner);
    C->BaseFreed = TRUE;
}

static void SetupFreeTagOneInterior(CTX *C)
{
    Reserve(C, 3, 1, 0);
    C->Addr = PageOf(C->Base, 1);
}

static void SetupFreeAtDispatch(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    C->Irql = DISPATCH_LEVEL;
}

static void SetupFreeAtApc(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    C->Irql = APC_LEVEL;
}

/* ---- set-ups: map -------------------------------------------------------- */
/* Names the PTE of page Index of the reservation as the offending one and
 * page Last as the last one checked. */
static void NamePtes(CTX *C, LONG64 Index, LONG64 Last)
{
    C->PteAddr = (ULONG_PTR)SimQueryPteAddress(PageOf(C->Base, Index));
    C->LastPteAddr = (ULONG_PTR)SimQueryPteAddress(PageOf(C->Base, Last));
}

static void SetupMapOverMapping(CTX *C)
{
    Reserve(C, 4, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 2), C->Base);
    C->ActMdl = NewMdl(C, 1);
    NamePtes(C, 0, 3);
}

static void CheckMapReplaced(CTX *C)
{
    /* nt5: no double-map check; the new page replaced the old one at the
     * base and the old MDL's second page is still mapped after it. */
    assert_int_equal(SIM_PTE_PFN(PteOf(C->Base)), MmGetMdlPfnArray(C->ActMdl)[0]);
    assert_int_equal(SIM_PTE_PFN(PteOf(PageOf(C->Base, 1))),
                     MmGetMdlPfnArray(C->Mdls[0].Mdl)[1]);
}

static void SetupMapSecondGrow(CTX *C)
{
    Reserve(C, 4, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 1);
    NamePtes(C, 0, 3);
}

static void SetupMapInterior(CTX *C)
{
    Reserve(C, 4, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 2) + 8;
}

static void SetupMapWrongTag(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Tag = TAG_OTHER;
}

static void SetupMapTagBit0(CTX *C)
{
    SetupMapWrongTag(C);
    C->Tag = TAG_OWN ^ 1;
}

static void SetupMapPageAfter(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 2);
}

static void SetupMapHostAddress(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = &HostVariable;
}

static void SetupMapTooBig(CTX *C)
{
    Reserve(C, 3, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 4);
}

static void SetupMapTooBigForFullReservation(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 2), C->Base);
    C->ActMdl = NewMdl(C, 3);
}

static void SetupMapDivisibleTail(CTX *C)
{
    Reserve(C, 4, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    C->ActMdl = NewMdl(C, 2);
    C->Addr = PageOf(C->Base, 3);
}

static void SetupMapDivisibleUnaligned(CTX *C)
{
    Reserve(C, 4, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 1) + 16;
}

static void SetupMapDivisibleUnalignedWrongTag(CTX *C)
{
    SetupMapDivisibleUnaligned(C);
    C->Tag = TAG_OTHER;
}

static void SetupMapDivisibleOverlap(CTX *C)
{
    Reserve(C, 4, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    MapAt(C, PageOf(C->Base, 1), NewMdl(C, 2), PageOf(C->Base, 1));
    C->ActMdl = NewMdl(C, 2);
    NamePtes(C, 1, 1); /* checked: pages 0-1 only; page 1 is the first mapped */
}

static void SetupMapDivisibleOffset(CTX *C)
{
    Reserve(C, 4, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
    C->ActMdl = NewMdl(C, 2);
    C->Addr = PageOf(C->Base, 2);
}

static void SetupMapBadCacheType(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = &HostVariable; /* would be a bug check, but the cache type comes first */
    C->CacheType = MmMaximumCacheType;
}

static void SetupMapFreedPages(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    MmFreePagesFromMdl(C->ActMdl);
    C->Mdls[0].PagesFreed = TRUE;
}

static void SetupMapFreedPagesOverMapping(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
    C->ActMdl = NewMdl(C, 1);
    MmFreePagesFromMdl(C->ActMdl);
    C->Mdls[1].PagesFreed = TRUE;
    NamePtes(C, 0, 1);
}

static MDL ZeroLengthMdl;

static void SetupMapZeroLengthMdl(CTX *C)
{
    Reserve(C, 1, TAG_OWN, 0);
    MmInitializeMdl(&ZeroLengthMdl, NULL, 0);
    ZeroLengthMdl.MdlFlags |= MDL_PAGES_LOCKED;
    C->ActMdl = &ZeroLengthMdl;
}

static void SetupMapAtDispatch(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 2);
    C->Irql = DISPATCH_LEVEL;
}

static void SetupMapAtHigh(CTX *C)
{
    SetupMapAtDispatch(C);
    C->Irql = HIGH_LEVEL;
}

static void SetupMapTagOneInterior(CTX *C)
{
    Reserve(C, 3, 1, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 1);
}

static void SetupMapTagOneGarbageSize(CTX *C)
{
    Reserve(C, 4, 1, 0);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 2);
    NamePtes(C, 0, 3);
}

/* Tag 1 (Server 2003 encoding 0), page 0 mapped: at page 2 the "tag PTE"
 * (page 1, empty) matches and the "size PTE" (page 0, valid) is huge. */
static void SetupTagOneGarbageHeader(CTX *C)
{
    Reserve(C, 4, 1, 0);
    C->ActMdl = NewMdl(C, 1);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    C->Addr = PageOf(C->Base, 2);
}

/* ---- set-ups: unmap ------------------------------------------------------ */
static void SetupUnmapTwice(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    UnmapTracked(C, C->ActMdl);
    C->Span = 1;
}

static void SetupUnmapWrongTag(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 2);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    C->Tag = TAG_OTHER;
    C->Span = 2;
}

static void SetupUnmapPageAfter(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 1);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    C->Addr = PageOf(C->Base, 2);
}

static void SetupUnmapInterior(CTX *C)
{
    Reserve(C, 3, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 2);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    C->Addr = PageOf(C->Base, 1);
}

static void CheckNothingMapped(CTX *C)
{
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(C->Base, &Info));
    assert_int_equal(Info.MappedPages, 0);
    assert_int_equal(C->ActMdl->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED),
                     0);
}

static void SetupUnmapTooMany(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 2), C->Base);
    C->ActMdl = NewMdl(C, 3);
    C->Span = 3;
}

static void SetupUnmapDivisibleTooMany(CTX *C)
{
    Reserve(C, 4, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    MapAt(C, PageOf(C->Base, 3), NewMdl(C, 1), PageOf(C->Base, 3));
    C->ActMdl = NewMdl(C, 2);
    C->Addr = PageOf(C->Base, 3);
    C->Span = 2;
}

static void SetupUnmapPartlyMapped(CTX *C)
{
    Reserve(C, 4, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
    C->ActMdl = NewMdl(C, 2);
    C->Span = 2;
}

static void SetupUnmapLessThanMapped(CTX *C)
{
    Reserve(C, 4, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 3), C->Base);
    C->ActMdl = NewMdl(C, 1);
    C->Span = 1;
}

static void CheckTwoStillMapped(CTX *C)
{
    /* nt5: no 0x10C; the PTEs after the span stay mapped. */
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(C->Base, &Info));
    assert_int_equal(Info.MappedPages, 2);
    assert_int_equal(PteOf(C->Base), 0);
}

static void SetupUnmapDivisibleSubRange(CTX *C)
{
    Reserve(C, 4, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    C->ActMdl = NewMdl(C, 1);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    MapAt(C, PageOf(C->Base, 1), NewMdl(C, 2), PageOf(C->Base, 1));
}

static void CheckRestStillMapped(CTX *C)
{
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(C->Base, &Info));
    assert_int_equal(Info.MappedPages, 2);
    assert_int_equal(PteOf(C->Base), 0);
    assert_true((PteOf(PageOf(C->Base, 1)) & SIM_PTE_VALID) != 0);
}

static void SetupUnmapAtDispatch(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 2);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    C->Irql = DISPATCH_LEVEL;
}

static void SetupUnmapAtHigh(CTX *C)
{
    SetupUnmapAtDispatch(C);
    C->Irql = HIGH_LEVEL;
}

static void SetupUnmapTagOneInterior(CTX *C)
{
    Reserve(C, 3, 1, 0);
    C->ActMdl = NewMdl(C, 1);
    C->Addr = PageOf(C->Base, 1);
    C->Span = 1;
}

/* ---- set-ups: MDLs, faults, IRQL ----------------------------------------- */
static void SetupFreePagesStillMapped(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 2);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    C->MdlFlags = (ULONG_PTR)(USHORT)C->ActMdl->MdlFlags;
}

static void SetupUnmapLockedPagesOfReservation(CTX *C)
{
    SetupFreePagesStillMapped(C);
}

static void SetupIoFreeMappedPartial(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    PMDL Source = NewMdl(C, 2);
    C->ActMdl = IoAllocateMdl((PVOID)PAGE_SIZE, PAGE_SIZE, FALSE, FALSE, NULL);
    assert_non_null(C->ActMdl);
    /* Integer arithmetic: the source's virtual address is NULL. */
    PVOID From = (PVOID)((ULONG_PTR)Source->StartVa + Source->ByteOffset + PAGE_SIZE);
    IoBuildPartialMdl(Source, C->ActMdl, From, PAGE_SIZE);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    assert_true((C->ActMdl->MdlFlags & MDL_PARTIAL_HAS_BEEN_MAPPED) != 0);
}

static void SetupFreePagesTwice(CTX *C)
{
    C->ActMdl = NewMdl(C, 2);
    MmFreePagesFromMdl(C->ActMdl);
    C->Mdls[0].PagesFreed = TRUE;
}

static void SetupTouchUnmapped(CTX *C)
{
    Reserve(C, 3, TAG_OWN, 0);
    MapAt(C, C->Base, NewMdl(C, 1), C->Base);
    C->Addr = PageOf(C->Base, 1) + 8;
}

static void SetupTouchFreed(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->ActMdl = NewMdl(C, 2);
    MapAt(C, C->Base, C->ActMdl, C->Base);
    *(volatile ULONG *)PageOf(C->Base, 1) = 1; /* mapped: fine */
    UnmapTracked(C, C->ActMdl);
    MmFreeMappingAddress(C->Base, C->Owner);
    C->BaseFreed = TRUE;
    C->Addr = PageOf(C->Base, 1) + 100;
}

static void SetupTouchHeaderTransition(CTX *C)
{
    Reserve(C, 2, TAG_BIT11, 0);
    C->Addr = PageOf(C->Base, -1) + 12;
    /* The tag PTE looks like a transition PTE; it must not be treated as one. */
    assert_true((PteOf(C->Addr) & SIM_PTE_TRANSITION) != 0);
}

static void SetupTouchSizeHeader(CTX *C)
{
    Reserve(C, 2, TAG_OWN, 0);
    C->Addr = PageOf(C->Base, -2);
}

static void SetupRoutineAtApc(CTX *C)
{
    C->Irql = APC_LEVEL;
}

/* ---- the table --------------------------------------------------------- */
enum { ROWS_LINE = __LINE__ }; /* the rows run in the table's place in the file */
static const ROW Rows[] = {
    /* ---- MmAllocateMappingAddress(Ex) (1.1, 1.2, 4.1) ---- */
    {"reserve 0 bytes: 0xDA/0x100 (0, tag, caller)", SetupReserveZero, ActReserve, NULL,
     {STOP(0xDA, L(0x100), L(0), A(Tag), A(Caller)),
      STOP(0xDA, L(0x100), L(0), A(Tag), A(Caller))}},
    {"reserve 0 bytes with tag 0: modern checks the size first (0x100), nt5 the tag (NULL)",
     SetupReserveZeroTagZero, ActReserve, NULL,
     {STOP(0xDA, L(0x100), L(0), L(0), A(Caller)), RETURNS_NULL}},
    {"reserve with tag 0: NULL (KMT 3)", SetupReserveTagZero, ActReserve, NULL,
     {RETURNS_NULL, RETURNS_NULL}},
    {"reserve with tag 1: a tag like any other (KMT 4)", SetupReserveTagOne, ActReserve,
     CheckReservedOnePage, {RETURNS(Any), RETURNS(Any)}},
    {"Ex: an undefined flag is NULL before the size is looked at (0 bytes, flag 2)",
     SetupExFlag2ZeroBytes, ActReserve, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"Ex: any flag bit but bit 0 is NULL (0x80000001)", SetupExHighFlag, ActReserve, NULL,
     {RETURNS_NULL, RETURNS_NULL}},
    {"Ex with flags 0 and 0 bytes: 0x100 (modern); absent under nt5 (NULL)",
     SetupExZeroFlagsZeroBytes, ActReserve, NULL,
     {STOP(0xDA, L(0x100), L(0), A(Tag), A(Caller)), RETURNS_NULL}},
    {"Ex with DIVISIBLE: a divisible reservation (modern); absent under nt5 (NULL)",
     SetupExDivisible, ActReserve, CheckReservedDivisible, {RETURNS(Any), RETURNS_NULL}},
    {"reserve 2^32 pages: NULL", SetupReserveHuge, ActReserve, NULL,
     {RETURNS_NULL, RETURNS_NULL}},
    {"reserve more pages than system PTE space has: NULL", SetupReserveMoreThanSpace,
     ActReserve, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"Verifier fault injection fails a reservation: NULL", SetupReserveInjected, ActReserve,
     NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"Verifier fault injection comes before every check: 0 bytes give NULL, not 0x100",
     SetupReserveZeroInjected, ActReserve, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"reserve at DISPATCH_LEVEL: 0xC4/0x20019 IrqlMmApcLte (rule, IRQL, 0)",
     SetupReserveAtDispatch, ActReserve, NULL,
     {STOP(0xC4, L(0x20019), A(Any), L(DISPATCH_LEVEL), L(0)),
      STOP(0xC4, L(0x20019), A(Any), L(DISPATCH_LEVEL), L(0))}},
    {"Ex at DISPATCH_LEVEL: 0xC4/0x20019 (modern); absent under nt5 (NULL)",
     SetupReserveExAtDispatch, ActReserve, NULL,
     {STOP(0xC4, L(0x20019), A(Any), L(DISPATCH_LEVEL), L(0)), RETURNS_NULL}},

    /* ---- MmFreeMappingAddress (1.3, 4.1) ---- */
    {"free while mapped: 0x103 (modern: base, tag, pages; nt5: first header PTE, tag, pages)",
     SetupFreeWhileMapped, ActFree, NULL,
     {STOP(0xDA, L(0x103), A(Base), A(Tag), A(Pages)),
      STOP(0xDA, L(0x103), A(HeaderPteAddr), A(Tag), A(Pages))}},
    {"free with the wrong tag: modern 0x102 (addr, tag, 0); nt5 0x101 (addr, tag, tag PTE)",
     SetupFreeWrongTag, ActFree, NULL,
     {STOP(0xDA, L(0x102), A(Addr), A(Tag), L(0)),
      STOP(0xDA, L(0x101), A(Addr), A(Tag), A(TagPte))}},
    {"free with a tag differing in bit 0: modern compares all 32 bits (0x102); nt5 ignores bit 0",
     SetupFreeTagBit0, ActFree, NULL,
     {STOP(0xDA, L(0x102), A(Addr), A(Tag), L(0)), RETURNS(Any)}},
    {"free at the page after a reservation: modern 0x106 (addr, tag, 0); nt5 reads the last "
     "data PTE as the tag PTE (0x101, P4 0)",
     SetupFreePageAfter, ActFree, NULL,
     {STOP(0xDA, L(0x106), A(Addr), A(Tag), L(0)), STOP(0xDA, L(0x101), A(Addr), A(Tag), L(0))}},
    {"free at an interior address: modern accepts any address inside; nt5 reads a data PTE "
     "as the header (0x101)",
     SetupFreeInterior, ActFree, NULL,
     {RETURNS(Any), STOP(0xDA, L(0x101), A(Addr), A(Tag), A(TagPte))}},
    {"free at Mapping + 4 (KMT 5): accepted", SetupFreePlus4, ActFree, NULL,
     {RETURNS(Any), RETURNS(Any)}},
    {"free of a host address: modern 0x106; nt5 header PTEs read as 0 (0x101)",
     SetupFreeHostAddress, ActFree, NULL,
     {STOP(0xDA, L(0x106), A(Addr), A(Tag), L(0)), STOP(0xDA, L(0x101), A(Addr), A(Tag), L(0))}},
    {"free twice: modern 0x106 (no reservation); nt5 0x101 (the header PTEs are gone)",
     SetupFreeTwice, ActFree, NULL,
     {STOP(0xDA, L(0x106), A(Addr), A(Tag), L(0)), STOP(0xDA, L(0x101), A(Addr), A(Tag), L(0))}},
    {"nt5: a header whose size field is below 3 is 'apparently empty' (0x102: addr, tag, "
     "caller); modern frees by the interior address",
     SetupFreeTagOneInterior, ActFree, NULL,
     {RETURNS(Any), STOP(0xDA, L(0x102), A(Addr), A(Tag), A(Caller))}},
    {"nt5: free at a garbage header that passes both checks: 0x102 (addr, tag, caller); "
     "modern: the reservation is mapped (0x103)",
     SetupTagOneGarbageHeader, ActFree, NULL,
     {STOP(0xDA, L(0x103), A(Base), A(Tag), A(Pages)),
      STOP(0xDA, L(0x102), A(Addr), A(Tag), A(Caller))}},
    {"free at APC_LEVEL: allowed", SetupFreeAtApc, ActFree, NULL, {RETURNS(Any), RETURNS(Any)}},
    {"free at DISPATCH_LEVEL: 0xC4/0x20019", SetupFreeAtDispatch, ActFree, NULL,
     {STOP(0xC4, L(0x20019), A(Any), L(DISPATCH_LEVEL), L(0)),
      STOP(0xC4, L(0x20019), A(Any), L(DISPATCH_LEVEL), L(0))}},

    /* ---- MmMapLockedPagesWithReservedMapping (1.4, 4.1) ---- */
    {"map over a mapping: modern 0x107 (base, first non-empty PTE, last PTE of the "
     "reservation); nt5 has no check and replaces the PTEs",
     SetupMapOverMapping, ActMap, CheckMapReplaced,
     {STOP(0xDA, L(0x107), A(Base), A(PteAddr), A(LastPteAddr)), RETURNS(Base)}},
    {"the second grow without DIVISIBLE: an interior address maps at the base, which is "
     "mapped (modern 0x107); nt5 reads the mapped data PTE as the tag PTE (0x104)",
     SetupMapSecondGrow, ActMap, NULL,
     {STOP(0xDA, L(0x107), A(Base), A(PteAddr), A(LastPteAddr)),
      STOP(0xDA, L(0x104), A(Addr), A(Tag), A(TagPte))}},
    {"map at an interior address of an empty reservation: modern maps at the base; nt5 0x104 "
     "(P4 the empty data PTE)",
     SetupMapInterior, ActMap, NULL,
     {RETURNS(Base), STOP(0xDA, L(0x104), A(Addr), A(Tag), L(0))}},
    {"map with the wrong tag: 0x104 (addr, tag, modern: owner tag; nt5: the tag PTE)",
     SetupMapWrongTag, ActMap, NULL,
     {STOP(0xDA, L(0x104), A(Addr), A(Tag), A(Owner)),
      STOP(0xDA, L(0x104), A(Addr), A(Tag), A(TagPte))}},
    {"map with a tag differing in bit 0: modern 0x104; nt5 ignores bit 0", SetupMapTagBit0,
     ActMap, NULL, {STOP(0xDA, L(0x104), A(Addr), A(Tag), A(Owner)), RETURNS(Base)}},
    {"map at the page after a reservation: modern 0x106 (addr, tag, 1); nt5 0x104 (P4 the "
     "last data PTE, 0)",
     SetupMapPageAfter, ActMap, NULL,
     {STOP(0xDA, L(0x106), A(Addr), A(Tag), L(1)), STOP(0xDA, L(0x104), A(Addr), A(Tag), L(0))}},
    {"map at a host address: modern 0x106 (addr, tag, 1); nt5 0x104 (P4 0)",
     SetupMapHostAddress, ActMap, NULL,
     {STOP(0xDA, L(0x106), A(Addr), A(Tag), L(1)), STOP(0xDA, L(0x104), A(Addr), A(Tag), L(0))}},
    {"map an MDL larger than the reservation: NULL, no bug check (KMT 12)", SetupMapTooBig,
     ActMap, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"a too large MDL is NULL before the PTEs are checked (no 0x107)",
     SetupMapTooBigForFullReservation, ActMap, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"DIVISIBLE: an MDL larger than the rest of the reservation from the address: NULL",
     SetupMapDivisibleTail, ActMap, NULL, {RETURNS_NULL, NOT_APPLICABLE}},
    {"DIVISIBLE: an address that is not page aligned: NULL", SetupMapDivisibleUnaligned, ActMap,
     NULL, {RETURNS_NULL, NOT_APPLICABLE}},
    {"DIVISIBLE: the tag is checked before the alignment (0x104)",
     SetupMapDivisibleUnalignedWrongTag, ActMap, NULL,
     {STOP(0xDA, L(0x104), A(Addr), A(Tag), A(Owner)), NOT_APPLICABLE}},
    {"DIVISIBLE: a sub-range overlapping a mapping: 0x107 (address, first mapped PTE, last PTE "
     "of the span)",
     SetupMapDivisibleOverlap, ActMap, NULL,
     {STOP(0xDA, L(0x107), A(Base), A(PteAddr), A(LastPteAddr)), NOT_APPLICABLE}},
    {"DIVISIBLE: a free sub-range at a page offset maps there, whatever else is mapped",
     SetupMapDivisibleOffset, ActMap, NULL, {RETURNS(Addr), NOT_APPLICABLE}},
    {"a cache type >= MmMaximumCacheType: NULL, before the address is looked at",
     SetupMapBadCacheType, ActMap, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"pages that may not be mapped (already freed): NULL, no bug check", SetupMapFreedPages,
     ActMap, NULL, {RETURNS_NULL, RETURNS_NULL}},
    {"the PTEs are checked before the pages (modern 0x107); nt5 checks only the pages (NULL)",
     SetupMapFreedPagesOverMapping, ActMap, NULL,
     {STOP(0xDA, L(0x107), A(Base), A(PteAddr), A(LastPteAddr)), RETURNS_NULL}},
    {"an MDL of zero bytes: NULL", SetupMapZeroLengthMdl, ActMap, NULL,
     {RETURNS_NULL, RETURNS_NULL}},
    {"map at DISPATCH_LEVEL: allowed", SetupMapAtDispatch, ActMap, NULL,
     {RETURNS(Base), RETURNS(Base)}},
    {"map above DISPATCH_LEVEL: 0xA (0, IRQL, 0, caller)", SetupMapAtHigh, ActMap, NULL,
     {STOP(0x0A, L(0), L(HIGH_LEVEL), L(0), A(Caller)),
      STOP(0x0A, L(0), L(HIGH_LEVEL), L(0), A(Caller))}},
    {"nt5: a header whose size field is below 3 (tag 1, interior page): 0x105 (addr, tag, "
     "caller); modern maps at the base",
     SetupMapTagOneInterior, ActMap, NULL,
     {RETURNS(Base), STOP(0xDA, L(0x105), A(Addr), A(Tag), A(Caller))}},
    {"nt5: a garbage header that passes both checks stops with 0x105 instead of writing PTEs "
     "it does not own; modern 0x107",
     SetupMapTagOneGarbageSize, ActMap, NULL,
     {STOP(0xDA, L(0x107), A(Base), A(PteAddr), A(LastPteAddr)),
      STOP(0xDA, L(0x105), A(Addr), A(Tag), A(Caller))}},

    /* ---- MmUnmapReservedMapping (1.5, 4.1) ---- */
    {"unmap twice: modern 0x10B (base, tag, span); nt5 has no check", SetupUnmapTwice, ActUnmap,
     NULL, {STOP(0xDA, L(0x10B), A(Base), A(Tag), A(Span)), RETURNS(Any)}},
    {"unmap with the wrong tag: modern 0x102 (addr, tag, span); nt5 0x108 (addr, tag, tag PTE)",
     SetupUnmapWrongTag, ActUnmap, NULL,
     {STOP(0xDA, L(0x102), A(Addr), A(Tag), A(Span)),
      STOP(0xDA, L(0x108), A(Addr), A(Tag), A(TagPte))}},
    {"unmap at the page after a reservation: modern 0x106 (addr, tag, 2); nt5 0x108 (P4 0)",
     SetupUnmapPageAfter, ActUnmap, NULL,
     {STOP(0xDA, L(0x106), A(Addr), A(Tag), L(2)), STOP(0xDA, L(0x108), A(Addr), A(Tag), L(0))}},
    {"unmap at an interior address: modern unmaps at the base; nt5 reads the mapped data PTE "
     "as the tag PTE (0x108)",
     SetupUnmapInterior, ActUnmap, CheckNothingMapped,
     {RETURNS(Any), STOP(0xDA, L(0x108), A(Addr), A(Tag), A(TagPte))}},
    {"unmap more pages than the reservation has: modern 0x10A (base, pages, span); nt5 unmaps "
     "only its own PTEs",
     SetupUnmapTooMany, ActUnmap, NULL,
     {STOP(0xDA, L(0x10A), A(Base), A(Pages), A(Span)), RETURNS(Any)}},
    {"DIVISIBLE: unmap more pages than remain after the address: 0x10A (address, pages, span)",
     SetupUnmapDivisibleTooMany, ActUnmap, NULL,
     {STOP(0xDA, L(0x10A), A(Addr), A(Pages), A(Span)), NOT_APPLICABLE}},
    {"unmap a span that is only partly mapped: modern 0x10B (base, tag, span); nt5 no check",
     SetupUnmapPartlyMapped, ActUnmap, NULL,
     {STOP(0xDA, L(0x10B), A(Base), A(Tag), A(Span)), RETURNS(Any)}},
    {"without DIVISIBLE, unmap less than is mapped: modern 0x10C (base, tag, span); nt5 leaves "
     "the rest mapped",
     SetupUnmapLessThanMapped, ActUnmap, CheckTwoStillMapped,
     {STOP(0xDA, L(0x10C), A(Base), A(Tag), A(Span)), RETURNS(Any)}},
    {"DIVISIBLE: unmapping one sub-range leaves the others (no 0x10C)",
     SetupUnmapDivisibleSubRange, ActUnmap, CheckRestStillMapped,
     {RETURNS(Any), NOT_APPLICABLE}},
    {"unmap at DISPATCH_LEVEL: allowed", SetupUnmapAtDispatch, ActUnmap, CheckNothingMapped,
     {RETURNS(Any), RETURNS(Any)}},
    {"unmap above DISPATCH_LEVEL: 0xA (0, IRQL, 0, caller)", SetupUnmapAtHigh, ActUnmap, NULL,
     {STOP(0x0A, L(0), L(HIGH_LEVEL), L(0), A(Caller)),
      STOP(0x0A, L(0), L(HIGH_LEVEL), L(0), A(Caller))}},
    {"nt5: unmap at a garbage header that passes both checks: 0x109 (addr, tag, caller); "
     "modern unmaps at the base",
     SetupTagOneGarbageHeader, ActUnmap, CheckNothingMapped,
     {RETURNS(Any), STOP(0xDA, L(0x109), A(Addr), A(Tag), A(Caller))}},
    {"nt5: unmap where the size field is below 3: 0x109 (addr, tag, caller); modern finds "
     "nothing mapped at the base (0x10B)",
     SetupUnmapTagOneInterior, ActUnmap, NULL,
     {STOP(0xDA, L(0x10B), A(Base), A(Tag), A(Span)),
      STOP(0xDA, L(0x109), A(Addr), A(Tag), A(Caller))}},

    /* ---- MDLs mapped through a reservation (1.8, 1.12) ---- */
    {"free the pages of an MDL still mapped through a reservation: 0x1A/0x1238 (MDL, flags, 0)",
     SetupFreePagesStillMapped, ActFreePages, NULL,
     {STOP(0x1A, L(0x1238), A(Mdl), A(MdlFlags), L(0)),
      STOP(0x1A, L(0x1238), A(Mdl), A(MdlFlags), L(0))}},
    {"MmUnmapLockedPages of a reserved mapping: 0xDA/0x301 (address, 0, 0)",
     SetupUnmapLockedPagesOfReservation, ActUnmapLockedPages, NULL,
     {STOP(0xDA, L(0x301), A(Addr), L(0), L(0)), STOP(0xDA, L(0x301), A(Addr), L(0), L(0))}},
    {"IoFreeMdl of a partial MDL still mapped through a reservation: 0xDA/0x301",
     SetupIoFreeMappedPartial, ActIoFreeMdl, NULL,
     {STOP(0xDA, L(0x301), A(Base), L(0), L(0)), STOP(0xDA, L(0x301), A(Base), L(0), L(0))}},
    {"MmFreePagesFromMdl twice: 0x1A/0x1236 (MDL, PFN slot, PFN)", SetupFreePagesTwice,
     ActFreePages, NULL,
     {STOP(0x1A, L(0x1236), A(Mdl), A(PfnSlot), A(Pfn)),
      STOP(0x1A, L(0x1236), A(Mdl), A(PfnSlot), A(Pfn))}},

    /* ---- Touches (3.7) ---- */
    {"read a reserved page that is not mapped: 0x50 (address, 0, code, 0)", SetupTouchUnmapped,
     ActTouchRead, NULL,
     {STOP(0x50, A(Addr), L(0), A(NonZero), L(0)), STOP(0x50, A(Addr), L(0), A(NonZero), L(0))}},
    {"write a reserved page that is not mapped: 0x50 (address, 2, code, 0)", SetupTouchUnmapped,
     ActTouchWrite, NULL,
     {STOP(0x50, A(Addr), L(2), A(NonZero), L(0)), STOP(0x50, A(Addr), L(2), A(NonZero), L(0))}},
    {"write a page of a freed reservation: 0x50", SetupTouchFreed, ActTouchWrite, NULL,
     {STOP(0x50, A(Addr), L(2), A(NonZero), L(0)), STOP(0x50, A(Addr), L(2), A(NonZero), L(0))}},
    {"nt5: read a header page whose tag PTE has bit 11 (Transition) set: 0x50, not a soft fault",
     SetupTouchHeaderTransition, ActTouchRead, NULL,
     {NOT_APPLICABLE, STOP(0x50, A(Addr), L(0), A(NonZero), L(0))}},
    {"nt5: write the size header page: 0x50", SetupTouchSizeHeader, ActTouchWrite, NULL,
     {NOT_APPLICABLE, STOP(0x50, A(Addr), L(2), A(NonZero), L(0))}},

    /* ---- MmGetSystemRoutineAddress ---- */
    {"MmGetSystemRoutineAddress above PASSIVE_LEVEL: 0xA (0, IRQL, 0, caller)",
     SetupRoutineAtApc, ActRoutineAddress, NULL,
     {STOP(0x0A, L(0), L(APC_LEVEL), L(0), A(Caller)),
      STOP(0x0A, L(0), L(APC_LEVEL), L(0), A(Caller))}},
};

/* ---- the runner -------------------------------------------------------- */
static BOOLEAN Resolve(ARG Arg, ULONG_PTR Literal, ULONG_PTR Got, const ROW *Row, const CTX *C,
                       ULONG_PTR *Want)
{
    switch (Arg) {
    case ArgAny: *Want = Got; return TRUE;
    case ArgLit: *Want = Literal; break;
    case ArgAddr: *Want = (ULONG_PTR)C->Addr; break;
    case ArgBase: *Want = (ULONG_PTR)C->Base; break;
    case ArgTag: *Want = C->Tag; break;
    case ArgOwner: *Want = C->Owner; break;
    case ArgTagPte: *Want = C->TagPte; break;
    case ArgPages: *Want = (ULONG_PTR)C->Pages; break;
    case ArgSpan: *Want = C->Span; break;
    case ArgPteAddr: *Want = C->PteAddr; break;
    case ArgLastPteAddr: *Want = C->LastPteAddr; break;
    case ArgHeaderPteAddr: *Want = (ULONG_PTR)SimQueryPteAddress(PageOf(C->Base, -2)); break;
    case ArgMdl: *Want = (ULONG_PTR)C->ActMdl; break;
    case ArgMdlFlags: *Want = C->MdlFlags; break;
    case ArgPfnSlot: *Want = (ULONG_PTR)&MmGetMdlPfnArray(C->ActMdl)[0]; break;
    case ArgPfn: *Want = (ULONG_PTR)MmGetMdlPfnArray(C->ActMdl)[0]; break;
    case ArgCaller: {
        /* The return address lies inside the row's call function. */
        ULONG_PTR Start = (ULONG_PTR)Row->Act;
        *Want = Start;
        return Got > Start && Got < Start + 4096;
    }
    case ArgNonZero: *Want = 1; return Got != 0;
    }
    return Got == *Want;
}

static void RunRow(void **State)
{
    const ROW *Row = (const ROW *)*State;
    for (int p = 0; p < ProfileCount; p++) {
        const EXPECT *E = &Row->Expect[p];
        if (E->Kind == KindSkip) {
            continue;
        }
        UseProfile(Profiles[p].Profile);
        memset(&Ctx, 0, sizeof(Ctx));
        Ctx.CacheType = MmCached;
        if (Row->Setup != NULL) {
            Row->Setup(&Ctx);
        }
        /* The PTE a header build reads as the tag PTE of the address (0
         * outside system space). */
        ULONG64 Below = 0;
        if (Ctx.Addr != NULL) {
            SimQueryPte(PageOf(Ctx.Addr, -1), &Below, NULL);
        }
        Ctx.TagPte = (ULONG_PTR)Below;
        if (Ctx.ActMdl != NULL && Ctx.Span == 0) {
            Ctx.Span = (ULONG)ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Ctx.ActMdl),
                                                             MmGetMdlByteCount(Ctx.ActMdl));
        }
        SIM_BUGCHECK Got;
        SIM_CATCH_BUGCHECK(&Got, Row->Act(&Ctx));

        BOOLEAN Ok = TRUE;
        char Why[256] = "";
        if (E->Kind == KindStop) {
            if (!Got.Caught || Got.Refused || Got.Code != E->Code) {
                Ok = FALSE;
                snprintf(Why, sizeof(Why), "expected bug check 0x%X", E->Code);
            }
            for (int i = 0; Ok && i < 4; i++) {
                ULONG_PTR Want = 0;
                if (!Resolve(E->P[i].Arg, E->P[i].Literal, Got.Parameters[i], Row, &Ctx, &Want)) {
                    Ok = FALSE;
                    snprintf(Why, sizeof(Why), "parameter %d: expected 0x%llx", i + 1,
                             (unsigned long long)Want);
                }
            }
        } else if (Got.Caught) {
            Ok = FALSE;
            snprintf(Why, sizeof(Why), "expected %s, not a bug check",
                     E->Kind == KindNull ? "NULL" : "success");
        } else if (E->Kind == KindNull && Ctx.Result != NULL) {
            Ok = FALSE;
            snprintf(Why, sizeof(Why), "expected NULL, got %p", Ctx.Result);
        } else if (E->Kind == KindOk && E->Result != ArgAny) {
            ULONG_PTR Want = 0;
            if (!Resolve(E->Result, 0, (ULONG_PTR)Ctx.Result, Row, &Ctx, &Want)) {
                Ok = FALSE;
                snprintf(Why, sizeof(Why), "expected %p, got %p", (void *)Want, Ctx.Result);
            }
        } else if (E->Kind == KindOk && Row->Act != ActFree && Row->Act != ActUnmap &&
                   Ctx.Result == NULL) {
            Ok = FALSE;
            snprintf(Why, sizeof(Why), "expected a non-NULL result");
        }
        if (!Ok) {
            char Line[160] = "no bug check";
            if (Got.Caught) {
                SimFormatStopLine(&Got, Line, sizeof(Line));
            }
            print_error("[%s] %s\n  %s\n  got: %s, result %p\n  (seed 0x%llx)\n",
                        Profiles[p].Name, Row->Rule, Why, Line, Ctx.Result,
                        (unsigned long long)SimGetSeed());
            fail();
        }
        if (!Got.Caught) {
            if (Row->Check != NULL && E->Kind == KindOk) {
                Row->Check(&Ctx);
            }
            SimAssertInvariants();
            Cleanup(&Ctx);
            AssertClean();
        }
    }
}

/* ======================================================================== */
/* MDL side effects of map and unmap (1.4, 1.5): MappedSystemVa without the  */
/* byte offset, MDL_MAPPED_TO_SYSTEM_VA, MDL_PARTIAL_HAS_BEEN_MAPPED, the     */
/* return value with the byte offset, the cache type, and real aliasing.      */
/* ======================================================================== */
typedef enum _MDL_KIND {
    MdlFromPages,        /* MmAllocatePagesForMdlEx: StartVa NULL, offset 0 */
    MdlFromPool,         /* MmBuildMdlForNonPagedPool over pool + 0x123 */
    MdlPartialOfPages,   /* IoBuildPartialMdl of the second page on */
    MdlPartialOfPool     /* IoBuildPartialMdl of a pool MDL, at an offset */
} MDL_KIND;

static const struct {
    const char *Name;
    MDL_KIND Kind;
    MEMORY_CACHING_TYPE CacheType;
    BOOLEAN CacheDisabled; /* PTE PCD: CacheType counts only for pages without their own */
    /* MappedSystemVa after the unmap: the pool address back (modern restores
     * it for MDL_SOURCE_IS_NONPAGED_POOL) or left at the reserved address. */
    BOOLEAN Restored[ProfileCount];
} MdlRows[] = {
    {"pages for an MDL, cached", MdlFromPages, MmCached, FALSE, {FALSE, FALSE}},
    {"pages for an MDL, non-cached", MdlFromPages, MmNonCached, TRUE, {FALSE, FALSE}},
    {"non-paged pool at an offset", MdlFromPool, MmNonCached, FALSE, {TRUE, FALSE}},
    {"partial MDL of pages", MdlPartialOfPages, MmCached, FALSE, {FALSE, FALSE}},
    {"partial MDL of non-paged pool", MdlPartialOfPool, MmCached, FALSE, {TRUE, FALSE}},
};

SIM_TEST_F(MdlSideEffects, SimTestSetup, SimTestTeardownDefault)
{
    for (int p = 0; p < ProfileCount; p++) {
        for (size_t r = 0; r < ARRAY_COUNT(MdlRows); r++) {
            UseProfile(Profiles[p].Profile);
            PVOID Base = MmAllocateMappingAddress(4 * PAGE_SIZE, TAG_OWN);
            assert_non_null(Base);
            PMDL Pages = NULL, Partial = NULL, Mdl = NULL;
            PUCHAR Pool = NULL, Data = NULL;
            ULONG Bytes = 2 * PAGE_SIZE;
            if (MdlRows[r].Kind == MdlFromPages || MdlRows[r].Kind == MdlPartialOfPages) {
                Pages = AllocMdl(3);
                Mdl = Pages;
            } else {
                Pool = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG_OWN);
                assert_non_null(Pool);
                Data = Pool + 0x123;
                Pages = IoAllocateMdl(Data, Bytes, FALSE, FALSE, NULL);
                assert_non_null(Pages);
                MmBuildMdlForNonPagedPool(Pages);
                Mdl = Pages;
            }
            if (MdlRows[r].Kind == MdlPartialOfPages || MdlRows[r].Kind == MdlPartialOfPool) {
                /* Integer arithmetic: an MDL of pages has StartVa NULL. */
                PVOID From = (PVOID)((ULONG_PTR)Pages->StartVa + Pages->ByteOffset +
                                     (MdlRows[r].Kind == MdlPartialOfPages ? PAGE_SIZE : 0x10));
                Partial = IoAllocateMdl(From, PAGE_SIZE, FALSE, FALSE, NULL);
                assert_non_null(Partial);
                IoBuildPartialMdl(Pages, Partial, From, PAGE_SIZE);
                Mdl = Partial;
                if (Data != NULL) {
                    Data += 0x10;
                }
            }
            ULONG Offset = MmGetMdlByteOffset(Mdl);
            CSHORT FlagsBefore = Mdl->MdlFlags;
            PVOID Va =
                MmMapLockedPagesWithReservedMapping(Base, TAG_OWN, Mdl, MdlRows[r].CacheType);
            /* The return value has the byte offset; MappedSystemVa does not. */
            assert_ptr_equal(Va, (PUCHAR)Base + Offset);
            assert_ptr_equal(Mdl->MappedSystemVa, Base);
            assert_ptr_equal(MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority), Base);
            assert_int_equal(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA, MDL_MAPPED_TO_SYSTEM_VA);
            assert_int_equal((Mdl->MdlFlags & MDL_PARTIAL_HAS_BEEN_MAPPED) != 0,
                             (Mdl->MdlFlags & MDL_PARTIAL) != 0);
            ULONG64 Pte = PteOf(Base);
            assert_int_equal((Pte & SIM_PTE_CACHE_DISABLE) != 0, MdlRows[r].CacheDisabled);
            assert_int_equal(SIM_PTE_PFN(Pte), MmGetMdlPfnArray(Mdl)[0]);
            /* Real aliasing: a write through the reserved mapping shows in
             * the pool block, and the other way round. */
            memset(Va, 0x3C, 64);
            if (Data != NULL) {
                assert_int_equal(Data[0], 0x3C);
                assert_int_equal(Data[63], 0x3C);
                Data[1] = 0x77;
                assert_int_equal(((volatile UCHAR *)Va)[1], 0x77);
            }
            SimAssertInvariants();
            MmUnmapReservedMapping(Va, TAG_OWN, Mdl);
            assert_int_equal(Mdl->MdlFlags, FlagsBefore);
            PVOID Restored = MdlRows[r].Restored[p]
                                 ? (PVOID)((PUCHAR)Mdl->StartVa + Mdl->ByteOffset)
                                 : Base;
            if (Mdl->MappedSystemVa != Restored) {
                print_error("[%s] %s: MappedSystemVa %p after the unmap, expected %p\n",
                            Profiles[p].Name, MdlRows[r].Name, Mdl->MappedSystemVa, Restored);
                fail();
            }
            assert_int_equal(PteOf(Base), 0);
            if (Partial != NULL) {
                IoFreeMdl(Partial);
            }
            if (Pool != NULL) {
                IoFreeMdl(Pages);
                ExFreePoolWithTag(Pool, TAG_OWN);
            } else {
                SimTestFreeMdlPages(Pages);
            }
            MmFreeMappingAddress(Base, TAG_OWN);
            AssertClean();
        }
    }
}

/* ======================================================================== */
/* docs/architecture.md 7 / ddi-contract 4.2 (MSCODE): the growable pattern. A DIVISIBLE */
/* reservation of 2 x size takes two MDLs back to back; each is unmapped by */
/* its own address, the reservation freed once. Modern only: Ex is absent   */
/* under nt5.                                                               */
/* ======================================================================== */
SIM_TEST_F(DivisibleBackToBack, SimTestSetup, SimTestTeardownDefault)
{
    UseProfile(SimProfileModern);
    enum { Half = 4 };
    PUCHAR Base = (PUCHAR)MmAllocateMappingAddressEx(2 * Half * PAGE_SIZE, TAG_OWN,
                                                     MM_MAPPING_ADDRESS_DIVISIBLE);
    assert_non_null(Base);
    PMDL First = AllocMdl(Half), Second = AllocMdl(Half);
    PUCHAR A = (PUCHAR)MmMapLockedPagesWithReservedMapping(Base, TAG_OWN, First, MmCached);
    PUCHAR B = (PUCHAR)MmMapLockedPagesWithReservedMapping(Base + Half * PAGE_SIZE, TAG_OWN,
                                                           Second, MmCached);
    assert_ptr_equal(A, Base);
    assert_ptr_equal(B, A + Half * PAGE_SIZE);
    for (ULONG i = 0; i < 2 * Half; i++) {
        PMDL Owner = i < Half ? First : Second;
        assert_int_equal(SIM_PTE_PFN(PteOf(PageOf(Base, i))), MmGetMdlPfnArray(Owner)[i % Half]);
    }
    /* One contiguous buffer across both MDLs. */
    for (ULONG64 i = 0; i < 2 * Half * PAGE_SIZE / sizeof(ULONG64); i++) {
        ((volatile ULONG64 *)Base)[i] = i * 0x9E3779B97F4A7C15ull;
    }
    for (ULONG64 i = 0; i < 2 * Half * PAGE_SIZE / sizeof(ULONG64); i++) {
        assert_int_equal(((volatile ULONG64 *)Base)[i], i * 0x9E3779B97F4A7C15ull);
    }
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(B + 5, &Info));
    assert_int_equal(Info.MappedPages, 2 * Half);
    assert_true(MmIsAddressValid(B + 5));
    /* A mapped reserved range is non-paged memory an MDL can describe. */
    PMDL Over = IoAllocateMdl(A + PAGE_SIZE - 8, 16, FALSE, FALSE, NULL);
    assert_non_null(Over);
    MmBuildMdlForNonPagedPool(Over);
    assert_int_equal(MmGetMdlPfnArray(Over)[0], MmGetMdlPfnArray(First)[0]);
    assert_int_equal(MmGetMdlPfnArray(Over)[1], MmGetMdlPfnArray(First)[1]);
    IoFreeMdl(Over);
    SimAssertInvariants();
    MmUnmapReservedMapping(B, TAG_OWN, Second);
    MmUnmapReservedMapping(A, TAG_OWN, First);
    SimTestFreeMdlPages(Second);
    SimTestFreeMdlPages(First);
    MmFreeMappingAddress(Base, TAG_OWN);
    AssertClean();
}

/* ======================================================================== */
/* 4.1: the nt5 header PTEs of each Windows generation, visible through     */
/* SimQueryPte; tags that differ only in bit 0 alias in all of them.        */
/* ======================================================================== */
static const struct {
    SIM_NT5_HEADER_FORMAT Format;
    const char *Env;
    ULONG64 TagPte;  /* of 'MRmK' (0x4D526D4B) */
    ULONG64 SizePte; /* of a 1-page reservation (N + 2 = 3) */
} HeaderRows[] = {
    {SimNt5HeaderServer2003, "2003", 0x4D526D4Aull, 0x6ull},
    {SimNt5HeaderVista, "vista", 0x4D526D4B00000000ull, 0x300000000ull},
    {SimNt5HeaderWin8, "win8", 0x4D526D4B0000000ull, 0x30000000ull},
};

SIM_TEST_F(Nt5HeaderEncodings, SimTestSetup, SimTestTeardownDefault)
{
    for (size_t r = 0; r < ARRAY_COUNT(HeaderRows); r++) {
        UseProfile(SimProfileNt5);
        assert_int_equal(SimSetNt5HeaderFormat(HeaderRows[r].Format), STATUS_SUCCESS);
        assert_int_equal(SimGetNt5HeaderFormat(), HeaderRows[r].Format);
        PUCHAR Mapping = (PUCHAR)MmAllocateMappingAddress(1, TAG_KMT);
        assert_non_null(Mapping);
        /* Live headers keep their encoding. */
        assert_int_equal(SimSetNt5HeaderFormat(SimNt5HeaderServer2003),
                         STATUS_INVALID_DEVICE_STATE);
        SIM_SPACE_REGION Region;
        ULONG64 Pte;
        assert_true(SimQueryPte(Mapping - PAGE_SIZE, &Pte, &Region));
        assert_int_equal(Region, SimRegionSystemPtes);
        assert_int_equal(Pte, HeaderRows[r].TagPte);
        assert_int_equal(Pte & SIM_PTE_VALID, 0);
        assert_true(SimQueryPte(Mapping - 2 * PAGE_SIZE, &Pte, NULL));
        assert_int_equal(Pte, HeaderRows[r].SizePte);
        assert_int_equal(Pte & SIM_PTE_VALID, 0);
        assert_int_equal(PteOf(Mapping), 0);
        SimAssertInvariants();
        /* The header scheme ignores bit 0: map, unmap and free with the tag
         * whose bit 0 is the other one (the older KMT revision does this). */
        PMDL Mdl = AllocMdl(1);
        PVOID Va = MmMapLockedPagesWithReservedMapping(Mapping, TAG_KMT & ~1u, Mdl, MmCached);
        assert_ptr_equal(Va, Mapping);
        MmUnmapReservedMapping(Va, TAG_KMT & ~1u, Mdl);
        SimTestFreeMdlPages(Mdl);
        MmFreeMappingAddress(Mapping, TAG_KMT & ~1u);
        AssertClean();
        assert_int_equal(SimSetNt5HeaderFormat((SIM_NT5_HEADER_FORMAT)7), STATUS_INVALID_PARAMETER);
    }
    /* MMSIM_NT5_HEADERS picks the encoding when a machine is built. */
    const char *Saved = getenv("MMSIM_NT5_HEADERS");
    char Keep[32] = "";
    if (Saved != NULL) {
        snprintf(Keep, sizeof(Keep), "%s", Saved);
    }
    for (size_t r = 0; r < ARRAY_COUNT(HeaderRows); r++) {
        setenv("MMSIM_NT5_HEADERS", HeaderRows[r].Env, 1);
        SIM_CONFIG Config;
        SimDefaultConfig(&Config);
        Config.Profile = SimProfileNt5;
        assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
        assert_int_equal(SimGetNt5HeaderFormat(), HeaderRows[r].Format);
        PUCHAR Mapping = (PUCHAR)MmAllocateMappingAddress(5 * PAGE_SIZE, TAG_OWN);
        assert_non_null(Mapping);
        assert_int_equal(PteOf(Mapping - PAGE_SIZE), TagPteOf(TAG_OWN, HeaderRows[r].Format));
        assert_int_equal(PteOf(Mapping - 2 * PAGE_SIZE), SizePteOf(5, HeaderRows[r].Format));
        MmFreeMappingAddress(Mapping, TAG_OWN);
        AssertClean();
    }
    if (Saved != NULL) {
        setenv("MMSIM_NT5_HEADERS", Keep, 1);
    } else {
        unsetenv("MMSIM_NT5_HEADERS");
    }
}

/* The interior-address rule of 4.1 under every encoding: a map at the
 * second page reads the first data PTE as the tag PTE (0x104). */
SIM_TEST_F(Nt5InteriorAddressEveryEncoding, SimTestSetup, SimTestTeardownDefault)
{
    for (size_t r = 0; r < ARRAY_COUNT(HeaderRows); r++) {
        UseProfile(SimProfileNt5);
        assert_int_equal(SimSetNt5HeaderFormat(HeaderRows[r].Format), STATUS_SUCCESS);
        PUCHAR Mapping = (PUCHAR)MmAllocateMappingAddress(3 * PAGE_SIZE, 1);
        assert_non_null(Mapping);
        PMDL Mdl = AllocMdl(1);
        if (HeaderRows[r].Format == SimNt5HeaderServer2003) {
            /* Tag 1 encodes as 0, the value of an empty data PTE: the tag
             * check passes and the size field (the tag PTE, 0) fails. */
            SIM_EXPECT_BUGCHECK4(0xDA, 0x105, Mapping + PAGE_SIZE, 1, SIM_ANY,
                                 (void)MmMapLockedPagesWithReservedMapping(Mapping + PAGE_SIZE, 1,
                                                                           Mdl, MmCached));
        } else {
            SIM_EXPECT_BUGCHECK4(0xDA, 0x104, Mapping + PAGE_SIZE, 1, 0,
                                 (void)MmMapLockedPagesWithReservedMapping(Mapping + PAGE_SIZE, 1,
                                                                           Mdl, MmCached));
        }
    }
}

/* ======================================================================== */
/* Under nt5 MmAllocateMappingAddressEx does not exist: the call fails      */
/* with a message that names the profile.                                   */
/* ======================================================================== */
SIM_TEST_F(Nt5ExFailsWithMessage, SimTestSetup, SimTestTeardownDefault)
{
    UseProfile(SimProfileNt5);
    int Pipe[2];
    assert_int_equal(pipe(Pipe), 0);
    fflush(stderr);
    int SavedErr = dup(2);
    assert_true(SavedErr >= 0);
    assert_true(dup2(Pipe[1], 2) >= 0);
    PVOID Va = MmAllocateMappingAddressEx(PAGE_SIZE, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    fflush(stderr);
    dup2(SavedErr, 2);
    close(SavedErr);
    close(Pipe[1]);
    char Text[1024] = "";
    ssize_t Got = read(Pipe[0], Text, sizeof(Text) - 1);
    close(Pipe[0]);
    assert_null(Va);
    assert_true(Got > 0);
    Text[Got] = '\0';
    assert_non_null(strstr(Text, "MmAllocateMappingAddressEx"));
    assert_non_null(strstr(Text, "nt5"));
    assert_non_null(strstr(Text, "MMSIM_PROFILE=modern"));
    AssertClean();
}

/* ======================================================================== */
/* MmGetSystemRoutineAddress: how a driver finds out which DDIs exist.      */
/* ======================================================================== */
typedef PVOID(NTAPI *PFN_ALLOCATE_MAPPING_ADDRESS_EX)(SIZE_T, ULONG, ULONG);

/* A driver that runs on both: DIVISIBLE where it exists. */
static PVOID ReserveGrowable(SIZE_T Bytes, ULONG Tag)
{
    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"MmAllocateMappingAddressEx");
    PFN_ALLOCATE_MAPPING_ADDRESS_EX Ex =
        (PFN_ALLOCATE_MAPPING_ADDRESS_EX)(uintptr_t)MmGetSystemRoutineAddress(&Name);
    return Ex != NULL ? Ex(Bytes, Tag, MM_MAPPING_ADDRESS_DIVISIBLE)
                      : MmAllocateMappingAddress(Bytes, Tag);
}

SIM_TEST_F(SystemRoutineAddress, SimTestSetup, SimTestTeardownDefault)
{
    const struct {
        const WCHAR *Name;
        uintptr_t Routine;
        BOOLEAN Exists[ProfileCount];
    } Names[] = {
        {L"MmAllocateMappingAddressEx", (uintptr_t)&MmAllocateMappingAddressEx, {TRUE, FALSE}},
        {L"MmAllocateMappingAddress", (uintptr_t)&MmAllocateMappingAddress, {TRUE, TRUE}},
        {L"MmFreeMappingAddress", (uintptr_t)&MmFreeMappingAddress, {TRUE, TRUE}},
        {L"MmMapLockedPagesWithReservedMapping", (uintptr_t)&MmMapLockedPagesWithReservedMapping,
         {TRUE, TRUE}},
        {L"MmUnmapReservedMapping", (uintptr_t)&MmUnmapReservedMapping, {TRUE, TRUE}},
        {L"MmAllocatePagesForMdlEx", (uintptr_t)&MmAllocatePagesForMdlEx, {TRUE, TRUE}},
        {L"MmFreePagesFromMdl", (uintptr_t)&MmFreePagesFromMdl, {TRUE, TRUE}},
        {L"IoAllocateMdl", (uintptr_t)&IoAllocateMdl, {TRUE, TRUE}},
        {L"ExAllocatePool2", (uintptr_t)&ExAllocatePool2, {TRUE, FALSE}},
        {L"ExAllocatePoolWithTag", (uintptr_t)&ExAllocatePoolWithTag, {TRUE, TRUE}},
        {L"ExFreePoolWithTag", (uintptr_t)&ExFreePoolWithTag, {TRUE, TRUE}},
        {L"KeBugCheckEx", (uintptr_t)&KeBugCheckEx, {TRUE, TRUE}},
        {L"KeGetCurrentIrql", (uintptr_t)&KeGetCurrentIrql, {TRUE, TRUE}},
        {L"IoQueueWorkItem", (uintptr_t)&IoQueueWorkItem, {TRUE, TRUE}},
        {L"RtlInitUnicodeString", (uintptr_t)&RtlInitUnicodeString, {TRUE, TRUE}},
        {L"MmGetSystemRoutineAddress", (uintptr_t)&MmGetSystemRoutineAddress, {TRUE, TRUE}},
        /* Export names are exact and case-sensitive. */
        {L"mmallocatemappingaddressex", 0, {FALSE, FALSE}},
        {L"MmAllocateMappingAddressEx2", 0, {FALSE, FALSE}},
        {L"MmAllocateMappingAddres", 0, {FALSE, FALSE}},
        {L"MmsimPagedCodeCheck", 0, {FALSE, FALSE}},
        {L"NoSuchRoutine", 0, {FALSE, FALSE}},
        {L"", 0, {FALSE, FALSE}},
    };
    for (int p = 0; p < ProfileCount; p++) {
        UseProfile(Profiles[p].Profile);
        for (size_t i = 0; i < ARRAY_COUNT(Names); i++) {
            UNICODE_STRING Name;
            RtlInitUnicodeString(&Name, Names[i].Name);
            uintptr_t Got = (uintptr_t)MmGetSystemRoutineAddress(&Name);
            uintptr_t Want = Names[i].Exists[p] ? Names[i].Routine : 0;
            if (Got != Want) {
                print_error("[%s] MmGetSystemRoutineAddress(\"%ls\") = %p, expected %p\n",
                            Profiles[p].Name, Names[i].Name, (void *)Got, (void *)Want);
                fail();
            }
        }
        assert_null(MmGetSystemRoutineAddress(NULL));
        /* A counted string need not be terminated: only Length counts. */
        WCHAR Longer[] = L"MmAllocateMappingAddressXYZ";
        UNICODE_STRING Counted = {(USHORT)(24 * sizeof(WCHAR)), (USHORT)sizeof(Longer), Longer};
        assert_ptr_equal(MmGetSystemRoutineAddress(&Counted),
                         (PVOID)(uintptr_t)&MmAllocateMappingAddress);
        /* The strategy a driver picks with it. */
        PVOID Base = ReserveGrowable(2 * PAGE_SIZE, TAG_OWN);
        assert_non_null(Base);
        SIM_RESERVATION_INFO Info;
        assert_true(SimQueryReservation(Base, &Info));
        assert_int_equal(Info.Flags, Profiles[p].HasEx ? MM_MAPPING_ADDRESS_DIVISIBLE : 0);
        MmFreeMappingAddress(Base, TAG_OWN);
        AssertClean();
    }
}

/* ======================================================================== */
/* Queries, leaks and the invariant checker.                                */
/* ======================================================================== */
SIM_TEST_F(QueryAndLeakReport, SimTestSetup, SimTestTeardownDefault)
{
    for (int p = 0; p < ProfileCount; p++) {
        UseProfile(Profiles[p].Profile);
        PUCHAR A = (PUCHAR)MmAllocateMappingAddress(3 * PAGE_SIZE + 1, TAG_OWN);
        PUCHAR B = (PUCHAR)MmAllocateMappingAddress(PAGE_SIZE, TAG_OTHER);
        assert_non_null(A);
        assert_non_null(B);
        PMDL Mdl = AllocMdl(2);
        assert_ptr_equal(MmMapLockedPagesWithReservedMapping(A, TAG_OWN, Mdl, MmCached), A);
        SIM_RESERVATION_INFO Info;
        /* Any page of the reservation finds it, header pages included. */
        for (LONG64 Page = -(LONG64)Profiles[p].HeaderPtes; Page < 4; Page++) {
            assert_true(SimQueryReservation(PageOf(A, Page) + 7, &Info));
            assert_ptr_equal(Info.Base, A);
            assert_int_equal(Info.Pages, 4);
            assert_int_equal(Info.Tag, TAG_OWN);
            assert_int_equal(Info.Flags, 0);
            assert_int_equal(Info.MappedPages, 2);
            assert_int_equal(Info.HeaderPtes, Profiles[p].HeaderPtes);
            assert_non_null(Info.Caller);
        }
        assert_false(SimQueryReservation(&HostVariable, &Info));
        assert_null(Info.Base);
        SIM_RESERVATION_INFO All[4];
        assert_int_equal(SimEnumReservations(All, 4), 2);
        assert_int_equal(SimEnumReservations(NULL, 0), 2);
        assert_true(All[0].Base == A || All[1].Base == A);
        assert_true((ULONG_PTR)All[0].Base < (ULONG_PTR)All[1].Base);
        /* A live reservation is a leak the fixture reports, by tag. */
        char Report[2048];
        assert_false(SimIsClean(Report, sizeof(Report)));
        assert_non_null(strstr(Report, "reserved mapping"));
        assert_non_null(strstr(Report, "'Resv'"));
        assert_non_null(strstr(Report, "'Othr'"));
        MmUnmapReservedMapping(A, TAG_OWN, Mdl);
        SimTestFreeMdlPages(Mdl);
        MmFreeMappingAddress(A, TAG_OWN);
        MmFreeMappingAddress(B, TAG_OTHER);
        assert_int_equal(SimEnumReservations(NULL, 0), 0);
        AssertClean();
    }
}

/* The modern node: 0x30 bytes of non-paged pool tagged "Mirm" (4.2). */
SIM_TEST_F(ModernNodeInPool, SimTestSetup, SimTestTeardownDefault)
{
    UseProfile(SimProfileModern);
    SIM_POOL_TAG_USAGE Before[64], After[64];
    ULONG n0 = SimQueryPoolUsage(Before, 64);
    PVOID Base = MmAllocateMappingAddressEx(PAGE_SIZE, TAG_OWN, MM_MAPPING_ADDRESS_DIVISIBLE);
    assert_non_null(Base);
    ULONG n1 = SimQueryPoolUsage(After, 64);
    BOOLEAN Found = FALSE;
    for (ULONG i = 0; i < n1 && i < 64; i++) {
        if (After[i].Tag == 0x6D72694Du) { /* "Mirm" */
            Found = TRUE;
            assert_false(After[i].Paged);
            assert_int_equal(After[i].Allocs - After[i].Frees, 1);
            assert_int_equal(After[i].Bytes, 0x30);
        }
    }
    (void)n0;
    assert_true(Found);
    MmFreeMappingAddress(Base, TAG_OWN);
    AssertClean();

    /* No non-paged pool left for the node: NULL, and nothing held. */
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.NonPagedPoolPages = 16;
    assert_int_equal(SimInitialize(&Config), STATUS_SUCCESS);
    enum { MaxBlocks = 16 * PAGE_SIZE / 16 };
    PVOID *Blocks = (PVOID *)calloc(MaxBlocks, sizeof(PVOID));
    assert_non_null(Blocks);
    ULONG Count = 0;
    while (Count < MaxBlocks &&
           (Blocks[Count] = ExAllocatePool2(POOL_FLAG_NON_PAGED, 0x30, TAG_OWN)) != NULL) {
        Count++;
    }
    assert_true(Count > 0 && Count < MaxBlocks);
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    assert_null(MmAllocateMappingAddress(PAGE_SIZE, TAG_OWN));
    SIM_MEMORY_STATS Later;
    SimQueryMemory(&Later);
    assert_int_equal(Later.SystemPtesFree, Stats.SystemPtesFree);
    assert_int_equal(SimEnumReservations(NULL, 0), 0);
    while (Count > 0) {
        ExFreePoolWithTag(Blocks[--Count], TAG_OWN);
    }
    free(Blocks);
    AssertClean();
}

SIM_TEST_F(InvariantCatchesBrokenReservation, SimTestSetup, SimTestTeardownDefault)
{
    for (int p = 0; p < ProfileCount; p++) {
        UseProfile(Profiles[p].Profile);
        PVOID Base = MmAllocateMappingAddress(2 * PAGE_SIZE, TAG_OWN);
        assert_non_null(Base);
        SimAssertInvariants();
        assert_false(SimCorruptForTest(SimCorruptReservation, &HostVariable));
        assert_true(SimCorruptForTest(SimCorruptReservation, PageOf(Base, 1)));
        char Report[2048];
        assert_false(SimCheckInvariants(Report, sizeof(Report)));
        assert_non_null(strstr(Report, "reservation"));
        SimReset(); /* the machine is corrupt: start over */
    }
}

/* ======================================================================== */
/* Many reservations, random sub-ranges mapped and unmapped in random order */
/* (seeded); the invariant checker stays clean after every step.            */
/* ======================================================================== */
static ULONG64 RandomState;

static ULONG64 Random(void)
{
    /* xorshift64* */
    RandomState ^= RandomState >> 12;
    RandomState ^= RandomState << 25;
    RandomState ^= RandomState >> 27;
    return RandomState * 0x2545F4914F6CDD1Dull;
}

static ULONG RandomBelow(ULONG Bound)
{
    return (ULONG)(Random() % Bound);
}

enum { FuzzReservations = 12, FuzzMaxPages = 48, FuzzMaxMappings = 64, FuzzSteps = 250 };

typedef struct _FUZZ_RESERVATION {
    PUCHAR Base;
    ULONG Pages;
    ULONG Tag;
    ULONG Flags;
    BOOLEAN Used[FuzzMaxPages];
} FUZZ_RESERVATION;

typedef struct _FUZZ_MAPPING {
    ULONG Reservation;
    ULONG First;
    ULONG Pages;
    PMDL Mdl;
    PUCHAR Va;
    ULONG64 Stamp;
} FUZZ_MAPPING;

static void FuzzCheck(const FUZZ_RESERVATION *R, ULONG64 Seed, ULONG Step)
{
    char Report[4096];
    if (!SimCheckInvariants(Report, sizeof(Report))) {
        print_error("seed 0x%llx, step %lu:\n%s", (unsigned long long)Seed, (unsigned long)Step,
                    Report);
        fail();
    }
    for (ULONG r = 0; r < FuzzReservations; r++) {
        if (R[r].Base == NULL) {
            continue;
        }
        SIM_RESERVATION_INFO Info;
        assert_true(SimQueryReservation(R[r].Base, &Info));
        ULONG Used = 0;
        for (ULONG k = 0; k < R[r].Pages; k++) {
            Used += R[r].Used[k];
            assert_int_equal((PteOf(PageOf(R[r].Base, k)) & SIM_PTE_VALID) != 0, R[r].Used[k]);
        }
        assert_int_equal(Info.MappedPages, Used);
    }
}

static void FuzzNewReservation(FUZZ_RESERVATION *R, BOOLEAN Nt5, ULONG Index)
{
    memset(R, 0, sizeof(*R));
    R->Pages = 1 + RandomBelow(FuzzMaxPages);
    R->Tag = 'zzuF' + Index;
    R->Flags = (!Nt5 && (Random() & 1)) ? MM_MAPPING_ADDRESS_DIVISIBLE : 0;
    R->Base = (PUCHAR)(R->Flags ? MmAllocateMappingAddressEx((SIZE_T)R->Pages * PAGE_SIZE - 7,
                                                             R->Tag, R->Flags)
                                : MmAllocateMappingAddress((SIZE_T)R->Pages * PAGE_SIZE, R->Tag));
    assert_non_null(R->Base);
}

static void RunFuzz(SIM_PROFILE Profile, ULONG64 Seed)
{
    UseProfile(Profile);
    BOOLEAN Nt5 = Profile == SimProfileNt5;
    RandomState = Seed;
    FUZZ_RESERVATION R[FuzzReservations];
    FUZZ_MAPPING M[FuzzMaxMappings];
    ULONG Live = 0;
    for (ULONG r = 0; r < FuzzReservations; r++) {
        FuzzNewReservation(&R[r], Nt5, r);
    }
    for (ULONG Step = 0; Step < FuzzSteps; Step++) {
        ULONG Op = RandomBelow(10);
        if (Op < 5 && Live < FuzzMaxMappings) {
            /* Map a random sub-range (DIVISIBLE) or the start (otherwise). */
            ULONG r = RandomBelow(FuzzReservations);
            BOOLEAN Divisible = (R[r].Flags & MM_MAPPING_ADDRESS_DIVISIBLE) != 0;
            ULONG Pages = 1 + RandomBelow(Divisible ? 6 : R[r].Pages);
            if (Pages > R[r].Pages) {
                continue;
            }
            ULONG First = Divisible ? RandomBelow(R[r].Pages - Pages + 1) : 0;
            BOOLEAN Free = TRUE;
            for (ULONG k = 0; k < R[r].Pages; k++) {
                /* Without DIVISIBLE the whole reservation must be empty. */
                if (R[r].Used[k] && (!Divisible || (k >= First && k < First + Pages))) {
                    Free = FALSE;
                }
            }
            if (!Free) {
                continue;
            }
            PMDL Mdl = AllocMdl(Pages);
            /* Without DIVISIBLE, any address inside maps at the base (modern). */
            ULONG At = Divisible || Nt5 ? First : RandomBelow(R[r].Pages);
            PUCHAR Want = PageOf(R[r].Base, First);
            PUCHAR Va = (PUCHAR)MmMapLockedPagesWithReservedMapping(
                PageOf(R[r].Base, At) + (Divisible || Nt5 ? 0 : RandomBelow(PAGE_SIZE)), R[r].Tag,
                Mdl, MmCached);
            if (Va != Want) {
                print_error("seed 0x%llx, step %lu: mapped at %p, expected %p\n",
                            (unsigned long long)Seed, (unsigned long)Step, (void *)Va,
                            (void *)Want);
                fail();
            }
            ULONG64 Stamp = Random();
            for (ULONG k = 0; k < Pages; k++) {
                R[r].Used[First + k] = TRUE;
                *(volatile ULONG64 *)PageOf(Va, k) = Stamp + k;
            }
            M[Live++] = (FUZZ_MAPPING){r, First, Pages, Mdl, Va, Stamp};
        } else if (Op < 9 && Live > 0) {
            /* Unmap a random mapping by its own address. */
            ULONG i = RandomBelow(Live);
            FUZZ_MAPPING *Map = &M[i];
            for (ULONG k = 0; k < Map->Pages; k++) {
                assert_int_equal(*(volatile ULONG64 *)PageOf(Map->Va, k), Map->Stamp + k);
            }
            MmUnmapReservedMapping(Map->Va, R[Map->Reservation].Tag, Map->Mdl);
            SimTestFreeMdlPages(Map->Mdl);
            for (ULONG k = 0; k < Map->Pages; k++) {
                R[Map->Reservation].Used[Map->First + k] = FALSE;
            }
            M[i] = M[--Live];
        } else {
            /* Replace an empty reservation by a new one. */
            ULONG r = RandomBelow(FuzzReservations);
            BOOLEAN Empty = TRUE;
            for (ULONG k = 0; k < R[r].Pages; k++) {
                Empty &= !R[r].Used[k];
            }
            if (Empty) {
                /* Any address inside frees it under modern. */
                PUCHAR At = Nt5 ? R[r].Base : PageOf(R[r].Base, RandomBelow(R[r].Pages)) + 3;
                MmFreeMappingAddress(At, R[r].Tag);
                FuzzNewReservation(&R[r], Nt5, r);
            }
        }
        FuzzCheck(R, Seed, Step);
    }
    while (Live > 0) {
        FUZZ_MAPPING *Map = &M[--Live];
        MmUnmapReservedMapping(Map->Va, R[Map->Reservation].Tag, Map->Mdl);
        SimTestFreeMdlPages(Map->Mdl);
    }
    for (ULONG r = 0; r < FuzzReservations; r++) {
        MmFreeMappingAddress(R[r].Base, R[r].Tag);
    }
    AssertClean();
}

SIM_TEST_F(RandomSubRanges, SimTestSetup, SimTestTeardownDefault)
{
    const ULONG64 Seeds[] = {0x5EED, 0xC0FFEE, 0x243F6A8885A308D3ull};
    for (int p = 0; p < ProfileCount; p++) {
        for (size_t s = 0; s < ARRAY_COUNT(Seeds); s++) {
            RunFuzz(Profiles[p].Profile, Seeds[s]);
        }
        /* One more from the machine's seed (MMSIM_SEED replays it). */
        RunFuzz(Profiles[p].Profile, SimGetSeed() | 1);
    }
}

/* ======================================================================== */
/* Many reservations: each is found by any page inside it.                  */
/* ======================================================================== */
SIM_TEST_F(ManyReservations, SimTestSetup, SimTestTeardownDefault)
{
    enum { Count = 1500 };
    for (int p = 0; p < ProfileCount; p++) {
        UseProfile(Profiles[p].Profile);
        static PUCHAR Bases[Count];
        for (ULONG i = 0; i < Count; i++) {
            Bases[i] = (PUCHAR)MmAllocateMappingAddress((SIZE_T)(1 + i % 5) * PAGE_SIZE,
                                                        TAG_OWN + (i << 8));
            assert_non_null(Bases[i]);
        }
        PMDL Mdl = AllocMdl(1);
        for (ULONG i = 0; i < Count; i += 97) {
            PUCHAR Va = (PUCHAR)MmMapLockedPagesWithReservedMapping(Bases[i], TAG_OWN + (i << 8),
                                                                    Mdl, MmCached);
            assert_ptr_equal(Va, Bases[i]);
            SIM_RESERVATION_INFO Info;
            assert_true(SimQueryReservation(PageOf(Bases[i], i % 5) + 1, &Info));
            assert_ptr_equal(Info.Base, Bases[i]);
            assert_int_equal(Info.MappedPages, 1);
            MmUnmapReservedMapping(Va, TAG_OWN + (i << 8), Mdl);
        }
        SimTestFreeMdlPages(Mdl);
        SimAssertInvariants();
        for (ULONG i = Count; i-- > 0;) {
            /* Under modern any page of it will do. */
            PUCHAR At = Profiles[p].Profile == SimProfileModern ? PageOf(Bases[i], i % 5)
                                                                : Bases[i];
            MmFreeMappingAddress(At, TAG_OWN + (i << 8));
        }
        AssertClean();
    }
}

/* ======================================================================== */
/* Threads: reservations made, mapped, written, unmapped and freed from     */
/* several host threads at once (real mutual exclusion; run under TSan).    */
/* ======================================================================== */
enum { ThreadCount = 4, ThreadRounds = 60 };

static void *ThreadBody(void *Argument)
{
    ULONG Index = (ULONG)(uintptr_t)Argument;
    BOOLEAN Modern = SimGetProfile() == SimProfileModern;
    for (ULONG Round = 0; Round < ThreadRounds; Round++) {
        ULONG Tag = 'dhT0' + Index;
        ULONG Pages = 1 + (Round + Index) % 4;
        PUCHAR Base = (PUCHAR)(Modern ? MmAllocateMappingAddressEx(
                                            2 * (SIZE_T)Pages * PAGE_SIZE, Tag,
                                            MM_MAPPING_ADDRESS_DIVISIBLE)
                                      : MmAllocateMappingAddress((SIZE_T)Pages * PAGE_SIZE, Tag));
        if (Base == NULL) {
            return (void *)1;
        }
        PHYSICAL_ADDRESS Low, High, Skip;
        Low.QuadPart = 0;
        High.QuadPart = -1;
        Skip.QuadPart = 0;
        PMDL A = MmAllocatePagesForMdlEx(Low, High, Skip, (SIZE_T)Pages * PAGE_SIZE, MmCached, 0);
        PMDL B = MmAllocatePagesForMdlEx(Low, High, Skip, (SIZE_T)Pages * PAGE_SIZE, MmCached, 0);
        if (A == NULL || B == NULL) { /* out of pages: give back what we hold */
            for (int m = 0; m < 2; m++) {
                PMDL Mdl = m == 0 ? A : B;
                if (Mdl != NULL) {
                    MmFreePagesFromMdl(Mdl);
                    ExFreePool(Mdl);
                }
            }
            MmFreeMappingAddress(Base, Tag);
            return (void *)2;
        }
        PUCHAR Va = (PUCHAR)MmMapLockedPagesWithReservedMapping(Base, Tag, A, MmCached);
        PUCHAR Vb = Modern ? (PUCHAR)MmMapLockedPagesWithReservedMapping(
                                 Base + (SIZE_T)Pages * PAGE_SIZE, Tag, B, MmCached)
                           : NULL;
        if (Va != Base || (Modern && Vb != Base + (SIZE_T)Pages * PAGE_SIZE)) {
            return (void *)3;
        }
        for (ULONG k = 0; k < Pages; k++) {
            *(volatile ULONG *)(Va + (SIZE_T)k * PAGE_SIZE) = Index * 1000 + Round;
        }
        for (ULONG k = 0; k < Pages; k++) {
            if (*(volatile ULONG *)(Va + (SIZE_T)k * PAGE_SIZE) != Index * 1000 + Round) {
                return (void *)4;
            }
        }
        SIM_RESERVATION_INFO Info;
        if (!SimQueryReservation(Base, &Info) || Info.Tag != Tag) {
            return (void *)5;
        }
        if (Vb != NULL) {
            MmUnmapReservedMapping(Vb, Tag, B);
        }
        MmUnmapReservedMapping(Va, Tag, A);
        MmFreePagesFromMdl(A);
        ExFreePool(A);
        MmFreePagesFromMdl(B);
        ExFreePool(B);
        MmFreeMappingAddress(Base, Tag);
    }
    return NULL;
}

SIM_TEST_F(ConcurrentReservations, SimTestSetup, SimTestTeardownDefault)
{
    for (int p = 0; p < ProfileCount; p++) {
        UseProfile(Profiles[p].Profile);
        pthread_t Threads[ThreadCount];
        for (ULONG i = 0; i < ThreadCount; i++) {
            assert_int_equal(pthread_create(&Threads[i], NULL, ThreadBody, (void *)(uintptr_t)i),
                             0);
        }
        /* Every thread is joined before any assertion: one left running
         * would go on allocating on the next test's machine. */
        void *Results[ThreadCount];
        for (ULONG i = 0; i < ThreadCount; i++) {
            Results[i] = NULL;
            pthread_join(Threads[i], &Results[i]);
        }
        for (ULONG i = 0; i < ThreadCount; i++) {
            if (Results[i] != NULL) {
                print_error("[%s] thread %lu failed at check %p\n", Profiles[p].Name,
                            (unsigned long)i, Results[i]);
            }
            assert_null(Results[i]);
        }
        AssertClean();
    }
}

/* ======================================================================== */
int main(void)
{
    /* The table's rows are tests of their own, named by their rule. */
    for (size_t r = 0; r < ARRAY_COUNT(Rows); r++) {
        SimRegisterTest(Rows[r].Rule, RunRow, SimTestSetup, SimTestTeardownDefault,
                        (void *)&Rows[r], ROWS_LINE);
    }
    return SimRunTests("reserved", NULL, NULL);
}
