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
 * The same files build natively for x86-64 (the driver uses that build's
 * results to tell which of two emulators agrees with a real kernel); the
 * structure layouts differ there, so only results compare. */
#include "tests/fuzz/sys_border.h"

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
