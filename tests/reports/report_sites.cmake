# Reports name the driver's code as function+offset and file:line (issue 18,
# item 9): each SITE line of report_sites.c must appear in the report its mode
# prints, as "report_sites+0xOFF (Function+0xOFF, report_sites.c:LINE)".
#
#   cmake -DPROGRAM=report_sites -DSOURCE=report_sites.c -P report_sites.cmake
file(STRINGS ${SOURCE} Lines)
set(Number 0)
foreach(Line IN LISTS Lines)
  math(EXPR Number "${Number} + 1")
  if(Line MATCHES "/\\* SITE ([a-z]+) \\*/")
    set(Site_${CMAKE_MATCH_1} ${Number})
  endif()
endforeach()
#      mode      env                       exit  function  before the frame
set(Cases
  "pool|MMSIM_STRICT=0|88|LeakPool|pool 'Test' \\(non-paged\\)[^\n]*B  "
  "reserve|MMSIM_STRICT=1|0|Reserve|reserved from "
  "stop|MMSIM_STRICT=1|86|Stop|\n  ")
set(Failed "")
foreach(Case IN LISTS Cases)
  string(REPLACE "|" ";" Fields "${Case}")
  list(GET Fields 0 Mode)
  list(GET Fields 1 Env)
  list(GET Fields 2 Want)
  list(GET Fields 3 Function)
  list(GET Fields 4 Before)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env ${Env} MMSIM_POOL_STACKS=1 ${PROGRAM} ${Mode}
    OUTPUT_VARIABLE Out ERROR_VARIABLE Out RESULT_VARIABLE Got TIMEOUT 60)
  set(Frame "report_sites\\+0x[0-9a-f]+ \\(${Function}\\+0x[0-9a-f]+, report_sites\\.c:${Site_${Mode}}\\)")
  if(NOT Got STREQUAL "${Want}")
    message(STATUS "FAIL  ${Mode}: exit '${Got}', expected ${Want}\n${Out}")
    list(APPEND Failed ${Mode})
  elseif(NOT Out MATCHES "${Before}${Frame}")
    message(STATUS "FAIL  ${Mode}: no '${Before}${Frame}' in:\n${Out}")
    list(APPEND Failed ${Mode})
  else()
    message(STATUS "ok    ${Mode}: names ${Function} at report_sites.c:${Site_${Mode}}")
  endif()
endforeach()
if(Failed)
  message(FATAL_ERROR "reports without the driver's function and line: ${Failed}")
endif()
