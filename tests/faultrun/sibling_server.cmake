# sibling_server.cmake - run24: with two job slots the program is started
# once per suite: the second slot's fork server is forked by the first's
# (docs/verifier.md, "Fork server"), so --keep holds one server log, and
# both slots explore.
#   cmake -DMMSIM=mmsim -DPROGRAM=suite -DOUT_DIR=dir -P sibling_server.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${OUT_DIR}")
execute_process(COMMAND "${MMSIM}" faults --per-test --allow-failed --jobs 2 --keep "${OUT_DIR}"
                        -- "${PROGRAM}"
  RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
file(GLOB Servers RELATIVE "${OUT_DIR}" "${OUT_DIR}/server*.log")
# At least two explorers (both slots'); under ThreadSanitizer, where no call
# is forked at, tests are explored again in processes of their own: more.
string(REGEX MATCH "explorers: ([0-9]+) for" Explorers "${Out}")
if(NOT Rc EQUAL 0 OR NOT Servers STREQUAL "server0.log" OR NOT Explorers
   OR CMAKE_MATCH_1 LESS 2)
  message(FATAL_ERROR "exit ${Rc}, server logs: ${Servers}\n${Out}${Err}")
endif()
message("two job slots, one program start")
