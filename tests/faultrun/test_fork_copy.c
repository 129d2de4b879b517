/*
 * test_fork_copy.c - what a forked child's private copy of the machine holds
 * (docs/hosts.md, "fork"), as the fault runner's forks rely on it.
 *
 *   parent: RAM page 'P', device register 0x11 ── fork ── child: the same
 *   values, through every mapping it had, each still what it was:
 *     RAM views       -> the child's copy of RAM
 *     device views    -> the child's copy of device memory (not RAM)
 *   the child writes 'C' / 0x22; the parent still reads 'P' / 0x11
 */
#define _POSIX_C_SOURCE 200809L /* fork, pipe under -std=c11 */

#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include <mmsim_cmocka.h>

#define BAR_BASE  0xF0000000ll
#define BAR_BYTES 0x4000
#define CHILD_ALARM_SECONDS 20

static int DeviceSetup(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.DeviceRangeCount = 1;
    Config.DeviceRanges[0] = (SIM_DEVICE_RANGE){(ULONG64)BAR_BASE, BAR_BYTES, "bar0"};
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

#define DEVICE_TEST(Name) SIM_TEST_F(Name, DeviceSetup, SimTestTeardownDefault)

static bool AllBytes(const volatile UCHAR *Bytes, size_t Size, UCHAR Value)
{
    for (size_t i = 0; i < Size; i++) {
        if (Bytes[i] != Value) {
            return false;
        }
    }
    return true;
}

typedef struct _VIEWS {
    volatile UCHAR *Ram;    /* one page of non-paged pool */
    volatile UCHAR *Device; /* all of bar0, mapped twice */
    volatile UCHAR *DeviceAgain;
} VIEWS;

/* Exit 1: the child's RAM view showed other contents than the parent's at
 * the fork; 2, 3: its first, second device view did; 4: its two device
 * views no longer alias. */
static void ReadAndWriteInChild(void *Context)
{
    VIEWS *V = (VIEWS *)Context;
    if (!AllBytes(V->Ram, PAGE_SIZE, 'P')) {
        _exit(1);
    }
    if (!AllBytes(V->Device, BAR_BYTES, 0x11)) {
        _exit(2);
    }
    if (!AllBytes(V->DeviceAgain, BAR_BYTES, 0x11)) {
        _exit(3);
    }
    memset((void *)V->Ram, 'C', PAGE_SIZE);
    memset((void *)V->Device, 0x22, BAR_BYTES);
    _exit(AllBytes(V->DeviceAgain, BAR_BYTES, 0x22) ? 0 : 4);
}

DEVICE_TEST(ChildCopiesRamAndDeviceMemoryEachToItsOwn)
{
    VIEWS V;
    V.Ram = (volatile UCHAR *)ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'kroF');
    V.Device = (volatile UCHAR *)MmMapIoSpace(SimPhysical(BAR_BASE), BAR_BYTES, MmNonCached);
    V.DeviceAgain = (volatile UCHAR *)MmMapIoSpace(SimPhysical(BAR_BASE), BAR_BYTES, MmNonCached);
    assert_non_null(V.Ram);
    assert_non_null(V.Device);
    assert_non_null(V.DeviceAgain);
    memset((void *)V.Ram, 'P', PAGE_SIZE);
    memset((void *)V.Device, 0x11, BAR_BYTES);

    SIM_CHILD R;
    assert_true(SimRunChild(ReadAndWriteInChild, &V, CHILD_ALARM_SECONDS, &R));
    SIM_EXPECT_CHILD_EXIT(&R, 0);
    assert_true(AllBytes(V.Ram, PAGE_SIZE, 'P'));
    assert_true(AllBytes(V.Device, BAR_BYTES, 0x11));

    MmUnmapIoSpace((PVOID)V.DeviceAgain, BAR_BYTES);
    MmUnmapIoSpace((PVOID)V.Device, BAR_BYTES);
    ExFreePoolWithTag((PVOID)V.Ram, 'kroF');
}

int main(void)
{
    return SimRunTests("fork_copy", NULL, NULL);
}
