# Compares the DDI list in the manual (between the ddi-list markers) with the
# one the DDI table gives (LIST, the ddi_table_docs program).
#   cmake -DLIST=ddi_table_docs -DDOC=docs/mmsim.md [-DMUTATE=ON] -P check_docs.cmake
# MUTATE=ON drops the manual's last row first: the check must then fail (the
# ctest ddi_table_docs_detects_a_difference). MMSIM_UPDATE_DOCS=1 in the
# environment rewrites the manual's list instead of failing.
set(Begin "<!-- ddi-list begin: generated from sim/mi_ddi_table.h; the ctest ddi_table_docs checks it -->\n")
set(End "<!-- ddi-list end -->\n")
execute_process(COMMAND ${LIST} OUTPUT_VARIABLE Want RESULT_VARIABLE Status)
if(NOT Status EQUAL 0)
  message(FATAL_ERROR "${LIST} failed: ${Status}")
endif()
file(READ ${DOC} Text)
string(FIND "${Text}" "${Begin}" From)
string(FIND "${Text}" "${End}" To)
if(From EQUAL -1 OR To EQUAL -1 OR To LESS From)
  message(FATAL_ERROR "${DOC}: no DDI list between the markers\n${Begin}${End}")
endif()
string(LENGTH "${Begin}" BeginLength)
math(EXPR At "${From} + ${BeginLength}")
math(EXPR Length "${To} - ${At}")
string(SUBSTRING "${Text}" ${At} ${Length} Have)
if(MUTATE)
  string(REGEX REPLACE "\\|[^\n]*\\|\n$" "" Have "${Have}")
endif()
if(Have STREQUAL Want)
  message(STATUS "${DOC}: the DDI list matches the DDI table")
  return()
endif()
if("$ENV{MMSIM_UPDATE_DOCS}" STREQUAL "1" AND NOT MUTATE)
  string(SUBSTRING "${Text}" 0 ${At} Head)
  string(SUBSTRING "${Text}" ${To} -1 Tail)
  file(WRITE ${DOC} "${Head}${Want}${Tail}")
  message(STATUS "${DOC}: DDI list rewritten from the DDI table")
  return()
endif()
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/ddi-list-want.md "${Want}")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/ddi-list-have.md "${Have}")
execute_process(COMMAND diff -u ${CMAKE_CURRENT_BINARY_DIR}/ddi-list-have.md
  ${CMAKE_CURRENT_BINARY_DIR}/ddi-list-want.md OUTPUT_VARIABLE Diff)
message(FATAL_ERROR "${DOC}: the DDI list differs from the DDI table (sim/mi_ddi_table.h); "
  "MMSIM_UPDATE_DOCS=1 ctest -R ddi_table_docs rewrites it. The difference (- the manual, + the table):\n${Diff}")
