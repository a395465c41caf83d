/* Clocks, sleeps, interval and POSIX timers, clock adjustment and process
 * times. */
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include "linux/guest_abi_poll.h"
#include "linux/guest_abi_time.h"
#include "linux/sys_impl.h"

/* Clock ids pass through: both ABIs use linux/time.h's numbering (the
 * negative per-process/per-thread CPU clock ids encode host pids and tids,
 * which are the guest's). */
_Static_assert(CLOCK_REALTIME == RV_CLOCK_REALTIME && CLOCK_MONOTONIC == RV_CLOCK_MONOTONIC &&
               CLOCK_PROCESS_CPUTIME_ID == RV_CLOCK_PROCESS_CPUTIME_ID &&
               CLOCK_THREAD_CPUTIME_ID == RV_CLOCK_THREAD_CPUTIME_ID &&
               CLOCK_MONOTONIC_RAW == RV_CLOCK_MONOTONIC_RAW &&
               CLOCK_REALTIME_COARSE == RV_CLOCK_REALTIME_COARSE &&
               CLOCK_MONOTONIC_COARSE == RV_CLOCK_MONOTONIC_COARSE &&
               CLOCK_BOOTTIME == RV_CLOCK_BOOTTIME && CLOCK_TAI == RV_CLOCK_TAI &&
               TIMER_ABSTIME == RV_TIMER_ABSTIME, "clock ids");

int sys_get_timespec(struct rv_cpu *c, uint64_t g, struct timespec *ts)
{
    struct rv_timespec gt;
    if (mmu_read(sys_mmu(c), &gt, g, sizeof gt))
        return -EFAULT;
    *ts = (struct timespec){ .tv_sec = gt.tv_sec, .tv_nsec = gt.tv_nsec };
    return 0;
}

int sys_put_timespec(struct rv_cpu *c, uint64_t g, const struct timespec *ts)
{
    struct rv_timespec gt = { .tv_sec = ts->tv_sec, .tv_nsec = ts->tv_nsec };
    return mmu_write(sys_mmu(c), g, &gt, sizeof gt) ? -EFAULT : 0;
}

int64_t sys_clock_gettime(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec ts;
    if (clock_gettime((clockid_t)a[0], &ts) < 0)
        return -errno;
    return sys_put_timespec(c, a[1], &ts);
}

int64_t sys_clock_getres(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec ts;
    if (clock_getres((clockid_t)a[0], &ts) < 0)
        return -errno;
    return a[1] ? sys_put_timespec(c, a[1], &ts) : 0;
}

int64_t sys_gettimeofday(struct rv_cpu *c, const uint64_t *a)
{
    struct timeval tv;
    struct timezone tz;
    if (gettimeofday(&tv, &tz) < 0)
        return -errno;
    if (a[0]) {
        struct rv_timeval gtv = { .tv_sec = tv.tv_sec, .tv_usec = tv.tv_usec };
        if (mmu_write(sys_mmu(c), a[0], &gtv, sizeof gtv))
            return -EFAULT;
    }
    if (a[1]) {
        struct rv_timezone gtz = { .tz_minuteswest = tz.tz_minuteswest,
                                   .tz_dsttime = tz.tz_dsttime };
        if (mmu_write(sys_mmu(c), a[1], &gtz, sizeof gtz))
            return -EFAULT;
    }
    return 0;
}

int64_t sys_nanosleep(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec req, rem;
    int err = sys_get_timespec(c, a[0], &req);
    if (err)
        return err;
    rem = req;      /* what is left when a signal came before the call */
    err = (int)SYS_SAFE(c, SYS_nanosleep, &req, &rem, 0, 0, 0, 0);
    if (err == 0)
        return 0;
    if (err == -EINTR && a[1] && sys_put_timespec(c, a[1], &rem))
        return -EFAULT;
    return err;
}

int64_t sys_clock_nanosleep(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec req, rem;
    int flags = (int)a[1];
    int err = sys_get_timespec(c, a[2], &req);
    if (err)
        return err;
    rem = req;      /* what is left when a signal came before the call */
    long r = SYS_SAFE(c, SYS_clock_nanosleep, (clockid_t)a[0], flags, &req, &rem, 0, 0);
    if (r == -EINTR && a[3] && !(flags & TIMER_ABSTIME) && sys_put_timespec(c, a[3], &rem))
        return -EFAULT;
    return r;
}

int64_t sys_times(struct rv_cpu *c, const uint64_t *a)
{
    struct tms t;
    clock_t now = times(&t);
    if (a[0]) {
        struct rv_tms gt = { .tms_utime = t.tms_utime, .tms_stime = t.tms_stime,
                             .tms_cutime = t.tms_cutime, .tms_cstime = t.tms_cstime };
        if (mmu_write(sys_mmu(c), a[0], &gt, sizeof gt))
            return -EFAULT;
    }
    return now;
}

int sys_itimerspec_in(struct rv_cpu *c, uint64_t g, struct itimerspec *its)
{
    struct rv_itimerspec gi;
    if (mmu_read(sys_mmu(c), &gi, g, sizeof gi))
        return -EFAULT;
    *its = (struct itimerspec){
        .it_interval = { gi.it_interval.tv_sec, gi.it_interval.tv_nsec },
        .it_value = { gi.it_value.tv_sec, gi.it_value.tv_nsec },
    };
    return 0;
}

int sys_itimerspec_out(struct rv_cpu *c, uint64_t g, const struct itimerspec *its)
{
    struct rv_itimerspec gi = {
        .it_interval = { its->it_interval.tv_sec, its->it_interval.tv_nsec },
        .it_value = { its->it_value.tv_sec, its->it_value.tv_nsec },
    };
    return mmu_write(sys_mmu(c), g, &gi, sizeof gi) ? -EFAULT : 0;
}

/* Interval timers are the host process's: ITIMER_VIRTUAL and ITIMER_PROF
 * count the CPU time of rvdbt running the guest, which is the guest's. */
_Static_assert(ITIMER_REAL == RV_ITIMER_REAL && ITIMER_VIRTUAL == RV_ITIMER_VIRTUAL &&
               ITIMER_PROF == RV_ITIMER_PROF, "itimer kinds");

static int64_t put_itimerval(struct rv_cpu *c, uint64_t g, const struct itimerval *v)
{
    struct rv_itimerval gv = {
        .it_interval = { v->it_interval.tv_sec, v->it_interval.tv_usec },
        .it_value = { v->it_value.tv_sec, v->it_value.tv_usec },
    };
    return mmu_write(sys_mmu(c), g, &gv, sizeof gv) ? -EFAULT : 0;
}

int64_t sys_getitimer(struct rv_cpu *c, const uint64_t *a)
{
    struct itimerval v;
    if (syscall(SYS_getitimer, (int)a[0], &v) < 0)
        return -errno;
    return put_itimerval(c, a[1], &v);
}

/* A NULL new value disarms, as Linux still allows. */
int64_t sys_setitimer(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_itimerval gv;
    struct itimerval nv, ov;
    if (a[1]) {
        if (mmu_read(sys_mmu(c), &gv, a[1], sizeof gv))
            return -EFAULT;
        nv = (struct itimerval){
            .it_interval = { gv.it_interval.tv_sec, gv.it_interval.tv_usec },
            .it_value = { gv.it_value.tv_sec, gv.it_value.tv_usec },
        };
    }
    if (syscall(SYS_setitimer, (int)a[0], a[1] ? &nv : NULL, a[2] ? &ov : NULL) < 0)
        return -errno;
    return a[2] ? put_itimerval(c, a[2], &ov) : 0;
}

/* POSIX timers are host kernel timers, so their ids are the host's. The
 * guest may only name timers it created: a bit per id below TIMER_IDS (the
 * kernel hands out small ids first), so the guest cannot reach rvdbt's own
 * (--timeout's). Several guest threads may create and delete at once. */
enum { TIMER_IDS = 4096 };
static _Atomic uint64_t guest_timers[TIMER_IDS / 64];

static bool timer_is_guests(int id)
{
    if (id < 0)
        return false;
    if (id >= TIMER_IDS)
        return true;
    return atomic_load(&guest_timers[id / 64]) >> (id % 64) & 1;
}

_Static_assert(SIGEV_SIGNAL == RV_SIGEV_SIGNAL && SIGEV_NONE == RV_SIGEV_NONE &&
               SIGEV_THREAD == RV_SIGEV_THREAD && SIGEV_THREAD_ID == RV_SIGEV_THREAD_ID,
               "sigevent kinds");

/* The sigevent converted field by field; SIGEV_THREAD_ID's thread is a guest
 * thread id, which is the host's. SIGEV_THREAD reaches the kernel as plain
 * SIGEV_SIGNAL (the guest's libc runs the function itself), as on Linux.
 * Without a sigevent the kernel's default applies (SIGALRM with the id). */
int64_t sys_timer_create(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_sigevent ge;
    struct sigevent he;
    int id;
    if (a[1]) {
        if (mmu_read(sys_mmu(c), &ge, a[1], sizeof ge))
            return -EFAULT;
        memset(&he, 0, sizeof he);
        he.sigev_value.sival_ptr = (void *)(uintptr_t)ge.sigev_value;
        he.sigev_signo = ge.sigev_signo;
        he.sigev_notify = ge.sigev_notify;
        he._sigev_un._tid = ge.un.tid;
    }
    if (!mmu_check(sys_mmu(c), a[2], sizeof(int32_t), MMU_W))
        return -EFAULT;
    if (syscall(SYS_timer_create, (clockid_t)a[0], a[1] ? &he : NULL, &id) < 0)
        return -errno;
    int32_t gid = id;
    if (mmu_write(sys_mmu(c), a[2], &gid, sizeof gid)) {
        syscall(SYS_timer_delete, id);
        return -EFAULT;
    }
    if (id < TIMER_IDS)
        atomic_fetch_or(&guest_timers[id / 64], 1ull << (id % 64));
    return 0;
}

int64_t sys_timer_settime(struct rv_cpu *c, const uint64_t *a)
{
    struct itimerspec nv, ov;
    int id = (int)a[0];
    if (!timer_is_guests(id))
        return -EINVAL;
    int err = sys_itimerspec_in(c, a[2], &nv);
    if (err)
        return err;
    if (syscall(SYS_timer_settime, id, (int)a[1], &nv, a[3] ? &ov : NULL) < 0)
        return -errno;
    return a[3] ? sys_itimerspec_out(c, a[3], &ov) : 0;
}

int64_t sys_timer_gettime(struct rv_cpu *c, const uint64_t *a)
{
    struct itimerspec cur;
    int id = (int)a[0];
    if (!timer_is_guests(id))
        return -EINVAL;
    if (syscall(SYS_timer_gettime, id, &cur) < 0)
        return -errno;
    return sys_itimerspec_out(c, a[1], &cur);
}

int64_t sys_timer_getoverrun(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    int id = (int)a[0];
    return timer_is_guests(id) ? sys_ret(syscall(SYS_timer_getoverrun, id)) : -EINVAL;
}

int64_t sys_timer_delete(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    int id = (int)a[0];
    if (!timer_is_guests(id))
        return -EINVAL;
    if (syscall(SYS_timer_delete, id) < 0)
        return -errno;
    if (id < TIMER_IDS)
        atomic_fetch_and(&guest_timers[id / 64], ~(1ull << (id % 64)));
    return 0;
}

/* Setting the host's clocks is the host's to allow (CAP_SYS_TIME). */
int64_t sys_clock_settime(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec ts;
    int err = sys_get_timespec(c, a[1], &ts);
    return err ? err : sys_ret(clock_settime((clockid_t)a[0], &ts));
}

int64_t sys_settimeofday(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_timeval gtv;
    struct rv_timezone gtz;
    struct timeval tv;
    struct timezone tz;
    if (a[0]) {
        if (mmu_read(sys_mmu(c), &gtv, a[0], sizeof gtv))
            return -EFAULT;
        tv = (struct timeval){ .tv_sec = gtv.tv_sec, .tv_usec = gtv.tv_usec };
    }
    if (a[1]) {
        if (mmu_read(sys_mmu(c), &gtz, a[1], sizeof gtz))
            return -EFAULT;
        tz = (struct timezone){ .tz_minuteswest = gtz.tz_minuteswest, .tz_dsttime = gtz.tz_dsttime };
    }
    return sys_ret(syscall(SYS_settimeofday, a[0] ? &tv : NULL, a[1] ? &tz : NULL));
}

/* adjtimex with modes 0 only reads the kernel's clock state; changes need
 * CAP_SYS_TIME on the host, as they would on Linux. The struct goes both
 * ways, field by field. */
static void timex_in(const struct rv_timex *g, struct timex *h)
{
    memset(h, 0, sizeof *h);
    h->modes = g->modes;
    h->offset = g->offset;
    h->freq = g->freq;
    h->maxerror = g->maxerror;
    h->esterror = g->esterror;
    h->status = g->status;
    h->constant = g->constant;
    h->precision = g->precision;
    h->tolerance = g->tolerance;
    h->time.tv_sec = g->time.tv_sec;
    h->time.tv_usec = g->time.tv_usec;
    h->tick = g->tick;
    h->ppsfreq = g->ppsfreq;
    h->jitter = g->jitter;
    h->shift = g->shift;
    h->stabil = g->stabil;
    h->jitcnt = g->jitcnt;
    h->calcnt = g->calcnt;
    h->errcnt = g->errcnt;
    h->stbcnt = g->stbcnt;
    h->tai = g->tai;
}

static void timex_out(const struct timex *h, struct rv_timex *g)
{
    memset(g, 0, sizeof *g);
    g->modes = h->modes;
    g->offset = h->offset;
    g->freq = h->freq;
    g->maxerror = h->maxerror;
    g->esterror = h->esterror;
    g->status = h->status;
    g->constant = h->constant;
    g->precision = h->precision;
    g->tolerance = h->tolerance;
    g->time.tv_sec = h->time.tv_sec;
    g->time.tv_usec = h->time.tv_usec;
    g->tick = h->tick;
    g->ppsfreq = h->ppsfreq;
    g->jitter = h->jitter;
    g->shift = h->shift;
    g->stabil = h->stabil;
    g->jitcnt = h->jitcnt;
    g->calcnt = h->calcnt;
    g->errcnt = h->errcnt;
    g->stbcnt = h->stbcnt;
    g->tai = h->tai;
}

static int64_t do_clock_adjtime(struct rv_cpu *c, clockid_t clk, uint64_t g)
{
    struct rv_timex gt;
    struct timex ht;
    if (mmu_read(sys_mmu(c), &gt, g, sizeof gt))
        return -EFAULT;
    timex_in(&gt, &ht);
    long r = syscall(SYS_clock_adjtime, clk, &ht);
    if (r < 0)
        return -errno;
    timex_out(&ht, &gt);
    return mmu_write(sys_mmu(c), g, &gt, sizeof gt) ? -EFAULT : r;
}

int64_t sys_adjtimex(struct rv_cpu *c, const uint64_t *a)
{
    return do_clock_adjtime(c, CLOCK_REALTIME, a[0]);
}

int64_t sys_clock_adjtime(struct rv_cpu *c, const uint64_t *a)
{
    return do_clock_adjtime(c, (clockid_t)a[0], a[1]);
}
