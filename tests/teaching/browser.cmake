# The tour's HTML page in headless Chromium: writes it, opens it at several
# steps (by URL hash, and by pressing Next N times through ?clicks=N), checks
# the rendered DOM, and takes a screenshot (OUT_DIR/tour-step*.png).
#   cmake -DMMSIM=... -DCHROMIUM=... -DOUT_DIR=... -P browser.cmake
set(ENV{MMSIM_SEED} 0x5EED)
file(MAKE_DIRECTORY ${OUT_DIR})
set(Page ${OUT_DIR}/tour.html)
execute_process(COMMAND ${MMSIM} tour --html ${Page} RESULT_VARIABLE Status
  OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
if(NOT Status EQUAL 0)
  message(FATAL_ERROR "mmsim tour --html failed (${Status}):\n${Out}${Err}")
endif()
file(READ ${Page} Html)
# Self-contained: no scripts, styles or images from elsewhere.
if(Html MATCHES "(src|href)=\"[a-z]+:" OR Html MATCHES "https?://" OR Html MATCHES "@import")
  message(FATAL_ERROR "the page refers to the network")
endif()

set(Profile ${OUT_DIR}/chromium-profile)
file(REMOVE_RECURSE ${Profile})
set(Flags --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
  --disable-extensions --user-data-dir=${Profile} --window-size=1400,1000
  --virtual-time-budget=2000)

# Url: what to open; Expect: regular expressions the DOM must match.
function(check_dom Url)
  execute_process(COMMAND ${CHROMIUM} ${Flags} --dump-dom "${Url}"
    RESULT_VARIABLE Status OUTPUT_VARIABLE Dom ERROR_VARIABLE Err TIMEOUT 120)
  if(NOT Status EQUAL 0)
    message(FATAL_ERROR "chromium --dump-dom ${Url} failed (${Status}):\n${Err}")
  endif()
  foreach(Regex ${ARGN})
    if(NOT Dom MATCHES "${Regex}")
      string(SUBSTRING "${Dom}" 0 3000 Head)
      message(FATAL_ERROR "${Url}: the page does not show /${Regex}/:\n${Head}")
    endif()
  endforeach()
endfunction()

# Step 1, opened directly.
check_dom("file://${Page}"
  "id=\"pos\">Step 1 of 18<" "Step 1: A fresh machine" "System PTE Information"
  "<button id=\"prev\" type=\"button\" disabled")
# Step 4 by URL hash: the strip shows four valid PTEs, the PFNs and the MDL.
check_dom("file://${Page}#step=4"
  "Step 4 of 18" "Map the MDL into the reservation"
  "class=\"cell c-V\" title=\"page 1, pfn [0-9a-f]+\">V<"
  "class=\"cell c-V\" title=\"page 4, pfn [0-9a-f]+\">V<"
  "class=\"cell c-dot\" title=\"page 5\">[.]<" "MdlAllocated: Mdl0"
  "MDL_MAPPED_TO_SYSTEM_VA")
# Step 12 by pressing Next eleven times: a live stop.
check_dom("file://${Page}?clicks=11"
  "Step 12 of 18" "Mistake 2" "STOP SYSTEM_PTE_MISUSE"
  "\\*\\*\\* STOP: 0x000000DA \\(0x0000000000000107")
# The last step: Next is disabled.
check_dom("file://${Page}?clicks=40"
  "Step 18 of 18" "Summary" "<button id=\"next\" type=\"button\" disabled")

# Screenshots of a step with a strip and of a stop.
foreach(Step 4 12)
  set(Png ${OUT_DIR}/tour-step${Step}.png)
  file(REMOVE ${Png})
  execute_process(COMMAND ${CHROMIUM} ${Flags} --screenshot=${Png} "file://${Page}#step=${Step}"
    RESULT_VARIABLE Status OUTPUT_VARIABLE Out ERROR_VARIABLE Err TIMEOUT 120)
  if(NOT Status EQUAL 0 OR NOT EXISTS ${Png})
    message(FATAL_ERROR "chromium --screenshot failed (${Status}):\n${Err}")
  endif()
  file(SIZE ${Png} Bytes)
  if(Bytes LESS 20000)
    message(FATAL_ERROR "${Png} is only ${Bytes} bytes: not a rendered page")
  endif()
  message(STATUS "screenshot: ${Png} (${Bytes} bytes)")
endforeach()
