/* feq, flt, fle (.s, .d): ordering, signed zeros, quiet and signaling NaNs */
#include "macros.h"

TEST_BEGIN

	/* single precision */
	TEST_FCMP 1, s, feq.s, 0, 0, 0x3f800000, 0x40000000	/* 1, 2 */
	TEST_FCMP 2, s, feq.s, 0, 0, 0x40000000, 0x3f800000	/* 2, 1 */
	TEST_FCMP 3, s, feq.s, 1, 0, 0xbf800000, 0xbf800000	/* -1, -1 */
	TEST_FCMP 4, s, feq.s, 1, 0, 0x80000000, 0x00000000	/* -0, +0 are equal */
	TEST_FCMP 5, s, feq.s, 0, 0, 0xff800000, 0xff7fffff	/* -inf, -MAX */
	TEST_FCMP 6, s, feq.s, 0, 0, 0x80000001, 0x00000001	/* -subnormal, +subnormal */
	TEST_FCMP 7, s, feq.s, 0, 0, 0x7fc00000, 0x3f800000	/* quiet NaN, 1: only feq is quiet */
	TEST_FCMP 8, s, feq.s, 0, 0, 0x7fc12345, 0x7fc12345	/* quiet NaN, itself */
	TEST_FCMP 9, s, feq.s, 0, NV, 0x3f800000, 0x7f800001	/* 1, signaling NaN: all signal */
	TEST_FCMP 10, s, flt.s, 1, 0, 0x3f800000, 0x40000000	/* 1, 2 */
	TEST_FCMP 11, s, flt.s, 0, 0, 0x40000000, 0x3f800000	/* 2, 1 */
	TEST_FCMP 12, s, flt.s, 0, 0, 0xbf800000, 0xbf800000	/* -1, -1 */
	TEST_FCMP 13, s, flt.s, 0, 0, 0x80000000, 0x00000000	/* -0, +0 are equal */
	TEST_FCMP 14, s, flt.s, 1, 0, 0xff800000, 0xff7fffff	/* -inf, -MAX */
	TEST_FCMP 15, s, flt.s, 1, 0, 0x80000001, 0x00000001	/* -subnormal, +subnormal */
	TEST_FCMP 16, s, flt.s, 0, NV, 0x7fc00000, 0x3f800000	/* quiet NaN, 1: only feq is quiet */
	TEST_FCMP 17, s, flt.s, 0, NV, 0x7fc12345, 0x7fc12345	/* quiet NaN, itself */
	TEST_FCMP 18, s, flt.s, 0, NV, 0x3f800000, 0x7f800001	/* 1, signaling NaN: all signal */
	TEST_FCMP 19, s, fle.s, 1, 0, 0x3f800000, 0x40000000	/* 1, 2 */
	TEST_FCMP 20, s, fle.s, 0, 0, 0x40000000, 0x3f800000	/* 2, 1 */
	TEST_FCMP 21, s, fle.s, 1, 0, 0xbf800000, 0xbf800000	/* -1, -1 */
	TEST_FCMP 22, s, fle.s, 1, 0, 0x80000000, 0x00000000	/* -0, +0 are equal */
	TEST_FCMP 23, s, fle.s, 1, 0, 0xff800000, 0xff7fffff	/* -inf, -MAX */
	TEST_FCMP 24, s, fle.s, 1, 0, 0x80000001, 0x00000001	/* -subnormal, +subnormal */
	TEST_FCMP 25, s, fle.s, 0, NV, 0x7fc00000, 0x3f800000	/* quiet NaN, 1: only feq is quiet */
	TEST_FCMP 26, s, fle.s, 0, NV, 0x7fc12345, 0x7fc12345	/* quiet NaN, itself */
	TEST_FCMP 27, s, fle.s, 0, NV, 0x3f800000, 0x7f800001	/* 1, signaling NaN: all signal */

	/* double precision */
	TEST_FCMP 28, d, feq.d, 0, 0, 0x3ff0000000000000, 0x4000000000000000	/* 1, 2 */
	TEST_FCMP 29, d, feq.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000	/* 2, 1 */
	TEST_FCMP 30, d, feq.d, 1, 0, 0xbff0000000000000, 0xbff0000000000000	/* -1, -1 */
	TEST_FCMP 31, d, feq.d, 1, 0, 0x8000000000000000, 0x0000000000000000	/* -0, +0 are equal */
	TEST_FCMP 32, d, feq.d, 0, 0, 0xfff0000000000000, 0xffefffffffffffff	/* -inf, -MAX */
	TEST_FCMP 33, d, feq.d, 0, 0, 0x8000000000000001, 0x0000000000000001	/* -subnormal, +subnormal */
	TEST_FCMP 34, d, feq.d, 0, 0, 0x7ff8000000000000, 0x3ff0000000000000	/* quiet NaN, 1: only feq is quiet */
	TEST_FCMP 35, d, feq.d, 0, 0, 0x7ff8000000012345, 0x7ff8000000012345	/* quiet NaN, itself */
	TEST_FCMP 36, d, feq.d, 0, NV, 0x3ff0000000000000, 0x7ff0000000000001	/* 1, signaling NaN: all signal */
	TEST_FCMP 37, d, flt.d, 1, 0, 0x3ff0000000000000, 0x4000000000000000	/* 1, 2 */
	TEST_FCMP 38, d, flt.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000	/* 2, 1 */
	TEST_FCMP 39, d, flt.d, 0, 0, 0xbff0000000000000, 0xbff0000000000000	/* -1, -1 */
	TEST_FCMP 40, d, flt.d, 0, 0, 0x8000000000000000, 0x0000000000000000	/* -0, +0 are equal */
	TEST_FCMP 41, d, flt.d, 1, 0, 0xfff0000000000000, 0xffefffffffffffff	/* -inf, -MAX */
	TEST_FCMP 42, d, flt.d, 1, 0, 0x8000000000000001, 0x0000000000000001	/* -subnormal, +subnormal */
	TEST_FCMP 43, d, flt.d, 0, NV, 0x7ff8000000000000, 0x3ff0000000000000	/* quiet NaN, 1: only feq is quiet */
	TEST_FCMP 44, d, flt.d, 0, NV, 0x7ff8000000012345, 0x7ff8000000012345	/* quiet NaN, itself */
	TEST_FCMP 45, d, flt.d, 0, NV, 0x3ff0000000000000, 0x7ff0000000000001	/* 1, signaling NaN: all signal */
	TEST_FCMP 46, d, fle.d, 1, 0, 0x3ff0000000000000, 0x4000000000000000	/* 1, 2 */
	TEST_FCMP 47, d, fle.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000	/* 2, 1 */
	TEST_FCMP 48, d, fle.d, 1, 0, 0xbff0000000000000, 0xbff0000000000000	/* -1, -1 */
	TEST_FCMP 49, d, fle.d, 1, 0, 0x8000000000000000, 0x0000000000000000	/* -0, +0 are equal */
	TEST_FCMP 50, d, fle.d, 1, 0, 0xfff0000000000000, 0xffefffffffffffff	/* -inf, -MAX */
	TEST_FCMP 51, d, fle.d, 1, 0, 0x8000000000000001, 0x0000000000000001	/* -subnormal, +subnormal */
	TEST_FCMP 52, d, fle.d, 0, NV, 0x7ff8000000000000, 0x3ff0000000000000	/* quiet NaN, 1: only feq is quiet */
	TEST_FCMP 53, d, fle.d, 0, NV, 0x7ff8000000012345, 0x7ff8000000012345	/* quiet NaN, itself */
	TEST_FCMP 54, d, fle.d, 0, NV, 0x3ff0000000000000, 0x7ff0000000000001	/* 1, signaling NaN: all signal */
TEST_END
