/* Atomic operations under contention from 8 threads started together: fetch
 * and add on 64, 32, 16 and 8 bits (AMOs, and lr/sc loops on the narrow
 * ones), and, or and xor with known final values, compare-and-exchange loops
 * (strong and weak), and a spinlock built from lr.w/sc.w guarding plain
 * counters (on x86-64, the same lock from an atomic exchange). Every final
 * value is exact: one lost update shows. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"
#include "watchdog.h"

#define THREADS 8
#define ADDS 200000
#define CAS_ADDS 50000
#define LOCKED_ADDS 20000
#define BIT_ROUNDS 1000

static pthread_barrier_t start_line;
static uint64_t add64;
static uint32_t add32, sub32 = THREADS * ADDS;
static uint16_t add16;
static uint8_t add8;
static uint64_t bits_or, bits_and = ~(uint64_t)0, bits_xor;
static uint64_t cas_strong, cas_weak, cas_max;
static uint32_t cas32;

/* ---- spinlock ---- */
static volatile int spin;
static long locked_a, locked_b;
static int spin_overlaps, spin_inside;

#ifdef __riscv
/* One attempt: lr.w/sc.w, the acquire on the load, as Linux's riscv spinlock
 * does with amoswap. Returns 1 when taken. */
static int spin_try(volatile int *l)
{
    int old, fail;
    __asm__ volatile("1: lr.w.aq %0, (%2)\n"
                     "   bnez %0, 2f\n"
                     "   sc.w %1, %3, (%2)\n"
                     "   bnez %1, 1b\n"          /* lost the reservation: look again */
                     "2:\n"
                     : "=&r"(old), "=&r"(fail)
                     : "r"(l), "r"(1)
                     : "memory");
    return old == 0;
}

static void spin_unlock(volatile int *l)
{
    __asm__ volatile("amoswap.w.rl zero, zero, (%0)" : : "r"(l) : "memory");
}
#else
static int spin_try(volatile int *l)
{
    return __atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE) == 0;
}

static void spin_unlock(volatile int *l)
{
    __atomic_store_n(l, 0, __ATOMIC_RELEASE);
}
#endif

static void spin_lock(volatile int *l)
{
    /* Yield now and then: on two cores a holder preempted for a whole time
     * slice would otherwise keep seven threads spinning through it. */
    for (unsigned n = 1; !spin_try(l); n++)
        if (n % 64 == 0)
            sched_yield();
}

static void *worker(void *arg)
{
    long me = *(long *)arg;
    pthread_barrier_wait(&start_line);

    stage = "fetch_add";
    for (int i = 0; i < ADDS; i++) {
        __atomic_fetch_add(&add64, 1, __ATOMIC_SEQ_CST);
        __atomic_fetch_add(&add32, 1, __ATOMIC_RELAXED);
        __atomic_fetch_sub(&sub32, 1, __ATOMIC_ACQ_REL);
    }
    for (int i = 0; i < 5000; i++)
        __atomic_add_fetch(&add16, 1, __ATOMIC_SEQ_CST);
    for (int i = 0; i < 1000; i++)
        __atomic_fetch_add(&add8, 1, __ATOMIC_SEQ_CST);

    /* Each thread owns a byte: bits set with or, cleared with and, the byte
     * toggled with xor an even number of times and then one bit of it, all
     * while the others work on their bytes of the same words. */
    stage = "and/or/xor";
    uint64_t mine = (uint64_t)0xff << (8 * me);
    for (int i = 0; i < BIT_ROUNDS; i++) {
        __atomic_fetch_or(&bits_or, mine & ((uint64_t)0x5 << (8 * me + i % 5)), __ATOMIC_SEQ_CST);
        __atomic_fetch_and(&bits_and, ~(mine & ((uint64_t)0x3 << (8 * me + i % 7))), __ATOMIC_SEQ_CST);
        __atomic_fetch_xor(&bits_xor, mine, __ATOMIC_SEQ_CST);
    }
    __atomic_fetch_xor(&bits_xor, (uint64_t)1 << (8 * me + me % 8), __ATOMIC_SEQ_CST);

    stage = "compare_exchange";
    for (int i = 0; i < CAS_ADDS; i++) {
        uint64_t old = __atomic_load_n(&cas_strong, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_strong, &old, old + 1, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_RELAXED))
            ;       /* old now holds what was there */
        old = __atomic_load_n(&cas_weak, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_weak, &old, old + 3, 1, __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE))
            ;
        uint32_t o32 = __atomic_load_n(&cas32, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas32, &o32, o32 + 2, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            ;
        uint64_t v = (uint64_t)me * CAS_ADDS + i, cur = __atomic_load_n(&cas_max, __ATOMIC_RELAXED);
        while (cur < v && !__atomic_compare_exchange_n(&cas_max, &cur, v, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
    }

    stage = "spinlock";
    for (int i = 0; i < LOCKED_ADDS; i++) {
        spin_lock(&spin);
        if (++spin_inside != 1)
            spin_overlaps++;
        locked_a++;
        locked_b += 2;
        spin_inside--;
        spin_unlock(&spin);
    }
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(100);
    pthread_t t[THREADS];
    long ids[THREADS];
    pthread_barrier_init(&start_line, NULL, THREADS);
    for (int i = 0; i < THREADS; i++) {
        ids[i] = i;
        t[i] = start_thread(NULL, worker, &ids[i]);
    }
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_join(t[i], NULL) == 0);

    printf("fetch_add: 64-bit %llu, 32-bit %u, fetch_sub left %u, 16-bit %u, 8-bit %u\n",
           (unsigned long long)add64, add32, sub32, add16, add8);
    CHECK(add64 == (uint64_t)THREADS * ADDS && add32 == THREADS * ADDS && sub32 == 0);
    CHECK(add16 == THREADS * 5000 && add8 == (uint8_t)(THREADS * 1000));

    /* or sets 0x5 << 0..4 of each byte, and clears 0x3 << 0..6 (all of it),
     * xor leaves bit me of byte me */
    uint64_t want_or = 0, want_xor = 0;
    for (int me = 0; me < THREADS; me++) {
        for (int s = 0; s < 5; s++)
            want_or |= ((uint64_t)0x5 << (8 * me + s)) & ((uint64_t)0xff << (8 * me));
        want_xor |= (uint64_t)1 << (8 * me + me);
    }
    printf("or %016llx, and %016llx, xor %016llx\n", (unsigned long long)bits_or,
           (unsigned long long)bits_and, (unsigned long long)bits_xor);
    CHECK(bits_or == want_or && bits_and == 0 && bits_xor == want_xor);

    printf("compare_exchange: strong %llu, weak %llu, 32-bit %u, max %llu\n",
           (unsigned long long)cas_strong, (unsigned long long)cas_weak, cas32,
           (unsigned long long)cas_max);
    CHECK(cas_strong == (uint64_t)THREADS * CAS_ADDS && cas_weak == 3 * cas_strong);
    CHECK(cas32 == 2 * THREADS * CAS_ADDS && cas_max == (uint64_t)THREADS * CAS_ADDS - 1);

    printf("spinlock: a %ld, b %ld, overlaps %d, lock word %d\n", locked_a, locked_b, spin_overlaps, spin);
    CHECK(locked_a == THREADS * LOCKED_ADDS && locked_b == 2 * locked_a && spin_overlaps == 0 && spin == 0);
    return guest_done();
}
