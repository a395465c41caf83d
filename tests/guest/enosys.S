# Calls syscall 999, which no kernel has: it must return -ENOSYS (-38) and
# the program goes on. Prints "enosys: ok" and exits 38 when it got -38,
# otherwise prints "enosys: wrong" and exits 1.
    .text
    .globl _start
_start:
    li a7, 999
    li a0, 0
    ecall
    li t0, -38
    bne a0, t0, 1f
    lla a1, ok
    li a2, 11
    li s1, 38
    j 2f
1:  lla a1, wrong
    li a2, 14
    li s1, 1
2:  li a0, 1
    li a7, 64
    ecall
    mv a0, s1
    li a7, 94                   # exit_group
    ecall

    .section .rodata
ok:     .ascii "enosys: ok\n"
wrong:  .ascii "enosys: wrong\n"
