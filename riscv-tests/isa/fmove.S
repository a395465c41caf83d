/* flw, fsw, fld, fsd, fmv.w.x, fmv.x.w, fmv.d.x, fmv.x.d: bits move unchanged
 * (signaling NaNs too, no flags); 32-bit moves into f registers NaN-box,
 * 32-bit moves out take bits 31..0 whatever the upper half holds. */
#include "macros.h"

TEST_BEGIN
	CASE 1				/* fmv.w.x boxes and ignores bits 63..32 of rs1 */
	li a1, 0xdeadbeef3f800000
	fmv.w.x fa0, a1
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffff3f800000
	CASE 2				/* fmv.x.w sign-extends bit 31 */
	li a1, 0x80000001
	fmv.w.x fa0, a1
	fmv.x.w a0, fa0
	EXPECT a0, 0xffffffff80000001
	CASE 3
	li a1, 0x7f800001		/* a signaling NaN passes untouched */
	fmv.w.x fa0, a1
	fsflags x0
	fmv.x.w a0, fa0
	EXPECT_FLAGS 0
	EXPECT a0, 0x7f800001
	CASE 4				/* fmv.x.w of an unboxed register: bits 31..0 */
	li a1, 0x123456789abcdef0
	fmv.d.x fa0, a1
	fmv.x.w a0, fa0
	EXPECT a0, 0xffffffff9abcdef0
	CASE 5				/* fmv.d.x / fmv.x.d keep a signaling NaN */
	li a1, 0x7ff0000000000001
	fmv.d.x fa0, a1
	fmv.x.d a0, fa0
	EXPECT_FLAGS 0
	EXPECT a0, 0x7ff0000000000001
	CASE 6				/* x0 as the source gives +0 */
	li a1, -1
	fmv.d.x fa0, a1
	fmv.w.x fa0, x0
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffff00000000
	fmv.d.x fa0, x0
	fmv.x.d a0, fa0
	EXPECT a0, 0

	CASE 7				/* flw boxes, keeps a signaling NaN */
	la a1, fdata
	flw fa0, 0(a1)
	fmv.x.d a0, fa0
	EXPECT_FLAGS 0
	EXPECT a0, 0xffffffff7f800001
	CASE 8				/* flw with a negative offset */
	la a1, fdata + 16
	flw fa0, -12(a1)
	fmv.x.d a0, fa0
	EXPECT a0, 0xffffffffbf800000
	CASE 9				/* fld */
	la a1, fdata
	fld fa0, 8(a1)
	fmv.x.d a0, fa0
	EXPECT a0, 0x7ff4000000000001
	CASE 10				/* fsw writes 4 bytes: bits 31..0, even unboxed */
	la a1, fbuf
	li t0, -1
	sd t0, 0(a1)
	li a2, 0x123456789abcdef0
	fmv.d.x fa0, a2
	fsw fa0, 0(a1)
	ld a0, 0(a1)
	EXPECT a0, 0xffffffff9abcdef0
	CASE 11				/* fsw of a boxed signaling NaN, negative offset */
	li a2, 0x7fa00000
	fmv.w.x fa0, a2
	la a1, fbuf + 8
	fsw fa0, -4(a1)
	la a1, fbuf
	ld a0, 0(a1)
	EXPECT a0, 0x7fa000009abcdef0
	CASE 12				/* fsd / fld round trip of a signaling NaN */
	li a2, 0xfff0000000000003
	fmv.d.x fa0, a2
	la a1, fbuf
	fsd fa0, 8(a1)
	fld fa1, 8(a1)
	fmv.x.d a0, fa1
	EXPECT_FLAGS 0
	EXPECT a0, 0xfff0000000000003
	ld a0, 8(a1)
	EXPECT a0, 0xfff0000000000003
	CASE 13				/* flw then fsw: the same 32 bits */
	la a1, fdata
	flw fa2, 4(a1)
	la a1, fbuf
	fsw fa2, 0(a1)
	lw a0, 0(a1)
	EXPECT a0, 0xffffffffbf800000
TEST_END

TEST_DATA
fdata:	.word 0x7f800001, 0xbf800000
	.dword 0x7ff4000000000001
fbuf:	.dword 0, 0
