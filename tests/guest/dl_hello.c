/* The smallest dynamically linked program: the kernel's part (program,
 * interpreter, auxv) and ld.so's (mapping libc, relocating, lazy binding of
 * printf and puts) must all have worked for it to print anything. */
#include <stdio.h>

int main(int argc, char **argv)
{
    puts("hello from a dynamically linked program");
    for (int i = 1; i < argc; i++)
        printf("arg %d: %s\n", i, argv[i]);
    return 0;
}
