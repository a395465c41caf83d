/* rand_diff's guest: a static riscv64 program that reads struct rd_case
 * records from stdin until EOF, runs each sequence from a code page of its
 * own (prologue and epilogue from rand_harness.S around it) and writes one
 * struct rd_result per case to stdout, each as soon as it is done, so that
 * the driver can tell which case stopped a run; or, given a number of
 * threads, runs them on that many threads at once (see run_threads). Pages
 * are never reused in a run: no translated code goes stale. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "tests/fuzz/rand_diff.h"

struct rd_ctx {                 /* offsets as in rand_harness.S */
    uint64_t in_x[32], in_f[32], in_fcsr;
    uint64_t out_x[32], out_f[32], out_fcsr;
    uint64_t save[16];
};

extern const uint8_t rand_prologue[], rand_prologue_end[];
extern const uint8_t rand_epilogue[], rand_epilogue_end[];
void rand_run(struct rd_ctx *ctx, const void *code);

static struct rd_ctx ctx;

static size_t read_full(void *p, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(0, (char *)p + got, len - got);
        if (n < 0)
            return (size_t)-1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return got;
}

static int write_full(const void *p, size_t len)
{
    while (len) {
        ssize_t n = write(1, p, len);
        if (n <= 0)
            return -1;
        p = (const char *)p + n;
        len -= (size_t)n;
    }
    return 0;
}

/* Case i's code pages, rebuilt for it: no translation of an earlier case
 * can stand for it. */
static const uint8_t *place(unsigned i, const struct rd_case *c)
{
    size_t pro = (size_t)(rand_prologue_end - rand_prologue);
    size_t epi = (size_t)(rand_epilogue_end - rand_epilogue);
    uint8_t *two = (uint8_t *)RD_CODE_BASE + (size_t)i * 8192;
    uint8_t *page = two + 4096 - c->split - pro;
    memcpy(page, rand_prologue, pro);
    memcpy(page + pro, c->code, c->nbytes);
    memcpy(page + pro + c->nbytes, rand_epilogue, epi);
    if (mprotect(two, 8192, PROT_READ | PROT_EXEC)) {
        perror("rand_guest: mprotect");
        return NULL;
    }
    __asm__ volatile("fence.i" ::: "memory");
    return page;
}

/* Runs case i on the scratch buffer bufpage (its page boundary at s0). */
static int run_case(unsigned i, const struct rd_case *c, uint8_t *bufpage, struct rd_ctx *ctx,
                    struct rd_result *r)
{
    uint8_t *buf = bufpage + 4096 - RD_S0_OFF;
    const uint8_t *page = place(i, c);
    if (!page)
        return -1;
    memcpy(buf, c->buf, RD_BUF_BYTES);
    memcpy(ctx->in_x, c->x, sizeof ctx->in_x);
    memcpy(ctx->in_f, c->f, sizeof ctx->in_f);
    ctx->in_fcsr = c->fcsr;
    ctx->in_x[0] = 0;
    ctx->in_x[2] = (uint64_t)(uintptr_t)(buf + RD_SP_OFF);
    ctx->in_x[8] = (uint64_t)(uintptr_t)(buf + RD_S0_OFF);
    rand_run(ctx, page);
    memcpy(r->x, ctx->out_x, sizeof r->x);
    memcpy(r->f, ctx->out_f, sizeof r->f);
    r->fcsr = ctx->out_fcsr;
    memcpy(r->buf, buf, RD_BUF_BYTES);
    return 0;
}

static bool bad_case(unsigned i, const struct rd_case *c)
{
    size_t pro = (size_t)(rand_prologue_end - rand_prologue);
    size_t epi = (size_t)(rand_epilogue_end - rand_epilogue);
    return c->nbytes > RD_MAX_BYTES || c->split > c->nbytes || c->split & 1 || i >= RD_BATCH ||
           pro + c->split > 4096 || c->nbytes - c->split + epi > 4096;
}

/* With threads: all cases are read first, thread k runs cases k, k + T,
 * k + 2T, ... on a scratch buffer of its own, all threads at once (each
 * placing code and running it while the others do), and the results are
 * written in case order once every thread is done. */
static struct rd_case *all_cases;
static struct rd_result *all_results;
static unsigned n_cases, n_threads;
static pthread_barrier_t start;     /* every thread begins at once */

struct worker {
    pthread_t th;
    unsigned k;
    int err;
};

static void *work(void *arg)
{
    /* static, not on the thread's stack: gp points at it in every result */
    static struct rd_ctx tctx[RD_MAX_THREADS];
    struct worker *w = arg;
    uint8_t *bufpage = (uint8_t *)RD_BUF_BASE + (size_t)w->k * 8192;
    pthread_barrier_wait(&start);
    for (unsigned i = w->k; i < n_cases; i += n_threads)
        if (run_case(i, &all_cases[i], bufpage, &tctx[w->k], &all_results[i]))
            w->err = 1;
    return NULL;
}

static int run_threads(void)
{
    static struct worker w[RD_MAX_THREADS];
    all_cases = malloc((size_t)RD_BATCH * sizeof *all_cases);
    all_results = malloc((size_t)RD_BATCH * sizeof *all_results);
    if (!all_cases || !all_results)
        return 2;
    for (;;) {
        size_t got = read_full(&all_cases[n_cases], sizeof *all_cases);
        if (got == 0)
            break;
        if (got != sizeof *all_cases || bad_case(n_cases, &all_cases[n_cases])) {
            fprintf(stderr, "rand_guest: bad case %u\n", n_cases);
            return 2;
        }
        n_cases++;
    }
    pthread_barrier_init(&start, NULL, n_threads);
    for (unsigned k = 0; k < n_threads; k++) {
        w[k].k = k;
        if (pthread_create(&w[k].th, NULL, work, &w[k]) != 0) {
            fprintf(stderr, "rand_guest: pthread_create failed\n");
            return 2;
        }
    }
    int err = 0;
    for (unsigned k = 0; k < n_threads; k++) {
        pthread_join(w[k].th, NULL);
        err |= w[k].err;
    }
    if (err)
        return 2;
    if (write_full(all_results, (size_t)n_cases * sizeof *all_results)) {
        perror("rand_guest: write");
        return 2;
    }
    return 0;
}

/* rand_guest [THREADS]: without threads each result is written as soon as
 * its case is done, so that the driver can tell which case stopped a run. */
int main(int argc, char **argv)
{
    static struct rd_case c;
    static struct rd_result r;
    n_threads = argc > 1 ? (unsigned)atoi(argv[1]) : 1;
    if (n_threads < 1 || n_threads > RD_MAX_THREADS) {
        fprintf(stderr, "rand_guest: 1 to %d threads\n", RD_MAX_THREADS);
        return 2;
    }
    uint8_t *pages = mmap((void *)RD_CODE_BASE, (size_t)RD_BATCH * 8192,
                          PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    uint8_t *bufpages = mmap((void *)RD_BUF_BASE, (size_t)RD_MAX_THREADS * 8192, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (pages == MAP_FAILED || bufpages == MAP_FAILED) {
        perror("rand_guest: mmap");
        return 2;
    }
    if (n_threads > 1)
        return run_threads();
    for (unsigned i = 0;; i++) {
        size_t got = read_full(&c, sizeof c);
        if (got == 0)
            return 0;
        if (got != sizeof c || bad_case(i, &c)) {
            fprintf(stderr, "rand_guest: bad case %u\n", i);
            return 2;
        }
        if (run_case(i, &c, bufpages, &ctx, &r) || write_full(&r, sizeof r)) {
            perror("rand_guest: write");
            return 2;
        }
    }
}
