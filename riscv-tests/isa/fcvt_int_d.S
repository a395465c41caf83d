/* fcvt.w.d, fcvt.wu.d, fcvt.l.d, fcvt.lu.d: rounding in every mode, saturation, sign extension of W results */
#include "macros.h"

TEST_BEGIN

	/* 2.5 */
	TEST_F2I 1, d, fcvt.w.d, rne, 0x0000000000000002, NX, 0x4004000000000000
	TEST_F2I 2, d, fcvt.w.d, rtz, 0x0000000000000002, NX, 0x4004000000000000
	TEST_F2I 3, d, fcvt.w.d, rdn, 0x0000000000000002, NX, 0x4004000000000000
	TEST_F2I 4, d, fcvt.w.d, rup, 0x0000000000000003, NX, 0x4004000000000000
	TEST_F2I 5, d, fcvt.w.d, rmm, 0x0000000000000003, NX, 0x4004000000000000
	TEST_F2I 6, d, fcvt.w.d, dyn_rne, 0x0000000000000002, NX, 0x4004000000000000
	TEST_F2I 7, d, fcvt.w.d, dyn_rtz, 0x0000000000000002, NX, 0x4004000000000000
	TEST_F2I 8, d, fcvt.w.d, dyn_rdn, 0x0000000000000002, NX, 0x4004000000000000
	TEST_F2I 9, d, fcvt.w.d, dyn_rup, 0x0000000000000003, NX, 0x4004000000000000
	TEST_F2I 10, d, fcvt.w.d, dyn_rmm, 0x0000000000000003, NX, 0x4004000000000000

	/* -2.5 */
	TEST_F2I 11, d, fcvt.w.d, rne, 0xfffffffffffffffe, NX, 0xc004000000000000
	TEST_F2I 12, d, fcvt.w.d, rtz, 0xfffffffffffffffe, NX, 0xc004000000000000
	TEST_F2I 13, d, fcvt.w.d, rdn, 0xfffffffffffffffd, NX, 0xc004000000000000
	TEST_F2I 14, d, fcvt.w.d, rup, 0xfffffffffffffffe, NX, 0xc004000000000000
	TEST_F2I 15, d, fcvt.w.d, rmm, 0xfffffffffffffffd, NX, 0xc004000000000000

	/* -0.75 */
	TEST_F2I 16, d, fcvt.w.d, rne, 0xffffffffffffffff, NX, 0xbfe8000000000000
	TEST_F2I 17, d, fcvt.w.d, rtz, 0x0000000000000000, NX, 0xbfe8000000000000
	TEST_F2I 18, d, fcvt.w.d, rdn, 0xffffffffffffffff, NX, 0xbfe8000000000000
	TEST_F2I 19, d, fcvt.w.d, rup, 0x0000000000000000, NX, 0xbfe8000000000000
	TEST_F2I 20, d, fcvt.w.d, rmm, 0xffffffffffffffff, NX, 0xbfe8000000000000

	/* -0.5: 0 where it rounds to zero, invalid where to -1 */
	TEST_F2I 21, d, fcvt.wu.d, rne, 0x0000000000000000, NX, 0xbfe0000000000000
	TEST_F2I 22, d, fcvt.wu.d, rtz, 0x0000000000000000, NX, 0xbfe0000000000000
	TEST_F2I 23, d, fcvt.wu.d, rdn, 0x0000000000000000, NV, 0xbfe0000000000000
	TEST_F2I 24, d, fcvt.wu.d, rup, 0x0000000000000000, NX, 0xbfe0000000000000
	TEST_F2I 25, d, fcvt.wu.d, rmm, 0x0000000000000000, NV, 0xbfe0000000000000
	TEST_F2I 26, d, fcvt.wu.d, dyn_rne, 0x0000000000000000, NX, 0xbfe0000000000000
	TEST_F2I 27, d, fcvt.wu.d, dyn_rtz, 0x0000000000000000, NX, 0xbfe0000000000000
	TEST_F2I 28, d, fcvt.wu.d, dyn_rdn, 0x0000000000000000, NV, 0xbfe0000000000000
	TEST_F2I 29, d, fcvt.wu.d, dyn_rup, 0x0000000000000000, NX, 0xbfe0000000000000
	TEST_F2I 30, d, fcvt.wu.d, dyn_rmm, 0x0000000000000000, NV, 0xbfe0000000000000

	/* 1.5 */
	TEST_F2I 31, d, fcvt.l.d, rne, 0x0000000000000002, NX, 0x3ff8000000000000
	TEST_F2I 32, d, fcvt.l.d, rtz, 0x0000000000000001, NX, 0x3ff8000000000000
	TEST_F2I 33, d, fcvt.l.d, rdn, 0x0000000000000001, NX, 0x3ff8000000000000
	TEST_F2I 34, d, fcvt.l.d, rup, 0x0000000000000002, NX, 0x3ff8000000000000
	TEST_F2I 35, d, fcvt.l.d, rmm, 0x0000000000000002, NX, 0x3ff8000000000000
	TEST_F2I 36, d, fcvt.l.d, dyn_rne, 0x0000000000000002, NX, 0x3ff8000000000000
	TEST_F2I 37, d, fcvt.l.d, dyn_rtz, 0x0000000000000001, NX, 0x3ff8000000000000
	TEST_F2I 38, d, fcvt.l.d, dyn_rdn, 0x0000000000000001, NX, 0x3ff8000000000000
	TEST_F2I 39, d, fcvt.l.d, dyn_rup, 0x0000000000000002, NX, 0x3ff8000000000000
	TEST_F2I 40, d, fcvt.l.d, dyn_rmm, 0x0000000000000002, NX, 0x3ff8000000000000

	/* 0.5 */
	TEST_F2I 41, d, fcvt.lu.d, rne, 0x0000000000000000, NX, 0x3fe0000000000000
	TEST_F2I 42, d, fcvt.lu.d, rtz, 0x0000000000000000, NX, 0x3fe0000000000000
	TEST_F2I 43, d, fcvt.lu.d, rdn, 0x0000000000000000, NX, 0x3fe0000000000000
	TEST_F2I 44, d, fcvt.lu.d, rup, 0x0000000000000001, NX, 0x3fe0000000000000
	TEST_F2I 45, d, fcvt.lu.d, rmm, 0x0000000000000001, NX, 0x3fe0000000000000
	TEST_F2I 46, d, fcvt.lu.d, dyn_rne, 0x0000000000000000, NX, 0x3fe0000000000000
	TEST_F2I 47, d, fcvt.lu.d, dyn_rtz, 0x0000000000000000, NX, 0x3fe0000000000000
	TEST_F2I 48, d, fcvt.lu.d, dyn_rdn, 0x0000000000000000, NX, 0x3fe0000000000000
	TEST_F2I 49, d, fcvt.lu.d, dyn_rup, 0x0000000000000001, NX, 0x3fe0000000000000
	TEST_F2I 50, d, fcvt.lu.d, dyn_rmm, 0x0000000000000001, NX, 0x3fe0000000000000

	/* limits and saturation of fcvt.w */
	TEST_F2I 51, d, fcvt.w.d, rne, 0x000000007fffffff, 0, 0x41dfffffffc00000	/* 2^31 - 1, exact */
	TEST_F2I 52, d, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x41dfffffffe00000	/* 2^31 - 0.5 rounds to 2^31: invalid */
	TEST_F2I 53, d, fcvt.w.d, rtz, 0x000000007fffffff, NX, 0x41dfffffffe00000	/* 2^31 - 0.5 rounding to zero: inexact */
	TEST_F2I 54, d, fcvt.w.d, rne, 0xffffffff80000000, NX, 0xc1e0000000100000	/* -2^31 - 0.5 rounds to even -2^31 */
	TEST_F2I 55, d, fcvt.w.d, rdn, 0xffffffff80000000, NV, 0xc1e0000000100000	/* -2^31 - 0.5 rounding down: invalid */
	TEST_F2I 56, d, fcvt.w.d, rne, 0xffffffff80000000, 0, 0xc1e0000000000000	/* -2^31, exact */
	TEST_F2I 57, d, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x41e0000000000000	/* 2^31: invalid, INT32_MAX */
	TEST_F2I 58, d, fcvt.w.d, rne, 0xffffffff80000000, NV, 0xc1f0000000000000	/* -2^32: invalid, INT32_MIN */
	TEST_F2I 59, d, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x7ff0000000000000	/* +inf: INT32_MAX */
	TEST_F2I 60, d, fcvt.w.d, rne, 0xffffffff80000000, NV, 0xfff0000000000000	/* -inf: INT32_MIN */
	TEST_F2I 61, d, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x7ff8000000000000	/* quiet NaN: INT32_MAX */
	TEST_F2I 62, d, fcvt.w.d, rne, 0x000000007fffffff, NV, 0xfff8000000000000	/* negative NaN: INT32_MAX as well */
	TEST_F2I 63, d, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x7ff0000000000001	/* signaling NaN: INT32_MAX */
	TEST_F2I 64, d, fcvt.w.d, rne, 0x0000000000000000, 0, 0x8000000000000000	/* -0 = 0, exact */
	TEST_F2I 65, d, fcvt.w.d, rne, 0x0000000000000000, NX, 0x0000000000000001	/* min subnormal: 0, inexact */
	TEST_F2I 66, d, fcvt.w.d, rup, 0x0000000000000001, NX, 0x0000000000000001	/* min subnormal rounding up: 1 */
	TEST_F2I 67, d, fcvt.w.d, rdn, 0xffffffffffffffff, NX, 0x8000000000000001	/* -min subnormal rounding down: -1 */

	/* fcvt.wu: results are sign-extended from bit 31 */
	TEST_F2I 68, d, fcvt.wu.d, rne, 0xffffffffb2d05e00, 0, 0x41e65a0bc0000000	/* 3e9 is 0xb2d05e00, sign-extended */
	TEST_F2I 69, d, fcvt.wu.d, rne, 0xffffffff80000000, 0, 0x41e0000000000000	/* 2^31, sign-extended */
	TEST_F2I 70, d, fcvt.wu.d, rne, 0xffffffffffffffff, 0, 0x41efffffffe00000	/* 2^32 - 1 */
	TEST_F2I 71, d, fcvt.wu.d, rne, 0xffffffffffffffff, NV, 0x41effffffff00000	/* 2^32 - 0.5 rounds to 2^32: invalid */
	TEST_F2I 72, d, fcvt.wu.d, rtz, 0xffffffffffffffff, NX, 0x41effffffff00000	/* 2^32 - 0.5 rounding to zero */
	TEST_F2I 73, d, fcvt.wu.d, rne, 0xffffffffffffffff, NV, 0x41f0000000000000	/* 2^32: invalid, all ones */
	TEST_F2I 74, d, fcvt.wu.d, rne, 0x0000000000000000, NV, 0xbff0000000000000	/* -1: invalid, 0 */
	TEST_F2I 75, d, fcvt.wu.d, rne, 0x0000000000000000, 0, 0x8000000000000000	/* -0 = 0, exact */
	TEST_F2I 76, d, fcvt.wu.d, rne, 0xffffffffffffffff, NV, 0x7ff0000000000000	/* +inf: all ones */
	TEST_F2I 77, d, fcvt.wu.d, rne, 0x0000000000000000, NV, 0xfff0000000000000	/* -inf: 0 */
	TEST_F2I 78, d, fcvt.wu.d, rne, 0xffffffffffffffff, NV, 0x7ff8000000012345	/* NaN: all ones */

	/* limits and saturation of fcvt.l, fcvt.lu */
	TEST_F2I 79, d, fcvt.l.d, rne, 0x7ffffffffffff800, 0, 0x43dffffffffffffe	/* largest value below 2^63 */
	TEST_F2I 80, d, fcvt.l.d, rne, 0x8000000000000000, 0, 0xc3e0000000000000	/* -2^63, exact */
	TEST_F2I 81, d, fcvt.l.d, rne, 0x7fffffffffffffff, NV, 0x43e0000000000000	/* 2^63: invalid, INT64_MAX */
	TEST_F2I 82, d, fcvt.l.d, rne, 0x8000000000000000, NV, 0xc3f0000000000000	/* -2^64: invalid, INT64_MIN */
	TEST_F2I 83, d, fcvt.l.d, rne, 0x00000000b2d05e00, 0, 0x41e65a0bc0000000	/* 3e9 needs more than 32 bits */
	TEST_F2I 84, d, fcvt.l.d, rne, 0x8000000000000000, NV, 0xfff0000000000000	/* -inf: INT64_MIN */
	TEST_F2I 85, d, fcvt.l.d, rne, 0x7fffffffffffffff, NV, 0xfff8000000000000	/* NaN: INT64_MAX */
	TEST_F2I 86, d, fcvt.l.d, rne, 0x7fffffffffffffff, NV, 0x7ff0000000000001	/* signaling NaN: INT64_MAX */
	TEST_F2I 87, d, fcvt.lu.d, rne, 0xfffffffffffff800, 0, 0x43efffffffffffff	/* largest value below 2^64 */
	TEST_F2I 88, d, fcvt.lu.d, rne, 0x8000000000000000, 0, 0x43e0000000000000	/* 2^63 */
	TEST_F2I 89, d, fcvt.lu.d, rne, 0xffffffffffffffff, NV, 0x43f0000000000000	/* 2^64: invalid, all ones */
	TEST_F2I 90, d, fcvt.lu.d, rne, 0x0000000000000000, NV, 0xbff0000000000000	/* -1: invalid, 0 */
	TEST_F2I 91, d, fcvt.lu.d, rtz, 0x0000000000000000, NX, 0xbfe8000000000000	/* -0.75 rounding to zero: 0, inexact */
	TEST_F2I 92, d, fcvt.lu.d, rne, 0xffffffffffffffff, NV, 0x7ff0000000000000	/* +inf: all ones */
	TEST_F2I 93, d, fcvt.lu.d, rne, 0xffffffffffffffff, NV, 0x7ff8000000000000	/* NaN: all ones */
TEST_END
