/*
 * wdm_io.h - The I/O manager part of <wdm.h>: IRP, IO_STACK_LOCATION, device and driver objects.
 * Included by <wdm.h> after its own declarations; not included directly.
 */
#ifndef MMSIM_WDM_IO_H_
#define MMSIM_WDM_IO_H_

#endif /* MMSIM_WDM_IO_H_ */
