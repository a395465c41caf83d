/* fmul.d: rounding in every mode, overflow, tininess after rounding, zeros, NaNs */
#include "macros.h"

TEST_BEGIN

	/* (1 + 2^-27)(1 - 2^-27) = 1 - 2^-54: a tie below 1 */
	TEST_F2 1, d, fmul.d, rne, 0x3ff0000000000000, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 2, d, fmul.d, rtz, 0x3fefffffffffffff, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 3, d, fmul.d, rdn, 0x3fefffffffffffff, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 4, d, fmul.d, rup, 0x3ff0000000000000, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 5, d, fmul.d, rmm, 0x3ff0000000000000, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 6, d, fmul.d, dyn_rne, 0x3ff0000000000000, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 7, d, fmul.d, dyn_rtz, 0x3fefffffffffffff, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 8, d, fmul.d, dyn_rdn, 0x3fefffffffffffff, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 9, d, fmul.d, dyn_rup, 0x3ff0000000000000, NX, 0x3ff0000002000000, 0x3feffffffc000000
	TEST_F2 10, d, fmul.d, dyn_rmm, 0x3ff0000000000000, NX, 0x3ff0000002000000, 0x3feffffffc000000

	/* (1 + ulp)(1 + ulp) = 1 + 2 ulp + ulp^2: just above a representable value */
	TEST_F2 11, d, fmul.d, rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 12, d, fmul.d, rtz, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 13, d, fmul.d, rdn, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 14, d, fmul.d, rup, 0x3ff0000000000003, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 15, d, fmul.d, rmm, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 16, d, fmul.d, dyn_rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 17, d, fmul.d, dyn_rtz, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 18, d, fmul.d, dyn_rdn, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 19, d, fmul.d, dyn_rup, 0x3ff0000000000003, NX, 0x3ff0000000000001, 0x3ff0000000000001
	TEST_F2 20, d, fmul.d, dyn_rmm, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001

	/* negative tie */
	TEST_F2 21, d, fmul.d, rne, 0xbff0000000000000, NX, 0xbff0000002000000, 0x3feffffffc000000
	TEST_F2 22, d, fmul.d, rtz, 0xbfefffffffffffff, NX, 0xbff0000002000000, 0x3feffffffc000000
	TEST_F2 23, d, fmul.d, rdn, 0xbff0000000000000, NX, 0xbff0000002000000, 0x3feffffffc000000
	TEST_F2 24, d, fmul.d, rup, 0xbfefffffffffffff, NX, 0xbff0000002000000, 0x3feffffffc000000
	TEST_F2 25, d, fmul.d, rmm, 0xbff0000000000000, NX, 0xbff0000002000000, 0x3feffffffc000000

	/* MAX * 2 overflows */
	TEST_F2 26, d, fmul.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000
	TEST_F2 27, d, fmul.d, rtz, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x4000000000000000
	TEST_F2 28, d, fmul.d, rdn, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x4000000000000000
	TEST_F2 29, d, fmul.d, rup, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000
	TEST_F2 30, d, fmul.d, rmm, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000

	/* -MAX * 2 overflows negative */
	TEST_F2 31, d, fmul.d, rne, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000
	TEST_F2 32, d, fmul.d, rtz, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x4000000000000000
	TEST_F2 33, d, fmul.d, rdn, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000
	TEST_F2 34, d, fmul.d, rup, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x4000000000000000
	TEST_F2 35, d, fmul.d, rmm, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000

	/* min subnormal / 2: halfway between 0 and min subnormal */
	TEST_F2 36, d, fmul.d, rne, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000
	TEST_F2 37, d, fmul.d, rtz, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000
	TEST_F2 38, d, fmul.d, rdn, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000
	TEST_F2 39, d, fmul.d, rup, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x3fe0000000000000
	TEST_F2 40, d, fmul.d, rmm, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x3fe0000000000000

	/* (1 - ulp) * min normal (1 + ulp) = min normal (1 - ulp^2): tiny only where it rounds below min normal (tininess after rounding) */
	TEST_F2 41, d, fmul.d, rne, 0x0010000000000000, NX, 0x3feffffffffffffe, 0x0010000000000001
	TEST_F2 42, d, fmul.d, rtz, 0x000fffffffffffff, UF|NX, 0x3feffffffffffffe, 0x0010000000000001
	TEST_F2 43, d, fmul.d, rdn, 0x000fffffffffffff, UF|NX, 0x3feffffffffffffe, 0x0010000000000001
	TEST_F2 44, d, fmul.d, rup, 0x0010000000000000, NX, 0x3feffffffffffffe, 0x0010000000000001
	TEST_F2 45, d, fmul.d, rmm, 0x0010000000000000, NX, 0x3feffffffffffffe, 0x0010000000000001

	/* exact results, zeros, infinities, NaNs */
	TEST_F2 46, d, fmul.d, rne, 0xc008000000000000, 0, 0x4008000000000000, 0xbff0000000000000	/* 3 * -1 = -3 */
	TEST_F2 47, d, fmul.d, rne, 0x0008000000000000, 0, 0x0010000000000000, 0x3fe0000000000000	/* min normal / 2 is an exact subnormal: no underflow */
	TEST_F2 48, d, fmul.d, rne, 0x001ffffffffffffe, 0, 0x000fffffffffffff, 0x4000000000000000	/* max subnormal * 2, exact and normal */
	TEST_F2 49, d, fmul.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x4008000000000000	/* -0 * 3 = -0 */
	TEST_F2 50, d, fmul.d, rne, 0x0000000000000000, 0, 0x8000000000000000, 0xc008000000000000	/* -0 * -3 = +0 */
	TEST_F2 51, d, fmul.d, rne, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x0000000000000001	/* min subnormal * min subnormal underflows to +0 */
	TEST_F2 52, d, fmul.d, rup, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x0000000000000001	/* rounding up gives min subnormal */
	TEST_F2 53, d, fmul.d, rdn, 0x8000000000000001, UF|NX, 0x8000000000000001, 0x0000000000000001	/* -min subnormal * min subnormal rounding down */
	TEST_F2 54, d, fmul.d, rne, 0xfff0000000000000, 0, 0x7ff0000000000000, 0xc000000000000000	/* inf * -2 = -inf */
	TEST_F2 55, d, fmul.d, rne, 0x7ff8000000000000, NV, 0x0000000000000000, 0x7ff0000000000000	/* 0 * inf: invalid */
	TEST_F2 56, d, fmul.d, rne, 0x7ff8000000000000, NV, 0xfff0000000000000, 0x8000000000000000	/* -inf * -0: invalid */
	TEST_F2 57, d, fmul.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0x0000000000000000	/* quiet NaN * 0: canonical NaN, no flag */
	TEST_F2 58, d, fmul.d, rne, 0x7ff8000000000000, NV, 0x4000000000000000, 0x7ff0000000000001	/* 2 * signaling NaN: invalid */
TEST_END
