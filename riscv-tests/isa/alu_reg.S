/* add, sub, slt, sltu, xor, or, and: wrap-around, sign, x0, rd == rs1 == rs2 */
#include "macros.h"

TEST_BEGIN

	/* add */
	TEST_RR 1, add, 0x0000000000000003, 0x0000000000000001, 0x0000000000000002
	TEST_RR 2, add, 0x8000000000000000, 0x7fffffffffffffff, 0x0000000000000001	/* INT64_MAX + 1 wraps to INT64_MIN */
	TEST_RR 3, add, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000	/* INT64_MIN + INT64_MIN = 0 */
	TEST_RR 4, add, 0x0000000100000000, 0x00000000ffffffff, 0x0000000000000001	/* the carry crosses bit 31 */
	TEST_RR 5, add, 0x0000000080000000, 0x000000007fffffff, 0x0000000000000001	/* no sign extension from bit 31 */
	TEST_RR 6, add, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR_SAME 7, add, 0x8000000000000002, 0x4000000000000001
	CASE 8
	li a1, 0x5555
	li a2, 7
	li a0, -1
	add a0, x0, a2	/* x0 as rs1 */
	EXPECT a0, 0x0000000000000007
	CASE 9
	li a1, 0x5555
	li a2, 7
	li a0, -1
	add a0, a1, x0	/* x0 as rs2 */
	EXPECT a0, 0x0000000000005555
	CASE 10
	li a1, 0x1234
	li a2, 3
	add x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* sub */
	TEST_RR 11, sub, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000001
	TEST_RR 12, sub, 0x7fffffffffffffff, 0x8000000000000000, 0x0000000000000001	/* INT64_MIN - 1 wraps to INT64_MAX */
	TEST_RR 13, sub, 0x00000000ffffffff, 0x0000000100000000, 0x0000000000000001	/* the borrow crosses bit 32 */
	TEST_RR 14, sub, 0x0000000000000002, 0x0000000000000001, 0xffffffffffffffff
	TEST_RR_SAME 15, sub, 0x0000000000000000, 0xfedcba9876543210	/* x - x = 0 */
	CASE 16
	li a1, 0x5555
	li a2, 7
	li a0, -1
	sub a0, x0, a2	/* neg */
	EXPECT a0, 0xfffffffffffffff9
	CASE 17
	li a1, 0x1234
	li a2, 3
	sub x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* slt, sltu */
	TEST_RR 18, slt, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
	TEST_RR 19, slt, 0x0000000000000000, 0x0000000000000001, 0xffffffffffffffff
	TEST_RR 20, slt, 0x0000000000000001, 0x8000000000000000, 0x7fffffffffffffff
	TEST_RR 21, slt, 0x0000000000000000, 0x7fffffffffffffff, 0x8000000000000000
	TEST_RR 22, slt, 0x0000000000000000, 0x0000000080000000, 0x0000000000000000	/* bit 31 is not the sign */
	TEST_RR 23, slt, 0x0000000000000000, 0x0000000000000005, 0x0000000000000005
	TEST_RR_SAME 24, slt, 0x0000000000000000, 0xfffffffffffffffd
	CASE 25
	li a1, 0x5555
	li a2, 7
	li a0, -1
	slt a0, x0, a2	/* sgtz */
	EXPECT a0, 0x0000000000000001
	CASE 26
	li a1, 0x5555
	li a2, 7
	li a0, -1
	slt a0, a1, x0	/* sltz */
	EXPECT a0, 0x0000000000000000
	TEST_RR 27, sltu, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001
	TEST_RR 28, sltu, 0x0000000000000001, 0x0000000000000001, 0xffffffffffffffff
	TEST_RR 29, sltu, 0x0000000000000000, 0x8000000000000000, 0x7fffffffffffffff
	TEST_RR 30, sltu, 0x0000000000000001, 0x000000007fffffff, 0x0000000080000000
	TEST_RR_SAME 31, sltu, 0x0000000000000000, 0x0000000000000003
	CASE 32
	li a1, 0x5555
	li a2, 7
	li a0, -1
	sltu a0, x0, a2	/* snez */
	EXPECT a0, 0x0000000000000001
	CASE 33
	li a1, 0x5555
	li a2, 7
	li a0, -1
	sltu a0, a1, x0	/* nothing is below 0 */
	EXPECT a0, 0x0000000000000000
	CASE 34
	li a1, 0x1234
	li a2, 3
	slt x0, a2, a1	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* xor, or, and */
	TEST_RR 35, xor, 0x5b791f3dd3f197b5, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR 36, xor, 0x0123456789abcdef, 0xfedcba9876543210, 0xffffffffffffffff	/* not */
	TEST_RR_SAME 37, xor, 0x0000000000000000, 0xfedcba9876543210	/* x ^ x = 0 */
	TEST_RR 38, or, 0xfffdbfbdf7f5b7b5, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR 39, or, 0x8000000000000001, 0x8000000000000000, 0x0000000000000001
	TEST_RR_SAME 40, or, 0xfedcba9876543210, 0xfedcba9876543210
	CASE 41
	li a1, 0x5555
	li a2, 7
	li a0, -1
	or a0, a1, x0	/* mv through or */
	EXPECT a0, 0x0000000000005555
	TEST_RR 42, and, 0xa484a08024042000, 0xfedcba9876543210, 0xa5a5a5a5a5a5a5a5
	TEST_RR 43, and, 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000
	TEST_RR_SAME 44, and, 0xfedcba9876543210, 0xfedcba9876543210
	CASE 45
	li a1, 0x5555
	li a2, 7
	li a0, -1
	and a0, x0, a1	/* and with x0 */
	EXPECT a0, 0x0000000000000000
	CASE 46
	li a1, 0x1234
	li a2, 3
	xor x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3
TEST_END
