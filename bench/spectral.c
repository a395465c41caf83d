/* Spectral norm (the benchmarks game's): the largest singular value of the
 * infinite matrix a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), cut to
 * n x n, by power iteration on M = A^T A, for a range of n. Check: the
 * last M v equals the one summed column by column instead of row by row;
 * the result is an eigenpair, |Mv - lambda^2 v| <= 1e-6 |v|; lambda^2 lies
 * between bounds found without iterating: |A e1|^2 (the Rayleigh quotient of
 * the first unit vector) below and |A|_1 |A|_inf (largest column sum times
 * largest row sum) above. */
#include <math.h>
#include "bench.h"

static double a(int i, int j)
{
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = A v, or A^T v */
static void mul_av(const double *v, double *out, int n, int transpose)
{
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++)
            s += (transpose ? a(j, i) : a(i, j)) * v[j];
        out[i] = s;
    }
}

static void mul_atav(const double *v, double *out, double *tmp, int n)
{
    mul_av(v, tmp, n, 0);
    mul_av(tmp, out, n, 1);
}

/* A^T (A v) once more, summed the other way round (out += v_j times column
 * j): a check on the products the iteration used. */
static void mul_atav_by_columns(const double *v, double *out, double *tmp, int n)
{
    memset(tmp, 0, (size_t)n * sizeof *tmp);
    memset(out, 0, (size_t)n * sizeof *out);
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
            tmp[i] += a(i, j) * v[j];
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
            out[i] += a(j, i) * tmp[j];
}

static double dot(const double *x, const double *y, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += x[i] * y[i];
    return s;
}

static uint64_t spectral_run(long scale)
{
    enum { MAXN = 272 };
    double u[MAXN], v[MAXN], tmp[MAXN], w[MAXN];
    uint64_t h = 0;
    for (long r = 0; r < scale; r++) {
        int n = 240 + (int)(r % 32);
        for (int i = 0; i < n; i++)
            u[i] = 1;
        for (int k = 0; k < 10; k++) {
            mul_atav(u, v, tmp, n);
            mul_atav(v, u, tmp, n);
        }
        mul_atav_by_columns(v, w, tmp, n);
        for (int i = 0; i < n; i++)
            if (fabs(w[i] - u[i]) > 1e-12 * fabs(u[i]))
                bench_fail("n = %d: (A^T A v)[%d] is %.17g by rows, %.17g by columns", n, i, u[i], w[i]);
        double vv = dot(v, v, n), lambda2 = dot(u, v, n) / vv, res = 0;
        for (int i = 0; i < n; i++)
            res += (u[i] - lambda2 * v[i]) * (u[i] - lambda2 * v[i]);
        double lower = 0, row = 0, col = 0;
        for (int i = 0; i < n; i++) {
            double rs = 0, cs = 0;
            for (int j = 0; j < n; j++) {
                rs += a(i, j);
                cs += a(j, i);
            }
            row = rs > row ? rs : row;
            col = cs > col ? cs : col;
            lower += a(i, 0) * a(i, 0);
        }
        if (sqrt(res) > 1e-6 * sqrt(vv) || lambda2 < lower || lambda2 > row * col)
            bench_fail("n = %d: lambda^2 = %.15g, residual %g, bounds %.15g..%.15g", n, lambda2,
                       sqrt(res / vv), lower, row * col);
        h = bench_mix(h, bench_dbits(sqrt(lambda2)));
    }
    return h;
}

BENCH_MAIN(spectral, 60)
