/*
 * test_userva_zw.c - ZwAllocateVirtualMemory, ZwFreeVirtualMemory,
 * ZwProtectVirtualMemory and ZwQueryVirtualMemory as the user half of
 * reserve/commit (docs/user-space.md). Each scenario is a list of steps on a
 * fresh machine; after every step MemoryBasicInformation at one address is
 * checked, and the invariant checker must pass.
 *
 *   B = a free, 64 KiB-aligned user address found at the start of each scenario
 *
 *   B          B+0x1000    B+0x2000                               B+0x10000
 *   | reserved | committed |          reserved                     |
 *   '----------------------- one VAD (AllocationBase B) ------------'
 */
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <stdbool.h>

/* Steps leave trailing fields (OldProt) out where they do not apply. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#define NOBASE ((LONG_PTR)-1)  /* BaseAddress NULL: the system picks */
#define KERNEL ((LONG_PTR)-2)  /* BaseAddress in system space (pool) */
#define ANY ((LONG_PTR)-3)     /* an out-value not checked */

typedef enum { Alloc = 1, Free, Protect, Read, Write, Look } OP;

typedef struct {
    OP Op;
    LONG_PTR At;     /* offset from B, or NOBASE / KERNEL */
    SIZE_T Size;
    ULONG Type;      /* AllocationType or FreeType */
    ULONG Prot;      /* Protect / NewProtect */
    NTSTATUS Want;   /* returned status, or the exception a touch raises (0: none) */
    LONG_PTR OutAt;  /* *BaseAddress afterwards (offset), or ANY */
    SIZE_T OutSize;  /* *RegionSize afterwards, or 0: not checked */
    /* MemoryBasicInformation at B + QAt afterwards. */
    LONG_PTR QAt;
    ULONG State;
    ULONG QProt;
    SIZE_T QSize;
    LONG_PTR QAllocBase; /* offset, or NOBASE for NULL */
    ULONG QAllocProt;
    ULONG OldProt;   /* Protect: *OldProtect, 0 not checked */
} STEP;

typedef struct {
    const char *Rule;
    STEP Steps[6];
} SCENARIO;

#define RW PAGE_READWRITE
#define RO PAGE_READONLY
#define NA PAGE_NOACCESS
#define RES MEM_RESERVE
#define COM MEM_COMMIT
#define RC (MEM_RESERVE | MEM_COMMIT)

/* MBI of a free region starting at B + QAt: its size depends on the neighbours; 0 = unchecked. */
#define FREE_AT(q) q, MEM_FREE, PAGE_NOACCESS, 0, NOBASE, 0

static const SCENARIO Scenarios[] = {
    /* ---- MEM_RESERVE, MEM_COMMIT, both ---- */
    {"reserve: the base rounds down to 64 KiB, the end up to a page; reserved pages have no protection",
     {{Alloc, 0x1234, 0x2000, RES, RW, STATUS_SUCCESS, 0, 0x4000, 0, MEM_RESERVE, 0, 0x4000, 0, RW}}},
    {"reserve and commit at once: one committed region",
     {{Alloc, 0, 0x3000, RC, RW, STATUS_SUCCESS, 0, 0x3000, 0x1000, MEM_COMMIT, RW, 0x2000, 0, RW}}},
    {"commit inside a reservation is page-granular and splits the regions",
     {{Alloc, 0, 0x10000, RES, NA, STATUS_SUCCESS, 0, 0x10000, 0, MEM_RESERVE, 0, 0x10000, 0, NA},
      {Alloc, 0x1000, 0x1000, COM, RW, STATUS_SUCCESS, 0x1000, 0x1000, 0x1000, MEM_COMMIT, RW,
       0x1000, 0, NA},
      {Look, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_RESERVE, 0, 0x1000, 0, NA},
      {Look, 0, 0, 0, 0, 0, ANY, 0, 0x2000, MEM_RESERVE, 0, 0xE000, 0, NA}}},
    {"a 2-byte commit straddling a page boundary commits both pages",
     {{Alloc, 0, 0x10000, RES, RW, STATUS_SUCCESS, 0, 0x10000, 0, MEM_RESERVE, 0, 0x10000, 0, RW},
      {Alloc, 0xFFF, 2, COM, RW, STATUS_SUCCESS, 0, 0x2000, 0, MEM_COMMIT, RW, 0x2000, 0, RW}}},
    {"recommitting committed pages keeps them and sets the new protection",
     {{Alloc, 0, 0x2000, RC, RW, STATUS_SUCCESS, 0, 0x2000, 0, MEM_COMMIT, RW, 0x2000, 0, RW},
      {Write, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RW, 0x2000, 0, RW},
      {Alloc, 0, 0x1000, COM, RO, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, RO, 0x1000, 0, RW}}},
    {"committing where nothing is reserved: STATUS_CONFLICTING_ADDRESSES",
     {{Alloc, 0, 0x1000, COM, RW, STATUS_CONFLICTING_ADDRESSES, ANY, 0, FREE_AT(0)}}},
    {"committing past the reservation's end: STATUS_CONFLICTING_ADDRESSES",
     {{Alloc, 0, 0x10000, RES, RW, STATUS_SUCCESS, 0, 0x10000, 0, MEM_RESERVE, 0, 0x10000, 0, RW},
      {Alloc, 0xF000, 0x2000, COM, RW, STATUS_CONFLICTING_ADDRESSES, ANY, 0, 0xF000, MEM_RESERVE,
       0, 0x1000, 0, RW}}},
    {"reserving over a reservation: STATUS_CONFLICTING_ADDRESSES",
     {{Alloc, 0, 0x20000, RES, RW, STATUS_SUCCESS, 0, 0x20000, 0, MEM_RESERVE, 0, 0x20000, 0, RW},
      {Alloc, 0x10000, 0x1000, RES, RW, STATUS_CONFLICTING_ADDRESSES, ANY, 0, 0x10000,
       MEM_RESERVE, 0, 0x10000, 0, RW}}},
    {"MEM_COMMIT with no base reserves and commits",
     {{Alloc, NOBASE, 0x1800, COM, RW, STATUS_SUCCESS, ANY, 0x2000, FREE_AT(0)}}},
    /* ---- bad arguments ---- */
    {"size 0: STATUS_INVALID_PARAMETER_4",
     {{Alloc, 0, 0, RES, RW, STATUS_INVALID_PARAMETER_4, ANY, 0, FREE_AT(0)}}},
    {"MEM_TOP_DOWN alone: STATUS_INVALID_PARAMETER_5",
     {{Alloc, 0, 0x1000, MEM_TOP_DOWN, RW, STATUS_INVALID_PARAMETER_5, ANY, 0, FREE_AT(0)}}},
    {"a free type in AllocationType: STATUS_INVALID_PARAMETER_5",
     {{Alloc, 0, 0x1000, RES | MEM_DECOMMIT, RW, STATUS_INVALID_PARAMETER_5, ANY, 0, FREE_AT(0)}}},
    {"MEM_RESET with another flag: STATUS_INVALID_PARAMETER_5",
     {{Alloc, 0, 0x1000, MEM_RESET | COM, RW, STATUS_INVALID_PARAMETER_5, ANY, 0, FREE_AT(0)}}},
    {"protection 0: STATUS_INVALID_PAGE_PROTECTION",
     {{Alloc, 0, 0x1000, RES, 0, STATUS_INVALID_PAGE_PROTECTION, ANY, 0, FREE_AT(0)}}},
    {"two base protections: STATUS_INVALID_PAGE_PROTECTION",
     {{Alloc, 0, 0x1000, RC, RW | PAGE_EXECUTE, STATUS_INVALID_PAGE_PROTECTION, ANY, 0,
       FREE_AT(0)}}},
    {"PAGE_GUARD with PAGE_NOACCESS: STATUS_INVALID_PAGE_PROTECTION",
     {{Alloc, 0, 0x1000, RC, NA | PAGE_GUARD, STATUS_INVALID_PAGE_PROTECTION, ANY, 0,
       FREE_AT(0)}}},
    {"PAGE_GUARD with PAGE_NOCACHE: STATUS_INVALID_PAGE_PROTECTION",
     {{Alloc, 0, 0x1000, RC, RW | PAGE_GUARD | PAGE_NOCACHE, STATUS_INVALID_PAGE_PROTECTION, ANY,
       0, FREE_AT(0)}}},
    {"PAGE_WRITECOPY for private memory: STATUS_INVALID_PAGE_PROTECTION",
     {{Alloc, 0, 0x1000, RC, PAGE_WRITECOPY, STATUS_INVALID_PAGE_PROTECTION, ANY, 0,
       FREE_AT(0)}}},
    {"a kernel address: STATUS_INVALID_PARAMETER_2",
     {{Alloc, KERNEL, 0x1000, RC, RW, STATUS_INVALID_PARAMETER_2, ANY, 0, FREE_AT(0)}}},
    /* ---- MEM_DECOMMIT, MEM_RELEASE ---- */
    {"MEM_RELEASE at the base with size 0 frees the whole reservation",
     {{Alloc, 0, 0x20000, RC, RW, STATUS_SUCCESS, 0, 0x20000, 0, MEM_COMMIT, RW, 0x20000, 0, RW},
      {Free, 0, 0, MEM_RELEASE, 0, STATUS_SUCCESS, 0, 0x20000, FREE_AT(0)}}},
    {"MEM_RELEASE inside the reservation: STATUS_FREE_VM_NOT_AT_BASE",
     {{Alloc, 0, 0x20000, RC, RW, STATUS_SUCCESS, 0, 0x20000, 0, MEM_COMMIT, RW, 0x20000, 0, RW},
      {Free, 0x1000, 0, MEM_RELEASE, 0, STATUS_FREE_VM_NOT_AT_BASE, ANY, 0, 0, MEM_COMMIT, RW,
       0x20000, 0, RW}}},
    {"MEM_RELEASE of a sub-range (non-zero size): STATUS_UNABLE_TO_FREE_VM",
     {{Alloc, 0, 0x20000, RC, RW, STATUS_SUCCESS, 0, 0x20000, 0, MEM_COMMIT, RW, 0x20000, 0, RW},
      {Free, 0, 0x1000, MEM_RELEASE, 0, STATUS_UNABLE_TO_FREE_VM, ANY, 0, 0, MEM_COMMIT, RW,
       0x20000, 0, RW}}},
    {"MEM_RELEASE with the reservation's exact size frees it",
     {{Alloc, 0, 0x20000, RES, RW, STATUS_SUCCESS, 0, 0x20000, 0, MEM_RESERVE, 0, 0x20000, 0, RW},
      {Free, 0, 0x20000, MEM_RELEASE, 0, STATUS_SUCCESS, 0, 0x20000, FREE_AT(0)}}},
    {"MEM_DECOMMIT of one page leaves it reserved between two committed regions",
     {{Alloc, 0, 0x3000, RC, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_COMMIT, RW, 0x3000, 0, RW},
      {Free, 0x1000, 0x1000, MEM_DECOMMIT, 0, STATUS_SUCCESS, 0x1000, 0x1000, 0x1000,
       MEM_RESERVE, 0, 0x1000, 0, RW},
      {Look, 0, 0, 0, 0, 0, ANY, 0, 0x2000, MEM_COMMIT, RW, 0x1000, 0, RW}}},
    {"MEM_DECOMMIT at the base with size 0 decommits the whole reservation",
     {{Alloc, 0, 0x3000, RC, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_COMMIT, RW, 0x3000, 0, RW},
      {Free, 0, 0, MEM_DECOMMIT, 0, STATUS_SUCCESS, 0, 0x3000, 0, MEM_RESERVE, 0, 0x3000, 0,
       RW}}},
    {"decommitting reserved pages is no error",
     {{Alloc, 0, 0x3000, RES, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_RESERVE, 0, 0x3000, 0, RW},
      {Free, 0, 0x1000, MEM_DECOMMIT, 0, STATUS_SUCCESS, 0, 0x1000, 0, MEM_RESERVE, 0, 0x3000, 0,
       RW}}},
    {"MEM_DECOMMIT | MEM_RELEASE: STATUS_INVALID_PARAMETER_4",
     {{Alloc, 0, 0x3000, RC, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_COMMIT, RW, 0x3000, 0, RW},
      {Free, 0, 0, MEM_DECOMMIT | MEM_RELEASE, 0, STATUS_INVALID_PARAMETER_4, ANY, 0, 0,
       MEM_COMMIT, RW, 0x3000, 0, RW}}},
    {"freeing free memory: STATUS_MEMORY_NOT_ALLOCATED",
     {{Free, 0, 0, MEM_RELEASE, 0, STATUS_MEMORY_NOT_ALLOCATED, ANY, 0, FREE_AT(0)}}},
    {"decommitting past the reservation's end: STATUS_UNABLE_TO_FREE_VM",
     {{Alloc, 0, 0x3000, RC, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_COMMIT, RW, 0x3000, 0, RW},
      {Free, 0x2000, 0x2000, MEM_DECOMMIT, 0, STATUS_UNABLE_TO_FREE_VM, ANY, 0, 0, MEM_COMMIT, RW,
       0x3000, 0, RW}}},
    {"freeing a kernel address: STATUS_INVALID_PARAMETER_2",
     {{Free, KERNEL, 0, MEM_RELEASE, 0, STATUS_INVALID_PARAMETER_2, ANY, 0, FREE_AT(0)}}},
    /* ---- protection ---- */
    {"protecting returns the old protection and splits the region",
     {{Alloc, 0, 0x3000, RC, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_COMMIT, RW, 0x3000, 0, RW},
      {Protect, 0x1000, 0x1000, 0, RO, STATUS_SUCCESS, 0x1000, 0x1000, 0x1000, MEM_COMMIT, RO,
       0x1000, 0, RW, RW}}},
    {"protecting reserved pages: STATUS_NOT_COMMITTED",
     {{Alloc, 0, 0x3000, RES, RW, STATUS_SUCCESS, 0, 0x3000, 0, MEM_RESERVE, 0, 0x3000, 0, RW},
      {Protect, 0, 0x1000, 0, RO, STATUS_NOT_COMMITTED, ANY, 0, 0, MEM_RESERVE, 0, 0x3000, 0,
       RW}}},
    {"protecting free memory: STATUS_CONFLICTING_ADDRESSES",
     {{Protect, 0, 0x1000, 0, RO, STATUS_CONFLICTING_ADDRESSES, ANY, 0, FREE_AT(0)}}},
    {"an invalid new protection: STATUS_INVALID_PAGE_PROTECTION",
     {{Alloc, 0, 0x1000, RC, RW, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, RW, 0x1000, 0, RW},
      {Protect, 0, 0x1000, 0, NA | PAGE_GUARD, STATUS_INVALID_PAGE_PROTECTION, ANY, 0, 0,
       MEM_COMMIT, RW, 0x1000, 0, RW}}},
    {"PAGE_NOCACHE is kept and reported",
     {{Alloc, 0, 0x1000, RC, RW | PAGE_NOCACHE, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT,
       RW | PAGE_NOCACHE, 0x1000, 0, RW | PAGE_NOCACHE},
      {Write, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RW | PAGE_NOCACHE, 0x1000, 0,
       RW | PAGE_NOCACHE}}},
    {"PAGE_EXECUTE_READWRITE pages are readable and writable",
     {{Alloc, 0, 0x1000, RC, PAGE_EXECUTE_READWRITE, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT,
       PAGE_EXECUTE_READWRITE, 0x1000, 0, PAGE_EXECUTE_READWRITE},
      {Write, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, PAGE_EXECUTE_READWRITE, 0x1000, 0,
       PAGE_EXECUTE_READWRITE}}},
    {"PAGE_EXECUTE_READ pages are readable, not writable",
     {{Alloc, 0, 0x1000, RC, PAGE_EXECUTE_READ, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT,
       PAGE_EXECUTE_READ, 0x1000, 0, PAGE_EXECUTE_READ},
      {Read, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, PAGE_EXECUTE_READ, 0x1000, 0,
       PAGE_EXECUTE_READ},
      {Write, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, 0, MEM_COMMIT, PAGE_EXECUTE_READ,
       0x1000, 0, PAGE_EXECUTE_READ}}},
    /* ---- touches ---- */
    {"touching reserved memory is an access violation",
     {{Alloc, 0, 0x1000, RES, RW, STATUS_SUCCESS, 0, 0x1000, 0, MEM_RESERVE, 0, 0x1000, 0, RW},
      {Read, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, 0, MEM_RESERVE, 0, 0x1000, 0, RW}}},
    {"touching free memory is an access violation",
     {{Write, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, FREE_AT(0)}}},
    {"writing a read-only page is an access violation; reading it is not",
     {{Alloc, 0, 0x1000, RC, RO, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, RO, 0x1000, 0, RO},
      {Read, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RO, 0x1000, 0, RO},
      {Write, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, 0, MEM_COMMIT, RO, 0x1000, 0, RO}}},
    {"a guard page raises STATUS_GUARD_PAGE_VIOLATION once, then is an ordinary page",
     {{Alloc, 0, 0x2000, RC, RW | PAGE_GUARD, STATUS_SUCCESS, 0, 0x2000, 0, MEM_COMMIT,
       RW | PAGE_GUARD, 0x2000, 0, RW | PAGE_GUARD},
      {Write, 0, 0, 0, 0, STATUS_GUARD_PAGE_VIOLATION, ANY, 0, 0, MEM_COMMIT, RW, 0x1000, 0,
       RW | PAGE_GUARD},
      {Write, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RW, 0x1000, 0, RW | PAGE_GUARD},
      {Look, 0, 0, 0, 0, 0, ANY, 0, 0x1000, MEM_COMMIT, RW | PAGE_GUARD, 0x1000, 0,
       RW | PAGE_GUARD}}},
    {"touching a PAGE_NOACCESS page is an access violation",
     {{Alloc, 0, 0x1000, RC, NA, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, NA, 0x1000, 0, NA},
      {Read, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, 0, MEM_COMMIT, NA, 0x1000, 0, NA}}},
    {"a written page protected PAGE_NOACCESS keeps its contents for later",
     {{Alloc, 0, 0x1000, RC, RW, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, RW, 0x1000, 0, RW},
      {Write, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RW, 0x1000, 0, RW},
      {Protect, 0, 0x1000, 0, NA, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, NA, 0x1000, 0, RW,
       RW},
      {Read, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, 0, MEM_COMMIT, NA, 0x1000, 0, RW},
      {Protect, 0, 0x1000, 0, RO, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, RO, 0x1000, 0, RW,
       NA},
      {Read, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RO, 0x1000, 0, RW}}},
    {"a decommitted page is an access violation again",
     {{Alloc, 0, 0x1000, RC, RW, STATUS_SUCCESS, 0, 0x1000, 0, MEM_COMMIT, RW, 0x1000, 0, RW},
      {Write, 0, 0, 0, 0, 0, ANY, 0, 0, MEM_COMMIT, RW, 0x1000, 0, RW},
      {Free, 0, 0x1000, MEM_DECOMMIT, 0, STATUS_SUCCESS, 0, 0x1000, 0, MEM_RESERVE, 0, 0x1000, 0,
       RW},
      {Read, 0, 0, 0, 0, STATUS_ACCESS_VIOLATION, ANY, 0, 0, MEM_RESERVE, 0, 0x1000, 0, RW}}},
    /* ---- MEM_RESET ---- */
    {"MEM_RESET of committed pages changes nothing visible",
     {{Alloc, 0, 0x2000, RC, RW, STATUS_SUCCESS, 0, 0x2000, 0, MEM_COMMIT, RW, 0x2000, 0, RW},
      {Alloc, 0, 0x2000, MEM_RESET, RW, STATUS_SUCCESS, 0, 0x2000, 0, MEM_COMMIT, RW, 0x2000, 0,
       RW}}},
    {"MEM_RESET of reserved pages: STATUS_CONFLICTING_ADDRESSES",
     {{Alloc, 0, 0x2000, RES, RW, STATUS_SUCCESS, 0, 0x2000, 0, MEM_RESERVE, 0, 0x2000, 0, RW},
      {Alloc, 0, 0x2000, MEM_RESET, RW, STATUS_CONFLICTING_ADDRESSES, ANY, 0, 0, MEM_RESERVE, 0,
       0x2000, 0, RW}}},
};

static PVOID KernelBlock;

static uint8_t *FindFreeBase(void)
{
    PVOID Base = NULL;
    SIZE_T Size = 0x400000;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                             PAGE_NOACCESS),
                     STATUS_SUCCESS);
    Size = 0;
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Size, MEM_RELEASE),
                     STATUS_SUCCESS);
    return (uint8_t *)Base + 0x100000; /* free on both sides */
}

static PVOID Address(uint8_t *B, LONG_PTR At)
{
    return At == NOBASE ? NULL : At == KERNEL ? KernelBlock : B + At;
}

static volatile uint8_t Sink;

static NTSTATUS RunStep(uint8_t *B, const STEP *Step, PVOID *OutBase, SIZE_T *OutSize,
                        ULONG *Old)
{
    *OutBase = Address(B, Step->At);
    *OutSize = Step->Size;
    *Old = 0;
    NTSTATUS Status = STATUS_SUCCESS;
    volatile uint8_t *volatile Byte = (volatile uint8_t *)Address(B, Step->At);
    switch (Step->Op) {
    case Alloc:
        return ZwAllocateVirtualMemory(NtCurrentProcess(), OutBase, 0, OutSize, Step->Type,
                                       Step->Prot);
    case Free:
        return ZwFreeVirtualMemory(NtCurrentProcess(), OutBase, OutSize, Step->Type);
    case Protect:
        return ZwProtectVirtualMemory(NtCurrentProcess(), OutBase, OutSize, Step->Prot, Old);
    case Read:
        SIM_TRY_STATUS(&Status, Sink = *Byte);
        return Status;
    case Write:
        SIM_TRY_STATUS(&Status, *Byte = 0x5A);
        return Status;
    case Look:
        return STATUS_SUCCESS;
    }
    return STATUS_UNSUCCESSFUL;
}

SIM_TEST(each_scenario_gives_the_documented_status_and_memory_basic_information)
{
    int Wrong = 0;
    for (size_t s = 0; s < sizeof(Scenarios) / sizeof(Scenarios[0]); s++) {
        SimReset();
        KernelBlock = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tsTU');
        uint8_t *B = FindFreeBase();
        const SCENARIO *Sc = &Scenarios[s];
        for (int i = 0; i < 6 && Sc->Steps[i].Op != 0; i++) {
            const STEP *Step = &Sc->Steps[i];
            PVOID OutBase;
            SIZE_T OutSize;
            ULONG Old;
            NTSTATUS Status = RunStep(B, Step, &OutBase, &OutSize, &Old);
            MEMORY_BASIC_INFORMATION Info;
            SIZE_T Length = 0;
            NTSTATUS QStatus = ZwQueryVirtualMemory(NtCurrentProcess(), B + Step->QAt,
                                                    MemoryBasicInformation, &Info, sizeof(Info),
                                                    &Length);
            char Report[1024];
            bool Ok = Status == Step->Want && QStatus == STATUS_SUCCESS &&
                      Length == sizeof(Info) &&
                      Info.BaseAddress == (PVOID)(B + Step->QAt) && Info.State == Step->State &&
                      Info.Protect == Step->QProt &&
                      (Step->QSize == 0 || Info.RegionSize == Step->QSize) &&
                      Info.AllocationBase == (Step->QAllocBase == NOBASE ? NULL : B + Step->QAllocBase) &&
                      Info.AllocationProtect == Step->QAllocProt &&
                      Info.Type == (Step->State == MEM_FREE ? 0u : (ULONG)MEM_PRIVATE);
            if (Status == STATUS_SUCCESS && Step->OutAt != ANY && Step->Op <= Protect) {
                Ok = Ok && OutBase == (PVOID)(B + Step->OutAt);
            }
            if (Status == STATUS_SUCCESS && Step->OutSize != 0) {
                Ok = Ok && OutSize == Step->OutSize;
            }
            if (Step->Op == Protect && Step->OldProt != 0 && Status == STATUS_SUCCESS) {
                Ok = Ok && Old == Step->OldProt;
            }
            if (!SimCheckInvariants(Report, sizeof(Report))) {
                print_error("invariants: %s", Report);
                Ok = false;
            }
            if (!Ok) {
                print_error("FAILED: %s, step %d: status 0x%08X (want 0x%08X), out %p+0x%llx, "
                            "MBI base +0x%tx alloc %p prot 0x%x size 0x%llx state 0x%x protect "
                            "0x%x type 0x%x\n",
                            Sc->Rule, i + 1, (unsigned)Status, (unsigned)Step->Want, OutBase,
                            (unsigned long long)OutSize, (uint8_t *)Info.BaseAddress - B,
                            Info.AllocationBase, (unsigned)Info.AllocationProtect,
                            (unsigned long long)Info.RegionSize,
                            (unsigned)Info.State, (unsigned)Info.Protect, (unsigned)Info.Type);
                Wrong++;
                break;
            }
        }
        ExFreePoolWithTag(KernelBlock, 'tsTU');
    }
    SimReset();
    assert_int_equal(Wrong, 0);
}

SIM_TEST(query_rules)
{
    MEMORY_BASIC_INFORMATION Info;
    uint8_t *B = FindFreeBase();
    /* Another class, a short buffer, a kernel address, a bad handle. */
    assert_int_equal(ZwQueryVirtualMemory(NtCurrentProcess(), B, (MEMORY_INFORMATION_CLASS)2,
                                          &Info, sizeof(Info), NULL),
                     STATUS_INVALID_INFO_CLASS);
    assert_int_equal(ZwQueryVirtualMemory(NtCurrentProcess(), B, MemoryBasicInformation, &Info,
                                          sizeof(Info) - 1, NULL),
                     STATUS_INFO_LENGTH_MISMATCH);
    PVOID Pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tsTU');
    assert_int_equal(ZwQueryVirtualMemory(NtCurrentProcess(), Pool, MemoryBasicInformation, &Info,
                                          sizeof(Info), NULL),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(ZwQueryVirtualMemory(NtCurrentProcess(), (PVOID)MmUserProbeAddress,
                                          MemoryBasicInformation, &Info, sizeof(Info), NULL),
                     STATUS_INVALID_PARAMETER);
    ExFreePoolWithTag(Pool, 'tsTU');
    assert_int_equal(ZwQueryVirtualMemory((HANDLE)(LONG_PTR)0x1234, B, MemoryBasicInformation,
                                          &Info, sizeof(Info), NULL),
                     STATUS_INVALID_HANDLE);
    /* The user range's bounds: below the probe address, which is one above the highest. */
    assert_true((ULONG_PTR)MmHighestUserAddress + 1 == MmUserProbeAddress);
    assert_true((ULONG_PTR)B < MmUserProbeAddress);
}

SIM_TEST(top_down_takes_the_highest_64k_aligned_gap)
{
    PVOID Low = NULL, High = NULL;
    SIZE_T Size = 0x3000;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Low, 0, &Size, MEM_RESERVE,
                                             PAGE_READWRITE),
                     STATUS_SUCCESS);
    Size = 0x3000;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &High, 0, &Size,
                                             MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE),
                     STATUS_SUCCESS);
    assert_true((ULONG_PTR)High > (ULONG_PTR)Low);
    assert_int_equal((ULONG_PTR)High % 0x10000, 0);
    /* Nothing fits above it below the highest user address. */
    assert_true((ULONG_PTR)High + 0x10000 + 0x3000 > (ULONG_PTR)MmHighestUserAddress);
    /* Bottom-up: the first 64 KiB slot. */
    assert_int_equal((ULONG_PTR)Low % 0x10000, 0);
    SIZE_T None = 0;
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &Low, &None, MEM_RELEASE),
                     STATUS_SUCCESS);
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &High, &None, MEM_RELEASE),
                     STATUS_SUCCESS);
}

SIM_TEST(zero_bits_bound_the_address_or_refuse)
{
    PVOID Base = NULL;
    SIZE_T Size = 0x1000;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 22, &Size, MEM_RESERVE,
                                             PAGE_READWRITE),
                     STATUS_INVALID_PARAMETER_3);
    /* ZeroBits 21: below 0x7FFFFFFFFFFF >> 21; where the host could not put
     * the user range that low, there is no such address (STATUS_NO_MEMORY). */
    Base = NULL;
    NTSTATUS Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 21, &Size, MEM_RESERVE,
                                              PAGE_READWRITE);
    if (Status == STATUS_SUCCESS) {
        assert_true((ULONG_PTR)Base + Size - 1 <= (ULONG_PTR)0x7FFFFFFFFFFFull >> 21);
        SIZE_T None = 0;
        assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &None, MEM_RELEASE),
                         STATUS_SUCCESS);
    } else {
        assert_int_equal(Status, STATUS_NO_MEMORY);
        assert_true((ULONG_PTR)MmHighestUserAddress > (ULONG_PTR)0x7FFFFFFFFFFFull >> 21);
    }
}

int main(void)
{
    return SimRunTests("userva_zw", NULL, NULL);
}
