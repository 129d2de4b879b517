/*
 * test_pool_zero.c - the WDK's inline pool wrappers that real driver files call
 * (ExAllocatePoolZero in 65 files of Microsoft's driver samples; ExInitializeDriverRuntime
 * in 24), checked against their documentation (docs/wdk-surface.md, "Other additions").
 *
 *   wrapper                                     block                        bytes
 *   ExAllocatePoolZero(Type, n, Tag)            Type's pool, Tag, n bytes    all zero
 *   ExAllocatePoolUninitialized                 the same                     as allocated (mmsim:
 *                                                                            a fill pattern)
 *   ExAllocatePoolQuotaZero / ...Uninitialized  the same, quota charged      zero / as allocated
 *   ExAllocatePoolPriorityZero / ...Uninit.     the same                     zero / as allocated
 *   any of them without pool (injected)         NULL (quota forms: POOL_QUOTA_FAIL_INSTEAD_OF_RAISE)
 *   ExInitializeDriverRuntime(DrvRtPoolNxOptIn) with POOL_NX_OPTIN: ExDefaultNonPagedPoolType
 *                                               NonPagedPoolNx, ExDefaultMdlProtection
 *                                               MdlMappingNoExecute
 */
#define POOL_NX_OPTIN 1
#include <mmsim_cmocka.h>

#define TAG 'oreZ'
#define BYTES 200

typedef enum { Plain, Quota, Priority } KIND;

static PVOID Allocate(KIND Kind, BOOLEAN Zero, POOL_TYPE Type)
{
    switch (Kind) {
    case Plain:
        return Zero ? ExAllocatePoolZero(Type, BYTES, TAG)
                    : ExAllocatePoolUninitialized(Type, BYTES, TAG);
    case Quota:
        return Zero ? ExAllocatePoolQuotaZero(Type, BYTES, TAG)
                    : ExAllocatePoolQuotaUninitialized(Type, BYTES, TAG);
    case Priority:
    default:
        return Zero ? ExAllocatePoolPriorityZero(Type, BYTES, TAG, NormalPoolPriority)
                    : ExAllocatePoolPriorityUninitialized(Type, BYTES, TAG, NormalPoolPriority);
    }
}

static ULONG ZeroBytes(const UCHAR *Block)
{
    ULONG Zeroes = 0;
    for (ULONG i = 0; i < BYTES; i++) {
        Zeroes += Block[i] == 0;
    }
    return Zeroes;
}

SIM_TEST(ZeroFormsZeroUninitializedFormsDoNot)
{
    static const struct {
        KIND Kind;
        BOOLEAN Zero;
        POOL_TYPE Type;
    } Rows[] = {
        {Plain, TRUE, NonPagedPoolNx},     {Plain, FALSE, NonPagedPoolNx},
        {Plain, TRUE, PagedPool},          {Plain, FALSE, PagedPool},
        {Quota, TRUE, PagedPool},          {Quota, FALSE, PagedPool},
        {Priority, TRUE, NonPagedPoolNx},  {Priority, FALSE, NonPagedPoolNx},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Rows); i++) {
        BOOLEAN Paged = Rows[i].Type == PagedPool;
        SIM_POOL_TAG_USAGE Before = SimTestTagUsageIn(TAG, Paged);
        UCHAR *Block = (UCHAR *)Allocate(Rows[i].Kind, Rows[i].Zero, Rows[i].Type);
        assert_non_null(Block);
        SIM_POOL_TAG_USAGE Usage = SimTestTagUsageIn(TAG, Paged);
        assert_int_equal(Usage.Allocs, Before.Allocs + 1);
        assert_int_equal(Usage.Bytes, Before.Bytes + BYTES);
        if (Rows[i].Zero) {
            assert_int_equal(ZeroBytes(Block), BYTES);
        } else {
            assert_true(ZeroBytes(Block) < BYTES); /* the allocator's fill, not zeroes */
        }
        ExFreePoolWithTag(Block, TAG);
    }
    assert_true(SimIsClean(NULL, 0));
}

SIM_TEST(WithoutPoolEachReturnsNull)
{
    for (int Kind = Plain; Kind <= Priority; Kind++) {
        for (int Zero = 0; Zero <= 1; Zero++) {
            POOL_TYPE Type = PagedPool;
            if (Kind == Quota) {
                Type = (POOL_TYPE)(PagedPool | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE);
            }
            SimFailNthCall(SimFaultPool, 1);
            assert_null(Allocate((KIND)Kind, (BOOLEAN)Zero, Type));
        }
    }
    assert_int_equal(SimTestTagUsageIn(TAG, TRUE).Allocs, 0);
}

SIM_TEST(DriverRuntimeOptsIntoNoExecutePool)
{
    assert_int_equal(ExDefaultNonPagedPoolType, NonPagedPool);
    assert_int_equal(ExDefaultMdlProtection, 0);
    ExInitializeDriverRuntime(0);
    assert_int_equal(ExDefaultNonPagedPoolType, NonPagedPool);
    ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
    assert_int_equal(ExDefaultNonPagedPoolType, NonPagedPoolNx);
    assert_int_equal(ExDefaultMdlProtection, MdlMappingNoExecute);
}

int main(void)
{
    return SimRunTests("realworld: the WDK's inline pool wrappers", NULL, NULL);
}
