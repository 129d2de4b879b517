/* msvc_dialect.c as C++17 (the same driver code, compiled as a .cpp file). */
#include "msvc_dialect.c"
