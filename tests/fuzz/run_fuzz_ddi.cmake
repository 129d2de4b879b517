# The bounded fuzz_ddi ctest: a fresh scratch corpus (libFuzzer writes new
# inputs into its first directory, never into the checked-in seeds), then
# RUNS executions (at most 30 s) from the seed corpus with a fixed seed.
#   cmake -DFUZZER=... -DRUNS=... -DSEEDS=... -DSCRATCH=... -DARTIFACTS=... -P run_fuzz_ddi.cmake
foreach(Variable FUZZER RUNS SEEDS SCRATCH ARTIFACTS)
  if(NOT DEFINED ${Variable})
    message(FATAL_ERROR "run_fuzz_ddi.cmake: -D${Variable}= is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
# libFuzzer's progress lines go to a log beside the scratch corpus; what is
# printed is the end of it (a failure's report is there, not hundreds of
# progress lines a CI log would cut).
set(Log ${SCRATCH}.log)
execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -max_total_time=30 -seed=1 -max_len=512 -timeout=30
          -rss_limit_mb=4096
          -print_final_stats=1 -artifact_prefix=${ARTIFACTS} ${SCRATCH} ${SEEDS}
  RESULT_VARIABLE Result
  OUTPUT_FILE ${Log} ERROR_FILE ${Log})
if(Result EQUAL 0)
  set(Keep 12)
else()
  set(Keep 80)
endif()
message("(the last ${Keep} lines of ${Log})")
execute_process(COMMAND tail -n ${Keep} ${Log})
if(NOT Result EQUAL 0)
  message(FATAL_ERROR "fuzz_ddi failed (${Result}): the reproducer is ${ARTIFACTS}*; "
                      "replay it with ${FUZZER} FILE (docs/verifier.md, Fuzzing)")
endif()
