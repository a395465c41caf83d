/* mul, mulh, mulhsu, mulhu, mulw: signs of both halves, INT64_MIN, W results */
#include "macros.h"

TEST_BEGIN

	/* mul */
	TEST_RR 1, mul, 0x000000000000000c, 0x0000000000000003, 0x0000000000000004
	TEST_RR 2, mul, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR 3, mul, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001
	TEST_RR 4, mul, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000
	TEST_RR 5, mul, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff
	TEST_RR 6, mul, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_RR 7, mul, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff
	TEST_RR 8, mul, 0x0000000000000000, 0x0000000100000000, 0x0000000100000000
	TEST_RR 9, mul, 0xfffffffffffffffa, 0xfffffffffffffffe, 0x0000000000000003
	TEST_RR 10, mul, 0x2de9a5611cd89450, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR_SAME 11, mul, 0x0000000000000009, 0xfffffffffffffffd

	/* mulh */
	TEST_RR 12, mulh, 0x0000000000000000, 0x0000000000000003, 0x0000000000000004
	TEST_RR 13, mulh, 0x0000000000000000, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR 14, mulh, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001
	TEST_RR 15, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
	TEST_RR 16, mulh, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff
	TEST_RR 17, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_RR 18, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff
	TEST_RR 19, mulh, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000
	TEST_RR 20, mulh, 0xffffffffffffffff, 0xfffffffffffffffe, 0x0000000000000003
	TEST_RR 21, mulh, 0x0066cd339a0066cd, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR_SAME 22, mulh, 0x0000000000000000, 0xfffffffffffffffd

	/* mulhsu */
	TEST_RR 23, mulhsu, 0x0000000000000000, 0x0000000000000003, 0x0000000000000004
	TEST_RR 24, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR 25, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001
	TEST_RR 26, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000
	TEST_RR 27, mulhsu, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff
	TEST_RR 28, mulhsu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_RR 29, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff
	TEST_RR 30, mulhsu, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000
	TEST_RR 31, mulhsu, 0xffffffffffffffff, 0xfffffffffffffffe, 0x0000000000000003
	TEST_RR 32, mulhsu, 0xff4387cc105498dd, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR_SAME 33, mulhsu, 0xfffffffffffffffd, 0xfffffffffffffffd

	/* mulhu */
	TEST_RR 34, mulhu, 0x0000000000000000, 0x0000000000000003, 0x0000000000000004
	TEST_RR 35, mulhu, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR 36, mulhu, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001
	TEST_RR 37, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
	TEST_RR 38, mulhu, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff
	TEST_RR 39, mulhu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_RR 40, mulhu, 0x3fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
	TEST_RR 41, mulhu, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000
	TEST_RR 42, mulhu, 0x0000000000000002, 0xfffffffffffffffe, 0x0000000000000003
	TEST_RR 43, mulhu, 0xa4e92d71b5fa3e82, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR_SAME 44, mulhu, 0xfffffffffffffffa, 0xfffffffffffffffd
	CASE 45
	li a1, 0x5555
	li a2, 7
	li a0, -1
	mulh a0, a1, x0	/* times x0 */
	EXPECT a0, 0x0000000000000000
	CASE 46
	li a1, 0x1234
	li a2, 3
	mul x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* mulw */
	TEST_RR 47, mulw, 0xfffffffffffffffe, 0x000000007fffffff, 0x0000000000000002
	TEST_RR 48, mulw, 0x0000000000000000, 0x0000000000010000, 0x0000000000010000
	TEST_RR 49, mulw, 0x000000000000000f, 0x0000000100000003, 0x0000000200000005
	TEST_RR 50, mulw, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR 51, mulw, 0xffffffff80000000, 0x0000000000008000, 0x0000000000010000
	TEST_RR 52, mulw, 0xffffffff80000000, 0x0000000080000000, 0xffffffffffffffff
	TEST_RR 53, mulw, 0x000000001cd89450, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR_SAME 54, mulw, 0x0000000000000000, 0x0000000000010000
	CASE 55
	li a1, 0x1234
	li a2, 3
	mulw x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3
TEST_END
