/* ecall and ebreak as a Linux program sees them: a system call returns in a0
 * and leaves every other register, integer and floating point, as it was;
 * ebreak and c.ebreak raise SIGTRAP at their own address, and the handler
 * here steps over them.  (A bare M-mode image has neither system calls nor
 * signals, so this is a user program only.) */
#include "macros.h"

#define SYS_close        57
#define SYS_getpid       172
#define SYS_rt_sigaction 134
#define SA_SIGINFO       4
#define SIGTRAP          5
#define UC_PC            176	/* offsetof(ucontext_t, uc_mcontext.__gregs[0]) */

/* give every register other than a0, a7, sp, gp a value of its own */
.macro FILL
	li ra, 0x101
	li tp, 0x104
	li t0, 0x105
	li t1, 0x106
	li t2, 0x107
	li s0, 0x108
	li s1, 0x109
	li a1, 0x10b
	li a2, 0x10c
	li a3, 0x10d
	li a4, 0x10e
	li a5, 0x10f
	li a6, 0x110
	li s2, 0x112
	li s3, 0x113
	li s4, 0x114
	li s5, 0x115
	li s6, 0x116
	li s7, 0x117
	li s8, 0x118
	li s9, 0x119
	li s10, 0x11a
	li s11, 0x11b
	li t3, 0x11c
	li t4, 0x11d
	li t5, 0x11e
	li t6, 0x11f
	fmv.d.x fs0, t0
	fmv.d.x fa1, t1
	fmv.d.x ft11, t2
.endm

/* and check them; t6 is checked first since EXPECT uses it */
.macro CHECK_FILL
	li t5, 0x11f
	EXPECT_EQ t6, t5
	EXPECT ra, 0x101
	EXPECT tp, 0x104
	EXPECT t0, 0x105
	EXPECT t1, 0x106
	EXPECT t2, 0x107
	EXPECT s0, 0x108
	EXPECT s1, 0x109
	EXPECT a1, 0x10b
	EXPECT a2, 0x10c
	EXPECT a3, 0x10d
	EXPECT a4, 0x10e
	EXPECT a5, 0x10f
	EXPECT a6, 0x110
	EXPECT s2, 0x112
	EXPECT s3, 0x113
	EXPECT s4, 0x114
	EXPECT s5, 0x115
	EXPECT s6, 0x116
	EXPECT s7, 0x117
	EXPECT s8, 0x118
	EXPECT s9, 0x119
	EXPECT s10, 0x11a
	EXPECT s11, 0x11b
	EXPECT t3, 0x11c
	EXPECT t4, 0x11d
	fmv.x.d t5, fs0
	EXPECT t5, 0x105
	fmv.x.d t5, fa1
	EXPECT t5, 0x106
	fmv.x.d t5, ft11
	EXPECT t5, 0x107
.endm

TEST_BEGIN
	CASE 1				/* getpid: a pid in a0, nothing else changed */
	FILL
	li a7, SYS_getpid
	ecall
	CHECK_FILL
	EXPECT a7, SYS_getpid
	sgtz a0, a0
	EXPECT a0, 1
	CASE 2				/* an error comes back as -errno */
	FILL
	li a0, -1
	li a7, SYS_close
	ecall
	CHECK_FILL
	EXPECT a0, -9			/* EBADF */

	CASE 3				/* take SIGTRAP here */
	li a0, SIGTRAP
	la a1, trap_action
	li a2, 0
	li a3, 8
	li a7, SYS_rt_sigaction
	ecall
	EXPECT a0, 0
	CASE 4				/* ebreak traps once and resumes after itself */
	FILL
	ebreak
	CHECK_FILL
	la a1, traps
	ld a0, 0(a1)
	EXPECT a0, 1
	CASE 5				/* c.ebreak likewise */
	FILL
	.option push
	.option rvc
	c.ebreak
	.option pop
	CHECK_FILL
	la a1, traps
	ld a0, 0(a1)
	EXPECT a0, 2
TEST_END

/* SIGTRAP handler: a2 = ucontext.  Steps over the 2- or 4-byte breakpoint. */
on_trap:
	ld t0, UC_PC(a2)
	lhu t1, 0(t0)
	andi t1, t1, 3
	li t2, 3
	li t3, 2
	bne t1, t2, 1f
	li t3, 4
1:	add t0, t0, t3
	sd t0, UC_PC(a2)
	la t0, traps
	ld t1, 0(t0)
	addi t1, t1, 1
	sd t1, 0(t0)
	ret

TEST_DATA
trap_action:	.dword on_trap, SA_SIGINFO, 0
traps:		.dword 0
