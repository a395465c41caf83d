/* Paths and file metadata: stat in its three forms, directories, links,
 * permissions, times, file system statistics, inotify. How guest paths
 * become host paths (the prefix, /proc/self) is sys_path.c's business.
 * The host calls are raw syscalls: a path may be one the host kernel is to
 * refuse (sys_path_arg), which a C library wrapper (or a sanitizer's
 * interceptor) must not read first. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys_impl.h"

_Static_assert(AT_FDCWD == RV_AT_FDCWD && AT_SYMLINK_NOFOLLOW == RV_AT_SYMLINK_NOFOLLOW &&
               AT_REMOVEDIR == RV_AT_REMOVEDIR && AT_EACCESS == RV_AT_EACCESS &&
               AT_SYMLINK_FOLLOW == RV_AT_SYMLINK_FOLLOW &&
               AT_NO_AUTOMOUNT == RV_AT_NO_AUTOMOUNT && AT_EMPTY_PATH == RV_AT_EMPTY_PATH &&
               AT_STATX_SYNC_TYPE == RV_AT_STATX_SYNC_TYPE, "AT_ flags pass through");
_Static_assert(UTIME_NOW == RV_UTIME_NOW && UTIME_OMIT == RV_UTIME_OMIT, "utimensat nsec");

static int64_t put_stat(struct rv_cpu *c, uint64_t g, const struct stat *st)
{
    struct rv_stat gs = {
        .st_dev = st->st_dev, .st_ino = st->st_ino, .st_mode = st->st_mode,
        .st_nlink = (uint32_t)st->st_nlink, .st_uid = st->st_uid, .st_gid = st->st_gid,
        .st_rdev = st->st_rdev, .st_size = st->st_size, .st_blksize = (int32_t)st->st_blksize,
        .st_blocks = st->st_blocks,
        .st_atime_sec = st->st_atim.tv_sec, .st_atime_nsec = (uint64_t)st->st_atim.tv_nsec,
        .st_mtime_sec = st->st_mtim.tv_sec, .st_mtime_nsec = (uint64_t)st->st_mtim.tv_nsec,
        .st_ctime_sec = st->st_ctim.tv_sec, .st_ctime_nsec = (uint64_t)st->st_ctim.tv_nsec,
    };
    return mmu_write(sys_mmu(c), g, &gs, sizeof gs) ? -EFAULT : 0;
}

int64_t sys_newfstatat(struct rv_cpu *c, const uint64_t *a)
{
    struct stat st;
    if (syscall(SYS_newfstatat, (int)a[0], sys_path_arg(c, a[1]), &st, (int)a[3]) < 0)
        return -errno;
    return put_stat(c, a[2], &st);
}

int64_t sys_fstat(struct rv_cpu *c, const uint64_t *a)
{
    struct stat st;
    if (fstat((int)a[0], &st) < 0)
        return -errno;
    return put_stat(c, a[1], &st);
}

static struct rv_statx_timestamp stx_time(struct statx_timestamp t)
{
    return (struct rv_statx_timestamp){ .tv_sec = t.tv_sec, .tv_nsec = t.tv_nsec };
}

int64_t sys_statx(struct rv_cpu *c, const uint64_t *a)
{
    struct statx hx;
    if (syscall(SYS_statx, (int)a[0], sys_path_arg(c, a[1]), (int)a[2], (unsigned)a[3], &hx) < 0)
        return -errno;
    struct rv_statx gx = {
        .stx_mask = hx.stx_mask, .stx_blksize = hx.stx_blksize,
        .stx_attributes = hx.stx_attributes, .stx_nlink = hx.stx_nlink,
        .stx_uid = hx.stx_uid, .stx_gid = hx.stx_gid, .stx_mode = hx.stx_mode,
        .stx_ino = hx.stx_ino, .stx_size = hx.stx_size, .stx_blocks = hx.stx_blocks,
        .stx_attributes_mask = hx.stx_attributes_mask,
        .stx_atime = stx_time(hx.stx_atime), .stx_btime = stx_time(hx.stx_btime),
        .stx_ctime = stx_time(hx.stx_ctime), .stx_mtime = stx_time(hx.stx_mtime),
        .stx_rdev_major = hx.stx_rdev_major, .stx_rdev_minor = hx.stx_rdev_minor,
        .stx_dev_major = hx.stx_dev_major, .stx_dev_minor = hx.stx_dev_minor,
        .stx_mnt_id = hx.stx_mnt_id, .stx_dio_mem_align = hx.stx_dio_mem_align,
        .stx_dio_offset_align = hx.stx_dio_offset_align,
    };
    return mmu_write(sys_mmu(c), a[4], &gx, sizeof gx) ? -EFAULT : 0;
}

/* Host records are re-emitted one by one in the guest layout; both are
 * linux_dirent64, so each guest record has the host record's length and the
 * guest buffer holds as many records as the host call returned. */
int64_t sys_getdents64(struct rv_cpu *c, const uint64_t *a)
{
    _Alignas(8) char hbuf[32768];
    /* Only as many entries as fit the writable start of the buffer are read,
     * so none is consumed from the directory and then lost to -EFAULT.
     * Linux's count is an unsigned int. */
    uint64_t count = (uint32_t)a[2], ok = 0;
    while (ok < count && ok < sizeof hbuf) {
        uint64_t at = a[1] + ok, step = MMU_PAGE_SIZE - (at & (MMU_PAGE_SIZE - 1));
        if (!mmu_check(sys_mmu(c), at, step, MMU_W))
            break;
        ok += step;
    }
    /* Nothing writable, or a count the kernel takes as a negative int (no
     * entry fits, -EINVAL): the host kernel says so, after it checks the fd
     * (bad, O_PATH, not a directory), before it writes the first entry. */
    if ((ok == 0 && count) || count > INT32_MAX)
        return sys_ret(syscall(SYS_getdents64, (int)a[0], SYS_KFAULT(a[1]), (unsigned)count));
    size_t want = ok < count ? ok : count;
    long n = syscall(SYS_getdents64, (int)a[0], hbuf, want < sizeof hbuf ? want : sizeof hbuf);
    if (n < 0)
        return -errno;
    uint8_t *out = mmu_ptr(sys_mmu(c), a[1], (uint64_t)n, MMU_W);
    if (!out)
        return -EFAULT;
    for (long off = 0; off < n;) {
        const struct dirent64 *hd = (const void *)(hbuf + off);
        struct rv_dirent64 gd = { .d_ino = hd->d_ino, .d_off = hd->d_off,
                                  .d_reclen = hd->d_reclen, .d_type = hd->d_type };
        size_t hdr = offsetof(struct rv_dirent64, d_name);
        size_t name = strnlen(hd->d_name, hd->d_reclen - offsetof(struct dirent64, d_name));
        /* the name and its NUL, and no more: the kernel leaves the padding
         * after them as it was */
        memcpy(out + off, &gd, hdr);
        memcpy(out + off + hdr, hd->d_name, name);
        out[off + hdr + name] = 0;
        off += hd->d_reclen;
    }
    return n;
}

int64_t sys_readlinkat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path;
    char tmp[PATH_MAX];
    const char *src = tmp;
    int64_t n;
    if ((int)a[3] <= 0)
        return -EINVAL;
    path = sys_path_arg(c, a[1]);
    size_t max = (size_t)(int)a[3] < sizeof tmp ? (size_t)(int)a[3] : sizeof tmp;
    if (path == c->proc->exe_path) {    /* the guest named /proc/self/exe */
        src = c->proc->exe_path;
        n = (int64_t)strlen(src);
        if ((uint64_t)n > max)
            n = (int64_t)max;
    } else {
        n = syscall(SYS_readlinkat, (int)a[0], path, tmp, max);
        if (n < 0)
            return -errno;
    }
    return mmu_write(sys_mmu(c), a[2], src, (uint64_t)n) ? -EFAULT : n;
}

int64_t sys_faccessat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_faccessat, (int)a[0], path, (int)a[2]));
}

int64_t sys_faccessat2(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_faccessat2, (int)a[0], path, (int)a[2], (int)a[3]));
}

/* The kernel's getcwd returns the length including the NUL. */
int64_t sys_getcwd(struct rv_cpu *c, const uint64_t *a)
{
    char tmp[PATH_MAX + 1];
    long n = syscall(SYS_getcwd, tmp, sizeof tmp);
    if (n < 0)
        return -errno;
    if ((uint64_t)n > a[1])
        return -ERANGE;
    return mmu_write(sys_mmu(c), a[0], tmp, (uint64_t)n) ? -EFAULT : n;
}

int64_t sys_chdir(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[0]);
    return sys_ret(syscall(SYS_chdir, path));
}

int64_t sys_fchdir(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(fchdir((int)a[0]));
}

int64_t sys_unlinkat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_unlinkat, (int)a[0], path, (int)a[2]));
}

int64_t sys_mkdirat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_mkdirat, (int)a[0], path, (mode_t)a[2]));
}

int64_t sys_renameat2(struct rv_cpu *c, const uint64_t *a)
{
    const char *from = sys_path_arg(c, a[1]), *to = sys_path_arg(c, a[3]);
    return sys_ret(syscall(SYS_renameat2, (int)a[0], from, (int)a[2], to, (unsigned)a[4]));
}

int64_t sys_symlinkat(struct rv_cpu *c, const uint64_t *a)
{
    const char *target;
    int err = sys_str(c, a[0], &target);
    return err ? err : sys_ret(syscall(SYS_symlinkat, target, (int)a[1], sys_path_arg(c, a[2])));
}

int64_t sys_linkat(struct rv_cpu *c, const uint64_t *a)
{
    const char *from = sys_path_arg(c, a[1]), *to = sys_path_arg(c, a[3]);
    return sys_ret(syscall(SYS_linkat, (int)a[0], from, (int)a[2], to, (int)a[4]));
}

int64_t sys_fchmod(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(fchmod((int)a[0], (mode_t)a[1]));
}

int64_t sys_fchmodat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_fchmodat, (int)a[0], path, (mode_t)a[2]));
}

int64_t sys_fchown(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(fchown((int)a[0], (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_fchownat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_fchownat, (int)a[0], path, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

int64_t sys_truncate(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[0]);
    return sys_ret(syscall(SYS_truncate, path, (off_t)a[1]));
}

/* A NULL path is allowed (futimens passes the fd as dirfd), which glibc's
 * utimensat refuses, hence the raw syscall. */
int64_t sys_utimensat(struct rv_cpu *c, const uint64_t *a)
{
    struct timespec ts[2];
    int err = 0;
    if (a[2]) {
        err = sys_get_timespec(c, a[2], &ts[0]);
        if (!err)
            err = sys_get_timespec(c, a[2] + sizeof(struct rv_timespec), &ts[1]);
    }
    if (err)
        return err;
    const char *path = a[1] ? sys_path_arg(c, a[1]) : NULL;
    return sys_ret(syscall(SYS_utimensat, (int)a[0], path, a[2] ? ts : NULL, (int)a[3]));
}

static int64_t put_statfs(struct rv_cpu *c, uint64_t g, const struct statfs *s)
{
    struct rv_statfs gs = {
        .f_type = s->f_type, .f_bsize = s->f_bsize, .f_blocks = (int64_t)s->f_blocks,
        .f_bfree = (int64_t)s->f_bfree, .f_bavail = (int64_t)s->f_bavail,
        .f_files = (int64_t)s->f_files, .f_ffree = (int64_t)s->f_ffree,
        .f_fsid = { s->f_fsid.__val[0], s->f_fsid.__val[1] },
        .f_namelen = s->f_namelen, .f_frsize = s->f_frsize, .f_flags = s->f_flags,
    };
    return mmu_write(sys_mmu(c), g, &gs, sizeof gs) ? -EFAULT : 0;
}

int64_t sys_statfs(struct rv_cpu *c, const uint64_t *a)
{
    struct statfs s;
    return syscall(SYS_statfs, sys_path_arg(c, a[0]), &s) < 0 ? -errno : put_statfs(c, a[1], &s);
}

int64_t sys_fstatfs(struct rv_cpu *c, const uint64_t *a)
{
    struct statfs s;
    return fstatfs((int)a[0], &s) < 0 ? -errno : put_statfs(c, a[1], &s);
}

/* Linux 6.6: fchmodat with flags (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH). The
 * host headers may predate it; the number is the same on x86-64. A host
 * without it answers -ENOSYS, which is the guest's answer too (its libc
 * then does without). */
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

int64_t sys_fchmodat2(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_fchmodat2, (int)a[0], path, (mode_t)a[2], (int)a[3]));
}

/* Device numbers are the kernel's new_encode_dev on both sides (a 32-bit
 * dev_t argument), so the mode and dev pass through. */
int64_t sys_mknodat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_mknodat, (int)a[0], path, (mode_t)a[2], (unsigned)a[3]));
}

/* inotify: the events read from the fd are struct inotify_event records,
 * the same layout and mask bits on both sides, so plain reads deliver them. */
_Static_assert(sizeof(struct inotify_event) == sizeof(struct rv_inotify_event) &&
               offsetof(struct inotify_event, len) == offsetof(struct rv_inotify_event, len),
               "struct inotify_event");
_Static_assert(IN_ACCESS == RV_IN_ACCESS && IN_MODIFY == RV_IN_MODIFY && IN_CREATE == RV_IN_CREATE &&
               IN_DELETE == RV_IN_DELETE && IN_IGNORED == RV_IN_IGNORED &&
               IN_ONLYDIR == RV_IN_ONLYDIR && IN_MASK_ADD == RV_IN_MASK_ADD &&
               IN_ISDIR == RV_IN_ISDIR && IN_ONESHOT == RV_IN_ONESHOT &&
               IN_NONBLOCK == RV_O_NONBLOCK && IN_CLOEXEC == RV_O_CLOEXEC, "inotify bits");

int64_t sys_inotify_init1(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(inotify_init1((int)a[0]));
}

int64_t sys_inotify_add_watch(struct rv_cpu *c, const uint64_t *a)
{
    const char *path = sys_path_arg(c, a[1]);
    return sys_ret(syscall(SYS_inotify_add_watch, (int)a[0], path, (uint32_t)a[2]));
}

int64_t sys_inotify_rm_watch(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(inotify_rm_watch((int)a[0], (int)a[1]));
}
