/* Misaligned loads and stores, integer, floating point and compressed,
 * including accesses that straddle a 4 KiB page boundary.  The ISA lets an
 * execution environment trap on these; Linux user programs never see the trap
 * (the kernel or the hardware completes the access), so this test is built as
 * a user program only. */
#include "macros.h"

/* rewrite the 32 bytes around the page boundary with the known pattern */
.macro RESET
	la a1, mbase
	li t0, 0x8877665544332211
	sd t0, 0(a1)
	li t0, 0xffeeddccbbaa9988
	sd t0, 8(a1)
	li t0, 0x0f1e2d3c4b5a6978
	sd t0, 16(a1)
	li t0, 0xf0e1d2c3b4a59687
	sd t0, 24(a1)
.endm

/* a0 = insn at mbase + off */
.macro TEST_MLD num, insn, exp, off
	CASE \num
	la a1, mbase
	\insn a0, \off(a1)
	EXPECT a0, \exp
.endm

TEST_BEGIN
	RESET
	TEST_MLD 1, lh, 0x0000000000003322, 1
	TEST_MLD 2, lh, 0xffffffffffff8888, 7
	TEST_MLD 3, lh, 0x00000000000078ff, 15	/* across the page boundary */
	TEST_MLD 4, lhu, 0x0000000000003322, 1
	TEST_MLD 5, lhu, 0x0000000000008888, 7
	TEST_MLD 6, lhu, 0x00000000000078ff, 15	/* across the page boundary */
	TEST_MLD 7, lw, 0x0000000055443322, 1
	TEST_MLD 8, lw, 0x0000000077665544, 3
	TEST_MLD 9, lw, 0xffffffff99888877, 6
	TEST_MLD 10, lw, 0x0000000078ffeedd, 13	/* across the page boundary */
	TEST_MLD 11, lwu, 0x0000000055443322, 1
	TEST_MLD 12, lwu, 0x0000000077665544, 3
	TEST_MLD 13, lwu, 0x0000000099888877, 6
	TEST_MLD 14, lwu, 0x0000000078ffeedd, 13	/* across the page boundary */
	TEST_MLD 15, ld, 0x8888776655443322, 1
	TEST_MLD 16, ld, 0xccbbaa9988887766, 5
	TEST_MLD 17, ld, 0xeeddccbbaa998888, 7
	TEST_MLD 18, ld, 0x78ffeeddccbbaa99, 9	/* across the page boundary */
	TEST_MLD 19, ld, 0x4b5a6978ffeeddcc, 12	/* across the page boundary */
	CASE 20				/* sh at +3 */
	RESET
	la a1, mbase
	li a2, 0x000000000000abcd
	sh a2, 3(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x887766abcd332211
	ld a0, 8(a1)
	EXPECT a0, 0xffeeddccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0x0f1e2d3c4b5a6978
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687
	CASE 21				/* sh at +15, across the page boundary */
	RESET
	la a1, mbase
	li a2, 0x0000000000001234
	sh a2, 15(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x8877665544332211
	ld a0, 8(a1)
	EXPECT a0, 0x34eeddccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0x0f1e2d3c4b5a6912
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687
	CASE 22				/* sw at +5 */
	RESET
	la a1, mbase
	li a2, 0x00000000deadbeef
	sw a2, 5(a1)
	ld a0, 0(a1)
	EXPECT a0, 0xadbeef5544332211
	ld a0, 8(a1)
	EXPECT a0, 0xffeeddccbbaa99de
	ld a0, 16(a1)
	EXPECT a0, 0x0f1e2d3c4b5a6978
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687
	CASE 23				/* sw at +14, across the page boundary */
	RESET
	la a1, mbase
	li a2, 0x0000000001020304
	sw a2, 14(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x8877665544332211
	ld a0, 8(a1)
	EXPECT a0, 0x0304ddccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0x0f1e2d3c4b5a0102
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687
	CASE 24				/* sd at +1 */
	RESET
	la a1, mbase
	li a2, 0x0123456789abcdef
	sd a2, 1(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x23456789abcdef11
	ld a0, 8(a1)
	EXPECT a0, 0xffeeddccbbaa9901
	ld a0, 16(a1)
	EXPECT a0, 0x0f1e2d3c4b5a6978
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687
	CASE 25				/* sd at +13, across the page boundary */
	RESET
	la a1, mbase
	li a2, 0xfedcba9876543210
	sd a2, 13(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x8877665544332211
	ld a0, 8(a1)
	EXPECT a0, 0x543210ccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0x0f1e2dfedcba9876
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687

	/* floating point */
	RESET
	CASE 26				/* flw boxes */
	la a1, mbase
	flw fa0, 2(a1)
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffff66554433
	CASE 27				/* fld across the page boundary */
	fld fa0, 11(a1)
	fmv.x.d a0, fa0
	EXPECT a0, 0x5a6978ffeeddccbb
	CASE 28				/* fsw, fsd */
	li a2, 0x1122334455667788
	fmv.d.x fa1, a2
	fsw fa1, 1(a1)
	fsd fa1, 15(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x8877665566778811
	ld a0, 8(a1)
	EXPECT a0, 0x88eeddccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0x0f11223344556677
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a59687

	/* compressed */
	.option push
	.option rvc
	RESET
	CASE 29				/* c.lw, c.ld from an odd base */
	la a1, mbase + 3
	c.lw a0, 4(a1)
	EXPECT a0, 0xffffffffaa998888
	c.ld a0, 8(a1)
	EXPECT a0, 0x5a6978ffeeddccbb
	CASE 30				/* c.sw, c.sd to an odd base */
	li a2, 0x0102030405060708
	c.sw a2, 0(a1)
	c.sd a2, 16(a1)
	la a1, mbase
	ld a0, 0(a1)
	EXPECT a0, 0x8805060708332211
	ld a0, 8(a1)
	EXPECT a0, 0xffeeddccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0x04050607085a6978
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4010203
	CASE 31				/* c.ldsp, c.sdsp with a misaligned sp */
	RESET
	mv s1, sp
	la sp, mbase + 1
	c.ldsp a0, 8(sp)
	li a2, -1
	c.sdsp a2, 16(sp)
	mv sp, s1
	EXPECT a0, 0x78ffeeddccbbaa99
	la a1, mbase
	ld a0, 0(a1)
	EXPECT a0, 0x8877665544332211
	ld a0, 8(a1)
	EXPECT a0, 0xffeeddccbbaa9988
	ld a0, 16(a1)
	EXPECT a0, 0xffffffffffffff78
	ld a0, 24(a1)
	EXPECT a0, 0xf0e1d2c3b4a596ff
	.option pop
TEST_END

TEST_DATA
	.balign 4096
	.skip 4096 - 16
mbase:	.skip 32		/* 16 bytes on each side of a page boundary */
