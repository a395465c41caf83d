/* The records rand_diff's host driver (rand_diff.c) and its riscv64 guest
 * (rand_guest.c, rand_harness.S) exchange: the guest reads struct rd_case
 * records from stdin and writes one struct rd_result per case to stdout.
 * Both sides are little-endian 64-bit, so the layout is the same. */
#ifndef RAND_DIFF_H
#define RAND_DIFF_H

#include <stdint.h>

#define RD_MAX_BYTES 1280      /* a sequence's code: up to 320 words */
#define RD_BUF_BYTES 1024      /* the scratch buffer loads and stores use */
/* The two base registers point into the buffer (both 8-aligned): s0 (x8)
 * for the wide and compressed forms, sp (x2) for the sp-relative ones. s0
 * is the start of a page, so misaligned accesses around it cross pages. */
#define RD_S0_OFF 512
#define RD_SP_OFF 384
/* Code pages and the buffer sit at fixed addresses, so auipc and addresses
 * in registers are the same under both. Each case has two code pages, and
 * the boundary between them falls inside its sequence. */
#define RD_CODE_BASE 0x20000000ul
#define RD_BUF_BASE 0x1f000000ul
#define RD_BATCH 2000          /* cases in one guest run at most */
#define RD_MAX_THREADS 16      /* guest threads running cases at once; each has a buffer
                                  page pair from RD_BUF_BASE + 8192 * thread */

struct rd_case {
    uint64_t x[32];             /* x2, x3 and x8 are set by the guest */
    uint64_t f[32];
    uint64_t fcsr;
    uint32_t nbytes;            /* bytes of code */
    uint32_t split;             /* bytes of it before the page boundary (even) */
    uint8_t buf[RD_BUF_BYTES];
    uint8_t code[RD_MAX_BYTES];
};

struct rd_result {
    uint64_t x[32];
    uint64_t f[32];
    uint64_t fcsr;
    uint8_t buf[RD_BUF_BYTES];
};

#endif
