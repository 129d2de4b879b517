/*
 * test_rtl_more.c - further Rtl routines (docs/wdk-surface.md, "Run-time library (Rtl)"):
 *
 *   RtlGetVersion         the profile's Windows: modern 10.0.19041 (Windows 10 2004),
 *                         nt5 5.2.3790 SP2 (Server 2003); the EX fields when the size says EX
 *   RtlVerifyVersionInfo  major.minor.sp as one number; STATUS_REVISION_MISMATCH /
 *                         STATUS_INVALID_PARAMETER
 *   time fields           1601-01-01 epoch, Gregorian leap years, invalid fields -> FALSE
 *   stack walks           the caller's return addresses, innermost first
 */
#include <mmsim_cmocka.h>

static SIM_PROFILE Profile;

static int SetupProfile(void **State)
{
    (void)State;
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = Profile;
    return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;
}

SIM_TEST(GetVersionReportsTheProfilesWindows)
{
    RTL_OSVERSIONINFOW Info;
    memset(&Info, 0xCC, sizeof(Info));
    Info.dwOSVersionInfoSize = sizeof(Info);
    assert_int_equal(RtlGetVersion(&Info), STATUS_SUCCESS);
    RTL_OSVERSIONINFOEXW Ex;
    memset(&Ex, 0xCC, sizeof(Ex));
    Ex.dwOSVersionInfoSize = sizeof(Ex);
    assert_int_equal(RtlGetVersion((PRTL_OSVERSIONINFOW)&Ex), STATUS_SUCCESS);
    assert_int_equal(Info.dwPlatformId, VER_PLATFORM_WIN32_NT);
    if (Profile == SimProfileModern) {
        assert_int_equal(Info.dwMajorVersion, 10);
        assert_int_equal(Info.dwMinorVersion, 0);
        assert_int_equal(Info.dwBuildNumber, 19041);
        assert_int_equal(Info.szCSDVersion[0], 0);
        assert_int_equal(Ex.wProductType, VER_NT_WORKSTATION);
        assert_int_equal(Ex.wServicePackMajor, 0);
        assert_true(ExVerifySuite(SingleUserTS));
    } else {
        assert_int_equal(Info.dwMajorVersion, 5);
        assert_int_equal(Info.dwMinorVersion, 2);
        assert_int_equal(Info.dwBuildNumber, 3790);
        assert_memory_equal(Info.szCSDVersion, L"Service Pack 2", 15 * sizeof(WCHAR));
        assert_int_equal(Ex.wProductType, VER_NT_SERVER);
        assert_int_equal(Ex.wServicePackMajor, 2);
        assert_true(ExVerifySuite(Enterprise));
    }
    assert_int_equal(Ex.dwBuildNumber, Info.dwBuildNumber);
    assert_false(ExVerifySuite(DataCenter));
    /* A size that is neither structure. */
    Info.dwOSVersionInfoSize = 12;
    assert_int_equal(RtlGetVersion(&Info), STATUS_INVALID_PARAMETER);
}

static const struct {
    ULONG Major, Minor;
    USHORT SpMajor;
    UCHAR Condition;
    BOOLEAN OnModern, OnNt5; /* TRUE: STATUS_SUCCESS, FALSE: STATUS_REVISION_MISMATCH */
} VerifyCases[] = {
    /* major minor sp  condition           modern nt5 */
    {6,    2,    0,   VER_GREATER_EQUAL,   TRUE,  FALSE}, /* Windows 8 or later */
    {10,   0,    0,   VER_GREATER_EQUAL,   TRUE,  FALSE},
    {5,    2,    2,   VER_GREATER_EQUAL,   TRUE,  TRUE},
    {5,    2,    3,   VER_GREATER_EQUAL,   TRUE,  FALSE}, /* the service pack decides */
    {5,    1,    9,   VER_GREATER,         TRUE,  TRUE},  /* the minor decides first */
    {10,   0,    0,   VER_EQUAL,           TRUE,  FALSE},
    {6,    0,    0,   VER_LESS,            FALSE, TRUE},
};

SIM_TEST(VerifyVersionInfoComparesTheVersionAsOneNumber)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(VerifyCases); i++) {
        RTL_OSVERSIONINFOEXW Want;
        memset(&Want, 0, sizeof(Want));
        Want.dwOSVersionInfoSize = sizeof(Want);
        Want.dwMajorVersion = VerifyCases[i].Major;
        Want.dwMinorVersion = VerifyCases[i].Minor;
        Want.wServicePackMajor = VerifyCases[i].SpMajor;
        ULONGLONG Mask = 0;
        UCHAR C = VerifyCases[i].Condition;
        VER_SET_CONDITION(Mask, VER_MAJORVERSION, C);
        VER_SET_CONDITION(Mask, VER_MINORVERSION, C);
        VER_SET_CONDITION(Mask, VER_SERVICEPACKMAJOR, C);
        BOOLEAN Holds = Profile == SimProfileModern ? VerifyCases[i].OnModern : VerifyCases[i].OnNt5;
        assert_int_equal(RtlVerifyVersionInfo(&Want, VER_MAJORVERSION | VER_MINORVERSION |
                                                         VER_SERVICEPACKMAJOR, Mask),
                         Holds ? STATUS_SUCCESS : STATUS_REVISION_MISMATCH);
    }
    RTL_OSVERSIONINFOEXW Want;
    memset(&Want, 0, sizeof(Want));
    Want.wProductType = VER_NT_WORKSTATION;
    ULONGLONG Mask = VerSetConditionMask(0, VER_PRODUCT_TYPE, VER_EQUAL);
    assert_int_equal(Mask, (ULONGLONG)VER_EQUAL << (7 * VER_NUM_BITS_PER_CONDITION_MASK));
    assert_int_equal(RtlVerifyVersionInfo(&Want, VER_PRODUCT_TYPE, Mask),
                     Profile == SimProfileModern ? STATUS_SUCCESS : STATUS_REVISION_MISMATCH);
    assert_int_equal(RtlVerifyVersionInfo(&Want, 0, Mask), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlVerifyVersionInfo(&Want, VER_PRODUCT_TYPE, 0), STATUS_INVALID_PARAMETER);
    /* NTDDI_WIN8 (0x06020000) and NTDDI_WS03SP2 (0x05020200). */
    assert_int_equal(RtlIsNtDdiVersionAvailable(0x06020000), Profile == SimProfileModern);
    assert_true(RtlIsNtDdiVersionAvailable(0x05020200));
    assert_int_equal(RtlIsServicePackVersionInstalled(0x05020200), Profile == SimProfileNt5);
}

static const struct {
    LONGLONG Time;
    TIME_FIELDS Fields; /* Year, Month, Day, Hour, Minute, Second, Milliseconds, Weekday */
} TimeCases[] = {
    {0,                  {1601, 1, 1, 0, 0, 0, 0, 1}},          /* a Monday */
    {116444736000000000, {1970, 1, 1, 0, 0, 0, 0, 4}},          /* the Unix epoch, a Thursday */
    {125911584000000000, {2000, 1, 1, 0, 0, 0, 0, 6}},
    {125962560000000000, {2000, 2, 29, 0, 0, 0, 0, 2}},         /* 2000 is a leap year */
    {133801752123456789, {2025, 1, 1, 3, 20, 12, 345, 3}},
};

SIM_TEST(TimeFieldsRoundTrip)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(TimeCases); i++) {
        LARGE_INTEGER Time;
        Time.QuadPart = TimeCases[i].Time;
        TIME_FIELDS Fields;
        RtlTimeToTimeFields(&Time, &Fields);
        assert_memory_equal(&Fields, &TimeCases[i].Fields, sizeof(Fields));
        LARGE_INTEGER Back;
        assert_true(RtlTimeFieldsToTime(&Fields, &Back));
        assert_int_equal(Back.QuadPart, TimeCases[i].Time - TimeCases[i].Time % 10000);
    }
    static const TIME_FIELDS Invalid[] = {
        {1600, 1, 1, 0, 0, 0, 0, 0}, {1900, 2, 29, 0, 0, 0, 0, 0}, /* 1900 is not a leap year */
        {2001, 13, 1, 0, 0, 0, 0, 0}, {2001, 1, 1, 24, 0, 0, 0, 0}, {2001, 1, 1, 0, 0, 0, 1000, 0},
    };
    for (size_t i = 0; i < RTL_NUMBER_OF(Invalid); i++) {
        LARGE_INTEGER Time;
        Time.QuadPart = 42;
        TIME_FIELDS Fields = Invalid[i];
        assert_false(RtlTimeFieldsToTime(&Fields, &Time));
        assert_int_equal(Time.QuadPart, 42);
    }
}

SIM_TEST(LuidHelpers)
{
    LUID A = RtlConvertLongToLuid(-2), B = RtlConvertUlongToLuid(7), Zero = RtlConvertUlongToLuid(0);
    assert_int_equal(A.LowPart, 0xFFFFFFFE);
    assert_int_equal(A.HighPart, -1);
    assert_false(RtlEqualLuid(&A, &B));
    assert_true(RtlIsZeroLuid(&Zero));
}

/* The stack walks report the caller's own return addresses. */
static __attribute__((noinline)) void *Walk(PVOID *Frames, ULONG *Got)
{
    *Got = RtlWalkFrameChain(Frames, 4, 0);
    void *Here = __builtin_return_address(0);
    __asm__ volatile("" ::: "memory");
    return Here;
}

/* The exported routine (the header's x64 macro is tested below). */
static VOID(NTAPI *const ExportedGetCallersAddress)(PVOID *, PVOID *) = (RtlGetCallersAddress);

static __attribute__((noinline)) void *Callers(PVOID *Caller, PVOID *CallersCaller)
{
    ExportedGetCallersAddress(Caller, CallersCaller);
    void *Here = __builtin_return_address(0);
    __asm__ volatile("" ::: "memory");
    return Here;
}

SIM_TEST(StackWalksSeeTheCallersFrames)
{
    PVOID Frames[4] = {0};
    ULONG Got = 0;
    void *ReturnOfWalk = Walk(Frames, &Got);
    assert_true(Got >= 2);
    /* Frames[0] is in Walk (after its call), Frames[1] where Walk returns to. */
    assert_ptr_equal(Frames[1], ReturnOfWalk);
    PVOID Caller = NULL, CallersCaller = NULL;
    void *ReturnOfCallers = Callers(&Caller, &CallersCaller);
    assert_ptr_equal(Caller, ReturnOfCallers);
    assert_non_null(CallersCaller);
    /* The WDK's x64 macro: this routine's own return address, no caller's caller. */
    PVOID Macro = NULL, MacroCaller = (PVOID)1;
    RtlGetCallersAddress(&Macro, &MacroCaller);
    assert_ptr_equal(Macro, __builtin_return_address(0));
    assert_null(MacroCaller);
    /* Flags 1 (user-mode frames): none. */
    assert_int_equal(RtlWalkFrameChain(Frames, 4, 1), 0);
}

SIM_TEST(SoftAssertionsContinueHardOnesStop)
{
    int Value = 1;
    RTL_SOFT_ASSERT(Value == 2); /* prints, goes on */
    assert_false(RTL_SOFT_VERIFY(Value == 2));
    assert_true(RTL_SOFT_VERIFY(Value == 1));
    SIM_EXPECT_BUGCHECK(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)STATUS_ASSERTION_FAILURE,
                        RtlAssert((PVOID) "Value == 2", (PVOID)__FILE__, __LINE__, NULL));
}

int main(void)
{
    Profile = SimProfileModern;
    int Failed = SimRunTests("rtl more (modern)", SetupProfile, SimTestGroupTeardown);
    Profile = SimProfileNt5;
    Failed += SimRunTests("rtl more (nt5)", SetupProfile, SimTestGroupTeardown);
    return Failed;
}
