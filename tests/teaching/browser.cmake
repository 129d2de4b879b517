# The tour's HTML page in headless Chromium: writes it, opens it at several
# steps (by URL hash, and by pressing Next N times through ?clicks=N), checks
# the rendered DOM, checks at 1280 and 390 px that no text block overflows
# (layout-check.js, read back from the DOM), and takes screenshots at both
# widths (OUT_DIR/tour-step*-*px.png).
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
set(Common --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
  --disable-extensions --user-data-dir=${Profile} --hide-scrollbars --virtual-time-budget=2000)
set(Flags ${Common} --window-size=1400,1000)

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

# Step 1, opened directly: the user-mode prologue (tour17), its VAD and
# the user PTE strip of the reservation, every page reserved ('.').
check_dom("file://${Page}"
  "id=\"pos\">Step 1 of 24<" "Step 1: User mode: reserve the maximum"
  "<button id=\"prev\" type=\"button\" disabled"
  "id=\"striptitle\">User PTE strip" "<div class=\"legend\" id=\"legend-kernel\" hidden"
  "kd&gt; !vad\nVAD  " "#1 +0 +1ff +0  Private  PAGE_READWRITE"
  "kd&gt; !address user[+]0x0\n" "State: +00002000 +MEM_RESERVE"
  "class=\"cell c-dot\" title=\"page 0\">[.]<")
# Step 3: the first touch: page 0 valid (with its protection and PFN, owned
# by the process's PTE), page 1 still demand zero ('d').
check_dom("file://${Page}#step=3"
  "Step 3 of 24" "User mode: the first touch"
  "class=\"cell c-V\" title=\"page 0, PAGE_READWRITE, pfn [0-9a-f]+\">V<"
  "class=\"cell c-d\" title=\"page 1, PAGE_READWRITE\">d<"
  "User: PTE 0" "mmsim: PTE [0-9a-f]+: valid, pfn"
  "<div class=\"legend\" id=\"legend-user\"><span>" "demand-zero faults 0 -&gt; 1")
# Step 5: protections in the strip (R read-only) and the VAD after decommit.
check_dom("file://${Page}#step=5"
  "Step 5 of 24" "user[+]0x0 +Rd[.]+\n" "#1 +0 +1ff +0  Private")
# Step 6 names the differences from user mode, as a table.
check_dom("file://${Page}#step=6"
  "From user mode to the kernel" "<table class=\"summary\"><tbody><tr><td>reserve</td><td>a VAD in the process</td>")
# Step 7, the kernel: the PTE strip is the system one again.
check_dom("file://${Page}#step=7"
  "Step 7: A fresh machine" "System PTE Information" "id=\"striptitle\">PTE strip<")
# Step 10 by URL hash: the strip shows four valid PTEs, the PFNs and the MDL.
check_dom("file://${Page}#step=10"
  "Step 10 of 24" "Map the MDL into the reservation"
  "class=\"cell c-V\" title=\"page 1, pfn [0-9a-f]+\">V<"
  "class=\"cell c-V\" title=\"page 4, pfn [0-9a-f]+\">V<"
  "class=\"cell c-dot\" title=\"page 5\">[.]<" "MdlAllocated: Mdl0"
  "MDL_MAPPED_TO_SYSTEM_VA")
# Step 18 by pressing Next seventeen times: a live stop.
check_dom("file://${Page}?clicks=17"
  "Step 18 of 24" "Mistake 2" "STOP SYSTEM_PTE_MISUSE"
  "\\*\\*\\* STOP: 0x000000DA \\(0x0000000000000107")
# The last step: Next is disabled.
check_dom("file://${Page}?clicks=40"
  "Step 24 of 24" "Summary" "<button id=\"next\" type=\"button\" disabled")

# Narration reads as paragraphs: no line break inside a sentence.
check_dom("file://${Page}#step=8"
  "<p class=\"say\">No page is mapped into the reservation yet: its 16 PTEs are empty [(]'[.]'[)]. The reservation")
check_dom("file://${Page}#step=24" "<table class=\"summary\"><tbody><tr><td>touching past")

# Layout, at a desktop and a phone width, for every step of both profiles:
# layout-check.js (added to a copy of the page) reports each text block whose
# content is wider than its box, or that reaches past the viewport. The copy
# is shown in a frame exactly WIDTH px wide (a headless window is at least
# 500 px wide), which hands the verdict to the framing page's DOM.
file(READ ${CMAKE_CURRENT_LIST_DIR}/layout-check.js Check)
set(Receive "addEventListener('message', e => { const p = document.createElement('pre'); \
p.id = 'layout-check'; p.textContent = e.data; document.body.appendChild(p); });")
function(framed Width Height Inner Outer)
  file(WRITE ${Outer} "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>\
<body style=\"margin:0\"><iframe src=\"${Inner}\" style=\"border:0;display:block\" \
width=\"${Width}\" height=\"${Height}\"></iframe><script>${Receive}</script></body></html>\n")
endfunction()
foreach(Kernel modern nt5)
  set(Checked ${OUT_DIR}/tour-${Kernel}-layout.html)
  execute_process(COMMAND ${MMSIM} tour --profile ${Kernel} --html ${Checked}
    RESULT_VARIABLE Status OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
  if(NOT Status EQUAL 0)
    message(FATAL_ERROR "mmsim tour --profile ${Kernel} --html failed (${Status}):\n${Out}${Err}")
  endif()
  file(READ ${Checked} Copy)
  string(REPLACE "</body>" "<script>\n${Check}</script>\n</body>" Copy "${Copy}")
  file(WRITE ${Checked} "${Copy}")
  foreach(Width 1280 390)
    set(Outer ${OUT_DIR}/tour-${Kernel}-${Width}px.html)
    framed(${Width} 900 tour-${Kernel}-layout.html ${Outer})
    execute_process(COMMAND ${CHROMIUM} ${Common} --window-size=1400,1000 --dump-dom
        "file://${Outer}"
      RESULT_VARIABLE Status OUTPUT_VARIABLE Dom ERROR_VARIABLE Err TIMEOUT 120)
    if(NOT Status EQUAL 0)
      message(FATAL_ERROR "chromium --dump-dom at ${Width} px failed (${Status}):\n${Err}")
    endif()
    if(NOT Dom MATCHES "<pre id=\"layout-check\">([^<]*)</pre>")
      message(FATAL_ERROR "${Kernel} at ${Width} px: the layout check did not run:\n${Dom}")
    endif()
    set(Verdict "${CMAKE_MATCH_1}")
    if(NOT Verdict MATCHES "^viewport ${Width} px, 24 steps: no block overflows$")
      message(FATAL_ERROR "${Kernel} at ${Width} px: ${Verdict}")
    endif()
    message(STATUS "${Kernel}: ${Verdict}")
  endforeach()
endforeach()

# Screenshots of the user strip after the first touch, a step with a
# strip, of a stop and of the summary, at both widths (the page framed as
# above, 1600 px tall).
foreach(Width 1280 390)
  foreach(Step 3 10 19 24)
    set(Png ${OUT_DIR}/tour-step${Step}-${Width}px.png)
    set(Outer ${OUT_DIR}/tour-step${Step}-${Width}px.html)
    framed(${Width} 1600 "tour.html#step=${Step}" ${Outer})
    file(REMOVE ${Png})
    set(Window ${Width})
    if(Window LESS 500)
      set(Window 500)
    endif()
    execute_process(COMMAND ${CHROMIUM} ${Common} --window-size=${Window},1600
        --screenshot=${Png} "file://${Outer}"
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
endforeach()
