/* Linked-list walk: a doubly linked list of n nodes scattered through
 * memory in a pseudo-random order, walked end to end again and again,
 * forwards along the next links and backwards along the prev links in turn,
 * with one node moved to the front between walks. Check: each walk visits
 * n nodes whose values sum to n(n-1)/2 (the values are 0..n-1 in some
 * order), and the two walks of a pair see the same order reversed: the
 * position-weighted sums of a forward and the following backward walk add
 * up to (n-1) times the value sum. */
#include "bench.h"

struct node { struct node *next, *prev; uint64_t value; };

static uint64_t list_run(long scale)
{
    long n = 1 << 16, pairs = 4 * scale;
    struct node *pool = bench_alloc((size_t)n * sizeof *pool);
    uint32_t *order = bench_alloc((size_t)n * sizeof *order);
    for (long i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    uint64_t seed = 5;
    for (long i = n - 1; i > 0; i--) {
        long j = (long)(bench_rand(&seed) % (uint64_t)(i + 1));
        uint32_t t = order[i]; order[i] = order[j]; order[j] = t;
    }
    /* the k-th node of the list lives at pool[order[k]] and holds k */
    for (long k = 0; k < n; k++) {
        struct node *p = &pool[order[k]];
        p->value = (uint64_t)k;
        p->next = k + 1 < n ? &pool[order[k + 1]] : NULL;
        p->prev = k ? &pool[order[k - 1]] : NULL;
    }
    struct node *head = &pool[order[0]], *tail = &pool[order[n - 1]];
    uint64_t un = (uint64_t)n, total = un * (un - 1) / 2, h = 0;
    for (long w = 0; w < pairs; w++) {
        uint64_t count[2] = { 0, 0 }, sum[2] = { 0, 0 }, weighted[2] = { 0, 0 };
        for (struct node *p = head; p; p = p->next) {
            sum[0] += p->value;
            weighted[0] += count[0]++ * p->value;
        }
        for (struct node *p = tail; p; p = p->prev) {
            sum[1] += p->value;
            weighted[1] += count[1]++ * p->value;
        }
        for (int d = 0; d < 2; d++)
            if (count[d] != un || sum[d] != total)
                bench_fail("walk %ld %s: %llu nodes, value sum %llu", w, d ? "backwards" : "forwards",
                           (unsigned long long)count[d], (unsigned long long)sum[d]);
        if (weighted[0] + weighted[1] != (un - 1) * total)
            bench_fail("walk %ld: the backward walk is not the forward one reversed", w);
        h = bench_mix(h, weighted[0]);
        /* move a node from the middle of the list to the front */
        struct node *m = &pool[(uint64_t)w * 40503 % un];
        if (m != head) {
            m->prev->next = m->next;
            if (m->next)
                m->next->prev = m->prev;
            else
                tail = m->prev;
            m->prev = NULL;
            m->next = head;
            head->prev = m;
            head = m;
        }
    }
    free(pool);
    free(order);
    return h;
}

BENCH_MAIN(list, 40)
