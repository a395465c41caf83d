/* rand_diff: random differential test of rvdbt against qemu-riscv64. The
 * generator (rand_gen.c) makes random RV64GC sequences and register, fcsr
 * and buffer contents from a seed; the guest (rand_guest.c) runs a batch of
 * them and writes every register, fcsr and the buffer after each; the same
 * batch runs under qemu once and under rvdbt in each mode, and the results
 * must agree bit for bit. A differing case is shrunk (runs of units, then
 * single units, dropped while the difference stays; each try is a run of
 * that case alone) and printed disassembled with its inputs.
 *
 *   rand_diff [-n N] [--seed N] [--modes "A;B;..."] [--show N] [--threads T]
 *
 *   -n N      sequences per mode (default 2000)
 *   --seed N  the generator's seed (default 1)
 *   --modes   rvdbt option sets, ';'-separated, "" for none (default: none,
 *             each of --ic-miss, --tlb-size 1 (with --high-base), --no-chain
 *             and --code-cache-size 131072, and all four at once)
 *   --show N  differing cases shrunk and shown (default 3)
 *   --threads T  run each batch on T guest threads at once (default 1):
 *             case i on thread i mod T, with a scratch buffer of its own
 *             (so x2 and x8 differ between threads, the same under both)
 * Environment: RVDBT (default build/rvdbt next to build/tests/fuzz), QEMU
 * (default qemu-riscv64), RAND_DIFF_GUEST, RAND_DIFF_TIMEOUT (s per run,
 * default 300). Ends with "rand_diff: N passed, M failed", counting
 * sequence runs (sequences times modes); exits 1 if any failed, 2 on a
 * usage or setup error. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "tests/fuzz/rand_gen.h"

#define MAX_SIDES 17

struct side {
    char label[64];
    char **argv;
    int out, err;
    pid_t pid;
    int status;
    bool timed_out;
    struct rd_result *res;
    size_t nres;
};

static struct {
    unsigned long n;
    unsigned show, timeout, threads;
    uint64_t seed;
    struct side sides[MAX_SIDES];   /* qemu, then rvdbt in each mode */
    unsigned nsides;
    int in;
    int solo_fd[4];                 /* outputs of the runs of one case alone */
    unsigned shown;
    char tmpdir[64];
} cfg;

static void die(const char *what)
{
    fprintf(stderr, "rand_diff: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p)
        die("out of memory");
    return p;
}

/* ---- running the guest ---- */

static char **command(const char *words_in, const char *extra, const char *guest)
{
    char *words = strdup(words_in), *more = strdup(extra);
    char **argv = xcalloc(strlen(words_in) + strlen(extra) + 4, sizeof *argv);
    size_t n = 0;
    if (!words || !more)
        die("out of memory");
    for (char *w = strtok(words, " "); w; w = strtok(NULL, " "))
        argv[n++] = w;
    for (char *w = strtok(more, " "); w; w = strtok(NULL, " "))
        argv[n++] = w;
    argv[n++] = (char *)guest;
    if (cfg.threads > 1 && asprintf(&argv[n], "%u", cfg.threads) < 0)
        die("out of memory");
    return argv;
}

static int new_memfd(const char *name)
{
    int fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0)
        die("memfd_create");
    return fd;
}

static void spawn(struct side *s)
{
    char path[64];
    if (ftruncate(s->out, 0) || ftruncate(s->err, 0) || lseek(s->out, 0, SEEK_SET) ||
        lseek(s->err, 0, SEEK_SET))
        die("resetting output");
    s->timed_out = false;
    s->status = -1;
    s->pid = fork();
    if (s->pid < 0)
        die("fork");
    if (s->pid) {
        setpgid(s->pid, s->pid);
        return;
    }
    setpgid(0, 0);
    snprintf(path, sizeof path, "/proc/self/fd/%d", cfg.in);
    int in = open(path, O_RDONLY);  /* an offset of its own */
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    if (in < 0 || dup2(in, 0) < 0 || dup2(s->out, 1) < 0 || dup2(s->err, 2) < 0)
        _exit(126);
    execvp(s->argv[0], s->argv);
    fprintf(stderr, "cannot run %s: %s\n", s->argv[0], strerror(errno));
    _exit(127);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs the given sides on the cases in cfg.in at once, collects results. */
static void run_sides(struct side **list, unsigned n)
{
    double start = now();
    unsigned left = n;
    for (unsigned i = 0; i < n; i++)
        spawn(list[i]);
    while (left) {
        for (unsigned i = 0; i < n; i++) {
            struct side *s = list[i];
            if (s->status != -1)
                continue;
            pid_t p = waitpid(s->pid, &s->status, WNOHANG);
            if (p < 0)
                die("waitpid");
            if (p == 0) {
                s->status = -1;
                if (now() - start > cfg.timeout && !s->timed_out) {
                    kill(-s->pid, SIGKILL);
                    s->timed_out = true;
                }
                continue;
            }
            left--;
        }
        if (left)
            nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
    }
    for (unsigned i = 0; i < n; i++) {
        struct side *s = list[i];
        struct stat st;
        if (fstat(s->out, &st))
            die("fstat");
        s->nres = (size_t)st.st_size / sizeof *s->res;
        free(s->res);
        s->res = malloc(s->nres * sizeof *s->res + 1);
        if (!s->res)
            die("out of memory");
        if (pread(s->out, s->res, s->nres * sizeof *s->res, 0) !=
            (ssize_t)(s->nres * sizeof *s->res))
            die("reading results");
    }
}

static bool clean_exit(const struct side *s)
{
    return !s->timed_out && WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0;
}

/* The signal that ended a side, 0 if none: rvdbt reports a guest killed by
 * signal N as exit status 128+N, qemu dies of it. */
static int stop_signal(const struct side *s)
{
    if (WIFSIGNALED(s->status))
        return WTERMSIG(s->status);
    if (WIFEXITED(s->status) && WEXITSTATUS(s->status) > 128)
        return WEXITSTATUS(s->status) - 128;
    return 0;
}

static const char *status_text(const struct side *s, char *b, size_t len)
{
    if (s->timed_out)
        snprintf(b, len, "timed out after %u s", cfg.timeout);
    else if (WIFSIGNALED(s->status))
        snprintf(b, len, "killed by signal %d (%s)", WTERMSIG(s->status),
                 strsignal(WTERMSIG(s->status)));
    else
        snprintf(b, len, "exit status %d", WEXITSTATUS(s->status));
    return b;
}

static void show_stderr(const struct side *s)
{
    char buf[512];
    ssize_t n = pread(s->err, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return;
    buf[n] = 0;
    while (n && buf[n - 1] == '\n')
        buf[--n] = 0;
    char *last = strrchr(buf, '\n');
    printf("    %s stderr: %s\n", s->label, last ? last + 1 : buf);
}

static void put_cases(const struct rd_case *c, size_t n)
{
    if (ftruncate(cfg.in, 0) ||
        pwrite(cfg.in, c, n * sizeof *c, 0) != (ssize_t)(n * sizeof *c))
        die("writing cases");
}

/* ---- comparing ---- */

/* The first difference between two results, described in buf; false if
 * there is none. */
static bool first_diff(const struct rd_result *a, const struct rd_result *b, char *buf,
                       size_t len)
{
    for (int i = 0; i < 32; i++)
        if (a->x[i] != b->x[i]) {
            snprintf(buf, len, "x%d: 0x%016llx vs 0x%016llx", i, (unsigned long long)a->x[i],
                     (unsigned long long)b->x[i]);
            return true;
        }
    for (int i = 0; i < 32; i++)
        if (a->f[i] != b->f[i]) {
            snprintf(buf, len, "f%d: 0x%016llx vs 0x%016llx", i, (unsigned long long)a->f[i],
                     (unsigned long long)b->f[i]);
            return true;
        }
    if (a->fcsr != b->fcsr) {
        snprintf(buf, len, "fcsr: 0x%llx vs 0x%llx", (unsigned long long)a->fcsr,
                 (unsigned long long)b->fcsr);
        return true;
    }
    for (int i = 0; i < RD_BUF_BYTES; i++)
        if (a->buf[i] != b->buf[i]) {
            snprintf(buf, len, "buffer byte %d (s0%+d): 0x%02x vs 0x%02x", i, i - RD_S0_OFF,
                     a->buf[i], b->buf[i]);
            return true;
        }
    return false;
}

/* Runs one case alone under qemu and side k; true if they disagree (a
 * result differs, or one of them gives none). */
static bool differs_alone(unsigned k, const struct rd_case *c, char *why, size_t len)
{
    /* copies of the two sides, so the batch's results stay */
    struct side a = cfg.sides[0], b = cfg.sides[k];
    struct side *list[2] = { &a, &b };
    char st[2][80];
    bool d;
    a.out = cfg.solo_fd[0], a.err = cfg.solo_fd[1], a.res = NULL;
    b.out = cfg.solo_fd[2], b.err = cfg.solo_fd[3], b.res = NULL;
    put_cases(c, 1);
    run_sides(list, 2);
    bool ok0 = clean_exit(&a) && a.nres == 1;
    bool ok1 = clean_exit(&b) && b.nres == 1;
    if (ok0 && ok1) {
        d = first_diff(&b.res[0], &a.res[0], why, len);
    } else if (!ok0 && !ok1 && !a.timed_out && !b.timed_out && a.nres == b.nres &&
               stop_signal(&a) && stop_signal(&a) == stop_signal(&b)) {
        d = false;          /* both die of the same signal */
    } else {
        snprintf(why, len, "qemu %s, rvdbt %s", status_text(&a, st[0], sizeof st[0]),
                 status_text(&b, st[1], sizeof st[1]));
        d = true;
    }
    free(a.res);
    free(b.res);
    return d;
}

static void disassemble(const struct rd_case *c)
{
    char path[128], cmd[256];
    snprintf(path, sizeof path, "%s/seq.bin", cfg.tmpdir);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(c->code, 1, c->nbytes, f) != c->nbytes || fclose(f)) {
        printf("    (cannot write %s)\n", path);
        return;
    }
    snprintf(cmd, sizeof cmd,
             "riscv64-linux-gnu-objdump -D -b binary -m riscv:rv64 %s | sed -n '/^ *[0-9a-f]*:/s/^/    /p'",
             path);
    fflush(stdout);
    if (system(cmd) != 0)
        printf("    (objdump failed)\n");
}

static void show_regs(const struct rd_case *c)
{
    printf("    inputs (x2 = buffer+%d, x8 = buffer+%d, x3 = harness):\n", RD_SP_OFF, RD_S0_OFF);
    for (int i = 0; i < 32; i += 4)
        printf("      x%-2d %016llx %016llx %016llx %016llx\n", i,
               (unsigned long long)c->x[i], (unsigned long long)c->x[i + 1],
               (unsigned long long)c->x[i + 2], (unsigned long long)c->x[i + 3]);
    for (int i = 0; i < 32; i += 4)
        printf("      f%-2d %016llx %016llx %016llx %016llx\n", i,
               (unsigned long long)c->f[i], (unsigned long long)c->f[i + 1],
               (unsigned long long)c->f[i + 2], (unsigned long long)c->f[i + 3]);
    printf("      fcsr 0x%llx\n", (unsigned long long)c->fcsr);
}

/* Shrinks a differing case against side k and prints it. */
static void shrink_and_show(unsigned k, const struct rg_seq *seq, const struct rd_case *orig)
{
    static struct rg_seq s, t;
    static struct rd_case c;
    char why[200];
    s = *seq;
    c = *orig;
    rg_layout(&s, &c);
    if (!differs_alone(k, &c, why, sizeof why)) {
        printf("    (no difference when run alone: depends on the cases before it)\n");
        disassemble(&c);
        return;
    }
    /* runs of units first, halving their length, then single units until
     * none can go */
    for (unsigned run = s.n / 2 ? s.n / 2 : 1;;) {
        bool changed = false;
        for (unsigned i = s.n; i >= run && run;) {
            i -= run;
            t = s;
            memmove(&t.u[i], &t.u[i + run], (t.n - i - run) * sizeof t.u[0]);
            t.n -= run;
            rg_layout(&t, &c);
            char w2[200];
            if (differs_alone(k, &c, w2, sizeof w2)) {
                s = t;
                changed = true;
                snprintf(why, sizeof why, "%s", w2);
            }
            if (i > s.n)
                i = s.n;
        }
        if (run > 1)
            run /= 2;
        else if (!changed)
            break;
    }
    rg_layout(&s, &c);
    printf("    shrunk to %u unit(s); rvdbt vs qemu: %s\n", s.n, why);
    disassemble(&c);
    show_regs(&c);
}

/* ---- the batches ---- */

static unsigned long run_batch(struct rg_rng *r, size_t n, struct rg_seq *seqs,
                               struct rd_case *cases)
{
    struct side *list[MAX_SIDES];
    unsigned long fails = 0;
    for (size_t i = 0; i < n; i++) {
        rg_gen_seq(r, &seqs[i]);
        rg_gen_state(r, &cases[i]);
        rg_layout(&seqs[i], &cases[i]);
    }
    put_cases(cases, n);
    for (unsigned k = 0; k < cfg.nsides; k++)
        list[k] = &cfg.sides[k];
    run_sides(list, cfg.nsides);
    struct side *q = &cfg.sides[0];
    char st[80], why[200];
    if (!clean_exit(q) || q->nres != n) {
        printf("FAIL qemu: %s after %zu of %zu results\n", status_text(q, st, sizeof st),
               q->nres, n);
        show_stderr(q);
    }
    for (unsigned k = 1; k < cfg.nsides; k++) {
        struct side *s = &cfg.sides[k];
        size_t upto = s->nres < q->nres ? s->nres : q->nres;
        for (size_t i = 0; i < upto; i++) {
            if (!first_diff(&s->res[i], &q->res[i], why, sizeof why))
                continue;
            fails++;
            if (cfg.shown++ < cfg.show) {
                printf("FAIL %s: case %zu: rvdbt vs qemu: %s\n", s->label, i, why);
                shrink_and_show(k, &seqs[i], &cases[i]);
            }
        }
        fails += n - upto;
        if (!clean_exit(s) || s->nres != n) {
            printf("FAIL %s: %s after %zu of %zu results\n", s->label,
                   status_text(s, st, sizeof st), s->nres, n);
            show_stderr(s);
            if (s->nres < n && cfg.shown++ < cfg.show) {
                /* threads write their results at the end, all or none */
                printf(cfg.threads > 1 ? "    (threads: the case it stopped in is unknown) case %zu:\n"
                                       : "    the case it stopped in, %zu:\n", s->nres);
                shrink_and_show(k, &seqs[s->nres], &cases[s->nres]);
            }
            if (s->nres == n)
                fails++;
        }
    }
    return fails;
}

/* ---- setup ---- */

static unsigned long number(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = s ? strtoull(s, &end, 0) : 0;
    if (!s || !*s || *end || errno || v > ULONG_MAX / 64) {
        fprintf(stderr, "rand_diff: %s needs a number\n", opt);
        exit(2);
    }
    return (unsigned long)v;
}

static void setup(const char *modes)
{
    static char self[PATH_MAX];
    char guest[PATH_MAX + 32], rvdbt[PATH_MAX + 32];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len < 0)
        die("readlink /proc/self/exe");
    self[len] = 0;
    const char *dir = dirname(self);
    snprintf(guest, sizeof guest, "%s/rand_guest", dir);
    snprintf(rvdbt, sizeof rvdbt, "%s/../../rvdbt", dir);
    const char *g = getenv("RAND_DIFF_GUEST"), *rv = getenv("RVDBT"), *qe = getenv("QEMU");
    const char *t = getenv("RAND_DIFF_TIMEOUT");
    g = strdup(g && *g ? g : guest);
    cfg.timeout = t && *t ? (unsigned)number("RAND_DIFF_TIMEOUT", t) : 300;

    cfg.sides[0].argv = command(qe && *qe ? qe : "qemu-riscv64", "", g);
    snprintf(cfg.sides[0].label, sizeof cfg.sides[0].label, "qemu");
    cfg.nsides = 1;
    char *m = strdup(modes), *save = NULL;
    if (!m)
        die("out of memory");
    /* strtok would skip the empty mode */
    for (char *p = m;; p = save + 1) {
        save = strchr(p, ';');
        if (save)
            *save = 0;
        if (cfg.nsides == MAX_SIDES) {
            fprintf(stderr, "rand_diff: at most %d modes\n", MAX_SIDES - 1);
            exit(2);
        }
        struct side *s = &cfg.sides[cfg.nsides++];
        s->argv = command(rv && *rv ? rv : rvdbt, p, g);
        snprintf(s->label, sizeof s->label, "rvdbt%s%s", *p ? " " : "", p);
        if (!save)
            break;
    }
    for (unsigned i = 0; i < cfg.nsides; i++) {
        cfg.sides[i].out = new_memfd("rand_diff_out");
        cfg.sides[i].err = new_memfd("rand_diff_err");
    }
    cfg.in = new_memfd("rand_diff_in");
    for (int i = 0; i < 4; i++)
        cfg.solo_fd[i] = new_memfd("rand_diff_solo");
    snprintf(cfg.tmpdir, sizeof cfg.tmpdir, "/tmp/rand_diff.XXXXXX");
    if (!mkdtemp(cfg.tmpdir))
        die("mkdtemp");
}

int main(int argc, char **argv)
{
    const char *modes = ";--ic-miss;--tlb-size 1 --high-base;--no-chain;--code-cache-size 131072;"
                        "--ic-miss --tlb-size 1 --no-chain --code-cache-size 131072";
    cfg.n = 2000;
    cfg.seed = 1;
    cfg.show = 3;
    cfg.threads = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        i++;
        if (!strcmp(a, "-n"))
            cfg.n = number(a, v);
        else if (!strcmp(a, "--seed"))
            cfg.seed = number(a, v);
        else if (!strcmp(a, "--show"))
            cfg.show = (unsigned)number(a, v);
        else if (!strcmp(a, "--threads") && (cfg.threads = (unsigned)number(a, v)) >= 1 &&
                 cfg.threads <= RD_MAX_THREADS)
            ;
        else if (!strcmp(a, "--modes") && v)
            modes = v;
        else {
            fprintf(stderr, "usage: rand_diff [-n N] [--seed N] [--modes \"A;B\"] [--show N] [--threads 1-%d]\n",
                    RD_MAX_THREADS);
            return 2;
        }
    }
    setup(modes);
    setvbuf(stdout, NULL, _IOLBF, 0);

    struct rg_rng rng = { cfg.seed };
    struct rg_seq *seqs = xcalloc(RD_BATCH, sizeof *seqs);
    struct rd_case *cases = xcalloc(RD_BATCH, sizeof *cases);
    unsigned long fails = 0, done = 0;
    double start = now();
    while (done < cfg.n) {
        size_t k = cfg.n - done < RD_BATCH ? cfg.n - done : RD_BATCH;
        fails += run_batch(&rng, k, seqs, cases);
        done += k;
    }
    unsigned long total = done * (cfg.nsides - 1);
    if (fails > total)
        fails = total;
    if (cfg.shown > cfg.show)
        printf("(%u more differing cases not shown)\n", cfg.shown - cfg.show);
    printf("rand_diff: seed %llu, %lu sequences on %u guest thread%s in each of %u rvdbt modes in %.1f s\n",
           (unsigned long long)cfg.seed, done, cfg.threads, cfg.threads > 1 ? "s" : "", cfg.nsides - 1,
           now() - start);
    printf("rand_diff: %lu passed, %lu failed\n", total - fails, fails);
    char rm[96];
    snprintf(rm, sizeof rm, "%s/seq.bin", cfg.tmpdir);
    unlink(rm);
    rmdir(cfg.tmpdir);
    return fails ? 1 : 0;
}
