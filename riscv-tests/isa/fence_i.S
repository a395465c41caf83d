/* fence.i: code that is rewritten and then run again runs the new instructions,
 * whether the rewrite is of another function, of itself just ahead of the pc,
 * or of a 16-bit instruction.  The code lives in .smc, a writable section. */
#include "macros.h"

#define ADDI_A0_X0(imm)	(((imm) << 20) | (10 << 7) | 0x13)	/* addi a0, x0, imm */
#define C_LI_A0(imm)	(0x4000 | (10 << 7) | ((imm) << 2) | 1)	/* c.li a0, imm (0..31) */

TEST_BEGIN
	CASE 1				/* the code as assembled */
	call smc_fn
	EXPECT a0, 1

	CASE 2				/* rewrite its first instruction */
	la a1, smc_fn
	li a2, ADDI_A0_X0(2)
	sw a2, 0(a1)
	fence.i
	call smc_fn
	EXPECT a0, 2

	CASE 3				/* rewrite it again and again, running it each time */
	li s1, 3
1:	la a1, smc_fn
	slli a2, s1, 20
	ori a2, a2, (10 << 7) | 0x13
	sw a2, 0(a1)
	fence.i
	call smc_fn
	EXPECT_EQ a0, s1
	addi s1, s1, 1
	li t0, 40
	bne s1, t0, 1b

	CASE 4				/* code that rewrites the instruction after its fence.i */
	li a1, ADDI_A0_X0(7)
	call smc_self
	EXPECT a0, 7
	li a1, ADDI_A0_X0(9)
	call smc_self
	EXPECT a0, 9

	CASE 5				/* a 16-bit instruction */
	call smc_c
	EXPECT a0, 1
	la a1, smc_c
	li a2, C_LI_A0(13)
	sh a2, 0(a1)
	fence.i
	call smc_c
	EXPECT a0, 13
TEST_END

	.section .smc, "awx"
	.balign 4
smc_fn:
	addi a0, x0, 1
	ret

/* Stores a1 over .Lpatch, then runs it. */
smc_self:
	lla t1, .Lpatch
	sw a1, 0(t1)
	fence.i
.Lpatch:
	addi a0, x0, 1
	ret

	.option push
	.option rvc
smc_c:
	c.li a0, 1
	c.jr ra
	.option pop
