/* Signals, as far as they go without delivery to guest handlers: the guest's
 * dispositions, mask and alternate stack are recorded; a signal the guest
 * sends itself takes its default action (or is ignored, or waits while
 * blocked); a signal to another process is sent by the host. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys_impl.h"

_Static_assert(SIGHUP == RV_SIGHUP && SIGINT == RV_SIGINT && SIGQUIT == RV_SIGQUIT &&
               SIGILL == RV_SIGILL && SIGTRAP == RV_SIGTRAP && SIGABRT == RV_SIGABRT &&
               SIGBUS == RV_SIGBUS && SIGFPE == RV_SIGFPE && SIGKILL == RV_SIGKILL &&
               SIGUSR1 == RV_SIGUSR1 && SIGSEGV == RV_SIGSEGV && SIGUSR2 == RV_SIGUSR2 &&
               SIGPIPE == RV_SIGPIPE && SIGALRM == RV_SIGALRM && SIGTERM == RV_SIGTERM &&
               SIGSTKFLT == RV_SIGSTKFLT && SIGCHLD == RV_SIGCHLD && SIGCONT == RV_SIGCONT &&
               SIGSTOP == RV_SIGSTOP && SIGTSTP == RV_SIGTSTP && SIGTTIN == RV_SIGTTIN &&
               SIGTTOU == RV_SIGTTOU && SIGURG == RV_SIGURG && SIGXCPU == RV_SIGXCPU &&
               SIGXFSZ == RV_SIGXFSZ && SIGVTALRM == RV_SIGVTALRM && SIGPROF == RV_SIGPROF &&
               SIGWINCH == RV_SIGWINCH && SIGIO == RV_SIGIO && SIGPWR == RV_SIGPWR &&
               SIGSYS == RV_SIGSYS, "signal numbers are the same, so kill passes them through");

#define SIG_BIT(sig) (1ull << ((sig) - 1))
#define SIG_UNBLOCKABLE (SIG_BIT(RV_SIGKILL) | SIG_BIT(RV_SIGSTOP))

/* Per guest thread, and there is one thread so far. */
static _Thread_local uint64_t sig_pending;
static _Thread_local struct rv_stack sig_altstack = { .ss_flags = RV_SS_DISABLE };

static const char *const sig_names[32] = {
    [RV_SIGHUP] = "SIGHUP", [RV_SIGINT] = "SIGINT", [RV_SIGQUIT] = "SIGQUIT",
    [RV_SIGILL] = "SIGILL", [RV_SIGTRAP] = "SIGTRAP", [RV_SIGABRT] = "SIGABRT",
    [RV_SIGBUS] = "SIGBUS", [RV_SIGFPE] = "SIGFPE", [RV_SIGKILL] = "SIGKILL",
    [RV_SIGUSR1] = "SIGUSR1", [RV_SIGSEGV] = "SIGSEGV", [RV_SIGUSR2] = "SIGUSR2",
    [RV_SIGPIPE] = "SIGPIPE", [RV_SIGALRM] = "SIGALRM", [RV_SIGTERM] = "SIGTERM",
    [RV_SIGSTKFLT] = "SIGSTKFLT", [RV_SIGCHLD] = "SIGCHLD", [RV_SIGCONT] = "SIGCONT",
    [RV_SIGSTOP] = "SIGSTOP", [RV_SIGTSTP] = "SIGTSTP", [RV_SIGTTIN] = "SIGTTIN",
    [RV_SIGTTOU] = "SIGTTOU", [RV_SIGURG] = "SIGURG", [RV_SIGXCPU] = "SIGXCPU",
    [RV_SIGXFSZ] = "SIGXFSZ", [RV_SIGVTALRM] = "SIGVTALRM", [RV_SIGPROF] = "SIGPROF",
    [RV_SIGWINCH] = "SIGWINCH", [RV_SIGIO] = "SIGIO", [RV_SIGPWR] = "SIGPWR",
    [RV_SIGSYS] = "SIGSYS",
};

const char *sys_signame(int sig)
{
    static _Thread_local char rt[16];
    if (sig >= 1 && sig < RV_SIGRTMIN)
        return sig_names[sig];
    if (sig == RV_SIGRTMIN)
        return "SIGRTMIN";
    if (sig > RV_SIGRTMIN && sig <= RV_NSIG) {
        snprintf(rt, sizeof rt, "SIGRTMIN+%d", sig - RV_SIGRTMIN);
        return rt;
    }
    return NULL;
}

enum sig_default { DFL_TERM, DFL_IGN, DFL_STOP };

static enum sig_default sig_default(int sig)
{
    switch (sig) {
    case RV_SIGCHLD: case RV_SIGCONT: case RV_SIGURG: case RV_SIGWINCH:
        return DFL_IGN;
    case RV_SIGSTOP: case RV_SIGTSTP: case RV_SIGTTIN: case RV_SIGTTOU:
        return DFL_STOP;
    default:
        return DFL_TERM;
    }
}

static bool sig_ignored(const struct rv_proc *p, int sig)
{
    uint64_t h = p->sigact[sig].handler;
    return h == RV_SIG_IGN || (h == RV_SIG_DFL && sig_default(sig) == DFL_IGN);
}

/* sig arrives, unblocked. A guest handler cannot run yet, so such a signal is
 * dropped; that is the one gap until delivery exists. */
static void sig_take(struct rv_cpu *c, int sig)
{
    if (sig != RV_SIGKILL && c->proc->sigact[sig].handler != RV_SIG_DFL)
        return;
    switch (sig_default(sig)) {
    case DFL_TERM:
        sys_die_by_signal(c, sig, c->pc, 0);
    case DFL_STOP:
        kill(getpid(), sig);    /* stop for real; SIGCONT resumes us */
        return;
    case DFL_IGN:
        return;
    }
}

static void sig_take_pending(struct rv_cpu *c)
{
    uint64_t ready = sig_pending & ~c->proc->sigmask;
    for (int sig = 1; ready; sig++, ready >>= 1) {
        if (ready & 1) {
            sig_pending &= ~SIG_BIT(sig);
            sig_take(c, sig);
        }
    }
}

static int64_t sig_self(struct rv_cpu *c, int sig)
{
    if (sig == 0)
        return 0;
    if (sig < 1 || sig > RV_NSIG)
        return -EINVAL;
    /* Blocked signals wait even when ignored: the disposition may change
     * before they are unblocked. */
    if (c->proc->sigmask & SIG_BIT(sig) & ~SIG_UNBLOCKABLE) {
        sig_pending |= SIG_BIT(sig);
        return 0;
    }
    sig_take(c, sig);
    return 0;
}

static int64_t own_tid(const struct rv_cpu *c)
{
    return c->tid ? (int64_t)c->tid : gettid();
}

int64_t sys_kill(struct rv_cpu *c, const uint64_t *a)
{
    pid_t pid = (pid_t)a[0];
    if (pid == getpid())
        return sig_self(c, (int)a[1]);
    return sys_ret(kill(pid, (int)a[1]));
}

int64_t sys_tkill(struct rv_cpu *c, const uint64_t *a)
{
    if ((int64_t)(pid_t)a[0] == own_tid(c))
        return sig_self(c, (int)a[1]);
    return sys_ret(syscall(SYS_tkill, (pid_t)a[0], (int)a[1]));
}

int64_t sys_tgkill(struct rv_cpu *c, const uint64_t *a)
{
    if ((pid_t)a[0] == getpid() && (int64_t)(pid_t)a[1] == own_tid(c))
        return sig_self(c, (int)a[2]);
    return sys_ret(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]));
}

/* The host follows the guest's SIG_IGN (and back to SIG_DFL) for signals
 * rvdbt does not use itself, so that, say, a guest ignoring SIGPIPE sees
 * EPIPE instead of the host dying, and an ignored SIGINT does not kill us.
 * Faults stay rvdbt's; 32 and up include glibc's internal signals. */
static void sig_mirror(int sig, uint64_t handler)
{
    switch (sig) {
    case RV_SIGSEGV: case RV_SIGBUS: case RV_SIGILL: case RV_SIGFPE: case RV_SIGTRAP:
        return;
    }
    if (sig >= RV_SIGRTMIN)
        return;
    struct sigaction sa = { .sa_handler = handler == RV_SIG_IGN ? SIG_IGN : SIG_DFL };
    sigaction(sig, &sa, NULL);
}

int64_t sys_rt_sigaction(struct rv_cpu *c, const uint64_t *a)
{
    int sig = (int)a[0];
    struct rv_sigaction act, old;
    if (a[3] != RV_SIGSET_SIZE || sig < 1 || sig > RV_NSIG)
        return -EINVAL;
    if (a[1] && (sig == RV_SIGKILL || sig == RV_SIGSTOP))
        return -EINVAL;
    if (a[1] && mmu_read(sys_mmu(c), &act, a[1], sizeof act))
        return -EFAULT;
    struct rv_sigaction_rec *rec = &c->proc->sigact[sig];
    old = (struct rv_sigaction){ .handler = rec->handler, .flags = rec->flags, .mask = rec->mask };
    if (a[1]) {
        rec->handler = act.handler;
        rec->flags = act.flags;
        rec->mask = act.mask & ~SIG_UNBLOCKABLE;
        if (sig_ignored(c->proc, sig))
            sig_pending &= ~SIG_BIT(sig);
        sig_mirror(sig, act.handler);
    }
    if (a[2] && mmu_write(sys_mmu(c), a[2], &old, sizeof old))
        return -EFAULT;
    return 0;
}

int64_t sys_rt_sigprocmask(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t old = c->proc->sigmask, set, mask = old;
    if (a[3] != RV_SIGSET_SIZE)
        return -EINVAL;
    if (a[1]) {
        if (mmu_read(sys_mmu(c), &set, a[1], sizeof set))
            return -EFAULT;
        switch ((int)a[0]) {
        case RV_SIG_BLOCK:   mask = old | set; break;
        case RV_SIG_UNBLOCK: mask = old & ~set; break;
        case RV_SIG_SETMASK: mask = set; break;
        default:             return -EINVAL;
        }
    }
    if (a[2] && mmu_write(sys_mmu(c), a[2], &old, sizeof old))
        return -EFAULT;
    c->proc->sigmask = mask & ~SIG_UNBLOCKABLE;
    sig_take_pending(c);
    return 0;
}

int64_t sys_sigaltstack(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_stack ss;
    if (a[0]) {
        if (mmu_read(sys_mmu(c), &ss, a[0], sizeof ss))
            return -EFAULT;
        int mode = ss.ss_flags & ~(int32_t)RV_SS_AUTODISARM;
        if (mode != 0 && mode != RV_SS_DISABLE && mode != RV_SS_ONSTACK)
            return -EINVAL;
        if (mode != RV_SS_DISABLE && ss.ss_size < RV_MINSIGSTKSZ)
            return -ENOMEM;
    }
    if (a[1] && mmu_write(sys_mmu(c), a[1], &sig_altstack, sizeof sig_altstack))
        return -EFAULT;
    if (a[0]) {
        if ((ss.ss_flags & ~(int32_t)RV_SS_AUTODISARM) == RV_SS_DISABLE)
            sig_altstack = (struct rv_stack){ .ss_flags = RV_SS_DISABLE };
        else
            sig_altstack = (struct rv_stack){ .ss_sp = ss.ss_sp, .ss_size = ss.ss_size,
                                              .ss_flags = ss.ss_flags & (int32_t)RV_SS_AUTODISARM };
    }
    return 0;
}

_Noreturn void sys_die_by_signal(struct rv_cpu *c, int sig, uint64_t pc, uint64_t addr)
{
    const char *name = sys_signame(sig);
    (void)c;
    fprintf(stderr, "rvdbt: guest terminated by signal %d (%s) at pc 0x%llx", sig,
            name ? name : "?", (unsigned long long)pc);
    if (sig == RV_SIGSEGV || sig == RV_SIGBUS)
        fprintf(stderr, ", fault address 0x%llx", (unsigned long long)addr);
    fputc('\n', stderr);
    fflush(NULL);

    /* Die of the same signal so the parent sees it, but leave no core file:
     * it would be rvdbt's, not the guest's. */
    struct rlimit none = { 0, 0 };
    setrlimit(RLIMIT_CORE, &none);
    struct sigaction sa = { .sa_handler = SIG_DFL };
    sigaction(sig, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}
