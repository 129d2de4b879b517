# The value oracle (docs/wdk-surface.md, "The oracle", value families): every
# name of the value families below that the installed mingw-w64 headers
# define must be defined by mmsim's headers with the same value (and, where
# mingw-w64 spells a cast, the same type), compiled against sim/include only.
#
#   cmake -DCLANG=clang -DMINGW_INCLUDE=/usr/x86_64-w64-mingw32/include
#         -DMMSIM_INCLUDE=sim/include -DCC=gcc -DLANG=c|c++ -DWORK=dir
#         [-DFAMILIES=ntstatus;bugcodes;...] -P values.cmake
#
# 1. clang lists mingw-w64's macros for the x86_64-w64-mingw32 target
#    (-E -dD), each with the header it is defined in; a family is the
#    object-like macros of one header whose names match its pattern.
# 2. clang computes each name's value for that target (one enumerator per
#    name, read from -ast-dump), so a value spelled as an expression of other
#    macros counts as its number.
# 3. A probe with one assertion line per name, `(NAME) == value` (and
#    `NAME` has mingw-w64's cast type, NTSTATUS or ULONG), including <wdm.h>,
#    <ntddk.h>, <ntiologc.h> and (survey31: driver files include them by
#    name) <ntstatus.h> and <bugcodes.h> from sim/include and nothing of
#    mingw-w64, is compiled with
#    CC as C11 or C++17, -Wall -Wextra -Werror. Each error is attributed to
#    the name on its line: missing (undeclared) or different.
#
# The test fails on any such name, and on a family with no names (a header
# that was not read must not pass as "nothing to compare").

cmake_minimum_required(VERSION 3.25)

foreach(_v CLANG MINGW_INCLUDE MMSIM_INCLUDE CC LANG WORK)
  if(NOT DEFINED ${_v})
    message(FATAL_ERROR "values.cmake: -D${_v}=... is required")
  endif()
endforeach()

# family, header (regex on its path), names (regex), names left out (regex)
set(_families
  "ntstatus /ntstatus\\.h$ ^[A-Z] ^_NTSTATUS_$"
  # bugcodes.h is message-compiler output: its FACILITY_/STATUS_SEVERITY_
  # preamble is the tool's, not bug check codes (the severities are in
  # ntstatus.h).
  "bugcodes /bugcodes\\.h$ ^[A-Z] ^(FACILITY_|STATUS_SEVERITY_)"
  # IRP major and minor function codes, IRP flags, device types, transfer
  # methods and access of CTL_CODE.
  "irp_mj /ddk/wdm\\.h$ ^IRP_MJ_ ^$"
  "irp_mn /ddk/(wdm|ntddk)\\.h$ ^IRP_MN_ ^$"
  "irp_flags /ddk/wdm\\.h$ ^IRP_ ^IRP_M[JN]_"
  "file_device /ddk/wdm\\.h$ ^FILE_DEVICE_ ^$"
  "ioctl /ddk/wdm\\.h$ ^(METHOD_|FILE_(ANY|SPECIAL|READ|WRITE)_ACCESS$) ^$"
  # wdk25: device object flags, and every other FILE_ name of wdm.h: access
  # rights (FILE_ALL_ACCESS, FILE_GENERIC_*), share modes, attributes, create
  # dispositions and options, device characteristics and alignments.
  "do_flags /ddk/(wdm|ntddk)\\.h$ ^DO_ ^$"
  "file /ddk/wdm\\.h$ ^FILE_ ^FILE_DEVICE_[A-Z0-9_]+$"
  "access /ddk/wdm\\.h$ ^(DELETE|READ_CONTROL|WRITE_DAC|WRITE_OWNER|SYNCHRONIZE|STANDARD_RIGHTS_[A-Z]+|SPECIFIC_RIGHTS_ALL|ACCESS_SYSTEM_SECURITY|MAXIMUM_ALLOWED|GENERIC_(READ|WRITE|EXECUTE|ALL))$ ^$"
  # The I/O error log codes of <ntiologc.h> (IoAllocateErrorLogEntry's
  # ErrorCode), with its FACILITY_ preamble.
  "io_err /ntiologc\\.h$ ^[A-Z] ^$"
  # survey31: the x64 kernel stack sizes of ntddk.h.
  "kernel_stack /ddk/ntddk\\.h$ ^KERNEL_[A-Z_]*STACK ^$"
)
if(NOT DEFINED FAMILIES)
  set(FAMILIES ntstatus bugcodes irp_mj irp_mn irp_flags file_device ioctl do_flags file access io_err
      kernel_stack)
endif()

file(MAKE_DIRECTORY ${WORK})
set(_target -target x86_64-w64-mingw32 -fno-color-diagnostics -w
            -I${MINGW_INCLUDE}/ddk -I${MINGW_INCLUDE})
file(WRITE ${WORK}/mingw.c
  "#include <wdm.h>\n#include <ntddk.h>\n#include <ntstatus.h>\n#include <bugcodes.h>\n#include <ntiologc.h>\n")

# ---- 1. mingw-w64's macros, by header --------------------------------------
execute_process(COMMAND ${CLANG} ${_target} -E -dD ${WORK}/mingw.c
  OUTPUT_FILE ${WORK}/mingw_macros.txt RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "clang could not preprocess mingw-w64's headers:\n${_err}")
endif()
# An object-like macro with a value, of a family's header and names; the
# first definition counts.
include(${CMAKE_CURRENT_LIST_DIR}/defines.cmake)
set(_all_names "")
macro(values_keep_define)
  if(_dd_params EQUAL -1 AND NOT "${_dd_text}" STREQUAL "")
    foreach(_fam IN LISTS FAMILIES)
      foreach(_spec IN LISTS _families)
        string(REPLACE " " ";" _spec "${_spec}")
        list(GET _spec 0 _fname)
        if(NOT _fname STREQUAL _fam)
          continue()
        endif()
        list(GET _spec 1 _fre)
        list(GET _spec 2 _nre)
        list(GET _spec 3 _xre)
        if(_dd_file MATCHES "${_fre}" AND _dd_name MATCHES "${_nre}"
           AND NOT _dd_name MATCHES "${_xre}" AND NOT DEFINED _fam_of_${_dd_name})
          list(APPEND _all_names ${_dd_name})
          list(APPEND _names_${_fam} ${_dd_name})
          set(_fam_of_${_dd_name} ${_fam})
          set(_type_of_${_dd_name} "")
          if(_dd_text MATCHES "^\\(\\((NTSTATUS|ULONG)\\)")
            set(_type_of_${_dd_name} ${CMAKE_MATCH_1})
          endif()
        endif()
      endforeach()
    endforeach()
  endif()
endmacro()
oracle_each_define(${WORK}/mingw_macros.txt values_keep_define)

foreach(_fam IN LISTS FAMILIES)
  list(LENGTH _names_${_fam} _n)
  if(_n EQUAL 0)
    message(FATAL_ERROR "family ${_fam}: no names found in mingw-w64's headers under ${MINGW_INCLUDE}")
  endif()
endforeach()

# ---- 2. their values, as clang computes them for mingw-w64 -----------------
set(_src "#include <wdm.h>\n#include <ntddk.h>\n#include <ntstatus.h>\n#include <bugcodes.h>\n#include <ntiologc.h>\n")
foreach(_name IN LISTS _all_names)
  string(APPEND _src "enum { oracle_v_${_name} = (${_name}) };\n")
endforeach()
file(WRITE ${WORK}/mingw_values.c "${_src}")
execute_process(COMMAND ${CLANG} ${_target} -fsyntax-only -Xclang -ast-dump
                        -Xclang -ast-dump-filter -Xclang oracle_v_ ${WORK}/mingw_values.c
  OUTPUT_FILE ${WORK}/mingw_values.txt ERROR_VARIABLE _err)
file(STRINGS ${WORK}/mingw_values.txt _lines REGEX "EnumConstantDecl|value: Int ")
set(_cur "")
foreach(_line IN LISTS _lines)
  if(_line MATCHES "EnumConstantDecl .* oracle_v_([A-Za-z0-9_]+) ")
    set(_cur ${CMAKE_MATCH_1})
  elseif(_cur AND _line MATCHES "value: Int (-?[0-9]+)")
    set(_value_of_${_cur} ${CMAKE_MATCH_1})
    set(_cur "")
  endif()
endforeach()

# ---- 3. the probe, against mmsim's headers only ----------------------------
if(LANG STREQUAL "c++")
  set(_probe ${WORK}/probe.cpp)
  set(_std -x c++ -std=c++17)
  string(CONCAT _src "#include <wdm.h>\n#include <ntddk.h>\n#include <ntiologc.h>\n"
           "#include <ntstatus.h>\n#include <bugcodes.h>\n"
           "template <class A, class B> struct oracle_same { enum { value = 0 }; };\n"
           "template <class A> struct oracle_same<A, A> { enum { value = 1 }; };\n"
           "#define ORACLE_IS(e, T) (oracle_same<decltype(e), T>::value)\n")
  set(_assert static_assert)
else()
  set(_probe ${WORK}/probe.c)
  set(_std -x c -std=c11)
  string(CONCAT _src "#include <wdm.h>\n#include <ntddk.h>\n#include <ntiologc.h>\n"
           "#include <ntstatus.h>\n#include <bugcodes.h>\n"
           "#define ORACLE_IS(e, T) _Generic((e), T: 1, default: 0)\n")
  # Spelled out, not a macro: gcc puts a failed assertion on the line of the
  # macro that names it.
  set(_assert _Static_assert)
endif()
string(REGEX MATCHALL "\n" _nl "${_src}")
list(LENGTH _nl _lineno)
set(_no_value "")
foreach(_name IN LISTS _all_names)
  if(NOT DEFINED _value_of_${_name})
    # mingw-w64 defines it but has no integer value for it: not a value.
    list(APPEND _no_value ${_name})
    continue()
  endif()
  set(_v ${_value_of_${_name}})
  if(_v MATCHES "^[0-9]+$" AND _v GREATER 9223372036854775807)
    set(_lit "${_v}ULL")
  else()
    set(_lit "${_v}LL")
  endif()
  set(_cond "(${_name}) == ${_lit}")
  set(_what "value ${_v}")
  if(_type_of_${_name})
    string(APPEND _cond " && ORACLE_IS(${_name}, ${_type_of_${_name}})")
    math(EXPR _hex "${_v} & 0xFFFFFFFF" OUTPUT_FORMAT HEXADECIMAL)
    set(_what "((${_type_of_${_name}})${_hex})")
  endif()
  math(EXPR _lineno "${_lineno} + 1")
  set(_name_at_${_lineno} ${_name})
  string(APPEND _src "${_assert}(${_cond}, \"${_name}: mingw-w64 has ${_what}\");\n")
endforeach()
file(WRITE ${_probe} "${_src}")

execute_process(COMMAND ${CC} ${_std} -fsyntax-only -Wall -Wextra -Werror -Wno-multichar
                        -I${MMSIM_INCLUDE} ${_probe}
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(CC MATCHES "clang")
  # clang stops at 20 errors by default; every name must be reported.
  execute_process(COMMAND ${CC} ${_std} -fsyntax-only -Wall -Wextra -Werror -Wno-multichar
                          -ferror-limit=0 -I${MMSIM_INCLUDE} ${_probe}
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
endif()

# Attribute each error on a probe line to its name.
get_filename_component(_probe_name ${_probe} NAME)
string(REGEX MATCHALL "${_probe_name}:[0-9]+:[0-9]+: (fatal )?error: [^\n]*" _errors "${_out}")
set(_bad "")
set(_unattributed "")
foreach(_e IN LISTS _errors)
  string(REGEX MATCH ":([0-9]+):[0-9]+: " _m "${_e}")
  set(_l ${CMAKE_MATCH_1})
  if(DEFINED _name_at_${_l})
    set(_n ${_name_at_${_l}})
    if(NOT DEFINED _err_${_n})
      set(_err_${_n} "${_e}")
      list(APPEND _bad ${_n})
    endif()
  else()
    list(APPEND _unattributed "${_e}")
  endif()
endforeach()

# ---- verdict ---------------------------------------------------------------
set(_failed 0)
foreach(_fam IN LISTS FAMILIES)
  set(_n 0)
  set(_ok 0)
  set(_list "")
  foreach(_name IN LISTS _names_${_fam})
    if(_name IN_LIST _no_value)
      continue()
    endif()
    math(EXPR _n "${_n} + 1")
    if(DEFINED _err_${_name})
      string(APPEND _list "  ${_fam}: ${_name}: ${_err_${_name}}\n")
    else()
      math(EXPR _ok "${_ok} + 1")
    endif()
  endforeach()
  message("${_fam}: ${_ok} / ${_n} of mingw-w64's names defined by mmsim with mingw-w64's value")
  if(NOT _ok EQUAL _n)
    message("${_list}")
    set(_failed 1)
  endif()
endforeach()
if(_no_value)
  message("without an integer value in mingw-w64 (not compared): ${_no_value}")
endif()
if(NOT _rc EQUAL 0 AND (_unattributed OR NOT _bad))
  string(REPLACE ";" "\n" _unattributed "${_unattributed}")
  message("the probe did not compile for a reason on no name's line:\n${_unattributed}\n${_out}")
  set(_failed 1)
endif()
if(_failed)
  message(FATAL_ERROR "values differ from mingw-w64's (probe: ${_probe})")
endif()
