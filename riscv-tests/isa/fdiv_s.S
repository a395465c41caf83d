/* fdiv.s, fsqrt.s: rounding in every mode, division by zero, invalid, zeros, NaNs */
#include "macros.h"

TEST_BEGIN

	/* 1 / 3 */
	TEST_F2 1, s, fdiv.s, rne, 0x3eaaaaab, NX, 0x3f800000, 0x40400000
	TEST_F2 2, s, fdiv.s, rtz, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000
	TEST_F2 3, s, fdiv.s, rdn, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000
	TEST_F2 4, s, fdiv.s, rup, 0x3eaaaaab, NX, 0x3f800000, 0x40400000
	TEST_F2 5, s, fdiv.s, rmm, 0x3eaaaaab, NX, 0x3f800000, 0x40400000
	TEST_F2 6, s, fdiv.s, dyn_rne, 0x3eaaaaab, NX, 0x3f800000, 0x40400000
	TEST_F2 7, s, fdiv.s, dyn_rtz, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000
	TEST_F2 8, s, fdiv.s, dyn_rdn, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000
	TEST_F2 9, s, fdiv.s, dyn_rup, 0x3eaaaaab, NX, 0x3f800000, 0x40400000
	TEST_F2 10, s, fdiv.s, dyn_rmm, 0x3eaaaaab, NX, 0x3f800000, 0x40400000

	/* -2 / 3 */
	TEST_F2 11, s, fdiv.s, rne, 0xbf2aaaab, NX, 0xc0000000, 0x40400000
	TEST_F2 12, s, fdiv.s, rtz, 0xbf2aaaaa, NX, 0xc0000000, 0x40400000
	TEST_F2 13, s, fdiv.s, rdn, 0xbf2aaaab, NX, 0xc0000000, 0x40400000
	TEST_F2 14, s, fdiv.s, rup, 0xbf2aaaaa, NX, 0xc0000000, 0x40400000
	TEST_F2 15, s, fdiv.s, rmm, 0xbf2aaaab, NX, 0xc0000000, 0x40400000

	/* MAX / 0.5 overflows */
	TEST_F2 16, s, fdiv.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x3f000000
	TEST_F2 17, s, fdiv.s, rtz, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x3f000000
	TEST_F2 18, s, fdiv.s, rdn, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x3f000000
	TEST_F2 19, s, fdiv.s, rup, 0x7f800000, OF|NX, 0x7f7fffff, 0x3f000000
	TEST_F2 20, s, fdiv.s, rmm, 0x7f800000, OF|NX, 0x7f7fffff, 0x3f000000

	/* min normal / 3: tiny and inexact */
	TEST_F2 21, s, fdiv.s, rne, 0x002aaaab, UF|NX, 0x00800000, 0x40400000
	TEST_F2 22, s, fdiv.s, rtz, 0x002aaaaa, UF|NX, 0x00800000, 0x40400000
	TEST_F2 23, s, fdiv.s, rdn, 0x002aaaaa, UF|NX, 0x00800000, 0x40400000
	TEST_F2 24, s, fdiv.s, rup, 0x002aaaab, UF|NX, 0x00800000, 0x40400000
	TEST_F2 25, s, fdiv.s, rmm, 0x002aaaab, UF|NX, 0x00800000, 0x40400000

	/* exact results, zeros, infinities, NaNs */
	TEST_F2 26, s, fdiv.s, rne, 0xc0c00000, 0, 0x40400000, 0xbf000000	/* 3 / -0.5 = -6 */
	TEST_F2 27, s, fdiv.s, rne, 0x7f800000, DZ, 0x3f800000, 0x00000000	/* 1 / 0 = inf, divide by zero */
	TEST_F2 28, s, fdiv.s, rne, 0xff800000, DZ, 0xbf800000, 0x00000000	/* -1 / 0 = -inf */
	TEST_F2 29, s, fdiv.s, rne, 0xff800000, DZ, 0x3f800000, 0x80000000	/* 1 / -0 = -inf */
	TEST_F2 30, s, fdiv.s, rne, 0x7fc00000, NV, 0x00000000, 0x00000000	/* 0 / 0: invalid, not divide by zero */
	TEST_F2 31, s, fdiv.s, rne, 0x7f800000, 0, 0x7f800000, 0x00000000	/* inf / 0 = inf, no flag */
	TEST_F2 32, s, fdiv.s, rne, 0x7fc00000, NV, 0x7f800000, 0xff800000	/* inf / inf: invalid */
	TEST_F2 33, s, fdiv.s, rne, 0x80000000, 0, 0x80000000, 0x40a00000	/* -0 / 5 = -0 */
	TEST_F2 34, s, fdiv.s, rne, 0x80000000, 0, 0x40a00000, 0xff800000	/* 5 / -inf = -0 */
	TEST_F2 35, s, fdiv.s, rne, 0x00000000, UF|NX, 0x00000001, 0x40000000	/* min subnormal / 2 rounds to even: +0 */
	TEST_F2 36, s, fdiv.s, rne, 0x7fc00000, 0, 0x7fc12345, 0x00000000	/* quiet NaN / 0: canonical NaN, no divide by zero */
	TEST_F2 37, s, fdiv.s, rne, 0x7fc00000, NV, 0x3f800000, 0x7f800001	/* 1 / signaling NaN: invalid */

	/* sqrt 2 */
	TEST_F1 38, s, fsqrt.s, rne, 0x3fb504f3, NX, 0x40000000
	TEST_F1 39, s, fsqrt.s, rtz, 0x3fb504f3, NX, 0x40000000
	TEST_F1 40, s, fsqrt.s, rdn, 0x3fb504f3, NX, 0x40000000
	TEST_F1 41, s, fsqrt.s, rup, 0x3fb504f4, NX, 0x40000000
	TEST_F1 42, s, fsqrt.s, rmm, 0x3fb504f3, NX, 0x40000000
	TEST_F1 43, s, fsqrt.s, dyn_rne, 0x3fb504f3, NX, 0x40000000
	TEST_F1 44, s, fsqrt.s, dyn_rtz, 0x3fb504f3, NX, 0x40000000
	TEST_F1 45, s, fsqrt.s, dyn_rdn, 0x3fb504f3, NX, 0x40000000
	TEST_F1 46, s, fsqrt.s, dyn_rup, 0x3fb504f4, NX, 0x40000000
	TEST_F1 47, s, fsqrt.s, dyn_rmm, 0x3fb504f3, NX, 0x40000000

	/* sqrt 3 */
	TEST_F1 48, s, fsqrt.s, rne, 0x3fddb3d7, NX, 0x40400000
	TEST_F1 49, s, fsqrt.s, rtz, 0x3fddb3d7, NX, 0x40400000
	TEST_F1 50, s, fsqrt.s, rdn, 0x3fddb3d7, NX, 0x40400000
	TEST_F1 51, s, fsqrt.s, rup, 0x3fddb3d8, NX, 0x40400000
	TEST_F1 52, s, fsqrt.s, rmm, 0x3fddb3d7, NX, 0x40400000

	/* exact results, zeros, negatives, NaNs */
	TEST_F1 53, s, fsqrt.s, rne, 0x40000000, 0, 0x40800000	/* sqrt 4 = 2 */
	TEST_F1 54, s, fsqrt.s, rne, 0x3f000000, 0, 0x3e800000	/* sqrt 0.25 = 0.5 */
	TEST_F1 55, s, fsqrt.s, rne, 0x80000000, 0, 0x80000000	/* sqrt -0 = -0, no flag */
	TEST_F1 56, s, fsqrt.s, rne, 0x7f800000, 0, 0x7f800000	/* sqrt +inf = +inf */
	TEST_F1 57, s, fsqrt.s, rne, 0x7fc00000, NV, 0xbf800000	/* sqrt -1: invalid */
	TEST_F1 58, s, fsqrt.s, rne, 0x7fc00000, NV, 0xff800000	/* sqrt -inf: invalid */
	TEST_F1 59, s, fsqrt.s, rne, 0x7fc00000, NV, 0x80000001	/* sqrt -min subnormal: invalid */
	TEST_F1 60, s, fsqrt.s, rne, 0x1a3504f3, NX, 0x00000001	/* sqrt min subnormal */
	TEST_F1 61, s, fsqrt.s, rne, 0x1ab504f3, NX, 0x00000004	/* sqrt 4 * min subnormal, exact */
	TEST_F1 62, s, fsqrt.s, rne, 0x7fc00000, 0, 0xffc00000	/* sqrt quiet NaN: canonical NaN, no flag */
	TEST_F1 63, s, fsqrt.s, rne, 0x7fc00000, NV, 0x7f800001	/* sqrt signaling NaN: invalid */
TEST_END
