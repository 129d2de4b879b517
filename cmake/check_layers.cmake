# check_layers.cmake - fails on a back-edge between the simulator's layers
# (docs/architecture.md 1.1).
#
#   cmake -DNM=<nm> -DLAYERS=<a|b|...> -DOBJECTS_<layer>=<o1|o2|...> -P check_layers.cmake
#
# LAYERS lists the layers bottom first; OBJECTS_<layer> its object files. A
# symbol an object of layer i leaves undefined must not be defined by any
# object of a layer above i: that call would go up. Whatever no layer defines
# (libc, pthread, libdw, the sanitizer runtimes) is outside the rule.
cmake_minimum_required(VERSION 3.25)
foreach(var NM LAYERS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_layers: ${var} is not set")
  endif()
endforeach()
string(REPLACE "|" ";" Layers "${LAYERS}")

# nm in POSIX format: "name type [value size]" per line.
function(mmsim_nm object mode out)
  execute_process(COMMAND ${NM} ${mode} --format=posix ${object}
    OUTPUT_VARIABLE Text RESULT_VARIABLE Rc ERROR_VARIABLE Err)
  if(NOT Rc EQUAL 0)
    message(FATAL_ERROR "check_layers: ${NM} ${mode} ${object} failed: ${Err}")
  endif()
  string(REGEX MATCHALL "[^\n]+" Lines "${Text}")
  set(Names "")
  foreach(Line IN LISTS Lines)
    if(Line MATCHES "^([^ ]+) ([A-Za-z])")
      list(APPEND Names "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${out} "${Names}" PARENT_SCOPE)
endfunction()

# Pass 1: which layer defines each symbol.
set(Index 0)
foreach(Layer IN LISTS Layers)
  string(REPLACE "|" ";" Objects "${OBJECTS_${Layer}}")
  if(Objects STREQUAL "")
    message(FATAL_ERROR "check_layers: layer ${Layer} has no objects")
  endif()
  foreach(Object IN LISTS Objects)
    mmsim_nm("${Object}" "--defined-only;-g" Defined)
    foreach(Symbol IN LISTS Defined)
      set("DEF_${Symbol}" ${Index})
      set("DEFLAYER_${Symbol}" ${Layer})
    endforeach()
  endforeach()
  math(EXPR Index "${Index} + 1")
endforeach()

# Pass 2: every undefined symbol of layer i resolves in layer <= i or outside.
set(Index 0)
set(BackEdges "")
foreach(Layer IN LISTS Layers)
  string(REPLACE "|" ";" Objects "${OBJECTS_${Layer}}")
  set(Below 0)
  foreach(Object IN LISTS Objects)
    mmsim_nm("${Object}" "-u" Undefined)
    foreach(Symbol IN LISTS Undefined)
      if(DEFINED "DEF_${Symbol}")
        if(${DEF_${Symbol}} GREATER ${Index})
          get_filename_component(Name "${Object}" NAME)
          string(APPEND BackEdges
            "  back-edge: ${Layer} (${Name}) calls ${Symbol}, defined in ${DEFLAYER_${Symbol}}\n")
        else()
          math(EXPR Below "${Below} + 1")
        endif()
      endif()
    endforeach()
  endforeach()
  list(LENGTH Objects Count)
  message(STATUS "layer ${Layer}: ${Count} object(s), ${Below} call(s) into its own or lower layers")
  math(EXPR Index "${Index} + 1")
endforeach()

if(NOT BackEdges STREQUAL "")
  message(FATAL_ERROR "layering violated (a layer calls a higher one; docs/architecture.md 1.1):\n${BackEdges}")
endif()
message(STATUS "layering holds: ${LAYERS}")
