/* rvdbt's command line: the options, the guest's environment, then
 * linux_start (linux/start.c) loads the program and the dispatcher runs it. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "linux/crash.h"
#include "linux/proc.h"
#include "linux/sig.h"
#include "linux/start.h"
#include "linux/sys.h"
#include "linux/thread.h"
#include "stats/stats.h"
#include "translator/tr_cache.h"
#include "translator/tr_exec.h"
#include "stats/log.h"
#include "translator/tr_priv.h"

static void usage(FILE *f)
{
    fputs("usage: rvdbt [options] PROGRAM [ARGS...]\n"
          "       rvdbt --bare [options] IMAGE\n"
          "Run a riscv64 Linux program (static or dynamically linked) on this x86-64 host\n"
          "by translating it to x86-64 code; or, with --bare, a bare-metal image (such as\n"
          "riscv-tests') from M-mode.\n"
          "\n"
          "options:\n"
          "  -L PREFIX        look the guest's absolute paths and its dynamic loader up\n"
          "                   under PREFIX first (then in /); /proc, /dev, /sys and /tmp\n"
          "                   are always the host's. Default: $RVDBT_LD_PREFIX, else\n"
          "                   $QEMU_LD_PREFIX, else " START_CROSS_ROOT " for a\n"
          "                   program whose loader is not in /\n"
          "  -E VAR=VALUE     set VAR in the guest's environment\n"
          "  -U VAR           remove VAR from the guest's environment\n"
          "  -0 ARGV0         use ARGV0 as the guest's argv[0]\n"
          "  -strace          log every guest syscall to stderr (also when $RVDBT_STRACE\n"
          "                   or $QEMU_STRACE is set)\n"
          "  -d ITEMS         log, comma-separated: in_asm (guest code of each translated\n"
          "                   block), out_asm (host code it became), exec (each block as\n"
          "                   it runs), cpu (guest registers as each block runs), strace,\n"
          "                   page (the guest memory map once loaded), unimp (each\n"
          "                   unimplemented syscall or instruction); -d help lists them\n"
          "  -D FILE          write the -d log to FILE instead of stderr\n"
          "  -dfilter RANGES  log only blocks starting in RANGES: A..B, A+LENGTH or A,\n"
          "                   comma-separated\n"
          "  --stats[=FILE]   on exit (also when the guest is killed or --timeout stops it)\n"
          "                   print translation, inline-cache and TLB counters, the\n"
          "                   unimplemented syscalls the guest made, signals and threads\n"
          "                   to stderr, or to FILE\n"
          "  --stats-json FILE  write the same as JSON to FILE (schema version 1, see\n"
          "                   docs/ARCHITECTURE.md)\n"
          "  --count-hits     count inline-cache hits exactly (slower; implies --stats figures are exact)\n"
          "  --profile[=FILE] sample where time goes and count every block's executions;\n"
          "                   on exit print the hottest guest blocks (symbol, share,\n"
          "                   executions, guest and host code side by side, hit rates),\n"
          "                   the sites that miss most and the instruction mix\n"
          "  --profile-html FILE  write the profile as one self-contained HTML page\n"
          "  --perf-map       write /tmp/perf-PID.map, naming each translated block after\n"
          "                   its guest code, for Linux perf\n"
          "  --ic-miss        never fill inline-cache slots: every access takes the slow path\n"
          "  --tlb-size N     entries of the software TLB behind the slots (1..256, a power of 2)\n"
          "  --no-chain       never chain blocks: every block exit returns to the dispatcher\n"
          "  --no-fma         run F/D fused multiply-adds through their exact C helpers, as\n"
          "                   on a host without FMA3 (testing)\n"
          "  --high-base      reserve guest memory where the host chooses instead of low,\n"
          "                   as when the low range is taken: every load and store then\n"
          "                   reads its slot's addend (testing)\n"
          "  --code-cache-size BYTES  size of the translated-code cache (default 64 MiB,\n"
          "                   at least 128 KiB); a full cache is flushed and refilled\n"
          "  --bare           IMAGE is a bare-metal RV64GC ELF: loaded at its physical\n"
          "                   addresses with 256 MiB of RAM at 0x80000000, run from its\n"
          "                   entry in M-mode (M, S and U modes, Sv39); it reports\n"
          "                   through its `tohost` symbol (HTIF)\n"
          "  --timeout SECONDS  stop the run after SECONDS (a fraction is allowed)\n"
          "  --core           if rvdbt itself crashes, leave a core file (as ulimit -c allows)\n"
          "                   after the crash report, instead of exit status 70\n"
          "  --debug-crash=WHAT  crash on purpose, to test the crash report (testing): a\n"
          "                   host fault in the translated code of the guest instruction at\n"
          "                   code:PC; or, at the guest's exit_group, one in rvdbt's code\n"
          "                   (syscall), a host stack overflow (stack), an internal error\n"
          "                   (internal)\n"
          "  -h, --help       this text\n"
          "  --version        print the version\n"
          "\n"
          "exit status: the guest's; 128+N when the guest is killed by signal N;\n"
          "1 when the program cannot be loaded; 2 for a usage error; 70 for an internal error;\n"
          "124 when --timeout ends the run. With --bare, the image's: 0 when it reports a\n"
          "pass (\"PASS\" on stderr), 1 when it reports a failure of test N (\"FAIL: test N\").\n", f);
}

/* A usage error: one line saying what is wrong, and where the options are
 * listed. */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("rvdbt: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (rvdbt --help lists the options)\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

/* The guest environment: the host's, edited by -E and -U in order. */
struct env { char **v; size_t n; };

static void env_unset(struct env *e, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < e->n; i++)
        if (!strncmp(e->v[i], name, len) && e->v[i][len] == '=') {
            memmove(&e->v[i], &e->v[i + 1], (e->n - i) * sizeof *e->v);
            e->n--;
            return;
        }
}

static void env_set(struct env *e, char *assign)
{
    char *eq = strchr(assign, '=');
    char name[4096];
    snprintf(name, sizeof name, "%.*s", (int)(eq - assign), assign);
    env_unset(e, name);
    e->v = realloc(e->v, (e->n + 2) * sizeof *e->v);
    e->v[e->n++] = assign;
    e->v[e->n] = NULL;
}

static void env_init(struct env *e)
{
    extern char **environ;
    size_t n = 0;
    while (environ[n])
        n++;
    e->v = malloc((n + 1) * sizeof *e->v);
    memcpy(e->v, environ, (n + 1) * sizeof *e->v);
    e->n = n;
}

static char timeout_msg[80];
static struct rv_proc *timeout_proc;

static void on_timeout(union sigval v)
{
    (void)v;
    if (write(2, timeout_msg, strlen(timeout_msg)) < 0)
        _exit(EXIT_TIMEOUT);
    if (timeout_proc->report.end)
        timeout_proc->report.end(timeout_proc, RV_END_TIMEOUT, EXIT_TIMEOUT);
    _exit(EXIT_TIMEOUT);
}

/* A timer thread rather than a signal: the guest may use every signal. */
static int arm_timeout(double seconds)
{
    struct sigevent ev = { .sigev_notify = SIGEV_THREAD, .sigev_notify_function = on_timeout };
    struct itimerspec its = { .it_value = { (time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9) } };
    timer_t t;
    snprintf(timeout_msg, sizeof timeout_msg, "rvdbt: TIMEOUT after %g seconds\n", seconds);
    if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0 || timer_settime(t, 0, &its, NULL) != 0)
        return -errno;
    return 0;
}

/* The options that take an argument, with what the argument is. */
static const char *option_argument(const char *a)
{
    static const char *const with_arg[][2] = {
        { "-L", "PREFIX" }, { "-E", "VAR=VALUE" }, { "-U", "VAR" }, { "-0", "ARGV0" },
        { "-d", "ITEMS" }, { "-D", "FILE" }, { "-dfilter", "RANGES" }, { "--tlb-size", "N" }, { "--timeout", "SECONDS" },
        { "--code-cache-size", "BYTES" }, { "--stats-json", "FILE" }, { "--profile-html", "FILE" },
    };
    for (size_t k = 0; k < sizeof with_arg / sizeof with_arg[0]; k++)
        if (!strcmp(a, with_arg[k][0]))
            return with_arg[k][1];
    return NULL;
}

int main(int argc, char **argv)
{
    static struct rv_proc proc;
    static struct tr_cache cache;
    static struct env env;      /* static: a forked child's own, whichever thread forked */
    size_t cache_size = TR_DEFAULT_CACHE_SIZE;
    uint32_t tlb_size = TLB_MAX;
    double timeout = 0;
    bool no_chain = false, no_fma = false;
    int i;

    env_init(&env);
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i], *what = option_argument(a), *v = NULL;
        if (what) {
            if (i + 1 >= argc)
                return usage_error("%s needs an argument: %s", a, what);
            v = argv[++i];
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("rvdbt %s\n", RVDBT_VERSION);
            return 0;
        } else if (!strcmp(a, "-strace")) {
            proc.opt.strace = true;
        } else if (!strcmp(a, "--stats")) {
            proc.opt.stats = true;
        } else if (!strncmp(a, "--stats=", 8)) {
            if (!a[8])
                return usage_error("--stats=: the file name is empty");
            proc.opt.stats = true;
            proc.opt.stats_file = a + 8;
        } else if (!strcmp(a, "--profile") || !strncmp(a, "--profile=", 10)) {
            proc.opt.profile = proc.opt.profile_text = true;
            if (a[9] == '=') {
                if (!a[10])
                    return usage_error("--profile=: the file name is empty");
                proc.opt.profile_file = a + 10;
            }
        } else if (!strcmp(a, "--profile-html") || !strncmp(a, "--profile-html=", 15)) {
            proc.opt.profile = true;
            proc.opt.profile_html = a[14] == '=' ? a + 15 : v;
            if (!*proc.opt.profile_html)
                return usage_error("--profile-html: the file name is empty");
        } else if (!strcmp(a, "--perf-map")) {
            proc.opt.perf_map = true;
        } else if (!strcmp(a, "--stats-json") || !strncmp(a, "--stats-json=", 13)) {
            proc.opt.stats_json = a[12] == '=' ? a + 13 : v;
            if (!*proc.opt.stats_json)
                return usage_error("--stats-json: the file name is empty");
        } else if (!strcmp(a, "--count-hits")) {
            proc.opt.count_hits = true;
        } else if (!strcmp(a, "--ic-miss")) {
            proc.opt.ic_miss = true;
        } else if (!strcmp(a, "--tlb-size")) {
            char *end;
            unsigned long n = strtoul(v, &end, 0);
            if (*end || n < 1 || n > TLB_MAX || (n & (n - 1)))
                return usage_error("--tlb-size: %s is not a power of 2 from 1 to %d", v, TLB_MAX);
            tlb_size = (uint32_t)n;
        } else if (!strcmp(a, "--bare")) {
            proc.opt.bare = true;
        } else if (!strcmp(a, "--timeout")) {
            char *end;
            timeout = strtod(v, &end);
            if (*end || !(timeout > 0 && timeout < 1e9))
                return usage_error("--timeout: %s is not a number of seconds", v);
        } else if (!strncmp(a, "--debug-crash=", 14)) {
            if (crash_parse(&proc, a + 14) != 0)
                return usage_error("--debug-crash=%s: not code:PC, syscall, stack or internal", a + 14);
        } else if (!strcmp(a, "--core")) {
            proc.opt.core = true;
        } else if (!strcmp(a, "--no-chain")) {
            no_chain = true;
        } else if (!strcmp(a, "--no-fma")) {
            no_fma = true;
        } else if (!strcmp(a, "--high-base")) {
            proc.opt.high_base = true;
        } else if (!strcmp(a, "--code-cache-size")) {
            char *end;
            unsigned long long n = strtoull(v, &end, 0);
            if (*end || n < (128u << 10) || n > (1ull << 31))
                return usage_error("--code-cache-size: %s is not a size between 128 KiB and 2 GiB", v);
            cache_size = (size_t)n;
        } else if (!strcmp(a, "-L")) {
            if (!*v)
                return usage_error("-L: the prefix is empty");
            proc.opt.prefix = v;
        } else if (!strcmp(a, "-E")) {
            if (!strchr(v, '='))
                return usage_error("-E %s: the value lacks '=', expected VAR=VALUE", v);
            env_set(&env, argv[i]);
        } else if (!strcmp(a, "-U")) {
            env_unset(&env, v);
        } else if (!strcmp(a, "-d")) {
            const char *bad;
            bool help;
            if (log_parse(&proc.opt, v, &bad, &help) != 0)
                return usage_error("-d: unknown item in '%s' (-d help lists them)", bad);
            if (help)
                return 0;
        } else if (!strcmp(a, "-dfilter")) {
            if (log_parse_filter(&proc.opt, v) != 0)
                return usage_error("-dfilter %s: not a list of ranges (A..B, A+LENGTH or A, comma-separated)", v);
        } else if (!strcmp(a, "-D")) {
            proc.opt.log = sys_own_fopen(v, "w");
            if (!proc.opt.log) {
                fprintf(stderr, "rvdbt: -D %s: %s\n", v, strerror(errno));
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-0")) {
            proc.opt.argv0 = v;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else {
            return usage_error("unknown option %s", a);
        }
    }
    if (i >= argc)
        return usage_error("no program given");
    if (proc.opt.bare && argc - i > 1)
        return usage_error("--bare takes an image and no arguments");
    /* As qemu-riscv64 does, the environment can stand in for -L and -strace. */
    if (!proc.opt.prefix && (proc.opt.prefix = getenv("RVDBT_LD_PREFIX")) && !*proc.opt.prefix)
        proc.opt.prefix = NULL;
    if (!proc.opt.prefix && (proc.opt.prefix = getenv("QEMU_LD_PREFIX")) && !*proc.opt.prefix)
        proc.opt.prefix = NULL;
    if (getenv("RVDBT_STRACE") || getenv("QEMU_STRACE"))
        proc.opt.strace = true;
    if (!proc.opt.log)
        proc.opt.log = stderr;
    proc.opt_words = &argv[1];
    proc.n_opt_words = i - 1;

    const char *path = argv[i];
    char **gargv = &argv[i];
    if (proc.opt.argv0)
        gargv[0] = (char *)proc.opt.argv0;
    proc.argv = gargv;

    /* a perf map's addresses stay unused for as long as the span lasts */
    int err = tr_cache_init(&cache, cache_size, proc.opt.perf_map ? TR_MAX_SPAN : cache_size);
    cache.no_chain = no_chain;
    cache.debug_crash_pc = proc.opt.debug_crash_pc;
    cache.fma = cache.fma && !no_fma;
    if (err) {
        fprintf(stderr, "rvdbt: cannot set up the code cache: %s\n", strerror(-err));
        return EXIT_INTERNAL;
    }
    proc.cache = &cache;
    proc.tlb_size = tlb_size;
    proc.n_threads = 1;
    /* The mask survives execve: the first thread starts with the host's. */
    uint64_t mask = sig_host_mask_set(0);
    sig_host_mask_set(mask);
    struct rv_thread *thread = thread_new(&proc, mask);
    if (!thread) {
        fprintf(stderr, "rvdbt: cannot allocate the guest thread state\n");
        return EXIT_INTERNAL;
    }
    struct rv_cpu *cpu = thread->cpu;
    char why[PATH_MAX * 4];
    int status = linux_start(&proc, cpu, path, gargv, env.v, why, sizeof why);
    if (status) {
        fprintf(stderr, "rvdbt: %s\n", why);
        return status;
    }
    /* Linux mode's guest memory is one flat reservation: reserved low, the
     * fast paths add its base as a displacement (translator/tr_mem.c). */
    uintptr_t base = (uintptr_t)proc.mmu.base;
    cache.guest_disp = !proc.opt.bare && base + 4096 < INT32_MAX ? (int32_t)base : 0;
    crash_init(&proc);
    timeout_proc = &proc;
    if (timeout > 0 && (err = arm_timeout(timeout)) != 0) {
        fprintf(stderr, "rvdbt: cannot arm the timeout: %s\n", strerror(-err));
        return EXIT_INTERNAL;
    }
    if (stats_start(&proc, cpu) != 0)
        return EXIT_INTERNAL;
    if (proc.opt.bare)
        priv_run(cpu);
    sig_init(&proc);
    sig_thread_start(thread);
    linux_run(thread);
}
