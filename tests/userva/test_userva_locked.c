/*
 * test_userva_locked.c - user pages held by drivers (docs/user-space.md):
 *
 *   a driver locks a user page        (MmProbeAndLockPages, UserMode)
 *   its process decommits/releases it  the address: no longer accessible
 *                                      the commit charge: returned
 *                                      the physical page: still the MDL's
 *   the driver unlocks it              the physical page: free again
 *
 * and MmSecureVirtualMemory / MmUnsecureVirtualMemory: a secured range
 * cannot be freed, nor made less accessible than the probe mode, until the
 * handle is given back.
 */
#include <string.h>

#include "userva_kit.h"

/* ---- A locked page its process lets go of. ---------------------------- */
typedef struct {
    const char *Name;
    bool Release;       /* MEM_RELEASE of the whole buffer, else MEM_DECOMMIT of page 1 */
    ULONG64 BackAtFree;   /* pages back on the free list after the free */
    ULONG64 BackAtUnlock; /* ... and after the unlock */
} LET_GO;

static const LET_GO LetGo[] = {
    /*  how of the 4 pages                back at: free  unlock */
    {"MEM_DECOMMIT of the locked page", false,        0,     1},
    {"MEM_RELEASE of its region",       true,         3,     4},
};

SIM_TEST(a_locked_user_page_let_go_of_by_its_process_is_freed_at_the_unlock)
{
    for (size_t i = 0; i < sizeof(LetGo) / sizeof(LetGo[0]); i++) {
        const LET_GO *Row = &LetGo[i];
        print_message("%s\n", Row->Name);
        static const char Data[] = "a user buffer";
        uint8_t *Buffer = (uint8_t *)SimAllocateUserBuffer(4 * PAGE_SIZE, PAGE_READWRITE, NULL, 0);
        assert_non_null(Buffer);
        memset(Buffer, 0, 4 * PAGE_SIZE);
        memcpy(Buffer + PAGE_SIZE, Data, sizeof(Data));
        PMDL Mdl = IoAllocateMdl(Buffer + PAGE_SIZE, PAGE_SIZE, FALSE, FALSE, NULL);
        assert_non_null(Mdl);
        MmProbeAndLockPages(Mdl, UserMode, IoWriteAccess);
        PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[0];
        ULONG64 Held = UvFreePages(); /* the 4 pages taken */

        PVOID At = Row->Release ? (PVOID)Buffer : (PVOID)(Buffer + PAGE_SIZE);
        SIZE_T Size = Row->Release ? 0 : PAGE_SIZE;
        assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &At, &Size,
                                             Row->Release ? MEM_RELEASE : MEM_DECOMMIT),
                         STATUS_SUCCESS);
        assert_int_equal(UvTouch(Buffer + PAGE_SIZE, false), STATUS_ACCESS_VIOLATION);
        assert_int_equal(UvProcess().CommitCharge, Row->Release ? 0 : 3 * PAGE_SIZE);
        assert_int_equal(UvProcess().LockedPages, 1);
        assert_int_equal(UvFreePages(), Held + Row->BackAtFree);
        /* The MDL still describes the page, with what the process wrote. */
        const char *System = (const char *)MmGetSystemAddressForMdlSafe(Mdl, NormalPagePriority);
        assert_non_null(System);
        assert_string_equal(System, Data);
        SimAssertInvariants();

        MmUnlockPages(Mdl);
        IoFreeMdl(Mdl);
        SimAssertInvariants(); /* no user page held by nobody */
        SIM_PFN_INFO Info;
        assert_true(SimQueryPfn(Pfn, &Info));
        assert_int_equal(Info.State, SimPageFree);
        assert_int_equal(UvFreePages(), Held + Row->BackAtUnlock);
        assert_int_equal(UvProcess().LockedPages, 0);
        if (!Row->Release) {
            SimFreeUserBuffer(Buffer);
        }
    }
}

/* ---- MmSecureVirtualMemory. ------------------------------------------- */
/* Four committed read-write pages; pages 1-2 secured with Mode. */
typedef enum { Protect, Decommit, Release } OP;
typedef struct {
    const char *Name;
    ULONG Mode;      /* ProbeMode */
    OP Op;
    int Page, Count; /* the pages the call names */
    ULONG NewProtect;
    NTSTATUS While;  /* while secured */
} SECURED;

static const SECURED Secured[] = {
    /*  what                                       mode            op        page n  protection               status while secured */
    {"read-write: read-only is refused",           PAGE_READWRITE, Protect,  1, 1,  PAGE_READONLY,          STATUS_INVALID_PAGE_PROTECTION},
    {"read-write: no access is refused",           PAGE_READWRITE, Protect,  2, 1,  PAGE_NOACCESS,          STATUS_INVALID_PAGE_PROTECTION},
    {"read-write: a guard page is refused",        PAGE_READWRITE, Protect,  1, 1,  PAGE_READWRITE | PAGE_GUARD, STATUS_INVALID_PAGE_PROTECTION},
    {"read-write: overlapping it is refused",      PAGE_READWRITE, Protect,  0, 2,  PAGE_READONLY,          STATUS_INVALID_PAGE_PROTECTION},
    {"read-write: execute-read-write is allowed",  PAGE_READWRITE, Protect,  1, 2,  PAGE_EXECUTE_READWRITE, STATUS_SUCCESS},
    {"read-write: pages beside it are free to go", PAGE_READWRITE, Protect,  3, 1,  PAGE_NOACCESS,          STATUS_SUCCESS},
    {"read-write: decommitting it is refused",     PAGE_READWRITE, Decommit, 2, 1,  0,                      STATUS_INVALID_PAGE_PROTECTION},
    {"read-write: decommitting beside it is fine", PAGE_READWRITE, Decommit, 0, 1,  0,                      STATUS_SUCCESS},
    {"read-write: releasing the region is refused",PAGE_READWRITE, Release,  0, 0,  0,                      STATUS_INVALID_PAGE_PROTECTION},
    {"read-only: read-only is allowed",            PAGE_READONLY,  Protect,  1, 2,  PAGE_READONLY,          STATUS_SUCCESS},
    {"read-only: no access is refused",            PAGE_READONLY,  Protect,  1, 1,  PAGE_NOACCESS,          STATUS_INVALID_PAGE_PROTECTION},
    {"read-only: decommitting it is refused",      PAGE_READONLY,  Decommit, 1, 2,  0,                      STATUS_INVALID_PAGE_PROTECTION},
};

static NTSTATUS Apply(uint8_t *Base, const SECURED *Row)
{
    PVOID At = Row->Op == Release ? (PVOID)Base : (PVOID)(Base + (SIZE_T)Row->Page * PAGE_SIZE);
    SIZE_T Size = (SIZE_T)Row->Count * PAGE_SIZE;
    ULONG Old;
    switch (Row->Op) {
    case Protect:
        return ZwProtectVirtualMemory(NtCurrentProcess(), &At, &Size, Row->NewProtect, &Old);
    case Decommit: return ZwFreeVirtualMemory(NtCurrentProcess(), &At, &Size, MEM_DECOMMIT);
    default: return ZwFreeVirtualMemory(NtCurrentProcess(), &At, &Size, MEM_RELEASE);
    }
}

SIM_TEST(a_secured_range_stays_as_accessible_as_its_probe_mode_until_unsecured)
{
    for (size_t i = 0; i < sizeof(Secured) / sizeof(Secured[0]); i++) {
        const SECURED *Row = &Secured[i];
        print_message("%s\n", Row->Name);
        uint8_t *Base = (uint8_t *)SimAllocateUserBuffer(4 * PAGE_SIZE, PAGE_READWRITE, NULL, 0);
        assert_non_null(Base);
        HANDLE Secure = MmSecureVirtualMemory(Base + PAGE_SIZE, 2 * PAGE_SIZE, Row->Mode);
        assert_non_null(Secure);
        assert_int_equal(Apply(Base, Row), Row->While);
        MmUnsecureVirtualMemory(Secure);
        if (Row->While != STATUS_SUCCESS) {
            assert_int_equal(Apply(Base, Row), STATUS_SUCCESS); /* unsecured: allowed */
        }
        SimAssertInvariants();
        if (Row->Op != Release) {
            SimFreeUserBuffer(Base);
        }
    }
}

/* What cannot be secured: MmSecureVirtualMemory returns NULL. */
typedef struct {
    const char *Name;
    int Page, Count; /* in the buffer below; Page -1: a kernel address */
    ULONG Mode;
} UNSECURABLE;

static const UNSECURABLE Unsecurable[] = {
    {"a kernel address",                         -1, 1, PAGE_READWRITE},
    {"size 0",                                    0, 0, PAGE_READWRITE},
    {"a probe mode other than read-only/-write",  0, 1, PAGE_EXECUTE_READWRITE},
    {"reserved pages",                            3, 1, PAGE_READONLY},
    {"read-write on read-only pages",             1, 1, PAGE_READWRITE},
    {"past the region's end",                     2, 3, PAGE_READONLY},
};

SIM_TEST(what_cannot_be_secured_gets_null)
{
    /* Pages 0 read-write, 1-2 read-only, 3 only reserved. */
    uint8_t *Base = UvAllocate(4 * PAGE_SIZE, MEM_RESERVE, PAGE_READWRITE);
    UvCommit(Base, PAGE_SIZE, PAGE_READWRITE);
    UvCommit(Base + PAGE_SIZE, 2 * PAGE_SIZE, PAGE_READONLY);
    static uint8_t Kernel[PAGE_SIZE];
    for (size_t i = 0; i < sizeof(Unsecurable) / sizeof(Unsecurable[0]); i++) {
        const UNSECURABLE *Row = &Unsecurable[i];
        print_message("%s\n", Row->Name);
        PVOID Address = Row->Page < 0 ? (PVOID)Kernel
                                      : (PVOID)(Base + (SIZE_T)Row->Page * PAGE_SIZE);
        assert_null(MmSecureVirtualMemory(Address, (SIZE_T)Row->Count * PAGE_SIZE, Row->Mode));
    }
    UvRelease(Base);
}

/* Not unsecured by the driver: the process's end unsecures it. */
SIM_TEST(a_process_ending_with_a_secured_range_unsecures_it)
{
    HANDLE Other = SimCreateProcess();
    assert_int_equal(SimAttachProcess(Other), STATUS_SUCCESS);
    PVOID Buffer = SimAllocateUserBuffer(PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    assert_non_null(MmSecureVirtualMemory(Buffer, PAGE_SIZE, PAGE_READWRITE));
    assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
    assert_int_equal(SimDeleteProcess(Other), STATUS_SUCCESS);
    SimAssertInvariants();
}

/* Above APC_LEVEL: the IRQL rule's bug check, the DDI compliance rule
 * IrqlMmApcLte (0xC4/0x20019: rule, IRQL, 0). */
SIM_TEST(securing_at_dispatch_level_is_the_irql_bug_check)
{
    PVOID Buffer = SimAllocateUserBuffer(PAGE_SIZE, PAGE_READWRITE, NULL, 0);
    KIRQL Old;
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x20019, SIM_ANY, DISPATCH_LEVEL, 0,
                         KeRaiseIrql(DISPATCH_LEVEL, &Old);
                         (void)MmSecureVirtualMemory(Buffer, PAGE_SIZE, PAGE_READWRITE));
}

int main(void)
{
    return SimRunTests("userva_locked", NULL, NULL);
}
