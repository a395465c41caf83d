/* A signal handler registered at an odd address. RISC-V clears bit 0 of a
 * jump target, and the kernel's sepc cannot hold it either, so the handler
 * runs from the even address below; the translator must do the same and
 * must not leave behind a translation at the odd pc that breaks the later
 * ordinary call of the same code. Both calls must return 1. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
typedef long (*fn)(void);
static const unsigned char code[] = { 0x21, 0xa0, 0x00, 0x09, 0x45, 0x82, 0x80, 0x00, 0x05, 0x45, 0x82, 0x80 };
__attribute__((noinline)) static long call(fn f) { return f(); }
int main(void)
{
    unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(p, code, sizeof code);
    __asm__ volatile("fence.i" ::: "memory");
    struct sigaction sa = { 0 };
    sa.sa_handler = (void (*)(int))(p + 1);     /* odd handler address */
    sigaction(SIGUSR1, &sa, NULL);
    long r1 = call((fn)p);
    raise(SIGUSR1);
    long r2 = call((fn)p);
    printf("before=%ld after=%ld (both must be 1)\n", r1, r2);
    return r2 != 1;
}
