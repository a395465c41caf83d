/* Every x and f register as source and destination: each is loaded with its
 * own value, doubled in place (rd == rs1 == rs2) and stored, so a register
 * that aliases another or is not kept by the implementation shows up as a
 * wrong slot.  Covers sp, gp and tp too; the case number is put back in gp
 * before anything is checked. */
#include "macros.h"

#define XV(i) (0x0101010101010101 * (i) + 0x1000000000000000)

TEST_BEGIN
	CASE 1				/* x1..x30, stored through x31 */
	la t0, saved_sp
	sd sp, 0(t0)
	li x1, XV(1)
	li x2, XV(2)
	li x3, XV(3)
	li x4, XV(4)
	li x5, XV(5)
	li x6, XV(6)
	li x7, XV(7)
	li x8, XV(8)
	li x9, XV(9)
	li x10, XV(10)
	li x11, XV(11)
	li x12, XV(12)
	li x13, XV(13)
	li x14, XV(14)
	li x15, XV(15)
	li x16, XV(16)
	li x17, XV(17)
	li x18, XV(18)
	li x19, XV(19)
	li x20, XV(20)
	li x21, XV(21)
	li x22, XV(22)
	li x23, XV(23)
	li x24, XV(24)
	li x25, XV(25)
	li x26, XV(26)
	li x27, XV(27)
	li x28, XV(28)
	li x29, XV(29)
	li x30, XV(30)
	add x1, x1, x1
	add x2, x2, x2
	add x3, x3, x3
	add x4, x4, x4
	add x5, x5, x5
	add x6, x6, x6
	add x7, x7, x7
	add x8, x8, x8
	add x9, x9, x9
	add x10, x10, x10
	add x11, x11, x11
	add x12, x12, x12
	add x13, x13, x13
	add x14, x14, x14
	add x15, x15, x15
	add x16, x16, x16
	add x17, x17, x17
	add x18, x18, x18
	add x19, x19, x19
	add x20, x20, x20
	add x21, x21, x21
	add x22, x22, x22
	add x23, x23, x23
	add x24, x24, x24
	add x25, x25, x25
	add x26, x26, x26
	add x27, x27, x27
	add x28, x28, x28
	add x29, x29, x29
	add x30, x30, x30
	la x31, xbuf
	sd x1, 8(x31)
	sd x2, 16(x31)
	sd x3, 24(x31)
	sd x4, 32(x31)
	sd x5, 40(x31)
	sd x6, 48(x31)
	sd x7, 56(x31)
	sd x8, 64(x31)
	sd x9, 72(x31)
	sd x10, 80(x31)
	sd x11, 88(x31)
	sd x12, 96(x31)
	sd x13, 104(x31)
	sd x14, 112(x31)
	sd x15, 120(x31)
	sd x16, 128(x31)
	sd x17, 136(x31)
	sd x18, 144(x31)
	sd x19, 152(x31)
	sd x20, 160(x31)
	sd x21, 168(x31)
	sd x22, 176(x31)
	sd x23, 184(x31)
	sd x24, 192(x31)
	sd x25, 200(x31)
	sd x26, 208(x31)
	sd x27, 216(x31)
	sd x28, 224(x31)
	sd x29, 232(x31)
	sd x30, 240(x31)
	ld sp, 256(x31)			/* saved_sp */
	li gp, 1
	la a1, xbuf
	ld a0, 8(a1)
	EXPECT a0, 0x2202020202020202
	ld a0, 16(a1)
	EXPECT a0, 0x2404040404040404
	ld a0, 24(a1)
	EXPECT a0, 0x2606060606060606
	ld a0, 32(a1)
	EXPECT a0, 0x2808080808080808
	ld a0, 40(a1)
	EXPECT a0, 0x2a0a0a0a0a0a0a0a
	ld a0, 48(a1)
	EXPECT a0, 0x2c0c0c0c0c0c0c0c
	ld a0, 56(a1)
	EXPECT a0, 0x2e0e0e0e0e0e0e0e
	ld a0, 64(a1)
	EXPECT a0, 0x3010101010101010
	ld a0, 72(a1)
	EXPECT a0, 0x3212121212121212
	ld a0, 80(a1)
	EXPECT a0, 0x3414141414141414
	ld a0, 88(a1)
	EXPECT a0, 0x3616161616161616
	ld a0, 96(a1)
	EXPECT a0, 0x3818181818181818
	ld a0, 104(a1)
	EXPECT a0, 0x3a1a1a1a1a1a1a1a
	ld a0, 112(a1)
	EXPECT a0, 0x3c1c1c1c1c1c1c1c
	ld a0, 120(a1)
	EXPECT a0, 0x3e1e1e1e1e1e1e1e
	ld a0, 128(a1)
	EXPECT a0, 0x4020202020202020
	ld a0, 136(a1)
	EXPECT a0, 0x4222222222222222
	ld a0, 144(a1)
	EXPECT a0, 0x4424242424242424
	ld a0, 152(a1)
	EXPECT a0, 0x4626262626262626
	ld a0, 160(a1)
	EXPECT a0, 0x4828282828282828
	ld a0, 168(a1)
	EXPECT a0, 0x4a2a2a2a2a2a2a2a
	ld a0, 176(a1)
	EXPECT a0, 0x4c2c2c2c2c2c2c2c
	ld a0, 184(a1)
	EXPECT a0, 0x4e2e2e2e2e2e2e2e
	ld a0, 192(a1)
	EXPECT a0, 0x5030303030303030
	ld a0, 200(a1)
	EXPECT a0, 0x5232323232323232
	ld a0, 208(a1)
	EXPECT a0, 0x5434343434343434
	ld a0, 216(a1)
	EXPECT a0, 0x5636363636363636
	ld a0, 224(a1)
	EXPECT a0, 0x5838383838383838
	ld a0, 232(a1)
	EXPECT a0, 0x5a3a3a3a3a3a3a3a
	ld a0, 240(a1)
	EXPECT a0, 0x5c3c3c3c3c3c3c3c

	CASE 2				/* x31, stored through x1 */
	li x31, XV(31)
	add x31, x31, x31
	la x1, xbuf
	sd x31, 248(x1)
	ld a0, 248(x1)
	EXPECT a0, 0x5e3e3e3e3e3e3e3e

	CASE 3				/* x0 as rd of each kind stays zero; as rs it reads zero */
	li a1, 5
	li a2, 6
	add x0, a1, a2
	lui x0, 1
	jal x0, 1f
1:	mv a0, x0
	add a0, a0, x0
	EXPECT a0, 0

	CASE 4				/* f0..f31 as doubles: loaded, doubled, stored */
	li t0, 1
	fcvt.d.l f0, t0
	li t0, 2
	fcvt.d.l f1, t0
	li t0, 3
	fcvt.d.l f2, t0
	li t0, 4
	fcvt.d.l f3, t0
	li t0, 5
	fcvt.d.l f4, t0
	li t0, 6
	fcvt.d.l f5, t0
	li t0, 7
	fcvt.d.l f6, t0
	li t0, 8
	fcvt.d.l f7, t0
	li t0, 9
	fcvt.d.l f8, t0
	li t0, 10
	fcvt.d.l f9, t0
	li t0, 11
	fcvt.d.l f10, t0
	li t0, 12
	fcvt.d.l f11, t0
	li t0, 13
	fcvt.d.l f12, t0
	li t0, 14
	fcvt.d.l f13, t0
	li t0, 15
	fcvt.d.l f14, t0
	li t0, 16
	fcvt.d.l f15, t0
	li t0, 17
	fcvt.d.l f16, t0
	li t0, 18
	fcvt.d.l f17, t0
	li t0, 19
	fcvt.d.l f18, t0
	li t0, 20
	fcvt.d.l f19, t0
	li t0, 21
	fcvt.d.l f20, t0
	li t0, 22
	fcvt.d.l f21, t0
	li t0, 23
	fcvt.d.l f22, t0
	li t0, 24
	fcvt.d.l f23, t0
	li t0, 25
	fcvt.d.l f24, t0
	li t0, 26
	fcvt.d.l f25, t0
	li t0, 27
	fcvt.d.l f26, t0
	li t0, 28
	fcvt.d.l f27, t0
	li t0, 29
	fcvt.d.l f28, t0
	li t0, 30
	fcvt.d.l f29, t0
	li t0, 31
	fcvt.d.l f30, t0
	li t0, 32
	fcvt.d.l f31, t0
	fadd.d f0, f0, f0
	fadd.d f1, f1, f1
	fadd.d f2, f2, f2
	fadd.d f3, f3, f3
	fadd.d f4, f4, f4
	fadd.d f5, f5, f5
	fadd.d f6, f6, f6
	fadd.d f7, f7, f7
	fadd.d f8, f8, f8
	fadd.d f9, f9, f9
	fadd.d f10, f10, f10
	fadd.d f11, f11, f11
	fadd.d f12, f12, f12
	fadd.d f13, f13, f13
	fadd.d f14, f14, f14
	fadd.d f15, f15, f15
	fadd.d f16, f16, f16
	fadd.d f17, f17, f17
	fadd.d f18, f18, f18
	fadd.d f19, f19, f19
	fadd.d f20, f20, f20
	fadd.d f21, f21, f21
	fadd.d f22, f22, f22
	fadd.d f23, f23, f23
	fadd.d f24, f24, f24
	fadd.d f25, f25, f25
	fadd.d f26, f26, f26
	fadd.d f27, f27, f27
	fadd.d f28, f28, f28
	fadd.d f29, f29, f29
	fadd.d f30, f30, f30
	fadd.d f31, f31, f31
	la a1, fregbuf
	fsd f0, 0(a1)
	fsd f1, 8(a1)
	fsd f2, 16(a1)
	fsd f3, 24(a1)
	fsd f4, 32(a1)
	fsd f5, 40(a1)
	fsd f6, 48(a1)
	fsd f7, 56(a1)
	fsd f8, 64(a1)
	fsd f9, 72(a1)
	fsd f10, 80(a1)
	fsd f11, 88(a1)
	fsd f12, 96(a1)
	fsd f13, 104(a1)
	fsd f14, 112(a1)
	fsd f15, 120(a1)
	fsd f16, 128(a1)
	fsd f17, 136(a1)
	fsd f18, 144(a1)
	fsd f19, 152(a1)
	fsd f20, 160(a1)
	fsd f21, 168(a1)
	fsd f22, 176(a1)
	fsd f23, 184(a1)
	fsd f24, 192(a1)
	fsd f25, 200(a1)
	fsd f26, 208(a1)
	fsd f27, 216(a1)
	fsd f28, 224(a1)
	fsd f29, 232(a1)
	fsd f30, 240(a1)
	fsd f31, 248(a1)
	ld a0, 0(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 2
	ld a0, 8(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 4
	ld a0, 16(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 6
	ld a0, 24(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 8
	ld a0, 32(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 10
	ld a0, 40(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 12
	ld a0, 48(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 14
	ld a0, 56(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 16
	ld a0, 64(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 18
	ld a0, 72(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 20
	ld a0, 80(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 22
	ld a0, 88(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 24
	ld a0, 96(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 26
	ld a0, 104(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 28
	ld a0, 112(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 30
	ld a0, 120(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 32
	ld a0, 128(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 34
	ld a0, 136(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 36
	ld a0, 144(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 38
	ld a0, 152(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 40
	ld a0, 160(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 42
	ld a0, 168(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 44
	ld a0, 176(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 46
	ld a0, 184(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 48
	ld a0, 192(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 50
	ld a0, 200(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 52
	ld a0, 208(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 54
	ld a0, 216(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 56
	ld a0, 224(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 58
	ld a0, 232(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 60
	ld a0, 240(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 62
	ld a0, 248(a1)
	fmv.d.x ft0, a0
	fcvt.l.d a0, ft0
	EXPECT a0, 64

	CASE 5				/* f0..f31 as singles: NaN-boxed in each */
	li t0, 1
	fcvt.s.l f0, t0
	li t0, 2
	fcvt.s.l f1, t0
	li t0, 3
	fcvt.s.l f2, t0
	li t0, 4
	fcvt.s.l f3, t0
	li t0, 5
	fcvt.s.l f4, t0
	li t0, 6
	fcvt.s.l f5, t0
	li t0, 7
	fcvt.s.l f6, t0
	li t0, 8
	fcvt.s.l f7, t0
	li t0, 9
	fcvt.s.l f8, t0
	li t0, 10
	fcvt.s.l f9, t0
	li t0, 11
	fcvt.s.l f10, t0
	li t0, 12
	fcvt.s.l f11, t0
	li t0, 13
	fcvt.s.l f12, t0
	li t0, 14
	fcvt.s.l f13, t0
	li t0, 15
	fcvt.s.l f14, t0
	li t0, 16
	fcvt.s.l f15, t0
	li t0, 17
	fcvt.s.l f16, t0
	li t0, 18
	fcvt.s.l f17, t0
	li t0, 19
	fcvt.s.l f18, t0
	li t0, 20
	fcvt.s.l f19, t0
	li t0, 21
	fcvt.s.l f20, t0
	li t0, 22
	fcvt.s.l f21, t0
	li t0, 23
	fcvt.s.l f22, t0
	li t0, 24
	fcvt.s.l f23, t0
	li t0, 25
	fcvt.s.l f24, t0
	li t0, 26
	fcvt.s.l f25, t0
	li t0, 27
	fcvt.s.l f26, t0
	li t0, 28
	fcvt.s.l f27, t0
	li t0, 29
	fcvt.s.l f28, t0
	li t0, 30
	fcvt.s.l f29, t0
	li t0, 31
	fcvt.s.l f30, t0
	li t0, 32
	fcvt.s.l f31, t0
	fmul.s f0, f0, f0
	fmul.s f1, f1, f1
	fmul.s f2, f2, f2
	fmul.s f3, f3, f3
	fmul.s f4, f4, f4
	fmul.s f5, f5, f5
	fmul.s f6, f6, f6
	fmul.s f7, f7, f7
	fmul.s f8, f8, f8
	fmul.s f9, f9, f9
	fmul.s f10, f10, f10
	fmul.s f11, f11, f11
	fmul.s f12, f12, f12
	fmul.s f13, f13, f13
	fmul.s f14, f14, f14
	fmul.s f15, f15, f15
	fmul.s f16, f16, f16
	fmul.s f17, f17, f17
	fmul.s f18, f18, f18
	fmul.s f19, f19, f19
	fmul.s f20, f20, f20
	fmul.s f21, f21, f21
	fmul.s f22, f22, f22
	fmul.s f23, f23, f23
	fmul.s f24, f24, f24
	fmul.s f25, f25, f25
	fmul.s f26, f26, f26
	fmul.s f27, f27, f27
	fmul.s f28, f28, f28
	fmul.s f29, f29, f29
	fmul.s f30, f30, f30
	fmul.s f31, f31, f31
	fsd f0, 0(a1)
	fsd f1, 8(a1)
	fsd f2, 16(a1)
	fsd f3, 24(a1)
	fsd f4, 32(a1)
	fsd f5, 40(a1)
	fsd f6, 48(a1)
	fsd f7, 56(a1)
	fsd f8, 64(a1)
	fsd f9, 72(a1)
	fsd f10, 80(a1)
	fsd f11, 88(a1)
	fsd f12, 96(a1)
	fsd f13, 104(a1)
	fsd f14, 112(a1)
	fsd f15, 120(a1)
	fsd f16, 128(a1)
	fsd f17, 136(a1)
	fsd f18, 144(a1)
	fsd f19, 152(a1)
	fsd f20, 160(a1)
	fsd f21, 168(a1)
	fsd f22, 176(a1)
	fsd f23, 184(a1)
	fsd f24, 192(a1)
	fsd f25, 200(a1)
	fsd f26, 208(a1)
	fsd f27, 216(a1)
	fsd f28, 224(a1)
	fsd f29, 232(a1)
	fsd f30, 240(a1)
	fsd f31, 248(a1)
	ld a0, 0(a1)
	EXPECT a0, 0xffffffff3f800000
	ld a0, 8(a1)
	EXPECT a0, 0xffffffff40800000
	ld a0, 16(a1)
	EXPECT a0, 0xffffffff41100000
	ld a0, 24(a1)
	EXPECT a0, 0xffffffff41800000
	ld a0, 32(a1)
	EXPECT a0, 0xffffffff41c80000
	ld a0, 40(a1)
	EXPECT a0, 0xffffffff42100000
	ld a0, 48(a1)
	EXPECT a0, 0xffffffff42440000
	ld a0, 56(a1)
	EXPECT a0, 0xffffffff42800000
	ld a0, 64(a1)
	EXPECT a0, 0xffffffff42a20000
	ld a0, 72(a1)
	EXPECT a0, 0xffffffff42c80000
	ld a0, 80(a1)
	EXPECT a0, 0xffffffff42f20000
	ld a0, 88(a1)
	EXPECT a0, 0xffffffff43100000
	ld a0, 96(a1)
	EXPECT a0, 0xffffffff43290000
	ld a0, 104(a1)
	EXPECT a0, 0xffffffff43440000
	ld a0, 112(a1)
	EXPECT a0, 0xffffffff43610000
	ld a0, 120(a1)
	EXPECT a0, 0xffffffff43800000
	ld a0, 128(a1)
	EXPECT a0, 0xffffffff43908000
	ld a0, 136(a1)
	EXPECT a0, 0xffffffff43a20000
	ld a0, 144(a1)
	EXPECT a0, 0xffffffff43b48000
	ld a0, 152(a1)
	EXPECT a0, 0xffffffff43c80000
	ld a0, 160(a1)
	EXPECT a0, 0xffffffff43dc8000
	ld a0, 168(a1)
	EXPECT a0, 0xffffffff43f20000
	ld a0, 176(a1)
	EXPECT a0, 0xffffffff44044000
	ld a0, 184(a1)
	EXPECT a0, 0xffffffff44100000
	ld a0, 192(a1)
	EXPECT a0, 0xffffffff441c4000
	ld a0, 200(a1)
	EXPECT a0, 0xffffffff44290000
	ld a0, 208(a1)
	EXPECT a0, 0xffffffff44364000
	ld a0, 216(a1)
	EXPECT a0, 0xffffffff44440000
	ld a0, 224(a1)
	EXPECT a0, 0xffffffff44524000
	ld a0, 232(a1)
	EXPECT a0, 0xffffffff44610000
	ld a0, 240(a1)
	EXPECT a0, 0xffffffff44704000
	ld a0, 248(a1)
	EXPECT a0, 0xffffffff44800000
TEST_END

TEST_DATA
xbuf:		.skip 256
saved_sp:	.dword 0
fregbuf:	.skip 256
