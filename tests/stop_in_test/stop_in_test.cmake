# An uncaught bug check inside a CMocka test fails that test, not the suite
# (issue 18, item 3): stop_in_test_suite.c's table, checked from its output.
#
#   cmake -DSUITE=stop_in_test_suite -P stop_in_test.cmake
execute_process(COMMAND ${SUITE} OUTPUT_VARIABLE Out ERROR_VARIABLE Out
  RESULT_VARIABLE Got TIMEOUT 120)
set(Want
  "\\[       OK \\] PassesBefore"
  "\\*\\*\\* STOP: 0x000000C2 \\(0x0000000000000007"
  "BAD_POOL_CALLER"
  "uncaught bug check in the test: \\*\\*\\* STOP: 0x000000C2 \\(0x0000000000000007[^\n]* BAD_POOL_CALLER"
  "\\[  FAILED  \\] StopsDirectly"
  "uncaught bug check in the test: \\*\\*\\* STOP: 0x00000050 [^\n]* PAGE_FAULT_IN_NONPAGED_AREA"
  "\\[  FAILED  \\] StopsInFaultTrap"
  "\\[       OK \\] GetsAFreshMachine"
  "\\[       OK \\] StopsInForkedChild"
  "\\[  PASSED  \\] 3 test\\(s\\)\\."
  "\\[  FAILED  \\] 2 test\\(s\\), listed below:")
set(Why "")
if(Got STREQUAL "0" OR Got STREQUAL "86" OR NOT Got MATCHES "^[0-9]+$")
  string(APPEND Why "exit status '${Got}', expected CMocka's failed-test count\n")
endif()
foreach(Pattern IN LISTS Want)
  if(NOT Out MATCHES "${Pattern}")
    string(APPEND Why "missing: ${Pattern}\n")
  endif()
endforeach()
if(Out MATCHES "NOT REACHED")
  string(APPEND Why "a test body went on after its stop\n")
endif()
if(NOT Why STREQUAL "")
  message(FATAL_ERROR "${Why}--- the suite's output:\n${Out}")
endif()
message(STATUS "exit ${Got}; each stop failed its own test, the suite ran to its summary")
