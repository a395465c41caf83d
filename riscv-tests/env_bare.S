/* Bare-metal environment: the image starts in M-mode at _start (linked at
 * 0x80000000 by bare.ld) and reports through tohost as riscv-tests' "p"
 * environment does: 1 for pass, (N << 1) | 1 for failure of case N, then
 * spins.  A trap is a failure of the case it happened in; mcause, mepc and
 * mtval are left in the three dwords at rvt_trap_cause for a debugger.
 */
#include "macros.h"

	.option norvc

#define MSTATUS_FS_INITIAL 0x2000

	.section .text.init, "ax"
	.globl _start
_start:
	la t0, .Ltrap
	csrw mtvec, t0
	li t0, MSTATUS_FS_INITIAL
	csrs mstatus, t0
	la sp, rvt_stack_top
	li gp, 0
	fscsr x0
	j rvt_body

	.globl rvt_pass
rvt_pass:
	li t0, 1
	j .Lreport

	.globl rvt_fail
rvt_fail:
	andi t0, gp, 255
	bnez t0, 1f
	li t0, 255		/* failure outside any case: never report pass */
1:	slli t0, t0, 1
	ori t0, t0, 1
.Lreport:
	la t1, tohost
	sd t0, 0(t1)
2:	j 2b

	.balign 4
.Ltrap:
	la t0, rvt_trap_cause
	csrr t1, mcause
	sd t1, 0(t0)
	csrr t1, mepc
	sd t1, 8(t0)
	csrr t1, mtval
	sd t1, 16(t0)
	j rvt_fail

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
	.globl rvt_trap_cause
rvt_trap_cause:	.skip 24
rvt_stack:	.skip 8192
rvt_stack_top:
