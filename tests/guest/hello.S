# The smallest guest: write a line, exit 0. Built static and as a
# position-independent ET_DYN, so it is the first thing to get running.
    .text
    .globl _start
_start:
    li a0, 1
    lla a1, msg
    li a2, 21
    li a7, 64                   # write
    ecall
    li a0, 0
    li a7, 93                   # exit
    ecall

    .section .rodata
msg:    .ascii "hello from rv64 asm!\n"
