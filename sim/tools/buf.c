/*
 * buf.c - growable strings for the mmsim program (tool.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static bool BufReserve(TOOL_BUF *Buf, size_t More)
{
    if (Buf->Failed) {
        return false;
    }
    if (Buf->Length + More + 1 <= Buf->Capacity) {
        return true;
    }
    size_t Capacity = Buf->Capacity ? Buf->Capacity : 256;
    while (Capacity < Buf->Length + More + 1) {
        if (Capacity > ((size_t)-1) / 2) {
            Buf->Failed = true;
            return false;
        }
        Capacity *= 2;
    }
    char *Text = (char *)realloc(Buf->Text, Capacity);
    if (Text == NULL) {
        Buf->Failed = true;
        return false;
    }
    Buf->Text = Text;
    Buf->Capacity = Capacity;
    return true;
}

void BufAppend(TOOL_BUF *Buf, const char *Text, size_t Length)
{
    if (!BufReserve(Buf, Length)) {
        return;
    }
    memcpy(Buf->Text + Buf->Length, Text, Length);
    Buf->Length += Length;
    Buf->Text[Buf->Length] = '\0';
}

void BufPrintf(TOOL_BUF *Buf, const char *Format, ...)
{
    va_list Args;
    va_start(Args, Format);
    va_list Copy;
    va_copy(Copy, Args);
    int Needed = vsnprintf(NULL, 0, Format, Copy);
    va_end(Copy);
    if (Needed >= 0 && BufReserve(Buf, (size_t)Needed)) {
        vsnprintf(Buf->Text + Buf->Length, (size_t)Needed + 1, Format, Args);
        Buf->Length += (size_t)Needed;
    }
    va_end(Args);
}

void BufJsonString(TOOL_BUF *Buf, const char *Text)
{
    for (const unsigned char *p = (const unsigned char *)Text; *p; p++) {
        switch (*p) {
        case '"': BufAppend(Buf, "\\\"", 2); break;
        case '\\': BufAppend(Buf, "\\\\", 2); break;
        case '\n': BufAppend(Buf, "\\n", 2); break;
        case '\t': BufAppend(Buf, "\\t", 2); break;
        case '<': BufAppend(Buf, "\\u003c", 6); break; /* never "</script>" in the page */
        case '>': BufAppend(Buf, "\\u003e", 6); break;
        case '&': BufAppend(Buf, "\\u0026", 6); break;
        default:
            if (*p < 0x20) {
                BufPrintf(Buf, "\\u%04x", *p);
            } else {
                BufAppend(Buf, (const char *)p, 1);
            }
        }
    }
}

void BufHtml(TOOL_BUF *Buf, const char *Text)
{
    for (const char *p = Text; *p; p++) {
        switch (*p) {
        case '<': BufAppend(Buf, "&lt;", 4); break;
        case '>': BufAppend(Buf, "&gt;", 4); break;
        case '&': BufAppend(Buf, "&amp;", 5); break;
        case '"': BufAppend(Buf, "&quot;", 6); break;
        default: BufAppend(Buf, p, 1);
        }
    }
}

const char *BufText(const TOOL_BUF *Buf)
{
    return Buf->Text != NULL ? Buf->Text : "";
}

void BufFree(TOOL_BUF *Buf)
{
    free(Buf->Text);
    memset(Buf, 0, sizeof(*Buf));
}
