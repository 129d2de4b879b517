/*
 * ntifs.h - <ntifs.h> for driver code: a superset of <ntddk.h> (which it
 * includes, as the WDK's does) with the memory-relevant names file-system
 * and filter drivers use. Names mmsim does not emulate are absent, so a
 * driver that uses one gets a compile error naming it.
 */
#ifndef _NTIFS_
#define _NTIFS_

#include "ntddk.h"

#endif /* _NTIFS_ */
