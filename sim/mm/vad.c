/*
 * vad.c - virtual address descriptors: each reservation of a process's user
 * range is one VAD (first page, page count, the protection it was reserved
 * with), kept in a balanced tree by address (range.c), as Windows keeps its
 * VAD tree. Commitment is per page, in the PTEs (virtual.c).
 */
#include <stdlib.h>

#include "mi_user.h"

MI_VAD *MiVadFind(const MI_PROCESS *Process, uint64_t Page)
{
    MI_RANGE *Range = MiRangeFind(&Process->Vads, Page);
    return Range != NULL ? (MI_VAD *)Range->Data : NULL;
}

MI_VAD *MiVadInsert(MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages, ULONG Protect,
                    MI_VAD_KIND Kind)
{
    MI_VAD *Vad = (MI_VAD *)calloc(1, sizeof(MI_VAD));
    if (Vad == NULL) {
        return NULL;
    }
    Vad->FirstPage = FirstPage;
    Vad->Pages = Pages;
    Vad->AllocationProtect = Protect;
    Vad->Kind = Kind;
    if (!MiRangeInsert(&Process->Vads, FirstPage, Pages, Vad)) {
        free(Vad);
        return NULL;
    }
    return Vad;
}

void MiVadRemove(MI_PROCESS *Process, MI_VAD *Vad)
{
    MiRangeRemove(&Process->Vads, Vad->FirstPage);
    free(Vad);
}

bool MiVadRangeFree(const MI_PROCESS *Process, uint64_t FirstPage, uint64_t Pages)
{
    for (const MI_RANGE *Range = MiRangeFirst(&Process->Vads); Range != NULL;
         Range = MiRangeNext(&Process->Vads, Range)) {
        if (Range->FirstPage >= FirstPage + Pages) {
            break;
        }
        if (Range->FirstPage + Range->Pages > FirstPage) {
            return false;
        }
    }
    return true;
}

static uint64_t MiAlignUp(uint64_t Page)
{
    return (Page + MI_GRANULE_PAGES - 1) / MI_GRANULE_PAGES * MI_GRANULE_PAGES;
}

uint64_t MiVadFindFree(const MI_PROCESS *Process, uint64_t Pages, uint64_t HighestPage,
                       bool TopDown)
{
    uint64_t Limit = MiUserUsablePages(); /* first page not usable */
    if (HighestPage < Limit - 1) {
        Limit = HighestPage + 1;
    }
    if (Pages == 0 || Pages > Limit) {
        return UINT64_MAX;
    }
    /* Gaps in address order: [Start, End) between the VADs. */
    uint64_t Best = UINT64_MAX;
    uint64_t Start = 0;
    const MI_RANGE *Range = MiRangeFirst(&Process->Vads);
    for (;;) {
        uint64_t End = Range != NULL ? Range->FirstPage : MiUserUsablePages();
        if (End > Limit) {
            End = Limit;
        }
        if (!TopDown) {
            uint64_t At = MiAlignUp(Start);
            if (At < End && End - At >= Pages) {
                return At;
            }
        } else if (End > Start && End - Start >= Pages) {
            uint64_t At = (End - Pages) / MI_GRANULE_PAGES * MI_GRANULE_PAGES;
            if (At >= Start) {
                Best = At; /* the highest so far: later gaps are higher */
            }
        }
        if (Range == NULL || Range->FirstPage >= Limit) {
            break;
        }
        Start = Range->FirstPage + Range->Pages;
        Range = MiRangeNext(&Process->Vads, Range);
    }
    return Best;
}
