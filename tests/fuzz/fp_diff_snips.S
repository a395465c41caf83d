/* fp_diff's guest side, in assembly: one snippet per instruction and rm
 * field value (laid out as fp_diff_ops.h describes), and fp_diff_run, which
 * loads a case's operands, runs one snippet and stores what it left. The
 * instructions come from the assembler's own mnemonics, not from rvdbt's
 * decoder tables, so an encoding mistake on either side shows. */
#include "tests/fuzz/fp_diff_ops.h"

    .option norvc               /* every snippet is exactly two words */

    .macro snip insn:vararg
    \insn
    jr t6
    .endm

    /* Slot order is the rm field's value; the reserved 5 and 6 hold RNE. */
    .macro snip_R3RM mn, match
    .irp rm, rne, rtz, rdn, rup, rmm, rne, rne, dyn
    snip \mn fa0, fa1, fa2, \rm
    .endr
    .endm
    .macro snip_R4RM mn, match
    .irp rm, rne, rtz, rdn, rup, rmm, rne, rne, dyn
    snip \mn fa0, fa1, fa2, fa3, \rm
    .endr
    .endm
    .macro snip_R1RM mn, match
    .irp rm, rne, rtz, rdn, rup, rmm, rne, rne, dyn
    snip \mn fa0, fa1, \rm
    .endr
    .endm
    .macro snip_F2X mn, match
    .irp rm, rne, rtz, rdn, rup, rmm, rne, rne, dyn
    snip \mn a0, fa1, \rm
    .endr
    .endm
    .macro snip_X2F mn, match
    .irp rm, rne, rtz, rdn, rup, rmm, rne, rne, dyn
    snip \mn fa0, a1, \rm
    .endr
    .endm
    /* rd = fa0 (10), rs1 = fa1 or a1 (11) */
    .macro snip_R1EX mn, match
    .irp rm, 0, 1, 2, 3, 4, 0, 0, 7
    snip .4byte \match | (\rm << 12) | (10 << 7) | (11 << 15)
    .endr
    .endm
    .macro snip_X2FEX mn, match
    snip_R1EX \mn, \match
    .endm

    .macro snip_R3 mn, match
    .rept 8
    snip \mn fa0, fa1, fa2
    .endr
    .endm
    .macro snip_CMP mn, match
    .rept 8
    snip \mn a0, fa1, fa2
    .endr
    .endm
    .macro snip_F2XN mn, match
    .rept 8
    snip \mn a0, fa1
    .endr
    .endm
    .macro snip_X2FN mn, match
    .rept 8
    snip \mn fa0, a1
    .endr
    .endm
    .macro snip_MUL mn, match
    .rept 8
    snip \mn a0, a1, a2
    .endr
    .endm

    .text
    .balign 8
    .globl fp_diff_snips, fp_diff_snips_end
fp_diff_snips:
#define X(mn, form, src, match) snip_##form mn, match;
    FP_DIFF_OPS(X)
#undef X
fp_diff_snips_end:

/* void fp_diff_run(const struct fp_case *c, struct fp_result *r,
 *                  const void *snippet)
 * Sources go into both register files so every form finds its own; the
 * snippet is entered with jalr t6 and returns through it. fcsr is read
 * before anything else can touch it, then cleared for the C code around. */
    .globl fp_diff_run
fp_diff_run:
    mv t4, a1
    mv t5, a2
    ld t0, 8(a0)
    ld t1, 16(a0)
    ld t2, 24(a0)
    lbu t3, 3(a0)
    lbu a4, 5(a0)
    fmv.d.x fa1, t0
    fmv.d.x fa2, t1
    fmv.d.x fa3, t2
    li a0, FP_DIFF_SENTINEL
    fmv.d.x fa0, a0
    mv a1, t0
    mv a2, t1
    mv a3, t2
    fsrm t3
    fsflags a4
    jalr t6, 0(t5)
    frcsr t0
    fscsr zero
    fmv.x.d t1, fa0
    sd t1, 0(t4)
    sd a0, 8(t4)
    sd t0, 16(t4)
    ret
