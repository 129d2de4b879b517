# Builds fuzz_script.c with clang's libFuzzer and AddressSanitizer, then runs
# it for a bounded number of executions over the scripts in scripts/ (the seed
# corpus, copied so libFuzzer's additions stay in the build tree).
#   cmake -DCLANG=... -DSOURCE_DIR=... -DBINARY_DIR=... -P fuzz_libfuzzer.cmake
set(Tools ${SOURCE_DIR}/../../sim/tools)
set(Exe ${BINARY_DIR}/fuzz_script_libfuzzer)
execute_process(COMMAND ${CLANG} -g -O1 -fsanitize=fuzzer,address,undefined
    -fno-sanitize-recover=all -Wno-multichar
    -I${Tools} -I${SOURCE_DIR}/../../sim/include
    ${SOURCE_DIR}/fuzz_script.c ${Tools}/script.c ${Tools}/buf.c ${Tools}/narrate_lang.c
    -o ${Exe}
  RESULT_VARIABLE Status OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
if(NOT Status EQUAL 0)
  message(FATAL_ERROR "building the libFuzzer target failed:\n${Out}${Err}")
endif()
set(Corpus ${BINARY_DIR}/fuzz_corpus)
file(REMOVE_RECURSE ${Corpus})
file(MAKE_DIRECTORY ${Corpus})
file(GLOB Seeds ${SOURCE_DIR}/scripts/*.mmsim ${SOURCE_DIR}/scripts/errors/*.mmsim
  ${Tools}/tour/tour.mms)
file(COPY ${Seeds} DESTINATION ${Corpus})
set(ENV{ASAN_OPTIONS} "detect_leaks=1")
execute_process(COMMAND ${Exe} -runs=200000 -max_total_time=120 -max_len=4096
    -dict=${SOURCE_DIR}/fuzz_script.dict -seed=1 ${Corpus}
  RESULT_VARIABLE Status OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
if(NOT Status EQUAL 0)
  message(FATAL_ERROR "libFuzzer found a problem (status ${Status}):\n${Err}")
endif()
string(REGEX MATCH "Done [0-9]+ runs[^\n]*" Done "${Err}")
message(STATUS "${Done}")
