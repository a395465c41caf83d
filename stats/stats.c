/* The end of a run: gather every thread's counters and write the reports
 * the options asked for, once, whether the guest exits, dies of a signal or
 * is stopped by --timeout. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "linux/proc.h"
#include "stats/stats.h"
#include "translator/tr_cache.h"

/* Threads that have ended, in the order they ended. */
static pthread_mutex_t ended_lock = PTHREAD_MUTEX_INITIALIZER;
static struct stats_thread *ended;
static size_t n_ended, cap_ended;

static struct rv_counters ended_total;
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

static void thread_exit(struct rv_proc *p, uint64_t tid, const struct rv_counters *cnt)
{
    (void)p;
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
        memcpy(r->threads, ended, n_ended * sizeof *ended);
        r->n_threads = n_ended;
    }
    /* The threads still running, read as they are (the run is ending);
     * c->cpus lists the newest first. */
    size_t k = r->n_threads + alive;
    for (const struct rv_cpu *o = c->cpus; o; o = o->next_cpu) {
        add_counters(&r->total, &o->cnt);
        if (r->threads)
            r->threads[--k] = (struct stats_thread){ .tid = o->tid, .alive = true, .cnt = o->cnt };
    }
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

/* FILE, or stderr when the option gave none; NULL with a message on failure. */
static FILE *open_report(const char *option, const char *path)
{
    if (!path)
        return stderr;
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "rvdbt: %s=%s: %s\n", option, path, strerror(errno));
    return f;
}

static void close_report(FILE *f)
{
    if (f == stderr)
        fflush(f);
    else
        fclose(f);
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
    FILE *f;
    if ((p->opt.stats || p->opt.count_hits) && (f = open_report("--stats", p->opt.stats_file))) {
        stats_write_text(f, p, &r);
        close_report(f);
    }
    if (p->opt.stats_json && (f = open_report("--stats-json", p->opt.stats_json))) {
        stats_write_json(f, p, &r);
        close_report(f);
    }
    stats_run_free(&r);
}

static void end_at_exit(void)
{
    stats_end(run_proc, RV_END_EXIT, run_proc->exit_status);
}

void stats_start(struct rv_proc *p)
{
    if (!p->opt.stats && !p->opt.count_hits && !p->opt.stats_json)
        return;
    run_proc = p;
    p->report = (struct rv_report){ .thread_exit = thread_exit, .end = stats_end };
    atexit(end_at_exit);
}
