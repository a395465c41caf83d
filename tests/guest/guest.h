/* Self-checks shared by the C guest programs. A failed CHECK prints the source
 * line on stdout (so the runner's diff shows it) and makes guest_done() return
 * 1, so a program that goes wrong under qemu-riscv64 too is still caught. */
#ifndef GUEST_H
#define GUEST_H

#include <stdio.h>

static int guest_failed;

#define CHECK(cond) do {                                                    \
        if (!(cond)) {                                                      \
            printf("CHECK FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond);  \
            guest_failed++;                                                 \
        }                                                                   \
    } while (0)

static inline int guest_done(void)
{
    if (guest_failed)
        printf("%d checks failed\n", guest_failed);
    return guest_failed ? 1 : 0;
}

#endif
