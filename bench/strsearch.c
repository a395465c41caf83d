/* String search: every (overlapping) occurrence of a set of patterns in a
 * pseudo-random text over a four-letter alphabet, found by Horspool's
 * algorithm and by Knuth-Morris-Pratt. Check: both find the same number of
 * occurrences at the same positions (summed), and the patterns planted in
 * the text are found at least as often as they were planted. */
#include "bench.h"

struct hits { uint64_t count, possum; };

static struct hits horspool(const uint8_t *t, size_t n, const uint8_t *p, size_t m)
{
    size_t shift[256];
    for (int c = 0; c < 256; c++)
        shift[c] = m;
    for (size_t i = 0; i + 1 < m; i++)
        shift[p[i]] = m - 1 - i;
    struct hits h = { 0, 0 };
    for (size_t pos = 0; pos + m <= n; pos += shift[t[pos + m - 1]]) {
        size_t k = m;
        while (k && t[pos + k - 1] == p[k - 1])
            k--;
        if (!k) {
            h.count++;
            h.possum += pos;
        }
    }
    return h;
}

static struct hits kmp(const uint8_t *t, size_t n, const uint8_t *p, size_t m, size_t *fail)
{
    fail[0] = 0;
    for (size_t i = 1, k = 0; i < m; i++) {
        while (k && p[i] != p[k])
            k = fail[k - 1];
        if (p[i] == p[k])
            k++;
        fail[i] = k;
    }
    struct hits h = { 0, 0 };
    for (size_t i = 0, k = 0; i < n; i++) {
        while (k && t[i] != p[k])
            k = fail[k - 1];
        if (t[i] == p[k])
            k++;
        if (k == m) {
            h.count++;
            h.possum += i + 1 - m;
            k = fail[k - 1];
        }
    }
    return h;
}

static uint64_t strsearch_run(long scale)
{
    enum { NPAT = 8, N = 1 << 18, GAP = N / (64 * NPAT) };
    static uint8_t text[N];
    static const char *const patterns[NPAT] = {
        "acgt", "ggggc", "tacgattac", "atatatat", "cagtcagtcagt",
        "gattacagattaca", "tttttttttt", "acgtgcatcgatcgatgcta",
    };
    uint64_t seed = 13, planted[NPAT] = { 0 };
    for (size_t i = 0; i < N; i++)
        text[i] = (uint8_t)"acgt"[bench_rand(&seed) & 3];
    for (int k = 0; k < 64 * NPAT; k++) {
        int which = k % NPAT;
        size_t m = strlen(patterns[which]);
        memcpy(text + (size_t)k * GAP, patterns[which], m);
        planted[which]++;
    }
    size_t fail[32];
    uint64_t h = 0;
    for (long r = 0; r < scale; r++) {
        for (int k = 0; k < NPAT; k++) {
            const uint8_t *p = (const uint8_t *)patterns[k];
            size_t m = strlen(patterns[k]);
            struct hits a = horspool(text, N, p, m), b = kmp(text, N, p, m, fail);
            if (a.count != b.count || a.possum != b.possum)
                bench_fail("\"%s\": Horspool %llu hits, KMP %llu", patterns[k],
                           (unsigned long long)a.count, (unsigned long long)b.count);
            if (a.count < planted[k])
                bench_fail("\"%s\": %llu hits, %llu planted", patterns[k],
                           (unsigned long long)a.count, (unsigned long long)planted[k]);
            h = bench_mix(h, a.count * 0x100000000ull + a.possum);
        }
        /* a different text next round, so that no search can be hoisted out
         * of the loop; the change keeps clear of the plants (each at the
         * start of its GAP bytes) */
        size_t at = (size_t)r * 104729 % N;
        text[(at & ~(size_t)(GAP - 1)) + GAP / 2 + at % (GAP / 2)] = (uint8_t)"acgt"[r & 3];
    }
    return h;
}

BENCH_MAIN(strsearch, 16)
