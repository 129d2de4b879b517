/*
 * test_userva_demand.c - demand-zero paging and commit charge
 * (docs/user-space.md):
 *
 *   commit 1 GiB      PTEs: protection only      physical pages used: 0
 *   touch one page    PTE: valid, a zeroed PFN   physical pages used: 1
 *   decommit it       PTE: 0                     physical pages used: 0
 *
 * and the commit limit, processes and attach, with the invariant checker
 * after every step.
 */
#include <string.h>
#include <unistd.h>

#include "userva_kit.h"

#define GIB ((SIZE_T)1 << 30)

USERVA_MACHINE(BigCommitSetup, Config.CommitLimitPages = (2 * GIB) / PAGE_SIZE)

SIM_TEST_F(committed_untouched_memory_takes_no_physical_page, BigCommitSetup,
           SimTestTeardownDefault)
{
    ULONG64 Before = UvFreePages();
    uint8_t *Base = UvAllocate(GIB, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    SimAssertInvariants();
    assert_int_equal(UvFreePages(), Before);
    assert_int_equal(UvProcess().CommitCharge, GIB);
    assert_int_equal(UvProcess().ResidentPages, 0);
    ULONG64 Pte = 0;
    uint8_t *Page = Base + 12345 * PAGE_SIZE;
    assert_true(SimQueryUserPte(Page, &Pte));
    assert_int_equal(Pte & 1, 0);          /* not valid: demand zero */
    assert_int_not_equal(Pte, 0);          /* but committed */

    /* First touch: a zeroed page, a valid PTE, one soft fault. */
    assert_int_equal(Page[100], 0);
    SimAssertInvariants();
    assert_int_equal(UvFreePages(), Before - 1);
    assert_int_equal(UvProcess().ResidentPages, 1);
    assert_int_equal(UvProcess().DemandZeroFaults, 1);
    assert_true(SimQueryUserPte(Page, &Pte));
    assert_int_equal(Pte & 1, 1);
    SIM_PFN_INFO Pfn;
    assert_true(SimQueryPfn((PFN_NUMBER)((Pte >> 12) & 0xFFFFFFFFFFull), &Pfn));
    assert_int_equal(Pfn.State, SimPageUser);
    Page[100] = 7; /* a second touch faults no more */
    assert_int_equal(UvProcess().DemandZeroFaults, 1);

    /* Decommit gives the page back; the charge goes with it. */
    PVOID At = Page;
    SIZE_T One = PAGE_SIZE;
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &At, &One, MEM_DECOMMIT),
                     STATUS_SUCCESS);
    SimAssertInvariants();
    assert_int_equal(UvFreePages(), Before);
    assert_int_equal(UvProcess().CommitCharge, GIB - PAGE_SIZE);
    assert_true(SimQueryUserPte(Page, &Pte));
    assert_int_equal(Pte, 0);

    /* Committed again: zero again, not the 7 written before. */
    One = PAGE_SIZE;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &One, MEM_COMMIT,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    assert_int_equal(Page[100], 0);
    UvRelease(Base);
    SimAssertInvariants();
    assert_int_equal(UvFreePages(), Before);
    assert_int_equal(UvProcess().CommitCharge, 0);
}

USERVA_MACHINE(SmallCommitSetup, Config.CommitLimitPages = 16)

SIM_TEST_F(the_commit_limit_refuses_with_status_commitment_limit, SmallCommitSetup,
           SimTestTeardownDefault)
{
    PVOID Base = NULL;
    SIZE_T Size = 64 * PAGE_SIZE;
    /* Reserving charges nothing. */
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    PVOID At = Base;
    Size = 17 * PAGE_SIZE;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, MEM_COMMIT,
                                             PAGE_READWRITE),
                     STATUS_COMMITMENT_LIMIT);
    Size = 16 * PAGE_SIZE;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, MEM_COMMIT,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    /* Recommitting what is committed charges nothing more. */
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, MEM_COMMIT,
                                             PAGE_READONLY),
                     STATUS_SUCCESS);
    PVOID Other = NULL;
    Size = PAGE_SIZE;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Other, 0, &Size,
                                             MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE),
                     STATUS_COMMITMENT_LIMIT);
    SimAssertInvariants();
    UvRelease(Base);
}

SIM_TEST(two_processes_have_their_own_pages_at_the_same_address)
{
    HANDLE First = SimCurrentProcess();
    HANDLE Second = SimCreateProcess();
    assert_non_null(Second);
    PVOID Base = NULL;
    SIZE_T Size = 0x10000;
    assert_int_equal(ZwAllocateVirtualMemory(First, &Base, 0, &Size, MEM_RESERVE | MEM_COMMIT,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    PVOID Same = Base;
    assert_int_equal(ZwAllocateVirtualMemory(Second, &Same, 0, &Size, MEM_RESERVE | MEM_COMMIT,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    assert_ptr_equal(Same, Base);
    volatile uint32_t *Word = (volatile uint32_t *)Base;
    *Word = 0x11111111;
    assert_int_equal(SimAttachProcess(Second), STATUS_SUCCESS);
    assert_int_equal(*Word, 0); /* the second process's own demand-zero page */
    *Word = 0x22222222;
    SimAssertInvariants();
    assert_int_equal(SimAttachProcess(NULL), STATUS_SUCCESS);
    assert_int_equal(*Word, 0x11111111);
    assert_int_equal(SimAttachProcess(Second), STATUS_SUCCESS);
    assert_int_equal(*Word, 0x22222222);
    assert_int_equal(SimAttachProcess(First), STATUS_SUCCESS);
    /* Ending a process with committed memory is no leak. */
    assert_int_equal(SimDeleteProcess(Second), STATUS_SUCCESS);
    assert_int_equal(SimDeleteProcess(Second), STATUS_INVALID_HANDLE);
    SimAssertInvariants();
    SIZE_T Zero = 0;
    assert_int_equal(ZwFreeVirtualMemory(First, &Base, &Zero, MEM_RELEASE), STATUS_SUCCESS);
}

SIM_TEST(a_user_page_touched_at_dispatch_level_is_0xd1)
{
    uint8_t *Base = UvAllocate(PAGE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    KIRQL Old;
    SIM_EXPECT_BUGCHECK(DRIVER_IRQL_NOT_LESS_OR_EQUAL, Base,
                        KeRaiseIrql(DISPATCH_LEVEL, &Old);
                        *(volatile uint8_t *)Base = 1);
}

SIM_TEST(an_access_violation_unhandled_in_kernel_code_is_0x1e)
{
    uint8_t *Base = UvAllocate(PAGE_SIZE, MEM_RESERVE, PAGE_READWRITE);
    SIM_EXPECT_BUGCHECK4(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ACCESS_VIOLATION, SIM_ANY, 0, Base,
                         (void)*(volatile uint8_t *)Base);
}

static int Filter(EXCEPTION_POINTERS *Pointers, NTSTATUS *Code, ULONG_PTR *Kind, ULONG_PTR *Where)
{
    *Code = Pointers->ExceptionRecord->ExceptionCode;
    *Kind = Pointers->ExceptionRecord->ExceptionInformation[0];
    *Where = Pointers->ExceptionRecord->ExceptionInformation[1];
    return EXCEPTION_EXECUTE_HANDLER;
}

SIM_TEST(seh_catches_a_touch_of_reserved_memory)
{
    uint8_t *Base = UvAllocate(PAGE_SIZE, MEM_RESERVE, PAGE_READWRITE);
    NTSTATUS Code = 0;
    ULONG_PTR Where = 0, Kind = 9;
    __try {
        *(volatile uint8_t *)Base = 1;
    } __except (Filter(GetExceptionInformation(), &Code, &Kind, &Where)) {
    }
    assert_int_equal(Code, STATUS_ACCESS_VIOLATION);
    assert_int_equal(Kind, 1);
    assert_int_equal(Where, (ULONG_PTR)Base);
    UvRelease(Base);
}

/* !vad and !address show the user-mode model: one VAD, its commit, the PTE
 * going from demand zero to valid on the first touch. */
SIM_TEST(vad_and_address_dumps_show_reserve_commit_and_the_first_touch)
{
    uint8_t *Base = UvAllocate(2 * 1024 * 1024, MEM_RESERVE, PAGE_READWRITE);
    UvCommit(Base, PAGE_SIZE, PAGE_READWRITE);
    char Text[UV_DUMP_CHARS];
    UvDumpVad(Text);
    assert_non_null(strstr(Text, "       1  Private  PAGE_READWRITE\n"));
    assert_non_null(strstr(Text, "Total VADs: 1, commit charge 1 page(s), resident 0 page(s)"));
    UvDumpAddress(Base, Text);
    assert_non_null(strstr(Text, "State:                  00001000          MEM_COMMIT\n"));
    assert_non_null(strstr(Text, ": demand zero\n"));
    *(volatile uint8_t *)Base = 1;
    assert_non_null(strstr(UvDumpAddress(Base, Text), ": valid, pfn "));
    UvDumpAddress(Base + PAGE_SIZE, Text);
    assert_non_null(strstr(Text, "MEM_RESERVE\n"));
    assert_non_null(strstr(Text, "Region Size:            00000000`001ff000\n"));
    UvRelease(Base);
}

SIM_TEST(the_vm_fault_site_fails_allocations_with_the_documented_statuses)
{
    char Why[256];
    assert_int_equal(SimConfigureFaults("nth=1@vm", Why, sizeof(Why)), STATUS_SUCCESS);
    PVOID Base = NULL;
    SIZE_T Size = PAGE_SIZE;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size,
                                             MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE),
                     STATUS_COMMITMENT_LIMIT);
    assert_int_equal(SimFaultsInjected(SimFaultAllocateVirtualMemory), 1);
    assert_string_equal(SimFaultSiteName(SimFaultAllocateVirtualMemory), "ZwAllocateVirtualMemory");
    assert_int_equal(SimConfigureFaults("nth=1@vm", Why, sizeof(Why)), STATUS_SUCCESS);
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                             PAGE_READWRITE),
                     STATUS_NO_MEMORY);
    assert_int_equal(SimConfigureFaults("", Why, sizeof(Why)), STATUS_SUCCESS);
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    UvRelease(Base);
}

/* A forked child (death tests, the fault runner's fork server) gets its own
 * copy of user memory, as it does of system space: its writes stay its own. */
static void ChildWrites(void *Context)
{
    volatile uint32_t *Word = (volatile uint32_t *)Context;
    *Word = 0xC41D;
    _exit(*Word == 0xC41D ? 0 : 1);
}

SIM_TEST(a_forked_child_s_writes_to_user_memory_stay_in_the_child)
{
    uint8_t *Base = UvAllocate(PAGE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    volatile uint32_t *Word = (volatile uint32_t *)Base;
    *Word = 0x9A4E;
    static SIM_CHILD Child;
    assert_true(SimRunChild(ChildWrites, Base, 30, &Child));
    SIM_EXPECT_CHILD_EXIT(&Child, 0);
    assert_int_equal(*Word, 0x9A4E);
    UvRelease(Base);
}

int main(void)
{
    return SimRunTests("userva_demand", NULL, NULL);
}
