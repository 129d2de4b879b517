/*
 * html.c - the page `mmsim tour --html FILE` writes: one self-contained file
 * (inline CSS and script, no network access) that shows the tour's steps
 * with a PTE strip of the reservation in focus (in the user-mode prologue:
 * of the process's VAD, each page with its protection), the PFNs involved
 * and who holds them, the MDLs, what changed and the stop if there was one.
 *
 * Navigation: Previous/Next buttons, the step list, the arrow keys, and the
 * URL: "#step=N" opens step N; "?clicks=N" presses Next N times after load
 * (the browser test uses it to drive the buttons headlessly).
 */
#include <stdio.h>
#include <string.h>

#include "tool.h"

static const char HtmlHead[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>%TITLE%</title>\n"
    "<style>\n"
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f6f7f9;color:#1d232b}\n"
    "header{background:#1f3a5f;color:#fff;padding:10px 20px;display:flex;align-items:center;gap:10px 16px;flex-wrap:wrap}\n"
    "header h1{font-size:20px;margin:0;font-weight:600}\n"
    "nav{display:flex;align-items:center;gap:8px;flex-wrap:wrap;min-width:0;max-width:100%}\n"
    "button{font-size:15px;padding:6px 14px;border-radius:6px;border:1px solid #9fb3c8;background:#e8eef5;cursor:pointer}\n"
    "button:disabled{opacity:.45;cursor:default}\n"
    "#pos{min-width:110px;text-align:center;font-weight:600}\n"
    "select{font-size:14px;padding:4px;max-width:min(420px,100%);min-width:0}\n"
    "main{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(0,1fr);gap:18px;padding:16px 20px}\n"
    "@media (max-width:1000px){main{grid-template-columns:1fr}}\n"
    "section,aside{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:12px 16px}\n"
    "h2{font-size:19px;margin:4px 0 10px}\n"
    "h3{font-size:15px;margin:14px 0 6px;color:#1f3a5f}\n"
    "p.say{line-height:1.5;margin:8px 0;max-width:46em;overflow-wrap:anywhere}\n"
    "pre{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:12.5px;margin:6px 0;padding:8px 10px;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "pre.code{background:#eef6ee;border-left:4px solid #3c8d40}\n"
    "pre.result{background:#f4f4f4;border-left:4px solid #999}\n"
    "pre.dump{background:#f7f5ee;border-left:4px solid #b08a2e}\n"
    "pre.stop{background:#fde8e8;border-left:4px solid #c62828;color:#8e1010;font-weight:600}\n"
    ".strip{display:flex;flex-wrap:wrap;gap:2px;margin:6px 0}\n"
    ".cell{width:22px;height:30px;display:flex;align-items:center;justify-content:center;font:600 13px monospace;border-radius:3px;border:1px solid rgba(0,0,0,.15)}\n"
    ".c-V{background:#43a047;color:#fff}.c-R{background:#7cb342;color:#fff}.c-H{background:#8e24aa;color:#fff}\n"
    ".c-dot{background:#e3e8ee;color:#68788a}.c-g{background:#555;color:#ddd}.c-minus{background:#fff;color:#aaa}\n"
    ".c-T{background:#fb8c00;color:#fff}.c-bang{background:#c62828;color:#fff}.c-other{background:#bbb}\n"
    "/* tour17: the user strip: demand zero, no access, executable. */\n"
    ".c-d{background:#bbdefb;color:#0d47a1}.c-n{background:#90a4ae;color:#fff}.c-X{background:#2e7d32;color:#fff}\n"
    ".s-User{background:#e8f5e9;border-color:#66bb6a}\n"
    ".legend{font-size:12px;color:#4a5663;display:flex;flex-wrap:wrap;gap:10px}\n"
    ".legend[hidden]{display:none}\n"
    ".legend span{display:inline-flex;align-items:center;gap:4px}\n"
    ".legend i{display:inline-block;width:12px;height:12px;border-radius:2px;border:1px solid rgba(0,0,0,.2)}\n"
    ".pfns{display:flex;flex-wrap:wrap;gap:6px}\n"
    ".pfn{border-radius:5px;padding:4px 7px;font:12px monospace;border:1px solid #c7ced8;background:#fafbfc}\n"
    ".pfn b{display:block;font-size:13px}\n"
    ".s-MdlAllocated{background:#e3f2fd;border-color:#64b5f6}.s-Free,.s-Zeroed{background:#fff3e0;border-color:#ffb74d}\n"
    ".s-NonPagedPool{background:#ede7f6;border-color:#9575cd}.s-PagedPool{background:#fce4ec;border-color:#f06292}\n"
    ".mdl{border:1px solid #c7ced8;border-radius:6px;padding:6px 9px;margin:6px 0;font-size:13px}\n"
    ".mdl{overflow-wrap:anywhere}.mdl code{font-size:12px}\n"
    "ul.changes{margin:4px 0;padding-left:20px;font-size:13px}\n"
    ".stopbox{background:#c62828;color:#fff;border-radius:6px;padding:8px 10px;margin-top:10px}\n"
    ".stopbox code{color:#fff;font-size:12px;overflow-wrap:anywhere}\n"
    ".muted{color:#7a8794;font-size:13px}\n"
    "table.summary{border-collapse:collapse;margin:8px 0;font-size:14px}\n"
    "table.summary td{border-top:1px solid #d9dee5;padding:4px 10px 4px 0;vertical-align:top;overflow-wrap:break-word}\n"
    "table.summary td:last-child{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:12px;overflow-wrap:break-word}\n"
    "/* A phone: less padding, smaller monospace, the summary's columns stacked. */\n"
    "@media (max-width:600px){header{padding:8px 10px}main{padding:10px 8px;gap:10px}"
    "section,aside{padding:10px}pre{font-size:11px;padding:6px 7px}"
    "table.summary td{display:block;padding:1px 0}table.summary td:first-child{padding-top:6px}"
    "table.summary td:last-child{border-top:0;padding:0 0 6px 14px}}\n"
    "</style>\n"
    "</head>\n"
    "<body>\n"
    "<header><h1>%TITLE%</h1>\n"
    "<nav><button id=\"prev\" type=\"button\">&#9664; Previous</button>"
    "<span id=\"pos\"></span>"
    "<button id=\"next\" type=\"button\">Next &#9654;</button>"
    "<select id=\"jump\" aria-label=\"Step\"></select></nav></header>\n"
    "<main>\n"
    "<section id=\"text\"><h2 id=\"title\"></h2><div id=\"segments\"></div></section>\n"
    "<aside id=\"visual\">\n"
    "<h3><span id=\"striptitle\">PTE strip</span> <span class=\"muted\" id=\"stripstart\"></span></h3><div id=\"strip\" class=\"strip\"></div>\n"
    "<div class=\"legend\" id=\"legend-user\" hidden><span><i class=\"c-minus\"></i>- free</span><span><i class=\"c-dot\"></i>. reserved</span>"
    "<span><i class=\"c-d\"></i>d demand zero (committed, no page yet)</span><span><i class=\"c-V\"></i>V valid, read/write</span>"
    "<span><i class=\"c-R\"></i>R valid, read-only</span><span><i class=\"c-X\"></i>X valid, executable</span>"
    "<span><i class=\"c-n\"></i>n no access</span><span><i class=\"c-g\"></i>g guard</span><span><i class=\"c-T\"></i>T resident, not accessible</span></div>\n"
    "<div class=\"legend\" id=\"legend-kernel\"><span><i class=\"c-V\"></i>V valid</span><span><i class=\"c-dot\"></i>. reserved, empty</span>"
    "<span><i class=\"c-H\"></i>H header PTE (nt5)</span><span><i class=\"c-g\"></i>g guard</span>"
    "<span><i class=\"c-minus\"></i>- free</span><span><i class=\"c-T\"></i>T transition</span>"
    "<span><i class=\"c-bang\"></i>! invalid, not empty</span></div>\n"
    "<h3>Physical pages (PFN ownership)</h3><div id=\"pfns\" class=\"pfns\"></div>\n"
    "<h3>MDLs</h3><div id=\"mdls\"></div>\n"
    "<h3>What changed</h3><ul id=\"changes\" class=\"changes\"></ul>\n"
    "<div id=\"stop\"></div>\n"
    "</aside>\n"
    "</main>\n"
    "<noscript><p style=\"padding:20px\">This page needs JavaScript to step through the tour.</p></noscript>\n"
    "<script id=\"data\" type=\"application/json\">";

static const char HtmlTail[] =
    "</script>\n"
    "<script>\n"
    "'use strict';\n"
    "const steps = JSON.parse(document.getElementById('data').textContent);\n"
    "let current = 0;\n"
    "function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls;"
    " if (text !== undefined) e.textContent = text; return e; }\n"
    "// A stop line may break after each comma (<wbr>: nothing is added to a copy).\n"
    "function breakable(e, text) { text.split(',').forEach((p, i) => { if (i) { e.append(','); e.appendChild(document.createElement('wbr')); } e.append(p); }); return e; }\n"
    "// An indented block of the narration: columns separated by two or more spaces.\n"
    "function table(text) { const t = el('table', 'summary'); for (const line of text.split('\\n')) {"
    " const r = t.insertRow(); for (const c of line.trim().split(/ {2,}/)) r.insertCell().textContent = c; } return t; }\n"
    "function cellClass(c) { return {'V':'c-V','R':'c-R','H':'c-H','.':'c-dot','g':'c-g','-':'c-minus',"
    "'T':'c-T','!':'c-bang','d':'c-d','n':'c-n','X':'c-X'}[c] || 'c-other'; }\n"
    "function render() {\n"
    "  const s = steps[current];\n"
    "  document.getElementById('title').textContent = 'Step ' + (current + 1) + ': ' + s.title;\n"
    "  document.getElementById('pos').textContent = 'Step ' + (current + 1) + ' of ' + steps.length;\n"
    "  document.getElementById('prev').disabled = current === 0;\n"
    "  document.getElementById('next').disabled = current === steps.length - 1;\n"
    "  document.getElementById('jump').value = String(current);\n"
    "  const seg = document.getElementById('segments'); seg.replaceChildren();\n"
    "  for (const g of s.segments) {\n"
    "    if (g.k === 'say') seg.appendChild(el('p', 'say', g.t));\n"
    "    else if (g.k === 'table') seg.appendChild(table(g.t));\n"
    "    else if (g.k === 'stop') seg.appendChild(breakable(el('pre', g.k), g.t));\n"
    "    else seg.appendChild(el('pre', g.k, g.t));\n"
    "  }\n"
    "  const strip = document.getElementById('strip'); strip.replaceChildren();\n"
    "  document.getElementById('stripstart').textContent = s.strip ? 'from ' + s.strip.start + ', one cell per page' : '';\n"
    "  const user = !!(s.strip && s.strip.user);\n"
    "  document.getElementById('striptitle').textContent = user ? 'User PTE strip (the process; each page with its protection)' : 'PTE strip';\n"
    "  document.getElementById('legend-user').hidden = !user;\n"
    "  document.getElementById('legend-kernel').hidden = user;\n"
    "  const owners = new Map();\n"
    "  if (s.strip) {\n"
    "    [...s.strip.cells].forEach((c, i) => {\n"
    "      const d = el('div', 'cell ' + cellClass(c), c);\n"
    "      const pfn = s.strip.pfns[i];\n"
    "      const prot = user ? s.strip.prot[i] : '';\n"
    "      d.title = 'page ' + i + (prot ? ', ' + prot : '') + (pfn ? ', pfn ' + pfn : '');\n"
    "      strip.appendChild(d);\n"
    "      if (pfn) { if (!owners.has(pfn)) owners.set(pfn, {state: user ? 'User' : '', who: []}); owners.get(pfn).who.push('PTE ' + i); }\n"
    "    });\n"
    "  } else strip.appendChild(el('span', 'muted', 'no reservation in focus'));\n"
    "  const mdls = document.getElementById('mdls'); mdls.replaceChildren();\n"
    "  for (const m of s.mdls) {\n"
    "    const d = el('div', 'mdl');\n"
    "    d.appendChild(el('b', '', m.name + ' '));\n"
    "    d.appendChild(el('code', '', m.addr + '  ByteCount ' + m.bytes + (m.mapped ? '  MappedSystemVa ' + m.mapped : '')));\n"
    "    d.appendChild(el('div', 'muted', m.flags || '(no flags)'));\n"
    "    d.appendChild(el('div', '', 'PFNs: ' + m.pfns.map(p => p.pfn).join(' ')));\n"
    "    mdls.appendChild(d);\n"
    "    for (const p of m.pfns) { if (!owners.has(p.pfn)) owners.set(p.pfn, {state: '', who: []});"
    " const o = owners.get(p.pfn); o.state = p.state; o.who.unshift(m.name); }\n"
    "  }\n"
    "  if (!s.mdls.length) mdls.appendChild(el('span', 'muted', 'none held'));\n"
    "  const pfns = document.getElementById('pfns'); pfns.replaceChildren();\n"
    "  for (const [pfn, o] of owners) {\n"
    "    const d = el('div', 'pfn s-' + (o.state || 'MdlAllocated'));\n"
    "    d.appendChild(el('b', '', 'pfn ' + pfn));\n"
    "    d.appendChild(el('span', '', (o.state ? o.state + ': ' : '') + o.who.join(', ')));\n"
    "    pfns.appendChild(d);\n"
    "  }\n"
    "  if (!owners.size) pfns.appendChild(el('span', 'muted', 'none in view'));\n"
    "  const ch = document.getElementById('changes'); ch.replaceChildren();\n"
    "  for (const c of s.changes) ch.appendChild(el('li', '', c));\n"
    "  if (!s.changes.length) ch.appendChild(el('li', 'muted', 'nothing'));\n"
    "  const stop = document.getElementById('stop'); stop.replaceChildren();\n"
    "  if (s.stop) {\n"
    "    const b = el('div', 'stopbox');\n"
    "    b.appendChild(el('b', '', 'STOP ' + s.stop.name));\n"
    "    b.appendChild(el('div', '', s.stop.meaning));\n"
    "    b.appendChild(breakable(el('code', ''), s.stop.line));\n"
    "    stop.appendChild(b);\n"
    "  }\n"
    "  if (location.hash !== '#step=' + (current + 1)) history.replaceState(null, '', '#step=' + (current + 1));\n"
    "}\n"
    "function go(i) { current = Math.max(0, Math.min(steps.length - 1, i)); render(); }\n"
    "const jump = document.getElementById('jump');\n"
    "steps.forEach((s, i) => { const o = el('option', '', (i + 1) + '. ' + s.title); o.value = String(i); jump.appendChild(o); });\n"
    "jump.addEventListener('change', () => go(Number(jump.value)));\n"
    "document.getElementById('prev').addEventListener('click', () => go(current - 1));\n"
    "document.getElementById('next').addEventListener('click', () => go(current + 1));\n"
    "document.addEventListener('keydown', e => { if (e.key === 'ArrowRight') go(current + 1); if (e.key === 'ArrowLeft') go(current - 1); });\n"
    "window.addEventListener('hashchange', () => { const m = /step=(\\d+)/.exec(location.hash); if (m) go(Number(m[1]) - 1); });\n"
    "const m = /step=(\\d+)/.exec(location.hash);\n"
    "go(m ? Number(m[1]) - 1 : 0);\n"
    "const clicks = Number(new URLSearchParams(location.search).get('clicks') || 0);\n"
    "for (let i = 0; i < clicks; i++) document.getElementById('next').click();\n"
    "</script>\n"
    "</body>\n"
    "</html>\n";

/* Writes Template with every %TITLE% replaced by the escaped title. */
static void WriteWithTitle(FILE *File, const char *Template, const char *Title)
{
    TOOL_BUF Escaped = {0};
    BufHtml(&Escaped, Title);
    const char *p = Template;
    for (;;) {
        const char *Mark = strstr(p, "%TITLE%");
        if (Mark == NULL) {
            fputs(p, File);
            break;
        }
        fwrite(p, 1, (size_t)(Mark - p), File);
        fputs(BufText(&Escaped), File);
        p = Mark + 7;
    }
    BufFree(&Escaped);
}

bool HtmlWritePage(FILE *File, const char *Title, const char *StepsJson)
{
    WriteWithTitle(File, HtmlHead, Title);
    fputs(StepsJson, File);
    fputs(HtmlTail, File);
    return ferror(File) == 0;
}
