/*
 * wdm_survey25.h - further names that real driver files use, found by the
 * compile survey of survey25 (tests/realworld/README.md). Included by <wdm.h>
 * after its own declarations; not included directly.
 *
 * Shapes as Microsoft's documentation and the WDK declare them, cross-checked
 * against mingw-w64's ddk/wdm.h.
 */
#ifndef MMSIM_WDM_SURVEY25_H_
#define MMSIM_WDM_SURVEY25_H_

#ifdef __cplusplus
extern "C" {
#endif

/* The current thread's ETHREAD: the WDK's inline (wdm.h), the KTHREAD being
 * the ETHREAD's first member; any IRQL up to DISPATCH_LEVEL. Apriorit's kf
 * (RecursiveSpinLock.h) and 19 survey files call it. */
#if !defined(_PSGETCURRENTTHREAD_)
#define _PSGETCURRENTTHREAD_
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE PETHREAD NTAPI PsGetCurrentThread(VOID)
{
    return (PETHREAD)KeGetCurrentThread();
}
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_SURVEY25_H_ */
