/*
 * range.c - sorted tables of non-overlapping page ranges. Lookup of the
 * range containing a page is a binary search; insert and remove shift the
 * tail, which stays cheap for the thousands of ranges a driver keeps.
 */
#include <stdlib.h>

#include "mi_mm.h"

/* Index of the first range whose FirstPage > Page. */
static uint64_t MiRangeUpper(const MI_RANGE_TABLE *Table, uint64_t Page)
{
    uint64_t Lo = 0, Hi = Table->Count;
    while (Lo < Hi) {
        uint64_t Mid = Lo + (Hi - Lo) / 2;
        if (Table->Items[Mid].FirstPage <= Page) {
            Lo = Mid + 1;
        } else {
            Hi = Mid;
        }
    }
    return Lo;
}

bool MiRangeInsert(MI_RANGE_TABLE *Table, uint64_t FirstPage, uint64_t Pages, void *Data)
{
    if (Table->Count == Table->Capacity) {
        uint64_t Capacity = Table->Capacity ? Table->Capacity * 2 : 64;
        MI_RANGE *Items = (MI_RANGE *)realloc(Table->Items, Capacity * sizeof(MI_RANGE));
        if (Items == NULL) {
            return false;
        }
        Table->Items = Items;
        Table->Capacity = Capacity;
    }
    uint64_t At = MiRangeUpper(Table, FirstPage);
    memmove(&Table->Items[At + 1], &Table->Items[At], (Table->Count - At) * sizeof(MI_RANGE));
    Table->Items[At].FirstPage = FirstPage;
    Table->Items[At].Pages = Pages;
    Table->Items[At].Data = Data;
    Table->Count++;
    return true;
}

MI_RANGE *MiRangeFind(const MI_RANGE_TABLE *Table, uint64_t Page)
{
    uint64_t At = MiRangeUpper(Table, Page);
    if (At == 0) {
        return NULL;
    }
    MI_RANGE *Range = &Table->Items[At - 1];
    return Page < Range->FirstPage + Range->Pages ? Range : NULL;
}

void MiRangeRemove(MI_RANGE_TABLE *Table, uint64_t FirstPage)
{
    uint64_t At = MiRangeUpper(Table, FirstPage);
    if (At == 0 || Table->Items[At - 1].FirstPage != FirstPage) {
        return;
    }
    At--;
    memmove(&Table->Items[At], &Table->Items[At + 1], (Table->Count - At - 1) * sizeof(MI_RANGE));
    Table->Count--;
}

void MiRangeFreeAll(MI_RANGE_TABLE *Table)
{
    free(Table->Items);
    memset(Table, 0, sizeof(*Table));
}
