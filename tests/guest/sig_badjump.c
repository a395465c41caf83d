/* Jumps to where no code may run: nothing mapped (null, a wild address, a
 * page just unmapped, the top of the user range, a kernel address), a page
 * without PROT_EXEC (read-only, PROT_NONE), and data (the program's .data,
 * its stack, the heap). Each ends in SIGSEGV at the target, with si_code
 * SEGV_MAPERR or SEGV_ACCERR, the pc in the frame equal to si_addr and ra
 * already holding the link of the jalr (the jump completes, the fetch at its
 * target faults). Code in an RWX mapping runs; an odd target runs from the
 * even address below it (jalr clears bit 0); a target in the middle of a
 * 4-byte instruction runs the 2-byte instruction its upper half encodes.
 * With an argument, the first such jump has no handler to go to and must
 * kill the process (status 139): "unmapped", "data", or "thread" (the jump
 * is made by a second thread while main waits for it). riscv64 only. */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "guest.h"

static sigjmp_buf back;
static volatile uintptr_t got_addr, got_pc, got_ra, want_ra;
static volatile int got_sig, got_code;

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    got_pc = uc->uc_mcontext.__gregs[REG_PC];
    got_ra = uc->uc_mcontext.__gregs[REG_RA];
    want_ra = uc->uc_mcontext.__gregs[5];       /* t0: the link, set below */
    siglongjmp(back, 1);
}

/* Calls target with a jalr whose link is also put in t0, so the handler can
 * compare ra with it; returns what the code there left in a0. */
static __attribute__((noinline)) long jump(uintptr_t target)
{
    register long a0 asm("a0");
    asm volatile("lla t0, 1f\n"
                 "jalr ra, 0(%1)\n"
                 "1:\n"
                 : "=r"(a0)
                 : "r"(target)
                 : "t0", "ra", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "t1", "t2", "t3", "t4",
                   "t5", "t6", "memory");
    return a0;
}

/* One jump that must fault: prints what the handler saw. */
static void must_fault(const char *what, uintptr_t target, int code)
{
    got_sig = 0;
    if (!sigsetjmp(back, 1)) {
        jump(target);
        printf("%s: returned\n", what);
        CHECK(0);
        return;
    }
    printf("%s: signal %d, %s, si_addr %s, pc %s, ra %s\n", what, got_sig,
           got_code == SEGV_MAPERR ? "SEGV_MAPERR" : got_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other code",
           got_addr == target ? "= target" : "wrong", got_pc == target ? "= target" : "wrong",
           got_ra == want_ra ? "= link" : "wrong");
    CHECK(got_sig == SIGSEGV && got_code == code && got_addr == target && got_pc == target &&
          got_ra == want_ra);
}

static char data_words[64] __attribute__((aligned(8))) = { 0x13 };  /* a nop, not executable */

static void *jump_unmapped(void *arg)
{
    (void)arg;
    jump(0x5a5a5a5a000);
    return NULL;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    long page = sysconf(_SC_PAGESIZE);
    if (argc > 1) {
        /* No handler: the default action must kill, from main or a thread. */
        if (!strcmp(argv[1], "unmapped")) {
            jump(0x5a5a5a5a000);
        } else if (!strcmp(argv[1], "data")) {
            jump((uintptr_t)data_words);
        } else if (!strcmp(argv[1], "thread")) {
            pthread_t t;
            if (pthread_create(&t, NULL, jump_unmapped, NULL) == 0)
                pthread_join(t, NULL);
        }
        printf("still alive\n");
        return 1;
    }

    struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_NODEFER };
    sigaction(SIGSEGV, &sa, NULL);

    must_fault("null", 0, SEGV_MAPERR);
    must_fault("wild", 0x5a5a5a5a000, SEGV_MAPERR);
    uint8_t *gone = mmap(NULL, page, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(gone, "\x13\x05\x70\x00\x67\x80\x00\x00", 8);        /* li a0, 7; ret */
    __builtin___clear_cache((char *)gone, (char *)gone + 8);
    CHECK(jump((uintptr_t)gone) == 7);          /* translated, then unmapped */
    munmap(gone, page);
    must_fault("unmapped after a run", (uintptr_t)gone, SEGV_MAPERR);
    must_fault("kernel address", 0xffffffff80000000ul, SEGV_MAPERR);

    uint8_t *ro = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(ro, "\x13\x05\x70\x00\x67\x80\x00\x00", 8);         /* li a0, 7; ret */
    mprotect(ro, page, PROT_READ);
    mprotect(ro + page, page, PROT_NONE);
    must_fault("read-only page", (uintptr_t)ro, SEGV_ACCERR);
    must_fault("PROT_NONE page", (uintptr_t)ro + page, SEGV_ACCERR);
    must_fault(".data", (uintptr_t)data_words, SEGV_ACCERR);
    uint32_t on_stack[2] = { 0x00700513, 0x00008067 };           /* li a0, 7; ret */
    must_fault("stack", (uintptr_t)on_stack, SEGV_ACCERR);
    uint32_t *heap = malloc(64);
    memcpy(heap, on_stack, sizeof on_stack);
    must_fault("heap", (uintptr_t)heap, SEGV_ACCERR);
    free(heap);
    /* The same page made executable runs. */
    mprotect(ro, page, PROT_READ | PROT_EXEC);
    CHECK(jump((uintptr_t)ro) == 7);
    mprotect(ro, page, PROT_READ);
    must_fault("read-only again", (uintptr_t)ro, SEGV_ACCERR);

    /* lui a0, 0x451d0 (its upper half is c.li a0, 7); c.jr ra */
    uint8_t *rwx = mmap(NULL, page, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(rwx, "\x37\x05\x1d\x45\x82\x80", 6);
    __builtin___clear_cache((char *)rwx, (char *)rwx + 6);
    long whole = jump((uintptr_t)rwx), odd = jump((uintptr_t)rwx + 1);
    long middle = jump((uintptr_t)rwx + 2), middle_odd = jump((uintptr_t)rwx + 3);
    printf("rwx: whole %#lx, odd %#lx, middle %ld, middle odd %ld\n", whole, odd, middle, middle_odd);
    CHECK(whole == 0x451d0000 && odd == whole && middle == 7 && middle_odd == 7);
    CHECK(jump((uintptr_t)rwx) == 0x451d0000);
    return guest_done();
}
