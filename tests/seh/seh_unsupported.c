/*
 * seh_unsupported.c - the forms the SEH emulation cannot run (docs/seh.md): each is
 * stopped loudly, naming the __try, never run wrongly. Run with the form's name; the
 * ctest cases check the message.
 */
#include <wdm.h>

#include <stdio.h>
#include <string.h>

static volatile int Sink;

static void ContinueInBody(void)
{
    for (int I = 0; I < 2; I++) {
        __try {
            if (I == 0) {
                continue; /* would be the driver's loop on Windows */
            }
            Sink = I;
        } __finally {
            Sink = 0;
        }
    }
}

static void BreakInBody(void)
{
    for (int I = 0; I < 2; I++) {
        __try {
            break;
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            Sink = 1;
        }
    }
}

static void GotoOutOfBody(void)
{
    __try {
        goto Out;
    } __finally {
        Sink = 2;
    }
Out:
    Sink = 3;
}

int main(int Argc, char **Argv)
{
    const char *Form = Argc > 1 ? Argv[1] : "";
    if (strcmp(Form, "continue") == 0) {
        ContinueInBody();
    } else if (strcmp(Form, "break") == 0) {
        BreakInBody();
    } else if (strcmp(Form, "goto") == 0) {
        GotoOutOfBody();
    }
    printf("not stopped\n");
    return 0;
}
