/* fdiv.d, fsqrt.d: rounding in every mode, division by zero, invalid, zeros, NaNs */
#include "macros.h"

TEST_BEGIN

	/* 1 / 3 */
	TEST_F2 1, d, fdiv.d, rne, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 2, d, fdiv.d, rtz, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 3, d, fdiv.d, rdn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 4, d, fdiv.d, rup, 0x3fd5555555555556, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 5, d, fdiv.d, rmm, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 6, d, fdiv.d, dyn_rne, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 7, d, fdiv.d, dyn_rtz, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 8, d, fdiv.d, dyn_rdn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 9, d, fdiv.d, dyn_rup, 0x3fd5555555555556, NX, 0x3ff0000000000000, 0x4008000000000000
	TEST_F2 10, d, fdiv.d, dyn_rmm, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000

	/* -2 / 3 */
	TEST_F2 11, d, fdiv.d, rne, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000
	TEST_F2 12, d, fdiv.d, rtz, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000
	TEST_F2 13, d, fdiv.d, rdn, 0xbfe5555555555556, NX, 0xc000000000000000, 0x4008000000000000
	TEST_F2 14, d, fdiv.d, rup, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000
	TEST_F2 15, d, fdiv.d, rmm, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000

	/* MAX / 0.5 overflows */
	TEST_F2 16, d, fdiv.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x3fe0000000000000
	TEST_F2 17, d, fdiv.d, rtz, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x3fe0000000000000
	TEST_F2 18, d, fdiv.d, rdn, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x3fe0000000000000
	TEST_F2 19, d, fdiv.d, rup, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x3fe0000000000000
	TEST_F2 20, d, fdiv.d, rmm, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x3fe0000000000000

	/* min normal / 3: tiny and inexact */
	TEST_F2 21, d, fdiv.d, rne, 0x0005555555555555, UF|NX, 0x0010000000000000, 0x4008000000000000
	TEST_F2 22, d, fdiv.d, rtz, 0x0005555555555555, UF|NX, 0x0010000000000000, 0x4008000000000000
	TEST_F2 23, d, fdiv.d, rdn, 0x0005555555555555, UF|NX, 0x0010000000000000, 0x4008000000000000
	TEST_F2 24, d, fdiv.d, rup, 0x0005555555555556, UF|NX, 0x0010000000000000, 0x4008000000000000
	TEST_F2 25, d, fdiv.d, rmm, 0x0005555555555555, UF|NX, 0x0010000000000000, 0x4008000000000000

	/* exact results, zeros, infinities, NaNs */
	TEST_F2 26, d, fdiv.d, rne, 0xc018000000000000, 0, 0x4008000000000000, 0xbfe0000000000000	/* 3 / -0.5 = -6 */
	TEST_F2 27, d, fdiv.d, rne, 0x7ff0000000000000, DZ, 0x3ff0000000000000, 0x0000000000000000	/* 1 / 0 = inf, divide by zero */
	TEST_F2 28, d, fdiv.d, rne, 0xfff0000000000000, DZ, 0xbff0000000000000, 0x0000000000000000	/* -1 / 0 = -inf */
	TEST_F2 29, d, fdiv.d, rne, 0xfff0000000000000, DZ, 0x3ff0000000000000, 0x8000000000000000	/* 1 / -0 = -inf */
	TEST_F2 30, d, fdiv.d, rne, 0x7ff8000000000000, NV, 0x0000000000000000, 0x0000000000000000	/* 0 / 0: invalid, not divide by zero */
	TEST_F2 31, d, fdiv.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0000000000000000	/* inf / 0 = inf, no flag */
	TEST_F2 32, d, fdiv.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0xfff0000000000000	/* inf / inf: invalid */
	TEST_F2 33, d, fdiv.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x4014000000000000	/* -0 / 5 = -0 */
	TEST_F2 34, d, fdiv.d, rne, 0x8000000000000000, 0, 0x4014000000000000, 0xfff0000000000000	/* 5 / -inf = -0 */
	TEST_F2 35, d, fdiv.d, rne, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x4000000000000000	/* min subnormal / 2 rounds to even: +0 */
	TEST_F2 36, d, fdiv.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0x0000000000000000	/* quiet NaN / 0: canonical NaN, no divide by zero */
	TEST_F2 37, d, fdiv.d, rne, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x7ff0000000000001	/* 1 / signaling NaN: invalid */

	/* sqrt 2 */
	TEST_F1 38, d, fsqrt.d, rne, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000
	TEST_F1 39, d, fsqrt.d, rtz, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000
	TEST_F1 40, d, fsqrt.d, rdn, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000
	TEST_F1 41, d, fsqrt.d, rup, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000
	TEST_F1 42, d, fsqrt.d, rmm, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000
	TEST_F1 43, d, fsqrt.d, dyn_rne, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000
	TEST_F1 44, d, fsqrt.d, dyn_rtz, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000
	TEST_F1 45, d, fsqrt.d, dyn_rdn, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000
	TEST_F1 46, d, fsqrt.d, dyn_rup, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000
	TEST_F1 47, d, fsqrt.d, dyn_rmm, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000

	/* sqrt 3 */
	TEST_F1 48, d, fsqrt.d, rne, 0x3ffbb67ae8584caa, NX, 0x4008000000000000
	TEST_F1 49, d, fsqrt.d, rtz, 0x3ffbb67ae8584caa, NX, 0x4008000000000000
	TEST_F1 50, d, fsqrt.d, rdn, 0x3ffbb67ae8584caa, NX, 0x4008000000000000
	TEST_F1 51, d, fsqrt.d, rup, 0x3ffbb67ae8584cab, NX, 0x4008000000000000
	TEST_F1 52, d, fsqrt.d, rmm, 0x3ffbb67ae8584caa, NX, 0x4008000000000000

	/* exact results, zeros, negatives, NaNs */
	TEST_F1 53, d, fsqrt.d, rne, 0x4000000000000000, 0, 0x4010000000000000	/* sqrt 4 = 2 */
	TEST_F1 54, d, fsqrt.d, rne, 0x3fe0000000000000, 0, 0x3fd0000000000000	/* sqrt 0.25 = 0.5 */
	TEST_F1 55, d, fsqrt.d, rne, 0x8000000000000000, 0, 0x8000000000000000	/* sqrt -0 = -0, no flag */
	TEST_F1 56, d, fsqrt.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000	/* sqrt +inf = +inf */
	TEST_F1 57, d, fsqrt.d, rne, 0x7ff8000000000000, NV, 0xbff0000000000000	/* sqrt -1: invalid */
	TEST_F1 58, d, fsqrt.d, rne, 0x7ff8000000000000, NV, 0xfff0000000000000	/* sqrt -inf: invalid */
	TEST_F1 59, d, fsqrt.d, rne, 0x7ff8000000000000, NV, 0x8000000000000001	/* sqrt -min subnormal: invalid */
	TEST_F1 60, d, fsqrt.d, rne, 0x1e60000000000000, 0, 0x0000000000000001	/* sqrt min subnormal */
	TEST_F1 61, d, fsqrt.d, rne, 0x1e70000000000000, 0, 0x0000000000000004	/* sqrt 4 * min subnormal, exact */
	TEST_F1 62, d, fsqrt.d, rne, 0x7ff8000000000000, 0, 0xfff8000000000000	/* sqrt quiet NaN: canonical NaN, no flag */
	TEST_F1 63, d, fsqrt.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000001	/* sqrt signaling NaN: invalid */
TEST_END
