/*
 * posix_compat.h - the few POSIX calls the test suites make that mingw-w64
 * lacks, for the Windows build of the tests only (tests/CMakeLists.txt
 * force-includes it with -include when building for Windows, so the suites
 * stay unchanged): setenv/unsetenv (CRT _putenv: "NAME=" removes a variable,
 * learn.microsoft.com _putenv), pipe (CRT _pipe, binary mode), mkdir with a
 * mode (CRT _mkdir, the mode ignored) and sysconf(_SC_NPROCESSORS_ONLN)
 * (GetActiveProcessorCount over all processor groups, as the Windows host
 * layer counts them). It includes no <windows.h>, whose types would clash with
 * the simulator's <wdm.h>.
 */
#ifndef MMSIM_TESTS_POSIX_COMPAT_H
#define MMSIM_TESTS_POSIX_COMPAT_H
#ifdef _WIN32

#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static inline int MmsimCompatSetEnv(const char *Name, const char *Value, int Overwrite)
{
    if (!Overwrite && getenv(Name) != NULL) {
        return 0;
    }
    size_t Length = strlen(Name) + strlen(Value) + 2;
    char *Entry = (char *)malloc(Length); /* kept: the CRT may keep pointing at it */
    if (Entry == NULL) {
        return -1;
    }
    strcpy(Entry, Name);
    strcat(Entry, "=");
    strcat(Entry, Value);
    return _putenv(Entry) == 0 ? 0 : -1;
}

static inline int MmsimCompatUnsetEnv(const char *Name)
{
    return MmsimCompatSetEnv(Name, "", 1);
}

static inline int MmsimCompatPipe(int Fds[2])
{
    return _pipe(Fds, 65536, _O_BINARY);
}

#ifdef __cplusplus
extern "C"
#endif
    __declspec(dllimport) unsigned long __stdcall GetActiveProcessorCount(unsigned short Group);

#define MMSIM_COMPAT_SC_NPROCESSORS_ONLN 84
static inline long MmsimCompatSysconf(int Name)
{
    /* 0xFFFF: ALL_PROCESSOR_GROUPS */
    return Name == MMSIM_COMPAT_SC_NPROCESSORS_ONLN ? (long)GetActiveProcessorCount(0xFFFF) : -1;
}

#define setenv MmsimCompatSetEnv
#define unsetenv MmsimCompatUnsetEnv
#define pipe MmsimCompatPipe
#define mkdir(Path, Mode) _mkdir(Path)
#define sysconf MmsimCompatSysconf
#define _SC_NPROCESSORS_ONLN MMSIM_COMPAT_SC_NPROCESSORS_ONLN

#endif /* _WIN32 */
#endif /* MMSIM_TESTS_POSIX_COMPAT_H */
