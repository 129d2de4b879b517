/*
 * wdm_more.h - Further Mm, Ex, Ke and Rtl names of <wdm.h> that driver code uses.
 * Included by <wdm.h> after its own declarations; not included directly.
 */
#ifndef MMSIM_WDM_MORE_H_
#define MMSIM_WDM_MORE_H_

#endif /* MMSIM_WDM_MORE_H_ */
