/* addiw, addw, subw, slliw, srliw, sraiw, sllw, srlw, sraw: bits 31..0 in, sign-extended result out */
#include "macros.h"

TEST_BEGIN

	/* addiw */
	TEST_RI 1, addiw, 0xffffffff80000000, 0x000000007fffffff, 1	/* overflows into the sign bit */
	TEST_RI 2, addiw, 0x0000000000000000, 0x00000000ffffffff, 1	/* wraps to 0 */
	TEST_RI 3, addiw, 0x0000000023456789, 0x0000000123456789, 0	/* bits 63..32 are ignored */
	TEST_RI 4, addiw, 0xffffffff80000000, 0x0000000080000000, 0	/* sext.w */
	TEST_RI 5, addiw, 0x000000007fffffff, 0x000000017fffffff, 0	/* sext.w of a positive word */
	TEST_RI 6, addiw, 0xffffffffffffffff, 0x0000000000000000, -1
	TEST_RI 7, addiw, 0xfffffffffffff800, 0x0000000000000000, -2048
	TEST_RI 8, addiw, 0x000000007fffffff, 0xffffffff80000000, -1	/* INT32_MIN - 1 */
	CASE 9
	li a1, 0x1234
	li a2, 3
	addiw x0, a1, 1	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* addw, subw */
	TEST_RR 10, addw, 0xffffffff80000000, 0x000000007fffffff, 0x0000000000000001
	TEST_RR 11, addw, 0x0000000000000003, 0xaaaaaaaa00000001, 0x5555555500000002	/* bits 63..32 are ignored */
	TEST_RR 12, addw, 0x0000000000000000, 0x0000000080000000, 0x0000000080000000	/* wraps to 0 */
	TEST_RR 13, addw, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_RR_SAME 14, addw, 0xffffffff80000000, 0x0000000040000000
	TEST_RR 15, subw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000001
	TEST_RR 16, subw, 0x000000007fffffff, 0x0000000080000000, 0x0000000000000001
	TEST_RR 17, subw, 0xffffffff80000000, 0x000000007fffffff, 0xffffffffffffffff
	TEST_RR 18, subw, 0xffffffffffffffff, 0x0000000100000000, 0x0000000000000001	/* bits 63..32 are ignored */
	TEST_RR_SAME 19, subw, 0x0000000000000000, 0x0000000123456789
	CASE 20
	li a1, 0x5555
	li a2, 7
	li a0, -1
	subw a0, x0, a2	/* negw */
	EXPECT a0, 0xfffffffffffffff9
	CASE 21
	li a1, 0x1234
	li a2, 3
	addw x0, a1, a2	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3

	/* slliw */
	TEST_RI 22, slliw, 0xffffffff80000000, 0x0000000080000000, 0
	TEST_RI 23, slliw, 0x0000000000000000, 0x0000000080000000, 1
	TEST_RI 24, slliw, 0x0000000000000000, 0x0000000080000000, 31
	TEST_RI 25, slliw, 0xfffffffffedcba98, 0x12345678fedcba98, 0
	TEST_RI 26, slliw, 0xfffffffffdb97530, 0x12345678fedcba98, 1
	TEST_RI 27, slliw, 0x0000000000000000, 0x12345678fedcba98, 31
	TEST_RI 28, slliw, 0x0000000000000010, 0xffffffff00000001, 4	/* bits 63..32 are ignored */

	/* srliw */
	TEST_RI 29, srliw, 0xffffffff80000000, 0x0000000080000000, 0
	TEST_RI 30, srliw, 0x0000000040000000, 0x0000000080000000, 1
	TEST_RI 31, srliw, 0x0000000000000001, 0x0000000080000000, 31
	TEST_RI 32, srliw, 0xfffffffffedcba98, 0x12345678fedcba98, 0
	TEST_RI 33, srliw, 0x000000007f6e5d4c, 0x12345678fedcba98, 1
	TEST_RI 34, srliw, 0x0000000000000001, 0x12345678fedcba98, 31
	TEST_RI 35, srliw, 0x0000000000000000, 0xffffffff00000001, 4	/* bits 63..32 are ignored */

	/* sraiw */
	TEST_RI 36, sraiw, 0xffffffff80000000, 0x0000000080000000, 0
	TEST_RI 37, sraiw, 0xffffffffc0000000, 0x0000000080000000, 1
	TEST_RI 38, sraiw, 0xffffffffffffffff, 0x0000000080000000, 31
	TEST_RI 39, sraiw, 0xfffffffffedcba98, 0x12345678fedcba98, 0
	TEST_RI 40, sraiw, 0xffffffffff6e5d4c, 0x12345678fedcba98, 1
	TEST_RI 41, sraiw, 0xffffffffffffffff, 0x12345678fedcba98, 31
	TEST_RI 42, sraiw, 0x0000000000000000, 0xffffffff00000001, 4	/* bits 63..32 are ignored */

	/* sllw */
	TEST_RR 43, sllw, 0xfffffffffedcba98, 0x12345678fedcba98, 0x0000000000000000
	TEST_RR 44, sllw, 0xfffffffffdb97530, 0x12345678fedcba98, 0x0000000000000001
	TEST_RR 45, sllw, 0x0000000000000000, 0x12345678fedcba98, 0x000000000000001f
	TEST_RR 46, sllw, 0xffffffff80000001, 0x0000000080000001, 0x0000000000000020	/* amount 32 is 0: only sign extension */
	TEST_RR 47, sllw, 0x0000000000000002, 0x0000000080000001, 0x0000000000000021	/* amount 33 is 1 */
	TEST_RR 48, sllw, 0xffffffff80000000, 0x0000000080000001, 0xffffffffffffffff	/* amount -1 is 31 */
	TEST_RR_SAME 49, sllw, 0x0000000000000018, 0x0000000040000003	/* rd == rs1 == rs2: shift by 3 */

	/* srlw */
	TEST_RR 50, srlw, 0xfffffffffedcba98, 0x12345678fedcba98, 0x0000000000000000
	TEST_RR 51, srlw, 0x000000007f6e5d4c, 0x12345678fedcba98, 0x0000000000000001
	TEST_RR 52, srlw, 0x0000000000000001, 0x12345678fedcba98, 0x000000000000001f
	TEST_RR 53, srlw, 0xffffffff80000001, 0x0000000080000001, 0x0000000000000020	/* amount 32 is 0: only sign extension */
	TEST_RR 54, srlw, 0x0000000040000000, 0x0000000080000001, 0x0000000000000021	/* amount 33 is 1 */
	TEST_RR 55, srlw, 0x0000000000000001, 0x0000000080000001, 0xffffffffffffffff	/* amount -1 is 31 */
	TEST_RR_SAME 56, srlw, 0x0000000008000000, 0x0000000040000003	/* rd == rs1 == rs2: shift by 3 */

	/* sraw */
	TEST_RR 57, sraw, 0xfffffffffedcba98, 0x12345678fedcba98, 0x0000000000000000
	TEST_RR 58, sraw, 0xffffffffff6e5d4c, 0x12345678fedcba98, 0x0000000000000001
	TEST_RR 59, sraw, 0xffffffffffffffff, 0x12345678fedcba98, 0x000000000000001f
	TEST_RR 60, sraw, 0xffffffff80000001, 0x0000000080000001, 0x0000000000000020	/* amount 32 is 0: only sign extension */
	TEST_RR 61, sraw, 0xffffffffc0000000, 0x0000000080000001, 0x0000000000000021	/* amount 33 is 1 */
	TEST_RR 62, sraw, 0xffffffffffffffff, 0x0000000080000001, 0xffffffffffffffff	/* amount -1 is 31 */
	TEST_RR_SAME 63, sraw, 0x0000000008000000, 0x0000000040000003	/* rd == rs1 == rs2: shift by 3 */
	CASE 64
	li a1, 0x1234
	li a2, 3
	sraiw x0, a1, 1	/* x0 as rd */
	mv a0, x0
	EXPECT a0, 0
	EXPECT a1, 0x1234
	EXPECT a2, 3
TEST_END
