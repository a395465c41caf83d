# A hot loop whose memory accesses are known exactly, for tests/ic_stats.sh:
# LOOPS iterations of exactly 2 loads, 1 store and 1 indirect call (jalr
# through a register) whose callee returns with `ret`, plus 1 load after the
# loop; nothing else in the program touches memory (the message is written
# by the kernel, from the syscall). So a run performs 2*LOOPS+1 loads, LOOPS
# stores, LOOPS indirect calls and LOOPS returns; under --ic-miss every one
# of the loads and stores is an inline-cache miss. Prints one line and exits
# 0, or exits 1 if the loop computed something else.
    .set LOOPS, 100000

    .text
    .globl _start
_start:
    lla s0, cells
    li s1, LOOPS
    lla s2, three
    li s3, 0
    # The jump ends the block: in the block that set s2 the translator knows
    # the call's target and makes it a direct jump, which is no jalr.
    j 1f
1:  ld t0, 0(s0)                # load 1
    ld t1, 8(s0)                # load 2
    add t0, t0, t1
    addi t0, t0, 1
    sd t0, 16(s0)               # store
    jalr ra, 0(s2)              # indirect call
    add s3, s3, a0
    addi s1, s1, -1
    bnez s1, 1b

    ld t0, 16(s0)               # the one load after the loop: 5 + 7 + 1
    li t1, 13
    bne t0, t1, fail
    li t1, 3 * LOOPS
    bne s3, t1, fail

    li a0, 1
    lla a1, msg
    lla a2, msg_end
    sub a2, a2, a1
    li a7, 64                   # write
    ecall
    li a0, 0
    li a7, 93                   # exit
    ecall
fail:
    li a0, 1
    li a7, 93
    ecall

three:
    li a0, 3
    ret

    .data
    .balign 8
cells:  .dword 5, 7, 0

    .section .rodata
msg:    .ascii "ic_count: 100000 iterations\n"
msg_end:
