/* elf_mut: rvdbt on mutated ELF files. From real riscv64 programs (and the
 * real ld.so as a dynamic program's interpreter) it makes N files with one
 * to three structured mutations each, from a fixed seed: an ELF header field
 * or a program header field (type, flags, offset, address, sizes, alignment)
 * set to a boundary value, one program header copied over another, the
 * PT_INTERP path replaced (a directory, a FIFO, a device, the program
 * itself, a relative path, a missing one), truncation, bit flips in the
 * headers. rvdbt runs each (with --timeout and --stats-json) and must end in
 * one of two ways:
 *
 *   - it ran the guest: the stats file exists and says how the guest ended,
 *     and rvdbt's status agrees (the exit status, or death by the signal the
 *     guest died of, or 124 for --timeout), whatever the guest did;
 *   - it refused the file: no stats file, status 1 and exactly one line on
 *     stderr, "rvdbt: PATH: reason".
 *
 * Anything else fails: rvdbt killed by a signal of its own, status 70 or any
 * other status without a run, an empty or multi-line message, a hang past
 * the timeout. A failing file is kept in elf_mut-fail/ next to this binary.
 *
 *   elf_mut [-n N] [--seed N] [PROGRAM...]
 *
 * The programs default to build outputs next to this binary's folder
 * (build/tests/guest/asm/hello, O2/exitcode, dyn/dl_hello, pie/hello,
 * build/tests/loader_pie, loader_dyn, syms_prog.so); a quarter of the cases
 * mutate the interpreter instead, of build/tests/guest/dyn/dl_hello, which
 * then runs with -L naming the root that holds it. Environment: RVDBT
 * (default build/rvdbt), ELF_MUT_INTERP (default the Debian cross ld.so),
 * ELF_MUT_TIMEOUT (seconds a run may take, default 20). Ends with
 * "elf_mut: N passed, M failed"; exits 1 if any failed, 2 on a setup error. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MUT_INTERP "/lib/ld-linux-riscv64-lp64d.so.1"
#define MUT_MAX_SEEDS 16
#define MUT_GUEST_TIMEOUT "2"   /* rvdbt --timeout: a mutated entry may loop */

struct buf {
    uint8_t *p;
    size_t n;
};

static struct {
    const char *rvdbt, *interp;
    char work[PATH_MAX], keep[PATH_MAX];
    double timeout;
} cfg;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "elf_mut: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

static struct buf slurp(const char *path)
{
    struct buf b = { 0 };
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        die("cannot read %s: %s", path, strerror(errno));
    b.n = (size_t)st.st_size;
    b.p = malloc(b.n + 1);
    if (!b.p || read(fd, b.p, b.n) != (ssize_t)b.n)
        die("cannot read %s", path);
    close(fd);
    return b;
}

static void spill(const char *path, const struct buf *b)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (fd < 0 || write(fd, b->p, b->n) != (ssize_t)b->n || close(fd) != 0)
        die("cannot write %s: %s", path, strerror(errno));
}

/* ---- the random source: splitmix64, one stream per case ---- */

static uint64_t rng;

static uint64_t next(void)
{
    uint64_t z = (rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t below(uint64_t n)
{
    return n ? next() % n : 0;
}

/* ---- mutations ---- */

/* A boundary value for a field of `bytes` bytes that held old, in a file of
 * size bytes. */
static uint64_t boundary(uint64_t old, unsigned bytes, size_t size)
{
    const uint64_t page = 4096, guest = 1ull << 38;
    const uint64_t common[] = {
        0, 1, 2, 7, 8, 0x38, 0x40, 0x7f, 0x80, 0xff, page - 1, page, page + 1, 0xffff, 0x10000,
        size - 1, size, size + 1, 1ull << 31, 1ull << 32, guest - page, guest, guest + page,
        guest / 3 * 2, 1ull << 63, UINT64_MAX, UINT64_MAX - page + 1,
        old + 1, old - 1, old + page, old - page, old * 2, old / 2, old ^ (1ull << below(bytes * 8)),
    };
    uint64_t v = below(8) == 0 ? next() : common[below(sizeof common / sizeof common[0])];
    return bytes == 8 ? v : v & ((1ull << (bytes * 8)) - 1);
}

static uint64_t get(const struct buf *b, size_t off, unsigned bytes)
{
    uint64_t v = 0;
    if (off + bytes <= b->n)
        memcpy(&v, b->p + off, bytes);
    return v;
}

static void put(struct buf *b, size_t off, unsigned bytes, uint64_t v)
{
    if (off + bytes <= b->n)
        memcpy(b->p + off, &v, bytes);
}

struct field { const char *name; size_t off; unsigned bytes; };

#define EF(f) { #f, offsetof(Elf64_Ehdr, f), sizeof(((Elf64_Ehdr *)0)->f) }
#define PF(f) { #f, offsetof(Elf64_Phdr, f), sizeof(((Elf64_Phdr *)0)->f) }
static const struct field ehdr_fields[] = {
    { "e_ident[EI_CLASS]", EI_CLASS, 1 }, { "e_ident[EI_DATA]", EI_DATA, 1 },
    { "e_ident[EI_VERSION]", EI_VERSION, 1 }, { "e_ident[EI_OSABI]", EI_OSABI, 1 },
    EF(e_type), EF(e_machine), EF(e_version), EF(e_entry), EF(e_phoff), EF(e_shoff),
    EF(e_flags), EF(e_ehsize), EF(e_phentsize), EF(e_phnum), EF(e_shentsize), EF(e_shnum),
    EF(e_shstrndx),
};
static const struct field phdr_fields[] = {
    PF(p_type), PF(p_flags), PF(p_offset), PF(p_vaddr), PF(p_filesz), PF(p_memsz), PF(p_align),
};
static const uint32_t p_types[] = {
    PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_PHDR, PT_TLS, PT_GNU_STACK,
    PT_GNU_RELRO, 0x70000003 /* PT_RISCV_ATTRIBUTES */,
};

/* The program header table as the file's header gives it, clipped to the file. */
static size_t phdrs(const struct buf *b, size_t *phoff)
{
    if (b->n < sizeof(Elf64_Ehdr))
        return 0;
    *phoff = get(b, offsetof(Elf64_Ehdr, e_phoff), 8);
    size_t n = get(b, offsetof(Elf64_Ehdr, e_phnum), 2);
    if (*phoff > b->n)
        return 0;
    size_t fit = (b->n - *phoff) / sizeof(Elf64_Phdr);
    return n < fit ? n : fit;
}

static void note(char *what, size_t len, const char *fmt, ...)
{
    size_t used = strlen(what);
    if (used && used + 1 < len) {
        what[used++] = ',';
        what[used] = 0;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what + used, len - used, fmt, ap);
    va_end(ap);
}

static bool mutate_ehdr(struct buf *b, char *what, size_t len)
{
    if (b->n < sizeof(Elf64_Ehdr))
        return false;
    const struct field *f = &ehdr_fields[below(sizeof ehdr_fields / sizeof ehdr_fields[0])];
    uint64_t v = f->off == offsetof(Elf64_Ehdr, e_type) && below(2) ? below(6)
                                                                    : boundary(get(b, f->off, f->bytes), f->bytes, b->n);
    put(b, f->off, f->bytes, v);
    note(what, len, " %s=0x%llx", f->name, (unsigned long long)v);
    return true;
}

static bool mutate_phdr(struct buf *b, char *what, size_t len)
{
    size_t phoff, n = phdrs(b, &phoff);
    if (!n)
        return false;
    size_t i = below(n), at = phoff + i * sizeof(Elf64_Phdr);
    const struct field *f = &phdr_fields[below(sizeof phdr_fields / sizeof phdr_fields[0])];
    uint64_t v = f->off == offsetof(Elf64_Phdr, p_type) && below(4)
                     ? p_types[below(sizeof p_types / sizeof p_types[0])]
                     : boundary(get(b, at + f->off, f->bytes), f->bytes, b->n);
    put(b, at + f->off, f->bytes, v);
    note(what, len, " phdr[%zu].%s=0x%llx", i, f->name, (unsigned long long)v);
    return true;
}

static bool copy_phdr(struct buf *b, char *what, size_t len)
{
    size_t phoff, n = phdrs(b, &phoff);
    if (n < 2)
        return false;
    size_t from = below(n), to = below(n);
    memmove(b->p + phoff + to * sizeof(Elf64_Phdr), b->p + phoff + from * sizeof(Elf64_Phdr),
            sizeof(Elf64_Phdr));
    note(what, len, " phdr[%zu]=phdr[%zu]", to, from);
    return true;
}

/* Relative paths are looked up from the run's directory: "fifo" is a FIFO
 * there, "../case" the program itself. */
static const char *interp_paths[] = {
    "/", "/lib", "/dev/null", "/dev/zero", "/proc/self/exe", "fifo", "../case", "x",
    "/nonexistent/ld.so", "/lib/ld-linux-riscv64-lp64d.so.1",
};

static bool mutate_interp(struct buf *b, char *what, size_t len)
{
    size_t phoff, n = phdrs(b, &phoff);
    for (size_t i = 0; i < n; i++) {
        size_t at = phoff + i * sizeof(Elf64_Phdr);
        if (get(b, at + offsetof(Elf64_Phdr, p_type), 4) != PT_INTERP)
            continue;
        uint64_t off = get(b, at + offsetof(Elf64_Phdr, p_offset), 8);
        uint64_t sz = get(b, at + offsetof(Elf64_Phdr, p_filesz), 8);
        const char *s = interp_paths[below(sizeof interp_paths / sizeof interp_paths[0])];
        size_t l = strlen(s) + 1;
        if (off > b->n || sz > b->n - off || l > sz)
            return false;
        memcpy(b->p + off, s, l);
        switch (below(3)) {
        case 0:         /* exactly the path */
            put(b, at + offsetof(Elf64_Phdr, p_filesz), 8, l);
            note(what, len, " PT_INTERP=\"%s\"", s);
            break;
        case 1:         /* the path with NULs after it inside p_filesz */
            note(what, len, " PT_INTERP=\"%s\" in 0x%llx bytes", s, (unsigned long long)sz);
            break;
        default:        /* the path without its NUL */
            put(b, at + offsetof(Elf64_Phdr, p_filesz), 8, l - 1);
            note(what, len, " PT_INTERP=\"%s\" unterminated", s);
            break;
        }
        return true;
    }
    return false;
}

/* Most cuts fall in the headers, where the loader reads most. */
static bool truncate_file(struct buf *b, char *what, size_t len)
{
    if (b->n < 2)
        return false;
    size_t phoff, n = phdrs(b, &phoff), hdr = n ? phoff + n * sizeof(Elf64_Phdr) : 64;
    size_t cut = below(2) && hdr < b->n ? below(hdr + 1) : below(b->n);
    b->n = cut;
    note(what, len, " truncated to %zu", cut);
    return true;
}

static bool flip_bits(struct buf *b, char *what, size_t len)
{
    size_t phoff, n = phdrs(b, &phoff), hdr = n ? phoff + n * sizeof(Elf64_Phdr) : 64;
    if (hdr > b->n)
        hdr = b->n;
    if (!hdr)
        return false;
    unsigned k = 1 + (unsigned)below(8);
    for (unsigned j = 0; j < k; j++)
        b->p[below(hdr)] ^= (uint8_t)(1u << below(8));
    note(what, len, " %u bit flips in the first %zu bytes", k, hdr);
    return true;
}

static void mutate(struct buf *b, char *what, size_t len)
{
    bool (*const kinds[])(struct buf *, char *, size_t) = {
        mutate_ehdr, mutate_phdr, mutate_phdr, mutate_phdr, copy_phdr, mutate_interp,
        mutate_interp, mutate_interp, truncate_file, flip_bits,
    };
    unsigned want = 1 + (unsigned)below(3), done = 0;
    for (unsigned tries = 0; done < want && tries < 20; tries++)
        done += kinds[below(sizeof kinds / sizeof kinds[0])](b, what, len);
}

/* ---- running rvdbt ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Run argv in the run directory; *status as from waitpid; false on a hang
 * (killed after cfg.timeout). The process group goes with it, with any
 * guest children. */
static bool run(char *const argv[], const char *rundir, const char *errpath, int *status)
{
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        struct rlimit no_core = { 0, 0 };
        setrlimit(RLIMIT_CORE, &no_core);
        int in = open("/dev/null", O_RDWR), err = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (chdir(rundir) != 0 || in < 0 || err < 0 || dup2(in, 0) < 0 || dup2(in, 1) < 0 ||
            dup2(err, 2) < 0)
            _exit(126);
        execv(argv[0], argv);
        _exit(127);
    }
    setpgid(pid, pid);
    double start = now();
    bool hung = false;
    for (;;) {
        pid_t p = waitpid(pid, status, WNOHANG);
        if (p == pid)
            break;
        if (p < 0)
            die("waitpid: %s", strerror(errno));
        if (!hung && now() - start > cfg.timeout) {
            kill(-pid, SIGKILL);
            hung = true;
        }
        nanosleep(&(struct timespec){ 0, 2000000 }, NULL);
    }
    kill(-pid, SIGKILL);
    return !hung;
}

/* How the stats file says the guest ended: "exit", "signal" or "timeout",
 * with the status; false without a (complete) file. */
static bool stats_end(const char *path, char *how, size_t howlen, int *st)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    struct buf b = { 0 };
    struct stat sb;
    if (fstat(fd, &sb) == 0 && (b.p = malloc((size_t)sb.st_size + 1)))
        b.n = (size_t)read(fd, b.p, (size_t)sb.st_size);
    close(fd);
    bool ok = false;
    if (b.p && b.n != (size_t)-1) {
        b.p[b.n] = 0;
        const char *e = strstr((char *)b.p, "\"end\":{\"how\":\"");
        char fmt[48];
        snprintf(fmt, sizeof fmt, "\"end\":{\"how\":\"%%%zu[a-z]\",\"status\":%%d", howlen - 1);
        ok = e && sscanf(e, fmt, how, st) == 2;
    }
    free(b.p);
    return ok;
}

/* Judge one run: NULL if rvdbt ended as it must, else why not (in why). */
static const char *judge(bool finished, int ws, const char *stats, const char *errpath,
                         const char *prog, char *why, size_t len)
{
    char how[16];
    int st;
    if (!finished)
        return snprintf(why, len, "hung: killed after %.0f s", cfg.timeout), why;
    if (stats_end(stats, how, sizeof how, &st)) {
        bool agrees = !strcmp(how, "exit") ? WIFEXITED(ws) && WEXITSTATUS(ws) == st
                    : !strcmp(how, "signal") ? (WIFSIGNALED(ws) && WTERMSIG(ws) == st) ||
                                               (WIFEXITED(ws) && WEXITSTATUS(ws) == 128 + st)
                    : !strcmp(how, "timeout") && WIFEXITED(ws) && WEXITSTATUS(ws) == 124;
        if (agrees)
            return NULL;
        snprintf(why, len, "the guest ended by %s %d, but rvdbt %s %d", how, st,
                 WIFSIGNALED(ws) ? "was killed by signal" : "exited with", WIFSIGNALED(ws) ? WTERMSIG(ws) : WEXITSTATUS(ws));
        return why;
    }
    if (WIFSIGNALED(ws))
        return snprintf(why, len, "rvdbt killed by signal %d without running the guest", WTERMSIG(ws)), why;
    if (WEXITSTATUS(ws) != 1)
        return snprintf(why, len, "exit status %d without running the guest, expected 1", WEXITSTATUS(ws)), why;
    struct buf e = slurp(errpath);
    char *prefix;
    if (asprintf(&prefix, "rvdbt: %s: ", prog) < 0)
        die("out of memory");
    size_t pl = strlen(prefix);
    const char *nl = memchr(e.p, '\n', e.n);
    bool one_line = nl && (size_t)(nl - (char *)e.p) == e.n - 1;
    bool named = e.n > pl + 1 && !memcmp(e.p, prefix, pl);
    if (!one_line || !named)
        snprintf(why, len, "status 1 but stderr is not one line \"rvdbt: PATH: REASON\": \"%.*s\"",
                 (int)(e.n < 300 ? e.n : 300), (char *)e.p);
    free(e.p);
    free(prefix);
    return one_line && named ? NULL : why;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    remove(path);
    return 0;
}

static void default_paths(const char *self_dir, char seeds[][PATH_MAX], int *nseeds, char *dyn)
{
    static const char *rel[] = {
        "../guest/asm/hello", "../guest/O2/exitcode", "../guest/dyn/dl_hello", "../guest/pie/hello",
        "../loader_pie", "../loader_dyn", "../syms_prog.so",
    };
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++)
        snprintf(seeds[(*nseeds)++], PATH_MAX, "%s/%s", self_dir, rel[i]);
    snprintf(dyn, PATH_MAX, "%s/../guest/dyn/dl_hello", self_dir);
}

int main(int argc, char **argv)
{
    unsigned n = 300;
    uint64_t seed = 1;
    static char seeds[MUT_MAX_SEEDS][PATH_MAX], dyn[PATH_MAX], self[PATH_MAX];
    int nseeds = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            n = (unsigned)strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0);
        else if (argv[i][0] == '-')
            die("usage: elf_mut [-n N] [--seed N] [PROGRAM...]");
        else if (nseeds < MUT_MAX_SEEDS)
            snprintf(seeds[nseeds++], PATH_MAX, "%s", argv[i]);
    }
    ssize_t sl = readlink("/proc/self/exe", self, sizeof self - 1);
    if (sl <= 0)
        die("readlink /proc/self/exe: %s", strerror(errno));
    self[sl] = 0;
    char *self_dir = dirname(self);
    static char rvdbt_default[PATH_MAX];
    snprintf(rvdbt_default, sizeof rvdbt_default, "%s/../../rvdbt", self_dir);
    const char *t = getenv("ELF_MUT_TIMEOUT");
    cfg.rvdbt = getenv("RVDBT") ? getenv("RVDBT") : rvdbt_default;
    cfg.interp = getenv("ELF_MUT_INTERP") ? getenv("ELF_MUT_INTERP")
                                          : "/usr/riscv64-linux-gnu" MUT_INTERP;
    cfg.timeout = t ? atof(t) : 20;
    if (nseeds == 0)
        default_paths(self_dir, seeds, &nseeds, dyn);
    else
        snprintf(dyn, sizeof dyn, "%s/../guest/dyn/dl_hello", self_dir);
    snprintf(cfg.keep, sizeof cfg.keep, "%s/elf_mut-fail", self_dir);

    struct buf originals[MUT_MAX_SEEDS], interp = slurp(cfg.interp);
    for (int i = 0; i < nseeds; i++)
        originals[i] = slurp(seeds[i]);
    if (access(dyn, X_OK) != 0)
        die("%s missing (make tests builds it)", dyn);

    snprintf(cfg.work, sizeof cfg.work, "%s/rvdbt-elf-mut.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(cfg.work))
        die("mkdtemp: %s", strerror(errno));
    char rundir[PATH_MAX + 8], prog[PATH_MAX + 8], root[PATH_MAX + 8], lib[PATH_MAX + 16],
        interp_at[PATH_MAX + 64], fifo[PATH_MAX + 16], stats[PATH_MAX + 16], errpath[PATH_MAX + 16];
    snprintf(rundir, sizeof rundir, "%s/run", cfg.work);
    snprintf(prog, sizeof prog, "%s/case", cfg.work);
    snprintf(root, sizeof root, "%s/root", cfg.work);
    snprintf(lib, sizeof lib, "%s/lib", root);
    snprintf(interp_at, sizeof interp_at, "%s%s", root, MUT_INTERP);
    snprintf(fifo, sizeof fifo, "%s/fifo", rundir);
    snprintf(stats, sizeof stats, "%s/stats.json", cfg.work);
    snprintf(errpath, sizeof errpath, "%s/stderr", cfg.work);
    if (mkdir(rundir, 0755) || mkdir(root, 0755) || mkdir(lib, 0755) || mkfifo(fifo, 0755))
        die("cannot make the scratch directory %s: %s", cfg.work, strerror(errno));

    unsigned passed = 0, failed = 0, ran = 0;
    for (unsigned c = 0; c < n; c++) {
        rng = seed * 0x100000001b3ull + c;
        bool on_interp = below(4) == 0;
        int s = (int)below((uint64_t)nseeds);
        const struct buf *orig = on_interp ? &interp : &originals[s];
        struct buf b = { malloc(orig->n + 1), orig->n };
        if (!b.p)
            die("out of memory");
        memcpy(b.p, orig->p, orig->n);
        char what[1024] = "";
        mutate(&b, what, sizeof what);
        spill(on_interp ? interp_at : prog, &b);
        const char *target = on_interp ? dyn : prog;
        char *args[] = { (char *)cfg.rvdbt, "--timeout", MUT_GUEST_TIMEOUT, "--stats-json", stats,
                         on_interp ? "-L" : (char *)target, on_interp ? root : NULL,
                         on_interp ? (char *)target : NULL, NULL };
        unlink(stats);
        int ws = 0;
        bool finished = run(args, rundir, errpath, &ws);
        char why[1024];
        const char *bad = judge(finished, ws, stats, errpath, target, why, sizeof why);
        ran += access(stats, F_OK) == 0;
        if (!bad) {
            passed++;
        } else {
            failed++;
            char kept[PATH_MAX + 32];
            mkdir(cfg.keep, 0755);
            snprintf(kept, sizeof kept, "%s/case-%u%s", cfg.keep, c, on_interp ? "-interp" : "");
            spill(kept, &b);
            printf("FAIL case %u (%s of %s,%s): %s; the file is %s\n", c, on_interp ? "interpreter" : "program",
                   on_interp ? cfg.interp : seeds[s], what, bad, kept);
        }
        unlink(on_interp ? interp_at : prog);
        free(b.p);
    }
    /* with whatever a guest left in its directory */
    nftw(cfg.work, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    printf("elf_mut: the guest ran in %u of %u mutated files\n", ran, n);
    printf("elf_mut: %u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
