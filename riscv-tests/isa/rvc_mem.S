/* The compressed loads and stores: c.lw, c.ld, c.sw, c.sd, c.fld, c.fsd and
 * the sp-based c.lwsp, c.ldsp, c.swsp, c.sdsp, c.fldsp, c.fsdsp.  Sign
 * extension of c.lw, the largest offsets, bits kept by the FP forms. */
#include "macros.h"

TEST_BEGIN
	.option rvc

	CASE 1				/* c.lw sign-extends */
	la a1, cbuf
	c.lw a0, 0(a1)
	EXPECT a0, 0xffffffff80000001
	CASE 2
	c.lw s0, 4(a1)
	EXPECT s0, 0x7ffffffe
	CASE 3				/* largest offsets */
	la a2, cbuf + 248 - 124
	c.lw a0, 124(a2)
	EXPECT a0, 0x12345678
	CASE 4
	la a2, cbuf
	c.ld a3, 248(a2)
	EXPECT a3, 0xfedcba9812345678
	CASE 5
	c.ld a0, 0(a1)
	EXPECT a0, 0x7ffffffe80000001
	CASE 6				/* c.sw writes 4 bytes */
	li a4, 0x0102030405060708
	c.sw a4, 8(a1)
	ld a0, 8(a1)
	EXPECT a0, 0xa5a5a5a505060708
	CASE 7
	c.sd a4, 16(a1)
	ld a0, 16(a1)
	EXPECT a0, 0x0102030405060708
	CASE 8
	la a2, cbuf + 256 - 248
	li a5, 0x55
	c.sd a5, 248(a2)
	ld a0, 256(a1)
	EXPECT a0, 0x55
	CASE 9				/* c.fld, c.fsd keep a signaling NaN */
	la a1, cbuf
	c.fld fa0, 24(a1)
	fmv.x.d a0, fa0
	EXPECT a0, 0x7ff0000000000001
	c.fsd fa0, 32(a1)
	ld a0, 32(a1)
	EXPECT a0, 0x7ff0000000000001
	CASE 10
	la a2, cbuf + 256 - 248
	c.fld fs0, 248(a2)
	fmv.x.d a0, fs0
	EXPECT a0, 0x55

	/* sp-based forms: sp points into cbuf for a moment */
	CASE 11
	mv s1, sp
	la sp, cbuf
	c.lwsp a0, 0(sp)
	c.ldsp t3, 24(sp)
	mv sp, s1
	EXPECT a0, 0xffffffff80000001
	EXPECT t3, 0x7ff0000000000001
	CASE 12				/* largest offsets */
	mv s1, sp
	la sp, cbuf + 256 - 252
	c.lwsp s5, 252(sp)
	la sp, cbuf + 256 - 504
	c.ldsp a0, 504(sp)
	mv sp, s1
	EXPECT s5, 0x55
	EXPECT a0, 0x55
	CASE 13
	mv s1, sp
	la sp, cbuf
	li t4, 0x1122334455667788
	c.swsp t4, 40(sp)
	c.sdsp t4, 48(sp)
	li s7, -1
	c.sdsp s7, 56(sp)
	mv sp, s1
	la a1, cbuf
	ld a0, 40(a1)
	EXPECT a0, 0xa5a5a5a555667788
	ld a0, 48(a1)
	EXPECT a0, 0x1122334455667788
	ld a0, 56(a1)
	EXPECT a0, -1
	CASE 14
	mv s1, sp
	la sp, cbuf + 256 - 504
	li a0, 0x99
	c.sdsp a0, 504(sp)
	la sp, cbuf + 256 - 252
	li a0, 0x77
	c.swsp a0, 252(sp)
	mv sp, s1
	la a1, cbuf
	ld a0, 256(a1)
	EXPECT a0, 0x77
	CASE 15				/* c.fldsp, c.fsdsp */
	mv s1, sp
	la sp, cbuf
	c.fldsp ft11, 24(sp)
	c.fsdsp ft11, 64(sp)
	la sp, cbuf + 256 - 504
	c.fsdsp ft11, 504(sp)
	c.fldsp fa5, 504(sp)
	mv sp, s1
	la a1, cbuf
	ld a0, 64(a1)
	EXPECT a0, 0x7ff0000000000001
	fmv.x.d a0, fa5
	EXPECT a0, 0x7ff0000000000001
TEST_END

TEST_DATA
cbuf:
	.word 0x80000001, 0x7ffffffe		/* 0 */
	.dword 0xa5a5a5a5a5a5a5a5		/* 8 */
	.dword 0				/* 16 */
	.dword 0x7ff0000000000001		/* 24 */
	.rept 27				/* 32 .. 247 */
	.dword 0xa5a5a5a5a5a5a5a5
	.endr
	.dword 0xfedcba9812345678		/* 248 */
	.dword 0				/* 256 */
