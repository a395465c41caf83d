/* jal, jalr: link values, offsets, bit 0 of the jalr target, rd == rs1, x0 */
#include "macros.h"

TEST_BEGIN
	CASE 1				/* jal forward */
	jal a0, .Lt1
.Lr1:	j rvt_fail
.Lt1:	la a1, .Lr1
	EXPECT_EQ a0, a1

	CASE 2				/* jal backward */
	j .Lc2
.Lt2:	j .Ld2
.Lc2:	jal a0, .Lt2
.Lr2:	j rvt_fail
.Ld2:	la a1, .Lr2
	EXPECT_EQ a0, a1

	CASE 3				/* jal x0 links nothing */
	jal x0, .Lt3
	j rvt_fail
.Lt3:	mv a0, x0
	EXPECT a0, 0

	CASE 4				/* jalr with a positive offset */
	la a1, .Lt4 - 8
	jalr a0, 8(a1)
.Lr4:	j rvt_fail
.Lt4:	la a2, .Lr4
	EXPECT_EQ a0, a2

	CASE 5				/* jalr with a negative offset */
	la a1, .Lt5 + 2044
	jalr a0, -2044(a1)
.Lr5:	j rvt_fail
.Lt5:	la a2, .Lr5
	EXPECT_EQ a0, a2

	CASE 6				/* bit 0 of rs1 + offset is cleared */
	la a1, .Lt6 + 1
	jalr a0, 0(a1)
.Lr6:	j rvt_fail
.Lt6:	la a2, .Lr6
	EXPECT_EQ a0, a2

	CASE 7				/* ... also when the offset makes it odd */
	la a1, .Lt7
	jalr a0, 1(a1)
.Lr7:	j rvt_fail
.Lt7:	la a2, .Lr7
	EXPECT_EQ a0, a2

	CASE 8				/* rd == rs1: the target is read first */
	la a0, .Lt8
	jalr a0, 0(a0)
.Lr8:	j rvt_fail
.Lt8:	la a2, .Lr8
	EXPECT_EQ a0, a2

	CASE 9				/* jalr x0 links nothing */
	la a1, .Lt9
	jalr x0, 0(a1)
	j rvt_fail
.Lt9:	mv a0, x0
	EXPECT a0, 0

	CASE 10				/* call and ret, nested */
	li a0, 0
	call .Lf_outer
	EXPECT a0, 3
	j .Ldone

.Lf_outer:
	mv s1, ra
	addi a0, a0, 1
	call .Lf_inner
	addi a0, a0, 1
	mv ra, s1
	ret
.Lf_inner:
	addi a0, a0, 1
	ret
.Ldone:
TEST_END
