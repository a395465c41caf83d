/* Clocks, sleeps and process times. */
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
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
    if (nanosleep(&req, &rem) == 0)
        return 0;
    err = -errno;
    if (err == -EINTR && a[1] && sys_put_timespec(c, a[1], &rem))
        return -EFAULT;
    return err;
}

/* clock_nanosleep returns the error number rather than setting errno. */
int64_t sys_clock_nanosleep(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec req, rem;
    int flags = (int)a[1];
    int err = sys_get_timespec(c, a[2], &req);
    if (err)
        return err;
    err = clock_nanosleep((clockid_t)a[0], flags, &req, &rem);
    if (err == EINTR && a[3] && !(flags & TIMER_ABSTIME) && sys_put_timespec(c, a[3], &rem))
        return -EFAULT;
    return -err;
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
