/*
 * test_wkp_kdevmon.cpp - harness for "Windows Kernel Programming" 2nd ed., Chapter 15's KDevMon
 * filter (../windowskernelprogrammingbook2e/Chapter15/KDevMon/, unchanged): DevMonManager.cpp,
 * which attaches a filter device on top of any named device and detaches it again, and its
 * FastMutex.cpp. KDevMon.cpp itself (the dispatch routine) stops at PsGetThreadId (thread
 * objects, README's survey table); the harness's filter dispatch does what its
 * HandleFilterFunction does after its DbgPrint: skip the location, call the lower device.
 *
 *   call                                     checked (Windows-documented behaviour)
 *   DevMonManager::AddDevice(name)           holds its FastMutex (APC_LEVEL) across
 *                                            IoGetDeviceObjectPointer, IoCreateDevice and
 *                                            IoAttachDeviceToDeviceStackSafe (PASSIVE_LEVEL
 *                                            each): 0xC4/0x2000E (IrqlIoPassive5) at
 *                                            the first
 *   RemoveDevice / FindDevice of an unknown  FALSE / -1, the lock given back (PASSIVE_LEVEL)
 *
 * The attach path itself (IoGetDeviceObjectPointer, the filter on top, requests through it,
 * detach) is tested by tests/io/test_devstack.c with a filter that keeps the IRQL rules.
 */
#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/Chapter15/KDevMon/pch.h"
#include "../windowskernelprogrammingbook2e/Chapter15/KDevMon/KDevMon.h"
#include "../windowskernelprogrammingbook2e/Chapter15/KDevMon/DevMonManager.h"

namespace {

#define IOCTL_KDM_ECHO CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

/* ---- the monitored device's driver ------------------------------------------------- */
struct TargetSeen {
    ULONG Creates, Cleanups, Closes, Controls;
    PDEVICE_OBJECT Device;
} Target;

NTSTATUS NTAPI TargetDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    Target.Device = DeviceObject;
    ULONG_PTR Information = 0;
    switch (IoGetCurrentIrpStackLocation(Irp)->MajorFunction) {
    case IRP_MJ_CREATE:
        Target.Creates++;
        break;
    case IRP_MJ_CLEANUP:
        Target.Cleanups++;
        break;
    case IRP_MJ_CLOSE:
        Target.Closes++;
        break;
    case IRP_MJ_DEVICE_CONTROL:
        Target.Controls++;
        memcpy(Irp->AssociatedIrp.SystemBuffer, "TARGET", 6);
        Information = 6;
        break;
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

/* ---- KDevMon's driver object: the harness's pass-through, as HandleFilterFunction --- */
ULONG FilterCalls;

NTSTATUS NTAPI FilterDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    FilterCalls++;
    auto ext = (DeviceExtension *)DeviceObject->DeviceExtension;
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(ext->LowerDeviceObject, Irp);
}

PDRIVER_OBJECT TargetDriver, MonitorDriver;
PDEVICE_OBJECT TargetDevice;
DevMonManager *Manager;

void Load()
{
    memset(&Target, 0, sizeof(Target));
    FilterCalls = 0;
    TargetDriver = SimCreateDriverObject(L"KdmTarget");
    assert_non_null(TargetDriver);
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\KdmTarget");
    assert_int_equal(IoCreateDevice(TargetDriver, 0, &Name, FILE_DEVICE_DISK, 0, FALSE,
                                    &TargetDevice),
                     STATUS_SUCCESS);
    TargetDevice->Flags |= DO_BUFFERED_IO;
    TargetDevice->Flags &= ~DO_DEVICE_INITIALIZING;
    for (auto &Routine : TargetDriver->MajorFunction) {
        Routine = TargetDispatch;
    }
    MonitorDriver = SimCreateDriverObject(L"KDevMon");
    assert_non_null(MonitorDriver);
    for (auto &Routine : MonitorDriver->MajorFunction) {
        Routine = FilterDispatch;
    }
    /* The driver's global g_Data, zero-initialised as a global is. */
    Manager = (DevMonManager *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(DevMonManager), 'tseT');
    assert_non_null(Manager);
    Manager->Init(MonitorDriver);
}

SIM_POOL_TAG_USAGE TagUsage(ULONG Tag)
{
    SIM_POOL_TAG_USAGE Usage[64];
    SIM_POOL_TAG_USAGE Found{};
    ULONG Count = SimQueryPoolUsage(Usage, RTL_NUMBER_OF(Usage));
    for (ULONG i = 0; i < Count && i < RTL_NUMBER_OF(Usage); i++) {
        if (Usage[i].Tag == Tag) {
            Found = Usage[i];
        }
    }
    return Found;
}

void Unload()
{
    Manager->RemoveAllDevices();
    ExFreePoolWithTag(Manager, 'tseT');
    /* Nothing of the filter left: its devices, its name copies (DRIVER_TAG), file objects. */
    assert_int_equal(SimCountDeviceObjects(MonitorDriver), 0);
    SIM_POOL_TAG_USAGE Names = TagUsage(DRIVER_TAG);
    assert_int_equal(Names.Allocs, Names.Frees);
    SIM_POOL_TAG_USAGE Files = TagUsage('eliF');
    assert_int_equal(Files.Allocs, Files.Frees);
    IoDeleteDevice(TargetDevice);
    SimReset(); /* the driver objects go with the machine */
}

/* The finding: AddDevice takes its FastMutex (ExAcquireFastMutex: APC_LEVEL) and, holding
 * it, calls IoGetDeviceObjectPointer, IoCreateDevice and IoAttachDeviceToDeviceStackSafe,
 * whose pages all say PASSIVE_LEVEL. The first of them stops with the DDI compliance rule
 * that lists it, IrqlIoPassive5: 0xC4/0x2000E (the rule's name, APC_LEVEL, 0). */
SIM_TEST(AddDeviceCallsPassiveLevelDdisHoldingItsFastMutex)
{
    Load();
    SIM_EXPECT_BUGCHECK4(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x2000E, SIM_ANY, APC_LEVEL, 0,
                         (void)Manager->AddDevice(L"\\Device\\KdmTarget"));
}

/* Without a device to remove, the lock is taken and given back and nothing is called. */
SIM_TEST(RemovingWhatWasNeverAdded)
{
    Load();
    assert_false(Manager->RemoveDevice(L"\\Device\\KdmTarget"));
    assert_int_equal(Manager->FindDevice(L"\\Device\\KdmTarget"), -1);
    assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
    Unload();
}

} // namespace

int main()
{
    return SimRunTests("KDevMon (Windows Kernel Programming 2nd ed.)", nullptr, nullptr);
}
