/* Sorting: quicksort (median of three, insertion sort for short runs) and a
 * bottom-up merge sort of the same pseudo-random ints. Check: both outputs
 * agree element by element, are in order, and hold the same multiset as
 * the input (sum and sum of a mixing function of every element). */
#include "bench.h"

static void insertion_sort(int32_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        int32_t v = a[i];
        long j = i;
        for (; j > 0 && a[j - 1] > v; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}

static void quick_sort(int32_t *a, long n)
{
    while (n > 16) {
        long m = n / 2;
        /* median of first, middle and last as the pivot */
        if (a[m] < a[0]) { int32_t t = a[m]; a[m] = a[0]; a[0] = t; }
        if (a[n - 1] < a[0]) { int32_t t = a[n - 1]; a[n - 1] = a[0]; a[0] = t; }
        if (a[n - 1] < a[m]) { int32_t t = a[n - 1]; a[n - 1] = a[m]; a[m] = t; }
        int32_t pivot = a[m];
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i >= j)
                break;
            int32_t t = a[i]; a[i] = a[j]; a[j] = t;
            i++;
            j--;
        }
        /* recurse into the smaller side, loop on the larger */
        if (j + 1 < n - j - 1) {
            quick_sort(a, j + 1);
            a += j + 1;
            n -= j + 1;
        } else {
            quick_sort(a + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion_sort(a, n);
}

static void merge_sort(int32_t *a, int32_t *tmp, long n)
{
    int32_t *src = a, *dst = tmp;
    for (long w = 1; w < n; w *= 2) {
        for (long lo = 0; lo < n; lo += 2 * w) {
            long mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            long i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        int32_t *t = src; src = dst; dst = t;
    }
    if (src != a)
        memcpy(a, src, (size_t)n * sizeof *a);
}

static uint64_t scramble(int32_t v)
{
    uint64_t s = (uint32_t)v;
    return bench_rand(&s);
}

static uint64_t sort_run(long scale)
{
    long n = 4096 * scale;
    int32_t *q = bench_alloc((size_t)n * sizeof *q), *m = bench_alloc((size_t)n * sizeof *m);
    int32_t *tmp = bench_alloc((size_t)n * sizeof *tmp);
    uint64_t seed = 42, sum_in = 0, mix_in = 0;
    for (long i = 0; i < n; i++) {
        /* a limited range, so that there are duplicates to get right */
        q[i] = m[i] = (int32_t)(bench_rand(&seed) % (uint64_t)(n * 4)) - (int32_t)n;
        sum_in += (uint64_t)(int64_t)q[i];
        mix_in += scramble(q[i]);
    }
    quick_sort(q, n);
    merge_sort(m, tmp, n);
    uint64_t sum_out = 0, mix_out = 0, h = 0;
    for (long i = 0; i < n; i++) {
        if (q[i] != m[i])
            bench_fail("quicksort and merge sort differ at %ld: %d vs %d", i, q[i], m[i]);
        if (i && q[i - 1] > q[i])
            bench_fail("out of order at %ld: %d > %d", i, q[i - 1], q[i]);
        sum_out += (uint64_t)(int64_t)q[i];
        mix_out += scramble(q[i]);
        if (i % 64 == 0)
            h = bench_mix(h, (uint32_t)q[i]);
    }
    if (sum_in != sum_out || mix_in != mix_out)
        bench_fail("the sorted array is not a permutation of the input");
    free(q);
    free(m);
    free(tmp);
    return h;
}

BENCH_MAIN(sort, 330)
