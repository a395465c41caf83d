/* rvdbt ISA conformance suite: the macro layer every test includes.
 *
 * A test is one assembly file:
 *
 *     #include "macros.h"
 *     TEST_BEGIN
 *         TEST_RR 1, add, 3, 1, 2
 *         ...
 *     TEST_END
 *
 * It is linked with env_bare.S (M-mode image, reports through tohost) or
 * env_user.S (Linux program, reports through the exit status).  The env
 * jumps to rvt_body with the FPU on and fcsr zero; the body ends with a jump
 * to rvt_pass, or to rvt_fail with the current case number in gp.
 *
 * Register use: gp holds the case number, t5 and t6 are the checkers'
 * scratch, so a case must not keep a value it checks later in them.  The
 * result of the instruction under test is usually a0 (fa0), its operands
 * a1, a2, a3 (fa1, fa2, fa3).
 *
 * The body is assembled with .option norvc so every instruction named in a
 * test is the 32-bit encoding it reads as; the rvc_* tests switch
 * compression back on and name each c.* instruction explicitly.
 *
 * Each file is assembled once per environment with RVT_BARE or RVT_USER
 * defined, for the few cases that only one of them can run.
 *
 * Case numbers are 1..127: an exit status carries them whole, and the
 * runner reads a status of 128 and above as a crash (128 + signal), never as
 * a case.
 */
#ifndef RVT_MACROS_H
#define RVT_MACROS_H

/* fflags bits */
#define NV 0x10
#define DZ 0x08
#define OF 0x04
#define UF 0x02
#define NX 0x01

/* frm encodings */
#define RM_RNE 0
#define RM_RTZ 1
#define RM_RDN 2
#define RM_RUP 3
#define RM_RMM 4

#define TEST_BEGIN \
	.text; .option norvc; .balign 4; .globl rvt_body; rvt_body:
#define TEST_END \
	j rvt_pass

/* An 8-byte aligned scratch area a test may store to. */
#define TEST_DATA .data; .balign 8

#ifdef __ASSEMBLER__

.macro CASE num
	.if (\num < 1) || (\num > 127)
	.error "case numbers are 1..127"
	.endif
	li gp, \num
.endm

/* Fail the current case unless register r holds the 64-bit value v. */
.macro EXPECT r, v
	li t6, \v
	beq \r, t6, .Lrvt_ok\@
	j rvt_fail
.Lrvt_ok\@:
.endm

/* Fail the current case unless registers a and b are equal. */
.macro EXPECT_EQ a, b
	beq \a, \b, .Lrvt_ok\@
	j rvt_fail
.Lrvt_ok\@:
.endm

/* Fail the current case if register r is zero. */
.macro EXPECT_NZ r
	bnez \r, .Lrvt_ok\@
	j rvt_fail
.Lrvt_ok\@:
.endm

/* Fail the current case unless fflags is exactly f. */
.macro EXPECT_FLAGS f
	frflags t5
	EXPECT t5, \f
.endm

/* ---- integer ---- */

/* a0 = insn(a1 = a, a2 = b) */
.macro TEST_RR num, insn, exp, a, b
	CASE \num
	li a1, \a
	li a2, \b
	\insn a0, a1, a2
	EXPECT a0, \exp
.endm

/* a0 = insn(a1 = a, imm) */
.macro TEST_RI num, insn, exp, a, imm
	CASE \num
	li a1, \a
	\insn a0, a1, \imm
	EXPECT a0, \exp
.endm

/* Same operation with rd == rs1 == rs2. */
.macro TEST_RR_SAME num, insn, exp, a
	CASE \num
	li a0, \a
	\insn a0, a0, a0
	EXPECT a0, \exp
.endm

/* ---- floating point ----
 * w is s or d.  Single values are written as their 32-bit pattern; they
 * enter the register NaN-boxed (fmv.w.x) and results are checked as the
 * whole 64-bit register, so an unboxed single result fails.
 *
 * rm is a static rounding mode (rne rtz rdn rup rmm), in which case frm is
 * first set to a different mode so that an implementation reading frm
 * instead of the instruction's rm field fails, or one of dyn_rne dyn_rtz
 * dyn_rdn dyn_rup dyn_rmm: the instruction says dyn and frm holds the mode,
 * or none for the exact conversions the assembler takes without one.
 */

.macro FSET w, fr, v
	li t6, \v
	.ifc \w, s
	fmv.w.x \fr, t6
	.else
	fmv.d.x \fr, t6
	.endif
.endm

.macro FEXPECT w, fr, v
	fmv.x.d t5, \fr
	.ifc \w, s
	EXPECT t5, (0xffffffff00000000 | (\v))
	.else
	EXPECT t5, \v
	.endif
.endm

/* Set frm for rm and clear fflags. */
.macro RM_SET rm
	.set rvt_dyn, 1
	.ifc \rm, none
	.set rvt_dyn, 2
	.endif
	.ifc \rm, dyn_rne
	fsrmi RM_RNE
	.endif
	.ifc \rm, dyn_rtz
	fsrmi RM_RTZ
	.endif
	.ifc \rm, dyn_rdn
	fsrmi RM_RDN
	.endif
	.ifc \rm, dyn_rup
	fsrmi RM_RUP
	.endif
	.ifc \rm, dyn_rmm
	fsrmi RM_RMM
	.endif
	.irp m, rne, rtz, rdn
	.ifc \rm, \m
	.set rvt_dyn, 0
	fsrmi RM_RUP
	.endif
	.endr
	.irp m, rup, rmm
	.ifc \rm, \m
	.set rvt_dyn, 0
	fsrmi RM_RDN
	.endif
	.endr
	fsflags x0
.endm

/* Emit "insn args, rm" with rm turned into the instruction's field. */
.macro RM_OP insn, rm, args:vararg
	.if rvt_dyn == 2
	\insn \args
	.elseif rvt_dyn
	\insn \args, dyn
	.else
	\insn \args, \rm
	.endif
.endm

/* fa0 = insn(fa1 = a) */
.macro TEST_F1 num, w, insn, rm, exp, flags, a
	CASE \num
	FSET \w, fa1, \a
	RM_SET \rm
	RM_OP \insn, \rm, fa0, fa1
	EXPECT_FLAGS \flags
	FEXPECT \w, fa0, \exp
.endm

/* fa0 = insn(fa1 = a, fa2 = b) */
.macro TEST_F2 num, w, insn, rm, exp, flags, a, b
	CASE \num
	FSET \w, fa1, \a
	FSET \w, fa2, \b
	RM_SET \rm
	RM_OP \insn, \rm, fa0, fa1, fa2
	EXPECT_FLAGS \flags
	FEXPECT \w, fa0, \exp
.endm

/* fa0 = insn(fa1 = a, fa2 = b), an instruction without rounding mode */
.macro TEST_F2N num, w, insn, exp, flags, a, b
	CASE \num
	FSET \w, fa1, \a
	FSET \w, fa2, \b
	fsflags x0
	\insn fa0, fa1, fa2
	EXPECT_FLAGS \flags
	FEXPECT \w, fa0, \exp
.endm

/* fa0 = insn(fa1 = a, fa2 = b, fa3 = c) */
.macro TEST_F3 num, w, insn, rm, exp, flags, a, b, c
	CASE \num
	FSET \w, fa1, \a
	FSET \w, fa2, \b
	FSET \w, fa3, \c
	RM_SET \rm
	RM_OP \insn, \rm, fa0, fa1, fa2, fa3
	EXPECT_FLAGS \flags
	FEXPECT \w, fa0, \exp
.endm

/* a0 = insn(fa1 = a, fa2 = b): feq, flt, fle */
.macro TEST_FCMP num, w, insn, exp, flags, a, b
	CASE \num
	FSET \w, fa1, \a
	FSET \w, fa2, \b
	fsflags x0
	\insn a0, fa1, fa2
	EXPECT_FLAGS \flags
	EXPECT a0, \exp
.endm

/* a0 = fclass(fa1 = a) */
.macro TEST_FCLASS num, w, exp, a
	CASE \num
	FSET \w, fa1, \a
	fsflags x0
	fclass.\w a0, fa1
	EXPECT_FLAGS 0
	EXPECT a0, \exp
.endm

/* a0 = insn(fa1 = a): float to integer */
.macro TEST_F2I num, w, insn, rm, exp, flags, a
	CASE \num
	FSET \w, fa1, \a
	RM_SET \rm
	RM_OP \insn, \rm, a0, fa1
	EXPECT_FLAGS \flags
	EXPECT a0, \exp
.endm

/* fa0 = insn(a1 = i): integer to float; w is the result's width */
.macro TEST_I2F num, w, insn, rm, exp, flags, i
	CASE \num
	li a1, \i
	RM_SET \rm
	RM_OP \insn, \rm, fa0, a1
	EXPECT_FLAGS \flags
	FEXPECT \w, fa0, \exp
.endm

/* fa0 (width wd) = insn(fa1 = a, width ws): fcvt.s.d, fcvt.d.s */
.macro TEST_FCVT num, wd, ws, insn, rm, exp, flags, a
	CASE \num
	FSET \ws, fa1, \a
	RM_SET \rm
	RM_OP \insn, \rm, fa0, fa1
	EXPECT_FLAGS \flags
	FEXPECT \wd, fa0, \exp
.endm

#endif /* __ASSEMBLER__ */
#endif /* RVT_MACROS_H */
