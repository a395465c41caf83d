/* fadd.d, fsub.d: rounding in every mode, flags, signed zeros, NaNs */
#include "macros.h"

TEST_BEGIN

	/* 1 + ulp/2: a tie; RNE keeps the even 1 */
	TEST_F2 1, d, fadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 2, d, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 3, d, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 4, d, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 5, d, fadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 6, d, fadd.d, dyn_rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 7, d, fadd.d, dyn_rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 8, d, fadd.d, dyn_rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 9, d, fadd.d, dyn_rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000
	TEST_F2 10, d, fadd.d, dyn_rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000

	/* -1 - ulp/2: a negative tie */
	TEST_F2 11, d, fadd.d, rne, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 12, d, fadd.d, rtz, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 13, d, fadd.d, rdn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 14, d, fadd.d, rup, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 15, d, fadd.d, rmm, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 16, d, fadd.d, dyn_rne, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 17, d, fadd.d, dyn_rtz, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 18, d, fadd.d, dyn_rdn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 19, d, fadd.d, dyn_rup, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000
	TEST_F2 20, d, fadd.d, dyn_rmm, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000

	/* (1 + ulp) + ulp/2: a tie; RNE goes up to the even neighbour */
	TEST_F2 21, d, fadd.d, rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000
	TEST_F2 22, d, fadd.d, rtz, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000
	TEST_F2 23, d, fadd.d, rdn, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000
	TEST_F2 24, d, fadd.d, rup, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000
	TEST_F2 25, d, fadd.d, rmm, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000

	/* 1 + 3/4 ulp: above the midpoint */
	TEST_F2 26, d, fadd.d, rne, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000
	TEST_F2 27, d, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca8000000000000
	TEST_F2 28, d, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca8000000000000
	TEST_F2 29, d, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000
	TEST_F2 30, d, fadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000

	/* 1 + 1/4 ulp: below the midpoint */
	TEST_F2 31, d, fadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000
	TEST_F2 32, d, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000
	TEST_F2 33, d, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000
	TEST_F2 34, d, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3c90000000000000
	TEST_F2 35, d, fadd.d, rmm, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000

	/* -1 - 3/4 ulp */
	TEST_F2 36, d, fadd.d, rne, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca8000000000000
	TEST_F2 37, d, fadd.d, rtz, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca8000000000000
	TEST_F2 38, d, fadd.d, rdn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca8000000000000
	TEST_F2 39, d, fadd.d, rup, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca8000000000000
	TEST_F2 40, d, fadd.d, rmm, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca8000000000000

	/* MAX + MAX overflows: infinity or MAX by mode */
	TEST_F2 41, d, fadd.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x7fefffffffffffff
	TEST_F2 42, d, fadd.d, rtz, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x7fefffffffffffff
	TEST_F2 43, d, fadd.d, rdn, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x7fefffffffffffff
	TEST_F2 44, d, fadd.d, rup, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x7fefffffffffffff
	TEST_F2 45, d, fadd.d, rmm, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x7fefffffffffffff

	/* 1 - (-ulp/2): a tie, through fsub */
	TEST_F2 46, d, fsub.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 47, d, fsub.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 48, d, fsub.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 49, d, fsub.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 50, d, fsub.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 51, d, fsub.d, dyn_rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 52, d, fsub.d, dyn_rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 53, d, fsub.d, dyn_rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 54, d, fsub.d, dyn_rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0xbca0000000000000
	TEST_F2 55, d, fsub.d, dyn_rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0xbca0000000000000

	/* -MAX - MAX overflows negative */
	TEST_F2 56, d, fsub.d, rne, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x7fefffffffffffff
	TEST_F2 57, d, fsub.d, rtz, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x7fefffffffffffff
	TEST_F2 58, d, fsub.d, rdn, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x7fefffffffffffff
	TEST_F2 59, d, fsub.d, rup, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x7fefffffffffffff
	TEST_F2 60, d, fsub.d, rmm, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x7fefffffffffffff

	/* x - x is +0, but -0 when rounding down */
	TEST_F2 61, d, fsub.d, rne, 0x0000000000000000, 0, 0x4008000000000000, 0x4008000000000000
	TEST_F2 62, d, fsub.d, rtz, 0x0000000000000000, 0, 0x4008000000000000, 0x4008000000000000
	TEST_F2 63, d, fsub.d, rdn, 0x8000000000000000, 0, 0x4008000000000000, 0x4008000000000000
	TEST_F2 64, d, fsub.d, rup, 0x0000000000000000, 0, 0x4008000000000000, 0x4008000000000000
	TEST_F2 65, d, fsub.d, rmm, 0x0000000000000000, 0, 0x4008000000000000, 0x4008000000000000

	/* exact results, zeros, infinities, subnormals, NaNs */
	TEST_F2 66, d, fadd.d, rne, 0x4008000000000000, 0, 0x3ff0000000000000, 0x4000000000000000	/* 1 + 2 = 3, exact */
	TEST_F2 67, d, fsub.d, rne, 0xc000000000000000, 0, 0x3ff0000000000000, 0x4008000000000000	/* 1 - 3 = -2 */
	TEST_F2 68, d, fadd.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000	/* -0 + -0 = -0 */
	TEST_F2 69, d, fadd.d, rne, 0x0000000000000000, 0, 0x8000000000000000, 0x0000000000000000	/* -0 + +0 = +0 */
	TEST_F2 70, d, fadd.d, rdn, 0x8000000000000000, 0, 0x8000000000000000, 0x0000000000000000	/* -0 + +0 = -0 rounding down */
	TEST_F2 71, d, fsub.d, rne, 0x0000000000000000, 0, 0x0000000000000000, 0x0000000000000000	/* +0 - +0 = +0 */
	TEST_F2 72, d, fsub.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x0000000000000000	/* -0 - +0 = -0 */
	TEST_F2 73, d, fadd.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000	/* inf + 1 = inf */
	TEST_F2 74, d, fadd.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0xfff0000000000000	/* inf + -inf: invalid */
	TEST_F2 75, d, fsub.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x7ff0000000000000	/* inf - inf: invalid */
	TEST_F2 76, d, fsub.d, rne, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000	/* -inf - inf = -inf */
	TEST_F2 77, d, fadd.d, rne, 0x0010000000000000, 0, 0x0000000000000001, 0x000fffffffffffff	/* subnormal + subnormal, exact: no underflow */
	TEST_F2 78, d, fsub.d, rne, 0x000fffffffffffff, 0, 0x0010000000000000, 0x0000000000000001	/* min normal - min subnormal = max subnormal, exact */
	TEST_F2 79, d, fsub.d, rne, 0x8000000000000001, 0, 0x000fffffffffffff, 0x0010000000000000	/* max subnormal - min normal = -min subnormal */
	TEST_F2 80, d, fadd.d, rne, 0x7fefffffffffffff, NX, 0x7fefffffffffffff, 0x3ff0000000000000	/* MAX + 1: inexact, stays MAX */
	TEST_F2 81, d, fadd.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0x3ff0000000000000	/* quiet NaN + 1: canonical NaN, no flag */
	TEST_F2 82, d, fadd.d, rne, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0xfff8000000000000	/* 1 + negative quiet NaN: canonical NaN */
	TEST_F2 83, d, fadd.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x3ff0000000000000	/* signaling NaN + 1: canonical NaN, invalid */
	TEST_F2 84, d, fsub.d, rne, 0x7ff8000000000000, NV, 0x7ff8000000000000, 0x7ff0000000000001	/* quiet NaN - signaling NaN: invalid */
	TEST_F2 85, d, fsub.d, rne, 0x7ff8000000000000, 0, 0x7ff0000000000000, 0x7ff8000000012345	/* inf - NaN: canonical NaN */

	/* rd == rs1 == rs2 */
	CASE 86
	FSET d, fa0, 0x4008000000000000
	fsflags x0
	fadd.d fa0, fa0, fa0, rne
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0x4018000000000000
TEST_END
