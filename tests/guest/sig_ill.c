/* SIGILL and SIGTRAP caught by handlers that step the pc over the faulting
 * instruction through the ucontext: a 4-byte illegal encoding, c.illegal,
 * ebreak and c.ebreak. The handler sees si_addr and the saved pc at the
 * instruction and the interrupted registers; what it changes in the
 * ucontext (pc, a0, fa0, fflags) is what the interrupted code continues
 * with. Faults nest: an illegal instruction inside the SIGILL handler
 * (SA_NODEFER) and inside the SIGTRAP handler.
 * With the argument "blocked", SIGILL is blocked and must kill anyway. */
#define _GNU_SOURCE     /* TRAP_BRKPT */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <ucontext.h>
#include "guest.h"

struct after {
    long a0, s2;
    double fa0;
    unsigned fflags;
    uintptr_t at;
};

/* One function per trapping instruction: a0, s2 and fa0 hold known values
 * at the instruction, fflags is clear; the label 1 marks it. */
#define TRAPPER(name, insn)                                                    \
    static __attribute__((noinline)) struct after name(long v)                 \
    {                                                                          \
        register long a0 asm("a0") = v;                                        \
        register long s2 asm("s2") = 0x5152;                                   \
        register double fa0 asm("fa0") = 1.0;                                  \
        uintptr_t at;                                                          \
        unsigned ff;                                                           \
        asm volatile("lla %[at], 1f\n\t"                                       \
                     "fsflags zero\n"                                          \
                     "1:\t" insn "\n\t"                                        \
                     "frflags %[ff]"                                           \
                     : "+r"(a0), "+f"(fa0), "+r"(s2), [at] "=&r"(at), [ff] "=r"(ff) \
                     : : "memory");                                            \
        return (struct after){ a0, s2, fa0, ff, at };                          \
    }

TRAPPER(illegal32, ".4byte 0x0000006b")
TRAPPER(illegal16, ".2byte 0")
TRAPPER(ebreak32, ".option push\n\t.option norvc\n\tebreak\n\t.option pop")
TRAPPER(ebreak16, "c.ebreak")

static volatile int hits, depth, max_depth, nest;
static volatile int got_sig, got_code;
static volatile uintptr_t got_addr, got_pc;
static volatile long got_s2;
static volatile int nested_ok;

static int insn_len(uintptr_t pc)
{
    uint16_t lo;
    memcpy(&lo, (const void *)pc, 2);
    return (lo & 3) == 3 ? 4 : 2;
}

static void step(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uintptr_t pc = uc->uc_mcontext.__gregs[REG_PC];
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    hits++;
    if (depth == 1) {
        got_sig = sig;
        got_code = si->si_code;
        got_addr = (uintptr_t)si->si_addr;
        got_pc = pc;
        got_s2 = (long)uc->uc_mcontext.__gregs[REG_S2];
    }
    if (nest && depth == 1) {
        struct after in = illegal32(7);
        nested_ok = in.a0 == 107;
    }
    uc->uc_mcontext.__gregs[REG_PC] = pc + insn_len(pc);
    uc->uc_mcontext.__gregs[REG_A0] += 100;
    double d = 2.5;
    memcpy(&uc->uc_mcontext.__fpregs.__d.__f[10], &d, sizeof d);
    uc->uc_mcontext.__fpregs.__d.__fcsr = (uc->uc_mcontext.__fpregs.__d.__fcsr & ~0x1fu) | 1;
    depth--;
}

static void handle(int sig, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = step;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static void check(const char *name, struct after (*fn)(long), int sig, int code)
{
    hits = max_depth = 0;
    got_sig = got_code = 0;
    struct after r = fn(5);
    printf("%s: hits %d depth %d, sig %d code %d, addr ok %d pc ok %d s2 seen %d; "
           "after: a0 %ld s2 %ld fa0 %g fflags %u\n",
           name, (int)hits, (int)max_depth, got_sig, got_code, got_addr == r.at, got_pc == r.at,
           got_s2 == 0x5152, r.a0, r.s2, r.fa0, r.fflags);
    CHECK(got_sig == sig && got_code == code && got_addr == r.at && got_pc == r.at);
    CHECK(r.a0 == 105 && r.s2 == 0x5152 && r.fa0 == 2.5 && r.fflags == 1);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "blocked")) {
        handle(SIGILL, 0);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGILL);
        sigprocmask(SIG_BLOCK, &set, NULL);
        printf("illegal instruction with SIGILL blocked\n");
        fflush(stdout);
        illegal32(0);
        return 0;
    }

    handle(SIGILL, 0);
    handle(SIGTRAP, 0);
    check("illegal32", illegal32, SIGILL, ILL_ILLOPC);
    CHECK(hits == 1);
    check("c.illegal", illegal16, SIGILL, ILL_ILLOPC);
    check("ebreak", ebreak32, SIGTRAP, TRAP_BRKPT);
    check("c.ebreak", ebreak16, SIGTRAP, TRAP_BRKPT);

    /* a different signal inside a handler: SIGILL inside the SIGTRAP handler */
    nest = 1;
    nested_ok = 0;
    check("SIGILL in SIGTRAP handler", ebreak32, SIGTRAP, TRAP_BRKPT);
    printf("nested: ok %d\n", nested_ok);
    CHECK(hits == 2 && max_depth == 2 && nested_ok);

    /* the same signal inside its handler, allowed by SA_NODEFER */
    handle(SIGILL, SA_NODEFER);
    nested_ok = 0;
    check("SIGILL in SIGILL handler", illegal32, SIGILL, ILL_ILLOPC);
    printf("nested: ok %d\n", nested_ok);
    CHECK(hits == 2 && max_depth == 2 && nested_ok);
    return guest_done();
}
