# Cross toolchain: Windows x64 with mingw-w64 (Debian: gcc-mingw-w64-x86-64,
# g++-mingw-w64-x86-64). Used by the `mingw` preset:
#
#   cmake --preset mingw && cmake --build --preset mingw
#
# The -posix compilers (gcc's threading on winpthreads) are preferred so the
# runtime and sim/ke's pthread calls share one thread library; programs are
# linked -static so they run on Windows without libgcc/libwinpthread DLLs.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(MMSIM_MINGW_TRIPLE x86_64-w64-mingw32)
find_program(CMAKE_C_COMPILER NAMES ${MMSIM_MINGW_TRIPLE}-gcc-posix ${MMSIM_MINGW_TRIPLE}-gcc REQUIRED)
find_program(CMAKE_CXX_COMPILER NAMES ${MMSIM_MINGW_TRIPLE}-g++-posix ${MMSIM_MINGW_TRIPLE}-g++ REQUIRED)
find_program(CMAKE_RC_COMPILER NAMES ${MMSIM_MINGW_TRIPLE}-windres windres)

set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

set(CMAKE_FIND_ROOT_PATH /usr/${MMSIM_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Never let pkg-config find the build machine's (Linux) CMocka or anything
# else: there are no cross .pc files on Debian.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/${MMSIM_MINGW_TRIPLE}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Wine, where installed, runs the Windows test binaries (`ctest --preset
# mingw` runs only the host layer's own tests: Wine 8 has no placeholder
# mappings, so the simulator itself cannot start under it).
find_program(MMSIM_WINE NAMES wine64 wine PATHS /usr/lib/wine)
if(MMSIM_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${MMSIM_WINE})
endif()
