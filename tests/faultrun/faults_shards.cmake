# faults_shards.cmake - `mmsim faults --shard K/N` over N shards, merged with
# `mmsim faults merge`, reports exactly what the unsharded run reports
# (docs/verifier.md, "Shards and reports").
#
#   cmake -DMMSIM=mmsim -DOUT_DIR=dir -DSHARDS=3 "-DRUN=--per-test;--allow-failed;--;suite" -P faults_shards.cmake
#
# Compared: the summary lines (outcome counts, sites reached), the exit
# status, and each injected failure's test, stack identity and outcome from
# the JSON reports; the merged JUnit XML has a test case per failure. A merge
# missing a shard is refused.
cmake_minimum_required(VERSION 3.25)
foreach(Variable MMSIM OUT_DIR SHARDS RUN)
  if(NOT DEFINED ${Variable})
    message(FATAL_ERROR "faults_shards.cmake: -D${Variable}= is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")

# The report's summary (two lines) and failures as "test|id|outcome", sorted.
function(read_report Json Stdout OutVar)
  file(READ "${Json}" Text)
  string(JSON Count LENGTH "${Text}" failures)
  set(Rows "")
  if(Count GREATER 0)
    math(EXPR Last "${Count} - 1")
    foreach(i RANGE ${Last})
      string(JSON Test GET "${Text}" failures ${i} test)
      string(JSON Id GET "${Text}" failures ${i} id)
      string(JSON Outcome GET "${Text}" failures ${i} outcome)
      set(Name "-")
      if(Test GREATER -1)
        string(JSON Name GET "${Text}" tests ${Test} name)
      endif()
      list(APPEND Rows "${Name}|${Id}|${Outcome}")
    endforeach()
  endif()
  list(SORT Rows)
  string(REGEX MATCH "mmsim faults: [^\n]*\nsites reached:[^\n]*" Summary "${Stdout}")
  set(${OutVar} "${Summary}\n${Rows}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND "${MMSIM}" faults --jobs 2 --json "${OUT_DIR}/whole.json" ${RUN}
  RESULT_VARIABLE WholeRc OUTPUT_VARIABLE WholeOut ERROR_FILE "${OUT_DIR}/whole.log")
if(NOT WholeRc MATCHES "^[01]$")
  message(FATAL_ERROR "the unsharded run failed (exit ${WholeRc}); see ${OUT_DIR}/whole.log")
endif()
read_report("${OUT_DIR}/whole.json" "${WholeOut}" Whole)

set(Reports "")
foreach(K RANGE 1 ${SHARDS})
  execute_process(
    COMMAND "${MMSIM}" faults --jobs 2 --shard ${K}/${SHARDS} --json "${OUT_DIR}/shard${K}.json" ${RUN}
    RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_FILE "${OUT_DIR}/shard${K}.log")
  if(NOT Rc MATCHES "^[01]$")
    message(FATAL_ERROR "shard ${K}/${SHARDS} failed (exit ${Rc}); see ${OUT_DIR}/shard${K}.log")
  endif()
  message("shard ${K}/${SHARDS}: ${Out}")
  list(APPEND Reports "${OUT_DIR}/shard${K}.json")
endforeach()

execute_process(
  COMMAND "${MMSIM}" faults merge --json "${OUT_DIR}/merged.json" --junit "${OUT_DIR}/merged.xml"
          ${Reports}
  RESULT_VARIABLE MergedRc OUTPUT_VARIABLE MergedOut ERROR_VARIABLE MergedErr)
read_report("${OUT_DIR}/merged.json" "${MergedOut}" Merged)
message("unsharded (exit ${WholeRc}):\n${Whole}\nmerged (exit ${MergedRc}):\n${Merged}")
if(NOT MergedRc STREQUAL WholeRc OR NOT Merged STREQUAL Whole)
  message(FATAL_ERROR "the merged shards differ from the unsharded run ${MergedErr}")
endif()

# The JUnit report: one test case per injected failure.
file(READ "${OUT_DIR}/merged.xml" Xml)
string(REGEX MATCHALL "<testcase " Cases "${Xml}")
list(LENGTH Cases CaseCount)
file(READ "${OUT_DIR}/whole.json" WholeJson)
string(JSON FailureCount LENGTH "${WholeJson}" failures)
if(NOT CaseCount EQUAL FailureCount)
  message(FATAL_ERROR "merged.xml has ${CaseCount} test cases for ${FailureCount} injected failures")
endif()

# A merge without one of the shards is refused.
list(REMOVE_AT Reports 0)
execute_process(COMMAND "${MMSIM}" faults merge ${Reports}
  RESULT_VARIABLE Rc OUTPUT_QUIET ERROR_VARIABLE Err)
if(NOT Rc EQUAL 2 OR NOT Err MATCHES "shard 1/${SHARDS}'s report is missing")
  message(FATAL_ERROR "a merge missing shard 1 gave exit ${Rc}: ${Err}")
endif()
message("the ${SHARDS} shards merged equal the unsharded run")
