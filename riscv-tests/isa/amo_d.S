/* amo*.d: old value to rd, memory updated, x0, rd == rs2, aq/rl */
#include "macros.h"

.macro TEST_AMO num, insn, m, v, old, new
	CASE \num
	la a1, amo_buf
	li t0, \m
	sd t0, 0(a1)
	li a2, \v
	\insn a0, a2, (a1)
	EXPECT a0, \old
	ld t0, 0(a1)
	EXPECT t0, \new
.endm

TEST_BEGIN

	/* amoswap.d */
	TEST_AMO 1, amoswap.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x0000000112345678
	TEST_AMO 2, amoswap.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x0000000000000001
	TEST_AMO 3, amoswap.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
	TEST_AMO 4, amoswap.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000100000000
	TEST_AMO 5, amoswap.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffffffffffff

	/* amoadd.d */
	TEST_AMO 6, amoadd.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x8000000112345678
	TEST_AMO 7, amoadd.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x8000000000000000
	TEST_AMO 8, amoadd.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000000
	TEST_AMO 9, amoadd.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000100000005
	TEST_AMO 10, amoadd.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xfffffffffffffffd

	/* amoxor.d */
	TEST_AMO 11, amoxor.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x8000000112345678
	TEST_AMO 12, amoxor.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x7ffffffffffffffe
	TEST_AMO 13, amoxor.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xfffffffffffffffe
	TEST_AMO 14, amoxor.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000100000005
	TEST_AMO 15, amoxor.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0x0000000000000001

	/* amoand.d */
	TEST_AMO 16, amoand.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x0000000000000000
	TEST_AMO 17, amoand.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x0000000000000001
	TEST_AMO 18, amoand.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
	TEST_AMO 19, amoand.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000000
	TEST_AMO 20, amoand.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xfffffffffffffffe

	/* amoor.d */
	TEST_AMO 21, amoor.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x8000000112345678
	TEST_AMO 22, amoor.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_AMO 23, amoor.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_AMO 24, amoor.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000100000005
	TEST_AMO 25, amoor.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffffffffffff

	/* amomin.d */
	TEST_AMO 26, amomin.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x8000000000000000
	TEST_AMO 27, amomin.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x0000000000000001
	TEST_AMO 28, amomin.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_AMO 29, amomin.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005
	TEST_AMO 30, amomin.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xfffffffffffffffe

	/* amomax.d */
	TEST_AMO 31, amomax.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x0000000112345678
	TEST_AMO 32, amomax.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_AMO 33, amomax.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
	TEST_AMO 34, amomax.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000100000000
	TEST_AMO 35, amomax.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffffffffffff

	/* amominu.d */
	TEST_AMO 36, amominu.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x0000000112345678
	TEST_AMO 37, amominu.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x0000000000000001
	TEST_AMO 38, amominu.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
	TEST_AMO 39, amominu.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000000000005
	TEST_AMO 40, amominu.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xfffffffffffffffe

	/* amomaxu.d */
	TEST_AMO 41, amomaxu.d, 0x8000000000000000, 0x0000000112345678, 0x8000000000000000, 0x8000000000000000
	TEST_AMO 42, amomaxu.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff
	TEST_AMO 43, amomaxu.d, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff
	TEST_AMO 44, amomaxu.d, 0x0000000000000005, 0x0000000100000000, 0x0000000000000005, 0x0000000100000000
	TEST_AMO 45, amomaxu.d, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffffffffffff

	/* ordering bits change nothing here */
	TEST_AMO 46, amoadd.d.aq, 0x0000000000000028, 0x0000000000000002, 0x0000000000000028, 0x000000000000002a
	TEST_AMO 47, amoswap.d.rl, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002
	TEST_AMO 48, amomaxu.d.aqrl, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002

	/* rd == x0: memory still updated; rd == rs2: the old value wins */
	CASE 49
	la a1, amo_buf
	li t0, 10
	sd t0, 0(a1)
	li a2, 5
	amoadd.d x0, a2, (a1)
	ld t0, 0(a1)
	EXPECT t0, 15
	CASE 50
	la a1, amo_buf
	li t0, 10
	sd t0, 0(a1)
	li a2, 5
	amoswap.d a2, a2, (a1)
	EXPECT a2, 10
	ld t0, 0(a1)
	EXPECT t0, 5
	CASE 51
	la a1, amo_buf
	li t0, 10
	sd t0, 0(a1)
	li a2, 5
	amoadd.d a2, a2, (a1)
	EXPECT a2, 10
	ld t0, 0(a1)
	EXPECT t0, 15
TEST_END

TEST_DATA
amo_buf:	.dword 0, 0
