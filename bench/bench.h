/* What every benchmark program shares. A program computes one result,
 * checks it a second way (another algorithm, an inverse, a closed form or an
 * invariant the result must keep), and prints one line "NAME ok CHECKSUM".
 * A failed check prints "NAME FAILED: why" and exits 1. Nothing here reads
 * a clock: bench/run.py times whole runs from outside, so the guest's own
 * time syscalls cannot disturb what is measured.
 *
 * The checksum must be the same on x86-64 and riscv64, so that
 * tests/bench_check.sh can compare a translated run with the native one:
 * no pointer values, no plain char (signed on x86-64, unsigned on riscv64),
 * no libm beyond sqrt (correctly rounded on both), and the build keeps
 * a*b+c as two roundings (-ffp-contract=off, see bench/module.mk). */
#ifndef BENCH_H
#define BENCH_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *bench_name;

__attribute__((noreturn, format(printf, 1, 2)))
static void bench_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s FAILED: ", bench_name);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    exit(1);
}

/* splitmix64: a stream of well-mixed 64-bit values from any seed. */
static inline uint64_t bench_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Folds v into the running checksum h. */
static inline uint64_t bench_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static inline uint64_t bench_dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static inline void *bench_alloc(size_t bytes)
{
    void *p = malloc(bytes);
    if (!p)
        bench_fail("out of memory allocating %zu bytes", bytes);
    return p;
}

/* main of every benchmark: `NAME [SCALE]`. The work grows with SCALE, a
 * positive integer; 1 runs for a few milliseconds (tests/bench_check.sh),
 * the default about half a second natively (bench/run.py). */
static int bench_main(int argc, char **argv, const char *name, long default_scale,
                      uint64_t (*run)(long scale))
{
    bench_name = name;
    long scale = default_scale;
    if (argc > 2)
        goto usage;
    if (argc == 2) {
        char *end;
        scale = strtol(argv[1], &end, 10);
        if (end == argv[1] || *end || scale < 1 || scale > 1000000)
            goto usage;
    }
    printf("%s ok %016llx\n", name, (unsigned long long)run(scale));
    return 0;
usage:
    fprintf(stderr, "usage: %s [SCALE]   (SCALE 1..1000000, default %ld)\n", name, default_scale);
    return 2;
}

/* The program NAME runs NAME_run(scale). */
#define BENCH_MAIN(name, default_scale)                                  \
    int main(int argc, char **argv)                                      \
    {                                                                    \
        return bench_main(argc, argv, #name, default_scale, name##_run); \
    }

#endif
