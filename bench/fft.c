/* FFT: an in-place iterative radix-2 complex transform of 2^16 points,
 * forward and back, pass after pass. The twiddle factors come from the
 * half-angle formulas (sqrt only), so that no libm sin/cos, which may
 * round differently between hosts, enters the result. Check: the inverse
 * gives the input back to 1e-9, Parseval's identity holds to 1e-9, and a
 * few bins equal the direct DFT sum. */
#include <math.h>
#include "bench.h"

enum { LOGN = 16, N = 1 << LOGN };

struct cpx { double re, im; };

static struct cpx tw[N];    /* tw[k] = exp(-2 pi i k / N) */

static struct cpx cmul(struct cpx a, struct cpx b)
{
    return (struct cpx){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re };
}

static void twiddles(void)
{
    /* cos and sin of 2 pi / 2^j for j = 1..LOGN */
    double c[LOGN + 1], s[LOGN + 1];
    c[1] = -1;
    s[1] = 0;
    c[2] = 0;
    s[2] = 1;
    for (int j = 2; j < LOGN; j++) {
        c[j + 1] = sqrt((1 + c[j]) / 2);
        s[j + 1] = s[j] / (2 * c[j + 1]);
    }
    tw[0] = (struct cpx){ 1, 0 };
    /* tw[2^b] is the angle 2 pi / 2^(LOGN - b); the rest by products */
    for (int b = 0; b < LOGN; b++) {
        struct cpx base = { c[LOGN - b], -s[LOGN - b] };
        for (int k = 0; k < 1 << b; k++)
            tw[(1 << b) + k] = cmul(tw[k], base);
    }
}

static void fft(struct cpx *x, int inverse)
{
    for (unsigned i = 1, j = 0; i < N; i++) {
        unsigned bit = N >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j |= bit;
        if (i < j) {
            struct cpx t = x[i]; x[i] = x[j]; x[j] = t;
        }
    }
    for (int len = 2; len <= N; len <<= 1) {
        int step = N / len;
        for (int i = 0; i < N; i += len)
            for (int k = 0; k < len / 2; k++) {
                struct cpx w = tw[k * step];
                if (inverse)
                    w.im = -w.im;
                struct cpx u = x[i + k], v = cmul(x[i + k + len / 2], w);
                x[i + k] = (struct cpx){ u.re + v.re, u.im + v.im };
                x[i + k + len / 2] = (struct cpx){ u.re - v.re, u.im - v.im };
            }
    }
    if (inverse)
        for (int i = 0; i < N; i++) {
            x[i].re /= N;
            x[i].im /= N;
        }
}

static uint64_t fft_run(long scale)
{
    twiddles();
    struct cpx *x = bench_alloc(N * sizeof *x), *orig = bench_alloc(N * sizeof *orig);
    uint64_t seed = 31, h = 0;
    for (long pass = 0; pass < scale; pass++) {
        double energy = 0;
        for (int i = 0; i < N; i++) {
            orig[i].re = (double)(bench_rand(&seed) >> 11) / (double)(1ull << 53) * 2 - 1;
            orig[i].im = (double)(bench_rand(&seed) >> 11) / (double)(1ull << 53) * 2 - 1;
            energy += orig[i].re * orig[i].re + orig[i].im * orig[i].im;
        }
        memcpy(x, orig, N * sizeof *x);
        fft(x, 0);
        double spectrum = 0;
        for (int i = 0; i < N; i++)
            spectrum += x[i].re * x[i].re + x[i].im * x[i].im;
        if (fabs(spectrum / N - energy) > 1e-9 * energy)
            bench_fail("pass %ld: Parseval: %.15g in the spectrum, %.15g in the signal", pass,
                       spectrum / N, energy);
        if (pass % 8 == 0)
            for (int k = 1; k < N; k *= 37) {
                struct cpx d = { 0, 0 };
                for (int n = 0; n < N; n++) {
                    struct cpx t = cmul(orig[n], tw[(long)k * n % N]);
                    d.re += t.re;
                    d.im += t.im;
                }
                if (fabs(d.re - x[k].re) > 1e-8 * N || fabs(d.im - x[k].im) > 1e-8 * N)
                    bench_fail("pass %ld: bin %d is %g%+gi, the direct sum %g%+gi", pass, k,
                               x[k].re, x[k].im, d.re, d.im);
            }
        h = bench_mix(h, bench_dbits(x[pass % N].re));
        fft(x, 1);
        for (int i = 0; i < N; i++)
            if (fabs(x[i].re - orig[i].re) > 1e-9 || fabs(x[i].im - orig[i].im) > 1e-9)
                bench_fail("pass %ld: point %d comes back as %g%+gi, was %g%+gi", pass, i,
                           x[i].re, x[i].im, orig[i].re, orig[i].im);
        h = bench_mix(h, bench_dbits(x[pass % N].im));
    }
    free(x);
    free(orig);
    return h;
}

BENCH_MAIN(fft, 80)
