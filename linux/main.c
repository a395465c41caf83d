/* rvdbt's command line: load a riscv64 Linux program and run it. */
#include <errno.h>
#include <signal.h>
#include <ucontext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/proc.h"
#include "linux/stats.h"
#include "loader/elf_bare.h"
#include "loader/elf_load.h"
#include "translator/tr_cache.h"
#include "translator/tr_log.h"
#include "translator/tr_priv.h"
#include <time.h>
#include <unistd.h>

#define RVDBT_VERSION "0.1"

enum { EXIT_LOAD = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 70, EXIT_TIMEOUT = 124 };

static void usage(FILE *f)
{
    fputs("usage: rvdbt [options] PROGRAM [ARGS...]\n"
          "       rvdbt --bare [options] IMAGE\n"
          "Run a riscv64 Linux program (static, or position-independent without an\n"
          "interpreter) on this x86-64 host by translating it to x86-64 code; or, with\n"
          "--bare, a bare-metal image (such as riscv-tests') from M-mode.\n"
          "\n"
          "options:\n"
          "  -E VAR=VALUE     set VAR in the guest's environment\n"
          "  -U VAR           remove VAR from the guest's environment\n"
          "  -0 ARGV0         use ARGV0 as the guest's argv[0]\n"
          "  -strace          log every guest syscall to stderr\n"
          "  -d ITEMS         log translation: in_asm (guest code of each block),\n"
          "                   out_asm (host code it became); unimp (each unimplemented\n"
          "                   syscall the guest makes); comma-separated\n"
          "  -D FILE          write the -d log to FILE instead of stderr\n"
          "  --stats          print translation and inline-cache counters and the\n"
          "                   unimplemented syscalls the guest made on exit\n"
          "  --count-hits     count inline-cache hits exactly (slower; implies --stats figures are exact)\n"
          "  --ic-miss        never fill inline-cache slots: every access takes the slow path\n"
          "  --tlb-size N     entries of the software TLB behind the slots (1..256, a power of 2)\n"
          "  --no-chain       never chain blocks: every block exit returns to the dispatcher\n"
          "  --code-cache-size BYTES  size of the translated-code cache (default 64 MiB,\n"
          "                   at least 128 KiB); a full cache is flushed and refilled\n"
          "  --bare           IMAGE is a bare-metal RV64GC ELF: loaded at its physical\n"
          "                   addresses with 256 MiB of RAM at 0x80000000, run from its\n"
          "                   entry in M-mode (M, S and U modes, Sv39); it reports\n"
          "                   through its `tohost` symbol (HTIF)\n"
          "  --timeout SECONDS  stop the run after SECONDS (a fraction is allowed)\n"
          "  -h, --help       this text\n"
          "  --version        print the version\n"
          "\n"
          "exit status: the guest's; 128+N when the guest is killed by signal N;\n"
          "1 when the program cannot be loaded; 2 for a usage error; 70 for an internal error;\n"
          "124 when --timeout ends the run. With --bare, the image's: 0 when it reports a\n"
          "pass (\"PASS\" on stderr), N (at most 127) when it reports a failure of test N\n"
          "(\"FAIL: test N\").\n", f);
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

/* A host fault is a bug in rvdbt, never the guest's doing (guest faults are
 * found by the slow paths before any access), with one exception handed to
 * the translator: a guest read of a file mapping past the end of its file.
 * Otherwise say so, with the host pc, and exit with the internal-error status
 * rather than dumping core. */
static void internal_fault(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
    tr_host_fault(sig, (uint64_t)(uintptr_t)si->si_addr, rip);
    mmu_copy_fault(sig);
    char msg[160];
    int n = snprintf(msg, sizeof msg, "rvdbt: internal error: host signal %d at host pc 0x%llx, address 0x%llx\n",
                     sig, (unsigned long long)rip, (unsigned long long)(uintptr_t)si->si_addr);
    ssize_t r = write(2, msg, (size_t)n);
    (void)r;
    _exit(EXIT_INTERNAL);
}

static void catch_internal_faults(void)
{
    static char stack[64 * 1024];
    stack_t ss = { .ss_sp = stack, .ss_size = sizeof stack };
    struct sigaction sa = { .sa_sigaction = internal_fault, .sa_flags = SA_SIGINFO | SA_ONSTACK };
    sigaltstack(&ss, NULL);
    for (int sig = SIGILL; sig <= SIGSEGV; sig++)
        if (sig == SIGILL || sig == SIGBUS || sig == SIGFPE || sig == SIGSEGV)
            sigaction(sig, &sa, NULL);
}

static struct rv_cpu *stats_cpu;

static char timeout_msg[80];

static void on_timeout(union sigval v)
{
    (void)v;
    if (write(2, timeout_msg, strlen(timeout_msg)) < 0)
        _exit(EXIT_TIMEOUT);
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

static void print_stats_at_exit(void)
{
    stats_print(stderr, stats_cpu);
}

int main(int argc, char **argv)
{
    static struct rv_proc proc;
    static struct tr_cache cache;
    struct env env;
    size_t cache_size = TR_DEFAULT_CACHE_SIZE;
    uint32_t tlb_size = TLB_MAX;
    double timeout = 0;
    int i;

    env_init(&env);
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        bool has_arg = i + 1 < argc;
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
        } else if (!strcmp(a, "--count-hits")) {
            proc.opt.count_hits = true;
        } else if (!strcmp(a, "--ic-miss")) {
            proc.opt.ic_miss = true;
        } else if (!strcmp(a, "--tlb-size") && has_arg) {
            char *end;
            unsigned long v = strtoul(argv[++i], &end, 0);
            if (*end || v < 1 || v > TLB_MAX || (v & (v - 1))) {
                fprintf(stderr, "rvdbt: --tlb-size: %s is not a power of 2 from 1 to %d\n", argv[i], TLB_MAX);
                return EXIT_USAGE;
            }
            tlb_size = (uint32_t)v;
        } else if (!strcmp(a, "--bare")) {
            proc.opt.bare = true;
        } else if (!strcmp(a, "--timeout") && has_arg) {
            char *end;
            timeout = strtod(argv[++i], &end);
            if (*end || !(timeout > 0 && timeout < 1e9)) {
                fprintf(stderr, "rvdbt: --timeout: %s is not a number of seconds\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--no-chain")) {
            cache.no_chain = true;
        } else if (!strcmp(a, "--code-cache-size") && has_arg) {
            char *end;
            unsigned long long v = strtoull(argv[++i], &end, 0);
            if (*end || v < (128u << 10) || v > (1ull << 31)) {
                fprintf(stderr, "rvdbt: --code-cache-size: %s is not a size between 128 KiB and 2 GiB\n", argv[i]);
                return EXIT_USAGE;
            }
            cache_size = (size_t)v;
        } else if (!strcmp(a, "-E") && has_arg && strchr(argv[i + 1], '=')) {
            env_set(&env, argv[++i]);
        } else if (!strcmp(a, "-U") && has_arg) {
            env_unset(&env, argv[++i]);
        } else if (!strcmp(a, "-d") && has_arg) {
            const char *bad;
            proc.opt.log_mask = tr_log_parse(argv[++i], &bad);
            if (proc.opt.log_mask < 0) {
                fprintf(stderr, "rvdbt: unknown -d item in '%s' (known: in_asm, out_asm, unimp)\n", bad);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-D") && has_arg) {
            proc.opt.log = fopen(argv[++i], "w");
            if (!proc.opt.log) {
                fprintf(stderr, "rvdbt: %s: %s\n", argv[i], strerror(errno));
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-0") && has_arg) {
            proc.opt.argv0 = argv[++i];
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "rvdbt: unknown option or missing argument: %s\n", a);
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (!proc.opt.log)
        proc.opt.log = stderr;
    if (i >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *path = argv[i];
    char **gargv = &argv[i];
    int gargc = argc - i;
    if (proc.opt.argv0)
        gargv[0] = (char *)proc.opt.argv0;
    proc.argv = gargv;

    int err = mmu_init(&proc.mmu);
    if (err) {
        fprintf(stderr, "rvdbt: cannot reserve guest memory: %s\n", strerror(-err));
        return EXIT_INTERNAL;
    }
    char why[256];
    struct elf_image img;
    struct elf_bare bare;
    uint64_t sp = 0;
    if (proc.opt.bare) {
        if (gargc > 1) {
            fprintf(stderr, "rvdbt: --bare takes an image and no arguments\n");
            return EXIT_USAGE;
        }
        if (elf_load_bare(&proc.mmu, path, &bare, why, sizeof why) < 0) {
            fprintf(stderr, "rvdbt: %s: %s\n", path, why);
            return EXIT_LOAD;
        }
    } else if (elf_load(&proc.mmu, path, &img, why, sizeof why) < 0) {
        fprintf(stderr, "rvdbt: %s: %s\n", path, why);
        return EXIT_LOAD;
    }
    if (!proc.opt.bare && img.interp) {
        /* The path comes from the file: keep the message one line of text. */
        for (char *p = img.interp; *p; p++)
            if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
                *p = '?';
        fprintf(stderr, "rvdbt: %s: dynamically linked programs (interpreter %s) are not supported yet\n",
                path, img.interp);
        return EXIT_LOAD;
    }
    proc.exe_path = realpath(path, NULL);
    if (!proc.opt.bare)
        sp = elf_build_stack(&proc.mmu, &img, 0, gargc, gargv, env.v, path, why, sizeof why);
    if (!proc.opt.bare && !sp) {
        fprintf(stderr, "rvdbt: %s: %s\n", path, why);
        return EXIT_LOAD;
    }
    bool no_chain = cache.no_chain;
    err = tr_cache_init(&cache, cache_size);
    cache.no_chain = no_chain;
    if (err) {
        fprintf(stderr, "rvdbt: cannot set up the code cache: %s\n", strerror(-err));
        return EXIT_INTERNAL;
    }
    proc.cache = &cache;
    struct rv_cpu *cpu = rv_cpu_new(&proc);
    if (!cpu) {
        fprintf(stderr, "rvdbt: cannot allocate the guest thread state\n");
        return EXIT_INTERNAL;
    }
    catch_internal_faults();
    cpu->tlb_mask = tlb_size - 1;
    cpu->tid = (uint64_t)getpid();
    if (proc.opt.bare) {
        proc.entry = bare.entry;
        priv_reset(cpu, bare.entry, bare.tohost, bare.fromhost);
    } else {
        proc.entry = img.entry;
        cpu->x[2] = sp;
        cpu->pc = img.entry;
    }
    if (timeout > 0 && (err = arm_timeout(timeout)) != 0) {
        fprintf(stderr, "rvdbt: cannot arm the timeout: %s\n", strerror(-err));
        return EXIT_INTERNAL;
    }
    if (proc.opt.stats || proc.opt.count_hits) {
        stats_cpu = cpu;
        atexit(print_stats_at_exit);
    }
    tr_run(cpu);
}
