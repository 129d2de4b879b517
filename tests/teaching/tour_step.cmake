# `mmsim tour --step` pauses after each step: Enter goes on, q quits.
execute_process(COMMAND ${MMSIM} tour --step INPUT_FILE ${INPUT}
  OUTPUT_VARIABLE Out ERROR_VARIABLE Err RESULT_VARIABLE Result)
if(NOT Result EQUAL 0)
  message(FATAL_ERROR "status ${Result}\n${Out}${Err}")
endif()
if(NOT Out MATCHES "== Step 2 of 24.*-- Enter: next step, q: quit --" OR Out MATCHES "== Step 3 of")
  message(FATAL_ERROR "expected a pause after steps 1 and 2, then the end:\n${Out}")
endif()
