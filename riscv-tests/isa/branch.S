/* beq, bne, blt, bge, bltu, bgeu: signed and unsigned extremes, all 64 bits compared, x0, rs1 == rs2 */
#include "macros.h"

/* a0 = 1 if "insn a1, a2" branches, else 0 */
.macro TEST_BR num, insn, taken, a, b
	CASE \num
	li a1, \a
	li a2, \b
	\insn a1, a2, .Lbr_t\@
	li a0, 0
	j .Lbr_j\@
.Lbr_t\@:	li a0, 1
.Lbr_j\@:	EXPECT a0, \taken
.endm

TEST_BEGIN
	TEST_BR 1, beq, 1, 5, 5
	TEST_BR 2, beq, 0, 5, 6
	TEST_BR 3, beq, 0, 0x100000000, 0		/* differ only above bit 31 */
	TEST_BR 4, beq, 0, 0x8000000000000000, 0
	TEST_BR 5, bne, 0, -1, -1
	TEST_BR 6, bne, 1, 0x100000000, 0
	TEST_BR 7, bne, 1, 1, 0

	TEST_BR 8, blt, 1, -1, 0
	TEST_BR 9, blt, 0, 0, -1
	TEST_BR 10, blt, 1, 0x8000000000000000, 0x7fffffffffffffff
	TEST_BR 11, blt, 0, 0x7fffffffffffffff, 0x8000000000000000
	TEST_BR 12, blt, 0, 0x80000000, 0		/* bit 31 is not the sign */
	TEST_BR 13, blt, 0, 7, 7
	TEST_BR 14, bge, 1, 7, 7
	TEST_BR 15, bge, 1, 0, -1
	TEST_BR 16, bge, 0, -1, 0
	TEST_BR 17, bge, 1, 0x7fffffffffffffff, 0x8000000000000000
	TEST_BR 18, bge, 0, 0xffffffff7fffffff, 0

	TEST_BR 19, bltu, 0, -1, 0
	TEST_BR 20, bltu, 1, 0, -1
	TEST_BR 21, bltu, 0, 0x8000000000000000, 0x7fffffffffffffff
	TEST_BR 22, bltu, 1, 0xffffffff, 0x100000000
	TEST_BR 23, bltu, 0, 7, 7
	TEST_BR 24, bgeu, 1, 7, 7
	TEST_BR 25, bgeu, 1, -1, 0
	TEST_BR 26, bgeu, 0, 0x7fffffffffffffff, 0x8000000000000000
	TEST_BR 27, bgeu, 0, 0xffffffff, 0x100000000

	/* x0 and rs1 == rs2 */
	CASE 28
	li a0, 0
	beq x0, x0, 1f
	li a0, 1
1:	EXPECT a0, 0
	CASE 29
	li a1, -1
	li a0, 0
	bltu x0, a1, 1f			/* x0 <u anything nonzero */
	li a0, 1
1:	EXPECT a0, 0
	CASE 30
	li a1, -1
	li a0, 0
	bge a1, x0, 1f
	li a0, 1
1:	EXPECT a0, 1
	CASE 31
	li a1, 3
	li a0, 0
	blt a1, a1, 1f
	bge a1, a1, 2f
1:	li a0, 1
2:	EXPECT a0, 0

	/* a backward branch loop */
	CASE 32
	li a1, 10
	li a0, 0
1:	addi a0, a0, 3
	addi a1, a1, -1
	bnez a1, 1b
	EXPECT a0, 30

	/* a branch far enough to need the whole 13-bit offset */
	CASE 33
	li a0, 0
	beq x0, x0, .Lfar
	li a0, 1
	.skip 4000
.Lfar:	EXPECT a0, 0
	CASE 34
	j .Lfar2
.Lback:	li a0, 7
	j .Lfar3
	.skip 4000
.Lfar2:	li a0, 0
	bne a0, x0, .Lfar3
	beq a0, x0, .Lback
.Lfar3:	EXPECT a0, 7
TEST_END
