/* fp_diff: differential test of rvdbt against qemu-riscv64 for the F, D and
 * M computational instructions. Generates cases from a seed (fp_diff_gen.c),
 * runs the guest program fp_diff_guest on the same cases under both, and
 * compares the result registers and fcsr bit for bit. Then checks that an
 * invalid rounding mode (rm field 5 or 6, or DYN with frm 5-7) kills the
 * guest with SIGILL under both.
 *
 *   fp_diff [--long] [--per-op N] [--seed N] [--op NAME]... [--show N]
 *
 *   --per-op N  cases per instruction (default 50; --long: 1000000)
 *   --long      also the SIGILL test for every instruction with an rm field
 *               (default: 4 of them, picked by the seed) and a table of
 *               cases and failures per instruction
 *   --seed N    the generator's seed (default 1)
 *   --op NAME   only this instruction (may repeat)
 *   --show N    print at most N differing cases (default 10)
 * Environment: RVDBT, QEMU (commands, words split on spaces; default
 * build/rvdbt next to this program's build/tests/fuzz, and qemu-riscv64),
 * FP_DIFF_GUEST (default: fp_diff_guest next to this program),
 * FP_DIFF_TIMEOUT (seconds per run, default 600).
 * Ends with "fp_diff: N passed, M failed", N and M counting cases; exits 1
 * if anything failed, 2 on a usage or setup error. */
#include <errno.h>
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
#include <fcntl.h>
#include "tests/fuzz/fp_diff_gen.h"

#define BATCH_PER_OP 2000   /* cases of each instruction in one guest run */

#define X(mn, form, src, match) +1
enum { NOPS = 0 FP_DIFF_OPS(X) };
#undef X

struct side {
    const char *label;
    char **argv;            /* runner words, guest path, NULL */
    int out, err;           /* memfds for stdout and stderr */
    pid_t pid;
    int status;
    bool timed_out;
    struct fp_result *res;  /* what it wrote */
    size_t nres;
};

static struct {
    unsigned per_op, show, timeout;
    uint64_t seed;
    bool long_mode;
    bool *selected;         /* per instruction */
    struct side sides[2];   /* rvdbt, then the reference */
    int in;                 /* memfd with the cases */
    unsigned long shown;
} cfg;

static unsigned long *op_cases, *op_fails;

static void die(const char *what)
{
    fprintf(stderr, "fp_diff: %s: %s\n", what, strerror(errno));
    exit(2);
}

/* ---- running the guest ---- */

static char **command(const char *env, const char *dflt, const char *guest)
{
    const char *s = getenv(env);
    char *words = strdup(s && *s ? s : dflt);
    char **argv = calloc(strlen(words) + 3, sizeof *argv);
    size_t n = 0;
    if (!words || !argv)
        die("out of memory");
    for (char *w = strtok(words, " "); w; w = strtok(NULL, " "))
        argv[n++] = w;
    argv[n] = (char *)guest;
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
    if (ftruncate(s->out, 0) || ftruncate(s->err, 0) ||
        lseek(s->out, 0, SEEK_SET) || lseek(s->err, 0, SEEK_SET))
        die("resetting output");
    s->timed_out = false;
    s->pid = fork();
    if (s->pid < 0)
        die("fork");
    if (s->pid) {
        setpgid(s->pid, s->pid);    /* whichever of the two runs first */
        return;
    }
    setpgid(0, 0);      /* so a timeout kills a wrapper's children too */
    /* Each side opens the cases anew, so the two do not share a file
     * offset. */
    snprintf(path, sizeof path, "/proc/self/fd/%d", cfg.in);
    int in = open(path, O_RDONLY);
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

/* Runs sides first..last on the cases in cfg.in at once and collects their
 * results; a side still running after the time limit is killed. */
static void run_sides(int first, int last)
{
    double start = now();
    int left = last - first + 1;
    for (int i = first; i <= last; i++)
        spawn(&cfg.sides[i]);
    for (int i = first; i <= last; i++)
        cfg.sides[i].status = -1;
    while (left) {
        for (int i = first; i <= last; i++) {
            struct side *s = &cfg.sides[i];
            if (s->status != -1)
                continue;
            pid_t p = waitpid(s->pid, &s->status, WNOHANG);
            if (p < 0)
                die("waitpid");
            if (p == 0) {
                s->status = -1;
                if (now() - start > cfg.timeout) {
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
    for (int i = first; i <= last; i++) {
        struct side *s = &cfg.sides[i];
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

static void run_both(void)
{
    run_sides(0, 1);
}

static bool died_of_sigill(const struct side *s)
{
    /* rvdbt reports a guest killed by signal N as exit status 128+N */
    return (WIFSIGNALED(s->status) && WTERMSIG(s->status) == SIGILL) ||
           (WIFEXITED(s->status) && WEXITSTATUS(s->status) == 128 + SIGILL);
}

static const char *status_text(const struct side *s)
{
    static char buf[2][64];
    char *b = buf[s == &cfg.sides[1]];
    if (s->timed_out)
        snprintf(b, sizeof buf[0], "timed out after %u s", cfg.timeout);
    else if (WIFSIGNALED(s->status))
        snprintf(b, sizeof buf[0], "killed by signal %d (%s)", WTERMSIG(s->status),
                 strsignal(WTERMSIG(s->status)));
    else
        snprintf(b, sizeof buf[0], "exit status %d", WEXITSTATUS(s->status));
    return b;
}

/* The last line of a side's stderr, for saying why it stopped. */
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

/* ---- showing cases ---- */

static const char *rm_name(unsigned rm)
{
    static const char *names[] = { "rne", "rtz", "rdn", "rup", "rmm", "rm5", "rm6", "dyn" };
    return names[rm & 7];
}

static void show_case(const char *tag, const struct fp_case *c)
{
    const struct fpd_op *op = &fpd_ops[c->op];
    const uint64_t src[3] = { c->a, c->b, c->c };
    printf("%s %s", tag, op->name);
    if (fpd_has_rm(op))
        printf(" rm=%s", rm_name(c->rm));
    printf(" frm=%s", rm_name(c->frm));
    if (c->fflags)
        printf(" fflags before=0x%02x", c->fflags);
    if (c->flags & FP_CASE_STUB)
        printf(" (snippet copied)");
    for (unsigned i = 0; i < fpd_nsrc(op); i++)
        printf(" %c=0x%016llx", "abc"[i], (unsigned long long)src[i]);
    printf("\n");
}

static void show_result(const struct fp_case *c, const struct side *s,
                        const struct fp_result *r, bool other_differs)
{
    static const char *flag[] = { "NX", "UF", "OF", "DZ", "NV" };
    bool x = fpd_x_result(&fpd_ops[c->op]);
    printf("    %-6s %s=0x%016llx fflags=", s->label, x ? "a0" : "fa0",
           (unsigned long long)(x ? r->x : r->f));
    const char *sep = "";
    for (int b = 4; b >= 0; b--) {
        if (r->fcsr >> b & 1) {
            printf("%s%s", sep, flag[b]);
            sep = "|";
        }
    }
    printf("%s frm=%s", *sep ? "" : "none", rm_name((unsigned)(r->fcsr >> 5)));
    if (r->fcsr >> 8)
        printf(" fcsr=0x%llx", (unsigned long long)r->fcsr);
    if (other_differs)
        printf(" (%s=0x%016llx)", x ? "fa0" : "a0", (unsigned long long)(x ? r->f : r->x));
    printf("\n");
}

/* ---- the stream of cases ---- */

static void put_cases(const struct fp_case *cases, size_t n)
{
    if (ftruncate(cfg.in, 0) || pwrite(cfg.in, cases, n * sizeof *cases, 0) !=
        (ssize_t)(n * sizeof *cases))
        die("writing cases");
}

/* The guest writes its results FP_DIFF_GUEST_BATCH cases at a time, so a
 * side that stopped early did so somewhere in the batch after its last
 * result: runs that side on each of those cases alone to name the first
 * that stops it. Done once per fp_diff run. */
static void locate_stop(int k, const struct fp_case *cases, size_t n)
{
    static bool done;
    struct side *s = &cfg.sides[k];
    if (done)
        return;
    done = true;
    for (size_t i = 0; i < n && i < FP_DIFF_GUEST_BATCH; i++) {
        put_cases(&cases[i], 1);
        run_sides(k, k);
        if (!s->timed_out && WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0 &&
            s->nres == 1)
            continue;
        show_case("    stops it alone:", &cases[i]);
        printf("    %-6s %s\n", s->label, status_text(s));
        show_stderr(s);
        return;
    }
    printf("    (no case of that batch stops %s when run alone)\n", s->label);
}

/* Compares the results of one run case by case; a side that stopped early
 * fails every case it left without a result. Returns the failures. */
static unsigned long compare(const struct fp_case *cases, size_t n)
{
    struct side *a = &cfg.sides[0], *b = &cfg.sides[1];
    unsigned long fails = 0;
    for (size_t i = 0; i < n; i++) {
        const struct fp_case *c = &cases[i];
        op_cases[c->op]++;
        if (i >= a->nres || i >= b->nres) {
            fails++;
            op_fails[c->op]++;
            continue;
        }
        const struct fp_result *ra = &a->res[i], *rb = &b->res[i];
        if (!memcmp(ra, rb, sizeof *ra))
            continue;
        fails++;
        op_fails[c->op]++;
        if (cfg.shown++ < cfg.show) {
            bool x = fpd_x_result(&fpd_ops[c->op]);
            bool other = x ? ra->f != rb->f : ra->x != rb->x;
            show_case("FAIL", c);
            show_result(c, a, ra, other);
            show_result(c, b, rb, other);
        }
    }
    for (int k = 0; k < 2; k++) {
        struct side *s = &cfg.sides[k];
        bool clean = !s->timed_out && WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0;
        if (clean && s->nres == n)
            continue;
        printf("FAIL %s: %s after %zu of %zu results\n", s->label, status_text(s), s->nres, n);
        show_stderr(s);
        if (s->nres < n)
            locate_stop(k, cases + s->nres, n - s->nres);
        else
            fails++;    /* no case is missing, yet the run went wrong */
    }
    return fails;
}

static void shuffle(struct fpd_rng *r, struct fp_case *c, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = fpd_rand(r) % i;
        struct fp_case t = c[i - 1];
        c[i - 1] = c[j];
        c[j] = t;
    }
}

/* Every selected instruction per_op times, in guest runs of up to
 * BATCH_PER_OP cases of each, shuffled so that neighbouring cases use
 * different instructions and modes. */
static unsigned long run_stream(struct fpd_rng *r, unsigned long *total)
{
    unsigned nsel = 0;
    for (unsigned op = 0; op < fpd_nops; op++)
        nsel += cfg.selected[op];
    struct fp_case *cases = malloc((size_t)nsel * BATCH_PER_OP * sizeof *cases);
    unsigned long fails = 0;
    if (!cases)
        die("out of memory");
    for (unsigned done = 0; done < cfg.per_op;) {
        unsigned k = cfg.per_op - done < BATCH_PER_OP ? cfg.per_op - done : BATCH_PER_OP;
        size_t n = 0;
        for (unsigned op = 0; op < fpd_nops; op++)
            for (unsigned i = 0; cfg.selected[op] && i < k; i++)
                fpd_gen_case(r, op, &cases[n++]);
        shuffle(r, cases, n);
        put_cases(cases, n);
        run_both();
        fails += compare(cases, n);
        *total += n;
        done += k;
    }
    free(cases);
    return fails;
}

/* ---- invalid rounding modes ---- */

/* For each chosen instruction with an rm field: first one run with, per
 * instruction, a DYN and a static case executed from copied snippets (the
 * control: the copy must work and agree), then one run per invalid mode,
 * which must die of SIGILL under both without a result. */
static unsigned long run_sigill(struct fpd_rng *r, unsigned long *total)
{
    static const uint8_t bad[][2] = { { 7, 5 }, { 7, 6 }, { 7, 7 }, { 5, 0 }, { 6, 0 } };
    unsigned ops[NOPS], nops = 0, want = cfg.long_mode ? NOPS : 4;
    unsigned long fails = 0;
    struct fp_case ctl[2 * NOPS];

    for (unsigned op = 0; op < fpd_nops; op++)
        if (cfg.selected[op] && fpd_has_rm(&fpd_ops[op]))
            ops[nops++] = op;
    for (unsigned i = 0; i < nops && i < want; i++) {   /* a seeded pick */
        unsigned j = i + fpd_below(r, nops - i), t = ops[i];
        ops[i] = ops[j];
        ops[j] = t;
    }
    if (nops > want)
        nops = want;
    if (!nops)
        return 0;

    for (unsigned i = 0; i < nops; i++) {
        for (int k = 0; k < 2; k++) {
            struct fp_case *c = &ctl[2 * i + k];
            fpd_gen_case(r, ops[i], c);
            c->rm = (uint8_t)(k ? fpd_below(r, 5) : 7);
            c->frm = (uint8_t)fpd_below(r, k ? 8 : 5);
            c->flags = FP_CASE_STUB;
        }
    }
    put_cases(ctl, 2 * nops);
    run_both();
    fails += compare(ctl, 2 * nops);
    *total += 2 * nops;

    for (unsigned i = 0; i < nops; i++) {
        for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            struct fp_case c;
            fpd_gen_case(r, ops[i], &c);
            c.rm = bad[k][0];
            c.frm = (uint8_t)(bad[k][1] ? bad[k][1] : fpd_below(r, 5));
            put_cases(&c, 1);
            run_both();
            ++*total;
            op_cases[c.op]++;
            bool ok = true;
            for (int s = 0; s < 2; s++)
                ok &= died_of_sigill(&cfg.sides[s]) && cfg.sides[s].nres == 0;
            if (ok)
                continue;
            fails++;
            op_fails[c.op]++;
            show_case("FAIL (must raise SIGILL)", &c);
            for (int s = 0; s < 2; s++) {
                printf("    %-6s %s%s\n", cfg.sides[s].label, status_text(&cfg.sides[s]),
                       cfg.sides[s].nres ? ", wrote a result" : "");
                show_stderr(&cfg.sides[s]);
            }
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
    if (!s || !*s || *end || errno || v > UINT_MAX) {
        fprintf(stderr, "fp_diff: %s needs a number\n", opt);
        exit(2);
    }
    return (unsigned long)v;
}

static void parse_args(int argc, char **argv)
{
    bool per_op_given = false, any_op = false;
    cfg.per_op = 50;
    cfg.show = 10;
    cfg.seed = 1;
    cfg.selected = calloc(fpd_nops, sizeof *cfg.selected);
    if (!cfg.selected)
        die("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--long")) {
            cfg.long_mode = true;
            continue;
        }
        i++;
        if (!strcmp(a, "--per-op")) {
            cfg.per_op = (unsigned)number(a, v);
            per_op_given = true;
        } else if (!strcmp(a, "--seed")) {
            cfg.seed = number(a, v);
        } else if (!strcmp(a, "--show")) {
            cfg.show = (unsigned)number(a, v);
        } else if (!strcmp(a, "--op") && v) {
            unsigned op = 0;
            while (op < fpd_nops && strcmp(fpd_ops[op].name, v))
                op++;
            if (op == fpd_nops) {
                fprintf(stderr, "fp_diff: no instruction %s\n", v);
                exit(2);
            }
            cfg.selected[op] = any_op = true;
        } else {
            fprintf(stderr, "usage: fp_diff [--long] [--per-op N] [--seed N] "
                            "[--op NAME]... [--show N]\n");
            exit(2);
        }
    }
    if (cfg.long_mode && !per_op_given)
        cfg.per_op = 1000000;
    for (unsigned op = 0; op < fpd_nops && !any_op; op++)
        cfg.selected[op] = true;
}

static void setup_sides(void)
{
    static char self[PATH_MAX];
    char guest[PATH_MAX + 32], rvdbt[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0)
        die("readlink /proc/self/exe");
    self[n] = 0;
    const char *dir = dirname(self);     /* build/tests/fuzz */
    const char *g = getenv("FP_DIFF_GUEST");
    snprintf(guest, sizeof guest, "%s/fp_diff_guest", dir);
    snprintf(rvdbt, sizeof rvdbt, "%s/../../rvdbt", dir);
    g = strdup(g && *g ? g : guest);
    const char *t = getenv("FP_DIFF_TIMEOUT");
    cfg.timeout = t && *t ? (unsigned)number("FP_DIFF_TIMEOUT", t) : 600;

    cfg.sides[0] = (struct side){ .label = "rvdbt", .argv = command("RVDBT", rvdbt, g) };
    cfg.sides[1] = (struct side){ .label = "qemu", .argv = command("QEMU", "qemu-riscv64", g) };
    for (int i = 0; i < 2; i++) {
        cfg.sides[i].out = new_memfd("fp_diff_out");
        cfg.sides[i].err = new_memfd("fp_diff_err");
    }
    cfg.in = new_memfd("fp_diff_in");
}

int main(int argc, char **argv)
{
    parse_args(argc, argv);
    setup_sides();
    op_cases = calloc(fpd_nops, sizeof *op_cases);
    op_fails = calloc(fpd_nops, sizeof *op_fails);
    if (!op_cases || !op_fails)
        die("out of memory");
    setvbuf(stdout, NULL, _IOLBF, 0);

    struct fpd_rng rng = { cfg.seed };
    unsigned long stream = 0, sigill = 0, fails;
    double start = now();
    fails = run_stream(&rng, &stream);
    fails += run_sigill(&rng, &sigill);

    unsigned long total = stream + sigill;
    if (cfg.long_mode) {
        printf("%-10s %9s %7s\n", "insn", "cases", "failed");
        for (unsigned op = 0; op < fpd_nops; op++)
            if (cfg.selected[op])
                printf("%-10s %9lu %7lu\n", fpd_ops[op].name, op_cases[op], op_fails[op]);
    }
    if (cfg.shown > cfg.show)
        printf("(%lu more differing cases not shown)\n", cfg.shown - cfg.show);
    printf("fp_diff: seed %llu, %lu cases (%lu in the stream, %lu in the invalid-rm test)"
           " in %.1f s\n",
           (unsigned long long)cfg.seed, total, stream, sigill, now() - start);
    printf("fp_diff: %lu passed, %lu failed\n", total - (fails > total ? total : fails), fails);
    return fails ? 1 : 0;
}
