/* Linux user-mode environment: the test body runs as a static program.
 * Pass exits 0; failure of case N exits N (cases are 1..127).  A fault
 * (SIGILL from an unimplemented instruction, SIGSEGV, ...) is reported as a
 * failure of the case it happened in, with a line on stderr.
 */
#include "macros.h"

	.option norvc

#define SYS_write        64
#define SYS_exit_group   93
#define SYS_rt_sigaction 134
#define SA_SIGINFO       4
/* offsetof(ucontext_t, uc_mcontext.__gregs[3]) on riscv64 Linux */
#define UC_GP            200

	.section .rodata
.Lsignals:
	.byte 4, 5, 7, 8, 11, 0		/* ILL, TRAP, BUS, FPE, SEGV */
.Lmsg:
	.ascii "riscv-tests: unexpected signal\n"
.Lmsg_end:

	.text
	.globl _start
_start:
	li s0, 0
.Lnext_sig:
	la t0, .Lsignals
	add t0, t0, s0
	lbu a0, 0(t0)
	beqz a0, .Lrun
	la a1, .Lsigaction
	li a2, 0
	li a3, 8
	li a7, SYS_rt_sigaction
	ecall
	addi s0, s0, 1
	j .Lnext_sig
.Lrun:
	li gp, 0
	fscsr x0
	j rvt_body

	.globl rvt_pass
rvt_pass:
	li a0, 0
	j .Lexit

	.globl rvt_fail
rvt_fail:
	andi a0, gp, 255
	bnez a0, .Lexit
	li a0, 255		/* failure outside any case: never exit 0 */
.Lexit:
	li a7, SYS_exit_group
	ecall

/* a2 = ucontext; the case number is the interrupted gp. */
.Lon_signal:
	mv s1, a2
	li a0, 2
	la a1, .Lmsg
	la a2, .Lmsg_end
	sub a2, a2, a1
	li a7, SYS_write
	ecall
	ld gp, UC_GP(s1)
	j rvt_fail

	.data
	.balign 8
/* the kernel's struct sigaction: handler, flags, mask (no restorer on riscv) */
.Lsigaction:
	.dword .Lon_signal, SA_SIGINFO, 0
