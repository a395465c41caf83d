/* The compressed integer computational instructions: c.li, c.lui, c.addi,
 * c.addiw, c.addi16sp, c.addi4spn, c.slli, c.srli, c.srai, c.andi, c.mv,
 * c.add, c.sub, c.xor, c.or, c.and, c.subw, c.addw, c.nop.  Immediates at
 * both ends of their ranges, sign extension, W results. */
#include "macros.h"

TEST_BEGIN
	.option rvc

	/* c.li: 6-bit signed immediate, any rd */
	CASE 1
	c.li a0, -32
	EXPECT a0, -32
	CASE 2
	c.li t3, 31
	EXPECT t3, 31
	CASE 3
	li s11, -1
	c.li s11, 0
	EXPECT s11, 0

	/* c.lui: nzimm[17:12], sign-extended from bit 17 */
	CASE 4
	c.lui a0, 1
	EXPECT a0, 0x1000
	CASE 5
	c.lui s2, 0x1f
	EXPECT s2, 0x1f000
	CASE 6
	c.lui a0, 0xfffe0
	EXPECT a0, 0xfffffffffffe0000
	CASE 7
	c.lui t4, 0xfffff
	EXPECT t4, -4096

	/* c.addi, c.nop */
	CASE 8
	li a0, 100
	c.addi a0, -32
	EXPECT a0, 68
	CASE 9
	li a0, 0x7fffffffffffffff
	c.addi a0, 1
	EXPECT a0, 0x8000000000000000
	CASE 10
	li a0, 0xffffffff
	c.addi a0, 31			/* no wrap at 32 bits */
	EXPECT a0, 0x10000001e
	CASE 11
	li a0, 5
	c.nop
	EXPECT a0, 5

	/* c.addiw: a W operation */
	CASE 12
	li a0, 0x7fffffff
	c.addiw a0, 1
	EXPECT a0, 0xffffffff80000000
	CASE 13
	li s3, 0x180000000
	c.addiw s3, 0			/* sext.w */
	EXPECT s3, 0xffffffff80000000
	CASE 14
	li a0, 0xffffffff00000000
	c.addiw a0, -1
	EXPECT a0, -1
	CASE 15
	li a0, 0x1234567800000010
	c.addiw a0, -32
	EXPECT a0, -16

	/* c.addi16sp, c.addi4spn: sp-relative, scaled immediates */
	CASE 16
	mv s1, sp
	c.addi16sp sp, -512
	sub a0, s1, sp
	mv sp, s1
	EXPECT a0, 512
	CASE 17
	mv s1, sp
	c.addi16sp sp, 496
	sub a0, sp, s1
	mv sp, s1
	EXPECT a0, 496
	CASE 18
	c.addi4spn a0, sp, 4
	sub a0, a0, sp
	EXPECT a0, 4
	CASE 19
	c.addi4spn a5, sp, 1020
	sub a0, a5, sp
	EXPECT a0, 1020

	/* shifts */
	CASE 20
	li a0, 0x8000000000000001
	c.slli a0, 1
	EXPECT a0, 2
	CASE 21
	li t5, 1
	c.slli t5, 63
	EXPECT t5, 0x8000000000000000
	CASE 22
	li a0, 1
	c.slli a0, 31			/* no sign extension */
	EXPECT a0, 0x80000000
	CASE 23
	li a0, 0x8000000000000001
	c.srli a0, 1
	EXPECT a0, 0x4000000000000000
	CASE 24
	li a0, 0x8000000000000001
	c.srli a0, 63
	EXPECT a0, 1
	CASE 25
	li s0, 0xfedcba9876543210
	c.srli s0, 32
	EXPECT s0, 0xfedcba98
	CASE 26
	li a0, 0x8000000000000001
	c.srai a0, 1
	EXPECT a0, 0xc000000000000000
	CASE 27
	li a0, 0x8000000000000000
	c.srai a0, 63
	EXPECT a0, -1
	CASE 28
	li a4, 0x0000000080000000
	c.srai a4, 31			/* bit 31 is not the sign */
	EXPECT a4, 1

	/* c.andi */
	CASE 29
	li a0, -1
	c.andi a0, -32
	EXPECT a0, 0xffffffffffffffe0
	CASE 30
	li a0, -1
	c.andi a0, 31
	EXPECT a0, 31
	CASE 31
	li a0, -1
	c.andi a0, 0
	EXPECT a0, 0

	/* c.mv, c.add: any registers */
	CASE 32
	li a1, 0x123456789
	c.mv a0, a1
	EXPECT a0, 0x123456789
	CASE 33
	li s10, 7
	li t3, -10
	c.add s10, t3
	EXPECT s10, -3
	CASE 34
	li a0, 0x4000000000000001
	c.add a0, a0			/* rd == rs2 */
	EXPECT a0, 0x8000000000000002
	CASE 35
	li a0, 0xffffffff
	li a1, 1
	c.add a0, a1			/* no wrap at 32 bits */
	EXPECT a0, 0x100000000

	/* c.sub, c.xor, c.or, c.and: x8..x15 */
	CASE 36
	li a0, 0
	li a1, 1
	c.sub a0, a1
	EXPECT a0, -1
	CASE 37
	li s1, 0x8000000000000000
	li a2, 1
	c.sub s1, a2
	EXPECT s1, 0x7fffffffffffffff
	CASE 38
	li a3, 0xff00ff00ff00ff00
	li a4, 0x0ff00ff00ff00ff0
	c.xor a3, a4
	EXPECT a3, 0xf0f0f0f0f0f0f0f0
	CASE 39
	li a3, 0xff00ff00ff00ff00
	c.or a3, a4
	EXPECT a3, 0xfff0fff0fff0fff0
	CASE 40
	li a3, 0xff00ff00ff00ff00
	c.and a3, a4
	EXPECT a3, 0x0f000f000f000f00
	CASE 41
	li a5, 0x1234
	c.xor a5, a5			/* rd == rs2 */
	EXPECT a5, 0

	/* c.addw, c.subw: W results */
	CASE 42
	li a0, 0x7fffffff
	li a1, 1
	c.addw a0, a1
	EXPECT a0, 0xffffffff80000000
	CASE 43
	li a0, 0xaaaaaaaa00000001
	li a1, 0x5555555500000002
	c.addw a0, a1
	EXPECT a0, 3
	CASE 44
	li a0, 0x80000000
	li a1, 1
	c.subw a0, a1
	EXPECT a0, 0x7fffffff
	CASE 45
	li a0, 0
	li a1, 1
	c.subw a0, a1
	EXPECT a0, -1
	CASE 46
	li s0, 0x40000000
	c.addw s0, s0
	EXPECT s0, 0xffffffff80000000
TEST_END
