/* div, divu, rem, remu: truncation, sign of the remainder, division by zero, INT64_MIN / -1 */
#include "macros.h"

TEST_BEGIN

	/* div */
	TEST_RR 1, div, 0x0000000000000003, 0x0000000000000007, 0x0000000000000002
	TEST_RR 2, div, 0xfffffffffffffffd, 0xfffffffffffffff9, 0x0000000000000002
	TEST_RR 3, div, 0xfffffffffffffffd, 0x0000000000000007, 0xfffffffffffffffe
	TEST_RR 4, div, 0x0000000000000003, 0xfffffffffffffff9, 0xfffffffffffffffe
	TEST_RR 5, div, 0xffffffffffffffff, 0xfedcba9876543210, 0x0000000000000000	/* by zero */
	TEST_RR 6, div, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000	/* 0 by zero */
	TEST_RR 7, div, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff	/* INT64_MIN / -1 overflows */
	TEST_RR 8, div, 0x8000000000000000, 0x8000000000000000, 0x0000000000000001
	TEST_RR 9, div, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000002
	TEST_RR 10, div, 0xfffffffffedcba99, 0xfedcba9876543210, 0x0000000100000000
	TEST_RR_SAME 11, div, 0x0000000000000001, 0x0000000000012345
	TEST_RR_SAME 12, div, 0xffffffffffffffff, 0x0000000000000000	/* rd == rs1 == rs2 == 0: by zero */

	/* divu */
	TEST_RR 13, divu, 0x0000000000000003, 0x0000000000000007, 0x0000000000000002
	TEST_RR 14, divu, 0x7ffffffffffffffc, 0xfffffffffffffff9, 0x0000000000000002
	TEST_RR 15, divu, 0x0000000000000000, 0x0000000000000007, 0xfffffffffffffffe
	TEST_RR 16, divu, 0x0000000000000000, 0xfffffffffffffff9, 0xfffffffffffffffe
	TEST_RR 17, divu, 0xffffffffffffffff, 0xfedcba9876543210, 0x0000000000000000	/* by zero */
	TEST_RR 18, divu, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000	/* 0 by zero */
	TEST_RR 19, divu, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff	/* INT64_MIN / -1 overflows */
	TEST_RR 20, divu, 0x8000000000000000, 0x8000000000000000, 0x0000000000000001
	TEST_RR 21, divu, 0x7fffffffffffffff, 0xffffffffffffffff, 0x0000000000000002
	TEST_RR 22, divu, 0x00000000fedcba98, 0xfedcba9876543210, 0x0000000100000000
	TEST_RR_SAME 23, divu, 0x0000000000000001, 0x0000000000012345
	TEST_RR_SAME 24, divu, 0xffffffffffffffff, 0x0000000000000000	/* rd == rs1 == rs2 == 0: by zero */

	/* rem */
	TEST_RR 25, rem, 0x0000000000000001, 0x0000000000000007, 0x0000000000000002
	TEST_RR 26, rem, 0xffffffffffffffff, 0xfffffffffffffff9, 0x0000000000000002
	TEST_RR 27, rem, 0x0000000000000001, 0x0000000000000007, 0xfffffffffffffffe
	TEST_RR 28, rem, 0xffffffffffffffff, 0xfffffffffffffff9, 0xfffffffffffffffe
	TEST_RR 29, rem, 0xfedcba9876543210, 0xfedcba9876543210, 0x0000000000000000	/* by zero */
	TEST_RR 30, rem, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000	/* 0 by zero */
	TEST_RR 31, rem, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff	/* INT64_MIN / -1 overflows */
	TEST_RR 32, rem, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001
	TEST_RR 33, rem, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000002
	TEST_RR 34, rem, 0xffffffff76543210, 0xfedcba9876543210, 0x0000000100000000
	TEST_RR_SAME 35, rem, 0x0000000000000000, 0x0000000000012345
	TEST_RR_SAME 36, rem, 0x0000000000000000, 0x0000000000000000	/* rd == rs1 == rs2 == 0: by zero */

	/* remu */
	TEST_RR 37, remu, 0x0000000000000001, 0x0000000000000007, 0x0000000000000002
	TEST_RR 38, remu, 0x0000000000000001, 0xfffffffffffffff9, 0x0000000000000002
	TEST_RR 39, remu, 0x0000000000000007, 0x0000000000000007, 0xfffffffffffffffe
	TEST_RR 40, remu, 0xfffffffffffffff9, 0xfffffffffffffff9, 0xfffffffffffffffe
	TEST_RR 41, remu, 0xfedcba9876543210, 0xfedcba9876543210, 0x0000000000000000	/* by zero */
	TEST_RR 42, remu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000	/* 0 by zero */
	TEST_RR 43, remu, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff	/* INT64_MIN / -1 overflows */
	TEST_RR 44, remu, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001
	TEST_RR 45, remu, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000002
	TEST_RR 46, remu, 0x0000000076543210, 0xfedcba9876543210, 0x0000000100000000
	TEST_RR_SAME 47, remu, 0x0000000000000000, 0x0000000000012345
	TEST_RR_SAME 48, remu, 0x0000000000000000, 0x0000000000000000	/* rd == rs1 == rs2 == 0: by zero */
	CASE 49
	li a1, 0x5555
	li a2, 7
	li a0, -1
	div a0, a1, x0	/* by x0 */
	EXPECT a0, 0xffffffffffffffff
	CASE 50
	li a1, 0x5555
	li a2, 7
	li a0, -1
	remu a0, a1, x0	/* by x0 */
	EXPECT a0, 0x0000000000005555
	CASE 51
	li a1, 0x1234
	li a2, 3
	div x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3
TEST_END
