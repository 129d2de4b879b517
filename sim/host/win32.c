/*
 * win32.c - host layer for Windows x64 (Windows 10 version 1803 or later),
 * built with mingw-w64 (gcc or clang).
 *
 * The same model as posix.c, with Windows' own primitives:
 *
 * - Physical memory is one pagefile-backed section: CreateFileMappingW with
 *   INVALID_HANDLE_VALUE and SEC_COMMIT ("backed by the system paging file";
 *   learn.microsoft.com, CreateFileMappingW). The simulator's own view of it
 *   is an ordinary MapViewOfFile view.
 *
 * - System space is one placeholder: VirtualAlloc2 with
 *   MEM_RESERVE | MEM_RESERVE_PLACEHOLDER and PAGE_NOACCESS, which is how the
 *   VirtualAlloc2 page says a placeholder is created. A placeholder is a kind
 *   of reservation that can be split and replaced by a view at page
 *   granularity, so runs land at 4 KiB boundaries, as PTEs map them.
 *
 * - A run is mapped by splitting the placeholder around it and replacing the
 *   piece with a view: VirtualFree(base, size, MEM_RELEASE |
 *   MEM_PRESERVE_PLACEHOLDER) "splits a placeholder into two placeholders"
 *   (VirtualFree page), and MapViewOfFile3(..., MEM_REPLACE_PLACEHOLDER, ...)
 *   replaces one whose BaseAddress and ViewSize match it exactly
 *   (MapViewOfFile3 page; the 64 KiB alignment rules do not apply with that
 *   flag, the offset only has to be page aligned). Two views of one section
 *   offset really alias, as two PTEs naming one PFN must.
 *
 * - A run is unmapped with UnmapViewOfFile2(process, base,
 *   MEM_PRESERVE_PLACEHOLDER), which "unmaps a mapped view back to a
 *   placeholder" (UnmapViewOfFile2 page), and the free pieces are coalesced
 *   back with VirtualFree(MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS), whose
 *   address and size must match the placeholders' overall range (VirtualFree
 *   page). Invariant: every maximal stretch of the reservation that shows no
 *   view is exactly one placeholder, so the next map needs at most two splits.
 *   A view cannot be unmapped in part, so unmapping part of one unmaps it
 *   whole and maps the remaining pieces again (same section offsets, same
 *   protection). The simulator holds its Mm lock around every map and unmap
 *   and a touch of a page whose PTE is valid is retried by its fault handler,
 *   so that brief window is invisible to driver code.
 *
 * - Faults: a vectored exception handler (AddVectoredExceptionHandler, first
 *   in the list) sees every EXCEPTION_ACCESS_VIOLATION; ExceptionInformation[0]
 *   is 0 read, 1 write, 8 execute (DEP) and [1] the address (EXCEPTION_RECORD
 *   page). Access violations outside system space and the NULL guard keep
 *   their host meaning (EXCEPTION_CONTINUE_SEARCH).
 *
 *   The simulator's fault handler either returns (retry) or does not return:
 *   a bug check longjmps to a catch frame or ends the process. Leaving a
 *   vectored handler by longjmp would abandon the exception dispatcher's
 *   frames and its internal state, which no documentation allows. So the
 *   handler itself only records the fault (a copy of the CONTEXT, the address,
 *   read/write) in thread-local storage, points the thread's RIP at a small
 *   trampoline and returns EXCEPTION_CONTINUE_EXECUTION: the dispatch ends the
 *   documented way and the thread continues, outside any exception, in the
 *   trampoline on its own stack. The trampoline pushes the faulting RIP as a
 *   return address (so stack walks and SEH unwinding see the faulting function
 *   as its caller, with its exact RSP; the frame has real unwind data, see
 *   the assembly below) and calls the simulator's handler as ordinary
 *   code. If that returns, RtlRestoreContext resumes the faulting instruction
 *   with every register as it was; if it bug checks, its longjmp leaves
 *   ordinary frames, whether the jmp_buf asks msvcrt for an SEH unwind (the
 *   default on x64) or not. Extended (AVX) register state is not saved:
 *   CONTEXT_XSTATE is cleared from the copy, and the simulator's handler,
 *   compiled without AVX, does not touch the upper halves of YMM registers.
 *   (mingw-w64 does not mark binaries CET-compatible, so no shadow stack
 *   checks the trampoline's synthetic return address.)
 *
 * - Discard = zero: DiscardVirtualMemory and OfferVirtualMemory leave the
 *   contents "undefined" (DiscardVirtualMemory page), and a pagefile-backed
 *   section has no hole punching, so HostPhysDiscard zeroes through the
 *   simulator's view with memset. The pages stay charged to the commit limit
 *   (SEC_COMMIT charged the whole section at creation).
 *
 * - VirtualAlloc2, MapViewOfFile3 and UnmapViewOfFile2 are looked up at run
 *   time (kernelbase.dll, then kernel32.dll), so the binaries load on any
 *   Windows and older headers need not declare them; without them
 *   (before Windows 10 1803), or if a probe placeholder cannot be made
 *   (Wine 8.0 rejects MEM_RESERVE_PLACEHOLDER with ERROR_INVALID_PARAMETER),
 *   HostPhysCreate fails with a message saying so.
 *
 * Stack capture is RtlCaptureStackBackTrace (CaptureStackBackTrace); a frame's
 * module is GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) +
 * GetModuleFileNameA, and its function the nearest preceding entry of the
 * module's export table (PE format: IMAGE_EXPORT_DIRECTORY), as dladdr gives
 * the nearest dynamic symbol on POSIX. Seeds come from BCryptGenRandom,
 * time from QueryPerformanceCounter (monotonic) and
 * GetSystemTimePreciseAsFileTime (wall clock), processors from
 * GetActiveProcessorCount / GetCurrentProcessorNumberEx, yields are
 * SwitchToThread.
 */
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <bcrypt.h>
#include <io.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

/* tests/win32/test_host_win32_model builds this file against a model of the
 * placeholder API (tests/win32/placeholder_model.h); nothing else does. */
#ifdef MMSIM_HOST_WIN32_MODEL
#include "placeholder_model.h"
#endif

/* ---------------------------------------------------------------------- */
/* The fault trampoline.                                                  */
/* ---------------------------------------------------------------------- */
/*
 * The vectored handler resumes the faulting thread here with RSP unchanged
 * and the faulting RIP in RAX. MmsimHostFaultEntry pushes it, which makes the
 * stack look exactly as if the faulting instruction had called
 * MmsimHostFaultFrame. That frame has x64 unwind data (.seh_* directives: RBP
 * saved and used as the frame pointer), so RtlVirtualUnwind - used by
 * CaptureStackBackTrace and by an unwinding longjmp - goes from it to the
 * faulting function at its faulting RIP and RSP, whatever RSP's alignment was
 * (a leaf function may fault with RSP 8 mod 16; the stack is realigned after
 * the frame pointer is set). The dispatcher never returns.
 *
 * It comes before every function and object of this file: GCC and Clang emit
 * it at the start of .text (GCC at -O0 keeps source order), so the compiler's
 * idea of the current section stays right.
 */
__asm__("    .text\n"
        "    .p2align 4\n"
        "    .globl MmsimHostFaultEntry\n"
        "    .def MmsimHostFaultEntry; .scl 2; .type 32; .endef\n"
        "MmsimHostFaultEntry:\n"
        "    pushq %rax\n"
        "    jmp MmsimHostFaultFrame\n"
        "    .p2align 4\n"
        "    .def MmsimHostFaultFrame; .scl 3; .type 32; .endef\n"
        "    .seh_proc MmsimHostFaultFrame\n"
        "MmsimHostFaultFrame:\n"
        "    pushq %rbp\n"
        "    .seh_pushreg %rbp\n"
        "    movq %rsp, %rbp\n"
        "    .seh_setframe %rbp, 0\n"
        "    .seh_endprologue\n"
        "    andq $-16, %rsp\n"
        "    subq $32, %rsp\n"
        "    call MmsimHostFaultDispatch\n"
        "    ud2\n"
        "    .seh_endproc\n"
        "    .text\n");

#include "win32_placeholders.h"
/* CONTEXT_XSTATE is CONTEXT_AMD64 | 0x40 (winnt.h of the Windows SDK). */
#define HOST_CONTEXT_XSTATE_BIT 0x00000040

#define HOST_PAGE_SHIFT 12
/* A run is mapped as views of at most this many pages (2 MiB). Unmapping
 * part of a view costs the whole view (see above), so this bounds the cost of
 * trimming a large run page by page; views are not a scarce resource on
 * Windows as VMAs are on Linux (vm.max_map_count). */
#define HOST_MAX_VIEW_PAGES 512
#define HOST_PAGE_SIZE ((uint64_t)1 << HOST_PAGE_SHIFT)

/* Declared here rather than taken from memoryapi.h, which declares them only
 * for NTDDI_VERSION >= NTDDI_WIN10_RS4 (and older headers not at all). The
 * extended-parameter arrays are always NULL here. */
typedef PVOID(WINAPI *HOST_VIRTUAL_ALLOC2)(HANDLE Process, PVOID BaseAddress, SIZE_T Size,
                                           ULONG AllocationType, ULONG PageProtection,
                                           void *ExtendedParameters, ULONG ParameterCount);
typedef PVOID(WINAPI *HOST_MAP_VIEW_OF_FILE3)(HANDLE FileMapping, HANDLE Process,
                                              PVOID BaseAddress, ULONG64 Offset, SIZE_T ViewSize,
                                              ULONG AllocationType, ULONG PageProtection,
                                              void *ExtendedParameters, ULONG ParameterCount);
typedef BOOL(WINAPI *HOST_UNMAP_VIEW_OF_FILE2)(HANDLE Process, PVOID BaseAddress,
                                               ULONG UnmapFlags);

static HOST_VIRTUAL_ALLOC2 HostVirtualAlloc2;
static HOST_MAP_VIEW_OF_FILE3 HostMapViewOfFile3;
static HOST_UNMAP_VIEW_OF_FILE2 HostUnmapViewOfFile2;
static INIT_ONCE HostApiOnce = INIT_ONCE_STATIC_INIT;
/* Why placeholders are unusable (0: they work): a function missing, or the
 * probe's error code. */
static DWORD HostPlaceholderError;
#define HOST_ERROR_NO_FUNCTIONS 0xFFFFFFFFu

static BOOL CALLBACK HostResolveApis(PINIT_ONCE Once, PVOID Parameter, PVOID *Context)
{
    (void)Once;
    (void)Parameter;
    (void)Context;
    static const wchar_t *const Modules[] = {L"kernelbase.dll", L"kernel32.dll"};
    for (size_t i = 0; i < sizeof(Modules) / sizeof(Modules[0]); i++) {
        HMODULE Module = GetModuleHandleW(Modules[i]);
        if (Module == NULL) {
            continue;
        }
        /* Through void (*)(void), the one function pointer type GCC lets any
         * other be converted to without -Wcast-function-type. */
        if (HostVirtualAlloc2 == NULL) {
            HostVirtualAlloc2 =
                (HOST_VIRTUAL_ALLOC2)(void (*)(void))GetProcAddress(Module, "VirtualAlloc2");
        }
        if (HostMapViewOfFile3 == NULL) {
            HostMapViewOfFile3 =
                (HOST_MAP_VIEW_OF_FILE3)(void (*)(void))GetProcAddress(Module, "MapViewOfFile3");
        }
        if (HostUnmapViewOfFile2 == NULL) {
            HostUnmapViewOfFile2 = (HOST_UNMAP_VIEW_OF_FILE2)(void (*)(void))GetProcAddress(
                Module, "UnmapViewOfFile2");
        }
    }
    if (HostVirtualAlloc2 == NULL || HostMapViewOfFile3 == NULL || HostUnmapViewOfFile2 == NULL) {
        HostPlaceholderError = HOST_ERROR_NO_FUNCTIONS;
        return TRUE;
    }
    /* Probe: a placeholder, split at a page boundary, released. (Wine 8.0
     * exports VirtualAlloc2 but rejects MEM_RESERVE_PLACEHOLDER.) */
    const SIZE_T Size = 128 * 1024, Piece = 4096;
    uint8_t *Probe = (uint8_t *)HostVirtualAlloc2(NULL, NULL, Size,
                                                  MEM_RESERVE | MEM_RESERVE_PLACEHOLDER,
                                                  PAGE_NOACCESS, NULL, 0);
    if (Probe == NULL) {
        HostPlaceholderError = GetLastError();
        return TRUE;
    }
    if (!VirtualFree(Probe, Piece, MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER)) {
        HostPlaceholderError = GetLastError();
    } else {
        VirtualFree(Probe + Piece, 0, MEM_RELEASE);
    }
    VirtualFree(Probe, 0, MEM_RELEASE);
    return TRUE;
}

static bool HostHavePlaceholders(void)
{
    InitOnceExecuteOnce(&HostApiOnce, HostResolveApis, NULL, NULL);
    return HostPlaceholderError == 0;
}

static void HostErrorText(DWORD Error, char *Text, size_t Size)
{
    char Message[256];
    DWORD Length = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                                  Error, 0, Message, sizeof(Message), NULL);
    while (Length > 0 && (Message[Length - 1] == '\n' || Message[Length - 1] == '\r' ||
                          Message[Length - 1] == ' ' || Message[Length - 1] == '.')) {
        Length--;
    }
    Message[Length] = '\0';
    snprintf(Text, Size, "Windows error %lu%s%s", (unsigned long)Error, Length > 0 ? ": " : "",
             Message);
}

static void HostWriteFd(int Fd, const char *Text)
{
    size_t Length = strlen(Text);
    while (Length > 0) {
        int Written = _write(Fd, Text, (unsigned)Length);
        if (Written <= 0) {
            return;
        }
        Text += Written;
        Length -= (size_t)Written;
    }
}

/* A host call the simulator cannot do without failed: nothing sensible is
 * left to do (the simulated machine's PTEs and the host would disagree). */
_Noreturn static void HostFatal(const char *What)
{
    char Text[512];
    char Error[300];
    HostErrorText(GetLastError(), Error, sizeof(Error));
    snprintf(Text, sizeof(Text), "mmsim: host failure: %s (%s)\n", What, Error);
    HostWriteFd(2, Text);
    abort();
}

/* ---------------------------------------------------------------------- */
/* Physical memory.                                                       */
/* ---------------------------------------------------------------------- */
static HANDLE HostSection;
static uint64_t HostPhysBytes;
static uint8_t *HostPhysMap;
static const char *HostBackend = "none";

bool HostPhysCreate(uint64_t Bytes, int Backend, char *Why, size_t WhySize)
{
    if (Backend == 1 || Backend == 2) {
        snprintf(Why, WhySize,
                 "%s is not available on Windows: physical memory is a pagefile-backed section "
                 "(MMSIM_BACKEND=default)",
                 Backend == 1 ? "memfd" : "shm_open");
        return false;
    }
    char Error[300];
    if (!HostHavePlaceholders()) {
        if (HostPlaceholderError == HOST_ERROR_NO_FUNCTIONS) {
            snprintf(Error, sizeof(Error),
                     "VirtualAlloc2, MapViewOfFile3 or UnmapViewOfFile2 is missing from "
                     "kernelbase.dll and kernel32.dll");
        } else {
            HostErrorText(HostPlaceholderError, Error, sizeof(Error));
        }
        snprintf(Why, WhySize,
                 "this host cannot reserve placeholder address space (%s); mmsim needs "
                 "Windows 10 version 1803 or later",
                 Error);
        return false;
    }
    HANDLE Section = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE | SEC_COMMIT,
                                        (DWORD)(Bytes >> 32), (DWORD)Bytes, NULL);
    if (Section == NULL) {
        HostErrorText(GetLastError(), Error, sizeof(Error));
        snprintf(Why, WhySize, "cannot create a %llu-byte pagefile-backed section: %s",
                 (unsigned long long)Bytes, Error);
        return false;
    }
    void *View = MapViewOfFile(Section, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, (SIZE_T)Bytes);
    if (View == NULL) {
        HostErrorText(GetLastError(), Error, sizeof(Error));
        snprintf(Why, WhySize, "cannot map the physical memory view: %s", Error);
        CloseHandle(Section);
        return false;
    }
    HostSection = Section;
    HostPhysBytes = Bytes;
    HostPhysMap = (uint8_t *)View;
    HostBackend = "section";
    return true;
}

void HostPhysDestroy(void)
{
    if (HostPhysMap != NULL) {
        UnmapViewOfFile(HostPhysMap);
        HostPhysMap = NULL;
    }
    if (HostSection != NULL) {
        /* Views in system space keep the section alive until unmapped. */
        CloseHandle(HostSection);
        HostSection = NULL;
    }
    HostPhysBytes = 0;
}

uint8_t *HostPhysView(void)
{
    return HostPhysMap;
}

const char *HostPhysBackendName(void)
{
    return HostBackend;
}

void HostPhysDiscard(uint64_t Offset, uint64_t Bytes)
{
    /* See the file comment: zeroing is the only documented way to make the
     * pages read as zero. */
    memset(HostPhysMap + Offset, 0, (size_t)Bytes);
}

/* ---------------------------------------------------------------------- */
/* System address space: placeholders and views.                          */
/* ---------------------------------------------------------------------- */
static SRWLOCK HostSpaceLock = SRWLOCK_INIT;
static uint8_t *HostSpaceBase;
static uint64_t HostSpacePages;
/* Views, indexed by page of the reservation. HostViewHead[p] is 1 + the
 * first page of the view showing page p, 0 for a placeholder page. At a
 * view's first page, HostViewPages is its length and HostViewPhys its first
 * page in the section. HostViewWritable[p] is page p's protection. */
static void *HostViewTables;
static uint32_t *HostViewHead;
static uint32_t *HostViewPages;
static uint32_t *HostViewPhys;
static uint8_t *HostViewWritable;

static void *HostVa(uint64_t Page)
{
    return HostSpaceBase + (Page << HOST_PAGE_SHIFT);
}

static uint64_t HostPageOf(const void *Va)
{
    return (uint64_t)(((uintptr_t)Va - (uintptr_t)HostSpaceBase) >> HOST_PAGE_SHIFT);
}

/* The placeholder holding Page, as the OS sees it: a region VirtualQuery
 * reports lies in one allocation ("all pages in the region are part of the
 * same initial allocation", VirtualQuery remarks), and each placeholder is one
 * (a split one included: each piece is released at its own base). */
static bool HostPlaceholderAt(uint64_t Page, uint64_t *First, uint64_t *End)
{
    MEMORY_BASIC_INFORMATION Info;
    if (VirtualQuery(HostVa(Page), &Info, sizeof(Info)) != sizeof(Info) ||
        Info.State != MEM_RESERVE || (uint8_t *)Info.AllocationBase < HostSpaceBase) {
        return false;
    }
    *First = HostPageOf(Info.AllocationBase);
    *End = HostPageOf((uint8_t *)Info.BaseAddress + Info.RegionSize);
    if (*End > HostSpacePages) {
        *End = HostSpacePages;
    }
    return true;
}

/* Joins the adjacent placeholders [First, Middle) and [Middle, End). */
static bool HostCoalesce(uint64_t First, uint64_t End)
{
    return VirtualFree(HostVa(First), (SIZE_T)((End - First) << HOST_PAGE_SHIFT),
                       MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS) != 0;
}

/* The maximal view-free stretch holding Page, made one placeholder if it was
 * left in pieces. */
static bool HostGapAt(uint64_t Page, uint64_t *GapFirst, uint64_t *GapEnd)
{
    uint64_t First, End;
    if (!HostPlaceholderAt(Page, &First, &End)) {
        return false;
    }
    while (First > 0 && HostViewHead[First - 1] == 0) {
        uint64_t LeftFirst, LeftEnd;
        if (!HostPlaceholderAt(First - 1, &LeftFirst, &LeftEnd) || !HostCoalesce(LeftFirst, End)) {
            break;
        }
        First = LeftFirst;
    }
    while (End < HostSpacePages && HostViewHead[End] == 0) {
        uint64_t RightFirst, RightEnd;
        if (!HostPlaceholderAt(End, &RightFirst, &RightEnd) || !HostCoalesce(First, RightEnd)) {
            break;
        }
        End = RightEnd;
    }
    *GapFirst = First;
    *GapEnd = End;
    return true;
}

/* Maps pages [Page, Page+Count) of the reservation, which show no view, to
 * section pages from PhysPage. */
/* mmdev: device memory, a second section. Its pages are numbered from
 * HOST_DEVICE_PAGE_BASE in the views' physical page numbers (HostViewPhys),
 * so a view cut in two maps its rest back from the right section. */
#define HOST_DEVICE_PAGE_BASE ((uint64_t)1 << 31)
static HANDLE HostDeviceSection;

static bool HostMapLocked(uint64_t Page, uint64_t Count, uint64_t PhysPage, bool Writable)
{
    uint64_t First, End, Ignored;
    if (!HostGapAt(Page, &First, &End) || End < Page + Count) {
        return false;
    }
    /* Split off what lies before and after the run (each split leaves the
     * requested size at the given base as its own placeholder). */
    if (First < Page && !VirtualFree(HostVa(First), (SIZE_T)((Page - First) << HOST_PAGE_SHIFT),
                                     MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER)) {
        return false;
    }
    if (Page + Count < End &&
        !VirtualFree(HostVa(Page), (SIZE_T)(Count << HOST_PAGE_SHIFT),
                     MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER)) {
        HostGapAt(Page, &Ignored, &Ignored);
        return false;
    }
    /* mmdev: pages from HOST_DEVICE_PAGE_BASE up are the device object's. */
    bool Device = PhysPage >= HOST_DEVICE_PAGE_BASE;
    void *View = HostMapViewOfFile3(Device ? HostDeviceSection : HostSection, GetCurrentProcess(),
                                    HostVa(Page),
                                    (PhysPage - (Device ? HOST_DEVICE_PAGE_BASE : 0))
                                        << HOST_PAGE_SHIFT,
                                    (SIZE_T)(Count << HOST_PAGE_SHIFT),
                                    MEM_REPLACE_PLACEHOLDER,
                                    Writable ? PAGE_READWRITE : PAGE_READONLY, NULL, 0);
    if (View == NULL) {
        HostGapAt(Page, &Ignored, &Ignored);
        return false;
    }
    for (uint64_t p = Page; p < Page + Count; p++) {
        HostViewHead[p] = (uint32_t)(Page + 1);
        HostViewWritable[p] = Writable;
    }
    HostViewPages[Page] = (uint32_t)Count;
    HostViewPhys[Page] = (uint32_t)PhysPage;
    return true;
}

/* Maps [Page, End) again from PhysPage, one view per run of equal
 * protection (HostViewWritable still holds each page's). */
static void HostRemapLocked(uint64_t Page, uint64_t End, uint64_t PhysPage)
{
    while (Page < End) {
        uint64_t Run = 1;
        while (Page + Run < End && HostViewWritable[Page + Run] == HostViewWritable[Page]) {
            Run++;
        }
        if (!HostMapLocked(Page, Run, PhysPage, HostViewWritable[Page] != 0)) {
            HostFatal("cannot map back the rest of a partly unmapped view");
        }
        Page += Run;
        PhysPage += Run;
    }
}

/* Makes [Page, Page+Count) show no view, keeping every other page as it was,
 * and leaves the stretch one coalesced placeholder. */
static void HostUnmapLocked(uint64_t Page, uint64_t Count)
{
    uint64_t Stop = Page + Count;
    bool Removed = false;
    for (uint64_t p = Page; p < Stop;) {
        if (HostViewHead[p] == 0) {
            p++;
            continue;
        }
        uint64_t ViewFirst = HostViewHead[p] - 1;
        uint64_t ViewEnd = ViewFirst + HostViewPages[ViewFirst];
        uint64_t PhysFirst = HostViewPhys[ViewFirst];
        uint64_t CutFirst = ViewFirst > Page ? ViewFirst : Page;
        uint64_t CutEnd = ViewEnd < Stop ? ViewEnd : Stop;
        if (!HostUnmapViewOfFile2(GetCurrentProcess(), HostVa(ViewFirst), MEM_PRESERVE_PLACEHOLDER)) {
            HostFatal("UnmapViewOfFile2(MEM_PRESERVE_PLACEHOLDER) failed");
        }
        for (uint64_t q = ViewFirst; q < ViewEnd; q++) {
            HostViewHead[q] = 0;
        }
        if (ViewFirst < CutFirst) {
            HostRemapLocked(ViewFirst, CutFirst, PhysFirst);
        }
        if (CutEnd < ViewEnd) {
            HostRemapLocked(CutEnd, ViewEnd, PhysFirst + (CutEnd - ViewFirst));
        }
        Removed = true;
        p = CutEnd;
    }
    if (Removed) {
        uint64_t First, End;
        HostGapAt(Page, &First, &End);
    }
}

/* The placeholder machinery here keeps one reservation (system space); a
 * second one at a fixed address is not offered, so there is no user address
 * space on this host (ZwAllocateVirtualMemory returns STATUS_NO_MEMORY). */
void *HostReserveAt(void *Hint, uint64_t Bytes)
{
    (void)Hint;
    (void)Bytes;
    return NULL;
}

void *HostReserve(uint64_t Bytes, uint64_t Random)
{
    const uint64_t Slack = (uint64_t)1 << 30; /* up to 1 GiB of random slide */
    const uint64_t Unit = (uint64_t)2 << 20;  /* in 2 MiB steps, as on POSIX */
    uint64_t Pages = Bytes >> HOST_PAGE_SHIFT;
    if (!HostHavePlaceholders() || HostSpaceBase != NULL || Pages == 0 || Pages >= UINT32_MAX) {
        return NULL;
    }
    uint8_t *Region = (uint8_t *)HostVirtualAlloc2(NULL, NULL, (SIZE_T)(Bytes + Slack),
                                                   MEM_RESERVE | MEM_RESERVE_PLACEHOLDER,
                                                   PAGE_NOACCESS, NULL, 0);
    if (Region == NULL) {
        return NULL;
    }
    /* Keep [Slide, Slide + Bytes) and release the placeholders split off
     * before and after it. */
    uint64_t Slide = (Random % (Slack / Unit)) * Unit;
    uint8_t *Base = Region + Slide;
    if (Slide > 0) {
        if (!VirtualFree(Region, (SIZE_T)Slide, MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER)) {
            VirtualFree(Region, 0, MEM_RELEASE);
            return NULL;
        }
        VirtualFree(Region, 0, MEM_RELEASE);
    }
    if (Slack - Slide > 0) {
        if (!VirtualFree(Base, (SIZE_T)Bytes, MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER)) {
            VirtualFree(Base, 0, MEM_RELEASE);
            return NULL;
        }
        VirtualFree(Base + Bytes, 0, MEM_RELEASE);
    }
    /* The view tables: demand-zero pages, touched only where views are. */
    size_t TableBytes = (size_t)Pages * (3 * sizeof(uint32_t) + sizeof(uint8_t));
    void *Tables = VirtualAlloc(NULL, TableBytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    if (Tables == NULL) {
        VirtualFree(Base, 0, MEM_RELEASE);
        return NULL;
    }
    AcquireSRWLockExclusive(&HostSpaceLock);
    HostViewTables = Tables;
    HostViewHead = (uint32_t *)Tables;
    HostViewPages = HostViewHead + Pages;
    HostViewPhys = HostViewPages + Pages;
    HostViewWritable = (uint8_t *)(HostViewPhys + Pages);
    HostSpaceBase = Base;
    HostSpacePages = Pages;
    ReleaseSRWLockExclusive(&HostSpaceLock);
    return Base;
}

/* Demand-zero pages as for the view tables above: Windows gives a committed
 * page physical memory at its first touch, so only the commit charge (not
 * the working set) is the whole table. */
void *HostAllocTable(uint64_t Bytes)
{
    if (Bytes == 0 || Bytes > (uint64_t)SIZE_MAX) {
        return NULL;
    }
    return VirtualAlloc(NULL, (SIZE_T)Bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
}

void HostFreeTable(void *Table, uint64_t Bytes)
{
    (void)Bytes;
    if (Table != NULL) {
        VirtualFree(Table, 0, MEM_RELEASE);
    }
}

void HostRelease(void *Base, uint64_t Bytes)
{
    (void)Bytes;
    AcquireSRWLockExclusive(&HostSpaceLock);
    if (Base == NULL || Base != HostSpaceBase) {
        ReleaseSRWLockExclusive(&HostSpaceLock);
        return;
    }
    /* Unmap every view (the address range becomes free), then release each
     * placeholder left. */
    for (uint64_t p = 0; p < HostSpacePages;) {
        if (HostViewHead[p] == 0) {
            p++;
            continue;
        }
        uint64_t First = HostViewHead[p] - 1;
        HostUnmapViewOfFile2(GetCurrentProcess(), HostVa(First), 0);
        p = First + HostViewPages[First];
    }
    for (uint64_t p = 0; p < HostSpacePages;) {
        MEMORY_BASIC_INFORMATION Info;
        if (VirtualQuery(HostVa(p), &Info, sizeof(Info)) != sizeof(Info)) {
            break;
        }
        uint64_t End = HostPageOf((uint8_t *)Info.BaseAddress + Info.RegionSize);
        if (Info.State == MEM_RESERVE && Info.AllocationBase == Info.BaseAddress) {
            VirtualFree(Info.AllocationBase, 0, MEM_RELEASE);
        }
        p = End > p ? End : p + 1;
    }
    VirtualFree(HostViewTables, 0, MEM_RELEASE);
    HostViewTables = NULL;
    HostViewHead = HostViewPages = HostViewPhys = NULL;
    HostViewWritable = NULL;
    HostSpaceBase = NULL;
    HostSpacePages = 0;
    ReleaseSRWLockExclusive(&HostSpaceLock);
}

static bool HostInSpace(const void *Va, uint64_t Bytes)
{
    return HostSpaceBase != NULL && (uint8_t *)Va >= HostSpaceBase &&
           ((uintptr_t)Va & (HOST_PAGE_SIZE - 1)) == 0 && (Bytes & (HOST_PAGE_SIZE - 1)) == 0 &&
           HostPageOf(Va) + (Bytes >> HOST_PAGE_SHIFT) <= HostSpacePages;
}

bool HostMapRun(void *Va, uint64_t PhysOffset, uint64_t Bytes, bool Writable)
{
    AcquireSRWLockExclusive(&HostSpaceLock);
    bool Mapped = false;
    if (HostInSpace(Va, Bytes) && Bytes > 0 && PhysOffset + Bytes <= HostPhysBytes) {
        uint64_t Page = HostPageOf(Va);
        uint64_t Count = Bytes >> HOST_PAGE_SHIFT;
        uint64_t PhysPage = PhysOffset >> HOST_PAGE_SHIFT;
        /* Whatever was there goes first, as MAP_FIXED replaces on POSIX. */
        HostUnmapLocked(Page, Count);
        Mapped = true;
        for (uint64_t Done = 0; Mapped && Done < Count;) {
            uint64_t Piece = Count - Done < HOST_MAX_VIEW_PAGES ? Count - Done : HOST_MAX_VIEW_PAGES;
            Mapped = HostMapLocked(Page + Done, Piece, PhysPage + Done, Writable);
            Done += Piece;
            if (!Mapped && Done > Piece) {
                HostUnmapLocked(Page, Done - Piece); /* leave the run inaccessible */
            }
        }
    }
    ReleaseSRWLockExclusive(&HostSpaceLock);
    return Mapped;
}

bool HostUnmapRun(void *Va, uint64_t Bytes)
{
    /* Windows refusing an unmap or a placeholder split is fatal inside
     * HostUnmapLocked (HostFatal), so a return means the range is revoked. */
    AcquireSRWLockExclusive(&HostSpaceLock);
    bool Done = HostInSpace(Va, Bytes);
    if (Done) {
        HostUnmapLocked(HostPageOf(Va), Bytes >> HOST_PAGE_SHIFT);
    }
    ReleaseSRWLockExclusive(&HostSpaceLock);
    return Done;
}


bool HostDeviceCreate(uint64_t Bytes, char *Why, size_t WhySize)
{
    char Error[300];
    HANDLE Section = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE | SEC_COMMIT,
                                        (DWORD)(Bytes >> 32), (DWORD)Bytes, NULL);
    if (Section == NULL || (Bytes >> HOST_PAGE_SHIFT) >= HOST_DEVICE_PAGE_BASE) {
        HostErrorText(GetLastError(), Error, sizeof(Error));
        snprintf(Why, WhySize, "cannot create a %llu-byte device memory section: %s",
                 (unsigned long long)Bytes, Error);
        if (Section != NULL) {
            CloseHandle(Section);
        }
        return false;
    }
    HostDeviceSection = Section;
    return true;
}

void HostDeviceDestroy(void)
{
    if (HostDeviceSection != NULL) {
        CloseHandle(HostDeviceSection); /* views keep the section alive */
        HostDeviceSection = NULL;
    }
}

bool HostMapDeviceRun(void *Va, uint64_t DeviceOffset, uint64_t Bytes, bool Writable)
{
    AcquireSRWLockExclusive(&HostSpaceLock);
    bool Mapped = false;
    if (HostDeviceSection != NULL && HostInSpace(Va, Bytes) && Bytes > 0) {
        uint64_t Page = HostPageOf(Va);
        uint64_t Count = Bytes >> HOST_PAGE_SHIFT;
        uint64_t PhysPage = HOST_DEVICE_PAGE_BASE + (DeviceOffset >> HOST_PAGE_SHIFT);
        HostUnmapLocked(Page, Count);
        Mapped = true;
        for (uint64_t Done = 0; Mapped && Done < Count;) {
            uint64_t Piece = Count - Done < HOST_MAX_VIEW_PAGES ? Count - Done : HOST_MAX_VIEW_PAGES;
            Mapped = HostMapLocked(Page + Done, Piece, PhysPage + Done, Writable);
            Done += Piece;
            if (!Mapped && Done > Piece) {
                HostUnmapLocked(Page, Done - Piece);
            }
        }
    }
    ReleaseSRWLockExclusive(&HostSpaceLock);
    return Mapped;
}

uint64_t HostMappingLimit(void)
{
    /* No per-process count of views or placeholders: Windows limits them by
     * memory (each is a VAD of a few dozen bytes), not by number. */
    return 0;
}

bool HostProtectRun(void *Va, uint64_t Bytes, bool Writable)
{
    AcquireSRWLockExclusive(&HostSpaceLock);
    bool Done = HostInSpace(Va, Bytes);
    uint64_t Page = Done ? HostPageOf(Va) : 0;
    uint64_t Stop = Page + (Done ? Bytes >> HOST_PAGE_SHIFT : 0);
    /* All or nothing: a page that is not mapped has nothing to protect. */
    for (uint64_t p = Page; Done && p < Stop; p++) {
        Done = HostViewHead[p] != 0;
    }
    /* VirtualProtect stays inside one allocation, i.e. one view. */
    for (uint64_t p = Page; Done && p < Stop;) {
        uint64_t ViewFirst = HostViewHead[p] - 1;
        uint64_t ViewEnd = ViewFirst + HostViewPages[ViewFirst];
        uint64_t CutEnd = ViewEnd < Stop ? ViewEnd : Stop;
        DWORD Old;
        if (!VirtualProtect(HostVa(p), (SIZE_T)((CutEnd - p) << HOST_PAGE_SHIFT),
                            Writable ? PAGE_READWRITE : PAGE_READONLY, &Old)) {
            Done = false;
            break;
        }
        for (uint64_t q = p; q < CutEnd; q++) {
            HostViewWritable[q] = Writable;
        }
        p = CutEnd;
    }
    ReleaseSRWLockExclusive(&HostSpaceLock);
    return Done;
}

/* ---------------------------------------------------------------------- */
/* Fault trap.                                                            */
/* ---------------------------------------------------------------------- */
static _Atomic(uintptr_t) HostTrapBase;
static _Atomic(uintptr_t) HostTrapEnd;
static _Atomic(HOST_FAULT_HANDLER) HostTrapHandler;
/* Further ranges (slots 1..HOST_TRAP_RANGES-1; slot 0 is the three above). */
static _Atomic(uintptr_t) HostTrapRangeBase[HOST_TRAP_RANGES];
static _Atomic(uintptr_t) HostTrapRangeEnd[HOST_TRAP_RANGES];
static _Atomic(HOST_FAULT_HANDLER) HostTrapRangeHandler[HOST_TRAP_RANGES];
static INIT_ONCE HostVehOnce = INIT_ONCE_STATIC_INIT;

/* One fault in flight per thread: filled by the vectored handler, copied out
 * by the dispatcher before anything else can fault. */
typedef struct _HOST_FAULT {
    CONTEXT Context;
    void *Address;
    bool Write;
    HOST_FAULT_HANDLER Handler; /* the handler of the range it hit */
    /* A fault the simulator declined: the next identical one keeps its host
     * meaning (the process crashes as it would without mmsim). */
    uintptr_t PassRip;
    uintptr_t PassAddress;
} HOST_FAULT;
static _Thread_local HOST_FAULT HostFault;

/* The trampoline (assembly at the end of this file). */
void MmsimHostFaultEntry(void);
/* Called by the trampoline, on the faulting thread's stack. */
_Noreturn void MmsimHostFaultDispatch(void);

_Noreturn void MmsimHostFaultDispatch(void)
{
    CONTEXT Resume; /* 16-byte aligned (DECLSPEC_ALIGN), as RtlRestoreContext needs */
    memcpy(&Resume, &HostFault.Context, sizeof(Resume));
    void *Address = HostFault.Address;
    bool Write = HostFault.Write;
    HOST_FAULT_HANDLER Handler = HostFault.Handler;
    if (Handler != NULL && Handler(Address, Write, (void *)(uintptr_t)Resume.Rip)) {
        RtlRestoreContext(&Resume, NULL); /* page made valid: retry the access */
    }
    HostFault.PassRip = (uintptr_t)Resume.Rip;
    HostFault.PassAddress = (uintptr_t)Address;
    RtlRestoreContext(&Resume, NULL); /* faults again, now with its host meaning */
    abort();                          /* not reached */
}

static LONG CALLBACK HostVectoredHandler(PEXCEPTION_POINTERS Info)
{
    const EXCEPTION_RECORD *Record = Info->ExceptionRecord;
    if (Record->ExceptionCode != EXCEPTION_ACCESS_VIOLATION || Record->NumberParameters < 2) {
        return EXCEPTION_CONTINUE_SEARCH;
    }
    uintptr_t Address = (uintptr_t)Record->ExceptionInformation[1];
    CONTEXT *Context = Info->ContextRecord;
    /* System space, and the never-mapped first 64 KiB (NULL pointers), are
     * the simulator's; every other fault stays a real host crash. */
    bool Ours = (Address >= atomic_load(&HostTrapBase) && Address < atomic_load(&HostTrapEnd)) ||
                Address < HOST_NULL_GUARD;
    HOST_FAULT_HANDLER Handler = atomic_load(&HostTrapHandler);
    for (unsigned Slot = 1; !Ours && Slot < HOST_TRAP_RANGES; Slot++) {
        HOST_FAULT_HANDLER RangeHandler = atomic_load(&HostTrapRangeHandler[Slot]);
        if (RangeHandler != NULL && Address >= atomic_load(&HostTrapRangeBase[Slot]) &&
            Address < atomic_load(&HostTrapRangeEnd[Slot])) {
            Ours = true;
            Handler = RangeHandler;
        }
    }
    if (Handler == NULL || !Ours) {
        return EXCEPTION_CONTINUE_SEARCH;
    }
    HOST_FAULT *Fault = &HostFault;
    if (Fault->PassRip != 0 && Fault->PassRip == (uintptr_t)Context->Rip &&
        Fault->PassAddress == Address) {
        Fault->PassRip = Fault->PassAddress = 0;
        return EXCEPTION_CONTINUE_SEARCH;
    }
    memcpy(&Fault->Context, Context, sizeof(CONTEXT));
    Fault->Context.ContextFlags &= ~(DWORD)HOST_CONTEXT_XSTATE_BIT;
    Fault->Address = (void *)Address;
    Fault->Write = Record->ExceptionInformation[0] == 1;
    Fault->Handler = Handler;
    /* Continue in the trampoline: RAX carries the faulting RIP for it to push
     * as the return address; RSP stays the faulting one. */
    Context->Rax = Context->Rip;
    Context->Rip = (DWORD64)(uintptr_t)MmsimHostFaultEntry;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static BOOL CALLBACK HostAddVeh(PINIT_ONCE Once, PVOID Parameter, PVOID *Context)
{
    (void)Once;
    (void)Parameter;
    (void)Context;
    /* First = 1: called before any handler already registered. It stays
     * registered for the life of the process; HostRemoveFaultTrap disarms it. */
    AddVectoredExceptionHandler(1, HostVectoredHandler);
    return TRUE;
}

void HostInstallFaultTrap(void *Base, uint64_t Bytes, HOST_FAULT_HANDLER Handler)
{
    atomic_store(&HostTrapBase, (uintptr_t)Base);
    atomic_store(&HostTrapEnd, (uintptr_t)Base + Bytes);
    atomic_store(&HostTrapHandler, Handler);
    HostArmFaultTrap();
}

void HostInstallFaultTrapRange(unsigned Slot, void *Base, uint64_t Bytes,
                               HOST_FAULT_HANDLER Handler)
{
    if (Slot == 0) {
        HostInstallFaultTrap(Base, Bytes, Handler);
        return;
    }
    if (Slot >= HOST_TRAP_RANGES) {
        return;
    }
    atomic_store(&HostTrapRangeHandler[Slot], NULL);
    atomic_store(&HostTrapRangeBase[Slot], (uintptr_t)Base);
    atomic_store(&HostTrapRangeEnd[Slot], (uintptr_t)Base + Bytes);
    atomic_store(&HostTrapRangeHandler[Slot], Bytes != 0 ? Handler : NULL);
    HostArmFaultTrap();
}

void HostArmFaultTrap(void)
{
    InitOnceExecuteOnce(&HostVehOnce, HostAddVeh, NULL, NULL);
    /* Touch this thread's fault record now: thread-local storage may be
     * allocated on first use, which is better done outside the handler. */
    (void)*(volatile uintptr_t *)&HostFault.PassRip;
}

void HostUnblockFaultSignals(void)
{
    /* No signal masks on Windows: the trampoline runs outside the exception
     * dispatch, so nothing is left blocked by a longjmp. */
}

void HostRemoveFaultTrap(void)
{
    atomic_store(&HostTrapHandler, NULL);
    atomic_store(&HostTrapBase, 0);
    atomic_store(&HostTrapEnd, 0);
    for (unsigned Slot = 1; Slot < HOST_TRAP_RANGES; Slot++) {
        atomic_store(&HostTrapRangeHandler[Slot], NULL);
    }
}

/* ---------------------------------------------------------------------- */
/* Mappings.                                                              */
/* ---------------------------------------------------------------------- */
static bool HostReadable(DWORD Protect)
{
    Protect &= 0xFF; /* without PAGE_GUARD, PAGE_NOCACHE, PAGE_WRITECOMBINE */
    return Protect != 0 && Protect != PAGE_NOACCESS && Protect != PAGE_EXECUTE;
}

static bool HostWritable(DWORD Protect)
{
    Protect &= 0xFF;
    return Protect == PAGE_READWRITE || Protect == PAGE_WRITECOPY ||
           Protect == PAGE_EXECUTE_READWRITE || Protect == PAGE_EXECUTE_WRITECOPY;
}

bool HostForEachMapping(void *Base, uint64_t Bytes, HOST_MAPPING_VISITOR Visit, void *Context)
{
    AcquireSRWLockShared(&HostSpaceLock);
    uint8_t *Va = (uint8_t *)Base;
    uint8_t *End = Va + Bytes;
    bool Ok = true;
    while (Va < End) {
        MEMORY_BASIC_INFORMATION Info;
        if (VirtualQuery(Va, &Info, sizeof(Info)) != sizeof(Info)) {
            Ok = false;
            break;
        }
        uint8_t *RegionEnd = (uint8_t *)Info.BaseAddress + Info.RegionSize;
        if (RegionEnd > End) {
            RegionEnd = End;
        }
        bool Committed = Info.State == MEM_COMMIT;
        bool Physical = false;
        uint64_t Offset = 0;
        if (Committed && Info.Type == MEM_MAPPED && HostInSpace(Va, 0)) {
            uint64_t Page = HostPageOf(Va);
            if (Page < HostSpacePages && HostViewHead[Page] != 0) {
                uint64_t First = HostViewHead[Page] - 1;
                Physical = true;
                Offset = ((uint64_t)HostViewPhys[First] + (Page - First)) << HOST_PAGE_SHIFT;
            }
        }
        Visit(Context, (uintptr_t)Va, (uintptr_t)RegionEnd, Committed && HostReadable(Info.Protect),
              Committed && HostWritable(Info.Protect), Physical, Offset);
        Va = RegionEnd;
    }
    ReleaseSRWLockShared(&HostSpaceLock);
    return Ok;
}

/* Windows has no fork(): a new process never shares this one's section
 * views, so there is nothing to register or to copy. */
void HostOnFork(void (*Prepare)(void), void (*Parent)(void), void (*Child)(void))
{
    (void)Prepare;
    (void)Parent;
    (void)Child;
}

bool HostPhysPrivatize(void *Base, uint64_t Bytes, char *Why, size_t WhySize)
{
    (void)Base;
    (void)Bytes;
    (void)Why;
    (void)WhySize;
    return true;
}

long HostMappingCount(void)
{
    /* Allocations (reservations, placeholders, views, images) of the whole
     * user address space: the nearest thing to a VMA count. */
    long Count = 0;
    uint8_t *Va = NULL;
    void *LastBase = NULL;
    MEMORY_BASIC_INFORMATION Info;
    while (VirtualQuery(Va, &Info, sizeof(Info)) == sizeof(Info)) {
        if (Info.State != MEM_FREE && Info.AllocationBase != LastBase) {
            Count++;
            LastBase = Info.AllocationBase;
        }
        uint8_t *Next = (uint8_t *)Info.BaseAddress + Info.RegionSize;
        if (Next <= Va) {
            break;
        }
        Va = Next;
    }
    return Count;
}

/* ---------------------------------------------------------------------- */
/* Stacks and frames.                                                     */
/* ---------------------------------------------------------------------- */
int HostCaptureStack(void **Frames, int Max)
{
    /* FramesToSkip + FramesToCapture must stay below 63 before Windows Vista
     * (CaptureStackBackTrace page); keep that limit everywhere. Frame 0 is
     * this function, as backtrace(3) includes its caller on POSIX. */
    DWORD Want = Max < 0 ? 0 : Max > 62 ? 62 : (DWORD)Max;
    return (int)RtlCaptureStackBackTrace(0, Want, Frames, NULL);
}

#define HOST_MODULE_CACHE 64
static SRWLOCK HostModuleLock = SRWLOCK_INIT;
static struct {
    HMODULE Module;
    char *Name;
} HostModules[HOST_MODULE_CACHE];

/* A stable copy of the module's file name (without directories). */
static const char *HostModuleName(HMODULE Module)
{
    AcquireSRWLockShared(&HostModuleLock);
    for (int i = 0; i < HOST_MODULE_CACHE; i++) {
        if (HostModules[i].Module == Module) {
            const char *Name = HostModules[i].Name;
            ReleaseSRWLockShared(&HostModuleLock);
            return Name;
        }
    }
    ReleaseSRWLockShared(&HostModuleLock);
    char Path[MAX_PATH];
    DWORD Length = GetModuleFileNameA(Module, Path, sizeof(Path));
    if (Length == 0 || Length >= sizeof(Path)) {
        return NULL;
    }
    const char *Slash = strrchr(Path, '\\');
    const char *Base = Slash != NULL ? Slash + 1 : Path;
    const char *Name = NULL;
    AcquireSRWLockExclusive(&HostModuleLock);
    for (int i = 0; i < HOST_MODULE_CACHE && Name == NULL; i++) {
        if (HostModules[i].Module == Module) {
            Name = HostModules[i].Name;
        } else if (HostModules[i].Module == NULL) {
            char *Copy = _strdup(Base);
            if (Copy != NULL) {
                HostModules[i].Module = Module;
                HostModules[i].Name = Copy;
            }
            Name = Copy;
        }
    }
    ReleaseSRWLockExclusive(&HostModuleLock);
    return Name;
}

static HMODULE HostModuleOf(const void *Address)
{
    HMODULE Module = NULL;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (LPCWSTR)Address, &Module)) {
        return NULL;
    }
    return Module;
}

/* The exported function at or before Rva in the module's export table. */
static const char *HostNearestExport(HMODULE Module, uint64_t Rva, uint64_t *SymbolRva)
{
    const uint8_t *Image = (const uint8_t *)Module;
    const IMAGE_DOS_HEADER *Dos = (const IMAGE_DOS_HEADER *)(const void *)Image;
    if (Dos->e_magic != IMAGE_DOS_SIGNATURE) {
        return NULL;
    }
    const IMAGE_NT_HEADERS *Nt = (const IMAGE_NT_HEADERS *)(const void *)(Image + Dos->e_lfanew);
    if (Nt->Signature != IMAGE_NT_SIGNATURE ||
        Nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_EXPORT) {
        return NULL;
    }
    const IMAGE_DATA_DIRECTORY *Directory =
        &Nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    if (Directory->VirtualAddress == 0 || Directory->Size == 0) {
        return NULL;
    }
    const IMAGE_EXPORT_DIRECTORY *Exports =
        (const IMAGE_EXPORT_DIRECTORY *)(const void *)(Image + Directory->VirtualAddress);
    const DWORD *Functions = (const DWORD *)(const void *)(Image + Exports->AddressOfFunctions);
    const DWORD *Names = (const DWORD *)(const void *)(Image + Exports->AddressOfNames);
    const WORD *Ordinals = (const WORD *)(const void *)(Image + Exports->AddressOfNameOrdinals);
    const char *Best = NULL;
    uint64_t BestRva = 0;
    for (DWORD i = 0; i < Exports->NumberOfNames; i++) {
        if (Ordinals[i] >= Exports->NumberOfFunctions) {
            continue;
        }
        uint64_t FunctionRva = Functions[Ordinals[i]];
        bool Forwarder = FunctionRva >= Directory->VirtualAddress &&
                         FunctionRva < (uint64_t)Directory->VirtualAddress + Directory->Size;
        if (Forwarder || FunctionRva > Rva || (Best != NULL && FunctionRva < BestRva)) {
            continue;
        }
        Best = (const char *)(Image + Names[i]);
        BestRva = FunctionRva;
    }
    *SymbolRva = BestRva;
    return Best;
}

bool HostFrameModuleOffset(void *Frame, const char **ModuleName, uint64_t *Offset)
{
    HMODULE Module = HostModuleOf(Frame);
    const char *Name = Module != NULL ? HostModuleName(Module) : NULL;
    if (Name == NULL) {
        return false;
    }
    *ModuleName = Name;
    *Offset = (uint64_t)((uintptr_t)Frame - (uintptr_t)Module);
    return true;
}

char *HostDescribeFrame(void *Frame, char *Text, size_t Size)
{
    const char *Module;
    uint64_t Offset;
    if (!HostFrameModuleOffset(Frame, &Module, &Offset)) {
        snprintf(Text, Size, "%p", Frame);
        return Text;
    }
    uint64_t SymbolRva = 0;
    const char *Symbol = HostNearestExport(HostModuleOf(Frame), Offset, &SymbolRva);
    if (Symbol != NULL) {
        snprintf(Text, Size, "%s+0x%llx (%s+0x%llx)", Module, (unsigned long long)Offset, Symbol,
                 (unsigned long long)(Offset - SymbolRva));
    } else {
        snprintf(Text, Size, "%s+0x%llx", Module, (unsigned long long)Offset);
    }
    return Text;
}

void HostFlushOutput(bool InTrap, void *TrapCode)
{
    /* The fault trap here is a vectored exception handler, but the fault may
     * still have interrupted this thread inside the C runtime's stdio with a
     * stream locked mid-update: then nothing is flushed. The CRT has no
     * trylock for streams, so fflush may wait for another thread's stdio
     * call to finish. */
    if (InTrap && (TrapCode == NULL || HostModuleOf(TrapCode) == HostModuleOf(stdout))) {
        return;
    }
    fflush(stdout);
    fflush(stderr);
}

void HostBacktrace(int Fd, bool Symbolize)
{
    (void)Symbolize; /* export names only: nothing here allocates */
    void *Frames[62];
    int Count = HostCaptureStack(Frames, 62);
    for (int i = 1; i < Count; i++) {
        char Frame[512];
        char Line[600];
        snprintf(Line, sizeof(Line), "  %s [%p]\n", HostDescribeFrame(Frames[i], Frame, sizeof(Frame)),
                 Frames[i]);
        HostWriteFd(Fd, Line);
    }
}

/* ---------------------------------------------------------------------- */
/* Misc.                                                                  */
/* ---------------------------------------------------------------------- */
uint64_t HostRandomSeed(void)
{
    uint64_t Seed = 0;
    if (BCryptGenRandom(NULL, (PUCHAR)&Seed, sizeof(Seed), BCRYPT_USE_SYSTEM_PREFERRED_RNG) >= 0 &&
        Seed != 0) {
        return Seed;
    }
    LARGE_INTEGER Now;
    QueryPerformanceCounter(&Now);
    Seed = (uint64_t)Now.QuadPart * 0x9E3779B97F4A7C15ull ^ ((uint64_t)GetCurrentProcessId() << 32) ^
           (uint64_t)GetTickCount64();
    return Seed ? Seed : 1;
}

uint64_t HostNowNs(void)
{
    static LARGE_INTEGER Frequency; /* fixed at boot (QueryPerformanceFrequency page) */
    if (Frequency.QuadPart == 0) {
        QueryPerformanceFrequency(&Frequency);
    }
    LARGE_INTEGER Now;
    QueryPerformanceCounter(&Now);
    uint64_t Ticks = (uint64_t)Now.QuadPart;
    uint64_t PerSecond = (uint64_t)Frequency.QuadPart;
    return Ticks / PerSecond * 1000000000ull + Ticks % PerSecond * 1000000000ull / PerSecond;
}

void HostYield(void)
{
    SwitchToThread();
}

uint64_t HostWallClockNs(void)
{
    /* FILETIME: 100 ns units since 1601-01-01 UTC; 11644473600 s to 1970. */
    FILETIME Now;
    GetSystemTimePreciseAsFileTime(&Now);
    uint64_t Ticks = ((uint64_t)Now.dwHighDateTime << 32) | Now.dwLowDateTime;
    const uint64_t Epoch = 11644473600ull * 10000000ull;
    return Ticks > Epoch ? (Ticks - Epoch) * 100 : 0;
}

uint32_t HostProcessorCount(void)
{
    DWORD Count = GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
    return Count > 0 ? (uint32_t)Count : 1u;
}

uint32_t HostCurrentProcessor(void)
{
    /* Numbered across processor groups, folded into [0, count) as on POSIX. */
    PROCESSOR_NUMBER Number;
    GetCurrentProcessorNumberEx(&Number);
    uint32_t Index = Number.Number;
    for (WORD Group = 0; Group < Number.Group; Group++) {
        Index += GetActiveProcessorCount(Group);
    }
    return Index % HostProcessorCount();
}

/* setup20 */
/* Cleared in place: decommitting and committing again would give the pages
 * back, but a refused recommit would leave the table unusable mid-reset. */
void HostClearTable(void *Table, uint64_t Offset, uint64_t Bytes)
{
    memset((uint8_t *)Table + Offset, 0, (size_t)Bytes);
}

/* System space is made of placeholders per space here (HostReserve): none
 * is kept, and each machine reserves its own. */
void *HostReserveRegion(uint64_t Bytes, uint64_t *RegionBytes)
{
    (void)Bytes;
    *RegionBytes = 0;
    return NULL;
}

void *HostRegionSlide(void *Region, uint64_t Random)
{
    (void)Random;
    return Region;
}

/* ---------------------------------------------------------------------- */
/* user17: host-served first touches of the user range. This backend has  */
/* no user range (docs/user-space.md): nothing to serve.                  */
/* ---------------------------------------------------------------------- */
bool HostMapPrivate(void *Va, uint64_t Bytes, bool Writable)
{
    (void)Va;
    (void)Bytes;
    (void)Writable;
    return false;
}

bool HostProtectNone(void *Va, uint64_t Bytes)
{
    DWORD Old;
    return VirtualProtect(Va, (SIZE_T)Bytes, PAGE_NOACCESS, &Old) != 0;
}

bool HostResidentPages(void *Va, uint64_t Bytes, uint8_t *Resident)
{
    (void)Va;
    (void)Bytes;
    (void)Resident;
    return false;
}

/* tidy */
bool HostIsStreamFile(const char *Path)
{
    /* A device (NUL, CON, COM1) or a named pipe: its handle's type is not a
     * disk file's. Directories do not open without backup semantics. */
    HANDLE File = CreateFileA(Path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                              NULL, OPEN_EXISTING, 0, NULL);
    if (File == INVALID_HANDLE_VALUE) {
        return false;
    }
    bool Stream = GetFileType(File) != FILE_TYPE_DISK;
    CloseHandle(File);
    return Stream;
}

/* lead: frames the fault runner names (host.h). The runner is POSIX-only,
 * so a process here always names its own frames. */
void HostLeaveFrameNamesToRunner(void)
{
}

bool HostFrameNamesLeftToRunner(void)
{
    return false;
}

char *HostDescribeFrameUnnamed(void *Frame, char *Text, size_t Size)
{
    return HostDescribeFrame(Frame, Text, Size);
}

char *HostNameFrames(const char *Text)
{
    return _strdup(Text);
}
