# Self-modifying code. A translator caches translations of guest code, so
# after the guest rewrites instructions and synchronizes (fence.i, or the
# riscv_flush_icache syscall that gcc's __builtin___clear_cache uses), the
# old translation must not run again: in a fresh RWX mapping, called many
# times with a new immediate each time, and in the program's own text, where
# the patched instruction sits in the same straight-line block as the store.
#include "check.inc"

    .text
    .globl _start
_start:
    NEXT_CHECK                                  # mmap(0, 4096, RWX, PRIVATE|ANONYMOUS, -1, 0)
    li a0, 0
    li a1, 4096
    li a2, 7
    li a3, 0x22
    li a4, -1
    li a5, 0
    li a7, 222
    ecall
    li t0, -4096
    bgeu a0, t0, fail
    mv s2, a0

    NEXT_CHECK                                  # "addi a0, zero, 1; ret"
    li t0, 0x00100513
    sw t0, 0(s2)
    li t0, 0x00008067
    sw t0, 4(s2)
    fence.i
    jalr ra, 0(s2)
    li t0, 1
    bne a0, t0, fail

    NEXT_CHECK                                  # 300 rewrites of the immediate
    li s3, 0
1:  slli t0, s3, 20
    li t1, 0x513
    or t0, t0, t1                               # addi a0, zero, s3
    sw t0, 0(s2)
    fence.i
    jalr ra, 0(s2)
    bne a0, s3, fail
    addi s3, s3, 1
    li t0, 300
    bne s3, t0, 1b

    NEXT_CHECK                                  # the same through riscv_flush_icache
    li t0, 0x7ff00513                           # addi a0, zero, 2047
    sw t0, 0(s2)
    mv a0, s2
    addi a1, s2, 8
    li a2, 0
    li a7, 259
    ecall
    bnez a0, fail
    jalr ra, 0(s2)
    li t0, 2047
    bne a0, t0, fail

    NEXT_CHECK                                  # make our own text page writable
    lla a0, patch_site
    li t0, -4096
    and a0, a0, t0
    li a1, 4096
    li a2, 7
    li a7, 226                                  # mprotect
    ecall
    bnez a0, fail

    NEXT_CHECK                                  # patch an instruction a few ahead
    lla t0, patch_site
    li t1, 0x00500513                           # addi a0, zero, 5
    sw t1, 0(t0)
    fence.i
    .option push
    .option norvc
patch_site:
    addi a0, zero, 1
    .option pop
    li t0, 5
    bne a0, t0, fail

    NEXT_CHECK                                  # and run the patched block again, repatched
    li s3, 0
1:  lla t0, patch_site2
    slli t1, s3, 20
    li t2, 0x513
    or t1, t1, t2
    sw t1, 0(t0)
    fence.i
    .option push
    .option norvc
patch_site2:
    addi a0, zero, 0
    .option pop
    bne a0, s3, fail
    addi s3, s3, 1
    li t0, 50
    bne s3, t0, 1b

    j pass

    CHECK_EPILOGUE smc
