/*
 * mmsim/msvc_va.h - MSVC's comma elision for the variadic DDIs.
 *
 * Driver code is written for MSVC, whose preprocessor drops the comma before
 * an empty __VA_ARGS__. A logging macro such as
 *
 *     #define DbgPrint(Format, ...) DbgPrintEx(DPFLTR_IHVDRIVER_ID, \
 *                                              DPFLTR_INFO_LEVEL, Format, __VA_ARGS__)
 *     DbgPrint("[+] Done\n");
 *
 * expands there to a valid call, and with gcc and clang (outside clang's
 * -fms-compatibility) to `DbgPrintEx(77, 3, "[+] Done\n", )`: a syntax error
 * in every file of the driver. So the variadic DDIs that such macros wrap
 * are also function-like macros here, which accept that empty last argument
 * and call the function without it. Their functions are unchanged: `&DbgPrint`,
 * `(DbgPrint)(...)` and a driver's own `#define DbgPrint ...` behave as with
 * the WDK (the macros: msvc_va_dbgprint.h, msvc_va_strsafe.h; clang's
 * redefinition warning is off, below; gcc's has no option).
 *
 * How: count the arguments (up to 16; a longer call is passed through, as
 * only a short one can end with an empty argument that a wrapper left), and
 * test the last for emptiness (the four-probe test for an empty macro
 * argument, reduced to a single argument: it is empty exactly when it does not
 * begin with a parenthesis, yet `MMSIM_VA_TRIGGER arg ()` yields a comma).
 * The names are mmsim's own (MMSIM_VA_), so none collides with a driver's.
 */
#ifndef MMSIM_MSVC_VA_H
#define MMSIM_MSVC_VA_H

/* clang warns about a redefinition even of a system header's macro: a
 * driver that #defines DbgPrint itself would get -Wmacro-redefined for a
 * name that is no macro in the WDK. MSVC itself warns (C4005) when a driver
 * redefines a macro differently, so driver files built there carry no such
 * redefinitions of their own; the warning is off for the files that include
 * mmsim's headers (mmsim's own sources keep it). */
#if defined(__clang__) && !defined(MMSIM_BUILDING_SIM)
#pragma clang diagnostic ignored "-Wmacro-redefined"
#endif

#define MMSIM_VA_CAT_(a, b) a##b
#define MMSIM_VA_CAT(a, b) MMSIM_VA_CAT_(a, b)

/* The 65th argument: a count or a comma test, read off a descending list. */
#define MMSIM_VA_ARG65_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15,  \
                        _16, _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28,    \
                        _29, _30, _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, _41,    \
                        _42, _43, _44, _45, _46, _47, _48, _49, _50, _51, _52, _53, _54,    \
                        _55, _56, _57, _58, _59, _60, _61, _62, _63, _64, N, ...)           \
    N
#define MMSIM_VA_COUNT(...)                                                                  \
    MMSIM_VA_ARG65_(__VA_ARGS__, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, \
                    MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY,  \
                    MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY,  \
                    MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY, MANY,  \
                    MANY, MANY, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define MMSIM_VA_HAS_COMMA(...)                                                             \
    MMSIM_VA_ARG65_(__VA_ARGS__, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, \
                    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, \
                    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0)

/* Whether one macro argument (no top-level comma) is empty: 1 or 0. */
#define MMSIM_VA_TRIGGER(...) ,
#define MMSIM_VA_IS_EMPTY(x)                                                                \
    MMSIM_VA_IS_EMPTY_(MMSIM_VA_HAS_COMMA(MMSIM_VA_TRIGGER x),                              \
                       MMSIM_VA_HAS_COMMA(MMSIM_VA_TRIGGER x()))
#define MMSIM_VA_IS_EMPTY_(Paren, Trigger) MMSIM_VA_IS_EMPTY__(Paren, Trigger)
#define MMSIM_VA_IS_EMPTY__(Paren, Trigger) MMSIM_VA_EMPTY_##Paren##Trigger
#define MMSIM_VA_EMPTY_00 0
#define MMSIM_VA_EMPTY_01 1
#define MMSIM_VA_EMPTY_10 0
#define MMSIM_VA_EMPTY_11 0

/* The last of N arguments, and the first N-1. */
#define MMSIM_VA_LAST_1(a) a
#define MMSIM_VA_LAST_2(a, ...) MMSIM_VA_LAST_1(__VA_ARGS__)
#define MMSIM_VA_LAST_3(a, ...) MMSIM_VA_LAST_2(__VA_ARGS__)
#define MMSIM_VA_LAST_4(a, ...) MMSIM_VA_LAST_3(__VA_ARGS__)
#define MMSIM_VA_LAST_5(a, ...) MMSIM_VA_LAST_4(__VA_ARGS__)
#define MMSIM_VA_LAST_6(a, ...) MMSIM_VA_LAST_5(__VA_ARGS__)
#define MMSIM_VA_LAST_7(a, ...) MMSIM_VA_LAST_6(__VA_ARGS__)
#define MMSIM_VA_LAST_8(a, ...) MMSIM_VA_LAST_7(__VA_ARGS__)
#define MMSIM_VA_LAST_9(a, ...) MMSIM_VA_LAST_8(__VA_ARGS__)
#define MMSIM_VA_LAST_10(a, ...) MMSIM_VA_LAST_9(__VA_ARGS__)
#define MMSIM_VA_LAST_11(a, ...) MMSIM_VA_LAST_10(__VA_ARGS__)
#define MMSIM_VA_LAST_12(a, ...) MMSIM_VA_LAST_11(__VA_ARGS__)
#define MMSIM_VA_LAST_13(a, ...) MMSIM_VA_LAST_12(__VA_ARGS__)
#define MMSIM_VA_LAST_14(a, ...) MMSIM_VA_LAST_13(__VA_ARGS__)
#define MMSIM_VA_LAST_15(a, ...) MMSIM_VA_LAST_14(__VA_ARGS__)
#define MMSIM_VA_LAST_16(a, ...) MMSIM_VA_LAST_15(__VA_ARGS__)
#define MMSIM_VA_INIT_2(a, ...) a
#define MMSIM_VA_INIT_3(a, ...) a, MMSIM_VA_INIT_2(__VA_ARGS__)
#define MMSIM_VA_INIT_4(a, ...) a, MMSIM_VA_INIT_3(__VA_ARGS__)
#define MMSIM_VA_INIT_5(a, ...) a, MMSIM_VA_INIT_4(__VA_ARGS__)
#define MMSIM_VA_INIT_6(a, ...) a, MMSIM_VA_INIT_5(__VA_ARGS__)
#define MMSIM_VA_INIT_7(a, ...) a, MMSIM_VA_INIT_6(__VA_ARGS__)
#define MMSIM_VA_INIT_8(a, ...) a, MMSIM_VA_INIT_7(__VA_ARGS__)
#define MMSIM_VA_INIT_9(a, ...) a, MMSIM_VA_INIT_8(__VA_ARGS__)
#define MMSIM_VA_INIT_10(a, ...) a, MMSIM_VA_INIT_9(__VA_ARGS__)
#define MMSIM_VA_INIT_11(a, ...) a, MMSIM_VA_INIT_10(__VA_ARGS__)
#define MMSIM_VA_INIT_12(a, ...) a, MMSIM_VA_INIT_11(__VA_ARGS__)
#define MMSIM_VA_INIT_13(a, ...) a, MMSIM_VA_INIT_12(__VA_ARGS__)
#define MMSIM_VA_INIT_14(a, ...) a, MMSIM_VA_INIT_13(__VA_ARGS__)
#define MMSIM_VA_INIT_15(a, ...) a, MMSIM_VA_INIT_14(__VA_ARGS__)
#define MMSIM_VA_INIT_16(a, ...) a, MMSIM_VA_INIT_15(__VA_ARGS__)

/* MMSIM_VA_CALL(F, args): F(args), without a last argument that is empty.
 * F is parenthesised by the caller ("(DbgPrint)") so that it is not the
 * macro again. One argument alone is passed as it is (a format; empty is
 * the compiler's own error). */
#define MMSIM_VA_CALL(F, ...)                                                              \
    MMSIM_VA_CAT(MMSIM_VA_CALL_, MMSIM_VA_COUNT(__VA_ARGS__))(F, __VA_ARGS__)
#define MMSIM_VA_CALL_MANY(F, ...) F(__VA_ARGS__)
#define MMSIM_VA_CALL_1(F, ...) F(__VA_ARGS__)
#define MMSIM_VA_CALL_N(F, N, ...)                                                         \
    MMSIM_VA_CAT(MMSIM_VA_CALL_IF_EMPTY_,                                                  \
                 MMSIM_VA_IS_EMPTY(MMSIM_VA_LAST_##N(__VA_ARGS__)))(F, N, __VA_ARGS__)
#define MMSIM_VA_CALL_IF_EMPTY_0(F, N, ...) F(__VA_ARGS__)
#define MMSIM_VA_CALL_IF_EMPTY_1(F, N, ...) F(MMSIM_VA_INIT_##N(__VA_ARGS__))
#define MMSIM_VA_CALL_2(F, ...) MMSIM_VA_CALL_N(F, 2, __VA_ARGS__)
#define MMSIM_VA_CALL_3(F, ...) MMSIM_VA_CALL_N(F, 3, __VA_ARGS__)
#define MMSIM_VA_CALL_4(F, ...) MMSIM_VA_CALL_N(F, 4, __VA_ARGS__)
#define MMSIM_VA_CALL_5(F, ...) MMSIM_VA_CALL_N(F, 5, __VA_ARGS__)
#define MMSIM_VA_CALL_6(F, ...) MMSIM_VA_CALL_N(F, 6, __VA_ARGS__)
#define MMSIM_VA_CALL_7(F, ...) MMSIM_VA_CALL_N(F, 7, __VA_ARGS__)
#define MMSIM_VA_CALL_8(F, ...) MMSIM_VA_CALL_N(F, 8, __VA_ARGS__)
#define MMSIM_VA_CALL_9(F, ...) MMSIM_VA_CALL_N(F, 9, __VA_ARGS__)
#define MMSIM_VA_CALL_10(F, ...) MMSIM_VA_CALL_N(F, 10, __VA_ARGS__)
#define MMSIM_VA_CALL_11(F, ...) MMSIM_VA_CALL_N(F, 11, __VA_ARGS__)
#define MMSIM_VA_CALL_12(F, ...) MMSIM_VA_CALL_N(F, 12, __VA_ARGS__)
#define MMSIM_VA_CALL_13(F, ...) MMSIM_VA_CALL_N(F, 13, __VA_ARGS__)
#define MMSIM_VA_CALL_14(F, ...) MMSIM_VA_CALL_N(F, 14, __VA_ARGS__)
#define MMSIM_VA_CALL_15(F, ...) MMSIM_VA_CALL_N(F, 15, __VA_ARGS__)
#define MMSIM_VA_CALL_16(F, ...) MMSIM_VA_CALL_N(F, 16, __VA_ARGS__)

#endif /* MMSIM_MSVC_VA_H */
