/* The end of a run: gather every thread's counters and write the reports
 * the options asked for, once, whether the guest exits, dies of a signal or
 * is stopped by --timeout. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "linux/proc.h"
#include "stats/log.h"
#include "stats/perfmap.h"
#include "stats/prof.h"
#include "stats/stats.h"
#include "stats/syms.h"
#include "translator/tr_cache.h"

/* Threads that have ended, in the order they ended. */
static pthread_mutex_t ended_lock = PTHREAD_MUTEX_INITIALIZER;
static struct stats_thread *ended;
static size_t n_ended, cap_ended;

static struct rv_counters ended_total;
static struct syms *syms;
static struct rv_proc *run_proc;
static atomic_bool reported;

/* The run's wall time counts from rvdbt's start, before the guest loads. */
static struct timespec started;
__attribute__((constructor)) static void note_start(void)
{
    clock_gettime(CLOCK_MONOTONIC, &started);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) * 1e-9;
}

/* a += b, counter by counter (struct rv_counters is all uint64_t). */
static void add_counters(struct rv_counters *a, const struct rv_counters *b)
{
    uint64_t *x = (uint64_t *)a;
    const uint64_t *y = (const uint64_t *)b;
    for (size_t i = 0; i < sizeof *a / sizeof *x; i++)
        x[i] += y[i];
}

static void thread_start(struct rv_proc *p, struct rv_cpu *cpu)
{
    if (p->opt.profile)
        prof_thread_start(cpu);
}

static void thread_exit(struct rv_proc *p, struct rv_cpu *cpu)
{
    uint64_t tid = cpu->tid;
    const struct rv_counters *cnt = &cpu->cnt;
    if (p->opt.profile)
        prof_thread_exit(cpu);
    pthread_mutex_lock(&ended_lock);
    add_counters(&ended_total, cnt);
    if (n_ended == cap_ended) {
        size_t cap = cap_ended ? 2 * cap_ended : 16;
        struct stats_thread *t = realloc(ended, cap * sizeof *t);
        if (t) {
            ended = t;
            cap_ended = cap;
        }
    }
    /* Without room the thread is in the totals but not listed. */
    if (n_ended < cap_ended)
        ended[n_ended++] = (struct stats_thread){ .tid = tid, .cnt = *cnt };
    pthread_mutex_unlock(&ended_lock);
}

void stats_collect(struct rv_proc *p, struct stats_run *r)
{
    memset(r, 0, sizeof *r);
    struct tr_cache *c = p->cache;
    pthread_mutex_lock(&ended_lock);
    pthread_mutex_lock(&c->lock);
    size_t alive = 0;
    for (const struct rv_cpu *o = c->cpus; o; o = o->next_cpu)
        alive++;
    r->threads = calloc(n_ended + alive, sizeof *r->threads);
    r->total = ended_total;
    if (r->threads) {
        if (n_ended)    /* ended is NULL until a thread ends */
            memcpy(r->threads, ended, n_ended * sizeof *ended);
        r->n_threads = n_ended;
    }
    /* The threads still running, read as they are (the run is ending),
     * but with their syscall counts and the counts by number read at one
     * moment; c->cpus lists the newest first. */
    size_t k = r->n_threads + alive;
    sys_counts_hold(c->cpus);
    for (const struct rv_cpu *o = c->cpus; o; o = o->next_cpu) {
        add_counters(&r->total, &o->cnt);
        if (r->threads)
            r->threads[--k] = (struct stats_thread){ .tid = o->tid, .alive = true, .cnt = o->cnt };
    }
    for (uint64_t nr = 0; nr <= SYS_NR_MAX; nr++)
        r->syscalls[nr] = sys_calls(nr);
    sys_counts_release();
    if (r->threads)
        r->n_threads += alive;
    pthread_mutex_unlock(&c->lock);
    pthread_mutex_unlock(&ended_lock);
    r->wall_seconds = seconds_since(&started);
}

void stats_run_free(struct stats_run *r)
{
    free(r->threads);
    r->threads = NULL;
}

/* A report being written: to stderr; to a temporary file beside its path
 * that becomes the path only once it is whole, so that a reader never sees
 * half a report (a run killed while writing one leaves the old file, or
 * none); or, when the path is a pipe, terminal or device, straight to it
 * (tmp is empty then). */
struct report_file {
    FILE *f;
    const char *option, *path;
    char tmp[4096];
};

/* The process's umask, read without setting it (umask() would, for a moment,
 * also for guest threads still creating files); 022 if it cannot be read. */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned mask = 022;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Umask: %o", &mask) == 1)
            break;
    if (f)
        fclose(f);
    return (mode_t)mask;
}

/* Opens r for OPTION's PATH (stderr when the option gave none); false with a
 * message on failure. */
static bool open_report(struct report_file *r, const char *option, const char *path)
{
    r->option = option;
    r->path = path;
    if (!path) {
        r->f = stderr;
        return true;
    }
    struct stat st;
    r->tmp[0] = 0;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        r->f = fopen(path, "w");
        if (!r->f)
            fprintf(stderr, "rvdbt: %s=%s: %s\n", option, path, strerror(errno));
        return r->f != NULL;
    }
    int fd = -1;
    if (snprintf(r->tmp, sizeof r->tmp, "%s.rvdbt-XXXXXX", path) < (int)sizeof r->tmp)
        fd = mkstemp(r->tmp);
    else
        errno = ENAMETOOLONG;
    r->f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!r->f) {
        fprintf(stderr, "rvdbt: %s=%s: %s\n", option, path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(r->tmp);
        }
        return false;
    }
    /* mkstemp's file is private to its owner; a report is an ordinary file */
    fchmod(fd, 0666 & ~current_umask());
    return true;
}

static void close_report(struct report_file *r)
{
    if (r->f == stderr) {
        fflush(stderr);
        return;
    }
    errno = 0;
    bool ok = !ferror(r->f);
    ok = fclose(r->f) == 0 && ok;
    if (ok && (!r->tmp[0] || rename(r->tmp, r->path) == 0))
        return;
    fprintf(stderr, "rvdbt: %s=%s: %s\n", r->option, r->path, strerror(errno ? errno : EIO));
    if (r->tmp[0])
        unlink(r->tmp);
}

void stats_end(struct rv_proc *p, enum rv_end how, int status)
{
    /* a forked child's process has no reports: they are the parent's */
    if (!p->report.end || atomic_exchange(&reported, true))
        return;
    struct stats_run r;
    stats_collect(p, &r);
    r.end = how;
    r.status = status;
    struct prof_report pr;
    if (p->opt.profile)
        prof_report(p, &pr);
    struct report_file f;
    if ((p->opt.stats || p->opt.count_hits) && open_report(&f, "--stats", p->opt.stats_file)) {
        stats_write_text(f.f, p, &r);
        close_report(&f);
    }
    if (p->opt.stats_json && open_report(&f, "--stats-json", p->opt.stats_json)) {
        stats_write_json(f.f, p, &r, p->opt.profile ? &pr : NULL, stats_syms(p));
        close_report(&f);
    }
    if (p->opt.profile_text && open_report(&f, "--profile", p->opt.profile_file)) {
        prof_write_text(f.f, p, stats_syms(p), &pr);
        close_report(&f);
    }
    if (p->opt.profile_html && open_report(&f, "--profile-html", p->opt.profile_html)) {
        prof_write_html(f.f, p, stats_syms(p), &pr, &r);
        close_report(&f);
    }
    if (p->opt.profile)
        prof_report_free(&pr);
    stats_run_free(&r);
}

/* The executable file mappings not yet read, collected under the mmu's
 * lock and read after it (reading an ELF file takes time). */
#define SCAN_MAX 64
struct scan {
    size_t n;
    struct { uint64_t start, off; char path[4096]; } m[SCAN_MAX];
};

/* Mappings already read, by start and file offset. */
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static struct { uint64_t start, off; } *seen;
static size_t n_seen, cap_seen;

static bool was_seen(uint64_t start, uint64_t off)
{
    for (size_t i = 0; i < n_seen; i++)
        if (seen[i].start == start && seen[i].off == off)
            return true;
    return false;
}

static void scan_region(void *arg, const struct mmu_region *r, const struct mmu_file *f)
{
    struct scan *s = arg;
    if (!(r->prot & MMU_X) || !f || !f->path || s->n == SCAN_MAX || was_seen(r->start, r->off))
        return;
    s->m[s->n].start = r->start;
    s->m[s->n].off = r->off;
    snprintf(s->m[s->n].path, sizeof s->m[s->n].path, "%s", f->path);
    s->n++;
}

/* Names of guest addresses: every executable file mapping the guest has
 * (the program, its interpreter, the libraries it mapped) is read once.
 * Files stay known after they are unmapped, for the reports. */
struct syms *stats_syms(struct rv_proc *p)
{
    static struct scan s;
    if (!syms)
        return NULL;
    pthread_mutex_lock(&seen_lock);
    s.n = 0;
    mmu_walk(&p->mmu, scan_region, &s);
    for (size_t i = 0; i < s.n; i++) {
        syms_add_mapping(syms, s.m[i].path, s.m[i].start, s.m[i].off);
        if (n_seen == cap_seen) {
            size_t cap = cap_seen ? 2 * cap_seen : 64;
            void *n = realloc(seen, cap * sizeof *seen);
            if (!n)
                break;
            seen = n;
            cap_seen = cap;
        }
        seen[n_seen].start = s.m[i].start;
        seen[n_seen++].off = s.m[i].off;
    }
    pthread_mutex_unlock(&seen_lock);
    return syms;
}

static void end_at_exit(void)
{
    stats_end(run_proc, RV_END_EXIT, run_proc->exit_status);
}

/* Every new translation: the profile's copy of it, the perf map's line. */
static void translated(void *arg, struct rv_cpu *cpu, const struct tr_block *b)
{
    struct rv_proc *p = arg;
    if (p->opt.profile)
        prof_translated(cpu, b);
    if (p->opt.perf_map || (p->opt.log_mask & (RV_LOG_IN_ASM | RV_LOG_OUT_ASM)))
        stats_syms(p);
    if (p->opt.perf_map)
        perfmap_block(syms, b);
    log_block(p, b);
}

static void forked(struct rv_proc *p)
{
    if (p->opt.perf_map)
        perfmap_forked();
}

static bool traced(void *arg, uint64_t pc)
{
    struct rv_proc *p = arg;
    stats_syms(p);
    return log_wanted(&p->opt, pc);
}

int stats_start(struct rv_proc *p, struct rv_cpu *cpu)
{
    const int blocks_logged = RV_LOG_IN_ASM | RV_LOG_OUT_ASM | RV_LOG_EXEC | RV_LOG_CPU;
    const struct rv_options *o = &p->opt;
    if (o->log_mask & RV_LOG_PAGE)
        log_page(p);
    if (!o->stats && !o->count_hits && !o->stats_json && !o->profile && !o->perf_map &&
        !(o->log_mask & blocks_logged))
        return 0;
    if (o->perf_map && perfmap_open() != 0)
        return -1;
    run_proc = p;
    if (o->profile || o->perf_map || (o->log_mask & blocks_logged)) {
        syms = syms_new();
        log_start(syms);
    }
    p->report = (struct rv_report){ .thread_start = thread_start, .thread_exit = thread_exit, .end = stats_end,
                                   .forked = forked };
    struct tr_probes probes = { .translated = translated, .arg = p };
    if (o->log_mask & (RV_LOG_EXEC | RV_LOG_CPU)) {
        probes.exec = log_exec;
        probes.traced = traced;
    }
    if (p->opt.profile && prof_start(p, &probes) != 0)
        return -1;
    if (probes.counter || probes.translated) {
        if (tr_probe_install(p->cache, &probes) != 0) {
            fprintf(stderr, "rvdbt: cannot reserve the profile's site table\n");
            return -1;
        }
    }
    if (o->perf_map)
        perfmap_stubs(p->cache);
    thread_start(p, cpu);
    atexit(end_at_exit);
    return 0;
}
