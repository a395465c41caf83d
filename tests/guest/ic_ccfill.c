/* A program that keeps writing new code: main generates FUNCS distinct
 * functions at run time into a buffer it writes and then makes executable
 * (W then X), calls every one of them, several passes over all, while
 * WORKERS other threads keep calling their own static C code and their own
 * small set of generated functions in RWX buffers. Each function is a
 * random straight run of arithmetic on a0 with short forward branches (so
 * several blocks), different constants in each; the expected results come
 * from a C model of the same operations. Enough code to overflow a small
 * code cache many times: guest.sh runs it under rvdbt with
 * --code-cache-size 131072 too, where every pass flushes the cache while
 * the workers run. riscv64 only. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "guest.h"
#include "rv_enc.h"
#include "watchdog.h"

#define FUNCS 600
#define OPS 40              /* operations per function */
#define WORDS (OPS * 3 + 1) /* the most words a function takes */
#define PASSES 3
#define WORKERS 2
#define WORKER_FUNCS 16

typedef uint64_t (*gen_fn)(uint64_t, uint64_t);

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Function `seed` as code at w (returning the word count) and, when w is
 * NULL, as C: a0 is the argument x, a1 the argument y. */
static size_t gen(uint32_t *w, uint64_t seed, uint64_t x, uint64_t y, uint64_t *result)
{
    uint64_t s = seed * 0x9e3779b97f4a7c15u + 1, a0 = x;
    size_t n = 0;
    for (int i = 0; i < OPS; i++) {
        uint64_t r = rng_next(&s);
        int32_t imm = (int32_t)(r >> 20 & 0xfff) - 2048;
        switch (r % 6) {
        case 0:
            if (w) w[n++] = rv_addi(A0, A0, imm);
            a0 += (uint64_t)(int64_t)imm;
            break;
        case 1:
            if (w) w[n++] = rv_xori(A0, A0, imm);
            a0 ^= (uint64_t)(int64_t)imm;
            break;
        case 2:
            if (w) w[n++] = rv_slli(A0, A0, (int)(r >> 40 & 7));
            a0 <<= r >> 40 & 7;
            break;
        case 3:
            if (w) w[n++] = rv_add(A0, A0, A1);
            a0 += y;
            break;
        case 4:
            if (w) w[n++] = rv_mul(A0, A0, A1);
            a0 *= y;
            break;
        default:
            /* if (a0 & 1) a0 += imm: a branch over one instruction */
            if (w) {
                w[n++] = rv_andi(T0, A0, 1);
                w[n++] = rv_beq(T0, ZERO, 8);
                w[n++] = rv_addi(A0, A0, imm);
            }
            if (a0 & 1)
                a0 += (uint64_t)(int64_t)imm;
            break;
        }
    }
    if (w)
        w[n++] = RV_RET;
    *result = a0;
    return n;
}

static uint64_t model(uint64_t seed, uint64_t x, uint64_t y)
{
    uint64_t r;
    gen(NULL, seed, x, y, &r);
    return r;
}

/* Writes functions seed0.. into buf (WORDS words apart), count of them. */
static void emit_all(uint32_t *buf, uint64_t seed0, int count)
{
    uint64_t unused;
    for (int i = 0; i < count; i++)
        gen(buf + (size_t)i * WORDS, seed0 + (uint64_t)i, 0, 0, &unused);
}

static volatile int stop;

/* Static code: a checksum the worker knows the answer to. */
static __attribute__((noinline)) uint64_t fold(uint64_t v)
{
    for (int i = 0; i < 64; i++)
        v = (v >> 7 | v << 57) + (uint64_t)i * 0x5851f42d4c957f2du;
    return v;
}

static void *worker(void *arg)
{
    uintptr_t me = (uintptr_t)arg;
    size_t len = (size_t)WORKER_FUNCS * WORDS * 4;
    uint32_t *buf = mmap(NULL, len, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED)
        return (void *)1;
    uint64_t seed0 = 1000000 + me * 1000;
    emit_all(buf, seed0, WORKER_FUNCS);
    __builtin___clear_cache((char *)buf, (char *)buf + len);
    uint64_t want_fold = fold(me), wrong = 0, rounds = 0;
    while (!stop || rounds < 10) {
        for (int i = 0; i < WORKER_FUNCS; i++) {
            uint64_t x = rounds * 31 + (uint64_t)i, y = me + 3;
            wrong += ((gen_fn)(buf + (size_t)i * WORDS))(x, y) != model(seed0 + (uint64_t)i, x, y);
        }
        wrong += fold(me) != want_fold;
        rounds++;
    }
    munmap(buf, len);
    return (void *)(uintptr_t)wrong;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    start_alarm_watchdog(50);
    stage = "generated code with workers running";
    pthread_t w[WORKERS];
    for (uintptr_t i = 0; i < WORKERS; i++)
        w[i] = start_thread(NULL, worker, (void *)i);

    size_t len = (size_t)FUNCS * WORDS * 4;
    uint32_t *buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(buf != MAP_FAILED);
    if (buf == MAP_FAILED)
        return guest_done();
    uint64_t wrong = 0, calls = 0;
    for (int pass = 0; pass < PASSES; pass++) {
        /* New code each pass: other constants in the same place. */
        CHECK(mprotect(buf, len, PROT_READ | PROT_WRITE) == 0);
        emit_all(buf, (uint64_t)pass * FUNCS, FUNCS);
        CHECK(mprotect(buf, len, PROT_READ | PROT_EXEC) == 0);
        __builtin___clear_cache((char *)buf, (char *)buf + len);
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < FUNCS; i++) {
                uint64_t x = (uint64_t)i * 77 + (uint64_t)round, y = (uint64_t)pass + 5;
                uint64_t seed = (uint64_t)pass * FUNCS + (uint64_t)i;
                wrong += ((gen_fn)(buf + (size_t)i * WORDS))(x, y) != model(seed, x, y);
                calls++;
            }
    }
    stop = 1;
    uint64_t worker_wrong = 0;
    for (int i = 0; i < WORKERS; i++) {
        void *v;
        pthread_join(w[i], &v);
        worker_wrong += (uintptr_t)v;
    }
    printf("%lu calls of generated functions, %lu wrong; workers: %lu wrong\n", (unsigned long)calls,
           (unsigned long)wrong, (unsigned long)worker_wrong);
    CHECK(wrong == 0 && worker_wrong == 0);
    return guest_done();
}
