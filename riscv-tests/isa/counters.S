/* rdcycle, rdinstret, rdtime (Zicsr reads of cycle, instret, time): readable,
 * and they count up across a loop of 100 iterations (200 instructions).
 * time is checked only in the user-mode build: bare M-mode platforms often
 * trap on it (QEMU's spike machine does) and leave it to firmware. */
#include "macros.h"

/* run 100 iterations of a two-instruction loop */
.macro LOOP100
	li t1, 100
.Lloop\@:
	addi t1, t1, -1
	bnez t1, .Lloop\@
.endm

TEST_BEGIN
	CASE 1
	rdinstret a1
	LOOP100
	rdinstret a2
	sub a0, a2, a1
	sltiu a0, a0, 200
	EXPECT a0, 0			/* at least 200 retired in between */
	CASE 2
	rdcycle a1
	LOOP100
	rdcycle a2
	sltu a0, a1, a2
	EXPECT a0, 1
	CASE 3				/* the CSR forms that only read */
	csrrs a1, cycle, x0
	csrrsi a2, instret, 0
	csrrc a3, cycle, x0
	sltu a0, a3, a1
	EXPECT a0, 0
#ifdef RVT_USER
	CASE 4
	rdtime a1
	LOOP100
	rdtime a2
	sltu a0, a2, a1
	EXPECT a0, 0			/* never goes back */
	CASE 5
	csrrci a1, time, 0
	sltu a0, a1, a2
	EXPECT a0, 0
#endif
TEST_END
