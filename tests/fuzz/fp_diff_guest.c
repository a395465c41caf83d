/* fp_diff's guest: a riscv64 program that reads struct fp_case records from
 * stdin until EOF, runs each through its instruction's snippet
 * (fp_diff_snips.S), and writes one struct fp_result per case to stdout.
 * The host driver (fp_diff.c) runs it under rvdbt and qemu-riscv64 and
 * compares the two outputs.
 *
 * A case with rm 5 or 6 runs a copy of the RNE snippet with the rm field
 * patched, placed in a fresh executable page: the reserved rm values cannot
 * be assembled, and executing such a word must raise SIGILL anyway. A case
 * flagged FP_CASE_STUB runs its snippet copied the same way, unpatched, to
 * show that the copying itself works. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "tests/fuzz/fp_diff_ops.h"

extern const uint32_t fp_diff_snips[], fp_diff_snips_end[];
void fp_diff_run(const struct fp_case *c, struct fp_result *r, const void *snippet);

#define X(mn, form, src, match) +1
enum { NOPS = 0 FP_DIFF_OPS(X) };
#undef X

static size_t read_full(void *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(0, (char *)buf + got, len - got);
        if (n < 0)
            return (size_t)-1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return got;
}

static int write_full(const void *buf, size_t len)
{
    while (len) {
        ssize_t n = write(1, buf, len);
        if (n <= 0)
            return -1;
        buf = (const char *)buf + n;
        len -= (size_t)n;
    }
    return 0;
}

/* A copy of the snippet for (op, rm) in a page of its own; pages are never
 * reused, so no translated code goes stale. */
static const void *stub(unsigned op, unsigned rm)
{
    const uint32_t *snip = fp_diff_snips + (op * 8u + rm) * 2;
    uint32_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return NULL;
    page[0] = snip[0];
    if (rm == 5 || rm == 6)     /* slots 5 and 6 hold the RNE form */
        page[0] = (snip[0] & ~(7u << 12)) | rm << 12;
    page[1] = snip[1];
    if (mprotect(page, 4096, PROT_READ | PROT_EXEC) != 0)
        return NULL;
    __asm__ volatile("fence.i" ::: "memory");
    return page;
}

int main(void)
{
    static struct fp_case in[FP_DIFF_GUEST_BATCH];
    static struct fp_result out[FP_DIFF_GUEST_BATCH];
    size_t got;

    if ((size_t)((const char *)fp_diff_snips_end - (const char *)fp_diff_snips) !=
        (size_t)NOPS * FP_DIFF_OP_BYTES) {
        fprintf(stderr, "fp_diff_guest: snippet table has the wrong size\n");
        return 2;
    }
    while ((got = read_full(in, sizeof in)) != 0) {
        if (got == (size_t)-1 || got % sizeof in[0]) {
            fprintf(stderr, "fp_diff_guest: short or failed read on stdin\n");
            return 2;
        }
        size_t n = got / sizeof in[0];
        for (size_t i = 0; i < n; i++) {
            const struct fp_case *c = &in[i];
            if (c->op >= NOPS || c->rm > 7 || c->frm > 7) {
                fprintf(stderr, "fp_diff_guest: bad case %zu (op %u rm %u frm %u)\n",
                        i, c->op, c->rm, c->frm);
                return 2;
            }
            const void *code = fp_diff_snips + (c->op * 8u + c->rm) * 2;
            if (c->rm == 5 || c->rm == 6 || (c->flags & FP_CASE_STUB)) {
                code = stub(c->op, c->rm);
                if (!code) {
                    perror("fp_diff_guest: stub page");
                    return 2;
                }
            }
            fp_diff_run(c, &out[i], code);
        }
        if (write_full(out, n * sizeof out[0]) != 0) {
            perror("fp_diff_guest: write");
            return 2;
        }
    }
    return 0;
}
