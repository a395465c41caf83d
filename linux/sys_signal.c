/* Signals: the guest's dispositions, mask and alternate stack; signals the
 * guest sends itself (default action, ignored, pending while blocked, or
 * delivered to its handler once the syscall returns); faults delivered to
 * handlers; rt_sigreturn. A signal to another process is sent by the host;
 * signals that reach rvdbt from outside are not delivered to handlers yet. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sig.h"
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
/* Linux takes these first when several are pending (SYNCHRONOUS_MASK). */
#define SIG_SYNCHRONOUS (SIG_BIT(RV_SIGSEGV) | SIG_BIT(RV_SIGBUS) | SIG_BIT(RV_SIGILL) | \
                         SIG_BIT(RV_SIGTRAP) | SIG_BIT(RV_SIGFPE) | SIG_BIT(RV_SIGSYS))

/* Per guest thread, and there is one thread so far. A pending signal keeps
 * the siginfo it was sent with (one per signal: none is queued twice). */
static _Thread_local uint64_t sig_pending;
static _Thread_local struct rv_siginfo sig_pending_info[RV_NSIG + 1];

/* The alternate stack as Linux keeps it (sas_ss_sp/size/flags): size 0 when
 * disabled; flags as sigaltstack last set them (it is what uc_stack saves). */
static _Thread_local struct rv_stack sig_alt = { .ss_flags = RV_SS_DISABLE };

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

static bool sig_handled(const struct rv_proc *p, int sig)
{
    uint64_t h = p->sigact[sig].handler;
    return h != RV_SIG_DFL && h != RV_SIG_IGN;
}

/* The default action of sig, or nothing if it is ignored. */
static void sig_default_action(struct rv_cpu *c, int sig)
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

/* Linux's on_sig_stack: a stack that disarms itself on use never counts, so
 * a handler on it may take it afresh. */
static bool on_altstack(uint64_t sp)
{
    if (sig_alt.ss_flags & (int32_t)RV_SS_AUTODISARM)
        return false;
    return sp > sig_alt.ss_sp && sp - sig_alt.ss_sp <= sig_alt.ss_size;
}

/* Linux's sas_ss_flags: 0 means a handler asking for the stack gets it. */
static int32_t altstack_state(uint64_t sp)
{
    return !sig_alt.ss_size ? RV_SS_DISABLE : on_altstack(sp) ? RV_SS_ONSTACK : 0;
}

static void altstack_reset(void)
{
    sig_alt = (struct rv_stack){ .ss_flags = RV_SS_DISABLE };
}

/* sigaltstack's change (Linux's do_sigaltstack), also made by rt_sigreturn
 * from uc_stack. */
static int altstack_set(const struct rv_stack *ss, uint64_t sp)
{
    int32_t mode = ss->ss_flags & ~(int32_t)RV_SS_AUTODISARM;
    if (on_altstack(sp))
        return -EPERM;
    if (mode != 0 && mode != RV_SS_DISABLE && mode != RV_SS_ONSTACK)
        return -EINVAL;
    if (mode == RV_SS_DISABLE) {
        sig_alt = (struct rv_stack){ .ss_flags = ss->ss_flags };
        return 0;
    }
    if (ss->ss_size < RV_MINSIGSTKSZ)
        return -ENOMEM;
    sig_alt = (struct rv_stack){ .ss_sp = ss->ss_sp, .ss_size = ss->ss_size, .ss_flags = ss->ss_flags };
    return 0;
}

/* Run the handler of sig next (Linux's handle_signal): its frame on the
 * alternate stack if it asks for it and we are not on it already, the mask
 * widened for the handler's run, a one-shot handler reset. */
static void sig_deliver(struct rv_cpu *c, int sig, const struct rv_siginfo *info)
{
    struct rv_sigaction_rec *act = &c->proc->sigact[sig];
    uint64_t handler = act->handler, sp = c->x[2];
    struct rv_stack uc_stack = sig_alt;

    /* A frame that would run off the bottom of the alternate stack is the
     * kernel's "always-bogus address": the process dies of SIGSEGV. */
    if (on_altstack(sp) && !on_altstack(sp - sizeof(struct rv_rt_sigframe)))
        sys_die_by_signal(c, RV_SIGSEGV, c->pc, sp);
    if ((act->flags & RV_SA_ONSTACK) && altstack_state(sp) == 0) {
        sp = sig_alt.ss_sp + sig_alt.ss_size;
        if (sig_alt.ss_flags & (int32_t)RV_SS_AUTODISARM)
            altstack_reset();
    }
    if (!sig_frame_push(c, sp, handler, info, c->proc->sigmask, &uc_stack))
        sys_die_by_signal(c, RV_SIGSEGV, c->pc, sp);

    uint64_t mask = c->proc->sigmask | act->mask;
    if (!(act->flags & RV_SA_NODEFER))
        mask |= SIG_BIT(sig);
    c->proc->sigmask = mask & ~SIG_UNBLOCKABLE;
    if (act->flags & RV_SA_RESETHAND)
        act->handler = RV_SIG_DFL;
}

static uint64_t sig_handled_set(const struct rv_proc *p)
{
    uint64_t set = 0;
    for (int sig = 1; sig <= RV_NSIG; sig++)
        if (sig_handled(p, sig))
            set |= SIG_BIT(sig);
    return set;
}

/* The pending signals the mask lets through, synchronous ones first, then by
 * number. Default actions and ignoring happen at once; a handler runs only
 * if deliver (the guest is between instructions), else the signal waits for
 * sig_deliver_pending after the syscall. */
static void sig_take_pending(struct rv_cpu *c, bool deliver)
{
    uint64_t waiting = deliver ? 0 : sig_handled_set(c->proc);
    uint64_t ready;
    while ((ready = sig_pending & ~c->proc->sigmask & ~waiting)) {
        uint64_t sync = ready & SIG_SYNCHRONOUS;
        int sig = __builtin_ctzll(sync ? sync : ready) + 1;
        sig_pending &= ~SIG_BIT(sig);
        if (sig_handled(c->proc, sig))
            sig_deliver(c, sig, &sig_pending_info[sig]);
        else
            sig_default_action(c, sig);
    }
}

void sig_deliver_pending(struct rv_cpu *c)
{
    if (sig_pending & ~c->proc->sigmask)
        sig_take_pending(c, true);
}

static int sig_fault_code(struct rv_cpu *c, int sig, uint64_t addr)
{
    switch (sig) {
    case RV_SIGSEGV: {
        /* Mapped without the permission, or not mapped at all. */
        struct mmu *m = sys_mmu(c);
        pthread_rwlock_rdlock(&m->lock);
        bool mapped = addr < MMU_GUEST_SIZE && mmu_lookup(m, addr);
        pthread_rwlock_unlock(&m->lock);
        return mapped ? RV_SEGV_ACCERR : RV_SEGV_MAPERR;
    }
    case RV_SIGBUS:  /* a misaligned atomic, or a file mapping read past its end */
        return c->fault_bus_adrerr ? RV_BUS_ADRERR : RV_BUS_ADRALN;
    case RV_SIGILL:  return RV_ILL_ILLOPC;
    default:         return RV_TRAP_BRKPT;
    }
}

bool sig_fault(struct rv_cpu *c, int sig, uint64_t addr)
{
    if (!sig_handled(c->proc, sig) || (c->proc->sigmask & SIG_BIT(sig)))
        return false;
    struct rv_siginfo info = { .si_signo = sig, .si_code = sig_fault_code(c, sig, addr), .u.addr = addr };
    sig_deliver(c, sig, &info);
    return true;
}

/* sig sent to ourselves by kill (SI_USER) or tkill/tgkill (SI_TKILL). */
static int64_t sig_self(struct rv_cpu *c, int sig, int code)
{
    if (sig == 0)
        return 0;
    if (sig < 1 || sig > RV_NSIG)
        return -EINVAL;
    /* Blocked signals wait even when ignored: the disposition may change
     * before they are unblocked. A handler waits for the syscall's return. */
    bool blocked = c->proc->sigmask & SIG_BIT(sig) & ~SIG_UNBLOCKABLE;
    if (!blocked && !sig_handled(c->proc, sig)) {
        sig_default_action(c, sig);
        return 0;
    }
    if (!(sig_pending & SIG_BIT(sig))) {
        sig_pending |= SIG_BIT(sig);
        sig_pending_info[sig] = (struct rv_siginfo){
            .si_signo = sig, .si_code = code,
            .u.kill = { .pid = getpid(), .uid = getuid() },
        };
    }
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
        return sig_self(c, (int)a[1], RV_SI_USER);
    return sys_ret(kill(pid, (int)a[1]));
}

int64_t sys_tkill(struct rv_cpu *c, const uint64_t *a)
{
    if ((int64_t)(pid_t)a[0] == own_tid(c))
        return sig_self(c, (int)a[1], RV_SI_TKILL);
    return sys_ret(syscall(SYS_tkill, (pid_t)a[0], (int)a[1]));
}

int64_t sys_tgkill(struct rv_cpu *c, const uint64_t *a)
{
    if ((pid_t)a[0] == getpid() && (int64_t)(pid_t)a[1] == own_tid(c))
        return sig_self(c, (int)a[2], RV_SI_TKILL);
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
    if (a[1] && act.handler != RV_SIG_DFL && act.handler != RV_SIG_IGN) {
        int err = sig_frame_trampoline(c->proc);
        if (err)
            return err;
    }
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
    sig_take_pending(c, false);
    return 0;
}

int64_t sys_rt_sigpending(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t set = sig_pending & c->proc->sigmask;
    if (a[1] > RV_SIGSET_SIZE)
        return -EINVAL;
    return mmu_write(sys_mmu(c), a[0], &set, a[1]) ? -EFAULT : 0;
}

/* The return from a handler: the guest's state as the frame now holds it.
 * The result is the restored a0, so the syscall's own return leaves it. */
int64_t sys_rt_sigreturn(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t mask;
    struct rv_stack uc_stack;
    (void)a;
    if (!sig_frame_pop(c, &mask, &uc_stack))
        sys_die_by_signal(c, RV_SIGSEGV, c->pc, c->x[2]);
    c->proc->sigmask = mask & ~SIG_UNBLOCKABLE;
    /* As in Linux, a uc_stack that cannot be set (we are on the alternate
     * stack still, say) is no error. */
    altstack_set(&uc_stack, c->x[2]);
    sig_take_pending(c, false);
    return (int64_t)c->x[10];
}

int64_t sys_sigaltstack(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_stack ss, old = sig_alt;
    old.ss_flags = altstack_state(c->x[2]) | (sig_alt.ss_flags & (int32_t)RV_SS_AUTODISARM);
    if (a[0]) {
        if (mmu_read(sys_mmu(c), &ss, a[0], sizeof ss))
            return -EFAULT;
        int err = altstack_set(&ss, c->x[2]);
        if (err)
            return err;
    }
    if (a[1] && mmu_write(sys_mmu(c), a[1], &old, sizeof old))
        return -EFAULT;
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
