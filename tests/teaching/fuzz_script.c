/*
 * fuzz_script.c - libFuzzer target for the scenario language's parser
 * (sim/tools/script.c): any bytes must give a script or an error message,
 * never a crash, a leak or undefined behaviour. Built with clang
 * -fsanitize=fuzzer,address by fuzz_libfuzzer.cmake when clang is there.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);
int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size)
{
    char Error[512];
    SCRIPT *Script = ScriptParse((const char *)Data, Size, Error, sizeof(Error));
    if (Script == NULL && strstr(Error, "error: ") == NULL) {
        __builtin_trap(); /* every failure names line, column and what was expected */
    }
    ScriptFree(Script);
    return 0;
}
