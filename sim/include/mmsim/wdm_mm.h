/*
 * wdm_mm.h - device memory (MmMapIoSpace(Ex), MmUnmapIoSpace,
 * MmIsIoSpaceActive), further MDL routines, system size queries, processor
 * and NUMA queries, processor topology and further kernel routines (IPIs,
 * stack expansion, cache control). Included by <wdm.h> after its own
 * declarations; not included directly.
 *
 * Names, types and values as the WDK declares them (checked against mingw-w64's
 * ddk/wdm.h and ddk/ntddk.h by the oracle, tests/oracle/). Behaviour:
 * docs/device-memory.md. The ntddk.h-only names among them are visible from
 * <wdm.h> too: a superset, never a different declaration.
 */
#ifndef MMSIM_WDM_MM_H_
#define MMSIM_WDM_MM_H_

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Device memory (sim/mm/iospace.c) ---------------------------------- */
/* Maps NumberOfBytes of physical address space from PhysicalAddress into
 * system PTEs: a simulated device range (SIM_CONFIG.DeviceRanges,
 * MMSIM_DEVICE_RANGES), or RAM pages the caller holds. NULL if the range is
 * neither, or system PTEs run out (or under fault injection). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapIoSpace(_In_ PHYSICAL_ADDRESS PhysicalAddress,
                                     _In_ SIZE_T NumberOfBytes,
                                     _In_ MEMORY_CACHING_TYPE CacheEnable);
/* Protect: PAGE_READONLY, PAGE_READWRITE, PAGE_EXECUTE, PAGE_EXECUTE_READ or
 * PAGE_EXECUTE_READWRITE, optionally ORed with one of PAGE_NOCACHE and
 * PAGE_WRITECOMBINE; anything else: NULL. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapIoSpaceEx(_In_ PHYSICAL_ADDRESS PhysicalAddress,
                                       _In_ SIZE_T NumberOfBytes, _In_ ULONG Protect);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnmapIoSpace(_In_reads_bytes_(NumberOfBytes) PVOID BaseAddress,
                                      _In_ SIZE_T NumberOfBytes);
/* TRUE if any page of the physical range is mapped by MmMapIoSpace(Ex). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LOGICAL NTAPI MmIsIoSpaceActive(_In_ PHYSICAL_ADDRESS StartAddress,
                                            _In_ SIZE_T NumberOfBytes);

/* ---- Further MDL routines (sim/mm/mdl_more.c) -------------------------- */
/* Obsolete (use IoAllocateMdl): an MDL for Base/Length in pool, or
 * MemoryDescriptorList initialised when given. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PMDL NTAPI MmCreateMdl(_Out_writes_bytes_opt_(sizeof(MDL) + (sizeof(PFN_NUMBER) * ADDRESS_AND_SIZE_TO_SPAN_PAGES(Base, Length)))
                                       PMDL MemoryDescriptorList,
                                   _In_reads_bytes_opt_(Length) PVOID Base, _In_ SIZE_T Length);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI MmAdvanceMdl(_Inout_ PMDL Mdl, _In_ ULONG NumberOfBytes);
/* NewProtect: PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_EXECUTE,
 * PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI MmProtectMdlSystemAddress(_In_ PMDL MemoryDescriptorList,
                                                     _In_ ULONG NewProtect);
/* Obsolete (use MmIsAddressValid). */
NTKERNELAPI BOOLEAN NTAPI MmIsNonPagedSystemAddressValid(_In_ PVOID VirtualAddress);

/* ---- System size queries ----------------------------------------------- */
typedef LONG_PTR SPFN_NUMBER, *PSPFN_NUMBER;

typedef enum _MM_SYSTEM_SIZE { MmSmallSystem, MmMediumSystem, MmLargeSystem } MM_SYSTEMSIZE;

/* TRUE: physical addresses above 4 GiB exist (x64). */
extern NTKERNELAPI BOOLEAN Mm64BitPhysicalAddress;

NTKERNELAPI MM_SYSTEMSIZE NTAPI MmQuerySystemSize(VOID);
/* FALSE: the simulated machine is a workstation. */
NTKERNELAPI BOOLEAN NTAPI MmIsThisAnNtAsSystem(VOID);

/* ---- Processor and NUMA queries (sim/ke/processor.c) ------------------- */
#define MAXIMUM_PROCESSORS      MAXIMUM_PROC_PER_GROUP
#define INVALID_PROCESSOR_INDEX 0xffffffff
/* x64 builds for Windows 7 and later are group-aware: the WDK defines
 * SINGLE_GROUP_LEGACY_API only for older targets, x86, or without
 * NT_PROCESSOR_GROUPS; mingw-w64's headers (NTDDI below Windows 7) define it. */
#ifndef SINGLE_GROUP_LEGACY_API
#define SINGLE_GROUP_LEGACY_API 1
#endif

#ifndef ___GROUP_AFFINITY_DEFINED
#define ___GROUP_AFFINITY_DEFINED
typedef struct _GROUP_AFFINITY {
    KAFFINITY Mask;
    USHORT Group;
    USHORT Reserved[3];
} GROUP_AFFINITY, *PGROUP_AFFINITY;
#endif

/* Processors in group 0 (at most 64); kept current by the machine. */
extern NTSYSAPI volatile CCHAR KeNumberProcessors;

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeQueryMaximumProcessorCount(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeQueryMaximumProcessorCountEx(_In_ USHORT GroupNumber);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI USHORT NTAPI KeQueryActiveGroupCount(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI USHORT NTAPI KeQueryMaximumGroupCount(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI USHORT NTAPI KeQueryNodeMaximumProcessorCount(_In_ USHORT NodeNumber);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI USHORT NTAPI KeQueryHighestNodeNumber(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI USHORT NTAPI KeGetCurrentNodeNumber(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeGetProcessorNumberFromIndex(_In_ ULONG ProcIndex,
                                                         _Out_ PPROCESSOR_NUMBER ProcNumber);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI ULONG NTAPI KeGetProcessorIndexFromNumber(_In_ PPROCESSOR_NUMBER ProcNumber);
/* survey31: a thread's group affinity (sim/ke/dispatch.c); the group-0 forms,
 * KeSetSystemAffinityThread(Ex), are in mmsim/wdm_ke.h. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeSetSystemGroupAffinityThread(_In_ PGROUP_AFFINITY Affinity,
                                                      _Out_opt_ PGROUP_AFFINITY PreviousAffinity);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeRevertToUserGroupAffinityThread(_In_ PGROUP_AFFINITY PreviousAffinity);

/* ---- Processor topology ------------------------------------------------ */
#define CACHE_FULLY_ASSOCIATIVE 0xFF
#define LTP_PC_SMT              0x1

typedef enum _LOGICAL_PROCESSOR_RELATIONSHIP {
    RelationProcessorCore,
    RelationNumaNode,
    RelationCache,
    RelationProcessorPackage,
    RelationGroup,
    RelationAll = 0xffff
} LOGICAL_PROCESSOR_RELATIONSHIP;

typedef enum _PROCESSOR_CACHE_TYPE {
    CacheUnified,
    CacheInstruction,
    CacheData,
    CacheTrace
} PROCESSOR_CACHE_TYPE;

typedef struct _CACHE_DESCRIPTOR {
    UCHAR Level;
    UCHAR Associativity;
    USHORT LineSize;
    ULONG Size;
    PROCESSOR_CACHE_TYPE Type;
} CACHE_DESCRIPTOR, *PCACHE_DESCRIPTOR;

/* The WDK's unnamed unions (DUMMYUNIONNAME) with structs declared inside:
 * standard C11, extensions in C++ that the headers accept as the WDK's shape. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif
#endif
typedef struct _SYSTEM_LOGICAL_PROCESSOR_INFORMATION {
    ULONG_PTR ProcessorMask;
    LOGICAL_PROCESSOR_RELATIONSHIP Relationship;
    union {
        struct {
            UCHAR Flags;
        } ProcessorCore;
        struct {
            ULONG NodeNumber;
        } NumaNode;
        CACHE_DESCRIPTOR Cache;
        ULONGLONG Reserved[2];
    } DUMMYUNIONNAME;
} SYSTEM_LOGICAL_PROCESSOR_INFORMATION, *PSYSTEM_LOGICAL_PROCESSOR_INFORMATION;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

typedef struct _PROCESSOR_RELATIONSHIP {
    UCHAR Flags;
    UCHAR EfficiencyClass;
    UCHAR Reserved[20];
    USHORT GroupCount;
    GROUP_AFFINITY GroupMask[ANYSIZE_ARRAY];
} PROCESSOR_RELATIONSHIP, *PPROCESSOR_RELATIONSHIP;

typedef struct _NUMA_NODE_RELATIONSHIP {
    ULONG NodeNumber;
    UCHAR Reserved[20];
    GROUP_AFFINITY GroupMask;
} NUMA_NODE_RELATIONSHIP, *PNUMA_NODE_RELATIONSHIP;

typedef struct _CACHE_RELATIONSHIP {
    UCHAR Level;
    UCHAR Associativity;
    USHORT LineSize;
    ULONG CacheSize;
    PROCESSOR_CACHE_TYPE Type;
    UCHAR Reserved[20];
    GROUP_AFFINITY GroupMask;
} CACHE_RELATIONSHIP, *PCACHE_RELATIONSHIP;

typedef struct _PROCESSOR_GROUP_INFO {
    UCHAR MaximumProcessorCount;
    UCHAR ActiveProcessorCount;
    UCHAR Reserved[38];
    KAFFINITY ActiveProcessorMask;
} PROCESSOR_GROUP_INFO, *PPROCESSOR_GROUP_INFO;

typedef struct _GROUP_RELATIONSHIP {
    USHORT MaximumGroupCount;
    USHORT ActiveGroupCount;
    UCHAR Reserved[20];
    PROCESSOR_GROUP_INFO GroupInfo[ANYSIZE_ARRAY];
} GROUP_RELATIONSHIP, *PGROUP_RELATIONSHIP;

typedef struct _SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX {
    LOGICAL_PROCESSOR_RELATIONSHIP Relationship;
    ULONG Size;
    union {
        PROCESSOR_RELATIONSHIP Processor;
        NUMA_NODE_RELATIONSHIP NumaNode;
        CACHE_RELATIONSHIP Cache;
        GROUP_RELATIONSHIP Group;
    } DUMMYUNIONNAME;
} SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, *PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX;

/* The simulated machine: one package, one NUMA node, one core per logical
 * processor (no SMT), no caches described. STATUS_INFO_LENGTH_MISMATCH with
 * the size needed in *Length when Information is too small. */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeQueryLogicalProcessorRelationship(
    _In_opt_ PPROCESSOR_NUMBER ProcessorNumber,
    _In_ LOGICAL_PROCESSOR_RELATIONSHIP RelationshipType,
    _Out_writes_bytes_opt_(*Length) PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX Information,
    _Inout_ PULONG Length);

/* ---- Further kernel routines (sim/ke/processor.c) ---------------------- */
typedef PVOID PKIPI_CONTEXT;
typedef VOID(NTAPI *PKIPI_WORKER)(_Inout_ PKIPI_CONTEXT PacketContext,
                                  _In_opt_ PVOID Parameter1, _In_opt_ PVOID Parameter2,
                                  _In_opt_ PVOID Parameter3);

typedef struct _KIPI_COUNTS {
    ULONG Freeze;
    ULONG Packet;
    ULONG DPC;
    ULONG APC;
    ULONG FlushSingleTb;
    ULONG FlushMultipleTb;
    ULONG FlushEntireTb;
    ULONG GenericCall;
    ULONG ChangeColor;
    ULONG SweepDcache;
    ULONG SweepIcache;
    ULONG SweepIcacheRange;
    ULONG FlushIoBuffers;
    ULONG GratuitousDPC;
} KIPI_COUNTS, *PKIPI_COUNTS;

typedef ULONG_PTR(NTAPI KIPI_BROADCAST_WORKER)(_In_ ULONG_PTR Argument);
typedef KIPI_BROADCAST_WORKER *PKIPI_BROADCAST_WORKER;

/* Runs BroadcastFunction(Context) once for every simulated processor, at
 * IPI_LEVEL, one after the other on the calling thread (the machine has no
 * other CPUs to interrupt); returns the value of the call for the caller's
 * processor. */
_IRQL_requires_max_(IPI_LEVEL)
NTKERNELAPI ULONG_PTR NTAPI KeIpiGenericCall(_In_ PKIPI_BROADCAST_WORKER BroadcastFunction,
                                             _In_ ULONG_PTR Context);

typedef VOID(NTAPI *PEXPAND_STACK_CALLOUT)(_In_opt_ PVOID Parameter);

#define NX_SUPPORT_POLICY_ALWAYSOFF 0
#define NX_SUPPORT_POLICY_ALWAYSON  1
#define NX_SUPPORT_POLICY_OPTIN     2
#define NX_SUPPORT_POLICY_OPTOUT    3

/* Calls Callout(Parameter) on the caller's stack (host threads have stacks
 * of megabytes); Size above MAXIMUM_EXPANSION_SIZE: STATUS_INVALID_PARAMETER
 * without the call. */
#define MAXIMUM_EXPANSION_SIZE (KERNEL_LARGE_STACK_SIZE - (PAGE_SIZE / 2))
#ifndef KERNEL_LARGE_STACK_SIZE
#define KERNEL_LARGE_STACK_SIZE 0x12000
#endif
/* survey31: the rest of ntddk.h's x64 kernel stack sizes (MiniVisor sizes its
 * host stacks with KERNEL_STACK_SIZE). */
#ifndef KERNEL_STACK_SIZE
#define KERNEL_STACK_SIZE 0x6000
#endif
#ifndef KERNEL_LARGE_STACK_COMMIT
#define KERNEL_LARGE_STACK_COMMIT KERNEL_STACK_SIZE
#endif
#ifndef KERNEL_MCA_EXCEPTION_STACK_SIZE
#define KERNEL_MCA_EXCEPTION_STACK_SIZE 0x2000
#endif
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeExpandKernelStackAndCallout(_In_ PEXPAND_STACK_CALLOUT Callout,
                                                         _In_opt_ PVOID Parameter,
                                                         _In_ SIZE_T Size);

/* Cache and write-buffer control: nothing to flush in user mode (a full
 * memory barrier). */
_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI VOID NTAPI KeFlushWriteBuffer(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeInvalidateAllCaches(VOID);
_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID NTAPI KeInvalidateRangeAllCaches(_In_ PVOID BaseAddress, _In_ ULONG Length);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_MM_H_ */
