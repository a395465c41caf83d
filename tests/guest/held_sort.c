/* A sort benchmark and a CSV report. Sorting: insertion, shell, heap, merge
 * (stable, checked on records with equal keys), quicksort (median of three,
 * recursion on the small side), radix sort on unsigned keys and qsort, all on
 * the same pseudo-random data (signed, with duplicates, presorted, reversed)
 * and checked against each other; strings sorted by qsort with strcmp.
 * The CSV part writes a table to a tmpfile, reads it back with fgets and
 * strtok/strtod, and prints per-group count, sum, mean, min, max, median and
 * standard deviation. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

static uint64_t state = 88172645463325252ull;

static uint64_t next_rand(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static void insertion(int *a, int n)
{
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i;
        while (j > 0 && a[j - 1] > v) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

static void shell(int *a, int n)
{
    int gap = 1;
    while (gap < n / 3)
        gap = gap * 3 + 1;
    for (; gap > 0; gap /= 3)
        for (int i = gap; i < n; i++) {
            int v = a[i], j = i;
            while (j >= gap && a[j - gap] > v) {
                a[j] = a[j - gap];
                j -= gap;
            }
            a[j] = v;
        }
}

static void sift(int *a, int root, int n)
{
    for (;;) {
        int child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && a[child + 1] > a[child])
            child++;
        if (a[root] >= a[child])
            return;
        int t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

static void heapsort_(int *a, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--)
        sift(a, i, n);
    for (int end = n - 1; end > 0; end--) {
        int t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift(a, 0, end);
    }
}

static void merge_rec(int *a, int *tmp, int lo, int hi)
{
    if (hi - lo < 2)
        return;
    int mid = lo + (hi - lo) / 2;
    merge_rec(a, tmp, lo, mid);
    merge_rec(a, tmp, mid, hi);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < hi)
        tmp[k++] = a[j++];
    memcpy(a + lo, tmp + lo, (hi - lo) * sizeof *a);
}

static void mergesort_(int *a, int n)
{
    int *tmp = malloc(n * sizeof *tmp);
    merge_rec(a, tmp, 0, n);
    free(tmp);
}

static void quick(int *a, int lo, int hi)
{
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        /* median of three into a[mid] */
        if (a[mid] < a[lo]) { int t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi - 1] < a[lo]) { int t = a[hi - 1]; a[hi - 1] = a[lo]; a[lo] = t; }
        if (a[hi - 1] < a[mid]) { int t = a[hi - 1]; a[hi - 1] = a[mid]; a[mid] = t; }
        int pivot = a[mid], i = lo, j = hi - 1;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                int t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j + 1 - lo < hi - i) {
            quick(a, lo, j + 1);
            lo = i;
        } else {
            quick(a, i, hi);
            hi = j + 1;
        }
    }
    insertion(a + lo, hi - lo);
}

static void quicksort_(int *a, int n)
{
    quick(a, 0, n);
}

static void radix(int *a, int n)
{
    uint32_t *src = malloc(n * sizeof *src), *dst = malloc(n * sizeof *dst);
    for (int i = 0; i < n; i++)
        src[i] = (uint32_t)a[i] ^ 0x80000000u;   /* signed order as unsigned */
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (int i = 0; i < n; i++)
            count[(src[i] >> shift & 0xFF) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (int i = 0; i < n; i++)
            dst[count[src[i] >> shift & 0xFF]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    for (int i = 0; i < n; i++)
        a[i] = (int)(src[i] ^ 0x80000000u);
    free(src);
    free(dst);
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

static void qsort_(int *a, int n)
{
    qsort(a, n, sizeof *a, cmp_int);
}

static const struct { const char *name; void (*fn)(int *, int); int max_n; } sorts[] = {
    {"insertion", insertion, 3000}, {"shell", shell, 1 << 30},  {"heap", heapsort_, 1 << 30},
    {"merge", mergesort_, 1 << 30}, {"quick", quicksort_, 1 << 30}, {"radix", radix, 1 << 30},
    {"qsort", qsort_, 1 << 30},
};

static void bench(const char *label, const int *data, int n)
{
    int *ref = malloc(n * sizeof *ref), *work = malloc(n * sizeof *work);
    memcpy(ref, data, n * sizeof *ref);
    mergesort_(ref, n);
    uint64_t h = 0;
    for (int i = 0; i < n; i++) {
        CHECK(i == 0 || ref[i - 1] <= ref[i]);
        h = h * 1000003 + (uint32_t)ref[i];
    }
    printf("%-9s n=%-6d min %-11d median %-11d max %-11d hash %016llx:", label, n, ref[0], ref[n / 2], ref[n - 1],
           (unsigned long long)h);
    for (size_t s = 0; s < sizeof sorts / sizeof sorts[0]; s++) {
        if (n > sorts[s].max_n)
            continue;
        memcpy(work, data, n * sizeof *work);
        sorts[s].fn(work, n);
        int same = memcmp(work, ref, n * sizeof *ref) == 0;
        CHECK(same);
        printf(" %s%s", sorts[s].name, same ? "" : "(WRONG)");
    }
    printf("\n");
    free(ref);
    free(work);
}

struct row {
    int key;
    int seq;
};

static void stable_check(void)
{
    enum { M = 5000 };
    struct row *r = malloc(M * sizeof *r);
    int *keys = malloc(M * sizeof *keys);
    for (int i = 0; i < M; i++) {
        r[i].key = (int)(next_rand() % 50);
        r[i].seq = i;
    }
    /* stable merge sort on the key, via an index array of keys*M+seq */
    for (int i = 0; i < M; i++)
        keys[i] = r[i].key * M + r[i].seq;
    mergesort_(keys, M);
    int ok = 1;
    for (int i = 1; i < M; i++)
        ok &= keys[i - 1] / M < keys[i] / M || (keys[i - 1] / M == keys[i] / M && keys[i - 1] % M < keys[i] % M);
    printf("stable merge on %d records: %s\n", M, ok ? "stable" : "NOT stable");
    CHECK(ok);
    free(r);
    free(keys);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void strings(void)
{
    enum { S = 2000 };
    char **words = malloc(S * sizeof *words);
    for (int i = 0; i < S; i++) {
        int len = 1 + (int)(next_rand() % 8);
        words[i] = malloc(len + 1);
        for (int k = 0; k < len; k++)
            words[i][k] = (char)('a' + next_rand() % 6);
        words[i][len] = 0;
    }
    qsort(words, S, sizeof *words, cmp_str);
    int distinct = 1;
    for (int i = 1; i < S; i++) {
        CHECK(strcmp(words[i - 1], words[i]) <= 0);
        distinct += strcmp(words[i - 1], words[i]) != 0;
    }
    printf("strings: first %s %s last %s, %d distinct\n", words[0], words[1], words[S - 1], distinct);
    for (int i = 0; i < S; i++)
        free(words[i]);
    free(words);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void csv_report(void)
{
    static const char *regions[] = {"north", "south", "east", "west", "central"};
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f, "id,region,units,price,note\n");
    for (int i = 0; i < 600; i++) {
        int region = (int)(next_rand() % 5);
        int units = (int)(next_rand() % 100) - 10;
        double price = (double)(next_rand() % 100000) / 100.0;
        fprintf(f, "%d,%s,%d,%.2f,%s\n", i, regions[region], units, price, i % 7 ? "" : "promo");
    }
    rewind(f);
    char line[256];
    CHECK(fgets(line, sizeof line, f) != NULL);
    printf("header: %s", line);
    double values[5][600];
    int count[5] = {0}, negative = 0, promos = 0;
    while (fgets(line, sizeof line, f)) {
        char *save = NULL;
        strtok_r(line, ",", &save);                 /* id */
        char *region = strtok_r(NULL, ",", &save);
        int units = atoi(strtok_r(NULL, ",", &save));
        double price = strtod(strtok_r(NULL, ",", &save), NULL);
        char *note = strtok_r(NULL, ",\n", &save);
        promos += note != NULL;
        negative += units < 0;
        for (int r = 0; r < 5; r++)
            if (!strcmp(region, regions[r]))
                values[r][count[r]++] = units * price;
    }
    fclose(f);
    printf("%-8s %5s %14s %12s %12s %12s %12s %12s\n", "region", "count", "sum", "mean", "min", "max", "median",
           "stddev");
    for (int r = 0; r < 5; r++) {
        int n = count[r];
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++)
            sum += values[r][i];
        double mean = sum / n;
        for (int i = 0; i < n; i++)
            sq += (values[r][i] - mean) * (values[r][i] - mean);
        qsort(values[r], n, sizeof(double), cmp_double);
        double median = n % 2 ? values[r][n / 2] : (values[r][n / 2 - 1] + values[r][n / 2]) / 2;
        printf("%-8s %5d %14.2f %12.2f %12.2f %12.2f %12.2f %12.2f\n", regions[r], n, sum, mean, values[r][0],
               values[r][n - 1], median, sqrt(sq / (n - 1)));
    }
    printf("rows with negative units %d, promos %d\n", negative, promos);
}

int main(void)
{
    enum { N = 20000 };
    int *data = malloc(N * sizeof *data);
    for (int i = 0; i < N; i++)
        data[i] = (int)(next_rand() >> 32);
    bench("random", data, N);
    bench("small", data, 2000);
    for (int i = 0; i < N; i++)
        data[i] = (int)(next_rand() % 100) - 50;
    bench("dups", data, N);
    for (int i = 0; i < N; i++)
        data[i] = i * 3 - N;
    bench("sorted", data, N);
    for (int i = 0; i < N; i++)
        data[i] = N - i;
    bench("reversed", data, N);
    data[0] = INT32_MIN;
    data[1] = INT32_MAX;
    bench("extremes", data, 2500);
    free(data);
    stable_check();
    strings();
    csv_report();
    return guest_done();
}
