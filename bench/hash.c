/* Hashing: an open-addressing (linear probing) table of 64-bit keys, filled
 * with keys drawn with repeats, then looked up with the same keys and with
 * keys that cannot be in it. Check: every present key maps to the count of
 * its insertions, no absent key is found, and the table's distinct-key count
 * equals the one found by sorting the keys (radix sort). */
#include "bench.h"

struct slot { uint64_t key; uint64_t count; };  /* key 0: empty */

static uint64_t hash64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

static struct slot *find_slot(struct slot *t, uint64_t mask, uint64_t key)
{
    uint64_t i = hash64(key) & mask;
    while (t[i].key && t[i].key != key)
        i = (i + 1) & mask;
    return &t[i];
}

static void radix_sort(uint64_t *a, uint64_t *tmp, long n)
{
    for (int shift = 0; shift < 64; shift += 16) {
        static long count[65537];
        memset(count, 0, sizeof count);
        for (long i = 0; i < n; i++)
            count[((a[i] >> shift) & 0xffff) + 1]++;
        for (int d = 0; d < 65536; d++)
            count[d + 1] += count[d];
        for (long i = 0; i < n; i++)
            tmp[count[(a[i] >> shift) & 0xffff]++] = a[i];
        memcpy(a, tmp, (size_t)n * sizeof *a);
    }
}

static uint64_t hash_run(long scale)
{
    long n = 2048 * scale;
    uint64_t size = 1;
    while (size < (uint64_t)n * 2)
        size *= 2;
    struct slot *t = bench_alloc(size * sizeof *t);
    uint64_t *keys = bench_alloc((size_t)n * sizeof *keys), *tmp = bench_alloc((size_t)n * sizeof *tmp);
    memset(t, 0, size * sizeof *t);
    /* about one key in three drawn again; odd keys only, absent ones even */
    uint64_t seed = 7, distinct = 0;
    for (long i = 0; i < n; i++) {
        uint64_t r = bench_rand(&seed);
        keys[i] = (r % 3 == 0 && i > 0) ? keys[r % (uint64_t)i] : (r | 1);
        struct slot *s = find_slot(t, size - 1, keys[i]);
        if (!s->key) {
            s->key = keys[i];
            distinct++;
        }
        s->count++;
    }
    uint64_t h = 0;
    for (int pass = 0; pass < 4; pass++)
        for (long i = 0; i < n; i++) {
            struct slot *s = find_slot(t, size - 1, keys[i]);
            if (s->key != keys[i])
                bench_fail("key %016llx inserted but not found", (unsigned long long)keys[i]);
            h = bench_mix(h, s->count);
            struct slot *a = find_slot(t, size - 1, keys[i] + 1 + 2 * (uint64_t)pass);
            if (a->key)
                bench_fail("even key %016llx found", (unsigned long long)a->key);
        }
    radix_sort(keys, tmp, n);
    uint64_t sorted_distinct = 0, run = 0;
    for (long i = 0; i < n; i++) {
        run++;
        if (i + 1 == n || keys[i + 1] != keys[i]) {
            if (find_slot(t, size - 1, keys[i])->count != run)
                bench_fail("key %016llx counted %llu times, inserted %llu times",
                           (unsigned long long)keys[i],
                           (unsigned long long)find_slot(t, size - 1, keys[i])->count,
                           (unsigned long long)run);
            sorted_distinct++;
            run = 0;
        }
    }
    if (sorted_distinct != distinct)
        bench_fail("%llu distinct keys in the table, %llu after sorting",
                   (unsigned long long)distinct, (unsigned long long)sorted_distinct);
    free(t);
    free(keys);
    free(tmp);
    return bench_mix(h, distinct);
}

BENCH_MAIN(hash, 420)
