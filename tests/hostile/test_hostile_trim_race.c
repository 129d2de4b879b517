/*
 * test_hostile_trim_race.c - trimming paged pool under threads that use it
 * (issue 21 item 10).
 *
 *   thread A: writes bytes [0, 2048) of page P ─┐
 *   thread B: writes bytes [2048, 4096) of P  ──┼── legal by Windows' rules:
 *   main:     SimTrimPagedPool() again and again┘   disjoint bytes, pageable
 *                                                   memory at PASSIVE_LEVEL
 *
 * Each trim makes P invalid and the next touch faults it back in: the host
 * remaps the page under the threads. Nothing here is a driver bug, so under
 * ThreadSanitizer (the tsan preset) the run must report no data race; in
 * every preset each thread must read back what it wrote.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include <mmsim_cmocka.h>

#define TAG 'mirT'
#define ROUNDS 200
#define HALF (PAGE_SIZE / 2)

typedef struct _HALF_WRITER {
    unsigned char *Bytes; /* this thread's half of the page */
    atomic_bool *Stop;
    bool Intact;
} HALF_WRITER;

static void *WriteHalf(void *Context)
{
    HALF_WRITER *Writer = (HALF_WRITER *)Context;
    Writer->Intact = true;
    for (unsigned Round = 0; !atomic_load(Writer->Stop) || Round < ROUNDS; Round++) {
        unsigned char Value = (unsigned char)Round;
        for (size_t i = 0; i < HALF; i += 64) {
            Writer->Bytes[i] = Value;
        }
        for (size_t i = 0; i < HALF; i += 64) {
            if (Writer->Bytes[i] != Value) {
                Writer->Intact = false;
            }
        }
    }
    return NULL;
}

SIM_TEST(TrimmingUnderWritersIsNotARace)
{
    unsigned char *Page = (unsigned char *)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TAG);
    assert_non_null(Page);
    atomic_bool Stop = false;
    HALF_WRITER Writers[2] = {{Page, &Stop, false}, {Page + HALF, &Stop, false}};
    pthread_t Threads[2];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_create(&Threads[i], NULL, WriteHalf, &Writers[i]), 0);
    }
    ULONG Trimmed = 0;
    for (int Round = 0; Round < ROUNDS; Round++) {
        Trimmed += SimTrimPagedPool();
    }
    atomic_store(&Stop, true);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_join(Threads[i], NULL), 0);
        assert_true(Writers[i].Intact);
    }
    assert_true(Trimmed > 0); /* the page really was trimmed under them */
    ExFreePoolWithTag(Page, TAG);
}

int main(void)
{
    return SimRunTests("Tests", NULL, NULL);
}
