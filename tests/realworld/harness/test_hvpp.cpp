/*
 * test_hvpp.cpp - harness for two files of hvpp (../hvpp/src/hvpp/hvpp/lib/mm/,
 * unchanged): its Windows system memory allocator and its mapping-address reservation.
 *
 *   call                                     checked (Windows-documented behaviour)
 *   system_allocate(100)                     a non-paged block of 100 bytes, tag 'ppvh'
 *   system_allocate_aligned(PAGE_SIZE, 8)    page-aligned (ExAllocatePoolWithTag: PAGE_SIZE
 *                                            or more is page-aligned)
 *   system_allocate_aligned(64, 64)          a whole page, so page-aligned
 *   system_allocate_aligned(64, 8)           64 bytes, 16-byte aligned (x64 pool)
 *   system_free(nullptr)                     nothing; system_free(p) frees with the tag
 *   system_allocate, pool failure            nullptr
 *   mapper_allocate(3 pages)                 a reservation of 3 pages, tag 'mpvh', which
 *                                            MmMapLockedPagesWithReservedMapping maps an
 *                                            MDL into; mapper_free releases it
 *   mapper_allocate, no system PTEs          nullptr (injected)
 *
 * Harness adaptation: the two files declare their functions in hvpp's own headers (not
 * vendored: they bring the hypervisor's ia32 layer); the harness declares the same.
 */
#include <mmsim_cmocka.h>
#include "rw_kit.h"

namespace mm::detail {
auto system_allocate(size_t size) noexcept -> void *;
auto system_allocate_aligned(size_t size, size_t alignment) noexcept -> void *;
void system_free(void *address) noexcept;
void *mapper_allocate(size_t size) noexcept;
void mapper_free(void *va) noexcept;
} // namespace mm::detail

namespace {

using namespace mm::detail;

const ULONG MemoryTag = 'ppvh';
const ULONG MappingTag = 'mpvh';

bool Aligned(void *Va, ULONG_PTR To)
{
    return (reinterpret_cast<ULONG_PTR>(Va) & (To - 1)) == 0;
}

SIM_TEST(AllocatorUsesTaggedNonPagedPool)
{
    void *Block = system_allocate(100);
    assert_non_null(Block);
    SIM_POOL_TAG_USAGE Usage = TagUsage(MemoryTag);
    assert_int_equal(Usage.Allocs, 1);
    assert_false(Usage.Paged);
    assert_int_equal(Usage.Bytes, 100);
    system_free(nullptr);
    assert_int_equal(TagUsage(MemoryTag).Frees, 0);
    system_free(Block);
    assert_int_equal(TagUsage(MemoryTag).Frees, 1);
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(AlignedAllocationsFollowThePoolsAlignment)
{
    struct {
        size_t Size, Alignment, Bytes;
        ULONG_PTR Expected;
    } const Cases[] = {
        /* size          alignment  bytes taken  aligned to */
        {PAGE_SIZE,      8,         PAGE_SIZE,   PAGE_SIZE},
        {3 * PAGE_SIZE,  4096,      3 * PAGE_SIZE, PAGE_SIZE},
        {64,             64,        PAGE_SIZE,   PAGE_SIZE},
        {64,             8,         64,          16},
    };
    for (const auto &Case : Cases) {
        void *Block = system_allocate_aligned(Case.Size, Case.Alignment);
        assert_non_null(Block);
        assert_true(Aligned(Block, Case.Expected));
        assert_int_equal(TagUsage(MemoryTag).Bytes, Case.Bytes);
        system_free(Block);
    }
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(AllocatorWithoutPoolReturnsNull)
{
    SimFailNthCall(SimFaultPool, 1);
    assert_null(system_allocate(100));
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(MapperReservesMappingAddresses)
{
    const size_t Bytes = 3 * PAGE_SIZE;
    void *Reserved = mapper_allocate(Bytes);
    assert_non_null(Reserved);
    assert_true(Aligned(Reserved, PAGE_SIZE));
    SIM_RESERVATION_INFO Info;
    assert_true(SimQueryReservation(Reserved, &Info));
    assert_int_equal(Info.Pages, 3);
    assert_int_equal(Info.Tag, MappingTag);

    /* The reservation takes a locked MDL's pages. */
    PVOID Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, Bytes, 'fubH');
    assert_non_null(Buffer);
    memset(Buffer, 0x5A, Bytes);
    PMDL Mdl = IoAllocateMdl(Buffer, (ULONG)Bytes, FALSE, FALSE, nullptr);
    assert_non_null(Mdl);
    MmBuildMdlForNonPagedPool(Mdl);
    PVOID Va = MmMapLockedPagesWithReservedMapping(Reserved, MappingTag, Mdl, MmCached);
    assert_ptr_equal(Va, Reserved);
    assert_int_equal(static_cast<UCHAR *>(Va)[2 * PAGE_SIZE + 7], 0x5A);
    MmUnmapReservedMapping(Va, MappingTag, Mdl);
    IoFreeMdl(Mdl);
    ExFreePoolWithTag(Buffer, 'fubH');

    mapper_free(Reserved);
    assert_false(SimQueryReservation(Reserved, &Info));
    assert_true(SimIsClean(nullptr, 0));
}

SIM_TEST(MapperWithoutAddressesReturnsNull)
{
    SimFailNthCall(SimFaultAllocateMappingAddress, 1);
    assert_null(mapper_allocate(PAGE_SIZE));
    assert_true(SimIsClean(nullptr, 0));
}

} // namespace

int main()
{
    return SimRunTests("realworld: hvpp system_memory_allocator.cpp, memory_mapper.cpp",
                       nullptr, nullptr);
}
