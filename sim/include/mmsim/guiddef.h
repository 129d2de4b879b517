/*
 * mmsim/guiddef.h - GUID and DEFINE_GUID for driver code (realdrv3), as the
 * WDK's guiddef.h: DEFINE_GUID declares an extern const GUID, or, where
 * INITGUID is defined (<initguid.h> does that), defines it (selectany: one
 * definition however many files define it). Like the WDK's, the DEFINE_GUID
 * part is outside the include guard, so <initguid.h> after <wdm.h> turns the
 * following DEFINE_GUIDs into definitions. <wdm.h> and <initguid.h> include
 * this file, on every host; <guiddef.h> does on all but Windows.
 */
#ifndef MMSIM_GUIDDEF_H
#define MMSIM_GUIDDEF_H
#include "../ntdef.h"
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    ULONG Data1; /* unsigned long in guiddef.h: 32-bit on Windows */
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID;
#endif
#ifndef __LPGUID_DEFINED__
#define __LPGUID_DEFINED__
typedef GUID *LPGUID;
#endif
#ifndef __LPCGUID_DEFINED__
#define __LPCGUID_DEFINED__
typedef const GUID *LPCGUID;
#endif
#ifndef EXTERN_C
#ifdef __cplusplus
#define EXTERN_C extern "C"
#else
#define EXTERN_C extern
#endif
#endif
#endif /* MMSIM_GUIDDEF_H */

#ifdef DEFINE_GUID
#undef DEFINE_GUID
#endif
#ifdef INITGUID
#ifdef __cplusplus
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    EXTERN_C const GUID DECLSPEC_SELECTANY name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    const GUID DECLSPEC_SELECTANY name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#endif
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) EXTERN_C const GUID name
#endif
