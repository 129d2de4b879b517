# faults_suites.cmake - the test suites under Driver Verifier's systematic
# low resources simulation (issue "Verifier"; docs/verifier.md).
#
#   cmake -DMMSIM=path/to/mmsim -DSUITES=a;b;... -DJOBS=2 -DOUT_DIR=dir [-DMODES=fork;exec]
#         -P faults_suites.cmake
#
# Runs `mmsim faults --per-test --allow-failed` over each suite: every test on
# its own, once per fallible call stack it reaches, failing that call. A
# suite's own assertions may fail (its tests expect resources); a crash, an
# unexpected bug check, a leak (a test that passed yet left the machine
# unclean, or the unload check at exit) or a hang may not. Then the suites
# together must have reached every fault site.
#
# MODES: the runner's modes to run each suite in, "fork" (the default: each
# test run once, forking at each call to fail), "fork-per-run" (the fork
# server forks each run from the start) and "exec" (--exec-per-run, one
# process per run); with several, every suite's outcome counts must agree.
# SOME_SITES=ON: a subset of the suites, not required to reach every site.
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED MODES)
  set(MODES fork)
endif()

set(Sites pool mdl pages mapping lock map workitem)
foreach(Site IN LISTS Sites)
  set(Total_${Site} 0)
endforeach()
file(MAKE_DIRECTORY "${OUT_DIR}")
set(Bad "")
foreach(Suite IN LISTS SUITES)
  get_filename_component(Name "${Suite}" NAME_WE)
  set(Counts "")
  foreach(Mode IN LISTS MODES)
    set(ModeOption "")
    if(Mode STREQUAL "exec")
      set(ModeOption --exec-per-run)
    elseif(Mode STREQUAL "fork-per-run")
      set(ModeOption --fork-per-run)
    endif()
    string(TIMESTAMP Begin "%s")
    execute_process(
      COMMAND "${MMSIM}" faults --per-test --allow-failed ${ModeOption} --jobs ${JOBS} --timeout 300
              -- "${Suite}"
      RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_FILE "${OUT_DIR}/${Name}.${Mode}.progress.log")
    string(TIMESTAMP End "%s")
    math(EXPR Seconds "${End} - ${Begin}")
    message("${Name} (${Mode}, ${Seconds} s): ${Out}")
    if(NOT Rc EQUAL 0)
      list(APPEND Bad "${Name} (${Mode}: exit ${Rc}; progress in ${OUT_DIR}/${Name}.${Mode}.progress.log)")
    endif()
    string(REGEX MATCH "mmsim faults: [^\n]*" Count "${Out}")
    if(Counts STREQUAL "")
      set(Counts "${Count}")
      string(REGEX MATCH "sites reached:[^\n]*" Line "${Out}")
      foreach(Site IN LISTS Sites)
        if(Line MATCHES " ${Site} ([0-9]+)")
          math(EXPR Total_${Site} "${Total_${Site}} + ${CMAKE_MATCH_1}")
        endif()
      endforeach()
    elseif(NOT Count STREQUAL Counts)
      list(APPEND Bad "${Name}: ${Mode} mode found '${Count}', the first mode '${Counts}'")
    endif()
  endforeach()
endforeach()

set(Summary "")
set(Missing "")
foreach(Site IN LISTS Sites)
  string(APPEND Summary " ${Site} ${Total_${Site}}")
  if(Total_${Site} EQUAL 0)
    list(APPEND Missing ${Site})
  endif()
endforeach()
message("all suites, injected failures per fault site:${Summary}")
if(Missing AND NOT SOME_SITES)
  list(APPEND Bad "fault site(s) never reached: ${Missing}")
endif()
if(Bad)
  list(JOIN Bad "\n  " Text)
  message(FATAL_ERROR "bad outcomes:\n  ${Text}")
endif()
if(SOME_SITES)
  message("no crash, unexpected bug check, leak or hang; modes ${MODES} agree on every suite")
else()
  message("every fault site reached; no crash, unexpected bug check, leak or hang")
endif()
