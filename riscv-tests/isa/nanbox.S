/* An f register whose bits 63..32 are not all ones holds no single value:
 * every single-precision operation other than the moves and fsw reads it as
 * the canonical NaN 0x7fc00000 (a quiet NaN, so no invalid flag where a quiet
 * NaN raises none), and every single result is written NaN-boxed. */
#include "macros.h"

#define UNBOXED  0x000000003f800000	/* 1.0 without its box */
#define HALFBOX  0xfffffffe3f800000	/* one bit short */
#define ONE_S    0x3f800000
#define MONE_S   0xbf800000

/* fa1 = raw 64 bits a, fa2 = single b; fa0 = insn(fa1, fa2) */
.macro TEST_UB2 num, insn, exp, flags, a, b
	CASE \num
	li t0, \a
	fmv.d.x fa1, t0
	FSET s, fa2, \b
	fsflags x0
	\insn fa0, fa1, fa2
	EXPECT_FLAGS \flags
	FEXPECT s, fa0, \exp
.endm

/* The same with the unboxed value second. */
.macro TEST_UB2R num, insn, exp, flags, a, b
	CASE \num
	FSET s, fa1, \a
	li t0, \b
	fmv.d.x fa2, t0
	fsflags x0
	\insn fa0, fa1, fa2
	EXPECT_FLAGS \flags
	FEXPECT s, fa0, \exp
.endm

TEST_BEGIN
	/* arithmetic */
	TEST_UB2 1, fadd.s, 0x7fc00000, 0, UNBOXED, ONE_S
	TEST_UB2 2, fmul.s, 0x7fc00000, 0, HALFBOX, ONE_S
	TEST_UB2R 3, fsub.s, 0x7fc00000, 0, ONE_S, UNBOXED
	TEST_UB2 4, fmin.s, ONE_S, 0, UNBOXED, ONE_S		/* NaN and a number: the number */
	TEST_UB2R 5, fmax.s, MONE_S, 0, MONE_S, HALFBOX
	/* sign injection uses the canonical NaN as the value */
	TEST_UB2 6, fsgnj.s, 0xffc00000, 0, UNBOXED, MONE_S
	TEST_UB2 7, fsgnjn.s, 0xffc00000, 0, UNBOXED, ONE_S
	TEST_UB2 8, fsgnjx.s, 0xffc00000, 0, UNBOXED, MONE_S
	TEST_UB2R 9, fsgnj.s, ONE_S, 0, MONE_S, UNBOXED		/* the NaN's sign is + */
	TEST_UB2R 10, fsgnjn.s, MONE_S, 0, ONE_S, UNBOXED
	TEST_UB2R 11, fsgnjx.s, MONE_S, 0, MONE_S, UNBOXED

	CASE 12				/* fmv.s (fsgnj.s rd, rs, rs) of an unboxed value */
	li t0, UNBOXED
	fmv.d.x fa1, t0
	fmv.s fa0, fa1
	FEXPECT s, fa0, 0x7fc00000
	CASE 13				/* fsqrt.s */
	li t0, UNBOXED
	fmv.d.x fa1, t0
	fsflags x0
	fsqrt.s fa0, fa1
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0x7fc00000
	CASE 14				/* fmadd.s, unboxed addend */
	FSET s, fa1, ONE_S
	FSET s, fa2, ONE_S
	li t0, UNBOXED
	fmv.d.x fa3, t0
	fsflags x0
	fmadd.s fa0, fa1, fa2, fa3
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0x7fc00000

	/* comparisons and classification */
	CASE 15
	li t0, UNBOXED
	fmv.d.x fa1, t0
	fclass.s a0, fa1
	EXPECT a0, 0x200		/* quiet NaN */
	CASE 16
	fsflags x0
	feq.s a0, fa1, fa1		/* quiet: no flag */
	EXPECT_FLAGS 0
	EXPECT a0, 0
	CASE 17
	FSET s, fa2, ONE_S
	fle.s a0, fa2, fa1		/* ordered comparison with a NaN: invalid */
	EXPECT_FLAGS NV
	EXPECT a0, 0

	/* conversions */
	CASE 18
	fsflags x0
	fcvt.d.s fa0, fa1
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0x7ff8000000000000
	CASE 19
	fsflags x0
	fcvt.w.s a0, fa1, rtz
	EXPECT_FLAGS NV
	EXPECT a0, 0x7fffffff

	/* the moves out see bits 31..0 and never the NaN */
	CASE 20
	fmv.x.w a0, fa1
	EXPECT a0, ONE_S
	CASE 21
	la a1, nbuf
	fsw fa1, 0(a1)
	lwu a0, 0(a1)
	EXPECT a0, ONE_S

	/* results of single operations are boxed: a double op sees them as NaN */
	CASE 22
	FSET s, fa1, ONE_S
	fadd.s fa0, fa1, fa1
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffff40000000
	CASE 23
	fsflags x0
	fadd.d fa0, fa0, fa0		/* a negative quiet NaN as a double */
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0x7ff8000000000000
	CASE 24				/* fcvt.s.w and fcvt.s.d results are boxed */
	li a1, 3
	fcvt.s.w fa0, a1
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffff40400000
	li a1, 0x4008000000000000
	fmv.d.x fa1, a1
	fcvt.s.d fa0, fa1
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffff40400000
TEST_END

TEST_DATA
nbuf:	.dword 0
