/* Dense double matrix multiply: C = A * B, 200 x 200, i-k-j order in
 * 40 x 40 blocks, A changing by a row between products. The entries are
 * multiples of 1/8 between -1 and 1, so every product and sum is exact and
 * the order of summation cannot change a bit. Check (Freivalds):
 * A * (B * x) == C * x exactly for integer vectors x. */
#include "bench.h"

enum { N = 200, BLK = 40 };

static void matmul(const double *a, const double *b, double *c)
{
    memset(c, 0, N * N * sizeof *c);
    for (int ii = 0; ii < N; ii += BLK)
        for (int kk = 0; kk < N; kk += BLK)
            for (int jj = 0; jj < N; jj += BLK)
                for (int i = ii; i < ii + BLK; i++)
                    for (int k = kk; k < kk + BLK; k++) {
                        double aik = a[i * N + k];
                        for (int j = jj; j < jj + BLK; j++)
                            c[i * N + j] += aik * b[k * N + j];
                    }
}

static void matvec(const double *m, const double *x, double *y)
{
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++)
            s += m[i * N + j] * x[j];
        y[i] = s;
    }
}

static double entry(uint64_t *seed)
{
    return (double)((int)(bench_rand(seed) % 17) - 8) / 8;
}

static uint64_t matmul_fp_run(long scale)
{
    double *a = bench_alloc(N * N * sizeof *a), *b = bench_alloc(N * N * sizeof *b);
    double *c = bench_alloc(N * N * sizeof *c);
    uint64_t seed = 37, h = 0;
    for (int i = 0; i < N * N; i++) {
        a[i] = entry(&seed);
        b[i] = entry(&seed);
    }
    for (long r = 0; r < scale; r++) {
        for (int j = 0; j < N; j++)
            a[r % N * N + j] = entry(&seed);
        matmul(a, b, c);
        if (r == 0 || r == scale - 1) {
            double x[N], bx[N], abx[N], cx[N];
            for (int j = 0; j < N; j++)
                x[j] = (double)(bench_rand(&seed) % 1000);
            matvec(b, x, bx);
            matvec(a, bx, abx);
            matvec(c, x, cx);
            for (int i = 0; i < N; i++)
                if (abx[i] != cx[i])
                    bench_fail("product %ld, row %d: A(Bx) = %.17g, Cx = %.17g", r, i, abx[i], cx[i]);
        }
        for (int i = r % 7; i < N * N; i += 97)
            h = bench_mix(h, bench_dbits(c[i]));
    }
    free(a);
    free(b);
    free(c);
    return h;
}

BENCH_MAIN(matmul_fp, 95)
