/* Bare images for rvdbt --bare's reporting (run.sh checks the status and
 * output of each): the build picks one (C_NAME).
 *   fail5    reports a failure of test 5: status 5, "FAIL: test 5"
 *   console  writes "hello" through the HTIF console, then passes
 *   putchar  the same as Spike's putchar does it: each character to tohost,
 *            then wait for the host's answer in fromhost and clear it
 *   syscall  writes "proxy" with the HTIF syscall proxy (write(1, ...)), passes
 *   spin     never reports: --timeout ends it (status 124, "TIMEOUT")
 *   notohost has no tohost symbol: rvdbt refuses to load it (status 1)
 */
	.option norvc
	.section .text.init, "ax"
	.globl _start
_start:
#if defined(C_fail5)
	li a0, (5 << 1) | 1
	la t0, tohost
	sd a0, 0(t0)
1:	j 1b
#elif defined(C_console)
	la s0, msg
1:	lbu a0, 0(s0)
	beqz a0, 3f
	li t1, 0x0101
	slli t1, t1, 48
	or a0, a0, t1
	la t0, tohost
2:	ld t1, 0(t0)		/* wait for the host to take the last one */
	bnez t1, 2b
	sd a0, 0(t0)
	addi s0, s0, 1
	j 1b
3:	la t0, tohost
4:	ld t1, 0(t0)
	bnez t1, 4b
	li a0, 1
	sd a0, 0(t0)
5:	j 5b
#elif defined(C_putchar)
	la s0, msg
	la t0, tohost
	la t2, fromhost
1:	lbu a0, 0(s0)
	beqz a0, 3f
	li t1, 0x0101
	slli t1, t1, 48
	or a0, a0, t1
	sd a0, 0(t0)
2:	ld t1, 0(t2)		/* the host answers each character */
	beqz t1, 2b
	sd zero, 0(t2)
	addi s0, s0, 1
	j 1b
3:	li a0, 1
	sd a0, 0(t0)
4:	j 4b
#elif defined(C_syscall)
	la t0, args
	la t1, proxy
	sd t1, 16(t0)
	la t2, tohost
	sd t0, 0(t2)		/* payload: the argument block's address */
	la t3, fromhost
1:	ld t1, 0(t3)		/* the host answers in fromhost */
	beqz t1, 1b
	ld t1, 0(t0)		/* write's result replaced the syscall number */
	li t4, 5
	bne t1, t4, 2f
	li a0, 1
	sd a0, 0(t2)
2:	li a0, (9 << 1) | 1
	sd a0, 0(t2)
3:	j 3b
#elif defined(C_spin)
1:	j 1b
#elif defined(C_notohost)
1:	j 1b
#else
#error "no image chosen"
#endif

	.data
msg:	.string "hello"
proxy:	.ascii "proxy"
	.balign 64
args:	.dword 64, 1, 0, 5	/* write(1, proxy, 5) */

#if !defined(C_notohost)
	.section .tohost, "aw", @progbits
	.balign 64
	.globl tohost
tohost:	.dword 0
	.size tohost, 8
	.balign 64
	.globl fromhost
fromhost: .dword 0
	.size fromhost, 8
#endif
