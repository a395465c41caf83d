/* The crash report. It runs in a signal handler, on the thread's own host
 * signal stack, after anything may have gone wrong: it writes with write(2)
 * from stack buffers, allocates nothing, and reads rvdbt's structures
 * without their locks (a report that is a little stale beats none). */
#include <assert.h>
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "linux/crash.h"
#include "linux/sig.h"
#include "linux/start.h"
#include "linux/sys.h"
#include "translator/rv_insn.h"
#include "translator/tr_cache.h"
#include "translator/tr_exec.h"
#include "translator/tr_probe.h"

#define ALTSTACK_SIZE (64u << 10)

static struct rv_proc *crash_proc;
static atomic_int crashing;
static __thread int reporting;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 1)
        n = (int)sizeof line - 1;
    for (int off = 0; off < n;) {
        ssize_t w = write(2, line + off, (size_t)(n - off));
        if (w <= 0 && errno != EINTR)
            return;
        off += w > 0 ? (int)w : 0;
    }
}

/* Where host pc rip is: in a translated block (with the guest pc of the
 * access it is at, if it is at one), in the code cache's trampolines, or
 * in rvdbt or a library. Returns the access, NULL if none. */
static const struct tr_access *say_where(const struct tr_cache *c, uint64_t rip, uint64_t *guest_pc)
{
    uint64_t rx = (uint64_t)(uintptr_t)c->rx;
    if (c->rx && rip >= rx && rip - rx < c->size) {
        const struct tr_block *b = tr_cache_block_at(c, rip);
        if (!b) {
            say("host pc: 0x%llx, in translated code: the code cache's trampolines\n", (unsigned long long)rip);
            return NULL;
        }
        say("host pc: 0x%llx, in translated code: the block of guest 0x%llx (%u instructions, %u bytes),"
            " host 0x%llx+0x%llx\n", (unsigned long long)rip, (unsigned long long)b->pc, b->n_insns,
            b->guest_len, (unsigned long long)b->host, (unsigned long long)(rip - b->host));
        uint64_t pc;
        const struct tr_access *a = tr_cache_access_at(c, rip, &pc);
        if (a && b->host + a->host_off == rip) {
            *guest_pc = pc;
            return a;
        }
        if (a)
            say("guest pc: at or after 0x%llx (the last memory access before the host pc)\n",
                (unsigned long long)pc);
        return NULL;
    }
    Dl_info info;
    if (dladdr((void *)(uintptr_t)rip, &info) && info.dli_fname) {
        uint64_t off = rip - (uint64_t)(uintptr_t)info.dli_fbase;
        say("host pc: 0x%llx, in rvdbt's own code: %s+0x%llx%s%s (addr2line -f -e %s 0x%llx)\n",
            (unsigned long long)rip, info.dli_fname, (unsigned long long)off, info.dli_sname ? ", " : "",
            info.dli_sname ? info.dli_sname : "", info.dli_fname, (unsigned long long)off);
    } else {
        say("host pc: 0x%llx, in no code rvdbt knows\n", (unsigned long long)rip);
    }
    return NULL;
}

static void say_registers(const uint64_t x[32], const uint64_t f[32], const struct rv_cpu *cpu, bool exact)
{
    say("guest registers (%s):\n", exact ? "exact" : "those not in host registers as last written back");
    for (int r = 0; r < 32; r += 4)
        say("  %-4s %016llx  %-4s %016llx  %-4s %016llx  %-4s %016llx\n", rv_xreg_name[r],
            (unsigned long long)(r ? x[r] : 0), rv_xreg_name[r + 1], (unsigned long long)x[r + 1],
            rv_xreg_name[r + 2], (unsigned long long)x[r + 2], rv_xreg_name[r + 3], (unsigned long long)x[r + 3]);
    for (int r = 0; r < 32; r += 4)
        say("  f%-3d %016llx  f%-3d %016llx  f%-3d %016llx  f%-3d %016llx\n", r, (unsigned long long)f[r],
            r + 1, (unsigned long long)f[r + 1], r + 2, (unsigned long long)f[r + 2], r + 3,
            (unsigned long long)f[r + 3]);
    say("  fcsr %08x\n", cpu->fflags | cpu->frm << 5);
}

static void say_syscalls(const struct rv_thread *t)
{
    uint64_t first = t->n_sys > THREAD_RECENT_SYS ? t->n_sys - THREAD_RECENT_SYS : 0;
    if (t->n_sys == 0) {
        say("last syscalls of this thread: none\n");
        return;
    }
    say("last syscalls of this thread (of %llu, oldest first):\n", (unsigned long long)t->n_sys);
    for (uint64_t i = first; i < t->n_sys; i++) {
        const struct thread_sys *s = &t->recent[i % THREAD_RECENT_SYS];
        const char *name = sys_name(s->nr);
        char num[24], ret[32];
        snprintf(num, sizeof num, "syscall_%llu", (unsigned long long)s->nr);
        if (s->done)
            snprintf(ret, sizeof ret, "= %lld", (long long)s->ret);
        else
            snprintf(ret, sizeof ret, "(not returned)");
        say("  %s(0x%llx, 0x%llx, 0x%llx, 0x%llx, 0x%llx, 0x%llx) %s\n", name ? name : num,
            (unsigned long long)s->a[0], (unsigned long long)s->a[1], (unsigned long long)s->a[2],
            (unsigned long long)s->a[3], (unsigned long long)s->a[4], (unsigned long long)s->a[5], ret);
    }
}

/* The report, from the host signal sig's context uc (both 0/NULL for an
 * internal error found by rvdbt's own code, at host pc rip); returns only
 * when --core asks for the host's default action instead of the exit. */
static void report(const char *what, int sig, void *uc, uint64_t rip)
{
    if (reporting) {
        say("rvdbt: internal error while reporting one\n");
        _exit(EXIT_INTERNAL);
    }
    reporting = 1;
    /* One report: a second thread that crashes waits for the first's exit. */
    if (atomic_exchange(&crashing, 1))
        for (;;)
            pause();
    struct rv_cpu *cpu = tr_exec_current();
    struct rv_proc *p = cpu ? cpu->proc : crash_proc;
    say("rvdbt: internal error: %s\n", what);
    say("--- rvdbt %s crash report: pid %d, host thread %d, program %s\n", RVDBT_VERSION, (int)getpid(),
        (int)gettid(), p && p->exe_path ? p->exe_path : "(not loaded)");
    const struct tr_access *a = NULL;
    uint64_t pc = cpu ? cpu->pc : 0;
    bool exact = false;
    if (p && p->cache)
        a = say_where(p->cache, rip, &pc);
    if (!cpu) {
        say("guest thread: none on this host thread\n");
    } else {
        uint64_t x[32], f[32];
        const struct tr_cache *c = p->cache;
        bool in_code = uc && c && c->rx && rip - (uint64_t)(uintptr_t)c->rx < c->size;
        if (in_code) {
            tr_exec_host_regs(cpu, uc, a, x, f);
            exact = a != NULL;
        } else {
            memcpy(x, cpu->x, sizeof x);
            memcpy(f, cpu->f, sizeof f);
            /* a helper translated code called may run with a block-local
             * register newer in its host register; a syscall never does */
            exact = cpu->prof_where == TR_WHERE_SYSCALL;
        }
        say("guest thread %llu, pc 0x%llx%s\n", (unsigned long long)cpu->tid, (unsigned long long)pc,
            in_code && !a ? " (the block's pc as last written back)" : "");
        say_registers(x, f, cpu, exact);
        say_syscalls(thread_of(cpu));
    }
    void *frames[32];
    int n = backtrace(frames, 32);
    say("host backtrace (rvdbt's own frames, innermost first):\n");
    backtrace_symbols_fd(frames, n, 2);
    if (p && p->opt.core) {
        say("--- end of the report; --core: the host's default action for signal %d follows\n",
            sig ? sig : SIGABRT);
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(sig ? sig : SIGABRT, &dfl, NULL);
        if (sig)
            return;  /* the instruction faults again, now with a core file */
        abort();
    }
    say("--- end of the report; exit status %d (--core would leave a core file)\n", EXIT_INTERNAL);
    _exit(EXIT_INTERNAL);
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGSEGV: return "SIGSEGV";
    case SIGSYS: return "SIGSYS";
    default: return "?";
    }
}

/* A host fault is a bug in rvdbt, never the guest's doing (guest faults are
 * found by the slow paths before any access), with one exception handed to
 * the translator: a guest read of a file mapping past the end of its file. */
static void on_host_fault(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    /* Sent by kill or tgkill (the guest's or another process's), not raised
     * by an instruction: a signal for the guest like any other. */
    if (si->si_code <= 0) {
        sig_host_signal(sig, si, uc_);
        return;
    }
    tr_host_fault(sig, (uint64_t)(uintptr_t)si->si_addr, uc_);
    mmu_copy_fault(sig);
    char what[128];
    snprintf(what, sizeof what, "host signal %d (%s, code %d) at address 0x%llx", sig, signal_name(sig),
             si->si_code, (unsigned long long)(uintptr_t)si->si_addr);
    report(what, sig, uc, (uint64_t)uc->uc_mcontext.gregs[REG_RIP]);
}

void rv_internal_error(const char *fmt, ...)
{
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    report(what, 0, NULL, (uint64_t)(uintptr_t)__builtin_return_address(0));
    _exit(EXIT_INTERNAL);
}

/* rvdbt's own assert()s: a failed one is an internal error like any other,
 * reported as such rather than as an abort with a core file. */
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *fn)
{
    rv_internal_error("assertion failed: %s (%s:%u, in %s)", expr, file, line, fn);
}

int crash_thread_start(struct rv_thread *t)
{
    long page = sysconf(_SC_PAGESIZE);
    /* a guard page below: a report that overflows it is cut, not spilling */
    uint8_t *m = mmap(NULL, ALTSTACK_SIZE + (size_t)page, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return -errno;
    mprotect(m, (size_t)page, PROT_NONE);
    stack_t ss = { .ss_sp = m + page, .ss_size = ALTSTACK_SIZE };
    if (sigaltstack(&ss, NULL) != 0) {
        int err = -errno;
        munmap(m, ALTSTACK_SIZE + (size_t)page);
        return err;
    }
    t->host_altstack = m;
    return 0;
}

void crash_thread_end(struct rv_thread *t, bool own)
{
    if (!t->host_altstack)
        return;
    if (own) {
        stack_t off = { .ss_flags = SS_DISABLE };
        sigaltstack(&off, NULL);
    }
    munmap(t->host_altstack, ALTSTACK_SIZE + (size_t)sysconf(_SC_PAGESIZE));
    t->host_altstack = NULL;
}

void crash_init(struct rv_proc *p)
{
    crash_proc = p;
    /* backtrace loads its unwinder on first use: not in a signal handler */
    void *frame;
    backtrace(&frame, 1);
    /* SA_NODEFER: a fault while reporting is seen (and ends the report). */
    struct sigaction sa = { .sa_sigaction = on_host_fault, .sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER };
    static const int sigs[] = { SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGSYS };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

int crash_parse(struct rv_proc *p, const char *arg)
{
    char *end;
    if (!strncmp(arg, "code:", 5)) {
        uint64_t pc = strtoull(arg + 5, &end, 0);
        if (!arg[5] || *end || !pc)
            return -1;
        p->opt.debug_crash = CRASH_CODE;
        p->opt.debug_crash_pc = pc;
    } else if (!strcmp(arg, "syscall")) {
        p->opt.debug_crash = CRASH_SYSCALL;
    } else if (!strcmp(arg, "stack")) {
        p->opt.debug_crash = CRASH_STACK;
    } else if (!strcmp(arg, "internal")) {
        p->opt.debug_crash = CRASH_INTERNAL;
    } else {
        return -1;
    }
    return 0;
}

/* Deep enough for any host stack, and not a loop the compiler could see
 * through: every frame's buffer is used after the call. */
static uint64_t overflow(volatile uint8_t *prev, uint64_t depth)
{
    volatile uint8_t buf[4096];
    buf[0] = prev[0];
    if (depth)
        buf[1] = (uint8_t)overflow(buf, depth - 1);
    return buf[0] + buf[1];
}

void crash_provoke(struct rv_cpu *c)
{
    switch (c->proc->opt.debug_crash) {
    case CRASH_SYSCALL: {
        /* a page no one may touch: a fault the compiler cannot foresee */
        volatile uint8_t *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page != MAP_FAILED)
            page[0] = 1;
        break;
    }
    case CRASH_STACK: {
        static volatile uint8_t start;
        static volatile uint64_t depth = UINT64_MAX;
        overflow(&start, depth);
        break;
    }
    case CRASH_INTERNAL:
        rv_internal_error("provoked by --debug-crash=internal");
    default:
        break;
    }
}
