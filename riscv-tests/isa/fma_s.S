/* fmadd.s, fmsub.s, fnmsub.s, fnmadd.s: one rounding, every mode, signs, invalid */
#include "macros.h"

TEST_BEGIN

	/* a = 1 + 2^-12, b = 1 + 2^-12, c = 2^-12: a*b + c = 1 + 2^-11 + 2^-12 + 2^-24, a tie */
	TEST_F3 1, s, fmadd.s, rne, 0x3f801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 2, s, fmadd.s, rtz, 0x3f801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 3, s, fmadd.s, rdn, 0x3f801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 4, s, fmadd.s, rup, 0x3f801801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 5, s, fmadd.s, rmm, 0x3f801801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 6, s, fmadd.s, dyn_rne, 0x3f801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 7, s, fmadd.s, dyn_rtz, 0x3f801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 8, s, fmadd.s, dyn_rdn, 0x3f801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 9, s, fmadd.s, dyn_rup, 0x3f801801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 10, s, fmadd.s, dyn_rmm, 0x3f801801, NX, 0x3f800800, 0x3f800800, 0x39800000

	/* a = 1 + 2^-12, b = 1 + 2^-12, c = 2^-12: a*b - c = 1 + 2^-12 + 2^-24, a tie */
	TEST_F3 11, s, fmsub.s, rne, 0x3f800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 12, s, fmsub.s, rtz, 0x3f800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 13, s, fmsub.s, rdn, 0x3f800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 14, s, fmsub.s, rup, 0x3f800801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 15, s, fmsub.s, rmm, 0x3f800801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 16, s, fmsub.s, dyn_rne, 0x3f800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 17, s, fmsub.s, dyn_rtz, 0x3f800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 18, s, fmsub.s, dyn_rdn, 0x3f800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 19, s, fmsub.s, dyn_rup, 0x3f800801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 20, s, fmsub.s, dyn_rmm, 0x3f800801, NX, 0x3f800800, 0x3f800800, 0x39800000

	/* a = 1 + 2^-12, b = 1 + 2^-12, c = 2^-12: -(a*b) + c = -(1 + 2^-12 + 2^-24), a tie */
	TEST_F3 21, s, fnmsub.s, rne, 0xbf800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 22, s, fnmsub.s, rtz, 0xbf800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 23, s, fnmsub.s, rdn, 0xbf800801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 24, s, fnmsub.s, rup, 0xbf800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 25, s, fnmsub.s, rmm, 0xbf800801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 26, s, fnmsub.s, dyn_rne, 0xbf800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 27, s, fnmsub.s, dyn_rtz, 0xbf800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 28, s, fnmsub.s, dyn_rdn, 0xbf800801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 29, s, fnmsub.s, dyn_rup, 0xbf800800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 30, s, fnmsub.s, dyn_rmm, 0xbf800801, NX, 0x3f800800, 0x3f800800, 0x39800000

	/* a = 1 + 2^-12, b = 1 + 2^-12, c = 2^-12: -(a*b) - c = -(1 + 2^-11 + 2^-12 + 2^-24): negated before rounding */
	TEST_F3 31, s, fnmadd.s, rne, 0xbf801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 32, s, fnmadd.s, rtz, 0xbf801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 33, s, fnmadd.s, rdn, 0xbf801801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 34, s, fnmadd.s, rup, 0xbf801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 35, s, fnmadd.s, rmm, 0xbf801801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 36, s, fnmadd.s, dyn_rne, 0xbf801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 37, s, fnmadd.s, dyn_rtz, 0xbf801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 38, s, fnmadd.s, dyn_rdn, 0xbf801801, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 39, s, fnmadd.s, dyn_rup, 0xbf801800, NX, 0x3f800800, 0x3f800800, 0x39800000
	TEST_F3 40, s, fnmadd.s, dyn_rmm, 0xbf801801, NX, 0x3f800800, 0x3f800800, 0x39800000

	/* one rounding: the product is not rounded on its own */
	TEST_F3 41, s, fmsub.s, rne, 0x28800000, 0, 0x3f800001, 0x3f800001, 0x3f800002	/* (1 + ulp)^2 - (1 + 2 ulp) = ulp^2 exactly */
	TEST_F3 42, s, fnmsub.s, rne, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0x3f800002	/* -(1 + ulp)^2 + (1 + 2 ulp) = -ulp^2 */
	TEST_F3 43, s, fmadd.s, rne, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff	/* MAX * 2 - MAX = MAX: no overflow in the product */
	TEST_F3 44, s, fnmadd.s, rne, 0xff7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff	/* -(MAX * 2 - MAX) = -MAX */
	TEST_F3 45, s, fmadd.s, rne, 0x3f800000, NX, 0x00000001, 0x00000001, 0x3f800000	/* min subnormal^2 + 1: inexact 1, no underflow */
	TEST_F3 46, s, fmadd.s, rup, 0x3f800001, NX, 0x00000001, 0x00000001, 0x3f800000	/* ... rounding up */
	TEST_F3 47, s, fmsub.s, rtz, 0xbf7fffff, NX, 0x00000001, 0x00000001, 0x3f800000	/* min subnormal^2 - 1 rounding to zero */
	TEST_F3 48, s, fmadd.s, rne, 0xff800000, 0, 0x7f7fffff, 0x7f7fffff, 0xff800000	/* MAX * MAX + -inf = -inf */

	/* signed zeros */
	TEST_F3 49, s, fmadd.s, rne, 0x00000000, 0, 0x00000000, 0x40a00000, 0x80000000	/* 0 * 5 + -0 = +0 */
	TEST_F3 50, s, fmadd.s, rdn, 0x80000000, 0, 0x00000000, 0x40a00000, 0x80000000	/* 0 * 5 + -0 = -0 rounding down */
	TEST_F3 51, s, fmadd.s, rne, 0x80000000, 0, 0x80000000, 0x40a00000, 0x80000000	/* -0 * 5 + -0 = -0 */
	TEST_F3 52, s, fmsub.s, rne, 0x80000000, 0, 0x80000000, 0x40a00000, 0x00000000	/* -0 * 5 - +0 = -0 */
	TEST_F3 53, s, fnmadd.s, rne, 0x80000000, 0, 0x00000000, 0x40a00000, 0x00000000	/* -(0 * 5) - 0 = -0 */
	TEST_F3 54, s, fnmsub.s, rne, 0x00000000, 0, 0x00000000, 0x40a00000, 0x00000000	/* -(0 * 5) + 0 = +0 */
	TEST_F3 55, s, fmadd.s, rne, 0x00000000, 0, 0x40000000, 0x40400000, 0xc0c00000	/* 2 * 3 + -6 = +0 */
	TEST_F3 56, s, fnmadd.s, rne, 0x00000000, 0, 0x40000000, 0x40400000, 0xc0c00000	/* -(2 * 3 + -6) = +0 too */
	TEST_F3 57, s, fnmadd.s, rdn, 0x80000000, 0, 0x40000000, 0x40400000, 0xc0c00000	/* -(2 * 3 + -6) = -0 rounding down */

	/* invalid operations and NaNs */
	TEST_F3 58, s, fmadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0x00000000, 0x3f800000	/* inf * 0 + 1: invalid */
	TEST_F3 59, s, fmadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0x00000000, 0x7fc12345	/* inf * 0 + quiet NaN: invalid even so */
	TEST_F3 60, s, fnmadd.s, rne, 0x7fc00000, NV, 0x00000000, 0xff800000, 0x7fc00000	/* 0 * -inf + quiet NaN: invalid */
	TEST_F3 61, s, fmadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0xff800000	/* inf * 1 + -inf: invalid */
	TEST_F3 62, s, fmsub.s, rne, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0x7f800000	/* inf * 1 - inf: invalid */
	TEST_F3 63, s, fnmsub.s, rne, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0x7f800000	/* -(inf * 1) + inf: invalid */
	TEST_F3 64, s, fnmadd.s, rne, 0xff800000, 0, 0x7f800000, 0x3f800000, 0x7f800000	/* -(inf * 1) - inf = -inf */
	TEST_F3 65, s, fmadd.s, rne, 0x7fc00000, 0, 0x7fc12345, 0x3f800000, 0x3f800000	/* quiet NaN in rs1: canonical NaN */
	TEST_F3 66, s, fmadd.s, rne, 0x7fc00000, 0, 0x3f800000, 0x3f800000, 0xffc00000	/* quiet NaN in rs3: canonical NaN */
	TEST_F3 67, s, fmsub.s, rne, 0x7fc00000, NV, 0x3f800000, 0x7f800001, 0x3f800000	/* signaling NaN in rs2: invalid */
	TEST_F3 68, s, fnmadd.s, rne, 0x7fc00000, NV, 0x3f800000, 0x3f800000, 0x7f800001	/* signaling NaN in rs3: invalid */
TEST_END
