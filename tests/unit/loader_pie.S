# Guest input for test_loader: the smallest position-independent executable
# (ET_DYN, no interpreter, no libc) with text, data and a two-page bss. It
# exits with the low byte of `value` (0x88) when run.
	.text
	.globl	_start
_start:
	lla	a0, value
	ld	a0, 0(a0)
	li	a7, 93		# exit
	ecall

	.data
value:	.quad	0x1122334455667788

	.bss
buffer:	.zero	8192
