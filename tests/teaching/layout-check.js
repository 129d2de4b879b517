// Injected by browser.cmake into a copy of the tour's page: shows every step
// and records each text block wider than its box, and the page wider than
// the viewport, in <pre id="layout-check"> (also posted to the page framing
// it) for chromium --dump-dom to read.
(function () {
  const viewport = document.documentElement.clientWidth;
  const bad = [];
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className ? '.' + String(e.className).replace(/ +/g, '.') : '') +
    ' "' + (e.textContent || '').trim().slice(0, 50) + '"';
  for (let i = 0; i < steps.length; i++) {
    go(i);
    const page = document.documentElement.scrollWidth;
    if (page > viewport) bad.push('step ' + (i + 1) + ': the page is ' + page + ' px wide');
    for (const e of document.querySelectorAll('header, header *, main, main *')) {
      const box = e.getBoundingClientRect();
      if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
        bad.push('step ' + (i + 1) + ': ' + name(e) + ' scrolls (' + e.scrollWidth + ' > ' + e.clientWidth + ' px)');
      else if (box.width > 0 && box.right > viewport + 1)
        bad.push('step ' + (i + 1) + ': ' + name(e) + ' ends at ' + Math.round(box.right) + ' px');
    }
  }
  go(0);
  const out = document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = 'viewport ' + viewport + ' px, ' + steps.length + ' steps: ' +
    (bad.length ? bad.length + ' overflowing\n' + bad.slice(0, 40).join('\n') : 'no block overflows');
  document.body.appendChild(out);
  // In a frame of the width under test (browser.cmake): tell the page around it.
  if (window.parent !== window) window.parent.postMessage(out.textContent, '*');
})();
