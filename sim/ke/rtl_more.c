/*
 * rtl_more.c - further Rtl routines: the OS version (RtlGetVersion,
 * RtlVerifyVersionInfo, VerSetConditionMask & co.), time fields, stack walks,
 * the caller's address and Rtl assertions (docs/wdk-surface.md, "Run-time
 * library (Rtl)").
 */
#include <stdio.h>

#include "../host/host.h"
#include "../mi.h"

/* ---------------------------------------------------------------------- */
/* The OS version: what the machine's profile emulates.                   */
/* ---------------------------------------------------------------------- */
typedef struct _MI_OS_VERSION {
    ULONG Major, Minor, Build;
    USHORT ServicePackMajor;
    USHORT SuiteMask;
    UCHAR ProductType;
    const char *CsdVersion;
} MI_OS_VERSION;

/* modern: Windows 10 version 2004 (10.0.19041), the first release with every
 * DDI of the modern profile; nt5: Windows Server 2003 SP2 (5.2.3790). */
static const MI_OS_VERSION MiVersionModern = {10, 0, 19041, 0, VER_SUITE_SINGLEUSERTS,
                                              VER_NT_WORKSTATION, ""};
static const MI_OS_VERSION MiVersionNt5 = {5, 2, 3790, 2, VER_SUITE_ENTERPRISE,
                                           VER_NT_SERVER, "Service Pack 2"};

static const MI_OS_VERSION *MiOsVersion(void)
{
    MiEnsureMachine();
    return MiConfig.Profile == SimProfileNt5 ? &MiVersionNt5 : &MiVersionModern;
}

NTSTATUS NTAPI RtlGetVersion(PRTL_OSVERSIONINFOW lpVersionInformation)
{
    MiDdiEnter(MiDdi_RtlGetVersion, 0, MI_CALLER_ADDRESS());
    const MI_OS_VERSION *V = MiOsVersion();
    /* dwOSVersionInfoSize says which structure the caller passed. */
    bool Ex = lpVersionInformation->dwOSVersionInfoSize == sizeof(RTL_OSVERSIONINFOEXW);
    if (!Ex && lpVersionInformation->dwOSVersionInfoSize != sizeof(RTL_OSVERSIONINFOW)) {
        return STATUS_INVALID_PARAMETER;
    }
    lpVersionInformation->dwMajorVersion = V->Major;
    lpVersionInformation->dwMinorVersion = V->Minor;
    lpVersionInformation->dwBuildNumber = V->Build;
    lpVersionInformation->dwPlatformId = VER_PLATFORM_WIN32_NT;
    size_t i = 0;
    for (; V->CsdVersion[i] != '\0'; i++) {
        lpVersionInformation->szCSDVersion[i] = (WCHAR)V->CsdVersion[i];
    }
    lpVersionInformation->szCSDVersion[i] = L'\0';
    if (Ex) {
        PRTL_OSVERSIONINFOEXW Info = (PRTL_OSVERSIONINFOEXW)lpVersionInformation;
        Info->wServicePackMajor = V->ServicePackMajor;
        Info->wServicePackMinor = 0;
        Info->wSuiteMask = V->SuiteMask;
        Info->wProductType = V->ProductType;
        Info->wReserved = 0;
    }
    return STATUS_SUCCESS;
}

ULONGLONG NTAPI VerSetConditionMask(ULONGLONG ConditionMask, ULONG TypeMask, UCHAR Condition)
{
    /* Three bits per type, at the type bit's index (VER_MINORVERSION = bit 0). */
    if (TypeMask == 0) {
        return ConditionMask;
    }
    ULONG Index = (ULONG)__builtin_ctz(TypeMask);
    ULONG Shift = Index * VER_NUM_BITS_PER_CONDITION_MASK;
    ConditionMask &= ~((ULONGLONG)VER_CONDITION_MASK << Shift);
    return ConditionMask | ((ULONGLONG)(Condition & VER_CONDITION_MASK) << Shift);
}

static UCHAR MiCondition(ULONGLONG ConditionMask, ULONG Type)
{
    ULONG Index = (ULONG)__builtin_ctz(Type);
    return (UCHAR)((ConditionMask >> (Index * VER_NUM_BITS_PER_CONDITION_MASK)) &
                   VER_CONDITION_MASK);
}

/* Actual <Condition> Wanted, from the sign of Actual - Wanted. */
static bool MiCompares(int Order, UCHAR Condition)
{
    switch (Condition) {
    case VER_EQUAL:
        return Order == 0;
    case VER_GREATER:
        return Order > 0;
    case VER_GREATER_EQUAL:
        return Order >= 0;
    case VER_LESS:
        return Order < 0;
    case VER_LESS_EQUAL:
        return Order <= 0;
    default:
        return false;
    }
}

static int MiOrder(ULONG Actual, ULONG Wanted)
{
    return Actual == Wanted ? 0 : (Actual > Wanted ? 1 : -1);
}

NTSTATUS NTAPI RtlVerifyVersionInfo(PRTL_OSVERSIONINFOEXW VersionInfo, ULONG TypeMask,
                                    ULONGLONG ConditionMask)
{
    MiDdiEnter(MiDdi_RtlVerifyVersionInfo, 0, MI_CALLER_ADDRESS());
    if (TypeMask == 0 || ConditionMask == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    const MI_OS_VERSION *V = MiOsVersion();
    /* Major, minor, service pack major and minor compare as one version
     * number (the most significant one requested decides the condition), so
     * "10.0 or later" holds on 11.0 whatever the minor. */
    static const ULONG Parts[] = {VER_MAJORVERSION, VER_MINORVERSION, VER_SERVICEPACKMAJOR,
                                  VER_SERVICEPACKMINOR};
    ULONG Actual[] = {V->Major, V->Minor, V->ServicePackMajor, 0};
    ULONG Wanted[] = {VersionInfo->dwMajorVersion, VersionInfo->dwMinorVersion,
                      VersionInfo->wServicePackMajor, VersionInfo->wServicePackMinor};
    UCHAR Condition = 0;
    int Order = 0;
    for (int i = 0; i < 4; i++) {
        if ((TypeMask & Parts[i]) == 0) {
            continue;
        }
        if (Condition == 0) {
            Condition = MiCondition(ConditionMask, Parts[i]);
        }
        if (Order == 0) {
            Order = MiOrder(Actual[i], Wanted[i]);
        }
    }
    if (Condition != 0 && !MiCompares(Order, Condition)) {
        return STATUS_REVISION_MISMATCH;
    }
    if ((TypeMask & VER_BUILDNUMBER) &&
        !MiCompares(MiOrder(V->Build, VersionInfo->dwBuildNumber),
                    MiCondition(ConditionMask, VER_BUILDNUMBER))) {
        return STATUS_REVISION_MISMATCH;
    }
    if ((TypeMask & VER_PLATFORMID) &&
        !MiCompares(MiOrder(VER_PLATFORM_WIN32_NT, VersionInfo->dwPlatformId),
                    MiCondition(ConditionMask, VER_PLATFORMID))) {
        return STATUS_REVISION_MISMATCH;
    }
    if ((TypeMask & VER_PRODUCT_TYPE) &&
        !MiCompares(MiOrder(V->ProductType, VersionInfo->wProductType),
                    MiCondition(ConditionMask, VER_PRODUCT_TYPE))) {
        return STATUS_REVISION_MISMATCH;
    }
    if (TypeMask & VER_SUITENAME) {
        /* VER_AND: every suite asked for; VER_OR: at least one. */
        USHORT Suites = VersionInfo->wSuiteMask;
        UCHAR How = MiCondition(ConditionMask, VER_SUITENAME);
        bool Holds = How == VER_OR ? (V->SuiteMask & Suites) != 0
                                   : (V->SuiteMask & Suites) == Suites;
        if (!Holds) {
            return STATUS_REVISION_MISMATCH;
        }
    }
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI RtlGetProductInfo(ULONG OSMajorVersion, ULONG OSMinorVersion, ULONG SpMajorVersion,
                                ULONG SpMinorVersion, PULONG ReturnedProductType)
{
    MiDdiEnter(MiDdi_RtlGetProductInfo, 0, MI_CALLER_ADDRESS());
    UNREFERENCED_PARAMETER(SpMajorVersion);
    UNREFERENCED_PARAMETER(SpMinorVersion);
    /* Product types exist from Windows Vista (6.0) on. */
    if (OSMajorVersion < 6) {
        *ReturnedProductType = 0; /* PRODUCT_UNDEFINED */
        return FALSE;
    }
    UNREFERENCED_PARAMETER(OSMinorVersion);
    const MI_OS_VERSION *V = MiOsVersion();
    /* PRODUCT_PROFESSIONAL (0x30) on the modern machine; the nt5 one has none. */
    *ReturnedProductType = V->Major >= 6 ? 0x30 : 0;
    return *ReturnedProductType != 0 ? TRUE : FALSE;
}

BOOLEAN NTAPI ExVerifySuite(SUITE_TYPE SuiteType)
{
    MiDdiEnter(MiDdi_ExVerifySuite, 0, MI_CALLER_ADDRESS());
    if ((ULONG)SuiteType >= (ULONG)MaxSuiteType) {
        return FALSE;
    }
    /* SUITE_TYPE n is the VER_SUITE_* bit n. */
    return (MiOsVersion()->SuiteMask & (1u << (ULONG)SuiteType)) != 0 ? TRUE : FALSE;
}

/* NTDDI_* values: 0xMMmmSSss - version in the top 16 bits, the service pack
 * (or Windows 10 release) in the low. */
BOOLEAN WdmlibRtlIsNtDdiVersionAvailable(ULONG Version)
{
    const MI_OS_VERSION *V = MiOsVersion();
    ULONG Have = V->Major << 24 | V->Minor << 16;
    if (V->Major >= 10) {
        Have |= 0x0008; /* NTDDI_WIN10_VB: Windows 10 version 2004 */
    } else {
        Have |= (ULONG)V->ServicePackMajor << 8;
    }
    return Version <= Have ? TRUE : FALSE;
}

BOOLEAN WdmlibRtlIsServicePackVersionInstalled(ULONG Version)
{
    const MI_OS_VERSION *V = MiOsVersion();
    ULONG Os = Version >> 16, Sp = (Version >> 8) & 0xFF;
    if (Os != (V->Major << 8 | V->Minor)) {
        return FALSE;
    }
    return Sp <= V->ServicePackMajor ? TRUE : FALSE;
}

/* ---------------------------------------------------------------------- */
/* Time fields: 100 ns units since 1601-01-01 00:00 (a Monday).            */
/* ---------------------------------------------------------------------- */
#define MI_TICKS_PER_MS 10000LL
#define MI_MS_PER_DAY 86400000LL

static bool MiLeap(LONGLONG Year)
{
    return (Year % 4 == 0 && Year % 100 != 0) || Year % 400 == 0;
}

static int MiDaysInMonth(LONGLONG Year, int Month)
{
    static const int Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return Month == 2 && MiLeap(Year) ? 29 : Days[Month - 1];
}

/* Days from 1601-01-01 to Year-01-01. */
static LONGLONG MiDaysBeforeYear(LONGLONG Year)
{
    LONGLONG Y = Year - 1601;
    return Y * 365 + Y / 4 - Y / 100 + Y / 400;
}

VOID NTAPI RtlTimeToTimeFields(PLARGE_INTEGER Time, PTIME_FIELDS TimeFields)
{
    LONGLONG Ms = Time->QuadPart / MI_TICKS_PER_MS;
    LONGLONG Days = Ms / MI_MS_PER_DAY;
    LONGLONG InDay = Ms % MI_MS_PER_DAY;
    TimeFields->Weekday = (CSHORT)((Days + 1) % 7); /* 1601-01-01 was a Monday */
    LONGLONG Year = 1601 + Days / 366; /* an underestimate, then walk forward */
    while (MiDaysBeforeYear(Year + 1) <= Days) {
        Year++;
    }
    LONGLONG DayOfYear = Days - MiDaysBeforeYear(Year);
    int Month = 1;
    while (DayOfYear >= MiDaysInMonth(Year, Month)) {
        DayOfYear -= MiDaysInMonth(Year, Month);
        Month++;
    }
    TimeFields->Year = (CSHORT)Year;
    TimeFields->Month = (CSHORT)Month;
    TimeFields->Day = (CSHORT)(DayOfYear + 1);
    TimeFields->Hour = (CSHORT)(InDay / 3600000);
    TimeFields->Minute = (CSHORT)(InDay / 60000 % 60);
    TimeFields->Second = (CSHORT)(InDay / 1000 % 60);
    TimeFields->Milliseconds = (CSHORT)(InDay % 1000);
}

BOOLEAN NTAPI RtlTimeFieldsToTime(PTIME_FIELDS TimeFields, PLARGE_INTEGER Time)
{
    const TIME_FIELDS *F = TimeFields;
    /* Weekday is ignored; anything else out of range is FALSE, Time untouched. */
    if (F->Year < 1601 || F->Month < 1 || F->Month > 12 || F->Day < 1 ||
        F->Day > MiDaysInMonth(F->Year, F->Month) || F->Hour < 0 || F->Hour > 23 ||
        F->Minute < 0 || F->Minute > 59 || F->Second < 0 || F->Second > 59 ||
        F->Milliseconds < 0 || F->Milliseconds > 999) {
        return FALSE;
    }
    LONGLONG Days = MiDaysBeforeYear(F->Year);
    for (int Month = 1; Month < F->Month; Month++) {
        Days += MiDaysInMonth(F->Year, Month);
    }
    Days += F->Day - 1;
    LONGLONG Ms = Days * MI_MS_PER_DAY + F->Hour * 3600000LL + F->Minute * 60000LL +
                  F->Second * 1000LL + F->Milliseconds;
    Time->QuadPart = Ms * MI_TICKS_PER_MS;
    return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Stack walks: the host's unwinder over the calling thread's stack.        */
/* ---------------------------------------------------------------------- */
#define MI_MAX_FRAMES 128

/* Return addresses outward from the code that called the Rtl routine that
 * calls this: Callers[0] is where that Rtl routine returns to. Not inlined,
 * and each Rtl routine does work after calling it (no sibling call), so the
 * frames below are exactly HostCaptureStack, this, the Rtl routine. */
__attribute__((noinline)) static ULONG MiCallerFrames(PVOID *Callers, ULONG Count, ULONG Skip)
{
    void *Frames[MI_MAX_FRAMES];
    int Got = HostCaptureStack(Frames, MI_MAX_FRAMES);
    /* Frames: HostCaptureStack, this routine, the Rtl routine, its caller...
     * (a sanitizer's backtrace interceptor adds one): the walk starts after
     * the frame that returns into the Rtl routine. */
    void *IntoRtlRoutine = __builtin_return_address(0);
    ULONG First = 3;
    for (int i = 0; i < Got; i++) {
        if (Frames[i] == IntoRtlRoutine) {
            First = (ULONG)i + 1;
            break;
        }
    }
    First += Skip;
    ULONG Stored = 0;
    for (ULONG i = First; i < (ULONG)(Got > 0 ? Got : 0) && Stored < Count; i++) {
        Callers[Stored++] = Frames[i];
    }
    return Stored;
}

__attribute__((noinline)) ULONG NTAPI RtlWalkFrameChain(PVOID *Callers, ULONG Count, ULONG Flags)
{
    /* Flags 0: kernel-mode frames (every frame of a driver's thread is);
     * 1 (user-mode frames) has none here. The skip count lives in the bits
     * from RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT. */
    if ((Flags & 1) != 0 || Callers == NULL) {
        return 0;
    }
    ULONG Skip = Flags >> RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT;
    /* Callers[0] is the address RtlWalkFrameChain returns to. */
    ULONG Got = MiCallerFrames(Callers, Count, Skip);
    __asm__ volatile("" ::: "memory"); /* not a tail call: this frame stays */
    return Got;
}

#undef RtlGetCallersAddress /* the x64 header macro, where a build defines it */
__attribute__((noinline)) VOID NTAPI RtlGetCallersAddress(PVOID *CallersAddress,
                                                          PVOID *CallersCaller)
{
    /* Frame 0 is in the routine that called us; its caller's address is the
     * frame after it, and that one's caller the next. */
    PVOID Frames[3] = {NULL, NULL, NULL};
    ULONG Got = MiCallerFrames(Frames, 3, 0);
    __asm__ volatile("" ::: "memory");
    *CallersAddress = Got > 1 ? Frames[1] : NULL;
    *CallersCaller = Got > 2 ? Frames[2] : NULL;
}

/* ---------------------------------------------------------------------- */
/* Assertions.                                                            */
/* ---------------------------------------------------------------------- */
VOID NTAPI RtlAssert(PVOID FailedAssertion, PVOID FileName, ULONG LineNumber, PSTR Message)
{
    if (Message != NULL) {
        DbgPrint("%s\n", Message);
    }
    MmsimAssertFailed((PCSTR)FailedAssertion, (PCSTR)FileName, LineNumber);
}

VOID NTAPI MmsimSoftAssertFailed(PCSTR Expression, PCSTR Message, PCSTR File, ULONG Line)
{
    /* Windows prints "*** Soft assertion failed" and goes on. */
    DbgPrint("*** Soft assertion failed: %s%s%s\n***   Source File: %s, line %u\n\n",
             Message != NULL ? Message : "", Message != NULL ? " " : "", Expression, File,
             (unsigned)Line);
}
