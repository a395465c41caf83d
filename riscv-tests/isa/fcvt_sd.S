/* fcvt.s.d, fcvt.d.s: rounding in every mode, overflow, tininess, NaNs */
#include "macros.h"

TEST_BEGIN

	/* 1 + 2^-24: a tie */
	TEST_FCVT 1, s, d, fcvt.s.d, rne, 0x3f800000, NX, 0x3ff0000010000000
	TEST_FCVT 2, s, d, fcvt.s.d, rtz, 0x3f800000, NX, 0x3ff0000010000000
	TEST_FCVT 3, s, d, fcvt.s.d, rdn, 0x3f800000, NX, 0x3ff0000010000000
	TEST_FCVT 4, s, d, fcvt.s.d, rup, 0x3f800001, NX, 0x3ff0000010000000
	TEST_FCVT 5, s, d, fcvt.s.d, rmm, 0x3f800001, NX, 0x3ff0000010000000
	TEST_FCVT 6, s, d, fcvt.s.d, dyn_rne, 0x3f800000, NX, 0x3ff0000010000000
	TEST_FCVT 7, s, d, fcvt.s.d, dyn_rtz, 0x3f800000, NX, 0x3ff0000010000000
	TEST_FCVT 8, s, d, fcvt.s.d, dyn_rdn, 0x3f800000, NX, 0x3ff0000010000000
	TEST_FCVT 9, s, d, fcvt.s.d, dyn_rup, 0x3f800001, NX, 0x3ff0000010000000
	TEST_FCVT 10, s, d, fcvt.s.d, dyn_rmm, 0x3f800001, NX, 0x3ff0000010000000

	/* -(1 + 2^-23 + 2^-24): a negative tie, RNE goes to the even neighbour */
	TEST_FCVT 11, s, d, fcvt.s.d, rne, 0xbf800002, NX, 0xbff0000030000000
	TEST_FCVT 12, s, d, fcvt.s.d, rtz, 0xbf800001, NX, 0xbff0000030000000
	TEST_FCVT 13, s, d, fcvt.s.d, rdn, 0xbf800002, NX, 0xbff0000030000000
	TEST_FCVT 14, s, d, fcvt.s.d, rup, 0xbf800001, NX, 0xbff0000030000000
	TEST_FCVT 15, s, d, fcvt.s.d, rmm, 0xbf800002, NX, 0xbff0000030000000

	/* 1 + 2^-24 + 2^-40: above the midpoint */
	TEST_FCVT 16, s, d, fcvt.s.d, rne, 0x3f800001, NX, 0x3ff0000010001000
	TEST_FCVT 17, s, d, fcvt.s.d, rtz, 0x3f800000, NX, 0x3ff0000010001000
	TEST_FCVT 18, s, d, fcvt.s.d, rdn, 0x3f800000, NX, 0x3ff0000010001000
	TEST_FCVT 19, s, d, fcvt.s.d, rup, 0x3f800001, NX, 0x3ff0000010001000
	TEST_FCVT 20, s, d, fcvt.s.d, rmm, 0x3f800001, NX, 0x3ff0000010001000

	/* 2^128: overflows */
	TEST_FCVT 21, s, d, fcvt.s.d, rne, 0x7f800000, OF|NX, 0x47f0000000000000
	TEST_FCVT 22, s, d, fcvt.s.d, rtz, 0x7f7fffff, OF|NX, 0x47f0000000000000
	TEST_FCVT 23, s, d, fcvt.s.d, rdn, 0x7f7fffff, OF|NX, 0x47f0000000000000
	TEST_FCVT 24, s, d, fcvt.s.d, rup, 0x7f800000, OF|NX, 0x47f0000000000000
	TEST_FCVT 25, s, d, fcvt.s.d, rmm, 0x7f800000, OF|NX, 0x47f0000000000000

	/* -2^128: overflows negative */
	TEST_FCVT 26, s, d, fcvt.s.d, rne, 0xff800000, OF|NX, 0xc7f0000000000000
	TEST_FCVT 27, s, d, fcvt.s.d, rtz, 0xff7fffff, OF|NX, 0xc7f0000000000000
	TEST_FCVT 28, s, d, fcvt.s.d, rdn, 0xff800000, OF|NX, 0xc7f0000000000000
	TEST_FCVT 29, s, d, fcvt.s.d, rup, 0xff7fffff, OF|NX, 0xc7f0000000000000
	TEST_FCVT 30, s, d, fcvt.s.d, rmm, 0xff800000, OF|NX, 0xc7f0000000000000

	/* 2^-126 - 2^-151: tiny or not after rounding, by mode */
	TEST_FCVT 31, s, d, fcvt.s.d, rne, 0x00800000, NX, 0x380ffffff0000000
	TEST_FCVT 32, s, d, fcvt.s.d, rtz, 0x007fffff, UF|NX, 0x380ffffff0000000
	TEST_FCVT 33, s, d, fcvt.s.d, rdn, 0x007fffff, UF|NX, 0x380ffffff0000000
	TEST_FCVT 34, s, d, fcvt.s.d, rup, 0x00800000, NX, 0x380ffffff0000000
	TEST_FCVT 35, s, d, fcvt.s.d, rmm, 0x00800000, NX, 0x380ffffff0000000

	/* 2^-150 + 2^-170: just above half the smallest subnormal */
	TEST_FCVT 36, s, d, fcvt.s.d, rne, 0x00000001, UF|NX, 0x3690000100000000
	TEST_FCVT 37, s, d, fcvt.s.d, rtz, 0x00000000, UF|NX, 0x3690000100000000
	TEST_FCVT 38, s, d, fcvt.s.d, rdn, 0x00000000, UF|NX, 0x3690000100000000
	TEST_FCVT 39, s, d, fcvt.s.d, rup, 0x00000001, UF|NX, 0x3690000100000000
	TEST_FCVT 40, s, d, fcvt.s.d, rmm, 0x00000001, UF|NX, 0x3690000100000000

	/* exact values, limits, NaNs */
	TEST_FCVT 41, s, d, fcvt.s.d, rne, 0x3fc00000, 0, 0x3ff8000000000000	/* 1.5, exact */
	TEST_FCVT 42, s, d, fcvt.s.d, rne, 0x7f7fffff, 0, 0x47efffffe0000000	/* single MAX, exact */
	TEST_FCVT 43, s, d, fcvt.s.d, rne, 0x00000001, 0, 0x36a0000000000000	/* 2^-149, exact min subnormal */
	TEST_FCVT 44, s, d, fcvt.s.d, rne, 0x80000200, 0, 0xb730000000000000	/* -2^-140, exact negative subnormal */
	TEST_FCVT 45, s, d, fcvt.s.d, rne, 0x7f800000, OF|NX, 0x7fefffffffffffff	/* double MAX: overflows */
	TEST_FCVT 46, s, d, fcvt.s.d, rtz, 0x7f7fffff, OF|NX, 0x7fefffffffffffff	/* double MAX rounding to zero: single MAX */
	TEST_FCVT 47, s, d, fcvt.s.d, rne, 0x00000000, UF|NX, 0x0000000000000001	/* double min subnormal: 0 */
	TEST_FCVT 48, s, d, fcvt.s.d, rdn, 0x80000001, UF|NX, 0x8000000000000001	/* double -min subnormal rounding down: -single min subnormal */
	TEST_FCVT 49, s, d, fcvt.s.d, rne, 0x80000000, 0, 0x8000000000000000	/* -0 */
	TEST_FCVT 50, s, d, fcvt.s.d, rne, 0xff800000, 0, 0xfff0000000000000	/* -inf */
	TEST_FCVT 51, s, d, fcvt.s.d, rne, 0x7fc00000, 0, 0x7ff8000000012345	/* quiet NaN with payload: canonical NaN, no flag */
	TEST_FCVT 52, s, d, fcvt.s.d, rne, 0x7fc00000, 0, 0xfff8000000000000	/* negative quiet NaN: canonical NaN */
	TEST_FCVT 53, s, d, fcvt.s.d, rne, 0x7fc00000, NV, 0x7ff0000000000001	/* signaling NaN: canonical NaN, invalid */
	TEST_FCVT 54, s, d, fcvt.s.d, rne, 0x7fc00000, NV, 0x7ff4000000000000	/* signaling NaN whose payload would survive truncation */

	/* fcvt.d.s is exact */
	TEST_FCVT 55, d, s, fcvt.d.s, none, 0x3ff0000020000000, 0, 0x3f800001	/* 1 + ulp */
	TEST_FCVT 56, d, s, fcvt.d.s, none, 0xc7efffffe0000000, 0, 0xff7fffff	/* -single MAX */
	TEST_FCVT 57, d, s, fcvt.d.s, none, 0x36a0000000000000, 0, 0x00000001	/* single min subnormal becomes a normal double */
	TEST_FCVT 58, d, s, fcvt.d.s, none, 0xb80fffffc0000000, 0, 0x807fffff	/* -single max subnormal */
	TEST_FCVT 59, d, s, fcvt.d.s, none, 0x8000000000000000, 0, 0x80000000	/* -0 */
	TEST_FCVT 60, d, s, fcvt.d.s, none, 0x7ff0000000000000, 0, 0x7f800000	/* +inf */
	TEST_FCVT 61, d, s, fcvt.d.s, none, 0x7ff8000000000000, 0, 0x7fc12345	/* quiet NaN with payload: canonical NaN */
	TEST_FCVT 62, d, s, fcvt.d.s, none, 0x7ff8000000000000, NV, 0x7f800001	/* signaling NaN: canonical NaN, invalid */
TEST_END
