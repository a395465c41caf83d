/* fmul.s: rounding in every mode, overflow, tininess after rounding, zeros, NaNs */
#include "macros.h"

TEST_BEGIN

	/* (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: a tie */
	TEST_F2 1, s, fmul.s, rne, 0x3f801000, NX, 0x3f800800, 0x3f800800
	TEST_F2 2, s, fmul.s, rtz, 0x3f801000, NX, 0x3f800800, 0x3f800800
	TEST_F2 3, s, fmul.s, rdn, 0x3f801000, NX, 0x3f800800, 0x3f800800
	TEST_F2 4, s, fmul.s, rup, 0x3f801001, NX, 0x3f800800, 0x3f800800
	TEST_F2 5, s, fmul.s, rmm, 0x3f801001, NX, 0x3f800800, 0x3f800800
	TEST_F2 6, s, fmul.s, dyn_rne, 0x3f801000, NX, 0x3f800800, 0x3f800800
	TEST_F2 7, s, fmul.s, dyn_rtz, 0x3f801000, NX, 0x3f800800, 0x3f800800
	TEST_F2 8, s, fmul.s, dyn_rdn, 0x3f801000, NX, 0x3f800800, 0x3f800800
	TEST_F2 9, s, fmul.s, dyn_rup, 0x3f801001, NX, 0x3f800800, 0x3f800800
	TEST_F2 10, s, fmul.s, dyn_rmm, 0x3f801001, NX, 0x3f800800, 0x3f800800

	/* (1 + ulp)(1 + ulp) = 1 + 2 ulp + ulp^2: just above a representable value */
	TEST_F2 11, s, fmul.s, rne, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 12, s, fmul.s, rtz, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 13, s, fmul.s, rdn, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 14, s, fmul.s, rup, 0x3f800003, NX, 0x3f800001, 0x3f800001
	TEST_F2 15, s, fmul.s, rmm, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 16, s, fmul.s, dyn_rne, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 17, s, fmul.s, dyn_rtz, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 18, s, fmul.s, dyn_rdn, 0x3f800002, NX, 0x3f800001, 0x3f800001
	TEST_F2 19, s, fmul.s, dyn_rup, 0x3f800003, NX, 0x3f800001, 0x3f800001
	TEST_F2 20, s, fmul.s, dyn_rmm, 0x3f800002, NX, 0x3f800001, 0x3f800001

	/* negative tie */
	TEST_F2 21, s, fmul.s, rne, 0xbf801000, NX, 0xbf800800, 0x3f800800
	TEST_F2 22, s, fmul.s, rtz, 0xbf801000, NX, 0xbf800800, 0x3f800800
	TEST_F2 23, s, fmul.s, rdn, 0xbf801001, NX, 0xbf800800, 0x3f800800
	TEST_F2 24, s, fmul.s, rup, 0xbf801000, NX, 0xbf800800, 0x3f800800
	TEST_F2 25, s, fmul.s, rmm, 0xbf801001, NX, 0xbf800800, 0x3f800800

	/* MAX * 2 overflows */
	TEST_F2 26, s, fmul.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000
	TEST_F2 27, s, fmul.s, rtz, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x40000000
	TEST_F2 28, s, fmul.s, rdn, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x40000000
	TEST_F2 29, s, fmul.s, rup, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000
	TEST_F2 30, s, fmul.s, rmm, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000

	/* -MAX * 2 overflows negative */
	TEST_F2 31, s, fmul.s, rne, 0xff800000, OF|NX, 0xff7fffff, 0x40000000
	TEST_F2 32, s, fmul.s, rtz, 0xff7fffff, OF|NX, 0xff7fffff, 0x40000000
	TEST_F2 33, s, fmul.s, rdn, 0xff800000, OF|NX, 0xff7fffff, 0x40000000
	TEST_F2 34, s, fmul.s, rup, 0xff7fffff, OF|NX, 0xff7fffff, 0x40000000
	TEST_F2 35, s, fmul.s, rmm, 0xff800000, OF|NX, 0xff7fffff, 0x40000000

	/* min subnormal / 2: halfway between 0 and min subnormal */
	TEST_F2 36, s, fmul.s, rne, 0x00000000, UF|NX, 0x00000001, 0x3f000000
	TEST_F2 37, s, fmul.s, rtz, 0x00000000, UF|NX, 0x00000001, 0x3f000000
	TEST_F2 38, s, fmul.s, rdn, 0x00000000, UF|NX, 0x00000001, 0x3f000000
	TEST_F2 39, s, fmul.s, rup, 0x00000001, UF|NX, 0x00000001, 0x3f000000
	TEST_F2 40, s, fmul.s, rmm, 0x00000001, UF|NX, 0x00000001, 0x3f000000

	/* (1 - ulp) * min normal (1 + ulp) = min normal (1 - ulp^2): tiny only where it rounds below min normal (tininess after rounding) */
	TEST_F2 41, s, fmul.s, rne, 0x00800000, NX, 0x3f7ffffe, 0x00800001
	TEST_F2 42, s, fmul.s, rtz, 0x007fffff, UF|NX, 0x3f7ffffe, 0x00800001
	TEST_F2 43, s, fmul.s, rdn, 0x007fffff, UF|NX, 0x3f7ffffe, 0x00800001
	TEST_F2 44, s, fmul.s, rup, 0x00800000, NX, 0x3f7ffffe, 0x00800001
	TEST_F2 45, s, fmul.s, rmm, 0x00800000, NX, 0x3f7ffffe, 0x00800001

	/* exact results, zeros, infinities, NaNs */
	TEST_F2 46, s, fmul.s, rne, 0xc0400000, 0, 0x40400000, 0xbf800000	/* 3 * -1 = -3 */
	TEST_F2 47, s, fmul.s, rne, 0x00400000, 0, 0x00800000, 0x3f000000	/* min normal / 2 is an exact subnormal: no underflow */
	TEST_F2 48, s, fmul.s, rne, 0x00fffffe, 0, 0x007fffff, 0x40000000	/* max subnormal * 2, exact and normal */
	TEST_F2 49, s, fmul.s, rne, 0x80000000, 0, 0x80000000, 0x40400000	/* -0 * 3 = -0 */
	TEST_F2 50, s, fmul.s, rne, 0x00000000, 0, 0x80000000, 0xc0400000	/* -0 * -3 = +0 */
	TEST_F2 51, s, fmul.s, rne, 0x00000000, UF|NX, 0x00000001, 0x00000001	/* min subnormal * min subnormal underflows to +0 */
	TEST_F2 52, s, fmul.s, rup, 0x00000001, UF|NX, 0x00000001, 0x00000001	/* rounding up gives min subnormal */
	TEST_F2 53, s, fmul.s, rdn, 0x80000001, UF|NX, 0x80000001, 0x00000001	/* -min subnormal * min subnormal rounding down */
	TEST_F2 54, s, fmul.s, rne, 0xff800000, 0, 0x7f800000, 0xc0000000	/* inf * -2 = -inf */
	TEST_F2 55, s, fmul.s, rne, 0x7fc00000, NV, 0x00000000, 0x7f800000	/* 0 * inf: invalid */
	TEST_F2 56, s, fmul.s, rne, 0x7fc00000, NV, 0xff800000, 0x80000000	/* -inf * -0: invalid */
	TEST_F2 57, s, fmul.s, rne, 0x7fc00000, 0, 0x7fc12345, 0x00000000	/* quiet NaN * 0: canonical NaN, no flag */
	TEST_F2 58, s, fmul.s, rne, 0x7fc00000, NV, 0x40000000, 0x7f800001	/* 2 * signaling NaN: invalid */
TEST_END
