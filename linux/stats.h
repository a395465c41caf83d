/* --stats: the counters of a run, printed on exit. */
#ifndef STATS_H
#define STATS_H

#include <stdio.h>
#include "translator/rv_cpu.h"

struct rv_proc;
/* The counters summed over the process's threads, past and present. */
void stats_print(FILE *f, struct rv_proc *p);
/* A thread ends: its counters go into the process's. */
void stats_thread_exit(struct rv_proc *p, const struct rv_counters *cnt);

#endif
