/*
 * test_host_win32.c - the Windows host layer (sim/host/win32.c) on its own,
 * below the simulator: the fault trampoline, stacks, clocks, and - where the
 * host has placeholders (Windows 10 1803+) - mapping, aliasing, partial
 * unmapping and the mapping walk.
 *
 * Built only for Windows. It runs wherever a Windows loader is at hand: CI
 * runs it under Wine, whose VirtualAlloc2 rejects placeholders, so there the
 * mapping cases are reported as skipped and only the trap and the rest run.
 * Plain C with its own tiny checker (it needs host.h, an internal header).
 */
#include <windows.h>

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../sim/host/host.h"

static int Passed, Failed, Skipped;

#define CHECK(Condition)                                                                     \
    do {                                                                                     \
        if (!(Condition)) {                                                                  \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #Condition);   \
            return false;                                                                    \
        }                                                                                    \
    } while (0)

static bool SkipReason; /* set by a test that could not run here */

static void Run(const char *Name, bool (*Test)(void))
{
    SkipReason = false;
    bool Ok = Test();
    if (SkipReason) {
        Skipped++;
        return;
    }
    printf("[%s] %s\n", Ok ? "  OK  " : " FAIL ", Name);
    fflush(stdout);
    if (Ok) {
        Passed++;
    } else {
        Failed++;
    }
}

/* ---------------------------------------------------------------------- */
/* A trap over a plain PAGE_NOACCESS region (no placeholders needed).      */
/* ---------------------------------------------------------------------- */
#define REGION_BYTES (64 * 1024)
static uint8_t *Region;

typedef enum { ModeRetry, ModeJump, ModeStack } TRAP_MODE;
static TRAP_MODE Mode;
static int Calls;
static void *LastAddress;
static bool LastWrite;
static void *LastCode;
static jmp_buf Landing;
static void *Stack[62];
static int StackCount;

static bool Handler(void *Address, bool Write, void *CodeAddress)
{
    Calls++;
    LastAddress = Address;
    LastWrite = Write;
    LastCode = CodeAddress;
    if (Mode == ModeStack) {
        StackCount = HostCaptureStack(Stack, 62);
    }
    if (Mode == ModeRetry) {
        DWORD Old;
        VirtualProtect((void *)((uintptr_t)Address & ~(uintptr_t)4095), 4096, PAGE_READWRITE, &Old);
        return true;
    }
    longjmp(Landing, 1); /* as a bug check leaves the handler */
}

static void Protect(DWORD Protection)
{
    DWORD Old;
    VirtualProtect(Region, REGION_BYTES, Protection, &Old);
}

/* Kept out of line so the fault has a known enclosing function. */
__attribute__((noinline)) static int TouchWrite(volatile int *Pointer, int Value)
{
    *Pointer = Value;
    return Value + 1;
}

__attribute__((noinline)) static int TouchRead(volatile int *Pointer)
{
    return *Pointer;
}

/* Many live values across the fault: the resumed context must be exact. */
__attribute__((noinline)) static uint64_t Mix(volatile uint64_t *Pointer, uint64_t Seed)
{
    uint64_t A = Seed * 3, B = Seed ^ 0x5555, C = Seed + 7, D = Seed << 5, E = Seed * Seed;
    double F = (double)Seed * 0.5;
    *Pointer = A + B; /* faults */
    return A ^ B ^ C ^ D ^ E ^ (uint64_t)(F * 4.0) ^ *Pointer;
}

static bool RetryWrite(void)
{
    Mode = ModeRetry;
    Calls = 0;
    Protect(PAGE_NOACCESS);
    volatile int *Pointer = (volatile int *)(Region + 0x1008);
    CHECK(TouchWrite(Pointer, 41) == 42);
    CHECK(Calls == 1);
    CHECK(LastAddress == (void *)Pointer);
    CHECK(LastWrite);
    CHECK((uintptr_t)LastCode >= (uintptr_t)TouchWrite &&
          (uintptr_t)LastCode < (uintptr_t)TouchWrite + 256);
    CHECK(*Pointer == 41);
    return true;
}

static bool RetryRead(void)
{
    Mode = ModeRetry;
    Calls = 0;
    Protect(PAGE_READWRITE);
    *(volatile int *)(Region + 0x2010) = 7;
    Protect(PAGE_NOACCESS);
    CHECK(TouchRead((volatile int *)(Region + 0x2010)) == 7);
    CHECK(Calls == 1 && !LastWrite && LastAddress == Region + 0x2010);
    return true;
}

static bool RegistersSurvive(void)
{
    Mode = ModeRetry;
    for (uint64_t Seed = 1; Seed < 200; Seed++) {
        Protect(PAGE_NOACCESS);
        volatile uint64_t *Pointer = (volatile uint64_t *)(Region + (Seed % 16) * 4096);
        uint64_t Got = Mix(Pointer, Seed);
        uint64_t A = Seed * 3, B = Seed ^ 0x5555, C = Seed + 7, D = Seed << 5, E = Seed * Seed;
        double F = (double)Seed * 0.5;
        CHECK(Got == (A ^ B ^ C ^ D ^ E ^ (uint64_t)(F * 4.0) ^ (A + B)));
    }
    return true;
}

static bool JumpOut(void)
{
    /* A thousand faults left by longjmp: nothing may pile up. */
    Mode = ModeJump;
    Protect(PAGE_NOACCESS);
    for (int i = 0; i < 1000; i++) {
        Calls = 0;
        volatile int Reached = 0;
        if (setjmp(Landing) == 0) {
            TouchWrite((volatile int *)(Region + 0x3000 + (i % 64) * 4), i);
            Reached = 1;
        }
        CHECK(!Reached && Calls == 1 && LastWrite);
    }
    return true;
}

static bool NullGuard(void)
{
    Mode = ModeJump;
    Calls = 0;
    volatile int Reached = 0;
    if (setjmp(Landing) == 0) {
        TouchRead((volatile int *)(uintptr_t)0x18);
        Reached = 1;
    }
    CHECK(!Reached && Calls == 1 && LastAddress == (void *)(uintptr_t)0x18 && !LastWrite);
    return true;
}

static bool StackThroughTrampoline(void)
{
    /* The handler's stack walk must pass the trampoline and reach the
     * faulting function and this one. */
    Mode = ModeStack;
    Protect(PAGE_NOACCESS);
    StackCount = 0;
    if (setjmp(Landing) == 0) {
        TouchWrite((volatile int *)(Region + 0x4000), 1);
    }
    bool SawFaulting = false, SawCaller = false;
    for (int i = 0; i < StackCount; i++) {
        uintptr_t Frame = (uintptr_t)Stack[i];
        SawFaulting |= Frame >= (uintptr_t)TouchWrite && Frame < (uintptr_t)TouchWrite + 256;
        SawCaller |= Frame >= (uintptr_t)StackThroughTrampoline &&
                     Frame < (uintptr_t)StackThroughTrampoline + 1024;
    }
    CHECK(StackCount > 2 && SawFaulting && SawCaller);
    const char *Module = NULL;
    uint64_t Offset = 0;
    CHECK(HostFrameModuleOffset((void *)TouchWrite, &Module, &Offset));
    CHECK(strstr(Module, ".exe") != NULL && Offset > 0);
    char Text[256];
    HostDescribeFrame((void *)TouchWrite, Text, sizeof(Text));
    CHECK(strstr(Text, ".exe+0x") != NULL);
    return true;
}

static bool Clocks(void)
{
    uint64_t T0 = HostNowNs();
    Sleep(20);
    uint64_t T1 = HostNowNs();
    CHECK(T1 - T0 >= 10000000ull && T1 - T0 < 5000000000ull);
    CHECK(HostWallClockNs() > 1600000000ull * 1000000000ull); /* after 2020 */
    uint64_t S0 = HostRandomSeed(), S1 = HostRandomSeed();
    CHECK(S0 != 0 && S1 != 0 && S0 != S1);
    CHECK(HostProcessorCount() >= 1 && HostCurrentProcessor() < HostProcessorCount());
    CHECK(HostMappingCount() > 0);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Placeholders: physical memory, views, aliases, partial unmaps.          */
/* ---------------------------------------------------------------------- */
typedef struct {
    int Count;
    uintptr_t Start[64], End[64];
    bool Readable[64], Writable[64], Physical[64];
    uint64_t Offset[64];
} WALK;

static void Visit(void *Context, uintptr_t Start, uintptr_t End, bool Readable, bool Writable,
                  bool Physical, uint64_t Offset)
{
    WALK *Walk = (WALK *)Context;
    if (Walk->Count < 64) {
        int i = Walk->Count++;
        Walk->Start[i] = Start;
        Walk->End[i] = End;
        Walk->Readable[i] = Readable;
        Walk->Writable[i] = Writable;
        Walk->Physical[i] = Physical;
        Walk->Offset[i] = Offset;
    }
}

/* The physical offset the host shows at Va, or -1 if none. */
static int64_t ShownOffset(uint8_t *Base, uint64_t Bytes, uint8_t *Va, bool *Writable)
{
    WALK Walk = {0};
    if (!HostForEachMapping(Base, Bytes, Visit, &Walk)) {
        return -2;
    }
    for (int i = 0; i < Walk.Count; i++) {
        if ((uintptr_t)Va >= Walk.Start[i] && (uintptr_t)Va < Walk.End[i]) {
            *Writable = Walk.Writable[i];
            return Walk.Physical[i] && Walk.Readable[i]
                       ? (int64_t)(Walk.Offset[i] + ((uintptr_t)Va - Walk.Start[i]))
                       : -1;
        }
    }
    return -1;
}

static bool Placeholders(void)
{
    char Why[512];
    if (!HostPhysCreate(4u << 20, 0, Why, sizeof(Why))) {
        printf("[ SKIP ] placeholders: %s\n", Why);
        SkipReason = true;
        return true;
    }
    const uint64_t Bytes = 4u << 20, Page = 4096;
    uint8_t *Base = (uint8_t *)HostReserve(Bytes, 12345);
    CHECK(Base != NULL);
    uint8_t *Phys = HostPhysView();
    bool Writable = false;

    /* Run A: VA pages 1..8 show physical pages 0..7, read-write. */
    uint8_t *A = Base + Page;
    CHECK(HostMapRun(A, 0, 8 * Page, true));
    /* Run B: VA page 20 aliases physical page 2, read-only. */
    uint8_t *B = Base + 20 * Page;
    CHECK(HostMapRun(B, 2 * Page, Page, false));
    A[2 * Page + 5] = 'x';
    CHECK(B[5] == 'x' && Phys[2 * Page + 5] == 'x');
    CHECK(ShownOffset(Base, Bytes, A + 3 * Page, &Writable) == (int64_t)(3 * Page) && Writable);
    CHECK(ShownOffset(Base, Bytes, B, &Writable) == (int64_t)(2 * Page) && !Writable);
    CHECK(ShownOffset(Base, Bytes, Base, &Writable) == -1);

    /* Trim one page out of the middle of A: its neighbours stay mapped. */
    HostUnmapRun(A + 4 * Page, Page);
    CHECK(ShownOffset(Base, Bytes, A + 4 * Page, &Writable) == -1);
    CHECK(ShownOffset(Base, Bytes, A + 3 * Page, &Writable) == (int64_t)(3 * Page) && Writable);
    CHECK(ShownOffset(Base, Bytes, A + 5 * Page, &Writable) == (int64_t)(5 * Page) && Writable);
    CHECK(A[2 * Page + 5] == 'x');
    /* Map it back from another physical page. */
    CHECK(HostMapRun(A + 4 * Page, 9 * Page, Page, true));
    CHECK(ShownOffset(Base, Bytes, A + 4 * Page, &Writable) == (int64_t)(9 * Page));
    A[4 * Page] = 'y';
    CHECK(Phys[9 * Page] == 'y');

    /* Protection per page, kept when the view is cut and mapped again. */
    CHECK(HostProtectRun(A + 6 * Page, Page, false));
    HostUnmapRun(A + 7 * Page, Page);
    CHECK(ShownOffset(Base, Bytes, A + 6 * Page, &Writable) == (int64_t)(6 * Page) && !Writable);
    CHECK(ShownOffset(Base, Bytes, A + 5 * Page, &Writable) == (int64_t)(5 * Page) && Writable);
    CHECK(ShownOffset(Base, Bytes, A + 7 * Page, &Writable) == -1);
    CHECK(A[5 * Page] == 0 && A[6 * Page] == 0);

    /* A run larger than one host view (512 pages). */
    CHECK(HostMapRun(Base + 100 * Page, 0, 600 * Page, true));
    CHECK(ShownOffset(Base, Bytes, Base + 650 * Page, &Writable) == (int64_t)(550 * Page));

    /* Everything off: nothing readable is left, and the reservation is one
     * placeholder again (a whole-range map succeeds). */
    HostUnmapRun(Base, Bytes);
    WALK Walk = {0};
    CHECK(HostForEachMapping(Base, Bytes, Visit, &Walk));
    for (int i = 0; i < Walk.Count; i++) {
        CHECK(!Walk.Readable[i]);
    }
    CHECK(HostMapRun(Base, 0, 256 * Page, true));
    HostRelease(Base, Bytes);
    HostPhysDestroy();
    return true;
}

int main(void)
{
    Region = (uint8_t *)VirtualAlloc(NULL, REGION_BYTES, MEM_RESERVE | MEM_COMMIT, PAGE_NOACCESS);
    if (Region == NULL) {
        fprintf(stderr, "VirtualAlloc failed\n");
        return 1;
    }
    HostInstallFaultTrap(Region, REGION_BYTES, Handler);
    Run("retry after a write fault", RetryWrite);
    Run("retry after a read fault", RetryRead);
    Run("registers survive the trampoline", RegistersSurvive);
    Run("longjmp out of the handler, 1000 times", JumpOut);
    Run("NULL guard", NullGuard);
    Run("stack walk through the trampoline", StackThroughTrampoline);
    Run("clocks, seeds, processors", Clocks);
    HostRemoveFaultTrap();
    Run("placeholders: map, alias, trim, protect, walk", Placeholders);
    printf("%d passed, %d failed, %d skipped\n", Passed, Failed, Skipped);
    return Failed == 0 ? 0 : 1;
}
