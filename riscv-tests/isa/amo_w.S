/* amo*.w: old value to rd sign-extended, memory updated in its 32 bits only, x0, rd == rs2, aq/rl */
#include "macros.h"

/* The word under test is followed by a sentinel word that must survive. */
.macro TEST_AMO num, insn, m, v, old, new
	CASE \num
	la a1, amo_buf
	li t0, \m
	sw t0, 0(a1)
	li t0, 0x5a5a5a5a
	sw t0, 4(a1)
	li a2, \v
	\insn a0, a2, (a1)
	EXPECT a0, \old
	lwu t0, 0(a1)
	EXPECT t0, \new
	lwu t0, 4(a1)
	EXPECT t0, 0x5a5a5a5a
.endm

TEST_BEGIN

	/* amoswap.w */
	TEST_AMO 1, amoswap.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000012345678
	TEST_AMO 2, amoswap.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x0000000000000001
	TEST_AMO 3, amoswap.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001	/* the carry stays in the word */
	TEST_AMO 4, amoswap.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000000	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 5, amoswap.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000ffffffff

	/* amoadd.w */
	TEST_AMO 6, amoadd.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000092345678
	TEST_AMO 7, amoadd.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x0000000080000000
	TEST_AMO 8, amoadd.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000000	/* the carry stays in the word */
	TEST_AMO 9, amoadd.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 10, amoadd.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000fffffffd

	/* amoxor.w */
	TEST_AMO 11, amoxor.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000092345678
	TEST_AMO 12, amoxor.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x000000007ffffffe
	TEST_AMO 13, amoxor.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x00000000fffffffe	/* the carry stays in the word */
	TEST_AMO 14, amoxor.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 15, amoxor.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x0000000000000001

	/* amoand.w */
	TEST_AMO 16, amoand.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000000000000
	TEST_AMO 17, amoand.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x0000000000000001
	TEST_AMO 18, amoand.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001	/* the carry stays in the word */
	TEST_AMO 19, amoand.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000000	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 20, amoand.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000fffffffe

	/* amoor.w */
	TEST_AMO 21, amoor.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000092345678
	TEST_AMO 22, amoor.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x000000007fffffff
	TEST_AMO 23, amoor.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x00000000ffffffff	/* the carry stays in the word */
	TEST_AMO 24, amoor.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 25, amoor.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000ffffffff

	/* amomin.w */
	TEST_AMO 26, amomin.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000080000000
	TEST_AMO 27, amomin.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x0000000000000001
	TEST_AMO 28, amomin.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x00000000ffffffff	/* the carry stays in the word */
	TEST_AMO 29, amomin.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000000	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 30, amomin.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000fffffffe

	/* amomax.w */
	TEST_AMO 31, amomax.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000012345678
	TEST_AMO 32, amomax.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x000000007fffffff
	TEST_AMO 33, amomax.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001	/* the carry stays in the word */
	TEST_AMO 34, amomax.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 35, amomax.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000ffffffff

	/* amominu.w */
	TEST_AMO 36, amominu.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000012345678
	TEST_AMO 37, amominu.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x0000000000000001
	TEST_AMO 38, amominu.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001	/* the carry stays in the word */
	TEST_AMO 39, amominu.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000000	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 40, amominu.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000fffffffe

	/* amomaxu.w */
	TEST_AMO 41, amomaxu.w, 0x0000000080000000, 0x0000000112345678, 0xffffffff80000000, 0x0000000080000000
	TEST_AMO 42, amomaxu.w, 0x000000007fffffff, 0x0000000000000001, 0x000000007fffffff, 0x000000007fffffff
	TEST_AMO 43, amomaxu.w, 0x00000000ffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x00000000ffffffff	/* the carry stays in the word */
	TEST_AMO 44, amomaxu.w, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005	/* bits 63..32 of rs2 are ignored */
	TEST_AMO 45, amomaxu.w, 0x00000000fffffffe, 0x00000000ffffffff, 0xfffffffffffffffe, 0x00000000ffffffff

	/* ordering bits change nothing here */
	TEST_AMO 46, amoadd.w.aq, 0x0000000000000028, 0x0000000000000002, 0x0000000000000028, 0x000000000000002a
	TEST_AMO 47, amoswap.w.rl, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002
	TEST_AMO 48, amomaxu.w.aqrl, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002

	/* rd == x0: memory still updated; rd == rs2: the old value wins */
	CASE 49
	la a1, amo_buf
	li t0, 10
	sd t0, 0(a1)
	li a2, 5
	amoadd.w x0, a2, (a1)
	ld t0, 0(a1)
	EXPECT t0, 15
	CASE 50
	la a1, amo_buf
	li t0, 10
	sd t0, 0(a1)
	li a2, 5
	amoswap.w a2, a2, (a1)
	EXPECT a2, 10
	ld t0, 0(a1)
	EXPECT t0, 5
	CASE 51
	la a1, amo_buf
	li t0, 10
	sd t0, 0(a1)
	li a2, 5
	amoadd.w a2, a2, (a1)
	EXPECT a2, 10
	ld t0, 0(a1)
	EXPECT t0, 15
TEST_END

TEST_DATA
amo_buf:	.dword 0, 0
