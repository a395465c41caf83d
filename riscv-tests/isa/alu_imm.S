/* addi, slti, sltiu, xori, ori, andi: the 12-bit immediate is sign-extended, x0, rd == rs1 */
#include "macros.h"

TEST_BEGIN

	/* addi */
	TEST_RI 1, addi, 0x0000000000000000, 0x0000000000000000, 0
	TEST_RI 2, addi, 0x0000000000000002, 0x0000000000000001, 1
	TEST_RI 3, addi, 0x0000000000000000, 0x0000000000000001, -1
	TEST_RI 4, addi, 0x00000000000007ff, 0x0000000000000000, 2047	/* largest immediate */
	TEST_RI 5, addi, 0xfffffffffffff800, 0x0000000000000000, -2048	/* smallest immediate */
	TEST_RI 6, addi, 0x8000000000000000, 0x7fffffffffffffff, 1	/* wraps */
	TEST_RI 7, addi, 0x0000000080000000, 0x000000007fffffff, 1	/* no sign extension from bit 31 (unlike addiw) */
	TEST_RI 8, addi, 0x0000000100000000, 0x00000000ffffffff, 1	/* carries into bit 32 */
	TEST_RI 9, addi, 0xffffffffffffffff, 0x0000000000000000, -1
	CASE 10
	li a0, 40
	addi a0, a0, 2	/* rd == rs1 */
	EXPECT a0, 42
	CASE 11
	li a1, 0x5555
	li a2, 7
	li a0, -1
	addi a0, x0, -5	/* li */
	EXPECT a0, 0xfffffffffffffffb
	CASE 12
	li a1, 0x1234
	li a2, 3
	addi x0, a1, 5	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* slti, sltiu */
	TEST_RI 13, slti, 0x0000000000000001, 0xffffffffffffffff, 0
	TEST_RI 14, slti, 0x0000000000000000, 0x0000000000000000, -1
	TEST_RI 15, slti, 0x0000000000000001, 0x8000000000000000, 2047
	TEST_RI 16, slti, 0x0000000000000000, 0x7fffffffffffffff, -2048
	TEST_RI 17, slti, 0x0000000000000000, 0x0000000080000000, 0	/* bit 31 is not the sign */
	TEST_RI 18, slti, 0x0000000000000001, 0x0000000000000004, 5
	TEST_RI 19, slti, 0x0000000000000000, 0x0000000000000005, 5
	TEST_RI 20, sltiu, 0x0000000000000001, 0x0000000000000000, 1	/* seqz */
	TEST_RI 21, sltiu, 0x0000000000000000, 0x0000000000000001, 1
	TEST_RI 22, sltiu, 0x0000000000000001, 0x0000000000000005, -1	/* the immediate -1 is UINT64_MAX */
	TEST_RI 23, sltiu, 0x0000000000000000, 0xffffffffffffffff, -1
	TEST_RI 24, sltiu, 0x0000000000000001, 0xfffffffffffffffe, -1
	TEST_RI 25, sltiu, 0x0000000000000000, 0x8000000000000000, 2047
	TEST_RI 26, sltiu, 0x0000000000000001, 0x00000000000007ff, -2048	/* -2048 is 0xfff...f800 */
	CASE 27
	li a1, 0x1234
	li a2, 3
	sltiu x0, a1, -1	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* xori, ori, andi */
	TEST_RI 28, xori, 0x0123456789abcdef, 0xfedcba9876543210, -1	/* not */
	TEST_RI 29, xori, 0xfedcba98765435ef, 0xfedcba9876543210, 2047
	TEST_RI 30, xori, 0x0123456789abca10, 0xfedcba9876543210, -2048	/* a negative immediate flips the upper bits */
	TEST_RI 31, ori, 0xfffffffffffff800, 0x0000000000000000, -2048
	TEST_RI 32, ori, 0x00000000000017ff, 0x0000000000001000, 2047
	TEST_RI 33, ori, 0x8000000000000001, 0x8000000000000000, 1
	TEST_RI 34, andi, 0x00000000000007ff, 0xffffffffffffffff, 2047
	TEST_RI 35, andi, 0xfedcba9876543210, 0xfedcba9876543210, -1
	TEST_RI 36, andi, 0xfedcba9876543000, 0xfedcba9876543210, -2048	/* clears bits 10..0 only */
	TEST_RI 37, andi, 0x0000000000000000, 0x80000000000000ff, 0
	CASE 38
	li a1, 0x1234
	li a2, 3
	ori x0, a1, 1	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3
TEST_END
