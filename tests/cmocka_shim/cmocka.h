/*
 * cmocka.h - NOT CMocka: a compile shim for the Windows cross build only.
 *
 * Debian packages no CMocka for mingw-w64, and no CMocka sources are
 * available offline to cross-compile. So that the Windows build (the `mingw`
 * preset) compiles and links every test suite, this header declares the part
 * of CMocka 1.1's public API that mmsim's suites and sim/verifier/
 * cmocka_fixtures.c use (assert_*, fail, fail_msg, print_message,
 * print_error, struct CMUnitTest, cmocka_unit_test*, cmocka_run_group_tests*,
 * _cmocka_run_group_tests, _fail), and cmocka.c implements it with a minimal
 * runner: a failed assertion prints where and leaves the test by longjmp, the
 * group prints CMocka-style [ RUN ] / [ OK ] / [ FAILED ] lines and returns the
 * number of failed tests. None of CMocka's mocking, memory-leak checking or
 * signal catching is there.
 *
 * The test binaries built with it have not been run on Windows (no Windows
 * with placeholder support is available to this project's CI; Wine 8 has
 * none). Native builds always use the real CMocka (libcmocka-dev).
 */
#ifndef MMSIM_CMOCKA_SHIM_H
#define MMSIM_CMOCKA_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__MINGW_PRINTF_FORMAT)
#define MMSIM_SHIM_PRINTF(f, a) __attribute__((format(__MINGW_PRINTF_FORMAT, f, a)))
#else
#define MMSIM_SHIM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

typedef uintmax_t LargestIntegralType;
#define cast_to_largest_integral_type(value) ((LargestIntegralType)(value))
#define cast_ptr_to_largest_integral_type(value) ((LargestIntegralType)(uintptr_t)(value))

typedef void (*CMUnitTestFunction)(void **state);
typedef int (*CMFixtureFunction)(void **state);

struct CMUnitTest {
    const char *name;
    CMUnitTestFunction test_func;
    CMFixtureFunction setup_func;
    CMFixtureFunction teardown_func;
    void *initial_state;
};

#define cmocka_unit_test(f) {#f, f, NULL, NULL, NULL}
#define cmocka_unit_test_setup_teardown(f, setup, teardown) {#f, f, setup, teardown, NULL}

void cmocka_set_test_filter(const char *pattern);
int _cmocka_run_group_tests(const char *group_name, const struct CMUnitTest *const tests,
                            const size_t num_tests, CMFixtureFunction group_setup,
                            CMFixtureFunction group_teardown);
#define cmocka_run_group_tests(tests, setup, teardown)                                      \
    _cmocka_run_group_tests(#tests, tests, sizeof(tests) / sizeof((tests)[0]), setup, teardown)
#define cmocka_run_group_tests_name(name, tests, setup, teardown)                           \
    _cmocka_run_group_tests(name, tests, sizeof(tests) / sizeof((tests)[0]), setup, teardown)

void print_message(const char *format, ...) MMSIM_SHIM_PRINTF(1, 2);
void print_error(const char *format, ...) MMSIM_SHIM_PRINTF(1, 2);

#if defined(__cplusplus)
[[noreturn]]
#else
_Noreturn
#endif
void _fail(const char *const file, const int line);
#define fail() _fail(__FILE__, __LINE__)
#define fail_msg(...)                                                                       \
    do {                                                                                    \
        print_error("ERROR: " __VA_ARGS__);                                                 \
        print_error("\n");                                                                  \
        fail();                                                                             \
    } while (0)

void _mmsim_shim_check(int ok, const char *what, const char *file, int line);
void _mmsim_shim_int(LargestIntegralType a, LargestIntegralType b, int equal, const char *file,
                     int line);
void _mmsim_shim_string(const char *a, const char *b, int equal, const char *file, int line);
void _mmsim_shim_memory(const void *a, const void *b, size_t size, int equal, const char *file,
                        int line);

#define assert_true(c) _mmsim_shim_check(!!(c), #c, __FILE__, __LINE__)
#define assert_false(c) _mmsim_shim_check(!(c), "!(" #c ")", __FILE__, __LINE__)
#define assert_non_null(c) _mmsim_shim_check((c) != NULL, #c " != NULL", __FILE__, __LINE__)
#define assert_null(c) _mmsim_shim_check((c) == NULL, #c " == NULL", __FILE__, __LINE__)
#define assert_int_equal(a, b)                                                              \
    _mmsim_shim_int(cast_to_largest_integral_type(a), cast_to_largest_integral_type(b), 1,   \
                    __FILE__, __LINE__)
#define assert_int_not_equal(a, b)                                                          \
    _mmsim_shim_int(cast_to_largest_integral_type(a), cast_to_largest_integral_type(b), 0,   \
                    __FILE__, __LINE__)
#define assert_ptr_equal(a, b)                                                              \
    _mmsim_shim_int(cast_ptr_to_largest_integral_type(a),                                   \
                    cast_ptr_to_largest_integral_type(b), 1, __FILE__, __LINE__)
#define assert_ptr_not_equal(a, b)                                                          \
    _mmsim_shim_int(cast_ptr_to_largest_integral_type(a),                                   \
                    cast_ptr_to_largest_integral_type(b), 0, __FILE__, __LINE__)
#define assert_string_equal(a, b)                                                           \
    _mmsim_shim_string((const char *)(a), (const char *)(b), 1, __FILE__, __LINE__)
#define assert_string_not_equal(a, b)                                                       \
    _mmsim_shim_string((const char *)(a), (const char *)(b), 0, __FILE__, __LINE__)
#define assert_memory_equal(a, b, size)                                                     \
    _mmsim_shim_memory((const void *)(a), (const void *)(b), (size_t)(size), 1, __FILE__,    \
                       __LINE__)
#define assert_memory_not_equal(a, b, size)                                                 \
    _mmsim_shim_memory((const void *)(a), (const void *)(b), (size_t)(size), 0, __FILE__,    \
                       __LINE__)

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_CMOCKA_SHIM_H */
