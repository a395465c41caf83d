/* A "p"-like environment, after riscv-tests' env/p: the image starts in
 * M-mode at 0x80000000, opens all memory to S and U through PMP entry 0,
 * turns the FPU on and drops to U-mode (mret with MPP = U, satp Bare) to run
 * the test body on physical addresses. The body reports with ecall: a0 = 1
 * for a pass, (N << 1) | 1 for a failure of case N; the M-mode handler
 * writes that to tohost as two 32-bit halves, as env/p does. Any other trap
 * is a failure numbered 1000 + mcause.
 */
#include "env_v/priv.h"

	.option norvc

	.section .text.init, "ax"
	.globl _start
_start:
	la t0, m_trap
	csrw mtvec, t0
	csrwi satp, 0
	li t0, PMP_ALL_ADDR
	csrw pmpaddr0, t0
	li t0, PMP_ALL_CFG
	csrw pmpcfg0, t0
	csrwi medeleg, 0
	csrwi mideleg, 0
	csrwi mie, 0
	li t0, 7			/* cycle, time, instret readable in U */
	csrw mcounteren, t0
	csrw scounteren, t0
	li t0, MSTATUS_FS_INITIAL	/* MPP = U */
	csrw mstatus, t0
	la t0, user_start
	csrw mepc, t0
	mret

	.text
user_start:
	la sp, rvt_stack_top
	fscsr x0
	li gp, 0
	j rvt_body

	.globl rvt_pass
rvt_pass:
	li a0, 1
	ecall

	.globl rvt_fail
rvt_fail:
	andi a0, gp, 255
	bnez a0, 1f
	li a0, 255		/* failure outside any case: never report pass */
1:	slli a0, a0, 1
	ori a0, a0, 1
	ecall

	.balign 4
m_trap:
	csrr t0, mcause
	li t1, CAUSE_ECALL_U
	beq t0, t1, 1f
	addi a0, t0, 1000
	slli a0, a0, 1
	ori a0, a0, 1
1:	la t0, tohost
	sw a0, 0(t0)
	sw zero, 4(t0)
	j 1b

	.section .tohost, "aw", @progbits
	.balign 64
	.globl tohost
tohost:	.dword 0
	.size tohost, 8
	.balign 64
	.globl fromhost
fromhost: .dword 0
	.size fromhost, 8

	.bss
	.balign 16
	.skip 8192
rvt_stack_top:
