# Golden-output test: runs COMMAND (a ;-list) with MMSIM_SEED fixed, and
# compares its standard output with the file GOLDEN. Set MMSIM_UPDATE_GOLDEN=1
# in the environment to rewrite the golden file instead.
#
#   cmake -DCOMMAND=...;... -DGOLDEN=file -DOUTPUT=file [-DEXPECT_STATUS=n]
#         [-DINPUT=file] [-DWORKDIR=dir] -P golden.cmake
#
# Volatile parts are normalized by the program itself, not here: addresses
# are printed relative to the randomized base of system space (base+0x3000,
# PTE(base+0x3000)) and host code by module (<code in mmsim>).
# A boolean, like every MMSIM_* value: exactly 0 or 1 (README, "Environment"),
# so that "yes" cannot silently compare instead of rewriting.
if(DEFINED ENV{MMSIM_UPDATE_GOLDEN} AND NOT "$ENV{MMSIM_UPDATE_GOLDEN}" MATCHES "^[01]$")
  message(FATAL_ERROR
    "mmsim: MMSIM_UPDATE_GOLDEN=\"$ENV{MMSIM_UPDATE_GOLDEN}\" is not valid: expected 0 or 1")
endif()
if(NOT DEFINED EXPECT_STATUS)
  set(EXPECT_STATUS 0)
endif()
set(ENV{MMSIM_SEED} 0x5EED)
set(ENV{MMSIM_QUIET} 1)
unset(ENV{MMSIM_PROFILE})
unset(ENV{MMSIM_NT5_HEADERS})
if(NOT DEFINED WORKDIR)
  set(WORKDIR .)
endif()
if(DEFINED INPUT)
  execute_process(COMMAND ${COMMAND} INPUT_FILE ${INPUT} OUTPUT_FILE ${OUTPUT}
    WORKING_DIRECTORY ${WORKDIR} ERROR_VARIABLE Errors RESULT_VARIABLE Status)
else()
  execute_process(COMMAND ${COMMAND} OUTPUT_FILE ${OUTPUT}
    WORKING_DIRECTORY ${WORKDIR} ERROR_VARIABLE Errors RESULT_VARIABLE Status)
endif()
if(NOT "${Status}" STREQUAL "${EXPECT_STATUS}")
  message(FATAL_ERROR "exit status ${Status}, expected ${EXPECT_STATUS}\nstderr:\n${Errors}")
endif()
if("$ENV{MMSIM_UPDATE_GOLDEN}" STREQUAL "1")
  configure_file(${OUTPUT} ${GOLDEN} COPYONLY)
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
if(NOT EXISTS ${GOLDEN})
  message(FATAL_ERROR "no golden file ${GOLDEN}; run with MMSIM_UPDATE_GOLDEN=1 to create it")
endif()
file(READ ${OUTPUT} Actual)
file(READ ${GOLDEN} Expected)
if(NOT Actual STREQUAL Expected)
  find_program(DIFF diff)
  if(DIFF)
    execute_process(COMMAND ${DIFF} -u ${GOLDEN} ${OUTPUT} OUTPUT_VARIABLE Delta)
  else()
    set(Delta "expected:\n${Expected}\nactual:\n${Actual}")
  endif()
  message(FATAL_ERROR "output differs from ${GOLDEN} "
    "(MMSIM_UPDATE_GOLDEN=1 ctest -R ... rewrites it):\n${Delta}")
endif()
