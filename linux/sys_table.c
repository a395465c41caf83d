/* The syscall table and the dispatcher: number -> handler, with -strace and
 * the syscall counter on the way through. */
#include <errno.h>
#include <sched.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include "linux/sig.h"
#include "linux/sys_impl.h"
#include "linux/thread.h"
#include "translator/tr_probe.h"

/* Handlers return host errno values to the guest unchanged: both ABIs take
 * them from asm-generic/errno-base.h and asm-generic/errno.h. A few from each
 * range, as written in the riscv64 headers: */
_Static_assert(EPERM == 1 && ENOENT == 2 && EBADF == 9 && EAGAIN == 11 && EFAULT == 14 &&
               EINVAL == 22 && ENOTTY == 25 && ERANGE == 34, "errno-base.h");
_Static_assert(EDEADLK == 35 && ENAMETOOLONG == 36 && ENOSYS == 38 && ENOTEMPTY == 39 &&
               ELOOP == 40 && EOPNOTSUPP == 95 && ETIMEDOUT == 110 && ECANCELED == 125 &&
               EHWPOISON == 133, "errno.h");

#define SYS_ENTRY(nr, name, ret, ...) \
    [nr] = { #name, sys_##name, ret, { __VA_ARGS__ } },
/* Known to the guest ABI but not carried out: the name still shows in -strace,
 * sys_name() and --stats, the guest gets -ENOSYS. */
#define SYS_UNIMPL(nr, name) [nr] = { #name, sys_unimplemented, R_INT, { A_NONE } },

static const struct sys_entry sys_table[SYS_NR_MAX] = {
    SYS_FAMILIES(SYS_ENTRY, SYS_UNIMPL)

#define RV_NR_rt_sigreturn 139
};

/* A number no list names is unimplemented too, without a name. */
static const struct sys_entry sys_unnamed = { NULL, sys_unimplemented, R_INT, { A_NONE } };

static const struct sys_entry *sys_entry(uint64_t nr)
{
    if (nr >= SYS_NR_MAX || !sys_table[nr].name)
        return &sys_unnamed;
    return &sys_table[nr];
}

const char *sys_name(uint64_t nr)
{
    return sys_entry(nr)->name;
}

/* Calls of each unimplemented number, the last slot for all numbers past the
 * table; several guest threads may bump them at once. */
static _Atomic uint64_t sys_unimpl_calls[SYS_NR_MAX + 1];

int64_t sys_unimplemented(struct rv_cpu *c, const uint64_t *a)
{
    (void)a;
    uint64_t nr = c->x[17];
    atomic_fetch_add_explicit(&sys_unimpl_calls[nr < SYS_NR_MAX ? nr : SYS_NR_MAX], 1,
                              memory_order_relaxed);
    if (c->proc->opt.log_mask & RV_LOG_UNIMP) {
        const char *name = sys_name(nr);
        fprintf(c->proc->opt.log, "unimplemented syscall %" PRIu64 "%s%s%s\n", nr,
                name ? " (" : "", name ? name : "", name ? ")" : "");
    }
    return -ENOSYS;
}

static _Atomic uint64_t sys_all_calls[SYS_NR_MAX + 1];

uint64_t sys_calls(uint64_t nr)
{
    return atomic_load_explicit(&sys_all_calls[nr < SYS_NR_MAX ? nr : SYS_NR_MAX], memory_order_relaxed);
}

uint64_t sys_unimplemented_calls(uint64_t nr)
{
    return atomic_load_explicit(&sys_unimpl_calls[nr < SYS_NR_MAX ? nr : SYS_NR_MAX],
                                memory_order_relaxed);
}

static bool counts_held;        /* atomic */

static void count_call(struct rv_cpu *c, struct rv_thread *t, uint64_t nr)
{
    /* the thread says it counts, then looks whether a report holds the
     * counts (sequentially consistent both, against sys_counts_hold's
     * store-then-look): one of the two sees the other */
    for (;;) {
        __atomic_store_n(&t->counting, true, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&counts_held, __ATOMIC_SEQ_CST))
            break;
        __atomic_store_n(&t->counting, false, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&counts_held, __ATOMIC_ACQUIRE))
            sched_yield();
    }
    c->cnt.syscalls++;
    atomic_fetch_add_explicit(&sys_all_calls[nr < SYS_NR_MAX ? nr : SYS_NR_MAX], 1, memory_order_relaxed);
    __atomic_store_n(&t->counting, false, __ATOMIC_RELEASE);
}

void sys_counts_hold(const struct rv_cpu *cpus)
{
    __atomic_store_n(&counts_held, true, __ATOMIC_SEQ_CST);
    for (const struct rv_cpu *o = cpus; o; o = o->next_cpu)
        while (thread_of(o) && __atomic_load_n(&thread_of(o)->counting, __ATOMIC_SEQ_CST))
            sched_yield();
}

void sys_counts_release(void)
{
    __atomic_store_n(&counts_held, false, __ATOMIC_RELEASE);
}

void sys_dispatch(struct rv_cpu *c)
{
    uint64_t nr = c->x[17];
    uint64_t a[6];
    memcpy(a, &c->x[10], sizeof a);
    const struct sys_entry *e = sys_entry(nr);
    bool strace = c->proc->opt.strace;
    struct rv_thread *t = thread_of(c);
    struct thread_sys *rec = &t->recent[t->n_sys++ % THREAD_RECENT_SYS];

    *rec = (struct thread_sys){ .nr = nr };
    memcpy(rec->a, a, sizeof a);
    count_call(c, t, nr);
    c->prof_where = TR_WHERE_SYSCALL;
    if (strace && e && e->ret == R_NORET)
        sys_strace(c, nr, e, a, 0, false);
    bool own = e && sys_names_own_fd(e, a);
    int64_t r;
    for (;;) {
        /* exit_req asks translated code to stop; here it only means that a
         * signal may have arrived, which a blocking call checks for
         * (SYS_SAFE). Cleared before the pending set is looked at, so a
         * signal from then on interrupts the call. */
        __atomic_store_n(&c->exit_req, 0, __ATOMIC_SEQ_CST);
        if (sig_deliverable(c))
            c->exit_req = 1;    /* it came before the ecall: no waiting */
        r = own ? -EBADF : e && e->fn ? e->fn(c, a) : -ENOSYS;
        /* rt_sigreturn's result is the a0 it restored, -EINTR included. */
        if (r != -EINTR || nr == RV_NR_rt_sigreturn)
            break;
        enum sig_eintr what = sig_after_eintr(c, nr, a);
        if (what == SIG_EINTR_RESTART_NOW)
            continue;
        if (what == SIG_EINTR_RESTART_AFTER) {
            /* As Linux does: back to the ecall with a0 as it was, so the
             * handler's frame returns to the call and it runs again. */
            c->pc -= 4;
            r = (int64_t)a[0];
        }
        break;
    }
    if (strace)
        sys_strace(c, nr, e, a, r, true);
    rec->ret = r;
    rec->done = true;
    c->x[10] = (uint64_t)r;
    c->prof_where = TR_WHERE_DISPATCH;
}
