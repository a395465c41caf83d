/* A host fault in the middle of a block must hand the guest's signal
 * handler every register as the program had it at the faulting access:
 * also those the translator keeps only in host registers there (block-local
 * registers written since the block began, not yet stored). The first
 * call's load, inside the file, fills the site's inline-cache slot with the
 * whole mapping; the later ones read past the end of the file from the
 * translated code itself, which raises SIGBUS in the host. The handler
 * reports t0-t2, s2-s4 and ft0-ft2 (doubles the translator may keep in xmm
 * registers) from its ucontext and steps over the load, and the code after
 * it checks that the registers still hold their values. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static volatile long seen[6];
static volatile double fseen[3];

static void on_bus(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    (void)si;
    static const int regs[6] = { 5, 6, 7, 18, 19, 20 };   /* t0-t2, s2-s4 */
    for (int i = 0; i < 6; i++)
        seen[i] = (long)uc->uc_mcontext.__gregs[regs[i]];
    for (int i = 0; i < 3; i++) {
        double d;
        memcpy(&d, &uc->uc_mcontext.__fpregs.__d.__f[i], sizeof d);   /* raw bits there */
        fseen[i] = d;
    }
    uc->uc_mcontext.__gregs[REG_PC] += 4;   /* the lw below is not compressed */
}

static __attribute__((noinline)) void probe(long r, const char *bad, long *out, double *fout)
{
    asm volatile(".option push\n.option norvc\n"
                 "fld ft0, 0(%[fout])\n fld ft1, 8(%[fout])\n"
                 "fadd.d ft2, ft0, ft1\n fadd.d ft0, ft2, ft1\n fmul.d ft1, ft0, ft2\n"
                 "addi t0, %[r], 11\n addi t0, t0, 100\n addi t0, t0, 1000\n"
                 "addi t1, %[r], 22\n addi t1, t1, 200\n addi t1, t1, 2000\n"
                 "addi t2, %[r], 33\n addi t2, t2, 300\n addi t2, t2, 2047\n"
                 "add s2, t0, t1\n add s3, t1, t2\n add s4, t0, t2\n"
                 "lw a7, 0(%[bad])\n"
                 "sd t0, 0(%[out])\n sd t1, 8(%[out])\n sd t2, 16(%[out])\n"
                 "sd s2, 24(%[out])\n sd s3, 32(%[out])\n sd s4, 40(%[out])\n"
                 "fsd ft0, 0(%[fout])\n fsd ft1, 8(%[fout])\n fsd ft2, 16(%[fout])\n"
                 ".option pop\n"
                 :
                 : [r] "r"(r), [bad] "r"(bad), [out] "r"(out), [fout] "r"(fout)
                 : "t0", "t1", "t2", "s2", "s3", "s4", "a7", "ft0", "ft1", "ft2", "memory");
}

int main(void)
{
    char path[] = "/tmp/rvdbt-faultregsXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, "x", 1) != 1)
        return 1;
    unlink(path);
    char *p = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED)
        return 2;
    struct sigaction sa = { .sa_sigaction = on_bus, .sa_flags = SA_SIGINFO };
    sigaction(SIGBUS, &sa, NULL);
    for (int round = 0; round < 4; round++) {
        long after[6];
        double f[3] = { 1.5 + round, 0.25 };
        probe(round, p + (round ? 4096 : 0), after, f);
        printf("round %d: handler", round);
        for (int i = 0; i < 6; i++)
            printf(" %ld", seen[i]);
        for (int i = 0; i < 3; i++)
            printf(" %g", fseen[i]);
        printf("; after");
        for (int i = 0; i < 6; i++)
            printf(" %ld", after[i]);
        for (int i = 0; i < 3; i++)
            printf(" %g", f[i]);
        printf("\n");
    }
    return 0;
}
