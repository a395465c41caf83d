/* fmin.{s,d}, fmax.{s,d}: signed zeros, NaN operands, signaling NaNs */
#include "macros.h"

TEST_BEGIN

	/* single precision */
	TEST_F2N 1, s, fmin.s, 0x3f800000, 0, 0x3f800000, 0x40000000	/* 1, 2 */
	TEST_F2N 2, s, fmin.s, 0xff800000, 0, 0xbf800000, 0xff800000	/* -1, -inf */
	TEST_F2N 3, s, fmin.s, 0x7f7fffff, 0, 0x7f800000, 0x7f7fffff	/* +inf, MAX */
	TEST_F2N 4, s, fmin.s, 0x80000000, 0, 0x80000000, 0x00000000	/* -0, +0: -0 is the smaller */
	TEST_F2N 5, s, fmin.s, 0x80000000, 0, 0x00000000, 0x80000000	/* +0, -0: either order */
	TEST_F2N 6, s, fmin.s, 0x80000001, 0, 0x00000001, 0x80000001	/* subnormal, -subnormal */
	TEST_F2N 7, s, fmin.s, 0x3f800000, 0, 0x7fc12345, 0x3f800000	/* quiet NaN, 1: the number */
	TEST_F2N 8, s, fmin.s, 0xbf800000, 0, 0xbf800000, 0xffc00000	/* -1, quiet NaN: the number */
	TEST_F2N 9, s, fmin.s, 0x3f800000, NV, 0x7f800001, 0x3f800000	/* signaling NaN, 1: the number, invalid */
	TEST_F2N 10, s, fmin.s, 0x80000000, NV, 0x80000000, 0x7f800001	/* -0, signaling NaN: the number, invalid */
	TEST_F2N 11, s, fmin.s, 0x7fc00000, 0, 0x7fc12345, 0xffc00000	/* quiet NaN, quiet NaN: canonical NaN */
	TEST_F2N 12, s, fmin.s, 0x7fc00000, NV, 0x7f800001, 0x7fc00000	/* signaling NaN, quiet NaN: canonical NaN, invalid */
	TEST_F2N 13, s, fmax.s, 0x40000000, 0, 0x3f800000, 0x40000000	/* 1, 2 */
	TEST_F2N 14, s, fmax.s, 0xbf800000, 0, 0xbf800000, 0xff800000	/* -1, -inf */
	TEST_F2N 15, s, fmax.s, 0x7f800000, 0, 0x7f800000, 0x7f7fffff	/* +inf, MAX */
	TEST_F2N 16, s, fmax.s, 0x00000000, 0, 0x80000000, 0x00000000	/* -0, +0: -0 is the smaller */
	TEST_F2N 17, s, fmax.s, 0x00000000, 0, 0x00000000, 0x80000000	/* +0, -0: either order */
	TEST_F2N 18, s, fmax.s, 0x00000001, 0, 0x00000001, 0x80000001	/* subnormal, -subnormal */
	TEST_F2N 19, s, fmax.s, 0x3f800000, 0, 0x7fc12345, 0x3f800000	/* quiet NaN, 1: the number */
	TEST_F2N 20, s, fmax.s, 0xbf800000, 0, 0xbf800000, 0xffc00000	/* -1, quiet NaN: the number */
	TEST_F2N 21, s, fmax.s, 0x3f800000, NV, 0x7f800001, 0x3f800000	/* signaling NaN, 1: the number, invalid */
	TEST_F2N 22, s, fmax.s, 0x80000000, NV, 0x80000000, 0x7f800001	/* -0, signaling NaN: the number, invalid */
	TEST_F2N 23, s, fmax.s, 0x7fc00000, 0, 0x7fc12345, 0xffc00000	/* quiet NaN, quiet NaN: canonical NaN */
	TEST_F2N 24, s, fmax.s, 0x7fc00000, NV, 0x7f800001, 0x7fc00000	/* signaling NaN, quiet NaN: canonical NaN, invalid */

	/* double precision */
	TEST_F2N 25, d, fmin.d, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000	/* 1, 2 */
	TEST_F2N 26, d, fmin.d, 0xfff0000000000000, 0, 0xbff0000000000000, 0xfff0000000000000	/* -1, -inf */
	TEST_F2N 27, d, fmin.d, 0x7fefffffffffffff, 0, 0x7ff0000000000000, 0x7fefffffffffffff	/* +inf, MAX */
	TEST_F2N 28, d, fmin.d, 0x8000000000000000, 0, 0x8000000000000000, 0x0000000000000000	/* -0, +0: -0 is the smaller */
	TEST_F2N 29, d, fmin.d, 0x8000000000000000, 0, 0x0000000000000000, 0x8000000000000000	/* +0, -0: either order */
	TEST_F2N 30, d, fmin.d, 0x8000000000000001, 0, 0x0000000000000001, 0x8000000000000001	/* subnormal, -subnormal */
	TEST_F2N 31, d, fmin.d, 0x3ff0000000000000, 0, 0x7ff8000000012345, 0x3ff0000000000000	/* quiet NaN, 1: the number */
	TEST_F2N 32, d, fmin.d, 0xbff0000000000000, 0, 0xbff0000000000000, 0xfff8000000000000	/* -1, quiet NaN: the number */
	TEST_F2N 33, d, fmin.d, 0x3ff0000000000000, NV, 0x7ff0000000000001, 0x3ff0000000000000	/* signaling NaN, 1: the number, invalid */
	TEST_F2N 34, d, fmin.d, 0x8000000000000000, NV, 0x8000000000000000, 0x7ff0000000000001	/* -0, signaling NaN: the number, invalid */
	TEST_F2N 35, d, fmin.d, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0xfff8000000000000	/* quiet NaN, quiet NaN: canonical NaN */
	TEST_F2N 36, d, fmin.d, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000	/* signaling NaN, quiet NaN: canonical NaN, invalid */
	TEST_F2N 37, d, fmax.d, 0x4000000000000000, 0, 0x3ff0000000000000, 0x4000000000000000	/* 1, 2 */
	TEST_F2N 38, d, fmax.d, 0xbff0000000000000, 0, 0xbff0000000000000, 0xfff0000000000000	/* -1, -inf */
	TEST_F2N 39, d, fmax.d, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x7fefffffffffffff	/* +inf, MAX */
	TEST_F2N 40, d, fmax.d, 0x0000000000000000, 0, 0x8000000000000000, 0x0000000000000000	/* -0, +0: -0 is the smaller */
	TEST_F2N 41, d, fmax.d, 0x0000000000000000, 0, 0x0000000000000000, 0x8000000000000000	/* +0, -0: either order */
	TEST_F2N 42, d, fmax.d, 0x0000000000000001, 0, 0x0000000000000001, 0x8000000000000001	/* subnormal, -subnormal */
	TEST_F2N 43, d, fmax.d, 0x3ff0000000000000, 0, 0x7ff8000000012345, 0x3ff0000000000000	/* quiet NaN, 1: the number */
	TEST_F2N 44, d, fmax.d, 0xbff0000000000000, 0, 0xbff0000000000000, 0xfff8000000000000	/* -1, quiet NaN: the number */
	TEST_F2N 45, d, fmax.d, 0x3ff0000000000000, NV, 0x7ff0000000000001, 0x3ff0000000000000	/* signaling NaN, 1: the number, invalid */
	TEST_F2N 46, d, fmax.d, 0x8000000000000000, NV, 0x8000000000000000, 0x7ff0000000000001	/* -0, signaling NaN: the number, invalid */
	TEST_F2N 47, d, fmax.d, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0xfff8000000000000	/* quiet NaN, quiet NaN: canonical NaN */
	TEST_F2N 48, d, fmax.d, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000	/* signaling NaN, quiet NaN: canonical NaN, invalid */
TEST_END
