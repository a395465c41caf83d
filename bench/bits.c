/* Bit manipulation by hand, the way code for a machine without Zbb does it:
 * population count (SWAR), count leading and trailing zeros (binary
 * search), bit reversal (swapping ever larger groups) and a parity fold,
 * over a stream of pseudo-random words. Check: the first words are redone
 * one bit at a time, and reverse(reverse(x)) == x, clz(x) == ctz(reverse(x))
 * and popcount(x) + popcount(~x) == 64 hold for every word. */
#include "bench.h"

static int popcount_swar(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (int)((x * 0x0101010101010101ull) >> 56);
}

static int clz_search(uint64_t x)
{
    if (!x)
        return 64;
    int n = 0;
    if (!(x >> 32)) { n += 32; x <<= 32; }
    if (!(x >> 48)) { n += 16; x <<= 16; }
    if (!(x >> 56)) { n += 8; x <<= 8; }
    if (!(x >> 60)) { n += 4; x <<= 4; }
    if (!(x >> 62)) { n += 2; x <<= 2; }
    if (!(x >> 63)) n += 1;
    return n;
}

static int ctz_search(uint64_t x)
{
    if (!x)
        return 64;
    int n = 0;
    if (!(x & 0xffffffffull)) { n += 32; x >>= 32; }
    if (!(x & 0xffff)) { n += 16; x >>= 16; }
    if (!(x & 0xff)) { n += 8; x >>= 8; }
    if (!(x & 0xf)) { n += 4; x >>= 4; }
    if (!(x & 0x3)) { n += 2; x >>= 2; }
    if (!(x & 0x1)) n += 1;
    return n;
}

static uint64_t reverse_swap(uint64_t x)
{
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
    x = ((x >> 8) & 0x00ff00ff00ff00ffull) | ((x & 0x00ff00ff00ff00ffull) << 8);
    x = ((x >> 16) & 0x0000ffff0000ffffull) | ((x & 0x0000ffff0000ffffull) << 16);
    return (x >> 32) | (x << 32);
}

static int parity_fold(uint64_t x)
{
    for (int s = 32; s; s >>= 1)
        x ^= x >> s;
    return (int)(x & 1);
}

/* The same five answers, one bit at a time. */
static void slow_bits(uint64_t x, int *pop, int *clz, int *ctz, uint64_t *rev)
{
    *pop = 0;
    *clz = *ctz = 64;
    *rev = 0;
    for (int i = 0; i < 64; i++) {
        if (x >> i & 1) {
            (*pop)++;
            *clz = 63 - i;
            if (*ctz == 64)
                *ctz = i;
            *rev |= 1ull << (63 - i);
        }
    }
}

static uint64_t bits_run(long scale)
{
    uint64_t seed = 17, h = 0;
    long n = 100000 * scale;
    for (long i = 0; i < n; i++) {
        uint64_t r = bench_rand(&seed);
        /* sparse and dense words too, and some with long zero runs */
        uint64_t x = i % 4 == 0 ? r : i % 4 == 1 ? r & (r >> 7) & (r >> 13)
                   : i % 4 == 2 ? r | (r << 9) : r >> (r & 63);
        int pop = popcount_swar(x), clz = clz_search(x), ctz = ctz_search(x);
        uint64_t rev = reverse_swap(x);
        if (reverse_swap(rev) != x || ctz_search(rev) != clz || pop + popcount_swar(~x) != 64
            || parity_fold(x) != (pop & 1))
            bench_fail("word %016llx: the identities between the results fail",
                       (unsigned long long)x);
        if (i < 10000) {
            int p2, l2, t2;
            uint64_t r2;
            slow_bits(x, &p2, &l2, &t2, &r2);
            if (p2 != pop || l2 != clz || t2 != ctz || r2 != rev)
                bench_fail("word %016llx: popcount %d/%d clz %d/%d ctz %d/%d by hand/bit by bit",
                           (unsigned long long)x, pop, p2, clz, l2, ctz, t2);
        }
        h = bench_mix(h, rev ^ (uint64_t)(pop | clz << 8 | ctz << 16));
    }
    return h;
}

BENCH_MAIN(bits, 70)
