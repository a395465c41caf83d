/* A "v"-like environment, after riscv-tests' env/v: the test body runs in
 * U-mode under Sv39 with demand paging, and a small S-mode kernel (vm.c),
 * mapped at the top of the address space, takes its traps.
 *
 * Boot (M-mode, physical): vm_boot builds the page tables and delegates
 * U-mode ecalls and page faults to S-mode; then sret goes straight from M to
 * U, as env/v's pop_tf does. The body sees the image's first MiB at virtual
 * addresses 0.. (virtual = physical - 0x80000000), one page at a time:
 * each first touch faults and the kernel copies the page into a fresh frame.
 * The body reports with ecall (a0 = 1 pass, (N << 1) | 1 failure of case N);
 * the kernel checks the A and D bits of every page the body used, then
 * writes the report to tohost. A trap that reaches M-mode fails with
 * 1000 + mcause.
 */
#include "env_v/priv.h"

	.option norvc

	.section .text.init, "ax"
	.globl _start
_start:
	la t0, m_trap
	csrw mtvec, t0
	la sp, kstack_top
	call vm_boot			/* a0 = the body's entry, virtual */
	csrw sepc, a0
	sret				/* sstatus.SPP = U */

	.text
	.globl user_start
user_start:
	la sp, user_stack_top
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

/* S-mode trap entry (at its kernel address): sscratch holds the kernel
 * stack top; the frame is 32 registers, x[i] at 8 * i. */
	.balign 4
	.globl s_trap
s_trap:
	csrrw sp, sscratch, sp
	addi sp, sp, -256
	.irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd x\r, 8 * \r(sp)
	.endr
	csrr t0, sscratch
	sd t0, 16(sp)			/* the interrupted sp */
	addi t0, sp, 256
	csrw sscratch, t0
	mv a0, sp
	call handle_trap
	.irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld x\r, 8 * \r(sp)
	.endr
	ld sp, 16(sp)
	sret

	.balign 4
m_trap:
	csrr a0, mcause
	addi a0, a0, 1000
	slli a0, a0, 1
	ori a0, a0, 1
	la t0, tohost
	sd a0, 0(t0)
1:	j 1b

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
	.globl kstack_top
kstack_top:
	.skip 8192
user_stack_top:
