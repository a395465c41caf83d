/* execve and the waits for child processes. A riscv64 program (or a script
 * whose interpreter is one) runs on under a new rvdbt, started with the
 * options and prefix this one has; anything else goes to the host's execve,
 * as under qemu-user: a host program runs natively, and what the host
 * cannot run fails with its error. */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "linux/sys_impl.h"

#define EXEC_MAX_ARGS 65536     /* more than fit in Linux's argument space */

/* The NULL-terminated guest array of strings at g, as host pointers into
 * guest memory (freed by the caller), or NULL with *err set. */
static char **guest_strv(struct rv_cpu *c, uint64_t g, int *err)
{
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    if (!v) {
        *err = -ENOMEM;
        return NULL;
    }
    for (;; n++) {
        uint64_t p = 0;
        if (g && mmu_read(sys_mmu(c), &p, g + 8 * n, 8)) {
            *err = -EFAULT;
            free(v);
            return NULL;
        }
        if (n + 2 > cap) {
            char **w = n < EXEC_MAX_ARGS ? realloc(v, (cap *= 2) * sizeof *v) : NULL;
            if (!w) {
                *err = n < EXEC_MAX_ARGS ? -ENOMEM : -E2BIG;
                free(v);
                return NULL;
            }
            v = w;
        }
        if (!p)
            break;
        int64_t len = mmu_strnlen(sys_mmu(c), p, 1 << 20);
        if (len < 0) {
            *err = len == -ENAMETOOLONG ? -E2BIG : (int)len;
            free(v);
            return NULL;
        }
        v[n] = (char *)mmu_host(sys_mmu(c), p);
    }
    v[n] = NULL;
    return v;
}

/* Whether the host file at path is a riscv64 ELF executable. */
static bool is_riscv_elf(const char *path)
{
    Elf64_Ehdr h;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool yes = pread(fd, &h, sizeof h, 0) == (ssize_t)sizeof h && !memcmp(h.e_ident, ELFMAG, SELFMAG) &&
               h.e_ident[EI_CLASS] == ELFCLASS64 && h.e_machine == EM_RISCV;
    close(fd);
    return yes;
}

/* The interpreter line of a `#!` script: *interp and *arg (NULL if none)
 * point into line. false if path is no script. */
static bool script_interp(const char *path, char *line, size_t size, char **interp, char **arg)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, line, size - 1);
    close(fd);
    if (n < 3 || line[0] != '#' || line[1] != '!')
        return false;
    line[n] = 0;
    char *p = line + 2, *end = strchr(p, '\n');
    if (end)
        *end = 0;
    p += strspn(p, " \t");
    if (!*p)
        return false;
    *interp = p;
    p += strcspn(p, " \t");
    *arg = NULL;
    if (*p) {
        *p++ = 0;
        p += strspn(p, " \t");
        size_t len = strlen(p);
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            p[--len] = 0;
        if (*p)
            *arg = p;
    }
    return true;
}

/* Replace this process by rvdbt running prog with argv (argv[0] as given),
 * with the options this one has, less those that were the first program's
 * alone (-0, -E, -U), and the prefix in use (it may have been chosen). */
static int64_t exec_rvdbt(struct rv_proc *p, const char *prog, char **argv, char **envp)
{
    size_t n = 0;
    while (argv[n])
        n++;
    char **v = malloc(((size_t)p->n_opt_words + n + 8) * sizeof *v);
    if (!v)
        return -ENOMEM;
    size_t k = 0;
    v[k++] = "rvdbt";
    for (int i = 0; i < p->n_opt_words; i++) {
        const char *w = p->opt_words[i];
        if (!strcmp(w, "-0") || !strcmp(w, "-E") || !strcmp(w, "-U") || !strcmp(w, "-L")) {
            i++;
            continue;
        }
        if (!strcmp(w, "--"))
            break;
        v[k++] = p->opt_words[i];
    }
    if (p->opt.prefix) {
        v[k++] = "-L";
        v[k++] = (char *)p->opt.prefix;
    }
    if (n) {
        v[k++] = "-0";
        v[k++] = argv[0];
    }
    v[k++] = "--";
    v[k++] = (char *)prog;
    for (size_t i = 1; i < n; i++)
        v[k++] = argv[i];
    v[k] = NULL;
    fflush(NULL);
    execve("/proc/self/exe", v, envp);
    int e = errno;
    free(v);
    return -e;
}

int64_t sys_execve(struct rv_cpu *c, const uint64_t *a)
{
    const char *path;
    int err = sys_path(c, a[0], &path);
    if (err)
        return err;
    char **argv = guest_strv(c, a[1], &err);
    if (!argv)
        return err;
    char **envp = guest_strv(c, a[2], &err);
    if (!envp) {
        free(argv);
        return err;
    }
    int64_t r;
    char line[256], *interp, *arg;
    if (access(path, X_OK) < 0) {
        r = -errno;
    } else if (is_riscv_elf(path)) {
        r = exec_rvdbt(c->proc, path, argv, envp);
    } else if (script_interp(path, line, sizeof line, &interp, &arg) &&
               is_riscv_elf(sys_path_host(c, interp))) {
        /* As the kernel does: interpreter, its argument, the script, then
         * the script's arguments after argv[0]. */
        size_t n = 0;
        while (argv[n])
            n++;
        char **v = malloc((n + 4) * sizeof *v);
        size_t k = 0;
        if (!v) {
            r = -ENOMEM;
        } else {
            v[k++] = interp;
            if (arg)
                v[k++] = arg;
            v[k++] = (char *)mmu_host(sys_mmu(c), a[0]);
            for (size_t i = 1; i < n; i++)
                v[k++] = argv[i];
            v[k] = NULL;
            r = exec_rvdbt(c->proc, sys_path_host(c, interp), v, envp);
            free(v);
        }
    } else {
        fflush(NULL);
        execve(path, argv, envp);
        r = -errno;
    }
    free(argv);
    free(envp);
    return r;
}

int64_t sys_wait4(struct rv_cpu *c, const uint64_t *a)
{
    int status;
    struct rusage ru;
    long pid = SYS_SAFE(c, SYS_wait4, (pid_t)a[0], &status, (int)a[2], a[3] ? &ru : NULL, 0, 0);
    if (pid < 0)
        return pid;
    /* The status word is the same on both sides (asm-generic/wait.h). */
    if (pid > 0 && a[1] && mmu_write(sys_mmu(c), a[1], &status, sizeof status))
        return -EFAULT;
    if (pid > 0 && a[3] && sys_put_rusage(c, a[3], &ru))
        return -EFAULT;
    return pid;
}

_Static_assert(P_ALL == 0 && P_PID == 1 && P_PGID == 2 && P_PIDFD == 3, "idtype_t passes through");

int64_t sys_waitid(struct rv_cpu *c, const uint64_t *a)
{
    siginfo_t si;
    struct rusage ru;
    memset(&si, 0, sizeof si);
    long r = SYS_SAFE(c, SYS_waitid, (int)a[0], (pid_t)a[1], &si, (int)a[3], a[4] ? &ru : NULL, 0);
    if (r < 0)
        return r;
    if (a[2] && mmu_write(sys_mmu(c), a[2], &si, sizeof si))
        return -EFAULT;
    if (a[4] && sys_put_rusage(c, a[4], &ru))
        return -EFAULT;
    return 0;
}
