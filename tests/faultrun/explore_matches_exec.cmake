# explore_matches_exec.cmake - `mmsim faults` forking at the failing call (the
# default) reports what one process per run (--exec-per-run) reports, failure
# by failure: test, stack identity, outcome, stack text, detail and the end of the run's
# log (docs/verifier.md, "Fork at the failing call").
#
#   cmake -DMMSIM=mmsim -DOUT_DIR=dir "-DRUN=--per-test;--allow-failed;--;suite"
#         [-DEXPECT=regex] -P explore_matches_exec.cmake
#
# Host addresses, seeds and process ids differ from run to run (address-space
# randomisation, MMSIM_SEED unset) and are masked; nothing else is. EXPECT,
# if given, must match the default mode's output (how its runs were made).
cmake_minimum_required(VERSION 3.25)
foreach(Variable MMSIM OUT_DIR RUN)
  if(NOT DEFINED ${Variable})
    message(FATAL_ERROR "explore_matches_exec.cmake: -D${Variable}= is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")

# Each failure as "test|id|outcome|detail|log", sorted; masked.
function(read_report Json OutVar)
  file(READ "${Json}" Text)
  string(JSON Count LENGTH "${Text}" failures)
  set(Rows "")
  if(Count GREATER 0)
    math(EXPR Last "${Count} - 1")
    foreach(i RANGE ${Last})
      set(Row "")
      foreach(Field test id outcome at detail log)
        string(JSON Value GET "${Text}" failures ${i} ${Field})
        string(APPEND Row "${Value}|")
      endforeach()
      string(REGEX REPLACE "0x[0-9A-Fa-f]+" "0x?" Row "${Row}")
      string(REGEX REPLACE "pid=[0-9]+|==[0-9]+==" "pid" Row "${Row}")
      string(REPLACE ";" "," Row "${Row}")
      list(APPEND Rows "${Row}")
    endforeach()
  endif()
  list(SORT Rows)
  list(JOIN Rows "\n" Rows)
  set(${OutVar} "${Rows}" PARENT_SCOPE)
endfunction()

set(Modes explore exec)
foreach(Mode IN LISTS Modes)
  set(Option "")
  if(Mode STREQUAL "exec")
    set(Option --exec-per-run)
  endif()
  execute_process(
    COMMAND "${MMSIM}" faults --jobs 2 ${Option} --json "${OUT_DIR}/${Mode}.json" ${RUN}
    RESULT_VARIABLE Rc_${Mode} OUTPUT_VARIABLE Out_${Mode} ERROR_FILE "${OUT_DIR}/${Mode}.progress.log")
  message("${Mode} (exit ${Rc_${Mode}}):\n${Out_${Mode}}")
  if(NOT EXISTS "${OUT_DIR}/${Mode}.json")
    message(FATAL_ERROR "${Mode}: no report (exit ${Rc_${Mode}}); see ${OUT_DIR}/${Mode}.progress.log")
  endif()
  read_report("${OUT_DIR}/${Mode}.json" Rows_${Mode})
  file(WRITE "${OUT_DIR}/${Mode}.rows" "${Rows_${Mode}}\n")
endforeach()
if(NOT Rc_explore EQUAL Rc_exec)
  message(FATAL_ERROR "exit status: ${Rc_explore} forking at the call, ${Rc_exec} with --exec-per-run")
endif()
if(NOT Rows_explore STREQUAL Rows_exec)
  message(FATAL_ERROR "the reports differ: compare ${OUT_DIR}/explore.rows and ${OUT_DIR}/exec.rows")
endif()
if(DEFINED EXPECT AND NOT Out_explore MATCHES "${EXPECT}")
  message(FATAL_ERROR "the default mode's output does not match '${EXPECT}'")
endif()
message("forking at the call reports what --exec-per-run reports, failure by failure")
