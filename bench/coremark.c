/* A CoreMark-like mix, one iteration after another: a linked list searched,
 * partitioned and merge-sorted by two keys; a small int16 matrix product
 * with a multiply-accumulate; a state machine classifying numeric tokens; a
 * CRC-16 folding every result into the next iteration's seed. Check: the
 * partition keeps every item and puts the even ones first; the list is in
 * order after each sort (and back in index order after the second); the
 * product's element sum equals the closed form sum_k colsum_A(k) *
 * rowsum_B(k); the state machine puts every token in the class the
 * generator built it for. */
#include "bench.h"

static uint16_t crc16_fold(uint16_t crc, uint32_t v)
{
    for (int i = 0; i < 32; i++) {
        int bit = (int)((v ^ crc) & 1);
        v >>= 1;
        crc = (uint16_t)(crc >> 1) ^ (uint16_t)(bit ? 0xa001 : 0);
    }
    return crc;
}

struct item { struct item *next; int32_t value; int32_t index; };

static int by_value(const struct item *a, const struct item *b) { return a->value < b->value || (a->value == b->value && a->index < b->index); }
static int by_index(const struct item *a, const struct item *b) { return a->index < b->index; }

/* Bottom-up merge sort of a list (no recursion, as CoreMark's). */
static struct item *list_sort(struct item *list, int (*before)(const struct item *, const struct item *))
{
    for (long width = 1;; width *= 2) {
        struct item *p = list, *tail = NULL;
        list = NULL;
        long merges = 0;
        while (p) {
            merges++;
            struct item *q = p;
            long psize = 0, qsize = width;
            while (psize < width && q) {
                psize++;
                q = q->next;
            }
            while (psize > 0 || (qsize > 0 && q)) {
                struct item *e;
                if (!psize) { e = q; q = q->next; qsize--; }
                else if (!qsize || !q || !before(q, p)) { e = p; p = p->next; psize--; }
                else { e = q; q = q->next; qsize--; }
                if (tail)
                    tail->next = e;
                else
                    list = e;
                tail = e;
            }
            p = q;
        }
        tail->next = NULL;
        if (merges <= 1)
            return list;
    }
}

/* Stable partition: the items with an even value first, the odd after
 * them, each group in its old order; *nodd counts the second group. */
static struct item *list_partition(struct item *l, long *nodd)
{
    struct item even, odd, *te = &even, *to = &odd;
    *nodd = 0;
    for (; l; l = l->next) {
        if (l->value & 1) {
            to = to->next = l;
            ++*nodd;
        } else {
            te = te->next = l;
        }
    }
    to->next = NULL;
    te->next = odd.next;
    return even.next;
}

enum { NLIST = 600, NMAT = 24, NTOK = 64 };

static uint16_t list_part(struct item *pool, struct item **head, uint16_t seed, long it)
{
    struct item *l = *head;
    int32_t want = (int32_t)(seed % 1024);
    int found = -1, pos = 0;
    for (struct item *p = l; p; p = p->next, pos++)
        if (p->value == want) {
            found = pos;
            break;
        }
    long nodd, odd_seen = 0;
    l = list_partition(l, &nodd);
    for (struct item *p = l; p; p = p->next)
        if (p->value & 1)
            odd_seen++;
        else if (odd_seen)
            bench_fail("iteration %ld: an even value after an odd one in the partitioned list", it);
    if (odd_seen != nodd)
        bench_fail("iteration %ld: %ld odd values moved, %ld found", it, nodd, odd_seen);
    for (int i = 0; i < NLIST; i += 37)
        pool[i].value = (int32_t)((pool[i].value + seed) & 1023);
    l = list_sort(l, by_value);
    int64_t prev = -1, n = 0;
    for (struct item *p = l; p; p = p->next, n++) {
        if (p->value < prev)
            bench_fail("iteration %ld: list out of order after the sort by value", it);
        prev = p->value;
    }
    l = list_sort(l, by_index);
    n = 0;
    for (struct item *p = l; p; p = p->next, n++)
        if (p->index != n)
            bench_fail("iteration %ld: item %lld of the list has index %d", it, (long long)n, p->index);
    if (n != NLIST)
        bench_fail("iteration %ld: %lld items in the list", it, (long long)n);
    *head = l;
    return crc16_fold(seed, (uint32_t)found);
}

static uint16_t matrix_part(uint16_t seed, long it)
{
    int16_t a[NMAT][NMAT], b[NMAT][NMAT];
    int32_t c[NMAT][NMAT];
    for (int i = 0; i < NMAT; i++)
        for (int j = 0; j < NMAT; j++) {
            a[i][j] = (int16_t)((i * 31 + j * 17 + seed) % 257 - 128);
            b[i][j] = (int16_t)((i * 13 - j * 7 + seed * 3) % 251);
        }
    int64_t sum = 0;
    for (int i = 0; i < NMAT; i++)
        for (int j = 0; j < NMAT; j++) {
            int32_t acc = 0;
            for (int k = 0; k < NMAT; k++)
                acc += a[i][k] * b[k][j];
            c[i][j] = acc;
            sum += acc;
        }
    int64_t want = 0;
    for (int k = 0; k < NMAT; k++) {
        int64_t col = 0, row = 0;
        for (int i = 0; i < NMAT; i++) {
            col += a[i][k];
            row += b[k][i];
        }
        want += col * row;
    }
    if (sum != want)
        bench_fail("iteration %ld: the product sums to %lld, the closed form to %lld", it,
                   (long long)sum, (long long)want);
    uint16_t crc = seed;
    for (int i = 0; i < NMAT; i++)
        crc = crc16_fold(crc, (uint32_t)c[i][(i + seed) % NMAT]);
    return crc;
}

enum cls { INT, FLOAT, SCI, BAD, NCLS };

/* One token of class k into out (NUL-terminated), from r's bits. */
static void make_token(enum cls k, uint64_t r, uint8_t *out)
{
    int n = 0, digits = 1 + (int)(r % 5);
    r /= 5;
    if (r & 1)
        out[n++] = r & 2 ? '-' : '+';
    r >>= 2;
    for (int i = 0; i < digits; i++, r /= 10)
        out[n++] = (uint8_t)('0' + r % 10);
    if (k == FLOAT || k == SCI) {
        out[n++] = '.';
        out[n++] = (uint8_t)('0' + r % 10);
        r /= 10;
    }
    if (k == SCI) {
        out[n++] = r & 1 ? 'e' : 'E';
        if (r & 2)
            out[n++] = '-';
        out[n++] = (uint8_t)('1' + r % 9);
    }
    if (k == BAD)
        out[n++] = (uint8_t)"x.e+-"[r % 5];
    out[n] = 0;
}

enum state { S_START, S_SIGN, S_INT, S_DOT, S_FRAC, S_EXP, S_EXPSIGN, S_EXPDIG, S_BAD };

static enum cls classify(const uint8_t *t)
{
    enum state s = S_START;
    for (; *t; t++) {
        int c = *t, digit = c >= '0' && c <= '9';
        switch (s) {
        case S_START: s = digit ? S_INT : c == '+' || c == '-' ? S_SIGN : S_BAD; break;
        case S_SIGN: s = digit ? S_INT : S_BAD; break;
        case S_INT: s = digit ? S_INT : c == '.' ? S_DOT : S_BAD; break;
        case S_DOT: s = digit ? S_FRAC : S_BAD; break;
        case S_FRAC: s = digit ? S_FRAC : c == 'e' || c == 'E' ? S_EXP : S_BAD; break;
        case S_EXP: s = digit ? S_EXPDIG : c == '-' || c == '+' ? S_EXPSIGN : S_BAD; break;
        case S_EXPSIGN: s = digit ? S_EXPDIG : S_BAD; break;
        case S_EXPDIG: s = digit ? S_EXPDIG : S_BAD; break;
        default: break;
        }
    }
    return s == S_INT ? INT : s == S_FRAC ? FLOAT : s == S_EXPDIG ? SCI : BAD;
}

static uint16_t state_part(uint16_t seed, uint64_t *rng, long it)
{
    uint8_t tok[32];
    unsigned counts[NCLS] = { 0 };
    for (int i = 0; i < NTOK; i++) {
        enum cls k = (enum cls)((seed + i) % NCLS);
        make_token(k, bench_rand(rng), tok);
        enum cls got = classify(tok);
        if (got != k)
            bench_fail("iteration %ld: token \"%s\" classed %d, built as %d", it, (const char *)tok, got, k);
        counts[got]++;
    }
    uint16_t crc = seed;
    for (int k = 0; k < NCLS; k++)
        crc = crc16_fold(crc, counts[k]);
    return crc;
}

static uint64_t coremark_run(long scale)
{
    struct item *pool = bench_alloc(NLIST * sizeof *pool), *head = NULL;
    for (int i = NLIST - 1; i >= 0; i--) {
        pool[i].value = (i * 7919) % 1024;
        pool[i].index = i;
        pool[i].next = head;
        head = &pool[i];
    }
    uint64_t rng = 59;
    uint16_t crc = 0;
    for (long it = 0; it < 100 * scale; it++) {
        crc = list_part(pool, &head, crc, it);
        crc = matrix_part(crc, it);
        crc = state_part(crc, &rng, it);
    }
    free(pool);
    return bench_mix(crc, (uint64_t)scale);
}

BENCH_MAIN(coremark, 45)
