# A loop whose trips are known exactly, for tests/profile.sh: the block at
# `loop` runs LOOPS times and its load LOOPS times. The loop walks an array
# with a moving base, so the translator runs it with its checks hoisted
# (translator/tr_loop.c), in runs of at most 65,536 trips: the profile must
# count every trip, unchecked, checked and the first. Exits 0 when the sum
# is right.
    .set LOOPS, 200003

    .bss
    .balign 8
array:
    .space 8 * LOOPS

    .text
    .globl _start
_start:
    lla a0, array
    li a1, LOOPS
    slli a2, a1, 3
    add a2, a2, a0
    li t0, 1
    sd t0, 0(a0)                # the array holds one 1
    li a3, 0
    j loop
loop:
    ld t0, 0(a0)
    add a3, a3, t0
    addi a0, a0, 8
    bne a0, a2, loop

    li t1, 1
    bne a3, t1, fail
    li a0, 0
    li a7, 93                   # exit
    ecall
fail:
    li a0, 1
    li a7, 93
    ecall
