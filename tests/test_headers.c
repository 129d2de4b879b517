/*
 * test_headers.c - the WDK surface (wdm.h, ntddk.h) spells every value and
 * layout as the WDK does.
 *
 * Each table row is one documented fact from docs/ddi-contract.md (section named in
 * the row's comment); the expected values are written out as literal numbers,
 * never derived from the header under test, so a wrong value in a header makes
 * its row fail.
 */
#include <stdbool.h>

#include <mmsim_cmocka.h>

typedef struct _NAMED_VALUE {
    const char *Name;
    unsigned long long Got;      /* the header's value */
    unsigned long long Expected; /* the documented value */
} NAMED_VALUE;

#define ROW(Name, Expected) {#Name, (unsigned long long)(Name), (unsigned long long)(Expected)}

static void CheckTable(const NAMED_VALUE *Rows, size_t Count)
{
    int Failures = 0;
    for (size_t i = 0; i < Count; i++) {
        if (Rows[i].Got != Rows[i].Expected) {
            print_error("%s is 0x%llX, documented 0x%llX\n", Rows[i].Name, Rows[i].Got,
                        Rows[i].Expected);
            Failures++;
        }
    }
    assert_int_equal(Failures, 0);
}

#define CHECK_TABLE(Rows) CheckTable((Rows), sizeof(Rows) / sizeof((Rows)[0]))

/* ------------------------------------------------------------------------ */
/* 2.2 MdlFlags.                                                             */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(MdlFlagValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(MDL_MAPPED_TO_SYSTEM_VA, 0x0001),
        ROW(MDL_PAGES_LOCKED, 0x0002),
        ROW(MDL_SOURCE_IS_NONPAGED_POOL, 0x0004),
        ROW(MDL_ALLOCATED_FIXED_SIZE, 0x0008),
        ROW(MDL_PARTIAL, 0x0010),
        ROW(MDL_PARTIAL_HAS_BEEN_MAPPED, 0x0020),
        ROW(MDL_IO_PAGE_READ, 0x0040),
        ROW(MDL_WRITE_OPERATION, 0x0080),
        ROW(MDL_LOCKED_PAGE_TABLES, 0x0100),
        ROW(MDL_PARENT_MAPPED_SYSTEM_VA, 0x0100), /* alias of MDL_LOCKED_PAGE_TABLES */
        ROW(MDL_FREE_EXTRA_PTES, 0x0200),
        ROW(MDL_DESCRIBES_AWE, 0x0400),
        ROW(MDL_IO_SPACE, 0x0800),
        ROW(MDL_NETWORK_HEADER, 0x1000),
        ROW(MDL_MAPPING_CAN_FAIL, 0x2000),
        ROW(MDL_PAGE_CONTENTS_INVARIANT, 0x4000),
        ROW(MDL_ALLOCATED_MUST_SUCCEED, 0x4000), /* alias of MDL_PAGE_CONTENTS_INVARIANT */
        ROW(MDL_INTERNAL, 0x8000),
    };
    CHECK_TABLE(Rows);
}

/* ------------------------------------------------------------------------ */
/* 2.3 MEMORY_CACHING_TYPE, MM_PAGE_PRIORITY and the MdlMapping* bits.        */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(CachingAndPriorityValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(MmNonCached, 0),
        ROW(MmCached, 1),
        ROW(MmWriteCombined, 2),
        ROW(MmFrameBufferCached, 2),
        ROW(MmHardwareCoherentCached, 3),
        ROW(MmNonCachedUnordered, 4),
        ROW(MmUSWCCached, 5),
        ROW(MmMaximumCacheType, 6),
        ROW(LowPagePriority, 0),
        ROW(NormalPagePriority, 16),
        ROW(HighPagePriority, 32),
        ROW(MdlMappingNoWrite, 0x80000000),
        ROW(MdlMappingNoExecute, 0x40000000),
        ROW(MdlMappingWithGuardPtes, 0x20000000),
        ROW(MM_ANY_NODE_OK, 0x80000000),
        /* 1.11 LOCK_OPERATION, 1 MODE */
        ROW(IoReadAccess, 0),
        ROW(IoWriteAccess, 1),
        ROW(IoModifyAccess, 2),
        ROW(KernelMode, 0),
        ROW(UserMode, 1),
    };
    CHECK_TABLE(Rows);
    /* MmNotMapped is -1: a signed enumerator, not 0xFFFFFFFF. */
    assert_true((int)MmNotMapped == -1);
    assert_true(MmNotMapped < 0);
}

/* ------------------------------------------------------------------------ */
/* 1.15 POOL_TYPE and POOL_FLAG_*.                                           */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(PoolTypeValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(NonPagedPool, 0),
        ROW(NonPagedPoolExecute, 0),
        ROW(PagedPool, 1),
        ROW(NonPagedPoolMustSucceed, 2),
        ROW(DontUseThisType, 3),
        ROW(NonPagedPoolCacheAligned, 4),
        ROW(PagedPoolCacheAligned, 5),
        ROW(NonPagedPoolCacheAlignedMustS, 6),
        ROW(MaxPoolType, 7),
        ROW(NonPagedPoolSession, 32),
        ROW(PagedPoolSession, 33),
        ROW(NonPagedPoolMustSucceedSession, 34),
        ROW(DontUseThisTypeSession, 35),
        ROW(NonPagedPoolCacheAlignedSession, 36),
        ROW(PagedPoolCacheAlignedSession, 37),
        ROW(NonPagedPoolCacheAlignedMustSSession, 38),
        ROW(NonPagedPoolNx, 512),
        ROW(NonPagedPoolNxCacheAligned, 516),
        ROW(NonPagedPoolSessionNx, 544),
        ROW(POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, 0x8),
        ROW(POOL_RAISE_IF_ALLOCATION_FAILURE, 0x10),
        ROW(POOL_COLD_ALLOCATION, 0x100),
        ROW(POOL_NX_ALLOCATION, 0x200),
    };
    CHECK_TABLE(Rows);
}

SIM_TEST_F(PoolFlagValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(POOL_FLAG_REQUIRED_START, 0x0000000000000001ULL),
        ROW(POOL_FLAG_USE_QUOTA, 0x0000000000000001ULL),
        ROW(POOL_FLAG_UNINITIALIZED, 0x0000000000000002ULL),
        ROW(POOL_FLAG_SESSION, 0x0000000000000004ULL),
        ROW(POOL_FLAG_CACHE_ALIGNED, 0x0000000000000008ULL),
        ROW(POOL_FLAG_RESERVED1, 0x0000000000000010ULL),
        ROW(POOL_FLAG_RAISE_ON_FAILURE, 0x0000000000000020ULL),
        ROW(POOL_FLAG_NON_PAGED, 0x0000000000000040ULL),
        ROW(POOL_FLAG_NON_PAGED_EXECUTE, 0x0000000000000080ULL),
        ROW(POOL_FLAG_PAGED, 0x0000000000000100ULL),
        ROW(POOL_FLAG_RESERVED2, 0x0000000000000200ULL),
        ROW(POOL_FLAG_RESERVED3, 0x0000000000000400ULL),
        ROW(POOL_FLAG_REQUIRED_END, 0x0000000080000000ULL),
        ROW(POOL_FLAG_OPTIONAL_START, 0x0000000100000000ULL),
        ROW(POOL_FLAG_SPECIAL_POOL, 0x0000000100000000ULL),
        ROW(POOL_FLAG_OPTIONAL_END, 0x8000000000000000ULL),
    };
    CHECK_TABLE(Rows);
    /* POOL_FLAGS is ULONG64: the optional (high) half must survive. */
    POOL_FLAGS Flags = POOL_FLAG_NON_PAGED | POOL_FLAG_OPTIONAL_END;
    assert_true((Flags >> 63) == 1);
    assert_true(sizeof(POOL_FLAGS) == 8);
}

/* ------------------------------------------------------------------------ */
/* 1.7, 1.8, 1.2 Mm flags.                                                   */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(MmFlagValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(MM_DONT_ZERO_ALLOCATION, 0x00000001),
        ROW(MM_ALLOCATE_FROM_LOCAL_NODE_ONLY, 0x00000002),
        ROW(MM_ALLOCATE_FULLY_REQUIRED, 0x00000004),
        ROW(MM_ALLOCATE_NO_WAIT, 0x00000008),
        ROW(MM_ALLOCATE_PREFER_CONTIGUOUS, 0x00000010),
        ROW(MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS, 0x00000020),
        ROW(MM_ALLOCATE_FAST_LARGE_PAGES, 0x00000040),
        ROW(MM_ALLOCATE_TRIM_IF_NECESSARY, 0x00000080),
        ROW(MM_ALLOCATE_AND_HOT_REMOVE, 0x00000100),
        ROW(MM_FREE_MDL_PAGES_ZERO, 0x00000001),
        ROW(MM_MAPPING_ADDRESS_DIVISIBLE, 0x00000001),
    };
    CHECK_TABLE(Rows);
}

/* ------------------------------------------------------------------------ */
/* 1.16 IRQL levels (x64 values).                                            */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(IrqlLevelValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(PASSIVE_LEVEL, 0), ROW(LOW_LEVEL, 0),      ROW(APC_LEVEL, 1),
        ROW(DISPATCH_LEVEL, 2), ROW(CMCI_LEVEL, 5),    ROW(CLOCK_LEVEL, 13),
        ROW(IPI_LEVEL, 14),    ROW(DRS_LEVEL, 14),     ROW(POWER_LEVEL, 14),
        ROW(PROFILE_LEVEL, 15), ROW(HIGH_LEVEL, 15),
    };
    CHECK_TABLE(Rows);
}

/* ------------------------------------------------------------------------ */
/* NTSTATUS values and the severity macros.                                  */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(StatusValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(STATUS_SUCCESS, 0x00000000),
        ROW(STATUS_WAIT_0, 0x00000000),
        ROW(STATUS_ALERTED, 0x00000101),
        ROW(STATUS_TIMEOUT, 0x00000102),
        ROW(STATUS_PENDING, 0x00000103),
        ROW((ULONG)STATUS_BUFFER_OVERFLOW, 0x80000005),
        ROW((ULONG)STATUS_UNSUCCESSFUL, 0xC0000001),
        ROW((ULONG)STATUS_NOT_IMPLEMENTED, 0xC0000002),
        ROW((ULONG)STATUS_ACCESS_VIOLATION, 0xC0000005),
        ROW((ULONG)STATUS_INVALID_PARAMETER, 0xC000000D),
        ROW((ULONG)STATUS_NO_MEMORY, 0xC0000017),
        ROW((ULONG)STATUS_INSUFFICIENT_RESOURCES, 0xC000009A),
        ROW((ULONG)STATUS_NOT_SUPPORTED, 0xC00000BB),
        ROW((ULONG)STATUS_INVALID_PARAMETER_1, 0xC00000EF),
        ROW((ULONG)STATUS_INVALID_PARAMETER_4, 0xC00000F2),
        ROW((ULONG)STATUS_CANCELLED, 0xC0000120),
        ROW((ULONG)STATUS_INVALID_ADDRESS, 0xC0000141),
        ROW((ULONG)STATUS_NOT_FOUND, 0xC0000225),
    };
    CHECK_TABLE(Rows);

    /* NTSTATUS is a signed 32-bit LONG: errors are negative. */
    assert_true(sizeof(NTSTATUS) == 4);
    assert_true(STATUS_ACCESS_VIOLATION < 0);

    /* NT_SUCCESS is "not negative": success and informational pass,
     * warnings and errors fail. */
    static const struct {
        NTSTATUS Status;
        bool Success, Information, Warning, Error;
    } Severity[] = {
        {STATUS_SUCCESS, true, false, false, false},
        {STATUS_TIMEOUT, true, false, false, false},
        {STATUS_PENDING, true, false, false, false},
        {(NTSTATUS)0x40000000L, true, true, false, false},
        {STATUS_BUFFER_OVERFLOW, false, false, true, false},
        {STATUS_NO_MORE_ENTRIES, false, false, true, false},
        {STATUS_UNSUCCESSFUL, false, false, false, true},
        {STATUS_INSUFFICIENT_RESOURCES, false, false, false, true},
    };
    for (size_t i = 0; i < sizeof(Severity) / sizeof(Severity[0]); i++) {
        NTSTATUS S = Severity[i].Status;
        assert_int_equal(!!NT_SUCCESS(S), Severity[i].Success);
        assert_int_equal(!!NT_INFORMATION(S), Severity[i].Information);
        assert_int_equal(!!NT_WARNING(S), Severity[i].Warning);
        assert_int_equal(!!NT_ERROR(S), Severity[i].Error);
    }
}

/* ------------------------------------------------------------------------ */
/* Section 3: bug check codes.                                               */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(BugCheckCodeValues, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(IRQL_NOT_GREATER_OR_EQUAL, 0x09),
        ROW(IRQL_NOT_LESS_OR_EQUAL, 0x0A),
        ROW(MEMORY_MANAGEMENT, 0x1A),
        ROW(KMODE_EXCEPTION_NOT_HANDLED, 0x1E),
        ROW(NO_MORE_SYSTEM_PTES, 0x3F),
        ROW(TARGET_MDL_TOO_SMALL, 0x40),
        ROW(IRQL_GT_ZERO_AT_SYSTEM_SERVICE, 0x4A),
        ROW(PFN_LIST_CORRUPT, 0x4E),
        ROW(PAGE_FAULT_IN_NONPAGED_AREA, 0x50),
        ROW(PROCESS_HAS_LOCKED_PAGES, 0x76),
        ROW(ATTEMPTED_WRITE_TO_READONLY_MEMORY, 0xBE),
        ROW(BAD_POOL_CALLER, 0xC2),
        ROW(DRIVER_VERIFIER_DETECTED_VIOLATION, 0xC4),
        ROW(TIMER_OR_DPC_INVALID, 0xC7),
        ROW(DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS, 0xCB),
        ROW(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS, 0xCE),
        ROW(DRIVER_IRQL_NOT_LESS_OR_EQUAL, 0xD1),
        ROW(DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL, 0xD5),
        ROW(DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION, 0xD6),
        ROW(DRIVER_USED_EXCESSIVE_PTES, 0xD8),
        ROW(SYSTEM_PTE_MISUSE, 0xDA),
        ROW(INVALID_MDL_RANGE, 0x12E),
        ROW(KERNEL_MODE_HEAP_CORRUPTION, 0x13A),
    };
    CHECK_TABLE(Rows);
}

/* ------------------------------------------------------------------------ */
/* 1 Common types: Windows is LLP64 on every host.                           */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(TypeSizes, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(sizeof(CHAR), 1),       ROW(sizeof(UCHAR), 1),     ROW(sizeof(BOOLEAN), 1),
        ROW(sizeof(KIRQL), 1),      ROW(sizeof(CCHAR), 1),     ROW(sizeof(KPROCESSOR_MODE), 1),
        ROW(sizeof(SHORT), 2),      ROW(sizeof(USHORT), 2),    ROW(sizeof(CSHORT), 2),
        ROW(sizeof(LONG), 4),       ROW(sizeof(ULONG), 4),     ROW(sizeof(NTSTATUS), 4),
        ROW(sizeof(PFN_COUNT), 4),  ROW(sizeof(LOGICAL), 4),   ROW(sizeof(LONGLONG), 8),
        ROW(sizeof(ULONGLONG), 8),  ROW(sizeof(ULONG64), 8),   ROW(sizeof(ULONG_PTR), 8),
        ROW(sizeof(LONG_PTR), 8),   ROW(sizeof(SIZE_T), 8),    ROW(sizeof(PFN_NUMBER), 8),
        ROW(sizeof(PVOID), 8),      ROW(sizeof(KSPIN_LOCK), 8), ROW(sizeof(POOL_FLAGS), 8),
        ROW(sizeof(PHYSICAL_ADDRESS), 8), ROW(sizeof(LARGE_INTEGER), 8),
        ROW(sizeof(LIST_ENTRY), 16), ROW(sizeof(UNICODE_STRING), 16),
    };
    CHECK_TABLE(Rows);
    /* Signedness: LONG and CSHORT are signed, ULONG is not. */
    assert_true((LONG)-1 < 0);
    assert_true((CSHORT)-1 < 0);
    assert_true((ULONG)-1 > 0);
    assert_true((ULONG)-1 == 0xFFFFFFFFu);
    /* LARGE_INTEGER: LowPart is the low half, HighPart the (signed) high half. */
    LARGE_INTEGER Li;
    Li.QuadPart = -2;
    assert_true(Li.LowPart == 0xFFFFFFFEu);
    assert_true(Li.HighPart == -1);
    assert_true(Li.u.LowPart == Li.LowPart);
}

/* ------------------------------------------------------------------------ */
/* 2.1 MDL layout (x64).                                                     */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(MdlLayout, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(sizeof(MDL), 0x30),
        ROW(offsetof(MDL, Next), 0x00),
        ROW(offsetof(MDL, Size), 0x08),
        ROW(offsetof(MDL, MdlFlags), 0x0A),
        ROW(offsetof(MDL, Process), 0x10),
        ROW(offsetof(MDL, MappedSystemVa), 0x18),
        ROW(offsetof(MDL, StartVa), 0x20),
        ROW(offsetof(MDL, ByteCount), 0x28),
        ROW(offsetof(MDL, ByteOffset), 0x2C),
        ROW(FIELD_OFFSET(MDL, ByteOffset), 0x2C),
        ROW(RTL_FIELD_SIZE(MDL, Size), 2),
        ROW(RTL_FIELD_SIZE(MDL, MdlFlags), 2),
        ROW(RTL_FIELD_SIZE(MDL, ByteCount), 4),
        ROW(RTL_FIELD_SIZE(MDL, ByteOffset), 4),
    };
    CHECK_TABLE(Rows);
}

/* ------------------------------------------------------------------------ */
/* 2.4 Page constants and macros.                                            */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(PageConstants, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(PAGE_SIZE, 0x1000),
        ROW(PAGE_SHIFT, 12),
    };
    CHECK_TABLE(Rows);
}

SIM_TEST_F(ByteOffsetAndPageAlign, NULL, NULL)
{
    (void)State;
    static const struct {
        ULONG_PTR Va;
        ULONG ByteOffset;
        ULONG_PTR PageAlign;
    } Rows[] = {
        {0x0, 0x0, 0x0},
        {0x1, 0x1, 0x0},
        {0xFFF, 0xFFF, 0x0},
        {0x1000, 0x0, 0x1000},
        {0x12345678, 0x678, 0x12345000},
        /* A kernel address: the high bits survive PAGE_ALIGN. */
        {0xFFFF800012345678ull, 0x678, 0xFFFF800012345000ull},
        {0xFFFFFFFFFFFFFFFFull, 0xFFF, 0xFFFFFFFFFFFFF000ull},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        PVOID Va = (PVOID)Rows[i].Va;
        assert_int_equal(BYTE_OFFSET(Va), Rows[i].ByteOffset);
        assert_true(sizeof(BYTE_OFFSET(Va)) == sizeof(ULONG));
        assert_true((ULONG_PTR)PAGE_ALIGN(Va) == Rows[i].PageAlign);
    }
}

SIM_TEST_F(BytesToPages, NULL, NULL)
{
    (void)State;
    /* Written as shift plus remainder so the top of the range cannot wrap. */
    static const struct {
        ULONG_PTR Size;
        ULONG_PTR Pages;
    } Rows[] = {
        {0, 0},
        {1, 1},
        {0xFFF, 1},
        {0x1000, 1},
        {0x1001, 2},
        {0x10000, 16},
        {0xFFFFFFFFull, 0x100000},
        {0xFFFFFFFFFFFFF000ull, 0xFFFFFFFFFFFFFull},
        {0xFFFFFFFFFFFFF001ull, 0x10000000000000ull},
        {~0ull, 0x10000000000000ull},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        ULONG_PTR Size = Rows[i].Size;
        if ((ULONG_PTR)BYTES_TO_PAGES(Size) != Rows[i].Pages) {
            fail_msg("BYTES_TO_PAGES(0x%llX) = 0x%llX, expected 0x%llX",
                     (unsigned long long)Size, (unsigned long long)BYTES_TO_PAGES(Size),
                     (unsigned long long)Rows[i].Pages);
        }
    }
}

SIM_TEST_F(RoundToPages, NULL, NULL)
{
    (void)State;
    static const struct {
        ULONG_PTR Size;
        ULONG_PTR Rounded;
    } Rows[] = {
        {0, 0},
        {1, 0x1000},
        {0x1000, 0x1000},
        {0x1001, 0x2000},
        {0x7FFFF, 0x80000},
        {0xFFFFFFFFFFFFF000ull, 0xFFFFFFFFFFFFF000ull},
        /* The WDK macro wraps for sizes in the last page of the range. */
        {0xFFFFFFFFFFFFF001ull, 0},
        {~0ull, 0},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        if ((ULONG_PTR)ROUND_TO_PAGES(Rows[i].Size) != Rows[i].Rounded) {
            fail_msg("ROUND_TO_PAGES(0x%llX) = 0x%llX, expected 0x%llX",
                     (unsigned long long)Rows[i].Size,
                     (unsigned long long)ROUND_TO_PAGES(Rows[i].Size),
                     (unsigned long long)Rows[i].Rounded);
        }
    }
}

SIM_TEST_F(SpanPages, NULL, NULL)
{
    (void)State;
    /* ((Va & 0xFFF) + Size + 0xFFF) >> 12: the byte offset counts. */
    static const struct {
        ULONG_PTR Va;
        SIZE_T Size;
        ULONG Pages;
    } Rows[] = {
        {0x0, 0, 0},
        {0x0, 1, 1},
        {0x0, 0x1000, 1},
        {0x0, 0x1001, 2},
        {0xFFF, 1, 1},
        {0xFFF, 2, 2},
        {0x800, 0x1000, 2},
        {0x800, 0x800, 1},
        {0x800, 0x801, 2},
        {0x10, 0x2000, 3},
        {0x5000, 0x3000, 3},
        {0xFFFF800000000FF0ull, 0x20, 2},
        {0x0, 0xFFFFF000ull, 0xFFFFF}, /* 4 GB - PAGE_SIZE, the DDI maximum */
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        PVOID Va = (PVOID)Rows[i].Va;
        ULONG Got = ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Rows[i].Size);
        if (Got != Rows[i].Pages) {
            fail_msg("ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x%llX, 0x%llX) = %u, expected %u",
                     (unsigned long long)Rows[i].Va, (unsigned long long)Rows[i].Size, Got,
                     Rows[i].Pages);
        }
        assert_int_equal(COMPUTE_PAGES_SPANNED(Va, Rows[i].Size), Rows[i].Pages);
        assert_true(sizeof(ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Rows[i].Size)) == sizeof(ULONG));
    }
}

SIM_TEST_F(AlignBy, NULL, NULL)
{
    (void)State;
    static const struct {
        ULONG_PTR Value, Alignment, Down, Up;
    } Rows[] = {
        {0, 16, 0, 0},
        {1, 16, 0, 16},
        {15, 16, 0, 16},
        {16, 16, 16, 16},
        {17, 16, 16, 32},
        {0x1234, 0x100, 0x1200, 0x1300},
        {0x1200, 0x100, 0x1200, 0x1200},
        {0x12345, 0x1000, 0x12000, 0x13000},
        /* KMT 9: mapping at Mapping + 4 aligns down to Mapping. */
        {0xFFFF800000010004ull, 16, 0xFFFF800000010000ull, 0xFFFF800000010010ull},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        assert_true(ALIGN_DOWN_BY(Rows[i].Value, Rows[i].Alignment) == Rows[i].Down);
        assert_true(ALIGN_UP_BY(Rows[i].Value, Rows[i].Alignment) == Rows[i].Up);
        PVOID P = (PVOID)Rows[i].Value;
        assert_true((ULONG_PTR)ALIGN_DOWN_POINTER_BY(P, Rows[i].Alignment) == Rows[i].Down);
        assert_true((ULONG_PTR)ALIGN_UP_POINTER_BY(P, Rows[i].Alignment) == Rows[i].Up);
    }
}

/* ------------------------------------------------------------------------ */
/* 1.10 MmInitializeMdl and 1.13 the accessor macros.                        */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(InitializeMdlFields, NULL, NULL)
{
    (void)State;
    static const struct {
        ULONG_PTR BaseVa;
        SIZE_T Length;
        ULONG Pages;
    } Rows[] = {
        {0x10000000, 0x1000, 1},
        {0x10000000, 0x1, 1},
        {0x10000800, 0x1000, 2},
        {0x10000800, 0x2000, 3},
        {0xFFFF800012345678ull, 0x10, 1},
        {0xFFFF800012345FF8ull, 0x10, 2},
        {0x20000000, 0x10000, 16},
        {0x20000000, 0, 0},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        /* Storage for the header and up to 16 PFNs. */
        ULONG_PTR Storage[(sizeof(MDL) + 16 * sizeof(PFN_NUMBER)) / sizeof(ULONG_PTR)];
        PMDL Mdl = (PMDL)Storage;
        PVOID BaseVa = (PVOID)Rows[i].BaseVa;
        memset(Storage, 0xCC, sizeof(Storage));
        Mdl->Process = (PEPROCESS)(ULONG_PTR)0x1111;
        Mdl->MappedSystemVa = (PVOID)(ULONG_PTR)0x2222;

        MmInitializeMdl(Mdl, BaseVa, Rows[i].Length);

        assert_null(Mdl->Next);
        /* Size = 48-byte header + 8 bytes per page spanned. */
        assert_int_equal(Mdl->Size, 48 + 8 * Rows[i].Pages);
        assert_int_equal(Mdl->MdlFlags, 0);
        assert_true((ULONG_PTR)Mdl->StartVa == (Rows[i].BaseVa & ~(ULONG_PTR)0xFFF));
        assert_int_equal(Mdl->ByteOffset, Rows[i].BaseVa & 0xFFF);
        assert_int_equal(Mdl->ByteCount, Rows[i].Length);
        /* Process and MappedSystemVa are not the macro's business. */
        assert_true(Mdl->Process == (PEPROCESS)(ULONG_PTR)0x1111);
        assert_true(Mdl->MappedSystemVa == (PVOID)(ULONG_PTR)0x2222);

        /* Accessors. */
        assert_ptr_equal(MmGetMdlVirtualAddress(Mdl), BaseVa);
        assert_int_equal(MmGetMdlByteCount(Mdl), Rows[i].Length);
        assert_int_equal(MmGetMdlByteOffset(Mdl), Rows[i].BaseVa & 0xFFF);
        assert_ptr_equal(MmGetMdlBaseVa(Mdl), Mdl->StartVa);
        /* The PFN array follows the 0x30-byte header directly. */
        assert_ptr_equal((PVOID)MmGetMdlPfnArray(Mdl), (PVOID)((PUCHAR)Mdl + 0x30));
        assert_int_equal(ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl),
                                                        MmGetMdlByteCount(Mdl)),
                         Rows[i].Pages);
    }
}

/* ------------------------------------------------------------------------ */
/* Multi-character pool tags: 'gaTM' is the ULONG 0x6761544D, which reads   */
/* "MTag" in memory on a little-endian machine, as in a pool dump.           */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(MultiCharacterTag, NULL, NULL)
{
    (void)State;
    ULONG Tag = 'gaTM';
    assert_true(Tag == 0x6761544Du);
    assert_memory_equal(&Tag, "MTag", 4);
    assert_true((ULONG)'Mirm' == 0x4D69726Du);
}

/* ------------------------------------------------------------------------ */
/* Small WDK helpers used with these values.                                 */
/* ------------------------------------------------------------------------ */
typedef struct _OUTER {
    ULONG A;
    LIST_ENTRY Link;
} OUTER;

SIM_TEST_F(ListAndRecordHelpers, NULL, NULL)
{
    (void)State;
    OUTER Items[3];
    LIST_ENTRY Head;
    InitializeListHead(&Head);
    assert_true(IsListEmpty(&Head));
    for (ULONG i = 0; i < 3; i++) {
        Items[i].A = i;
        InsertTailList(&Head, &Items[i].Link);
    }
    assert_false(IsListEmpty(&Head));
    /* FIFO order through CONTAINING_RECORD. */
    for (ULONG i = 0; i < 3; i++) {
        PLIST_ENTRY Entry = RemoveHeadList(&Head);
        assert_int_equal(CONTAINING_RECORD(Entry, OUTER, Link)->A, i);
    }
    assert_true(IsListEmpty(&Head));
    ULONG Array[7];
    assert_int_equal(RTL_NUMBER_OF(Array), 7);
    assert_int_equal(ARRAYSIZE(Array), 7);
}

/* ------------------------------------------------------------------------ */
/* basetsd.h and ntdef.h types: size and signedness (x64).                   */
/* ------------------------------------------------------------------------ */
#define SIGNED(T) ((T)-1 < (T)1)
SIM_TEST_F(BasetsdTypes, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Sizes[] = {
        ROW(sizeof(INT8), 1),     ROW(sizeof(UINT8), 1),     ROW(sizeof(INT16), 2),
        ROW(sizeof(UINT16), 2),   ROW(sizeof(INT32), 4),     ROW(sizeof(UINT32), 4),
        ROW(sizeof(INT64), 8),    ROW(sizeof(UINT64), 8),    ROW(sizeof(LONG32), 4),
        ROW(sizeof(ULONG32), 4),  ROW(sizeof(DWORD32), 4),   ROW(sizeof(LONG64), 8),
        ROW(sizeof(DWORD64), 8),  ROW(sizeof(INT_PTR), 8),   ROW(sizeof(UINT_PTR), 8),
        ROW(sizeof(DWORD_PTR), 8), ROW(sizeof(SSIZE_T), 8),  ROW(sizeof(KAFFINITY), 8),
        ROW(sizeof(HALF_PTR), 4), ROW(sizeof(UHALF_PTR), 4), ROW(sizeof(CLONG), 4),
        ROW(sizeof(__int64), 8),  ROW(sizeof(__int32), 4),   ROW(sizeof(__int16), 2),
        ROW(sizeof(__int8), 1),   ROW(sizeof(ULARGE_INTEGER), 8),
    };
    CHECK_TABLE(Sizes);
    static const NAMED_VALUE Signedness[] = {
        ROW(SIGNED(INT8), 1),     ROW(SIGNED(UINT8), 0),     ROW(SIGNED(INT16), 1),
        ROW(SIGNED(UINT16), 0),   ROW(SIGNED(INT32), 1),     ROW(SIGNED(UINT32), 0),
        ROW(SIGNED(INT64), 1),    ROW(SIGNED(UINT64), 0),    ROW(SIGNED(LONG_PTR), 1),
        ROW(SIGNED(ULONG_PTR), 0), ROW(SIGNED(SSIZE_T), 1),  ROW(SIGNED(SIZE_T), 0),
        ROW(SIGNED(DWORD64), 0),  ROW(SIGNED(LONG64), 1),
    };
    CHECK_TABLE(Signedness);
    static const NAMED_VALUE Limits[] = {
        ROW(MAXUINT_PTR, 0xFFFFFFFFFFFFFFFFull), ROW(MAXINT_PTR, 0x7FFFFFFFFFFFFFFFull),
        ROW(MAXUINT32, 0xFFFFFFFFull),           ROW(MAXINT8, 0x7F),
        ROW(MAXULONG64, 0xFFFFFFFFFFFFFFFFull),  ROW(MAXLONG64, 0x7FFFFFFFFFFFFFFFull),
    };
    CHECK_TABLE(Limits);
}
#undef SIGNED

/* ------------------------------------------------------------------------ */
/* LARGE_INTEGER: the WDK's member order (anonymous struct, u, QuadPart).     */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(LargeIntegerShape, NULL, NULL)
{
    (void)State;
    static const LARGE_INTEGER FirstMemberIsParts = {5, -1};
    static const ULARGE_INTEGER Unsigned = {~0U, 7};
    const NAMED_VALUE Rows[] = {
        ROW(offsetof(LARGE_INTEGER, LowPart), 0),
        ROW(offsetof(LARGE_INTEGER, HighPart), 4),
        ROW(offsetof(LARGE_INTEGER, u.LowPart), 0),
        ROW(offsetof(LARGE_INTEGER, u.HighPart), 4),
        ROW(offsetof(LARGE_INTEGER, QuadPart), 0),
        ROW(offsetof(ULARGE_INTEGER, HighPart), 4),
        ROW(sizeof(((LARGE_INTEGER *)0)->u), 8),
        ROW(FirstMemberIsParts.QuadPart, 0xFFFFFFFF00000005ull),
        ROW(Unsigned.QuadPart, 0x7FFFFFFFFull),
        ROW((ULONG64)Int32x32To64(-3, 5), (ULONG64)-15ll),
        ROW(UInt32x32To64(0x80000000u, 4), 0x200000000ull),
        ROW(Int64ShllMod32(1, 4), 16),
        ROW((ULONG64)Int64ShraMod32(-16, 2), (ULONG64)-4ll),
        ROW(Int64ShrlMod32(0x8000000000000000ull, 63), 1),
    };
    CHECK_TABLE(Rows);
    /* HighPart is signed in LARGE_INTEGER, unsigned in ULARGE_INTEGER. */
    assert_true(FirstMemberIsParts.HighPart < 0);
    assert_true(Unsigned.HighPart == 7);
}

/* ------------------------------------------------------------------------ */
/* sdkddkver.h versions; the default target is the newest.                   */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(VersionConstants, NULL, NULL)
{
    (void)State;
    static const NAMED_VALUE Rows[] = {
        ROW(_WIN32_WINNT_WIN2K, 0x0500),  ROW(_WIN32_WINNT_WINXP, 0x0501),
        ROW(_WIN32_WINNT_WS03, 0x0502),   ROW(_WIN32_WINNT_VISTA, 0x0600),
        ROW(_WIN32_WINNT_WIN7, 0x0601),   ROW(_WIN32_WINNT_WIN8, 0x0602),
        ROW(_WIN32_WINNT_WINBLUE, 0x0603), ROW(_WIN32_WINNT_WIN10, 0x0A00),
        ROW(NTDDI_WIN2K, 0x05000000),     ROW(NTDDI_WINXP, 0x05010000),
        ROW(NTDDI_WINXPSP2, 0x05010200),  ROW(NTDDI_WS03, 0x05020000),
        ROW(NTDDI_WS03SP1, 0x05020100),   ROW(NTDDI_VISTA, 0x06000000),
        ROW(NTDDI_WS08, 0x06000100),      ROW(NTDDI_WIN7, 0x06010000),
        ROW(NTDDI_WIN8, 0x06020000),      ROW(NTDDI_WINBLUE, 0x06030000),
        ROW(NTDDI_WIN10, 0x0A000000),     ROW(NTDDI_WIN10_RS1, 0x0A000002),
        ROW(NTDDI_WIN10_RS5, 0x0A000006), ROW(NTDDI_WIN10_VB, 0x0A000008),
        ROW(NTDDI_WIN10_CO, 0x0A00000B),  ROW(NTDDI_WIN10_NI, 0x0A00000C),
        ROW(OSVER(NTDDI_WS03SP1), 0x05020000), ROW(SPVER(NTDDI_WS03SP1), 1),
        ROW(NTDDI_VERSION >= NTDDI_WIN10, 1),  ROW(_WIN32_WINNT, 0x0A00),
    };
    CHECK_TABLE(Rows);
}

int main(void)
{
    return SimRunTests("test_headers", NULL, NULL);
}
