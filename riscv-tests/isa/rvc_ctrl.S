/* The compressed control transfers: c.j, c.jr, c.jalr (link pc + 2),
 * c.beqz, c.bnez (all 64 bits tested); and mixed 16/32-bit code: a 32-bit
 * instruction at an address that is 2 mod 4, a jalr to such an address, and
 * a 32-bit instruction that straddles a 4 KiB page boundary. */
#include "macros.h"

/* a0 = 1 if "insn a1, label" branches, else 0 */
.macro TEST_CBR num, insn, taken, val
	CASE \num
	li a1, \val
	li a0, 1
	\insn a1, .Lcbr_t\@
	li a0, 0
.Lcbr_t\@:	EXPECT a0, \taken
.endm

TEST_BEGIN
	.option rvc

	CASE 1				/* c.j forward and backward */
	li a0, 0
	c.j .Lf1
.Lb1:	addi a0, a0, 1
	c.j .Ld1
.Lf1:	addi a0, a0, 2
	c.j .Lb1
.Ld1:	EXPECT a0, 3

	TEST_CBR 2, c.beqz, 1, 0
	TEST_CBR 3, c.beqz, 0, 1
	TEST_CBR 4, c.beqz, 0, 0x8000000000000000
	TEST_CBR 5, c.beqz, 0, 0x100000000	/* zero in bits 31..0 only */
	TEST_CBR 6, c.bnez, 0, 0
	TEST_CBR 7, c.bnez, 1, -1
	TEST_CBR 8, c.bnez, 1, 0x100000000

	CASE 9				/* c.bnez backward: a loop */
	li s0, 5
	li a0, 0
1:	c.addi a0, 2
	c.addi s0, -1
	c.bnez s0, 1b
	EXPECT a0, 10

	CASE 10				/* c.jr */
	la a1, .Lt10
	li a0, 0
	c.jr a1
	li a0, 1
.Lt10:	EXPECT a0, 0

	CASE 11				/* c.jalr links pc + 2 */
	la t3, .Lt11
	c.jalr t3
.Lr11:	j rvt_fail
.Lt11:	la a1, .Lr11
	EXPECT_EQ ra, a1

	CASE 12				/* c.jalr ra: the target is the old ra */
	la ra, .Lt12
	c.jalr ra
.Lr12:	j rvt_fail
.Lt12:	la a1, .Lr12
	EXPECT_EQ ra, a1

	CASE 13				/* call / c.jr ra return, 16-bit function body */
	li a0, 1
	call .Lf13
	EXPECT a0, 8

	CASE 14				/* 32-bit instructions at 2 mod 4 */
	.balign 4
	c.li a0, 1
	.option push
	.option norvc
	addi a0, a0, 100		/* at 2 mod 4 */
	addi a0, a0, 1000
	.option pop
	EXPECT a0, 1101

	CASE 15				/* jalr to a 32-bit instruction at 2 mod 4 */
	la a1, .Lt15
	andi a0, a1, 3
	EXPECT a0, 2
	li a0, 0
	jalr ra, 0(a1)
	EXPECT a0, 5

	CASE 16				/* a 32-bit instruction across a page boundary */
	li a0, 1
	la a1, .Lcross
	jr a1
.Lback16:
	EXPECT a0, 43
	j .Lend

.Lf13:	c.slli a0, 3
	c.jr ra

	.balign 4
	c.nop
.Lt15:	.option push
	.option norvc
	addi a0, a0, 5
	.option pop
	c.jr ra

	.balign 4096
	.skip 4094
.Lcross:
	.option push
	.option norvc
	addi a0, a0, 42			/* bytes 0-1 on one page, 2-3 on the next */
	.option pop
	j .Lback16
.Lend:
TEST_END
