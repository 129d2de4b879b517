/*
 * ddi_table_docs.c - prints the scenario language's DDI list as docs/mmsim.md
 * shows it, from the DDI table (sim/mi_ddi_table.h, through ScriptDdis). The
 * ctest ddi_table_docs compares it with the manual (check_docs.cmake).
 */
#include <stdio.h>

#include "script.h"

int main(void)
{
    printf("| call | returns | arguments |\n");
    printf("|---|---|---|\n");
    for (int d = 0; d < DdiCount; d++) {
        const SCRIPT_DDI *Ddi = &ScriptDdis[d];
        char Call[256];
        ScriptFormatCall(Ddi, Call, sizeof(Call));
        printf("| `%s` | %s |", Call, ScriptResultText(Ddi->Result));
        for (int i = 0; i < Ddi->ArgCount; i++) {
            printf("%s%s: %s", i ? "; " : " ", Ddi->Args[i].Name,
                   ScriptArgKindText(Ddi->Args[i].Kind));
        }
        printf(" |\n");
    }
    return 0;
}
