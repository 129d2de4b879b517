# shard_specs.cmake - a bad --shard spec is a usage error (exit 2, the spec
# named), before anything runs.
#   cmake -DMMSIM=mmsim -DPROGRAM=program -P shard_specs.cmake
cmake_minimum_required(VERSION 3.25)
#        spec   why it is bad
set(Bad "3/2"  # K > N
        "0/0"  # shards count from 1
        "0/3"
        "1/0"
        "2"    # no N
        "1/3/5"
        "a/3"
        "01/3" # numbers as every configuration number: no leading zero
        "1/4097")
foreach(Spec IN LISTS Bad)
  execute_process(COMMAND "${MMSIM}" faults --shard "${Spec}" -- "${PROGRAM}"
    RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
  if(NOT Rc EQUAL 2 OR NOT Err MATCHES "--shard '${Spec}': expected K/N")
    message(FATAL_ERROR "--shard ${Spec}: exit ${Rc}, said: ${Err}${Out}")
  endif()
endforeach()
message("every bad shard spec refused")
