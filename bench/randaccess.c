/* Random access in large arrays: pointer chasing around one cycle through
 * 2^22 32-bit indices (16 MiB, Sattolo's shuffle), then RandomAccess-style
 * updates (HPCC's GUPS): x ^= r at pseudo-random places in a table of 2^23
 * 64-bit words (64 MiB), at the default scale. Check: the chase returns to
 * its start after exactly one lap of the array and not before, visiting
 * every index once (their sum is n(n-1)/2); the updates, applied a second
 * time, leave the table as it started (x ^ r ^ r = x). */
#include "bench.h"

static uint64_t randaccess_run(long scale)
{
    /* the arrays grow up to scale 16, then the work repeats */
    long grow = scale < 16 ? scale : 16, laps = (scale + 15) / 16;
    uint32_t n = (uint32_t)grow << 18;
    uint32_t *next = bench_alloc((size_t)n * sizeof *next);
    uint64_t seed = 41, h = 0;
    for (uint32_t i = 0; i < n; i++)
        next[i] = i;
    /* Sattolo: swapping only with earlier places makes a single cycle */
    for (uint32_t i = n - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(bench_rand(&seed) % i), t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    uint32_t at = 0;
    for (long lap = 0; lap < laps; lap++) {
        uint64_t steps = 0, sum = 0;
        do {
            sum += at;
            at = next[at];
            steps++;
        } while (at != 0);
        if (steps != n || sum != (uint64_t)n * (n - 1) / 2)
            bench_fail("lap %ld: back at the start after %llu steps of %u, index sum %llu", lap,
                       (unsigned long long)steps, n, (unsigned long long)sum);
        h = bench_mix(h, steps);
    }
    free(next);

    uint64_t size = (uint64_t)grow << 19, updates = (uint64_t)scale << 18;
    uint64_t *table = bench_alloc(size * sizeof *table);
    for (uint64_t i = 0; i < size; i++)
        table[i] = i * 0x9e3779b97f4a7c15ull;
    for (int round = 0; round < 2; round++) {
        uint64_t s = 43;
        for (uint64_t u = 0; u < updates; u++) {
            uint64_t r = bench_rand(&s);
            table[r & (size - 1)] ^= r;
        }
        if (round == 0)
            for (uint64_t i = 0; i < size; i += size / 64)
                h = bench_mix(h, table[i]);
    }
    for (uint64_t i = 0; i < size; i++)
        if (table[i] != i * 0x9e3779b97f4a7c15ull)
            bench_fail("table word %llu changed by applying the updates twice", (unsigned long long)i);
    free(table);
    return h;
}

BENCH_MAIN(randaccess, 12)
