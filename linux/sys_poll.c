/* Waiting on file descriptors and the event descriptors: poll, select and
 * epoll in their signal-mask forms, eventfd, timerfd, signalfd. The fds are
 * host fds; what differs is the layout of struct epoll_event (packed on
 * x86-64 only) and the pointers inside pselect6's mask argument.
 *
 * A signal mask given for the wait is handed to the host call as the mask
 * of the host thread for its duration: guest and host signal numbers and
 * kernel sigsets (8 bytes) are the same, and the host thread's mask mirrors
 * the guest thread's (linux/sys_signal.c), so the wait is interruptible by
 * exactly the signals the guest asked for (wait_call). */
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include "linux/guest_abi_poll.h"
#include "linux/sig.h"
#include "linux/sys_impl.h"

_Static_assert(sizeof(struct pollfd) == sizeof(struct rv_pollfd) &&
               offsetof(struct pollfd, revents) == offsetof(struct rv_pollfd, revents),
               "struct pollfd");
_Static_assert(POLLIN == RV_POLLIN && POLLPRI == RV_POLLPRI && POLLOUT == RV_POLLOUT &&
               POLLERR == RV_POLLERR && POLLHUP == RV_POLLHUP && POLLNVAL == RV_POLLNVAL &&
               POLLRDNORM == RV_POLLRDNORM && POLLRDBAND == RV_POLLRDBAND &&
               POLLWRNORM == RV_POLLWRNORM && POLLWRBAND == RV_POLLWRBAND &&
               POLLMSG == RV_POLLMSG && POLLRDHUP == RV_POLLRDHUP, "poll bits");
_Static_assert(sizeof(fd_set) * 8 % RV_FD_SET_WORD_BITS == 0 &&
               sizeof(((fd_set *)0)->fds_bits[0]) * 8 == RV_FD_SET_WORD_BITS, "fd_set words");
_Static_assert(EPOLL_CTL_ADD == RV_EPOLL_CTL_ADD && EPOLL_CTL_DEL == RV_EPOLL_CTL_DEL &&
               EPOLL_CTL_MOD == RV_EPOLL_CTL_MOD && EPOLLIN == RV_POLLIN &&
               EPOLLOUT == RV_POLLOUT && EPOLLRDHUP == RV_POLLRDHUP &&
               EPOLLEXCLUSIVE == RV_EPOLLEXCLUSIVE && EPOLLWAKEUP == RV_EPOLLWAKEUP &&
               EPOLLONESHOT == RV_EPOLLONESHOT && EPOLLET == RV_EPOLLET &&
               EPOLL_CLOEXEC == RV_O_CLOEXEC, "epoll values");
_Static_assert(EFD_CLOEXEC == RV_O_CLOEXEC && EFD_NONBLOCK == RV_O_NONBLOCK &&
               EFD_SEMAPHORE == RV_EFD_SEMAPHORE && TFD_CLOEXEC == RV_O_CLOEXEC &&
               TFD_NONBLOCK == RV_O_NONBLOCK && TFD_TIMER_ABSTIME == RV_TFD_TIMER_ABSTIME &&
               TFD_TIMER_CANCEL_ON_SET == RV_TFD_TIMER_CANCEL_ON_SET &&
               SFD_CLOEXEC == RV_O_CLOEXEC && SFD_NONBLOCK == RV_O_NONBLOCK, "fd flags");
_Static_assert(sizeof(struct signalfd_siginfo) == sizeof(struct rv_signalfd_siginfo) &&
               offsetof(struct signalfd_siginfo, ssi_ptr) ==
                   offsetof(struct rv_signalfd_siginfo, ssi_ptr) &&
               offsetof(struct signalfd_siginfo, ssi_call_addr) ==
                   offsetof(struct rv_signalfd_siginfo, ssi_call_addr),
               "signalfd records are read as they are");

/* The guest's wait mask at g (size bytes) for a host call, or none for
 * g == 0: 0, -EINVAL for a size other than the kernel sigset's, -EFAULT. */
static int64_t mask_in(struct rv_cpu *c, uint64_t g, uint64_t size, uint64_t *mask,
                       uint64_t **p)
{
    *p = NULL;
    if (!g)
        return 0;
    if (size != RV_SIGSET_SIZE)
        return -EINVAL;
    if (mmu_read(sys_mmu(c), mask, g, sizeof *mask))
        return -EFAULT;
    *p = mask;
    return 0;
}

/* Host call nr as a wait (args: its six arguments; mask_at: the one that
 * takes the signal mask). With the guest's wait mask mp, that mask is in
 * place while the call waits (sig_wait_masked: also for the delivery of
 * what interrupts it); without one, a signal that comes just before the
 * call still interrupts it (SYS_SAFE). pselect6 takes the mask through an
 * argument pack {sigset pointer, size}: pack, whose first word is set. */
static int64_t wait_call(struct rv_cpu *c, const uint64_t *mp, long nr, long *args, int mask_at,
                         uint64_t *pack)
{
    if (!mp) {
        args[mask_at] = 0;
        return SYS_SAFE(c, nr, args[0], args[1], args[2], args[3], args[4], args[5]);
    }
    sigset_t hs;
    int64_t r = sig_wait_masked(c, *mp, &hs);
    if (r == 0) {
        if (pack)
            pack[0] = (uint64_t)(uintptr_t)&hs;
        args[mask_at] = pack ? (long)(uintptr_t)pack : (long)(uintptr_t)&hs;
        r = sys_ret(syscall(nr, args[0], args[1], args[2], args[3], args[4], args[5]));
    }
    sig_wait_done(c);
    return r;
}

/* The host timespec for the guest timeout at g (NULL for none: wait forever). */
static int64_t timeout_in(struct rv_cpu *c, uint64_t g, struct timespec *ts,
                          struct timespec **p)
{
    *p = NULL;
    if (!g)
        return 0;
    int err = sys_get_timespec(c, g, ts);
    if (err)
        return err;
    *p = ts;
    return 0;
}

/* Like the kernel, ppoll and pselect6 write the time left back, and a
 * timeout in memory they cannot write is no error (poll_select_finish). */
static int64_t timeout_out(struct rv_cpu *c, uint64_t g, const struct timespec *ts, int64_t ret)
{
    if (g && ret != -EFAULT)
        sys_put_timespec(c, g, ts);
    return ret;
}

/* The pollfd array and fd_set words are the guest's own, handed to the host
 * kernel: same layouts, same bits. */
int64_t sys_ppoll(struct rv_cpu *c, const uint64_t *a)
{
    uint32_t nfds = (uint32_t)a[1];
    uint64_t mask, *mp, bytes = (uint64_t)nfds * sizeof(struct rv_pollfd);
    struct timespec ts, *tp;
    struct rlimit nofile;
    int64_t err = timeout_in(c, a[2], &ts, &tp);
    if (!err)
        err = mask_in(c, a[3], a[4], &mask, &mp);
    if (err)
        return err;
    /* the kernel's check after those, which also bounds the size below;
     * then the host kernel reads the array */
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nfds > nofile.rlim_cur)
        return -EINVAL;
    struct pollfd *fds = sys_ubuf_or_fault(c, a[0], &bytes, MMU_W);
    long args[6] = { (long)(uintptr_t)fds, (long)nfds, (long)(uintptr_t)tp, 0, RV_SIGSET_SIZE, 0 };
    int64_t r = wait_call(c, mp, SYS_ppoll, args, 3, NULL);
    return timeout_out(c, a[2], &ts, r);
}

/* In Linux's order: the mask's argument pack, the timeout, the mask, then
 * nfds and the sets (which the host kernel reads itself). */
int64_t sys_pselect6(struct rv_cpu *c, const uint64_t *a)
{
    int nfds = (int)a[0];
    struct timespec ts, *tp;
    uint64_t mask, *mp = NULL;
    struct rv_sigset_argpack pack;
    void *sets[3];
    if (a[5] && mmu_read(sys_mmu(c), &pack, a[5], sizeof pack))
        return -EFAULT;
    int64_t err = timeout_in(c, a[4], &ts, &tp);
    if (!err && a[5])
        err = mask_in(c, pack.ss, pack.ss_len, &mask, &mp);
    if (err)
        return err;
    if (nfds < 0)
        return timeout_out(c, a[4], &ts, -EINVAL);
    uint64_t bytes = ((uint64_t)nfds + RV_FD_SET_WORD_BITS - 1) / RV_FD_SET_WORD_BITS *
                     (RV_FD_SET_WORD_BITS / 8);
    for (int i = 0; i < 3; i++) {
        uint64_t n = bytes;
        sets[i] = a[1 + i] ? sys_ubuf_or_fault(c, a[1 + i], &n, MMU_W) : NULL;
    }
    /* the host's argument pack: {host sigset pointer, size} */
    uint64_t hpack[2] = { 0, RV_SIGSET_SIZE };
    long args[6] = { nfds, (long)(uintptr_t)sets[0], (long)(uintptr_t)sets[1],
                     (long)(uintptr_t)sets[2], (long)(uintptr_t)tp, 0 };
    int64_t r = wait_call(c, mp, SYS_pselect6, args, 5, hpack);
    return timeout_out(c, a[4], &ts, r);
}

int64_t sys_epoll_create1(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(epoll_create1((int)a[0]));
}

int64_t sys_epoll_ctl(struct rv_cpu *c, const uint64_t *a)
{
    int op = (int)a[1];
    struct rv_epoll_event ge;
    struct epoll_event he = { 0 };
    /* DEL takes no event (a NULL one is fine); the others read it first */
    if (op != RV_EPOLL_CTL_DEL) {
        if (mmu_read(sys_mmu(c), &ge, a[3], sizeof ge))
            return -EFAULT;
        he.events = ge.events;
        he.data.u64 = ge.data;
    }
    return sys_ret(epoll_ctl((int)a[0], op, (int)a[2], &he));
}

/* As many events as fit in one host batch: the rest stay ready for the next
 * call, as they do when maxevents is small. */
enum { EPOLL_BATCH = 256 };

/* epoll_pwait and epoll_pwait2: wait into host records, convert what came. */
static int64_t epoll_wait_common(struct rv_cpu *c, const uint64_t *a, bool ts_timeout)
{
    int maxevents = (int)a[2];
    uint64_t mask, *mp;
    struct timespec ts;
    struct epoll_event he[EPOLL_BATCH];
    if (maxevents <= 0 || (uint64_t)maxevents > INT32_MAX / sizeof(struct rv_epoll_event))
        return -EINVAL;
    uint64_t bytes = (uint64_t)maxevents * sizeof(struct rv_epoll_event);
    if (!sys_ubuf(c, a[1], &bytes, MMU_W))
        return -EFAULT;
    /* Only the writable start of the buffer is offered, so no event is
     * taken from the host without room for it. With no room at all Linux
     * still waits, and fails only when an event comes (putting it back,
     * which rvdbt cannot: a level-triggered one is reported again anyway). */
    int n = maxevents < EPOLL_BATCH ? maxevents : EPOLL_BATCH;
    while (n > 0 && !mmu_check(sys_mmu(c), a[1], (uint64_t)n * sizeof(struct rv_epoll_event), MMU_W))
        n /= 2;
    bool room = n > 0;
    if (!room)
        n = 1;
    int64_t err = mask_in(c, a[4], a[5], &mask, &mp);
    if (err)
        return err;
    long r;
    if (ts_timeout) {
        if (a[3] && (err = sys_get_timespec(c, a[3], &ts)))
            return err;
        long args[6] = { (int)a[0], (long)(uintptr_t)he, n, a[3] ? (long)(uintptr_t)&ts : 0, 0, RV_SIGSET_SIZE };
        r = wait_call(c, mp, SYS_epoll_pwait2, args, 4, NULL);
    } else {
        long args[6] = { (int)a[0], (long)(uintptr_t)he, n, (int)a[3], 0, RV_SIGSET_SIZE };
        r = wait_call(c, mp, SYS_epoll_pwait, args, 4, NULL);
    }
    if (r < 0)
        return r;
    if (r > 0 && !room)
        return -EFAULT;
    for (long i = 0; i < r; i++) {
        struct rv_epoll_event ge = { .events = he[i].events, .data = he[i].data.u64 };
        if (mmu_write(sys_mmu(c), a[1] + (uint64_t)i * sizeof ge, &ge, sizeof ge))
            return i ? i : -EFAULT;
    }
    return r;
}

int64_t sys_epoll_pwait(struct rv_cpu *c, const uint64_t *a)
{
    return epoll_wait_common(c, a, false);
}

int64_t sys_epoll_pwait2(struct rv_cpu *c, const uint64_t *a)
{
    return epoll_wait_common(c, a, true);
}

int64_t sys_eventfd2(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(eventfd((unsigned)a[0], (int)a[1]));
}

int64_t sys_timerfd_create(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(timerfd_create((int)a[0], (int)a[1]));
}

int64_t sys_timerfd_settime(struct rv_cpu *c, const uint64_t *a)
{
    struct itimerspec nv, ov;
    int err = sys_itimerspec_in(c, a[2], &nv);
    if (err)
        return err;
    if (timerfd_settime((int)a[0], (int)a[1], &nv, a[3] ? &ov : NULL) < 0)
        return -errno;
    return a[3] ? sys_itimerspec_out(c, a[3], &ov) : 0;
}

int64_t sys_timerfd_gettime(struct rv_cpu *c, const uint64_t *a)
{
    struct itimerspec cur;
    if (timerfd_gettime((int)a[0], &cur) < 0)
        return -errno;
    return sys_itimerspec_out(c, a[1], &cur);
}

/* The mask is the guest's kernel sigset, which is the host's; the signals it
 * names reach the fd while the host thread blocks them, and the host thread's
 * mask mirrors the guest thread's. */
int64_t sys_signalfd4(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t mask;
    if (a[2] != RV_SIGSET_SIZE)
        return -EINVAL;
    if (mmu_read(sys_mmu(c), &mask, a[1], sizeof mask))
        return -EFAULT;
    return sys_ret(syscall(SYS_signalfd4, (int)a[0], &mask, (size_t)RV_SIGSET_SIZE, (int)a[3]));
}
