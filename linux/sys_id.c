/* Identity and limits of the guest process: user and group ids, groups,
 * capabilities, personality, prctl, scheduling policy and priority, the CPU
 * it runs on, the umask, and riscv_hwprobe's description of the machine.
 *
 * Credentials are per thread in the kernel; glibc's setuid() makes them
 * process-wide by having every thread make the raw call. The guest's libc
 * does that with the guest's threads, which are host threads, so each guest
 * call here is the raw host syscall for the calling thread only (the host
 * glibc wrapper would do it for every rvdbt thread). */
#include <sched.h>
#include <string.h>
#include <stdatomic.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/guest_abi_id.h"
#include "linux/sys_impl.h"
#include "linux/thread.h"

#define RAW(...) sys_ret(syscall(__VA_ARGS__))

/* uid_t and gid_t are 32 bits on both sides; -1 ("unchanged") is passed as
 * the same 32 bits. */
int64_t sys_setuid(struct rv_cpu *c, const uint64_t *a) { (void)c; return RAW(SYS_setuid, (uid_t)a[0]); }
int64_t sys_setgid(struct rv_cpu *c, const uint64_t *a) { (void)c; return RAW(SYS_setgid, (gid_t)a[0]); }
int64_t sys_setfsuid(struct rv_cpu *c, const uint64_t *a) { (void)c; return RAW(SYS_setfsuid, (uid_t)a[0]); }
int64_t sys_setfsgid(struct rv_cpu *c, const uint64_t *a) { (void)c; return RAW(SYS_setfsgid, (gid_t)a[0]); }

int64_t sys_setreuid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_setreuid, (uid_t)a[0], (uid_t)a[1]);
}

int64_t sys_setregid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_setregid, (gid_t)a[0], (gid_t)a[1]);
}

int64_t sys_setresuid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_setresuid, (uid_t)a[0], (uid_t)a[1], (uid_t)a[2]);
}

int64_t sys_setresgid(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_setresgid, (gid_t)a[0], (gid_t)a[1], (gid_t)a[2]);
}

/* Three 32-bit words; the kernel writes them one by one, so the host call
 * on the guest's own words fails where Linux's would. */
static int64_t get_res(struct rv_cpu *c, long nr, const uint64_t *a)
{
    void *p[3];
    for (int i = 0; i < 3; i++) {
        uint64_t four = 4;
        if (!(p[i] = sys_ubuf(c, a[i], &four, MMU_W)))
            return -EFAULT;
    }
    return RAW(nr, p[0], p[1], p[2]);
}

int64_t sys_getresuid(struct rv_cpu *c, const uint64_t *a) { return get_res(c, SYS_getresuid, a); }
int64_t sys_getresgid(struct rv_cpu *c, const uint64_t *a) { return get_res(c, SYS_getresgid, a); }

/* size 0 asks for the count only; the list is gid_t words. */
/* The host kernel checks the size against the groups there are, and moves
 * only those, before it finds a bad list. */
int64_t sys_getgroups(struct rv_cpu *c, const uint64_t *a)
{
    int size = (int)a[0];
    uint64_t n = size > 0 ? (uint64_t)size * sizeof(gid_t) : 0;
    return RAW(SYS_getgroups, size, sys_ubuf_or_fault(c, a[1], &n, MMU_W));
}

int64_t sys_setgroups(struct rv_cpu *c, const uint64_t *a)
{
    int size = (int)a[0];
    uint64_t n = size > 0 ? (uint64_t)size * sizeof(gid_t) : 0;
    return RAW(SYS_setgroups, size, sys_ubuf_or_fault(c, a[1], &n, MMU_R));
}

/* The capability header and data are the kernel's on both sides; the
 * kernel itself writes its preferred version into the header when it does
 * not know the one asked for. capset only ever changes the calling thread. */
static int64_t cap_call(struct rv_cpu *c, long nr, const uint64_t *a, int prot)
{
    uint64_t hn = sizeof(struct rv_cap_header), dn = 2 * sizeof(struct rv_cap_data);
    void *hdr = sys_ubuf(c, a[0], &hn, MMU_R | MMU_W);
    void *data = a[1] ? sys_ubuf(c, a[1], &dn, prot) : NULL;
    if (!hdr || (a[1] && !data))
        return -EFAULT;
    return RAW(nr, hdr, data);
}

int64_t sys_capget(struct rv_cpu *c, const uint64_t *a) { return cap_call(c, SYS_capget, a, MMU_W); }
int64_t sys_capset(struct rv_cpu *c, const uint64_t *a) { return cap_call(c, SYS_capset, a, MMU_R); }

/* The guest's execution domain is kept here rather than set on the host:
 * flags such as READ_IMPLIES_EXEC or ADDR_LIMIT_32BIT would change how the
 * host kernel treats rvdbt's own mappings. As in Linux any value is taken,
 * and 0xffffffff only asks. */
static _Atomic uint32_t guest_personality;

int64_t sys_personality(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    uint32_t want = (uint32_t)a[0];
    if (want == RV_PER_QUERY)
        return atomic_load(&guest_personality);
    return atomic_exchange(&guest_personality, want);
}

int64_t sys_umask(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return umask((mode_t)a[0] & 0777);
}

int64_t sys_getpriority(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    /* the raw call answers 20 - nice, never negative, as the guest's libc expects */
    return RAW(SYS_getpriority, (int)a[0], (id_t)a[1]);
}

int64_t sys_setpriority(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_setpriority, (int)a[0], (id_t)a[1], (int)a[2]);
}

int64_t sys_ioprio_set(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_ioprio_set, (int)a[0], (int)a[1], (int)a[2]);
}

int64_t sys_ioprio_get(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_ioprio_get, (int)a[0], (int)a[1]);
}

/* Scheduling: struct sched_param is one int, struct sched_attr is
 * size-prefixed fixed-width fields (at most a page), CPU masks are bit
 * arrays in 64-bit words; all the same on both sides. Guest thread ids are
 * host ones. */
int64_t sys_sched_setparam(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = sizeof(int);
    return RAW(SYS_sched_setparam, (pid_t)a[0], sys_ubuf_or_fault(c, a[1], &n, MMU_R));
}

int64_t sys_sched_getparam(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = sizeof(int);
    return RAW(SYS_sched_getparam, (pid_t)a[0], sys_ubuf_or_fault(c, a[1], &n, MMU_W));
}

int64_t sys_sched_setscheduler(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = sizeof(int);
    return RAW(SYS_sched_setscheduler, (pid_t)a[0], (int)a[1], sys_ubuf_or_fault(c, a[2], &n, MMU_R));
}

int64_t sys_sched_getscheduler(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_sched_getscheduler, (pid_t)a[0]);
}

int64_t sys_sched_get_priority_max(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_sched_get_priority_max, (int)a[0]);
}

int64_t sys_sched_get_priority_min(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return RAW(SYS_sched_get_priority_min, (int)a[0]);
}

int64_t sys_sched_rr_get_interval(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec ts;
    if (syscall(SYS_sched_rr_get_interval, (pid_t)a[0], &ts) < 0)
        return -errno;
    return sys_put_timespec(c, a[1], &ts);
}

int64_t sys_sched_setaffinity(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[1];
    void *mask = sys_ubuf(c, a[2], &n, MMU_R);
    return mask ? RAW(SYS_sched_setaffinity, (pid_t)a[0], (size_t)n, mask) : -EFAULT;
}

/* The kernel copies at most a page of struct sched_attr either way. */
int64_t sys_sched_setattr(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = MMU_PAGE_SIZE;
    void *attr = sys_ubuf(c, a[1], &n, MMU_R);
    return attr ? RAW(SYS_sched_setattr, (pid_t)a[0], attr, (unsigned)a[2]) : -EFAULT;
}

int64_t sys_sched_getattr(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = (uint32_t)a[2] < MMU_PAGE_SIZE ? (uint32_t)a[2] : MMU_PAGE_SIZE;
    void *attr = sys_ubuf(c, a[1], &n, MMU_W);
    return attr ? RAW(SYS_sched_getattr, (pid_t)a[0], attr, (unsigned)a[2], (unsigned)a[3]) : -EFAULT;
}

/* CPU and NUMA node numbers are the host's; the third argument is unused
 * since Linux 2.6.24. */
int64_t sys_getcpu(struct rv_cpu *c, const uint64_t *a)
{
    void *p[2] = { NULL, NULL };
    for (int i = 0; i < 2; i++) {
        uint64_t four = 4;
        if (a[i] && !(p[i] = sys_ubuf(c, a[i], &four, MMU_W)))
            return -EFAULT;
    }
    return RAW(SYS_getcpu, p[0], p[1], NULL);
}

/* prctl options whose arguments are plain values (or a pointer to one int,
 * or a 16-byte name) and whose effect on the host thread is the guest's:
 * they go to the host as they are. */
static bool prctl_passes(int option)
{
    switch (option) {
    case RV_PR_SET_PDEATHSIG: case RV_PR_GET_DUMPABLE: case RV_PR_SET_DUMPABLE:
    case RV_PR_GET_KEEPCAPS: case RV_PR_SET_KEEPCAPS: case RV_PR_GET_TIMING:
    case RV_PR_SET_TIMING: case RV_PR_GET_SECCOMP: case RV_PR_CAPBSET_READ:
    case RV_PR_CAPBSET_DROP: case RV_PR_GET_SECUREBITS: case RV_PR_SET_SECUREBITS:
    case RV_PR_SET_TIMERSLACK: case RV_PR_GET_TIMERSLACK: case RV_PR_TASK_PERF_EVENTS_DISABLE:
    case RV_PR_TASK_PERF_EVENTS_ENABLE: case RV_PR_MCE_KILL: case RV_PR_MCE_KILL_GET:
    case RV_PR_SET_CHILD_SUBREAPER: case RV_PR_SET_NO_NEW_PRIVS: case RV_PR_GET_NO_NEW_PRIVS:
    case RV_PR_SET_THP_DISABLE: case RV_PR_GET_THP_DISABLE: case RV_PR_CAP_AMBIENT:
    case RV_PR_SET_IO_FLUSHER: case RV_PR_GET_IO_FLUSHER: case RV_PR_SET_PTRACER:
    case RV_PR_SET_MEMORY_MERGE: case RV_PR_GET_MEMORY_MERGE:
        return true;
    default:
        return false;
    }
}

/* The rest as Linux on riscv64 answers them, or refused because the host
 * call would act on rvdbt rather than the guest: a seccomp filter or
 * syscall user dispatch would judge rvdbt's own host syscalls, PR_SET_MM
 * would rewrite rvdbt's memory map fields, PR_GET_AUXV would give rvdbt's
 * auxv. Options of other architectures (x86's TSC, arm64's SVE and pointer
 * authentication, the vector options on a machine without V) are -EINVAL,
 * as the kernel has it for options it does not know. */
int64_t sys_prctl(struct rv_cpu *c, const uint64_t *a)
{
    int option = (int)a[0];
    uint64_t n;
    if (prctl_passes(option))
        return RAW(SYS_prctl, option, a[1], a[2], a[3], a[4]);
    switch (option) {
    case RV_PR_GET_PDEATHSIG: case RV_PR_GET_CHILD_SUBREAPER: {
        n = sizeof(int);
        void *p = sys_ubuf(c, a[1], &n, MMU_W);
        return p ? RAW(SYS_prctl, option, p, 0, 0, 0) : -EFAULT;
    }
    case RV_PR_SET_NAME: case RV_PR_GET_NAME: {
        n = RV_TASK_COMM_LEN;
        void *p = sys_ubuf(c, a[1], &n, option == RV_PR_SET_NAME ? MMU_R : MMU_W);
        return p ? RAW(SYS_prctl, option, p, 0, 0, 0) : -EFAULT;
    }
    case RV_PR_GET_TID_ADDRESS: {
        uint64_t tid_addr = thread_of(c)->clear_child_tid;
        return mmu_write(sys_mmu(c), a[1], &tid_addr, sizeof tid_addr) ? -EFAULT : 0;
    }
    case RV_PR_SCHED_CORE: {
        /* PR_SCHED_CORE_GET writes the cookie to the address in arg5 */
        n = sizeof(uint64_t);
        void *p = a[4] ? sys_ubuf(c, a[4], &n, MMU_W) : NULL;
        return a[4] && !p ? -EFAULT : RAW(SYS_prctl, option, a[1], a[2], a[3], p);
    }
    case RV_PR_SET_VMA: {
        /* a name for the anonymous mapping [arg3, arg3 + arg4) */
        const char *name = NULL;
        int err = a[4] ? sys_str(c, a[4], &name) : 0;
        if (err)
            return err;
        if (a[1] != RV_PR_SET_VMA_ANON_NAME || a[2] > MMU_GUEST_SIZE ||
            a[3] > MMU_GUEST_SIZE - a[2])
            return -EINVAL;
        return RAW(SYS_prctl, option, a[1], mmu_host(sys_mmu(c), a[2]), a[3], name);
    }
    case RV_PR_RISCV_SET_ICACHE_FLUSH_CTX:
        /* fence.i always works under rvdbt, whatever thread or CPU runs next */
        if (a[1] > RV_PR_RISCV_CTX_SW_FENCEI_OFF || a[2] > RV_PR_RISCV_SCOPE_PER_THREAD)
            return -EINVAL;
        return 0;
    case RV_PR_SET_MM:
        return -EPERM;
    default:
        return -EINVAL;
    }
}

/* What rvdbt runs is RV64GC: the base behaviour IMA, F and D, C. No V and
 * none of the other extensions (Zba/Zbb/Zbs, Zicboz...), so their keys
 * answer 0 like the kernel's on such a machine; vendor, architecture and
 * implementation ids are 0 (not implemented, as the privileged spec allows
 * for mvendorid and friends). Misaligned loads and stores run at full speed
 * (x86 does them in hardware), which is FAST in the kernel's terms; vector
 * ones are unsupported. The time CSR counts at 10 MHz (translator/
 * tr_system.c). Keys past IMA_EXT_1 (16) are unknown. */
static bool hwprobe_value(int64_t key, uint64_t *v)
{
    switch (key) {
    case RV_HWPROBE_KEY_MVENDORID: case RV_HWPROBE_KEY_MARCHID: case RV_HWPROBE_KEY_MIMPID:
        *v = 0;
        return true;
    case RV_HWPROBE_KEY_BASE_BEHAVIOR:
        *v = RV_HWPROBE_BASE_BEHAVIOR_IMA;
        return true;
    case RV_HWPROBE_KEY_IMA_EXT_0:
        *v = RV_HWPROBE_IMA_FD | RV_HWPROBE_IMA_C;
        return true;
    case RV_HWPROBE_KEY_CPUPERF_0: case RV_HWPROBE_KEY_MISALIGNED_SCALAR_PERF:
        *v = RV_HWPROBE_MISALIGNED_FAST;
        return true;
    case RV_HWPROBE_KEY_HIGHEST_VIRT_ADDRESS:
        *v = MMU_GUEST_SIZE - 1;
        return true;
    case RV_HWPROBE_KEY_TIME_CSR_FREQ:
        *v = 10000000;
        return true;
    case RV_HWPROBE_KEY_MISALIGNED_VECTOR_PERF:
        *v = RV_HWPROBE_MISALIGNED_VECTOR_UNSUPPORTED;
        return true;
    case RV_HWPROBE_KEY_ZICBOZ_BLOCK_SIZE: case RV_HWPROBE_KEY_VENDOR_EXT_THEAD_0:
    case RV_HWPROBE_KEY_ZICBOM_BLOCK_SIZE: case RV_HWPROBE_KEY_VENDOR_EXT_SIFIVE_0:
    case RV_HWPROBE_KEY_VENDOR_EXT_MIPS_0: case RV_HWPROBE_KEY_ZICBOP_BLOCK_SIZE:
    case RV_HWPROBE_KEY_IMA_EXT_1:
        *v = 0;
        return true;
    default:
        return false;
    }
}

/* Bitmask keys match a CPU whose value has every bit asked for; the others
 * match equal values (the kernel's riscv_hwprobe_pair_cmp). */
static bool hwprobe_matches(int64_t key, uint64_t want, uint64_t have)
{
    switch (key) {
    case RV_HWPROBE_KEY_BASE_BEHAVIOR: case RV_HWPROBE_KEY_IMA_EXT_0:
    case RV_HWPROBE_KEY_CPUPERF_0: case RV_HWPROBE_KEY_IMA_EXT_1:
    case RV_HWPROBE_KEY_VENDOR_EXT_THEAD_0: case RV_HWPROBE_KEY_VENDOR_EXT_SIFIVE_0:
    case RV_HWPROBE_KEY_VENDOR_EXT_MIPS_0:
        return (have & want) == want;
    default:
        return have == want;
    }
}

/* The online CPUs as a bit array of the guest's cpu_set_t words (bytes of
 * it, the kernel's cpumask layout on a little-endian machine). */
static void online_cpus(uint8_t *set, size_t bytes)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    memset(set, 0, bytes);
    for (long cpu = 0; cpu < n && (size_t)cpu < bytes * 8; cpu++)
        set[cpu / 8] |= (uint8_t)(1u << (cpu % 8));
}

enum { HWPROBE_SET_MAX = 1024 };     /* bytes of CPU set looked at: 8192 CPUs */

/* All CPUs are the same machine here, so a CPU set only has to name an
 * online CPU (plain query) and the answer for it is the answer for all; with
 * RISCV_HWPROBE_WHICH_CPUS the set keeps its CPUs if every pair matches,
 * else it is emptied. */
int64_t sys_riscv_hwprobe(struct rv_cpu *c, const uint64_t *a)
{
    struct mmu *m = sys_mmu(c);
    uint64_t pairs = a[0], count = a[1], setsize = a[2], cpus = a[3];
    unsigned flags = (unsigned)a[4];
    uint8_t set[HWPROBE_SET_MAX], online[HWPROBE_SET_MAX];
    size_t bytes = setsize < sizeof set ? (size_t)setsize : sizeof set;
    bool which = flags == RV_HWPROBE_WHICH_CPUS, any = false;

    if (flags & ~RV_HWPROBE_WHICH_CPUS)
        return -EINVAL;
    if (which && (!setsize || !cpus))
        return -EINVAL;
    online_cpus(online, sizeof online);
    if (setsize || cpus) {
        if (mmu_read(m, set, cpus, bytes))
            return -EFAULT;
        bool empty = true;
        for (size_t i = 0; i < bytes; i++)
            empty &= set[i] == 0;
        if (which && empty)
            memcpy(set, online, bytes);
        for (size_t i = 0; i < bytes; i++)
            any |= (set[i] &= online[i]) != 0;
        if (!which && !any)
            return -EINVAL;
    }
    bool match = true;
    for (uint64_t i = 0; i < count; i++) {
        struct rv_hwprobe p;
        uint64_t at = pairs + i * sizeof p;
        if (mmu_read(m, &p, at, sizeof p))
            return -EFAULT;
        uint64_t v = 0;
        bool known = hwprobe_value(p.key, &v);
        if (which) {
            match &= known && hwprobe_matches(p.key, p.value, v);
            if (known)
                continue;
        }
        p = known ? (struct rv_hwprobe){ p.key, which ? p.value : v } : (struct rv_hwprobe){ -1, 0 };
        if (mmu_write(m, at, &p, sizeof p))
            return -EFAULT;
    }
    if (which) {
        if (!match)
            memset(set, 0, bytes);
        if (mmu_write(m, cpus, set, bytes))
            return -EFAULT;
    }
    return 0;
}
