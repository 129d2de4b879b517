# mmsim_compile_only: one file compiled (-fsyntax-only) by each compiler
# present on the host, whatever the preset's compiler is, as C11 (gcc, clang)
# or C++17 (g++, clang++: -x c++). One ctest a compiler:
# <Prefix>_<compiler id> (g++ -> g__, clang++ -> clang__). An absent compiler
# is not registered; nor is anything on a Windows build unless ON_WINDOWS.
#
#   mmsim_compile_only(<Prefix> <Source>
#     [COMPILERS gcc clang g++ clang++]  which of them (default: all four)
#     [FLAGS ...]                       every compiler (include paths too, in order)
#     [C_FLAGS ...] [CXX_FLAGS ...]     C compilers / C++ compilers
#     [GCC_FLAGS ...] [CLANG_FLAGS ...] [GXX_FLAGS ...] [CLANGXX_FLAGS ...]
#     [OLD_GXX_FLAGS ...]               g++ before 13 (GCC bug 53431)
#     [OR_PREFIX <Prefix2>]             <Prefix>_<id> taken already: <Prefix2>_<id>
#     [ON_WINDOWS])
#
# The command: <compiler> <std> -fsyntax-only FLAGS C_/CXX_FLAGS <compiler's
# FLAGS> <Source> (a relative Source is in the calling directory).
include_guard(GLOBAL)

function(mmsim_compile_only Prefix Source)
  cmake_parse_arguments(PARSE_ARGV 2 Arg "ON_WINDOWS" "OR_PREFIX"
    "COMPILERS;FLAGS;C_FLAGS;CXX_FLAGS;GCC_FLAGS;CLANG_FLAGS;GXX_FLAGS;CLANGXX_FLAGS;OLD_GXX_FLAGS")
  if(WIN32 AND NOT Arg_ON_WINDOWS)
    return()
  endif()
  if(NOT Arg_COMPILERS)
    set(Arg_COMPILERS gcc clang g++ clang++)
  endif()
  if(NOT IS_ABSOLUTE "${Source}")
    set(Source ${CMAKE_CURRENT_SOURCE_DIR}/${Source})
  endif()
  set(Own_gcc ${Arg_GCC_FLAGS})
  set(Own_clang ${Arg_CLANG_FLAGS})
  set(Own_g__ ${Arg_GXX_FLAGS})
  set(Own_clang__ ${Arg_CLANGXX_FLAGS})
  foreach(Compiler IN LISTS Arg_COMPILERS)
    string(MAKE_C_IDENTIFIER ${Compiler} CompilerId)
    find_program(MMSIM_HOST_${CompilerId} ${Compiler})
    if(NOT MMSIM_HOST_${CompilerId})
      continue()
    endif()
    if(Compiler MATCHES "\\+\\+$")
      set(Flags -std=c++17 -x c++ -fsyntax-only ${Arg_FLAGS} ${Arg_CXX_FLAGS})
    else()
      set(Flags -std=c11 -fsyntax-only ${Arg_FLAGS} ${Arg_C_FLAGS})
    endif()
    list(APPEND Flags ${Own_${CompilerId}})
    if(Compiler STREQUAL "g++" AND Arg_OLD_GXX_FLAGS)
      execute_process(COMMAND ${MMSIM_HOST_g__} -dumpversion
                      OUTPUT_VARIABLE GxxVersion OUTPUT_STRIP_TRAILING_WHITESPACE)
      if(GxxVersion VERSION_LESS 13)
        list(APPEND Flags ${Arg_OLD_GXX_FLAGS})
      endif()
    endif()
    set(TestName ${Prefix}_${CompilerId})
    if(Arg_OR_PREFIX AND TEST ${TestName})
      set(TestName ${Arg_OR_PREFIX}_${CompilerId})
    endif()
    add_test(NAME ${TestName} COMMAND ${MMSIM_HOST_${CompilerId}} ${Flags} ${Source})
  endforeach()
endfunction()
