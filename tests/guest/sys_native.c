/* Linux behaviour qemu-riscv64 7.2 departs from, so the native build is the
 * oracle here (tests/guest.sh ORACLE=native):
 * - a read or write transfers up to the first inaccessible page (qemu
 *   checks the whole buffer first and fails);
 * - mprotect over a range with a hole, or refused part way, changes the
 *   part before it;
 * - MAP_FIXED_NOREPLACE, mlock2, madvise's refusals, epoll_pwait2,
 *   pwritev2's flags, signalfd's mask size, epoll_wait into a buffer that
 *   cannot be written while nothing is ready, two prctl options;
 * - the kernel takes fds, counts and flags as 32-bit ints even when the
 *   register holds more. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "guest.h"

#define PG 4096
#define HI (1ul << 32)

static const char *err(int e)
{
    return e == EINVAL ? "EINVAL" : e == ENOMEM ? "ENOMEM" : e == EEXIST ? "EEXIST" : e == EFAULT ? "EFAULT"
         : e == EACCES ? "EACCES" : e == EPERM ? "EPERM" : e == EBADF ? "EBADF" : e == EOPNOTSUPP ? "EOPNOTSUPP"
         : "other";
}

/* Whether the kernel may write one byte at p: a pipe read into it. */
static int writable(void *p)
{
    int fds[2];
    CHECK(pipe(fds) == 0 && write(fds[1], "w", 1) == 1);
    int ok = read(fds[0], p, 1) == 1;
    close(fds[0]);
    close(fds[1]);
    return ok;
}

/* Three pages with the middle one unmapped. */
static char *holed(void)
{
    char *a = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED && munmap(a + PG, PG) == 0);
    return a;
}

static void test_partial(void)
{
    char path[] = "rvdbt-sys-native-XXXXXX";
    int fd = mkstemp(path);
    char data[600];
    for (int i = 0; i < 600; i++)
        data[i] = (char)('a' + i % 26);
    CHECK(fd >= 0 && write(fd, data, sizeof data) == sizeof data);
    char *a = holed();
    ssize_t n = pread(fd, a + PG - 100, 300, 0);
    int e = errno;
    printf("file read straddling a hole: %zd %s, bytes right %d\n", n, n < 0 ? err(e) : "",
           n == 100 && !memcmp(a + PG - 100, data, 100));
    n = pread(fd, a + PG, 300, 0);
    e = errno;
    printf("file read into the hole: %zd %s\n", n, err(e));
    struct iovec iov[2] = { { a + PG - 50, 50 }, { a + PG, 50 } };
    n = preadv(fd, iov, 2, 0);
    printf("preadv, second buffer in the hole: %zd\n", n);
    memcpy(a + PG - 10, "0123456789", 10);
    n = pwrite(fd, a + PG - 10, 100, 0);
    e = errno;
    printf("file write from a buffer straddling a hole: %zd %s\n", n, n < 0 ? err(e) : "");
    int p[2];
    CHECK(pipe(p) == 0 && write(p[1], data, 20) == 20);
    n = read(p[0], a + PG - 4, 8);
    e = errno;
    printf("pipe read straddling a hole: %zd %s, left in the pipe %zd\n", n, err(e), read(p[0], data, 20));
    munmap(a, 3 * PG);
    close(p[0]);
    close(p[1]);
    close(fd);
    unlink(path);
}

static void test_mprotect(void)
{
    char *a = holed();
    CHECK(mprotect(a, PG, PROT_READ) == 0 && mprotect(a + 2 * PG, PG, PROT_READ) == 0);
    int r = mprotect(a, 3 * PG, PROT_READ | PROT_WRITE);
    int e = errno;
    int w0 = writable(a), w2 = writable(a + 2 * PG);
    printf("mprotect over a hole: %d %s, first page writable %d, last %d\n", r, err(e), w0, w2);
    r = mprotect(a + PG, 2 * PG, PROT_NONE);
    e = errno;
    printf("mprotect from a hole: %d %s, last page still readable %d\n", r, err(e), a[2 * PG] == 0);
    munmap(a, 3 * PG);

    /* a private page, then a shared read-only file page: making both
     * writable is refused at the second, the first stays changed */
    char path[] = "rvdbt-sys-native-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && ftruncate(fd, PG) == 0);
    int ro = open(path, O_RDONLY);
    char *b = mmap(NULL, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(mmap(b + PG, PG, PROT_READ, MAP_SHARED | MAP_FIXED, ro, 0) == b + PG);
    r = mprotect(b, 2 * PG, PROT_READ | PROT_WRITE);
    e = errno;
    w0 = writable(b);
    w2 = writable(b + PG);
    printf("mprotect refused part way: %d %s, first page writable %d, second %d\n", r, err(e), w0, w2);
    munmap(b, 2 * PG);
    close(ro);
    close(fd);
    unlink(path);
}

static void test_memory(void)
{
    char *a = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED);
    void *r = mmap(a + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE on a mapping: %s\n", r == MAP_FAILED ? err(errno) : "mapped");
    CHECK(munmap(a + PG, PG) == 0);
    r = mmap(a + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE in a hole: %s\n", r == a + PG ? "at the address" : "elsewhere");
    r = mmap(a, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE overlapping: %s\n", r == MAP_FAILED ? err(errno) : "mapped");

    int k = mlock2(a, PG, MLOCK_ONFAULT);
    printf("mlock2 ONFAULT: %d", k);
    k = mlock2(a, PG, 8);
    printf(", bad flag %d %s\n", k, err(errno));
    CHECK(munlock(a, 3 * PG) == 0);

    k = madvise(a, PG, 5);
    printf("madvise advice 5: %d %s", k, err(errno));
    CHECK(munmap(a + PG, PG) == 0);
    k = madvise(a, 3 * PG, MADV_NORMAL);
    printf(", over a hole %d %s\n", k, err(errno));
    munmap(a, 3 * PG);

    char path[] = "rvdbt-sys-native-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && ftruncate(fd, PG) == 0);
    char *m = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0);
    k = madvise(m, PG, MADV_FREE);
    printf("madvise FREE on a file mapping: %d %s\n", k, err(errno));
    munmap(m, PG);
    close(fd);
    unlink(path);
}

/* An address in page 0, which is never mapped (hidden from the compiler,
 * which would warn about the writes). */
static struct epoll_event *volatile page0 = (struct epoll_event *)8;

static void test_newer_calls(void)
{
    int ep = epoll_create1(0), p[2];
    CHECK(pipe(p) == 0);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0xabcdef0123456789ull }, out[2];
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
    struct timespec zero = { 0, 0 };
    int n = (int)syscall(SYS_epoll_pwait2, ep, out, 2, &zero, NULL, 8);
    printf("epoll_pwait2, nothing ready: %d", n);
    n = epoll_wait(ep, page0, 2, 0);
    printf(", epoll_wait into page 0 with nothing ready: %d", n);
    CHECK(write(p[1], "x", 1) == 1);
    n = (int)syscall(SYS_epoll_pwait2, ep, out, 2, &zero, NULL, 8);
    printf(", then %d data %d", n, n == 1 && out[0].data.u64 == 0xabcdef0123456789ull);
    n = epoll_wait(ep, page0, 2, 0);
    printf(", into page 0 %d %s\n", n, err(errno));
    close(ep);
    close(p[0]);
    close(p[1]);

    sigset_t mask;
    sigemptyset(&mask);
    n = (int)syscall(SYS_signalfd4, -1, &mask, 4, 0);
    printf("signalfd sizemask 4: %d %s\n", n, err(errno));

    char path[] = "rvdbt-sys-native-XXXXXX";
    int fd = mkstemp(path);
    char x[] = "abcd";
    struct iovec iov = { x, 4 };
    n = (int)pwritev2(fd, &iov, 1, 0, RWF_DSYNC);
    printf("pwritev2 RWF_DSYNC: %d", n);
    n = (int)pwritev2(fd, &iov, 1, 0, 0x1000000);
    printf(", unknown flag %d %s\n", n, err(errno));
    close(fd);
    unlink(path);
}

/* prctl options qemu 7.2 does not pass on */
static void test_prctl(void)
{
    int sub = -1;
    int r = prctl(PR_GET_CHILD_SUBREAPER, &sub);
    printf("PR_GET_CHILD_SUBREAPER: %d %d", r, sub);
    r = prctl(PR_SET_CHILD_SUBREAPER, 1);
    int r2 = prctl(PR_GET_CHILD_SUBREAPER, &sub);
    printf(", set %d, get %d %d", r, r2, sub);
    printf(", PR_GET_SECCOMP %d\n", prctl(PR_GET_SECCOMP));
}

static void test_truncation(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    long n = syscall(SYS_write, HI | (unsigned)p[1], "hi", 2);
    printf("write to fd with high bits: %ld", n);
    char buf[4] = "";
    n = syscall(SYS_read, HI | (unsigned)p[0], buf, 2);
    printf(", read %ld \"%.2s\"", n, buf);
    n = syscall(SYS_fcntl, HI | (unsigned)p[0], HI | F_GETFL, 0);
    printf(", fcntl F_GETFL with high bits %ld\n", n);
    struct pollfd pf = { .fd = p[1], .events = POLLOUT };
    n = syscall(SYS_ppoll, &pf, HI | 1, NULL, NULL, 8);
    printf("ppoll nfds with high bits: %ld revents %#x\n", n, pf.revents);
    struct iovec iov = { buf, 1 };
    n = syscall(SYS_writev, p[1], &iov, HI | 1);
    printf("writev count with high bits (cut to an unsigned int): %ld\n", n);
    n = syscall(SYS_pipe2, p, HI | O_CLOEXEC);
    printf("pipe2 flags with high bits: %ld cloexec %d\n", n, n == 0 && (fcntl(p[0], F_GETFD) & FD_CLOEXEC));
    n = syscall(SYS_getdents64, HI | 12345, buf, 4);
    printf("getdents64 bad fd with high bits: %ld %s\n", n, err(errno));
}

int main(void)
{
    test_partial();
    test_mprotect();
    test_memory();
    test_newer_calls();
    test_prctl();
    test_truncation();
    return guest_done();
}
