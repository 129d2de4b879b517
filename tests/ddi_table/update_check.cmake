# MMSIM_UPDATE_DOCS=1 rewrites the manual's DDI list from the table: on a copy
# of the manual (WORK) whose list lost its last row, the update run fixes it
# and a plain check then passes.
#   cmake -DLIST=ddi_table_docs -DDOC=docs/mmsim.md -DWORK=copy.md -DCHECK=check_docs.cmake -P update_check.cmake
file(READ ${DOC} Text)
string(REGEX REPLACE "\\|[^\n]*\\|\n<!-- ddi-list end -->" "<!-- ddi-list end -->" Damaged "${Text}")
if(Damaged STREQUAL Text)
  message(FATAL_ERROR "${DOC}: no DDI list row to drop")
endif()
file(WRITE ${WORK} "${Damaged}")
execute_process(COMMAND ${CMAKE_COMMAND} -DLIST=${LIST} -DDOC=${WORK} -P ${CHECK}
  RESULT_VARIABLE Status OUTPUT_QUIET ERROR_QUIET)
if(Status EQUAL 0)
  message(FATAL_ERROR "the check passed on a list with a row missing")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env MMSIM_UPDATE_DOCS=1
  ${CMAKE_COMMAND} -DLIST=${LIST} -DDOC=${WORK} -P ${CHECK} RESULT_VARIABLE Status)
execute_process(COMMAND ${CMAKE_COMMAND} -DLIST=${LIST} -DDOC=${WORK} -P ${CHECK}
  RESULT_VARIABLE Status)
if(NOT Status EQUAL 0)
  message(FATAL_ERROR "after MMSIM_UPDATE_DOCS=1 the check still fails")
endif()
file(READ ${WORK} Fixed)
if(NOT Fixed STREQUAL Text)
  message(FATAL_ERROR "the rewritten manual differs from the original beyond the list")
endif()
message(STATUS "MMSIM_UPDATE_DOCS=1 restored the list")
