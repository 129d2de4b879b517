/*
 * test_wkp_enumproc.c - harness for "Windows Kernel Programming" 2nd ed.'s EnumProc
 * driver (../windowskernelprogrammingbook2e/Chapter08/EnumProc/EnumProc.cpp, unchanged,
 * C++; survey25): DriverEntry asks ZwQuerySystemInformation for the size of the
 * process list, allocates that plus a page of slack from paged pool, queries again
 * into it, prints the list, frees the block and returns STATUS_UNSUCCESSFUL (the
 * driver never stays loaded).
 *
 *   run                                     checked
 *   size query                              (NULL, 0, &Size): the file adds 4096 to Size
 *   the buffer of the second query          one live paged block tagged 'cprP' of exactly
 *                                           Size + 4096 bytes, all zero (ExAllocatePool2)
 *   second query fails (the list grew:      the block freed, nothing left;
 *   STATUS_INFO_LENGTH_MISMATCH)            DriverEntry STATUS_UNSUCCESSFUL
 *   pool failure (injected)                 no second query, nothing allocated
 *
 * Harness adaptation: the file declares ZwQuerySystemInformation itself (it is not
 * in the WDK's headers); the harness defines it. The successful second query is not
 * run: the file passes the image name's UNICODE_STRING by value to DbgPrint's %wZ,
 * which the Windows x64 calling convention turns into a pointer to a copy (structures
 * over 8 bytes go by reference) and the System V one does not.
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's: extern "C" in EnumProc.cpp */

#define ENUMPROC_TAG 'cprP'
#define LIST_BYTES 3000 /* the size the first query reports */

static struct {
    ULONG Calls;
    ULONG SecondSize;
    SIM_POOL_BLOCK_INFO Block; /* the pool block the second query was given */
    BOOLEAN Found;
    BOOLEAN AllZero;
} Seen;

/* The file's prototype: extern "C" NTSTATUS ZwQuerySystemInformation(
 * SYSTEM_INFORMATION_CLASS, PVOID, ULONG, PULONG), its enum being an int. */
NTSTATUS ZwQuerySystemInformation(ULONG Class, PVOID Buffer, ULONG Size, PULONG Length);
NTSTATUS ZwQuerySystemInformation(ULONG Class, PVOID Buffer, ULONG Size, PULONG Length)
{
    assert_int_equal(Class, 5); /* SystemProcessInformation */
    if (++Seen.Calls == 1) {
        assert_null(Buffer);
        assert_int_equal(Size, 0);
        assert_non_null(Length);
        *Length = LIST_BYTES;
        return STATUS_INFO_LENGTH_MISMATCH;
    }
    Seen.SecondSize = Size;
    SIM_POOL_BLOCK_INFO Blocks[64];
    ULONG Count = SimEnumPoolBlocks(Blocks, RTL_NUMBER_OF(Blocks));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Blocks); i++) {
        if (Blocks[i].Va == Buffer) {
            Seen.Block = Blocks[i];
            Seen.Found = TRUE;
        }
    }
    Seen.AllZero = TRUE;
    for (ULONG b = 0; b < Size; b++) {
        Seen.AllZero &= ((PUCHAR)Buffer)[b] == 0;
    }
    return STATUS_INFO_LENGTH_MISMATCH; /* processes appeared since the size query */
}

SIM_TEST(QueriesIntoAPagedBlockOfTheSizePlusAPage)
{
    (void)State;
    memset(&Seen, 0, sizeof(Seen));
    assert_int_equal(DriverEntry(NULL, NULL), STATUS_UNSUCCESSFUL);
    assert_int_equal(Seen.Calls, 2);
    assert_int_equal(Seen.SecondSize, LIST_BYTES + 4096);
    assert_true(Seen.Found);
    assert_int_equal(Seen.Block.Size, LIST_BYTES + 4096);
    assert_int_equal(Seen.Block.Tag, ENUMPROC_TAG);
    assert_true(Seen.Block.Paged);
    assert_true(Seen.AllZero);
    SIM_POOL_TAG_USAGE Usage = TagUsage(ENUMPROC_TAG);
    assert_int_equal(Usage.Allocs, 1);
    assert_int_equal(Usage.Frees, 1);
    assert_int_equal(Usage.Bytes, 0);
}

SIM_TEST(WithoutPoolNothingIsQueriedOrLeft)
{
    (void)State;
    memset(&Seen, 0, sizeof(Seen));
    SimFailNthCall(SimFaultPool, 1);
    assert_int_equal(DriverEntry(NULL, NULL), STATUS_UNSUCCESSFUL);
    assert_int_equal(Seen.Calls, 1);
    assert_int_equal(TagUsage(ENUMPROC_TAG).Allocs, 0);
}

int main(void)
{
    return SimRunTests("realworld: Windows Kernel Programming's EnumProc", NULL, NULL);
}
