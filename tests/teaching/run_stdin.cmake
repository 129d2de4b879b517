# `mmsim run -` reads the script from standard input.
set(ENV{MMSIM_SEED} 0x5EED)
execute_process(COMMAND ${MMSIM} run - INPUT_FILE ${SCRIPT}
  OUTPUT_VARIABLE Out ERROR_VARIABLE Err RESULT_VARIABLE Result)
if(NOT Result EQUAL 0 OR NOT Out MATCHES "mmsim run <stdin>.*<stdin>: [0-9]+ statement")
  message(FATAL_ERROR "status ${Result}\n${Out}${Err}")
endif()
