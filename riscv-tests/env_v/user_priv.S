/* Linux user mode: a privileged instruction is illegal there, so this
 * program must die of SIGILL before it can exit. The build picks the
 * instruction (I_NAME). */
	.text
	.globl _start
_start:
#if defined(I_mret)
	mret
#elif defined(I_sret)
	sret
#elif defined(I_wfi)
	wfi
#elif defined(I_sfence_vma)
	sfence.vma a0, a1
#elif defined(I_csrr_mstatus)
	csrr a0, mstatus
#elif defined(I_csrr_satp)
	csrr a0, satp
#else
#error "no instruction chosen"
#endif
	li a0, 0
	li a7, 93		/* exit(0): not reached */
	ecall
