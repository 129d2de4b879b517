/*
 * test_host_locks.c - a bug check while the simulator holds one of its own
 * host locks over driver memory leaves that lock free (sim/ke/locks.c,
 * MiLockForDriverAccess).
 *
 * Some DDIs read or write the driver's object under a host lock: an
 * ERESOURCE's members under the resource lock, a KDPC's or KTIMER's links
 * under the DPC lock, a work item's under the work queue's, a callback
 * object's under the callbacks'. (The lookaside lists' lock covers no driver
 * memory: mmsim keeps its record of the lists in its own, docs/ex-sync.md.)
 * If that memory faults, the bug check is caught and the machine is reset;
 * the lock must not stay held, or the reset and every later call that takes
 * it hang.
 *
 *   object (an MDL's page, or paged pool)    DDI (touches it under the lock)   stop
 *   ERESOURCE, page made read-only           ExAcquireResourceExclusiveLite     0xBE (member, PTE, 0, 0)
 *   KDPC, page unmapped                      KeRemoveQueueDpc                   0x50 (DpcData, 0, ip, 0)
 *   KTIMER, page unmapped                    KeSetTimer                         0x50 (its header, 2, ip, 0)
 *   KTIMER, paged pool page trimmed          KeSetTimer                         0xA (its header, 2, 1, ip)
 *   WORK_QUEUE_ITEM, page unmapped           ExQueueWorkItem                    0x50 (its link, 0, ip, 0)
 *   callback object pointer, page unmapped   ExNotifyCallback                   0x50 (its member, 0, ip, 0)
 *
 * Windows touches these objects under a spin lock, at DISPATCH_LEVEL: a page
 * that is not there is not brought back (0xA, IRQL_NOT_LESS_OR_EQUAL), and
 * the simulator does the same under its lock. So the fault never waits for
 * the simulator lock while holding one of these locks (other threads take
 * them under it: ThreadSanitizer reports the cycle otherwise).
 *
 * Each row runs in a child (an alarm ends it if it hangs): the DDI stops the
 * machine with the row's code and an address inside the object, SimReset,
 * then the same kind of object in good memory works. The child exits 0; 2
 * if the stop was another.
 */
#include <string.h>

#include <ntddk.h>

#include "mmsim_cmocka.h"

#if SIM_HAVE_DEATH_TESTS
#include <unistd.h>

#define TAG_HOST 'kLsH'

typedef enum { Unmapped, ReadOnly, Trimmed } HOW;

typedef struct _ROW {
    const char *Rule;
    HOW How;                      /* what becomes of the object's page (Trimmed: paged pool) */
    void (*Prepare)(PVOID Va);    /* builds the object at Va, while mapped */
    void (*Touch)(PVOID Va);      /* the DDI that faults under the lock */
    SIZE_T Size;                  /* the object's size: the stop's address is inside */
    ULONG Code;                   /* the stop */
    ULONG_PTR P2;                 /* its parameter 2 (SIM_ANY: any) */
    void (*Again)(void);          /* the DDI on a good object, after SimReset */
} ROW;

/* ---- ERESOURCE ---- */
static void InitResource(PVOID Va)
{
    assert_int_equal(ExInitializeResourceLite((PERESOURCE)Va), STATUS_SUCCESS);
}
static void AcquireResource(PVOID Va)
{
    KeEnterCriticalRegion();
    (void)ExAcquireResourceExclusiveLite((PERESOURCE)Va, TRUE);
}
static void ResourceAgain(void)
{
    static ERESOURCE Good;
    KeEnterCriticalRegion(); /* the reset left the region */
    (void)ExInitializeResourceLite(&Good); /* the resource lock: free */
    (void)ExAcquireResourceExclusiveLite(&Good, TRUE);
    ExReleaseResourceLite(&Good);
    (void)ExDeleteResourceLite(&Good);
    KeLeaveCriticalRegion();
}

/* ---- KDPC, KTIMER ---- */
static VOID NTAPI NoDpc(PKDPC Dpc, PVOID Context, PVOID Argument1, PVOID Argument2)
{
    (void)Dpc, (void)Context, (void)Argument1, (void)Argument2;
}
static void InitDpc(PVOID Va)
{
    KeInitializeDpc((PKDPC)Va, NoDpc, NULL);
}
static void RemoveDpc(PVOID Va)
{
    (void)KeRemoveQueueDpc((PKDPC)Va);
}
static void DpcAgain(void)
{
    static KDPC Good;
    KeInitializeDpc(&Good, NoDpc, NULL);
    (void)KeRemoveQueueDpc(&Good); /* the DPC lock: free */
}
static void InitTimer(PVOID Va)
{
    KeInitializeTimer((PKTIMER)Va);
}
static void SetTimer(PVOID Va)
{
    LARGE_INTEGER Due = {{(ULONG)-10000000, -1}}; /* 1 s */
    (void)KeSetTimer((PKTIMER)Va, Due, NULL);
}
static void TimerAgain(void)
{
    static KTIMER Good;
    KeInitializeTimer(&Good);
    LARGE_INTEGER Due = {{(ULONG)-10000000, -1}};
    (void)KeSetTimer(&Good, Due, NULL);
    (void)KeCancelTimer(&Good);
}

/* ---- Work item ---- */
static VOID NTAPI NoWork(PVOID Parameter)
{
    (void)Parameter;
}
static void InitItem(PVOID Va)
{
    ExInitializeWorkItem((PWORK_QUEUE_ITEM)Va, NoWork, NULL);
}
static void QueueItem(PVOID Va)
{
    ExQueueWorkItem((PWORK_QUEUE_ITEM)Va, DelayedWorkQueue);
}
static void WorkAgain(void)
{
    static WORK_QUEUE_ITEM Good;
    ExInitializeWorkItem(&Good, NoWork, NULL);
    ExQueueWorkItem(&Good, DelayedWorkQueue); /* the work queue's lock: free */
}

/* ---- Callback objects: the driver keeps a pointer whose memory is gone ---- */
static void NoCallbackObject(PVOID Va)
{
    memset(Va, 0xA5, PAGE_SIZE);
}
static void NotifyCallback(PVOID Va)
{
    ExNotifyCallback((PCALLBACK_OBJECT)Va, NULL, NULL);
}
static void CallbackAgain(void)
{
    UNICODE_STRING Name;
    RtlInitUnicodeString(&Name, L"\\Callback\\HostLocks");
    OBJECT_ATTRIBUTES Attributes;
    InitializeObjectAttributes(&Attributes, &Name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    PCALLBACK_OBJECT Object = NULL;
    (void)ExCreateCallback(&Object, &Attributes, TRUE, TRUE);
    ExNotifyCallback(Object, NULL, NULL); /* the callbacks' lock: free */
}

static const ROW Rows[] = {
    {"ERESOURCE in a read-only page", ReadOnly, InitResource, AcquireResource, sizeof(ERESOURCE),
     ATTEMPTED_WRITE_TO_READONLY_MEMORY, SIM_ANY, ResourceAgain},
    {"KDPC in an unmapped page", Unmapped, InitDpc, RemoveDpc, sizeof(KDPC),
     PAGE_FAULT_IN_NONPAGED_AREA, 0, DpcAgain},
    {"KTIMER in an unmapped page", Unmapped, InitTimer, SetTimer, sizeof(KTIMER),
     PAGE_FAULT_IN_NONPAGED_AREA, 2, TimerAgain}, /* whether it is set: mmsim's record */
    {"KTIMER in a trimmed paged pool page", Trimmed, InitTimer, SetTimer, sizeof(KTIMER),
     IRQL_NOT_LESS_OR_EQUAL, DISPATCH_LEVEL, TimerAgain},
    {"WORK_QUEUE_ITEM in an unmapped page", Unmapped, InitItem, QueueItem,
     sizeof(WORK_QUEUE_ITEM), PAGE_FAULT_IN_NONPAGED_AREA, 0, WorkAgain},
    {"callback object pointer into an unmapped page", Unmapped, NoCallbackObject, NotifyCallback,
     PAGE_SIZE, PAGE_FAULT_IN_NONPAGED_AREA, 0, CallbackAgain},
};

/* The object's memory, mapped and writable until the row takes it away. */
static PVOID Place(const ROW *Row, PMDL *Mdl)
{
    if (Row->How == Trimmed) {
        return ExAllocatePool2(POOL_FLAG_PAGED, Row->Size, TAG_HOST);
    }
    return SimTestMapPage(Mdl);
}

static BOOLEAN TakeAway(const ROW *Row, PVOID Va, PMDL Mdl)
{
    switch (Row->How) {
    case ReadOnly: return MmProtectMdlSystemAddress(Mdl, PAGE_READONLY) == STATUS_SUCCESS;
    case Unmapped: MmUnmapLockedPages(Va, Mdl); return TRUE;
    case Trimmed: {
        ULONG64 Pte = 1;
        return SimTrimPagedPool() >= 1 && SimQueryPte(Va, &Pte, NULL) && (Pte & 1) == 0;
    }
    }
    return FALSE;
}

static void FaultUnderTheLock(void *Context)
{
    const ROW *Row = (const ROW *)Context;
    PMDL Mdl = NULL;
    PVOID Va = Place(Row, &Mdl);
    if (Va == NULL) {
        _exit(3);
    }
    Row->Prepare(Va);
    if (!TakeAway(Row, Va, Mdl)) {
        _exit(3);
    }
    SIM_BUGCHECK Stop;
    SIM_CATCH_BUGCHECK(&Stop, Row->Touch(Va));
    ULONG_PTR Address = Stop.Parameters[0];
    if (!Stop.Caught || Stop.Refused || Stop.Code != Row->Code || Address < (ULONG_PTR)Va ||
        Address >= (ULONG_PTR)Va + Row->Size ||
        (Row->P2 != SIM_ANY && Stop.Parameters[1] != Row->P2)) {
        fprintf(stderr, "stop 0x%X (0x%llX, 0x%llX), want 0x%X inside %p\n", (unsigned)Stop.Code,
                (unsigned long long)Address, (unsigned long long)Stop.Parameters[1],
                (unsigned)Row->Code, Va);
        _exit(2);
    }
    SimReset(); /* hangs here if the lock stayed held */
    Row->Again();
    _exit(0);
}

SIM_TEST(ABugCheckUnderAHostLockLeavesItFree)
{
    BOOLEAN AllRight = TRUE;
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        SIM_CHILD Child;
        assert_true(SimRunChild(FaultUnderTheLock, (void *)&Rows[i], 20, &Child));
        if (!Child.Exited || Child.Status != 0) {
            char Text[128];
            print_error("%s: the child %s\n%s", Rows[i].Rule,
                        SimDescribeChild(&Child, Text, sizeof(Text)), Child.Err);
            AllRight = FALSE;
        }
    }
    assert_true(AllRight);
}
#endif

int main(void)
{
    return SimRunTests("host_locks", NULL, NULL);
}
