/*
 * seh.h - Structured exception handling for driver code: __try, __except, __finally, __leave.
 * Included by <wdm.h> after its own declarations; not included directly.
 */
#ifndef MMSIM_SEH_H_
#define MMSIM_SEH_H_

#endif /* MMSIM_SEH_H_ */
