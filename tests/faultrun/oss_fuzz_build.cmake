# oss_fuzz_build.cmake - .clusterfuzzlite/build.sh builds under the OSS-Fuzz
# conventions with a local libFuzzer (clang -fsanitize=fuzzer): the fuzzer,
# its seed corpus zip and its dictionary; the fuzzer then runs the unzipped
# seeds with the dictionary.
#   cmake -DCLANG=clang -DSOURCE=dir -DOUT_DIR=dir -P oss_fuzz_build.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}/out" "${OUT_DIR}/work" "${OUT_DIR}/seeds")
set(ENV{CC} "${CLANG}")
set(ENV{CFLAGS} "-O1 -g -fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer")
set(ENV{LIB_FUZZING_ENGINE} "-fsanitize=fuzzer")
set(ENV{OUT} "${OUT_DIR}/out")
set(ENV{WORK} "${OUT_DIR}/work")
set(ENV{MMSIM_SOURCE} "${SOURCE}")
execute_process(COMMAND bash "${SOURCE}/.clusterfuzzlite/build.sh" RESULT_VARIABLE Rc)
if(NOT Rc EQUAL 0)
  message(FATAL_ERROR "build.sh failed (${Rc})")
endif()
foreach(File fuzz_ddi fuzz_ddi_seed_corpus.zip fuzz_ddi.dict)
  if(NOT EXISTS "${OUT_DIR}/out/${File}")
    message(FATAL_ERROR "build.sh wrote no ${File}")
  endif()
endforeach()
file(STRINGS "${OUT_DIR}/out/fuzz_ddi.dict" Tokens REGEX "^table_MmAllocateMappingAddress=")
if(NOT Tokens)
  message(FATAL_ERROR "the dictionary has no token for the table's MmAllocateMappingAddress row")
endif()
file(ARCHIVE_EXTRACT INPUT "${OUT_DIR}/out/fuzz_ddi_seed_corpus.zip" DESTINATION "${OUT_DIR}/seeds")
execute_process(
  COMMAND "${OUT_DIR}/out/fuzz_ddi" -runs=200 -seed=1 -max_len=512
          -dict=${OUT_DIR}/out/fuzz_ddi.dict "${OUT_DIR}/seeds"
  RESULT_VARIABLE Rc ERROR_VARIABLE Err)
if(NOT Rc EQUAL 0 OR NOT Err MATCHES "Dictionary: [1-9]")
  message(FATAL_ERROR "fuzz_ddi from build.sh failed (${Rc}): ${Err}")
endif()
message("build.sh built fuzz_ddi, its seed corpus zip and dictionary; it ran")
