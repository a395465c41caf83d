/* Processes: ids, limits and usage, futex, and the small calls glibc's
 * startup makes (set_robust_list, rseq, uname, getrandom). Threads, fork,
 * exec and wait are in sys_thread.c and sys_exec.c. */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "linux/sys_impl.h"

_Static_assert(RLIMIT_CPU == RV_RLIMIT_CPU && RLIMIT_FSIZE == RV_RLIMIT_FSIZE &&
               RLIMIT_DATA == RV_RLIMIT_DATA && RLIMIT_STACK == RV_RLIMIT_STACK &&
               RLIMIT_CORE == RV_RLIMIT_CORE && RLIMIT_NOFILE == RV_RLIMIT_NOFILE &&
               RLIMIT_AS == RV_RLIMIT_AS && RLIM_NLIMITS == RV_RLIM_NLIMITS &&
               RLIM_INFINITY == RV_RLIM_INFINITY, "resource numbers pass through");
_Static_assert(GRND_NONBLOCK == RV_GRND_NONBLOCK && GRND_RANDOM == RV_GRND_RANDOM &&
               GRND_INSECURE == RV_GRND_INSECURE, "getrandom flags pass through");

int64_t sys_getpid(struct rv_cpu *c, const uint64_t *a)  { (void)c; (void)a; return getpid(); }
int64_t sys_getppid(struct rv_cpu *c, const uint64_t *a) { (void)c; (void)a; return getppid(); }
int64_t sys_getuid(struct rv_cpu *c, const uint64_t *a)  { (void)c; (void)a; return getuid(); }
int64_t sys_geteuid(struct rv_cpu *c, const uint64_t *a) { (void)c; (void)a; return geteuid(); }
int64_t sys_getgid(struct rv_cpu *c, const uint64_t *a)  { (void)c; (void)a; return getgid(); }
int64_t sys_getegid(struct rv_cpu *c, const uint64_t *a) { (void)c; (void)a; return getegid(); }
int64_t sys_setsid(struct rv_cpu *c, const uint64_t *a)  { (void)c; (void)a; return sys_ret(setsid()); }
int64_t sys_sched_yield(struct rv_cpu *c, const uint64_t *a) { (void)c; (void)a; return sched_yield(); }

int64_t sys_setpgid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(setpgid((pid_t)a[0], (pid_t)a[1]));
}

int64_t sys_getpgid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(getpgid((pid_t)a[0]));
}

int64_t sys_getsid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(getsid((pid_t)a[0]));
}

/* Only the size is checked: the list matters when a thread dies holding a
 * robust mutex, which needs threads first. */
int64_t sys_set_robust_list(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return a[1] == RV_ROBUST_LIST_HEAD_SIZE ? 0 : -EINVAL;
}

/* glibc registers rseq if it can and does without it on -ENOSYS. */
int64_t sys_rseq(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    (void)a;
    return -ENOSYS;
}

/* Succeeds without flushing for now: dropping stale translations of the range
 * is the translator's to add. Only the flags are checked (bit 0,
 * SYS_RISCV_FLUSH_ICACHE_LOCAL, is the only one asm/unistd.h defines). */
/* The translations are dropped by the dispatcher, which alone knows when no
 * translated code is running. */
int64_t sys_riscv_flush_icache(struct rv_cpu *c, const uint64_t *a)
{
    if (a[2] & ~1ull)
        return -EINVAL;
    c->flush_icache = 1;
    return 0;
}

static void copy_uts(char *dst, const char *src)
{
    snprintf(dst, RV_UTS_LEN, "%s", src);
}

int64_t sys_uname(struct rv_cpu *c, const uint64_t *a)
{
    struct utsname u;
    struct rv_utsname g;
    if (uname(&u) < 0)
        return -errno;
    memset(&g, 0, sizeof g);
    copy_uts(g.sysname, u.sysname);
    copy_uts(g.nodename, u.nodename);
    copy_uts(g.release, u.release);
    copy_uts(g.version, u.version);
    copy_uts(g.machine, "riscv64");
    copy_uts(g.domainname, u.domainname);
    return mmu_write(sys_mmu(c), a[0], &g, sizeof g) ? -EFAULT : 0;
}

int64_t sys_getrandom(struct rv_cpu *c, const uint64_t *a)
{
    unsigned flags = (unsigned)a[2];
    if (flags & ~(unsigned)(RV_GRND_NONBLOCK | RV_GRND_RANDOM | RV_GRND_INSECURE))
        return -EINVAL;
    void *p = mmu_ptr(sys_mmu(c), a[0], a[1], MMU_W);
    if (!p)
        return -EFAULT;
    return sys_ret(getrandom(p, a[1], flags));
}

/* Limits on address space, data and stack would bind rvdbt itself (its
 * 256 GiB reservation, code cache, host stack), not the guest; like qemu,
 * setting them for ourselves succeeds without reaching the host. */
static int64_t do_prlimit(struct rv_cpu *c, pid_t pid, uint64_t res, uint64_t gnew, uint64_t gold)
{
    struct rv_rlimit gl;
    struct rlimit hnew = { 0, 0 }, hold;
    /* An unknown resource is the host's -EINVAL, after the kernel's copy-in
     * (-EFAULT) and pid (-ESRCH) checks. */
    if (gnew) {
        if (mmu_read(sys_mmu(c), &gl, gnew, sizeof gl))
            return -EFAULT;
        hnew = (struct rlimit){ .rlim_cur = gl.rlim_cur, .rlim_max = gl.rlim_max };
    }
    bool self = pid == 0 || pid == getpid();
    bool keep = self && (res == RV_RLIMIT_AS || res == RV_RLIMIT_DATA || res == RV_RLIMIT_STACK);
    if (prlimit(pid, (int)res, gnew && !keep ? &hnew : NULL, &hold) < 0)
        return -errno;
    if (gnew && keep && hnew.rlim_cur > hnew.rlim_max)
        return -EINVAL;
    if (gold) {
        gl = (struct rv_rlimit){ .rlim_cur = hold.rlim_cur, .rlim_max = hold.rlim_max };
        if (mmu_write(sys_mmu(c), gold, &gl, sizeof gl))
            return -EFAULT;
    }
    return 0;
}

int64_t sys_prlimit64(struct rv_cpu *c, const uint64_t *a)
{
    return do_prlimit(c, (pid_t)a[0], (uint32_t)a[1], a[2], a[3]);
}

/* Unlike prlimit64's, these pointers are not optional. */
/* The resource is checked before the copy-out. */
int64_t sys_getrlimit(struct rv_cpu *c, const uint64_t *a)
{
    int64_t r = do_prlimit(c, 0, (uint32_t)a[0], 0, a[1]);
    return r == 0 && !a[1] ? -EFAULT : r;
}

int64_t sys_setrlimit(struct rv_cpu *c, const uint64_t *a)
{
    return a[1] ? do_prlimit(c, 0, (uint32_t)a[0], a[1], 0) : -EFAULT;
}

/* The mask is an array of 64-bit words, the same bits on both sides. */
int64_t sys_sched_getaffinity(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t mask[128];
    /* The kernel takes len as an unsigned int and refuses one that is not
     * a multiple of 8: a long one is cut to the buffer keeping its low bits. */
    uint32_t glen = (uint32_t)a[1];
    size_t len = glen < sizeof mask ? glen : sizeof mask | (glen & 7);
    long n = syscall(SYS_sched_getaffinity, (pid_t)a[0], len, mask);
    if (n < 0)
        return -errno;
    return mmu_write(sys_mmu(c), a[2], mask, (uint64_t)n) ? -EFAULT : n;
}

int sys_put_rusage(struct rv_cpu *c, uint64_t addr, const struct rusage *ru)
{
    const struct rusage r = *ru;
    struct rv_rusage g = {
        .ru_utime = { r.ru_utime.tv_sec, r.ru_utime.tv_usec },
        .ru_stime = { r.ru_stime.tv_sec, r.ru_stime.tv_usec },
        .ru_maxrss = r.ru_maxrss, .ru_ixrss = r.ru_ixrss, .ru_idrss = r.ru_idrss,
        .ru_isrss = r.ru_isrss, .ru_minflt = r.ru_minflt, .ru_majflt = r.ru_majflt,
        .ru_nswap = r.ru_nswap, .ru_inblock = r.ru_inblock, .ru_oublock = r.ru_oublock,
        .ru_msgsnd = r.ru_msgsnd, .ru_msgrcv = r.ru_msgrcv, .ru_nsignals = r.ru_nsignals,
        .ru_nvcsw = r.ru_nvcsw, .ru_nivcsw = r.ru_nivcsw,
    };
    return mmu_write(sys_mmu(c), addr, &g, sizeof g) ? -EFAULT : 0;
}

int64_t sys_getrusage(struct rv_cpu *c, const uint64_t *a)
{
    struct rusage r;
    if (getrusage((int)a[0], &r) < 0)
        return -errno;
    return sys_put_rusage(c, a[1], &r);
}

int64_t sys_sysinfo(struct rv_cpu *c, const uint64_t *a)
{
    struct sysinfo s;
    if (sysinfo(&s) < 0)
        return -errno;
    struct rv_sysinfo g = {
        .uptime = s.uptime, .loads = { s.loads[0], s.loads[1], s.loads[2] },
        .totalram = s.totalram, .freeram = s.freeram, .sharedram = s.sharedram,
        .bufferram = s.bufferram, .totalswap = s.totalswap, .freeswap = s.freeswap,
        .procs = s.procs, .totalhigh = s.totalhigh, .freehigh = s.freehigh,
        .mem_unit = s.mem_unit,
    };
    return mmu_write(sys_mmu(c), a[0], &g, sizeof g) ? -EFAULT : 0;
}

/* Guest futex words are host memory inside the reservation and a futex's
 * timeout is a timespec on both sides, so the host kernel carries out every
 * command on the guest's own words, with its checks in its order (the
 * timeout, the command, alignment, then the word); what is outside the
 * guest space reaches it as SYS_KFAULT. The owner a PI futex records is the
 * host tid, which is the guest's. Only the pointers a command uses are
 * handed over, and a command this layer does not know is Linux's -ENOSYS. */
_Static_assert(sizeof(struct timespec) == sizeof(struct rv_timespec), "a futex timeout is read in place");

static void *futex_ptr(uint64_t g, uint64_t len, struct mmu *m)
{
    return g < MMU_GUEST_SIZE && len <= MMU_GUEST_SIZE - g ? mmu_host(m, g) : SYS_KFAULT(g);
}

int64_t sys_futex(struct rv_cpu *c, const uint64_t *a)
{
    struct mmu *m = sys_mmu(c);
    int op = (int)a[1];
    void *word = futex_ptr(a[0], 4, m);
    void *tmo = a[3] ? futex_ptr(a[3], sizeof(struct rv_timespec), m) : NULL;
    switch (op & ~(RV_FUTEX_PRIVATE_FLAG | RV_FUTEX_CLOCK_REALTIME)) {
    case RV_FUTEX_WAIT:
    case RV_FUTEX_WAIT_BITSET:
    case RV_FUTEX_LOCK_PI:
    case RV_FUTEX_LOCK_PI2:
        return SYS_SAFE(c, SYS_futex, word, op, a[2], tmo, NULL, a[5]);
    case RV_FUTEX_WAIT_REQUEUE_PI:
        return SYS_SAFE(c, SYS_futex, word, op, a[2], tmo, futex_ptr(a[4], 4, m), a[5]);
    case RV_FUTEX_REQUEUE:
    case RV_FUTEX_CMP_REQUEUE:
    case RV_FUTEX_CMP_REQUEUE_PI:
    case RV_FUTEX_WAKE_OP:
        /* a3 is a count (val2) here, not a timeout */
        return sys_ret(syscall(SYS_futex, word, op, a[2], a[3], futex_ptr(a[4], 4, m), a[5]));
    case RV_FUTEX_WAKE:
    case RV_FUTEX_WAKE_BITSET:
    case RV_FUTEX_UNLOCK_PI:
    case RV_FUTEX_TRYLOCK_PI:
        return sys_ret(syscall(SYS_futex, word, op, a[2], NULL, NULL, a[5]));
    default:
        return -ENOSYS;
    }
}
