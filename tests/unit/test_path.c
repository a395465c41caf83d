/* How guest paths reach the host (linux/sys_path.c), through the syscalls
 * the way a guest makes them: the prefix (looked up first, the host's when
 * absent; /proc, /dev, /sys, /tmp and / always the host's), /proc/self/exe,
 * and /proc/self/maps in the kernel's format, checked line by line against
 * what the regions are. Syscall numbers are the riscv64 ones
 * (asm-generic/unistd.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "linux/proc.h"
#include "linux/sys.h"
#include "tests/unit/t.h"
#include "tests/unit/t_guest.h"
#include "translator/rv_cpu.h"

enum { NR_openat = 56, NR_close = 57, NR_read = 63, NR_readlinkat = 78, NR_newfstatat = 79,
       NR_renameat2 = 276 };
enum { G_AT_FDCWD = -100, G_O_WRONLY = 1, G_O_DIRECTORY = 0200000, G_AT_SYMLINK_NOFOLLOW = 0x100 };
/* riscv64 struct stat (asm-generic/stat.h): st_ino at 8 */
enum { G_STAT_SIZE = 128, G_STAT_INO = 8 };

#define DATA 0x100000ull            /* 64 KiB read-write for arguments */

static struct rv_proc proc;
static struct rv_cpu *cpu;
static char dir[64], root[128];

static int64_t sysv(uint64_t nr, const uint64_t *a)
{
    cpu->x[17] = nr;
    memcpy(&cpu->x[10], a, 6 * sizeof *a);
    sys_dispatch(cpu);
    return (int64_t)cpu->x[10];
}
#define SYS(nr, ...) sysv(nr, (const uint64_t[6]){ __VA_ARGS__ })

static void *host(uint64_t g) { return mmu_host(&proc.mmu, g); }

static uint64_t gstr_at(uint64_t g, const char *s)
{
    strcpy(host(g), s);
    return g;
}
static uint64_t gstr(const char *s) { return gstr_at(DATA, s); }

#define BUF (DATA + 0x1000)         /* 60 KiB for results */
#define BUF_SIZE 0xf000

/* The guest opens path and reads all of it into out (NUL-terminated):
 * the byte count, or -errno. */
static int64_t guest_slurp(const char *path, char *out, size_t size)
{
    int64_t fd = SYS(NR_openat, (uint64_t)G_AT_FDCWD, gstr(path), 0, 0);
    if (fd < 0)
        return fd;
    int64_t n = 0, r;
    while ((r = SYS(NR_read, (uint64_t)fd, BUF + n, BUF_SIZE - n)) > 0)
        n += r;
    SYS(NR_close, (uint64_t)fd);
    if (r < 0)
        return r;
    size_t len = (size_t)n < size - 1 ? (size_t)n : size - 1;
    memcpy(out, host(BUF), len);
    out[len] = 0;
    return n;
}

static uint64_t guest_ino(const char *path, int flags)
{
    int64_t r = SYS(NR_newfstatat, (uint64_t)G_AT_FDCWD, gstr(path), BUF, (uint64_t)flags);
    uint64_t ino;
    memcpy(&ino, (char *)host(BUF) + G_STAT_INO, 8);
    return r == 0 ? ino : 0;
}

/* The inode the host finds at path, following a final symbolic link or not,
 * as newfstatat does with the flags given. */
static uint64_t host_ino_at(const char *path, int flags)
{
    struct stat st;
    return fstatat(AT_FDCWD, path, &st, flags ? AT_SYMLINK_NOFOLLOW : 0) == 0 ? st.st_ino : 0;
}
static uint64_t host_ino(const char *path) { return host_ino_at(path, 0); }

static void put(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write %s", path);
    close(fd);
}

static void test_prefix(void)
{
    char p[1024], text[256];
    snprintf(p, sizeof p, "mkdir -p %s/etc %s/usr/lib %s%s %s/proc/self", root, root, root, dir, root);
    CHECK(system(p) == 0, "make the prefix tree");
    snprintf(p, sizeof p, "%s/etc/hostname", root);
    put(p, "the prefix's hostname\n");
    snprintf(p, sizeof p, "%s/etc/dangling", root);
    CHECK(symlink("/no/such/target", p) == 0, "dangling symlink in the prefix");
    snprintf(p, sizeof p, "%s/file", dir);
    put(p, "host tmp file\n");
    snprintf(p, sizeof p, "%s%s/file", root, dir);
    put(p, "prefix tmp file\n");

    proc.opt.prefix = root;
    CHECK(guest_slurp("/etc/hostname", text, sizeof text) > 0 &&
          !strcmp(text, "the prefix's hostname\n"), "a file under the prefix wins: \"%s\"", text);
    snprintf(p, sizeof p, "%s/etc/hostname", root);
    CHECK(guest_ino("//etc/hostname", 0) == host_ino(p), "doubled slashes are prefixed too");
    CHECK(guest_ino("/bin/sh", 0) == host_ino("/bin/sh") && host_ino("/bin/sh"),
          "what the prefix lacks is the host's");
    CHECK(SYS(NR_readlinkat, (uint64_t)G_AT_FDCWD, gstr("/etc/dangling"), BUF, 100) == 15 &&
          !memcmp(host(BUF), "/no/such/target", 15), "a dangling link under the prefix is its entry");
    snprintf(p, sizeof p, "%s/file", dir);
    CHECK(guest_slurp(p, text, sizeof text) > 0 && !strcmp(text, "host tmp file\n"),
          "/tmp is the host's even when the prefix has the path: \"%s\"", text);
    CHECK(guest_ino("/", 0) == host_ino("/") && guest_ino("/", 0) != host_ino(root),
          "/ is the host's root, not the prefix");
    CHECK(guest_ino("/proc/self", G_AT_SYMLINK_NOFOLLOW) == host_ino_at("/proc/self", 1),
          "/proc is the host's");
    CHECK(guest_ino("/dev/null", 0) == host_ino("/dev/null"), "/dev is the host's");
    CHECK(guest_ino("/usr/lib", 0) == host_ino(strcat(strcpy(p, root), "/usr/lib")),
          "directories under the prefix too");
    char cwd[PATH_MAX];
    CHECK(getcwd(cwd, sizeof cwd) && chdir(root) == 0, "chdir into the prefix");
    CHECK(guest_ino("etc", 0) == host_ino("etc") && guest_ino("etc", 0) != host_ino("/etc"),
          "relative paths are not prefixed");
    CHECK(chdir(cwd) == 0, "chdir back");

    /* Both of rename's paths are looked up (each in its own buffer). */
    snprintf(p, sizeof p, "%s/etc/dangling", root);
    CHECK(SYS(NR_renameat2, (uint64_t)G_AT_FDCWD, gstr_at(DATA, "/etc/hostname"), (uint64_t)G_AT_FDCWD,
              gstr_at(DATA + 0x800, "/etc/dangling"), 0) == 0 && host_ino(p) &&
          guest_slurp("/etc/dangling", text, sizeof text) > 0 &&
          !strcmp(text, "the prefix's hostname\n"), "rename from and to the prefix: \"%s\"", text);

    proc.opt.prefix = NULL;
    CHECK(guest_ino("/etc", 0) == host_ino("/etc"), "no prefix: the host's paths");
}

static void test_exe(void)
{
    char buf[64];
    proc.exe_path = "/bin/sh";
    int64_t n = SYS(NR_readlinkat, (uint64_t)G_AT_FDCWD, gstr("/proc/self/exe"), BUF, 64);
    CHECK(n == 7 && !memcmp(host(BUF), "/bin/sh", 7), "readlink /proc/self/exe: the guest program");
    snprintf(buf, sizeof buf, "/proc/%d/exe", (int)getpid());
    CHECK(guest_ino(buf, 0) == host_ino("/bin/sh"), "stat /proc/PID/exe: the guest program");
    CHECK(guest_ino("/proc/self/exe", 0) == host_ino("/bin/sh"), "stat /proc/self/exe: the guest program");
    proc.exe_path = NULL;
}

/* The expected maps line of [lo, hi) as the kernel prints it. */
static void want_line(char *out, size_t n, uint64_t lo, uint64_t hi, const char *perms,
                      uint64_t off, const struct stat *st, const char *name)
{
    int len = snprintf(out, n, "%08llx-%08llx %s %08llx %02x:%02x %llu ", (unsigned long long)lo,
                       (unsigned long long)hi, perms, (unsigned long long)off,
                       st ? major(st->st_dev) : 0, st ? minor(st->st_dev) : 0,
                       (unsigned long long)(st ? st->st_ino : 0));
    if (name)
        snprintf(out + len, n - (size_t)len, "%*s%s", len < 72 ? 72 - len + 1 : 1, "", name);
    strcat(out, "\n");
}

static void test_maps(void)
{
    char path[256], real[PATH_MAX], want[4096] = "", line[512];
    snprintf(path, sizeof path, "%s/lib.so", dir);
    put(path, "pretend library, one page and a bit");
    CHECK(realpath(path, real) != NULL, "realpath");
    int fd = open(path, O_RDONLY);
    struct stat st;
    fstat(fd, &st);
    struct mmu *m = &proc.mmu;
    /* What a guest has: data (the harness's), a file mapping split by
     * mprotect, shared anonymous memory, the heap, the stack. */
    CHECK(mmu_map(m, 0x7000000, 3 * 4096, MMU_R | MMU_X, 0, fd, 4096) == 0, "map the file");
    CHECK(mmu_protect(m, 0x7002000, 4096, MMU_R) == 0, "protect its last page");
    CHECK(mmu_map(m, 0x8000000, 4096, MMU_R | MMU_W, MMU_F_SHARED, -1, 0) == 0, "shared anonymous");
    m->brk_start = m->brk = 0x9000000;
    CHECK(mmu_brk(m, 0x9001800) == 0x9001800, "a heap");
    CHECK(mmu_map(m, 0x3fff000000ull, 0x10000, MMU_R | MMU_W, MMU_F_STACK, -1, 0) == 0, "a stack");
    close(fd);

    want_line(line, sizeof line, DATA, DATA + 0x10000, "rw-p", 0, NULL, NULL);
    strcat(want, line);
    want_line(line, sizeof line, 0x7000000, 0x7002000, "r-xp", 4096, &st, real);
    strcat(want, line);
    want_line(line, sizeof line, 0x7002000, 0x7003000, "r--p", 3 * 4096, &st, real);
    strcat(want, line);
    want_line(line, sizeof line, 0x8000000, 0x8001000, "rw-s", 0, NULL, NULL);
    strcat(want, line);
    want_line(line, sizeof line, 0x9000000, 0x9002000, "rw-p", 0, NULL, "[heap]");
    strcat(want, line);
    want_line(line, sizeof line, 0x3fff000000ull, 0x3fff010000ull, "rw-p", 0, NULL, "[stack]");
    strcat(want, line);

    static char got[8192];
    CHECK(guest_slurp("/proc/self/maps", got, sizeof got) == (int64_t)strlen(want) &&
          !strcmp(got, want), "/proc/self/maps:\n%s\nwant:\n%s", got, want);
    char own[64];
    snprintf(own, sizeof own, "/proc/%d/maps", (int)getpid());
    CHECK(guest_slurp(own, got, sizeof got) > 0 && !strcmp(got, want), "/proc/PID/maps the same");
    CHECK(guest_slurp("/proc/thread-self/maps", got, sizeof got) > 0 && !strcmp(got, want),
          "/proc/thread-self/maps the same");
    CHECK(SYS(NR_openat, (uint64_t)G_AT_FDCWD, gstr("/proc/self/maps"), G_O_WRONLY, 0) == -EACCES,
          "maps cannot be opened for writing");
    CHECK(guest_slurp("/proc/self/status", got, sizeof got) > 0 && strstr(got, "Pid:"),
          "other /proc files are the host's");
    mmu_unmap(m, 0x7000000, 3 * 4096);
    mmu_unmap(m, 0x8000000, 4096);
    mmu_unmap(m, 0x3fff000000ull, 0x10000);
}

int main(void)
{
    CHECK(mmu_init(&proc.mmu, true) == 0, "mmu_init");
    CHECK(mmu_map(&proc.mmu, DATA, 0x10000, MMU_R | MMU_W, 0, -1, 0) == 0, "map data");
    struct rv_thread *thread = t_guest_thread(&proc);
    cpu = thread->cpu;
    snprintf(dir, sizeof dir, "/tmp/test_path.XXXXXX");
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    snprintf(root, sizeof root, "%s/root", dir);

    test_prefix();
    test_exe();
    test_maps();

    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0, "cleanup");
    thread_free(thread);
    mmu_destroy(&proc.mmu);
    return t_done("test_path");
}
