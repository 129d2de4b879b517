/*
 * processor.c - processor and NUMA queries, the processor topology, and the
 * further kernel routines over processors: KeNumberProcessors,
 * KeQueryMaximumProcessorCount(Ex), KeQueryActiveGroupCount,
 * KeQueryMaximumGroupCount, KeQueryNodeMaximumProcessorCount,
 * KeQueryHighestNodeNumber, KeGetCurrentNodeNumber,
 * KeGetProcessorNumberFromIndex, KeGetProcessorIndexFromNumber,
 * KeQueryLogicalProcessorRelationship, KeIpiGenericCall,
 * KeExpandKernelStackAndCallout, KeFlushWriteBuffer, KeInvalidateAllCaches,
 * KeInvalidateRangeAllCaches.
 *
 * Facts (Microsoft's page for each routine): a processor index runs over all
 * groups, group by group; an index or number that names no processor gives
 * STATUS_INVALID_PARAMETER (KeGetProcessorNumberFromIndex) or
 * INVALID_PROCESSOR_INDEX; KeIpiGenericCall runs the routine on every
 * processor at IPI_LEVEL and returns the caller's processor's result;
 * KeQueryLogicalProcessorRelationship returns STATUS_INFO_LENGTH_MISMATCH with
 * the size needed when the buffer is too small.
 *
 * mmsim's choices (docs/device-memory.md, "Processors"): the machine's
 * processors are the host's (sim/ke/time.c), every one present is active
 * (maximum = active), one NUMA node (node 0), one package, one core per
 * logical processor; KeIpiGenericCall calls the routine once per processor in
 * index order on the calling thread.
 */
#include <stdatomic.h>

#include "../host/host.h"
#include "../mi.h"

volatile CCHAR KeNumberProcessors;

/* Drivers read the variable directly, before any DDI: set it when the
 * program loads (the host's processors do not change). */
__attribute__((constructor)) static void MiSetNumberProcessors(void)
{
    uint32_t Count = HostProcessorCount();
    KeNumberProcessors = (CCHAR)(Count > MAXIMUM_PROC_PER_GROUP ? MAXIMUM_PROC_PER_GROUP : Count);
}

static ULONG MiAllProcessors(void)
{
    return KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);
}

static USHORT MiGroups(void)
{
    return (USHORT)((MiAllProcessors() + MAXIMUM_PROC_PER_GROUP - 1) / MAXIMUM_PROC_PER_GROUP);
}

ULONG NTAPI KeQueryMaximumProcessorCount(VOID)
{
    MiDdiEnter(MiDdi_KeQueryMaximumProcessorCount, 0, MI_CALLER_ADDRESS());
    return KeQueryActiveProcessorCountEx(0);
}

ULONG NTAPI KeQueryMaximumProcessorCountEx(USHORT GroupNumber)
{
    MiDdiEnter(MiDdi_KeQueryMaximumProcessorCountEx, 0, MI_CALLER_ADDRESS());
    return KeQueryActiveProcessorCountEx(GroupNumber);
}

USHORT NTAPI KeQueryActiveGroupCount(VOID)
{
    MiDdiEnter(MiDdi_KeQueryActiveGroupCount, 0, MI_CALLER_ADDRESS());
    return MiGroups();
}

USHORT NTAPI KeQueryMaximumGroupCount(VOID)
{
    MiDdiEnter(MiDdi_KeQueryMaximumGroupCount, 0, MI_CALLER_ADDRESS());
    return MiGroups();
}

USHORT NTAPI KeQueryNodeMaximumProcessorCount(USHORT NodeNumber)
{
    MiDdiEnter(MiDdi_KeQueryNodeMaximumProcessorCount, 0, MI_CALLER_ADDRESS());
    return NodeNumber == 0 ? (USHORT)MiAllProcessors() : 0;
}

USHORT NTAPI KeQueryHighestNodeNumber(VOID)
{
    MiDdiEnter(MiDdi_KeQueryHighestNodeNumber, 0, MI_CALLER_ADDRESS());
    return 0;
}

USHORT NTAPI KeGetCurrentNodeNumber(VOID)
{
    MiDdiEnter(MiDdi_KeGetCurrentNodeNumber, 0, MI_CALLER_ADDRESS());
    return 0;
}

NTSTATUS NTAPI KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber)
{
    MiDdiEnter(MiDdi_KeGetProcessorNumberFromIndex, ProcIndex, MI_CALLER_ADDRESS());
    if (ProcIndex >= MiAllProcessors()) {
        return STATUS_INVALID_PARAMETER;
    }
    ProcNumber->Group = (USHORT)(ProcIndex / MAXIMUM_PROC_PER_GROUP);
    ProcNumber->Number = (UCHAR)(ProcIndex % MAXIMUM_PROC_PER_GROUP);
    ProcNumber->Reserved = 0;
    return STATUS_SUCCESS;
}

ULONG NTAPI KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber)
{
    MiDdiEnter(MiDdi_KeGetProcessorIndexFromNumber, 0, MI_CALLER_ADDRESS());
    if (ProcNumber->Number >= MAXIMUM_PROC_PER_GROUP || ProcNumber->Reserved != 0) {
        return INVALID_PROCESSOR_INDEX;
    }
    ULONG Index = (ULONG)ProcNumber->Group * MAXIMUM_PROC_PER_GROUP + ProcNumber->Number;
    return Index < MiAllProcessors() ? Index : INVALID_PROCESSOR_INDEX;
}

/* ---- Topology ------------------------------------------------------------ */
static KAFFINITY MiGroupMask(USHORT Group)
{
    ULONG Count = KeQueryActiveProcessorCountEx(Group);
    return Count >= 64 ? ~(KAFFINITY)0 : ((KAFFINITY)1 << Count) - 1;
}

/* One record of Relation for the processors in Group (Processor: -1 all of
 * them, else that one; a core is one processor). Returns its size; writes it
 * only if it fits in Left. */
static ULONG MiRelationRecord(LOGICAL_PROCESSOR_RELATIONSHIP Relation, USHORT Group,
                              int Processor, SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *Out,
                              ULONG Left)
{
    ULONG Size;
    USHORT Groups = MiGroups();
    switch (Relation) {
    case RelationProcessorCore:
        Size = (ULONG)(FIELD_OFFSET(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Processor.GroupMask) +
                       sizeof(GROUP_AFFINITY));
        break;
    case RelationProcessorPackage:
        Size = (ULONG)(FIELD_OFFSET(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Processor.GroupMask) +
                       Groups * sizeof(GROUP_AFFINITY));
        break;
    case RelationNumaNode:
        Size = (ULONG)(FIELD_OFFSET(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, NumaNode) +
                       sizeof(NUMA_NODE_RELATIONSHIP));
        break;
    case RelationGroup:
        Size = (ULONG)(FIELD_OFFSET(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Group.GroupInfo) +
                       Groups * sizeof(PROCESSOR_GROUP_INFO));
        break;
    default:
        return 0;
    }
    Size = (Size + 7) & ~7u;
    if (Out == NULL || Size > Left) {
        return Size;
    }
    memset(Out, 0, Size);
    Out->Relationship = Relation;
    Out->Size = Size;
    switch (Relation) {
    case RelationProcessorCore:
        Out->Processor.GroupCount = 1;
        Out->Processor.GroupMask[0].Group = Group;
        Out->Processor.GroupMask[0].Mask = (KAFFINITY)1 << Processor;
        break;
    case RelationProcessorPackage:
        Out->Processor.GroupCount = Groups;
        for (USHORT g = 0; g < Groups; g++) {
            GROUP_AFFINITY *Mask = (GROUP_AFFINITY *)(void *)((UCHAR *)Out->Processor.GroupMask +
                                                               g * sizeof(GROUP_AFFINITY));
            Mask->Group = g;
            Mask->Mask = MiGroupMask(g);
        }
        break;
    case RelationNumaNode:
        /* One node: its mask is that of the group asked about (Windows
         * reports a node per group it spans). */
        Out->NumaNode.NodeNumber = 0;
        Out->NumaNode.GroupMask.Group = Group;
        Out->NumaNode.GroupMask.Mask = MiGroupMask(Group);
        break;
    default: /* RelationGroup */
        Out->Group.MaximumGroupCount = Groups;
        Out->Group.ActiveGroupCount = Groups;
        for (USHORT g = 0; g < Groups; g++) {
            PROCESSOR_GROUP_INFO *Info =
                (PROCESSOR_GROUP_INFO *)(void *)((UCHAR *)Out->Group.GroupInfo +
                                                 g * sizeof(PROCESSOR_GROUP_INFO));
            Info->MaximumProcessorCount = (UCHAR)KeQueryActiveProcessorCountEx(g);
            Info->ActiveProcessorCount = Info->MaximumProcessorCount;
            Info->ActiveProcessorMask = MiGroupMask(g);
        }
        break;
    }
    return Size;
}

NTSTATUS NTAPI KeQueryLogicalProcessorRelationship(
    PPROCESSOR_NUMBER ProcessorNumber, LOGICAL_PROCESSOR_RELATIONSHIP RelationshipType,
    PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX Information, PULONG Length)
{
    MiDdiEnter(MiDdi_KeQueryLogicalProcessorRelationship, (ULONG_PTR)RelationshipType,
               MI_CALLER_ADDRESS());
    if (Length == NULL ||
        (RelationshipType != RelationAll && (unsigned)RelationshipType > RelationGroup)) {
        return STATUS_INVALID_PARAMETER;
    }
    ULONG First = 0, Last = MiAllProcessors(); /* processor indices [First, Last) */
    if (ProcessorNumber != NULL) {
        ULONG Index = KeGetProcessorIndexFromNumber(ProcessorNumber);
        if (Index == INVALID_PROCESSOR_INDEX) {
            return STATUS_INVALID_PARAMETER;
        }
        First = Index;
        Last = Index + 1;
    }
    static const LOGICAL_PROCESSOR_RELATIONSHIP Order[] = {
        RelationProcessorCore, RelationNumaNode, RelationProcessorPackage, RelationGroup};
    ULONG Needed = 0;
    ULONG Left = Information != NULL ? *Length : 0;
    bool Fits = true;
    for (size_t r = 0; r < sizeof(Order) / sizeof(Order[0]); r++) {
        LOGICAL_PROCESSOR_RELATIONSHIP Relation = Order[r];
        if (RelationshipType != RelationAll && RelationshipType != Relation) {
            continue;
        }
        /* Cores: one record per processor; the others once (one node, one
         * package, one group list), for the first processor's group. */
        ULONG Stop = Relation == RelationProcessorCore ? Last : First + 1;
        for (ULONG i = First; i < Stop; i++) {
            USHORT Group = (USHORT)(i / MAXIMUM_PROC_PER_GROUP);
            int Number = (int)(i % MAXIMUM_PROC_PER_GROUP);
            SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *Out =
                Fits && Information != NULL
                    ? (SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *)(void *)((UCHAR *)Information +
                                                                        Needed)
                    : NULL;
            ULONG Size = MiRelationRecord(Relation, Group, Number, Out, Left - (Fits ? Needed : 0));
            if (Needed + Size > Left) {
                Fits = false;
            }
            Needed += Size;
        }
    }
    bool Enough = Information != NULL && Needed <= *Length;
    *Length = Needed;
    return Enough ? STATUS_SUCCESS : STATUS_INFO_LENGTH_MISMATCH;
}

/* ---- Further kernel routines -------------------------------------------- */
ULONG_PTR NTAPI KeIpiGenericCall(PKIPI_BROADCAST_WORKER BroadcastFunction, ULONG_PTR Context)
{
    MiDdiEnter(MiDdi_KeIpiGenericCall, (ULONG_PTR)BroadcastFunction, MI_CALLER_ADDRESS());
    KIRQL OldIrql;
    KeRaiseIrql(IPI_LEVEL, &OldIrql);
    ULONG Self = KeGetCurrentProcessorIndex();
    ULONG_PTR Mine = 0;
    ULONG Count = MiAllProcessors();
    for (ULONG i = 0; i < Count; i++) {
        ULONG_PTR Result = BroadcastFunction(Context);
        if (i == Self) {
            Mine = Result;
        }
    }
    KeLowerIrql(OldIrql);
    return Mine;
}

NTSTATUS NTAPI KeExpandKernelStackAndCallout(PEXPAND_STACK_CALLOUT Callout, PVOID Parameter,
                                             SIZE_T Size)
{
    MiDdiEnter(MiDdi_KeExpandKernelStackAndCallout, Size, MI_CALLER_ADDRESS());
    if (Size > MAXIMUM_EXPANSION_SIZE) {
        return STATUS_INVALID_PARAMETER;
    }
    Callout(Parameter);
    return STATUS_SUCCESS;
}

VOID NTAPI KeFlushWriteBuffer(VOID)
{
    MiDdiEnter(MiDdi_KeFlushWriteBuffer, 0, MI_CALLER_ADDRESS());
    atomic_thread_fence(memory_order_seq_cst);
}

BOOLEAN NTAPI KeInvalidateAllCaches(VOID)
{
    MiDdiEnter(MiDdi_KeInvalidateAllCaches, 0, MI_CALLER_ADDRESS());
    atomic_thread_fence(memory_order_seq_cst);
    return TRUE;
}

VOID NTAPI KeInvalidateRangeAllCaches(PVOID BaseAddress, ULONG Length)
{
    MiDdiEnter(MiDdi_KeInvalidateRangeAllCaches, (ULONG_PTR)BaseAddress, MI_CALLER_ADDRESS());
    UNREFERENCED_PARAMETER(Length);
    atomic_thread_fence(memory_order_seq_cst);
}
