/* Binary trees: complete trees of a given depth built node by node with
 * malloc, checked and freed (the allocator-heavy shape of the benchmarks
 * game's binary-trees), and a binary search tree of pseudo-random keys
 * walked in order. Check: a complete tree of depth d has 2^(d+1) - 1 nodes
 * and its item sum is a closed form; the in-order walk is strictly
 * increasing and visits as many keys as were newly inserted. */
#include "bench.h"

struct tnode { struct tnode *left, *right; int64_t item; };

static struct tnode *build(int64_t item, int depth)
{
    struct tnode *t = bench_alloc(sizeof *t);
    t->item = item;
    t->left = depth ? build(2 * item - 1, depth - 1) : NULL;
    t->right = depth ? build(2 * item, depth - 1) : NULL;
    return t;
}

/* nodes counted, items summed, tree freed */
static int64_t check(struct tnode *t, int64_t *sum)
{
    int64_t n = 1;
    *sum += t->item;
    if (t->left) {
        n += check(t->left, sum);
        n += check(t->right, sum);
    }
    free(t);
    return n;
}

/* Sum of the items of build(item, d): the root is item, the children's
 * subtrees 2*item-1 and 2*item, so S(item, d) = item + S(2item-1, d-1) +
 * S(2item, d-1), which is linear in item: S = A_d * item + B_d. */
static void tree_sum_form(int d, int64_t *a, int64_t *b)
{
    *a = 1;
    *b = 0;
    for (int k = 1; k <= d; k++) {
        /* A_k = 1 + 4 A_{k-1},  B_k = 2 B_{k-1} - A_{k-1} */
        int64_t na = 1 + 4 * *a, nb = 2 * *b - *a;
        *a = na;
        *b = nb;
    }
}

struct bst { struct bst *left, *right; uint32_t key; };

static int bst_insert(struct bst **root, struct bst *pool, long *used, uint32_t key)
{
    struct bst **p = root;
    while (*p) {
        if (key == (*p)->key)
            return 0;
        p = key < (*p)->key ? &(*p)->left : &(*p)->right;
    }
    struct bst *nd = &pool[(*used)++];
    nd->left = nd->right = NULL;
    nd->key = key;
    *p = nd;
    return 1;
}

/* in-order walk with an explicit stack; fails on a key out of order */
static long bst_walk(struct bst *t, uint64_t *h)
{
    struct bst *stack[128];
    int sp = 0;
    long n = 0;
    int64_t last = -1;
    while (t || sp) {
        while (t) {
            if (sp == 128)
                bench_fail("search tree deeper than 128");
            stack[sp++] = t;
            t = t->left;
        }
        t = stack[--sp];
        if ((int64_t)t->key <= last)
            bench_fail("in-order walk: %u after %lld", t->key, (long long)last);
        last = t->key;
        if (n % 256 == 0)
            *h = bench_mix(*h, t->key);
        n++;
        t = t->right;
    }
    return n;
}

static uint64_t tree_run(long scale)
{
    enum { NKEY = 4096 };
    static struct bst pool[NKEY];
    uint64_t h = 0, seed = 9;
    for (long r = 0; r < scale; r++) {
        for (int d = 4; d <= 12; d += 2) {
            int64_t sum = 0, item = r - d, a, b;
            int64_t nodes = check(build(item, d), &sum);
            tree_sum_form(d, &a, &b);
            if (nodes != ((int64_t)1 << (d + 1)) - 1 || sum != a * item + b)
                bench_fail("tree of depth %d: %lld nodes, item sum %lld (expected %lld)", d,
                           (long long)nodes, (long long)sum, (long long)(a * item + b));
            h = bench_mix(h, (uint64_t)sum);
        }
        long used = 0, inserted = 0;
        struct bst *root = NULL;
        for (long i = 0; i < NKEY; i++)
            inserted += bst_insert(&root, pool, &used, (uint32_t)(bench_rand(&seed) % (2 * NKEY)));
        long walked = bst_walk(root, &h);
        if (walked != inserted)
            bench_fail("in-order walk visited %ld keys, %ld inserted", walked, inserted);
        h = bench_mix(h, (uint64_t)walked);
    }
    return h;
}

BENCH_MAIN(tree, 470)
