/* Loads and stores straddling from an accessible page into an inaccessible
 * one fault at the first inaccessible byte's page, as Linux reports. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <ucontext.h>
static int step;
static uint8_t *m;
static void h(int s, siginfo_t *si, void *uc_) {
    ucontext_t *uc = uc_;
    printf("step %d sig %d addr_off %ld\n", step, s, (long)((uint8_t *)si->si_addr - m));
    uc->uc_mcontext.__gregs[0] += 4;
}
int main(void)
{
    struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, 0);
    sigaction(SIGBUS, &sa, 0);
    m = mmap(0, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(m + 4096, 4096);
    long v;
    step = 1; __asm__ volatile(".option norvc\n ld %0, 0(%1)\n .option rvc" : "=r"(v) : "r"(m + 4092) : "memory");
    step = 2; __asm__ volatile(".option norvc\n sd %0, 0(%1)\n .option rvc" :: "r"(v), "r"(m + 4092) : "memory");
    step = 3; __asm__ volatile(".option norvc\n sw %0, 0(%1)\n .option rvc" :: "r"(v), "r"(m + 4094) : "memory");
    step = 4; __asm__ volatile(".option norvc\n amoadd.w %0, %0, (%1)\n .option rvc" : "+r"(v) : "r"(m + 4094) : "memory");
    step = 5; __asm__ volatile(".option norvc\n amoadd.w %0, %0, (%1)\n .option rvc" : "+r"(v) : "r"(m + 8192) : "memory");
    step = 6; __asm__ volatile(".option norvc\n lr.d %0, (%1)\n .option rvc" : "=r"(v) : "r"(m + 8190) : "memory");
    return 0;
}
