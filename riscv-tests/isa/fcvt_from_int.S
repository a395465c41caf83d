/* fcvt.{s,d}.{w,wu,l,lu}: rounding in every mode; W sources use bits 31..0 only */
#include "macros.h"

TEST_BEGIN

	/* 2^24 + 1: a tie */
	TEST_I2F 1, s, fcvt.s.w, rne, 0x4b800000, NX, 0x0000000001000001
	TEST_I2F 2, s, fcvt.s.w, rtz, 0x4b800000, NX, 0x0000000001000001
	TEST_I2F 3, s, fcvt.s.w, rdn, 0x4b800000, NX, 0x0000000001000001
	TEST_I2F 4, s, fcvt.s.w, rup, 0x4b800001, NX, 0x0000000001000001
	TEST_I2F 5, s, fcvt.s.w, rmm, 0x4b800001, NX, 0x0000000001000001
	TEST_I2F 6, s, fcvt.s.w, dyn_rne, 0x4b800000, NX, 0x0000000001000001
	TEST_I2F 7, s, fcvt.s.w, dyn_rtz, 0x4b800000, NX, 0x0000000001000001
	TEST_I2F 8, s, fcvt.s.w, dyn_rdn, 0x4b800000, NX, 0x0000000001000001
	TEST_I2F 9, s, fcvt.s.w, dyn_rup, 0x4b800001, NX, 0x0000000001000001
	TEST_I2F 10, s, fcvt.s.w, dyn_rmm, 0x4b800001, NX, 0x0000000001000001

	/* -(2^24 + 3): a negative tie, RNE goes to the even neighbour */
	TEST_I2F 11, s, fcvt.s.w, rne, 0xcb800002, NX, 0xfffffffffefffffd
	TEST_I2F 12, s, fcvt.s.w, rtz, 0xcb800001, NX, 0xfffffffffefffffd
	TEST_I2F 13, s, fcvt.s.w, rdn, 0xcb800002, NX, 0xfffffffffefffffd
	TEST_I2F 14, s, fcvt.s.w, rup, 0xcb800001, NX, 0xfffffffffefffffd
	TEST_I2F 15, s, fcvt.s.w, rmm, 0xcb800002, NX, 0xfffffffffefffffd

	/* 2^32 - 1 */
	TEST_I2F 16, s, fcvt.s.wu, rne, 0x4f800000, NX, 0x00000000ffffffff
	TEST_I2F 17, s, fcvt.s.wu, rtz, 0x4f7fffff, NX, 0x00000000ffffffff
	TEST_I2F 18, s, fcvt.s.wu, rdn, 0x4f7fffff, NX, 0x00000000ffffffff
	TEST_I2F 19, s, fcvt.s.wu, rup, 0x4f800000, NX, 0x00000000ffffffff
	TEST_I2F 20, s, fcvt.s.wu, rmm, 0x4f800000, NX, 0x00000000ffffffff
	TEST_I2F 21, s, fcvt.s.wu, dyn_rne, 0x4f800000, NX, 0x00000000ffffffff
	TEST_I2F 22, s, fcvt.s.wu, dyn_rtz, 0x4f7fffff, NX, 0x00000000ffffffff
	TEST_I2F 23, s, fcvt.s.wu, dyn_rdn, 0x4f7fffff, NX, 0x00000000ffffffff
	TEST_I2F 24, s, fcvt.s.wu, dyn_rup, 0x4f800000, NX, 0x00000000ffffffff
	TEST_I2F 25, s, fcvt.s.wu, dyn_rmm, 0x4f800000, NX, 0x00000000ffffffff

	/* INT64_MAX */
	TEST_I2F 26, s, fcvt.s.l, rne, 0x5f000000, NX, 0x7fffffffffffffff
	TEST_I2F 27, s, fcvt.s.l, rtz, 0x5effffff, NX, 0x7fffffffffffffff
	TEST_I2F 28, s, fcvt.s.l, rdn, 0x5effffff, NX, 0x7fffffffffffffff
	TEST_I2F 29, s, fcvt.s.l, rup, 0x5f000000, NX, 0x7fffffffffffffff
	TEST_I2F 30, s, fcvt.s.l, rmm, 0x5f000000, NX, 0x7fffffffffffffff
	TEST_I2F 31, s, fcvt.s.l, dyn_rne, 0x5f000000, NX, 0x7fffffffffffffff
	TEST_I2F 32, s, fcvt.s.l, dyn_rtz, 0x5effffff, NX, 0x7fffffffffffffff
	TEST_I2F 33, s, fcvt.s.l, dyn_rdn, 0x5effffff, NX, 0x7fffffffffffffff
	TEST_I2F 34, s, fcvt.s.l, dyn_rup, 0x5f000000, NX, 0x7fffffffffffffff
	TEST_I2F 35, s, fcvt.s.l, dyn_rmm, 0x5f000000, NX, 0x7fffffffffffffff

	/* 2^64 - 1 */
	TEST_I2F 36, s, fcvt.s.lu, rne, 0x5f800000, NX, 0xffffffffffffffff
	TEST_I2F 37, s, fcvt.s.lu, rtz, 0x5f7fffff, NX, 0xffffffffffffffff
	TEST_I2F 38, s, fcvt.s.lu, rdn, 0x5f7fffff, NX, 0xffffffffffffffff
	TEST_I2F 39, s, fcvt.s.lu, rup, 0x5f800000, NX, 0xffffffffffffffff
	TEST_I2F 40, s, fcvt.s.lu, rmm, 0x5f800000, NX, 0xffffffffffffffff
	TEST_I2F 41, s, fcvt.s.lu, dyn_rne, 0x5f800000, NX, 0xffffffffffffffff
	TEST_I2F 42, s, fcvt.s.lu, dyn_rtz, 0x5f7fffff, NX, 0xffffffffffffffff
	TEST_I2F 43, s, fcvt.s.lu, dyn_rdn, 0x5f7fffff, NX, 0xffffffffffffffff
	TEST_I2F 44, s, fcvt.s.lu, dyn_rup, 0x5f800000, NX, 0xffffffffffffffff
	TEST_I2F 45, s, fcvt.s.lu, dyn_rmm, 0x5f800000, NX, 0xffffffffffffffff

	/* 2^53 + 1: a tie */
	TEST_I2F 46, d, fcvt.d.l, rne, 0x4340000000000000, NX, 0x0020000000000001
	TEST_I2F 47, d, fcvt.d.l, rtz, 0x4340000000000000, NX, 0x0020000000000001
	TEST_I2F 48, d, fcvt.d.l, rdn, 0x4340000000000000, NX, 0x0020000000000001
	TEST_I2F 49, d, fcvt.d.l, rup, 0x4340000000000001, NX, 0x0020000000000001
	TEST_I2F 50, d, fcvt.d.l, rmm, 0x4340000000000001, NX, 0x0020000000000001
	TEST_I2F 51, d, fcvt.d.l, dyn_rne, 0x4340000000000000, NX, 0x0020000000000001
	TEST_I2F 52, d, fcvt.d.l, dyn_rtz, 0x4340000000000000, NX, 0x0020000000000001
	TEST_I2F 53, d, fcvt.d.l, dyn_rdn, 0x4340000000000000, NX, 0x0020000000000001
	TEST_I2F 54, d, fcvt.d.l, dyn_rup, 0x4340000000000001, NX, 0x0020000000000001
	TEST_I2F 55, d, fcvt.d.l, dyn_rmm, 0x4340000000000001, NX, 0x0020000000000001

	/* 2^64 - 1 */
	TEST_I2F 56, d, fcvt.d.lu, rne, 0x43f0000000000000, NX, 0xffffffffffffffff
	TEST_I2F 57, d, fcvt.d.lu, rtz, 0x43efffffffffffff, NX, 0xffffffffffffffff
	TEST_I2F 58, d, fcvt.d.lu, rdn, 0x43efffffffffffff, NX, 0xffffffffffffffff
	TEST_I2F 59, d, fcvt.d.lu, rup, 0x43f0000000000000, NX, 0xffffffffffffffff
	TEST_I2F 60, d, fcvt.d.lu, rmm, 0x43f0000000000000, NX, 0xffffffffffffffff
	TEST_I2F 61, d, fcvt.d.lu, dyn_rne, 0x43f0000000000000, NX, 0xffffffffffffffff
	TEST_I2F 62, d, fcvt.d.lu, dyn_rtz, 0x43efffffffffffff, NX, 0xffffffffffffffff
	TEST_I2F 63, d, fcvt.d.lu, dyn_rdn, 0x43efffffffffffff, NX, 0xffffffffffffffff
	TEST_I2F 64, d, fcvt.d.lu, dyn_rup, 0x43f0000000000000, NX, 0xffffffffffffffff
	TEST_I2F 65, d, fcvt.d.lu, dyn_rmm, 0x43f0000000000000, NX, 0xffffffffffffffff

	/* -(2^62 + 2^9 + 1): just above a negative tie */
	TEST_I2F 66, d, fcvt.d.l, rne, 0xc3d0000000000001, NX, 0xbffffffffffffdff
	TEST_I2F 67, d, fcvt.d.l, rtz, 0xc3d0000000000000, NX, 0xbffffffffffffdff
	TEST_I2F 68, d, fcvt.d.l, rdn, 0xc3d0000000000001, NX, 0xbffffffffffffdff
	TEST_I2F 69, d, fcvt.d.l, rup, 0xc3d0000000000000, NX, 0xbffffffffffffdff
	TEST_I2F 70, d, fcvt.d.l, rmm, 0xc3d0000000000001, NX, 0xbffffffffffffdff

	/* exact conversions and the width of the source */
	TEST_I2F 71, s, fcvt.s.w, rne, 0x00000000, 0, 0x0000000000000000	/* 0 is +0 */
	TEST_I2F 72, s, fcvt.s.w, rne, 0xbf800000, 0, 0xffffffffffffffff	/* -1 */
	TEST_I2F 73, s, fcvt.s.w, rne, 0x3f800000, 0, 0x7fffffff00000001	/* bits 63..32 are ignored: 1 */
	TEST_I2F 74, s, fcvt.s.w, rne, 0xcf000000, 0, 0x0000000080000000	/* bit 31 is the sign: -2^31 */
	TEST_I2F 75, s, fcvt.s.wu, rne, 0x4f000000, 0, 0xffffffff80000000	/* bits 63..32 are ignored: 2^31 */
	TEST_I2F 76, s, fcvt.s.wu, rtz, 0x4f7fffff, NX, 0x00000001ffffffff	/* 2^32 - 1 rounding to zero */
	TEST_I2F 77, s, fcvt.s.l, rne, 0xdf000000, 0, 0x8000000000000000	/* INT64_MIN, exact */
	TEST_I2F 78, s, fcvt.s.l, rne, 0x4f800000, NX, 0x00000000ffffffff	/* bits 63..32 count */
	TEST_I2F 79, s, fcvt.s.lu, rne, 0x5f000000, 0, 0x8000000000000000	/* 2^63, not negative */
	TEST_I2F 80, d, fcvt.d.w, none, 0x41dfffffffc00000, 0, 0x000000007fffffff	/* INT32_MAX, exact */
	TEST_I2F 81, d, fcvt.d.w, none, 0xc1e0000000000000, 0, 0xffffffff80000000	/* INT32_MIN, exact */
	TEST_I2F 82, d, fcvt.d.w, none, 0xc1e0000000000000, 0, 0x0000000180000000	/* bits 63..32 are ignored: -2^31 */
	TEST_I2F 83, d, fcvt.d.wu, none, 0x41efffffffe00000, 0, 0x00000000ffffffff	/* 2^32 - 1, exact */
	TEST_I2F 84, d, fcvt.d.wu, none, 0x41e0000000000000, 0, 0xfffffffe80000000	/* bits 63..32 are ignored: 2^31 */
	TEST_I2F 85, d, fcvt.d.wu, none, 0x0000000000000000, 0, 0x0000000000000000	/* 0 is +0 */
	TEST_I2F 86, d, fcvt.d.l, rne, 0xc3e0000000000000, 0, 0x8000000000000000	/* INT64_MIN, exact */
	TEST_I2F 87, d, fcvt.d.l, rne, 0x4340000000000000, 0, 0x0020000000000000	/* 2^53, exact */
	TEST_I2F 88, d, fcvt.d.lu, rne, 0x43e0000000000001, 0, 0x8000000000000800	/* 2^63 + 2^11, exact */
	TEST_I2F 89, d, fcvt.d.lu, rne, 0x43e0000000000000, NX, 0x8000000000000400	/* 2^63 + 2^10: a tie */
TEST_END
