/* fadd.s, fsub.s: rounding in every mode, flags, signed zeros, NaNs */
#include "macros.h"

TEST_BEGIN

	/* 1 + ulp/2: a tie; RNE keeps the even 1 */
	TEST_F2 1, s, fadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x33800000
	TEST_F2 2, s, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33800000
	TEST_F2 3, s, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33800000
	TEST_F2 4, s, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33800000
	TEST_F2 5, s, fadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x33800000
	TEST_F2 6, s, fadd.s, dyn_rne, 0x3f800000, NX, 0x3f800000, 0x33800000
	TEST_F2 7, s, fadd.s, dyn_rtz, 0x3f800000, NX, 0x3f800000, 0x33800000
	TEST_F2 8, s, fadd.s, dyn_rdn, 0x3f800000, NX, 0x3f800000, 0x33800000
	TEST_F2 9, s, fadd.s, dyn_rup, 0x3f800001, NX, 0x3f800000, 0x33800000
	TEST_F2 10, s, fadd.s, dyn_rmm, 0x3f800001, NX, 0x3f800000, 0x33800000

	/* -1 - ulp/2: a negative tie */
	TEST_F2 11, s, fadd.s, rne, 0xbf800000, NX, 0xbf800000, 0xb3800000
	TEST_F2 12, s, fadd.s, rtz, 0xbf800000, NX, 0xbf800000, 0xb3800000
	TEST_F2 13, s, fadd.s, rdn, 0xbf800001, NX, 0xbf800000, 0xb3800000
	TEST_F2 14, s, fadd.s, rup, 0xbf800000, NX, 0xbf800000, 0xb3800000
	TEST_F2 15, s, fadd.s, rmm, 0xbf800001, NX, 0xbf800000, 0xb3800000
	TEST_F2 16, s, fadd.s, dyn_rne, 0xbf800000, NX, 0xbf800000, 0xb3800000
	TEST_F2 17, s, fadd.s, dyn_rtz, 0xbf800000, NX, 0xbf800000, 0xb3800000
	TEST_F2 18, s, fadd.s, dyn_rdn, 0xbf800001, NX, 0xbf800000, 0xb3800000
	TEST_F2 19, s, fadd.s, dyn_rup, 0xbf800000, NX, 0xbf800000, 0xb3800000
	TEST_F2 20, s, fadd.s, dyn_rmm, 0xbf800001, NX, 0xbf800000, 0xb3800000

	/* (1 + ulp) + ulp/2: a tie; RNE goes up to the even neighbour */
	TEST_F2 21, s, fadd.s, rne, 0x3f800002, NX, 0x3f800001, 0x33800000
	TEST_F2 22, s, fadd.s, rtz, 0x3f800001, NX, 0x3f800001, 0x33800000
	TEST_F2 23, s, fadd.s, rdn, 0x3f800001, NX, 0x3f800001, 0x33800000
	TEST_F2 24, s, fadd.s, rup, 0x3f800002, NX, 0x3f800001, 0x33800000
	TEST_F2 25, s, fadd.s, rmm, 0x3f800002, NX, 0x3f800001, 0x33800000

	/* 1 + 3/4 ulp: above the midpoint */
	TEST_F2 26, s, fadd.s, rne, 0x3f800001, NX, 0x3f800000, 0x33c00000
	TEST_F2 27, s, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33c00000
	TEST_F2 28, s, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33c00000
	TEST_F2 29, s, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33c00000
	TEST_F2 30, s, fadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x33c00000

	/* 1 + 1/4 ulp: below the midpoint */
	TEST_F2 31, s, fadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x33000000
	TEST_F2 32, s, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33000000
	TEST_F2 33, s, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33000000
	TEST_F2 34, s, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33000000
	TEST_F2 35, s, fadd.s, rmm, 0x3f800000, NX, 0x3f800000, 0x33000000

	/* -1 - 3/4 ulp */
	TEST_F2 36, s, fadd.s, rne, 0xbf800001, NX, 0xbf800000, 0xb3c00000
	TEST_F2 37, s, fadd.s, rtz, 0xbf800000, NX, 0xbf800000, 0xb3c00000
	TEST_F2 38, s, fadd.s, rdn, 0xbf800001, NX, 0xbf800000, 0xb3c00000
	TEST_F2 39, s, fadd.s, rup, 0xbf800000, NX, 0xbf800000, 0xb3c00000
	TEST_F2 40, s, fadd.s, rmm, 0xbf800001, NX, 0xbf800000, 0xb3c00000

	/* MAX + MAX overflows: infinity or MAX by mode */
	TEST_F2 41, s, fadd.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x7f7fffff
	TEST_F2 42, s, fadd.s, rtz, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x7f7fffff
	TEST_F2 43, s, fadd.s, rdn, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x7f7fffff
	TEST_F2 44, s, fadd.s, rup, 0x7f800000, OF|NX, 0x7f7fffff, 0x7f7fffff
	TEST_F2 45, s, fadd.s, rmm, 0x7f800000, OF|NX, 0x7f7fffff, 0x7f7fffff

	/* 1 - (-ulp/2): a tie, through fsub */
	TEST_F2 46, s, fsub.s, rne, 0x3f800000, NX, 0x3f800000, 0xb3800000
	TEST_F2 47, s, fsub.s, rtz, 0x3f800000, NX, 0x3f800000, 0xb3800000
	TEST_F2 48, s, fsub.s, rdn, 0x3f800000, NX, 0x3f800000, 0xb3800000
	TEST_F2 49, s, fsub.s, rup, 0x3f800001, NX, 0x3f800000, 0xb3800000
	TEST_F2 50, s, fsub.s, rmm, 0x3f800001, NX, 0x3f800000, 0xb3800000
	TEST_F2 51, s, fsub.s, dyn_rne, 0x3f800000, NX, 0x3f800000, 0xb3800000
	TEST_F2 52, s, fsub.s, dyn_rtz, 0x3f800000, NX, 0x3f800000, 0xb3800000
	TEST_F2 53, s, fsub.s, dyn_rdn, 0x3f800000, NX, 0x3f800000, 0xb3800000
	TEST_F2 54, s, fsub.s, dyn_rup, 0x3f800001, NX, 0x3f800000, 0xb3800000
	TEST_F2 55, s, fsub.s, dyn_rmm, 0x3f800001, NX, 0x3f800000, 0xb3800000

	/* -MAX - MAX overflows negative */
	TEST_F2 56, s, fsub.s, rne, 0xff800000, OF|NX, 0xff7fffff, 0x7f7fffff
	TEST_F2 57, s, fsub.s, rtz, 0xff7fffff, OF|NX, 0xff7fffff, 0x7f7fffff
	TEST_F2 58, s, fsub.s, rdn, 0xff800000, OF|NX, 0xff7fffff, 0x7f7fffff
	TEST_F2 59, s, fsub.s, rup, 0xff7fffff, OF|NX, 0xff7fffff, 0x7f7fffff
	TEST_F2 60, s, fsub.s, rmm, 0xff800000, OF|NX, 0xff7fffff, 0x7f7fffff

	/* x - x is +0, but -0 when rounding down */
	TEST_F2 61, s, fsub.s, rne, 0x00000000, 0, 0x40400000, 0x40400000
	TEST_F2 62, s, fsub.s, rtz, 0x00000000, 0, 0x40400000, 0x40400000
	TEST_F2 63, s, fsub.s, rdn, 0x80000000, 0, 0x40400000, 0x40400000
	TEST_F2 64, s, fsub.s, rup, 0x00000000, 0, 0x40400000, 0x40400000
	TEST_F2 65, s, fsub.s, rmm, 0x00000000, 0, 0x40400000, 0x40400000

	/* exact results, zeros, infinities, subnormals, NaNs */
	TEST_F2 66, s, fadd.s, rne, 0x40400000, 0, 0x3f800000, 0x40000000	/* 1 + 2 = 3, exact */
	TEST_F2 67, s, fsub.s, rne, 0xc0000000, 0, 0x3f800000, 0x40400000	/* 1 - 3 = -2 */
	TEST_F2 68, s, fadd.s, rne, 0x80000000, 0, 0x80000000, 0x80000000	/* -0 + -0 = -0 */
	TEST_F2 69, s, fadd.s, rne, 0x00000000, 0, 0x80000000, 0x00000000	/* -0 + +0 = +0 */
	TEST_F2 70, s, fadd.s, rdn, 0x80000000, 0, 0x80000000, 0x00000000	/* -0 + +0 = -0 rounding down */
	TEST_F2 71, s, fsub.s, rne, 0x00000000, 0, 0x00000000, 0x00000000	/* +0 - +0 = +0 */
	TEST_F2 72, s, fsub.s, rne, 0x80000000, 0, 0x80000000, 0x00000000	/* -0 - +0 = -0 */
	TEST_F2 73, s, fadd.s, rne, 0x7f800000, 0, 0x7f800000, 0x3f800000	/* inf + 1 = inf */
	TEST_F2 74, s, fadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0xff800000	/* inf + -inf: invalid */
	TEST_F2 75, s, fsub.s, rne, 0x7fc00000, NV, 0x7f800000, 0x7f800000	/* inf - inf: invalid */
	TEST_F2 76, s, fsub.s, rne, 0xff800000, 0, 0xff800000, 0x7f800000	/* -inf - inf = -inf */
	TEST_F2 77, s, fadd.s, rne, 0x00800000, 0, 0x00000001, 0x007fffff	/* subnormal + subnormal, exact: no underflow */
	TEST_F2 78, s, fsub.s, rne, 0x007fffff, 0, 0x00800000, 0x00000001	/* min normal - min subnormal = max subnormal, exact */
	TEST_F2 79, s, fsub.s, rne, 0x80000001, 0, 0x007fffff, 0x00800000	/* max subnormal - min normal = -min subnormal */
	TEST_F2 80, s, fadd.s, rne, 0x7f7fffff, NX, 0x7f7fffff, 0x3f800000	/* MAX + 1: inexact, stays MAX */
	TEST_F2 81, s, fadd.s, rne, 0x7fc00000, 0, 0x7fc12345, 0x3f800000	/* quiet NaN + 1: canonical NaN, no flag */
	TEST_F2 82, s, fadd.s, rne, 0x7fc00000, 0, 0x3f800000, 0xffc00000	/* 1 + negative quiet NaN: canonical NaN */
	TEST_F2 83, s, fadd.s, rne, 0x7fc00000, NV, 0x7f800001, 0x3f800000	/* signaling NaN + 1: canonical NaN, invalid */
	TEST_F2 84, s, fsub.s, rne, 0x7fc00000, NV, 0x7fc00000, 0x7f800001	/* quiet NaN - signaling NaN: invalid */
	TEST_F2 85, s, fsub.s, rne, 0x7fc00000, 0, 0x7f800000, 0x7fc12345	/* inf - NaN: canonical NaN */

	/* rd == rs1 == rs2 */
	CASE 86
	FSET s, fa0, 0x40400000
	fsflags x0
	fadd.s fa0, fa0, fa0, rne
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0x40c00000
TEST_END
