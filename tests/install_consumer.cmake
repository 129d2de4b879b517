# install_consumer.cmake - an installed mmsim is usable from outside the tree,
# through both routes a consumer has: find_package(mmsim CONFIG) and
# pkg-config (mmsim.pc, and mmsim-cmocka.pc for the CMocka helpers); the mmsim
# program is installed and runs. Run by ctest as
#
#   cmake -DMMSIM_BUILD_DIR=... -DMMSIM_SOURCE_DIR=... -DSCRATCH_DIR=...
#         -DMMSIM_INSTALL_LIBDIR=... -DC_COMPILER=... -DC_FLAGS=...
#         -DEXE_LINKER_FLAGS=... -DEXE_SUFFIX=... -P install_consumer.cmake
#
# C_FLAGS and EXE_LINKER_FLAGS are the parent build's, so that under the
# asan/tsan presets the consumer links against the sanitized library with the
# same runtime. Every failing step stops the script with a message saying
# which step failed and why.
cmake_minimum_required(VERSION 3.25)

foreach(Var MMSIM_BUILD_DIR MMSIM_SOURCE_DIR SCRATCH_DIR MMSIM_INSTALL_LIBDIR C_COMPILER)
  if(NOT DEFINED ${Var} OR "${${Var}}" STREQUAL "")
    message(FATAL_ERROR "install_consumer: -D${Var}=... is required")
  endif()
endforeach()

set(Prefix "${SCRATCH_DIR}/prefix")
set(ConsumerSource "${MMSIM_SOURCE_DIR}/tests/consumer")
set(ConsumerBuild "${SCRATCH_DIR}/consumer-build")

file(REMOVE_RECURSE "${SCRATCH_DIR}")
file(MAKE_DIRECTORY "${SCRATCH_DIR}")

# Runs one step; on failure prints its output and stops.
function(run_step Name)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE Result
    OUTPUT_VARIABLE Output
    ERROR_VARIABLE Output)
  if(NOT Result EQUAL 0)
    list(JOIN ARGN " " CommandLine)
    message(FATAL_ERROR
      "install_consumer: step '${Name}' failed (${Result})\n"
      "  command: ${CommandLine}\n"
      "  output:\n${Output}")
  endif()
  set(StepOutput "${Output}" PARENT_SCOPE)
  message(STATUS "ok: ${Name}")
endfunction()

# ---- 1. install into a scratch prefix ------------------------------------
run_step("cmake --install" "${CMAKE_COMMAND}" --install "${MMSIM_BUILD_DIR}" --prefix "${Prefix}")

foreach(Header wdm.h ntddk.h ntstrsafe.h mmsim.h mmsim_cmocka.h mmsim/sal.h mmsim/ntstatus.h mmsim/bugcodes.h)
  if(NOT EXISTS "${Prefix}/include/mmsim/${Header}")
    message(FATAL_ERROR "install_consumer: ${Header} was not installed to ${Prefix}/include/mmsim")
  endif()
endforeach()
if(NOT EXISTS "${Prefix}/${MMSIM_INSTALL_LIBDIR}/cmake/mmsim/mmsimConfig.cmake")
  message(FATAL_ERROR "install_consumer: no mmsimConfig.cmake under "
    "${Prefix}/${MMSIM_INSTALL_LIBDIR}/cmake/mmsim")
endif()

# The mmsim program and its manual are installed with the library, and the
# installed program runs.
set(InstalledMmsim "${Prefix}/bin/mmsim${EXE_SUFFIX}")
if(NOT EXISTS "${InstalledMmsim}")
  message(FATAL_ERROR "install_consumer: the mmsim program was not installed to ${InstalledMmsim}")
endif()
if(NOT EXISTS "${Prefix}/share/doc/mmsim/mmsim.md")
  message(FATAL_ERROR "install_consumer: docs/mmsim.md was not installed to ${Prefix}/share/doc/mmsim")
endif()
run_step("installed bin/mmsim --help" "${InstalledMmsim}" --help)
if(NOT StepOutput MATCHES "usage: mmsim" OR NOT StepOutput MATCHES "share/doc/mmsim/mmsim.md")
  message(FATAL_ERROR "install_consumer: bin/mmsim --help printed:\n${StepOutput}")
endif()

# ---- 2. find_package route -------------------------------------------------
separate_arguments(CFlagList UNIX_COMMAND "${C_FLAGS}")
separate_arguments(LinkFlagList UNIX_COMMAND "${EXE_LINKER_FLAGS}")

run_step("configure consumer (find_package)"
  "${CMAKE_COMMAND}" -S "${ConsumerSource}" -B "${ConsumerBuild}" -G Ninja
  "-DCMAKE_C_COMPILER=${C_COMPILER}"
  "-DCMAKE_C_FLAGS=${C_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}"
  "-DCMAKE_PREFIX_PATH=${Prefix}"
  # Only the scratch install may satisfy find_package: no registries.
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)

# The package found must be the one just installed, not a build tree.
file(STRINGS "${ConsumerBuild}/CMakeCache.txt" FoundDir REGEX "^mmsim_DIR:")
string(REGEX REPLACE "^mmsim_DIR:[A-Z]+=" "" FoundDir "${FoundDir}")
file(REAL_PATH "${Prefix}" RealPrefix)
if(EXISTS "${FoundDir}")
  file(REAL_PATH "${FoundDir}" FoundDir)
endif()
string(FIND "${FoundDir}" "${RealPrefix}/" Where)
if(NOT Where EQUAL 0)
  message(FATAL_ERROR "install_consumer: find_package(mmsim) used '${FoundDir}', "
    "not the installed package under '${RealPrefix}'")
endif()

run_step("build consumer (find_package)" "${CMAKE_COMMAND}" --build "${ConsumerBuild}")
run_step("run consumer (find_package)" "${ConsumerBuild}/consumer")
if(NOT StepOutput MATCHES "mmsim consumer ok")
  message(FATAL_ERROR "install_consumer: consumer (find_package) printed:\n${StepOutput}")
endif()

# ---- 3. pkg-config route ---------------------------------------------------
find_program(PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
if(NOT PKG_CONFIG_EXECUTABLE)
  message(FATAL_ERROR "install_consumer: pkg-config not found (apt-get install pkg-config)")
endif()
set(PcDir "${Prefix}/${MMSIM_INSTALL_LIBDIR}/pkgconfig")
if(NOT EXISTS "${PcDir}/mmsim.pc")
  message(FATAL_ERROR "install_consumer: mmsim.pc was not installed to ${PcDir}")
endif()
set(ENV{PKG_CONFIG_PATH} "${PcDir}")
unset(ENV{PKG_CONFIG_LIBDIR})

# The installed .pc must describe the prefix it was installed to. A package
# installed with `cmake --install --prefix` is relocated; a .pc whose prefix
# is fixed at configure time would send the compiler to the wrong tree.
run_step("pkg-config --variable=prefix mmsim"
  "${PKG_CONFIG_EXECUTABLE}" --variable=prefix mmsim)
string(STRIP "${StepOutput}" PcPrefix)
set(DefinePrefix "")
if(EXISTS "${PcPrefix}")
  file(REAL_PATH "${PcPrefix}" PcPrefix)
endif()
set(RelocationError "")
if(NOT PcPrefix STREQUAL RealPrefix)
  # Finish the route with --define-prefix so that the report says whether
  # anything else is wrong, then fail for the prefix at the end.
  string(CONCAT RelocationError
    "the installed mmsim.pc says prefix=${PcPrefix}, but the package was installed to "
    "${RealPrefix}: `pkg-config --cflags --libs mmsim` points the compiler at the wrong tree. "
    "mmsim.pc must be relocatable (e.g. prefix=\${pcfiledir}/../.. in cmake/mmsim.pc.in, "
    "for a libdir one level below the prefix).")
  message(STATUS "FAILING (checked again at the end): ${RelocationError}")
  set(DefinePrefix --define-prefix)
endif()

# Compiles Source against `pkg-config --cflags --libs Package` (sources come
# before the libraries: the libraries are static), runs it, and checks that
# its output matches Expect.
function(pkg_config_consumer Package Source Executable Expect)
  if(NOT EXISTS "${PcDir}/${Package}.pc")
    message(FATAL_ERROR "install_consumer: ${Package}.pc was not installed to ${PcDir}")
  endif()
  run_step("pkg-config --cflags --libs ${Package}"
    "${PKG_CONFIG_EXECUTABLE}" ${DefinePrefix} --cflags --libs ${Package})
  string(STRIP "${StepOutput}" PcFlags)
  separate_arguments(PcFlagList UNIX_COMMAND "${PcFlags}")
  message(STATUS "pkg-config: ${PcFlags}")
  run_step("compile ${Source} (pkg-config ${Package})"
    "${C_COMPILER}" ${CFlagList} -std=c11 -Wall -Wextra -Werror
    "${ConsumerSource}/${Source}" -o "${SCRATCH_DIR}/${Executable}"
    ${PcFlagList} ${LinkFlagList})
  run_step("run ${Executable} (pkg-config ${Package})" "${SCRATCH_DIR}/${Executable}")
  if(NOT StepOutput MATCHES "${Expect}")
    message(FATAL_ERROR "install_consumer: ${Executable} (pkg-config ${Package}) printed:\n"
      "${StepOutput}")
  endif()
endfunction()

pkg_config_consumer(mmsim main.c consumer-pc "mmsim consumer ok")
# The CMocka helpers have a .pc of their own, which brings mmsim and cmocka.
pkg_config_consumer(mmsim-cmocka cmocka_main.c consumer-cmocka "PASSED.*1 test")

if(RelocationError)
  message(FATAL_ERROR "install_consumer: ${RelocationError}")
endif()
message(STATUS "install_consumer: find_package and pkg-config routes both work")
