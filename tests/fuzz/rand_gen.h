/* rand_diff's generator: random but valid RV64GC sequences, as units of one
 * to three instructions, so that the shrinker drops an LR/SC pair or a base register's set-up
 * together with its use, and
 * a branch keeps naming "skip the next k units" whatever is dropped. */
#ifndef RAND_GEN_H
#define RAND_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tests/fuzz/rand_diff.h"

#define RG_MAX_UNITS 300

enum rg_kind {
    RG_PLAIN,       /* w[0..n-1] as they are */
    RG_BRANCH,      /* B-type w[0], offset filled in by rg_layout */
    RG_JAL,         /* J-type w[0] */
    RG_CBRANCH,     /* c.beqz / c.bnez */
    RG_CJ,          /* c.j */
    RG_JALR,        /* auipc rX, 0; jalr rd, imm(rX): imm filled in */
    RG_CJR,         /* auipc rX, 0; addi rX, rX, imm; c.jr/c.jalr rX */
    /* A loop: RG_LOOP sets the counter (x31 = 1..15) and the walker (x[walk]
     * = an address in the buffer); the units after it, up to RG_BACK, are its
     * body, which writes neither; all of them carry the loop's number. RG_WALK is an access through the
     * walker, or the walker's step. RG_BACK is andi x31, x31, 15; addi x31,
     * x31, -1; blt x0, x31, <the body's first unit>: at most 15 trips from
     * wherever the body is entered. rg_layout makes a loop that the shrinker
     * broke (its RG_LOOP or a body unit gone) straight-line: RG_BACK falls
     * through, an RG_WALK without its RG_LOOP is a nop, and a forward jump
     * into a body from outside lands on its RG_LOOP. */
    RG_LOOP,
    RG_WALK,
    RG_BACK
};

struct rg_unit {
    uint8_t kind, n, skip;
    uint16_t loop;      /* the loop the unit belongs to (1, 2, ...), or 0 */
    uint32_t w[3];
};

struct rg_seq {
    unsigned n;
    uint16_t split;     /* where the page boundary falls, in 1/65536 of it */
    struct rg_unit u[RG_MAX_UNITS];
};

struct rg_rng {
    uint64_t s;
};

uint64_t rg_rand(struct rg_rng *r);
void rg_gen_seq(struct rg_rng *r, struct rg_seq *s);
void rg_gen_state(struct rg_rng *r, struct rd_case *c);
/* Encodes s into c->code and c->nbytes. */
void rg_layout(const struct rg_seq *s, struct rd_case *c);

#endif
