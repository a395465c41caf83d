/* fcvt.w.s, fcvt.wu.s, fcvt.l.s, fcvt.lu.s: rounding in every mode, saturation, sign extension of W results */
#include "macros.h"

TEST_BEGIN

	/* 2.5 */
	TEST_F2I 1, s, fcvt.w.s, rne, 0x0000000000000002, NX, 0x40200000
	TEST_F2I 2, s, fcvt.w.s, rtz, 0x0000000000000002, NX, 0x40200000
	TEST_F2I 3, s, fcvt.w.s, rdn, 0x0000000000000002, NX, 0x40200000
	TEST_F2I 4, s, fcvt.w.s, rup, 0x0000000000000003, NX, 0x40200000
	TEST_F2I 5, s, fcvt.w.s, rmm, 0x0000000000000003, NX, 0x40200000
	TEST_F2I 6, s, fcvt.w.s, dyn_rne, 0x0000000000000002, NX, 0x40200000
	TEST_F2I 7, s, fcvt.w.s, dyn_rtz, 0x0000000000000002, NX, 0x40200000
	TEST_F2I 8, s, fcvt.w.s, dyn_rdn, 0x0000000000000002, NX, 0x40200000
	TEST_F2I 9, s, fcvt.w.s, dyn_rup, 0x0000000000000003, NX, 0x40200000
	TEST_F2I 10, s, fcvt.w.s, dyn_rmm, 0x0000000000000003, NX, 0x40200000

	/* -2.5 */
	TEST_F2I 11, s, fcvt.w.s, rne, 0xfffffffffffffffe, NX, 0xc0200000
	TEST_F2I 12, s, fcvt.w.s, rtz, 0xfffffffffffffffe, NX, 0xc0200000
	TEST_F2I 13, s, fcvt.w.s, rdn, 0xfffffffffffffffd, NX, 0xc0200000
	TEST_F2I 14, s, fcvt.w.s, rup, 0xfffffffffffffffe, NX, 0xc0200000
	TEST_F2I 15, s, fcvt.w.s, rmm, 0xfffffffffffffffd, NX, 0xc0200000

	/* -0.75 */
	TEST_F2I 16, s, fcvt.w.s, rne, 0xffffffffffffffff, NX, 0xbf400000
	TEST_F2I 17, s, fcvt.w.s, rtz, 0x0000000000000000, NX, 0xbf400000
	TEST_F2I 18, s, fcvt.w.s, rdn, 0xffffffffffffffff, NX, 0xbf400000
	TEST_F2I 19, s, fcvt.w.s, rup, 0x0000000000000000, NX, 0xbf400000
	TEST_F2I 20, s, fcvt.w.s, rmm, 0xffffffffffffffff, NX, 0xbf400000

	/* -0.5: 0 where it rounds to zero, invalid where to -1 */
	TEST_F2I 21, s, fcvt.wu.s, rne, 0x0000000000000000, NX, 0xbf000000
	TEST_F2I 22, s, fcvt.wu.s, rtz, 0x0000000000000000, NX, 0xbf000000
	TEST_F2I 23, s, fcvt.wu.s, rdn, 0x0000000000000000, NV, 0xbf000000
	TEST_F2I 24, s, fcvt.wu.s, rup, 0x0000000000000000, NX, 0xbf000000
	TEST_F2I 25, s, fcvt.wu.s, rmm, 0x0000000000000000, NV, 0xbf000000
	TEST_F2I 26, s, fcvt.wu.s, dyn_rne, 0x0000000000000000, NX, 0xbf000000
	TEST_F2I 27, s, fcvt.wu.s, dyn_rtz, 0x0000000000000000, NX, 0xbf000000
	TEST_F2I 28, s, fcvt.wu.s, dyn_rdn, 0x0000000000000000, NV, 0xbf000000
	TEST_F2I 29, s, fcvt.wu.s, dyn_rup, 0x0000000000000000, NX, 0xbf000000
	TEST_F2I 30, s, fcvt.wu.s, dyn_rmm, 0x0000000000000000, NV, 0xbf000000

	/* 1.5 */
	TEST_F2I 31, s, fcvt.l.s, rne, 0x0000000000000002, NX, 0x3fc00000
	TEST_F2I 32, s, fcvt.l.s, rtz, 0x0000000000000001, NX, 0x3fc00000
	TEST_F2I 33, s, fcvt.l.s, rdn, 0x0000000000000001, NX, 0x3fc00000
	TEST_F2I 34, s, fcvt.l.s, rup, 0x0000000000000002, NX, 0x3fc00000
	TEST_F2I 35, s, fcvt.l.s, rmm, 0x0000000000000002, NX, 0x3fc00000
	TEST_F2I 36, s, fcvt.l.s, dyn_rne, 0x0000000000000002, NX, 0x3fc00000
	TEST_F2I 37, s, fcvt.l.s, dyn_rtz, 0x0000000000000001, NX, 0x3fc00000
	TEST_F2I 38, s, fcvt.l.s, dyn_rdn, 0x0000000000000001, NX, 0x3fc00000
	TEST_F2I 39, s, fcvt.l.s, dyn_rup, 0x0000000000000002, NX, 0x3fc00000
	TEST_F2I 40, s, fcvt.l.s, dyn_rmm, 0x0000000000000002, NX, 0x3fc00000

	/* 0.5 */
	TEST_F2I 41, s, fcvt.lu.s, rne, 0x0000000000000000, NX, 0x3f000000
	TEST_F2I 42, s, fcvt.lu.s, rtz, 0x0000000000000000, NX, 0x3f000000
	TEST_F2I 43, s, fcvt.lu.s, rdn, 0x0000000000000000, NX, 0x3f000000
	TEST_F2I 44, s, fcvt.lu.s, rup, 0x0000000000000001, NX, 0x3f000000
	TEST_F2I 45, s, fcvt.lu.s, rmm, 0x0000000000000001, NX, 0x3f000000
	TEST_F2I 46, s, fcvt.lu.s, dyn_rne, 0x0000000000000000, NX, 0x3f000000
	TEST_F2I 47, s, fcvt.lu.s, dyn_rtz, 0x0000000000000000, NX, 0x3f000000
	TEST_F2I 48, s, fcvt.lu.s, dyn_rdn, 0x0000000000000000, NX, 0x3f000000
	TEST_F2I 49, s, fcvt.lu.s, dyn_rup, 0x0000000000000001, NX, 0x3f000000
	TEST_F2I 50, s, fcvt.lu.s, dyn_rmm, 0x0000000000000001, NX, 0x3f000000

	/* limits and saturation of fcvt.w */
	TEST_F2I 51, s, fcvt.w.s, rne, 0x000000007fffff80, 0, 0x4effffff	/* largest single below 2^31 */
	TEST_F2I 52, s, fcvt.w.s, rne, 0xffffffff80000000, 0, 0xcf000000	/* -2^31, exact */
	TEST_F2I 53, s, fcvt.w.s, rne, 0x000000007fffffff, NV, 0x4f000000	/* 2^31: invalid, INT32_MAX */
	TEST_F2I 54, s, fcvt.w.s, rne, 0xffffffff80000000, NV, 0xcf800000	/* -2^32: invalid, INT32_MIN */
	TEST_F2I 55, s, fcvt.w.s, rne, 0x000000007fffffff, NV, 0x7f800000	/* +inf: INT32_MAX */
	TEST_F2I 56, s, fcvt.w.s, rne, 0xffffffff80000000, NV, 0xff800000	/* -inf: INT32_MIN */
	TEST_F2I 57, s, fcvt.w.s, rne, 0x000000007fffffff, NV, 0x7fc00000	/* quiet NaN: INT32_MAX */
	TEST_F2I 58, s, fcvt.w.s, rne, 0x000000007fffffff, NV, 0xffc00000	/* negative NaN: INT32_MAX as well */
	TEST_F2I 59, s, fcvt.w.s, rne, 0x000000007fffffff, NV, 0x7f800001	/* signaling NaN: INT32_MAX */
	TEST_F2I 60, s, fcvt.w.s, rne, 0x0000000000000000, 0, 0x80000000	/* -0 = 0, exact */
	TEST_F2I 61, s, fcvt.w.s, rne, 0x0000000000000000, NX, 0x00000001	/* min subnormal: 0, inexact */
	TEST_F2I 62, s, fcvt.w.s, rup, 0x0000000000000001, NX, 0x00000001	/* min subnormal rounding up: 1 */
	TEST_F2I 63, s, fcvt.w.s, rdn, 0xffffffffffffffff, NX, 0x80000001	/* -min subnormal rounding down: -1 */

	/* fcvt.wu: results are sign-extended from bit 31 */
	TEST_F2I 64, s, fcvt.wu.s, rne, 0xffffffffb2d05e00, 0, 0x4f32d05e	/* 3e9 is 0xb2d05e00, sign-extended */
	TEST_F2I 65, s, fcvt.wu.s, rne, 0xffffffff80000000, 0, 0x4f000000	/* 2^31, sign-extended */
	TEST_F2I 66, s, fcvt.wu.s, rne, 0xffffffffffffffff, NV, 0x4f800000	/* 2^32: invalid, all ones */
	TEST_F2I 67, s, fcvt.wu.s, rne, 0x0000000000000000, NV, 0xbf800000	/* -1: invalid, 0 */
	TEST_F2I 68, s, fcvt.wu.s, rne, 0x0000000000000000, 0, 0x80000000	/* -0 = 0, exact */
	TEST_F2I 69, s, fcvt.wu.s, rne, 0xffffffffffffffff, NV, 0x7f800000	/* +inf: all ones */
	TEST_F2I 70, s, fcvt.wu.s, rne, 0x0000000000000000, NV, 0xff800000	/* -inf: 0 */
	TEST_F2I 71, s, fcvt.wu.s, rne, 0xffffffffffffffff, NV, 0x7fc12345	/* NaN: all ones */

	/* limits and saturation of fcvt.l, fcvt.lu */
	TEST_F2I 72, s, fcvt.l.s, rne, 0x7fffff0000000000, 0, 0x5efffffe	/* largest value below 2^63 */
	TEST_F2I 73, s, fcvt.l.s, rne, 0x8000000000000000, 0, 0xdf000000	/* -2^63, exact */
	TEST_F2I 74, s, fcvt.l.s, rne, 0x7fffffffffffffff, NV, 0x5f000000	/* 2^63: invalid, INT64_MAX */
	TEST_F2I 75, s, fcvt.l.s, rne, 0x8000000000000000, NV, 0xdf800000	/* -2^64: invalid, INT64_MIN */
	TEST_F2I 76, s, fcvt.l.s, rne, 0x00000000b2d05e00, 0, 0x4f32d05e	/* 3e9 needs more than 32 bits */
	TEST_F2I 77, s, fcvt.l.s, rne, 0x8000000000000000, NV, 0xff800000	/* -inf: INT64_MIN */
	TEST_F2I 78, s, fcvt.l.s, rne, 0x7fffffffffffffff, NV, 0xffc00000	/* NaN: INT64_MAX */
	TEST_F2I 79, s, fcvt.l.s, rne, 0x7fffffffffffffff, NV, 0x7f800001	/* signaling NaN: INT64_MAX */
	TEST_F2I 80, s, fcvt.lu.s, rne, 0xffffff0000000000, 0, 0x5f7fffff	/* largest value below 2^64 */
	TEST_F2I 81, s, fcvt.lu.s, rne, 0x8000000000000000, 0, 0x5f000000	/* 2^63 */
	TEST_F2I 82, s, fcvt.lu.s, rne, 0xffffffffffffffff, NV, 0x5f800000	/* 2^64: invalid, all ones */
	TEST_F2I 83, s, fcvt.lu.s, rne, 0x0000000000000000, NV, 0xbf800000	/* -1: invalid, 0 */
	TEST_F2I 84, s, fcvt.lu.s, rtz, 0x0000000000000000, NX, 0xbf400000	/* -0.75 rounding to zero: 0, inexact */
	TEST_F2I 85, s, fcvt.lu.s, rne, 0xffffffffffffffff, NV, 0x7f800000	/* +inf: all ones */
	TEST_F2I 86, s, fcvt.lu.s, rne, 0xffffffffffffffff, NV, 0x7fc00000	/* NaN: all ones */
TEST_END
