/* lui, auipc: the 20-bit immediate lands in bits 31..12 and is sign-extended */
#include "macros.h"

TEST_BEGIN
	/* lui */
	CASE 1
	lui a0, 0
	EXPECT a0, 0
	CASE 2
	lui a0, 0x12345
	EXPECT a0, 0x12345000
	CASE 3
	lui a0, 0x7ffff
	EXPECT a0, 0x7ffff000
	CASE 4
	lui a0, 0x80000			/* bit 31 set: sign-extended */
	EXPECT a0, 0xffffffff80000000
	CASE 5
	lui a0, 0xfffff
	EXPECT a0, 0xfffffffffffff000
	CASE 6
	li a0, -1
	lui a0, 1			/* every bit is written, 11..0 cleared */
	EXPECT a0, 0x1000
	CASE 7
	lui x0, 0x12345			/* x0 stays zero */
	mv a0, x0
	EXPECT a0, 0

	/* auipc: compared with the link jal writes for the same address */
	CASE 8
	jal a1, 1f
1:	auipc a0, 0
	EXPECT_EQ a0, a1
	CASE 9
	jal a1, 1f
1:	auipc a0, 1
	sub a0, a0, a1
	EXPECT a0, 0x1000
	CASE 10
	jal a1, 1f
1:	auipc a0, 0x80000		/* pc - 2^31 */
	sub a0, a0, a1
	EXPECT a0, 0xffffffff80000000
	CASE 11
	jal a1, 1f
1:	auipc a0, 0xfffff		/* pc - 4096 */
	sub a0, a0, a1
	EXPECT a0, -4096
	CASE 12
	jal a1, 1f
1:	auipc a0, 0x7ffff
	sub a0, a0, a1
	EXPECT a0, 0x7ffff000
	CASE 13
	auipc x0, 0x12345		/* x0 stays zero */
	mv a0, x0
	EXPECT a0, 0

	/* the link and auipc give the address the linker gave the label */
	CASE 14
	jal a1, .Lhere
.Lhere:
	ld a0, .Lhere_addr
	EXPECT_EQ a0, a1
	CASE 15
1:	auipc a1, %pcrel_hi(.Ldata)
	addi a1, a1, %pcrel_lo(1b)
	ld a0, .Ldata_addr
	EXPECT_EQ a0, a1
TEST_END

TEST_DATA
.Lhere_addr:	.dword .Lhere
.Ldata_addr:	.dword .Ldata
.Ldata:		.dword 0
