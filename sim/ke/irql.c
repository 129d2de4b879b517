/*
 * irql.c - per-thread IRQL and the table-driven IRQL rule of every DDI.
 *
 * IRQL is a property of the simulated processor a thread runs on; mmsim gives
 * each host thread its own. Raising and lowering follow the WDK contract and
 * Driver Verifier's checks (0xC4/0x30, 0xC4/0x31).
 */
#include "../mi.h"
#include "../host/host.h"
#include "mi_ke.h"

bool MiInDpc(void);

static _Thread_local KIRQL MiIrql = PASSIVE_LEVEL;

static const SIM_IRQL_RULE MiIrqlRules[] = {
#define MI_DDI_ENTRY(Name, MaxIrql, Code, SubCode) {#Name, MaxIrql, Code, SubCode},
#include "../mi_ddi_table.h"
#undef MI_DDI_ENTRY
};

_Static_assert(sizeof(MiIrqlRules) / sizeof(MiIrqlRules[0]) == MiDdiCount, "rule table");

KIRQL MiCurrentIrql(void)
{
    return MiIrql;
}

/* userva (sim/mm/virtual.c): called before the IRQL rises to
 * DISPATCH_LEVEL or above, where a touch of a page not resident must trap. */
static void (*_Atomic MiIrqlRaiseHook)(void);

void MiSetIrqlRaiseHook(void (*Hook)(void));
void MiSetIrqlRaiseHook(void (*Hook)(void))
{
    atomic_store(&MiIrqlRaiseHook, Hook);
}

static void MiIrqlRising(KIRQL Old, KIRQL New)
{
    if (New >= DISPATCH_LEVEL && Old < DISPATCH_LEVEL) {
        void (*Hook)(void) = atomic_load_explicit(&MiIrqlRaiseHook, memory_order_relaxed);
        if (Hook != NULL) {
            Hook();
        }
    }
}

void MiSetIrql(KIRQL Irql)
{
    MiIrqlRising(MiIrql, Irql);
    MiIrql = Irql;
}

KIRQL NTAPI KeGetCurrentIrql(VOID)
{
    return MiIrql;
}

/* A stopped machine accepts no DDI but reset; reading the IRQL
 * (KeGetCurrentIrql) stays possible, as reading CR8 would. */
KIRQL FASTCALL KfRaiseIrql(KIRQL NewIrql)
{
    MiRefuseIfStopped("KeRaiseIrql");
    KIRQL Old = MiIrql;
    /* Verifier: raising to a lower IRQL, or above HIGH_LEVEL, is 0xC4/0x30. */
    if (NewIrql < Old || NewIrql > HIGH_LEVEL) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x30, Old, NewIrql, 0);
    }
    MiIrqlRising(Old, NewIrql);
    MiIrql = NewIrql;
    return Old;
}

KIRQL NTAPI KeRaiseIrqlToDpcLevel(VOID)
{
    return KfRaiseIrql(DISPATCH_LEVEL);
}

VOID NTAPI KeLowerIrql(KIRQL NewIrql)
{
    MiRefuseIfStopped("KeLowerIrql");
    KIRQL Old = MiIrql;
    /* Verifier: lowering to a higher IRQL (or to an invalid one) is 0xC4/0x31. */
    if (NewIrql > Old || NewIrql > HIGH_LEVEL) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x31, Old, NewIrql, 0);
    }
    /* A DPC routine runs at DISPATCH_LEVEL and must not go below it: 0x31
     * with P4 = 1 ("invalid inside a DPC"). */
    if (NewIrql < DISPATCH_LEVEL && MiInDpc()) {
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, 0x31, Old, NewIrql, 1);
    }
    MiIrql = NewIrql;
    /* DPCs queued on this processor run as its IRQL drops below DISPATCH_LEVEL. */
    if (NewIrql < DISPATCH_LEVEL && MiDpcsPending) {
        MiDrainDpcs();
    }
}

const SIM_IRQL_RULE *MiIrqlRuleOf(const char *Ddi)
{
    for (ULONG i = 0; i < MiDdiCount; i++) {
        if (strcmp(MiIrqlRules[i].Ddi, Ddi) == 0) {
            return &MiIrqlRules[i];
        }
    }
    return NULL;
}

const SIM_IRQL_RULE *MiIrqlRuleTable(ULONG *Count)
{
    *Count = MiDdiCount;
    return MiIrqlRules;
}

/* The WDM IRQL rules of DDI compliance checking by their 0xC4 code
 * (docs/ddi-contract.md 1.17); P2 of the bug check names the rule. */
static const char *MiRuleName(ULONG_PTR SubCode)
{
    switch (SubCode) {
    case 0x20002: return "IrqlApcLte";
    case 0x20003: return "IrqlDispatch";
    case 0x20004: return "IrqlExAllocatePool";
    case 0x20005: return "IrqlExApcLte1";
    case 0x20006: return "IrqlExApcLte2";
    case 0x20007: return "IrqlExApcLte3";
    case 0x20008: return "IrqlExPassive";
    case 0x20009: return "IrqlIoApcLte";
    case 0x2000A: return "IrqlIoPassive1";
    case 0x2000B: return "IrqlIoPassive2";
    case 0x2000C: return "IrqlIoPassive3";
    case 0x2000D: return "IrqlIoPassive4";
    case 0x2000E: return "IrqlIoPassive5";
    case 0x2000F: return "IrqlKeApcLte1";
    case 0x20010: return "IrqlKeApcLte2";
    case 0x20011: return "IrqlKeDispatchLte";
    case 0x20015: return "IrqlKeReleaseSpinLock";
    case 0x20016: return "IrqlKeSetEvent";
    case 0x20019: return "IrqlMmApcLte";
    case 0x2001A: return "IrqlMmDispatch";
    case 0x2001B: return "IrqlObPassive";
    case 0x2001C: return "IrqlPsPassive";
    case 0x2001E: return "IrqlRtlPassive";
    case 0x2001F: return "IrqlZwPassive";
    case 0x20022: return "IrqlIoDispatch";
    case 0x20023: return "IrqlIoRtlZwPassive";
    case 0x20024: return "IrqlNtifsApcPassive";
    default: return "?";
    }
}

void MiDdiEnter(MI_DDI Ddi, ULONG_PTR Parameter3, ULONG_PTR Parameter4)
{
    const SIM_IRQL_RULE *Rule = &MiIrqlRules[Ddi];
    MiEnsureMachine();
    MiRefuseIfStopped(Rule->Ddi);
    KIRQL Irql = MiIrql;
    if (Irql <= Rule->MaxIrql) {
        return;
    }
    if (Rule->BugCheckCode == DRIVER_VERIFIER_DETECTED_VIOLATION) {
        if (Rule->SubCode >= 0x20000) {
            KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, Rule->SubCode,
                         (ULONG_PTR)MiRuleName(Rule->SubCode), Irql, 0);
        }
        KeBugCheckEx(DRIVER_VERIFIER_DETECTED_VIOLATION, Rule->SubCode, Irql, Parameter3,
                     Parameter4);
    }
    KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, 0, Irql, 0, Parameter4);
}

VOID NTAPI MmsimYieldProcessor(VOID)
{
    /* A spin-wait on a stopped machine, or one begun on a machine since
     * reset, would spin forever (on Windows the processor is frozen):
     * refused, like a DDI. */
    uint64_t Seen = MiThreadEpoch;
    MiRefuseIfStopped("YieldProcessor"); /* notes the current machine */
    if (Seen != 0 && Seen != MiThreadEpoch) {
        MiRefuseDeadWait("YieldProcessor", Seen);
    }
    HostYield();
}

VOID NTAPI MmsimPagedCodeCheck(PVOID CodeAddress)
{
    KIRQL Irql = MiIrql;
    if (Irql > APC_LEVEL) {
        /* Pageable code run at raised IRQL: the execute fault a real machine
         * takes when that page is out (0xD1, P3 = 8 execute). */
        KeBugCheckEx(DRIVER_IRQL_NOT_LESS_OR_EQUAL, (ULONG_PTR)CodeAddress, Irql, 8,
                     (ULONG_PTR)CodeAddress);
    }
}

/* The kernel proper keeps no machine state beyond per-thread IRQL; its entry
 * exists so that the subsystem table is never empty and a reset restores the
 * resetting thread's IRQL (done in machine.c). */
const MI_SUBSYSTEM MiKeSubsystem = {"ke", NULL, NULL, NULL};
