/*
 * cmocka.c - the compile shim's minimal runner (see cmocka.h: NOT CMocka).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmocka.h"

/* The running test's exit; tests run one at a time on the calling thread. */
static jmp_buf *Current;

void print_message(const char *format, ...)
{
    va_list Args;
    va_start(Args, format);
    vprintf(format, Args);
    va_end(Args);
    fflush(stdout);
}

void print_error(const char *format, ...)
{
    va_list Args;
    va_start(Args, format);
    vfprintf(stderr, format, Args);
    va_end(Args);
    fflush(stderr);
}

void _fail(const char *const file, const int line)
{
    print_error("%s:%d: error: Failure!\n", file, line);
    if (Current == NULL) {
        exit(1);
    }
    longjmp(*Current, 1);
}

void _mmsim_shim_check(int ok, const char *what, const char *file, int line)
{
    if (!ok) {
        print_error("%s\n", what);
        _fail(file, line);
    }
}

void _mmsim_shim_int(LargestIntegralType a, LargestIntegralType b, int equal, const char *file,
                     int line)
{
    if ((a == b) != (equal != 0)) {
        print_error("%#jx %s %#jx\n", a, equal ? "!=" : "==", b);
        _fail(file, line);
    }
}

void _mmsim_shim_string(const char *a, const char *b, int equal, const char *file, int line)
{
    int Same = a != NULL && b != NULL ? strcmp(a, b) == 0 : a == b;
    if (Same != (equal != 0)) {
        print_error("\"%s\" %s \"%s\"\n", a ? a : "(null)", equal ? "!=" : "==", b ? b : "(null)");
        _fail(file, line);
    }
}

void _mmsim_shim_memory(const void *a, const void *b, size_t size, int equal, const char *file,
                        int line)
{
    if ((memcmp(a, b, size) == 0) != (equal != 0)) {
        print_error("%zu bytes at %p and %p are %s\n", size, a, b, equal ? "different" : "equal");
        _fail(file, line);
    }
}

/* Runs Function(State) with failures leaving to here; 0 if it passed. */
static int RunGuarded(void (*Test)(void **), int (*Fixture)(void **), void **State)
{
    jmp_buf Exit;
    jmp_buf *Outer = Current;
    volatile int Result = 0;
    Current = &Exit;
    if (setjmp(Exit) == 0) {
        if (Test != NULL) {
            Test(State);
        } else {
            Result = Fixture(State);
        }
    } else {
        Result = -1;
    }
    Current = Outer;
    return Result;
}

static const char *TestFilter;

void cmocka_set_test_filter(const char *pattern)
{
    TestFilter = pattern;
}

/* CMocka's filter syntax: '*' any run of characters, '?' any one. */
static int Matches(const char *Pattern, const char *Name)
{
    if (*Pattern == '\0') {
        return *Name == '\0';
    }
    if (*Pattern == '*') {
        return Matches(Pattern + 1, Name) || (*Name != '\0' && Matches(Pattern, Name + 1));
    }
    return *Name != '\0' && (*Pattern == '?' || *Pattern == *Name) &&
           Matches(Pattern + 1, Name + 1);
}

int _cmocka_run_group_tests(const char *group_name, const struct CMUnitTest *const tests,
                            const size_t num_tests, CMFixtureFunction group_setup,
                            CMFixtureFunction group_teardown)
{
    void *GroupState = NULL;
    size_t Failed = 0, Ran = 0;
    print_message("[==========] Running %zu test(s).\n", num_tests);
    if (group_setup != NULL && RunGuarded(NULL, group_setup, &GroupState) != 0) {
        print_error("[  ERROR   ] %s: group setup failed\n", group_name);
        return (int)num_tests;
    }
    for (size_t i = 0; i < num_tests; i++) {
        const struct CMUnitTest *Test = &tests[i];
        if (TestFilter != NULL && !Matches(TestFilter, Test->name)) {
            continue;
        }
        Ran++;
        void *State = Test->initial_state != NULL ? Test->initial_state : GroupState;
        print_message("[ RUN      ] %s\n", Test->name);
        int Bad = Test->setup_func != NULL && RunGuarded(NULL, Test->setup_func, &State) != 0;
        if (!Bad) {
            Bad = RunGuarded(Test->test_func, NULL, &State) != 0;
            if (Test->teardown_func != NULL && RunGuarded(NULL, Test->teardown_func, &State) != 0) {
                Bad = 1;
            }
        }
        print_message("[ %s ] %s\n", Bad ? " FAILED " : "      OK", Test->name);
        Failed += Bad != 0;
    }
    if (group_teardown != NULL) {
        RunGuarded(NULL, group_teardown, &GroupState);
    }
    print_message("[==========] %s: %zu test(s) run.\n", group_name, Ran);
    print_message("[  PASSED  ] %zu test(s).\n", Ran - Failed);
    if (Failed > 0) {
        print_message("[  FAILED  ] %zu test(s).\n", Failed);
    }
    return (int)Failed;
}
