# state_dir.cmake - where `mmsim faults` keeps its state and logs without
# --keep (faults20b; docs/verifier.md): TMPDIR if set, else memory's file
# system (/dev/shm) where the host has one, else /tmp. A failing baseline
# keeps the directory and names it (this script removes it again); a run
# that passes removes it.
#
#   cmake -DMMSIM=mmsim -DPROGRAM=suite -DOUT_DIR=dir -P state_dir.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
set(Default /tmp)
if(IS_DIRECTORY /dev/shm)
  set(Default /dev/shm)
endif()
#   TMPDIR       state directory
#   (unset)      ${Default}/mmsim-faults-XXXXXX
#   OUT_DIR      OUT_DIR/mmsim-faults-XXXXXX
foreach(Case unset set)
  if(Case STREQUAL "unset")
    set(Env --unset=TMPDIR)
    set(Want "${Default}")
  else()
    set(Env "TMPDIR=${OUT_DIR}")
    set(Want "${OUT_DIR}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env ${Env} "${MMSIM}" faults -- /nonexistent
    RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
  if(NOT "${Out}${Err}" MATCHES "state and logs: ([^\n]*)")
    message(FATAL_ERROR "TMPDIR ${Case}: no state directory named (exit ${Rc}):\n${Out}${Err}")
  endif()
  set(Dir "${CMAKE_MATCH_1}")
  file(REMOVE_RECURSE "${Dir}")
  if(NOT Dir MATCHES "^${Want}/mmsim-faults-......$")
    message(FATAL_ERROR "TMPDIR ${Case}: the state went to ${Dir}, expected ${Want}/mmsim-faults-XXXXXX")
  endif()
endforeach()
# A run that passes removes its directory.
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "TMPDIR=${OUT_DIR}" "${MMSIM}" faults --per-test
                        --allow-failed --jobs 2 -- "${PROGRAM}"
  RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
file(GLOB Left "${OUT_DIR}/*")
if(Left)
  message(FATAL_ERROR "a run (exit ${Rc}) left ${Left}")
endif()
message("the state directory follows TMPDIR, else ${Default}")
