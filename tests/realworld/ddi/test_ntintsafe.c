/*
 * test_ntintsafe.c - <ntintsafe.h> (realdrv3; docs/wdk-surface.md): checked integer
 * arithmetic and conversions, as Microsoft's ntintsafe.h pages document them. Found
 * missing by 42 includes in the driver corpora (RtlULongAdd, RtlULongMult most).
 */
#include <ntintsafe.h>

#include <mmsim_cmocka.h>

SIM_TEST(ArithmeticReportsOverflowWithTheErrorValue)
{
    struct {
        const char *What;
        NTSTATUS Status;
        ULONG64 Result, ExpectedResult;
        NTSTATUS Expected;
    } Cases[8];
    ULONG U;
    SIZE_T S;
    LONG L;
    ULONGLONG Q;
    int n = 0;
    /* call                                           expected status, result */
#define CASE(Call, Out, Want, WantStatus)                                              \
    Cases[n].What = #Call;                                                             \
    Cases[n].Status = (Call);                                                          \
    Cases[n].Result = (ULONG64)(Out);                                                  \
    Cases[n].ExpectedResult = (ULONG64)(Want);                                         \
    Cases[n].Expected = (WantStatus);                                                  \
    n++;
    CASE(RtlULongAdd(1, 2, &U),                       U, 3, STATUS_SUCCESS)
    CASE(RtlULongAdd(0xFFFFFFF0, 0x10, &U),           U, ULONG_ERROR, STATUS_INTEGER_OVERFLOW)
    CASE(RtlULongMult(0x10000, 0xFFFF, &U),           U, 0xFFFF0000, STATUS_SUCCESS)
    CASE(RtlULongMult(0x10000, 0x10000, &U),          U, ULONG_ERROR, STATUS_INTEGER_OVERFLOW)
    CASE(RtlULongSub(1, 2, &U),                       U, ULONG_ERROR, STATUS_INTEGER_OVERFLOW)
    CASE(RtlSizeTMult((SIZE_T)1 << 40, 1 << 24, &S),  S, SIZET_ERROR, STATUS_INTEGER_OVERFLOW)
    CASE(RtlLongAdd(0x7FFFFFFF, 1, &L),               (ULONG64)(LONG64)L, (ULONG64)-1LL, STATUS_INTEGER_OVERFLOW)
    CASE(RtlULongLongAdd(~0ULL - 1, 1, &Q),           Q, ~0ULL, STATUS_SUCCESS)
#undef CASE
    for (int i = 0; i < n; i++) {
        if (Cases[i].Status != Cases[i].Expected || Cases[i].Result != Cases[i].ExpectedResult) {
            fail_msg("%s: status 0x%08X result 0x%llX", Cases[i].What, (ULONG)Cases[i].Status,
                     (unsigned long long)Cases[i].Result);
        }
    }
}

SIM_TEST(ConversionsRefuseWhatDoesNotFit)
{
    ULONG U;
    UINT32 U32;
    USHORT W;
    assert_int_equal(RtlLongLongToULong(5, &U), STATUS_SUCCESS);
    assert_int_equal(U, 5);
    assert_int_equal(RtlLongLongToULong(-1, &U), STATUS_INTEGER_OVERFLOW);
    assert_int_equal(U, ULONG_ERROR);
    assert_int_equal(RtlLongLongToULong(0x100000000LL, &U), STATUS_INTEGER_OVERFLOW);
    assert_int_equal(RtlSizeTToUInt32((SIZE_T)0xFFFFFFFF, &U32), STATUS_SUCCESS);
    assert_int_equal(U32, 0xFFFFFFFF);
    assert_int_equal(RtlSizeTToUInt32((SIZE_T)1 << 32, &U32), STATUS_INTEGER_OVERFLOW);
    assert_int_equal(U32, UINT_ERROR);
    assert_int_equal(RtlULongToUShort(0x10000, &W), STATUS_INTEGER_OVERFLOW);
    assert_int_equal(W, USHORT_ERROR);
}

int main(void)
{
    return SimRunTests("realworld: ntintsafe.h", NULL, NULL);
}
