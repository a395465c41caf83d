/* The instructions fp_diff tests, listed once for the guest (which assembles
 * one snippet per instruction and rounding mode from this list) and for the
 * host driver (which generates operands and names instructions from it).
 *
 *   X(mnemonic, FORM, SRC, MATCH)
 *
 * FORM is the operand shape (registers are fixed: the result goes to fa0 or
 * a0, sources come from fa1-fa3 or a1-a2):
 *   R3RM   fa0 = op(fa1, fa2), rm          R3     fa0 = op(fa1, fa2)
 *   R4RM   fa0 = op(fa1, fa2, fa3), rm     CMP    a0 = op(fa1, fa2)
 *   R1RM   fa0 = op(fa1), rm               F2XN   a0 = op(fa1)
 *   F2X    a0 = op(fa1), rm                X2FN   fa0 = op(a1)
 *   X2F    fa0 = op(a1), rm                MUL    a0 = op(a1, a2)
 *   R1EX, X2FEX: as R1RM and X2F for the conversions that are always exact.
 *     binutils takes no rounding-mode operand for them, yet the rm field is
 *     there and an invalid one must trap, so they are assembled from MATCH,
 *     the instruction word with rd, rs1 and rm zero.
 * SRC is what the sources hold: S (single, NaN-boxed unless the generator
 * chooses otherwise), D (double), W (a 32-bit integer in a 64-bit register)
 * or L (a 64-bit integer). */
#ifndef FP_DIFF_OPS_H
#define FP_DIFF_OPS_H

#define FP_DIFF_OPS(X) \
    X(fadd.s,    R3RM,  S, 0) X(fsub.s,    R3RM,  S, 0) \
    X(fmul.s,    R3RM,  S, 0) X(fdiv.s,    R3RM,  S, 0) \
    X(fsqrt.s,   R1RM,  S, 0) \
    X(fmin.s,    R3,    S, 0) X(fmax.s,    R3,    S, 0) \
    X(fmadd.s,   R4RM,  S, 0) X(fmsub.s,   R4RM,  S, 0) \
    X(fnmadd.s,  R4RM,  S, 0) X(fnmsub.s,  R4RM,  S, 0) \
    X(fsgnj.s,   R3,    S, 0) X(fsgnjn.s,  R3,    S, 0) \
    X(fsgnjx.s,  R3,    S, 0) \
    X(feq.s,     CMP,   S, 0) X(flt.s,     CMP,   S, 0) \
    X(fle.s,     CMP,   S, 0) X(fclass.s,  F2XN,  S, 0) \
    X(fcvt.w.s,  F2X,   S, 0) X(fcvt.wu.s, F2X,   S, 0) \
    X(fcvt.l.s,  F2X,   S, 0) X(fcvt.lu.s, F2X,   S, 0) \
    X(fcvt.s.w,  X2F,   W, 0) X(fcvt.s.wu, X2F,   W, 0) \
    X(fcvt.s.l,  X2F,   L, 0) X(fcvt.s.lu, X2F,   L, 0) \
    X(fmv.x.w,   F2XN,  S, 0) X(fmv.w.x,   X2FN,  W, 0) \
    X(fadd.d,    R3RM,  D, 0) X(fsub.d,    R3RM,  D, 0) \
    X(fmul.d,    R3RM,  D, 0) X(fdiv.d,    R3RM,  D, 0) \
    X(fsqrt.d,   R1RM,  D, 0) \
    X(fmin.d,    R3,    D, 0) X(fmax.d,    R3,    D, 0) \
    X(fmadd.d,   R4RM,  D, 0) X(fmsub.d,   R4RM,  D, 0) \
    X(fnmadd.d,  R4RM,  D, 0) X(fnmsub.d,  R4RM,  D, 0) \
    X(fsgnj.d,   R3,    D, 0) X(fsgnjn.d,  R3,    D, 0) \
    X(fsgnjx.d,  R3,    D, 0) \
    X(feq.d,     CMP,   D, 0) X(flt.d,     CMP,   D, 0) \
    X(fle.d,     CMP,   D, 0) X(fclass.d,  F2XN,  D, 0) \
    X(fcvt.w.d,  F2X,   D, 0) X(fcvt.wu.d, F2X,   D, 0) \
    X(fcvt.l.d,  F2X,   D, 0) X(fcvt.lu.d, F2X,   D, 0) \
    X(fcvt.d.w,  X2FEX, W, 0xd2000053) X(fcvt.d.wu, X2FEX, W, 0xd2100053) \
    X(fcvt.d.l,  X2F,   L, 0) X(fcvt.d.lu, X2F,   L, 0) \
    X(fmv.x.d,   F2XN,  D, 0) X(fmv.d.x,   X2FN,  L, 0) \
    X(fcvt.s.d,  R1RM,  D, 0) X(fcvt.d.s,  R1EX,  S, 0x42000053) \
    X(mul,       MUL,   L, 0) X(mulh,      MUL,   L, 0) \
    X(mulhsu,    MUL,   L, 0) X(mulhu,     MUL,   L, 0) \
    X(div,       MUL,   L, 0) X(divu,      MUL,   L, 0) \
    X(rem,       MUL,   L, 0) X(remu,      MUL,   L, 0) \
    X(mulw,      MUL,   W, 0) X(divw,      MUL,   W, 0) \
    X(divuw,     MUL,   W, 0) X(remw,      MUL,   W, 0) \
    X(remuw,     MUL,   W, 0)

/* Each instruction has 8 snippets, one per rm field value, of 2 words each:
 * the instruction, then `jr t6`. Slots 5 and 6 (reserved rm values) hold the
 * RNE form, which the guest copies with the rm field patched; an
 * instruction without an rm field has its one form in every slot. */
#define FP_DIFF_SNIP_BYTES 8
#define FP_DIFF_OP_BYTES   (8 * FP_DIFF_SNIP_BYTES)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* One case on the guest's stdin. frm and fflags are written to their CSRs
 * before the instruction runs; rm picks the snippet. */
struct fp_case {
    uint16_t op;            /* index in FP_DIFF_OPS */
    uint8_t rm;             /* 0-7: the rm field of the instruction */
    uint8_t frm;            /* 0-7 */
    uint8_t flags;          /* FP_CASE_* */
    uint8_t fflags;         /* usually 0; else the new flags must OR into it */
    uint16_t pad;
    uint64_t a, b, c;       /* into fa1/a1, fa2/a2, fa3/a3 */
};

/* One result on the guest's stdout. fa0 and a0 start as FP_DIFF_SENTINEL. */
struct fp_result {
    uint64_t f;             /* fa0's 64 bits */
    uint64_t x;             /* a0 */
    uint64_t fcsr;          /* frm << 5 | fflags, read right after */
};

/* Run a copy of the snippet placed in a fresh executable page, as a case
 * with rm 5 or 6 always does: the control for those cases. */
#define FP_CASE_STUB 1u

_Static_assert(sizeof(struct fp_case) == 32, "fp_case layout is the wire format");
_Static_assert(sizeof(struct fp_result) == 24, "fp_result layout is the wire format");
#endif

#define FP_DIFF_SENTINEL 0x5eed5eed5eed5eed

/* The guest writes its results this many cases at a time. */
#define FP_DIFF_GUEST_BATCH 1024

#endif
