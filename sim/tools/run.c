#include "tool.h"
int RunMain(int Argc, char **Argv) { (void)Argc; (void)Argv; return 2; }
