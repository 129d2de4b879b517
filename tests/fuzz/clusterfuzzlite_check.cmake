# clusterfuzzlite_check.cmake - .clusterfuzzlite/ is a ClusterFuzzLite build
# integration whose Dockerfile installs what build.sh needs, no more, no less
# (docker is not needed: the check reads the files).
#   cmake -DSOURCE=dir -P clusterfuzzlite_check.cmake
#
# Every command build.sh runs must be a shell builtin, a command of the
# image's essential packages, the infrastructure's $CC, or come from a
# Debian package the Dockerfile installs (the table below says which); every
# -l library likewise. Every package the Dockerfile installs must be needed
# by one of them. A command or library the table does not know fails the
# check until it is added here (and, if need be, to the Dockerfile).
cmake_minimum_required(VERSION 3.25)

# Builtins and keywords of bash, and commands of the packages every Debian or
# Ubuntu image has (Priority: required: coreutils, findutils, grep, sed, mawk,
# bash).
set(Builtins cd echo printf read set export exit test true false local return shift unset
    if then else elif fi for while until do done case esac in)
set(Essential find sort tr mktemp mkdir rm cp mv ln cat head tail grep sed seq awk basename
    dirname wc xargs env bash ls touch chmod)
# Command or library -> the Debian package that provides it.
set(Package_zip zip)
set(Package_unzip unzip)
set(Package_make make)
set(Package_cmake cmake)
set(Package_ninja ninja-build)
set(Package_pkg-config pkg-config)
set(Package_python3 python3)
set(Package_lib_dw libdw-dev)
set(Package_lib_cmocka libcmocka-dev)
# Libraries of the C library (libc6-dev, in the base image).
set(LibcLibraries dl rt pthread m)

function(Fail Message)
  message(FATAL_ERROR "clusterfuzzlite: ${Message}")
endfunction()

foreach(File build.sh Dockerfile project.yaml)
  if(NOT EXISTS "${SOURCE}/.clusterfuzzlite/${File}")
    Fail(".clusterfuzzlite/${File} is missing")
  endif()
endforeach()

# build.sh: continuation lines joined, comment lines and arithmetic dropped,
# then split wherever a command can start.
file(READ "${SOURCE}/.clusterfuzzlite/build.sh" Script)
if(Script MATCHES "`")
  Fail("build.sh uses backquotes: write \$(...), which this check reads")
endif()
string(REGEX REPLACE "\\\\\n" " " Script "${Script}")
string(REGEX REPLACE "(^|\n)[ \t]*#[^\n]*" "\\1" Script "${Script}")
string(REGEX REPLACE "\\$\\(\\([^\n]*\\)\\)" " " Script "${Script}")
# Quoted text is not commands, but a command substitution inside double
# quotes is: $( becomes a backquote (build.sh uses none), then single-quoted
# strings and double-quoted ones without a substitution are dropped.
string(REPLACE "$(" "`" Script "${Script}")
string(REGEX REPLACE "'[^'\n]*'" "''" Script "${Script}")
string(REGEX REPLACE "\"[^\"`\n]*\"" "\"\"" Script "${Script}")
string(REGEX REPLACE "`|<\\(|\\|\\||&&|[|;(){}\n]" "\n" Segments "${Script}")
string(REPLACE ";" "\\;" Segments "${Segments}")
string(REPLACE "\n" ";" Segments "${Segments}")
set(Commands "")
foreach(Segment IN LISTS Segments)
  string(REGEX MATCHALL "[^ \t]+" Words "${Segment}")
  set(Skip FALSE)
  foreach(Word IN LISTS Words)
    if(Word STREQUAL "for" OR Word STREQUAL "case")
      break() # the next words are a variable and values, not a command
    endif()
    if(Word MATCHES "^(if|then|else|elif|while|until|do|!)$" OR Word MATCHES "^[A-Za-z_][A-Za-z0-9_]*=")
      continue() # a keyword or an assignment before the command
    endif()
    if(Word MATCHES "^[A-Za-z][A-Za-z0-9_.+-]*$")
      list(APPEND Commands "${Word}")
    endif()
    break() # the first word is the command ($CC, quotes, redirections: not ours)
  endforeach()
endforeach()
list(REMOVE_DUPLICATES Commands)

set(Needed "")
foreach(Command IN LISTS Commands)
  if(Command IN_LIST Builtins OR Command IN_LIST Essential)
    continue()
  endif()
  if(NOT DEFINED Package_${Command})
    Fail("build.sh runs `${Command}`: which Debian package provides it? Add it to "
         "tests/fuzz/clusterfuzzlite_check.cmake and, if the base image lacks it, to the Dockerfile")
  endif()
  list(APPEND Needed ${Package_${Command}})
endforeach()
string(REGEX MATCHALL "(^|[ \t])-l[A-Za-z0-9_+-]+" Flags "${Script}")
foreach(Flag IN LISTS Flags)
  string(REGEX REPLACE "^[ \t]*-l" "" Library "${Flag}")
  if(Library IN_LIST LibcLibraries)
    continue()
  endif()
  if(NOT DEFINED Package_lib_${Library})
    Fail("build.sh links -l${Library}: which Debian package provides it? Add it to "
         "tests/fuzz/clusterfuzzlite_check.cmake and to the Dockerfile")
  endif()
  list(APPEND Needed ${Package_lib_${Library}})
endforeach()
list(REMOVE_DUPLICATES Needed)
list(SORT Needed)

# The Dockerfile: the documented shape (base-builder, the source copied in,
# build.sh beside it) and the packages of its apt-get install lines.
file(READ "${SOURCE}/.clusterfuzzlite/Dockerfile" Docker)
string(REGEX REPLACE "\\\\\n" " " Docker "${Docker}")
foreach(Line "FROM gcr.io/oss-fuzz-base/base-builder" "COPY . \\$SRC/mmsim"
             "WORKDIR \\$SRC/mmsim" "COPY .clusterfuzzlite/build.sh \\$SRC/")
  if(NOT Docker MATCHES "(^|\n)${Line}[ \t]*(\n|$)")
    string(REPLACE "\\" "" Shown "${Line}")
    Fail("the Dockerfile has no line `${Shown}`")
  endif()
endforeach()
file(STRINGS "${SOURCE}/.clusterfuzzlite/build.sh" RootLine REGEX "^Root=")
if(NOT RootLine MATCHES "\\$SRC/mmsim")
  Fail("build.sh does not read the source from \$SRC/mmsim, where the Dockerfile copies it")
endif()
string(REGEX MATCHALL "apt-get install[^\n&;|]*" Installs "${Docker}")
set(Listed "")
foreach(Install IN LISTS Installs)
  string(REGEX MATCHALL "[^ \t]+" Words "${Install}")
  list(REMOVE_AT Words 0 1)
  foreach(Word IN LISTS Words)
    if(NOT Word MATCHES "^-")
      list(APPEND Listed ${Word})
    endif()
  endforeach()
endforeach()
list(REMOVE_DUPLICATES Listed)
list(SORT Listed)
foreach(Package IN LISTS Needed)
  if(NOT Package IN_LIST Listed)
    Fail("build.sh needs the Debian package ${Package}, which the Dockerfile does not install")
  endif()
endforeach()
foreach(Package IN LISTS Listed)
  if(NOT Package IN_LIST Needed)
    Fail("the Dockerfile installs ${Package}, which build.sh does not need")
  endif()
endforeach()

file(STRINGS "${SOURCE}/.clusterfuzzlite/project.yaml" Language REGEX "^language:")
if(NOT Language MATCHES "^language: c$")
  Fail("project.yaml does not say `language: c`")
endif()
list(JOIN Commands " " CommandsShown)
list(JOIN Listed " " ListedShown)
message("clusterfuzzlite: build.sh runs ${CommandsShown}; the Dockerfile installs ${ListedShown}, "
        "what they need")

# The workflow snippet of docs/verifier.md builds with project.yaml's language.
file(READ "${SOURCE}/docs/verifier.md" Doc)
if(NOT Doc MATCHES "uses: google/clusterfuzzlite/actions/build_fuzzers@v1\n +with:\n +language: c\n")
  Fail("docs/verifier.md's workflow does not build with `language: c` (project.yaml's)")
endif()
message("clusterfuzzlite: docs/verifier.md's workflow builds with language: c")
