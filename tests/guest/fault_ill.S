# Executes a word with a reserved major opcode (0b1101011): the guest must die
# of SIGILL (status 132) with a message naming the pc (the address of
# bad_insn) and the instruction word 0x1234506b.
    .text
    .globl _start, bad_insn
_start:
    li a0, 1
    .option push
    .option norvc
bad_insn:
    .4byte 0x1234506b
    .option pop
    li a0, 0
    li a7, 93
    ecall
