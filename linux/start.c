/* Process start-up, in the order of Linux's execve (fs/exec.c,
 * fs/binfmt_elf.c): the program must be an executable file; it is loaded,
 * then the dynamic loader its PT_INTERP names; the stack gets argv, envp
 * and the auxiliary vector that tells the loader where the program is; the
 * first thread starts at the loader's entry (or the program's, without
 * one) with sp at argc.
 *
 * The interpreter path is the guest's, so it is looked up the way sys_path
 * looks up the guest's absolute paths: under the prefix first, then in the
 * host root. With no prefix and no riscv64 loader in the host root, the
 * Debian cross libraries are used when they hold it: that is where a
 * program linked by riscv64-linux-gnu-gcc finds its libraries. */
#include "linux/start.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux/proc.h"
#include "loader/elf_bare.h"
#include "loader/elf_load.h"
#include "translator/rv_cpu.h"
#include "translator/tr_priv.h"

static int start_fail(char *err, size_t errlen, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int start_fail(char *err, size_t errlen, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return status;
}

/* The interpreter path as it may appear in a message: it comes from the
 * file, so anything unprintable becomes '?' and the message stays one line. */
static void printable(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src);
    for (char *q = dst; *q; q++)
        if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7f)
            *q = '?';
}

/* Find the host file for the interpreter path interp: under the prefix, then
 * in the host root; with no prefix, under START_CROSS_ROOT when the host
 * root lacks it, which then becomes the prefix for the guest's other paths
 * too. On failure, err names every place tried. */
static int find_interp(struct rv_proc *p, const char *path, const char *interp, char *host,
                       size_t hostlen, char *err, size_t errlen)
{
    char tried[3][PATH_MAX + 64], shown[PATH_MAX + 64];
    const char *prefixes[3];
    size_t n = 0;
    if (interp[0] == '/' && p->opt.prefix)
        prefixes[n++] = p->opt.prefix;
    prefixes[n++] = "";
    if (interp[0] == '/' && !p->opt.prefix)
        prefixes[n++] = START_CROSS_ROOT;
    for (size_t i = 0; i < n; i++) {
        snprintf(host, hostlen, "%s%s", prefixes[i], interp);
        if (access(host, F_OK) == 0) {
            if (!p->opt.prefix && prefixes[i][0])
                p->opt.prefix = prefixes[i];
            return 0;
        }
        printable(tried[i], sizeof tried[i], host);
    }
    printable(shown, sizeof shown, interp);
    if (n == 1)
        return start_fail(err, errlen, EXIT_LOAD, "%s: interpreter %s not found", path, shown);
    return start_fail(err, errlen, EXIT_LOAD,
                      "%s: interpreter %s not found (tried %s, %s%s%s); use -L PREFIX to name "
                      "the riscv64 root that holds it", path, shown, tried[0], tried[1],
                      n > 2 ? ", " : "", n > 2 ? tried[2] : "");
}

/* execve's own refusal of a file without execute permission, which comes
 * before any look at its contents. Directories and other non-files are left
 * to the loader, whose messages say what they are. */
static bool executable(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return true;
    return faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) == 0 || errno != EACCES;
}

static int start_bare(struct rv_proc *p, struct rv_cpu *cpu, const char *path, char *err,
                      size_t errlen)
{
    struct elf_bare bare;
    char why[256];
    if (elf_load_bare(&p->mmu, path, &bare, why, sizeof why) < 0)
        return start_fail(err, errlen, EXIT_LOAD, "%s: %s", path, why);
    p->entry = bare.entry;
    priv_reset(cpu, bare.entry, bare.tohost, bare.fromhost);
    return 0;
}

static int start_linux(struct rv_proc *p, struct rv_cpu *cpu, const char *path, char **argv,
                       char **envp, char *err, size_t errlen)
{
    struct elf_image img, interp = { 0 };
    char why[256], host[PATH_MAX + 64], shown[PATH_MAX + 64];
    int argc = 0, status;
    while (argv[argc])
        argc++;

    if (!executable(path))
        return start_fail(err, errlen, EXIT_LOAD, "%s: cannot execute: %s", path, strerror(EACCES));
    if (elf_load(&p->mmu, path, ELF_PROGRAM, &img, why, sizeof why) < 0)
        return start_fail(err, errlen, EXIT_LOAD, "%s: %s", path, why);
    bool has_interp = img.interp != NULL;
    if (has_interp) {
        status = find_interp(p, path, img.interp, host, sizeof host, err, errlen);
        printable(shown, sizeof shown, host);
        free(img.interp);
        if (status)
            return status;
        if (elf_load(&p->mmu, host, ELF_INTERP, &interp, why, sizeof why) < 0)
            return start_fail(err, errlen, EXIT_LOAD, "%s: interpreter %s: %s", path, shown, why);
        /* Linux ignores an interpreter's own PT_INTERP. */
        free(interp.interp);
    }
    p->exe_path = realpath(path, NULL);
    uint64_t sp = elf_build_stack(&p->mmu, &img, interp.load_bias, argc, argv, envp, path,
                                  why, sizeof why);
    if (!sp)
        return start_fail(err, errlen, EXIT_LOAD, "%s: %s", path, why);
    p->entry = img.entry;
    cpu->x[2] = sp;
    cpu->pc = has_interp ? interp.entry : img.entry;
    return 0;
}

int linux_start(struct rv_proc *p, struct rv_cpu *cpu, const char *path, char **argv,
                char **envp, char *err, size_t errlen)
{
    int e = mmu_init(&p->mmu, !p->opt.high_base);
    if (e)
        return start_fail(err, errlen, EXIT_INTERNAL, "cannot reserve guest memory: %s", strerror(-e));
    if (p->opt.bare)
        return start_bare(p, cpu, path, err, errlen);
    return start_linux(p, cpu, path, argv, envp, err, errlen);
}
