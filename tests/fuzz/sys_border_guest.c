/* sys_border's guest: thousands of generated syscalls with hostile arguments,
 * one output line per call, for tests/fuzz/sys_border.sh to compare between
 * qemu-riscv64 (whose syscalls reach the host kernel) and rvdbt.
 *
 *   sys_border_guest SEED COUNT SCRATCH_DIR
 *
 * Each call's arguments come from the seed alone, never from an earlier
 * result, so one difference does not shift the calls after it. Arguments are
 * printed by kind ("p=str_none" rather than an address), results as the
 * value or -errno, and after a call that did not fail with EFAULT (whose
 * partial writes the kernel leaves unspecified) a checksum of every writable
 * arena page: it shows what the call wrote, and that it wrote nothing beyond
 * its structure. What differs legitimately between two runs (times, inode
 * numbers, pids, random bytes, mmap addresses, fd numbers a call creates) is
 * blanked or printed as "ok"/"fd" before it is printed.
 *
 * Safety on the host (the tests may run as root): every path a call could
 * create, remove or change is relative, inside the scratch directory the
 * guest runs in; no signal is sent to another process, no limit is changed,
 * no wait can block (fds are nonblocking, timeouts are never NULL or long),
 * and the arena is rebuilt after every memory call.
 *
 * The same file builds natively for x86-64 (the driver uses that build's
 * results to tell which of two emulators agrees with a real kernel); the
 * structure layouts differ there, so only results compare. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <linux/falloc.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/stat.h>

#define PG 4096UL

/* The arena: A B N C R H D E, one page each. N is PROT_NONE, R read-only
 * (zeros), H and E unmapped; A B C D are writable and refilled with a
 * pattern without NUL bytes before each call. */
enum { P_A, P_B, P_N, P_C, P_R, P_H, P_D, P_E, NPAGES };
#define ARENA 0x1000000000UL    /* free under qemu, rvdbt and natively */
static uint8_t *ar;
#define PAGE(i) (ar + (i) * PG)

static void arena_build(void)
{
    /* MAP_FIXED over the arena's own range: nothing else lives there */
    void *p = mmap(ar, NPAGES * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (p != ar) {
        perror("sys_border_guest: arena");
        exit(3);
    }
    mprotect(PAGE(P_N), PG, PROT_NONE);
    mprotect(PAGE(P_R), PG, PROT_READ);
    munmap(PAGE(P_H), PG);
    munmap(PAGE(P_E), PG);
}

static bool writable(uint64_t p)
{
    if (p < (uint64_t)ar || p >= (uint64_t)(ar + NPAGES * PG))
        return false;
    unsigned pg = (unsigned)((p - (uint64_t)ar) / PG);
    return pg == P_A || pg == P_B || pg == P_C || pg == P_D;
}

static void arena_fill(void)
{
    static const int w[] = { P_A, P_B, P_C, P_D };
    for (unsigned i = 0; i < 4; i++)
        for (unsigned j = 0; j < PG; j++)
            PAGE(w[i])[j] = (uint8_t)(0x41 + (j * 7 + (unsigned)i) % 61);
}

/* Copy len bytes to guest p as far as they land in writable arena pages. */
static void put(uint64_t p, const void *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (writable(p + i))
            ((uint8_t *)(uintptr_t)p)[i] = ((const uint8_t *)data)[i];
}

/* Overwrite what varies between runs: len bytes at p (those that are in the
 * arena's writable pages). */
static void blank(uint64_t p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (writable(p + i))
            ((uint8_t *)(uintptr_t)p)[i] = 0x5a;
}
#define BLANK(p, type, field) blank((p) + offsetof(type, field), sizeof ((type *)0)->field)

static bool inside(uint64_t p, size_t len)
{
    return len && writable(p) && writable(p + len - 1) &&
           (p + len - 1) / PG - p / PG <= 1 && (len <= PG || writable(p + PG));
}

static uint32_t arena_sum(void)
{
    static const int w[] = { P_A, P_B, P_C, P_D };
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < 4; i++)
        for (unsigned j = 0; j < PG; j++)
            h = (h ^ PAGE(w[i])[j]) * 16777619u;
    return h;
}

/* ---- generation ---- */

static uint64_t rng;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static unsigned rn(unsigned n) { return (unsigned)(rnd() % n); }
#define PICK(arr) (arr)[rn(sizeof(arr) / sizeof((arr)[0]))]

static char line[2048];
static size_t ll;
static void out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line + ll, sizeof line - ll, fmt, ap);
    va_end(ap);
    if (n > 0)
        ll = ll + (size_t)n < sizeof line ? ll + (size_t)n : sizeof line - 1;
}

static long sc(long nr, long a, long b, long c, long d, long e, long f)
{
    long r = syscall(nr, a, b, c, d, e, f);
    return r == -1 ? -errno : r;
}
#define SC6(nr, a, b, c, d, e, f) sc(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define SC(nr, ...) SC_(nr, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define SC_(nr, a, b, c, d, e, f, ...) SC6(nr, a, b, c, d, e, f)

/* Pointer kinds. slot 1 is a second buffer of the same call. */
enum {
    K_NULL, K_GOOD, K_PGSTART, K_END, K_STR_NONE, K_STR_RO, K_STR_HOLE, K_RO, K_NONE,
    K_HOLE, K_INTO_D, K_TEXT, K_KERN, K_M1, K_TOP, K_TOPPAGE, K_X86TOP, K_NONCANON,
    K_UNALIGNED, NKINDS
};
static const char *const kname[NKINDS] = {
    "null", "good", "pgstart", "end", "str_none", "str_ro", "str_hole", "ro", "none",
    "hole", "into_d", "text", "kern", "m1", "top", "toppage", "x86top", "noncanon",
    "unaligned",
};

static void text_fn(void) { }

static uint64_t ptr_of(int k, uint64_t size, int slot)
{
    uint64_t half = size > 1 ? size / 2 : 1;
    if (size > PG)
        size = PG;
    if (half > PG / 2)
        half = PG / 2;
    switch (k) {
    case K_NULL:      return 0;
    case K_GOOD:      return (uint64_t)PAGE(P_A) + 64 + (uint64_t)slot * 1536;
    case K_PGSTART:   return (uint64_t)PAGE(slot ? P_D : P_B);
    case K_END:       return (uint64_t)PAGE(slot ? P_R : P_N) - size;
    case K_STR_NONE:  return (uint64_t)PAGE(P_N) - half;
    case K_STR_RO:    return (uint64_t)PAGE(P_R) - half;
    case K_STR_HOLE:  return (uint64_t)PAGE(P_H) - half;
    case K_RO:        return (uint64_t)PAGE(P_R) + (uint64_t)slot * 512;
    case K_NONE:      return (uint64_t)PAGE(P_N);
    case K_HOLE:      return (uint64_t)PAGE(P_H);
    case K_INTO_D:    return (uint64_t)PAGE(P_D) - half;
    case K_TEXT:      return (uint64_t)(uintptr_t)text_fn;
    case K_KERN:      return 0xffffffc000000000ULL;
    case K_M1:        return ~0ULL;
    case K_TOP:       return (1ULL << 38) - half;
    case K_TOPPAGE:   return (1ULL << 38) - PG;
    case K_X86TOP:    return (1ULL << 47) - half;
    case K_NONCANON:  return 1ULL << 63;
    default:          return (uint64_t)PAGE(P_A) + 65 + (uint64_t)slot * 1536;
    }
}

/* A pointer argument for an object of size bytes: mostly good ones, so that
 * the call gets past it to its other arguments. */
static uint64_t arg_ptr(const char *name, uint64_t size, int slot)
{
    int k = rn(3) == 0 ? K_GOOD : (int)rn(NKINDS);
    out(" %s=%s", name, kname[k]);
    return ptr_of(k, size, slot);
}

static uint64_t arg_ptr_k(const char *name, uint64_t size, int slot, int *kind)
{
    *kind = rn(3) == 0 ? K_GOOD : (int)rn(NKINDS);
    out(" %s=%s", name, kname[*kind]);
    return ptr_of(*kind, size, slot);
}

static int64_t arg_len(const char *name, int64_t natural)
{
    static const int64_t fixed[] = {
        0, 1, 4096, 8192, 65536, 1L << 30, 0x7fffffff, 0x80000000L, 0xffffffffL,
        1L << 38, -1, -4096, INT64_MAX, INT64_MIN,
    };
    int64_t v;
    switch (rn(4)) {
    case 0: v = natural; break;
    case 1: v = natural + (int64_t)rn(3) - 1; break;
    default: v = PICK(fixed); break;
    }
    out(" %s=%lld", name, (long long)v);
    return v;
}

static int64_t arg_of(const char *name, const int64_t *set, unsigned n, bool garbage)
{
    int64_t v = set[rn(n)];
    if (garbage && rn(16) == 0)
        v ^= (int64_t)(rnd() & 0xffffffff);
    out(" %s=%#llx", name, (unsigned long long)v);
    return v;
}
/* ARG: one of the values; FLAGS: sometimes with garbage bits flipped in its
 * low 32 bits (only flag words that cannot turn harmful that way). */
#define ARG(name, ...) ({ static const int64_t s_[] = { __VA_ARGS__ }; \
                          arg_of(name, s_, sizeof s_ / sizeof s_[0], false); })
#define FLAGS(name, ...) ({ static const int64_t s_[] = { __VA_ARGS__ }; \
                            arg_of(name, s_, sizeof s_ / sizeof s_[0], true); })

/* fds: 100 + kind for those opened at start */
enum {
    D_FILE, D_RO, D_DIR, D_PIPE_R, D_PIPE_W, D_SOCK, D_SOCK2, D_UDP, D_EVENT, D_EPOLL,
    D_NULL, D_PATH, D_MEMFD, NOPEN,
    D_CLOSED = NOPEN, D_NEG, D_HUGE, D_BIG, D_CWD, NFDS
};
static const char *const dname[NFDS] = {
    "file", "ro", "dir", "pipe_r", "pipe_w", "sock", "sock2", "udp", "event", "epoll",
    "null", "path", "memfd", "closed", "neg", "huge", "big", "cwd",
};
#define FD_BASE 100
#define FD_CLOSED 200
#define FD_SCRATCH 240      /* dup3 and F_DUPFD targets, closed again */
static int scratch_dir_fd = 230;

static int64_t fd_of(int k)
{
    switch (k) {
    case D_CLOSED: return FD_CLOSED;
    case D_NEG:    return -1;
    case D_HUGE:   return 0x7fffffff;
    case D_BIG:    return (1LL << 32) | (FD_BASE + D_FILE);
    case D_CWD:    return AT_FDCWD;
    default:       return FD_BASE + k;
    }
}

/* safe: not /dev/null, for calls that change the file behind the fd */
static int64_t arg_fd_k(const char *name, bool safe, int *kind)
{
    int k;
    do
        k = (int)rn(NFDS);
    while (safe && k == D_NULL);
    *kind = k;
    out(" %s=%s", name, dname[k]);
    return fd_of(k);
}
static int64_t arg_fd(const char *name, bool safe)
{
    int k;
    return arg_fd_k(name, safe, &k);
}
static int64_t arg_dirfd(const char *name, bool safe)
{
    int k;
    if (rn(2))
        k = rn(2) ? D_CWD : D_DIR;
    else
        do
            k = (int)rn(NFDS);
        while (safe && k == D_NULL);
    out(" %s=%s", name, dname[k]);
    return fd_of(k);
}

/* Paths: strings relative to the scratch directory, or bad pointers. Only
 * calls that do not change anything may get an absolute one. */
static uint64_t arg_path(const char *name, bool may_abs)
{
    static const char *const rel[] = { "f", "d", "l", "nx", "d/x", "", "r", "f/x", "new", "d/sub" };
    static const char *const abs_[] = { "/dev/null", "/proc/self/fd", "/" };
    uint64_t at = (uint64_t)PAGE(P_C) + 2048;
    switch (rn(8)) {
    case 0: {
        static const int k[] = { K_NULL, K_NONE, K_HOLE, K_KERN, K_M1, K_TOP, K_NONCANON };
        int kk = PICK(k);
        out(" %s=%s", name, kname[kk]);
        return ptr_of(kk, 1, 0);
    }
    case 1:     /* no NUL before the PROT_NONE page */
        out(" %s=unterminated", name);
        return (uint64_t)PAGE(P_N) - 40;
    case 2: {   /* longer than PATH_MAX, in A and B */
        uint8_t *p = PAGE(P_A) + 16;
        memset(p, 'a', 4200);
        p[4200] = 0;
        out(" %s=long", name);
        return (uint64_t)p;
    }
    case 3:
        if (may_abs) {
            const char *s = PICK(abs_);
            put(at, s, strlen(s) + 1);
            out(" %s='%s'", name, s);
            return at;
        }
        /* fall through */
    default: {
        const char *s = PICK(rel);
        size_t n = strlen(s) + 1;
        /* sometimes ending exactly at the PROT_NONE page */
        uint64_t p = rn(4) == 0 ? (uint64_t)PAGE(P_N) - n : at;
        put(p, s, n);
        out(" %s='%s'%s", name, s, p == at ? "" : "@end");
        return p;
    }
    }
}

/* ---- results ---- */

static long result;
static bool no_sum;
static const char *ret_text;

static void ret_norm_fd(void)
{
    if (result >= 0) {
        ret_text = "fd";
        close((int)result);
    }
}

/* ---- the calls ---- */

struct k_sigaction {
    uint64_t handler, flags;
#ifdef __x86_64__
    uint64_t restorer;
#endif
    uint64_t mask;
};

#define NR_(name) SYS_##name

static void c_read(void)
{
    int k;
    int64_t fd = arg_fd_k("fd", false, &k);
    int64_t n = arg_len("n", 64);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    result = SC(NR_(read), fd, p, n);
}

static void c_write(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t n = arg_len("n", 64);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    result = SC(NR_(write), fd, p, n);
}

static void c_pread(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t n = arg_len("n", 100);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    int64_t off = ARG("off", 0, 1, 4096, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(pread64), fd, p, n, off);
}

static void c_pwrite(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t n = arg_len("n", 100);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    int64_t off = ARG("off", 0, 1, 4096, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(pwrite64), fd, p, n, off);
}

/* An iovec array in C with entries of every kind. */
static uint64_t arg_iov(int *cnt_out, int64_t *cnt_arg)
{
    static const int64_t counts[] = { 0, 1, 2, 3, 1024, 1025, -1, 0x100000001L };
    int n = 1 + (int)rn(3);
    struct iovec v[3] = { 0 };
    out(" iov=[");
    for (int i = 0; i < n; i++) {
        int k = rn(2) ? K_GOOD : (int)rn(NKINDS);
        int64_t len;
        switch (rn(4)) {
        case 0: len = 0; break;
        case 1: len = 16; break;
        case 2: len = 5000; break;
        default: len = rn(2) ? -1 : (1L << 31); break;
        }
        v[i].iov_base = (void *)(uintptr_t)ptr_of(k, 16, i & 1);
        v[i].iov_len = (size_t)len;
        out("%s%s:%lld", i ? "," : "", kname[k], (long long)len);
    }
    out("]");
    int pk = rn(4) ? K_PGSTART : (int)rn(NKINDS);
    uint64_t at = pk == K_PGSTART ? (uint64_t)PAGE(P_C) + 256 : ptr_of(pk, sizeof v, 1);
    out("@%s", pk == K_PGSTART ? "good" : kname[pk]);
    put(at, v, sizeof v);
    *cnt_out = n;
    *cnt_arg = rn(2) ? n : counts[rn(sizeof counts / sizeof counts[0])];
    out(" cnt=%lld", (long long)*cnt_arg);
    return at;
}

static void c_readv(void)
{
    int n;
    int64_t cnt;
    int64_t fd = arg_fd("fd", false);
    uint64_t v = arg_iov(&n, &cnt);
    result = SC(NR_(readv), fd, v, cnt);
}

static void c_writev(void)
{
    int n;
    int64_t cnt;
    int64_t fd = arg_fd("fd", true);
    uint64_t v = arg_iov(&n, &cnt);
    result = SC(NR_(writev), fd, v, cnt);
}

static void c_preadv(void)
{
    int n;
    int64_t cnt;
    int64_t fd = arg_fd("fd", false);
    uint64_t v = arg_iov(&n, &cnt);
    int64_t off = ARG("off", 0, 10, -1, -2);
    result = SC(NR_(preadv), fd, v, cnt, off, 0);
}

static void c_lseek(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t off = ARG("off", 0, 1, 100, -1, 1L << 40, INT64_MAX, INT64_MIN);
    int64_t wh = ARG("whence", 0, 1, 2, 3, 4, 5, -1);
    result = SC(NR_(lseek), fd, off, wh);
}

static void c_openat(void)
{
    int64_t dfd = arg_dirfd("dfd", true);
    int ro = rn(2);
    uint64_t p = arg_path("path", ro);
    int64_t fl = ro ? FLAGS("flags", O_RDONLY, O_RDONLY | O_DIRECTORY, O_PATH, O_RDONLY | O_NOFOLLOW,
                          O_RDONLY | O_CLOEXEC)
                    : FLAGS("flags", O_RDWR, O_WRONLY | O_CREAT, O_RDWR | O_CREAT | O_EXCL,
                          O_RDWR | O_TMPFILE, O_WRONLY | O_APPEND, O_RDWR | O_CREAT | O_DIRECTORY,
                          0xffffffffL, 3);
    if (ro)
        fl &= ~(int64_t)(O_CREAT | O_TRUNC | O_TMPFILE | O_WRONLY | O_RDWR | O_APPEND | 3);
    int64_t mode = ARG("mode", 0644, 0, 07777, 0xffffffffL);
    result = SC(NR_(openat), dfd, p, fl, mode);
    ret_norm_fd();
}

static void c_close(void)
{
    int64_t fd = ARG("fd", FD_CLOSED, -1, 0x7fffffff, -100, 1L << 32 | FD_CLOSED);
    result = SC(NR_(close), fd);
}

static void c_dup(void)
{
    int64_t fd = arg_fd("fd", false);
    if (rn(2)) {
        result = SC(NR_(dup), fd);
        ret_norm_fd();
        return;
    }
    int64_t nfd = ARG("new", FD_SCRATCH, -1, FD_BASE + D_FILE, 1L << 20, 0x7fffffff);
    int64_t fl = FLAGS("flags", 0, O_CLOEXEC, 1, -1);
    if (nfd == FD_BASE + D_FILE && fd != nfd)
        nfd = FD_SCRATCH;       /* never over one of the fixed fds */
    result = SC(NR_(dup3), fd, nfd, fl);
    if (result == FD_SCRATCH)
        close(FD_SCRATCH);
}

static void c_pipe2(void)
{
    uint64_t p = arg_ptr("fds", 8, 0);
    int64_t fl = FLAGS("flags", 0, O_CLOEXEC, O_NONBLOCK, O_DIRECT, O_CLOEXEC | O_NONBLOCK, 1, 0x80000000L);
    result = SC(NR_(pipe2), p, fl);
    if (result == 0 && inside(p, 8)) {
        int fds[2];
        memcpy(fds, (void *)(uintptr_t)p, 8);
        close(fds[0]);
        close(fds[1]);
        blank(p, 8);
    }
}

static void c_fcntl(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t cmd = ARG("cmd", F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_GETLK, F_SETLK, F_OFD_GETLK,
                      F_GETOWN, F_GETOWN_EX, F_DUPFD, F_DUPFD_CLOEXEC, F_GETPIPE_SZ, F_SETPIPE_SZ,
                      F_GET_SEALS, F_ADD_SEALS, F_GETSIG, 1000, -1);
    int64_t arg;
    switch (cmd) {
    case F_GETLK: case F_SETLK: case F_OFD_GETLK: case F_GETOWN_EX: {
        struct flock l = { .l_type = (short)(rn(2) ? F_RDLCK : F_WRLCK), .l_whence = SEEK_SET,
                           .l_start = rn(2) ? 0 : -1, .l_len = 10 };
        if (rn(4) == 0)
            l.l_type = 99;
        arg = (int64_t)arg_ptr("lock", sizeof l, 0);
        put((uint64_t)arg, &l, sizeof l);
        out(" type=%d start=%lld", l.l_type, (long long)l.l_start);
        break;
    }
    case F_DUPFD: case F_DUPFD_CLOEXEC:
        arg = ARG("arg", FD_SCRATCH, -1, 1L << 20, 0x7fffffff);
        break;
    case F_SETFL:
        /* keep the fixed fds nonblocking */
        arg = ARG("arg", O_NONBLOCK, O_NONBLOCK | O_APPEND, O_NONBLOCK | O_ASYNC, -1);
        break;
    case F_SETPIPE_SZ:
        arg = ARG("arg", 4096, 65536, 0, -1, 1L << 31);
        break;
    default:
        arg = ARG("arg", 0, 1, FD_CLOEXEC, -1, 0x8000);
        break;
    }
    if ((cmd == F_SETFL || cmd == 1000 || cmd == -1) && arg != -1)
        arg |= O_NONBLOCK;
    result = SC(NR_(fcntl), fd, cmd, arg);
    if ((cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) && result >= 0)
        ret_norm_fd();
    /* F_SETFL -1 turns nonblocking off too: turn it back on */
    if (cmd == F_SETFL && fd >= FD_BASE && fd < FD_BASE + NOPEN)
        fcntl((int)fd, F_SETFL, fcntl((int)fd, F_GETFL) | O_NONBLOCK);
}

static void c_ioctl(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t req = ARG("req", TCGETS, FIONREAD, TIOCGWINSZ, FIONBIO, FIOCLEX, FIONCLEX, TIOCGPGRP,
                      0x1234, -1);
    uint64_t p = arg_ptr("arg", 64, 0);
    if (req == FIONBIO) {
        int one = 1;
        put(p, &one, sizeof one);   /* stay nonblocking */
    }
    result = SC(NR_(ioctl), fd, req, p);
    /* the 1 put cannot stay where p is read-only (zeros): back on */
    if (req == FIONBIO && fd >= FD_BASE && fd < FD_BASE + NOPEN)
        fcntl((int)fd, F_SETFL, fcntl((int)fd, F_GETFL) | O_NONBLOCK);
}

static void c_flock(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t op = ARG("op", LOCK_SH | LOCK_NB, LOCK_EX | LOCK_NB, LOCK_UN, 0, 7 | LOCK_NB, -1 & ~0L);
    if (!(op & LOCK_NB) && op != LOCK_UN)
        op |= LOCK_NB;
    result = SC(NR_(flock), fd, op);
}

static void c_fsync(void)
{
    int64_t fd = arg_fd("fd", false);
    if (rn(2)) {
        result = SC(NR_(fsync), fd);
    } else {
        out(" data");
        result = SC(NR_(fdatasync), fd);
    }
}

static void c_ftruncate(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t len = ARG("len", 0, 5000, 100000, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(ftruncate), fd, len);
}

static void c_fallocate(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t mode = ARG("mode", 0, FALLOC_FL_KEEP_SIZE, FALLOC_FL_PUNCH_HOLE, 
                       FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0x100, -1);
    int64_t off = ARG("off", 0, 4096, -1, INT64_MAX);
    int64_t len = ARG("len", 0, 4096, 65536, -1, INT64_MAX);
    result = SC(NR_(fallocate), fd, mode, off, len);
}

static void c_sendfile(void)
{
    int64_t o = arg_fd("out", true);
    int64_t i = arg_fd("in", false);
    int k;
    uint64_t p = arg_ptr_k("off", 8, 0, &k);
    int64_t off = rn(2) ? 0 : -1;
    put(p, &off, 8);
    int64_t n = ARG("n", 0, 10, 100000, -1, 1L << 40);
    result = SC(NR_(sendfile), o, i, p, n);
}

static void c_copy_file_range(void)
{
    int64_t i = arg_fd("in", false);
    uint64_t pi = arg_ptr("offin", 8, 0);
    int64_t o = arg_fd("out", true);
    uint64_t po = arg_ptr("offout", 8, 1);
    int64_t off = rn(2) ? 0 : -5;
    put(pi, &off, 8);
    off = 100;
    put(po, &off, 8);
    int64_t n = ARG("n", 0, 10, 100000, -1);
    int64_t fl = ARG("flags", 0, 1);
    result = SC(NR_(copy_file_range), i, pi, o, po, n, fl);
}

/* struct stat blanked where it differs from run to run */
static void norm_stat(uint64_t p)
{
    BLANK(p, struct stat, st_ino);
    BLANK(p, struct stat, st_atim);
    BLANK(p, struct stat, st_mtim);
    BLANK(p, struct stat, st_ctim);
    BLANK(p, struct stat, st_blocks);
    BLANK(p, struct stat, st_dev);
}

static void c_fstat(void)
{
    int64_t fd = arg_fd("fd", false);
    uint64_t p = arg_ptr("st", sizeof(struct stat), 0);
    result = SC(NR_(fstat), fd, p);
    if (result == 0)
        norm_stat(p);
}

static void c_newfstatat(void)
{
    int64_t fd = arg_dirfd("dfd", false);
    uint64_t path = arg_path("path", true);
    uint64_t p = arg_ptr("st", sizeof(struct stat), 1);
    int64_t fl = FLAGS("flags", 0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT, 0x1, -1);
    result = SC(NR_(newfstatat), fd, path, p, fl);
    if (result == 0)
        norm_stat(p);
}

static void c_statx(void)
{
    int64_t fd = arg_dirfd("dfd", false);
    uint64_t path = arg_path("path", true);
    int64_t fl = FLAGS("flags", 0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_STATX_FORCE_SYNC,
                     AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, 0x1, -1);
    int64_t mask = FLAGS("mask", STATX_BASIC_STATS, STATX_ALL, 0, STATX_SIZE, 0xffffffffL, 0x80000000L);
    uint64_t p = arg_ptr("stx", sizeof(struct statx), 1);
    result = SC(NR_(statx), fd, path, fl, mask, p);
    if (result == 0) {
        BLANK(p, struct statx, stx_ino);
        BLANK(p, struct statx, stx_atime);
        BLANK(p, struct statx, stx_btime);
        BLANK(p, struct statx, stx_ctime);
        BLANK(p, struct statx, stx_mtime);
        BLANK(p, struct statx, stx_blocks);
        BLANK(p, struct statx, stx_dev_major);
        BLANK(p, struct statx, stx_dev_minor);
        BLANK(p, struct statx, stx_mnt_id);
    }
}

static void c_getdents(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t n = arg_len("n", 512);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    /* the directory is read from its start each time */
    if (fd == FD_BASE + D_DIR)
        lseek((int)fd, 0, SEEK_SET);
    result = SC(NR_(getdents64), fd, p, n);
    /* inode numbers and hash offsets vary; names, types and lengths not */
    for (int64_t off = 0; result > 0 && off + 19 <= result; ) {
        uint64_t e = p + (uint64_t)off;
        if (!writable(e) || !writable(e + 18))
            break;
        uint16_t reclen;
        memcpy(&reclen, (void *)(uintptr_t)(e + 16), 2);
        blank(e, 16);
        if (!reclen)
            break;
        off += reclen;
    }
}

static void c_readlinkat(void)
{
    int64_t fd = arg_dirfd("dfd", false);
    uint64_t path = arg_path("path", true);
    int64_t n = arg_len("n", 16);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 1);
    result = SC(NR_(readlinkat), fd, path, p, n);
}

static void c_getcwd(void)
{
    int64_t n = arg_len("n", 64);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    result = SC(NR_(getcwd), p, n);
}

static void c_faccessat(void)
{
    int64_t fd = arg_dirfd("dfd", false);
    uint64_t path = arg_path("path", true);
    int64_t mode = ARG("mode", F_OK, R_OK, W_OK | X_OK, 8, -1);
    if (rn(2)) {
        result = SC(NR_(faccessat), fd, path, mode);
    } else {
        int64_t fl = FLAGS("flags", 0, AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, 0x1, -1);
        result = SC(NR_(faccessat2), fd, path, mode, fl);
    }
}

static void c_mkdir_unlink(void)
{
    int64_t fd = arg_dirfd("dfd", true);
    uint64_t path = arg_path("path", false);
    if (rn(2)) {
        int64_t mode = ARG("mode", 0755, 0, 07777, -1);
        out(" mkdir");
        result = SC(NR_(mkdirat), fd, path, mode);
    } else {
        int64_t fl = ARG("flags", 0, AT_REMOVEDIR, 0x1, -1);
        out(" unlink");
        result = SC(NR_(unlinkat), fd, path, fl);
    }
}

static void c_renameat2(void)
{
    int64_t f1 = arg_dirfd("dfd", true);
    uint64_t p1 = arg_path("old", false);
    int64_t f2 = arg_dirfd("ndfd", true);
    uint64_t at = (uint64_t)PAGE(P_D) + 100;
    static const char *const names[] = { "new", "f", "d/y", "nx/z" };
    const char *s = PICK(names);
    put(at, s, strlen(s) + 1);
    out(" new='%s'", s);
    int64_t fl = FLAGS("flags", 0, 1 /* NOREPLACE */, 2 /* EXCHANGE */, 3, 8, -1);
    result = SC(NR_(renameat2), f1, p1, f2, at, fl);
}

static void c_symlink_link(void)
{
    uint64_t target = arg_path("target", true);
    int64_t fd = arg_dirfd("dfd", true);
    uint64_t at = (uint64_t)PAGE(P_D) + 200;
    static const char *const names[] = { "new", "f", "sl", "d/sl" };
    const char *s = PICK(names);
    put(at, s, strlen(s) + 1);
    out(" link='%s'", s);
    if (rn(2)) {
        result = SC(NR_(symlinkat), target, fd, at);
    } else {
        int64_t fl = ARG("flags", 0, AT_SYMLINK_FOLLOW, AT_EMPTY_PATH, -1);
        out(" hard");
        /* a hard link's target must stay in the scratch directory too */
        if (writable(target) && *(char *)(uintptr_t)target == '/')
            *(char *)(uintptr_t)target = 'x';
        result = SC(NR_(linkat), fd, target, fd, at, fl);
    }
}

static void c_fchmodat(void)
{
    int64_t fd = arg_dirfd("dfd", true);
    uint64_t path = arg_path("path", false);
    int64_t mode = ARG("mode", 0644, 0600, 0777, 07777, -1);
    result = SC(NR_(fchmodat), fd, path, mode);
}

static void c_fchmod(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t mode = ARG("mode", 0644, 0600, 0777, 07777, -1);
    result = SC(NR_(fchmod), fd, mode);
}

static void c_truncate(void)
{
    uint64_t path = arg_path("path", false);
    int64_t len = ARG("len", 0, 5000, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(truncate), path, len);
}

static void c_utimensat(void)
{
    int64_t fd = arg_dirfd("dfd", true);
    uint64_t path = rn(4) ? arg_path("path", false) : 0;
    struct timespec t[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
    switch (rn(3)) {
    case 0: t[0].tv_nsec = 1000000000; break;
    case 1: t[1].tv_sec = 100; t[1].tv_nsec = 5; break;
    default: t[0].tv_nsec = -1; break;
    }
    uint64_t p = arg_ptr("times", sizeof t, 0);
    put(p, t, sizeof t);
    out(" t0ns=%ld t1=%ld.%ld", (long)t[0].tv_nsec, (long)t[1].tv_sec, (long)t[1].tv_nsec);
    int64_t fl = ARG("flags", 0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, -1);
    if (!path)
        out(" path=NULL");
    result = SC(NR_(utimensat), fd, path, p, fl);
}

static void norm_statfs(uint64_t p)
{
    /* the counts of free blocks and inodes move with everything else */
    struct statfs_ { uint64_t type, bsize, blocks, bfree, bavail, files, ffree; int fsid[2]; };
    blank(p + offsetof(struct statfs_, bfree), 16);
    blank(p + offsetof(struct statfs_, ffree), 8 + 8);
}

static void c_statfs(void)
{
    uint64_t p;
    if (rn(2)) {
        uint64_t path = arg_path("path", true);
        p = arg_ptr("buf", 120, 1);
        result = SC(NR_(statfs), path, p);
    } else {
        int64_t fd = arg_fd("fd", false);
        p = arg_ptr("buf", 120, 1);
        result = SC(NR_(fstatfs), fd, p);
    }
    if (result == 0)
        norm_statfs(p);
}

static void c_chdir(void)
{
    if (rn(2)) {
        uint64_t path = arg_path("path", false);
        result = SC(NR_(chdir), path);
    } else {
        int64_t fd = arg_fd("fd", false);
        out(" f");
        result = SC(NR_(fchdir), fd);
    }
    fchdir(scratch_dir_fd);
}

/* ---- memory ---- */

static uint64_t brk0;

static uint64_t arg_addr(const char *name)
{
    static const int k[] = { K_GOOD, K_PGSTART, K_NONE, K_HOLE, K_RO, K_UNALIGNED, K_KERN,
                             K_M1, K_NULL, K_TOPPAGE, K_NONCANON };
    int kk = PICK(k);
    uint64_t a;
    switch (kk) {
    case K_GOOD: a = (uint64_t)PAGE(P_A); break;
    case K_PGSTART: a = (uint64_t)PAGE(P_D); break;
    case K_RO: a = (uint64_t)PAGE(P_R); break;
    case K_UNALIGNED: a = (uint64_t)PAGE(P_A) + 1; break;
    default: a = ptr_of(kk, 1, 0) & (kk == K_M1 ? ~0ULL : ~(PG - 1)); break;
    }
    out(" %s=%s", name, kk == K_GOOD ? "a" : kk == K_PGSTART ? "d" : kname[kk]);
    return a;
}

/* Lengths for calls on [addr, addr+len): huge ones only where they wrap
 * (madvise would act on every mapping above), and none that reach past the
 * arena, whose neighbours are not ours; below it, one page at most. */
static int64_t arg_mlen(const char *name, uint64_t addr)
{
    int64_t len = ARG(name, 0, 1, 4096, 8192, 3 * 4096, -1, -4096);
    uint64_t end = (uint64_t)(ar + NPAGES * PG);
    if (len > 0 && addr >= (uint64_t)ar && addr < end && addr + (uint64_t)len > end)
        len = (int64_t)(end - addr);
    if (len > 4096 && addr < (uint64_t)ar)
        len = 4096;
    return len;
}

/* A mapping the call made outside the arena goes again; the arena is built
 * again, whatever the call did to it. */
static void mm_after(uint64_t len)
{
    if (result > -4096 && result < 0)
        return;
    uint64_t r = (uint64_t)result;
    if (r >= (uint64_t)ar && r < (uint64_t)(ar + NPAGES * PG))
        ret_text = r == (uint64_t)PAGE(P_H) ? "h" : r == (uint64_t)PAGE(P_E) ? "e" : "arena";
    else {
        ret_text = r == 0 ? "null" : r == (1ULL << 38) - PG ? "toppage" : r & (PG - 1) ? "unaligned" : "ok";
        munmap((void *)(uintptr_t)r, len);
    }
}

static void c_mmap(void)
{
    static const int64_t fixed_flags[] = { MAP_FIXED, MAP_FIXED_NOREPLACE };
    int64_t prot = FLAGS("prot", PROT_READ, PROT_READ | PROT_WRITE, PROT_NONE, PROT_EXEC | PROT_READ,
                       PROT_GROWSDOWN | PROT_READ, 0x10);
    int64_t fl = FLAGS("flags", MAP_PRIVATE | MAP_ANONYMOUS, MAP_SHARED | MAP_ANONYMOUS, MAP_PRIVATE,
                     MAP_SHARED, MAP_SHARED_VALIDATE | 0x800000, 0, MAP_PRIVATE | MAP_SHARED,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, MAP_PRIVATE | MAP_ANONYMOUS | 0x40);
    fl &= ~(int64_t)(MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_HUGETLB | MAP_LOCKED | MAP_POPULATE);
    uint64_t addr;
    int64_t len;
    if (rn(2)) {
        /* a fixed address: only where it can clobber nothing but the arena */
        static const char *const an[] = { "h", "e", "a+1", "kern", "m1", "toppage", "null" };
        uint64_t as[] = { (uint64_t)PAGE(P_H), (uint64_t)PAGE(P_E), (uint64_t)PAGE(P_A) + 1,
                          0xffffffc000000000ULL, ~0ULL & ~(PG - 1), (1ULL << 38) - PG, 0 };
        unsigned i = rn(7);
        addr = as[i];
        out(" addr=%s", an[i]);
        fl |= fixed_flags[rn(2)];
        out("|fixed%s", fl & MAP_FIXED ? "" : "_noreplace");
        len = ARG("len", 4096, 8192, 3 * 4096, 0, -1, -4096);
        if (i == 6 && (fl & MAP_FIXED))
            len = 4096;     /* page 0 and nothing above it */
        if (i == 5 && len > 4096)
            len = 4096;     /* the qemu stack lies above it */
    } else {
        addr = rn(2) ? 0 : (uint64_t)PAGE(P_H);
        out(" addr=%s", addr ? "h(hint)" : "0");
        len = ARG("len", 4096, 1, 8192, 1L << 20, 0, -1, -4096, 1L << 40, 0x7ffffffffffff000L);
    }
    int k;
    int64_t fd = (fl & MAP_ANONYMOUS) && rn(2) ? -1 : arg_fd_k("fd", false, &k);
    int64_t off = ARG("off", 0, 4096, 1, -4096, 1L << 40);
    result = SC(NR_(mmap), addr, len, prot, fl, fd, off);
    mm_after((uint64_t)len);
    arena_build();
}

static void c_munmap(void)
{
    uint64_t a;
    static const char *const an[] = { "h", "e", "a+1", "kern", "m1", "null", "toppage", "d" };
    uint64_t as[] = { (uint64_t)PAGE(P_H), (uint64_t)PAGE(P_E), (uint64_t)PAGE(P_A) + 1,
                      0xffffffc000000000ULL, ~0ULL & ~(PG - 1), 0, (1ULL << 38) - PG,
                      (uint64_t)PAGE(P_D) };
    unsigned i = rn(8);
    a = as[i];
    out(" addr=%s", an[i]);
    int64_t len = ARG("len", 0, 1, 4096, 8192, 3 * 4096, -1, -4096, 0x7ffffffffffff000L);
    uint64_t end = (uint64_t)(ar + NPAGES * PG);
    if (a >= (uint64_t)ar && a < end && len > 0 && len < (1L << 40) && a + (uint64_t)len > end)
        len = (int64_t)(end - a);
    if ((i == 5 || i == 6) && len > 4096)
        len = -4096;        /* wraps: nothing is unmapped */
    if (i == 4 && len > 0)
        len = -4096;        /* qemu 7.2 asserts (page_set_flags) on the last page with a small length */
    result = SC(NR_(munmap), a, len);
    arena_build();
}

static void c_mprotect(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    int64_t prot = FLAGS("prot", PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE,
                       PROT_READ | PROT_WRITE | PROT_EXEC, PROT_READ | PROT_GROWSDOWN,
                       PROT_READ | PROT_GROWSUP, 0x10, -1);
    result = SC(NR_(mprotect), a, len, prot);
    arena_build();
}

static void c_madvise(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    /* not MADV_HWPOISON or MADV_SOFT_OFFLINE, which root may do */
    int64_t adv = FLAGS("advice", MADV_NORMAL, MADV_RANDOM, MADV_WILLNEED, MADV_DONTNEED, MADV_FREE,
                      MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK, MADV_MERGEABLE, MADV_HUGEPAGE,
                      MADV_COLD, MADV_PAGEOUT, 1000, -1);
    if (adv == 100 || adv == 101)
        adv = 1000;
    /* Advice that drops pages, over a range that does not wrap and reaches
     * past the arena, would drop the program's own (Linux applies it to
     * every mapping in the range): one page only. */
    uint64_t end = (uint64_t)(ar + NPAGES * PG);
    if ((adv == MADV_DONTNEED || adv == MADV_FREE || adv == MADV_REMOVE) && a + (uint64_t)len >= a &&
        (a < (uint64_t)ar || a + (uint64_t)len > end) && (uint64_t)len > PG) {
        len = PG;
        out("->%lld", (long long)len);
    }
    result = SC(NR_(madvise), a, len, adv);
    arena_build();
}

static void c_mremap(void)
{
    static const char *const an[] = { "a", "h", "a+1", "kern", "null", "d" };
    uint64_t as[] = { (uint64_t)PAGE(P_A), (uint64_t)PAGE(P_H), (uint64_t)PAGE(P_A) + 1,
                      0xffffffc000000000ULL, 0, (uint64_t)PAGE(P_D) };
    unsigned i = rn(6);
    out(" addr=%s", an[i]);
    int64_t olen = ARG("olen", 0, 4096, 8192, -1);
    int64_t nlen = ARG("nlen", 4096, 8192, 0, -1, 1L << 40, 1L << 20);
    int64_t fl = FLAGS("flags", 0, MREMAP_MAYMOVE, MREMAP_MAYMOVE | MREMAP_FIXED, MREMAP_FIXED,
                     MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 8, -1);
    uint64_t na = (uint64_t)PAGE(P_E);
    if (fl & MREMAP_FIXED) {
        na = rn(2) ? (uint64_t)PAGE(P_E) : rn(2) ? (uint64_t)PAGE(P_A) + 1 : (uint64_t)PAGE(P_H);
        out(" new=%s", na == (uint64_t)PAGE(P_E) ? "e" : na & 1 ? "a+1" : "h");
        if (nlen > 4096)
            nlen = 4096;    /* a fixed target clobbers only arena pages */
    }
    if (!(fl & MREMAP_MAYMOVE) && nlen > 8192)
        nlen = 8192;        /* growing in place: only into the arena's own hole E */
    result = SC(NR_(mremap), as[i], olen, nlen, fl, na);
    mm_after((uint64_t)nlen);
    arena_build();
}

static void c_msync(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    int64_t fl = FLAGS("flags", MS_ASYNC, MS_SYNC, MS_INVALIDATE, MS_ASYNC | MS_SYNC, 8, -1);
    result = SC(NR_(msync), a, len, fl);
}

static void c_mincore(void)
{
    uint64_t a = arg_addr("addr");
    int64_t len = arg_mlen("len", a);
    uint64_t v = arg_ptr("vec", 4, 1);
    result = SC(NR_(mincore), a, len, v);
}

static void c_brk(void)
{
    uint64_t cur = (uint64_t)SC(NR_(brk), 0);
    static const char *const an[] = { "0", "cur", "cur+8k", "cur-1", "1", "m1", "kern", "cur+1t" };
    uint64_t as[] = { 0, cur, cur + 8192, cur - 1, 1, ~0ULL, 0xffffffc000000000ULL, cur + (1ULL << 40) };
    unsigned i = rn(8);
    out(" addr=%s", an[i]);
    result = SC(NR_(brk), as[i]);
    if (result > 0) {
        char t[32];
        static char keep[32];
        snprintf(t, sizeof t, "brk0%+lld", (long long)((uint64_t)result - brk0));
        memcpy(keep, t, sizeof keep);
        ret_text = keep;
    }
    SC(NR_(brk), cur);
}

/* ---- signals ---- */

static const int64_t sigs[] = { 0, 1, SIGUSR1, SIGSEGV, SIGKILL, SIGSTOP, SIGCHLD, 31, 32, 33, 34,
                                63, 64, 65, -1, (1LL << 32) | SIGUSR2, 1000 };

static void c_rt_sigaction(void)
{
    int64_t sig = arg_of("sig", sigs, sizeof sigs / sizeof sigs[0], true);
    if (sig == SIGPIPE)
        sig = SIGUSR2;      /* SIGPIPE stays ignored: a write to a pipe may raise it */
    struct k_sigaction a = { 0 };
    static const uint64_t handlers[] = { 0, 1 };
    a.handler = rn(3) ? handlers[rn(2)] : (uint64_t)(uintptr_t)text_fn;
    static const uint64_t flags[] = { 0, SA_RESTART, SA_SIGINFO, SA_ONSTACK | SA_NODEFER,
                                      0x04000000 /* SA_RESTORER */, 0xffffffff, 0x400 };
    a.flags = PICK(flags);
    a.mask = rnd();
    uint64_t p = rn(4) ? arg_ptr("act", sizeof a, 0) : (out(" act=null"), 0);
    put(p, &a, sizeof a);
    out(" h=%s fl=%#llx", a.handler == (uint64_t)(uintptr_t)text_fn ? "fn" : a.handler ? "ign" : "dfl",
        (unsigned long long)a.flags);
    uint64_t o = arg_ptr("old", sizeof a, 1);
    int64_t sz = ARG("size", 8, 0, 4, 16, 128, -1);
    result = SC(NR_(rt_sigaction), sig, p, o, sz);
}

static void c_rt_sigprocmask(void)
{
    int64_t how = ARG("how", SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, 3, -1);
    uint64_t set = rnd();
    uint64_t p = rn(4) ? arg_ptr("set", 8, 0) : (out(" set=null"), 0);
    put(p, &set, 8);
    uint64_t o = arg_ptr("old", 8, 1);
    int64_t sz = ARG("size", 8, 0, 4, 16, -1);
    result = SC(NR_(rt_sigprocmask), how, p, o, sz);
    uint64_t none = 0;
    SC(NR_(rt_sigprocmask), SIG_SETMASK, &none, 0, 8);
}

static void c_rt_sigpending(void)
{
    uint64_t p = arg_ptr("set", 8, 0);
    int64_t sz = ARG("size", 8, 0, 4, 16, -1);
    result = SC(NR_(rt_sigpending), p, sz);
}

static void c_sigaltstack(void)
{
    stack_t s = { 0 };
    static const uint64_t sps[] = { 0, 0x1000, ~0ULL };
    s.ss_sp = rn(2) ? PAGE(P_C) : (void *)(uintptr_t)PICK(sps);
    static const int fls[] = { 0, SS_DISABLE, SS_ONSTACK, (int)0x80000000 /* SS_AUTODISARM */, 0x7, -1 };
    s.ss_flags = PICK(fls);
    static const uint64_t sizes[] = { 0, 1024, 2047, 2048, 4096, 8192, 1ULL << 40, ~0ULL };
    s.ss_size = (size_t)PICK(sizes);
    uint64_t p = rn(4) ? arg_ptr("ss", sizeof s, 0) : (out(" ss=null"), 0);
    put(p, &s, sizeof s);
    out(" sp=%s fl=%d size=%llu", s.ss_sp == PAGE(P_C) ? "c" : s.ss_sp ? "bad" : "0",
        s.ss_flags, (unsigned long long)s.ss_size);
    uint64_t o = arg_ptr("old", sizeof s, 1);
    result = SC(NR_(sigaltstack), p, o);
    /* the old stack's sp is an arena address: name it */
    if (inside(o, sizeof s) && result == 0) {
        stack_t old;
        memcpy(&old, (void *)(uintptr_t)o, sizeof old);
        if (old.ss_sp == PAGE(P_C))
            BLANK(o, stack_t, ss_sp);
    }
    stack_t off = { .ss_flags = SS_DISABLE };
    sigaltstack(&off, NULL);
}

static void c_kill(void)
{
    /* only this process, or none; only signal 0 or invalid ones */
    static const char *const pn[] = { "self", "nx", "0" };
    unsigned i = rn(3);
    int64_t pid = i == 0 ? getpid() : i == 1 ? 0x7fffffff : 0;
    int64_t sig = ARG("sig", 0, 65, -1, 1000, 1L << 32, 1L << 32 | 65);
    out(" pid=%s", pn[i]);
    switch (rn(3)) {
    case 0: result = SC(NR_(kill), pid, sig); break;
    case 1: out(" t"); result = SC(NR_(tkill), i == 0 ? gettid() : pid ? pid : -1, sig); break;
    default: out(" tg"); result = SC(NR_(tgkill), pid ? pid : -1, i == 0 ? gettid() : pid, sig); break;
    }
}

static void c_rt_sigtimedwait(void)
{
    uint64_t set = rnd() & ~(1ULL << (SIGKILL - 1));
    uint64_t p = arg_ptr("set", 8, 0);
    put(p, &set, 8);
    uint64_t info = rn(2) ? arg_ptr("info", 128, 1) : (out(" info=null"), 0);
    struct timespec ts = { 0, rn(4) ? 0 : -1 };
    int k;
    uint64_t t = arg_ptr_k("tmo", sizeof ts, 0, &k);
    if (k == K_NULL || k == K_TEXT) {     /* never wait without a timeout */
        t = (uint64_t)PAGE(P_R);
        out("->ro");
    }
    put(t, &ts, sizeof ts);
    int64_t sz = ARG("size", 8, 0, 16, -1);
    result = SC(NR_(rt_sigtimedwait), p, info, t, sz);
}

/* ---- time ---- */

static const int64_t clocks[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -1, 100, -6, -2, 0x7fffffff,
                                  (1LL << 32) | 1 };

static void c_clock_gettime(void)
{
    int64_t clk = arg_of("clk", clocks, sizeof clocks / sizeof clocks[0], false);
    uint64_t p = arg_ptr("ts", sizeof(struct timespec), 0);
    if (rn(2)) {
        result = SC(NR_(clock_gettime), clk, p);
        if (result == 0)
            blank(p, sizeof(struct timespec));
    } else {
        out(" res");
        result = SC(NR_(clock_getres), clk, p);
    }
}

/* A short timespec in, or a bad one; never one that sleeps long. */
static uint64_t arg_sleep_ts(const char *name, int slot)
{
    static const struct timespec v[] = { { 0, 1000 }, { 0, 0 }, { 0, -1 }, { 0, 1000000000 },
                                         { -1, 0 }, { 0, 999999999 - 999999000 } };
    int k;
    uint64_t p = arg_ptr_k(name, sizeof(struct timespec), slot, &k);
    unsigned i = rn(6);
    if (k == K_NULL || k == K_TEXT) {
        p = (uint64_t)PAGE(P_R);    /* zero: returns at once */
        out("->ro");
    }
    put(p, &v[i], sizeof v[i]);
    out(" %s=%lld.%09ld", name, (long long)v[i].tv_sec, (long)v[i].tv_nsec);
    return p;
}

static void c_nanosleep(void)
{
    uint64_t req = arg_sleep_ts("req", 0);
    uint64_t rem = arg_ptr("rem", sizeof(struct timespec), 1);
    if (rn(2)) {
        result = SC(NR_(nanosleep), req, rem);
    } else {
        int64_t clk = arg_of("clk", clocks, sizeof clocks / sizeof clocks[0], false);
        int64_t fl = FLAGS("flags", 0, TIMER_ABSTIME, 2, -1);
        /* A relative sleep on the process's own CPU clock (2, or a pid's
         * negative clock id) never ends in a process that only sleeps:
         * absolute, the microsecond asked for has passed already. */
        if (clk == CLOCK_PROCESS_CPUTIME_ID || clk < 0)
            fl |= TIMER_ABSTIME;
        result = SC(NR_(clock_nanosleep), clk, fl, req, rem);
    }
}

static void c_gettimeofday(void)
{
    uint64_t tv = rn(4) ? arg_ptr("tv", sizeof(struct timeval), 0) : (out(" tv=null"), 0);
    uint64_t tz = rn(2) ? arg_ptr("tz", 8, 1) : (out(" tz=null"), 0);
    result = SC(NR_(gettimeofday), tv, tz);
    if (result == 0) {
        blank(tv, sizeof(struct timeval));
    }
}

static void c_times(void)
{
    uint64_t p = rn(4) ? arg_ptr("buf", 32, 0) : (out(" buf=null"), 0);
    result = SC(NR_(times), p);
    if (result >= 0 || result < -4095) {
        ret_text = "ok";
        blank(p, 32);
    }
}

static void c_itimer(void)
{
    int64_t which = ARG("which", ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF, 3, -1);
    uint64_t o = arg_ptr("old", sizeof(struct itimerval), 1);
    if (rn(2)) {
        result = SC(NR_(getitimer), which, o);
        return;
    }
    /* disarmed or invalid values only: an armed timer would kill the guest */
    struct itimerval v = { { 0, 0 }, { 0, 0 } };
    if (rn(2))
        v.it_value.tv_usec = 1000000;
    if (rn(4) == 0)
        v.it_interval.tv_usec = -1;
    int k;
    uint64_t p = arg_ptr_k("new", sizeof v, 0, &k);
    if (k == K_TEXT) {
        p = (uint64_t)PAGE(P_R);
        out("->ro");
    }
    put(p, &v, sizeof v);
    out(" usec=%ld,%ld", (long)v.it_value.tv_usec, (long)v.it_interval.tv_usec);
    result = SC(NR_(setitimer), which, p, o);
}

/* ---- process information ---- */

static void c_uname(void)
{
    uint64_t p = arg_ptr("buf", sizeof(struct utsname), 0);
    result = SC(NR_(uname), p);
}

static void c_sysinfo(void)
{
    uint64_t p = arg_ptr("info", sizeof(struct sysinfo), 0);
    result = SC(NR_(sysinfo), p);
    if (result == 0)
        blank(p, offsetof(struct sysinfo, mem_unit));
}

static void c_getrusage(void)
{
    int64_t who = ARG("who", RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD, 2, -3, 100);
    uint64_t p = arg_ptr("ru", sizeof(struct rusage), 0);
    result = SC(NR_(getrusage), who, p);
    if (result == 0)
        blank(p, sizeof(struct rusage));
}

static void c_getrandom(void)
{
    int64_t n = arg_len("n", 16);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    int64_t fl = FLAGS("flags", 0, GRND_NONBLOCK, GRND_RANDOM | GRND_NONBLOCK, GRND_INSECURE,
                     GRND_INSECURE | GRND_RANDOM, 0x8, -1);
    result = SC(NR_(getrandom), p, n, fl);
    if (result > 0)
        blank(p, (size_t)result);
}

static void c_sched_getaffinity(void)
{
    static const char *const pn[] = { "0", "nx", "m1" };
    unsigned i = rn(3);
    int64_t pid = i == 0 ? 0 : i == 1 ? 0x7fffffff : -1;
    out(" pid=%s", pn[i]);
    int64_t n = ARG("len", 0, 1, 7, 8, 16, 128, 4096, -1, 1L << 33 | 8);
    uint64_t p = arg_ptr("mask", (uint64_t)(n > 0 && n < 8192 ? n : 8), 0);
    result = SC(NR_(sched_getaffinity), pid, n, p);
}

static void c_prlimit(void)
{
    static const char *const pn[] = { "0", "self", "nx", "m1" };
    unsigned i = rn(4);
    int64_t pid = i == 0 ? 0 : i == 1 ? getpid() : i == 2 ? 0x7fffffff : -1;
    out(" pid=%s", pn[i]);
    int64_t res = ARG("res", RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_CPU, RLIMIT_AS, RLIMIT_CORE, 16, -1, 1000);
    struct rlimit cur;
    bool have = prlimit(0, (int)res, NULL, &cur) == 0 && res >= 0 && res < 16;
    uint64_t np = 0;
    if (rn(2)) {
        /* the limit it has already, or an invalid one: nothing changes */
        struct rlimit nl = have ? cur : (struct rlimit){ 1, 0 };
        if (rn(2)) {
            nl.rlim_cur = 10;
            nl.rlim_max = 5;
            out(" new=cur>max");
        } else {
            out(" new=same");
        }
        int k;
        np = arg_ptr_k("newp", sizeof nl, 0, &k);
        /* where the limit cannot be put, the kernel would read zeros or
         * code as the new limit and set it before it fails the old one's
         * copy-out: a good pointer there */
        if (k == K_RO || k == K_STR_RO || k == K_TEXT) {
            np = ptr_of(K_GOOD, sizeof nl, 0);
            out("->good");
        }
        put(np, &nl, sizeof nl);
    } else {
        out(" new=null");
    }
    uint64_t o = arg_ptr("old", sizeof(struct rlimit), 1);
    result = SC(NR_(prlimit64), pid, res, np, o);
}

static void c_getrlimit(void)
{
    int64_t res = ARG("res", RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_DATA, 15, 16, -1);
    uint64_t p = arg_ptr("rl", sizeof(struct rlimit), 0);
    result = SC(NR_(getrlimit), res, p);
}

static void c_ids(void)
{
    uint64_t p1 = arg_ptr("r", 4, 0), p2 = arg_ptr("e", 4, 1), p3 = arg_ptr("s", 4, 0);
    if (p3 == p1)
        p3 += 8;
    if (rn(2)) {
        result = SC(NR_(getresuid), p1, p2, p3);
    } else {
        out(" g");
        result = SC(NR_(getresgid), p1, p2, p3);
    }
}

static void c_getgroups(void)
{
    int64_t n = ARG("n", 0, 1, 64, 65536, 65537, -1);
    uint64_t p = arg_ptr("list", 4 * (uint64_t)(n > 0 && n < 1024 ? n : 1), 0);
    result = SC(NR_(getgroups), n, p);
}

static void c_sched_misc(void)
{
    static const char *const pn[] = { "0", "nx", "m1" };
    unsigned i = rn(3);
    int64_t pid = i == 0 ? 0 : i == 1 ? 0x7fffffff : -1;
    out(" pid=%s", pn[i]);
    switch (rn(4)) {
    case 0: out(" getscheduler"); result = SC(NR_(sched_getscheduler), pid); break;
    case 1: {
        out(" getparam");
        uint64_t p = arg_ptr("param", 4, 0);
        result = SC(NR_(sched_getparam), pid, p);
        break;
    }
    case 2: {
        int64_t pol = ARG("policy", 0, 1, 2, 3, 5, 6, 7, -1);
        out(" prio_max");
        result = SC(NR_(sched_get_priority_max), pol);
        break;
    }
    default: {
        out(" rr_interval");
        uint64_t p = arg_ptr("ts", sizeof(struct timespec), 0);
        result = SC(NR_(sched_rr_get_interval), pid, p);
        break;
    }
    }
}

static void c_umask(void)
{
    int64_t m = ARG("mask", 022, 077, 0, 0777777, -1);
    result = SC(NR_(umask), m);
    umask(022);
}

static void c_prctl(void)
{
    int64_t op = ARG("op", PR_GET_DUMPABLE, PR_GET_PDEATHSIG, PR_GET_TIMERSLACK, PR_GET_NO_NEW_PRIVS,
                     PR_GET_CHILD_SUBREAPER, PR_GET_TID_ADDRESS, 1000, -1);
    uint64_t p = arg_ptr("arg", 8, 0);
    result = SC(NR_(prctl), op, p, 0, 0, 0);
    if (op == PR_GET_TID_ADDRESS && result == 0)
        blank(p, 8);        /* glibc's own, at an address qemu and rvdbt place alike, but not natively */
}

static void c_getcpu(void)
{
    uint64_t c = rn(4) ? arg_ptr("cpu", 4, 0) : (out(" cpu=null"), 0);
    uint64_t n = rn(4) ? arg_ptr("node", 4, 1) : (out(" node=null"), 0);
    result = SC(NR_(getcpu), c, n, 0);
    if (result == 0) {
        blank(c, 4);
        blank(n, 4);
    }
}

static void c_capget(void)
{
    struct { uint32_t version; int pid; } h = { 0x20080522, 0 };
    static const uint32_t vers[] = { 0x20080522, 0x19980330, 0x20071026, 0, 0xffffffff };
    h.version = PICK(vers);
    uint64_t hp = arg_ptr("hdr", sizeof h, 0);
    put(hp, &h, sizeof h);
    uint64_t dp = rn(4) ? arg_ptr("data", 24, 1) : (out(" data=null"), 0);
    out(" ver=%#x", h.version);
    result = SC(NR_(capget), hp, dp);
}

/* ---- threads, futexes ---- */

static void c_futex(void)
{
    int k;
    uint64_t u = arg_ptr_k("uaddr", 4, 0, &k);
    uint32_t zero = 0;
    put(u, &zero, 4);
    int64_t op = ARG("op", FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET,
                     FUTEX_REQUEUE, FUTEX_CMP_REQUEUE, FUTEX_WAKE_OP, 100,
                     FUTEX_WAIT | FUTEX_PRIVATE_FLAG, FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
                     FUTEX_WAIT | FUTEX_CLOCK_REALTIME, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME);
    /* no PI op: it would take the lock */
    int cmd = (int)(op & 0x7f);
    bool waits = cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET;
    /* the value matches only where a short timeout ends the wait */
    uint64_t t = 0;
    uint32_t val = 1;
    if (waits) {
        struct timespec ts = { 0, 1000 };
        int tk;
        t = arg_ptr_k("tmo", sizeof ts, 1, &tk);
        if (tk == K_GOOD || tk == K_PGSTART || tk == K_END) {
            put(t, &ts, sizeof ts);
            if (rn(2))
                val = 0;
        }
        if (tk == K_TEXT) {
            t = (uint64_t)PAGE(P_R);    /* zero: at once, relative or absolute */
            out("->ro");
        }
        if (k == K_TEXT || k == K_RO)
            val = 0x7fffffff;
    } else {
        t = ARG("val2", 0, 1, 0x7fffffff);
    }
    out(" val=%u", val);
    uint64_t u2 = ptr_of(rn(2) ? K_GOOD : (int)rn(NKINDS), 4, 1);
    int64_t v3 = ARG("val3", 0, 1, ~0L, FUTEX_BITSET_MATCH_ANY);
    result = SC(NR_(futex), u, op, val, t, u2, v3);
}

static void c_set_robust_list(void)
{
    uint64_t p = arg_ptr("head", 24, 0);
    int64_t n = ARG("len", 24, 0, 23, 25, -1);
    result = SC(NR_(set_robust_list), p, n);
}

/* ---- poll, select, epoll ---- */

static uint64_t arg_pollfds(int *n)
{
    struct pollfd v[4];
    *n = 1 + (int)rn(4);
    out(" fds=[");
    for (int i = 0; i < *n; i++) {
        int k = (int)rn(NFDS);
        v[i].fd = (int)fd_of(k);
        v[i].events = (short)(rn(4) ? POLLIN | POLLOUT : (short)rnd());
        v[i].revents = 0x5a5a;
        out("%s%s:%#x", i ? "," : "", dname[k], (unsigned)(uint16_t)v[i].events);
    }
    out("]");
    uint64_t p = arg_ptr("at", sizeof(struct pollfd) * (uint64_t)*n, 0);
    put(p, v, sizeof(struct pollfd) * (size_t)*n);
    return p;
}

static uint64_t arg_zero_ts(const char *name, int slot)
{
    struct timespec ts = { 0, rn(8) ? 0 : -1 };
    int k;
    uint64_t p = arg_ptr_k(name, sizeof ts, slot, &k);
    if (k == K_NULL || k == K_TEXT) {
        p = (uint64_t)PAGE(P_R);
        out("->ro");
    }
    put(p, &ts, sizeof ts);
    if (ts.tv_nsec)
        out(" bad");
    return p;
}

static void c_ppoll(void)
{
    int n;
    uint64_t p = arg_pollfds(&n);
    int64_t nfds = rn(2) ? n : ARG("nfds", 0, 5, 1 << 20, -1, (1L << 32) | 1);
    out(" nfds=%lld", (long long)nfds);
    uint64_t t = arg_zero_ts("tmo", 1);
    uint64_t mask = 0;
    uint64_t m = rn(2) ? (out(" mask=null"), 0) : arg_ptr("mask", 8, 1);
    if (m == t)
        m = 0;
    put(m, &mask, 8);
    int64_t sz = ARG("size", 8, 0, 16);
    result = SC(NR_(ppoll), p, nfds, t, m, sz);
}

static void c_pselect6(void)
{
    /* not past FD_SETSIZE: qemu 7.2 aborts in its own host FD_SET there */
    int64_t nfds = ARG("nfds", 0, 1, 110, 114, 1024, -1, 1L << 32 | 110);
    uint64_t sets[3];
    static const char *const sn[] = { "r", "w", "e" };
    for (int i = 0; i < 3; i++) {
        uint8_t bits[128];
        for (unsigned j = 0; j < sizeof bits; j++)
            bits[j] = (uint8_t)rnd();
        if (rn(4) == 0) {
            sets[i] = 0;
            out(" %s=null", sn[i]);
            continue;
        }
        sets[i] = arg_ptr(sn[i], 16, i & 1) + (uint64_t)i * 256 * (rn(2) == 0);
        put(sets[i], bits, sizeof bits);
    }
    uint64_t t = arg_zero_ts("tmo", 1);
    uint64_t sig = 0;
    if (rn(2)) {
        uint64_t mask = 0;
        struct { uint64_t p, n; } s = { (uint64_t)PAGE(P_D) + 512, 8 };
        if (rn(4) == 0)
            s.n = rn(2) ? 16 : 0;
        if (rn(4) == 0)
            s.p = ptr_of((int)rn(NKINDS), 8, 0);
        put(s.p, &mask, 8);
        sig = (uint64_t)PAGE(P_D) + 600;
        put(sig, &s, sizeof s);
        out(" sig=%llu", (unsigned long long)s.n);
    }
    result = SC(NR_(pselect6), nfds, sets[0], sets[1], sets[2], t, sig);
}

static void c_epoll(void)
{
    int64_t ep = rn(4) ? FD_BASE + D_EPOLL : arg_fd("ep", false);
    if (rn(2)) {
        int64_t op = ARG("op", EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, 0, 4, -1);
        int64_t fd = arg_fd("fd", false);
        struct epoll_event e = { .events = rn(4) ? EPOLLIN | EPOLLOUT : (uint32_t)rnd(),
                                 .data.u64 = 0x1122334455667788ULL };
        if (e.events & EPOLLEXCLUSIVE && rn(2))
            e.events &= ~EPOLLEXCLUSIVE;
        uint64_t p = arg_ptr("ev", sizeof e, 0);
        put(p, &e, sizeof e);
        out(" events=%#x", e.events);
        result = SC(NR_(epoll_ctl), ep, op, fd, p);
    } else {
        int64_t max = ARG("max", 1, 4, 16, 0, -1, 1L << 30, (1L << 32) | 2);
        uint64_t p = arg_ptr("evs", 16 * (uint64_t)(max > 0 && max < 64 ? max : 1), 0);
        uint64_t m = rn(2) ? 0 : arg_ptr("mask", 8, 1);
        uint64_t zero = 0;
        put(m, &zero, 8);
        int64_t sz = ARG("size", 8, 0, 16);
        out(" wait");
        result = SC(NR_(epoll_pwait), ep, p, max, 0, m, sz);
    }
}

static void c_eventfd(void)
{
    int64_t v = ARG("init", 0, 1, 0xffffffffL, -1);
    int64_t fl = FLAGS("flags", 0, EFD_NONBLOCK, EFD_CLOEXEC | EFD_SEMAPHORE, 0x4, -1);
    if (rn(2)) {
        result = SC(NR_(eventfd2), v, fl);
    } else {
        out(" epoll_create1");
        result = SC(NR_(epoll_create1), fl);
    }
    ret_norm_fd();
}

/* ---- sockets ---- */

static uint64_t arg_sockaddr(uint64_t *len_out, int slot)
{
    uint8_t buf[128];
    memset(buf, 0, sizeof buf);
    static const char *const an[] = { "unix:sk", "inet:127.0.0.1:9", "inet6:::1:9", "bad_family",
                                      "unix:unterminated" };
    unsigned i = rn(5);
    uint64_t len = 16;
    switch (i) {
    case 0: {
        struct sockaddr_un *u = (void *)buf;
        u->sun_family = AF_UNIX;
        strcpy(u->sun_path, "sk");
        len = offsetof(struct sockaddr_un, sun_path) + 3;
        break;
    }
    case 1: {
        struct sockaddr_in *in = (void *)buf;
        in->sin_family = AF_INET;
        in->sin_port = htons(9);
        in->sin_addr.s_addr = htonl(0x7f000001);
        len = sizeof *in;
        break;
    }
    case 2: {
        struct sockaddr_in6 *in = (void *)buf;
        in->sin6_family = AF_INET6;
        in->sin6_port = htons(9);
        in->sin6_addr.s6_addr[15] = 1;
        len = sizeof *in;
        break;
    }
    case 3:
        buf[0] = 0xff;
        buf[1] = 0x7f;
        break;
    default:
        buf[0] = AF_UNIX;
        memset(buf + 2, 'u', sizeof buf - 2);
        len = sizeof buf;
        break;
    }
    out(" addr=%s", an[i]);
    uint64_t p = arg_ptr("at", len, slot);
    put(p, buf, len);
    static const int64_t lens[] = { 0, 1, 2, 3, 110, 111, 128, 129, -1 };
    *len_out = rn(2) ? len : (uint64_t)PICK(lens);
    out(" len=%lld", (long long)*len_out);
    /* qemu 7.2 reads the family of a shorter address all the same, and
     * crashes where it cannot: those get a readable one */
    if (*len_out < 2 && p) {
        p = (uint64_t)PAGE(P_A) + 512 * (uint64_t)slot;
        put(p, buf, 2);
        out("->a");
    }
    return p;
}

static const int64_t sock_fds[] = { D_SOCK, D_SOCK2, D_UDP, D_FILE, D_CLOSED, D_PIPE_R };

static int64_t arg_sock(void)
{
    int k = (int)sock_fds[rn(sizeof sock_fds / sizeof sock_fds[0])];
    out(" fd=%s", dname[k]);
    return fd_of(k);
}

static void c_socket(void)
{
    int64_t dom = ARG("domain", AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, 1000, -1);
    int64_t ty = FLAGS("type", SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW,
                     SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0x80000 | 100, -1);
    int64_t pr = ARG("proto", 0, 6, 17, 1000, -1);
    if (rn(3)) {
        result = SC(NR_(socket), dom, ty, pr);
        ret_norm_fd();
        return;
    }
    uint64_t p = arg_ptr("sv", 8, 0);
    out(" pair");
    result = SC(NR_(socketpair), dom, ty, pr, p);
    if (result == 0 && inside(p, 8)) {
        int fds[2];
        memcpy(fds, (void *)(uintptr_t)p, 8);
        close(fds[0]);
        close(fds[1]);
        blank(p, 8);
    }
}

static void c_bind_connect(void)
{
    int64_t fd = arg_sock();
    uint64_t len;
    uint64_t a = arg_sockaddr(&len, 0);
    if (rn(2)) {
        out(" bind");
        result = SC(NR_(bind), fd, a, len);
    } else {
        out(" connect");
        result = SC(NR_(connect), fd, a, len);
    }
}

static void c_getsockname(void)
{
    int64_t fd = arg_sock();
    uint64_t a = arg_ptr("addr", 128, 0);
    int k;
    uint64_t l = arg_ptr_k("lenp", 4, 1, &k);
    static const int32_t lens[] = { 128, 0, 1, 16, -1 };
    int32_t len = PICK(lens);
    put(l, &len, 4);
    out(" len=%d", len);
    if (rn(2)) {
        result = SC(NR_(getsockname), fd, a, l);
    } else {
        out(" peer");
        result = SC(NR_(getpeername), fd, a, l);
    }
    /* an inet socket's port is the host's pick */
    if (result == 0 && writable(a) && *(uint16_t *)(uintptr_t)a == AF_INET)
        blank(a + 2, 2);
}

static uint64_t arg_msghdr(bool send)
{
    struct msghdr m = { 0 };
    uint64_t nl = 0;
    if (rn(3) == 0) {
        m.msg_name = (void *)(uintptr_t)arg_sockaddr(&nl, 1);
        m.msg_namelen = (socklen_t)nl;
    }
    struct iovec v[2] = { 0 };
    int n = (int)rn(3);
    out(" iov=[");
    for (int i = 0; i < n; i++) {
        int k = rn(2) ? K_GOOD : (int)rn(NKINDS);
        static const int64_t lens[] = { 0, 5, 100, 5000, -1 };
        v[i].iov_base = (void *)(uintptr_t)ptr_of(k, 16, i);
        v[i].iov_len = (size_t)PICK(lens);
        out("%s%s:%lld", i ? "," : "", kname[k], (long long)v[i].iov_len);
    }
    out("]");
    uint64_t va = (uint64_t)PAGE(P_D) + 1024;
    put(va, v, sizeof v);
    m.msg_iov = (void *)(uintptr_t)va;
    m.msg_iovlen = rn(4) ? (size_t)n : rn(2) ? 1025 : (size_t)-1;
    if (rn(3) == 0) {
        /* a control buffer; for sending, an SCM_CREDENTIALS or garbage */
        uint8_t cb[64];
        memset(cb, 0, sizeof cb);
        struct cmsghdr *c = (void *)cb;
        /* qemu 7.2 loops or crashes on a malformed header it can read
         * (cmsg_len 0, or msg_controllen past the buffer): only well-formed
         * ones, or buffers it cannot read */
        c->cmsg_len = CMSG_LEN(12);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = rn(2) ? SCM_CREDENTIALS : 99;
        int k = rn(2) ? K_GOOD : (int)rn(NKINDS);
        if (k == K_RO || k == K_TEXT || k == K_STR_RO || k == K_STR_HOLE || k == K_END)
            k = K_NONE;
        uint64_t cp = ptr_of(k, 32, 1) + 512 * (k == K_GOOD);
        if (send)
            put(cp, cb, sizeof cb);
        m.msg_control = (void *)(uintptr_t)cp;
        m.msg_controllen = rn(2) ? 32 : rn(2) ? 8 : 24;
        out(" ctl=%s:%zu:%zu", kname[k], (size_t)c->cmsg_len, (size_t)m.msg_controllen);
    }
    int k;
    uint64_t p = arg_ptr_k("msg", sizeof m, 0, &k);
    if (k == K_TEXT) {
        /* qemu 7.2 allocas msg_controllen bytes: a garbage header from code
         * bytes kills it */
        p = (uint64_t)PAGE(P_R);
        out("->ro");
    }
    put(p, &m, sizeof m);
    return p;
}

static void c_sendmsg(void)
{
    int64_t fd = arg_sock();
    uint64_t m = arg_msghdr(true);
    int64_t fl = FLAGS("flags", 0, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_OOB, MSG_DONTWAIT | MSG_EOR, -1);
    result = SC(NR_(sendmsg), fd, m, fl | MSG_DONTWAIT | MSG_NOSIGNAL);
}

static void c_recvmsg(void)
{
    int64_t fd = arg_sock();
    uint64_t m = arg_msghdr(false);
    int64_t fl = FLAGS("flags", 0, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, MSG_OOB, MSG_ERRQUEUE, -1);
    result = SC(NR_(recvmsg), fd, m, fl | MSG_DONTWAIT);
}

static void c_sendto_recvfrom(void)
{
    int64_t fd = arg_sock();
    int64_t n = arg_len("n", 32);
    uint64_t b = arg_ptr("buf", (uint64_t)n, 0);
    if (rn(2)) {
        uint64_t len = 0, a = 0;
        if (rn(2))
            a = arg_sockaddr(&len, 1);
        out(" sendto");
        result = SC(NR_(sendto), fd, b, n, MSG_DONTWAIT | MSG_NOSIGNAL, a, len);
    } else {
        uint64_t a = rn(2) ? arg_ptr("from", 128, 1) : 0;
        uint64_t l = a ? (uint64_t)PAGE(P_D) + 2000 : 0;
        int32_t len = 128;
        put(l, &len, 4);
        out(" recvfrom");
        result = SC(NR_(recvfrom), fd, b, n, MSG_DONTWAIT, a, l);
    }
}

static void c_sockopt(void)
{
    int64_t fd = arg_sock();
    int64_t lvl = ARG("level", SOL_SOCKET, SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, -1, 1000);
    int64_t opt = ARG("opt", SO_TYPE, SO_RCVBUF, SO_SNDBUF, SO_ERROR, SO_LINGER, SO_RCVTIMEO,
                      SO_SNDTIMEO, SO_PEERCRED, SO_DOMAIN, SO_ACCEPTCONN, SO_REUSEADDR,
                      SO_KEEPALIVE, SO_PASSCRED, 1000);
    if (rn(2)) {
        uint64_t v = arg_ptr("val", 32, 0);
        int k;
        uint64_t l = arg_ptr_k("lenp", 4, 1, &k);
        static const int32_t lens[] = { 4, 0, 1, 8, 16, 100, -1 };
        int32_t len = PICK(lens);
        put(l, &len, 4);
        out(" len=%d get", len);
        result = SC(NR_(getsockopt), fd, lvl, opt, v, l);
        if (result == 0 && opt == SO_PEERCRED)
            blank(v, 12);   /* pid, uid, gid of the peer: this process */
    } else {
        uint8_t val[32];
        memset(val, 0, sizeof val);
        static const int32_t ints[] = { 1, 0, 65536, -1, 0x7fffffff };
        int32_t iv = PICK(ints);
        memcpy(val, &iv, 4);
        if (opt == SO_RCVTIMEO || opt == SO_SNDTIMEO) {
            struct timeval tv = { 1, rn(2) ? 0 : 2000000 };
            memcpy(val, &tv, sizeof tv);
        }
        uint64_t v = arg_ptr("val", 32, 0);
        put(v, val, sizeof val);
        int64_t len = ARG("len", 4, 0, 1, 8, 16, 100, -1);
        out(" iv=%d set", iv);
        result = SC(NR_(setsockopt), fd, lvl, opt, v, len);
    }
}

static void c_sock_misc(void)
{
    int64_t fd = arg_sock();
    switch (rn(3)) {
    case 0: {
        int64_t b = ARG("backlog", 0, 5, -1, 1L << 32);
        out(" listen");
        result = SC(NR_(listen), fd, b);
        break;
    }
    case 1: {
        uint64_t a = rn(2) ? arg_ptr("addr", 128, 0) : 0;
        uint64_t l = a ? (uint64_t)PAGE(P_D) + 2000 : 0;
        int32_t len = 128;
        put(l, &len, 4);
        int64_t fl = FLAGS("flags", 0, SOCK_NONBLOCK, SOCK_CLOEXEC, 1, -1);
        out(" accept4");
        result = SC(NR_(accept4), fd, a, l, fl);
        ret_norm_fd();
        break;
    }
    default: {
        /* not on the connected pair: it would stay shut for the rest */
        if (fd == FD_BASE + D_SOCK || fd == FD_BASE + D_SOCK2)
            fd = FD_BASE + D_UDP;
        int64_t how = ARG("how", SHUT_RD, SHUT_WR, SHUT_RDWR, 3, -1);
        out(" shutdown");
        result = SC(NR_(shutdown), fd, how);
        break;
    }
    }
}

/* ---- the list ---- */

struct call {
    const char *name;
    void (*fn)(void);
    unsigned weight;
};

static const struct call calls[] = {
    { "read", c_read, 4 }, { "write", c_write, 3 }, { "pread", c_pread, 2 },
    { "pwrite", c_pwrite, 2 }, { "readv", c_readv, 3 }, { "writev", c_writev, 3 },
    { "preadv", c_preadv, 1 }, { "lseek", c_lseek, 1 }, { "openat", c_openat, 3 },
    { "close", c_close, 1 }, { "dup", c_dup, 1 }, { "pipe2", c_pipe2, 2 },
    { "fcntl", c_fcntl, 3 }, { "ioctl", c_ioctl, 3 }, { "flock", c_flock, 1 },
    { "fsync", c_fsync, 1 }, { "ftruncate", c_ftruncate, 1 }, { "fallocate", c_fallocate, 1 },
    { "sendfile", c_sendfile, 1 }, { "copy_file_range", c_copy_file_range, 1 },
    { "fstat", c_fstat, 3 }, { "newfstatat", c_newfstatat, 3 }, { "statx", c_statx, 3 },
    { "getdents64", c_getdents, 2 }, { "readlinkat", c_readlinkat, 2 },
    { "getcwd", c_getcwd, 2 }, { "faccessat", c_faccessat, 1 },
    { "mkdir_unlink", c_mkdir_unlink, 1 }, { "renameat2", c_renameat2, 1 },
    { "symlink_link", c_symlink_link, 1 }, { "fchmodat", c_fchmodat, 1 },
    { "fchmod", c_fchmod, 1 }, { "truncate", c_truncate, 1 }, { "utimensat", c_utimensat, 1 },
    { "statfs", c_statfs, 2 }, { "chdir", c_chdir, 1 },
    { "mmap", c_mmap, 3 }, { "munmap", c_munmap, 2 }, { "mprotect", c_mprotect, 2 },
    { "madvise", c_madvise, 2 }, { "mremap", c_mremap, 2 }, { "msync", c_msync, 1 },
    { "mincore", c_mincore, 1 }, { "brk", c_brk, 1 },
    { "rt_sigaction", c_rt_sigaction, 3 }, { "rt_sigprocmask", c_rt_sigprocmask, 2 },
    { "rt_sigpending", c_rt_sigpending, 1 }, { "sigaltstack", c_sigaltstack, 2 },
    { "kill", c_kill, 1 }, { "rt_sigtimedwait", c_rt_sigtimedwait, 1 },
    { "clock_gettime", c_clock_gettime, 2 }, { "nanosleep", c_nanosleep, 2 },
    { "gettimeofday", c_gettimeofday, 1 }, { "times", c_times, 1 }, { "itimer", c_itimer, 1 },
    { "uname", c_uname, 1 }, { "sysinfo", c_sysinfo, 1 }, { "getrusage", c_getrusage, 1 },
    { "getrandom", c_getrandom, 2 }, { "sched_getaffinity", c_sched_getaffinity, 2 },
    { "prlimit64", c_prlimit, 2 }, { "getrlimit", c_getrlimit, 1 }, { "getresuid", c_ids, 1 },
    { "getgroups", c_getgroups, 1 }, { "sched", c_sched_misc, 1 }, { "umask", c_umask, 1 },
    { "prctl", c_prctl, 1 }, { "getcpu", c_getcpu, 1 }, { "capget", c_capget, 1 },
    { "futex", c_futex, 3 }, { "set_robust_list", c_set_robust_list, 1 },
    { "ppoll", c_ppoll, 2 }, { "pselect6", c_pselect6, 2 }, { "epoll", c_epoll, 2 },
    { "eventfd", c_eventfd, 1 }, { "socket", c_socket, 1 }, { "bind_connect", c_bind_connect, 1 },
    { "getsockname", c_getsockname, 1 }, { "sendmsg", c_sendmsg, 2 }, { "recvmsg", c_recvmsg, 2 },
    { "sendto_recvfrom", c_sendto_recvfrom, 2 }, { "sockopt", c_sockopt, 3 },
    { "sock_misc", c_sock_misc, 1 },
};
#define NCALLS (sizeof calls / sizeof calls[0])

static void xfail(const char *what)
{
    perror(what);
    exit(3);
}

/* The scratch directory's files and the fixed fds, each moved to 100 + its
 * kind. */
static void setup(void)
{
    int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        xfail("f");
    char buf[5000];
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (char)('a' + i % 26);
    if (write(fd, buf, sizeof buf) != (ssize_t)sizeof buf)
        xfail("write f");
    close(fd);
    fd = open("r", O_WRONLY | O_CREAT | O_TRUNC, 0444);
    if (fd < 0 || write(fd, buf, 100) != 100)
        xfail("r");
    close(fd);
    if (mkdir("d", 0755) || symlink("f", "l") || mkdir("d/sub", 0755))
        xfail("d");

    int fds[NOPEN];
    int p[2], s[2];
    fds[D_FILE] = open("f", O_RDWR);
    fds[D_RO] = open("r", O_RDONLY);
    fds[D_DIR] = open("d", O_RDONLY | O_DIRECTORY);
    if (pipe2(p, O_NONBLOCK))
        xfail("pipe");
    fds[D_PIPE_R] = p[0];
    fds[D_PIPE_W] = p[1];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s))
        xfail("socketpair");
    fds[D_SOCK] = s[0];
    fds[D_SOCK2] = s[1];
    fds[D_UDP] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    fds[D_EVENT] = eventfd(3, EFD_NONBLOCK);
    fds[D_EPOLL] = epoll_create1(0);
    fds[D_NULL] = open("/dev/null", O_RDWR);
    fds[D_PATH] = open("d", O_PATH);
    fds[D_MEMFD] = (int)syscall(SYS_memfd_create, "sysb", 0);
    for (int i = 0; i < NOPEN; i++) {
        if (fds[i] < 0)
            xfail(dname[i]);
        if (dup2(fds[i], FD_BASE + i) < 0)
            xfail("dup2");
        close(fds[i]);
    }
    if (ftruncate(FD_BASE + D_MEMFD, 8192))
        xfail("memfd");
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    if (dfd < 0 || dup2(dfd, scratch_dir_fd) < 0)
        xfail("scratch");
    close(dfd);
    close(FD_CLOSED);
    close(FD_SCRATCH);
    signal(SIGPIPE, SIG_IGN);
    umask(022);

    /* at one address in every run: pointers the calls get inside structures
     * (iovecs, msghdr, stack_t) are part of the arena's checksum */
    ar = mmap((void *)ARENA, NPAGES * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
              -1, 0);
    if (ar != (void *)ARENA)
        xfail("arena");
    arena_build();
    brk0 = (uint64_t)SC(NR_(brk), 0);
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: sys_border_guest SEED COUNT SCRATCH_DIR [FIRST]\n");
        return 2;
    }
    uint64_t seed = strtoull(argv[1], NULL, 0);
    unsigned long count = strtoul(argv[2], NULL, 0);
    unsigned long first = argc == 5 ? strtoul(argv[4], NULL, 0) : 0;
    if (chdir(argv[3]))
        xfail(argv[3]);
    setup();
    unsigned total = 0;
    for (unsigned i = 0; i < NCALLS; i++)
        total += calls[i].weight;
    printf("sys_border seed=%llu count=%lu\n", (unsigned long long)seed, count);
    fflush(stdout);
    for (unsigned long n = first; n < first + count; n++) {
        /* one stream per call: a call takes what it takes */
        rng = (seed * 0x9e3779b97f4a7c15ULL) ^ (n * 0xbf58476d1ce4e5b9ULL) ^ 0x94d049bb133111ebULL;
        if (!rng)
            rng = 1;
        for (int w = 0; w < 4; w++)
            rnd();
        unsigned pick = rn(total);
        const struct call *c = calls;
        while (pick >= c->weight) {
            pick -= c->weight;
            c++;
        }
        ll = 0;
        out("%lu %s", n, c->name);
        arena_fill();
        result = 0;
        no_sum = false;
        ret_text = NULL;
        c->fn();
        if (ret_text)
            out(" = %s", ret_text);
        else
            out(" = %ld", result);
        if (result == -EFAULT || no_sum)
            out(" ck=-");
        else
            out(" ck=%08x", arena_sum());
        line[ll++] = '\n';
        if (write(1, line, ll) != (ssize_t)ll)
            return 3;
    }
    printf("sys_border end\n");
    return 0;
}
