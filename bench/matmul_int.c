/* Integer matrix multiply: C = A * B for n x n matrices of 32-bit ints with
 * wrapping arithmetic, i-k-j loop order, repeated with C fed back as the
 * next A. Check (Freivalds): A * (B * x) == C * x for pseudo-random vectors
 * x, an O(n^2) computation that shares no loop with the product. */
#include "bench.h"

static void matmul(const uint32_t *a, const uint32_t *b, uint32_t *c, int n)
{
    memset(c, 0, (size_t)n * n * sizeof *c);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            uint32_t aik = a[i * n + k];
            const uint32_t *brow = b + k * n;
            uint32_t *crow = c + i * n;
            for (int j = 0; j < n; j++)
                crow[j] += aik * brow[j];
        }
}

static void matvec(const uint32_t *m, const uint32_t *x, uint32_t *y, int n)
{
    for (int i = 0; i < n; i++) {
        uint32_t s = 0;
        for (int j = 0; j < n; j++)
            s += m[i * n + j] * x[j];
        y[i] = s;
    }
}

static void freivalds(const uint32_t *a, const uint32_t *b, const uint32_t *c, int n, uint64_t *seed)
{
    uint32_t *x = bench_alloc((size_t)n * 4 * sizeof *x), *bx = x + n, *abx = bx + n, *cx = abx + n;
    for (int t = 0; t < 2; t++) {
        for (int j = 0; j < n; j++)
            x[j] = (uint32_t)bench_rand(seed);
        matvec(b, x, bx, n);
        matvec(a, bx, abx, n);
        matvec(c, x, cx, n);
        for (int i = 0; i < n; i++)
            if (abx[i] != cx[i])
                bench_fail("row %d: A(Bx) = %08x, Cx = %08x", i, abx[i], cx[i]);
    }
    free(x);
}

static uint64_t matmul_int_run(long scale)
{
    int n = 96;
    long reps = scale;
    size_t sz = (size_t)n * n;
    uint32_t *a = bench_alloc(sz * sizeof *a), *b = bench_alloc(sz * sizeof *b), *c = bench_alloc(sz * sizeof *c);
    uint64_t seed = 11, h = 0;
    for (size_t i = 0; i < sz; i++) {
        a[i] = (uint32_t)bench_rand(&seed);
        b[i] = (uint32_t)bench_rand(&seed);
    }
    for (long r = 0; r < reps; r++) {
        matmul(a, b, c, n);
        if (r == 0 || r == reps - 1)
            freivalds(a, b, c, n, &seed);
        h = bench_mix(h, c[(size_t)r % sz]);
        uint32_t *t = a; a = c; c = t;
    }
    for (size_t i = 0; i < sz; i++)
        h = bench_mix(h, a[i]);
    free(a);
    free(b);
    free(c);
    return h;
}

BENCH_MAIN(matmul_int, 1140)
