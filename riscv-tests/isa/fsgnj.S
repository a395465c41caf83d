/* fsgnj, fsgnjn, fsgnjx (.s, .d): only the sign changes, NaN payloads kept, no flags, rd == rs1 == rs2 */
#include "macros.h"

TEST_BEGIN

	/* single precision */
	TEST_F2N 1, s, fsgnj.s, 0xbf800000, 0, 0x3f800000, 0xc0000000	/* 1, -2 */
	TEST_F2N 2, s, fsgnj.s, 0x3f800000, 0, 0xbf800000, 0x40000000	/* -1, 2 */
	TEST_F2N 3, s, fsgnj.s, 0xbf800000, 0, 0xbf800000, 0xc0000000	/* -1, -2 */
	TEST_F2N 4, s, fsgnj.s, 0x80000000, 0, 0x00000000, 0x80000000	/* +0, -0 */
	TEST_F2N 5, s, fsgnj.s, 0x7f800000, 0, 0xff800000, 0x7f800000	/* -inf, +inf */
	TEST_F2N 6, s, fsgnj.s, 0xff800001, 0, 0x7f800001, 0xbf800000	/* signaling NaN, -1: the payload is kept, no flag */
	TEST_F2N 7, s, fsgnj.s, 0xbf800000, 0, 0x3f800000, 0xffc12345	/* 1, negative quiet NaN: its sign is used */
	TEST_F2N 8, s, fsgnjn.s, 0x3f800000, 0, 0x3f800000, 0xc0000000	/* 1, -2 */
	TEST_F2N 9, s, fsgnjn.s, 0xbf800000, 0, 0xbf800000, 0x40000000	/* -1, 2 */
	TEST_F2N 10, s, fsgnjn.s, 0x3f800000, 0, 0xbf800000, 0xc0000000	/* -1, -2 */
	TEST_F2N 11, s, fsgnjn.s, 0x00000000, 0, 0x00000000, 0x80000000	/* +0, -0 */
	TEST_F2N 12, s, fsgnjn.s, 0xff800000, 0, 0xff800000, 0x7f800000	/* -inf, +inf */
	TEST_F2N 13, s, fsgnjn.s, 0x7f800001, 0, 0x7f800001, 0xbf800000	/* signaling NaN, -1: the payload is kept, no flag */
	TEST_F2N 14, s, fsgnjn.s, 0x3f800000, 0, 0x3f800000, 0xffc12345	/* 1, negative quiet NaN: its sign is used */
	TEST_F2N 15, s, fsgnjx.s, 0xbf800000, 0, 0x3f800000, 0xc0000000	/* 1, -2 */
	TEST_F2N 16, s, fsgnjx.s, 0xbf800000, 0, 0xbf800000, 0x40000000	/* -1, 2 */
	TEST_F2N 17, s, fsgnjx.s, 0x3f800000, 0, 0xbf800000, 0xc0000000	/* -1, -2 */
	TEST_F2N 18, s, fsgnjx.s, 0x80000000, 0, 0x00000000, 0x80000000	/* +0, -0 */
	TEST_F2N 19, s, fsgnjx.s, 0xff800000, 0, 0xff800000, 0x7f800000	/* -inf, +inf */
	TEST_F2N 20, s, fsgnjx.s, 0xff800001, 0, 0x7f800001, 0xbf800000	/* signaling NaN, -1: the payload is kept, no flag */
	TEST_F2N 21, s, fsgnjx.s, 0xbf800000, 0, 0x3f800000, 0xffc12345	/* 1, negative quiet NaN: its sign is used */

	/* rd == rs1 == rs2: fmv, fneg, fabs */
	CASE 22
	FSET s, fa0, 0xbf800000
	fsflags x0
	fsgnj.s fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0xbf800000
	CASE 23
	FSET s, fa0, 0xbf800000
	fsflags x0
	fsgnjn.s fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0x3f800000
	CASE 24
	FSET s, fa0, 0x7f800001
	fsflags x0
	fsgnjn.s fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0xff800001
	CASE 25
	FSET s, fa0, 0xbf800000
	fsflags x0
	fsgnjx.s fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0x3f800000
	CASE 26
	FSET s, fa0, 0x40000000
	fsflags x0
	fsgnjx.s fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT s, fa0, 0x40000000

	/* double precision */
	TEST_F2N 27, d, fsgnj.d, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000	/* 1, -2 */
	TEST_F2N 28, d, fsgnj.d, 0x3ff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000	/* -1, 2 */
	TEST_F2N 29, d, fsgnj.d, 0xbff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000	/* -1, -2 */
	TEST_F2N 30, d, fsgnj.d, 0x8000000000000000, 0, 0x0000000000000000, 0x8000000000000000	/* +0, -0 */
	TEST_F2N 31, d, fsgnj.d, 0x7ff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000	/* -inf, +inf */
	TEST_F2N 32, d, fsgnj.d, 0xfff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000	/* signaling NaN, -1: the payload is kept, no flag */
	TEST_F2N 33, d, fsgnj.d, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345	/* 1, negative quiet NaN: its sign is used */
	TEST_F2N 34, d, fsgnjn.d, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000	/* 1, -2 */
	TEST_F2N 35, d, fsgnjn.d, 0xbff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000	/* -1, 2 */
	TEST_F2N 36, d, fsgnjn.d, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000	/* -1, -2 */
	TEST_F2N 37, d, fsgnjn.d, 0x0000000000000000, 0, 0x0000000000000000, 0x8000000000000000	/* +0, -0 */
	TEST_F2N 38, d, fsgnjn.d, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000	/* -inf, +inf */
	TEST_F2N 39, d, fsgnjn.d, 0x7ff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000	/* signaling NaN, -1: the payload is kept, no flag */
	TEST_F2N 40, d, fsgnjn.d, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345	/* 1, negative quiet NaN: its sign is used */
	TEST_F2N 41, d, fsgnjx.d, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000	/* 1, -2 */
	TEST_F2N 42, d, fsgnjx.d, 0xbff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000	/* -1, 2 */
	TEST_F2N 43, d, fsgnjx.d, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000	/* -1, -2 */
	TEST_F2N 44, d, fsgnjx.d, 0x8000000000000000, 0, 0x0000000000000000, 0x8000000000000000	/* +0, -0 */
	TEST_F2N 45, d, fsgnjx.d, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000	/* -inf, +inf */
	TEST_F2N 46, d, fsgnjx.d, 0xfff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000	/* signaling NaN, -1: the payload is kept, no flag */
	TEST_F2N 47, d, fsgnjx.d, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345	/* 1, negative quiet NaN: its sign is used */

	/* rd == rs1 == rs2: fmv, fneg, fabs */
	CASE 48
	FSET d, fa0, 0xbff0000000000000
	fsflags x0
	fsgnj.d fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0xbff0000000000000
	CASE 49
	FSET d, fa0, 0xbff0000000000000
	fsflags x0
	fsgnjn.d fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0x3ff0000000000000
	CASE 50
	FSET d, fa0, 0x7ff0000000000001
	fsflags x0
	fsgnjn.d fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0xfff0000000000001
	CASE 51
	FSET d, fa0, 0xbff0000000000000
	fsflags x0
	fsgnjx.d fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0x3ff0000000000000
	CASE 52
	FSET d, fa0, 0x4000000000000000
	fsflags x0
	fsgnjx.d fa0, fa0, fa0
	EXPECT_FLAGS 0
	FEXPECT d, fa0, 0x4000000000000000
TEST_END
