/* rand_diff's guest: a static riscv64 program that reads struct rd_case
 * records from stdin until EOF, runs each sequence from a code page of its
 * own (prologue and epilogue from rand_harness.S around it) and writes one
 * struct rd_result per case to stdout, each as soon as it is done, so that
 * the driver can tell which case stopped a run. Pages are never reused in a
 * run: no translated code goes stale. */
#include <stdio.h>
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

int main(void)
{
    static struct rd_case c;
    static struct rd_result r;
    size_t pro = (size_t)(rand_prologue_end - rand_prologue);
    size_t epi = (size_t)(rand_epilogue_end - rand_epilogue);
    uint8_t *pages = mmap((void *)RD_CODE_BASE, (size_t)RD_BATCH * 8192,
                          PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    uint8_t *bufpages = mmap((void *)RD_BUF_BASE, 8192, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    uint8_t *buf = bufpages + 4096 - RD_S0_OFF;
    if (pages == MAP_FAILED || bufpages == MAP_FAILED) {
        perror("rand_guest: mmap");
        return 2;
    }
    for (unsigned i = 0;; i++) {
        size_t got = read_full(&c, sizeof c);
        if (got == 0)
            return 0;
        if (got != sizeof c || c.nbytes > RD_MAX_BYTES || c.split > c.nbytes || c.split & 1 ||
            i >= RD_BATCH || pro + c.split > 4096 || c.nbytes - c.split + epi > 4096) {
            fprintf(stderr, "rand_guest: bad case %u\n", i);
            return 2;
        }
        uint8_t *two = pages + (size_t)i * 8192;
        uint8_t *page = two + 4096 - c.split - pro;
        memcpy(page, rand_prologue, pro);
        memcpy(page + pro, c.code, c.nbytes);
        memcpy(page + pro + c.nbytes, rand_epilogue, epi);
        if (mprotect(two, 8192, PROT_READ | PROT_EXEC)) {
            perror("rand_guest: mprotect");
            return 2;
        }
        __asm__ volatile("fence.i" ::: "memory");
        memcpy(buf, c.buf, RD_BUF_BYTES);
        memcpy(ctx.in_x, c.x, sizeof ctx.in_x);
        memcpy(ctx.in_f, c.f, sizeof ctx.in_f);
        ctx.in_fcsr = c.fcsr;
        ctx.in_x[0] = 0;
        ctx.in_x[2] = (uint64_t)(uintptr_t)(buf + RD_SP_OFF);
        ctx.in_x[8] = (uint64_t)(uintptr_t)(buf + RD_S0_OFF);
        rand_run(&ctx, page);
        memcpy(r.x, ctx.out_x, sizeof r.x);
        memcpy(r.f, ctx.out_f, sizeof r.f);
        r.fcsr = ctx.out_fcsr;
        memcpy(r.buf, buf, RD_BUF_BYTES);
        if (write_full(&r, sizeof r)) {
            perror("rand_guest: write");
            return 2;
        }
    }
}
