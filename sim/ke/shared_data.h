/*
 * shared_data.h - the KUSER_SHARED_DATA page (sim/ke/shared_data.c) and the
 * clock values it holds (sim/ke/time.c). Internal to sim/ke.
 */
#ifndef MMSIM_KE_SHARED_DATA_H
#define MMSIM_KE_SHARED_DATA_H

#include <stdint.h>

/* The clock at its last tick: interrupt time and system time (100 ns
 * units, since boot / since 1601) and the tick count (sim/ke/time.c). */
void MiClockAtLastTick(uint64_t *InterruptTime, uint64_t *SystemTime, uint64_t *TickCount);
/* Brings SharedUserData's time fields up to the last clock tick. */
void MiSharedDataRefresh(void);

#endif /* MMSIM_KE_SHARED_DATA_H */
