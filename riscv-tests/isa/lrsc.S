/* lr.w, sc.w, lr.d, sc.d: sc fails without a reservation and after another sc,
 * succeeds after lr (writing 0 to rd), lr.w sign-extends, sc.w writes 32 bits.
 * A constrained LR/SC sequence may fail spuriously, so the cases that expect
 * success retry a few times, as real code does. */
#include "macros.h"

/* lr/sc on lr_buf with lr into a0, sc of a2, result in a3; fail after 16 tries */
.macro LRSC lr, sc, val
	la a1, lr_buf
	li t1, 16
.Ltry\@:
	\lr a0, (a1)
	li a2, \val
	\sc a3, a2, (a1)
	beqz a3, .Lok\@
	addi t1, t1, -1
	bnez t1, .Ltry\@
	j rvt_fail
.Lok\@:
.endm

/* lr_buf = lo, lr_buf + 4 = hi */
.macro SETBUF lo, hi
	la a1, lr_buf
	li t0, \lo
	sw t0, 0(a1)
	li t0, \hi
	sw t0, 4(a1)
.endm

TEST_BEGIN
	CASE 1				/* sc.w with no reservation fails */
	SETBUF 0x11111111, 0x22222222
	li a2, 0x33333333
	sc.w a0, a2, (a1)
	EXPECT_NZ a0
	ld a0, 0(a1)
	EXPECT a0, 0x2222222211111111

	CASE 2				/* lr.w / sc.w succeed */
	SETBUF 0x80000001, 0x5a5a5a5a
	LRSC lr.w, sc.w, 0x123456789
	EXPECT a0, 0xffffffff80000001	/* lr.w sign-extends */
	EXPECT a3, 0
	ld a0, 0(a1)
	EXPECT a0, 0x5a5a5a5a23456789	/* sc.w wrote only the low word */

	CASE 3				/* sc.w right after a successful sc.w fails */
	li a2, 0x77777777
	sc.w a0, a2, (a1)
	EXPECT_NZ a0
	ld a0, 0(a1)
	EXPECT a0, 0x5a5a5a5a23456789

	CASE 4				/* lr.d / sc.d succeed */
	SETBUF 0x89abcdef, 0x01234567
	LRSC lr.d, sc.d, 0xfedcba9876543210
	EXPECT a0, 0x0123456789abcdef
	EXPECT a3, 0
	ld a0, 0(a1)
	EXPECT a0, 0xfedcba9876543210

	CASE 5				/* sc.d right after a successful sc.d fails */
	li a2, 1
	sc.d a0, a2, (a1)
	EXPECT_NZ a0
	ld a0, 0(a1)
	EXPECT a0, 0xfedcba9876543210

	CASE 6				/* sc.w rd == rs2: the old rs2 is stored */
	SETBUF 5, 6
	li t1, 16
1:	lr.w a0, (a1)
	li a2, 0x42
	sc.w a2, a2, (a1)
	beqz a2, 2f
	addi t1, t1, -1
	bnez t1, 1b
	j rvt_fail
2:	ld a0, 0(a1)
	EXPECT a0, 0x0000000600000042

	CASE 7				/* lr.d rd == rs1 */
	SETBUF 0x76543210, 0xfedcba98
	lr.d a1, (a1)
	EXPECT a1, 0xfedcba9876543210

	CASE 8				/* the ordering bits */
	SETBUF 1, 2
	LRSC lr.w.aq, sc.w.rl, 3
	EXPECT a0, 1
	LRSC lr.d.aqrl, sc.d.aqrl, 4
	EXPECT a0, 0x0000000200000003
	ld a0, 0(a1)
	EXPECT a0, 4

	CASE 9				/* an LR/SC increment loop */
	SETBUF 0, 0
	li s1, 100
1:	lr.d a0, (a1)
	addi a0, a0, 1
	sc.d a3, a0, (a1)
	bnez a3, 1b
	addi s1, s1, -1
	bnez s1, 1b
	ld a0, 0(a1)
	EXPECT a0, 100
TEST_END

TEST_DATA
lr_buf:	.dword 0
