#!/usr/bin/env python3
"""Compare mmsim's WDK headers with mingw-w64's DDK headers (an independent
header set for x64): names one side defines as a macro and the other declares
as a function, and macros of both whose argument casts differ.

Usage: compare_with_mingw.py MMSIM_INCLUDE_DIR [--expect FILE]
Prints one line per difference. With --expect, exits 1 when the differences
are not exactly those listed in FILE (one "kind name" per line, '#' comments),
so a new difference fails the test until it is fixed or reviewed.
"""
import os
import re
import subprocess
import sys
import tempfile

MINGW_ROOT = "/usr/x86_64-w64-mingw32/include"
HEADERS = ["ntddk.h", "wdm.h"]  # ntddk.h includes wdm.h; order as drivers do


def run(args, source):
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
        f.write(source)
        name = f.name
    try:
        out = subprocess.run(args + [name], capture_output=True, text=True)
    finally:
        os.unlink(name)
    if out.returncode != 0:
        sys.exit("command failed: %s\n%s" % (" ".join(args), out.stderr[-4000:]))
    return out.stdout


LINEMARK = re.compile(r'^# \d+ "([^"]+)"')
DEFINE = re.compile(r"^#define (\w+)(\([^)]*\))?\s*(.*)$")


def macros(cc, in_scope):
    """name -> (params or None, body) for macros defined in files in_scope accepts."""
    src = "".join("#include <%s>\n" % h for h in HEADERS)
    result, current = {}, ""
    for line in run(cc + ["-E", "-dD"], src).splitlines():
        m = LINEMARK.match(line)
        if m:
            current = m.group(1)
            continue
        m = DEFINE.match(line)
        if m and in_scope(current):
            result[m.group(1)] = (m.group(2), m.group(3))
    return result


FUNC = re.compile(r"^[|`]-FunctionDecl 0x[0-9a-f]+ (?:prev 0x[0-9a-f]+ )?<.*> "
                  r"(?:line|col):\S+(?: implicit)?(?: used)?(?: referenced)? (\w+) '")
FILELOC = re.compile(r"(/[^:,<> ]+\.h):\d+")


def functions(cc, in_scope):
    src = "".join("#include <%s>\n" % h for h in HEADERS)
    names, current = set(), ""
    dump = run(cc + ["-fsyntax-only", "-Xclang", "-ast-dump", "-fno-color-diagnostics",
                     "-Wno-everything"], src)
    for line in dump.splitlines():
        found = FILELOC.findall(line)
        if found:
            current = found[-1]
        m = FUNC.match(line)
        if m and in_scope(current):
            names.add(m.group(1))
    return names


CAST = re.compile(r"\(\s*((?:const\s+|volatile\s+|CONST\s+)*[A-Za-z_]\w*(?:\s*\*+)?)\s*\)")


def casts(params, body):
    """The casts a macro body applies, with P-types and 'T *' spelled alike
    (a parenthesised parameter name is not a cast)."""
    found, names = set(), set(re.findall(r"\w+", params or ""))
    for c in CAST.findall(body):
        if c in names:
            continue
        c = re.sub(r"\s+", " ", c.replace("CONST", "const")).strip()
        c = re.sub(r"\s*\*", "*", c)
        m = re.fullmatch(r"P(\w+)", c)
        if m and m.group(1).isupper():
            c = m.group(1) + "*"
        # one type, several spellings (ntdef.h / basetsd.h)
        c = re.sub(r"\bULONGLONG\b", "ULONG64", re.sub(r"\bLONGLONG\b", "LONG64", c))
        if re.fullmatch(r"[A-Z_][A-Z0-9_]*\*?|volatile [A-Z_][A-Z0-9_]*\*|const [A-Z_][A-Z0-9_]*\*", c):
            found.add(c)
    return found


def main():
    mmsim_inc = os.path.abspath(sys.argv[1])
    expect = None
    if "--expect" in sys.argv:
        expect = sys.argv[sys.argv.index("--expect") + 1]
    mingw = ["clang", "--target=x86_64-w64-mingw32", "-I" + MINGW_ROOT + "/ddk",
             "-isystem", MINGW_ROOT, "-D_AMD64_", "-D_M_AMD64"]
    ours = ["clang", "-std=c11", "-I" + mmsim_inc]
    mingw_scope = lambda f: "/ddk/" in f or f.endswith("/ntdef.h")
    ours_scope = lambda f: os.path.abspath(f).startswith(mmsim_inc + os.sep)
    mm, mf = macros(mingw, mingw_scope), functions(mingw, mingw_scope)
    om, of = macros(ours, ours_scope), functions(ours, ours_scope)
    diffs = []
    for name in sorted(set(mm) & of - set(om)):
        diffs.append(("macro-in-wdk", name, "mingw: #define %s%s %s" % (name, mm[name][0] or "", mm[name][1][:90])))
    for name in sorted(set(om) & mf - set(mm)):
        diffs.append(("function-in-wdk", name, "mmsim: #define %s%s %s" % (name, om[name][0] or "", om[name][1][:90])))
    for name in sorted(set(om) & set(mm)):
        (op, ob), (mp, mb) = om[name], mm[name]
        if (op is None) != (mp is None):
            diffs.append(("macro-kind", name, "mingw %s, mmsim %s" % (mp, op)))
        elif op is not None and casts(op, ob) != casts(mp, mb):
            diffs.append(("casts", name, "mingw %s, mmsim %s" % (sorted(casts(mp, mb)), sorted(casts(op, ob)))))
    for kind, name, detail in diffs:
        print("%-16s %-40s %s" % (kind, name, detail))
    print("%d difference(s); mingw: %d macros %d functions; mmsim: %d macros %d functions"
          % (len(diffs), len(mm), len(mf), len(om), len(of)))
    if expect:
        want = set()
        with open(expect) as f:
            for line in f:
                line = line.split("#", 1)[0].split()
                if line:
                    want.add((line[0], line[1]))
        got = {(k, n) for k, n, _ in diffs}
        for k, n in sorted(got - want):
            print("NEW DIFFERENCE (fix it or review it into %s): %s %s" % (expect, k, n))
        for k, n in sorted(want - got):
            print("LISTED BUT GONE (remove it from %s): %s %s" % (expect, k, n))
        return 0 if got == want else 1
    return 0


sys.exit(main())
