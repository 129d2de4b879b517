# check_quick.cmake - ctest bench_quick: runs `mmsim-bench --quick` and checks
# only that it succeeds and writes valid JSON (and an SVG document). Timings
# are never asserted: machines are noisy.
#
#   cmake -DBENCH=path/to/mmsim-bench -DOUT_DIR=dir -P check_quick.cmake
cmake_minimum_required(VERSION 3.25)
foreach(Var BENCH OUT_DIR)
  if(NOT DEFINED ${Var} OR "${${Var}}" STREQUAL "")
    message(FATAL_ERROR "bench_quick: -D${Var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
set(Json "${OUT_DIR}/bench.json")
set(Svg "${OUT_DIR}/bench.svg")

execute_process(COMMAND "${BENCH}" --quick --json "${Json}" --svg "${Svg}"
  RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
message("${Out}")
if(NOT Rc EQUAL 0)
  message(FATAL_ERROR "mmsim-bench --quick failed (${Rc}):\n${Err}")
endif()

# string(JSON) fails on anything that is not valid JSON.
file(READ "${Json}" Text)
string(JSON Schema ERROR_VARIABLE JsonError GET "${Text}" schema)
if(JsonError)
  message(FATAL_ERROR "bench.json is not valid JSON: ${JsonError}")
endif()
if(NOT Schema STREQUAL "mmsim-bench/1")
  message(FATAL_ERROR "bench.json: unexpected schema \"${Schema}\"")
endif()
string(JSON Count ERROR_VARIABLE JsonError LENGTH "${Text}" results)
if(JsonError OR Count LESS 1)
  message(FATAL_ERROR "bench.json has no results (${JsonError})")
endif()
math(EXPR Last "${Count} - 1")
foreach(I RANGE ${Last})
  foreach(Key group case subject unit subject_median reps)
    string(JSON Value ERROR_VARIABLE JsonError GET "${Text}" results ${I} ${Key})
    if(JsonError)
      message(FATAL_ERROR "bench.json: result ${I} lacks \"${Key}\": ${JsonError}")
    endif()
  endforeach()
endforeach()

file(READ "${Svg}" SvgText)
if(NOT SvgText MATCHES "^<svg " OR NOT SvgText MATCHES "</svg>\n$")
  message(FATAL_ERROR "bench.svg is not an SVG document")
endif()
message("bench_quick: ${Count} results, valid JSON and SVG")
