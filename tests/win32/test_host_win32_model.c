/*
 * test_host_win32_model.c - sim/host/win32.c's placeholder bookkeeping
 * against a model of the documented API (placeholder_model.h), so that it is
 * exercised where no Windows 10 1803+ is at hand: random runs are mapped,
 * unmapped in part, re-protected and mapped over; after each step the host's
 * mapping walk must show exactly what a reference says, the model must have
 * refused no call, and every view-free stretch must be one placeholder.
 */
#include "placeholder_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/host/host.h"

#define PAGE 4096u
#define SPACE_PAGES 4096u
#define PHYS_PAGES 2048u
#define STEPS 10000

static int64_t RefPhys[SPACE_PAGES]; /* -1: not mapped */
static bool RefWritable[SPACE_PAGES];
static int64_t SeenPhys[SPACE_PAGES];
static bool SeenWritable[SPACE_PAGES];
static uint8_t *Base;

static uint64_t Rng = 0x9E3779B97F4A7C15ull;
static uint64_t Next(uint64_t Bound)
{
    Rng ^= Rng << 13;
    Rng ^= Rng >> 7;
    Rng ^= Rng << 17;
    return Rng % Bound;
}

static void Visit(void *Context, uintptr_t Start, uintptr_t End, bool Readable, bool Writable,
                  bool Physical, uint64_t Offset)
{
    (void)Context;
    for (uintptr_t Va = Start; Va < End; Va += PAGE, Offset += PAGE) {
        size_t Page = (Va - (uintptr_t)Base) / PAGE;
        SeenPhys[Page] = Readable && Physical ? (int64_t)(Offset / PAGE) : -1;
        SeenWritable[Page] = Writable;
    }
}

static bool Agrees(const char *After, int Step)
{
    memset(SeenPhys, 0xFF, sizeof(SeenPhys));
    if (!HostForEachMapping(Base, SPACE_PAGES * PAGE, Visit, NULL)) {
        printf("step %d (%s): the mapping walk failed\n", Step, After);
        return false;
    }
    for (size_t p = 0; p < SPACE_PAGES; p++) {
        if (SeenPhys[p] != RefPhys[p] || (RefPhys[p] >= 0 && SeenWritable[p] != RefWritable[p])) {
            printf("step %d (%s): page %zu shows %lld%s, expected %lld%s\n", Step, After, p,
                   (long long)SeenPhys[p], SeenWritable[p] ? " rw" : "", (long long)RefPhys[p],
                   RefWritable[p] ? " rw" : "");
            return false;
        }
    }
    if (ModelViolations() != 0 || !ModelCoalesced(Base, SPACE_PAGES * PAGE)) {
        char Text[4096];
        ModelDescribe(Base, SPACE_PAGES * PAGE, Text, sizeof(Text));
        printf("step %d (%s): %u refused call(s); allocations: %s\n", Step, After,
               ModelViolations(), Text);
        return false;
    }
    return true;
}

int main(void)
{
    int Passed = 0, Failed = 0;
    char Why[512];
    ModelSetSectionBytes((uint64_t)PHYS_PAGES * PAGE);
    if (!HostPhysCreate((uint64_t)PHYS_PAGES * PAGE, 0, Why, sizeof(Why))) {
        printf("HostPhysCreate: %s\n", Why);
        return 1;
    }
    Base = (uint8_t *)HostReserve((uint64_t)SPACE_PAGES * PAGE, 77);
    if (Base == NULL) {
        printf("HostReserve failed\n");
        return 1;
    }
    for (size_t p = 0; p < SPACE_PAGES; p++) {
        RefPhys[p] = -1;
    }
    bool Ok = Agrees("reserve", 0) && ModelAllocations(Base, SPACE_PAGES * PAGE) == 1;
    for (int Step = 1; Ok && Step <= STEPS; Step++) {
        uint64_t Kind = Next(10);
        uint64_t Count = 1 + (Next(4) == 0 ? Next(1100) : Next(24));
        uint64_t First = Next(SPACE_PAGES - Count + 1);
        const char *What;
        if (Kind < 5) {
            uint64_t Phys = Next(PHYS_PAGES - Count + 1);
            bool Writable = Next(2) == 0;
            What = "map";
            if (!HostMapRun(Base + First * PAGE, Phys * PAGE, Count * PAGE, Writable)) {
                printf("step %d: HostMapRun(%llu, %llu pages) failed\n", Step,
                       (unsigned long long)First, (unsigned long long)Count);
                Ok = false;
                break;
            }
            for (uint64_t p = 0; p < Count; p++) {
                RefPhys[First + p] = (int64_t)(Phys + p);
                RefWritable[First + p] = Writable;
            }
        } else if (Kind < 9) {
            What = "unmap";
            HostUnmapRun(Base + First * PAGE, Count * PAGE);
            for (uint64_t p = 0; p < Count; p++) {
                RefPhys[First + p] = -1;
            }
        } else {
            What = "protect";
            bool Writable = Next(2) == 0;
            bool AllMapped = true;
            for (uint64_t p = 0; p < Count; p++) {
                AllMapped = AllMapped && RefPhys[First + p] >= 0;
            }
            bool Done = HostProtectRun(Base + First * PAGE, Count * PAGE, Writable);
            if (AllMapped != Done) {
                printf("step %d: HostProtectRun returned %d over %s range\n", Step, Done,
                       AllMapped ? "a mapped" : "a partly unmapped");
                Ok = false;
                break;
            }
            for (uint64_t p = 0; Done && p < Count; p++) {
                RefWritable[First + p] = Writable;
            }
        }
        Ok = Agrees(What, Step);
    }
    printf("[%s] %d random maps, partial unmaps and protections agree with a reference\n",
           Ok ? "  OK  " : " FAIL ", STEPS);
    Ok ? Passed++ : Failed++;

    /* Unmapping everything leaves one placeholder; release leaves nothing. */
    HostUnmapRun(Base, SPACE_PAGES * PAGE);
    for (size_t p = 0; p < SPACE_PAGES; p++) {
        RefPhys[p] = -1;
    }
    Ok = Agrees("unmap all", 0) && ModelAllocations(Base, SPACE_PAGES * PAGE) == 1;
    HostMapRun(Base + 10 * PAGE, 0, 100 * PAGE, true);
    HostRelease(Base, SPACE_PAGES * PAGE);
    Ok = Ok && ModelAllocations(Base, SPACE_PAGES * PAGE) == 0 && ModelViolations() == 0;
    printf("[%s] unmap all coalesces to one placeholder; release frees it\n", Ok ? "  OK  " : " FAIL ");
    Ok ? Passed++ : Failed++;
    HostPhysDestroy();

    printf("%d passed, %d failed\n", Passed, Failed);
    return Failed == 0 ? 0 : 1;
}
