/* Calls through function pointers: a pseudo-random program of small
 * operations on an accumulator, run by calling each step's operation
 * through a table of function pointers, again with a callback-taking
 * fold (qsort-style comparators and visitors). Check: the same program
 * evaluated by a switch on the operation number gives the same results. */
#include "bench.h"

/* Every operation is a one-to-one map of the accumulator, so that the
 * result depends on every step (a step that could reset it would make a
 * wrong early step invisible). */
typedef uint64_t (*op_fn)(uint64_t acc, uint64_t arg);

static uint64_t op_add(uint64_t acc, uint64_t arg) { return acc + arg; }
static uint64_t op_sub(uint64_t acc, uint64_t arg) { return acc - arg; }
static uint64_t op_xor(uint64_t acc, uint64_t arg) { return acc ^ arg; }
static uint64_t op_mul(uint64_t acc, uint64_t arg) { return acc * (arg | 1); }
static uint64_t op_rol(uint64_t acc, uint64_t arg) { int s = (int)(arg & 63); return s ? acc << s | acc >> (64 - s) : acc; }
static uint64_t op_shr(uint64_t acc, uint64_t arg) { return acc ^ (acc >> (1 + (arg & 31))); }
static uint64_t op_cxor(uint64_t acc, uint64_t arg) { return acc & 1 ? acc ^ (arg & ~1ull) : acc + 2; }
static uint64_t op_neg(uint64_t acc, uint64_t arg) { return ~acc + (arg & 0xff); }

static op_fn const ops[8] = { op_add, op_sub, op_xor, op_mul, op_rol, op_shr, op_cxor, op_neg };

static uint64_t by_switch(int op, uint64_t acc, uint64_t arg)
{
    switch (op) {
    case 0: return acc + arg;
    case 1: return acc - arg;
    case 2: return acc ^ arg;
    case 3: return acc * (arg | 1);
    case 4: { int s = (int)(arg & 63); return s ? acc << s | acc >> (64 - s) : acc; }
    case 5: return acc ^ (acc >> (1 + (arg & 31)));
    case 6: return acc & 1 ? acc ^ (arg & ~1ull) : acc + 2;
    default: return ~acc + (arg & 0xff);
    }
}

struct step { uint8_t op; uint64_t arg; };

/* A fold over the steps with the combining function passed in: the call
 * target is a parameter, as in library code that takes callbacks. */
static uint64_t fold(const struct step *s, long n, uint64_t acc,
                     uint64_t (*apply)(const struct step *, uint64_t))
{
    for (long i = 0; i < n; i++)
        acc = apply(&s[i], acc);
    return acc;
}

static uint64_t apply_table(const struct step *s, uint64_t acc) { return ops[s->op](acc, s->arg); }

static uint64_t funcptr_run(long scale)
{
    enum { NSTEP = 4096 };
    static struct step prog[NSTEP];
    uint64_t seed = 47, h = 0;
    for (int i = 0; i < NSTEP; i++) {
        uint64_t r = bench_rand(&seed);
        prog[i].op = (uint8_t)(r % 8);
        prog[i].arg = bench_rand(&seed);
    }
    for (long r = 0; r < 50 * scale; r++) {
        uint64_t acc = (uint64_t)r;
        for (int i = 0; i < NSTEP; i++)
            acc = ops[prog[i].op](acc, prog[i].arg);
        uint64_t folded = fold(prog, NSTEP, (uint64_t)r, apply_table);
        if (r % 64 == 0) {
            uint64_t want = (uint64_t)r;
            for (int i = 0; i < NSTEP; i++)
                want = by_switch(prog[i].op, want, prog[i].arg);
            if (acc != want || folded != want)
                bench_fail("round %ld: through pointers %016llx, folded %016llx, by switch %016llx", r,
                           (unsigned long long)acc, (unsigned long long)folded, (unsigned long long)want);
        }
        h = bench_mix(h, acc ^ folded);
        prog[r % NSTEP].op = (uint8_t)((prog[r % NSTEP].op + 1) % 8);
    }
    return h;
}

BENCH_MAIN(funcptr, 75)
