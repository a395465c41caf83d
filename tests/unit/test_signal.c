/* Signal delivery on a real address space, driven the way the dispatcher
 * drives it: a syscall through sys_dispatch followed by sig_deliver_pending,
 * or a fault through sig_fault. The frame is read back at the offsets the
 * riscv64 headers give (asm-generic/siginfo.h, asm/ucontext.h,
 * asm/sigcontext.h, asm/ptrace.h), written out here independently of
 * linux/guest_abi.h. Covers what the guest programs compared with
 * qemu-riscv64 cannot: qemu 7.2 applies no sa_mask to a riscv64 handler and
 * refuses SS_AUTODISARM, where Linux does both. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "linux/proc.h"
#include "linux/sig.h"
#include "linux/sys.h"
#include "linux/thread.h"
#include "tests/unit/t.h"
#include "tests/unit/t_guest.h"
#include "translator/rv_cpu.h"

enum { NR_kill = 129, NR_tgkill = 131, NR_sigaltstack = 132, NR_rt_sigaction = 134,
       NR_rt_sigprocmask = 135, NR_rt_sigpending = 136, NR_rt_sigreturn = 139 };
/* asm-generic/signal-defs.h, signal.h, siginfo.h */
#define G_SA_SIGINFO    0x4ull
#define G_SA_ONSTACK    0x08000000ull
#define G_SA_NODEFER    0x40000000ull
#define G_SA_RESETHAND  0x80000000ull
enum { G_SIG_BLOCK = 0, G_SIG_UNBLOCK = 1, G_SIG_SETMASK = 2, G_SS_ONSTACK = 1, G_SS_DISABLE = 2 };
#define G_SS_AUTODISARM 0x80000000u
enum { G_SI_USER = 0, G_SI_TKILL = -6, G_SEGV_MAPERR = 1, G_SEGV_ACCERR = 2 };

/* struct rt_sigframe { siginfo (128 bytes); ucontext }, ucontext = uc_flags,
 * uc_link, uc_stack (24), sigset (8) padded to 128, then at 176 sigcontext:
 * pc, x1..x31, f[32] (64-bit), fcsr. */
enum { FRAME = 1088, SI_SIGNO = 0, SI_CODE = 8, SI_PID = 16, SI_UID = 20, SI_ADDR = 16,
       UC = 128, UC_STACK = UC + 16, UC_SIGMASK = UC + 40, MC = UC + 176, MC_F = MC + 256,
       MC_FCSR = MC_F + 256 };

#define DATA 0x100000ull            /* 64 KiB read-write: syscall arguments */
#define STACK 0x200000ull           /* 64 KiB read-write: the ordinary stack */
#define STACK_TOP (STACK + 0x10000)
#define ALT 0x300000ull             /* 16 KiB read-write: the alternate stack */
#define ALT_SIZE 0x4000ull
#define RO 0x400000ull              /* one read-only page */
#define H1 0x51000ull               /* handler addresses (never run here) */
#define H2 0x52000ull

static struct rv_proc proc;
static struct rv_cpu *cpu;

static void *host(uint64_t g) { return mmu_host(&proc.mmu, g); }
static uint64_t u64at(uint64_t g) { uint64_t v; memcpy(&v, host(g), 8); return v; }
static int32_t s32at(uint64_t g) { int32_t v; memcpy(&v, host(g), 4); return v; }
static void put64(uint64_t g, uint64_t v) { memcpy(host(g), &v, 8); }
static uint64_t bit(int sig) { return 1ull << (sig - 1); }

/* A syscall as the dispatcher runs it: pc past the ecall, the call, then
 * whatever signals it left pending. Returns the call's result. */
static int64_t ecall(uint64_t nr, const uint64_t *a)
{
    cpu->pc += 4;
    cpu->x[17] = nr;
    memcpy(&cpu->x[10], a, 6 * sizeof *a);
    sys_dispatch(cpu);
    int64_t r = (int64_t)cpu->x[10];
    sig_deliver_pending(cpu);
    return r;
}
#define ECALL(nr, ...) ecall(nr, (const uint64_t[6]){ __VA_ARGS__ })

static uint64_t action(int sig, uint64_t handler, uint64_t flags, uint64_t mask)
{
    uint64_t g = DATA, old = DATA + 32;
    put64(g, handler);
    put64(g + 8, flags);
    put64(g + 16, mask);
    CHECK(ECALL(NR_rt_sigaction, (uint64_t)sig, g, old, 8) == 0, "sigaction %d", sig);
    return u64at(old);
}

static uint64_t mask_now(void)
{
    CHECK(ECALL(NR_rt_sigprocmask, G_SIG_BLOCK, 0, DATA + 64, 8) == 0, "query mask");
    return u64at(DATA + 64);
}

static void set_mask(uint64_t m)
{
    put64(DATA + 72, m);
    CHECK(ECALL(NR_rt_sigprocmask, G_SIG_SETMASK, DATA + 72, 0, 8) == 0, "set mask");
}

static int64_t self(int sig) { return ECALL(NR_tgkill, (uint64_t)getpid(), (uint64_t)gettid(), (uint64_t)sig); }

/* sigaltstack: the old one's flags, or the error. */
static int64_t altstack(uint64_t sp, uint64_t size, uint32_t flags, int set)
{
    uint64_t ss = DATA + 128, old = DATA + 160;
    put64(ss, sp);
    put64(ss + 8, flags);
    put64(ss + 16, size);
    int64_t r = ECALL(NR_sigaltstack, set ? ss : 0, old);
    return r < 0 ? r : (int64_t)(uint32_t)s32at(old + 8);
}

static void test_frame_and_return(void)
{
    CHECK(action(SIGUSR1, H1, G_SA_SIGINFO, bit(SIGTERM)) == 0, "no handler before");
    uint64_t tramp = proc.sigreturn_pc;
    CHECK(tramp && mmu_check(&proc.mmu, tramp, 8, MMU_R | MMU_X) && !mmu_check(&proc.mmu, tramp, 8, MMU_W),
          "trampoline mapped read+execute at 0x%llx", (unsigned long long)tramp);
    CHECK(tramp && u64at(tramp) == (0x00000073ull << 32 | 0x08b00893), "li a7, 139; ecall");

    for (int i = 1; i < 32; i++) {
        cpu->x[i] = 0x1000 + (uint64_t)i;
        cpu->f[i] = 0x4000000000000000ull + (uint64_t)i;
    }
    cpu->x[2] = STACK_TOP - 8;      /* not 16-aligned: the frame is */
    cpu->fflags = 0x15;
    cpu->frm = 3;
    cpu->pc = 0x12340;
    /* the ecall by hand, to see the registers the frame must save */
    cpu->pc += 4;
    cpu->x[17] = NR_tgkill;
    cpu->x[10] = (uint64_t)getpid();
    cpu->x[11] = (uint64_t)gettid();
    cpu->x[12] = SIGUSR1;
    sys_dispatch(cpu);
    CHECK(cpu->x[10] == 0 && cpu->pc == 0x12344, "sent, not yet delivered");
    uint64_t x[32], f[32];
    memcpy(x, cpu->x, sizeof x);
    memcpy(f, cpu->f, sizeof f);
    sig_deliver_pending(cpu);

    uint64_t sp = (STACK_TOP - 8 - FRAME) & ~15ull;
    CHECK(cpu->pc == H1 && cpu->x[2] == sp && cpu->x[1] == tramp, "pc, sp 0x%llx, ra",
          (unsigned long long)cpu->x[2]);
    CHECK(cpu->x[10] == SIGUSR1 && cpu->x[11] == sp && cpu->x[12] == sp + UC, "a0..a2");
    int kept = 1;
    for (int i = 3; i < 32; i++)
        kept &= i == 10 || i == 11 || i == 12 || cpu->x[i] == x[i];
    CHECK(kept, "other registers as they were");
    CHECK(s32at(sp + SI_SIGNO) == SIGUSR1 && s32at(sp + 4) == 0 && s32at(sp + SI_CODE) == G_SI_TKILL,
          "si_signo, si_errno, si_code");
    CHECK(s32at(sp + SI_PID) == getpid() && (uint32_t)s32at(sp + SI_UID) == getuid(), "si_pid, si_uid");
    CHECK(u64at(sp + UC) == 0 && u64at(sp + UC + 8) == 0, "uc_flags, uc_link");
    CHECK(u64at(sp + UC_STACK) == 0 && s32at(sp + UC_STACK + 8) == G_SS_DISABLE && u64at(sp + UC_STACK + 16) == 0,
          "uc_stack: none");
    CHECK(u64at(sp + UC_SIGMASK) == 0, "uc_sigmask: the mask before");
    CHECK(u64at(sp + MC) == 0x12344, "saved pc: after the ecall");
    int regs = 1, fregs = 1;
    for (int i = 1; i < 32; i++) {
        regs &= u64at(sp + MC + 8 * (uint64_t)i) == x[i];
        fregs &= u64at(sp + MC_F + 8 * (uint64_t)i) == f[i];
    }
    CHECK(regs && fregs, "x1..x31 and f0..f31 saved in order");
    CHECK((uint32_t)s32at(sp + MC_FCSR) == (3u << 5 | 0x15), "fcsr");
    CHECK(mask_now() == (bit(SIGUSR1) | bit(SIGTERM)), "mask in the handler: the signal and sa_mask");

    /* the handler edits its ucontext; sigreturn takes every change */
    put64(sp + MC, 0x60000);
    put64(sp + MC + 8 * 10, 0x777);
    put64(sp + MC + 8 * 5, 0x5555);
    put64(sp + MC_F + 8 * 3, 0x1234);
    put64(sp + MC_FCSR, 1u << 5);
    put64(sp + UC_SIGMASK, bit(SIGUSR2) | bit(SIGKILL));
    cpu->x[2] = sp;
    CHECK(ECALL(NR_rt_sigreturn, 0) == 0x777, "sigreturn returns the saved a0");
    CHECK(cpu->pc == 0x60000 && cpu->x[10] == 0x777 && cpu->x[5] == 0x5555, "pc, a0, t0 from the frame");
    kept = 1;
    for (int i = 1; i < 32; i++)
        kept &= i == 5 || i == 10 || cpu->x[i] == x[i];
    CHECK(kept && cpu->x[2] == STACK_TOP - 8, "the other registers, sp included");
    CHECK(cpu->f[3] == 0x1234 && cpu->f[4] == f[4] && cpu->frm == 1 && cpu->fflags == 0, "FP state");
    CHECK(mask_now() == bit(SIGUSR2), "mask from the frame, SIGKILL dropped");
    set_mask(0);
}

static void test_masks_and_order(void)
{
    cpu->x[2] = STACK_TOP;
    action(SIGUSR1, H1, G_SA_NODEFER, 0);
    self(SIGUSR1);
    CHECK(cpu->pc == H1 && mask_now() == 0, "SA_NODEFER: the signal stays unblocked");
    ECALL(NR_rt_sigreturn, 0);
    CHECK(cpu->x[2] == STACK_TOP, "back");

    action(SIGUSR1, H1, G_SA_RESETHAND, 0);
    self(SIGUSR1);
    CHECK(cpu->pc == H1 && mask_now() == bit(SIGUSR1), "SA_RESETHAND: delivered, blocked");
    CHECK(action(SIGUSR1, H1, 0, 0) == 0, "SA_RESETHAND: the handler was reset to SIG_DFL");
    ECALL(NR_rt_sigreturn, 0);

    /* two pending, unblocked at once: SIGUSR1 first, then SIGUSR2 on top */
    action(SIGUSR2, H2, G_SA_SIGINFO, 0);
    set_mask(bit(SIGUSR1) | bit(SIGUSR2));
    cpu->pc = 0x70000;
    CHECK(self(SIGUSR2) == 0 && ECALL(NR_kill, (uint64_t)getpid(), SIGUSR1) == 0 && cpu->pc == 0x70008,
          "blocked: nothing delivered");
    CHECK(ECALL(NR_rt_sigpending, DATA + 200, 8) == 0 && u64at(DATA + 200) == (bit(SIGUSR1) | bit(SIGUSR2)),
          "rt_sigpending");
    CHECK(ECALL(NR_rt_sigpending, DATA + 200, 16) == -EINVAL, "rt_sigpending: sigsetsize 16");
    put64(DATA + 72, bit(SIGUSR1) | bit(SIGUSR2));
    ECALL(NR_rt_sigprocmask, G_SIG_UNBLOCK, DATA + 72, 0, 8);
    uint64_t sp2 = cpu->x[2], sp1 = (STACK_TOP - FRAME) & ~15ull;
    CHECK(cpu->pc == H2 && cpu->x[10] == SIGUSR2 && sp2 == ((sp1 - FRAME) & ~15ull), "SIGUSR2 runs first");
    CHECK(u64at(sp2 + MC) == H1 && u64at(sp2 + MC + 80) == SIGUSR1, "... interrupting SIGUSR1's handler");
    CHECK(u64at(sp1 + MC) == 0x70014 && s32at(sp1 + SI_CODE) == G_SI_USER && s32at(sp2 + SI_CODE) == G_SI_TKILL,
          "which interrupted the unblocking; kill is SI_USER");
    CHECK(u64at(sp2 + UC_SIGMASK) == bit(SIGUSR1), "SIGUSR2's frame saved SIGUSR1's mask");
    ECALL(NR_rt_sigreturn, 0);
    CHECK(cpu->pc == H1 && cpu->x[2] == sp1 && mask_now() == bit(SIGUSR1), "into SIGUSR1's handler");
    ECALL(NR_rt_sigreturn, 0);
    CHECK(cpu->pc == 0x70014 && cpu->x[2] == STACK_TOP && mask_now() == 0, "and back");
    action(SIGUSR1, 0, 0, 0);
    action(SIGUSR2, 0, 0, 0);
}

static void test_faults(void)
{
    cpu->x[2] = STACK_TOP;
    cpu->pc = 0x80000;
    CHECK(!sig_fault(cpu, SIGSEGV, 0), "no handler: default action");
    action(SIGSEGV, H1, G_SA_SIGINFO, 0);
    cpu->pc = 0x80000;
    struct { uint64_t addr; int sig, code; } cases[] = {
        { RO + 8, SIGSEGV, G_SEGV_ACCERR },         /* mapped, but not for the access */
        { 0x7000000, SIGSEGV, G_SEGV_MAPERR },
        { 1ull << 45, SIGSEGV, G_SEGV_MAPERR },     /* beyond the guest space */
        { 0x80000, SIGILL, 1 },                     /* ILL_ILLOPC */
        { 0x80000, SIGTRAP, 1 },                    /* TRAP_BRKPT */
        { DATA + 3, SIGBUS, 1 },                    /* BUS_ADRALN */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cases[i].sig != SIGSEGV)
            action(cases[i].sig, H1, G_SA_SIGINFO, 0);
        cpu->pc = 0x80000;
        bool taken = sig_fault(cpu, cases[i].sig, cases[i].addr);
        uint64_t sp = cpu->x[2];
        CHECK(taken && cpu->pc == H1 && cpu->x[10] == (uint64_t)cases[i].sig, "case %zu delivered", i);
        CHECK(s32at(sp + SI_SIGNO) == cases[i].sig && s32at(sp + SI_CODE) == cases[i].code &&
              u64at(sp + SI_ADDR) == cases[i].addr && u64at(sp + MC) == 0x80000,
              "case %zu: si_code %d, si_addr, saved pc", i, s32at(sp + SI_CODE));
        ECALL(NR_rt_sigreturn, 0);
        CHECK(cpu->pc == 0x80000 && cpu->x[2] == STACK_TOP, "case %zu: sigreturn to the instruction", i);
        if (cases[i].sig != SIGSEGV)
            action(cases[i].sig, 0, 0, 0);
    }

    /* a fault in the handler of the same signal is forced: fatal unless SA_NODEFER */
    CHECK(sig_fault(cpu, SIGSEGV, 0) && !sig_fault(cpu, SIGSEGV, 0), "nested without SA_NODEFER: default");
    ECALL(NR_rt_sigreturn, 0);
    action(SIGSEGV, H1, G_SA_SIGINFO | G_SA_NODEFER, 0);
    uint64_t sp1 = (STACK_TOP - FRAME) & ~15ull;
    CHECK(sig_fault(cpu, SIGSEGV, 0) && sig_fault(cpu, SIGSEGV, 8) && cpu->x[2] == sp1 - FRAME,
          "nested with SA_NODEFER");
    ECALL(NR_rt_sigreturn, 0);
    ECALL(NR_rt_sigreturn, 0);
    CHECK(cpu->x[2] == STACK_TOP && mask_now() == 0, "unwound");
    set_mask(bit(SIGSEGV));
    CHECK(!sig_fault(cpu, SIGSEGV, 0) && cpu->pc != H1, "blocked: default");
    set_mask(0);
    action(SIGSEGV, 1, 0, 0);
    CHECK(!sig_fault(cpu, SIGSEGV, 0), "ignored: default");
    action(SIGSEGV, 0, 0, 0);
}

static void test_altstack(void)
{
    cpu->x[2] = STACK_TOP;
    CHECK(altstack(ALT, ALT_SIZE, 0, 1) == G_SS_DISABLE, "set; none before");
    CHECK(altstack(ALT, 100, 0, 1) == -ENOMEM && altstack(ALT, ALT_SIZE, 5, 1) == -EINVAL, "checks");
    action(SIGUSR1, H1, G_SA_ONSTACK, 0);
    action(SIGUSR2, H2, G_SA_ONSTACK, 0);
    self(SIGUSR1);
    uint64_t sp1 = ALT + ALT_SIZE - FRAME;
    CHECK(cpu->pc == H1 && cpu->x[2] == sp1, "on the alternate stack");
    CHECK(u64at(sp1 + UC_STACK) == ALT && s32at(sp1 + UC_STACK + 8) == 0 && u64at(sp1 + UC_STACK + 16) == ALT_SIZE,
          "uc_stack");
    CHECK(altstack(0, 0, 0, 0) == G_SS_ONSTACK, "SS_ONSTACK while on it");
    CHECK(altstack(ALT, ALT_SIZE, 0, 1) == -EPERM, "no change while on it");
    self(SIGUSR2);
    CHECK(cpu->pc == H2 && cpu->x[2] == sp1 - FRAME, "nested: right below");
    ECALL(NR_rt_sigreturn, 0);
    ECALL(NR_rt_sigreturn, 0);
    CHECK(cpu->x[2] == STACK_TOP && altstack(0, 0, 0, 0) == 0, "off it again");

    /* SS_AUTODISARM: disarmed while a handler has it, back on return */
    CHECK(altstack(ALT, ALT_SIZE, G_SS_AUTODISARM, 1) == 0, "set with SS_AUTODISARM");
    self(SIGUSR1);
    CHECK(cpu->x[2] == sp1 && (uint32_t)s32at(sp1 + UC_STACK + 8) == G_SS_AUTODISARM, "taken; uc_stack flags");
    CHECK(altstack(0, 0, 0, 0) == G_SS_DISABLE, "disarmed inside");
    self(SIGUSR2);
    CHECK(cpu->x[2] == sp1 - FRAME, "a nested handler stays where it is");
    ECALL(NR_rt_sigreturn, 0);
    CHECK(altstack(0, 0, 0, 0) == G_SS_DISABLE, "still disarmed in the first handler");
    ECALL(NR_rt_sigreturn, 0);
    CHECK(altstack(0, 0, 0, 0) == G_SS_AUTODISARM, "armed again");
    CHECK(altstack(0, 0, G_SS_DISABLE, 1) == G_SS_AUTODISARM && altstack(0, 0, 0, 0) == G_SS_DISABLE, "disable");
}

/* run f in a child with stderr closed; the signal it died of, or 0 */
static int dies_of(void (*f)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        close(2);
        f();
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void frame_off_alt_stack(void)
{
    altstack(ALT, ALT_SIZE, 0, 1);
    action(SIGUSR1, H1, G_SA_ONSTACK, 0);
    cpu->x[2] = ALT + 200;          /* on the alternate stack, with no room for a frame */
    self(SIGUSR1);
}

static void frame_unwritable(void)
{
    action(SIGUSR1, H1, 0, 0);
    cpu->x[2] = 0x7000000;
    self(SIGUSR1);
}

static void sigreturn_bad_frame(void)
{
    cpu->x[2] = 0x7000000;
    ECALL(NR_rt_sigreturn, 0);
}

int main(void)
{
    CHECK(mmu_init(&proc.mmu, true) == 0, "mmu_init");
    CHECK(mmu_map(&proc.mmu, DATA, 0x10000, MMU_R | MMU_W, 0, -1, 0) == 0, "map data");
    CHECK(mmu_map(&proc.mmu, STACK, STACK_TOP - STACK, MMU_R | MMU_W, 0, -1, 0) == 0, "map stack");
    CHECK(mmu_map(&proc.mmu, ALT, ALT_SIZE, MMU_R | MMU_W, 0, -1, 0) == 0, "map alternate stack");
    CHECK(mmu_map(&proc.mmu, RO, 4096, MMU_R, 0, -1, 0) == 0, "map read-only page");
    struct rv_thread *thread = t_guest_thread(&proc);
    cpu = thread->cpu;

    test_frame_and_return();
    test_masks_and_order();
    test_faults();
    test_altstack();
    CHECK(dies_of(frame_off_alt_stack) == SIGSEGV, "a frame off the alternate stack's end: SIGSEGV");
    CHECK(dies_of(frame_unwritable) == SIGSEGV, "a frame that cannot be written: SIGSEGV");
    CHECK(dies_of(sigreturn_bad_frame) == SIGSEGV, "sigreturn with no frame: SIGSEGV");

    thread_free(thread);
    mmu_destroy(&proc.mmu);
    return t_done("test_signal");
}
