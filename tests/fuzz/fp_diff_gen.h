/* fp_diff's instruction table and case generator (host side). */
#ifndef FP_DIFF_GEN_H
#define FP_DIFF_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include "tests/fuzz/fp_diff_ops.h"

enum fpd_form { FORM_R3RM, FORM_R4RM, FORM_R1RM, FORM_R1EX, FORM_F2X, FORM_X2F,
                FORM_X2FEX, FORM_R3, FORM_CMP, FORM_F2XN, FORM_X2FN, FORM_MUL };
enum fpd_src { SRC_S, SRC_D, SRC_W, SRC_L };

struct fpd_op {
    const char *name;
    enum fpd_form form;
    enum fpd_src src;
};

extern const struct fpd_op fpd_ops[];
extern const unsigned fpd_nops;

bool fpd_has_rm(const struct fpd_op *op);      /* has an rm field */
bool fpd_x_result(const struct fpd_op *op);    /* writes a0, not fa0 */
unsigned fpd_nsrc(const struct fpd_op *op);    /* sources used: 1-3 */

/* splitmix64: small, seedable, and every seed gives a full-period stream. */
struct fpd_rng { uint64_t s; };
uint64_t fpd_rand(struct fpd_rng *r);
static inline unsigned fpd_below(struct fpd_rng *r, unsigned n)
{
    return (unsigned)(fpd_rand(r) % n);
}

/* Fills c with a case for instruction op: operands drawn with special
 * values weighted (zeros, infinities, NaNs with payloads, subnormals,
 * extreme normals, values at and around integer limits and rounding ties,
 * singles that are not NaN-boxed) and, for an instruction with an rm field,
 * one of its ten valid modes: a static rm with any frm, or DYN with frm 0-4.
 * An instruction without an rm field gets any frm, 5-7 included. A quarter
 * of the F/D cases start with some fflags already set, which must stay. */
void fpd_gen_case(struct fpd_rng *r, unsigned op, struct fp_case *c);

#endif
