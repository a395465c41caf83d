/* probe_run and the handlers it relies on (see probe.h). */
#include "env_v/priv.h"

	.option norvc

#define P_CAUSE 0
#define P_EPC 8
#define P_TVAL 16
#define P_STATUS 24
#define P_A0 32
#define P_A1 40
#define P_VEC 48

	.text
/* a0 = pc, a1 = privilege, a2, a3 = the snippet's a0, a1 */
	.globl probe_run
probe_run:
	la t0, probe_ctx
	sd ra, 0(t0)
	sd sp, 8(t0)
	.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	sd s\r, 16 + 8 * \r(t0)
	.endr
	sd tp, 112(t0)
	ld t1, probe_mtvec
	bnez t1, 1f
	la t1, probe_mtrap
1:	csrw mtvec, t1
	li t1, MSTATUS_MPP
	csrc mstatus, t1
	slli a1, a1, 11
	csrs mstatus, a1
	csrw mepc, a0
	mv a0, a2
	mv a1, a3
	mret

/* M-mode: record, then return from probe_run. MPRV goes first, so that
 * the handler's own accesses are physical whatever the snippet set. */
	.balign 4
	.globl probe_mtrap
probe_mtrap:
	li t2, -1
probe_mtrap_vec:
	li t0, MSTATUS_MPRV
	csrrc t1, mstatus, t0
	la t0, probe
	sd t1, P_STATUS(t0)
	csrr t1, mcause
	sd t1, P_CAUSE(t0)
	csrr t1, mepc
	sd t1, P_EPC(t0)
	csrr t1, mtval
	sd t1, P_TVAL(t0)
	sd a0, P_A0(t0)
	sd a1, P_A1(t0)
	sd t2, P_VEC(t0)
	la t0, probe_ctx
	ld ra, 0(t0)
	ld sp, 8(t0)
	.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	ld s\r, 16 + 8 * \r(t0)
	.endr
	ld tp, 112(t0)
	la t0, probe
	ld a0, P_CAUSE(t0)
	ret

/* S-mode: record in sprobe, then ecall to M-mode. t2 = the vector entry. */
	.balign 4
	.globl probe_strap
probe_strap:
	li t2, -1
probe_strap_vec:
	la t0, sprobe
	csrr t1, scause
	sd t1, P_CAUSE(t0)
	csrr t1, sepc
	sd t1, P_EPC(t0)
	csrr t1, stval
	sd t1, P_TVAL(t0)
	csrr t1, sstatus
	sd t1, P_STATUS(t0)
	sd a0, P_A0(t0)
	sd a1, P_A1(t0)
	sd t2, P_VEC(t0)
	ecall

/* Vector tables: entry i sets t2 = i and goes to the handler. */
	.balign 256
	.globl probe_svec
probe_svec:
	.irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	j .Lsvec\i
	.endr
	.irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
.Lsvec\i: li t2, \i
	j probe_strap_vec
	.endr

	.balign 256
	.globl probe_mvec
probe_mvec:
	.irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	j .Lmvec\i
	.endr
	.irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
.Lmvec\i: li t2, \i
	j probe_mtrap_vec
	.endr

	.data
	.balign 8
	.globl probe, sprobe
probe:	.skip 56
sprobe:	.skip 56
probe_ctx: .skip 128
	.globl probe_mtvec
probe_mtvec: .dword 0
