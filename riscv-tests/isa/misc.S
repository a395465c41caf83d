/* fence, fence.tso, pause, nop and the HINT encodings (integer ops writing x0): they change nothing */
#include "macros.h"

/* Registers a1, a2 hold known values; after the instructions, they and x0 are unchanged. */
.macro TEST_NOEFFECT num, insns:vararg
	CASE \num
	li a1, 0x1234
	li a2, -7
	\insns
	EXPECT a1, 0x1234
	EXPECT a2, -7
	mv a0, x0
	EXPECT a0, 0
.endm

TEST_BEGIN
	TEST_NOEFFECT 1, fence
	TEST_NOEFFECT 2, fence rw, rw
	TEST_NOEFFECT 3, fence iorw, iorw
	TEST_NOEFFECT 4, fence r, w
	TEST_NOEFFECT 5, fence.tso
	TEST_NOEFFECT 6, .word 0x0100000f	/* pause (fence w, 0) */
	TEST_NOEFFECT 7, nop
	TEST_NOEFFECT 8, addi x0, a1, 5		/* HINTs: rd = x0 */
	TEST_NOEFFECT 9, lui x0, 0x12
	TEST_NOEFFECT 10, auipc x0, 0x12
	TEST_NOEFFECT 11, add x0, a1, a2
	TEST_NOEFFECT 12, slli x0, a1, 3
	TEST_NOEFFECT 13, sltu x0, a2, a1
	TEST_NOEFFECT 14, addiw x0, a1, 1
	TEST_NOEFFECT 15, sraw x0, a1, a2

	CASE 16				/* a store then fence then load sees the store */
	la a1, mbuf
	li a2, 0x55aa
	sd a2, 0(a1)
	fence w, r
	ld a0, 0(a1)
	EXPECT a0, 0x55aa
TEST_END

TEST_DATA
mbuf:	.dword 0
