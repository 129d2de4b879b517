/*
 * mi_special.h - Driver Verifier's special pool (special_pool.c,
 * docs/special-pool.md): the hooks pool.c, the fault handler and the
 * verifier call. Every function expects MiLock() held unless it says
 * otherwise.
 */
#ifndef MMSIM_MI_SPECIAL_H
#define MMSIM_MI_SPECIAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include "mi_mm.h"

/* Alignment an allocation asks for: the configured one, or the one
 * ExAllocatePoolWithTagPriority's XxxSpecialPoolOverrun/Underrun names. */
typedef enum _MI_SPECIAL_MODE {
    MiSpecialDefault = 0,
    MiSpecialOverrun,
    MiSpecialUnderrun
} MI_SPECIAL_MODE;

/* ExAllocatePoolWithTag with its caller and a priority (whose
 * XxxSpecialPoolOverrun/Underrun values choose special pool's alignment):
 * ExAllocatePoolWithTagPriority and the legacy ExAllocatePool forms. Called
 * without the lock, as a DDI. */
PVOID MiAllocatePoolWithTagMode(const char *Ddi, POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                                ULONG Tag, ULONG_PTR Caller, EX_POOL_PRIORITY Priority);

/* Lifetime, from the pool subsystem's init and teardown. */
NTSTATUS MiSpecialPoolInit(const SIM_CONFIG *Config);
void MiSpecialPoolTeardown(void);

/* Whether special pool is on for this machine (set at its build): read on
 * every pool call, so that with special pool off they cost a load. */
extern _Atomic bool MiSpecialPoolOn;
static inline bool MiSpecialPoolIsOn(void)
{
    return atomic_load_explicit(&MiSpecialPoolOn, memory_order_relaxed);
}

/* true if special pool is on and selects a block of this pool, size and tag. */
bool MiSpecialPoolSelects(bool Paged, SIZE_T Bytes, ULONG Tag);
/* A special-pool block, or NULL when the budget (system PTEs or host
 * mappings) is spent: the caller falls back to normal pool, counted. */
void *MiSpecialPoolAllocate(bool Paged, SIZE_T Bytes, ULONG Tag, ULONG_PTR Caller, bool Zero,
                            MI_SPECIAL_MODE Mode);
/* true if Va lies in a run (guards included) special pool holds. */
bool MiSpecialPoolOwns(const void *Va);
/* The free of an address special pool owns: every check (0xC1 rows, 0xC2
 * rows) and, if they pass, the block goes to the quarantine. Drops the
 * lock before any bug check; returns with it held otherwise. On success
 * *Paged, *Size, *BlockTag describe the freed block. */
void MiSpecialPoolFree(void *Va, ULONG Tag, bool CheckTag, bool *Paged, SIZE_T *Size,
                       ULONG *BlockTag);
/* pool.c: stops (MiLock released) if the block [P, P + Size) being freed
 * holds a set timer, a queued DPC or an object a finder reports (mi.h). */
void MiStopIfHoldsObjects(const void *P, SIZE_T Size, ULONG_PTR PoolType);
/* The same, with the MM lock let go around it when this thread holds it
 * once; true if it was (the caller checks its block is still live). */
bool MiStopIfHoldsObjectsUnlocked(const void *P, SIZE_T Size, ULONG_PTR PoolType);
/* Size (and tag) of the live special block at Va, or 0. */
SIZE_T MiSpecialPoolBlockSize(const void *Va, ULONG *Tag);
/* Live special blocks for MiEnumPoolBlocks: appends them from Blocks[Count]
 * (while below Max) and returns the new count. */
ULONG MiSpecialPoolEnum(SIM_POOL_BLOCK_INFO *Blocks, ULONG Max, ULONG Count);
/* System PTEs special pool holds (live and quarantined runs): not a driver's
 * leak by themselves (a live block is reported as pool). */
uint64_t MiSpecialPoolPtes(void);

/* A fault at Address in system space that no valid or transition PTE
 * explains: if it is special pool's, bug checks 0xD6/0xCD (guard) or
 * 0xD5/0xCC (freed); otherwise returns. Called without the lock. */
void MiSpecialPoolFault(void *Address, bool Write, void *CodeAddress);

/* Invariant check (verifier/invariants.c): live blocks valid exactly over
 * their data pages, guards and quarantined runs never valid, VA allocated,
 * the counters add up. Returns the problem count. */
uint64_t MiCheckSpecialPool(char *Report, size_t Size);

#endif /* MMSIM_MI_SPECIAL_H */
