/* Guest input for test_loader: a static riscv64 program with initialised
 * data, read-only data and a bss larger than a page, so that loading it has
 * file bytes to copy and zero fill to get right. It also runs: under
 * qemu-riscv64 it prints "loader test 42 2". */
#include <stdio.h>

static const char greeting[] = "loader test";
int counter = 42;
static char scratch[1 << 16];

int main(int argc, char **argv)
{
    (void)argv;
    scratch[argc] = 1;
    printf("%s %d %d\n", greeting, counter, scratch[1] + argc);
    return 0;
}
