# Stores into its own read-only text at text_word: SIGSEGV (status 139), the
# message names the address of text_word.
    .text
    .globl _start, text_word
_start:
    lla a0, text_word
    sw zero, 0(a0)
    li a0, 0
    li a7, 93
    ecall
text_word:
    .4byte 0
