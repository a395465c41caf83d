/* Signals: the guest's dispositions (the process's), masks, pending sets and
 * alternate stacks (each thread's, struct rv_thread); faults delivered to
 * handlers; rt_sigreturn, rt_sigsuspend, rt_sigtimedwait.
 *
 * Every signal the guest can receive reaches rvdbt as a host signal: kill,
 * tgkill, timers, SIGCHLD and SIGPIPE from the host kernel, and the guest's
 * own kill/tgkill, which pass straight to the host (guest pids and tids are
 * the host's). The host disposition follows the guest's: ignored where the
 * guest ignores (so the kernel discards it and no syscall is interrupted),
 * the kernel's default for the default actions that ignore or stop, and
 * otherwise host_signal, which records the signal in the receiving thread's
 * pending set and asks it out of translated code. Each host thread's mask
 * mirrors its guest thread's, so the host kernel picks which thread gets a
 * process-wide signal and keeps blocked ones pending, as Linux does for the
 * guest. The thread acts on its pending set between guest instructions:
 * after a syscall, or at the next block entry. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sig.h"
#include "linux/sys_impl.h"
#include "linux/thread.h"
#include "translator/tr_exec.h"

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
static bool on_altstack(const struct rv_thread *t, uint64_t sp)
{
    if (t->altstack.ss_flags & (int32_t)RV_SS_AUTODISARM)
        return false;
    return sp > t->altstack.ss_sp && sp - t->altstack.ss_sp <= t->altstack.ss_size;
}

/* Linux's sas_ss_flags: 0 means a handler asking for the stack gets it. */
static int32_t altstack_state(const struct rv_thread *t, uint64_t sp)
{
    return !t->altstack.ss_size ? RV_SS_DISABLE : on_altstack(t, sp) ? RV_SS_ONSTACK : 0;
}

/* sigaltstack's change (Linux's do_sigaltstack), also made by rt_sigreturn
 * from uc_stack. */
static int altstack_set(struct rv_thread *t, const struct rv_stack *ss, uint64_t sp)
{
    int32_t mode = ss->ss_flags & ~(int32_t)RV_SS_AUTODISARM;
    if (on_altstack(t, sp))
        return -EPERM;
    if (mode != 0 && mode != RV_SS_DISABLE && mode != RV_SS_ONSTACK)
        return -EINVAL;
    if (mode == RV_SS_DISABLE) {
        t->altstack = (struct rv_stack){ .ss_flags = ss->ss_flags };
        return 0;
    }
    if (ss->ss_size < RV_MINSIGSTKSZ)
        return -ENOMEM;
    t->altstack = (struct rv_stack){ .ss_sp = ss->ss_sp, .ss_size = ss->ss_size, .ss_flags = ss->ss_flags };
    return 0;
}

/* Signals the host must never block: rvdbt's own faults arrive as these. */
#define SIG_HOST_KEPT (SIG_SYNCHRONOUS | SIG_UNBLOCKABLE)

/* rvdbt talks to the host kernel's signal calls directly: the host C
 * library hides signals 32 and 33 (its own SIGCANCEL and SIGSETXID) from
 * sigaction, sigprocmask and sigaddset, and a guest uses them (its own C
 * library's same two, and SIGEV_THREAD timers). rvdbt itself needs neither:
 * no thread of its is cancelled, and its set*id calls are per thread. The
 * kernel's sigset is 8 bytes, the first word of the C library's sigset_t. */
struct host_ksigaction {
    void *handler;
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};
#define HOST_SA_RESTORER 0x04000000ul
extern void sig_host_restorer(void);

void sig_host_set(uint64_t guest_mask, sigset_t *set)
{
    uint64_t k = guest_mask & ~SIG_HOST_KEPT;
    memset(set, 0, sizeof *set);
    memcpy(set, &k, sizeof k);
}

uint64_t sig_host_mask_set(uint64_t mask)
{
    uint64_t old = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, &old, sizeof mask);
    return old;
}

void sig_host_mask_sync(struct rv_thread *t)
{
    sig_host_mask_set(t->sigmask & ~SIG_HOST_KEPT);
}

static void set_mask(struct rv_thread *t, uint64_t mask)
{
    t->sigmask = mask & ~SIG_UNBLOCKABLE;
    sig_host_mask_sync(t);
}

static void sig_mirror(int sig, uint64_t handler);

/* Run the handler of sig next (Linux's handle_signal): its frame on the
 * alternate stack if it asks for it and we are not on it already, the mask
 * widened for the handler's run, a one-shot handler reset. */
static void sig_deliver(struct rv_cpu *c, int sig, const struct rv_siginfo *info)
{
    struct rv_thread *t = thread_of(c);
    struct rv_sigaction_rec *act = &c->proc->sigact[sig];
    uint64_t handler = act->handler, sp = c->x[2];
    struct rv_stack uc_stack = t->altstack;
    uint64_t frame_mask = t->restore_mask ? t->saved_mask : t->sigmask;

    /* A frame that would run off the bottom of the alternate stack is the
     * kernel's "always-bogus address": the process dies of SIGSEGV. */
    if (on_altstack(t, sp) && !on_altstack(t, sp - sizeof(struct rv_rt_sigframe)))
        sys_die_by_signal(c, RV_SIGSEGV, c->pc, sp);
    if ((act->flags & RV_SA_ONSTACK) && altstack_state(t, sp) == 0) {
        sp = t->altstack.ss_sp + t->altstack.ss_size;
        if (t->altstack.ss_flags & (int32_t)RV_SS_AUTODISARM)
            t->altstack = (struct rv_stack){ .ss_flags = RV_SS_DISABLE };
    }
    if (!sig_frame_push(c, sp, handler, info, frame_mask, &uc_stack))
        sys_die_by_signal(c, RV_SIGSEGV, c->pc, sp);
    c->cnt.signals++;

    uint64_t mask = t->sigmask | act->mask;
    if (!(act->flags & RV_SA_NODEFER))
        mask |= SIG_BIT(sig);
    t->restore_mask = false;
    set_mask(t, mask);
    if (act->flags & RV_SA_RESETHAND) {
        act->handler = RV_SIG_DFL;
        sig_mirror(sig, RV_SIG_DFL);
    }
}

/* The guest thread this host thread runs, for host_signal. */
static __thread struct rv_thread *host_self;

/* Record an arrival (async-signal-safe: atomics and plain stores only). One
 * instance of each signal is kept, as for Linux's non-real-time signals. */
static void record(struct rv_thread *t, int sig, const siginfo_t *si)
{
    uint64_t bit = SIG_BIT(sig);
    if (!(__atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & bit)) {
        memcpy(&t->pending_info[sig], si, sizeof t->pending_info[sig]);
        t->pending_info[sig].si_signo = sig;
        __atomic_or_fetch(&t->pending, bit, __ATOMIC_RELEASE);
    }
    tr_exec_kick(t->cpu);
}

extern const char sys_safe_syscall_start[], sys_safe_syscall_end[], sys_safe_syscall_eintr[];

void sig_host_signal(int sig, siginfo_t *si, void *uc_)
{
    struct rv_thread *t = host_self;
    if (!t || sig < 1 || sig > RV_NSIG)
        return;
    record(t, sig, si);
    ucontext_t *uc = uc_;
    /* One instance at a time: until this one is delivered the host keeps
     * sig blocked (the mask the handler returns to), so further instances
     * (a real-time signal sent five times) wait queued in the host kernel,
     * in order, and the next resync of the mask lets the next one in. */
    if (!(SIG_BIT(sig) & SIG_HOST_KEPT))
        ((uint64_t *)&uc->uc_sigmask)[0] |= SIG_BIT(sig);
    /* Between sys_safe_syscall's check and its syscall: it must not block. */
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (rip >= (uintptr_t)sys_safe_syscall_start && rip < (uintptr_t)sys_safe_syscall_end)
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)sys_safe_syscall_eintr;
}

_Static_assert(sizeof(siginfo_t) == sizeof(struct rv_siginfo), "host and guest siginfo agree");

void sig_thread_start(struct rv_thread *t)
{
    host_self = t;
}

/* Host signals whose handler is rvdbt's own: besides the synchronous ones,
 * those sig_host_own names. */
static uint64_t host_owned = SIG_SYNCHRONOUS;

void sig_host_own(int sig)
{
    host_owned |= SIG_BIT(sig);
}

/* The host disposition for the guest's (see the top of this file). */
static void sig_mirror(int sig, uint64_t handler)
{
    if (sig == RV_SIGKILL || sig == RV_SIGSTOP || (SIG_BIT(sig) & host_owned))
        return;     /* rvdbt's own handler routes the guest's instances to sig_host_signal */
    struct host_ksigaction k = { .handler = (void *)sig_host_signal, .flags = SA_SIGINFO | HOST_SA_RESTORER,
                                 .restorer = sig_host_restorer, .mask = ~0ull };
    if (handler == RV_SIG_IGN)
        k.handler = (void *)SIG_IGN;
    else if (handler == RV_SIG_DFL && sig_default(sig) != DFL_TERM)
        k.handler = (void *)SIG_DFL;
    syscall(SYS_rt_sigaction, sig, &k, NULL, sizeof k.mask);
}

void sig_init(struct rv_proc *p)
{
    pthread_mutex_init(&p->sig_lock, NULL);
    for (int sig = 1; sig <= RV_NSIG; sig++) {
        struct host_ksigaction old;
        /* Ignored signals stay ignored across exec, as on Linux. */
        if (sig != RV_SIGKILL && sig != RV_SIGSTOP && !(SIG_BIT(sig) & SIG_SYNCHRONOUS) &&
            syscall(SYS_rt_sigaction, sig, NULL, &old, sizeof old.mask) == 0 &&
            old.handler == (void *)SIG_IGN)
            p->sigact[sig].handler = RV_SIG_IGN;
        sig_mirror(sig, p->sigact[sig].handler);
    }
}

bool sig_deliverable(struct rv_cpu *c)
{
    struct rv_thread *t = thread_of(c);
    return (__atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & ~t->sigmask) != 0;
}

/* The pending signals the mask lets through, synchronous ones first, then by
 * number: a handler's frame, or the default action. */
void sig_deliver_pending(struct rv_cpu *c)
{
    struct rv_thread *t = thread_of(c);
    uint64_t ready, took = 0;
    while ((ready = __atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & ~t->sigmask)) {
        uint64_t sync = ready & SIG_SYNCHRONOUS;
        int sig = __builtin_ctzll(sync ? sync : ready) + 1;
        struct rv_siginfo info = t->pending_info[sig];
        __atomic_and_fetch(&t->pending, ~SIG_BIT(sig), __ATOMIC_ACQ_REL);
        took |= SIG_BIT(sig);
        if (sig_handled(c->proc, sig))
            sig_deliver(c, sig, &info);
        else
            sig_default_action(c, sig);
    }
    if (t->restore_mask) {
        t->restore_mask = false;
        set_mask(t, t->saved_mask);
    } else if (took) {
        sig_host_mask_sync(t);  /* what host_signal kept blocked comes in again */
    }
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
    if (!sig_handled(c->proc, sig) || (thread_of(c)->sigmask & SIG_BIT(sig)))
        return false;
    struct rv_siginfo info = { .si_signo = sig, .si_code = sig_fault_code(c, sig, addr), .u.addr = addr };
    sig_deliver(c, sig, &info);
    return true;
}

int64_t sys_kill(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(kill((pid_t)a[0], (int)a[1]));
}

int64_t sys_tkill(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(syscall(SYS_tkill, (pid_t)a[0], (int)a[1]));
}

int64_t sys_tgkill(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]));
}

/* The siginfo passes as it is (same layout); the kernel checks what a
 * sender may put in it. */
int64_t sys_rt_sigqueueinfo(struct rv_cpu *c, const uint64_t *a)
{
    siginfo_t si;
    if (mmu_read(sys_mmu(c), &si, a[2], sizeof si))
        return -EFAULT;
    return sys_ret(syscall(SYS_rt_sigqueueinfo, (pid_t)a[0], (int)a[1], &si));
}

int64_t sys_rt_tgsigqueueinfo(struct rv_cpu *c, const uint64_t *a)
{
    siginfo_t si;
    if (mmu_read(sys_mmu(c), &si, a[3], sizeof si))
        return -EFAULT;
    return sys_ret(syscall(SYS_rt_tgsigqueueinfo, (pid_t)a[0], (pid_t)a[1], (int)a[2], &si));
}

int64_t sys_rt_sigaction(struct rv_cpu *c, const uint64_t *a)
{
    int sig = (int)a[0];
    struct rv_sigaction act, old;
    /* Linux reads the new action before it looks at the signal number */
    if (a[3] != RV_SIGSET_SIZE)
        return -EINVAL;
    if (a[1] && mmu_read(sys_mmu(c), &act, a[1], sizeof act))
        return -EFAULT;
    if (sig < 1 || sig > RV_NSIG || (a[1] && (sig == RV_SIGKILL || sig == RV_SIGSTOP)))
        return -EINVAL;
    if (a[1] && act.handler != RV_SIG_DFL && act.handler != RV_SIG_IGN) {
        int err = sig_frame_trampoline(c->proc);
        if (err)
            return err;
    }
    pthread_mutex_lock(&c->proc->sig_lock);
    struct rv_sigaction_rec *rec = &c->proc->sigact[sig];
    old = (struct rv_sigaction){ .handler = rec->handler, .flags = rec->flags, .mask = rec->mask };
    if (a[1]) {
        rec->handler = act.handler;
        rec->flags = act.flags;
        rec->mask = act.mask & ~SIG_UNBLOCKABLE;
        if (sig_ignored(c->proc, sig))
            __atomic_and_fetch(&thread_of(c)->pending, ~SIG_BIT(sig), __ATOMIC_ACQ_REL);
        sig_mirror(sig, act.handler);
    }
    pthread_mutex_unlock(&c->proc->sig_lock);
    if (a[2] && mmu_write(sys_mmu(c), a[2], &old, sizeof old))
        return -EFAULT;
    return 0;
}

int64_t sys_rt_sigprocmask(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    uint64_t old = t->sigmask, set, mask = old;
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
    set_mask(t, mask);
    return 0;
}

/* Blocked signals wait either in the host kernel (they arrived blocked) or
 * in our pending set (they arrived before the guest blocked them). */
static uint64_t pending_set(struct rv_thread *t)
{
    uint64_t host = 0;
    syscall(SYS_rt_sigpending, &host, sizeof host);
    return __atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) | host;
}

int64_t sys_rt_sigpending(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    uint64_t set = pending_set(t) & t->sigmask;
    if (a[1] > RV_SIGSET_SIZE)
        return -EINVAL;
    return mmu_write(sys_mmu(c), a[0], &set, a[1]) ? -EFAULT : 0;
}

/* The return from a handler: the guest's state as the frame now holds it.
 * The result is the restored a0, so the syscall's own return leaves it. */
int64_t sys_rt_sigreturn(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    uint64_t mask;
    struct rv_stack uc_stack;
    (void)a;
    if (!sig_frame_pop(c, &mask, &uc_stack))
        sys_die_by_signal(c, RV_SIGSEGV, c->pc, c->x[2]);
    set_mask(t, mask);
    /* As in Linux, a uc_stack that cannot be set (we are on the alternate
     * stack still, say) is no error. */
    altstack_set(t, &uc_stack, c->x[2]);
    return (int64_t)c->x[10];
}

int64_t sys_sigaltstack(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    struct rv_stack ss, old = t->altstack;
    old.ss_flags = altstack_state(t, c->x[2]) | (t->altstack.ss_flags & (int32_t)RV_SS_AUTODISARM);
    if (a[0]) {
        if (mmu_read(sys_mmu(c), &ss, a[0], sizeof ss))
            return -EFAULT;
        int err = altstack_set(t, &ss, c->x[2]);
        if (err)
            return err;
    }
    if (a[1] && mmu_write(sys_mmu(c), a[1], &old, sizeof old))
        return -EFAULT;
    return 0;
}

int sig_wait_masked(struct rv_cpu *c, uint64_t mask, sigset_t *host_mask)
{
    struct rv_thread *t = thread_of(c);
    /* Nothing may arrive between the look at the pending set and the wait:
     * everything is blocked until the host call swaps in the wait's mask. */
    sig_host_mask_set(~SIG_HOST_KEPT);
    t->saved_mask = t->sigmask;
    t->restore_mask = true;
    t->sigmask = mask & ~SIG_UNBLOCKABLE;
    sig_host_set(t->sigmask, host_mask);
    return (__atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & ~t->sigmask) ? -EINTR : 0;
}

void sig_wait_done(struct rv_cpu *c)
{
    /* The wait's mask stays until the signals it let through are delivered
     * (sig_deliver_pending puts saved_mask back), as on Linux. */
    sig_host_mask_sync(thread_of(c));
}

int64_t sys_rt_sigsuspend(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t mask;
    sigset_t host;
    if (a[1] != RV_SIGSET_SIZE)
        return -EINVAL;
    if (mmu_read(sys_mmu(c), &mask, a[0], sizeof mask))
        return -EFAULT;
    /* Woken only by a signal for the guest: rvdbt's own (the profiler's
     * SIGPROF samples) leave it waiting. The host mask blocks everything
     * again whenever sigsuspend returns, so the look at pending races with
     * nothing. */
    if (sig_wait_masked(c, mask, &host) == 0)
        do
            sigsuspend(&host);
        while (!sig_deliverable(c));
    sig_wait_done(c);
    return -EINTR;
}

/* Dequeue one signal of set: ours first (it arrived unblocked), else the
 * host kernel's. */
int64_t sys_rt_sigtimedwait(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    uint64_t set;
    struct timespec ts;
    struct rv_siginfo info;
    if (a[3] != RV_SIGSET_SIZE)
        return -EINVAL;
    if (mmu_read(sys_mmu(c), &set, a[0], sizeof set))
        return -EFAULT;
    if (a[2]) {
        int err = sys_get_timespec(c, a[2], &ts);
        if (err)
            return err;
    }
    set &= ~SIG_UNBLOCKABLE;
    int sig = 0;
    uint64_t mine = __atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & set;
    if (mine) {
        sig = __builtin_ctzll(mine) + 1;
        info = t->pending_info[sig];
        __atomic_and_fetch(&t->pending, ~SIG_BIT(sig), __ATOMIC_ACQ_REL);
    } else {
        sigset_t host;
        siginfo_t hi;
        sig_host_set(set, &host);
        /* The kernel's sigset is the first 8 bytes of the host's. */
        sig = (int)SYS_SAFE(c, SYS_rt_sigtimedwait, &host, &hi, a[2] ? &ts : NULL, 8, 0, 0);
        if (sig < 0)
            return sig;
        memcpy(&info, &hi, sizeof info);
    }
    if (a[1] && mmu_write(sys_mmu(c), a[1], &info, sizeof info))
        return -EFAULT;
    return sig;
}

/* Syscalls a handler interrupts with EINTR whatever its SA_RESTART says
 * (Linux's -ERESTARTNOHAND and -ERESTART_RESTARTBLOCK ones, and those that
 * time out). */
static bool never_restarts(uint64_t nr, const uint64_t *a)
{
    switch (nr) {
    case 22: case 72: case 73: case 101: case 115: case 133: case 137: case 441:
        return true;   /* epoll_pwait, pselect6, ppoll, nanosleep, clock_nanosleep,
                          rt_sigsuspend, rt_sigtimedwait, epoll_pwait2 */
    case 98:           /* futex waits with a timeout */
        return a[3] != 0 && ((a[1] & 127) == RV_FUTEX_WAIT || (a[1] & 127) == RV_FUTEX_WAIT_BITSET);
    default:
        return false;
    }
}

enum sig_eintr sig_after_eintr(struct rv_cpu *c, uint64_t nr, const uint64_t *a)
{
    struct rv_thread *t = thread_of(c);
    uint64_t ready = __atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & ~t->sigmask;
    if (!ready)
        return nr == 133 ? SIG_EINTR_KEEP : SIG_EINTR_RESTART_NOW;
    if (never_restarts(nr, a))
        return SIG_EINTR_KEEP;
    for (int sig = 1; sig <= RV_NSIG; sig++)
        if ((ready & SIG_BIT(sig)) && sig_handled(c->proc, sig) &&
            !(c->proc->sigact[sig].flags & RV_SA_RESTART))
            return SIG_EINTR_KEEP;
    return SIG_EINTR_RESTART_AFTER;
}

_Noreturn void sys_die_by_signal(struct rv_cpu *c, int sig, uint64_t pc, uint64_t addr)
{
    const char *name = sys_signame(sig);
    fprintf(stderr, "rvdbt: guest terminated by signal %d (%s) at pc 0x%llx", sig,
            name ? name : "?", (unsigned long long)pc);
    if (sig == RV_SIGSEGV || sig == RV_SIGBUS)
        fprintf(stderr, ", fault address 0x%llx", (unsigned long long)addr);
    fputc('\n', stderr);
    if (c->proc->report.end)
        c->proc->report.end(c->proc, RV_END_SIGNAL, sig);
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
