# The #define lines of a preprocessor listing (`cc -E -dD`), read one way for
# the oracles that compare macros with mingw-w64's (sal.cmake, values.cmake).
#
#   oracle_each_define(<listing> <macro>)
#
# calls <macro>, a macro without arguments (it runs in the caller's scope, so
# what it sets is the caller's), once for each #define of <listing>, in order,
# with
#   _dd_file     the header the last line marker (# <line> "<file>") named
#   _dd_name     the macro's name
#   _dd_params   its number of parameters (-1: object-like)
#   _dd_text     its replacement text
include_guard(GLOBAL)

macro(oracle_each_define _dd_listing _dd_callback)
  file(STRINGS ${_dd_listing} _dd_lines REGEX "^(# [0-9]+ \"|#define )")
  set(_dd_file "")
  foreach(_dd_line IN LISTS _dd_lines)
    if(_dd_line MATCHES "^# [0-9]+ \"([^\"]*)\"")
      set(_dd_file "${CMAKE_MATCH_1}")
    elseif(_dd_line MATCHES "^#define ([A-Za-z_][A-Za-z0-9_]*)\\(([^)]*)\\) ?(.*)$")
      set(_dd_name "${CMAKE_MATCH_1}")
      set(_dd_text "${CMAKE_MATCH_3}")
      string(STRIP "${CMAKE_MATCH_2}" _dd_params)
      if(_dd_params STREQUAL "")
        set(_dd_params 0)
      else()
        string(REGEX MATCHALL "," _dd_commas "${_dd_params}")
        list(LENGTH _dd_commas _dd_params)
        math(EXPR _dd_params "${_dd_params} + 1")
      endif()
      cmake_language(CALL ${_dd_callback})
    elseif(_dd_line MATCHES "^#define ([A-Za-z_][A-Za-z0-9_]*) ?(.*)$")
      set(_dd_name "${CMAKE_MATCH_1}")
      set(_dd_text "${CMAKE_MATCH_2}")
      set(_dd_params -1)
      cmake_language(CALL ${_dd_callback})
    endif()
  endforeach()
endmacro()
