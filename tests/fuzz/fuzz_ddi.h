/*
 * fuzz_ddi.h - the DDI fuzzing harness (fuzz_ddi.c), shared by the libFuzzer
 * target, the replay program and its seed-corpus generator (fuzz_ddi_replay.c).
 *
 * Input format (docs/verifier.md, "Fuzzing"): byte 0 picks the machine
 * (bit 0 profile nt5, bit 1 retail instead of strict, bits 2-3 nt5 header
 * encoding); then operations follow until the input ends. Each operation is
 * one byte - low 5 bits the operation (modulo FUZZ_OP_COUNT), high 3 bits the
 * IRQL it runs at (FUZZ_IRQL_*) - followed by its arguments, decoded by the
 * Arg* readers in fuzz_ddi.c. Missing bytes read as zero.
 */
#ifndef MMSIM_FUZZ_DDI_H
#define MMSIM_FUZZ_DDI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Byte 0. */
#define FUZZ_CONFIG_NT5    0x01
#define FUZZ_CONFIG_RETAIL 0x02
#define FUZZ_CONFIG_HEADER(Format) ((uint8_t)(((Format) & 3) << 2)) /* SIM_NT5_HEADER_FORMAT */
#define FUZZ_CONFIG_SPECIAL 0x10 /* specialpool: Driver Verifier's special pool on */

/* Operations (low 5 bits of an operation byte). */
enum FUZZ_OP {
    FuzzOpPool2 = 0,         /* ExAllocatePool2 */
    FuzzOpPoolWithTag,       /* ExAllocatePoolWithTag */
    FuzzOpFreePool,          /* ExFreePoolWithTag / ExFreePool */
    FuzzOpIoAllocateMdl,     /* IoAllocateMdl (optionally with an IRP) */
    FuzzOpIoFreeMdl,         /* IoFreeMdl */
    FuzzOpBuildPartial,      /* IoBuildPartialMdl */
    FuzzOpBuildNonPaged,     /* MmBuildMdlForNonPagedPool */
    FuzzOpAllocatePages,     /* MmAllocatePagesForMdl(Ex) */
    FuzzOpFreePages,         /* MmFreePagesFromMdl(Ex) */
    FuzzOpProbeAndLock,      /* MmProbeAndLockPages inside SIM_TRY_STATUS */
    FuzzOpUnlock,            /* MmUnlockPages */
    FuzzOpMap,               /* MmMapLockedPagesSpecifyCache / MmGetSystemAddressForMdlSafe */
    FuzzOpUnmap,             /* MmUnmapLockedPages / MmPrepareMdlForReuse */
    FuzzOpReserve,           /* MmAllocateMappingAddress(Ex) */
    FuzzOpFreeReserved,      /* MmFreeMappingAddress */
    FuzzOpMapReserved,       /* MmMapLockedPagesWithReservedMapping */
    FuzzOpUnmapReserved,     /* MmUnmapReservedMapping */
    FuzzOpTouch,             /* read or write one byte */
    FuzzOpIrql,              /* KeRaiseIrql / KeLowerIrql / KeRaiseIrqlToDpcLevel */
    FuzzOpTrim,              /* SimTrimPagedPool */
    FuzzOpFaults,            /* SimConfigureFaults and the by-hand injection calls */
    FuzzOpQuery,             /* MmIsAddressValid, MmGetPhysicalAddress, MmSizeOfMdl,
                                MmGetSystemRoutineAddress, Sim queries and dumps */
    FuzzOpNt5Format,         /* SimSetNt5HeaderFormat */
    FuzzOpReset,             /* SimReset with whatever is live */
    FuzzOpTable,             /* next byte: an MI_DDI_CALL row of sim/mi_ddi_table.h
                                (modulo their count); its arguments by kind */
    FuzzOpUser,              /* next byte: a FUZZ_USER_* call on the user address
                                space (Zw*VirtualMemory, probes, user buffers,
                                MDLs over them locked and mapped in UserMode) */
    FUZZ_OP_COUNT
};

/* Operation bytes (low 5 bits) from FUZZ_OP_COUNT to 31 alias operation
 * (byte % FUZZ_OP_ALIAS_BASE): the count before FuzzOpUser, so that inputs
 * written then decode as they did. */
#define FUZZ_OP_ALIAS_BASE 25

/* FuzzOpUser's byte (low 3 bits; the other bits are its variations). */
#define FUZZ_USER_ALLOCATE 0 /* ZwAllocateVirtualMemory */
#define FUZZ_USER_FREE     1 /* ZwFreeVirtualMemory */
#define FUZZ_USER_PROTECT  2 /* ZwProtectVirtualMemory */
#define FUZZ_USER_QUERY    3 /* ZwQueryVirtualMemory */
#define FUZZ_USER_PROBE    4 /* ProbeForRead / ProbeForWrite inside SIM_TRY_STATUS */
#define FUZZ_USER_BUFFER   5 /* SimAllocateUserBuffer */
#define FUZZ_USER_TOUCH    6 /* read or write a user byte inside SIM_TRY_STATUS */
#define FUZZ_USER_LOCK     7 /* IoAllocateMdl + MmProbeAndLockPages(UserMode) [+ map UserMode] */

/* High 3 bits of an operation byte: the IRQL the operation runs at. */
#define FUZZ_IRQL_PASSIVE  0 /* 0-4 */
#define FUZZ_IRQL_APC      5
#define FUZZ_IRQL_DISPATCH 6
#define FUZZ_IRQL_RAW      7 /* the next byte, modulo 32 (above HIGH_LEVEL: 0xC4/0x30) */
#define FUZZ_OP_BYTE(Op, Irql) ((uint8_t)(((Irql) << 5) | (Op)))

/* Pointer selector (ArgPointer): bits 0-2 the offset, bits 3-4 the source. */
#define FUZZ_PTR_OFF_ZERO     0 /* + 0 */
#define FUZZ_PTR_OFF_BYTE     1 /* + next byte */
#define FUZZ_PTR_OFF_GRANULE  2 /* + 16 * next byte */
#define FUZZ_PTR_OFF_PAGES    3 /* + PAGE_SIZE * next byte */
#define FUZZ_PTR_OFF_LAST     4 /* + size - 1 */
#define FUZZ_PTR_OFF_END      5 /* + size */
#define FUZZ_PTR_OFF_BACK     6 /* - next byte */
#define FUZZ_PTR_OFF_RAW      7 /* + next 4 bytes */
#define FUZZ_PTR_SRC_PREFERRED 0 /* the n-th handle of the kinds the operation prefers */
#define FUZZ_PTR_SRC_ANY       1 /* the n-th handle of any kind */
#define FUZZ_PTR_SRC_NULL      2 /* NULL + next 2 bytes (below 64 KiB) */
#define FUZZ_PTR_SRC_LIVE      3 /* the n-th live handle of the preferred kinds */
/* (User-space handles - regions FuzzOpUser allocated - are a kind of their
 * own: operations on user space prefer them; SRC_ANY includes them.) */
#define FUZZ_PTR(Source, Offset) ((uint8_t)(((Source) << 3) | (Offset)))

/* MDL selector (ArgMdl): 0xC0 | n is NULL + 8 * n; otherwise the n-th MDL. */
#define FUZZ_MDL_NULL(n) ((uint8_t)(0xC0 | (n)))

/* Statistics of this process, for the replay program and long runs. */
typedef struct _FUZZ_STATS {
    uint64_t Inputs;
    uint64_t Operations;
    uint64_t Stops;          /* caught bug checks */
    uint64_t Raised;         /* exceptions caught by SIM_TRY_STATUS */
    uint64_t Skipped;        /* operations skipped (no usable handle, table full) */
    uint64_t InvariantChecks;
    uint64_t WholeChecks;    /* of them, of the whole machine */
    uint64_t PerOp[FUZZ_OP_COUNT];
    uint64_t StopCodes[16];  /* the most frequent codes, with StopCodeValues */
    uint32_t StopCodeValues[16];
} FUZZ_STATS;

void FuzzGetStats(FUZZ_STATS *Stats);

/* Invariant checks: after each call what it touched, and the whole machine
 * every Every-th check and at the end of each input (1: the whole machine
 * every time). */
#define FUZZ_WHOLE_CHECK_EVERY 32
void FuzzSetWholeChecks(unsigned Every);

/* The index FuzzOpTable's byte gives the MI_DDI_CALL row Name, or -1 (the
 * seed generator names rows, so that new rows do not shift its seeds). */
int FuzzTableRow(const char *Name);

/* libFuzzer entry point (also called by the replay program). */
int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_FUZZ_DDI_H */
