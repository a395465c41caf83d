/* elf_fuzz: a libFuzzer target for process start-up, linux_start as rvdbt's
 * main calls it: the program is a file (checked for the execute bit, loaded
 * by elf_load), its PT_INTERP is looked up under a prefix and loaded, and
 * the initial stack and auxv are built. `make fuzz-elf` builds it with clang
 * and -fsanitize=fuzzer,address,undefined (tests/fuzz/elf_fuzz.sh runs it).
 *
 * An input is a program, optionally followed by an interpreter:
 *
 *   PROGRAM                       the interpreter is the real riscv64 ld.so
 *   PROGRAM ELF_FUZZ_SEP INTERP   the interpreter is INTERP
 *
 * Either way the interpreter is the file PREFIX/lib/ld-linux-riscv64-lp64d.so.1,
 * the path every riscv64 glibc program names, so a dynamic program seed
 * reaches the interpreter's loading with the real loader, and a seed with the
 * separator lets the fuzzer change the interpreter while the program stays
 * loadable. A mutated PT_INTERP that names another path is looked up as
 * rvdbt looks it up (the prefix, then the host root) and mostly not found.
 *
 * Each iteration gets a fresh address space and frees it (mmu_destroy), so
 * nothing but leaks carries over; LeakSanitizer sees leaked memory, and the
 * checks below see a leaked descriptor. Beyond the sanitizers, an input fails
 * when start-up ends otherwise than by success or by a load failure (status
 * 1) with a one-line message, or succeeds with a stack pointer outside a
 * writable mapping holding argc.
 *
 * Environment: ELF_FUZZ_INTERP, the real interpreter (default
 * /usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1); TMPDIR, where the
 * scratch directory for the two files goes (removed at exit). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux/proc.h"
#include "linux/start.h"
#include "translator/rv_cpu.h"

#define ELF_FUZZ_SEP "\n--rvdbt-elf-fuzz-interp--\n"
#define ELF_FUZZ_INTERP_PATH "/lib/ld-linux-riscv64-lp64d.so.1"
#define ELF_FUZZ_DEFAULT_INTERP START_CROSS_ROOT ELF_FUZZ_INTERP_PATH

static char dir[PATH_MAX], prefix[PATH_MAX], libdir[PATH_MAX];
static char prog_path[PATH_MAX], interp_path[PATH_MAX];
static uint8_t *real_interp;
static size_t real_interp_size;
static bool interp_is_real;     /* interp_path holds real_interp now */

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "elf_fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (fd < 0)
        die(path, strerror(errno));
    while (size) {
        ssize_t n = write(fd, data, size);
        if (n < 0)
            die(path, strerror(errno));
        data += n;
        size -= (size_t)n;
    }
    close(fd);
}

static uint8_t *read_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        die(path, strerror(errno));
    uint8_t *p = malloc((size_t)st.st_size + 1);
    if (!p || read(fd, p, (size_t)st.st_size) != st.st_size)
        die(path, "cannot read");
    close(fd);
    *size = (size_t)st.st_size;
    return p;
}

static int lowest_free_fd(void)
{
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        die("/dev/null", strerror(errno));
    close(fd);
    return fd;
}

static void cleanup(void)
{
    unlink(prog_path);
    unlink(interp_path);
    rmdir(libdir);
    rmdir(prefix);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *tmp = getenv("TMPDIR"), *interp = getenv("ELF_FUZZ_INTERP");
    snprintf(dir, sizeof dir, "%s/rvdbt-elf-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        die(dir, strerror(errno));
    snprintf(prefix, sizeof prefix, "%s/root", dir);
    snprintf(libdir, sizeof libdir, "%s/lib", prefix);
    snprintf(interp_path, sizeof interp_path, "%s%s", prefix, ELF_FUZZ_INTERP_PATH);
    snprintf(prog_path, sizeof prog_path, "%s/prog", dir);
    if (mkdir(prefix, 0755) != 0 || mkdir(libdir, 0755) != 0)
        die(libdir, strerror(errno));
    atexit(cleanup);
    real_interp = read_file(interp && *interp ? interp : ELF_FUZZ_DEFAULT_INTERP, &real_interp_size);
    return 0;
}

static const uint8_t *find_sep(const uint8_t *data, size_t size)
{
    size_t n = sizeof ELF_FUZZ_SEP - 1;
    return size >= n ? memmem(data, size, ELF_FUZZ_SEP, n) : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *sep = find_sep(data, size);
    size_t prog_size = sep ? (size_t)(sep - data) : size;
    write_file(prog_path, data, prog_size);
    if (sep) {
        const uint8_t *in = sep + sizeof ELF_FUZZ_SEP - 1;
        write_file(interp_path, in, size - (size_t)(in - data));
        interp_is_real = false;
    } else if (!interp_is_real) {
        write_file(interp_path, real_interp, real_interp_size);
        interp_is_real = true;
    }

    static struct rv_proc proc;
    static struct rv_cpu cpu;
    memset(&proc, 0, sizeof proc);
    memset(&cpu, 0, sizeof cpu);
    proc.opt.prefix = prefix;
    char *argv[] = { "prog", "an argument", NULL }, *envp[] = { "ELF_FUZZ=1", NULL };
    char err[PATH_MAX * 4] = "";
    int fd_mark = lowest_free_fd();
    int status = linux_start(&proc, &cpu, prog_path, argv, envp, err, sizeof err);
    if (status != 0 && status != EXIT_LOAD)
        die("start-up ended with a status other than 0 or 1", err);
    if (status != 0 && (err[0] == 0 || strchr(err, '\n')))
        die("a load failure without a one-line message", err);
    if (status == 0) {
        uint64_t sp = cpu.x[2], argc_word = 0;
        if (sp % 16 || !mmu_check(&proc.mmu, sp, 8, MMU_R | MMU_W) ||
            mmu_read(&proc.mmu, &argc_word, sp, 8) != 0 || argc_word != 2)
            die("the initial stack pointer does not point at argc", NULL);
    }
    mmu_destroy(&proc.mmu);
    free(proc.exe_path);
    int fd_now = lowest_free_fd();
    if (fd_now != fd_mark) {
        char what[64];
        snprintf(what, sizeof what, "%d was free before, %d is now", fd_mark, fd_now);
        die("a file descriptor leaked", what);
    }
    return 0;
}
