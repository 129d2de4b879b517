/*
 * test_wkp_booster.c - harness for the Booster driver of "Windows Kernel Programming" 2nd
 * ed., Chapter 4 (../windowskernelprogrammingbook2e/Chapter04/Booster/Booster.cpp,
 * unchanged, C++): a write of { ThreadId, Priority } looks the thread up
 * (PsLookupThreadByThreadId), sets its priority (KeSetPriorityThread) and dereferences it.
 * The thread is a system thread the harness starts (PsCreateSystemThread), waiting on an
 * event until the harness lets it go.
 *
 *   request (neither buffered nor direct: UserBuffer)   checked
 *   DriverEntry                        \Device\Booster, \??\Booster to it
 *   create, close                      STATUS_SUCCESS
 *   write { the thread's id, 20 }      STATUS_SUCCESS, Information 8, the thread at 20,
 *                                      the lookup's reference given back
 *   write of 4 bytes                   STATUS_BUFFER_TOO_SMALL, Information 0
 *   write, priority 0 / 32 / no buffer STATUS_INVALID_PARAMETER, priority unchanged
 *   write { an id that names nothing } STATUS_INVALID_PARAMETER (the lookup's status)
 *   unload                             nothing left
 */
#include <mmsim_cmocka.h>

#include "../windowskernelprogrammingbook2e/Chapter04/Booster/BoosterCommon.h"

DRIVER_INITIALIZE DriverEntry; /* the driver's: extern "C" in Booster.cpp */

static PDRIVER_OBJECT Driver;
static PDEVICE_OBJECT Device;

/* The target: a system thread parked on Release until the test ends it. */
static KEVENT Release;
static HANDLE TargetHandle;
static PVOID Target;       /* its object, referenced */
static HANDLE TargetId;

static VOID TargetRoutine(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    (void)KeWaitForSingleObject(&Release, Executive, KernelMode, FALSE, NULL);
}

static int Load(void **State)
{
    int Result = SimTestSetup(State);
    Driver = SimCreateDriverObject(L"Booster");
    assert_non_null(Driver);
    assert_int_equal(SimCallDriverEntry(Driver, DriverEntry), STATUS_SUCCESS);
    Device = SimLookupDevice(L"\\??\\Booster");
    assert_non_null(Device);
    KeInitializeEvent(&Release, NotificationEvent, FALSE);
    CLIENT_ID Cid;
    assert_int_equal(PsCreateSystemThread(&TargetHandle, THREAD_ALL_ACCESS, NULL, NULL, &Cid,
                                          TargetRoutine, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(ObReferenceObjectByHandle(TargetHandle, 0, *PsThreadType, KernelMode, &Target,
                                               NULL),
                     STATUS_SUCCESS);
    TargetId = Cid.UniqueThread;
    return Result;
}

/* Ends the target and drops the harness's handle and reference. */
static void EndTarget(void)
{
    KeSetEvent(&Release, 0, FALSE);
    assert_int_equal(KeWaitForSingleObject(Target, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    assert_int_equal(ZwClose(TargetHandle), STATUS_SUCCESS);
    ObDereferenceObject(Target);
}

static int Unload(void **State)
{
    if (!SimIsStopped(NULL)) {
        EndTarget();
        assert_true(SimUnloadDriver(Driver, NULL));
    }
    return SimTestTeardown(State);
}

static NTSTATUS Write(PVOID Buffer, ULONG Length, ULONG_PTR *Information)
{
    SIM_IO_REQUEST Request;
    memset(&Request, 0, sizeof(Request));
    Request.MajorFunction = IRP_MJ_WRITE;
    Request.InputBuffer = Buffer;
    Request.InputBufferLength = Length;
    IO_STATUS_BLOCK Io;
    NTSTATUS Status = SimIoCallDriver(Device, &Request, &Io);
    *Information = Io.Information;
    return Status;
}

SIM_TEST_F(DriverEntryMakesTheDeviceAndLink, Load, Unload)
{
    (void)State;
    assert_ptr_equal(SimLookupDevice(L"\\Device\\Booster"), Device);
    static const UCHAR Majors[] = {IRP_MJ_CREATE, IRP_MJ_CLOSE};
    for (size_t i = 0; i < sizeof(Majors); i++) {
        SIM_IO_REQUEST Request;
        memset(&Request, 0, sizeof(Request));
        Request.MajorFunction = Majors[i];
        assert_int_equal(SimIoCallDriver(Device, &Request, NULL), STATUS_SUCCESS);
    }
}

/* The priority is set on the thread the id names, and Booster gives back the
 * reference its lookup took: once the thread has ended and the harness has
 * dropped its own handle and reference, one ObDereferenceObject more is the
 * 0x18 of a count already at 0 (had Booster kept its reference, it would not be). */
SIM_TEST_F(WriteSetsTheThreadsPriority, Load, Unload)
{
    (void)State;
    assert_int_equal(KeQueryPriorityThread((PKTHREAD)Target), 8); /* a system thread's start */
    struct ThreadData Data = {HandleToULong(TargetId), 20};
    ULONG_PTR Information = 0;
    assert_int_equal(Write(&Data, sizeof(Data), &Information), STATUS_SUCCESS);
    assert_int_equal(Information, sizeof(Data));
    assert_int_equal(KeQueryPriorityThread((PKTHREAD)Target), 20);

    EndTarget();
    SIM_EXPECT_BUGCHECK4(REFERENCE_BY_POINTER, (ULONG_PTR)*PsThreadType, (ULONG_PTR)Target,
                         SIM_ANY, SIM_ANY, ObDereferenceObject(Target));
}

/*   input                          -> status                    */
SIM_TEST_F(BadWritesAreRefused, Load, Unload)
{
    (void)State;
    struct ThreadData Low = {HandleToULong(TargetId), 0};
    struct ThreadData High = {HandleToULong(TargetId), 32};
    struct ThreadData Nobody = {0x7FFC, 10};
    static struct {
        const char *What;
        struct ThreadData *Data;
        ULONG Length;
        NTSTATUS Status;
    } Rows[] = {
        {"4 bytes", NULL, 4, STATUS_BUFFER_TOO_SMALL},
        {"priority 0", NULL, sizeof(struct ThreadData), STATUS_INVALID_PARAMETER},
        {"priority 32", NULL, sizeof(struct ThreadData), STATUS_INVALID_PARAMETER},
        {"no buffer", NULL, sizeof(struct ThreadData), STATUS_INVALID_PARAMETER},
        {"an id that names nothing", NULL, sizeof(struct ThreadData), STATUS_INVALID_PARAMETER},
    };
    Rows[0].Data = &Low;
    Rows[1].Data = &Low;
    Rows[2].Data = &High;
    Rows[3].Data = NULL;
    Rows[4].Data = &Nobody;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        ULONG_PTR Information = 1;
        NTSTATUS Status = Write(Rows[i].Data, Rows[i].Length, &Information);
        if (Status != Rows[i].Status) {
            fail_msg("%s: 0x%08X, expected 0x%08X", Rows[i].What, (unsigned)Status,
                     (unsigned)Rows[i].Status);
        }
        assert_int_equal(Information, 0);
        assert_int_equal(KeQueryPriorityThread((PKTHREAD)Target), 8);
    }
}

int main(void)
{
    return SimRunTests("realworld: Booster (Windows Kernel Programming, chapter 4)", NULL, NULL);
}
