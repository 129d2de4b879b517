/*
 * text.c - text primitives every layer reports with: appending to a report
 * buffer, and writing to stderr without stdio (safe on a stop path).
 */
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "../mi.h"

void MiAppend(char *Report, size_t Size, const char *Format, ...)
{
    if (Report == NULL || Size == 0) {
        return;
    }
    size_t Used = strlen(Report);
    if (Used + 1 >= Size) {
        return;
    }
    va_list Arguments;
    va_start(Arguments, Format);
    vsnprintf(Report + Used, Size - Used, Format, Arguments);
    va_end(Arguments);
}

void MiWriteStderr(const char *Text)
{
    size_t Length = strlen(Text);
    while (Length > 0) {
        ssize_t Written = write(2, Text, Length);
        if (Written <= 0) {
            return;
        }
        Text += Written;
        Length -= (size_t)Written;
    }
}
