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
    RG_CJR          /* auipc rX, 0; addi rX, rX, imm; c.jr/c.jalr rX */
};

struct rg_unit {
    uint8_t kind, n, skip;
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
