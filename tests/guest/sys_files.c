/* File and directory syscalls beyond plain I/O, through libc and raw
 * syscalls: statx, statfs/fstatfs, utimensat, fchmodat, fchownat, links,
 * ftruncate/fallocate, syncing, flock, sendfile, copy_file_range, splice,
 * tee, vmsplice, inotify, mknodat, fadvise64, memfd_create, close_range,
 * faccessat2, preadv2/pwritev2. Everything happens in a private directory
 * under the current one and only what does not depend on the machine is
 * printed. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "guest.h"

static void put_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void show_file(const char *what, const char *path)
{
    char buf[128] = "";
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    if (fd >= 0)
        close(fd);
    buf[n > 0 ? n : 0] = 0;
    printf("%s: \"%s\"\n", what, buf);
}

static void test_stat(void)
{
    struct statx sx;
    put_file("f", "hello");
    CHECK(statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &sx) == 0);
    printf("statx: size %llu mode %o nlink %u reg %d mask has size %d\n",
           (unsigned long long)sx.stx_size, sx.stx_mode & 07777, sx.stx_nlink,
           S_ISREG(sx.stx_mode), !!(sx.stx_mask & STATX_SIZE));
    struct stat st;
    CHECK(stat("f", &st) == 0);
    CHECK(sx.stx_ino == st.st_ino && sx.stx_blksize == (unsigned)st.st_blksize);
    CHECK(statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx) < 0 && errno == ENOENT);

    struct statfs a, b;
    int fd = open("f", O_RDONLY);
    CHECK(statfs(".", &a) == 0 && fstatfs(fd, &b) == 0);
    printf("statfs: same fs as fstatfs %d, namelen %ld, bsize>0 %d\n",
           a.f_type == b.f_type && a.f_fsid.__val[0] == b.f_fsid.__val[0], (long)a.f_namelen,
           a.f_bsize > 0);
    close(fd);

    struct timespec ts[2] = { { 1000000000, 123456789 }, { 1200000000, 987654321 } };
    CHECK(utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0);
    printf("utimensat: atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec,
           st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1] = (struct timespec){ 1300000000, 5 };
    CHECK(utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0);
    printf("utimensat omit: atime %lld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    fd = open("f", O_RDONLY);
    ts[0] = (struct timespec){ 1100000000, 0 };
    ts[1].tv_nsec = UTIME_OMIT;
    CHECK(futimens(fd, ts) == 0 && fstat(fd, &st) == 0);
    printf("futimens: atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec,
           (long long)st.st_mtim.tv_sec);
    close(fd);

    CHECK(fchmodat(AT_FDCWD, "f", 0600, 0) == 0 && stat("f", &st) == 0);
    printf("fchmodat: %o\n", st.st_mode & 07777);
    CHECK(fchownat(AT_FDCWD, "f", getuid(), getgid(), 0) == 0);
    CHECK(faccessat(AT_FDCWD, "f", R_OK | W_OK, AT_EACCESS) == 0);
    CHECK(faccessat(AT_FDCWD, "missing", F_OK, AT_EACCESS) < 0 && errno == ENOENT);
}

static void test_links(void)
{
    char target[64] = "";
    CHECK(symlinkat("f", AT_FDCWD, "sym") == 0);
    ssize_t n = readlinkat(AT_FDCWD, "sym", target, sizeof target);
    printf("symlinkat/readlinkat: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), target);
    CHECK(readlinkat(AT_FDCWD, "f", target, sizeof target) < 0 && errno == EINVAL);
    CHECK(fchownat(AT_FDCWD, "sym", getuid(), getgid(), AT_SYMLINK_NOFOLLOW) == 0);
    CHECK(linkat(AT_FDCWD, "f", AT_FDCWD, "hard", 0) == 0);
    struct stat st;
    CHECK(stat("hard", &st) == 0);
    printf("linkat: nlink %lu\n", (unsigned long)st.st_nlink);
    CHECK(linkat(AT_FDCWD, "sym", AT_FDCWD, "hard2", AT_SYMLINK_FOLLOW) == 0 &&
          lstat("hard2", &st) == 0 && S_ISREG(st.st_mode));
    CHECK(linkat(AT_FDCWD, "f", AT_FDCWD, "hard", 0) < 0 && errno == EEXIST);
    CHECK(mknodat(AT_FDCWD, "fifo", S_IFIFO | 0644, 0) == 0 && lstat("fifo", &st) == 0);
    printf("mknodat: fifo %d\n", S_ISFIFO(st.st_mode));
    unlink("hard2");
    unlink("hard");
    unlink("sym");
    unlink("fifo");
}

static void test_space(void)
{
    int fd = open("g", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(ftruncate(fd, 10000) == 0);
    printf("ftruncate: %ld\n", file_size("g"));
    CHECK(ftruncate(fd, -1) < 0 && errno == EINVAL);
    int r = fallocate(fd, 0, 0, 20000);
    printf("fallocate: %d size %ld\n", r, file_size("g"));
    r = fallocate(fd, FALLOC_FL_KEEP_SIZE, 20000, 10000);
    printf("fallocate keep size: %d size %ld\n", r, file_size("g"));
    CHECK(fallocate(fd, 0, -1, 10) < 0 && errno == EINVAL);
    CHECK(fsync(fd) == 0 && fdatasync(fd) == 0 && syncfs(fd) == 0);
    CHECK(sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WRITE) == 0);
    CHECK(readahead(fd, 0, 4096) == 0);
    printf("fadvise: %d %d\n", posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL),
           posix_fadvise(fd, 0, 0, 99));
    CHECK(fsync(-1) < 0 && errno == EBADF);

    int fd2 = open("g", O_RDONLY);
    CHECK(flock(fd, LOCK_EX | LOCK_NB) == 0);
    r = flock(fd2, LOCK_SH | LOCK_NB);
    printf("flock: second lock %d %s\n", r, r < 0 && errno == EWOULDBLOCK ? "EWOULDBLOCK" : "?");
    CHECK(flock(fd, LOCK_UN) == 0 && flock(fd2, LOCK_SH | LOCK_NB) == 0);
    close(fd2);
    close(fd);
    unlink("g");
}

static void test_copies(void)
{
    put_file("src", "0123456789abcdef");
    int in = open("src", O_RDONLY), out = open("dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
    off_t off = 4;
    ssize_t n = sendfile(out, in, &off, 6);
    printf("sendfile: %zd offset %ld pos %ld\n", n, (long)off, (long)lseek(in, 0, SEEK_CUR));
    loff_t ioff = 10, ooff = 100;
    n = copy_file_range(in, &ioff, out, &ooff, 4, 0);
    printf("copy_file_range: %zd offsets %ld %ld size %ld\n", n, (long)ioff, (long)ooff,
           file_size("dst"));
    close(out);

    int p[2], q[2];
    CHECK(pipe(p) == 0 && pipe(q) == 0);
    loff_t soff = 2;
    n = splice(in, &soff, p[1], NULL, 5, 0);
    printf("splice file->pipe: %zd offset %ld\n", n, (long)soff);
    n = tee(p[0], q[1], 5, 0);
    printf("tee: %zd\n", n);
    out = open("dst2", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    n = splice(p[0], NULL, out, NULL, 5, 0);
    printf("splice pipe->file: %zd\n", n);
    close(out);
    show_file("dst2", "dst2");
    char buf[8] = "";
    n = read(q[0], buf, sizeof buf - 1);
    printf("tee copy: %zd \"%s\"\n", n, buf);
    CHECK(splice(in, NULL, in, NULL, 5, 0) < 0 && errno == EBADF);
    CHECK(splice(in, NULL, out, NULL, 5, 0) < 0 && errno == EBADF);
    CHECK(splice(p[0], &soff, q[1], NULL, 5, 0) < 0 && errno == ESPIPE);

    char a[] = "vm", b[] = "splice";
    struct iovec iov[2] = { { a, 2 }, { b, 6 } };
    n = vmsplice(p[1], iov, 2, 0);
    memset(buf, 0, sizeof buf);
    printf("vmsplice: %zd", n);
    n = read(p[0], buf, sizeof buf - 1);
    printf(" read back %zd \"%s\"\n", n, buf);
    close(p[0]);
    close(p[1]);
    close(q[0]);
    close(q[1]);
    close(in);
    unlink("src");
    unlink("dst");
    unlink("dst2");
}

static void test_inotify(void)
{
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    CHECK(in >= 0 && (fcntl(in, F_GETFD) & FD_CLOEXEC) && (fcntl(in, F_GETFL) & O_NONBLOCK));
    mkdir("watched", 0755);
    int wd = inotify_add_watch(in, "watched", IN_CREATE | IN_DELETE);
    CHECK(wd >= 0);
    char buf[4096] __attribute__((aligned(8)));
    CHECK(read(in, buf, sizeof buf) < 0 && errno == EAGAIN);
    put_file("watched/new", "x");
    unlink("watched/new");
    CHECK(inotify_rm_watch(in, wd) == 0);
    ssize_t n = read(in, buf, sizeof buf);
    for (ssize_t off = 0; off < n;) {
        struct inotify_event *e = (void *)(buf + off);
        printf("inotify: %s%s%s name \"%s\" same wd %d\n", e->mask & IN_CREATE ? "IN_CREATE" : "",
               e->mask & IN_DELETE ? "IN_DELETE" : "", e->mask & IN_IGNORED ? "IN_IGNORED" : "",
               e->len ? e->name : "", e->wd == wd);
        off += (ssize_t)sizeof *e + e->len;
    }
    CHECK(inotify_add_watch(in, "missing", IN_CREATE) < 0 && errno == ENOENT);
    CHECK(inotify_rm_watch(in, wd) < 0 && errno == EINVAL);
    close(in);
    rmdir("watched");
}

static void test_fds(void)
{
    int m = memfd_create("guest-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    CHECK(m >= 0 && (fcntl(m, F_GETFD) & FD_CLOEXEC));
    CHECK(write(m, "memory", 6) == 6);
    struct stat st;
    CHECK(fstat(m, &st) == 0);
    char buf[16] = "";
    CHECK(pread(m, buf, sizeof buf, 0) == 6);
    printf("memfd: size %ld \"%s\" seals %d\n", (long)st.st_size, buf, fcntl(m, F_GET_SEALS));
    CHECK(fcntl(m, F_ADD_SEALS, F_SEAL_WRITE) == 0 && write(m, "x", 1) < 0 && errno == EPERM);
    char *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, m, 0);
    CHECK(p != MAP_FAILED && !memcmp(p, "memory", 6));
    munmap(p, 4096);
    close(m);

    for (int fd = 40; fd <= 45; fd++)
        CHECK(dup2(1, fd) == fd);
    CHECK(syscall(SYS_close_range, 41, 43, 0) == 0);
    printf("close_range: 40 %d 41 %d 43 %d 44 %d\n", fcntl(40, F_GETFD) >= 0, fcntl(41, F_GETFD) >= 0,
           fcntl(43, F_GETFD) >= 0, fcntl(44, F_GETFD) >= 0);
    CHECK(syscall(SYS_close_range, 44, 45, CLOSE_RANGE_CLOEXEC) == 0);
    printf("close_range cloexec: 44 %d 45 %d\n", fcntl(44, F_GETFD), fcntl(45, F_GETFD));
    CHECK(syscall(SYS_close_range, 45, 44, 0) < 0 && errno == EINVAL);
    CHECK(syscall(SYS_close_range, 40, 45, 0) == 0 && fcntl(40, F_GETFD) < 0);

    int fd = open("v", O_RDWR | O_CREAT | O_TRUNC, 0644);
    char x[] = "abc", y[] = "defg";
    struct iovec iov[2] = { { x, 3 }, { y, 4 } };
    ssize_t n = pwritev2(fd, iov, 2, -1, 0);
    printf("pwritev2 at the position: %zd pos %ld\n", n, (long)lseek(fd, 0, SEEK_CUR));
    n = pwritev2(fd, iov, 1, 1, 0);
    printf("pwritev2 at 1: %zd pos %ld\n", n, (long)lseek(fd, 0, SEEK_CUR));
    memset(x, 0, sizeof x);
    memset(y, 0, sizeof y);
    n = preadv2(fd, iov, 2, 0, 0);
    printf("preadv2: %zd \"%.3s\" \"%.4s\"\n", n, x, y);
    close(fd);
    unlink("v");
}

int main(void)
{
    char dir[] = "rvdbt-sys-files-XXXXXX";
    CHECK(mkdtemp(dir) != NULL && chdir(dir) == 0);
    test_stat();
    test_links();
    test_space();
    test_copies();
    test_inotify();
    test_fds();
    unlink("f");
    CHECK(chdir("..") == 0 && rmdir(dir) == 0);
    return guest_done();
}
