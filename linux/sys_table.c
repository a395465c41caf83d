/* The syscall table and the dispatcher: number -> handler, with -strace and
 * the syscall counter on the way through. */
#include <errno.h>
#include <string.h>
#include "linux/sig.h"
#include "linux/sys_impl.h"

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
/* Known to the guest ABI but not carried out: the name still shows in -strace
 * and sys_name(), the guest gets -ENOSYS. */
#define SYS_UNIMPL(nr, name) [nr] = { #name, NULL, R_INT, { A_NONE } },

#define SYS_NR_MAX 452
#define RV_NR_rt_sigreturn 139

static const struct sys_entry sys_table[SYS_NR_MAX] = {
    SYS_LIST(SYS_ENTRY)
    SYS_UNIMPL(19, eventfd2)
    SYS_UNIMPL(20, epoll_create1)
    SYS_UNIMPL(21, epoll_ctl)
    SYS_UNIMPL(22, epoll_pwait)
    SYS_UNIMPL(33, mknodat)
    SYS_UNIMPL(97, unshare)
    SYS_UNIMPL(100, get_robust_list)
    SYS_UNIMPL(102, getitimer)
    SYS_UNIMPL(103, setitimer)
    SYS_UNIMPL(117, ptrace)
    SYS_UNIMPL(128, restart_syscall)
    SYS_UNIMPL(140, setpriority)
    SYS_UNIMPL(141, getpriority)
    SYS_UNIMPL(158, getgroups)
    SYS_UNIMPL(167, prctl)
    SYS_UNIMPL(168, getcpu)
    SYS_UNIMPL(198, socket)
    SYS_UNIMPL(199, socketpair)
    SYS_UNIMPL(200, bind)
    SYS_UNIMPL(201, listen)
    SYS_UNIMPL(202, accept)
    SYS_UNIMPL(203, connect)
    SYS_UNIMPL(204, getsockname)
    SYS_UNIMPL(205, getpeername)
    SYS_UNIMPL(206, sendto)
    SYS_UNIMPL(207, recvfrom)
    SYS_UNIMPL(208, setsockopt)
    SYS_UNIMPL(209, getsockopt)
    SYS_UNIMPL(210, shutdown)
    SYS_UNIMPL(211, sendmsg)
    SYS_UNIMPL(212, recvmsg)
    SYS_UNIMPL(223, fadvise64)
    SYS_UNIMPL(232, mincore)
    SYS_UNIMPL(242, accept4)
    SYS_UNIMPL(279, memfd_create)
    SYS_UNIMPL(424, pidfd_send_signal)
    SYS_UNIMPL(434, pidfd_open)
    SYS_UNIMPL(435, clone3)
    SYS_UNIMPL(436, close_range)
    SYS_UNIMPL(437, openat2)
};

static const struct sys_entry *sys_entry(uint64_t nr)
{
    if (nr >= SYS_NR_MAX || !sys_table[nr].name)
        return NULL;
    return &sys_table[nr];
}

const char *sys_name(uint64_t nr)
{
    const struct sys_entry *e = sys_entry(nr);
    return e ? e->name : NULL;
}

void sys_dispatch(struct rv_cpu *c)
{
    uint64_t nr = c->x[17];
    uint64_t a[6];
    memcpy(a, &c->x[10], sizeof a);
    const struct sys_entry *e = sys_entry(nr);
    bool strace = c->proc->opt.strace;

    c->cnt.syscalls++;
    if (strace && e && e->ret == R_NORET)
        sys_strace(c, nr, e, a, 0, false);
    int64_t r;
    for (;;) {
        /* exit_req asks translated code to stop; here it only means that a
         * signal may have arrived, which a blocking call checks for
         * (SYS_SAFE). Cleared before the pending set is looked at, so a
         * signal from then on interrupts the call. */
        __atomic_store_n(&c->exit_req, 0, __ATOMIC_SEQ_CST);
        if (sig_deliverable(c))
            c->exit_req = 1;    /* it came before the ecall: no waiting */
        r = e && e->fn ? e->fn(c, a) : -ENOSYS;
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
    c->x[10] = (uint64_t)r;
}
