/*
 * test_rtl_bitmap.c - Rtl bitmaps (docs/wdk-surface.md, "Run-time library (Rtl)"). Bit i
 * lives in Buffer[i / 32] at i % 32. The bitmaps below are drawn with bit 0 on the left:
 *
 *   index  0         1         2         3
 *          0123456789012345678901234567890123456789
 *   Map    ##..##...####.....#..................###   (40 bits)
 */
#include <mmsim_cmocka.h>

#define NOT_FOUND 0xFFFFFFFFu

/* The bitmap from a picture: '#' set, '.' clear. */
static void Draw(PRTL_BITMAP Map, ULONG *Buffer, ULONG Words, const char *Picture)
{
    memset(Buffer, 0xA5, Words * sizeof(ULONG)); /* garbage beyond the bitmap */
    RtlInitializeBitMap(Map, Buffer, (ULONG)strlen(Picture));
    RtlClearAllBits(Map);
    for (ULONG i = 0; Picture[i] != '\0'; i++) {
        if (Picture[i] == '#') {
            RtlSetBit(Map, i);
        }
    }
}

static const char *Picture = "##..##...####.....#..................###";

/* RtlFindClearBits / RtlFindSetBits: from the hint to the end, then wrapping around. */
static const struct {
    BOOLEAN Set;
    ULONG Count, Hint, Expected;
} FindCases[] = {
    /* set   count hint  found */
    {FALSE,  2,    0,    2},          /* the first clear run that holds 2 */
    {FALSE,  3,    0,    6},
    {FALSE,  3,    7,    13},         /* from the hint on */
    {FALSE,  18,   0,    19},
    {FALSE,  19,   0,    NOT_FOUND},  /* the longest clear run is 18 */
    {FALSE,  5,    30,   30},
    {FALSE,  5,    36,   13},         /* nothing from 36 on: wraps to 0, finds 13 */
    {FALSE,  5,    99,   13},         /* a hint past the end starts at 0 */
    {FALSE,  20,   0,    NOT_FOUND},
    {FALSE,  41,   0,    NOT_FOUND},  /* more than the bitmap */
    {TRUE,   4,    0,    9},
    {TRUE,   3,    20,   37},
    {TRUE,   4,    20,   9},          /* wrapped */
    {TRUE,   5,    0,    NOT_FOUND},
};

SIM_TEST(FindSearchesFromTheHintAndWrapsAround)
{
    ULONG Buffer[2];
    RTL_BITMAP Map;
    Draw(&Map, Buffer, 2, Picture);
    for (size_t i = 0; i < RTL_NUMBER_OF(FindCases); i++) {
        ULONG Found = FindCases[i].Set ? RtlFindSetBits(&Map, FindCases[i].Count, FindCases[i].Hint)
                                       : RtlFindClearBits(&Map, FindCases[i].Count, FindCases[i].Hint);
        assert_int_equal(Found, FindCases[i].Expected);
    }
}

SIM_TEST(FindAndSetClaimsTheRun)
{
    ULONG Buffer[2];
    RTL_BITMAP Map;
    Draw(&Map, Buffer, 2, Picture);
    assert_int_equal(RtlFindClearBitsAndSet(&Map, 3, 0), 6);
    assert_true(RtlAreBitsSet(&Map, 4, 9)); /* 4..12 now all set */
    assert_int_equal(RtlFindClearBitsAndSet(&Map, 3, 0), 13);
    assert_int_equal(RtlFindSetBitsAndClear(&Map, 2, 0), 0);
    assert_true(RtlAreBitsClear(&Map, 0, 4));
    assert_int_equal(RtlFindClearBitsAndSet(&Map, 30, 0), NOT_FOUND);
}

SIM_TEST(CountsAndRangesStayInsideTheBitmap)
{
    ULONG Buffer[2];
    RTL_BITMAP Map;
    Draw(&Map, Buffer, 2, Picture);
    /* The A5 garbage past bit 40 of the second ULONG is not counted. */
    assert_int_equal(RtlNumberOfSetBits(&Map), 12);
    assert_int_equal(RtlNumberOfClearBits(&Map), 28);
    assert_true(RtlAreBitsClear(&Map, 19, 18));
    assert_false(RtlAreBitsClear(&Map, 19, 19));
    assert_false(RtlAreBitsClear(&Map, 39, 2)); /* leaves the bitmap */
    assert_false(RtlAreBitsClear(&Map, 2, 0));  /* empty */
    RtlSetBits(&Map, 19, 18);
    assert_true(RtlAreBitsSet(&Map, 18, 22));
    RtlClearBits(&Map, 0, 40);
    assert_int_equal(RtlNumberOfSetBits(&Map), 0);
    RtlSetAllBits(&Map);
    assert_int_equal(RtlNumberOfClearBits(&Map), 0);
    assert_true(RtlTestBit(&Map, 39));
    assert_int_equal(RtlCheckBit(&Map, 39), 1);
    RtlClearBit(&Map, 39);
    assert_false(RtlTestBit(&Map, 39));
    assert_int_equal(RtlCheckBit(&Map, 39), 0);
}

/* A range past the end is the checked build's assertion, not a write beyond the buffer. */
SIM_TEST(SettingBitsPastTheEndIsAnAssertion)
{
    ULONG Buffer[2] = {0, 0};
    RTL_BITMAP Map;
    RtlInitializeBitMap(&Map, Buffer, 40);
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ASSERTION_FAILURE,
                        RtlSetBits(&Map, 30, 11));
    assert_int_equal(Buffer[1], 0);
}

SIM_TEST(RunsAreFoundInOrderOrLongestFirst)
{
    ULONG Buffer[2];
    RTL_BITMAP Map;
    Draw(&Map, Buffer, 2, Picture);
    ULONG Start = 99;
    assert_int_equal(RtlFindFirstRunClear(&Map, &Start), 2);
    assert_int_equal(Start, 2);
    assert_int_equal(RtlFindLongestRunClear(&Map, &Start), 18);
    assert_int_equal(Start, 19);

    RTL_BITMAP_RUN Runs[3];
    assert_int_equal(RtlFindClearRuns(&Map, Runs, 3, FALSE), 3);
    static const RTL_BITMAP_RUN InOrder[] = {{2, 2}, {6, 3}, {13, 5}};
    assert_memory_equal(Runs, InOrder, sizeof(InOrder));
    assert_int_equal(RtlFindClearRuns(&Map, Runs, 3, TRUE), 3);
    static const RTL_BITMAP_RUN Longest[] = {{19, 18}, {13, 5}, {6, 3}};
    assert_memory_equal(Runs, Longest, sizeof(Longest));

    assert_int_equal(RtlFindNextForwardRunClear(&Map, 9, &Start), 5);
    assert_int_equal(Start, 13);
    assert_int_equal(RtlFindNextForwardRunClear(&Map, 15, &Start), 3); /* inside a run */
    assert_int_equal(Start, 15);
    assert_int_equal(RtlFindNextForwardRunClear(&Map, 38, &Start), 0);
    assert_int_equal(RtlFindLastBackwardRunClear(&Map, 12, &Start), 3);
    assert_int_equal(Start, 6);
    assert_int_equal(RtlFindLastBackwardRunClear(&Map, 16, &Start), 4);
    assert_int_equal(Start, 13);
    assert_int_equal(RtlFindLastBackwardRunClear(&Map, 1, &Start), 0);

    Draw(&Map, Buffer, 2, "####");
    assert_int_equal(RtlFindFirstRunClear(&Map, &Start), 0);
    assert_int_equal(RtlFindClearRuns(&Map, Runs, 3, TRUE), 0);
}

SIM_TEST(SignificantBits)
{
    static const struct {
        ULONGLONG Set;
        CCHAR Least, Most;
    } Cases[] = {
        {0, -1, -1}, {1, 0, 0}, {0x8000000000000000ull, 63, 63}, {0x0F0, 4, 7}, {0x100000001ull, 0, 32},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        assert_int_equal(RtlFindLeastSignificantBit(Cases[i].Set), Cases[i].Least);
        assert_int_equal(RtlFindMostSignificantBit(Cases[i].Set), Cases[i].Most);
    }
    assert_int_equal(RtlNumberOfSetBitsUlongPtr((ULONG_PTR)0xF0F0), 8);
    LONG Flags = 0x1;
    assert_int_equal(RtlInterlockedSetBits(&Flags, 0x6), 0x1);
    assert_int_equal(Flags, 0x7);
    RtlInterlockedClearBitsDiscardReturn(&Flags, 0x2);
    assert_int_equal(Flags, 0x5);
}

/* Bitmaps at DISPATCH_LEVEL: no IRQL rule (the caller's memory decides). */
SIM_TEST(BitmapsWorkAtDispatchLevel)
{
    ULONG Buffer[1] = {0};
    RTL_BITMAP Map;
    RtlInitializeBitMap(&Map, Buffer, 32);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    ULONG Found = RtlFindClearBitsAndSet(&Map, 4, 0);
    KeLowerIrql(Old);
    assert_int_equal(Found, 0);
    assert_int_equal(Buffer[0], 0xF);
}

int main(void)
{
    return SimRunTests("rtl bitmaps", NULL, NULL);
}
