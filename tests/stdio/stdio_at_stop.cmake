# What a program printed to stdout survives the way mmsim ends it (issue 18,
# item 1): an uncaught bug check (_exit) and the exit-time leak check
# (_Exit) write out stdio's buffers first. Each case runs twice: stdout to a
# file and stdout to a pipe (execute_process's OUTPUT_VARIABLE), both fully
# buffered by stdio.
#
#   cmake -DPROGRAM=stdio_at_stop -DOUT_DIR=dir -P stdio_at_stop.cmake
set(Hello "hello from the program before it ends")
#      mode     MMSIM_STRICT  exit  stdout kept  stderr must show
set(Cases
  "return|1|0|YES|-"
  "bugcheck|1|86|YES|STOP: 0x000000E2"
  "leak|0|88|YES|leaks at process exit"
  "leak|1|86|YES|STOP: 0x000000C4 .0x0000000000000062"
  "fault|1|86|YES|STOP: 0x00000050"
  "inprintf|1|86|ANY|STOP: 0x00000050")
file(MAKE_DIRECTORY ${OUT_DIR})
set(Failed "")
foreach(Case IN LISTS Cases)
  string(REPLACE "|" ";" Fields "${Case}")
  list(GET Fields 0 Mode)
  list(GET Fields 1 Strict)
  list(GET Fields 2 Want)
  list(GET Fields 3 Kept)
  list(GET Fields 4 StderrWant)
  set(ENV{MMSIM_STRICT} ${Strict})
  foreach(Sink file pipe)
    set(Out "")
    if(Sink STREQUAL "file")
      set(File ${OUT_DIR}/${Mode}-${Strict}.out)
      file(REMOVE ${File})
      execute_process(COMMAND ${PROGRAM} ${Mode} OUTPUT_FILE ${File}
        ERROR_VARIABLE Err RESULT_VARIABLE Got TIMEOUT 60)
      if(EXISTS ${File})
        file(READ ${File} Out)
      endif()
    else()
      execute_process(COMMAND ${PROGRAM} ${Mode} OUTPUT_VARIABLE Out
        ERROR_VARIABLE Err RESULT_VARIABLE Got TIMEOUT 60)
    endif()
    set(Why "")
    if(NOT Got STREQUAL "${Want}")
      string(APPEND Why " exit '${Got}', expected ${Want};")
    endif()
    if(Kept STREQUAL "YES" AND NOT Out MATCHES "${Hello} \\(${Mode}\\)")
      string(APPEND Why " stdout lost (got '${Out}');")
    endif()
    if(NOT StderrWant STREQUAL "-" AND NOT Err MATCHES "${StderrWant}")
      string(APPEND Why " stderr lacks '${StderrWant}';")
    endif()
    if(Why STREQUAL "")
      message(STATUS "ok    ${Mode} (MMSIM_STRICT=${Strict}), stdout to a ${Sink}: exit ${Got}")
    else()
      message(STATUS "FAIL  ${Mode} (MMSIM_STRICT=${Strict}), stdout to a ${Sink}:${Why}\n${Err}")
      list(APPEND Failed "${Mode}/${Strict}/${Sink}")
    endif()
  endforeach()
endforeach()
if(Failed)
  message(FATAL_ERROR "stdout lost or wrong exit: ${Failed}")
endif()
