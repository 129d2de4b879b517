/*
 * wdmsec.c - the wdmsec library (wdk25; <wdmsec.h>, docs/io.md "Secure device objects"):
 * WdmlibIoCreateDeviceSecure (IoCreateDeviceSecure), WdmlibRtlInitUnicodeStringEx and the
 * SDDL_DEVOBJ_* strings.
 *
 * Facts: Microsoft's pages wdmsec/nf-wdmsec-wdmlibiocreatedevicesecure and "SDDL for
 * Device Objects": the string is "D:P" followed by "(A;;Access;;;SID)" entries, Access a
 * "0x" hexadecimal mask or two-letter rights (GA GR GW GX RC SD WD WO), SID one of the
 * two-letter account, group and logon names the page lists or a literal "S-1-..." SID.
 * mmsim has one caller identity (kernel-mode requests): the descriptor is checked, not
 * enforced.
 */
#include <wchar.h>

#include "mi_io.h"

#include <wdmsec.h>

#define MI_SDDL(Name, Text)                                                              \
    const UNICODE_STRING Name = {(USHORT)(sizeof(Text) - sizeof(WCHAR)), (USHORT)sizeof(Text), \
                                 (PWCH)(Text)}

MI_SDDL(SDDL_DEVOBJ_KERNEL_ONLY, L"D:P");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL, L"D:P(A;;GA;;;SY)");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL_ADM_ALL, L"D:P(A;;GA;;;SY)(A;;GA;;;BA)");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL_ADM_RX, L"D:P(A;;GA;;;SY)(A;;GRGX;;;BA)");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R, L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R_RES_R,
        L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)(A;;GR;;;RC)");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R,
        L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGW;;;WD)(A;;GR;;;RC)");
MI_SDDL(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX,
        L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGWGX;;;WD)(A;;GRGWGX;;;RC)");

/* A cursor over the string. */
typedef struct _MI_SDDL_CURSOR {
    const WCHAR *At;
    const WCHAR *End;
} MI_SDDL_CURSOR;

static bool MiSddlTake(MI_SDDL_CURSOR *C, const WCHAR *Text)
{
    size_t Length = wcslen(Text);
    if ((size_t)(C->End - C->At) < Length || wmemcmp(C->At, Text, Length) != 0) {
        return false;
    }
    C->At += Length;
    return true;
}

static bool MiIsHex(WCHAR c)
{
    return (c >= L'0' && c <= L'9') || (c >= L'a' && c <= L'f') || (c >= L'A' && c <= L'F');
}

/* Access: "0x" and hexadecimal digits, or one or more two-letter rights. */
static bool MiSddlAccess(MI_SDDL_CURSOR *C)
{
    static const WCHAR *const Rights[] = {L"GA", L"GR", L"GW", L"GX", L"RC", L"SD", L"WD", L"WO"};
    if (MiSddlTake(C, L"0x")) {
        const WCHAR *Start = C->At;
        while (C->At < C->End && MiIsHex(*C->At) && C->At - Start < 8) {
            C->At++;
        }
        return C->At > Start;
    }
    bool Any = false;
    for (bool More = true; More;) {
        More = false;
        for (size_t i = 0; i < RTL_NUMBER_OF(Rights); i++) {
            if (MiSddlTake(C, Rights[i])) {
                More = Any = true;
                break;
            }
        }
    }
    return Any;
}

/* SID: a two-letter name of the page's tables, or S-1-<authority>(-<subauthority>)*. */
static bool MiSddlSid(MI_SDDL_CURSOR *C)
{
    static const WCHAR *const Names[] = {L"SY", L"LS", L"NS", L"BA", L"BU", L"BG", L"AU",
                                         L"AN", L"BO", L"SO", L"IU", L"SU", L"WD", L"RC"};
    for (size_t i = 0; i < RTL_NUMBER_OF(Names); i++) {
        if (MiSddlTake(C, Names[i])) {
            return true;
        }
    }
    if (!MiSddlTake(C, L"S-1")) {
        return false;
    }
    int Parts = 0;
    while (MiSddlTake(C, L"-")) {
        const WCHAR *Start = C->At;
        while (C->At < C->End && *C->At >= L'0' && *C->At <= L'9') {
            C->At++;
        }
        if (C->At == Start) {
            return false;
        }
        Parts++;
    }
    return Parts >= 1;
}

/* The documented subset: "D:P" then any number of "(A;;Access;;;SID)". */
static bool MiIsDeviceSddl(PCUNICODE_STRING Sddl)
{
    if (Sddl == NULL || Sddl->Buffer == NULL || (Sddl->Length % sizeof(WCHAR)) != 0) {
        return false;
    }
    MI_SDDL_CURSOR C = {Sddl->Buffer, Sddl->Buffer + Sddl->Length / sizeof(WCHAR)};
    if (!MiSddlTake(&C, L"D:P")) {
        return false;
    }
    while (C.At < C.End) {
        if (!MiSddlTake(&C, L"(A;;") || !MiSddlAccess(&C) || !MiSddlTake(&C, L";;;") ||
            !MiSddlSid(&C) || !MiSddlTake(&C, L")")) {
            return false;
        }
    }
    return true;
}

NTSTATUS NTAPI WdmlibIoCreateDeviceSecure(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize,
                                          PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
                                          ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                                          PCUNICODE_STRING DefaultSDDLString,
                                          LPCGUID DeviceClassGuid, PDEVICE_OBJECT *DeviceObject)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_WdmlibIoCreateDeviceSecure, 0, Caller);
    MiCheckDriverPointer(DeviceObject, 0, true, Caller);
    /* The class GUID names the registry key whose settings would override the string:
     * mmsim has no registry, so the string is the device's security. */
    UNREFERENCED_PARAMETER(DeviceClassGuid);
    *DeviceObject = NULL;
    if (!MiIsDeviceSddl(DefaultSDDLString)) {
        return STATUS_INVALID_PARAMETER;
    }
    /* A secure device object is named: without a name the I/O manager must generate one. */
    if (DeviceName == NULL && !(DeviceCharacteristics & FILE_AUTOGENERATED_DEVICE_NAME)) {
        return STATUS_INVALID_PARAMETER;
    }
    return MiCreateDevice(DriverObject, DeviceExtensionSize, DeviceName, DeviceType,
                          DeviceCharacteristics, Exclusive, DeviceObject, Caller);
}

NTSTATUS NTAPI WdmlibRtlInitUnicodeStringEx(PUNICODE_STRING DestinationString,
                                            PCWSTR SourceString)
{
#undef RtlInitUnicodeStringEx
    return RtlInitUnicodeStringEx(DestinationString, SourceString);
}
