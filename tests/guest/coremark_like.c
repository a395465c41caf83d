/* CoreMark-shaped work: linked-list find/reverse/sort, small matrix
 * multiply-accumulate, a string-scanning state machine and CRC-16 over the
 * results, iterated. Used for inline-cache hit rates (tests/ic_stats.sh) and
 * as an ordinary guest test; with a second argument, that many threads do
 * the same work at once (tests/profile_html.sh's per-thread table) and must
 * all reach the same result. */
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; int16_t data, idx; };

static uint16_t crc16(uint16_t crc, uint32_t v, int bits)
{
    for (int i = 0; i < bits; i++) {
        int x = (v ^ crc) & 1;
        v >>= 1;
        crc >>= 1;
        if (x)
            crc ^= 0xa001;
    }
    return crc;
}

static struct node *list_reverse(struct node *l)
{
    struct node *prev = NULL;
    while (l) {
        struct node *n = l->next;
        l->next = prev;
        prev = l;
        l = n;
    }
    return prev;
}

static int cmp_data(const struct node *a, const struct node *b) { return a->data - b->data; }
static int cmp_idx(const struct node *a, const struct node *b) { return a->idx - b->idx; }

/* Merge sort on a list, with the comparison through a function pointer. */
static struct node *list_sort(struct node *l, int (*cmp)(const struct node *, const struct node *))
{
    if (!l || !l->next)
        return l;
    struct node *slow = l, *fast = l->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct node *b = slow->next;
    slow->next = NULL;
    struct node *a = list_sort(l, cmp);
    b = list_sort(b, cmp);
    struct node head, *t = &head;
    while (a && b) {
        if (cmp(a, b) <= 0) { t->next = a; a = a->next; } else { t->next = b; b = b->next; }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}

static int list_find(struct node *l, int16_t v)
{
    for (int i = 0; l; l = l->next, i++)
        if (l->data == v)
            return i;
    return -1;
}

#define N 16
static __thread int32_t ma[N][N], mb[N][N], mc[N][N];

static uint32_t matrix(int seed)
{
    uint32_t s = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            ma[i][j] = (i * 7 + j * 3 + seed) & 0xff;
            mb[i][j] = (i * 5 - j + seed) & 0x7f;
        }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t acc = 0;
            for (int k = 0; k < N; k++)
                acc += ma[i][k] * mb[k][j];
            mc[i][j] = acc;
            s += (uint32_t)acc;
        }
    return s;
}

enum state { START, INT, FRAC, EXP, SCI, INVALID, NSTATES };

static enum state next_state(enum state st, char c)
{
    int digit = c >= '0' && c <= '9';
    switch (st) {
    case START: return digit ? INT : c == '.' ? FRAC : INVALID;
    case INT: return digit ? INT : c == '.' ? FRAC : c == 'e' ? EXP : INVALID;
    case FRAC: return digit ? FRAC : c == 'e' ? EXP : INVALID;
    case EXP: return digit || c == '-' ? SCI : INVALID;
    case SCI: return digit ? SCI : INVALID;
    default: return INVALID;
    }
}

static unsigned states(const char *in, unsigned counts[NSTATES])
{
    unsigned tokens = 0;
    for (const char *p = in; *p; p++) {
        enum state st = START;
        while (*p && *p != ',')
            st = next_state(st, *p++);
        counts[st]++;
        tokens++;
        if (!*p)
            break;
    }
    return tokens;
}

struct work {
    int iters;
    uint16_t crc;
    int16_t head;
};

static void *work(void *arg)
{
    struct work *w = arg;
    enum { LEN = 200 };
    struct node *pool = malloc(LEN * sizeof *pool), *list = NULL;
    for (int i = 0; i < LEN; i++) {
        pool[i].data = (int16_t)((i * 7919) % 1013);
        pool[i].idx = (int16_t)i;
        pool[i].next = list;
        list = &pool[i];
    }
    const char *text = "123,4.5,6e-7,abc,0.25,99e9,12.,.5,7e,--,3141592,2.71828e0";
    uint16_t crc = 0;
    for (int it = 0; it < w->iters; it++) {
        list = list_sort(list, cmp_data);
        crc = crc16(crc, (uint32_t)list_find(list, (int16_t)(it % 1013)), 16);
        list = list_reverse(list);
        list = list_sort(list, cmp_idx);
        crc = crc16(crc, matrix(it), 32);
        unsigned counts[NSTATES] = { 0 };
        crc = crc16(crc, states(text, counts), 8);
        for (int s = 0; s < NSTATES; s++)
            crc = crc16(crc, counts[s], 8);
    }
    w->crc = crc;
    w->head = list->data;
    free(pool);
    return NULL;
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 300;
    int threads = argc > 2 ? atoi(argv[2]) : 0;
    if (threads < 0 || threads > 64) {
        fprintf(stderr, "coremark-like: 0 to 64 threads\n");
        return 2;
    }
    struct work w[65];
    pthread_t tid[64];
    for (int t = 0; t <= threads; t++)
        w[t].iters = iters;
    for (int t = 1; t <= threads; t++)
        if (pthread_create(&tid[t - 1], NULL, work, &w[t]) != 0) {
            fprintf(stderr, "coremark-like: pthread_create failed\n");
            return 1;
        }
    work(&w[0]);
    for (int t = 1; t <= threads; t++) {
        pthread_join(tid[t - 1], NULL);
        if (w[t].crc != w[0].crc || w[t].head != w[0].head) {
            fprintf(stderr, "coremark-like: thread %d got crc 0x%04x head %d\n", t, w[t].crc, w[t].head);
            return 1;
        }
    }
    printf("coremark-like: %d iterations, crc 0x%04x, head %d", iters, w[0].crc, w[0].head);
    printf(threads ? ", in %d more threads\n" : "\n", threads);
    return 0;
}
