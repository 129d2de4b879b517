/*
 * public_header.c - the top-level WDK headers a driver includes besides
 * <wdm.h>/<ntddk.h>: a public header shared by the driver and its
 * application includes <devioctl.h> alone, before the kernel headers, to
 * define its IOCTLs; drivers include <dontuse.h> unconditionally; DbgPrintEx
 * takes any DPFLTR_TYPE component (<dpfilter.h>, through <wdm.h>).
 * Compiled (-fsyntax-only) as C11 and C++17 by every compiler present.
 */
#include <devioctl.h>

#define IOCTL_SAMPLE_BUFFERED CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_SAMPLE_NEITHER \
    CTL_CODE(0x8001, 0x801, METHOD_NEITHER, FILE_READ_ACCESS | FILE_WRITE_ACCESS)

#include <ntddk.h>
#include <dontuse.h>
#include <devioctl.h> /* again, after <wdm.h>: one definition */

C_ASSERT(IOCTL_SAMPLE_BUFFERED == 0x00222000);
C_ASSERT(IOCTL_SAMPLE_NEITHER == 0x8001E007);
C_ASSERT(DEVICE_TYPE_FROM_CTL_CODE(IOCTL_SAMPLE_NEITHER) == 0x8001);
C_ASSERT(METHOD_FROM_CTL_CODE(IOCTL_SAMPLE_NEITHER) == METHOD_NEITHER);
/* DPFLTR_TYPE values as the WDK's dpfilter.h (and mingw-w64's) number them. */
C_ASSERT(DPFLTR_SYSTEM_ID == 0);
C_ASSERT(DPFLTR_IHVVIDEO_ID == 78);
C_ASSERT(DPFLTR_IHVDRIVER_ID == 77);
C_ASSERT(DPFLTR_IHVBUS_ID == 82);
C_ASSERT(DPFLTR_DEFAULT_ID == 101);
C_ASSERT(DPFLTR_MASK == 0x80000000);

ULONG SampleTrace(DPFLTR_TYPE Component);

ULONG SampleTrace(DPFLTR_TYPE Component)
{
    return DbgPrintEx(Component, DPFLTR_ERROR_LEVEL, "0x%lx\n", (ULONG)IOCTL_SAMPLE_BUFFERED);
}
