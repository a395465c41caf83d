/* sys_border's calls on files, paths and file metadata. */
#include "tests/fuzz/sys_border.h"

void c_read(void)
{
    int k;
    int64_t fd = arg_fd_k("fd", false, &k);
    int64_t n = arg_len("n", 64);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    result = SC(NR_(read), fd, p, n);
}

void c_write(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t n = arg_len("n", 64);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    result = SC(NR_(write), fd, p, n);
}

void c_pread(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t n = arg_len("n", 100);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    int64_t off = ARG("off", 0, 1, 4096, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(pread64), fd, p, n, off);
}

void c_pwrite(void)
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

static void iov_call(long nr, bool safe)
{
    int n;
    int64_t cnt;
    int64_t fd = arg_fd("fd", safe);
    uint64_t v = arg_iov(&n, &cnt);
    result = SC(nr, fd, v, cnt);
}

void c_readv(void) { iov_call(NR_(readv), false); }

void c_writev(void) { iov_call(NR_(writev), true); }

void c_preadv(void)
{
    int n;
    int64_t cnt;
    int64_t fd = arg_fd("fd", false);
    uint64_t v = arg_iov(&n, &cnt);
    int64_t off = ARG("off", 0, 10, -1, -2);
    result = SC(NR_(preadv), fd, v, cnt, off, 0);
}

void c_lseek(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t off = ARG("off", 0, 1, 100, -1, 1L << 40, INT64_MAX, INT64_MIN);
    int64_t wh = ARG("whence", 0, 1, 2, 3, 4, 5, -1);
    result = SC(NR_(lseek), fd, off, wh);
}

void c_openat(void)
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

void c_close(void)
{
    int64_t fd = ARG("fd", FD_CLOSED, -1, 0x7fffffff, -100, 1L << 32 | FD_CLOSED);
    result = SC(NR_(close), fd);
}

void c_dup(void)
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

void c_pipe2(void)
{
    uint64_t p = arg_ptr("fds", 8, 0);
    int64_t fl = FLAGS("flags", 0, O_CLOEXEC, O_NONBLOCK, O_DIRECT, O_CLOEXEC | O_NONBLOCK, 1, 0x80000000L);
    result = SC(NR_(pipe2), p, fl);
    close_pair(p);
}

void c_fcntl(void)
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

void c_ioctl(void)
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

void c_flock(void)
{
    int64_t fd = arg_fd("fd", false);
    int64_t op = ARG("op", LOCK_SH | LOCK_NB, LOCK_EX | LOCK_NB, LOCK_UN, 0, 7 | LOCK_NB, -1 & ~0L);
    if (!(op & LOCK_NB) && op != LOCK_UN)
        op |= LOCK_NB;
    result = SC(NR_(flock), fd, op);
}

void c_fsync(void)
{
    int64_t fd = arg_fd("fd", false);
    if (rn(2)) {
        result = SC(NR_(fsync), fd);
    } else {
        out(" data");
        result = SC(NR_(fdatasync), fd);
    }
}

void c_ftruncate(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t len = ARG("len", 0, 5000, 100000, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(ftruncate), fd, len);
}

void c_fallocate(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t mode = ARG("mode", 0, FALLOC_FL_KEEP_SIZE, FALLOC_FL_PUNCH_HOLE, 
                       FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0x100, -1);
    int64_t off = ARG("off", 0, 4096, -1, INT64_MAX);
    int64_t len = ARG("len", 0, 4096, 65536, -1, INT64_MAX);
    result = SC(NR_(fallocate), fd, mode, off, len);
}

void c_sendfile(void)
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

void c_copy_file_range(void)
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

void c_fstat(void)
{
    int64_t fd = arg_fd("fd", false);
    uint64_t p = arg_ptr("st", sizeof(struct stat), 0);
    result = SC(NR_(fstat), fd, p);
    if (result == 0)
        norm_stat(p);
}

void c_newfstatat(void)
{
    int64_t fd = arg_dirfd("dfd", false);
    uint64_t path = arg_path("path", true);
    uint64_t p = arg_ptr("st", sizeof(struct stat), 1);
    int64_t fl = FLAGS("flags", 0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT, 0x1, -1);
    result = SC(NR_(newfstatat), fd, path, p, fl);
    if (result == 0)
        norm_stat(p);
}

void c_statx(void)
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

void c_getdents(void)
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

void c_readlinkat(void)
{
    int64_t fd = arg_dirfd("dfd", false);
    uint64_t path = arg_path("path", true);
    int64_t n = arg_len("n", 16);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 1);
    result = SC(NR_(readlinkat), fd, path, p, n);
}

void c_getcwd(void)
{
    int64_t n = arg_len("n", 64);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    result = SC(NR_(getcwd), p, n);
}

void c_faccessat(void)
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

void c_mkdir_unlink(void)
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

void c_renameat2(void)
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

void c_symlink_link(void)
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

void c_fchmodat(void)
{
    int64_t fd = arg_dirfd("dfd", true);
    uint64_t path = arg_path("path", false);
    int64_t mode = ARG("mode", 0644, 0600, 0777, 07777, -1);
    result = SC(NR_(fchmodat), fd, path, mode);
}

void c_fchmod(void)
{
    int64_t fd = arg_fd("fd", true);
    int64_t mode = ARG("mode", 0644, 0600, 0777, 07777, -1);
    result = SC(NR_(fchmod), fd, mode);
}

void c_truncate(void)
{
    uint64_t path = arg_path("path", false);
    int64_t len = ARG("len", 0, 5000, -1, 1L << 40, INT64_MAX);
    result = SC(NR_(truncate), path, len);
}

void c_utimensat(void)
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

void c_statfs(void)
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

void c_chdir(void)
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
