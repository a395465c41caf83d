/* Privileged-architecture constants for the bare environments and trap
 * tests in env_v/ (assembly and C). */
#ifndef RVT_PRIV_H
#define RVT_PRIV_H

#define DRAM_BASE 0x80000000

#define MSTATUS_SIE  0x2
#define MSTATUS_MIE  0x8
#define MSTATUS_SPIE 0x20
#define MSTATUS_MPIE 0x80
#define MSTATUS_SPP  0x100
#define MSTATUS_MPP  0x1800
#define MSTATUS_MPP_S 0x800
#define MSTATUS_FS   0x6000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_MPRV 0x20000
#define MSTATUS_SUM  0x40000
#define MSTATUS_MXR  0x80000
#define MSTATUS_TVM  0x100000
#define MSTATUS_TW   0x200000
#define MSTATUS_TSR  0x400000

#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_LOAD_MISALIGNED 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_S 9
#define CAUSE_ECALL_M 11
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15

#define PTE_V 0x1
#define PTE_R 0x2
#define PTE_W 0x4
#define PTE_X 0x8
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80

#define SATP_SV39 (8ull << 60)

/* PMP entry 0 covering all of memory (NAPOT, RWX): without a matching entry,
 * PMP-implementing machines (QEMU) refuse S- and U-mode accesses. */
#define PMP_ALL_ADDR (-1)
#define PMP_ALL_CFG 0x1f

/* tohost value reporting failure code n: riscv-tests' (n << 1) | 1. */
#define TOHOST_FAIL(n) (((n) << 1) | 1)

#endif
