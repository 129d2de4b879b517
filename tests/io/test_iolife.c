/*
 * test_iolife.c - the lifetime of device and file objects (docs/io.md, "Object lifetime").
 *
 *   ObDereferenceObject(file object), its last reference
 *     at PASSIVE_LEVEL         -> IRP_MJ_CLOSE now, the file freed, the device's reference gone
 *     above PASSIVE_LEVEL      -> deletion queued to a system worker: IRP_MJ_CLOSE at
 *                                 PASSIVE_LEVEL, on the worker's thread
 *   IoDeleteDevice(device still referenced by an open file)
 *                              -> delete-pending: no name, no new open, the device kept
 *     the file's last reference -> IRP_MJ_CLEANUP/CLOSE still reach the driver, then the
 *                                 device is freed
 *   IoDeleteDevice || the last ObDereferenceObject (two threads)   -> freed exactly once
 *   IoGetAttachedDeviceReference || IoDetachDevice + IoDeleteDevice -> a live device, never
 *                                 a freed one
 *
 * The two races loop many times: each iteration's claim (one device block left, no stop) is
 * exact whatever the interleaving; the loop only gives a wrong implementation its chances.
 */
#if !defined(_WIN32) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* sched_yield under -std=c11 */
#endif
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>

#include <mmsim_cmocka.h>

/* ---- the driver: counts what it gets, notes where the close ran -------------------- */
static struct {
    LONG Creates, Cleanups, Closes;
    KIRQL CloseIrql;
    PETHREAD CloseThread;
    PDEVICE_OBJECT CloseDevice;
    PDRIVER_OBJECT CloseDriver; /* DeviceObject->DriverObject as the close saw it */
} Seen;

static NTSTATUS NTAPI LifeDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    switch (IoGetCurrentIrpStackLocation(Irp)->MajorFunction) {
    case IRP_MJ_CREATE:
        InterlockedIncrement(&Seen.Creates);
        break;
    case IRP_MJ_CLEANUP:
        InterlockedIncrement(&Seen.Cleanups);
        break;
    case IRP_MJ_CLOSE:
        Seen.CloseIrql = KeGetCurrentIrql();
        Seen.CloseThread = PsGetCurrentThread();
        Seen.CloseDevice = DeviceObject;
        Seen.CloseDriver = DeviceObject->DriverObject;
        InterlockedIncrement(&Seen.Closes);
        break;
    default:
        break;
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

static PDRIVER_OBJECT LifeDriver;

static PDEVICE_OBJECT LoadLife(void)
{
    memset(&Seen, 0, sizeof(Seen));
    LifeDriver = SimCreateDriverObject(L"IoLife");
    assert_non_null(LifeDriver);
    for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        LifeDriver->MajorFunction[i] = LifeDispatch;
    }
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\IoLife");
    PDEVICE_OBJECT Device;
    assert_int_equal(IoCreateDevice(LifeDriver, 0, &Name, FILE_DEVICE_UNKNOWN, 0, FALSE, &Device),
                     STATUS_SUCCESS);
    Device->Flags &= ~(ULONG)DO_DEVICE_INITIALIZING;
    return Device;
}

static PFILE_OBJECT OpenLife(PDEVICE_OBJECT *Top)
{
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\IoLife");
    PFILE_OBJECT File = NULL;
    assert_int_equal(IoGetDeviceObjectPointer(&Name, FILE_READ_DATA, &File, Top), STATUS_SUCCESS);
    return File;
}

static ULONG64 LiveBlocks(ULONG Tag)
{
    SIM_POOL_TAG_USAGE Usage = SimTestTagUsage(Tag);
    return Usage.Allocs - Usage.Frees;
}

#define TAG_DEVICE 'iveD'
#define TAG_FILE   'eliF'

/* ---- closing a file: IRP_MJ_CLOSE always at PASSIVE_LEVEL ---------------------------- */
/* The IRP_MJ_CLOSE page (kernel/irp-mj-close): "always sent at PASSIVE_LEVEL"; the
 * ObDereferenceObject page: callable at IRQL <= DISPATCH_LEVEL. */
SIM_TEST(TheLastFileReferenceClosesAtPassiveLevel)
{
    static const struct {
        const char *Rule;
        KIRQL Irql;          /* where the last ObDereferenceObject runs */
        BOOLEAN DeleteFirst; /* IoDeleteDevice before it: the device is delete-pending */
        BOOLEAN OnWorker;    /* the close runs on a system worker thread */
    } Cases[] = {
        {"PASSIVE_LEVEL: closed by the caller", PASSIVE_LEVEL, FALSE, FALSE},
        {"APC_LEVEL: deferred to a worker", APC_LEVEL, FALSE, TRUE},
        {"DISPATCH_LEVEL: deferred to a worker", DISPATCH_LEVEL, FALSE, TRUE},
        {"delete-pending device, PASSIVE_LEVEL: still closed, then freed", PASSIVE_LEVEL, TRUE,
         FALSE},
        {"delete-pending device, DISPATCH_LEVEL: deferred, closed, freed", DISPATCH_LEVEL, TRUE,
         TRUE},
    };
    int Wrong = 0;
    for (size_t i = 0; i < RTL_NUMBER_OF(Cases); i++) {
        PDEVICE_OBJECT Device = LoadLife();
        PDEVICE_OBJECT Top = NULL;
        PFILE_OBJECT File = OpenLife(&Top);
        assert_ptr_equal(Top, Device);
        if (Cases[i].DeleteFirst) {
            IoDeleteDevice(Device); /* referenced by the open: kept, delete-pending */
            assert_int_equal(LiveBlocks(TAG_DEVICE), 1);
        }
        KIRQL Old = PASSIVE_LEVEL;
        if (Cases[i].Irql != PASSIVE_LEVEL) {
            KeRaiseIrql(Cases[i].Irql, &Old);
        }
        ObDereferenceObject(File);
        if (Cases[i].Irql != PASSIVE_LEVEL) {
            KeLowerIrql(Old);
        }
        assert_true(SimWaitForWorkItems(60000));
        bool Ok = Seen.Creates == 1 && Seen.Cleanups == 1 && Seen.Closes == 1 &&
                  Seen.CloseIrql == PASSIVE_LEVEL && Seen.CloseDevice == Device &&
                  Seen.CloseDriver == LifeDriver &&
                  (Seen.CloseThread != PsGetCurrentThread()) == Cases[i].OnWorker &&
                  LiveBlocks(TAG_FILE) == 0 &&
                  LiveBlocks(TAG_DEVICE) == (Cases[i].DeleteFirst ? 0u : 1u);
        if (!Ok) {
            Wrong++;
            print_error("%s: creates %ld, cleanups %ld, closes %ld at IRQL %u on %s thread; "
                     "%llu file, %llu device block(s) left\n",
                     Cases[i].Rule, (long)Seen.Creates, (long)Seen.Cleanups, (long)Seen.Closes,
                     (unsigned)Seen.CloseIrql,
                     Seen.CloseThread == PsGetCurrentThread() ? "the caller's" : "another",
                     (unsigned long long)LiveBlocks(TAG_FILE),
                     (unsigned long long)LiveBlocks(TAG_DEVICE));
        }
        if (!Cases[i].DeleteFirst) {
            IoDeleteDevice(Device);
        }
        SimReset();
    }
    assert_int_equal(Wrong, 0);
}

/* The IoDeleteDevice page: with references outstanding the device is marked delete-pending
 * and deleted when they are released. No name, no new open meanwhile. */
SIM_TEST(ADeletePendingDeviceHasNoNameAndNoNewOpen)
{
    PDEVICE_OBJECT Device = LoadLife();
    PDEVICE_OBJECT Top = NULL;
    PFILE_OBJECT File = OpenLife(&Top);
    IoDeleteDevice(Device);
    assert_null(SimLookupDevice(L"\\Device\\IoLife"));
    UNICODE_STRING Name = RTL_CONSTANT_STRING(L"\\Device\\IoLife");
    PFILE_OBJECT Again = NULL;
    PDEVICE_OBJECT AgainTop = NULL;
    assert_int_equal(IoGetDeviceObjectPointer(&Name, FILE_READ_DATA, &Again, &AgainTop),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* No new request through the Sim requester either: the device is being deleted. */
    assert_int_equal(SimDeviceIoControl(Device, 0, NULL, 0, NULL, 0, NULL),
                     STATUS_INVALID_PARAMETER);
    assert_int_equal(Seen.Closes, 0);
    ObDereferenceObject(File);
    assert_int_equal(Seen.Closes, 1);
    assert_int_equal(LiveBlocks(TAG_DEVICE), 0);
    SimReset(); /* the driver object goes with the machine */
}

/* The driver unloaded while its deleted device is still referenced: its driver object is
 * gone, so the close has no driver to go to (*mmsim*: dropped; on Windows the device's
 * reference keeps the driver loaded). A driver object made afterwards, perhaps at the same
 * address, must not get it either. */
static LONG OtherCalls;

static NTSTATUS NTAPI OtherDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    (void)DeviceObject;
    InterlockedIncrement(&OtherCalls);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

static VOID NTAPI LifeUnload(PDRIVER_OBJECT DriverObject)
{
    (void)DriverObject;
}

SIM_TEST_F(AnUnloadedDriverGetsNoCloseForItsDeletePendingDevice, SimTestSetup,
           SimTestTeardownDefault)
{
    /* Not strict: the device and the file, charged to this test as the driver, would be
     * its pool left at unload (0xC4/0x62). */
    SimTestSetStrict(FALSE);
    PDEVICE_OBJECT Device = LoadLife();
    LifeDriver->DriverUnload = LifeUnload;
    PDEVICE_OBJECT Top = NULL;
    PFILE_OBJECT File = OpenLife(&Top);
    IoDeleteDevice(Device);
    (void)SimUnloadDriver(LifeDriver, NULL); /* the delete-pending device is still held */
    OtherCalls = 0;
    PDRIVER_OBJECT Other = SimCreateDriverObject(L"IoOther");
    assert_non_null(Other);
    for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        Other->MajorFunction[i] = OtherDispatch;
    }
    ObDereferenceObject(File);
    assert_int_equal(Seen.Closes, 0);
    assert_int_equal(OtherCalls, 0);
    assert_int_equal(LiveBlocks(TAG_DEVICE), 0);
    SimReset();
}

/* ---- two threads ------------------------------------------------------------------- */
/* A start line both threads wait at, then each does its part of the iteration. */
typedef struct _RACE {
    volatile LONG Iteration; /* the other thread starts iteration n when it reads n */
    volatile LONG Done;      /* and says it has finished it */
    volatile LONG Stop;
    PDEVICE_OBJECT Device;   /* IoDeleteDevice race: the device */
    PDEVICE_OBJECT Lower, Filter; /* stack race */
    int Kind;
} RACE;

enum { RaceDelete, RaceDetach };

static void *RaceThread(void *Context)
{
    RACE *Race = (RACE *)Context;
    LONG Started = 0;
    for (;;) {
        LONG Now;
        while ((Now = InterlockedCompareExchange(&Race->Iteration, 0, 0)) == Started &&
               InterlockedCompareExchange(&Race->Stop, 0, 0) == 0) {
            sched_yield();
        }
        if (InterlockedCompareExchange(&Race->Stop, 0, 0) != 0) {
            return NULL;
        }
        Started = Now;
        if (Race->Kind == RaceDelete) {
            IoDeleteDevice(Race->Device);
        } else {
            IoDetachDevice(Race->Lower);
            IoDeleteDevice(Race->Filter);
        }
        InterlockedExchange(&Race->Done, Started);
    }
}

static void WaitDone(RACE *Race, LONG Iteration)
{
    while (InterlockedCompareExchange(&Race->Done, 0, 0) != Iteration) {
        sched_yield();
    }
}

#define RACE_ROUNDS 3000

SIM_TEST(IoDeleteDeviceRacingTheLastDereferenceFreesTheDeviceOnce)
{
    RACE Race;
    memset(&Race, 0, sizeof(Race));
    Race.Kind = RaceDelete;
    LifeDriver = SimCreateDriverObject(L"IoLife");
    assert_non_null(LifeDriver);
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, RaceThread, &Race), 0);
    ULONG64 Left = 0;
    for (LONG n = 1; n <= RACE_ROUNDS && Left == 0; n++) {
        PDEVICE_OBJECT Device;
        assert_int_equal(IoCreateDevice(LifeDriver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE,
                                        &Device),
                         STATUS_SUCCESS);
        ObReferenceObject(Device);
        Race.Device = Device;
        InterlockedExchange(&Race.Iteration, n);  /* the other thread: IoDeleteDevice */
        ObDereferenceObject(Device);              /* this one: the last reference */
        WaitDone(&Race, n);
        Left = LiveBlocks(TAG_DEVICE);            /* whoever came last freed it */
    }
    InterlockedExchange(&Race.Stop, 1);
    pthread_join(Thread, NULL);
    if (Left != 0) {
        fail_msg("%llu device object(s) never freed", (unsigned long long)Left);
    }
    SimReset();
}

SIM_TEST(TheTopOfAStackIsNeverADeviceBeingFreed)
{
    RACE Race;
    memset(&Race, 0, sizeof(Race));
    Race.Kind = RaceDetach;
    LifeDriver = SimCreateDriverObject(L"IoLife");
    assert_non_null(LifeDriver);
    PDEVICE_OBJECT Lower;
    assert_int_equal(IoCreateDevice(LifeDriver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &Lower),
                     STATUS_SUCCESS);
    Race.Lower = Lower;
    pthread_t Thread;
    assert_int_equal(pthread_create(&Thread, NULL, RaceThread, &Race), 0);
    for (LONG n = 1; n <= RACE_ROUNDS; n++) {
        PDEVICE_OBJECT Filter;
        assert_int_equal(IoCreateDevice(LifeDriver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE,
                                        &Filter),
                         STATUS_SUCCESS);
        assert_ptr_equal(IoAttachDeviceToDeviceStack(Filter, Lower), Lower);
        Race.Filter = Filter;
        InterlockedExchange(&Race.Iteration, n); /* the other: IoDetachDevice, IoDeleteDevice */
        PDEVICE_OBJECT Top = IoGetAttachedDeviceReference(Lower);
        if (Top != Lower && Top != Filter) {
            fail_msg("round %ld: the top %p is neither device", (long)n, (void *)Top);
        }
        ObDereferenceObject(Top); /* the filter's last reference frees it if deleted */
        WaitDone(&Race, n);
        if (LiveBlocks(TAG_DEVICE) != 1) {
            fail_msg("round %ld: %llu device blocks, expected the lower one only", (long)n,
                     (unsigned long long)LiveBlocks(TAG_DEVICE));
        }
    }
    InterlockedExchange(&Race.Stop, 1);
    pthread_join(Thread, NULL);
    IoDeleteDevice(Lower);
    SimReset();
}

int main(void)
{
    return SimRunTests("device and file object lifetime", NULL, NULL);
}
