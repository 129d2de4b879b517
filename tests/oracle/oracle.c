/* The WDK-surface oracle (docs/wdk-surface.md, "The oracle").
 *
 * Reads what mingw-w64's ddk/wdm.h and ddk/ntddk.h declare (clang's AST dump
 * and -dD macro list of those headers, for the x86_64-w64-mingw32 target),
 * sorts the names into the six scope families, generates one probe
 * translation unit per family that uses each name the way the headers declare
 * it, and compiles the probes against mmsim's headers only, with the compiler
 * and language given. A name whose probe does not compile is "missing" when
 * mmsim does not declare it at all and a "mismatch" when it declares it with
 * another shape. Prints coverage; fails on a mismatch, on a family below the
 * threshold, or on a stale line in the out-of-scope file.
 *
 *   mmsim-oracle --clang CLANG --mingw-include DIR --out-of-scope FILE
 *                --include MMSIM_INCLUDE_DIR --cc CC --lang c|c++
 *                --work DIR [--min PERCENT] [--keep-going]
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

enum kind { K_FUNC, K_TYPE, K_VAR, K_ENUMCONST, K_MACRO_VALUE, K_MACRO_FN, K_MACRO_OBJ };
static const char *const kind_names[] = { "function", "type", "variable", "enum constant",
                                          "constant", "function-like macro", "macro" };

enum family { F_MM, F_EX, F_KE, F_RTL, F_INTERLOCKED, F_IO, F_NFAMILIES, F_OTHER = F_NFAMILIES };
static const char *const family_names[] = { "Mm", "Ex pool/lookaside", "Ke IRQL/sync/time",
                                            "Rtl memory/string/list", "Interlocked/intrinsics",
                                            "Io MDL/work items" };
static const char *const family_files[] = { "mm", "ex", "ke", "rtl", "interlocked", "io" };

enum status { S_UNKNOWN, S_COVERED, S_MISSING, S_MISMATCH };

struct name {
    char *name;
    enum kind kind;
    int family;
    int in_ddk;          /* declared in ddk/wdm.h or ddk/ntddk.h */
    int line;
    char *file;
    char *type;          /* function: return type; type/var: declared type */
    char **params;       /* function parameter types */
    int nparams, variadic, proto_ok, noreturn;
    char **fields, **ftypes;
    int nfields;
    int has_value;
    char value[40];
    char *alias_of;      /* a macro naming a function */
    char *oos_reason;    /* out of scope (or pending) */
    int pending;
    enum status status;
    char *error;         /* first compiler error of its probe */
    int block_begin, block_end; /* probe lines */
    int presence_ok;
    int presence_only;   /* out_of_scope.txt "wdk:"/"opaque:" groups */
};

static struct name *names;
static size_t nnames, cap_names;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mmsim-oracle: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xcalloc(size_t n, size_t s)
{
    void *p = calloc(n ? n : 1, s);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = strndup(s, n);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

static struct name *find_name(const char *n)
{
    for (size_t i = 0; i < nnames; i++)
        if (strcmp(names[i].name, n) == 0)
            return &names[i];
    return NULL;
}

static struct name *add_name(const char *n, enum kind k)
{
    if (nnames == cap_names) {
        cap_names = cap_names ? cap_names * 2 : 1024;
        names = realloc(names, cap_names * sizeof *names);
        if (!names)
            die("out of memory");
    }
    struct name *e = &names[nnames++];
    memset(e, 0, sizeof *e);
    e->name = xstrdup(n);
    e->kind = k;
    e->family = F_OTHER;
    return e;
}

/* ---- running commands ------------------------------------------------- */

static int run(const char *cmd, const char *out_path)
{
    char *full;
    if (asprintf(&full, "%s >'%s' 2>&1", cmd, out_path) < 0)
        die("out of memory");
    int rc = system(full);
    free(full);
    if (rc == -1)
        die("cannot run a shell: %s", strerror(errno));
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot read %s: %s", path, strerror(errno));
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = xcalloc((size_t)n + 1, 1);
    if (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n)
        die("cannot read %s", path);
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        die("cannot write %s: %s", path, strerror(errno));
}

/* ---- the mingw-w64 headers' sections ------------------------------------ */

/* The DDK headers are divided by banners such as
 *  *                       Memory manager Functions                        *
 * A name's section is the last banner above its declaration. */
struct section { int line; char title[64]; };
struct sections { struct section *v; size_t n; };
static struct sections sec_wdm, sec_ntddk;

static void read_sections(const char *path, struct sections *s)
{
    char *text = slurp(path, NULL);
    int line = 1;
    for (char *p = text; *p; line++) {
        char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *q = p;
        while (q < p + len && (*q == ' ' || *q == '\t'))
            q++;
        if (*q == '*' && len > 20) {
            q++;
            while (q < p + len && *q == ' ')
                q++;
            const char *t = q;
            const char *end = p + len;
            while (end > t && (end[-1] == ' ' || end[-1] == '*'))
                end--;
            size_t tl = (size_t)(end - t);
            if (tl > 6 && tl < 60 && end < p + len &&
                (memcmp(end - 5, "Types", 5) == 0 || memcmp(end - 9, "Functions", 9) == 0)) {
                s->v = realloc(s->v, (s->n + 1) * sizeof *s->v);
                s->v[s->n].line = line;
                memcpy(s->v[s->n].title, t, tl);
                s->v[s->n].title[tl] = 0;
                s->n++;
            }
        }
        if (!eol)
            break;
        p = eol + 1;
    }
    free(text);
}

static const char *section_of(const struct name *e)
{
    const struct sections *s = strstr(e->file, "ddk/ntddk.h") ? &sec_ntddk : &sec_wdm;
    const char *title = "";
    for (size_t i = 0; i < s->n && s->v[i].line <= e->line; i++)
        title = s->v[i].title;
    return title;
}

/* ---- families ------------------------------------------------------------ */

static int starts(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* Which family a name belongs to: by prefix first, then by the header section
 * it is declared in. Names of other components (Io outside MDLs and work
 * items, Ob, Ps, Se, Po, Zw, Cm, Wmi, Hal, Kd ...) belong to none. */
static int family_of(const struct name *e)
{
    const char *n = e->name;
    static const char *const lists[] = { "InitializeListHead", "IsListEmpty", "InsertHeadList",
        "InsertTailList", "RemoveHeadList", "RemoveTailList", "RemoveEntryList",
        "PushEntryList", "PopEntryList", "AppendTailList", "IsSListEmpty", NULL };
    for (int i = 0; lists[i]; i++)
        if (strcmp(n, lists[i]) == 0)
            return F_RTL;
    if ((starts(n, "Io") || starts(n, "IO_") || starts(n, "PIO_")) &&
        (strstr(n, "Mdl") || strstr(n, "WorkItem") || strstr(n, "WORKITEM") || strstr(n, "WORK_ITEM")))
        return F_IO;
    if (starts(n, "MDL_") || strcmp(n, "MDL") == 0 || strcmp(n, "PMDL") == 0 || strcmp(n, "PPMDL") == 0 ||
        starts(n, "PMDL_"))
        return F_IO;
    if (starts(n, "Mm") || starts(n, "MM_") || starts(n, "PMM_") || starts(n, "_MM"))
        return F_MM;
    if (starts(n, "Ex") || starts(n, "POOL_") || strstr(n, "LOOKASIDE"))
        return F_EX;
    if (starts(n, "Ke") || starts(n, "KE_"))
        return F_KE;
    if (starts(n, "Rtl") || starts(n, "RTL_") || starts(n, "PRTL_"))
        return F_RTL;
    if (starts(n, "Interlocked") || starts(n, "_Interlocked") || starts(n, "__Interlocked"))
        return F_INTERLOCKED;
    static const char *const others[] = { "Io", "IO_", "IRP", "Ob", "Ps", "Se", "Po", "Zw", "Nt",
        "Cm", "Wmi", "WMI", "Hal", "HAL", "Kd", "Dbg", "DBG", "Fs", "Pci", "PCI", "Cc", "Tm", "Etw",
        "EVENT_TRACE", "FILE_", "Vf", "Pfx", "Clfs", NULL };
    for (int i = 0; others[i]; i++)
        if (starts(n, others[i]))
            return F_OTHER;
    const char *s = section_of(e);
    if (starts(s, "Memory manager"))
        return F_MM;
    if (starts(s, "Executive"))
        return F_EX;
    if (starts(s, "Kernel Types") || starts(s, "Kernel Functions"))
        return F_KE;
    if (starts(s, "Runtime Library"))
        return F_RTL;
    if (starts(s, "INTERLOCKED"))
        return F_INTERLOCKED;
    return F_OTHER;
}

/* ---- clang's AST dump of the mingw headers ------------------------------- */

static char cur_file[512];
static int cur_line;

/* Updates cur_file/cur_line from one location token ("line:N:M", "col:M",
 * "/path:N:M", "<built-in>:N:M"). */
static void note_location(const char *tok, size_t len)
{
    if (len > 5 && memcmp(tok, "line:", 5) == 0) {
        cur_line = atoi(tok + 5);
        return;
    }
    if (len > 4 && memcmp(tok, "col:", 4) == 0)
        return;
    /* path:N:M */
    const char *c2 = NULL, *c1 = NULL;
    for (const char *p = tok + len - 1; p > tok; p--)
        if (*p == ':') {
            if (!c2)
                c2 = p;
            else {
                c1 = p;
                break;
            }
        }
    if (!c1 || !isdigit((unsigned char)c1[1]))
        return;
    size_t fl = (size_t)(c1 - tok);
    if (fl >= sizeof cur_file)
        fl = sizeof cur_file - 1;
    memcpy(cur_file, tok, fl);
    cur_file[fl] = 0;
    cur_line = atoi(c1 + 1);
}

static int is_ddk_file(const char *f)
{
    return strstr(f, "ddk/wdm.h") != NULL || strstr(f, "ddk/ntddk.h") != NULL;
}

/* Removes " __attribute__((...))" from a type string. */
static char *clean_type(const char *t, size_t n)
{
    char *s = xcalloc(2 * n + 1, 1);
    memcpy(s, t, n);
    char *a;
    while ((a = strstr(s, " __attribute__((")) != NULL) {
        char *q = a + 16;
        int depth = 2;
        while (*q && depth) {
            if (*q == '(')
                depth++;
            else if (*q == ')')
                depth--;
            q++;
        }
        memmove(a, q, strlen(q) + 1);
    }
    /* clang spells _Bool as _Bool and restrict as restrict; both fine in C,
     * C++ knows neither keyword spelled "restrict": use __restrict. */
    for (char *from = s; (a = strstr(from, "restrict")) != NULL; from = a + 10) {
        if (a > s && a[-1] == '_') {
            a -= 2;
            continue;
        }
        memmove(a + 2, a, strlen(a) + 1);
        memcpy(a, "__", 2);
    }
    /* LLP64: mingw-w64 spells some prototypes with the C types, which are
     * 32-bit on Windows; on the host LONG/ULONG are the 32-bit types. */
    for (char *from = s; (a = strstr(from, "long")) != NULL; from = a + 4) {
        int word = (a == s || !(isalnum((unsigned char)a[-1]) || a[-1] == '_')) &&
                   !(isalnum((unsigned char)a[4]) || a[4] == '_');
        if (!word)
            continue;
        if (strncmp(a + 4, " long", 5) == 0) {
            a += 5;
            continue;
        }
        if (a >= s + 9 && strncmp(a - 9, "unsigned ", 9) == 0) {
            a -= 9;
            memmove(a + 5, a + 13, strlen(a + 13) + 1);
            memcpy(a, "ULONG", 5);
        } else {
            memcpy(a, "LONG", 4);
        }
    }
    /* trailing/leading blanks */
    size_t l = strlen(s);
    while (l && s[l - 1] == ' ')
        s[--l] = 0;
    return s;
}

/* Splits "RET (P1, P2, ...)" into its return type and parameter types. */
static int split_function_type(const char *t, char **ret, int *variadic)
{
    size_t n = strlen(t);
    if (n == 0 || t[n - 1] != ')')
        return 0;
    int depth = 0;
    size_t open = 0;
    for (size_t i = n; i-- > 0;) {
        if (t[i] == ')')
            depth++;
        else if (t[i] == '(') {
            if (--depth == 0) {
                open = i;
                break;
            }
        }
    }
    if (open == 0)
        return 0;
    *ret = clean_type(t, open);
    *variadic = strstr(t + open, "...") != NULL;
    return strchr(*ret, '(') == NULL; /* a function returning a function pointer: not probed by shape */
}

static const char *first_quoted(const char *p, size_t *len)
{
    const char *q = strchr(p, '\'');
    if (!q)
        return NULL;
    const char *e = strchr(q + 1, '\'');
    if (!e)
        return NULL;
    *len = (size_t)(e - q - 1);
    return q + 1;
}

struct record { char *tag; char **fields, **ftypes; int n; };
static struct record *records;
static size_t nrecords;

static void read_ast(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    struct name *cur_fn = NULL;      /* collecting ParmVarDecls */
    int cur_fn_depth = -1;
    struct record *cur_rec = NULL;   /* collecting FieldDecls */
    int cur_rec_depth = -1;
    struct record *last_anon = NULL;
    struct name *cur_enum = NULL;
    long long enum_next = 0;
    int enum_depth = -1;

    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = 0;
        /* depth: the node kind starts after the tree prefix */
        char *k = line;
        while (*k == ' ' || *k == '|' || *k == '`' || *k == '-')
            k++;
        int depth = (int)(k - line) / 2;
        char *kend = k;
        while (isalnum((unsigned char)*kend) || *kend == '_' || *kend == ':')
            kend++;
        size_t klen = (size_t)(kend - k);
        /* locations: every token inside <...> and the ones right after it */
        char *p = kend;
        char *rest = p;
        char *lt = strchr(p, '<');
        char *q1 = strchr(p, '\'');
        if (lt && (!q1 || lt < q1)) {
            int d = 0;
            char *q = lt;
            for (; *q; q++) {
                if (*q == '<')
                    d++;
                else if (*q == '>' && --d == 0)
                    break;
            }
            /* tokens inside */
            char *t = lt + 1;
            while (t < q) {
                while (t < q && (*t == ' ' || *t == ',' || *t == '<'))
                    t++;
                char *te = t;
                while (te < q && *te != ',' && *te != ' ')
                    te++;
                if (te > t && *t != '<')
                    note_location(t, (size_t)(te - t));
                t = te;
            }
            rest = *q ? q + 1 : q;
            /* the name's location follows */
            while (*rest == ' ')
                rest++;
            char *te = rest;
            while (*te && *te != ' ')
                te++;
            if (te > rest && (starts(rest, "line:") || starts(rest, "col:") || rest[0] == '/')) {
                note_location(rest, (size_t)(te - rest));
                rest = te;
            }
        }
        if (depth <= cur_fn_depth)
            cur_fn = NULL, cur_fn_depth = -1;
        if (depth <= cur_rec_depth)
            cur_rec = NULL, cur_rec_depth = -1;
        if (depth <= enum_depth)
            cur_enum = NULL, enum_depth = -1;

        /* name: the last plain word before the first quote */
        char namebuf[256] = "";
        size_t tlen = 0;
        const char *type = first_quoted(rest, &tlen);
        {
            const char *end = type ? type - 1 : rest + strlen(rest);
            const char *w = rest;
            while (w < end) {
                while (w < end && *w == ' ')
                    w++;
                const char *we = w;
                while (we < end && *we != ' ')
                    we++;
                if (we > w && (size_t)(we - w) < sizeof namebuf) {
                    int ident = 1;
                    for (const char *c = w; c < we; c++)
                        if (!(isalnum((unsigned char)*c) || *c == '_'))
                            ident = 0;
                    if (ident && !isdigit((unsigned char)*w)) {
                        memcpy(namebuf, w, (size_t)(we - w));
                        namebuf[we - w] = 0;
                    }
                }
                w = we;
            }
        }
        static const char *const flags[] = { "implicit", "referenced", "used", "invalid", "struct",
                                             "union", "enum", "definition", "extern", "static",
                                             "inline", "class", NULL };
        for (int i = 0; flags[i]; i++)
            if (strcmp(namebuf, flags[i]) == 0)
                namebuf[0] = 0;

#define KIND(s) (klen == sizeof(s) - 1 && memcmp(k, s, klen) == 0)
        if (depth == 1 && KIND("FunctionDecl") && namebuf[0] && type) {
            struct name *e = find_name(namebuf);
            if (!e) {
                e = add_name(namebuf, K_FUNC);
                e->file = xstrdup(cur_file);
                e->line = cur_line;
                e->in_ddk = is_ddk_file(cur_file);
                e->noreturn = memmem(type, tlen, "noreturn", 8) != NULL;
                char *ft = clean_type(type, tlen);
                e->proto_ok = split_function_type(ft, &e->type, &e->variadic);
                free(ft);
                cur_fn = e;
                cur_fn_depth = depth;
            }
        } else if (cur_fn && depth == cur_fn_depth + 1 && KIND("ParmVarDecl") && type) {
            cur_fn->params = realloc(cur_fn->params, (size_t)(cur_fn->nparams + 1) * sizeof(char *));
            cur_fn->params[cur_fn->nparams++] = clean_type(type, tlen);
        } else if (depth == 1 && KIND("RecordDecl") && strstr(rest, "definition")) {
            records = realloc(records, (nrecords + 1) * sizeof *records);
            struct record *r = &records[nrecords++];
            memset(r, 0, sizeof *r);
            const char *tag = strstr(rest, "struct ");
            const char *utag = strstr(rest, "union ");
            if (!tag || (utag && utag < tag))
                tag = utag;
            if (tag) {
                const char *te = strstr(tag, " definition");
                r->tag = xstrndup(tag, (size_t)(te - tag));
            }
            if (!r->tag || strcmp(r->tag, "struct") == 0 || strcmp(r->tag, "union") == 0) {
                free(r->tag);
                r->tag = NULL;
                last_anon = r;
            }
            cur_rec = r;
            cur_rec_depth = depth;
        } else if (cur_rec && depth == cur_rec_depth + 1 &&
                   (KIND("FieldDecl") || KIND("IndirectFieldDecl")) && namebuf[0] && type &&
                   !strstr(line, " implicit '") ) {
            cur_rec->fields = realloc(cur_rec->fields, (size_t)(cur_rec->n + 1) * sizeof(char *));
            cur_rec->ftypes = realloc(cur_rec->ftypes, (size_t)(cur_rec->n + 1) * sizeof(char *));
            cur_rec->fields[cur_rec->n] = xstrdup(namebuf);
            char *ft = clean_type(type, tlen);
            if (strstr(ft, "anonymous") || strstr(ft, "unnamed") || strchr(ft, ':')) {
                free(ft);
                ft = NULL;
            }
            cur_rec->ftypes[cur_rec->n++] = ft;
        } else if (depth == 1 && KIND("TypedefDecl") && namebuf[0] && type) {
            if (!find_name(namebuf)) {
                struct name *e = add_name(namebuf, K_TYPE);
                e->file = xstrdup(cur_file);
                e->line = cur_line;
                e->in_ddk = is_ddk_file(cur_file);
                char *tt = clean_type(type, tlen);
                struct record *r = NULL;
                if (strstr(tt, "anonymous") || strstr(tt, "unnamed")) {
                    r = last_anon;
                    free(tt);
                    tt = NULL;
                } else {
                    for (size_t i = nrecords; i-- > 0;)
                        if (records[i].tag && strcmp(records[i].tag, tt) == 0) {
                            r = &records[i];
                            break;
                        }
                }
                e->type = tt;
                if (r) {
                    e->fields = r->fields;
                    e->ftypes = r->ftypes;
                    e->nfields = r->n;
                }
            }
        } else if (depth == 1 && KIND("VarDecl") && namebuf[0] && type) {
            if (!find_name(namebuf)) {
                struct name *e = add_name(namebuf, K_VAR);
                e->file = xstrdup(cur_file);
                e->line = cur_line;
                e->in_ddk = is_ddk_file(cur_file);
                e->type = clean_type(type, tlen);
            }
        } else if (depth == 1 && KIND("EnumDecl")) {
            enum_next = 0;
            enum_depth = depth;
            cur_enum = NULL;
        } else if (enum_depth >= 0 && depth == enum_depth + 1 && KIND("EnumConstantDecl") && namebuf[0]) {
            struct name *e = find_name(namebuf);
            if (!e) {
                e = add_name(namebuf, K_ENUMCONST);
                e->file = xstrdup(cur_file);
                e->line = cur_line;
                e->in_ddk = is_ddk_file(cur_file);
            }
            e->has_value = 1;
            snprintf(e->value, sizeof e->value, "%lld", enum_next);
            enum_next++;
            cur_enum = e;
        } else if (cur_enum && strstr(line, "value: Int ")) {
            const char *v = strstr(line, "value: Int ") + 11;
            snprintf(cur_enum->value, sizeof cur_enum->value, "%s", v);
            enum_next = strtoll(v, NULL, 10) + 1;
            cur_enum = NULL;
        }
#undef KIND
        line = eol ? eol + 1 : NULL;
    }
    free(text);
}

/* ---- macros (clang -E -dD) -------------------------------------------- */

static void read_macros(const char *path)
{
    char *text = slurp(path, NULL);
    char file[512] = "";
    int lineno = 0;
    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = 0;
        if (line[0] == '#' && line[1] == ' ' && isdigit((unsigned char)line[2])) {
            lineno = atoi(line + 2);
            char *q = strchr(line, '"');
            char *qe = q ? strchr(q + 1, '"') : NULL;
            if (q && qe && (size_t)(qe - q - 1) < sizeof file) {
                memcpy(file, q + 1, (size_t)(qe - q - 1));
                file[qe - q - 1] = 0;
            }
        } else {
            if (starts(line, "#define ") && is_ddk_file(file)) {
                char *n = line + 8;
                char *ne = n;
                while (isalnum((unsigned char)*ne) || *ne == '_')
                    ne++;
                char nm[256];
                size_t nl = (size_t)(ne - n);
                if (nl > 0 && nl < sizeof nm) {
                    memcpy(nm, n, nl);
                    nm[nl] = 0;
                    struct name *e = find_name(nm);
                    if (!e || e->kind == K_MACRO_OBJ || e->kind == K_MACRO_FN) {
                        if (!e)
                            e = add_name(nm, *ne == '(' ? K_MACRO_FN : K_MACRO_OBJ);
                        e->kind = *ne == '(' ? K_MACRO_FN : K_MACRO_OBJ;
                        free(e->file);
                        e->file = xstrdup(file);
                        e->line = lineno;
                        e->in_ddk = 1;
                        free(e->alias_of);
                        e->alias_of = NULL;
                        if (*ne == ' ') {
                            /* a macro naming a function: "#define A _A" */
                            char *b = ne + 1;
                            while (*b == ' ' || *b == '(')
                                b++;
                            char *be = b;
                            while (isalnum((unsigned char)*be) || *be == '_')
                                be++;
                            char *after = be;
                            while (*after == ' ' || *after == ')')
                                after++;
                            if (be > b && *after == 0 && !isdigit((unsigned char)*b))
                                e->alias_of = xstrndup(b, (size_t)(be - b));
                        }
                    } else {
                        /* a declared name that is also a macro in mingw:
                         * the declaration's shape stands. */
                    }
                }
            }
            lineno++;
        }
        line = eol ? eol + 1 : NULL;
    }
    free(text);
}

/* Object-like macros' integer values, as clang computes them for mingw:
 * one enumerator per macro; invalid ones have no value. */
static void read_macro_values(const char *ast_path)
{
    char *text = slurp(ast_path, NULL);
    struct name *cur = NULL;
    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = 0;
        char *m = strstr(line, "EnumConstantDecl");
        if (m) {
            cur = NULL;
            char *v = strstr(line, " oracle_v_");
            if (v && !strstr(line, " invalid ")) {
                v += 10;
                char *ve = v;
                while (isalnum((unsigned char)*ve) || *ve == '_')
                    ve++;
                char nm[256];
                if ((size_t)(ve - v) < sizeof nm) {
                    memcpy(nm, v, (size_t)(ve - v));
                    nm[ve - v] = 0;
                    cur = find_name(nm);
                }
            }
        } else if (cur && strstr(line, "value: Int ")) {
            snprintf(cur->value, sizeof cur->value, "%s", strstr(line, "value: Int ") + 11);
            cur->has_value = 1;
            cur->kind = K_MACRO_VALUE;
            cur = NULL;
        }
        line = eol ? eol + 1 : NULL;
    }
    free(text);
}

/* ---- the out-of-scope file ------------------------------------------- */

static void read_out_of_scope(const char *path, int *stale)
{
    char *text = slurp(path, NULL);
    char *reason = NULL;
    int lineno = 0;
    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = 0;
        lineno++;
        if (starts(line, "## ")) {
            reason = line + 3;
        } else if (line[0] && line[0] != '#') {
            for (char *tok = strtok(line, " \t"); tok; tok = strtok(NULL, " \t")) {
                if (!reason)
                    die("%s:%d: %s has no reason (a \"## reason\" line above it)", path, lineno, tok);
                struct name *e = find_name(tok);
                if (!e || !e->in_ddk || e->family == F_OTHER) {
                    printf("STALE %s:%d: %s is not a name of a scope family in mingw-w64's ddk/wdm.h or ddk/ntddk.h\n",
                           path, lineno, tok);
                    ++*stale;
                    continue;
                }
                if (starts(reason, "wdk:") || starts(reason, "opaque:")) {
                    e->presence_only = 1; /* in scope; its shape is not compared */
                    continue;
                }
                e->oos_reason = reason;
                e->pending = starts(reason, "pending");
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    /* text is kept: the reasons point into it */
}

/* ---- probe generation ----------------------------------------------- */

struct buf { char *s; size_t n, cap; int lines; };

static void bprintf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s;
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("out of memory");
    if (b->n + (size_t)n + 1 > b->cap) {
        b->cap = (b->n + (size_t)n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            die("out of memory");
    }
    memcpy(b->s + b->n, s, (size_t)n + 1);
    b->n += (size_t)n;
    for (int i = 0; i < n; i++)
        if (s[i] == '\n')
            b->lines++;
    free(s);
}

static const char support_h[] =
    "/* Generated by mmsim-oracle: the checks its probes use. */\n"
    "#ifdef __cplusplus\n"
    "template <class A, class B> struct oracle_same { static const bool value = false; };\n"
    "template <class A> struct oracle_same<A, A> { static const bool value = true; };\n"
    "#define ORACLE_SAME_TYPE(A, B, what) static_assert(oracle_same<__typeof__(A), __typeof__(B)>::value, what)\n"
    "#define ORACLE_SAME_EXPR(e, T, what) static_assert(oracle_same<decltype(e), __typeof__(T)>::value, what)\n"
    "#define ORACLE_ASSERT(c, what) static_assert(c, what)\n"
    "#else\n"
    "#define ORACLE_SAME_TYPE(A, B, what) _Static_assert(__builtin_types_compatible_p(A, B), what)\n"
    "#define ORACLE_SAME_EXPR(e, T, what) _Static_assert(__builtin_types_compatible_p(__typeof__(e), T), what)\n"
    "#define ORACLE_ASSERT(c, what) _Static_assert(c, what)\n"
    "#endif\n";

static int is_void(const char *t) { return strcmp(t, "VOID") == 0 || strcmp(t, "void") == 0; }

/* The function type "RET (P1, ...)" as an abstract type name. */
static void fn_type(struct buf *b, const struct name *f, const char *ptr)
{
    bprintf(b, "__typeof__(%s) (%s)(", f->type, ptr);
    for (int i = 0; i < f->nparams; i++)
        bprintf(b, "%s__typeof__(%s)", i ? ", " : "", f->params[i]);
    if (f->variadic)
        bprintf(b, "%s...", f->nparams ? ", " : "");
    if (f->nparams == 0 && !f->variadic)
        bprintf(b, "void");
    bprintf(b, ")");
}

static void gen_probe(struct buf *b, struct name *e, int idx, int presence_only)
{
    e->block_begin = b->lines + 1;
    bprintf(b, "/* %s: %s (%s:%d) */\n#ifndef ORACLE_OFF_%d\n", e->name, kind_names[e->kind],
            strstr(e->file, "ntddk.h") ? "ntddk.h" : "wdm.h", e->line, idx);
    const struct name *f = e;
    if (e->kind == K_MACRO_OBJ && e->alias_of) {
        const struct name *t = find_name(e->alias_of);
        if (t && t->kind == K_FUNC && t->proto_ok)
            f = t;
    }
    if (presence_only) {
        switch (e->kind) {
        case K_TYPE:
            bprintf(b, "void oracle_%d(%s *oracle_p);\n", idx, e->name);
            break;
        case K_FUNC:
        case K_VAR:
        case K_ENUMCONST:
        case K_MACRO_VALUE:
        case K_MACRO_OBJ:
        case K_MACRO_FN:
            bprintf(b, "#ifndef %s\nvoid oracle_%d(void) { (void)(%s); }\n#endif\n", e->name, idx, e->name);
            break;
        }
    } else if (f->kind == K_FUNC && f->proto_ok) {
        bprintf(b, "void oracle_%d(", idx);
        for (int i = 0; i < f->nparams; i++)
            bprintf(b, "%s__typeof__(%s) oracle_a%d", i ? ", " : "", f->params[i], i);
        if (f->nparams == 0)
            bprintf(b, "void");
        bprintf(b, ")\n{\n    ");
        if (!is_void(f->type))
            bprintf(b, "__typeof__(%s) oracle_r = ", f->type);
        bprintf(b, "%s(", e->name);
        for (int i = 0; i < f->nparams; i++)
            bprintf(b, "%soracle_a%d", i ? ", " : "", i);
        bprintf(b, ");\n");
        if (!is_void(f->type))
            bprintf(b, "    (void)oracle_r;\n");
        bprintf(b, "#ifndef %s\n    ", e->name);
        fn_type(b, f, "*oracle_p");
        bprintf(b, " = %s;\n    (void)oracle_p;\n", e->name);
        /* GCC's C gives a noreturn function a distinct (volatile) function
         * type; the pointer initialisation above still compares the rest */
        if (f->noreturn)
            bprintf(b, "#ifdef __cplusplus\n");
        bprintf(b, "    ORACLE_SAME_EXPR(&%s, ", e->name);
        fn_type(b, f, "*");
        bprintf(b, ", \"%s: declared with another prototype\");\n", e->name);
        if (f->noreturn)
            bprintf(b, "#endif\n");
        bprintf(b, "#endif\n}\n");
    } else if (e->kind == K_FUNC || e->kind == K_MACRO_FN || e->kind == K_MACRO_OBJ) {
        bprintf(b, "#ifndef %s\nvoid oracle_%d(void) { (void)(%s); }\n#endif\n", e->name, idx, e->name);
    } else if (e->kind == K_TYPE) {
        bprintf(b, "void oracle_%d(%s *oracle_p)\n{\n    (void)oracle_p;\n", idx, e->name);
        if (e->type && !strchr(e->type, '(') && !strstr(e->type, "anonymous"))
            bprintf(b, "    ORACLE_SAME_TYPE(%s, %s, \"%s: another type\");\n", e->name, e->type, e->name);
        else if (e->type && strchr(e->type, '('))
            bprintf(b, "    ORACLE_SAME_TYPE(%s, __typeof__(%s), \"%s: another type\");\n", e->name,
                    e->type, e->name);
        for (int i = 0; i < e->nfields; i++) {
            if (e->ftypes[i])
                bprintf(b, "    ORACLE_SAME_EXPR(oracle_p->%s, %s, \"%s.%s: another type\");\n",
                        e->fields[i], e->ftypes[i], e->name, e->fields[i]);
            else
                bprintf(b, "    (void)sizeof(oracle_p->%s);\n", e->fields[i]);
        }
        bprintf(b, "}\n");
    } else if (e->kind == K_VAR) {
        bprintf(b, "void oracle_%d(void)\n{\n    (void)(%s);\n    ORACLE_SAME_EXPR(%s, %s, \"%s: another type\");\n}\n",
                idx, e->name, e->name, e->type, e->name);
    } else if (e->has_value) {
        bprintf(b, "void oracle_%d(void)\n{\n    (void)(%s);\n    ORACLE_ASSERT((unsigned long long)(%s) == (unsigned long long)(%s%s), \"%s: another value (mingw-w64: %s)\");\n}\n",
                idx, e->name, e->name, e->value, e->value[0] == '-' ? "LL" : "ULL", e->name, e->value);
    } else {
        bprintf(b, "#ifndef %s\nvoid oracle_%d(void) { (void)(%s); }\n#endif\n", e->name, idx, e->name);
    }
    bprintf(b, "#endif\n");
    e->block_end = b->lines;
}

/* ---- compiling and attributing errors ---------------------------------- */

static const char *opt_cc, *opt_lang = "c", *opt_include, *opt_work;

static void compile_tu(const char *tu, const char *log)
{
    char *cmd;
    int cxx = strcmp(opt_lang, "c++") == 0;
    int is_clang = strstr(opt_cc, "clang") != NULL;
    if (asprintf(&cmd,
                 "%s -fsyntax-only %s -I'%s' -I'%s' %s -fno-diagnostics-color "
                 "-Werror=incompatible-pointer-types -Werror=int-conversion "
                 "-Werror=implicit-function-declaration -Werror=implicit-int '%s'",
                 opt_cc, cxx ? "-x c++ -std=c++17" : "-x c -std=c11", opt_include, opt_work,
                 is_clang ? "-ferror-limit=0" : "-fmax-errors=0", tu) < 0)
        die("out of memory");
    run(cmd, log);
    free(cmd);
}

/* Marks, for each error in the log located in the probe file, the name whose
 * block holds that line. Returns the number of names newly switched off, or
 * -1 when an error could not be placed. */
static int attribute_errors(const char *log, const char *tu_base, struct name **block, int nblock,
                            int *off, int mark_error)
{
    char *text = slurp(log, NULL);
    int newly = 0, unplaced = 0;
    size_t bl = strlen(tu_base);
    struct name *last = NULL;
    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = 0;
        char *err = strstr(line, ": error: ");
        char *at = strstr(line, tu_base);
        if (at && at[bl] == ':' && (err || strstr(line, ": note: ") || strstr(line, ": warning: "))) {
            int ln = atoi(at + bl + 1);
            struct name *hit = NULL;
            int hi = -1;
            for (int i = 0; i < nblock; i++)
                if (block[i] && ln >= block[i]->block_begin && ln <= block[i]->block_end) {
                    hit = block[i];
                    hi = i;
                }
            if (hit && (err || last == NULL)) {
                if (!off[hi] && err) {
                    off[hi] = 1;
                    newly++;
                    if (mark_error && !hit->error)
                        hit->error = xstrdup(err + 9);
                }
            }
            if (err && !hit)
                unplaced++;
            if (err)
                last = hit;
        } else if (err) {
            /* an error reported inside mmsim's headers (a macro's body): the
             * probe line follows in the "expanded from"/"in expansion" notes */
            last = NULL;
            char *next = eol ? eol + 1 : NULL;
            int placed = 0;
            while (next && *next && !strstr(next, ": error: ")) {
                char *ne = strchr(next, '\n');
                size_t nl = ne ? (size_t)(ne - next) : strlen(next);
                char *a2 = memmem(next, nl, tu_base, bl);
                if (a2 && a2[bl] == ':') {
                    int ln = atoi(a2 + bl + 1);
                    for (int i = 0; i < nblock; i++)
                        if (block[i] && ln >= block[i]->block_begin && ln <= block[i]->block_end) {
                            if (!off[i]) {
                                off[i] = 1;
                                newly++;
                                if (mark_error && !block[i]->error)
                                    block[i]->error = xstrdup(err + 9);
                            }
                            placed = 1;
                        }
                    if (placed)
                        break;
                }
                next = ne ? ne + 1 : NULL;
            }
            if (!placed)
                unplaced++;
        }
        line = eol ? eol + 1 : NULL;
    }
    free(text);
    return unplaced && !newly ? -1 : newly;
}

/* Compiles the probes of the given names, switching off each failing one
 * until the rest compile. Sets ok[i]. */
static void probe_set(const char *stem, struct name **set, int n, int presence_only, int *ok)
{
    char tu[1024], off_h[1024], log[1024], tu_base[256];
    snprintf(tu_base, sizeof tu_base, "%s.%s", stem, strcmp(opt_lang, "c++") == 0 ? "cpp" : "c");
    snprintf(tu, sizeof tu, "%s/%s", opt_work, tu_base);
    snprintf(off_h, sizeof off_h, "%s/oracle_off_%s.h", opt_work, stem);
    snprintf(log, sizeof log, "%s/%s.log", opt_work, stem);
    struct buf b = { 0 };
    bprintf(&b, "/* Generated by mmsim-oracle from mingw-w64's ddk/wdm.h and ddk/ntddk.h:\n"
                " * each block uses one name the way those headers declare it. */\n"
                "#include <wdm.h>\n#include <ntddk.h>\n#include \"oracle_support.h\"\n"
                "#include \"oracle_off_%s.h\"\n\n", stem);
    for (int i = 0; i < n; i++)
        gen_probe(&b, set[i], i, presence_only || set[i]->presence_only);
    write_file(tu, b.s ? b.s : "");
    free(b.s);
    int *off = xcalloc((size_t)n, sizeof(int));
    for (int round = 0;; round++) {
        struct buf o = { 0 };
        bprintf(&o, "/* names whose probe failed */\n");
        for (int i = 0; i < n; i++)
            if (off[i])
                bprintf(&o, "#define ORACLE_OFF_%d\n", i);
        write_file(off_h, o.s);
        free(o.s);
        compile_tu(tu, log);
        int newly = attribute_errors(log, tu_base, set, n, off, !presence_only);
        if (newly == 0)
            break;
        if (newly < 0 || round > 50) {
            char *t = slurp(log, NULL);
            fprintf(stderr, "%s", t);
            die("errors outside the probes in %s (log above)", tu);
        }
    }
    for (int i = 0; i < n; i++)
        ok[i] = !off[i];
    free(off);
}

/* ---- main ------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    const char *opt_clang = "clang", *opt_mingw = "/usr/x86_64-w64-mingw32/include", *opt_oos = NULL;
    double opt_min = 95.0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define OPT(s, var) else if (strcmp(a, s) == 0 && v) { var = v; i++; }
        if (0)
            ;
        OPT("--clang", opt_clang)
        OPT("--mingw-include", opt_mingw)
        OPT("--out-of-scope", opt_oos)
        OPT("--include", opt_include)
        OPT("--cc", opt_cc)
        OPT("--lang", opt_lang)
        OPT("--work", opt_work)
        else if (strcmp(a, "--min") == 0 && v) { opt_min = atof(v); i++; }
        else
            die("unknown argument %s (usage in tests/oracle/oracle.c)", a);
#undef OPT
    }
    if (!opt_oos || !opt_include || !opt_cc || !opt_work)
        die("--out-of-scope, --include, --cc and --work are required");
    mkdir(opt_work, 0777);

    /* 1. What mingw-w64 declares. */
    char path[1024], out[1024], cmd[4096];
    snprintf(path, sizeof path, "%s/ddk_all.c", opt_work);
    write_file(path, "#include <wdm.h>\n#include <ntddk.h>\n");
    const char *target = "-target x86_64-w64-mingw32 -fno-color-diagnostics -w";
    snprintf(out, sizeof out, "%s/ddk_ast.txt", opt_work);
    snprintf(cmd, sizeof cmd, "%s %s -I'%s/ddk' -I'%s' -fsyntax-only -Xclang -ast-dump '%s'", opt_clang,
             target, opt_mingw, opt_mingw, path);
    if (run(cmd, out) != 0)
        die("clang could not parse mingw-w64's DDK headers: see %s", out);
    read_ast(out);
    snprintf(out, sizeof out, "%s/ddk_macros.txt", opt_work);
    snprintf(cmd, sizeof cmd, "%s %s -I'%s/ddk' -I'%s' -E -dD '%s'", opt_clang, target, opt_mingw,
             opt_mingw, path);
    if (run(cmd, out) != 0)
        die("clang could not preprocess mingw-w64's DDK headers: see %s", out);
    read_macros(out);

    snprintf(path, sizeof path, "%s/ddk/wdm.h", opt_mingw);
    read_sections(path, &sec_wdm);
    snprintf(path, sizeof path, "%s/ddk/ntddk.h", opt_mingw);
    read_sections(path, &sec_ntddk);
    for (size_t i = 0; i < nnames; i++)
        names[i].family = names[i].in_ddk ? family_of(&names[i]) : F_OTHER;

    /* macro values, computed by clang for mingw */
    {
        struct buf b = { 0 };
        bprintf(&b, "#include <wdm.h>\n#include <ntddk.h>\n");
        for (size_t i = 0; i < nnames; i++)
            if (names[i].family != F_OTHER && names[i].kind == K_MACRO_OBJ && !names[i].alias_of)
                bprintf(&b, "enum oracle_e_%s { oracle_v_%s = (%s) };\n", names[i].name, names[i].name,
                        names[i].name);
        snprintf(path, sizeof path, "%s/ddk_values.c", opt_work);
        write_file(path, b.s);
        free(b.s);
        snprintf(out, sizeof out, "%s/ddk_values_ast.txt", opt_work);
        snprintf(cmd, sizeof cmd, "%s %s -I'%s/ddk' -I'%s' -fsyntax-only -ferror-limit=0 -Xclang -ast-dump '%s'",
                 opt_clang, target, opt_mingw, opt_mingw, path);
        run(cmd, out);
        read_macro_values(out);
    }

    int stale = 0;
    read_out_of_scope(opt_oos, &stale);

    /* 2. Probe each family. */
    int failed = stale > 0;
    int tot_scope = 0, tot_cov = 0, tot_oos = 0, tot_pending = 0, tot_later = 0;
    printf("oracle: %s, %s, against %s\n", opt_cc, strcmp(opt_lang, "c++") == 0 ? "C++17" : "C11", opt_include);
    for (int fam = 0; fam < F_NFAMILIES; fam++) {
        int n = 0;
        struct name **set = xcalloc(nnames, sizeof *set);
        for (size_t i = 0; i < nnames; i++)
            if (names[i].family == fam)
                set[n++] = &names[i];
        int *ok = xcalloc((size_t)n, sizeof(int));
        char stem[64];
        snprintf(stem, sizeof stem, "probe_%s", family_files[fam]);
        snprintf(path, sizeof path, "%s/oracle_support.h", opt_work);
        write_file(path, support_h);
        probe_set(stem, set, n, 0, ok);
        /* failing names: declared at all? */
        int nf = 0;
        struct name **failing = xcalloc((size_t)n + 1, sizeof *failing);
        for (int i = 0; i < n; i++)
            if (!ok[i])
                failing[nf++] = set[i];
            else
                set[i]->status = S_COVERED;
        int *present = xcalloc((size_t)nf + 1, sizeof(int));
        snprintf(stem, sizeof stem, "presence_%s", family_files[fam]);
        if (nf)
            probe_set(stem, failing, nf, 1, present);
        for (int i = 0; i < nf; i++)
            failing[i]->status = present[i] ? S_MISMATCH : S_MISSING;

        int scope = 0, cov = 0, oos = 0, pend = 0, mism = 0, later = 0;
        for (int i = 0; i < n; i++) {
            struct name *e = set[i];
            if (e->oos_reason && e->status == S_COVERED) {
                printf("STALE %s is listed as \"%s\" but mmsim declares it with mingw-w64's shape: remove it from %s\n",
                       e->name, e->oos_reason, opt_oos);
                stale++;
                failed = 1;
            }
            if (e->oos_reason && e->pending) {
                pend++;
                continue;
            }
            if (e->oos_reason) {
                oos++;
                later += starts(e->oos_reason, "later");
                continue;
            }
            scope++;
            if (e->status == S_COVERED)
                cov++;
            if (e->status == S_MISMATCH) {
                mism++;
                failed = 1;
            }
        }
        double pct = scope ? 100.0 * cov / scope : 100.0;
        printf("\n== %-24s %4d/%-4d in scope covered (%.1f%%); %d out of scope (%d of them \"later\"), %d pending another branch\n",
               family_names[fam], cov, scope, pct, oos, later, pend);
        for (int i = 0; i < n; i++) {
            struct name *e = set[i];
            if (e->oos_reason)
                continue;
            if (e->status == S_MISMATCH)
                printf("   MISMATCH %-40s %s: %s", e->name, kind_names[e->kind], e->error ? e->error : "?\n");
            if (e->status == S_MISMATCH && e->error && e->error[strlen(e->error) - 1] != '\n')
                printf("\n");
        }
        for (int i = 0; i < n; i++) {
            struct name *e = set[i];
            if (!e->oos_reason && e->status == S_MISSING)
                printf("   missing  %-40s %s\n", e->name, kind_names[e->kind]);
        }
        for (int i = 0; i < n; i++) {
            struct name *e = set[i];
            if (e->pending && e->status != S_COVERED)
                printf("   pending  %-40s %s (%s)\n", e->name, kind_names[e->kind], e->oos_reason);
        }
        if (pct < opt_min) {
            printf("   FAIL: below %.0f%%\n", opt_min);
            failed = 1;
        }
        tot_scope += scope;
        tot_cov += cov;
        tot_oos += oos;
        tot_later += later;
        tot_pending += pend;
        (void)mism;
        free(set);
        free(ok);
        free(failing);
        free(present);
    }
    printf("\n== total %d/%d in scope covered (%.1f%%); %d out of scope (%d of them \"later\"); %d pending; %d stale\n",
           tot_cov, tot_scope, tot_scope ? 100.0 * tot_cov / tot_scope : 100.0, tot_oos, tot_later,
           tot_pending, stale);
    int all = tot_scope + tot_oos + tot_pending;
    printf("== all names of the six families: %d of %d declared with mingw-w64's shape (%.1f%%)\n", tot_cov,
           all, all ? 100.0 * tot_cov / all : 100.0);
    printf(failed ? "oracle: FAILED\n" : "oracle: passed\n");
    return failed ? 1 : 0;
}
