/* --stats: the counters of a run, printed on exit. */
#ifndef STATS_H
#define STATS_H

#include <stdio.h>
#include "translator/rv_cpu.h"

void stats_print(FILE *f, const struct rv_cpu *cpu);

#endif
