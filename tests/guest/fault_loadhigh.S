# Loads from 0x7fffffffffff, the last byte below the 47-bit user limit, which
# nothing maps: SIGSEGV (status 139), the message names that address.
    .text
    .globl _start
_start:
    li a0, 0x7fffffffffff
    lb a1, 0(a0)
    li a0, 0
    li a7, 93
    ecall
