/* Streaming over large arrays, STREAM's four kernels in turn: copy
 * (c = a), scale (b = q c), add (c = a + b) and triad (a = b + q c), on three
 * arrays of 2^21 doubles (16 MiB each) at the default scale. Check: each
 * element went through the same operations as a scalar started from its
 * initial value (eight different ones), so every element must equal that
 * scalar's result bit for bit. */
#include "bench.h"

static uint64_t stream_run(long scale)
{
    long n = (scale < 16 ? scale : 16) * (1L << 17), passes = scale;
    double *a = bench_alloc((size_t)n * sizeof *a), *b = bench_alloc((size_t)n * sizeof *b);
    double *c = bench_alloc((size_t)n * sizeof *c);
    /* q^2 + 2q < 1: the values shrink by 0.890625 a pass, and stay far from
     * denormals (whose slow paths would measure something else) */
    const double q = 0.375;
    for (long i = 0; i < n; i++) {
        a[i] = 1 + (double)(i & 7);
        b[i] = 2;
        c[i] = 0;
    }
    for (long p = 0; p < passes; p++) {
        for (long i = 0; i < n; i++)
            c[i] = a[i];
        for (long i = 0; i < n; i++)
            b[i] = q * c[i];
        for (long i = 0; i < n; i++)
            c[i] = a[i] + b[i];
        for (long i = 0; i < n; i++)
            a[i] = b[i] + q * c[i];
    }
    double ea[8], eb[8], ec[8];
    for (int k = 0; k < 8; k++) {
        ea[k] = 1 + (double)k;
        eb[k] = 2;
        ec[k] = 0;
        for (long p = 0; p < passes; p++) {
            ec[k] = ea[k];
            eb[k] = q * ec[k];
            ec[k] = ea[k] + eb[k];
            ea[k] = eb[k] + q * ec[k];
        }
    }
    uint64_t h = 0;
    for (long i = 0; i < n; i++) {
        int k = (int)(i & 7);
        if (a[i] != ea[k] || b[i] != eb[k] || c[i] != ec[k])
            bench_fail("element %ld: %.17g %.17g %.17g, the scalar gives %.17g %.17g %.17g", i,
                       a[i], b[i], c[i], ea[k], eb[k], ec[k]);
    }
    for (int k = 0; k < 8; k++)
        h = bench_mix(bench_mix(bench_mix(h, bench_dbits(ea[k])), bench_dbits(eb[k])), bench_dbits(ec[k]));
    free(a);
    free(b);
    free(c);
    return bench_mix(h, (uint64_t)n);
}

BENCH_MAIN(stream, 30)
