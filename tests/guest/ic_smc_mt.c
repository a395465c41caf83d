/* Code rewritten by one thread while another runs it. First, thread A calls
 * a generated function in a loop while main rewrites the constant it
 * returns (one aligned word store, then __builtin___clear_cache, which on
 * Linux makes the store visible to every thread's instruction fetch): A must
 * eventually get the new value, and after a barrier it gets it every time.
 * Second, A runs a generated loop that only ends when the instruction
 * setting its exit flag is rewritten: main rewrites it while A spins inside,
 * and A must leave the loop. riscv64 only. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include "guest.h"
#include "rv_enc.h"
#include "watchdog.h"

#define ROUNDS 100
#define LOOP_ROUNDS 20

typedef long (*fn0)(void);
static uint32_t *code;          /* one RWX page */
static pthread_barrier_t seen, checked;
static volatile int in_loop;

static void patch(uint32_t *at, uint32_t word)
{
    __atomic_store_n(at, word, __ATOMIC_RELEASE);
    __builtin___clear_cache((char *)at, (char *)(at + 1));
}

/* code[0..1]: li a0, V; ret */
static void *caller(void *arg)
{
    (void)arg;
    fn0 f = (fn0)code;
    for (long round = 1; round <= ROUNDS; round++) {
        while (f() != round)
            ;
        pthread_barrier_wait(&seen);
        long again = 0;
        for (int i = 0; i < 1000; i++)
            again += f() == round;
        CHECK(again == 1000);
        pthread_barrier_wait(&checked);
    }
    return NULL;
}

/* code[16..]: a0 = 0; do { a0++; t0 = FLAG } while (t0 == 0); ret */
enum { LOOP = 16, FLAG = LOOP + 2 };
static void *looper(void *arg)
{
    (void)arg;
    fn0 g = (fn0)(code + LOOP);
    for (int round = 0; round < LOOP_ROUNDS; round++) {
        pthread_barrier_wait(&seen);
        __atomic_store_n(&in_loop, 1, __ATOMIC_SEQ_CST);
        long spins = g();
        CHECK(spins > 0);
        __atomic_store_n(&in_loop, 0, __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&checked);
    }
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    code[0] = rv_addi(A0, ZERO, 0);
    code[1] = RV_RET;
    code[LOOP] = rv_addi(A0, ZERO, 0);
    code[LOOP + 1] = rv_addi(A0, A0, 1);
    code[FLAG] = rv_addi(T0, ZERO, 0);
    code[FLAG + 1] = rv_beq(T0, ZERO, -8);
    code[FLAG + 2] = RV_RET;
    __builtin___clear_cache((char *)code, (char *)(code + 64));
    pthread_barrier_init(&seen, NULL, 2);
    pthread_barrier_init(&checked, NULL, 2);

    stage = "a function rewritten while another thread calls it";
    pthread_t t = start_thread(NULL, caller, NULL);
    for (long round = 1; round <= ROUNDS; round++) {
        patch(&code[0], rv_addi(A0, ZERO, (int32_t)round));
        pthread_barrier_wait(&seen);
        pthread_barrier_wait(&checked);
    }
    pthread_join(t, NULL);
    printf("calls: %d rewrites seen by the calling thread\n", ROUNDS);

    stage = "a loop rewritten while another thread runs in it";
    t = start_thread(NULL, looper, NULL);
    for (int round = 0; round < LOOP_ROUNDS; round++) {
        patch(&code[FLAG], rv_addi(T0, ZERO, 0));
        pthread_barrier_wait(&seen);
        while (!__atomic_load_n(&in_loop, __ATOMIC_SEQ_CST))
            ;
        /* Give it time to be well inside (translated, chained to itself). */
        nanosleep(&(struct timespec){ .tv_nsec = 2000000 }, NULL);
        patch(&code[FLAG], rv_addi(T0, ZERO, 1));
        pthread_barrier_wait(&checked);
    }
    pthread_join(t, NULL);
    printf("loop: %d rewrites ended the other thread's loop\n", LOOP_ROUNDS);
    return guest_done();
}
