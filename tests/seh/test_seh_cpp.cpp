/* test_seh.c compiled as C++: the same rows, the same traces (the lowercase forms are C
 * only, as in MSVC's <excpt.h>). */
#include "test_seh.c"
