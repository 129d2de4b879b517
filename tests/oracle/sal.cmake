# The SAL oracle (docs/wdk-surface.md, "The oracle", survey31): every annotation
# macro that mingw-w64's <sal.h>, <driverspecs.h> and <concurrencysal.h> define
# must be defined by mmsim's headers (<wdm.h>, or the header of that name from
# sim/include; <specstrings.h> too) with the same number of parameters: a driver file annotates its
# own functions and types with any of them, and one missing macro is a syntax
# error far from its cause.
#
#   cmake -DCLANG=clang -DMINGW_INCLUDE=/usr/x86_64-w64-mingw32/include
#         -DMMSIM_INCLUDE=sim/include -DCC=gcc -DLANG=c|c++ -DWORK=dir -P sal.cmake
#
# Left out: the headers' include guards, and `__range` (SAL 1), which libstdc++
# uses as an identifier (mmsim/sal.h says why).

cmake_minimum_required(VERSION 3.25)
foreach(_v CLANG MINGW_INCLUDE MMSIM_INCLUDE CC LANG WORK)
  if(NOT DEFINED ${_v})
    message(FATAL_ERROR "sal.cmake: -D${_v}=... is required")
  endif()
endforeach()
set(_headers sal driverspecs concurrencysal)
set(_left_out "^(SAL_HXX|DRIVERSPECS_H|CONCURRENCYSAL_HXX|__range)$")

file(MAKE_DIRECTORY ${WORK})
set(_src "")
foreach(_h IN LISTS _headers)
  string(APPEND _src "#include <${_h}.h>\n")
endforeach()
file(WRITE ${WORK}/mingw.c "${_src}")
file(WRITE ${WORK}/mmsim.c "#include <wdm.h>\n#include <specstrings.h>\n${_src}")

# "NAME" -> parameter count (-1: object-like), from a -E -dD listing; only the
# lines of the named headers when FILES is given. The first definition counts.
include(${CMAKE_CURRENT_LIST_DIR}/defines.cmake)
macro(sal_keep_define)
  if((NOT Files OR _dd_file MATCHES "/(${Files})\\.h$") AND NOT DEFINED _arity_${_dd_name})
    set(_arity_${_dd_name} ${_dd_params})
    set(_arity_${_dd_name} ${_dd_params} PARENT_SCOPE)
    list(APPEND _names ${_dd_name})
  endif()
endmacro()
function(sal_macros Listing Files Out)
  set(_names "")
  oracle_each_define(${Listing} sal_keep_define)
  set(${Out} ${_names} PARENT_SCOPE)
endfunction()

# Each language against mingw-w64 in the same language: some names are C-only
# there (__in, __out: libstdc++ uses them as identifiers).
set(_x c)
if(LANG STREQUAL "c++")
  set(_x c++)
endif()
execute_process(COMMAND ${CLANG} -target x86_64-w64-mingw32 -x ${_x} -E -dD -I${MINGW_INCLUDE}
                        ${WORK}/mingw.c
  OUTPUT_FILE ${WORK}/mingw_macros.txt RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "clang could not preprocess mingw-w64's headers:\n${_err}")
endif()
list(JOIN _headers "|" _files)
sal_macros(${WORK}/mingw_macros.txt "${_files}" _mingw)
foreach(_name IN LISTS _mingw)
  set(_mingw_arity_${_name} ${_arity_${_name}})
  unset(_arity_${_name})
endforeach()
list(LENGTH _mingw _count)
if(_count LESS 300)
  message(FATAL_ERROR "only ${_count} annotations found in mingw-w64's headers under ${MINGW_INCLUDE}")
endif()

execute_process(COMMAND ${CC} -x ${_x} -E -dD -I${MMSIM_INCLUDE} ${WORK}/mmsim.c
  OUTPUT_FILE ${WORK}/mmsim_macros.txt RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${CC} could not preprocess mmsim's headers:\n${_err}")
endif()
sal_macros(${WORK}/mmsim_macros.txt "" _mmsim)

set(_bad "")
set(_checked 0)
foreach(_name IN LISTS _mingw)
  if(_name MATCHES "${_left_out}")
    continue()
  endif()
  math(EXPR _checked "${_checked} + 1")
  if(NOT DEFINED _arity_${_name})
    list(APPEND _bad "${_name}: missing")
  elseif(NOT _arity_${_name} EQUAL _mingw_arity_${_name})
    list(APPEND _bad "${_name}: ${_arity_${_name}} parameters, mingw-w64 has ${_mingw_arity_${_name}} (-1: none)")
  endif()
endforeach()
if(_bad)
  list(LENGTH _bad _n)
  list(JOIN _bad "\n  " _text)
  message(FATAL_ERROR "${_n} of ${_checked} annotations differ from mingw-w64's:\n  ${_text}")
endif()
message(STATUS "sal: ${_checked} annotations of mingw-w64's sal.h, driverspecs.h and concurrencysal.h, all with mingw-w64's parameter count")
