/*
 * explore_orders_target.c - what test_explore_orders explores as its fork
 * server's run: one test that waits for a byte on its standard input (the
 * fake runner's cue: its permit is written by then), then makes two
 * fallible calls, so the explorer forks twice.
 */
#include <unistd.h>

#include <mmsim_cmocka.h>

SIM_TEST(TwoCallsAfterTheCue)
{
    char Cue = 0;
    assert_int_equal(read(STDIN_FILENO, &Cue, 1), 1);
    void *First = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'rOxE');
    void *Second = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'rOxE');
    if (First != NULL) {
        ExFreePoolWithTag(First, 'rOxE');
    }
    if (Second != NULL) {
        ExFreePoolWithTag(Second, 'rOxE');
    }
}

int main(void)
{
    return SimRunTests("explore_orders_target", NULL, NULL);
}
