/* A seed for elf_fuzz: linked by elf_seed.ld so that its text and data
 * segments share a page (the loader gives the page both permissions).
 * Prints "two" and exits 0. */
    .text
    .globl _start
_start:
    la a1, msg
    li a0, 1
    li a2, 4
    li a7, 64
    ecall
    li a0, 0
    li a7, 93
    ecall
    .data
msg: .ascii "two\n"
