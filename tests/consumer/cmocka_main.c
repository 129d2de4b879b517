/*
 * cmocka_main.c - a CMocka suite against an installed mmsim, built with
 * `pkg-config --cflags --libs mmsim-cmocka` only (tests/install_consumer.cmake):
 * the fixtures and SIM_EXPECT_BUGCHECK link, and a caught bug check passes.
 */
#include <mmsim_cmocka.h>

SIM_TEST(DoubleFreeIsCaught)
{
    PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'nsnC');
    assert_non_null(P);
    ExFreePoolWithTag(P, 'nsnC');
    SIM_EXPECT_BUGCHECK(BAD_POOL_CALLER, 0x07, ExFreePoolWithTag(P, 'nsnC'));
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
