/* What a run did, reported when it ends: --stats (text), --stats-json
 * (schema version 1, docs/ARCHITECTURE.md "Statistics"). The counters are
 * each thread's struct rv_counters; a thread that ends leaves its own here,
 * so the totals are the sum over every thread the process had. */
#ifndef STATS_H
#define STATS_H

#include <stdbool.h>
#include <stdio.h>
#include "translator/rv_cpu.h"

#include "linux/proc.h"
#include "linux/sys.h"

struct stats_thread {
    uint64_t tid;
    bool alive;              /* still running when the run ended */
    struct rv_counters cnt;
};

/* The counters at the end of the run. */
struct stats_run {
    struct rv_counters total;     /* sum over threads */
    struct stats_thread *threads; /* in order of their start */
    size_t n_threads;
    double wall_seconds;          /* from rvdbt's start */
    enum rv_end end;
    int status;                   /* exit status, or the signal's number */
    uint64_t syscalls[SYS_NR_MAX + 1]; /* sys_calls, read with the threads' counts */
};

/* Arrange for the reports the options ask for to be written when the run
 * ends, however it ends (p->report, and an atexit handler for exit()), and
 * start profiling when asked, cpu being the first thread's. Before any
 * translation and before sig_init. 0, or -1 with a message on stderr. */
int stats_start(struct rv_proc *p, struct rv_cpu *cpu);
/* The guest's symbols (NULL unless --profile or --perf-map), with every
 * executable file mapping made so far read. */
struct syms *stats_syms(struct rv_proc *p);
/* The run ends now (a signal, --timeout): write the reports. They are
 * written once. */
void stats_end(struct rv_proc *p, enum rv_end how, int status);

/* The counters now, summed and per thread; stats_run_free releases them. */
void stats_collect(struct rv_proc *p, struct stats_run *r);
void stats_run_free(struct stats_run *r);

void stats_write_text(FILE *f, struct rv_proc *p, const struct stats_run *r);
/* prof: the profile's blocks and sites under "profile", or NULL. */
struct prof_report;
struct syms;
void stats_write_json(FILE *f, struct rv_proc *p, const struct stats_run *r, const struct prof_report *prof,
                      struct syms *syms);

#endif
