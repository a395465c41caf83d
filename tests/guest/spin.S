# A guest that never ends by itself, for the tests of what --timeout and a
# killing signal leave behind (tests/stats.sh): one block looping on itself,
# with no syscall and no memory access.
    .text
    .globl _start
_start:
    li t0, 0
1:  addi t0, t0, 1
    j 1b
