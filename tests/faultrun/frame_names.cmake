# frame_names.cmake - who names the frames of recorded stacks (docs/verifier.md,
# "Fork server"): a fork server's runs write each frame unnamed,
# module+0xOFF@PID:0xADDRESS, and the runner names it from the server's
# modules before it reaches the report, as --exec-per-run's runs name their own.
#
#   mode         kept stack records         report
#   (default)    module+0xOFF@PID:0xADDR    module+0xOFF (function+0xOFF[, file:line])
#   exec         module+0xOFF (function..)  the same
#
#   cmake -DMMSIM=mmsim -DPROGRAM=suite -DOUT_DIR=dir -P frame_names.cmake
cmake_minimum_required(VERSION 3.25)
set(Unnamed "[A-Za-z0-9_.+-]+\\+0x[0-9a-f]+@[0-9]+:0x[0-9a-f]+")
# A name is function+0xOFF, with ", file.c:LINE" where the build has debug
# information (not the release preset's).
set(Named "\\+0x[0-9a-f]+ \\([A-Za-z_][A-Za-z0-9_]*\\+0x[0-9a-f]+(, [A-Za-z0-9_.-]+:[0-9]+)?\\)")
foreach(Mode fork exec)
  set(Keep "${OUT_DIR}/${Mode}")
  file(REMOVE_RECURSE "${Keep}")
  file(MAKE_DIRECTORY "${Keep}")
  set(Option "")
  if(Mode STREQUAL "exec")
    set(Option --exec-per-run)
  endif()
  execute_process(COMMAND "${MMSIM}" faults --per-test --allow-failed --jobs 2 ${Option}
                          --keep "${Keep}" -- "${PROGRAM}"
    RESULT_VARIABLE Rc OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
  if(NOT Out MATCHES "injected failure")
    message(FATAL_ERROR "${Mode}: the runner did not report (exit ${Rc}):\n${Out}${Err}")
  endif()
  # The report names every frame it shows, and shows no unnamed one.
  if(Out MATCHES "${Unnamed}")
    message(FATAL_ERROR "${Mode}: the report shows an unnamed frame: ${CMAKE_MATCH_0}")
  endif()
  if(NOT Out MATCHES "${Named}")
    message(FATAL_ERROR "${Mode}: the report names no frame:\n${Out}")
  endif()
  # The kept records: unnamed in the fork server's runs, named in exec'd ones.
  file(GLOB Records "${Keep}/*.stacks")
  set(Text "")
  foreach(Record IN LISTS Records)
    file(READ "${Record}" Part)
    string(APPEND Text "${Part}")
  endforeach()
  if(Mode STREQUAL "fork")
    if(NOT Text MATCHES "${Unnamed}" OR Text MATCHES "${Named}")
      message(FATAL_ERROR "fork: a run named the frames it recorded (or recorded none):\n${Text}")
    endif()
  elseif(NOT Text MATCHES "${Named}" OR Text MATCHES "${Unnamed}")
    message(FATAL_ERROR "exec: a run left its frames unnamed (or recorded none):\n${Text}")
  endif()
  file(REMOVE_RECURSE "${Keep}")
endforeach()
message("the runner names the frames the fork server's runs leave unnamed")
