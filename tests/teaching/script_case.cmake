# One scenario-language case: runs `mmsim run SCRIPT` and checks the exit
# status and a regular expression against its output (stdout and stderr),
# both read from EXPECT (line 1: status, line 2: regex).
#   cmake -DMMSIM=... -DSCRIPT=... -DEXPECT=... -P script_case.cmake
set(ENV{MMSIM_SEED} 0x5EED)
set(ENV{MMSIM_QUIET} 1)
unset(ENV{MMSIM_PROFILE})
file(STRINGS ${EXPECT} Lines)
list(GET Lines 0 Status)
list(GET Lines 1 Regex)
execute_process(COMMAND ${MMSIM} run ${SCRIPT}
  OUTPUT_VARIABLE Out ERROR_VARIABLE Err RESULT_VARIABLE Result)
set(All "${Out}${Err}")
if(NOT "${Result}" STREQUAL "${Status}")
  message(FATAL_ERROR "exit status ${Result}, expected ${Status}; output:\n${All}")
endif()
if(NOT All MATCHES "${Regex}")
  message(FATAL_ERROR "output does not match /${Regex}/:\n${All}")
endif()
