/* sb, sh, sw, sd: only the addressed bytes change, offsets, x0 as data, rs1 == rs2 */
#include "macros.h"

/* fill sbuf with a pattern, store a2 with insn at off(sbuf + base), compare both dwords */
.macro TEST_ST num, insn, base, off, val, exp0, exp1
	CASE \num
	la a1, sbuf
	li t0, 0xa5a5a5a5a5a5a5a5
	sd t0, 0(a1)
	sd t0, 8(a1)
	la a1, sbuf + \base
	li a2, \val
	\insn a2, \off(a1)
	la a1, sbuf
	ld a0, 0(a1)
	EXPECT a0, \exp0
	ld a0, 8(a1)
	EXPECT a0, \exp1
.endm

TEST_BEGIN
	TEST_ST 1, sb, 0, 0, 0x1122334455667788, 0xa5a5a5a5a5a5a588, 0xa5a5a5a5a5a5a5a5
	TEST_ST 2, sb, 0, 7, -1, 0xffa5a5a5a5a5a5a5, 0xa5a5a5a5a5a5a5a5
	TEST_ST 3, sb, 0, 9, 0, 0xa5a5a5a5a5a5a5a5, 0xa5a5a5a5a5a500a5
	TEST_ST 4, sh, 0, 0, 0x1122334455667788, 0xa5a5a5a5a5a57788, 0xa5a5a5a5a5a5a5a5
	TEST_ST 5, sh, 0, 6, 0x8001, 0x8001a5a5a5a5a5a5, 0xa5a5a5a5a5a5a5a5
	TEST_ST 6, sw, 0, 0, 0x1122334455667788, 0xa5a5a5a555667788, 0xa5a5a5a5a5a5a5a5
	TEST_ST 7, sw, 0, 12, 0x80000000, 0xa5a5a5a5a5a5a5a5, 0x80000000a5a5a5a5
	TEST_ST 8, sd, 0, 8, 0x1122334455667788, 0xa5a5a5a5a5a5a5a5, 0x1122334455667788
	TEST_ST 9, sd, 0, 0, 0, 0, 0xa5a5a5a5a5a5a5a5

	/* negative and extreme offsets */
	TEST_ST 10, sw, 8, -4, 0x01020304, 0x01020304a5a5a5a5, 0xa5a5a5a5a5a5a5a5
	TEST_ST 11, sb, -2047, 2047, 0x42, 0xa5a5a5a5a5a5a542, 0xa5a5a5a5a5a5a5a5
	TEST_ST 12, sd, 2056, -2048, 0x7766554433221100, 0xa5a5a5a5a5a5a5a5, 0x7766554433221100
	TEST_ST 13, sh, 2048, -2046, 0xbeef, 0xa5a5a5a5beefa5a5, 0xa5a5a5a5a5a5a5a5

	CASE 14				/* x0 as the data stores zero */
	la a1, sbuf
	li t0, -1
	sd t0, 0(a1)
	sw x0, 4(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x00000000ffffffff
	CASE 15				/* rs1 == rs2 stores the address */
	la a1, sbuf
	sd a1, 8(a1)
	ld a0, 8(a1)
	EXPECT_EQ a0, a1
	CASE 16				/* stores in a row, then narrower and wider reads */
	la a1, sbuf
	li a2, 0x11
	sb a2, 0(a1)
	li a2, 0x22
	sb a2, 1(a1)
	li a2, 0x4433
	sh a2, 2(a1)
	li a2, 0x88776655
	sw a2, 4(a1)
	ld a0, 0(a1)
	EXPECT a0, 0x8877665544332211
	lhu a0, 2(a1)
	EXPECT a0, 0x4433
TEST_END

TEST_DATA
sbuf:	.dword 0, 0
