/* The edges of LR/SC and the AMOs that translated code must get right
 * beside the common case: an SC with no reservation or at another address
 * fails without writing; a W form's old value comes back sign-extended;
 * the bitwise AMOs with x0 and with rd = rs2; and a misaligned address
 * raises SIGBUS (BUS_ADRALN) at the AMO or LR with memory unchanged. (A
 * misaligned SC faults too, as on Spike; qemu lets one that fails pass,
 * so it has no oracle here.)
 * Each runs in a loop so that it executes from a translation whose slots
 * are already filled. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf back;
static volatile int bus_code;
static volatile uintptr_t bus_addr;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    bus_code = si->si_code;
    bus_addr = (uintptr_t)si->si_addr;
    siglongjmp(back, 1);
}

static _Alignas(16) unsigned char mem[64];

static long sc_alone(uint64_t *p, uint64_t v)
{
    long rd;
    __asm__ volatile("sc.d %0, %2, (%1)" : "=&r"(rd) : "r"(p), "r"(v) : "memory");
    return rd;
}

static long sc_elsewhere(uint64_t *p, uint64_t *q, uint64_t v)
{
    long rd, old;
    __asm__ volatile("lr.d %1, (%2)\n\tsc.d %0, %4, (%3)"
                     : "=&r"(rd), "=&r"(old) : "r"(p), "r"(q), "r"(v) : "memory");
    return rd;
}

static long sc_paired(uint32_t *p, uint32_t v, long *old)
{
    long rd;
    __asm__ volatile("lr.w %1, (%2)\n\tsc.w %0, %3, (%2)"
                     : "=&r"(rd), "=&r"(*old) : "r"(p), "r"(v) : "memory");
    return rd;
}

static void misaligned(const char *what, int k, void *p)
{
    memset(mem, 0x5a, sizeof mem);
    bus_code = 0;
    if (!sigsetjmp(back, 1)) {
        long t = 1;
        switch (k) {
        case 0: __asm__ volatile("amoadd.w %0, %0, (%1)" : "+r"(t) : "r"(p) : "memory"); break;
        case 1: __asm__ volatile("amoswap.d %0, %0, (%1)" : "+r"(t) : "r"(p) : "memory"); break;
        case 2: __asm__ volatile("amoor.d %0, %0, (%1)" : "+r"(t) : "r"(p) : "memory"); break;
        case 3: __asm__ volatile("lr.w %0, (%1)" : "=r"(t) : "r"(p) : "memory"); break;
        }
        printf("%s: no fault\n", what);
        return;
    }
    int same = 1;
    for (size_t i = 0; i < sizeof mem; i++)
        same &= mem[i] == 0x5a;
    printf("%s: SIGBUS code %d at +%ld, memory %s\n", what, bus_code,
           (long)(bus_addr - (uintptr_t)mem), same ? "unchanged" : "CHANGED");
}

int main(void)
{
    struct sigaction sa = { .sa_sigaction = on_bus, .sa_flags = SA_SIGINFO };
    sigaction(SIGBUS, &sa, NULL);
    uint64_t *d = (uint64_t *)mem;
    uint32_t *w = (uint32_t *)mem;

    for (int i = 0; i < 3; i++) {
        d[0] = 7;
        d[1] = 9;
        long a = sc_alone(&d[0], 100);
        long b = sc_elsewhere(&d[0], &d[1], 200);
        long old;
        w[4] = 0x80000001u;
        long c = sc_paired(&w[4], 0x7fffffffu, &old);
        printf("sc alone %ld, at another address %ld, paired %ld (old %lx); d %lu %lu w %x\n",
               a, b, c, old, (unsigned long)d[0], (unsigned long)d[1], w[4]);

        long r = 0x0f0f;
        w[5] = 0xfffffff0u;
        __asm__ volatile("amoand.w %0, %0, (%1)" : "+r"(r) : "r"(&w[5]) : "memory");
        long x;
        __asm__ volatile("amoxor.w %0, zero, (%1)" : "=r"(x) : "r"(&w[5]) : "memory");
        long s = 5;
        w[6] = 0xffffffffu;
        __asm__ volatile("amoadd.w %0, %0, (%1)" : "+r"(s) : "r"(&w[6]) : "memory");
        long q = -1;
        d[4] = 0x1234;
        __asm__ volatile("amoswap.d %0, %0, (%1)" : "+r"(q) : "r"(&d[4]) : "memory");
        printf("amoand.w old %lx now %x; amoxor.w zero %lx; amoadd.w old %ld now %x; swap old %lx now %lx\n",
               r, w[5], x, s, w[6], q, (unsigned long)d[4]);
    }
    for (int i = 0; i < 2; i++) {
        misaligned("amoadd.w +2", 0, mem + 2);
        misaligned("amoswap.d +4", 1, mem + 4);
        misaligned("amoor.d +1", 2, mem + 1);
        misaligned("lr.w +6", 3, mem + 6);
    }
    return 0;
}
