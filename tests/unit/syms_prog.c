/* test_syms's input, built static and as a shared object: named functions
 * of each binding, a local one with a global alias at the same address (the
 * alias must win), an object, a function with a data word inside (so the
 * assembler puts RISC-V mapping symbols, $d and $x, in its middle), and a
 * label without size or type. */
#include <stdio.h>

int syms_table[16] = { 1, 2, 3 };

__attribute__((noinline)) static int syms_local(int x)
{
    for (int i = 0; i < 16; i++)
        x = x * 31 + syms_table[i];
    return x;
}
int syms_alias(int x) __attribute__((alias("syms_local")));

__attribute__((noinline)) int syms_global(int x)
{
    return syms_local(x) ^ syms_table[x & 15];
}

__attribute__((noinline, weak)) int syms_weak(int x)
{
    return syms_global(x) + syms_table[(x >> 4) & 15];
}

__asm__(".text\n"
        ".globl syms_asm\n"
        ".type syms_asm, @function\n"
        "syms_asm:\n"
        "    li a0, 1\n"
        "    j 1f\n"
        "    .4byte 0x12345678\n"
        "1:  ret\n"
        ".size syms_asm, . - syms_asm\n"
        ".globl syms_nosize\n"
        "syms_nosize:\n"
        "    .option push\n"
        "    .option norvc\n"
        "    nop\n"
        "    nop\n"
        "    nop\n"
        "    ret\n"
        "    .option pop\n");

int main(int argc, char **argv)
{
    (void)argv;
    printf("%d\n", syms_weak(argc) + syms_alias(argc));
    return 0;
}
