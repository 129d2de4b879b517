/*
 * pool_wrappers.c - the out-of-line definitions of the WDK's inline pool
 * wrappers (ExAllocatePoolZero and its family, ExInitializeDriverRuntime;
 * sim/include/mmsim/wdm_realdrv.h), for a driver that takes their address.
 * Here in ex rather than with the other inline routines (sim/ke/wdk_inline.c)
 * because they call the Ex and Mm allocators.
 */
#define MMSIM_EMIT_REALDRV_INLINES 1
#include <wdm.h>
