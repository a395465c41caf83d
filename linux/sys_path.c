/* How the guest's paths reach the host.
 *
 * With a prefix (-L, opt.prefix) the guest's absolute paths are looked up
 * under it first, as qemu-user does: a dynamically linked guest names its
 * libraries, /etc/ld.so.cache and the like by their paths on a riscv64
 * machine, which live under the prefix here; what is not there is the
 * host's. /proc, /dev, /sys and /tmp are always the host's: they describe
 * the running system, and temporary files must be where other programs
 * look for them.
 *
 * Under /proc, the files that describe the process itself would describe
 * rvdbt: /proc/self/exe names the guest program, and /proc/self/cmdline and
 * /proc/self/maps open as the guest's argv and the guest's memory map.
 * Everything else under /proc (fd/, status, ...) is the host's. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "linux/sys_impl.h"

int sys_str(struct rv_cpu *c, uint64_t g, const char **s)
{
    int64_t n = mmu_strnlen(sys_mmu(c), g, PATH_MAX);
    *s = NULL;
    if (n < 0)
        return n == -ENAMETOOLONG ? -ENAMETOOLONG : -EFAULT;
    *s = mmu_ptr(sys_mmu(c), g, (uint64_t)n + 1, MMU_R);
    return *s ? 0 : -EFAULT;
}

/* PATH_MAX bytes without a NUL: the host kernel's -ENAMETOOLONG. */
static const char too_long[PATH_MAX + 1] = { [0 ... PATH_MAX - 1] = 'x' };

static const char *bad_str(int err, uint64_t g)
{
    return err == -ENAMETOOLONG ? too_long : SYS_KFAULT(g);
}

const char *sys_str_arg(struct rv_cpu *c, uint64_t g)
{
    const char *s;
    int err = sys_str(c, g, &s);
    return err ? bad_str(err, g) : s;
}

const char *sys_path_arg(struct rv_cpu *c, uint64_t g)
{
    const char *path;
    int err = sys_path(c, g, &path);
    return err ? bad_str(err, g) : path;
}

/* Whether path is /proc/{self,thread-self,OUR_PID}/name: a file describing
 * the guest process itself. */
static bool is_self(const char *path, const char *name)
{
    char own[32];
    int n = snprintf(own, sizeof own, "/proc/%d/", (int)getpid());
    const char *rest = NULL;
    if (!strncmp(path, "/proc/self/", 11))
        rest = path + 11;
    else if (!strncmp(path, "/proc/thread-self/", 18))
        rest = path + 18;
    else if (!strncmp(path, own, (size_t)n))
        rest = path + n;
    return rest && !strcmp(rest, name);
}

/* Whether the absolute path stays the host's whatever the prefix: the root
 * itself, and /proc, /dev, /sys, /tmp and what is below them. */
static bool host_only(const char *path)
{
    static const char *const dirs[] = { "proc", "dev", "sys", "tmp" };
    while (*path == '/')
        path++;
    if (!*path)
        return true;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        size_t n = strlen(dirs[i]);
        if (!strncmp(path, dirs[i], n) && (path[n] == '/' || path[n] == 0))
            return true;
    }
    return false;
}

/* Room for the prefixed forms of the (at most two) paths of one syscall,
 * renameat2's and linkat's. Per host thread: syscalls of several guest
 * threads run at once. */
static __thread char prefixed[2][PATH_MAX * 2];
static __thread unsigned prefixed_next;

/* The path under the prefix if something by that name is there (a dangling
 * symbolic link counts: it is the prefix's entry), else path itself. */
static const char *under_prefix(const char *prefix, const char *path)
{
    if (!prefix || path[0] != '/' || host_only(path))
        return path;
    char *buf = prefixed[prefixed_next++ & 1];
    struct stat st;
    int n = snprintf(buf, sizeof prefixed[0], "%s%s", prefix, path);
    if (n < 0 || (size_t)n >= sizeof prefixed[0] || fstatat(AT_FDCWD, buf, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return path;
    return buf;
}

const char *sys_path_host(struct rv_cpu *c, const char *path)
{
    return under_prefix(c->proc->opt.prefix, path);
}

int sys_path(struct rv_cpu *c, uint64_t g, const char **path)
{
    int err = sys_str(c, g, path);
    if (err)
        return err;
    if (c->proc->exe_path && is_self(*path, "exe"))
        *path = c->proc->exe_path;
    else
        *path = under_prefix(c->proc->opt.prefix, *path);
    return 0;
}

/* A read-only descriptor of a memory file holding len bytes of data: a file
 * rvdbt makes up, opened the way the guest asked (only reading is allowed,
 * as for the real ones). */
static int64_t open_made_up(const char *name, const char *data, size_t len, int flags)
{
    if ((flags & O_ACCMODE) != O_RDONLY)
        return -EACCES;
    int mfd = memfd_create(name, MFD_CLOEXEC);
    if (mfd < 0)
        return -errno;
    int64_t err = 0;
    while (len && !err) {
        ssize_t n = write(mfd, data, len);
        if (n <= 0)
            err = -EIO;
        else
            data += n, len -= (size_t)n;
    }
    char self[32];
    snprintf(self, sizeof self, "/proc/self/fd/%d", mfd);
    int64_t fd = err ? err : sys_ret(open(self, O_RDONLY | (flags & O_CLOEXEC)));
    close(mfd);
    return fd;
}

/* The guest's argv as the kernel lists it in cmdline, each string with its
 * NUL. */
static int64_t open_cmdline(char *const *argv, int flags)
{
    size_t len = 0;
    for (char *const *a = argv; *a; a++)
        len += strlen(*a) + 1;
    char *buf = malloc(len ? len : 1), *at = buf;
    if (!buf)
        return -ENOMEM;
    for (char *const *a = argv; *a; a++)
        at = stpcpy(at, *a) + 1;
    int64_t fd = open_made_up("cmdline", buf, len, flags);
    free(buf);
    return fd;
}

/* One line as the kernel's show_map_vma prints it: the name (a file's path,
 * [heap], [stack]) starts in column 73, after the header padded with
 * spaces; an unnamed mapping's line ends after the inode and one space. */
static void maps_line(void *arg, const struct mmu_region *r, const struct mmu_file *file)
{
    FILE *f = arg;
    const char *name = file ? file->path : NULL;
    if (!name && (r->flags & MMU_F_BRK))
        name = "[heap]";
    else if (!name && (r->flags & MMU_F_STACK))
        name = "[stack]";
    int n = fprintf(f, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
                    (unsigned long long)r->start, (unsigned long long)r->end,
                    r->prot & MMU_R ? 'r' : '-', r->prot & MMU_W ? 'w' : '-',
                    r->prot & MMU_X ? 'x' : '-', r->flags & MMU_F_SHARED ? 's' : 'p',
                    (unsigned long long)(file ? r->off : 0), file ? major(file->dev) : 0,
                    file ? minor(file->dev) : 0, (unsigned long long)(file ? file->ino : 0));
    if (name)
        fprintf(f, "%*s%s", n < 72 ? 72 - n + 1 : 1, "", name);
    fputc('\n', f);
}

void sys_write_maps(struct mmu *m, FILE *to)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return;
    mmu_walk(m, maps_line, f);
    if (fclose(f) == 0)
        fwrite(buf, 1, len, to);
    free(buf);
}

static int64_t open_maps(struct rv_cpu *c, int flags)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return -ENOMEM;
    /* Written to memory under the mmu's read lock, to the file after it. */
    mmu_walk(sys_mmu(c), maps_line, f);
    int64_t fd = fclose(f) == 0 ? open_made_up("maps", buf, len, flags) : -ENOMEM;
    free(buf);
    return fd;
}

bool sys_proc_open(struct rv_cpu *c, const char *path, int flags, int64_t *fd)
{
    if (c->proc->argv && is_self(path, "cmdline"))
        *fd = open_cmdline(c->proc->argv, flags);
    else if (is_self(path, "maps"))
        *fd = open_maps(c, flags);
    else
        return false;
    return true;
}
