/* lb, lh, lw, ld, lbu, lhu, lwu: sign and zero extension, offsets, x0, rd == rs1 */
#include "macros.h"

/* a0 = insn off(a1), a1 = ldata + base */
.macro TEST_LD num, insn, exp, base, off
	CASE \num
	la a1, ldata + \base
	\insn a0, \off(a1)
	EXPECT a0, \exp
.endm

TEST_BEGIN
	TEST_LD 1, lb, 0x11, 0, 0
	TEST_LD 2, lb, 0xffffffffffffff88, 0, 7
	TEST_LD 3, lb, 0x7f, 0, 13
	TEST_LD 4, lb, 0xffffffffffffff80, 0, 12
	TEST_LD 5, lbu, 0x88, 0, 7
	TEST_LD 6, lbu, 0xff, 0, 14
	TEST_LD 7, lh, 0x2211, 0, 0
	TEST_LD 8, lh, 0xffffffffffff8877, 0, 6
	TEST_LD 9, lh, 0x7f80, 0, 12
	TEST_LD 10, lhu, 0x8877, 0, 6
	TEST_LD 11, lhu, 0x00ff, 0, 14
	TEST_LD 12, lw, 0x44332211, 0, 0
	TEST_LD 13, lw, 0xffffffff88776655, 0, 4
	TEST_LD 14, lw, 0xfffffffffedcba98, 0, 8
	TEST_LD 15, lwu, 0x88776655, 0, 4
	TEST_LD 16, lwu, 0x00ff7f80, 0, 12
	TEST_LD 17, ld, 0x8877665544332211, 0, 0
	TEST_LD 18, ld, 0x00ff7f80fedcba98, 0, 8

	/* negative and extreme offsets */
	TEST_LD 19, lw, 0x00ff7f80, 16, -4
	TEST_LD 20, ld, 0x8877665544332211, 16, -16
	TEST_LD 21, lbu, 0x11, -2047, 2047
	TEST_LD 22, ld, 0x00ff7f80fedcba98, 2056, -2048
	TEST_LD 23, lh, 0xffffffffffffba98, 2056, -2048

	CASE 24				/* rd == rs1 */
	la a0, ldata
	ld a0, 0(a0)
	EXPECT a0, 0x8877665544332211
	CASE 25				/* a load into x0 loads nothing */
	la a1, ldata
	lw x0, 0(a1)
	ld x0, 8(a1)
	mv a0, x0
	EXPECT a0, 0
	CASE 26				/* a load after a store to the same place */
	la a1, lscratch
	li a2, 0x0123456789abcdef
	sd a2, 0(a1)
	lw a0, 4(a1)
	EXPECT a0, 0x01234567
	lb a0, 0(a1)
	EXPECT a0, 0xffffffffffffffef
TEST_END

TEST_DATA
ldata:
	.dword 0x8877665544332211	/* bytes 11 22 33 44 55 66 77 88 */
	.dword 0x00ff7f80fedcba98	/* bytes 98 ba dc fe 80 7f ff 00 */
lscratch:
	.dword 0
