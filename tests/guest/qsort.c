/* Indirect calls: qsort and bsearch through comparator pointers, and a table
 * of operation pointers called in a loop. Each comparator is a total order so
 * the result does not depend on the sort algorithm. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

#define N 2000

static uint32_t seed = 12345;
static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static int cmp_up(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_down(const void *a, const void *b) { return cmp_up(b, a); }
static int cmp_abs(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    int ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    return ax != ay ? (ax > ay) - (ax < ay) : (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct rec { uint16_t key; uint32_t id; };
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static uint64_t op_add(uint64_t a, uint64_t b) { return a + b; }
static uint64_t op_xor(uint64_t a, uint64_t b) { return a ^ b; }
static uint64_t op_mul(uint64_t a, uint64_t b) { return a * (b | 1); }
static uint64_t op_rot(uint64_t a, uint64_t b) { b &= 63; return b ? (a << b) | (a >> (64 - b)) : a; }
static uint64_t (*const ops[])(uint64_t, uint64_t) = { op_add, op_xor, op_mul, op_rot };

static int a[N];

static void sort_and_show(const char *name, int (*cmp)(const void *, const void *))
{
    qsort(a, N, sizeof a[0], cmp);
    unsigned long long sum = 0;
    int sorted = 1;
    for (int i = 0; i < N; i++) {
        sum = sum * 31 + (unsigned)a[i];
        if (i && cmp(&a[i - 1], &a[i]) > 0)
            sorted = 0;
    }
    printf("%-5s first %d %d %d last %d hash %016llx\n", name, a[0], a[1], a[2], a[N - 1], sum);
    CHECK(sorted);
}

int main(void)
{
    for (int i = 0; i < N; i++)
        a[i] = (int)(rnd() % 20001) - 10000;
    sort_and_show("up", cmp_up);
    sort_and_show("down", cmp_down);
    sort_and_show("abs", cmp_abs);

    qsort(a, N, sizeof a[0], cmp_up);
    int found = 0, missing = 0;
    for (int k = -10000; k <= 10000; k += 7) {
        if (bsearch(&k, a, N, sizeof a[0], cmp_up))
            found++;
        else
            missing++;
    }
    printf("bsearch found %d missing %d\n", found, missing);
    CHECK(found + missing == 20001 / 7 + 1);

    static char buf[300][12];
    static char *strs[300];
    for (int i = 0; i < 300; i++) {
        snprintf(buf[i], sizeof buf[i], "w%u", rnd() % 100000);
        strs[i] = buf[i];
    }
    qsort(strs, 300, sizeof strs[0], cmp_str);
    printf("strings %s %s ... %s\n", strs[0], strs[1], strs[299]);
    for (int i = 1; i < 300; i++)
        CHECK(strcmp(strs[i - 1], strs[i]) <= 0);

    static struct rec recs[1000];
    for (uint32_t i = 0; i < 1000; i++)
        recs[i] = (struct rec){ (uint16_t)(rnd() % 50), i };
    qsort(recs, 1000, sizeof recs[0], cmp_rec);
    printf("recs (%u,%u) (%u,%u) (%u,%u)\n", recs[0].key, recs[0].id, recs[500].key,
           recs[500].id, recs[999].key, recs[999].id);

    uint64_t acc = 1;
    for (int i = 0; i < 100000; i++) {
        uint64_t (*op)(uint64_t, uint64_t) = ops[rnd() % 4];
        acc = op(acc, rnd());
    }
    printf("op table result %016llx\n", (unsigned long long)acc);
    return guest_done();
}
