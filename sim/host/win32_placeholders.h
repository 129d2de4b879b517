/*
 * win32_placeholders.h - the placeholder flags of VirtualAlloc2, VirtualFree
 * and UnmapViewOfFile2 (values from those functions' Microsoft pages), which
 * mingw-w64 10's headers do not define. Shared by the Windows host
 * (win32.c) and the model that tests its bookkeeping (tests/win32/).
 */
#ifndef MMSIM_WIN32_PLACEHOLDERS_H
#define MMSIM_WIN32_PLACEHOLDERS_H

#ifndef MEM_RESERVE_PLACEHOLDER
#define MEM_RESERVE_PLACEHOLDER 0x00040000
#endif
#ifndef MEM_REPLACE_PLACEHOLDER
#define MEM_REPLACE_PLACEHOLDER 0x00004000
#endif
#ifndef MEM_PRESERVE_PLACEHOLDER
#define MEM_PRESERVE_PLACEHOLDER 0x00000002
#endif
#ifndef MEM_COALESCE_PLACEHOLDERS
#define MEM_COALESCE_PLACEHOLDERS 0x00000001
#endif

#endif /* MMSIM_WIN32_PLACEHOLDERS_H */
