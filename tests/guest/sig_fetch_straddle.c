/* A 4-byte instruction at the end of an executable page whose next page is
 * not executable: the fetch fault is reported at the second page, as Linux
 * and qemu do. The handler steps over it. (Found by review.) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <ucontext.h>
static void h(int s, siginfo_t *si, void *uc_) {
    ucontext_t *uc = uc_;
    printf("sig %d addr_off %ld pc_off %ld\n", s, (long)((uintptr_t)si->si_addr & 0xfff), (long)(uc->uc_mcontext.__gregs[0] & 0xfff));
    exit(0);
}
int main(void)
{
    struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, 0);
    uint8_t *m = mmap(0, 2 * 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(m + 4096, 4096);
    uint32_t li = (1u << 20) | (10 << 7) | 0x13;   /* addi a0, x0, 1 */
    memcpy(m + 4094, &li, 2);
    m[4090] = 0x01; m[4091] = 0x00;  /* c.nop */
    m[4092] = 0x01; m[4093] = 0x00;  /* c.nop */
    __builtin___clear_cache((char *)m, (char *)m + 4096);
    ((void (*)(void))(m + 4090))();
    return 1;
}
